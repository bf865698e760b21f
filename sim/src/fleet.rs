//! The simulated connectors and the rules of `../shared/api/facts.md`.

use std::collections::BTreeMap;
use std::net::IpAddr;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A connector's configuration: scope → key → string value.
pub type Config = BTreeMap<String, BTreeMap<String, String>>;

/// The four states of an Incr-Sync or Full-Import component.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum State {
    /// Running.
    Running,
    /// Stopped by an operator.
    Stopped,
    /// Abnormal.
    Exception,
    /// Done (a Full-Import that completed).
    Finished,
}

impl State {
    /// The state as the API writes it, e.g. `STOPPED`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Running => "RUNNING",
            Self::Stopped => "STOPPED",
            Self::Exception => "EXCEPTION",
            Self::Finished => "FINISHED",
        }
    }
}

/// One connector, as `GET /_sim/tasks` shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Task {
    /// The component's name.
    pub task_name: String,
    /// Its state.
    pub state: State,
    /// Its configuration.
    pub config: Config,
    /// The checkpoint text it reads from (Incr-Sync), or null.
    pub position: Option<String>,
    /// A Full-Import's progress in percent (not part of the real API).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<u8>,
}

/// The error codes the simulator answers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrCode {
    /// No task of that name.
    TaskNotFound,
    /// The task's state does not allow the operation.
    IllegalState,
    /// A parameter or the body is wrong.
    IllegalArgument,
    /// The CM failed; retryable.
    InternalError,
}

impl ErrCode {
    /// The code as the envelope writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::TaskNotFound => "TASK_NOT_FOUND",
            Self::IllegalState => "ILLEGAL_STATE",
            Self::IllegalArgument => "ILLEGAL_ARGUMENT",
            Self::InternalError => "INTERNAL_ERROR",
        }
    }
}

/// A refused operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// The code.
    pub code: ErrCode,
    /// The human sentence.
    pub msg: String,
}

impl ApiError {
    /// An `ILLEGAL_ARGUMENT` error.
    pub fn argument(msg: impl Into<String>) -> Self {
        Self {
            code: ErrCode::IllegalArgument,
            msg: msg.into(),
        }
    }

    fn state(name: &str, state: State, operation: &str) -> Self {
        Self {
            code: ErrCode::IllegalState,
            msg: format!("cannot {operation} task {name}: it is {}", state.as_str()),
        }
    }
}

/// The component type written in a v2 task name (`incr_trans`, `full_trans`, …).
pub fn component_type(name: &str) -> Option<&str> {
    let (_, rest) = name.split_once(":connector_v2:")?;
    let (component, _) = rest.rsplit_once(':')?;
    component.rsplit('-').nth(2)
}

/// The name a migrated task gets: sequence + 1, node address replaced by `ip`.
fn migrated_name(name: &str, ip: Option<IpAddr>) -> Option<String> {
    let (node, rest) = name.split_once(":connector_v2:")?;
    let (old_ip, port) = node.rsplit_once('-')?;
    let (component, seq) = rest.rsplit_once(':')?;
    let next = seq.parse::<u64>().ok()? + 1;
    let ip = ip.map_or_else(|| old_ip.to_owned(), |ip| ip.to_string());
    Some(format!(
        "{ip}-{port}:connector_v2:{component}:{next:0width$}",
        width = seq.len()
    ))
}

/// The simulated fleet of connectors.
#[derive(Debug, Clone, Default)]
pub struct Fleet {
    tasks: Vec<Task>,
}

impl Fleet {
    /// A fleet holding `tasks`.
    pub fn new(tasks: Vec<Task>) -> Self {
        Self { tasks }
    }

    /// Every task, in order.
    pub fn tasks(&self) -> &[Task] {
        &self.tasks
    }

    fn find(&mut self, name: &str) -> Result<&mut Task, ApiError> {
        self.tasks
            .iter_mut()
            .find(|t| t.task_name == name)
            .ok_or_else(|| ApiError {
                code: ErrCode::TaskNotFound,
                msg: format!("task {name} does not exist"),
            })
    }

    /// `resume`, with `now` in epoch seconds for the checkpoint check.
    pub fn resume(
        &mut self,
        name: &str,
        pull_back: bool,
        restart: bool,
        now: i64,
    ) -> Result<String, ApiError> {
        if pull_back && restart {
            return Err(ApiError::argument(
                "pullBackFlag and restartFlag cannot both be true",
            ));
        }
        let task = self.find(name)?;
        let kind = component_type(name);
        if pull_back && kind != Some("incr_trans") {
            return Err(ApiError::argument(
                "pullBackFlag=true is valid only for an Incr-Sync (incr_trans) component",
            ));
        }
        if restart && kind != Some("full_trans") {
            return Err(ApiError::argument(
                "restartFlag=true is valid only for a Full-Import (full_trans) component",
            ));
        }
        if !matches!(task.state, State::Stopped | State::Exception) {
            return Err(ApiError::state(name, task.state, "resume"));
        }
        if pull_back {
            task.position = Some(checked_checkpoint(&task.config, now)?);
        }
        if restart {
            task.progress = Some(0);
        }
        task.state = State::Running;
        Ok(name.to_owned())
    }

    /// `stop`.
    pub fn stop(&mut self, name: &str) -> Result<String, ApiError> {
        let task = self.find(name)?;
        if task.state != State::Running {
            return Err(ApiError::state(name, task.state, "stop"));
        }
        task.state = State::Stopped;
        Ok(name.to_owned())
    }

    /// `update`: deletes `delete_params` first, then applies `update`.
    pub fn update(
        &mut self,
        name: &str,
        delete_params: &[(String, String)],
        update: &Config,
    ) -> Result<String, ApiError> {
        let task = self.find(name)?;
        if !matches!(task.state, State::Stopped | State::Exception) {
            return Err(ApiError::state(name, task.state, "update"));
        }
        for (scope, key) in delete_params {
            if let Some(keys) = task.config.get_mut(scope) {
                keys.remove(key);
            }
        }
        for (scope, keys) in update {
            task.config
                .entry(scope.clone())
                .or_default()
                .extend(keys.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        Ok(name.to_owned())
    }

    /// `migrate`: answers the new name; the old one is gone.
    pub fn migrate(&mut self, name: &str, ip: Option<IpAddr>) -> Result<String, ApiError> {
        let task = self.find(name)?;
        if task.state == State::Finished {
            return Err(ApiError::state(name, task.state, "migrate"));
        }
        let new_name = migrated_name(name, ip).ok_or_else(|| {
            ApiError::argument(format!(
                "task name {name} cannot be migrated: not a v2 name"
            ))
        })?;
        task.task_name.clone_from(&new_name);
        Ok(new_name)
    }

    /// `delete`.
    pub fn delete(&mut self, name: &str) -> Result<String, ApiError> {
        let task = self.find(name)?;
        if task.state == State::Running {
            return Err(ApiError::state(name, task.state, "delete"));
        }
        self.tasks.retain(|t| t.task_name != name);
        Ok(name.to_owned())
    }
}

/// The task's subtopics, from the `subtopic` of each `source.clients` entry.
fn subtopics(config: &Config) -> Vec<String> {
    let clients = config.get("source").and_then(|s| s.get("clients"));
    let parsed: Option<Vec<Value>> = clients.and_then(|text| serde_json::from_str(text).ok());
    parsed
        .unwrap_or_default()
        .iter()
        .filter_map(|client| client.get("subtopic")?.as_str().map(str::to_owned))
        .collect()
}

/// Checks `source.checkpoint` for a pullback and returns it.
fn checked_checkpoint(config: &Config, now: i64) -> Result<String, ApiError> {
    let text = config
        .get("source")
        .and_then(|s| s.get("checkpoint"))
        .ok_or_else(|| {
            ApiError::argument("pullBackFlag=true needs source.checkpoint, which is not set")
        })?;
    let shape = || {
        ApiError::argument(format!(
            "source.checkpoint must be JSON text of {{\"<subtopic>\":\"<epoch seconds>\"}}, not {text}"
        ))
    };
    let entries: BTreeMap<String, String> = serde_json::from_str(text).map_err(|_| shape())?;
    if entries.is_empty() {
        return Err(shape());
    }
    let own = subtopics(config);
    for (subtopic, time) in &entries {
        if !own.contains(subtopic) {
            return Err(ApiError::argument(format!(
                "source.checkpoint names subtopic {subtopic}, which is not one of this task's subtopics ({})",
                own.join(", ")
            )));
        }
        let seconds: i64 = time
            .parse()
            .ok()
            .filter(|_| time.bytes().all(|b| b.is_ascii_digit()))
            .ok_or_else(|| {
                ApiError::argument(format!(
                    "source.checkpoint time {time} for subtopic {subtopic} is not epoch seconds"
                ))
            })?;
        if seconds > now {
            return Err(ApiError::argument(format!(
                "source.checkpoint time {time} for subtopic {subtopic} is in the future"
            )));
        }
    }
    Ok(text.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn component_types_and_migrated_names() {
        let name = "10.186.16.126-9000:connector_v2:np_56el1g1jvrs0-incr_trans-1-0:0000000002";
        assert_eq!(component_type(name), Some("incr_trans"));
        assert_eq!(component_type("store_x"), None);
        assert_eq!(
            migrated_name(name, Some("10.0.0.9".parse().unwrap())).unwrap(),
            "10.0.0.9-9000:connector_v2:np_56el1g1jvrs0-incr_trans-1-0:0000000003"
        );
        assert_eq!(
            migrated_name(
                "fd00::1-9000:connector_v2:p-full_trans-1-0:0000000009",
                None
            )
            .unwrap(),
            "fd00::1-9000:connector_v2:p-full_trans-1-0:0000000010"
        );
    }

    #[test]
    fn state_errors_name_the_state() {
        let err = ApiError::state("t", State::Stopped, "stop");
        assert_eq!(err.msg, "cannot stop task t: it is STOPPED");
    }
}
