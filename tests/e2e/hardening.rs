//! Hardening: the strict policy, untrusted text, panics, unreadable storage.

use cm_sim::Options;
use cm_sim::fleet::{Config, State, Task};
use serde_json::{Value, json};

use crate::fleet::INCR_STOPPED;
use crate::harness::{SUBMIT, World};

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
    let weird = "<img/src=x/onerror=alert(1)>\u{202e}javascript:alert(2)\u{200b}";
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
    world.set("input[name='taskName']", weird).await;
    world.click(SUBMIT).await;
    assert_eq!(world.outcome("").await, "success");
    assert_eq!(
        world.answer_field("result").await,
        weird,
        "result shown as text"
    );

    let long = format!("{}<script>alert(3)</script>", "x".repeat(5000));
    world
        .faults(json!({"next": ["internalError"], "errMsg": long, "errorDetail": "<b onmouseover=alert(4)>detail</b> javascript:alert(5)"}))
        .await;
    world.set("input[name='taskName']", INCR_STOPPED).await;
    world.click(SUBMIT).await;
    assert_eq!(world.outcome("").await, "api-error");
    let shown = world
        .js("return [...document.querySelectorAll('section.response dd code')].map(e => e.textContent)")
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

#[tokio::test]
async fn full_storage_never_fails_an_operation() {
    let world = World::start().await;
    world.open("#/resume").await;
    world
        .js("const set = Storage.prototype.setItem;
             Storage.prototype.setItem = function (key, value) {
               if (key === 'oms-console.journal.v1' && value.length > 700) throw new DOMException('full', 'QuotaExceededError');
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
