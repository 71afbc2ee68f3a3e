//! Suggestions for a consultation: hard filters that never let a conflicted, unsuitable or
//! full candidate through, the weighted score with each feature's part, the reasons in the
//! reader's language, dismissals, and who may ask.

use banso::auth::Role;
use serde_json::{Value, json};

use crate::helpers::{TestUser, spawn_app};

const CREATE: &str = "mutation($kind: DirectoryKind!, $input: DirectoryEntryInput!) { createDirectoryEntry(kind: $kind, input: $input) { id } }";
const SUGGEST: &str = "query($id: ID!, $kind: DirectoryKind!, $first: Int = 10) { consultationSuggestions(consultationId: $id, kind: $kind, first: $first) { entry { id nameEn } score reasons contributions { feature label weight value points } } }";

fn user_number(user: &TestUser) -> i64 {
    banso::ids::UserId::from_public(&async_graphql::ID(user.id.clone()))
        .unwrap()
        .0
}

fn advisor(
    name: &str,
    user: &TestUser,
    languages: &[&str],
    topics: &[&str],
    capacity: i64,
    conflicts: &[String],
) -> Value {
    json!({
        "nameEn": name, "nameJa": name,
        "summaryEn": "Helps device startups.", "summaryJa": "医療機器スタートアップを支援します。",
        "domains": ["medical_devices_samd"], "stages": ["clinical"], "topics": topics,
        "languages": languages, "regions": ["kanto"],
        "advisor": { "userId": user.id, "capacity": capacity, "conflictOrganisationIds": conflicts }
    })
}

fn names(found: &Value) -> Vec<String> {
    found["consultationSuggestions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["entry"]["nameEn"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn suggestions_leave_out_conflicts_language_gaps_and_full_advisors_and_say_why() {
    let app = spawn_app().await;
    let admin = app.user(Role::Admin, &[]).await;
    let requester = app.english_user(Role::Requester, &[]).await;
    let rival = app.user(Role::Requester, &[]).await;
    let (requester_org, _) = app.organisation_of(&requester).await;
    let (rival_org, rival_name) = app.organisation_of(&rival).await;

    let filed = app
        .graphql_as(
            &requester,
            "en",
            "mutation($input: FileConsultationInput!) { fileConsultation(input: $input) { id } }",
            json!({ "input": {
                "title": "PMDA consultation and reimbursement strategy for our SaMD",
                "description": "We need help with the PMDA consultation and with reimbursement.",
                "domainId": app.term_id("medical_devices_samd").await,
                "stageId": app.term_id("clinical").await,
                "topicIds": [app.term_id("regulatory").await, app.term_id("reimbursement").await],
                "preferredLocale": "EN",
                "competitors": [format!("  {rival_name} ")]
            }}),
        )
        .await;
    let case = filed.data()["fileConsultation"]["id"].clone();

    let mut advisors = Vec::new();
    for _ in 0..5 {
        advisors.push(app.user(Role::Advisor, &["MEDISO"]).await);
    }
    let both = ["regulatory", "reimbursement"];
    for input in [
        advisor("Best Fit", &advisors[0], &["en", "ja"], &both, 3, &[]),
        advisor("Partial", &advisors[1], &["en"], &["regulatory"], 5, &[]),
        advisor("Japanese Only", &advisors[2], &["ja"], &both, 5, &[]),
        advisor(
            "Conflicted",
            &advisors[3],
            &["en"],
            &both,
            5,
            std::slice::from_ref(&requester_org),
        ),
        advisor("Full", &advisors[4], &["en"], &both, 1, &[]),
    ] {
        app.graphql_as(
            &admin,
            "en",
            CREATE,
            json!({ "kind": "ADVISOR", "input": input }),
        )
        .await
        .data();
    }
    for (name, portfolio) in [
        ("Clean Capital", vec![]),
        ("Rival Holder", vec![rival_org.clone()]),
    ] {
        app.graphql_as(
            &admin,
            "en",
            CREATE,
            json!({ "kind": "VC", "input": {
                "nameEn": name, "nameJa": name, "summaryEn": "SaMD investor.", "summaryJa": "SaMDへの投資。",
                "domains": ["medical_devices_samd"], "stages": ["clinical"], "languages": ["en"],
                "vc": { "portfolioOrganisationIds": portfolio }
            }}),
        )
        .await
        .data();
    }
    // "Full" already works on a case of its own.
    let other = app.file(&rival, "medical_devices_samd", json!({})).await;
    let other_id = banso::ids::ConsultationId::from_public(&async_graphql::ID(other.id.clone()))
        .unwrap()
        .0;
    app.execute(&format!(
        "UPDATE consultations SET assignee_user_id = {} WHERE id = {other_id}",
        user_number(&advisors[4]),
    ))
    .await;
    app.wait_for_outbox().await;

    let staff = app.english_user(Role::Staff, &["MEDISO"]).await;
    let found = app
        .graphql_as(
            &staff,
            "en",
            SUGGEST,
            json!({ "id": case, "kind": "ADVISOR" }),
        )
        .await;
    assert_eq!(names(found.data()), vec!["Best Fit", "Partial"]);
    let best = &found.data()["consultationSuggestions"][0];
    let score = best["score"].as_f64().unwrap();
    assert!(score > 0.0 && score <= 1.0, "{best}");
    let points: f64 = best["contributions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["points"].as_f64().unwrap())
        .sum();
    assert!(
        (points - score).abs() < 1e-9,
        "the parts add up to the score"
    );
    let reasons: Vec<&str> = best["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert!(
        reasons
            .contains(&"covers Medical devices & SaMD, Regulatory affairs (PMDA), Reimbursement"),
        "{reasons:?}"
    );
    assert!(reasons.contains(&"works in English"), "{reasons:?}");
    assert!(reasons.contains(&"3 of 3 slots free"), "{reasons:?}");
    let partial = &found.data()["consultationSuggestions"][1];
    assert!(partial["score"].as_f64().unwrap() < score);

    // In Japanese for a Japanese reader.
    let japanese_staff = app.user(Role::Staff, &["MEDISO"]).await;
    let in_japanese = app
        .graphql_as(
            &japanese_staff,
            "ja",
            SUGGEST,
            json!({ "id": case, "kind": "ADVISOR", "first": 1 }),
        )
        .await;
    let reasons = &in_japanese.data()["consultationSuggestions"][0]["reasons"];
    assert!(
        reasons
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == "受け入れ枠3件のうち3件に空きあり"),
        "{reasons}"
    );

    let vcs = app
        .graphql_as(&staff, "en", SUGGEST, json!({ "id": case, "kind": "VC" }))
        .await;
    assert_eq!(
        names(vcs.data()),
        vec!["Clean Capital"],
        "a VC holding a named competitor is left out"
    );

    // Dismissed candidates do not come back.
    let partial_id = partial["entry"]["id"].clone();
    let no_reason = app
        .graphql_as(
            &staff,
            "en",
            "mutation($c: ID!, $e: ID!, $r: String!) { dismissSuggestion(consultationId: $c, entryId: $e, reason: $r) }",
            json!({ "c": case, "e": partial_id, "r": "  " }),
        )
        .await;
    assert_eq!(
        no_reason.field_errors(),
        vec![("reason".to_owned(), "REQUIRED".to_owned())]
    );
    app.graphql_as(
        &advisors[0],
        "en",
        "mutation($c: ID!, $e: ID!, $r: String!) { dismissSuggestion(consultationId: $c, entryId: $e, reason: $r) }",
        json!({ "c": case, "e": partial_id, "r": "Not taking SaMD cases this quarter" }),
    )
    .await
    .data();
    let after = app
        .graphql_as(
            &staff,
            "en",
            SUGGEST,
            json!({ "id": case, "kind": "ADVISOR" }),
        )
        .await;
    assert_eq!(names(after.data()), vec!["Best Fit"]);

    // Requesters do not see suggestions; other desks do not see the case.
    let refused = app
        .graphql_as(
            &requester,
            "en",
            SUGGEST,
            json!({ "id": case, "kind": "ADVISOR" }),
        )
        .await;
    assert_eq!(refused.code(), "FORBIDDEN");
    let elsewhere = app.user(Role::Staff, &["INNOHUB"]).await;
    let hidden = app
        .graphql_as(
            &elsewhere,
            "en",
            SUGGEST,
            json!({ "id": case, "kind": "ADVISOR" }),
        )
        .await;
    assert_eq!(hidden.code(), "NOT_FOUND");
    let too_many = app
        .graphql_as(
            &staff,
            "en",
            SUGGEST,
            json!({ "id": case, "kind": "ADVISOR", "first": 500 }),
        )
        .await;
    assert_eq!(
        too_many.field_errors(),
        vec![("first".to_owned(), "PAGE_SIZE_TOO_LARGE".to_owned())]
    );
}

const PLAN: &str = "query($desk: ID!) { planAssignments(deskId: $desk) { fitShare loadSpread constraintViolations assignments { consultation { id reference } version advisorId advisor { nameEn } fit } unassigned { consultation { id } reason reasonLabel } } }";
const APPLY: &str = "mutation($desk: ID!, $a: [AssignmentInput!]!) { applyAssignments(deskId: $desk, assignments: $a) }";

#[tokio::test]
async fn a_batch_plan_respects_capacity_and_conflicts_and_applies_all_or_nothing() {
    let app = spawn_app().await;
    let admin = app.user(Role::Admin, &[]).await;
    let first = app.english_user(Role::Requester, &[]).await;
    let second = app.english_user(Role::Requester, &[]).await;
    let (second_org, _) = app.organisation_of(&second).await;
    let english = json!({ "preferredLocale": "EN" });
    let cases = [
        app.file(&first, "medical_devices_samd", english.clone())
            .await,
        app.file(&first, "medical_devices_samd", english.clone())
            .await,
        app.file(&second, "medical_devices_samd", english.clone())
            .await,
    ];
    let a = app.user(Role::Advisor, &["MEDISO"]).await;
    let b = app.user(Role::Advisor, &["MEDISO"]).await;
    let c = app.user(Role::Advisor, &["MEDISO"]).await;
    let outsider = app.user(Role::Advisor, &["CARISO"]).await;
    for input in [
        advisor(
            "Advisor A",
            &a,
            &["en"],
            &["regulatory"],
            1,
            std::slice::from_ref(&second_org),
        ),
        advisor("Advisor B", &b, &["en"], &["regulatory"], 1, &[]),
        advisor("Advisor C", &c, &["ja"], &["regulatory"], 5, &[]),
        advisor("Other Desk", &outsider, &["en"], &["regulatory"], 5, &[]),
    ] {
        app.graphql_as(
            &admin,
            "en",
            CREATE,
            json!({ "kind": "ADVISOR", "input": input }),
        )
        .await
        .data();
    }
    app.wait_for_outbox().await;
    let staff = app.english_user(Role::Staff, &["MEDISO"]).await;
    let desk = app.desk_id("MEDISO").await;

    let planned = app
        .graphql_as(&staff, "en", PLAN, json!({ "desk": desk }))
        .await;
    let plan = &planned.data()["planAssignments"];
    assert_eq!(plan["constraintViolations"], 0);
    let assignments = plan["assignments"].as_array().unwrap();
    assert_eq!(assignments.len(), 2, "{plan}");
    // The second requester's case can only go to B (A declared a conflict, C works in
    // Japanese only, the other advisor is at another desk).
    if let Some(third) = assignments
        .iter()
        .find(|x| x["consultation"]["id"] == cases[2].id.as_str())
    {
        assert_eq!(third["advisor"]["nameEn"], "Advisor B");
    }
    let advisors_used: std::collections::BTreeSet<&str> = assignments
        .iter()
        .map(|x| x["advisor"]["nameEn"].as_str().unwrap())
        .collect();
    assert_eq!(
        advisors_used,
        ["Advisor A", "Advisor B"].into(),
        "one case each: capacity 1"
    );
    assert!(
        assignments
            .iter()
            .all(|x| x["advisor"]["nameEn"] != "Advisor C")
    );
    assert_eq!(plan["unassigned"].as_array().unwrap().len(), 1);
    assert_eq!(plan["unassigned"][0]["reason"], "NO_CAPACITY_LEFT");
    assert_eq!(
        plan["unassigned"][0]["reasonLabel"],
        "The advisors who may take it have no free slot"
    );
    let share = plan["fitShare"].as_f64().unwrap();
    assert!(share > 0.0 && share <= 1.0, "{share}");
    assert!(
        (plan["loadSpread"].as_f64().unwrap() - 1.0).abs() < 1e-9,
        "A and B full, C idle"
    );

    // Only the desk's staff plan and apply.
    let requester_try = app
        .graphql_as(&first, "en", PLAN, json!({ "desk": desk }))
        .await;
    assert_eq!(requester_try.code(), "FORBIDDEN");
    let elsewhere = app.user(Role::Staff, &["INNOHUB"]).await;
    let other_desk = app
        .graphql_as(&elsewhere, "en", PLAN, json!({ "desk": desk }))
        .await;
    assert_eq!(other_desk.code(), "FORBIDDEN");

    let picks: Vec<Value> = assignments
        .iter()
        .map(|x| json!({ "consultationId": x["consultation"]["id"], "version": x["version"], "advisorId": x["advisorId"] }))
        .collect();
    // A pick that breaks a constraint spoils the batch, and nothing is assigned.
    let mut bad = picks.clone();
    bad.push(
        json!({ "consultationId": cases[2].id, "version": cases[2].version, "advisorId": c.id }),
    );
    let refused = app
        .graphql_as(&staff, "en", APPLY, json!({ "desk": desk, "a": bad }))
        .await;
    assert_eq!(
        refused.field_errors(),
        vec![("assignments".to_owned(), "ASSIGNEE_NOT_ELIGIBLE".to_owned())]
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM consultations WHERE assignee_user_id IS NOT NULL")
            .await,
        0
    );

    let applied = app
        .graphql_as(&staff, "en", APPLY, json!({ "desk": desk, "a": picks }))
        .await;
    assert_eq!(applied.data()["applyAssignments"], 2);
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM consultations WHERE assignee_user_id IS NOT NULL")
            .await,
        2
    );
    let emails = app.sent_emails().await;
    assert!(
        emails.iter().any(|email| email.to == b.email),
        "the advisors are told"
    );
    // Applying the same plan again finds the cases changed.
    let again = app
        .graphql_as(&staff, "en", APPLY, json!({ "desk": desk, "a": picks }))
        .await;
    assert_eq!(again.code(), "EDIT_CONFLICT");
}

#[tokio::test]
async fn the_engine_beats_a_tag_overlap_baseline_on_the_labelled_set() {
    use banso::matching::evaluation;
    let app = spawn_app().await;
    banso::seed::demo(&app.state).await.unwrap();
    banso::search::indexer::rebuild(&app.state.db, app.state.search.as_ref())
        .await
        .unwrap();
    let rows = evaluation::run(&app.state, evaluation::EVALUATION)
        .await
        .unwrap();
    assert_eq!(rows.len(), 4);
    assert!(rows.iter().all(|row| row.cases > 0));
    let mean = |f: fn(&evaluation::Row) -> f64| rows.iter().map(f).sum::<f64>() / 4.0;
    let engine = mean(|row| row.engine.ndcg_at_5);
    let baseline = mean(|row| row.baseline.ndcg_at_5);
    assert!(
        engine > baseline,
        "NDCG@5: engine {engine:.3}, baseline {baseline:.3}"
    );
    let engine = mean(|row| row.engine.recall_at_10);
    let baseline = mean(|row| row.baseline.recall_at_10);
    assert!(
        engine > baseline,
        "Recall@10: engine {engine:.3}, baseline {baseline:.3}"
    );
}
