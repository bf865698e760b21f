//! The live request preview with "Copy as curl".

use leptos::prelude::*;
use leptos::task::spawn_local;
use oms_core::curl::curl_command;
use oms_core::request::{METHOD, Request};

use crate::{browser, console};

/// Shows what will be sent; `shown_body` is the body as displayed (secrets masked).
#[component]
pub fn RequestPreview(
    /// The request, when the form is complete.
    request: Signal<Option<Request>>,
    /// The body to display in place of the real one.
    #[prop(into)]
    shown_body: Signal<Option<String>>,
) -> impl IntoView {
    let c = console();
    let t = c.t;
    let copied = RwSignal::new(None::<bool>);
    let url = move || {
        request
            .get()
            .map(|r| r.url(&browser::absolute_url(&c.base_url.get())))
    };
    let copy = move |_| {
        let Some(request) = request.get_untracked() else {
            return;
        };
        let command = curl_command(
            &request,
            &browser::absolute_url(&c.base_url.get_untracked()),
        );
        spawn_local(async move {
            copied.set(Some(browser::copy(&command).await));
        });
    };
    view! {
        <section class="preview" aria-label=t.preview_title>
            <h3>{t.preview_title}</h3>
            {move || match url() {
                None => view! { <p class="muted">{t.preview_incomplete}</p> }.into_any(),
                Some(url) => view! {
                    <p class="request-line">
                        <span class="method">{METHOD}</span>
                        " "
                        <code class="url" data-preview-url="">{url}</code>
                    </p>
                    {move || shown_body.get().map(|body| view! {
                        <p class="muted">"Content-Type: application/json"</p>
                        <pre class="body" data-preview-body="">{body}</pre>
                    })}
                    <button type="button" class="secondary" on:click=copy>{t.copy_curl}</button>
                    {move || copied.get().map(|ok| view! {
                        <span class="muted" role="status">{if ok { t.copied } else { t.copy_failed }}</span>
                    })}
                }
                .into_any(),
            }}
        </section>
    }
}
