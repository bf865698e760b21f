//! Accessibility: every page in the states an operator meets (a notice,
//! errors, warnings, answers, confirmations, a pullback halted, a batch
//! done, the journal and the CM host list filled) audited by axe-core, in
//! the light theme in English and the dark theme in Chinese.

use fantoccini::Locator;
use serde_json::json;

use crate::harness::fleet::{FULL_STOPPED, INCR_RUNNING, INCR_STOPPED};
use crate::harness::{SUBMIT, World};

/// axe-core's script: the npm package `cargo xtask test` installs into `tools/`.
fn axe_script() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tools/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run `cargo xtask test`, which installs it)",
            path.display()
        )
    })
}

/// The confirmation dialog's button that goes ahead.
const CONFIRM: &str = "dialog[open] button[type='submit']";

/// Runs axe-core on the page as it stands; passes back each rule it finds
/// broken, as `rule (impact): where: what to fix`.
const AUDIT: &str = "const done = arguments[arguments.length - 1];
    axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.flatMap(v =>
      v.nodes.map(n => v.id + ' (' + v.impact + '): ' + n.target.join(' ') + ': ' + n.failureSummary))));";

/// Audits pages one state after another, keeping what each finds.
struct Auditor<'w> {
    world: &'w World,
    script: String,
    found: Vec<String>,
}

impl<'w> Auditor<'w> {
    /// An auditor of the page `world` shows.
    fn new(world: &'w World) -> Self {
        Self {
            world,
            script: axe_script(),
            found: Vec::new(),
        }
    }

    /// Clicks `click`, waits until `shown` is, and audits that `state`.
    async fn after(&mut self, click: &str, shown: &str, state: &str) {
        self.world.click(click).await;
        self.world.wait_for(shown).await;
        self.audit(state).await;
    }

    /// Audits the page in its current `state` (a label for the report).
    async fn audit(&mut self, state: &str) {
        if self.world.js("return typeof axe").await != json!("object") {
            self.world.js(&self.script).await;
        }
        let broken = self.world.js_async(AUDIT).await;
        self.found.extend(
            broken
                .as_array()
                .into_iter()
                .flatten()
                .map(|b| format!("{state}: {}", b.as_str().unwrap_or_default())),
        );
    }

    /// Fails with everything found, if anything was.
    fn assert_none(self) {
        assert!(
            self.found.is_empty(),
            "axe-core finds {} problems:\n{}",
            self.found.len(),
            self.found.join("\n")
        );
    }
}

/// Walks every page through its states, auditing each, in `theme` and `lang`.
async fn audit_everything(theme: &str, lang: &str) {
    let world = World::start().await;
    world.open("#/resume").await;
    world.set("select[name='theme']", theme).await;
    world.wait_for(&format!("html[data-theme='{theme}']")).await;
    world.choose_language(lang).await;
    let mut a = Auditor::new(&world);

    world
        .js("localStorage.setItem('oms-console.journal.v1', '{'); return true")
        .await;
    world.reload().await;
    world.wait_for(".notices .notice").await;
    a.audit("a notice").await;

    a.after(SUBMIT, "ul.errors", "resume, errors").await;
    world
        .set("input[name='taskName']", "10.186.16.126 9000")
        .await;
    a.audit("resume, a name not understood").await;
    world.set("input[name='taskName']", INCR_STOPPED).await;
    a.after(SUBMIT, "section.response[data-outcome]", "resume, answered")
        .await;
    world.set("input[name='taskName']", INCR_RUNNING).await;
    a.after(
        SUBMIT,
        "section.response[data-outcome='api-error']",
        "resume, refused",
    )
    .await;

    world.open("#/stop").await;
    world.set("input[name='taskName']", INCR_RUNNING).await;
    a.after(SUBMIT, "dialog[open]", "stop, confirmation").await;
    a.after(CONFIRM, "section.response[data-outcome]", "stop, answered")
        .await;

    world.open("#/update").await;
    world.set("input[name='taskName']", INCR_RUNNING).await;
    world.add_config_row("sorce", "batch size", "").await;
    a.after(SUBMIT, "ul.warnings.acknowledge", "update, warnings")
        .await;
    world.click(".tabs [role='tab']:nth-child(2)").await;
    world.set("textarea[name='updateConfigMapJson']", "{").await;
    a.audit("update, JSON not read").await;
    world.click(".tabs [role='tab']:nth-child(1)").await;

    world.open("#/pullback").await;
    a.after(SUBMIT, "ul.errors", "pullback, errors").await;
    world.set("input[name='taskName']", FULL_STOPPED).await;
    world.set("input[name='date']", "2023-02-13").await;
    world.set("input[name='time']", "19:00:00").await;
    world.set("input[name='subtopic']", "subtopic-1").await;
    a.audit("pullback, filled").await;
    a.after(SUBMIT, "ul.warnings.acknowledge", "pullback, warnings")
        .await;
    a.after(SUBMIT, "dialog[open]", "pullback, confirmation")
        .await;
    world
        .set("dialog[open] input[name='confirmTaskName']", "0000000003")
        .await;
    a.after(CONFIRM, "[data-halted-at]", "pullback, halted")
        .await;

    world.open("#/migrate").await;
    world.set("input[name='taskName']", INCR_STOPPED).await;
    world.set("input[name='ip']", "10.186.16.200").await;
    a.after(SUBMIT, "dialog[open]", "migrate, confirmation")
        .await;

    world.open("#/delete").await;
    world.set("input[name='taskName']", INCR_STOPPED).await;
    a.after(SUBMIT, "dialog[open]", "delete, confirmation")
        .await;

    world.open("#/batch").await;
    let names = [
        INCR_STOPPED,
        "not a task name",
        INCR_STOPPED,
        "",
        FULL_STOPPED,
        "connector-1",
    ];
    world
        .set("textarea[name='taskNames']", &names.join("\n"))
        .await;
    a.audit("batch, typed").await;
    a.after(SUBMIT, "dialog[open]", "batch, confirmation").await;
    world.click(CONFIRM).await;
    world
        .wait_until("return performance.getEntriesByName('oms-batch-end').length > 0")
        .await;
    a.audit("batch, done").await;

    world.open("#/journal").await;
    world.wait_for("li[data-op]").await;
    a.audit("journal, filled").await;

    world.open("#/settings").await;
    a.after(
        "form.profile-form button[type='submit']",
        "form.profile-form ul.errors",
        "CM hosts, errors",
    )
    .await;
    world.add_profile("east", "/cm/east/").await;
    world.ask_to_delete_profile("east").await;
    world.wait_for("dialog[open]").await;
    a.audit("CM hosts, confirmation").await;

    a.assert_none();
    world.finish_allowing_failed_api_calls(true).await;
}

#[tokio::test]
async fn every_page_passes_axe_in_the_light_theme_in_english() {
    audit_everything("light", "en").await;
}

#[tokio::test]
async fn every_page_passes_axe_in_the_dark_theme_in_chinese() {
    audit_everything("dark", "zh-CN").await;
}

/// The audit finds what it is for: a field with no label is reported.
#[tokio::test]
async fn the_audit_reports_an_unlabelled_field() {
    let world = World::start().await;
    world.open("#/resume").await;
    world
        .js("document.querySelector('main form').append(document.createElement('input')); return true")
        .await;
    let mut a = Auditor::new(&world);
    a.audit("resume, with a field added").await;
    assert!(
        a.found.iter().any(|f| f.contains("label (critical)")),
        "{:?}",
        a.found
    );
    world.finish().await;
}

/// The first Tab stop is a link past the header and the navigation (twelve
/// stops): it shows when focused, and takes the focus to the form's first
/// field.
#[tokio::test]
async fn the_first_tab_stop_skips_to_the_form() {
    let world = World::start().await;
    world.open("#/stop").await;
    let focused = "const e = document.activeElement; \
        return [e.dataset.action ?? e.name, e.getBoundingClientRect().top >= 0]";
    let body = world.client.find(Locator::Css("body")).await.expect("body");
    body.send_keys("\u{E004}").await.expect("types");
    assert_eq!(world.js(focused).await, json!(["skip-to-form", true]));
    let skip = world.client.active_element().await.expect("focused");
    skip.send_keys("\u{E007}").await.expect("types");
    assert_eq!(world.js(focused).await, json!(["taskName", true]));
    world.finish().await;
}
