//! The console loads cleanly and every operation has its route.

use crate::harness::World;

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
        let forms = world
            .js("return document.querySelectorAll('main form:not(dialog form)').length")
            .await;
        assert_eq!(forms, 1, "{route} has one form");
        world.screenshot(&route[2..]).await;
    }
    assert!(
        world.journal().await.is_empty(),
        "opening pages sends nothing"
    );
    world.finish().await;
}
