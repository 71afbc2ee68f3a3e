//! The desk queue: filters, sorting, cursor pages and counts; first-response due dates in
//! Japanese business days and overdue cases; the demo data.

use banso::{auth::Role, calendar::japan_date};
use chrono::{TimeZone, Utc};
use serde_json::{Value, json};

use crate::helpers::{TestApp, TestUser, spawn_app};

const QUEUE: &str = "query($filter: ConsultationFilter, $order: QueueOrder = RECEIVED_NEWEST, $first: Int, $after: String) {
  consultations(filter: $filter, orderBy: $order, first: $first, after: $after) {
    totalCount overdueCount statusCounts { status label count }
    pageInfo { hasNextPage endCursor }
    nodes { title }
  }
}";

async fn titles(app: &TestApp, user: &TestUser, filter: Value, order: &str) -> Vec<String> {
    let read = app
        .graphql_as(
            user,
            "en",
            QUEUE,
            json!({ "filter": filter, "order": order, "first": 50 }),
        )
        .await;
    read.data()["consultations"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["title"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn the_queue_filters_sorts_pages_and_counts() {
    let app = spawn_app().await;
    let japanese = app.user(Role::Requester, &[]).await;
    let english = app.english_user(Role::Requester, &[]).await;
    let staff = app.user(Role::Staff, &["MEDISO"]).await;
    let advisor = app.user(Role::Advisor, &["MEDISO"]).await;
    let regulatory = app.term_id("regulatory").await;
    let reimbursement = app.term_id("reimbursement").await;
    let funding = app.term_id("funding").await;

    let a = app
        .file(
            &english,
            "medical_devices_samd",
            json!({ "title": "A: ECG patch approval", "preferredLocale": "EN", "overseas": true, "topicIds": [regulatory] }),
        )
        .await;
    let b = app
        .file(
            &japanese,
            "medical_dx_ai",
            json!({ "title": "B: 医療DXの制度要望", "kind": "POLICY_REQUEST", "stageId": app.term_id("idea").await, "topicIds": [funding] }),
        )
        .await;
    let c = app
        .file(
            &japanese,
            "bio_regenerative",
            json!({ "title": "C: 再生医療の保険収載", "confidentiality": "CONFIDENTIAL", "stageId": app.term_id("launched").await, "topicIds": [regulatory, reimbursement] }),
        )
        .await;
    app.file(
        &japanese,
        "healthcare_services",
        json!({ "title": "D: InnoHub case" }),
    )
    .await;

    app.graphql_as(
        &staff,
        "en",
        "mutation($input: UpdateConsultationInput!) { updateConsultation(input: $input) { version } }",
        json!({ "input": { "id": a.id, "version": a.version, "priority": "HIGH" } }),
    )
    .await
    .data();
    let version = app.version_of(&a.id).await;
    app.graphql_as(
        &staff,
        "en",
        "mutation($input: AssignConsultationInput!) { assignConsultation(input: $input) { version } }",
        json!({ "input": { "id": a.id, "version": version, "assigneeId": advisor.id } }),
    )
    .await
    .data();
    app.graphql_as(
        &staff,
        "en",
        "mutation($input: TransitionConsultationInput!) { transitionConsultation(input: $input) { version } }",
        json!({ "input": { "id": c.id, "version": c.version, "action": "TRIAGE" } }),
    )
    .await
    .data();

    let all = [
        "A: ECG patch approval",
        "B: 医療DXの制度要望",
        "C: 再生医療の保険収載",
    ];
    let only = |names: &[&str]| names.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>();
    let mediso = app.desk_id("MEDISO").await;
    let innohub = app.desk_id("INNOHUB").await;
    let stage = app.term_id("idea").await;
    let domain = app.term_id("medical_devices_samd").await;
    for (filter, expected) in [
        (json!({}), only(&all)),
        (json!({ "deskId": mediso }), only(&all)),
        (json!({ "deskId": innohub }), vec![]),
        (json!({ "statuses": ["TRIAGED"] }), only(&[all[2]])),
        (json!({ "statuses": ["RECEIVED", "TRIAGED"] }), only(&all)),
        (json!({ "priorities": ["HIGH", "URGENT"] }), only(&[all[0]])),
        (json!({ "domainId": domain }), only(&[all[0]])),
        (json!({ "stageId": stage }), only(&[all[1]])),
        (json!({ "topicId": regulatory }), only(&[all[0], all[2]])),
        (json!({ "assigneeId": advisor.id }), only(&[all[0]])),
        (json!({ "unassigned": true }), only(&[all[1], all[2]])),
        (json!({ "overseas": true }), only(&[all[0]])),
        (json!({ "overseas": false }), only(&[all[1], all[2]])),
        (json!({ "language": "EN" }), only(&[all[0]])),
        (json!({ "kind": "POLICY_REQUEST" }), only(&[all[1]])),
        (
            json!({ "confidentiality": "CONFIDENTIAL" }),
            only(&[all[2]]),
        ),
        (json!({ "query": "ｅｃｇ" }), only(&[all[0]])),
        (json!({ "query": "保険収載" }), only(&[all[2]])),
        (
            json!({ "query": c.reference.to_lowercase() }),
            only(&[all[2]]),
        ),
        (json!({ "overdue": true }), vec![]),
    ] {
        assert_eq!(
            titles(&app, &staff, filter.clone(), "RECEIVED_OLDEST").await,
            expected,
            "{filter}"
        );
    }
    // The advisor sees the desk's queue but not the confidential case.
    assert_eq!(
        titles(&app, &advisor, json!({}), "RECEIVED_OLDEST").await,
        only(&[all[0], all[1]])
    );
    assert_eq!(
        titles(&app, &staff, json!({}), "PRIORITY_HIGHEST").await,
        only(&[all[0], all[1], all[2]])
    );
    assert_eq!(
        titles(&app, &staff, json!({}), "RECEIVED_NEWEST").await,
        only(&[all[2], all[1], all[0]])
    );
    assert_eq!(
        titles(&app, &staff, json!({}), "UPDATED_NEWEST").await[0],
        all[2],
        "C was triaged last"
    );

    // Counts per status ignore the status filter; pages of one walk the whole queue.
    let read = app
        .graphql_as(
            &staff,
            "en",
            QUEUE,
            json!({ "filter": { "statuses": ["TRIAGED"] }, "first": 1 }),
        )
        .await;
    let counts = &read.data()["consultations"]["statusCounts"];
    assert_eq!(
        counts[0],
        json!({ "status": "RECEIVED", "label": "受付", "count": 2 })
    );
    assert_eq!(counts[1]["count"], 1);
    assert_eq!(counts.as_array().unwrap().len(), 5);
    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    for _ in 0..5 {
        let page = app
            .graphql_as(
                &staff,
                "en",
                QUEUE,
                json!({ "order": "DUE_SOONEST", "first": 1, "after": after }),
            )
            .await;
        let connection = &page.data()["consultations"];
        assert_eq!(connection["totalCount"], 3);
        seen.extend(
            connection["nodes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n["title"].as_str().unwrap().to_owned()),
        );
        if connection["pageInfo"]["hasNextPage"] == false {
            break;
        }
        after = connection["pageInfo"]["endCursor"]
            .as_str()
            .map(str::to_owned);
    }
    assert_eq!(seen, only(&all), "every case once, in order");
    let wrong_order = app
        .graphql_as(
            &staff,
            "en",
            QUEUE,
            json!({ "order": "PRIORITY_HIGHEST", "first": 1, "after": after }),
        )
        .await;
    assert_eq!(wrong_order.code(), "INVALID_CURSOR");
    let too_many = app
        .graphql_as(&staff, "en", QUEUE, json!({ "first": 101 }))
        .await;
    assert_eq!(too_many.code(), "PAGE_SIZE_TOO_LARGE");

    // Requesters get their own organisation's cases through the same query, in plain words.
    let mine = app
        .graphql_as(
            &japanese,
            "ja",
            "{ consultations { totalCount statusCounts { status label count } } }",
            json!({}),
        )
        .await;
    let mine = &mine.data()["consultations"];
    assert_eq!(mine["totalCount"], 3);
    assert_eq!(mine["statusCounts"][1]["label"], "内容確認中");
    let b_seen_by = app.consultation(&english, &b.id, "title").await;
    assert_eq!(b_seen_by.code(), "NOT_FOUND");
}

#[tokio::test]
async fn first_responses_are_due_in_japanese_business_days_and_overdue_cases_are_flagged() {
    let app = spawn_app().await;
    let requester = app.user(Role::Requester, &[]).await;
    let staff = app.english_user(Role::Staff, &["MEDISO"]).await;
    // Received on Friday 18 September 2026 at 10:00 in Tokyo. Monday to Wednesday are
    // Respect for the Aged Day, a citizens' holiday and the autumnal equinox: the three
    // business days are 24, 25 and 28 September.
    let silver_week = Utc.with_ymd_and_hms(2026, 9, 18, 1, 0, 0).unwrap();
    // Received at 23:30 on Friday 25 December 2026 in Tokyo (14:30 UTC): the desks are closed
    // from 29 December to 3 January, so the days are 28 December, 4 and 5 January.
    let year_end = Utc.with_ymd_and_hms(2026, 12, 25, 14, 30, 0).unwrap();
    for (title, at) in [("silver week", silver_week), ("year end", year_end)] {
        app.file_at(&requester, "medical_devices_samd", title, at)
            .await;
    }
    let now = app
        .file(
            &requester,
            "medical_devices_samd",
            json!({ "title": "today" }),
        )
        .await;

    let read = app
        .graphql_as(
            &staff,
            "en",
            "{ consultations(orderBy: RECEIVED_OLDEST) { overdueCount nodes { title sla { dueOn state stateLabel businessDaysLeft respondedAt } } } }",
            json!({}),
        )
        .await;
    let connection = &read.data()["consultations"];
    let nodes = connection["nodes"].as_array().unwrap();
    let sla = |title: &str| {
        nodes
            .iter()
            .find(|n| n["title"] == title)
            .map(|n| n["sla"].clone())
            .unwrap()
    };
    let today = japan_date(Utc::now());
    let silver = sla("silver week");
    assert_eq!(silver["dueOn"], "2026-09-28");
    assert_eq!(silver["state"], "OVERDUE");
    assert_eq!(silver["stateLabel"], "Overdue");
    let left = app
        .state
        .calendar
        .business_days_between(today, chrono::NaiveDate::from_ymd_opt(2026, 9, 28).unwrap());
    assert!(left < 0);
    assert_eq!(silver["businessDaysLeft"], left);
    assert_eq!(sla("year end")["dueOn"], "2027-01-05");
    assert_eq!(sla("today")["state"], "ON_TRACK");
    assert_eq!(
        sla("today")["businessDaysLeft"],
        3,
        "MEDISO answers within 3 business days"
    );
    assert_eq!(connection["overdueCount"], 1);
    let overdue = app
        .graphql_as(
            &staff,
            "en",
            "{ consultations(filter: {overdue: true}) { nodes { title } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        overdue.data()["consultations"]["nodes"],
        json!([{ "title": "silver week" }])
    );

    // Answering late: the case is no longer overdue, and the service level was missed.
    let late_id = app
        .graphql_as(
            &staff,
            "en",
            "{ consultations(filter: {overdue: true}) { nodes { id } } }",
            json!({}),
        )
        .await
        .data()["consultations"]["nodes"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.graphql_as(
        &staff,
        "ja",
        "mutation($id: ID!) { postConsultationMessage(input: {consultationId: $id, body: \"ご連絡が遅くなり申し訳ございません。\"}) { version } }",
        json!({ "id": late_id }),
    )
    .await
    .data();
    let after = app
        .consultation(&staff, &late_id, "sla { state businessDaysLeft }")
        .await;
    assert_eq!(
        after.data()["consultation"]["sla"],
        json!({ "state": "MISSED", "businessDaysLeft": null })
    );
    let read = app
        .graphql_as(
            &staff,
            "en",
            "{ consultations { overdueCount } }",
            json!({}),
        )
        .await;
    assert_eq!(read.data()["consultations"]["overdueCount"], 0);

    // Withdrawn before any answer: no service level applies.
    let version = app.version_of(&now.id).await;
    app.graphql_as(
        &requester,
        "ja",
        "mutation($input: TransitionConsultationInput!) { transitionConsultation(input: $input) { status } }",
        json!({ "input": { "id": now.id, "version": version, "action": "WITHDRAW", "message": "社内で解決しました。" } }),
    )
    .await
    .data();
    let withdrawn = app
        .consultation(
            &staff,
            &now.id,
            "resolution sla { state } messages { kind body }",
        )
        .await;
    assert_eq!(
        withdrawn.data()["consultation"],
        json!({ "resolution": "WITHDRAWN", "sla": { "state": "NOT_APPLICABLE" }, "messages": [{ "kind": "REPLY", "body": "社内で解決しました。" }] })
    );
}

#[tokio::test]
async fn the_demo_data_loads_through_the_service_and_twice_adds_nothing() {
    let app = spawn_app().await;
    banso::seed::demo(&app.state)
        .await
        .expect("demo data loads");
    let consultations = app.count("consultations").await;
    assert!(consultations >= 60, "{consultations}");
    for status in [
        "received",
        "triaged",
        "in_progress",
        "waiting_on_requester",
        "closed",
    ] {
        assert!(
            app.count(&format!("consultations WHERE status = '{status}'"))
                .await
                > 0,
            "{status}"
        );
    }
    for resolution in ["resolved", "referred_out", "withdrawn", "out_of_scope"] {
        assert!(
            app.count(&format!("consultations WHERE resolution = '{resolution}'"))
                .await
                > 0,
            "{resolution}"
        );
    }
    for code in ["INNOHUB", "MEDISO", "CARISO"] {
        assert!(
            app.count(&format!(
                "consultations WHERE desk_id = (SELECT id FROM desks WHERE code = '{code}')"
            ))
            .await
                >= 10,
            "{code}"
        );
    }
    assert!(app.count("referrals WHERE status = 'accepted'").await >= 4);
    assert!(app.count("referrals WHERE status = 'declined'").await >= 1);
    assert!(
        app.count("consultations WHERE kind = 'policy_request'")
            .await
            >= 3
    );
    assert!(
        app.count("consultations WHERE preferred_locale = 'en'")
            .await
            >= 10
    );
    let admin = app.user(Role::Admin, &[]).await;
    let overdue = app
        .graphql_as(
            &admin,
            "en",
            "{ consultations { overdueCount } }",
            json!({}),
        )
        .await;
    assert!(
        overdue.data()["consultations"]["overdueCount"]
            .as_u64()
            .unwrap()
            >= 5
    );
    let emails = {
        use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
        banso::entity::outbox::Entity::find()
            .filter(banso::entity::outbox::Column::Topic.eq("email"))
            .count(&app.state.db)
            .await
            .unwrap()
    };
    assert_eq!(emails, 0, "history is loaded quietly");
    let entries = app.count("directory_entries").await;
    assert_eq!(entries, 46 + 104 + 42 + 62, "the demo directory is loaded");
    // Introductions at every stage a desk sees: matched (one with an investment), sent and
    // waiting for the target, waiting for the requester's consent.
    assert_eq!(app.count("introductions WHERE status = 'matched'").await, 3);
    assert_eq!(app.count("introductions WHERE status = 'sent'").await, 1);
    assert_eq!(
        app.count("introductions WHERE status = 'consent_requested'")
            .await,
        1
    );
    assert_eq!(
        app.scalar(
            "SELECT CAST(SUM(amount_yen) AS BIGINT) AS n FROM investments \
             WHERE introduction_id IS NOT NULL"
        )
        .await,
        800_000_000
    );
    // The Healthtech Challenge: one programme, applications from review to awards at
    // several milestones (one tranche waiting for VC match), the ledger intact.
    assert_eq!(app.count("grant_programmes").await, 1);
    assert_eq!(app.count("grant_applications").await, 7);
    assert_eq!(app.count("grant_awards").await, 4);
    assert_eq!(
        app.count("grant_disbursements WHERE status = 'awaiting_match'")
            .await,
        1
    );
    assert_eq!(
        app.count("grant_milestones WHERE status = 'evidence_submitted'")
            .await,
        1
    );
    let ledgers = banso::grants::ledger::verify_all(&app.state.db)
        .await
        .expect("the ledger is read");
    assert!(ledgers.iter().all(|l| l.broken.is_none() && l.entries > 0));

    banso::seed::demo(&app.state).await.expect("loads again");
    assert_eq!(app.count("consultations").await, consultations);
    assert_eq!(app.count("directory_entries").await, entries);
    assert_eq!(app.count("grant_applications").await, 7);
}
