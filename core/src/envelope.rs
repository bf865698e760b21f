//! Reading the CM host's answers: the envelope, and every other way a call can end.

use serde_json::Value;

/// How many characters of an unexpected body are kept for display.
pub const EXCERPT_CHARS: usize = 300;

/// What came back over HTTP, before interpretation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawAnswer {
    /// The HTTP status code.
    pub status: u16,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// The body as text.
    pub body: String,
}

/// The outcome classes, with the names the response panel's `data-outcome` uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutcomeClass {
    /// `isSuccess: true`.
    Success,
    /// A well-formed envelope with `isSuccess` not true.
    ApiError,
    /// An HTTP status other than 2xx.
    HttpError,
    /// A 2xx answer that is not a JSON envelope.
    NotJson,
    /// No answer: the connection failed.
    Network,
    /// No answer within the time limit.
    Timeout,
    /// The user cancelled before an answer came.
    Cancelled,
}

impl OutcomeClass {
    /// Every class.
    pub const ALL: [Self; 7] = [
        Self::Success,
        Self::ApiError,
        Self::HttpError,
        Self::NotJson,
        Self::Network,
        Self::Timeout,
        Self::Cancelled,
    ];

    /// The stable name, e.g. `api-error`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Success => "success",
            Self::ApiError => "api-error",
            Self::HttpError => "http-error",
            Self::NotJson => "not-json",
            Self::Network => "network",
            Self::Timeout => "timeout",
            Self::Cancelled => "cancelled",
        }
    }

    /// The class a stable name ([`Self::as_str`]) names, if any.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|class| class.as_str() == name)
    }
}

/// How a call ended, with what the user needs to see.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The CM applied the operation.
    Success {
        /// `result`: the task name (for `migrate`, the new one).
        result: Option<Value>,
    },
    /// The CM refused the operation.
    ApiError {
        /// `errCode`, e.g. `ILLEGAL_STATE`.
        err_code: Option<String>,
        /// `errMsg`.
        err_msg: Option<String>,
        /// `errorDetail` as text (objects as JSON text).
        error_detail: Option<String>,
        /// `retryable`.
        retryable: Option<bool>,
    },
    /// An HTTP error status.
    HttpError {
        /// The status code.
        status: u16,
        /// The start of the body.
        excerpt: String,
    },
    /// A 2xx answer that is not an envelope.
    NotJson {
        /// The status code.
        status: u16,
        /// The `Content-Type` header.
        content_type: Option<String>,
        /// The start of the body.
        excerpt: String,
    },
    /// The connection failed; the browser's message.
    Network {
        /// What the browser said.
        detail: String,
    },
    /// No answer within the time limit.
    Timeout {
        /// The limit that passed, in milliseconds.
        after_ms: u32,
    },
    /// Cancelled by the user.
    Cancelled,
}

impl Outcome {
    /// Reads an HTTP answer leniently.
    pub fn classify(answer: &RawAnswer) -> Self {
        if !(200..300).contains(&answer.status) {
            return Self::HttpError {
                status: answer.status,
                excerpt: excerpt(&answer.body),
            };
        }
        match serde_json::from_str::<Value>(&answer.body) {
            Ok(Value::Object(envelope)) => {
                let text = |name: &str| match envelope.get(name) {
                    None | Some(Value::Null) => None,
                    Some(Value::String(s)) => Some(s.clone()),
                    Some(other) => Some(other.to_string()),
                };
                if envelope.get("isSuccess") == Some(&Value::Bool(true)) {
                    Self::Success {
                        result: envelope.get("result").filter(|v| !v.is_null()).cloned(),
                    }
                } else {
                    Self::ApiError {
                        err_code: text("errCode"),
                        err_msg: text("errMsg"),
                        error_detail: text("errorDetail"),
                        retryable: envelope.get("retryable").and_then(Value::as_bool),
                    }
                }
            }
            _ => Self::NotJson {
                status: answer.status,
                content_type: answer.content_type.clone(),
                excerpt: excerpt(&answer.body),
            },
        }
    }

    /// The class of this outcome.
    pub fn class(&self) -> OutcomeClass {
        match self {
            Self::Success { .. } => OutcomeClass::Success,
            Self::ApiError { .. } => OutcomeClass::ApiError,
            Self::HttpError { .. } => OutcomeClass::HttpError,
            Self::NotJson { .. } => OutcomeClass::NotJson,
            Self::Network { .. } => OutcomeClass::Network,
            Self::Timeout { .. } => OutcomeClass::Timeout,
            Self::Cancelled => OutcomeClass::Cancelled,
        }
    }

    /// Whether sending the same request again is known to be safe: only
    /// when the CM said so. Any answer that leaves it unknown whether the
    /// CM applied the operation is not.
    pub fn retry_is_safe(&self) -> bool {
        matches!(
            self,
            Self::ApiError {
                retryable: Some(true),
                ..
            }
        )
    }

    /// Whether the CM may have applied the operation although the console
    /// cannot tell (the user should check the task before retrying).
    pub fn may_have_applied(&self) -> bool {
        matches!(
            self,
            Self::Timeout { .. }
                | Self::Cancelled
                | Self::Network { .. }
                | Self::HttpError { .. }
                | Self::NotJson { .. }
        )
    }

    /// The `errCode`, when it is one of the codes the CM is known to answer.
    pub fn err_code(&self) -> Option<ErrCode> {
        match self {
            Self::ApiError {
                err_code: Some(code),
                ..
            } => ErrCode::parse(code),
            _ => None,
        }
    }

    /// A refusal's `errCode`, `errMsg` and `errorDetail`, each as the CM
    /// gave it; `None` for any other outcome.
    pub fn refusal(&self) -> Option<[Option<&str>; 3]> {
        match self {
            Self::ApiError {
                err_code,
                err_msg,
                error_detail,
                ..
            } => Some([err_code, err_msg, error_detail].map(Option::as_deref)),
            _ => None,
        }
    }

    /// The `result` as text, when it is a string (the task's name).
    pub fn result_text(&self) -> Option<&str> {
        match self {
            Self::Success {
                result: Some(Value::String(name)),
            } => Some(name),
            _ => None,
        }
    }
}

/// The error codes the CM is known to answer (`facts.md`), each with its
/// own explanation; any other code is shown as it came.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrCode {
    /// `TASK_NOT_FOUND`: no task has that name on this CM host.
    TaskNotFound,
    /// `ILLEGAL_STATE`: the task's state does not allow the operation.
    IllegalState,
    /// `ILLEGAL_ARGUMENT`: a parameter was refused.
    IllegalArgument,
    /// `INTERNAL_ERROR`: the CM failed while handling the request.
    InternalError,
}

impl ErrCode {
    /// The code as the CM writes it, read exactly (codes are upper case).
    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "TASK_NOT_FOUND" => Some(Self::TaskNotFound),
            "ILLEGAL_STATE" => Some(Self::IllegalState),
            "ILLEGAL_ARGUMENT" => Some(Self::IllegalArgument),
            "INTERNAL_ERROR" => Some(Self::InternalError),
            _ => None,
        }
    }
}

/// The first [`EXCERPT_CHARS`] characters of a body, marked when cut.
pub fn excerpt(body: &str) -> String {
    let mut chars = body.chars();
    let head: String = chars.by_ref().take(EXCERPT_CHARS).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn outcome_classes_are_read_back_from_their_names() {
        for class in OutcomeClass::ALL {
            assert_eq!(OutcomeClass::parse(class.as_str()), Some(class));
        }
        assert_eq!(OutcomeClass::parse("pending"), None);
        assert_eq!(OutcomeClass::parse("Success"), None);
    }

    #[test]
    fn known_error_codes_are_read_and_others_are_not() {
        let api_error = |body: &str| Outcome::classify(&answer(200, body));
        let code = |c: &str| {
            api_error(&format!(
                r#"{{"isSuccess":false,"errCode":"{c}","errMsg":"m","result":null,"retryable":false}}"#
            ))
            .err_code()
        };
        assert_eq!(code("TASK_NOT_FOUND"), Some(ErrCode::TaskNotFound));
        assert_eq!(code("ILLEGAL_STATE"), Some(ErrCode::IllegalState));
        assert_eq!(code("ILLEGAL_ARGUMENT"), Some(ErrCode::IllegalArgument));
        assert_eq!(code("INTERNAL_ERROR"), Some(ErrCode::InternalError));
        assert_eq!(code("illegal_state"), None);
        assert_eq!(code("QUOTA_EXCEEDED"), None);
        assert_eq!(
            api_error(r#"{"isSuccess":false,"errCode":null}"#).err_code(),
            None
        );
        assert_eq!(
            api_error(r#"{"isSuccess":true,"result":"t"}"#).err_code(),
            None
        );
    }

    fn answer(status: u16, body: &str) -> RawAnswer {
        RawAnswer {
            status,
            content_type: Some("application/json".into()),
            body: body.into(),
        }
    }

    #[test]
    fn the_reference_success_sample() {
        let body = r#"{
  "errCode": null,
  "errMsg": null,
  "errorDetail": null,
  "isSuccess": true,
  "result": "xxx.xxx.xxx.xxx-9000:connector_v2:p_493po****-incr_trans-1-0:0000000001",
  "retryable": null
}"#;
        let outcome = Outcome::classify(&answer(200, body));
        assert_eq!(outcome.class(), OutcomeClass::Success);
        assert_eq!(
            outcome.result_text(),
            Some("xxx.xxx.xxx.xxx-9000:connector_v2:p_493po****-incr_trans-1-0:0000000001")
        );
        assert!(!outcome.retry_is_safe());
    }

    #[test]
    fn api_errors_are_read_leniently() {
        let outcome = Outcome::classify(&answer(
            200,
            r#"{"errCode":"INTERNAL_ERROR","errMsg":"boom","errorDetail":{"trace":1},"isSuccess":false,"retryable":true,"extra":1}"#,
        ));
        assert_eq!(
            outcome,
            Outcome::ApiError {
                err_code: Some("INTERNAL_ERROR".into()),
                err_msg: Some("boom".into()),
                error_detail: Some(r#"{"trace":1}"#.into()),
                retryable: Some(true),
            }
        );
        assert!(outcome.retry_is_safe());
        let sparse = Outcome::classify(&answer(200, r#"{"isSuccess":false}"#));
        assert_eq!(
            sparse,
            Outcome::ApiError {
                err_code: None,
                err_msg: None,
                error_detail: None,
                retryable: None
            }
        );
        assert!(!sparse.retry_is_safe());
    }

    #[test]
    fn http_errors_and_non_json_are_told_apart() {
        let html = "<html><body>Bad gateway</body></html>";
        assert_eq!(
            Outcome::classify(&answer(502, html)),
            Outcome::HttpError {
                status: 502,
                excerpt: html.into()
            }
        );
        let cut = Outcome::classify(&RawAnswer {
            status: 200,
            content_type: Some("text/html".into()),
            body: "{\"isSucc".into(),
        });
        assert_eq!(cut.class(), OutcomeClass::NotJson);
        assert!(cut.may_have_applied());
        assert_eq!(
            Outcome::classify(&answer(200, "[1,2]")).class(),
            OutcomeClass::NotJson
        );
    }

    #[test]
    fn long_bodies_are_cut() {
        let long = "x".repeat(1000);
        let text = excerpt(&long);
        assert_eq!(text.chars().count(), EXCERPT_CHARS + 1);
        assert!(text.ends_with('…'));
    }

    #[test]
    fn class_names_are_the_automation_contract() {
        let names: Vec<_> = [
            Outcome::Success {
                result: Some(json!("t")),
            },
            Outcome::ApiError {
                err_code: None,
                err_msg: None,
                error_detail: None,
                retryable: None,
            },
            Outcome::HttpError {
                status: 500,
                excerpt: String::new(),
            },
            Outcome::NotJson {
                status: 200,
                content_type: None,
                excerpt: String::new(),
            },
            Outcome::Network {
                detail: String::new(),
            },
            Outcome::Timeout { after_ms: 15_000 },
            Outcome::Cancelled,
        ]
        .iter()
        .map(|o| o.class().as_str())
        .collect();
        assert_eq!(
            names,
            [
                "success",
                "api-error",
                "http-error",
                "not-json",
                "network",
                "timeout",
                "cancelled"
            ]
        );
    }
}
