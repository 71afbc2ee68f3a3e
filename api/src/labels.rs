//! Enum values with a label in each locale.

use crate::i18n::{Args, I18n, Locale};

/// A value shown to people by a localised label (Fluent id such as `role-advisor`).
pub trait Labelled: Sized + 'static {
    /// Every value, so tests can check that each has a label in both locales.
    const ALL: &'static [Self];

    fn label_id(&self) -> &'static str;

    fn label(&self, i18n: &I18n, locale: Locale) -> String {
        i18n.message(locale, self.label_id(), &Args::new())
    }
}

/// An enum stored as text, offered in GraphQL, with a Fluent label per value:
///
/// ```ignore
/// stored_enum! {
///     /// What a consultation is.
///     pub enum ConsultationKind {
///         Consultation => "consultation", "consultation-kind-consultation",
///     }
/// }
/// ```
macro_rules! stored_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($(#[$variant_meta:meta])* $variant:ident => $db:literal, $label:literal,)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, async_graphql::Enum)]
        pub enum $name {
            $($(#[$variant_meta])* $variant,)*
        }

        impl $name {
            /// The value as stored in the database.
            pub const fn as_db(self) -> &'static str {
                match self {
                    $($name::$variant => $db,)*
                }
            }

            pub fn from_db(value: &str) -> anyhow::Result<Self> {
                match value {
                    $($db => Ok($name::$variant),)*
                    other => Err(anyhow::anyhow!(
                        "unknown {} {other:?} in the database",
                        stringify!($name)
                    )),
                }
            }
        }

        impl $crate::labels::Labelled for $name {
            const ALL: &'static [Self] = &[$($name::$variant,)*];

            fn label_id(&self) -> &'static str {
                match self {
                    $($name::$variant => $label,)*
                }
            }
        }
    };
}
pub(crate) use stored_enum;

/// Label ids of every labelled enum, for the locale tests.
pub fn all_label_ids() -> Vec<&'static str> {
    fn ids<T: Labelled>() -> impl Iterator<Item = &'static str> {
        T::ALL.iter().map(Labelled::label_id)
    }
    ids::<Locale>()
        .chain(ids::<crate::auth::Role>())
        .chain(ids::<crate::accounts::OrganisationKind>())
        .chain(ids::<crate::taxonomy::TaxonomyKind>())
        .chain(crate::consultations::label_ids())
        .chain(crate::directory::label_ids())
        .chain(crate::matching::label_ids())
        .chain(crate::introductions::label_ids())
        .chain(crate::grants::label_ids())
        .chain(crate::reports::label_ids())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_enum_value_has_a_label_in_both_locales() {
        let i18n = I18n::load().expect("locales load");
        for id in all_label_ids() {
            for locale in Locale::ALL {
                assert!(
                    i18n.has_message(locale, id),
                    "{id} has no {} label",
                    locale.as_str()
                );
            }
        }
    }
}
