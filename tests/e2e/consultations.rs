//! Filing consultations: routing by domain, reference numbers, validation, acknowledgement
//! emails; who sees what; messages, notes and replies with their emails; the timeline.

use banso::{auth::Role, calendar::fiscal_year};
use chrono::{TimeZone, Utc};
use serde_json::{Value, json};

use crate::helpers::{Case, FILE_CONSULTATION, TestApp, TestUser, spawn_app, to};

const POST: &str = "mutation($input: PostConsultationMessageInput!) { postConsultationMessage(input: $input) { status version } }";
const ASSIGN: &str = "mutation($input: AssignConsultationInput!) { assignConsultation(input: $input) { version assignee { displayName } } }";
const TRANSITION: &str = "mutation($input: TransitionConsultationInput!) { transitionConsultation(input: $input) { status version } }";

fn current_fiscal_year() -> i32 {
    fiscal_year(banso::calendar::japan_date(Utc::now()))
}

async fn post(app: &TestApp, user: &TestUser, case: &Case, body: &str, internal: bool) -> Value {
    app.graphql_as(
        user,
        "ja",
        POST,
        json!({ "input": { "consultationId": case.id, "body": body, "internal": internal } }),
    )
    .await
    .data()["postConsultationMessage"]
        .clone()
}

#[tokio::test]
async fn a_consultation_is_routed_by_its_domain_numbered_per_desk_and_acknowledged() {
    let app = spawn_app().await;
    let requester = app.user(Role::Requester, &[]).await;
    let year = current_fiscal_year();

    let care = app.file(&requester, "care_tech", json!({})).await;
    let care_again = app.file(&requester, "care_tech", json!({})).await;
    let device = app
        .file(&requester, "medical_devices_samd", json!({}))
        .await;
    let service_case = app.file(&requester, "healthcare_services", json!({})).await;
    assert_eq!(care.reference, format!("CAR-{year}-0001"));
    assert_eq!(care_again.reference, format!("CAR-{year}-0002"));
    assert_eq!(device.reference, format!("MED-{year}-0001"));
    assert_eq!(service_case.reference, format!("INH-{year}-0001"));

    let read = app
        .consultation(
            &requester,
            &device.id,
            "desk { code } status statusLabel kind overseas preferredLocale sla { dueOn state }",
        )
        .await;
    let case = &read.data()["consultation"];
    assert_eq!(case["desk"]["code"], "MEDISO");
    assert_eq!(case["status"], "RECEIVED");
    assert_eq!(case["kind"], "CONSULTATION");
    assert_eq!(case["overseas"], false, "the organisation is in Japan");
    assert_eq!(case["sla"]["state"], "ON_TRACK");

    // The acknowledgement goes to the requester in the language they asked to be answered in.
    let emails = app.sent_emails().await;
    let mine = to(&emails, &requester.email);
    assert_eq!(mine.len(), 4);
    let ack = mine
        .iter()
        .find(|e| e.subject.contains(&device.reference))
        .expect("an acknowledgement of the MEDISO case");
    assert_eq!(ack.language, "ja");
    assert_eq!(
        ack.subject,
        format!("【伴走】ご相談を受け付けました（{}）", device.reference)
    );
    assert!(
        ack.text
            .contains("医療系ベンチャー・トータルサポートオフィス（MEDISO）")
    );
    assert!(ack.link("/consultations/").starts_with(&app.address));

    let english = app
        .file(
            &requester,
            "medical_dx_ai",
            json!({ "preferredLocale": "EN", "title": "Hospital pilots", "description": "We need hospitals for a pilot." }),
        )
        .await;
    let emails = app.sent_emails().await;
    let ack = emails
        .iter()
        .find(|e| e.subject.contains(&english.reference))
        .expect("an acknowledgement");
    assert_eq!(ack.language, "en");
    assert_eq!(
        ack.subject,
        format!("We have received your consultation ({})", english.reference)
    );
    assert!(
        ack.text
            .contains("Medical Innovation Support Office (MEDISO)")
    );
}

#[tokio::test]
async fn routes_are_data_that_admins_change() {
    let app = spawn_app().await;
    let admin = app.user(Role::Admin, &[]).await;
    let requester = app.user(Role::Requester, &[]).await;
    let domain = app.term_id("healthcare_services").await;
    let cariso = app.desk_id("CARISO").await;
    let routed = app
        .graphql_as(
            &admin,
            "en",
            "mutation($d: ID!, $k: ID!) { setDomainRoute(input: {domainId: $d, deskId: $k}) { code routingDesk { code } } }",
            json!({ "d": domain, "k": cariso }),
        )
        .await;
    assert_eq!(
        routed.data()["setDomainRoute"]["routingDesk"]["code"],
        "CARISO"
    );
    let case = app.file(&requester, "healthcare_services", json!({})).await;
    assert!(case.reference.starts_with("CAR-"), "{}", case.reference);
    let staff = app.user(Role::Staff, &["MEDISO"]).await;
    let refused = app
        .graphql_as(
            &staff,
            "en",
            "mutation($d: ID!, $k: ID!) { setDomainRoute(input: {domainId: $d, deskId: $k}) { code } }",
            json!({ "d": domain, "k": cariso }),
        )
        .await;
    assert_eq!(refused.code(), "FORBIDDEN");
}

#[tokio::test]
async fn what_a_requester_gives_is_checked_normalised_and_kept() {
    let app = spawn_app().await;
    let requester = app.user(Role::Requester, &[]).await;
    let topics = [
        app.term_id("regulatory").await,
        app.term_id("reimbursement").await,
    ];
    let case = app
        .file(
            &requester,
            "medical_devices_samd",
            json!({
                "kind": "POLICY_REQUEST",
                "title": "  ＳａＭＤ（プログラム医療機器）の診療報酬上の評価について  ",
                "topicIds": [topics[0], topics[1], topics[0]],
                "overseas": true,
                "confidentiality": "CONFIDENTIAL",
                "sharedFields": ["TOPICS", "TITLE", "TOPICS"],
                "corporateNumber": "１１８０-３０１０-１８７７１",
            }),
        )
        .await;
    let read = app
        .consultation(
            &requester,
            &case.id,
            "kind kindLabel title overseas confidentiality sharedFields topics { code } organisation { corporateNumber } priority",
        )
        .await;
    let found = &read.data()["consultation"];
    assert_eq!(found["kind"], "POLICY_REQUEST");
    assert_eq!(found["kindLabel"], "要望", "in the reader's language");
    assert_eq!(
        found["title"], "ＳａＭＤ（プログラム医療機器）の診療報酬上の評価について",
        "trimmed, and otherwise as written"
    );
    assert_eq!(found["overseas"], true, "the requester's choice wins");
    assert_eq!(found["confidentiality"], "CONFIDENTIAL");
    assert_eq!(found["sharedFields"], json!(["TITLE", "TOPICS"]));
    assert_eq!(
        found["topics"],
        json!([{ "code": "regulatory" }, { "code": "reimbursement" }])
    );
    assert!(
        found["priority"].is_null(),
        "requesters do not see triage priority"
    );
    assert_eq!(
        found["organisation"]["corporateNumber"], "1180301018771",
        "the full-width, hyphenated number is kept in its normal form"
    );

    // An organisation abroad is overseas unless the requester says otherwise.
    let founder = app.english_user(Role::Requester, &[]).await;
    app.execute(&format!(
        "UPDATE organisations SET country_code = 'GB' WHERE id = (SELECT organisation_id FROM users WHERE email = '{}')",
        founder.email
    ))
    .await;
    let abroad = app.file(&founder, "medical_dx_ai", json!({})).await;
    let read = app.consultation(&founder, &abroad.id, "overseas").await;
    assert_eq!(read.data()["consultation"]["overseas"], true);
}

#[tokio::test]
async fn invalid_intake_is_refused_field_by_field_in_the_readers_language_and_changes_nothing() {
    let app = spawn_app().await;
    let requester = app.user(Role::Requester, &[]).await;
    let stage = app.term_id("clinical").await;
    let topic = app.term_id("regulatory").await;
    let mut many_topics = Vec::new();
    for code in [
        "regulatory",
        "reimbursement",
        "funding",
        "subsidies",
        "overseas_expansion",
        "clinical_evidence",
        "business_development",
        "intellectual_property",
        "talent",
        "data_privacy",
        "adoption",
    ] {
        many_topics.push(app.term_id(code).await);
    }
    let input = json!({
        "title": "   ",
        "description": "あ".repeat(10_001),
        "domainId": stage,
        "stageId": topic,
        "topicIds": many_topics,
        "preferredLocale": "JA",
        "corporateNumber": "1180301018772",
    });
    let english = app.english_user(Role::Requester, &[]).await;
    for (user, message) in [
        (&english, "Please fill in this field."),
        (&requester, "入力してください。"),
    ] {
        let refused = app
            .graphql_as(user, "en", FILE_CONSULTATION, json!({ "input": input }))
            .await;
        let mut fields = refused.field_errors();
        fields.sort();
        assert_eq!(
            fields,
            [
                (
                    "corporateNumber".to_owned(),
                    "CORPORATE_NUMBER_INVALID".to_owned()
                ),
                ("description".to_owned(), "TOO_LONG".to_owned()),
                ("domainId".to_owned(), "UNKNOWN_TERM".to_owned()),
                ("stageId".to_owned(), "UNKNOWN_TERM".to_owned()),
                ("title".to_owned(), "REQUIRED".to_owned()),
                ("topicIds".to_owned(), "TOO_MANY".to_owned()),
            ]
        );
        assert_eq!(refused.field_message("title"), message);
    }
    let garbage = app
        .graphql_as(
            &requester,
            "en",
            FILE_CONSULTATION,
            json!({ "input": { "title": "t", "description": "d", "domainId": "nonsense", "stageId": stage, "preferredLocale": "EN" } }),
        )
        .await;
    assert_eq!(
        garbage.field_errors(),
        [("domainId".to_owned(), "INVALID_ID".to_owned())]
    );
    assert_eq!(app.count("consultations").await, 0);
    assert_eq!(app.count("reference_counters").await, 0);
    assert_eq!(app.count("consultation_events").await, 0);
    assert!(app.sent_emails().await.is_empty());
}

#[tokio::test]
async fn only_requesters_file_consultations() {
    let app = spawn_app().await;
    let domain = app.term_id("care_tech").await;
    let stage = app.term_id("idea").await;
    let input = json!({ "input": { "title": "t", "description": "d", "domainId": domain, "stageId": stage, "preferredLocale": "JA" } });
    let anonymous = app.graphql(FILE_CONSULTATION, input.clone()).await;
    assert_eq!(anonymous.code(), "UNAUTHENTICATED");
    for (role, desks) in [
        (Role::Advisor, &["CARISO"][..]),
        (Role::Staff, &["CARISO"][..]),
        (Role::SupporterMember, &[][..]),
        (Role::VcMember, &[][..]),
        (Role::Admin, &[][..]),
    ] {
        let user = app.user(role, desks).await;
        let refused = app
            .graphql_as(&user, "en", FILE_CONSULTATION, input.clone())
            .await;
        assert_eq!(refused.code(), "FORBIDDEN", "{role:?}");
    }
    assert_eq!(app.count("consultations").await, 0);
}

#[tokio::test]
async fn reference_numbers_stay_unique_when_many_are_filed_at_once() {
    let app = spawn_app().await;
    let requester = app.user(Role::Requester, &[]).await;
    let domain = app.term_id("care_tech").await;
    let stage = app.term_id("idea").await;
    let filings = (0..12).map(|n| {
        app.graphql_as(
            &requester,
            "ja",
            FILE_CONSULTATION,
            json!({ "input": { "title": format!("相談 {n}"), "description": "d", "domainId": domain, "stageId": stage, "preferredLocale": "JA" } }),
        )
    });
    let mut references: Vec<String> = futures::future::join_all(filings)
        .await
        .iter()
        .map(|filed| {
            filed.data()["fileConsultation"]["reference"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    references.sort();
    let year = current_fiscal_year();
    let expected: Vec<String> = (1..=12).map(|n| format!("CAR-{year}-{n:04}")).collect();
    assert_eq!(references, expected);
}

#[tokio::test]
async fn numbering_restarts_with_each_fiscal_year_in_japan_time() {
    let app = spawn_app().await;
    let requester = app.user(Role::Requester, &[]).await;
    // 23:59 on 31 March 2027 in Tokyo is still fiscal 2026; a minute later it is 2027.
    let last_minute = Utc.with_ymd_and_hms(2027, 3, 31, 14, 59, 0).unwrap();
    let first_minute = Utc.with_ymd_and_hms(2027, 3, 31, 15, 0, 0).unwrap();
    let mut references = Vec::new();
    for (title, at) in [
        ("old 1", last_minute),
        ("old 2", last_minute),
        ("new 1", first_minute),
    ] {
        let case = app.file_at(&requester, "care_tech", title, at).await;
        references.push((case.reference, case.fiscal_year));
    }
    assert_eq!(
        references,
        [
            ("CAR-2026-0001".to_owned(), 2026),
            ("CAR-2026-0002".to_owned(), 2026),
            ("CAR-2027-0001".to_owned(), 2027),
        ]
    );
}

/// Whether `user` reaches `case` by id (and its timeline), and finds it in lists and
/// searches; the two must agree, and a refusal must read as "not found".
async fn sees(app: &TestApp, user: &TestUser, case: &Case) -> bool {
    let by_id = app.consultation(user, &case.id, "reference").await;
    let timeline = app
        .consultation(user, &case.id, "timeline { summary }")
        .await;
    let listed = app
        .graphql_as(
            user,
            "en",
            "query($q: String) { consultations(first: 100, filter: {query: $q}) { totalCount nodes { reference } } }",
            json!({ "q": "Unpublished" }),
        )
        .await;
    let in_list = listed.body["data"]["consultations"]["nodes"]
        .as_array()
        .is_some_and(|nodes| {
            nodes
                .iter()
                .any(|n| n["reference"] == case.reference.as_str())
        });
    let readable = by_id.body.get("errors").is_none();
    if !readable {
        assert_eq!(by_id.code(), "NOT_FOUND", "no existence oracle");
        assert_eq!(timeline.code(), "NOT_FOUND");
    }
    assert_eq!(
        readable, in_list,
        "{} by id and in lists agree",
        case.reference
    );
    readable
}

#[tokio::test]
async fn nobody_reaches_a_consultation_they_may_not_see_by_id_list_timeline_or_search() {
    let app = spawn_app().await;
    let requester = app.user(Role::Requester, &[]).await;
    let colleague = app.colleague_of(&requester).await;
    let stranger = app.user(Role::Requester, &[]).await;
    let mediso_advisor = app.user(Role::Advisor, &["MEDISO"]).await;
    let innohub_advisor = app.user(Role::Advisor, &["INNOHUB"]).await;
    let innohub_staff = app.user(Role::Staff, &["INNOHUB"]).await;
    let mediso_staff = app.user(Role::Staff, &["MEDISO"]).await;
    let supporter = app.user(Role::SupporterMember, &[]).await;
    let vc = app.user(Role::VcMember, &[]).await;
    let admin = app.user(Role::Admin, &[]).await;

    let open = app
        .file(
            &requester,
            "healthcare_services",
            json!({ "title": "Unpublished business plan for a wellness app" }),
        )
        .await;
    let confidential = app
        .file(
            &requester,
            "healthcare_services",
            json!({ "title": "Unpublished clinical data", "confidentiality": "CONFIDENTIAL" }),
        )
        .await;
    let assigned_advisor = app.user(Role::Advisor, &["INNOHUB"]).await;
    let version = app.version_of(&confidential.id).await;
    app.graphql_as(
        &innohub_staff,
        "en",
        ASSIGN,
        json!({ "input": { "id": confidential.id, "version": version, "assigneeId": assigned_advisor.id } }),
    )
    .await
    .data();

    for (who, user, open_visible, confidential_visible) in [
        ("requester", &requester, true, true),
        ("colleague in the same organisation", &colleague, true, true),
        ("requester of another organisation", &stranger, false, false),
        ("MEDISO advisor", &mediso_advisor, false, false),
        (
            "InnoHub advisor, not assigned",
            &innohub_advisor,
            true,
            false,
        ),
        ("InnoHub advisor, assigned", &assigned_advisor, true, true),
        ("InnoHub staff", &innohub_staff, true, true),
        ("MEDISO staff", &mediso_staff, false, false),
        ("supporter member", &supporter, false, false),
        ("VC member", &vc, false, false),
        ("admin", &admin, true, true),
    ] {
        assert_eq!(
            sees(&app, user, &open).await,
            open_visible,
            "{who}: open case"
        );
        assert_eq!(
            sees(&app, user, &confidential).await,
            confidential_visible,
            "{who}: confidential case"
        );
    }

    // Acting on a case one cannot see reads exactly like acting on one that does not exist.
    let missing = banso::ids::ConsultationId(999_999).to_public().to_string();
    for id in [&open.id, &missing] {
        let refused = app
            .graphql_as(
                &stranger,
                "en",
                POST,
                json!({ "input": { "consultationId": id, "body": "hello" } }),
            )
            .await;
        assert_eq!(refused.code(), "NOT_FOUND");
        assert_eq!(refused.message(), "お探しの情報が見つかりませんでした。");
    }
    let anonymous = app
        .graphql(
            "query($id: ID!) { consultation(id: $id) { reference } }",
            json!({ "id": open.id }),
        )
        .await;
    assert_eq!(anonymous.code(), "UNAUTHENTICATED");
}

#[tokio::test]
async fn messages_notes_and_replies_reach_the_right_people_in_their_languages() {
    let app = spawn_app().await;
    let requester = app.english_user(Role::Requester, &[]).await;
    let staff = app.user(Role::Staff, &["MEDISO"]).await;
    let advisor = app.english_user(Role::Advisor, &["MEDISO"]).await;
    let bystander = app.user(Role::Advisor, &["MEDISO"]).await;
    let case = app
        .file(
            &requester,
            "bio_regenerative",
            json!({ "preferredLocale": "EN", "title": "Regenerative therapy trial design" }),
        )
        .await;

    // Staff assign the English-speaking advisor, who is told in English.
    let assigned = app
        .graphql_as(
            &staff,
            "ja",
            ASSIGN,
            json!({ "input": { "id": case.id, "version": case.version, "assigneeId": advisor.id } }),
        )
        .await;
    assert_eq!(
        assigned.data()["assignConsultation"]["assignee"]["displayName"],
        "Test advisor"
    );
    // Only the assignee or staff write to the requester; any advisor of the desk may note.
    let refused = app
        .graphql_as(
            &bystander,
            "en",
            POST,
            json!({ "input": { "consultationId": case.id, "body": "Hello" } }),
        )
        .await;
    assert_eq!(refused.code(), "FORBIDDEN");
    post(
        &app,
        &bystander,
        &case,
        "PMDA の RS 戦略相談が使えそう。",
        true,
    )
    .await;
    post(
        &app,
        &advisor,
        &case,
        "Thank you. Could you send us your non-clinical data package?",
        false,
    )
    .await;
    // A requester's note is refused: requesters have no internal notes.
    let refused = app
        .graphql_as(
            &requester,
            "en",
            POST,
            json!({ "input": { "consultationId": case.id, "body": "secret", "internal": true } }),
        )
        .await;
    assert_eq!(refused.code(), "FORBIDDEN");

    // Ask the requester, who replies: the case is back in progress.
    let version = app.version_of(&case.id).await;
    let started = app
        .graphql_as(
            &advisor,
            "en",
            TRANSITION,
            json!({ "input": { "id": case.id, "version": version, "action": "TRIAGE" } }),
        )
        .await;
    let version = started.data()["transitionConsultation"]["version"]
        .as_i64()
        .unwrap();
    let started = app
        .graphql_as(
            &advisor,
            "en",
            TRANSITION,
            json!({ "input": { "id": case.id, "version": version, "action": "START" } }),
        )
        .await;
    let version = started.data()["transitionConsultation"]["version"]
        .as_i64()
        .unwrap();
    let waiting = app
        .graphql_as(
            &advisor,
            "en",
            TRANSITION,
            json!({ "input": { "id": case.id, "version": version, "action": "WAIT_FOR_REQUESTER", "message": "Which cell source do you use?" } }),
        )
        .await;
    assert_eq!(
        waiting.data()["transitionConsultation"]["status"],
        "WAITING_ON_REQUESTER"
    );
    let replied = post(
        &app,
        &requester,
        &case,
        "Autologous iPS-derived cells.",
        false,
    )
    .await;
    assert_eq!(replied["status"], "IN_PROGRESS");

    // The requester's thread: messages both ways, never the note.
    let thread = app
        .consultation(
            &requester,
            &case.id,
            "statusLabel messages { kind body actor { displayName } } timeline { kind internal }",
        )
        .await;
    let found = &thread.data()["consultation"];
    assert_eq!(found["statusLabel"], "In progress");
    let bodies: Vec<&str> = found["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["body"].as_str().unwrap())
        .collect();
    assert_eq!(
        bodies,
        [
            "Thank you. Could you send us your non-clinical data package?",
            "Which cell source do you use?",
            "Autologous iPS-derived cells.",
        ]
    );
    let timeline = found["timeline"].as_array().unwrap();
    assert!(timeline.iter().all(|e| e["internal"] == false));
    assert!(
        !timeline
            .iter()
            .any(|e| e["kind"] == "NOTE" || e["kind"] == "ASSIGNED")
    );
    let desk_view = app
        .consultation(&staff, &case.id, "timeline { kind internal body }")
        .await;
    let desk_timeline = desk_view.data()["consultation"]["timeline"]
        .as_array()
        .unwrap()
        .clone();
    assert!(
        desk_timeline
            .iter()
            .any(|e| e["kind"] == "NOTE" && e["internal"] == true)
    );

    // Emails: each in its reader's language.
    let emails = app.sent_emails().await;
    let to_advisor = to(&emails, &advisor.email);
    assert_eq!(to_advisor.len(), 2, "assigned, and the reply");
    assert_eq!(
        to_advisor[0].subject,
        format!("You have been assigned {}", case.reference)
    );
    assert_eq!(to_advisor[1].language, "en");
    assert!(to_advisor[1].text.contains("Autologous iPS-derived cells."));
    let to_requester = to(&emails, &requester.email);
    assert_eq!(to_requester.len(), 3, "acknowledgement and two messages");
    assert!(to_requester.iter().all(|e| e.language == "en"));
    assert_eq!(
        to_requester[1].subject,
        format!("A message from the desk about {}", case.reference)
    );
    assert!(to_requester[1].text.contains("non-clinical data package"));
    assert!(
        to(&emails, &bystander.email).is_empty(),
        "notes email nobody"
    );
    assert!(to(&emails, &staff.email).is_empty());
}

#[tokio::test]
async fn taking_a_case_is_for_its_own_desk_and_emails_nobody() {
    let app = spawn_app().await;
    let requester = app.user(Role::Requester, &[]).await;
    let advisor = app.user(Role::Advisor, &["CARISO"]).await;
    let other = app.user(Role::Advisor, &["CARISO"]).await;
    let outsider = app.user(Role::Advisor, &["MEDISO"]).await;
    let staff = app.user(Role::Staff, &["CARISO"]).await;
    let case = app.file(&requester, "care_tech", json!({})).await;

    let took = app
        .graphql_as(
            &advisor,
            "en",
            ASSIGN,
            json!({ "input": { "id": case.id, "version": case.version, "assigneeId": advisor.id } }),
        )
        .await;
    let version = took.data()["assignConsultation"]["version"]
        .as_i64()
        .unwrap();
    // Another advisor may neither take it over nor give it to someone else.
    for assignee in [&other.id, &advisor.id] {
        let refused = app
            .graphql_as(
                &other,
                "en",
                ASSIGN,
                json!({ "input": { "id": case.id, "version": version, "assigneeId": assignee } }),
            )
            .await;
        assert_eq!(refused.code(), "FORBIDDEN");
    }
    // Staff may only assign people of the case's desk.
    let refused = app
        .graphql_as(
            &staff,
            "en",
            ASSIGN,
            json!({ "input": { "id": case.id, "version": version, "assigneeId": outsider.id } }),
        )
        .await;
    assert_eq!(
        refused.field_errors(),
        [("assigneeId".to_owned(), "ASSIGNEE_NOT_ELIGIBLE".to_owned())]
    );
    let refused = app
        .graphql_as(
            &staff,
            "en",
            ASSIGN,
            json!({ "input": { "id": case.id, "version": version, "assigneeId": requester.id } }),
        )
        .await;
    assert_eq!(refused.code(), "VALIDATION_FAILED");
    // The advisor gives it back.
    app.graphql_as(
        &advisor,
        "en",
        ASSIGN,
        json!({ "input": { "id": case.id, "version": version, "assigneeId": null } }),
    )
    .await
    .data();
    let emails = app.sent_emails().await;
    assert!(
        to(&emails, &advisor.email).is_empty(),
        "taking a case needs no email"
    );
    let timeline = app
        .consultation(
            &staff,
            &case.id,
            "assignee { id } timeline { kind summary changes { field before after } }",
        )
        .await;
    let found = &timeline.data()["consultation"];
    assert!(found["assignee"].is_null());
    let assignments: Vec<&Value> = found["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "ASSIGNED")
        .collect();
    assert_eq!(assignments.len(), 2);
    assert_eq!(assignments[0]["summary"], "担当者：未設定 → Test advisor");
    assert_eq!(
        assignments[1]["changes"],
        json!([{ "field": "assignee", "before": "Test advisor", "after": "未設定" }])
    );
}
