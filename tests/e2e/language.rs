//! Chinese and English: the browser's language, the switch, and a stop and a
//! pullback in Chinese.

use cm_sim::Options;

use crate::fleet::{INCR_RUNNING, INCR_STOPPED};
use crate::harness::World;

#[tokio::test]
async fn a_chinese_browser_gets_chinese_and_the_choice_persists() {
    let world = World::start_in(Options::default(), "zh-CN", "UTC").await;
    world.open("#/stop").await;
    assert_eq!(
        world.js("return document.documentElement.lang").await,
        "zh-CN"
    );
    assert_eq!(world.text("header h1").await, "OMS 连接器控制台");
    assert_eq!(world.text("main h2").await, "停止");

    world.set("input[name='taskName']", INCR_RUNNING).await;
    assert_eq!(world.text("dl.parts .badge").await, "增量同步");
    world.click("main form button[type='submit']").await;
    let message = world.text("dialog[open] .dialog-message").await;
    assert!(
        message.starts_with("停止 ") && message.contains("组件将停止处理"),
        "{message}"
    );
    world.click("dialog[open] button[type='submit']").await;
    assert_eq!(world.outcome("").await, "success");
    assert_eq!(world.text("section.response h3").await, "成功");
    assert_eq!(
        world.text("section.response .explanation").await,
        "CM 主机已执行此操作。"
    );

    world.choose_language("en").await;
    assert_eq!(world.text("main h2").await, "Stop");
    world.reload().await;
    assert_eq!(
        world.text("header h1").await,
        "OMS Connector Console",
        "the choice survives a reload"
    );
    world.choose_language("zh-CN").await;
    world.reload().await;
    assert_eq!(world.text("main h2").await, "停止");
    world.finish().await;
}

/// A warning naming several things lists them as Chinese lists them.
#[tokio::test]
async fn an_update_warning_in_chinese_lists_the_scopes_it_names() {
    let world = World::start_in(Options::default(), "zh-CN", "UTC").await;
    world.open("#/update").await;
    world.set("input[name='taskName']", INCR_STOPPED).await;
    world.click("fieldset.delete-params > button").await;
    world
        .set("input[name='deleteParams']", "Source.checkpoint")
        .await;
    world.add_config_row("sorce", "batchSize", "100").await;
    let warnings = world.first_click_warnings().await;
    assert!(
        warnings.contains(r#"不是组件配置的作用域："Source"、"sorce"。"#),
        "{warnings}"
    );
    world.finish().await;
}

#[tokio::test]
async fn a_pullback_in_chinese() {
    let world = World::start_in(Options::default(), "zh-CN", "UTC").await;
    world.fill_reference_pullback().await;
    assert_eq!(world.text("main h2").await, "回拉");
    assert!(
        world
            .text("fieldset.checkpoint legend")
            .await
            .contains("位点")
    );
    assert!(
        world
            .text("fieldset.checkpoint .result")
            .await
            .contains("前"),
        "relative time in Chinese"
    );
    let warnings = world.open_pullback_confirmation().await;
    assert!(
        warnings.contains("仍然开始回拉"),
        "the second click is asked for in Chinese: {warnings}"
    );
    let summary = world.text("dialog[open] .dialog-message").await;
    assert!(
        summary.starts_with("将 ") && summary.contains("回拉到 2023-02-13 19:00:00 UTC+08:00"),
        "{summary}"
    );
    world
        .set("dialog[open] input[name='confirmTaskName']", "0000000002")
        .await;
    world.click("dialog[open] button[type='submit']").await;
    assert_eq!(
        world.text("[data-pullback-done]").await,
        "回拉完成：组件已从新位点运行。"
    );
    assert!(
        world
            .text("li.step[data-step='1'] h3")
            .await
            .contains("完成")
    );
    assert_eq!(world.journal().await.len(), 3);
    world.open("#/journal").await;
    assert_eq!(
        world
            .text("ul.journal li[data-outcome='success'] .outcome")
            .await,
        "成功",
        "outcomes are named in the language"
    );
    assert_eq!(
        world
            .text("ul.journal li[data-op='pullback'] button.entry strong")
            .await,
        "回拉",
        "and so are operations"
    );
    assert_eq!(
        world
            .js("return [...document.querySelectorAll(\"select[name='filterOutcome'] option\")].map(o => o.textContent)")
            .await,
        serde_json::json!(["全部", "成功", "API 错误", "HTTP 错误", "非 JSON 应答", "无应答", "超时", "已取消", "等待应答", "已中断"])
    );
    world.finish().await;
}

#[tokio::test]
async fn an_english_browser_gets_english() {
    let world = World::start().await;
    world.open("#/resume").await;
    assert_eq!(world.js("return document.documentElement.lang").await, "en");
    world.set("input[name='taskName']", INCR_STOPPED).await;
    assert_eq!(world.text("dl.parts .badge").await, "Incr-Sync");
    world.finish().await;
}

/// The built-in profile is named in the console's language, and not
/// stored, until the operator changes the profiles; from then on they are
/// kept as they are.
#[tokio::test]
async fn the_built_in_profile_is_named_in_the_language_until_profiles_change() {
    let world = World::start_in(Options::default(), "zh-CN", "UTC").await;
    world.open("#/settings").await;
    assert_eq!(world.text("[data-profile-name]").await, "当前站点");
    assert_eq!(
        world
            .js("return [...document.querySelectorAll(\"select[name='color'] option\")].map(o => o.value + ' ' + o.textContent)")
            .await,
        serde_json::json!(["red 红色", "orange 橙色", "green 绿色", "blue 蓝色", "gray 灰色"]),
        "the label colours are named in the language"
    );
    world.set("select[name='language']", "en").await;
    world
        .wait_until(
            "return document.querySelector('[data-profile-name]').textContent === 'This origin'",
        )
        .await;
    let stored = "return localStorage.getItem('oms-console.profiles.v1')";
    assert_eq!(world.js(stored).await, serde_json::Value::Null);

    world.set("input[name='profileName']", "east").await;
    world.set("input[name='baseUrl']", "/cm/east/").await;
    world.click("form.profile-form button[type='submit']").await;
    world.wait_for("li[data-profile='east']").await;
    assert!(
        world
            .js(stored)
            .await
            .as_str()
            .unwrap()
            .contains("\"east\"")
    );
    world.choose_language("zh-CN").await;
    assert_eq!(world.text("header h1").await, "OMS 连接器控制台");
    assert_eq!(
        world.text("[data-profile-name]").await,
        "This origin",
        "changed profiles are kept as they are"
    );
    world.finish().await;
}

/// The secret keys a form filled from the journal lacks are listed with
/// the language's own separator.
#[tokio::test]
async fn secret_keys_to_fill_in_are_listed_the_chinese_way() {
    let world = World::start_in(Options::default(), "zh-CN", "UTC").await;
    world.open("#/update").await;
    world.set("input[name='taskName']", INCR_STOPPED).await;
    world.click(".tabs [role='tab']:nth-child(2)").await;
    world
        .set(
            "textarea[name='updateConfigMapJson']",
            r#"{"sink": {"password": "a"}, "source": {"password": "b"}}"#,
        )
        .await;
    world
        .wait_until("return document.querySelectorAll(\"input[name='key']\").length === 2")
        .await;
    world.click("main form button[type='submit']").await;
    assert_eq!(world.outcome("").await, "success");
    world.open("#/journal").await;
    world.fill_form_from_newest_entry().await;
    world.wait_for(".notices").await;
    assert_eq!(
        world.text(".notices .notice span").await,
        "请补填日志中未保存的敏感值：sink.password、source.password。"
    );
    world.finish().await;
}
