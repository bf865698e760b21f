//! The guided pullback: the reference's three requests, and its halts.

use cm_sim::Options;
use serde_json::json;

use crate::fleet::{FULL_RUNNING, INCR_RUNNING, INCR_RUNNING_SUBTOPIC};
use crate::harness::{LEAVING_HELD, STORED_JOURNAL, SUBMIT, World, decoded_query, pairs};

/// Fills the reference's pullback: 2023-02-13 19:00:00 at UTC+08:00.
async fn fill_and_confirm(world: &World) {
    world.fill_reference_pullback().await;
    assert_eq!(world.text("output[name='epoch']").await, "1676286000");
    let warnings = world.open_pullback_confirmation().await;
    assert!(
        warnings.contains("ago, more than 7 days: the source may no longer hold data that old.")
            && warnings.contains("click Start pullback anyway to confirm it"),
        "a time long past needs a second click: {warnings}"
    );
    assert_eq!(
        world.text("dialog[open] .dialog-message").await,
        format!(
            "Pull back {INCR_RUNNING} to 2023-02-13 19:00:00 UTC+08:00 (2023-02-13 11:00:00 UTC): \
             1. stop it; 2. update source.checkpoint; 3. resume it with pullBackFlag=true."
        )
    );
    assert!(world.journal().await.is_empty());
    world
        .set("dialog[open] input[name='confirmTaskName']", "0000000002")
        .await;
    world.click("dialog[open] button[type='submit']").await;
}

fn checkpoint_body() -> String {
    json!({"source": {"checkpoint": format!(r#"{{"{INCR_RUNNING_SUBTOPIC}":"1676286000"}}"#)}})
        .to_string()
}

/// Enter in the checkpoint builder's fields (the subtopic just typed) does
/// not start the pullback.
#[tokio::test]
async fn enter_in_the_checkpoint_builder_starts_nothing() {
    let world = World::start().await;
    world.fill_reference_pullback().await;
    world
        .type_keys(
            "input[name='subtopic']",
            &format!("{INCR_RUNNING_SUBTOPIC}\u{E007}"),
        )
        .await;
    assert_eq!(world.count("dialog[open]").await, 0);
    world.open_pullback_confirmation().await;
    assert!(world.journal().await.is_empty());
    world.finish().await;
}

#[tokio::test]
async fn the_references_pullback_sends_its_three_requests_exactly() {
    let world = World::start().await;
    fill_and_confirm(&world).await;
    world.wait_for("[data-pullback-done]").await;
    assert_eq!(
        (
            world.count("ul.warnings.acknowledge").await,
            world.text(SUBMIT).await
        ),
        (0, "Start pullback".to_owned()),
        "the warnings acknowledged were for that start: another asks again"
    );
    assert_eq!(
        world.answer_field("Request").await,
        serde_json::Value::Null,
        "each step's heading shows its request; its answer does not repeat it"
    );
    let journal = world.journal().await;
    assert_eq!(journal.len(), 3);
    let paths: Vec<_> = journal
        .iter()
        .map(|e| e["path"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        paths,
        [
            "/connector/task/v2/stop",
            "/connector/task/v2/update",
            "/connector/task/v2/resume"
        ]
    );
    assert_eq!(
        decoded_query(&journal[0]),
        pairs(&[("taskName", INCR_RUNNING)])
    );
    assert_eq!(
        decoded_query(&journal[1]),
        pairs(&[
            ("taskName", INCR_RUNNING),
            ("deleteParams", "source.checkpoint")
        ])
    );
    assert_eq!(journal[1]["body"], checkpoint_body());
    assert_eq!(
        decoded_query(&journal[2]),
        pairs(&[("taskName", INCR_RUNNING), ("pullBackFlag", "true")])
    );
    let task = world.task(INCR_RUNNING).await.unwrap();
    assert_eq!(task["state"], "RUNNING");
    assert_eq!(
        task["position"],
        format!(r#"{{"{INCR_RUNNING_SUBTOPIC}":"1676286000"}}"#)
    );
    world.screenshot("pullback-done").await;
    world.finish().await;
}

/// The subtopic from the task's `source.clients` as its configuration holds
/// it, the time from a date and time written as the reference writes it,
/// with a zone as `coordinator.timezone` writes it: the reference's update.
#[tokio::test]
async fn pasted_clients_and_date_time_fill_the_references_pullback() {
    let world = World::start().await;
    world.open("#/pullback").await;
    world.set("input[name='taskName']", INCR_RUNNING).await;
    let task = world.task(INCR_RUNNING).await.unwrap();
    let clients = task["config"]["source"]["clients"].as_str().unwrap();
    world.set("input[name='subtopicsFrom']", clients).await;
    world
        .set("input[name='epochInput']", "2023-02-13 19:00:00 +08:00")
        .await;
    assert_eq!(
        world
            .js("return [...document.querySelectorAll(\"input[name='subtopic']\")].map(i => i.value)")
            .await,
        json!([INCR_RUNNING_SUBTOPIC])
    );
    assert_eq!(
        world
            .js("return document.querySelector(\"select[name='zone']\").value")
            .await,
        "UTC+08:00"
    );
    assert_eq!(world.text("output[name='epoch']").await, "1676286000");
    assert_eq!(world.count("[data-paste-unread]").await, 0);
    world.confirm_pullback().await;
    world.wait_for("[data-pullback-done]").await;
    let journal = world.journal().await;
    assert_eq!(journal.len(), 3);
    assert_eq!(journal[1]["path"], "/connector/task/v2/update");
    assert_eq!(journal[1]["body"], checkpoint_body());
    world.finish().await;
}

/// A time copied from a log or written in ISO 8601 (a `T`, a fraction of
/// a second, `Z` or an offset right after it, `GMT+8`) is read, the zone
/// chosen as the builder names it.
#[tokio::test]
async fn a_pasted_iso_or_log_time_is_read_with_its_zone() {
    let world = World::start().await;
    world.open("#/pullback").await;
    for (pasted, zone) in [
        ("2023-02-13T11:00:00.123Z", "UTC"),
        ("2023-02-13 19:00:00,456 GMT+8", "UTC+08:00"),
        ("2023-02-13T19:00:00+0800", "UTC+08:00"),
    ] {
        world.set("input[name='epochInput']", pasted).await;
        assert_eq!(world.value("select[name='zone']").await, zone, "{pasted}");
        assert_eq!(
            world.text("output[name='epoch']").await,
            "1676286000",
            "{pasted}"
        );
        assert_eq!(world.count("[data-paste-unread]").await, 0, "{pasted}");
    }
    world.finish().await;
}

/// Pasted text that names no subtopic, or a zone the builder does not offer,
/// is said to be unread, and changes nothing.
#[tokio::test]
async fn pasted_text_that_cannot_be_read_is_said_so_and_changes_nothing() {
    let world = World::start().await;
    world.fill_reference_pullback().await;
    world.set("input[name='subtopicsFrom']", "sub_a").await;
    world
        .set(
            "input[name='epochInput']",
            "2023-02-14 08:00:00 Mars/Olympus",
        )
        .await;
    assert_eq!(world.count("[data-paste-unread]").await, 2);
    assert!(
        world
            .text(".subtopics [data-paste-unread]")
            .await
            .starts_with("No subtopic found")
    );
    assert!(
        world
            .text("label.paste + [data-paste-unread]")
            .await
            .starts_with("Not read: the zone Mars/Olympus")
    );
    assert_eq!(
        world
            .js("return ['subtopic','date','time','zone'].map(n => document.querySelector(`[name='${n}']`).value)")
            .await,
        json!([INCR_RUNNING_SUBTOPIC, "2023-02-13", "19:00:00", "UTC+08:00"])
    );
    assert_eq!(world.text("output[name='epoch']").await, "1676286000");
    world.finish().await;
}

/// A date and time typed key by key is read at each key: the zone refused
/// at its end leaves the builder as the field found it, not at the date
/// and time read on the way.
#[tokio::test]
async fn a_date_and_time_typed_with_a_zone_not_offered_changes_nothing() {
    let world = World::start().await;
    world.fill_reference_pullback().await;
    let fields =
        "return ['date','time','zone'].map(n => document.querySelector(`[name='${n}']`).value)";
    world
        .type_keys(
            "input[name='epochInput']",
            "2023-02-14 08:00:00 Mars/Olympus",
        )
        .await;
    assert!(
        world
            .text("label.paste + [data-paste-unread]")
            .await
            .starts_with("Not read: the zone Mars/Olympus")
    );
    assert_eq!(
        world.js(fields).await,
        json!(["2023-02-13", "19:00:00", "UTC+08:00"])
    );
    assert_eq!(world.text("output[name='epoch']").await, "1676286000");
    world
        .type_keys("input[name='epochInput']", "2023-02-14 08:00:00 UTC")
        .await;
    assert_eq!(
        world.js(fields).await,
        json!(["2023-02-14", "08:00:00", "UTC"])
    );
    world.finish().await;
}

/// The note on subtopics taken from a paste names one removed from the list
/// since, instead of saying the list holds it.
#[tokio::test]
async fn a_subtopic_taken_from_a_paste_and_removed_is_said_removed() {
    let world = World::start().await;
    world.open("#/pullback").await;
    world.set("input[name='taskName']", INCR_RUNNING).await;
    world.set("input[name='subtopic']", "sub_typed").await;
    let task = world.task(INCR_RUNNING).await.unwrap();
    let clients = task["config"]["source"]["clients"].as_str().unwrap();
    world.set("input[name='subtopicsFrom']", clients).await;
    let note = ".subtopics label.paste + p";
    assert_eq!(
        world.text(note).await,
        format!("Found: {INCR_RUNNING_SUBTOPIC}. The list above holds them.")
    );
    world
        .click(".subtopics .delete-row:nth-of-type(2) button")
        .await;
    world
        .wait_until("return document.querySelectorAll(\"input[name='subtopic']\").length === 1")
        .await;
    assert_eq!(
        world.text(note).await,
        format!(
            "Found: {INCR_RUNNING_SUBTOPIC}. Removed from the list above since: {INCR_RUNNING_SUBTOPIC}."
        )
    );
    world.finish().await;
}

/// A pullback of a Full-Import would stop it, then be refused at step 3:
/// the first click says so and starts nothing; the second asks for the
/// confirmation.
#[tokio::test]
async fn a_pullback_of_a_full_import_needs_a_second_click() {
    let world = World::start().await;
    world.open("#/pullback").await;
    world.set("input[name='taskName']", FULL_RUNNING).await;
    let an_hour_ago = world
        .js("return String(Math.floor(Date.now() / 1000) - 3600)")
        .await;
    world
        .set("input[name='epochInput']", an_hour_ago.as_str().unwrap())
        .await;
    world.set("input[name='subtopic']", "sub_a").await;
    let warnings = world.first_click_warnings().await;
    assert!(
        warnings.contains(
            "this task is not one. The CM is expected to refuse step 3, after step 1 has stopped the task."
        ) && warnings.contains("click Start pullback anyway to confirm it"),
        "{warnings}"
    );
    assert!(
        !warnings.contains("ago"),
        "the time is not the cause: {warnings}"
    );
    assert_eq!(world.count("dialog[open]").await, 0);
    assert_eq!(world.text(SUBMIT).await, "Start pullback anyway");
    world.click(SUBMIT).await;
    world.wait_for("dialog[open]").await;
    assert!(world.journal().await.is_empty());
    world.finish().await;
}

#[tokio::test]
async fn a_failure_at_step_two_halts_and_can_be_retried() {
    let world = World::start().await;
    world.faults(json!({"next": ["ok", "internalError"]})).await;
    fill_and_confirm(&world).await;
    world.wait_for("[data-halted-at='2']").await;
    assert!(
        world
            .text("[data-standing]")
            .await
            .contains("stopped; its checkpoint is unchanged")
    );
    assert_eq!(
        world.journal().await.len(),
        2,
        "nothing sent after the failure"
    );
    assert_eq!(world.task(INCR_RUNNING).await.unwrap()["state"], "STOPPED");
    // From the keyboard: the halt and its buttons leave, the focus goes to
    // the steps, not to the top of the page.
    world
        .wait_for("[data-action='retry-step']")
        .await
        .send_keys("\u{E007}")
        .await
        .expect("types");
    world.wait_for("[data-pullback-done]").await;
    assert_eq!(
        world
            .js("return document.activeElement === document.querySelector('ol.steps')")
            .await,
        json!(true)
    );
    let journal = world.journal().await;
    assert_eq!(journal.len(), 4);
    assert_eq!(journal[2]["path"], "/connector/task/v2/update");
    assert_eq!(journal[2]["body"], checkpoint_body());
    assert_eq!(journal[3]["path"], "/connector/task/v2/resume");
    world.finish().await;
}

/// A halted pullback whose page is reloaded: the browser is asked to hold
/// the page first, and the next start says the connector may be left
/// stopped, once.
#[tokio::test]
async fn a_halted_pullback_left_by_a_reload_is_said_at_the_next_start() {
    let world = World::start().await;
    world.faults(json!({"next": ["ok", "internalError"]})).await;
    fill_and_confirm(&world).await;
    world.wait_for("[data-halted-at='2']").await;
    assert_eq!(world.js(LEAVING_HELD).await, json!(true));
    world.reload().await;
    assert_eq!(
        world.text(".notices .notice span").await,
        format!(
            "When the console was last closed or reloaded, the pullback of {INCR_RUNNING} had \
             halted at step 2: the connector may still be stopped. Check its state, then resume \
             it or start the pullback again."
        )
    );
    assert_eq!(world.task(INCR_RUNNING).await.unwrap()["state"], "STOPPED");
    world.reload().await;
    assert_eq!(world.count(".notices .notice").await, 0, "said once");
    world.finish_allowing_failed_api_calls(true).await;
}

#[tokio::test]
async fn a_failure_at_step_three_offers_resume_without_pullback() {
    let world = World::start().await;
    world
        .faults(json!({"next": ["ok", "ok", "http500Html"]}))
        .await;
    fill_and_confirm(&world).await;
    world.wait_for("[data-halted-at='3']").await;
    assert_eq!(world.outcome("li.step[data-step='3']").await, "http-error");
    assert_eq!(world.task(INCR_RUNNING).await.unwrap()["state"], "STOPPED");
    world.click("[data-action='resume-without-pullback']").await;
    assert_eq!(world.outcome("[data-restore]").await, "success");
    let journal = world.journal().await;
    assert_eq!(journal.len(), 4);
    assert_eq!(
        decoded_query(&journal[3]),
        pairs(&[("taskName", INCR_RUNNING)])
    );
    assert_eq!(world.task(INCR_RUNNING).await.unwrap()["state"], "RUNNING");
    world.finish_allowing_failed_api_calls(true).await;
}

/// An operator whose browser is in Asia/Shanghai: the builder's `local`
/// zone is read with the browser's own time zone database, and the
/// reference's 19:00 there is the reference's checkpoint.
#[tokio::test]
async fn the_local_zone_is_the_browsers_own() {
    let world = World::start_in(Options::default(), "en-US", "Asia/Shanghai").await;
    world.fill_reference_pullback().await;
    world.set("select[name='zone']", "local").await;
    let local = world
        .text("select[name='zone'] option[value='local']")
        .await;
    assert!(local.contains("Asia/Shanghai"), "{local}");
    assert_eq!(world.text("output[name='epoch']").await, "1676286000");
    assert_eq!(world.text("[data-utc]").await, "2023-02-13 11:00:00 UTC");
    world.finish().await;
}

/// A console in Europe/Berlin, its pullback form filled, the checkpoint
/// builder reading the browser's own zone.
async fn berlin_builder() -> World {
    let world = World::start_in(Options::default(), "en-US", "Europe/Berlin").await;
    world.fill_reference_pullback().await;
    world.set("select[name='zone']", "local").await;
    world
}

/// The checkpoint builder's warnings, one per line.
async fn builder_warnings(world: &World) -> String {
    let warnings = world
        .js("return [...document.querySelectorAll('[data-checkpoint-builder] p.warning')].map(p => p.textContent).join('\\n')")
        .await;
    warnings.as_str().unwrap_or_default().to_owned()
}

/// In Europe/Berlin, 02:30 on the night clocks go forward does not exist:
/// the builder takes the instant after the gap and says so.
#[tokio::test]
async fn a_skipped_local_time_is_taken_after_the_gap_and_said() {
    let world = berlin_builder().await;
    world.set("input[name='date']", "2024-03-31").await;
    world.set("input[name='time']", "02:30:00").await;
    assert_eq!(world.text("output[name='epoch']").await, "1711848600");
    let warnings = builder_warnings(&world).await;
    assert!(
        warnings.contains("does not exist in Europe/Berlin")
            && warnings.contains("2024-03-31 01:30:00 UTC was taken"),
        "{warnings}"
    );
    world.finish().await;
}

/// In Europe/Berlin, 02:30 on the night clocks go back happens twice. A
/// pasted epoch from the second stays that instant: the checkpoint is the
/// number pasted, not the other 02:30 an hour before it.
#[tokio::test]
async fn a_pasted_instant_in_a_repeated_hour_stays_that_instant() {
    let world = berlin_builder().await;
    world.set("input[name='epochInput']", "1729992600").await;
    assert_eq!(world.value("input[name='time']").await, "02:30:00");
    assert_eq!(world.text("output[name='epoch']").await, "1729992600");
    assert_eq!(world.text("[data-utc]").await, "2024-10-27 01:30:00 UTC");
    let warnings = builder_warnings(&world).await;
    assert!(
        warnings.contains("occurs twice in Europe/Berlin")
            && warnings.contains("the second, 2024-10-27 01:30:00 UTC, was taken"),
        "{warnings}"
    );
    assert!(!warnings.contains("after this was pasted"), "{warnings}");
    world.set("input[name='time']", "02:30:01").await;
    assert_eq!(
        world.text("output[name='epoch']").await,
        "1729989001",
        "a time typed takes the first"
    );
    world.finish().await;
}

/// In Europe/Berlin, 02:30 typed on the night clocks go back takes the
/// first 02:30; the operator can take the second with one click, and the
/// first again, the focus staying on the button; the time in the zone
/// names its offset, the pullback's `source.checkpoint` follows, and the
/// choice outlives a reload.
#[tokio::test]
async fn a_repeated_local_time_can_take_either_occurrence() {
    let world = berlin_builder().await;
    world.set("input[name='date']", "2024-10-27").await;
    world.set("input[name='time']", "02:30:00").await;
    assert_eq!(world.text("output[name='epoch']").await, "1729989000");
    let other = "button[data-action='take-other-occurrence']";
    assert_eq!(
        world.text(other).await,
        "Take 2024-10-27 01:30:00 UTC instead"
    );
    assert_eq!(
        world.text("[data-zoned]").await,
        "2024-10-27 02:30:00 Europe/Berlin (UTC+02:00)"
    );
    world.click(other).await;
    assert_eq!(world.text("output[name='epoch']").await, "1729992600");
    assert_eq!(world.text("[data-utc]").await, "2024-10-27 01:30:00 UTC");
    assert_eq!(
        world.text("[data-zoned]").await,
        "2024-10-27 02:30:00 Europe/Berlin (UTC+01:00)",
        "the zone's offset tells the two 02:30 apart"
    );
    assert!(
        world
            .text("[data-checkpoint-text]")
            .await
            .contains("\"1729992600\""),
        "the checkpoint text follows"
    );
    let warnings = builder_warnings(&world).await;
    assert!(
        warnings.contains("the second, 2024-10-27 01:30:00 UTC, was taken"),
        "{warnings}"
    );
    assert_eq!(
        world.text(other).await,
        "Take 2024-10-27 00:30:00 UTC instead"
    );
    assert_eq!(
        world
            .js("return document.activeElement.dataset.action || ''")
            .await,
        "take-other-occurrence"
    );
    world.reload().await;
    assert_eq!(
        world.text("output[name='epoch']").await,
        "1729992600",
        "the choice is kept with the drafts"
    );
    world.click(other).await;
    assert_eq!(world.text("output[name='epoch']").await, "1729989000");
    world.set("input[name='time']", "03:30:00").await;
    assert_eq!(
        world.count(other).await,
        0,
        "no button once the time is not repeated"
    );
    world.finish().await;
}

/// The journal's *fill form* on a pullback's entry brings back its task,
/// subtopic and checkpoint, and sends nothing.
#[tokio::test]
async fn a_pullback_entry_fills_the_pullback_form_again() {
    let world = World::start().await;
    fill_and_confirm(&world).await;
    world.wait_for("[data-pullback-done]").await;
    world.set("input[name='taskName']", "").await;
    world.set("input[name='date']", "2024-01-01").await;
    world.set("input[name='subtopic']", "other").await;
    world.open("#/journal").await;
    world.fill_form_from_newest_entry().await;
    world.wait_for("[data-checkpoint-builder]").await;
    for (name, expected) in [
        ("taskName", INCR_RUNNING),
        ("date", "2023-02-13"),
        ("time", "19:00:00"),
        ("subtopic", INCR_RUNNING_SUBTOPIC),
    ] {
        let value = world
            .js(&format!(
                "return document.querySelector(\"input[name='{name}']\").value"
            ))
            .await;
        assert_eq!(value, expected, "{name}");
    }
    assert_eq!(
        world.journal().await.len(),
        3,
        "filling a form sends nothing"
    );
    world.finish().await;
}

/// Leaving the page while the flow runs: the confirmed flow still runs to
/// its end, every step is journaled, and nothing breaks.
#[tokio::test]
async fn a_pullback_left_midway_still_runs_to_its_end() {
    let world = World::start_with(Options {
        faults: serde_json::from_value(json!({"latencyMs": 200})).unwrap(),
        ..Options::default()
    })
    .await;
    fill_and_confirm(&world).await;
    world.js("location.hash = '#/journal'; return true").await;
    world.wait_for("[data-journal-count]").await;
    world
        .js_async(&format!(
            "const done = arguments[arguments.length - 1];
             const check = () => {{
               const j = {STORED_JOURNAL};
               if (j.length && j[0].requests.length === 3) done(true);
               else setTimeout(check, 20);
             }};
             check();"
        ))
        .await;
    assert_eq!(world.journal().await.len(), 3);
    assert_eq!(
        world
            .js("return !document.querySelector('[data-crashed]')")
            .await,
        json!(true)
    );
    world.open("#/pullback").await;
    world.wait_for("[data-pullback-done]").await;
    world.faults(json!({})).await;
    world.finish().await;
}

/// A pullback whose page is reloaded after its stop, its update in flight:
/// the journal says it was interrupted, not done, and names the step.
#[tokio::test]
async fn a_pullback_left_by_a_reload_is_journaled_interrupted() {
    let world = World::start().await;
    world.faults(json!({"next": ["ok", "hang"]})).await;
    fill_and_confirm(&world).await;
    world
        .wait_for("button[type='submit'][aria-busy='true']")
        .await;
    assert_eq!(world.js(LEAVING_HELD).await, json!(true));
    world.wait_for_sim_requests(2).await;
    world.reload().await;
    let stored = world.console_journal().await;
    let outcomes: Vec<_> = stored[0]["requests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["step"].clone(), r["outcome"].clone()))
        .collect();
    assert_eq!(
        outcomes,
        [
            (json!("1. Stop"), json!("success")),
            (json!("2. Update source.checkpoint"), json!("interrupted"))
        ]
    );
    world.open("#/journal").await;
    world
        .wait_for("ul.journal > li[data-op='pullback'][data-outcome='interrupted']")
        .await;
    world.faults(json!({})).await;
    world.finish_allowing_failed_api_calls(true).await;
}

/// Coming back to the page shows the pullback where it stands: a step still
/// in flight (no second pullback can start meanwhile), then its halt with
/// the ways out.
#[tokio::test]
async fn coming_back_shows_the_pullback_where_it_stands() {
    let world = World::start().await;
    world.faults(json!({"next": ["ok", "ok", "hang"]})).await;
    fill_and_confirm(&world).await;
    world
        .wait_for("li.step[data-step='3'][data-state='running']")
        .await;
    world.open("#/journal").await;
    assert_eq!(
        world.nav_marks().await,
        json!([["#/pullback", "running", "running"]])
    );
    world.open("#/pullback").await;
    let states = "return [...document.querySelectorAll('li.step')].map(li => li.dataset.state)";
    assert_eq!(world.js(states).await, json!(["done", "done", "running"]));
    assert_eq!(
        world
            .js("return document.querySelector(\"main form button[type='submit']\").getAttribute('aria-disabled')")
            .await,
        json!("true"),
        "shown held while one runs"
    );
    world.click(SUBMIT).await;
    assert_eq!(
        world.count("dialog[open]").await,
        0,
        "no second pullback while one runs"
    );
    world.click("[data-action='cancel']").await;
    world.wait_for("[data-halted-at='3']").await;
    assert_eq!(world.outcome("li.step[data-step='3']").await, "cancelled");
    assert_eq!(
        world
            .js("return document.activeElement === document.querySelector('ol.steps')")
            .await,
        json!(true),
        "Cancel, gone with the run, leaves the focus on the steps"
    );
    world.open("#/journal").await;
    assert_eq!(
        world.nav_marks().await,
        json!([["#/pullback", "halted", "halted"]]),
        "a halted pullback (the task left stopped) is seen from another page"
    );
    world.open("#/pullback").await;
    world.wait_for("[data-halted-at='3']").await;
    assert_eq!(world.js(states).await, json!(["done", "done", "failed"]));
    world.click("[data-action='resume-without-pullback']").await;
    assert_eq!(world.outcome("[data-restore]").await, "success");
    assert_eq!(world.nav_marks().await, json!([]), "resumed: nothing waits");
    let journal = world.journal().await;
    assert_eq!(
        decoded_query(journal.last().unwrap()),
        pairs(&[("taskName", INCR_RUNNING)]),
        "resumed without pullBackFlag"
    );
    assert_eq!(world.task(INCR_RUNNING).await.unwrap()["state"], "RUNNING");
    world.finish_allowing_failed_api_calls(true).await;
}

/// A time chosen in UTC is named once in the confirmation.
#[tokio::test]
async fn a_pullback_in_utc_names_its_time_once() {
    let world = World::start().await;
    world.fill_reference_pullback().await;
    world.set("select[name='zone']", "UTC").await;
    world.open_pullback_confirmation().await;
    assert_eq!(
        world.text("dialog[open] .dialog-message").await,
        format!(
            "Pull back {INCR_RUNNING} to 2023-02-13 19:00:00 UTC: \
             1. stop it; 2. update source.checkpoint; 3. resume it with pullBackFlag=true."
        )
    );
    world
        .click("dialog[open] .actions button[type='button']")
        .await;
    assert!(world.journal().await.is_empty());
    world.finish().await;
}
