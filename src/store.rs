//! Versioned data in the browser's storage: read, saved, and set aside when
//! it cannot be read, never silently overwritten.

use crate::browser;

/// Reads `key` with `parse`. Text that does not parse is kept under another
/// key and a notice says so; the caller then starts afresh.
pub fn load<T>(
    key: &str,
    parse: impl Fn(&str) -> Result<T, String>,
    notices: &mut Vec<String>,
    notice: &str,
) -> Option<T> {
    let text = browser::load(key)?;
    match parse(&text) {
        Ok(value) => Some(value),
        Err(why) => {
            let aside = format!("{key}.unreadable-{}", browser::now_ms() as u64);
            browser::save(&aside, &text);
            browser::remove(key);
            notices.push(format!("{notice} ({aside}: {why})"));
            None
        }
    }
}
