//! The message catalogue: every user-facing text, one [`Texts`] per language.
//!
//! The struct is the list of keys: a language that lacks one fails the build.
//! Placeholders `{0}`, `{1}`… are filled with [`fill`]. The API's own names
//! (`taskName`, `pullBackFlag`, error codes…) stay as they are in every language.
//! The only texts outside it are `index.html`'s, shown before this code runs.

mod en;
mod zh;

use oms_core::batch::FailureCause;
use oms_core::envelope::OutcomeClass;
use oms_core::journal::{EntryKind, INTERRUPTED};
use oms_core::request::OperationKind;

pub use en::EN;
pub use zh::ZH;

macro_rules! catalogue {
    ($($key:ident),* $(,)?) => {
        /// Every user-facing text of the console, in one language.
        pub struct Texts {
            $(
                #[allow(missing_docs)]
                pub $key: &'static str,
            )*
        }

        impl Texts {
            /// Every text with its key, for checks.
            #[cfg(test)]
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($key), self.$key)),*]
            }
        }
    };
}

catalogue! {
    app_title,
    nav_label,
    skip_to_form,
    nav_running,
    nav_progress,
    nav_halted,
    cm_host,
    theme,
    theme_system,
    theme_light,
    theme_dark,
    op_resume,
    op_stop,
    op_update,
    op_pullback,
    op_migrate,
    op_delete,
    resume_help,
    stop_help,
    update_help,
    pullback_help,
    migrate_help,
    delete_help,
    delete_irreversible,
    task_name_label,
    task_name_hint,
    task_name_empty,
    task_name_bad_char,
    task_name_not_understood,
    task_name_seq_digits,
    task_name_run_together,
    task_name_suggestion,
    task_name_plain_suggestion,
    task_name_use_suggestion,
    part_component,
    part_node,
    part_project,
    part_seq,
    incr_sync,
    full_import,
    pull_back_flag_label,
    pull_back_flag_help,
    restart_flag_label,
    restart_flag_help,
    check_both_flags,
    check_pull_back_not_incr,
    check_restart_not_full,
    check_pull_back_type_unknown,
    check_restart_type_unknown,
    check_nothing_to_update,
    check_migrate_same_node,
    check_unknown_scope,
    check_space_in_key,
    check_checkpoint_not_seconds,
    check_checkpoint_time,
    check_under_way,
    check_empty_value,
    check_value_spaced_at_an_end,
    warning_second_click,
    preview_title,
    preview_incomplete,
    copy_curl,
    copied,
    copied_with_secrets,
    copy_failed,
    send,
    send_anyway,
    sending,
    cancel,
    clear_form,
    undo_clear,
    undo_fill,
    confirm_title,
    confirm_host_moved,
    confirm_stop,
    confirm_delete,
    confirm_migrate,
    type_to_confirm,
    response_title,
    outcome_success,
    outcome_failed,
    outcome_name_success,
    outcome_name_api_error,
    outcome_name_http_error,
    outcome_name_not_json,
    outcome_name_network,
    outcome_name_timeout,
    outcome_name_cancelled,
    outcome_name_pending,
    outcome_name_interrupted,
    explain_success,
    explain_api_error,
    explain_task_not_found,
    explain_illegal_state_stop,
    explain_illegal_state_resume,
    explain_illegal_state_update,
    explain_illegal_state_migrate,
    explain_illegal_state_delete,
    explain_illegal_argument_resume,
    explain_illegal_argument,
    explain_internal_error,
    explain_http_error,
    explain_not_json,
    explain_network,
    explain_timeout,
    explain_cancelled,
    may_have_applied,
    answered_request,
    answer_stale,
    answer_other_host,
    http_status,
    latency,
    answered_at,
    raw_body,
    retry,
    ip_label,
    ip_help,
    ip_invalid,
    ip_address_alone,
    migrate_expected,
    migrate_new_name,
    use_new_name,
    unknown,
    delete_params_label,
    delete_params_help,
    add_entry,
    delete_empty,
    delete_not_scope_key,
    delete_comma,
    delete_split,
    delete_duplicate,
    update_config_map_label,
    update_config_map_help,
    tab_rows,
    tab_json,
    reveal_secrets,
    scope,
    key,
    value,
    secret_value,
    pretty_print,
    compact,
    remove_row,
    add_row,
    row_empty_scope,
    row_empty_key,
    row_duplicate,
    json_syntax,
    json_ends_early,
    json_key_not_quoted,
    json_value_expected,
    json_colon_expected,
    json_comma_expected,
    json_trailing_comma,
    json_text_after_end,
    json_control_character,
    json_invalid_escape,
    json_not_object,
    json_scope_not_object,
    json_non_string,
    json_duplicate_key,
    store_as_json_text,
    json_rows_unchanged,
    json_not_in_rows,
    json_not_sent,
    json_secrets_hidden,
    replaced_keys,
    insert_checkpoint_title,
    insert_checkpoint,
    insert_checkpoint_json_error,
    checkpoint_title,
    date,
    time,
    zone,
    zone_local,
    zone_oms_usual,
    now,
    paste_epoch,
    pasted_seconds,
    pasted_millis,
    pasted_micros,
    pasted_not_epoch,
    pasted_date_time,
    pasted_zone_unknown,
    pasted_stale,
    zone_rule_instant,
    zone_rule_typed,
    subtopics_label,
    subtopics_help,
    paste_subtopics,
    subtopics_found,
    subtopics_found_removed,
    subtopics_not_found,
    add_subtopic,
    subtopic_none,
    subtopic_empty,
    subtopic_duplicate,
    epoch_seconds,
    in_zone,
    relative,
    ago,
    from_now,
    checkpoint_future,
    checkpoint_old,
    checkpoint_gap,
    checkpoint_fold,
    checkpoint_fold_second,
    take_other_occurrence,
    zone_unknown,
    date_missing,
    date_bad,
    time_missing,
    time_bad,
    out_of_range,
    pullback_not_incr,
    pullback_type_unknown,
    pullback_second_click,
    start_pullback_anyway,
    pullback_steps_title,
    start_pullback,
    pullback_confirm_title,
    pullback_summary,
    time_and_utc,
    step_stop,
    step_update,
    step_resume,
    step_waiting,
    step_running,
    step_done,
    step_failed,
    step_skipped,
    pullback_halted,
    stands_running,
    stands_stopped_unchanged,
    stands_stopped_updated,
    stands_stop_unknown,
    stands_update_unknown,
    stands_resume_unknown,
    retry_step,
    skip_step,
    resume_without_pullback,
    pullback_done,
    crash_message,
    crash_reload,
    page_loading,
    page_load_failed,
    page_batch,
    page_journal,
    page_settings,
    dismiss,
    storage_unreadable,
    storage_not_json,
    stored_journal,
    stored_profiles,
    stored_drafts,
    stored_subtopics,
    journal_full,
    on_profile,
    copy_link,
    link_unavailable,
    link_copied,
    share_bad,
    route_unknown,
    share_unavailable,
    share_filled,
    share_fill_secrets,
    share_other_host,
    export_json,
    export_csv,
    journal_help,
    journal_operation,
    journal_outcome,
    journal_batch_of,
    journal_batch_tally,
    journal_all,
    journal_from,
    journal_to,
    journal_clear,
    journal_clear_confirm,
    journal_count,
    journal_count_filtered,
    journal_filter_inverted,
    journal_show_all,
    journal_profile,
    journal_interrupted,
    interrupted_notice,
    interrupted_migrate_notice,
    halted_notice,
    journal_fill,
    journal_fill_secrets,
    batch_help,
    batch_names_label,
    batch_count,
    batch_recent,
    batch_line,
    batch_line_empty,
    batch_line_duplicate,
    batch_line_not_understood,
    batch_line_run_together,
    batch_clean_hint,
    batch_clean,
    batch_line_skipped,
    batch_operation,
    batch_concurrency,
    batch_concurrency_bad,
    batch_empty,
    batch_start,
    batch_retry_failed,
    batch_confirm,
    batch_tasks,
    batch_check_tasks,
    batch_check_more,
    batch_progress,
    batch_progress_text,
    batch_cancelled,
    batch_failures,
    batch_failure_count,
    batch_only_failed,
    batch_none_failed,
    batch_outcome,
    batch_not_sent,
    settings_help,
    profile_in_use,
    profile_use,
    profile_edit,
    profile_check,
    profile_delete,
    profile_delete_title,
    profile_delete_confirm,
    profile_delete_active,
    profile_quoted,
    profile_named_url,
    list_separator,
    check_running,
    check_answers,
    check_no_answer,
    check_not_cm,
    profile_add_title,
    profile_edit_title,
    profile_name,
    profile_base,
    profile_timeout,
    profile_label,
    profile_color,
    color_red,
    color_orange,
    color_green,
    color_blue,
    color_gray,
    profile_base_help,
    profile_base_example,
    profile_base_repeats_api,
    profile_base_no_scheme,
    profile_base_use,
    profile_save,
    profile_name_empty,
    profile_name_taken,
    profile_base_bad,
    profile_timeout_bad,
    profile_color_bad,
    profiles_share_title,
    profiles_import_label,
    profiles_import,
    profiles_import_title,
    profiles_import_confirm,
    profiles_import_bad,
    profiles_import_not_json,
    data_version,
    profiles_import_invalid,
    profiles_import_empty,
    back_15_min,
    back_1_h,
    back_6_h,
    back_24_h,
    unit_days,
    unit_hours,
    unit_minutes,
    unit_seconds,
    language,
    csv_journal_header,
    csv_batch_header,
    default_profile_name,
    profile_deleted_elsewhere,
    profile_changed_elsewhere,
    journal_unavailable,
    journal_entry_unreadable,
}

/// The console's languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// English.
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// Both, as the switch offers them.
    pub const ALL: [Self; 2] = [Self::Zh, Self::En];

    /// The language's texts.
    pub fn texts(self) -> &'static Texts {
        match self {
            Self::En => &EN,
            Self::Zh => &ZH,
        }
    }

    /// The `lang` attribute and stored value, e.g. `zh-CN`.
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Zh => "zh-CN",
        }
    }

    /// The language's own name, for the switch.
    pub fn name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::Zh => "简体中文",
        }
    }

    /// The language for a stored code or a browser language tag:
    /// `zh…` is Chinese, anything else English.
    pub fn from_tag(tag: &str) -> Self {
        if tag.trim().to_ascii_lowercase().starts_with("zh") {
            Self::Zh
        } else {
            Self::En
        }
    }
}

/// An operation's name in the language, as the navigation names its page.
pub fn operation_name(t: &'static Texts, kind: OperationKind) -> &'static str {
    match kind {
        OperationKind::Resume => t.op_resume,
        OperationKind::Stop => t.op_stop,
        OperationKind::Update => t.op_update,
        OperationKind::Migrate => t.op_migrate,
        OperationKind::Delete => t.op_delete,
    }
}

/// What a journal entry did, named in the language, from the name the
/// journal keeps (`stop`, `pullback`, `batch-stop`); an unknown one as it is.
pub fn entry_name(t: &'static Texts, operation: &str) -> String {
    match EntryKind::parse(operation) {
        Some(EntryKind::Single(kind)) => operation_name(t, kind).to_owned(),
        Some(EntryKind::Pullback) => t.op_pullback.to_owned(),
        Some(EntryKind::Batch(kind)) => fill(t.journal_batch_of, &[operation_name(t, kind)]),
        None => operation.to_owned(),
    }
}

/// What an entry of `operation` acted on, from its stored `task_name`: a
/// batch's label in `t`'s language (see [`batch_label`]), else the task.
pub fn entry_task(t: &'static Texts, operation: &str, task_name: &str) -> String {
    match EntryKind::parse(operation) {
        Some(EntryKind::Batch(_)) => batch_label(t, task_name),
        _ => task_name.to_owned(),
    }
}

/// A batch's journal label ("5 tasks", stored in the language of its
/// start) in `t`'s language; any other label as stored.
fn batch_label(t: &'static Texts, stored: &str) -> String {
    let tasks = stored
        .split(' ')
        .next()
        .and_then(|n| n.parse::<usize>().ok());
    match tasks {
        Some(n)
            if [&EN, &ZH]
                .iter()
                .any(|l| fill_count(l.batch_tasks, n, &[]) == stored) =>
        {
            fill_count(t.batch_tasks, n, &[])
        }
        _ => stored.to_owned(),
    }
}

/// An outcome's name in the language, from its stable token (`api-error`,
/// `pending`…, as `data-outcome` and the exports keep it); an unknown token
/// as it is.
pub fn outcome_name<'a>(t: &'static Texts, token: &'a str) -> &'a str {
    match token {
        "success" => t.outcome_name_success,
        "api-error" => t.outcome_name_api_error,
        "http-error" => t.outcome_name_http_error,
        "not-json" => t.outcome_name_not_json,
        "network" => t.outcome_name_network,
        "timeout" => t.outcome_name_timeout,
        "cancelled" => t.outcome_name_cancelled,
        "pending" => t.outcome_name_pending,
        INTERRUPTED => t.outcome_name_interrupted,
        other => other,
    }
}

/// A failure cause as the tally names it: the `errCode` as the CM gave it,
/// else the outcome's name.
fn cause_name<'a>(t: &'static Texts, cause: &'a FailureCause) -> &'a str {
    match cause {
        FailureCause::Refused(Some(code)) => code,
        FailureCause::Refused(None) => outcome_name(t, OutcomeClass::ApiError.as_str()),
        FailureCause::Ended(class) => outcome_name(t, class.as_str()),
    }
}

/// The tally of a batch's failures by cause, e.g. "Failed, by cause:
/// ILLEGAL_STATE: 2, network: 1."
pub fn failure_tally_text(t: &'static Texts, tally: &[(FailureCause, usize)]) -> String {
    let causes: Vec<String> = tally
        .iter()
        .map(|(cause, count)| {
            fill(
                t.batch_failure_count,
                &[cause_name(t, cause), &count.to_string()],
            )
        })
        .collect();
    fill(t.batch_failures, &[&causes.join(t.list_separator)])
}

/// Replaces `{0}`, `{1}`… in `template` with `args`.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut text = template.to_owned();
    for (i, arg) in args.iter().enumerate() {
        text = text.replace(&format!("{{{i}}}"), arg);
    }
    text
}

/// Fills `template` with the count `n` as `{0}` and `args` as `{1}`, `{2}`…,
/// choosing `one` or `other` in each `{one|other}` by `n` (English plurals;
/// a language without them has none).
pub fn fill_count(template: &str, n: usize, args: &[&str]) -> String {
    let mut text = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let choice = rest[open + 1..]
            .find('}')
            .map(|close| &rest[open + 1..open + 1 + close])
            .and_then(|inner| inner.split_once('|'));
        text.push_str(&rest[..open]);
        match choice {
            Some((one, other)) => {
                text.push_str(if n == 1 { one } else { other });
                rest = &rest[open + one.len() + other.len() + 3..];
            }
            None => {
                text.push('{');
                rest = &rest[open + 1..];
            }
        }
    }
    text.push_str(rest);
    let n = n.to_string();
    fill(&text, &[&[n.as_str()], args].concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(text: &str) -> Vec<String> {
        let mut found: Vec<String> = (0..10)
            .map(|i| format!("{{{i}}}"))
            .filter(|p| text.contains(p.as_str()))
            .collect();
        found.sort();
        found
    }

    #[test]
    fn every_text_exists_in_both_languages_with_the_same_placeholders() {
        let (en, zh) = (EN.entries(), ZH.entries());
        assert_eq!(en.len(), zh.len());
        for ((key, english), (_, chinese)) in en.iter().zip(zh.iter()) {
            assert!(!english.trim().is_empty(), "English {key} is empty");
            assert!(!chinese.trim().is_empty(), "Chinese {key} is empty");
            assert_eq!(placeholders(english), placeholders(chinese), "{key}");
        }
    }

    #[test]
    fn csv_headers_have_every_column() {
        for t in [&EN, &ZH] {
            assert_eq!(
                t.csv_journal_header.split(',').count(),
                oms_core::journal::CSV_COLUMNS
            );
            assert_eq!(t.csv_batch_header.split(',').count(), 7);
        }
    }

    #[test]
    fn the_oms_terms_follow_oms_usage() {
        assert_eq!(ZH.incr_sync, "增量同步");
        assert_eq!(ZH.full_import, "全量迁移");
        assert_eq!(ZH.op_pullback, "回拉");
        assert_eq!(ZH.checkpoint_title, "位点");
        assert!(ZH.stands_stopped_unchanged.contains("位点"));
    }

    #[test]
    fn every_outcome_is_named_in_both_languages() {
        use oms_core::envelope::OutcomeClass;
        let tokens: Vec<&str> = OutcomeClass::ALL
            .iter()
            .map(|c| c.as_str())
            .chain(["pending"])
            .collect();
        for token in &tokens {
            assert_eq!(outcome_name(&EN, token), *token, "English keeps the token");
            assert_ne!(outcome_name(&ZH, token), *token, "{token}");
        }
        assert_eq!(outcome_name(&ZH, "api-error"), "API 错误");
        assert_eq!(outcome_name(&ZH, "unknown"), "unknown");
    }

    #[test]
    fn entries_are_named_as_the_pages_are() {
        assert_eq!(entry_name(&EN, "stop"), "Stop");
        assert_eq!(entry_name(&EN, "pullback"), "Pull back");
        assert_eq!(entry_name(&EN, "batch-resume"), "Batch: Resume");
        assert_eq!(entry_name(&ZH, "batch-delete"), "批量删除");
        assert_eq!(entry_name(&ZH, "migrate"), "迁移");
        assert_eq!(entry_name(&ZH, "something-else"), "something-else");
    }

    #[test]
    fn browser_languages() {
        assert_eq!(Lang::from_tag("zh-CN"), Lang::Zh);
        assert_eq!(Lang::from_tag("zh-TW"), Lang::Zh);
        assert_eq!(Lang::from_tag("ZH"), Lang::Zh);
        assert_eq!(Lang::from_tag("en-US"), Lang::En);
        assert_eq!(Lang::from_tag("de"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
        assert_eq!(fill("{1} {0} {1}", &["a", "b"]), "b a b");
    }

    #[test]
    fn counts_choose_the_singular_for_one_only() {
        let send = EN.batch_confirm;
        assert_eq!(fill_count(send, 1, &["stop"]), "Send stop to 1 task?");
        assert_eq!(fill_count(send, 2, &["stop"]), "Send stop to 2 tasks?");
        assert_eq!(fill_count(send, 0, &["stop"]), "Send stop to 0 tasks?");
        assert_eq!(fill_count(EN.journal_count, 1, &[]), "1 entry");
        assert_eq!(fill_count(EN.journal_count, 12, &[]), "12 entries");
        assert_eq!(fill_count(ZH.batch_tasks, 1, &[]), "1 个任务");
        assert_eq!(fill_count("{a} {x|y", 1, &[]), "{a} {x|y");
    }

    #[test]
    fn a_batch_label_follows_the_language_shown() {
        assert_eq!(batch_label(&ZH, "5 tasks"), "5 个任务");
        assert_eq!(batch_label(&EN, "1 个任务"), "1 task");
        assert_eq!(batch_label(&EN, "12 tasks"), "12 tasks");
        assert_eq!(batch_label(&ZH, "5 things"), "5 things");
        assert_eq!(batch_label(&ZH, ""), "");
    }

    #[test]
    fn counted_texts_choose_in_english_only() {
        for text in [
            EN.batch_count,
            EN.batch_confirm,
            EN.batch_tasks,
            EN.journal_count,
            EN.profiles_import_confirm,
        ] {
            assert!(text.contains('|'), "{text}");
        }
        for (key, text) in ZH.entries() {
            assert!(!text.contains('|'), "{key}");
        }
    }

    #[test]
    fn the_failures_are_named_by_errcode_or_outcome_in_each_language() {
        let tally = [
            (FailureCause::Refused(Some("ILLEGAL_STATE".into())), 2),
            (FailureCause::Ended(OutcomeClass::Network), 1),
            (FailureCause::Refused(None), 1),
        ];
        assert_eq!(
            failure_tally_text(&EN, &tally),
            "Failed, by cause: ILLEGAL_STATE: 2, network: 1, api-error: 1."
        );
        assert_eq!(
            failure_tally_text(&ZH, &tally[..2]),
            "失败原因：ILLEGAL_STATE：2、无应答：1。"
        );
    }
}
