//! The header: product name, the CM host in use, the theme toggle.

use leptos::prelude::*;

use crate::{browser, console};

const THEME_KEY: &str = "oms-console.theme.v1";

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
    let host = move || {
        let base = c.base_url.get();
        if base.is_empty() {
            format!("{} ({})", t.this_origin, browser::origin())
        } else {
            base
        }
    };
    view! {
        <header class="top">
            <h1>{t.app_title}</h1>
            <p class="host">
                <span class="muted">{t.cm_host}</span>
                " "
                <strong data-cm-host="">{host}</strong>
            </p>
            <label class="theme">
                <span>{t.theme}</span>
                <select
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
