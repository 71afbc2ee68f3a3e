use sea_orm::entity::prelude::*;

/// A stage goal of an application, in order; achieving it releases its tranche.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "grant_milestones")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub application_id: i64,
    pub position: i32,
    pub title: String,
    pub success_criteria: String,
    pub due_on: Date,
    pub tranche_yen: i64,
    pub status: String,
    pub evidence: Option<String>,
    /// Links to the evidence, one per line.
    pub evidence_links: String,
    pub evidence_submitted_at: Option<DateTimeUtc>,
    pub decided_at: Option<DateTimeUtc>,
    pub decided_by_user_id: Option<i64>,
    pub decision_note: Option<String>,
    pub version: i32,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
