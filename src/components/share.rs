//! "Copy link": a URL that opens this page with every field filled in.

use leptos::prelude::*;
use leptos::task::spawn_local;
use oms_core::share::share_hash;

use super::header::host_text;

use crate::{Console, browser, console, split};

/// The link to this page with the current fields (secret values left out).
pub fn share_url(c: Console) -> String {
    let hash = browser::hash();
    let route = hash.split('?').next().unwrap_or_default();
    let state = c.drafts.to_share(host_text(c));
    format!("{}{}", browser::page_url(), share_hash(route, &state))
}

/// The Copy link button, and the link itself when the clipboard refuses.
#[component]
pub fn ShareLink() -> impl IntoView {
    let c = console();
    let t = c.t;
    // `Some(None)`: the link could not be made.
    let shown = RwSignal::new(None::<Option<(String, bool)>>);
    // The link is made by code fetched on first use (see `split`).
    let copy = move |_| {
        spawn_local(async move {
            let shown_now = match split::share_code().await {
                Ok(code) => {
                    let url = (code.url)(c);
                    let ok = browser::copy(&url).await;
                    Some((url, ok))
                }
                Err(_) => None,
            };
            shown.set(Some(shown_now));
        });
    };
    view! {
        <button type="button" class="secondary" data-action="copy-link" on:click=copy>{t.copy_link}</button>
        {move || shown.get().map(|made| match made {
            Some((url, ok)) => view! {
                <span class="muted" role="status">{if ok { t.link_copied } else { t.copy_failed }}</span>
                <input class="share-url" readonly aria-label=t.copy_link prop:value=url />
            }
            .into_any(),
            None => view! { <span class="error" role="alert">{t.link_unavailable}</span> }.into_any(),
        })}
    }
}
