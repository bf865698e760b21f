//! Installing what is missing, idempotently, at the versions pinned here.

use std::process::Stdio;

use crate::project::{command, root, run_visible, tools_dir, version_of};

/// Trunk's version (0.22 needs a newer rustc).
pub const TRUNK_VERSION: &str = "0.21.14";
/// The npm package `binaryen` that provides `wasm-opt`.
pub const BINARYEN_VERSION: &str = "132.0.0";
/// The npm package `swagger-ui-dist` the benchmark compares against.
pub const SWAGGER_UI_VERSION: &str = "5.36.0";
/// The npm package `axe-core` the accessibility tests audit the pages with.
pub const AXE_CORE_VERSION: &str = "4.14.1";
/// The npm package `terser` that minifies the release build's JavaScript.
pub const TERSER_VERSION: &str = "5.51.4";
/// The npm packages installed into `tools/`, at their versions.
const NPM_PACKAGES: [(&str, &str); 4] = [
    ("binaryen", BINARYEN_VERSION),
    ("terser", TERSER_VERSION),
    ("swagger-ui-dist", SWAGGER_UI_VERSION),
    ("axe-core", AXE_CORE_VERSION),
];
/// The wasm target.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// `wasm-split-cli` (crate `wasm_split_cli_support`), which splits the
/// release build's WebAssembly; at the version `wasm_split_helpers` in
/// `Cargo.lock` is made for.
pub const WASM_SPLIT_VERSION: &str = "0.2.4";
/// Debian's Chromium and its WebDriver.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// Debian's ChromeDriver.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// Debian's nginx, for the deployment test (openssl makes its certificate).
pub const NGINX: &str = "/usr/sbin/nginx";
/// Debian's `h2load` (nghttp2), for the benchmark's batch without a browser.
pub const H2LOAD: &str = "/usr/bin/h2load";

/// The `wasm-bindgen` version `Cargo.lock` holds (pinned with `=` in Cargo.toml).
pub fn wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            let version = lines.next().unwrap_or_default();
            if let Some(v) = version.strip_prefix("version = \"") {
                return Ok(v.trim_end_matches('"').to_owned());
            }
        }
    }
    Err("wasm-bindgen is not in Cargo.lock".into())
}

fn say(what: &str) {
    println!("install: {what}");
}

fn ensure_target() -> Result<(), String> {
    let output = command("rustup", &["target", "list", "--installed"])
        .output()
        .map_err(|e| format!("rustup: {e}"))?;
    if String::from_utf8_lossy(&output.stdout)
        .lines()
        .any(|l| l.trim() == WASM_TARGET)
    {
        return Ok(());
    }
    say(WASM_TARGET);
    run_visible(command("rustup", &["target", "add", WASM_TARGET]))
}

fn ensure_trunk() -> Result<(), String> {
    if version_of("trunk").as_deref() == Some(&format!("trunk {TRUNK_VERSION}")) {
        return Ok(());
    }
    say(&format!("trunk {TRUNK_VERSION} (about 8 minutes)"));
    run_visible(command(
        "cargo",
        &["install", "trunk", "--version", TRUNK_VERSION, "--locked"],
    ))
}

fn ensure_wasm_bindgen() -> Result<(), String> {
    let version = wasm_bindgen_version()?;
    let wanted = format!("wasm-bindgen {version}");
    if version_of("wasm-bindgen").as_deref() == Some(&wanted)
        && version_of("wasm-bindgen-test-runner").is_some()
    {
        return Ok(());
    }
    say(&format!("wasm-bindgen-cli {version}"));
    let exact = format!("={version}");
    run_visible(command(
        "cargo",
        &[
            "install",
            "wasm-bindgen-cli",
            "--version",
            &exact,
            "--force",
        ],
    ))
}

/// Installs `wasm-split-cli` when it is missing (it has no `--version`:
/// cargo's list of installed crates says which one is there).
fn ensure_wasm_split() -> Result<(), String> {
    let listed = command("cargo", &["install", "--list"])
        .output()
        .map_err(|e| format!("cargo install --list: {e}"))?;
    let wanted = format!("wasm_split_cli_support v{WASM_SPLIT_VERSION}:");
    if String::from_utf8_lossy(&listed.stdout)
        .lines()
        .any(|l| l == wanted)
    {
        return Ok(());
    }
    say(&format!(
        "wasm-split-cli {WASM_SPLIT_VERSION} (about 1 minute)"
    ));
    let exact = format!("={WASM_SPLIT_VERSION}");
    run_visible(command(
        "cargo",
        &[
            "install",
            "wasm_split_cli_support",
            "--version",
            &exact,
            "--features",
            "build-binary",
            "--locked",
        ],
    ))
}

fn ensure_npm_packages() -> Result<(), String> {
    let major = BINARYEN_VERSION.split('.').next().unwrap_or_default();
    let installed = version_of("wasm-opt")
        .is_some_and(|v| v.starts_with(&format!("wasm-opt version {major} ")));
    let local = tools_dir().join("node_modules/.bin/wasm-opt").exists();
    if installed
        && local
        && NPM_PACKAGES
            .iter()
            .all(|(name, version)| npm_has(name, version))
    {
        return Ok(());
    }
    let packages: Vec<String> = NPM_PACKAGES
        .iter()
        .map(|(name, version)| format!("{name}@{version}"))
        .collect();
    say(&format!("{} into tools/", packages.join(", ")));
    std::fs::create_dir_all(tools_dir()).map_err(|e| format!("tools/: {e}"))?;
    let prefix = tools_dir().display().to_string();
    let mut args = vec![
        "install",
        "--prefix",
        &prefix,
        "--no-save",
        "--no-audit",
        "--no-fund",
    ];
    args.extend(packages.iter().map(String::as_str));
    run_visible(command("npm", &args))
}

/// Whether `tools/` holds the npm package `name` at `version`.
fn npm_has(name: &str, version: &str) -> bool {
    std::fs::read_to_string(
        tools_dir()
            .join("node_modules")
            .join(name)
            .join("package.json"),
    )
    .is_ok_and(|json| json.contains(&format!("\"version\": \"{version}\"")))
}

/// Whether `program arg` runs and succeeds.
fn runs(program: &str, arg: &str) -> bool {
    command(program, &[arg])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Installs Debian `packages`.
fn apt_install(packages: &[&str]) -> Result<(), String> {
    run_visible(command("apt-get", &["update", "-qq"]))?;
    let mut args = vec!["install", "-y", "-qq", "--no-install-recommends"];
    args.extend(packages);
    let mut install = command("apt-get", &args);
    install.env("DEBIAN_FRONTEND", "noninteractive");
    run_visible(install)
}

fn ensure_test_packages() -> Result<(), String> {
    if runs(CHROMIUM, "--version")
        && runs(CHROMEDRIVER, "--version")
        && runs(NGINX, "-v")
        && runs("openssl", "version")
    {
        return Ok(());
    }
    say("chromium, chromium-driver, nginx-light and openssl (Debian)");
    apt_install(&["chromium", "chromium-driver", "nginx-light", "openssl"])
}

/// What building the console needs.
pub fn ensure_build_tools() -> Result<(), String> {
    ensure_target()?;
    ensure_trunk()?;
    ensure_wasm_bindgen()?;
    ensure_npm_packages()
}

/// What a release build needs: the build tools and `wasm-split-cli`.
pub fn ensure_release_tools() -> Result<(), String> {
    ensure_build_tools()?;
    ensure_wasm_split()
}

/// What building and testing need.
pub fn ensure_test_tools() -> Result<(), String> {
    ensure_release_tools()?;
    ensure_test_packages()
}

/// What the benchmark needs: the test tools and `h2load`.
pub fn ensure_bench_tools() -> Result<(), String> {
    ensure_test_tools()?;
    if runs(H2LOAD, "--version") {
        return Ok(());
    }
    say("nghttp2-client (Debian), for h2load");
    apt_install(&["nghttp2-client"])
}
