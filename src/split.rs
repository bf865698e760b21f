//! Pages whose code loads on their first visit. With the `split` feature
//! (the release build), `wasm-split` moves them into two WebAssembly
//! modules, `operations` (update, pull back) and `tools` (batch, journal,
//! settings), each fetched when one of its pages is first opened; without
//! it (tests, `trunk serve`) they are ordinary functions in the one module.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_split::SplitLoaderError;

use crate::{console, pages};

/// Builds a page's view; its code is in the page's module.
type Make = fn() -> AnyView;

/// A page's view builder, or why its module could not be fetched.
type Loaded = Result<Make, SplitLoaderError>;

/// Declares a page loaded on first visit: split off into `$module` with the
/// `split` feature, an ordinary `async fn` without it. Pages of one module
/// arrive together: fewer, larger fetches than one module per page (the
/// code two modules share is a part of its own).
macro_rules! split_page {
    ($(#[$doc:meta])* $module:ident :: $name:ident => $view:expr) => {
        $(#[$doc])*
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($module, wasm_split_path = leptos::wasm_split, fallible)]
        pub fn $name() -> Loaded {
            let make: Make = || $view.into_any();
            Ok(make)
        }

        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        pub async fn $name() -> Loaded {
            let make: Make = || $view.into_any();
            Ok(make)
        }
    };
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
