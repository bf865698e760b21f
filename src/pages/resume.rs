//! `#/resume`: start a stopped or abnormal connector.

use leptos::prelude::*;
use oms_core::request::Operation;

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
        d.task_name.set(String::new());
        d.pull_back_flag.set(false);
        d.restart_flag.set(false);
    });
    view! {
        <PageIntro title=t.op_resume help=t.resume_help />
        <OperationForm operation=operation confirm=Confirm::None on_clear=clear>
            <div class="field check">
                <label>
                    <input type="checkbox" name="pullBackFlag"
                        prop:checked=move || d.pull_back_flag.get()
                        on:change=move |ev| d.pull_back_flag.set(event_target_checked(&ev)) />
                    <code>pullBackFlag</code> " " {t.pull_back_flag_label}
                </label>
                <p class="hint">{t.pull_back_flag_help}</p>
            </div>
            <div class="field check">
                <label>
                    <input type="checkbox" name="restartFlag"
                        prop:checked=move || d.restart_flag.get()
                        on:change=move |ev| d.restart_flag.set(event_target_checked(&ev)) />
                    <code>restartFlag</code> " " {t.restart_flag_label}
                </label>
                <p class="hint">{t.restart_flag_help}</p>
            </div>
        </OperationForm>
    }
}
