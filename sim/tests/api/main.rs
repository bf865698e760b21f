//! HTTP-level tests: a real client against the simulator on a free port.

mod openapi;

use cm_sim::{Options, Sim};
use serde_json::{Value, json};

const INCR: &str = "10.186.16.126-9000:connector_v2:np_56el1g1jvrs0-incr_trans-1-0:0000000002";
const INCR_SUBTOPIC: &str = "ORACLE_np_56el1g1jvrs0_56el4eyvwvxc-1-0";
const FULL_FINISHED: &str =
    "10.186.16.126-9000:connector_v2:np_56el1g1jvrs0-full_trans-1-0:0000000001";
const INCR_STOPPED: &str =
    "10.186.16.127-9000:connector_v2:np_5f3k2m9q8x1a-incr_trans-1-0:0000000001";
const FULL_RUNNING: &str =
    "10.186.16.127-9000:connector_v2:np_5f3k2m9q8x1a-full_trans-1-0:0000000001";
const INCR_EXCEPTION: &str =
    "10.186.16.127-9000:connector_v2:np_6b7c8d9e0f1g-incr_trans-1-0:0008000002";
const FULL_STOPPED: &str =
    "10.186.16.126-9000:connector_v2:np_6b7c8d9e0f1g-full_trans-1-0:0000000003";

struct Harness {
    sim: Sim,
    client: reqwest::Client,
}

impl Harness {
    async fn start() -> Self {
        Self::with(Options::default()).await
    }

    async fn with(options: Options) -> Self {
        let sim = Sim::start(Options {
            addr: "127.0.0.1:0".parse().unwrap(),
            ..options
        })
        .await
        .expect("simulator starts");
        Self {
            sim,
            client: reqwest::Client::new(),
        }
    }

    /// POSTs to `/connector/task/v2/<path_and_query>` and returns status and body.
    async fn post(&self, path_and_query: &str, body: Option<&str>) -> (u16, String) {
        let mut request = self.client.post(format!(
            "{}/connector/task/v2/{path_and_query}",
            self.sim.url()
        ));
        if let Some(body) = body {
            request = request
                .header("Content-Type", "application/json")
                .body(body.to_owned());
        }
        let response = request.send().await.expect("answer");
        (response.status().as_u16(), response.text().await.unwrap())
    }

    /// POSTs and returns the envelope, checked against `openapi.yaml`.
    async fn envelope(&self, path_and_query: &str, body: Option<&str>) -> Value {
        let (status, text) = self.post(path_and_query, body).await;
        assert_eq!(status, 200, "{text}");
        let envelope = serde_json::from_str(&text).expect("an envelope");
        openapi::check_envelope(&envelope);
        envelope
    }

    async fn get(&self, path: &str) -> Value {
        let response = self
            .client
            .get(format!("{}{path}", self.sim.url()))
            .send()
            .await
            .unwrap();
        response.json().await.unwrap()
    }

    async fn task(&self, name: &str) -> Option<Value> {
        let tasks = self.get("/_sim/tasks").await;
        tasks
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["taskName"] == name)
            .cloned()
    }

    async fn state(&self, name: &str) -> String {
        self.task(name).await.expect("task exists")["state"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    async fn faults(&self, settings: Value) {
        let response = self
            .client
            .post(format!("{}/_sim/faults", self.sim.url()))
            .body(settings.to_string())
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
    }
}

fn ok(result: &str) -> Value {
    json!({"errCode": null, "errMsg": null, "errorDetail": null, "isSuccess": true, "result": result, "retryable": null})
}

fn assert_error(envelope: &Value, code: &str, msg_contains: &str) {
    assert_eq!(envelope["isSuccess"], false, "{envelope}");
    assert_eq!(envelope["errCode"], code, "{envelope}");
    assert_eq!(envelope["result"], Value::Null);
    assert_eq!(envelope["retryable"], code == "INTERNAL_ERROR");
    let msg = envelope["errMsg"].as_str().unwrap();
    assert!(
        msg.contains(msg_contains),
        "{msg:?} should mention {msg_contains:?}"
    );
}

#[tokio::test]
async fn the_envelope_keeps_the_references_field_order() {
    let h = Harness::start().await;
    let (_, text) = h.post(&format!("stop?taskName={INCR}"), None).await;
    assert_eq!(
        text,
        format!(
            r#"{{"errCode":null,"errMsg":null,"errorDetail":null,"isSuccess":true,"result":"{INCR}","retryable":null}}"#
        )
    );
}

#[tokio::test]
async fn the_references_samples_replayed() {
    let h = Harness::start().await;
    // stop, then update (the sample's body, pretty-printed as in the reference), resume, migrate, delete.
    assert_eq!(
        h.envelope(&format!("stop?taskName={INCR}"), None).await,
        ok(INCR)
    );
    let body = "{\n    \"source\": {\n        \"username\":\"test\"\n    }\n}";
    assert_eq!(
        h.envelope(
            &format!("update?taskName={INCR}&deleteParams=source.checkpoint"),
            Some(body)
        )
        .await,
        ok(INCR)
    );
    let task = h.task(INCR).await.unwrap();
    assert_eq!(task["config"]["source"]["username"], "test");
    assert_eq!(task["config"]["source"].get("checkpoint"), None);
    assert_eq!(
        h.envelope(&format!("resume?taskName={INCR}"), None).await,
        ok(INCR)
    );
    let migrated = "10.0.0.9-9000:connector_v2:np_56el1g1jvrs0-incr_trans-1-0:0000000003";
    assert_eq!(
        h.envelope(&format!("migrate?taskName={INCR}&ip=10.0.0.9"), None)
            .await,
        ok(migrated)
    );
    assert_eq!(
        h.envelope(&format!("stop?taskName={migrated}"), None).await,
        ok(migrated)
    );
    assert_eq!(
        h.envelope(&format!("delete?taskName={migrated}"), None)
            .await,
        ok(migrated)
    );
    assert!(h.task(migrated).await.is_none());
}

#[tokio::test]
async fn the_references_pullback_recipe_runs_from_the_checkpoint() {
    let h = Harness::start().await;
    let checkpoint = format!(r#"{{\"{INCR_SUBTOPIC}\":\"1676286000\"}}"#);
    let body =
        format!("{{\n    \"source\": {{\n        \"checkpoint\":\"{checkpoint}\"\n    }}\n}}");
    assert_eq!(
        h.envelope(&format!("stop?taskName={INCR}"), None).await,
        ok(INCR)
    );
    assert_eq!(
        h.envelope(
            &format!("update?taskName={INCR}&deleteParams=source.checkpoint"),
            Some(&body)
        )
        .await,
        ok(INCR)
    );
    assert_eq!(
        h.envelope(&format!("resume?taskName={INCR}&pullBackFlag=true"), None)
            .await,
        ok(INCR)
    );
    let task = h.task(INCR).await.unwrap();
    assert_eq!(task["state"], "RUNNING");
    assert_eq!(
        task["position"],
        format!(r#"{{"{INCR_SUBTOPIC}":"1676286000"}}"#)
    );
}

#[tokio::test]
async fn task_names_are_percent_decoded_and_required() {
    let h = Harness::start().await;
    let encoded = INCR.replace(':', "%3A").replace('-', "%2D");
    assert_eq!(
        h.envelope(&format!("stop?taskName={encoded}"), None).await,
        ok(INCR)
    );
    for query in ["stop", "stop?taskName=", "resume?pullBackFlag=true"] {
        assert_error(
            &h.envelope(query, None).await,
            "ILLEGAL_ARGUMENT",
            "taskName",
        );
    }
    assert_error(
        &h.envelope("stop?taskName=nope", None).await,
        "TASK_NOT_FOUND",
        "nope",
    );
}

#[tokio::test]
async fn flags_accept_any_letter_case_and_refuse_other_values() {
    let h = Harness::start().await;
    let e = h
        .envelope(
            &format!("resume?taskName={INCR_STOPPED}&pullBackFlag=yes"),
            None,
        )
        .await;
    assert_error(&e, "ILLEGAL_ARGUMENT", "pullBackFlag");
    let e = h
        .envelope(
            &format!("resume?taskName={FULL_STOPPED}&restartFlag=1"),
            None,
        )
        .await;
    assert_error(&e, "ILLEGAL_ARGUMENT", "restartFlag");
    let e = h
        .envelope(
            &format!("resume?taskName={FULL_STOPPED}&pullBackFlag=TRUE&restartFlag=True"),
            None,
        )
        .await;
    assert_error(&e, "ILLEGAL_ARGUMENT", "both");
    let e = h
        .envelope(
            &format!("resume?taskName={INCR_STOPPED}&pullBackFlag=False&restartFlag=FALSE"),
            None,
        )
        .await;
    assert_eq!(e, ok(INCR_STOPPED));
}

#[tokio::test]
async fn flags_on_the_wrong_component_are_illegal_arguments() {
    let h = Harness::start().await;
    let e = h
        .envelope(
            &format!("resume?taskName={FULL_STOPPED}&pullBackFlag=true"),
            None,
        )
        .await;
    assert_error(&e, "ILLEGAL_ARGUMENT", "Incr-Sync");
    let e = h
        .envelope(
            &format!("resume?taskName={INCR_STOPPED}&restartFlag=true"),
            None,
        )
        .await;
    assert_error(&e, "ILLEGAL_ARGUMENT", "Full-Import");
    assert_eq!(h.state(FULL_STOPPED).await, "STOPPED");
}

#[tokio::test]
async fn restart_resets_a_full_import() {
    let h = Harness::start().await;
    assert_eq!(h.task(FULL_STOPPED).await.unwrap()["progress"], 73);
    assert_eq!(
        h.envelope(
            &format!("resume?taskName={FULL_STOPPED}&restartFlag=true"),
            None
        )
        .await,
        ok(FULL_STOPPED)
    );
    let task = h.task(FULL_STOPPED).await.unwrap();
    assert_eq!(
        (task["state"].as_str(), task["progress"].as_u64()),
        (Some("RUNNING"), Some(0))
    );
}

#[tokio::test]
async fn states_decide_what_is_allowed() {
    let h = Harness::start().await;
    // stop needs RUNNING
    assert_error(
        &h.envelope(&format!("stop?taskName={INCR_STOPPED}"), None)
            .await,
        "ILLEGAL_STATE",
        "STOPPED",
    );
    // resume needs STOPPED or EXCEPTION
    assert_error(
        &h.envelope(&format!("resume?taskName={INCR}"), None).await,
        "ILLEGAL_STATE",
        "RUNNING",
    );
    assert_error(
        &h.envelope(&format!("resume?taskName={FULL_FINISHED}"), None)
            .await,
        "ILLEGAL_STATE",
        "FINISHED",
    );
    assert_eq!(
        h.envelope(&format!("resume?taskName={INCR_EXCEPTION}"), None)
            .await,
        ok(INCR_EXCEPTION)
    );
    // update needs STOPPED or EXCEPTION
    assert_error(
        &h.envelope(&format!("update?taskName={FULL_RUNNING}"), Some("{}"))
            .await,
        "ILLEGAL_STATE",
        "RUNNING",
    );
    // migrate: anything but FINISHED, the state is kept
    assert_error(
        &h.envelope(&format!("migrate?taskName={FULL_FINISHED}"), None)
            .await,
        "ILLEGAL_STATE",
        "FINISHED",
    );
    let moved = FULL_RUNNING.replace(":0000000001", ":0000000002");
    assert_eq!(
        h.envelope(&format!("migrate?taskName={FULL_RUNNING}"), None)
            .await,
        ok(&moved)
    );
    assert_eq!(h.state(&moved).await, "RUNNING");
    assert!(h.task(FULL_RUNNING).await.is_none());
    // delete: anything but RUNNING
    assert_error(
        &h.envelope(&format!("delete?taskName={moved}"), None).await,
        "ILLEGAL_STATE",
        "RUNNING",
    );
    assert_eq!(
        h.envelope(&format!("delete?taskName={FULL_FINISHED}"), None)
            .await,
        ok(FULL_FINISHED)
    );
    assert_error(
        &h.envelope(&format!("delete?taskName={FULL_FINISHED}"), None)
            .await,
        "TASK_NOT_FOUND",
        "does not exist",
    );
}

#[tokio::test]
async fn migrate_validates_ip() {
    let h = Harness::start().await;
    let e = h
        .envelope(
            &format!("migrate?taskName={INCR_STOPPED}&ip=10.0.0.300"),
            None,
        )
        .await;
    assert_error(&e, "ILLEGAL_ARGUMENT", "10.0.0.300");
    let moved = "fd00::7-9000:connector_v2:np_5f3k2m9q8x1a-incr_trans-1-0:0000000002";
    assert_eq!(
        h.envelope(&format!("migrate?taskName={INCR_STOPPED}&ip=fd00::7"), None)
            .await,
        ok(moved)
    );
    assert_eq!(
        h.envelope(&format!("migrate?taskName={moved}&ip="), None)
            .await,
        ok(&moved.replace(":0000000002", ":0000000003"))
    );
}

#[tokio::test]
async fn update_applies_delete_params_first_then_the_body() {
    let h = Harness::start().await;
    let body = r#"{"sink":{"workerNum":"2"},"newscope":{"k":"v"}}"#;
    let e = h
        .envelope(&format!("update?taskName={INCR_STOPPED}&deleteParams=sink.workerNum,sink.password,nosuch.key"), Some(body))
        .await;
    assert_eq!(e, ok(INCR_STOPPED));
    let config = &h.task(INCR_STOPPED).await.unwrap()["config"];
    assert_eq!(config["sink"]["workerNum"], "2");
    assert_eq!(config["sink"].get("password"), None);
    assert_eq!(config["newscope"]["k"], "v");
    for body in [None, Some(""), Some("  ")] {
        assert_eq!(
            h.envelope(&format!("update?taskName={INCR_STOPPED}"), body)
                .await,
            ok(INCR_STOPPED)
        );
    }
}

#[tokio::test]
async fn bad_update_input_is_named() {
    let h = Harness::start().await;
    let cases = [
        ("deleteParams=source", None, "'source'"),
        ("deleteParams=source.a,,sink.b", None, "''"),
        ("deleteParams=.a", None, "'.a'"),
        ("", Some("{not json"), "not valid JSON"),
        ("", Some("[1]"), "JSON object"),
        ("", Some(r#"{"source":"x"}"#), "updateConfigMap.source"),
        (
            "",
            Some(r#"{"source":{"workerNum":4}}"#),
            "updateConfigMap.source.workerNum",
        ),
        (
            "",
            Some(r#"{"source":{"clients":[]}}"#),
            "updateConfigMap.source.clients",
        ),
    ];
    for (query, body, named) in cases {
        let e = h
            .envelope(&format!("update?taskName={INCR_STOPPED}&{query}"), body)
            .await;
        assert_error(&e, "ILLEGAL_ARGUMENT", named);
    }
    let before = h.task(INCR_STOPPED).await.unwrap();
    assert_eq!(
        before["config"]["source"]["workerNum"], "4",
        "nothing was applied"
    );
}

#[tokio::test]
async fn pullback_checks_the_checkpoint() {
    let h = Harness::start().await;
    let sub_a = "ob_ten_1_5ukd9qzmhk3k-1-0";
    let set = |checkpoint: String| {
        let body = json!({"source": {"checkpoint": checkpoint}}).to_string();
        let h = &h;
        async move {
            let e = h
                .envelope(
                    &format!("update?taskName={INCR_STOPPED}&deleteParams=source.checkpoint"),
                    Some(&body),
                )
                .await;
            assert_eq!(e, ok(INCR_STOPPED));
        }
    };
    let resume = format!("resume?taskName={INCR_STOPPED}&pullBackFlag=true");
    let cases = [
        (r#"{"other-1-0":"1676286000"}"#.to_string(), "other-1-0"),
        (format!(r#"{{"{sub_a}":"4102444800"}}"#), "future"),
        (format!(r#"{{"{sub_a}":"soon"}}"#), "epoch seconds"),
        (format!(r#"{{"{sub_a}":1676286000}}"#), "JSON text"),
        ("{}".to_owned(), "JSON text"),
        ("1676286000".to_owned(), "JSON text"),
    ];
    for (checkpoint, named) in cases {
        set(checkpoint).await;
        assert_error(&h.envelope(&resume, None).await, "ILLEGAL_ARGUMENT", named);
        assert_eq!(h.state(INCR_STOPPED).await, "STOPPED");
    }
    let e = h
        .envelope(
            &format!("update?taskName={INCR_STOPPED}&deleteParams=source.checkpoint"),
            None,
        )
        .await;
    assert_eq!(e, ok(INCR_STOPPED));
    assert_error(
        &h.envelope(&resume, None).await,
        "ILLEGAL_ARGUMENT",
        "not set",
    );
    let good = format!(r#"{{"{sub_a}":"1676286000","ob_ten_1_5ukd9qzmhk3k-2-0":"1676286001"}}"#);
    set(good.clone()).await;
    assert_eq!(h.envelope(&resume, None).await, ok(INCR_STOPPED));
    assert_eq!(
        h.task(INCR_STOPPED).await.unwrap()["position"],
        good.as_str()
    );
}

#[tokio::test]
async fn other_methods_and_paths() {
    let h = Harness::start().await;
    let url = format!("{}/connector/task/v2/stop?taskName={INCR}", h.sim.url());
    for method in [
        reqwest::Method::GET,
        reqwest::Method::PUT,
        reqwest::Method::DELETE,
    ] {
        let response = h.client.request(method, &url).send().await.unwrap();
        assert_eq!(response.status(), 405);
        assert_eq!(response.headers()["allow"], "POST");
    }
    assert_eq!(h.post("pause?taskName=x", None).await.0, 404);
    let response = h
        .client
        .get(format!("{}/nothing", h.sim.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    assert_eq!(h.state(INCR).await, "RUNNING");
}

#[tokio::test]
async fn the_request_journal_and_reset() {
    let h = Harness::start().await;
    h.post(&format!("stop?taskName={}", INCR.replace(':', "%3A")), None)
        .await;
    h.post(
        &format!("update?taskName={INCR}&deleteParams=a.b"),
        Some(r#"{"a":{"b":"c"}}"#),
    )
    .await;
    let journal = h.get("/_sim/requests").await;
    assert_eq!(journal.as_array().unwrap().len(), 2);
    assert_eq!(journal[0]["method"], "POST");
    assert_eq!(journal[0]["path"], "/connector/task/v2/stop");
    assert_eq!(
        journal[0]["query"],
        format!("taskName={}", INCR.replace(':', "%3A"))
    );
    assert_eq!(journal[0]["body"], Value::Null);
    assert_eq!(journal[0]["status"], 200);
    assert_eq!(journal[0]["response"], ok(INCR).to_string());
    assert_eq!(journal[1]["body"], r#"{"a":{"b":"c"}}"#);
    h.client
        .delete(format!("{}/_sim/requests", h.sim.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(h.get("/_sim/requests").await, json!([]));
    assert_eq!(h.state(INCR).await, "STOPPED");
    h.post(&format!("stop?taskName={INCR}"), None).await;
    let response = h
        .client
        .post(format!("{}/_sim/reset", h.sim.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
    assert_eq!(h.state(INCR).await, "RUNNING");
    assert_eq!(h.get("/_sim/requests").await, json!([]));
}

#[tokio::test]
async fn faults_apply_in_order_and_change_no_state() {
    let h = Harness::start().await;
    h.faults(json!({"next": ["http500Html", "http502Empty", "malformedJson", "internalError", "drop", "ok"]}))
        .await;
    assert_eq!(
        h.get("/_sim/faults").await["next"]
            .as_array()
            .unwrap()
            .len(),
        6
    );
    let stop = format!("stop?taskName={INCR}");
    let (status, body) = h.post(&stop, None).await;
    assert_eq!(status, 500);
    assert!(body.starts_with("<html>"));
    assert_eq!(h.post(&stop, None).await, (502, String::new()));
    let (status, body) = h.post(&stop, None).await;
    assert_eq!(status, 200);
    assert!(serde_json::from_str::<Value>(&body).is_err(), "{body}");
    assert_error(&h.envelope(&stop, None).await, "INTERNAL_ERROR", "internal");
    let dropped = h
        .client
        .post(format!("{}/connector/task/v2/{stop}", h.sim.url()))
        .send()
        .await;
    assert!(dropped.is_err(), "the connection closes without an answer");
    assert_eq!(
        h.state(INCR).await,
        "RUNNING",
        "faulted requests change no state"
    );
    let encoded = format!("stop?taskName={}", INCR.replace(':', "%3A"));
    assert_eq!(
        h.envelope(&encoded, None).await,
        ok(INCR),
        "a new request gets the next fault: ok"
    );
    let journal = h.get("/_sim/requests").await;
    let statuses: Vec<_> = journal
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["status"].clone())
        .collect();
    assert_eq!(
        statuses,
        vec![
            json!(500),
            json!(502),
            json!(200),
            json!(200),
            Value::Null,
            json!(200)
        ]
    );
    let response = h
        .client
        .delete(format!("{}/_sim/faults", h.sim.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
    assert_eq!(h.get("/_sim/faults").await["next"], json!([]));
}

#[tokio::test]
async fn injected_internal_errors_can_carry_a_message() {
    let h = Harness::start().await;
    h.faults(json!({"next": ["internalError"], "errMsg": "<b>CM overloaded</b>"}))
        .await;
    let e = h.envelope(&format!("stop?taskName={INCR}"), None).await;
    assert_error(&e, "INTERNAL_ERROR", "<b>CM overloaded</b>");
}

#[tokio::test]
async fn the_resends_of_a_dropped_request_are_dropped_too() {
    let h = Harness::start().await;
    h.faults(json!({"next": ["drop"]})).await;
    let url = format!("{}/connector/task/v2/stop?taskName={INCR}", h.sim.url());
    assert!(h.client.post(&url).send().await.is_err());
    assert!(
        h.client.post(&url).send().await.is_err(),
        "the same request again, at once"
    );
    let other = format!(
        "{}/connector/task/v2/stop?taskName={INCR_STOPPED}",
        h.sim.url()
    );
    assert_eq!(
        h.client.post(&other).send().await.unwrap().status(),
        200,
        "other requests are answered"
    );
    assert_eq!(h.state(INCR).await, "RUNNING");
}

#[tokio::test]
async fn a_hang_does_not_answer_within_a_client_timeout() {
    let h = Harness::start().await;
    h.faults(json!({"next": ["hang"]})).await;
    let result = h
        .client
        .post(format!(
            "{}/connector/task/v2/stop?taskName={INCR}",
            h.sim.url()
        ))
        .timeout(std::time::Duration::from_millis(300))
        .send()
        .await;
    assert!(result.unwrap_err().is_timeout());
    assert_eq!(h.state(INCR).await, "RUNNING");
    let journal = h.get("/_sim/requests").await;
    assert_eq!(
        journal[0]["status"],
        Value::Null,
        "received, not yet answered"
    );
}

#[tokio::test]
async fn latency_delays_answers() {
    let h = Harness::start().await;
    h.faults(json!({"latencyMs": 150})).await;
    let started = std::time::Instant::now();
    h.post(&format!("stop?taskName={INCR}"), None).await;
    assert!(started.elapsed() >= std::time::Duration::from_millis(150));
}

#[tokio::test]
async fn a_seeded_fail_rate_is_reproducible() {
    let run = || async {
        let h = Harness::with(Options {
            faults: serde_json::from_value(json!({"failRate": 0.5, "seed": 42})).unwrap(),
            ..Options::default()
        })
        .await;
        let mut codes = Vec::new();
        for _ in 0..30 {
            let e = h.envelope("stop?taskName=nope", None).await;
            codes.push(e["errCode"].as_str().unwrap().to_owned());
        }
        codes
    };
    let first = run().await;
    assert!(
        first.contains(&"INTERNAL_ERROR".to_owned())
            && first.contains(&"TASK_NOT_FOUND".to_owned())
    );
    assert_eq!(first, run().await);
}

#[tokio::test]
async fn bad_fault_settings_are_refused() {
    let h = Harness::start().await;
    let response = h
        .client
        .post(format!("{}/_sim/faults", h.sim.url()))
        .body(r#"{"next":["explode"]}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
}

#[tokio::test]
async fn a_fixture_replaces_the_demo_fleet() {
    let fixture = json!([{"taskName": "t1", "state": "RUNNING", "config": {}, "position": null}]);
    let h = Harness::with(Options {
        tasks: serde_json::from_value(fixture.clone()).unwrap(),
        ..Options::default()
    })
    .await;
    assert_eq!(h.get("/_sim/tasks").await, fixture);
    assert_eq!(h.envelope("stop?taskName=t1", None).await, ok("t1"));
    assert_error(
        &h.envelope("migrate?taskName=t1", None).await,
        "ILLEGAL_ARGUMENT",
        "v2",
    );
}

#[tokio::test]
async fn the_demo_fleet_covers_every_state_and_component() {
    let h = Harness::start().await;
    let tasks = h.get("/_sim/tasks").await;
    let tasks = tasks.as_array().unwrap();
    for state in ["RUNNING", "STOPPED", "EXCEPTION", "FINISHED"] {
        assert!(tasks.iter().any(|t| t["state"] == state), "{state}");
    }
    let nodes: std::collections::BTreeSet<_> = tasks
        .iter()
        .map(|t| t["taskName"].as_str().unwrap().split(':').next().unwrap())
        .collect();
    assert!(nodes.len() >= 2);
    assert!(tasks.len() >= 6);
    for task in tasks {
        assert!(task["config"]["sink"]["password"].is_string());
    }
}

#[tokio::test]
async fn the_api_can_also_be_served_under_a_prefix() {
    let h = Harness::with(Options {
        prefixes: vec!["/cm/east".into()],
        ..Options::default()
    })
    .await;
    let response = h
        .client
        .post(format!(
            "{}/cm/east/connector/task/v2/stop?taskName={INCR}",
            h.sim.url()
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(response.json::<Value>().await.unwrap(), ok(INCR));
    assert_eq!(
        h.get("/_sim/requests").await[0]["path"],
        "/cm/east/connector/task/v2/stop"
    );
    assert_eq!(
        h.post(&format!("stop?taskName={INCR}"), None).await.0,
        200,
        "the plain path still works"
    );
}

#[tokio::test]
async fn static_files_and_cors() {
    let dir = std::env::temp_dir().join(format!("cm-sim-static-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<title>console</title>").unwrap();
    let h = Harness::with(Options {
        static_dir: Some(dir.clone()),
        cors: true,
        ..Options::default()
    })
    .await;
    let response = h
        .client
        .get(format!("{}/", h.sim.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.headers()["cache-control"],
        "no-cache",
        "a rebuilt console is loaded, not the browser's copy"
    );
    let modified = response.headers()["last-modified"].clone();
    assert_eq!(response.text().await.unwrap(), "<title>console</title>");
    let unchanged = h
        .client
        .get(format!("{}/", h.sim.url()))
        .header("If-Modified-Since", modified)
        .send()
        .await
        .unwrap();
    assert_eq!(unchanged.status(), 304, "revalidated, not downloaded again");
    let response = h
        .client
        .post(format!(
            "{}/connector/task/v2/stop?taskName={INCR}",
            h.sim.url()
        ))
        .header("Origin", "http://elsewhere:8080")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["access-control-allow-origin"], "*");
    let plain = Harness::start().await;
    let response = plain
        .client
        .post(format!(
            "{}/connector/task/v2/stop?taskName={INCR}",
            plain.sim.url()
        ))
        .header("Origin", "http://elsewhere:8080")
        .send()
        .await
        .unwrap();
    assert!(
        response
            .headers()
            .get("access-control-allow-origin")
            .is_none()
    );
    std::fs::remove_dir_all(dir).unwrap();
}
