//! "Copy link": a URL that opens this page with every field filled in.

use leptos::prelude::*;
use leptos::task::spawn_local;
use oms_core::share::share_hash;

use crate::{browser, console};

/// The link to this page with the current fields (secret values left out).
pub fn share_url() -> String {
    let c = console();
    let hash = browser::hash();
    let route = hash.split('?').next().unwrap_or_default();
    format!(
        "{}{}",
        browser::page_url(),
        share_hash(route, &c.drafts.to_share())
    )
}

/// The Copy link button, and the link itself when the clipboard refuses.
#[component]
pub fn ShareLink() -> impl IntoView {
    let c = console();
    let t = c.t;
    let shown = RwSignal::new(None::<(String, bool)>);
    let copy = move |_| {
        let url = share_url();
        spawn_local(async move {
            let ok = browser::copy(&url).await;
            shown.set(Some((url, ok)));
        });
    };
    view! {
        <button type="button" class="secondary" data-action="copy-link" on:click=copy>{t.copy_link}</button>
        {move || shown.get().map(|(url, ok)| view! {
            <span class="muted" role="status">{if ok { t.link_copied } else { t.copy_failed }}</span>
            <input class="share-url" readonly aria-label=t.copy_link prop:value=url />
        })}
    }
}
