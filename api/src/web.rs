//! The browser UI: the Vite build in `web/dist`, embedded in the binary, served at `/` with
//! client-side routes falling back to `index.html`; and the Fluent files it reads at
//! `/locales/{en,ja}.ftl`, the same the server uses.

use poem::{
    IntoResponse, Request, Response, handler,
    http::{Method, StatusCode, header},
    web::{Data, Path},
};
use rust_embed::RustEmbed;

use crate::{i18n::Locale, state::AppState};

#[derive(RustEmbed)]
#[folder = "../web/dist/"]
struct WebAssets;

/// What pages may load: only Bansō's own scripts, styles and API.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
     img-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; font-src 'self' data:; \
     frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

#[handler]
pub async fn assets(request: &Request) -> Response {
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        return StatusCode::METHOD_NOT_ALLOWED.into_response();
    }
    let path = request.uri().path().trim_start_matches('/');
    if let Some(file) = (!path.is_empty()).then(|| WebAssets::get(path)).flatten() {
        let immutable = path.starts_with("assets/");
        return file_response(path, file, immutable);
    }
    // A missing file under /assets is a real 404; any other path is a route of the UI.
    if path.starts_with("assets/") || path.contains('.') {
        return StatusCode::NOT_FOUND.into_response();
    }
    page("index.html")
}

/// The GraphiQL page (development only; the caller checks).
pub fn graphiql() -> Response {
    page("graphiql.html")
}

fn page(name: &str) -> Response {
    match WebAssets::get(name) {
        Some(file) => file_response(name, file, false),
        None => (
            StatusCode::NOT_FOUND,
            "The web UI has not been built: run `npm run build` in web/.",
        )
            .into_response(),
    }
}

fn file_response(path: &str, file: rust_embed::EmbeddedFile, immutable: bool) -> Response {
    let mime = file.metadata.mimetype();
    let mut response = Response::builder()
        .content_type(if mime.starts_with("text/") && !mime.contains("charset") {
            format!("{mime}; charset=utf-8")
        } else {
            mime.to_owned()
        })
        .header(
            header::CACHE_CONTROL,
            if immutable {
                "public, max-age=31536000, immutable"
            } else {
                "no-cache"
            },
        )
        .body(file.data.into_owned());
    if path.ends_with(".html")
        && let Ok(value) = CONTENT_SECURITY_POLICY.parse()
    {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, value);
    }
    response
}

/// `/locales/en.ftl`, `/locales/ja.ftl`: every Fluent message of the locale.
#[handler]
pub async fn locale_file(Path(file): Path<String>, app: Data<&AppState>) -> Response {
    let locale = file.strip_suffix(".ftl").and_then(Locale::parse);
    match locale {
        Some(locale) => Response::builder()
            .content_type("text/plain; charset=utf-8")
            .header(header::CACHE_CONTROL, "no-cache")
            .body(app.i18n.source(locale).to_owned()),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
