//! One page per operation, at its hash route.

pub mod batch;
pub mod confirmed;
pub mod journal;
pub mod migrate;
pub mod pullback;
pub mod resume;
pub mod settings;
pub mod update;

use leptos::prelude::*;
use oms_core::task_name::TaskName;

use crate::components::task_name::{task_name, task_name_error};
use crate::console;

/// The task name, or the message saying why it cannot be sent.
pub fn task_name_or_error() -> Memo<Result<TaskName, String>> {
    let t = console().t;
    let name = task_name();
    Memo::new(move |_| name.get().map_err(|e| task_name_error(t, &e)))
}

/// A page's title and its help from the reference.
#[component]
pub fn PageIntro(
    /// The title.
    title: &'static str,
    /// Short help.
    help: &'static str,
) -> impl IntoView {
    view! {
        <h2>{title}</h2>
        <p class="help">{help}</p>
    }
}
