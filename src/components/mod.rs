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
