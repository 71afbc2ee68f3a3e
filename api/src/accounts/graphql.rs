//! Accounts in the API: the viewer, sign-up, log-in and sessions, passwords, and the
//! admin's user management.

use async_graphql::{
    Context, ID, InputObject, Object, OneofObject, Result, SimpleObject, connection::Connection,
};
use chrono::{DateTime, Utc};

use super::{
    OrganisationKind,
    service::{
        self, Invite, LogIn, OrganisationChoice, OrganisationFilter as OrganisationQuery,
        ProfileChanges, SignUp, UserChanges, UserFilter as UserQuery,
    },
};
use crate::{
    auth::Role,
    desks::graphql::Desk,
    entity::{organisations, sessions, users},
    error::ApiError,
    graphql::{
        ContextExt, TotalCount, connection,
        http::{cleared_session_cookie, session_cookie},
        loaders::{DesksByUserIdLoader, OrganisationByIdLoader},
    },
    i18n::Locale,
    ids::{self, DeskId, OrganisationId, SessionId, UserId},
    labels::Labelled,
    pagination::PageArgs,
};

pub struct User(pub users::Model);

/// A person with an account.
#[Object]
impl User {
    async fn id(&self) -> ID {
        UserId(self.0.id).to_public()
    }

    async fn email(&self) -> &str {
        &self.0.email
    }

    async fn display_name(&self) -> &str {
        &self.0.display_name
    }

    async fn role(&self) -> Result<Role> {
        Ok(Role::from_db(&self.0.role).map_err(ApiError::internal)?)
    }

    /// The role in the reader's language.
    async fn role_label(&self, ctx: &Context<'_>) -> Result<String> {
        let role = Role::from_db(&self.0.role).map_err(ApiError::internal)?;
        Ok(role.label(&ctx.app()?.i18n, ctx.locale()))
    }

    /// The language of the user's emails and screens.
    async fn locale(&self) -> Locale {
        Locale::parse(&self.0.locale).unwrap_or(Locale::DEFAULT)
    }

    async fn email_verified(&self) -> bool {
        self.0.email_verified_at.is_some()
    }

    async fn active(&self) -> bool {
        self.0.deactivated_at.is_none()
    }

    /// Invited but has not yet chosen a password.
    async fn invitation_pending(&self) -> bool {
        self.0.password_hash.is_none() && self.0.deactivated_at.is_none()
    }

    /// The organisation of a requester, supporter member or VC member.
    async fn organisation(&self, ctx: &Context<'_>) -> Result<Option<Organisation>> {
        let Some(id) = self.0.organisation_id else {
            return Ok(None);
        };
        let loader = ctx.loader::<OrganisationByIdLoader>()?;
        Ok(loader
            .load_one(OrganisationId(id))
            .await
            .map_err(ApiError::internal)?
            .map(Organisation))
    }

    /// The desks an advisor or staff member works at.
    async fn desks(&self, ctx: &Context<'_>) -> Result<Vec<Desk>> {
        let loader = ctx.loader::<DesksByUserIdLoader>()?;
        let desks = loader
            .load_one(UserId(self.0.id))
            .await
            .map_err(ApiError::internal)?
            .unwrap_or_default();
        Ok(desks.into_iter().map(Desk).collect())
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

pub struct Organisation(pub organisations::Model);

/// A startup, company, laboratory, supporter organisation or VC.
#[Object]
impl Organisation {
    async fn id(&self) -> ID {
        OrganisationId(self.0.id).to_public()
    }

    async fn name(&self) -> &str {
        &self.0.name
    }

    async fn kind(&self) -> Result<OrganisationKind> {
        Ok(OrganisationKind::from_db(&self.0.kind).map_err(ApiError::internal)?)
    }

    /// The kind in the reader's language.
    async fn kind_label(&self, ctx: &Context<'_>) -> Result<String> {
        let kind = OrganisationKind::from_db(&self.0.kind).map_err(ApiError::internal)?;
        Ok(kind.label(&ctx.app()?.i18n, ctx.locale()))
    }

    /// ISO 3166-1 alpha-2, e.g. JP.
    async fn country_code(&self) -> &str {
        &self.0.country_code
    }

    /// The 13-digit corporate number (法人番号) of a Japanese company, if given.
    async fn corporate_number(&self) -> Option<&str> {
        self.0.corporate_number.as_deref()
    }
}

pub struct Session {
    row: sessions::Model,
    current: bool,
}

/// A signed-in browser or client.
#[Object]
impl Session {
    async fn id(&self) -> ID {
        SessionId(self.row.id).to_public()
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.row.created_at
    }

    async fn last_seen_at(&self) -> DateTime<Utc> {
        self.row.last_seen_at
    }

    async fn expires_at(&self) -> DateTime<Utc> {
        self.row.expires_at
    }

    /// The session this request is made with.
    async fn current(&self) -> bool {
        self.current
    }

    async fn user_agent(&self) -> Option<&str> {
        self.row.user_agent.as_deref()
    }

    async fn client_address(&self) -> Option<&str> {
        self.row.client_address.as_deref()
    }
}

#[derive(InputObject)]
pub struct UserFilter {
    pub role: Option<Role>,
    pub desk_id: Option<ID>,
    /// Part of a name or email address.
    pub query: Option<String>,
    pub include_deactivated: Option<bool>,
}

#[derive(InputObject)]
pub struct OrganisationFilter {
    pub kind: Option<OrganisationKind>,
    /// Part of the name.
    pub query: Option<String>,
}

#[derive(Default)]
pub struct AccountsQuery;

#[Object]
impl AccountsQuery {
    /// The signed-in user, or null.
    async fn me(&self, ctx: &Context<'_>) -> Result<Option<User>> {
        match ctx.actor()?.viewer() {
            Ok(viewer) => Ok(Some(User(service::me(ctx.app()?, viewer).await?))),
            Err(_) => Ok(None),
        }
    }

    /// The viewer's live sessions, newest first.
    async fn my_sessions(&self, ctx: &Context<'_>) -> Result<Vec<Session>> {
        let actor = ctx.actor()?;
        let current = actor.viewer()?.session_id.map(|id| id.0);
        let rows = service::my_sessions(ctx.app()?, actor).await?;
        Ok(rows
            .into_iter()
            .map(|row| Session {
                current: Some(row.id) == current,
                row,
            })
            .collect())
    }

    /// User accounts, by creation. Admins only.
    #[graphql(complexity = "first.unwrap_or(20).max(1) as usize * child_complexity")]
    async fn users(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        filter: Option<UserFilter>,
    ) -> Result<Connection<String, User, TotalCount>> {
        let app = ctx.app()?;
        let page = PageArgs::parse(first, after.as_deref(), &app.settings.graphql)?;
        let filter = match filter {
            Some(filter) => UserQuery {
                role: filter.role,
                desk_id: filter
                    .desk_id
                    .as_ref()
                    .map(DeskId::from_public)
                    .transpose()?,
                query: filter.query,
                include_deactivated: filter.include_deactivated.unwrap_or(false),
            },
            None => UserQuery::default(),
        };
        let users = service::list_users(app, ctx.actor()?, filter, page).await?;
        Ok(connection(users, User))
    }

    /// One user account. Admins only.
    async fn user(&self, ctx: &Context<'_>, id: ID) -> Result<User> {
        let id = UserId::from_public(&id)?;
        Ok(User(service::get_user(ctx.app()?, ctx.actor()?, id).await?))
    }

    /// Organisations known to Bansō. Admins and staff.
    #[graphql(complexity = "first.unwrap_or(20).max(1) as usize * child_complexity")]
    async fn organisations(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        filter: Option<OrganisationFilter>,
    ) -> Result<Connection<String, Organisation, TotalCount>> {
        let app = ctx.app()?;
        let page = PageArgs::parse(first, after.as_deref(), &app.settings.graphql)?;
        let filter = filter
            .map(|f| OrganisationQuery {
                kind: f.kind,
                query: f.query,
            })
            .unwrap_or_default();
        let organisations = service::list_organisations(app, ctx.actor()?, filter, page).await?;
        Ok(connection(organisations, Organisation))
    }
}

#[derive(InputObject)]
pub struct SignUpInput {
    pub email: String,
    pub password: String,
    pub display_name: String,
    pub organisation_name: String,
    pub organisation_kind: OrganisationKind,
    /// ISO 3166-1 alpha-2, e.g. JP.
    pub country_code: String,
    /// The language of emails and screens.
    pub locale: Locale,
}

#[derive(SimpleObject)]
pub struct SignUpPayload {
    /// Where the verification email went.
    pub email: String,
}

#[derive(SimpleObject)]
pub struct VerifyEmailPayload {
    pub email: String,
}

#[derive(InputObject)]
pub struct LoginInput {
    pub email: String,
    pub password: String,
}

#[derive(SimpleObject)]
pub struct LoginPayload {
    /// For clients that send `Authorization: Bearer`; browsers use the session cookie.
    pub token: String,
    pub expires_at: DateTime<Utc>,
    pub user: User,
}

#[derive(InputObject)]
pub struct SetPasswordInput {
    /// From the invitation or password-reset link.
    pub token: String,
    pub password: String,
}

#[derive(SimpleObject)]
pub struct SetPasswordPayload {
    pub email: String,
}

#[derive(InputObject)]
pub struct ChangePasswordInput {
    pub current_password: String,
    pub new_password: String,
}

#[derive(InputObject)]
pub struct UpdateMyProfileInput {
    pub display_name: Option<String>,
    pub locale: Option<Locale>,
}

#[derive(InputObject)]
pub struct NewOrganisationInput {
    pub name: String,
    pub kind: OrganisationKind,
    pub country_code: String,
}

/// An existing organisation, or a new one.
#[derive(OneofObject)]
pub enum OrganisationRef {
    Id(ID),
    New(NewOrganisationInput),
}

#[derive(InputObject)]
pub struct InviteUserInput {
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub locale: Locale,
    /// Required for advisors and staff; not allowed for organisation members.
    #[graphql(default)]
    pub desk_ids: Vec<ID>,
    /// Required for requesters, supporter members and VC members.
    pub organisation: Option<OrganisationRef>,
}

#[derive(InputObject)]
pub struct UpdateUserInput {
    pub id: ID,
    pub display_name: Option<String>,
    /// Only between advisor, staff and admin.
    pub role: Option<Role>,
    pub desk_ids: Option<Vec<ID>>,
}

#[derive(Default)]
pub struct AccountsMutation;

#[Object]
impl AccountsMutation {
    /// Creates a requester account and its organisation, and emails a verification link.
    /// Answers the same for an address that already has an account (its owner is emailed).
    async fn sign_up(&self, ctx: &Context<'_>, input: SignUpInput) -> Result<SignUpPayload> {
        let sign_up = SignUp {
            email: input.email,
            password: input.password,
            display_name: input.display_name,
            organisation_name: input.organisation_name,
            organisation_kind: input.organisation_kind,
            country_code: input.country_code,
            locale: input.locale,
        };
        let email = service::sign_up(ctx.app()?, sign_up).await?;
        Ok(SignUpPayload { email })
    }

    /// Sends a new verification link if the address awaits confirmation. Always true.
    async fn resend_verification(&self, ctx: &Context<'_>, email: String) -> Result<bool> {
        service::resend_verification(ctx.app()?, &email).await?;
        Ok(true)
    }

    /// Confirms an email address with the token from the verification link.
    async fn verify_email(&self, ctx: &Context<'_>, token: String) -> Result<VerifyEmailPayload> {
        let email = service::verify_email(ctx.app()?, &token).await?;
        Ok(VerifyEmailPayload { email })
    }

    /// Opens a session. Sets the HttpOnly session cookie and returns the token for other
    /// clients.
    async fn login(&self, ctx: &Context<'_>, input: LoginInput) -> Result<LoginPayload> {
        let request = ctx.request()?;
        let logged_in = service::log_in(
            ctx.app()?,
            LogIn {
                email: input.email,
                password: input.password,
                client_address: request.client_address.clone(),
                user_agent: request.user_agent.clone(),
            },
        )
        .await?;
        // The session slides while in use, up to its absolute lifetime; the cookie lasts that long.
        let max_age = ctx.app()?.settings.auth.session_ttl_hours * 3600;
        ctx.append_http_header(
            "Set-Cookie",
            session_cookie(&logged_in.token, max_age, request.secure_cookies),
        );
        Ok(LoginPayload {
            token: logged_in.token,
            expires_at: logged_in.expires_at,
            user: User(logged_in.user),
        })
    }

    /// Ends this session.
    async fn logout(&self, ctx: &Context<'_>) -> Result<bool> {
        let request = ctx.request()?;
        let ended = service::log_out(ctx.app()?, &request.actor).await?;
        ctx.append_http_header("Set-Cookie", cleared_session_cookie(request.secure_cookies));
        Ok(ended)
    }

    /// Ends every session of the viewer, this one included; returns how many ended.
    async fn logout_everywhere(&self, ctx: &Context<'_>) -> Result<i32> {
        let request = ctx.request()?;
        let ended = service::log_out_everywhere(ctx.app()?, &request.actor).await?;
        ctx.append_http_header("Set-Cookie", cleared_session_cookie(request.secure_cookies));
        Ok(i32::try_from(ended).unwrap_or(i32::MAX))
    }

    /// Ends one of the viewer's sessions.
    async fn revoke_session(&self, ctx: &Context<'_>, id: ID) -> Result<bool> {
        let id = SessionId::from_public(&id)?;
        service::revoke_session(ctx.app()?, ctx.actor()?, id).await?;
        Ok(true)
    }

    /// Emails a link to choose a new password, if the address has an account. Always true.
    async fn request_password_reset(&self, ctx: &Context<'_>, email: String) -> Result<bool> {
        service::request_password_reset(ctx.app()?, &email).await?;
        Ok(true)
    }

    /// Chooses a password with an invitation or reset link. Ends every existing session.
    async fn set_password(
        &self,
        ctx: &Context<'_>,
        input: SetPasswordInput,
    ) -> Result<SetPasswordPayload> {
        let email = service::set_password(ctx.app()?, &input.token, &input.password).await?;
        Ok(SetPasswordPayload { email })
    }

    /// Changes the viewer's password; their other sessions end.
    async fn change_password(&self, ctx: &Context<'_>, input: ChangePasswordInput) -> Result<bool> {
        service::change_password(
            ctx.app()?,
            ctx.actor()?,
            &input.current_password,
            &input.new_password,
        )
        .await?;
        Ok(true)
    }

    /// Changes the viewer's name or language.
    async fn update_my_profile(
        &self,
        ctx: &Context<'_>,
        input: UpdateMyProfileInput,
    ) -> Result<User> {
        let changes = ProfileChanges {
            display_name: input.display_name,
            locale: input.locale,
        };
        Ok(User(
            service::update_my_profile(ctx.app()?, ctx.actor()?, changes).await?,
        ))
    }

    /// Creates an account and emails its owner a link to choose a password. Admins only.
    async fn invite_user(&self, ctx: &Context<'_>, input: InviteUserInput) -> Result<User> {
        let organisation = match input.organisation {
            Some(OrganisationRef::Id(id)) => Some(OrganisationChoice::Existing(
                OrganisationId::from_public(&id)?,
            )),
            Some(OrganisationRef::New(new)) => Some(OrganisationChoice::New {
                name: new.name,
                kind: new.kind,
                country_code: new.country_code,
            }),
            None => None,
        };
        let invite = Invite {
            email: input.email,
            display_name: input.display_name,
            role: input.role,
            locale: input.locale,
            desk_ids: ids::from_public_many(&input.desk_ids, DeskId::from_public)?,
            organisation,
        };
        Ok(User(
            service::invite_user(ctx.app()?, ctx.actor()?, invite).await?,
        ))
    }

    /// Changes a user's name, role or desks. Admins only.
    async fn update_user(&self, ctx: &Context<'_>, input: UpdateUserInput) -> Result<User> {
        let id = UserId::from_public(&input.id)?;
        let changes = UserChanges {
            display_name: input.display_name,
            role: input.role,
            desk_ids: input
                .desk_ids
                .map(|ids| ids::from_public_many(&ids, DeskId::from_public))
                .transpose()?,
        };
        Ok(User(
            service::update_user(ctx.app()?, ctx.actor()?, id, changes).await?,
        ))
    }

    /// Deactivates an account and ends its sessions. Admins only.
    async fn deactivate_user(&self, ctx: &Context<'_>, id: ID) -> Result<User> {
        let id = UserId::from_public(&id)?;
        Ok(User(
            service::set_user_active(ctx.app()?, ctx.actor()?, id, false).await?,
        ))
    }

    /// Reactivates an account. Admins only.
    async fn reactivate_user(&self, ctx: &Context<'_>, id: ID) -> Result<User> {
        let id = UserId::from_public(&id)?;
        Ok(User(
            service::set_user_active(ctx.app()?, ctx.actor()?, id, true).await?,
        ))
    }

    /// Emails a new invitation link to someone who has not yet chosen a password. Admins only.
    async fn resend_invitation(&self, ctx: &Context<'_>, id: ID) -> Result<bool> {
        let id = UserId::from_public(&id)?;
        service::resend_invitation(ctx.app()?, ctx.actor()?, id).await?;
        Ok(true)
    }
}
