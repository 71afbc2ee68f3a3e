use sea_orm::entity::prelude::*;

/// A Healthtech Challenge call (補助事業): fiscal year, themes, budget and rules. Committed
/// and disbursed are maintained with every award, release and disbursement.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "grant_programmes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub desk_id: i64,
    pub fiscal_year: i32,
    pub name_en: String,
    pub name_ja: String,
    pub description_en: String,
    pub description_ja: String,
    /// Theme codes, comma-separated.
    pub themes: String,
    pub budget_yen: i64,
    pub award_ceiling_yen: i64,
    /// The VC-match ratio in thousandths (2.0 is 2000); none when the programme has no cap.
    pub match_ratio_permille: Option<i32>,
    pub opens_on: Date,
    pub closes_on: Date,
    pub committed_yen: i64,
    pub disbursed_yen: i64,
    pub created_by_user_id: Option<i64>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
