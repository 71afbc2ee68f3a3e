//! `/health` (the process is up) and `/ready` (it can serve: the database answers and its
//! schema is current).

use std::time::Duration;

use poem::{IntoResponse, Response, handler, http::StatusCode, web::Data, web::Json};
use serde_json::json;

use crate::{db, state::AppState};

const CHECK_TIMEOUT: Duration = Duration::from_secs(3);

#[handler]
pub async fn health() -> Response {
    Json(json!({ "status": "ok" })).into_response()
}

#[handler]
pub async fn ready(app: Data<&AppState>) -> Response {
    let database = match tokio::time::timeout(CHECK_TIMEOUT, db::ping(&app.db)).await {
        Ok(Ok(())) => match db::pending_migrations(&app.db).await {
            Ok(0) => "ok",
            Ok(_) => "migrations pending",
            Err(_) => "unreachable",
        },
        Ok(Err(error)) => {
            tracing::warn!(%error, "readiness: database unreachable");
            "unreachable"
        }
        Err(_) => "unreachable",
    };
    if database == "ok" {
        Json(json!({ "status": "ready", "database": database })).into_response()
    } else {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({ "status": "unavailable", "database": database })),
        )
            .into_response()
    }
}
