//! Batch operations: a pasted list of task names, checked before anything is sent.

use std::collections::{BTreeMap, BTreeSet};

use crate::envelope::{Outcome, OutcomeClass};
use crate::journal::Journal;
use crate::request::{Operation, OperationKind};
use crate::task_name::{
    TaskName, TaskNameError, is_understood, names_in, names_run_together, offered_name, plain,
};

/// The default number of requests in flight at once.
pub const DEFAULT_CONCURRENCY: usize = 4;
/// The most requests in flight at once.
pub const MAX_CONCURRENCY: usize = 16;

/// What is wrong with one line of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineIssue {
    /// An empty line (skipped).
    Empty,
    /// The same name as an earlier line (1-based); skipped.
    Duplicate { first_line: usize },
    /// Not a task name at all; skipped.
    Invalid(TaskNameError),
    /// A name outside the v2 grammar; sent, but worth a look.
    NotUnderstood,
    /// Names run together, as when a list is pasted at the end of a line;
    /// skipped (sent as typed, it names no task).
    RunTogether,
}

impl LineIssue {
    /// Whether the line is left out of the run.
    pub fn skips(&self) -> bool {
        !matches!(self, Self::NotUnderstood)
    }
}

/// The list, checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BatchPlan {
    /// The names to send to, in order, each once.
    pub names: Vec<TaskName>,
    /// Lines with an issue: 1-based line number, its text and the issue.
    pub flagged: Vec<(usize, String, LineIssue)>,
}

/// The list with every line that holds task names amid other text (quotes,
/// commas, a JSON array, a URL) replaced by those names, one per line, and
/// a name run together with itself by the name, each written in
/// [`plain`] characters. `None` when no line would change. Different names
/// run together stay: where one ends is a guess (a sequence cut short takes
/// the next name's first digits), and a wrong guess names another task.
pub fn cleaned(text: &str) -> Option<String> {
    let mut changed = false;
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            if is_understood(line) {
                return line.to_owned();
            }
            let found = match names_in(&plain(line)) {
                names if names.len() > 1 => Some(names.join("\n")),
                _ => offered_name(line).map(|offered| offered.name),
            };
            match found {
                Some(found) => {
                    changed = true;
                    found
                }
                None => line.to_owned(),
            }
        })
        .collect();
    changed.then(|| lines.join("\n"))
}

/// Checks a pasted list, one task name per line.
pub fn plan(text: &str) -> BatchPlan {
    let mut plan = BatchPlan::default();
    // The line each name was first on (a long list is checked at every
    // keystroke: no search through the names before it).
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let lines: Vec<&str> = text.lines().collect();
    let last_content = lines
        .iter()
        .rposition(|l| !l.trim().is_empty())
        .map_or(0, |i| i + 1);
    for (index, line) in lines.iter().take(last_content).enumerate() {
        let number = index + 1;
        match TaskName::parse(line) {
            Err(TaskNameError::Empty) => {
                plan.flagged.push((number, String::new(), LineIssue::Empty))
            }
            Err(error) => plan
                .flagged
                .push((number, line.to_string(), LineIssue::Invalid(error))),
            Ok(name) => {
                if let Some(first_line) = seen.get(name.as_str()) {
                    plan.flagged.push((
                        number,
                        name.to_string(),
                        LineIssue::Duplicate {
                            first_line: *first_line,
                        },
                    ));
                    continue;
                }
                if names_run_together(name.as_str()) {
                    plan.flagged
                        .push((number, name.to_string(), LineIssue::RunTogether));
                    continue;
                }
                seen.insert(name.to_string(), number);
                if name.parts().is_none() {
                    plan.flagged
                        .push((number, name.to_string(), LineIssue::NotUnderstood));
                }
                plan.names.push(name);
            }
        }
    }
    plan
}

/// The task names the journal's newest entries sent that `plan` does not
/// hold yet, up to 10, each once; the last 2,000 requests are looked at
/// (the list is checked at every keystroke). A line sent as typed with a
/// name amid other text (quotes, a comma) is not offered: the list would
/// flag it again.
pub fn recent_names(journal: &Journal, plan: &BatchPlan) -> Vec<String> {
    let listed: BTreeSet<&str> = plan.names.iter().map(TaskName::as_str).collect();
    let mut names: Vec<String> = Vec::new();
    let requests = journal
        .entries
        .iter()
        .rev()
        .flat_map(|e| e.requests.iter())
        .take(2_000);
    for request in requests {
        if names.len() == 10 {
            break;
        }
        let name = &request.task_name;
        if !name.is_empty()
            && !names.contains(name)
            && !listed.contains(name.as_str())
            && cleaned(name).is_none()
        {
            names.push(name.clone());
        }
    }
    names
}

/// The operations a batch can run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchOperation {
    /// `stop`.
    Stop,
    /// `resume`, with its flags.
    Resume {
        /// `pullBackFlag`.
        pull_back_flag: bool,
        /// `restartFlag`.
        restart_flag: bool,
    },
    /// `delete`.
    Delete,
}

impl BatchOperation {
    /// Which API operation it is.
    pub fn kind(self) -> OperationKind {
        match self {
            Self::Stop => OperationKind::Stop,
            Self::Resume { .. } => OperationKind::Resume,
            Self::Delete => OperationKind::Delete,
        }
    }

    /// The operation for one task.
    pub fn for_task(self, task_name: TaskName) -> Operation {
        match self {
            Self::Stop => Operation::Stop { task_name },
            Self::Resume {
                pull_back_flag,
                restart_flag,
            } => Operation::Resume {
                task_name,
                pull_back_flag,
                restart_flag,
            },
            Self::Delete => Operation::Delete { task_name },
        }
    }
}

/// Clamps a requested concurrency to 1..=[`MAX_CONCURRENCY`].
pub fn concurrency(requested: usize) -> usize {
    requested.clamp(1, MAX_CONCURRENCY)
}

/// Why a request failed, as a batch's tally counts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FailureCause {
    /// Refused by the CM, with its `errCode` (`None` when it gave none).
    Refused(Option<String>),
    /// Ended without a refusal: an HTTP error, no answer, cancelled…
    Ended(OutcomeClass),
}

impl FailureCause {
    /// Why `outcome` failed; `None` for a success.
    pub fn of(outcome: &Outcome) -> Option<Self> {
        match outcome {
            Outcome::Success { .. } => None,
            Outcome::ApiError { err_code, .. } => Some(Self::Refused(err_code.clone())),
            other => Some(Self::Ended(other.class())),
        }
    }

    /// Why a journaled request failed, from its outcome's name and
    /// `errCode`; `None` for a success, or a request never answered
    /// (`interrupted`) or with an outcome no class names.
    pub fn of_journaled(outcome: &str, err_code: Option<&str>) -> Option<Self> {
        match OutcomeClass::parse(outcome)? {
            OutcomeClass::Success => None,
            OutcomeClass::ApiError => Some(Self::Refused(err_code.map(str::to_owned))),
            other => Some(Self::Ended(other)),
        }
    }
}

/// How many failed for each cause among `causes`, the most frequent first
/// (causes as frequent in the order first met).
pub fn failure_tally(causes: impl IntoIterator<Item = FailureCause>) -> Vec<(FailureCause, usize)> {
    let mut tally: Vec<(FailureCause, usize)> = Vec::new();
    for cause in causes {
        match tally.iter_mut().find(|(seen, _)| *seen == cause) {
            Some((_, count)) => *count += 1,
            None => tally.push((cause, 1)),
        }
    }
    tally.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
    tally
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "10.0.0.1-9000:connector_v2:np_a-incr_trans-1-0:0000000001";
    const B: &str = "10.0.0.1-9000:connector_v2:np_b-full_trans-1-0:0000000001";

    #[test]
    fn recent_names_are_those_sent_last_and_not_in_the_list() {
        use crate::journal::{JournalEntry, JournalRequest};
        let sent = |id: u64, names: &[&str]| JournalEntry {
            id,
            at_ms: id as f64,
            profile: "default".into(),
            operation: "batch-stop".into(),
            task_name: format!("{} tasks", names.len()),
            requests: names
                .iter()
                .map(|name| {
                    let request = BatchOperation::Stop
                        .for_task(TaskName::parse(name).unwrap())
                        .request();
                    JournalRequest::new("", &request, &Outcome::Success { result: None }, None, 1)
                })
                .collect(),
        };
        let mut journal = Journal::new();
        journal.push(sent(1, &[B, "store_x"]));
        journal.push(sent(2, &[A, &format!("\"{B}\",")]));
        assert_eq!(recent_names(&journal, &plan("")), [A, B, "store_x"]);
        assert_eq!(
            recent_names(&journal, &plan(&format!("{A}\nstore_x"))),
            [B],
            "names the list holds are not offered"
        );
    }

    #[test]
    fn names_pasted_amid_other_text_are_taken_out_of_it() {
        let pasted = format!("[\"{A}\",\"{B}\"]\n  {A}  \nstore_x\n\n'{B}',");
        assert_eq!(
            cleaned(&pasted).as_deref(),
            Some(format!("{A}\n{B}\n  {A}  \nstore_x\n\n{B}").as_str()),
            "lines already names, or holding none, stay as typed"
        );
        assert_eq!(cleaned(&format!("{A}\n{B}\nstore_x\n")), None);
    }

    #[test]
    fn names_in_full_width_or_with_invisible_characters_are_written_plain() {
        let full_width = A.replace(':', "：");
        assert_eq!(
            cleaned(&format!(
                "{full_width}\n{B}\u{200B}\n\"{A}\u{FEFF}\",\nstore：x\nstore_y\u{200B}"
            ))
            .as_deref(),
            Some(format!("{A}\n{B}\n{A}\nstore：x\nstore_y").as_str())
        );
    }

    #[test]
    fn a_name_run_together_with_itself_is_taken_once() {
        assert_eq!(
            cleaned(&format!("{A}{A}\n{B}\n")).as_deref(),
            Some(format!("{A}\n{B}").as_str())
        );
        assert_eq!(
            cleaned(&format!("{A}{B}\n")),
            None,
            "two names: where the first ends is not ours to guess"
        );
    }

    #[test]
    fn lines_are_checked_and_flagged() {
        let text = format!("{A}\n\n  {B}  \n{A}\nstore_x\nbad name\n{B}{A}\n\n");
        let plan = plan(&text);
        let names: Vec<_> = plan.names.iter().map(|n| n.as_str()).collect();
        assert_eq!(names, vec![A, B, "store_x"]);
        assert_eq!(
            plan.flagged,
            vec![
                (2, String::new(), LineIssue::Empty),
                (4, A.to_owned(), LineIssue::Duplicate { first_line: 1 }),
                (5, "store_x".to_owned(), LineIssue::NotUnderstood),
                (
                    6,
                    "bad name".to_owned(),
                    LineIssue::Invalid(TaskNameError::BadCharacter {
                        index: 3,
                        character: ' '
                    })
                ),
                (7, format!("{B}{A}"), LineIssue::RunTogether),
            ]
        );
        assert!(!LineIssue::NotUnderstood.skips());
        assert!(LineIssue::Empty.skips());
        assert!(LineIssue::RunTogether.skips());
    }

    #[test]
    fn operations_and_concurrency() {
        let name = TaskName::parse(A).unwrap();
        let op = BatchOperation::Resume {
            pull_back_flag: true,
            restart_flag: false,
        }
        .for_task(name);
        assert_eq!(
            op.request().query_string(),
            format!("taskName={A}&pullBackFlag=true")
        );
        assert_eq!(concurrency(0), 1);
        assert_eq!(concurrency(99), MAX_CONCURRENCY);
    }

    #[test]
    fn failures_are_tallied_by_errcode_or_how_they_ended() {
        let refused = |code: Option<&str>| Outcome::ApiError {
            err_code: code.map(str::to_owned),
            err_msg: Some("no".into()),
            error_detail: None,
            retryable: Some(false),
        };
        let outcomes = [
            Outcome::Success { result: None },
            Outcome::Network {
                detail: "down".into(),
            },
            refused(Some("TASK_NOT_FOUND")),
            refused(Some("ILLEGAL_STATE")),
            Outcome::Success { result: None },
            refused(Some("ILLEGAL_STATE")),
            refused(None),
            Outcome::Timeout { after_ms: 100 },
            refused(Some("ILLEGAL_STATE")),
            Outcome::Network {
                detail: "reset".into(),
            },
        ];
        let refused_with = |code: &str| FailureCause::Refused(Some(code.to_owned()));
        assert_eq!(
            failure_tally(outcomes.iter().filter_map(FailureCause::of)),
            vec![
                (refused_with("ILLEGAL_STATE"), 3),
                (FailureCause::Ended(OutcomeClass::Network), 2),
                (refused_with("TASK_NOT_FOUND"), 1),
                (FailureCause::Refused(None), 1),
                (FailureCause::Ended(OutcomeClass::Timeout), 1),
            ]
        );
        assert_eq!(failure_tally([]), vec![]);
        for outcome in &outcomes {
            let class = outcome.class().as_str();
            let code = outcome.refusal().and_then(|[code, _, _]| code);
            assert_eq!(
                FailureCause::of_journaled(class, code),
                FailureCause::of(outcome),
                "journaled as {class}"
            );
        }
        assert_eq!(FailureCause::of_journaled("interrupted", None), None);
        assert_eq!(FailureCause::of_journaled("pending", None), None);
    }
}
