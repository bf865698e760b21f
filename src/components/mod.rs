//! The console's building blocks, thin over `oms-core`.

pub mod checkpoint;
pub mod clear_undo;
pub mod config_editor;
pub mod confirm;
pub mod delete_params;
pub mod flags;
pub mod header;
pub mod new_row;
pub mod notices;
pub mod operation_form;
pub mod preview;
pub mod response;
pub mod share;
pub mod task_name;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A form's errors, announced when they appear: the list sits inside the
/// alert, since a list given the alert's role no longer holds its items.
/// Generic over `errors`, so each form's list is built for its own closure
/// (no shared signal type added to the main module).
pub fn error_list(errors: impl Fn() -> Vec<String> + Send + Sync + 'static) -> impl IntoView {
    view! {
        <div role="alert">
            <ul class="errors">
                {move || errors().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}
            </ul>
        </div>
    }
}

/// A form's warnings and the second click they ask for: while the form
/// shows warnings, its first click only marks them acknowledged.
#[derive(Clone, Copy)]
pub struct SecondClick {
    warnings: Memo<Vec<String>>,
    acknowledged: RwSignal<bool>,
}

impl SecondClick {
    /// For `warnings`. The mark is forgotten whenever what `changes` reads
    /// changes (the form's operation or plan).
    pub fn new(warnings: Memo<Vec<String>>, changes: impl Fn() + 'static) -> Self {
        let acknowledged = RwSignal::new(false);
        Effect::new(move |_| {
            changes();
            acknowledged.set(false);
        });
        Self {
            warnings,
            acknowledged,
        }
    }

    /// Whether a click stops here: warnings are shown and were not yet
    /// acknowledged. Such a click acknowledges them.
    pub fn holds(self) -> bool {
        let holds = !self.warnings.get_untracked().is_empty() && !self.acknowledged.get_untracked();
        if holds {
            self.acknowledged.set(true);
        }
        holds
    }

    /// Forgets the mark: what was acknowledged has been sent or started.
    pub fn forget(self) {
        self.acknowledged.set(false);
    }

    /// Whether the warnings are acknowledged (tracked): the button then
    /// says it goes on anyway.
    pub fn acknowledged(self) -> bool {
        self.acknowledged.get()
    }

    /// The warnings' list: once acknowledged, it is outlined and ends with
    /// `second_click`, which says how to go on.
    pub fn view(self, second_click: &'static str) -> impl IntoView {
        let Self {
            warnings,
            acknowledged,
        } = self;
        view! {
            <Show when=move || !warnings.get().is_empty()>
                <ul class="warnings" data-warnings="" class:acknowledge=move || acknowledged.get()>
                    {move || warnings.get().into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
                    <Show when=move || acknowledged.get()>
                        <li class="strong">{second_click}</li>
                    </Show>
                </ul>
            </Show>
        }
    }
}

/// Keeps Enter in a field of rows being typed (a key, a subtopic, a date)
/// from submitting the form, as the browser otherwise does: there it means
/// "next", never "send". Put on the rows' `fieldset` as `on:keydown`, and
/// on an operation form that only its button sends (the update's, whose
/// task name is typed before its rows).
pub fn hold_enter(ev: leptos::ev::KeyboardEvent) {
    let in_field = ev
        .target()
        .is_some_and(|target| target.has_type::<web_sys::HtmlInputElement>());
    if ev.key() == "Enter" && in_field {
        ev.prevent_default();
    }
}

/// `aria-disabled` for a button held while something runs: unlike
/// `disabled`, it keeps the focus (the button was just pressed, often from
/// the keyboard), and its click handler ignores it meanwhile.
pub fn held(running: bool) -> Option<&'static str> {
    running.then_some("true")
}

/// Gives the focus to the element `node` holds, if it is drawn: where the
/// focus goes when the button that had it leaves the page (a *Cancel*
/// leaving with what it cancelled), instead of the page's top.
pub fn focus<E>(node: NodeRef<E>)
where
    E: leptos::tachys::html::element::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    if let Some(element) = node.get_untracked() {
        let _ = element.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}
