//! The IANA database bundled by `jiff`, as the rules of named zones.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use oms_core::checkpoint::ZoneRules;

/// Zone rules read from `jiff`'s bundled database.
pub struct Tzdb;

impl ZoneRules for Tzdb {
    fn offset_at(&self, zone: &str, epoch: i64) -> Option<i32> {
        let instant = Timestamp::from_second(epoch).ok()?;
        Some(TimeZone::get(zone).ok()?.to_offset(instant).seconds())
    }
}

/// The rules, ready to pass as `&TZDB`.
pub const TZDB: Tzdb = Tzdb;
