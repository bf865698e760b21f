//! Share links: a URL that opens an operation with its fields filled in,
//! never carrying a secret value.

use serde::{Deserialize, Serialize};

use crate::config_map::{ConfigRow, is_secret_key};
use crate::encode::{percent_decode, percent_encode};

/// The name of the hash parameter that carries the fields.
pub const PARAM: &str = "share";

/// Every field a share link can fill.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ShareState {
    /// `taskName`.
    pub task_name: String,
    /// `pullBackFlag`.
    pub pull_back_flag: bool,
    /// `restartFlag`.
    pub restart_flag: bool,
    /// `ip`.
    pub ip: String,
    /// `updateConfigMap` rows (secret values empty).
    pub rows: Vec<ConfigRow>,
    /// `deleteParams` entries.
    pub delete_params: Vec<String>,
    /// Checkpoint date.
    pub date: String,
    /// Checkpoint time.
    pub time: String,
    /// Checkpoint zone.
    pub zone: String,
    /// Subtopics.
    pub subtopics: Vec<String>,
    /// The CM host it was made for, as an absolute URL (empty in links
    /// older than it).
    pub cm_host: String,
}

/// The hash for `route` (e.g. `#/update`) carrying `state`, secret values left out.
pub fn share_hash(route: &str, state: &ShareState) -> String {
    let mut state = state.clone();
    for row in &mut state.rows {
        if is_secret_key(&row.key) {
            row.value.clear();
        }
    }
    let json = serde_json::to_string(&state).unwrap_or_default();
    format!("{route}?{PARAM}={}", percent_encode(&json))
}

/// Why a link's fields could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadShareLink(pub String);

/// The share parameter's value in a hash such as `#/update?share=...`.
fn share_param(hash: &str) -> Option<&str> {
    let (_, query) = hash.split_once('?')?;
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix(PARAM)?.strip_prefix('='))
}

/// Whether `hash` carries a share link (read or not), without reading it.
pub fn carries_share(hash: &str) -> bool {
    share_param(hash).is_some()
}

/// Reads the fields from a hash such as `#/update?share=...`; `None` when
/// the hash carries none.
pub fn read_share(hash: &str) -> Option<Result<ShareState, BadShareLink>> {
    let value = share_param(hash)?;
    Some(serde_json::from_str(&percent_decode(value)).map_err(|e| BadShareLink(e.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config_map::secret_keys;
    use proptest::prelude::*;

    #[test]
    fn links_never_carry_secret_values() {
        let state = ShareState {
            task_name: "a:b c&d".into(),
            rows: vec![
                ConfigRow::new("sink", "password", "hunter2"),
                ConfigRow::new("sink", "user", "u"),
            ],
            ..ShareState::default()
        };
        let hash = share_hash("#/update", &state);
        assert!(hash.starts_with("#/update?share="));
        assert!(!hash.contains("hunter2"));
        let back = read_share(&hash).unwrap().unwrap();
        assert_eq!(back.rows[0].value, "");
        assert_eq!(back.rows[1].value, "u");
        assert_eq!(back.task_name, "a:b c&d");
        assert_eq!(secret_keys(&back.rows), vec!["sink.password".to_owned()]);
    }

    #[test]
    fn a_link_older_than_a_field_reads_it_empty() {
        let old = r#"#/stop?share={"taskName":"t1","zone":"UTC"}"#;
        let state = read_share(old).unwrap().unwrap();
        assert_eq!((&state.task_name[..], &state.cm_host[..]), ("t1", ""));
    }

    #[test]
    fn other_hashes_carry_nothing_and_bad_links_say_so() {
        assert_eq!(read_share("#/stop"), None);
        assert_eq!(read_share("#/stop?x=1"), None);
        assert!(!carries_share("#/stop?x=1&shared=1"));
        assert!(carries_share("#/stop?x=1&share=%7Bnope"));
        assert!(read_share("#/stop?share=%7Bnope").unwrap().is_err());
    }

    proptest! {
        #[test]
        fn every_field_survives_a_link(
            task_name in any::<String>(), ip in any::<String>(), date in any::<String>(),
            subtopics in proptest::collection::vec(any::<String>(), 0..3), flag in any::<bool>(),
            cm_host in any::<String>(),
        ) {
            let state = ShareState { task_name, ip, date, subtopics, pull_back_flag: flag, cm_host, ..ShareState::default() };
            prop_assert_eq!(read_share(&share_hash("#/pullback", &state)).unwrap().unwrap(), state);
        }
    }
}
