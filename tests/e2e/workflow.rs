//! The consultation workflow over HTTP: every action from every status for every kind of
//! person, allowed or refused with a stable code that changes nothing; and two people
//! editing one case at once.

use banso::auth::Role;
use serde_json::{Value, json};

use crate::helpers::{Case, TestApp, TestUser, spawn_app};

const TRANSITION: &str = "mutation($input: TransitionConsultationInput!) { transitionConsultation(input: $input) { status resolution version } }";
const UPDATE: &str = "mutation($input: UpdateConsultationInput!) { updateConsultation(input: $input) { version priority } }";
const ASSIGN: &str =
    "mutation($input: AssignConsultationInput!) { assignConsultation(input: $input) { version } }";

const STATUSES: [&str; 5] = [
    "RECEIVED",
    "TRIAGED",
    "IN_PROGRESS",
    "WAITING_ON_REQUESTER",
    "CLOSED",
];
const ACTIONS: [&str; 7] = [
    "TRIAGE",
    "START",
    "WAIT_FOR_REQUESTER",
    "RESUME",
    "CLOSE",
    "WITHDRAW",
    "REOPEN",
];

#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Requester,
    Advisor,
    Assignee,
    Staff,
    OtherDeskStaff,
    Admin,
}

struct People {
    requester: TestUser,
    advisor: TestUser,
    assignee: TestUser,
    staff: TestUser,
    other_desk_staff: TestUser,
    admin: TestUser,
}

impl People {
    fn get(&self, who: Who) -> &TestUser {
        match who {
            Who::Requester => &self.requester,
            Who::Advisor => &self.advisor,
            Who::Assignee => &self.assignee,
            Who::Staff => &self.staff,
            Who::OtherDeskStaff => &self.other_desk_staff,
            Who::Admin => &self.admin,
        }
    }
}

async fn transition(app: &TestApp, user: &TestUser, id: &str, action: &str) -> crate::helpers::Gql {
    let version = app.version_of(id).await;
    let mut input = json!({ "id": id, "version": version, "action": action });
    if action == "CLOSE" {
        input["resolution"] = json!("RESOLVED");
    }
    if action == "WAIT_FOR_REQUESTER" {
        input["message"] = json!("Could you tell us the intended use?");
    }
    app.graphql_as(user, "en", TRANSITION, json!({ "input": input }))
        .await
}

/// A consultation at MEDISO, assigned to `people.assignee`, brought to `status`.
async fn case_in(app: &TestApp, people: &People, status: &str) -> Case {
    let case = app
        .file(&people.requester, "medical_devices_samd", json!({}))
        .await;
    app.graphql_as(
        &people.staff,
        "en",
        ASSIGN,
        json!({ "input": { "id": case.id, "version": case.version, "assigneeId": people.assignee.id } }),
    )
    .await
    .data();
    let path: &[&str] = match status {
        "RECEIVED" => &[],
        "TRIAGED" => &["TRIAGE"],
        "IN_PROGRESS" => &["TRIAGE", "START"],
        "WAITING_ON_REQUESTER" => &["TRIAGE", "START", "WAIT_FOR_REQUESTER"],
        _ => &["TRIAGE", "START", "CLOSE"],
    };
    for action in path {
        transition(app, &people.staff, &case.id, action)
            .await
            .data();
    }
    case
}

/// Where the action leads, or the code it is refused with (the table in workflow.rs).
fn expected(
    who: Who,
    action: &str,
    status: &str,
) -> Result<(&'static str, Option<&'static str>), &'static str> {
    if who == Who::OtherDeskStaff {
        return Err("NOT_FOUND");
    }
    let staff = matches!(who, Who::Staff | Who::Admin);
    let permitted = match action {
        "TRIAGE" => matches!(who, Who::Advisor | Who::Assignee) || staff,
        "START" | "WAIT_FOR_REQUESTER" | "RESUME" | "CLOSE" => who == Who::Assignee || staff,
        "WITHDRAW" => who == Who::Requester,
        _ => staff,
    };
    if !permitted {
        return Err("FORBIDDEN");
    }
    match (action, status) {
        ("TRIAGE", "RECEIVED") => Ok(("TRIAGED", None)),
        ("START", "TRIAGED") | ("RESUME", "WAITING_ON_REQUESTER") => Ok(("IN_PROGRESS", None)),
        ("WAIT_FOR_REQUESTER", "IN_PROGRESS") => Ok(("WAITING_ON_REQUESTER", None)),
        ("CLOSE", s) if s != "CLOSED" => Ok(("CLOSED", Some("RESOLVED"))),
        ("WITHDRAW", s) if s != "CLOSED" => Ok(("CLOSED", Some("WITHDRAWN"))),
        ("REOPEN", "CLOSED") => Ok(("IN_PROGRESS", None)),
        _ => Err("INVALID_TRANSITION"),
    }
}

#[tokio::test]
async fn every_action_from_every_status_for_everyone() {
    let app = spawn_app().await;
    let people = People {
        requester: app.user(Role::Requester, &[]).await,
        advisor: app.user(Role::Advisor, &["MEDISO"]).await,
        assignee: app.user(Role::Advisor, &["MEDISO"]).await,
        staff: app.user(Role::Staff, &["MEDISO"]).await,
        other_desk_staff: app.user(Role::Staff, &["INNOHUB"]).await,
        admin: app.user(Role::Admin, &[]).await,
    };
    let everyone = [
        Who::Requester,
        Who::Advisor,
        Who::Assignee,
        Who::Staff,
        Who::OtherDeskStaff,
        Who::Admin,
    ];
    let (mut allowed, mut refused) = (0, 0);
    for status in STATUSES {
        let shared = case_in(&app, &people, status).await;
        for action in ACTIONS {
            for who in everyone {
                let user = people.get(who);
                match expected(who, action, status) {
                    Ok((to, resolution)) => {
                        let fresh = case_in(&app, &people, status).await;
                        let done = transition(&app, user, &fresh.id, action).await;
                        let result = &done.data()["transitionConsultation"];
                        assert_eq!(result["status"], to, "{action} from {status} as {who:?}");
                        assert_eq!(
                            result["resolution"].as_str(),
                            resolution,
                            "{action} from {status} as {who:?}"
                        );
                        allowed += 1;
                    }
                    Err(code) => {
                        let version = app.version_of(&shared.id).await;
                        let events = app.count("consultation_events").await;
                        let done = transition(&app, user, &shared.id, action).await;
                        assert_eq!(
                            done.code(),
                            code,
                            "{action} from {status} as {who:?}: {}",
                            done.body
                        );
                        assert_eq!(app.version_of(&shared.id).await, version, "unchanged");
                        assert_eq!(app.count("consultation_events").await, events);
                        refused += 1;
                    }
                }
            }
        }
    }
    assert_eq!(allowed, 31);
    assert_eq!(
        allowed + refused,
        STATUSES.len() * ACTIONS.len() * everyone.len()
    );
}

#[tokio::test]
async fn transitions_check_their_inputs() {
    let app = spawn_app().await;
    let requester = app.english_user(Role::Requester, &[]).await;
    let staff = app.english_user(Role::Staff, &["CARISO"]).await;
    let case = app.file(&requester, "care_tech", json!({})).await;
    transition(&app, &staff, &case.id, "TRIAGE").await.data();

    let start = transition(&app, &staff, &case.id, "START").await;
    assert_eq!(start.code(), "ASSIGNEE_REQUIRED");
    assert_eq!(
        start.message(),
        "Assign someone to the consultation before starting work on it."
    );
    let version = app.version_of(&case.id).await;
    for (input, field, code) in [
        (json!({ "action": "CLOSE" }), "resolution", "REQUIRED"),
        (
            json!({ "action": "CLOSE", "resolution": "WITHDRAWN" }),
            "resolution",
            "RESOLUTION_NOT_ALLOWED",
        ),
        (
            json!({ "action": "START", "resolution": "RESOLVED" }),
            "resolution",
            "RESOLUTION_NOT_ALLOWED",
        ),
        (
            json!({ "action": "WAIT_FOR_REQUESTER" }),
            "message",
            "REQUIRED",
        ),
        (
            json!({ "action": "WAIT_FOR_REQUESTER", "message": "   " }),
            "message",
            "REQUIRED",
        ),
    ] {
        let mut input = input;
        input["id"] = json!(case.id);
        input["version"] = json!(version);
        let refused = app
            .graphql_as(&staff, "en", TRANSITION, json!({ "input": input }))
            .await;
        assert_eq!(
            refused.field_errors(),
            [(field.to_owned(), code.to_owned())],
            "{input}"
        );
    }
    assert_eq!(app.version_of(&case.id).await, version);

    // Closed cases take no more edits until staff reopen them.
    transition(&app, &staff, &case.id, "CLOSE").await.data();
    let version = app.version_of(&case.id).await;
    let edit = app
        .graphql_as(
            &staff,
            "en",
            UPDATE,
            json!({ "input": { "id": case.id, "version": version, "priority": "HIGH" } }),
        )
        .await;
    assert_eq!(edit.code(), "CONSULTATION_CLOSED");
    let reply = app
        .graphql_as(
            &requester,
            "en",
            "mutation($id: ID!) { postConsultationMessage(input: {consultationId: $id, body: \"one more thing\"}) { status } }",
            json!({ "id": case.id }),
        )
        .await;
    assert_eq!(reply.code(), "CONSULTATION_CLOSED");
    let reopened = transition(&app, &staff, &case.id, "REOPEN").await;
    assert_eq!(
        reopened.data()["transitionConsultation"]["status"],
        "TRIAGED"
    );
}

#[tokio::test]
async fn the_second_of_two_edits_on_the_same_version_is_refused() {
    let app = spawn_app().await;
    let requester = app.user(Role::Requester, &[]).await;
    let first = app.english_user(Role::Staff, &["INNOHUB"]).await;
    let second = app.english_user(Role::Advisor, &["INNOHUB"]).await;
    let case = app.file(&requester, "healthcare_services", json!({})).await;
    let domain = app.term_id("medical_dx_ai").await;

    // Both read version 1; the first saves, the second is told, and nothing of theirs lands.
    let saved = app
        .graphql_as(
            &first,
            "en",
            UPDATE,
            json!({ "input": { "id": case.id, "version": case.version, "priority": "HIGH" } }),
        )
        .await;
    assert_eq!(saved.data()["updateConsultation"]["priority"], "HIGH");
    for input in [
        json!({ "id": case.id, "version": case.version, "priority": "LOW", "domainId": domain }),
        json!({ "id": case.id, "version": case.version, "action": "TRIAGE" }),
    ] {
        let query = if input.get("action").is_some() {
            TRANSITION
        } else {
            UPDATE
        };
        let conflict = app
            .graphql_as(&second, "en", query, json!({ "input": input }))
            .await;
        assert_eq!(conflict.code(), "EDIT_CONFLICT");
        assert!(
            conflict
                .message()
                .starts_with("Someone else changed this record")
        );
    }
    let read = app
        .consultation(&first, &case.id, "version priority status domain { code }")
        .await;
    assert_eq!(
        read.data()["consultation"],
        json!({ "version": 2, "priority": "HIGH", "status": "RECEIVED", "domain": { "code": "healthcare_services" } })
    );

    // At the very same moment: exactly one of many wins.
    let version = app.version_of(&case.id).await;
    let attempts = ["LOW", "NORMAL", "URGENT", "LOW", "NORMAL", "URGENT"].map(|priority| {
        app.graphql_as(
            &first,
            "en",
            UPDATE,
            json!({ "input": { "id": case.id, "version": version, "priority": priority } }),
        )
    });
    let results = futures::future::join_all(attempts).await;
    let codes: Vec<Option<String>> = results
        .iter()
        .map(|r| {
            r.body["errors"][0]["extensions"]["code"]
                .as_str()
                .map(str::to_owned)
        })
        .collect();
    let won = codes.iter().filter(|c| c.is_none()).count();
    assert_eq!(won, 1, "{codes:?}");
    assert!(
        codes.iter().flatten().all(|code| code == "EDIT_CONFLICT"),
        "{codes:?}"
    );
    assert_eq!(
        app.version_of(&case.id).await,
        version + 1,
        "one change landed"
    );
}

#[tokio::test]
async fn messages_do_not_conflict_with_edits() {
    let app = spawn_app().await;
    let requester = app.user(Role::Requester, &[]).await;
    let staff = app.user(Role::Staff, &["MEDISO"]).await;
    let case = app.file(&requester, "medical_dx_ai", json!({})).await;
    let wrote: Value = app
        .graphql_as(
            &staff,
            "ja",
            "mutation($id: ID!) { postConsultationMessage(input: {consultationId: $id, body: \"ご相談ありがとうございます。\"}) { version sla { state } } }",
            json!({ "id": case.id }),
        )
        .await
        .data()["postConsultationMessage"]
        .clone();
    assert_eq!(wrote["version"], case.version, "a message is not an edit");
    assert_eq!(
        wrote["sla"]["state"], "MET",
        "the first message answers the requester"
    );
    let edited = app
        .graphql_as(
            &staff,
            "ja",
            UPDATE,
            json!({ "input": { "id": case.id, "version": case.version, "priority": "URGENT" } }),
        )
        .await;
    assert_eq!(edited.data()["updateConsultation"]["priority"], "URGENT");
}
