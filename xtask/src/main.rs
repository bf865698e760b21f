//! `cargo xtask`: the project's task runner.
//!
//! - `run [--cm URL] [--port N]`: install what is missing, build, serve the
//!   console with the CM simulator (or a real CM host) behind its proxy.
//! - `test`: install what is missing, then every check and test, stage by stage.
//! - `dist`: a release build into `dist/`, with gzipped copies and sizes.
//! - `fuzz`: the core's property tests with a high case count.
//! - `bench`: the console against Swagger UI, figures only.

mod csp;
mod dist;
mod project;
mod run;
mod split;
mod stages;
mod tools;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  run [--cm http://HOST:PORT] [--port N]
        build and serve the console on http://127.0.0.1:8080 (or --port),
        with the CM simulator on 127.0.0.1:8088, or a real CM host with --cm
  test  install what is missing, then fmt, clippy, native tests, browser
        tests, the release build and the end-to-end suite
  dist  release build into dist/, printing each file's size raw and gzipped
  fuzz  the core's property tests with a high case count (not run in CI)
  bench the console against Swagger UI in headless Chromium: a table, and
        target/bench.json";

/// The core's property tests with many cases: every parser, every round trip.
fn fuzz() -> Result<(), String> {
    let mut cmd = project::command("cargo", &["test", "--release", "-p", "oms-core"]);
    cmd.env(
        "PROPTEST_CASES",
        std::env::var("PROPTEST_CASES").unwrap_or_else(|_| "20000".into()),
    );
    project::run_visible(cmd)
}

/// The benchmark, on a fresh release build.
fn bench() -> Result<(), String> {
    tools::ensure_bench_tools()?;
    dist::dist()?;
    let mut cmd = project::command(
        "cargo",
        &[
            "test",
            "--profile",
            "bench-harness",
            "-p",
            "oms-console",
            "--test",
            "bench",
        ],
    );
    cmd.env("OMS_DIST", project::root().join("dist"))
        .env("CHROMEDRIVER", tools::CHROMEDRIVER)
        .env("OMS_NGINX", tools::NGINX)
        .env("OMS_H2LOAD", tools::H2LOAD);
    project::run_visible(cmd)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => run::run(&args[1..]),
        Some("test") => stages::test(),
        Some("dist") => dist::dist(),
        Some("fuzz") => fuzz(),
        Some("bench") => bench(),
        _ => Err(USAGE.to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}
