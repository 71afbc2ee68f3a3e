//! The email outbox: queued in the same transaction as the change, delivered by the worker,
//! retried with backoff, never lost when a worker dies or the SMTP server is down.

use std::time::Duration;

use banso::{
    auth::Role,
    notify::{outbox, worker},
};
use chrono::Duration as ChronoDuration;
use serde_json::json;

use crate::helpers::{Email, TestApp, read_mail_dir, spawn_app, spawn_app_with};

const SIGN_UP: &str = "mutation($e: String!) { signUp(input: {email: $e, password: \"correct horse battery\", displayName: \"Tester\", organisationName: \"Test KK\", organisationKind: STARTUP, countryCode: \"JP\", locale: JA}) { email } }";

async fn outbox_rows(app: &TestApp) -> Vec<banso::entity::outbox::Model> {
    use sea_orm::{ColumnTrait, QueryFilter};
    use sea_orm::{EntityTrait, QueryOrder};
    banso::entity::outbox::Entity::find()
        .filter(banso::entity::outbox::Column::Topic.eq("email"))
        .order_by_asc(banso::entity::outbox::Column::Id)
        .all(&app.state.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn emails_are_queued_with_their_change_and_sent_by_the_worker() {
    let app = spawn_app().await;
    app.graphql(SIGN_UP, json!({ "e": "queued@example.jp" }))
        .await
        .data();
    let emails = app.sent_emails().await;
    assert_eq!(emails.len(), 1);
    let rows = outbox_rows(&app).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].status, "done");
    assert_eq!(rows[0].attempts, 1);
    assert!(rows[0].processed_at.is_some() && rows[0].locked_by.is_none());
    assert_eq!(rows[0].ordering_key, "queued@example.jp");
    let stored: banso::notify::OutgoingEmail = serde_json::from_str(&rows[0].payload).unwrap();
    assert_eq!(
        emails[0].message_id,
        stored.message_id.trim_matches(['<', '>']),
        "the message id is kept for retries"
    );
    assert!(
        app.data_dir
            .path()
            .join("mail")
            .join(format!("{:010}.eml", rows[0].id))
            .exists()
    );
}

#[tokio::test]
async fn an_email_held_by_a_worker_that_died_is_sent_after_its_lease() {
    let app = spawn_app_with(|env| {
        env.insert("BANSO_WORKER__ENABLED".into(), "false".into());
    })
    .await;
    app.graphql(SIGN_UP, json!({ "e": "lease@example.jp" }))
        .await
        .data();
    // A worker claims the email and dies before sending it.
    let held = outbox::claim(
        &app.state.db,
        "worker-that-died",
        10,
        ChronoDuration::seconds(1),
        outbox::Topic::ALL,
    )
    .await
    .unwrap();
    assert_eq!(held.len(), 1);
    assert_eq!(
        worker::run_once(&app.state, "survivor").await.unwrap(),
        0,
        "still held"
    );
    tokio::time::sleep(Duration::from_millis(1200)).await;
    assert_eq!(worker::run_once(&app.state, "survivor").await.unwrap(), 1);
    let rows = outbox_rows(&app).await;
    assert_eq!((rows[0].status.as_str(), rows[0].attempts), ("done", 2));
    assert_eq!(read_mail_dir(&app.data_dir.path().join("mail")).len(), 1);
}

#[tokio::test]
async fn a_failed_delivery_waits_and_is_retried_until_it_succeeds() {
    let app = spawn_app().await;
    // The mail folder cannot be created while a file is in its way.
    let blocker = app.data_dir.path().join("mail");
    std::fs::write(&blocker, b"in the way").unwrap();
    app.graphql(SIGN_UP, json!({ "e": "retry@example.jp" }))
        .await
        .data();
    let mut failed = None;
    for _ in 0..200 {
        let rows = outbox_rows(&app).await;
        if rows[0].attempts >= 1 && rows[0].last_error.is_some() {
            failed = Some(rows[0].clone());
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let failed = failed.expect("a failed attempt is recorded");
    assert_eq!(
        failed.status, "pending",
        "a temporary failure keeps the email queued"
    );
    assert!(
        failed.next_attempt_at > failed.created_at,
        "it waits before the next attempt"
    );
    std::fs::remove_file(&blocker).unwrap();
    let emails = app.sent_emails().await;
    assert_eq!(emails.len(), 1);
    let rows = outbox_rows(&app).await;
    assert!(rows[0].attempts >= 2);
    assert_eq!(rows[0].status, "done");
}

/// The SMTP sink in `tests/support/smtp_sink.py`, run with the Python named by
/// `BANSO_TEST_SMTP_PYTHON` (one with aiosmtpd installed; `.ci/run` provides it).
struct SmtpSink {
    child: tokio::process::Child,
    dir: tempfile::TempDir,
}

impl SmtpSink {
    async fn start(port: u16) -> SmtpSink {
        let python = std::env::var("BANSO_TEST_SMTP_PYTHON")
            .expect("BANSO_TEST_SMTP_PYTHON must name a Python with aiosmtpd (see .ci/run)");
        let dir = tempfile::tempdir().unwrap();
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/support/smtp_sink.py");
        let child = tokio::process::Command::new(python)
            .args([script, "--port", &port.to_string(), "--dir"])
            .arg(dir.path())
            .kill_on_drop(true)
            .spawn()
            .expect("the SMTP sink starts");
        for _ in 0..200 {
            if tokio::net::TcpStream::connect(("127.0.0.1", port))
                .await
                .is_ok()
            {
                return SmtpSink { child, dir };
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the SMTP sink did not start listening on {port}");
    }

    fn received(&self) -> Vec<Email> {
        read_mail_dir(self.dir.path())
    }

    async fn stop(mut self) {
        let _ = self.child.kill().await;
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn smtp_app(port: u16) -> TestApp {
    spawn_app_with(move |env| {
        env.insert("SMTP_URL".into(), format!("smtp://127.0.0.1:{port}"));
        env.insert("BANSO_EMAIL__SMTP_TIMEOUT_SECS".into(), "5".into());
        env.insert("BANSO_WORKER__BACKOFF_MAX_SECS".into(), "2".into());
    })
    .await
}

#[tokio::test]
#[ignore = "needs a Python with aiosmtpd in BANSO_TEST_SMTP_PYTHON; run by .ci/run"]
async fn smtp_emails_reach_a_real_smtp_server_in_the_recipients_language() {
    let port = free_port();
    let sink = SmtpSink::start(port).await;
    let app = smtp_app(port).await;
    app.graphql(SIGN_UP, json!({ "e": "smtp@example.jp" }))
        .await
        .data();
    app.wait_for_outbox().await;
    let received = sink.received();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].to, "smtp@example.jp");
    assert_eq!(received[0].language, "ja");
    assert_eq!(received[0].subject, "【伴走】メールアドレスの確認のお願い");
    assert!(received[0].html.contains("メールアドレスを確認する"));
    assert!(received[0].link("/verify-email").starts_with(&app.address));
    sink.stop().await;
}

#[tokio::test]
#[ignore = "needs a Python with aiosmtpd in BANSO_TEST_SMTP_PYTHON; run by .ci/run"]
async fn smtp_an_outage_delays_mail_and_loses_none_in_order_per_recipient() {
    let port = free_port();
    // The server is down when the mail is queued.
    let app = smtp_app(port).await;
    let admin = app.user(Role::Admin, &[]).await;
    let desks = app.graphql("{ desks { id } }", json!({})).await;
    let desk = desks.data()["desks"][0]["id"].clone();
    let invited = app
        .graphql_as(&admin, "ja", "mutation($d: ID!) { inviteUser(input: {email: \"waiting@example.jp\", displayName: \"待機中\", role: STAFF, locale: EN, deskIds: [$d]}) { id } }", json!({ "d": desk }))
        .await;
    let id = invited.data()["inviteUser"]["id"].clone();
    app.graphql(SIGN_UP, json!({ "e": "someone-else@example.jp" }))
        .await
        .data();
    for _ in 0..2 {
        app.graphql_as(
            &admin,
            "ja",
            "mutation($id: ID!) { resendInvitation(id: $id) }",
            json!({ "id": id }),
        )
        .await
        .data();
    }

    // Every email is tried and fails while the server is down; none is dropped.
    for _ in 0..400 {
        let rows = outbox_rows(&app).await;
        if rows
            .iter()
            .any(|row| row.attempts >= 1 && row.last_error.is_some())
            && rows.iter().all(|row| row.status == "pending")
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let rows = outbox_rows(&app).await;
    assert_eq!(rows.len(), 4);
    assert!(
        rows.iter().all(|row| row.status == "pending"),
        "nothing given up during the outage"
    );
    assert!(rows.iter().any(|row| row.last_error.is_some()));
    let waiting: Vec<&banso::entity::outbox::Model> = rows
        .iter()
        .filter(|row| row.ordering_key == "waiting@example.jp")
        .collect();
    assert!(
        waiting[1..].iter().all(|row| row.attempts == 0),
        "later emails to a recipient wait for the first"
    );

    // The server comes back: everything is delivered, once, each recipient's in order.
    let sink = SmtpSink::start(port).await;
    app.wait_for_outbox().await;
    let received = sink.received();
    assert_eq!(received.len(), 4, "{received:?}");
    let mut ids: Vec<&str> = received
        .iter()
        .map(|email| email.message_id.as_str())
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 4, "no duplicates");
    let expected: Vec<String> = waiting
        .iter()
        .map(|row| {
            let email: banso::notify::OutgoingEmail = serde_json::from_str(&row.payload).unwrap();
            email.message_id.trim_matches(['<', '>']).to_owned()
        })
        .collect();
    let arrived: Vec<String> = received
        .iter()
        .filter(|email| email.to == "waiting@example.jp")
        .map(|email| email.message_id.clone())
        .collect();
    assert_eq!(arrived, expected, "in the order they were queued");
    assert!(
        received
            .iter()
            .filter(|email| email.to == "waiting@example.jp")
            .all(|email| email.language == "en")
    );
    let rows = outbox_rows(&app).await;
    assert!(rows.iter().all(|row| row.status == "done"));
    sink.stop().await;
}
