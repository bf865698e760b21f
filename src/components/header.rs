//! The header: product name, the CM host in use, the theme toggle.

use leptos::prelude::*;

use crate::{browser, console};

const THEME_KEY: &str = "oms-console.theme.v1";

/// Where requests go, for display: the base URL, made absolute.
pub fn host_text(c: crate::Console) -> String {
    browser::absolute_url(&c.base_url.get())
}

/// The page header.
#[component]
pub fn Header() -> impl IntoView {
    let c = console();
    let t = c.t;
    let theme = RwSignal::new(browser::load(THEME_KEY).unwrap_or_else(|| "system".into()));
    Effect::new(move |_| {
        let value = theme.get();
        browser::set_root_attribute("data-theme", &value);
        browser::save(THEME_KEY, &value);
    });
    let host = move || host_text(c);
    view! {
        <header class="top">
            <h1>{t.app_title}</h1>
            <p class="host">
                <span class="muted">{t.cm_host}</span>
                " "
                <a href="#/settings" data-profile-name="">{move || c.profile.get().name}</a>
                {move || {
                    let p = c.profile.get();
                    (!p.label.is_empty()).then(|| view! { " " <span class=format!("env env-{}", p.color) data-env-label="">{p.label}</span> })
                }}
                " "
                <code data-cm-host="">{host}</code>
            </p>
            <label class="theme">
                <span>{t.language}</span>
                <select
                    name="language"
                    aria-label=t.language
                    prop:value=move || c.lang.get().code()
                    on:change=move |ev| c.lang.set(crate::i18n::Lang::from_tag(&event_target_value(&ev)))
                >
                    {crate::i18n::Lang::ALL.map(|l| view! { <option value=l.code()>{l.name()}</option> }).collect_view()}
                </select>
            </label>
            <label class="theme">
                <span>{t.theme}</span>
                <select
                    name="theme"
                    aria-label=t.theme
                    prop:value=move || theme.get()
                    on:change=move |ev| theme.set(event_target_value(&ev))
                >
                    <option value="system">{t.theme_system}</option>
                    <option value="light">{t.theme_light}</option>
                    <option value="dark">{t.theme_dark}</option>
                </select>
            </label>
        </header>
    }
}
