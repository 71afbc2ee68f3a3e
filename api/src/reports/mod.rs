//! Reports (実績報告): the desks' KPI table — consultations, referrals, introductions and
//! the matches they led to — for a period, a desk and a domain.
//!
//! A period is a span of Japanese calendar days; it begins at 00:00 in Japan on its first
//! day and ends at 00:00 in Japan after its last, so 31 March 23:59 belongs to the fiscal
//! year that ends that day and 1 April 00:00 to the next.

pub mod csv;
pub mod drill;
pub mod figures;
pub mod graphql;

use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};

use crate::{
    calendar::{fiscal_year_bounds, japan_midnight},
    error::{ApiError, ErrorCode, FieldError},
    labels::stored_enum,
};

/// The longest custom period: five years.
const MAX_CUSTOM_DAYS: i64 = 5 * 366;

stored_enum! {
    /// How a report's period is chosen.
    pub enum PeriodKind {
        /// April to March.
        FiscalYear => "fiscal_year", "report-period-fiscal-year",
        /// A quarter of a fiscal year: Q1 is April to June.
        Quarter => "quarter", "report-period-quarter",
        Month => "month", "report-period-month",
        /// Any span of days.
        Custom => "custom", "report-period-custom",
    }
}

/// A span of Japanese calendar days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub kind: PeriodKind,
    pub first: NaiveDate,
    pub last: NaiveDate,
}

fn out_of_range(field: &str) -> ApiError {
    FieldError::new(field, ErrorCode::DateOutOfRange).into()
}

impl Period {
    pub fn fiscal_year(year: i32) -> Result<Period, ApiError> {
        let (first, last) = fiscal_year_bounds(year)
            .filter(|_| (2000..=2100).contains(&year))
            .ok_or_else(|| out_of_range("fiscalYear"))?;
        Ok(Period {
            kind: PeriodKind::FiscalYear,
            first,
            last,
        })
    }

    /// Quarter `quarter` (1–4) of fiscal year `year`: Q1 April–June … Q4 January–March.
    pub fn quarter(year: i32, quarter: u32) -> Result<Period, ApiError> {
        if !(1..=4).contains(&quarter) {
            return Err(FieldError::new("quarter", ErrorCode::OutOfRange)
                .with_arg("min", 1i64)
                .with_arg("max", 4i64)
                .into());
        }
        let (start, _) = Period::fiscal_year(year)
            .map(|fy| (fy.first, fy.last))
            .map_err(|_| out_of_range("fiscalYear"))?;
        let first = start + Months::new(3 * (quarter - 1));
        let last = first + Months::new(3) - chrono::Days::new(1);
        Ok(Period {
            kind: PeriodKind::Quarter,
            first,
            last,
        })
    }

    pub fn month(year: i32, month: u32) -> Result<Period, ApiError> {
        let first = NaiveDate::from_ymd_opt(year, month, 1)
            .filter(|_| (2000..=2100).contains(&year))
            .ok_or_else(|| out_of_range("month"))?;
        let last = first + Months::new(1) - chrono::Days::new(1);
        Ok(Period {
            kind: PeriodKind::Month,
            first,
            last,
        })
    }

    /// From `first` to `last`, both included; at most five years.
    pub fn custom(first: NaiveDate, last: NaiveDate) -> Result<Period, ApiError> {
        if last < first {
            return Err(FieldError::new("to", ErrorCode::DateInvalid).into());
        }
        if (last - first).num_days() >= MAX_CUSTOM_DAYS {
            return Err(out_of_range("to"));
        }
        Ok(Period {
            kind: PeriodKind::Custom,
            first,
            last,
        })
    }

    /// The instant the period begins: 00:00 in Japan on its first day.
    pub fn start(&self) -> DateTime<Utc> {
        japan_midnight(self.first)
    }

    /// The instant after the period: 00:00 in Japan on the day after its last.
    pub fn end(&self) -> DateTime<Utc> {
        japan_midnight(self.last + chrono::Days::new(1))
    }

    /// The period before, to compare with: the previous fiscal year, quarter or month, or
    /// for a custom period the same number of days just before it.
    pub fn previous(&self) -> Period {
        let shift = |months: u32| Period {
            kind: self.kind,
            first: self.first - Months::new(months),
            last: self.first - chrono::Days::new(1),
        };
        match self.kind {
            PeriodKind::FiscalYear => shift(12),
            PeriodKind::Quarter => shift(3),
            PeriodKind::Month => shift(1),
            PeriodKind::Custom => {
                let days = (self.last - self.first).num_days() + 1;
                Period {
                    kind: self.kind,
                    first: self.first - chrono::Duration::days(days),
                    last: self.first - chrono::Days::new(1),
                }
            }
        }
    }

    /// The calendar months the period touches, each clipped to the period, in order.
    pub fn months(&self) -> Vec<Period> {
        let mut months = Vec::new();
        let mut first = self.first;
        while first <= self.last {
            let month_start = first.with_day(1).unwrap_or(first);
            let month_end = month_start + Months::new(1) - chrono::Days::new(1);
            let last = month_end.min(self.last);
            months.push(Period {
                kind: PeriodKind::Month,
                first,
                last,
            });
            first = last + chrono::Days::new(1);
        }
        months
    }
}

/// Every label id of this module, for the locale tests.
pub fn label_ids() -> impl Iterator<Item = &'static str> {
    use crate::labels::Labelled;
    PeriodKind::ALL
        .iter()
        .map(Labelled::label_id)
        .chain(figures::Figure::ALL.iter().map(Labelled::label_id))
        .chain(graphql::KpiRecordKind::ALL.iter().map(Labelled::label_id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_fiscal_year_ends_at_midnight_in_japan_after_31_march() {
        let fy = Period::fiscal_year(2026).unwrap();
        assert_eq!((fy.first, fy.last), (day(2026, 4, 1), day(2027, 3, 31)));
        // 2027-03-31 23:59 in Japan is 14:59 UTC; 2027-04-01 00:00 in Japan is 15:00 UTC.
        assert_eq!(fy.end().to_rfc3339(), "2027-03-31T15:00:00+00:00");
        assert_eq!(fy.start().to_rfc3339(), "2026-03-31T15:00:00+00:00");
        assert_eq!(fy.previous(), Period::fiscal_year(2025).unwrap());
    }

    #[test]
    fn quarters_months_and_custom_spans() {
        let q4 = Period::quarter(2026, 4).unwrap();
        assert_eq!((q4.first, q4.last), (day(2027, 1, 1), day(2027, 3, 31)));
        let q1 = Period::quarter(2026, 1).unwrap();
        assert_eq!((q1.first, q1.last), (day(2026, 4, 1), day(2026, 6, 30)));
        assert_eq!(q1.previous().first, day(2026, 1, 1));
        assert_eq!(q1.previous().last, day(2026, 3, 31));
        assert!(Period::quarter(2026, 5).is_err());
        let february = Period::month(2028, 2).unwrap();
        assert_eq!(february.last, day(2028, 2, 29));
        assert_eq!(
            Period::month(2026, 3).unwrap().previous(),
            Period::month(2026, 2).unwrap()
        );
        let custom = Period::custom(day(2026, 5, 10), day(2026, 5, 19)).unwrap();
        let before = custom.previous();
        assert_eq!(
            (before.first, before.last),
            (day(2026, 4, 30), day(2026, 5, 9))
        );
        assert!(Period::custom(day(2026, 5, 10), day(2026, 5, 9)).is_err());
        assert!(Period::custom(day(2020, 1, 1), day(2026, 1, 1)).is_err());
    }

    #[test]
    fn a_period_splits_into_its_months() {
        let fy = Period::fiscal_year(2026).unwrap();
        let months = fy.months();
        assert_eq!(months.len(), 12);
        assert_eq!(months[0].first, day(2026, 4, 1));
        assert_eq!(months[11].last, day(2027, 3, 31));
        let custom = Period::custom(day(2026, 5, 20), day(2026, 7, 3)).unwrap();
        let months = custom.months();
        assert_eq!(
            months.iter().map(|m| (m.first, m.last)).collect::<Vec<_>>(),
            vec![
                (day(2026, 5, 20), day(2026, 5, 31)),
                (day(2026, 6, 1), day(2026, 6, 30)),
                (day(2026, 7, 1), day(2026, 7, 3)),
            ]
        );
    }
}
