//! The operation journal: what was sent and what came back, kept in the browser.

use serde::{Deserialize, Serialize};

use crate::config_map::mask_body_text;
use crate::envelope::Outcome;
use crate::request::{METHOD, OperationKind, Request};

/// How many entries are kept; older ones go first.
pub const MAX_ENTRIES: usize = 2_000;
/// The stored format's version.
pub const SCHEMA_VERSION: u32 = 1;

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
        let (err_code, err_msg) = match outcome {
            Outcome::ApiError {
                err_code, err_msg, ..
            } => (err_code.clone(), err_msg.clone()),
            _ => (None, None),
        };
        let result = match outcome {
            Outcome::Success {
                result: Some(value),
            } => Some(
                value
                    .as_str()
                    .map_or_else(|| value.to_string(), str::to_owned),
            ),
            _ => None,
        };
        Self {
            task_name: request
                .query
                .iter()
                .find(|(k, _)| k == "taskName")
                .map(|(_, v)| v.clone())
                .unwrap_or_default(),
            step: step.to_owned(),
            method: METHOD.to_owned(),
            path: request.path(),
            params: request.query.clone(),
            body: request.body.as_deref().map(mask_body_text),
            outcome: outcome.class().as_str().to_owned(),
            status,
            err_code,
            err_msg,
            result,
            latency_ms,
        }
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

impl JournalEntry {
    /// The entry's outcome: the first that is not a success, else success
    /// (`pending` while nothing came back).
    pub fn outcome(&self) -> &str {
        self.requests
            .iter()
            .map(|r| r.outcome.as_str())
            .find(|o| *o != "success")
            .or_else(|| self.requests.first().map(|_| "success"))
            .unwrap_or("pending")
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
    /// Whether `entry` passes.
    pub fn matches(&self, entry: &JournalEntry) -> bool {
        // Task names are ASCII: ASCII case folding spares the WebAssembly
        // module Unicode's case tables.
        let needle = self.task_name.trim().to_ascii_lowercase();
        (needle.is_empty()
            || entry.task_name.to_ascii_lowercase().contains(&needle)
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

/// The stored journal.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Journal {
    /// The format's version.
    pub version: u32,
    /// Oldest first.
    pub entries: Vec<JournalEntry>,
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
        Self {
            version: SCHEMA_VERSION,
            entries: Vec::new(),
        }
    }

    /// Reads stored text.
    pub fn from_json(text: &str) -> Result<Self, JournalError> {
        let journal: Self =
            serde_json::from_str(text).map_err(|e| JournalError::Corrupt(e.to_string()))?;
        if journal.version != SCHEMA_VERSION {
            return Err(JournalError::UnknownVersion(journal.version));
        }
        Ok(journal)
    }

    /// The text to store or export.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Appends an entry, keeping the newest [`MAX_ENTRIES`].
    pub fn push(&mut self, entry: JournalEntry) {
        self.entries.push(entry);
        if self.entries.len() > MAX_ENTRIES {
            let extra = self.entries.len() - MAX_ENTRIES;
            self.entries.drain(..extra);
        }
    }

    /// Drops the oldest `count` entries (when storage is full).
    pub fn drop_oldest(&mut self, count: usize) {
        let count = count.min(self.entries.len());
        self.entries.drain(..count);
    }

    /// Adds a request to entry `id` (nothing when the entry is gone).
    pub fn add_request(&mut self, id: u64, request: JournalRequest) {
        if let Some(entry) = self.entries.iter_mut().find(|e| e.id == id) {
            entry.requests.push(request);
        }
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
/// (which writes the whole journal) takes at most 2% of the time, up to 2 s.
pub fn batch_save_delay_ms(last_save_ms: f64) -> u32 {
    (last_save_ms * 50.0).clamp(250.0, 2_000.0) as u32
}

/// How many columns the CSV export has.
pub const CSV_COLUMNS: usize = 15;

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
/// status, errCode, errMsg, latency); `time` formats epoch milliseconds.
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
        let mut journal = Journal::new();
        journal.push(entry(1, "stop", &ok));
        journal.push(entry(2, "stop", &ok));
        let extra = entry(9, "stop", &ok).requests.remove(0);
        journal.add_request(1, extra.clone());
        journal.add_request(7, extra);
        let counts: Vec<usize> = journal.entries.iter().map(|e| e.requests.len()).collect();
        assert_eq!(counts, [2, 1]);
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
        journal.drop_oldest(10);
        assert_eq!(journal.entries[0].id, 15);
    }

    #[test]
    fn outcomes_and_the_stored_format() {
        let mut journal = Journal::new();
        journal.push(entry(1, "stop", &Outcome::Timeout { after_ms: 1 }));
        assert_eq!(journal.entries[0].outcome(), "timeout");
        let text = journal.to_json();
        assert_eq!(Journal::from_json(&text).unwrap(), journal);
        assert!(matches!(
            Journal::from_json("{"),
            Err(JournalError::Corrupt(_))
        ));
        assert_eq!(
            Journal::from_json(r#"{"version":9,"entries":[]}"#),
            Err(JournalError::UnknownVersion(9))
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
        let header = [
            "t", "p", "o", "e", "s", "taskName", "m", "pa", "q", "b", "out", "st", "errCode",
            "errMsg", "l,ms",
        ];
        let csv = to_csv(&[e], &header, |ms| format!("{ms}"));
        let lines: Vec<_> = csv.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "t,p,o,e,s,taskName,m,pa,q,b,out,st,errCode,errMsg,\"l,ms\""
        );
        assert!(lines[1].starts_with("1000,default,update,task-1,,t1,POST,/connector/task/v2/update,taskName=t1,\"{\"\"sink\"\""), "{}", lines[1]);
        assert_eq!(lines.len(), 3);
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
