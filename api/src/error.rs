//! The API's errors: one table of stable codes, each with a Fluent message in `en` and `ja`.
//!
//! Services return [`ApiError`]. At the GraphQL boundary the code goes into
//! `extensions.code` and the message is rendered in the request's locale
//! (see `graphql::errors`). Unexpected failures are logged with their cause chain and reach
//! the client as `INTERNAL`, with nothing of their internals.

use std::fmt;

use sea_orm::DbErr;

macro_rules! error_codes {
    ($($(#[$doc:meta])* $variant:ident => $code:literal,)*) => {
        /// Stable, machine-readable error codes. Never rename one: clients depend on them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ErrorCode {
            $($(#[$doc])* $variant,)*
        }

        impl ErrorCode {
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)*];

            /// The SCREAMING_SNAKE code clients see in `extensions.code`.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $code,)*
                }
            }

            /// The Rust name of the variant, as it is written at its uses in the source.
            pub const fn variant_name(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => stringify!($variant),)*
                }
            }
        }
    };
}

error_codes! {
    /// Something failed that the client cannot fix; details are in the server log.
    Internal => "INTERNAL",
    Unauthenticated => "UNAUTHENTICATED",
    Forbidden => "FORBIDDEN",
    NotFound => "NOT_FOUND",
    InvalidId => "INVALID_ID",
    ValidationFailed => "VALIDATION_FAILED",
    BadUserInput => "BAD_USER_INPUT",
    GraphqlParseFailed => "GRAPHQL_PARSE_FAILED",
    GraphqlValidationFailed => "GRAPHQL_VALIDATION_FAILED",
    QueryTooDeep => "QUERY_TOO_DEEP",
    QueryTooComplex => "QUERY_TOO_COMPLEX",
    IntrospectionDisabled => "INTROSPECTION_DISABLED",
    BatchingNotSupported => "BATCHING_NOT_SUPPORTED",
    UnsupportedMediaType => "UNSUPPORTED_MEDIA_TYPE",
    MethodNotAllowed => "METHOD_NOT_ALLOWED",
    MutationOverGet => "MUTATION_OVER_GET",
    BodyTooLarge => "BODY_TOO_LARGE",
    MalformedRequest => "MALFORMED_REQUEST",
    RequestTimeout => "REQUEST_TIMEOUT",
    PageSizeTooLarge => "PAGE_SIZE_TOO_LARGE",
    InvalidCursor => "INVALID_CURSOR",
    // Accounts and sessions.
    InvalidCredentials => "INVALID_CREDENTIALS",
    EmailNotVerified => "EMAIL_NOT_VERIFIED",
    AccountDeactivated => "ACCOUNT_DEACTIVATED",
    LoginThrottled => "LOGIN_THROTTLED",
    TokenInvalid => "TOKEN_INVALID",
    TokenExpired => "TOKEN_EXPIRED",
    CannotDeactivateSelf => "CANNOT_DEACTIVATE_SELF",
    CannotChangeOwnRole => "CANNOT_CHANGE_OWN_ROLE",
    RoleChangeNotAllowed => "ROLE_CHANGE_NOT_ALLOWED",
    InvitationNotPending => "INVITATION_NOT_PENDING",
    // Field-level validation codes, reported inside VALIDATION_FAILED.
    Required => "REQUIRED",
    TooLong => "TOO_LONG",
    OutOfRange => "OUT_OF_RANGE",
    EmailInvalid => "EMAIL_INVALID",
    EmailTaken => "EMAIL_TAKEN",
    PasswordTooShort => "PASSWORD_TOO_SHORT",
    PasswordTooLong => "PASSWORD_TOO_LONG",
    PasswordContainsEmail => "PASSWORD_CONTAINS_EMAIL",
    CurrentPasswordWrong => "CURRENT_PASSWORD_WRONG",
    CountryCodeInvalid => "COUNTRY_CODE_INVALID",
    OrganisationKindNotAllowed => "ORGANISATION_KIND_NOT_ALLOWED",
    OrganisationRequired => "ORGANISATION_REQUIRED",
    OrganisationNotAllowed => "ORGANISATION_NOT_ALLOWED",
    DeskRequired => "DESK_REQUIRED",
    DesksNotAllowed => "DESKS_NOT_ALLOWED",
    UnknownDesk => "UNKNOWN_DESK",
    UnknownOrganisation => "UNKNOWN_ORGANISATION",
    CodeInvalid => "CODE_INVALID",
    CodeTaken => "CODE_TAKEN",
    // Consultations and referrals.
    /// Someone else changed the record since the client read it.
    EditConflict => "EDIT_CONFLICT",
    InvalidTransition => "INVALID_TRANSITION",
    ConsultationClosed => "CONSULTATION_CLOSED",
    AssigneeRequired => "ASSIGNEE_REQUIRED",
    ReferralPending => "REFERRAL_PENDING",
    ReferralNotPending => "REFERRAL_NOT_PENDING",
    ResolutionNotAllowed => "RESOLUTION_NOT_ALLOWED",
    AssigneeNotEligible => "ASSIGNEE_NOT_ELIGIBLE",
    UnknownTerm => "UNKNOWN_TERM",
    TooMany => "TOO_MANY",
    CorporateNumberInvalid => "CORPORATE_NUMBER_INVALID",
    SameDesk => "SAME_DESK",
    DeskInactive => "DESK_INACTIVE",
    DateInvalid => "DATE_INVALID",
    // The directory and search.
    /// The search engine cannot answer now; writes still succeed.
    SearchUnavailable => "SEARCH_UNAVAILABLE",
    /// The advisor already has a profile, or the organisation an entry of this kind.
    DirectoryEntryExists => "DIRECTORY_ENTRY_EXISTS",
    /// Details of the entry's own kind are missing.
    DetailsRequired => "DETAILS_REQUIRED",
    /// The field does not apply to this kind of entry.
    NotApplicable => "NOT_APPLICABLE",
    UserNotAdvisor => "USER_NOT_ADVISOR",
    UrlInvalid => "URL_INVALID",
    MinAboveMax => "MIN_ABOVE_MAX",
    // Introductions.
    /// The consultation already has a live introduction to this entry.
    IntroductionExists => "INTRODUCTION_EXISTS",
    /// The entry may not be introduced to this consultation (conflict, language, capacity,
    /// inactive, dismissed, or not an advisor, supporter or VC).
    IntroductionNotEligible => "INTRODUCTION_NOT_ELIGIBLE",
    /// The step does not follow from where the introduction stands.
    IntroductionStepNotAllowed => "INTRODUCTION_STEP_NOT_ALLOWED",
    /// An individual introduction to an organisation with no member account and no contact
    /// address: nobody would receive it.
    IntroductionTargetUnreachable => "INTRODUCTION_TARGET_UNREACHABLE",
    /// A date in the future, or before the step it follows.
    DateOutOfRange => "DATE_OUT_OF_RANGE",
    /// The outcome's type needs this detail (an investment's amount, round and date; an
    /// adoption's adopter).
    OutcomeDetailsRequired => "OUTCOME_DETAILS_REQUIRED",
    /// The detail does not belong to the outcome's type.
    OutcomeDetailsNotApplicable => "OUTCOME_DETAILS_NOT_APPLICABLE",
    // Grants.
    /// An amount of money must be at least 1 yen.
    AmountNotPositive => "AMOUNT_NOT_POSITIVE",
    /// A milestone's due date lies in the past.
    GrantDueDatePast => "GRANT_DUE_DATE_PAST",
    /// The application window must close within the fiscal year, on or after it opens.
    GrantWindowInvalid => "GRANT_WINDOW_INVALID",
    /// The programme's application window is not open (or already closed).
    GrantWindowClosed => "GRANT_WINDOW_CLOSED",
    /// More than the programme's per-award ceiling.
    GrantCeilingExceeded => "GRANT_CEILING_EXCEEDED",
    /// More than what is left of the programme's budget.
    GrantBudgetExceeded => "GRANT_BUDGET_EXCEEDED",
    /// The tranches add up to more than the award.
    GrantTranchesExceedAward => "GRANT_TRANCHES_EXCEED_AWARD",
    /// Milestones must fall due one after another, in the order given.
    GrantMilestonesOutOfOrder => "GRANT_MILESTONES_OUT_OF_ORDER",
    /// The organisation already has an application to this programme.
    GrantApplicationExists => "GRANT_APPLICATION_EXISTS",
    /// The programme does not fund this theme.
    GrantThemeNotOffered => "GRANT_THEME_NOT_OFFERED",
    /// The step does not follow from where the application or milestone stands.
    GrantStepNotAllowed => "GRANT_STEP_NOT_ALLOWED",
    /// The reviewer has a conflict of interest with the applicant.
    GrantReviewerConflict => "GRANT_REVIEWER_CONFLICT",
    /// Only active advisors and staff review applications.
    GrantReviewerNotEligible => "GRANT_REVIEWER_NOT_ELIGIBLE",
    /// A review scores every criterion of the programme, once.
    GrantReviewIncomplete => "GRANT_REVIEW_INCOMPLETE",
    /// The milestone's due date has passed.
    GrantPastDue => "GRANT_PAST_DUE",
    /// The budget may not fall below what is already committed.
    GrantBudgetBelowCommitted => "GRANT_BUDGET_BELOW_COMMITTED",
    /// The criteria cannot change once reviews were submitted.
    GrantCriteriaLocked => "GRANT_CRITERIA_LOCKED",
}

impl ErrorCode {
    /// The Fluent message id: `error-` and the code in kebab case.
    pub fn fluent_id(self) -> String {
        format!(
            "error-{}",
            self.as_str().to_ascii_lowercase().replace('_', "-")
        )
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A value for a placeholder in an error message; also exposed in `extensions`.
#[derive(Debug, Clone, PartialEq)]
pub enum ErrorArg {
    Text(String),
    Number(i64),
    /// Whole yen, written as the reader writes money (¥1,000 / 1,000円).
    Yen(i64),
}

impl From<&str> for ErrorArg {
    fn from(value: &str) -> Self {
        ErrorArg::Text(value.to_owned())
    }
}

impl From<String> for ErrorArg {
    fn from(value: String) -> Self {
        ErrorArg::Text(value)
    }
}

impl From<i64> for ErrorArg {
    fn from(value: i64) -> Self {
        ErrorArg::Number(value)
    }
}

impl From<u32> for ErrorArg {
    fn from(value: u32) -> Self {
        ErrorArg::Number(i64::from(value))
    }
}

impl From<usize> for ErrorArg {
    fn from(value: usize) -> Self {
        ErrorArg::Number(i64::try_from(value).unwrap_or(i64::MAX))
    }
}

/// One coded failure with the values its message needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Coded {
    pub code: ErrorCode,
    pub args: Vec<(&'static str, ErrorArg)>,
}

/// A problem with one input field, reported inside `VALIDATION_FAILED`.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    /// The input field's name as the client spelled it (camelCase).
    pub field: String,
    pub error: Coded,
}

/// The error every service returns.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{}", .0.code)]
    Coded(Coded),
    #[error("VALIDATION_FAILED: {0:?}")]
    Validation(Vec<FieldError>),
    #[error("INTERNAL: {0:#}")]
    Internal(anyhow::Error),
}

impl ApiError {
    pub fn new(code: ErrorCode) -> Self {
        ApiError::Coded(Coded {
            code,
            args: Vec::new(),
        })
    }

    /// Adds a value for the message's placeholder `$name`.
    pub fn with_arg(mut self, name: &'static str, value: impl Into<ErrorArg>) -> Self {
        if let ApiError::Coded(coded) = &mut self {
            coded.args.push((name, value.into()));
        }
        self
    }

    pub fn not_found() -> Self {
        ApiError::new(ErrorCode::NotFound)
    }

    pub fn internal(error: impl Into<anyhow::Error>) -> Self {
        ApiError::Internal(error.into())
    }

    pub fn field(field: impl Into<String>, code: ErrorCode) -> Self {
        ApiError::Validation(vec![FieldError::new(field, code)])
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            ApiError::Coded(coded) => coded.code,
            ApiError::Validation(_) => ErrorCode::ValidationFailed,
            ApiError::Internal(_) => ErrorCode::Internal,
        }
    }
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: ErrorCode) -> Self {
        FieldError {
            field: field.into(),
            error: Coded {
                code,
                args: Vec::new(),
            },
        }
    }

    pub fn with_arg(mut self, name: &'static str, value: impl Into<ErrorArg>) -> Self {
        self.error.args.push((name, value.into()));
        self
    }

    /// The same problem, reported on `field`.
    pub fn on(mut self, field: &str) -> Self {
        field.clone_into(&mut self.field);
        self
    }
}

impl From<FieldError> for ApiError {
    fn from(error: FieldError) -> Self {
        ApiError::Validation(vec![error])
    }
}

impl From<DbErr> for ApiError {
    fn from(error: DbErr) -> Self {
        ApiError::Internal(error.into())
    }
}

impl From<serde_json::Error> for ApiError {
    fn from(error: serde_json::Error) -> Self {
        ApiError::Internal(error.into())
    }
}

impl From<anyhow::Error> for ApiError {
    fn from(error: anyhow::Error) -> Self {
        ApiError::Internal(error)
    }
}

/// Collects field errors so a form reports every problem at once.
#[derive(Debug, Default)]
pub struct Validator {
    errors: Vec<FieldError>,
}

impl Validator {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, error: FieldError) {
        self.errors.push(error);
    }

    /// Records the error of a check on `field`, if it failed, and passes the value on. A
    /// failed check yields the type's default, which is never used: [`Validator::finish`]
    /// then refuses the whole input.
    pub fn check<T: Default>(&mut self, field: &str, result: Result<T, FieldError>) -> T {
        match result {
            Ok(value) => value,
            Err(mut error) => {
                error.field = field.to_owned();
                self.errors.push(error);
                T::default()
            }
        }
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    pub fn finish(self) -> Result<(), ApiError> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(ApiError::Validation(self.errors))
        }
    }
}

/// Failures of the HTTP layer before GraphQL runs, with their status codes.
#[derive(Debug, Clone, Copy)]
pub struct HttpFailure {
    pub status: u16,
    pub code: ErrorCode,
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn sources(dir: &Path, into: &mut String) {
        for entry in std::fs::read_dir(dir).expect("readable source folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                sources(&path, into);
            } else if path.extension().is_some_and(|ext| ext == "rs")
                && !path.ends_with("src/error.rs")
            {
                into.push_str(&std::fs::read_to_string(&path).expect("readable source"));
            }
        }
    }

    #[test]
    fn every_error_code_is_used_somewhere() {
        let mut text = String::new();
        sources(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut text,
        );
        let unused: Vec<&str> = ErrorCode::ALL
            .iter()
            .filter(|code| !text.contains(&format!("ErrorCode::{}", code.variant_name())))
            .map(|code| code.as_str())
            .collect();
        assert!(unused.is_empty(), "error codes never used: {unused:?}");
    }

    #[test]
    fn codes_are_unique_screaming_snake_case_with_fluent_ids() {
        let mut seen = std::collections::HashSet::new();
        for code in ErrorCode::ALL {
            let text = code.as_str();
            assert!(seen.insert(text), "{text} twice");
            assert!(
                text.chars().all(|c| c.is_ascii_uppercase() || c == '_'),
                "{text}"
            );
            assert!(code.fluent_id().starts_with("error-") && !code.fluent_id().contains('_'));
        }
        assert_eq!(
            ErrorCode::LoginThrottled.fluent_id(),
            "error-login-throttled"
        );
    }

    #[test]
    fn a_validator_reports_every_field_at_once() {
        let mut v = Validator::new();
        let name: String = v.check("name", Err(FieldError::new("", ErrorCode::Required)));
        let email: String = v.check("email", Ok("a@example.jp".to_owned()));
        v.push(FieldError::new("deskIds", ErrorCode::DeskRequired));
        assert_eq!((name.as_str(), email.as_str()), ("", "a@example.jp"));
        match v.finish() {
            Err(ApiError::Validation(errors)) => {
                let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
                assert_eq!(fields, ["name", "deskIds"]);
            }
            other => panic!("expected a validation error, got {other:?}"),
        }
    }
}
