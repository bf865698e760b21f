//! The checkpoint builder: date, time and zone to epoch seconds, and the
//! `source.checkpoint` text for the task's subtopics.

use std::collections::BTreeMap;

use leptos::prelude::*;
use oms_core::checkpoint::{
    self, Ambiguity, CheckpointError, CheckpointWarning, DEFAULT_MAX_AGE_SECS, EpochUnit,
    SubtopicError, Zone,
};

use super::new_row::NewRows;
use crate::browser::IntlZones;
use crate::drafts::{CheckpointDraft, rows_of, values_of};
use crate::i18n::{Texts, fill};
use crate::store::{self, Unreadable};
use crate::{browser, console};

const SUBTOPICS_KEY: &str = "oms-console.subtopics.v1";

/// Fixed offsets offered besides `local` and `UTC`, in minutes.
const OFFSETS: [i32; 38] = [
    -720, -660, -600, -570, -540, -480, -420, -360, -300, -240, -210, -180, -120, -60, 60, 120,
    180, 210, 240, 270, 300, 330, 345, 360, 390, 420, 480, 525, 540, 570, 600, 630, 660, 720, 765,
    780, 825, 840,
];

/// A checkpoint the builder computed.
#[derive(Clone, Debug, PartialEq)]
pub struct Computed {
    /// Epoch seconds.
    pub epoch: i64,
    /// The zone it was read in.
    pub zone: Zone,
    /// Set when the local time was skipped or repeated.
    pub ambiguity: Option<Ambiguity>,
    /// Future or too old.
    pub warnings: Vec<CheckpointWarning>,
    /// The `source.checkpoint` text, when the subtopics are fine.
    pub text: Result<String, Vec<SubtopicError>>,
}

/// The zone a select value names (`local` is the browser's own; a browser
/// that names no zone computes in UTC, and its option says so).
pub fn zone_of(value: &str) -> Result<Zone, CheckpointError> {
    if value != "local" {
        return Zone::parse(value, &IntlZones);
    }
    match browser::time_zone() {
        Some(name) => Zone::parse(&name, &IntlZones),
        None => Ok(Zone::Utc),
    }
}

/// What the builder's inputs give.
pub fn computed(draft: CheckpointDraft) -> Memo<Result<Computed, CheckpointError>> {
    Memo::new(move |_| {
        let zone = zone_of(&draft.zone.get())?;
        let local = checkpoint::parse_local(&draft.date.get(), &draft.time.get())?;
        let resolved =
            checkpoint::to_epoch(local, &zone, &IntlZones)?.preferring(draft.instant.get());
        Ok(Computed {
            epoch: resolved.epoch,
            ambiguity: resolved.ambiguity,
            warnings: checkpoint::warnings(
                resolved.epoch,
                browser::now_secs(),
                DEFAULT_MAX_AGE_SECS,
            ),
            text: checkpoint::checkpoint_text(&values_of(&draft.subtopics), resolved.epoch),
            zone,
        })
    })
}

/// The message of an input problem.
pub fn checkpoint_error(t: &Texts, error: &CheckpointError) -> String {
    match error {
        CheckpointError::UnknownZone(zone) => fill(t.zone_unknown, &[zone]),
        CheckpointError::BadDate(date) if date.is_empty() => t.date_missing.to_owned(),
        CheckpointError::BadDate(date) => fill(t.date_bad, &[date]),
        CheckpointError::BadTime(time) if time.is_empty() => t.time_missing.to_owned(),
        CheckpointError::BadTime(time) => fill(t.time_bad, &[time]),
        CheckpointError::OutOfRange => t.out_of_range.to_owned(),
    }
}

/// The message of a subtopic problem (rows numbered from 1).
pub fn subtopic_error(t: &Texts, error: &SubtopicError) -> String {
    match error {
        SubtopicError::None => t.subtopic_none.to_owned(),
        SubtopicError::Empty { row } => fill(t.subtopic_empty, &[&(row + 1).to_string()]),
        SubtopicError::Duplicate { first, second } => fill(
            t.subtopic_duplicate,
            &[&(first + 1).to_string(), &(second + 1).to_string()],
        ),
    }
}

/// A duration in words, e.g. `2 d 3 h` (`2 天 3 小时`).
pub fn duration_words(t: &Texts, seconds: i64) -> String {
    let s = seconds.abs();
    let (d, h, m) = (s / 86_400, s % 86_400 / 3600, s % 3600 / 60);
    match (d, h, m) {
        (0, 0, 0) => format!("{s} {}", t.unit_seconds),
        (0, 0, m) => format!("{m} {}", t.unit_minutes),
        (0, h, m) => format!("{h} {} {m} {}", t.unit_hours, t.unit_minutes),
        (d, h, _) => format!("{d} {} {h} {}", t.unit_days, t.unit_hours),
    }
}

fn warning_text(t: &Texts, warning: &CheckpointWarning) -> String {
    match warning {
        CheckpointWarning::InFuture { seconds } => {
            fill(t.checkpoint_future, &[&duration_words(t, *seconds)])
        }
        CheckpointWarning::TooOld { seconds } => {
            fill(t.checkpoint_old, &[&duration_words(t, *seconds)])
        }
    }
}

fn ambiguity_text(t: &Texts, ambiguity: &Ambiguity, zone: &Zone) -> String {
    let at =
        |epoch: i64| checkpoint::format_instant(epoch, &Zone::Utc, &IntlZones).unwrap_or_default();
    match ambiguity {
        Ambiguity::Gap { taken, .. } => fill(t.checkpoint_gap, &[&zone.label(), &at(*taken)]),
        Ambiguity::Fold { taken, other } => fill(
            if taken < other {
                t.checkpoint_fold
            } else {
                t.checkpoint_fold_second
            },
            &[&zone.label(), &at(*taken), &at(*other)],
        ),
    }
}

/// The subtopics used per task name, as stored.
#[derive(Default, serde::Serialize, serde::Deserialize)]
struct Remembered {
    version: u32,
    tasks: BTreeMap<String, Vec<String>>,
}

/// The stored subtopics; unreadable text is set aside with a notice.
fn remembered() -> BTreeMap<String, Vec<String>> {
    let c = console();
    let mut notices = Vec::new();
    let parse = |text: &str| match serde_json::from_str::<Remembered>(text) {
        Ok(r) if r.version == 1 => Ok(r.tasks),
        Ok(r) => Err(Unreadable::Version(r.version)),
        Err(e) => Err(Unreadable::NotJson(e.to_string())),
    };
    let tasks = store::load(
        SUBTOPICS_KEY,
        c.t.stored_subtopics,
        parse,
        c.t,
        &mut notices,
    )
    .unwrap_or_default();
    if !notices.is_empty() {
        c.notices.update(|n| n.extend(notices));
    }
    tasks
}

/// Remembers the subtopics used for a task.
pub fn remember_subtopics(task_name: &str, subtopics: &[String]) {
    let mut tasks = remembered();
    tasks.insert(task_name.to_owned(), subtopics.to_vec());
    if let Ok(text) = serde_json::to_string(&Remembered { version: 1, tasks }) {
        browser::save(SUBTOPICS_KEY, &text);
    }
}

/// Shows the instant `epoch` in the builder's zone.
pub fn set_from_epoch(draft: CheckpointDraft, epoch: i64) {
    if let Ok(zone) = zone_of(&draft.zone.get_untracked())
        && let Ok((date, time)) = checkpoint::from_epoch(epoch, &zone, &IntlZones)
    {
        draft.date.set(date);
        draft.time.set(time);
        draft.instant.set(Some(epoch));
    }
}

/// The instant the date and time were set from, while the builder's
/// `result` still shows it (nothing typed since).
fn shown_instant(
    draft: CheckpointDraft,
    result: Memo<Result<Computed, CheckpointError>>,
) -> Option<i64> {
    draft.instant.get().filter(|instant| {
        result.with(|shown| shown.as_ref().is_ok_and(|shown| shown.epoch == *instant))
    })
}

/// Chooses the zone `zone`: an instant the builder's `result` still shows
/// stays that instant, shown in it; a date and time typed are read in it.
fn choose_zone(
    draft: CheckpointDraft,
    result: Memo<Result<Computed, CheckpointError>>,
    zone: String,
) {
    let shown = untrack(|| shown_instant(draft, result));
    draft.zone.set(zone);
    if let Some(instant) = shown {
        set_from_epoch(draft, instant);
    }
}

/// The builder's fields and live result.
#[component]
pub fn CheckpointBuilder(
    /// Its inputs.
    draft: CheckpointDraft,
) -> impl IntoView {
    let c = console();
    let t = c.t;
    let result = computed(draft);
    let new_subtopics = NewRows::default();
    let pasted = RwSignal::new(String::new());
    let pasted_note = RwSignal::new(None::<String>);
    let local_zone = browser::time_zone().unwrap_or_else(|| "UTC".into());
    Effect::new(move |_| {
        let name = c.drafts.task_name.get();
        let name = name.trim();
        let empty = values_of(&draft.subtopics)
            .iter()
            .all(|s| s.trim().is_empty());
        if empty && let Some(known) = remembered().get(name).filter(|k| !k.is_empty()) {
            draft.subtopics.set(rows_of(known.clone()));
        }
    });
    let step_back = move |seconds: i64| {
        let from = result
            .get_untracked()
            .map(|r| r.epoch)
            .unwrap_or_else(|_| browser::now_secs());
        set_from_epoch(draft, from - seconds);
    };
    let on_paste = move |text: String| {
        pasted.set(text.clone());
        if text.trim().is_empty() {
            pasted_note.set(None);
            return;
        }
        match checkpoint::parse_epoch(&text) {
            Ok((seconds, unit)) => {
                set_from_epoch(draft, seconds);
                pasted_note.set(Some(match unit {
                    EpochUnit::Seconds => t.pasted_seconds.to_owned(),
                    EpochUnit::Milliseconds => t.pasted_millis.to_owned(),
                    EpochUnit::Microseconds => t.pasted_micros.to_owned(),
                }));
            }
            Err(_) => pasted_note.set(Some(t.pasted_not_epoch.to_owned())),
        }
    };
    // A pasted epoch the date and time no longer show (changed since).
    let pasted_stale = move || {
        checkpoint::parse_epoch(&pasted.get())
            .is_ok_and(|(seconds, _)| shown_instant(draft, result) != Some(seconds))
    };
    let offsets = OFFSETS.map(|minutes| Zone::Fixed(minutes * 60).label());
    view! {
        <fieldset class="checkpoint" data-checkpoint-builder="" on:keydown=super::hold_enter>
            <legend>{t.checkpoint_title}</legend>
            <div class="grid3">
                <label>
                    <span>{t.date}</span>
                    <input name="date" type="date" required
                        prop:value=move || draft.date.get()
                        on:input=move |ev| draft.date.set(event_target_value(&ev)) />
                </label>
                <label>
                    <span>{t.time}</span>
                    <input name="time" type="time" step="1" required
                        prop:value=move || draft.time.get()
                        on:input=move |ev| draft.time.set(event_target_value(&ev)) />
                </label>
                <label>
                    <span>{t.zone}</span>
                    <select name="zone"
                        prop:value=move || draft.zone.get()
                        on:change=move |ev| choose_zone(draft, result, event_target_value(&ev))>
                        <option value="local">{fill(t.zone_local, &[&local_zone])}</option>
                        <option value="UTC">"UTC"</option>
                        {offsets.into_iter().map(|label| {
                            let text = if label == "UTC+08:00" { format!("{label} {}", t.zone_oms_usual) } else { label.clone() };
                            view! { <option value=label>{text}</option> }
                        }).collect_view()}
                    </select>
                </label>
            </div>
            {move || match shown_instant(draft, result) {
                Some(_) => view! { <p class="hint" data-zone-rule="instant">{t.zone_rule_instant}</p> },
                None => view! { <p class="hint" data-zone-rule="typed">{t.zone_rule_typed}</p> },
            }}
            <div class="actions">
                <button type="button" class="secondary small" on:click=move |_| set_from_epoch(draft, browser::now_secs())>{t.now}</button>
                <button type="button" class="secondary small" on:click=move |_| step_back(15 * 60)>{t.back_15_min}</button>
                <button type="button" class="secondary small" on:click=move |_| step_back(3600)>{t.back_1_h}</button>
                <button type="button" class="secondary small" on:click=move |_| step_back(6 * 3600)>{t.back_6_h}</button>
                <button type="button" class="secondary small" on:click=move |_| step_back(24 * 3600)>{t.back_24_h}</button>
            </div>
            <label class="paste">
                <span>{t.paste_epoch}</span>
                <input name="epochInput" inputmode="numeric" autocomplete="off"
                    prop:value=move || pasted.get()
                    on:input=move |ev| on_paste(event_target_value(&ev)) />
            </label>
            {move || if pasted_stale() {
                Some(view! { <p class="warning" role="status" data-pasted-stale="">{t.pasted_stale}</p> }.into_any())
            } else {
                pasted_note.get().map(|note| view! { <p class="hint" role="status">{note}</p> }.into_any())
            }}
            <div class="subtopics">
                <p class="label">
                    <code>subtopic</code> " " {t.subtopics_label}
                </p>
                <p class="hint">{t.subtopics_help}</p>
                <For each=move || draft.subtopics.get() key=|row| row.id let:row>
                    {
                        let value = row.value;
                        let field = NodeRef::new();
                        new_subtopics.focus(row.id, field);
                        view! {
                            <div class="delete-row" on:input=new_subtopics.typed(row.id)>
                                <label>
                                    <span class="sr-only">{t.subtopics_label}</span>
                                    <input node_ref=field name="subtopic" autocomplete="off" spellcheck="false"
                                        placeholder="ORACLE_np_56el1g1jvrs0_56el4eyvwvxc-1-0"
                                        prop:value=move || value.get()
                                        on:input=move |ev| value.set(event_target_value(&ev)) />
                                </label>
                                <button type="button" class="secondary small" title=t.remove_row aria-label=t.remove_row
                                    on:click=move |_| draft.subtopics.update(|r| r.retain(|x| x.id != row.id))>"✕"</button>
                            </div>
                        }
                    }
                </For>
                <button type="button" class="secondary"
                    on:click=move |_| new_subtopics.add(draft.subtopics, String::new())>{t.add_subtopic}</button>
            </div>
            <div class="result" aria-live="polite">
                <p>
                    <span class="muted">{t.epoch_seconds}</span> " "
                    <output name="epoch">{move || result.get().map(|r| r.epoch.to_string()).unwrap_or_default()}</output>
                </p>
                {move || match result.get() {
                    Err(error) => {
                        let missing = matches!(&error, CheckpointError::BadDate(d) | CheckpointError::BadTime(d) if d.is_empty());
                        view! { <p class=if missing { "hint" } else { "error" } data-checkpoint-problem="">{checkpoint_error(t, &error)}</p> }.into_any()
                    }
                    Ok(r) => {
                        let utc = checkpoint::format_instant(r.epoch, &Zone::Utc, &IntlZones).unwrap_or_default();
                        let zoned = checkpoint::format_instant(r.epoch, &r.zone, &IntlZones).unwrap_or_default();
                        let age = browser::now_secs() - r.epoch;
                        let relative = if age >= 0 { fill(t.ago, &[&duration_words(t, age)]) } else { fill(t.from_now, &[&duration_words(t, age)]) };
                        view! {
                            <dl class="answer">
                                <dt>"UTC"</dt><dd data-utc="">{utc}</dd>
                                <dt>{t.in_zone}</dt><dd>{zoned}</dd>
                                <dt>{t.relative}</dt><dd>{relative}</dd>
                                <dt><code>source.checkpoint</code></dt>
                                <dd>{match &r.text {
                                    Ok(text) => view! { <code data-checkpoint-text="">{text.clone()}</code> }.into_any(),
                                    Err(errors) => errors.iter().map(|e| view! { <p class="error">{subtopic_error(t, e)}</p> }).collect_view().into_any(),
                                }}</dd>
                            </dl>
                            {r.warnings.iter().map(|w| view! { <p class="warning">{warning_text(t, w)}</p> }).collect_view()}
                            {r.ambiguity.map(|a| view! { <p class="warning">{ambiguity_text(t, &a, &r.zone)}</p> })}
                        }.into_any()
                    }
                }}
            </div>
        </fieldset>
    }
}
