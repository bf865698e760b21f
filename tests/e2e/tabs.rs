//! Two tabs of the console in one browser: each keeps its state in memory
//! and saves it to the same storage, and neither may lose what the other
//! saved (journal entries, CM host profiles, drafts), nor send an operation
//! of the other's to another CM host.

use fantoccini::wd::WindowHandle;
use serde_json::{Value, json};

use crate::fleet::INCR_STOPPED;
use crate::harness::{STORED_JOURNAL, SUBMIT, World};

const CONFIRM: &str = "dialog[open] button[type='submit']";

/// Opens `first` in this tab, then `second` in a new tab; returns both
/// tabs. The second is the one driven next.
async fn two_tabs(world: &World, first: &str, second: &str) -> (WindowHandle, WindowHandle) {
    world.open(first).await;
    let first_tab = world.client.window().await.unwrap();
    let second_tab = world.client.new_window(true).await.unwrap().handle;
    world.switch_to(&second_tab).await;
    world.open(second).await;
    (first_tab, second_tab)
}

/// How many entries the journal page lists, once it lists `count`.
async fn journal_lists(world: &World, count: usize) {
    world
        .wait_until(&format!(
            "return document.querySelectorAll('ul.journal > li').length === {count}"
        ))
        .await;
}

/// Two tabs journal into the same storage: neither may lose what the other
/// recorded, and a clear in one clears both.
#[tokio::test]
async fn two_tabs_keep_each_others_journal_entries() {
    let world = World::start().await;
    let (first, second) = two_tabs(&world, "#/resume", "#/resume").await;

    world.switch_to(&first).await;
    world.set("input[name='taskName']", "nope").await;
    world.click(SUBMIT).await;
    assert_eq!(world.outcome("").await, "api-error");
    world.switch_to(&second).await;
    world.set("input[name='taskName']", "gone").await;
    world.click(SUBMIT).await;
    assert_eq!(world.outcome("").await, "api-error");
    world
        .wait_until(&format!("return {STORED_JOURNAL}.length === 2"))
        .await;
    let stored: Vec<Value> = world
        .console_journal()
        .await
        .iter()
        .map(|e| e["taskName"].clone())
        .collect();
    assert_eq!(stored, [json!("nope"), json!("gone")], "oldest first");
    world.js("location.hash = '#/journal'; return true").await;
    journal_lists(&world, 2).await;

    world.switch_to(&first).await;
    world.js("location.hash = '#/journal'; return true").await;
    journal_lists(&world, 2).await;
    world.click("[data-action='clear-journal']").await;
    world.click(CONFIRM).await;
    journal_lists(&world, 0).await;
    world.switch_to(&second).await;
    journal_lists(&world, 0).await;
    world.switch_to(&first).await;
    world.reload().await;
    journal_lists(&world, 0).await;
    assert!(world.console_journal().await.is_empty());
    world.finish().await;
}

/// Two tabs each save every profile: a profile added in one is kept when
/// the other saves, and each tab keeps the CM host it uses.
#[tokio::test]
async fn two_tabs_keep_each_others_profiles() {
    let world = World::start().await;
    let (first, second) = two_tabs(&world, "#/settings", "#/settings").await;

    world.switch_to(&first).await;
    world.add_profile("east", "/cm/east/").await;
    world.switch_to(&second).await;
    world.wait_for("li[data-profile='east']").await;
    world.add_profile("west", "/cm/west/").await;
    world.switch_to(&first).await;
    world.wait_for("li[data-profile='west']").await;
    assert_eq!(
        world.listed_profiles().await,
        json!(["This origin", "east", "west"])
    );
    world.use_profile("east").await;
    assert_eq!(world.text("[data-profile-name]").await, "east");

    world.switch_to(&second).await;
    assert_eq!(
        world.text("[data-profile-name]").await,
        "This origin",
        "a tab keeps its own CM host"
    );
    world.delete_profile("east").await;
    world.switch_to(&first).await;
    world
        .wait_until("return document.querySelectorAll(\"li[data-profile='east']\").length === 0")
        .await;
    assert_eq!(
        world.text(".notices .notice span").await,
        "The CM host profile “east” was deleted in another tab: this tab now sends to “This origin”."
    );
    assert_eq!(world.text("[data-profile-name]").await, "This origin");
    world.reload().await;
    assert_eq!(
        world.listed_profiles().await,
        json!(["This origin", "west"])
    );
    world.finish().await;
}

/// Two tabs each save every draft: what was typed in one is still there
/// after the other saves what was typed in it.
#[tokio::test]
async fn two_tabs_keep_each_others_drafts() {
    let world = World::start().await;
    let (first, second) = two_tabs(&world, "#/migrate", "#/batch").await;

    world.switch_to(&first).await;
    world.set("input[name='ip']", "10.186.16.127").await;
    world.switch_to(&second).await;
    world
        .set("textarea[name='taskNames']", &format!("{INCR_STOPPED}\n"))
        .await;
    world.switch_to(&first).await;
    world.reload().await;
    assert_eq!(world.value("input[name='ip']").await, "10.186.16.127");
    world.open("#/batch").await;
    assert_eq!(
        world.value("textarea[name='taskNames']").await,
        format!("{INCR_STOPPED}\n")
    );
    world.finish().await;
}

/// A journal cleared in one tab while another tab's pullback is halted:
/// what the pullback sends after the clear is journaled, in both tabs.
#[tokio::test]
async fn a_clear_in_another_tab_keeps_what_is_answered_after_it() {
    let world = World::start().await;
    world.faults(json!({"next": ["ok", "internalError"]})).await;
    let (first, second) = two_tabs(&world, "#/journal", "#/pullback").await;
    world.start_reference_pullback().await;
    world.wait_for("[data-halted-at='2']").await;
    world
        .js("window.clearsSeen = 0;
             addEventListener('storage', e => {
               if (e.key && e.key.startsWith('oms-console.journal.v2.') && e.newValue === null) window.clearsSeen++;
             });
             return true")
        .await;

    world.switch_to(&first).await;
    journal_lists(&world, 1).await;
    world.click("[data-action='clear-journal']").await;
    world.click(CONFIRM).await;
    journal_lists(&world, 0).await;

    world.switch_to(&second).await;
    // The console's own listener came first: the clear is taken in.
    world.wait_until("return window.clearsSeen > 0").await;
    world.click("[data-action='retry-step']").await;
    world.wait_for("[data-pullback-done]").await;
    world.switch_to(&first).await;
    journal_lists(&world, 1).await;
    world
        .wait_until(&format!(
            "const j = {STORED_JOURNAL}; return j.length === 1 && j[0].requests.length === 2"
        ))
        .await;
    let entries = world.console_journal().await;
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["operation"], "pullback");
    let steps: Vec<&Value> = entries[0]["requests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["step"])
        .collect();
    assert_eq!(
        steps,
        [
            &json!("2. Update source.checkpoint"),
            &json!("3. Resume with pullBackFlag=true")
        ],
        "the steps answered after the clear, not those before"
    );
    assert_eq!(world.journal().await.len(), 4, "all four were sent");
    world.finish().await;
}

/// A world whose simulator also answers under each of `prefixes` (CM
/// hosts behind a proxy on this origin).
async fn with_cm_hosts(prefixes: &[&str]) -> World {
    World::start_with(cm_sim::Options {
        prefixes: prefixes.iter().map(|p| (*p).to_owned()).collect(),
        ..cm_sim::Options::default()
    })
    .await
}

/// Opens the settings page of `first` and `second`, adds the profile `east`
/// (a path prefix on this origin) in the second and uses it in the first.
async fn first_tab_on_east(world: &World) -> (WindowHandle, WindowHandle) {
    let (first, second) = two_tabs(world, "#/settings", "#/settings").await;
    world.add_profile("east", "/cm/east/").await;
    world.switch_to(&first).await;
    world.wait_for("li[data-profile='east']").await;
    world.use_profile("east").await;
    (first, second)
}

/// Deletes the profile `east` in `second` and waits until `first` has
/// moved to the one left.
async fn delete_east_elsewhere(world: &World, first: &WindowHandle, second: &WindowHandle) {
    world.switch_to(second).await;
    world.delete_profile("east").await;
    world.switch_to(first).await;
    world
        .wait_until(
            "return document.querySelector('[data-profile-name]').textContent === 'This origin'",
        )
        .await;
}

/// The paths the simulator received, in order.
async fn paths(world: &World) -> Vec<String> {
    world
        .journal()
        .await
        .iter()
        .map(|r| r["path"].as_str().unwrap().to_owned())
        .collect()
}

/// A confirmed pullback sends every step, retries included, to the CM host
/// it was confirmed for, even when another tab deletes that profile and
/// this tab moves to another.
#[tokio::test]
async fn a_pullback_keeps_its_cm_host_when_the_profile_goes() {
    let world = with_cm_hosts(&["/cm/east"]).await;
    world.faults(json!({"next": ["ok", "internalError"]})).await;
    let (first, second) = first_tab_on_east(&world).await;
    world.start_reference_pullback().await;
    world.wait_for("[data-halted-at='2']").await;

    delete_east_elsewhere(&world, &first, &second).await;
    world.click("[data-action='retry-step']").await;
    world.wait_for("[data-pullback-done]").await;
    assert_eq!(
        paths(&world).await,
        [
            "/cm/east/connector/task/v2/stop",
            "/cm/east/connector/task/v2/update",
            "/cm/east/connector/task/v2/update",
            "/cm/east/connector/task/v2/resume",
        ]
    );
    assert_eq!(
        world
            .text("li.step[data-step='3'] .request-line code")
            .await,
        format!(
            "{}/cm/east/connector/task/v2/resume?taskName={}&pullBackFlag=true",
            world.sim.url(),
            crate::fleet::INCR_RUNNING
        ),
        "each step shows the host it went to"
    );
    world.finish().await;
}

/// Retry sends the request again to the CM host it went to.
#[tokio::test]
async fn a_retry_goes_where_the_request_went() {
    let world = with_cm_hosts(&["/cm/east"]).await;
    world.faults(json!({"next": ["internalError"]})).await;
    let (first, second) = first_tab_on_east(&world).await;
    world.open("#/resume").await;
    world.set("input[name='taskName']", INCR_STOPPED).await;
    world.click(SUBMIT).await;
    assert_eq!(world.outcome("").await, "api-error");

    delete_east_elsewhere(&world, &first, &second).await;
    world.click("[data-action='retry']").await;
    assert_eq!(world.outcome("").await, "success");
    assert_eq!(
        paths(&world).await,
        [
            "/cm/east/connector/task/v2/resume",
            "/cm/east/connector/task/v2/resume",
        ]
    );
    world.finish().await;
}

/// After another tab deleted the profile this tab used, the next send asks
/// first, even for an operation that needs no confirmation, naming the CM
/// host it now goes to; once confirmed, sends go on as before.
#[tokio::test]
async fn after_the_profile_goes_the_next_send_asks_first() {
    let world = with_cm_hosts(&["/cm/east"]).await;
    let (first, second) = first_tab_on_east(&world).await;
    world.open("#/resume").await;
    delete_east_elsewhere(&world, &first, &second).await;
    world.set("input[name='taskName']", INCR_STOPPED).await;
    world.click(SUBMIT).await;
    assert_eq!(
        world.text("dialog[open] .dialog-message").await,
        "The CM host profile this tab used was deleted or changed in another tab. This request goes to the profile named below: send it?"
    );
    assert!(
        world
            .text("dialog[open] [data-profile]")
            .await
            .contains("This origin")
    );
    world
        .click("dialog[open] .actions button[type='button']")
        .await;
    assert!(paths(&world).await.is_empty(), "Cancel sends nothing");
    world.click(SUBMIT).await;
    world.click(CONFIRM).await;
    assert_eq!(world.outcome("").await, "success");
    world.click(SUBMIT).await;
    assert_eq!(
        world.outcome("").await,
        "api-error",
        "sent at once: the connector runs already"
    );
    assert_eq!(
        world
            .js("return document.querySelector('dialog[open]') === null")
            .await,
        json!(true)
    );
    assert_eq!(
        paths(&world).await,
        ["/connector/task/v2/resume", "/connector/task/v2/resume"]
    );
    world.finish().await;
}

/// Another tab gives the profile this tab uses another base URL: a notice
/// says where this tab now sends, and the next send asks first.
#[tokio::test]
async fn a_profile_changed_in_another_tab_is_said_and_confirmed() {
    let world = with_cm_hosts(&["/cm/east", "/cm/west"]).await;
    let (first, second) = first_tab_on_east(&world).await;
    world.open("#/resume").await;
    world.switch_to(&second).await;
    world
        .click("li[data-profile='east'] [data-action='edit-profile']")
        .await;
    world.set("input[name='baseUrl']", "/cm/west/").await;
    world.click("form.profile-form button[type='submit']").await;
    world.switch_to(&first).await;
    world
        .wait_until(
            "return document.querySelector('[data-cm-host]').textContent.endsWith('/cm/west/')",
        )
        .await;
    assert_eq!(
        world.text(".notices .notice span").await,
        format!(
            "The CM host profile “east” was changed in another tab: this tab now sends to {}/cm/west/.",
            world.sim.url()
        )
    );
    world.set("input[name='taskName']", INCR_STOPPED).await;
    world.click(SUBMIT).await;
    assert!(
        world
            .text("dialog[open] [data-profile]")
            .await
            .contains("/cm/west/")
    );
    world.click(CONFIRM).await;
    assert_eq!(world.outcome("").await, "success");
    assert_eq!(paths(&world).await, ["/cm/west/connector/task/v2/resume"]);
    world.finish().await;
}
