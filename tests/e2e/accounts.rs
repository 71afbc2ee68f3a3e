//! Sign-up, email verification, log-in and log-out, sessions, throttling and passwords.

use banso::{auth::Role, i18n::Locale};
use serde_json::json;

use crate::helpers::{PASSWORD, spawn_app, spawn_app_with, to};

const SIGN_UP: &str = "mutation($input: SignUpInput!) { signUp(input: $input) { email } }";
const VERIFY: &str = "mutation($token: String!) { verifyEmail(token: $token) { email } }";
const LOGIN: &str = "mutation($email: String!, $password: String!) { login(input: {email: $email, password: $password}) { token user { email role } } }";
const ME: &str = "{ me { email displayName role roleLabel locale emailVerified organisation { name kind kindLabel countryCode } } }";

fn sign_up_input(email: &str, locale: &str) -> serde_json::Value {
    json!({ "input": {
        "email": email,
        "password": PASSWORD,
        "displayName": "佐藤 花子",
        "organisationName": "株式会社さくらメドテック",
        "organisationKind": "STARTUP",
        "countryCode": "JP",
        "locale": locale,
    }})
}

#[tokio::test]
async fn a_requester_signs_up_verifies_logs_in_sees_me_and_logs_out() {
    let app = spawn_app().await;
    let email = "hanako@sakura-medtech.example";

    let signed_up = app
        .graphql(
            SIGN_UP,
            sign_up_input("  Hanako@Sakura-Medtech.example ", "JA"),
        )
        .await;
    assert_eq!(
        signed_up.data()["signUp"]["email"],
        email,
        "addresses are normalised"
    );

    // Not yet: the address must be confirmed first.
    let early = app
        .graphql(LOGIN, json!({ "email": email, "password": PASSWORD }))
        .await;
    assert_eq!(early.code(), "EMAIL_NOT_VERIFIED");

    let emails = app.sent_emails().await;
    let mine = to(&emails, email);
    assert_eq!(mine.len(), 1, "{emails:?}");
    let verification = mine[0];
    assert_eq!(verification.language, "ja");
    assert!(
        verification.subject.contains("メールアドレスの確認"),
        "{}",
        verification.subject
    );
    assert!(
        verification.text.contains("佐藤 花子 様"),
        "{}",
        verification.text
    );
    assert!(verification.html.contains("<html lang=\"ja\">"));
    let link = verification.link("/verify-email");
    assert!(link.starts_with(&app.address), "{link}");

    let verified = app
        .graphql(
            VERIFY,
            json!({ "token": verification.token("/verify-email") }),
        )
        .await;
    assert_eq!(verified.data()["verifyEmail"]["email"], email);

    let logged_in = app
        .graphql(LOGIN, json!({ "email": email, "password": PASSWORD }))
        .await;
    assert_eq!(logged_in.data()["login"]["user"]["role"], "REQUESTER");
    let token = logged_in.data()["login"]["token"]
        .as_str()
        .unwrap()
        .to_owned();

    let me = app.request(Some(&token), Some("en"), ME, json!({})).await;
    let me = &me.data()["me"];
    assert_eq!(me["email"], email);
    assert_eq!(me["locale"], "JA");
    assert_eq!(me["emailVerified"], true);
    assert_eq!(
        me["roleLabel"], "相談者",
        "labels follow the user's own language"
    );
    assert_eq!(me["organisation"]["name"], "株式会社さくらメドテック");
    assert_eq!(me["organisation"]["kind"], "STARTUP");

    let out = app
        .request(Some(&token), None, "mutation { logout }", json!({}))
        .await;
    assert_eq!(out.data()["logout"], true);
    let after = app.request(Some(&token), None, ME, json!({})).await;
    assert!(after.data()["me"].is_null(), "the session has ended");
}

#[tokio::test]
async fn an_english_sign_up_gets_its_email_and_errors_in_english() {
    let app = spawn_app().await;
    let email = "oliver@northbridge-health.example";
    app.graphql(SIGN_UP, sign_up_input(email, "EN"))
        .await
        .data();
    let emails = app.sent_emails().await;
    let verification = to(&emails, email)[0];
    assert_eq!(verification.language, "en");
    assert_eq!(verification.subject, "Please confirm your email address");
    assert!(
        verification.text.starts_with("Dear 佐藤 花子,"),
        "{}",
        verification.text
    );
    assert!(
        verification.text.contains("GMT+9"),
        "expiry shown in Japan time: {}",
        verification.text
    );

    let early = app
        .request(
            None,
            Some("en"),
            LOGIN,
            json!({ "email": email, "password": PASSWORD }),
        )
        .await;
    assert_eq!(early.code(), "EMAIL_NOT_VERIFIED");
    assert!(
        early
            .message()
            .starts_with("Please confirm your email address"),
        "{}",
        early.message()
    );
}

#[tokio::test]
async fn an_invalid_sign_up_reports_every_field_in_the_readers_language_and_changes_nothing() {
    let app = spawn_app().await;
    let input = json!({ "input": {
        "email": "not-an-address",
        "password": "short",
        "displayName": "   ",
        "organisationName": "x".repeat(201),
        "organisationKind": "VC",
        "countryCode": "XX",
        "locale": "EN",
    }});
    let english = app
        .request(None, Some("en-GB,en;q=0.8"), SIGN_UP, input.clone())
        .await;
    let mut fields = english.field_errors();
    fields.sort();
    assert_eq!(
        fields,
        [
            ("countryCode".into(), "COUNTRY_CODE_INVALID".into()),
            ("displayName".into(), "REQUIRED".into()),
            ("email".into(), "EMAIL_INVALID".into()),
            (
                "organisationKind".into(),
                "ORGANISATION_KIND_NOT_ALLOWED".into()
            ),
            ("organisationName".into(), "TOO_LONG".into()),
            ("password".into(), "PASSWORD_TOO_SHORT".into()),
        ]
    );
    assert_eq!(
        english.message(),
        "Some of the information you entered needs correcting."
    );
    assert_eq!(
        english.field_message("password"),
        "Please use at least 10 characters."
    );
    assert_eq!(
        english.field_message("organisationName"),
        "Please use at most 200 characters."
    );

    let japanese = app.request(None, Some("ja"), SIGN_UP, input).await;
    assert_eq!(japanese.message(), "入力内容に修正が必要な項目があります。");
    assert_eq!(
        japanese.field_message("password"),
        "10文字以上で入力してください。"
    );

    assert_eq!(app.count("users").await, 0);
    assert_eq!(app.count("organisations").await, 0);
    assert_eq!(
        app.count("outbox").await,
        0,
        "no email is queued for refused input"
    );
}

#[tokio::test]
async fn signing_up_with_a_registered_address_answers_the_same_and_tells_only_its_owner() {
    let app = spawn_app().await;
    let owner = app.user(Role::Requester, &[]).await;
    let again = app
        .graphql(SIGN_UP, sign_up_input(&owner.email, "EN"))
        .await;
    assert_eq!(
        again.data()["signUp"]["email"],
        owner.email.as_str(),
        "no hint that the address is taken"
    );
    let emails = app.sent_emails().await;
    let notice = to(&emails, &owner.email);
    assert_eq!(notice.len(), 1);
    assert!(
        notice[0].subject.contains("すでに登録されています"),
        "in the owner's language: {}",
        notice[0].subject
    );
    assert!(notice[0].text.contains("/forgot-password"));
    assert_eq!(app.count("users").await, 1, "no second account");
    // The owner's password still works.
    app.login(&owner.email, PASSWORD).await;
}

#[tokio::test]
async fn an_unconfirmed_sign_up_can_be_repeated_and_only_the_latest_link_works() {
    let app = spawn_app().await;
    let email = "repeat@example.jp";
    app.graphql(SIGN_UP, sign_up_input(email, "JA"))
        .await
        .data();
    let first = app.sent_emails().await[0].token("/verify-email");
    let mut second_input = sign_up_input(email, "EN");
    second_input["input"]["password"] = json!("another good passphrase");
    app.graphql(SIGN_UP, second_input).await.data();
    let emails = app.sent_emails().await;
    assert_eq!(emails.len(), 2);
    assert_eq!(emails[1].language, "en", "the latest sign-up's language");
    let second = emails[1].token("/verify-email");

    assert_eq!(
        app.graphql(VERIFY, json!({ "token": first })).await.code(),
        "TOKEN_INVALID"
    );
    app.graphql(VERIFY, json!({ "token": second })).await.data();
    let old = app
        .graphql(LOGIN, json!({ "email": email, "password": PASSWORD }))
        .await;
    assert_eq!(old.code(), "INVALID_CREDENTIALS");
    app.login(email, "another good passphrase").await;
    assert_eq!(app.count("users").await, 1);
    assert_eq!(app.count("organisations").await, 1);
}

#[tokio::test]
async fn verification_links_work_once_expire_and_can_be_sent_again() {
    let app = spawn_app().await;
    let email = "once@example.jp";
    app.graphql(SIGN_UP, sign_up_input(email, "JA"))
        .await
        .data();
    let token = app.sent_emails().await[0].token("/verify-email");

    // An expired link is refused and confirms nothing.
    app.execute("UPDATE user_tokens SET expires_at = created_at")
        .await;
    let expired = app
        .request(None, Some("en"), VERIFY, json!({ "token": token }))
        .await;
    assert_eq!(expired.code(), "TOKEN_EXPIRED");
    assert_eq!(
        expired.message(),
        "This link has expired. Please ask for a new one."
    );

    // A new link, once the resend interval has passed.
    app.execute("UPDATE user_tokens SET created_at = '2000-01-01T00:00:00+00:00'")
        .await;
    let resent = app
        .graphql(
            "mutation { resendVerification(email: \"ONCE@example.jp\") }",
            json!({}),
        )
        .await;
    assert_eq!(resent.data()["resendVerification"], true);
    let emails = app.sent_emails().await;
    assert_eq!(emails.len(), 2);
    let fresh = emails[1].token("/verify-email");
    app.graphql(VERIFY, json!({ "token": fresh })).await.data();
    assert_eq!(
        app.graphql(VERIFY, json!({ "token": fresh })).await.code(),
        "TOKEN_INVALID",
        "used once"
    );
    assert_eq!(
        app.graphql(VERIFY, json!({ "token": "made-up" }))
            .await
            .code(),
        "TOKEN_INVALID"
    );

    // Asking again for a confirmed or unknown address answers the same and sends nothing.
    for address in [email, "nobody@example.jp"] {
        let answer = app
            .graphql(
                "mutation($e: String!) { resendVerification(email: $e) }",
                json!({ "e": address }),
            )
            .await;
        assert_eq!(answer.data()["resendVerification"], true);
    }
    assert_eq!(app.sent_emails().await.len(), 2);
}

#[tokio::test]
async fn repeated_failed_logins_are_throttled_per_account() {
    let app = spawn_app().await;
    let victim = app.user(Role::Requester, &[]).await;
    let bystander = app.user(Role::Requester, &[]).await;
    for _ in 0..5 {
        let wrong = app
            .graphql(
                LOGIN,
                json!({ "email": victim.email, "password": "wrong password!" }),
            )
            .await;
        assert_eq!(wrong.code(), "INVALID_CREDENTIALS");
    }
    // Even the right password is refused while the account is throttled.
    let throttled = app
        .request(
            None,
            Some("en"),
            LOGIN,
            json!({ "email": victim.email, "password": PASSWORD }),
        )
        .await;
    assert_eq!(throttled.code(), "LOGIN_THROTTLED");
    let retry = throttled.body["errors"][0]["extensions"]["retryAfterSeconds"]
        .as_i64()
        .unwrap();
    assert!((1..=15 * 60).contains(&retry), "{retry}");
    assert!(
        throttled.message().contains("minutes"),
        "{}",
        throttled.message()
    );
    // Other accounts are not affected.
    app.login(&bystander.email, PASSWORD).await;

    // Once the failures are older than the window, the account opens again.
    app.execute("UPDATE login_attempts SET created_at = '2000-01-01T00:00:00+00:00'")
        .await;
    app.login(&victim.email, PASSWORD).await;
}

#[tokio::test]
async fn repeated_failed_logins_are_throttled_per_client_address() {
    let app = spawn_app_with(|env| {
        env.insert("BANSO_AUTH__THROTTLE_ADDRESS_FAILURES".into(), "4".into());
    })
    .await;
    let someone = app.user(Role::Advisor, &["MEDISO"]).await;
    for n in 0..4 {
        let wrong = app
            .graphql(
                LOGIN,
                json!({ "email": format!("guess{n}@example.jp"), "password": "wrong password!" }),
            )
            .await;
        assert_eq!(wrong.code(), "INVALID_CREDENTIALS");
    }
    let throttled = app
        .graphql(
            LOGIN,
            json!({ "email": someone.email, "password": PASSWORD }),
        )
        .await;
    assert_eq!(throttled.code(), "LOGIN_THROTTLED", "all from 127.0.0.1");
    assert!(
        throttled.message().contains("分後"),
        "{}",
        throttled.message()
    );
}

#[tokio::test]
async fn sessions_expire_and_can_be_ended_one_by_one_or_everywhere() {
    let app = spawn_app().await;
    let user = app.user(Role::Staff, &["INNOHUB"]).await;
    let second = app.login(&user.email, PASSWORD).await;
    let third = app.login(&user.email, PASSWORD).await;

    let sessions = app
        .request(
            Some(&second),
            None,
            "{ mySessions { id current clientAddress } }",
            json!({}),
        )
        .await;
    let list = sessions.data()["mySessions"].as_array().unwrap().clone();
    assert_eq!(list.len(), 3);
    assert_eq!(list.iter().filter(|s| s["current"] == true).count(), 1);
    assert_eq!(list[0]["clientAddress"], "127.0.0.1");

    // End the third session from the second.
    let third_id = list
        .iter()
        .find(|s| s["current"] == false)
        .map(|s| s["id"].clone())
        .unwrap();
    app.request(
        Some(&second),
        None,
        "mutation($id: ID!) { revokeSession(id: $id) }",
        json!({ "id": third_id }),
    )
    .await
    .data();
    let remaining = app
        .request(Some(&second), None, "{ mySessions { id } }", json!({}))
        .await;
    assert_eq!(remaining.data()["mySessions"].as_array().unwrap().len(), 2);
    // Someone else's session id is not found.
    let other = app.user(Role::Requester, &[]).await;
    let foreign = app
        .request(
            Some(&other.token),
            None,
            "mutation($id: ID!) { revokeSession(id: $id) }",
            json!({ "id": third_id }),
        )
        .await;
    assert_eq!(foreign.code(), "NOT_FOUND");

    // An expired session is no session.
    app.execute(&format!(
        "UPDATE sessions SET expires_at = created_at WHERE user_id = (SELECT id FROM users WHERE email = '{}') AND revoked_at IS NULL",
        user.email
    ))
    .await;
    let me = app
        .request(Some(&user.token), None, "{ me { email } }", json!({}))
        .await;
    assert!(me.data()["me"].is_null());
    let anonymous = app
        .request(Some(&user.token), None, "{ mySessions { id } }", json!({}))
        .await;
    assert_eq!(anonymous.code(), "UNAUTHENTICATED");

    // Log out everywhere.
    let fresh = app.login(&user.email, PASSWORD).await;
    let also = app.login(&user.email, PASSWORD).await;
    let ended = app
        .request(
            Some(&fresh),
            None,
            "mutation { logoutEverywhere }",
            json!({}),
        )
        .await;
    assert_eq!(ended.data()["logoutEverywhere"], 2);
    for token in [&fresh, &also, &third] {
        assert!(
            app.request(Some(token), None, "{ me { email } }", json!({}))
                .await
                .data()["me"]
                .is_null()
        );
    }
}

#[tokio::test]
async fn session_tokens_and_passwords_are_stored_only_as_hashes() {
    let app = spawn_app().await;
    let user = app.user(Role::Requester, &[]).await;
    use sea_orm::{EntityTrait, QuerySelect};
    let sessions = banso::entity::sessions::Entity::find()
        .limit(10)
        .all(&app.state.db)
        .await
        .unwrap();
    assert_eq!(sessions.len(), 1);
    assert_ne!(sessions[0].token_hash, user.token);
    assert_eq!(
        sessions[0].token_hash,
        banso::auth::tokens::digest(&user.token)
    );
    let users = banso::entity::users::Entity::find()
        .all(&app.state.db)
        .await
        .unwrap();
    let hash = users[0].password_hash.as_deref().unwrap();
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert!(!hash.contains(PASSWORD));
}

#[tokio::test]
async fn browsers_use_an_http_only_session_cookie() {
    let app = spawn_app().await;
    let user = app.user(Role::Requester, &[]).await;
    let browser = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let response = browser
        .post(app.url("/graphql"))
        .json(
            &json!({ "query": LOGIN, "variables": { "email": user.email, "password": PASSWORD } }),
        )
        .send()
        .await
        .unwrap();
    let cookie = response
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("banso_session="));
    for attribute in ["HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=86400"] {
        assert!(cookie.contains(attribute), "{cookie}");
    }
    assert!(!cookie.contains("Secure"), "plain http in development");
    let me = browser
        .post(app.url("/graphql"))
        .json(&json!({ "query": "{ me { email } }" }))
        .send()
        .await
        .unwrap();
    let me: serde_json::Value = me.json().await.unwrap();
    assert_eq!(me["data"]["me"]["email"], user.email.as_str());

    let out = browser
        .post(app.url("/graphql"))
        .json(&json!({ "query": "mutation { logout }" }))
        .send()
        .await
        .unwrap();
    let cleared = out
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        cleared.starts_with("banso_session=;") && cleared.contains("Max-Age=0"),
        "{cleared}"
    );
    let me = browser
        .post(app.url("/graphql"))
        .json(&json!({ "query": "{ me { email } }" }))
        .send()
        .await
        .unwrap();
    let me: serde_json::Value = me.json().await.unwrap();
    assert!(me["data"]["me"].is_null());
}

#[tokio::test]
async fn secure_cookies_when_served_over_https() {
    let app = spawn_app_with(|env| {
        env.insert(
            "BANSO_SERVER__PUBLIC_URL".into(),
            "https://banso.example.jp".into(),
        );
    })
    .await;
    let user = app.user(Role::Requester, &[]).await;
    let response = app
        .client
        .post(app.url("/graphql"))
        .json(
            &json!({ "query": LOGIN, "variables": { "email": user.email, "password": PASSWORD } }),
        )
        .send()
        .await
        .unwrap();
    let cookie = response
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(cookie.contains("; Secure"), "{cookie}");
}

#[tokio::test]
async fn a_forgotten_password_is_reset_by_email_and_old_sessions_end() {
    let app = spawn_app().await;
    let user = app
        .user_with_email(Role::Requester, &[], "forgetful@example.jp", Locale::En)
        .await;
    let asked = app
        .graphql(
            "mutation { requestPasswordReset(email: \"forgetful@example.jp\") }",
            json!({}),
        )
        .await;
    assert_eq!(asked.data()["requestPasswordReset"], true);
    let unknown = app
        .graphql(
            "mutation { requestPasswordReset(email: \"nobody@example.jp\") }",
            json!({}),
        )
        .await;
    assert_eq!(
        unknown.data()["requestPasswordReset"],
        true,
        "no hint whether the address exists"
    );

    let emails = app.sent_emails().await;
    assert_eq!(emails.len(), 1);
    assert_eq!(emails[0].subject, "Choose a new password for Bansō");
    let token = emails[0].token("/set-password");

    let weak = app
        .request(None, Some("en"), "mutation($t: String!) { setPassword(input: {token: $t, password: \"short\"}) { email } }", json!({ "t": token }))
        .await;
    assert_eq!(
        weak.field_errors(),
        [("password".to_owned(), "PASSWORD_TOO_SHORT".to_owned())]
    );

    let set = app
        .graphql("mutation($t: String!) { setPassword(input: {token: $t, password: \"a brand new passphrase\"}) { email } }", json!({ "t": token }))
        .await;
    assert_eq!(set.data()["setPassword"]["email"], "forgetful@example.jp");
    assert!(
        app.request(Some(&user.token), None, "{ me { email } }", json!({}))
            .await
            .data()["me"]
            .is_null(),
        "old sessions end"
    );
    let old = app
        .graphql(LOGIN, json!({ "email": user.email, "password": PASSWORD }))
        .await;
    assert_eq!(old.code(), "INVALID_CREDENTIALS");
    app.login(&user.email, "a brand new passphrase").await;

    let reused = app
        .graphql("mutation($t: String!) { setPassword(input: {token: $t, password: \"yet another passphrase\"}) { email } }", json!({ "t": token }))
        .await;
    assert_eq!(reused.code(), "TOKEN_INVALID");
    let emails = app.sent_emails().await;
    assert_eq!(emails.len(), 2);
    assert_eq!(emails[1].subject, "Your Bansō password was changed");
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_ends_other_sessions() {
    let app = spawn_app().await;
    let user = app.user(Role::Advisor, &["CARISO"]).await;
    let other = app.login(&user.email, PASSWORD).await;
    const CHANGE: &str = "mutation($c: String!, $n: String!) { changePassword(input: {currentPassword: $c, newPassword: $n}) }";

    let wrong = app
        .graphql_as(
            &user,
            "ja",
            CHANGE,
            json!({ "c": "not my password", "n": "x" }),
        )
        .await;
    let mut fields = wrong.field_errors();
    fields.sort();
    assert_eq!(
        fields,
        [
            (
                "currentPassword".to_owned(),
                "CURRENT_PASSWORD_WRONG".to_owned()
            ),
            ("newPassword".to_owned(), "PASSWORD_TOO_SHORT".to_owned())
        ]
    );
    app.login(&user.email, PASSWORD).await;

    let changed = app
        .graphql_as(
            &user,
            "ja",
            CHANGE,
            json!({ "c": PASSWORD, "n": "a fresh passphrase" }),
        )
        .await;
    assert_eq!(changed.data()["changePassword"], true);
    assert_eq!(
        app.request(Some(&user.token), None, "{ me { email } }", json!({}))
            .await
            .data()["me"]["email"],
        user.email.as_str(),
        "this session stays"
    );
    assert!(
        app.request(Some(&other), None, "{ me { email } }", json!({}))
            .await
            .data()["me"]
            .is_null()
    );
    let emails = app.sent_emails().await;
    assert_eq!(
        emails.last().unwrap().subject,
        "【伴走】パスワードが変更されました"
    );
}

#[tokio::test]
async fn a_users_language_choice_is_kept_and_wins_over_the_browsers() {
    let app = spawn_app().await;
    let user = app.user(Role::Requester, &[]).await;
    let updated = app
        .graphql_as(&user, "ja", "mutation { updateMyProfile(input: {locale: EN, displayName: \" Hana \"}) { locale displayName roleLabel } }", json!({}))
        .await;
    let me = &updated.data()["updateMyProfile"];
    assert_eq!(me["locale"], "EN");
    assert_eq!(me["displayName"], "Hana");
    // Errors now come in English whatever the browser asks for.
    let refused = app
        .graphql_as(&user, "ja", "{ users { totalCount } }", json!({}))
        .await;
    assert_eq!(refused.code(), "FORBIDDEN");
    assert_eq!(refused.message(), "You do not have permission to do this.");
    let labelled = app
        .graphql_as(&user, "ja", "{ me { roleLabel } }", json!({}))
        .await;
    assert_eq!(labelled.data()["me"]["roleLabel"], "Requester");

    let invalid = app
        .graphql_as(
            &user,
            "en",
            "mutation { updateMyProfile(input: {displayName: \"  \"}) { displayName } }",
            json!({}),
        )
        .await;
    assert_eq!(
        invalid.field_errors(),
        [("displayName".to_owned(), "REQUIRED".to_owned())]
    );
}
