//! The merged schema: one Query and one Mutation root assembled from each domain's roots,
//! with depth, complexity and directive limits, and every dataloader registered.

use async_graphql::{EmptySubscription, MergedObject, Schema, dataloader::DataLoader};

use super::{
    errors::ErrorCoding,
    loaders::{
        ConsultationByIdLoader, DeskByIdLoader, DesksByUserIdLoader, MembersByDeskIdLoader,
        OrganisationByIdLoader, PendingReferralLoader, TermByIdLoader, TermsByEntryLoader,
        TiesByEntryLoader, TopicsByConsultationLoader, UserByIdLoader,
    },
};
use crate::{
    accounts::graphql::{AccountsMutation, AccountsQuery},
    consultations::graphql::{ConsultationsMutation, ConsultationsQuery},
    desks::graphql::{DesksMutation, DesksQuery},
    directory::graphql::{DirectoryMutation, DirectoryQuery},
    grants::graphql::{GrantsMutation, GrantsQuery},
    introductions::graphql::{IntroductionsMutation, IntroductionsQuery},
    matching::graphql::{MatchingMutation, MatchingQuery},
    reports::graphql::{ReportDrillQuery, ReportsQuery},
    state::AppState,
    taxonomy::graphql::{TaxonomyMutation, TaxonomyQuery},
};

#[derive(MergedObject, Default)]
#[graphql(name = "Query")]
pub struct QueryRoot(
    AccountsQuery,
    DesksQuery,
    TaxonomyQuery,
    ConsultationsQuery,
    DirectoryQuery,
    MatchingQuery,
    IntroductionsQuery,
    GrantsQuery,
    ReportsQuery,
    ReportDrillQuery,
);

#[derive(MergedObject, Default)]
#[graphql(name = "Mutation")]
pub struct MutationRoot(
    AccountsMutation,
    DesksMutation,
    TaxonomyMutation,
    ConsultationsMutation,
    DirectoryMutation,
    MatchingMutation,
    IntroductionsMutation,
    GrantsMutation,
);

pub type BansoSchema = Schema<QueryRoot, MutationRoot, EmptySubscription>;

const MAX_RECURSIVE_DEPTH: usize = 32;
const MAX_DIRECTIVES_PER_FIELD: usize = 5;

pub fn build_schema(state: AppState) -> BansoSchema {
    let limits = &state.settings.graphql;
    let db = state.db.clone();
    let mut builder = Schema::build(
        QueryRoot::default(),
        MutationRoot::default(),
        EmptySubscription,
    )
    .limit_depth(limits.max_depth)
    .limit_complexity(limits.max_complexity)
    .limit_recursive_depth(MAX_RECURSIVE_DEPTH)
    .limit_directives(MAX_DIRECTIVES_PER_FIELD)
    .extension(ErrorCoding {
        introspection: state.settings.is_development(),
    })
    .data(DataLoader::new(
        OrganisationByIdLoader(db.clone()),
        tokio::spawn,
    ))
    .data(DataLoader::new(
        DesksByUserIdLoader(db.clone()),
        tokio::spawn,
    ))
    .data(DataLoader::new(
        MembersByDeskIdLoader(db.clone()),
        tokio::spawn,
    ))
    .data(DataLoader::new(DeskByIdLoader(db.clone()), tokio::spawn))
    .data(DataLoader::new(UserByIdLoader(db.clone()), tokio::spawn))
    .data(DataLoader::new(TermByIdLoader(db.clone()), tokio::spawn))
    .data(DataLoader::new(
        ConsultationByIdLoader(db.clone()),
        tokio::spawn,
    ))
    .data(DataLoader::new(
        TopicsByConsultationLoader(db.clone()),
        tokio::spawn,
    ))
    .data(DataLoader::new(
        TermsByEntryLoader(db.clone()),
        tokio::spawn,
    ))
    .data(DataLoader::new(TiesByEntryLoader(db.clone()), tokio::spawn))
    .data(DataLoader::new(PendingReferralLoader(db), tokio::spawn));
    if !state.settings.is_development() {
        builder = builder.disable_introspection().disable_suggestions();
    }
    builder.data(state).finish()
}

/// The schema in SDL, as committed in `api/schema.graphql`.
pub fn sdl() -> String {
    Schema::build(
        QueryRoot::default(),
        MutationRoot::default(),
        EmptySubscription,
    )
    .finish()
    .sdl()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    #[test]
    fn the_committed_schema_is_current() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema.graphql");
        let current = super::sdl();
        if std::env::var_os("BANSO_UPDATE_SCHEMA").is_some() {
            std::fs::write(&path, &current).expect("schema written");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == current,
            "api/schema.graphql is out of date; regenerate it with `cargo run -- schema > api/schema.graphql`"
        );
    }
}
