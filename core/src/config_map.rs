//! `updateConfigMap` rows and `deleteParams` entries: `scope.key` configuration.

use serde_json::{Map, Value};

/// The scopes real connector configurations use, suggested to the user.
pub const SCOPES: [&str; 4] = ["coordinator", "source", "sink", "condition"];

/// Parts of a key's name that mark its value as a secret.
const SECRET_MARKERS: [&str; 6] = [
    "password",
    "passwd",
    "secret",
    "token",
    "accesskey",
    "credential",
];

/// What a masked secret shows instead of its value.
pub const MASK: &str = "••••••";

/// A configuration key, `scope.key`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ConfigKey {
    /// The scope, e.g. `source`.
    pub scope: String,
    /// The key inside the scope, e.g. `checkpoint`.
    pub key: String,
}

impl ConfigKey {
    /// `scope.key` as the API writes it.
    pub fn dotted(&self) -> String {
        format!("{}.{}", self.scope, self.key)
    }
}

/// One `updateConfigMap` row, as the user typed it.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct ConfigRow {
    /// The scope, e.g. `source`.
    pub scope: String,
    /// The key inside the scope.
    pub key: String,
    /// The string value (nested structures as JSON text).
    pub value: String,
}

impl ConfigRow {
    /// A row from its three parts.
    pub fn new(scope: &str, key: &str, value: &str) -> Self {
        Self {
            scope: scope.into(),
            key: key.into(),
            value: value.into(),
        }
    }
}

/// The `scope.key`s of the rows whose values are secret (see
/// [`is_secret_key`]): the values a share link or the journal never keeps,
/// to be filled in again. A row with no scope yet is named by its key.
pub fn secret_keys(rows: &[ConfigRow]) -> Vec<String> {
    rows.iter()
        .filter(|r| is_secret_key(&r.key))
        .map(|r| match r.scope.trim() {
            "" => r.key.clone(),
            scope => format!("{scope}.{}", r.key),
        })
        .collect()
}

/// Whether a key's name marks its value as secret (any letter case; the
/// markers are ASCII).
pub fn is_secret_key(key: &str) -> bool {
    let lower = key.to_ascii_lowercase();
    SECRET_MARKERS.iter().any(|marker| lower.contains(marker))
}

/// A problem with one or more rows (indices are 0-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowError {
    /// The row's scope is empty.
    EmptyScope { row: usize },
    /// The row's key is empty.
    EmptyKey { row: usize },
    /// The same `scope.key` appears in both rows.
    Duplicate { first: usize, second: usize },
}

/// Checks rows for empty scopes or keys and repeated `scope.key`s.
pub fn validate_rows(rows: &[ConfigRow]) -> Vec<RowError> {
    let mut errors = Vec::new();
    for (row, entry) in rows.iter().enumerate() {
        if entry.scope.trim().is_empty() {
            errors.push(RowError::EmptyScope { row });
        }
        if entry.key.trim().is_empty() {
            errors.push(RowError::EmptyKey { row });
        }
    }
    errors.extend(duplicates(
        rows.iter().map(|r| (r.scope.as_str(), r.key.as_str())),
    ));
    errors
}

fn duplicates<'a>(keys: impl Iterator<Item = (&'a str, &'a str)>) -> Vec<RowError> {
    let keys: Vec<_> = keys.collect();
    let mut errors = Vec::new();
    for (second, key) in keys.iter().enumerate() {
        if key.0.is_empty() || key.1.is_empty() {
            continue;
        }
        if let Some(first) = keys[..second].iter().position(|k| k == key) {
            errors.push(RowError::Duplicate { first, second });
        }
    }
    errors
}

/// The `updateConfigMap` JSON object of the rows, in the user's order.
pub fn to_json(rows: &[ConfigRow]) -> Value {
    let mut scopes = Map::new();
    for row in rows {
        let scope = scopes
            .entry(row.scope.clone())
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(keys) = scope {
            keys.insert(row.key.clone(), Value::String(row.value.clone()));
        }
    }
    Value::Object(scopes)
}

/// The compact JSON body for the rows (`{}` when there are none).
pub fn to_body(rows: &[ConfigRow]) -> String {
    to_json(rows).to_string()
}

/// The JSON text shown in the editor's JSON tab.
pub fn to_pretty(rows: &[ConfigRow]) -> String {
    serde_json::to_string_pretty(&to_json(rows)).unwrap_or_default()
}

/// What is wrong with text that is not JSON, in the terms of the mistakes
/// made by hand (a quote of the wrong kind, a comma left over, a line break
/// pasted into a value); anything else keeps the parser's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonSyntax {
    /// The text ends before the JSON does: a closing `}`, `]` or `"` is missing.
    EndsEarly,
    /// A key not in double quotes (single quotes, or none).
    KeyNotQuoted,
    /// No value where one must be: often text in single quotes, or none.
    ValueExpected,
    /// A `:` missing after a key.
    ColonExpected,
    /// A `,` missing between entries (or a closing bracket).
    CommaExpected,
    /// A `,` just before a closing `}` or `]`.
    TrailingComma,
    /// Text after the end of the JSON value.
    TextAfterEnd,
    /// A raw line break or tab inside a string.
    ControlCharacter,
    /// A backslash inside a string that starts no escape (a Windows path).
    InvalidEscape,
    /// Anything else: the parser's message without its position.
    Other(String),
}

impl JsonSyntax {
    fn of(error: &serde_json::Error) -> Self {
        if error.is_eof() {
            return Self::EndsEarly;
        }
        let position = format!(" at line {} column {}", error.line(), error.column());
        let full = error.to_string();
        let message = full.strip_suffix(&position).unwrap_or(&full);
        match message {
            "key must be a string" => Self::KeyNotQuoted,
            "expected value" | "expected ident" => Self::ValueExpected,
            "expected `:`" => Self::ColonExpected,
            "expected `,` or `}`" | "expected `,` or `]`" => Self::CommaExpected,
            "trailing comma" => Self::TrailingComma,
            "trailing characters" => Self::TextAfterEnd,
            "invalid escape" => Self::InvalidEscape,
            m if m.starts_with("control character") => Self::ControlCharacter,
            m => Self::Other(m.to_owned()),
        }
    }
}

/// Why pasted JSON text cannot become rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Not JSON: what is wrong and where (1-based line and column).
    Syntax {
        line: usize,
        column: usize,
        problem: JsonSyntax,
    },
    /// JSON, but not an object of scopes.
    NotAnObject,
    /// A scope's value is not an object; the scope is named.
    ScopeNotObject { scope: String },
    /// Leaves that are not strings, by path (`scope.key`); they can be kept
    /// as JSON text with [`import_json_stringifying`].
    NonStringLeaves { paths: Vec<String> },
    /// The same scope, or the same key in a scope, twice (`scope` or `scope.key`).
    DuplicateKey { path: String },
}

/// Rows from pasted `updateConfigMap` JSON; non-string leaves are refused.
pub fn import_json(text: &str) -> Result<Vec<ConfigRow>, ImportError> {
    import(text, false)
}

/// Rows from pasted JSON, storing non-string leaves as their JSON text.
pub fn import_json_stringifying(text: &str) -> Result<Vec<ConfigRow>, ImportError> {
    import(text, true)
}

/// The first repeated key in JSON text, as a dotted path (objects only).
fn duplicate_key(text: &str) -> Option<String> {
    use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
    use std::fmt;

    struct Seek<'a>(&'a mut Option<String>, String);

    impl<'de> DeserializeSeed<'de> for Seek<'_> {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_any(self)
        }
    }

    impl<'de> Visitor<'de> for Seek<'_> {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("JSON")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            let mut seen = std::collections::HashSet::new();
            while let Some(key) = map.next_key::<String>()? {
                let path = if self.1.is_empty() {
                    key.clone()
                } else {
                    format!("{}.{key}", self.1)
                };
                if !seen.insert(key) && self.0.is_none() {
                    *self.0 = Some(path.clone());
                }
                map.next_value_seed(Seek(&mut *self.0, path))?;
            }
            Ok(())
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            while seq
                .next_element_seed(Seek(&mut *self.0, self.1.clone()))?
                .is_some()
            {}
            Ok(())
        }
        fn visit_bool<E>(self, _: bool) -> Result<(), E> {
            Ok(())
        }
        fn visit_i64<E>(self, _: i64) -> Result<(), E> {
            Ok(())
        }
        fn visit_u64<E>(self, _: u64) -> Result<(), E> {
            Ok(())
        }
        fn visit_f64<E>(self, _: f64) -> Result<(), E> {
            Ok(())
        }
        fn visit_str<E>(self, _: &str) -> Result<(), E> {
            Ok(())
        }
        fn visit_unit<E>(self) -> Result<(), E> {
            Ok(())
        }
    }

    let mut found = None;
    let mut deserializer = serde_json::Deserializer::from_str(text);
    Seek(&mut found, String::new())
        .deserialize(&mut deserializer)
        .ok()?;
    found
}

fn import(text: &str, stringify: bool) -> Result<Vec<ConfigRow>, ImportError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::Syntax {
        line: e.line(),
        column: e.column(),
        problem: JsonSyntax::of(&e),
    })?;
    if let Some(path) = duplicate_key(text) {
        return Err(ImportError::DuplicateKey { path });
    }
    let Value::Object(scopes) = value else {
        return Err(ImportError::NotAnObject);
    };
    let mut rows = Vec::new();
    let mut non_strings = Vec::new();
    for (scope, keys) in scopes {
        let Value::Object(keys) = keys else {
            return Err(ImportError::ScopeNotObject { scope });
        };
        for (key, leaf) in keys {
            let value = match leaf {
                Value::String(text) => text,
                other if stringify => other.to_string(),
                _ => {
                    non_strings.push(format!("{scope}.{key}"));
                    continue;
                }
            };
            rows.push(ConfigRow {
                scope: scope.clone(),
                key,
                value,
            });
        }
    }
    if non_strings.is_empty() {
        Ok(rows)
    } else {
        Err(ImportError::NonStringLeaves { paths: non_strings })
    }
}

/// Why a `deleteParams` entry is not a `scope.key`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeleteEntryError {
    /// The entry is empty.
    Empty { row: usize },
    /// The entry has no dot, or nothing before or after it.
    NotScopeKey { row: usize },
    /// The entry contains a comma, which would split it in two.
    Comma { row: usize },
    /// The same entry twice.
    Duplicate { first: usize, second: usize },
}

/// Parses `deleteParams` entries (split at the first dot), with errors by row.
pub fn parse_delete_params(entries: &[String]) -> Result<Vec<ConfigKey>, Vec<DeleteEntryError>> {
    let mut keys = Vec::new();
    let mut errors = Vec::new();
    for (row, entry) in entries.iter().enumerate() {
        let entry = entry.trim();
        if entry.is_empty() {
            errors.push(DeleteEntryError::Empty { row });
        } else if entry.contains(',') {
            errors.push(DeleteEntryError::Comma { row });
        } else {
            match entry.split_once('.') {
                Some((scope, key)) if !scope.is_empty() && !key.is_empty() => {
                    keys.push(ConfigKey {
                        scope: scope.into(),
                        key: key.into(),
                    })
                }
                _ => errors.push(DeleteEntryError::NotScopeKey { row }),
            }
        }
    }
    if errors.is_empty() {
        let duplicates = duplicates(keys.iter().map(|k| (k.scope.as_str(), k.key.as_str())));
        errors.extend(duplicates.into_iter().map(|e| match e {
            RowError::Duplicate { first, second } => DeleteEntryError::Duplicate { first, second },
            _ => unreachable!("duplicates() only reports duplicates"),
        }));
    }
    if errors.is_empty() {
        Ok(keys)
    } else {
        Err(errors)
    }
}

/// The `deleteParams` query value: entries joined by commas.
pub fn delete_params_value(keys: &[ConfigKey]) -> String {
    keys.iter()
        .map(ConfigKey::dotted)
        .collect::<Vec<_>>()
        .join(",")
}

/// The entries of a comma-separated `deleteParams` value (the inverse of
/// [`delete_params_value`]), trimmed, empty ones left out.
pub fn delete_params_entries(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Keys that are both deleted and set: allowed, it is how a value is replaced.
pub fn replaced_keys(delete_params: &[ConfigKey], rows: &[ConfigRow]) -> Vec<ConfigKey> {
    delete_params
        .iter()
        .filter(|k| rows.iter().any(|r| r.scope == k.scope && r.key == k.key))
        .cloned()
        .collect()
}

/// The body as shown in previews: secret values masked (see
/// [`mask_body_text`]) unless revealed.
pub fn masked_body(rows: &[ConfigRow], reveal: bool) -> String {
    let mut body = to_json(rows);
    if !reveal {
        mask_secrets(&mut body);
    }
    body.to_string()
}

/// A JSON body text with every secret value masked (other text, and an
/// empty secret value, as it is).
pub fn mask_body_text(body: &str) -> String {
    match serde_json::from_str::<Value>(body) {
        Ok(mut value @ Value::Object(_)) => {
            mask_secrets(&mut value);
            value.to_string()
        }
        _ => body.to_owned(),
    }
}

/// Masks the secret values of a body (`scope → key → value`). An empty one
/// stays as it is: there is nothing to hide, and a mask would say a value
/// is set.
fn mask_secrets(body: &mut Value) {
    let Value::Object(scopes) = body else {
        return;
    };
    for keys in scopes.values_mut() {
        if let Value::Object(keys) = keys {
            for (key, value) in keys.iter_mut() {
                if is_secret_key(key) && value.as_str() != Some("") {
                    *value = Value::String(MASK.into());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_delete_params_value_reads_back_as_its_entries() {
        let keys =
            parse_delete_params(&["source.checkpoint".into(), "sink.password".into()]).unwrap();
        let value = delete_params_value(&keys);
        assert_eq!(
            delete_params_entries(&value),
            ["source.checkpoint", "sink.password"]
        );
        assert_eq!(delete_params_entries(" a.b , ,c.d,"), ["a.b", "c.d"]);
        assert!(delete_params_entries("").is_empty());
    }

    #[test]
    fn secret_keys_are_named_by_scope_and_key_or_key_alone() {
        let rows = [
            ConfigRow::new("sink", "password", "x"),
            ConfigRow::new("sink", "workerNum", "8"),
            ConfigRow::new("", "PASSWORD", ""),
        ];
        assert_eq!(secret_keys(&rows), ["sink.password", "PASSWORD"]);
    }

    #[test]
    fn rows_become_json_in_the_users_order() {
        let rows = vec![
            ConfigRow::new("sink", "workerNum", "8"),
            ConfigRow::new("source", "checkpoint", "{\"a\":\"1\"}"),
            ConfigRow::new("sink", "batchSize", "100"),
        ];
        assert_eq!(
            to_body(&rows),
            r#"{"sink":{"workerNum":"8","batchSize":"100"},"source":{"checkpoint":"{\"a\":\"1\"}"}}"#
        );
        assert_eq!(to_body(&[]), "{}");
    }

    #[test]
    fn empty_and_duplicate_rows_are_named() {
        let rows = vec![
            ConfigRow::new("", "a", "1"),
            ConfigRow::new("sink", "", "1"),
            ConfigRow::new("sink", "x", "1"),
            ConfigRow::new("sink", "x", "2"),
        ];
        assert_eq!(
            validate_rows(&rows),
            vec![
                RowError::EmptyScope { row: 0 },
                RowError::EmptyKey { row: 1 },
                RowError::Duplicate {
                    first: 2,
                    second: 3
                }
            ]
        );
    }

    #[test]
    fn import_refuses_non_string_leaves_naming_them_and_can_stringify() {
        let text = r#"{"source":{"workerNum":4,"clients":[{"subtopic":"s"}],"x":"y"}}"#;
        assert_eq!(
            import_json(text),
            Err(ImportError::NonStringLeaves {
                paths: vec!["source.workerNum".into(), "source.clients".into()]
            })
        );
        assert_eq!(
            import_json_stringifying(text).unwrap(),
            vec![
                ConfigRow::new("source", "workerNum", "4"),
                ConfigRow::new("source", "clients", r#"[{"subtopic":"s"}]"#),
                ConfigRow::new("source", "x", "y"),
            ]
        );
    }

    #[test]
    fn import_errors_say_where() {
        assert_eq!(import_json("[1]"), Err(ImportError::NotAnObject));
        assert_eq!(
            import_json(r#"{"a":"b"}"#),
            Err(ImportError::ScopeNotObject { scope: "a".into() })
        );
        match import_json("{\n  \"a\": {\n    \"b\": 'c'\n  }\n}") {
            Err(ImportError::Syntax { line, column, .. }) => assert_eq!((line, column), (3, 10)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn syntax_errors_are_named_in_the_terms_of_mistakes_made_by_hand() {
        let problem = |text: &str| match import_json(text) {
            Err(ImportError::Syntax { problem, .. }) => problem,
            other => panic!("{text}: {other:?}"),
        };
        use JsonSyntax::*;
        assert_eq!(problem(r#"{"sink":{"workerNum":"8"}"#), EndsEarly);
        assert_eq!(problem(r#"{"sink":{"workerNum":"8}}"#), EndsEarly);
        assert_eq!(problem("  \n\t "), EndsEarly);
        assert_eq!(problem(r#"{'sink':{}}"#), KeyNotQuoted);
        assert_eq!(problem(r#"{sink:{}}"#), KeyNotQuoted);
        assert_eq!(problem(r#"{"sink":{"workerNum":'8'}}"#), ValueExpected);
        assert_eq!(problem(r#"{"sink":{"workerNum":8x}}"#), CommaExpected);
        assert_eq!(problem(r#"{"sink" {}}"#), ColonExpected);
        assert_eq!(problem(r#"{"sink":{"a":"1" "b":"2"}}"#), CommaExpected);
        assert_eq!(problem(r#"{"sink":{"a":"1",}}"#), TrailingComma);
        assert_eq!(problem(r#"{"sink":{}} x"#), TextAfterEnd);
        assert_eq!(problem("{\"sink\":{\"a\":\"1\n2\"}}"), ControlCharacter);
        assert_eq!(problem(r#"{"sink":{"a":"C:\data"}}"#), InvalidEscape);
        assert_eq!(
            problem(r#"{"sink":{"a":1e999}}"#),
            Other("number out of range".into())
        );
    }

    #[test]
    fn duplicate_keys_are_named_not_silently_merged() {
        assert_eq!(
            import_json(r#"{"sink":{"a":"1","a":"2"}}"#),
            Err(ImportError::DuplicateKey {
                path: "sink.a".into()
            })
        );
        assert_eq!(
            import_json(r#"{"sink":{"a":"1"},"sink":{"b":"2"}}"#),
            Err(ImportError::DuplicateKey {
                path: "sink".into()
            })
        );
        assert!(
            import_json(r#"{"sink":{"a":"{\"x\":1,\"x\":2}"}}"#).is_ok(),
            "JSON text inside a value is a string"
        );
    }

    #[test]
    fn big_deep_and_odd_input_gets_a_message_not_a_panic() {
        let big = format!(r#"{{"source":{{"clients":"{}"}}}}"#, "x".repeat(1 << 20));
        assert_eq!(import_json(&big).unwrap()[0].value.len(), 1 << 20);
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(matches!(
            import_json(&deep),
            Err(ImportError::Syntax { .. })
        ));
        let unicode = "{\"源\":{\"键 \u{200b}\":\"值\u{202e}\"}}";
        assert_eq!(import_json(unicode).unwrap()[0].scope, "源");
        assert!(matches!(
            import_json("  \n\t "),
            Err(ImportError::Syntax { .. })
        ));
    }

    #[test]
    fn delete_params_split_at_the_first_dot() {
        let entries = vec!["source.checkpoint".to_owned(), " sink.a.b ".to_owned()];
        let keys = parse_delete_params(&entries).unwrap();
        assert_eq!(
            keys[1],
            ConfigKey {
                scope: "sink".into(),
                key: "a.b".into()
            }
        );
        assert_eq!(delete_params_value(&keys), "source.checkpoint,sink.a.b");
    }

    #[test]
    fn bad_delete_params_are_named() {
        let entries: Vec<String> = ["", "nodot", ".x", "a.", "a,b.c"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            parse_delete_params(&entries),
            Err(vec![
                DeleteEntryError::Empty { row: 0 },
                DeleteEntryError::NotScopeKey { row: 1 },
                DeleteEntryError::NotScopeKey { row: 2 },
                DeleteEntryError::NotScopeKey { row: 3 },
                DeleteEntryError::Comma { row: 4 },
            ])
        );
        let twice: Vec<String> = ["a.b", "a.b"].map(String::from).to_vec();
        assert_eq!(
            parse_delete_params(&twice),
            Err(vec![DeleteEntryError::Duplicate {
                first: 0,
                second: 1
            }])
        );
    }

    #[test]
    fn a_key_deleted_and_set_is_a_replacement() {
        let keys = vec![ConfigKey {
            scope: "source".into(),
            key: "checkpoint".into(),
        }];
        let rows = vec![ConfigRow::new("source", "checkpoint", "{}")];
        assert_eq!(replaced_keys(&keys, &rows), keys);
    }

    #[test]
    fn secrets_are_recognised_and_masked() {
        for key in [
            "password",
            "sinkPassWD",
            "SECRET_x",
            "apiToken",
            "accessKeyId",
            "credentials",
        ] {
            assert!(is_secret_key(key), "{key}");
        }
        assert!(!is_secret_key("username"));
        let rows = vec![
            ConfigRow::new("sink", "password", "hunter2"),
            ConfigRow::new("sink", "username", "u"),
        ];
        assert_eq!(
            masked_body(&rows, false),
            format!(r#"{{"sink":{{"password":"{MASK}","username":"u"}}}}"#)
        );
        assert!(masked_body(&rows, true).contains("hunter2"));
    }

    #[test]
    fn an_empty_secret_value_is_shown_empty_not_masked() {
        let rows = vec![
            ConfigRow::new("sink", "password", ""),
            ConfigRow::new("source", "password", "p"),
        ];
        let shown = format!(r#"{{"sink":{{"password":""}},"source":{{"password":"{MASK}"}}}}"#);
        assert_eq!(masked_body(&rows, false), shown);
        assert_eq!(mask_body_text(&to_body(&rows)), shown);
    }

    fn row() -> impl Strategy<Value = ConfigRow> {
        ("[a-z]{1,6}", "[a-zA-Z.]{1,8}", any::<String>())
            .prop_map(|(scope, key, value)| ConfigRow { scope, key, value })
    }

    proptest! {
        #[test]
        fn rows_survive_a_json_round_trip(rows in proptest::collection::vec(row(), 0..8)) {
            // Rows of one scope are grouped in the JSON, and a repeated key keeps its
            // last value: compare with the same normalisation.
            let mut expected: Vec<ConfigRow> = Vec::new();
            for r in &rows {
                if let Some(existing) = expected.iter_mut().find(|e| e.scope == r.scope && e.key == r.key) {
                    existing.value = r.value.clone();
                } else {
                    let at = expected.iter().rposition(|e| e.scope == r.scope).map_or(expected.len(), |i| i + 1);
                    expected.insert(at, r.clone());
                }
            }
            prop_assert_eq!(import_json(&to_body(&rows)).unwrap(), expected.clone());
            prop_assert_eq!(import_json(&to_pretty(&rows)).unwrap(), expected);
        }
    }
}
