//! `#/delete`: delete a connector for good, after typing its name.

use leptos::prelude::*;
use oms_core::request::Operation;

use crate::components::operation_form::{Confirm, OperationForm};
use crate::console;
use crate::i18n::fill;
use crate::pages::{PageIntro, task_name_or_error};

/// The delete page.
#[component]
pub fn DeletePage() -> impl IntoView {
    let c = console();
    let t = c.t;
    let name = task_name_or_error();
    let operation = Memo::new(move |_| {
        name.get()
            .map(|task_name| Operation::Delete { task_name })
            .map_err(|e| vec![e])
    });
    let message = Signal::derive(move || {
        fill(
            t.confirm_delete,
            &[name
                .get()
                .map(|n| n.to_string())
                .unwrap_or_default()
                .as_str()],
        )
    });
    let clear = Callback::new(move |()| c.drafts.task_name.set(String::new()));
    view! {
        <PageIntro title=t.op_delete help=t.delete_help />
        <p class="warning strong">{t.delete_irreversible}</p>
        <OperationForm operation=operation confirm=Confirm::Typed confirm_message=message on_clear=clear />
    }
}
