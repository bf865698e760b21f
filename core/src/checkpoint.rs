//! Checkpoints: a date, time and zone to epoch seconds, and the `source.checkpoint` text.
//!
//! Calendar arithmetic is done here; the offsets of named zones come from
//! the platform's time zone database through [`ZoneRules`] (the browser's
//! `Intl` in the console), so no database is bundled.

use serde_json::{Map, Value};

/// Checkpoints older than this many seconds get a warning by default (7 days).
pub const DEFAULT_MAX_AGE_SECS: i64 = 7 * 24 * 3600;

const DAY: i64 = 86_400;
/// 0001-01-01T00:00:00, the first instant read or shown.
const MIN_SECONDS: i64 = -62_135_596_800;
/// 9999-12-31T23:59:59, the last instant read or shown.
const MAX_SECONDS: i64 = 253_402_300_799;

/// The offsets of named zones: a time zone database.
pub trait ZoneRules {
    /// Seconds east of UTC that `zone` has at `epoch`; `None` when the zone is unknown.
    fn offset_at(&self, zone: &str, epoch: i64) -> Option<i32>;
}

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
    /// Reads `UTC`, `UTC±HH:MM` or a zone name `rules` knows.
    pub fn parse(text: &str, rules: &dyn ZoneRules) -> Result<Self, CheckpointError> {
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
            let (Some(h), Some(m)) = (digits(hours, 2), digits(minutes, 2)) else {
                return Err(unknown());
            };
            if h > 18 || m > 59 {
                return Err(unknown());
            }
            return Ok(Self::Fixed(sign * (h as i32 * 3600 + m as i32 * 60)));
        }
        rules.offset_at(text, 0).ok_or_else(unknown)?;
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

    /// The zone's offset at an instant, in seconds east of UTC.
    fn offset_at(&self, epoch: i64, rules: &dyn ZoneRules) -> Result<i64, CheckpointError> {
        match self {
            Self::Utc => Ok(0),
            Self::Fixed(seconds) => Ok(i64::from(*seconds)),
            Self::Named(name) => rules
                .offset_at(name, epoch)
                .map(i64::from)
                .ok_or_else(|| CheckpointError::UnknownZone(name.clone())),
        }
    }
}

/// The value of `text` when it is exactly `len` ASCII digits.
fn digits(text: &str, len: usize) -> Option<u32> {
    (text.len() == len && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// A date and time on a wall clock, in no zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalDateTime {
    /// 1 to 9999.
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
    /// 1 to the month's length.
    pub day: u32,
    /// 0 to 23.
    pub hour: u32,
    /// 0 to 59.
    pub minute: u32,
    /// 0 to 59.
    pub second: u32,
}

fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn month_length(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to a proleptic Gregorian date.
fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let shifted_month = i64::from((month + 9) % 12);
    let day_of_year = (153 * shifted_month + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The proleptic Gregorian date `days` after 1970-01-01.
fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u32;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year as i32, month, day)
}

impl LocalDateTime {
    /// Seconds from 1970-01-01T00:00:00 to this wall-clock time, read as if
    /// in UTC: minus the epoch seconds of an instant, the zone's offset then.
    pub fn wall_seconds(&self) -> i64 {
        days_from_civil(self.year, self.month, self.day) * DAY
            + i64::from(self.hour * 3600 + self.minute * 60 + self.second)
    }

    /// The date (`YYYY-MM-DD`) and time (`HH:MM:SS`) fields that show it.
    pub fn fields(&self) -> (String, String) {
        (
            format!("{:04}-{:02}-{:02}", self.year, self.month, self.day),
            format!("{:02}:{:02}:{:02}", self.hour, self.minute, self.second),
        )
    }

    /// The wall-clock time `seconds` after 1970-01-01T00:00:00.
    fn from_seconds(seconds: i64) -> Result<Self, CheckpointError> {
        if !(MIN_SECONDS..=MAX_SECONDS).contains(&seconds) {
            return Err(CheckpointError::OutOfRange);
        }
        let (year, month, day) = civil_from_days(seconds.div_euclid(DAY));
        let in_day = seconds.rem_euclid(DAY) as u32;
        Ok(Self {
            year,
            month,
            day,
            hour: in_day / 3600,
            minute: in_day % 3600 / 60,
            second: in_day % 60,
        })
    }
}

/// A local date and time that is not one instant in its zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ambiguity {
    /// The time was skipped (clocks went forward); `taken` is the instant
    /// after the gap, `other` the one read with the offset after it.
    Gap { taken: i64, other: i64 },
    /// The time occurred twice (clocks went back); `taken` is the first,
    /// unless [`Resolved::preferring`] kept the second.
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

impl Resolved {
    /// The same, resolved to `instant` when the local time occurred twice
    /// and `instant` is the occurrence not taken: a date and time shown for
    /// an instant (a pasted epoch, *Now*) stay that instant.
    pub fn preferring(self, instant: Option<i64>) -> Self {
        match (self.ambiguity, instant) {
            (Some(Ambiguity::Fold { taken, other }), Some(instant)) if instant == other => Self {
                epoch: other,
                ambiguity: Some(Ambiguity::Fold {
                    taken: other,
                    other: taken,
                }),
            },
            _ => self,
        }
    }
}

/// Reads the date (`YYYY-MM-DD`) and time (`HH:MM` or `HH:MM:SS`) fields.
pub fn parse_local(date: &str, time: &str) -> Result<LocalDateTime, CheckpointError> {
    let date_text = date.trim();
    let bad_date = || CheckpointError::BadDate(date_text.to_owned());
    let mut parts = date_text.split('-');
    let (Some(year), Some(month), Some(day), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad_date());
    };
    let (Some(year), Some(month), Some(day)) = (digits(year, 4), digits(month, 2), digits(day, 2))
    else {
        return Err(bad_date());
    };
    let year = year as i32;
    if year == 0 || !(1..=12).contains(&month) || day == 0 || day > month_length(year, month) {
        return Err(bad_date());
    }
    let time_text = time.trim();
    let bad_time = || CheckpointError::BadTime(time_text.to_owned());
    let mut fields = time_text.split(':');
    let (Some(hour), Some(minute), second, None) =
        (fields.next(), fields.next(), fields.next(), fields.next())
    else {
        return Err(bad_time());
    };
    let (Some(hour), Some(minute), Some(second)) = (
        digits(hour, 2),
        digits(minute, 2),
        second.map_or(Some(0), |s| digits(s, 2)),
    ) else {
        return Err(bad_time());
    };
    if hour > 23 || minute > 59 || second > 59 {
        return Err(bad_time());
    }
    Ok(LocalDateTime {
        year,
        month,
        day,
        hour,
        minute,
        second,
    })
}

/// Reads `YYYY-MM-DD HH:MM[:SS]`.
pub fn parse_date_time(text: &str) -> Result<LocalDateTime, CheckpointError> {
    let (date, time) = text
        .trim()
        .split_once(' ')
        .ok_or_else(|| CheckpointError::BadDate(text.trim().to_owned()))?;
    parse_local(date, time)
}

/// The epoch seconds of a local date-time in a zone; a skipped time takes
/// the instant after the gap, a repeated one the first occurrence.
pub fn to_epoch(
    local: LocalDateTime,
    zone: &Zone,
    rules: &dyn ZoneRules,
) -> Result<Resolved, CheckpointError> {
    let wall = local.wall_seconds();
    let offset_at = |epoch: i64| zone.offset_at(epoch, rules);
    // Zones change offset at most once around a given day: the offsets a
    // day before and after are the only candidates.
    let before = offset_at(wall - DAY)?;
    let after = offset_at(wall + DAY)?;
    let fits = |offset: i64| offset_at(wall - offset).map(|o| o == offset);
    let (fits_before, fits_after) = (fits(before)?, before != after && fits(after)?);
    let (epoch, ambiguity) = match (fits_before, fits_after) {
        (true, false) => (wall - before, None),
        (false, true) => (wall - after, None),
        (true, true) => {
            let (taken, other) = (wall - before.max(after), wall - before.min(after));
            (taken, Some(Ambiguity::Fold { taken, other }))
        }
        (false, false) => {
            let (taken, other) = (wall - before, wall - after);
            (taken, Some(Ambiguity::Gap { taken, other }))
        }
    };
    if !(MIN_SECONDS..=MAX_SECONDS).contains(&epoch) {
        return Err(CheckpointError::OutOfRange);
    }
    Ok(Resolved { epoch, ambiguity })
}

/// The local date (`YYYY-MM-DD`) and time (`HH:MM:SS`) of an instant in a zone.
pub fn from_epoch(
    epoch: i64,
    zone: &Zone,
    rules: &dyn ZoneRules,
) -> Result<(String, String), CheckpointError> {
    if !(MIN_SECONDS..=MAX_SECONDS).contains(&epoch) {
        return Err(CheckpointError::OutOfRange);
    }
    Ok(LocalDateTime::from_seconds(epoch + zone.offset_at(epoch, rules)?)?.fields())
}

/// The instant `epoch` as a date and time in the fixed offset `zone` has
/// then, and that offset: they give `epoch` wherever they are read. UTC
/// when the offset is 0 or `offers` refuses it.
pub fn in_fixed_zone(
    epoch: i64,
    zone: &Zone,
    rules: &dyn ZoneRules,
    offers: impl Fn(i32) -> bool,
) -> Result<(String, String, Zone), CheckpointError> {
    let fixed = match i32::try_from(zone.offset_at(epoch, rules)?) {
        Ok(offset) if offset != 0 && offers(offset) => Zone::Fixed(offset),
        _ => Zone::Utc,
    };
    let (date, time) = from_epoch(epoch, &fixed, rules)?;
    Ok((date, time, fixed))
}

/// An instant shown as `YYYY-MM-DD HH:MM:SS <zone>`.
pub fn format_instant(
    epoch: i64,
    zone: &Zone,
    rules: &dyn ZoneRules,
) -> Result<String, CheckpointError> {
    let (date, time) = from_epoch(epoch, zone, rules)?;
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

/// The timestamps in a `source.checkpoint` value (JSON text
/// `{"<subtopic>":"<timestamp>"}`, or a bare number), trimmed, in order.
fn timestamps(value: &str) -> Vec<String> {
    let value = value.trim();
    match serde_json::from_str::<Value>(value) {
        Ok(Value::Object(subtopics)) => subtopics
            .values()
            .filter_map(|timestamp| match timestamp {
                Value::String(text) => Some(text.trim().to_owned()),
                Value::Number(number) => Some(number.to_string()),
                _ => None,
            })
            .collect(),
        Ok(Value::Number(number)) => vec![number.to_string()],
        _ => vec![value.to_owned()],
    }
}

/// The timestamps in a `source.checkpoint` value that are digits only and
/// whose number of digits passes `length`, each once, in order.
fn digit_timestamps(value: &str, length: impl Fn(usize) -> bool) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for timestamp in timestamps(value) {
        let digits = !timestamp.is_empty() && timestamp.bytes().all(|b| b.is_ascii_digit());
        if digits && length(timestamp.len()) && !found.contains(&timestamp) {
            found.push(timestamp);
        }
    }
    found
}

/// The timestamps in a `source.checkpoint` value that are digits but not
/// ten of them: not epoch seconds (13 digits are milliseconds typed by
/// mistake, 16 microseconds). Each once, in order.
pub fn not_seconds(value: &str) -> Vec<String> {
    digit_timestamps(value, |digits| digits != 10)
}

/// The epoch seconds (ten digits) in a `source.checkpoint` value, each
/// once, in order.
pub fn seconds_in(value: &str) -> Vec<i64> {
    digit_timestamps(value, |digits| digits == 10)
        .iter()
        .filter_map(|timestamp| timestamp.parse().ok())
        .collect()
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
