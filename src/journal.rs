//! The journal in the browser: every request sent, saved to localStorage.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use oms_core::journal::{
    EntryKind, Journal, JournalEntry, JournalError, JournalRequest, batch_save_delay_ms,
};

use crate::browser;
use crate::i18n::Texts;
use crate::store::{self, Unreadable};

/// The journal's storage key.
const KEY: &str = "oms-console.journal.v1";

/// An entry this tab started, as its requests name it (it moves when a
/// clear removes it while requests are still coming in).
#[derive(Clone)]
pub struct Started(Rc<RefCell<JournalEntry>>);

/// The journal and its persistence.
#[derive(Clone, Copy)]
pub struct JournalStore {
    journal: RwSignal<Journal>,
    full_noticed: RwSignal<bool>,
    notices: RwSignal<Vec<String>>,
    t: &'static Texts,
    save_scheduled: StoredValue<bool>,
    quiet_changes: StoredValue<bool>,
    last_save_ms: StoredValue<f64>,
}

impl JournalStore {
    /// Loads the stored journal (setting aside unreadable text) and saves every change.
    pub fn load(notices: RwSignal<Vec<String>>, t: &'static Texts) -> Self {
        let mut found = Vec::new();
        let parse = |text: &str| {
            Journal::from_json(text).map_err(|e| match e {
                JournalError::Corrupt(why) => Unreadable::NotJson(why),
                JournalError::UnknownVersion(version) => Unreadable::Version(version),
            })
        };
        let journal =
            store::load(KEY, t.stored_journal, parse, t, &mut found).unwrap_or_else(Journal::new);
        notices.update(|n| n.extend(found));
        let store = Self {
            journal: RwSignal::new(journal),
            full_noticed: RwSignal::new(false),
            notices,
            t,
            save_scheduled: StoredValue::new(false),
            quiet_changes: StoredValue::new(false),
            last_save_ms: StoredValue::new(0.0),
        };
        // A save still waiting is done before the page goes away.
        let leaving = window_event_listener(leptos::ev::pagehide, move |_| store.flush());
        on_cleanup(move || leaving.remove());
        // Another tab saved its journal: take in its records, and save ours
        // if it lacks some, so that neither tab's overwrites the other's.
        store::on_stored_elsewhere(KEY, move |text| store.take_in(text.as_deref()));
        store
    }

    /// Takes in the journal another tab stored (`None`: it was removed).
    fn take_in(&self, stored: Option<&str>) {
        let theirs = match stored.map(Journal::from_json) {
            Some(Ok(journal)) => journal,
            None => Journal::new(),
            // Unreadable (another version's?): nothing to take in.
            Some(Err(_)) => return,
        };
        let mut lacking = false;
        self.journal.update(|j| lacking = j.merge(theirs));
        if lacking {
            self.save_soon(0);
        }
    }

    /// Saves, dropping the oldest entries while storage is full; never fails an operation.
    fn save(&self) {
        self.save_scheduled.set_value(false);
        let started = browser::now_ms();
        let saved = self
            .journal
            .with_untracked(|j| browser::save(KEY, &j.to_json()));
        self.last_save_ms.set_value(browser::now_ms() - started);
        if saved {
            return;
        }
        let mut journal = self.journal.get_untracked();
        let mut saved = false;
        while !journal.entries.is_empty() {
            let tenth = journal.entries.len().div_ceil(10);
            journal.drop_oldest(tenth);
            if browser::save(KEY, &journal.to_json()) {
                saved = true;
                break;
            }
        }
        // When not even an empty journal can be saved, storage is unavailable:
        // keep every entry for this page rather than dropping them.
        if saved {
            self.journal.set(journal);
        }
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

    /// Starts an entry, saved once the current task is over (after its
    /// request has left).
    pub fn start(&self, profile: &str, kind: EntryKind, task_name: &str) -> Started {
        let at_ms = browser::now_ms();
        let started = self
            .journal
            .try_update(|j| j.start(at_ms, profile, kind, task_name))
            // The console is going away: nothing will be kept.
            .unwrap_or_else(|| Journal::new().start(at_ms, profile, kind, task_name));
        self.save_soon(0);
        Started(Rc::new(RefCell::new(started)))
    }

    /// Adds a request to the entry `started`.
    pub fn add(&self, started: &Started, request: JournalRequest) {
        let now_ms = browser::now_ms();
        self.journal
            .update(|j| j.add_request(&mut started.0.borrow_mut(), request, now_ms));
        self.save_soon(0);
    }

    /// Adds a request to the entry `started`; it is saved, and shown to the
    /// page, a moment later together with the others that arrive meanwhile
    /// (a batch's rows: saving and redrawing for each would cost more than
    /// the requests).
    pub fn add_soon(&self, started: &Started, request: JournalRequest) {
        let now_ms = browser::now_ms();
        self.journal
            .update_untracked(|j| j.add_request(&mut started.0.borrow_mut(), request, now_ms));
        self.quiet_changes.set_value(true);
        self.save_soon(batch_save_delay_ms(self.last_save_ms.get_value()));
    }

    /// Saves after `delay_ms`, unless a save is already waiting. With 0, the
    /// save runs once the current task is over: after the request it records
    /// has left, or after its answer is shown, so a long journal delays neither.
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

    /// The journal, for reading.
    pub fn journal(&self) -> Signal<Journal> {
        self.journal.into()
    }

    /// Empties the journal, in every open tab.
    pub fn clear(&self) {
        self.journal.set(Journal::cleared(browser::now_ms()));
        self.save();
    }
}
