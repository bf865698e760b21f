//! The checkpoint builder: date, time and zone to epoch seconds, and the
//! `source.checkpoint` text for the task's subtopics.

use std::collections::BTreeMap;

use leptos::prelude::*;
use oms_core::checkpoint::{
    self, Ambiguity, CheckpointError, CheckpointWarning, DEFAULT_MAX_AGE_SECS, EpochUnit, Resolved,
    SubtopicError, Zone,
};
use oms_core::pasted::{self, PastedInstant};

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

/// The zone the builder's inputs name and the instant they give (the
/// instant they were set from, when the local time occurred twice).
fn resolved(draft: CheckpointDraft) -> Result<(Zone, Resolved), CheckpointError> {
    let zone = zone_of(&draft.zone.get())?;
    let local = checkpoint::parse_local(&draft.date.get(), &draft.time.get())?;
    let resolved = checkpoint::to_epoch(local, &zone, &IntlZones)?.preferring(draft.instant.get());
    Ok((zone, resolved))
}

/// What the builder's inputs give.
pub fn computed(draft: CheckpointDraft) -> Memo<Result<Computed, CheckpointError>> {
    Memo::new(move |_| {
        let (zone, resolved) = resolved(draft)?;
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

/// What the builder warns of in a checkpoint it computed: a time in the
/// future or long past, a local time skipped or repeated.
pub fn computed_warnings(t: &Texts, computed: &Computed) -> Vec<String> {
    computed
        .warnings
        .iter()
        .map(|w| warning_text(t, w))
        .chain(
            computed
                .ambiguity
                .map(|a| ambiguity_text(t, &a, &computed.zone)),
        )
        .collect()
}

/// What a checkpoint's warning says.
pub fn warning_text(t: &Texts, warning: &CheckpointWarning) -> String {
    match warning {
        CheckpointWarning::InFuture { seconds } => {
            fill(t.checkpoint_future, &[&duration_words(t, *seconds)])
        }
        CheckpointWarning::TooOld { seconds } => {
            fill(t.checkpoint_old, &[&duration_words(t, *seconds)])
        }
    }
}

/// The instant `epoch` in `zone`, a named zone with the offset it has
/// then, e.g. `2024-10-27 02:30:00 Europe/Berlin (UTC+01:00)`.
fn zoned_instant(epoch: i64, zone: &Zone) -> String {
    let shown = checkpoint::format_instant(epoch, zone, &IntlZones).unwrap_or_default();
    let Zone::Named(_) = zone else {
        return shown;
    };
    match checkpoint::in_fixed_zone(epoch, zone, &IntlZones, |_| true) {
        Ok((_, _, fixed)) => format!("{shown} ({})", fixed.label()),
        Err(_) => shown,
    }
}

/// The instant `epoch` in UTC, e.g. `2024-10-27 01:30:00 UTC`.
fn utc_instant(epoch: i64) -> String {
    checkpoint::format_instant(epoch, &Zone::Utc, &IntlZones).unwrap_or_default()
}

fn ambiguity_text(t: &Texts, ambiguity: &Ambiguity, zone: &Zone) -> String {
    match ambiguity {
        Ambiguity::Gap { taken, .. } => {
            fill(t.checkpoint_gap, &[&zone.label(), &utc_instant(*taken)])
        }
        Ambiguity::Fold { taken, other } => fill(
            if taken < other {
                t.checkpoint_fold
            } else {
                t.checkpoint_fold_second
            },
            &[&zone.label(), &utc_instant(*taken), &utc_instant(*other)],
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

/// Whether the zone select offers the fixed offset `seconds` east of UTC.
fn offers(seconds: i32) -> bool {
    seconds % 60 == 0 && OFFSETS.contains(&(seconds / 60))
}

/// The zone select's value for a zone pasted after a date and time, when
/// the select offers it.
fn offered_zone(written: &str) -> Option<String> {
    match Zone::parse(&pasted::zone_value(written), &IntlZones).ok()? {
        Zone::Utc | Zone::Fixed(0) => Some("UTC".into()),
        zone @ Zone::Fixed(seconds) => offers(seconds).then(|| zone.label()),
        Zone::Named(name) => {
            (browser::time_zone().as_deref() == Some(name.as_str())).then(|| "local".to_owned())
        }
    }
}

/// The builder's date, time and zone as a link carries them. The browser's
/// own zone (`local`) is written as the offset it has at the instant shown
/// (now, while none is), with the date and time in it: read in a browser
/// elsewhere, they give the same instant.
pub fn shared_fields(draft: CheckpointDraft) -> (String, String, String) {
    let (date, time, zone) = (
        draft.date.get_untracked(),
        draft.time.get_untracked(),
        draft.zone.get_untracked(),
    );
    let local = match zone_of(&zone) {
        Ok(local) if zone == "local" => local,
        _ => return (date, time, zone),
    };
    let fixed = |epoch| checkpoint::in_fixed_zone(epoch, &local, &IntlZones, offers);
    let written = match untrack(|| resolved(draft)) {
        Ok((_, shown)) => fixed(shown.epoch).map(|(date, time, zone)| (date, time, zone.label())),
        Err(_) => {
            fixed(browser::now_secs()).map(|(_, _, now)| (date.clone(), time.clone(), now.label()))
        }
    };
    written.unwrap_or((date, time, zone))
}

/// The builder's date, time, zone and instant.
#[derive(Clone, PartialEq)]
struct Fields(String, String, String, Option<i64>);

impl Fields {
    fn of(draft: CheckpointDraft) -> Self {
        Self(
            draft.date.get_untracked(),
            draft.time.get_untracked(),
            draft.zone.get_untracked(),
            draft.instant.get_untracked(),
        )
    }

    fn restore(self, draft: CheckpointDraft) {
        draft.date.set(self.0);
        draft.time.set(self.1);
        draft.zone.set(self.2);
        draft.instant.set(self.3);
    }
}

/// Reads a pasted instant into the builder's fields. The note to show:
/// how it was read, or (`Err`) why it was not, the fields unchanged.
fn take_instant(t: &'static Texts, draft: CheckpointDraft, text: &str) -> Result<String, String> {
    match pasted::parse_instant(text) {
        None => Err(t.pasted_not_epoch.to_owned()),
        Some(PastedInstant::Epoch(seconds, unit)) => {
            set_from_epoch(draft, seconds);
            Ok(match unit {
                EpochUnit::Seconds => t.pasted_seconds,
                EpochUnit::Milliseconds => t.pasted_millis,
                EpochUnit::Microseconds => t.pasted_micros,
            }
            .to_owned())
        }
        Some(PastedInstant::DateTime(local, zone)) => {
            let zone = match zone {
                Some(zone) => {
                    Some(offered_zone(&zone).ok_or_else(|| fill(t.pasted_zone_unknown, &[&zone]))?)
                }
                None => None,
            };
            let (date, time) = local.fields();
            draft.instant.set(None);
            if let Some(zone) = zone {
                draft.zone.set(zone);
            }
            draft.date.set(date);
            draft.time.set(time);
            let zone =
                zone_of(&draft.zone.get_untracked()).map_or_else(|_| String::new(), |z| z.label());
            Ok(fill(t.pasted_date_time, &[&zone]))
        }
    }
}

/// Adds the subtopics a pasted `source.checkpoint` or `source.clients`
/// names to the list (the subtopics typed are kept, empty rows dropped).
/// What was found, or (`Err`) the note saying nothing was.
fn take_subtopics(
    t: &'static Texts,
    draft: CheckpointDraft,
    text: &str,
) -> Result<Vec<String>, String> {
    let found = pasted::subtopics_in(text).ok_or_else(|| t.subtopics_not_found.to_owned())?;
    let listed = values_of(&draft.subtopics);
    let mut list: Vec<String> = listed
        .iter()
        .filter(|s| !s.trim().is_empty())
        .cloned()
        .collect();
    for subtopic in &found {
        if !list.iter().any(|s| s.trim() == subtopic) {
            list.push(subtopic.clone());
        }
    }
    if list != listed {
        draft.subtopics.set(rows_of(list));
    }
    Ok(found)
}

/// The note for the subtopics `found` in a paste, said of the list as it
/// is now: one removed from it since is named.
fn found_note(t: &Texts, found: &[String], listed: &[String]) -> String {
    let removed: Vec<&str> = found
        .iter()
        .filter(|s| !listed.iter().any(|l| l.trim() == s.as_str()))
        .map(String::as_str)
        .collect();
    let found = found.join(t.list_separator);
    if removed.is_empty() {
        fill(t.subtopics_found, &[&found])
    } else {
        fill(
            t.subtopics_found_removed,
            &[&found, &removed.join(t.list_separator)],
        )
    }
}

/// A field that fills others from what is pasted into it: `value` is its
/// text, `on_input` reads it.
fn paste_field(
    label: &'static str,
    name: &'static str,
    value: RwSignal<String>,
    on_input: impl Fn(String) + 'static,
) -> impl IntoView {
    view! {
        <label class="paste">
            <span>{label}</span>
            <input name=name autocomplete="off" spellcheck="false"
                prop:value=move || value.get()
                on:input=move |ev| on_input(event_target_value(&ev)) />
        </label>
    }
}

/// A paste field's note: a hint, or an error when nothing was read.
fn note_view(note: Option<Result<String, String>>) -> Option<AnyView> {
    note.map(|note| match note {
        Ok(text) => view! { <p class="hint" role="status">{text}</p> }.into_any(),
        Err(text) => {
            view! { <p class="error" role="status" data-paste-unread="">{text}</p> }.into_any()
        }
    })
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
    let pasted_note = RwSignal::new(None::<Result<String, String>>);
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
    // What the fields held before the paste field's text set them, and
    // what it set: text typed key by key is read at each key, and an
    // unreadable text puts back what the field found, not what a readable
    // text on the way to it set. An empty field keeps what was set.
    let found_by_paste = StoredValue::new(None::<(Fields, Fields)>);
    let on_paste = move |text: String| {
        pasted.set(text.clone());
        let now = Fields::of(draft);
        let found = match found_by_paste.get_value() {
            Some((found, set)) if set == now => found,
            _ => now.clone(),
        };
        let note = (!text.trim().is_empty()).then(|| take_instant(t, draft, &text));
        if matches!(note, Some(Err(_))) && found != now {
            found.clone().restore(draft);
        }
        let set = Fields::of(draft);
        let found = if note.is_some() { found } else { set.clone() };
        found_by_paste.set_value(Some((found, set)));
        pasted_note.set(note);
    };
    // A pasted instant the builder no longer shows (changed since).
    let pasted_stale = move || {
        pasted_note.with(|note| matches!(note, Some(Ok(_))))
            && match pasted::parse_instant(&pasted.get()) {
                Some(PastedInstant::Epoch(seconds, _)) => {
                    shown_instant(draft, result) != Some(seconds)
                }
                Some(PastedInstant::DateTime(local, zone)) => {
                    checkpoint::parse_local(&draft.date.get(), &draft.time.get()) != Ok(local)
                        || zone
                            .and_then(|zone| offered_zone(&zone))
                            .is_some_and(|zone| zone != draft.zone.get())
                }
                None => false,
            }
    };
    let subtopics_from = RwSignal::new(String::new());
    let subtopics_note = RwSignal::new(None::<Result<Vec<String>, String>>);
    let on_subtopics_from = move |text: String| {
        subtopics_from.set(text.clone());
        subtopics_note.set((!text.trim().is_empty()).then(|| take_subtopics(t, draft, &text)));
    };
    // The other instant a local time that occurred twice names.
    let other_occurrence = move || {
        result.with(|r| match r {
            Ok(Computed {
                ambiguity: Some(Ambiguity::Fold { other, .. }),
                ..
            }) => Some(*other),
            _ => None,
        })
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
            {paste_field(t.paste_epoch, "epochInput", pasted, on_paste)}
            {move || if pasted_stale() {
                Some(view! { <p class="warning" role="status" data-pasted-stale="">{t.pasted_stale}</p> }.into_any())
            } else {
                note_view(pasted_note.get())
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
                {paste_field(t.paste_subtopics, "subtopicsFrom", subtopics_from, on_subtopics_from)}
                {move || note_view(subtopics_note.get().map(|note| {
                    note.map(|found| found_note(t, &found, &values_of(&draft.subtopics)))
                }))}
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
                        let utc = utc_instant(r.epoch);
                        let zoned = zoned_instant(r.epoch, &r.zone);
                        let age = browser::now_secs() - r.epoch;
                        let relative = if age >= 0 { fill(t.ago, &[&duration_words(t, age)]) } else { fill(t.from_now, &[&duration_words(t, age)]) };
                        view! {
                            <dl class="answer">
                                <dt>"UTC"</dt><dd data-utc="">{utc}</dd>
                                <dt>{t.in_zone}</dt><dd data-zoned="">{zoned}</dd>
                                <dt>{t.relative}</dt><dd>{relative}</dd>
                                <dt><code>source.checkpoint</code></dt>
                                <dd>{match &r.text {
                                    Ok(text) => view! { <code data-checkpoint-text="">{text.clone()}</code> }.into_any(),
                                    Err(errors) => errors.iter().map(|e| view! { <p class="error">{subtopic_error(t, e)}</p> }).collect_view().into_any(),
                                }}</dd>
                            </dl>
                            {computed_warnings(t, &r).into_iter().map(|w| view! { <p class="warning">{w}</p> }).collect_view()}
                        }.into_any()
                    }
                }}
                <Show when=move || other_occurrence().is_some()>
                    <button type="button" class="secondary small" data-action="take-other-occurrence"
                        on:click=move |_| draft.instant.set(other_occurrence())>
                        {move || other_occurrence().map(|other| fill(t.take_other_occurrence, &[&utc_instant(other)]))}
                    </button>
                </Show>
            </div>
        </fieldset>
    }
}
