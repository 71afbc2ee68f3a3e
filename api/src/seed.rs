//! Seed data from `seed/`: the desks and taxonomy every installation needs, and demo
//! organisations and accounts for development. Loaded through the same service functions
//! the API uses, so it is validated like any other write; running it twice adds nothing,
//! and an admin's later edits are kept.

use anyhow::Context as _;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::Deserialize;

use crate::{
    accounts::{
        OrganisationKind,
        service::{self as accounts, Invite, OrganisationChoice},
    },
    auth::{Actor, Role},
    desks::service::{self as desks, NewDesk},
    entity::organisations,
    error::ApiError,
    i18n::Locale,
    ids::OrganisationId,
    state::AppState,
    taxonomy::service::{self as taxonomy, NewTerm},
};

const REFERENCE: &str = include_str!("../../seed/reference.toml");
const DEMO: &str = include_str!("../../seed/demo.toml");

#[derive(Deserialize)]
struct ReferenceData {
    desks: Vec<NewDesk>,
    terms: Vec<NewTerm>,
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
    if report != SeedReport::default() {
        tracing::info!(
            desks = report.desks,
            terms = report.terms,
            "reference data seeded"
        );
    }
    Ok(report)
}

/// Creates the demo accounts that do not exist yet; returns all of them.
pub async fn demo(state: &AppState) -> anyhow::Result<Vec<DemoAccount>> {
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

fn seed_error(what: &str, error: ApiError) -> anyhow::Error {
    match error {
        ApiError::Internal(cause) => cause.context(format!("seeding {what}")),
        other => anyhow::anyhow!("seed entry {what} is invalid: {other:?}"),
    }
}
