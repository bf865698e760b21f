//! The five operations of the CM host's connector API and the HTTP requests they send.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use crate::checkpoint;
use crate::config_map::{self, ConfigKey, ConfigRow};
use crate::encode::percent_encode;
use crate::task_name::{Component, TaskName};

/// The HTTP method of every operation.
pub const METHOD: &str = "POST";
/// The path every operation's path starts with.
pub const API_PATH: &str = "/connector/task/v2";
/// The content type of the `update` body.
pub const JSON_CONTENT_TYPE: &str = "application/json";

/// One of the API's operations, named after its path segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OperationKind {
    /// `resume`
    Resume,
    /// `stop`
    Stop,
    /// `update`
    Update,
    /// `migrate`
    Migrate,
    /// `delete`
    Delete,
}

impl OperationKind {
    /// The path segment, e.g. `resume`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Resume => "resume",
            Self::Stop => "stop",
            Self::Update => "update",
            Self::Migrate => "migrate",
            Self::Delete => "delete",
        }
    }

    /// The path, e.g. `/connector/task/v2/stop`.
    pub fn path(self) -> String {
        format!("{API_PATH}/{}", self.as_str())
    }

    /// The URL of the path under `base` (see [`Request::url`]), without a query.
    pub fn url(self, base: &str) -> String {
        format!("{}{}", base.trim_end_matches('/'), self.path())
    }
}

/// An operation with its parameters, ready to become a [`Request`].
#[derive(Debug, Clone, PartialEq)]
pub enum Operation {
    /// Start a stopped or abnormal connector.
    Resume {
        /// The component.
        task_name: TaskName,
        /// Pull an Incr-Sync back to its `source.checkpoint`.
        pull_back_flag: bool,
        /// Restart a Full-Import on its original Checker.
        restart_flag: bool,
    },
    /// Stop a running connector.
    Stop {
        /// The component.
        task_name: TaskName,
    },
    /// Delete and set configuration entries of a stopped or abnormal connector.
    Update {
        /// The component.
        task_name: TaskName,
        /// `deleteParams`: keys removed before `updateConfigMap` is applied.
        delete_params: Vec<ConfigKey>,
        /// `updateConfigMap`: the rows sent as the JSON body.
        update_config_map: Vec<ConfigRow>,
    },
    /// Move a connector to another node.
    Migrate {
        /// The component.
        task_name: TaskName,
        /// The destination, or the CM's choice when `None`.
        ip: Option<IpAddr>,
    },
    /// Delete a connector for good.
    Delete {
        /// The component.
        task_name: TaskName,
    },
}

/// How serious a pre-send check is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The request cannot be sent.
    Error,
    /// The request is sent only after a deliberate second click.
    Warning,
}

/// A finding about an operation before it is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// `pullBackFlag` and `restartFlag` are both true.
    BothFlags,
    /// `pullBackFlag` on a task that is not an Incr-Sync.
    PullBackNotIncrSync,
    /// `restartFlag` on a task that is not a Full-Import.
    RestartNotFullImport,
    /// An update that deletes nothing and sets nothing.
    NothingToUpdate,
    /// A migrate whose `ip` is the node the task name says it runs on: it
    /// gets a new name without moving.
    MigrateToSameNode,
    /// An update naming a scope other than the connector's own
    /// ([`config_map::SCOPES`]): the connector does not read it (see
    /// [`Operation::unknown_scopes`]).
    UnknownScope,
    /// An update naming a key with white space in it: no real key has any
    /// (see [`Operation::spaced_keys`]).
    SpaceInKey,
    /// An update setting `source.checkpoint` to a timestamp that is not
    /// epoch seconds (see [`Operation::checkpoints_not_seconds`]).
    CheckpointNotSeconds,
    /// An update setting a key to an empty value, most often a row not yet
    /// finished (see [`Operation::empty_values`]).
    EmptyValue,
    /// An update setting a value with white space at its start or end, most
    /// often copied with it: a number or a name read with it breaks (see
    /// [`Operation::values_spaced_at_an_end`]).
    ValueSpacedAtAnEnd,
}

impl Check {
    /// Whether this check blocks sending or asks for a second click.
    pub fn severity(self) -> Severity {
        match self {
            Self::BothFlags => Severity::Error,
            _ => Severity::Warning,
        }
    }
}

/// Why a typed `ip` cannot be sent: the text, and the address within it
/// when it only carries a port (`10.0.0.1:9000`, or `10.0.0.1-9000` as a
/// task name writes its node) or brackets (`[fd00::2]:9000`, `[fd00::2]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidIp(pub String, pub Option<IpAddr>);

/// Reads the `ip` field: empty means "let the CM choose".
pub fn parse_ip(input: &str) -> Result<Option<IpAddr>, InvalidIp> {
    let text = input.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse()
        .map(Some)
        .map_err(|_| InvalidIp(text.to_owned(), address_within(text)))
}

/// The address in `host:port`, `host-port` or `[v6]`.
fn address_within(text: &str) -> Option<IpAddr> {
    let port = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if let Ok(socket) = text.parse::<SocketAddr>() {
        return Some(socket.ip());
    }
    if let Some(v6) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
        return v6.parse::<Ipv6Addr>().ok().map(IpAddr::V6);
    }
    let (host, after) = text.rsplit_once('-')?;
    port(after)
        .then(|| host.parse::<Ipv4Addr>().ok().map(IpAddr::V4))
        .flatten()
}

/// An HTTP request exactly as it goes to the CM host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// Which operation's path it targets.
    pub kind: OperationKind,
    /// Query parameters in the reference's order, not yet encoded.
    pub query: Vec<(String, String)>,
    /// The JSON body (`update` only).
    pub body: Option<String>,
}

/// The value of the query parameter `name` in `query` (a request's, or a
/// journal record's decoded parameters).
pub fn query_param<'a>(query: &'a [(String, String)], name: &str) -> Option<&'a str> {
    query
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

impl Request {
    /// The path, e.g. `/connector/task/v2/stop`.
    pub fn path(&self) -> String {
        self.kind.path()
    }

    /// The encoded query string, without the `?`.
    pub fn query_string(&self) -> String {
        self.query
            .iter()
            .map(|(name, value)| format!("{}={}", percent_encode(name), percent_encode(value)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// The URL under `base`: empty for this origin, a path prefix such as
    /// `/cm/east/`, or an absolute `http(s)://host:port`.
    pub fn url(&self, base: &str) -> String {
        let mut url = self.kind.url(base);
        let query = self.query_string();
        if !query.is_empty() {
            url.push('?');
            url.push_str(&query);
        }
        url
    }

    /// The `Content-Type` header to send, if any.
    pub fn content_type(&self) -> Option<&'static str> {
        self.body.as_ref().map(|_| JSON_CONTENT_TYPE)
    }
}

impl Operation {
    /// Which operation this is.
    pub fn kind(&self) -> OperationKind {
        match self {
            Self::Resume { .. } => OperationKind::Resume,
            Self::Stop { .. } => OperationKind::Stop,
            Self::Update { .. } => OperationKind::Update,
            Self::Migrate { .. } => OperationKind::Migrate,
            Self::Delete { .. } => OperationKind::Delete,
        }
    }

    /// The task the operation acts on.
    pub fn task_name(&self) -> &TaskName {
        match self {
            Self::Resume { task_name, .. }
            | Self::Stop { task_name }
            | Self::Update { task_name, .. }
            | Self::Migrate { task_name, .. }
            | Self::Delete { task_name } => task_name,
        }
    }

    /// The request this operation sends.
    pub fn request(&self) -> Request {
        let mut query = vec![("taskName".to_owned(), self.task_name().as_str().to_owned())];
        let mut body = None;
        match self {
            Self::Resume {
                pull_back_flag,
                restart_flag,
                ..
            } => {
                if *pull_back_flag {
                    query.push(("pullBackFlag".into(), "true".into()));
                }
                if *restart_flag {
                    query.push(("restartFlag".into(), "true".into()));
                }
            }
            Self::Update {
                delete_params,
                update_config_map,
                ..
            } => {
                if !delete_params.is_empty() {
                    query.push((
                        "deleteParams".into(),
                        config_map::delete_params_value(delete_params),
                    ));
                }
                body = Some(config_map::to_body(update_config_map));
            }
            Self::Migrate { ip: Some(ip), .. } => query.push(("ip".into(), ip.to_string())),
            Self::Stop { .. } | Self::Migrate { .. } | Self::Delete { .. } => {}
        }
        Request {
            kind: self.kind(),
            query,
            body,
        }
    }

    /// An update's `deleteParams` and `updateConfigMap` (none for other
    /// operations).
    fn config(&self) -> (&[ConfigKey], &[ConfigRow]) {
        match self {
            Self::Update {
                delete_params,
                update_config_map,
                ..
            } => (delete_params, update_config_map),
            _ => (&[], &[]),
        }
    }

    /// The `scope.key`s an update deletes or sets, `deleteParams` first.
    fn config_keys(&self) -> Vec<(&str, &str)> {
        let (delete_params, rows) = self.config();
        delete_params
            .iter()
            .map(|k| (k.scope.as_str(), k.key.as_str()))
            .chain(rows.iter().map(|r| (r.scope.as_str(), r.key.as_str())))
            .collect()
    }

    /// The scopes an update names that are not the connector's own, each
    /// once, in the order they first appear (empty for other operations).
    pub fn unknown_scopes(&self) -> Vec<String> {
        distinct(
            self.config_keys()
                .into_iter()
                .filter(|(scope, _)| !config_map::SCOPES.contains(scope))
                .map(|(scope, _)| scope.to_owned()),
        )
    }

    /// The `scope.key`s an update names whose key holds white space, each
    /// once (empty for other operations).
    pub fn spaced_keys(&self) -> Vec<String> {
        distinct(
            self.config_keys()
                .into_iter()
                .filter(|(_, key)| key.contains(char::is_whitespace))
                .map(|(scope, key)| format!("{scope}.{key}")),
        )
    }

    /// The timestamps an update sets in `source.checkpoint` that are not
    /// epoch seconds ([`checkpoint::not_seconds`]), each once (empty for
    /// other operations).
    pub fn checkpoints_not_seconds(&self) -> Vec<String> {
        distinct(self.checkpoint_values().flat_map(checkpoint::not_seconds))
    }

    /// The values an update sets `source.checkpoint` to.
    fn checkpoint_values(&self) -> impl Iterator<Item = &str> {
        self.config()
            .1
            .iter()
            .filter(|row| row.scope == "source" && row.key == "checkpoint")
            .map(|row| row.value.as_str())
    }

    /// The `scope.key`s whose values an update sets are secret (empty for
    /// other operations): the request holds them as they are.
    pub fn secret_keys(&self) -> Vec<String> {
        config_map::secret_keys(self.config().1)
    }

    /// Why to look twice at the times an update sets in `source.checkpoint`,
    /// seen at `now` (epoch seconds): one in the future, which the CM
    /// refuses, or older than [`checkpoint::DEFAULT_MAX_AGE_SECS`] (a wrong
    /// year replays a year of changes). Empty for other operations.
    pub fn checkpoint_warnings(&self, now: i64) -> Vec<checkpoint::CheckpointWarning> {
        distinct(
            self.checkpoint_values()
                .flat_map(checkpoint::seconds_in)
                .flat_map(|epoch| {
                    checkpoint::warnings(epoch, now, checkpoint::DEFAULT_MAX_AGE_SECS)
                }),
        )
    }

    /// The `scope.key`s an update sets to an empty (or blank) value, each
    /// once (empty for other operations).
    pub fn empty_values(&self) -> Vec<String> {
        distinct(
            self.config()
                .1
                .iter()
                .filter(|row| row.value.trim().is_empty())
                .map(|row| format!("{}.{}", row.scope, row.key)),
        )
    }

    /// The `scope.key`s an update sets to a value with white space at its
    /// start or end, each once (empty for other operations). JSON text
    /// (an object or a list) is left out: JSON reads past the white space.
    pub fn values_spaced_at_an_end(&self) -> Vec<String> {
        distinct(
            self.config()
                .1
                .iter()
                .filter(|row| {
                    let trimmed = row.value.trim();
                    !trimmed.is_empty() && trimmed != row.value && !trimmed.starts_with(['{', '['])
                })
                .map(|row| format!("{}.{}", row.scope, row.key)),
        )
    }

    /// What `check` found in this operation: the scopes, keys or
    /// timestamps its message names (empty for a check that names
    /// nothing, or that does not apply).
    pub fn found(&self, check: Check) -> Vec<String> {
        match check {
            Check::UnknownScope => self.unknown_scopes(),
            Check::SpaceInKey => self.spaced_keys(),
            Check::CheckpointNotSeconds => self.checkpoints_not_seconds(),
            Check::EmptyValue => self.empty_values(),
            Check::ValueSpacedAtAnEnd => self.values_spaced_at_an_end(),
            _ => Vec::new(),
        }
    }

    /// What should stop or slow the user before sending.
    pub fn checks(&self) -> Vec<Check> {
        let mut checks = Vec::new();
        match self {
            Self::Resume {
                task_name,
                pull_back_flag,
                restart_flag,
            } => {
                if *pull_back_flag && *restart_flag {
                    checks.push(Check::BothFlags);
                }
                let component = task_name.component();
                if *pull_back_flag && component != Some(&Component::IncrSync) {
                    checks.push(Check::PullBackNotIncrSync);
                }
                if *restart_flag && component != Some(&Component::FullImport) {
                    checks.push(Check::RestartNotFullImport);
                }
            }
            Self::Update {
                delete_params,
                update_config_map,
                ..
            } => {
                if delete_params.is_empty() && update_config_map.is_empty() {
                    checks.push(Check::NothingToUpdate);
                }
                checks.extend(
                    [
                        Check::UnknownScope,
                        Check::SpaceInKey,
                        Check::CheckpointNotSeconds,
                        Check::EmptyValue,
                        Check::ValueSpacedAtAnEnd,
                    ]
                    .into_iter()
                    .filter(|check| !self.found(*check).is_empty()),
                );
            }
            Self::Migrate {
                task_name,
                ip: Some(ip),
            } if task_name
                .parts()
                .and_then(|parts| parts.ip.parse::<IpAddr>().ok())
                .is_some_and(|node| node == *ip) =>
            {
                checks.push(Check::MigrateToSameNode);
            }
            _ => {}
        }
        checks
    }
}

/// `items` each once, in the order they first appear.
fn distinct<T: PartialEq>(items: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut found = Vec::new();
    for item in items {
        if !found.contains(&item) {
            found.push(item);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAME: &str = "xxx.xxx.xxx.xxx-9000:connector_v2:p_493po****-incr_trans-1-0:0000000001";
    const INCR: &str = "10.186.16.126-9000:connector_v2:np_56el1g1jvrs0-incr_trans-1-0:0000000002";
    const FULL: &str = "10.186.16.126-9000:connector_v2:np_56el1g1jvrs0-full_trans-1-0:0000000001";

    fn name(text: &str) -> TaskName {
        TaskName::parse(text).unwrap()
    }

    fn key(scope: &str, key: &str) -> ConfigKey {
        ConfigKey {
            scope: scope.into(),
            key: key.into(),
        }
    }

    #[test]
    fn resume_sends_the_task_name_alone_like_the_reference() {
        let op = Operation::Resume {
            task_name: name(INCR),
            pull_back_flag: false,
            restart_flag: false,
        };
        let request = op.request();
        assert_eq!(request.path(), "/connector/task/v2/resume");
        assert_eq!(
            request.url("http://cm:8088"),
            format!("http://cm:8088/connector/task/v2/resume?taskName={INCR}")
        );
        assert_eq!(request.body, None);
        assert!(op.checks().is_empty());
    }

    #[test]
    fn flags_are_sent_only_when_true_in_order() {
        let op = Operation::Resume {
            task_name: name(INCR),
            pull_back_flag: true,
            restart_flag: true,
        };
        assert_eq!(
            op.request().query_string(),
            format!("taskName={INCR}&pullBackFlag=true&restartFlag=true")
        );
        assert_eq!(
            op.checks(),
            vec![Check::BothFlags, Check::RestartNotFullImport]
        );
        assert_eq!(Check::BothFlags.severity(), Severity::Error);
    }

    #[test]
    fn flag_on_the_wrong_component_is_a_warning() {
        let pull = Operation::Resume {
            task_name: name(FULL),
            pull_back_flag: true,
            restart_flag: false,
        };
        assert_eq!(pull.checks(), vec![Check::PullBackNotIncrSync]);
        let restart = Operation::Resume {
            task_name: name(FULL),
            pull_back_flag: false,
            restart_flag: true,
        };
        assert!(restart.checks().is_empty());
        assert_eq!(Check::PullBackNotIncrSync.severity(), Severity::Warning);
    }

    #[test]
    fn the_reference_samples_byte_for_byte() {
        let task_name = name(NAME);
        let base = "http://${cm_host:port}";
        let stop = Operation::Stop {
            task_name: task_name.clone(),
        };
        assert_eq!(
            stop.request().url(base),
            "http://${cm_host:port}/connector/task/v2/stop?taskName=xxx.xxx.xxx.xxx-9000:connector_v2:p_493po****-incr_trans-1-0:0000000001"
        );
        let update = Operation::Update {
            task_name: task_name.clone(),
            delete_params: vec![key("source", "checkpoint")],
            update_config_map: vec![ConfigRow::new("source", "username", "test")],
        };
        let request = update.request();
        assert!(
            request
                .url(base)
                .ends_with("&deleteParams=source.checkpoint")
        );
        assert_eq!(
            request.body.as_deref(),
            Some(r#"{"source":{"username":"test"}}"#)
        );
        assert_eq!(request.content_type(), Some("application/json"));
        let migrate = Operation::Migrate {
            task_name: task_name.clone(),
            ip: Some("10.0.0.2".parse().unwrap()),
        };
        assert!(
            migrate
                .request()
                .url(base)
                .ends_with(":0000000001&ip=10.0.0.2")
        );
        let delete = Operation::Delete { task_name };
        assert!(
            delete
                .request()
                .url("")
                .starts_with("/connector/task/v2/delete?taskName=")
        );
    }

    #[test]
    fn update_always_has_a_body_and_warns_when_empty() {
        let update = Operation::Update {
            task_name: name(INCR),
            delete_params: vec![],
            update_config_map: vec![],
        };
        assert_eq!(update.request().body.as_deref(), Some("{}"));
        assert_eq!(update.request().query.len(), 1);
        assert_eq!(update.checks(), vec![Check::NothingToUpdate]);
    }

    #[test]
    fn several_delete_params_are_one_comma_separated_parameter() {
        let update = Operation::Update {
            task_name: name(INCR),
            delete_params: vec![key("scope1", "key1"), key("scope2", "key2")],
            update_config_map: vec![],
        };
        assert!(
            update
                .request()
                .query_string()
                .ends_with("&deleteParams=scope1.key1,scope2.key2")
        );
        assert_eq!(update.checks(), vec![Check::UnknownScope]);
    }

    #[test]
    fn a_checkpoint_in_milliseconds_asks_for_a_second_click() {
        let update = |value: &str| Operation::Update {
            task_name: name(INCR),
            delete_params: vec![key("source", "checkpoint")],
            update_config_map: vec![
                ConfigRow::new("source", "checkpoint", value),
                ConfigRow::new("source", "batchSize", "1676286000000"),
            ],
        };
        let millis = update(r#"{"ORACLE_np_56el1g1jvrs0_56el4eyvwvxc-1-0":"1676286000000"}"#);
        assert_eq!(millis.checkpoints_not_seconds(), vec!["1676286000000"]);
        assert_eq!(millis.checks(), vec![Check::CheckpointNotSeconds]);
        assert_eq!(Check::CheckpointNotSeconds.severity(), Severity::Warning);
        let seconds = update(r#"{"ORACLE_np_56el1g1jvrs0_56el4eyvwvxc-1-0":"1676286000"}"#);
        assert!(seconds.checks().is_empty());
    }

    #[test]
    fn a_checkpoint_set_in_the_future_or_long_ago_is_found_against_the_clock() {
        use checkpoint::CheckpointWarning::{InFuture, TooOld};
        let now = 1_676_286_000;
        let update = |value: &str| Operation::Update {
            task_name: name(INCR),
            delete_params: vec![],
            update_config_map: vec![
                ConfigRow::new("source", "checkpoint", value),
                ConfigRow::new("sink", "checkpoint", "1776286000"),
            ],
        };
        assert_eq!(
            update(r#"{"a":"1676289600","b":"1676289600","c":"1676286000"}"#)
                .checkpoint_warnings(now),
            vec![InFuture { seconds: 3600 }],
            "once for two subtopics at the same time; the present is fine"
        );
        assert_eq!(
            update(r#"{"a":"1644750000","b":"1676286000000"}"#).checkpoint_warnings(now),
            vec![TooOld {
                seconds: 31_536_000
            }],
            "a year ago; milliseconds are another check's"
        );
        assert_eq!(
            update("1676200000").checkpoint_warnings(now),
            vec![],
            "a day ago, a bare number"
        );
        let stop = Operation::Stop {
            task_name: name(INCR),
        };
        assert!(stop.checkpoint_warnings(now).is_empty());
    }

    #[test]
    fn a_check_names_what_it_found_each_once() {
        let update = Operation::Update {
            task_name: name(INCR),
            delete_params: vec![key("sorce", "a")],
            update_config_map: vec![
                ConfigRow::new("sorce", "batchSize", ""),
                ConfigRow::new("sorce", "batchSize", ""),
                ConfigRow::new("source", "checkpoint", r#"{"a":"1676286000000"}"#),
                ConfigRow::new("source", "checkpoint", r#"{"b":"1676286000000"}"#),
            ],
        };
        assert_eq!(update.found(Check::UnknownScope), vec!["sorce"]);
        assert_eq!(update.found(Check::EmptyValue), vec!["sorce.batchSize"]);
        assert_eq!(
            update.found(Check::CheckpointNotSeconds),
            vec!["1676286000000"]
        );
        assert!(update.found(Check::SpaceInKey).is_empty());
        assert!(update.found(Check::NothingToUpdate).is_empty());
    }

    #[test]
    fn an_empty_value_asks_for_a_second_click() {
        let update = Operation::Update {
            task_name: name(INCR),
            delete_params: vec![],
            update_config_map: vec![
                ConfigRow::new("source", "batchSize", ""),
                ConfigRow::new("sink", "workerNum", " "),
                ConfigRow::new("sink", "username", "oms"),
            ],
        };
        assert_eq!(
            update.empty_values(),
            vec!["source.batchSize", "sink.workerNum"]
        );
        assert_eq!(update.checks(), vec![Check::EmptyValue]);
        assert_eq!(Check::EmptyValue.severity(), Severity::Warning);
    }

    #[test]
    fn a_value_spaced_at_an_end_asks_for_a_second_click() {
        let update = Operation::Update {
            task_name: name(INCR),
            delete_params: vec![],
            update_config_map: vec![
                ConfigRow::new("sink", "workerNum", "4 "),
                ConfigRow::new("sink", "username", "\toms_writer"),
                ConfigRow::new("source", "clients", "[{\"subtopic\":\"a\"}]\n"),
                ConfigRow::new("condition", "whiteCondition", " {} "),
                ConfigRow::new("source", "batchSize", " "),
                ConfigRow::new("sink", "jdbcUrl", "jdbc:oceanbase://h:2883/a b"),
            ],
        };
        assert_eq!(
            update.values_spaced_at_an_end(),
            vec!["sink.workerNum", "sink.username"]
        );
        assert_eq!(
            update.checks(),
            vec![Check::EmptyValue, Check::ValueSpacedAtAnEnd]
        );
        assert_eq!(Check::ValueSpacedAtAnEnd.severity(), Severity::Warning);
    }

    #[test]
    fn a_scope_not_the_connectors_or_a_key_with_spaces_asks_for_a_second_click() {
        let update = |delete_params: Vec<ConfigKey>, rows: Vec<ConfigRow>| Operation::Update {
            task_name: name(INCR),
            delete_params,
            update_config_map: rows,
        };
        let real = update(
            vec![key("source", "checkpoint")],
            vec![
                ConfigRow::new("source", "checkpoint", "1700000000"),
                ConfigRow::new("coordinator", "timezone", "+08:00"),
                ConfigRow::new("sink", "workerNum", "4"),
                ConfigRow::new("condition", "whiteCondition", "[]"),
            ],
        );
        assert!(real.checks().is_empty());
        assert!(real.unknown_scopes().is_empty());
        let typos = update(
            vec![key("sorce", "checkpoint"), key("Source", "a")],
            vec![
                ConfigRow::new("source ", "checkpoint", "1"),
                ConfigRow::new("sorce", "workerNum", "2"),
                ConfigRow::new("sink", "worker Num", "3"),
                ConfigRow::new("sink", "worker Num", "4"),
            ],
        );
        assert_eq!(typos.unknown_scopes(), vec!["sorce", "Source", "source "]);
        assert_eq!(typos.spaced_keys(), vec!["sink.worker Num"]);
        assert_eq!(typos.checks(), vec![Check::UnknownScope, Check::SpaceInKey]);
        assert!(
            typos.checkpoints_not_seconds().is_empty(),
            "sorce is not source"
        );
        assert_eq!(Check::UnknownScope.severity(), Severity::Warning);
        assert_eq!(Check::SpaceInKey.severity(), Severity::Warning);
        let stop = Operation::Stop {
            task_name: name(INCR),
        };
        assert!(stop.unknown_scopes().is_empty() && stop.spaced_keys().is_empty());
    }

    #[test]
    fn migrate_to_the_node_the_task_runs_on_asks_for_a_second_click() {
        let migrate = |task: &str, ip: Option<&str>| Operation::Migrate {
            task_name: name(task),
            ip: ip.map(|ip| ip.parse().unwrap()),
        };
        let same = migrate(INCR, Some("10.186.16.126"));
        assert_eq!(same.checks(), vec![Check::MigrateToSameNode]);
        assert_eq!(Check::MigrateToSameNode.severity(), Severity::Warning);
        assert!(migrate(INCR, Some("10.186.16.127")).checks().is_empty());
        assert!(migrate(INCR, None).checks().is_empty());
        assert!(
            migrate("a-name-not-understood", Some("10.186.16.126"))
                .checks()
                .is_empty()
        );
    }

    #[test]
    fn ip_is_left_out_when_empty_and_validated_otherwise() {
        assert_eq!(parse_ip("  "), Ok(None));
        assert_eq!(parse_ip("10.0.0.1"), Ok(Some("10.0.0.1".parse().unwrap())));
        assert_eq!(parse_ip("fd00::2"), Ok(Some("fd00::2".parse().unwrap())));
        assert_eq!(
            parse_ip("10.0.0.256"),
            Err(InvalidIp("10.0.0.256".into(), None))
        );
        for (text, within) in [
            ("10.0.0.1:9000", "10.0.0.1"),
            (" 10.0.0.1-9000 ", "10.0.0.1"),
            ("[fd00::2]:9000", "fd00::2"),
            ("[fd00::2]", "fd00::2"),
        ] {
            assert_eq!(
                parse_ip(text),
                Err(InvalidIp(text.trim().into(), Some(within.parse().unwrap()))),
                "{text}"
            );
        }
        for text in [
            "10.0.0.1-",
            "10.0.0.1-90a",
            "node-2",
            "10.0.0.256:9000",
            "[10.0.0.1]",
        ] {
            assert_eq!(parse_ip(text).unwrap_err().1, None, "{text}");
        }
        let migrate = Operation::Migrate {
            task_name: name(INCR),
            ip: None,
        };
        assert_eq!(migrate.request().query_string(), format!("taskName={INCR}"));
    }

    #[test]
    fn base_urls_join_without_double_slashes() {
        let stop = Operation::Stop {
            task_name: name("t"),
        }
        .request();
        assert_eq!(stop.url(""), "/connector/task/v2/stop?taskName=t");
        assert_eq!(
            stop.url("/cm/east/"),
            "/cm/east/connector/task/v2/stop?taskName=t"
        );
        assert_eq!(
            stop.url("http://h:8088/"),
            "http://h:8088/connector/task/v2/stop?taskName=t"
        );
    }
}
