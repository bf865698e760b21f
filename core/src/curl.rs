//! "Copy as curl": the same request as the console sends, for a POSIX shell.

use crate::request::{METHOD, Request};

/// Quotes `text` for a POSIX shell: single quotes, with `'` written `'\''`.
pub fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// The curl command for `request` sent to `base` (an absolute URL such as
/// `http://cm:8088`), in the reference's style.
pub fn curl_command(request: &Request, base: &str) -> String {
    let mut command = format!("curl -X{METHOD} {}", shell_quote(&request.url(base)));
    if let (Some(body), Some(content_type)) = (&request.body, request.content_type()) {
        command.push_str(&format!(
            " \\\n--header {} \\\n--data-raw {}",
            shell_quote(&format!("Content-Type: {content_type}")),
            shell_quote(body)
        ));
    }
    command
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config_map::{ConfigKey, ConfigRow};
    use crate::request::Operation;
    use crate::task_name::TaskName;
    use proptest::prelude::*;
    use std::process::Command;

    /// Runs `command` through `sh` with `curl` replaced by a function that
    /// prints its arguments, and returns them.
    fn argv_through_sh(command: &str) -> Vec<String> {
        let script = format!("curl() {{ printf '%s\\0' \"$@\"; }}\n{command}");
        let output = Command::new("sh")
            .arg("-c")
            .arg(script)
            .output()
            .expect("sh runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let text = String::from_utf8(output.stdout).unwrap();
        text.split_terminator('\0').map(str::to_owned).collect()
    }

    fn expected_argv(request: &Request, base: &str) -> Vec<String> {
        let mut argv = vec!["-XPOST".to_owned(), request.url(base)];
        if let Some(body) = &request.body {
            argv.extend([
                "--header".into(),
                "Content-Type: application/json".into(),
                "--data-raw".into(),
                body.clone(),
            ]);
        }
        argv
    }

    #[test]
    fn the_reference_style() {
        let task_name =
            TaskName::parse("1.2.3.4-9000:connector_v2:p_1-incr_trans-1-0:0000000001").unwrap();
        let stop = Operation::Stop {
            task_name: task_name.clone(),
        }
        .request();
        assert_eq!(
            curl_command(&stop, "http://cm:8088"),
            "curl -XPOST 'http://cm:8088/connector/task/v2/stop?taskName=1.2.3.4-9000:connector_v2:p_1-incr_trans-1-0:0000000001'"
        );
        let update = Operation::Update {
            task_name,
            delete_params: vec![ConfigKey {
                scope: "source".into(),
                key: "checkpoint".into(),
            }],
            update_config_map: vec![ConfigRow::new(
                "source",
                "checkpoint",
                r#"{"s":"1676286000"}"#,
            )],
        }
        .request();
        let command = curl_command(&update, "http://cm:8088");
        assert!(command.ends_with(
            "&deleteParams=source.checkpoint' \\\n--header 'Content-Type: application/json' \\\n--data-raw '{\"source\":{\"checkpoint\":\"{\\\"s\\\":\\\"1676286000\\\"}\"}}'"
        ));
        assert_eq!(
            argv_through_sh(&command),
            expected_argv(&update, "http://cm:8088")
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn generated_commands_parse_back_to_the_same_request(
            name in "[^\\s\\p{Cc}\\p{Cf}]{1,40}",
            value in "[^\\x00]{0,40}",
            key in "[a-zA-Z'\"$`\\\\]{1,10}",
        ) {
            let task_name = TaskName::parse(&name).unwrap();
            let update = Operation::Update {
                task_name,
                delete_params: vec![],
                update_config_map: vec![ConfigRow::new("sink", &key, &value)],
            }
            .request();
            let base = "http://127.0.0.1:8088";
            prop_assert_eq!(argv_through_sh(&curl_command(&update, base)), expected_argv(&update, base));
        }
    }
}
