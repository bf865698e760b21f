//! Every single-request operation, end to end: what the simulator receives
//! and what the page shows.

use cm_sim::Options;
use serde_json::{Value, json};

use crate::fleet::{FULL_FINISHED, INCR_RUNNING, INCR_STOPPED};
use crate::harness::{LEAVING_HELD, SUBMIT, World, decoded_query, pairs};

const CONFIRM: &str = "dialog[open] button[type='submit']";
const CONFIRM_NAME: &str = "dialog[open] input[name='confirmTaskName']";

#[tokio::test]
async fn resume_sends_the_task_name_alone_and_shows_the_answer() {
    let world = World::start().await;
    world.open("#/resume").await;
    world.set("input[name='taskName']", INCR_STOPPED).await;
    assert_eq!(world.text("dl.parts .badge").await, "Incr-Sync");
    world.click(SUBMIT).await;
    assert_eq!(world.outcome("").await, "success");
    let journal = world.journal().await;
    assert_eq!(journal.len(), 1);
    assert_eq!(journal[0]["method"], "POST");
    assert_eq!(journal[0]["path"], "/connector/task/v2/resume");
    assert_eq!(
        decoded_query(&journal[0]),
        pairs(&[("taskName", INCR_STOPPED)])
    );
    assert_eq!(journal[0]["body"], Value::Null);
    assert_eq!(
        journal[0]["cacheControl"], "no-cache",
        "sent with the cache off (fetch's no-store)"
    );
    assert_eq!(world.answer_field("result").await, INCR_STOPPED);
    assert_eq!(world.task(INCR_STOPPED).await.unwrap()["state"], "RUNNING");
    world.finish().await;
}

/// When an answer came is said in the browser's time with its offset from
/// UTC: an operator in Shanghai and a colleague reading a screenshot in
/// another zone read the same instant.
#[tokio::test]
async fn an_answer_says_when_it_came_with_the_offset_from_utc() {
    let world = World::start_in(Options::default(), "en-US", "Asia/Shanghai").await;
    world.open("#/resume").await;
    world.set("input[name='taskName']", INCR_STOPPED).await;
    world.click(SUBMIT).await;
    assert_eq!(world.outcome("").await, "success");
    let at = world.answer_field("At").await;
    let at = at.as_str().unwrap_or_default();
    assert!(at.ends_with(" UTC+08:00"), "{at}");
    assert_eq!(at.len(), "2026-11-24 22:27:10 UTC+08:00".len(), "{at}");
    world.finish().await;
}

/// The answer names the request it answers and says so once the form no
/// longer holds that request: one task's answer cannot be read as another's.
#[tokio::test]
async fn an_answer_names_its_request_and_is_marked_once_the_form_changes() {
    let world = World::start().await;
    world.open("#/resume").await;
    world.set("input[name='taskName']", INCR_STOPPED).await;
    world.click(SUBMIT).await;
    assert_eq!(world.outcome("").await, "success");
    assert_eq!(
        world.answer_field("Request").await,
        format!(
            "POST {}/connector/task/v2/resume?taskName={INCR_STOPPED}",
            world.sim.url()
        )
    );
    let stale = "return document.querySelectorAll('[data-answer-stale]').length === 1";
    assert_eq!(world.js(stale).await, false);
    world.set("input[name='taskName']", INCR_RUNNING).await;
    world.wait_until(stale).await;
    world.click("input[name='pullBackFlag']").await;
    world.set("input[name='taskName']", INCR_STOPPED).await;
    assert_eq!(world.js(stale).await, true, "a flag differs");
    world.click("input[name='pullBackFlag']").await;
    world
        .wait_until("return !document.querySelector('[data-answer-stale]')")
        .await;
    assert_eq!(world.outcome("").await, "success", "the answer stays");
    assert_eq!(world.journal().await.len(), 1, "nothing more was sent");
    world.finish().await;
}

/// Sending again clears the previous answer at once, so it cannot be read
/// as the new request's while that is in flight; Cancel ends it.
#[tokio::test]
async fn a_new_send_clears_the_previous_answer_and_cancel_ends_it() {
    let world = World::start().await;
    world.open("#/resume").await;
    world.set("input[name='taskName']", INCR_STOPPED).await;
    world.click(SUBMIT).await;
    assert_eq!(world.outcome("").await, "success");
    world.faults(json!({"latencyMs": 60000})).await;
    world.click(SUBMIT).await;
    world
        .wait_for("main form button[type='submit'][aria-busy='true']")
        .await;
    assert_eq!(
        world.count("section.response[data-outcome]").await,
        0,
        "the previous answer is gone"
    );
    world.click("main form .actions button.secondary").await;
    assert_eq!(world.outcome("").await, "cancelled");
    assert_eq!(world.console_journal().await.len(), 2, "both journaled");
    world.faults(json!({})).await;
    world.finish_allowing_failed_api_calls(true).await;
}

/// A stop of the running Incr-Sync sent and confirmed, which the CM does
/// not answer.
async fn stop_left_unanswered() -> World {
    let world = World::start().await;
    world.open("#/stop").await;
    world.set("input[name='taskName']", INCR_RUNNING).await;
    world.faults(json!({"next": ["hang"]})).await;
    world.click(SUBMIT).await;
    world.click(CONFIRM).await;
    world
}

/// Send keeps the focus while its request is in flight, after its Cancel
/// and after its answer, confirmed or not: an operator at the keyboard goes
/// on from where they were, not from the top of the page.
#[tokio::test]
async fn send_keeps_the_focus_through_its_request() {
    let world = stop_left_unanswered().await;
    let focused = "return document.activeElement === document.querySelector(\"main form button[type='submit']\")";
    world
        .wait_for("main form button[type='submit'][aria-busy='true'][aria-disabled='true']")
        .await;
    assert_eq!(world.js(focused).await, json!(true), "confirmed, in flight");
    world.click("main form .actions button.secondary").await;
    assert_eq!(world.outcome("").await, "cancelled");
    assert_eq!(world.js(focused).await, json!(true), "cancelled");
    world.open("#/resume").await;
    world.set("input[name='taskName']", INCR_STOPPED).await;
    world
        .wait_for(SUBMIT)
        .await
        .send_keys("\u{E007}")
        .await
        .expect("types");
    assert_eq!(world.outcome("").await, "success");
    assert_eq!(world.js(focused).await, json!(true), "answered");
    world.finish_allowing_failed_api_calls(true).await;
}

/// A form's request and answer outlive the page: coming back shows the
/// request still in flight (nothing else can be sent meanwhile), then its
/// answer.
#[tokio::test]
async fn coming_back_to_a_form_shows_its_request_and_answer() {
    let world = stop_left_unanswered().await;
    let busy = "main form button[type='submit'][aria-busy='true']";
    world.wait_for(busy).await;
    world.open("#/journal").await;
    assert_eq!(
        world.nav_marks().await,
        json!([["#/stop", "running", "running"]]),
        "the request in flight is seen from another page"
    );
    world.open("#/stop").await;
    world.wait_for(busy).await;
    world.click(SUBMIT).await;
    assert_eq!(
        world.count("dialog[open]").await,
        0,
        "nothing else can be sent while it is in flight"
    );
    world.click("main form .actions button.secondary").await;
    assert_eq!(world.outcome("").await, "cancelled");
    world.open("#/resume").await;
    assert_eq!(world.nav_marks().await, json!([]), "nothing runs any more");
    world.open("#/stop").await;
    assert_eq!(world.outcome("").await, "cancelled", "the answer is kept");
    assert_eq!(world.journal().await.len(), 1, "sent once");
    world.finish_allowing_failed_api_calls(true).await;
}

/// A request still in flight when the page is reloaded: the browser is
/// asked to hold the page first, and the journal says the request was
/// interrupted, not pending for ever.
#[tokio::test]
async fn a_request_left_in_flight_by_a_reload_is_journaled_interrupted() {
    let world = World::start().await;
    world.open("#/stop").await;
    assert_eq!(
        world.js(LEAVING_HELD).await,
        json!(false),
        "nothing under way"
    );
    world.set("input[name='taskName']", INCR_RUNNING).await;
    world.faults(json!({"next": ["hang"]})).await;
    world.click(SUBMIT).await;
    world.click(CONFIRM).await;
    world
        .wait_for("main form button[type='submit'][aria-busy='true']")
        .await;
    assert_eq!(
        world.js(LEAVING_HELD).await,
        json!(true),
        "a request in flight"
    );
    world.wait_for_sim_requests(1).await;
    world.reload().await;
    assert_eq!(
        world.js(LEAVING_HELD).await,
        json!(false),
        "nothing runs after it"
    );
    assert_eq!(
        world.text(".notices .notice span").await,
        format!(
            "When the console was last closed or reloaded, a request was still waiting for its \
             answer: Stop {INCR_RUNNING}. The CM may have acted on it: check the task's state \
             before sending it again. The journal has it as interrupted."
        )
    );
    let stored = world.console_journal().await;
    assert_eq!(stored.len(), 1);
    let request = &stored[0]["requests"][0];
    assert_eq!(request["outcome"], "interrupted");
    assert_eq!(request["path"], "/connector/task/v2/stop");
    assert_eq!(request["params"], json!([["taskName", INCR_RUNNING]]));
    assert_eq!(request["status"], Value::Null);
    world.open("#/journal").await;
    world
        .click("ul.journal > li[data-op='stop'][data-outcome='interrupted'] button.entry")
        .await;
    assert_eq!(
        world.text("[data-interrupted]").await,
        "The page was closed or reloaded before the CM answered. The CM may have acted on the \
         request: check the task's state before sending it again."
    );
    world
        .set("select[name='filterOutcome']", "interrupted")
        .await;
    assert_eq!(world.count("ul.journal > li").await, 1);
    world.faults(json!({})).await;
    world.finish_allowing_failed_api_calls(true).await;
}

/// A request for the task still in flight from another page (here a stop
/// the CM has not answered): a resume of the same task would race it, so
/// the resume page says so and sends on a second click only. The pullback
/// page says so too; another task's form does not.
#[tokio::test]
async fn a_request_for_a_task_under_way_elsewhere_needs_a_second_click() {
    let world = stop_left_unanswered().await;
    world.wait_for_sim_requests(1).await;
    let under_way = "This task has a request still waiting for its answer (Stop, sent from its \
                     page). Sent now, this one may race it: wait for that answer first.";
    world.open("#/pullback").await;
    assert!(world.text("ul.warnings").await.contains(under_way));
    world.open("#/resume").await;
    world.click(SUBMIT).await;
    assert_eq!(world.text("ul.warnings.acknowledge li").await, under_way);
    assert_eq!(world.journal().await.len(), 1, "the first click held");
    world.set("input[name='taskName']", INCR_STOPPED).await;
    assert_eq!(world.count("ul.warnings").await, 0, "another task");
    world.set("input[name='taskName']", INCR_RUNNING).await;
    world.click(SUBMIT).await;
    world.click(SUBMIT).await;
    world.wait_for_sim_requests(2).await;
    let journal = world.journal().await;
    assert_eq!(journal[1]["path"], "/connector/task/v2/resume");
    world.faults(json!({})).await;
    world.finish_allowing_failed_api_calls(true).await;
}

#[tokio::test]
async fn a_double_click_sends_once() {
    let world = World::start().await;
    world.faults(json!({"latencyMs": 300})).await;
    world.open("#/resume").await;
    world.set("input[name='taskName']", INCR_STOPPED).await;
    world
        .js("const b = document.querySelector(\"main form button[type='submit']\"); b.click(); b.click(); return true")
        .await;
    assert_eq!(world.outcome("").await, "success");
    assert_eq!(world.journal().await.len(), 1);
    world.finish().await;
}

/// A task name copied from an answer's JSON comes with its quotes: the
/// field offers the name inside, and sends nothing until it is used.
#[tokio::test]
async fn a_name_copied_with_its_json_is_offered_clean() {
    let world = World::start().await;
    world.open("#/resume").await;
    let copied = format!("\"result\": \"{INCR_STOPPED}\",");
    world.set("input[name='taskName']", &copied).await;
    assert_eq!(world.text("[data-suggested-name] code").await, INCR_STOPPED);
    world.click("[data-suggested-name] button").await;
    assert_eq!(world.value("input[name='taskName']").await, INCR_STOPPED);
    assert_eq!(world.text("dl.parts .badge").await, "Incr-Sync");
    assert_eq!(
        world.count("[data-suggested-name]").await,
        0,
        "nothing more to offer"
    );
    assert!(world.journal().await.is_empty(), "using it sends nothing");
    world.click(SUBMIT).await;
    assert_eq!(world.outcome("").await, "success");
    assert_eq!(
        decoded_query(&world.journal().await[0]),
        pairs(&[("taskName", INCR_STOPPED)])
    );
    world.finish().await;
}

/// A name copied from a chat with a zero-width space in it would be sent
/// with it, unseen, and found by no CM; one typed with an input method's
/// full-width colons is no name. The field refuses the first, and offers
/// both in plain characters.
#[tokio::test]
async fn a_name_with_invisible_or_full_width_characters_is_offered_plain() {
    let world = World::start().await;
    world.open("#/stop").await;
    world
        .set("input[name='taskName']", &format!("{INCR_RUNNING}\u{200B}"))
        .await;
    assert_eq!(
        world.text("#taskNameHelp .error").await,
        format!(
            "The task name contains white space, or a control or invisible character (U+200B), at position {}.",
            INCR_RUNNING.len() + 1
        )
    );
    assert!(
        world
            .text("[data-suggested-name]")
            .await
            .starts_with("Typed with characters no task name holds")
    );
    assert_eq!(world.text("[data-suggested-name] code").await, INCR_RUNNING);
    world.click(SUBMIT).await;
    assert_eq!(world.count("dialog[open]").await, 0, "nothing to confirm");
    world
        .set("input[name='taskName']", &INCR_RUNNING.replace(':', "："))
        .await;
    assert_eq!(world.text("[data-suggested-name] code").await, INCR_RUNNING);
    world.click("[data-suggested-name] button").await;
    assert_eq!(world.value("input[name='taskName']").await, INCR_RUNNING);
    assert_eq!(world.text("dl.parts .badge").await, "Incr-Sync");
    assert!(world.journal().await.is_empty(), "nothing sent");
    world.finish().await;
}

/// A name pasted into the field that already held it runs the two
/// together: the field says so instead of reading a project out of the
/// middle, and offers the one name.
#[tokio::test]
async fn a_name_pasted_after_itself_is_said_run_together() {
    let world = World::start().await;
    world.open("#/stop").await;
    world.set("input[name='taskName']", INCR_RUNNING).await;
    world
        .wait_for("input[name='taskName']")
        .await
        .send_keys(INCR_RUNNING)
        .await
        .expect("types after the name");
    assert_eq!(
        world.value("input[name='taskName']").await,
        format!("{INCR_RUNNING}{INCR_RUNNING}")
    );
    assert!(
        world
            .text("[data-names-run-together]")
            .await
            .starts_with("This holds more than one task name run together")
    );
    assert_eq!(world.count("[data-understood]").await, 0);
    assert_eq!(world.text("[data-suggested-name] code").await, INCR_RUNNING);
    world.click("[data-suggested-name] button").await;
    assert_eq!(world.value("input[name='taskName']").await, INCR_RUNNING);
    assert_eq!(world.count("[data-names-run-together]").await, 0);
    assert!(world.journal().await.is_empty(), "nothing sent");
    world.finish().await;
}

/// A name whose sequence lost a digit (cut when copied) is not taken for a
/// real name: the field says which part is short, in the language shown.
#[tokio::test]
async fn a_name_with_its_sequence_cut_is_said_so() {
    let world = World::start().await;
    world.open("#/stop").await;
    let cut = &INCR_RUNNING[..INCR_RUNNING.len() - 1];
    world.set("input[name='taskName']", cut).await;
    assert_eq!(world.count("[data-understood]").await, 0);
    assert_eq!(
        world.text("[data-seq-digits='9']").await,
        "The last part, the sequence, has ten digits in real names (e.g. 0000000002); this one \
         has 9. The name may be cut or mistyped: it will be sent exactly as typed. Check it \
         before sending."
    );
    world
        .set("input[name='taskName']", &format!("{cut}:2"))
        .await;
    assert_eq!(
        world.count("[data-seq-digits]").await,
        0,
        "not a name at all"
    );
    world
        .set(
            "input[name='taskName']",
            &INCR_RUNNING.replace(":0000000002", ":2"),
        )
        .await;
    assert!(
        world
            .text("[data-seq-digits='1']")
            .await
            .contains("this one has 1.")
    );
    world.choose_language("zh-CN").await;
    assert!(
        world
            .text("[data-seq-digits='1']")
            .await
            .starts_with("最后一段（序号）有 1 位数字")
    );
    world.finish().await;
}

/// Enter in the task name does not send a resume: it has no confirmation,
/// and a flag left checked from an earlier resume (here `pullBackFlag`,
/// which no check questions on an Incr-Sync) would go with the new name
/// before the operator reached the flags. The button sends.
#[tokio::test]
async fn enter_in_the_task_name_does_not_send_a_resume() {
    let world = World::start().await;
    world.open("#/resume").await;
    world.click("input[name='pullBackFlag']").await;
    world
        .type_keys("input[name='taskName']", &format!("{INCR_STOPPED}\u{E007}"))
        .await;
    assert_eq!(world.text("dl.parts .badge").await, "Incr-Sync");
    world.click("input[name='pullBackFlag']").await;
    world.click(SUBMIT).await;
    assert_eq!(world.outcome("").await, "success");
    let journal = world.journal().await;
    assert_eq!(journal.len(), 1, "the button's request alone");
    assert_eq!(
        decoded_query(&journal[0]),
        pairs(&[("taskName", INCR_STOPPED)])
    );
    world.finish().await;
}

/// A refusal says what its code means for the operation refused, rather
/// than only "see errCode and errMsg": the state a stop needs, that a name
/// unknown to this CM host may be one a migrate replaced.
#[tokio::test]
async fn a_refusal_is_explained_by_its_code_and_operation() {
    let world = World::start().await;
    assert_eq!(world.stop_confirmed(INCR_STOPPED).await, "api-error");
    assert_eq!(world.answer_field("errCode").await, "ILLEGAL_STATE");
    assert_eq!(
        world.text("section.response .explanation").await,
        "The task's state does not allow a stop: only a running task can be stopped. It may be stopped, abnormal or finished already; errMsg says which."
    );
    world.open("#/resume").await;
    world.set("input[name='taskName']", INCR_RUNNING).await;
    world.click(SUBMIT).await;
    assert_eq!(world.outcome("").await, "api-error");
    assert_eq!(world.answer_field("errCode").await, "ILLEGAL_STATE");
    assert!(
        world
            .text("section.response .explanation")
            .await
            .contains("only a stopped or abnormal task can be resumed"),
    );
    let unknown = INCR_STOPPED.replace(":0000000001", ":0000000009");
    world.set("input[name='taskName']", &unknown).await;
    world.click(SUBMIT).await;
    world
        .wait_until("return [...document.querySelectorAll('section.response dd')].some(d => d.textContent === 'TASK_NOT_FOUND')")
        .await;
    assert!(
        world
            .text("section.response .explanation")
            .await
            .starts_with("No task has this name on this CM host."),
    );
    world.finish().await;
}

#[tokio::test]
async fn resume_with_a_flag_on_the_wrong_component_needs_a_second_click() {
    let world = World::start().await;
    world.open("#/resume").await;
    world.set("input[name='taskName']", INCR_STOPPED).await;
    world.click("input[name='restartFlag']").await;
    world.first_click_warnings().await;
    world.click(SUBMIT).await;
    assert_eq!(world.outcome("").await, "api-error");
    assert_eq!(world.answer_field("errCode").await, "ILLEGAL_ARGUMENT");
    assert_eq!(
        world.text("section.response .explanation").await,
        "The CM host refused a parameter: pullBackFlag is only for an Incr-Sync, restartFlag only for a Full-Import; errMsg says which."
    );
    let journal = world.journal().await;
    assert_eq!(
        decoded_query(&journal[0]),
        pairs(&[("taskName", INCR_STOPPED), ("restartFlag", "true")])
    );
    world.finish().await;
}

#[tokio::test]
async fn stop_asks_for_confirmation_naming_the_task() {
    let world = World::start().await;
    world.open("#/stop").await;
    world.set("input[name='taskName']", INCR_RUNNING).await;
    world.click(SUBMIT).await;
    assert!(
        world
            .text("dialog[open] .dialog-message")
            .await
            .contains(INCR_RUNNING)
    );
    assert_eq!(
        world.text(CONFIRM).await,
        "Stop",
        "the button names what it does"
    );
    assert!(
        world.journal().await.is_empty(),
        "nothing sent before confirming"
    );
    world.click(CONFIRM).await;
    assert_eq!(world.outcome("").await, "success");
    let journal = world.journal().await;
    assert_eq!(journal.len(), 1);
    assert_eq!(journal[0]["path"], "/connector/task/v2/stop");
    assert_eq!(
        decoded_query(&journal[0]),
        pairs(&[("taskName", INCR_RUNNING)])
    );
    assert_eq!(world.task(INCR_RUNNING).await.unwrap()["state"], "STOPPED");
    world.finish().await;
}

/// `deleteParams` as the API's parameter writes it, `scope1.key1,scope2.key2`,
/// pasted into one field: refused (the comma would split it anyway), with
/// the offer of one field per key.
#[tokio::test]
async fn delete_params_pasted_comma_separated_are_split_on_request() {
    let world = update_form().await;
    world.click("fieldset.delete-params > button").await;
    world
        .set(
            "input[name='deleteParams']",
            "source.checkpoint, sink.password,",
        )
        .await;
    assert_eq!(
        world.text(".delete-row .error").await,
        "Entry 1 contains a comma: use one field per key."
    );
    world.click("[data-action='split-delete-params']").await;
    world
        .wait_until("return document.querySelectorAll(\"input[name='deleteParams']\").length === 2")
        .await;
    assert_eq!(
        world
            .js("return [...document.querySelectorAll(\"input[name='deleteParams']\")].map(i => i.value)")
            .await,
        json!(["source.checkpoint", "sink.password"])
    );
    assert_eq!(world.count(".delete-row .error").await, 0);
    assert!(
        world
            .text("[data-preview-url]")
            .await
            .ends_with("&deleteParams=source.checkpoint,sink.password")
    );
    assert!(world.journal().await.is_empty(), "nothing sent");
    world.finish().await;
}

#[tokio::test]
async fn update_sends_delete_params_and_the_config_map() {
    let world = update_form().await;
    world.click("fieldset.delete-params > button").await;
    world
        .set("input[name='deleteParams']", "sink.workerNum")
        .await;
    world.add_config_row("sink", "batchSize", "500").await;
    assert_eq!(
        world.text("[data-preview-body]").await,
        r#"{"sink":{"batchSize":"500"}}"#
    );
    world.click(SUBMIT).await;
    assert_eq!(world.outcome("").await, "success");
    let journal = world.journal().await;
    assert_eq!(journal.len(), 1);
    assert_eq!(journal[0]["path"], "/connector/task/v2/update");
    assert_eq!(
        decoded_query(&journal[0]),
        pairs(&[
            ("taskName", INCR_STOPPED),
            ("deleteParams", "sink.workerNum")
        ])
    );
    assert_eq!(journal[0]["body"], r#"{"sink":{"batchSize":"500"}}"#);
    let config = &world.task(INCR_STOPPED).await.unwrap()["config"]["sink"];
    assert_eq!(config["batchSize"], "500");
    assert_eq!(config.get("workerNum"), None);
    world.finish().await;
}

/// A scope that is not the connector's, or a key with a space, is most
/// likely a typo the connector would silently ignore: the first click
/// names it and sends nothing.
#[tokio::test]
async fn an_update_to_a_scope_the_connector_lacks_needs_a_second_click() {
    let world = update_form().await;
    world.add_config_row("sorce", "worker Num", "4").await;
    let warnings = world.first_click_warnings().await;
    assert!(
        warnings.contains(r#"Not a scope of a connector's configuration: "sorce"."#)
            && warnings.contains(r#"A key with a space in it: "sorce.worker Num"."#),
        "the warnings name the scope and the key: {warnings}"
    );
    world.click(SUBMIT).await;
    assert_eq!(world.outcome("").await, "success");
    assert_eq!(
        world.journal().await[0]["body"],
        r#"{"sorce":{"worker Num":"4"}}"#
    );
    world.finish().await;
}

/// A value copied with a space after it would be sent with it, and a
/// number read with it breaks: the first click names its key.
#[tokio::test]
async fn a_value_spaced_at_an_end_needs_a_second_click() {
    let world = update_form().await;
    world.add_config_row("sink", "workerNum", "4 ").await;
    let warnings = world.first_click_warnings().await;
    assert!(
        warnings.contains(r#"A value with white space at its start or end: "sink.workerNum"."#),
        "the warning names the key: {warnings}"
    );
    world.click(SUBMIT).await;
    assert_eq!(world.outcome("").await, "success");
    assert_eq!(
        world.journal().await[0]["body"],
        r#"{"sink":{"workerNum":"4 "}}"#,
        "sent as typed once acknowledged"
    );
    world.finish().await;
}

/// A `source.checkpoint` typed in milliseconds would rewind the task to a
/// time thousands of years away: the first click names it.
#[tokio::test]
async fn a_checkpoint_in_milliseconds_needs_a_second_click() {
    let world = update_form().await;
    let checkpoint = r#"{"ORACLE_np_56el1g1jvrs0_56el4eyvwvxc-1-0":"1676286000000"}"#;
    world
        .add_config_row("source", "checkpoint", checkpoint)
        .await;
    let warnings = world.first_click_warnings().await;
    assert!(
        warnings.contains(r#"source.checkpoint holds "1676286000000", which is not epoch seconds"#),
        "the warning names the timestamp: {warnings}"
    );
    world.click(SUBMIT).await;
    assert_eq!(world.outcome("").await, "success");
    let body: Value =
        serde_json::from_str(world.journal().await[0]["body"].as_str().unwrap()).unwrap();
    assert_eq!(body["source"]["checkpoint"], checkpoint);
    world.finish().await;
}

/// A `source.checkpoint` set by hand on the update page is held to the
/// same clock as the pullback's: a time years ago (the reference's own
/// example) or in the future needs a second click; an hour ago does not.
#[tokio::test]
async fn a_checkpoint_long_ago_or_in_the_future_needs_a_second_click() {
    let world = update_form().await;
    let at = |epoch: u64| format!(r#"{{"ORACLE_np_56el1g1jvrs0_56el4eyvwvxc-1-0":"{epoch}"}}"#);
    world
        .add_config_row("source", "checkpoint", &at(1_676_286_000))
        .await;
    let warnings = world.first_click_warnings().await;
    assert!(
        warnings.starts_with("source.checkpoint: This time is ")
            && warnings.contains("ago, more than 7 days"),
        "{warnings}"
    );
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    world
        .set("textarea[name='value']", &at(now + 2 * 86_400))
        .await;
    let warnings = world.first_click_warnings().await;
    assert!(warnings.contains("in the future"), "{warnings}");
    world.set("textarea[name='value']", &at(now - 3_600)).await;
    world.click(SUBMIT).await;
    assert_eq!(world.outcome("").await, "success");
    let body: Value =
        serde_json::from_str(world.journal().await[0]["body"].as_str().unwrap()).unwrap();
    assert_eq!(body["source"]["checkpoint"], at(now - 3_600));
    world.finish().await;
}

/// Enter in a row being typed, or in the task name, does not send the
/// update (the browser's implicit submission would, with the value still
/// empty): on this page only the button sends. A row with an empty value
/// needs a second click.
#[tokio::test]
async fn enter_in_a_row_or_the_task_name_sends_nothing_and_an_empty_value_is_pointed_out() {
    let world = update_form().await;
    world.click("fieldset.config-editor .rows > button").await;
    world.set("input[name='scope']", "source").await;
    world
        .type_keys("input[name='key']", "batchSize\u{E007}")
        .await;
    world.click("fieldset.delete-params > button").await;
    world
        .type_keys("input[name='deleteParams']", "sink.workerNum\u{E007}")
        .await;
    world
        .type_keys("input[name='taskName']", &format!("{INCR_STOPPED}\u{E007}"))
        .await;
    assert_eq!(world.value("input[name='key']").await, "batchSize");
    assert_eq!(
        world.count("ul.warnings.acknowledge").await,
        0,
        "no submit was tried"
    );
    assert!(
        world
            .first_click_warnings()
            .await
            .contains(r#"An empty value for "source.batchSize""#)
    );
    world.set("textarea[name='value']", "200").await;
    world.click(SUBMIT).await;
    assert_eq!(world.outcome("").await, "success");
    assert_eq!(
        world.journal().await[0]["body"],
        r#"{"source":{"batchSize":"200"}}"#
    );
    world.finish().await;
}

/// *Add entry* and *Add key to delete* put the cursor in the new row, and
/// a row is not called empty before the operator has typed in it or tried
/// to send. Leaving it is not enough: errors shown then would move the
/// button being clicked from under the pointer, and a second *Add entry*
/// would add nothing.
#[tokio::test]
async fn a_new_row_takes_the_focus_and_is_not_called_empty_before_it_is_typed_in() {
    let world = update_form().await;
    let focused = "const a = document.activeElement; return [a.name, a.closest('[data-row], .delete-row') !== null]";
    world.click("fieldset.config-editor .rows > button").await;
    world
        .wait_until("return document.activeElement.name === 'scope'")
        .await;
    assert_eq!(world.js(focused).await, json!(["scope", true]));
    world.click("fieldset.config-editor .rows > button").await;
    world
        .wait_until("return document.querySelectorAll('.config-row').length === 2 && document.activeElement === document.querySelectorAll(\"input[name='scope']\")[1]")
        .await;
    assert_eq!(
        world.count(".config-row .error").await,
        0,
        "empty, not yet wrong: {}",
        world
            .js("return document.querySelector('.config-rows, .rows').innerText")
            .await
    );
    world.type_keys("input[name='scope']", "source").await;
    assert_eq!(
        world.text(".config-row .error").await,
        "Row 1: the key is empty.",
        "typed in, the row says what it lacks"
    );

    world.click("fieldset.delete-params > button").await;
    world
        .wait_until("return document.activeElement.name === 'deleteParams'")
        .await;
    assert_eq!(world.count(".delete-row .error").await, 0);
    world.click(SUBMIT).await;
    assert_eq!(
        world.text(".delete-row .error").await,
        "Entry 1 is empty: fill it in or remove it.",
        "a try to send shows it"
    );
    assert_eq!(
        world.count(".config-row .error").await,
        3,
        "row 1's key, row 2's scope and key"
    );
    assert!(world.journal().await.is_empty());
    world.finish().await;
}

/// A row *Add entry* made, then given its content on the JSON tab, was
/// typed: the rows tab says at once what it lacks.
#[tokio::test]
async fn a_new_row_filled_from_the_json_tab_says_what_it_lacks() {
    let world = update_form().await;
    world.click("fieldset.config-editor .rows > button").await;
    world.wait_for(".config-row").await;
    assert_eq!(world.count(".config-row .error").await, 0);
    world.click(".tabs [role='tab']:nth-child(2)").await;
    world.set(JSON_TAB, "{\"source\": {\"\": \"1\"}}").await;
    world.click(".tabs [role='tab']:nth-child(1)").await;
    assert_eq!(
        world.text(".config-row .error").await,
        "Row 1: the key is empty."
    );
    assert!(world.journal().await.is_empty());
    world.finish().await;
}

#[tokio::test]
async fn secrets_are_masked_in_the_preview_but_sent() {
    let world = update_form().await;
    world.click("fieldset.config-editor .rows > button").await;
    world.set("input[name='scope']", "sink").await;
    world.set("input[name='key']", "password").await;
    world
        .set("input[name='value'][type='password']", "hunter2")
        .await;
    assert!(!world.text("[data-preview-body]").await.contains("hunter2"));
    world.click(SUBMIT).await;
    assert_eq!(world.outcome("").await, "success");
    assert_eq!(
        world.journal().await[0]["body"],
        r#"{"sink":{"password":"hunter2"}}"#
    );
    let stored = world
        .js("return localStorage.getItem('oms-console.drafts.v1')")
        .await;
    assert!(
        !stored.as_str().unwrap().contains("hunter2"),
        "secrets are not stored"
    );
    world.finish().await;
}

/// The migrate page with the stopped Incr-Sync's name and `ip` typed.
async fn migrate_form(ip: &str) -> World {
    let world = World::start().await;
    world.open("#/migrate").await;
    world.set("input[name='taskName']", INCR_STOPPED).await;
    world.set("input[name='ip']", ip).await;
    world
}

#[tokio::test]
async fn migrate_needs_the_name_typed_and_offers_the_new_name() {
    let world = migrate_form("10.0.0.9").await;
    let expected = "10.0.0.9-9000:connector_v2:np_5f3k2m9q8x1a-incr_trans-1-0:0000000002";
    assert_eq!(world.text("[data-expected-name]").await, expected);
    world.click(SUBMIT).await;
    let confirm = world.wait_for(CONFIRM).await;
    assert_eq!(
        confirm.attr("disabled").await.unwrap().as_deref(),
        Some("true")
    );
    world.set(CONFIRM_NAME, "0000000001").await;
    world.click(CONFIRM).await;
    assert_eq!(world.outcome("").await, "success");
    let journal = world.journal().await;
    assert_eq!(journal.len(), 1);
    assert_eq!(
        decoded_query(&journal[0]),
        pairs(&[("taskName", INCR_STOPPED), ("ip", "10.0.0.9")])
    );
    assert_eq!(world.text("[data-new-task-name]").await, expected);
    world.revisit("#/migrate").await;
    assert_eq!(
        world.text("[data-new-task-name]").await,
        expected,
        "offered again with the kept answer"
    );
    world.click(".adopt button").await;
    let value = world.value("input[name='taskName']").await;
    assert_eq!(value, expected);
    world.revisit("#/migrate").await;
    world
        .wait_for("main section.response[data-outcome='success']")
        .await;
    assert_eq!(world.count(".adopt").await, 0, "adopted: not offered again");
    world.finish().await;
}

/// A migrate left in flight by a reload: the notice at the next start names
/// the task it may have made, since the old name may be gone.
#[tokio::test]
async fn a_migrate_left_in_flight_names_the_task_it_may_have_made() {
    let world = migrate_form("10.0.0.9").await;
    world.faults(json!({"next": ["hang"]})).await;
    world.click(SUBMIT).await;
    world.set(CONFIRM_NAME, "0000000001").await;
    world.click(CONFIRM).await;
    world.wait_for_sim_requests(1).await;
    world.reload().await;
    assert_eq!(
        world.text(".notices .notice span").await,
        format!(
            "When the console was last closed or reloaded, a migrate of {INCR_STOPPED} was still \
             waiting for its answer. The CM may have acted on it: the task is then \
             10.0.0.9-9000:connector_v2:np_5f3k2m9q8x1a-incr_trans-1-0:0000000002, and the old \
             name is gone. Check the state of both names before sending it again. The journal \
             has it as interrupted."
        )
    );
    let stored = world.console_journal().await;
    assert_eq!(stored[0]["requests"][0]["outcome"], "interrupted");
    world.faults(json!({})).await;
    world.finish_allowing_failed_api_calls(true).await;
}

/// A migrate to the node the task already runs on would rename the task
/// without moving it: the first click only says so.
#[tokio::test]
async fn migrate_to_the_node_the_task_runs_on_needs_a_second_click() {
    let world = migrate_form("10.186.16.127").await;
    assert!(
        world
            .first_click_warnings()
            .await
            .contains("already runs on this ip"),
        "the warning says why"
    );
    world.click(SUBMIT).await;
    world.set(CONFIRM_NAME, "0000000001").await;
    world.click(CONFIRM).await;
    assert_eq!(world.outcome("").await, "success");
    assert_eq!(
        decoded_query(&world.journal().await[0]),
        pairs(&[("taskName", INCR_STOPPED), ("ip", "10.186.16.127")])
    );
    world.finish().await;
}

/// An `ip` written with the node's port, as a task name writes its node,
/// is not sent: the error names the address to give.
#[tokio::test]
async fn migrate_to_an_ip_with_its_port_says_to_give_the_address_alone() {
    let world = migrate_form("10.186.16.200-9000").await;
    world.click(SUBMIT).await;
    assert_eq!(
        world.text("ul.errors").await,
        "'10.186.16.200-9000' is not an IPv4 or IPv6 address: give the address alone, 10.186.16.200."
    );
    assert_eq!(world.count("dialog[open]").await, 0);
    assert!(world.journal().await.is_empty(), "nothing was sent");
    world.finish().await;
}

/// The `updateConfigMap` JSON tab's field.
const JSON_TAB: &str = "textarea[name='updateConfigMapJson']";

/// The update page with the stopped Incr-Sync's name typed.
async fn update_form() -> World {
    let world = World::start().await;
    world.open("#/update").await;
    world.set("input[name='taskName']", INCR_STOPPED).await;
    world
}

/// A JSON value pretty-printed shows every line in its field, and is sent
/// as the text it now is; compacted, it is one line again.
#[tokio::test]
async fn a_json_value_pretty_printed_shows_whole_and_compacts_back() {
    let world = update_form().await;
    let compact = r#"[{"clientId":"ORACLE_x-1-0","subtopic":"ORACLE_x-1-0"}]"#;
    world.add_config_row("source", "clients", compact).await;
    let value = "textarea[name='value']";
    world
        .click(".config-row button[aria-label='Pretty-print the JSON value']")
        .await;
    let pretty =
        "[\n  {\n    \"clientId\": \"ORACLE_x-1-0\",\n    \"subtopic\": \"ORACLE_x-1-0\"\n  }\n]";
    assert_eq!(world.value(value).await, json!(pretty));
    assert_eq!(
        world
            .js("const v = document.querySelector(\"textarea[name='value']\"); return v.scrollHeight <= v.clientHeight")
            .await,
        json!(true),
        "every line in view"
    );
    assert_eq!(
        world.text("[data-preview-body]").await,
        json!({"source": {"clients": pretty}}).to_string()
    );
    world
        .click(".config-row button[aria-label='Compact the JSON value']")
        .await;
    assert_eq!(world.value(value).await, json!(compact));
    world.finish().await;
}

/// The update page with a task name, its `updateConfigMap` JSON tab shown.
async fn update_json_tab() -> World {
    let world = update_form().await;
    world.click(".tabs [role='tab']:nth-child(2)").await;
    world
}

/// Sets the JSON tab's text to `json`, of one entry, and waits for its row.
async fn set_json_of_one_entry(world: &World, json: &str) {
    world.set(JSON_TAB, json).await;
    world
        .wait_until("return document.querySelectorAll(\"input[name='key']\").length === 1")
        .await;
}

/// JSON shown with an error is not sent: the rows' last valid content is
/// not what the operator is looking at. Shown again, the rows are. What
/// the rows the JSON gave lack is said on the JSON tab.
#[tokio::test]
async fn json_with_an_error_holds_the_update() {
    let world = update_json_tab().await;
    world.set(JSON_TAB, "{\"\": {\"batchSize\": \"1\"}}").await;
    assert_eq!(
        world.text("[data-json-row-error]").await,
        "Row 1: the scope is empty.",
        "what the rows lack is said on the JSON tab too"
    );
    world.set(JSON_TAB, "{\"\": {\"batchSize\": \"1\"}").await;
    world.wait_for(".json .error").await;
    world.click(SUBMIT).await;
    assert_eq!(
        world.count("ul.errors li").await,
        1,
        "the hidden rows' own errors are not listed: {}",
        world.text("ul.errors").await
    );
    assert!(
        world
            .text("ul.errors")
            .await
            .contains("The updateConfigMap JSON has an error")
    );
    world
        .set(JSON_TAB, "{\"source\": {\"batchSize\": \"100\"}}")
        .await;
    world
        .set(
            JSON_TAB,
            "{\"source\": {\"batchSize\": \"100\", \"batchSize\": \"200\"}}",
        )
        .await;
    world.wait_for(".json .error").await;
    world.click(SUBMIT).await;
    assert!(
        world
            .text("ul.errors")
            .await
            .contains("The updateConfigMap JSON has an error"),
        "sending says why it holds"
    );
    world.click(SUBMIT).await;
    assert!(world.journal().await.is_empty(), "nothing was sent");
    world.click(".tabs [role='tab']:nth-child(1)").await;
    world.click(SUBMIT).await;
    assert_eq!(world.outcome("").await, "success");
    assert_eq!(
        world.journal().await[0]["body"],
        "{\"source\":{\"batchSize\":\"100\"}}",
        "the rows shown, as they were last valid"
    );
    world.finish().await;
}

/// Rows changed while the JSON tab holds text with an error: the rows tab
/// says beforehand that a change replaces that text, and it does, so a fix
/// of the text later cannot take back the rows' change unseen. The
/// checkpoint builder does not insert its row into JSON shown with an error.
#[tokio::test]
async fn rows_changed_while_the_json_has_an_error_replace_it() {
    let world = update_json_tab().await;
    let typed = "{\"source\": {\"workerNum\": \"8\"}, \"sink\": {\"workerNum\": \"1";
    world.set(JSON_TAB, typed).await;
    world.click("details.insert-checkpoint summary").await;
    world.set("input[name='date']", "2023-02-13").await;
    world.set("input[name='time']", "19:00:00").await;
    world.set("select[name='zone']", "UTC+08:00").await;
    world.set("input[name='subtopic']", "sub_a").await;
    let insert = "details.insert-checkpoint > button";
    assert_eq!(
        world.wait_for(insert).await.prop("disabled").await.unwrap(),
        Some("true".into()),
        "inserting would replace the text typed"
    );
    assert_eq!(
        world.text("details.insert-checkpoint > p.hint").await,
        "Fix the updateConfigMap JSON's error first: inserting the row would replace the text \
         typed there."
    );
    world.click(".tabs [role='tab']:nth-child(1)").await;
    assert_eq!(
        world.text("[data-json-not-in-rows]").await,
        "The JSON tab holds text with an error, which these rows do not have. Changing the rows \
         replaces that text."
    );
    world.revisit("#/update").await;
    world.click(".tabs [role='tab']:nth-child(2)").await;
    assert_eq!(
        world.value(JSON_TAB).await,
        typed,
        "kept as typed while the rows are unchanged"
    );
    world.click(".tabs [role='tab']:nth-child(1)").await;
    world.click("fieldset.config-editor .rows > button").await;
    world.set("input[name='scope']", "source").await;
    world.set("input[name='key']", "batchSize").await;
    world.set("textarea[name='value']", "100").await;
    assert_eq!(world.count("[data-json-not-in-rows]").await, 0);
    world.click(".tabs [role='tab']:nth-child(2)").await;
    let shown = world.value(JSON_TAB).await;
    let shown: Value = serde_json::from_str(shown.as_str().expect("text")).expect("JSON");
    assert_eq!(shown, json!({"source": {"batchSize": "100"}}));
    world.click(SUBMIT).await;
    assert_eq!(world.outcome("").await, "success");
    assert_eq!(
        world.journal().await[0]["body"],
        "{\"source\":{\"batchSize\":\"100\"}}"
    );
    world.finish().await;
}

/// The Rows / JSON tabs as the ARIA pattern has them: the selected tab is
/// the one stop in the Tab order, and the arrow keys, Home and End move
/// between them, taking the focus along.
#[tokio::test]
async fn the_rows_and_json_tabs_follow_the_arrow_keys() {
    let world = World::start().await;
    world.open("#/update").await;
    let state = "return [...document.querySelectorAll(\".tabs [role='tab']\")]\
         .map(t => [t.textContent, t.getAttribute('aria-selected'), t.tabIndex, t === document.activeElement])\
         .concat([document.querySelector('#configJsonPanel').hidden])";
    let rows = json!([
        ["Rows", "true", 0, true],
        ["JSON", "false", -1, false],
        true
    ]);
    let json_shown = json!([
        ["Rows", "false", -1, false],
        ["JSON", "true", 0, true],
        false
    ]);
    world.click(".tabs [role='tab']:nth-child(1)").await;
    assert_eq!(world.js(state).await, rows);
    for (key, expected) in [
        ("\u{E014}", &json_shown),
        ("\u{E014}", &rows),
        ("\u{E012}", &json_shown),
        ("\u{E011}", &rows),
        ("\u{E010}", &json_shown),
        ("\u{E012}", &rows),
    ] {
        let focused = world
            .client
            .active_element()
            .await
            .expect("a focused element");
        focused.send_keys(key).await.expect("types");
        assert_eq!(&world.js(state).await, expected, "after {key:?}");
    }
    world.finish().await;
}

/// *Clear form* sits next to *Send*: what a click that missed takes comes
/// back with *Undo clear*, until the form is edited or sent.
#[tokio::test]
async fn clear_form_can_be_undone_until_the_form_is_edited() {
    let world = update_form().await;
    world.add_config_row("sink", "workerNum", "8").await;
    world.click("[data-action='clear-form']").await;
    assert_eq!(world.value("input[name='taskName']").await, "");
    assert_eq!(world.count("input[name='key']").await, 0);
    world.click("[data-action='clear-form']").await;
    world.click("[data-action='undo-clear']").await;
    assert_eq!(
        world.value("input[name='taskName']").await,
        INCR_STOPPED,
        "a second click on Clear form keeps what the first took"
    );
    assert_eq!(
        world
            .js("return ['scope','key','value'].map(n => document.querySelector(`.rows [name='${n}']`).value)")
            .await,
        json!(["sink", "workerNum", "8"])
    );
    assert_eq!(world.count("[data-action='undo-clear']").await, 0);
    world.click("[data-action='clear-form']").await;
    world.set("input[name='taskName']", INCR_RUNNING).await;
    assert_eq!(
        world.count("[data-action='undo-clear']").await,
        0,
        "edited since: nothing to undo"
    );
    world.open("#/stop").await;
    world.set("input[name='taskName']", "").await;
    world.click("[data-action='clear-form']").await;
    assert_eq!(
        world.count("[data-action='undo-clear']").await,
        0,
        "an empty form: nothing to put back"
    );
    world.set("input[name='taskName']", INCR_RUNNING).await;
    assert!(world.journal().await.is_empty(), "nothing sent");

    world.open("#/pullback").await;
    world.set("input[name='date']", "2026-12-01").await;
    world.set("input[name='time']", "08:00:00").await;
    world
        .set(
            "input[name='subtopic']",
            "ORACLE_np_56el1g1jvrs0_56el4eyvwvxc-1-0",
        )
        .await;
    world.click("[data-action='clear-form']").await;
    assert_eq!(world.value("input[name='date']").await, "");
    world.click("[data-action='undo-clear']").await;
    assert_eq!(
        world
            .js("return ['taskName','date','time','subtopic'].map(n => document.querySelector(`[name='${n}']`).value)")
            .await,
        json!([INCR_RUNNING, "2026-12-01", "08:00:00", "ORACLE_np_56el1g1jvrs0_56el4eyvwvxc-1-0"])
    );
    world.click("[data-action='clear-form']").await;
    world
        .js("[...document.querySelectorAll('main button')].find(b => b.textContent === 'Now').click(); return true")
        .await;
    assert_eq!(
        world.count("[data-action='undo-clear']").await,
        0,
        "the builder's Now changed the form since"
    );
    assert!(world.journal().await.is_empty(), "nothing sent");
    world.finish().await;
}

/// *Copy as curl* copies the request as sent, secret values included (the
/// command must run), and says which secrets it holds: an operator about
/// to paste it into a ticket or a chat is told.
#[tokio::test]
async fn copy_as_curl_copies_the_request_and_names_the_secrets_it_holds() {
    let world = update_form().await;
    world
        .cdp(
            "Browser.grantPermissions",
            json!({"permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]}),
        )
        .await;
    world.add_config_row("sink", "workerNum", "8").await;
    world.click("section.preview button").await;
    assert_eq!(world.text("[data-copied]").await, "Copied.");
    world.click(".tabs [role='tab']:nth-child(2)").await;
    world
        .set(JSON_TAB, r#"{"sink": {"password": "hunter2"}}"#)
        .await;
    assert_eq!(
        world.count("[data-copied]").await,
        0,
        "said of the request copied, not of this one"
    );
    world.click("section.preview button").await;
    assert_eq!(
        world.text("[data-copied]").await,
        "Copied. The command holds the secret values of sink.password: paste it only where they may be read."
    );
    let copied = world
        .js_async("navigator.clipboard.readText().then(arguments[arguments.length - 1])")
        .await;
    assert_eq!(
        copied,
        format!(
            "curl -XPOST '{}/connector/task/v2/update?taskName={INCR_STOPPED}' \\\n--header 'Content-Type: application/json' \\\n--data-raw '{{\"sink\":{{\"password\":\"hunter2\"}}}}'",
            world.sim.url()
        )
    );
    assert!(world.journal().await.is_empty(), "nothing sent");
    world.finish().await;
}

/// JSON with a secret shows masked once its field is left, and the masked
/// view is shorter than the field: the click on Send that leaves it must
/// still send (the Send button used to move up from under the pointer
/// between press and release, and the click was lost).
#[tokio::test]
async fn send_clicked_straight_from_json_with_a_secret_sends() {
    let world = update_json_tab().await;
    world
        .set(
            JSON_TAB,
            r#"{"sink": {"password": "hunter2", "workerNum": "4"}}"#,
        )
        .await;
    assert_eq!(
        world.js("return document.activeElement.name").await,
        "updateConfigMapJson",
        "the field still has the focus, shown as typed"
    );
    world.click(SUBMIT).await;
    assert_eq!(world.outcome("").await, "success");
    assert!(world.text(".json").await.contains("••••••"), "masked after");
    let journal = world.journal().await;
    assert_eq!(
        journal[0]["body"],
        r#"{"sink":{"password":"hunter2","workerNum":"4"}}"#
    );
    world.finish().await;
}

/// A press whose release the page never sees (the window left while the
/// pointer was down) does not keep a secret in the JSON tab shown: the
/// window losing the focus ends the press.
#[tokio::test]
async fn json_with_a_secret_is_masked_when_the_window_loses_the_focus_mid_press() {
    let world = update_json_tab().await;
    world
        .set(JSON_TAB, r#"{"sink": {"password": "hunter2"}}"#)
        .await;
    world
        .js("window.dispatchEvent(new PointerEvent('pointerdown')); \
             document.activeElement.blur(); return true")
        .await;
    assert_eq!(
        world.count(JSON_TAB).await,
        1,
        "left while pressed: shown until the press ends"
    );
    world
        .js("window.dispatchEvent(new FocusEvent('blur')); return true")
        .await;
    world
        .wait_until("return document.querySelector('.json pre')?.textContent.includes('••••••')")
        .await;
    assert!(!world.text(".json").await.contains("hunter2"));
    world.finish().await;
}

/// The `updateConfigMap` JSON tab: shown with the rows' content, kept as
/// typed while it does not parse (also after leaving the page, but never
/// saved: it may hold secrets), and emptied by Clear form.
#[tokio::test]
async fn the_json_tab_keeps_what_was_typed_and_follows_the_rows() {
    let world = update_json_tab().await;
    let typed = "{\"source\": {\"password\": \"s3cret\", \"batchSize\": 1";
    world.set(JSON_TAB, typed).await;
    world.wait_for(".json .error").await;
    let shown = "return [document.querySelector(\".tabs [role='tab']:nth-child(2)\").getAttribute('aria-selected'), \
         document.querySelector(\"textarea[name='updateConfigMapJson']\").value, \
         document.querySelector('.json .error')?.textContent ?? null]";
    world.open("#/resume").await;
    world.open("#/update").await;
    assert_eq!(
        world.js(shown).await,
        json!([
            "true",
            typed,
            "Line 1, column 48: the text ends before the JSON does: a closing }, ] or \" is missing."
        ]),
        "after leaving the page"
    );
    world.set(JSON_TAB, "{'sink': {'workerNum': '8'}}").await;
    world
        .wait_until("return document.querySelector('.json .error')?.textContent === 'Line 1, column 2: a key must be in double quotes (\"sink\"), not in single quotes or none.'")
        .await;
    let stored = world.js("return JSON.stringify(localStorage)").await;
    assert!(
        !stored.as_str().unwrap().contains("s3cret"),
        "never saved: {stored}"
    );
    set_json_of_one_entry(&world, "{\"sink\": {\"workerNum\": \"8\"}}").await;
    world.click("[data-action='clear-form']").await;
    world
        .wait_until("return document.querySelectorAll(\"input[name='key']\").length === 0")
        .await;
    assert_eq!(
        world.js(shown).await,
        json!(["true", "", null]),
        "Clear form empties the JSON too"
    );
    world.finish().await;
}

/// JSON typed with a secret key stays in its field, as typed, while the
/// operator is in it (it is not pulled from under the cursor once it
/// parses); left, the secret shows masked, and *Show secret values* gives
/// the text back to edit.
#[tokio::test]
async fn json_with_a_secret_stays_in_its_field_until_the_operator_leaves_it() {
    let world = update_json_tab().await;
    let typed = r#"{"sink": {"password": "s3cret"}}"#;
    set_json_of_one_entry(&world, typed).await;
    let focused = "const a = document.activeElement; return [a.name, a.value]";
    assert_eq!(
        world.js(focused).await,
        json!(["updateConfigMapJson", typed]),
        "still in the field, as typed"
    );
    world.click("input[name='taskName']").await;
    assert_eq!(
        world.text(".json pre.body").await,
        r#"{"sink":{"password":"••••••"}}"#
    );
    assert_eq!(
        world
            .js("return [document.querySelectorAll(\"textarea[name='updateConfigMapJson']\").length, document.body.innerText.includes('s3cret')]")
            .await,
        json!([0, false]),
        "masked once left"
    );
    world.click(".tabs input[type='checkbox']").await;
    world.wait_for(JSON_TAB).await;
    assert_eq!(
        world.value("textarea[name='updateConfigMapJson']").await,
        json!(typed)
    );
    world.finish().await;
}

/// JSON with a secret that parsed once, then typed into an error, stays
/// as typed with its error when the operator leaves it: the masked view
/// would show the rows' last valid content and no error, while the error
/// holds the update.
#[tokio::test]
async fn json_with_a_secret_and_an_error_stays_shown_when_left() {
    let world = update_json_tab().await;
    set_json_of_one_entry(&world, r#"{"sink": {"password": "s3cret"}}"#).await;
    let typed = r#"{"sink": {"password": "s3cret"}}x"#;
    world.set(JSON_TAB, typed).await;
    world.click("input[name='taskName']").await;
    // What waits for the click's release runs in a timer set before this one.
    world
        .js_async("const done = arguments[0]; setTimeout(() => done(true), 0)")
        .await;
    assert_eq!(
        world.text(".json .error").await,
        "Line 1, column 33: there is text after the end of the JSON object."
    );
    assert_eq!(
        world
            .js("return [document.activeElement.name, document.querySelectorAll('.json pre.body').length]")
            .await,
        json!(["taskName", 0]),
        "left, and not masked"
    );
    assert_eq!(world.value(JSON_TAB).await, json!(typed));
    world.finish().await;
}

/// Migrate's new name is the answer's, compared with the name sent: an
/// edit of the field while the request is in flight changes neither.
#[tokio::test]
async fn migrates_new_name_is_compared_with_the_name_sent() {
    let world = migrate_form("10.0.0.9").await;
    let expected = world.text("[data-expected-name]").await;
    world.click(SUBMIT).await;
    world.set(CONFIRM_NAME, "0000000001").await;
    world.faults(json!({"latencyMs": 3000})).await;
    world.click(CONFIRM).await;
    world
        .wait_for("main form button[type='submit'][aria-busy='true']")
        .await;
    world.set("input[name='taskName']", &expected).await;
    assert_eq!(
        world
            .js("return document.querySelector(\"main form button[type='submit']\").getAttribute('aria-busy')")
            .await,
        json!("true"),
        "the field was edited while the request was in flight"
    );
    assert_eq!(world.outcome("").await, "success");
    assert_eq!(
        decoded_query(&world.journal().await[0]),
        pairs(&[("taskName", INCR_STOPPED), ("ip", "10.0.0.9")])
    );
    assert_eq!(
        world.text("[data-new-task-name]").await,
        expected,
        "the task's name changed from the one sent"
    );
    world.faults(json!({})).await;
    world.finish().await;
}

#[tokio::test]
async fn delete_needs_the_name_typed() {
    let world = World::start().await;
    world.open("#/delete").await;
    world.set("input[name='taskName']", FULL_FINISHED).await;
    world.click(SUBMIT).await;
    world.set(CONFIRM_NAME, "0000000002").await;
    let confirm = world.wait_for(CONFIRM).await;
    assert_eq!(
        confirm.attr("disabled").await.unwrap().as_deref(),
        Some("true"),
        "a wrong name keeps it disabled"
    );
    assert_eq!(confirm.text().await.unwrap(), "Delete");
    world.set(CONFIRM_NAME, FULL_FINISHED).await;
    world.click(CONFIRM).await;
    assert_eq!(world.outcome("").await, "success");
    let journal = world.journal().await;
    assert_eq!(journal.len(), 1);
    assert_eq!(journal[0]["path"], "/connector/task/v2/delete");
    assert!(world.task(FULL_FINISHED).await.is_none());
    world.finish().await;
}

#[tokio::test]
async fn a_reload_keeps_the_drafts() {
    let world = update_form().await;
    world.add_config_row("source", "workerNum", "6").await;
    world.reload().await;
    let values = world
        .js("return ['taskName','scope','key','value'].map(n => document.querySelector(`[name='${n}']`).value)")
        .await;
    assert_eq!(values, json!([INCR_STOPPED, "source", "workerNum", "6"]));
    world.open("#/stop").await;
    let carried = world.value("input[name='taskName']").await;
    assert_eq!(
        carried, INCR_STOPPED,
        "the task name carries over between operations"
    );
    world.finish().await;
}

#[tokio::test]
async fn an_error_message_is_shown_as_text_and_never_run() {
    let world = World::start().await;
    let payload = "<img src=x onerror=alert(1)>";
    world
        .faults(json!({"next": ["internalError"], "errMsg": payload}))
        .await;
    world.open("#/resume").await;
    world.set("input[name='taskName']", INCR_STOPPED).await;
    world.click(SUBMIT).await;
    assert_eq!(world.outcome("").await, "api-error");
    let shown = world
        .js("return [...document.querySelectorAll('section.response dd code')].map(e => e.textContent)")
        .await;
    assert!(
        shown.as_array().unwrap().iter().any(|v| v == payload),
        "{shown}"
    );
    world.assert_shown_as_text("section.response img").await;
    assert!(
        world.text("section.response").await.contains("Retry"),
        "INTERNAL_ERROR is retryable"
    );
    world.finish().await;
}
