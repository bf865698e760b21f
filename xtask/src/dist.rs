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

/// Builds `dist/`, writes a `.gz` beside each file and prints the sizes.
pub fn dist() -> Result<(), String> {
    tools::ensure_build_tools()?;
    for step in release_build_commands() {
        run_visible(step)?;
    }
    let dist = root().join("dist");
    let (mut raw_total, mut gz_total) = (0, 0);
    println!("{:<48} {:>10} {:>10}", "file", "raw", "gzip");
    for path in files(&dist) {
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let packed = gzip(&bytes);
        let mut gz_name = path.clone().into_os_string();
        gz_name.push(".gz");
        std::fs::write(&gz_name, &packed).map_err(|e| format!("{gz_name:?}: {e}"))?;
        let name = path
            .strip_prefix(&dist)
            .unwrap_or(&path)
            .display()
            .to_string();
        println!("{name:<48} {:>10} {:>10}", bytes.len(), packed.len());
        raw_total += bytes.len();
        gz_total += packed.len();
    }
    println!("{:<48} {raw_total:>10} {gz_total:>10}", "total");
    Ok(())
}
