//! A strict Content-Security-Policy for the built console: Trunk's inline
//! loader moves to a file, and the policy goes into `index.html`.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::Path;

/// The policy, as the meta tag and the deployment's header carry it
/// (the header adds `frame-ancestors 'none'`, which a meta tag cannot).
pub const POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self' http: https:; object-src 'none'; base-uri 'none'; form-action 'self'";

/// Moves the inline module script of `dist/index.html` into its own file
/// and adds the policy; running it twice changes nothing more.
pub fn harden(dist: &Path) -> Result<(), String> {
    let index = dist.join("index.html");
    let mut html =
        std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    if let Some(start) = html.find("<script type=\"module\">") {
        let body_start = start + "<script type=\"module\">".len();
        let end = html[body_start..]
            .find("</script>")
            .map(|i| body_start + i)
            .ok_or("index.html: unterminated inline script")?;
        let script = html[body_start..end].trim().to_owned();
        let mut hasher = DefaultHasher::new();
        script.hash(&mut hasher);
        let name = format!("loader-{:016x}.js", hasher.finish());
        std::fs::write(dist.join(&name), format!("{script}\n"))
            .map_err(|e| format!("{name}: {e}"))?;
        html.replace_range(
            start..end + "</script>".len(),
            &format!("<script type=\"module\" src=\"/{name}\"></script>"),
        );
    }
    if !html.contains("Content-Security-Policy") {
        let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{POLICY}\" />");
        html = html.replacen(
            "<meta charset=\"utf-8\" />",
            &format!("<meta charset=\"utf-8\" />\n    {meta}"),
            1,
        );
    }
    if html.contains("<script>") || html.contains("<script type=\"module\">") {
        return Err("index.html still has an inline script".into());
    }
    std::fs::write(&index, html).map_err(|e| format!("{}: {e}", index.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inline_loader_moves_out_and_the_policy_goes_in() {
        let dir = std::env::temp_dir().join(format!("xtask-csp-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let html = "<html><head><meta charset=\"utf-8\" />\n<script type=\"module\">\nimport init from '/a.js';\nawait init();\n</script></head></html>";
        std::fs::write(dir.join("index.html"), html).unwrap();
        harden(&dir).unwrap();
        harden(&dir).unwrap();
        let out = std::fs::read_to_string(dir.join("index.html")).unwrap();
        assert_eq!(out.matches("Content-Security-Policy").count(), 1);
        let loader = out
            .split("src=\"/")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        assert!(loader.starts_with("loader-") && loader.ends_with(".js"));
        assert_eq!(
            std::fs::read_to_string(dir.join(loader)).unwrap(),
            "import init from '/a.js';\nawait init();\n"
        );
        assert!(!POLICY.contains("unsafe-inline") && !POLICY.contains("'unsafe-eval'"));
        std::fs::remove_dir_all(dir).unwrap();
    }
}
