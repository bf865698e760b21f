//! What the user typed, as signals, saved to the browser on every change
//! (secret values are never saved).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use oms_core::batch::DEFAULT_CONCURRENCY;
use oms_core::config_map::{ConfigRow, is_secret_key};
use oms_core::profile::Profile;
use oms_core::share::ShareState;

use crate::browser;
use crate::components::checkpoint::shared_fields;
use crate::components::clear_undo::Fills;
use crate::i18n::Texts;
use crate::store::{self, Unreadable};

/// The storage key of the drafts (with its schema version).
const DRAFTS_KEY: &str = "oms-console.drafts.v1";

/// One editable row of a list, with a key stable across edits.
#[derive(Clone, Copy)]
pub struct Row<T: Send + Sync + 'static> {
    /// Stable identity for rendering.
    pub id: u64,
    /// The row's content.
    pub value: RwSignal<T>,
}

/// A list of rows that can grow and shrink.
pub type Rows<T> = RwSignal<Vec<Row<T>>>;

thread_local! {
    static NEXT_ID: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
    /// The drafts' owner: what is created under it (rows added in event
    /// handlers, a page's lasting state) lives as long as the drafts do.
    static OWNER: std::cell::RefCell<Option<Owner>> = const { std::cell::RefCell::new(None) };
}

fn next_id() -> u64 {
    NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    })
}

/// Runs `make` under the drafts' owner: the signals and contexts it
/// creates last as long as the console, not as long as the page that asked.
pub fn lasting<T>(make: impl FnOnce() -> T) -> T {
    match OWNER.with(|o| o.borrow().clone()) {
        Some(owner) => owner.with(make),
        None => make(),
    }
}

/// The console's one `T`: made by `make` on first use, then found again (a
/// page's run, when the page comes back). It lasts as long as the console.
pub fn lasting_context<T: Clone + Send + Sync + 'static>(make: impl FnOnce() -> T) -> T {
    use_context::<T>().unwrap_or_else(|| {
        lasting(|| {
            let value = make();
            provide_context(value.clone());
            value
        })
    })
}

/// Rows holding `values`.
pub fn rows_of<T: Send + Sync + 'static>(values: Vec<T>) -> Vec<Row<T>> {
    lasting(move || {
        values
            .into_iter()
            .map(|v| Row {
                id: next_id(),
                value: RwSignal::new(v),
            })
            .collect()
    })
}

/// Makes `rows` hold `values`, keeping the rows already there: only the
/// values that differ change, and rows are added or removed at the end, so
/// the fields of rows that stay are not drawn again.
pub fn set_values<T: PartialEq + Send + Sync + 'static>(rows: Rows<T>, values: Vec<T>) {
    let mut values = values.into_iter();
    let kept = rows.with_untracked(|rows| {
        let mut kept = 0;
        for (row, value) in rows.iter().zip(values.by_ref()) {
            if row.value.with_untracked(|held| *held != value) {
                row.value.set(value);
            }
            kept += 1;
        }
        kept
    });
    let added: Vec<T> = values.collect();
    if !added.is_empty() {
        rows.update(|rows| rows.extend(rows_of(added)));
    } else if rows.with_untracked(Vec::len) > kept {
        rows.update(|rows| rows.truncate(kept));
    }
}

/// The plain values of rows.
pub fn values_of<T: Clone + Send + Sync + 'static>(rows: &Rows<T>) -> Vec<T> {
    rows.with(|rows| rows.iter().map(|r| r.value.get()).collect())
}

/// One `updateConfigMap` row as typed.
#[derive(Clone, Default, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConfigRowDraft {
    /// The scope.
    pub scope: String,
    /// The key.
    pub key: String,
    /// The value.
    pub value: String,
}

/// The checkpoint builder's inputs.
#[derive(Clone, Copy)]
pub struct CheckpointDraft {
    /// `YYYY-MM-DD`.
    pub date: RwSignal<String>,
    /// `HH:MM:SS`.
    pub time: RwSignal<String>,
    /// `local`, `UTC` or `UTC±HH:MM`.
    pub zone: RwSignal<String>,
    /// One per subtopic.
    pub subtopics: Rows<String>,
    /// The instant (epoch seconds) the date and time were last set from: a
    /// pasted epoch, *Now*, a step back, a journal entry. While they still
    /// show it, a zone change shows it in the new zone; a date and time
    /// typed are read in it.
    pub instant: RwSignal<Option<i64>>,
}

/// The `updateConfigMap` JSON tab. Kept while the console is open, never
/// saved: the text may hold secret values.
#[derive(Clone, Copy)]
pub struct ConfigJsonDraft {
    /// Whether the JSON tab is shown instead of the rows.
    pub shown: RwSignal<bool>,
    /// The text as typed, which may not parse yet.
    pub text: RwSignal<String>,
}

/// The journal page's filter. Kept while the console is open (an operator
/// goes to a form and back, e.g. with *Fill form*), not saved.
#[derive(Clone, Copy)]
pub struct JournalFilterDraft {
    /// Part of a `taskName`.
    pub task_name: RwSignal<String>,
    /// An entry kind's name, or empty for all.
    pub operation: RwSignal<String>,
    /// An outcome class, `pending`, or empty for all.
    pub outcome: RwSignal<String>,
    /// From, as the `datetime-local` field gives it.
    pub from: RwSignal<String>,
    /// Until, likewise.
    pub to: RwSignal<String>,
}

/// The settings page's profile form, as typed and as stored.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ProfileForm {
    /// The name of the profile being edited; `None` while adding one.
    pub editing: Option<String>,
    /// The profile's name.
    pub name: String,
    /// Its base URL.
    pub base_url: String,
    /// Its time limit in milliseconds, as typed.
    pub timeout_ms: String,
    /// Its environment label.
    pub label: String,
    /// Its label colour.
    pub color: String,
}

impl ProfileForm {
    /// The form editing `profile`.
    pub fn editing(profile: &Profile) -> Self {
        Self {
            editing: Some(profile.name.clone()),
            name: profile.name.clone(),
            base_url: profile.base_url.clone(),
            timeout_ms: profile.timeout_ms.to_string(),
            label: profile.label.clone(),
            color: or(profile.color.clone(), &Profile::default().color),
        }
    }

    /// Whether the fields are an empty form's, whichever profile is edited.
    pub fn is_blank(&self) -> bool {
        *self
            == Self {
                editing: self.editing.clone(),
                ..Self::default()
            }
    }

    /// The profile the fields describe (a time limit that is not a number is 0).
    pub fn profile(&self) -> Profile {
        Profile {
            name: self.name.trim().to_owned(),
            base_url: self.base_url.trim().to_owned(),
            timeout_ms: self.timeout_ms.trim().parse().unwrap_or(0),
            label: self.label.trim().to_owned(),
            color: self.color.clone(),
        }
    }
}

impl Default for ProfileForm {
    /// An empty form, with the default time limit and colour.
    fn default() -> Self {
        Self {
            editing: None,
            ..Self::editing(&Profile {
                name: String::new(),
                ..Profile::default()
            })
        }
    }
}

/// Every form's draft.
#[derive(Clone, Copy)]
pub struct Drafts {
    /// The task name, shared by all operations.
    pub task_name: RwSignal<String>,
    /// Resume's `pullBackFlag`.
    pub pull_back_flag: RwSignal<bool>,
    /// Resume's `restartFlag`.
    pub restart_flag: RwSignal<bool>,
    /// Update's `updateConfigMap` rows.
    pub config_rows: Rows<ConfigRowDraft>,
    /// Update's `updateConfigMap` as JSON text (not saved).
    pub config_json: ConfigJsonDraft,
    /// Update's `deleteParams` entries.
    pub delete_params: Rows<String>,
    /// Migrate's `ip`.
    pub ip: RwSignal<String>,
    /// The checkpoint builder.
    pub checkpoint: CheckpointDraft,
    /// The batch page's task names, one per line.
    pub batch_text: RwSignal<String>,
    /// The batch page's operation: `stop`, `resume` or `delete`.
    pub batch_operation: RwSignal<String>,
    /// The batch resume's `pullBackFlag`.
    pub batch_pull_back_flag: RwSignal<bool>,
    /// The batch resume's `restartFlag`.
    pub batch_restart_flag: RwSignal<bool>,
    /// The batch's requests at once, as typed.
    pub batch_concurrency: RwSignal<String>,
    /// The journal page's filter (not saved).
    pub journal_filter: JournalFilterDraft,
    /// The settings page's profile form.
    pub profile_form: RwSignal<ProfileForm>,
    /// The profile list pasted for import on the settings page.
    pub profiles_import: RwSignal<String>,
    /// The way back from the last fill of the forms (not saved).
    pub fills: Fills,
}

/// The drafts' stored format version.
const VERSION: u32 = 1;

/// The drafts as stored.
#[derive(Default, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct Stored {
    version: u32,
    task_name: String,
    pull_back_flag: bool,
    restart_flag: bool,
    config_rows: Vec<ConfigRowDraft>,
    delete_params: Vec<String>,
    ip: String,
    date: String,
    time: String,
    zone: String,
    subtopics: Vec<String>,
    instant: Option<i64>,
    batch_text: String,
    batch_operation: String,
    batch_pull_back_flag: bool,
    batch_restart_flag: bool,
    batch_concurrency: String,
    profile_form: ProfileForm,
    profiles_import: String,
}

/// `value`, or `default` when it is empty (not stored yet).
fn or(value: String, default: &str) -> String {
    if value.is_empty() {
        default.to_owned()
    } else {
        value
    }
}

/// The drafts to store: the fields of `current` that differ from `last`
/// (what this tab saved before), and for the others what is `stored`.
fn changed_fields(last: &Value, current: &Value, stored: Option<Value>) -> Value {
    let (Some(mut stored), Some(last), Some(current)) = (
        stored.and_then(|s| match s {
            Value::Object(fields) => Some(fields),
            _ => None,
        }),
        last.as_object(),
        current.as_object(),
    ) else {
        return current.clone();
    };
    for (field, value) in current {
        if last.get(field) != Some(value) || !stored.contains_key(field) {
            stored.insert(field.clone(), value.clone());
        }
    }
    Value::Object(stored)
}

impl Drafts {
    /// The saved drafts, or empty ones; saves every later change.
    pub fn load_and_autosave(notices: RwSignal<Vec<String>>, t: &'static Texts) -> Self {
        OWNER.with(|o| *o.borrow_mut() = Owner::current());
        let mut found = Vec::new();
        let parse = |text: &str| match serde_json::from_str::<Stored>(text) {
            Ok(stored) if stored.version == VERSION => Ok(stored),
            Ok(stored) => Err(Unreadable::Version(stored.version)),
            Err(e) => Err(Unreadable::NotJson(e.to_string())),
        };
        let stored =
            store::load(DRAFTS_KEY, t.stored_drafts, parse, t, &mut found).unwrap_or_default();
        notices.update(|n| n.extend(found));
        let drafts = Self {
            task_name: RwSignal::new(stored.task_name),
            pull_back_flag: RwSignal::new(stored.pull_back_flag),
            restart_flag: RwSignal::new(stored.restart_flag),
            config_rows: RwSignal::new(rows_of(stored.config_rows)),
            config_json: ConfigJsonDraft {
                shown: RwSignal::new(false),
                text: RwSignal::new(String::new()),
            },
            delete_params: RwSignal::new(rows_of(stored.delete_params)),
            ip: RwSignal::new(stored.ip),
            checkpoint: CheckpointDraft {
                date: RwSignal::new(stored.date),
                time: RwSignal::new(stored.time),
                zone: RwSignal::new(or(stored.zone, "local")),
                subtopics: RwSignal::new(rows_of(if stored.subtopics.is_empty() {
                    vec![String::new()]
                } else {
                    stored.subtopics
                })),
                instant: RwSignal::new(stored.instant),
            },
            batch_text: RwSignal::new(stored.batch_text),
            batch_operation: RwSignal::new(or(stored.batch_operation, "stop")),
            batch_pull_back_flag: RwSignal::new(stored.batch_pull_back_flag),
            batch_restart_flag: RwSignal::new(stored.batch_restart_flag),
            batch_concurrency: RwSignal::new(or(
                stored.batch_concurrency,
                &DEFAULT_CONCURRENCY.to_string(),
            )),
            journal_filter: JournalFilterDraft {
                task_name: RwSignal::new(String::new()),
                operation: RwSignal::new(String::new()),
                outcome: RwSignal::new(String::new()),
                from: RwSignal::new(String::new()),
                to: RwSignal::new(String::new()),
            },
            profile_form: RwSignal::new(stored.profile_form),
            profiles_import: RwSignal::new(stored.profiles_import),
            fills: Fills::new(),
        };
        // Another tab saves its drafts too: when the stored drafts are no
        // longer what this tab wrote, a save writes the fields this tab
        // changed and keeps the others' (so neither tab's save drops what
        // was typed in the other); otherwise it writes this tab's as they are.
        Effect::new(move |last: Option<(String, String)>| {
            let current = serde_json::to_string(&drafts.snapshot()).unwrap_or_default();
            let stored = browser::load(DRAFTS_KEY);
            let written = match last {
                Some((last, written)) if stored.as_deref() != Some(written.as_str()) => {
                    let parse = |t: &str| serde_json::from_str::<Value>(t).unwrap_or_default();
                    changed_fields(
                        &parse(&last),
                        &parse(&current),
                        stored.as_deref().map(parse),
                    )
                    .to_string()
                }
                _ => current.clone(),
            };
            browser::save(DRAFTS_KEY, &written);
            (current, written)
        });
        drafts
    }

    /// Fills every form from a share link's fields.
    pub fn fill_from_share(&self, state: ShareState) {
        self.task_name.set(state.task_name);
        self.pull_back_flag.set(state.pull_back_flag);
        self.restart_flag.set(state.restart_flag);
        self.ip.set(state.ip);
        self.config_rows.set(rows_of(
            state
                .rows
                .into_iter()
                .map(|r| ConfigRowDraft {
                    scope: r.scope,
                    key: r.key,
                    value: r.value,
                })
                .collect(),
        ));
        self.delete_params.set(rows_of(state.delete_params));
        self.checkpoint.date.set(state.date);
        self.checkpoint.time.set(state.time);
        if !state.zone.is_empty() {
            self.checkpoint.zone.set(state.zone);
        }
        let subtopics = if state.subtopics.is_empty() {
            vec![String::new()]
        } else {
            state.subtopics
        };
        self.checkpoint.subtopics.set(rows_of(subtopics));
    }

    /// Every field, for a share link made for the CM host `cm_host`.
    pub fn to_share(self, cm_host: String) -> ShareState {
        let (date, time, zone) = shared_fields(self.checkpoint);
        ShareState {
            task_name: self.task_name.get_untracked(),
            pull_back_flag: self.pull_back_flag.get_untracked(),
            restart_flag: self.restart_flag.get_untracked(),
            ip: self.ip.get_untracked(),
            rows: values_of(&self.config_rows)
                .into_iter()
                .map(|r| ConfigRow {
                    scope: r.scope,
                    key: r.key,
                    value: r.value,
                })
                .collect(),
            delete_params: values_of(&self.delete_params),
            date,
            time,
            zone,
            subtopics: values_of(&self.checkpoint.subtopics),
            cm_host,
        }
    }

    fn snapshot(&self) -> Stored {
        Stored {
            version: VERSION,
            task_name: self.task_name.get(),
            pull_back_flag: self.pull_back_flag.get(),
            restart_flag: self.restart_flag.get(),
            config_rows: values_of(&self.config_rows)
                .into_iter()
                .map(|row| ConfigRowDraft {
                    value: if is_secret_key(&row.key) {
                        String::new()
                    } else {
                        row.value
                    },
                    ..row
                })
                .collect(),
            delete_params: values_of(&self.delete_params),
            ip: self.ip.get(),
            date: self.checkpoint.date.get(),
            time: self.checkpoint.time.get(),
            zone: self.checkpoint.zone.get(),
            subtopics: values_of(&self.checkpoint.subtopics),
            instant: self.checkpoint.instant.get(),
            batch_text: self.batch_text.get(),
            batch_operation: self.batch_operation.get(),
            batch_pull_back_flag: self.batch_pull_back_flag.get(),
            batch_restart_flag: self.batch_restart_flag.get(),
            batch_concurrency: self.batch_concurrency.get(),
            profile_form: self.profile_form.get(),
            profiles_import: self.profiles_import.get(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_save_writes_this_tabs_changes_and_keeps_another_tabs() {
        let last = json!({"ip": "", "batchText": "", "taskName": "t1"});
        let current = json!({"ip": "10.0.0.2", "batchText": "", "taskName": "t1"});
        let stored = json!({"ip": "", "batchText": "a\nb", "taskName": "t2"});
        assert_eq!(
            changed_fields(&last, &current, Some(stored)),
            json!({"ip": "10.0.0.2", "batchText": "a\nb", "taskName": "t2"})
        );
    }

    #[test]
    fn set_values_keeps_the_rows_that_stay() {
        let owner = Owner::new();
        owner.set();
        let rows: Rows<String> = RwSignal::new(rows_of(vec!["a".into(), "b".into()]));
        let ids = || rows.with_untracked(|r| r.iter().map(|r| r.id).collect::<Vec<_>>());
        let first = ids();
        set_values(rows, vec!["a".into(), "c".into(), "d".into()]);
        assert_eq!(values_of(&rows), ["a", "c", "d"]);
        let grown = ids();
        assert_eq!(grown[..2], first[..], "the two rows there are kept");
        set_values(rows, vec!["x".into()]);
        assert_eq!(values_of(&rows), ["x"]);
        assert_eq!(
            ids(),
            first[..1],
            "the first row is kept, the others removed"
        );
        set_values(rows, Vec::new());
        assert!(ids().is_empty());
    }

    #[test]
    fn without_readable_stored_drafts_this_tabs_are_written() {
        let last = json!({"ip": ""});
        let current = json!({"ip": "10.0.0.2", "taskName": "t1"});
        assert_eq!(changed_fields(&last, &current, None), current);
        assert_eq!(changed_fields(&last, &current, Some(json!([1]))), current);
        assert_eq!(
            changed_fields(&last, &current, Some(json!({"ip": "x"}))),
            current,
            "a field the stored drafts lack is written"
        );
    }
}
