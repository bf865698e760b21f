//! Confirmation dialogs: a plain one, or one that needs the task name typed.

use leptos::html::Dialog;
use leptos::prelude::*;
use oms_core::task_name::TaskName;

use crate::console;

/// Whether typed text confirms `name`: the whole name or its last `:`-segment.
pub fn confirms(typed: &str, name: &TaskName) -> bool {
    let typed = typed.trim();
    !typed.is_empty() && (typed == name.as_str() || typed == name.last_segment())
}

/// A modal `<dialog>`; `open` shows and hides it, Esc closes it.
#[component]
pub fn ConfirmDialog(
    /// Shown while true.
    open: RwSignal<bool>,
    /// The dialog's title.
    #[prop(into)]
    title: Signal<String>,
    /// What will happen.
    #[prop(into)]
    message: Signal<String>,
    /// When set, this task name must be typed to enable the confirm button.
    #[prop(into)]
    typed: Signal<Option<TaskName>>,
    /// The confirm button's label.
    #[prop(into)]
    confirm_label: Signal<String>,
    /// Runs on confirmation.
    on_confirm: Callback<()>,
) -> impl IntoView {
    let t = console().t;
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
        move || typed.with(|name| name.as_ref().is_none_or(|n| confirms(&entered.get(), n)));
    view! {
        <dialog node_ref=dialog on:close=move |_| open.set(false)>
            <form
                method="dialog"
                on:submit=move |ev| {
                    ev.prevent_default();
                    if allowed() {
                        open.set(false);
                        on_confirm.run(());
                    }
                }
            >
                <h2>{title}</h2>
                <p class="dialog-message">{message}</p>
                {move || typed.get().map(|name| view! {
                    <label for="confirmTaskName">{t.type_to_confirm}</label>
                    <p><code>{name.last_segment().to_owned()}</code></p>
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
