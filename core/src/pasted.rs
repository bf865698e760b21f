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
    let text = text.trim();
    // Seconds with a fraction, as `time.time()` writes them: the second it
    // began in.
    let whole = match text.split_once('.') {
        Some((whole, fraction))
            if whole.len() == 10
                && !fraction.is_empty()
                && fraction.bytes().all(|b| b.is_ascii_digit()) =>
        {
            whole
        }
        _ => text,
    };
    if let Ok((seconds, unit)) = parse_epoch(whole) {
        return Some(PastedInstant::Epoch(seconds, unit));
    }
    let (date, rest) = text.split_once([' ', 'T'])?;
    // `2023/02/13`, year first, is read; a day or month first is not (which
    // of them comes first is a guess).
    let date = match date.split_once('/') {
        Some((year, _)) if year.len() == 4 => date.replace('/', "-"),
        _ => date.to_owned(),
    };
    let rest = rest.trim_start();
    // The time ends where its digits end: its zone may follow at once
    // (`19:00:00+08:00`, `19:00:00Z`).
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || ":.,".contains(c)))
        .unwrap_or(rest.len());
    let (time, zone) = rest.split_at(end);
    let local = parse_date_time(&format!("{date} {}", whole_seconds(time)?)).ok()?;
    let zone = zone.trim();
    Some(PastedInstant::DateTime(
        local,
        (!zone.is_empty()).then(|| zone.to_owned()),
    ))
}

/// A time with the fraction of a second logs write (`19:00:00.123`,
/// `19:00:00,123`) cut off: a checkpoint is whole seconds, and the second it
/// began in is not after it. `None` for a fraction that is not digits, or
/// after minutes.
fn whole_seconds(time: &str) -> Option<&str> {
    match time.split_once(['.', ',']) {
        None => Some(time),
        Some((whole, fraction)) => (whole.matches(':').count() == 2
            && !fraction.is_empty()
            && fraction.bytes().all(|b| b.is_ascii_digit()))
        .then_some(whole),
    }
}

/// A zone written after a pasted time, as the builder names zones: `Z` and
/// `GMT` are `UTC`; an offset, bare (`+08:00`, as `coordinator.timezone`
/// writes it) or after `UTC` or `GMT`, in hours (`+8`), `±HHMM` or
/// `±H:MM`, is `UTC±HH:MM`.
pub fn zone_value(written: &str) -> String {
    if ["Z", "z", "GMT", "UTC"].contains(&written) {
        return "UTC".to_owned();
    }
    let offset = written
        .strip_prefix("UTC")
        .or_else(|| written.strip_prefix("GMT"))
        .unwrap_or(written);
    let (Some(sign), true) = (
        offset.chars().next().filter(|c| "+-".contains(*c)),
        offset.is_ascii(),
    ) else {
        return written.to_owned();
    };
    let body = &offset[1..];
    let (hours, minutes) = body.split_once(':').unwrap_or(match body.len() {
        4 => body.split_at(2),
        _ => (body, "00"),
    });
    match (hours.parse::<u8>(), minutes.parse::<u8>()) {
        (Ok(h), Ok(m))
            if hours.len() <= 2
                && minutes.len() == 2
                && (hours.to_owned() + minutes)
                    .bytes()
                    .all(|b| b.is_ascii_digit()) =>
        {
            format!("UTC{sign}{h:02}:{m:02}")
        }
        _ if offset.len() == written.len() => format!("UTC{written}"),
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
        assert_eq!(
            parse_instant("1676286000.987654 "),
            Some(PastedInstant::Epoch(1_676_286_000, EpochUnit::Seconds)),
            "seconds with a fraction"
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
    fn a_date_and_time_as_logs_and_iso_8601_write_it_is_read() {
        let at = local("2023-02-13 19:00:00");
        for (text, zone) in [
            ("2023-02-13T19:00:00+08:00", Some("+08:00")),
            ("2023-02-13T19:00:00.123456+0800", Some("+0800")),
            ("2023-02-13T19:00:00Z", Some("Z")),
            ("2023-02-13 19:00:00.123", None),
            ("2023-02-13 19:00:00,999 GMT+8", Some("GMT+8")),
            ("2023/02/13 19:00", None),
            ("2023-02-13T19:00:00 UTC+8", Some("UTC+8")),
        ] {
            assert_eq!(
                parse_instant(text),
                Some(PastedInstant::DateTime(at, zone.map(str::to_owned))),
                "{text}"
            );
        }
    }

    #[test]
    fn an_offset_written_as_logs_write_it_is_named_as_the_builder_names_it() {
        for (written, value) in [
            ("Z", "UTC"),
            ("z", "UTC"),
            ("GMT", "UTC"),
            ("+0800", "UTC+08:00"),
            ("+08", "UTC+08:00"),
            ("+8", "UTC+08:00"),
            ("-5:30", "UTC-05:30"),
            ("UTC+8", "UTC+08:00"),
            ("GMT+08:00", "UTC+08:00"),
            ("UTC+0545", "UTC+05:45"),
            ("CST", "CST"),
            ("+123", "UTC+123"),
            ("GMT+x", "GMT+x"),
            ("+1é2", "+1é2"),
            ("++8", "UTC++8"),
        ] {
            assert_eq!(zone_value(written), value, "{written}");
        }
    }

    #[test]
    fn other_text_is_no_instant() {
        for text in [
            "",
            "1 676 286 000",
            "-5",
            "1676286000.",
            "1676286000123.5",
            "1676286000.5e3",
            "2023-02-30 19:00:00",
            "2023-02-13",
            "19:00:00",
            "yesterday",
            "13/02/2023 19:00",
            "02/13/2023 19:00",
            "2023-02-13 19:00.5",
            "2023-02-13 19:00:00.",
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
