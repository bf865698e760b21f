//! Where the project lives and how its commands are run.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// The git-ignored folder for tools installed from npm.
pub fn tools_dir() -> PathBuf {
    root().join("tools")
}

fn cargo_bin() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
        .unwrap_or_default()
        .join("bin")
}

/// PATH with the project's tools and cargo's binaries first.
pub fn path_var() -> OsString {
    let mut paths = vec![tools_dir().join("node_modules").join(".bin"), cargo_bin()];
    if let Some(path) = std::env::var_os("PATH") {
        paths.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(paths).expect("PATH entries are valid")
}

/// A command run in the workspace root with the project's PATH.
pub fn command(program: &str, args: &[&str]) -> Command {
    let mut command = Command::new(program);
    command
        .args(args)
        .current_dir(root())
        .env("PATH", path_var());
    command
}

/// The first line a tool prints for `--version`, if it runs.
pub fn version_of(program: &str) -> Option<String> {
    let output = command(program, &["--version"])
        .stdin(Stdio::null())
        .output()
        .ok()?;
    output.status.success().then(|| {
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .next()
            .unwrap_or_default()
            .trim()
            .to_owned()
    })
}

/// Runs a command with inherited output; an error names it.
pub fn run_visible(mut command: Command) -> Result<(), String> {
    let shown = format!("{command:?}");
    let status = command
        .status()
        .map_err(|e| format!("cannot start {shown}: {e}"))?;
    status
        .success()
        .then_some(())
        .ok_or_else(|| format!("{shown} failed ({status})"))
}

/// How a build step runs: with its output shown, or captured.
pub type Runner = fn(Command) -> Result<String, String>;

/// Runs a command with inherited output (a [`Runner`]).
pub fn shown(command: Command) -> Result<String, String> {
    run_visible(command).map(|()| String::new())
}

/// Runs a command quietly; its output, or on failure the command and its
/// output (a [`Runner`]).
pub fn captured(mut command: Command) -> Result<String, String> {
    let shown = format!("{command:?}");
    let output = command
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot start {shown}: {e}"))?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    if output.status.success() {
        Ok(text)
    } else {
        Err(format!("$ {shown}\n{text}"))
    }
}
