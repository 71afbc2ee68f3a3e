//! The harness: each test gets the real server on a free port, against its own fresh
//! database (a temporary SQLite file, or a UUID-named PostgreSQL database when
//! `BANSO_TEST_DATABASE_URL` names a server), with outgoing mail captured.

use std::{
    collections::HashMap,
    path::{Path, PathBuf},
    time::Duration,
};

use banso::{
    accounts::OrganisationKind,
    accounts::service::{self as accounts, Invite, OrganisationChoice},
    auth::{Actor, Role},
    config::{Settings, Sources},
    consultations::{
        Confidentiality, ConsultationKind,
        service::{self, NewConsultation, Occasion},
    },
    i18n::Locale,
    ids::DeskId,
    notify::outbox::{self, Status},
    startup::Application,
    state::AppState,
};
use sea_orm::{ConnectionTrait, Database, Statement};
use serde_json::{Value, json};
use tempfile::TempDir;
use tokio::sync::oneshot;

pub const PASSWORD: &str = "correct horse battery staple";

pub struct TestApp {
    pub address: String,
    pub state: AppState,
    pub data_dir: TempDir,
    pub client: reqwest::Client,
    /// The server runs until this is dropped with the `TestApp`.
    _stop: oneshot::Sender<()>,
    _server: tokio::task::JoinHandle<anyhow::Result<()>>,
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// Starts the server with settings adjusted by `configure`.
pub async fn spawn_app_with(configure: impl FnOnce(&mut HashMap<String, String>)) -> TestApp {
    let data_dir = tempfile::tempdir().expect("temporary folder");
    let mut env: HashMap<String, String> = [
        ("BANSO_SERVER__PORT", "0"),
        (
            "BANSO_DATA_DIR",
            data_dir.path().to_str().expect("utf-8 path"),
        ),
        ("BANSO_WORKER__POLL_INTERVAL_MS", "25"),
        ("BANSO_WORKER__BACKOFF_BASE_SECS", "1"),
        ("BANSO_DEMO__LOAD_ON_START", "false"),
        ("BANSO_LOG__LEVEL", "warn"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    if let Some(url) = test_database().await {
        env.insert("DATABASE_URL".into(), url);
    }
    configure(&mut env);
    let settings = Settings::load(&Sources { file: None, env }).expect("test settings");
    if std::env::var_os("BANSO_TEST_LOG").is_some() {
        banso::telemetry::init(&settings.log);
    }
    let app = Application::build(settings)
        .await
        .expect("the application starts");
    let address = format!("http://127.0.0.1:{}", app.port());
    let state = app.state().clone();
    let (stop, stopped) = oneshot::channel::<()>();
    let server = tokio::spawn(app.run_until_stopped(async {
        let _ = stopped.await;
    }));
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .expect("client");
    TestApp {
        address,
        state,
        data_dir,
        client,
        _stop: stop,
        _server: server,
    }
}

/// A fresh PostgreSQL database when `BANSO_TEST_DATABASE_URL` is set (it names a database
/// on the server to connect to for creating others), else `None` for SQLite.
async fn test_database() -> Option<String> {
    let admin_url = std::env::var("BANSO_TEST_DATABASE_URL")
        .ok()
        .filter(|url| !url.is_empty())?;
    let name = format!("banso_test_{}", uuid::Uuid::new_v4().simple());
    let admin = Database::connect(&admin_url)
        .await
        .expect("the test PostgreSQL server answers");
    admin
        .execute_raw(Statement::from_string(
            admin.get_database_backend(),
            format!("CREATE DATABASE {name}"),
        ))
        .await
        .expect("test database created");
    let _ = admin.close().await;
    let base = admin_url
        .rsplit_once('/')
        .map(|(base, _)| base)
        .unwrap_or(&admin_url);
    Some(format!("{base}/{name}"))
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// A GraphQL request as nobody, with no language preference.
    pub async fn graphql(&self, query: &str, variables: Value) -> Gql {
        self.request(None, None, query, variables).await
    }

    /// A GraphQL request with a session token and an `Accept-Language`.
    pub async fn graphql_as(
        &self,
        user: &TestUser,
        locale: &str,
        query: &str,
        variables: Value,
    ) -> Gql {
        self.request(Some(&user.token), Some(locale), query, variables)
            .await
    }

    pub async fn request(
        &self,
        token: Option<&str>,
        locale: Option<&str>,
        query: &str,
        variables: Value,
    ) -> Gql {
        let mut request = self
            .client
            .post(self.url("/graphql"))
            .json(&json!({ "query": query, "variables": variables }));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(locale) = locale {
            request = request.header("accept-language", locale);
        }
        let response = request.send().await.expect("the server answers");
        Gql::read(response).await
    }

    /// Creates a confirmed account directly and logs it in over the API.
    pub async fn user(&self, role: Role, desks: &[&str]) -> TestUser {
        let email = format!(
            "{}-{}@example.jp",
            role_word(role),
            &uuid::Uuid::new_v4().simple().to_string()[..10]
        );
        self.user_with_email(role, desks, &email, Locale::Ja).await
    }

    /// Like [`TestApp::user`], for someone who reads English.
    pub async fn english_user(&self, role: Role, desks: &[&str]) -> TestUser {
        let email = format!(
            "{}-{}@example.jp",
            role_word(role),
            &uuid::Uuid::new_v4().simple().to_string()[..10]
        );
        self.user_with_email(role, desks, &email, Locale::En).await
    }

    pub async fn user_with_email(
        &self,
        role: Role,
        desks: &[&str],
        email: &str,
        locale: Locale,
    ) -> TestUser {
        let mut desk_ids = Vec::new();
        for code in desks {
            let desk = banso::desks::service::find_by_code(&self.state, code)
                .await
                .expect("desk lookup")
                .expect("seeded desk");
            desk_ids.push(DeskId(desk.id));
        }
        let organisation = match role {
            Role::Requester => Some(("Startup", OrganisationKind::Startup)),
            Role::SupporterMember => Some(("Supporter", OrganisationKind::Supporter)),
            Role::VcMember => Some(("Ventures", OrganisationKind::Vc)),
            Role::Advisor | Role::Staff | Role::Admin => None,
        }
        .map(|(name, kind)| OrganisationChoice::New {
            name: format!("{name} {}", &uuid::Uuid::new_v4().simple().to_string()[..6]),
            kind,
            country_code: "JP".into(),
        });
        let invite = Invite {
            email: email.to_owned(),
            display_name: format!("Test {}", role_word(role)),
            role,
            locale,
            desk_ids,
            organisation,
        };
        let user = accounts::create_confirmed_user(&self.state, &Actor::System, invite, PASSWORD)
            .await
            .expect("user created");
        let token = self.login(email, PASSWORD).await;
        TestUser {
            id: banso::ids::UserId(user.id).to_public().to_string(),
            email: email.to_owned(),
            token,
        }
    }

    /// The id and name of the user's organisation, read over the API.
    pub async fn organisation_of(&self, user: &TestUser) -> (String, String) {
        let me = self
            .graphql_as(user, "en", "{ me { organisation { id name } } }", json!({}))
            .await;
        let organisation = &me.data()["me"]["organisation"];
        (
            organisation["id"].as_str().expect("an id").to_owned(),
            organisation["name"].as_str().expect("a name").to_owned(),
        )
    }

    /// Logs in over the API and returns the session token.
    pub async fn login(&self, email: &str, password: &str) -> String {
        let response = self
            .graphql(
                "mutation($email: String!, $password: String!) { login(input: {email: $email, password: $password}) { token } }",
                json!({ "email": email, "password": password }),
            )
            .await;
        response.data()["login"]["token"]
            .as_str()
            .expect("a session token")
            .to_owned()
    }

    /// Waits until the worker has handled every queued email (bounded), then reads what it
    /// wrote, oldest first.
    pub async fn sent_emails(&self) -> Vec<Email> {
        self.wait_for_outbox().await;
        read_mail_dir(&self.data_dir.path().join("mail"))
    }

    pub async fn wait_for_outbox(&self) {
        for _ in 0..400 {
            if outbox::count_with_status(&self.state.db, Status::Pending)
                .await
                .expect("outbox count")
                == 0
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        panic!("the outbox did not drain within 10 seconds");
    }

    pub async fn count(&self, table: &str) -> i64 {
        let backend = self.state.db.get_database_backend();
        let row = self
            .state
            .db
            .query_one_raw(Statement::from_string(
                backend,
                format!("SELECT COUNT(*) AS n FROM {table}"),
            ))
            .await
            .expect("count")
            .expect("a row");
        row.try_get::<i64>("", "n").expect("a number")
    }

    pub async fn execute(&self, sql: &str) {
        let backend = self.state.db.get_database_backend();
        self.state
            .db
            .execute_raw(Statement::from_string(backend, sql.to_owned()))
            .await
            .expect("statement runs");
    }
}

fn role_word(role: Role) -> &'static str {
    match role {
        Role::Requester => "requester",
        Role::Advisor => "advisor",
        Role::SupporterMember => "supporter",
        Role::VcMember => "vc",
        Role::Staff => "staff",
        Role::Admin => "admin",
    }
}

pub struct TestUser {
    pub id: String,
    pub email: String,
    pub token: String,
}

/// What tests need to know of a consultation to act on it.
#[derive(Debug, Clone)]
pub struct Case {
    pub id: String,
    pub reference: String,
    pub version: i64,
}

pub const FILE_CONSULTATION: &str = "mutation($input: FileConsultationInput!) { fileConsultation(input: $input) { id reference version status desk { code } } }";

impl TestApp {
    /// The public id of a desk, by code.
    pub async fn desk_id(&self, code: &str) -> String {
        let desks = self.graphql("{ desks { id code } }", json!({})).await;
        desks.data()["desks"]
            .as_array()
            .expect("desks")
            .iter()
            .find(|d| d["code"] == code)
            .and_then(|d| d["id"].as_str())
            .unwrap_or_else(|| panic!("no desk {code}"))
            .to_owned()
    }

    /// The public id of a taxonomy term, by code (codes are unique within a kind, and the
    /// seeded ones across kinds too, except where noted).
    pub async fn term_id(&self, code: &str) -> String {
        let terms = self
            .graphql("{ taxonomy(includeInactive: true) { id code } }", json!({}))
            .await;
        terms.data()["taxonomy"]
            .as_array()
            .expect("terms")
            .iter()
            .find(|t| t["code"] == code)
            .and_then(|t| t["id"].as_str())
            .unwrap_or_else(|| panic!("no term {code}"))
            .to_owned()
    }

    /// Another requester of the same organisation as `user`.
    pub async fn colleague_of(&self, user: &TestUser) -> TestUser {
        let existing = accounts::find_by_email(&self.state.db, &user.email)
            .await
            .expect("lookup")
            .expect("the user exists");
        let email = format!(
            "colleague-{}@example.jp",
            &uuid::Uuid::new_v4().simple().to_string()[..10]
        );
        let invite = Invite {
            email: email.clone(),
            display_name: "Test colleague".into(),
            role: Role::Requester,
            locale: Locale::Ja,
            desk_ids: Vec::new(),
            organisation: Some(OrganisationChoice::Existing(banso::ids::OrganisationId(
                existing.organisation_id.expect("an organisation"),
            ))),
        };
        let created =
            accounts::create_confirmed_user(&self.state, &Actor::System, invite, PASSWORD)
                .await
                .expect("colleague created");
        let token = self.login(&email, PASSWORD).await;
        TestUser {
            id: banso::ids::UserId(created.id).to_public().to_string(),
            email,
            token,
        }
    }

    /// The user as the service sees them, for calling services directly.
    pub async fn actor_of(&self, user: &TestUser) -> Actor {
        let model = accounts::find_by_email(&self.state.db, &user.email)
            .await
            .expect("lookup")
            .expect("the user exists");
        Actor::User(
            banso::auth::sessions::viewer_of(&self.state.db, &model, None)
                .await
                .expect("a viewer"),
        )
    }

    /// Files a consultation in the domain `domain` (a code), stage `clinical`, in Japanese;
    /// `extra` overrides or adds input fields.
    pub async fn file(&self, requester: &TestUser, domain: &str, extra: Value) -> Case {
        let mut input = json!({
            "title": "臨床試験の進め方について",
            "description": "SaMDの治験計画について相談したいです。",
            "domainId": self.term_id(domain).await,
            "stageId": self.term_id("clinical").await,
            "preferredLocale": "JA",
        });
        if let (Some(input), Some(extra)) = (input.as_object_mut(), extra.as_object()) {
            for (key, value) in extra {
                input.insert(key.clone(), value.clone());
            }
        }
        let filed = self
            .graphql_as(
                requester,
                "ja",
                FILE_CONSULTATION,
                json!({ "input": input }),
            )
            .await;
        let case = &filed.data()["fileConsultation"];
        Case {
            id: case["id"].as_str().expect("an id").to_owned(),
            reference: case["reference"].as_str().expect("a reference").to_owned(),
            version: case["version"].as_i64().expect("a version"),
        }
    }

    /// Files a consultation through the service as if at `at` (stage `clinical`, Japanese,
    /// no email): for due dates and fiscal years at chosen moments.
    pub async fn file_at(
        &self,
        requester: &TestUser,
        domain: &str,
        title: &str,
        at: chrono::DateTime<chrono::Utc>,
    ) -> banso::entity::consultations::Model {
        let term = |id: String| {
            banso::ids::TaxonomyTermId::from_public(&async_graphql::ID(id)).expect("a term id")
        };
        let input = NewConsultation {
            kind: ConsultationKind::Consultation,
            title: title.to_owned(),
            description: "日時を指定した相談".to_owned(),
            domain_id: term(self.term_id(domain).await),
            stage_id: term(self.term_id("clinical").await),
            topic_ids: Vec::new(),
            preferred_locale: Locale::Ja,
            overseas: None,
            confidentiality: Confidentiality::Standard,
            shared_fields: Vec::new(),
            corporate_number: None,
            competitors: Vec::new(),
        };
        let actor = self.actor_of(requester).await;
        service::file(&self.state, &actor, input, Occasion { at, notify: false })
            .await
            .expect("filed")
    }

    /// The consultation as `user` reads it: the fields asked for, or the error.
    pub async fn consultation(&self, user: &TestUser, id: &str, fields: &str) -> Gql {
        self.graphql_as(
            user,
            "en",
            &format!("query($id: ID!) {{ consultation(id: $id) {{ {fields} }} }}"),
            json!({ "id": id }),
        )
        .await
    }

    /// The current version of a consultation, read straight from the database.
    pub async fn version_of(&self, id: &str) -> i64 {
        let id = banso::ids::ConsultationId::from_public(&async_graphql::ID(id.to_owned()))
            .expect("a consultation id");
        self.scalar(&format!(
            "SELECT version AS n FROM consultations WHERE id = {}",
            id.0
        ))
        .await
    }

    /// A single number from SQL.
    pub async fn scalar(&self, sql: &str) -> i64 {
        let backend = self.state.db.get_database_backend();
        let row = self
            .state
            .db
            .query_one_raw(Statement::from_string(backend, sql.to_owned()))
            .await
            .expect("query")
            .expect("a row");
        row.try_get::<i64>("", "n")
            .or_else(|_| row.try_get::<i32>("", "n").map(i64::from))
            .expect("a number")
    }
}

/// A GraphQL answer: the HTTP status and the JSON body.
#[derive(Debug)]
pub struct Gql {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
}

impl Gql {
    pub async fn read(response: reqwest::Response) -> Gql {
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let text = response.text().await.expect("a body");
        let body =
            serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON ({status}): {text}"));
        Gql {
            status,
            headers,
            body,
        }
    }

    /// The data, asserting there were no errors.
    pub fn data(&self) -> &Value {
        assert!(
            self.body.get("errors").is_none(),
            "unexpected errors: {}",
            self.body
        );
        &self.body["data"]
    }

    /// The first error's code.
    pub fn code(&self) -> &str {
        self.body["errors"][0]["extensions"]["code"]
            .as_str()
            .unwrap_or_else(|| panic!("no error code in {}", self.body))
    }

    pub fn message(&self) -> &str {
        self.body["errors"][0]["message"]
            .as_str()
            .unwrap_or_default()
    }

    /// `(field, code)` of each field error of a VALIDATION_FAILED error.
    pub fn field_errors(&self) -> Vec<(String, String)> {
        assert_eq!(self.code(), "VALIDATION_FAILED", "{}", self.body);
        self.body["errors"][0]["extensions"]["fields"]
            .as_array()
            .expect("fields")
            .iter()
            .map(|f| {
                (
                    f["field"].as_str().unwrap_or("").to_owned(),
                    f["code"].as_str().unwrap_or("").to_owned(),
                )
            })
            .collect()
    }

    pub fn field_message(&self, field: &str) -> String {
        self.body["errors"][0]["extensions"]["fields"]
            .as_array()
            .expect("fields")
            .iter()
            .find(|f| f["field"] == field)
            .and_then(|f| f["message"].as_str())
            .unwrap_or_default()
            .to_owned()
    }
}

/// An email as the recipient would read it.
#[derive(Debug, Clone)]
pub struct Email {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub language: String,
    pub message_id: String,
}

impl Email {
    pub fn parse(raw: &[u8]) -> Email {
        let message = mail_parser::MessageParser::default()
            .parse(raw)
            .expect("a MIME message");
        let to = message
            .to()
            .and_then(|to| to.first())
            .and_then(|address| address.address())
            .unwrap_or_default()
            .to_owned();
        let language = message
            .header_raw("Content-Language")
            .map(|value| value.trim().to_owned())
            .unwrap_or_default();
        Email {
            to,
            subject: message.subject().unwrap_or_default().to_owned(),
            text: message
                .body_text(0)
                .map(|t| t.into_owned())
                .unwrap_or_default(),
            html: message
                .body_html(0)
                .map(|t| t.into_owned())
                .unwrap_or_default(),
            language,
            message_id: message.message_id().unwrap_or_default().to_owned(),
        }
    }

    /// The first link to `path` in the text, e.g. `/verify-email`.
    pub fn link(&self, path: &str) -> String {
        self.text
            .split_whitespace()
            .find(|word| word.contains(path) && word.starts_with("http"))
            .unwrap_or_else(|| panic!("no {path} link in: {}", self.text))
            .trim_end_matches([')', '.', '）'])
            .to_owned()
    }

    /// The `token` query parameter of the first link to `path`.
    pub fn token(&self, path: &str) -> String {
        let link = self.link(path);
        link.split("token=").nth(1).expect("a token").to_owned()
    }
}

pub fn read_mail_dir(dir: &Path) -> Vec<Email> {
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "eml"))
            .collect(),
        Err(_) => Vec::new(),
    };
    files.sort();
    files
        .iter()
        .map(|path| Email::parse(&std::fs::read(path).expect("readable mail")))
        .collect()
}

/// The emails sent to one address.
/// Runs `query` as `user` in English and returns the first field of the data, asserting
/// there were no errors.
pub async fn first_field(app: &TestApp, user: &TestUser, query: &str, variables: Value) -> Value {
    let done = app.graphql_as(user, "en", query, variables).await;
    done.data()
        .as_object()
        .expect("an object of data")
        .values()
        .next()
        .expect("a field")
        .clone()
}

pub fn to<'a>(emails: &'a [Email], address: &str) -> Vec<&'a Email> {
    emails.iter().filter(|email| email.to == address).collect()
}
