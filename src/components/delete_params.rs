//! The `deleteParams` list: one `scope.key` entry per input.

use leptos::prelude::*;
use oms_core::config_map::{DeleteEntryError, delete_params_entries, parse_delete_params};

use super::new_row::NewRows;
use crate::console;
use crate::drafts::{Rows, rows_of, values_of};
use crate::i18n::{Texts, fill};

/// The message of an entry problem (rows numbered from 1).
pub fn delete_error(t: &Texts, error: &DeleteEntryError) -> (usize, String) {
    let n = |row: &usize| (row + 1).to_string();
    match error {
        DeleteEntryError::Empty { row } => (*row, fill(t.delete_empty, &[&n(row)])),
        DeleteEntryError::NotScopeKey { row } => (*row, fill(t.delete_not_scope_key, &[&n(row)])),
        DeleteEntryError::Comma { row } => (*row, fill(t.delete_comma, &[&n(row)])),
        DeleteEntryError::Duplicate { first, second } => {
            (*second, fill(t.delete_duplicate, &[&n(first), &n(second)]))
        }
    }
}

/// Replaces the entry `id` with one entry per comma-separated key in it.
fn split(entries: Rows<String>, id: u64) {
    entries.update(|all| {
        if let Some(i) = all.iter().position(|r| r.id == id) {
            let keys = all[i].value.with_untracked(|v| delete_params_entries(v));
            all.splice(i..=i, rows_of(keys));
        }
    });
}

/// `deleteParams` entries with add, remove and inline errors.
#[component]
pub fn DeleteParamsEditor(
    /// The entries.
    entries: Rows<String>,
) -> impl IntoView {
    let t = console().t;
    let errors = Memo::new(move |_| {
        parse_delete_params(&values_of(&entries))
            .err()
            .unwrap_or_default()
    });
    let new_rows = NewRows::default();
    view! {
        <fieldset class="delete-params" on:keydown=super::hold_enter>
            <legend><code>deleteParams</code> " " {t.delete_params_label}</legend>
            <p class="hint">{t.delete_params_help}</p>
            <For each=move || entries.get() key=|row| row.id let:row>
                {
                    let value = row.value;
                    let index = move || entries.with(|all| all.iter().position(|r| r.id == row.id).unwrap_or(0));
                    let field = NodeRef::new();
                    new_rows.focus(row.id, field);
                    view! {
                        <div class="delete-row" on:input=new_rows.typed(row.id)>
                            <label>
                                <span class="sr-only">{t.delete_params_label}</span>
                                <input node_ref=field name="deleteParams" placeholder="source.checkpoint" autocomplete="off" spellcheck="false"
                                    prop:value=move || value.get()
                                    on:input=move |ev| value.set(event_target_value(&ev)) />
                            </label>
                            <button type="button" class="secondary small" title=t.remove_row aria-label=t.remove_row
                                on:click=move |_| entries.update(|r| r.retain(|x| x.id != row.id))>"✕"</button>
                            {move || errors.get().iter().map(|e| delete_error(t, e)).filter(|(r, _)| *r == index() && !new_rows.is(row.id))
                                .map(|(_, m)| view! { <p class="error">{m}</p> }).collect_view()}
                            // `scope1.key1,scope2.key2` as the API's parameter
                            // writes it, typed or pasted into one field.
                            {move || errors.with(|e| e.contains(&DeleteEntryError::Comma { row: index() })).then(|| view! {
                                <button type="button" class="secondary small" data-action="split-delete-params"
                                    on:click=move |_| split(entries, row.id)>{t.delete_split}</button>
                            })}
                        </div>
                    }
                }
            </For>
            <button type="button" class="secondary"
                on:click=move |_| new_rows.add(entries, String::new())>{t.add_entry}</button>
        </fieldset>
    }
}
