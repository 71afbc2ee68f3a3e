//! Dataloaders for fields that nest inside lists, so a page of users with their desks and
//! organisations costs a fixed number of queries, not one per row.

use std::{collections::HashMap, sync::Arc};

use async_graphql::dataloader::Loader;
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder};

use crate::{
    desks,
    entity::{desk_memberships, desks as desk_rows, organisations, users},
    ids::{DeskId, OrganisationId, UserId},
};

pub struct OrganisationByIdLoader(pub DatabaseConnection);

impl Loader<OrganisationId> for OrganisationByIdLoader {
    type Value = organisations::Model;
    type Error = Arc<DbErr>;

    async fn load(
        &self,
        keys: &[OrganisationId],
    ) -> Result<HashMap<OrganisationId, Self::Value>, Self::Error> {
        let rows = organisations::Entity::find()
            .filter(organisations::Column::Id.is_in(keys.iter().map(|id| id.0)))
            .all(&self.0)
            .await?;
        Ok(rows
            .into_iter()
            .map(|row| (OrganisationId(row.id), row))
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
