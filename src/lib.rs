//! The OMS Connector Console: a client-side Leptos app with one page per
//! operation of the CM host's connector API. The rules live in `oms-core`;
//! this crate renders them and talks to the browser.

mod browser;
mod components;
mod drafts;
mod i18n;
mod journal;
mod pages;
mod profiles;
mod route;
mod split;
mod store;
mod transport;

pub use browser::IntlZones;

use std::sync::atomic::{AtomicBool, Ordering};

use leptos::prelude::*;

use oms_core::profile::{Profile, Profiles};
use oms_core::request::OperationKind;

use crate::drafts::Drafts;
use crate::i18n::{Lang, Texts};

/// The storage key of the chosen language.
const LANG_KEY: &str = "oms-console.lang.v1";

/// Whether the crash banner speaks Chinese (read by the panic hook).
static CRASH_LANG_ZH: AtomicBool = AtomicBool::new(false);
use crate::journal::JournalStore;
use crate::route::{NavMark, NavMarks, Page};
use crate::transport::Target;

/// What every component may read: the drafts, the texts and the CM host.
#[derive(Clone, Copy)]
pub struct Console {
    /// Every form's draft.
    pub drafts: Drafts,
    /// The message catalogue of the chosen language.
    pub t: &'static Texts,
    /// The chosen language (changing it renders the console anew).
    pub lang: RwSignal<Lang>,
    /// Every CM host profile and the one in use.
    pub profiles: RwSignal<Profiles>,
    /// The profile in use.
    pub profile: Signal<Profile>,
    /// The CM API's base: empty for this origin.
    pub base_url: Signal<String>,
    /// The journal of every request sent.
    pub journal: JournalStore,
    /// Notices shown once at the top of the page.
    pub notices: RwSignal<Vec<String>>,
    /// Whether another tab deleted the profile this tab used, or changed its
    /// base URL, moving this tab to another CM host, and no confirmation
    /// (each names the host) has been given since: until one is, every send
    /// asks for one.
    pub host_moved: RwSignal<bool>,
    /// What each page has under way, shown on its navigation link.
    pub marks: NavMarks,
}

impl Console {
    /// Where an operation sent or confirmed now goes: the profile in use.
    pub fn target(&self) -> Target {
        self.profile.with_untracked(|p| Target {
            profile: p.name.clone(),
            base_url: self.base_url.get_untracked(),
            timeout_ms: p.timeout_ms,
        })
    }
}

/// The console's shared state, from any component.
pub fn console() -> Console {
    expect_context::<Console>()
}

/// The whole console.
#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(Lang::from_tag(
        &browser::load(LANG_KEY).unwrap_or_else(browser::language),
    ));
    Effect::new(move |_| {
        let lang = lang.get();
        browser::set_root_attribute("lang", lang.code());
        browser::save(LANG_KEY, lang.code());
        CRASH_LANG_ZH.store(lang == Lang::Zh, Ordering::Relaxed);
    });
    let t = lang.get_untracked().texts();
    let notices = RwSignal::new(Vec::new());
    let host_moved = RwSignal::new(false);
    let marks = NavMarks::default();
    marks.ask_before_leaving();
    let profiles = profiles::load(notices, t, lang, host_moved);
    let profile = profiles::active(profiles);
    let drafts = Drafts::load_and_autosave(notices, t);
    let journal = JournalStore::load(notices, t);
    let hash = route::current_hash();
    let page = Memo::new(move |_| Page::from_hash(&hash.get()));
    let base_url = Signal::derive(move || profile.with(|p| p.base_url.trim().to_owned()));
    let console_in = move |t| Console {
        drafts,
        t,
        lang,
        profiles,
        profile,
        base_url,
        journal,
        notices,
        host_moved,
        marks,
    };
    // When the address changes, not when a language switch draws the
    // console anew: a share link is read once each time it is opened.
    Effect::new(move |_| {
        hash.track();
        let console = console_in(lang.get_untracked().texts());
        route::unknown_route(console);
        route::share_link(console);
    });
    move || {
        let t = lang.get().texts();
        let console = console_in(t);
        provide_context(console);
        view! {
            <button type="button" class="skip-link" data-action="skip-to-form" on:click=|_| browser::focus_first_field()>{t.skip_to_form}</button>
            <components::header::Header />
            <components::notices::Notices />
            <div class="layout">
                <nav class="ops" aria-label=t.nav_label>
                    {Page::ALL
                        .into_iter()
                        .map(|p| {
                            let mark = Memo::new(move |_| marks.of(p));
                            view! {
                                <a
                                    href=p.hash()
                                    class:tool=p.is_tool()
                                    class:active=move || page.get() == p
                                    aria-current=move || (page.get() == p).then_some("page")
                                    data-nav-mark=move || mark.get().map(NavMark::name)
                                >
                                    {p.title(t)}
                                    {move || mark.get().map(|m| view! { <span class="nav-mark">{m.text(t)}</span> })}
                                </a>
                            }
                        })
                        .collect_view()}
                </nav>
                <main data-page=move || page.get().name()>
                    {move || match page.get() {
                        Page::Resume => view! { <pages::resume::ResumePage /> }.into_any(),
                        Page::Stop => view! { <pages::confirmed::ConfirmedPage kind=OperationKind::Stop /> }.into_any(),
                        Page::Update => split::show(split::update()),
                        Page::Pullback => split::show(split::pullback()),
                        Page::Migrate => split::show(split::migrate()),
                        Page::Delete => view! { <pages::confirmed::ConfirmedPage kind=OperationKind::Delete /> }.into_any(),
                        Page::Batch => split::show(split::batch()),
                        Page::Journal => split::show(split::journal()),
                        Page::Settings => split::show(split::settings()),
                    }}
                </main>
            </div>
        }
    }
}

/// Mounts the console on `<body>` and marks it ready. A panic shows a
/// banner with a reload link instead of a dead page; drafts and the journal
/// are already saved.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let t = if CRASH_LANG_ZH.load(Ordering::Relaxed) {
            &i18n::ZH
        } else {
            &i18n::EN
        };
        browser::show_crash_banner(t.crash_message, t.crash_reload);
    }));
    browser::track_pointer();
    mount_to_body(App);
    browser::set_body_attribute("data-ready", Some("true"));
    browser::mark("oms-ready");
}

/// The size of the console's WebAssembly memory in bytes (for `cargo xtask bench`).
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        (core::arch::wasm32::memory_size(0) * 65_536) as f64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.0
    }
}

/// Panics on purpose, so that tests (and anyone curious) can see what a
/// crash looks like: `wasmBindings.simulate_panic()`.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn simulate_panic() {
    panic!("simulated panic");
}
