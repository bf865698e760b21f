//! The demo fleet: three projects on two nodes, in every state.

use crate::fleet::{Config, State, Task};

fn config(entries: &[(&str, &str, &str)]) -> Config {
    let mut config = Config::new();
    for (scope, key, value) in entries {
        config
            .entry((*scope).to_owned())
            .or_default()
            .insert((*key).to_owned(), (*value).to_owned());
    }
    config
}

fn clients(subtopics: &[&str]) -> String {
    let list: Vec<_> = subtopics
        .iter()
        .map(|s| {
            serde_json::json!({
                "clientId": s,
                "subtopic": s,
                "clusterManagerUrl": "http://10.186.16.126:8088",
                "filterConditions": ["*.*.*"],
            })
        })
        .collect();
    serde_json::Value::Array(list).to_string()
}

fn checkpoint(subtopics: &[&str], epoch: i64) -> String {
    let map: serde_json::Map<_, _> = subtopics
        .iter()
        .map(|s| {
            (
                (*s).to_owned(),
                serde_json::Value::String(epoch.to_string()),
            )
        })
        .collect();
    serde_json::Value::Object(map).to_string()
}

fn incr(
    node: &str,
    project: &str,
    seq: &str,
    state: State,
    subtopics: &[&str],
    epoch: i64,
) -> Task {
    let position = checkpoint(subtopics, epoch);
    Task {
        task_name: format!("{node}:connector_v2:{project}-incr_trans-1-0:{seq}"),
        state,
        config: config(&[
            ("coordinator", "timezone", "+08:00"),
            ("coordinator", "bridgeQueueSize", "256"),
            ("source", "clients", &clients(subtopics)),
            ("source", "checkpoint", &position),
            ("source", "workerNum", "4"),
            ("source", "batchSize", "200"),
            (
                "sink",
                "jdbcUrl",
                "jdbc:oceanbase://10.186.17.20:2883/orders",
            ),
            ("sink", "username", "oms_writer@tenant1#cluster"),
            ("sink", "password", "Oms#Demo2024"),
            ("sink", "workerNum", "8"),
            (
                "condition",
                "whiteCondition",
                r#"[{"name":"ORDERS","all":true}]"#,
            ),
        ]),
        position: Some(position),
        progress: None,
    }
}

fn full(node: &str, project: &str, seq: &str, state: State, progress: u8) -> Task {
    Task {
        task_name: format!("{node}:connector_v2:{project}-full_trans-1-0:{seq}"),
        state,
        config: config(&[
            ("coordinator", "timezone", "+08:00"),
            ("source", "workerNum", "16"),
            ("source", "batchSize", "1000"),
            (
                "sink",
                "jdbcUrl",
                "jdbc:oceanbase://10.186.17.20:2883/orders",
            ),
            ("sink", "username", "oms_writer@tenant1#cluster"),
            ("sink", "password", "Oms#Demo2024"),
            ("sink", "workerNum", "16"),
        ]),
        position: None,
        progress: Some(progress),
    }
}

/// The fleet the simulator starts with and `POST /_sim/reset` restores.
pub fn demo_tasks() -> Vec<Task> {
    let a = "10.186.16.126-9000";
    let b = "10.186.16.127-9000";
    vec![
        incr(
            a,
            "np_56el1g1jvrs0",
            "0000000002",
            State::Running,
            &["ORACLE_np_56el1g1jvrs0_56el4eyvwvxc-1-0"],
            1_676_286_000,
        ),
        full(a, "np_56el1g1jvrs0", "0000000001", State::Finished, 100),
        incr(
            b,
            "np_5f3k2m9q8x1a",
            "0000000001",
            State::Stopped,
            &["ob_ten_1_5ukd9qzmhk3k-1-0", "ob_ten_1_5ukd9qzmhk3k-2-0"],
            1_700_000_000,
        ),
        full(b, "np_5f3k2m9q8x1a", "0000000001", State::Running, 42),
        incr(
            b,
            "np_6b7c8d9e0f1g",
            "0008000002",
            State::Exception,
            &["MYSQL_np_6b7c8d9e0f1g_6b7c9xk2-1-0"],
            1_710_000_000,
        ),
        full(a, "np_6b7c8d9e0f1g", "0000000003", State::Stopped, 73),
    ]
}
