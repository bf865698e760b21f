//! *Clear form* with its way back: a click that missed *Send* and landed on
//! *Clear form* takes nothing the operator cannot get back.

use leptos::prelude::*;

use crate::console;
use crate::drafts::{ConfigRowDraft, Row};

/// What puts back the fields a *Clear form* emptied, and whether any of
/// them held something.
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

/// The way back from a form's last *Clear form*, kept until the form is
/// edited or sent.
#[derive(Clone, Copy)]
pub struct ClearUndo {
    restore: StoredValue<Option<Restore>>,
    offered: RwSignal<bool>,
}

impl ClearUndo {
    /// Nothing to put back yet.
    pub fn new() -> Self {
        Self {
            restore: StoredValue::new(None),
            offered: RwSignal::new(false),
        }
    }

    /// Keeps `restore` from a *Clear form* just made, and offers it; a
    /// clear of a form with nothing in it (a second click) keeps the offer
    /// as it was.
    pub fn cleared(self, restore: Restore) {
        if restore.held {
            self.restore.set_value(Some(restore));
            self.offered.set(true);
        }
    }

    /// Gives up the way back: the form was edited or sent since.
    pub fn forget(self) {
        if self.offered.get_untracked() {
            self.restore.set_value(None);
            self.offered.set(false);
        }
    }

    /// *Undo clear*, while there is something to put back.
    pub fn view(self) -> impl IntoView {
        let t = console().t;
        let undo = move |_| {
            let restore = self.restore.try_update_value(Option::take).flatten();
            self.offered.set(false);
            if let Some(restore) = restore {
                (restore.put_back)();
            }
        };
        move || {
            self.offered.get().then(|| view! {
                <button type="button" class="secondary" data-action="undo-clear" on:click=undo>{t.undo_clear}</button>
            })
        }
    }
}
