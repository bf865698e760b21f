//! The `cm-sim` command: serves the simulated CM host until Ctrl-C.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use cm_sim::faults::Faults;
use cm_sim::fleet::Task;
use cm_sim::{Options, Sim};

const USAGE: &str =
    "usage: cm-sim [--addr IP:PORT] [--tasks FILE] [--static DIR] [--cors] [--prefix /cm/NAME]
              [--latency-ms N] [--jitter-ms N] [--fail-rate 0..1] [--seed N]

Serves the OMS CM host's connector API (/connector/task/v2/...) with a demo
fleet, plus /_sim/tasks, /_sim/requests, /_sim/reset and /_sim/faults.
Default address: 127.0.0.1:8088.";

fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut options = Options::default();
    let mut faults = Faults::default();
    let mut iter = args.iter();
    while let Some(flag) = iter.next() {
        if flag == "--cors" {
            options.cors = true;
            continue;
        }
        if flag == "--help" || flag == "-h" {
            return Err(String::new());
        }
        let value = iter.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let bad = |what: &str| format!("{flag}: '{value}' is not {what}");
        match flag.as_str() {
            "--addr" => options.addr = value.parse().map_err(|_| bad("an IP:PORT address"))?,
            "--tasks" => {
                let text = std::fs::read_to_string(value).map_err(|e| format!("{value}: {e}"))?;
                let tasks: Vec<Task> =
                    serde_json::from_str(&text).map_err(|e| format!("{value}: {e}"))?;
                options.tasks = tasks;
            }
            "--static" => options.static_dir = Some(PathBuf::from(value)),
            "--prefix" => options.prefixes.push(value.clone()),
            "--latency-ms" => faults.latency_ms = value.parse().map_err(|_| bad("a number"))?,
            "--jitter-ms" => faults.jitter_ms = value.parse().map_err(|_| bad("a number"))?,
            "--seed" => faults.seed = value.parse().map_err(|_| bad("a number"))?,
            "--fail-rate" => {
                faults.fail_rate = value
                    .parse()
                    .ok()
                    .filter(|r| (0.0..=1.0).contains(r))
                    .ok_or_else(|| bad("a share from 0 to 1"))?;
            }
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    options.faults = faults;
    Ok(options)
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_target(false)
        .with_ansi(std::io::stdout().is_terminal())
        .init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let options = match parse_args(&args) {
        Ok(options) => options,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("cm-sim: {message}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let tasks = options.tasks.len();
    let sim = match Sim::start(options).await {
        Ok(sim) => sim,
        Err(e) => {
            eprintln!("cm-sim: cannot listen: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "cm-sim: CM host simulator on {} with {tasks} tasks",
        sim.url()
    );
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = sim.wait() => {}
    }
    ExitCode::SUCCESS
}
