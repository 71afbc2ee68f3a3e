//! What admins do: invite people, manage accounts, edit desks and the taxonomy.

use banso::{auth::Role, i18n::Locale};
use serde_json::json;

use crate::helpers::{PASSWORD, spawn_app, to};

const INVITE: &str = "mutation($input: InviteUserInput!) { inviteUser(input: $input) { id email role invitationPending desks { code } organisation { name kind } } }";

#[tokio::test]
async fn an_admin_invites_an_advisor_who_chooses_a_password_and_logs_in() {
    let app = spawn_app().await;
    let admin = app.user(Role::Admin, &[]).await;
    let mediso = app.desk_id("MEDISO").await;
    let innohub = app.desk_id("INNOHUB").await;

    let invited = app
        .graphql_as(&admin, "ja", INVITE, json!({ "input": {
            "email": "Emily.Carter@Example.org", "displayName": "Emily Carter", "role": "ADVISOR",
            "locale": "EN", "deskIds": [mediso, innohub],
        }}))
        .await;
    let user = &invited.data()["inviteUser"];
    assert_eq!(user["email"], "emily.carter@example.org");
    assert_eq!(user["invitationPending"], true);
    let codes: Vec<&str> = user["desks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["INNOHUB", "MEDISO"]);

    // Not yet able to log in.
    let early = app.graphql("mutation { login(input: {email: \"emily.carter@example.org\", password: \"anything at all\"}) { token } }", json!({})).await;
    assert_eq!(early.code(), "INVALID_CREDENTIALS");

    let emails = app.sent_emails().await;
    let invitation = to(&emails, "emily.carter@example.org")[0];
    assert_eq!(
        invitation.language, "en",
        "in the invitee's language, not the admin's"
    );
    assert_eq!(invitation.subject, "You are invited to Bansō");
    assert!(
        invitation.text.contains("as Advisor"),
        "{}",
        invitation.text
    );
    let token = invitation.token("/set-password");
    let set = app
        .graphql("mutation($t: String!) { setPassword(input: {token: $t, password: \"advising since 2010\"}) { email } }", json!({ "t": token }))
        .await;
    assert_eq!(
        set.data()["setPassword"]["email"],
        "emily.carter@example.org"
    );
    let token = app
        .login("emily.carter@example.org", "advising since 2010")
        .await;
    let me = app
        .request(
            Some(&token),
            None,
            "{ me { role emailVerified invitationPending desks { code } } }",
            json!({}),
        )
        .await;
    assert_eq!(me.data()["me"]["role"], "ADVISOR");
    assert_eq!(me.data()["me"]["emailVerified"], true);
    assert_eq!(me.data()["me"]["invitationPending"], false);
    assert_eq!(
        app.count("audit_log WHERE action = 'user.invite'").await,
        1,
        "the invitation is audited"
    );
}

#[tokio::test]
async fn invitations_are_checked_and_refused_ones_change_nothing() {
    let app = spawn_app().await;
    let admin = app.user(Role::Admin, &[]).await;
    let users_before = app.count("users").await;
    let mediso = app.desk_id("MEDISO").await;

    let cases = [
        (
            json!({ "email": "a@example.jp", "displayName": "A", "role": "ADVISOR", "locale": "JA" }),
            vec![("deskIds", "DESK_REQUIRED")],
        ),
        (
            json!({ "email": "b@example.jp", "displayName": "B", "role": "REQUESTER", "locale": "JA" }),
            vec![("organisation", "ORGANISATION_REQUIRED")],
        ),
        (
            json!({ "email": "c@example.jp", "displayName": "C", "role": "SUPPORTER_MEMBER", "locale": "JA",
                    "organisation": { "new": { "name": "Some Startup", "kind": "STARTUP", "countryCode": "JP" } } }),
            vec![("organisation.kind", "ORGANISATION_KIND_NOT_ALLOWED")],
        ),
        (
            json!({ "email": "d@example.jp", "displayName": "D", "role": "STAFF", "locale": "JA", "deskIds": [mediso.clone()],
                    "organisation": { "new": { "name": "Org", "kind": "SUPPORTER", "countryCode": "JP" } } }),
            vec![("organisation", "ORGANISATION_NOT_ALLOWED")],
        ),
        (
            json!({ "email": admin.email, "displayName": "E", "role": "ADMIN", "locale": "JA" }),
            vec![("email", "EMAIL_TAKEN")],
        ),
        (
            json!({ "email": "f@example.jp", "displayName": "F", "role": "VC_MEMBER", "locale": "JA", "deskIds": [mediso.clone()],
                    "organisation": { "new": { "name": "Fund", "kind": "VC", "countryCode": "ZZ" } } }),
            vec![
                ("deskIds", "DESKS_NOT_ALLOWED"),
                ("organisation.countryCode", "COUNTRY_CODE_INVALID"),
            ],
        ),
    ];
    for (input, expected) in cases {
        let refused = app
            .graphql_as(&admin, "en", INVITE, json!({ "input": input }))
            .await;
        let mut fields = refused.field_errors();
        fields.sort();
        let mut expected: Vec<(String, String)> = expected
            .into_iter()
            .map(|(f, c)| (f.to_owned(), c.to_owned()))
            .collect();
        expected.sort();
        assert_eq!(fields, expected, "{input}");
    }
    let bad_desk = app
        .graphql_as(&admin, "en", INVITE, json!({ "input": { "email": "g@example.jp", "displayName": "G", "role": "ADVISOR", "locale": "JA", "deskIds": ["bm9wZQ"] } }))
        .await;
    assert_eq!(bad_desk.code(), "INVALID_ID");
    let unknown_desk = app
        .graphql_as(&admin, "en", INVITE, json!({ "input": { "email": "g@example.jp", "displayName": "G", "role": "ADVISOR", "locale": "JA",
            "deskIds": [banso::ids::DeskId(999).to_public().to_string()] } }))
        .await;
    assert_eq!(
        unknown_desk.field_errors(),
        [("deskIds".to_owned(), "UNKNOWN_DESK".to_owned())]
    );

    assert_eq!(app.count("users").await, users_before);
    assert_eq!(app.count("organisations").await, 0);
    assert_eq!(app.count("outbox").await, 0);
    assert_eq!(app.count("audit_log WHERE action = 'user.invite'").await, 0);
}

#[tokio::test]
async fn supporter_and_vc_members_join_their_organisations() {
    let app = spawn_app().await;
    let admin = app.user(Role::Admin, &[]).await;
    let created = app
        .graphql_as(&admin, "ja", INVITE, json!({ "input": {
            "email": "bank@example.jp", "displayName": "小林 翔太", "role": "SUPPORTER_MEMBER", "locale": "JA",
            "organisation": { "new": { "name": "みなと銀行", "kind": "SUPPORTER", "countryCode": "jp" } } } }))
        .await;
    assert_eq!(
        created.data()["inviteUser"]["organisation"]["name"],
        "みなと銀行"
    );
    let organisations = app
        .graphql_as(&admin, "ja", "{ organisations(filter: {kind: SUPPORTER, query: \"みなと\"}) { totalCount nodes { id name countryCode kindLabel } } }", json!({}))
        .await;
    let found = &organisations.data()["organisations"];
    assert_eq!(found["totalCount"], 1);
    assert_eq!(found["nodes"][0]["countryCode"], "JP");
    assert_eq!(found["nodes"][0]["kindLabel"], "サポーター団体");
    let bank = found["nodes"][0]["id"].clone();
    let colleague = app
        .graphql_as(&admin, "ja", INVITE, json!({ "input": {
            "email": "bank2@example.jp", "displayName": "同僚", "role": "SUPPORTER_MEMBER", "locale": "JA", "organisation": { "id": bank } } }))
        .await;
    assert_eq!(
        colleague.data()["inviteUser"]["organisation"]["name"],
        "みなと銀行"
    );
    let wrong_kind = app
        .graphql_as(&admin, "ja", INVITE, json!({ "input": {
            "email": "vc@example.jp", "displayName": "VC", "role": "VC_MEMBER", "locale": "JA", "organisation": { "id": bank } } }))
        .await;
    assert_eq!(
        wrong_kind.field_errors(),
        [(
            "organisation".to_owned(),
            "ORGANISATION_KIND_NOT_ALLOWED".to_owned()
        )]
    );
}

#[tokio::test]
async fn roles_and_desks_change_within_the_rules() {
    let app = spawn_app().await;
    let admin = app.user(Role::Admin, &[]).await;
    let advisor = app.user(Role::Advisor, &["MEDISO"]).await;
    let requester = app.user(Role::Requester, &[]).await;
    let cariso = app.desk_id("CARISO").await;
    const UPDATE: &str = "mutation($input: UpdateUserInput!) { updateUser(input: $input) { role desks { code } displayName } }";

    let promoted = app
        .graphql_as(&admin, "ja", UPDATE, json!({ "input": { "id": advisor.id, "role": "STAFF", "deskIds": [cariso], "displayName": "新しい名前" } }))
        .await;
    assert_eq!(promoted.data()["updateUser"]["role"], "STAFF");
    assert_eq!(promoted.data()["updateUser"]["desks"][0]["code"], "CARISO");
    // The change applies to the next request of the promoted user.
    let members = app
        .graphql_as(
            &advisor,
            "ja",
            "query($id: ID!) { desk(id: $id) { members { email } } }",
            json!({ "id": app.desk_id("CARISO").await }),
        )
        .await;
    assert_eq!(
        members.data()["desk"]["members"][0]["email"],
        advisor.email.as_str()
    );

    let no_desk = app
        .graphql_as(
            &admin,
            "en",
            UPDATE,
            json!({ "input": { "id": advisor.id, "deskIds": [] } }),
        )
        .await;
    assert_eq!(
        no_desk.field_errors(),
        [("deskIds".to_owned(), "DESK_REQUIRED".to_owned())]
    );
    let across = app
        .graphql_as(
            &admin,
            "en",
            UPDATE,
            json!({ "input": { "id": requester.id, "role": "ADVISOR" } }),
        )
        .await;
    assert_eq!(across.code(), "ROLE_CHANGE_NOT_ALLOWED");
    let own = app
        .graphql_as(
            &admin,
            "en",
            UPDATE,
            json!({ "input": { "id": admin.id, "role": "STAFF" } }),
        )
        .await;
    assert_eq!(own.code(), "CANNOT_CHANGE_OWN_ROLE");
    let own = app
        .graphql_as(
            &admin,
            "en",
            "mutation($id: ID!) { deactivateUser(id: $id) { active } }",
            json!({ "id": admin.id }),
        )
        .await;
    assert_eq!(own.code(), "CANNOT_DEACTIVATE_SELF");
    let after = app
        .graphql_as(
            &admin,
            "en",
            "query($id: ID!) { user(id: $id) { role desks { code } } }",
            json!({ "id": advisor.id }),
        )
        .await;
    assert_eq!(
        after.data()["user"]["role"],
        "STAFF",
        "refused changes changed nothing"
    );
    assert_eq!(after.data()["user"]["desks"][0]["code"], "CARISO");
}

#[tokio::test]
async fn deactivation_ends_access_and_reactivation_restores_it() {
    let app = spawn_app().await;
    let admin = app.user(Role::Admin, &[]).await;
    let staff = app.user(Role::Staff, &["MEDISO"]).await;
    let deactivated = app
        .graphql_as(
            &admin,
            "ja",
            "mutation($id: ID!) { deactivateUser(id: $id) { active } }",
            json!({ "id": staff.id }),
        )
        .await;
    assert_eq!(deactivated.data()["deactivateUser"]["active"], false);
    assert!(
        app.request(Some(&staff.token), None, "{ me { email } }", json!({}))
            .await
            .data()["me"]
            .is_null()
    );
    let refused = app.graphql("mutation($e: String!, $p: String!) { login(input: {email: $e, password: $p}) { token } }", json!({ "e": staff.email, "p": PASSWORD })).await;
    assert_eq!(refused.code(), "ACCOUNT_DEACTIVATED");
    let listed = app
        .graphql_as(
            &admin,
            "ja",
            "{ users(filter: {role: STAFF}) { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(
        listed.data()["users"]["totalCount"],
        0,
        "deactivated users are hidden by default"
    );
    let all = app
        .graphql_as(
            &admin,
            "ja",
            "{ users(filter: {role: STAFF, includeDeactivated: true}) { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(all.data()["users"]["totalCount"], 1);

    app.graphql_as(
        &admin,
        "ja",
        "mutation($id: ID!) { reactivateUser(id: $id) { active } }",
        json!({ "id": staff.id }),
    )
    .await
    .data();
    app.login(&staff.email, PASSWORD).await;
}

#[tokio::test]
async fn invitations_can_be_sent_again_until_accepted() {
    let app = spawn_app().await;
    let admin = app.user(Role::Admin, &[]).await;
    let mediso = app.desk_id("MEDISO").await;
    let invited = app
        .graphql_as(&admin, "ja", INVITE, json!({ "input": { "email": "late@example.jp", "displayName": "遅い人", "role": "STAFF", "locale": "JA", "deskIds": [mediso] } }))
        .await;
    let id = invited.data()["inviteUser"]["id"].clone();
    app.graphql_as(
        &admin,
        "ja",
        "mutation($id: ID!) { resendInvitation(id: $id) }",
        json!({ "id": id }),
    )
    .await
    .data();
    let emails = app.sent_emails().await;
    let invitations = to(&emails, "late@example.jp");
    assert_eq!(invitations.len(), 2);
    assert_eq!(invitations[0].subject, "【伴走】アカウント登録のご案内");
    let first = invitations[0].token("/set-password");
    let second = invitations[1].token("/set-password");
    let stale = app.graphql("mutation($t: String!) { setPassword(input: {token: $t, password: \"a good passphrase\"}) { email } }", json!({ "t": first })).await;
    assert_eq!(
        stale.code(),
        "TOKEN_INVALID",
        "only the newest invitation works"
    );
    app.graphql("mutation($t: String!) { setPassword(input: {token: $t, password: \"a good passphrase\"}) { email } }", json!({ "t": second })).await.data();
    let again = app
        .graphql_as(
            &admin,
            "en",
            "mutation($id: ID!) { resendInvitation(id: $id) }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(again.code(), "INVITATION_NOT_PENDING");
}

#[tokio::test]
async fn admins_edit_desks_and_bad_edits_change_nothing() {
    let app = spawn_app().await;
    let admin = app.user(Role::Admin, &[]).await;
    let mediso = app.desk_id("MEDISO").await;
    const UPDATE: &str = "mutation($input: UpdateDeskInput!) { updateDesk(input: $input) { nameEn name firstResponseBusinessDays contactEmail } }";

    let bad = app
        .graphql_as(&admin, "ja", UPDATE, json!({ "input": { "id": mediso, "nameJa": "", "firstResponseBusinessDays": 0, "contactEmail": "nope" } }))
        .await;
    let mut fields = bad.field_errors();
    fields.sort();
    assert_eq!(
        fields,
        [
            ("contactEmail".to_owned(), "EMAIL_INVALID".to_owned()),
            (
                "firstResponseBusinessDays".to_owned(),
                "OUT_OF_RANGE".to_owned()
            ),
            ("nameJa".to_owned(), "REQUIRED".to_owned()),
        ]
    );
    assert_eq!(
        bad.field_message("firstResponseBusinessDays"),
        "1から30までの数値を入力してください。"
    );

    let good = app
        .graphql_as(&admin, "ja", UPDATE, json!({ "input": { "id": mediso, "nameJa": "MEDISO（医療系ベンチャー支援）", "firstResponseBusinessDays": 5 } }))
        .await;
    assert_eq!(
        good.data()["updateDesk"]["name"],
        "MEDISO（医療系ベンチャー支援）"
    );
    assert_eq!(good.data()["updateDesk"]["firstResponseBusinessDays"], 5);
    assert_eq!(
        good.data()["updateDesk"]["nameEn"],
        "Medical Innovation Support Office (MEDISO)",
        "untouched"
    );
    assert_eq!(app.count("audit_log WHERE action = 'desk.update'").await, 1);

    // Seeding again keeps the admin's edit.
    let report = banso::seed::reference_data(&app.state).await.unwrap();
    assert_eq!(report, banso::seed::SeedReport::default());
    let desk = app
        .graphql(
            "query($id: ID!) { desk(id: $id) { nameJa firstResponseBusinessDays } }",
            json!({ "id": mediso }),
        )
        .await;
    assert_eq!(desk.data()["desk"]["firstResponseBusinessDays"], 5);

    // Inactive desks disappear from the public list.
    app.graphql_as(
        &admin,
        "ja",
        UPDATE,
        json!({ "input": { "id": mediso, "active": false } }),
    )
    .await
    .data();
    let listed = app.graphql("{ desks { code } }", json!({})).await;
    assert_eq!(listed.data()["desks"].as_array().unwrap().len(), 2);
    let all = app
        .graphql("{ desks(includeInactive: true) { code } }", json!({}))
        .await;
    assert_eq!(all.data()["desks"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn the_taxonomy_is_seeded_bilingual_and_managed_by_admins() {
    let app = spawn_app().await;
    let admin = app.user(Role::Admin, &[]).await;
    let taxonomy = app
        .request(
            None,
            Some("en"),
            "{ taxonomy { kind kindLabel code label labelJa position } }",
            json!({}),
        )
        .await;
    let terms = taxonomy.data()["taxonomy"].as_array().unwrap().clone();
    let count = |kind: &str| terms.iter().filter(|t| t["kind"] == kind).count();
    assert_eq!(
        (count("DOMAIN"), count("STAGE"), count("TOPIC")),
        (5, 7, 11)
    );
    let regulatory = terms.iter().find(|t| t["code"] == "regulatory").unwrap();
    assert_eq!(regulatory["label"], "Regulatory affairs (PMDA)");
    assert_eq!(regulatory["labelJa"], "薬事（PMDA対応）");
    assert_eq!(regulatory["kindLabel"], "Topic");
    assert_eq!(terms[0]["kind"], "DOMAIN", "ordered by kind, then position");

    const CREATE: &str = "mutation($input: CreateTaxonomyTermInput!) { createTaxonomyTerm(input: $input) { id code label position } }";
    let created = app
        .graphql_as(&admin, "ja", CREATE, json!({ "input": { "kind": "TOPIC", "code": "Policy_Request", "labelEn": "Policy requests", "labelJa": "制度要望" } }))
        .await;
    let term = &created.data()["createTaxonomyTerm"];
    assert_eq!(term["code"], "policy_request");
    assert_eq!(term["label"], "制度要望");
    assert_eq!(term["position"], 120, "after the last topic");
    let duplicate = app
        .graphql_as(&admin, "en", CREATE, json!({ "input": { "kind": "TOPIC", "code": "policy_request", "labelEn": "x", "labelJa": "x" } }))
        .await;
    assert_eq!(
        duplicate.field_errors(),
        [("code".to_owned(), "CODE_TAKEN".to_owned())]
    );
    let same_code_other_kind = app
        .graphql_as(&admin, "en", CREATE, json!({ "input": { "kind": "STAGE", "code": "policy_request", "labelEn": "x", "labelJa": "x", "position": 5 } }))
        .await;
    same_code_other_kind.data();
    let invalid = app
        .graphql_as(&admin, "en", CREATE, json!({ "input": { "kind": "TOPIC", "code": "制度", "labelEn": "", "labelJa": "x", "position": -1 } }))
        .await;
    let mut fields = invalid.field_errors();
    fields.sort();
    assert_eq!(
        fields,
        [
            ("code".to_owned(), "CODE_INVALID".to_owned()),
            ("labelEn".to_owned(), "REQUIRED".to_owned()),
            ("position".to_owned(), "OUT_OF_RANGE".to_owned()),
        ]
    );

    let id = term["id"].clone();
    const UPDATE: &str = "mutation($input: UpdateTaxonomyTermInput!) { updateTaxonomyTerm(input: $input) { labelEn active } }";
    let retired = app
        .graphql_as(
            &admin,
            "ja",
            UPDATE,
            json!({ "input": { "id": id, "labelEn": "Policy requests (要望)", "active": false } }),
        )
        .await;
    assert_eq!(retired.data()["updateTaxonomyTerm"]["active"], false);
    let public = app
        .graphql("{ taxonomy(kind: TOPIC) { code } }", json!({}))
        .await;
    assert!(
        !public.data()["taxonomy"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["code"] == "policy_request")
    );
    let everything = app
        .graphql(
            "{ taxonomy(kind: TOPIC, includeInactive: true) { code } }",
            json!({}),
        )
        .await;
    assert!(
        everything.data()["taxonomy"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["code"] == "policy_request")
    );
    assert_eq!(
        app.count("audit_log WHERE subject_type = 'taxonomy_term' AND actor_user_id IS NOT NULL")
            .await,
        3
    );
}

#[tokio::test]
async fn users_are_listed_page_by_page_with_filters() {
    let app = spawn_app().await;
    let admin = app.english_user(Role::Admin, &[]).await;
    for n in 0..7 {
        app.user_with_email(
            Role::Advisor,
            &["MEDISO"],
            &format!("advisor{n}@example.jp"),
            Locale::Ja,
        )
        .await;
    }
    for n in 0..4 {
        app.user_with_email(
            Role::Staff,
            &["CARISO", "INNOHUB"],
            &format!("staff{n}@example.jp"),
            Locale::En,
        )
        .await;
    }
    const PAGE: &str = "query($after: String) { users(first: 5, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { email desks { code } organisation { name } } } } }";
    let mut seen = Vec::new();
    let mut after = serde_json::Value::Null;
    for page in 0..3 {
        let response = app
            .graphql_as(&admin, "ja", PAGE, json!({ "after": after }))
            .await;
        let users = &response.data()["users"];
        assert_eq!(users["totalCount"], 12);
        assert_eq!(users["pageInfo"]["hasPreviousPage"], page > 0);
        for edge in users["edges"].as_array().unwrap() {
            seen.push(edge["node"]["email"].as_str().unwrap().to_owned());
        }
        after = users["pageInfo"]["endCursor"].clone();
        assert_eq!(users["pageInfo"]["hasNextPage"], page < 2);
    }
    assert_eq!(seen.len(), 12);
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 12, "no user twice");

    let mediso = app.desk_id("MEDISO").await;
    let filtered = app
        .graphql_as(&admin, "ja", "query($d: ID!) { users(filter: {deskId: $d, query: \"ADVISOR1\"}) { totalCount nodes { email desks { code } } } }", json!({ "d": mediso }))
        .await;
    assert_eq!(filtered.data()["users"]["totalCount"], 1);
    assert_eq!(
        filtered.data()["users"]["nodes"][0]["email"],
        "advisor1@example.jp"
    );
    let by_role = app
        .graphql_as(
            &admin,
            "ja",
            "{ users(filter: {role: STAFF}) { totalCount nodes { desks { code } } } }",
            json!({}),
        )
        .await;
    assert_eq!(by_role.data()["users"]["totalCount"], 4);
    assert_eq!(
        by_role.data()["users"]["nodes"][0]["desks"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let wildcard = app
        .graphql_as(
            &admin,
            "ja",
            "{ users(filter: {query: \"%\"}) { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(
        wildcard.data()["users"]["totalCount"],
        0,
        "LIKE wildcards in the query are taken literally"
    );

    let too_many = app
        .graphql_as(
            &admin,
            "en",
            "{ users(first: 101) { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(too_many.code(), "PAGE_SIZE_TOO_LARGE");
    assert_eq!(too_many.message(), "Ask for at most 100 items per page.");
    let zero = app
        .graphql_as(
            &admin,
            "en",
            "{ users(first: 0) { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(zero.code(), "OUT_OF_RANGE");
    let bad_cursor = app
        .graphql_as(
            &admin,
            "en",
            "{ users(after: \"nonsense\") { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(bad_cursor.code(), "INVALID_CURSOR");
}
