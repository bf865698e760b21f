//! The rows a list's *Add* button has made, not yet typed in.

use leptos::html::Input;
use leptos::prelude::*;

use super::operation_form::SendTried;
use crate::drafts::{Rows, rows_of};

/// The rows a list's *Add* button has made: a new row's first field takes
/// the focus, and the row is not called empty before the operator has
/// typed in it or tried to send the form. (Its errors do not wait until
/// the focus leaves it: shown then, they would move the button being
/// clicked from under the pointer.)
#[derive(Clone, Copy)]
pub struct NewRows(RwSignal<Vec<u64>>);

impl Default for NewRows {
    /// A list with no new row, in the form around it if there is one.
    fn default() -> Self {
        let new = RwSignal::new(Vec::new());
        if let Some(SendTried(tried)) = use_context::<SendTried>() {
            Effect::new(move |_| {
                if tried.get() {
                    new.set(Vec::new());
                }
            });
        }
        Self(new)
    }
}

impl NewRows {
    /// Appends a new row holding `value` to `rows`.
    pub fn add<T: Send + Sync + 'static>(self, rows: Rows<T>, value: T) {
        let added = rows_of(vec![value]);
        self.0
            .update(|new| new.extend(added.iter().map(|row| row.id)));
        rows.update(|all| all.extend(added));
    }

    /// Every row is new no more: their values were set from elsewhere (the
    /// JSON tab), as typed.
    pub fn settled(self) {
        if self.0.with_untracked(|new| !new.is_empty()) {
            self.0.set(Vec::new());
        }
    }

    /// Whether row `id` is new (tracked): its errors wait.
    pub fn is(self, id: u64) -> bool {
        self.0.with(|new| new.contains(&id))
    }

    /// Focuses `field`, row `id`'s first field, once it is in the page,
    /// if row `id` is the newest row.
    pub fn focus(self, id: u64, field: NodeRef<Input>) {
        field.on_load(move |input| {
            if self.0.with_untracked(|new| new.last() == Some(&id)) {
                let _ = input.focus();
            }
        });
    }

    /// For row `id`'s element's `on:input`: typed in, it is new no more.
    pub fn typed(self, id: u64) -> impl Fn(leptos::ev::Event) + 'static {
        move |_| {
            if self.0.with_untracked(|new| new.contains(&id)) {
                self.0.update(|new| new.retain(|row| *row != id));
            }
        }
    }
}
