use sea_orm::entity::prelude::*;

/// An organisation's application to a programme, with its milestone plan in
/// `grant_milestones`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "grant_applications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub programme_id: i64,
    pub organisation_id: i64,
    pub created_by_user_id: Option<i64>,
    pub theme: String,
    pub title: String,
    pub summary: String,
    /// The sum of the planned tranches.
    pub requested_yen: i64,
    pub status: String,
    pub submitted_at: Option<DateTimeUtc>,
    pub decided_at: Option<DateTimeUtc>,
    pub decided_by_user_id: Option<i64>,
    pub decision_note: Option<String>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
