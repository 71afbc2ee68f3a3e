use sea_orm::entity::prelude::*;

/// A private investment a startup received, confirmed by a matched VC introduction or
/// recorded by staff with evidence. Whole yen.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "investments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub organisation_id: i64,
    pub amount_yen: i64,
    pub round: String,
    pub invested_on: Date,
    pub investor_entry_id: Option<i64>,
    pub investor_name: String,
    pub introduction_id: Option<i64>,
    pub evidence: Option<String>,
    pub recorded_by_user_id: Option<i64>,
    pub recorded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
