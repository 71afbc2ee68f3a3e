use sea_orm_migration::{prelude::*, schema::*};

/// Matching: the competitors a requester names on a consultation (a VC holding one is not
/// suggested), and the suggestions advisors and staff dismissed for a consultation.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Consultations::Table)
                    .add_column(text(Consultations::Competitors).default("[]"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SuggestionDismissals::Table)
                    .col(big_integer(SuggestionDismissals::ConsultationId))
                    .col(big_integer(SuggestionDismissals::EntryId))
                    .col(text(SuggestionDismissals::Reason))
                    .col(big_integer_null(SuggestionDismissals::DismissedByUserId))
                    .col(timestamp_with_time_zone(SuggestionDismissals::DismissedAt))
                    .primary_key(
                        Index::create()
                            .col(SuggestionDismissals::ConsultationId)
                            .col(SuggestionDismissals::EntryId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("suggestion_dismissals_consultation_id_fkey")
                            .from(
                                SuggestionDismissals::Table,
                                SuggestionDismissals::ConsultationId,
                            )
                            .to(Consultations::Table, Consultations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("suggestion_dismissals_entry_id_fkey")
                            .from(SuggestionDismissals::Table, SuggestionDismissals::EntryId)
                            .to(DirectoryEntries::Table, DirectoryEntries::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("suggestion_dismissals_dismissed_by_user_id_fkey")
                            .from(
                                SuggestionDismissals::Table,
                                SuggestionDismissals::DismissedByUserId,
                            )
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(SuggestionDismissals::Table).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Consultations::Table)
                    .drop_column(Consultations::Competitors)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Consultations {
    Table,
    Id,
    Competitors,
}

#[derive(DeriveIden, Clone, Copy)]
enum DirectoryEntries {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum SuggestionDismissals {
    Table,
    ConsultationId,
    EntryId,
    Reason,
    DismissedByUserId,
    DismissedAt,
}
