//! Hash routes: `#/resume`, `#/stop`, `#/update`, `#/pullback`, `#/migrate`, `#/delete`.

use leptos::prelude::*;

use crate::browser;
use crate::i18n::Texts;

/// The console's pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// `#/resume`
    Resume,
    /// `#/stop`
    Stop,
    /// `#/update`
    Update,
    /// `#/pullback`
    Pullback,
    /// `#/migrate`
    Migrate,
    /// `#/delete`
    Delete,
}

impl Page {
    /// Every page, in the navigation's order.
    pub const ALL: [Self; 6] = [
        Self::Resume,
        Self::Stop,
        Self::Update,
        Self::Pullback,
        Self::Migrate,
        Self::Delete,
    ];

    /// The route, e.g. `#/stop`.
    pub fn hash(self) -> &'static str {
        match self {
            Self::Resume => "#/resume",
            Self::Stop => "#/stop",
            Self::Update => "#/update",
            Self::Pullback => "#/pullback",
            Self::Migrate => "#/migrate",
            Self::Delete => "#/delete",
        }
    }

    /// The page's title.
    pub fn title(self, t: &Texts) -> &'static str {
        match self {
            Self::Resume => t.op_resume,
            Self::Stop => t.op_stop,
            Self::Update => t.op_update,
            Self::Pullback => t.op_pullback,
            Self::Migrate => t.op_migrate,
            Self::Delete => t.op_delete,
        }
    }

    fn from_hash(hash: &str) -> Self {
        let path = hash.split('?').next().unwrap_or_default();
        Self::ALL
            .into_iter()
            .find(|p| p.hash() == path)
            .unwrap_or(Self::Resume)
    }
}

/// The page the location's hash names, following changes.
pub fn current_page() -> ReadSignal<Page> {
    let (page, set_page) = signal(Page::from_hash(&browser::hash()));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        set_page.set(Page::from_hash(&browser::hash()));
    });
    on_cleanup(move || handle.remove());
    page
}
