//! What a resolver knows about the request: who asks, in which language, from where.

use async_graphql::{Context, dataloader::DataLoader};

use crate::{auth::Actor, error::ApiError, i18n::Locale, state::AppState};

/// Built by the HTTP endpoint for each request.
#[derive(Debug, Clone)]
pub struct RequestContext {
    pub actor: Actor,
    pub locale: Locale,
    pub client_address: String,
    pub user_agent: Option<String>,
    pub request_id: String,
    /// Whether cookies are to be marked `Secure` (the public URL is https).
    pub secure_cookies: bool,
}

/// Typed access to the request's data, without `unwrap`.
pub trait ContextExt {
    fn app(&self) -> Result<&AppState, ApiError>;
    fn request(&self) -> Result<&RequestContext, ApiError>;

    fn actor(&self) -> Result<&Actor, ApiError> {
        Ok(&self.request()?.actor)
    }

    fn locale(&self) -> Locale {
        self.request()
            .map(|request| request.locale)
            .unwrap_or(Locale::DEFAULT)
    }

    /// A dataloader registered in `schema.rs`.
    fn loader<L: Send + Sync + 'static>(&self) -> Result<&DataLoader<L>, ApiError>;
}

impl ContextExt for Context<'_> {
    fn app(&self) -> Result<&AppState, ApiError> {
        self.data::<AppState>().map_err(|_| {
            ApiError::internal(anyhow::anyhow!(
                "the schema was built without the application state"
            ))
        })
    }

    fn request(&self) -> Result<&RequestContext, ApiError> {
        self.data::<RequestContext>().map_err(|_| {
            ApiError::internal(anyhow::anyhow!("the request carries no request context"))
        })
    }

    fn loader<L: Send + Sync + 'static>(&self) -> Result<&DataLoader<L>, ApiError> {
        self.data::<DataLoader<L>>().map_err(|_| {
            ApiError::internal(anyhow::anyhow!(
                "dataloader {} is not registered",
                std::any::type_name::<L>()
            ))
        })
    }
}
