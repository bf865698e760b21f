//! `cargo xtask dist`: a release build, gzipped copies and a size table.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::project::{Runner, command, root, shown};
use crate::tools;

/// The commands of Trunk's release build: `cargo fetch`, then
/// `trunk build --release --offline` (trunk must never download a tool).
fn trunk_build_commands() -> [Command; 2] {
    [
        command("cargo", &["fetch", "--quiet"]),
        command("trunk", &["build", "--release", "--offline"]),
    ]
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                found.extend(files(&path));
            } else if path.extension().is_none_or(|e| e != "gz") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// `bytes` gzipped with Zopfli: standard gzip that any browser and nginx's
/// `gzip_static` read, some 4% smaller than zlib's best (the build's
/// files are compressed once, served many times).
fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut packed = Vec::new();
    zopfli::compress(
        zopfli::Options::default(),
        zopfli::Format::Gzip,
        bytes,
        &mut packed,
    )
    .expect("writing to memory");
    packed
}

/// A file of `dist/`: its name, raw size and gzipped size.
type Size = (String, usize, usize);

/// Writes a `.gz` beside each file of `dist` (for nginx's `gzip_static`);
/// returns each file's size.
fn compress(dist: &Path) -> Result<Vec<Size>, String> {
    let mut sizes = Vec::new();
    for path in files(dist) {
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let packed = gzip(&bytes);
        let mut gz_name = path.clone().into_os_string();
        gz_name.push(".gz");
        std::fs::write(&gz_name, &packed).map_err(|e| format!("{gz_name:?}: {e}"))?;
        let name = path
            .strip_prefix(dist)
            .unwrap_or(&path)
            .display()
            .to_string();
        sizes.push((name, bytes.len(), packed.len()));
    }
    Ok(sizes)
}

/// Builds `dist/`: Trunk's release build, split into the modules pages load
/// on first visit, with its policy and a `.gz` beside each file. Returns
/// each file's size and what the steps printed.
pub fn build(run: Runner) -> Result<(Vec<Size>, String), String> {
    let mut output = String::new();
    for step in trunk_build_commands() {
        output.push_str(&run(step)?);
    }
    let dist = root().join("dist");
    output.push_str(&crate::split::split(&dist, run)?);
    crate::csp::harden(&dist)?;
    Ok((compress(&dist)?, output))
}

/// Builds `dist/` and prints the sizes.
pub fn dist() -> Result<(), String> {
    tools::ensure_release_tools()?;
    let (sizes, output) = build(shown)?;
    print!("{output}");
    println!("{:<48} {:>10} {:>10}", "file", "raw", "gzip");
    for (name, raw, gz) in &sizes {
        println!("{name:<48} {raw:>10} {gz:>10}");
    }
    let raw: usize = sizes.iter().map(|s| s.1).sum();
    let gz: usize = sizes.iter().map(|s| s.2).sum();
    println!("{:<48} {raw:>10} {gz:>10}", "total");
    Ok(())
}
