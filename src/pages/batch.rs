//! `#/batch`: stop, resume or delete many connectors, a row per task.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use leptos::task::spawn_local;
use oms_core::batch::{self, BatchOperation, FailureCause, LineIssue, MAX_CONCURRENCY};
use oms_core::journal::{EntryKind, csv_field};
use oms_core::request::{Check, Severity};
use oms_core::task_name::TaskName;

use crate::components::clear_undo::ClearUndo;
use crate::components::confirm::{ConfirmDialog, Expected};
use crate::components::flags::ResumeFlags;
use crate::components::operation_form::check_text;
use crate::components::task_name::task_name_error;
use crate::components::{focus, held};
use crate::drafts::{Row, lasting_context, rows_of};
use crate::i18n::{Texts, failure_tally_text, fill, fill_count, outcome_name};
use crate::pages::PageIntro;
use crate::route::{NavMark, Page};
use crate::transport::{self, Cancel, Sent, Target};
use crate::{browser, console};

/// One task's row.
#[derive(Clone, Debug, PartialEq)]
struct BatchRow {
    task_name: TaskName,
    running: bool,
    sent: Option<Sent>,
}

impl BatchRow {
    fn outcome(&self) -> Option<&'static str> {
        self.sent.as_ref().map(|s| s.outcome.class().as_str())
    }

    /// Its refusal's `errCode`, `errMsg` and `errorDetail`, empty when
    /// absent or not refused.
    fn refusal(&self) -> [&str; 3] {
        let refusal = self.sent.as_ref().and_then(|s| s.outcome.refusal());
        refusal.unwrap_or_default().map(Option::unwrap_or_default)
    }

    fn failure(&self) -> Option<FailureCause> {
        self.sent
            .as_ref()
            .and_then(|s| FailureCause::of(&s.outcome))
    }

    fn failed(&self) -> bool {
        self.failure().is_some()
    }
}

/// How often, at most, a running batch redraws its rows: redrawing a long
/// table for every answer would keep the main thread from the answers still
/// arriving.
const REDRAW_MS: u32 = 200;

/// What happened to a row since the last redraw.
enum RowChange {
    /// Its request was sent.
    Sending(usize),
    /// Its answer.
    Answered(usize, Box<Sent>),
}

/// A running batch's row changes, applied together at most every [`REDRAW_MS`].
#[derive(Clone)]
struct Redraw {
    rows: Vec<Row<BatchRow>>,
    changes: Rc<RefCell<Vec<RowChange>>>,
    scheduled: Rc<Cell<bool>>,
}

impl Redraw {
    fn push(&self, change: RowChange) {
        self.changes.borrow_mut().push(change);
        if !self.scheduled.replace(true) {
            let this = self.clone();
            Timeout::new(REDRAW_MS, move || this.apply()).forget();
        }
    }

    fn apply(&self) {
        self.scheduled.set(false);
        for change in self.changes.take() {
            match change {
                RowChange::Sending(i) => self.rows[i].value.update(|r| r.running = true),
                RowChange::Answered(i, sent) => self.rows[i].value.update(|r| {
                    r.running = false;
                    r.sent = Some(*sent);
                }),
            }
        }
    }
}

fn issue_text(t: &Texts, issue: &LineIssue) -> String {
    match issue {
        LineIssue::Empty => t.batch_line_empty.to_owned(),
        LineIssue::Duplicate { first_line } => {
            fill(t.batch_line_duplicate, &[&first_line.to_string()])
        }
        LineIssue::Invalid(error) => {
            format!("{} {}", task_name_error(t, error), t.batch_line_skipped)
        }
        LineIssue::NotUnderstood => t.batch_line_not_understood.to_owned(),
        LineIssue::RunTogether => t.batch_line_run_together.to_owned(),
    }
}

/// The console's batch: its rows and where it stands, kept as long as the
/// console (not the page). A batch runs on when the page is left, and
/// coming back shows its rows, Cancel while it runs and Retry failed.
#[derive(Clone, Copy)]
struct BatchRun {
    /// One row per task of the last batch started.
    rows: RwSignal<Vec<Row<BatchRow>>>,
    /// How many rows are answered: counted once per redraw, for the page
    /// and its navigation link.
    answered: Memo<usize>,
    /// Whether its workers are running.
    running: RwSignal<bool>,
    /// Whether Cancel was asked for.
    cancel_requested: RwSignal<bool>,
    /// Whether the table shows only the rows that failed.
    only_failed: RwSignal<bool>,
    /// The operation and CM host confirmed for the rows: every row goes
    /// there, Retry failed too, whatever the form or the profiles say since.
    confirmed: StoredValue<Option<(BatchOperation, Target)>>,
}

/// The tasks a check concerns, the first few by name.
fn concerned_text(t: &Texts, concerned: &[String]) -> String {
    const NAMED: usize = 5;
    let mut named = concerned[..concerned.len().min(NAMED)].join(t.list_separator);
    if concerned.len() > NAMED {
        named = format!(
            "{named} {}",
            fill(
                t.batch_check_more,
                &[&(concerned.len() - NAMED).to_string()]
            )
        );
    }
    fill_count(t.batch_check_tasks, concerned.len(), &[&named])
}

/// The batch page.
#[component]
pub fn BatchPage() -> impl IntoView {
    let c = console();
    let t = c.t;
    let text = c.drafts.batch_text;
    let op = c.drafts.batch_operation;
    let pull_back = c.drafts.batch_pull_back_flag;
    let restart = c.drafts.batch_restart_flag;
    let workers = c.drafts.batch_concurrency;
    let plan = Memo::new(move |_| batch::plan(&text.get()));
    let BatchRun {
        rows,
        answered,
        running,
        cancel_requested,
        only_failed,
        confirmed,
    } = lasting_context(|| {
        let running = RwSignal::new(false);
        let rows = RwSignal::new(Vec::<Row<BatchRow>>::new());
        // Follows the rows, which a running batch redraws at most every
        // REDRAW_MS.
        let answered = Memo::new(move |_| {
            rows.with(|all| {
                all.iter()
                    .filter(|r| r.value.with(|r| r.sent.is_some()))
                    .count()
            })
        });
        // The link says how far the batch is, from every page.
        c.marks.show(
            Page::Batch,
            Signal::derive(move || {
                running
                    .get()
                    .then(|| NavMark::Progress(answered.get(), rows.with(Vec::len)))
            }),
        );
        BatchRun {
            rows,
            answered,
            running,
            cancel_requested: RwSignal::new(false),
            only_failed: RwSignal::new(false),
            confirmed: StoredValue::new(None),
        }
    });
    let dialog_open = RwSignal::new(false);
    let tried = RwSignal::new(false);
    let operation = Memo::new(move |_| match op.get().as_str() {
        "resume" => BatchOperation::Resume {
            pull_back_flag: pull_back.get(),
            restart_flag: restart.get(),
        },
        "delete" => BatchOperation::Delete,
        _ => BatchOperation::Stop,
    });
    let concurrency = Memo::new(move |_| {
        workers
            .get()
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=MAX_CONCURRENCY).contains(n))
    });
    let journal = c.journal.journal();
    let recent = Memo::new(move |_| {
        plan.with(|plan| journal.with(|journal| batch::recent_names(journal, plan)))
    });

    let run = move |all: Vec<Row<BatchRow>>, indices: Vec<usize>| {
        let Some(workers) = concurrency.get_untracked() else {
            return;
        };
        let Some((operation, target)) = confirmed.get_value() else {
            return;
        };
        if indices.is_empty() || running.get_untracked() {
            return;
        }
        let entry = c.journal.start(
            &target.profile,
            EntryKind::Batch(operation.kind()),
            &fill_count(t.batch_tasks, indices.len(), &[]),
        );
        running.set(true);
        cancel_requested.set(false);
        browser::mark("oms-batch-start");
        // Rows retried start afresh; new ones are not drawn twice.
        for &i in &indices {
            all[i].value.maybe_update(|r| {
                let changed = r.sent.take().is_some() || r.running;
                r.running = false;
                changed
            });
        }
        let redraw = Redraw {
            rows: all,
            changes: Rc::default(),
            scheduled: Rc::default(),
        };
        let queue = Rc::new(RefCell::new(indices.into_iter().collect::<VecDeque<_>>()));
        let active = Rc::new(Cell::new(batch::concurrency(workers)));
        for _ in 0..batch::concurrency(workers) {
            let queue = queue.clone();
            let active = active.clone();
            let redraw = redraw.clone();
            let entry = entry.clone();
            let target = target.clone();
            spawn_local(async move {
                loop {
                    // Cancel ends the batch; so does a console taken down
                    // (its signals are gone). Leaving the page does not.
                    if cancel_requested.try_get_untracked().unwrap_or(true) {
                        break;
                    }
                    let Some(i) = queue.borrow_mut().pop_front() else {
                        break;
                    };
                    let Some(task_name) = redraw.rows[i]
                        .value
                        .try_with_untracked(|r| r.task_name.clone())
                    else {
                        break;
                    };
                    let Some(handle) = Cancel::new() else { break };
                    let request = operation.for_task(task_name).request();
                    let step = format!("{}", i + 1);
                    redraw.push(RowChange::Sending(i));
                    let flight = c.journal.sending(&entry, &step, &request);
                    let sent = transport::send(&request, &target, handle).await;
                    c.journal.add_soon(flight, sent.record(&step, &request));
                    redraw.push(RowChange::Answered(i, Box::new(sent)));
                }
                active.set(active.get() - 1);
                if active.get() == 0 {
                    redraw.apply();
                    c.journal.flush();
                    running.set(false);
                    browser::mark("oms-batch-end");
                }
            });
        }
    };
    // A journal entry's *Fill form* offers back the list it replaced, until
    // the list is changed (typed, cleaned, a recent name added) or run.
    let undo = ClearUndo::new();
    Effect::watch(move || text.track(), move |_, _, _| undo.forget(), false);
    let start = move || {
        undo.forget();
        confirmed.set_value(Some((operation.get_untracked(), c.target())));
        let names = plan.get_untracked().names;
        let fresh = rows_of(
            names
                .into_iter()
                .map(|task_name| BatchRow {
                    task_name,
                    running: false,
                    sent: None,
                })
                .collect(),
        );
        // The first requests leave before the rows are drawn: drawing
        // hundreds of rows takes longer than sending the first few.
        run(fresh.clone(), (0..fresh.len()).collect());
        rows.set(fresh);
    };
    // The core's checks for every task: errors block, warnings are shown
    // once each, with the message of the first task they concern and, when
    // not every task, the tasks they concern (the confirmation is the
    // deliberate second step).
    let checks = Memo::new(move |_| {
        let operation = operation.get();
        plan.with(|plan| {
            let names = &plan.names;
            let mut found: Vec<(Check, String, Vec<String>)> = Vec::new();
            for name in names {
                let task = operation.for_task(name.clone());
                for check in task.checks() {
                    match found.iter_mut().find(|(c, _, _)| *c == check) {
                        Some((_, _, concerned)) => concerned.push(name.to_string()),
                        None => {
                            found.push((check, check_text(t, check, &task), vec![name.to_string()]))
                        }
                    }
                }
            }
            found
                .into_iter()
                .map(|(check, text, concerned)| {
                    let text = if concerned.len() < names.len() {
                        format!("{text} {}", concerned_text(t, &concerned))
                    } else {
                        text
                    };
                    (check, text)
                })
                .collect::<Vec<_>>()
        })
    });
    let blocked = move || checks.with(|c| c.iter().any(|(c, _)| c.severity() == Severity::Error));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if running.get_untracked()
            || plan.with_untracked(|p| p.names.is_empty())
            || concurrency.get_untracked().is_none()
            || blocked()
        {
            return;
        }
        dialog_open.set(true);
    };
    // Held, not disabled, while the batch runs or when nothing failed: it
    // keeps the focus through the retry it starts.
    let retry_failed = move |_| {
        let failed: Vec<usize> = rows.with_untracked(|all| {
            all.iter()
                .enumerate()
                .filter(|(_, r)| r.value.with_untracked(BatchRow::failed))
                .map(|(i, _)| i)
                .collect()
        });
        if running.get_untracked() || failed.is_empty() {
            return;
        }
        run(rows.get_untracked(), failed);
    };
    let export = move |_| {
        let mut csv = format!("{}\r\n", t.csv_batch_header);
        for row in rows.get_untracked() {
            let r = row.value.get_untracked();
            let [code, msg, detail] = r.refusal();
            let fields = [
                r.task_name.to_string(),
                r.outcome().unwrap_or(t.batch_not_sent).to_owned(),
                r.sent
                    .as_ref()
                    .and_then(|s| s.status)
                    .map(|s| s.to_string())
                    .unwrap_or_default(),
                code.to_owned(),
                msg.to_owned(),
                r.sent
                    .as_ref()
                    .map(|s| s.latency_ms.to_string())
                    .unwrap_or_default(),
                detail.to_owned(),
            ];
            csv.push_str(
                &fields
                    .iter()
                    .map(|f| csv_field(f))
                    .collect::<Vec<_>>()
                    .join(","),
            );
            csv.push_str("\r\n");
        }
        browser::download("batch.csv", "text/csv", &csv);
    };
    let total = move || rows.with(Vec::len);
    let start_button = NodeRef::<leptos::html::Button>::new();
    let names_field = NodeRef::<leptos::html::Textarea>::new();
    let failures = Memo::new(move |_| {
        rows.with(|all| {
            batch::failure_tally(all.iter().filter_map(|r| r.value.with(BatchRow::failure)))
        })
    });
    let failed = move || failures.with(|f| f.iter().map(|(_, count)| count).sum::<usize>());
    let shown_rows = move || {
        let all = rows.get();
        if only_failed.get() {
            all.into_iter()
                .filter(|r| r.value.with(BatchRow::failed))
                .collect()
        } else {
            all
        }
    };
    let message = Signal::derive(move || {
        let count = plan.with(|p| p.names.len());
        fill_count(t.batch_confirm, count, &[operation.get().kind().as_str()])
    });
    let typed = Signal::derive(move || {
        (operation.get() == BatchOperation::Delete)
            .then(|| Expected::exact(plan.with(|p| p.names.len()).to_string()))
    });
    view! {
        <PageIntro title=t.page_batch help=t.batch_help />
        <form class="operation" on:submit=submit on:input=move |_| undo.forget() novalidate>
            <div class="field">
                <label for="taskNames">{t.batch_names_label}</label>
                <textarea id="taskNames" name="taskNames" rows="8" spellcheck="false" node_ref=names_field
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                <p class="hint" data-batch-count="">{move || fill_count(t.batch_count, plan.with(|p| p.names.len()), &[])}</p>
            </div>
            {move || {
                let names = recent.get();
                (!names.is_empty()).then(|| view! {
                    <div class="recent">
                        <span class="muted">{t.batch_recent}</span>
                        {names.into_iter().map(|name| {
                            let add = name.clone();
                            view! {
                                <button type="button" class="secondary small" on:click=move |_| {
                                    text.update(|t| {
                                        if !t.is_empty() && !t.ends_with('\n') { t.push('\n'); }
                                        t.push_str(&add);
                                        t.push('\n');
                                    });
                                    if let Some(list) = names_field.get_untracked() { let _ = list.focus(); }
                                }>{name}</button>
                            }
                        }).collect_view()}
                    </div>
                })
            }}
            {move || text.with(|typed| batch::cleaned(typed)).map(|clean| view! {
                <p class="hint" data-batch-clean="">{t.batch_clean_hint} " "
                    <button type="button" class="secondary small" on:click=move |_| text.set(clean.clone())>{t.batch_clean}</button>
                </p>
            })}
            <ul class="warnings" hidden=move || plan.with(|p| p.flagged.is_empty())>
                {move || plan.with(|p| p.flagged.clone()).into_iter().map(|(line, text, issue)| view! {
                    <li data-line=line>{fill(t.batch_line, &[&line.to_string()])} " "
                        {(!text.is_empty()).then(|| view! { <code>{text}</code> " " })}
                        {issue_text(t, &issue)}</li>
                }).collect_view()}
            </ul>
            <div class="grid3">
                <label>
                    <span>{t.batch_operation}</span>
                    <select name="operation" prop:value=move || op.get() on:change=move |ev| op.set(event_target_value(&ev))>
                        <option value="stop">{t.op_stop}</option>
                        <option value="resume">{t.op_resume}</option>
                        <option value="delete">{t.op_delete}</option>
                    </select>
                </label>
                <label>
                    <span>{t.batch_concurrency}</span>
                    <input name="concurrency" inputmode="numeric" autocomplete="off"
                        prop:value=move || workers.get() on:input=move |ev| workers.set(event_target_value(&ev)) />
                </label>
            </div>
            {move || concurrency.get().is_none().then(|| view! { <p class="error">{t.batch_concurrency_bad}</p> })}
            {move || checks.get().into_iter().map(|(check, text)| {
                let class = if check.severity() == Severity::Error { "error" } else { "warning" };
                view! { <p class=class data-check="">{text}</p> }
            }).collect_view()}
            <Show when=move || matches!(operation.get(), BatchOperation::Resume { .. })>
                <ResumeFlags pull_back_flag=pull_back restart_flag=restart />
            </Show>
            {move || (tried.get() && plan.with(|p| p.names.is_empty())).then(|| view! { <p class="error">{t.batch_empty}</p> })}
            <div class="actions">
                <button type="submit" node_ref=start_button aria-disabled=move || held(running.get())>{t.batch_start}</button>
                <Show when=move || running.get()>
                    <button type="button" class="secondary" data-action="cancel-batch" on:click=move |_| {
                        cancel_requested.set(true);
                        focus(start_button);
                    }>{t.cancel}</button>
                </Show>
                <button type="button" class="secondary" data-action="retry-failed"
                    aria-disabled=move || held(running.get() || failed() == 0) on:click=retry_failed>{t.batch_retry_failed}</button>
                <button type="button" class="secondary" disabled=move || total() == 0 on:click=export>{t.export_csv}</button>
                {undo.view()}
            </div>
        </form>
        <ConfirmDialog
            open=dialog_open
            title=t.confirm_title
            message=message
            typed=typed
            confirm_label=t.batch_start
            on_confirm=Callback::new(move |()| start())
        />
        <Show when=move || { total() > 0 }>
            <section class="batch-results">
                <progress max=total value=answered aria-label=t.batch_progress></progress>
                <p role="status" data-batch-progress="">
                    {move || fill(t.batch_progress_text, &[&answered.get().to_string(), &total().to_string(), &failed().to_string()])}
                    {move || (cancel_requested.get() && !running.get()).then(|| format!(" {}", t.batch_cancelled))}
                </p>
                {move || (failed() > 0).then(|| view! {
                    <p data-batch-failures="">{failures.with(|tally| failure_tally_text(t, tally))}</p>
                })}
                <label class="inline">
                    <input type="checkbox" name="onlyFailed" prop:checked=only_failed
                        on:change=move |ev| only_failed.set(event_target_checked(&ev)) />
                    {t.batch_only_failed}
                </label>
                // Its roles, said outright: the style draws its rows as grids.
                <table role="table">
                    <thead role="rowgroup"><tr role="row"><th role="columnheader">"taskName"</th><th role="columnheader">{t.batch_outcome}</th>
                        <th role="columnheader">"errCode"</th><th role="columnheader">"errMsg"</th></tr></thead>
                    <tbody role="rowgroup">
                        <For each=shown_rows key=|row| row.id let:row>
                            {
                                let value = row.value;
                                view! {
                                    <tr role="row" data-task-name=move || value.with(|r| r.task_name.to_string()) data-outcome=move || value.with(BatchRow::outcome)>
                                        <td role="cell"><code>{move || value.with(|r| r.task_name.to_string())}</code></td>
                                        <td role="cell">{move || value.with(|r| if r.running { t.sending.to_owned() } else { r.outcome().map_or(t.batch_not_sent, |o| outcome_name(t, o)).to_owned() })}</td>
                                        <td role="cell">{move || value.with(|r| r.refusal()[0].to_owned())}</td>
                                        <td role="cell">{move || value.with(|r| r.refusal()[1].to_owned())}</td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
                {move || (only_failed.get() && failed() == 0 && !running.get()).then(|| view! { <p class="muted" data-batch-none-failed="">{t.batch_none_failed}</p> })}
            </section>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{EN, ZH};

    #[test]
    fn a_check_names_the_first_five_tasks_it_concerns() {
        let names: Vec<String> = (1..=7).map(|i| format!("t{i}")).collect();
        assert_eq!(concerned_text(&EN, &names[..1]), "It concerns 1 task: t1.");
        assert_eq!(
            concerned_text(&EN, &names),
            "It concerns 7 tasks: t1, t2, t3, t4, t5 and 2 more."
        );
        assert_eq!(concerned_text(&ZH, &names[..2]), "涉及 2 个任务：t1、t2。");
    }
}
