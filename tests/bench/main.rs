//! `cargo xtask bench`: the console against Swagger UI on the same API, on
//! loopback in headless Chromium. Prints a table and writes
//! `target/bench.json`. Figures, never assertions: it fails only when it
//! cannot measure.
#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)]
#[path = "../e2e/harness.rs"]
mod harness;

use std::path::{Path, PathBuf};

use cm_sim::{Options, Sim};
use harness::fleet::INCR_STOPPED;
use harness::{World, deployment};
use oms_core::journal::{ENTRY_KEY_PREFIX, JournalEntry, JournalRequest};
use oms_core::request::Operation;
use oms_core::task_name::TaskName;
use serde_json::{Value, json};

/// Cold loads per page and network condition.
const LOADS: usize = 15;
/// Operations timed for the click-to-request and click-to-answer figures.
const OPERATIONS: usize = 200;
/// Operations timed with a full journal.
const FULL_JOURNAL_OPERATIONS: usize = 50;
/// Batch runs over HTTP/2, alternating the console and the bare fetch loop.
const BATCH_RUNS: usize = 5;

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(|a, b| a.total_cmp(b));
    let n = values.len();
    if n == 0 {
        return f64::NAN;
    }
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

/// Writes a `.gz` beside each file of `dir`, compressed as `cargo xtask
/// dist` compresses the console (Zopfli).
fn gzip_beside(dir: &Path) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "gz") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let mut packed = Vec::new();
        zopfli::compress(
            zopfli::Options::default(),
            zopfli::Format::Gzip,
            bytes.as_slice(),
            &mut packed,
        )
        .unwrap();
        let mut name = path.into_os_string();
        name.push(".gz");
        std::fs::write(name, packed).unwrap();
    }
}

/// Swagger UI (npm `swagger-ui-dist`) serving our `openapi.yaml`, gzipped like our build.
fn swagger_site() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dist = std::env::var_os("SWAGGER_UI_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("tools/node_modules/swagger-ui-dist"));
    assert!(
        dist.join("swagger-ui-bundle.js").exists(),
        "no Swagger UI in {} (cargo xtask bench installs it)",
        dist.display()
    );
    let site = root.join("target/bench/swagger");
    let _ = std::fs::remove_dir_all(&site);
    std::fs::create_dir_all(&site).unwrap();
    for file in [
        "swagger-ui.css",
        "swagger-ui-bundle.js",
        "swagger-ui-standalone-preset.js",
        "favicon-32x32.png",
    ] {
        std::fs::copy(dist.join(file), site.join(file)).unwrap();
    }
    std::fs::copy(root.join("openapi.yaml"), site.join("openapi.yaml")).unwrap();
    std::fs::write(
        site.join("index.html"),
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Swagger UI</title>
<link rel="stylesheet" href="swagger-ui.css"><link rel="icon" href="favicon-32x32.png"></head>
<body><div id="swagger-ui"></div><script src="swagger-ui-bundle.js"></script>
<script src="swagger-ui-standalone-preset.js"></script><script src="swagger-initializer.js"></script></body></html>"#,
    )
    .unwrap();
    std::fs::write(
        site.join("swagger-initializer.js"),
        "window.onload = () => { window.ui = SwaggerUIBundle({ url: '/openapi.yaml', dom_id: '#swagger-ui', \
         presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout', \
         onComplete: () => { if (document.querySelector('.opblock')) performance.mark('swagger-ready'); \
         else requestAnimationFrame(() => performance.mark('swagger-ready')); } }); };",
    )
    .unwrap();
    gzip_beside(&site);
    site
}

/// One cold load: cache off, then navigate and wait for the page's ready mark.
async fn cold_load(world: &World, url: &str, mark: &str) -> (f64, f64, f64) {
    world.cdp("Network.clearBrowserCache", json!({})).await;
    world.client.goto("about:blank").await.unwrap();
    world.client.goto(url).await.unwrap();
    let script = format!(
        "const done = arguments[arguments.length - 1];
         const check = () => {{
           const m = performance.getEntriesByName('{mark}');
           if (m.length) {{
             const all = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
             done([m[0].startTime, all.reduce((s, e) => s + e.encodedBodySize, 0), all.reduce((s, e) => s + e.decodedBodySize, 0)]);
           }} else setTimeout(check, 5);
         }};
         check();"
    );
    let found = world.js_async(&script).await;
    let v: Vec<f64> = serde_json::from_value(found).unwrap();
    (v[0], v[1], v[2])
}

/// Opens a page split off the main module on a freshly loaded console:
/// milliseconds from the hash change until its heading is shown.
async fn first_visit(world: &World, page: &str) -> f64 {
    let script = format!(
        "const done = arguments[arguments.length - 1];
         const t0 = performance.now();
         location.hash = '#/{page}';
         const check = () => {{
           if (document.querySelector(\"main[data-page='{page}'] h2\")) done(performance.now() - t0);
           else setTimeout(check, 1);
         }};
         check();"
    );
    world.js_async(&script).await.as_f64().unwrap()
}

struct Row {
    name: String,
    ours: f64,
    theirs: Option<f64>,
    unit: &'static str,
    target: String,
}

/// One batch run: its wall time in milliseconds, and the requests that got
/// no answer (failed at the network level), each as `name: why`.
struct BatchRun {
    wall_ms: f64,
    unanswered: Vec<String>,
    /// For the console's: from its start until the simulator received the
    /// first request, in milliseconds.
    first_request_ms: Option<f64>,
}

/// Clicks Send and waits for the answer; passes back the click's epoch
/// milliseconds and the time until the answer was shown.
const CLICK_TO_ANSWER: &str = "const done = arguments[arguments.length - 1];
    const before = performance.getEntriesByName('oms-answer').length;
    const t0 = performance.now();
    document.querySelector(\"main form button[type='submit']\").click();
    const check = () => {
      const m = performance.getEntriesByName('oms-answer');
      if (m.length > before) done([performance.timeOrigin + t0, m[m.length - 1].startTime - t0]);
      else setTimeout(check, 0);
    };
    check();";

/// Waits for the console's last batch to end; passes back its wall time
/// from the console's own marks.
const BATCH_END: &str = "const done = arguments[arguments.length - 1];
    const check = () => {
      const end = performance.getEntriesByName('oms-batch-end');
      if (end.length) done(end[end.length - 1].startTime - performance.getEntriesByName('oms-batch-start').pop().startTime);
      else setTimeout(check, 20);
    };
    check();";

/// Runs a batch resume of 500 names, 8 at once, from the current front;
/// its wall time from the console's own marks.
async fn batch_wall(world: &World) -> BatchRun {
    let names: Vec<String> = (0..500)
        .map(|i| format!("10.0.0.1-9000:connector_v2:np_bench{i:03}-incr_trans-1-0:0000000001"))
        .collect();
    world.open("#/batch").await;
    world.js("performance.clearMarks(); return true").await;
    world
        .set("textarea[name='taskNames']", &names.join("\n"))
        .await;
    world.set("input[name='concurrency']", "8").await;
    world.clear_journal().await;
    world.click("main form button[type='submit']").await;
    world.click("dialog[open] button[type='submit']").await;
    let wall_ms = world.js_async(BATCH_END).await.as_f64().unwrap();
    let started = world
        .js("return performance.timeOrigin + performance.getEntriesByName('oms-batch-start').pop().startTime")
        .await
        .as_f64()
        .unwrap();
    let first_received = world
        .journal()
        .await
        .iter()
        .filter_map(|request| request["receivedAtMs"].as_f64())
        .fold(f64::INFINITY, f64::min);
    let unanswered = world
        .js("return [...document.querySelectorAll('tr[data-outcome]')].filter(r => !['success', 'api-error'].includes(r.dataset.outcome)).map(r => r.dataset.taskName + ': ' + r.dataset.outcome)")
        .await;
    BatchRun {
        wall_ms,
        unanswered: serde_json::from_value(unanswered).unwrap(),
        first_request_ms: Some(first_received - started),
    }
}

/// The same 500 requests, 8 at once, sent by a bare JavaScript loop on the
/// console's page (no console code; the same fetch options as the
/// console's): what the browser, proxy and simulator allow on this
/// machine, the floor under the batch figure. Passes back its wall time
/// and the requests that got no answer.
const FETCH_LOOP: &str = "const done = arguments[arguments.length - 1];
    let next = 0, active = 8;
    const t0 = performance.now();
    const failed = [];
    const worker = async () => {
      while (next < 500) {
        const i = String(next++).padStart(3, '0');
        try {
          const answer = await fetch('/connector/task/v2/resume?taskName=' + encodeURIComponent(
            '10.0.0.1-9000:connector_v2:np_bench' + i + '-incr_trans-1-0:0000000001'),
            {method: 'POST', cache: 'no-store', signal: new AbortController().signal});
          await answer.text();
        } catch (e) {
          failed.push(i + ': ' + e);
        }
      }
      if (--active === 0) done([performance.now() - t0, failed]);
    };
    for (let k = 0; k < 8; k++) worker();";

/// The same 500 requests, 8 streams at once on one HTTP/2 connection, sent
/// by `h2load` (nghttp2) through the same nginx, with no browser: what the
/// proxy and simulator cost (its connection's set-up included). Its wall
/// time in milliseconds, and the requests that got no answer (a count).
async fn h2load_wall(tls_port: u16) -> BatchRun {
    let program = std::env::var("OMS_H2LOAD").unwrap_or_else(|_| "h2load".into());
    let mut args: Vec<String> = ["-n", "500", "-c", "1", "-m", "8", "-H", ":method: POST"]
        .map(str::to_owned)
        .into();
    args.extend((0..500).map(|i| {
        format!(
            "https://127.0.0.1:{tls_port}/connector/task/v2/resume?taskName=10.0.0.1-9000:connector_v2:np_bench{i:03}-incr_trans-1-0:0000000001"
        )
    }));
    let output = tokio::process::Command::new(&program)
        .args(&args)
        .output()
        .await
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    let text = String::from_utf8_lossy(&output.stdout);
    let (wall_ms, succeeded) =
        h2load_figures(&text).unwrap_or_else(|| panic!("{program} printed no figures:\n{text}"));
    BatchRun {
        wall_ms,
        unanswered: (succeeded < 500)
            .then(|| format!("h2load: {} of 500 unanswered", 500 - succeeded))
            .into_iter()
            .collect(),
        first_request_ms: None,
    }
}

/// From `h2load`'s report: its wall time in milliseconds (`finished in
/// 3.18s,` or `finished in 950.5ms,`) and how many requests succeeded.
fn h2load_figures(report: &str) -> Option<(f64, usize)> {
    let finished = report.split("finished in ").nth(1)?.split(',').next()?;
    let wall_ms = match finished.strip_suffix("ms") {
        Some(ms) => ms.parse().ok()?,
        None => finished.strip_suffix('s')?.parse::<f64>().ok()? * 1000.0,
    };
    let succeeded = report
        .split(" done, ")
        .nth(1)?
        .split(" succeeded")
        .next()?
        .parse()
        .ok()?;
    Some((wall_ms, succeeded))
}

/// Runs [`FETCH_LOOP`] on the console's batch page.
async fn fetch_loop_wall(world: &World) -> BatchRun {
    world.open("#/batch").await;
    let (wall_ms, unanswered) = serde_json::from_value(world.js_async(FETCH_LOOP).await).unwrap();
    BatchRun {
        wall_ms,
        unanswered,
        first_request_ms: None,
    }
}

/// `count` journal entries of a stop each, every `batch_every`-th (when
/// not 0) a batch stop of 500 tasks instead, a second apart.
fn journal_of(count: u64, batch_every: u64) -> Vec<JournalEntry> {
    let stop = |name: &str| {
        let request = Operation::Stop {
            task_name: TaskName::parse(name).unwrap(),
        }
        .request();
        let outcome = oms_core::envelope::Outcome::Success {
            result: Some(json!(name)),
        };
        JournalRequest::new("", &request, &outcome, Some(200), 3)
    };
    (0..count)
        .map(|id| {
            let batch = batch_every != 0 && id % batch_every == 0;
            let requests = if batch {
                (0..500)
                    .map(|i| {
                        stop(&format!(
                            "10.0.0.1-9000:connector_v2:np_bench{i:03}-incr_trans-1-0:0000000001"
                        ))
                    })
                    .collect()
            } else {
                vec![stop(INCR_STOPPED)]
            };
            JournalEntry {
                id,
                at_ms: 1.7e12 + id as f64 * 1000.0,
                profile: "bench".into(),
                operation: if batch { "batch-stop" } else { "stop" }.into(),
                task_name: if batch {
                    "500".into()
                } else {
                    INCR_STOPPED.into()
                },
                requests,
            }
        })
        .collect()
}

/// Stores `entries` as the console's journal (each under its key), in
/// place of the one it has.
async fn store_journal(world: &World, entries: Vec<JournalEntry>) {
    let stored: Vec<(String, String)> = entries.iter().map(|e| (e.key(), e.to_json())).collect();
    world
        .client
        .execute(
            "for (const key of Object.keys(localStorage)) if (key.startsWith(arguments[1])) localStorage.removeItem(key);
             for (const [key, text] of arguments[0]) localStorage.setItem(key, text);
             return true",
            vec![json!(stored), json!(ENTRY_KEY_PREFIX)],
        )
        .await
        .unwrap();
}

/// Sends `count` resumes from a freshly loaded resume page: milliseconds
/// from each click until the simulator received the request, and until the
/// answer was shown.
async fn operation_overhead(world: &World, count: usize) -> (Vec<f64>, Vec<f64>) {
    world.client.goto("about:blank").await.unwrap();
    world.open("#/resume").await;
    world.set("input[name='taskName']", INCR_STOPPED).await;
    world.clear_journal().await;
    let (mut to_request, mut to_answer) = (Vec::new(), Vec::new());
    for i in 0..count {
        let timed = world.js_async(CLICK_TO_ANSWER).await;
        let v: Vec<f64> = serde_json::from_value(timed).unwrap();
        let journal = world.journal().await;
        let received = journal[i]["receivedAtMs"].as_f64().unwrap();
        to_request.push(received - v[0]);
        to_answer.push(v[1]);
    }
    (to_request, to_answer)
}

#[tokio::main]
async fn main() {
    let swagger = swagger_site();
    let mut world = World::start().await;
    let theirs = Sim::start(Options {
        addr: "127.0.0.1:0".parse().unwrap(),
        static_dir: Some(swagger),
        ..Options::default()
    })
    .await
    .unwrap();
    world.set_front(world.sim.url());
    world.cdp("Network.enable", json!({})).await;
    world
        .cdp("Network.setCacheDisabled", json!({"cacheDisabled": true}))
        .await;
    let ours_url = format!("{}/#/resume", world.sim.url());
    let theirs_url = format!("{}/index.html", theirs.url());
    let mut rows = Vec::new();

    // First-load bytes and time to interactive, alternating A B A B.
    let mut figures = serde_json::Map::new();
    for (label, throttled) in [("loopback", false), ("VPN 10 Mbit/s, 40 ms", true)] {
        let conditions = if throttled {
            json!({"offline": false, "latency": 40, "downloadThroughput": 1_250_000, "uploadThroughput": 1_250_000})
        } else {
            json!({"offline": false, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
        };
        world
            .cdp("Network.emulateNetworkConditions", conditions)
            .await;
        let (mut ours_tti, mut theirs_tti, mut split_visit) = (Vec::new(), Vec::new(), Vec::new());
        let (mut ours_bytes, mut theirs_bytes) = ((0.0, 0.0), (0.0, 0.0));
        for _ in 0..LOADS {
            let (t, gz, raw) = cold_load(&world, &ours_url, "oms-ready").await;
            ours_tti.push(t);
            ours_bytes = (gz, raw);
            split_visit.push(first_visit(&world, "pullback").await);
            let (t, gz, raw) = cold_load(&world, &theirs_url, "swagger-ready").await;
            theirs_tti.push(t);
            theirs_bytes = (gz, raw);
        }
        if !throttled {
            rows.push(Row {
                name: "first-load bytes, compressed".into(),
                ours: ours_bytes.0,
                theirs: Some(theirs_bytes.0),
                unit: "B",
                target: "≤ 25% of Swagger UI".into(),
            });
            rows.push(Row {
                name: "first-load bytes, raw".into(),
                ours: ours_bytes.1,
                theirs: Some(theirs_bytes.1),
                unit: "B",
                target: String::new(),
            });
        }
        let (o, s) = (median(&mut ours_tti), median(&mut theirs_tti));
        rows.push(Row {
            name: format!("time to interactive, {label} (median of {LOADS})"),
            ours: o,
            theirs: Some(s),
            unit: "ms",
            target: "≤ 50% of Swagger UI".into(),
        });
        rows.push(Row {
            name: format!(
                "first visit of #/pullback after a cold load (its module fetched), {label} (median of {LOADS})"
            ),
            ours: median(&mut split_visit),
            theirs: None,
            unit: "ms",
            target: String::new(),
        });
        figures.insert(format!("first_visit_pullback_{label}"), json!(split_visit));
        figures.insert(
            format!("tti_{label}"),
            json!({"ours": ours_tti, "swagger": theirs_tti}),
        );
    }
    world.cdp("Network.emulateNetworkConditions",
        json!({"offline": false, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}),
    )
    .await;

    // Memory after load, and after 1,000 journal entries are loaded and shown.
    let memory_script = "return (performance.memory ? performance.memory.usedJSHeapSize : 0) + window.wasmBindings.wasm_memory_bytes()";
    world.open("#/resume").await;
    let after_load = world.js(memory_script).await.as_f64().unwrap();
    rows.push(Row {
        name: "memory after load (JS heap + wasm)".into(),
        ours: after_load,
        theirs: None,
        unit: "B",
        target: String::new(),
    });
    store_journal(&world, journal_of(1000, 0)).await;
    world.client.goto("about:blank").await.unwrap();
    world.open("#/journal").await;
    world.wait_for("ul.journal > li:nth-child(1000)").await;
    let with_journal = world.js(memory_script).await.as_f64().unwrap();
    rows.push(Row {
        name: "memory with 1,000 journal entries shown".into(),
        ours: with_journal,
        theirs: None,
        unit: "B",
        target: "< 30 MB".into(),
    });

    // A full journal, as an operator's browser holds it after weeks of use
    // (2,000 entries, 10 of them batches of 500): time to interactive, and
    // click → answer, with it.
    store_journal(&world, journal_of(2000, 200)).await;
    let mut full_tti = Vec::new();
    for _ in 0..LOADS {
        full_tti.push(cold_load(&world, &ours_url, "oms-ready").await.0);
    }
    rows.push(Row {
        name: format!("time to interactive with a full journal (2,000 entries, 10 of them batches of 500), loopback (median of {LOADS})"),
        ours: median(&mut full_tti),
        theirs: None,
        unit: "ms",
        target: String::new(),
    });
    let (_, mut full_answer) = operation_overhead(&world, FULL_JOURNAL_OPERATIONS).await;
    rows.push(Row {
        name: format!(
            "click → answer rendered with that journal (median of {FULL_JOURNAL_OPERATIONS})"
        ),
        ours: median(&mut full_answer),
        theirs: None,
        unit: "ms",
        target: String::new(),
    });
    figures.insert(
        "full_journal".into(),
        json!({"tti": full_tti, "click_to_answer": full_answer}),
    );
    store_journal(&world, Vec::new()).await;

    // Operation overhead: click until the simulator receives it, and until the answer is rendered.
    let (mut to_request, mut to_answer) = operation_overhead(&world, OPERATIONS).await;
    rows.push(Row {
        name: format!("click → request received (median of {OPERATIONS})"),
        ours: median(&mut to_request),
        theirs: None,
        unit: "ms",
        target: "< 16 ms".into(),
    });
    rows.push(Row {
        name: format!("click → answer rendered (median of {OPERATIONS})"),
        ours: median(&mut to_answer),
        theirs: None,
        unit: "ms",
        target: "< 30 ms".into(),
    });

    // Batch: 500 names, 8 at once, 50 ms per answer; over HTTP/2 through the
    // deployment's nginx (TLS), and over HTTP/1.1 from the simulator itself.
    // The byte counts above need DevTools' network events; the batch must
    // not pay for them (an event per request and stage, sent to chromedriver).
    world.cdp("Network.disable", json!({})).await;
    world.faults(json!({"latencyMs": 50})).await;
    let ideal = 500.0 / 8.0 * 50.0;
    let direct = batch_wall(&world).await;
    let mut unanswered = direct.unanswered.clone();
    let sim_addr = world.sim.addr().to_string();
    let nginx = deployment::start(&harness::dist(), &sim_addr, &sim_addr).await;
    world.set_front(format!("https://127.0.0.1:{}", nginx.tls_port));
    let (mut over_h2, mut floor, mut first_request) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..BATCH_RUNS {
        for (runs, run) in [
            (&mut over_h2, batch_wall(&world).await),
            (&mut floor, fetch_loop_wall(&world).await),
        ] {
            unanswered.extend(run.unanswered);
            runs.push(run.wall_ms);
            first_request.extend(run.first_request_ms);
        }
    }
    figures.insert(
        "batch_runs".into(),
        json!({"console": over_h2, "fetch_loop": floor, "first_request": first_request}),
    );
    let mut server_path = Vec::new();
    for _ in 0..BATCH_RUNS {
        let run = h2load_wall(nginx.tls_port).await;
        unanswered.extend(run.unanswered);
        server_path.push(run.wall_ms);
    }
    figures.insert("batch_h2load_runs".into(), json!(server_path));
    let (over_h2, floor) = (median(&mut over_h2), median(&mut floor));
    rows.push(Row {
        name: format!(
            "batch: 500 tasks, 8 at once, 50 ms each, HTTP/2 (nginx, TLS; median of {BATCH_RUNS})"
        ),
        ours: over_h2,
        theirs: Some(ideal),
        unit: "ms",
        target: "≤ 1.15 × ideal (right column)".into(),
    });
    rows.push(Row {
        name: format!(
            "batch: from its start until the first request is received (median of {BATCH_RUNS})"
        ),
        ours: median(&mut first_request),
        theirs: None,
        unit: "ms",
        target: String::new(),
    });
    rows.push(Row {
        name: format!("batch's floor: a bare fetch loop, 8 at once, HTTP/2 (nginx, TLS; median of {BATCH_RUNS})"),
        ours: floor,
        theirs: Some(ideal),
        unit: "ms",
        target: String::new(),
    });
    rows.push(Row {
        name: format!("batch's server path: h2load, no browser, the same requests (nginx, TLS; median of {BATCH_RUNS})"),
        ours: median(&mut server_path),
        theirs: Some(ideal),
        unit: "ms",
        target: String::new(),
    });
    rows.push(Row {
        name: "batch, the same over HTTP/1.1 (6 connections per origin)".into(),
        ours: direct.wall_ms,
        theirs: Some(ideal),
        unit: "ms",
        target: String::new(),
    });
    world.faults(json!({})).await;
    world.set_front(world.sim.url());
    drop(nginx);
    figures.insert("batch_unanswered".into(), json!(unanswered));

    println!("| figure | console | Swagger UI / ideal | ratio | target |");
    println!("| --- | ---: | ---: | ---: | --- |");
    let mut json_rows = Vec::new();
    for row in &rows {
        let ratio = row.theirs.map(|t| row.ours / t);
        println!(
            "| {} | {:.1} {} | {} | {} | {} |",
            row.name,
            row.ours,
            row.unit,
            row.theirs
                .map(|t| format!("{t:.1} {}", row.unit))
                .unwrap_or_default(),
            ratio.map(|r| format!("{r:.2}")).unwrap_or_default(),
            row.target
        );
        json_rows.push(json!({"name": row.name, "ours": row.ours, "theirs": row.theirs, "unit": row.unit, "ratio": ratio, "target": row.target}));
    }
    figures.insert("rows".into(), Value::Array(json_rows));
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench.json");
    std::fs::write(
        &out,
        serde_json::to_string_pretty(&Value::Object(figures)).unwrap(),
    )
    .unwrap();
    if !unanswered.is_empty() {
        println!(
            "\nbatch requests that got no answer ({}): {}",
            unanswered.len(),
            unanswered.join("; ")
        );
    }
    println!("\nfigures written to {}", out.display());
    world.finish_allowing(&["favicon", "/connector/"]).await;
}
