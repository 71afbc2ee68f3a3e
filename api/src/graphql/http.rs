//! `/graphql` over HTTP, following GraphQL-over-HTTP:
//!
//! - GET runs queries only; a mutation over GET is refused with 405.
//! - POST bodies must be JSON (`application/json` or `application/graphql-response+json`),
//!   else 415; bodies over the configured limit get 413; batches (JSON arrays) get 400.
//! - Answers are `application/graphql-response+json` when the client accepts it (request
//!   errors then get 400 and no `data`), else `application/json`.
//! - In development, a browser asking for HTML gets GraphiQL.

use async_graphql::{
    Request as GraphqlRequest, Variables,
    parser::{parse_query, types::OperationType},
};
use poem::{
    Body, IntoResponse, Request, Response, handler,
    http::{HeaderValue, Method, StatusCode, header},
    web::Data,
};
use serde::Deserialize;
use serde_json::json;

use super::{
    BansoSchema, RequestContext,
    errors::{ExecutionMarker, localise_response},
};
use crate::{
    auth::{Actor, sessions},
    error::{ErrorCode, HttpFailure},
    i18n::Locale,
    state::AppState,
    telemetry::RequestId,
    web,
};

pub const SESSION_COOKIE: &str = "banso_session";
const GRAPHQL_RESPONSE_JSON: &str = "application/graphql-response+json";
const JSON: &str = "application/json";

pub fn session_cookie(token: &str, max_age_secs: i64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}{secure}"
    )
}

pub fn cleared_session_cookie(secure: bool) -> String {
    session_cookie("", 0, secure)
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GetParams {
    query: Option<String>,
    operation_name: Option<String>,
    variables: Option<String>,
    extensions: Option<String>,
}

#[handler]
pub async fn endpoint(
    request: &Request,
    body: Body,
    app: Data<&AppState>,
    schema: Data<&BansoSchema>,
) -> Response {
    let app = app.0;
    let request_id = request
        .extensions()
        .get::<RequestId>()
        .map(|id| id.0.clone())
        .unwrap_or_default();
    let media = ResponseMedia::from_accept(request.header(header::ACCEPT));
    let header_locale = Locale::negotiate(request.header(header::ACCEPT_LANGUAGE));
    let refuse = |failure: HttpFailure| failure_response(app, failure, header_locale, media);

    let graphql_request = match *request.method() {
        Method::GET => {
            if app.settings.is_development() && wants_html(request) {
                return web::graphiql();
            }
            match read_get(request) {
                Ok(graphql_request) => graphql_request,
                Err(failure) => {
                    let mut response = refuse(failure);
                    if failure.code == ErrorCode::MutationOverGet {
                        response
                            .headers_mut()
                            .insert(header::ALLOW, HeaderValue::from_static("POST"));
                    }
                    return response;
                }
            }
        }
        Method::POST => {
            match read_post(request, body, app.settings.server.body_limit_bytes).await {
                Ok(graphql_request) => graphql_request,
                Err(failure) => return refuse(failure),
            }
        }
        _ => {
            let mut response = refuse(HttpFailure {
                status: 405,
                code: ErrorCode::MethodNotAllowed,
            });
            response
                .headers_mut()
                .insert(header::ALLOW, HeaderValue::from_static("GET, POST"));
            return response;
        }
    };

    let actor = match request_actor(app, request).await {
        Ok(actor) => actor,
        Err(error) => {
            tracing::error!(
                request_id,
                error = format!("{error:#}"),
                "could not read the session"
            );
            return refuse(HttpFailure {
                status: 503,
                code: ErrorCode::Internal,
            });
        }
    };
    let locale = match &actor {
        Actor::User(viewer) => viewer.locale,
        Actor::Anonymous | Actor::System => header_locale,
    };
    let context = RequestContext {
        actor,
        locale,
        client_address: client_address(request, app.settings.server.trust_forwarded_for),
        user_agent: request.header(header::USER_AGENT).map(str::to_owned),
        request_id: request_id.clone(),
        secure_cookies: app.settings.public_url().starts_with("https://"),
    };
    let marker = ExecutionMarker::default();
    let graphql_request = graphql_request.data(context).data(marker.clone());

    let timeout = app.settings.request_timeout();
    let Ok(mut response) = tokio::time::timeout(timeout, schema.execute(graphql_request)).await
    else {
        return failure_response(
            app,
            HttpFailure {
                status: 503,
                code: ErrorCode::RequestTimeout,
            },
            locale,
            media,
        );
    };
    localise_response(&mut response, &app.i18n, locale, &request_id);

    let executed = marker.executed();
    let mut body = serde_json::Map::new();
    if executed {
        body.insert(
            "data".into(),
            serde_json::to_value(&response.data).unwrap_or(serde_json::Value::Null),
        );
    }
    if !response.errors.is_empty() {
        body.insert(
            "errors".into(),
            serde_json::to_value(&response.errors).unwrap_or_else(|_| json!([])),
        );
    }
    if !response.extensions.is_empty() {
        body.insert(
            "extensions".into(),
            serde_json::to_value(&response.extensions).unwrap_or_else(|_| json!({})),
        );
    }
    let status = match media {
        ResponseMedia::GraphqlResponseJson if !executed => StatusCode::BAD_REQUEST,
        _ => StatusCode::OK,
    };
    let mut http = Response::builder()
        .status(status)
        .content_type(media.content_type())
        .header(header::CACHE_CONTROL, "no-store")
        .body(serde_json::Value::Object(body).to_string());
    for (name, value) in response.http_headers.iter() {
        http.headers_mut().append(name.clone(), value.clone());
    }
    http
}

fn read_get(request: &Request) -> Result<GraphqlRequest, HttpFailure> {
    let malformed = HttpFailure {
        status: 400,
        code: ErrorCode::MalformedRequest,
    };
    let params: GetParams = request.params().map_err(|_| malformed)?;
    let query = params
        .query
        .filter(|q| !q.trim().is_empty())
        .ok_or(malformed)?;
    if let Ok(document) = parse_query(&query) {
        let operation = match &params.operation_name {
            Some(name) => document
                .operations
                .iter()
                .find(|(op_name, _)| op_name.is_some_and(|n| n.as_str() == name)),
            None => document.operations.iter().next(),
        };
        if let Some((_, operation)) = operation
            && operation.node.ty != OperationType::Query
        {
            return Err(HttpFailure {
                status: 405,
                code: ErrorCode::MutationOverGet,
            });
        }
    }
    let mut graphql_request = GraphqlRequest::new(query);
    if let Some(name) = params.operation_name {
        graphql_request = graphql_request.operation_name(name);
    }
    if let Some(variables) = params.variables.filter(|v| !v.is_empty()) {
        let json: serde_json::Value = serde_json::from_str(&variables).map_err(|_| malformed)?;
        if !json.is_object() && !json.is_null() {
            return Err(malformed);
        }
        graphql_request = graphql_request.variables(Variables::from_json(json));
    }
    if let Some(extensions) = params.extensions.filter(|e| !e.is_empty()) {
        let _: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&extensions).map_err(|_| malformed)?;
    }
    Ok(graphql_request)
}

async fn read_post(
    request: &Request,
    body: Body,
    limit: usize,
) -> Result<GraphqlRequest, HttpFailure> {
    let content_type = request.header(header::CONTENT_TYPE).map(|value| {
        value
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase()
    });
    match content_type.as_deref() {
        Some(JSON | GRAPHQL_RESPONSE_JSON) => {}
        _ => {
            return Err(HttpFailure {
                status: 415,
                code: ErrorCode::UnsupportedMediaType,
            });
        }
    }
    let too_large = HttpFailure {
        status: 413,
        code: ErrorCode::BodyTooLarge,
    };
    let declared = request
        .header(header::CONTENT_LENGTH)
        .and_then(|length| length.parse::<usize>().ok());
    if declared.is_some_and(|length| length > limit) {
        return Err(too_large);
    }
    let bytes = body
        .into_bytes_limit(limit)
        .await
        .map_err(|error| match error {
            poem::error::ReadBodyError::PayloadTooLarge => too_large,
            _ => HttpFailure {
                status: 400,
                code: ErrorCode::MalformedRequest,
            },
        })?;
    let malformed = HttpFailure {
        status: 400,
        code: ErrorCode::MalformedRequest,
    };
    let json: serde_json::Value = serde_json::from_slice(&bytes).map_err(|_| malformed)?;
    match json {
        serde_json::Value::Array(_) => Err(HttpFailure {
            status: 400,
            code: ErrorCode::BatchingNotSupported,
        }),
        serde_json::Value::Object(ref object)
            if object
                .get("query")
                .is_some_and(serde_json::Value::is_string) =>
        {
            serde_json::from_value(json).map_err(|_| malformed)
        }
        _ => Err(malformed),
    }
}

/// Who sends the request: the user of its session (Bearer token or cookie), else nobody.
pub(crate) async fn request_actor(app: &AppState, request: &Request) -> anyhow::Result<Actor> {
    Ok(match session_token(request) {
        Some(token) => match sessions::resolve(&app.db, &app.settings.auth, &token).await? {
            Some(viewer) => Actor::User(viewer),
            None => Actor::Anonymous,
        },
        None => Actor::Anonymous,
    })
}

/// The session token: `Authorization: Bearer …`, else the session cookie.
fn session_token(request: &Request) -> Option<String> {
    if let Some(token) = request
        .header(header::AUTHORIZATION)
        .and_then(|value| value.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|token| !token.is_empty())
    {
        return Some(token.to_owned());
    }
    request
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|cookies| cookies.split(';'))
        .filter_map(|cookie| cookie.trim().split_once('='))
        .find(|(name, value)| *name == SESSION_COOKIE && !value.is_empty())
        .map(|(_, value)| value.to_owned())
}

pub fn client_address(request: &Request, trust_forwarded_for: bool) -> String {
    if trust_forwarded_for
        && let Some(forwarded) = request
            .header("x-forwarded-for")
            .and_then(|value| value.rsplit(',').next())
            .map(str::trim)
            .filter(|value| !value.is_empty())
    {
        return forwarded.chars().take(64).collect();
    }
    request
        .remote_addr()
        .as_socket_addr()
        .map(|addr| addr.ip().to_string())
        .unwrap_or_else(|| "unknown".to_owned())
}

fn wants_html(request: &Request) -> bool {
    request
        .header(header::ACCEPT)
        .is_some_and(|accept| accept.contains("text/html"))
        && request
            .uri()
            .query()
            .is_none_or(|query| !query.contains("query="))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ResponseMedia {
    GraphqlResponseJson,
    Json,
}

impl ResponseMedia {
    fn from_accept(accept: Option<&str>) -> Self {
        match accept {
            Some(accept) if accept.to_ascii_lowercase().contains(GRAPHQL_RESPONSE_JSON) => {
                ResponseMedia::GraphqlResponseJson
            }
            _ => ResponseMedia::Json,
        }
    }

    fn content_type(self) -> &'static str {
        match self {
            ResponseMedia::GraphqlResponseJson => {
                "application/graphql-response+json; charset=utf-8"
            }
            ResponseMedia::Json => "application/json; charset=utf-8",
        }
    }
}

/// A refusal before GraphQL runs, in the shape of a GraphQL response.
fn failure_response(
    app: &AppState,
    failure: HttpFailure,
    locale: Locale,
    media: ResponseMedia,
) -> Response {
    let message = app.i18n.error_message(locale, failure.code, &[]);
    let body = json!({ "errors": [{ "message": message, "extensions": { "code": failure.code.as_str() } }] });
    Response::builder()
        .status(StatusCode::from_u16(failure.status).unwrap_or(StatusCode::BAD_REQUEST))
        .content_type(media.content_type())
        .header(header::CACHE_CONTROL, "no-store")
        .body(body.to_string())
        .into_response()
}
