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

/// Calls `taken_in` with what another tab of this origin stored under `key`
/// (`None`: it removed it). Each tab keeps its state in memory and saves all
/// of it: this is how a tab learns what the others saved.
pub fn on_stored_elsewhere(key: &'static str, taken_in: impl Fn(Option<String>) + 'static) {
    let _ = leptos::prelude::window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() == Some(key) {
            taken_in(ev.new_value());
        }
    });
}
