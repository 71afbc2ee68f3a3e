use sea_orm::entity::prelude::*;

/// One entry of a programme's append-only ledger; `hash` covers the entry and the hash of
/// the entry before it.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "grant_ledger")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub programme_id: i64,
    pub sequence: i64,
    pub kind: String,
    pub award_id: Option<i64>,
    pub milestone_id: Option<i64>,
    pub amount_yen: i64,
    pub recorded_by_user_id: Option<i64>,
    pub recorded_at: DateTimeUtc,
    pub previous_hash: String,
    pub hash: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
