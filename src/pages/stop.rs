//! `#/stop`: stop a running connector, after a confirmation naming it.

use leptos::prelude::*;
use oms_core::request::Operation;

use crate::components::operation_form::{Confirm, OperationForm};
use crate::console;
use crate::i18n::fill;
use crate::pages::{PageIntro, task_name_or_error};

/// The stop page.
#[component]
pub fn StopPage() -> impl IntoView {
    let c = console();
    let t = c.t;
    let name = task_name_or_error();
    let operation = Memo::new(move |_| {
        name.get()
            .map(|task_name| Operation::Stop { task_name })
            .map_err(|e| vec![e])
    });
    let message = Signal::derive(move || {
        fill(
            t.confirm_stop,
            &[name
                .get()
                .map(|n| n.to_string())
                .unwrap_or_default()
                .as_str()],
        )
    });
    let clear = Callback::new(move |()| c.drafts.task_name.set(String::new()));
    view! {
        <PageIntro title=t.op_stop help=t.stop_help />
        <OperationForm operation=operation confirm=Confirm::Plain confirm_message=message on_clear=clear />
    }
}
