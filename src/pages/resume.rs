//! `#/resume`: start a stopped or abnormal connector.

use leptos::prelude::*;
use oms_core::request::{Operation, OperationKind};

use crate::components::clear_undo::{emptied, together};
use crate::components::flags::ResumeFlags;
use crate::components::operation_form::{Confirm, OperationForm};
use crate::console;
use crate::pages::{PageIntro, task_name_or_error};

/// The resume page.
#[component]
pub fn ResumePage() -> impl IntoView {
    let c = console();
    let t = c.t;
    let d = c.drafts;
    let name = task_name_or_error();
    let operation = Memo::new(move |_| {
        name.get()
            .map(|task_name| Operation::Resume {
                task_name,
                pull_back_flag: d.pull_back_flag.get(),
                restart_flag: d.restart_flag.get(),
            })
            .map_err(|e| vec![e])
    });
    let clear = Callback::new(move |()| {
        together(vec![
            emptied(d.task_name, String::new()),
            emptied(d.pull_back_flag, false),
            emptied(d.restart_flag, false),
        ])
    });
    view! {
        <PageIntro title=t.op_resume help=t.resume_help />
        // Only the button sends: the flags come after the task name, and a
        // flag left checked from an earlier resume would go with a name
        // sent by Enter before the operator reached them.
        <OperationForm kind=OperationKind::Resume operation=operation confirm=Confirm::None on_clear=clear only_button_sends=true>
            <ResumeFlags pull_back_flag=d.pull_back_flag restart_flag=d.restart_flag />
        </OperationForm>
    }
}
