//! GraphQL over HTTP: methods, media types, batching, body size, limits, introspection by
//! environment, masked internal errors, health and readiness, and the web UI's files.

use banso::auth::Role;
use serde_json::{Value, json};

use crate::helpers::{Gql, spawn_app, spawn_app_with};

#[tokio::test]
async fn queries_run_over_get_and_mutations_only_over_post() {
    let app = spawn_app().await;
    let get = app
        .client
        .get(app.url("/graphql"))
        .query(&[("query", "{ desks { code } }")])
        .send()
        .await
        .unwrap();
    let get = Gql::read(get).await;
    assert_eq!(get.status, 200);
    assert_eq!(get.data()["desks"].as_array().unwrap().len(), 3);

    let mutation = app
        .client
        .get(app.url("/graphql"))
        .query(&[("query", "mutation { logout }")])
        .header("accept-language", "en")
        .send()
        .await
        .unwrap();
    assert_eq!(mutation.status().as_u16(), 405);
    assert_eq!(mutation.headers()["allow"], "POST");
    let mutation = Gql::read(mutation).await;
    assert_eq!(mutation.code(), "MUTATION_OVER_GET");
    assert_eq!(
        mutation.message(),
        "Changes must be sent with POST, not GET."
    );

    let named = app
        .client
        .get(app.url("/graphql"))
        .query(&[
            ("query", "query A { desks { code } } mutation B { logout }"),
            ("operationName", "B"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(named.status().as_u16(), 405, "the named operation decides");

    let put = app.client.put(app.url("/graphql")).send().await.unwrap();
    assert_eq!(put.status().as_u16(), 405);
    assert_eq!(put.headers()["allow"], "GET, POST");
}

#[tokio::test]
async fn post_bodies_must_be_single_json_requests_within_the_size_limit() {
    let app = spawn_app().await;
    let post = |content_type: &'static str, body: String| {
        let request = app
            .client
            .post(app.url("/graphql"))
            .header("accept-language", "ja")
            .body(body);
        if content_type.is_empty() {
            request
        } else {
            request.header("content-type", content_type)
        }
    };
    for content_type in [
        "",
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
    ] {
        let response = Gql::read(
            post(content_type, "{\"query\":\"{ desks { code } }\"}".into())
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(response.status, 415, "{content_type}");
        assert_eq!(response.code(), "UNSUPPORTED_MEDIA_TYPE");
    }
    for content_type in [
        "application/json",
        "application/json; charset=utf-8",
        "application/graphql-response+json",
    ] {
        let response = Gql::read(
            post(content_type, "{\"query\":\"{ desks { code } }\"}".into())
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(response.status, 200, "{content_type}");
    }
    let batch = Gql::read(
        post(
            "application/json",
            "[{\"query\":\"{ desks { code } }\"}]".into(),
        )
        .send()
        .await
        .unwrap(),
    )
    .await;
    assert_eq!(
        (batch.status, batch.code()),
        (400, "BATCHING_NOT_SUPPORTED")
    );
    assert_eq!(
        batch.message(),
        "1回のリクエストで送信できる操作は1つです。一括送信には対応していません。"
    );
    for body in ["not json", "{\"variables\":{}}", "{\"query\":42}", "null"] {
        let response = Gql::read(post("application/json", body.into()).send().await.unwrap()).await;
        assert_eq!(
            (response.status, response.code()),
            (400, "MALFORMED_REQUEST"),
            "{body}"
        );
    }
    let huge = format!(
        "{{\"query\":\"{{ desks {{ code }} }}\",\"variables\":{{\"x\":\"{}\"}}}}",
        "a".repeat(300_000)
    );
    let response = Gql::read(post("application/json", huge).send().await.unwrap()).await;
    assert_eq!((response.status, response.code()), (413, "BODY_TOO_LARGE"));
}

#[tokio::test]
async fn graphql_response_json_gives_request_errors_a_4xx_and_no_data() {
    let app = spawn_app().await;
    let ask = |query: &'static str, accept: &'static str| {
        app.client
            .post(app.url("/graphql"))
            .header("accept", accept)
            .header("accept-language", "en")
            .json(&json!({ "query": query }))
            .send()
    };
    let parse = ask("{ desks { code ", "application/graphql-response+json")
        .await
        .unwrap();
    assert_eq!(
        parse.headers()["content-type"],
        "application/graphql-response+json; charset=utf-8"
    );
    let parse = Gql::read(parse).await;
    assert_eq!((parse.status, parse.code()), (400, "GRAPHQL_PARSE_FAILED"));
    assert!(parse.body.get("data").is_none());
    assert_eq!(parse.message(), "The request is not valid GraphQL.");

    let invalid = Gql::read(
        ask("{ nothingHere }", "application/graphql-response+json")
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (invalid.status, invalid.code()),
        (400, "GRAPHQL_VALIDATION_FAILED")
    );
    assert!(
        invalid.body["errors"][0]["extensions"]["detail"]
            .as_str()
            .unwrap()
            .contains("nothingHere")
    );

    let legacy = Gql::read(ask("{ nothingHere }", "application/json").await.unwrap()).await;
    assert_eq!(
        (legacy.status, legacy.code()),
        (200, "GRAPHQL_VALIDATION_FAILED")
    );

    let field_error = Gql::read(
        ask(
            "{ users { totalCount } }",
            "application/graphql-response+json",
        )
        .await
        .unwrap(),
    )
    .await;
    assert_eq!(
        (field_error.status, field_error.code()),
        (200, "UNAUTHENTICATED")
    );
    assert!(
        field_error.body.get("data").is_some(),
        "execution happened: data is present"
    );
}

#[tokio::test]
async fn depth_and_complexity_are_bounded() {
    // Complexity is checked first, so each limit gets an instance where only it can bite.
    let shallow = spawn_app_with(|env| {
        env.insert("BANSO_GRAPHQL__MAX_DEPTH".into(), "5".into());
        env.insert("BANSO_GRAPHQL__MAX_COMPLEXITY".into(), "1000000".into());
    })
    .await;
    let admin = shallow.english_user(Role::Admin, &[]).await;
    let deep = shallow
        .graphql_as(
            &admin,
            "en",
            "{ me { desks { members { desks { members { email } } } } } }",
            json!({}),
        )
        .await;
    assert_eq!(deep.code(), "QUERY_TOO_DEEP");
    assert_eq!(deep.message(), "The request nests fields too deeply.");
    shallow
        .graphql_as(
            &admin,
            "en",
            "{ me { desks { members { email } } } }",
            json!({}),
        )
        .await
        .data();

    let simple = spawn_app_with(|env| {
        env.insert("BANSO_GRAPHQL__MAX_COMPLEXITY".into(), "200".into());
    })
    .await;
    let admin = simple.user(Role::Admin, &[]).await;
    let wide = simple
        .graphql_as(
            &admin,
            "en",
            "{ users(first: 100) { nodes { id email displayName role } } }",
            json!({}),
        )
        .await;
    assert_eq!(wide.code(), "QUERY_TOO_COMPLEX");
    assert!(
        wide.message().starts_with("一度に要求する項目が多すぎます"),
        "in the admin's own language"
    );
    simple
        .graphql_as(
            &admin,
            "en",
            "{ users(first: 10) { nodes { id email } } }",
            json!({}),
        )
        .await
        .data();
}

#[tokio::test]
async fn introspection_suggestions_and_graphiql_only_in_development() {
    let development = spawn_app().await;
    let schema = development
        .graphql("{ __schema { queryType { name } } }", json!({}))
        .await;
    assert_eq!(schema.data()["__schema"]["queryType"]["name"], "Query");
    let graphiql = development
        .client
        .get(development.url("/graphql"))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(graphiql.status().as_u16(), 200);
    assert!(
        graphiql.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(
        graphiql
            .text()
            .await
            .unwrap()
            .to_lowercase()
            .contains("graphiql")
    );
    let typo = development.graphql("{ deks { code } }", json!({})).await;
    assert!(
        typo.body["errors"][0]["extensions"]["detail"]
            .as_str()
            .unwrap()
            .contains("Did you mean")
    );

    let production = spawn_app_with(|env| {
        env.insert("BANSO_ENVIRONMENT".into(), "production".into());
    })
    .await;
    let schema = production
        .graphql("{ __schema { queryType { name } } }", json!({}))
        .await;
    assert_eq!(schema.code(), "INTROSPECTION_DISABLED");
    let hidden = production
        .graphql(
            "query { ...F } fragment F on Query { __type(name: \"User\") { name } }",
            json!({}),
        )
        .await;
    assert_eq!(
        hidden.code(),
        "INTROSPECTION_DISABLED",
        "also through fragments"
    );
    let typename = production.graphql("{ __typename }", json!({})).await;
    assert_eq!(typename.data()["__typename"], "Query");
    let typo = production.graphql("{ deks { code } }", json!({})).await;
    assert!(
        !typo.body["errors"][0]["extensions"]["detail"]
            .as_str()
            .unwrap()
            .contains("Did you mean")
    );
    let page = production
        .client
        .get(production.url("/graphql"))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(
        page.status().as_u16(),
        400,
        "no GraphiQL in production: {}",
        page.text().await.unwrap()
    );
    let desks = production.graphql("{ desks { code } }", json!({})).await;
    assert_eq!(
        desks.data()["desks"].as_array().unwrap().len(),
        3,
        "the API itself works"
    );
}

#[tokio::test]
async fn internal_failures_are_masked_logged_and_roll_back() {
    let app = spawn_app().await;
    let admin = app.english_user(Role::Admin, &[]).await;
    let desks = app
        .graphql("{ desks { id code firstResponseBusinessDays } }", json!({}))
        .await;
    let mediso = desks.data()["desks"][1].clone();
    // Break the audit log, which every admin edit writes in the same transaction.
    app.execute("DROP TABLE audit_log").await;
    let response = app
        .request(
            Some(&admin.token),
            Some("en"),
            "mutation($id: ID!) { updateDesk(input: {id: $id, firstResponseBusinessDays: 9}) { code } }",
            json!({ "id": mediso["id"] }),
        )
        .await;
    assert_eq!(response.code(), "INTERNAL");
    let text = response.body.to_string();
    assert!(
        !text.to_lowercase().contains("audit_log") && !text.contains("SQL"),
        "nothing internal leaks: {text}"
    );
    assert!(
        response
            .message()
            .starts_with("Something went wrong on our side")
    );
    let request_id = response.body["errors"][0]["extensions"]["requestId"]
        .as_str()
        .unwrap();
    assert_eq!(response.headers["x-request-id"], request_id);
    let after = app
        .graphql("{ desks { code firstResponseBusinessDays } }", json!({}))
        .await;
    assert_eq!(
        after.data()["desks"][1]["firstResponseBusinessDays"],
        mediso["firstResponseBusinessDays"],
        "rolled back"
    );
}

#[tokio::test]
async fn health_and_readiness() {
    let app = spawn_app().await;
    let health: Value = app
        .client
        .get(app.url("/health"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(health["status"], "ok");
    let ready = app.client.get(app.url("/ready")).send().await.unwrap();
    assert_eq!(ready.status().as_u16(), 200);
    let incoming = app
        .client
        .get(app.url("/health"))
        .header("x-request-id", "abc-123")
        .send()
        .await
        .unwrap();
    assert_eq!(incoming.headers()["x-request-id"], "abc-123");

    // With the database gone, the process is alive but not ready.
    app.state.db.close_by_ref().await.unwrap();
    let ready = app.client.get(app.url("/ready")).send().await.unwrap();
    assert_eq!(ready.status().as_u16(), 503);
    let body: Value = ready.json().await.unwrap();
    assert_eq!(body["database"], "unreachable");
    assert_eq!(
        app.client
            .get(app.url("/health"))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        200
    );
}

#[tokio::test]
async fn the_web_ui_is_served_with_its_messages_and_security_headers() {
    let app = spawn_app().await;
    for path in ["/", "/login", "/verify-email?token=abc", "/admin/users"] {
        let page = app.client.get(app.url(path)).send().await.unwrap();
        assert_eq!(page.status().as_u16(), 200, "{path}");
        let csp = page.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(
            csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"),
            "{csp}"
        );
        assert_eq!(page.headers()["x-content-type-options"], "nosniff");
        assert_eq!(page.headers()["x-frame-options"], "DENY");
        let html = page.text().await.unwrap();
        assert!(
            html.contains("<div id=\"root\">") || html.contains("id=\"root\""),
            "{path}: {html}"
        );
    }
    let missing = app
        .client
        .get(app.url("/assets/missing.js"))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status().as_u16(), 404);

    let english = app
        .client
        .get(app.url("/locales/en.ftl"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        english.headers()["content-type"],
        "text/plain; charset=utf-8"
    );
    let english = english.text().await.unwrap();
    let japanese = app
        .client
        .get(app.url("/locales/ja.ftl"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(english.contains("role-advisor = Advisor"));
    assert!(japanese.contains("role-advisor = アドバイザー"));
    assert!(
        english.contains("web-") && japanese.contains("web-"),
        "the web UI's own messages are served too"
    );
    assert_eq!(
        app.client
            .get(app.url("/locales/fr.ftl"))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        404
    );
}
