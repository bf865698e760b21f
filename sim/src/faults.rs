//! Fault injection: latency, jitter, a queue of faults and a seeded failure rate.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

/// A fault applied to one API request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Fault {
    /// 500 with an HTML body.
    Http500Html,
    /// 502 with no body.
    Http502Empty,
    /// 200 with a truncated JSON body.
    MalformedJson,
    /// The `INTERNAL_ERROR` envelope, retryable, state unchanged.
    InternalError,
    /// Close the connection without answering.
    Drop,
    /// Answer only after [`HANG_SECS`] seconds.
    Hang,
    /// No fault.
    Ok,
}

/// How long a `hang` fault waits before answering.
pub const HANG_SECS: u64 = 60;

/// The fault settings, as `GET /_sim/faults` shows them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Faults {
    /// Every API answer waits this long.
    pub latency_ms: u64,
    /// Plus a random wait up to this long.
    pub jitter_ms: u64,
    /// Faults for the next API requests, in order.
    pub next: VecDeque<Fault>,
    /// The share of other requests that answer `internalError` (0 to 1).
    pub fail_rate: f64,
    /// The seed of the random source for jitter and the failure rate.
    pub seed: u64,
    /// The `errMsg` of injected `internalError` answers (default "internal error").
    pub err_msg: Option<String>,
    /// Their `errorDetail` (default "fault injected by cm-sim").
    pub error_detail: Option<String>,
}

/// The fault settings with their random source.
#[derive(Debug)]
pub struct Injector {
    settings: Faults,
    rng: fastrand::Rng,
}

impl Injector {
    /// An injector with these settings.
    pub fn new(settings: Faults) -> Self {
        let rng = fastrand::Rng::with_seed(settings.seed);
        Self { settings, rng }
    }

    /// The current settings.
    pub fn settings(&self) -> &Faults {
        &self.settings
    }

    /// The wait and the fault for the next API request.
    pub fn draw(&mut self) -> (u64, Fault) {
        let jitter = match self.settings.jitter_ms {
            0 => 0,
            max => self.rng.u64(0..=max),
        };
        let fault = self.settings.next.pop_front().unwrap_or_else(|| {
            if self.settings.fail_rate > 0.0 && self.rng.f64() < self.settings.fail_rate {
                Fault::InternalError
            } else {
                Fault::Ok
            }
        });
        (self.settings.latency_ms + jitter, fault)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queued_faults_come_first_then_the_seeded_rate() {
        let settings = Faults {
            next: [Fault::Drop, Fault::Ok].into(),
            fail_rate: 0.5,
            seed: 7,
            ..Faults::default()
        };
        let run = |settings: Faults| {
            let mut injector = Injector::new(settings);
            (0..40).map(|_| injector.draw().1).collect::<Vec<_>>()
        };
        let first = run(settings.clone());
        assert_eq!(&first[..2], &[Fault::Drop, Fault::Ok]);
        let failures = first[2..]
            .iter()
            .filter(|f| **f == Fault::InternalError)
            .count();
        assert!((5..=33).contains(&failures), "{failures}");
        assert_eq!(first, run(settings), "the same seed gives the same faults");
    }
}
