use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "consultations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub reference: String,
    pub desk_id: i64,
    pub organisation_id: i64,
    pub requester_user_id: i64,
    pub kind: String,
    pub title: String,
    pub description: String,
    pub domain_term_id: i64,
    pub stage_term_id: i64,
    pub preferred_locale: String,
    pub overseas: bool,
    pub confidentiality: String,
    /// Comma-separated codes of the fields the requester lets introduced third parties see.
    pub shared_fields: String,
    /// A JSON array of the competitors the requester names: a VC holding one of them is
    /// not suggested.
    pub competitors: String,
    pub status: String,
    pub resolution: Option<String>,
    pub priority: i16,
    pub assignee_user_id: Option<i64>,
    /// Raised by every change; a write naming an older version is refused.
    pub version: i32,
    pub fiscal_year: i32,
    pub filed_at: DateTimeUtc,
    /// When the consultation entered its current desk's queue.
    pub received_at: DateTimeUtc,
    pub first_response_due_on: Date,
    pub first_responded_at: Option<DateTimeUtc>,
    pub closed_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
