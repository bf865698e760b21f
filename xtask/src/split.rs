//! Splits the release build's WebAssembly so that a cold load fetches only
//! what the first page needs. The pages of `src/split.rs` move into their
//! own modules, fetched on their first visit.
//!
//! Trunk builds `dist/` as usual (one module). Then this builds the console
//! again with the `split` feature (in `target/split-build`, keeping the
//! linker's relocations), splits it with `wasm-split-cli` (the tool behind
//! cargo-leptos's `--split`), runs `wasm-bindgen` and `wasm-opt` on every
//! part as Trunk does, and puts the parts in place of Trunk's module,
//! under names carrying the build's hash (the deployment caches those
//! forever), with their JavaScript (the glue and the split loader)
//! minified by `terser`. `index.html`'s integrity hash of the glue is
//! updated to match; the one Trunk puts on the module's preload, which
//! browsers ignore, is dropped.

use std::path::{Path, PathBuf};

use base64::Engine;
use sha2::{Digest, Sha384};

use crate::project::{Runner, captured, command, root};
use crate::tools::WASM_TARGET;

/// The binary Trunk builds.
const BIN: &str = "oms-console";
/// The module the split main module imports its loaders from.
const LINK: &str = "__wasm_split.js";
/// The value of `attribute="…"` in `html`, if present.
fn attribute<'a>(html: &'a str, attribute: &str) -> Option<&'a str> {
    let key = format!("{attribute}=\"");
    let start = html.find(&key)? + key.len();
    html[start..].split('"').next()
}

/// The `wasm-opt` arguments Trunk is given in `index.html`
/// (`data-wasm-opt` and `data-wasm-opt-params`), so that every split part
/// is optimised as Trunk optimises the one module.
fn wasm_opt_args(index_html: &str) -> Result<Vec<String>, String> {
    let level = attribute(index_html, "data-wasm-opt")
        .ok_or("index.html: the rust link has no data-wasm-opt")?;
    let mut args = vec![format!("-O{level}")];
    args.extend(
        attribute(index_html, "data-wasm-opt-params")
            .unwrap_or_default()
            .split_whitespace()
            .map(str::to_owned),
    );
    Ok(args)
}

fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// The hash in the name of Trunk's `oms-console-<hash>.js`: a 64-bit
/// number in hexadecimal, without leading zeros (so 1 to 16 digits).
fn trunk_hash(file_name: &str) -> Option<&str> {
    file_name
        .strip_prefix(&format!("{BIN}-"))
        .and_then(|rest| rest.strip_suffix(".js"))
        .filter(|h| (1..=16).contains(&h.len()) && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The stem Trunk gave the module, `oms-console-<hash>`, and the hash.
fn trunk_stem(dist: &Path) -> Result<(String, String), String> {
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(hash) = trunk_hash(&name) {
            return Ok((format!("{BIN}-{hash}"), hash.to_owned()));
        }
    }
    Err(format!(
        "{}: Trunk's {BIN}-<hash>.js is missing",
        dist.display()
    ))
}

/// `js`, an ES module, minified by `terser` (what it exports and imports
/// kept), written to `work` on the way.
fn minified(js: &str, work: &Path, name: &str) -> Result<String, String> {
    let (from, to) = (work.join(name), work.join(format!("min-{name}")));
    write(&from, js)?;
    let (from, to_path) = (from.display().to_string(), to.display().to_string());
    captured(command(
        "terser",
        &[
            &from,
            "--module",
            "--compress",
            "--mangle",
            "--output",
            &to_path,
        ],
    ))?;
    read_text(&to)
}

/// Where the `integrity` attribute of the tag that loads `/file` in `html`
/// is: its leading space, its value's start, and its closing quote.
fn integrity_at(html: &str, file: &str) -> Result<(usize, usize, usize), String> {
    let href = format!("href=\"/{file}\"");
    let at = html
        .find(&href)
        .ok_or_else(|| format!("index.html does not load /{file}"))?;
    let tag_end = at + html[at..].find('>').ok_or("index.html: unterminated tag")?;
    let key = " integrity=\"";
    let attribute = html[at..tag_end]
        .find(key)
        .map(|i| at + i)
        .ok_or_else(|| format!("index.html: /{file} has no integrity"))?;
    let value = attribute + key.len();
    let quote = value
        + html[value..]
            .find('"')
            .ok_or("index.html: unterminated integrity")?;
    Ok((attribute, value, quote))
}

/// Replaces the `integrity` of the tag that loads `/file` in `html`.
fn set_integrity(html: &str, file: &str, bytes: &[u8]) -> Result<String, String> {
    let (_, value, quote) = integrity_at(html, file)?;
    let digest = base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes));
    let mut out = html.to_owned();
    out.replace_range(value..quote, &format!("sha384-{digest}"));
    Ok(out)
}

/// Drops the `integrity` of the tag that loads `/file` in `html`. Trunk
/// puts one on the WebAssembly's `<link rel="preload" as="fetch">`, where
/// browsers ignore it (Chromium warns on every load): the module itself is
/// fetched by its glue, whose own integrity is checked.
fn drop_integrity(html: &str, file: &str) -> Result<String, String> {
    let (attribute, _, quote) = integrity_at(html, file)?;
    let mut out = html.to_owned();
    out.replace_range(attribute..=quote, "");
    Ok(out)
}

/// Builds the split console and puts it in place of Trunk's module in
/// `dist`; returns what the steps printed.
pub fn split(dist: &Path, run: Runner) -> Result<String, String> {
    let (stem, hash) = trunk_stem(dist)?;
    // Its own target directory: the linker must keep its relocations
    // for wasm-split-cli, which Trunk's build must not (wasm-opt cannot
    // handle them), and each directory keeps its own build cached.
    let target_dir = root().join("target/split-build");
    let mut output = run(command(
        "cargo",
        &[
            "build",
            "--quiet",
            "--release",
            "--offline",
            "--target",
            WASM_TARGET,
            "--bin",
            BIN,
            "--features",
            "split",
            "--target-dir",
            &target_dir.display().to_string(),
            "--config",
            &format!("target.{WASM_TARGET}.rustflags=[\"-C\", \"link-arg=--emit-relocs\"]"),
        ],
    ))?;
    let built = target_dir
        .join(WASM_TARGET)
        .join("release")
        .join(format!("{BIN}.wasm"));
    let work = root().join("target/split");
    let _ = std::fs::remove_dir_all(&work);
    let bindgen = work.join("bindgen");
    std::fs::create_dir_all(&bindgen).map_err(|e| format!("{}: {e}", bindgen.display()))?;
    let (built, work_dir) = (built.display().to_string(), work.display().to_string());
    output += &run(command(
        "wasm-split-cli",
        &[&built, &work_dir, "--out-name", &stem],
    ))?;
    let main = work.join(format!("{stem}.wasm")).display().to_string();
    let bindgen_dir = bindgen.display().to_string();
    output += &run(command(
        "wasm-bindgen",
        &[
            "--target",
            "web",
            "--no-typescript",
            "--keep-lld-exports",
            "--out-dir",
            &bindgen_dir,
            "--out-name",
            &stem,
            &main,
        ],
    ))?;

    let mut parts: Vec<(PathBuf, String)> = vec![(
        bindgen.join(format!("{stem}_bg.wasm")),
        format!("{stem}_bg.wasm"),
    )];
    let mut loader = read_text(&work.join(LINK))?;
    let entries = std::fs::read_dir(&work).map_err(|e| format!("{work_dir}: {e}"))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(part) = name
            .strip_suffix(".wasm")
            .filter(|_| name != format!("{stem}.wasm"))
        {
            let hashed = format!("{part}-{hash}.wasm");
            let quoted = format!("\"./{name}\"");
            if !loader.contains(&quoted) {
                return Err(format!(
                    "{LINK} does not fetch {name}: wasm-split-cli changed"
                ));
            }
            loader = loader.replace(&quoted, &format!("\"./{hashed}\""));
            parts.push((entry.path(), hashed));
        }
    }
    let wasm_opt = wasm_opt_args(&read_text(&root().join("index.html"))?)?;
    for (from, to) in &parts {
        let from = from.display().to_string();
        let to = dist.join(to).display().to_string();
        let mut args: Vec<&str> = wasm_opt.iter().map(String::as_str).collect();
        args.extend([from.as_str(), "-o", to.as_str()]);
        // Quiet: it warns of a name subsection it does not know, once per part.
        captured(command("wasm-opt", &args))?;
    }
    let link = format!("__wasm_split-{hash}.js");
    write(&dist.join(&link), minified(&loader, &work, LINK)?)?;
    let glue = read_text(&bindgen.join(format!("{stem}.js")))?;
    let import = format!("from \"./{LINK}\"");
    if !glue.contains(&import) {
        return Err(format!(
            "{stem}.js does not import {LINK}: wasm-bindgen changed"
        ));
    }
    let glue = glue.replace(&import, &format!("from \"./{link}\""));
    let glue = minified(&glue, &work, &format!("{stem}.js"))?;
    write(&dist.join(format!("{stem}.js")), &glue)?;

    let index = dist.join("index.html");
    let mut html = read_text(&index)?;
    html = set_integrity(&html, &format!("{stem}.js"), glue.as_bytes())?;
    html = drop_integrity(&html, &format!("{stem}_bg.wasm"))?;
    write(&index, html)?;
    output += &format!("split: {} modules loaded on demand\n", parts.len() - 1);
    Ok(output)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wasm_opt_is_given_what_index_html_gives_trunk() {
        let html = r#"<link data-trunk rel="rust" data-wasm-opt="z" data-wasm-opt-params="--enable-bulk-memory  --enable-nontrapping-float-to-int" />"#;
        assert_eq!(
            wasm_opt_args(html).unwrap(),
            [
                "-Oz",
                "--enable-bulk-memory",
                "--enable-nontrapping-float-to-int"
            ]
        );
        assert!(wasm_opt_args("<link data-trunk rel=\"rust\" />").is_err());
        let project = read_text(&root().join("index.html")).unwrap();
        assert!(wasm_opt_args(&project).unwrap()[0].starts_with("-O"));
    }

    #[test]
    fn trunks_hash_may_have_fewer_than_16_digits() {
        assert_eq!(
            trunk_hash("oms-console-1e1e89415bf4b3d8.js"),
            Some("1e1e89415bf4b3d8")
        );
        assert_eq!(
            trunk_hash("oms-console-2c299b32fc1a2d7.js"),
            Some("2c299b32fc1a2d7"),
            "a hash with a leading zero"
        );
        for other in [
            "oms-console-1e1e89415bf4b3d8_bg.wasm",
            "oms-console-.js",
            "oms-console-1e1e89415bf4b3d8a.js",
            "loader-78281da6009ca3a8.js",
            "oms-console-xyz.js",
        ] {
            assert_eq!(trunk_hash(other), None, "{other}");
        }
    }

    #[test]
    fn integrity_is_replaced_in_the_tag_of_its_file_only() {
        let html = r#"<link rel="modulepreload" href="/a.js" integrity="sha384-old"><link rel="preload" href="/b.wasm" integrity="sha384-keep">"#;
        let out = set_integrity(html, "a.js", b"").unwrap();
        assert_eq!(
            out,
            r#"<link rel="modulepreload" href="/a.js" integrity="sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb"><link rel="preload" href="/b.wasm" integrity="sha384-keep">"#
        );
        assert!(set_integrity(html, "c.js", b"").is_err());
    }

    #[test]
    fn integrity_is_dropped_from_the_tag_of_its_file_only() {
        let html = r#"<link rel="modulepreload" href="/a.js" integrity="sha384-keep"><link rel="preload" href="/b.wasm" crossorigin="anonymous" integrity="sha384-old" as="fetch">"#;
        assert_eq!(
            drop_integrity(html, "b.wasm").unwrap(),
            r#"<link rel="modulepreload" href="/a.js" integrity="sha384-keep"><link rel="preload" href="/b.wasm" crossorigin="anonymous" as="fetch">"#
        );
        assert!(drop_integrity(html, "c.wasm").is_err());
    }
}
