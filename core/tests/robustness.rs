//! Every parser of the core, fed arbitrary text: a message, never a panic.
//! `cargo xtask fuzz` runs these (and the other property tests) with a high
//! case count through `PROPTEST_CASES`.

use oms_core::batch;
use oms_core::checkpoint::{self, Zone};
use oms_core::config_map::{
    import_json, import_json_stringifying, mask_body_text, parse_delete_params,
};
use oms_core::envelope::{Outcome, RawAnswer};
use oms_core::journal::{EntryKey, JournalEntry, read_v1};
use oms_core::profile::{Profiles, valid_base_url};
use oms_core::request::parse_ip;
use oms_core::share::read_share;
use oms_core::task_name::TaskName;
use proptest::prelude::*;
use tzdb::TZDB;

mod tzdb;

/// Text that looks like the inputs: JSON-ish, names, numbers, odd Unicode.
fn texty() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[{}\\[\\]\":,. a-z0-9\\\\\u{200b}\u{202e}-]{0,64}",
        "[0-9:\\- T+]{0,24}",
        "[a-z0-9._:-]{0,40}",
    ]
}

proptest! {
    #[test]
    fn parsers_answer_every_input(text in texty(), status in 0u16..1000) {
        let _ = TaskName::parse(&text).map(|n| n.migrated(None));
        let _ = import_json(&text);
        let _ = import_json_stringifying(&text);
        let _ = mask_body_text(&text);
        let _ = parse_delete_params(&text.split(',').map(str::to_owned).collect::<Vec<_>>());
        let _ = Zone::parse(&text, &TZDB);
        let _ = checkpoint::parse_date_time(&text);
        let _ = checkpoint::parse_local(&text, &text);
        let _ = checkpoint::parse_epoch(&text);
        let _ = parse_ip(&text);
        let _ = read_share(&format!("#/update?share={text}"));
        let _ = batch::plan(&text);
        let _ = read_v1(&text);
        let _ = JournalEntry::from_json(&text);
        let _ = EntryKey::parse(&text);
        let _ = Profiles::from_json(&text);
        let _ = valid_base_url(&text);
        let answer = RawAnswer { status, content_type: None, body: text.clone() };
        let outcome = Outcome::classify(&answer);
        let _ = (outcome.retry_is_safe(), outcome.may_have_applied(), outcome.class().as_str());
    }

    #[test]
    fn instants_in_any_zone_round_trip_or_say_why(epoch in -10_000_000_000i64..10_000_000_000, zone in "(UTC|Asia/Shanghai|Europe/Berlin|America/New_York)") {
        let zone = Zone::parse(&zone, &TZDB).unwrap();
        if let Ok((date, time)) = checkpoint::from_epoch(epoch, &zone, &TZDB) {
            let local = checkpoint::parse_local(&date, &time).unwrap();
            let resolved = checkpoint::to_epoch(local, &zone, &TZDB).unwrap();
            // A repeated local time may resolve to its other instant, an hour apart.
            prop_assert!((resolved.epoch - epoch).abs() <= 3600);
        }
    }
}
