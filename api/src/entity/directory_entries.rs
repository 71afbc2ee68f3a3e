use sea_orm::entity::prelude::*;

/// One entry of the supporter directory. Columns that belong to one kind only are empty
/// for the others: affiliation and capacity (advisors), supporter type (supporter
/// organisations), certified flag and ticket sizes (VCs), implementing body, eligibility
/// and application window (support programmes).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "directory_entries")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub kind: String,
    /// The advisor's account.
    pub user_id: Option<i64>,
    /// The supporter organisation's or VC's organisation.
    pub organisation_id: Option<i64>,
    pub name_en: String,
    pub name_ja: String,
    /// Bio, description or programme summary.
    pub summary_en: String,
    pub summary_ja: String,
    pub affiliation_en: Option<String>,
    pub affiliation_ja: Option<String>,
    pub capacity: Option<i32>,
    pub supporter_type: Option<String>,
    pub overseas: bool,
    pub certified: bool,
    pub ticket_min_yen: Option<i64>,
    pub ticket_max_yen: Option<i64>,
    pub programme_body: Option<String>,
    pub body_name_en: Option<String>,
    pub body_name_ja: Option<String>,
    pub eligibility_en: Option<String>,
    pub eligibility_ja: Option<String>,
    pub opens_on: Option<Date>,
    pub closes_on: Option<Date>,
    pub contact_email: Option<String>,
    pub website: Option<String>,
    pub active: bool,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
