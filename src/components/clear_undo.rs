//! *Clear form* and the forms' fills (a journal entry's *Fill form*, a
//! share link) with their way back: a click that missed *Send* and landed
//! on *Clear form*, or a fill over a form half typed, takes nothing the
//! operator cannot get back.

use leptos::prelude::*;

use crate::components::notices::Said;
use crate::drafts::{ConfigRowDraft, Drafts, Row};
use crate::route::Page;
use crate::{browser, console};

/// What puts back the fields a *Clear form* emptied or a fill replaced, and
/// whether any of them held something.
pub struct Restore {
    put_back: Box<dyn FnOnce() + Send + Sync>,
    held: bool,
}

/// A field's content, as *Clear form* sees it.
pub trait Content {
    /// Whether there is nothing in it to put back.
    fn is_blank(&self) -> bool;
}

impl Content for String {
    fn is_blank(&self) -> bool {
        self.is_empty()
    }
}

impl Content for bool {
    fn is_blank(&self) -> bool {
        !self
    }
}

impl Content for Option<i64> {
    fn is_blank(&self) -> bool {
        self.is_none()
    }
}

impl Content for ConfigRowDraft {
    fn is_blank(&self) -> bool {
        self.key.is_empty() && self.value.is_empty()
    }
}

impl<T: Content + Send + Sync> Content for Vec<Row<T>> {
    fn is_blank(&self) -> bool {
        self.iter()
            .all(|row| row.value.try_with_untracked(T::is_blank).unwrap_or(true))
    }
}

/// Empties `field` (sets it to `empty`); gives what puts its content back.
pub fn emptied<T: Content + Send + Sync + 'static>(field: RwSignal<T>, empty: T) -> Restore {
    let kept = field.try_update(|value| std::mem::replace(value, empty));
    restore(field, kept)
}

/// What puts back the content `field` holds now.
fn kept<T: Content + Clone + Send + Sync + 'static>(field: RwSignal<T>) -> Restore {
    restore(field, field.try_get_untracked())
}

fn restore<T: Content + Send + Sync + 'static>(field: RwSignal<T>, kept: Option<T>) -> Restore {
    Restore {
        held: kept.as_ref().is_some_and(|kept| !kept.is_blank()),
        put_back: Box::new(move || {
            if let Some(kept) = kept {
                field.set(kept);
            }
        }),
    }
}

/// Puts back all of `fields`, emptied by [`emptied`].
pub fn together(fields: Vec<Restore>) -> Restore {
    Restore {
        held: fields.iter().any(|field| field.held),
        put_back: Box::new(move || fields.into_iter().for_each(|field| (field.put_back)())),
    }
}

/// The way back from the forms' last fill, until the page it opens takes
/// it: that page's form offers *Undo fill*.
#[derive(Clone, Copy)]
pub struct Fills {
    page: RwSignal<Option<Page>>,
    restore: StoredValue<Option<Restore>>,
}

impl Fills {
    /// No fill yet.
    pub fn new() -> Self {
        Self {
            page: RwSignal::new(None),
            restore: StoredValue::new(None),
        }
    }
}

impl Drafts {
    /// Runs `fill`, which fills any of the forms and opens `page` or is on
    /// it; when the forms held something, `page` offers to put back every
    /// field as it was, and to take down the notice `said` about the fill.
    pub fn fill(self, page: Page, fill: impl FnOnce(), said: Option<Said>) {
        let (d, c) = (self, self.checkpoint);
        // Choices that always hold one (a zone, the batch's operation) do
        // not make a form worth giving back on their own.
        let choice = |field: RwSignal<String>| Restore {
            held: false,
            ..kept(field)
        };
        let fields = [
            kept(d.task_name),
            kept(d.pull_back_flag),
            kept(d.restart_flag),
            kept(d.config_rows),
            kept(d.config_json.text),
            kept(d.delete_params),
            kept(d.ip),
            kept(c.date),
            kept(c.time),
            choice(c.zone),
            kept(c.subtopics),
            kept(c.instant),
            kept(d.batch_text),
            choice(d.batch_operation),
            kept(d.batch_pull_back_flag),
            kept(d.batch_restart_flag),
        ];
        // The notice is no field: it does not make the form worth giving
        // back, but goes when the form is given back.
        let notice = said.map(|said| Restore {
            held: false,
            put_back: Box::new(move || said.take_down()),
        });
        let before = together(fields.into_iter().chain(notice).collect());
        fill();
        d.fills.restore.set_value(Some(before));
        d.fills.page.set(Some(page));
    }
}

/// What a form's *Undo* puts back.
#[derive(Clone, Copy, PartialEq)]
enum Undone {
    /// The fields its *Clear form* emptied.
    Clear,
    /// The fields a fill that opened its page replaced.
    Fill,
}

/// The way back from a form's last *Clear form*, or from the fill that
/// opened its page, kept until the form is edited or sent.
#[derive(Clone, Copy)]
pub struct ClearUndo {
    restore: StoredValue<Option<Restore>>,
    /// What is offered back, if anything.
    offered: RwSignal<Option<Undone>>,
}

impl ClearUndo {
    /// Nothing to put back yet; a fill that opens this page (or is made
    /// while it shows) is offered back.
    pub fn new() -> Self {
        let undo = Self {
            restore: StoredValue::new(None),
            offered: RwSignal::new(None),
        };
        let fills = console().drafts.fills;
        let here = Page::from_hash(&browser::hash());
        Effect::new(move |_| {
            if fills.page.get() == Some(here) {
                fills.page.set(None);
                if let Some(restore) = fills.restore.try_update_value(Option::take).flatten()
                    && restore.held
                {
                    undo.restore.set_value(Some(restore));
                    undo.offered.set(Some(Undone::Fill));
                }
            }
        });
        undo
    }

    /// Keeps `restore` from a *Clear form* just made, and offers it; a
    /// clear of a form with nothing in it (a second click) keeps the offer
    /// as it was.
    pub fn cleared(self, restore: Restore) {
        if restore.held {
            self.restore.set_value(Some(restore));
            self.offered.set(Some(Undone::Clear));
        }
    }

    /// Gives up the way back: the form was edited or sent since.
    pub fn forget(self) {
        if self.offered.get_untracked().is_some() {
            self.restore.set_value(None);
            self.offered.set(None);
        }
    }

    /// *Undo clear* or *Undo fill*, while there is something to put back.
    pub fn view(self) -> impl IntoView {
        let t = console().t;
        let undo = move |_| {
            let restore = self.restore.try_update_value(Option::take).flatten();
            self.offered.set(None);
            if let Some(restore) = restore {
                (restore.put_back)();
            }
        };
        move || {
            self.offered.get().map(|undone| {
                let (action, label) = match undone {
                    Undone::Clear => ("undo-clear", t.undo_clear),
                    Undone::Fill => ("undo-fill", t.undo_fill),
                };
                view! {
                    <button type="button" class="secondary" data-action=action on:click=undo>{label}</button>
                }
            })
        }
    }
}
