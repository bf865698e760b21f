//! Percent-encoding of query values, in the reference's style.

/// Bytes left as they are: unreserved characters plus `:`, `,` and `*`,
/// which the reference's task names and `deleteParams` show literally.
fn is_literal(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b':' | b',' | b'*')
}

/// Encodes `text` for a query string; space, `&`, `+`, `#`, `%`, `=`, `'`
/// and every non-ASCII byte become `%XX`.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if is_literal(byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `%XX` sequences (`+` stays `+`); invalid sequences are kept as
/// written and invalid UTF-8 is replaced.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |at: usize| bytes.get(at).and_then(|b| (*b as char).to_digit(16));
        match (bytes[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn special_characters_are_encoded() {
        assert_eq!(
            percent_encode("a b&c+d#e%f=g'h"),
            "a%20b%26c%2Bd%23e%25f%3Dg%27h"
        );
        assert_eq!(percent_encode("数"), "%E6%95%B0");
        assert_eq!(
            percent_encode("1.2.3.4-9000:connector_v2:p_1****"),
            "1.2.3.4-9000:connector_v2:p_1****"
        );
    }

    proptest! {
        #[test]
        fn any_text_survives_a_query_parser(text in any::<String>(), other in any::<String>()) {
            let query = format!("taskName={}&ip={}", percent_encode(&text), percent_encode(&other));
            let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes()).into_owned().collect();
            prop_assert_eq!(pairs, vec![("taskName".to_owned(), text), ("ip".to_owned(), other)]);
        }

        #[test]
        fn decode_undoes_encode(text in any::<String>()) {
            prop_assert_eq!(percent_decode(&percent_encode(&text)), text);
        }

        #[test]
        fn encoded_text_has_no_query_metacharacters(text in any::<String>()) {
            let encoded = percent_encode(&text);
            prop_assert!(!encoded.contains(['&', '=', '#', '+', ' ', '?', '\'']));
            prop_assert!(encoded.is_ascii());
        }
    }
}
