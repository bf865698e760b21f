//! *Clear form* with its way back: a click that missed *Send* and landed on
//! *Clear form* takes nothing the operator cannot get back.

use leptos::prelude::*;

use crate::console;

/// What puts back the fields a *Clear form* emptied.
pub type Restore = Box<dyn FnOnce() + Send + Sync>;

/// Empties `field` (sets it to `empty`); gives what puts its content back.
pub fn emptied<T: Send + Sync + 'static>(field: RwSignal<T>, empty: T) -> Restore {
    let kept = field.try_update(|value| std::mem::replace(value, empty));
    Box::new(move || {
        if let Some(kept) = kept {
            field.set(kept);
        }
    })
}

/// Puts back all of `fields`, emptied by [`emptied`].
pub fn together(fields: Vec<Restore>) -> Restore {
    Box::new(move || fields.into_iter().for_each(|restore| restore()))
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

    /// Keeps `restore` from a *Clear form* just made, and offers it.
    pub fn cleared(self, restore: Restore) {
        self.restore.set_value(Some(restore));
        self.offered.set(true);
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
                restore();
            }
        };
        move || {
            self.offered.get().then(|| view! {
                <button type="button" class="secondary" data-action="undo-clear" on:click=undo>{t.undo_clear}</button>
            })
        }
    }
}
