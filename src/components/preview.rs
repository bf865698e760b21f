//! The live request preview with "Copy as curl".

use leptos::prelude::*;
use leptos::task::spawn_local;
use oms_core::curl::curl_command;
use oms_core::request::{METHOD, Request};

use crate::i18n::fill;
use crate::{browser, console};

/// Shows what will be sent; `shown_body` is the body as displayed (secrets masked).
#[component]
pub fn RequestPreview(
    /// The request, when the form is complete.
    request: Signal<Option<Request>>,
    /// The body to display in place of the real one.
    #[prop(into)]
    shown_body: Signal<Option<String>>,
    /// The `scope.key`s whose secret values the request holds.
    secrets: Signal<Vec<String>>,
) -> impl IntoView {
    let c = console();
    let t = c.t;
    // Whether the command was copied, and the secret keys whose values it holds.
    let copied = RwSignal::new(None::<Result<Vec<String>, ()>>);
    // Said of the request copied, not of one the form holds since.
    Effect::new(move |_| {
        request.track();
        copied.set(None);
    });
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
        let secrets = secrets.get_untracked();
        spawn_local(async move {
            let ok = browser::copy(&command).await;
            copied.set(Some(if ok { Ok(secrets) } else { Err(()) }));
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
                    {move || copied.get().map(|copied| view! {
                        <span class="muted" role="status" data-copied="">{match copied {
                            Ok(secrets) if secrets.is_empty() => t.copied.to_owned(),
                            Ok(secrets) => fill(t.copied_with_secrets, &[&secrets.join(t.list_separator)]),
                            Err(()) => t.copy_failed.to_owned(),
                        }}</span>
                    })}
                }
                .into_any(),
            }}
        </section>
    }
}
