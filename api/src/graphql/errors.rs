//! Every GraphQL error leaves with a stable `extensions.code` and a message in the request's
//! language (rendered by the HTTP endpoint, which knows the request's locale). Unexpected failures are logged with their cause chain and the request id, and
//! reach the client as `INTERNAL` with nothing of their internals.

use std::sync::Arc;

use async_graphql::{
    Response, ServerError, ServerResult, ValidationResult, Value, Variables,
    extensions::{
        Extension, ExtensionContext, ExtensionFactory, NextExecute, NextParseQuery, NextValidation,
    },
    parser::types::{ExecutableDocument, Selection, SelectionSet},
};

use crate::{
    error::{ApiError, Coded, ErrorArg, ErrorCode},
    i18n::{I18n, Locale},
};

/// Marks that the operation ran, so the HTTP layer can tell request errors (nothing ran,
/// no `data`) from field errors.
#[derive(Debug, Default, Clone)]
pub struct ExecutionMarker(Arc<std::sync::atomic::AtomicBool>);

impl ExecutionMarker {
    pub fn executed(&self) -> bool {
        self.0.load(std::sync::atomic::Ordering::Relaxed)
    }
}

/// Gives the engine's own parse and validation errors their codes, refuses introspection
/// where it is turned off, and marks execution.
pub struct ErrorCoding {
    pub introspection: bool,
}

impl ExtensionFactory for ErrorCoding {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(CodeErrors {
            introspection: self.introspection,
        })
    }
}

struct CodeErrors {
    introspection: bool,
}

#[async_graphql::async_trait::async_trait]
impl Extension for CodeErrors {
    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let document = next.run(ctx, query, variables).await.map_err(|mut error| {
            set_code(&mut error, ErrorCode::GraphqlParseFailed);
            error
        })?;
        if !self.introspection && asks_for_introspection(&document) {
            let mut error = ServerError::new("introspection is disabled", None);
            set_code(&mut error, ErrorCode::IntrospectionDisabled);
            return Err(error);
        }
        Ok(document)
    }

    async fn validation(
        &self,
        ctx: &ExtensionContext<'_>,
        next: NextValidation<'_>,
    ) -> Result<ValidationResult, Vec<ServerError>> {
        next.run(ctx).await.map_err(|mut errors| {
            for error in &mut errors {
                let code = match error.message.as_str() {
                    "Query is nested too deep." => ErrorCode::QueryTooDeep,
                    "Query is too complex." => ErrorCode::QueryTooComplex,
                    _ => ErrorCode::GraphqlValidationFailed,
                };
                set_code(error, code);
            }
            errors
        })
    }

    async fn execute(
        &self,
        ctx: &ExtensionContext<'_>,
        operation_name: Option<&str>,
        next: NextExecute<'_>,
    ) -> Response {
        if let Some(marker) = ctx.data_opt::<ExecutionMarker>() {
            marker.0.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        next.run(ctx, operation_name).await
    }
}

/// Whether any operation selects `__schema` or `__type` at its root, directly or through
/// fragments.
fn asks_for_introspection(document: &ExecutableDocument) -> bool {
    fn selects(document: &ExecutableDocument, set: &SelectionSet, depth: usize) -> bool {
        depth < 16
            && set.items.iter().any(|item| match &item.node {
                Selection::Field(field) => {
                    matches!(field.node.name.node.as_str(), "__schema" | "__type")
                }
                Selection::InlineFragment(fragment) => {
                    selects(document, &fragment.node.selection_set.node, depth + 1)
                }
                Selection::FragmentSpread(spread) => document
                    .fragments
                    .get(&spread.node.fragment_name.node)
                    .is_some_and(|fragment| {
                        selects(document, &fragment.node.selection_set.node, depth + 1)
                    }),
            })
    }
    document
        .operations
        .iter()
        .any(|(_, operation)| selects(document, &operation.node.selection_set.node, 0))
}

/// Codes the GraphQL engine's own errors before execution; the original text stays in
/// `extensions.detail` for developers.
fn set_code(error: &mut ServerError, code: ErrorCode) {
    let extensions = error.extensions.get_or_insert_with(Default::default);
    extensions.set("code", code.as_str());
    extensions.set("detail", error.message.clone());
}

fn code_of(error: &ServerError) -> Option<ErrorCode> {
    let code = error.extensions.as_ref()?.get("code")?;
    match code {
        Value::String(code) => ErrorCode::ALL.iter().copied().find(|c| c.as_str() == code),
        _ => None,
    }
}

/// Renders every error of a response in `locale`, with its code in `extensions.code`.
pub fn localise_response(response: &mut Response, i18n: &I18n, locale: Locale, request_id: &str) {
    for error in &mut response.errors {
        localise(error, i18n, locale, request_id);
    }
}

fn localise(error: &mut ServerError, i18n: &I18n, locale: Locale, request_id: &str) {
    if let Some(code) = code_of(error) {
        error.message = i18n.error_message(locale, code, &[]);
        return;
    }
    let api_error = error
        .source
        .as_ref()
        .and_then(|source| source.downcast_ref::<ApiError>());
    let extensions = error.extensions.get_or_insert_with(Default::default);
    match api_error {
        Some(ApiError::Coded(Coded { code, args })) => {
            error.message = i18n.error_message(locale, *code, args);
            extensions.set("code", code.as_str());
            for (name, value) in args {
                extensions.set(*name, arg_value(value));
            }
        }
        Some(ApiError::Validation(fields)) => {
            error.message = i18n.error_message(locale, ErrorCode::ValidationFailed, &[]);
            extensions.set("code", ErrorCode::ValidationFailed.as_str());
            let fields: Vec<Value> = fields
                .iter()
                .map(|field| {
                    let mut entry = async_graphql::indexmap::IndexMap::new();
                    entry.insert(
                        async_graphql::Name::new("field"),
                        Value::from(field.field.clone()),
                    );
                    entry.insert(
                        async_graphql::Name::new("code"),
                        Value::from(field.error.code.as_str()),
                    );
                    entry.insert(
                        async_graphql::Name::new("message"),
                        Value::from(i18n.error_message(
                            locale,
                            field.error.code,
                            &field.error.args,
                        )),
                    );
                    for (name, value) in &field.error.args {
                        entry.insert(async_graphql::Name::new(*name), arg_value(value));
                    }
                    Value::Object(entry)
                })
                .collect();
            extensions.set("fields", Value::List(fields));
        }
        Some(ApiError::Internal(cause)) => {
            tracing::error!(request_id, error = format!("{cause:#}"), "internal error");
            internal(error, i18n, locale, request_id);
        }
        None if is_input_error(&error.message) => {
            let detail = std::mem::take(&mut error.message);
            error.message = i18n.error_message(locale, ErrorCode::BadUserInput, &[]);
            let extensions = error.extensions.get_or_insert_with(Default::default);
            extensions.set("code", ErrorCode::BadUserInput.as_str());
            extensions.set("detail", detail);
        }
        None => {
            tracing::error!(request_id, error = %error.message, "uncoded GraphQL error");
            internal(error, i18n, locale, request_id);
        }
    }
}

fn internal(error: &mut ServerError, i18n: &I18n, locale: Locale, request_id: &str) {
    error.message = i18n.error_message(locale, ErrorCode::Internal, &[]);
    let mut extensions = async_graphql::ErrorExtensionValues::default();
    extensions.set("code", ErrorCode::Internal.as_str());
    extensions.set("requestId", request_id);
    error.extensions = Some(extensions);
}

/// Arguments that could not be read as their declared types.
fn is_input_error(message: &str) -> bool {
    message.starts_with("Failed to parse")
        || message.starts_with("Invalid value for argument")
        || message.starts_with("Expected input type")
}

fn arg_value(value: &ErrorArg) -> Value {
    match value {
        ErrorArg::Text(text) => Value::from(text.clone()),
        ErrorArg::Number(number) | ErrorArg::Yen(number) => Value::from(*number),
    }
}
