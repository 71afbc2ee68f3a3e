//! The `banso` command as an operator runs it: several instances side by side, migrations,
//! seeding, the grant ledger's verification and the schema.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::{process::Stdio, time::Duration};

use tokio::{
    io::{AsyncBufReadExt, BufReader},
    process::{Child, Command},
};

fn banso(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_banso"));
    command
        .args(args)
        .env_clear()
        .env("BANSO_LOG__LEVEL", "warn")
        .kill_on_drop(true);
    command
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Starts `banso serve` and waits (bounded) for its banner.
async fn serve(port: u16, data_dir: &std::path::Path) -> Child {
    let mut child = banso(&[
        "serve",
        "--port",
        &port.to_string(),
        "--data-dir",
        data_dir.to_str().unwrap(),
    ])
    .stdout(Stdio::piped())
    .stderr(Stdio::null())
    .spawn()
    .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let (banner_tx, banner_rx) = tokio::sync::oneshot::channel();
    // Keep reading for as long as the server runs, so it never writes into a closed pipe.
    tokio::spawn(async move {
        let mut text = String::new();
        let mut banner_tx = Some(banner_tx);
        while let Ok(Some(line)) = lines.next_line().await {
            text.push_str(&line);
            text.push('\n');
            if line.contains("Demo accounts")
                && let Some(tx) = banner_tx.take()
            {
                let _ = tx.send(text.clone());
            }
        }
    });
    let banner = tokio::time::timeout(Duration::from_secs(60), banner_rx)
        .await
        .expect("the banner within a minute")
        .expect("the banner");
    assert!(
        banner.contains(&format!("Bansō is running at http://127.0.0.1:{port}/")),
        "{banner}"
    );
    assert!(
        banner.contains(&format!("GraphiQL:  http://127.0.0.1:{port}/graphql")),
        "{banner}"
    );
    child
}

async fn stop(child: Child) {
    let pid = child.id().unwrap().to_string();
    let status = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .await
        .unwrap();
    assert!(status.success());
    let output = tokio::time::timeout(Duration::from_secs(20), child.wait_with_output())
        .await
        .expect("stops on SIGTERM")
        .unwrap();
    assert!(output.status.success(), "a clean exit: {:?}", output.status);
}

#[tokio::test]
async fn two_instances_run_side_by_side_with_their_own_port_and_data() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (port_a, port_b) = (free_port(), free_port());
    let first = serve(port_a, a.path()).await;
    let second = serve(port_b, b.path()).await;
    let client = reqwest::Client::new();
    for port in [port_a, port_b] {
        let ready = client
            .get(format!("http://127.0.0.1:{port}/ready"))
            .send()
            .await
            .unwrap();
        assert_eq!(ready.status().as_u16(), 200);
        // The demo accounts are loaded and work.
        let login: serde_json::Value = client
            .post(format!("http://127.0.0.1:{port}/graphql"))
            .json(&serde_json::json!({ "query": "mutation { login(input: {email: \"admin@banso.example\", password: \"banso-demo-2026\"}) { user { role } } }" }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(login["data"]["login"]["user"]["role"], "ADMIN");
    }
    assert!(a.path().join("banso.sqlite").exists() && b.path().join("banso.sqlite").exists());
    stop(first).await;
    stop(second).await;
}

#[tokio::test]
async fn migrate_seed_and_schema_commands() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let check = banso(&["migrate", "--check", "--data-dir", data])
        .output()
        .await
        .unwrap();
    assert_eq!(check.status.code(), Some(1), "pending on a new database");
    let migrate = banso(&["migrate", "--data-dir", data])
        .output()
        .await
        .unwrap();
    assert!(
        migrate.status.success(),
        "{}",
        String::from_utf8_lossy(&migrate.stderr)
    );
    let check = banso(&["migrate", "--check", "--data-dir", data])
        .output()
        .await
        .unwrap();
    assert!(check.status.success());
    assert!(String::from_utf8_lossy(&check.stdout).contains("0 migration(s) pending"));

    let first = banso(&["seed", "--demo", "--data-dir", data])
        .output()
        .await
        .unwrap();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(
        String::from_utf8_lossy(&first.stdout).contains("Added 3 desk(s) and 53 taxonomy term(s)")
    );
    let again = banso(&["seed", "--demo", "--data-dir", data])
        .output()
        .await
        .unwrap();
    assert!(
        String::from_utf8_lossy(&again.stdout).contains("Added 0 desk(s) and 0 taxonomy term(s)"),
        "safe to repeat"
    );

    // The demo's grant ledger verifies; a row changed behind Bansō's back does not.
    let verified = banso(&["ledger", "verify", "--data-dir", data])
        .output()
        .await
        .unwrap();
    let report = String::from_utf8_lossy(&verified.stdout).into_owned();
    assert!(verified.status.success(), "{report}");
    assert!(
        report.contains("intact") && report.contains("0 broken"),
        "{report}"
    );
    {
        use sea_orm::ConnectionTrait;
        let url = format!("sqlite://{data}/banso.sqlite");
        let db = sea_orm::Database::connect(&url).await.unwrap();
        db.execute_unprepared("DROP TRIGGER grant_ledger_no_update")
            .await
            .unwrap();
        db.execute_unprepared(
            "UPDATE grant_ledger SET amount_yen = amount_yen + 1 WHERE sequence = 2",
        )
        .await
        .unwrap();
        db.close().await.unwrap();
    }
    let tampered = banso(&["ledger", "verify", "--data-dir", data])
        .output()
        .await
        .unwrap();
    let report = String::from_utf8_lossy(&tampered.stdout).into_owned();
    assert_eq!(tampered.status.code(), Some(1), "{report}");
    assert!(
        report.contains("BROKEN: entry 2 was changed after it was written"),
        "{report}"
    );

    let schema = banso(&["schema"]).output().await.unwrap();
    let committed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../api/schema.graphql"
    ))
    .unwrap();
    assert_eq!(String::from_utf8(schema.stdout).unwrap(), committed);

    let bad = banso(&["serve", "--port", "not-a-port"])
        .output()
        .await
        .unwrap();
    assert!(!bad.status.success());
}

/// `banso reindex` explains itself with the embedded engine, and rebuilds a Meilisearch
/// index (when `BANSO_TEST_MEILI_URL` names one) from the database: every entry in, stale
/// documents out.
#[tokio::test]
async fn reindex_rebuilds_the_search_index_from_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let seeded = banso(&["seed", "--demo", "--data-dir", data])
        .output()
        .await
        .unwrap();
    assert!(
        seeded.status.success(),
        "{}",
        String::from_utf8_lossy(&seeded.stderr)
    );
    let embedded = banso(&["reindex", "--data-dir", data])
        .output()
        .await
        .unwrap();
    assert!(embedded.status.success());
    assert!(
        String::from_utf8_lossy(&embedded.stdout)
            .contains("rebuilt from the database at every start")
    );

    let Ok(url) = std::env::var("BANSO_TEST_MEILI_URL") else {
        return;
    };
    let key = std::env::var("BANSO_TEST_MEILI_KEY").unwrap_or_default();
    let prefix = format!("cli{}", std::process::id());
    let meili = |args: &[&str]| {
        let mut command = banso(args);
        command
            .env("MEILI_URL", &url)
            .env("MEILI_MASTER_KEY", &key)
            .env("BANSO_SEARCH__INDEX_PREFIX", &prefix);
        command
    };
    let client = reqwest::Client::new();
    // A document the database does not have must go.
    let stale = client
        .post(format!("{url}/indexes/{prefix}_directory/documents"))
        .bearer_auth(&key)
        .json(&serde_json::json!([{ "id": 999_999_999, "kind": "vc", "name_en": "Stale" }]))
        .send()
        .await
        .unwrap();
    assert!(stale.status().is_success());
    tokio::time::sleep(Duration::from_millis(500)).await;

    let rebuilt = meili(&["reindex", "--data-dir", data])
        .output()
        .await
        .unwrap();
    let said = String::from_utf8_lossy(&rebuilt.stdout);
    assert!(
        rebuilt.status.success(),
        "{}",
        String::from_utf8_lossy(&rebuilt.stderr)
    );
    assert!(
        said.contains("Indexed 254 directory entries and removed 1 stale"),
        "{said}"
    );
    let stats: serde_json::Value = client
        .get(format!("{url}/indexes/{prefix}_directory/stats"))
        .bearer_auth(&key)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(stats["numberOfDocuments"], 254);
}
