//! Code loaded on first use. With the `split` feature (the release build),
//! `wasm-split` moves it into WebAssembly modules of its own: `operations`
//! (update, pull back, migrate) and `tools` (batch, journal, settings, and
//! reading the stored journal), each fetched when one of its pages is first
//! opened, and `share` (reading and making share links). Without it (tests,
//! `trunk serve`) they are ordinary functions in the one module.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_split::SplitLoaderError;

use crate::components::share;
use crate::i18n::Texts;
use crate::journal::JournalStore;
use crate::{Console, console, pages, route};

/// Builds a page's view; its code is in the page's module.
type Make = fn() -> AnyView;

/// A page's view builder, or why its module could not be fetched.
type Loaded = Result<Make, SplitLoaderError>;

/// Declares code loaded on first use: `$name()` gives `$value` (of type
/// `$ty`, function pointers into the module), split off into `$module` with
/// the `split` feature, an ordinary `async fn` without it. Code of one
/// module arrives together: fewer, larger fetches than one module per page
/// (the code two modules share is a part of its own).
macro_rules! split_code {
    ($(#[$doc:meta])* $module:ident :: $name:ident -> $ty:ty => $value:expr) => {
        $(#[$doc])*
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($module, wasm_split_path = leptos::wasm_split, fallible)]
        pub fn $name() -> Result<$ty, SplitLoaderError> {
            Ok($value)
        }

        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        pub async fn $name() -> Result<$ty, SplitLoaderError> {
            Ok($value)
        }
    };
}

/// Declares a page loaded on first visit (see [`split_code`]).
macro_rules! split_page {
    ($(#[$doc:meta])* $module:ident :: $name:ident => $view:expr) => {
        split_code! {
            $(#[$doc])*
            $module::$name -> Make => || $view.into_any()
        }
    };
}

/// Share links' code, used rarely: reading one into the forms, and making
/// one from them.
#[derive(Clone, Copy)]
pub struct ShareCode {
    /// Fills the forms from the share link in the address (see [`route::apply_share`]).
    pub apply: fn(Console),
    /// The link to this page with the current fields (see [`share::share_url`]).
    pub url: fn(Console) -> String,
}

split_code! {
    /// Share links' code.
    share::share_code -> ShareCode => ShareCode {
        apply: route::apply_share,
        url: share::share_url,
    }
}

/// Stores the entries of a journal an earlier version kept under one key
/// (see [`JournalStore::store_v1_entries`]).
type StoreV1 = fn(JournalStore);

split_code! {
    /// Taking a journal an earlier version kept under one key: needed once.
    tools::journal_v1 -> StoreV1 => JournalStore::store_v1_entries
}

split_page! {
    /// `#/update`.
    operations::update => view! { <pages::update::UpdatePage /> }
}

split_page! {
    /// `#/pullback`.
    operations::pullback => view! { <pages::pullback::PullbackPage /> }
}

split_page! {
    /// `#/migrate`.
    operations::migrate => view! { <pages::migrate::MigratePage /> }
}

split_page! {
    /// `#/batch`.
    tools::batch => view! { <pages::batch::BatchPage /> }
}

split_page! {
    /// `#/journal`.
    tools::journal => view! { <pages::journal::JournalPage /> }
}

split_page! {
    /// `#/settings`.
    tools::settings => view! { <pages::settings::SettingsPage /> }
}

/// Shows a page once its module is loaded, built like any other page (its
/// signals and effects end with it); if the module cannot be fetched (the
/// network dropped), says so in place of the page. Nothing typed is lost:
/// drafts live in the main module, and the next visit fetches again.
pub fn show(page: impl Future<Output = Loaded> + 'static) -> AnyView {
    let t = console().t;
    let loaded = RwSignal::new(None::<Option<Make>>);
    spawn_local(async move {
        let make = page.await.ok();
        // Gone if the operator left before the module arrived.
        let _ = loaded.try_set(Some(make));
    });
    (move || match loaded.get() {
        None => view! { <p class="help" aria-busy="true" data-page-loading>{t.page_loading}</p> }
            .into_any(),
        Some(Some(make)) => make(),
        Some(None) => {
            view! { <p class="error" role="alert" data-page-load-failed>{t.page_load_failed}</p> }
                .into_any()
        }
    })
    .into_any()
}

/// The notices for the entries a page going away left interrupted (see
/// [`JournalStore::interrupted_notices`]).
type InterruptedNotices = fn(&'static Texts, &str) -> Vec<String>;

split_code! {
    /// Saying which requests a page going away left in flight: needed rarely.
    tools::interrupted_notices -> InterruptedNotices => JournalStore::interrupted_notices
}
