//! The GraphQL API: the merged schema, the per-request context, error localisation,
//! dataloaders, and the HTTP endpoint at `/graphql`.

mod context;
pub(crate) mod errors;
pub mod http;
pub mod loaders;
mod pagination;
pub mod scalars;
mod schema;

pub use context::{ContextExt, RequestContext};
pub use pagination::{TotalCount, connection};
pub use schema::{BansoSchema, MutationRoot, QueryRoot, build_schema, sdl};

use std::sync::Arc;

use crate::error::ApiError;

/// Services return [`ApiError`]; resolvers hand it on with `?`. The error travels as the
/// GraphQL error's source and is rendered in the request's language by [`errors`].
impl From<ApiError> for async_graphql::Error {
    fn from(error: ApiError) -> Self {
        async_graphql::Error {
            message: error.code().as_str().to_owned(),
            source: Some(Arc::new(error)),
            extensions: None,
        }
    }
}
