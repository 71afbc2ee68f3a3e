//! Seed data from `seed/`: the desks and taxonomy every installation needs, and demo
//! organisations and accounts for development. Loaded through the same service functions
//! the API uses, so it is validated like any other write; running it twice adds nothing,
//! and an admin's later edits are kept.

use anyhow::Context as _;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Deserialize;

use crate::{
    accounts::{
        OrganisationKind,
        service::{self as accounts, Invite, OrganisationChoice},
    },
    auth::{Actor, Role, sessions},
    calendar::{japan_date, japan_midnight},
    consultations::{
        Confidentiality, ConsultationKind, Priority, ReferralStatus, Resolution, SharedField,
        referrals as consultation_referrals,
        service::{self as consultations, Changes, NewConsultation, Occasion, Step},
        workflow::ConsultationAction,
    },
    desks::service::{self as desks, NewDesk},
    entity::{
        consultations as consultation_rows, directory_entries, introductions as introduction_rows,
        organisations, referrals, taxonomy_terms, users,
    },
    error::ApiError,
    i18n::Locale,
    ids::{
        ConsultationId, DeskId, DirectoryEntryId, IntroductionId, OrganisationId, ReferralId,
        TaxonomyTermId, UserId,
    },
    introductions::{
        Adopter, IntroductionChannel, InvestmentRound, OutcomeType,
        service::{self as introductions, Answer, Investment, Outcome},
    },
    state::AppState,
    taxonomy::{
        TaxonomyKind,
        service::{self as taxonomy, NewTerm},
    },
};

const REFERENCE: &str = include_str!("../../seed/reference.toml");
const DEMO: &str = include_str!("../../seed/demo.toml");
const CONSULTATIONS: &str = include_str!("../../seed/consultations.toml");

#[derive(Deserialize)]
struct ReferenceData {
    desks: Vec<NewDesk>,
    terms: Vec<NewTerm>,
    routes: Vec<Route>,
}

#[derive(Deserialize)]
struct Route {
    domain: String,
    desk: String,
}

#[derive(Deserialize)]
struct DemoData {
    password: String,
    accounts: Vec<DemoAccountSeed>,
}

#[derive(Deserialize)]
struct DemoAccountSeed {
    email: String,
    display_name: String,
    role: String,
    locale: Locale,
    #[serde(default)]
    desks: Vec<String>,
    organisation: Option<DemoOrganisation>,
}

#[derive(Deserialize)]
struct DemoOrganisation {
    name: String,
    kind: String,
    country_code: String,
}

/// What `seed` added.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SeedReport {
    pub desks: usize,
    pub terms: usize,
    pub routes: usize,
}

/// A demo account and the password to sign in with.
#[derive(Debug, Clone)]
pub struct DemoAccount {
    pub email: String,
    pub role: Role,
    pub password: String,
}

pub async fn reference_data(state: &AppState) -> anyhow::Result<SeedReport> {
    let data: ReferenceData = toml::from_str(REFERENCE).context("seed/reference.toml")?;
    let mut report = SeedReport::default();
    for desk in data.desks {
        let code = desk.code.clone();
        if desks::ensure(state, &Actor::System, desk)
            .await
            .map_err(|e| seed_error(&code, e))?
        {
            report.desks += 1;
        }
    }
    for term in data.terms {
        let code = format!("{}/{}", term.kind.as_db(), term.code);
        if taxonomy::ensure(state, &Actor::System, term)
            .await
            .map_err(|e| seed_error(&code, e))?
        {
            report.terms += 1;
        }
    }
    for route in data.routes {
        let what = format!("route {} → {}", route.domain, route.desk);
        if taxonomy::ensure_route(state, &Actor::System, &route.domain, &route.desk)
            .await
            .map_err(|e| seed_error(&what, e))?
        {
            report.routes += 1;
        }
    }
    if report != SeedReport::default() {
        tracing::info!(
            desks = report.desks,
            terms = report.terms,
            routes = report.routes,
            "reference data seeded"
        );
    }
    Ok(report)
}

/// Creates the demo accounts and consultations that do not exist yet; returns the accounts.
pub async fn demo(state: &AppState) -> anyhow::Result<Vec<DemoAccount>> {
    let accounts = demo_accounts(state).await?;
    // The directory first: the consultations' introductions name its entries.
    let entries = crate::directory::seed::load(state).await?;
    if entries > 0 {
        tracing::info!(entries, "demo directory loaded");
    }
    let added = demo_consultations(state).await?;
    if added > 0 {
        tracing::info!(consultations = added, "demo consultations loaded");
    }
    // After the consultations: their matched introductions are confirmed investments.
    let applications = crate::grants::seed::load(state).await?;
    if applications > 0 {
        tracing::info!(applications, "demo grants loaded");
    }
    Ok(accounts)
}

/// The password every demo account signs in with (from `seed/demo.toml`).
pub fn demo_password() -> anyhow::Result<String> {
    let data: DemoData = toml::from_str(DEMO).context("seed/demo.toml")?;
    Ok(data.password)
}

async fn demo_accounts(state: &AppState) -> anyhow::Result<Vec<DemoAccount>> {
    let data: DemoData = toml::from_str(DEMO).context("seed/demo.toml")?;
    let mut accounts_out = Vec::new();
    for seed in data.accounts {
        let role = Role::from_db(&seed.role)?;
        accounts_out.push(DemoAccount {
            email: seed.email.clone(),
            role,
            password: data.password.clone(),
        });
        if accounts::find_by_email(&state.db, &seed.email)
            .await
            .map_err(|e| seed_error(&seed.email, e))?
            .is_some()
        {
            continue;
        }
        let mut desk_ids = Vec::new();
        for code in &seed.desks {
            let desk = desks::find_by_code(state, code)
                .await
                .map_err(|e| seed_error(code, e))?
                .with_context(|| {
                    format!("demo account {} names unknown desk {code}", seed.email)
                })?;
            desk_ids.push(crate::ids::DeskId(desk.id));
        }
        let organisation = match seed.organisation {
            Some(organisation) => Some(organisation_choice(state, organisation).await?),
            None => None,
        };
        let invite = Invite {
            email: seed.email.clone(),
            display_name: seed.display_name,
            role,
            locale: seed.locale,
            desk_ids,
            organisation,
        };
        accounts::create_confirmed_user(state, &Actor::System, invite, &data.password)
            .await
            .map_err(|e| seed_error(&seed.email, e))?;
    }
    Ok(accounts_out)
}

async fn organisation_choice(
    state: &AppState,
    seed: DemoOrganisation,
) -> anyhow::Result<OrganisationChoice> {
    let kind = OrganisationKind::from_db(&seed.kind)?;
    let existing = organisations::Entity::find()
        .filter(organisations::Column::Name.eq(&seed.name))
        .filter(organisations::Column::Kind.eq(kind.as_db()))
        .one(&state.db)
        .await?;
    Ok(match existing {
        Some(organisation) => OrganisationChoice::Existing(OrganisationId(organisation.id)),
        None => OrganisationChoice::New {
            name: seed.name,
            kind,
            country_code: seed.country_code,
        },
    })
}

#[derive(Deserialize)]
struct ConsultationSeeds {
    consultations: Vec<ConsultationSeed>,
}

/// A demo consultation: filed `days_ago` days before loading, then its steps, each `hours`
/// after filing, run as the `by` account.
#[derive(Deserialize)]
struct ConsultationSeed {
    requester: String,
    kind: String,
    locale: Locale,
    title: String,
    description: String,
    domain: String,
    stage: String,
    #[serde(default)]
    topics: Vec<String>,
    confidentiality: String,
    #[serde(default)]
    share: Vec<String>,
    days_ago: i64,
    overseas: Option<bool>,
    #[serde(default)]
    competitors: Vec<String>,
    #[serde(default)]
    steps: Vec<StepSeed>,
}

#[derive(Deserialize)]
struct StepSeed {
    hours: i64,
    by: String,
    action: String,
    assignee: Option<String>,
    priority: Option<String>,
    resolution: Option<String>,
    to_desk: Option<String>,
    body: Option<String>,
    /// Introductions: the directory entry, by its English name.
    target: Option<String>,
    channel: Option<String>,
    /// Fields proposed (introduce) or consented to (consent).
    #[serde(default)]
    share: Vec<String>,
    /// `none` for no match, else an outcome type.
    outcome: Option<String>,
    adopter: Option<String>,
    amount_yen: Option<i64>,
    round: Option<String>,
}

/// Files the demo consultations not filed yet (a requester organisation's consultation of
/// the same title counts as filed) and replays their history through the service, quietly.
/// Returns how many it added.
pub async fn demo_consultations(state: &AppState) -> anyhow::Result<usize> {
    let data: ConsultationSeeds =
        toml::from_str(CONSULTATIONS).context("seed/consultations.toml")?;
    let today = japan_date(Utc::now());
    let mut added = 0;
    for (index, seed) in data.consultations.into_iter().enumerate() {
        let what = format!("consultation {:?}", seed.title);
        let requester = user_by_email(state, &seed.requester).await?;
        let exists = consultation_rows::Entity::find()
            .filter(consultation_rows::Column::OrganisationId.eq(requester.organisation_id))
            .filter(consultation_rows::Column::Title.eq(seed.title.trim()))
            .one(&state.db)
            .await?
            .is_some();
        if exists {
            continue;
        }
        // Filed on the morning of that day in Japan, a few minutes apart, in file order.
        let filed_at = japan_midnight(today - Duration::days(seed.days_ago))
            + Duration::hours(9)
            + Duration::minutes(i64::try_from(index).unwrap_or(0) % 240);
        replay(state, seed, filed_at)
            .await
            .with_context(|| format!("seeding {what}"))?;
        added += 1;
    }
    Ok(added)
}

async fn replay(
    state: &AppState,
    seed: ConsultationSeed,
    filed_at: DateTime<Utc>,
) -> anyhow::Result<()> {
    let requester = actor_for(state, &seed.requester).await?;
    let input = NewConsultation {
        kind: ConsultationKind::from_db(&seed.kind)?,
        title: seed.title,
        description: seed.description,
        domain_id: term(state, TaxonomyKind::Domain, &seed.domain).await?,
        stage_id: term(state, TaxonomyKind::Stage, &seed.stage).await?,
        topic_ids: {
            let mut ids = Vec::new();
            for code in &seed.topics {
                ids.push(term(state, TaxonomyKind::Topic, code).await?);
            }
            ids
        },
        preferred_locale: seed.locale,
        overseas: seed.overseas,
        confidentiality: Confidentiality::from_db(&seed.confidentiality)?,
        shared_fields: seed
            .share
            .iter()
            .map(|field| SharedField::from_db(field))
            .collect::<anyhow::Result<_>>()?,
        corporate_number: None,
        competitors: seed.competitors,
    };
    let case = consultations::file(state, &requester, input, Occasion::quietly(filed_at))
        .await
        .map_err(|e| seed_error("filing", e))?;
    let id = ConsultationId(case.id);
    let mut last = 0;
    for step in seed.steps {
        anyhow::ensure!(
            step.hours > last,
            "step {} does not come after the one before",
            step.action
        );
        last = step.hours;
        let at = filed_at + Duration::hours(step.hours);
        anyhow::ensure!(at < Utc::now(), "step {} lies in the future", step.action);
        let actor = actor_for(state, &step.by).await?;
        let version = version_of(state, case.id).await?;
        let occasion = Occasion::quietly(at);
        let what = format!("step {} by {}", step.action, step.by);
        let done = match step.action.as_str() {
            "assign" => {
                let assignee = match &step.assignee {
                    Some(email) => Some(UserId(user_by_email(state, email).await?.id)),
                    None => None,
                };
                consultations::assign(state, &actor, id, version, assignee, occasion)
                    .await
                    .map(|_| ())
            }
            "priority" => {
                let changes = Changes {
                    priority: Some(priority(step.priority.as_deref())?),
                    ..Changes::default()
                };
                consultations::update(state, &actor, id, version, changes, occasion)
                    .await
                    .map(|_| ())
            }
            "triage" => {
                if step.priority.is_some() {
                    let changes = Changes {
                        priority: Some(priority(step.priority.as_deref())?),
                        ..Changes::default()
                    };
                    consultations::update(state, &actor, id, version, changes, occasion)
                        .await
                        .map_err(|e| seed_error(&what, e))?;
                }
                let version = version_of(state, case.id).await?;
                transition(
                    state,
                    &actor,
                    id,
                    version,
                    ConsultationAction::Triage,
                    &step,
                    occasion,
                )
                .await
            }
            "start" => {
                transition(
                    state,
                    &actor,
                    id,
                    version,
                    ConsultationAction::Start,
                    &step,
                    occasion,
                )
                .await
            }
            "wait" => {
                transition(
                    state,
                    &actor,
                    id,
                    version,
                    ConsultationAction::WaitForRequester,
                    &step,
                    occasion,
                )
                .await
            }
            "resume" => {
                transition(
                    state,
                    &actor,
                    id,
                    version,
                    ConsultationAction::Resume,
                    &step,
                    occasion,
                )
                .await
            }
            "close" => {
                transition(
                    state,
                    &actor,
                    id,
                    version,
                    ConsultationAction::Close,
                    &step,
                    occasion,
                )
                .await
            }
            "withdraw" => {
                transition(
                    state,
                    &actor,
                    id,
                    version,
                    ConsultationAction::Withdraw,
                    &step,
                    occasion,
                )
                .await
            }
            "reopen" => {
                transition(
                    state,
                    &actor,
                    id,
                    version,
                    ConsultationAction::Reopen,
                    &step,
                    occasion,
                )
                .await
            }
            "message" | "reply" | "note" => {
                let body = step.body.as_deref().unwrap_or_default();
                consultations::post_message(
                    state,
                    &actor,
                    id,
                    body,
                    step.action == "note",
                    occasion,
                )
                .await
                .map(|_| ())
            }
            "refer" => {
                let desk = desk_by_code(state, step.to_desk.as_deref()).await?;
                consultation_referrals::request(
                    state,
                    &actor,
                    id,
                    version,
                    desk,
                    step.body.as_deref().unwrap_or_default(),
                    occasion,
                )
                .await
                .map(|_| ())
            }
            "reroute" => {
                let desk = desk_by_code(state, step.to_desk.as_deref()).await?;
                consultations::reroute(
                    state,
                    &actor,
                    id,
                    version,
                    desk,
                    step.body.as_deref().unwrap_or_default(),
                    occasion,
                )
                .await
                .map(|_| ())
            }
            "accept_referral" => {
                let referral = pending_referral(state, case.id).await?;
                consultation_referrals::accept(state, &actor, referral, occasion)
                    .await
                    .map(|_| ())
            }
            "decline_referral" => {
                let referral = pending_referral(state, case.id).await?;
                consultation_referrals::decline(
                    state,
                    &actor,
                    referral,
                    step.body.as_deref().unwrap_or_default(),
                    occasion,
                )
                .await
                .map(|_| ())
            }
            "introduce" | "consent" | "decline_consent" | "send" | "accept" | "decline"
            | "meeting" | "outcome" => {
                introduction_step(state, &actor, &case, &step, occasion).await
            }
            other => anyhow::bail!("unknown step action {other:?}"),
        };
        done.map_err(|e| seed_error(&what, e))?;
    }
    Ok(())
}

/// A step of an introduction of the case to `step.target`: `introduce` proposes it and asks
/// the requester at once; the later steps act on the case's latest introduction to that
/// entry.
async fn introduction_step(
    state: &AppState,
    actor: &Actor,
    case: &consultation_rows::Model,
    step: &StepSeed,
    occasion: Occasion,
) -> Result<(), ApiError> {
    let name = step.target.as_deref().unwrap_or_default();
    let entry = directory_entries::Entity::find()
        .filter(directory_entries::Column::NameEn.eq(name))
        .one(&state.db)
        .await?
        .ok_or_else(|| ApiError::internal(anyhow::anyhow!("no directory entry {name:?}")))?;
    let fields = |codes: &[String]| -> Result<Vec<SharedField>, ApiError> {
        codes
            .iter()
            .map(|code| SharedField::from_db(code).map_err(ApiError::internal))
            .collect()
    };
    if step.action == "introduce" {
        let channel = match step.channel.as_deref() {
            Some(channel) => IntroductionChannel::from_db(channel).map_err(ApiError::internal)?,
            None => IntroductionChannel::Individual,
        };
        let proposal = introductions::Proposal {
            consultation: ConsultationId(case.id),
            entry: DirectoryEntryId(entry.id),
            channel,
            message: step.body.clone().unwrap_or_default(),
            fields: fields(&step.share)?,
        };
        let proposed = introductions::propose(state, actor, proposal, occasion).await?;
        introductions::request_consent(
            state,
            actor,
            IntroductionId(proposed.id),
            proposed.version,
            occasion,
        )
        .await?;
        return Ok(());
    }
    let introduction = introduction_rows::Entity::find()
        .filter(introduction_rows::Column::ConsultationId.eq(case.id))
        .filter(introduction_rows::Column::EntryId.eq(entry.id))
        .order_by_desc(introduction_rows::Column::Id)
        .one(&state.db)
        .await?
        .ok_or_else(|| ApiError::internal(anyhow::anyhow!("no introduction to {name:?}")))?;
    let (id, version) = (IntroductionId(introduction.id), introduction.version);
    let note = step.body.clone().unwrap_or_default();
    match step.action.as_str() {
        "consent" => {
            introductions::consent(state, actor, id, version, fields(&step.share)?, occasion)
                .await?;
        }
        "decline_consent" => {
            introductions::decline_consent(state, actor, id, version, &note, occasion).await?;
        }
        "send" => {
            introductions::send(state, actor, id, version, occasion).await?;
        }
        "accept" | "decline" => {
            let answer = Answer::accepting(step.action == "accept");
            introductions::answer(state, actor, id, answer, &note, occasion).await?;
        }
        "meeting" => {
            let held_on = japan_date(occasion.at);
            introductions::record_meeting(state, actor, id, version, held_on, occasion).await?;
        }
        _ => {
            let matched = match step.outcome.as_deref() {
                None | Some("none") => None,
                Some(outcome) => Some(OutcomeType::from_db(outcome).map_err(ApiError::internal)?),
            };
            let outcome = Outcome {
                matched,
                adopter: step
                    .adopter
                    .as_deref()
                    .map(Adopter::from_db)
                    .transpose()
                    .map_err(ApiError::internal)?,
                investment: match step.amount_yen {
                    Some(amount_yen) => Some(Investment {
                        amount_yen,
                        round: InvestmentRound::from_db(step.round.as_deref().unwrap_or("other"))
                            .map_err(ApiError::internal)?,
                        invested_on: japan_date(occasion.at),
                    }),
                    None => None,
                },
                note,
            };
            introductions::record_outcome(state, actor, id, version, outcome, occasion).await?;
        }
    }
    Ok(())
}

async fn transition(
    state: &AppState,
    actor: &Actor,
    id: ConsultationId,
    version: i32,
    action: ConsultationAction,
    step: &StepSeed,
    occasion: Occasion,
) -> Result<(), ApiError> {
    let resolution = step
        .resolution
        .as_deref()
        .map(Resolution::from_db)
        .transpose()?;
    let step = Step {
        action,
        resolution,
        message: step.body.clone(),
    };
    consultations::transition(state, actor, id, version, step, occasion)
        .await
        .map(|_| ())
}

async fn version_of(state: &AppState, id: i64) -> anyhow::Result<i32> {
    Ok(consultation_rows::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .context("the consultation disappeared")?
        .version)
}

fn priority(value: Option<&str>) -> anyhow::Result<Priority> {
    match value {
        Some("low") => Ok(Priority::Low),
        Some("normal") => Ok(Priority::Normal),
        Some("high") => Ok(Priority::High),
        Some("urgent") => Ok(Priority::Urgent),
        other => anyhow::bail!("unknown priority {other:?}"),
    }
}

pub(crate) async fn user_by_email(state: &AppState, email: &str) -> anyhow::Result<users::Model> {
    accounts::find_by_email(&state.db, email)
        .await
        .map_err(|e| seed_error(email, e))?
        .with_context(|| format!("no demo account {email}"))
}

/// The account as a signed-in user, with its own permissions.
pub(crate) async fn actor_for(state: &AppState, email: &str) -> anyhow::Result<Actor> {
    let user = user_by_email(state, email).await?;
    Ok(Actor::User(
        sessions::viewer_of(&state.db, &user, None).await?,
    ))
}

async fn term(state: &AppState, kind: TaxonomyKind, code: &str) -> anyhow::Result<TaxonomyTermId> {
    let term = taxonomy_terms::Entity::find()
        .filter(taxonomy_terms::Column::Kind.eq(kind.as_db()))
        .filter(taxonomy_terms::Column::Code.eq(code))
        .one(&state.db)
        .await?
        .with_context(|| format!("no {} {code}", kind.as_db()))?;
    Ok(TaxonomyTermId(term.id))
}

async fn desk_by_code(state: &AppState, code: Option<&str>) -> anyhow::Result<DeskId> {
    let code = code.context("the step names no desk")?;
    let desk = desks::find_by_code(state, code)
        .await
        .map_err(|e| seed_error(code, e))?
        .with_context(|| format!("no desk {code}"))?;
    Ok(DeskId(desk.id))
}

async fn pending_referral(state: &AppState, consultation: i64) -> anyhow::Result<ReferralId> {
    let referral = referrals::Entity::find()
        .filter(referrals::Column::ConsultationId.eq(consultation))
        .filter(referrals::Column::Status.eq(ReferralStatus::Requested.as_db()))
        .one(&state.db)
        .await?
        .context("no referral awaits a decision")?;
    Ok(ReferralId(referral.id))
}

fn seed_error(what: &str, error: ApiError) -> anyhow::Error {
    match error {
        ApiError::Internal(cause) => cause.context(format!("seeding {what}")),
        other => anyhow::anyhow!("seed entry {what} is invalid: {other:?}"),
    }
}
