//! Hardening: the strict policy, untrusted text, panics, unreadable storage.

use cm_sim::Options;
use cm_sim::fleet::{Config, State, Task};
use oms_core::journal::JournalEntry;
use serde_json::{Value, json};

use crate::fleet::INCR_STOPPED;
use crate::harness::{STORED_JOURNAL, SUBMIT, World};

/// A console whose code cannot be fetched (a server or a proxy blocking
/// `.wasm` files, or the JavaScript glue) says so in both languages, with
/// the browser's reason, instead of leaving a blank page.
#[tokio::test]
async fn a_console_that_cannot_load_its_code_says_so() {
    for (blocked, reason) in [
        ("*_bg.wasm", "TypeError: Failed to fetch".to_owned()),
        ("*/oms-console-*.js", "/loader-".to_owned()),
    ] {
        let world = World::start().await;
        world.cdp("Network.enable", json!({})).await;
        world
            .cdp("Network.setBlockedURLs", json!({"urls": [blocked]}))
            .await;
        world
            .client
            .goto(&format!("{}/#/stop", world.sim.url()))
            .await
            .expect("navigates");
        let said = world.text("#boot-failed:not([hidden])").await;
        assert!(
            said.starts_with("The OMS Connector Console could not start: ")
                && said.contains(&reason)
                && said.contains("OMS 连接器控制台无法启动："),
            "{blocked}: {said}"
        );
        assert_eq!(world.count("body[data-ready]").await, 0);
        world
            .finish_allowing(&["Failed to fetch", "oms-console-", "loader-"])
            .await;
    }
    let world = World::start().await;
    world.open("#/stop").await;
    assert_eq!(world.count("#boot-failed[hidden]").await, 1, "started");
    let shown_once_started = "const box = document.getElementById('boot-failed'); \
         box.hidden = false; return getComputedStyle(box).display";
    assert_eq!(
        world.js(shown_once_started).await,
        "none",
        "an error before the start that did not stop it is not left on the page"
    );
    world.finish_quiet().await;
}

/// The console loads and works under its strict policy, and the browser
/// has nothing to warn about (no policy violation, no ignored attribute).
#[tokio::test]
async fn the_console_runs_under_a_strict_content_security_policy() {
    let world = World::start().await;
    world.open("#/resume").await;
    let policy = world
        .js("return document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content")
        .await;
    let policy = policy.as_str().unwrap();
    assert!(
        policy.contains("script-src 'self' 'wasm-unsafe-eval'"),
        "{policy}"
    );
    assert!(
        !policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"),
        "{policy}"
    );
    assert_eq!(world.count("script:not([src])").await, 0);
    world
        .js("window.__violations = 0; document.addEventListener('securitypolicyviolation', () => window.__violations++); return true")
        .await;
    world.set("input[name='taskName']", INCR_STOPPED).await;
    world.click(SUBMIT).await;
    assert_eq!(world.outcome("").await, "success");
    world.open("#/pullback").await;
    world.open("#/journal").await;
    assert_eq!(world.js("return window.__violations").await, 0);
    world.finish_quiet().await;
}

#[tokio::test]
async fn untrusted_text_is_shown_as_text_and_the_layout_holds() {
    // Markup in a name the CM echoes. Invisible characters (a direction
    // override, a zero-width space) are refused in a name typed here, so
    // they come back in the CM's errorDetail below.
    let weird = "<img/src=x/onerror=alert(1)>javascript:alert(2)";
    let world = World::start_with(Options {
        tasks: vec![
            Task {
                task_name: weird.into(),
                state: State::Stopped,
                config: Config::new(),
                position: None,
                progress: None,
            },
            Task {
                task_name: INCR_STOPPED.into(),
                state: State::Stopped,
                config: Config::new(),
                position: None,
                progress: None,
            },
        ],
        ..Options::default()
    })
    .await;
    world.open("#/resume").await;
    world
        .set(
            "input[name='taskName']",
            &format!("{weird}\u{202e}\u{200b}"),
        )
        .await;
    world.click(SUBMIT).await;
    assert_eq!(
        world.text("[data-suggested-name] code").await,
        weird,
        "refused, and offered without them"
    );
    world.click("[data-suggested-name] button").await;
    world.click(SUBMIT).await;
    assert_eq!(world.outcome("").await, "success");
    assert_eq!(
        world.answer_field("result").await,
        weird,
        "result shown as text"
    );

    let long = format!("{}<script>alert(3)</script>", "x".repeat(5000));
    world
        .faults(json!({"next": ["internalError"], "errMsg": long, "errorDetail": "<b onmouseover=alert(4)>detail</b>\u{202e} javascript:alert(5)\u{200b}"}))
        .await;
    world.set("input[name='taskName']", INCR_STOPPED).await;
    world.click(SUBMIT).await;
    assert_eq!(world.outcome("").await, "api-error");
    let shown = world
        .js("return [...document.querySelectorAll('section.response dd code, section.response dd pre')].map(e => e.textContent)")
        .await;
    let shown: Vec<String> = serde_json::from_value(shown).unwrap();
    assert!(shown.contains(&long));
    assert!(shown.iter().any(|s| s.starts_with("<b onmouseover")));
    world
        .assert_shown_as_text("main img, main script, main b")
        .await;
    let overflow = world
        .js("return document.documentElement.scrollWidth - window.innerWidth")
        .await;
    assert!(
        overflow.as_i64().unwrap() <= 0,
        "the page does not scroll sideways: {overflow}"
    );

    world.open("#/journal").await;
    let names = world.js("return [...document.querySelectorAll('ul.journal > li')].map(li => li.dataset.taskName)").await;
    assert_eq!(names, json!([INCR_STOPPED, weird]));
    assert_eq!(world.count("main img").await, 0);
    world.finish().await;
}

#[tokio::test]
async fn a_panic_shows_a_banner_and_keeps_drafts_and_the_journal() {
    let world = World::start().await;
    world.open("#/resume").await;
    world.set("input[name='taskName']", INCR_STOPPED).await;
    world.click(SUBMIT).await;
    assert_eq!(world.outcome("").await, "success");
    world
        .js("try { window.wasmBindings.simulate_panic(); } catch (e) {} return true")
        .await;
    world.wait_for("[data-crashed]").await;
    assert!(world.text("[data-crashed]").await.contains("saved"));
    world.click("[data-crashed] a").await;
    world.wait_for("body[data-ready='true']").await;
    assert_eq!(world.count("[data-crashed]").await, 0);
    let value = world.value("input[name='taskName']").await;
    assert_eq!(value, INCR_STOPPED, "the draft survived");
    world.open("#/journal").await;
    assert_eq!(world.count("ul.journal > li").await, 1);
    world
        .finish_allowing(&["simulated panic", "unreachable", "RuntimeError"])
        .await;
}

#[tokio::test]
async fn unreadable_stored_data_is_set_aside_not_overwritten() {
    let world = World::start().await;
    world.open("#/resume").await;
    world
        .js("localStorage.setItem('oms-console.journal.v1', '{not json'); localStorage.setItem('oms-console.drafts.v1', '{\"version\":99}'); return true")
        .await;
    world.reload().await;
    // The journal kept by an earlier version is read by code fetched for it.
    world
        .wait_until("return document.querySelectorAll('.notices .notice span').length === 2")
        .await;
    let notices = world
        .js("return [...document.querySelectorAll('.notices .notice span')].map(s => s.textContent.replace(/unreadable-[0-9]+/, 'unreadable-N'))")
        .await;
    assert_eq!(
        notices,
        json!([
            "The stored form fields could not be read. It is of version 99, which this console cannot read. It was set aside as oms-console.drafts.v1.unreadable-N; the console started without it.",
            "The stored journal could not be read. It is not JSON (key must be a string at line 1 column 2). It was set aside as oms-console.journal.v1.unreadable-N; the console started without it.",
        ]),
        "each notice says in words what was set aside, why and where"
    );
    let aside = world
        .js("return Object.keys(localStorage).filter(k => k.includes('.unreadable-')).map(k => localStorage.getItem(k)).sort()")
        .await;
    assert_eq!(aside, json!(["{\"version\":99}", "{not json"]));
    world.set("input[name='taskName']", INCR_STOPPED).await;
    world.click(SUBMIT).await;
    assert_eq!(
        world.outcome("").await,
        "success",
        "the console works afresh"
    );
    world.finish().await;
}

/// A stored entry of the journal in format 1 (one key for all), as an
/// earlier version wrote it.
fn v1_entry(id: u64, operation: &str, task_name: &str) -> Value {
    json!({
        "id": id,
        "atMs": 1_700_000_000_000.0 + id as f64,
        "profile": "This origin",
        "operation": operation,
        "taskName": task_name,
        "requests": [{
            "taskName": task_name, "step": "", "method": "POST",
            "path": format!("/connector/task/v2/{operation}"),
            "params": [["taskName", task_name]], "body": null,
            "outcome": "success", "status": 200, "errCode": null, "errMsg": null,
            "result": task_name, "latencyMs": 5
        }]
    })
}

/// The journal an earlier version kept under one key is stored again entry
/// by entry, and nothing of it is lost.
#[tokio::test]
async fn a_journal_kept_by_an_earlier_version_is_stored_entry_by_entry() {
    let world = World::start().await;
    world.open("#/resume").await;
    let v1 = json!({
        "version": 1,
        "entries": [v1_entry(1, "stop", "t1"), v1_entry(2, "resume", "t1")],
        "clearedAtMs": 1_600_000_000_000.0
    });
    world
        .client
        .execute(
            "localStorage.setItem('oms-console.journal.v1', arguments[0]); return true",
            vec![json!(v1.to_string())],
        )
        .await
        .unwrap();
    world.reload().await;
    world
        .wait_until(&format!("return {STORED_JOURNAL}.length === 2"))
        .await;
    let entries = |value: Value| serde_json::from_value::<Vec<JournalEntry>>(value).unwrap();
    assert_eq!(
        entries(json!(world.console_journal().await)),
        entries(v1["entries"].clone()),
        "every entry, as it was"
    );
    assert_eq!(
        world
            .js("return localStorage.getItem('oms-console.journal.v1')")
            .await,
        Value::Null
    );
    world.open("#/journal").await;
    assert_eq!(world.count("ul.journal > li").await, 2);
    assert_eq!(world.count(".notices .notice").await, 0);
    world.finish().await;
}

/// Starting the console reads no journal entry: one that cannot be read is
/// found, set aside and named when the journal is shown, and the others
/// are listed.
#[tokio::test]
async fn an_unreadable_journal_entry_is_set_aside_when_the_journal_is_shown() {
    let world = World::start().await;
    world.open("#/resume").await;
    world
        .client
        .execute(
            "localStorage.setItem('oms-console.journal.v2.001700000000000.5', '{not json');
             localStorage.setItem('oms-console.journal.v2.001700000000007.7', arguments[0]);
             return true",
            vec![json!(v1_entry(7, "stop", "t7").to_string())],
        )
        .await
        .unwrap();
    world.reload().await;
    assert_eq!(
        world.count(".notices .notice").await,
        0,
        "nothing of the journal is read to start"
    );
    world.open("#/journal").await;
    assert_eq!(
        world
            .js("return document.querySelector('.notices .notice span').textContent.replace(/unreadable-[0-9]+/, 'unreadable-N')")
            .await,
        "A stored journal entry could not be read. It is not JSON (key must be a string at line 1 column 2). It was set aside as oms-console.journal.v2.001700000000000.5.unreadable-N."
    );
    assert_eq!(
        world
            .js("return Object.keys(localStorage).filter(k => k.includes('.unreadable-')).map(k => localStorage.getItem(k))")
            .await,
        json!(["{not json"])
    );
    assert_eq!(
        world.count("ul.journal > li").await,
        1,
        "the readable entry"
    );
    world.finish().await;
}

/// Storage that takes no journal entry at all (here with only a copy of an
/// unreadable entry set aside, which is not an entry to drop): every
/// operation is sent, and the journal is kept for the page.
#[tokio::test]
async fn storage_without_room_for_the_journal_never_fails_an_operation() {
    let world = World::start().await;
    world.open("#/resume").await;
    world
        .js("localStorage.setItem('oms-console.journal.v2.001700000000000.5.unreadable-1', '{not json');
             const set = Storage.prototype.setItem;
             Storage.prototype.setItem = function (key, value) {
               if (key.startsWith('oms-console.journal.v2.') && !key.includes('unreadable'))
                 throw new DOMException('full', 'QuotaExceededError');
               return set.call(this, key, value);
             };
             return true")
        .await;
    world.set("input[name='taskName']", INCR_STOPPED).await;
    world.click(SUBMIT).await;
    assert_eq!(world.outcome("").await, "success");
    world
        .wait_until("return [...document.querySelectorAll('.notice')].some(n => n.textContent.includes('storage is unavailable'))")
        .await;
    world.click(SUBMIT).await;
    world
        .wait_until(
            "const answer = document.querySelector('section.response[data-outcome]'); return !!answer && answer.dataset.outcome === 'api-error'",
        )
        .await;
    assert_eq!(world.journal().await.len(), 2, "every operation was sent");
    world.open("#/journal").await;
    assert_eq!(world.count("ul.journal > li").await, 2, "kept for the page");
    world.finish().await;
}

#[tokio::test]
async fn full_storage_never_fails_an_operation() {
    let world = World::start().await;
    world.open("#/resume").await;
    // Room for two journal entries.
    world
        .js("const set = Storage.prototype.setItem;
             const entry = k => k.startsWith('oms-console.journal.v2.');
             Storage.prototype.setItem = function (key, value) {
               if (entry(key) && this.getItem(key) === null && Object.keys(this).filter(entry).length >= 2)
                 throw new DOMException('full', 'QuotaExceededError');
               return set.call(this, key, value);
             };
             return true")
        .await;
    world.set("input[name='taskName']", INCR_STOPPED).await;
    for (i, expected) in ["success", "api-error", "api-error"]
        .into_iter()
        .enumerate()
    {
        world.click(SUBMIT).await;
        let answered = format!(
            "const done = arguments[arguments.length - 1];
             const check = () => performance.getEntriesByName('oms-answer').length > {i} ? done(true) : setTimeout(check, 10);
             check();"
        );
        world.js_async(&answered).await;
        assert_eq!(world.outcome("").await, expected);
    }
    world
        .wait_until("return [...document.querySelectorAll('.notice')].some(n => n.textContent.includes('storage is full'))")
        .await;
    world
        .wait_until(&format!(
            "const j = {STORED_JOURNAL}; return j.length === 2 && j.every(e => e.requests.length === 1)"
        ))
        .await;
    let kept: Vec<Value> = world
        .console_journal()
        .await
        .iter()
        .map(|e| e["requests"][0]["outcome"].clone())
        .collect();
    assert_eq!(
        kept,
        [json!("api-error"), json!("api-error")],
        "the oldest entry made room for the newest"
    );
    let notices = world
        .js("return [...document.querySelectorAll('.notice')].map(n => n.textContent)")
        .await;
    let full: Vec<&Value> = notices
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n.as_str().unwrap().contains("storage is full"))
        .collect();
    assert_eq!(full.len(), 1, "said once: {notices}");
    assert_eq!(world.journal().await.len(), 3, "every operation was sent");
    world.finish().await;
}
