//! The taxonomy in the API.

use async_graphql::{Context, ID, InputObject, Object, Result};

use super::{
    TaxonomyKind,
    service::{self, NewTerm, TermChanges},
};
use crate::{
    desks::graphql::Desk,
    entity::taxonomy_terms,
    error::ApiError,
    graphql::ContextExt,
    i18n::Locale,
    ids::{DeskId, TaxonomyTermId},
    labels::Labelled,
};

pub struct TaxonomyTerm(pub taxonomy_terms::Model);

/// A domain, development stage or topic.
#[Object]
impl TaxonomyTerm {
    async fn id(&self) -> ID {
        TaxonomyTermId(self.0.id).to_public()
    }

    async fn kind(&self) -> Result<TaxonomyKind> {
        Ok(TaxonomyKind::from_db(&self.0.kind).map_err(ApiError::internal)?)
    }

    /// The kind in the reader's language.
    async fn kind_label(&self, ctx: &Context<'_>) -> Result<String> {
        let kind = TaxonomyKind::from_db(&self.0.kind).map_err(ApiError::internal)?;
        Ok(kind.label(&ctx.app()?.i18n, ctx.locale()))
    }

    /// Stable identifier, e.g. `samd` or `regulatory`.
    async fn code(&self) -> &str {
        &self.0.code
    }

    /// The label in the reader's language.
    async fn label(&self, ctx: &Context<'_>) -> &str {
        match ctx.locale() {
            Locale::En => &self.0.label_en,
            Locale::Ja => &self.0.label_ja,
        }
    }

    async fn label_en(&self) -> &str {
        &self.0.label_en
    }

    async fn label_ja(&self) -> &str {
        &self.0.label_ja
    }

    /// Terms of a kind are listed by ascending position.
    async fn position(&self) -> i32 {
        self.0.position
    }

    /// Inactive terms stay on existing records but are not offered for new ones.
    async fn active(&self) -> bool {
        self.0.active
    }

    /// Words searchers use for the term, in either language; directory search treats them
    /// as one another's synonyms.
    async fn synonyms(&self) -> Vec<String> {
        service::synonyms_of(&self.0)
    }

    /// For a domain: the desk its new consultations are routed to.
    async fn routing_desk(&self, ctx: &Context<'_>) -> Result<Option<Desk>> {
        if self.0.kind != TaxonomyKind::Domain.as_db() {
            return Ok(None);
        }
        let desk = service::route_of(&ctx.app()?.db, TaxonomyTermId(self.0.id)).await?;
        Ok(desk.map(Desk))
    }
}

#[derive(Default)]
pub struct TaxonomyQuery;

#[Object]
impl TaxonomyQuery {
    /// Domains, development stages and topics, by kind and position. Public.
    async fn taxonomy(
        &self,
        ctx: &Context<'_>,
        kind: Option<TaxonomyKind>,
        #[graphql(default = false)] include_inactive: bool,
    ) -> Result<Vec<TaxonomyTerm>> {
        let terms = service::list(ctx.app()?, kind, include_inactive).await?;
        Ok(terms.into_iter().map(TaxonomyTerm).collect())
    }
}

#[derive(InputObject)]
pub struct CreateTaxonomyTermInput {
    pub kind: TaxonomyKind,
    /// Lower-case letters, digits and underscores, starting with a letter.
    pub code: String,
    pub label_en: String,
    pub label_ja: String,
    /// Defaults to after the last term of the kind.
    pub position: Option<i32>,
    /// Words searchers use for the term, in either language (at most 20).
    #[graphql(default)]
    pub synonyms: Vec<String>,
}

#[derive(InputObject)]
pub struct UpdateTaxonomyTermInput {
    pub id: ID,
    pub label_en: Option<String>,
    pub label_ja: Option<String>,
    pub position: Option<i32>,
    pub active: Option<bool>,
    /// Replaces the synonyms when given.
    pub synonyms: Option<Vec<String>>,
}

#[derive(InputObject)]
pub struct SetDomainRouteInput {
    pub domain_id: ID,
    pub desk_id: ID,
}

#[derive(Default)]
pub struct TaxonomyMutation;

#[Object]
impl TaxonomyMutation {
    /// Adds a term. Admins only.
    async fn create_taxonomy_term(
        &self,
        ctx: &Context<'_>,
        input: CreateTaxonomyTermInput,
    ) -> Result<TaxonomyTerm> {
        let term = NewTerm {
            kind: input.kind,
            code: input.code,
            label_en: input.label_en,
            label_ja: input.label_ja,
            position: input.position,
            synonyms: input.synonyms,
        };
        Ok(TaxonomyTerm(
            service::create(ctx.app()?, ctx.actor()?, term).await?,
        ))
    }

    /// Routes new consultations of a domain to a desk. Admins only.
    async fn set_domain_route(
        &self,
        ctx: &Context<'_>,
        input: SetDomainRouteInput,
    ) -> Result<TaxonomyTerm> {
        let domain = TaxonomyTermId::from_public(&input.domain_id)?;
        let desk = DeskId::from_public(&input.desk_id)?;
        Ok(TaxonomyTerm(
            service::set_route(ctx.app()?, ctx.actor()?, domain, desk).await?,
        ))
    }

    /// Edits a term's labels, position or active flag. Admins only.
    async fn update_taxonomy_term(
        &self,
        ctx: &Context<'_>,
        input: UpdateTaxonomyTermInput,
    ) -> Result<TaxonomyTerm> {
        let id = TaxonomyTermId::from_public(&input.id)?;
        let changes = TermChanges {
            label_en: input.label_en,
            label_ja: input.label_ja,
            position: input.position,
            active: input.active,
            synonyms: input.synonyms,
        };
        Ok(TaxonomyTerm(
            service::update(ctx.app()?, ctx.actor()?, id, changes).await?,
        ))
    }
}
