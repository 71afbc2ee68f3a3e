use sea_orm::entity::prelude::*;

/// An awarded application: the amount committed from the programme's budget, what has been
/// paid out and what was returned to the budget when the award ended early.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "grant_awards")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub application_id: i64,
    pub programme_id: i64,
    pub organisation_id: i64,
    pub amount_yen: i64,
    pub disbursed_yen: i64,
    pub returned_yen: i64,
    pub status: String,
    pub awarded_by_user_id: Option<i64>,
    pub awarded_at: DateTimeUtc,
    pub ended_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
