//! `#/settings`: CM host profiles — add, edit, delete, switch, check, export, import.

use leptos::prelude::*;
use leptos::task::spawn_local;
use oms_core::profile::{
    COLORS, Profile, ProfileError, Profiles, Reachability, offered_base, repeats_api_path,
    valid_base_url,
};
use oms_core::request::OperationKind;

use crate::components::confirm::ConfirmDialog;
use crate::components::error_list;
use crate::drafts::{ProfileForm, lasting_context};
use crate::i18n::{Texts, fill, fill_count};
use crate::pages::PageIntro;
use crate::profiles::{profile_error, profiles_error};
use crate::transport;
use crate::{browser, console};

/// A label colour's name in the console's language.
fn color_name(t: &Texts, color: &str) -> &'static str {
    match color {
        "red" => t.color_red,
        "orange" => t.color_orange,
        "green" => t.color_green,
        "blue" => t.color_blue,
        _ => t.color_gray,
    }
}

/// A profile's name and absolute URL, as confirmations name it.
fn named_with_url(t: &Texts, profile: &Profile) -> String {
    fill(
        t.profile_named_url,
        &[
            &fill(t.profile_quoted, &[&profile.name]),
            &browser::absolute_url(&profile.base_url),
        ],
    )
}

/// A profile's connection check.
#[derive(Clone)]
struct Check {
    /// The profile's name.
    profile: String,
    /// Tells this check from an earlier one of the same profile.
    id: u64,
    /// What it found, once it ended.
    found: Option<Reachability>,
}

/// Every profile's last connection check. They outlive the page, like a
/// form's answer.
#[derive(Clone, Copy)]
struct Checked {
    checks: RwSignal<Vec<Check>>,
    next_id: StoredValue<u64>,
}

impl Checked {
    /// The console's checks, made on the page's first visit.
    fn of_console() -> Self {
        lasting_context(|| Self {
            checks: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(0),
        })
    }

    /// Starts a check of `profile`, in place of its last one; returns its id.
    fn start(&self, profile: &str) -> u64 {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.checks.update(|all| {
            all.retain(|c| c.profile != profile);
            all.push(Check {
                profile: profile.to_owned(),
                id,
                found: None,
            });
        });
        id
    }

    /// Records what check `id` found, unless it was forgotten since.
    fn end(&self, id: u64, found: Reachability) {
        self.checks.update(|all| {
            if let Some(check) = all.iter_mut().find(|c| c.id == id) {
                check.found = Some(found);
            }
        });
    }

    /// Forgets the checks of `profiles`: they say nothing of them once edited.
    fn forget(&self, profiles: &[&str]) {
        self.checks
            .update(|all| all.retain(|c| !profiles.contains(&c.profile.as_str())));
    }

    /// `profile`'s last check: `Some(None)` while it runs (tracked).
    fn of(&self, profile: &str) -> Option<Option<Reachability>> {
        self.checks
            .with(|all| all.iter().find(|c| c.profile == profile).map(|c| c.found))
    }
}

/// The settings page.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let c = console();
    let t = c.t;
    let form = c.drafts.profile_form;
    // The profile being edited, while it exists (another tab may have
    // deleted or renamed it since the form was filled: then it is added).
    let editing = Memo::new(move |_| {
        form.with(|f| f.editing.clone()).filter(|name| {
            c.profiles
                .with(|all| all.profiles.iter().any(|p| &p.name == name))
        })
    });
    let tried = RwSignal::new(false);
    let checked = Checked::of_console();
    let import_text = c.drafts.profiles_import;
    let import_error = RwSignal::new(None::<String>);
    let importing = RwSignal::new(None::<Profiles>);
    let confirm_import = RwSignal::new(false);
    let deleting = RwSignal::new(None::<String>);
    let confirm_delete = RwSignal::new(false);
    let delete_message = Signal::derive(move || {
        let Some(name) = deleting.get() else {
            return String::new();
        };
        c.profiles.with(|all| {
            let mut after = all.clone();
            after.remove(&name);
            let shown = |p: &Profile| named_with_url(t, p);
            let doomed = all
                .profiles
                .iter()
                .find(|p| p.name == name)
                .map(shown)
                .unwrap_or_default();
            let mut message = fill(t.profile_delete_confirm, &[&doomed]);
            if all.active == name {
                message.push(' ');
                message.push_str(&fill(t.profile_delete_active, &[&shown(after.active())]));
            }
            message
        })
    });
    let draft = Memo::new(move |_| form.with(ProfileForm::profile));
    // The base in a request's URL typed or pasted whole (from curl, say).
    let offered_base = Memo::new(move |_| form.with(|f| offered_base(&f.base_url)));
    let errors = Memo::new(move |_| {
        let editing = editing.get();
        let others: Vec<Profile> = c.profiles.with(|p| {
            p.profiles
                .iter()
                .filter(|p| Some(&p.name) != editing.as_ref())
                .cloned()
                .collect()
        });
        draft.get().validate(&others)
    });
    // A time limit is said to be out of range once its field is left (as
    // it is typed, 15000 passes through 1, 15 and 150), after the click that
    // left it: the message moves what is below it.
    let timeout_left = RwSignal::new(false);
    let load_form = move |profile: Option<Profile>| {
        timeout_left.set(false);
        form.set(
            profile
                .as_ref()
                .map(ProfileForm::editing)
                .unwrap_or_default(),
        );
        tried.set(false);
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if !errors.get_untracked().is_empty() {
            return;
        }
        let profile = draft.get_untracked();
        let edited = editing.get_untracked();
        checked.forget(&[edited.as_deref().unwrap_or_default(), &profile.name]);
        c.profiles.update(|all| {
            match editing
                .get_untracked()
                .and_then(|old| all.profiles.iter().position(|p| p.name == old))
            {
                Some(i) => {
                    if all.active == all.profiles[i].name {
                        all.active = profile.name.clone();
                    }
                    all.profiles[i] = profile;
                }
                None => all.profiles.push(profile),
            }
        });
        load_form(None);
    };
    let run_check = move |profile: Profile| {
        let base = browser::absolute_url(&profile.base_url);
        let id = checked.start(&profile.name);
        spawn_local(async move {
            checked.end(id, transport::probe(&base, profile.timeout_ms).await);
        });
    };
    let import = move |_| match Profiles::from_json(&import_text.get_untracked()) {
        Ok(profiles) => {
            import_error.set(None);
            importing.set(Some(profiles));
            confirm_import.set(true);
        }
        Err(e) => import_error.set(Some(fill(t.profiles_import_bad, &[&profiles_error(t, e)]))),
    };
    let import_message = Signal::derive(move || {
        let Some(pasted) = importing.get() else {
            return String::new();
        };
        let names = |all: &Profiles| {
            let names: Vec<String> = all
                .profiles
                .iter()
                .map(|p| fill(t.profile_quoted, &[&p.name]))
                .collect();
            names.join(t.list_separator)
        };
        fill_count(
            t.profiles_import_confirm,
            pasted.profiles.len(),
            &[
                &c.profiles.with(names),
                &names(&pasted),
                &named_with_url(t, pasted.active()),
            ],
        )
    });
    let export = move |_| {
        browser::download(
            "cm-profiles.json",
            "application/json",
            &c.profiles.with_untracked(Profiles::to_json),
        )
    };
    view! {
        <PageIntro title=t.page_settings help=t.settings_help />
        <ul class="profiles">
            {move || c.profiles.get().profiles.into_iter().map(|p| {
                let active = c.profiles.with(|all| all.active == p.name);
                let (switch, edit, remove, probe) = (p.clone(), p.clone(), p.clone(), p.clone());
                let own = p.name.clone();
                let check = Memo::new(move |_| checked.of(&own));
                view! {
                    <li data-profile=p.name.clone() class:active=active>
                        <strong>{p.name.clone()}</strong>
                        {(!p.label.is_empty()).then(|| view! { " " <span class=format!("env env-{}", p.color)>{p.label.clone()}</span> })}
                        " " <code data-profile-url>{browser::absolute_url(&p.base_url)}</code>
                        " " <span class="muted">{format!("{} ms", p.timeout_ms)}</span>
                        {active.then(|| view! { " " <span class="muted">{t.profile_in_use}</span> })}
                        {repeats_api_path(&p.base_url).then(|| view! { <p class="warning" data-base-repeats-api="">{t.profile_base_repeats_api}</p> })}
                        <div class="actions">
                            <button type="button" class="secondary small" data-action="use-profile" disabled=active
                                on:click=move |_| c.profiles.update(|all| all.active = switch.name.clone())>{t.profile_use}</button>
                            <button type="button" class="secondary small" data-action="edit-profile" on:click=move |_| load_form(Some(edit.clone()))>{t.profile_edit}</button>
                            <button type="button" class="secondary small" data-action="check-connection"
                                disabled=move || check.get() == Some(None)
                                on:click=move |_| run_check(probe.clone())>{t.profile_check}</button>
                            <button type="button" class="secondary small" data-action="delete-profile" disabled=move || c.profiles.with(|all| all.profiles.len() <= 1)
                                on:click=move |_| {
                                    deleting.set(Some(remove.name.clone()));
                                    confirm_delete.set(true);
                                }>{t.profile_delete}</button>
                        </div>
                        {move || check.get().map(|r| match r {
                            None => view! { <p role="status" aria-busy="true" data-checking="">{t.check_running}</p> }.into_any(),
                            Some(r) => view! {
                                <p role="status" data-reachability=format!("{r:?}")>{match r {
                                    Reachability::Answers => t.check_answers,
                                    Reachability::NoAnswer => t.check_no_answer,
                                    Reachability::NotACmHost => t.check_not_cm,
                                }}</p>
                            }.into_any(),
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
        <form class="operation profile-form" on:submit=save novalidate>
            <h3>{move || if editing.get().is_some() { t.profile_edit_title } else { t.profile_add_title }}</h3>
            <div class="grid3">
                <label><span>{t.profile_name}</span>
                    <input name="profileName" prop:value=move || form.with(|f| f.name.clone()) on:input=move |ev| form.update(|f| f.name = event_target_value(&ev)) /></label>
                <label><span>{t.profile_base}</span>
                    <input name="baseUrl" placeholder="/cm/east/ · http://10.186.16.126:8088" prop:value=move || form.with(|f| f.base_url.clone())
                        on:input=move |ev| form.update(|f| f.base_url = event_target_value(&ev)) /></label>
                <label><span>{t.profile_timeout}</span>
                    <input name="timeoutMs" inputmode="numeric" autocomplete="off" prop:value=move || form.with(|f| f.timeout_ms.clone())
                        on:input=move |ev| form.update(|f| f.timeout_ms = event_target_value(&ev))
                        on:change=move |_| browser::after_pointer_release(move || timeout_left.set(true)) /></label>
                <label><span>{t.profile_label}</span>
                    <input name="label" placeholder="PROD" prop:value=move || form.with(|f| f.label.clone()) on:input=move |ev| form.update(|f| f.label = event_target_value(&ev)) /></label>
                <label><span>{t.profile_color}</span>
                    <select name="color" prop:value=move || form.with(|f| f.color.clone()) on:change=move |ev| form.update(|f| f.color = event_target_value(&ev))>
                        {COLORS.map(|c| view! { <option value=c>{color_name(t, c)}</option> }).collect_view()}
                    </select></label>
            </div>
            // Said as it is typed (a time limit: once left), as the base URL
            // is; after a save is tried, the error list says it.
            {move || (!tried.get() && errors.with(|e| e.contains(&ProfileError::DuplicateName))).then(|| {
                view! { <p class="error" data-name-taken="">{t.profile_name_taken}</p> }
            })}
            {move || (!tried.get() && timeout_left.get() && errors.with(|e| e.contains(&ProfileError::BadTimeout))).then(|| {
                view! { <p class="error" data-timeout-bad="">{t.profile_timeout_bad}</p> }
            })}
            <p class="hint">{t.profile_base_help}</p>
            // A request's URL pasted whole (from curl, say), or a host
            // without its scheme, gets the offer of its base, whether or not
            // it could be saved as it is.
            {move || offered_base.get().map(|base| {
                let shown = if base.is_empty() { t.default_profile_name.to_owned() } else { base.clone() };
                let warning = if form.with(|f| repeats_api_path(&f.base_url)) {
                    view! { <span data-base-repeats-api="">{t.profile_base_repeats_api}</span> }
                } else {
                    view! { <span data-base-no-scheme="">{t.profile_base_no_scheme}</span> }
                };
                view! {
                    <p class="warning">{warning} " "
                        <button type="button" class="secondary small" data-action="use-base"
                            on:click=move |_| form.update(|f| f.base_url = base.clone())>{fill(t.profile_base_use, &[&shown])}</button>
                    </p>
                }
            })}
            {move || form.with(|f| if valid_base_url(&f.base_url) {
                let base = f.base_url.trim();
                Some(view! {
                    <p class="hint" data-base-example="">{t.profile_base_example} " " <code>{browser::absolute_url(&OperationKind::Resume.url(base))}</code></p>
                }.into_any())
            } else if offered_base.with(Option::is_some) {
                None
            } else {
                // Said as it is typed; after a save is tried, the error list says it.
                (!tried.get()).then(|| view! { <p class="error" data-base-bad="">{t.profile_base_bad}</p> }.into_any())
            })}
            <Show when=move || tried.get() && !errors.get().is_empty()>
                {error_list(move || errors.get().into_iter().map(|e| profile_error(t, e).to_owned()).collect())}
            </Show>
            <div class="actions">
                <button type="submit">{t.profile_save}</button>
                <Show when=move || editing.get().is_some() || !form.with(ProfileForm::is_blank)>
                    <button type="button" class="secondary" data-action="clear-profile-form" on:click=move |_| load_form(None)>
                        {move || if editing.get().is_some() { t.cancel } else { t.clear_form }}
                    </button>
                </Show>
            </div>
        </form>
        <section class="import">
            <h3>{t.profiles_share_title}</h3>
            <div class="actions">
                <button type="button" class="secondary" on:click=export>{t.export_json}</button>
            </div>
            <label for="profilesImport">{t.profiles_import_label}</label>
            <textarea id="profilesImport" name="profilesImport" rows="4" spellcheck="false"
                prop:value=move || import_text.get() on:input=move |ev| import_text.set(event_target_value(&ev))></textarea>
            <button type="button" class="secondary" data-action="import-profiles" on:click=import>{t.profiles_import}</button>
            {move || import_error.get().map(|e| view! { <p class="error" role="alert" data-import-error>{e}</p> })}
        </section>
        <ConfirmDialog
            open=confirm_import
            title=t.profiles_import_title
            message=import_message
            typed=Signal::derive(|| None)
            confirm_label=t.profiles_import
            on_confirm=Callback::new(move |()| {
                if let Some(profiles) = importing.get_untracked() {
                    c.profiles.set(profiles);
                    import_text.set(String::new());
                }
            })
        />
        <ConfirmDialog
            open=confirm_delete
            title=t.profile_delete_title
            message=delete_message
            typed=Signal::derive(|| None)
            confirm_label=t.profile_delete
            on_confirm=Callback::new(move |()| {
                if let Some(name) = deleting.get_untracked() {
                    c.profiles.update(|all| all.remove(&name));
                }
            })
        />
    }
}
