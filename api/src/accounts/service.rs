//! The account rules. Every function takes the actor and checks what they may do first.

use chrono::Duration;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseTransaction, EntityTrait,
    IntoActiveModel, QueryFilter, QueryOrder, Set,
    sea_query::{Expr, ExprTrait, Func, LikeExpr, Query},
};

use super::{OrganisationKind, error::AccountError};
use crate::{
    audit,
    auth::{
        Actor, Permission, Role, Viewer, password, sessions, throttle,
        tokens::{self, Purpose},
    },
    db,
    entity::{desk_memberships, desks, organisations, user_tokens, users},
    error::{ApiError, ErrorCode, FieldError, Validator},
    i18n::Locale,
    ids::{DeskId, OrganisationId, SessionId, UserId},
    notify::{self, EmailTemplate, Recipient},
    pagination::{self, Page, PageArgs},
    state::AppState,
    validate,
};

const MAX_DISPLAY_NAME: usize = 100;
const MAX_ORGANISATION_NAME: usize = 200;
/// A new emailed link for the same purpose is not sent more often than this.
const RESEND_INTERVAL_SECS: i64 = 60;

pub struct SignUp {
    pub email: String,
    pub password: String,
    pub display_name: String,
    pub organisation_name: String,
    pub organisation_kind: OrganisationKind,
    pub country_code: String,
    pub locale: Locale,
}

/// Creates a requester account and its organisation and sends a verification email.
///
/// The answer is the same whether or not the address already has an account, so sign-up
/// cannot be used to find out who uses Bansō: the owner of an existing account is told by
/// email instead.
pub async fn sign_up(state: &AppState, input: SignUp) -> Result<String, ApiError> {
    let mut v = Validator::new();
    let email = v.check("email", validate::email(&input.email));
    let display_name = v.check(
        "displayName",
        validate::required_text(&input.display_name, MAX_DISPLAY_NAME),
    );
    let organisation_name = v.check(
        "organisationName",
        validate::required_text(&input.organisation_name, MAX_ORGANISATION_NAME),
    );
    let country_code = v.check("countryCode", validate::country_code(&input.country_code));
    if !input.organisation_kind.is_requester() {
        v.push(FieldError::new(
            "organisationKind",
            ErrorCode::OrganisationKindNotAllowed,
        ));
    }
    v.check(
        "password",
        password::check(
            &input.password,
            &email,
            state.settings.auth.min_password_length,
        ),
    );
    v.finish()?;

    let password_hash = state.passwords.hash(&input.password).await?;
    let txn = db::begin_write(&state.db).await?;
    let now = db::now();
    match find_by_email(&txn, &email).await? {
        // Signed up before but never confirmed: the latest sign-up replaces the earlier one
        // and only its link works.
        Some(user)
            if user.email_verified_at.is_none()
                && user.password_hash.is_some()
                && user.deactivated_at.is_none() =>
        {
            if let Some(organisation_id) = user.organisation_id
                && let Some(organisation) = organisations::Entity::find_by_id(organisation_id)
                    .one(&txn)
                    .await?
            {
                let mut organisation = organisation.into_active_model();
                organisation.name = Set(organisation_name);
                organisation.kind = Set(input.organisation_kind.as_db().to_owned());
                organisation.country_code = Set(country_code);
                organisation.updated_at = Set(now);
                organisation.update(&txn).await?;
            }
            let mut changed = user.into_active_model();
            changed.display_name = Set(display_name);
            changed.password_hash = Set(Some(password_hash));
            changed.locale = Set(input.locale.as_str().to_owned());
            changed.updated_at = Set(now);
            let user = changed.update(&txn).await?;
            invalidate_tokens(&txn, UserId(user.id), &[Purpose::VerifyEmail]).await?;
            send_verification(state, &txn, &user).await?;
        }
        Some(user) => {
            let template = EmailTemplate::AccountExists {
                login_link: link(state, "/login", None),
                reset_link: link(state, "/forgot-password", None),
            };
            send_email(state, &txn, &user, template).await?;
        }
        None => {
            let organisation = organisations::ActiveModel {
                kind: Set(input.organisation_kind.as_db().to_owned()),
                name: Set(organisation_name),
                country_code: Set(country_code),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            let user = users::ActiveModel {
                email: Set(email.clone()),
                display_name: Set(display_name),
                password_hash: Set(Some(password_hash)),
                role: Set(Role::Requester.as_db().to_owned()),
                organisation_id: Set(Some(organisation.id)),
                locale: Set(input.locale.as_str().to_owned()),
                email_verified_at: Set(None),
                deactivated_at: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            send_verification(state, &txn, &user).await?;
        }
    }
    txn.commit().await?;
    Ok(email)
}

async fn send_verification(
    state: &AppState,
    txn: &DatabaseTransaction,
    user: &users::Model,
) -> Result<(), ApiError> {
    let ttl = Duration::hours(state.settings.auth.verification_ttl_hours);
    let (token, expires_at) = issue_token(txn, UserId(user.id), Purpose::VerifyEmail, ttl).await?;
    let template = EmailTemplate::VerifyEmail {
        link: link(state, "/verify-email", Some(&token)),
        expires_at,
    };
    send_email(state, txn, user, template).await?;
    Ok(())
}

/// Confirms an email address with the link's token; returns the address.
pub async fn verify_email(state: &AppState, token: &str) -> Result<String, ApiError> {
    let txn = db::begin_write(&state.db).await?;
    let (_, user) = consume_token(&txn, token, &[Purpose::VerifyEmail]).await?;
    let email = user.email.clone();
    if user.email_verified_at.is_none() {
        let mut user = user.into_active_model();
        user.email_verified_at = Set(Some(db::now()));
        user.updated_at = Set(db::now());
        user.update(&txn).await?;
    }
    txn.commit().await?;
    Ok(email)
}

/// Sends a new verification link if the address has an unconfirmed sign-up. Always answers
/// the same, whatever the address.
pub async fn resend_verification(state: &AppState, raw_email: &str) -> Result<(), ApiError> {
    let email = validate::email(raw_email).map_err(|e| e.on("email"))?;
    let txn = db::begin_write(&state.db).await?;
    if let Some(user) = find_by_email(&txn, &email).await? {
        let waiting = user.email_verified_at.is_none()
            && user.password_hash.is_some()
            && user.deactivated_at.is_none();
        if waiting && !issued_recently(&txn, UserId(user.id), Purpose::VerifyEmail).await? {
            invalidate_tokens(&txn, UserId(user.id), &[Purpose::VerifyEmail]).await?;
            send_verification(state, &txn, &user).await?;
        }
    }
    txn.commit().await?;
    Ok(())
}

pub struct LogIn {
    pub email: String,
    pub password: String,
    pub client_address: String,
    pub user_agent: Option<String>,
}

pub struct LoggedIn {
    pub token: String,
    pub expires_at: chrono::DateTime<chrono::Utc>,
    pub user: users::Model,
}

/// Checks the password and opens a session. Throttled per account and per client address.
pub async fn log_in(state: &AppState, input: LogIn) -> Result<LoggedIn, ApiError> {
    let email = validate::email(&input.email).map_err(|e| e.on("email"))?;
    if input.password.is_empty() {
        return Err(ApiError::field("password", ErrorCode::Required));
    }
    let settings = &state.settings.auth;
    throttle::check(&state.db, settings, &email, &input.client_address).await?;

    let user = find_by_email(&state.db, &email).await?;
    let matched = match user.as_ref().and_then(|user| user.password_hash.as_deref()) {
        Some(hash) => state.passwords.verify(&input.password, hash).await?,
        None => {
            state.passwords.verify_nothing(&input.password).await?;
            false
        }
    };
    let user = match (matched, user) {
        (true, Some(user)) => user,
        _ => {
            throttle::record(&state.db, &email, &input.client_address, false).await?;
            return Err(AccountError::InvalidCredentials.into());
        }
    };
    if user.deactivated_at.is_some() {
        return Err(AccountError::AccountDeactivated.into());
    }
    if user.email_verified_at.is_none() {
        return Err(AccountError::EmailNotVerified.into());
    }
    throttle::record(&state.db, &email, &input.client_address, true).await?;
    let session = sessions::create(
        &state.db,
        settings,
        UserId(user.id),
        Some(input.client_address),
        input.user_agent,
    )
    .await?;
    Ok(LoggedIn {
        token: session.token,
        expires_at: session.session.expires_at,
        user,
    })
}

pub async fn log_out(state: &AppState, actor: &Actor) -> Result<bool, ApiError> {
    let viewer = actor.viewer()?;
    match viewer.session_id {
        Some(session) => Ok(sessions::revoke(&state.db, viewer.user_id, session).await?),
        None => Ok(false),
    }
}

/// Ends every session of the viewer, this one included.
pub async fn log_out_everywhere(state: &AppState, actor: &Actor) -> Result<u64, ApiError> {
    let viewer = actor.viewer()?;
    Ok(sessions::revoke_all(&state.db, viewer.user_id, None).await?)
}

pub async fn revoke_session(
    state: &AppState,
    actor: &Actor,
    session: SessionId,
) -> Result<(), ApiError> {
    let viewer = actor.viewer()?;
    if sessions::revoke(&state.db, viewer.user_id, session).await? {
        Ok(())
    } else {
        Err(ApiError::not_found())
    }
}

pub async fn my_sessions(
    state: &AppState,
    actor: &Actor,
) -> Result<Vec<crate::entity::sessions::Model>, ApiError> {
    let viewer = actor.viewer()?;
    Ok(sessions::live_sessions(&state.db, viewer.user_id).await?)
}

/// Emails a link to choose a new password, if the address has an active account. Always
/// answers the same.
pub async fn request_password_reset(state: &AppState, raw_email: &str) -> Result<(), ApiError> {
    let email = validate::email(raw_email).map_err(|e| e.on("email"))?;
    let txn = db::begin_write(&state.db).await?;
    if let Some(user) = find_by_email(&txn, &email).await?
        && user.deactivated_at.is_none()
        && !issued_recently(&txn, UserId(user.id), Purpose::PasswordReset).await?
    {
        let ttl = Duration::minutes(state.settings.auth.password_reset_ttl_minutes);
        let (token, expires_at) =
            issue_token(&txn, UserId(user.id), Purpose::PasswordReset, ttl).await?;
        let template = EmailTemplate::PasswordReset {
            link: link(state, "/set-password", Some(&token)),
            expires_at,
        };
        send_email(state, &txn, &user, template).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Sets a password with an invitation or reset link; returns the account's email address.
/// Confirms the address (the link reached it) and ends every existing session.
pub async fn set_password(
    state: &AppState,
    token: &str,
    new_password: &str,
) -> Result<String, ApiError> {
    let purposes = [Purpose::Invitation, Purpose::PasswordReset];
    let (_, user) = find_token(&state.db, token, &purposes).await?;
    password::check(
        new_password,
        &user.email,
        state.settings.auth.min_password_length,
    )?;
    let hash = state.passwords.hash(new_password).await?;

    let txn = db::begin_write(&state.db).await?;
    let (used, user) = consume_token(&txn, token, &purposes).await?;
    let email = user.email.clone();
    let was_reset = used.purpose == Purpose::PasswordReset.as_db();
    let now = db::now();
    let mut changed = user.clone().into_active_model();
    changed.password_hash = Set(Some(hash));
    if user.email_verified_at.is_none() {
        changed.email_verified_at = Set(Some(now));
    }
    changed.updated_at = Set(now);
    let user = changed.update(&txn).await?;
    invalidate_tokens(&txn, UserId(user.id), &purposes).await?;
    sessions::revoke_all(&txn, UserId(user.id), None).await?;
    if was_reset {
        let template = EmailTemplate::PasswordChanged {
            reset_link: link(state, "/forgot-password", None),
        };
        send_email(state, &txn, &user, template).await?;
    }
    txn.commit().await?;
    Ok(email)
}

/// Changes the viewer's password; their other sessions end.
pub async fn change_password(
    state: &AppState,
    actor: &Actor,
    current_password: &str,
    new_password: &str,
) -> Result<(), ApiError> {
    let viewer = actor.viewer()?;
    let user = load_user(&state.db, viewer.user_id).await?;
    let matches = match &user.password_hash {
        Some(hash) => state.passwords.verify(current_password, hash).await?,
        None => false,
    };
    let mut v = Validator::new();
    if !matches {
        v.push(FieldError::new(
            "currentPassword",
            ErrorCode::CurrentPasswordWrong,
        ));
    }
    v.check(
        "newPassword",
        password::check(
            new_password,
            &user.email,
            state.settings.auth.min_password_length,
        ),
    );
    v.finish()?;

    let hash = state.passwords.hash(new_password).await?;
    let txn = db::begin_write(&state.db).await?;
    let mut changed = user.into_active_model();
    changed.password_hash = Set(Some(hash));
    changed.updated_at = Set(db::now());
    let user = changed.update(&txn).await?;
    sessions::revoke_all(&txn, viewer.user_id, viewer.session_id).await?;
    let template = EmailTemplate::PasswordChanged {
        reset_link: link(state, "/forgot-password", None),
    };
    send_email(state, &txn, &user, template).await?;
    txn.commit().await?;
    Ok(())
}

#[derive(Default)]
pub struct ProfileChanges {
    pub display_name: Option<String>,
    pub locale: Option<Locale>,
}

pub async fn update_my_profile(
    state: &AppState,
    actor: &Actor,
    changes: ProfileChanges,
) -> Result<users::Model, ApiError> {
    let viewer = actor.viewer()?;
    let mut v = Validator::new();
    let display_name = changes.display_name.map(|name| {
        v.check(
            "displayName",
            validate::required_text(&name, MAX_DISPLAY_NAME),
        )
    });
    v.finish()?;
    let user = load_user(&state.db, viewer.user_id).await?;
    let mut changed = user.into_active_model();
    if let Some(name) = display_name {
        changed.display_name = Set(name);
    }
    if let Some(locale) = changes.locale {
        changed.locale = Set(locale.as_str().to_owned());
    }
    changed.updated_at = Set(db::now());
    Ok(changed.update(&state.db).await?)
}

/// The organisation a new member joins.
pub enum OrganisationChoice {
    Existing(OrganisationId),
    New {
        name: String,
        kind: OrganisationKind,
        country_code: String,
    },
}

pub struct Invite {
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub locale: Locale,
    pub desk_ids: Vec<DeskId>,
    pub organisation: Option<OrganisationChoice>,
}

/// An admin creates an account and emails its owner a link to choose a password.
pub async fn invite_user(
    state: &AppState,
    actor: &Actor,
    input: Invite,
) -> Result<users::Model, ApiError> {
    create_user(state, actor, input, None).await
}

/// Creates an account with a password, already confirmed, and sends no email (seeding).
pub async fn create_confirmed_user(
    state: &AppState,
    actor: &Actor,
    input: Invite,
    password_text: &str,
) -> Result<users::Model, ApiError> {
    actor.authorize(Permission::ManageUsers)?;
    let email = validate::email(&input.email).unwrap_or_default();
    password::check(
        password_text,
        &email,
        state.settings.auth.min_password_length,
    )?;
    let hash = state.passwords.hash(password_text).await?;
    create_user(state, actor, input, Some(hash)).await
}

/// With a password hash the account is ready to use; without, its owner is invited by email.
async fn create_user(
    state: &AppState,
    actor: &Actor,
    input: Invite,
    password_hash: Option<String>,
) -> Result<users::Model, ApiError> {
    actor.authorize(Permission::ManageUsers)?;
    let mut v = Validator::new();
    let email = v.check("email", validate::email(&input.email));
    let display_name = v.check(
        "displayName",
        validate::required_text(&input.display_name, MAX_DISPLAY_NAME),
    );
    check_desks_for_role(&mut v, input.role, Some(&input.desk_ids));
    let new_organisation = match (&input.organisation, input.role.belongs_to_organisation()) {
        (None, true) => {
            v.push(FieldError::new(
                "organisation",
                ErrorCode::OrganisationRequired,
            ));
            None
        }
        (Some(_), false) => {
            v.push(FieldError::new(
                "organisation",
                ErrorCode::OrganisationNotAllowed,
            ));
            None
        }
        (
            Some(OrganisationChoice::New {
                name,
                kind,
                country_code,
            }),
            true,
        ) => {
            let name = v.check(
                "organisation.name",
                validate::required_text(name, MAX_ORGANISATION_NAME),
            );
            let country_code = v.check(
                "organisation.countryCode",
                validate::country_code(country_code),
            );
            if !kind.admits(input.role) {
                v.push(FieldError::new(
                    "organisation.kind",
                    ErrorCode::OrganisationKindNotAllowed,
                ));
            }
            Some((name, *kind, country_code))
        }
        (Some(OrganisationChoice::Existing(_)), true) | (None, false) => None,
    };
    v.finish()?;

    let txn = db::begin_write(&state.db).await?;
    let mut v = Validator::new();
    if find_by_email(&txn, &email).await?.is_some() {
        v.push(FieldError::new("email", ErrorCode::EmailTaken));
    }
    check_desks_exist(&txn, &mut v, &input.desk_ids).await?;
    let now = db::now();
    let organisation_id = match (input.organisation, new_organisation) {
        (Some(OrganisationChoice::Existing(id)), _) => {
            match organisations::Entity::find_by_id(id.0).one(&txn).await? {
                Some(organisation) => {
                    if !OrganisationKind::from_db(&organisation.kind)?.admits(input.role) {
                        v.push(FieldError::new(
                            "organisation",
                            ErrorCode::OrganisationKindNotAllowed,
                        ));
                    }
                    Some(organisation.id)
                }
                None => {
                    v.push(FieldError::new(
                        "organisation",
                        ErrorCode::UnknownOrganisation,
                    ));
                    None
                }
            }
        }
        (_, Some((name, kind, country_code))) if !v.has_errors() => {
            let organisation = organisations::ActiveModel {
                kind: Set(kind.as_db().to_owned()),
                name: Set(name),
                country_code: Set(country_code),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            Some(organisation.id)
        }
        _ => None,
    };
    v.finish()?;

    let ready = password_hash.is_some();
    let user = users::ActiveModel {
        email: Set(email),
        display_name: Set(display_name),
        password_hash: Set(password_hash),
        role: Set(input.role.as_db().to_owned()),
        organisation_id: Set(organisation_id),
        locale: Set(input.locale.as_str().to_owned()),
        email_verified_at: Set(ready.then_some(now)),
        deactivated_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    replace_desks(&txn, UserId(user.id), &input.desk_ids).await?;
    if !ready {
        send_invitation(state, &txn, &user, input.role).await?;
    }
    let action = if ready { "user.create" } else { "user.invite" };
    audit::record(
        &txn,
        actor,
        action,
        "user",
        user.id,
        None,
        Some(&audit_view(&user, &input.desk_ids)),
    )
    .await?;
    txn.commit().await?;
    Ok(user)
}

async fn send_invitation(
    state: &AppState,
    txn: &DatabaseTransaction,
    user: &users::Model,
    role: Role,
) -> Result<(), ApiError> {
    let ttl = Duration::hours(state.settings.auth.invitation_ttl_hours);
    let (token, expires_at) = issue_token(txn, UserId(user.id), Purpose::Invitation, ttl).await?;
    let template = EmailTemplate::Invitation {
        link: link(state, "/set-password", Some(&token)),
        expires_at,
        role,
    };
    send_email(state, txn, user, template).await?;
    Ok(())
}

#[derive(Default)]
pub struct UserChanges {
    pub display_name: Option<String>,
    pub role: Option<Role>,
    pub desk_ids: Option<Vec<DeskId>>,
}

/// An admin changes a user's name, role (between advisor, staff and admin) or desks.
pub async fn update_user(
    state: &AppState,
    actor: &Actor,
    id: UserId,
    changes: UserChanges,
) -> Result<users::Model, ApiError> {
    actor.authorize(Permission::ManageUsers)?;
    let txn = db::begin_write(&state.db).await?;
    let user = load_user(&txn, id).await?;
    let current_role = Role::from_db(&user.role)?;
    let new_role = changes.role.unwrap_or(current_role);
    if new_role != current_role {
        if actor.user_id() == Some(id) {
            return Err(AccountError::CannotChangeOwnRole.into());
        }
        if new_role.belongs_to_organisation() || current_role.belongs_to_organisation() {
            return Err(AccountError::RoleChangeNotAllowed.into());
        }
    }
    let current_desks = desk_ids_of(&txn, id).await?;
    let desks_after = changes
        .desk_ids
        .clone()
        .unwrap_or_else(|| current_desks.clone());

    let mut v = Validator::new();
    let display_name = changes.display_name.map(|name| {
        v.check(
            "displayName",
            validate::required_text(&name, MAX_DISPLAY_NAME),
        )
    });
    check_desks_for_role(&mut v, new_role, Some(&desks_after));
    if let Some(desk_ids) = &changes.desk_ids {
        check_desks_exist(&txn, &mut v, desk_ids).await?;
    }
    v.finish()?;

    let before = serde_json::to_value(audit_view(&user, &current_desks))?;
    let mut changed = user.into_active_model();
    if let Some(name) = display_name {
        changed.display_name = Set(name);
    }
    changed.role = Set(new_role.as_db().to_owned());
    changed.updated_at = Set(db::now());
    let user = changed.update(&txn).await?;
    if changes.desk_ids.is_some() {
        replace_desks(&txn, id, &desks_after).await?;
    }
    let after = serde_json::to_value(audit_view(&user, &desks_after))?;
    audit::record(
        &txn,
        actor,
        "user.update",
        "user",
        id.0,
        Some(&before),
        Some(&after),
    )
    .await?;
    txn.commit().await?;
    Ok(user)
}

/// Deactivates (ending every session) or reactivates an account.
pub async fn set_user_active(
    state: &AppState,
    actor: &Actor,
    id: UserId,
    active: bool,
) -> Result<users::Model, ApiError> {
    actor.authorize(Permission::ManageUsers)?;
    if !active && actor.user_id() == Some(id) {
        return Err(AccountError::CannotDeactivateSelf.into());
    }
    let txn = db::begin_write(&state.db).await?;
    let user = load_user(&txn, id).await?;
    let was_active = user.deactivated_at.is_none();
    if was_active == active {
        txn.commit().await?;
        return Ok(user);
    }
    let mut changed = user.into_active_model();
    changed.deactivated_at = Set(if active { None } else { Some(db::now()) });
    changed.updated_at = Set(db::now());
    let user = changed.update(&txn).await?;
    if !active {
        sessions::revoke_all(&txn, id, None).await?;
    }
    let action = if active {
        "user.reactivate"
    } else {
        "user.deactivate"
    };
    audit::record::<()>(&txn, actor, action, "user", id.0, None, None).await?;
    txn.commit().await?;
    Ok(user)
}

/// Sends a fresh invitation link to someone who has not yet chosen a password.
pub async fn resend_invitation(
    state: &AppState,
    actor: &Actor,
    id: UserId,
) -> Result<(), ApiError> {
    actor.authorize(Permission::ManageUsers)?;
    let txn = db::begin_write(&state.db).await?;
    let user = load_user(&txn, id).await?;
    if user.password_hash.is_some() || user.deactivated_at.is_some() {
        return Err(AccountError::InvitationNotPending.into());
    }
    invalidate_tokens(&txn, id, &[Purpose::Invitation]).await?;
    send_invitation(state, &txn, &user, Role::from_db(&user.role)?).await?;
    audit::record::<()>(
        &txn,
        actor,
        "user.resend_invitation",
        "user",
        id.0,
        None,
        None,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

#[derive(Default)]
pub struct UserFilter {
    pub role: Option<Role>,
    pub desk_id: Option<DeskId>,
    pub query: Option<String>,
    pub include_deactivated: bool,
}

pub async fn list_users(
    state: &AppState,
    actor: &Actor,
    filter: UserFilter,
    page: PageArgs,
) -> Result<Page<users::Model>, ApiError> {
    actor.authorize(Permission::ManageUsers)?;
    let mut select = users::Entity::find();
    if let Some(role) = filter.role {
        select = select.filter(users::Column::Role.eq(role.as_db()));
    }
    if let Some(desk) = filter.desk_id {
        select = select.filter(
            users::Column::Id.in_subquery(
                Query::select()
                    .column(desk_memberships::Column::UserId)
                    .from(desk_memberships::Entity)
                    .and_where(desk_memberships::Column::DeskId.eq(desk.0))
                    .to_owned(),
            ),
        );
    }
    if let Some(query) = filter
        .query
        .as_deref()
        .map(str::trim)
        .filter(|q| !q.is_empty())
    {
        let pattern = like_pattern(&validate::nfkc(query).to_lowercase());
        select = select.filter(
            Condition::any()
                .add(Expr::col(users::Column::Email).like(pattern.clone()))
                .add(Expr::expr(Func::lower(Expr::col(users::Column::DisplayName))).like(pattern)),
        );
    }
    if !filter.include_deactivated {
        select = select.filter(users::Column::DeactivatedAt.is_null());
    }
    Ok(pagination::fetch(&state.db, select, users::Column::Id, |user| user.id, page).await?)
}

pub async fn get_user(
    state: &AppState,
    actor: &Actor,
    id: UserId,
) -> Result<users::Model, ApiError> {
    actor.authorize(Permission::ManageUsers)?;
    load_user(&state.db, id).await
}

/// The viewer's own account.
pub async fn me(state: &AppState, viewer: &Viewer) -> Result<users::Model, ApiError> {
    load_user(&state.db, viewer.user_id).await
}

#[derive(Default)]
pub struct OrganisationFilter {
    pub kind: Option<OrganisationKind>,
    pub query: Option<String>,
}

pub async fn list_organisations(
    state: &AppState,
    actor: &Actor,
    filter: OrganisationFilter,
    page: PageArgs,
) -> Result<Page<organisations::Model>, ApiError> {
    actor.authorize(Permission::ViewOrganisations)?;
    let mut select = organisations::Entity::find();
    if let Some(kind) = filter.kind {
        select = select.filter(organisations::Column::Kind.eq(kind.as_db()));
    }
    if let Some(query) = filter
        .query
        .as_deref()
        .map(str::trim)
        .filter(|q| !q.is_empty())
    {
        let pattern = like_pattern(&validate::nfkc(query).to_lowercase());
        select = select
            .filter(Expr::expr(Func::lower(Expr::col(organisations::Column::Name))).like(pattern));
    }
    Ok(pagination::fetch(&state.db, select, organisations::Column::Id, |o| o.id, page).await?)
}

// ----- helpers -----

pub async fn find_by_email(
    conn: &impl ConnectionTrait,
    email: &str,
) -> Result<Option<users::Model>, ApiError> {
    Ok(users::Entity::find()
        .filter(users::Column::Email.eq(email))
        .one(conn)
        .await?)
}

async fn load_user(conn: &impl ConnectionTrait, id: UserId) -> Result<users::Model, ApiError> {
    users::Entity::find_by_id(id.0)
        .one(conn)
        .await?
        .ok_or_else(ApiError::not_found)
}

/// Queues `template` for `user`, in their language, in the caller's transaction.
async fn send_email(
    state: &AppState,
    txn: &DatabaseTransaction,
    user: &users::Model,
    template: EmailTemplate,
) -> Result<(), ApiError> {
    notify::queue_email(
        txn,
        &state.settings,
        &state.i18n,
        &recipient_of(user),
        template,
    )
    .await?;
    Ok(())
}

fn recipient_of(user: &users::Model) -> Recipient {
    Recipient {
        email: user.email.clone(),
        name: user.display_name.clone(),
        locale: Locale::parse(&user.locale).unwrap_or(Locale::DEFAULT),
    }
}

fn link(state: &AppState, path: &str, token: Option<&str>) -> String {
    match token {
        Some(token) => format!("{}{path}?token={token}", state.settings.public_url()),
        None => format!("{}{path}", state.settings.public_url()),
    }
}

async fn issue_token(
    conn: &impl ConnectionTrait,
    user: UserId,
    purpose: Purpose,
    ttl: Duration,
) -> Result<(String, chrono::DateTime<chrono::Utc>), ApiError> {
    let token = tokens::generate()?;
    let now = db::now();
    let expires_at = now + ttl;
    user_tokens::ActiveModel {
        user_id: Set(user.0),
        purpose: Set(purpose.as_db().to_owned()),
        token_hash: Set(tokens::digest(&token)),
        created_at: Set(now),
        expires_at: Set(expires_at),
        used_at: Set(None),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok((token, expires_at))
}

async fn issued_recently(
    conn: &impl ConnectionTrait,
    user: UserId,
    purpose: Purpose,
) -> Result<bool, ApiError> {
    let since = db::now() - Duration::seconds(RESEND_INTERVAL_SECS);
    Ok(user_tokens::Entity::find()
        .filter(user_tokens::Column::UserId.eq(user.0))
        .filter(user_tokens::Column::Purpose.eq(purpose.as_db()))
        .filter(user_tokens::Column::CreatedAt.gt(since))
        .one(conn)
        .await?
        .is_some())
}

/// Marks every unused link of these purposes as used, so only a newer one works.
async fn invalidate_tokens(
    conn: &impl ConnectionTrait,
    user: UserId,
    purposes: &[Purpose],
) -> Result<(), ApiError> {
    user_tokens::Entity::update_many()
        .col_expr(user_tokens::Column::UsedAt, Expr::value(db::now()))
        .filter(user_tokens::Column::UserId.eq(user.0))
        .filter(user_tokens::Column::Purpose.is_in(purposes.iter().map(|p| p.as_db())))
        .filter(user_tokens::Column::UsedAt.is_null())
        .exec(conn)
        .await?;
    Ok(())
}

/// The unused, unexpired link and its active user.
async fn find_token(
    conn: &impl ConnectionTrait,
    token: &str,
    purposes: &[Purpose],
) -> Result<(user_tokens::Model, users::Model), ApiError> {
    let row = user_tokens::Entity::find()
        .filter(user_tokens::Column::TokenHash.eq(tokens::digest(token.trim())))
        .filter(user_tokens::Column::Purpose.is_in(purposes.iter().map(|p| p.as_db())))
        .one(conn)
        .await?
        .ok_or(AccountError::TokenInvalid)?;
    if row.used_at.is_some() {
        return Err(AccountError::TokenInvalid.into());
    }
    if row.expires_at <= db::now() {
        return Err(AccountError::TokenExpired.into());
    }
    let user = users::Entity::find_by_id(row.user_id)
        .one(conn)
        .await?
        .filter(|user| user.deactivated_at.is_none())
        .ok_or(AccountError::TokenInvalid)?;
    Ok((row, user))
}

/// Uses a link once: of two concurrent uses, exactly one succeeds.
async fn consume_token(
    txn: &DatabaseTransaction,
    token: &str,
    purposes: &[Purpose],
) -> Result<(user_tokens::Model, users::Model), ApiError> {
    let (row, user) = find_token(txn, token, purposes).await?;
    let updated = user_tokens::Entity::update_many()
        .col_expr(user_tokens::Column::UsedAt, Expr::value(db::now()))
        .filter(user_tokens::Column::Id.eq(row.id))
        .filter(user_tokens::Column::UsedAt.is_null())
        .exec(txn)
        .await?;
    if updated.rows_affected != 1 {
        return Err(AccountError::TokenInvalid.into());
    }
    Ok((row, user))
}

fn check_desks_for_role(v: &mut Validator, role: Role, desk_ids: Option<&Vec<DeskId>>) {
    let count = desk_ids.map_or(0, Vec::len);
    if role.works_at_desks() && count == 0 {
        v.push(FieldError::new("deskIds", ErrorCode::DeskRequired));
    }
    if role.belongs_to_organisation() && count > 0 {
        v.push(FieldError::new("deskIds", ErrorCode::DesksNotAllowed));
    }
}

async fn check_desks_exist(
    conn: &impl ConnectionTrait,
    v: &mut Validator,
    desk_ids: &[DeskId],
) -> Result<(), ApiError> {
    if desk_ids.is_empty() {
        return Ok(());
    }
    let found = desks::Entity::find()
        .filter(desks::Column::Id.is_in(desk_ids.iter().map(|d| d.0)))
        .all(conn)
        .await?;
    if desk_ids
        .iter()
        .any(|id| !found.iter().any(|desk| desk.id == id.0))
    {
        v.push(FieldError::new("deskIds", ErrorCode::UnknownDesk));
    }
    Ok(())
}

async fn desk_ids_of(conn: &impl ConnectionTrait, user: UserId) -> Result<Vec<DeskId>, ApiError> {
    Ok(desk_memberships::Entity::find()
        .filter(desk_memberships::Column::UserId.eq(user.0))
        .order_by_asc(desk_memberships::Column::DeskId)
        .all(conn)
        .await?
        .into_iter()
        .map(|m| DeskId(m.desk_id))
        .collect())
}

async fn replace_desks(
    conn: &impl ConnectionTrait,
    user: UserId,
    desk_ids: &[DeskId],
) -> Result<(), ApiError> {
    desk_memberships::Entity::delete_many()
        .filter(desk_memberships::Column::UserId.eq(user.0))
        .exec(conn)
        .await?;
    let mut unique: Vec<i64> = desk_ids.iter().map(|d| d.0).collect();
    unique.sort_unstable();
    unique.dedup();
    let now = db::now();
    for desk_id in unique {
        desk_memberships::ActiveModel {
            desk_id: Set(desk_id),
            user_id: Set(user.0),
            created_at: Set(now),
        }
        .insert(conn)
        .await?;
    }
    Ok(())
}

#[derive(serde::Serialize)]
struct AuditedUser<'a> {
    email: &'a str,
    display_name: &'a str,
    role: &'a str,
    organisation_id: Option<i64>,
    desk_ids: Vec<i64>,
}

fn audit_view<'a>(user: &'a users::Model, desk_ids: &[DeskId]) -> AuditedUser<'a> {
    AuditedUser {
        email: &user.email,
        display_name: &user.display_name,
        role: &user.role,
        organisation_id: user.organisation_id,
        desk_ids: desk_ids.iter().map(|d| d.0).collect(),
    }
}

/// `%text%` with LIKE's wildcards in the text escaped (the same on SQLite and PostgreSQL).
pub(crate) fn like_pattern(text: &str) -> LikeExpr {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    LikeExpr::new(format!("%{escaped}%")).escape('\\')
}
