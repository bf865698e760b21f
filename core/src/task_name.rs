//! Connector task names: `<ip>-<port>:connector_v2:<projectId>-<type>-<a>-<b>:<seq>`.

use std::fmt;
use std::net::{IpAddr, Ipv6Addr};

/// The marker between the node and the component in a v2 task name.
const V2_MARKER: &str = ":connector_v2:";

/// Why a typed task name cannot be sent at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaskNameError {
    /// Nothing but white space was typed.
    Empty,
    /// White space or a control character inside the name, at this char index.
    BadCharacter { index: usize, character: char },
}

/// The kind of connector component a name designates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Component {
    /// `incr_trans`: Incr-Sync.
    IncrSync,
    /// `full_trans`: Full-Import.
    FullImport,
    /// Any other component type, kept as written.
    Other(String),
}

impl Component {
    fn from_type(kind: &str) -> Self {
        match kind {
            "incr_trans" => Self::IncrSync,
            "full_trans" => Self::FullImport,
            other => Self::Other(other.to_owned()),
        }
    }

    /// The type as it is written in the task name.
    pub fn as_type(&self) -> &str {
        match self {
            Self::IncrSync => "incr_trans",
            Self::FullImport => "full_trans",
            Self::Other(kind) => kind,
        }
    }
}

/// The parts of a task name that follows the v2 grammar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskNameParts {
    /// Node address (IPv4, IPv6 or a host name) running the connector.
    pub ip: String,
    /// Supervisor port of that node, usually `9000`.
    pub port: String,
    /// Project identifier, e.g. `np_56el1g1jvrs0`.
    pub project_id: String,
    /// The component's type.
    pub component: Component,
    /// The two numbers after the type, e.g. `1-0`.
    pub suffix: String,
    /// The sequence number as written (ten digits in real names).
    pub seq: String,
}

impl TaskNameParts {
    /// The node as an address and port: `10.186.16.126:9000`, an IPv6
    /// address in brackets (`[fe80::1]:9000`) so that its port stays apart.
    pub fn node(&self) -> String {
        if self.ip.contains(':') {
            format!("[{}]:{}", self.ip, self.port)
        } else {
            format!("{}:{}", self.ip, self.port)
        }
    }
}

/// How many digits the sequence part of a real name has (`0000000002`).
pub const SEQ_DIGITS: usize = 10;

/// A non-empty, trimmed task name and what could be understood of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskName {
    name: String,
    parts: Option<TaskNameParts>,
}

impl TaskName {
    /// Trims `input` and checks it; any non-empty name without inner white
    /// space, control or invisible characters is accepted, understood or not.
    pub fn parse(input: &str) -> Result<Self, TaskNameError> {
        let name = input.trim();
        if name.is_empty() {
            return Err(TaskNameError::Empty);
        }
        if let Some((index, character)) = name
            .chars()
            .enumerate()
            .find(|(_, c)| c.is_whitespace() || c.is_control() || is_invisible(*c))
        {
            return Err(TaskNameError::BadCharacter { index, character });
        }
        Ok(Self {
            parts: split_parts(name).filter(|p| p.seq.len() == SEQ_DIGITS),
            name: name.to_owned(),
        })
    }

    /// How many digits the sequence part has, when that alone keeps the
    /// name from being understood: real names have [`SEQ_DIGITS`], so a
    /// name with fewer or more was most often cut or typed wrong.
    pub fn seq_digits(&self) -> Option<usize> {
        match self.parts {
            Some(_) => None,
            None => split_parts(&self.name).map(|p| p.seq.len()),
        }
    }

    /// The name exactly as it will be sent.
    pub fn as_str(&self) -> &str {
        &self.name
    }

    /// The parts of the name, or `None` when it does not follow the v2 grammar.
    pub fn parts(&self) -> Option<&TaskNameParts> {
        self.parts.as_ref()
    }

    /// The component type, when the name was understood.
    pub fn component(&self) -> Option<&Component> {
        self.parts.as_ref().map(|p| &p.component)
    }

    /// The short form a user may type to confirm: the last `:`-segment.
    pub fn last_segment(&self) -> &str {
        self.name.rsplit(':').next().unwrap_or(&self.name)
    }

    /// The name `migrate` will answer: the sequence one higher, and the node
    /// address replaced by `ip` when one is given. `None` when the name is
    /// not understood or its sequence is not a number.
    pub fn migrated(&self, ip: Option<IpAddr>) -> Option<String> {
        let parts = self.parts.as_ref()?;
        let seq: u64 = parts.seq.parse().ok()?;
        let next = format!("{:0width$}", seq + 1, width = parts.seq.len());
        let ip = ip.map_or_else(|| parts.ip.clone(), |ip| ip.to_string());
        Some(format!(
            "{ip}-{}{V2_MARKER}{}-{}-{}:{next}",
            parts.port,
            parts.project_id,
            parts.component.as_type(),
            parts.suffix
        ))
    }
}

impl fmt::Display for TaskName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

/// Whether `input`, trimmed, is a name the grammar understands.
pub fn is_understood(input: &str) -> bool {
    TaskName::parse(input).is_ok_and(|name| name.parts().is_some())
}

/// The names the grammar understands in `text`, in order: its words between
/// white space, quotes, `=`, `&`, commas, semicolons and brackets, a
/// sentence's last full stop left out. So a name copied with the JSON, log
/// line or URL around it is found.
pub fn names_in(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || c.is_control() || "\"'`=&,;()[]{}<>|".contains(c))
        .map(|word| word.trim_end_matches('.'))
        .filter(|word| split_parts(word).is_some())
        .collect()
}

/// The task name inside `input`, when `input` is not one itself but holds
/// one (see [`names_in`]). `None` when `input` is understood as it is,
/// holds no name, or holds different names: which one was meant is not
/// ours to guess.
pub fn suggestion(input: &str) -> Option<String> {
    if is_understood(input) {
        return None;
    }
    let trimmed = input.trim();
    if let Some((first, second)) = trimmed.split_at_checked(trimmed.len() / 2)
        && first == second
        && is_understood(first)
    {
        return Some(first.to_owned());
    }
    let names = names_in(input);
    let first = *names.first()?;
    names
        .iter()
        .all(|name| *name == first)
        .then(|| first.to_owned())
}

/// Whether `c` is a character that shows nothing (a zero-width space, a
/// joiner, a direction mark, a byte order mark, a soft hyphen), which a
/// name copied from a chat or a web page may carry.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
    )
}

/// `text` in plain characters: invisible ones left out, and the full-width
/// forms a Chinese or Japanese input method types (`：`, `－`, `０`…) as the
/// ASCII they stand for.
pub fn plain(text: &str) -> String {
    text.chars()
        .filter(|c| !is_invisible(*c))
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            c => c,
        })
        .collect()
}

/// The task name `input` is when written in [`plain`] characters, or the
/// one it then holds (see [`suggestion`]), or, when its invisible
/// characters alone make it refused, `input` without them; `None` when
/// `input` is plain already, or understood as it is.
pub fn plain_suggestion(input: &str) -> Option<String> {
    let plain = plain(input);
    if plain == input || is_understood(input) {
        return None;
    }
    if is_understood(&plain) {
        return Some(plain.trim().to_owned());
    }
    suggestion(&plain).or_else(|| {
        // Refused for characters that show nothing: the name without them,
        // understood or not, which no one could type over.
        (TaskName::parse(input).is_err() && TaskName::parse(&plain).is_ok())
            .then(|| plain.trim().to_owned())
    })
}

/// A task name offered in place of what was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferedName {
    /// The name.
    pub name: String,
    /// Whether it is what was typed, written in plain characters
    /// ([`plain_suggestion`]), rather than the name found in it
    /// ([`suggestion`]).
    pub made_plain: bool,
}

/// The name to offer for `input`: in plain characters first, else the one
/// found in it. `None` when there is none to offer.
pub fn offered_name(input: &str) -> Option<OfferedName> {
    plain_suggestion(input)
        .map(|name| OfferedName {
            name,
            made_plain: true,
        })
        .or_else(|| {
            suggestion(input).map(|name| OfferedName {
                name,
                made_plain: false,
            })
        })
}

/// Whether `input` holds names run together (the v2 grammar's
/// `:connector_v2:` more than once), as when a name is pasted into a
/// field that already held one.
pub fn names_run_together(input: &str) -> bool {
    input.matches(V2_MARKER).nth(1).is_some()
}

/// Whether `ip` can be a node: an IPv6 address, or an IPv4 address or host
/// name (letters, digits, `.`, `-` and `_`).
fn is_node(ip: &str) -> bool {
    if ip.contains(':') {
        ip.parse::<Ipv6Addr>().is_ok()
    } else {
        !ip.is_empty()
            && ip
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
    }
}

fn split_parts(name: &str) -> Option<TaskNameParts> {
    let (node, rest) = name.split_once(V2_MARKER)?;
    let (ip, port) = node.rsplit_once('-')?;
    let (component, seq) = rest.rsplit_once(':')?;
    if component.contains(':') {
        return None;
    }
    let mut tail = component.rsplitn(4, '-');
    let b = tail.next()?;
    let a = tail.next()?;
    let kind = tail.next()?;
    let project_id = tail.next()?;
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
    let fields_ok = is_node(ip)
        && all_digits(port)
        && !project_id.is_empty()
        && !kind.is_empty()
        && all_digits(a)
        && all_digits(b)
        && all_digits(seq);
    fields_ok.then(|| TaskNameParts {
        ip: ip.to_owned(),
        port: port.to_owned(),
        project_id: project_id.to_owned(),
        component: Component::from_type(kind),
        suffix: format!("{a}-{b}"),
        seq: seq.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const INCR: &str = "10.186.16.126-9000:connector_v2:np_56el1g1jvrs0-incr_trans-1-0:0000000002";
    const FULL: &str = "10.186.16.126-9000:connector_v2:np_56el1g1jvrs0-full_trans-1-0:0000000001";

    #[test]
    fn parses_the_real_grammar() {
        let name = TaskName::parse(INCR).unwrap();
        let parts = name.parts().unwrap();
        assert_eq!(parts.ip, "10.186.16.126");
        assert_eq!(parts.port, "9000");
        assert_eq!(parts.project_id, "np_56el1g1jvrs0");
        assert_eq!(parts.component, Component::IncrSync);
        assert_eq!(parts.suffix, "1-0");
        assert_eq!(parts.seq, "0000000002");
        let full = TaskName::parse(FULL).unwrap();
        assert_eq!(full.component(), Some(&Component::FullImport));
    }

    #[test]
    fn the_node_keeps_an_ipv6_address_apart_from_its_port() {
        let node = |name: &str| TaskName::parse(name).unwrap().parts().unwrap().node();
        assert_eq!(node(INCR), "10.186.16.126:9000");
        assert_eq!(
            node("fe80::1-9000:connector_v2:np_56el1g1jvrs0-incr_trans-1-0:0000000002"),
            "[fe80::1]:9000"
        );
    }

    #[test]
    fn project_ids_may_contain_dashes_and_other_types_are_kept() {
        let name =
            TaskName::parse("1.2.3.4-9000:connector_v2:p_a-b-store_x-1-0:0000000001").unwrap();
        let parts = name.parts().unwrap();
        assert_eq!(parts.project_id, "p_a-b");
        assert_eq!(parts.component, Component::Other("store_x".into()));
    }

    #[test]
    fn ipv6_nodes_are_understood() {
        let name =
            TaskName::parse("fd00::1-9000:connector_v2:np_x-incr_trans-1-0:0000000001").unwrap();
        assert_eq!(name.parts().unwrap().ip, "fd00::1");
    }

    #[test]
    fn a_sequence_without_ten_digits_is_not_understood_and_said_so() {
        for (seq, digits) in [("2", 1), ("000000002", 9), ("00000000002", 11)] {
            let typed =
                format!("10.186.16.126-9000:connector_v2:np_56el1g1jvrs0-incr_trans-1-0:{seq}");
            let name = TaskName::parse(&typed).unwrap();
            assert_eq!(name.parts(), None, "{typed}");
            assert_eq!(name.seq_digits(), Some(digits), "{typed}");
            assert_eq!(name.as_str(), typed, "sent as typed");
        }
        assert_eq!(TaskName::parse(INCR).unwrap().seq_digits(), None);
        assert_eq!(TaskName::parse("store_abc").unwrap().seq_digits(), None);
    }

    #[test]
    fn other_names_are_kept_not_understood() {
        for other in [
            "10.0.0.1-9000:connector:p_1-incr-1-0:1",
            "store_abc",
            "a:b:c",
        ] {
            let name = TaskName::parse(other).unwrap();
            assert_eq!(name.as_str(), other);
            assert_eq!(name.parts(), None, "{other}");
        }
    }

    #[test]
    fn trims_and_refuses_inner_white_space_and_empty() {
        assert_eq!(
            TaskName::parse(&format!("  {INCR}\n")).unwrap().as_str(),
            INCR
        );
        assert_eq!(TaskName::parse("   "), Err(TaskNameError::Empty));
        assert_eq!(
            TaskName::parse("ab c"),
            Err(TaskNameError::BadCharacter {
                index: 2,
                character: ' '
            })
        );
        assert_eq!(
            TaskName::parse("ab\u{7}"),
            Err(TaskNameError::BadCharacter {
                index: 2,
                character: '\u{7}'
            })
        );
    }

    #[test]
    fn knows_the_name_migrate_answers() {
        let name = TaskName::parse(INCR).unwrap();
        assert_eq!(
            name.migrated(None).unwrap(),
            "10.186.16.126-9000:connector_v2:np_56el1g1jvrs0-incr_trans-1-0:0000000003"
        );
        assert_eq!(
            name.migrated(Some("10.0.0.7".parse().unwrap())).unwrap(),
            "10.0.0.7-9000:connector_v2:np_56el1g1jvrs0-incr_trans-1-0:0000000003"
        );
        assert_eq!(TaskName::parse("store_abc").unwrap().migrated(None), None);
        assert_eq!(name.last_segment(), "0000000002");
        let v6 = name.migrated(Some("fd00::7".parse().unwrap())).unwrap();
        assert_eq!(
            TaskName::parse(&v6).unwrap().parts().unwrap().ip,
            "fd00::7",
            "an IPv6 destination's name is understood too"
        );
    }

    #[test]
    fn finds_a_name_copied_with_what_was_around_it() {
        for copied in [
            format!("\"{INCR}\""),
            format!("'{INCR}',"),
            format!("\"result\": \"{INCR}\","),
            format!("result={INCR}"),
            format!("curl -XPOST 'http://cm:8088/connector/task/v2/stop?taskName={INCR}'"),
            format!("http://cm:8088/connector/task/v2/resume?taskName={INCR}&pullBackFlag=true"),
            format!("task {INCR}."),
        ] {
            assert_eq!(suggestion(&copied).as_deref(), Some(INCR), "{copied}");
        }
        let v6 = "fd00::1-9000:connector_v2:np_x-incr_trans-1-0:0000000001";
        assert_eq!(suggestion(&format!("[\"{v6}\"]")).as_deref(), Some(v6));
        let quoted = TaskName::parse(&format!("\"{INCR}")).unwrap();
        assert_eq!(quoted.parts(), None, "a quote is no part of a node");
        for nothing in [
            INCR.to_owned(),
            format!("  {INCR} "),
            String::new(),
            "store_abc".to_owned(),
            format!("{INCR}x"),
            format!("result:{INCR}"),
            format!("{INCR} → {FULL}"),
        ] {
            assert_eq!(suggestion(&nothing), None, "{nothing}");
        }
        assert_eq!(
            suggestion(&format!("\"{INCR}\" ({INCR})")).as_deref(),
            Some(INCR),
            "the same name twice"
        );
        assert_eq!(names_in(&format!("[\"{INCR}\",\"{FULL}\"]")), [INCR, FULL]);
    }

    #[test]
    fn a_name_typed_in_full_width_or_carrying_invisible_characters_is_offered_plain() {
        let zero_width = format!("{INCR}\u{200B}");
        assert_eq!(
            TaskName::parse(&zero_width),
            Err(TaskNameError::BadCharacter {
                index: INCR.chars().count(),
                character: '\u{200B}'
            }),
            "refused: what is sent would differ from what is seen"
        );
        assert_eq!(plain_suggestion(&zero_width).as_deref(), Some(INCR));
        let bom = format!("\u{FEFF}{INCR}");
        assert_eq!(plain_suggestion(&bom).as_deref(), Some(INCR));
        let full_width = INCR.replace(':', "：");
        assert_eq!(plain_suggestion(&full_width).as_deref(), Some(INCR));
        let full_width_digits = INCR.replace("0000000002", "０００００００００２");
        assert_eq!(plain_suggestion(&full_width_digits).as_deref(), Some(INCR));
        assert_eq!(
            plain_suggestion(&format!("taskName＝{INCR}\u{200D}")).as_deref(),
            Some(INCR),
            "the name inside, once plain"
        );
        assert_eq!(plain_suggestion(INCR), None);
        assert_eq!(
            plain_suggestion("store：x"),
            None,
            "plain, still not a name"
        );
        assert_eq!(plain("名称：Ａ\u{3000}b"), "名称:A b");
    }

    #[test]
    fn names_run_together_are_not_understood() {
        let doubled = format!("{INCR}{INCR}");
        let name = TaskName::parse(&doubled).unwrap();
        assert_eq!(name.parts(), None, "{doubled}");
        assert!(names_run_together(&doubled));
        assert_eq!(
            suggestion(&doubled).as_deref(),
            Some(INCR),
            "the same name twice"
        );
        let two = format!("{INCR}{FULL}");
        assert_eq!(TaskName::parse(&two).unwrap().parts(), None);
        assert!(names_run_together(&two));
        assert_eq!(
            suggestion(&two),
            None,
            "which one was meant is not ours to guess"
        );
        assert!(!names_run_together(INCR));
        assert!(!names_run_together(&format!("{INCR}x")));
    }
}
