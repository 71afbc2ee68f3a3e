use sea_orm::entity::prelude::*;

/// The tranche of an approved milestone: paid out, or waiting for enough VC investment.
/// One per milestone.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "grant_disbursements")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub award_id: i64,
    pub milestone_id: i64,
    pub programme_id: i64,
    pub amount_yen: i64,
    pub status: String,
    pub approved_at: DateTimeUtc,
    pub disbursed_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
