//! The journal in the browser: every request sent, each entry under a
//! storage key of its own. A tab writes only the entries it changed, and
//! reads the others only when a page shows the journal, so neither starting
//! the console nor sending an operation grows with the journal.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use oms_core::journal::{
    ENTRY_KEY_PREFIX, EntryKey, EntryKind, Journal, JournalEntry, JournalError, JournalRequest,
    MAX_ENTRIES, batch_save_delay_ms, oldest_keys, read_v1,
};
use oms_core::left_behind::LeftBehind;
use oms_core::request::Request;

use crate::i18n::{Texts, entry_name, entry_task, fill};
use crate::store::{self, Unreadable};
use crate::{browser, split};

/// Where format 1 kept the whole journal, under one key.
const V1_KEY: &str = "oms-console.journal.v1";
/// Where a page going away lists, a line each, the entries it left with a
/// request in flight (the operation and the task, tab-separated) or a
/// pullback halted (then a third field: the step), for the next start to
/// say so.
const INTERRUPTED_KEY: &str = "oms-console.interrupted";

/// An entry this tab started, as its requests name it (it moves when a
/// clear removes it while requests are still coming in).
#[derive(Clone)]
pub struct Started(Rc<RefCell<JournalEntry>>);

impl Started {
    /// Whether the entry is a batch's.
    fn in_batch(&self) -> bool {
        matches!(
            EntryKind::parse(&self.0.borrow().operation),
            Some(EntryKind::Batch(_))
        )
    }
}

/// A request of an entry that has left and is not yet answered: what the
/// entry records if the page goes away first (see
/// [`JournalStore::sending`]).
pub struct InFlight {
    entry: Started,
    /// Unique among this tab's requests in flight.
    id: u64,
}

/// A request in flight: its id, its entry, its record should the page go
/// away before its answer, and when it left.
type Flying = (u64, Started, JournalRequest, f64);

/// An entry changed since it was last written: its id, and whether it was
/// never written (its key is new).
type Unsaved = (u64, bool);

/// Reads the text stored under an entry's key.
type ReadEntry = fn(&str) -> Result<JournalEntry, String>;

/// The journal and its persistence.
#[derive(Clone, Copy)]
pub struct JournalStore {
    journal: RwSignal<Journal>,
    /// Once every stored entry has been read (see [`Self::journal`]), how
    /// to read the ones other tabs store (code of a page that shows them).
    loaded: StoredValue<Option<ReadEntry>>,
    unsaved: StoredValue<Vec<Unsaved>>,
    full_noticed: RwSignal<bool>,
    notices: RwSignal<Vec<String>>,
    t: &'static Texts,
    save_scheduled: StoredValue<bool>,
    quiet_changes: StoredValue<bool>,
    last_save_ms: StoredValue<f64>,
    in_flight: StoredValue<(u64, Vec<Flying>), LocalStorage>,
    /// Flipped when a request in flight, but a batch's, leaves or ends: a
    /// form following [`Self::under_way`] looks again.
    under_way: RwSignal<bool>,
}

/// Adds `line` to what the next start is to say, unless it is there.
fn leave_line(line: &str) {
    let mut left = browser::load(INTERRUPTED_KEY).unwrap_or_default();
    if left.lines().all(|l| l != line) {
        left.push_str(line);
        left.push('\n');
        browser::save(INTERRUPTED_KEY, &left);
    }
}

/// The keys of the stored entries (not, say, a copy of one set aside).
fn stored_entry_keys() -> Vec<String> {
    browser::keys_starting_with(ENTRY_KEY_PREFIX)
        .into_iter()
        .filter(|key| EntryKey::parse(key).is_some())
        .collect()
}

impl JournalStore {
    /// The journal of this tab, empty until a page shows it, saving every
    /// change; a journal kept in format 1 is stored entry by entry, by code
    /// fetched for it.
    pub fn load(notices: RwSignal<Vec<String>>, t: &'static Texts) -> Self {
        let store = Self {
            journal: RwSignal::new(Journal::new()),
            loaded: StoredValue::new(None),
            unsaved: StoredValue::new(Vec::new()),
            full_noticed: RwSignal::new(false),
            notices,
            t,
            save_scheduled: StoredValue::new(false),
            quiet_changes: StoredValue::new(false),
            last_save_ms: StoredValue::new(0.0),
            in_flight: StoredValue::new_local((0, Vec::new())),
            under_way: RwSignal::new(false),
        };
        if let Some(text) = browser::load(INTERRUPTED_KEY) {
            // Said once: the lines go when their notices are shown (not
            // when the code to word them cannot be fetched).
            leptos::task::spawn_local(async move {
                if let Ok(notices_of) = split::interrupted_notices().await {
                    browser::remove(INTERRUPTED_KEY);
                    let found = notices_of(t, &text);
                    notices.update(|n| n.extend(found));
                }
            });
        }
        if browser::load(V1_KEY).is_some() {
            leptos::task::spawn_local(async move {
                if let Ok(store_v1_entries) = split::journal_v1().await {
                    store_v1_entries(store);
                }
            });
        }
        // The requests in flight are recorded interrupted, and a save still
        // waiting is done, before the page goes away (not when it is only
        // kept for the browser's Back, where its requests go on).
        let leaving = window_event_listener(leptos::ev::pagehide, move |ev| {
            if !ev.persisted() {
                store.interrupt();
            }
            store.flush();
        });
        on_cleanup(move || leaving.remove());
        store::on_stored_elsewhere(
            |key| key.starts_with(ENTRY_KEY_PREFIX),
            move |key, text| store.take_in_stored(key, text),
        );
        store
    }

    /// Takes the journal an earlier version kept under one key (setting it
    /// aside when it cannot be read), to store its entries one by one.
    pub fn store_v1_entries(self) {
        let t = self.t;
        let mut found = Vec::new();
        let parse = |text: &str| {
            read_v1(text).map_err(|e| match e {
                JournalError::Corrupt(why) => Unreadable::NotJson(why),
                JournalError::UnknownVersion(version) => Unreadable::Version(version),
            })
        };
        if let Some(entries) = store::load(V1_KEY, t.stored_journal, parse, t, &mut found) {
            browser::remove(V1_KEY);
            let ids: Vec<Unsaved> = entries.iter().map(|e| (e.id, true)).collect();
            self.journal.update(|j| {
                j.take_in(entries);
            });
            self.unsaved.update_value(|unsaved| unsaved.extend(ids));
            self.save_soon(0);
        }
        if !found.is_empty() {
            self.notices.update(|n| n.extend(found));
        }
    }

    /// Takes in what another tab stored under the entry key `key`: a
    /// removal (a clear, or the oldest entries dropped) always, an entry
    /// once this tab has read them all.
    fn take_in_stored(&self, key: &str, text: Option<String>) {
        let Some(at) = EntryKey::parse(key) else {
            return;
        };
        match (text, self.loaded.get_value()) {
            (None, _) => self.journal.maybe_update(|j| j.remove(at)),
            (Some(text), Some(read)) => {
                if let Ok(entry) = read(&text) {
                    self.journal.maybe_update(|j| j.take_in(vec![entry]));
                }
            }
            (Some(_), None) => {}
        }
    }

    /// Reads every stored entry, once; entries that cannot be read are set
    /// aside, each with a notice.
    fn load_all(&self) {
        if self.loaded.get_value().is_some() {
            return;
        }
        self.loaded.set_value(Some(JournalEntry::from_json));
        let mut entries = Vec::new();
        let mut found = Vec::new();
        for key in stored_entry_keys() {
            let Some(text) = browser::load(&key) else {
                continue;
            };
            match JournalEntry::from_json(&text) {
                Ok(entry) => entries.push(entry),
                Err(why) => {
                    let aside = store::set_aside(&key, &text);
                    let why = Unreadable::NotJson(why).words(self.t);
                    found.push(fill(self.t.journal_entry_unreadable, &[&why, &aside]));
                }
            }
        }
        self.journal.maybe_update(|j| j.take_in(entries));
        if !found.is_empty() {
            self.notices.update(|n| n.extend(found));
        }
    }

    /// Marks the entry `id` to be written at the next save.
    fn mark_unsaved(&self, id: u64, new_key: bool) {
        self.unsaved
            .update_value(|unsaved| match unsaved.iter_mut().find(|(u, _)| *u == id) {
                Some((_, new)) => *new |= new_key,
                None => unsaved.push((id, new_key)),
            });
    }

    /// Writes the entries changed since the last save; after a new key,
    /// keeps the newest [`MAX_ENTRIES`] stored. Never fails an operation.
    fn save(&self) {
        self.save_scheduled.set_value(false);
        let started = browser::now_ms();
        let unsaved = self
            .unsaved
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        let mut new_key = false;
        for (id, new) in unsaved {
            let stored = self.journal.with_untracked(|j| {
                j.entries
                    .iter()
                    .find(|e| e.id == id)
                    .map(|e| (e.key(), e.to_json()))
            });
            // Gone: cleared, or dropped as one of the oldest.
            let Some((key, text)) = stored else {
                continue;
            };
            self.write(&key, &text);
            new_key |= new;
        }
        if new_key {
            let keys = stored_entry_keys();
            let extra = keys.len().saturating_sub(MAX_ENTRIES);
            if extra > 0 {
                self.drop_stored(oldest_keys(keys, extra));
            }
        }
        self.last_save_ms.set_value(browser::now_ms() - started);
    }

    /// Writes `text` under `key`, dropping the oldest other entries while
    /// storage is full. When not even that makes room, storage is
    /// unavailable: the entry is kept for this page only.
    fn write(&self, key: &str, text: &str) {
        if browser::save(key, text) {
            return;
        }
        let saved = loop {
            let others: Vec<String> = stored_entry_keys()
                .into_iter()
                .filter(|k| k != key)
                .collect();
            if others.is_empty() {
                break false;
            }
            let tenth = others.len().div_ceil(10);
            self.drop_stored(oldest_keys(others, tenth));
            if browser::save(key, text) {
                break true;
            }
        };
        if !self.full_noticed.get_untracked() {
            self.full_noticed.set(true);
            let notice = if saved {
                self.t.journal_full
            } else {
                self.t.journal_unavailable
            };
            self.notices.update(|n| n.push(notice.to_owned()));
        }
    }

    /// Removes the entries stored under `keys`, here and in storage.
    fn drop_stored(&self, keys: Vec<String>) {
        for key in &keys {
            browser::remove(key);
        }
        self.journal.maybe_update(|j| {
            keys.iter()
                .filter_map(|key| EntryKey::parse(key))
                .fold(false, |dropped, at| j.remove(at) | dropped)
        });
    }

    /// Starts an entry, saved once the current task is over (after its
    /// request has left).
    pub fn start(&self, profile: &str, kind: EntryKind, task_name: &str) -> Started {
        let (at_ms, nonce) = (browser::now_ms(), browser::nonce());
        let started = self
            .journal
            .try_update(|j| j.start(at_ms, nonce, profile, kind, task_name))
            // The console is going away: nothing will be kept.
            .unwrap_or_else(|| Journal::new().start(at_ms, nonce, profile, kind, task_name));
        self.mark_unsaved(started.id, true);
        self.save_soon(0);
        Started(Rc::new(RefCell::new(started)))
    }

    /// Notes that `request`, the `step` of the entry `started`, has left:
    /// its answer is recorded with [`add`](Self::add) or
    /// [`add_soon`](Self::add_soon); should the page go away first, it is
    /// recorded interrupted.
    pub fn sending(&self, started: &Started, step: &str, request: &Request) -> InFlight {
        let record = JournalRequest::interrupted(step, request, 0);
        let id = self
            .in_flight
            .try_update_value(|(last, flying)| {
                *last += 1;
                flying.push((*last, started.clone(), record, browser::now_ms()));
                *last
            })
            .unwrap_or_default();
        if !started.in_batch() {
            self.under_way.update(|flip| *flip = !*flip);
        }
        InFlight {
            entry: started.clone(),
            id,
        }
    }

    /// Says so, in `t`'s words, when a request for `task_name` is in
    /// flight from another page than `own` (an entry's operation, e.g.
    /// `stop`, `pullback`): a form sending for the same task now would race
    /// it. A batch's rows are not followed (a redraw of the form for each
    /// would slow the batch).
    pub fn under_way(&self, t: &'static Texts, task_name: &str, own: &str) -> Option<String> {
        self.under_way.track();
        let operation = self.in_flight.with_value(|(_, flying)| {
            flying.iter().find_map(|(_, started, record, _)| {
                let operation = &started.0.borrow().operation;
                (record.task_name == task_name && operation != own && !started.in_batch())
                    .then(|| operation.clone())
            })
        })?;
        Some(fill(t.check_under_way, &[&entry_name(t, &operation)]))
    }

    /// The notices saying which entries a page going away left with a
    /// request in flight, or a pullback halted, from the lines it stored
    /// (see [`INTERRUPTED_KEY`]).
    pub fn interrupted_notices(t: &'static Texts, stored: &str) -> Vec<String> {
        let notice = |left: LeftBehind| {
            let migrated = left.migrated_name();
            match left {
                LeftBehind::Halted { task_name, step } => {
                    fill(t.halted_notice, &[&task_name, &step.to_string()])
                }
                LeftBehind::InFlight { task_name, .. } if let Some(new_name) = &migrated => {
                    fill(t.interrupted_migrate_notice, &[&task_name, new_name])
                }
                LeftBehind::InFlight {
                    operation,
                    task_name,
                    ..
                } => {
                    let task = entry_task(t, &operation, &task_name);
                    fill(t.interrupted_notice, &[&entry_name(t, &operation), &task])
                }
            }
        };
        stored
            .lines()
            .filter_map(LeftBehind::parse)
            .map(notice)
            .collect()
    }

    /// Records every request in flight as interrupted: the page is going away.
    fn interrupt(&self) {
        let flying = self
            .in_flight
            .try_update_value(|(_, flying)| std::mem::take(flying))
            .unwrap_or_default();
        let now_ms = browser::now_ms();
        for (_, started, mut record, sent_ms) in flying {
            record.latency_ms = (now_ms - sent_ms).max(0.0) as u32;
            let left = {
                let entry = started.0.borrow();
                LeftBehind::in_flight(&entry.operation, &entry.task_name, &record.params)
            };
            leave_line(&left.line());
            self.record(&started, record, false);
        }
        self.save_soon(0);
    }

    /// Notes, as the page goes away, that the pullback of `task_name` is
    /// left halted at `step` (from 1), for the next start to say so.
    pub fn left_halted(&self, task_name: &str, step: usize) {
        let task_name = task_name.to_owned();
        leave_line(&LeftBehind::Halted { task_name, step }.line());
    }

    /// Records the answer to the request `flight`.
    fn answered(&self, flight: InFlight, request: JournalRequest, notify: bool) {
        self.in_flight
            .update_value(|(_, flying)| flying.retain(|(id, ..)| *id != flight.id));
        if !flight.entry.in_batch() {
            self.under_way.update(|flip| *flip = !*flip);
        }
        self.record(&flight.entry, request, notify);
    }

    /// Adds `request` to the entry `started` names, telling whether it
    /// starts again under a new key (see [`Journal::add_request`]).
    fn record(&self, started: &Started, request: JournalRequest, notify: bool) {
        let (now_ms, nonce) = (browser::now_ms(), browser::nonce());
        let mut entry = started.0.borrow_mut();
        let before = entry.id;
        let add = |j: &mut Journal| j.add_request(&mut entry, request, now_ms, nonce);
        if notify {
            self.journal.update(add);
        } else {
            self.journal.update_untracked(add);
        }
        self.mark_unsaved(entry.id, entry.id != before);
    }

    /// Adds the answered request `flight` to its entry.
    pub fn add(&self, flight: InFlight, request: JournalRequest) {
        self.answered(flight, request, true);
        self.save_soon(0);
    }

    /// Adds the answered request `flight` to its entry; it is saved, and
    /// shown to the page, a moment later together with the others that
    /// arrive meanwhile (a batch's rows: saving and redrawing for each
    /// would cost more than the requests).
    pub fn add_soon(&self, flight: InFlight, request: JournalRequest) {
        self.answered(flight, request, false);
        self.quiet_changes.set_value(true);
        self.save_soon(batch_save_delay_ms(self.last_save_ms.get_value()));
    }

    /// Saves after `delay_ms`, unless a save is already waiting. With 0, the
    /// save runs once the current task is over: after the request it records
    /// has left, or after its answer is shown.
    fn save_soon(&self, delay_ms: u32) {
        if !self.save_scheduled.get_value() {
            self.save_scheduled.set_value(true);
            let store = *self;
            Timeout::new(delay_ms, move || store.flush()).forget();
        }
    }

    /// Saves now a save that is waiting, and shows the page what
    /// [`add_soon`](Self::add_soon) added.
    pub fn flush(&self) {
        if self.save_scheduled.try_get_value() == Some(true) {
            self.save();
        }
        if self.quiet_changes.try_get_value() == Some(true) {
            self.quiet_changes.set_value(false);
            self.journal.notify();
        }
    }

    /// Every entry, for reading; the stored ones are read on the first call.
    pub fn journal(&self) -> Signal<Journal> {
        self.load_all();
        self.journal.into()
    }

    /// Empties the journal, in every open tab: what is answered after it
    /// starts its entry again.
    pub fn clear(&self) {
        for key in stored_entry_keys() {
            browser::remove(&key);
        }
        self.loaded.set_value(Some(JournalEntry::from_json));
        self.unsaved.set_value(Vec::new());
        self.journal.set(Journal::new());
    }
}
