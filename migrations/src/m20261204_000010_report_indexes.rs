use sea_orm_migration::{prelude::*, schema::*};

/// What the KPI report reads by period. Every figure is a count of records whose one
/// timestamp falls in the period, within a scope (desk, domain or advisor): a B-tree on
/// that timestamp — alone for every desk, behind the scope column otherwise — turns the
/// count into a range scan of the period's rows, however long the history grows.
/// Consultations by desk and received time, and introductions by sent time, were indexed
/// for the queues already.
///
/// Also widens `investments.round`, which was too narrow for `series_c_or_later`
/// (PostgreSQL enforces the length; SQLite does not).
#[derive(DeriveMigrationName)]
pub struct Migration;

const INDEXES: &[(&str, Tables, &[Columns])] = &[
    (
        "consultations_received_at_idx",
        Tables::Consultations,
        &[Columns::ReceivedAt],
    ),
    (
        "consultations_domain_term_id_received_at_idx",
        Tables::Consultations,
        &[Columns::DomainTermId, Columns::ReceivedAt],
    ),
    (
        "consultations_assignee_user_id_received_at_idx",
        Tables::Consultations,
        &[Columns::AssigneeUserId, Columns::ReceivedAt],
    ),
    (
        "consultations_closed_at_idx",
        Tables::Consultations,
        &[Columns::ClosedAt],
    ),
    (
        "introductions_closed_at_idx",
        Tables::Introductions,
        &[Columns::ClosedAt],
    ),
    (
        "referrals_requested_at_idx",
        Tables::Referrals,
        &[Columns::RequestedAt],
    ),
    (
        "investments_invested_on_idx",
        Tables::Investments,
        &[Columns::InvestedOn],
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, columns) in INDEXES {
            let mut statement = Index::create().name(*name).table(*table).to_owned();
            for column in *columns {
                statement.col(*column);
            }
            manager.create_index(statement).await?;
        }
        if manager.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
            manager
                .alter_table(
                    Table::alter()
                        .table(Tables::Investments)
                        .modify_column(string_len(Columns::Round, 24))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, _) in INDEXES {
            manager
                .drop_index(Index::drop().name(*name).table(*table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Tables {
    Consultations,
    Introductions,
    Referrals,
    Investments,
}

#[derive(DeriveIden, Clone, Copy)]
enum Columns {
    ReceivedAt,
    DomainTermId,
    AssigneeUserId,
    ClosedAt,
    RequestedAt,
    InvestedOn,
    Round,
}
