//! The `updateConfigMap` editor: rows and a JSON tab, synced both ways.

use leptos::prelude::*;
use oms_core::config_map::{
    self, ConfigRow, ImportError, JsonSyntax, RowError, SCOPES, import_json,
    import_json_stringifying, is_secret_key,
};

use super::new_row::NewRows;
use crate::console;
use crate::drafts::{ConfigJsonDraft, ConfigRowDraft, Rows, set_values, values_of};
use crate::i18n::{Texts, fill};

/// The rows as the core sees them.
pub fn core_rows(rows: &Rows<ConfigRowDraft>) -> Vec<ConfigRow> {
    values_of(rows)
        .into_iter()
        .map(|r| ConfigRow {
            scope: r.scope.trim().to_owned(),
            key: r.key.trim().to_owned(),
            value: r.value,
        })
        .collect()
}

/// The message of a row problem (rows are numbered from 1).
pub fn row_error(t: &Texts, error: &RowError) -> String {
    match error {
        RowError::EmptyScope { row } => fill(t.row_empty_scope, &[&(row + 1).to_string()]),
        RowError::EmptyKey { row } => fill(t.row_empty_key, &[&(row + 1).to_string()]),
        RowError::Duplicate { first, second } => fill(
            t.row_duplicate,
            &[&(first + 1).to_string(), &(second + 1).to_string()],
        ),
    }
}

/// What is wrong with text that is not JSON.
fn json_syntax<'a>(t: &'a Texts, problem: &'a JsonSyntax) -> &'a str {
    match problem {
        JsonSyntax::EndsEarly => t.json_ends_early,
        JsonSyntax::KeyNotQuoted => t.json_key_not_quoted,
        JsonSyntax::ValueExpected => t.json_value_expected,
        JsonSyntax::ColonExpected => t.json_colon_expected,
        JsonSyntax::CommaExpected => t.json_comma_expected,
        JsonSyntax::TrailingComma => t.json_trailing_comma,
        JsonSyntax::TextAfterEnd => t.json_text_after_end,
        JsonSyntax::ControlCharacter => t.json_control_character,
        JsonSyntax::InvalidEscape => t.json_invalid_escape,
        JsonSyntax::Other(message) => message,
    }
}

fn import_error(t: &Texts, error: &ImportError) -> String {
    match error {
        ImportError::Syntax {
            line,
            column,
            problem,
        } => fill(
            t.json_syntax,
            &[
                &line.to_string(),
                &column.to_string(),
                json_syntax(t, problem),
            ],
        ),
        ImportError::NotAnObject => t.json_not_object.to_owned(),
        ImportError::ScopeNotObject { scope } => fill(t.json_scope_not_object, &[scope]),
        ImportError::NonStringLeaves { paths } => {
            fill(t.json_non_string, &[&paths.join(t.list_separator)])
        }
        ImportError::DuplicateKey { path } => fill(t.json_duplicate_key, &[path]),
    }
}

/// Makes `rows` hold the core's `imported` rows.
fn set_from_core(rows: Rows<ConfigRowDraft>, imported: Vec<ConfigRow>) {
    set_values(
        rows,
        imported
            .into_iter()
            .map(|r| ConfigRowDraft {
                scope: r.scope,
                key: r.key,
                value: r.value,
            })
            .collect(),
    );
}

/// Re-formats a JSON value text, or leaves it as it is.
fn reformat(text: &str, pretty: bool) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    if pretty {
        serde_json::to_string_pretty(&value).ok()
    } else {
        Some(value.to_string())
    }
}

/// The JSON tab's text read as rows (none for empty text), parsed once per
/// change.
pub fn typed_json(json: ConfigJsonDraft) -> Memo<Result<Vec<ConfigRow>, ImportError>> {
    Memo::new(move |_| {
        json.text.with(|text| {
            if text.trim().is_empty() {
                Ok(Vec::new())
            } else {
                import_json(text)
            }
        })
    })
}

/// `updateConfigMap` as editable rows and as JSON.
#[component]
pub fn ConfigEditor(
    /// The rows.
    rows: Rows<ConfigRowDraft>,
    /// The JSON tab.
    json: ConfigJsonDraft,
    /// The JSON tab's text read as rows ([`typed_json`]).
    typed: Memo<Result<Vec<ConfigRow>, ImportError>>,
    /// What is wrong with the rows (`validate_rows`).
    errors: Memo<Vec<RowError>>,
    /// Whether secret values are shown.
    reveal: RwSignal<bool>,
) -> impl IntoView {
    let t = console().t;
    let json_text = json.text;
    let has_secret = Memo::new(move |_| values_of(&rows).iter().any(|r| is_secret_key(&r.key)));
    // JSON being typed stays in its field until the operator leaves it: a
    // secret key that starts to parse does not pull the text from under the
    // cursor. Left with a secret in it, it shows masked, after the click
    // that left it (the masked view is shorter: what was clicked would move).
    // Text with an error stays as typed, with its error: the masked view
    // shows the rows, which are not that text, and no error.
    let editing = RwSignal::new(false);
    let json_masked = Memo::new(move |_| {
        has_secret.get() && !reveal.get() && !editing.get() && typed.with(Result::is_ok)
    });
    // Rows changed elsewhere (the rows tab, an inserted checkpoint, Clear
    // form, a share link) are shown as JSON. Text that does not parse yet
    // is kept as typed, and the rows stay as they were, until the rows
    // change while the text stays as last typed or shown: the rows tab
    // says that replaces it (a fix of the text would otherwise replace
    // that change unseen). Text set with the rows (*Undo clear*) stays.
    let last_text = StoredValue::new(None::<String>);
    Effect::new(move |_| {
        let current = core_rows(&rows);
        let text = json_text.get_untracked();
        let replaced = last_text.with_value(|last| last.as_ref() == Some(&text));
        let stale = typed.with_untracked(|typed| match typed {
            Ok(typed) => *typed != current,
            Err(_) => replaced,
        });
        let text = if stale {
            let pretty = config_map::to_pretty(&current);
            json_text.set(pretty.clone());
            pretty
        } else {
            text
        };
        last_text.set_value(Some(text));
    });
    // Rows the JSON tab sets are typed: a row *Add entry* made is new no
    // more, and its errors show on the rows tab.
    let new_rows = NewRows::default();
    let on_json = move |text: String| {
        last_text.set_value(Some(text.clone()));
        json_text.set(text);
        if let Ok(imported) = typed.get_untracked() {
            set_from_core(rows, imported);
            new_rows.settled();
        }
    };
    let store_as_text = move |_| {
        if let Ok(imported) = import_json_stringifying(&json_text.get_untracked()) {
            json_text.set(config_map::to_pretty(&imported));
            set_from_core(rows, imported);
            new_rows.settled();
        }
    };
    let add = move |_| new_rows.add(rows, ConfigRowDraft::default());
    // The tabs as the ARIA pattern has them: one stop in the Tab order (the
    // selected tab), the arrow keys, Home and End moving between them.
    let (rows_tab, json_tab) = (NodeRef::<leptos::html::Button>::new(), NodeRef::new());
    let on_tab_key = move |ev: leptos::ev::KeyboardEvent| {
        let to_json = match ev.key().as_str() {
            "ArrowLeft" | "ArrowRight" => !json.shown.get_untracked(),
            "Home" => false,
            "End" => true,
            _ => return,
        };
        ev.prevent_default();
        json.shown.set(to_json);
        let tab = if to_json { json_tab } else { rows_tab };
        if let Some(button) = tab.get_untracked() {
            let _ = button.focus();
        }
    };
    let tab_stop = move |json_tab: bool| {
        if json.shown.get() == json_tab {
            "0"
        } else {
            "-1"
        }
    };
    view! {
        <fieldset class="config-editor" on:keydown=super::hold_enter>
            <legend id="configLegend"><code>updateConfigMap</code> " " {t.update_config_map_label}</legend>
            <p class="hint">{t.update_config_map_help}</p>
            <div class="tabs">
                <div role="tablist" aria-labelledby="configLegend" on:keydown=on_tab_key>
                    <button type="button" role="tab" id="configRowsTab" aria-controls="configRows"
                        node_ref=rows_tab tabindex=move || tab_stop(false)
                        aria-selected=move || (!json.shown.get()).to_string()
                        on:click=move |_| json.shown.set(false)>{t.tab_rows}</button>
                    <button type="button" role="tab" id="configJsonTab" aria-controls="configJsonPanel"
                        node_ref=json_tab tabindex=move || tab_stop(true)
                        aria-selected=move || json.shown.get().to_string()
                        on:click=move |_| json.shown.set(true)>{t.tab_json}</button>
                </div>
                <label class="inline">
                    <input type="checkbox" prop:checked=move || reveal.get()
                        on:change=move |ev| reveal.set(event_target_checked(&ev)) />
                    {t.reveal_secrets}
                </label>
            </div>
            <datalist id="scopes">
                {SCOPES.map(|s| view! { <option value=s></option> }).collect_view()}
            </datalist>
            <div class="rows" id="configRows" role="tabpanel" aria-labelledby="configRowsTab"
                hidden=move || json.shown.get()>
                {move || typed.with(Result::is_err).then(|| view! {
                    <p class="warning" data-json-not-in-rows="">{t.json_not_in_rows}</p>
                })}
                <For each=move || rows.get() key=|row| row.id let:row>
                    {
                        let index = move || rows.with(|all| all.iter().position(|r| r.id == row.id).unwrap_or(0));
                        let value = row.value;
                        let secret = move || is_secret_key(&value.with(|v| v.key.clone()));
                        let row_errors = move || {
                            if new_rows.is(row.id) {
                                return Vec::new();
                            }
                            let i = index();
                            errors.get().iter().filter(|e| match e {
                                RowError::EmptyScope { row } | RowError::EmptyKey { row } => *row == i,
                                RowError::Duplicate { second, .. } => *second == i,
                            }).map(|e| row_error(t, e)).collect::<Vec<_>>()
                        };
                        let scope = NodeRef::new();
                        new_rows.focus(row.id, scope);
                        view! {
                            <div class="config-row" data-row="" on:input=new_rows.typed(row.id)>
                                <label>
                                    <span class="sr-only">{t.scope}</span>
                                    <input node_ref=scope name="scope" list="scopes" placeholder=t.scope autocomplete="off"
                                        prop:value=move || value.with(|v| v.scope.clone())
                                        on:input=move |ev| value.update(|v| v.scope = event_target_value(&ev)) />
                                </label>
                                <label>
                                    <span class="sr-only">{t.key}</span>
                                    <input name="key" placeholder=t.key autocomplete="off" spellcheck="false"
                                        prop:value=move || value.with(|v| v.key.clone())
                                        on:input=move |ev| value.update(|v| v.key = event_target_value(&ev)) />
                                </label>
                                <label class="value">
                                    <span class="sr-only">{t.value}</span>
                                    {move || if secret() && !reveal.get() {
                                        view! {
                                            <input name="value" type="password" placeholder=t.secret_value autocomplete="off"
                                                prop:value=move || value.with(|v| v.value.clone())
                                                on:input=move |ev| value.update(|v| v.value = event_target_value(&ev)) />
                                        }.into_any()
                                    } else {
                                        view! {
                                            <textarea name="value" rows="1" placeholder=t.value spellcheck="false"
                                                prop:value=move || value.with(|v| v.value.clone())
                                                on:input=move |ev| value.update(|v| v.value = event_target_value(&ev))></textarea>
                                        }.into_any()
                                    }}
                                </label>
                                <div class="row-actions">
                                    <button type="button" class="secondary small" title=t.pretty_print aria-label=t.pretty_print
                                        on:click=move |_| value.update(|v| if let Some(p) = reformat(&v.value, true) { v.value = p })>"{ }"</button>
                                    <button type="button" class="secondary small" title=t.compact aria-label=t.compact
                                        on:click=move |_| value.update(|v| if let Some(p) = reformat(&v.value, false) { v.value = p })>"{}"</button>
                                    <button type="button" class="secondary small" title=t.remove_row aria-label=t.remove_row
                                        on:click=move |_| rows.update(|r| r.retain(|x| x.id != row.id))>"✕"</button>
                                </div>
                                {move || row_errors().into_iter().map(|e| view! { <p class="error">{e}</p> }).collect_view()}
                            </div>
                        }
                    }
                </For>
                <button type="button" class="secondary" on:click=add>{t.add_row}</button>
            </div>
            <div class="json" id="configJsonPanel" role="tabpanel" aria-labelledby="configJsonTab"
                hidden=move || !json.shown.get()>
                {move || if json_masked.get() {
                    view! {
                        <p class="hint">{t.json_secrets_hidden}</p>
                        <pre class="body">{config_map::masked_body(&core_rows(&rows), false)}</pre>
                    }.into_any()
                } else {
                    view! {
                        <label for="configJson" class="sr-only">{t.tab_json}</label>
                        <textarea id="configJson" name="updateConfigMapJson" rows="10" spellcheck="false"
                            prop:value=move || json_text.get()
                            on:focus=move |_| editing.set(true)
                            on:blur=move |_| crate::browser::after_pointer_release(move || editing.set(false))
                            on:input=move |ev| on_json(event_target_value(&ev))></textarea>
                        {move || typed.with(|typed| typed.as_ref().err().cloned()).map(|e| {
                            let offer = matches!(e, ImportError::NonStringLeaves { .. });
                            view! {
                                <p class="error" role="alert">{import_error(t, &e)}</p>
                                {offer.then(|| view! {
                                    <button type="button" class="secondary" on:click=store_as_text>{t.store_as_json_text}</button>
                                })}
                                <p class="hint">{t.json_rows_unchanged}</p>
                            }
                        })}
                        // What the rows the JSON gave lack (an empty scope or
                        // key), said here too: the rows are not shown.
                        {move || typed.with(Result::is_ok).then(|| errors.get().iter()
                            .map(|e| view! { <p class="error" data-json-row-error="">{row_error(t, e)}</p> })
                            .collect_view())}
                    }.into_any()
                }}
            </div>
        </fieldset>
    }
}
