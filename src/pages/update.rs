//! `#/update`: `deleteParams` and `updateConfigMap` on a stopped or abnormal connector.

use leptos::prelude::*;
use oms_core::config_map::{
    ConfigKey, masked_body, parse_delete_params, replaced_keys, validate_rows,
};
use oms_core::request::{Operation, OperationKind};

use crate::components::checkpoint::{CheckpointBuilder, computed, remember_subtopics};
use crate::components::clear_undo::{emptied, together};
use crate::components::config_editor::{ConfigEditor, core_rows, row_error, typed_json};
use crate::components::delete_params::{DeleteParamsEditor, delete_error};
use crate::components::operation_form::{Confirm, OperationForm};
use crate::console;
use crate::drafts::{ConfigRowDraft, rows_of, values_of};
use crate::i18n::fill;
use crate::pages::{PageIntro, task_name_or_error};

/// The update page.
#[component]
pub fn UpdatePage() -> impl IntoView {
    let c = console();
    let t = c.t;
    let d = c.drafts;
    let reveal = RwSignal::new(false);
    let name = task_name_or_error();
    let delete_keys = Memo::new(move |_| parse_delete_params(&values_of(&d.delete_params)));
    let typed = typed_json(d.config_json);
    // The rows as the core reads them, once per change, for the checks,
    // the request, the preview and the replaced keys.
    let rows = Memo::new(move |_| core_rows(&d.config_rows));
    let row_errors = Memo::new(move |_| rows.with(|rows| validate_rows(rows)));
    // JSON shown with an error: what it says is in no row yet.
    let json_held = move || d.config_json.shown.get() && typed.with(Result::is_err);
    let operation = Memo::new(move |_| {
        let mut errors: Vec<String> = name.get().err().into_iter().collect();
        // JSON shown with an error is not what the rows hold: nothing is
        // sent until it is fixed or the rows are shown again, and what is
        // wrong with the rows it hides is not the operator's concern.
        if json_held() {
            errors.push(t.json_not_sent.to_owned());
        } else {
            errors.extend(row_errors.get().iter().map(|e| row_error(t, e)));
        }
        match delete_keys.get() {
            Err(delete_errors) => errors.extend(delete_errors.iter().map(|e| delete_error(t, e).1)),
            Ok(_) if !errors.is_empty() => {}
            Ok(delete_params) => {
                if let Ok(task_name) = name.get() {
                    return Ok(Operation::Update {
                        task_name,
                        delete_params,
                        update_config_map: rows.get(),
                    });
                }
            }
        }
        Err(errors)
    });
    let shown_body =
        Signal::derive(move || Some(rows.with(|rows| masked_body(rows, reveal.get()))));
    let replaced = move || {
        let keys = delete_keys.get().unwrap_or_default();
        rows.with(|rows| replaced_keys(&keys, rows))
            .iter()
            .map(ConfigKey::dotted)
            .collect::<Vec<_>>()
    };
    let checkpoint = computed(d.checkpoint);
    let insert = move |_| {
        let Ok(Ok(text)) = checkpoint.get_untracked().map(|c| c.text) else {
            return;
        };
        remember_subtopics(
            d.task_name.get_untracked().trim(),
            &values_of(&d.checkpoint.subtopics),
        );
        let existing = d.config_rows.with_untracked(|rows| {
            rows.iter()
                .find(|r| {
                    r.value.with_untracked(|v| {
                        v.scope.trim() == "source" && v.key.trim() == "checkpoint"
                    })
                })
                .map(|r| r.value)
        });
        match existing {
            Some(value) => value.update(|v| v.value = text),
            None => d.config_rows.update(|rows| {
                rows.extend(rows_of(vec![ConfigRowDraft {
                    scope: "source".into(),
                    key: "checkpoint".into(),
                    value: text,
                }]));
            }),
        }
    };
    let clear = Callback::new(move |()| {
        together(vec![
            emptied(d.task_name, String::new()),
            emptied(d.config_rows, Vec::new()),
            emptied(d.config_json.text, String::new()),
            emptied(d.delete_params, Vec::new()),
        ])
    });
    view! {
        <PageIntro title=t.op_update help=t.update_help />
        <OperationForm kind=OperationKind::Update operation=operation confirm=Confirm::None
            shown_body=shown_body on_clear=clear only_button_sends=true>
            <DeleteParamsEditor entries=d.delete_params />
            <ConfigEditor rows=d.config_rows json=d.config_json typed=typed errors=row_errors reveal=reveal />
            {move || {
                let keys = replaced();
                (!keys.is_empty()).then(|| view! { <p class="hint">{fill(t.replaced_keys, &[&keys.join(t.list_separator)])}</p> })
            }}
            <details class="insert-checkpoint">
                <summary>{t.insert_checkpoint_title}</summary>
                <CheckpointBuilder draft=d.checkpoint />
                {move || json_held().then(|| view! { <p class="hint">{t.insert_checkpoint_json_error}</p> })}
                <button type="button" class="secondary" on:click=insert
                    disabled=move || json_held() || !matches!(checkpoint.get(), Ok(ref c) if c.text.is_ok())>
                    {t.insert_checkpoint}
                </button>
            </details>
        </OperationForm>
    }
}
