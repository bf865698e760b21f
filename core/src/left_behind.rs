//! What a page going away leaves for the next start to say: a request still
//! waiting for its answer, or a pullback halted. One line of text each,
//! fields separated by tabs.

use crate::request::{parse_ip, query_param};
use crate::task_name::TaskName;

/// The operation whose in-flight line also holds the `ip` it asked for.
const MIGRATE: &str = "migrate";
/// The operation whose line with a third field is a halt, not a request.
const PULLBACK: &str = "pullback";

/// One thing a page going away left unfinished.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LeftBehind {
    /// A request still in flight: its entry's `operation` and `task_name`
    /// (a batch's label for a batch); for a migrate, the `ip` sent (empty
    /// when none was), `None` in a line stored before it was kept.
    InFlight {
        /// The entry's operation, e.g. `stop` or `batch-stop`.
        operation: String,
        /// The task, or a batch's label.
        task_name: String,
        /// A migrate's `ip` parameter.
        ip: Option<String>,
    },
    /// The pullback of `task_name` halted at `step` (from 1).
    Halted {
        /// The task pulled back.
        task_name: String,
        /// The step that failed, from 1.
        step: usize,
    },
}

impl LeftBehind {
    /// A request of `operation` on `task_name` in flight, with its query
    /// `params` (a migrate keeps its `ip`).
    pub fn in_flight(operation: &str, task_name: &str, params: &[(String, String)]) -> Self {
        let ip = (operation == MIGRATE)
            .then(|| query_param(params, "ip").unwrap_or_default().to_owned());
        Self::InFlight {
            operation: operation.to_owned(),
            task_name: task_name.to_owned(),
            ip,
        }
    }

    /// The stored line.
    pub fn line(&self) -> String {
        match self {
            Self::InFlight {
                operation,
                task_name,
                ip: Some(ip),
            } => format!("{operation}\t{task_name}\t{ip}"),
            Self::InFlight {
                operation,
                task_name,
                ip: None,
            } => format!("{operation}\t{task_name}"),
            Self::Halted { task_name, step } => format!("{PULLBACK}\t{task_name}\t{step}"),
        }
    }

    /// Reads a stored line; `None` when it has no task.
    pub fn parse(line: &str) -> Option<Self> {
        let mut fields = line.split('\t');
        let (operation, task_name) = (fields.next()?, fields.next()?.to_owned());
        Some(match (operation, fields.next()) {
            (PULLBACK, Some(step)) => Self::Halted {
                task_name,
                step: step.parse().ok()?,
            },
            (operation, third) => Self::InFlight {
                ip: third.filter(|_| operation == MIGRATE).map(str::to_owned),
                operation: operation.to_owned(),
                task_name,
            },
        })
    }

    /// The name a migrate left in flight gives the task if the CM acted on
    /// it (see [`TaskName::migrated`]); `None` for anything else, or when
    /// the name or the `ip` is not understood.
    pub fn migrated_name(&self) -> Option<String> {
        match self {
            Self::InFlight {
                task_name,
                ip: Some(ip),
                ..
            } => TaskName::parse(task_name)
                .ok()?
                .migrated(parse_ip(ip).ok()?),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAME: &str = "10.186.16.126-9000:connector_v2:np_56el1g1jvrs0-incr_trans-1-0:0000000002";

    fn params(ip: Option<&str>) -> Vec<(String, String)> {
        std::iter::once(("taskName".to_owned(), NAME.to_owned()))
            .chain(ip.map(|ip| ("ip".to_owned(), ip.to_owned())))
            .collect()
    }

    #[test]
    fn a_request_in_flight_is_its_operation_and_task() {
        let left = LeftBehind::in_flight("stop", NAME, &params(None));
        assert_eq!(left.line(), format!("stop\t{NAME}"));
        assert_eq!(LeftBehind::parse(&left.line()), Some(left.clone()));
        assert_eq!(left.migrated_name(), None);
    }

    #[test]
    fn a_migrate_in_flight_keeps_its_ip_and_names_the_task_it_may_have_made() {
        let left = LeftBehind::in_flight("migrate", NAME, &params(Some("10.0.0.9")));
        assert_eq!(left.line(), format!("migrate\t{NAME}\t10.0.0.9"));
        assert_eq!(LeftBehind::parse(&left.line()), Some(left.clone()));
        assert_eq!(
            left.migrated_name().as_deref(),
            Some("10.0.0.9-9000:connector_v2:np_56el1g1jvrs0-incr_trans-1-0:0000000003")
        );
    }

    #[test]
    fn a_migrate_without_ip_stays_on_its_node() {
        let left = LeftBehind::in_flight("migrate", NAME, &params(None));
        assert_eq!(left.line(), format!("migrate\t{NAME}\t"));
        let read = LeftBehind::parse(&left.line()).unwrap();
        assert_eq!(
            read.migrated_name().as_deref(),
            Some("10.186.16.126-9000:connector_v2:np_56el1g1jvrs0-incr_trans-1-0:0000000003")
        );
    }

    #[test]
    fn a_migrate_line_stored_before_the_ip_was_kept_names_no_new_task() {
        let read = LeftBehind::parse(&format!("migrate\t{NAME}")).unwrap();
        let unknown_ip = LeftBehind::InFlight {
            operation: "migrate".to_owned(),
            task_name: NAME.to_owned(),
            ip: None,
        };
        assert_eq!(read, unknown_ip);
        assert_eq!(read.migrated_name(), None);
    }

    #[test]
    fn a_migrate_of_a_name_not_understood_names_no_new_task() {
        let left = LeftBehind::in_flight("migrate", "task-7", &params(Some("10.0.0.9")));
        assert_eq!(left.migrated_name(), None);
    }

    #[test]
    fn a_pullback_line_with_a_step_is_a_halt() {
        let halted = LeftBehind::Halted {
            task_name: NAME.to_owned(),
            step: 2,
        };
        assert_eq!(halted.line(), format!("pullback\t{NAME}\t2"));
        assert_eq!(LeftBehind::parse(&halted.line()), Some(halted));
        assert_eq!(
            LeftBehind::parse(&format!("pullback\t{NAME}")),
            Some(LeftBehind::in_flight("pullback", NAME, &[]))
        );
    }

    #[test]
    fn a_line_without_a_task_or_with_a_step_not_a_number_is_not_read() {
        assert_eq!(LeftBehind::parse("stop"), None);
        assert_eq!(
            LeftBehind::parse(&format!("pullback\t{NAME}\tsecond")),
            None
        );
        assert_eq!(LeftBehind::parse(""), None);
    }
}
