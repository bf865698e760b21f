//! `openapi.yaml` against the simulator: every envelope the simulator's own
//! tests receive must satisfy the description's `Envelope` schema.

use std::sync::OnceLock;

use jsonschema::Validator;
use serde_json::{Value, json};

fn document() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../openapi.yaml");
    let text = std::fs::read_to_string(path).expect("openapi.yaml");
    serde_norway::from_str(&text).expect("openapi.yaml is YAML")
}

/// A validator for one of the description's schemas, its `$ref`s resolved within the document.
fn validator(name: &str) -> Validator {
    let doc = document();
    assert_eq!(doc["openapi"], "3.1.0");
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": format!("#/components/schemas/{name}"),
        "components": doc["components"],
    });
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .build(&schema)
        .expect("the schema compiles")
}

fn envelope_validator() -> &'static Validator {
    static VALIDATOR: OnceLock<Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| validator("Envelope"))
}

/// Fails the test when `envelope` does not satisfy the description.
pub fn check_envelope(envelope: &Value) {
    let errors: Vec<String> = envelope_validator()
        .iter_errors(envelope)
        .map(|e| e.to_string())
        .collect();
    assert!(
        errors.is_empty(),
        "{envelope} does not match openapi.yaml: {errors:?}"
    );
}

#[test]
fn the_schema_refuses_what_the_cm_never_answers() {
    let validator = envelope_validator();
    let success = json!({"errCode": null, "errMsg": null, "errorDetail": null, "isSuccess": true, "result": "t", "retryable": null});
    assert!(validator.is_valid(&success));
    for bad in [
        json!({"errCode": "ILLEGAL_STATE", "errMsg": null, "errorDetail": null, "isSuccess": true, "result": "t", "retryable": null}),
        json!({"errCode": "NOPE", "errMsg": "m", "errorDetail": null, "isSuccess": false, "result": null, "retryable": false}),
        json!({"errMsg": "m", "errorDetail": null, "isSuccess": false, "result": null, "retryable": false}),
        json!({"errCode": "ILLEGAL_STATE", "errMsg": "m", "errorDetail": null, "isSuccess": false, "result": null, "retryable": "no"}),
    ] {
        assert!(!validator.is_valid(&bad), "{bad}");
    }
}

#[test]
fn the_examples_satisfy_their_schemas() {
    let doc = document();
    let envelope = envelope_validator();
    for name in ["success", "refused"] {
        check_envelope(
            &doc["components"]["responses"]["Envelope"]["content"]["application/json"]["examples"]
                [name]["value"],
        );
    }
    assert!(envelope.is_valid(&doc["paths"]["/connector/task/v2/migrate"]["post"]["responses"]["200"]["content"]["application/json"]["example"]));
    let body = validator("UpdateConfigMap");
    for name in ["reference", "pullback"] {
        let example = &doc["paths"]["/connector/task/v2/update"]["post"]["requestBody"]["content"]
            ["application/json"]["examples"][name]["value"];
        assert!(body.is_valid(example), "{example}");
    }
    assert!(!body.is_valid(&json!({"source": {"workerNum": 4}})));
    let operations: Vec<&str> = doc["paths"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        operations,
        [
            "/connector/task/v2/resume",
            "/connector/task/v2/stop",
            "/connector/task/v2/update",
            "/connector/task/v2/migrate",
            "/connector/task/v2/delete"
        ]
    );
}
