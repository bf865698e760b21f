//! The reference's pullback recipe: stop, update `source.checkpoint`, resume with `pullBackFlag`.

use serde_json::{Map, Value};

use crate::config_map::{ConfigKey, ConfigRow};
use crate::request::Operation;
use crate::task_name::TaskName;

/// The three steps of a pullback of `task_name` to `checkpoint` (the
/// `source.checkpoint` text), in order.
pub fn pullback_steps(task_name: &TaskName, checkpoint: &str) -> [Operation; 3] {
    [
        Operation::Stop {
            task_name: task_name.clone(),
        },
        Operation::Update {
            task_name: task_name.clone(),
            delete_params: vec![ConfigKey {
                scope: "source".into(),
                key: "checkpoint".into(),
            }],
            update_config_map: vec![ConfigRow::new("source", "checkpoint", checkpoint)],
        },
        Operation::Resume {
            task_name: task_name.clone(),
            pull_back_flag: true,
            restart_flag: false,
        },
    ]
}

/// The subtopics and the epoch seconds that a pullback's update body (as
/// the journal keeps it) sets in `source.checkpoint`; `None` when it sets
/// no readable checkpoint.
pub fn checkpoint_in_body(body: &str) -> Option<(Vec<String>, Option<i64>)> {
    let body = serde_json::from_str::<Value>(body).ok()?;
    let text = body["source"]["checkpoint"].as_str()?;
    let subtopics = serde_json::from_str::<Map<String, Value>>(text).ok()?;
    let epoch = subtopics
        .values()
        .find_map(|v| v.as_str()?.parse::<i64>().ok());
    Some((subtopics.keys().cloned().collect(), epoch))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checkpoint::{Zone, ZoneRules, checkpoint_text, parse_date_time, to_epoch};

    /// The recipe reads its time at a fixed offset: no named zone is known.
    struct FixedOffsetsOnly;

    impl ZoneRules for FixedOffsetsOnly {
        fn offset_at(&self, _zone: &str, _epoch: i64) -> Option<i32> {
            None
        }
    }

    #[test]
    fn the_reference_recipe_exactly() {
        let name = "xxx.xxx.xxx.xxx-9000:connector_v2:p_493p****-incr_trans-1-0:0000000001";
        let task_name = TaskName::parse(name).unwrap();
        let local = parse_date_time("2023-02-13 19:00:00").unwrap();
        let zone = Zone::parse("UTC+08:00", &FixedOffsetsOnly).unwrap();
        let epoch = to_epoch(local, &zone, &FixedOffsetsOnly).unwrap().epoch;
        let text = checkpoint_text(&["sub_a".to_owned()], epoch).unwrap();
        let [stop, update, resume] = pullback_steps(&task_name, &text).map(|op| op.request());
        let base = "http://${cm_host:port}";
        assert_eq!(
            stop.url(base),
            format!("{base}/connector/task/v2/stop?taskName={name}")
        );
        assert_eq!(
            update.url(base),
            format!(
                "{base}/connector/task/v2/update?taskName={name}&deleteParams=source.checkpoint"
            )
        );
        assert_eq!(
            update.body.as_deref(),
            Some(r#"{"source":{"checkpoint":"{\"sub_a\":\"1676286000\"}"}}"#)
        );
        assert_eq!(
            resume.url(base),
            format!("{base}/connector/task/v2/resume?taskName={name}&pullBackFlag=true")
        );
        assert_eq!(
            checkpoint_in_body(update.body.as_deref().unwrap()),
            Some((vec!["sub_a".to_owned()], Some(1_676_286_000)))
        );
        assert_eq!(checkpoint_in_body(r#"{"source":{"batchSize":"1"}}"#), None);
        assert_eq!(checkpoint_in_body("not json"), None);
    }
}
