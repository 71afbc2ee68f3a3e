use sea_orm::entity::prelude::*;

/// A reviewer assigned to an application, and their review once submitted.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "grant_reviews")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub application_id: i64,
    pub reviewer_user_id: i64,
    pub assigned_by_user_id: Option<i64>,
    pub assigned_at: DateTimeUtc,
    /// Scores by criterion id, as a JSON object (`{"12": 4}`).
    pub scores: String,
    pub recommendation: Option<String>,
    pub comment: Option<String>,
    pub submitted_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
