use sea_orm_migration::{prelude::*, schema::*};

use crate::{index, m20261121_000001_create_desks_and_taxonomy::Desks};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Organisations::Table)
                    .col(big_pk_auto(Organisations::Id))
                    .col(string_len(Organisations::Kind, 32))
                    .col(string_len(Organisations::Name, 200))
                    .col(char_len(Organisations::CountryCode, 2))
                    .col(timestamp_with_time_zone(Organisations::CreatedAt))
                    .col(timestamp_with_time_zone(Organisations::UpdatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .col(big_pk_auto(Users::Id))
                    .col(string_len_uniq(Users::Email, 254))
                    .col(string_len(Users::DisplayName, 100))
                    .col(string_len_null(Users::PasswordHash, 255))
                    .col(string_len(Users::Role, 32))
                    .col(big_integer_null(Users::OrganisationId))
                    .col(string_len(Users::Locale, 8))
                    .col(timestamp_with_time_zone_null(Users::EmailVerifiedAt))
                    .col(timestamp_with_time_zone_null(Users::DeactivatedAt))
                    .col(timestamp_with_time_zone(Users::CreatedAt))
                    .col(timestamp_with_time_zone(Users::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("users_organisation_id_fkey")
                            .from(Users::Table, Users::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "users_organisation_id_idx",
            Users::Table,
            &[Users::OrganisationId],
        )
        .await?;
        index(manager, "users_role_idx", Users::Table, &[Users::Role]).await?;

        manager
            .create_table(
                Table::create()
                    .table(DeskMemberships::Table)
                    .col(big_integer(DeskMemberships::DeskId))
                    .col(big_integer(DeskMemberships::UserId))
                    .col(timestamp_with_time_zone(DeskMemberships::CreatedAt))
                    .primary_key(
                        Index::create()
                            .col(DeskMemberships::DeskId)
                            .col(DeskMemberships::UserId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("desk_memberships_desk_id_fkey")
                            .from(DeskMemberships::Table, DeskMemberships::DeskId)
                            .to(Desks::Table, Desks::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("desk_memberships_user_id_fkey")
                            .from(DeskMemberships::Table, DeskMemberships::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "desk_memberships_user_id_idx",
            DeskMemberships::Table,
            &[DeskMemberships::UserId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Sessions::Table)
                    .col(big_pk_auto(Sessions::Id))
                    .col(big_integer(Sessions::UserId))
                    .col(char_len_uniq(Sessions::TokenHash, 64))
                    .col(string_len_null(Sessions::ClientAddress, 64))
                    .col(string_len_null(Sessions::UserAgent, 300))
                    .col(timestamp_with_time_zone(Sessions::CreatedAt))
                    .col(timestamp_with_time_zone(Sessions::LastSeenAt))
                    .col(timestamp_with_time_zone(Sessions::ExpiresAt))
                    .col(timestamp_with_time_zone_null(Sessions::RevokedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("sessions_user_id_fkey")
                            .from(Sessions::Table, Sessions::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "sessions_user_id_idx",
            Sessions::Table,
            &[Sessions::UserId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(UserTokens::Table)
                    .col(big_pk_auto(UserTokens::Id))
                    .col(big_integer(UserTokens::UserId))
                    .col(string_len(UserTokens::Purpose, 32))
                    .col(char_len_uniq(UserTokens::TokenHash, 64))
                    .col(timestamp_with_time_zone(UserTokens::CreatedAt))
                    .col(timestamp_with_time_zone(UserTokens::ExpiresAt))
                    .col(timestamp_with_time_zone_null(UserTokens::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("user_tokens_user_id_fkey")
                            .from(UserTokens::Table, UserTokens::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "user_tokens_user_id_purpose_idx",
            UserTokens::Table,
            &[UserTokens::UserId, UserTokens::Purpose],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(LoginAttempts::Table)
                    .col(big_pk_auto(LoginAttempts::Id))
                    .col(string_len(LoginAttempts::Email, 254))
                    .col(string_len(LoginAttempts::ClientAddress, 64))
                    .col(boolean(LoginAttempts::Succeeded))
                    .col(timestamp_with_time_zone(LoginAttempts::CreatedAt))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "login_attempts_email_created_at_idx",
            LoginAttempts::Table,
            &[LoginAttempts::Email, LoginAttempts::CreatedAt],
        )
        .await?;
        index(
            manager,
            "login_attempts_client_address_created_at_idx",
            LoginAttempts::Table,
            &[LoginAttempts::ClientAddress, LoginAttempts::CreatedAt],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            LoginAttempts::Table.into_iden(),
            UserTokens::Table.into_iden(),
            Sessions::Table.into_iden(),
            DeskMemberships::Table.into_iden(),
            Users::Table.into_iden(),
            Organisations::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Organisations {
    Table,
    Id,
    Kind,
    Name,
    CountryCode,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Users {
    Table,
    Id,
    Email,
    DisplayName,
    PasswordHash,
    Role,
    OrganisationId,
    Locale,
    EmailVerifiedAt,
    DeactivatedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum DeskMemberships {
    Table,
    DeskId,
    UserId,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Sessions {
    Table,
    Id,
    UserId,
    TokenHash,
    ClientAddress,
    UserAgent,
    CreatedAt,
    LastSeenAt,
    ExpiresAt,
    RevokedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum UserTokens {
    Table,
    Id,
    UserId,
    Purpose,
    TokenHash,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum LoginAttempts {
    Table,
    Id,
    Email,
    ClientAddress,
    Succeeded,
    CreatedAt,
}
