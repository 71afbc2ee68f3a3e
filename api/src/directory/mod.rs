//! The supporter directory: advisor profiles, supporter organisations (サポーター団体),
//! VCs and support programmes (支援施策). It is what advisors search when they look for
//! help for a startup, and what matching ranks. Entries are edited here and found through
//! [`crate::search`].

pub mod graphql;
pub mod seed;
pub mod service;

use crate::labels::{Labelled, stored_enum};

stored_enum! {
    /// What a directory entry describes.
    pub enum DirectoryKind {
        /// An advisor's profile, linked to their account.
        Advisor => "advisor", "directory-kind-advisor",
        /// A company or body that supports startups.
        Supporter => "supporter", "directory-kind-supporter",
        /// A venture capital investor.
        Vc => "vc", "directory-kind-vc",
        /// A public or private support measure.
        Programme => "programme", "directory-kind-programme",
    }
}

stored_enum! {
    /// The kind of supporter organisation.
    pub enum SupporterType {
        TradingHouse => "trading_house", "supporter-type-trading-house",
        Bank => "bank", "supporter-type-bank",
        Pharma => "pharma", "supporter-type-pharma",
        MedicalDeviceMaker => "medical_device_maker", "supporter-type-medical-device-maker",
        Cro => "cro", "supporter-type-cro",
        Hospital => "hospital", "supporter-type-hospital",
        University => "university", "supporter-type-university",
        Municipality => "municipality", "supporter-type-municipality",
        Accelerator => "accelerator", "supporter-type-accelerator",
        LawFirm => "law_firm", "supporter-type-law-firm",
        PatentFirm => "patent_firm", "supporter-type-patent-firm",
        Consultancy => "consultancy", "supporter-type-consultancy",
        ItCompany => "it_company", "supporter-type-it-company",
        Insurer => "insurer", "supporter-type-insurer",
        Other => "other", "supporter-type-other",
    }
}

stored_enum! {
    /// Who implements a support programme.
    pub enum ProgrammeBody {
        /// A ministry or national agency.
        National => "national", "programme-body-national",
        /// A prefecture or municipality.
        Municipal => "municipal", "programme-body-municipal",
        /// A company, foundation or private accelerator.
        Private => "private", "programme-body-private",
    }
}

/// How an organisation is tied to an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tie {
    /// An advisor's declared conflict of interest.
    Conflict,
    /// A company in a VC's portfolio.
    Portfolio,
}

impl Tie {
    pub const fn as_db(self) -> &'static str {
        match self {
            Tie::Conflict => "conflict",
            Tie::Portfolio => "portfolio",
        }
    }
}

/// Label ids of the directory's enums, for the locale tests.
pub fn label_ids() -> impl Iterator<Item = &'static str> {
    fn ids<T: Labelled>() -> impl Iterator<Item = &'static str> {
        T::ALL.iter().map(Labelled::label_id)
    }
    ids::<DirectoryKind>()
        .chain(ids::<SupporterType>())
        .chain(ids::<ProgrammeBody>())
}
