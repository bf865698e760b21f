//! The `resume` flags, `pullBackFlag` and `restartFlag`, with the reference's help.

use leptos::prelude::*;

use crate::console;

/// One flag's checkbox, named after the API parameter.
#[component]
fn Flag(
    /// The parameter's name, e.g. `pullBackFlag`.
    name: &'static str,
    /// Its value.
    value: RwSignal<bool>,
    /// The label after the name.
    label: &'static str,
    /// When it applies.
    help: &'static str,
) -> impl IntoView {
    view! {
        <div class="field check">
            <label>
                <input type="checkbox" name=name
                    prop:checked=move || value.get()
                    on:change=move |ev| value.set(event_target_checked(&ev)) />
                <code>{name}</code> " " {label}
            </label>
            <p class="hint">{help}</p>
        </div>
    }
}

/// Both flags of `resume`.
#[component]
pub fn ResumeFlags(
    /// `pullBackFlag`.
    pull_back_flag: RwSignal<bool>,
    /// `restartFlag`.
    restart_flag: RwSignal<bool>,
) -> impl IntoView {
    let t = console().t;
    view! {
        <Flag name="pullBackFlag" value=pull_back_flag label=t.pull_back_flag_label help=t.pull_back_flag_help />
        <Flag name="restartFlag" value=restart_flag label=t.restart_flag_label help=t.restart_flag_help />
    }
}
