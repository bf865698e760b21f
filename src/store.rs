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
            let aside = format!("{key}.unreadable-{}", browser::now_ms() as u64);
            browser::save(&aside, &text);
            browser::remove(key);
            notices.push(fill(t.storage_unreadable, &[what, &why.words(t), &aside]));
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
