//! The message catalogue: every user-facing text, per language.
//!
//! A language is one `Texts` value; a missing field fails the build.
//! Placeholders `{0}`, `{1}`… are filled with [`fill`].

/// Every user-facing text of the console.
pub struct Texts {
    /// OMS Connector Console
    pub app_title: &'static str,
    /// Operations
    pub nav_label: &'static str,
    /// CM host:
    pub cm_host: &'static str,
    /// this origin
    pub this_origin: &'static str,
    /// Theme
    pub theme: &'static str,
    /// System
    pub theme_system: &'static str,
    /// Light
    pub theme_light: &'static str,
    /// Dark
    pub theme_dark: &'static str,
    /// Resume
    pub op_resume: &'static str,
    /// Stop
    pub op_stop: &'static str,
    /// Update
    pub op_update: &'static str,
    /// Pull back
    pub op_pullback: &'static str,
    /// Migrate
    pub op_migrate: &'static str,
    /// Delete
    pub op_delete: &'static str,
    /// Starts a stopped or abnormal connector. It cannot start a co
    pub resume_help: &'static str,
    /// Stops a running connector. You are asked to confirm the task
    pub stop_help: &'static str,
    /// Deletes and sets configuration entries. Only a stopped or ab
    pub update_help: &'static str,
    /// Rewinds an Incr-Sync to a point in time: stop, update source
    pub pullback_help: &'static str,
    /// Moves a connector to another node. The CM answers with the c
    pub migrate_help: &'static str,
    /// Deletes a connector. It must not be running.
    pub delete_help: &'static str,
    /// Deleting a connector cannot be undone.
    pub delete_irreversible: &'static str,
    /// (the component's name)
    pub task_name_label: &'static str,
    /// Paste the component's name, e.g. 10.186.16.126-9000:connecto
    pub task_name_hint: &'static str,
    /// Enter the task name.
    pub task_name_empty: &'static str,
    /// The task name contains white space or a control character ((
    pub task_name_bad_char: &'static str,
    /// This name does not follow the connector_v2 grammar; it will
    pub task_name_not_understood: &'static str,
    /// Component
    pub part_component: &'static str,
    /// Node
    pub part_node: &'static str,
    /// Project
    pub part_project: &'static str,
    /// Sequence
    pub part_seq: &'static str,
    /// Incr-Sync
    pub incr_sync: &'static str,
    /// Full-Import
    pub full_import: &'static str,
    /// pull back
    pub pull_back_flag_label: &'static str,
    /// Valid only for an Incr-Sync pullback: the connector restarts
    pub pull_back_flag_help: &'static str,
    /// restart
    pub restart_flag_label: &'static str,
    /// Valid only for a Full-Import restart on the original Checker
    pub restart_flag_help: &'static str,
    /// pullBackFlag and restartFlag cannot both be set.
    pub check_both_flags: &'static str,
    /// pullBackFlag is meant only for an Incr-Sync (incr_trans); th
    pub check_pull_back_not_incr: &'static str,
    /// restartFlag is meant only for a Full-Import (full_trans); th
    pub check_restart_not_full: &'static str,
    /// Nothing to delete and nothing to set: the update would send
    pub check_nothing_to_update: &'static str,
    /// Read the warnings above; click the button again to send anyw
    pub warning_second_click: &'static str,
    /// Request preview
    pub preview_title: &'static str,
    /// Complete the form to see the request.
    pub preview_incomplete: &'static str,
    /// Copy as curl
    pub copy_curl: &'static str,
    /// Copied.
    pub copied: &'static str,
    /// The browser refused to copy; select the URL above instead.
    pub copy_failed: &'static str,
    /// Send
    pub send: &'static str,
    /// Send anyway
    pub send_anyway: &'static str,
    /// Sending…
    pub sending: &'static str,
    /// Cancel
    pub cancel: &'static str,
    /// Clear form
    pub clear_form: &'static str,
    /// Confirm
    pub confirm_title: &'static str,
    /// Send
    pub confirm_send: &'static str,
    /// Stop (0)? The connector stops processing until it is resumed
    pub confirm_stop: &'static str,
    /// Delete (0)? This cannot be undone.
    pub confirm_delete: &'static str,
    /// Migrate (0)? The CM is expected to answer with the new name
    pub confirm_migrate: &'static str,
    /// Type the task name, or its last part, to confirm:
    pub type_to_confirm: &'static str,
    /// Answer
    pub response_title: &'static str,
    /// Succeeded
    pub outcome_success: &'static str,
    /// Failed
    pub outcome_failed: &'static str,
    /// The CM host applied the operation.
    pub explain_success: &'static str,
    /// The CM host refused the operation; see errCode and errMsg.
    pub explain_api_error: &'static str,
    /// The server answered with HTTP (0) instead of the CM's answer
    pub explain_http_error: &'static str,
    /// The answer was not the CM's JSON envelope; a proxy or a brok
    pub explain_not_json: &'static str,
    /// No answer: the CM host could not be reached. A CM host on an
    pub explain_network: &'static str,
    /// No answer within (0) s.
    pub explain_timeout: &'static str,
    /// You cancelled the request before an answer came.
    pub explain_cancelled: &'static str,
    /// The CM host may have applied the operation anyway: check the
    pub may_have_applied: &'static str,
    /// HTTP status
    pub http_status: &'static str,
    /// Latency
    pub latency: &'static str,
    /// At
    pub answered_at: &'static str,
    /// Raw answer
    pub raw_body: &'static str,
    /// Retry
    pub retry: &'static str,
    /// (destination node)
    pub ip_label: &'static str,
    /// Leave empty to let the CM choose. Otherwise an IPv4 or IPv6
    pub ip_help: &'static str,
    /// '(0)' is not an IPv4 or IPv6 address.
    pub ip_invalid: &'static str,
    /// Expected new name:
    pub migrate_expected: &'static str,
    /// New task name:
    pub migrate_new_name: &'static str,
    /// Use the new name
    pub use_new_name: &'static str,
    /// (unknown)
    pub unknown: &'static str,
    /// (keys to delete, scope.key)
    pub delete_params_label: &'static str,
    /// One scope.key per field, e.g. source.checkpoint. Sent as one
    pub delete_params_help: &'static str,
    /// Add key to delete
    pub add_entry: &'static str,
    /// Entry (0) is empty: fill it in or remove it.
    pub delete_empty: &'static str,
    /// Entry (0) is not scope.key.
    pub delete_not_scope_key: &'static str,
    /// Entry (0) contains a comma: use one field per key.
    pub delete_comma: &'static str,
    /// Entries (0) and (1) are the same key.
    pub delete_duplicate: &'static str,
    /// (entries to set)
    pub update_config_map_label: &'static str,
    /// Scope, key and string value. Nested values are JSON text ins
    pub update_config_map_help: &'static str,
    /// Rows
    pub tab_rows: &'static str,
    /// JSON
    pub tab_json: &'static str,
    /// Show secret values
    pub reveal_secrets: &'static str,
    /// scope
    pub scope: &'static str,
    /// key
    pub key: &'static str,
    /// value
    pub value: &'static str,
    /// secret value (not saved)
    pub secret_value: &'static str,
    /// Pretty-print the JSON value
    pub pretty_print: &'static str,
    /// Compact the JSON value
    pub compact: &'static str,
    /// Remove
    pub remove_row: &'static str,
    /// Add entry
    pub add_row: &'static str,
    /// Row (0): the scope is empty.
    pub row_empty_scope: &'static str,
    /// Row (0): the key is empty.
    pub row_empty_key: &'static str,
    /// Rows (0) and (1) set the same scope.key.
    pub row_duplicate: &'static str,
    /// Line (0), column (1): (2)
    pub json_syntax: &'static str,
    /// The JSON must be an object of scopes, e.g. ("source":("key":
    pub json_not_object: &'static str,
    /// Scope (0) must be an object of keys.
    pub json_scope_not_object: &'static str,
    /// Values must be strings; not strings: (0).
    pub json_non_string: &'static str,
    /// (0) appears twice; keep one.
    pub json_duplicate_key: &'static str,
    /// Store them as JSON text
    pub store_as_json_text: &'static str,
    /// The rows keep their last valid content until the JSON is fix
    pub json_rows_unchanged: &'static str,
    /// Secret values are hidden; show them to edit the JSON.
    pub json_secrets_hidden: &'static str,
    /// Deleted and set again (a replacement, as in a pullback): (0)
    pub replaced_keys: &'static str,
    /// Build a source.checkpoint
    pub insert_checkpoint_title: &'static str,
    /// Insert as source.checkpoint row
    pub insert_checkpoint: &'static str,
    /// Checkpoint
    pub checkpoint_title: &'static str,
    /// Date
    pub date: &'static str,
    /// Time
    pub time: &'static str,
    /// Zone
    pub zone: &'static str,
    /// Browser zone ((0))
    pub zone_local: &'static str,
    /// (usual OMS zone)
    pub zone_oms_usual: &'static str,
    /// Now
    pub now: &'static str,
    /// Or paste epoch seconds or milliseconds
    pub paste_epoch: &'static str,
    /// Read as epoch seconds.
    pub pasted_seconds: &'static str,
    /// Read as milliseconds and converted to seconds.
    pub pasted_millis: &'static str,
    /// Read as microseconds and converted to seconds.
    pub pasted_micros: &'static str,
    /// Not an epoch number: expected 10 digits (seconds), 13 (milli
    pub pasted_not_epoch: &'static str,
    /// (the task's subtopics)
    pub subtopics_label: &'static str,
    /// Each subtopic gets the same time. Use the subtopics listed i
    pub subtopics_help: &'static str,
    /// Add subtopic
    pub add_subtopic: &'static str,
    /// Add at least one subtopic.
    pub subtopic_none: &'static str,
    /// Subtopic (0) is empty.
    pub subtopic_empty: &'static str,
    /// Subtopics (0) and (1) are the same.
    pub subtopic_duplicate: &'static str,
    /// Epoch seconds:
    pub epoch_seconds: &'static str,
    /// In the zone
    pub in_zone: &'static str,
    /// When
    pub relative: &'static str,
    /// (0) ago
    pub ago: &'static str,
    /// in (0)
    pub from_now: &'static str,
    /// This time is (0) in the future: the CM refuses a checkpoint
    pub checkpoint_future: &'static str,
    /// This time is (0) ago, more than 7 days: the source may no lo
    pub checkpoint_old: &'static str,
    /// This local time does not exist in (0) (clocks went forward);
    pub checkpoint_gap: &'static str,
    /// This local time occurs twice in (0) (clocks went back); the
    pub checkpoint_fold: &'static str,
    /// Unknown zone (0).
    pub zone_unknown: &'static str,
    /// Choose a date.
    pub date_missing: &'static str,
    /// '(0)' is not a date (YYYY-MM-DD).
    pub date_bad: &'static str,
    /// Choose a time.
    pub time_missing: &'static str,
    /// '(0)' is not a time (HH:MM:SS).
    pub time_bad: &'static str,
    /// This date is out of range.
    pub out_of_range: &'static str,
    /// Pullback is meant for an Incr-Sync (incr_trans); this task i
    pub pullback_not_incr: &'static str,
    /// The three steps
    pub pullback_steps_title: &'static str,
    /// Start pullback
    pub start_pullback: &'static str,
    /// Confirm the pullback
    pub pullback_confirm_title: &'static str,
    /// Pull back (0) to (1) ((2)): 1. stop it; 2. update source.che
    pub pullback_summary: &'static str,
    /// 1. Stop
    pub step_stop: &'static str,
    /// 2. Update source.checkpoint
    pub step_update: &'static str,
    /// 3. Resume with pullBackFlag=true
    pub step_resume: &'static str,
    /// waiting
    pub step_waiting: &'static str,
    /// running…
    pub step_running: &'static str,
    /// done
    pub step_done: &'static str,
    /// failed
    pub step_failed: &'static str,
    /// skipped
    pub step_skipped: &'static str,
    /// The pullback halted at step (0).
    pub pullback_halted: &'static str,
    /// The connector was not stopped; its checkpoint is unchanged.
    pub stands_running: &'static str,
    /// The connector is stopped; its checkpoint is unchanged. Retry
    pub stands_stopped_unchanged: &'static str,
    /// The connector is stopped; its checkpoint is updated. Retry t
    pub stands_stopped_updated: &'static str,
    /// Unknown: the stop may have been applied. Check the connector
    pub stands_stop_unknown: &'static str,
    /// The connector is stopped; the checkpoint may or may not be u
    pub stands_update_unknown: &'static str,
    /// The connector is stopped or may have been resumed. Check it
    pub stands_resume_unknown: &'static str,
    /// Retry this step
    pub retry_step: &'static str,
    /// Skip this step
    pub skip_step: &'static str,
    /// Resume without pullback
    pub resume_without_pullback: &'static str,
    /// Pullback done: the connector runs from the new checkpoint.
    pub pullback_done: &'static str,
    /// The console stopped because of an error. What you typed and
    pub crash_message: &'static str,
    /// Reload the console
    pub crash_reload: &'static str,
    /// Batch
    pub page_batch: &'static str,
    /// Journal
    pub page_journal: &'static str,
    /// CM hosts
    pub page_settings: &'static str,
    /// Dismiss
    pub dismiss: &'static str,
    /// Stored data could not be read and was set aside; the console
    pub storage_unreadable: &'static str,
    /// Browser storage is full: the oldest journal entries were dro
    pub journal_full: &'static str,
    /// CM host profile:
    pub on_profile: &'static str,
    /// Copy link
    pub copy_link: &'static str,
    /// Link copied. Opening it fills this page; it sends nothing.
    pub link_copied: &'static str,
    /// This link's fields could not be read; nothing was filled.
    pub share_bad: &'static str,
    /// The form was filled from a link. Nothing was sent.
    pub share_filled: &'static str,
    /// Fill in the secret values the link leaves out: (0).
    pub share_fill_secrets: &'static str,
    /// Export JSON
    pub export_json: &'static str,
    /// Export CSV
    pub export_csv: &'static str,
    /// Every request this browser sent, newest first, with what cam
    pub journal_help: &'static str,
    /// Operation
    pub journal_operation: &'static str,
    /// Outcome
    pub journal_outcome: &'static str,
    /// All
    pub journal_all: &'static str,
    /// From
    pub journal_from: &'static str,
    /// Until
    pub journal_to: &'static str,
    /// Clear journal
    pub journal_clear: &'static str,
    /// Delete every journal entry kept in this browser? Export it f
    pub journal_clear_confirm: &'static str,
    /// (0) entries
    pub journal_count: &'static str,
    /// CM host profile: (0)
    pub journal_profile: &'static str,
    /// Fill form from this entry
    pub journal_fill: &'static str,
    /// Stop, resume or delete many connectors: one task name per li
    pub batch_help: &'static str,
    /// Task names, one per line
    pub batch_names_label: &'static str,
    /// (0) tasks will be sent to.
    pub batch_count: &'static str,
    /// Recent:
    pub batch_recent: &'static str,
    /// Line (0):
    pub batch_line: &'static str,
    /// empty, skipped.
    pub batch_line_empty: &'static str,
    /// the same as line (0), skipped.
    pub batch_line_duplicate: &'static str,
    /// not a connector_v2 name; it will be sent as typed.
    pub batch_line_not_understood: &'static str,
    /// Operation
    pub batch_operation: &'static str,
    /// Requests at once (1–16)
    pub batch_concurrency: &'static str,
    /// Requests at once must be a whole number from 1 to 16.
    pub batch_concurrency_bad: &'static str,
    /// Paste at least one task name.
    pub batch_empty: &'static str,
    /// Start batch
    pub batch_start: &'static str,
    /// Retry failed
    pub batch_retry_failed: &'static str,
    /// Send (1) to (0) tasks?
    pub batch_confirm: &'static str,
    /// (0) tasks
    pub batch_tasks: &'static str,
    /// Batch progress
    pub batch_progress: &'static str,
    /// (0) of (1) answered, (2) failed.
    pub batch_progress_text: &'static str,
    /// Cancelled: no more requests were started.
    pub batch_cancelled: &'static str,
    /// Outcome
    pub batch_outcome: &'static str,
    /// not sent
    pub batch_not_sent: &'static str,
    /// A profile names a CM host: its base URL, the request time li
    pub settings_help: &'static str,
    /// (in use)
    pub profile_in_use: &'static str,
    /// Use
    pub profile_use: &'static str,
    /// Edit
    pub profile_edit: &'static str,
    /// Check connection
    pub profile_check: &'static str,
    /// Delete
    pub profile_delete: &'static str,
    /// Answers: a CM host is there.
    pub check_answers: &'static str,
    /// Does not answer: the host is down, unreachable, or refuses b
    pub check_no_answer: &'static str,
    /// Answers, but not like a CM host: check the base URL.
    pub check_not_cm: &'static str,
    /// Add a profile
    pub profile_add_title: &'static str,
    /// Edit the profile
    pub profile_edit_title: &'static str,
    /// Name
    pub profile_name: &'static str,
    /// Base URL
    pub profile_base: &'static str,
    /// Time limit (ms)
    pub profile_timeout: &'static str,
    /// Environment label
    pub profile_label: &'static str,
    /// Label colour
    pub profile_color: &'static str,
    /// Empty: this origin. A path prefix such as /cm/east/: a proxy
    pub profile_base_help: &'static str,
    /// Save profile
    pub profile_save: &'static str,
    /// Give the profile a name.
    pub profile_name_empty: &'static str,
    /// Another profile has this name.
    pub profile_name_taken: &'static str,
    /// The base URL must be empty, a path such as /cm/east/, or htt
    pub profile_base_bad: &'static str,
    /// The time limit must be from 1000 to 600000 ms.
    pub profile_timeout_bad: &'static str,
    /// Choose one of the offered colours.
    pub profile_color_bad: &'static str,
    /// Share profiles
    pub profiles_share_title: &'static str,
    /// Paste exported profiles (JSON) to replace these:
    pub profiles_import_label: &'static str,
    /// Import
    pub profiles_import: &'static str,
    /// These profiles could not be imported: (0)
    pub profiles_import_bad: &'static str,
}

/// English.
pub static EN: Texts = Texts {
    app_title: "OMS Connector Console",
    nav_label: "Operations",
    cm_host: "CM host:",
    this_origin: "this origin",
    theme: "Theme",
    theme_system: "System",
    theme_light: "Light",
    theme_dark: "Dark",
    op_resume: "Resume",
    op_stop: "Stop",
    op_update: "Update",
    op_pullback: "Pull back",
    op_migrate: "Migrate",
    op_delete: "Delete",
    resume_help: "Starts a stopped or abnormal connector. It cannot start a connector of a project that was just created.",
    stop_help: "Stops a running connector. You are asked to confirm the task name before it is sent.",
    update_help: "Deletes and sets configuration entries. Only a stopped or abnormal connector can be updated; deleteParams are applied before updateConfigMap.",
    pullback_help: "Rewinds an Incr-Sync to a point in time: stop, update source.checkpoint, resume with pullBackFlag=true. Each step is shown with its answer; the flow halts at the first failure.",
    migrate_help: "Moves a connector to another node. The CM answers with the connector's new name; the old name is gone afterwards.",
    delete_help: "Deletes a connector. It must not be running.",
    delete_irreversible: "Deleting a connector cannot be undone.",
    task_name_label: "(the component's name)",
    task_name_hint: "Paste the component's name, e.g. 10.186.16.126-9000:connector_v2:np_56el1g1jvrs0-incr_trans-1-0:0000000002.",
    task_name_empty: "Enter the task name.",
    task_name_bad_char: "The task name contains white space or a control character ({0}) at position {1}.",
    task_name_not_understood: "This name does not follow the connector_v2 grammar; it will be sent exactly as typed. Check it before sending.",
    part_component: "Component",
    part_node: "Node",
    part_project: "Project",
    part_seq: "Sequence",
    incr_sync: "Incr-Sync",
    full_import: "Full-Import",
    pull_back_flag_label: "pull back",
    pull_back_flag_help: "Valid only for an Incr-Sync pullback: the connector restarts from its source.checkpoint. Sent only when checked.",
    restart_flag_label: "restart",
    restart_flag_help: "Valid only for a Full-Import restart on the original Checker: progress starts again from zero. Sent only when checked.",
    check_both_flags: "pullBackFlag and restartFlag cannot both be set.",
    check_pull_back_not_incr: "pullBackFlag is meant only for an Incr-Sync (incr_trans); this task is not one.",
    check_restart_not_full: "restartFlag is meant only for a Full-Import (full_trans); this task is not one.",
    check_nothing_to_update: "Nothing to delete and nothing to set: the update would send an empty body {}.",
    warning_second_click: "Read the warnings above; click the button again to send anyway.",
    preview_title: "Request preview",
    preview_incomplete: "Complete the form to see the request.",
    copy_curl: "Copy as curl",
    copied: "Copied.",
    copy_failed: "The browser refused to copy; select the URL above instead.",
    send: "Send",
    send_anyway: "Send anyway",
    sending: "Sending…",
    cancel: "Cancel",
    clear_form: "Clear form",
    confirm_title: "Confirm",
    confirm_send: "Send",
    confirm_stop: "Stop {0}? The connector stops processing until it is resumed.",
    confirm_delete: "Delete {0}? This cannot be undone.",
    confirm_migrate: "Migrate {0}? The CM is expected to answer with the new name {1}; the old name will be gone.",
    type_to_confirm: "Type the task name, or its last part, to confirm:",
    response_title: "Answer",
    outcome_success: "Succeeded",
    outcome_failed: "Failed",
    explain_success: "The CM host applied the operation.",
    explain_api_error: "The CM host refused the operation; see errCode and errMsg.",
    explain_http_error: "The server answered with HTTP {0} instead of the CM's answer; a proxy or the CM host may be in trouble.",
    explain_not_json: "The answer was not the CM's JSON envelope; a proxy or a broken answer may be in the way.",
    explain_network: "No answer: the CM host could not be reached. A CM host on another origin may be refusing browser calls (CORS); serve the console behind the proxy.",
    explain_timeout: "No answer within {0} s.",
    explain_cancelled: "You cancelled the request before an answer came.",
    may_have_applied: "The CM host may have applied the operation anyway: check the task's state before retrying.",
    http_status: "HTTP status",
    latency: "Latency",
    answered_at: "At",
    raw_body: "Raw answer",
    retry: "Retry",
    ip_label: "(destination node)",
    ip_help: "Leave empty to let the CM choose. Otherwise an IPv4 or IPv6 address.",
    ip_invalid: "'{0}' is not an IPv4 or IPv6 address.",
    migrate_expected: "Expected new name:",
    migrate_new_name: "New task name:",
    use_new_name: "Use the new name",
    unknown: "(unknown)",
    delete_params_label: "(keys to delete, scope.key)",
    delete_params_help: "One scope.key per field, e.g. source.checkpoint. Sent as one comma-separated parameter.",
    add_entry: "Add key to delete",
    delete_empty: "Entry {0} is empty: fill it in or remove it.",
    delete_not_scope_key: "Entry {0} is not scope.key.",
    delete_comma: "Entry {0} contains a comma: use one field per key.",
    delete_duplicate: "Entries {0} and {1} are the same key.",
    update_config_map_label: "(entries to set)",
    update_config_map_help: "Scope, key and string value. Nested values are JSON text inside the string.",
    tab_rows: "Rows",
    tab_json: "JSON",
    reveal_secrets: "Show secret values",
    scope: "scope",
    key: "key",
    value: "value",
    secret_value: "secret value (not saved)",
    pretty_print: "Pretty-print the JSON value",
    compact: "Compact the JSON value",
    remove_row: "Remove",
    add_row: "Add entry",
    row_empty_scope: "Row {0}: the scope is empty.",
    row_empty_key: "Row {0}: the key is empty.",
    row_duplicate: "Rows {0} and {1} set the same scope.key.",
    json_syntax: "Line {0}, column {1}: {2}",
    json_not_object: "The JSON must be an object of scopes, e.g. {\"source\":{\"key\":\"value\"}}.",
    json_scope_not_object: "Scope {0} must be an object of keys.",
    json_non_string: "Values must be strings; not strings: {0}.",
    json_duplicate_key: "{0} appears twice; keep one.",
    store_as_json_text: "Store them as JSON text",
    json_rows_unchanged: "The rows keep their last valid content until the JSON is fixed.",
    json_secrets_hidden: "Secret values are hidden; show them to edit the JSON.",
    replaced_keys: "Deleted and set again (a replacement, as in a pullback): {0}.",
    insert_checkpoint_title: "Build a source.checkpoint",
    insert_checkpoint: "Insert as source.checkpoint row",
    checkpoint_title: "Checkpoint",
    date: "Date",
    time: "Time",
    zone: "Zone",
    zone_local: "Browser zone ({0})",
    zone_oms_usual: "(usual OMS zone)",
    now: "Now",
    paste_epoch: "Or paste epoch seconds or milliseconds",
    pasted_seconds: "Read as epoch seconds.",
    pasted_millis: "Read as milliseconds and converted to seconds.",
    pasted_micros: "Read as microseconds and converted to seconds.",
    pasted_not_epoch: "Not an epoch number: expected 10 digits (seconds), 13 (milliseconds) or 16 (microseconds).",
    subtopics_label: "(the task's subtopics)",
    subtopics_help: "Each subtopic gets the same time. Use the subtopics listed in the task's source.clients.",
    add_subtopic: "Add subtopic",
    subtopic_none: "Add at least one subtopic.",
    subtopic_empty: "Subtopic {0} is empty.",
    subtopic_duplicate: "Subtopics {0} and {1} are the same.",
    epoch_seconds: "Epoch seconds:",
    in_zone: "In the zone",
    relative: "When",
    ago: "{0} ago",
    from_now: "in {0}",
    checkpoint_future: "This time is {0} in the future: the CM refuses a checkpoint in the future.",
    checkpoint_old: "This time is {0} ago, more than 7 days: the source may no longer hold data that old.",
    checkpoint_gap: "This local time does not exist in {0} (clocks went forward); {1} was taken.",
    checkpoint_fold: "This local time occurs twice in {0} (clocks went back); the first, {1}, was taken, not {2}.",
    zone_unknown: "Unknown zone {0}.",
    date_missing: "Choose a date.",
    date_bad: "'{0}' is not a date (YYYY-MM-DD).",
    time_missing: "Choose a time.",
    time_bad: "'{0}' is not a time (HH:MM:SS).",
    out_of_range: "This date is out of range.",
    pullback_not_incr: "Pullback is meant for an Incr-Sync (incr_trans); this task is not one, and the CM is expected to refuse step 3.",
    pullback_steps_title: "The three steps",
    start_pullback: "Start pullback",
    pullback_confirm_title: "Confirm the pullback",
    pullback_summary: "Pull back {0} to {1} ({2}): 1. stop it; 2. update source.checkpoint; 3. resume it with pullBackFlag=true.",
    step_stop: "1. Stop",
    step_update: "2. Update source.checkpoint",
    step_resume: "3. Resume with pullBackFlag=true",
    step_waiting: "waiting",
    step_running: "running…",
    step_done: "done",
    step_failed: "failed",
    step_skipped: "skipped",
    pullback_halted: "The pullback halted at step {0}.",
    stands_running: "The connector was not stopped; its checkpoint is unchanged. If the CM said it is already stopped, skip this step.",
    stands_stopped_unchanged: "The connector is stopped; its checkpoint is unchanged. Retry, or resume without pullback to restore service.",
    stands_stopped_updated: "The connector is stopped; its checkpoint is updated. Retry the resume, or resume without pullback.",
    stands_stop_unknown: "Unknown: the stop may have been applied. Check the connector before retrying.",
    stands_update_unknown: "The connector is stopped; the checkpoint may or may not be updated. Check it before retrying.",
    stands_resume_unknown: "The connector is stopped or may have been resumed. Check it before retrying.",
    retry_step: "Retry this step",
    skip_step: "Skip this step",
    resume_without_pullback: "Resume without pullback",
    pullback_done: "Pullback done: the connector runs from the new checkpoint.",
    crash_message: "The console stopped because of an error. What you typed and the journal are saved in this browser.",
    crash_reload: "Reload the console",
    page_batch: "Batch",
    page_journal: "Journal",
    page_settings: "CM hosts",
    dismiss: "Dismiss",
    storage_unreadable: "Stored data could not be read and was set aside; the console started afresh.",
    journal_full: "Browser storage is full: the oldest journal entries were dropped.",
    on_profile: "CM host profile:",
    copy_link: "Copy link",
    link_copied: "Link copied. Opening it fills this page; it sends nothing.",
    share_bad: "This link's fields could not be read; nothing was filled.",
    share_filled: "The form was filled from a link. Nothing was sent.",
    share_fill_secrets: "Fill in the secret values the link leaves out: {0}.",
    export_json: "Export JSON",
    export_csv: "Export CSV",
    journal_help: "Every request this browser sent, newest first, with what came back. Secret values are masked. Kept in this browser only (newest 2,000 entries).",
    journal_operation: "Operation",
    journal_outcome: "Outcome",
    journal_all: "All",
    journal_from: "From",
    journal_to: "Until",
    journal_clear: "Clear journal",
    journal_clear_confirm: "Delete every journal entry kept in this browser? Export it first if you need it.",
    journal_count: "{0} entries",
    journal_profile: "CM host profile: {0}",
    journal_fill: "Fill form from this entry",
    batch_help: "Stop, resume or delete many connectors: one task name per line. Duplicates, empty lines and names that are not task names are flagged and skipped.",
    batch_names_label: "Task names, one per line",
    batch_count: "{0} tasks will be sent to.",
    batch_recent: "Recent:",
    batch_line: "Line {0}:",
    batch_line_empty: "empty, skipped.",
    batch_line_duplicate: "the same as line {0}, skipped.",
    batch_line_not_understood: "not a connector_v2 name; it will be sent as typed.",
    batch_operation: "Operation",
    batch_concurrency: "Requests at once (1–16)",
    batch_concurrency_bad: "Requests at once must be a whole number from 1 to 16.",
    batch_empty: "Paste at least one task name.",
    batch_start: "Start batch",
    batch_retry_failed: "Retry failed",
    batch_confirm: "Send {1} to {0} tasks?",
    batch_tasks: "{0} tasks",
    batch_progress: "Batch progress",
    batch_progress_text: "{0} of {1} answered, {2} failed.",
    batch_cancelled: "Cancelled: no more requests were started.",
    batch_outcome: "Outcome",
    batch_not_sent: "not sent",
    settings_help: "A profile names a CM host: its base URL, the request time limit and an environment label. The active profile is shown in the header and in every confirmation.",
    profile_in_use: "(in use)",
    profile_use: "Use",
    profile_edit: "Edit",
    profile_check: "Check connection",
    profile_delete: "Delete",
    check_answers: "Answers: a CM host is there.",
    check_no_answer: "Does not answer: the host is down, unreachable, or refuses browser calls (CORS).",
    check_not_cm: "Answers, but not like a CM host: check the base URL.",
    profile_add_title: "Add a profile",
    profile_edit_title: "Edit the profile",
    profile_name: "Name",
    profile_base: "Base URL",
    profile_timeout: "Time limit (ms)",
    profile_label: "Environment label",
    profile_color: "Label colour",
    profile_base_help: "Empty: this origin. A path prefix such as /cm/east/: a proxy on this origin. http(s)://host:port: a CM host that allows browser calls.",
    profile_save: "Save profile",
    profile_name_empty: "Give the profile a name.",
    profile_name_taken: "Another profile has this name.",
    profile_base_bad: "The base URL must be empty, a path such as /cm/east/, or http(s)://host:port.",
    profile_timeout_bad: "The time limit must be from 1000 to 600000 ms.",
    profile_color_bad: "Choose one of the offered colours.",
    profiles_share_title: "Share profiles",
    profiles_import_label: "Paste exported profiles (JSON) to replace these:",
    profiles_import: "Import",
    profiles_import_bad: "These profiles could not be imported: {0}",
};

/// Replaces `{0}`, `{1}`… in `template` with `args`.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut text = template.to_owned();
    for (i, arg) in args.iter().enumerate() {
        text = text.replace(&format!("{{{i}}}"), arg);
    }
    text
}
