//! End-to-end tests: real headless Chromium driven through chromedriver,
//! against the built console served by the simulator on one origin.
#![cfg(not(target_arch = "wasm32"))]

mod faults;
mod hardening;
mod harness;
mod language;
mod nginx;
mod operations;
mod pullback;
mod routes;
mod workflow;

/// Task names of the simulator's demo fleet.
pub mod fleet {
    /// A running Incr-Sync.
    pub const INCR_RUNNING: &str =
        "10.186.16.126-9000:connector_v2:np_56el1g1jvrs0-incr_trans-1-0:0000000002";
    /// Its subtopic.
    pub const INCR_RUNNING_SUBTOPIC: &str = "ORACLE_np_56el1g1jvrs0_56el4eyvwvxc-1-0";
    /// A stopped Incr-Sync.
    pub const INCR_STOPPED: &str =
        "10.186.16.127-9000:connector_v2:np_5f3k2m9q8x1a-incr_trans-1-0:0000000001";
    /// A finished Full-Import.
    pub const FULL_FINISHED: &str =
        "10.186.16.126-9000:connector_v2:np_56el1g1jvrs0-full_trans-1-0:0000000001";
    /// A stopped Full-Import.
    pub const FULL_STOPPED: &str =
        "10.186.16.126-9000:connector_v2:np_6b7c8d9e0f1g-full_trans-1-0:0000000003";
}
