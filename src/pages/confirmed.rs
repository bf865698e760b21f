//! `#/stop` and `#/delete`: the task name alone, sent after a confirmation
//! (delete needs the name typed, and cannot be undone).

use leptos::prelude::*;
use oms_core::request::{Operation, OperationKind};

use crate::components::clear_undo::emptied;
use crate::components::operation_form::{Confirm, OperationForm};
use crate::console;
use crate::i18n::fill;
use crate::pages::{PageIntro, task_name_or_error};

/// The stop page (`kind` Stop) or the delete page (`kind` Delete).
#[component]
pub fn ConfirmedPage(
    /// `Stop` or `Delete`.
    kind: OperationKind,
) -> impl IntoView {
    let c = console();
    let t = c.t;
    let delete = kind == OperationKind::Delete;
    let (title, help, template) = if delete {
        (t.op_delete, t.delete_help, t.confirm_delete)
    } else {
        (t.op_stop, t.stop_help, t.confirm_stop)
    };
    let name = task_name_or_error();
    let operation = Memo::new(move |_| {
        name.get()
            .map(|task_name| {
                if delete {
                    Operation::Delete { task_name }
                } else {
                    Operation::Stop { task_name }
                }
            })
            .map_err(|e| vec![e])
    });
    let message = Signal::derive(move || {
        let shown = name.get().map(|n| n.to_string()).unwrap_or_default();
        fill(template, &[&shown])
    });
    let clear = Callback::new(move |()| emptied(c.drafts.task_name, String::new()));
    let confirm = if delete {
        Confirm::Typed
    } else {
        Confirm::Plain
    };
    view! {
        <PageIntro title=title help=help />
        {delete.then(|| view! { <p class="warning strong">{t.delete_irreversible}</p> })}
        <OperationForm kind=kind operation=operation confirm=confirm confirm_message=message on_clear=clear />
    }
}
