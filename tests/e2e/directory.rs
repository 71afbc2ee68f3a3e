//! Directory entries: who may add and edit which, validation that reports every problem
//! and changes nothing, edit conflicts, what each reader sees, and the audit log.

use banso::auth::Role;
use serde_json::{Value, json};

use crate::helpers::{TestUser, spawn_app};

const CREATE: &str = "mutation($kind: DirectoryKind!, $input: DirectoryEntryInput!) { createDirectoryEntry(kind: $kind, input: $input) { id version canEdit } }";
const UPDATE: &str = "mutation($id: ID!, $v: Int!, $input: DirectoryEntryInput!) { updateDirectoryEntry(id: $id, version: $v, input: $input) { version nameEn advisor { capacity } } }";
const ENTRY: &str = "query($id: ID!) { directoryEntry(id: $id) { nameEn version canEdit advisor { capacity conflicts { name } person { displayName } } vc { certified ticketRange portfolio { name } } programme { openNow bodyLabel } domains { code } } }";

fn advisor_input(user: &TestUser, capacity: i64) -> Value {
    json!({
        "nameEn": "Kenji Mori", "nameJa": "森 健二",
        "summaryEn": "Former PMDA reviewer.", "summaryJa": "元PMDA審査員です。",
        "domains": ["medical_devices_samd"], "topics": ["regulatory"], "languages": ["ja"],
        "advisor": { "userId": user.id, "capacity": capacity, "affiliationJa": "森薬事事務所" }
    })
}

#[tokio::test]
async fn advisors_edit_their_own_profile_and_nobody_elses() {
    let app = spawn_app().await;
    let advisor = app.user(Role::Advisor, &["MEDISO"]).await;
    let other = app.user(Role::Advisor, &["MEDISO"]).await;
    let requester = app.user(Role::Requester, &[]).await;
    let staff = app.user(Role::Staff, &["MEDISO"]).await;

    // Not for someone else, and not as a requester.
    let refused = app
        .graphql_as(
            &other,
            "en",
            CREATE,
            json!({ "kind": "ADVISOR", "input": advisor_input(&advisor, 4) }),
        )
        .await;
    assert_eq!(refused.code(), "FORBIDDEN");
    let refused = app
        .graphql_as(
            &requester,
            "en",
            CREATE,
            json!({ "kind": "ADVISOR", "input": advisor_input(&advisor, 4) }),
        )
        .await;
    assert_eq!(refused.code(), "FORBIDDEN");
    assert_eq!(app.count("directory_entries").await, 0);

    let created = app
        .graphql_as(
            &advisor,
            "en",
            CREATE,
            json!({ "kind": "ADVISOR", "input": advisor_input(&advisor, 4) }),
        )
        .await;
    let id = created.data()["createDirectoryEntry"]["id"].clone();
    let twice = app
        .graphql_as(
            &advisor,
            "en",
            CREATE,
            json!({ "kind": "ADVISOR", "input": advisor_input(&advisor, 4) }),
        )
        .await;
    assert_eq!(
        twice.field_errors(),
        vec![(
            "advisor.userId".to_owned(),
            "DIRECTORY_ENTRY_EXISTS".to_owned()
        )]
    );

    let updated = app
        .graphql_as(
            &advisor,
            "en",
            UPDATE,
            json!({ "id": id, "v": 1, "input": advisor_input(&advisor, 6) }),
        )
        .await;
    assert_eq!(
        updated.data()["updateDirectoryEntry"]["advisor"]["capacity"],
        6
    );
    assert_eq!(updated.data()["updateDirectoryEntry"]["version"], 2);
    let stale = app
        .graphql_as(
            &staff,
            "en",
            UPDATE,
            json!({ "id": id, "v": 1, "input": advisor_input(&advisor, 7) }),
        )
        .await;
    assert_eq!(stale.code(), "EDIT_CONFLICT");
    let someone_else = app
        .graphql_as(
            &other,
            "en",
            UPDATE,
            json!({ "id": id, "v": 2, "input": advisor_input(&advisor, 9) }),
        )
        .await;
    assert_eq!(someone_else.code(), "FORBIDDEN");
    let handed_over = app
        .graphql_as(
            &advisor,
            "en",
            UPDATE,
            json!({ "id": id, "v": 2, "input": advisor_input(&other, 6) }),
        )
        .await;
    assert_eq!(
        handed_over.field_errors(),
        vec![("advisor.userId".to_owned(), "FORBIDDEN".to_owned())]
    );

    // Capacity and conflicts are for the advisor and desk staff.
    let seen_by_staff = app
        .graphql_as(&staff, "en", ENTRY, json!({ "id": id }))
        .await;
    assert_eq!(
        seen_by_staff.data()["directoryEntry"]["advisor"]["capacity"],
        6
    );
    assert_eq!(seen_by_staff.data()["directoryEntry"]["canEdit"], true);
    let seen_by_requester = app
        .graphql_as(&requester, "en", ENTRY, json!({ "id": id }))
        .await;
    let entry = &seen_by_requester.data()["directoryEntry"];
    assert_eq!(entry["advisor"]["capacity"], Value::Null);
    assert_eq!(entry["advisor"]["conflicts"], Value::Null);
    assert_eq!(entry["canEdit"], false);
    assert_eq!(entry["domains"][0]["code"], "medical_devices_samd");

    // Hidden: gone for the requester, kept for the advisor.
    app.graphql_as(
        &staff,
        "en",
        "mutation($id: ID!) { setDirectoryEntryActive(id: $id, version: 2, active: false) { active } }",
        json!({ "id": id }),
    )
    .await
    .data();
    let hidden = app
        .graphql_as(&requester, "en", ENTRY, json!({ "id": id }))
        .await;
    assert_eq!(hidden.code(), "NOT_FOUND");
    let own = app
        .graphql_as(&advisor, "en", ENTRY, json!({ "id": id }))
        .await;
    assert_eq!(own.data()["directoryEntry"]["nameEn"], "Kenji Mori");
    let mine = app
        .graphql_as(
            &advisor,
            "en",
            "{ myDirectoryEntries { nameJa } }",
            json!({}),
        )
        .await;
    assert_eq!(mine.data()["myDirectoryEntries"][0]["nameJa"], "森 健二");

    let logged = app
        .scalar("SELECT COUNT(*) AS n FROM audit_log WHERE subject_type = 'directory_entry'")
        .await;
    assert_eq!(logged, 3, "created, updated and deactivated");
}

#[tokio::test]
async fn members_edit_their_organisations_entry_but_cannot_certify_it() {
    let app = spawn_app().await;
    let member = app.user(Role::VcMember, &[]).await;
    let outsider = app.user(Role::VcMember, &[]).await;
    let admin = app.user(Role::Admin, &[]).await;
    let (organisation, _) = app.organisation_of(&member).await;
    let input = |certified: bool| {
        json!({
            "nameEn": "Tsubame Ventures", "nameJa": "つばめベンチャーズ",
            "summaryEn": "Seed fund for SaMD.", "summaryJa": "プログラム医療機器に投資するシードファンドです。",
            "domains": ["medical_devices_samd"],
            "vc": { "organisationId": organisation, "certified": certified, "ticketMinYen": 10000000, "ticketMaxYen": 100000000 }
        })
    };
    let self_certified = app
        .graphql_as(
            &member,
            "en",
            CREATE,
            json!({ "kind": "VC", "input": input(true) }),
        )
        .await;
    assert_eq!(
        self_certified.field_errors(),
        vec![("vc.certified".to_owned(), "FORBIDDEN".to_owned())]
    );
    let not_theirs = app
        .graphql_as(
            &outsider,
            "en",
            CREATE,
            json!({ "kind": "VC", "input": input(false) }),
        )
        .await;
    assert_eq!(not_theirs.code(), "FORBIDDEN");

    let created = app
        .graphql_as(
            &member,
            "en",
            CREATE,
            json!({ "kind": "VC", "input": input(false) }),
        )
        .await;
    let id = created.data()["createDirectoryEntry"]["id"].clone();
    // Staff certify it; the member keeps it certified when editing.
    app.graphql_as(
        &admin,
        "en",
        UPDATE,
        json!({ "id": id, "v": 1, "input": input(true) }),
    )
    .await
    .data();
    app.graphql_as(
        &member,
        "en",
        UPDATE,
        json!({ "id": id, "v": 2, "input": input(true) }),
    )
    .await
    .data();
    let as_member = app
        .graphql_as(&member, "en", ENTRY, json!({ "id": id }))
        .await;
    assert_eq!(as_member.data()["directoryEntry"]["vc"]["certified"], true);
    assert_eq!(
        as_member.data()["directoryEntry"]["vc"]["ticketRange"],
        "10,000,000円～100,000,000円",
        "yen as the member's language writes it"
    );
    let reader = app.english_user(Role::Requester, &[]).await;
    let read = app
        .graphql_as(&reader, "en", ENTRY, json!({ "id": id }))
        .await;
    assert_eq!(
        read.data()["directoryEntry"]["vc"]["ticketRange"],
        "¥10,000,000 – ¥100,000,000"
    );
    let outsider_edit = app
        .graphql_as(
            &outsider,
            "en",
            UPDATE,
            json!({ "id": id, "v": 3, "input": input(true) }),
        )
        .await;
    assert_eq!(outsider_edit.code(), "FORBIDDEN");
}

#[tokio::test]
async fn bad_input_is_reported_field_by_field_in_the_readers_language_and_changes_nothing() {
    let app = spawn_app().await;
    let staff = app.user(Role::Staff, &["INNOHUB"]).await;
    let outbox_before = app.count("outbox").await;
    let organisations_before = app.count("organisations").await;

    let programme = app
        .graphql_as(
            &staff,
            "ja",
            CREATE,
            json!({ "kind": "PROGRAMME", "input": {
                "nameEn": "", "nameJa": "実証支援",
                "summaryEn": "x", "summaryJa": "x",
                "domains": ["nonsense"], "services": ["mentoring"],
                "website": "javascript:alert(1)", "contactEmail": "not-an-email",
                "vc": { "certified": false },
                "programme": { "body": "NATIONAL", "bodyNameEn": "METI", "bodyNameJa": "", "opensOn": "2026-10-01", "closesOn": "2026-09-30" }
            }}),
        )
        .await;
    let mut fields = programme.field_errors();
    fields.sort();
    assert_eq!(
        fields,
        vec![
            ("contactEmail".to_owned(), "EMAIL_INVALID".to_owned()),
            ("domains".to_owned(), "UNKNOWN_TERM".to_owned()),
            ("nameEn".to_owned(), "REQUIRED".to_owned()),
            ("programme.bodyNameJa".to_owned(), "REQUIRED".to_owned()),
            ("programme.closesOn".to_owned(), "DATE_INVALID".to_owned()),
            ("services".to_owned(), "NOT_APPLICABLE".to_owned()),
            ("vc".to_owned(), "NOT_APPLICABLE".to_owned()),
            ("website".to_owned(), "URL_INVALID".to_owned()),
        ]
    );
    assert_eq!(
        programme.field_message("website"),
        "https:// または http:// で始まるURLを入力してください。"
    );
    assert_eq!(
        programme.field_message("vc"),
        "この種別には該当しない項目です。"
    );

    let english_staff = app.english_user(Role::Staff, &["INNOHUB"]).await;
    let vc = app
        .graphql_as(
            &english_staff,
            "en",
            CREATE,
            json!({ "kind": "VC", "input": {
                "nameEn": "Range Capital", "nameJa": "レンジキャピタル", "summaryEn": "x", "summaryJa": "x",
                "vc": { "ticketMinYen": 500000000, "ticketMaxYen": 1000000, "portfolioOrganisationIds": [banso::ids::OrganisationId(99_999).to_public().to_string()] }
            }}),
        )
        .await;
    let mut fields = vc.field_errors();
    fields.sort();
    assert_eq!(
        fields,
        vec![
            (
                "vc.portfolioOrganisationIds".to_owned(),
                "UNKNOWN_ORGANISATION".to_owned()
            ),
            ("vc.ticketMaxYen".to_owned(), "MIN_ABOVE_MAX".to_owned()),
        ]
    );
    assert_eq!(
        vc.field_message("vc.ticketMaxYen"),
        "The minimum must not be above the maximum."
    );
    let missing = app
        .graphql_as(
            &staff,
            "en",
            CREATE,
            json!({ "kind": "ADVISOR", "input": { "nameEn": "A", "nameJa": "A", "summaryEn": "x", "summaryJa": "x" } }),
        )
        .await;
    assert_eq!(
        missing.field_errors(),
        vec![("advisor".to_owned(), "DETAILS_REQUIRED".to_owned())]
    );
    let not_advisor = app
        .graphql_as(
            &staff,
            "en",
            CREATE,
            json!({ "kind": "ADVISOR", "input": advisor_input(&staff, 99) }),
        )
        .await;
    let mut fields = not_advisor.field_errors();
    fields.sort();
    assert_eq!(
        fields,
        vec![
            ("advisor.capacity".to_owned(), "OUT_OF_RANGE".to_owned()),
            ("advisor.userId".to_owned(), "USER_NOT_ADVISOR".to_owned()),
        ]
    );

    assert_eq!(app.count("directory_entries").await, 0);
    assert_eq!(app.count("directory_entry_terms").await, 0);
    assert_eq!(app.count("organisations").await, organisations_before);
    assert_eq!(app.count("outbox").await, outbox_before);
}

#[tokio::test]
async fn programmes_say_whether_they_take_applications_today() {
    let app = spawn_app().await;
    let admin = app.english_user(Role::Admin, &[]).await;
    let mut open = Vec::new();
    for (name, opens, closes) in [
        ("Always open", None, None),
        ("Open now", Some("2020-01-01"), Some("2099-12-31")),
        ("Closed", Some("2020-01-01"), Some("2020-12-31")),
        ("Not yet", Some("2099-01-01"), None),
    ] {
        let created = app
            .graphql_as(
                &admin,
                "en",
                CREATE,
                json!({ "kind": "PROGRAMME", "input": {
                    "nameEn": name, "nameJa": name, "summaryEn": "x", "summaryJa": "x",
                    "website": "https://example.go.jp/apply",
                    "programme": { "body": "MUNICIPAL", "bodyNameEn": "Minato City", "bodyNameJa": "港市", "opensOn": opens, "closesOn": closes }
                }}),
            )
            .await;
        let id = created.data()["createDirectoryEntry"]["id"].clone();
        let read = app
            .graphql_as(&admin, "en", ENTRY, json!({ "id": id }))
            .await;
        assert_eq!(
            read.data()["directoryEntry"]["programme"]["bodyLabel"],
            "Local government"
        );
        open.push((
            name,
            read.data()["directoryEntry"]["programme"]["openNow"]
                .as_bool()
                .unwrap(),
        ));
    }
    assert_eq!(
        open,
        vec![
            ("Always open", true),
            ("Open now", true),
            ("Closed", false),
            ("Not yet", false)
        ]
    );
}
