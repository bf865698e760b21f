//! The task-name field and what the core understood of the name.

use leptos::prelude::*;
use oms_core::task_name::{Component, TaskName, TaskNameError, names_run_together, offered_name};

use crate::console;
use crate::i18n::{Texts, fill};

/// The typed task name, checked by the core.
pub fn task_name() -> Memo<Result<TaskName, TaskNameError>> {
    let drafts = console().drafts;
    Memo::new(move |_| TaskName::parse(&drafts.task_name.get()))
}

/// The message for a task name that cannot be sent.
pub fn task_name_error(t: &Texts, error: &TaskNameError) -> String {
    match error {
        TaskNameError::Empty => t.task_name_empty.to_owned(),
        TaskNameError::BadCharacter { index, character } => fill(
            t.task_name_bad_char,
            &[
                &format!("U+{:04X}", *character as u32),
                &(index + 1).to_string(),
            ],
        ),
    }
}

/// The label of a component type.
pub fn component_label(t: &Texts, component: &Component) -> String {
    match component {
        Component::IncrSync => t.incr_sync.to_owned(),
        Component::FullImport => t.full_import.to_owned(),
        Component::Other(kind) => kind.clone(),
    }
}

/// The warning for a name the grammar does not understand: names run
/// together, and a sequence part without ten digits, are said as such.
fn not_understood(t: &Texts, name: &TaskName) -> AnyView {
    if names_run_together(name.as_str()) {
        view! { <p class="warning" data-names-run-together="">{t.task_name_run_together}</p> }
            .into_any()
    } else if let Some(digits) = name.seq_digits() {
        let said = fill(t.task_name_seq_digits, &[&digits.to_string()]);
        view! { <p class="warning" data-seq-digits=digits>{said}</p> }.into_any()
    } else {
        view! { <p class="warning">{t.task_name_not_understood}</p> }.into_any()
    }
}

/// `taskName`, with the parts of the name below it.
#[component]
pub fn TaskNameField() -> impl IntoView {
    let c = console();
    let t = c.t;
    let name = task_name();
    let understood = move || match name.get() {
        Err(TaskNameError::Empty) => view! { <p class="hint">{t.task_name_hint}</p> }.into_any(),
        Err(error) => view! { <p class="error">{task_name_error(t, &error)}</p> }.into_any(),
        Ok(name) => match name.parts() {
            None => not_understood(t, &name),
            Some(parts) => {
                let badge = match parts.component {
                    Component::IncrSync => "badge incr",
                    Component::FullImport => "badge full",
                    Component::Other(_) => "badge",
                };
                view! {
                    <dl class="parts" data-understood="">
                        <dt>{t.part_component}</dt>
                        <dd><span class=badge>{component_label(t, &parts.component)}</span></dd>
                        <dt>{t.part_node}</dt>
                        <dd>{parts.node()}</dd>
                        <dt>{t.part_project}</dt>
                        <dd>{parts.project_id.clone()}</dd>
                        <dt>{t.part_seq}</dt>
                        <dd>{parts.seq.clone()}</dd>
                    </dl>
                }
                .into_any()
            }
        },
    };
    view! {
        <div class="field">
            <label for="taskName">
                <code>taskName</code>
                " "
                {t.task_name_label}
            </label>
            <input
                id="taskName"
                name="taskName"
                type="text"
                autocomplete="off"
                spellcheck="false"
                placeholder="10.186.16.126-9000:connector_v2:np_56el1g1jvrs0-incr_trans-1-0:0000000002"
                aria-describedby="taskNameHelp"
                aria-invalid=move || matches!(name.get(), Err(e) if e != TaskNameError::Empty).then_some("true")
                prop:value=move || c.drafts.task_name.get()
                on:input=move |ev| c.drafts.task_name.set(event_target_value(&ev))
            />
            // What the name says, or what is wrong with it: the field's
            // description; the form's list of errors alerts on sending.
            <div id="taskNameHelp">{understood}</div>
            // A name written with characters no name holds, or copied with
            // what was around it: the name it is, offered.
            {move || c.drafts.task_name.with(|typed| offered_name(typed)).map(|offered| {
                let says = if offered.made_plain { t.task_name_plain_suggestion } else { t.task_name_suggestion };
                let name = offered.name;
                let chosen = name.clone();
                view! {
                    <p class="hint" data-suggested-name="">
                        {says} " " <code>{name}</code> " "
                        <button type="button" class="secondary small"
                            on:click=move |_| c.drafts.task_name.set(chosen.clone())>{t.task_name_use_suggestion}</button>
                    </p>
                }
            })}
        </div>
    }
}
