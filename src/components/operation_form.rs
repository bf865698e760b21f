//! The form every single-request operation shares: task name, the page's
//! fields, checks, preview, send with confirmation, and the answer.

use leptos::prelude::*;
use oms_core::journal::EntryKind;
use oms_core::request::{Check, Operation, OperationKind, Request, Severity};

use crate::components::clear_undo::{ClearUndo, Restore};
use crate::components::confirm::{ConfirmDialog, Expected};
use crate::components::preview::RequestPreview;
use crate::components::response::ResponsePanel;
use crate::components::share::ShareLink;
use crate::components::task_name::TaskNameField;
use crate::components::{SecondClick, error_list, hold_enter};
use crate::drafts::{lasting, lasting_context};
use crate::i18n::{Texts, fill, operation_name};
use crate::route::{NavMark, Page};
use crate::transport::{self, Cancel, Sent, Target};
use crate::{JournalStore, browser, console};

/// How an operation is confirmed before it is sent.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    /// Sent at once.
    None,
    /// A dialog naming the task.
    Plain,
    /// A dialog that needs the task name typed.
    Typed,
}

/// The message of a pre-send check, as a template: `{0}` stands for what
/// [`check_text`] names.
fn check_message(t: &Texts, check: Check) -> &'static str {
    match check {
        Check::BothFlags => t.check_both_flags,
        Check::PullBackNotIncrSync => t.check_pull_back_not_incr,
        Check::RestartNotFullImport => t.check_restart_not_full,
        Check::NothingToUpdate => t.check_nothing_to_update,
        Check::MigrateToSameNode => t.check_migrate_same_node,
        Check::UnknownScope => t.check_unknown_scope,
        Check::SpaceInKey => t.check_space_in_key,
        Check::CheckpointNotSeconds => t.check_checkpoint_not_seconds,
        Check::EmptyValue => t.check_empty_value,
        Check::ValueSpacedAtAnEnd => t.check_value_spaced_at_an_end,
    }
}

/// The message of a check on `operation`, naming the scopes, keys or
/// timestamps it is about, quoted so that a space shows. A flag's check on
/// a name not understood says its type cannot be told, not that it is
/// another.
pub fn check_text(t: &Texts, check: Check, operation: &Operation) -> String {
    let understood = operation.task_name().parts().is_some();
    match check {
        Check::PullBackNotIncrSync if !understood => {
            return t.check_pull_back_type_unknown.to_owned();
        }
        Check::RestartNotFullImport if !understood => {
            return t.check_restart_type_unknown.to_owned();
        }
        _ => {}
    }
    let quoted: Vec<String> = operation
        .found(check)
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect();
    fill(check_message(t, check), &[&quoted.join(t.list_separator)])
}

/// Sends operations one at a time: the in-flight state, the answer, cancel.
#[derive(Clone, Copy)]
pub struct Sender {
    action: Action<(Operation, Target), Sent>,
    busy: RwSignal<bool>,
    cancel: StoredValue<Option<Cancel>, LocalStorage>,
    last: StoredValue<Option<(Operation, Target)>>,
}

/// The console's senders, one per operation page.
#[derive(Clone, Copy)]
struct Senders(StoredValue<Vec<(OperationKind, Sender)>>);

impl Sender {
    /// The sender of `kind`'s page, made on its first visit. It lasts as
    /// long as the console, not the page: coming back shows a request still
    /// in flight (nothing can be sent until it ends) or the last answer.
    pub fn of_page(kind: OperationKind) -> Self {
        let senders = lasting_context(|| Senders(StoredValue::new(Vec::new())));
        let known = senders
            .0
            .with_value(|all| all.iter().find(|(k, _)| *k == kind).map(|(_, s)| *s));
        known.unwrap_or_else(|| {
            let c = console();
            let sender = lasting(|| {
                let sender = Self::new(c.journal);
                let mark = Signal::derive(move || sender.busy.get().then_some(NavMark::Running));
                c.marks.show(Page::of_operation(kind), mark);
                sender
            });
            senders.0.update_value(|all| all.push((kind, sender)));
            sender
        })
    }

    /// A sender recording in `journal`.
    fn new(journal: JournalStore) -> Self {
        let busy = RwSignal::new(false);
        let cancel = StoredValue::new_local(None::<Cancel>);
        let action = Action::new_local(move |(operation, target): &(Operation, Target)| {
            let request = operation.request();
            let target = target.clone();
            let handle = Cancel::new();
            cancel.set_value(handle.clone());
            let entry = journal.start(
                &target.profile,
                EntryKind::Single(operation.kind()),
                operation.task_name().as_str(),
            );
            async move {
                let flight = journal.sending(&entry, "", &request);
                let sent = match handle {
                    Some(handle) => transport::send(&request, &target, handle).await,
                    None => unreachable_cancel(&request, &target.base_url),
                };
                journal.add(flight, sent.record("", &request));
                busy.set(false);
                sent
            }
        });
        Self {
            action,
            busy,
            cancel,
            last: StoredValue::new(None),
        }
    }

    /// Sends `operation` to `target`, unless a request is in flight; true
    /// when it was sent.
    pub fn send(&self, operation: Operation, target: Target) -> bool {
        if self.busy.get_untracked() {
            return false;
        }
        self.busy.set(true);
        // The previous answer goes at once: it must not be read as this
        // request's while it is in flight.
        self.action.value().set(None);
        self.last
            .set_value(Some((operation.clone(), target.clone())));
        self.action.dispatch((operation, target));
        true
    }

    /// Sends the last operation again, to the CM host it went to.
    pub fn retry(&self) {
        if let Some((operation, target)) = self.last.get_value() {
            self.send(operation, target);
        }
    }

    /// Cancels the request in flight.
    pub fn cancel(&self) {
        if let Some(cancel) = self.cancel.get_value() {
            cancel.cancel();
        }
    }

    /// Whether a request is in flight.
    pub fn busy(&self) -> Signal<bool> {
        self.busy.into()
    }

    /// The last operation sent.
    pub fn last_operation(&self) -> Option<Operation> {
        self.last
            .with_value(|last| last.as_ref().map(|(operation, _)| operation.clone()))
    }

    /// The CM host the last operation went to.
    pub fn last_target(&self) -> Option<Target> {
        self.last
            .with_value(|last| last.as_ref().map(|(_, target)| target.clone()))
    }

    /// The request of the last operation sent.
    pub fn last_request(&self) -> Option<Request> {
        self.last_operation().map(|operation| operation.request())
    }

    /// The last answer.
    pub fn sent(&self) -> Signal<Option<Sent>> {
        self.action.value().into()
    }

    /// Forgets the last answer.
    pub fn clear(&self) {
        self.action.value().set(None);
    }
}

/// An answer for a browser without AbortController (not expected in practice).
fn unreachable_cancel(request: &oms_core::request::Request, base: &str) -> Sent {
    Sent {
        url: request.url(base),
        kind: request.kind,
        outcome: oms_core::envelope::Outcome::Network {
            detail: "AbortController is not available".into(),
        },
        status: None,
        body: None,
        latency_ms: 0,
        ended_at_ms: crate::browser::now_ms(),
    }
}

/// Send and Cancel buttons with the progress indicator.
#[component]
pub fn SendButtons(
    /// The sender.
    sender: Sender,
    /// The submit button's label.
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let t = console().t;
    let busy = sender.busy();
    let send = NodeRef::<leptos::html::Button>::new();
    // Cancel leaves with the request: the focus goes back to Send.
    let cancel = move |_| {
        sender.cancel();
        super::focus(send);
    };
    view! {
        <div class="actions">
            <button type="submit" node_ref=send aria-disabled=move || super::held(busy.get())
                aria-busy=move || busy.get().to_string()>
                {move || if busy.get() { t.sending.to_owned() } else { label.get() }}
            </button>
            <Show when=move || busy.get()>
                <span class="spinner" role="progressbar" aria-label=t.sending></span>
                <button type="button" class="secondary" on:click=cancel>
                    {t.cancel}
                </button>
            </Show>
        </div>
    }
}

/// Whether sending the form around a field has been tried (set again at
/// each try): its fields' errors show from then on.
#[derive(Clone, Copy)]
pub struct SendTried(pub RwSignal<bool>);

/// One operation's form.
#[component]
pub fn OperationForm(
    /// The page's operation: its sender lasts from one visit to the next.
    kind: OperationKind,
    /// The operation the fields describe, or what is wrong with them.
    operation: Memo<Result<Operation, Vec<String>>>,
    /// How it is confirmed.
    confirm: Confirm,
    /// The dialog's message (for confirmed operations).
    #[prop(into, optional)]
    confirm_message: Signal<String>,
    /// The body as the preview shows it (secrets masked); defaults to the real one.
    #[prop(into, optional)]
    shown_body: Option<Signal<Option<String>>>,
    /// Runs after a successful answer, with the operation it answers and
    /// whether the answer is one kept from an earlier visit of the page.
    #[prop(optional)]
    on_success: Option<Callback<(Operation, Sent, bool)>>,
    /// Clears the page's fields; gives what puts them back.
    on_clear: Callback<(), Restore>,
    /// Only the button sends: Enter in a field does not (a form whose
    /// fields go on after the task name).
    #[prop(optional)]
    only_button_sends: bool,
    /// The page's own fields.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let c = console();
    let t = c.t;
    let sender = Sender::of_page(kind);
    let tried = RwSignal::new(false);
    let dialog_open = RwSignal::new(false);
    let errors = Memo::new(move |_| match operation.get() {
        Err(errors) => errors,
        Ok(op) => op
            .checks()
            .into_iter()
            .filter(|c| c.severity() == Severity::Error)
            .map(|c| check_text(t, c, &op))
            .collect(),
    });
    let warnings = Memo::new(move |_| match operation.get() {
        Err(_) => Vec::new(),
        Ok(op) => op
            .checks()
            .into_iter()
            .filter(|c| c.severity() == Severity::Warning)
            .map(|c| check_text(t, c, &op))
            .chain(
                op.checkpoint_warnings(crate::browser::now_secs())
                    .iter()
                    .map(|w| {
                        fill(
                            t.check_checkpoint_time,
                            &[&super::checkpoint::warning_text(t, w)],
                        )
                    }),
            )
            // A request for the same task still in flight from another
            // page (a pullback's step, a stop): this one would race it.
            .chain(
                c.journal
                    .under_way(t, op.task_name().as_str(), kind.as_str()),
            )
            .collect::<Vec<_>>(),
    });
    let second_click = SecondClick::new(warnings, move || operation.track());
    let undo = ClearUndo::new();
    let request = Signal::derive(move || operation.get().ok().map(|op| op.request()));
    let shown_body =
        shown_body.unwrap_or_else(|| Signal::derive(move || request.get().and_then(|r| r.body)));
    if let Some(on_success) = on_success {
        // Its first run, as the page is built, finds a kept answer.
        Effect::new(move |ran: Option<()>| {
            if let Some(sent) = sender.sent().get()
                && matches!(sent.outcome, oms_core::envelope::Outcome::Success { .. })
                && let Some(operation) = sender.last_operation()
            {
                on_success.run((operation, sent, ran.is_none()));
            }
        });
    }
    let send_now = move || {
        if let Ok(op) = operation.get_untracked()
            && sender.send(op, c.target())
        {
            second_click.forget();
            undo.forget();
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if sender.busy().get_untracked()
            || !errors.get_untracked().is_empty()
            || operation.get_untracked().is_err()
        {
            return;
        }
        if second_click.holds() {
            return;
        }
        match confirm {
            Confirm::None if !c.host_moved.get_untracked() => send_now(),
            _ => dialog_open.set(true),
        }
    };
    let label = Signal::derive(move || {
        if second_click.acknowledged() {
            t.send_anyway.to_owned()
        } else {
            t.send.to_owned()
        }
    });
    let clear = move |_| {
        undo.cleared(on_clear.run(()));
        sender.clear();
        tried.set(false);
    };
    // The page's fields under an owner of their own, holding `SendTried`:
    // given to the page's owner, which the route keeps for the next page,
    // the context would outlive the form. (Leptos's `Provider` does the
    // same, at twice the main module's bytes for its generic view.)
    let owner = Owner::current().map(|page| page.child());
    let fields = match &owner {
        Some(owner) => owner.with(|| {
            provide_context(SendTried(tried));
            children.map(|children| children())
        }),
        None => children.map(|children| children()),
    };
    on_cleanup(move || drop(owner));
    view! {
        <form class="operation" on:submit=submit on:keydown=move |ev| if only_button_sends { hold_enter(ev) }
            on:input=move |_| undo.forget() novalidate>
            <TaskNameField />
            {fields}
            <Show when=move || tried.get() && !errors.get().is_empty()>
                {error_list(move || errors.get())}
            </Show>
            {second_click.view(t.warning_second_click)}
            <RequestPreview request=request shown_body=shown_body
                secrets=Signal::derive(move || operation.with(|op| op.as_ref().map(Operation::secret_keys).unwrap_or_default())) />
            <div class="actions">
                <SendButtons sender=sender label=label />
                <button type="button" class="secondary" data-action="clear-form" on:click=clear>{t.clear_form}</button>
                <ShareLink />
                {undo.view()}
            </div>
        </form>
        <ConfirmDialog
            open=dialog_open
            title=t.confirm_title
            message=Signal::derive(move || match confirm {
                Confirm::None => t.confirm_host_moved.to_owned(),
                _ => confirm_message.get(),
            })
            typed=Signal::derive(move || {
                (confirm == Confirm::Typed).then(|| operation.get().ok().map(|op| Expected::task_name(op.task_name()))).flatten()
            })
            confirm_label=operation_name(t, kind)
            on_confirm=Callback::new(move |()| send_now())
        />
        <ResponsePanel
            sent=sender.sent()
            on_retry=Callback::new(move |()| sender.retry())
            show_request=true
            stale=Signal::derive(move || {
                sender.sent().with(Option::is_some).then_some(())?;
                if sender.last_request() != request.get() {
                    return Some(t.answer_stale.to_owned());
                }
                let base = sender.last_target()?.base_url;
                (base != c.base_url.get()).then(|| fill(t.answer_other_host, &[&browser::absolute_url(&base)]))
            })
        />
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::EN;
    use oms_core::task_name::TaskName;

    fn resume(name: &str) -> Operation {
        Operation::Resume {
            task_name: TaskName::parse(name).unwrap(),
            pull_back_flag: true,
            restart_flag: true,
        }
    }

    #[test]
    fn a_flag_on_a_name_not_understood_says_its_type_cannot_be_told() {
        let full =
            resume("10.186.16.126-9000:connector_v2:np_56el1g1jvrs0-full_trans-1-0:0000000001");
        assert_eq!(
            check_text(&EN, Check::PullBackNotIncrSync, &full),
            EN.check_pull_back_not_incr
        );
        let v1 = resume("10.186.16.126-9000:connector:p_49abc-incr_trans-1-0:1");
        assert_eq!(
            check_text(&EN, Check::PullBackNotIncrSync, &v1),
            EN.check_pull_back_type_unknown
        );
        assert_eq!(
            check_text(&EN, Check::RestartNotFullImport, &v1),
            EN.check_restart_type_unknown
        );
    }
}
