//! Notices shown once at the top of the page, each dismissible.

use leptos::prelude::*;

use crate::console;

/// A notice shown about something done, taken down when it is undone.
pub struct Said {
    notices: RwSignal<Vec<String>>,
    text: String,
}

impl Said {
    /// Shows `text` among `notices`.
    pub fn show(notices: RwSignal<Vec<String>>, text: String) -> Self {
        notices.update(|n| n.push(text.clone()));
        Self { notices, text }
    }

    /// Takes the notice down, if it is still shown (of notices alike, the
    /// latest: this one, shown last).
    pub fn take_down(self) {
        self.notices.update(|n| {
            if let Some(i) = n.iter().rposition(|shown| *shown == self.text) {
                n.remove(i);
            }
        });
    }
}

/// The notices banner.
#[component]
pub fn Notices() -> impl IntoView {
    let c = console();
    let t = c.t;
    view! {
        <Show when=move || !c.notices.get().is_empty()>
            <div class="notices" role="status">
                {move || c.notices.get().into_iter().enumerate().map(|(i, notice)| view! {
                    <p class="notice">
                        <span>{notice}</span>
                        <button type="button" class="secondary small" aria-label=t.dismiss title=t.dismiss
                            on:click=move |_| c.notices.update(|n| { if i < n.len() { n.remove(i); } })>"✕"</button>
                    </p>
                }).collect_view()}
            </div>
        </Show>
    }
}
