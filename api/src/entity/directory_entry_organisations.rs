use sea_orm::entity::prelude::*;

/// An organisation tied to a directory entry: `conflict` (an advisor's declared conflict of
/// interest) or `portfolio` (a company a VC has invested in).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "directory_entry_organisations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub entry_id: i64,
    #[sea_orm(primary_key, auto_increment = false)]
    pub organisation_id: i64,
    #[sea_orm(primary_key, auto_increment = false)]
    pub relation: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
