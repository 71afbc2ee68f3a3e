//! Every role is refused what it may not do, with a stable code, and a refusal changes
//! nothing. Anonymous callers are asked to log in; signed-in ones are forbidden.

use banso::auth::Role;
use serde_json::{Value, json};

use crate::helpers::{TestUser, spawn_app};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    Anonymous,
    Requester,
    Supporter,
    Vc,
    MedisoAdvisor,
    MedisoStaff,
    Admin,
}

const EVERYONE: &[Who] = &[
    Who::Anonymous,
    Who::Requester,
    Who::Supporter,
    Who::Vc,
    Who::MedisoAdvisor,
    Who::MedisoStaff,
    Who::Admin,
];
const SIGNED_IN: &[Who] = &[
    Who::Requester,
    Who::Supporter,
    Who::Vc,
    Who::MedisoAdvisor,
    Who::MedisoStaff,
    Who::Admin,
];

struct Case {
    name: &'static str,
    query: &'static str,
    variables: Value,
    allowed: &'static [Who],
}

#[tokio::test]
async fn each_role_is_refused_what_it_may_not_do_and_refusals_change_nothing() {
    let app = spawn_app().await;
    let people: Vec<(Who, Option<TestUser>)> = vec![
        (Who::Anonymous, None),
        (Who::Requester, Some(app.user(Role::Requester, &[]).await)),
        (
            Who::Supporter,
            Some(app.user(Role::SupporterMember, &[]).await),
        ),
        (Who::Vc, Some(app.user(Role::VcMember, &[]).await)),
        (
            Who::MedisoAdvisor,
            Some(app.user(Role::Advisor, &["MEDISO"]).await),
        ),
        (
            Who::MedisoStaff,
            Some(app.user(Role::Staff, &["MEDISO"]).await),
        ),
        (Who::Admin, Some(app.user(Role::Admin, &[]).await)),
    ];
    let victim = app.user(Role::Advisor, &["INNOHUB"]).await;
    let mediso = app.desk_id("MEDISO").await;
    let innohub = app.desk_id("INNOHUB").await;
    let topic = app
        .graphql("{ taxonomy(kind: TOPIC) { id } }", json!({}))
        .await
        .data()["taxonomy"][0]["id"]
        .clone();
    let domain = app.term_id("care_tech").await;
    let stage = app.term_id("idea").await;
    let cariso = app.desk_id("CARISO").await;

    let cases = vec![
        Case {
            name: "desks (public)",
            query: "{ desks { code name } }",
            variables: json!({}),
            allowed: EVERYONE,
        },
        Case {
            name: "taxonomy (public)",
            query: "{ taxonomy { code label } }",
            variables: json!({}),
            allowed: EVERYONE,
        },
        Case {
            name: "mySessions",
            query: "{ mySessions { id } }",
            variables: json!({}),
            allowed: SIGNED_IN,
        },
        Case {
            name: "updateMyProfile",
            query: "mutation { updateMyProfile(input: {locale: JA}) { locale } }",
            variables: json!({}),
            allowed: SIGNED_IN,
        },
        Case {
            name: "users",
            query: "{ users { totalCount nodes { email } } }",
            variables: json!({}),
            allowed: &[Who::Admin],
        },
        Case {
            name: "user",
            query: "query($id: ID!) { user(id: $id) { email } }",
            variables: json!({ "id": victim.id }),
            allowed: &[Who::Admin],
        },
        Case {
            name: "organisations",
            query: "{ organisations { totalCount } }",
            variables: json!({}),
            allowed: &[Who::MedisoStaff, Who::Admin],
        },
        Case {
            name: "members of MEDISO",
            query: "query($id: ID!) { desk(id: $id) { members { email } } }",
            variables: json!({ "id": mediso }),
            allowed: &[Who::MedisoAdvisor, Who::MedisoStaff, Who::Admin],
        },
        Case {
            name: "members of InnoHub",
            query: "query($id: ID!) { desk(id: $id) { members { email } } }",
            variables: json!({ "id": innohub }),
            allowed: &[Who::Admin],
        },
        Case {
            name: "inviteUser",
            query: "mutation($d: ID!) { inviteUser(input: {email: \"new.advisor@example.jp\", displayName: \"New\", role: ADVISOR, locale: JA, deskIds: [$d]}) { id } }",
            variables: json!({ "d": mediso }),
            allowed: &[Who::Admin],
        },
        Case {
            name: "updateUser",
            query: "mutation($id: ID!) { updateUser(input: {id: $id, displayName: \"Renamed\"}) { displayName } }",
            variables: json!({ "id": victim.id }),
            allowed: &[Who::Admin],
        },
        Case {
            name: "resendInvitation",
            query: "mutation($id: ID!) { resendInvitation(id: $id) }",
            variables: json!({ "id": victim.id }),
            allowed: &[],
        },
        Case {
            name: "updateDesk",
            query: "mutation($id: ID!) { updateDesk(input: {id: $id, firstResponseBusinessDays: 9}) { firstResponseBusinessDays } }",
            variables: json!({ "id": innohub }),
            allowed: &[Who::Admin],
        },
        Case {
            name: "createTaxonomyTerm",
            query: "mutation { createTaxonomyTerm(input: {kind: TOPIC, code: \"new_topic\", labelEn: \"New\", labelJa: \"新規\"}) { id } }",
            variables: json!({}),
            allowed: &[Who::Admin],
        },
        Case {
            name: "updateTaxonomyTerm",
            query: "mutation($id: ID!) { updateTaxonomyTerm(input: {id: $id, active: false}) { active } }",
            variables: json!({ "id": topic }),
            allowed: &[Who::Admin],
        },
        Case {
            name: "fileConsultation",
            query: "mutation($d: ID!, $s: ID!) { fileConsultation(input: {title: \"見守りセンサー\", description: \"実証先を探しています\", domainId: $d, stageId: $s, preferredLocale: JA}) { reference } }",
            variables: json!({ "d": domain, "s": stage }),
            allowed: &[Who::Requester],
        },
        Case {
            name: "consultations",
            query: "{ consultations { totalCount } }",
            variables: json!({}),
            allowed: SIGNED_IN,
        },
        Case {
            name: "referrals",
            query: "{ referrals { totalCount } }",
            variables: json!({}),
            allowed: &[Who::MedisoStaff, Who::Admin],
        },
        Case {
            name: "referralSummary",
            query: "{ referralSummary(from: \"2026-04-01\", to: \"2027-03-31\") { requested } }",
            variables: json!({}),
            allowed: &[Who::MedisoStaff, Who::Admin],
        },
        Case {
            name: "setDomainRoute",
            query: "mutation($d: ID!, $k: ID!) { setDomainRoute(input: {domainId: $d, deskId: $k}) { code } }",
            variables: json!({ "d": domain, "k": cariso }),
            allowed: &[Who::Admin],
        },
        Case {
            name: "deactivateUser",
            query: "mutation($id: ID!) { deactivateUser(id: $id) { active } }",
            variables: json!({ "id": victim.id }),
            allowed: &[Who::Admin],
        },
    ];

    let mut refusals = 0;
    for case in &cases {
        for (who, user) in &people {
            // What an allowed caller changes must not be there when refused callers try:
            // refused callers go first, the admin last.
            let response = app
                .request(
                    user.as_ref().map(|u| u.token.as_str()),
                    Some("en"),
                    case.query,
                    case.variables.clone(),
                )
                .await;
            let allowed = case.allowed.contains(who);
            if allowed {
                assert!(
                    response.body.get("errors").is_none(),
                    "{} as {who:?} should be allowed: {}",
                    case.name,
                    response.body
                );
            } else {
                let expected_refusal = if *who == Who::Anonymous {
                    "UNAUTHENTICATED"
                } else {
                    "FORBIDDEN"
                };
                let code = response.code();
                // resendInvitation is refused to the admin for another reason: the victim
                // accepted long ago.
                let expected = if case.name == "resendInvitation" && *who == Who::Admin {
                    "INVITATION_NOT_PENDING"
                } else {
                    expected_refusal
                };
                assert_eq!(
                    code, expected,
                    "{} as {who:?}: {}",
                    case.name, response.body
                );
                assert!(
                    response.body["data"].is_null()
                        || response.body["data"]
                            .as_object()
                            .is_some_and(|d| d.values().all(Value::is_null)),
                    "{} as {who:?} leaked data: {}",
                    case.name,
                    response.body
                );
                refusals += 1;
            }
        }
    }
    assert!(refusals > 50, "{refusals}");

    // The admin's changes happened once; nobody else's did.
    assert_eq!(
        app.count("users WHERE email = 'new.advisor@example.jp'")
            .await,
        1
    );
    assert_eq!(
        app.count("taxonomy_terms WHERE code = 'new_topic'").await,
        1
    );
    assert_eq!(app.count("audit_log WHERE action = 'desk.update'").await, 1);
    assert_eq!(app.count("audit_log WHERE action = 'user.update'").await, 1);
    assert_eq!(
        app.count("consultations").await,
        1,
        "only the requester filed"
    );
    assert_eq!(
        app.count("audit_log WHERE action = 'taxonomy.route'").await,
        6,
        "five routes seeded, one set by the admin"
    );
}

#[tokio::test]
async fn ids_of_the_wrong_kind_or_shape_are_refused_plainly() {
    let app = spawn_app().await;
    let admin = app.english_user(Role::Admin, &[]).await;
    let desk = app.desk_id("MEDISO").await;
    for id in [desk.as_str(), "garbage", ""] {
        let response = app
            .graphql_as(
                &admin,
                "en",
                "query($id: ID!) { user(id: $id) { email } }",
                json!({ "id": id }),
            )
            .await;
        assert_eq!(response.code(), "INVALID_ID", "{id}");
        assert_eq!(response.message(), "This ID is not valid.");
    }
    let missing = banso::ids::UserId(424242).to_public().to_string();
    let response = app
        .graphql_as(
            &admin,
            "en",
            "query($id: ID!) { user(id: $id) { email } }",
            json!({ "id": missing }),
        )
        .await;
    assert_eq!(response.code(), "NOT_FOUND");
    let none = app
        .graphql(
            "query($id: ID!) { desk(id: $id) { code } }",
            json!({ "id": banso::ids::DeskId(99).to_public().to_string() }),
        )
        .await;
    assert!(none.data()["desk"].is_null());
}
