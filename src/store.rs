//! Versioned data in the browser's storage: read, saved, and set aside when
//! it cannot be read, never silently overwritten.

use crate::browser;
use crate::i18n::{Texts, fill};

/// Why stored text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// It is not the JSON expected; the parser's reason.
    NotJson(String),
    /// It was written in a version this console cannot read.
    Version(u32),
    /// It is readable but not valid; why, in words.
    Invalid(String),
}

impl Unreadable {
    /// The reason in words, as a sentence.
    pub fn words(&self, t: &Texts) -> String {
        match self {
            Self::NotJson(why) => fill(t.storage_not_json, &[why]),
            Self::Version(version) => fill(t.data_version, &[&version.to_string()]),
            Self::Invalid(why) => why.clone(),
        }
    }
}

/// Reads `key` with `parse`. Text that does not parse is kept under another
/// key and a notice names `what` it was, why it was unreadable and where it
/// was kept; the caller then starts afresh.
pub fn load<T>(
    key: &str,
    what: &str,
    parse: impl Fn(&str) -> Result<T, Unreadable>,
    t: &Texts,
    notices: &mut Vec<String>,
) -> Option<T> {
    let text = browser::load(key)?;
    match parse(&text) {
        Ok(value) => Some(value),
        Err(why) => {
            let aside = set_aside(key, &text);
            notices.push(fill(t.storage_unreadable, &[what, &why.words(t), &aside]));
            None
        }
    }
}

/// Moves `text`, which was stored under `key` and cannot be read, to a key
/// of its own, and returns that key.
pub fn set_aside(key: &str, text: &str) -> String {
    let aside = format!("{key}.unreadable-{}", browser::now_ms() as u64);
    browser::save(&aside, text);
    browser::remove(key);
    aside
}

/// Calls `taken_in` with the key and what another tab of this origin stored
/// under each key that `stored_here` accepts (`None`: it removed it). Each
/// tab keeps its state in memory: this is how a tab learns what the others
/// saved.
pub fn on_stored_elsewhere(
    stored_here: impl Fn(&str) -> bool + 'static,
    taken_in: impl Fn(&str, Option<String>) + 'static,
) {
    let _ = leptos::prelude::window_event_listener(leptos::ev::storage, move |ev| {
        if let Some(key) = ev.key().filter(|key| stored_here(key)) {
            taken_in(&key, ev.new_value());
        }
    });
}
