//! The KPI table against hand-counted fixtures: the fiscal year's edges in Japan time
//! (31 March 23:59:59 vs 1 April 00:00), desks and domains, introductions and matches by
//! group, investments through VC introductions, the open backlog, the previous period, and
//! who may read which figures.

use banso::{
    auth::Role,
    entity::{consultations, introductions, investments},
    ids::DirectoryEntryId,
};
use chrono::{DateTime, TimeZone, Utc};
use sea_orm::{ActiveModelTrait, Set};
use serde_json::{Value, json};

use crate::helpers::{TestApp, TestUser, spawn_app};

const RECORDS: &str = "query($input: KpiReportInput!, $figure: Figure!) { kpiRecords(input: $input, figure: $figure) { totalCount edges { node { kind subjectId reference title amountYen } } } }";
const REPORT: &str = "query($input: KpiReportInput!) { kpiReport(input: $input) { period { label first last } previousPeriod { label } rows { figure unit value previous display previousDisplay } referralsByDesk { deskName count } matchesByOutcome { outcome count } disbursedByMilestone { position amountYen } series { first label consultations fromOverseas introductions matches } } }";

fn at(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, s).unwrap()
}

fn fy(year: i32) -> Value {
    json!({ "kind": "FISCAL_YEAR", "fiscalYear": year })
}

async fn report(app: &TestApp, user: &TestUser, input: Value) -> Value {
    let read = app
        .graphql_as(user, "ja", REPORT, json!({ "input": input }))
        .await;
    read.data()["kpiReport"].clone()
}

fn row<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["figure"] == name)
        .unwrap_or_else(|| panic!("no {name} in {report}"))
}

/// A figure's value and the previous period's, both measured.
fn figure(report: &Value, name: &str) -> (i64, i64) {
    let row = row(report, name);
    let value = |key: &str| {
        row[key]
            .as_i64()
            .unwrap_or_else(|| panic!("{name} is blank: {row}"))
    };
    (value("value"), value("previous"))
}

async fn records(app: &TestApp, user: &TestUser, input: Value, figure: &str) -> Value {
    let read = app
        .graphql_as(
            user,
            "ja",
            RECORDS,
            json!({ "input": input, "figure": figure }),
        )
        .await;
    read.data()["kpiRecords"].clone()
}

async fn entry(app: &TestApp, admin: &TestUser, kind: &str, details: Value) -> i64 {
    let mut input = json!({
        "nameEn": format!("{kind} entry"), "nameJa": format!("{kind}の登録"),
        "summaryEn": "For the report.", "summaryJa": "集計用です。",
        "domains": ["medical_devices_samd"], "stages": ["clinical"], "topics": ["regulatory"],
        "languages": ["ja"], "regions": ["kanto"],
    });
    let key = match kind {
        "ADVISOR" => "advisor",
        "SUPPORTER" => "supporter",
        _ => "vc",
    };
    input[key] = details;
    let created = app
        .graphql_as(
            admin,
            "en",
            "mutation($kind: DirectoryKind!, $input: DirectoryEntryInput!) { createDirectoryEntry(kind: $kind, input: $input) { id } }",
            json!({ "kind": kind, "input": input }),
        )
        .await;
    let id = created.data()["createDirectoryEntry"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    DirectoryEntryId::from_public(&async_graphql::ID(id))
        .unwrap()
        .0
}

/// An introduction row as the service would have left it.
#[allow(clippy::too_many_arguments)]
async fn introduction(
    app: &TestApp,
    case: &consultations::Model,
    entry: i64,
    kind: &str,
    channel: &str,
    sent_at: DateTime<Utc>,
    matched_at: Option<(DateTime<Utc>, &str)>,
) -> i64 {
    let row = introductions::ActiveModel {
        consultation_id: Set(case.id),
        entry_id: Set(entry),
        target_kind: Set(kind.to_owned()),
        channel: Set(channel.to_owned()),
        status: Set(if matched_at.is_some() {
            "matched"
        } else {
            "sent"
        }
        .to_owned()),
        message: Set(String::new()),
        proposed_fields: Set("title".to_owned()),
        shared_fields: Set("title".to_owned()),
        proposed_at: Set(sent_at),
        sent_at: Set(Some(sent_at)),
        outcome: Set(matched_at.map(|(_, outcome)| outcome.to_owned())),
        closed_at: Set(matched_at.map(|(at, _)| at)),
        version: Set(1),
        created_at: Set(sent_at),
        updated_at: Set(sent_at),
        ..Default::default()
    }
    .insert(&app.state.db)
    .await
    .expect("introduction inserted");
    row.id
}

#[tokio::test]
async fn the_kpi_table_counts_each_figure_by_period_desk_and_domain() {
    let app = spawn_app().await;
    let admin = app.user(Role::Admin, &[]).await;
    let mediso = app.user(Role::Staff, &["MEDISO"]).await;
    let cariso = app.user(Role::Staff, &["CARISO"]).await;
    let advisor = app.user(Role::Advisor, &["MEDISO"]).await;
    let requester = app.user(Role::Requester, &[]).await;

    // Consultations on either side of the fiscal year's edges (Japan is UTC+9).
    let last_of_fy2025 = app
        .file_at(
            &requester,
            "medical_devices_samd",
            "FY2025の最後",
            at(2026, 3, 31, 14, 59, 59),
        )
        .await;
    let first_of_fy2026 = app
        .file_at(
            &requester,
            "medical_devices_samd",
            "FY2026の最初",
            at(2026, 3, 31, 15, 0, 0),
        )
        .await;
    let overseas = app
        .file_at(
            &requester,
            "bio_regenerative",
            "海外からの相談",
            at(2026, 6, 15, 1, 0, 0),
        )
        .await;
    let care = app
        .file_at(
            &requester,
            "care_tech",
            "介護の相談",
            at(2026, 7, 1, 1, 0, 0),
        )
        .await;
    let last_of_fy2026 = app
        .file_at(
            &requester,
            "medical_devices_samd",
            "FY2026の最後",
            at(2027, 3, 31, 14, 59, 59),
        )
        .await;
    app.file_at(
        &requester,
        "medical_devices_samd",
        "FY2027の最初",
        at(2027, 3, 31, 15, 0, 0),
    )
    .await;
    consultations::ActiveModel {
        id: Set(overseas.id),
        overseas: Set(true),
        ..Default::default()
    }
    .update(&app.state.db)
    .await
    .unwrap();
    // Closed within FY2026: not in the backlog at its end (it was at FY2025's end).
    consultations::ActiveModel {
        id: Set(last_of_fy2025.id),
        status: Set("closed".to_owned()),
        closed_at: Set(Some(at(2026, 5, 1, 3, 0, 0))),
        ..Default::default()
    }
    .update(&app.state.db)
    .await
    .unwrap();

    // First responses: 2 business days (on time), 5 (late); the last case is not yet due.
    for (case, responded, due) in [
        (&first_of_fy2026, at(2026, 4, 3, 1, 0, 0), (2026, 4, 6)),
        (&overseas, at(2026, 6, 22, 1, 0, 0), (2026, 6, 18)),
    ] {
        consultations::ActiveModel {
            id: Set(case.id),
            first_responded_at: Set(Some(responded)),
            first_response_due_on: Set(
                chrono::NaiveDate::from_ymd_opt(due.0, due.1, due.2).unwrap()
            ),
            ..Default::default()
        }
        .update(&app.state.db)
        .await
        .unwrap();
    }

    // Introductions: sent in FY2026 unless said; matches recorded when said.
    let advisor_entry = entry(
        &app,
        &admin,
        "ADVISOR",
        json!({ "userId": advisor.id, "capacity": 5 }),
    )
    .await;
    let supporter = entry(&app, &admin, "SUPPORTER", json!({ "supporterType": "CRO" })).await;
    let vc = entry(&app, &admin, "VC", json!({})).await;
    introduction(
        &app,
        &first_of_fy2026,
        advisor_entry,
        "advisor",
        "individual",
        at(2026, 4, 10, 0, 0, 0),
        None,
    )
    .await;
    introduction(
        &app,
        &first_of_fy2026,
        supporter,
        "supporter",
        "newsletter",
        at(2026, 5, 1, 0, 0, 0),
        Some((at(2026, 8, 1, 0, 0, 0), "partnership")),
    )
    .await;
    introduction(
        &app,
        &overseas,
        supporter,
        "supporter",
        "individual",
        at(2026, 6, 20, 0, 0, 0),
        Some((at(2027, 3, 31, 14, 0, 0), "proof_of_concept")),
    )
    .await;
    introduction(
        &app,
        &overseas,
        supporter,
        "supporter",
        "individual",
        at(2026, 3, 1, 0, 0, 0),
        None,
    )
    .await;
    let invested = introduction(
        &app,
        &last_of_fy2026,
        vc,
        "vc",
        "individual",
        at(2026, 9, 1, 0, 0, 0),
        Some((at(2026, 12, 1, 0, 0, 0), "investment")),
    )
    .await;
    introduction(
        &app,
        &care,
        supporter,
        "supporter",
        "individual",
        at(2026, 9, 1, 0, 0, 0),
        Some((at(2026, 10, 1, 0, 0, 0), "adoption")),
    )
    .await;
    investments::ActiveModel {
        organisation_id: Set(last_of_fy2026.organisation_id),
        amount_yen: Set(300_000_000),
        round: Set("series_a".to_owned()),
        invested_on: Set(chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()),
        investor_name: Set("VC".to_owned()),
        introduction_id: Set(Some(invested)),
        recorded_at: Set(at(2026, 12, 1, 0, 0, 0)),
        ..Default::default()
    }
    .insert(&app.state.db)
    .await
    .unwrap();
    // Recorded by staff without an introduction: not a VC-introduction figure.
    investments::ActiveModel {
        organisation_id: Set(last_of_fy2026.organisation_id),
        amount_yen: Set(50_000_000),
        round: Set("seed".to_owned()),
        invested_on: Set(chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()),
        investor_name: Set("Angel".to_owned()),
        recorded_at: Set(at(2026, 12, 1, 0, 0, 0)),
        ..Default::default()
    }
    .insert(&app.state.db)
    .await
    .unwrap();

    // MEDISO staff, FY2026 (their desk by default), against FY2025.
    let table = report(&app, &mediso, json!({ "period": fy(2026) })).await;
    assert_eq!(table["period"]["label"], "2026年度");
    assert_eq!(table["period"]["first"], "2026-04-01");
    assert_eq!(table["period"]["last"], "2027-03-31");
    assert_eq!(table["previousPeriod"]["label"], "2025年度");
    assert_eq!(figure(&table, "CONSULTATIONS_RECEIVED"), (3, 1));
    assert_eq!(figure(&table, "FROM_OVERSEAS"), (1, 0));
    assert_eq!(figure(&table, "ADVISOR_INTRODUCTIONS"), (1, 0));
    assert_eq!(figure(&table, "NEWSLETTER_INTRODUCTIONS"), (1, 0));
    assert_eq!(figure(&table, "NEWSLETTER_MATCHES"), (1, 0));
    assert_eq!(figure(&table, "SUPPORTER_INTRODUCTIONS"), (1, 1));
    assert_eq!(figure(&table, "SUPPORTER_MATCHES"), (1, 0));
    assert_eq!(figure(&table, "VC_INTRODUCTIONS"), (1, 0));
    assert_eq!(figure(&table, "VC_MATCHES"), (1, 0));
    assert_eq!(figure(&table, "VC_INVESTMENTS"), (1, 0));
    assert_eq!(figure(&table, "VC_INVESTED_YEN"), (300_000_000, 0));
    assert_eq!(figure(&table, "MATCHES"), (3, 0));
    // At FY2026's end: 1 April, the overseas case and the last second; at FY2025's end the
    // last case of FY2025 was still open.
    assert_eq!(figure(&table, "OPEN_BACKLOG"), (3, 1));
    let yen = row(&table, "VC_INVESTED_YEN");
    assert_eq!(yen["display"], "300,000,000円");
    assert_eq!(yen["unit"], "YEN");
    // Answered in 2 and 5 business days; of the two due by the year's end, one on time. The
    // last case is not due before the period ends. In FY2025 nothing was answered or due.
    assert_eq!(row(&table, "RESPONSE_DAYS_MEDIAN")["value"], 2);
    assert_eq!(row(&table, "RESPONSE_DAYS_MEDIAN")["display"], "2営業日");
    assert_eq!(row(&table, "RESPONSE_DAYS_P90")["value"], 5);
    assert_eq!(row(&table, "SLA_COMPLIANCE")["value"], 500);
    assert_eq!(row(&table, "SLA_COMPLIANCE")["display"], "50.0%");
    assert_eq!(row(&table, "SLA_COMPLIANCE")["previous"], Value::Null);
    assert_eq!(row(&table, "SLA_COMPLIANCE")["previousDisplay"], "—");
    assert_eq!(figure(&table, "GRANT_APPLICATIONS"), (0, 0));
    // Month by month: April holds 1 April 00:00, March 2027 the last second.
    let series = table["series"].as_array().unwrap();
    assert_eq!(series.len(), 12);
    assert_eq!(series[0]["label"], "2026年4月");
    assert_eq!(
        series
            .iter()
            .map(|m| m["consultations"].as_i64().unwrap())
            .collect::<Vec<_>>(),
        vec![1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1]
    );
    assert_eq!(series[2]["fromOverseas"], 1);
    assert_eq!(series[0]["introductions"], 1);
    assert_eq!(series[4]["matches"], 1, "the newsletter match of August");
    assert_eq!(
        table["matchesByOutcome"],
        json!([
            { "outcome": "PROOF_OF_CONCEPT", "count": 1 },
            { "outcome": "INVESTMENT", "count": 1 },
            { "outcome": "PARTNERSHIP", "count": 1 },
        ])
    );

    // A domain narrows every figure; admins see every desk (the care case is CARISO's).
    let devices = app.term_id("medical_devices_samd").await;
    let table = report(
        &app,
        &mediso,
        json!({ "period": fy(2026), "domainId": devices }),
    )
    .await;
    assert_eq!(figure(&table, "CONSULTATIONS_RECEIVED"), (2, 1));
    assert_eq!(figure(&table, "FROM_OVERSEAS"), (0, 0));
    assert_eq!(figure(&table, "SUPPORTER_MATCHES"), (0, 0));
    assert_eq!(
        row(&table, "GRANT_AWARDS")["value"],
        Value::Null,
        "grants have no domain"
    );
    let everything = report(&app, &admin, json!({ "period": fy(2026) })).await;
    assert_eq!(figure(&everything, "CONSULTATIONS_RECEIVED"), (4, 1));
    assert_eq!(figure(&everything, "SUPPORTER_MATCHES"), (2, 0));
    let theirs = report(&app, &cariso, json!({ "period": fy(2026) })).await;
    assert_eq!(figure(&theirs, "CONSULTATIONS_RECEIVED"), (1, 0));
    assert_eq!(figure(&theirs, "SUPPORTER_MATCHES"), (1, 0));

    // Quarters and months in Tokyo time: Q1 holds 1 April 00:00, March holds 31 March 23:59.
    let q1 = report(
        &app,
        &mediso,
        json!({ "period": { "kind": "QUARTER", "fiscalYear": 2026, "quarter": 1 } }),
    )
    .await;
    assert_eq!(q1["period"]["label"], "2026年度 第1四半期");
    assert_eq!(figure(&q1, "CONSULTATIONS_RECEIVED"), (2, 1));
    let march = report(
        &app,
        &mediso,
        json!({ "period": { "kind": "MONTH", "year": 2027, "month": 3 } }),
    )
    .await;
    assert_eq!(figure(&march, "CONSULTATIONS_RECEIVED"), (1, 0));
    let custom = report(
        &app,
        &mediso,
        json!({ "period": { "kind": "CUSTOM", "from": "2026-04-01", "to": "2026-04-01" } }),
    )
    .await;
    assert_eq!(figure(&custom, "CONSULTATIONS_RECEIVED"), (1, 1));

    // Each figure drills down to the records behind it, within the same scope.
    let overseas_cases = records(
        &app,
        &mediso,
        json!({ "period": fy(2026) }),
        "FROM_OVERSEAS",
    )
    .await;
    assert_eq!(overseas_cases["totalCount"], 1);
    let node = &overseas_cases["edges"][0]["node"];
    assert_eq!(node["kind"], "CONSULTATION");
    assert_eq!(node["title"], "海外からの相談");
    assert_eq!(node["reference"], overseas.reference.as_str());
    let invested = records(
        &app,
        &mediso,
        json!({ "period": fy(2026) }),
        "VC_INVESTED_YEN",
    )
    .await;
    assert_eq!(invested["totalCount"], 1);
    assert_eq!(invested["edges"][0]["node"]["amountYen"], 300_000_000);
    let matches = records(&app, &cariso, json!({ "period": fy(2026) }), "MATCHES").await;
    assert_eq!(matches["totalCount"], 1);
    assert_eq!(matches["edges"][0]["node"]["title"], "介護の相談");
    assert_eq!(matches["edges"][0]["node"]["kind"], "INTRODUCTION");
    let backlog = records(&app, &mediso, json!({ "period": fy(2026) }), "OPEN_BACKLOG").await;
    assert_eq!(backlog["totalCount"], 3);
    let refused = app
        .graphql_as(
            &requester,
            "en",
            RECORDS,
            json!({ "input": { "period": fy(2026) }, "figure": "CONSULTATIONS_RECEIVED" }),
        )
        .await;
    assert_eq!(refused.code(), "FORBIDDEN");

    // The same table as CSV: a byte-order mark, headers in the reader's language, plain
    // numbers, CRLF; only for those who may read it.
    let csv = |user: Option<&TestUser>, query: &str| {
        // The records of one figure are a list of their own; the rest is the table.
        let file = if query.contains("figure=") {
            "records"
        } else {
            "kpi"
        };
        let mut request = app
            .client
            .get(app.url(&format!("/reports/{file}.csv?{query}")));
        if let Some(user) = user {
            request = request.bearer_auth(&user.token);
        }
        request.send()
    };
    let download = csv(Some(&mediso), "period=fiscal_year&fiscalYear=2026")
        .await
        .unwrap();
    assert_eq!(download.status().as_u16(), 200);
    assert_eq!(
        download.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    assert!(
        download.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("banso-kpi-20260401-20270331.csv")
    );
    let bytes = download.bytes().await.unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "a UTF-8 byte-order mark");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.starts_with("指標,2026年度,2025年度\r\n"), "{text}");
    assert!(text.contains("\r\n相談案件,3,1\r\n"), "{text}");
    assert!(
        text.contains("\r\nVC紹介による出資額,300000000,0\r\n"),
        "{text}"
    );
    assert!(text.contains("\r\n期限内の初回回答率,500,\r\n"), "{text}");
    assert!(
        text.contains("\r\nマッチング成立（成果別）: 実証（PoC）,1,\r\n"),
        "{text}"
    );
    let listed = csv(
        Some(&mediso),
        "period=fiscal_year&fiscalYear=2026&figure=from_overseas",
    )
    .await
    .unwrap();
    let list_name = listed.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        list_name.contains("banso-from-overseas-20260401-20270331.csv"),
        "{list_name}"
    );
    let bytes = listed.bytes().await.unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert_eq!(
        text,
        format!(
            "区分,受付番号,件名,日付,金額（円）\r\n相談案件,{},海外からの相談,2026-06-15,\r\n",
            overseas.reference
        )
    );
    let refused = csv(
        Some(&requester),
        "period=fiscal_year&fiscalYear=2026&figure=from_overseas",
    )
    .await
    .unwrap();
    assert_eq!(refused.status().as_u16(), 403);
    let anonymous = csv(None, "period=fiscal_year&fiscalYear=2026")
        .await
        .unwrap();
    assert_eq!(anonymous.status().as_u16(), 401);
    let forbidden = csv(Some(&requester), "period=fiscal_year&fiscalYear=2026")
        .await
        .unwrap();
    assert_eq!(forbidden.status().as_u16(), 403);
    let bad = csv(Some(&mediso), "period=quarter&fiscalYear=2026&quarter=9")
        .await
        .unwrap();
    assert_eq!(bad.status().as_u16(), 400);

    // Who may read what: another desk is refused, requesters are refused, bad periods are
    // field errors.
    let mediso_desk = app.desk_id("MEDISO").await;
    let refused = app
        .graphql_as(
            &cariso,
            "en",
            REPORT,
            json!({ "input": { "period": fy(2026), "deskId": mediso_desk } }),
        )
        .await;
    assert_eq!(refused.code(), "FORBIDDEN");
    let refused = app
        .graphql_as(
            &requester,
            "en",
            REPORT,
            json!({ "input": { "period": fy(2026) } }),
        )
        .await;
    assert_eq!(refused.code(), "FORBIDDEN");
    let refused = app
        .graphql_as(&mediso, "en", REPORT, json!({ "input": { "period": { "kind": "QUARTER", "fiscalYear": 2026, "quarter": 5 } } }))
        .await;
    assert_eq!(
        refused.field_errors(),
        vec![("quarter".into(), "OUT_OF_RANGE".into())]
    );
    let refused = app
        .graphql_as(&mediso, "en", REPORT, json!({ "input": { "period": { "kind": "CUSTOM", "from": "2026-05-02", "to": "2026-05-01" } } }))
        .await;
    assert_eq!(
        refused.field_errors(),
        vec![("to".into(), "DATE_INVALID".into())]
    );

    // An advisor reads the figures of the consultations assigned to them: none yet.
    let own = report(&app, &advisor, json!({ "period": fy(2026) })).await;
    assert_eq!(figure(&own, "CONSULTATIONS_RECEIVED"), (0, 0));
    consultations::ActiveModel {
        id: Set(first_of_fy2026.id),
        assignee_user_id: Set(Some(
            banso::ids::UserId::from_public(&async_graphql::ID(advisor.id.clone()))
                .unwrap()
                .0,
        )),
        ..Default::default()
    }
    .update(&app.state.db)
    .await
    .unwrap();
    let own = report(&app, &advisor, json!({ "period": fy(2026) })).await;
    assert_eq!(figure(&own, "CONSULTATIONS_RECEIVED"), (1, 0));
    assert_eq!(figure(&own, "ADVISOR_INTRODUCTIONS"), (1, 0));
    assert_eq!(figure(&own, "NEWSLETTER_MATCHES"), (1, 0));
}

#[tokio::test]
async fn grant_figures_count_applications_awards_and_disbursements_by_milestone() {
    let app = spawn_app().await;
    let staff = app.user(Role::Staff, &["MEDISO"]).await;
    let cariso = app.user(Role::Staff, &["CARISO"]).await;
    let requester = app.user(Role::Requester, &[]).await;
    let programme = crate::grants::programme(&app, &staff, 500_000_000, 300_000_000, None).await;
    let application = crate::grants::awarded(
        &app,
        &staff,
        &requester,
        &programme,
        &[70_000_000, 30_000_000],
    )
    .await;
    crate::grants::achieve(&app, &staff, &requester, &application, 0).await;

    let this_year = banso::calendar::fiscal_year(banso::calendar::japan_date(Utc::now()));
    let table = report(&app, &staff, json!({ "period": fy(this_year) })).await;
    assert_eq!(figure(&table, "GRANT_APPLICATIONS"), (1, 0));
    assert_eq!(figure(&table, "GRANT_AWARDS"), (1, 0));
    assert_eq!(figure(&table, "GRANT_COMMITTED_YEN"), (100_000_000, 0));
    assert_eq!(figure(&table, "GRANT_DISBURSED_YEN"), (70_000_000, 0));
    assert_eq!(
        table["disbursedByMilestone"],
        json!([{ "position": 1, "amountYen": 70_000_000 }])
    );
    let paid = records(
        &app,
        &staff,
        json!({ "period": fy(this_year) }),
        "GRANT_DISBURSED_YEN",
    )
    .await;
    assert_eq!(paid["totalCount"], 1);
    assert_eq!(paid["edges"][0]["node"]["kind"], "DISBURSEMENT");
    assert_eq!(paid["edges"][0]["node"]["title"], "マイルストーン1");
    assert_eq!(paid["edges"][0]["node"]["amountYen"], 70_000_000);
    // Another desk's programmes are not theirs.
    let theirs = report(&app, &cariso, json!({ "period": fy(this_year) })).await;
    assert_eq!(figure(&theirs, "GRANT_AWARDS"), (0, 0));
}
