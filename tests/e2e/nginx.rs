//! The deployment: real nginx with `deploy/nginx.conf` in front of the
//! simulator, serving the built console.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use cm_sim::{Options, Sim};
use reqwest::header;

use crate::fleet::{INCR_RUNNING, INCR_STOPPED};
use crate::harness::{World, decoded_query, pairs};

/// nginx running a copy of the deployment's configuration; stopped on drop.
struct Nginx {
    child: Child,
    prefix: PathBuf,
    port: u16,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.prefix);
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Starts nginx with `deploy/nginx.conf`, changing only the marked lines.
fn start_nginx(dist: &Path, cm_default: &str, cm_east: &str) -> Nginx {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let port = free_port();
    let prefix = std::env::temp_dir().join(format!("oms-nginx-{}-{port}", std::process::id()));
    std::fs::create_dir_all(prefix.join("tmp")).unwrap();
    let conf = std::fs::read_to_string(root.join("deploy/nginx.conf")).unwrap();
    let edited = conf
        .replace(
            "listen 127.0.0.1:8080;",
            &format!("listen 127.0.0.1:{port};"),
        )
        .replace("server 127.0.0.1:8088;", &format!("server {cm_default};"))
        .replace("server 10.186.16.126:8088;", &format!("server {cm_east};"))
        .replace("root dist;", &format!("root {};", dist.display()));
    assert_ne!(conf, edited);
    std::fs::write(prefix.join("nginx.conf"), edited).unwrap();
    std::fs::copy(
        root.join("deploy/security-headers.conf"),
        prefix.join("security-headers.conf"),
    )
    .unwrap();
    let program = std::env::var("OMS_NGINX").unwrap_or_else(|_| "nginx".into());
    let conf_path = prefix.join("nginx.conf");
    let check = Command::new(&program)
        .args(["-t", "-p"])
        .arg(&prefix)
        .arg("-c")
        .arg(&conf_path)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program} (install nginx-light): {e}"));
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let child = Command::new(&program)
        .arg("-p")
        .arg(&prefix)
        .arg("-c")
        .arg(&conf_path)
        .args(["-g", "daemon off; master_process off;"])
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    Nginx {
        child,
        prefix,
        port,
    }
}

async fn wait_for_port(port: u16) {
    for _ in 0..200 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("nginx did not listen on {port}");
}

#[tokio::test]
async fn the_console_works_behind_the_nginx_deployment() {
    let east = Sim::start(Options {
        addr: "127.0.0.1:0".parse().unwrap(),
        ..Options::default()
    })
    .await
    .unwrap();
    let mut world = World::start().await;
    let dist = std::env::var_os("OMS_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("dist"));
    let nginx = start_nginx(
        &dist,
        &world.sim.addr().to_string(),
        &east.addr().to_string(),
    );
    wait_for_port(nginx.port).await;
    let front = format!("http://127.0.0.1:{}", nginx.port);
    world.set_front(front.clone());

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
    let asset = http
        .get(format!("{front}/{wasm}"))
        .header(header::ACCEPT_ENCODING, "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(
        asset.headers()[header::CONTENT_ENCODING],
        "gzip",
        "precompressed file served"
    );
    assert_eq!(asset.headers()[header::CONTENT_TYPE], "application/wasm");
    assert!(
        asset.headers()[header::CACHE_CONTROL]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    let open = http
        .get(format!("{front}/cm/elsewhere/connector/task/v2/stop"))
        .send()
        .await
        .unwrap();
    assert_eq!(open.status(), 404, "no open proxy");

    world.open("#/stop").await;
    world.set("input[name='taskName']", INCR_RUNNING).await;
    world.click("main form button[type='submit']").await;
    world.click("dialog[open] button[type='submit']").await;
    assert_eq!(world.outcome("").await, "success");
    let journal = world.journal().await;
    assert_eq!(journal.len(), 1);
    assert_eq!(
        decoded_query(&journal[0]),
        pairs(&[("taskName", INCR_RUNNING)])
    );

    world.open("#/settings").await;
    world.set("input[name='profileName']", "east").await;
    world.set("input[name='baseUrl']", "/cm/east/").await;
    world.click("form.profile-form button[type='submit']").await;
    world
        .click("li[data-profile='east'] [data-action='use-profile']")
        .await;
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
