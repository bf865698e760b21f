//! What an operator pastes into the checkpoint builder: an instant (an epoch
//! number, or a date and time as the reference writes it), or the task's own
//! `source.checkpoint` or `source.clients`, for the subtopics they name.

use serde_json::Value;

use crate::checkpoint::{EpochUnit, LocalDateTime, parse_date_time, parse_epoch};

/// A pasted instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PastedInstant {
    /// Epoch seconds, and the unit the number was read in.
    Epoch(i64, EpochUnit),
    /// A date and time (`2023-02-13 19:00:00`, or with a `T`), and the zone
    /// written after it, if any (`UTC`, `UTC+08:00`, `+08:00` or a zone
    /// name), as written (see [`zone_value`]).
    DateTime(LocalDateTime, Option<String>),
}

/// Reads a pasted epoch number, or a date and time with an optional zone.
pub fn parse_instant(text: &str) -> Option<PastedInstant> {
    if let Ok((seconds, unit)) = parse_epoch(text) {
        return Some(PastedInstant::Epoch(seconds, unit));
    }
    let text = text.trim();
    let (date, rest) = text.split_once([' ', 'T'])?;
    let rest = rest.trim_start();
    let (time, zone) = rest.split_once(' ').unwrap_or((rest, ""));
    let local = parse_date_time(&format!("{date} {time}")).ok()?;
    let zone = zone.trim();
    Some(PastedInstant::DateTime(
        local,
        (!zone.is_empty()).then(|| zone.to_owned()),
    ))
}

/// A zone written after a pasted time, as the builder names zones: a bare
/// offset (`+08:00`, as `coordinator.timezone` writes it) gets `UTC` before it.
pub fn zone_value(written: &str) -> String {
    match written.as_bytes().first() {
        Some(b'+' | b'-') => format!("UTC{written}"),
        _ => written.to_owned(),
    }
}

/// The subtopics a pasted `source.checkpoint` (`{"<subtopic>":"<timestamp>"}`)
/// or `source.clients` (a list of objects with a `subtopic`) names, each
/// once, in order. Either may be pasted as the configuration shows it, as a
/// JSON string holding it, after its key (`"checkpoint":"{…}"`), or within
/// the task's whole configuration; `None` when no subtopic is found.
pub fn subtopics_in(text: &str) -> Option<Vec<String>> {
    let text = text.trim();
    let value = serde_json::from_str::<Value>(text)
        .or_else(|_| serde_json::from_str::<Value>(&format!("{{{text}}}")))
        .ok()?;
    let mut found = Vec::new();
    collect(&value, &mut found);
    (!found.is_empty()).then_some(found)
}

/// Adds the subtopics `value` names to `found`.
fn collect(value: &Value, found: &mut Vec<String>) {
    let mut add = |subtopic: &str| {
        let subtopic = subtopic.trim();
        if !subtopic.is_empty() && !found.iter().any(|s| s == subtopic) {
            found.push(subtopic.to_owned());
        }
    };
    match value {
        Value::String(text) => {
            if let Ok(inner) = serde_json::from_str::<Value>(text)
                && !inner.is_string()
            {
                collect(&inner, found);
            }
        }
        Value::Array(clients) => {
            for client in clients {
                if let Some(subtopic) = client.get("subtopic").and_then(Value::as_str) {
                    add(subtopic);
                }
            }
        }
        Value::Object(map) => {
            let nested = ["source", "clients", "checkpoint"];
            if nested.iter().any(|key| map.contains_key(*key)) {
                for key in nested {
                    if let Some(inner) = map.get(key) {
                        collect(inner, found);
                    }
                }
            } else if map.values().all(|v| v.is_string() || v.is_number()) {
                for subtopic in map.keys() {
                    add(subtopic);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLIENTS: &str = r#"[{"clientId":"sub_a","subtopic":"sub_a","clusterManagerUrl":"http://10.186.16.126:8088","filterConditions":["*.*.*"]},{"clientId":"b","subtopic":"sub_b","filterConditions":[]}]"#;

    fn local(text: &str) -> LocalDateTime {
        parse_date_time(text).unwrap()
    }

    #[test]
    fn an_epoch_number_is_read_in_its_unit() {
        assert_eq!(
            parse_instant(" 1676286000123 "),
            Some(PastedInstant::Epoch(1_676_286_000, EpochUnit::Milliseconds))
        );
    }

    #[test]
    fn a_date_and_time_is_read_as_the_reference_writes_it_or_with_a_t() {
        let at = local("2023-02-13 19:00:00");
        assert_eq!(
            parse_instant("2023-02-13 19:00:00"),
            Some(PastedInstant::DateTime(at, None))
        );
        assert_eq!(
            parse_instant(" 2023-02-13T19:00:00 "),
            Some(PastedInstant::DateTime(at, None))
        );
        assert_eq!(
            parse_instant("2023-02-13 19:00"),
            Some(PastedInstant::DateTime(at, None))
        );
    }

    #[test]
    fn a_zone_after_the_time_is_kept_and_a_bare_offset_named_as_the_builder_names_it() {
        let at = local("2023-02-13 19:00:00");
        for (text, written, value) in [
            ("2023-02-13 19:00:00 UTC+08:00", "UTC+08:00", "UTC+08:00"),
            ("2023-02-13 19:00:00  +08:00 ", "+08:00", "UTC+08:00"),
            ("2023-02-13 19:00:00 -03:30", "-03:30", "UTC-03:30"),
            ("2023-02-13 19:00:00 UTC", "UTC", "UTC"),
            (
                "2023-02-13 19:00:00 Asia/Shanghai",
                "Asia/Shanghai",
                "Asia/Shanghai",
            ),
        ] {
            assert_eq!(
                parse_instant(text),
                Some(PastedInstant::DateTime(at, Some(written.into()))),
                "{text}"
            );
            assert_eq!(zone_value(written), value);
        }
    }

    #[test]
    fn other_text_is_no_instant() {
        for text in [
            "",
            "1 676 286 000",
            "-5",
            "1676286000.5",
            "2023-02-30 19:00:00",
            "2023-02-13",
            "19:00:00",
            "yesterday",
        ] {
            assert_eq!(parse_instant(text), None, "{text}");
        }
    }

    #[test]
    fn a_checkpoint_names_its_subtopics() {
        assert_eq!(
            subtopics_in(r#"{"sub_a":"1676286000","sub_b":1676286000}"#),
            Some(vec!["sub_a".into(), "sub_b".into()])
        );
    }

    #[test]
    fn clients_name_their_subtopics_each_once() {
        let twice = CLIENTS
            .replace("\"b\"", "\"sub_a\"")
            .replace("sub_b", "sub_a");
        assert_eq!(
            subtopics_in(CLIENTS),
            Some(vec!["sub_a".into(), "sub_b".into()])
        );
        assert_eq!(subtopics_in(&twice), Some(vec!["sub_a".into()]));
    }

    #[test]
    fn a_value_is_read_as_a_json_string_after_its_key_or_in_the_whole_configuration() {
        let checkpoint = r#"{"sub_a":"1676286000"}"#;
        let as_string = Value::String(checkpoint.into()).to_string();
        assert_eq!(subtopics_in(&as_string), Some(vec!["sub_a".into()]));
        assert_eq!(
            subtopics_in(&format!(r#""checkpoint":{as_string}"#)),
            Some(vec!["sub_a".into()])
        );
        let config = serde_json::json!({
            "sink": {"workerNum": "8"},
            "source": {"checkpoint": r#"{"sub_c":"1676286000"}"#, "clients": CLIENTS, "workerNum": "4"}
        });
        assert_eq!(
            subtopics_in(&config.to_string()),
            Some(vec!["sub_a".into(), "sub_b".into(), "sub_c".into()])
        );
    }

    #[test]
    fn text_naming_no_subtopic_gives_none() {
        for text in [
            "",
            "sub_a",
            "1676286000",
            "{}",
            "[]",
            r#"[{"clientId":"sub_a"}]"#,
            r#"{"sink":{"workerNum":"8"}}"#,
            r#"{"checkpoint":"not json"}"#,
        ] {
            assert_eq!(subtopics_in(text), None, "{text}");
        }
    }
}
