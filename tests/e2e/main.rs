//! End-to-end tests: real headless Chromium driven through chromedriver,
//! against the built console served by the simulator on one origin.
#![cfg(not(target_arch = "wasm32"))]

mod accessibility;
mod faults;
mod hardening;
mod harness;
mod language;
mod nginx;
mod operations;
mod pullback;
mod routes;
mod tabs;
mod workflow;

pub use harness::fleet;
