//! The fault matrix: every fault the simulator can inject (and a CM that is
//! down, and a slow success), against every operation and each of the
//! pullback's three steps. Each cell checks the outcome class and its
//! explanation, that every field is kept, that nothing is sent again, and
//! that the journal holds it.

use serde_json::{Value, json};

use crate::fleet::{
    FULL_FINISHED, FULL_STOPPED, INCR_RUNNING, INCR_RUNNING_SUBTOPIC, INCR_STOPPED,
};
use crate::harness::{SUBMIT, World};

const CONFIRM: &str = "dialog[open] button[type='submit']";

/// The single-request operations, in an order in which each succeeds when no fault is injected.
const OPERATIONS: [&str; 5] = ["resume", "stop", "update", "migrate", "delete"];

/// A fault class: what the simulator does, and what the console must show.
struct Case {
    /// The fault settings; `next` holds the fault for one request.
    fault: Value,
    /// The outcome class the console must show.
    class: &'static str,
    /// Whether the simulator may see the request more than once: Chromium
    /// resends a request silently (once per idle keep-alive connection) when
    /// a reused connection closes before any answer; the simulator drops
    /// those resends too, and the console itself sends once.
    resent: bool,
}

impl Case {
    /// The fault settings for the request at `index` (0-based) of a sequence.
    fn settings_at(&self, index: usize) -> Value {
        let mut settings = self.fault.clone();
        if let Some(fault) = self.fault["next"].get(0).cloned() {
            let mut next = vec![json!("ok"); index];
            next.push(fault);
            settings["next"] = Value::Array(next);
        }
        settings
    }
}

/// The form's field values, but the checkpoint builder's paste fields (helpers
/// that fill other fields, not kept).
fn field_values_script() -> &'static str {
    "return [...document.querySelectorAll('main form:not(dialog form) [name]')].filter(e => !['epochInput', 'subtopicsFrom'].includes(e.name)).map(e => e.type === 'checkbox' ? String(e.checked) : e.value)"
}

/// Fills an operation's form; returns nothing, the caller submits.
async fn fill(world: &World, operation: &str) {
    world.open(&format!("#/{operation}")).await;
    match operation {
        "resume" => world.set("input[name='taskName']", INCR_STOPPED).await,
        "stop" => world.set("input[name='taskName']", INCR_STOPPED).await,
        "update" => {
            world.set("input[name='taskName']", INCR_STOPPED).await;
            if world
                .js("return document.querySelectorAll(\"input[name='deleteParams']\").length")
                .await
                == 0
            {
                world.click("fieldset.delete-params > button").await;
                world.click("fieldset.config-editor .rows > button").await;
            }
            world
                .set("input[name='deleteParams']", "sink.batchSize")
                .await;
            world.set("input[name='scope']", "sink").await;
            world.set("input[name='key']", "workerNum").await;
            world.set("textarea[name='value']", "3").await;
        }
        "migrate" => {
            world.set("input[name='taskName']", FULL_STOPPED).await;
            world.set("input[name='ip']", "10.0.0.9").await;
        }
        "delete" => world.set("input[name='taskName']", FULL_FINISHED).await,
        _ => unreachable!(),
    }
}

async fn submit(world: &World, operation: &str) {
    world.click(SUBMIT).await;
    match operation {
        "stop" => world.click(CONFIRM).await,
        "migrate" | "delete" => {
            let name = world.value("input[name='taskName']").await;
            world
                .set(
                    "dialog[open] input[name='confirmTaskName']",
                    name.as_str().unwrap(),
                )
                .await;
            world.click(CONFIRM).await;
        }
        _ => {}
    }
}

/// Checks what every cell must show once the answer (or its absence) is in.
async fn check_answer(world: &World, scope: &str, class: &str) {
    assert_eq!(world.outcome(scope).await, class, "{scope}");
    let explanation = world
        .text(&format!("{scope} section.response .explanation"))
        .await;
    assert!(!explanation.is_empty());
    if class == "timeout" {
        assert!(
            world
                .text(&format!("{scope} section.response"))
                .await
                .contains("may have applied")
        );
    }
}

/// One single-request cell.
async fn single(world: &World, case: &Case, operation: &str, cm_alive: bool) {
    if cm_alive {
        world.clear_journal().await;
        world.faults(case.settings_at(0)).await;
    }
    fill(world, operation).await;
    let before = world.js(field_values_script()).await;
    let journal_before = world.console_journal().await.len();
    submit(world, operation).await;
    if cm_alive && world.outcome("").await != case.class {
        panic!("{operation}: {:#?}", world.journal().await);
    }
    check_answer(world, "", case.class).await;
    assert_eq!(
        world.js(field_values_script()).await,
        before,
        "{operation}: every field kept"
    );
    if cm_alive {
        let received = world.journal().await;
        assert!(!received.is_empty(), "{operation}: received");
        if case.resent {
            assert!(
                received.iter().all(|r| r["status"].is_null()),
                "{operation}: every resend dropped"
            );
        } else {
            assert_eq!(received.len(), 1, "{operation}: sent once, not again");
        }
        world.faults(json!({})).await;
    }
    let journal = world.console_journal().await;
    assert_eq!(journal.len(), journal_before + 1, "{operation}: journaled");
    let entry = journal.last().unwrap();
    assert_eq!(entry["operation"], operation);
    assert_eq!(entry["requests"][0]["outcome"], case.class, "{operation}");
}

/// Checks a pullback halted (or, for a success, finished) with `class` at `step`.
async fn check_pullback(
    world: &World,
    step: usize,
    class: &str,
    sent: Option<std::ops::RangeInclusive<usize>>,
) {
    let scope = format!("li.step[data-step='{step}']");
    check_answer(world, &scope, class).await;
    if class == "success" {
        world.wait_for("[data-pullback-done]").await;
    } else {
        world.wait_for(&format!("[data-halted-at='{step}']")).await;
        assert!(!world.text("[data-standing]").await.is_empty());
    }
    let fields = world.js(field_values_script()).await;
    assert_eq!(
        fields,
        json!([
            INCR_RUNNING,
            "2023-02-13",
            "19:00:00",
            "UTC+08:00",
            INCR_RUNNING_SUBTOPIC,
            "1676286000"
        ])
    );
    if let Some(range) = sent {
        let received = world.journal().await.len();
        assert!(
            range.contains(&received),
            "step {step}: nothing sent after the halt ({received})"
        );
    }
    let journal = world.console_journal().await;
    let entry = journal.last().unwrap();
    assert_eq!(entry["operation"], "pullback");
    let requests = entry["requests"].as_array().unwrap();
    assert_eq!(requests.len(), step, "the journal holds each step sent");
    assert_eq!(requests[step - 1]["outcome"], class);
}

/// Every cell of one fault class (the CM up), in a world of its own.
async fn matrix(case: Case) {
    let world = World::start().await;
    matrix_in(&world, &case).await;
    world.finish_allowing_failed_api_calls(true).await;
}

/// Every cell of one fault class in `world`.
async fn matrix_in(world: &World, case: &Case) {
    for operation in OPERATIONS {
        single(world, case, operation, true).await;
    }
    for step in 1..=3 {
        world.reset_sim().await;
        world.faults(case.settings_at(step - 1)).await;
        world.start_reference_pullback().await;
        let most = if case.resent { usize::MAX } else { step };
        check_pullback(world, step, case.class, Some(step..=most)).await;
        world.faults(json!({})).await;
    }
}

#[tokio::test]
async fn dropped_connections() {
    matrix(Case {
        fault: json!({"next": ["drop"]}),
        class: "network",
        resent: true,
    })
    .await;
}

#[tokio::test]
async fn http_500_with_an_html_page() {
    matrix(Case {
        fault: json!({"next": ["http500Html"]}),
        class: "http-error",
        resent: false,
    })
    .await;
}

#[tokio::test]
async fn http_502_with_no_body() {
    matrix(Case {
        fault: json!({"next": ["http502Empty"]}),
        class: "http-error",
        resent: false,
    })
    .await;
}

#[tokio::test]
async fn malformed_json() {
    matrix(Case {
        fault: json!({"next": ["malformedJson"]}),
        class: "not-json",
        resent: false,
    })
    .await;
}

#[tokio::test]
async fn internal_errors() {
    matrix(Case {
        fault: json!({"next": ["internalError"]}),
        class: "api-error",
        resent: false,
    })
    .await;
}

#[tokio::test]
async fn a_hang_past_the_consoles_time_limit() {
    let world = World::start().await;
    world.open("#/resume").await;
    let profiles = json!({"version": 1, "active": "fast", "profiles": [{"name": "fast", "baseUrl": "", "timeoutMs": 1000}]});
    world
        .js(&format!(
            "localStorage.setItem('oms-console.profiles.v1', {}); return true",
            serde_json::to_string(&profiles.to_string()).unwrap()
        ))
        .await;
    world.reload().await;
    let case = Case {
        fault: json!({"next": ["hang"]}),
        class: "timeout",
        resent: false,
    };
    matrix_in(&world, &case).await;
    world.finish_allowing_failed_api_calls(true).await;
}

#[tokio::test]
async fn a_slow_but_successful_cm() {
    let world = World::start().await;
    let case = Case {
        fault: json!({"latencyMs": 1200}),
        class: "success",
        resent: false,
    };
    for operation in OPERATIONS {
        single(&world, &case, operation, true).await;
    }
    world.reset_sim().await;
    world.faults(case.fault.clone()).await;
    world.start_reference_pullback().await;
    world.wait_for("main form button[aria-busy='true']").await;
    for step in 1..=3 {
        assert_eq!(
            world.outcome(&format!("li.step[data-step='{step}']")).await,
            "success"
        );
    }
    check_pullback(&world, 3, "success", Some(3..=3)).await;
    world.finish().await;
}

#[tokio::test]
async fn a_cm_that_is_down() {
    let case = Case {
        fault: json!({}),
        class: "network",
        resent: false,
    };
    let world = World::start().await;
    // The operator has had every page open: the pages split off the main
    // module come from the console's server, here the simulator itself.
    for page in ["update", "pullback", "resume"] {
        world.open(&format!("#/{page}")).await;
    }
    world.sim.stop();
    for operation in OPERATIONS {
        single(&world, &case, operation, false).await;
    }
    world.start_reference_pullback().await;
    check_pullback(&world, 1, "network", None).await;
    world
        .finish_allowing(&["/connector/task/v2/", "ERR_CONNECTION_REFUSED"])
        .await;

    for step in 2..=3 {
        let world = World::start().await;
        let mut next = vec![json!("ok"); step - 1];
        next.push(json!("internalError"));
        world.faults(json!({"next": next})).await;
        world.start_reference_pullback().await;
        world.wait_for(&format!("[data-halted-at='{step}']")).await;
        world.sim.stop();
        world.click("[data-action='retry-step']").await;
        let scope = format!("li.step[data-step='{step}']");
        world
            .wait_for(&format!("{scope} section.response[data-outcome='network']"))
            .await;
        check_answer(&world, &scope, "network").await;
        let journal = world.console_journal().await;
        let requests = journal.last().unwrap()["requests"]
            .as_array()
            .unwrap()
            .clone();
        assert_eq!(
            requests.len(),
            step + 1,
            "the failed try and the refused retry are journaled"
        );
        assert_eq!(requests[step]["outcome"], "network");
        world
            .finish_allowing(&["/connector/task/v2/", "ERR_CONNECTION_REFUSED"])
            .await;
    }
}

/// A CM's `errorDetail` is often a Java stack trace: its lines are kept,
/// and its height bounded, so that *Retry* after it stays near; the
/// journal keeps it too.
#[tokio::test]
async fn a_stack_trace_keeps_its_lines_and_retry_stays_near() {
    let world = World::start().await;
    let detail =
        std::iter::once("java.lang.IllegalStateException: supervisor unreachable".to_owned())
            .chain((0..60).map(|i| {
                format!("\tat com.oceanbase.oms.SupervisorClient.call(SupervisorClient.java:{i})")
            }))
            .collect::<Vec<_>>()
            .join("\n");
    world
        .faults(json!({"next": ["internalError"], "errorDetail": detail}))
        .await;
    world.open("#/resume").await;
    world.set("input[name='taskName']", INCR_STOPPED).await;
    world.click(SUBMIT).await;
    assert_eq!(world.outcome("").await, "api-error");
    assert_eq!(world.answer_field("errorDetail").await, json!(detail));
    let shown = world
        .js(
            "const pre = document.querySelector('section.response pre.detail'); \
             const retry = document.querySelector(\"section.response [data-action='retry']\"); \
             return [getComputedStyle(pre).whiteSpace, pre.scrollHeight > pre.clientHeight, \
                     retry.getBoundingClientRect().top - pre.getBoundingClientRect().top < 400]",
        )
        .await;
    assert_eq!(shown, json!(["pre-wrap", true, true]));
    world.open("#/journal").await;
    world
        .click("ul.journal > li:nth-child(1) button.entry")
        .await;
    assert_eq!(
        world
            .js("return document.querySelector('.entry-details pre.detail').textContent")
            .await,
        json!(format!("{}…", &detail[..2_000])),
        "the journal keeps its start for whoever reads the incident later"
    );
    world.finish_allowing_failed_api_calls(true).await;
}
