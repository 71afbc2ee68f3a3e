use sea_orm::entity::prelude::*;

/// An introduction of a consultation to a directory entry (advisor, supporter organisation
/// or VC), from proposal to outcome.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "introductions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub consultation_id: i64,
    pub entry_id: i64,
    pub target_kind: String,
    pub channel: String,
    pub status: String,
    /// Why the desk proposes it, addressed to the requester.
    pub message: String,
    /// The fields the desk proposes to share, comma-separated codes.
    pub proposed_fields: String,
    /// The fields the requester consented to share.
    pub shared_fields: String,
    /// What the target may read, copied at consent (JSON); nothing before.
    pub shared: Option<String>,
    pub proposed_by_user_id: Option<i64>,
    pub proposed_at: DateTimeUtc,
    pub consent_requested_at: Option<DateTimeUtc>,
    pub consented_by_user_id: Option<i64>,
    pub consented_at: Option<DateTimeUtc>,
    pub sent_by_user_id: Option<i64>,
    pub sent_at: Option<DateTimeUtc>,
    pub answered_by_user_id: Option<i64>,
    pub answered_at: Option<DateTimeUtc>,
    pub answer_note: Option<String>,
    /// When the introduction expires if whoever must answer now has not.
    pub answer_due_at: Option<DateTimeUtc>,
    pub meeting_held_on: Option<Date>,
    pub outcome: Option<String>,
    pub adopter: Option<String>,
    pub outcome_note: Option<String>,
    pub recorded_by_user_id: Option<i64>,
    pub closed_at: Option<DateTimeUtc>,
    pub response_token_hash: Option<String>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
