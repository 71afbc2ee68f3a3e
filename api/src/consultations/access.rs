//! Who may see a consultation, and what they are to it.
//!
//! - Requesters see their own organisation's consultations.
//! - Advisors see those of the desks they belong to; confidential ones only when assigned.
//! - Staff see everything of their desks, and the consultations their desks referred to or
//!   were asked to take over from another desk (the hand-off is visible on both sides).
//! - Admins see everything. Supporter and VC members see no consultation here.
//!
//! A consultation someone may not see does not exist for them: reading it or acting on it
//! answers `NOT_FOUND`, exactly as for an id that was never used.

use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect,
    sea_query::{Expr, ExprTrait, Query},
};

use super::{Confidentiality, workflow::Standing};
use crate::{
    auth::{Actor, Role, Viewer},
    entity::{consultations, referrals},
    error::ApiError,
    ids::ConsultationId,
};

/// What the viewer is to one consultation.
pub fn standing(viewer: &Viewer, case: &consultations::Model) -> Standing {
    let at_desk = viewer.desk_ids.iter().any(|desk| desk.0 == case.desk_id);
    let desk_staff = viewer.role == Role::Admin || (viewer.role == Role::Staff && at_desk);
    Standing {
        requester: viewer.role == Role::Requester
            && viewer.organisation_id.map(|o| o.0) == Some(case.organisation_id),
        desk_member: desk_staff || (viewer.role == Role::Advisor && at_desk),
        desk_staff,
        assignee: case.assignee_user_id == Some(viewer.user_id.0),
    }
}

/// Whether the viewer may read the consultation. `referral_desks` are the desks of its
/// referrals, either side.
pub fn may_view(viewer: &Viewer, case: &consultations::Model, referral_desks: &[i64]) -> bool {
    let standing = standing(viewer, case);
    let confidential = case.confidentiality == Confidentiality::Confidential.as_db();
    standing.requester
        || standing.desk_staff
        || (standing.desk_member && (!confidential || standing.assignee))
        || (viewer.role == Role::Staff
            && referral_desks
                .iter()
                .any(|desk| viewer.desk_ids.iter().any(|own| own.0 == *desk)))
}

/// The consultations the viewer may read, as a condition on the `consultations` table.
pub fn visible_to(viewer: &Viewer) -> Condition {
    let desks: Vec<i64> = viewer.desk_ids.iter().map(|desk| desk.0).collect();
    match viewer.role {
        Role::Admin => Condition::all(),
        Role::Requester => match viewer.organisation_id {
            Some(organisation) => {
                Condition::all().add(consultations::Column::OrganisationId.eq(organisation.0))
            }
            None => nothing(),
        },
        Role::Staff => Condition::any()
            .add(consultations::Column::DeskId.is_in(desks.clone()))
            .add(
                consultations::Column::Id.in_subquery(
                    Query::select()
                        .column(referrals::Column::ConsultationId)
                        .from(referrals::Entity)
                        .cond_where(
                            Condition::any()
                                .add(referrals::Column::FromDeskId.is_in(desks.clone()))
                                .add(referrals::Column::ToDeskId.is_in(desks)),
                        )
                        .to_owned(),
                ),
            ),
        Role::Advisor => Condition::all()
            .add(consultations::Column::DeskId.is_in(desks))
            .add(
                Condition::any()
                    .add(
                        consultations::Column::Confidentiality
                            .ne(Confidentiality::Confidential.as_db()),
                    )
                    .add(consultations::Column::AssigneeUserId.eq(viewer.user_id.0)),
            ),
        Role::SupporterMember | Role::VcMember => nothing(),
    }
}

fn nothing() -> Condition {
    Condition::all().add(Expr::val(1).eq(Expr::val(0)))
}

/// A consultation and what the actor is to it; `NOT_FOUND` if they may not see it.
pub async fn load(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    id: ConsultationId,
) -> Result<(consultations::Model, Standing), ApiError> {
    let case = match actor {
        Actor::System => {
            let case = consultations::Entity::find_by_id(id.0)
                .one(conn)
                .await?
                .ok_or_else(ApiError::not_found)?;
            let standing = Standing {
                requester: false,
                desk_member: true,
                desk_staff: true,
                assignee: false,
            };
            return Ok((case, standing));
        }
        Actor::Anonymous => {
            actor.viewer()?;
            return Err(ApiError::not_found());
        }
        Actor::User(_) => consultations::Entity::find_by_id(id.0).one(conn).await?,
    };
    let viewer = actor.viewer()?;
    let Some(case) = case else {
        return Err(ApiError::not_found());
    };
    let referral_desks = referral_desks(conn, id).await?;
    if !may_view(viewer, &case, &referral_desks) {
        return Err(ApiError::not_found());
    }
    let standing = standing(viewer, &case);
    Ok((case, standing))
}

/// The desks on either side of a consultation's referrals.
pub async fn referral_desks(
    conn: &impl ConnectionTrait,
    id: ConsultationId,
) -> Result<Vec<i64>, ApiError> {
    let pairs: Vec<(i64, i64)> = referrals::Entity::find()
        .select_only()
        .column(referrals::Column::FromDeskId)
        .column(referrals::Column::ToDeskId)
        .filter(referrals::Column::ConsultationId.eq(id.0))
        .into_tuple()
        .all(conn)
        .await?;
    Ok(pairs
        .into_iter()
        .flat_map(|(from, to)| [from, to])
        .collect())
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, Utc};

    use super::*;
    use crate::{
        i18n::Locale,
        ids::{DeskId, OrganisationId, UserId},
    };

    fn viewer(role: Role, desks: &[i64], organisation: Option<i64>, user: i64) -> Viewer {
        Viewer {
            user_id: UserId(user),
            role,
            organisation_id: organisation.map(OrganisationId),
            desk_ids: desks.iter().copied().map(DeskId).collect(),
            locale: Locale::Ja,
            session_id: None,
        }
    }

    fn case(
        desk: i64,
        confidentiality: Confidentiality,
        assignee: Option<i64>,
    ) -> consultations::Model {
        let now = Utc::now();
        consultations::Model {
            id: 1,
            reference: "MED-2026-0001".into(),
            desk_id: desk,
            organisation_id: 7,
            requester_user_id: 70,
            kind: "consultation".into(),
            title: "t".into(),
            description: "d".into(),
            domain_term_id: 1,
            stage_term_id: 2,
            preferred_locale: "ja".into(),
            overseas: false,
            confidentiality: confidentiality.as_db().into(),
            shared_fields: String::new(),
            competitors: "[]".to_owned(),
            status: "received".into(),
            resolution: None,
            priority: 1,
            assignee_user_id: assignee,
            version: 1,
            fiscal_year: 2026,
            filed_at: now,
            received_at: now,
            first_response_due_on: NaiveDate::MIN,
            first_responded_at: None,
            closed_at: None,
            created_at: now,
            updated_at: now,
        }
    }

    #[test]
    fn who_sees_a_consultation() {
        let standard = case(2, Confidentiality::Standard, None);
        let confidential = case(2, Confidentiality::Confidential, Some(21));
        let own_requester = viewer(Role::Requester, &[], Some(7), 70);
        let other_requester = viewer(Role::Requester, &[], Some(8), 80);
        let advisor = viewer(Role::Advisor, &[2], None, 20);
        let assigned_advisor = viewer(Role::Advisor, &[2], None, 21);
        let other_desk_advisor = viewer(Role::Advisor, &[1], None, 10);
        let staff = viewer(Role::Staff, &[2], None, 22);
        let other_staff = viewer(Role::Staff, &[1], None, 11);
        let supporter = viewer(Role::SupporterMember, &[], Some(7), 90);
        let admin = viewer(Role::Admin, &[], None, 1);

        for (who, sees_standard, sees_confidential) in [
            (&own_requester, true, true),
            (&other_requester, false, false),
            (&advisor, true, false),
            (&assigned_advisor, true, true),
            (&other_desk_advisor, false, false),
            (&staff, true, true),
            (&other_staff, false, false),
            (&supporter, false, false),
            (&admin, true, true),
        ] {
            assert_eq!(may_view(who, &standard, &[]), sees_standard, "{who:?}");
            assert_eq!(
                may_view(who, &confidential, &[]),
                sees_confidential,
                "{who:?}"
            );
        }
        // Staff of a desk on either side of a referral see the hand-off; advisors do not.
        assert!(may_view(&other_staff, &confidential, &[1, 2]));
        assert!(!may_view(&other_desk_advisor, &confidential, &[1, 2]));
    }

    #[test]
    fn what_a_viewer_is_to_a_consultation() {
        let confidential = case(2, Confidentiality::Confidential, Some(21));
        let assigned = standing(&viewer(Role::Advisor, &[2], None, 21), &confidential);
        assert!(assigned.assignee && assigned.desk_member && !assigned.desk_staff);
        let staff = standing(&viewer(Role::Staff, &[2], None, 22), &confidential);
        assert!(staff.desk_staff && staff.desk_member && !staff.assignee);
        let other_staff = standing(&viewer(Role::Staff, &[1], None, 11), &confidential);
        assert!(!other_staff.desk_member && !other_staff.desk_staff);
        let requester = standing(&viewer(Role::Requester, &[], Some(7), 70), &confidential);
        assert!(requester.requester && !requester.desk_member);
        let admin = standing(&viewer(Role::Admin, &[], None, 1), &confidential);
        assert!(admin.desk_staff && admin.desk_member);
    }
}
