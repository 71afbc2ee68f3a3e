//! Dataloaders for fields that nest inside lists, so a page of users with their desks and
//! organisations costs a fixed number of queries, not one per row.

use std::{collections::HashMap, sync::Arc};

use async_graphql::dataloader::Loader;
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder};

use crate::{
    consultations::ReferralStatus,
    desks,
    entity::{
        consultation_topics, consultations, desk_memberships, desks as desk_rows,
        directory_entry_organisations, directory_entry_terms, organisations, referrals,
        taxonomy_terms, users,
    },
    ids::{ConsultationId, DeskId, DirectoryEntryId, OrganisationId, TaxonomyTermId, UserId},
};

/// Rows of one table by their ids.
macro_rules! by_id_loader {
    ($(#[$doc:meta])* $name:ident, $id:ident, $entity:ident) => {
        $(#[$doc])*
        pub struct $name(pub DatabaseConnection);

        impl Loader<$id> for $name {
            type Value = $entity::Model;
            type Error = Arc<DbErr>;

            async fn load(&self, keys: &[$id]) -> Result<HashMap<$id, Self::Value>, Self::Error> {
                let rows = $entity::Entity::find()
                    .filter($entity::Column::Id.is_in(keys.iter().map(|id| id.0)))
                    .all(&self.0)
                    .await?;
                Ok(rows.into_iter().map(|row| ($id(row.id), row)).collect())
            }
        }
    };
}

by_id_loader!(OrganisationByIdLoader, OrganisationId, organisations);
by_id_loader!(DeskByIdLoader, DeskId, desk_rows);
by_id_loader!(UserByIdLoader, UserId, users);
by_id_loader!(TermByIdLoader, TaxonomyTermId, taxonomy_terms);
by_id_loader!(ConsultationByIdLoader, ConsultationId, consultations);

/// The topic ids of each consultation, in id order.
pub struct TopicsByConsultationLoader(pub DatabaseConnection);

impl Loader<ConsultationId> for TopicsByConsultationLoader {
    type Value = Vec<TaxonomyTermId>;
    type Error = Arc<DbErr>;

    async fn load(
        &self,
        keys: &[ConsultationId],
    ) -> Result<HashMap<ConsultationId, Self::Value>, Self::Error> {
        let rows = consultation_topics::Entity::find()
            .filter(consultation_topics::Column::ConsultationId.is_in(keys.iter().map(|id| id.0)))
            .order_by_asc(consultation_topics::Column::TermId)
            .all(&self.0)
            .await?;
        let mut found: HashMap<ConsultationId, Self::Value> =
            keys.iter().map(|id| (*id, Vec::new())).collect();
        for row in rows {
            found
                .entry(ConsultationId(row.consultation_id))
                .or_default()
                .push(TaxonomyTermId(row.term_id));
        }
        Ok(found)
    }
}

/// The referral of each consultation that awaits a decision, if any.
pub struct PendingReferralLoader(pub DatabaseConnection);

impl Loader<ConsultationId> for PendingReferralLoader {
    type Value = referrals::Model;
    type Error = Arc<DbErr>;

    async fn load(
        &self,
        keys: &[ConsultationId],
    ) -> Result<HashMap<ConsultationId, Self::Value>, Self::Error> {
        let rows = referrals::Entity::find()
            .filter(referrals::Column::ConsultationId.is_in(keys.iter().map(|id| id.0)))
            .filter(referrals::Column::Status.eq(ReferralStatus::Requested.as_db()))
            .all(&self.0)
            .await?;
        Ok(rows
            .into_iter()
            .map(|row| (ConsultationId(row.consultation_id), row))
            .collect())
    }
}

/// The desks each user belongs to, in desk order.
pub struct DesksByUserIdLoader(pub DatabaseConnection);

impl Loader<UserId> for DesksByUserIdLoader {
    type Value = Vec<desk_rows::Model>;
    type Error = Arc<DbErr>;

    async fn load(&self, keys: &[UserId]) -> Result<HashMap<UserId, Self::Value>, Self::Error> {
        let memberships = desk_memberships::Entity::find()
            .filter(desk_memberships::Column::UserId.is_in(keys.iter().map(|id| id.0)))
            .all(&self.0)
            .await?;
        let desks = desk_rows::Entity::find()
            .filter(desk_rows::Column::Id.is_in(memberships.iter().map(|m| m.desk_id)))
            .order_by_asc(desk_rows::Column::Id)
            .all(&self.0)
            .await?;
        let mut found: HashMap<UserId, Self::Value> =
            keys.iter().map(|id| (*id, Vec::new())).collect();
        for desk in desks {
            for membership in memberships.iter().filter(|m| m.desk_id == desk.id) {
                found
                    .entry(UserId(membership.user_id))
                    .or_default()
                    .push(desk.clone());
            }
        }
        Ok(found)
    }
}

/// The active advisors and staff of each desk.
pub struct MembersByDeskIdLoader(pub DatabaseConnection);

impl Loader<DeskId> for MembersByDeskIdLoader {
    type Value = Vec<users::Model>;
    type Error = Arc<DbErr>;

    async fn load(&self, keys: &[DeskId]) -> Result<HashMap<DeskId, Self::Value>, Self::Error> {
        let mut found: HashMap<DeskId, Self::Value> =
            keys.iter().map(|id| (*id, Vec::new())).collect();
        for (desk, user) in desks::service::members_of(&self.0, keys).await? {
            found.entry(desk).or_default().push(user);
        }
        Ok(found)
    }
}

/// The taxonomy term ids of each directory entry.
pub struct TermsByEntryLoader(pub DatabaseConnection);

impl Loader<DirectoryEntryId> for TermsByEntryLoader {
    type Value = Vec<TaxonomyTermId>;
    type Error = Arc<DbErr>;

    async fn load(
        &self,
        keys: &[DirectoryEntryId],
    ) -> Result<HashMap<DirectoryEntryId, Self::Value>, Self::Error> {
        let rows = directory_entry_terms::Entity::find()
            .filter(directory_entry_terms::Column::EntryId.is_in(keys.iter().map(|id| id.0)))
            .all(&self.0)
            .await?;
        let mut found: HashMap<DirectoryEntryId, Self::Value> =
            keys.iter().map(|id| (*id, Vec::new())).collect();
        for row in rows {
            found
                .entry(DirectoryEntryId(row.entry_id))
                .or_default()
                .push(TaxonomyTermId(row.term_id));
        }
        Ok(found)
    }
}

/// The organisations tied to each directory entry, with how (`conflict`, `portfolio`).
pub struct TiesByEntryLoader(pub DatabaseConnection);

impl Loader<DirectoryEntryId> for TiesByEntryLoader {
    type Value = Vec<(i64, String)>;
    type Error = Arc<DbErr>;

    async fn load(
        &self,
        keys: &[DirectoryEntryId],
    ) -> Result<HashMap<DirectoryEntryId, Self::Value>, Self::Error> {
        let rows = directory_entry_organisations::Entity::find()
            .filter(
                directory_entry_organisations::Column::EntryId.is_in(keys.iter().map(|id| id.0)),
            )
            .all(&self.0)
            .await?;
        let mut found: HashMap<DirectoryEntryId, Self::Value> =
            keys.iter().map(|id| (*id, Vec::new())).collect();
        for row in rows {
            found
                .entry(DirectoryEntryId(row.entry_id))
                .or_default()
                .push((row.organisation_id, row.relation));
        }
        Ok(found)
    }
}
