//! The response panel: what came back, shown as text, with its explanation.

use leptos::prelude::*;
use oms_core::envelope::{ErrCode, Outcome};
use oms_core::request::{METHOD, OperationKind};

use crate::console;
use crate::i18n::{Texts, fill};
use crate::transport::Sent;

/// The plain-language explanation of an outcome of a `kind` request.
pub fn explanation(t: &Texts, kind: OperationKind, outcome: &Outcome) -> String {
    match outcome {
        Outcome::Success { .. } => t.explain_success.to_owned(),
        Outcome::ApiError { .. } => api_error_explanation(t, kind, outcome.err_code()).to_owned(),
        Outcome::HttpError { status, .. } => fill(t.explain_http_error, &[&status.to_string()]),
        Outcome::NotJson { .. } => t.explain_not_json.to_owned(),
        Outcome::Network { .. } => t.explain_network.to_owned(),
        Outcome::Timeout { after_ms } => fill(t.explain_timeout, &[&(after_ms / 1000).to_string()]),
        Outcome::Cancelled => t.explain_cancelled.to_owned(),
    }
}

/// What a refusal means: the code's own explanation where it is known,
/// for the operation refused.
fn api_error_explanation(t: &Texts, kind: OperationKind, code: Option<ErrCode>) -> &'static str {
    match (code, kind) {
        (Some(ErrCode::TaskNotFound), _) => t.explain_task_not_found,
        (Some(ErrCode::IllegalState), OperationKind::Stop) => t.explain_illegal_state_stop,
        (Some(ErrCode::IllegalState), OperationKind::Resume) => t.explain_illegal_state_resume,
        (Some(ErrCode::IllegalState), OperationKind::Update) => t.explain_illegal_state_update,
        (Some(ErrCode::IllegalState), OperationKind::Migrate) => t.explain_illegal_state_migrate,
        (Some(ErrCode::IllegalState), OperationKind::Delete) => t.explain_illegal_state_delete,
        (Some(ErrCode::IllegalArgument), OperationKind::Resume) => {
            t.explain_illegal_argument_resume
        }
        (Some(ErrCode::IllegalArgument), _) => t.explain_illegal_argument,
        (Some(ErrCode::InternalError), _) => t.explain_internal_error,
        (None, _) => t.explain_api_error,
    }
}

fn field(label: &'static str, value: Option<String>) -> impl IntoView {
    value.map(|value| {
        view! {
            <dt>{label}</dt>
            <dd><code>{value}</code></dd>
        }
    })
}

/// Shows one answer; `on_retry` is offered when the CM says retrying is safe.
#[component]
pub fn ResponsePanel(
    /// The answer, once there is one.
    #[prop(into)]
    sent: Signal<Option<Sent>>,
    /// Sends the same request again.
    #[prop(optional)]
    on_retry: Option<Callback<()>>,
    /// Why the answer is not to what the form would send now (the form or
    /// the CM host changed since), if it is not.
    #[prop(optional, into)]
    stale: Option<Signal<Option<String>>>,
    /// Whether to show the request answered (where nothing else on the
    /// page shows it).
    #[prop(optional)]
    show_request: bool,
) -> impl IntoView {
    let t = console().t;
    let outcome_class = move || sent.with(|s| s.as_ref().map(|s| s.outcome.class().as_str()));
    Effect::new(move |_| {
        if sent.with(Option::is_some) {
            crate::browser::mark("oms-answer");
        }
    });
    view! {
        <section class="response" aria-live="polite" aria-label=t.response_title data-outcome=outcome_class>
            {move || sent.get().map(|sent| {
                let outcome = sent.outcome.clone();
                let ok = matches!(outcome, Outcome::Success { .. });
                let (err_code, err_msg, error_detail, retryable) = match &outcome {
                    Outcome::ApiError { err_code, err_msg, error_detail, retryable } => {
                        (err_code.clone(), err_msg.clone(), error_detail.clone(), *retryable)
                    }
                    _ => (None, None, None, None),
                };
                let result = match &outcome {
                    Outcome::Success { result: Some(value) } => Some(
                        value.as_str().map_or_else(|| value.to_string(), str::to_owned),
                    ),
                    _ => None,
                };
                let retry = (outcome.retry_is_safe())
                    .then_some(on_retry)
                    .flatten()
                    .map(|retry| view! {
                        <button type="button" data-action="retry" on:click=move |_| retry.run(())>{t.retry}</button>
                    });
                view! {
                    <h3 class=if ok { "ok" } else { "failed" }>
                        {if ok { t.outcome_success } else { t.outcome_failed }}
                    </h3>
                    <p class="explanation">{explanation(t, sent.kind, &outcome)}</p>
                    {move || stale.and_then(|s| s.get()).map(|why| view! {
                        <p class="warning" data-answer-stale="">{why}</p>
                    })}
                    {outcome.may_have_applied().then(|| view! {
                        <p class="warning">{t.may_have_applied}</p>
                    })}
                    <dl class="answer">
                        {field(t.answered_request, show_request.then(|| format!("{METHOD} {}", crate::browser::absolute_url(&sent.url))))}
                        {field("result", result)}
                        {field("errCode", err_code)}
                        {field("errMsg", err_msg)}
                        {error_detail.map(|detail| view! {
                            <dt>"errorDetail"</dt>
                            // Often a stack trace: its lines kept, its height
                            // bounded (scrolled, by keyboard too) so that what
                            // follows stays in view.
                            <dd><pre class="detail" tabindex="0">{detail}</pre></dd>
                        })}
                        {field("retryable", retryable.map(|r| r.to_string()))}
                        {field(t.http_status, sent.status.map(|s| s.to_string()))}
                        {field(t.latency, Some(format!("{} ms", sent.latency_ms)))}
                        {field(t.answered_at, Some(crate::browser::local_time(sent.ended_at_ms)))}
                    </dl>
                    {retry}
                    {sent.body.map(|body| view! {
                        <details>
                            <summary>{t.raw_body}</summary>
                            <pre class="raw">{body}</pre>
                        </details>
                    })}
                }
            })}
        </section>
    }
}
