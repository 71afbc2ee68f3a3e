//! What can go wrong with accounts, beyond invalid input.

use crate::error::{ApiError, ErrorCode};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AccountError {
    #[error("the email address or the password is wrong")]
    InvalidCredentials,
    #[error("the email address has not been confirmed")]
    EmailNotVerified,
    #[error("the account is deactivated")]
    AccountDeactivated,
    #[error("the link is not valid or has been used")]
    TokenInvalid,
    #[error("the link has expired")]
    TokenExpired,
    #[error("an admin cannot deactivate their own account")]
    CannotDeactivateSelf,
    #[error("an admin cannot change their own role")]
    CannotChangeOwnRole,
    #[error("the role cannot change between desk roles and organisation roles")]
    RoleChangeNotAllowed,
    #[error("the user has already accepted the invitation")]
    InvitationNotPending,
}

impl From<AccountError> for ApiError {
    fn from(error: AccountError) -> Self {
        ApiError::new(match error {
            AccountError::InvalidCredentials => ErrorCode::InvalidCredentials,
            AccountError::EmailNotVerified => ErrorCode::EmailNotVerified,
            AccountError::AccountDeactivated => ErrorCode::AccountDeactivated,
            AccountError::TokenInvalid => ErrorCode::TokenInvalid,
            AccountError::TokenExpired => ErrorCode::TokenExpired,
            AccountError::CannotDeactivateSelf => ErrorCode::CannotDeactivateSelf,
            AccountError::CannotChangeOwnRole => ErrorCode::CannotChangeOwnRole,
            AccountError::RoleChangeNotAllowed => ErrorCode::RoleChangeNotAllowed,
            AccountError::InvitationNotPending => ErrorCode::InvitationNotPending,
        })
    }
}
