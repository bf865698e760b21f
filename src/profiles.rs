//! CM host profiles in the browser.

use leptos::prelude::*;
use oms_core::profile::{HostMoved, Profile, ProfileError, Profiles, ProfilesError};

use crate::browser;
use crate::i18n::{Lang, Texts, fill};
use crate::store::{self, Unreadable};

/// The profiles' storage key.
const KEY: &str = "oms-console.profiles.v1";

/// The built-in profiles of `lang`: one for this origin, named in it.
fn built_in(lang: Lang) -> Profiles {
    Profiles::with_default_named(lang.texts().default_profile_name)
}

/// Whether `profiles` are the built-in ones, in any language.
fn is_built_in(profiles: &Profiles) -> bool {
    Lang::ALL
        .into_iter()
        .any(|lang| *profiles == built_in(lang))
}

/// A profile's problem, in words.
pub fn profile_error(t: &Texts, error: ProfileError) -> &'static str {
    match error {
        ProfileError::EmptyName => t.profile_name_empty,
        ProfileError::DuplicateName => t.profile_name_taken,
        ProfileError::BadBaseUrl => t.profile_base_bad,
        ProfileError::BadTimeout => t.profile_timeout_bad,
        ProfileError::BadColor => t.profile_color_bad,
    }
}

/// Why pasted or stored profiles cannot be read, in words.
pub fn profiles_error(t: &Texts, error: ProfilesError) -> String {
    match error {
        ProfilesError::Corrupt(why) => fill(t.profiles_import_not_json, &[&why]),
        ProfilesError::UnknownVersion(version) => fill(t.data_version, &[&version.to_string()]),
        ProfilesError::Invalid(index, errors) => {
            let why: Vec<&str> = errors.into_iter().map(|e| profile_error(t, e)).collect();
            fill(
                t.profiles_import_invalid,
                &[&(index + 1).to_string(), &why.join(" ")],
            )
        }
        ProfilesError::Empty => t.profiles_import_empty.to_owned(),
    }
}

/// Loads the stored profiles (setting aside unreadable text) and saves every
/// change; sets `host_moved` when another tab deletes the one in use or
/// changes its base URL. Until
/// the operator changes them, the built-in profile is not stored and its
/// name follows the language.
pub fn load(
    notices: RwSignal<Vec<String>>,
    t: &'static Texts,
    lang: RwSignal<Lang>,
    host_moved: RwSignal<bool>,
) -> RwSignal<Profiles> {
    let mut found = Vec::new();
    let parse = |text: &str| {
        Profiles::from_json(text).map_err(|e| match e {
            ProfilesError::Corrupt(why) => Unreadable::NotJson(why),
            ProfilesError::UnknownVersion(version) => Unreadable::Version(version),
            invalid => Unreadable::Invalid(profiles_error(t, invalid)),
        })
    };
    let profiles = store::load(KEY, t.stored_profiles, parse, t, &mut found)
        .unwrap_or_else(|| built_in(lang.get_untracked()));
    notices.update(|n| n.extend(found));
    let profiles = RwSignal::new(profiles);
    Effect::new(move |_| {
        let named = built_in(lang.get());
        if profiles.with_untracked(|p| is_built_in(p) && *p != named) {
            profiles.set(named);
        }
    });
    // Another tab saved its profiles: take them in, so that neither tab's
    // save undoes what was added, edited or deleted in the other.
    store::on_stored_elsewhere(
        |key| key == KEY,
        move |_, text| {
            let theirs = match text {
                None => built_in(lang.get_untracked()),
                Some(text) => match Profiles::from_json(&text) {
                    Ok(theirs) => theirs,
                    Err(_) => return,
                },
            };
            let (adopted, moved) = profiles.with_untracked(|ours| ours.adopt(theirs));
            if let Some(moved) = moved {
                let t = lang.get_untracked().texts();
                let notice = match moved {
                    HostMoved::Deleted(name) => {
                        fill(t.profile_deleted_elsewhere, &[&name, &adopted.active])
                    }
                    HostMoved::Changed(name) => fill(
                        t.profile_changed_elsewhere,
                        &[&name, &browser::absolute_url(&adopted.active().base_url)],
                    ),
                };
                notices.update(|n| n.push(notice));
                host_moved.set(true);
            }
            if profiles.with_untracked(|ours| *ours != adopted) {
                profiles.set(adopted);
            }
        },
    );
    Effect::new(move |_| {
        profiles.with(|p| {
            if is_built_in(p) {
                browser::remove(KEY);
            } else {
                browser::save(KEY, &p.to_json());
            }
        });
    });
    profiles
}

/// The active profile.
pub fn active(profiles: RwSignal<Profiles>) -> Signal<Profile> {
    Signal::derive(move || profiles.with(|p| p.active().clone()))
}
