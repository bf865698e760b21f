//! `#/pullback`: the reference's recipe as a guided flow — stop, update
//! `source.checkpoint`, resume with `pullBackFlag=true` — halting at the
//! first failure with the ways out.

use leptos::prelude::*;
use oms_core::checkpoint::{self, Zone};
use oms_core::envelope::Outcome;
use oms_core::journal::EntryKind;
use oms_core::pullback::pullback_steps;
use oms_core::request::{Check, METHOD, Operation, Request};
use oms_core::task_name::{Component, TaskName};

use crate::browser::{self, IntlZones};
use crate::components::checkpoint::{
    CheckpointBuilder, Computed, checkpoint_error, computed, computed_warnings, remember_subtopics,
    subtopic_error,
};
use crate::components::clear_undo::{ClearUndo, emptied, together};
use crate::components::confirm::{ConfirmDialog, Expected};
use crate::components::operation_form::check_text;
use crate::components::response::ResponsePanel;
use crate::components::share::ShareLink;
use crate::components::task_name::TaskNameField;
use crate::components::{SecondClick, error_list};
use crate::drafts::{lasting_context, rows_of, values_of};
use crate::i18n::{Texts, fill};
use crate::journal::Started;
use crate::pages::{PageIntro, task_name_or_error};
use crate::route::{NavMark, Page};
use crate::transport::{self, Cancel, Sent, Target};
use crate::{Console, console};

/// Where a step stands.
#[derive(Clone, Debug, PartialEq)]
enum StepState {
    Waiting,
    Running,
    Done(Sent),
    Failed(Sent),
    Skipped,
}

impl StepState {
    fn name(&self) -> &'static str {
        match self {
            Self::Waiting => "waiting",
            Self::Running => "running",
            Self::Done(_) => "done",
            Self::Failed(_) => "failed",
            Self::Skipped => "skipped",
        }
    }

    fn sent(&self) -> Option<Sent> {
        match self {
            Self::Done(sent) | Self::Failed(sent) => Some(sent.clone()),
            _ => None,
        }
    }
}

/// What a pullback of `task_name` warns of, its start then needing a second
/// click: a task not known to be an Incr-Sync (step 3 would be refused
/// after step 1 stopped it), what the checkpoint builder warns of in its
/// `checkpoint` (a time in the future or long past replays or skips
/// changes), and what the core's checks find in `steps`.
fn pullback_warnings(
    t: &Texts,
    task_name: Option<&TaskName>,
    checkpoint: Option<&Computed>,
    steps: Option<&[Operation; 3]>,
) -> Vec<String> {
    let mut warnings = Vec::new();
    match task_name.map(|n| n.component()) {
        Some(None) => warnings.push(t.pullback_type_unknown.to_owned()),
        Some(Some(component)) if *component != Component::IncrSync => {
            warnings.push(t.pullback_not_incr.to_owned())
        }
        _ => {}
    }
    if let Some(checkpoint) = checkpoint {
        warnings.extend(computed_warnings(t, checkpoint));
    }
    for step in steps.into_iter().flatten() {
        warnings.extend(
            step.checks()
                .into_iter()
                .filter(|c| *c != Check::PullBackNotIncrSync)
                .map(|c| check_text(t, c, step)),
        );
    }
    warnings
}

/// A pullback once confirmed: fixed, whatever the fields do afterwards.
#[derive(Clone, Debug, PartialEq)]
struct Plan {
    task_name: TaskName,
    steps: [Operation; 3],
    target_zone: String,
    target_utc: String,
}

fn step_state_label(t: &Texts, state: &StepState) -> &'static str {
    match state {
        StepState::Waiting => t.step_waiting,
        StepState::Running => t.step_running,
        StepState::Done(_) => t.step_done,
        StepState::Failed(_) => t.step_failed,
        StepState::Skipped => t.step_skipped,
    }
}

fn step_title(t: &Texts, index: usize) -> &'static str {
    [t.step_stop, t.step_update, t.step_resume][index]
}

/// Where the connector stands when step `index` failed with `outcome`.
fn standing(t: &Texts, index: usize, outcome: &Outcome) -> &'static str {
    if outcome.may_have_applied() {
        return [
            t.stands_stop_unknown,
            t.stands_update_unknown,
            t.stands_resume_unknown,
        ][index];
    }
    [
        t.stands_running,
        t.stands_stopped_unchanged,
        t.stands_stopped_updated,
    ][index]
}

/// A confirmed pullback: its journal entry and the CM host every one of its
/// requests goes to, retries included.
#[derive(Clone)]
struct Flow {
    entry: Started,
    target: Target,
}

/// The console's pullback: where its steps stand, kept as long as the
/// console (not the page), so that coming back to the page shows a flow
/// still running, or halted with its ways out, and no second one starts
/// while it runs.
#[derive(Clone, Copy)]
struct Run {
    /// The confirmed plan, once started.
    plan: RwSignal<Option<Plan>>,
    /// Each step's state.
    states: [RwSignal<StepState>; 3],
    /// Whether a request of the flow is in flight.
    busy: RwSignal<bool>,
    /// Cancels the request in flight.
    cancel: StoredValue<Option<Cancel>, LocalStorage>,
    /// The answer to *Resume without pullback*.
    restore: RwSignal<Option<Sent>>,
    /// Its journal entry and CM host.
    flow: StoredValue<Option<Flow>, LocalStorage>,
}

impl Run {
    /// The console's run, made on the page's first visit.
    fn of_console() -> Self {
        let Console { marks, journal, .. } = console();
        lasting_context(|| {
            let run = Self {
                plan: RwSignal::new(None),
                states: std::array::from_fn(|_| RwSignal::new(StepState::Waiting)),
                busy: RwSignal::new(false),
                cancel: StoredValue::new_local(None),
                restore: RwSignal::new(None),
                flow: StoredValue::new_local(None),
            };
            marks.show(Page::Pullback, Signal::derive(move || run.mark()));
            // A halt the page leaves is said at the next start: the
            // connector may be left stopped. (A step in flight is the
            // journal's to say.)
            let leaving = window_event_listener(leptos::ev::pagehide, move |ev| {
                if ev.persisted() || run.busy.get_untracked() {
                    return;
                }
                if let Some((task_name, step)) = run.halted_at() {
                    journal.left_halted(&task_name, step);
                }
            });
            on_cleanup(move || leaving.remove());
            run
        })
    }

    /// The task and step (from 1) the pullback halted at, while it waits.
    fn halted_at(&self) -> Option<(String, usize)> {
        untrack(|| {
            if self.mark() != Some(NavMark::Halted) {
                return None;
            }
            let step = self.failed_step()?;
            let task_name = self
                .plan
                .with(|p| p.as_ref().map(|p| p.task_name.to_string()))?;
            Some((task_name, step + 1))
        })
    }

    /// The step (from 0) that failed, if one did.
    fn failed_step(&self) -> Option<usize> {
        self.states
            .iter()
            .position(|s| s.with(|s| matches!(s, StepState::Failed(_))))
    }

    /// Running while a request of the flow is in flight; halted while a
    /// step failed and the task was not resumed without pullback.
    fn mark(&self) -> Option<NavMark> {
        if self.busy.get() {
            return Some(NavMark::Running);
        }
        let failed = self.plan.with(Option::is_some) && self.failed_step().is_some();
        let resumed = self.restore.with(|r| {
            r.as_ref()
                .is_some_and(|sent| matches!(sent.outcome, Outcome::Success { .. }))
        });
        (failed && !resumed).then_some(NavMark::Halted)
    }
}

/// Sends one request of `flow`, cancellable with `cancel`, and journals it
/// (`None` only when the browser has no AbortController).
async fn send_recorded(
    c: Console,
    cancel: StoredValue<Option<Cancel>, LocalStorage>,
    flow: &Flow,
    step: &str,
    request: &Request,
) -> Option<Sent> {
    let handle = Cancel::new()?;
    cancel.set_value(Some(handle.clone()));
    let flight = c.journal.sending(&flow.entry, step, request);
    let sent = transport::send(request, &flow.target, handle).await;
    c.journal.add(flight, sent.record(step, request));
    Some(sent)
}

/// The pullback page.
#[component]
pub fn PullbackPage() -> impl IntoView {
    let c = console();
    let t = c.t;
    let d = c.drafts;
    let name = task_name_or_error();
    let checkpoint = computed(d.checkpoint);
    let plan = Memo::new(move |_| -> Result<Plan, Vec<String>> {
        let mut errors = Vec::new();
        let task_name = name.get().map_err(|e| errors.push(e)).ok();
        let computed = match checkpoint.get() {
            Ok(computed) => Some(computed),
            Err(e) => {
                errors.push(checkpoint_error(t, &e));
                None
            }
        };
        let text = computed.as_ref().and_then(|c| {
            c.text
                .clone()
                .map_err(|es| errors.extend(es.iter().map(|e| subtopic_error(t, e))))
                .ok()
        });
        match (task_name, computed, text) {
            (Some(task_name), Some(computed), Some(text)) if errors.is_empty() => Ok(Plan {
                steps: pullback_steps(&task_name, &text),
                task_name,
                target_zone: checkpoint::format_instant(computed.epoch, &computed.zone, &IntlZones)
                    .unwrap_or_default(),
                target_utc: checkpoint::format_instant(computed.epoch, &Zone::Utc, &IntlZones)
                    .unwrap_or_default(),
            }),
            _ => Err(errors),
        }
    });
    let tried = RwSignal::new(false);
    let dialog_open = RwSignal::new(false);
    let run = Run::of_console();
    let Run {
        plan: running,
        states,
        busy,
        cancel,
        restore,
        flow,
    } = run;

    let run_from = Action::new_local(move |start: &usize| {
        let start = *start;
        async move {
            // Read before the first request: a confirmed flow runs to its end
            // even when the page is left meanwhile (its journal says how).
            let (Some(plan), Some(flow)) = (running.get_untracked(), flow.get_value()) else {
                busy.set(false);
                return;
            };
            for (index, state) in states.iter().enumerate().skip(start) {
                state.set(StepState::Running);
                let request = plan.steps[index].request();
                let Some(sent) =
                    send_recorded(c, cancel, &flow, step_title(t, index), &request).await
                else {
                    break;
                };
                let ok = matches!(sent.outcome, Outcome::Success { .. });
                state.set(if ok {
                    StepState::Done(sent)
                } else {
                    StepState::Failed(sent)
                });
                if !ok {
                    break;
                }
            }
            busy.set(false);
        }
    });
    let go = move |start: usize| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        run_from.dispatch(start);
    };
    // A way out of a halt leaves with the halt, and Cancel with the run:
    // the focus goes to the steps, where what follows shows.
    let steps_list = NodeRef::<leptos::html::Ol>::new();
    let focus_steps = move || crate::components::focus(steps_list);
    let own = EntryKind::Pullback.name();
    let warnings = Memo::new(move |_| {
        let mut warnings = plan.with(|plan| {
            let steps = plan.as_ref().ok().map(|p| &p.steps);
            checkpoint.with(|checkpoint| {
                name.with(|n| {
                    pullback_warnings(t, n.as_ref().ok(), checkpoint.as_ref().ok(), steps)
                })
            })
        });
        // A request for the task still in flight from another page.
        warnings.extend(name.with(|n| {
            n.as_ref()
                .ok()
                .and_then(|n| c.journal.under_way(t, n.as_str(), &own))
        }));
        warnings
    });
    let second_click = SecondClick::new(warnings, move || plan.track());
    let undo = ClearUndo::new();
    // The builder's buttons (Now, a step back) change the time without
    // typing: its way back goes as a typed change's does.
    Effect::watch(
        move || d.checkpoint.instant.track(),
        move |_, _, _| undo.forget(),
        false,
    );
    let start = move || {
        let Ok(plan) = plan.get_untracked() else {
            return;
        };
        remember_subtopics(plan.task_name.as_str(), &values_of(&d.checkpoint.subtopics));
        for state in states {
            state.set(StepState::Waiting);
        }
        restore.set(None);
        let target = c.target();
        let entry = c.journal.start(
            &target.profile,
            EntryKind::Pullback,
            plan.task_name.as_str(),
        );
        flow.set_value(Some(Flow { entry, target }));
        running.set(Some(plan));
        second_click.forget();
        undo.forget();
        go(0);
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if busy.get_untracked() || plan.get_untracked().is_err() {
            return;
        }
        if !second_click.holds() {
            dialog_open.set(true);
        }
    };
    let skip = move |index: usize| {
        states[index].set(StepState::Skipped);
        if index < 2 {
            go(index + 1)
        }
    };
    let resume_plain = Action::new_local(move |(): &()| async move {
        let (Some(plan), Some(flow)) = (running.get_untracked(), flow.get_value()) else {
            busy.set(false);
            return;
        };
        let operation = Operation::Resume {
            task_name: plan.task_name.clone(),
            pull_back_flag: false,
            restart_flag: false,
        };
        let request = operation.request();
        let Some(sent) = send_recorded(c, cancel, &flow, t.resume_without_pullback, &request).await
        else {
            busy.set(false);
            return;
        };
        restore.set(Some(sent));
        busy.set(false);
    });
    let summary = Signal::derive(move || match plan.get() {
        Ok(p) => {
            let when = if p.target_zone == p.target_utc {
                p.target_zone
            } else {
                fill(t.time_and_utc, &[&p.target_zone, &p.target_utc])
            };
            fill(t.pullback_summary, &[p.task_name.as_str(), &when])
        }
        Err(_) => String::new(),
    });
    let typed = Signal::derive(move || plan.get().ok().map(|p| Expected::task_name(&p.task_name)));
    view! {
        <PageIntro title=t.op_pullback help=t.pullback_help />
        <form class="operation" on:submit=submit on:input=move |_| undo.forget() novalidate>
            <TaskNameField />
            <CheckpointBuilder draft=d.checkpoint />
            <Show when=move || tried.get() && plan.get().is_err()>
                {error_list(move || plan.get().err().unwrap_or_default())}
            </Show>
            <section class="preview">
                <h3>{t.pullback_steps_title}</h3>
                {move || match plan.get() {
                    Err(_) => view! { <p class="muted">{t.preview_incomplete}</p> }.into_any(),
                    Ok(p) => view! {
                        <ol class="plan">
                            {p.steps.iter().enumerate().map(|(i, op)| {
                                let request = op.request();
                                view! {
                                    <li>
                                        <strong>{step_title(t, i)}</strong>
                                        <p class="request-line"><span class="method">{METHOD}</span> " "
                                            <code class="url">{request.url(&browser::absolute_url(&c.base_url.get()))}</code></p>
                                        {request.body.map(|b| view! { <pre class="body">{b}</pre> })}
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    }.into_any(),
                }}
            </section>
            {second_click.view(t.pullback_second_click)}
            <div class="actions">
                <button type="submit" aria-disabled=move || crate::components::held(busy.get())
                    aria-busy=move || busy.get().to_string()>
                    {move || if busy.get() {
                        t.sending
                    } else if second_click.acknowledged() {
                        t.start_pullback_anyway
                    } else {
                        t.start_pullback
                    }}
                </button>
                <button type="button" class="secondary" data-action="clear-form" disabled=move || busy.get() on:click=move |_| {
                    running.set(None);
                    tried.set(false);
                    undo.cleared(together(vec![
                        emptied(d.task_name, String::new()),
                        emptied(d.checkpoint.date, String::new()),
                        emptied(d.checkpoint.time, String::new()),
                        emptied(d.checkpoint.subtopics, rows_of(vec![String::new()])),
                    ]));
                }>{t.clear_form}</button>
                <ShareLink />
                {undo.view()}
                <Show when=move || busy.get()>
                    <span class="spinner" role="progressbar" aria-label=t.sending></span>
                    <button type="button" class="secondary" data-action="cancel" on:click=move |_| {
                        if let Some(handle) = cancel.get_value() { handle.cancel() }
                        focus_steps();
                    }>{t.cancel}</button>
                </Show>
            </div>
        </form>
        <ConfirmDialog
            open=dialog_open
            title=t.pullback_confirm_title
            message=summary
            typed=typed
            confirm_label=t.start_pullback
            on_confirm=Callback::new(move |()| start())
        />
        <Show when=move || running.get().is_some()>
            <ol class="steps" aria-label=t.pullback_steps_title node_ref=steps_list tabindex="-1">
                {(0..3).map(|index| {
                    let state = states[index];
                    // Shown with the CM host the flow sends to.
                    let request = move || {
                        let plan = running.get()?;
                        let base = flow.with_value(|f| f.as_ref().map(|f| f.target.base_url.clone()))?;
                        Some((plan.steps[index].request(), base))
                    };
                    view! {
                        <li class="step" data-step=index + 1 data-state=move || state.get().name()>
                            <h3>{step_title(t, index)} " · " {move || step_state_label(t, &state.get())}</h3>
                            {move || request().map(|(r, base)| view! {
                                <p class="request-line"><span class="method">{METHOD}</span> " "
                                    <code class="url">{r.url(&browser::absolute_url(&base))}</code></p>
                                {r.body.map(|b| view! { <pre class="body">{b}</pre> })}
                            })}
                            <ResponsePanel sent=Signal::derive(move || state.get().sent()) />
                        </li>
                    }
                }).collect_view()}
            </ol>
            {move || run.failed_step().map(|index| {
                let outcome = states[index].get().sent().map(|s| s.outcome);
                let stands = outcome.map(|o| standing(t, index, &o)).unwrap_or_default();
                view! {
                    <div class="halt" role="alert" data-halted-at=index + 1>
                        <p class="strong">{fill(t.pullback_halted, &[&(index + 1).to_string()])}</p>
                        <p data-standing="">{stands}</p>
                        <div class="actions">
                            <button type="button" data-action="retry-step" on:click=move |_| { go(index); focus_steps() } disabled=move || busy.get()>{t.retry_step}</button>
                            {(index < 2).then(|| view! {
                                <button type="button" class="secondary" data-action="skip-step" on:click=move |_| { skip(index); focus_steps() } disabled=move || busy.get()>{t.skip_step}</button>
                            })}
                            {(index > 0).then(|| view! {
                                <button type="button" class="secondary" data-action="resume-without-pullback" disabled=move || busy.get() on:click=move |_| {
                                    busy.set(true);
                                    resume_plain.dispatch(());
                                    focus_steps();
                                }>{t.resume_without_pullback}</button>
                            })}
                        </div>
                    </div>
                }
            })}
            {move || restore.get().map(|sent| view! {
                <div data-restore="">
                <h3>{t.resume_without_pullback}</h3>
                <ResponsePanel sent=Signal::derive(move || Some(sent.clone())) />
                </div>
            })}
            {move || matches!(states[2].get(), StepState::Done(_)).then(|| view! {
                <p class="ok strong" role="status" data-pullback-done="">{t.pullback_done}</p>
            })}
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::EN;
    use oms_core::checkpoint::CheckpointWarning;

    fn warnings_for(name: &str) -> Vec<String> {
        let name = TaskName::parse(name).unwrap();
        let steps = pullback_steps(&name, r#"{"sub_a":"1676286000"}"#);
        pullback_warnings(&EN, Some(&name), None, Some(&steps))
    }

    #[test]
    fn a_pullback_warns_once_of_a_task_not_known_to_be_an_incr_sync() {
        let incr = "10.186.16.126-9000:connector_v2:np_56el1g1jvrs0-incr_trans-1-0:0000000002";
        assert!(warnings_for(incr).is_empty());
        let full = "10.186.16.126-9000:connector_v2:np_56el1g1jvrs0-full_trans-1-0:0000000001";
        assert_eq!(warnings_for(full), [EN.pullback_not_incr]);
        let v1 = "10.186.16.126-9000:connector:p_49abc-incr_trans-1-0:1";
        assert_eq!(warnings_for(v1), [EN.pullback_type_unknown]);
        assert!(pullback_warnings(&EN, None, None, None).is_empty());
    }

    #[test]
    fn a_pullback_warns_of_what_the_checkpoint_builder_warns_of() {
        let name = TaskName::parse(
            "10.186.16.126-9000:connector_v2:np_56el1g1jvrs0-incr_trans-1-0:0000000002",
        )
        .unwrap();
        let at = |warnings| Computed {
            epoch: 1_676_286_000,
            zone: Zone::Utc,
            ambiguity: None,
            warnings,
            text: Ok(r#"{"sub_a":"1676286000"}"#.into()),
        };
        let old = at(vec![CheckpointWarning::TooOld {
            seconds: 8 * 86_400,
        }]);
        assert_eq!(
            pullback_warnings(&EN, Some(&name), Some(&old), None),
            [
                "This time is 8 d 0 h ago, more than 7 days: the source may no longer hold data that old."
            ]
        );
        let future = at(vec![CheckpointWarning::InFuture { seconds: 3600 }]);
        assert_eq!(
            pullback_warnings(&EN, Some(&name), Some(&future), None),
            ["This time is 1 h 0 min in the future: the CM refuses a checkpoint in the future."]
        );
        assert!(pullback_warnings(&EN, Some(&name), Some(&at(vec![])), None).is_empty());
    }
}
