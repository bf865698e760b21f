//! The deployment: real nginx with `deploy/nginx.conf` in front of the
//! simulator, serving the built console.

use cm_sim::{Options, Sim};
use reqwest::header;

use crate::fleet::{INCR_RUNNING, INCR_STOPPED};
use crate::harness::{World, decoded_query, deployment, dist, pairs};

/// A hashed WebAssembly file of the build, through nginx: precompressed,
/// typed for streaming compilation, cached for good.
async fn assert_hashed_wasm(http: &reqwest::Client, url: &str) {
    let asset = http
        .get(url)
        .header(header::ACCEPT_ENCODING, "gzip")
        .send()
        .await
        .unwrap();
    let headers = asset.headers();
    assert_eq!(
        headers[header::CONTENT_ENCODING],
        "gzip",
        "{url}: precompressed"
    );
    assert_eq!(headers[header::CONTENT_TYPE], "application/wasm", "{url}");
    let cache = headers[header::CACHE_CONTROL].to_str().unwrap();
    assert!(cache.contains("immutable"), "{url}: {cache}");
}

/// A CM host (the simulator, demo fleet) on a free port.
async fn cm_host() -> Sim {
    Sim::start(Options {
        addr: "127.0.0.1:0".parse().unwrap(),
        ..Options::default()
    })
    .await
    .unwrap()
}

#[tokio::test]
async fn the_console_works_behind_the_nginx_deployment() {
    let east = cm_host().await;
    let mut world = World::start().await;
    let nginx = deployment::start(
        &dist(),
        &world.sim.addr().to_string(),
        &east.addr().to_string(),
    )
    .await;
    let front = format!("http://127.0.0.1:{}", nginx.port);

    let http = reqwest::Client::new();
    let index = http.get(format!("{front}/")).send().await.unwrap();
    assert_eq!(index.status(), 200);
    let csp = index.headers()[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    assert_eq!(index.headers()[header::CACHE_CONTROL], "no-cache");
    assert_eq!(index.headers()[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    let html = index.text().await.unwrap();
    let meta = html
        .split("Content-Security-Policy\" content=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    assert!(
        csp.starts_with(meta),
        "the header and the meta tag carry one policy"
    );
    let wasm = html
        .split("href=\"/")
        .filter_map(|s| s.split('"').next())
        .find(|s| s.ends_with(".wasm"))
        .unwrap()
        .to_owned();
    assert_hashed_wasm(&http, &format!("{front}/{wasm}")).await;
    let open = http
        .get(format!("{front}/cm/elsewhere/connector/task/v2/stop"))
        .send()
        .await
        .unwrap();
    assert_eq!(open.status(), 404, "no open proxy");

    // The browser uses the HTTPS listener: the page and the CM API over HTTP/2.
    world.set_front(format!("https://127.0.0.1:{}", nginx.tls_port));
    assert_eq!(world.stop_confirmed(INCR_RUNNING).await, "success");
    let protocols = world
        .js("return performance.getEntriesByType('resource').filter(e => e.name.includes('/connector/')).map(e => e.nextHopProtocol)")
        .await;
    assert_eq!(protocols, serde_json::json!(["h2"]));
    let journal = world.journal().await;
    assert_eq!(journal.len(), 1);
    assert_eq!(
        decoded_query(&journal[0]),
        pairs(&[("taskName", INCR_RUNNING)])
    );

    world.open("#/settings").await;
    // That page's own module came through the deployment, cached like
    // every hashed file.
    let module = world
        .js("return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname).find(p => p.includes('split_tools'))")
        .await;
    let module = module.as_str().expect("the tool pages' module was fetched");
    assert_hashed_wasm(&http, &format!("{front}{module}")).await;
    world.add_profile("east", "/cm/east/").await;
    world.use_profile("east").await;
    world.open("#/resume").await;
    world.set("input[name='taskName']", INCR_STOPPED).await;
    world.click("main form button[type='submit']").await;
    assert_eq!(world.outcome("").await, "success");
    let east_journal: serde_json::Value = http
        .get(format!("{}/_sim/requests", east.url()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        east_journal.as_array().unwrap().len(),
        1,
        "sent through /cm/east/"
    );
    assert_eq!(east_journal[0]["path"], "/connector/task/v2/resume");
    assert_eq!(
        world.journal().await.len(),
        1,
        "nothing else reached the default CM"
    );
    world.finish().await;
    drop(nginx);
}

/// One connection carries more than nginx's default 1,000 requests: a long
/// batch is not cut by nginx closing the browser's connection under it.
#[tokio::test]
async fn one_connection_carries_a_long_batch() {
    let cm = cm_host().await;
    let nginx = deployment::start(&dist(), &cm.addr().to_string(), &cm.addr().to_string()).await;
    let port = nginx.port;
    let closed_at = tokio::task::spawn_blocking(move || {
        use std::io::{BufRead, BufReader, Read, Write};
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream.set_nodelay(true).unwrap();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        for n in 1..=1_100 {
            let request = format!(
                "POST /connector/task/v2/stop?taskName=t{n} HTTP/1.1\r\nHost: console\r\nContent-Length: 0\r\n\r\n"
            );
            stream.write_all(request.as_bytes()).unwrap();
            let (mut length, mut close) = (0, false);
            loop {
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                let line = line.trim_end().to_ascii_lowercase();
                if line.is_empty() {
                    break;
                }
                if let Some(value) = line.strip_prefix("content-length:") {
                    length = value.trim().parse().unwrap();
                }
                close |= line == "connection: close";
            }
            reader.read_exact(&mut vec![0; length]).unwrap();
            if close {
                return Some(n);
            }
        }
        None
    })
    .await
    .unwrap();
    assert_eq!(closed_at, None, "nginx closed the connection");
    let received: serde_json::Value = reqwest::get(format!("{}/_sim/requests", cm.url()))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(received.as_array().unwrap().len(), 1_100);
}
