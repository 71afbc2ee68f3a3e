//! `banso seed --synthetic`: the history it writes holds together (every introduction
//! follows its consultation's first answer, closed cases carry a closing date, each case
//! starts with its filing), the same seed draws the same names, the KPI report counts
//! what it wrote, a second run into the same database is refused, and a consultation
//! filed afterwards continues its desk's reference series.

use banso::{
    auth::Role,
    calendar::{fiscal_year, japan_date},
    synthetic::{self, Sizes},
};
use serde_json::json;

use crate::helpers::{TestApp, spawn_app};

const SIZES: Sizes = Sizes {
    consultations: 400,
    introductions: 800,
    organisations: 30,
    advisors: 9,
    entries: 40,
    years: 3,
    seed: 11,
};

async fn names(app: &TestApp) -> Vec<String> {
    let backend = app.state.db.get_database_backend();
    let rows = sea_orm::ConnectionTrait::query_all_raw(
        &app.state.db,
        sea_orm::Statement::from_string(
            backend,
            "SELECT name AS n FROM organisations ORDER BY id".to_owned(),
        ),
    )
    .await
    .unwrap();
    rows.iter()
        .map(|row| row.try_get::<String>("", "n").unwrap())
        .collect()
}

#[tokio::test]
async fn synthetic_history_holds_together_and_the_report_counts_it() {
    let app = spawn_app().await;
    let before = app.count("consultations").await;
    let made = synthetic::generate(&app.state, &SIZES).await.unwrap();

    assert_eq!(made.consultations, 400);
    assert_eq!(app.count("consultations").await - before, 400);
    assert_eq!(app.count("introductions").await as u64, made.introductions);
    assert_eq!(app.count("investments").await as u64, made.investments);
    assert!(
        (600..=800).contains(&made.introductions),
        "{} introductions",
        made.introductions
    );
    for broken in [
        "introductions i JOIN consultations c ON c.id = i.consultation_id \
         WHERE c.first_responded_at IS NULL OR i.proposed_at < c.first_responded_at",
        "introductions WHERE status = 'matched' AND (closed_at IS NULL OR outcome IS NULL)",
        "introductions WHERE sent_at IS NOT NULL AND sent_at < proposed_at",
        "consultations WHERE (closed_at IS NULL) <> (status <> 'closed')",
        "consultations WHERE first_responded_at IS NOT NULL AND first_responded_at < received_at",
        "consultations c WHERE NOT EXISTS (SELECT 1 FROM consultation_events e \
         WHERE e.consultation_id = c.id AND e.kind = 'filed')",
        "investments v JOIN introductions i ON i.id = v.introduction_id \
         WHERE i.outcome <> 'investment' OR i.target_kind <> 'vc'",
    ] {
        assert_eq!(app.count(broken).await, 0, "{broken}");
    }

    // The report's count of the year agrees with the fiscal year stored on each case.
    let year = fiscal_year(japan_date(banso::db::now())) - 1;
    let stored = app
        .count(&format!("consultations WHERE fiscal_year = {year}"))
        .await;
    assert!(stored > 50, "{stored} consultations in FY{year}");
    let admin = app.user(Role::Admin, &[]).await;
    let read = app
        .graphql_as(
            &admin,
            "en",
            "query($input: KpiReportInput!) { kpiReport(input: $input) { rows { figure value } } }",
            json!({ "input": { "period": { "kind": "FISCAL_YEAR", "fiscalYear": year } } }),
        )
        .await;
    let received = read.data()["kpiReport"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["figure"] == "CONSULTATIONS_RECEIVED")
        .map(|row| row["value"].as_i64().unwrap())
        .unwrap();
    assert_eq!(received, stored);

    // Once per database; the same seed draws the same history elsewhere.
    let again = synthetic::generate(&app.state, &SIZES).await;
    assert!(again.is_err());
    let other = spawn_app().await;
    synthetic::generate(&other.state, &SIZES).await.unwrap();
    assert_eq!(names(&app).await, names(&other).await);

    // A consultation filed now continues its desk's series instead of colliding.
    let requester = app.user(Role::Requester, &[]).await;
    app.file(&requester, "medical_devices_samd", json!({}))
        .await;
}
