//! Confirmation dialogs: a plain one, or one that needs the task name typed.

use leptos::html::Dialog;
use leptos::prelude::*;
use oms_core::task_name::TaskName;

use crate::console;

/// What must be typed to confirm: shown to the user, and the texts accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    /// What the dialog shows.
    pub shown: String,
    /// Any of these confirms.
    pub accepted: Vec<String>,
}

impl Expected {
    /// A task name: the whole name or its last `:`-segment.
    pub fn task_name(name: &TaskName) -> Self {
        Self {
            shown: name.last_segment().to_owned(),
            accepted: vec![name.as_str().to_owned(), name.last_segment().to_owned()],
        }
    }

    /// Exactly this text (e.g. a count).
    pub fn exact(text: String) -> Self {
        Self {
            shown: text.clone(),
            accepted: vec![text],
        }
    }

    /// Whether `typed` confirms.
    pub fn confirms(&self, typed: &str) -> bool {
        let typed = typed.trim();
        !typed.is_empty() && self.accepted.iter().any(|a| a == typed)
    }
}

/// A modal `<dialog>`; `open` shows and hides it, Esc closes it.
#[component]
pub fn ConfirmDialog(
    /// Shown while true.
    open: RwSignal<bool>,
    /// The dialog's title.
    title: &'static str,
    /// What will happen.
    #[prop(into)]
    message: Signal<String>,
    /// When set, this must be typed to enable the confirm button.
    #[prop(into)]
    typed: Signal<Option<Expected>>,
    /// The confirm button's label.
    confirm_label: &'static str,
    /// Runs on confirmation.
    on_confirm: Callback<()>,
) -> impl IntoView {
    let c = console();
    let t = c.t;
    let dialog = NodeRef::<Dialog>::new();
    let entered = RwSignal::new(String::new());
    Effect::new(move |_| {
        let Some(element) = dialog.get() else {
            return;
        };
        if open.get() {
            entered.set(String::new());
            if !element.open() {
                let _ = element.show_modal();
            }
        } else if element.open() {
            element.close();
        }
    });
    let allowed =
        move || typed.with(|expected| expected.as_ref().is_none_or(|e| e.confirms(&entered.get())));
    view! {
        <dialog node_ref=dialog on:close=move |_| open.set(false)>
            <form
                method="dialog"
                on:submit=move |ev| {
                    ev.prevent_default();
                    if allowed() {
                        open.set(false);
                        // The dialog named the CM host: it is confirmed.
                        c.host_moved.set(false);
                        on_confirm.run(());
                    }
                }
            >
                <h2>{title}</h2>
                <p class="dialog-message">{message}</p>
                <p class="dialog-profile" data-profile="">
                    {t.on_profile} " " <strong>{move || c.profile.get().name}</strong> " "
                    <code>{move || crate::components::header::host_text(c)}</code>
                    {move || {
                        let p = c.profile.get();
                        (!p.label.is_empty()).then(|| view! { " " <span class=format!("env env-{}", p.color)>{p.label}</span> })
                    }}
                </p>
                {move || typed.get().map(|expected| view! {
                    <label for="confirmTaskName">{t.type_to_confirm}</label>
                    <p><code>{expected.shown}</code></p>
                    <input
                        id="confirmTaskName"
                        name="confirmTaskName"
                        type="text"
                        autocomplete="off"
                        spellcheck="false"
                        prop:value=move || entered.get()
                        on:input=move |ev| entered.set(event_target_value(&ev))
                    />
                })}
                <div class="actions">
                    <button type="button" class="secondary" on:click=move |_| open.set(false)>
                        {t.cancel}
                    </button>
                    <button type="submit" class="danger" disabled=move || !allowed()>
                        {confirm_label}
                    </button>
                </div>
            </form>
        </dialog>
    }
}
