//! `#/journal`: every request this browser sent, newest first.

use leptos::prelude::*;
use oms_core::config_map::{delete_params_entries, import_json, is_secret_key, secret_keys};
use oms_core::envelope::OutcomeClass;
use oms_core::journal::{CSV_COLUMNS, EntryKind, Filter, INTERRUPTED, JournalEntry, to_csv};
use oms_core::pullback::checkpoint_in_body;
use oms_core::request::{OperationKind, query_param};

use crate::components::checkpoint::set_from_epoch;
use crate::components::confirm::ConfirmDialog;
use crate::drafts::{ConfigRowDraft, JournalFilterDraft, rows_of};
use crate::i18n::{entry_name, entry_task, failure_tally_text, fill, fill_count, outcome_name};
use crate::pages::PageIntro;
use crate::route::Page;
use crate::{Console, browser, console};

fn parse_local_ms(text: &str) -> Option<f64> {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(text));
    let ms = date.get_time();
    (!text.is_empty() && ms.is_finite()).then_some(ms)
}

/// The journal CSV's column names from the catalogue's comma-separated list.
fn csv_header(names: &'static str) -> [&'static str; CSV_COLUMNS] {
    let mut header = [""; CSV_COLUMNS];
    for (slot, name) in header.iter_mut().zip(names.split(',')) {
        *slot = name;
    }
    header
}

/// Fills the forms from an entry's first request (never sends) and opens its
/// page, which offers to put back what the forms held.
fn fill_form(c: Console, entry: &JournalEntry) {
    let kind = EntryKind::parse(&entry.operation);
    let hash = match kind {
        Some(EntryKind::Batch(_)) => "#/batch".to_owned(),
        _ if entry.requests.is_empty() => return,
        _ => format!("#/{}", entry.operation),
    };
    c.drafts
        .fill(Page::from_hash(&hash), || fill_drafts(c, entry, kind), None);
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(&hash);
    }
}

/// Sets the drafts an entry (of `kind`) fills from its first request, or a
/// batch's from every request.
fn fill_drafts(c: Console, entry: &JournalEntry, kind: Option<EntryKind>) {
    let d = c.drafts;
    let first = entry.requests.first();
    let param = |name: &str| first.and_then(|r| query_param(&r.params, name));
    let flag = |name: &str| param(name) == Some("true");
    if let Some(EntryKind::Batch(operation)) = kind {
        let names: Vec<String> = entry.requests.iter().map(|r| r.task_name.clone()).collect();
        d.batch_text.set(names.join("\n") + "\n");
        // The operation and flags it ran with (not the ones the page last
        // held: a batch of resumes filled in would have gone out as stops).
        d.batch_operation.set(operation.as_str().to_owned());
        d.batch_pull_back_flag.set(flag("pullBackFlag"));
        d.batch_restart_flag.set(flag("restartFlag"));
        return;
    }
    let Some(first) = first else {
        return;
    };
    d.task_name.set(entry.task_name.clone());
    match kind {
        Some(EntryKind::Single(OperationKind::Resume)) => {
            d.pull_back_flag.set(flag("pullBackFlag"));
            d.restart_flag.set(flag("restartFlag"));
        }
        Some(EntryKind::Single(OperationKind::Migrate)) => {
            d.ip.set(param("ip").unwrap_or_default().to_owned())
        }
        Some(EntryKind::Single(OperationKind::Update)) => {
            let deletes = param("deleteParams").unwrap_or_default();
            d.delete_params.set(rows_of(delete_params_entries(deletes)));
            let rows = first
                .body
                .as_deref()
                .and_then(|b| import_json(b).ok())
                .unwrap_or_default();
            let secrets = secret_keys(&rows);
            if !secrets.is_empty() {
                let notice = fill(
                    c.t.journal_fill_secrets,
                    &[&secrets.join(c.t.list_separator)],
                );
                c.notices.update(|n| n.push(notice));
            }
            d.config_rows.set(rows_of(
                rows.into_iter()
                    .map(|r| ConfigRowDraft {
                        value: if is_secret_key(&r.key) {
                            String::new()
                        } else {
                            r.value
                        },
                        scope: r.scope,
                        key: r.key,
                    })
                    .collect(),
            ));
        }
        Some(EntryKind::Pullback) => {
            let update = entry.requests.iter().find(|r| r.path.ends_with("/update"));
            if let Some((subtopics, epoch)) = update
                .and_then(|r| r.body.as_deref())
                .and_then(checkpoint_in_body)
            {
                d.checkpoint.subtopics.set(rows_of(subtopics));
                if let Some(epoch) = epoch {
                    set_from_epoch(d.checkpoint, epoch);
                }
            }
        }
        _ => {}
    }
}

/// The journal page.
#[component]
pub fn JournalPage() -> impl IntoView {
    let c = console();
    let t = c.t;
    let JournalFilterDraft {
        task_name,
        operation,
        outcome,
        from,
        to,
    } = c.drafts.journal_filter;
    let open_entry = RwSignal::new(None::<u64>);
    let confirm_clear = RwSignal::new(false);
    let filter = Memo::new(move |_| Filter {
        task_name: task_name.get(),
        operation: operation.get(),
        outcome: outcome.get(),
        from_ms: parse_local_ms(&from.get()),
        to_ms: parse_local_ms(&to.get()),
    });
    let journal = c.journal.journal();
    let entries = Memo::new(move |_| journal.with(|j| j.select(&filter.get())));
    let export_json = move |_| {
        let text = serde_json::to_string_pretty(&entries.get_untracked()).unwrap_or_default();
        browser::download("journal.json", "application/json", &text);
    };
    let export_csv = move |_| {
        browser::download(
            "journal.csv",
            "text/csv",
            &to_csv(
                &entries.get_untracked(),
                &csv_header(t.csv_journal_header),
                browser::local_time,
            ),
        );
    };
    view! {
        <PageIntro title=t.page_journal help=t.journal_help />
        <form class="filters" on:submit=|ev| ev.prevent_default()>
            <div class="grid3">
                <label><span>"taskName"</span>
                    <input name="filterTaskName" prop:value=move || task_name.get() on:input=move |ev| task_name.set(event_target_value(&ev)) /></label>
                <label><span>{t.journal_operation}</span>
                    <select name="filterOperation" prop:value=move || operation.get() on:change=move |ev| operation.set(event_target_value(&ev))>
                        <option value="">{t.journal_all}</option>
                        {EntryKind::ALL.map(|kind| view! { <option value=kind.name()>{entry_name(t, &kind.name())}</option> }).collect_view()}
                    </select></label>
                <label><span>{t.journal_outcome}</span>
                    <select name="filterOutcome" prop:value=move || outcome.get() on:change=move |ev| outcome.set(event_target_value(&ev))>
                        <option value="">{t.journal_all}</option>
                        {OutcomeClass::ALL.map(|o| view! { <option value=o.as_str()>{outcome_name(t, o.as_str())}</option> }).collect_view()}
                        <option value="pending">{t.outcome_name_pending}</option>
                        <option value=INTERRUPTED>{t.outcome_name_interrupted}</option>
                    </select></label>
                <label><span>{t.journal_from}</span>
                    <input name="filterFrom" type="datetime-local" step="1" prop:value=move || from.get() on:input=move |ev| from.set(event_target_value(&ev)) /></label>
                <label><span>{t.journal_to}</span>
                    <input name="filterTo" type="datetime-local" step="1" prop:value=move || to.get() on:input=move |ev| to.set(event_target_value(&ev)) /></label>
            </div>
            <div class="actions">
                <button type="button" class="secondary" data-action="export-json" on:click=export_json>{t.export_json}</button>
                <button type="button" class="secondary" data-action="export-csv" on:click=export_csv>{t.export_csv}</button>
                <button type="button" class="secondary" data-action="show-all"
                    on:click=move |_| {
                        for field in [task_name, operation, outcome, from, to] {
                            field.set(String::new());
                        }
                    }>{t.journal_show_all}</button>
                <button type="button" class="secondary" data-action="clear-journal" on:click=move |_| confirm_clear.set(true)>{t.journal_clear}</button>
            </div>
        </form>
        <p class="hint" role="status" data-journal-count="">{move || {
            let shown = entries.with(Vec::len);
            if filter.with(Filter::is_empty) {
                fill_count(t.journal_count, shown, &[])
            } else {
                fill_count(t.journal_count_filtered, journal.with(|j| j.entries.len()), &[&shown.to_string()])
            }
        }}</p>
        {move || filter.with(Filter::is_inverted).then(|| view! { <p class="error" role="alert" data-filter-inverted="">{t.journal_filter_inverted}</p> })}
        <ul class="journal">
            <For each=move || entries.get() key=|e| (e.id, e.requests.len()) let:entry>
                {
                    let id = entry.id;
                    let batch = matches!(EntryKind::parse(&entry.operation), Some(EntryKind::Batch(_)));
                    let shown = entry.clone();
                    let filled = entry.clone();
                    view! {
                        <li data-op=entry.operation.clone() data-task-name=entry.task_name.clone() data-outcome=entry.outcome().to_owned()>
                            <button type="button" class="entry" aria-expanded=move || (open_entry.get() == Some(id)).to_string()
                                on:click=move |_| open_entry.update(|o| *o = if *o == Some(id) { None } else { Some(id) })>
                                <span class="muted">{browser::local_time(entry.at_ms)}</span>
                                " " <strong>{entry_name(t, &entry.operation)}</strong>
                                " " <code>{entry_task(t, &entry.operation, &entry.task_name)}</code>
                                " " <span class=format!("outcome outcome-{}", entry.outcome())>{outcome_name(t, entry.outcome()).to_owned()}</span>
                                {(!batch).then(|| entry.err_code().map(|code| view! { " " <code data-err-code="">{code.to_owned()}</code> }))}
                                {batch.then(|| {
                                    let (answered, failed) = entry.tally();
                                    view! { " " <span class="muted" data-batch-tally="">{fill(t.journal_batch_tally, &[&answered.to_string(), &failed.to_string()])}</span> }
                                })}
                            </button>
                            <Show when=move || open_entry.get() == Some(id)>
                                <div class="entry-details">
                                    <p class="muted">{fill(t.journal_profile, &[&shown.profile])}</p>
                                    {(shown.outcome() == INTERRUPTED).then(|| view! { <p data-interrupted="">{t.journal_interrupted}</p> })}
                                    {batch.then(|| {
                                        let tally = shown.failures();
                                        (!tally.is_empty()).then(|| view! { <p data-batch-failures="">{failure_tally_text(t, &tally)}</p> })
                                    })}
                                    <ol>
                                        {shown.requests.iter().map(|r| {
                                            let query = r.params.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&");
                                            view! {
                                                <li>
                                                    <p><strong>{r.step.clone()}</strong> " " {r.method.clone()} " " <code>{format!("{}?{query}", r.path)}</code></p>
                                                    {r.body.clone().map(|b| view! { <pre class="body">{b}</pre> })}
                                                    <p>{outcome_name(t, &r.outcome).to_owned()} " " {r.status.map(|s| format!("HTTP {s}"))} " "
                                                        {r.err_code.clone()} " " {r.err_msg.clone()} " " {r.result.clone()} " " {format!("{} ms", r.latency_ms)}</p>
                                                    {r.error_detail.clone().map(|d| view! { <pre class="detail" tabindex="0">{d}</pre> })}
                                                </li>
                                            }
                                        }).collect_view()}
                                    </ol>
                                    {
                                        let entry = filled.clone();
                                        view! { <button type="button" data-action="fill-form" on:click=move |_| fill_form(c, &entry)>{t.journal_fill}</button> }
                                    }
                                </div>
                            </Show>
                        </li>
                    }
                }
            </For>
        </ul>
        <ConfirmDialog
            open=confirm_clear
            title=t.journal_clear
            message=Signal::derive(move || t.journal_clear_confirm.to_owned())
            typed=Signal::derive(|| None)
            confirm_label=t.journal_clear
            on_confirm=Callback::new(move |()| c.journal.clear())
        />
    }
}
