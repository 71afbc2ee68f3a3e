use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Desks::Table)
                    .col(big_pk_auto(Desks::Id))
                    .col(string_len_uniq(Desks::Code, 32))
                    .col(string_len(Desks::NameEn, 200))
                    .col(string_len(Desks::NameJa, 200))
                    .col(text(Desks::DescriptionEn))
                    .col(text(Desks::DescriptionJa))
                    .col(string_len_uniq(Desks::ReferencePrefix, 8))
                    .col(integer(Desks::FirstResponseBusinessDays))
                    .col(string_len(Desks::ContactEmail, 254))
                    .col(boolean(Desks::Active))
                    .col(timestamp_with_time_zone(Desks::CreatedAt))
                    .col(timestamp_with_time_zone(Desks::UpdatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(TaxonomyTerms::Table)
                    .col(big_pk_auto(TaxonomyTerms::Id))
                    .col(string_len(TaxonomyTerms::Kind, 16))
                    .col(string_len(TaxonomyTerms::Code, 64))
                    .col(string_len(TaxonomyTerms::LabelEn, 200))
                    .col(string_len(TaxonomyTerms::LabelJa, 200))
                    .col(integer(TaxonomyTerms::Position))
                    .col(boolean(TaxonomyTerms::Active))
                    .col(timestamp_with_time_zone(TaxonomyTerms::CreatedAt))
                    .col(timestamp_with_time_zone(TaxonomyTerms::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("taxonomy_terms_kind_code_key")
                    .table(TaxonomyTerms::Table)
                    .col(TaxonomyTerms::Kind)
                    .col(TaxonomyTerms::Code)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(TaxonomyTerms::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Desks::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
pub enum Desks {
    Table,
    Id,
    Code,
    NameEn,
    NameJa,
    DescriptionEn,
    DescriptionJa,
    ReferencePrefix,
    FirstResponseBusinessDays,
    ContactEmail,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum TaxonomyTerms {
    Table,
    Id,
    Kind,
    Code,
    LabelEn,
    LabelJa,
    Position,
    Active,
    CreatedAt,
    UpdatedAt,
}
