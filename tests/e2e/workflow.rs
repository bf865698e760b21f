//! The operator workflow: journal, share links, CM host profiles, batches.

use cm_sim::Options;
use cm_sim::fleet::{Config, State, Task};
use serde_json::{Value, json};

use crate::fleet::{FULL_FINISHED, FULL_RUNNING, FULL_STOPPED, INCR_RUNNING, INCR_STOPPED};
use crate::harness::{LEAVING_HELD, SUBMIT, World, decoded_query, pairs};

const CONFIRM: &str = "dialog[open] button[type='submit']";

/// Captures what the next downloads contain (the page's Blob objects).
const CAPTURE_DOWNLOADS: &str = "window.__downloads = []; URL.createObjectURL = (blob) => { window.__downloads.push(blob); return 'blob:captured'; }; HTMLAnchorElement.prototype.click = function () {}; return true;";

async fn download(world: &World, index: usize) -> String {
    let script = format!(
        "const done = arguments[arguments.length - 1]; window.__downloads[{index}].text().then(done);"
    );
    world
        .js_async(&script)
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn the_journal_survives_a_reload_and_exports_its_rows() {
    let world = World::start().await;
    assert_eq!(world.stop_confirmed(INCR_RUNNING).await, "success");
    world.open("#/resume").await;
    world.set("input[name='taskName']", "nope").await;
    world.click(SUBMIT).await;
    assert_eq!(world.outcome("").await, "api-error");

    world.open("#/journal").await;
    world.reload().await;
    let items = world
        .js("return [...document.querySelectorAll('ul.journal > li')].map(li => [li.dataset.op, li.dataset.taskName, li.dataset.outcome])")
        .await;
    assert_eq!(
        items,
        json!([
            ["resume", "nope", "api-error"],
            ["stop", INCR_RUNNING, "success"]
        ]),
        "newest first"
    );
    assert_eq!(
        world
            .js("return [...document.querySelectorAll('ul.journal > li > button.entry')].map(b => [b.textContent.endsWith(' api-error TASK_NOT_FOUND'), b.querySelector('[data-err-code]')?.textContent ?? null])")
            .await,
        json!([[true, "TASK_NOT_FOUND"], [false, null]]),
        "a refusal's errCode is read without opening the entry"
    );

    assert_eq!(world.text("[data-journal-count]").await, "2 entries");
    world.set("select[name='filterOutcome']", "api-error").await;
    assert_eq!(world.count("ul.journal > li").await, 1);
    assert_eq!(
        world.text("[data-journal-count]").await,
        "Showing 1 of 2 entries (filtered)."
    );
    world
        .set("input[name='filterFrom']", "2999-01-02T00:00:00")
        .await;
    world
        .set("input[name='filterTo']", "2999-01-01T00:00:00")
        .await;
    assert_eq!(
        world.text("[data-filter-inverted]").await,
        "“From” is after “Until”: no entry can match."
    );
    world.click("[data-action='show-all']").await;
    assert_eq!(world.text("[data-journal-count]").await, "2 entries");
    assert_eq!(
        world
            .js("return ['filterTaskName','filterOperation','filterOutcome','filterFrom','filterTo'].map(n => document.querySelector(`[name='${n}']`).value)")
            .await,
        json!(["", "", "", "", ""]),
        "Show all empties every filter field"
    );
    assert_eq!(world.count("[data-filter-inverted]").await, 0);

    world.js(CAPTURE_DOWNLOADS).await;
    world.click("[data-action='export-json']").await;
    world.click("[data-action='export-csv']").await;
    let exported: Value = serde_json::from_str(&download(&world, 0).await).unwrap();
    assert_eq!(exported.as_array().unwrap().len(), 2);
    assert_eq!(exported[1]["operation"], "stop");
    assert_eq!(
        exported[1]["requests"][0]["params"],
        json!([["taskName", INCR_RUNNING]])
    );
    assert_eq!(exported[0]["requests"][0]["errCode"], "TASK_NOT_FOUND");
    let csv = download(&world, 1).await;
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 3, "a header and one row per request: {csv}");
    assert!(lines[0].starts_with("time,profile,operation,"));
    assert!(
        lines[1].contains(",resume,nope,") && lines[1].contains("TASK_NOT_FOUND"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].contains(",stop,") && lines[2].contains(",success,200,"),
        "{}",
        lines[2]
    );

    world.set("input[name='filterTaskName']", "np_56el").await;
    world.set("select[name='filterOperation']", "stop").await;
    let shown = "return [document.querySelector(\"input[name='filterTaskName']\").value, \
         document.querySelector(\"select[name='filterOperation']\").value, \
         [...document.querySelectorAll('ul.journal > li')].map(li => li.dataset.op)]";
    let filtered = json!(["np_56el", "stop", ["stop"]]);
    assert_eq!(world.js(shown).await, filtered);
    world.fill_form_from_newest_entry().await;
    world.wait_for("main h2").await;
    assert_eq!(world.text("main h2").await, "Stop");
    let value = world.value("input[name='taskName']").await;
    assert_eq!(value, INCR_RUNNING);
    assert_eq!(
        world.journal().await.len(),
        2,
        "filling a form sends nothing"
    );
    world.open("#/journal").await;
    assert_eq!(
        world.js(shown).await,
        filtered,
        "the filter is kept on coming back"
    );
    world.finish().await;
}

/// An update filled again from the journal gets its rows back, but not a
/// secret value, which the journal does not keep: a notice names it.
#[tokio::test]
async fn an_update_filled_from_the_journal_names_the_secret_to_fill_in() {
    let world = World::start().await;
    world.open("#/update").await;
    world.set("input[name='taskName']", INCR_STOPPED).await;
    world.add_config_row("sink", "workerNum", "4").await;
    world.click("fieldset.config-editor .rows > button").await;
    world
        .set(".rows > div:nth-of-type(2) input[name='scope']", "sink")
        .await;
    world
        .set(".rows > div:nth-of-type(2) input[name='key']", "password")
        .await;
    world
        .set("input[name='value'][type='password']", "hunter2")
        .await;
    world.click(SUBMIT).await;
    assert_eq!(world.outcome("").await, "success");
    world.click("[data-action='clear-form']").await;
    world.open("#/journal").await;
    world.fill_form_from_newest_entry().await;
    world.wait_for(".notices").await;
    assert_eq!(world.text("main h2").await, "Update");
    assert_eq!(
        world.text(".notices .notice span").await,
        "Fill in the secret values the journal does not keep: sink.password."
    );
    assert_eq!(
        world
            .js("return ['scope','key','value'].map(n => [...document.querySelectorAll(`.rows [name='${n}']`)].map(i => i.value))")
            .await,
        json!([["sink", "sink"], ["workerNum", "password"], ["4", ""]])
    );
    assert_eq!(
        world.journal().await.len(),
        1,
        "filling a form sends nothing"
    );
    world.finish().await;
}

#[tokio::test]
async fn a_share_link_fills_every_field_and_sends_nothing() {
    let world = World::start().await;
    world.open("#/update").await;
    world.set("input[name='taskName']", INCR_STOPPED).await;
    world.click("fieldset.delete-params > button").await;
    world
        .set("input[name='deleteParams']", "source.checkpoint")
        .await;
    world.click("fieldset.config-editor .rows > button").await;
    world.set("input[name='scope']", "sink").await;
    world.set("input[name='key']", "password").await;
    world.set("input[name='value']", "hunter2").await;
    world.click("details.insert-checkpoint summary").await;
    world.set("input[name='date']", "2023-02-13").await;
    world.set("input[name='time']", "19:00:00").await;
    world.set("select[name='zone']", "UTC+08:00").await;
    world.set("input[name='subtopic']", "sub_a").await;
    let link = world.copy_share_link().await;
    assert!(link.contains("#/update?share="), "{link}");
    assert!(!link.contains("hunter2"), "links never carry secrets");

    world.js("localStorage.clear(); return true").await;
    world.open_share_link(&link).await;
    let values = world
        .js("return ['taskName','deleteParams','scope','key','value','date','time','zone','subtopic'].map(n => document.querySelector(`[name='${n}']`).value)")
        .await;
    assert_eq!(
        values,
        json!([
            INCR_STOPPED,
            "source.checkpoint",
            "sink",
            "password",
            "",
            "2023-02-13",
            "19:00:00",
            "UTC+08:00",
            "sub_a"
        ])
    );
    assert!(world.text(".notices").await.contains("sink.password"));
    assert!(
        world
            .text("[data-preview-body]")
            .await
            .contains(r#""password":"""#),
        "the secret the link left out is shown empty, not masked as if set"
    );
    let hash = world.js("return location.hash").await;
    assert_eq!(hash, "#/update", "the fields leave the address bar");
    assert!(
        world.journal().await.is_empty(),
        "opening a link sends nothing"
    );
    world.finish().await;
}

/// A share link names the CM host it was made for: opened in a tab that
/// sends to another, it says so, and sends nothing; in a tab that sends
/// there, it says nothing of it.
#[tokio::test]
async fn a_share_link_made_for_another_cm_host_says_so() {
    let world = World::start().await;
    world.open("#/settings").await;
    world.add_profile("east", "/cm/east/").await;
    world.use_profile("east").await;
    world.open("#/stop").await;
    world.set("input[name='taskName']", INCR_RUNNING).await;
    let link = world.copy_share_link().await;
    world.open("#/settings").await;
    world.use_profile("This origin").await;
    let sim = world.sim.url();
    let notices = world.open_share_link(&link).await;
    assert!(
        notices.contains(&format!(
            "This link was made for the CM host {sim}/cm/east/; this tab sends to {sim} (profile “This origin”). Choose the CM host in CM hosts before sending."
        )),
        "{notices}"
    );
    assert_eq!(world.value("input[name='taskName']").await, INCR_RUNNING);
    world.open("#/settings").await;
    world.use_profile("east").await;
    let notices = world.open_share_link(&link).await;
    assert!(!notices.contains("was made for"), "{notices}");
    assert!(
        world.journal().await.is_empty(),
        "opening a link sends nothing"
    );
    world.finish().await;
}

/// A share link of a pullback read in the browser's own zone carries the
/// offset that zone has then: opened in a browser elsewhere, it gives the
/// same checkpoint, not the same wall-clock time read in the other zone.
#[tokio::test]
async fn a_share_link_in_the_browsers_zone_gives_the_same_instant_elsewhere() {
    let world = World::start_in(Options::default(), "en-US", "Asia/Shanghai").await;
    world.fill_reference_pullback().await;
    world.set("select[name='zone']", "local").await;
    assert_eq!(world.text("output[name='epoch']").await, "1676286000");
    let link = world.copy_share_link().await;
    world.js("localStorage.clear(); return true").await;
    world
        .cdp(
            "Emulation.setTimezoneOverride",
            json!({"timezoneId": "Europe/Berlin"}),
        )
        .await;
    world.open_share_link(&link).await;
    assert!(
        world
            .text("select[name='zone'] option[value='local']")
            .await
            .contains("Europe/Berlin"),
        "the browser is elsewhere now"
    );
    assert_eq!(
        world
            .js("return ['date','time','zone'].map(n => document.querySelector(`[name='${n}']`).value)")
            .await,
        json!(["2023-02-13", "19:00:00", "UTC+08:00"])
    );
    assert_eq!(world.text("output[name='epoch']").await, "1676286000");
    world.finish().await;
}

/// A journal entry's *Fill form* over a form half typed offers the way
/// back, until the form is edited; over forms holding nothing it offers
/// none.
#[tokio::test]
async fn a_fill_from_the_journal_over_a_typed_form_can_be_undone() {
    let world = World::start().await;
    world.open("#/update").await;
    world.set("input[name='taskName']", INCR_STOPPED).await;
    world.add_config_row("sink", "workerNum", "4").await;
    world.click(SUBMIT).await;
    assert_eq!(world.outcome("").await, "success");
    world.click("[data-action='clear-form']").await;
    world.set("input[name='taskName']", INCR_RUNNING).await;
    world.add_config_row("source", "batchSize", "64").await;
    let form = "return [document.querySelector(\"input[name='taskName']\").value, \
        ...['scope','key','value'].map(n => [...document.querySelectorAll(`.rows [name='${n}']`)].map(i => i.value))]";
    let typed = json!([INCR_RUNNING, ["source"], ["batchSize"], ["64"]]);
    assert_eq!(world.js(form).await, typed);

    world.open("#/journal").await;
    world.fill_form_from_newest_entry().await;
    world.wait_for("[data-action='undo-fill']").await;
    let filled = json!([INCR_STOPPED, ["sink"], ["workerNum"], ["4"]]);
    assert_eq!(world.js(form).await, filled);
    world.click("[data-action='undo-fill']").await;
    assert_eq!(world.js(form).await, typed, "what was typed is back");
    assert_eq!(world.count("[data-action='undo-fill']").await, 0);

    world.open("#/journal").await;
    world.fill_form_from_newest_entry().await;
    world.wait_for("[data-action='undo-fill']").await;
    world.set("textarea[name='value']", "5").await;
    assert_eq!(
        world.count("[data-action='undo-fill']").await,
        0,
        "an edit since gives up the way back"
    );

    world.click("[data-action='clear-form']").await;
    world.open("#/journal").await;
    world.fill_form_from_newest_entry().await;
    world
        .wait_for("main[data-page='update'] .rows [name='key']")
        .await;
    assert_eq!(world.js(form).await, filled);
    assert_eq!(
        world.count("[data-action='undo-fill']").await,
        0,
        "the forms held nothing to put back"
    );
    assert_eq!(world.journal().await.len(), 1, "filling sends nothing");
    world.finish().await;
}

/// Opens a share link to `#/migrate` with `taskName` and `ip` 10.0.0.9, as
/// an operator opens one sent to them (a fresh load of the console).
/// A share link's `share` parameter: a task name and a migrate `ip`.
fn share_param() -> String {
    format!("%7B%22taskName%22%3A%22{INCR_STOPPED}%22%2C%22ip%22%3A%2210.0.0.9%22%7D")
}

async fn open_migrate_link(world: &World) {
    let page = world.js("return location.href.split('#')[0]").await;
    let link = format!(
        "{}#/migrate?share={}",
        page.as_str().unwrap(),
        share_param()
    );
    world.client.goto("about:blank").await.unwrap();
    world.client.goto(&link).await.unwrap();
}

/// The code that makes and reads share links is fetched on first use. When
/// it cannot be fetched, Copy link says so, and opening a link fills
/// nothing, says why once (a language switch does not try it again), and
/// keeps the link in the address to open again.
#[tokio::test]
async fn a_share_link_whose_code_cannot_be_fetched_says_so() {
    let world = World::start().await;
    world.open("#/resume").await;
    world.set("input[name='taskName']", INCR_STOPPED).await;
    world.cdp("Network.enable", json!({})).await;
    world
        .cdp("Network.setBlockedURLs", json!({"urls": ["*split_share*"]}))
        .await;
    world.click("[data-action='copy-link']").await;
    assert_eq!(
        world
            .text("[data-action='copy-link'] ~ [role='alert']")
            .await,
        "The link could not be made: part of the console could not be loaded from the server. Check the connection, then try again."
    );
    assert_eq!(world.count("input.share-url").await, 0);

    world.js("localStorage.clear(); return true").await;
    open_migrate_link(&world).await;
    world.wait_for("main[data-page='migrate'] h2").await;
    assert_eq!(
        world.text(".notices .notice span").await,
        "This link's fields could not be read: part of the console could not be loaded from the server. Nothing was filled. Check the connection, then open the link again."
    );
    let values = world
        .js("return ['taskName','ip'].map(n => document.querySelector(`[name='${n}']`).value)")
        .await;
    assert_eq!(values, json!(["", ""]), "nothing was filled");
    assert!(
        world
            .js("return location.hash")
            .await
            .as_str()
            .unwrap()
            .starts_with("#/migrate?share="),
        "the link stays in the address"
    );
    // A language switch draws the console anew: the link is not tried
    // again behind the operator's back, so there is still one notice.
    world.choose_language("zh-CN").await;
    world.wait_for("main[data-page='migrate'] h2").await;
    world.click("[data-action='copy-link']").await;
    world
        .wait_for("[data-action='copy-link'] ~ [role='alert']")
        .await;
    assert_eq!(
        world
            .js("return [...document.querySelectorAll('.notices .notice span')].map(s => s.textContent)")
            .await,
        json!([
            "This link's fields could not be read: part of the console could not be loaded from the server. Nothing was filled. Check the connection, then open the link again."
        ]),
        "one notice, not one per language"
    );
    world.choose_language("en").await;

    world
        .cdp("Network.setBlockedURLs", json!({"urls": []}))
        .await;
    world.reload().await;
    world
        .wait_until("return document.querySelector(\"input[name='ip']\")?.value === '10.0.0.9'")
        .await;
    assert_eq!(world.js("return location.hash").await, "#/migrate");
    assert!(world.journal().await.is_empty(), "nothing was sent");
    world
        .finish_allowing(&["split_share", "Failed to fetch"])
        .await;
}

/// A link is read once each time it is opened: what is typed after it
/// filled the form stays when the language changes (which draws the
/// console anew), and opening it again fills the form again; its *Undo
/// fill* takes down that fill's notice.
#[tokio::test]
async fn a_share_link_fills_once_and_a_language_switch_keeps_what_was_typed() {
    let world = World::start().await;
    world.open("#/migrate").await;
    open_migrate_link(&world).await;
    world
        .wait_until("return document.querySelector(\"input[name='ip']\")?.value === '10.0.0.9'")
        .await;
    assert_eq!(
        world.count("[data-action='undo-fill']").await,
        0,
        "the forms held nothing to put back"
    );
    world.set("input[name='ip']", "10.0.0.10").await;
    world
        .js(&format!(
            "location.hash = '#/migrate?share={}'; return true",
            share_param()
        ))
        .await;
    world
        .wait_until("return document.querySelector(\"input[name='ip']\")?.value === '10.0.0.9'")
        .await;
    assert_eq!(
        world.js("return location.hash").await,
        "#/migrate",
        "the same link opened again is read again"
    );
    assert_eq!(
        world.count(".notices .notice").await,
        2,
        "the link was read once each time it was opened"
    );
    world.click("[data-action='undo-fill']").await;
    assert_eq!(
        world.value("input[name='ip']").await,
        "10.0.0.10",
        "Undo fill puts back what the link replaced"
    );
    assert_eq!(world.count("[data-action='undo-fill']").await, 0);
    assert_eq!(
        world.count(".notices .notice").await,
        1,
        "Undo fill takes down the notice of the fill it undid, not the first link's"
    );
    world.set("input[name='ip']", "10.0.0.10").await;
    world.choose_language("zh-CN").await;
    world.wait_for("main[data-page='migrate'] h2").await;
    world.choose_language("en").await;
    world.wait_for("main[data-page='migrate'] h2").await;
    assert_eq!(
        world.value("input[name='ip']").await,
        "10.0.0.10",
        "what was typed after the link filled the form is kept"
    );
    assert_eq!(
        world.count(".notices .notice").await,
        1,
        "a language switch does not read the link again"
    );
    assert!(world.journal().await.is_empty(), "nothing was sent");
    world.finish().await;
}

/// Pasted profiles that cannot be imported say why in words, and replace
/// nothing; good ones replace the list once confirmed.
#[tokio::test]
async fn importing_profiles_says_why_it_refuses() {
    let world = World::start().await;
    world.open("#/settings").await;
    let east = |version: u32, base_url: &str| {
        json!({
            "version": version,
            "profiles": [{"name": "east", "baseUrl": base_url, "timeoutMs": 15000, "label": "", "color": "gray"}],
            "active": "east"
        })
        .to_string()
    };
    for (pasted, error) in [
        (
            "{".to_owned(),
            "These profiles could not be imported: It is not exported profiles JSON (EOF while parsing an object at line 1 column 1).",
        ),
        (
            east(2, "/cm/east/"),
            "These profiles could not be imported: It is of version 2, which this console cannot read.",
        ),
        (
            east(1, "cm:8088"),
            "These profiles could not be imported: Profile 1: The base URL must be empty, a path such as /cm/east/, or http(s)://host:port.",
        ),
        (
            json!({"version": 1, "profiles": [], "active": ""}).to_string(),
            "These profiles could not be imported: It holds no profile.",
        ),
    ] {
        world.set("textarea[name='profilesImport']", &pasted).await;
        world.click("[data-action='import-profiles']").await;
        assert_eq!(world.text("[data-import-error]").await, error);
        assert_eq!(world.text("[data-profile-name]").await, "This origin");
    }
    world
        .set("textarea[name='profilesImport']", &east(1, "/cm/east/"))
        .await;
    world.click("[data-action='import-profiles']").await;
    assert_eq!(
        world.text("dialog[open] .dialog-message").await,
        format!(
            "Replace the profiles kept here (“This origin”) with the 1 pasted profile (“east”)? This tab will then send to “east” ({}/cm/east/).",
            world.sim.url()
        )
    );
    world
        .click("dialog[open] .actions button[type='button']")
        .await;
    assert_eq!(
        world.text("[data-profile-name]").await,
        "This origin",
        "Cancel imports nothing"
    );
    world.click("[data-action='import-profiles']").await;
    world.click(CONFIRM).await;
    world.wait_for("li[data-profile='east']").await;
    assert_eq!(world.text("[data-profile-name]").await, "east");
    assert_eq!(
        world.value("textarea[name='profilesImport']").await,
        json!("")
    );
    world.finish().await;
}

/// A kept profile whose base URL repeats the API's path (imported, or
/// saved despite the form's warning) is pointed out in the list too.
#[tokio::test]
async fn a_listed_profile_whose_base_repeats_the_api_path_is_pointed_out() {
    let world = World::start().await;
    world.open("#/settings").await;
    let profile = |name: &str, base_url: &str| json!({"name": name, "baseUrl": base_url, "timeoutMs": 15000, "label": "", "color": "gray"});
    let pasted = json!({
        "version": 1,
        "profiles": [profile("east", "/cm/east/"), profile("west", "/cm/west/connector/task/v2")],
        "active": "east"
    });
    world
        .set("textarea[name='profilesImport']", &pasted.to_string())
        .await;
    world.click("[data-action='import-profiles']").await;
    world.click(CONFIRM).await;
    world.wait_for("li[data-profile='west']").await;
    assert!(
        world
            .text("li[data-profile='west'] [data-base-repeats-api]")
            .await
            .contains("holds the API's own path")
    );
    assert_eq!(
        world
            .count("li[data-profile='east'] [data-base-repeats-api]")
            .await,
        0
    );
    world.finish().await;
}

/// Deleting a profile asks first, naming it and, when it is the one in
/// use, the CM host the tab sends to afterwards; Cancel keeps it.
#[tokio::test]
async fn deleting_a_profile_asks_first() {
    let world = World::start().await;
    world.open("#/settings").await;
    world.add_profile("east", "/cm/east/").await;
    world.use_profile("east").await;
    world.ask_to_delete_profile("east").await;
    assert_eq!(
        world.text("dialog[open] .dialog-message").await,
        format!(
            "Delete the profile “east” ({0}/cm/east/)? Its name, base URL, time limit and label are lost; the journal keeps its entries. It is the profile in use: this tab will send to “This origin” ({0}) instead.",
            world.sim.url()
        )
    );
    world
        .click("dialog[open] .actions button[type='button']")
        .await;
    assert_eq!(
        world.listed_profiles().await,
        json!(["This origin", "east"]),
        "Cancel deletes nothing"
    );
    assert_eq!(world.text("[data-profile-name]").await, "east");
    world.delete_profile("east").await;
    world
        .wait_until("return document.querySelectorAll(\"li[data-profile='east']\").length === 0")
        .await;
    assert_eq!(world.text("[data-profile-name]").await, "This origin");
    world.reload().await;
    assert_eq!(world.listed_profiles().await, json!(["This origin"]));
    world.finish().await;
}

/// The settings page's profile form (its heading and fields) and import box.
const PROFILE_FORM: &str = "return [document.querySelector('form.profile-form h3').textContent, \
     ...['profileName', 'baseUrl', 'timeoutMs', 'label', 'color', 'profilesImport'] \
     .map(n => document.querySelector(`[name='${n}']`).value)]";

/// What is typed in the profile form and the import box is kept when the
/// operator leaves the settings page or reloads; saving empties the form.
#[tokio::test]
async fn the_profile_form_keeps_what_was_typed() {
    let world = World::start().await;
    world.open("#/settings").await;
    assert_eq!(
        world.js(PROFILE_FORM).await,
        json!(["Add a profile", "", "", "15000", "", "gray", ""])
    );
    world.add_profile("east", "/cm/east/").await;
    world
        .click("li[data-profile='east'] [data-action='edit-profile']")
        .await;
    world.set("input[name='baseUrl']", "/cm/west/").await;
    world.set("input[name='timeoutMs']", "30000").await;
    world.set("input[name='label']", "PROD").await;
    world.set("select[name='color']", "red").await;
    world
        .set("textarea[name='profilesImport']", "{\"version\": 1,")
        .await;
    let typed = json!([
        "Edit the profile",
        "east",
        "/cm/west/",
        "30000",
        "PROD",
        "red",
        "{\"version\": 1,"
    ]);
    world
        .assert_kept("#/settings", "#/resume", PROFILE_FORM, &typed)
        .await;
    world.click("form.profile-form button[type='submit']").await;
    world
        .wait_until("return document.querySelector(\"li[data-profile='east'] [data-profile-url]\").textContent.endsWith('/cm/west/')")
        .await;
    world.reload().await;
    let empty = json!([
        "Add a profile",
        "",
        "",
        "15000",
        "",
        "gray",
        "{\"version\": 1,"
    ]);
    assert_eq!(
        world.js(PROFILE_FORM).await,
        empty,
        "a saved profile leaves the form"
    );
    world
        .click("li[data-profile='east'] [data-action='edit-profile']")
        .await;
    world.set("input[name='label']", "DR").await;
    world.delete_profile("east").await;
    world
        .wait_until("return document.querySelectorAll(\"li[data-profile='east']\").length === 0")
        .await;
    assert_eq!(
        world.js(PROFILE_FORM).await,
        json!([
            "Add a profile",
            "east",
            "/cm/west/",
            "30000",
            "DR",
            "red",
            "{\"version\": 1,"
        ]),
        "a deleted profile's edit becomes an addition, with nothing typed lost"
    );
    world.click("form.profile-form button[type='submit']").await;
    world.wait_for("li[data-profile='east']").await;
    assert_eq!(
        world.listed_profiles().await,
        json!(["This origin", "east"])
    );
    let clear = "[data-action='clear-profile-form']";
    assert_eq!(
        world
            .js(&format!(
                "return document.querySelectorAll(\"{clear}\").length"
            ))
            .await,
        json!(0),
        "an empty form has nothing to clear"
    );
    world.set("input[name='profileName']", "west").await;
    assert_eq!(world.text(clear).await, "Clear form");
    world.click(clear).await;
    assert_eq!(world.js(PROFILE_FORM).await, empty);
    world.finish().await;
}

/// A form's answer kept from another CM host says so once the tab sends
/// elsewhere, and not once it sends there again.
#[tokio::test]
async fn an_answer_from_another_cm_host_says_so() {
    let world = World::start().await;
    assert_eq!(world.stop_confirmed(INCR_RUNNING).await, "success");
    world.open("#/settings").await;
    world.add_profile("east", "/cm/east/").await;
    world.use_profile("east").await;
    world.open("#/stop").await;
    assert_eq!(world.outcome("").await, "success");
    assert_eq!(
        world.text("[data-answer-stale]").await,
        format!(
            "This answer came from {}; the console now sends to another CM host.",
            world.sim.url()
        )
    );
    world.open("#/settings").await;
    world.use_profile("This origin").await;
    world.open("#/stop").await;
    assert_eq!(world.outcome("").await, "success");
    assert_eq!(world.count("[data-answer-stale]").await, 0);
    world.finish().await;
}

/// A connection check says it is checking until it ends (a CM host that
/// never answers: the profile's time limit), and what it found stays shown
/// after the page is left.
#[tokio::test]
async fn a_connection_check_says_it_is_checking_and_is_kept() {
    let silent = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = silent.local_addr().unwrap().port();
    let held = tokio::spawn(async move {
        let mut sockets = Vec::new();
        while let Ok((socket, _)) = silent.accept().await {
            sockets.push(socket);
        }
    });
    let world = World::start().await;
    world.open("#/settings").await;
    world.set("input[name='profileName']", "silent").await;
    world
        .set("input[name='baseUrl']", &format!("http://127.0.0.1:{port}"))
        .await;
    world.set("input[name='timeoutMs']", "5000").await;
    world.click("form.profile-form button[type='submit']").await;
    let check = "li[data-profile='silent'] [data-action='check-connection']";
    world.click(check).await;
    assert_eq!(
        world
            .text("li[data-profile='silent'] [data-checking]")
            .await,
        "Checking…"
    );
    world.revisit("#/settings").await;
    world
        .wait_for("li[data-profile='silent'] [data-checking]")
        .await;
    assert_eq!(
        world
            .js(&format!(
                "return document.querySelector(\"{check}\").disabled"
            ))
            .await,
        json!(true),
        "one check at a time"
    );
    let found = "li[data-profile='silent'] [data-reachability]";
    world.wait_for(found).await;
    world.revisit("#/settings").await;
    assert_eq!(
        world
            .wait_for(found)
            .await
            .attr("data-reachability")
            .await
            .unwrap(),
        Some("NoAnswer".to_owned()),
        "kept after leaving the page"
    );
    world
        .click("li[data-profile]:first-child [data-action='check-connection']")
        .await;
    world
        .wait_for("li[data-profile]:first-child [data-reachability='Answers']")
        .await;
    let shown = "return [...document.querySelectorAll('[data-reachability]')].map(p => [p.closest('li').dataset.profile, p.dataset.reachability])";
    assert_eq!(
        world.js(shown).await,
        json!([["This origin", "Answers"], ["silent", "NoAnswer"]]),
        "each profile's check is kept"
    );
    world
        .click("li[data-profile='silent'] [data-action='edit-profile']")
        .await;
    world.set("input[name='timeoutMs']", "6000").await;
    world.click("form.profile-form button[type='submit']").await;
    world
        .wait_until("return document.querySelector(\"li[data-profile='silent']\").textContent.includes('6000 ms')")
        .await;
    assert_eq!(
        world.js(shown).await,
        json!([["This origin", "Answers"]]),
        "an edited profile's check is gone: it said nothing of the profile now"
    );
    held.abort();
    // The check is a GET, which a CM host answers 405: the browser logs it.
    world.finish_allowing_failed_api_calls(true).await;
}

#[tokio::test]
async fn a_profile_with_a_path_prefix_sends_there() {
    let world = World::start_with(Options {
        prefixes: vec!["/cm/east".into()],
        ..Options::default()
    })
    .await;
    world.open("#/settings").await;
    assert_eq!(
        world.text("[data-cm-host]").await,
        world.sim.url(),
        "the default profile sends to this origin"
    );
    assert_eq!(
        world.text("li[data-profile] [data-profile-url]").await,
        world.sim.url(),
        "the profile list names the origin's URL too"
    );
    world.set("input[name='profileName']", "This origin").await;
    assert_eq!(
        world.text("[data-name-taken]").await,
        "Another profile has this name.",
        "a name taken is said as it is typed, before a save is tried"
    );
    world.set("input[name='profileName']", "east").await;
    assert_eq!(world.count("[data-name-taken]").await, 0);
    world
        .set("input[name='baseUrl']", "/cm/east/connector/task/v2/")
        .await;
    assert_eq!(
        world.text("[data-base-example] code").await,
        format!(
            "{}/cm/east/connector/task/v2/connector/task/v2/resume",
            world.sim.url()
        ),
        "the form shows where a request would go"
    );
    assert!(
        world
            .text("[data-base-repeats-api]")
            .await
            .contains("holds the API's own path"),
        "a base copied from a request's URL is pointed out"
    );
    world
        .set(
            "input[name='baseUrl']",
            "http://10.186.16.126:8088/connector/task/v2/stop?taskName=x",
        )
        .await;
    assert_eq!(
        world.count("[data-base-bad]").await,
        0,
        "a request's URL pasted whole is not called bad: its base is offered"
    );
    assert_eq!(
        world.text("[data-action='use-base']").await,
        "Use http://10.186.16.126:8088"
    );
    world
        .set("input[name='baseUrl']", "/cm/east/connector/task/v2/resume")
        .await;
    world.click("[data-action='use-base']").await;
    assert_eq!(world.value("input[name='baseUrl']").await, "/cm/east/");
    assert_eq!(world.count("[data-base-repeats-api]").await, 0);
    world
        .set("input[name='baseUrl']", "http://10.186.16.126:88080")
        .await;
    assert!(
        world
            .text("[data-base-bad]")
            .await
            .starts_with("The base URL must be"),
        "a port out of range is said as it is typed, before a save is tried"
    );
    assert_eq!(world.count("[data-base-example]").await, 0);
    world
        .set(
            "input[name='baseUrl']",
            "10.186.16.126:8088/connector/task/v2/stop",
        )
        .await;
    assert_eq!(
        world.text("[data-action='use-base']").await,
        "Use http://10.186.16.126:8088",
        "a request's URL copied without its scheme"
    );
    world
        .set("input[name='baseUrl']", "10.186.16.126:8088")
        .await;
    assert_eq!(
        world.text("[data-base-no-scheme]").await,
        "A CM host's address starts with http:// (or https://)."
    );
    assert_eq!(
        world.text("[data-action='use-base']").await,
        "Use http://10.186.16.126:8088"
    );
    assert_eq!(world.count("[data-base-bad]").await, 0);
    world.click("[data-action='use-base']").await;
    assert_eq!(
        world.value("input[name='baseUrl']").await,
        "http://10.186.16.126:8088"
    );
    assert_eq!(world.count("[data-base-no-scheme]").await, 0);
    world.set("input[name='baseUrl']", "/cm/east/").await;
    assert_eq!(world.count("[data-base-bad]").await, 0);
    assert_eq!(
        world.text("[data-base-example] code").await,
        format!("{}/cm/east/connector/task/v2/resume", world.sim.url())
    );
    assert_eq!(world.count("[data-base-repeats-api]").await, 0);
    world.set("input[name='label']", "PROD").await;
    world.set("select[name='color']", "red").await;
    world.click("form.profile-form button[type='submit']").await;
    world.use_profile("east").await;
    assert_eq!(world.text("[data-profile-name]").await, "east");
    assert_eq!(world.text("[data-env-label]").await, "PROD");
    assert_eq!(
        world
            .text("li[data-profile='east'] [data-profile-url]")
            .await,
        format!("{}/cm/east/", world.sim.url()),
        "a path-only base URL is listed on this origin"
    );
    assert_eq!(
        world.text("[data-cm-host]").await,
        format!("{}/cm/east/", world.sim.url())
    );
    world
        .click("li[data-profile='east'] [data-action='check-connection']")
        .await;
    assert_eq!(
        world
            .wait_for("[data-reachability]")
            .await
            .attr("data-reachability")
            .await
            .unwrap()
            .unwrap(),
        "Answers"
    );
    let probe = world.journal().await;
    assert_eq!(probe.len(), 1);
    assert_eq!(
        (
            &probe[0]["method"],
            &probe[0]["path"],
            &probe[0]["cacheControl"]
        ),
        (
            &json!("GET"),
            &json!("/cm/east/connector/task/v2/stop"),
            &json!("no-cache")
        ),
        "the check is a GET, never answered from the cache"
    );
    world.clear_journal().await;

    world.open("#/stop").await;
    world.set("input[name='taskName']", INCR_RUNNING).await;
    world.click(SUBMIT).await;
    assert!(
        world
            .text("dialog[open] [data-profile]")
            .await
            .contains("east")
    );
    world.click(CONFIRM).await;
    assert_eq!(world.outcome("").await, "success");
    let journal = world.journal().await;
    assert_eq!(journal.len(), 1);
    assert_eq!(journal[0]["path"], "/cm/east/connector/task/v2/stop");
    assert_eq!(
        decoded_query(&journal[0]),
        pairs(&[("taskName", INCR_RUNNING)])
    );
    world.reload().await;
    assert_eq!(
        world.text("[data-profile-name]").await,
        "east",
        "profiles persist"
    );
    world.finish_allowing_failed_api_calls(true).await;
}

fn fleet(count: usize) -> Vec<Task> {
    (0..count)
        .map(|i| Task {
            task_name: format!(
                "10.0.0.{}-9000:connector_v2:np_batch{i:03}-incr_trans-1-0:0000000001",
                i % 3 + 1
            ),
            state: State::Running,
            config: Config::new(),
            position: None,
            progress: None,
        })
        .collect()
}

async fn start_batch(world: &World, names: &[String], concurrency: &str) {
    world.open("#/batch").await;
    world
        .set("textarea[name='taskNames']", &names.join("\n"))
        .await;
    world.set("select[name='operation']", "stop").await;
    world.set("input[name='concurrency']", concurrency).await;
    assert_eq!(
        world.text("[data-batch-count]").await,
        format!("Requests will go to {} tasks.", names.len())
    );
    world.click(SUBMIT).await;
    assert_eq!(
        world.text("dialog[open] .dialog-message").await,
        format!("Send stop to {} tasks?", names.len())
    );
    world.click(CONFIRM).await;
}

/// Sends the batch the page holds, confirmed, and waits until its `tasks`
/// rows are answered.
async fn send_batch(world: &World, tasks: usize) {
    world.click(SUBMIT).await;
    world.click(CONFIRM).await;
    batch_ended(world, tasks).await;
}

/// Waits until the batch has ended with `tasks` rows answered.
async fn batch_ended(world: &World, tasks: usize) {
    world
        .wait_until(&format!("return document.querySelectorAll('tr[data-outcome]').length === {tasks} && !document.querySelector(\"[data-action='cancel-batch']\")"))
        .await;
}

async fn rows(world: &World) -> Vec<(String, String)> {
    let rows = world
        .js("return [...document.querySelectorAll('tr[data-task-name]')].map(r => [r.dataset.taskName, r.dataset.outcome || ''])")
        .await;
    serde_json::from_value(rows).unwrap()
}

/// The batch form's fields, as the page shows them.
const BATCH_FORM: &str = "const v = n => document.querySelector(`[name='${n}']`); \
     return [v('taskNames').value, v('operation').value, v('concurrency').value, \
     v('pullBackFlag')?.checked ?? null, v('restartFlag')?.checked ?? null]";

/// The batch page holding a resume of the stopped Incr-Sync with
/// `pullBackFlag`.
async fn batch_resume_with_pull_back() -> World {
    let world = World::start().await;
    world.open("#/batch").await;
    world
        .set("textarea[name='taskNames']", &format!("{INCR_STOPPED}\n"))
        .await;
    world.set("select[name='operation']", "resume").await;
    world.click("input[name='pullBackFlag']").await;
    world
}

/// A batch's journal entry fills the batch form with its tasks and the
/// operation and flags it ran with, not with those the form last held.
#[tokio::test]
async fn a_batch_entry_fills_the_form_with_its_operation_and_flags() {
    let world = batch_resume_with_pull_back().await;
    send_batch(&world, 1).await;
    assert_eq!(
        decoded_query(&world.journal().await[0]),
        pairs(&[("taskName", INCR_STOPPED), ("pullBackFlag", "true")])
    );
    world.set("textarea[name='taskNames']", INCR_RUNNING).await;
    world.set("select[name='operation']", "stop").await;
    world.open("#/journal").await;
    world
        .click("ul.journal > li[data-op='batch-resume'] button.entry")
        .await;
    world.click("[data-action='fill-form']").await;
    world.wait_for("main[data-page='batch']").await;
    assert_eq!(
        world.js(BATCH_FORM).await,
        json!([format!("{INCR_STOPPED}\n"), "resume", "4", true, false])
    );
    world.click("[data-action='undo-fill']").await;
    assert_eq!(
        world.js(BATCH_FORM).await,
        json!([INCR_RUNNING, "stop", "4", null, null]),
        "Undo fill puts back the list and operation the entry replaced"
    );
    assert_eq!(world.journal().await.len(), 1, "filling sends nothing");
    world.finish().await;
}

/// The batch form keeps its operation, flags and concurrency, as it keeps
/// its list, when the operator leaves the page or reloads.
#[tokio::test]
async fn the_batch_form_keeps_what_was_chosen() {
    let world = World::start().await;
    world.open("#/batch").await;
    assert_eq!(
        world.js(BATCH_FORM).await,
        json!(["", "stop", "4", null, null])
    );
    world.set("textarea[name='taskNames']", INCR_STOPPED).await;
    world.set("select[name='operation']", "resume").await;
    world.click("input[name='pullBackFlag']").await;
    world.set("input[name='concurrency']", "12").await;
    let chosen = json!([INCR_STOPPED, "resume", "12", true, false]);
    world
        .assert_kept("#/batch", "#/journal", BATCH_FORM, &chosen)
        .await;
    world.finish().await;
}

/// The numeric fields (the batch's concurrency, a profile's time limit)
/// keep what is typed, key by key, as typed: a minus sign or a decimal
/// point is neither dropped nor turned into another number, and what is
/// not allowed is said.
#[tokio::test]
async fn numeric_fields_keep_what_is_typed() {
    let world = World::start().await;
    world.open("#/batch").await;
    let concurrency = "input[name='concurrency']";
    let shown = "return [document.querySelector(\"input[name='concurrency']\").value, \
         [...document.querySelectorAll('main p.error')].map(p => p.textContent)]";
    for typed in ["-1", "2.5", "1e1"] {
        world.type_keys(concurrency, typed).await;
        assert_eq!(
            world.js(shown).await,
            json!([
                typed,
                ["Requests at once must be a whole number from 1 to 16."]
            ]),
            "{typed}"
        );
    }
    world.type_keys(concurrency, "12").await;
    world
        .wait_until("return document.querySelectorAll('main p.error').length === 0")
        .await;

    world.open("#/settings").await;
    let timeout = "input[name='timeoutMs']";
    world.type_keys("input[name='profileName']", "east").await;
    // Typed over what is there, as an operator does (the harness's
    // type_keys empties the field first, which leaves it).
    world.click(timeout).await;
    world
        .wait_for(timeout)
        .await
        .send_keys("\u{E009}a\u{E000}15")
        .await
        .expect("types");
    assert_eq!(world.value(timeout).await, json!("15"));
    assert_eq!(
        world.count("[data-timeout-bad]").await,
        0,
        "not said while it is typed"
    );
    world.click("input[name='label']").await;
    assert_eq!(
        world.text("[data-timeout-bad]").await,
        "The time limit must be from 1000 to 600000 ms.",
        "said once the field is left"
    );
    world.type_keys(timeout, "-5000").await;
    world.click("form.profile-form button[type='submit']").await;
    assert_eq!(
        world.text("form.profile-form ul.errors").await,
        "The time limit must be from 1000 to 600000 ms."
    );
    assert_eq!(world.value("input[name='timeoutMs']").await, json!("-5000"));
    world.finish().await;
}

/// The list says, line by line, what is skipped and what is sent as typed;
/// only the names it counts are sent, and the journal counts the answers
/// in the language shown.
#[tokio::test]
async fn a_batch_list_says_which_lines_are_skipped() {
    let world = World::start().await;
    world.open("#/batch").await;
    let together = format!("{INCR_STOPPED}{FULL_RUNNING}");
    let list = [
        INCR_RUNNING,
        "",
        INCR_RUNNING,
        "store_x",
        "bad name",
        &together,
    ]
    .join("\n");
    world.set("textarea[name='taskNames']", &list).await;
    assert_eq!(
        world
            .js("return [...document.querySelectorAll('li[data-line]')].map(li => li.textContent)")
            .await,
        json!([
            "Line 2: empty, skipped.",
            format!("Line 3: {INCR_RUNNING} is the same as line 1: skipped."),
            "Line 4: store_x is not a connector_v2 name: it is sent as typed.",
            "Line 5: bad name The task name contains white space, or a control or invisible character (U+0020), at position 4. Skipped.",
            format!(
                "Line 6: {together} holds task names run together: skipped. Put each on a line of its own."
            )
        ])
    );
    assert_eq!(
        world.text("[data-batch-count]").await,
        "Requests will go to 2 tasks."
    );
    send_batch(&world, 2).await;
    let mut sent: Vec<Vec<(String, String)>> =
        world.journal().await.iter().map(decoded_query).collect();
    sent.sort();
    assert_eq!(
        sent,
        [
            pairs(&[("taskName", INCR_RUNNING)]),
            pairs(&[("taskName", "store_x")])
        ]
    );
    world.open("#/journal").await;
    assert_eq!(
        world
            .text("li[data-op='batch-stop'] [data-batch-tally]")
            .await,
        "2 answered, 1 failed",
        "the journal's summary counts the batch's answers"
    );
    world.choose_language("zh-CN").await;
    assert_eq!(
        world
            .js("const li = document.querySelector(\"li[data-op='batch-stop']\"); return [li.querySelector('code').textContent, li.querySelector('[data-batch-tally]').textContent]")
            .await,
        json!(["2 个任务", "已应答 2，失败 1"]),
        "the label stored in English is shown in the language chosen"
    );
    world.finish_allowing_failed_api_calls(true).await;
}

/// *Recent* offers the names a batch sent, but not a line sent as typed
/// with a name amid other text (offered, it would be flagged again), nor
/// a name the list holds already; a name taken leaves the offer, and the
/// focus goes to the list, which ends with it.
#[tokio::test]
async fn a_batch_offers_recent_names_but_not_lines_around_a_name() {
    let world = World::start().await;
    world.open("#/batch").await;
    let list = format!("{INCR_RUNNING}\n\"{FULL_STOPPED}\",\nstore_x");
    world.set("textarea[name='taskNames']", &list).await;
    send_batch(&world, 3).await;
    assert_eq!(
        world.count(".recent button").await,
        0,
        "every name sent is still in the list"
    );
    world.set("textarea[name='taskNames']", "store_x").await;
    let recent = "return [...document.querySelectorAll('.recent button')].map(b => b.textContent)";
    assert_eq!(world.js(recent).await, json!([INCR_RUNNING]));
    world.click(".recent button").await;
    assert_eq!(
        world.value("textarea[name='taskNames']").await,
        format!("store_x\n{INCR_RUNNING}\n")
    );
    assert_eq!(world.count(".recent").await, 0, "nothing left to offer");
    assert_eq!(
        world.js("return document.activeElement.name").await,
        "taskNames"
    );
    world.set("textarea[name='taskNames']", "").await;
    let mut offered = world
        .js("return [...document.querySelectorAll('.recent button')].map(b => b.textContent)")
        .await
        .as_array()
        .expect("a list")
        .clone();
    offered.sort_by_key(|name| name.to_string());
    assert_eq!(offered, [json!(INCR_RUNNING), json!("store_x")]);
    world.finish_allowing_failed_api_calls(true).await;
}

/// Names pasted as a JSON array (or with quotes, commas, a URL around
/// them), or a name run together with itself, are taken out on request;
/// nothing is sent meanwhile.
#[tokio::test]
async fn a_batch_list_pasted_as_json_is_cleaned_on_request() {
    let world = World::start().await;
    world.open("#/batch").await;
    let pasted =
        format!("[\"{INCR_RUNNING}\", \"{FULL_STOPPED}\"]\n{INCR_STOPPED}{INCR_STOPPED}\nstore_x");
    world.set("textarea[name='taskNames']", &pasted).await;
    assert!(
        world
            .text("[data-batch-clean]")
            .await
            .contains("amid other text")
    );
    world.click("[data-batch-clean] button").await;
    assert_eq!(
        world.value("textarea[name='taskNames']").await,
        format!("{INCR_RUNNING}\n{FULL_STOPPED}\n{INCR_STOPPED}\nstore_x")
    );
    assert_eq!(
        world.text("[data-batch-count]").await,
        "Requests will go to 4 tasks."
    );
    assert_eq!(world.count("[data-batch-clean]").await, 0);
    assert!(world.journal().await.is_empty(), "cleaning sends nothing");
    world.finish().await;
}

#[tokio::test]
async fn a_batch_sends_one_request_per_task_and_retries_only_the_failed() {
    let tasks = fleet(50);
    let names: Vec<String> = tasks.iter().map(|t| t.task_name.clone()).collect();
    let world = World::start_with(Options {
        tasks,
        faults: serde_json::from_value(json!({"failRate": 0.2, "seed": 11})).unwrap(),
        ..Options::default()
    })
    .await;
    start_batch(&world, &names, "8").await;
    world.wait_for("[data-batch-progress]").await;
    batch_ended(&world, 50).await;
    let journal = world.journal().await;
    assert_eq!(journal.len(), 50, "exactly one request per task");
    assert!(
        journal.iter().all(|e| e["cacheControl"] == "no-cache"),
        "sent with the cache off"
    );
    let rows = rows(&world).await;
    let mut failed = Vec::new();
    for (name, outcome) in &rows {
        let entry = journal
            .iter()
            .find(|e| decoded_query(e)[0].1 == *name)
            .expect("sent");
        let answer: Value = serde_json::from_str(entry["response"].as_str().unwrap()).unwrap();
        let expected = if answer["isSuccess"] == true {
            "success"
        } else {
            "api-error"
        };
        assert_eq!(outcome, expected, "{name}");
        if expected != "success" {
            failed.push(name.clone());
        }
    }
    assert!(
        !failed.is_empty() && failed.len() < 50,
        "{} failed",
        failed.len()
    );

    world.faults(json!({})).await;
    world.clear_journal().await;
    world.set("select[name='operation']", "delete").await;
    // From the keyboard: the button keeps the focus through the retry, held
    // once nothing is left failed.
    world
        .wait_for("[data-action='retry-failed']")
        .await
        .send_keys("\u{E007}")
        .await
        .expect("types");
    world.wait_until("return !document.querySelector(\"[data-action='cancel-batch']\") && [...document.querySelectorAll('tr[data-outcome]')].every(r => r.dataset.outcome === 'success')").await;
    assert_eq!(
        world
            .js("return document.activeElement.matches(\"[data-action='retry-failed'][aria-disabled='true']\")")
            .await,
        json!(true),
        "the focus stays on Retry failed, held"
    );
    let journal = world.journal().await;
    assert!(
        journal
            .iter()
            .all(|e| e["path"] == "/connector/task/v2/stop"),
        "Retry failed sends the confirmed stop, not the form's delete"
    );
    let retried: Vec<String> = journal
        .iter()
        .map(|e| decoded_query(e)[0].1.clone())
        .collect();
    let mut sorted = retried.clone();
    sorted.sort();
    failed.sort();
    assert_eq!(sorted, failed, "Retry failed sends exactly the failed ones");
    world.finish().await;
}

/// A batch's failures are counted by `errCode`, or by how they ended when
/// the CM refused nothing, on its page and in its journal entry; the table
/// can show only the failed rows.
#[tokio::test]
async fn a_batch_tallies_its_failures_by_cause_and_shows_only_them_on_request() {
    let world = World::start().await;
    let unknown = "10.0.0.9-9000:connector_v2:np_unknown-incr_trans-1-0:0000000001";
    let names: Vec<String> = [
        INCR_RUNNING,
        INCR_STOPPED,
        FULL_FINISHED,
        unknown,
        FULL_STOPPED,
    ]
    .map(str::to_owned)
    .into();
    // One request at a time: the second is answered 502.
    world.faults(json!({"next": ["ok", "http502Empty"]})).await;
    start_batch(&world, &names, "1").await;
    batch_ended(&world, 5).await;
    let tally = "Failed, by cause: ILLEGAL_STATE: 2, http-error: 1, TASK_NOT_FOUND: 1.";
    assert_eq!(world.text("[data-batch-failures]").await, tally);
    assert_eq!(world.count("tr[data-outcome]").await, 5);

    world.click("input[name='onlyFailed']").await;
    let failed: Vec<(String, String)> = [
        (INCR_STOPPED, "http-error"),
        (FULL_FINISHED, "api-error"),
        (unknown, "api-error"),
        (FULL_STOPPED, "api-error"),
    ]
    .map(|(name, outcome)| (name.to_owned(), outcome.to_owned()))
    .into();
    assert_eq!(rows(&world).await, failed, "only the failed rows, in order");
    assert_eq!(world.count("[data-batch-none-failed]").await, 0);

    // The journal's entry counts them alike.
    world.open("#/journal").await;
    world
        .click("ul.journal > li[data-op='batch-stop'] button.entry")
        .await;
    assert_eq!(world.text("ul.journal [data-batch-failures]").await, tally);
    world.open("#/batch").await;
    assert_eq!(
        rows(&world).await,
        failed,
        "the choice is kept with the batch"
    );

    // A batch with no failure, the choice kept: no row, said so.
    world.set("textarea[name='taskNames']", INCR_RUNNING).await;
    world.set("select[name='operation']", "resume").await;
    world.click(SUBMIT).await;
    world.click(CONFIRM).await;
    world
        .wait_until("return document.querySelector('[data-batch-progress]').textContent === '1 of 1 answered, 0 failed.' && !document.querySelector(\"[data-action='cancel-batch']\")")
        .await;
    assert_eq!(world.count("tr[data-outcome]").await, 0);
    assert_eq!(world.count("[data-batch-failures]").await, 0);
    assert_eq!(
        world.text("[data-batch-none-failed]").await,
        "No row has failed."
    );
    world.click("input[name='onlyFailed']").await;
    assert_eq!(
        rows(&world).await,
        vec![(INCR_RUNNING.to_owned(), "success".to_owned())]
    );
    assert_eq!(world.count("[data-batch-none-failed]").await, 0);
    world.finish_allowing_failed_api_calls(true).await;
}

/// A batch stopping 20 tasks, 2 at once, 150 ms each, with two rows answered.
async fn batch_underway() -> World {
    let tasks = fleet(20);
    let names: Vec<String> = tasks.iter().map(|t| t.task_name.clone()).collect();
    let world = World::start_with(Options {
        tasks,
        faults: serde_json::from_value(json!({"latencyMs": 150})).unwrap(),
        ..Options::default()
    })
    .await;
    start_batch(&world, &names, "2").await;
    world
        .wait_until("return document.querySelectorAll('tr[data-outcome]').length >= 2")
        .await;
    world
}

#[tokio::test]
async fn cancelling_a_batch_starts_no_new_request() {
    let world = batch_underway().await;
    world.click("[data-action='cancel-batch']").await;
    world
        .wait_until("return !document.querySelector(\"[data-action='cancel-batch']\")")
        .await;
    assert_eq!(
        world
            .js("return document.activeElement === document.querySelector(\"main form button[type='submit']\")")
            .await,
        json!(true),
        "Cancel, leaving with the batch, gives the focus to Start batch"
    );
    let answered = world.count("tr[data-outcome]").await;
    assert!(answered < 20, "{answered}");
    assert_eq!(
        world.journal().await.len(),
        answered,
        "no request after the cancel"
    );
    assert!(
        world
            .text("[data-batch-progress]")
            .await
            .contains("Cancelled")
    );
    world.faults(json!({})).await;
    world.finish().await;
}

/// Leaving the page of a running batch lets it run on: coming back shows
/// its rows where they stand, every request is journaled, nothing breaks.
#[tokio::test]
async fn a_batch_left_midway_runs_on_and_is_shown_on_coming_back() {
    let world = batch_underway().await;
    world.js("location.hash = '#/journal'; return true").await;
    world.wait_for("[data-journal-count]").await;
    world.js("location.hash = '#/batch'; return true").await;
    world.wait_for("tr[data-task-name]").await;
    assert_eq!(
        world.count("tr[data-task-name]").await,
        20,
        "its rows are shown again"
    );
    world
        .wait_until("return performance.getEntriesByName('oms-batch-end').length > 0")
        .await;
    let crashed = world
        .js("return !!document.querySelector('[data-crashed]')")
        .await;
    assert_eq!(
        crashed,
        Value::Bool(false),
        "{:?}",
        world.console_errors().await
    );
    assert_eq!(world.journal().await.len(), 20, "it ran on to its end");
    world
        .wait_until("return [...document.querySelectorAll('tr[data-task-name]')].every(r => r.dataset.outcome === 'success')")
        .await;
    assert_eq!(world.nav_marks().await, json!([]), "it ended");
    let recorded = world.console_journal().await;
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0]["operation"], "batch-stop");
    assert_eq!(
        recorded[0]["requests"].as_array().unwrap().len(),
        20,
        "every request sent is journaled"
    );
    world.faults(json!({})).await;
    world.finish().await;
}

/// A batch left while it runs is marked on its link with how far it is, on
/// every page (the mark goes when it ends: `a_batch_left_midway_runs_on_…`).
#[tokio::test]
async fn a_running_batch_is_marked_on_its_link() {
    let world = World::start().await;
    world.faults(json!({"next": ["ok", "hang"]})).await;
    let names = [
        INCR_RUNNING.to_owned(),
        INCR_STOPPED.to_owned(),
        FULL_STOPPED.to_owned(),
    ];
    start_batch(&world, &names, "1").await;
    world.wait_for("[data-action='cancel-batch']").await;
    // The first answered, the second hangs: one of three.
    world
        .wait_until("return document.querySelector(\"nav.ops a[href='#/batch'] .nav-mark\")?.textContent === 'running 1/3'")
        .await;
    assert_eq!(
        world.nav_marks().await,
        json!([["#/batch", "running", "running 1/3"]])
    );
    world.open("#/resume").await;
    assert_eq!(
        world.nav_marks().await,
        json!([["#/batch", "running", "running 1/3"]]),
        "seen from another page"
    );
    world.finish_allowing_failed_api_calls(true).await;
}

/// A batch resume with both flags checked is refused before anything is sent.
#[tokio::test]
async fn a_batch_resume_with_both_flags_is_refused_before_sending() {
    let world = batch_resume_with_pull_back().await;
    world.click("input[name='restartFlag']").await;
    assert!(
        world
            .text("p.error[data-check]")
            .await
            .contains("cannot both be set")
    );
    world.click(SUBMIT).await;
    assert_eq!(world.count("dialog[open]").await, 0);
    assert!(world.journal().await.is_empty(), "nothing sent");
    world.finish().await;
}

/// A batch resume with pullBackFlag warns of the tasks that are not
/// Incr-Syncs, naming them: "this task" alone would not say which.
#[tokio::test]
async fn a_batch_check_names_the_tasks_it_concerns() {
    let world = World::start().await;
    world.open("#/batch").await;
    world
        .set(
            "textarea[name='taskNames']",
            &format!("{INCR_STOPPED}\n{FULL_STOPPED}\n{FULL_FINISHED}\n"),
        )
        .await;
    world.set("select[name='operation']", "resume").await;
    world.click("input[name='pullBackFlag']").await;
    assert_eq!(
        world.text("p.warning[data-check]").await,
        format!(
            "pullBackFlag is meant only for an Incr-Sync (incr_trans); this task is not one. \
             It concerns 2 tasks: {FULL_STOPPED}, {FULL_FINISHED}."
        )
    );
    world.click("input[name='pullBackFlag']").await;
    world.click("input[name='restartFlag']").await;
    assert_eq!(
        world.text("p.warning[data-check]").await,
        format!(
            "restartFlag is meant only for a Full-Import (full_trans); this task is not one. \
             It concerns 1 task: {INCR_STOPPED}."
        )
    );
    world.finish().await;
}

/// A batch whose page is reloaded while a row is in flight: that row is
/// journaled interrupted, the rows not sent are not, and the journal says
/// the batch was interrupted with what was answered.
#[tokio::test]
async fn a_batch_left_by_a_reload_is_journaled_interrupted() {
    let world = World::start().await;
    world.faults(json!({"next": ["ok", "hang"]})).await;
    let names = [INCR_RUNNING, FULL_RUNNING, INCR_STOPPED].map(String::from);
    start_batch(&world, &names, "1").await;
    world.wait_for_sim_requests(2).await;
    assert_eq!(world.js(LEAVING_HELD).await, json!(true));
    world.reload().await;
    let stored = world.console_journal().await;
    assert_eq!(
        stored[0]["requests"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (r["taskName"].clone(), r["outcome"].clone()))
            .collect::<Vec<_>>(),
        [
            (json!(INCR_RUNNING), json!("success")),
            (json!(FULL_RUNNING), json!("interrupted"))
        ]
    );
    assert!(
        world
            .text(".notices .notice span")
            .await
            .contains("a request was still waiting for its answer: Batch: Stop 3 tasks."),
        "the next start says so"
    );
    world.reload().await;
    assert_eq!(world.count(".notices .notice").await, 0, "said once");
    world.open("#/journal").await;
    let entry = "li[data-op='batch-stop'][data-outcome='interrupted']";
    assert_eq!(
        world.text(&format!("{entry} [data-batch-tally]")).await,
        "1 answered, 0 failed"
    );
    world.faults(json!({})).await;
    world.finish_allowing_failed_api_calls(true).await;
}
