//! The operation journal: what was sent and what came back, kept in the browser.

use serde::{Deserialize, Serialize};

use crate::batch::{FailureCause, failure_tally};
use crate::config_map::mask_body_text;
use crate::envelope::Outcome;
use crate::request::{METHOD, OperationKind, Request, query_param};

/// How many entries are kept; older ones go first.
pub const MAX_ENTRIES: usize = 2_000;
/// What the storage key of every journal entry starts with: since format 2
/// each entry is stored under a key of its own (see [`JournalEntry::key`]),
/// so that a tab writes only the entries it changed and reads none of them
/// to start.
pub const ENTRY_KEY_PREFIX: &str = "oms-console.journal.v2.";
/// The version of format 1, which stored the whole journal under one key.
const V1_VERSION: u32 = 1;
/// The outcome of a request still in flight when the page that sent it
/// went away: it left, but its answer was never read.
pub const INTERRUPTED: &str = "interrupted";

/// One request of an entry, with its answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JournalRequest {
    /// The task the request acted on.
    pub task_name: String,
    /// The step or row label, e.g. `1. stop` (empty for single requests).
    #[serde(default)]
    pub step: String,
    /// `POST`.
    pub method: String,
    /// The path, e.g. `/connector/task/v2/stop`.
    pub path: String,
    /// The query parameters, decoded, in order.
    pub params: Vec<(String, String)>,
    /// The body, secrets masked.
    pub body: Option<String>,
    /// The outcome class, e.g. `api-error`.
    pub outcome: String,
    /// The HTTP status, when an answer came.
    pub status: Option<u16>,
    /// `errCode`.
    pub err_code: Option<String>,
    /// `errMsg`.
    pub err_msg: Option<String>,
    /// `errorDetail`, its first [`DETAIL_KEPT`] characters (a stack trace
    /// can be long; the journal keeps 2,000 entries).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_detail: Option<String>,
    /// `result`, as text.
    pub result: Option<String>,
    /// Milliseconds from sending to the end.
    pub latency_ms: u32,
}

impl JournalRequest {
    /// The record of `request` ending with `outcome`.
    pub fn new(
        step: &str,
        request: &Request,
        outcome: &Outcome,
        status: Option<u16>,
        latency_ms: u32,
    ) -> Self {
        let mut record = Self::interrupted(step, request, latency_ms);
        record.outcome = outcome.class().as_str().to_owned();
        record.status = status;
        let [err_code, err_msg, error_detail] = outcome.refusal().unwrap_or_default();
        record.err_code = err_code.map(str::to_owned);
        record.err_msg = err_msg.map(str::to_owned);
        record.error_detail = error_detail.map(kept_detail);
        record.result = match outcome {
            Outcome::Success {
                result: Some(value),
            } => Some(
                value
                    .as_str()
                    .map_or_else(|| value.to_string(), str::to_owned),
            ),
            _ => None,
        };
        record
    }

    /// The record of `request`, sent `latency_ms` ago, whose answer will not
    /// be read: the page that sent it is going away ([`INTERRUPTED`]).
    pub fn interrupted(step: &str, request: &Request, latency_ms: u32) -> Self {
        Self {
            task_name: query_param(&request.query, "taskName")
                .unwrap_or_default()
                .to_owned(),
            step: step.to_owned(),
            method: METHOD.to_owned(),
            path: request.path(),
            params: request.query.clone(),
            body: request.body.as_deref().map(mask_body_text),
            outcome: INTERRUPTED.to_owned(),
            status: None,
            err_code: None,
            err_msg: None,
            error_detail: None,
            result: None,
            latency_ms,
        }
    }
}

/// How many characters of an `errorDetail` the journal keeps.
pub const DETAIL_KEPT: usize = 2_000;

/// The first [`DETAIL_KEPT`] characters of `detail`, with `…` when it goes on.
fn kept_detail(detail: &str) -> String {
    match detail.char_indices().nth(DETAIL_KEPT) {
        Some((end, _)) => format!("{}…", &detail[..end]),
        None => detail.to_owned(),
    }
}

/// What an entry did: one request, the guided pullback, or a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    /// One request of this operation.
    Single(OperationKind),
    /// The guided pullback's steps (stop, update, resume).
    Pullback,
    /// One request of this operation per task.
    Batch(OperationKind),
}

impl EntryKind {
    /// Every kind the console writes, in the order the journal's filter lists them.
    pub const ALL: [Self; 9] = [
        Self::Single(OperationKind::Resume),
        Self::Single(OperationKind::Stop),
        Self::Single(OperationKind::Update),
        Self::Pullback,
        Self::Single(OperationKind::Migrate),
        Self::Single(OperationKind::Delete),
        Self::Batch(OperationKind::Stop),
        Self::Batch(OperationKind::Resume),
        Self::Batch(OperationKind::Delete),
    ];

    /// The name kept in [`JournalEntry::operation`]: `stop`, `pullback`, `batch-stop`.
    pub fn name(self) -> String {
        match self {
            Self::Single(kind) => kind.as_str().to_owned(),
            Self::Pullback => "pullback".to_owned(),
            Self::Batch(kind) => format!("batch-{}", kind.as_str()),
        }
    }

    /// Reads a kept name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.name() == name)
    }
}

/// One operation as the user started it: a single request, a pullback
/// (its steps) or a batch (its rows).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JournalEntry {
    /// Unique within the journal.
    pub id: u64,
    /// When it started, epoch milliseconds.
    pub at_ms: f64,
    /// The CM host profile's name.
    pub profile: String,
    /// The [`EntryKind`]'s name: `resume`, `stop`, `update`, `migrate`,
    /// `delete`, `pullback`, or `batch-<op>`.
    pub operation: String,
    /// The task (for a batch: how many).
    pub task_name: String,
    /// The requests, in the order they were sent.
    pub requests: Vec<JournalRequest>,
}

/// What an entry's storage key names: when it started and its id. Keys
/// order as their entries started.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct EntryKey {
    /// The start, whole epoch milliseconds.
    pub at: u64,
    /// The entry's id.
    pub id: u64,
}

impl EntryKey {
    /// The key an entry is stored under, if `key` is one (not, say, a copy
    /// set aside).
    pub fn parse(key: &str) -> Option<Self> {
        let (at, id) = key.strip_prefix(ENTRY_KEY_PREFIX)?.split_once('.')?;
        let digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
        (at.len() == 15 && digits(at) && digits(id)).then_some(Self {
            at: at.parse().ok()?,
            id: id.parse().ok()?,
        })
    }
}

/// The `count` oldest of the entry keys among `keys` (other keys are passed
/// over), oldest first.
pub fn oldest_keys(keys: Vec<String>, count: usize) -> Vec<String> {
    let mut entries: Vec<(EntryKey, String)> = keys
        .into_iter()
        .filter_map(|key| Some((EntryKey::parse(&key)?, key)))
        .collect();
    entries.sort();
    entries
        .into_iter()
        .take(count)
        .map(|(_, key)| key)
        .collect()
}

impl JournalEntry {
    /// The storage key of this entry: [`ENTRY_KEY_PREFIX`], its start in
    /// whole milliseconds (15 digits, so that keys sort as entries started)
    /// and its id.
    pub fn key(&self) -> String {
        let EntryKey { at, id } = self.entry_key();
        format!("{ENTRY_KEY_PREFIX}{at:015}.{id}")
    }

    /// What this entry's key names.
    fn entry_key(&self) -> EntryKey {
        EntryKey {
            at: self.at_ms.max(0.0) as u64,
            id: self.id,
        }
    }

    /// Whether `key` names this entry.
    pub fn is_at(&self, key: EntryKey) -> bool {
        self.entry_key() == key
    }

    /// The text stored under [`key`](Self::key).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads the text stored under an entry's key; the parser's reason when
    /// it is not an entry.
    pub fn from_json(text: &str) -> Result<Self, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    /// Whether `other` is this entry (perhaps with fewer or more requests).
    fn is_same(&self, other: &Self) -> bool {
        self.id == other.id
            && self.at_ms == other.at_ms
            && self.operation == other.operation
            && self.task_name == other.task_name
            && self.profile == other.profile
    }

    /// The entry's outcome: [`INTERRUPTED`] when a request was (the entry
    /// never ended), else the first that is not a success, else success
    /// (`pending` while nothing came back).
    pub fn outcome(&self) -> &str {
        let outcomes = || self.requests.iter().map(|r| r.outcome.as_str());
        outcomes()
            .find(|o| *o == INTERRUPTED)
            .or_else(|| outcomes().find(|o| *o != "success"))
            .or_else(|| self.requests.first().map(|_| "success"))
            .unwrap_or("pending")
    }

    /// The `errCode` of the request that gave the entry its outcome, when
    /// the CM refused it with one.
    pub fn err_code(&self) -> Option<&str> {
        let outcome = self.outcome();
        self.requests
            .iter()
            .find(|r| r.outcome == outcome)
            .and_then(|r| r.err_code.as_deref())
    }

    /// How many of the entry's requests were answered, and how many of
    /// those did not succeed (a batch's tally; an interrupted request was
    /// not answered).
    pub fn tally(&self) -> (usize, usize) {
        let answered = || self.requests.iter().filter(|r| r.outcome != INTERRUPTED);
        let failed = answered().filter(|r| r.outcome != "success").count();
        (answered().count(), failed)
    }

    /// How many of the entry's requests failed for each cause, the most
    /// frequent first (a batch's tally by cause).
    pub fn failures(&self) -> Vec<(FailureCause, usize)> {
        failure_tally(
            self.requests
                .iter()
                .filter_map(|r| FailureCause::of_journaled(&r.outcome, r.err_code.as_deref())),
        )
    }
}

/// What the journal page shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Part of the task name (any case).
    pub task_name: String,
    /// The operation, or empty for all.
    pub operation: String,
    /// The outcome class, or empty for all.
    pub outcome: String,
    /// From this time (epoch ms), inclusive.
    pub from_ms: Option<f64>,
    /// Until this time (epoch ms), inclusive.
    pub to_ms: Option<f64>,
}

impl Filter {
    /// Whether it lets every entry through.
    pub fn is_empty(&self) -> bool {
        self.task_name.trim().is_empty()
            && self.operation.is_empty()
            && self.outcome.is_empty()
            && self.from_ms.is_none()
            && self.to_ms.is_none()
    }

    /// Whether its time range ends before it starts (no entry can pass).
    pub fn is_inverted(&self) -> bool {
        matches!((self.from_ms, self.to_ms), (Some(from), Some(to)) if from > to)
    }

    /// Whether `entry` passes.
    pub fn matches(&self, entry: &JournalEntry) -> bool {
        // Task names are ASCII: ASCII case folding spares the WebAssembly
        // module Unicode's case tables.
        let needle = self.task_name.trim().to_ascii_lowercase();
        // A batch's label ("500 tasks") is no task's name: its requests' are.
        let batch = || {
            matches!(
                EntryKind::parse(&entry.operation),
                Some(EntryKind::Batch(_))
            )
        };
        (needle.is_empty()
            || (entry.task_name.to_ascii_lowercase().contains(&needle) && !batch())
            || entry
                .requests
                .iter()
                .any(|r| r.task_name.to_ascii_lowercase().contains(&needle)))
            && (self.operation.is_empty() || entry.operation == self.operation)
            && (self.outcome.is_empty() || entry.outcome() == self.outcome)
            && self.from_ms.is_none_or(|from| entry.at_ms >= from)
            && self.to_ms.is_none_or(|to| entry.at_ms <= to)
    }
}

/// The entries a tab knows: those it started, and once a page shows the
/// journal, every stored one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Journal {
    /// Oldest first.
    pub entries: Vec<JournalEntry>,
}

/// The journal as format 1 stored it, every entry under one key (a clear's
/// time, which it also kept, has no use once its entries are stored apart).
#[derive(Deserialize)]
struct StoredV1 {
    version: u32,
    entries: Vec<JournalEntry>,
}

/// Reads a journal stored in format 1, to store its entries again one by one.
pub fn read_v1(text: &str) -> Result<Vec<JournalEntry>, JournalError> {
    let stored: StoredV1 =
        serde_json::from_str(text).map_err(|e| JournalError::Corrupt(e.to_string()))?;
    if stored.version != V1_VERSION {
        return Err(JournalError::UnknownVersion(stored.version));
    }
    Ok(stored.entries)
}

/// Why stored journal text was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JournalError {
    /// Not the journal's JSON.
    Corrupt(String),
    /// A version this console does not know.
    UnknownVersion(u32),
}

impl Journal {
    /// An empty journal.
    pub fn new() -> Self {
        Self::default()
    }

    /// Keeps the newest [`MAX_ENTRIES`].
    fn keep_newest(&mut self) {
        if self.entries.len() > MAX_ENTRIES {
            let extra = self.entries.len() - MAX_ENTRIES;
            self.entries.drain(..extra);
        }
    }

    /// Appends an entry, keeping the newest [`MAX_ENTRIES`].
    pub fn push(&mut self, entry: JournalEntry) {
        self.entries.push(entry);
        self.keep_newest();
    }

    /// Takes in stored entries: the ones this journal lacks, and for one it
    /// holds, the stored copy when that has as many requests or more (only
    /// the tab that started an entry adds to it: the longer is the newer).
    /// Returns whether anything changed.
    pub fn take_in(&mut self, stored: Vec<JournalEntry>) -> bool {
        let mut changed = false;
        for theirs in stored {
            match self.entries.iter_mut().find(|e| e.is_same(&theirs)) {
                Some(ours) if *ours == theirs || ours.requests.len() > theirs.requests.len() => {}
                Some(ours) => {
                    *ours = theirs;
                    changed = true;
                }
                None => {
                    self.entries.push(theirs);
                    changed = true;
                }
            }
        }
        if changed {
            self.entries
                .sort_by(|a, b| a.at_ms.total_cmp(&b.at_ms).then(a.id.cmp(&b.id)));
            self.keep_newest();
        }
        changed
    }

    /// Removes the entry stored under `key` (another tab cleared it, or
    /// dropped it as one of the oldest); returns whether it was here.
    pub fn remove(&mut self, key: EntryKey) -> bool {
        let before = self.entries.len();
        self.entries.retain(|e| !e.is_at(key));
        self.entries.len() != before
    }

    /// Starts an entry at `at_ms` and returns it as started, without
    /// requests, to name it when adding them. Its id is `at_ms` with the
    /// three digits of `nonce` after it (a random number: two tabs may
    /// start entries in the same millisecond), made unique here.
    pub fn start(
        &mut self,
        at_ms: f64,
        nonce: u32,
        profile: &str,
        kind: EntryKind,
        task_name: &str,
    ) -> JournalEntry {
        let started = JournalEntry {
            id: self.fresh_id(at_ms, nonce),
            at_ms,
            profile: profile.to_owned(),
            operation: kind.name(),
            task_name: task_name.to_owned(),
            requests: Vec::new(),
        };
        self.push(started.clone());
        started
    }

    /// An id no entry has, from `at_ms` and `nonce`.
    fn fresh_id(&self, at_ms: f64, nonce: u32) -> u64 {
        let mut id = at_ms.max(0.0) as u64 * 1_000 + u64::from(nonce % 1_000);
        while self.entries.iter().any(|e| e.id == id) {
            id += 1;
        }
        id
    }

    /// Adds `request` to the entry `started` names. When that entry is gone
    /// (the journal was cleared, perhaps in another tab, while its requests
    /// were still coming in: a batch, a pullback), it starts again at
    /// `now_ms` (with `nonce`, as [`start`](Self::start)) with this request,
    /// and `started` names it from then on: a clear removes what was
    /// recorded, never what is answered after it.
    pub fn add_request(
        &mut self,
        started: &mut JournalEntry,
        request: JournalRequest,
        now_ms: f64,
        nonce: u32,
    ) {
        if let Some(entry) = self.entries.iter_mut().find(|e| e.is_same(started)) {
            entry.requests.push(request);
            return;
        }
        started.id = self.fresh_id(now_ms, nonce);
        started.at_ms = now_ms;
        self.push(JournalEntry {
            requests: vec![request],
            ..started.clone()
        });
    }

    /// The entries passing `filter`, newest first.
    pub fn select(&self, filter: &Filter) -> Vec<JournalEntry> {
        self.entries
            .iter()
            .rev()
            .filter(|e| filter.matches(e))
            .cloned()
            .collect()
    }
}

/// How long a batch's records wait before the journal is saved, given how
/// long the last save took: at least 250 ms, and long enough that saving
/// (which writes the batch's entry, all its rows) takes at most 2% of the
/// time, up to 2 s.
pub fn batch_save_delay_ms(last_save_ms: f64) -> u32 {
    (last_save_ms * 50.0).clamp(250.0, 2_000.0) as u32
}

/// How many columns the CSV export has.
pub const CSV_COLUMNS: usize = 16;

/// One CSV field, quoted when it needs to be.
pub fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// Entries as CSV, one row per request, under `header` (the column names
/// in the user's language, [`CSV_COLUMNS`] of them: time, profile,
/// operation, entry, step, taskName, method, path, query, body, outcome,
/// status, errCode, errMsg, latency, errorDetail: last, so that the
/// columns before it keep their places); `time` formats epoch milliseconds.
pub fn to_csv(
    entries: &[JournalEntry],
    header: &[&str; CSV_COLUMNS],
    time: impl Fn(f64) -> String,
) -> String {
    let mut out = header.map(csv_field).join(",");
    out.push_str("\r\n");
    for entry in entries {
        for request in &entry.requests {
            let query = request
                .params
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("&");
            let fields = [
                time(entry.at_ms),
                entry.profile.clone(),
                entry.operation.clone(),
                entry.task_name.clone(),
                request.step.clone(),
                request.task_name.clone(),
                request.method.clone(),
                request.path.clone(),
                query,
                request.body.clone().unwrap_or_default(),
                request.outcome.clone(),
                request.status.map(|s| s.to_string()).unwrap_or_default(),
                request.err_code.clone().unwrap_or_default(),
                request.err_msg.clone().unwrap_or_default(),
                request.latency_ms.to_string(),
                request.error_detail.clone().unwrap_or_default(),
            ];
            out.push_str(
                &fields
                    .iter()
                    .map(|f| csv_field(f))
                    .collect::<Vec<_>>()
                    .join(","),
            );
            out.push_str("\r\n");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config_map::ConfigRow;
    use crate::envelope::RawAnswer;
    use crate::request::Operation;
    use crate::task_name::TaskName;

    fn update_request() -> Request {
        Operation::Update {
            task_name: TaskName::parse("t1").unwrap(),
            delete_params: vec![],
            update_config_map: vec![
                ConfigRow::new("sink", "password", "hunter2"),
                ConfigRow::new("sink", "a", "b"),
            ],
        }
        .request()
    }

    #[test]
    fn entry_kinds_are_named_and_read_back() {
        let names: Vec<String> = EntryKind::ALL.into_iter().map(EntryKind::name).collect();
        assert_eq!(
            names,
            [
                "resume",
                "stop",
                "update",
                "pullback",
                "migrate",
                "delete",
                "batch-stop",
                "batch-resume",
                "batch-delete"
            ]
        );
        for kind in EntryKind::ALL {
            assert_eq!(EntryKind::parse(&kind.name()), Some(kind));
        }
        for batch in [
            crate::batch::BatchOperation::Stop,
            crate::batch::BatchOperation::Delete,
            crate::batch::BatchOperation::Resume {
                pull_back_flag: false,
                restart_flag: false,
            },
        ] {
            assert!(EntryKind::ALL.contains(&EntryKind::Batch(batch.kind())));
        }
        assert_eq!(EntryKind::parse("batch-update"), None);
    }

    /// A journal holding `entries`, as a tab keeps it.
    fn journal_of(entries: Vec<JournalEntry>) -> Journal {
        Journal { entries }
    }

    fn ids(journal: &Journal) -> Vec<u64> {
        journal.entries.iter().map(|e| e.id).collect()
    }

    #[test]
    fn taking_in_stored_entries_keeps_every_tabs_in_time_order() {
        let ok = Outcome::Success { result: None };
        let mut tab = journal_of(vec![entry(1, "stop", &ok), entry(4, "stop", &ok)]);
        assert!(tab.take_in(vec![entry(1, "stop", &ok), entry(3, "resume", &ok)]));
        assert_eq!(ids(&tab), [1, 3, 4]);
        assert!(
            !tab.take_in(vec![entry(3, "resume", &ok)]),
            "nothing new: nothing changed"
        );
        let other = JournalEntry {
            task_name: "another".into(),
            ..entry(4, "stop", &ok)
        };
        assert!(tab.take_in(vec![other]), "the same id for another task");
        assert_eq!(ids(&tab), [1, 3, 4, 4]);
    }

    #[test]
    fn taking_in_keeps_the_copy_with_more_requests() {
        let ok = Outcome::Success { result: None };
        let started = JournalEntry {
            requests: Vec::new(),
            ..entry(2, "batch-stop", &ok)
        };
        let answered = entry(2, "batch-stop", &ok);
        let mut stale = journal_of(vec![started.clone()]);
        assert!(stale.take_in(vec![answered.clone()]));
        assert_eq!(stale.entries, std::slice::from_ref(&answered));
        let mut own = journal_of(vec![answered.clone()]);
        assert!(
            !own.take_in(vec![started]),
            "a copy stored before the answer never shrinks the entry"
        );
        assert_eq!(own.entries, [answered]);
    }

    #[test]
    fn taking_in_keeps_the_newest_entries_only() {
        let ok = Outcome::Success { result: None };
        let mut tab = journal_of(
            (0..MAX_ENTRIES as u64)
                .map(|id| entry(id * 2, "stop", &ok))
                .collect(),
        );
        tab.take_in(vec![entry(1, "resume", &ok), entry(9_999, "resume", &ok)]);
        assert_eq!(tab.entries.len(), MAX_ENTRIES);
        assert_eq!(tab.entries[0].id, 2);
        assert_eq!(tab.entries.last().unwrap().id, 9_999);
    }

    #[test]
    fn an_entry_is_stored_under_a_key_naming_its_start_and_id() {
        let ok = Outcome::Success { result: None };
        let stored = JournalEntry {
            at_ms: 1_764_990_000_123.0,
            ..entry(1_764_990_000_123_042, "stop", &ok)
        };
        let key = stored.key();
        assert_eq!(
            key,
            "oms-console.journal.v2.001764990000123.1764990000123042"
        );
        let named = EntryKey::parse(&key).unwrap();
        assert!(stored.is_at(named));
        assert!(!entry(5, "stop", &ok).is_at(named));
        assert_eq!(JournalEntry::from_json(&stored.to_json()), Ok(stored));
        assert!(JournalEntry::from_json("{").is_err());
        for other in [
            "oms-console.journal.v1",
            "oms-console.journal.v2.001764990000123.17.unreadable-5",
            "oms-console.journal.v2.1764990000123.17",
            "oms-console.journal.v2.001764990000123.",
            "oms-console.journal.v2.00176499000012x.17",
            "oms-console.drafts.v1",
        ] {
            assert_eq!(EntryKey::parse(other), None, "{other}");
        }
    }

    #[test]
    fn the_oldest_keys_are_those_of_the_entries_started_first() {
        let ok = Outcome::Success { result: None };
        let keys: Vec<String> = [entry(30, "stop", &ok), entry(4, "stop", &ok)]
            .iter()
            .map(JournalEntry::key)
            .chain([
                "oms-console.drafts.v1".to_owned(),
                entry(200, "stop", &ok).key(),
            ])
            .collect();
        assert_eq!(
            oldest_keys(keys.clone(), 2),
            [entry(4, "stop", &ok).key(), entry(30, "stop", &ok).key()],
            "by start, not as text: 4000 ms before 30000"
        );
        assert_eq!(oldest_keys(keys, 9).len(), 3, "entry keys only");
    }

    #[test]
    fn a_removed_key_removes_its_entry() {
        let ok = Outcome::Success { result: None };
        let mut tab = journal_of(vec![entry(1, "stop", &ok), entry(3, "resume", &ok)]);
        let gone = EntryKey::parse(&entry(1, "stop", &ok).key()).unwrap();
        assert!(tab.remove(gone));
        assert_eq!(ids(&tab), [3]);
        assert!(!tab.remove(gone), "already gone");
    }

    #[test]
    fn a_refusal_keeps_its_error_detail_cut_to_its_first_characters() {
        let refused = |detail: &str| Outcome::ApiError {
            err_code: Some("INTERNAL_ERROR".into()),
            err_msg: Some("internal error".into()),
            error_detail: Some(detail.into()),
            retryable: Some(true),
        };
        let short = entry(1, "stop", &refused("at a.b(C.java:1)\nat d"));
        assert_eq!(
            short.requests[0].error_detail.as_deref(),
            Some("at a.b(C.java:1)\nat d")
        );
        let trace = "é".repeat(DETAIL_KEPT + 5);
        let long = entry(2, "stop", &refused(&trace));
        let kept = long.requests[0].error_detail.clone().unwrap();
        assert_eq!(kept, format!("{}…", "é".repeat(DETAIL_KEPT)));
        assert_eq!(
            entry(3, "stop", &Outcome::Success { result: None }).requests[0].error_detail,
            None
        );
        // Entries stored before the field read as without it, and
        // those without it are stored as before.
        let mut older = serde_json::to_value(&short).unwrap();
        older["requests"][0]
            .as_object_mut()
            .unwrap()
            .remove("errorDetail");
        let read = JournalEntry::from_json(&older.to_string()).unwrap();
        assert_eq!(read.requests[0].error_detail, None);
        assert!(!read.to_json().contains("errorDetail"));
    }

    #[test]
    fn a_journal_of_format_1_is_read_for_its_entries() {
        let ok = Outcome::Success { result: None };
        let stored = serde_json::json!({
            "version": 1,
            "entries": [entry(1, "stop", &ok)],
            "clearedAtMs": 500.0
        });
        assert_eq!(
            read_v1(&stored.to_string()),
            Ok(vec![entry(1, "stop", &ok)])
        );
        assert_eq!(read_v1(r#"{"version":1,"entries":[]}"#), Ok(Vec::new()));
        assert!(matches!(read_v1("{"), Err(JournalError::Corrupt(_))));
        assert_eq!(
            read_v1(r#"{"version":9,"entries":[]}"#),
            Err(JournalError::UnknownVersion(9))
        );
    }

    fn entry(id: u64, operation: &str, outcome: &Outcome) -> JournalEntry {
        JournalEntry {
            id,
            at_ms: id as f64 * 1000.0,
            profile: "default".into(),
            operation: operation.into(),
            task_name: format!("task-{id}"),
            requests: vec![JournalRequest::new(
                "",
                &update_request(),
                outcome,
                Some(200),
                12,
            )],
        }
    }

    #[test]
    fn requests_are_recorded_with_secrets_masked() {
        let outcome = Outcome::classify(&RawAnswer {
            status: 200,
            content_type: None,
            body: r#"{"isSuccess":false,"errCode":"ILLEGAL_STATE","errMsg":"running"}"#.into(),
        });
        let record = JournalRequest::new("", &update_request(), &outcome, Some(200), 5);
        assert_eq!(record.task_name, "t1");
        assert_eq!(record.path, "/connector/task/v2/update");
        assert_eq!(record.outcome, "api-error");
        assert_eq!(record.err_code.as_deref(), Some("ILLEGAL_STATE"));
        let body = record.body.unwrap();
        assert!(
            !body.contains("hunter2") && body.contains(r#""a":"b""#),
            "{body}"
        );
    }

    #[test]
    fn requests_are_added_to_their_entry_only() {
        let ok = Outcome::Success { result: None };
        let extra = entry(9, "stop", &ok).requests.remove(0);
        let mut journal = Journal::new();
        let mut first = journal.start(1_000.0, 42, "default", EntryKind::Pullback, "t1");
        let mut second = journal.start(1_000.0, 42, "default", EntryKind::Pullback, "t1");
        let third = journal.start(1_000.0, 1_007, "default", EntryKind::Pullback, "t1");
        assert_eq!(
            (first.id, second.id, third.id),
            (1_000_042, 1_000_043, 1_000_007),
            "the start, then the nonce's three digits; unique"
        );
        journal.add_request(&mut first, extra.clone(), 1_500.0, 0);
        journal.add_request(&mut first, extra.clone(), 1_600.0, 0);
        journal.add_request(&mut second, extra, 1_700.0, 0);
        let counts: Vec<(u64, usize)> = journal
            .entries
            .iter()
            .map(|e| (e.id, e.requests.len()))
            .collect();
        assert_eq!(counts, [(1_000_042, 2), (1_000_043, 1), (1_000_007, 0)]);
        assert_eq!(journal.entries[0].operation, "pullback");
    }

    #[test]
    fn what_is_answered_after_a_clear_is_kept() {
        let ok = Outcome::Success { result: None };
        let row = |n: &str| JournalRequest {
            step: n.into(),
            ..entry(9, "stop", &ok).requests.remove(0)
        };
        let mut batch_tab = Journal::new();
        let mut batch = batch_tab.start(
            1_000.0,
            0,
            "default",
            EntryKind::Batch(OperationKind::Stop),
            "2 tasks",
        );
        batch_tab.add_request(&mut batch, row("1"), 1_100.0, 0);
        let key = batch_tab.entries[0].key();
        batch_tab.remove(EntryKey::parse(&key).unwrap());
        assert!(batch_tab.entries.is_empty(), "cleared in another tab");
        batch_tab.add_request(&mut batch, row("2"), 2_100.0, 7);
        batch_tab.add_request(&mut batch, row("3"), 2_200.0, 8);
        assert_eq!(batch_tab.entries.len(), 1);
        let again = &batch_tab.entries[0];
        assert_eq!((again.id, again.at_ms), (2_100_007, 2_100.0));
        assert_ne!(again.key(), key, "stored under a key of its own");
        assert_eq!(
            (&again.task_name[..], &again.operation[..]),
            ("2 tasks", "batch-stop")
        );
        let steps: Vec<&str> = again.requests.iter().map(|r| &r.step[..]).collect();
        assert_eq!(steps, ["2", "3"], "the rows answered after the clear");
    }

    #[test]
    fn keeps_the_newest_entries_and_filters_newest_first() {
        let ok = Outcome::Success { result: None };
        let mut journal = Journal::new();
        for id in 0..(MAX_ENTRIES as u64 + 5) {
            journal.push(entry(id, if id % 2 == 0 { "stop" } else { "resume" }, &ok));
        }
        assert_eq!(journal.entries.len(), MAX_ENTRIES);
        assert_eq!(journal.entries[0].id, 5);
        assert!(Filter::default().is_empty());
        let stops = journal.select(&Filter {
            operation: "stop".into(),
            ..Filter::default()
        });
        assert_eq!(stops[0].id, MAX_ENTRIES as u64 + 4);
        assert!(stops.iter().all(|e| e.operation == "stop"));
        let timed = journal.select(&Filter {
            from_ms: Some(100_000.0),
            to_ms: Some(101_000.0),
            ..Filter::default()
        });
        assert_eq!(
            timed.iter().map(|e| e.id).collect::<Vec<_>>(),
            vec![101, 100]
        );
        let named = journal.select(&Filter {
            task_name: "TASK-1999".into(),
            ..Filter::default()
        });
        assert_eq!(named.len(), 1);
        let inverted = Filter {
            from_ms: Some(101_000.0),
            to_ms: Some(100_000.0),
            ..Filter::default()
        };
        assert!(inverted.is_inverted() && !inverted.is_empty());
        assert!(journal.select(&inverted).is_empty());
        let blank = Filter {
            task_name: "  ".into(),
            ..Filter::default()
        };
        assert!(blank.is_empty(), "white space filters nothing");
        assert!(
            !Filter {
                from_ms: Some(1.0),
                to_ms: Some(1.0),
                ..blank
            }
            .is_inverted()
        );
    }

    #[test]
    fn a_batch_is_found_by_its_tasks_names_not_by_its_label() {
        let batch = JournalEntry {
            task_name: "1 task".into(),
            ..entry(1, "batch-stop", &Outcome::Success { result: None })
        };
        let by = |name: &str| {
            Filter {
                task_name: name.into(),
                ..Filter::default()
            }
            .matches(&batch)
        };
        assert!(by("T1"), "a request's taskName");
        assert!(!by("task"), "the label in the language it was stored in");
        let single = JournalEntry {
            task_name: "task-1".into(),
            ..entry(2, "stop", &Outcome::Success { result: None })
        };
        assert!(
            Filter {
                task_name: "task-1".into(),
                ..Filter::default()
            }
            .matches(&single)
        );
    }

    #[test]
    fn an_entry_is_pending_until_answered_then_takes_the_first_failure() {
        let timed_out = entry(1, "stop", &Outcome::Timeout { after_ms: 1 });
        assert_eq!(timed_out.outcome(), "timeout");
        let pending = JournalEntry {
            requests: Vec::new(),
            ..timed_out.clone()
        };
        assert_eq!(pending.outcome(), "pending");
        let ok = entry(2, "stop", &Outcome::Success { result: None });
        let mixed = JournalEntry {
            requests: [ok.requests.clone(), timed_out.requests.clone()].concat(),
            ..ok
        };
        assert_eq!(mixed.outcome(), "timeout");
        assert_eq!(mixed.tally(), (2, 1));
        assert_eq!(pending.tally(), (0, 0));
        assert_eq!((mixed.err_code(), pending.err_code()), (None, None));
    }

    #[test]
    fn an_entry_names_the_err_code_of_the_refusal_that_gave_its_outcome() {
        let refused = |code: &str| Outcome::ApiError {
            err_code: Some(code.into()),
            err_msg: None,
            error_detail: None,
            retryable: None,
        };
        let ok = entry(1, "pullback", &Outcome::Success { result: None });
        let illegal = entry(2, "pullback", &refused("ILLEGAL_STATE"));
        let not_found = entry(3, "pullback", &refused("TASK_NOT_FOUND"));
        let halted = JournalEntry {
            requests: [ok.requests.clone(), illegal.requests, not_found.requests].concat(),
            ..ok.clone()
        };
        assert_eq!(
            halted.err_code(),
            Some("ILLEGAL_STATE"),
            "the first refusal"
        );
        assert_eq!(ok.err_code(), None);
        let left = JournalRequest::interrupted("3. resume", &update_request(), 1);
        let interrupted = JournalEntry {
            requests: [halted.requests.clone(), vec![left]].concat(),
            ..halted
        };
        assert_eq!(interrupted.err_code(), None, "interrupted, not refused");
    }

    #[test]
    fn a_request_left_in_flight_makes_its_entry_interrupted() {
        let request = update_request();
        let left = JournalRequest::interrupted("2. update", &request, 1_234);
        assert_eq!(left.outcome, INTERRUPTED);
        assert_eq!((left.status, left.latency_ms), (None, 1_234));
        assert_eq!(left.step, "2. update");
        assert_eq!(left.task_name, "t1");
        assert!(
            left.body
                .as_deref()
                .is_some_and(|b| b.contains(crate::config_map::MASK) && !b.contains("hunter2"))
        );
        let answered = JournalRequest::new("2. update", &request, &Outcome::Cancelled, None, 5);
        assert_eq!(
            JournalRequest {
                outcome: INTERRUPTED.to_owned(),
                latency_ms: 1_234,
                ..answered
            },
            left
        );
        // A pullback left after its stop succeeded, or a batch with a
        // failure before: the entry never ended, whatever came first.
        let ok = entry(1, "stop", &Outcome::Success { result: None });
        let failed = entry(2, "stop", &Outcome::Timeout { after_ms: 1 });
        let run = JournalEntry {
            requests: [ok.requests, failed.requests, vec![left]].concat(),
            ..ok
        };
        assert_eq!(run.outcome(), INTERRUPTED);
        assert_eq!(run.tally(), (2, 1));
        assert_eq!(
            run.failures(),
            vec![(
                FailureCause::Ended(crate::envelope::OutcomeClass::Timeout),
                1
            )],
            "a request never answered is no failure"
        );
        assert!(
            Filter {
                outcome: INTERRUPTED.into(),
                ..Filter::default()
            }
            .matches(&run)
        );
    }

    #[test]
    fn csv_has_one_row_per_request_and_quotes_fields() {
        let e = entry(
            1,
            "update",
            &Outcome::Success {
                result: Some(serde_json::json!("t1")),
            },
        );
        let refused = entry(
            2,
            "stop",
            &Outcome::ApiError {
                err_code: Some("ILLEGAL_STATE".into()),
                err_msg: Some("not running".into()),
                error_detail: Some("at Connector.stop\nat Task.run".into()),
                retryable: None,
            },
        );
        let header = [
            "t",
            "p",
            "o",
            "e",
            "s",
            "taskName",
            "m",
            "pa",
            "q",
            "b",
            "out",
            "st",
            "errCode",
            "errMsg",
            "l,ms",
            "errorDetail",
        ];
        let csv = to_csv(&[e, refused], &header, |ms| format!("{ms}"));
        let lines: Vec<_> = csv.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "t,p,o,e,s,taskName,m,pa,q,b,out,st,errCode,errMsg,\"l,ms\",errorDetail"
        );
        assert!(lines[1].starts_with("1000,default,update,task-1,,t1,POST,/connector/task/v2/update,taskName=t1,\"{\"\"sink\"\""), "{}", lines[1]);
        assert!(lines[1].ends_with(",success,200,,,12,"), "{}", lines[1]);
        assert!(
            lines[2].ends_with(
                ",api-error,200,ILLEGAL_STATE,not running,12,\"at Connector.stop\nat Task.run\""
            ),
            "the refusal's errorDetail, last, quoted with its lines: {}",
            lines[2]
        );
        assert_eq!(lines.len(), 4);
        assert_eq!(csv_field("a,b"), "\"a,b\"");
    }

    #[test]
    fn a_batch_saves_less_often_as_saving_grows_slower() {
        assert_eq!(batch_save_delay_ms(0.0), 250);
        assert_eq!(batch_save_delay_ms(4.0), 250);
        assert_eq!(batch_save_delay_ms(10.0), 500);
        assert_eq!(batch_save_delay_ms(30.0), 1_500);
        assert_eq!(batch_save_delay_ms(500.0), 2_000);
    }
}
