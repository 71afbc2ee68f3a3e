use sea_orm_migration::{prelude::*, schema::*};

use crate::index;

/// The supporter directory: advisor profiles, supporter organisations (サポーター団体), VCs
/// and support programmes (支援施策) in one table of entries, their taxonomy tags, and the
/// organisations an entry is tied to (an advisor's declared conflicts, a VC's portfolio).
/// Taxonomy terms gain the synonyms the search index is given.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(TaxonomyTerms::Table)
                    .add_column(text(TaxonomyTerms::Synonyms).default("[]"))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(DirectoryEntries::Table)
                    .col(big_pk_auto(DirectoryEntries::Id))
                    .col(string_len(DirectoryEntries::Kind, 16))
                    .col(big_integer_null(DirectoryEntries::UserId))
                    .col(big_integer_null(DirectoryEntries::OrganisationId))
                    .col(string_len(DirectoryEntries::NameEn, 200))
                    .col(string_len(DirectoryEntries::NameJa, 200))
                    .col(text(DirectoryEntries::SummaryEn))
                    .col(text(DirectoryEntries::SummaryJa))
                    .col(string_len_null(DirectoryEntries::AffiliationEn, 200))
                    .col(string_len_null(DirectoryEntries::AffiliationJa, 200))
                    .col(integer_null(DirectoryEntries::Capacity))
                    .col(string_len_null(DirectoryEntries::SupporterType, 32))
                    .col(boolean(DirectoryEntries::Overseas))
                    .col(boolean(DirectoryEntries::Certified))
                    .col(big_integer_null(DirectoryEntries::TicketMinYen))
                    .col(big_integer_null(DirectoryEntries::TicketMaxYen))
                    .col(string_len_null(DirectoryEntries::ProgrammeBody, 16))
                    .col(string_len_null(DirectoryEntries::BodyNameEn, 200))
                    .col(string_len_null(DirectoryEntries::BodyNameJa, 200))
                    .col(text_null(DirectoryEntries::EligibilityEn))
                    .col(text_null(DirectoryEntries::EligibilityJa))
                    .col(date_null(DirectoryEntries::OpensOn))
                    .col(date_null(DirectoryEntries::ClosesOn))
                    .col(string_len_null(DirectoryEntries::ContactEmail, 254))
                    .col(string_len_null(DirectoryEntries::Website, 500))
                    .col(boolean(DirectoryEntries::Active))
                    .col(integer(DirectoryEntries::Version))
                    .col(timestamp_with_time_zone(DirectoryEntries::CreatedAt))
                    .col(timestamp_with_time_zone(DirectoryEntries::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("directory_entries_user_id_fkey")
                            .from(DirectoryEntries::Table, DirectoryEntries::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("directory_entries_organisation_id_fkey")
                            .from(DirectoryEntries::Table, DirectoryEntries::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        // One profile per advisor, one entry of each kind per organisation.
        manager
            .create_index(
                Index::create()
                    .name("directory_entries_user_id_key")
                    .table(DirectoryEntries::Table)
                    .col(DirectoryEntries::UserId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("directory_entries_organisation_id_kind_key")
                    .table(DirectoryEntries::Table)
                    .col(DirectoryEntries::OrganisationId)
                    .col(DirectoryEntries::Kind)
                    .unique()
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "directory_entries_kind_updated_at_idx",
            DirectoryEntries::Table,
            &[DirectoryEntries::Kind, DirectoryEntries::UpdatedAt],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(DirectoryEntryTerms::Table)
                    .col(big_integer(DirectoryEntryTerms::EntryId))
                    .col(big_integer(DirectoryEntryTerms::TermId))
                    .primary_key(
                        Index::create()
                            .col(DirectoryEntryTerms::EntryId)
                            .col(DirectoryEntryTerms::TermId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("directory_entry_terms_entry_id_fkey")
                            .from(DirectoryEntryTerms::Table, DirectoryEntryTerms::EntryId)
                            .to(DirectoryEntries::Table, DirectoryEntries::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("directory_entry_terms_term_id_fkey")
                            .from(DirectoryEntryTerms::Table, DirectoryEntryTerms::TermId)
                            .to(TaxonomyTerms::Table, TaxonomyTerms::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "directory_entry_terms_term_id_idx",
            DirectoryEntryTerms::Table,
            &[DirectoryEntryTerms::TermId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(DirectoryEntryOrganisations::Table)
                    .col(big_integer(DirectoryEntryOrganisations::EntryId))
                    .col(big_integer(DirectoryEntryOrganisations::OrganisationId))
                    .col(string_len(DirectoryEntryOrganisations::Relation, 16))
                    .primary_key(
                        Index::create()
                            .col(DirectoryEntryOrganisations::EntryId)
                            .col(DirectoryEntryOrganisations::OrganisationId)
                            .col(DirectoryEntryOrganisations::Relation),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("directory_entry_organisations_entry_id_fkey")
                            .from(
                                DirectoryEntryOrganisations::Table,
                                DirectoryEntryOrganisations::EntryId,
                            )
                            .to(DirectoryEntries::Table, DirectoryEntries::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("directory_entry_organisations_organisation_id_fkey")
                            .from(
                                DirectoryEntryOrganisations::Table,
                                DirectoryEntryOrganisations::OrganisationId,
                            )
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "directory_entry_organisations_organisation_id_idx",
            DirectoryEntryOrganisations::Table,
            &[DirectoryEntryOrganisations::OrganisationId],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(
                Table::drop()
                    .table(DirectoryEntryOrganisations::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(DirectoryEntryTerms::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(DirectoryEntries::Table).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(TaxonomyTerms::Table)
                    .drop_column(TaxonomyTerms::Synonyms)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Organisations {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum TaxonomyTerms {
    Table,
    Id,
    Synonyms,
}

#[derive(DeriveIden, Clone, Copy)]
enum DirectoryEntries {
    Table,
    Id,
    Kind,
    UserId,
    OrganisationId,
    NameEn,
    NameJa,
    SummaryEn,
    SummaryJa,
    AffiliationEn,
    AffiliationJa,
    Capacity,
    SupporterType,
    Overseas,
    Certified,
    TicketMinYen,
    TicketMaxYen,
    ProgrammeBody,
    BodyNameEn,
    BodyNameJa,
    EligibilityEn,
    EligibilityJa,
    OpensOn,
    ClosesOn,
    ContactEmail,
    Website,
    Active,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum DirectoryEntryTerms {
    Table,
    EntryId,
    TermId,
}

#[derive(DeriveIden, Clone, Copy)]
enum DirectoryEntryOrganisations {
    Table,
    EntryId,
    OrganisationId,
    Relation,
}
