//! The console loads cleanly, every operation has its route, and a page
//! split off the main module survives a failed fetch.

use serde_json::json;

use crate::harness::World;
use crate::harness::fleet::INCR_STOPPED;

#[tokio::test]
async fn every_operation_has_its_page_and_the_console_loads_cleanly() {
    let world = World::start().await;
    world.open("").await;
    assert_eq!(world.client.title().await.unwrap(), "OMS Connector Console");
    let routes = [
        ("#/resume", "Resume"),
        ("#/stop", "Stop"),
        ("#/update", "Update"),
        ("#/pullback", "Pull back"),
        ("#/migrate", "Migrate"),
        ("#/delete", "Delete"),
    ];
    for (route, title) in routes {
        world.open(route).await;
        assert_eq!(world.text("main h2").await, title, "{route}");
        assert_eq!(world.text("nav a.active").await, title, "{route}");
        let forms = world.count("main form:not(dialog form)").await;
        assert_eq!(forms, 1, "{route} has one form");
        world.screenshot(&route[2..]).await;
    }
    assert!(
        world.journal().await.is_empty(),
        "opening pages sends nothing"
    );
    world.finish().await;
}

/// A route typed or copied in another case or with a trailing `/` opens its
/// page; one that names no page says so, shows the first and puts it in
/// the address.
#[tokio::test]
async fn a_route_is_read_leniently_and_an_unknown_one_is_said() {
    let world = World::start().await;
    let goto = |route: &str| format!("{}/{route}", world.sim.url());
    world.client.goto(&goto("#/STOP/")).await.unwrap();
    world.wait_for("main[data-page='stop'] h2").await;
    assert_eq!(world.text("nav a.active").await, "Stop");
    assert_eq!(world.count(".notices").await, 0);
    world.client.goto(&goto("#/pull-back")).await.unwrap();
    world.wait_for("main[data-page='resume'] h2").await;
    assert_eq!(
        world.text(".notices .notice span").await,
        "There is no page #/pull-back in the console: Resume is shown."
    );
    assert_eq!(world.js("return location.hash").await, "#/resume");
    world.js("location.hash = '#/pull-back'; return true").await;
    world
        .wait_until("return location.hash === '#/resume'")
        .await;
    assert_eq!(
        world.count(".notices .notice").await,
        1,
        "the same mistake is said once"
    );
    world.finish().await;
}

/// `#/journal` is split off the main module (with the other tool pages) and
/// fetched on its first visit.
/// When that fetch fails the page says so, the console keeps working with
/// nothing typed lost, and the next visit fetches it again (saying it is
/// loading while it waits).
#[tokio::test]
async fn a_page_that_cannot_be_fetched_says_so_and_the_next_visit_loads_it() {
    let world = World::start().await;
    world.open("#/resume").await;
    world.set("input[name='taskName']", INCR_STOPPED).await;
    world.cdp("Network.enable", json!({})).await;
    world
        .cdp("Network.setBlockedURLs", json!({"urls": ["*split_tools*"]}))
        .await;
    world.js("location.hash = '#/journal'; return true").await;
    let failed = world
        .text("main[data-page='journal'] [data-page-load-failed]")
        .await;
    assert!(failed.contains("could not be loaded"), "{failed}");

    world.open("#/resume").await;
    let value = world.value("input[name='taskName']").await;
    assert_eq!(value, INCR_STOPPED, "what was typed is kept");

    // Back online, on a slow link: the page says it is loading, then shows.
    world
        .cdp("Network.setBlockedURLs", json!({"urls": []}))
        .await;
    world
        .cdp(
            "Network.emulateNetworkConditions",
            json!({"offline": false, "latency": 1500, "downloadThroughput": -1, "uploadThroughput": -1}),
        )
        .await;
    world.js("location.hash = '#/journal'; return true").await;
    assert_eq!(
        world
            .text("main[data-page='journal'] [data-page-loading]")
            .await,
        "Loading this page…"
    );
    assert_eq!(world.text("main[data-page='journal'] h2").await, "Journal");
    assert_eq!(world.count("[data-page-loading]").await, 0);
    assert_eq!(world.count("[data-page-load-failed]").await, 0);
    assert!(world.journal().await.is_empty(), "nothing was sent");
    world
        .finish_allowing(&["split_tools", "Failed to fetch"])
        .await;
}
