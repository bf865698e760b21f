//! `cargo xtask run`: the simulator (or a real CM host) and `trunk serve`.

use std::process::{Child, Command};

use crate::project::{command, root, run_visible};
use crate::tools;

/// The simulator's address, which `Trunk.toml`'s proxy forwards to.
const SIM_ADDR: &str = "127.0.0.1:8088";

/// Where `trunk serve` puts its development build: not `dist/`, which
/// holds the release build (`cargo xtask dist`) that is deployed and that
/// the end-to-end tests load.
const SERVE_DIST: &str = "target/serve";

struct Options {
    cm: Option<String>,
    port: u16,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        cm: None,
        port: 8080,
    };
    let mut iter = args.iter();
    while let Some(flag) = iter.next() {
        let value = iter.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--cm" => {
                let url = value.trim_end_matches('/');
                if !(url.starts_with("http://") || url.starts_with("https://")) {
                    return Err(format!("--cm: '{value}' is not an http(s)://HOST:PORT URL"));
                }
                options.cm = Some(url.to_owned());
            }
            "--port" => {
                options.port = value
                    .parse()
                    .map_err(|_| format!("--port: '{value}' is not a port number"))?;
            }
            _ => return Err(format!("unknown option {flag}; see `cargo xtask`")),
        }
    }
    Ok(options)
}

/// Kills a child process when dropped (also when `run` fails).
struct Guard(Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn spawn(mut command: Command) -> Result<Guard, String> {
    let shown = format!("{command:?}");
    command
        .spawn()
        .map(Guard)
        .map_err(|e| format!("cannot start {shown}: {e}"))
}

/// Serves the console until Ctrl-C.
pub fn run(args: &[String]) -> Result<(), String> {
    let options = parse(args)?;
    tools::ensure_build_tools()?;
    run_visible(command("cargo", &["build", "--quiet", "-p", "cm-sim"]))?;
    let port = options.port.to_string();
    let dist = root().join(SERVE_DIST).display().to_string();
    let mut trunk = command(
        "trunk",
        &[
            "serve",
            "--offline",
            "--address",
            "127.0.0.1",
            "--port",
            &port,
            "--dist",
            &dist,
        ],
    );
    let backend = match &options.cm {
        Some(url) => format!("{url}/connector/"),
        None => format!("http://{SIM_ADDR}/connector/"),
    };
    let _sim = match &options.cm {
        Some(_) => None,
        None => {
            let sim = root().join("target/debug/cm-sim");
            let mut cmd = command(&sim.display().to_string(), &["--addr", SIM_ADDR]);
            cmd.env("RUST_LOG", "info");
            Some(spawn(cmd)?)
        }
    };
    if options.cm.is_some() {
        trunk.args(["--config", &cm_config(&backend)?]);
    }
    println!("console:  http://127.0.0.1:{port}/  (Ctrl-C stops)");
    println!("CM host:  {backend}");
    let mut trunk = spawn(trunk)?;
    let status = trunk.0.wait().map_err(|e| e.to_string())?;
    status
        .success()
        .then_some(())
        .ok_or_else(|| format!("trunk serve ended: {status}"))
}

/// A Trunk config like `Trunk.toml` whose proxy goes to `backend`.
fn cm_config(backend: &str) -> Result<String, String> {
    let dir = root().join("target/xtask");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let root = root();
    let text = format!(
        "[build]\ntarget = {:?}\ndist = {:?}\n\n[watch]\nwatch = [{:?}, {:?}, {:?}, {:?}]\n\n[[proxy]]\nbackend = {backend:?}\n",
        root.join("index.html"),
        root.join(SERVE_DIST),
        root.join("index.html"),
        root.join("src"),
        root.join("core/src"),
        root.join("style"),
    );
    let path = dir.join("Trunk.cm.toml");
    std::fs::write(&path, text).map_err(|e| e.to_string())?;
    Ok(path.display().to_string())
}
