//! Checkpoints against `jiff` and its bundled IANA database as the oracle.

mod tzdb;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use oms_core::checkpoint::*;
use proptest::prelude::*;
use tzdb::TZDB;

/// Zones with DST gaps and folds of one hour, half an hour, and none.
const NAMED: [&str; 6] = [
    "Europe/Berlin",
    "America/New_York",
    "Australia/Lord_Howe",
    "Asia/Shanghai",
    "Asia/Kathmandu",
    "America/Sao_Paulo",
];

#[test]
fn the_reference_example() {
    let local = parse_date_time("2023-02-13 19:00:00").unwrap();
    let zone = Zone::parse("UTC+08:00", &TZDB).unwrap();
    assert_eq!(
        to_epoch(local, &zone, &TZDB).unwrap(),
        Resolved {
            epoch: 1_676_286_000,
            ambiguity: None
        }
    );
    assert_eq!(
        to_epoch(local, &Zone::parse("Asia/Shanghai", &TZDB).unwrap(), &TZDB)
            .unwrap()
            .epoch,
        1_676_286_000
    );
    assert_eq!(
        from_epoch(1_676_286_000, &Zone::Utc, &TZDB).unwrap(),
        ("2023-02-13".to_owned(), "11:00:00".to_owned())
    );
    assert_eq!(
        format_instant(1_676_286_000, &zone, &TZDB).unwrap(),
        "2023-02-13 19:00:00 UTC+08:00"
    );
    assert_eq!(parse_local("2023-02-13", "19:00").unwrap(), local);
}

#[test]
fn zones_are_read_and_labelled() {
    assert_eq!(Zone::parse("UTC", &TZDB).unwrap(), Zone::Utc);
    assert_eq!(
        Zone::parse("UTC-05:30", &TZDB).unwrap(),
        Zone::Fixed(-19_800)
    );
    assert_eq!(Zone::Fixed(-19_800).label(), "UTC-05:30");
    assert_eq!(
        Zone::parse("Europe/Berlin", &TZDB).unwrap(),
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
            matches!(
                Zone::parse(bad, &TZDB),
                Err(CheckpointError::UnknownZone(_))
            ),
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
fn an_instant_is_written_in_the_fixed_offset_its_zone_has_then() {
    let zone = |name: &str| Zone::parse(name, &TZDB).unwrap();
    let any = |_: i32| true;
    let fields = |date: &str, time: &str, zone: Zone| (date.to_owned(), time.to_owned(), zone);
    assert_eq!(
        in_fixed_zone(1_676_286_000, &zone("Asia/Shanghai"), &TZDB, any),
        Ok(fields("2023-02-13", "19:00:00", Zone::Fixed(28_800)))
    );
    // Berlin's 02:30 that does not exist was taken as 03:30 CEST.
    assert_eq!(
        in_fixed_zone(1_711_848_600, &zone("Europe/Berlin"), &TZDB, any),
        Ok(fields("2024-03-31", "03:30:00", Zone::Fixed(7_200)))
    );
    // The second 02:30 of the night clocks go back is 02:30 CET.
    assert_eq!(
        in_fixed_zone(1_729_992_600, &zone("Europe/Berlin"), &TZDB, any),
        Ok(fields("2024-10-27", "02:30:00", Zone::Fixed(3_600)))
    );
    assert_eq!(
        in_fixed_zone(1_676_286_000, &zone("Asia/Shanghai"), &TZDB, |_| false),
        Ok(fields("2023-02-13", "11:00:00", Zone::Utc)),
        "an offset not offered is written in UTC"
    );
    assert_eq!(
        in_fixed_zone(1_676_286_000, &zone("Europe/London"), &TZDB, any),
        Ok(fields("2023-02-13", "11:00:00", Zone::Utc))
    );
    assert_eq!(
        in_fixed_zone(0, &Zone::Fixed(3_600), &TZDB, any),
        Ok(fields("1970-01-01", "01:00:00", Zone::Fixed(3_600)))
    );
}

#[test]
fn skipped_and_repeated_local_times_are_reported() {
    let berlin = Zone::parse("Europe/Berlin", &TZDB).unwrap();
    let gap = to_epoch(parse_date_time("2024-03-31 02:30").unwrap(), &berlin, &TZDB).unwrap();
    // 02:30 does not exist; 03:30 CEST (01:30 UTC) is taken.
    assert_eq!(gap.epoch, 1_711_848_600);
    assert_eq!(
        gap.ambiguity,
        Some(Ambiguity::Gap {
            taken: 1_711_848_600,
            other: 1_711_845_000
        })
    );
    let fold = to_epoch(parse_date_time("2024-10-27 02:30").unwrap(), &berlin, &TZDB).unwrap();
    // 02:30 happens twice; the first (CEST, 00:30 UTC) is taken.
    assert_eq!(
        fold.ambiguity,
        Some(Ambiguity::Fold {
            taken: 1_729_989_000,
            other: 1_729_992_600
        })
    );
    // Unless the date and time were shown for the second (CET, 01:30 UTC).
    assert_eq!(
        fold.preferring(Some(1_729_992_600)),
        Resolved {
            epoch: 1_729_992_600,
            ambiguity: Some(Ambiguity::Fold {
                taken: 1_729_992_600,
                other: 1_729_989_000
            })
        }
    );
    assert_eq!(fold.preferring(Some(1_729_989_000)), fold);
    assert_eq!(fold.preferring(Some(0)), fold);
    assert_eq!(fold.preferring(None), fold);
    assert_eq!(
        gap.preferring(Some(1_711_845_000)),
        gap,
        "a skipped time shows no instant to keep"
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

#[test]
fn timestamps_that_are_not_epoch_seconds_are_found() {
    assert!(not_seconds(r#"{"sub_a":"1676286000","sub_b":"1676286000"}"#).is_empty());
    assert!(not_seconds("1676286000").is_empty());
    assert_eq!(
        not_seconds(
            r#"{"sub_a":"1676286000000","sub_b":" 1676286000000000","sub_c":1676286000000}"#
        ),
        vec!["1676286000000", "1676286000000000"]
    );
    assert_eq!(not_seconds(" 1676286000000 "), vec!["1676286000000"]);
    assert_eq!(not_seconds("167628600"), vec!["167628600"]);
    for not_a_timestamp in [
        "",
        "{}",
        "yesterday",
        r#"{"sub_a":"2023-02-13 19:00:00"}"#,
        "{\"sub_a\":",
    ] {
        assert!(not_seconds(not_a_timestamp).is_empty(), "{not_a_timestamp}");
    }
}

proptest! {
    #[test]
    fn what_the_builder_makes_is_epoch_seconds(epoch in 1_000_000_000i64..10_000_000_000) {
        let text = checkpoint_text(&["sub_a".to_owned(), "sub_b".to_owned()], epoch).unwrap();
        prop_assert!(not_seconds(&text).is_empty());
    }

    #[test]
    fn named_zones_agree_with_the_time_zone_database(
        epoch in -2_208_988_800i64..4_102_444_800,
        zone in 0usize..NAMED.len(),
    ) {
        let name = NAMED[zone];
        let zone = Zone::parse(name, &TZDB).unwrap();
        let expected = TimeZone::get(name).unwrap().to_datetime(Timestamp::from_second(epoch).unwrap());
        let (date, time) = from_epoch(epoch, &zone, &TZDB).unwrap();
        prop_assert_eq!(&date, &expected.date().to_string());
        prop_assert_eq!(&time, &expected.time().strftime("%H:%M:%S").to_string());
        let resolved = to_epoch(parse_local(&date, &time).unwrap(), &zone, &TZDB).unwrap();
        let jiff = TimeZone::get(name).unwrap().to_ambiguous_timestamp(expected).compatible().unwrap();
        prop_assert_eq!(resolved.epoch, jiff.as_second());
        match resolved.ambiguity {
            None => prop_assert_eq!(resolved.epoch, epoch),
            Some(Ambiguity::Fold { taken, other }) => prop_assert!(epoch == taken || epoch == other),
            Some(Ambiguity::Gap { .. }) => prop_assert!(false, "an instant's own wall time is never skipped"),
        }
        prop_assert_eq!(resolved.preferring(Some(epoch)).epoch, epoch, "an instant shown stays itself");
    }

    #[test]
    fn dates_are_read_as_the_time_zone_database_reads_them(
        year in 1i32..=9999, month in 1u32..=12, day in 1u32..=31,
    ) {
        let text = format!("{year:04}-{month:02}-{day:02}");
        let ours = parse_local(&text, "00:00").ok().map(|l| (l.year, l.month, l.day));
        let jiff = text.parse::<jiff::civil::Date>().ok()
            .map(|d| (i32::from(d.year()), d.month() as u32, d.day() as u32));
        prop_assert_eq!(ours, jiff);
    }

    #[test]
    fn date_time_to_epoch_and_back_is_the_identity_in_fixed_zones(
        epoch in 0i64..4_102_444_800,
        offset_minutes in -18 * 60i32..=18 * 60,
    ) {
        let zone = Zone::Fixed(offset_minutes * 60);
        let (date, time) = from_epoch(epoch, &zone, &TZDB).unwrap();
        let local = parse_local(&date, &time).unwrap();
        let resolved = to_epoch(local, &zone, &TZDB).unwrap();
        prop_assert_eq!(resolved, Resolved { epoch, ambiguity: None });
        prop_assert_eq!(Zone::parse(&zone.label(), &TZDB).unwrap(), zone);
    }
}
