//! Hash routes: `#/resume`, `#/stop`, `#/update`, `#/pullback`, `#/migrate`,
//! `#/delete`, `#/batch`, `#/journal`, `#/settings`; and the marks on their
//! navigation links.

use leptos::prelude::*;
use leptos::task::spawn_local;

use oms_core::config_map::secret_keys;
use oms_core::request::OperationKind;
use oms_core::share;

use crate::components::header::host_text;
use crate::components::notices::Said;
use crate::i18n::{Texts, fill};
use crate::{Console, browser, split};

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
    /// `#/batch`
    Batch,
    /// `#/journal`
    Journal,
    /// `#/settings`
    Settings,
}

impl Page {
    /// Every page, in the navigation's order.
    pub const ALL: [Self; 9] = [
        Self::Resume,
        Self::Stop,
        Self::Update,
        Self::Pullback,
        Self::Migrate,
        Self::Delete,
        Self::Batch,
        Self::Journal,
        Self::Settings,
    ];

    /// Whether this is a tool page rather than an operation.
    pub fn is_tool(self) -> bool {
        matches!(self, Self::Batch | Self::Journal | Self::Settings)
    }

    /// The route, e.g. `#/stop`.
    pub fn hash(self) -> &'static str {
        match self {
            Self::Resume => "#/resume",
            Self::Stop => "#/stop",
            Self::Update => "#/update",
            Self::Pullback => "#/pullback",
            Self::Migrate => "#/migrate",
            Self::Delete => "#/delete",
            Self::Batch => "#/batch",
            Self::Journal => "#/journal",
            Self::Settings => "#/settings",
        }
    }

    /// The route's name, e.g. `stop` (`<main data-page>` carries it).
    pub fn name(self) -> &'static str {
        self.hash().trim_start_matches("#/")
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
            Self::Batch => t.page_batch,
            Self::Journal => t.page_journal,
            Self::Settings => t.page_settings,
        }
    }

    /// The page that sends `kind`.
    pub fn of_operation(kind: OperationKind) -> Self {
        match kind {
            OperationKind::Resume => Self::Resume,
            OperationKind::Stop => Self::Stop,
            OperationKind::Update => Self::Update,
            OperationKind::Migrate => Self::Migrate,
            OperationKind::Delete => Self::Delete,
        }
    }

    /// The page a hash names (`#/resume` when it names none).
    pub fn from_hash(hash: &str) -> Self {
        Self::named(hash).unwrap_or(Self::Resume)
    }

    /// The page a hash's path (before any `?`) names, in any case and with
    /// or without a trailing `/`, as a link copied or typed by hand may be.
    fn named(hash: &str) -> Option<Self> {
        let path = route_path(hash);
        Self::ALL
            .into_iter()
            .find(|p| p.hash().eq_ignore_ascii_case(path))
    }
}

/// A hash's path: before any `?`, without a trailing `/`.
fn route_path(hash: &str) -> &str {
    hash.split('?')
        .next()
        .unwrap_or_default()
        .trim_end_matches('/')
}

/// When the address names a page the console does not have (a link
/// mistyped: `#/pull-back`), says so and puts the page shown, the first,
/// in the address, keeping a share link's fields after it.
pub fn unknown_route(console: Console) {
    let hash = browser::hash();
    let path = route_path(&hash);
    if matches!(path, "" | "#") || Page::named(&hash).is_some() {
        return;
    }
    let query = &hash[hash.find('?').unwrap_or(hash.len())..];
    browser::replace_hash(&format!("{}{query}", Page::Resume.hash()));
    let t = texts_now(console);
    let notice = fill(t.route_unknown, &[path, Page::Resume.title(t)]);
    push_once(console, notice);
}

/// Shows a notice, unless it is already shown.
fn push_once(console: Console, notice: String) {
    console.notices.update(|n| {
        if !n.contains(&notice) {
            n.push(notice);
        }
    });
}

/// What a page has under way, shown on its navigation link
/// (`data-nav-mark`), so that it is seen from every page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NavMark {
    /// A request or a pullback is running.
    Running,
    /// A batch is running: how many of its tasks are answered, of how many.
    Progress(usize, usize),
    /// A pullback halted and waits for the operator.
    Halted,
}

impl NavMark {
    /// The value of `data-nav-mark`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Running | Self::Progress(..) => "running",
            Self::Halted => "halted",
        }
    }

    /// The words shown on the link.
    pub fn text(self, t: &Texts) -> String {
        match self {
            Self::Running => t.nav_running.to_owned(),
            Self::Progress(done, total) => {
                fill(t.nav_progress, &[&done.to_string(), &total.to_string()])
            }
            Self::Halted => t.nav_halted.to_owned(),
        }
    }
}

/// Every page's mark, given by the state that outlives the page (a
/// sender, the pullback, the batch) when it is made.
#[derive(Clone, Copy, Default)]
pub struct NavMarks(RwSignal<Vec<(Page, Signal<Option<NavMark>>)>>);

impl NavMarks {
    /// Shows `mark` on `page`'s link whenever it is set.
    pub fn show(&self, page: Page, mark: Signal<Option<NavMark>>) {
        self.0.update(|marks| marks.push((page, mark)));
    }

    /// Has the browser ask before the console is closed or reloaded while
    /// a page has something under way: a request in flight, a batch, a
    /// pullback running or halted.
    pub fn ask_before_leaving(self) {
        let handle = window_event_listener(leptos::ev::beforeunload, move |ev| {
            let under_way = self.0.with_untracked(|marks| {
                marks
                    .iter()
                    .any(|(_, mark)| mark.try_get_untracked().flatten().is_some())
            });
            if under_way {
                ev.prevent_default();
                ev.set_return_value("");
            }
        });
        on_cleanup(move || handle.remove());
    }

    /// `page`'s mark now (tracked).
    pub fn of(&self, page: Page) -> Option<NavMark> {
        self.0.with(|marks| {
            marks
                .iter()
                .filter(|(p, _)| *p == page)
                .find_map(|(_, mark)| mark.get())
        })
    }
}

/// The location's hash, following changes.
pub fn current_hash() -> ReadSignal<String> {
    let (hash, set_hash) = signal(browser::hash());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        set_hash.set(browser::hash());
    });
    on_cleanup(move || handle.remove());
    hash
}

/// When the address carries a share link, fetches the code that reads it
/// (see `split`) and fills the forms with [`apply_share`]. If that code
/// cannot be fetched, says so and leaves the link in the address, to open
/// again. The address is read, not the route's signal: a link already read
/// has left the address but not the signal.
pub fn share_link(console: Console) {
    if !share::carries_share(&browser::hash()) {
        return;
    }
    spawn_local(async move {
        match split::share_code().await {
            Ok(code) => (code.apply)(console),
            Err(_) => push_once(console, texts_now(console).share_unavailable.to_owned()),
        }
    });
}

/// The catalogue of the language chosen now: the language may have changed
/// while a share link's code was fetched.
fn texts_now(console: Console) -> &'static Texts {
    console.lang.get_untracked().texts()
}

/// Fills the forms from the share link in the address, if it still
/// carries one (a second call finds it gone), then drops it from the
/// address. Nothing is sent.
pub fn apply_share(console: Console) {
    let hash = browser::hash();
    let Some(read) = share::read_share(&hash) else {
        return;
    };
    let t = texts_now(console);
    let route = hash.split('?').next().unwrap_or_default().to_owned();
    browser::replace_hash(&route);
    match read {
        Err(_) => console.notices.update(|n| n.push(t.share_bad.to_owned())),
        Ok(state) => {
            // One notice says what the link filled, the secrets it left
            // out and the CM host it was made for when this tab sends
            // elsewhere: *Undo fill* takes it down whole.
            let mut notice = t.share_filled.to_owned();
            let secrets = secret_keys(&state.rows);
            if !secrets.is_empty() {
                notice.push(' ');
                notice.push_str(&fill(
                    t.share_fill_secrets,
                    &[&secrets.join(t.list_separator)],
                ));
            }
            let here = host_text(console);
            if !state.cm_host.is_empty() && state.cm_host != here {
                let profile = console.profile.with_untracked(|p| p.name.clone());
                notice.push(' ');
                notice.push_str(&fill(
                    t.share_other_host,
                    &[&state.cm_host, &here, &profile],
                ));
            }
            let said = Said::show(console.notices, notice);
            let d = console.drafts;
            d.fill(
                Page::from_hash(&route),
                || d.fill_from_share(state),
                Some(said),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_names_its_page_in_any_case_with_or_without_a_trailing_slash() {
        assert_eq!(Page::from_hash("#/stop"), Page::Stop);
        assert_eq!(Page::from_hash("#/STOP/"), Page::Stop);
        assert_eq!(Page::from_hash("#/Pullback?share=x"), Page::Pullback);
        assert_eq!(Page::named("#/delete/?share=x"), Some(Page::Delete));
        for other in ["", "#", "#/", "#/pull-back", "#/stopx", "#stop"] {
            assert_eq!(Page::named(other), None, "{other}");
            assert_eq!(Page::from_hash(other), Page::Resume, "{other}");
        }
    }
}
