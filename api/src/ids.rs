//! Typed record ids and their opaque public form.
//!
//! Inside the service a user's id is a [`UserId`], never a bare integer; in the API it is an
//! opaque string that names its kind, so a desk's id can never be taken for a user's.

use async_graphql::ID;
use base64::{Engine as _, engine::general_purpose::URL_SAFE_NO_PAD};

use crate::error::{ApiError, ErrorCode};

macro_rules! record_ids {
    ($($(#[$doc:meta])* $name:ident => $kind:literal,)*) => {
        $(
            $(#[$doc])*
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
            pub struct $name(pub i64);

            impl $name {
                pub const KIND: &'static str = $kind;

                /// The opaque id clients see.
                pub fn to_public(self) -> ID {
                    ID(encode(Self::KIND, self.0))
                }

                /// Reads a public id, refusing one of another kind.
                pub fn from_public(id: &ID) -> Result<Self, ApiError> {
                    decode(Self::KIND, id.as_str()).map($name)
                }
            }

            impl From<$name> for ID {
                fn from(id: $name) -> ID {
                    id.to_public()
                }
            }
        )*
    };
}

record_ids! {
    UserId => "User",
    OrganisationId => "Organisation",
    DeskId => "Desk",
    TaxonomyTermId => "TaxonomyTerm",
    SessionId => "Session",
    ConsultationId => "Consultation",
    ConsultationEventId => "ConsultationEvent",
    ReferralId => "Referral",
    DirectoryEntryId => "DirectoryEntry",
    IntroductionId => "Introduction",
    GrantProgrammeId => "GrantProgramme",
    GrantCriterionId => "GrantCriterion",
    GrantApplicationId => "GrantApplication",
    GrantMilestoneId => "GrantMilestone",
}

fn encode(kind: &str, id: i64) -> String {
    URL_SAFE_NO_PAD.encode(format!("{kind}:{id}"))
}

fn decode(kind: &str, public: &str) -> Result<i64, ApiError> {
    let invalid = || ApiError::new(ErrorCode::InvalidId);
    let bytes = URL_SAFE_NO_PAD.decode(public).map_err(|_| invalid())?;
    let text = std::str::from_utf8(&bytes).map_err(|_| invalid())?;
    let (found_kind, number) = text.split_once(':').ok_or_else(invalid)?;
    if found_kind != kind {
        return Err(invalid());
    }
    let id: i64 = number.parse().map_err(|_| invalid())?;
    if id <= 0 || number.starts_with('+') || number.starts_with('0') {
        return Err(invalid());
    }
    Ok(id)
}

/// Many public ids of one kind, e.g. `deskIds` of an input.
pub fn from_public_many<T>(
    ids: &[ID],
    read: impl Fn(&ID) -> Result<T, ApiError>,
) -> Result<Vec<T>, ApiError> {
    ids.iter().map(read).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_ids_round_trip_and_keep_their_kind() {
        let user = UserId(42);
        let public = user.to_public();
        assert_eq!(UserId::from_public(&public).ok(), Some(user));
        let as_desk = DeskId::from_public(&public);
        assert!(matches!(as_desk, Err(e) if e.code() == ErrorCode::InvalidId));
    }

    #[test]
    fn malformed_ids_are_refused() {
        for bad in ["", "!!!", "VXNlcg", "VXNlcjow", "VXNlcjotMQ", "VXNlcjoxMmE"] {
            let result = UserId::from_public(&ID(bad.to_owned()));
            assert!(
                matches!(result, Err(e) if e.code() == ErrorCode::InvalidId),
                "{bad}"
            );
        }
    }
}
