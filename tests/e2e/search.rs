//! The directory search behaviour suite. Every test runs against the embedded engine, and
//! also against Meilisearch when `BANSO_TEST_MEILI_URL` (and `BANSO_TEST_MEILI_KEY`) name a
//! running server; each app gets its own index prefix. The outage test starts and kills its
//! own Meilisearch, from the binary `BANSO_TEST_MEILI_BIN` names.

use std::{
    collections::{BTreeMap, BTreeSet},
    process::{Child, Command, Stdio},
    time::Duration,
};

use banso::auth::Role;
use serde_json::{Value, json};

use crate::helpers::{TestApp, TestUser, spawn_app_with};

#[derive(Debug, Clone)]
enum Engine {
    Embedded,
    Meilisearch { url: String, key: String },
}

fn engines() -> Vec<Engine> {
    let mut engines = vec![Engine::Embedded];
    if let Ok(url) = std::env::var("BANSO_TEST_MEILI_URL")
        && !url.is_empty()
    {
        engines.push(Engine::Meilisearch {
            url,
            key: std::env::var("BANSO_TEST_MEILI_KEY").unwrap_or_default(),
        });
    }
    engines
}

async fn app_on(engine: &Engine) -> TestApp {
    let engine = engine.clone();
    spawn_app_with(move |env| {
        if let Engine::Meilisearch { url, key } = engine {
            env.insert("MEILI_URL".into(), url);
            env.insert("MEILI_MASTER_KEY".into(), key);
            env.insert(
                "BANSO_SEARCH__INDEX_PREFIX".into(),
                format!("test{}", &uuid::Uuid::new_v4().simple().to_string()[..12]),
            );
        }
        env.insert("BANSO_WORKER__BACKOFF_MAX_SECS".into(), "2".into());
    })
    .await
}

const CREATE: &str = "mutation($kind: DirectoryKind!, $input: DirectoryEntryInput!) { createDirectoryEntry(kind: $kind, input: $input) { id version } }";

const SEARCH: &str = "query($input: DirectorySearchInput!) { directorySearch(input: $input) { totalCount pageCount hits { entry { id nameEn } score explanation highlights { field locale segments { text highlighted } } } facets { kinds { kind count } domains { term { code } count } services { term { code } count } overseas certified } } }";

/// A small directory whose entries each exercise one behaviour; returns name → id.
async fn fixture(app: &TestApp, admin: &TestUser) -> BTreeMap<&'static str, String> {
    let advisor = app.user(Role::Advisor, &["MEDISO"]).await;
    let entries: Vec<(&str, &str, Value)> = vec![
        (
            "shirube",
            "SUPPORTER",
            json!({
                "nameEn": "Shirube Consulting KK", "nameJa": "株式会社しるべ薬事コンサルティング",
                "summaryEn": "We prepare PMDA consultations and approval applications for device makers.",
                "summaryJa": "PMDA対面助言の準備と薬事申請を支援します。",
                "domains": ["medical_devices_samd"], "languages": ["ja", "en"], "regions": ["kanto"],
                "services": ["mentoring"],
                "supporter": { "supporterType": "CONSULTANCY" }
            }),
        ),
        (
            "whitfield",
            "ADVISOR",
            json!({
                "nameEn": "Grace Whitfield", "nameJa": "グレース・ウィットフィールド",
                "summaryEn": "Former reviewer with twenty years in regulatory affairs for cardiovascular devices.",
                "summaryJa": "循環器領域の医療機器の審査経験を持つ元審査官です。",
                "domains": ["medical_devices_samd"], "languages": ["en"], "regions": ["north_america"],
                "advisor": { "userId": advisor.id, "capacity": 3 }
            }),
        ),
        (
            "aozora",
            "VC",
            json!({
                "nameEn": "Aozora Test Capital", "nameJa": "あおぞらテストキャピタル",
                "summaryEn": "Seed investor in drug discovery.", "summaryJa": "創薬スタートアップへのシード投資を行います。",
                "domains": ["bio_regenerative"], "stages": ["basic_research"],
                "vc": { "certified": true, "ticketMinYen": 30000000, "ticketMaxYen": 300000000 }
            }),
        ),
        (
            "harbor",
            "VC",
            json!({
                "nameEn": "Harbor Test Ventures", "nameJa": "ハーバー・テスト・ベンチャーズ",
                "summaryEn": "Boston fund for care robotics.", "summaryJa": "ボストンの介護ロボット特化ファンドです。",
                "domains": ["care_tech"], "overseas": true,
                "vc": { "certified": false }
            }),
        ),
        (
            "digital",
            "PROGRAMME",
            json!({
                "nameEn": "Digital Health Demonstration Support", "nameJa": "デジタルヘルス実証支援事業",
                "summaryEn": "Hands-on support for startups testing their services in hospitals.",
                "summaryJa": "デジタルヘルスのスタートアップによる医療機関での実証を伴走支援します。",
                "domains": ["medical_dx_ai"],
                "programme": { "body": "NATIONAL", "bodyNameEn": "Ministry of Health, Labour and Welfare", "bodyNameJa": "厚生労働省", "opensOn": "2020-04-01", "closesOn": "2099-03-31" }
            }),
        ),
        (
            "robot",
            "PROGRAMME",
            json!({
                "nameEn": "Care Robot Introduction Subsidy", "nameJa": "介護ロボット導入支援補助金",
                "summaryEn": "Subsidises care operators that introduce robots.", "summaryJa": "介護ロボットを導入する介護事業者を補助します。",
                "domains": ["care_tech"],
                "programme": { "body": "MUNICIPAL", "bodyNameEn": "Minato City", "bodyNameJa": "港市", "opensOn": "2020-04-01", "closesOn": "2021-03-31" }
            }),
        ),
        (
            "kanda",
            "SUPPORTER",
            json!({
                "nameEn": "Kanda Healthtech Accelerator", "nameJa": "神田ヘルステック・アクセラレーター",
                "summaryEn": "A six-month programme with mentors from hospitals.", "summaryJa": "医療機関出身のメンターによる6か月のプログラムです。",
                "domains": ["healthcare_services"], "services": ["mentoring"],
                "supporter": { "supporterType": "ACCELERATOR" }
            }),
        ),
        (
            "hidden",
            "SUPPORTER",
            json!({
                "nameEn": "Hidden Regulatory Lab", "nameJa": "非公開薬事ラボ",
                "summaryEn": "Regulatory affairs office.", "summaryJa": "薬事の相談室です。",
                "supporter": { "supporterType": "OTHER" }
            }),
        ),
    ];
    let mut ids = BTreeMap::new();
    for (name, kind, input) in entries {
        let created = app
            .graphql_as(admin, "en", CREATE, json!({ "kind": kind, "input": input }))
            .await;
        let entry = &created.data()["createDirectoryEntry"];
        ids.insert(name, entry["id"].as_str().unwrap().to_owned());
        if name == "hidden" {
            app.graphql_as(
                admin,
                "en",
                "mutation($id: ID!, $v: Int!) { setDirectoryEntryActive(id: $id, version: $v, active: false) { active } }",
                json!({ "id": entry["id"], "v": entry["version"] }),
            )
            .await
            .data();
        }
    }
    app.wait_for_outbox().await;
    ids
}

async fn search(app: &TestApp, user: &TestUser, input: Value) -> Value {
    let found = app
        .graphql_as(user, "en", SEARCH, json!({ "input": input }))
        .await;
    found.data()["directorySearch"].clone()
}

fn names(result: &Value) -> BTreeSet<String> {
    result["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|hit| hit["entry"]["nameEn"].as_str().unwrap().to_owned())
        .collect()
}

fn has(result: &Value, name: &str) -> bool {
    names(result).contains(name)
}

#[tokio::test]
async fn japanese_and_english_queries_meet_through_the_taxonomy_synonyms() {
    for engine in engines() {
        let app = app_on(&engine).await;
        let admin = app.user(Role::Admin, &[]).await;
        fixture(&app, &admin).await;
        let requester = app.user(Role::Requester, &[]).await;

        // 薬事 finds the Japanese text, and the English-only profile through "regulatory affairs".
        let yakuji = search(&app, &requester, json!({ "text": "薬事" })).await;
        assert!(
            has(&yakuji, "Shirube Consulting KK"),
            "{engine:?}: {yakuji}"
        );
        assert!(has(&yakuji, "Grace Whitfield"), "{engine:?}: {yakuji}");
        assert!(
            !has(&yakuji, "Hidden Regulatory Lab"),
            "inactive entries stay out"
        );
        // And the reverse.
        let english = search(&app, &requester, json!({ "text": "regulatory affairs" })).await;
        assert!(has(&english, "Grace Whitfield"), "{engine:?}: {english}");
        assert!(
            has(&english, "Shirube Consulting KK"),
            "{engine:?}: {english}"
        );

        // The match is marked in the name.
        let shirube = yakuji["hits"]
            .as_array()
            .unwrap()
            .iter()
            .find(|hit| hit["entry"]["nameEn"] == "Shirube Consulting KK")
            .unwrap();
        let marked: Vec<&str> = shirube["highlights"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|h| h["field"] == "NAME" && h["locale"] == "JA")
            .flat_map(|h| h["segments"].as_array().unwrap())
            .filter(|s| s["highlighted"] == true)
            .map(|s| s["text"].as_str().unwrap())
            .collect();
        assert!(
            marked.iter().any(|text| text.contains("薬事")),
            "{engine:?}: {shirube}"
        );
    }
}

#[tokio::test]
async fn width_kana_and_typo_variants_find_the_same_entries() {
    for engine in engines() {
        let app = app_on(&engine).await;
        let admin = app.user(Role::Admin, &[]).await;
        fixture(&app, &admin).await;
        let advisor = app.user(Role::Advisor, &["MEDISO"]).await;

        for (query, expected) in [
            ("ＰＭＤＡ", "Shirube Consulting KK"),
            ("pmda", "Shirube Consulting KK"),
            ("ﾃﾞｼﾞﾀﾙﾍﾙｽ", "Digital Health Demonstration Support"),
            ("デジタルヘルス", "Digital Health Demonstration Support"),
            ("でじたるへるす", "Digital Health Demonstration Support"),
            ("ｱｸｾﾗﾚｰﾀｰ", "Kanda Healthtech Accelerator"),
            ("Accelerator", "Kanda Healthtech Accelerator"),
            ("acelerator", "Kanda Healthtech Accelerator"),
            ("healthtek accelerator", "Kanda Healthtech Accelerator"),
            ("介護ロボット", "Care Robot Introduction Subsidy"),
            ("robot", "Care Robot Introduction Subsidy"),
        ] {
            let found = search(&app, &advisor, json!({ "text": query })).await;
            assert!(has(&found, expected), "{engine:?} {query:?}: {found}");
        }
        let nothing = search(&app, &advisor, json!({ "text": "zzzqqxw" })).await;
        assert_eq!(nothing["totalCount"], 0, "{engine:?}");
    }
}

#[tokio::test]
async fn filters_and_facets_count_every_match() {
    for engine in engines() {
        let app = app_on(&engine).await;
        let admin = app.user(Role::Admin, &[]).await;
        fixture(&app, &admin).await;
        let staff = app.user(Role::Staff, &["MEDISO"]).await;

        let all = search(&app, &staff, json!({ "pageSize": 3 })).await;
        assert_eq!(
            all["totalCount"], 7,
            "{engine:?}: the hidden entry is left out"
        );
        assert_eq!(all["pageCount"], 3);
        assert_eq!(all["hits"].as_array().unwrap().len(), 3);
        let kinds: BTreeMap<String, i64> = all["facets"]["kinds"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| {
                (
                    k["kind"].as_str().unwrap().to_owned(),
                    k["count"].as_i64().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            kinds,
            BTreeMap::from([
                ("ADVISOR".to_owned(), 1),
                ("PROGRAMME".to_owned(), 2),
                ("SUPPORTER".to_owned(), 2),
                ("VC".to_owned(), 2),
            ]),
            "{engine:?}"
        );
        assert_eq!(all["facets"]["certified"], 1);
        assert_eq!(all["facets"]["overseas"], 1);
        let devices = all["facets"]["domains"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["term"]["code"] == "medical_devices_samd")
            .unwrap();
        assert_eq!(devices["count"], 2);

        let certified = search(&app, &staff, json!({ "kinds": ["VC"], "certified": true })).await;
        assert_eq!(
            names(&certified),
            BTreeSet::from(["Aozora Test Capital".to_owned()])
        );
        let overseas = search(&app, &staff, json!({ "overseas": true })).await;
        assert_eq!(
            names(&overseas),
            BTreeSet::from(["Harbor Test Ventures".to_owned()])
        );
        let open = search(
            &app,
            &staff,
            json!({ "kinds": ["PROGRAMME"], "openProgrammesOnly": true }),
        )
        .await;
        assert_eq!(
            names(&open),
            BTreeSet::from(["Digital Health Demonstration Support".to_owned()]),
            "{engine:?}"
        );
        let care = search(
            &app,
            &staff,
            json!({ "domains": ["care_tech", "bio_regenerative"] }),
        )
        .await;
        assert_eq!(care["totalCount"], 3, "{engine:?}: any of the domains");
        // A group's own selection leaves its counts whole; the other groups narrow.
        let domain_counts: BTreeMap<String, i64> = care["facets"]["domains"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["term"]["code"].as_str().unwrap().to_owned(),
                    d["count"].as_i64().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            domain_counts.get("medical_devices_samd"),
            Some(&2),
            "{engine:?}"
        );
        assert_eq!(domain_counts.get("care_tech"), Some(&2), "{engine:?}");
        let care_kinds: i64 = care["facets"]["kinds"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k["count"].as_i64().unwrap())
            .sum();
        assert_eq!(
            care_kinds, 3,
            "{engine:?}: kinds counted within the chosen domains"
        );
        let narrowed = search(
            &app,
            &staff,
            json!({ "text": "robot", "domains": ["care_tech"], "kinds": ["VC"] }),
        )
        .await;
        assert_eq!(
            names(&narrowed),
            BTreeSet::from(["Harbor Test Ventures".to_owned()]),
            "{engine:?}: text and filters together"
        );
        let mentoring = search(&app, &staff, json!({ "services": ["mentoring"] })).await;
        assert_eq!(mentoring["facets"]["services"][0]["count"], 2);

        let by_name = search(&app, &staff, json!({ "sort": "NAME", "pageSize": 50 })).await;
        let ordered: Vec<&str> = by_name["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["entry"]["nameEn"].as_str().unwrap())
            .collect();
        let mut sorted = ordered.clone();
        sorted.sort_by_key(|name| name.to_lowercase());
        assert_eq!(ordered, sorted, "{engine:?}");
    }
}

#[tokio::test]
async fn inactive_entries_and_explanations_are_for_desk_staff() {
    for engine in engines() {
        let app = app_on(&engine).await;
        let admin = app.user(Role::Admin, &[]).await;
        fixture(&app, &admin).await;
        let staff = app.user(Role::Staff, &["INNOHUB"]).await;
        let requester = app.user(Role::Requester, &[]).await;

        let with_hidden = search(
            &app,
            &staff,
            json!({ "text": "薬事", "includeInactive": true, "explain": true }),
        )
        .await;
        assert!(has(&with_hidden, "Hidden Regulatory Lab"), "{engine:?}");
        let hit = &with_hidden["hits"][0];
        assert!(hit["score"].as_f64().unwrap() > 0.0, "{engine:?}: {hit}");
        let explanation: Value =
            serde_json::from_str(hit["explanation"].as_str().unwrap()).unwrap();
        assert!(explanation.is_object(), "{engine:?}: {explanation}");

        for input in [
            json!({ "includeInactive": true }),
            json!({ "text": "薬事", "explain": true }),
        ] {
            let refused = app
                .graphql_as(&requester, "en", SEARCH, json!({ "input": input }))
                .await;
            assert_eq!(refused.code(), "FORBIDDEN");
        }
        let anonymous = app.graphql(SEARCH, json!({ "input": {} })).await;
        assert_eq!(anonymous.code(), "UNAUTHENTICATED");
        let bad = app
            .graphql_as(
                &requester,
                "ja",
                SEARCH,
                json!({ "input": { "domains": ["nonsense"], "pageSize": 500 } }),
            )
            .await;
        let mut fields = bad.field_errors();
        fields.sort();
        assert_eq!(
            fields,
            vec![
                ("domains".to_owned(), "UNKNOWN_TERM".to_owned()),
                ("pageSize".to_owned(), "PAGE_SIZE_TOO_LARGE".to_owned()),
            ]
        );
        assert_eq!(bad.field_message("domains"), "一覧から選択してください。");
    }
}

#[tokio::test]
async fn edits_and_new_synonyms_reach_the_index_through_the_outbox() {
    for engine in engines() {
        let app = app_on(&engine).await;
        let admin = app.user(Role::Admin, &[]).await;
        let ids = fixture(&app, &admin).await;
        let advisor = app.user(Role::Advisor, &["MEDISO"]).await;

        // Renamed: found by the new name, no longer by the old.
        let entry = app
            .graphql_as(
                &admin,
                "en",
                "query($id: ID!) { directoryEntry(id: $id) { version } }",
                json!({ "id": ids["kanda"] }),
            )
            .await;
        let version = entry.data()["directoryEntry"]["version"].clone();
        app.graphql_as(
            &admin,
            "en",
            "mutation($id: ID!, $v: Int!, $input: DirectoryEntryInput!) { updateDirectoryEntry(id: $id, version: $v, input: $input) { version } }",
            json!({ "id": ids["kanda"], "v": version, "input": {
                "nameEn": "Ochanomizu Medtech Studio", "nameJa": "御茶ノ水メドテック・スタジオ",
                "summaryEn": "A six-month programme with mentors from hospitals.", "summaryJa": "医療機関出身のメンターによる6か月のプログラムです。",
                "domains": ["healthcare_services"], "services": ["mentoring"],
                "supporter": { "supporterType": "ACCELERATOR" }
            }}),
        )
        .await
        .data();
        app.wait_for_outbox().await;
        assert!(
            has(
                &search(&app, &advisor, json!({ "text": "Ochanomizu" })).await,
                "Ochanomizu Medtech Studio"
            ),
            "{engine:?}"
        );
        assert!(
            !has(
                &search(&app, &advisor, json!({ "text": "Kanda" })).await,
                "Kanda Healthtech Accelerator"
            ),
            "{engine:?}"
        );

        // A synonym an admin adds to a term reaches every entry.
        let before = search(&app, &advisor, json!({ "text": "承認審査" })).await;
        assert!(
            !has(&before, "Shirube Consulting KK"),
            "{engine:?}: {before}"
        );
        let term = app.term_id("regulatory").await;
        app.graphql_as(
            &admin,
            "en",
            "mutation($id: ID!, $s: [String!]) { updateTaxonomyTerm(input: {id: $id, synonyms: $s}) { synonyms } }",
            json!({ "id": term, "s": ["regulatory affairs", "regulatory", "PMDA", "薬事", "薬機法", "承認審査"] }),
        )
        .await
        .data();
        app.wait_for_outbox().await;
        let after = search(&app, &advisor, json!({ "text": "承認審査" })).await;
        assert!(has(&after, "Shirube Consulting KK"), "{engine:?}: {after}");
        assert!(has(&after, "Grace Whitfield"), "{engine:?}: {after}");
    }
}

/// A Meilisearch server of this test's own, killed when dropped.
struct Meili {
    child: Child,
    binary: String,
    port: u16,
    data: tempfile::TempDir,
}

const MEILI_KEY: &str = "outage-test-key";

impl Meili {
    fn start(binary: &str, port: u16, data: tempfile::TempDir) -> Meili {
        let child = Command::new(binary)
            .args([
                "--http-addr",
                &format!("127.0.0.1:{port}"),
                "--master-key",
                MEILI_KEY,
                "--env",
                "development",
                "--no-analytics",
                "--max-indexing-memory",
                "256MiB",
                "--db-path",
            ])
            .arg(data.path().join("db"))
            .arg("--dump-dir")
            .arg(data.path().join("dumps"))
            .arg("--snapshot-dir")
            .arg(data.path().join("snapshots"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("meilisearch starts");
        Meili {
            child,
            binary: binary.to_owned(),
            port,
            data,
        }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    async fn wait_healthy(&self) {
        let client = reqwest::Client::new();
        for _ in 0..300 {
            if let Ok(response) = client.get(format!("{}/health", self.url())).send().await
                && response.status().is_success()
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("meilisearch did not become healthy within 30 s");
    }

    fn kill(mut self) -> (String, u16, tempfile::TempDir) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let binary = std::mem::take(&mut self.binary);
        let port = self.port;
        let data = std::mem::replace(&mut self.data, tempfile::tempdir().unwrap());
        (binary, port, data)
    }
}

impl Drop for Meili {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The ids Meilisearch holds, read directly.
async fn meili_ids(url: &str, prefix: &str) -> BTreeSet<i64> {
    let response: Value = reqwest::Client::new()
        .get(format!(
            "{url}/indexes/{prefix}_directory/documents?fields=id&limit=10000"
        ))
        .bearer_auth(MEILI_KEY)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    response["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|doc| doc["id"].as_i64().unwrap())
        .collect()
}

#[tokio::test]
#[ignore = "needs a Meilisearch binary: BANSO_TEST_MEILI_BIN"]
async fn writes_succeed_while_meilisearch_is_down_and_the_index_catches_up() {
    let binary = std::env::var("BANSO_TEST_MEILI_BIN").expect("BANSO_TEST_MEILI_BIN");
    let meili = Meili::start(&binary, free_port(), tempfile::tempdir().unwrap());
    meili.wait_healthy().await;
    let prefix = format!("outage{}", &uuid::Uuid::new_v4().simple().to_string()[..8]);
    let url = meili.url();
    let app = {
        let (url, prefix) = (url.clone(), prefix.clone());
        spawn_app_with(move |env| {
            env.insert("MEILI_URL".into(), url);
            env.insert("MEILI_MASTER_KEY".into(), MEILI_KEY.into());
            env.insert("BANSO_SEARCH__INDEX_PREFIX".into(), prefix);
            env.insert("BANSO_WORKER__BACKOFF_MAX_SECS".into(), "1".into());
        })
        .await
    };
    let admin = app.user(Role::Admin, &[]).await;
    let ids = fixture(&app, &admin).await;
    let advisor = app.user(Role::Advisor, &["MEDISO"]).await;
    assert!(has(
        &search(&app, &advisor, json!({ "text": "薬事" })).await,
        "Shirube Consulting KK"
    ));

    // Meilisearch goes away in the middle of the work.
    let (binary, port, data) = meili.kill();
    let created = app
        .graphql_as(
            &admin,
            "en",
            CREATE,
            json!({ "kind": "SUPPORTER", "input": {
                "nameEn": "Outage Bio Partners", "nameJa": "停電バイオパートナーズ",
                "summaryEn": "Written while the search engine was down.", "summaryJa": "検索エンジン停止中に登録しました。",
                "supporter": { "supporterType": "PHARMA" }
            }}),
        )
        .await;
    created.data();
    let entry = app
        .graphql_as(
            &admin,
            "en",
            "query($id: ID!) { directoryEntry(id: $id) { version } }",
            json!({ "id": ids["harbor"] }),
        )
        .await;
    let version = entry.data()["directoryEntry"]["version"].clone();
    app.graphql_as(
        &admin,
        "en",
        "mutation($id: ID!, $v: Int!) { setDirectoryEntryActive(id: $id, version: $v, active: false) { active } }",
        json!({ "id": ids["harbor"], "v": version }),
    )
    .await
    .data();
    let unavailable = app
        .graphql_as(
            &advisor,
            "ja",
            SEARCH,
            json!({ "input": { "text": "停電" } }),
        )
        .await;
    assert_eq!(unavailable.code(), "SEARCH_UNAVAILABLE");
    assert!(
        unavailable.message().contains("検索"),
        "{}",
        unavailable.message()
    );
    assert!(
        app.scalar(
            "SELECT COUNT(*) AS n FROM outbox WHERE topic = 'search_index' AND status = 'pending'"
        )
        .await
            > 0,
        "the index updates wait in the outbox"
    );

    // It comes back on the same port with its data; the index catches up by itself.
    let meili = Meili::start(&binary, port, data);
    meili.wait_healthy().await;
    let mut caught_up = false;
    for _ in 0..120 {
        let pending = app
            .scalar("SELECT COUNT(*) AS n FROM outbox WHERE topic = 'search_index' AND status = 'pending'")
            .await;
        if pending == 0 {
            caught_up = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    assert!(
        caught_up,
        "the outbox drained within 30 s of Meilisearch's return"
    );
    assert!(has(
        &search(&app, &advisor, json!({ "text": "停電" })).await,
        "Outage Bio Partners"
    ));
    let harbor = search(&app, &advisor, json!({ "text": "Harbor" })).await;
    assert!(
        !has(&harbor, "Harbor Test Ventures"),
        "the deactivation reached the index"
    );
    let in_database: BTreeSet<i64> = {
        use sea_orm::EntityTrait;
        banso::entity::directory_entries::Entity::find()
            .all(&app.state.db)
            .await
            .unwrap()
            .into_iter()
            .map(|entry| entry.id)
            .collect()
    };
    assert_eq!(meili_ids(&meili.url(), &prefix).await, in_database);
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) AS n FROM outbox WHERE topic = 'search_index' AND status <> 'done'"
        )
        .await,
        0
    );
}
