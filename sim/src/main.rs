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

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn flags_set_faults_and_serving() {
        let options = parse_args(&args(&[
            "--addr",
            "127.0.0.1:9999",
            "--latency-ms",
            "250",
            "--jitter-ms",
            "10",
            "--fail-rate",
            "0.2",
            "--seed",
            "7",
            "--cors",
            "--static",
            "dist",
            "--prefix",
            "/cm/east",
        ]))
        .unwrap();
        assert_eq!(options.addr.port(), 9999);
        assert_eq!(
            (
                options.faults.latency_ms,
                options.faults.jitter_ms,
                options.faults.seed
            ),
            (250, 10, 7)
        );
        assert_eq!(options.faults.fail_rate, 0.2);
        assert!(options.cors);
        assert_eq!(options.static_dir, Some(PathBuf::from("dist")));
        assert_eq!(options.prefixes, vec!["/cm/east".to_owned()]);
    }

    #[test]
    fn a_tasks_file_replaces_the_demo_fleet() {
        let path = std::env::temp_dir().join(format!("cm-sim-tasks-{}.json", std::process::id()));
        std::fs::write(
            &path,
            r#"[{"taskName":"t1","state":"STOPPED","config":{},"position":null}]"#,
        )
        .unwrap();
        let options = parse_args(&args(&["--tasks", path.to_str().unwrap()])).unwrap();
        assert_eq!(options.tasks.len(), 1);
        assert_eq!(options.tasks[0].task_name, "t1");
        std::fs::remove_file(path).unwrap();
    }

    #[test]
    fn bad_flags_are_refused_with_a_reason() {
        for (list, why) in [
            (vec!["--fail-rate", "2"], "0 to 1"),
            (vec!["--latency-ms", "soon"], "a number"),
            (vec!["--addr", "nowhere"], "IP:PORT"),
            (vec!["--tasks"], "needs a value"),
            (
                vec!["--tasks", "/nonexistent/file.json"],
                "/nonexistent/file.json",
            ),
            (vec!["--bogus", "1"], "unknown option"),
        ] {
            let error = parse_args(&args(&list)).unwrap_err();
            assert!(error.contains(why), "{list:?}: {error}");
        }
    }
}
