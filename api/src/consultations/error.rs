//! What can go wrong with consultations and referrals, beyond invalid input.

use crate::error::{ApiError, ErrorCode};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConsultationError {
    #[error("someone else changed the consultation since it was read")]
    EditConflict,
    #[error("{action} is not possible while the consultation is {status}")]
    InvalidTransition {
        action: &'static str,
        status: &'static str,
    },
    #[error("the consultation is closed")]
    Closed,
    #[error("work cannot start before someone is assigned")]
    AssigneeRequired,
    #[error("a referral of this consultation already awaits a decision")]
    ReferralPending,
    #[error("the referral has already been decided")]
    ReferralNotPending,
}

impl From<ConsultationError> for ApiError {
    fn from(error: ConsultationError) -> Self {
        match error {
            ConsultationError::EditConflict => ApiError::new(ErrorCode::EditConflict),
            ConsultationError::InvalidTransition { action, status } => {
                ApiError::new(ErrorCode::InvalidTransition)
                    .with_arg("action", action)
                    .with_arg("status", status)
            }
            ConsultationError::Closed => ApiError::new(ErrorCode::ConsultationClosed),
            ConsultationError::AssigneeRequired => ApiError::new(ErrorCode::AssigneeRequired),
            ConsultationError::ReferralPending => ApiError::new(ErrorCode::ReferralPending),
            ConsultationError::ReferralNotPending => ApiError::new(ErrorCode::ReferralNotPending),
        }
    }
}
