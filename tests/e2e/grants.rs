//! The Healthtech Challenge end to end: programme set-up, an application's milestone plan
//! checked against the window, ceiling and sums, reviewers without conflicts of interest,
//! weighted scores, the award, milestones in order with their tranches, the VC-match hold
//! and release, the budget running out, failure returning unpaid tranches, exactly one
//! disbursement under 20 concurrent approvals, and the ledger's chain.

use banso::{
    auth::Role,
    calendar::{fiscal_year, fiscal_year_bounds},
    grants::ledger,
};
use chrono::{Duration, NaiveDate};
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use serde_json::{Value, json};

use crate::helpers::{Gql, TestApp, TestUser, first_field as ok, spawn_app, to};

const CREATE_PROGRAMME: &str = "mutation($input: GrantProgrammeInput!) { createGrantProgramme(input: $input) { id version criteria { id weight } } }";
const SAVE: &str = "mutation($input: GrantApplicationInput!) { saveGrantApplication(input: $input) { id version status requestedYen milestones { id status version trancheYen } } }";
const SUBMIT: &str = "mutation($id: ID!, $version: Int!) { submitGrantApplication(id: $id, version: $version) { id version status } }";
const ASSIGN: &str = "mutation($id: ID!, $user: ID!) { assignGrantReviewer(applicationId: $id, userId: $user) { id } }";
const REVIEW: &str = "mutation($id: ID!, $input: GrantReviewInput!) { submitGrantReview(applicationId: $id, input: $input) { myReview { weightedScore recommendation } } }";
const AWARD: &str = "mutation($id: ID!, $version: Int!, $input: AwardGrantInput!) { awardGrant(applicationId: $id, version: $version, input: $input) { id version status } }";
const REJECT: &str = "mutation($id: ID!, $version: Int!, $note: String!) { rejectGrantApplication(applicationId: $id, version: $version, note: $note) { status } }";
const EVIDENCE: &str = "mutation($id: ID!, $version: Int!, $evidence: String!, $links: [String!]! = []) { submitMilestoneEvidence(milestoneId: $id, version: $version, evidence: $evidence, links: $links) { id } }";
const DECIDE: &str = "mutation($id: ID!, $version: Int!, $decision: MilestoneDecision!, $note: String! = \"\") { decideMilestone(milestoneId: $id, version: $version, decision: $decision, note: $note) { id } }";
const INVEST: &str =
    "mutation($input: RecordInvestmentInput!) { recordInvestment(input: $input) { amountYen } }";
const APPLICATION: &str = "query($id: ID!) { grantApplication(id: $id) { id version status statusLabel requestedYen canEdit canDecide canReview aggregateScore decisionNote reviews { reviewerName weightedScore recommendation } award { amountYen disbursedYen awaitingMatchYen returnedYen status confirmedInvestmentYen matchCapYen } milestones { id position status version trancheYen steps evidence evidenceLinks disbursement { amountYen status } } } }";
const BUDGET: &str = "query($id: ID!) { grantProgramme(id: $id) { budget { budgetYen committedYen disbursedYen awaitingMatchYen remainingYen } ledger { intact entries problem } } }";

fn today() -> NaiveDate {
    banso::calendar::japan_date(chrono::Utc::now())
}

fn day(offset: i64) -> String {
    (today() + Duration::days(offset)).to_string()
}

/// A programme input for this fiscal year with the window open today.
fn programme_input(desk: &str, budget: i64, ceiling: i64, ratio: Option<f64>) -> Value {
    let fiscal_year = fiscal_year(today());
    let (first, last) = fiscal_year_bounds(fiscal_year).unwrap();
    json!({
        "deskId": desk, "fiscalYear": fiscal_year,
        "nameEn": "Healthtech Challenge test call", "nameJa": "ヘルステック・チャレンジ（試験公募）",
        "themes": ["RARE_DISEASES", "AI_SAMD"],
        "budgetYen": budget, "awardCeilingYen": ceiling, "matchRatio": ratio,
        "opensOn": first.to_string(), "closesOn": last.to_string(),
        "criteria": [
            { "nameEn": "Medical need", "nameJa": "医療ニーズ", "weight": 60 },
            { "nameEn": "Feasibility", "nameJa": "実現可能性", "weight": 40 },
        ],
    })
}

pub(crate) async fn programme(
    app: &TestApp,
    staff: &TestUser,
    budget: i64,
    ceiling: i64,
    ratio: Option<f64>,
) -> Value {
    let desk = app.desk_id("MEDISO").await;
    ok(
        app,
        staff,
        CREATE_PROGRAMME,
        json!({ "input": programme_input(&desk, budget, ceiling, ratio) }),
    )
    .await
}

fn plan(tranches: &[i64]) -> Vec<Value> {
    tranches
        .iter()
        .enumerate()
        .map(|(i, yen)| {
            json!({
                "title": format!("マイルストーン{}", i + 1),
                "successCriteria": "達成基準を満たすこと。",
                "dueOn": day(30 * (i as i64 + 1)),
                "trancheYen": yen,
            })
        })
        .collect()
}

/// A submitted application of the requester's organisation with tranches `tranches`.
async fn submitted(
    app: &TestApp,
    requester: &TestUser,
    programme: &Value,
    tranches: &[i64],
) -> Value {
    let saved = ok(
        app,
        requester,
        SAVE,
        json!({ "input": {
            "programmeId": programme["id"], "theme": "RARE_DISEASES",
            "title": "希少疾患治療薬の非臨床試験", "summary": "GLP試験を実施します。",
            "milestones": plan(tranches),
        }}),
    )
    .await;
    ok(
        app,
        requester,
        SUBMIT,
        json!({ "id": saved["id"], "version": saved["version"] }),
    )
    .await
}

/// An awarded application: amount = the sum of the tranches, as planned.
pub(crate) async fn awarded(
    app: &TestApp,
    staff: &TestUser,
    requester: &TestUser,
    programme: &Value,
    tranches: &[i64],
) -> Value {
    let application = submitted(app, requester, programme, tranches).await;
    let read = read(app, staff, &application["id"]).await;
    let read = &read.data()["grantApplication"];
    let input = json!({
        "amountYen": tranches.iter().sum::<i64>(),
        "tranches": read["milestones"].as_array().unwrap().iter()
            .map(|m| json!({ "milestoneId": m["id"], "trancheYen": m["trancheYen"] }))
            .collect::<Vec<_>>(),
    });
    ok(
        app,
        staff,
        AWARD,
        json!({ "id": read["id"], "version": read["version"], "input": input }),
    )
    .await
}

async fn read(app: &TestApp, user: &TestUser, id: &Value) -> Gql {
    app.graphql_as(user, "en", APPLICATION, json!({ "id": id }))
        .await
}

async fn milestone(app: &TestApp, user: &TestUser, application: &Value, position: usize) -> Value {
    read(app, user, &application["id"]).await.data()["grantApplication"]["milestones"][position]
        .clone()
}

/// The requester submits evidence for milestone `position`, and staff decide it.
pub(crate) async fn achieve(
    app: &TestApp,
    staff: &TestUser,
    requester: &TestUser,
    application: &Value,
    position: usize,
) {
    let m = milestone(app, requester, application, position).await;
    ok(
        app,
        requester,
        EVIDENCE,
        json!({ "id": m["id"], "version": m["version"], "evidence": "最終報告書を提出します。" }),
    )
    .await;
    let m = milestone(app, staff, application, position).await;
    ok(
        app,
        staff,
        DECIDE,
        json!({ "id": m["id"], "version": m["version"], "decision": "APPROVE" }),
    )
    .await;
}

async fn budget(app: &TestApp, staff: &TestUser, programme: &Value) -> Value {
    let read = app
        .graphql_as(staff, "en", BUDGET, json!({ "id": programme["id"] }))
        .await;
    read.data()["grantProgramme"].clone()
}

#[tokio::test]
async fn an_application_is_checked_reviewed_without_conflicts_and_awarded() {
    let app = spawn_app().await;
    let staff = app.english_user(Role::Staff, &["MEDISO"]).await;
    let other_staff = app.user(Role::Staff, &["INNOHUB"]).await;
    let advisor = app.user(Role::Advisor, &["MEDISO"]).await;
    let conflicted = app.user(Role::Advisor, &["MEDISO"]).await;
    let requester = app.user(Role::Requester, &[]).await;
    let (organisation, applicant_name) = app.organisation_of(&requester).await;
    let outsider = app.user(Role::Requester, &[]).await;
    let desk = app.desk_id("MEDISO").await;

    // Programme set-up: every problem at once, localised; only the desk's staff.
    let mut bad = programme_input(&desk, 100_000_000, 200_000_000, Some(0.01));
    bad["closesOn"] = json!(day(800));
    bad["criteria"] = json!([]);
    let refused = app
        .graphql_as(&staff, "ja", CREATE_PROGRAMME, json!({ "input": bad }))
        .await;
    let fields = refused.field_errors();
    for expected in [
        ("awardCeilingYen", "GRANT_BUDGET_EXCEEDED"),
        ("matchRatio", "OUT_OF_RANGE"),
        ("closesOn", "GRANT_WINDOW_INVALID"),
        ("criteria", "REQUIRED"),
    ] {
        assert!(
            fields.contains(&(expected.0.into(), expected.1.into())),
            "{expected:?} in {fields:?}"
        );
    }
    assert!(refused.field_message("closesOn").contains("fiscal year"));
    for who in [&advisor, &other_staff, &requester] {
        let refused = app
            .graphql_as(
                who,
                "en",
                CREATE_PROGRAMME,
                json!({ "input": programme_input(&desk, 500_000_000, 300_000_000, None) }),
            )
            .await;
        assert_eq!(refused.code(), "FORBIDDEN");
    }
    assert_eq!(app.count("grant_programmes").await, 0);
    let programme = programme(&app, &staff, 500_000_000, 300_000_000, None).await;

    // The milestone plan: within the ceiling, in order, in the future, a theme offered.
    let mut milestones = plan(&[200_000_000, 150_000_000]);
    milestones[1]["dueOn"] = json!(day(10));
    let mut past = plan(&[1])[0].clone();
    past["dueOn"] = json!(day(-1));
    milestones.push(past);
    let refused = app
        .graphql_as(
            &requester,
            "ja",
            SAVE,
            json!({ "input": {
                "programmeId": programme["id"], "theme": "INFECTION_CRISIS",
                "title": "", "summary": "概要", "milestones": milestones,
            }}),
        )
        .await;
    let fields = refused.field_errors();
    for expected in [
        ("title", "REQUIRED"),
        ("theme", "GRANT_THEME_NOT_OFFERED"),
        ("milestones.1.dueOn", "GRANT_MILESTONES_OUT_OF_ORDER"),
        ("milestones.2.dueOn", "GRANT_DUE_DATE_PAST"),
        ("milestones", "GRANT_CEILING_EXCEEDED"),
    ] {
        assert!(
            fields.contains(&(expected.0.into(), expected.1.into())),
            "{expected:?} in {fields:?}"
        );
    }
    assert!(
        refused
            .field_message("milestones")
            .contains("300,000,000円"),
        "{}",
        refused.field_message("milestones")
    );
    assert_eq!(app.count("grant_applications").await, 0);

    // A draft is the organisation's own; staff see it once submitted.
    let saved = ok(
        &app,
        &requester,
        SAVE,
        json!({ "input": {
            "programmeId": programme["id"], "theme": "RARE_DISEASES",
            "title": "希少疾患治療薬の非臨床試験", "summary": "GLP試験を実施します。",
            "milestones": plan(&[100_000_000, 150_000_000]),
        }}),
    )
    .await;
    assert_eq!(saved["status"], "DRAFT");
    assert_eq!(saved["requestedYen"], 250_000_000);
    assert_eq!(
        read(&app, &outsider, &saved["id"]).await.code(),
        "NOT_FOUND"
    );
    assert_eq!(read(&app, &staff, &saved["id"]).await.code(), "NOT_FOUND");
    let again = app
        .graphql_as(
            &requester,
            "en",
            SAVE,
            json!({ "input": {
                "programmeId": programme["id"], "theme": "AI_SAMD", "title": "Second",
                "summary": "Again", "milestones": plan(&[1_000_000]),
            }}),
        )
        .await;
    assert_eq!(again.code(), "GRANT_APPLICATION_EXISTS");

    let application = ok(
        &app,
        &requester,
        SUBMIT,
        json!({ "id": saved["id"], "version": saved["version"] }),
    )
    .await;
    assert_eq!(application["status"], "SUBMITTED");
    app.wait_for_outbox().await;
    let emails = app.sent_emails().await;
    let received = to(&emails, &requester.email);
    assert_eq!(received.len(), 1);
    assert!(
        received[0].text.contains("250,000,000円"),
        "{}",
        received[0].text
    );
    let told = to(&emails, &staff.email);
    assert_eq!(told.len(), 1, "the programme's staff hear of it");
    assert!(told[0].subject.starts_with("New grant application"));
    assert!(told[0].text.contains(&applicant_name), "{}", told[0].text);
    assert!(to(&emails, &other_staff.email).is_empty());
    let listed = app
        .graphql_as(
            &staff,
            "en",
            "query($p: ID!) { grantApplications(programmeId: $p) { totalCount edges { node { id } } } }",
            json!({ "p": programme["id"] }),
        )
        .await;
    assert_eq!(listed.data()["grantApplications"]["totalCount"], 1);

    // Reviewers: never one with a conflict of interest, never a requester.
    ok(
        &app,
        &staff,
        "mutation($input: DirectoryEntryInput!) { createDirectoryEntry(kind: ADVISOR, input: $input) { id } }",
        json!({ "input": {
            "nameEn": "Conflicted Advisor", "nameJa": "利益相反 太郎",
            "summaryEn": "Advises the applicant.", "summaryJa": "申請者の顧問です。",
            "domains": ["bio_regenerative"], "stages": ["clinical"], "topics": ["regulatory"],
            "languages": ["ja"], "regions": ["kanto"],
            "advisor": { "userId": conflicted.id, "capacity": 5, "conflictOrganisationIds": [organisation] },
        }}),
    )
    .await;
    let refused = app
        .graphql_as(
            &staff,
            "en",
            ASSIGN,
            json!({ "id": application["id"], "user": conflicted.id }),
        )
        .await;
    assert_eq!(
        refused.field_errors(),
        vec![("userId".into(), "GRANT_REVIEWER_CONFLICT".into())]
    );
    let refused = app
        .graphql_as(
            &staff,
            "en",
            ASSIGN,
            json!({ "id": application["id"], "user": outsider.id }),
        )
        .await;
    assert_eq!(
        refused.field_errors(),
        vec![("userId".into(), "GRANT_REVIEWER_NOT_ELIGIBLE".into())]
    );
    let refused = app
        .graphql_as(
            &other_staff,
            "en",
            ASSIGN,
            json!({ "id": application["id"], "user": advisor.id }),
        )
        .await;
    assert_eq!(refused.code(), "NOT_FOUND");
    let candidates = app
        .graphql_as(
            &staff,
            "en",
            "query($id: ID!) { grantReviewerCandidates(applicationId: $id) { userId conflict assigned } }",
            json!({ "id": application["id"] }),
        )
        .await;
    let candidates = candidates.data()["grantReviewerCandidates"]
        .as_array()
        .unwrap()
        .clone();
    let flag = |user: &TestUser| {
        candidates
            .iter()
            .find(|c| c["userId"] == user.id.as_str())
            .map(|c| c["conflict"].as_bool().unwrap())
    };
    assert_eq!(flag(&conflicted), Some(true));
    assert_eq!(flag(&advisor), Some(false));
    ok(
        &app,
        &staff,
        ASSIGN,
        json!({ "id": application["id"], "user": advisor.id }),
    )
    .await;
    app.wait_for_outbox().await;
    assert_eq!(to(&app.sent_emails().await, &advisor.email).len(), 1);

    // The reviewer scores every criterion; staff see the weighted aggregate, the applicant
    // sees no reviews.
    let criteria = programme["criteria"].as_array().unwrap();
    let incomplete = app
        .graphql_as(
            &advisor,
            "en",
            REVIEW,
            json!({ "id": application["id"], "input": {
                "scores": [{ "criterionId": criteria[0]["id"], "score": 5 }],
                "recommendation": "FUND",
            }}),
        )
        .await;
    assert_eq!(
        incomplete.field_errors(),
        vec![("scores".into(), "GRANT_REVIEW_INCOMPLETE".into())]
    );
    let reviewed = ok(
        &app,
        &advisor,
        REVIEW,
        json!({ "id": application["id"], "input": {
            "scores": [
                { "criterionId": criteria[0]["id"], "score": 5 },
                { "criterionId": criteria[1]["id"], "score": 3 },
            ],
            "recommendation": "FUND", "comment": "有望です。",
        }}),
    )
    .await;
    assert_eq!(reviewed["myReview"]["weightedScore"], 4.2);
    let seen = read(&app, &staff, &application["id"]).await;
    assert_eq!(seen.data()["grantApplication"]["aggregateScore"], 4.2);
    assert_eq!(seen.data()["grantApplication"]["canDecide"], true);
    let seen = read(&app, &requester, &application["id"]).await;
    assert_eq!(seen.data()["grantApplication"]["reviews"], json!([]));
    assert_eq!(
        seen.data()["grantApplication"]["aggregateScore"],
        Value::Null
    );

    // The award: within the ceiling, tranches within the amount.
    let current = read(&app, &staff, &application["id"]).await;
    let current = current.data()["grantApplication"].clone();
    let ids: Vec<Value> = current["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].clone())
        .collect();
    let too_much = app
        .graphql_as(
            &staff,
            "en",
            AWARD,
            json!({ "id": current["id"], "version": current["version"], "input": {
                "amountYen": 200_000_000,
                "tranches": [{ "milestoneId": ids[0], "trancheYen": 100_000_000 }, { "milestoneId": ids[1], "trancheYen": 140_000_000 }],
            }}),
        )
        .await;
    assert_eq!(
        too_much.field_errors(),
        vec![("tranches".into(), "GRANT_TRANCHES_EXCEED_AWARD".into())]
    );
    let over_ceiling = app
        .graphql_as(
            &staff,
            "en",
            AWARD,
            json!({ "id": current["id"], "version": current["version"], "input": {
                "amountYen": 300_000_001,
                "tranches": [{ "milestoneId": ids[0], "trancheYen": 1 }, { "milestoneId": ids[1], "trancheYen": 1 }],
            }}),
        )
        .await;
    assert_eq!(
        over_ceiling.field_errors(),
        vec![("amountYen".into(), "GRANT_CEILING_EXCEEDED".into())]
    );
    let missing = app
        .graphql_as(
            &staff,
            "en",
            AWARD,
            json!({ "id": current["id"], "version": current["version"], "input": {
                "amountYen": 100_000_000, "tranches": [{ "milestoneId": ids[0], "trancheYen": 100_000_000 }],
            }}),
        )
        .await;
    assert_eq!(
        missing.field_errors(),
        vec![("tranches".into(), "REQUIRED".into())]
    );
    assert_eq!(app.count("grant_awards").await, 0);
    assert_eq!(app.count("grant_ledger").await, 0);

    ok(
        &app,
        &staff,
        AWARD,
        json!({ "id": current["id"], "version": current["version"], "input": {
            "amountYen": 240_000_000,
            "tranches": [{ "milestoneId": ids[0], "trancheYen": 100_000_000 }, { "milestoneId": ids[1], "trancheYen": 140_000_000 }],
            "note": "採択します。",
        }}),
    )
    .await;
    let seen = read(&app, &requester, &application["id"]).await;
    let seen = &seen.data()["grantApplication"];
    assert_eq!(seen["status"], "AWARDED");
    assert_eq!(seen["decisionNote"], "採択します。");
    assert_eq!(seen["award"]["amountYen"], 240_000_000);
    assert_eq!(seen["milestones"][0]["status"], "ACTIVE");
    assert_eq!(seen["milestones"][0]["steps"], json!(["SUBMIT_EVIDENCE"]));
    assert_eq!(seen["milestones"][1]["status"], "LOCKED");
    assert_eq!(seen["milestones"][1]["trancheYen"], 140_000_000);
    let money = budget(&app, &staff, &programme).await;
    assert_eq!(
        money["budget"],
        json!({ "budgetYen": 500_000_000, "committedYen": 240_000_000, "disbursedYen": 0, "awaitingMatchYen": 0, "remainingYen": 260_000_000 })
    );
    assert_eq!(
        money["ledger"],
        json!({ "intact": true, "entries": 1, "problem": null })
    );
    // The requester does not see the budget; an award is decided once.
    let hidden = app
        .graphql_as(&requester, "en", BUDGET, json!({ "id": programme["id"] }))
        .await;
    assert_eq!(hidden.data()["grantProgramme"]["budget"], Value::Null);
    let twice = app
        .graphql_as(
            &staff,
            "en",
            REJECT,
            json!({ "id": current["id"], "version": seen["version"], "note": "やはり不採択" }),
        )
        .await;
    assert_eq!(twice.code(), "GRANT_STEP_NOT_ALLOWED");
    app.wait_for_outbox().await;
    let emails = app.sent_emails().await;
    let decided = to(&emails, &requester.email);
    assert_eq!(decided.len(), 2);
    assert!(
        decided[1].subject.contains("採択"),
        "{}",
        decided[1].subject
    );
    assert!(
        decided[1].text.contains("240,000,000円"),
        "{}",
        decided[1].text
    );
}

#[tokio::test]
async fn milestones_pay_in_order_and_failure_returns_the_unpaid_tranches() {
    let app = spawn_app().await;
    let staff = app.user(Role::Staff, &["MEDISO"]).await;
    let requester = app.english_user(Role::Requester, &[]).await;
    let programme = programme(&app, &staff, 500_000_000, 300_000_000, None).await;
    let application = awarded(
        &app,
        &staff,
        &requester,
        &programme,
        &[100_000_000, 140_000_000],
    )
    .await;

    // Evidence only for the active milestone, with real links; staff decide it.
    let second = milestone(&app, &requester, &application, 1).await;
    let early = app
        .graphql_as(
            &requester,
            "en",
            EVIDENCE,
            json!({ "id": second["id"], "version": second["version"], "evidence": "Done" }),
        )
        .await;
    assert_eq!(early.code(), "GRANT_STEP_NOT_ALLOWED");
    let first = milestone(&app, &requester, &application, 0).await;
    let bad_link = app
        .graphql_as(
            &requester,
            "en",
            EVIDENCE,
            json!({ "id": first["id"], "version": first["version"], "evidence": "Report", "links": ["not a link"] }),
        )
        .await;
    assert_eq!(
        bad_link.field_errors(),
        vec![("links.0".into(), "URL_INVALID".into())]
    );
    ok(
        &app,
        &requester,
        EVIDENCE,
        json!({ "id": first["id"], "version": first["version"], "evidence": "GLP final report attached.", "links": ["https://example.jp/report.pdf"] }),
    )
    .await;
    let first = milestone(&app, &staff, &application, 0).await;
    assert_eq!(
        first["evidenceLinks"],
        json!(["https://example.jp/report.pdf"])
    );
    let by_requester = app
        .graphql_as(
            &requester,
            "en",
            DECIDE,
            json!({ "id": first["id"], "version": first["version"], "decision": "APPROVE" }),
        )
        .await;
    assert_eq!(by_requester.code(), "FORBIDDEN");
    ok(
        &app,
        &staff,
        DECIDE,
        json!({ "id": first["id"], "version": first["version"], "decision": "APPROVE" }),
    )
    .await;
    let seen = read(&app, &requester, &application["id"]).await;
    let seen = &seen.data()["grantApplication"];
    assert_eq!(seen["milestones"][0]["status"], "APPROVED");
    assert_eq!(
        seen["milestones"][0]["disbursement"],
        json!({ "amountYen": 100_000_000, "status": "DISBURSED" })
    );
    assert_eq!(seen["milestones"][1]["status"], "ACTIVE");
    assert_eq!(seen["award"]["disbursedYen"], 100_000_000);

    // Sent back with a reason, resubmitted, then judged not achieved: the award ends.
    achieve_evidence(&app, &requester, &application, 1).await;
    let second = milestone(&app, &staff, &application, 1).await;
    let no_reason = app
        .graphql_as(
            &staff,
            "en",
            DECIDE,
            json!({ "id": second["id"], "version": second["version"], "decision": "REJECT" }),
        )
        .await;
    assert_eq!(
        no_reason.field_errors(),
        vec![("note".into(), "REQUIRED".into())]
    );
    ok(
        &app,
        &staff,
        DECIDE,
        json!({ "id": second["id"], "version": second["version"], "decision": "REJECT", "note": "Please add the statistics." }),
    )
    .await;
    assert_eq!(
        milestone(&app, &requester, &application, 1).await["status"],
        "REJECTED"
    );
    achieve_evidence(&app, &requester, &application, 1).await;
    let second = milestone(&app, &staff, &application, 1).await;
    ok(
        &app,
        &staff,
        DECIDE,
        json!({ "id": second["id"], "version": second["version"], "decision": "FAIL", "note": "The primary endpoint was not met." }),
    )
    .await;
    let seen = read(&app, &requester, &application["id"]).await;
    let seen = &seen.data()["grantApplication"];
    assert_eq!(seen["milestones"][1]["status"], "FAILED");
    assert_eq!(seen["milestones"][1]["disbursement"], Value::Null);
    assert_eq!(seen["award"]["status"], "ENDED");
    assert_eq!(seen["award"]["returnedYen"], 140_000_000);
    assert_eq!(seen["milestones"][1]["steps"], json!([]));
    let money = budget(&app, &staff, &programme).await;
    assert_eq!(money["budget"]["committedYen"], 100_000_000);
    assert_eq!(money["budget"]["disbursedYen"], 100_000_000);
    assert_eq!(money["budget"]["remainingYen"], 400_000_000);
    assert_eq!(money["ledger"]["entries"], 3);
    assert_eq!(money["ledger"]["intact"], true);
    app.wait_for_outbox().await;
    let emails = app.sent_emails().await;
    let mine = to(&emails, &requester.email);
    assert!(
        mine.iter()
            .any(|e| e.subject.contains("Milestone achieved") && e.text.contains("¥100,000,000"))
    );
    assert!(
        mine.iter()
            .any(|e| e.subject.contains("More evidence needed"))
    );
    assert!(mine.iter().any(|e| e.subject.contains("not achieved")));
    let told = to(&emails, &staff.email);
    assert_eq!(
        told.iter()
            .filter(|e| e.subject.contains("証憑が提出されました"))
            .count(),
        3,
        "staff hear of each evidence submission"
    );
}

async fn achieve_evidence(
    app: &TestApp,
    requester: &TestUser,
    application: &Value,
    position: usize,
) {
    let m = milestone(app, requester, application, position).await;
    ok(
        app,
        requester,
        EVIDENCE,
        json!({ "id": m["id"], "version": m["version"], "evidence": "Study report." }),
    )
    .await;
}

#[tokio::test]
async fn a_programme_that_runs_out_of_budget_refuses_awards_until_money_returns() {
    let app = spawn_app().await;
    let staff = app.user(Role::Staff, &["MEDISO"]).await;
    let first = app.user(Role::Requester, &[]).await;
    let second = app.user(Role::Requester, &[]).await;
    let programme = programme(&app, &staff, 300_000_000, 200_000_000, None).await;
    let awarded_one = awarded(&app, &staff, &first, &programme, &[120_000_000, 80_000_000]).await;
    let waiting = submitted(&app, &second, &programme, &[150_000_000]).await;

    let current = read(&app, &staff, &waiting["id"]).await;
    let current = current.data()["grantApplication"].clone();
    let input = json!({
        "amountYen": 150_000_000,
        "tranches": [{ "milestoneId": current["milestones"][0]["id"], "trancheYen": 150_000_000 }],
    });
    let refused = app
        .graphql_as(
            &staff,
            "ja",
            AWARD,
            json!({ "id": current["id"], "version": current["version"], "input": input }),
        )
        .await;
    assert_eq!(
        refused.field_errors(),
        vec![("amountYen".into(), "GRANT_BUDGET_EXCEEDED".into())]
    );
    assert!(refused.field_message("amountYen").contains("予算"));
    // Nothing changed.
    let after = read(&app, &staff, &waiting["id"]).await;
    assert_eq!(after.data()["grantApplication"]["status"], "SUBMITTED");
    assert_eq!(
        after.data()["grantApplication"]["version"],
        current["version"]
    );
    let money = budget(&app, &staff, &programme).await;
    assert_eq!(money["budget"]["committedYen"], 200_000_000);
    assert_eq!(money["budget"]["remainingYen"], 100_000_000);
    assert_eq!(money["ledger"]["entries"], 1);
    assert_eq!(app.count("grant_awards").await, 1);

    // The first award fails at once: its 200,000,000 yen return and the second fits.
    let m = milestone(&app, &staff, &awarded_one, 0).await;
    ok(&app, &staff, DECIDE, json!({ "id": m["id"], "version": m["version"], "decision": "FAIL", "note": "開発中止の連絡を受けた。" })).await;
    assert_eq!(
        budget(&app, &staff, &programme).await["budget"]["remainingYen"],
        300_000_000
    );
    ok(
        &app,
        &staff,
        AWARD,
        json!({ "id": current["id"], "version": current["version"], "input": input }),
    )
    .await;
    let money = budget(&app, &staff, &programme).await;
    assert_eq!(money["budget"]["committedYen"], 150_000_000);
    assert_eq!(
        money["ledger"],
        json!({ "intact": true, "entries": 3, "problem": null })
    );
    // The database itself keeps commitments within the budget.
    let backend = app.state.db.get_database_backend();
    let refused = app
        .state
        .db
        .execute_raw(Statement::from_string(
            backend,
            "UPDATE grant_programmes SET committed_yen = budget_yen + 1".to_owned(),
        ))
        .await;
    assert!(
        refused.is_err(),
        "a CHECK constraint refuses committing over the budget"
    );
}

#[tokio::test]
async fn a_vc_match_holds_tranches_until_enough_investment_is_recorded() {
    let app = spawn_app().await;
    let staff = app.english_user(Role::Staff, &["MEDISO"]).await;
    let requester = app.english_user(Role::Requester, &[]).await;
    let (organisation, _) = app.organisation_of(&requester).await;
    let programme = programme(&app, &staff, 1_000_000_000, 300_000_000, Some(2.0)).await;
    let application = awarded(
        &app,
        &staff,
        &requester,
        &programme,
        &[50_000_000, 60_000_000, 40_000_000],
    )
    .await;

    // No confirmed investment: approved tranches wait, in order.
    achieve(&app, &staff, &requester, &application, 0).await;
    achieve(&app, &staff, &requester, &application, 1).await;
    let seen = read(&app, &requester, &application["id"]).await;
    let seen = &seen.data()["grantApplication"];
    assert_eq!(
        seen["milestones"][0]["disbursement"]["status"],
        "AWAITING_MATCH"
    );
    assert_eq!(
        seen["milestones"][1]["disbursement"]["status"],
        "AWAITING_MATCH"
    );
    assert_eq!(seen["milestones"][2]["status"], "ACTIVE");
    assert_eq!(seen["award"]["disbursedYen"], 0);
    assert_eq!(seen["award"]["awaitingMatchYen"], 110_000_000);
    assert_eq!(seen["award"]["matchCapYen"], 0);
    let money = budget(&app, &staff, &programme).await;
    assert_eq!(money["budget"]["awaitingMatchYen"], 110_000_000);
    assert_eq!(money["budget"]["disbursedYen"], 0);

    let invest = |yen: i64| {
        json!({ "input": {
            "organisationId": organisation, "investorName": "Aozora Bio Ventures",
            "amountYen": yen, "round": "SERIES_A", "investedOn": day(-3),
            "evidence": "Share subscription agreement and bank record.",
        }})
    };
    // Only staff record investment, with evidence.
    let refused = app
        .graphql_as(&requester, "en", INVEST, invest(1_000))
        .await;
    assert_eq!(refused.code(), "FORBIDDEN");
    let mut without = invest(1_000);
    without["input"]["evidence"] = json!("");
    let refused = app.graphql_as(&staff, "en", INVEST, without).await;
    assert_eq!(
        refused.field_errors(),
        vec![("evidence".into(), "REQUIRED".into())]
    );

    // ¥20,000,000 allows ¥40,000,000: the first tranche (¥50,000,000) still waits.
    ok(&app, &staff, INVEST, invest(20_000_000)).await;
    let seen = read(&app, &requester, &application["id"]).await;
    assert_eq!(seen.data()["grantApplication"]["award"]["disbursedYen"], 0);
    assert_eq!(
        seen.data()["grantApplication"]["award"]["matchCapYen"],
        40_000_000
    );

    // ¥30,000,000 in all allows ¥60,000,000: the first is paid, the second (¥110,000,000
    // cumulative) waits.
    ok(&app, &staff, INVEST, invest(10_000_000)).await;
    let seen = read(&app, &requester, &application["id"]).await;
    let seen = &seen.data()["grantApplication"];
    assert_eq!(seen["milestones"][0]["disbursement"]["status"], "DISBURSED");
    assert_eq!(
        seen["milestones"][1]["disbursement"]["status"],
        "AWAITING_MATCH"
    );
    assert_eq!(seen["award"]["disbursedYen"], 50_000_000);
    assert_eq!(seen["award"]["confirmedInvestmentYen"], 30_000_000);

    // ¥60,000,000 allows ¥120,000,000: the second is paid too.
    ok(&app, &staff, INVEST, invest(30_000_000)).await;
    let seen = read(&app, &requester, &application["id"]).await;
    let seen = &seen.data()["grantApplication"];
    assert_eq!(seen["milestones"][1]["disbursement"]["status"], "DISBURSED");
    assert_eq!(seen["award"]["disbursedYen"], 110_000_000);
    assert_eq!(seen["award"]["awaitingMatchYen"], 0);
    // The third would bring ¥150,000,000 > ¥120,000,000: approved, it waits.
    achieve(&app, &staff, &requester, &application, 2).await;
    let seen = read(&app, &requester, &application["id"]).await;
    let seen = &seen.data()["grantApplication"];
    assert_eq!(
        seen["milestones"][2]["disbursement"]["status"],
        "AWAITING_MATCH"
    );
    assert_eq!(seen["award"]["status"], "COMPLETED");
    assert_eq!(seen["award"]["disbursedYen"], 110_000_000);
    let money = budget(&app, &staff, &programme).await;
    assert_eq!(money["budget"]["disbursedYen"], 110_000_000);
    assert_eq!(money["budget"]["awaitingMatchYen"], 40_000_000);
    assert_eq!(money["ledger"]["intact"], true);

    app.wait_for_outbox().await;
    let emails = app.sent_emails().await;
    let mine = to(&emails, &requester.email);
    assert!(
        mine.iter()
            .any(|e| e.subject.contains("waiting for private investment"))
    );
    assert_eq!(
        mine.iter()
            .filter(|e| e.subject.starts_with("Tranche released"))
            .count(),
        2
    );
}

#[tokio::test]
async fn twenty_concurrent_approvals_pay_a_milestone_exactly_once() {
    let app = spawn_app().await;
    let staff = app.user(Role::Staff, &["MEDISO"]).await;
    let colleague = app.user(Role::Staff, &["MEDISO"]).await;
    let requester = app.user(Role::Requester, &[]).await;
    let programme = programme(&app, &staff, 500_000_000, 300_000_000, None).await;
    let application = awarded(
        &app,
        &staff,
        &requester,
        &programme,
        &[70_000_000, 30_000_000],
    )
    .await;
    let m = milestone(&app, &requester, &application, 0).await;
    ok(
        &app,
        &requester,
        EVIDENCE,
        json!({ "id": m["id"], "version": m["version"], "evidence": "報告書" }),
    )
    .await;
    let m = milestone(&app, &staff, &application, 0).await;

    let attempts = (0..20).map(|i| {
        let who = if i % 2 == 0 { &staff } else { &colleague };
        app.graphql_as(
            who,
            "en",
            DECIDE,
            json!({ "id": m["id"], "version": m["version"], "decision": "APPROVE" }),
        )
    });
    let results = futures::future::join_all(attempts).await;
    let approved = results
        .iter()
        .filter(|r| r.body.get("errors").is_none())
        .count();
    assert_eq!(approved, 1, "exactly one approval wins");
    for refused in results.iter().filter(|r| r.body.get("errors").is_some()) {
        assert!(
            ["EDIT_CONFLICT", "GRANT_STEP_NOT_ALLOWED"].contains(&refused.code()),
            "{}",
            refused.body
        );
    }
    // The same approval arriving again later changes nothing either.
    let again = app
        .graphql_as(
            &colleague,
            "en",
            DECIDE,
            json!({ "id": m["id"], "version": m["version"], "decision": "APPROVE" }),
        )
        .await;
    assert!(["EDIT_CONFLICT", "GRANT_STEP_NOT_ALLOWED"].contains(&again.code()));
    assert_eq!(app.count("grant_disbursements").await, 1);
    let money = budget(&app, &staff, &programme).await;
    assert_eq!(money["budget"]["disbursedYen"], 70_000_000);
    assert_eq!(
        money["ledger"],
        json!({ "intact": true, "entries": 2, "problem": null })
    );
    assert_eq!(
        milestone(&app, &requester, &application, 1).await["status"],
        "ACTIVE"
    );
}

#[tokio::test]
async fn the_ledger_refuses_changes_and_verification_finds_a_tampered_row() {
    let app = spawn_app().await;
    let staff = app.user(Role::Staff, &["MEDISO"]).await;
    let requester = app.user(Role::Requester, &[]).await;
    let programme = programme(&app, &staff, 500_000_000, 300_000_000, None).await;
    let application = awarded(
        &app,
        &staff,
        &requester,
        &programme,
        &[70_000_000, 30_000_000],
    )
    .await;
    achieve(&app, &staff, &requester, &application, 0).await;
    assert_eq!(
        budget(&app, &staff, &programme).await["ledger"]["intact"],
        true
    );

    let db = &app.state.db;
    let backend = db.get_database_backend();
    let run = |sql: &str| db.execute_raw(Statement::from_string(backend, sql.to_owned()));
    assert!(
        run("UPDATE grant_ledger SET amount_yen = 1 WHERE sequence = 2")
            .await
            .is_err()
    );
    assert!(
        run("DELETE FROM grant_ledger WHERE sequence = 2")
            .await
            .is_err()
    );

    // Someone with the database's keys drops the guard and rewrites a payment.
    match backend {
        DbBackend::Postgres => run("DROP TRIGGER grant_ledger_append_only ON grant_ledger").await,
        _ => run("DROP TRIGGER grant_ledger_no_update").await,
    }
    .expect("the trigger is dropped");
    run("UPDATE grant_ledger SET amount_yen = 7000000 WHERE sequence = 2")
        .await
        .expect("the row is changed");
    let report = ledger::verify_all(db).await.expect("the ledger is read");
    assert_eq!(report.len(), 1);
    assert_eq!(report[0].broken, Some(ledger::Break::Hash { sequence: 2 }));
    let money = budget(&app, &staff, &programme).await;
    assert_eq!(money["ledger"]["intact"], false);
    assert!(
        money["ledger"]["problem"]
            .as_str()
            .unwrap()
            .contains("記録2は、記録された後に変更されています"),
        "{}",
        money["ledger"]
    );
}

#[tokio::test]
async fn a_matched_vc_introductions_investment_releases_a_waiting_tranche() {
    let app = spawn_app().await;
    let staff = app.user(Role::Staff, &["MEDISO"]).await;
    let admin = app.user(Role::Admin, &[]).await;
    let requester = app.user(Role::Requester, &[]).await;
    let partner = app.user(Role::VcMember, &[]).await;
    let (fund, _) = app.organisation_of(&partner).await;
    let programme = programme(&app, &staff, 1_000_000_000, 300_000_000, Some(2.0)).await;
    let application = awarded(
        &app,
        &staff,
        &requester,
        &programme,
        &[80_000_000, 20_000_000],
    )
    .await;
    achieve(&app, &staff, &requester, &application, 0).await;
    let first = milestone(&app, &requester, &application, 0).await;
    assert_eq!(first["disbursement"]["status"], "AWAITING_MATCH");

    // The desk introduces the startup to a VC, which invests ¥40,000,000 (allowing
    // ¥80,000,000 under the 2.0 match).
    let vc = ok(
        &app,
        &admin,
        "mutation($input: DirectoryEntryInput!) { createDirectoryEntry(kind: VC, input: $input) { id } }",
        json!({ "input": {
            "nameEn": "Kanto Device Ventures", "nameJa": "関東デバイスベンチャーズ",
            "summaryEn": "Invests in medical devices.", "summaryJa": "医療機器に投資します。",
            "domains": ["medical_devices_samd"], "stages": ["clinical"], "topics": ["clinical_evidence"],
            "languages": ["ja", "en"], "regions": ["kanto"],
            "vc": { "organisationId": fund },
        }}),
    )
    .await;
    let case = app
        .file(
            &requester,
            "medical_devices_samd",
            json!({ "title": "シリーズAの資金調達" }),
        )
        .await;
    let proposed = ok(
        &app,
        &staff,
        "mutation($input: ProposeIntroductionInput!) { proposeIntroduction(input: $input) { id } }",
        json!({ "input": {
            "consultationId": case.id, "entryId": vc["id"], "channel": "INDIVIDUAL", "fields": ["ORGANISATION_NAME", "TITLE"]
        }}),
    )
    .await;
    let id = proposed["id"].clone();
    let steps = [
        (
            &staff,
            "mutation($id: ID!) { requestIntroductionConsent(id: $id, version: 1) { status } }",
        ),
        (
            &requester,
            "mutation($id: ID!) { consentToIntroduction(id: $id, version: 2, fields: [ORGANISATION_NAME, TITLE]) { status } }",
        ),
        (
            &staff,
            "mutation($id: ID!) { sendIntroduction(id: $id, version: 3) { status } }",
        ),
        (
            &partner,
            "mutation($id: ID!) { answerIntroduction(id: $id, accept: true) { status } }",
        ),
    ];
    for (who, mutation) in steps {
        ok(&app, who, mutation, json!({ "id": id })).await;
    }
    ok(
        &app,
        &staff,
        "mutation($id: ID!, $on: NaiveDate!) { recordIntroductionMeeting(id: $id, version: 5, heldOn: $on) { status } }",
        json!({ "id": id, "on": day(0) }),
    )
    .await;
    ok(
        &app,
        &staff,
        "mutation($id: ID!, $input: IntroductionOutcomeInput!) { recordIntroductionOutcome(id: $id, version: 6, input: $input) { status } }",
        json!({ "id": id, "input": {
            "matched": true, "type": "INVESTMENT",
            "investment": { "amountYen": 40_000_000, "round": "SERIES_A", "investedOn": day(0) },
        }}),
    )
    .await;

    let seen = read(&app, &requester, &application["id"]).await;
    let seen = &seen.data()["grantApplication"];
    assert_eq!(seen["milestones"][0]["disbursement"]["status"], "DISBURSED");
    assert_eq!(seen["award"]["disbursedYen"], 80_000_000);
    assert_eq!(seen["award"]["confirmedInvestmentYen"], 40_000_000);
    assert_eq!(
        budget(&app, &staff, &programme).await["ledger"]["intact"],
        true
    );
}
