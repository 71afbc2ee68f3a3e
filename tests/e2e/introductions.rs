//! Introductions end to end: the double opt-in (nothing reaches the target before the
//! requester consents, then only what they chose, as it read at consent), each party's
//! view and emails in their language, the answer through the emailed link, meeting and
//! typed outcomes (an investment is recorded as confirmed private investment), expiry,
//! permissions, and past outcomes in later suggestions.

use banso::auth::Role;
use serde_json::{Value, json};

use crate::helpers::{TestApp, TestUser, first_field as step, spawn_app, spawn_app_with, to};

const CREATE: &str = "mutation($kind: DirectoryKind!, $input: DirectoryEntryInput!) { createDirectoryEntry(kind: $kind, input: $input) { id } }";
const FIELDS: &str = "id status statusLabel channel targetKind targetName version steps message proposedFields sharedFields consultation { id } shared { organisationName title description domain stage topics contactName contactEmail } outcome { type adopter note investment { amountYen round investedOn } } answerNote meetingHeldOn";
const PROPOSE: &str = "mutation($input: ProposeIntroductionInput!) { proposeIntroduction(input: $input) { id version status steps } }";

fn read_query() -> String {
    format!("query($id: ID!) {{ introduction(id: $id) {{ {FIELDS} }} }}")
}

/// A supporter organisation with one member (reading `locale`) and its directory entry,
/// in the device domain, working in Japanese.
async fn supporter(
    app: &TestApp,
    admin: &TestUser,
    name: &str,
    english: bool,
) -> (TestUser, String) {
    let member = if english {
        app.english_user(Role::SupporterMember, &[]).await
    } else {
        app.user(Role::SupporterMember, &[]).await
    };
    let (organisation, _) = app.organisation_of(&member).await;
    let created = app
        .graphql_as(
            admin,
            "en",
            CREATE,
            json!({ "kind": "SUPPORTER", "input": {
                "nameEn": name, "nameJa": format!("{name}（日本語）"),
                "summaryEn": "Runs clinical evaluations of devices.",
                "summaryJa": "医療機器の臨床評価を支援します。",
                "domains": ["medical_devices_samd"], "stages": ["clinical"],
                "topics": ["clinical_evidence"], "languages": ["ja", "en"], "regions": ["kanto"],
                "contactEmail": format!("{}@supporter.example", name.to_lowercase().replace(' ', "-")),
                "supporter": { "organisationId": organisation, "supporterType": "CRO" }
            }}),
        )
        .await;
    let id = created.data()["createDirectoryEntry"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    (member, id)
}

async fn read(app: &TestApp, user: &TestUser, id: &Value) -> crate::helpers::Gql {
    app.graphql_as(user, "en", &read_query(), json!({ "id": id }))
        .await
}

const REQUEST: &str = "mutation($id: ID!, $version: Int!) { requestIntroductionConsent(id: $id, version: $version) { version status } }";
const CONSENT: &str = "mutation($id: ID!, $version: Int!, $fields: [SharedField!]!) { consentToIntroduction(id: $id, version: $version, fields: $fields) { version status } }";
const SEND: &str = "mutation($id: ID!, $version: Int!) { sendIntroduction(id: $id, version: $version) { version status } }";
const MEETING: &str = "mutation($id: ID!, $version: Int!, $on: NaiveDate!) { recordIntroductionMeeting(id: $id, version: $version, heldOn: $on) { version status meetingHeldOn } }";
const OUTCOME: &str = "mutation($id: ID!, $version: Int!, $input: IntroductionOutcomeInput!) { recordIntroductionOutcome(id: $id, version: $version, input: $input) { version status outcome { type adopter } } }";

fn today() -> String {
    banso::calendar::japan_date(chrono::Utc::now()).to_string()
}

#[tokio::test]
async fn consent_gates_what_the_target_sees_from_proposal_to_an_investment() {
    let app = spawn_app().await;
    let admin = app.user(Role::Admin, &[]).await;
    let requester = app.english_user(Role::Requester, &[]).await;
    let (_, organisation_name) = app.organisation_of(&requester).await;
    let advisor = app.user(Role::Advisor, &["MEDISO"]).await;
    let staff = app.english_user(Role::Staff, &["MEDISO"]).await;
    let (member, entry) = supporter(&app, &admin, "Kanto CRO", false).await;
    let outsider = app.user(Role::SupporterMember, &[]).await;
    let other_requester = app.user(Role::Requester, &[]).await;
    let case = app
        .file(
            &requester,
            "medical_devices_samd",
            json!({
                "title": "Clinical evaluation plan for our ECG patch",
                "description": "Confidential: our unpublished accuracy data.",
                "preferredLocale": "EN",
                "topicIds": [app.term_id("clinical_evidence").await],
            }),
        )
        .await;

    // The advisor proposes; only desk people know of it.
    let proposed = step(
        &app,
        &advisor,
        PROPOSE,
        json!({ "input": {
            "consultationId": case.id, "entryId": entry, "channel": "INDIVIDUAL",
            "message": "They run device evaluations at Kanto hospitals.",
            "fields": ["ORGANISATION_NAME", "TITLE", "DESCRIPTION"]
        }}),
    )
    .await;
    let id = proposed["id"].clone();
    assert_eq!(proposed["status"], "PROPOSED");
    assert_eq!(
        proposed["steps"],
        json!(["REQUEST_CONSENT", "WITHDRAW"]),
        "the advisor may ask for consent or withdraw"
    );
    for nobody in [&requester, &member, &outsider, &other_requester] {
        assert_eq!(read(&app, nobody, &id).await.code(), "NOT_FOUND");
    }
    let again = app
        .graphql_as(
            &advisor,
            "en",
            PROPOSE,
            json!({ "input": {
                "consultationId": case.id, "entryId": entry, "channel": "NEWSLETTER",
                "fields": ["TITLE"]
            }}),
        )
        .await;
    assert_eq!(
        again.field_errors(),
        vec![("entryId".into(), "INTRODUCTION_EXISTS".into())]
    );

    // The requester is asked, by email in English.
    let asked = step(&app, &advisor, REQUEST, json!({ "id": id, "version": 1 })).await;
    assert_eq!(asked["status"], "CONSENT_REQUESTED");
    app.wait_for_outbox().await;
    let emails = app.sent_emails().await;
    let mail = to(&emails, &requester.email);
    let consent_mail = mail.last().expect("the requester is asked");
    assert!(
        consent_mail
            .subject
            .contains("May we introduce you to Kanto CRO"),
        "{}",
        consent_mail.subject
    );
    assert!(consent_mail.text.contains("only the items you choose"));
    assert!(
        to(&emails, &member.email).is_empty(),
        "nothing reaches the target yet"
    );

    let seen = read(&app, &requester, &id).await;
    let seen = &seen.data()["introduction"];
    assert_eq!(seen["steps"], json!(["CONSENT", "DECLINE_CONSENT"]));
    assert_eq!(seen["shared"], Value::Null);
    assert_eq!(
        seen["message"],
        "They run device evaluations at Kanto hospitals."
    );
    assert_eq!(read(&app, &member, &id).await.code(), "NOT_FOUND");

    // Consent to two of the three fields; the advisor cannot consent for them.
    let version = seen["version"].as_i64().unwrap();
    let not_theirs = app
        .graphql_as(
            &advisor,
            "en",
            CONSENT,
            json!({ "id": id, "version": version, "fields": ["TITLE"] }),
        )
        .await;
    assert_eq!(not_theirs.code(), "FORBIDDEN");
    let none = app
        .graphql_as(
            &requester,
            "en",
            CONSENT,
            json!({ "id": id, "version": version, "fields": [] }),
        )
        .await;
    assert_eq!(
        none.field_errors(),
        vec![("fields".into(), "REQUIRED".into())]
    );
    let consented = step(
        &app,
        &requester,
        CONSENT,
        json!({ "id": id, "version": version, "fields": ["ORGANISATION_NAME", "TITLE"] }),
    )
    .await;
    assert_eq!(consented["status"], "CONSENTED");
    assert_eq!(read(&app, &member, &id).await.code(), "NOT_FOUND");

    // What was shared is what it read at consent.
    let case_number = banso::ids::ConsultationId::from_public(&async_graphql::ID(case.id.clone()))
        .unwrap()
        .0;
    app.execute(&format!(
        "UPDATE consultations SET title = 'Renamed later' WHERE id = {case_number}"
    ))
    .await;

    // Sent: the organisation's member (in Japanese) and its contact address hear of it.
    let sent = step(
        &app,
        &staff,
        SEND,
        json!({ "id": id, "version": consented["version"] }),
    )
    .await;
    assert_eq!(sent["status"], "SENT");
    app.wait_for_outbox().await;
    let emails = app.sent_emails().await;
    let member_mail = to(&emails, &member.email);
    let member_mail = member_mail.last().expect("the member is told");
    assert_eq!(member_mail.language, "ja");
    assert!(
        member_mail.text.contains(&organisation_name),
        "{}",
        member_mail.text
    );
    assert!(
        member_mail
            .text
            .contains("Clinical evaluation plan for our ECG patch")
    );
    assert!(!member_mail.text.contains("unpublished accuracy data"));
    assert_eq!(to(&emails, "kanto-cro@supporter.example").len(), 1);
    let token = member_mail.token("/introductions/respond");

    let target_view = read(&app, &member, &id).await;
    let target_view = &target_view.data()["introduction"];
    assert_eq!(target_view["consultation"], Value::Null);
    assert_eq!(target_view["message"], Value::Null);
    assert_eq!(
        target_view["shared"]["organisationName"],
        json!(organisation_name)
    );
    assert_eq!(
        target_view["shared"]["title"],
        "Clinical evaluation plan for our ECG patch"
    );
    assert_eq!(target_view["shared"]["description"], Value::Null);
    assert_eq!(target_view["shared"]["contactEmail"], Value::Null);
    assert_eq!(target_view["steps"], json!(["ACCEPT", "DECLINE"]));
    assert_eq!(read(&app, &outsider, &id).await.code(), "NOT_FOUND");

    // Through the emailed link, without signing in.
    let by_link = app
        .graphql(
            &format!(
                "query($token: String!) {{ introductionByToken(token: $token) {{ {FIELDS} }} }}"
            ),
            json!({ "token": token }),
        )
        .await;
    assert_eq!(
        by_link.data()["introductionByToken"]["shared"],
        target_view["shared"]
    );
    assert_eq!(
        by_link.data()["introductionByToken"]["consultation"],
        Value::Null
    );
    let forged = app
        .graphql(
            "mutation { answerIntroductionByToken(token: \"nope\", accept: true) { id } }",
            json!({}),
        )
        .await;
    assert_eq!(forged.code(), "TOKEN_INVALID");
    let accepted = app
        .graphql(
            "mutation($token: String!) { answerIntroductionByToken(token: $token, accept: true, note: \"Happy to meet.\") { status } }",
            json!({ "token": token }),
        )
        .await;
    assert_eq!(
        accepted.data()["answerIntroductionByToken"]["status"],
        "ACCEPTED"
    );
    let twice = app
        .graphql(
            "mutation($token: String!) { answerIntroductionByToken(token: $token, accept: false) { status } }",
            json!({ "token": token }),
        )
        .await;
    assert_eq!(twice.code(), "INTRODUCTION_STEP_NOT_ALLOWED");
    app.wait_for_outbox().await;
    let emails = app.sent_emails().await;
    assert!(
        to(&emails, &requester.email)
            .iter()
            .any(|m| m.subject
                == format!("Kanto CRO accepted the introduction ({})", case.reference)),
        "the requester hears of the answer"
    );

    // Meeting, then an investment that counts as confirmed private investment.
    let now = read(&app, &staff, &id).await;
    let version = now.data()["introduction"]["version"].clone();
    let future = app
        .graphql_as(
            &staff,
            "en",
            MEETING,
            json!({ "id": id, "version": version, "on": "2099-01-01" }),
        )
        .await;
    assert_eq!(
        future.field_errors(),
        vec![("heldOn".into(), "DATE_OUT_OF_RANGE".into())]
    );
    let met = step(
        &app,
        &staff,
        MEETING,
        json!({ "id": id, "version": version, "on": today() }),
    )
    .await;
    assert_eq!(met["status"], "MEETING_HELD");
    let missing = app
        .graphql_as(
            &staff,
            "en",
            OUTCOME,
            json!({ "id": id, "version": met["version"], "input": { "matched": true, "type": "INVESTMENT" } }),
        )
        .await;
    assert_eq!(
        missing.field_errors(),
        vec![("investment".into(), "OUTCOME_DETAILS_REQUIRED".into())]
    );
    assert_eq!(
        app.count("investments").await,
        0,
        "a refused step changes nothing"
    );
    let matched = step(
        &app,
        &staff,
        OUTCOME,
        json!({ "id": id, "version": met["version"], "input": {
            "matched": true, "type": "INVESTMENT", "note": "Term sheet signed.",
            "investment": { "amountYen": 150000000, "round": "SERIES_A", "investedOn": today() }
        }}),
    )
    .await;
    assert_eq!(matched["status"], "MATCHED");
    assert_eq!(matched["outcome"]["type"], "INVESTMENT");
    let recorded = read(&app, &requester, &id).await;
    assert_eq!(
        recorded.data()["introduction"]["outcome"]["investment"],
        json!({ "amountYen": 150_000_000, "round": "SERIES_A", "investedOn": today() })
    );
    assert_eq!(
        read(&app, &member, &id).await.data()["introduction"]["outcome"],
        Value::Null,
        "the target does not read the outcome"
    );
    assert_eq!(
        app.scalar("SELECT amount_yen AS n FROM investments").await,
        150_000_000
    );
    assert_eq!(
        app.scalar(&format!(
            "SELECT COUNT(*) AS n FROM investments WHERE organisation_id = (SELECT organisation_id FROM consultations WHERE id = {case_number})"
        ))
        .await,
        1
    );

    // Every step is on the timeline; the requester's part of it leaves out the proposal.
    let timeline = "timeline { kind summary }";
    let desk = app.consultation(&staff, &case.id, timeline).await;
    let kinds: Vec<&str> = desk.data()["consultation"]["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .filter(|k| k.starts_with("INTRODUCTION"))
        .collect();
    assert_eq!(
        kinds,
        [
            "INTRODUCTION_PROPOSED",
            "INTRODUCTION_CONSENT_REQUESTED",
            "INTRODUCTION_CONSENTED",
            "INTRODUCTION_SENT",
            "INTRODUCTION_ACCEPTED",
            "INTRODUCTION_MEETING_HELD",
            "INTRODUCTION_MATCHED"
        ]
    );
    let theirs = app.consultation(&requester, &case.id, timeline).await;
    let summaries: Vec<&str> = theirs.data()["consultation"]["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["summary"].as_str().unwrap())
        .collect();
    assert!(
        summaries.contains(&"Match established with Kanto CRO"),
        "{summaries:?}"
    );
    assert!(
        !summaries.iter().any(|s| s.contains("proposed")),
        "{summaries:?}"
    );

    // The requester sees their introductions; the member finds it in their list.
    let listed = app
        .graphql_as(
            &member,
            "ja",
            "{ myIntroductions { totalCount edges { node { statusLabel targetName } } } }",
            json!({}),
        )
        .await;
    assert_eq!(listed.data()["myIntroductions"]["totalCount"], 1);
    assert_eq!(
        listed.data()["myIntroductions"]["edges"][0]["node"]["statusLabel"],
        "マッチング成立"
    );
    let requester_list = app
        .graphql_as(
            &requester,
            "en",
            "query($id: ID!) { consultationIntroductions(consultationId: $id) { status } }",
            json!({ "id": case.id }),
        )
        .await;
    assert_eq!(
        requester_list.data()["consultationIntroductions"],
        json!([{ "status": "MATCHED" }])
    );
}

#[tokio::test]
async fn only_eligible_targets_are_proposed_and_each_step_belongs_to_its_party() {
    let app = spawn_app().await;
    let admin = app.user(Role::Admin, &[]).await;
    let requester = app.user(Role::Requester, &[]).await;
    let (requester_org, _) = app.organisation_of(&requester).await;
    let advisor = app.user(Role::Advisor, &["MEDISO"]).await;
    let stranger = app.user(Role::Advisor, &["CARISO"]).await;
    let (member, entry) = supporter(&app, &admin, "Clean Partner", false).await;
    let case = app
        .file(&requester, "medical_devices_samd", json!({}))
        .await;

    // A VC holding the requester is conflicted; a programme is not introduced.
    let vc = app
        .graphql_as(
            &admin,
            "en",
            CREATE,
            json!({ "kind": "VC", "input": {
                "nameEn": "Holder", "nameJa": "ホルダー", "summaryEn": "VC.", "summaryJa": "VC。",
                "domains": ["medical_devices_samd"], "languages": ["ja"],
                "vc": { "portfolioOrganisationIds": [] }
            }}),
        )
        .await;
    let vc = vc.data()["createDirectoryEntry"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let vc_number = banso::ids::DirectoryEntryId::from_public(&async_graphql::ID(vc.clone()))
        .unwrap()
        .0;
    let requester_number =
        banso::ids::OrganisationId::from_public(&async_graphql::ID(requester_org.clone()))
            .unwrap()
            .0;
    app.execute(&format!(
        "INSERT INTO directory_entry_organisations (entry_id, organisation_id, relation) VALUES ({vc_number}, {requester_number}, 'conflict')"
    ))
    .await;
    let programme = app
        .graphql_as(
            &admin,
            "en",
            CREATE,
            json!({ "kind": "PROGRAMME", "input": {
                "nameEn": "Grant", "nameJa": "補助金", "summaryEn": "A grant.", "summaryJa": "補助金。",
                "programme": { "body": "NATIONAL", "bodyNameEn": "METI", "bodyNameJa": "経済産業省" }
            }}),
        )
        .await;
    let programme = programme.data()["createDirectoryEntry"]["id"].clone();
    for target in [json!(vc), programme] {
        let refused = app
            .graphql_as(
                &advisor,
                "en",
                PROPOSE,
                json!({ "input": {
                    "consultationId": case.id, "entryId": target, "channel": "INDIVIDUAL",
                    "fields": ["TITLE"]
                }}),
            )
            .await;
        assert_eq!(
            refused.field_errors(),
            vec![("entryId".into(), "INTRODUCTION_NOT_ELIGIBLE".into())]
        );
    }
    assert_eq!(app.count("introductions").await, 0);

    // Requesters and advisors of another desk cannot propose.
    let input = json!({ "input": {
        "consultationId": case.id, "entryId": entry, "channel": "NEWSLETTER", "fields": ["TITLE"]
    }});
    assert_eq!(
        app.graphql_as(&requester, "en", PROPOSE, input.clone())
            .await
            .code(),
        "FORBIDDEN"
    );
    assert_eq!(
        app.graphql_as(&stranger, "en", PROPOSE, input.clone())
            .await
            .code(),
        "NOT_FOUND"
    );
    let proposed = step(&app, &advisor, PROPOSE, input).await;
    let id = proposed["id"].clone();

    // Out of order, stale, or by the wrong party: refused, nothing changes.
    let early = app
        .graphql_as(&advisor, "en", SEND, json!({ "id": id, "version": 1 }))
        .await;
    assert_eq!(early.code(), "INTRODUCTION_STEP_NOT_ALLOWED");
    step(&app, &advisor, REQUEST, json!({ "id": id, "version": 1 })).await;
    let stale = app
        .graphql_as(
            &requester,
            "en",
            CONSENT,
            json!({ "id": id, "version": 1, "fields": ["TITLE"] }),
        )
        .await;
    assert_eq!(stale.code(), "EDIT_CONFLICT");
    let answer = "mutation($id: ID!) { answerIntroduction(id: $id, accept: true) { status } }";
    assert_eq!(
        app.graphql_as(&member, "en", answer, json!({ "id": id }))
            .await
            .code(),
        "NOT_FOUND",
        "the target cannot even see it before it is sent"
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM introductions WHERE status = 'consent_requested'")
            .await,
        1
    );

    // The requester says no: withdrawn, and the advisor is told why.
    let declined = step(
        &app,
        &requester,
        "mutation($id: ID!) { declineIntroductionConsent(id: $id, version: 2, reason: \"まだ早いと考えています。\") { status steps } }",
        json!({ "id": id }),
    )
    .await;
    assert_eq!(declined["status"], "WITHDRAWN");
    assert_eq!(declined["steps"], json!([]));
    app.wait_for_outbox().await;
    let emails = app.sent_emails().await;
    let told = to(&emails, &advisor.email);
    assert!(
        told.iter()
            .any(|m| m.text.contains("まだ早いと考えています。")),
        "the advisor hears why"
    );

    // A fresh proposal to the same target is possible once the last one ended.
    let again = app
        .graphql_as(
            &advisor,
            "en",
            PROPOSE,
            json!({ "input": {
                "consultationId": case.id, "entryId": entry, "channel": "INDIVIDUAL", "fields": ["TITLE"]
            }}),
        )
        .await;
    assert_eq!(again.data()["proposeIntroduction"]["status"], "PROPOSED");

    // An organisation nobody at Bansō can be reached at: not sent individually, but it may be
    // featured in the newsletter.
    let unreachable = app
        .graphql_as(
            &admin,
            "en",
            CREATE,
            json!({ "kind": "SUPPORTER", "input": {
                "nameEn": "Quiet Hospital", "nameJa": "静かな病院",
                "summaryEn": "A hospital.", "summaryJa": "病院です。",
                "domains": ["medical_devices_samd"], "languages": ["ja"],
                "supporter": { "supporterType": "HOSPITAL" }
            }}),
        )
        .await;
    let unreachable = unreachable.data()["createDirectoryEntry"]["id"].clone();
    for (channel, sent) in [("INDIVIDUAL", false), ("NEWSLETTER", true)] {
        let quiet = step(
            &app,
            &advisor,
            PROPOSE,
            json!({ "input": {
                "consultationId": case.id, "entryId": unreachable, "channel": channel, "fields": ["TITLE"]
            }}),
        )
        .await["id"]
            .clone();
        step(
            &app,
            &advisor,
            REQUEST,
            json!({ "id": quiet, "version": 1 }),
        )
        .await;
        step(
            &app,
            &requester,
            CONSENT,
            json!({ "id": quiet, "version": 2, "fields": ["TITLE"] }),
        )
        .await;
        let sending = app
            .graphql_as(&advisor, "en", SEND, json!({ "id": quiet, "version": 3 }))
            .await;
        if sent {
            assert_eq!(sending.data()["sendIntroduction"]["status"], "SENT");
        } else {
            assert_eq!(sending.code(), "INTRODUCTION_TARGET_UNREACHABLE");
            step(
                &app,
                &advisor,
                "mutation($id: ID!) { withdrawIntroduction(id: $id, version: 3, reason: \"連絡先を確認します。\") { status } }",
                json!({ "id": quiet }),
            )
            .await;
        }
    }

    // Withdrawn before the requester was asked: it stays the desk's.
    let second = again.data()["proposeIntroduction"]["id"].clone();
    let withdrawn = step(
        &app,
        &advisor,
        "mutation($id: ID!) { withdrawIntroduction(id: $id, version: 1, reason: \"社内で再検討します。\") { status } }",
        json!({ "id": second }),
    )
    .await;
    assert_eq!(withdrawn["status"], "WITHDRAWN");
    assert_eq!(read(&app, &requester, &second).await.code(), "NOT_FOUND");
    let listed = app
        .graphql_as(
            &requester,
            "en",
            "query($id: ID!) { consultationIntroductions(consultationId: $id) { id status } }",
            json!({ "id": case.id }),
        )
        .await;
    let seen: Vec<&str> = listed.data()["consultationIntroductions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        seen,
        ["WITHDRAWN", "WITHDRAWN", "SENT"],
        "only those they were asked about"
    );
}

#[tokio::test]
async fn introductions_nobody_answers_expire_and_the_proposer_is_told() {
    let app = spawn_app_with(|env| {
        env.insert("BANSO_INTRODUCTIONS__EXPIRY_CHECK_SECS".into(), "1".into());
    })
    .await;
    let admin = app.user(Role::Admin, &[]).await;
    let requester = app.user(Role::Requester, &[]).await;
    let staff = app.english_user(Role::Staff, &["MEDISO"]).await;
    let (_, entry) = supporter(&app, &admin, "Silent Partner", true).await;
    let case = app
        .file(&requester, "medical_devices_samd", json!({}))
        .await;
    let proposed = step(
        &app,
        &staff,
        PROPOSE,
        json!({ "input": {
            "consultationId": case.id, "entryId": entry, "channel": "INDIVIDUAL", "fields": ["TITLE"]
        }}),
    )
    .await;
    let id = proposed["id"].clone();
    step(&app, &staff, REQUEST, json!({ "id": id, "version": 1 })).await;
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM introductions WHERE status = 'consent_requested' AND answer_due_at IS NOT NULL").await,
        1,
        "the requester has until a date"
    );
    app.execute("UPDATE introductions SET answer_due_at = created_at")
        .await;
    let mut status = String::new();
    for _ in 0..100 {
        let seen = read(&app, &staff, &id).await;
        status = seen.data()["introduction"]["status"]
            .as_str()
            .unwrap()
            .to_owned();
        if status == "EXPIRED" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(status, "EXPIRED");
    app.wait_for_outbox().await;
    let emails = app.sent_emails().await;
    assert!(
        to(&emails, &staff.email).iter().any(|m| m
            .subject
            .contains("The introduction to Silent Partner expired")),
        "the proposer is told"
    );
    let seen = read(&app, &staff, &id).await;
    assert_eq!(seen.data()["introduction"]["steps"], json!([]));
}

#[tokio::test]
async fn past_matches_on_similar_consultations_raise_a_candidate_and_say_so() {
    let app = spawn_app().await;
    let admin = app.user(Role::Admin, &[]).await;
    let requester = app.english_user(Role::Requester, &[]).await;
    let staff = app.english_user(Role::Staff, &["MEDISO"]).await;
    let (_, proven) = supporter(&app, &admin, "Proven Partner", false).await;
    let (_, fresh) = supporter(&app, &admin, "Fresh Partner", false).await;
    let first = app
        .file(
            &requester,
            "medical_devices_samd",
            json!({ "preferredLocale": "EN" }),
        )
        .await;
    let id = step(
        &app,
        &staff,
        PROPOSE,
        json!({ "input": {
            "consultationId": first.id, "entryId": proven, "channel": "INDIVIDUAL", "fields": ["TITLE"]
        }}),
    )
    .await["id"]
        .clone();
    step(&app, &staff, REQUEST, json!({ "id": id, "version": 1 })).await;
    step(
        &app,
        &requester,
        CONSENT,
        json!({ "id": id, "version": 2, "fields": ["TITLE"] }),
    )
    .await;
    step(&app, &staff, SEND, json!({ "id": id, "version": 3 })).await;
    step(
        &app,
        &staff,
        "mutation($id: ID!) { answerIntroduction(id: $id, accept: true) { status } }",
        json!({ "id": id }),
    )
    .await;
    step(
        &app,
        &staff,
        MEETING,
        json!({ "id": id, "version": 5, "on": today() }),
    )
    .await;
    step(
        &app,
        &staff,
        OUTCOME,
        json!({ "id": id, "version": 6, "input": { "matched": true, "type": "ADOPTION", "adopter": "HOSPITAL" } }),
    )
    .await;

    let second = app
        .file(
            &requester,
            "medical_devices_samd",
            json!({ "preferredLocale": "EN" }),
        )
        .await;
    let found = app
        .graphql_as(
            &staff,
            "en",
            "query($id: ID!) { consultationSuggestions(consultationId: $id, kind: SUPPORTER) { entry { id } reasons contributions { feature value } } }",
            json!({ "id": second.id }),
        )
        .await;
    let list = found.data()["consultationSuggestions"]
        .as_array()
        .unwrap()
        .clone();
    let ids: Vec<&str> = list
        .iter()
        .map(|s| s["entry"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        vec![proven.as_str(), fresh.as_str()],
        "the proven partner first"
    );
    let outcomes = |s: &Value| {
        s["contributions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["feature"] == "OUTCOMES")
            .map(|c| c["value"].as_f64().unwrap())
            .unwrap()
    };
    assert!(outcomes(&list[0]) > outcomes(&list[1]));
    assert!(
        list[0]["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == "1 of 1 past introductions on similar topics led to a match"),
        "{}",
        list[0]["reasons"]
    );
}
