//! CM host profiles in the browser.

use leptos::prelude::*;
use oms_core::profile::{Profile, Profiles};

use crate::{browser, store};

/// The profiles' storage key.
const KEY: &str = "oms-console.profiles.v1";

/// Loads the stored profiles (setting aside unreadable text) and saves every change.
pub fn load(
    notices: RwSignal<Vec<String>>,
    unreadable: &str,
    default_name: &str,
) -> RwSignal<Profiles> {
    let mut found = Vec::new();
    let profiles = store::load(
        KEY,
        |t| Profiles::from_json(t).map_err(|e| format!("{e:?}")),
        &mut found,
        unreadable,
    )
    .unwrap_or_else(|| Profiles::with_default_named(default_name));
    notices.update(|n| n.extend(found));
    let profiles = RwSignal::new(profiles);
    Effect::new(move |_| {
        browser::save(KEY, &profiles.with(Profiles::to_json));
    });
    profiles
}

/// The active profile.
pub fn active(profiles: RwSignal<Profiles>) -> Signal<Profile> {
    Signal::derive(move || profiles.with(|p| p.active().clone()))
}
