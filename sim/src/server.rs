//! The HTTP server: routes, shared state, inspection endpoints and the accept loop.

use std::io;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use hyper_util::rt::TokioIo;
use serde::Serialize;
use tokio::net::TcpListener;
use tokio::sync::mpsc;
use tokio::task::{JoinHandle, JoinSet};
use tower::{Layer, ServiceExt};
use tower_http::cors::CorsLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::api;
use crate::demo::demo_tasks;
use crate::faults::{Fault, Faults, Injector};
use crate::fleet::{ApiError, Fleet, Task};

/// How the simulator is started.
#[derive(Debug, Clone)]
pub struct Options {
    /// Where to listen; port 0 picks a free one.
    pub addr: SocketAddr,
    /// The tasks to start with (and to restore on reset).
    pub tasks: Vec<Task>,
    /// A built console to serve at `/`.
    pub static_dir: Option<PathBuf>,
    /// Add permissive CORS headers.
    pub cors: bool,
    /// Fault injection at start.
    pub faults: Faults,
    /// Also serve the API under these path prefixes (e.g. `/cm/east`), as a
    /// proxy in front of several CM hosts would; the journal shows full paths.
    pub prefixes: Vec<String>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 8088)),
            tasks: demo_tasks(),
            static_dir: None,
            cors: false,
            faults: Faults::default(),
            prefixes: Vec::new(),
        }
    }
}

/// One API request as the journal shows it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JournalEntry {
    #[serde(skip)]
    id: u64,
    method: String,
    path: String,
    query: String,
    body: Option<String>,
    /// The request's `Cache-Control` header, if any.
    cache_control: Option<String>,
    status: Option<u16>,
    response: Option<String>,
    /// When it was received, epoch milliseconds (for measuring latency).
    received_at_ms: f64,
}

/// How long the resends of a dropped request are dropped too.
pub const RESEND_WINDOW: Duration = Duration::from_secs(2);

struct Inner {
    dropped: Option<(String, Instant)>,
    fleet: Fleet,
    initial: Vec<Task>,
    journal: Vec<JournalEntry>,
    next_id: u64,
    injector: Injector,
}

/// The simulator's state, shared by all requests.
#[derive(Clone)]
pub struct AppState(Arc<Mutex<Inner>>);

impl AppState {
    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Appends a received request to the journal; returns its id.
    pub fn record(
        &self,
        method: &str,
        path: &str,
        query: &str,
        body: Option<String>,
        cache_control: Option<String>,
    ) -> u64 {
        let mut inner = self.lock();
        let id = inner.next_id;
        inner.next_id += 1;
        inner.journal.push(JournalEntry {
            id,
            method: method.into(),
            path: path.into(),
            query: query.into(),
            body,
            cache_control,
            status: None,
            response: None,
            received_at_ms: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0.0, |d| d.as_secs_f64() * 1000.0),
        });
        id
    }

    /// Records the answer given to journal entry `id`.
    pub fn answered(&self, id: u64, status: u16, response: &str) {
        if let Some(entry) = self.lock().journal.iter_mut().find(|e| e.id == id) {
            entry.status = Some(status);
            entry.response = Some(response.into());
        }
    }

    /// The wait and the fault for the next API request, whose method, path,
    /// query and body make `signature`. A dropped request stays dropped for
    /// [`RESEND_WINDOW`]: browsers resend a request silently, once per idle
    /// keep-alive connection, when a reused connection closes without an
    /// answer, and a CM that drops a request drops those resends too.
    pub fn next_fault(&self, signature: &str) -> (u64, Fault) {
        let mut inner = self.lock();
        if let Some((dropped, at)) = &inner.dropped
            && dropped == signature
            && at.elapsed() < RESEND_WINDOW
        {
            return (0, Fault::Drop);
        }
        let (wait, fault) = inner.injector.draw();
        inner.dropped = (fault == Fault::Drop).then(|| (signature.to_owned(), Instant::now()));
        (wait, fault)
    }

    /// The `errMsg` and `errorDetail` of injected internal errors.
    pub fn fault_message(&self) -> (String, String) {
        let inner = self.lock();
        let settings = inner.injector.settings();
        (
            settings
                .err_msg
                .clone()
                .unwrap_or_else(|| "internal error".into()),
            settings
                .error_detail
                .clone()
                .unwrap_or_else(|| "fault injected by cm-sim".into()),
        )
    }

    /// Runs an operation on the fleet.
    pub fn apply(
        &self,
        operation: impl FnOnce(&mut Fleet) -> Result<String, ApiError>,
    ) -> Result<String, ApiError> {
        operation(&mut self.lock().fleet)
    }
}

/// Asks the connection that carried a request to close without answering.
#[derive(Clone)]
pub struct DropConnection(mpsc::UnboundedSender<()>);

impl DropConnection {
    /// Closes the connection.
    pub fn drop_now(&self) {
        let _ = self.0.send(());
    }
}

async fn tasks(State(state): State<AppState>) -> Response {
    Json(state.lock().fleet.tasks().to_vec()).into_response()
}

async fn requests(State(state): State<AppState>) -> Response {
    Json(state.lock().journal.clone()).into_response()
}

async fn clear_requests(State(state): State<AppState>) -> StatusCode {
    state.lock().journal.clear();
    StatusCode::NO_CONTENT
}

async fn reset(State(state): State<AppState>) -> StatusCode {
    let mut inner = state.lock();
    inner.fleet = Fleet::new(inner.initial.clone());
    inner.journal.clear();
    inner.dropped = None;
    StatusCode::NO_CONTENT
}

async fn get_faults(State(state): State<AppState>) -> Response {
    Json(state.lock().injector.settings().clone()).into_response()
}

async fn set_faults(State(state): State<AppState>, body: String) -> Response {
    match serde_json::from_str::<Faults>(&body) {
        Ok(faults) => {
            let mut inner = state.lock();
            inner.injector = Injector::new(faults.clone());
            inner.dropped = None;
            drop(inner);
            Json(faults).into_response()
        }
        Err(e) => (StatusCode::BAD_REQUEST, format!("bad fault settings: {e}")).into_response(),
    }
}

async fn clear_faults(State(state): State<AppState>) -> StatusCode {
    let mut inner = state.lock();
    inner.injector = Injector::new(Faults::default());
    inner.dropped = None;
    StatusCode::NO_CONTENT
}

/// The router for `options`, with its state.
pub fn router(options: &Options) -> Router {
    let state = AppState(Arc::new(Mutex::new(Inner {
        fleet: Fleet::new(options.tasks.clone()),
        initial: options.tasks.clone(),
        journal: Vec::new(),
        next_id: 0,
        dropped: None,
        injector: Injector::new(options.faults.clone()),
    })));
    let api = Router::new()
        .route("/connector", any(api::handle))
        .route("/connector/{*rest}", any(api::handle));
    let mut router = Router::new().merge(api.clone());
    for prefix in &options.prefixes {
        router = router.nest(prefix.trim_end_matches('/'), api.clone());
    }
    let mut router = router
        .route("/_sim/tasks", get(tasks))
        .route("/_sim/requests", get(requests).delete(clear_requests))
        .route("/_sim/reset", post(reset))
        .route(
            "/_sim/faults",
            get(get_faults).post(set_faults).delete(clear_faults),
        )
        .with_state(state);
    if let Some(dir) = &options.static_dir {
        // Revalidated at every load (answered 304 when unchanged), as the
        // deployment serves `index.html`: a rebuilt console is never hidden
        // behind the browser's copy of the previous one.
        let files = SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        )
        .layer(ServeDir::new(dir).precompressed_gzip());
        router = router.fallback_service(files);
    }
    if options.cors {
        router = router.layer(CorsLayer::permissive());
    }
    router
}

/// A running simulator; dropping it stops it and closes its connections.
pub struct Sim {
    addr: SocketAddr,
    handle: JoinHandle<()>,
}

impl Sim {
    /// Binds `options.addr` and serves in the background.
    pub async fn start(options: Options) -> io::Result<Self> {
        let listener = TcpListener::bind(options.addr).await?;
        let addr = listener.local_addr()?;
        let router = router(&options);
        let handle = tokio::spawn(accept_loop(listener, router));
        Ok(Self { addr, handle })
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://<addr>`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops listening and closes every connection: from now on the CM host
    /// refuses connections, as one that is down.
    pub fn stop(&self) {
        self.handle.abort();
    }

    /// Serves until the task ends (it only ends on an accept error).
    pub async fn wait(mut self) {
        let _ = (&mut self.handle).await;
    }
}

impl Drop for Sim {
    fn drop(&mut self) {
        self.handle.abort();
    }
}

async fn accept_loop(listener: TcpListener, router: Router) {
    let mut connections = JoinSet::new();
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(e) => {
                tracing::warn!("accept failed: {e}");
                continue;
            }
        };
        while connections.try_join_next().is_some() {}
        let router = router.clone();
        connections.spawn(async move {
            let (sender, mut dropped) = mpsc::unbounded_channel();
            let service = hyper::service::service_fn(
                move |mut request: hyper::Request<hyper::body::Incoming>| {
                    request
                        .extensions_mut()
                        .insert(DropConnection(sender.clone()));
                    router.clone().oneshot(request.map(axum::body::Body::new))
                },
            );
            let connection = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service);
            tokio::select! {
                _ = connection => {}
                _ = dropped.recv() => {}
            }
        });
    }
}
