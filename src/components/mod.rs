//! The console's building blocks, thin over `oms-core`.

pub mod checkpoint;
pub mod config_editor;
pub mod confirm;
pub mod delete_params;
pub mod flags;
pub mod header;
pub mod notices;
pub mod operation_form;
pub mod preview;
pub mod response;
pub mod share;
pub mod task_name;

use wasm_bindgen::JsCast;

/// Keeps Enter in a field of rows being typed (a key, a subtopic, a date)
/// from submitting the form, as the browser otherwise does: there it means
/// "next", never "send". Put on the rows' `fieldset` as `on:keydown`.
pub fn hold_enter(ev: leptos::ev::KeyboardEvent) {
    let in_field = ev
        .target()
        .is_some_and(|target| target.has_type::<web_sys::HtmlInputElement>());
    if ev.key() == "Enter" && in_field {
        ev.prevent_default();
    }
}
