//! The OMS Connector Console's domain, in plain Rust with no web dependencies:
//! task names, the requests each operation sends, reading the answers,
//! checkpoints, the config map and the pullback recipe.

pub mod batch;
pub mod checkpoint;
pub mod config_map;
pub mod curl;
mod encode;
pub mod envelope;
pub mod journal;
pub mod left_behind;
pub mod pasted;
pub mod profile;
pub mod pullback;
pub mod request;
pub mod share;
pub mod task_name;

pub use encode::{percent_decode, percent_encode};
