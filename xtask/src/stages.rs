//! `cargo xtask test`: every check and test, one line per stage.

use std::time::Instant;

use crate::project::{captured, command, root};
use crate::tools::{self, CHROMEDRIVER, WASM_TARGET};

/// Passed and failed test counts read from cargo's `test result:` lines.
#[derive(Default)]
struct Counts {
    passed: u64,
    failed: u64,
}

impl Counts {
    fn add(&mut self, output: &str) {
        for line in output.lines() {
            let Some(rest) = line.trim().strip_prefix("test result: ") else {
                continue;
            };
            for part in rest.split(';') {
                let mut words = part.split_whitespace().rev();
                let (Some(label), Some(number)) = (words.next(), words.next()) else {
                    continue;
                };
                let number: u64 = number.parse().unwrap_or(0);
                match label {
                    "passed" => self.passed += number,
                    "failed" => self.failed += number,
                    _ => {}
                }
            }
        }
    }
}

fn stage(
    name: &str,
    counts: &mut Counts,
    run: impl FnOnce() -> Result<String, String>,
) -> Result<(), String> {
    let started = Instant::now();
    let result = run();
    let seconds = started.elapsed().as_secs_f64();
    match result {
        Ok(output) => {
            counts.add(&output);
            println!("ok    {name:<16} {seconds:>7.1} s");
            Ok(())
        }
        Err(output) => {
            println!("FAIL  {name:<16} {seconds:>7.1} s");
            Err(format!("{output}\nstage '{name}' failed"))
        }
    }
}

/// Everything, in order, stopping at the first failing stage.
pub fn test() -> Result<(), String> {
    let mut counts = Counts::default();
    let result = stages(&mut counts);
    println!("tests: {} passed, {} failed", counts.passed, counts.failed);
    result
}

fn stages(counts: &mut Counts) -> Result<(), String> {
    stage("install", counts, || {
        tools::ensure_test_tools().map(|()| String::new())
    })?;
    stage("fmt", counts, || {
        captured(command("cargo", &["fmt", "--all", "--check"]))
    })?;
    stage("clippy", counts, || {
        captured(command(
            "cargo",
            &[
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
        ))
    })?;
    stage("native tests", counts, || {
        let workspace = captured(command(
            "cargo",
            &["test", "--workspace", "--exclude", "oms-console"],
        ))?;
        // The console's own unit tests (the catalogue, drafts) run here
        // too; its other test targets need a browser.
        let console = captured(command("cargo", &["test", "-p", "oms-console", "--lib"]))?;
        Ok(workspace + &console)
    })?;
    stage("browser tests", counts, || {
        let mut cmd = command(
            "cargo",
            &[
                "test",
                "-p",
                "oms-console",
                "--target",
                WASM_TARGET,
                "--test",
                "browser",
            ],
        );
        cmd.env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            "wasm-bindgen-test-runner",
        )
        .env("CHROMEDRIVER", CHROMEDRIVER)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120");
        captured(cmd)
    })?;
    stage("release build", counts, || {
        crate::dist::build(captured).map(|(_, output)| output)
    })?;
    stage("end-to-end", counts, || {
        let mut cmd = command("cargo", &["test", "-p", "oms-console", "--test", "e2e"]);
        cmd.env("OMS_DIST", root().join("dist"))
            .env("CHROMEDRIVER", CHROMEDRIVER)
            .env("OMS_NGINX", tools::NGINX);
        captured(cmd)
    })?;
    Ok(())
}
