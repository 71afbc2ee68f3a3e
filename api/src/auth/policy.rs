//! The permission rules. A rule not written here is refused.

use crate::{
    auth::Role,
    error::{ApiError, ErrorCode},
    i18n::Locale,
    ids::{DeskId, OrganisationId, SessionId, UserId},
};

/// A signed-in user, as known for the length of one request.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub user_id: UserId,
    pub role: Role,
    pub organisation_id: Option<OrganisationId>,
    pub desk_ids: Vec<DeskId>,
    pub locale: Locale,
    pub session_id: Option<SessionId>,
}

/// Whoever causes a change: nobody in particular, a signed-in user, or Bansō itself
/// (seeding, background work).
#[derive(Debug, Clone)]
pub enum Actor {
    Anonymous,
    User(Viewer),
    System,
}

/// Things that need more than being signed in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Permission {
    /// Invite, edit, deactivate and list user accounts.
    ManageUsers,
    /// Edit a desk's names, descriptions and service levels.
    ManageDesks,
    /// Add and edit domains, development stages and topics.
    ManageTaxonomy,
    /// List the organisations known to Bansō.
    ViewOrganisations,
    /// See who works at a desk.
    ViewDeskMembers(DeskId),
}

fn allows(viewer: &Viewer, permission: &Permission) -> bool {
    use Permission::*;
    match (viewer.role, permission) {
        (Role::Admin, _) => true,
        (Role::Staff, ViewOrganisations) => true,
        (Role::Staff | Role::Advisor, ViewDeskMembers(desk)) => viewer.desk_ids.contains(desk),
        _ => false,
    }
}

impl Actor {
    /// The signed-in user, or `UNAUTHENTICATED`.
    pub fn viewer(&self) -> Result<&Viewer, ApiError> {
        match self {
            Actor::User(viewer) => Ok(viewer),
            Actor::Anonymous | Actor::System => Err(ApiError::new(ErrorCode::Unauthenticated)),
        }
    }

    pub fn user_id(&self) -> Option<UserId> {
        match self {
            Actor::User(viewer) => Some(viewer.user_id),
            Actor::Anonymous | Actor::System => None,
        }
    }

    /// Passes if the actor may do this; `UNAUTHENTICATED` for nobody, `FORBIDDEN` otherwise.
    pub fn authorize(&self, permission: Permission) -> Result<(), ApiError> {
        match self {
            Actor::System => Ok(()),
            Actor::Anonymous => Err(ApiError::new(ErrorCode::Unauthenticated)),
            Actor::User(viewer) if allows(viewer, &permission) => Ok(()),
            Actor::User(_) => Err(ApiError::new(ErrorCode::Forbidden)),
        }
    }

    pub fn may(&self, permission: Permission) -> bool {
        self.authorize(permission).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::Labelled;

    fn viewer(role: Role, desks: &[i64]) -> Actor {
        Actor::User(Viewer {
            user_id: UserId(1),
            role,
            organisation_id: None,
            desk_ids: desks.iter().copied().map(DeskId).collect(),
            locale: Locale::Ja,
            session_id: None,
        })
    }

    #[test]
    fn only_admins_manage_users_desks_and_taxonomy() {
        for role in Role::ALL {
            let actor = viewer(*role, &[1]);
            for permission in [
                Permission::ManageUsers,
                Permission::ManageDesks,
                Permission::ManageTaxonomy,
            ] {
                assert_eq!(
                    actor.may(permission.clone()),
                    *role == Role::Admin,
                    "{role:?} {permission:?}"
                );
            }
        }
    }

    #[test]
    fn desk_members_are_visible_to_that_desks_people_only() {
        assert!(viewer(Role::Advisor, &[1]).may(Permission::ViewDeskMembers(DeskId(1))));
        assert!(!viewer(Role::Advisor, &[1]).may(Permission::ViewDeskMembers(DeskId(2))));
        assert!(viewer(Role::Staff, &[2]).may(Permission::ViewDeskMembers(DeskId(2))));
        assert!(!viewer(Role::Requester, &[]).may(Permission::ViewDeskMembers(DeskId(1))));
        assert!(viewer(Role::Admin, &[]).may(Permission::ViewDeskMembers(DeskId(3))));
    }

    #[test]
    fn nobody_is_asked_to_sign_in() {
        let refused = Actor::Anonymous.authorize(Permission::ViewOrganisations);
        assert!(matches!(refused, Err(e) if e.code() == ErrorCode::Unauthenticated));
    }
}
