//! Real nginx running a copy of `deploy/nginx.conf` in front of simulators,
//! with a self-signed certificate for its HTTPS (HTTP/2) listener.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use super::free_port;

/// nginx running the deployment's configuration; stopped on drop.
pub struct Nginx {
    child: Child,
    prefix: PathBuf,
    /// The plain HTTP port.
    pub port: u16,
    /// The HTTPS (HTTP/2) port.
    pub tls_port: u16,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.prefix);
    }
}

fn run(program: &str, args: &[&str], dir: &Path) {
    let out = Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    assert!(
        out.status.success(),
        "{program}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Starts nginx with `deploy/nginx.conf`, changing only the marked lines,
/// and waits until both ports answer.
pub async fn start(dist: &Path, cm_default: &str, cm_east: &str) -> Nginx {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (port, tls_port) = (free_port(), free_port());
    let prefix = std::env::temp_dir().join(format!("oms-nginx-{}-{port}", std::process::id()));
    std::fs::create_dir_all(prefix.join("tmp")).unwrap();
    std::fs::create_dir_all(prefix.join("tls")).unwrap();
    run(
        "openssl",
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            "tls/console.key",
            "-out",
            "tls/console.crt",
        ],
        &prefix,
    );
    let conf = std::fs::read_to_string(root.join("deploy/nginx.conf")).unwrap();
    let edited = conf
        .replace(
            "listen 127.0.0.1:8080;",
            &format!("listen 127.0.0.1:{port};"),
        )
        .replace(
            "listen 127.0.0.1:8443 ssl http2;",
            &format!("listen 127.0.0.1:{tls_port} ssl http2;"),
        )
        .replace("server 127.0.0.1:8088;", &format!("server {cm_default};"))
        .replace("server 10.186.16.126:8088;", &format!("server {cm_east};"))
        .replace("root dist;", &format!("root {};", dist.display()));
    assert_eq!(
        edited.matches("127.0.0.1:8").count(),
        0,
        "every marked address replaced"
    );
    std::fs::write(prefix.join("nginx.conf"), edited).unwrap();
    std::fs::copy(
        root.join("deploy/security-headers.conf"),
        prefix.join("security-headers.conf"),
    )
    .unwrap();
    let program = std::env::var("OMS_NGINX").unwrap_or_else(|_| "nginx".into());
    let conf_path = prefix.join("nginx.conf");
    let prefix_text = prefix.display().to_string();
    let conf_text = conf_path.display().to_string();
    run(
        &program,
        &["-t", "-p", &prefix_text, "-c", &conf_text],
        &prefix,
    );
    let child = Command::new(&program)
        .args(["-p", &prefix_text, "-c", &conf_text])
        .args(["-g", "daemon off; master_process off;"])
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let nginx = Nginx {
        child,
        prefix,
        port,
        tls_port,
    };
    wait_for_port(port).await;
    wait_for_port(tls_port).await;
    nginx
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
