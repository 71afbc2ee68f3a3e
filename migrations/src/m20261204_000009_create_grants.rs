use sea_orm_migration::{prelude::*, schema::*};

use crate::index;

/// The Healthtech Challenge: grant programmes, applications with their milestone plans,
/// reviews, awards, the tranches disbursed as milestones are approved, and the programme's
/// append-only ledger.
///
/// The money rules hold in the database itself: CHECK constraints keep a programme's
/// commitments within its budget and an award's payments within the award, a unique index
/// pays each milestone once, and triggers refuse any change to a ledger entry once written.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(GrantProgrammes::Table)
                    .col(big_pk_auto(GrantProgrammes::Id))
                    .col(big_integer(GrantProgrammes::DeskId))
                    .col(integer(GrantProgrammes::FiscalYear))
                    .col(text(GrantProgrammes::NameEn))
                    .col(text(GrantProgrammes::NameJa))
                    .col(text(GrantProgrammes::DescriptionEn).default(""))
                    .col(text(GrantProgrammes::DescriptionJa).default(""))
                    .col(text(GrantProgrammes::Themes))
                    .col(big_integer(GrantProgrammes::BudgetYen))
                    .col(big_integer(GrantProgrammes::AwardCeilingYen))
                    .col(integer_null(GrantProgrammes::MatchRatioPermille))
                    .col(date(GrantProgrammes::OpensOn))
                    .col(date(GrantProgrammes::ClosesOn))
                    .col(big_integer(GrantProgrammes::CommittedYen).default(0))
                    .col(big_integer(GrantProgrammes::DisbursedYen).default(0))
                    .col(big_integer_null(GrantProgrammes::CreatedByUserId))
                    .col(integer(GrantProgrammes::Version).default(1))
                    .col(timestamp_with_time_zone(GrantProgrammes::CreatedAt))
                    .col(timestamp_with_time_zone(GrantProgrammes::UpdatedAt))
                    .check(Expr::cust(
                        "budget_yen > 0 AND award_ceiling_yen > 0 AND award_ceiling_yen <= budget_yen",
                    ))
                    .check(Expr::cust(
                        "committed_yen >= 0 AND committed_yen <= budget_yen",
                    ))
                    .check(Expr::cust(
                        "disbursed_yen >= 0 AND disbursed_yen <= committed_yen",
                    ))
                    .check(Expr::cust(
                        "match_ratio_permille IS NULL OR match_ratio_permille > 0",
                    ))
                    .check(Expr::cust("opens_on <= closes_on"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("grant_programmes_desk_id_fkey")
                            .from(GrantProgrammes::Table, GrantProgrammes::DeskId)
                            .to(Desks::Table, Desks::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("grant_programmes_created_by_user_id_fkey")
                            .from(GrantProgrammes::Table, GrantProgrammes::CreatedByUserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(GrantCriteria::Table)
                    .col(big_pk_auto(GrantCriteria::Id))
                    .col(big_integer(GrantCriteria::ProgrammeId))
                    .col(integer(GrantCriteria::Position))
                    .col(text(GrantCriteria::NameEn))
                    .col(text(GrantCriteria::NameJa))
                    .col(integer(GrantCriteria::Weight))
                    .check(Expr::cust("weight > 0"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("grant_criteria_programme_id_fkey")
                            .from(GrantCriteria::Table, GrantCriteria::ProgrammeId)
                            .to(GrantProgrammes::Table, GrantProgrammes::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .index(
                        Index::create()
                            .name("grant_criteria_programme_id_position_key")
                            .col(GrantCriteria::ProgrammeId)
                            .col(GrantCriteria::Position)
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(GrantApplications::Table)
                    .col(big_pk_auto(GrantApplications::Id))
                    .col(big_integer(GrantApplications::ProgrammeId))
                    .col(big_integer(GrantApplications::OrganisationId))
                    .col(big_integer_null(GrantApplications::CreatedByUserId))
                    .col(string_len(GrantApplications::Theme, 32))
                    .col(text(GrantApplications::Title))
                    .col(text(GrantApplications::Summary))
                    .col(big_integer(GrantApplications::RequestedYen))
                    .col(string_len(GrantApplications::Status, 16))
                    .col(timestamp_with_time_zone_null(
                        GrantApplications::SubmittedAt,
                    ))
                    .col(timestamp_with_time_zone_null(GrantApplications::DecidedAt))
                    .col(big_integer_null(GrantApplications::DecidedByUserId))
                    .col(text_null(GrantApplications::DecisionNote))
                    .col(integer(GrantApplications::Version).default(1))
                    .col(timestamp_with_time_zone(GrantApplications::CreatedAt))
                    .col(timestamp_with_time_zone(GrantApplications::UpdatedAt))
                    .check(Expr::cust("requested_yen >= 0"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("grant_applications_programme_id_fkey")
                            .from(GrantApplications::Table, GrantApplications::ProgrammeId)
                            .to(GrantProgrammes::Table, GrantProgrammes::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("grant_applications_organisation_id_fkey")
                            .from(GrantApplications::Table, GrantApplications::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("grant_applications_created_by_user_id_fkey")
                            .from(GrantApplications::Table, GrantApplications::CreatedByUserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("grant_applications_decided_by_user_id_fkey")
                            .from(GrantApplications::Table, GrantApplications::DecidedByUserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .index(
                        Index::create()
                            .name("grant_applications_programme_id_organisation_id_key")
                            .col(GrantApplications::ProgrammeId)
                            .col(GrantApplications::OrganisationId)
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "grant_applications_organisation_id_idx",
            GrantApplications::Table,
            &[GrantApplications::OrganisationId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(GrantMilestones::Table)
                    .col(big_pk_auto(GrantMilestones::Id))
                    .col(big_integer(GrantMilestones::ApplicationId))
                    .col(integer(GrantMilestones::Position))
                    .col(text(GrantMilestones::Title))
                    .col(text(GrantMilestones::SuccessCriteria))
                    .col(date(GrantMilestones::DueOn))
                    .col(big_integer(GrantMilestones::TrancheYen))
                    .col(string_len(GrantMilestones::Status, 24))
                    .col(text_null(GrantMilestones::Evidence))
                    .col(text(GrantMilestones::EvidenceLinks).default(""))
                    .col(timestamp_with_time_zone_null(
                        GrantMilestones::EvidenceSubmittedAt,
                    ))
                    .col(timestamp_with_time_zone_null(GrantMilestones::DecidedAt))
                    .col(big_integer_null(GrantMilestones::DecidedByUserId))
                    .col(text_null(GrantMilestones::DecisionNote))
                    .col(integer(GrantMilestones::Version).default(1))
                    .col(timestamp_with_time_zone(GrantMilestones::UpdatedAt))
                    .check(Expr::cust("tranche_yen > 0"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("grant_milestones_application_id_fkey")
                            .from(GrantMilestones::Table, GrantMilestones::ApplicationId)
                            .to(GrantApplications::Table, GrantApplications::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("grant_milestones_decided_by_user_id_fkey")
                            .from(GrantMilestones::Table, GrantMilestones::DecidedByUserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .index(
                        Index::create()
                            .name("grant_milestones_application_id_position_key")
                            .col(GrantMilestones::ApplicationId)
                            .col(GrantMilestones::Position)
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(GrantReviews::Table)
                    .col(big_pk_auto(GrantReviews::Id))
                    .col(big_integer(GrantReviews::ApplicationId))
                    .col(big_integer(GrantReviews::ReviewerUserId))
                    .col(big_integer_null(GrantReviews::AssignedByUserId))
                    .col(timestamp_with_time_zone(GrantReviews::AssignedAt))
                    .col(text(GrantReviews::Scores).default("{}"))
                    .col(string_len_null(GrantReviews::Recommendation, 16))
                    .col(text_null(GrantReviews::Comment))
                    .col(timestamp_with_time_zone_null(GrantReviews::SubmittedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("grant_reviews_application_id_fkey")
                            .from(GrantReviews::Table, GrantReviews::ApplicationId)
                            .to(GrantApplications::Table, GrantApplications::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("grant_reviews_reviewer_user_id_fkey")
                            .from(GrantReviews::Table, GrantReviews::ReviewerUserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("grant_reviews_assigned_by_user_id_fkey")
                            .from(GrantReviews::Table, GrantReviews::AssignedByUserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .index(
                        Index::create()
                            .name("grant_reviews_application_id_reviewer_user_id_key")
                            .col(GrantReviews::ApplicationId)
                            .col(GrantReviews::ReviewerUserId)
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "grant_reviews_reviewer_user_id_idx",
            GrantReviews::Table,
            &[GrantReviews::ReviewerUserId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(GrantAwards::Table)
                    .col(big_pk_auto(GrantAwards::Id))
                    .col(big_integer(GrantAwards::ApplicationId).unique_key())
                    .col(big_integer(GrantAwards::ProgrammeId))
                    .col(big_integer(GrantAwards::OrganisationId))
                    .col(big_integer(GrantAwards::AmountYen))
                    .col(big_integer(GrantAwards::DisbursedYen).default(0))
                    .col(big_integer(GrantAwards::ReturnedYen).default(0))
                    .col(string_len(GrantAwards::Status, 16))
                    .col(big_integer_null(GrantAwards::AwardedByUserId))
                    .col(timestamp_with_time_zone(GrantAwards::AwardedAt))
                    .col(timestamp_with_time_zone_null(GrantAwards::EndedAt))
                    .check(Expr::cust(
                        "amount_yen > 0 AND disbursed_yen >= 0 AND returned_yen >= 0 \
                         AND disbursed_yen + returned_yen <= amount_yen",
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .name("grant_awards_application_id_fkey")
                            .from(GrantAwards::Table, GrantAwards::ApplicationId)
                            .to(GrantApplications::Table, GrantApplications::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("grant_awards_programme_id_fkey")
                            .from(GrantAwards::Table, GrantAwards::ProgrammeId)
                            .to(GrantProgrammes::Table, GrantProgrammes::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("grant_awards_organisation_id_fkey")
                            .from(GrantAwards::Table, GrantAwards::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("grant_awards_awarded_by_user_id_fkey")
                            .from(GrantAwards::Table, GrantAwards::AwardedByUserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "grant_awards_programme_id_idx",
            GrantAwards::Table,
            &[GrantAwards::ProgrammeId],
        )
        .await?;
        index(
            manager,
            "grant_awards_organisation_id_idx",
            GrantAwards::Table,
            &[GrantAwards::OrganisationId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(GrantDisbursements::Table)
                    .col(big_pk_auto(GrantDisbursements::Id))
                    .col(big_integer(GrantDisbursements::AwardId))
                    .col(big_integer(GrantDisbursements::MilestoneId).unique_key())
                    .col(big_integer(GrantDisbursements::ProgrammeId))
                    .col(big_integer(GrantDisbursements::AmountYen))
                    .col(string_len(GrantDisbursements::Status, 16))
                    .col(timestamp_with_time_zone(GrantDisbursements::ApprovedAt))
                    .col(timestamp_with_time_zone_null(
                        GrantDisbursements::DisbursedAt,
                    ))
                    .check(Expr::cust("amount_yen > 0"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("grant_disbursements_award_id_fkey")
                            .from(GrantDisbursements::Table, GrantDisbursements::AwardId)
                            .to(GrantAwards::Table, GrantAwards::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("grant_disbursements_milestone_id_fkey")
                            .from(GrantDisbursements::Table, GrantDisbursements::MilestoneId)
                            .to(GrantMilestones::Table, GrantMilestones::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("grant_disbursements_programme_id_fkey")
                            .from(GrantDisbursements::Table, GrantDisbursements::ProgrammeId)
                            .to(GrantProgrammes::Table, GrantProgrammes::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "grant_disbursements_award_id_idx",
            GrantDisbursements::Table,
            &[GrantDisbursements::AwardId],
        )
        .await?;

        // The ledger keeps plain ids (no foreign keys), so that nothing elsewhere can ever
        // rewrite an entry through a cascade.
        manager
            .create_table(
                Table::create()
                    .table(GrantLedger::Table)
                    .col(big_pk_auto(GrantLedger::Id))
                    .col(big_integer(GrantLedger::ProgrammeId))
                    .col(big_integer(GrantLedger::Sequence))
                    .col(string_len(GrantLedger::Kind, 16))
                    .col(big_integer_null(GrantLedger::AwardId))
                    .col(big_integer_null(GrantLedger::MilestoneId))
                    .col(big_integer(GrantLedger::AmountYen))
                    .col(big_integer_null(GrantLedger::RecordedByUserId))
                    .col(timestamp_with_time_zone(GrantLedger::RecordedAt))
                    .col(string_len(GrantLedger::PreviousHash, 64))
                    .col(string_len(GrantLedger::Hash, 64))
                    .index(
                        Index::create()
                            .name("grant_ledger_programme_id_sequence_key")
                            .col(GrantLedger::ProgrammeId)
                            .col(GrantLedger::Sequence)
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;
        let connection = manager.get_connection();
        match manager.get_database_backend() {
            sea_orm::DatabaseBackend::Postgres => {
                connection
                    .execute_unprepared(
                        "CREATE FUNCTION grant_ledger_append_only() RETURNS trigger AS $$ \
                         BEGIN RAISE EXCEPTION 'the grant ledger is append-only'; END; \
                         $$ LANGUAGE plpgsql",
                    )
                    .await?;
                connection
                    .execute_unprepared(
                        "CREATE TRIGGER grant_ledger_append_only BEFORE UPDATE OR DELETE \
                         ON grant_ledger FOR EACH ROW EXECUTE FUNCTION grant_ledger_append_only()",
                    )
                    .await?;
            }
            _ => {
                for (name, event) in [
                    ("grant_ledger_no_update", "UPDATE"),
                    ("grant_ledger_no_delete", "DELETE"),
                ] {
                    connection
                        .execute_unprepared(&format!(
                            "CREATE TRIGGER {name} BEFORE {event} ON grant_ledger \
                             BEGIN SELECT RAISE(ABORT, 'the grant ledger is append-only'); END"
                        ))
                        .await?;
                }
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
            manager
                .get_connection()
                .execute_unprepared(
                    "DROP TRIGGER IF EXISTS grant_ledger_append_only ON grant_ledger; \
                     DROP FUNCTION IF EXISTS grant_ledger_append_only()",
                )
                .await?;
        }
        for table in [
            GrantLedger::Table.into_iden(),
            GrantDisbursements::Table.into_iden(),
            GrantAwards::Table.into_iden(),
            GrantReviews::Table.into_iden(),
            GrantMilestones::Table.into_iden(),
            GrantApplications::Table.into_iden(),
            GrantCriteria::Table.into_iden(),
            GrantProgrammes::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Desks {
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
enum GrantProgrammes {
    Table,
    Id,
    DeskId,
    FiscalYear,
    NameEn,
    NameJa,
    DescriptionEn,
    DescriptionJa,
    Themes,
    BudgetYen,
    AwardCeilingYen,
    MatchRatioPermille,
    OpensOn,
    ClosesOn,
    CommittedYen,
    DisbursedYen,
    CreatedByUserId,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum GrantCriteria {
    Table,
    Id,
    ProgrammeId,
    Position,
    NameEn,
    NameJa,
    Weight,
}

#[derive(DeriveIden, Clone, Copy)]
enum GrantApplications {
    Table,
    Id,
    ProgrammeId,
    OrganisationId,
    CreatedByUserId,
    Theme,
    Title,
    Summary,
    RequestedYen,
    Status,
    SubmittedAt,
    DecidedAt,
    DecidedByUserId,
    DecisionNote,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum GrantMilestones {
    Table,
    Id,
    ApplicationId,
    Position,
    Title,
    SuccessCriteria,
    DueOn,
    TrancheYen,
    Status,
    Evidence,
    EvidenceLinks,
    EvidenceSubmittedAt,
    DecidedAt,
    DecidedByUserId,
    DecisionNote,
    Version,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum GrantReviews {
    Table,
    Id,
    ApplicationId,
    ReviewerUserId,
    AssignedByUserId,
    AssignedAt,
    Scores,
    Recommendation,
    Comment,
    SubmittedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum GrantAwards {
    Table,
    Id,
    ApplicationId,
    ProgrammeId,
    OrganisationId,
    AmountYen,
    DisbursedYen,
    ReturnedYen,
    Status,
    AwardedByUserId,
    AwardedAt,
    EndedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum GrantDisbursements {
    Table,
    Id,
    AwardId,
    MilestoneId,
    ProgrammeId,
    AmountYen,
    Status,
    ApprovedAt,
    DisbursedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum GrantLedger {
    Table,
    Id,
    ProgrammeId,
    Sequence,
    Kind,
    AwardId,
    MilestoneId,
    AmountYen,
    RecordedByUserId,
    RecordedAt,
    PreviousHash,
    Hash,
}
