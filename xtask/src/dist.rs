//! `cargo xtask dist`: a release build, gzipped copies and a size table.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use flate2::Compression;
use flate2::write::GzEncoder;

use crate::project::{command, root, run_visible};
use crate::tools;

/// The commands of a release build: `cargo fetch`, then
/// `trunk build --release --offline` (trunk must never download a tool).
pub fn release_build_commands() -> [Command; 2] {
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

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).expect("writing to memory");
    encoder.finish().expect("writing to memory")
}

/// Writes a `.gz` beside each file of `dist` (for nginx's `gzip_static`);
/// returns each file's name, raw size and gzipped size.
pub fn compress(dist: &Path) -> Result<Vec<(String, usize, usize)>, String> {
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

/// Builds `dist/` with its policy and gzipped copies, and prints the sizes.
pub fn dist() -> Result<(), String> {
    tools::ensure_build_tools()?;
    tools::ensure_wasm_split()?;
    for step in release_build_commands() {
        run_visible(step)?;
    }
    let dist = root().join("dist");
    crate::split::split(&dist)?;
    crate::csp::harden(&dist)?;
    let sizes = compress(&dist)?;
    println!("{:<48} {:>10} {:>10}", "file", "raw", "gzip");
    for (name, raw, gz) in &sizes {
        println!("{name:<48} {raw:>10} {gz:>10}");
    }
    let raw: usize = sizes.iter().map(|s| s.1).sum();
    let gz: usize = sizes.iter().map(|s| s.2).sum();
    println!("{:<48} {raw:>10} {gz:>10}", "total");
    Ok(())
}
