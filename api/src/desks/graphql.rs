//! Desks in the API.

use async_graphql::{Context, ID, InputObject, Object, Result};

use super::service::{self, DeskChanges};
use crate::{
    accounts::graphql::User,
    auth::Permission,
    entity::desks,
    error::ApiError,
    graphql::{ContextExt, loaders::MembersByDeskIdLoader},
    i18n::Locale,
    ids::DeskId,
};

pub struct Desk(pub desks::Model);

/// A support desk (窓口): InnoHub, MEDISO or CARISO.
#[Object]
impl Desk {
    async fn id(&self) -> ID {
        DeskId(self.0.id).to_public()
    }

    /// A short stable code: INNOHUB, MEDISO, CARISO.
    async fn code(&self) -> &str {
        &self.0.code
    }

    /// The name in the reader's language.
    async fn name(&self, ctx: &Context<'_>) -> &str {
        match ctx.locale() {
            Locale::En => &self.0.name_en,
            Locale::Ja => &self.0.name_ja,
        }
    }

    async fn name_en(&self) -> &str {
        &self.0.name_en
    }

    async fn name_ja(&self) -> &str {
        &self.0.name_ja
    }

    /// The description in the reader's language.
    async fn description(&self, ctx: &Context<'_>) -> &str {
        match ctx.locale() {
            Locale::En => &self.0.description_en,
            Locale::Ja => &self.0.description_ja,
        }
    }

    async fn description_en(&self) -> &str {
        &self.0.description_en
    }

    async fn description_ja(&self) -> &str {
        &self.0.description_ja
    }

    /// Starts the desk's case reference numbers, e.g. MED in MED-2026-0042.
    async fn reference_prefix(&self) -> &str {
        &self.0.reference_prefix
    }

    /// The first response to a consultation is due within this many Japanese business days.
    async fn first_response_business_days(&self) -> i32 {
        self.0.first_response_business_days
    }

    async fn contact_email(&self) -> &str {
        &self.0.contact_email
    }

    async fn active(&self) -> bool {
        self.0.active
    }

    /// The desk's active advisors and staff. Only for the desk's own people and admins.
    #[graphql(complexity = "50 * child_complexity")]
    async fn members(&self, ctx: &Context<'_>) -> Result<Vec<User>> {
        let id = DeskId(self.0.id);
        ctx.actor()?.authorize(Permission::ViewDeskMembers(id))?;
        let loader = ctx.loader::<MembersByDeskIdLoader>()?;
        let members = loader
            .load_one(id)
            .await
            .map_err(ApiError::internal)?
            .unwrap_or_default();
        Ok(members.into_iter().map(User).collect())
    }
}

#[derive(Default)]
pub struct DesksQuery;

#[Object]
impl DesksQuery {
    /// The desks, in a stable order. Public.
    async fn desks(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = false)] include_inactive: bool,
    ) -> Result<Vec<Desk>> {
        Ok(service::list(ctx.app()?, include_inactive)
            .await?
            .into_iter()
            .map(Desk)
            .collect())
    }

    /// One desk. Public.
    async fn desk(&self, ctx: &Context<'_>, id: ID) -> Result<Option<Desk>> {
        let id = DeskId::from_public(&id)?;
        match service::get(ctx.app()?, id).await {
            Ok(desk) => Ok(Some(Desk(desk))),
            Err(error) if error.code() == crate::error::ErrorCode::NotFound => Ok(None),
            Err(error) => Err(error.into()),
        }
    }
}

#[derive(InputObject)]
pub struct UpdateDeskInput {
    pub id: ID,
    pub name_en: Option<String>,
    pub name_ja: Option<String>,
    pub description_en: Option<String>,
    pub description_ja: Option<String>,
    pub first_response_business_days: Option<i32>,
    pub contact_email: Option<String>,
    pub active: Option<bool>,
}

#[derive(Default)]
pub struct DesksMutation;

#[Object]
impl DesksMutation {
    /// Edits a desk's names, descriptions and service level. Admins only.
    async fn update_desk(&self, ctx: &Context<'_>, input: UpdateDeskInput) -> Result<Desk> {
        let id = DeskId::from_public(&input.id)?;
        let changes = DeskChanges {
            name_en: input.name_en,
            name_ja: input.name_ja,
            description_en: input.description_en,
            description_ja: input.description_ja,
            first_response_business_days: input.first_response_business_days,
            contact_email: input.contact_email,
            active: input.active,
        };
        Ok(Desk(
            service::update(ctx.app()?, ctx.actor()?, id, changes).await?,
        ))
    }
}
