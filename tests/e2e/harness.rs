//! The end-to-end harness: the simulator serving the built console on one
//! origin, chromedriver with headless Chromium, and helpers to drive them.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use cm_sim::{Options, Sim};
use fantoccini::wd::{Capabilities, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

/// Task names of the simulator's demo fleet.
#[path = "deployment.rs"]
pub mod deployment;

pub mod fleet {
    /// A running Incr-Sync.
    pub const INCR_RUNNING: &str =
        "10.186.16.126-9000:connector_v2:np_56el1g1jvrs0-incr_trans-1-0:0000000002";
    /// Its subtopic.
    pub const INCR_RUNNING_SUBTOPIC: &str = "ORACLE_np_56el1g1jvrs0_56el4eyvwvxc-1-0";
    /// A stopped Incr-Sync.
    pub const INCR_STOPPED: &str =
        "10.186.16.127-9000:connector_v2:np_5f3k2m9q8x1a-incr_trans-1-0:0000000001";
    /// A finished Full-Import.
    pub const FULL_FINISHED: &str =
        "10.186.16.126-9000:connector_v2:np_56el1g1jvrs0-full_trans-1-0:0000000001";
    /// A running Full-Import.
    pub const FULL_RUNNING: &str =
        "10.186.16.127-9000:connector_v2:np_5f3k2m9q8x1a-full_trans-1-0:0000000001";
    /// A stopped Full-Import.
    pub const FULL_STOPPED: &str =
        "10.186.16.126-9000:connector_v2:np_6b7c8d9e0f1g-full_trans-1-0:0000000003";
}

/// How long a wait for the page may take before the test fails.
const WAIT: Duration = Duration::from_secs(20);

/// The submit button of the page's form (send, start, run).
pub const SUBMIT: &str = "main form button[type='submit']";

/// A script expression: the console's journal entries as the browser
/// stores them (each under a key of its own), oldest first.
/// Whether the console holds the page when it is about to be left (the
/// browser then asks first): a `beforeunload` event's default prevented.
pub const LEAVING_HELD: &str = "const e = new Event('beforeunload', {cancelable: true}); dispatchEvent(e); return e.defaultPrevented";
pub const STORED_JOURNAL: &str = "Object.keys(localStorage).filter(k => /^oms-console[.]journal[.]v2[.][0-9]{15}[.][0-9]+$/.test(k)).map(k => JSON.parse(localStorage.getItem(k))).sort((a, b) => a.atMs - b.atMs || a.id - b.id)";

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// chromedriver in its own process group; dropping it ends the group (and Chromium).
struct Driver {
    child: Child,
    port: u16,
    profile: PathBuf,
}

impl Driver {
    /// Starts chromedriver; Chromium inherits `TZ`, its time zone.
    fn start(zone: &str) -> Self {
        use std::os::unix::process::CommandExt;
        let program = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let port = free_port();
        let mut child = Command::new(&program)
            .arg(format!("--port={port}"))
            .env("TZ", zone)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {program} (set CHROMEDRIVER): {e}"));
        let stdout = child.stdout.take().expect("piped stdout");
        let mut lines = BufReader::new(stdout).lines();
        loop {
            match lines.next() {
                Some(Ok(line)) if line.contains("started successfully") => break,
                Some(Ok(_)) => continue,
                _ => panic!("chromedriver ended before it was ready"),
            }
        }
        std::thread::spawn(move || for _ in lines {});
        let profile = std::env::temp_dir().join(format!("oms-e2e-{}-{port}", std::process::id()));
        Self {
            child,
            port,
            profile,
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// A chromedriver command of its own (beyond WebDriver): `body` posted to
/// `session/<id>/<path>`.
#[derive(Debug)]
struct Chromedriver {
    path: &'static str,
    body: Value,
}

impl Chromedriver {
    /// The page's console entries.
    fn browser_log() -> Self {
        Self {
            path: "se/log",
            body: json!({"type": "browser"}),
        }
    }

    /// A Chrome DevTools Protocol command.
    fn cdp(cmd: &str, params: Value) -> Self {
        Self {
            path: "goog/cdp/execute",
            body: json!({"cmd": cmd, "params": params}),
        }
    }
}

impl WebDriverCompatibleCommand for Chromedriver {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/{}",
            session.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

/// One test's world: a simulator serving `dist/`, a browser, an HTTP client.
pub struct World {
    /// The browser session.
    pub client: Client,
    /// The simulator (also serving the console).
    pub sim: Sim,
    http: reqwest::Client,
    front: Option<String>,
    _driver: Driver,
}

/// The built console.
/// The built console: `OMS_DIST` or `dist/`.
pub fn dist() -> PathBuf {
    let dist = std::env::var_os("OMS_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist"));
    assert!(
        dist.join("index.html").exists(),
        "no built console in {} (run `cargo xtask test`, which builds it first)",
        dist.display()
    );
    dist
}

impl World {
    /// Starts everything with the demo fleet.
    pub async fn start() -> Self {
        Self::start_with(Options::default()).await
    }

    /// Starts everything with these simulator options (address and static
    /// folder are the harness's).
    pub async fn start_with(options: Options) -> Self {
        Self::start_in(options, "en-US", "UTC").await
    }

    /// Starts everything with a browser whose language is `lang` (e.g.
    /// `zh-CN`) and whose time zone is `zone` (e.g. `Asia/Shanghai`).
    pub async fn start_in(options: Options, lang: &str, zone: &str) -> Self {
        let sim = Sim::start(Options {
            addr: "127.0.0.1:0".parse().unwrap(),
            static_dir: Some(dist()),
            ..options
        })
        .await
        .expect("simulator starts");
        let driver = Driver::start(zone);
        let mut caps = Capabilities::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update",
                    "--no-first-run", "--window-size=1280,1000", format!("--lang={lang}"),
                    format!("--user-data-dir={}", driver.profile.display()),
                ],
            }),
        );
        caps.insert("goog:loggingPrefs".into(), json!({"browser": "ALL"}));
        // nginx's HTTPS listener in the deployment tests has a self-signed certificate.
        caps.insert("acceptInsecureCerts".into(), json!(true));
        if let Some(options) = caps.get_mut("goog:chromeOptions") {
            options["prefs"] = json!({"intl.accept_languages": lang});
        }
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", driver.port))
            .await
            .expect("a browser session");
        Self {
            client,
            sim,
            http: reqwest::Client::new(),
            front: None,
            _driver: driver,
        }
    }

    /// Serves the console from `url` (e.g. nginx in front of the simulator)
    /// instead of the simulator itself.
    pub fn set_front(&mut self, url: String) {
        self.front = Some(url);
    }

    /// Opens a route (e.g. `#/stop`) and waits until its page is shown.
    pub async fn open(&self, route: &str) {
        let origin = self.front.clone().unwrap_or_else(|| self.sim.url());
        self.client
            .goto(&format!("{origin}/{route}"))
            .await
            .expect("navigates");
        self.wait_for_page(route).await;
    }

    /// Drives the browser tab `tab` from now on.
    pub async fn switch_to(&self, tab: &fantoccini::wd::WindowHandle) {
        self.client
            .switch_to_window(tab.clone())
            .await
            .expect("switches tab");
    }

    /// Reloads the page and waits until it is shown again.
    pub async fn reload(&self) {
        let route = self.js("return location.hash").await;
        self.client.refresh().await.expect("reloads");
        self.wait_for_page(route.as_str().unwrap_or_default()).await;
    }

    /// Asserts that `script` returns `expected` on `route` after the
    /// operator leaves it for `away` and comes back, and after a reload.
    pub async fn assert_kept(&self, route: &str, away: &str, script: &str, expected: &Value) {
        self.open(away).await;
        self.open(route).await;
        assert_eq!(&self.js(script).await, expected, "after leaving {route}");
        self.reload().await;
        assert_eq!(&self.js(script).await, expected, "after a reload");
    }

    /// Waits until the console is ready and shows the page of `route`.
    async fn wait_for_page(&self, route: &str) {
        self.wait_for("body[data-ready='true']").await;
        let page = route
            .strip_prefix("#/")
            .map(|r| r.split('?').next().unwrap_or_default())
            .unwrap_or("resume");
        // Pages split off the main module arrive once fetched: wait for this
        // page's own heading.
        self.wait_for(&format!("main[data-page='{page}'] h2")).await;
    }

    /// Waits for an element matching `css`.
    pub async fn wait_for(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
    }

    /// Chooses the language `tag` (`en`, `zh-CN`) in the header and waits
    /// until the console is drawn in it.
    pub async fn choose_language(&self, tag: &str) {
        self.set("select[name='language']", tag).await;
        self.wait_for(&format!("html[lang='{tag}']")).await;
    }

    /// Waits until `script` returns true (checked every 50 ms, for at most
    /// 30 s).
    pub async fn wait_until(&self, script: &str) {
        for _ in 0..600 {
            if self.js(script).await == Value::Bool(true) {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("timed out waiting for: {script}");
    }

    /// Leaves `route` for another page, then opens it again.
    pub async fn revisit(&self, route: &str) {
        let other = if route == "#/resume" {
            "#/stop"
        } else {
            "#/resume"
        };
        self.open(other).await;
        self.open(route).await;
    }

    /// The navigation's marks: each marked link's route, `data-nav-mark`
    /// and the words it shows.
    pub async fn nav_marks(&self) -> Value {
        self.js(
            "return [...document.querySelectorAll('nav.ops a[data-nav-mark]')] \
             .map(a => [a.getAttribute('href'), a.dataset.navMark, a.querySelector('.nav-mark')?.textContent ?? null])",
        )
        .await
    }

    /// The value the answer shows under `label` (`result`, `errMsg`,
    /// `Request`…), or null.
    pub async fn answer_field(&self, label: &str) -> Value {
        self.js(&format!(
            "const dt = [...document.querySelectorAll('section.response dt')].find(d => d.textContent === {label:?}); return dt ? dt.nextElementSibling.textContent : null"
        ))
        .await
    }

    /// Text of the element matching `css`.
    pub async fn text(&self, css: &str) -> String {
        self.wait_for(css).await.text().await.expect("text")
    }

    /// Sets a field's value as a user would (input and change events).
    pub async fn set(&self, css: &str, value: &str) {
        self.wait_for(css).await;
        self.client
            .execute(
                "const el = document.querySelector(arguments[0]);
                 el.focus();
                 el.value = arguments[1];
                 el.dispatchEvent(new Event('input', {bubbles: true}));
                 el.dispatchEvent(new Event('change', {bubbles: true}));",
                vec![json!(css), json!(value)],
            )
            .await
            .expect("sets the value");
    }

    /// Types `text` key by key into the field matching `css`, after
    /// emptying it, as an operator at the keyboard would.
    pub async fn type_keys(&self, css: &str, text: &str) {
        let field = self.wait_for(css).await;
        field.clear().await.expect("empties the field");
        field.send_keys(text).await.expect("types");
    }

    /// Clicks the element matching `css`.
    pub async fn click(&self, css: &str) {
        self.wait_for(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Runs a Chrome DevTools Protocol command (e.g. `Network.setBlockedURLs`).
    pub async fn cdp(&self, cmd: &'static str, params: Value) -> Value {
        self.client
            .issue_cmd(Chromedriver::cdp(cmd, params))
            .await
            .unwrap_or_else(|e| panic!("{cmd}: {e}"))
    }

    /// Runs a script in the page and returns its value.
    pub async fn js(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .expect("script runs")
    }

    /// How many elements match `css`.
    pub async fn count(&self, css: &str) -> usize {
        let script = format!("return document.querySelectorAll(\"{css}\").length");
        self.js(&script).await.as_u64().expect("a count") as usize
    }

    /// The value of the field matching `css`, as the page holds it.
    pub async fn value(&self, css: &str) -> Value {
        self.js(&format!("return document.querySelector(\"{css}\").value"))
            .await
    }

    /// Untrusted text was shown as text: no element matches `markup` (what
    /// the text would have made as HTML) and no script raised an alert.
    pub async fn assert_shown_as_text(&self, markup: &str) {
        let count = self
            .js(&format!(
                "return document.querySelectorAll({markup:?}).length"
            ))
            .await;
        assert_eq!(count, 0, "elements made from text: {markup}");
        assert!(self.client.get_alert_text().await.is_err(), "no script ran");
    }

    /// Adds an `updateConfigMap` row on the update page and types its
    /// scope, key and value (the fields of the page's first row).
    pub async fn add_config_row(&self, scope: &str, key: &str, value: &str) {
        self.click("fieldset.config-editor .rows > button").await;
        self.set("input[name='scope']", scope).await;
        self.set("input[name='key']", key).await;
        self.set("textarea[name='value']", value).await;
    }

    /// Clicks the form's submit button while it shows warnings: the click
    /// only acknowledges them. Checks that it sent nothing, and returns
    /// the warnings' text.
    pub async fn first_click_warnings(&self) -> String {
        self.click(SUBMIT).await;
        self.wait_for("ul.warnings.acknowledge").await;
        assert!(
            self.journal().await.is_empty(),
            "a warning holds the first click"
        );
        self.text("ul.warnings").await
    }

    /// On the journal page (open), opens the newest entry and fills its
    /// form from it.
    pub async fn fill_form_from_newest_entry(&self) {
        self.click("ul.journal > li:nth-child(1) button.entry")
            .await;
        self.click("[data-action='fill-form']").await;
    }

    /// The simulator's request journal.
    pub async fn journal(&self) -> Vec<Value> {
        self.sim_get("/_sim/requests")
            .await
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// Waits until the simulator has received `count` requests (checked
    /// every 50 ms, for at most 30 s).
    pub async fn wait_for_sim_requests(&self, count: usize) {
        for _ in 0..600 {
            if self.journal().await.len() >= count {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("the simulator did not receive {count} requests");
    }

    /// A task as the simulator holds it.
    pub async fn task(&self, name: &str) -> Option<Value> {
        let tasks = self.sim_get("/_sim/tasks").await;
        tasks
            .as_array()?
            .iter()
            .find(|t| t["taskName"] == name)
            .cloned()
    }

    async fn sim_get(&self, path: &str) -> Value {
        self.http
            .get(format!("{}{path}", self.sim.url()))
            .send()
            .await
            .expect("simulator answers")
            .json()
            .await
            .expect("JSON")
    }

    /// Restores the simulator's fleet and clears its journal.
    pub async fn reset_sim(&self) {
        self.http
            .post(format!("{}/_sim/reset", self.sim.url()))
            .send()
            .await
            .expect("simulator answers");
    }

    /// The console's own journal entries (from the browser's storage), oldest first.
    pub async fn console_journal(&self) -> Vec<Value> {
        let entries = self.js(&format!("return {STORED_JOURNAL}")).await;
        entries.as_array().cloned().unwrap_or_default()
    }

    /// Opens the pullback page and fills in the reference's pullback of the
    /// demo's running Incr-Sync: 2023-02-13 19:00:00 at UTC+08:00.
    pub async fn fill_reference_pullback(&self) {
        self.open("#/pullback").await;
        self.set("input[name='taskName']", fleet::INCR_RUNNING)
            .await;
        self.set("input[name='date']", "2023-02-13").await;
        self.set("input[name='time']", "19:00:00").await;
        self.set("select[name='zone']", "UTC+08:00").await;
        self.set("input[name='subtopic']", fleet::INCR_RUNNING_SUBTOPIC)
            .await;
    }

    /// Fills in the reference's pullback (see
    /// [`fill_reference_pullback`](Self::fill_reference_pullback)) and
    /// starts it: sent, and confirmed with the task name's last part.
    pub async fn start_reference_pullback(&self) {
        self.fill_reference_pullback().await;
        self.confirm_pullback().await;
    }

    /// Starts the pullback the page holds, for the reference's task:
    /// sent, and confirmed with the task name's last part.
    pub async fn confirm_pullback(&self) {
        self.open_pullback_confirmation().await;
        self.set("dialog[open] input[name='confirmTaskName']", "0000000002")
            .await;
        self.click("dialog[open] button[type='submit']").await;
    }

    /// Clicks the pullback page's start until its confirmation opens: a
    /// second time when the first shows warnings (the reference's time is
    /// years past). Returns the warnings shown, empty when there were none.
    pub async fn open_pullback_confirmation(&self) -> String {
        self.click(SUBMIT).await;
        self.wait_for("dialog[open], ul.warnings.acknowledge").await;
        if self.count("dialog[open]").await > 0 {
            return String::new();
        }
        let warnings = self.text("ul.warnings").await;
        self.click(SUBMIT).await;
        self.wait_for("dialog[open]").await;
        warnings
    }

    /// Opens `#/stop`, sends a confirmed stop of `task_name` and returns
    /// the outcome shown.
    pub async fn stop_confirmed(&self, task_name: &str) -> String {
        self.open("#/stop").await;
        self.set("input[name='taskName']", task_name).await;
        self.click("main form button[type='submit']").await;
        self.click("dialog[open] button[type='submit']").await;
        self.outcome("").await
    }

    /// Clicks *Copy link* and returns the link it made.
    pub async fn copy_share_link(&self) -> String {
        self.click("[data-action='copy-link']").await;
        self.wait_for("input.share-url")
            .await
            .prop("value")
            .await
            .expect("reads the link")
            .expect("a link")
    }

    /// Opens the share link `link` afresh and waits until the forms are
    /// filled from it; returns the notices then shown.
    pub async fn open_share_link(&self, link: &str) -> String {
        self.client.goto("about:blank").await.expect("leaves");
        self.client.goto(link).await.expect("opens the link");
        self.wait_for("body[data-ready='true']").await;
        // The code reading links is fetched first (it is split off the main module).
        self.wait_until("return document.querySelector('.notices')?.textContent.includes('filled from a link') ?? false")
            .await;
        self.text(".notices").await
    }

    /// Adds the CM host profile `name` on the settings page (open).
    pub async fn add_profile(&self, name: &str, base_url: &str) {
        self.set("input[name='profileName']", name).await;
        self.set("input[name='baseUrl']", base_url).await;
        self.click("form.profile-form button[type='submit']").await;
        self.wait_for(&format!("li[data-profile='{name}']")).await;
    }

    /// The names of the profiles the settings page lists, in order.
    pub async fn listed_profiles(&self) -> Value {
        self.js("return [...document.querySelectorAll('ul.profiles > li')].map(li => li.dataset.profile)")
            .await
    }

    /// Asks to delete the listed profile `name` (settings page); the
    /// confirmation is left open.
    pub async fn ask_to_delete_profile(&self, name: &str) {
        self.click(&format!(
            "li[data-profile='{name}'] [data-action='delete-profile']"
        ))
        .await;
    }

    /// Deletes the listed profile `name` (settings page), confirmed.
    pub async fn delete_profile(&self, name: &str) {
        self.ask_to_delete_profile(name).await;
        self.click("dialog[open] button[type='submit']").await;
    }

    /// Makes the listed profile `name` the one in use (settings page).
    pub async fn use_profile(&self, name: &str) {
        self.click(&format!(
            "li[data-profile='{name}'] [data-action='use-profile']"
        ))
        .await;
    }

    /// Clears the simulator's request journal.
    pub async fn clear_journal(&self) {
        self.http
            .delete(format!("{}/_sim/requests", self.sim.url()))
            .send()
            .await
            .expect("simulator answers");
    }

    /// Runs an async script (its last argument is the callback) and returns what it passes back.
    pub async fn js_async(&self, script: &str) -> Value {
        self.client
            .execute_async(script, vec![])
            .await
            .expect("script runs")
    }

    /// Sets the simulator's fault injection.
    pub async fn faults(&self, settings: Value) {
        let response = self
            .http
            .post(format!("{}/_sim/faults", self.sim.url()))
            .body(settings.to_string())
            .send()
            .await
            .expect("simulator answers");
        assert!(response.status().is_success());
    }

    /// Entries of the browser's console at one of `levels` since it was
    /// last read (reading it empties it).
    async fn console_entries(&self, levels: &[&str]) -> Vec<String> {
        let log = self
            .client
            .issue_cmd(Chromedriver::browser_log())
            .await
            .expect("browser log");
        log.as_array()
            .into_iter()
            .flatten()
            .filter(|entry| levels.iter().any(|level| entry["level"] == *level))
            .map(|entry| entry["message"].as_str().unwrap_or_default().to_owned())
            .collect()
    }

    /// Severe entries of the browser's console so far.
    pub async fn console_errors(&self) -> Vec<String> {
        self.console_entries(&["SEVERE"]).await
    }

    /// Saves a screenshot under `target/e2e-screenshots/` (not committed).
    pub async fn screenshot(&self, name: &str) {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots");
        std::fs::create_dir_all(&dir).expect("screenshot folder");
        let png = self.client.screenshot().await.expect("screenshot");
        std::fs::write(dir.join(format!("{name}.png")), png).expect("screenshot written");
    }

    /// Waits until the response panel inside `scope` shows an outcome; returns it.
    pub async fn outcome(&self, scope: &str) -> String {
        let css = format!("{scope} section.response[data-outcome]");
        self.wait_for(&css)
            .await
            .attr("data-outcome")
            .await
            .expect("attr")
            .unwrap_or_default()
    }

    /// Ends the browser session; the browser's console must hold no error.
    pub async fn finish(self) {
        self.finish_allowing(&[]).await;
    }

    /// Ends the session; with `allowed`, the browser's own notes of API
    /// calls that failed (injected by the test, or the 405 a connection
    /// check expects) are allowed.
    pub async fn finish_allowing_failed_api_calls(self, allowed: bool) {
        let patterns: &[&str] = if allowed {
            &["/connector/task/v2/"]
        } else {
            &[]
        };
        self.finish_allowing(patterns).await;
    }

    /// Ends the session; the browser's console holds neither an error nor
    /// a warning.
    pub async fn finish_quiet(self) {
        let entries = self.console_entries(&["SEVERE", "WARNING"]).await;
        let _ = self.client.close().await;
        assert!(
            entries.is_empty(),
            "errors or warnings in the browser console: {entries:#?}"
        );
    }

    /// Ends the session; console errors mentioning any of `patterns` are allowed.
    pub async fn finish_allowing(self, patterns: &[&str]) {
        let errors: Vec<String> = self
            .console_errors()
            .await
            .into_iter()
            .filter(|e| !patterns.iter().any(|p| e.contains(p)))
            .collect();
        let _ = self.client.close().await;
        assert!(
            errors.is_empty(),
            "errors in the browser console: {errors:#?}"
        );
    }
}

/// Parses a journal entry's query into decoded pairs.
pub fn decoded_query(entry: &Value) -> Vec<(String, String)> {
    let query = entry["query"].as_str().unwrap_or_default();
    url::form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect()
}

/// `(name, value)` pairs, for comparing with [`decoded_query`].
pub fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}
