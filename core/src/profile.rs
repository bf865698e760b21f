//! CM host profiles: where requests go, how long they may take, and a label.

use serde::{Deserialize, Serialize};

use crate::request::API_PATH;

/// The stored format's version.
pub const SCHEMA_VERSION: u32 = 1;

/// A CM host the console can talk to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    /// Shown in the header and every confirmation.
    pub name: String,
    /// Empty (this origin), a path prefix such as `/cm/east/`, or `http(s)://host:port`.
    pub base_url: String,
    /// The request time limit in milliseconds.
    pub timeout_ms: u32,
    /// An environment label, e.g. `PROD` (may be empty).
    #[serde(default)]
    pub label: String,
    /// The label's colour: `red`, `orange`, `green`, `blue` or `gray`.
    #[serde(default)]
    pub color: String,
}

/// The label colours offered.
pub const COLORS: [&str; 5] = ["red", "orange", "green", "blue", "gray"];

impl Default for Profile {
    fn default() -> Self {
        Self {
            name: "This origin".into(),
            base_url: String::new(),
            timeout_ms: 15_000,
            label: String::new(),
            color: "gray".into(),
        }
    }
}

/// What is wrong with a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileError {
    /// The name is empty.
    EmptyName,
    /// Another profile has this name.
    DuplicateName,
    /// The base URL is neither empty, a `/path/` nor `http(s)://host[:port]`.
    BadBaseUrl,
    /// The time limit is outside 1 s to 10 min.
    BadTimeout,
    /// An unknown colour.
    BadColor,
}

/// Checks a base URL's form.
pub fn valid_base_url(base: &str) -> bool {
    let base = base.trim();
    if base.is_empty() {
        return true;
    }
    if base.starts_with('/') {
        return !base.starts_with("//") && !base.contains(['?', '#', ' ']);
    }
    let rest = base
        .strip_prefix("http://")
        .or_else(|| base.strip_prefix("https://"));
    rest.is_some_and(|rest| {
        let authority = rest.split('/').next().unwrap_or_default();
        valid_authority(authority) && !rest.contains(['?', '#', ' ', '@'])
    })
}

/// `host[:port]`: a name (an IPv4 address is one), or a bracketed IPv6
/// address, and a port from 1 to 65535.
fn valid_authority(authority: &str) -> bool {
    let (host_ok, port) = match authority.strip_prefix('[') {
        Some(v6) => {
            let Some((address, after)) = v6.split_once(']') else {
                return false;
            };
            let port = match after.strip_prefix(':') {
                Some(port) => Some(port),
                None if after.is_empty() => None,
                None => return false,
            };
            (address.parse::<std::net::Ipv6Addr>().is_ok(), port)
        }
        None => {
            let (host, port) = authority
                .split_once(':')
                .map_or((authority, None), |(host, port)| (host, Some(port)));
            // Letters of any script: a browser turns a name in Unicode into its ASCII form.
            let name = |c: char| !c.is_ascii() || c.is_ascii_alphanumeric() || "._-".contains(c);
            (!host.is_empty() && host.chars().all(name), port)
        }
    };
    host_ok
        && port.is_none_or(|port| {
            port.bytes().all(|b| b.is_ascii_digit())
                && port.parse::<u32>().is_ok_and(|n| (1..=65_535).contains(&n))
        })
}

/// Whether `base` holds the API's own path (`/connector`, `/connector/task`,
/// `/connector/task/v2`, or a whole request's URL), which every request adds
/// again: a base copied from a request.
pub fn repeats_api_path(base: &str) -> bool {
    base_before_api_path(base).is_some()
}

/// The base URL to offer for `text` typed as one: the base of a request's
/// URL (see [`base_before_api_path`]), and `http://` before a host written
/// without its scheme (`10.186.16.126:8088`). `None` when it would be
/// `text` itself or still not a base URL.
pub fn offered_base(text: &str) -> Option<String> {
    let typed = text.trim();
    let base = base_before_api_path(typed).unwrap_or_else(|| typed.to_owned());
    let base = if lacks_scheme(&base) {
        format!("http://{base}")
    } else {
        base
    };
    (base != typed && valid_base_url(&base)).then_some(base)
}

/// Whether `text` is a host and port (or a dotted name) without a scheme.
fn lacks_scheme(text: &str) -> bool {
    let text = text.trim();
    !text.starts_with('/') && !text.contains("://") && text.contains(['.', ':'])
}

/// What comes before the API's own path in `text` (see [`repeats_api_path`]),
/// e.g. `http://10.0.0.1:8088` in a request URL copied from curl; a path
/// prefix keeps its `/` (`/cm/east/`), and nothing before it is this origin
/// (empty). `None` when the API's path is not in it.
pub fn base_before_api_path(text: &str) -> Option<String> {
    let text = text.trim();
    let path_start = ["http://", "https://"]
        .iter()
        .find_map(|scheme| text.strip_prefix(scheme))
        .map_or(0, |rest| {
            text.len() - rest.len() + rest.find('/').unwrap_or(rest.len())
        });
    let segment = API_PATH.split('/').nth(1).map(|s| format!("/{s}"))?;
    let at = text[path_start..]
        .match_indices(&segment)
        .find_map(|(i, _)| {
            let after = &text[path_start + i + segment.len()..];
            (after.is_empty() || after.starts_with(['/', '?', '#'])).then_some(path_start + i)
        })?;
    let base = &text[..at];
    Some(if base.starts_with('/') {
        format!("{base}/")
    } else {
        base.to_owned()
    })
}

impl Profile {
    /// Problems with this profile among `others` (the other profiles).
    pub fn validate(&self, others: &[Profile]) -> Vec<ProfileError> {
        let mut errors = Vec::new();
        if self.name.trim().is_empty() {
            errors.push(ProfileError::EmptyName);
        } else if others.iter().any(|p| p.name.trim() == self.name.trim()) {
            errors.push(ProfileError::DuplicateName);
        }
        if !valid_base_url(&self.base_url) {
            errors.push(ProfileError::BadBaseUrl);
        }
        if !(1_000..=600_000).contains(&self.timeout_ms) {
            errors.push(ProfileError::BadTimeout);
        }
        if !self.color.is_empty() && !COLORS.contains(&self.color.as_str()) {
            errors.push(ProfileError::BadColor);
        }
        errors
    }
}

/// The profiles and which one is in use, as stored and exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Profiles {
    /// The format's version.
    pub version: u32,
    /// At least one.
    pub profiles: Vec<Profile>,
    /// The name of the one in use.
    pub active: String,
}

impl Default for Profiles {
    fn default() -> Self {
        Self::with_default_named(&Profile::default().name)
    }
}

impl Profiles {
    /// One profile for this origin, named `name` (in the user's language).
    pub fn with_default_named(name: &str) -> Self {
        let profile = Profile {
            name: name.to_owned(),
            ..Profile::default()
        };
        Self {
            version: SCHEMA_VERSION,
            active: profile.name.clone(),
            profiles: vec![profile],
        }
    }
}

/// How another tab's profiles moved this tab's CM host; the profile's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostMoved {
    /// The profile in use was deleted there.
    Deleted(String),
    /// The profile in use has another base URL there.
    Changed(String),
}

/// Why profiles text was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfilesError {
    /// Not the profiles' JSON.
    Corrupt(String),
    /// A version this console does not know.
    UnknownVersion(u32),
    /// A profile is invalid: its index and problems.
    Invalid(usize, Vec<ProfileError>),
    /// No profile at all.
    Empty,
}

impl Profiles {
    /// Reads stored or imported text, checking every profile.
    pub fn from_json(text: &str) -> Result<Self, ProfilesError> {
        let mut profiles: Self =
            serde_json::from_str(text).map_err(|e| ProfilesError::Corrupt(e.to_string()))?;
        if profiles.version != SCHEMA_VERSION {
            return Err(ProfilesError::UnknownVersion(profiles.version));
        }
        if profiles.profiles.is_empty() {
            return Err(ProfilesError::Empty);
        }
        for (i, profile) in profiles.profiles.iter().enumerate() {
            let others: Vec<_> = profiles.profiles[..i].to_vec();
            let errors = profile.validate(&others);
            if !errors.is_empty() {
                return Err(ProfilesError::Invalid(i, errors));
            }
        }
        if !profiles.profiles.iter().any(|p| p.name == profiles.active) {
            profiles.active = profiles.profiles[0].name.clone();
        }
        Ok(profiles)
    }

    /// The text to store or export.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The profiles another tab saved, taken in by this tab: their list,
    /// with this tab's profile still in use if they kept it (another tab
    /// never switches this one's profile). Also says when this tab's CM
    /// host moved all the same: they deleted its profile (this tab moves to
    /// theirs) or gave it another base URL.
    pub fn adopt(&self, theirs: Profiles) -> (Profiles, Option<HostMoved>) {
        let ours = self.active();
        match theirs.profiles.iter().find(|p| p.name == ours.name) {
            Some(kept) => {
                let moved = (kept.base_url.trim() != ours.base_url.trim())
                    .then(|| HostMoved::Changed(ours.name.clone()));
                let active = ours.name.clone();
                (Profiles { active, ..theirs }, moved)
            }
            None => (theirs, Some(HostMoved::Deleted(ours.name.clone()))),
        }
    }

    /// Deletes the profile `name`, unless it is the last one. When it was
    /// the one in use, the first that is left is used instead.
    pub fn remove(&mut self, name: &str) {
        if self.profiles.len() <= 1 {
            return;
        }
        self.profiles.retain(|p| p.name != name);
        if !self.profiles.iter().any(|p| p.name == self.active) {
            self.active = self.profiles[0].name.clone();
        }
    }

    /// The profile in use.
    pub fn active(&self) -> &Profile {
        self.profiles
            .iter()
            .find(|p| p.name == self.active)
            .unwrap_or(&self.profiles[0])
    }
}

/// What a connection check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reachability {
    /// The CM refused a `GET` on an operation path, as it should.
    Answers,
    /// No answer at all.
    NoAnswer,
    /// Something answered, but not like a CM host.
    NotACmHost,
}

/// Reads the status a `GET` on an operation path got (`None`: no answer).
pub fn reachability(status: Option<u16>) -> Reachability {
    match status {
        None => Reachability::NoAnswer,
        Some(405) => Reachability::Answers,
        Some(_) => Reachability::NotACmHost,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls() {
        for good in [
            "",
            "/cm/east/",
            "http://10.0.0.1:8088",
            "https://cm.example.com/",
            "http://[fd00::1]:8088",
            "https://[fd00::1]/cm/",
            "http://cm-east_1.example.com:65535",
            "http://迁移.example.com:8088",
        ] {
            assert!(valid_base_url(good), "{good}");
        }
        for bad in [
            "cm:8088",
            "//evil",
            "ftp://x",
            "http://",
            "http://a b",
            "/x?y",
            "http://u@h",
            "https://h:99999",
            "http://h:0",
            "http://h:",
            "http://h:80a",
            "http://:8088",
            "http://h:80:90",
            "http://[fd00::1",
            "http://[not-v6]:8088",
            "http://[fd00::1]8088",
            "http://h%20x",
        ] {
            assert!(!valid_base_url(bad), "{bad}");
        }
    }

    #[test]
    fn a_base_ending_with_the_api_path_is_noticed() {
        for repeated in [
            "http://10.0.0.1:8088/connector/task/v2/",
            "http://10.0.0.1:8088/connector/task/v2",
            "http://10.0.0.1:8088/connector/task",
            "/cm/east/connector/ ",
        ] {
            assert!(repeats_api_path(repeated), "{repeated}");
        }
        for fine in [
            "",
            "/cm/east/",
            "http://10.0.0.1:8088",
            "/my-connector/",
            "/connectors",
            "http://connector:8088",
            "http://connector/cm/",
        ] {
            assert!(!repeats_api_path(fine), "{fine}");
        }
    }

    #[test]
    fn the_base_of_a_request_url_is_what_comes_before_the_api_path() {
        for (text, base) in [
            (
                "http://10.186.16.126:8088/connector/task/v2/stop?taskName=a:b",
                "http://10.186.16.126:8088",
            ),
            (
                " https://cm.example:8443/connector/task/v2/ ",
                "https://cm.example:8443",
            ),
            ("http://[fd00::1]:8088/connector", "http://[fd00::1]:8088"),
            ("http://connector/cm/connector/task", "http://connector/cm"),
            ("/cm/east/connector/task/v2/resume", "/cm/east/"),
            ("/connector/task/v2/update#x", ""),
        ] {
            assert_eq!(base_before_api_path(text).as_deref(), Some(base), "{text}");
            assert!(valid_base_url(base), "{base}");
        }
        assert_eq!(base_before_api_path("http://10.0.0.1:8088/cm/"), None);
    }

    #[test]
    fn a_base_typed_without_its_scheme_is_offered_with_http() {
        for (text, offered) in [
            ("10.186.16.126:8088", Some("http://10.186.16.126:8088")),
            (" cm.example.com ", Some("http://cm.example.com")),
            ("[fd00::1]:8088", Some("http://[fd00::1]:8088")),
            (
                "10.186.16.126:8088/connector/task/v2/stop?taskName=a:b",
                Some("http://10.186.16.126:8088"),
            ),
            (
                "https://cm:8443/connector/task/v2/",
                Some("https://cm:8443"),
            ),
            ("/cm/east/connector/task", Some("/cm/east/")),
            ("http://10.186.16.126:8088", None),
            ("/cm/east/", None),
            ("", None),
            ("cm", None),
            ("http:", None),
            ("10.186.16.126:88080", None),
            ("ftp://cm:21", None),
        ] {
            assert_eq!(offered_base(text).as_deref(), offered, "{text:?}");
        }
        assert!(lacks_scheme("10.0.0.1") && !lacks_scheme("https://10.0.0.1"));
    }

    fn named(names: &[&str], active: &str) -> Profiles {
        Profiles {
            version: SCHEMA_VERSION,
            profiles: names
                .iter()
                .map(|name| Profile {
                    name: (*name).to_owned(),
                    ..Profile::default()
                })
                .collect(),
            active: active.to_owned(),
        }
    }

    #[test]
    fn another_tabs_profiles_keep_this_tabs_profile_in_use() {
        let ours = named(&["here", "east"], "east");
        let (adopted, moved) = ours.adopt(named(&["here", "east", "west"], "here"));
        assert_eq!(adopted, named(&["here", "east", "west"], "east"));
        assert_eq!(moved, None);
        let (adopted, moved) = ours.adopt(named(&["here", "west"], "west"));
        assert_eq!(adopted, named(&["here", "west"], "west"));
        assert_eq!(
            moved,
            Some(HostMoved::Deleted("east".into())),
            "deleted in the other tab"
        );
        let mut elsewhere = named(&["here", "east"], "here");
        elsewhere.profiles[1].base_url = "/cm/west/".into();
        let (adopted, moved) = ours.adopt(elsewhere.clone());
        assert_eq!(adopted.active().base_url, "/cm/west/");
        assert_eq!(
            moved,
            Some(HostMoved::Changed("east".into())),
            "its base URL changed in the other tab"
        );
        elsewhere.profiles[1].base_url = String::new();
        elsewhere.profiles[1].timeout_ms = 60_000;
        let (_, moved) = ours.adopt(elsewhere);
        assert_eq!(moved, None, "a new time limit moves no host");
    }

    #[test]
    fn profiles_are_checked() {
        let p = Profile {
            name: " ".into(),
            base_url: "x".into(),
            timeout_ms: 5,
            label: String::new(),
            color: "pink".into(),
        };
        assert_eq!(
            p.validate(&[]),
            vec![
                ProfileError::EmptyName,
                ProfileError::BadBaseUrl,
                ProfileError::BadTimeout,
                ProfileError::BadColor
            ]
        );
        let d = Profile::default();
        assert_eq!(
            d.validate(std::slice::from_ref(&d)),
            vec![ProfileError::DuplicateName]
        );
    }

    #[test]
    fn stored_profiles_round_trip_and_bad_ones_are_refused() {
        let mut profiles = Profiles::default();
        profiles.profiles.push(Profile {
            name: "east".into(),
            base_url: "/cm/east/".into(),
            label: "PROD".into(),
            color: "red".into(),
            ..Profile::default()
        });
        profiles.active = "east".into();
        let back = Profiles::from_json(&profiles.to_json()).unwrap();
        assert_eq!(back, profiles);
        assert_eq!(back.active().base_url, "/cm/east/");
        assert!(matches!(
            Profiles::from_json("[]"),
            Err(ProfilesError::Corrupt(_))
        ));
        assert_eq!(
            Profiles::from_json(r#"{"version":1,"profiles":[],"active":""}"#),
            Err(ProfilesError::Empty)
        );
        let bad = r#"{"version":1,"profiles":[{"name":"a","baseUrl":"nope","timeoutMs":1000}],"active":"a"}"#;
        assert_eq!(
            Profiles::from_json(bad),
            Err(ProfilesError::Invalid(0, vec![ProfileError::BadBaseUrl]))
        );
    }

    #[test]
    fn reachability_from_status() {
        assert_eq!(reachability(Some(405)), Reachability::Answers);
        assert_eq!(reachability(None), Reachability::NoAnswer);
        assert_eq!(reachability(Some(200)), Reachability::NotACmHost);
        assert_eq!(reachability(Some(404)), Reachability::NotACmHost);
    }

    #[test]
    fn removing_a_profile_keeps_one_and_moves_off_a_deleted_active() {
        let mut profiles = named(&["here", "east", "west"], "west");
        profiles.remove("east");
        assert_eq!(profiles, named(&["here", "west"], "west"));
        profiles.remove("west");
        assert_eq!(profiles, named(&["here"], "here"));
        profiles.remove("here");
        assert_eq!(profiles, named(&["here"], "here"), "the last one stays");
        profiles.remove("nowhere");
        assert_eq!(profiles, named(&["here"], "here"));
    }
}
