use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "consultation_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub consultation_id: i64,
    /// The desk the consultation was at when this happened.
    pub desk_id: i64,
    pub actor_user_id: Option<i64>,
    pub kind: String,
    /// `requester` (the requester sees it too) or `internal` (desk people only).
    pub audience: String,
    pub body: Option<String>,
    /// JSON of the changed values before and after.
    pub before: Option<String>,
    pub after: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
