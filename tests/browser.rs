//! Browser tests (wasm-bindgen-test in headless Chromium): the key/value
//! editor's two-way sync, the checkpoint builder and the task name's
//! description and alerts, through the real App.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use oms_console::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{
    Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement,
    HtmlTextAreaElement,
};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts the whole console at `route` with empty storage.
fn mount(
    route: &str,
) -> (
    HtmlElement,
    leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable>,
) {
    let window = web_sys::window().unwrap();
    window.local_storage().unwrap().unwrap().clear().unwrap();
    window.location().set_hash(route).unwrap();
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), App);
    (host, handle)
}

fn find(host: &HtmlElement, css: &str) -> Option<Element> {
    host.query_selector(css).unwrap()
}

/// Waits (by yielding to the browser, a bounded number of times) until `check` holds.
async fn until(what: &str, check: impl Fn() -> bool) {
    for _ in 0..200 {
        if check() {
            return;
        }
        TimeoutFuture::new(5).await;
    }
    panic!("timed out waiting for {what}");
}

fn fire(element: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    element
        .dispatch_event(&Event::new_with_event_init_dict(kind, &init).unwrap())
        .unwrap();
}

/// Types `value` into the field matching `css`, as a user would.
async fn type_into(host: &HtmlElement, css: &str, value: &str) {
    until(css, || find(host, css).is_some()).await;
    let element = find(host, css).unwrap();
    if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(area) = element.dyn_ref::<HtmlTextAreaElement>() {
        area.set_value(value);
    } else if let Some(select) = element.dyn_ref::<HtmlSelectElement>() {
        select.set_value(value);
    }
    fire(&element, "input");
    fire(&element, "change");
}

async fn click(host: &HtmlElement, css: &str) {
    until(css, || find(host, css).is_some()).await;
    find(host, css)
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
}

fn value_of(host: &HtmlElement, css: &str) -> String {
    let element = find(host, css).expect(css);
    if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        input.value()
    } else if let Some(select) = element.dyn_ref::<HtmlSelectElement>() {
        select.value()
    } else {
        element.unchecked_into::<HtmlTextAreaElement>().value()
    }
}

fn text_of(host: &HtmlElement, css: &str) -> String {
    find(host, css)
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_bad_task_name_is_described_on_its_field_and_alerted_once_on_sending() {
    let (host, handle) = mount("#/resume");
    let attr = |name: &str| {
        find(&host, "input[name='taskName']")
            .unwrap()
            .get_attribute(name)
    };
    type_into(&host, "input[name='taskName']", "bad name").await;
    until("the field's error", || {
        text_of(&host, "#taskNameHelp").contains("white space")
    })
    .await;
    assert_eq!(
        text_of(&host, "#taskNameHelp"),
        "The task name contains white space, or a control or invisible character (U+0020), at position 4."
    );
    assert_eq!(attr("aria-describedby").as_deref(), Some("taskNameHelp"));
    assert_eq!(attr("aria-invalid").as_deref(), Some("true"));
    let alerts = || host.query_selector_all("[role='alert']").unwrap().length();
    assert_eq!(alerts(), 0, "typing alerts nothing");
    click(&host, "main form button[type='submit']").await;
    until("the form's errors", || alerts() == 1).await;
    assert_eq!(
        text_of(&host, "[role='alert']"),
        text_of(&host, "#taskNameHelp")
    );
    type_into(&host, "input[name='taskName']", "").await;
    until("the hint again", || attr("aria-invalid").is_none()).await;
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn rows_and_json_stay_in_sync_both_ways() {
    let (host, handle) = mount("#/update");
    click(&host, "fieldset.config-editor .rows > button").await;
    type_into(&host, "input[name='scope']", "sink").await;
    type_into(&host, "input[name='key']", "workerNum").await;
    type_into(&host, "textarea[name='value']", "8").await;
    click(&host, ".tabs [role='tab']:nth-child(2)").await;
    until("the JSON tab", || {
        value_of(&host, "textarea[name='updateConfigMapJson']").contains("workerNum")
    })
    .await;
    let json: serde_json::Value =
        serde_json::from_str(&value_of(&host, "textarea[name='updateConfigMapJson']")).unwrap();
    assert_eq!(json, serde_json::json!({"sink": {"workerNum": "8"}}));

    type_into(
        &host,
        "textarea[name='updateConfigMapJson']",
        r#"{"source":{"batchSize":"100","workerNum":"2"}}"#,
    )
    .await;
    until("rows from JSON", || {
        host.query_selector_all("input[name='key']")
            .unwrap()
            .length()
            == 2
    })
    .await;
    assert_eq!(value_of(&host, "input[name='scope']"), "source");
    assert_eq!(value_of(&host, "input[name='key']"), "batchSize");

    type_into(
        &host,
        "textarea[name='updateConfigMapJson']",
        "{\"source\": {\"batchSize\": 1",
    )
    .await;
    until("a parse error", || {
        text_of(&host, ".json .error").starts_with("Line 1, column")
    })
    .await;
    assert_eq!(
        host.query_selector_all("input[name='key']")
            .unwrap()
            .length(),
        2,
        "rows keep their last valid content"
    );
    click(&host, ".tabs [role='tab']:nth-child(1)").await;
    click(&host, ".tabs [role='tab']:nth-child(2)").await;
    assert_eq!(
        value_of(&host, "textarea[name='updateConfigMapJson']"),
        "{\"source\": {\"batchSize\": 1",
        "nothing typed is lost when switching tabs"
    );

    type_into(
        &host,
        "textarea[name='updateConfigMapJson']",
        r#"{"source":{"workerNum":4}}"#,
    )
    .await;
    until("the non-string offer", || {
        text_of(&host, ".json .error").contains("source.workerNum")
    })
    .await;
    click(&host, ".json button").await;
    until("stringified rows", || {
        host.query_selector_all("input[name='key']")
            .unwrap()
            .length()
            == 1
    })
    .await;
    assert_eq!(value_of(&host, "textarea[name='value']"), "4");
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn the_checkpoint_builder_turns_date_time_and_zone_into_epoch_seconds() {
    let (host, handle) = mount("#/pullback");
    type_into(&host, "input[name='date']", "2023-02-13").await;
    type_into(&host, "input[name='time']", "19:00:00").await;
    type_into(&host, "select[name='zone']", "UTC+08:00").await;
    until("the epoch", || {
        text_of(&host, "output[name='epoch']") == "1676286000"
    })
    .await;
    assert_eq!(text_of(&host, "[data-utc]"), "2023-02-13 11:00:00 UTC");
    let zone_rule = || {
        find(&host, "[data-zone-rule]")
            .and_then(|e| e.get_attribute("data-zone-rule"))
            .unwrap_or_default()
    };
    assert_eq!(zone_rule(), "typed", "the zone rule is shown");
    assert!(text_of(&host, "[data-zone-rule]").contains("reads the date and time"));

    type_into(&host, "select[name='zone']", "UTC").await;
    until("the epoch in UTC", || {
        text_of(&host, "output[name='epoch']") == "1676314800"
    })
    .await;

    type_into(&host, "input[name='epochInput']", "1676286000123").await;
    until("the pasted time", || {
        value_of(&host, "input[name='time']") == "11:00:00"
    })
    .await;
    assert_eq!(value_of(&host, "input[name='date']"), "2023-02-13");
    assert!(text_of(&host, ".checkpoint").contains("milliseconds"));
    assert_eq!(text_of(&host, "output[name='epoch']"), "1676286000");
    until("the zone rule for an instant", || zone_rule() == "instant").await;
    assert!(text_of(&host, "[data-zone-rule]").contains("keeps this instant"));

    type_into(&host, "input[name='subtopic']", "sub_a").await;
    until("the checkpoint text", || {
        text_of(&host, "[data-checkpoint-text]") == r#"{"sub_a":"1676286000"}"#
    })
    .await;

    // A pasted instant stays that instant, shown in another zone; a time
    // typed is read in the zone chosen.
    type_into(&host, "select[name='zone']", "UTC+08:00").await;
    until("the pasted instant in UTC+08:00", || {
        value_of(&host, "input[name='time']") == "19:00:00"
    })
    .await;
    assert_eq!(text_of(&host, "output[name='epoch']"), "1676286000");
    assert_eq!(zone_rule(), "instant");
    assert!(
        find(&host, "[data-pasted-stale]").is_none(),
        "the pasted epoch is still the one shown"
    );
    type_into(&host, "input[name='time']", "20:00:00").await;
    until("the pasted epoch marked as no longer shown", || {
        text_of(&host, "[data-pasted-stale]").contains("not what was pasted")
    })
    .await;
    assert_eq!(zone_rule(), "typed");
    assert_eq!(value_of(&host, "input[name='epochInput']"), "1676286000123");
    type_into(&host, "select[name='zone']", "UTC").await;
    until("the typed time read in UTC", || {
        text_of(&host, "output[name='epoch']") == "1676318400"
    })
    .await;
    assert_eq!(value_of(&host, "input[name='time']"), "20:00:00");

    type_into(&host, "input[name='time']", "").await;
    until("an error for a missing time", || {
        text_of(&host, ".checkpoint [data-checkpoint-problem]") == "Choose a time."
    })
    .await;
    assert_eq!(text_of(&host, "output[name='epoch']"), "");

    // A date and time pasted with its zone sets both; another zone chosen
    // since is said to leave the pasted time.
    type_into(
        &host,
        "input[name='epochInput']",
        "2023-02-13 19:00:00 +08:00",
    )
    .await;
    until("the pasted date and time in its zone", || {
        text_of(&host, "output[name='epoch']") == "1676286000"
    })
    .await;
    assert_eq!(value_of(&host, "select[name='zone']"), "UTC+08:00");
    assert_eq!(value_of(&host, "input[name='time']"), "19:00:00");
    assert!(text_of(&host, ".checkpoint").contains("Read as a date and time in UTC+08:00."));
    assert!(find(&host, "[data-pasted-stale]").is_none());
    type_into(&host, "select[name='zone']", "UTC").await;
    until("the pasted date and time marked as no longer shown", || {
        find(&host, "[data-pasted-stale]").is_some()
    })
    .await;
    assert_eq!(text_of(&host, "output[name='epoch']"), "1676314800");
    drop(handle);
    host.remove();
}

/// Named zones are read with the browser's own database (`Intl`): the same
/// offsets, gaps and folds as the IANA database the core is tested against.
#[wasm_bindgen_test]
fn named_zones_use_the_browser_time_zone_database() {
    use oms_console::IntlZones;
    use oms_core::checkpoint::{
        Ambiguity, CheckpointError, Zone, ZoneRules, format_instant, parse_date_time, to_epoch,
    };

    assert_eq!(
        IntlZones.offset_at("Asia/Shanghai", 1_676_286_000),
        Some(8 * 3600)
    );
    assert_eq!(
        IntlZones.offset_at("Asia/Kathmandu", 1_676_286_000),
        Some(20_700)
    );
    assert_eq!(
        IntlZones.offset_at("America/New_York", 1_676_286_000),
        Some(-5 * 3600)
    );
    assert_eq!(IntlZones.offset_at("Mars/Olympus", 0), None);
    assert!(matches!(
        Zone::parse("Mars/Olympus", &IntlZones),
        Err(CheckpointError::UnknownZone(_))
    ));
    let berlin = Zone::parse("Europe/Berlin", &IntlZones).unwrap();
    let at = |text: &str| to_epoch(parse_date_time(text).unwrap(), &berlin, &IntlZones).unwrap();
    assert_eq!(
        at("2024-03-31 02:30").ambiguity,
        Some(Ambiguity::Gap {
            taken: 1_711_848_600,
            other: 1_711_845_000
        })
    );
    assert_eq!(
        at("2024-10-27 02:30").ambiguity,
        Some(Ambiguity::Fold {
            taken: 1_729_989_000,
            other: 1_729_992_600
        })
    );
    assert_eq!(at("2023-02-13 12:00").epoch, 1_676_286_000);
    assert_eq!(
        format_instant(
            1_676_286_000,
            &Zone::parse("Asia/Shanghai", &IntlZones).unwrap(),
            &IntlZones
        ),
        Ok("2023-02-13 19:00:00 Asia/Shanghai".to_owned())
    );
}
