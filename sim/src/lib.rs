//! `cm-sim`: a faithful, stateful stand-in for the OMS CM host's connector
//! API, with inspection endpoints (`/_sim/...`) and fault injection, for
//! training and for tests. Start it in-process with [`Sim::start`].

mod api;
pub mod demo;
pub mod faults;
pub mod fleet;
mod server;

pub use server::{Options, Sim};
