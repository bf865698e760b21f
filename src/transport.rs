//! Every network call of the console: sends one request to the CM host and
//! maps every ending to an [`Outcome`], or asks a base URL whether it is one.

use std::cell::Cell;
use std::rc::Rc;

use gloo_net::http::RequestBuilder;
use gloo_timers::callback::Timeout;
use oms_core::envelope::{Outcome, RawAnswer};
use oms_core::journal::JournalRequest;
use oms_core::profile::{Reachability, reachability};
use oms_core::request::{OperationKind, Request};
use web_sys::AbortController;

use crate::browser;

/// What one request produced.
#[derive(Debug, Clone, PartialEq)]
pub struct Sent {
    /// The request's URL.
    pub url: String,
    /// The operation it asked for.
    pub kind: OperationKind,
    /// How it ended.
    pub outcome: Outcome,
    /// The HTTP status, when an answer came.
    pub status: Option<u16>,
    /// The raw body text, when an answer came.
    pub body: Option<String>,
    /// From sending to the end, in milliseconds.
    pub latency_ms: u32,
    /// When it ended, epoch milliseconds.
    pub ended_at_ms: f64,
}

impl Sent {
    /// The journal's record of this answer to `request`.
    pub fn record(&self, step: &str, request: &Request) -> JournalRequest {
        JournalRequest::new(step, request, &self.outcome, self.status, self.latency_ms)
    }
}

/// A way to cancel a request in flight.
#[derive(Clone)]
pub struct Cancel {
    controller: AbortController,
    cancelled: Rc<Cell<bool>>,
}

impl Cancel {
    /// A new, unused cancel handle (`None` if the browser has no AbortController).
    pub fn new() -> Option<Self> {
        Some(Self {
            controller: AbortController::new().ok()?,
            cancelled: Rc::new(Cell::new(false)),
        })
    }

    /// Aborts the request; it ends as [`Outcome::Cancelled`].
    pub fn cancel(&self) {
        self.cancelled.set(true);
        self.controller.abort();
    }
}

/// Aborts the request of `controller` after `timeout_ms` unless the
/// returned timer is dropped first; the flag says whether it fired.
fn time_limit(controller: &AbortController, timeout_ms: u32) -> (Timeout, Rc<Cell<bool>>) {
    let timed_out = Rc::new(Cell::new(false));
    let fired = timed_out.clone();
    let controller = controller.clone();
    let timer = Timeout::new(timeout_ms, move || {
        fired.set(true);
        controller.abort();
    });
    (timer, timed_out)
}

/// Asks `base` whether it is a CM host, without side effects: a `GET` on an
/// operation path, which the CM refuses with 405.
pub async fn probe(base: &str, timeout_ms: u32) -> Reachability {
    let url = OperationKind::Stop.url(base);
    let Some(cancel) = Cancel::new() else {
        return Reachability::NoAnswer;
    };
    let _timer = time_limit(&cancel.controller, timeout_ms);
    let status = gloo_net::http::Request::get(&url)
        .cache(web_sys::RequestCache::NoStore)
        .abort_signal(Some(&cancel.controller.signal()))
        .send()
        .await
        .ok()
        .map(|r| r.status());
    reachability(status)
}

/// Where an operation's requests go: the CM host profile in use when it was
/// sent or confirmed. An operation keeps it to its end (retries, a
/// pullback's later steps, a batch's rows), so a profile changed meanwhile,
/// here or in another tab, never sends them elsewhere.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    /// The profile's name, for the journal.
    pub profile: String,
    /// The CM API's base: empty for this origin.
    pub base_url: String,
    /// The request time limit in milliseconds.
    pub timeout_ms: u32,
}

/// Sends `request` to `target` within its time limit; never fails, every
/// ending is an outcome.
pub async fn send(request: &Request, target: &Target, cancel: Cancel) -> Sent {
    let url = request.url(&target.base_url);
    let started = browser::now_ms();
    let (timer, timed_out) = time_limit(&cancel.controller, target.timeout_ms);
    let signal = cancel.controller.signal();
    // An operation's answer is never read from or written to the HTTP
    // cache (which also spares the browser a cache lookup per request).
    let mut builder = RequestBuilder::new(&url)
        .method(gloo_net::http::Method::POST)
        .cache(web_sys::RequestCache::NoStore)
        .abort_signal(Some(&signal));
    if let Some(content_type) = request.content_type() {
        builder = builder.header("Content-Type", content_type);
    }
    let built = match &request.body {
        Some(body) => builder.body(body.clone()),
        None => builder.build(),
    };
    let answer = match built {
        Ok(req) => match req.send().await {
            Ok(response) => {
                let status = response.status();
                let content_type = response.headers().get("content-type");
                response.text().await.map(|body| RawAnswer {
                    status,
                    content_type,
                    body,
                })
            }
            Err(e) => Err(e),
        },
        Err(e) => Err(e),
    };
    drop(timer);
    let ended_at_ms = browser::now_ms();
    let latency_ms = (ended_at_ms - started).max(0.0) as u32;
    let (outcome, status, body) = match answer {
        Ok(raw) => (Outcome::classify(&raw), Some(raw.status), Some(raw.body)),
        Err(_) if cancel.cancelled.get() => (Outcome::Cancelled, None, None),
        Err(_) if timed_out.get() => (
            Outcome::Timeout {
                after_ms: target.timeout_ms,
            },
            None,
            None,
        ),
        Err(e) => (
            Outcome::Network {
                detail: e.to_string(),
            },
            None,
            None,
        ),
    };
    Sent {
        url,
        kind: request.kind,
        outcome,
        status,
        body,
        latency_ms,
        ended_at_ms,
    }
}
