use sea_orm_migration::{prelude::*, schema::*};

use crate::index;

/// Introductions of a consultation to an advisor, supporter organisation or VC, carried
/// from proposal through the requester's consent to an established match, and the private
/// investments startups received (from a matched VC introduction or recorded by staff).
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Introductions::Table)
                    .col(big_pk_auto(Introductions::Id))
                    .col(big_integer(Introductions::ConsultationId))
                    .col(big_integer(Introductions::EntryId))
                    .col(string_len(Introductions::TargetKind, 16))
                    .col(string_len(Introductions::Channel, 16))
                    .col(string_len(Introductions::Status, 24))
                    .col(text(Introductions::Message))
                    .col(text(Introductions::ProposedFields))
                    .col(text(Introductions::SharedFields).default(""))
                    .col(text_null(Introductions::Shared))
                    .col(big_integer_null(Introductions::ProposedByUserId))
                    .col(timestamp_with_time_zone(Introductions::ProposedAt))
                    .col(timestamp_with_time_zone_null(
                        Introductions::ConsentRequestedAt,
                    ))
                    .col(big_integer_null(Introductions::ConsentedByUserId))
                    .col(timestamp_with_time_zone_null(Introductions::ConsentedAt))
                    .col(big_integer_null(Introductions::SentByUserId))
                    .col(timestamp_with_time_zone_null(Introductions::SentAt))
                    .col(big_integer_null(Introductions::AnsweredByUserId))
                    .col(timestamp_with_time_zone_null(Introductions::AnsweredAt))
                    .col(text_null(Introductions::AnswerNote))
                    .col(timestamp_with_time_zone_null(Introductions::AnswerDueAt))
                    .col(date_null(Introductions::MeetingHeldOn))
                    .col(string_len_null(Introductions::Outcome, 24))
                    .col(string_len_null(Introductions::Adopter, 24))
                    .col(text_null(Introductions::OutcomeNote))
                    .col(big_integer_null(Introductions::RecordedByUserId))
                    .col(timestamp_with_time_zone_null(Introductions::ClosedAt))
                    .col(string_len_null(Introductions::ResponseTokenHash, 64))
                    .col(integer(Introductions::Version).default(1))
                    .col(timestamp_with_time_zone(Introductions::CreatedAt))
                    .col(timestamp_with_time_zone(Introductions::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("introductions_consultation_id_fkey")
                            .from(Introductions::Table, Introductions::ConsultationId)
                            .to(Consultations::Table, Consultations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("introductions_entry_id_fkey")
                            .from(Introductions::Table, Introductions::EntryId)
                            .to(DirectoryEntries::Table, DirectoryEntries::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("introductions_proposed_by_user_id_fkey")
                            .from(Introductions::Table, Introductions::ProposedByUserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("introductions_consented_by_user_id_fkey")
                            .from(Introductions::Table, Introductions::ConsentedByUserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("introductions_sent_by_user_id_fkey")
                            .from(Introductions::Table, Introductions::SentByUserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("introductions_answered_by_user_id_fkey")
                            .from(Introductions::Table, Introductions::AnsweredByUserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("introductions_recorded_by_user_id_fkey")
                            .from(Introductions::Table, Introductions::RecordedByUserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "introductions_consultation_id_idx",
            Introductions::Table,
            &[Introductions::ConsultationId],
        )
        .await?;
        index(
            manager,
            "introductions_entry_id_status_idx",
            Introductions::Table,
            &[Introductions::EntryId, Introductions::Status],
        )
        .await?;
        index(
            manager,
            "introductions_status_answer_due_at_idx",
            Introductions::Table,
            &[Introductions::Status, Introductions::AnswerDueAt],
        )
        .await?;
        index(
            manager,
            "introductions_sent_at_idx",
            Introductions::Table,
            &[Introductions::SentAt],
        )
        .await?;
        let connection = manager.get_connection();
        // One live introduction of a consultation to an entry at a time; a partial index
        // reads the same on SQLite and PostgreSQL.
        connection
            .execute_unprepared(
                "CREATE UNIQUE INDEX introductions_live_idx ON introductions \
                 (consultation_id, entry_id) WHERE status IN \
                 ('proposed', 'consent_requested', 'consented', 'sent', 'accepted', 'meeting_held')",
            )
            .await?;
        connection
            .execute_unprepared(
                "CREATE UNIQUE INDEX introductions_response_token_hash_idx ON introductions \
                 (response_token_hash) WHERE response_token_hash IS NOT NULL",
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Investments::Table)
                    .col(big_pk_auto(Investments::Id))
                    .col(big_integer(Investments::OrganisationId))
                    .col(big_integer(Investments::AmountYen))
                    .col(string_len(Investments::Round, 16))
                    .col(date(Investments::InvestedOn))
                    .col(big_integer_null(Investments::InvestorEntryId))
                    .col(text(Investments::InvestorName))
                    .col(big_integer_null(Investments::IntroductionId).unique_key())
                    .col(text_null(Investments::Evidence))
                    .col(big_integer_null(Investments::RecordedByUserId))
                    .col(timestamp_with_time_zone(Investments::RecordedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("investments_organisation_id_fkey")
                            .from(Investments::Table, Investments::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("investments_investor_entry_id_fkey")
                            .from(Investments::Table, Investments::InvestorEntryId)
                            .to(DirectoryEntries::Table, DirectoryEntries::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("investments_introduction_id_fkey")
                            .from(Investments::Table, Investments::IntroductionId)
                            .to(Introductions::Table, Introductions::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("investments_recorded_by_user_id_fkey")
                            .from(Investments::Table, Investments::RecordedByUserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "investments_organisation_id_idx",
            Investments::Table,
            &[Investments::OrganisationId],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Investments::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Introductions::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Consultations {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum DirectoryEntries {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Organisations {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Introductions {
    Table,
    Id,
    ConsultationId,
    EntryId,
    TargetKind,
    Channel,
    Status,
    Message,
    ProposedFields,
    SharedFields,
    Shared,
    ProposedByUserId,
    ProposedAt,
    ConsentRequestedAt,
    ConsentedByUserId,
    ConsentedAt,
    SentByUserId,
    SentAt,
    AnsweredByUserId,
    AnsweredAt,
    AnswerNote,
    AnswerDueAt,
    MeetingHeldOn,
    Outcome,
    Adopter,
    OutcomeNote,
    RecordedByUserId,
    ClosedAt,
    ResponseTokenHash,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Investments {
    Table,
    Id,
    OrganisationId,
    AmountYen,
    Round,
    InvestedOn,
    InvestorEntryId,
    InvestorName,
    IntroductionId,
    Evidence,
    RecordedByUserId,
    RecordedAt,
}
