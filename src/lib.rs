//! The OMS Connector Console: a client-side Leptos app with one page per
//! operation of the CM host's connector API. The rules live in `oms-core`;
//! this crate renders them and talks to the browser.

mod browser;
mod components;
mod drafts;
mod i18n;
mod pages;
mod route;
mod transport;

use leptos::prelude::*;

use crate::drafts::Drafts;
use crate::i18n::Texts;
use crate::route::Page;

/// What every component may read: the drafts, the texts and the CM host.
#[derive(Clone, Copy)]
pub struct Console {
    /// Every form's draft.
    pub drafts: Drafts,
    /// The message catalogue of the chosen language.
    pub t: &'static Texts,
    /// The CM API's base: empty for this origin.
    pub base_url: RwSignal<String>,
    /// The request time limit in milliseconds.
    pub timeout_ms: RwSignal<u32>,
}

/// The console's shared state, from any component.
pub fn console() -> Console {
    expect_context::<Console>()
}

/// The whole console.
#[component]
pub fn App() -> impl IntoView {
    let console = Console {
        drafts: Drafts::load_and_autosave(),
        t: &i18n::EN,
        base_url: RwSignal::new(String::new()),
        timeout_ms: RwSignal::new(transport::DEFAULT_TIMEOUT_MS),
    };
    provide_context(console);
    let page = route::current_page();
    let t = console.t;
    view! {
        <components::header::Header />
        <div class="layout">
            <nav class="ops" aria-label=t.nav_label>
                {Page::ALL
                    .into_iter()
                    .map(|p| {
                        view! {
                            <a
                                href=p.hash()
                                class:active=move || page.get() == p
                                aria-current=move || (page.get() == p).then_some("page")
                            >
                                {p.title(t)}
                            </a>
                        }
                    })
                    .collect_view()}
            </nav>
            <main>
                {move || match page.get() {
                    Page::Resume => view! { <pages::resume::ResumePage /> }.into_any(),
                    Page::Stop => view! { <pages::stop::StopPage /> }.into_any(),
                    Page::Update => view! { <pages::update::UpdatePage /> }.into_any(),
                    Page::Pullback => view! { <pages::pullback::PullbackPage /> }.into_any(),
                    Page::Migrate => view! { <pages::migrate::MigratePage /> }.into_any(),
                    Page::Delete => view! { <pages::delete::DeletePage /> }.into_any(),
                }}
            </main>
        </div>
    }
}

/// Mounts the console on `<body>` and marks it ready.
pub fn start() {
    console_error_panic_hook::set_once();
    mount_to_body(App);
    browser::set_body_attribute("data-ready", Some("true"));
}
