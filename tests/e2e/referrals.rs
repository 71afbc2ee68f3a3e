//! Referrals between desks (連携) and rerouting: who may ask and decide, what the hand-off
//! does to the case, who sees it, the emails, and the counts for reports.

use banso::auth::Role;
use serde_json::{Value, json};

use crate::helpers::{TestApp, TestUser, spawn_app, to};

const REQUEST: &str = "mutation($input: RequestReferralInput!) { requestReferral(input: $input) { id status fromDesk { code } toDesk { code } reason } }";
const ACCEPT: &str = "mutation($id: ID!) { acceptReferral(id: $id) { status decidedBy { displayName } consultation { status desk { code } assignee { id } } } }";
const DECLINE: &str = "mutation($input: DeclineReferralInput!) { declineReferral(input: $input) { status decisionNote } }";
const INCOMING: &str = "{ referrals(filter: {direction: INCOMING, status: REQUESTED}) { totalCount nodes { id canDecide consultation { reference title } } } }";

async fn request(
    app: &TestApp,
    user: &TestUser,
    case_id: &str,
    to_desk: &str,
) -> crate::helpers::Gql {
    let version = app.version_of(case_id).await;
    let desk = app.desk_id(to_desk).await;
    app.graphql_as(
        user,
        "ja",
        REQUEST,
        json!({ "input": { "consultationId": case_id, "version": version, "toDeskId": desk, "reason": "薬事承認と保険収載が論点の中心のため、MEDISOでの伴走支援が適当と考えます。" } }),
    )
    .await
}

#[tokio::test]
async fn innohub_hands_a_case_to_mediso_which_takes_it_over_with_its_history() {
    let app = spawn_app().await;
    let requester = app.user(Role::Requester, &[]).await;
    let innohub_staff = app.user(Role::Staff, &["INNOHUB"]).await;
    let innohub_advisor = app.user(Role::Advisor, &["INNOHUB"]).await;
    let mediso_staff = app.english_user(Role::Staff, &["MEDISO"]).await;
    let mediso_advisor = app.user(Role::Advisor, &["MEDISO"]).await;
    let case = app
        .file(
            &requester,
            "healthcare_services",
            json!({ "title": "オンライン診療と連動した保険外サービス" }),
        )
        .await;
    // InnoHub works the case a little first.
    let version = app.version_of(&case.id).await;
    app.graphql_as(
        &innohub_staff,
        "ja",
        "mutation($input: AssignConsultationInput!) { assignConsultation(input: $input) { version } }",
        json!({ "input": { "id": case.id, "version": version, "assigneeId": innohub_advisor.id } }),
    )
    .await
    .data();
    app.graphql_as(
        &innohub_advisor,
        "ja",
        "mutation($id: ID!) { postConsultationMessage(input: {consultationId: $id, body: \"ご相談ありがとうございます。担当の者からご連絡します。\"}) { version } }",
        json!({ "id": case.id }),
    )
    .await
    .data();

    // Only the assignee or InnoHub's staff may ask; a MEDISO advisor cannot even see it.
    let outsider = request(&app, &mediso_advisor, &case.id, "MEDISO").await;
    assert_eq!(outsider.code(), "NOT_FOUND");
    let same = request(&app, &innohub_staff, &case.id, "INNOHUB").await;
    assert_eq!(
        same.field_errors(),
        [("toDeskId".to_owned(), "SAME_DESK".to_owned())]
    );
    let asked = request(&app, &innohub_advisor, &case.id, "MEDISO").await;
    let referral = asked.data()["requestReferral"].clone();
    assert_eq!(referral["status"], "REQUESTED");
    assert_eq!(referral["fromDesk"]["code"], "INNOHUB");
    let referral_id = referral["id"].as_str().unwrap().to_owned();
    let again = request(&app, &innohub_staff, &case.id, "CARISO").await;
    assert_eq!(again.code(), "REFERRAL_PENDING");

    // MEDISO's staff see the request and the case; they are told by email in English.
    let incoming = app
        .graphql_as(&mediso_staff, "en", INCOMING, json!({}))
        .await;
    let listed = &incoming.data()["referrals"];
    assert_eq!(listed["totalCount"], 1);
    assert_eq!(listed["nodes"][0]["canDecide"], true);
    assert_eq!(
        listed["nodes"][0]["consultation"]["reference"],
        case.reference.as_str()
    );
    let emails = app.sent_emails().await;
    let told = to(&emails, &mediso_staff.email);
    assert_eq!(told.len(), 1);
    assert_eq!(told[0].language, "en");
    assert!(
        told[0].subject.contains(&case.reference),
        "{}",
        told[0].subject
    );
    assert!(
        told[0].text.contains("薬事承認と保険収載"),
        "the reason travels"
    );
    // Who may decide: MEDISO's staff, not InnoHub's people nor MEDISO's advisors.
    for (who, code) in [
        (&innohub_staff, "FORBIDDEN"),
        (&mediso_advisor, "NOT_FOUND"),
    ] {
        let refused = app
            .graphql_as(who, "en", ACCEPT, json!({ "id": referral_id }))
            .await;
        assert_eq!(refused.code(), code);
    }

    let accepted = app
        .graphql_as(&mediso_staff, "en", ACCEPT, json!({ "id": referral_id }))
        .await;
    let accepted = &accepted.data()["acceptReferral"];
    assert_eq!(accepted["status"], "ACCEPTED");
    assert_eq!(accepted["consultation"]["status"], "RECEIVED");
    assert_eq!(accepted["consultation"]["desk"]["code"], "MEDISO");
    assert!(accepted["consultation"]["assignee"].is_null());
    let twice = app
        .graphql_as(&mediso_staff, "en", ACCEPT, json!({ "id": referral_id }))
        .await;
    assert_eq!(twice.code(), "REFERRAL_NOT_PENDING");

    // It is MEDISO's now: in their queue, with its whole timeline and a new due date.
    let queue = app
        .graphql_as(
            &mediso_advisor,
            "en",
            "{ consultations(filter: {statuses: [RECEIVED]}) { nodes { reference timeline { kind } sla { state } } } }",
            json!({}),
        )
        .await;
    let node = &queue.data()["consultations"]["nodes"][0];
    assert_eq!(
        node["reference"],
        case.reference.as_str(),
        "the reference stays"
    );
    let kinds: Vec<&str> = node["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "FILED",
            "ASSIGNED",
            "MESSAGE",
            "REFERRAL_REQUESTED",
            "REFERRAL_ACCEPTED"
        ],
        "the history from InnoHub is kept"
    );
    assert_eq!(
        node["sla"]["state"], "ON_TRACK",
        "MEDISO's own clock starts"
    );
    // InnoHub's staff still see the hand-off; InnoHub's advisor no longer sees the case.
    let innohub_view = app
        .consultation(
            &innohub_staff,
            &case.id,
            "desk { code } referrals { status toDesk { code } }",
        )
        .await;
    assert_eq!(
        innohub_view.data()["consultation"]["referrals"],
        json!([{ "status": "ACCEPTED", "toDesk": { "code": "MEDISO" } }])
    );
    let gone = app
        .consultation(&innohub_advisor, &case.id, "reference")
        .await;
    assert_eq!(gone.code(), "NOT_FOUND");
    // InnoHub staff may look but not act any more.
    let version = app.version_of(&case.id).await;
    let refused = app
        .graphql_as(
            &innohub_staff,
            "en",
            "mutation($input: TransitionConsultationInput!) { transitionConsultation(input: $input) { status } }",
            json!({ "input": { "id": case.id, "version": version, "action": "TRIAGE" } }),
        )
        .await;
    assert_eq!(refused.code(), "FORBIDDEN");

    // The requester is told, in their language, and sees the hand-off but not the request.
    let emails = app.sent_emails().await;
    let transferred = to(&emails, &requester.email)
        .into_iter()
        .find(|e| e.subject.contains("引き継ぎました"))
        .expect("a transfer email");
    assert_eq!(transferred.language, "ja");
    assert!(
        transferred
            .text
            .contains("医療系ベンチャー・トータルサポートオフィス（MEDISO）")
    );
    let requester_view = app
        .consultation(
            &requester,
            &case.id,
            "statusLabel desk { code } timeline { kind summary } referrals { id }",
        )
        .await;
    let view = &requester_view.data()["consultation"];
    assert_eq!(view["desk"]["code"], "MEDISO");
    assert_eq!(view["statusLabel"], "受付済み");
    assert_eq!(view["referrals"], json!([]));
    let summaries: Vec<(&str, &str)> = view["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["kind"].as_str().unwrap(), e["summary"].as_str().unwrap()))
        .collect();
    assert!(summaries.contains(&(
        "REFERRAL_ACCEPTED",
        "ヘルスケアイノベーションハブ（InnoHub）から医療系ベンチャー・トータルサポートオフィス（MEDISO）へ引き継ぎました"
    )));
    assert!(
        !summaries
            .iter()
            .any(|(kind, _)| *kind == "REFERRAL_REQUESTED")
    );
}

#[tokio::test]
async fn a_declined_referral_leaves_the_case_where_it_was_and_closing_cancels_a_pending_one() {
    let app = spawn_app().await;
    let requester = app.user(Role::Requester, &[]).await;
    let cariso_staff = app.english_user(Role::Staff, &["CARISO"]).await;
    let mediso_staff = app.user(Role::Staff, &["MEDISO"]).await;
    let case = app.file(&requester, "care_tech", json!({})).await;

    let asked = request(&app, &cariso_staff, &case.id, "MEDISO").await;
    let referral_id = asked.data()["requestReferral"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let no_reason = app
        .graphql_as(
            &mediso_staff,
            "ja",
            DECLINE,
            json!({ "input": { "id": referral_id, "reason": "  " } }),
        )
        .await;
    assert_eq!(
        no_reason.field_errors(),
        [("reason".to_owned(), "REQUIRED".to_owned())]
    );
    let declined = app
        .graphql_as(
            &mediso_staff,
            "ja",
            DECLINE,
            json!({ "input": { "id": referral_id, "reason": "介護現場での実証が中心のため、CARISOでの支援が適当です。" } }),
        )
        .await;
    assert_eq!(declined.data()["declineReferral"]["status"], "DECLINED");
    let read = app
        .consultation(
            &cariso_staff,
            &case.id,
            "desk { code } status pendingReferral { id }",
        )
        .await;
    assert_eq!(
        read.data()["consultation"],
        json!({ "desk": { "code": "CARISO" }, "status": "RECEIVED", "pendingReferral": null })
    );
    let emails = app.sent_emails().await;
    let told = to(&emails, &cariso_staff.email);
    assert_eq!(told.len(), 1, "whoever asked hears why not");
    assert_eq!(told[0].language, "en");
    assert!(told[0].text.contains("介護現場での実証が中心"));

    // Asked again, then the case is closed: the referral no longer waits.
    let asked = request(&app, &cariso_staff, &case.id, "MEDISO").await;
    let second = asked.data()["requestReferral"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let version = app.version_of(&case.id).await;
    app.graphql_as(
        &cariso_staff,
        "en",
        "mutation($input: TransitionConsultationInput!) { transitionConsultation(input: $input) { status } }",
        json!({ "input": { "id": case.id, "version": version, "action": "CLOSE", "resolution": "OUT_OF_SCOPE" } }),
    )
    .await
    .data();
    let late = app
        .graphql_as(&mediso_staff, "en", ACCEPT, json!({ "id": second }))
        .await;
    assert_eq!(late.code(), "REFERRAL_NOT_PENDING");
    let history = app
        .consultation(&cariso_staff, &case.id, "referrals { status }")
        .await;
    assert_eq!(
        history.data()["consultation"]["referrals"],
        json!([{ "status": "DECLINED" }, { "status": "CANCELLED" }])
    );
}

#[tokio::test]
async fn referrals_are_counted_per_pair_of_desks_and_reroutes_are_not() {
    let app = spawn_app().await;
    let requester = app.user(Role::Requester, &[]).await;
    let innohub_staff = app.user(Role::Staff, &["INNOHUB"]).await;
    let mediso_staff = app.user(Role::Staff, &["MEDISO"]).await;
    let cariso_staff = app.user(Role::Staff, &["CARISO"]).await;
    let admin = app.user(Role::Admin, &[]).await;
    let advisor = app.user(Role::Advisor, &["INNOHUB"]).await;

    let mut ids = Vec::new();
    for _ in 0..3 {
        let case = app.file(&requester, "healthcare_services", json!({})).await;
        let asked = request(&app, &innohub_staff, &case.id, "MEDISO").await;
        ids.push(
            asked.data()["requestReferral"]["id"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    app.graphql_as(&mediso_staff, "en", ACCEPT, json!({ "id": ids[0] }))
        .await
        .data();
    app.graphql_as(&mediso_staff, "en", ACCEPT, json!({ "id": ids[1] }))
        .await
        .data();
    app.graphql_as(
        &mediso_staff,
        "en",
        DECLINE,
        json!({ "input": { "id": ids[2], "reason": "保険外サービスのため" } }),
    )
    .await
    .data();
    let care = app.file(&requester, "care_tech", json!({})).await;
    request(&app, &cariso_staff, &care.id, "INNOHUB")
        .await
        .data();

    // A reroute corrects the routing of an untriaged case; it is not a referral.
    let misrouted = app.file(&requester, "healthcare_services", json!({})).await;
    let cariso = app.desk_id("CARISO").await;
    let version = app.version_of(&misrouted.id).await;
    let reroute = "mutation($input: RerouteConsultationInput!) { rerouteConsultation(input: $input) { desk { code } status assignee { id } } }";
    let refused = app
        .graphql_as(
            &advisor,
            "en",
            reroute,
            json!({ "input": { "id": misrouted.id, "version": version, "deskId": cariso, "reason": "介護施設向けのサービスのため" } }),
        )
        .await;
    assert_eq!(refused.code(), "FORBIDDEN");
    let moved = app
        .graphql_as(
            &innohub_staff,
            "en",
            reroute,
            json!({ "input": { "id": misrouted.id, "version": version, "deskId": cariso, "reason": "介護施設向けのサービスのため" } }),
        )
        .await;
    assert_eq!(
        moved.data()["rerouteConsultation"]["desk"]["code"],
        "CARISO"
    );
    let version = app.version_of(&misrouted.id).await;
    app.graphql_as(
        &cariso_staff,
        "en",
        "mutation($input: TransitionConsultationInput!) { transitionConsultation(input: $input) { status } }",
        json!({ "input": { "id": misrouted.id, "version": version, "action": "TRIAGE" } }),
    )
    .await
    .data();
    let version = app.version_of(&misrouted.id).await;
    let too_late = app
        .graphql_as(
            &cariso_staff,
            "en",
            reroute,
            json!({ "input": { "id": misrouted.id, "version": version, "deskId": app.desk_id("MEDISO").await, "reason": "やはり医療機器" } }),
        )
        .await;
    assert_eq!(
        too_late.code(),
        "INVALID_TRANSITION",
        "triaged cases are referred, not rerouted"
    );

    let today = banso::calendar::japan_date(chrono::Utc::now()).to_string();
    let all = summary(&app, &admin, &today).await;
    assert_eq!(
        all,
        vec![
            json!({ "fromDesk": { "code": "CARISO" }, "toDesk": { "code": "INNOHUB" }, "requested": 1, "accepted": 0, "declined": 0, "pending": 1 }),
            json!({ "fromDesk": { "code": "INNOHUB" }, "toDesk": { "code": "MEDISO" }, "requested": 3, "accepted": 2, "declined": 1, "pending": 0 }),
        ]
    );
    let mediso_only = summary(&app, &mediso_staff, &today).await;
    assert_eq!(mediso_only.len(), 1, "staff see the pairs of their desks");
    let refused = app
        .graphql_as(
            &advisor,
            "en",
            "query($d: NaiveDate!) { referralSummary(from: $d, to: $d) { requested } }",
            json!({ "d": today }),
        )
        .await;
    assert_eq!(refused.code(), "FORBIDDEN");
    let backwards = app
        .graphql_as(
            &admin,
            "en",
            "query { referralSummary(from: \"2026-04-02\", to: \"2026-04-01\") { requested } }",
            json!({}),
        )
        .await;
    assert_eq!(
        backwards.field_errors(),
        [("to".to_owned(), "DATE_INVALID".to_owned())]
    );
}

async fn summary(app: &TestApp, user: &TestUser, day: &str) -> Vec<Value> {
    let read = app
        .graphql_as(
            user,
            "en",
            "query($d: NaiveDate!) { referralSummary(from: $d, to: $d) { fromDesk { code } toDesk { code } requested accepted declined pending } }",
            json!({ "d": day }),
        )
        .await;
    let mut rows = read.data()["referralSummary"].as_array().unwrap().clone();
    rows.sort_by_key(|row| {
        row["fromDesk"]["code"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    });
    rows
}
