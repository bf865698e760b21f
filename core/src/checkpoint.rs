//! Checkpoints: a date, time and zone to epoch seconds, and the `source.checkpoint` text.

use jiff::Timestamp;
use jiff::civil::{Date, DateTime, Time};
use jiff::tz::{AmbiguousOffset, Offset, TimeZone};
use serde_json::{Map, Value};

/// Checkpoints older than this many seconds get a warning by default (7 days).
pub const DEFAULT_MAX_AGE_SECS: i64 = 7 * 24 * 3600;

/// The zone a date and time are read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Zone {
    /// `UTC`.
    Utc,
    /// A fixed offset from UTC, in seconds (`UTC+08:00` is 28 800).
    Fixed(i32),
    /// A named zone of the time zone database, e.g. `Asia/Shanghai`.
    Named(String),
}

/// Why a zone, date or time cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckpointError {
    /// The zone is neither `UTC`, `UTC±HH:MM` nor a known zone name.
    UnknownZone(String),
    /// The date is not `YYYY-MM-DD` or does not exist.
    BadDate(String),
    /// The time is not `HH:MM` or `HH:MM:SS`.
    BadTime(String),
    /// The instant is outside the supported range.
    OutOfRange,
}

impl Zone {
    /// Reads `UTC`, `UTC±HH:MM` or a zone name.
    pub fn parse(text: &str) -> Result<Self, CheckpointError> {
        let text = text.trim();
        let unknown = || CheckpointError::UnknownZone(text.to_owned());
        if text == "UTC" {
            return Ok(Self::Utc);
        }
        if let Some(rest) = text.strip_prefix("UTC") {
            let sign = match rest.as_bytes().first() {
                Some(b'+') => 1,
                Some(b'-') => -1,
                _ => return Err(unknown()),
            };
            let (hours, minutes) = rest[1..].split_once(':').ok_or_else(unknown)?;
            let two_digits = |s: &str| {
                (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| s.parse::<i32>().ok())
                    .flatten()
            };
            let (Some(h), Some(m)) = (two_digits(hours), two_digits(minutes)) else {
                return Err(unknown());
            };
            if h > 18 || m > 59 {
                return Err(unknown());
            }
            return Ok(Self::Fixed(sign * (h * 3600 + m * 60)));
        }
        TimeZone::get(text).map_err(|_| unknown())?;
        Ok(Self::Named(text.to_owned()))
    }

    /// The zone as the select's option value or its name, e.g. `UTC+08:00`.
    pub fn label(&self) -> String {
        match self {
            Self::Utc => "UTC".into(),
            Self::Fixed(seconds) => {
                let sign = if *seconds < 0 { '-' } else { '+' };
                let abs = seconds.abs();
                format!("UTC{sign}{:02}:{:02}", abs / 3600, abs % 3600 / 60)
            }
            Self::Named(name) => name.clone(),
        }
    }

    fn time_zone(&self) -> Result<TimeZone, CheckpointError> {
        match self {
            Self::Utc => Ok(TimeZone::UTC),
            Self::Fixed(seconds) => Offset::from_seconds(*seconds)
                .map(TimeZone::fixed)
                .map_err(|_| CheckpointError::UnknownZone(self.label())),
            Self::Named(name) => {
                TimeZone::get(name).map_err(|_| CheckpointError::UnknownZone(name.clone()))
            }
        }
    }
}

/// A local date and time that is not one instant in its zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ambiguity {
    /// The time was skipped (clocks went forward); `taken` is the instant
    /// after the gap, `other` the one read with the offset after it.
    Gap { taken: i64, other: i64 },
    /// The time occurred twice (clocks went back); `taken` is the first.
    Fold { taken: i64, other: i64 },
}

/// A local date-time resolved to epoch seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolved {
    /// Seconds since 1970-01-01T00:00:00Z.
    pub epoch: i64,
    /// Set when the local time was skipped or repeated in the zone.
    pub ambiguity: Option<Ambiguity>,
}

/// Reads the date (`YYYY-MM-DD`) and time (`HH:MM` or `HH:MM:SS`) fields.
pub fn parse_local(date: &str, time: &str) -> Result<DateTime, CheckpointError> {
    let date: Date = date
        .trim()
        .parse()
        .map_err(|_| CheckpointError::BadDate(date.trim().to_owned()))?;
    let time_text = time.trim();
    let well_formed = matches!(time_text.len(), 5 | 8) && time_text.as_bytes()[2] == b':';
    let time: Time = well_formed
        .then(|| time_text.parse().ok())
        .flatten()
        .ok_or_else(|| CheckpointError::BadTime(time_text.to_owned()))?;
    Ok(date.to_datetime(time))
}

/// Reads `YYYY-MM-DD HH:MM[:SS]`.
pub fn parse_date_time(text: &str) -> Result<DateTime, CheckpointError> {
    let (date, time) = text
        .trim()
        .split_once(' ')
        .ok_or_else(|| CheckpointError::BadDate(text.trim().to_owned()))?;
    parse_local(date, time)
}

/// The epoch seconds of a local date-time in a zone; a skipped time takes
/// the instant after the gap, a repeated one the first occurrence.
pub fn to_epoch(local: DateTime, zone: &Zone) -> Result<Resolved, CheckpointError> {
    let ambiguous = zone.time_zone()?.to_ambiguous_timestamp(local);
    let at = |offset: Offset| {
        offset
            .to_timestamp(local)
            .map(Timestamp::as_second)
            .map_err(|_| CheckpointError::OutOfRange)
    };
    let taken = ambiguous
        .compatible()
        .map(Timestamp::as_second)
        .map_err(|_| CheckpointError::OutOfRange)?;
    let ambiguity = match ambiguous.offset() {
        AmbiguousOffset::Unambiguous { .. } => None,
        AmbiguousOffset::Gap { after, .. } => Some(Ambiguity::Gap {
            taken,
            other: at(after)?,
        }),
        AmbiguousOffset::Fold { after, .. } => Some(Ambiguity::Fold {
            taken,
            other: at(after)?,
        }),
    };
    Ok(Resolved {
        epoch: taken,
        ambiguity,
    })
}

/// The local date (`YYYY-MM-DD`) and time (`HH:MM:SS`) of an instant in a zone.
pub fn from_epoch(epoch: i64, zone: &Zone) -> Result<(String, String), CheckpointError> {
    let instant = Timestamp::from_second(epoch).map_err(|_| CheckpointError::OutOfRange)?;
    let local = zone.time_zone()?.to_datetime(instant);
    Ok((
        format!(
            "{:04}-{:02}-{:02}",
            local.year(),
            local.month(),
            local.day()
        ),
        format!(
            "{:02}:{:02}:{:02}",
            local.hour(),
            local.minute(),
            local.second()
        ),
    ))
}

/// An instant shown as `YYYY-MM-DD HH:MM:SS <zone>`.
pub fn format_instant(epoch: i64, zone: &Zone) -> Result<String, CheckpointError> {
    let (date, time) = from_epoch(epoch, zone)?;
    Ok(format!("{date} {time} {}", zone.label()))
}

/// The unit a pasted number was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EpochUnit {
    /// Ten digits.
    Seconds,
    /// Thirteen digits.
    Milliseconds,
    /// Sixteen digits.
    Microseconds,
}

/// Why a pasted value is not an epoch number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAnEpoch(pub String);

/// Reads a pasted epoch number: 10 digits are seconds, 13 milliseconds,
/// 16 microseconds. Returns whole seconds and the unit it was read in.
pub fn parse_epoch(text: &str) -> Result<(i64, EpochUnit), NotAnEpoch> {
    let digits = text.trim();
    let fail = || NotAnEpoch(digits.to_owned());
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(fail());
    }
    let value: i64 = digits.parse().map_err(|_| fail())?;
    match digits.len() {
        10 => Ok((value, EpochUnit::Seconds)),
        13 => Ok((value / 1_000, EpochUnit::Milliseconds)),
        16 => Ok((value / 1_000_000, EpochUnit::Microseconds)),
        _ => Err(fail()),
    }
}

/// A reason to look twice at a checkpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckpointWarning {
    /// The instant is this many seconds in the future.
    InFuture { seconds: i64 },
    /// The instant is older than the threshold; its age in seconds.
    TooOld { seconds: i64 },
}

/// Warnings for a checkpoint at `epoch`, seen at `now` (both epoch seconds).
pub fn warnings(epoch: i64, now: i64, max_age_secs: i64) -> Vec<CheckpointWarning> {
    if epoch > now {
        vec![CheckpointWarning::InFuture {
            seconds: epoch - now,
        }]
    } else if now - epoch > max_age_secs {
        vec![CheckpointWarning::TooOld {
            seconds: now - epoch,
        }]
    } else {
        Vec::new()
    }
}

/// Why the subtopics cannot make a checkpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubtopicError {
    /// No subtopic at all.
    None,
    /// A subtopic field is empty (0-based row).
    Empty { row: usize },
    /// The same subtopic twice.
    Duplicate { first: usize, second: usize },
}

/// The `source.checkpoint` text: compact JSON of each subtopic to the
/// epoch seconds as a string, e.g. `{"sub_a":"1676286000"}`.
pub fn checkpoint_text(subtopics: &[String], epoch: i64) -> Result<String, Vec<SubtopicError>> {
    if subtopics.is_empty() {
        return Err(vec![SubtopicError::None]);
    }
    let mut errors = Vec::new();
    let mut map = Map::new();
    for (row, subtopic) in subtopics.iter().enumerate() {
        let subtopic = subtopic.trim();
        if subtopic.is_empty() {
            errors.push(SubtopicError::Empty { row });
        } else if let Some(first) = subtopics[..row].iter().position(|s| s.trim() == subtopic) {
            errors.push(SubtopicError::Duplicate { first, second: row });
        } else {
            map.insert(subtopic.to_owned(), Value::String(epoch.to_string()));
        }
    }
    if errors.is_empty() {
        Ok(Value::Object(map).to_string())
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_reference_example() {
        let local = parse_date_time("2023-02-13 19:00:00").unwrap();
        let zone = Zone::parse("UTC+08:00").unwrap();
        assert_eq!(
            to_epoch(local, &zone).unwrap(),
            Resolved {
                epoch: 1_676_286_000,
                ambiguity: None
            }
        );
        assert_eq!(
            to_epoch(local, &Zone::parse("Asia/Shanghai").unwrap())
                .unwrap()
                .epoch,
            1_676_286_000
        );
        assert_eq!(
            from_epoch(1_676_286_000, &Zone::Utc).unwrap(),
            ("2023-02-13".to_owned(), "11:00:00".to_owned())
        );
        assert_eq!(
            format_instant(1_676_286_000, &zone).unwrap(),
            "2023-02-13 19:00:00 UTC+08:00"
        );
        assert_eq!(parse_local("2023-02-13", "19:00").unwrap(), local);
    }

    #[test]
    fn zones_are_read_and_labelled() {
        assert_eq!(Zone::parse("UTC").unwrap(), Zone::Utc);
        assert_eq!(Zone::parse("UTC-05:30").unwrap(), Zone::Fixed(-19_800));
        assert_eq!(Zone::Fixed(-19_800).label(), "UTC-05:30");
        assert_eq!(
            Zone::parse("Europe/Berlin").unwrap(),
            Zone::Named("Europe/Berlin".into())
        );
        for bad in [
            "UTC+8",
            "UTC+19:00",
            "UTC+08:60",
            "Mars/Olympus",
            "",
            "UTC08:00",
        ] {
            assert!(
                matches!(Zone::parse(bad), Err(CheckpointError::UnknownZone(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn bad_dates_and_times_are_refused() {
        assert_eq!(
            parse_local("2023-02-30", "10:00"),
            Err(CheckpointError::BadDate("2023-02-30".into()))
        );
        assert_eq!(
            parse_local("2023-02-13", "25:00"),
            Err(CheckpointError::BadTime("25:00".into()))
        );
        assert_eq!(
            parse_local("2023-02-13", "1:00"),
            Err(CheckpointError::BadTime("1:00".into()))
        );
        assert!(parse_date_time("2023-02-13").is_err());
    }

    #[test]
    fn skipped_and_repeated_local_times_are_reported() {
        let berlin = Zone::parse("Europe/Berlin").unwrap();
        let gap = to_epoch(parse_date_time("2024-03-31 02:30").unwrap(), &berlin).unwrap();
        // 02:30 does not exist; 03:30 CEST (01:30 UTC) is taken.
        assert_eq!(gap.epoch, 1_711_848_600);
        assert_eq!(
            gap.ambiguity,
            Some(Ambiguity::Gap {
                taken: 1_711_848_600,
                other: 1_711_845_000
            })
        );
        let fold = to_epoch(parse_date_time("2024-10-27 02:30").unwrap(), &berlin).unwrap();
        // 02:30 happens twice; the first (CEST, 00:30 UTC) is taken.
        assert_eq!(
            fold.ambiguity,
            Some(Ambiguity::Fold {
                taken: 1_729_989_000,
                other: 1_729_992_600
            })
        );
    }

    #[test]
    fn pasted_numbers_are_read_by_their_length() {
        assert_eq!(
            parse_epoch(" 1676286000 "),
            Ok((1_676_286_000, EpochUnit::Seconds))
        );
        assert_eq!(
            parse_epoch("1676286000123"),
            Ok((1_676_286_000, EpochUnit::Milliseconds))
        );
        assert_eq!(
            parse_epoch("1676286000123456"),
            Ok((1_676_286_000, EpochUnit::Microseconds))
        );
        for bad in ["167628600", "-1676286000", "1676286000.5", "abc", ""] {
            assert!(parse_epoch(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn future_and_old_checkpoints_warn() {
        let now = 1_700_000_000;
        assert_eq!(
            warnings(now + 60, now, DEFAULT_MAX_AGE_SECS),
            vec![CheckpointWarning::InFuture { seconds: 60 }]
        );
        assert_eq!(warnings(now - 3600, now, DEFAULT_MAX_AGE_SECS), vec![]);
        let old = now - DEFAULT_MAX_AGE_SECS - 1;
        assert_eq!(
            warnings(old, now, DEFAULT_MAX_AGE_SECS),
            vec![CheckpointWarning::TooOld {
                seconds: DEFAULT_MAX_AGE_SECS + 1
            }]
        );
    }

    #[test]
    fn checkpoint_text_is_compact_json_with_string_times() {
        let subs = vec!["sub_a".to_owned(), "ob_ten_1_5ukd9qzmhk3k-1-0".to_owned()];
        assert_eq!(
            checkpoint_text(&subs, 1_676_286_000).unwrap(),
            r#"{"sub_a":"1676286000","ob_ten_1_5ukd9qzmhk3k-1-0":"1676286000"}"#
        );
        assert_eq!(checkpoint_text(&[], 1), Err(vec![SubtopicError::None]));
        let bad = vec!["a".to_owned(), " ".to_owned(), "a".to_owned()];
        assert_eq!(
            checkpoint_text(&bad, 1),
            Err(vec![
                SubtopicError::Empty { row: 1 },
                SubtopicError::Duplicate {
                    first: 0,
                    second: 2
                }
            ])
        );
    }

    proptest! {
        #[test]
        fn date_time_to_epoch_and_back_is_the_identity_in_fixed_zones(
            epoch in 0i64..4_102_444_800,
            offset_minutes in -18 * 60i32..=18 * 60,
        ) {
            let zone = Zone::Fixed(offset_minutes * 60);
            let (date, time) = from_epoch(epoch, &zone).unwrap();
            let local = parse_local(&date, &time).unwrap();
            let resolved = to_epoch(local, &zone).unwrap();
            prop_assert_eq!(resolved, Resolved { epoch, ambiguity: None });
            prop_assert_eq!(Zone::parse(&zone.label()).unwrap(), zone);
        }
    }
}
