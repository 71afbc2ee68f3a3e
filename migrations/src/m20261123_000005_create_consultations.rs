use sea_orm_migration::{prelude::*, schema::*};

use crate::{index, m20261121_000001_create_desks_and_taxonomy::Desks};

/// Consultations (相談案件) with their topics, timeline and referrals between desks; the
/// per-desk, per-fiscal-year counters behind reference numbers; which desk each domain is
/// routed to; and the corporate number (法人番号) of organisations.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Organisations::Table)
                    .add_column(string_len_null(Organisations::CorporateNumber, 13))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(DomainRoutes::Table)
                    .col(big_integer(DomainRoutes::DomainTermId).primary_key())
                    .col(big_integer(DomainRoutes::DeskId))
                    .col(timestamp_with_time_zone(DomainRoutes::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("domain_routes_domain_term_id_fkey")
                            .from(DomainRoutes::Table, DomainRoutes::DomainTermId)
                            .to(TaxonomyTerms::Table, TaxonomyTerms::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("domain_routes_desk_id_fkey")
                            .from(DomainRoutes::Table, DomainRoutes::DeskId)
                            .to(Desks::Table, Desks::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ReferenceCounters::Table)
                    .col(big_integer(ReferenceCounters::DeskId))
                    .col(integer(ReferenceCounters::FiscalYear))
                    .col(integer(ReferenceCounters::LastNumber))
                    .primary_key(
                        Index::create()
                            .col(ReferenceCounters::DeskId)
                            .col(ReferenceCounters::FiscalYear),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("reference_counters_desk_id_fkey")
                            .from(ReferenceCounters::Table, ReferenceCounters::DeskId)
                            .to(Desks::Table, Desks::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Consultations::Table)
                    .col(big_pk_auto(Consultations::Id))
                    .col(string_len_uniq(Consultations::Reference, 32))
                    .col(big_integer(Consultations::DeskId))
                    .col(big_integer(Consultations::OrganisationId))
                    .col(big_integer(Consultations::RequesterUserId))
                    .col(string_len(Consultations::Kind, 32))
                    .col(string_len(Consultations::Title, 200))
                    .col(text(Consultations::Description))
                    .col(big_integer(Consultations::DomainTermId))
                    .col(big_integer(Consultations::StageTermId))
                    .col(string_len(Consultations::PreferredLocale, 8))
                    .col(boolean(Consultations::Overseas))
                    .col(string_len(Consultations::Confidentiality, 32))
                    .col(string_len(Consultations::SharedFields, 200))
                    .col(string_len(Consultations::Status, 32))
                    .col(string_len_null(Consultations::Resolution, 32))
                    .col(small_integer(Consultations::Priority))
                    .col(big_integer_null(Consultations::AssigneeUserId))
                    .col(integer(Consultations::Version))
                    .col(integer(Consultations::FiscalYear))
                    .col(timestamp_with_time_zone(Consultations::FiledAt))
                    .col(timestamp_with_time_zone(Consultations::ReceivedAt))
                    .col(date(Consultations::FirstResponseDueOn))
                    .col(timestamp_with_time_zone_null(
                        Consultations::FirstRespondedAt,
                    ))
                    .col(timestamp_with_time_zone_null(Consultations::ClosedAt))
                    .col(timestamp_with_time_zone(Consultations::CreatedAt))
                    .col(timestamp_with_time_zone(Consultations::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("consultations_desk_id_fkey")
                            .from(Consultations::Table, Consultations::DeskId)
                            .to(Desks::Table, Desks::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("consultations_organisation_id_fkey")
                            .from(Consultations::Table, Consultations::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("consultations_requester_user_id_fkey")
                            .from(Consultations::Table, Consultations::RequesterUserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("consultations_assignee_user_id_fkey")
                            .from(Consultations::Table, Consultations::AssigneeUserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("consultations_domain_term_id_fkey")
                            .from(Consultations::Table, Consultations::DomainTermId)
                            .to(TaxonomyTerms::Table, TaxonomyTerms::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("consultations_stage_term_id_fkey")
                            .from(Consultations::Table, Consultations::StageTermId)
                            .to(TaxonomyTerms::Table, TaxonomyTerms::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, columns) in [
            (
                "consultations_desk_id_status_idx",
                &[Consultations::DeskId, Consultations::Status][..],
            ),
            (
                "consultations_desk_id_received_at_idx",
                &[Consultations::DeskId, Consultations::ReceivedAt][..],
            ),
            (
                "consultations_organisation_id_idx",
                &[Consultations::OrganisationId][..],
            ),
            (
                "consultations_assignee_user_id_idx",
                &[Consultations::AssigneeUserId][..],
            ),
            (
                "consultations_first_response_due_on_idx",
                &[Consultations::FirstResponseDueOn][..],
            ),
        ] {
            index(manager, name, Consultations::Table, columns).await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(ConsultationTopics::Table)
                    .col(big_integer(ConsultationTopics::ConsultationId))
                    .col(big_integer(ConsultationTopics::TermId))
                    .primary_key(
                        Index::create()
                            .col(ConsultationTopics::ConsultationId)
                            .col(ConsultationTopics::TermId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("consultation_topics_consultation_id_fkey")
                            .from(
                                ConsultationTopics::Table,
                                ConsultationTopics::ConsultationId,
                            )
                            .to(Consultations::Table, Consultations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("consultation_topics_term_id_fkey")
                            .from(ConsultationTopics::Table, ConsultationTopics::TermId)
                            .to(TaxonomyTerms::Table, TaxonomyTerms::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "consultation_topics_term_id_idx",
            ConsultationTopics::Table,
            &[ConsultationTopics::TermId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ConsultationEvents::Table)
                    .col(big_pk_auto(ConsultationEvents::Id))
                    .col(big_integer(ConsultationEvents::ConsultationId))
                    .col(big_integer(ConsultationEvents::DeskId))
                    .col(big_integer_null(ConsultationEvents::ActorUserId))
                    .col(string_len(ConsultationEvents::Kind, 32))
                    .col(string_len(ConsultationEvents::Audience, 16))
                    .col(text_null(ConsultationEvents::Body))
                    .col(text_null(ConsultationEvents::Before))
                    .col(text_null(ConsultationEvents::After))
                    .col(timestamp_with_time_zone(ConsultationEvents::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("consultation_events_consultation_id_fkey")
                            .from(
                                ConsultationEvents::Table,
                                ConsultationEvents::ConsultationId,
                            )
                            .to(Consultations::Table, Consultations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("consultation_events_desk_id_fkey")
                            .from(ConsultationEvents::Table, ConsultationEvents::DeskId)
                            .to(Desks::Table, Desks::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("consultation_events_actor_user_id_fkey")
                            .from(ConsultationEvents::Table, ConsultationEvents::ActorUserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "consultation_events_consultation_id_id_idx",
            ConsultationEvents::Table,
            &[ConsultationEvents::ConsultationId, ConsultationEvents::Id],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Referrals::Table)
                    .col(big_pk_auto(Referrals::Id))
                    .col(big_integer(Referrals::ConsultationId))
                    .col(big_integer(Referrals::FromDeskId))
                    .col(big_integer(Referrals::ToDeskId))
                    .col(string_len(Referrals::Status, 16))
                    .col(text(Referrals::Reason))
                    .col(big_integer_null(Referrals::RequestedByUserId))
                    .col(timestamp_with_time_zone(Referrals::RequestedAt))
                    .col(big_integer_null(Referrals::DecidedByUserId))
                    .col(timestamp_with_time_zone_null(Referrals::DecidedAt))
                    .col(text_null(Referrals::DecisionNote))
                    .foreign_key(
                        ForeignKey::create()
                            .name("referrals_consultation_id_fkey")
                            .from(Referrals::Table, Referrals::ConsultationId)
                            .to(Consultations::Table, Consultations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("referrals_from_desk_id_fkey")
                            .from(Referrals::Table, Referrals::FromDeskId)
                            .to(Desks::Table, Desks::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("referrals_to_desk_id_fkey")
                            .from(Referrals::Table, Referrals::ToDeskId)
                            .to(Desks::Table, Desks::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("referrals_requested_by_user_id_fkey")
                            .from(Referrals::Table, Referrals::RequestedByUserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("referrals_decided_by_user_id_fkey")
                            .from(Referrals::Table, Referrals::DecidedByUserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "referrals_consultation_id_idx",
            Referrals::Table,
            &[Referrals::ConsultationId],
        )
        .await?;
        index(
            manager,
            "referrals_to_desk_id_status_idx",
            Referrals::Table,
            &[Referrals::ToDeskId, Referrals::Status],
        )
        .await?;
        index(
            manager,
            "referrals_from_desk_id_idx",
            Referrals::Table,
            &[Referrals::FromDeskId],
        )
        .await?;
        // At most one referral of a consultation awaits a decision at any time. A partial
        // index reads the same on SQLite and PostgreSQL.
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX referrals_one_pending_per_consultation_key \
                 ON referrals (consultation_id) WHERE status = 'requested'",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Referrals::Table.into_iden(),
            ConsultationEvents::Table.into_iden(),
            ConsultationTopics::Table.into_iden(),
            Consultations::Table.into_iden(),
            ReferenceCounters::Table.into_iden(),
            DomainRoutes::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Organisations::Table)
                    .drop_column(Organisations::CorporateNumber)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Organisations {
    Table,
    Id,
    CorporateNumber,
}

#[derive(DeriveIden, Clone, Copy)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum TaxonomyTerms {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum DomainRoutes {
    Table,
    DomainTermId,
    DeskId,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ReferenceCounters {
    Table,
    DeskId,
    FiscalYear,
    LastNumber,
}

#[derive(DeriveIden, Clone, Copy)]
enum Consultations {
    Table,
    Id,
    Reference,
    DeskId,
    OrganisationId,
    RequesterUserId,
    Kind,
    Title,
    Description,
    DomainTermId,
    StageTermId,
    PreferredLocale,
    Overseas,
    Confidentiality,
    SharedFields,
    Status,
    Resolution,
    Priority,
    AssigneeUserId,
    Version,
    FiscalYear,
    FiledAt,
    ReceivedAt,
    FirstResponseDueOn,
    FirstRespondedAt,
    ClosedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ConsultationTopics {
    Table,
    ConsultationId,
    TermId,
}

#[derive(DeriveIden, Clone, Copy)]
enum ConsultationEvents {
    Table,
    Id,
    ConsultationId,
    DeskId,
    ActorUserId,
    Kind,
    Audience,
    Body,
    Before,
    After,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Referrals {
    Table,
    Id,
    ConsultationId,
    FromDeskId,
    ToDeskId,
    Status,
    Reason,
    RequestedByUserId,
    RequestedAt,
    DecidedByUserId,
    DecidedAt,
    DecisionNote,
}
