//! The connector API: `POST /connector/task/v2/{resume,stop,update,migrate,delete}`.

use std::net::IpAddr;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::body::to_bytes;
use axum::extract::{OriginalUri, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::Value;

use crate::faults::{Fault, HANG_SECS};
use crate::fleet::{ApiError, Config, ErrCode};
use crate::server::{AppState, DropConnection};

/// The largest request body read, in bytes.
const BODY_LIMIT: usize = 4 << 20;

/// The operations, as path segments.
const OPERATIONS: [&str; 5] = ["resume", "stop", "update", "migrate", "delete"];

/// The answer envelope, fields in the reference's order.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Envelope {
    err_code: Option<&'static str>,
    err_msg: Option<String>,
    error_detail: Option<String>,
    is_success: bool,
    result: Option<String>,
    retryable: Option<bool>,
}

impl Envelope {
    fn of(outcome: &Result<String, ApiError>) -> Self {
        match outcome {
            Ok(result) => Self {
                err_code: None,
                err_msg: None,
                error_detail: None,
                is_success: true,
                result: Some(result.clone()),
                retryable: None,
            },
            Err(error) => Self {
                err_code: Some(error.code.as_str()),
                err_msg: Some(error.msg.clone()),
                error_detail: None,
                is_success: false,
                result: None,
                retryable: Some(error.code == ErrCode::InternalError),
            },
        }
    }
}

fn internal_error(msg: &str, detail: &str) -> Envelope {
    Envelope {
        error_detail: Some(detail.into()),
        ..Envelope::of(&Err(ApiError {
            code: ErrCode::InternalError,
            msg: msg.into(),
        }))
    }
}

/// An answer as text, with its status and content type.
struct Answer {
    status: StatusCode,
    content_type: &'static str,
    body: String,
}

impl Answer {
    fn json(envelope: &Envelope) -> Self {
        Self {
            status: StatusCode::OK,
            content_type: "application/json",
            body: serde_json::to_string(envelope).unwrap_or_default(),
        }
    }

    fn text(status: StatusCode, body: &str) -> Self {
        Self {
            status,
            content_type: "text/plain; charset=utf-8",
            body: body.into(),
        }
    }
}

/// How early tokio's timer is asked to wake before a latency's deadline:
/// it rounds up to whole milliseconds and wakes up to 2 ms late.
const TIMER_SLACK: Duration = Duration::from_millis(3);

/// Waits until `deadline`, the latency's end counted from the request's
/// arrival: tokio's timer for the bulk, then a thread's sleep (microsecond
/// precise) for the rest, so a latency of 50 ms answers after 50 ms, not 52.
async fn wait_until(deadline: Instant) {
    if let Some(early) = deadline.checked_sub(TIMER_SLACK) {
        tokio::time::sleep_until(early.into()).await;
    }
    let rest = deadline.saturating_duration_since(Instant::now());
    if !rest.is_zero() {
        let _ = tokio::task::spawn_blocking(move || std::thread::sleep(rest)).await;
    }
}

/// Handles every request under `/connector/`.
pub async fn handle(State(state): State<AppState>, request: Request) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.extensions().get::<OriginalUri>().map_or_else(
        || request.uri().path().to_owned(),
        |o| o.0.path().to_owned(),
    );
    let query = request.uri().query().unwrap_or_default().to_owned();
    let drop_connection = request.extensions().get::<DropConnection>().cloned();
    let cache_control = request
        .headers()
        .get(header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let request_path = request.uri().path().to_owned();
    let bytes = to_bytes(request.into_body(), BODY_LIMIT)
        .await
        .unwrap_or_default();
    let body = (!bytes.is_empty()).then(|| String::from_utf8_lossy(&bytes).into_owned());
    let id = state.record(method.as_str(), &path, &query, body.clone(), cache_control);
    let params: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    let task_name = first(&params, "taskName").unwrap_or_default();

    let operation = request_path
        .strip_prefix("/connector/task/v2/")
        .filter(|op| OPERATIONS.contains(op));
    let answer = match operation {
        None => Answer::text(StatusCode::NOT_FOUND, "Not Found"),
        Some(_) if method != Method::POST => {
            Answer::text(StatusCode::METHOD_NOT_ALLOWED, "Method Not Allowed")
        }
        Some(op) => {
            let signature = format!(
                "{method} {path}?{query}\n{}",
                body.as_deref().unwrap_or_default()
            );
            let (wait, fault) = state.next_fault(&signature);
            wait_until(started + Duration::from_millis(wait)).await;
            match fault {
                Fault::Ok => {
                    let outcome = state.apply(|fleet| {
                        let now = SystemTime::now()
                            .duration_since(UNIX_EPOCH)
                            .map_or(0, |d| d.as_secs() as i64);
                        operate(fleet, op, &params, body.as_deref(), now)
                    });
                    Answer::json(&Envelope::of(&outcome))
                }
                Fault::InternalError => {
                    let (msg, detail) = state.fault_message();
                    Answer::json(&internal_error(&msg, &detail))
                }
                Fault::Http500Html => Answer {
                    status: StatusCode::INTERNAL_SERVER_ERROR,
                    content_type: "text/html; charset=utf-8",
                    body: "<html><head><title>500 Internal Server Error</title></head><body><h1>Whitelabel Error Page</h1><p>Internal Server Error</p></body></html>".into(),
                },
                Fault::Http502Empty => Answer::text(StatusCode::BAD_GATEWAY, ""),
                Fault::MalformedJson => Answer {
                    status: StatusCode::OK,
                    content_type: "application/json",
                    body: r#"{"errCode":null,"errMsg":null,"errorDetail":nu"#.into(),
                },
                Fault::Hang => {
                    tokio::time::sleep(Duration::from_secs(HANG_SECS)).await;
                    Answer::json(&internal_error("the CM did not answer in time", "fault injected by cm-sim"))
                }
                Fault::Drop => {
                    tracing::info!("{method} {path} taskName={task_name} outcome=dropped");
                    if let Some(drop_connection) = drop_connection {
                        drop_connection.drop_now();
                    }
                    return std::future::pending().await;
                }
            }
        }
    };
    state.answered(id, answer.status.as_u16(), &answer.body);
    let outcome = outcome_label(&answer);
    tracing::info!(
        "{method} {path} taskName={task_name} outcome={outcome} duration={}ms",
        started.elapsed().as_millis()
    );
    let mut response = (answer.status, answer.body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(answer.content_type),
    );
    if answer.status == StatusCode::METHOD_NOT_ALLOWED {
        headers.insert(header::ALLOW, HeaderValue::from_static("POST"));
    }
    response
}

fn outcome_label(answer: &Answer) -> String {
    if answer.status != StatusCode::OK {
        return answer.status.as_u16().to_string();
    }
    match serde_json::from_str::<Value>(&answer.body) {
        Ok(v) if v["isSuccess"] == Value::Bool(true) => "ok".into(),
        Ok(v) => v["errCode"].as_str().unwrap_or("error").to_owned(),
        Err(_) => "malformed".into(),
    }
}

fn first(params: &[(String, String)], name: &str) -> Option<String> {
    params
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, v)| v.clone())
}

fn flag(params: &[(String, String)], name: &str) -> Result<bool, ApiError> {
    match first(params, name) {
        None => Ok(false),
        Some(value) if value.eq_ignore_ascii_case("true") => Ok(true),
        Some(value) if value.eq_ignore_ascii_case("false") => Ok(false),
        Some(value) => Err(ApiError::argument(format!(
            "{name} must be true or false, not '{value}'"
        ))),
    }
}

fn delete_params(value: Option<String>) -> Result<Vec<(String, String)>, ApiError> {
    let Some(value) = value.filter(|v| !v.is_empty()) else {
        return Ok(Vec::new());
    };
    value
        .split(',')
        .map(|entry| match entry.split_once('.') {
            Some((scope, key)) if !scope.is_empty() && !key.is_empty() => {
                Ok((scope.to_owned(), key.to_owned()))
            }
            _ => Err(ApiError::argument(format!(
                "deleteParams entry '{entry}' is not scope.key"
            ))),
        })
        .collect()
}

fn update_config_map(body: Option<&str>) -> Result<Config, ApiError> {
    let Some(text) = body.filter(|b| !b.trim().is_empty()) else {
        return Ok(Config::new());
    };
    let value: Value = serde_json::from_str(text)
        .map_err(|e| ApiError::argument(format!("updateConfigMap is not valid JSON: {e}")))?;
    let Value::Object(scopes) = value else {
        return Err(ApiError::argument(
            "updateConfigMap must be a JSON object of scopes",
        ));
    };
    let mut config = Config::new();
    for (scope, keys) in scopes {
        let Value::Object(keys) = keys else {
            return Err(ApiError::argument(format!(
                "updateConfigMap.{scope} must be an object of keys"
            )));
        };
        for (key, leaf) in keys {
            let Value::String(text) = leaf else {
                return Err(ApiError::argument(format!(
                    "updateConfigMap.{scope}.{key} must be a string"
                )));
            };
            config.entry(scope.clone()).or_default().insert(key, text);
        }
    }
    Ok(config)
}

fn operate(
    fleet: &mut crate::fleet::Fleet,
    op: &str,
    params: &[(String, String)],
    body: Option<&str>,
    now: i64,
) -> Result<String, ApiError> {
    let name = first(params, "taskName")
        .filter(|n| !n.is_empty())
        .ok_or_else(|| ApiError::argument("taskName is required"))?;
    match op {
        "resume" => {
            let pull_back = flag(params, "pullBackFlag")?;
            let restart = flag(params, "restartFlag")?;
            fleet.resume(&name, pull_back, restart, now)
        }
        "stop" => fleet.stop(&name),
        "update" => {
            let deletes = delete_params(first(params, "deleteParams"))?;
            let updates = update_config_map(body)?;
            fleet.update(&name, &deletes, &updates)
        }
        "migrate" => {
            let ip = match first(params, "ip").filter(|ip| !ip.is_empty()) {
                None => None,
                Some(text) => Some(text.parse::<IpAddr>().map_err(|_| {
                    ApiError::argument(format!("ip '{text}' is not an IPv4 or IPv6 address"))
                })?),
            };
            fleet.migrate(&name, ip)
        }
        _ => fleet.delete(&name),
    }
}
