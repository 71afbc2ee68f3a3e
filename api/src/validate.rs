//! Checks and normalisation shared by every form: trimmed text with length limits,
//! email addresses and country codes. Full-width input (ＡＢＣ＠ｅｘａｍｐｌｅ．ｊｐ) is
//! NFKC-normalised where it matters.

use unicode_normalization::UnicodeNormalization;

use crate::error::{ErrorCode, FieldError};

pub const MAX_EMAIL_CHARS: usize = 254;

/// NFKC, so that full-width letters, digits and symbols become their ASCII forms.
pub fn nfkc(text: &str) -> String {
    text.nfkc().collect()
}

/// Trimmed text, required, at most `max_chars` characters. Control characters other than
/// line breaks and tabs are removed.
pub fn required_text(raw: &str, max_chars: usize) -> Result<String, FieldError> {
    let text = clean(raw);
    if text.is_empty() {
        return Err(FieldError::new("", ErrorCode::Required));
    }
    within_length(text, max_chars)
}

/// Like [`required_text`] but an empty value is allowed.
pub fn optional_text(raw: &str, max_chars: usize) -> Result<String, FieldError> {
    within_length(clean(raw), max_chars)
}

fn clean(raw: &str) -> String {
    raw.trim()
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect::<String>()
        .replace("\r\n", "\n")
}

fn within_length(text: String, max_chars: usize) -> Result<String, FieldError> {
    if text.chars().count() > max_chars {
        return Err(FieldError::new("", ErrorCode::TooLong).with_arg("max", max_chars));
    }
    Ok(text)
}

/// A normalised email address: NFKC, trimmed, lowercase, and of a plausible shape.
pub fn email(raw: &str) -> Result<String, FieldError> {
    let address = nfkc(raw).trim().to_lowercase();
    if address.is_empty() {
        return Err(FieldError::new("", ErrorCode::Required));
    }
    if address.chars().count() > MAX_EMAIL_CHARS || !plausible_email(&address) {
        return Err(FieldError::new("", ErrorCode::EmailInvalid));
    }
    Ok(address)
}

fn plausible_email(address: &str) -> bool {
    let Some((local, domain)) = address.rsplit_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
    local_ok && domain_ok
}

/// An ISO 3166-1 alpha-2 country code, upper case.
pub fn country_code(raw: &str) -> Result<String, FieldError> {
    let code = nfkc(raw).trim().to_ascii_uppercase();
    if code.is_empty() {
        return Err(FieldError::new("", ErrorCode::Required));
    }
    if code.len() == 2 && COUNTRY_CODES.split(' ').any(|known| known == code) {
        Ok(code)
    } else {
        Err(FieldError::new("", ErrorCode::CountryCodeInvalid))
    }
}

/// A whole number within bounds.
pub fn in_range(value: i32, min: i32, max: i32) -> Result<i32, FieldError> {
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(FieldError::new("", ErrorCode::OutOfRange)
            .with_arg("min", i64::from(min))
            .with_arg("max", i64::from(max)))
    }
}

/// A Japanese corporate number (法人番号): 13 digits, the first a check digit over the
/// other twelve (National Tax Agency rules). Full-width digits, spaces and hyphens are
/// accepted and dropped: `１２３４-５６７８…` reads as `12345678…`.
pub fn corporate_number(raw: &str) -> Result<String, FieldError> {
    let digits: String = nfkc(raw)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '‐' | '−' | 'ー'))
        .collect();
    if digits.is_empty() {
        return Err(FieldError::new("", ErrorCode::Required));
    }
    let invalid = || FieldError::new("", ErrorCode::CorporateNumberInvalid);
    let values: Vec<u32> = digits
        .chars()
        .map(|c| c.to_digit(10).filter(|_| c.is_ascii_digit()))
        .collect::<Option<_>>()
        .ok_or_else(invalid)?;
    let [check, base @ ..] = values.as_slice() else {
        return Err(invalid());
    };
    if base.len() != 12 {
        return Err(invalid());
    }
    // Counted from the last digit of the base number: odd places weigh 1, even places 2.
    let sum: u32 = base
        .iter()
        .rev()
        .enumerate()
        .map(|(index, digit)| digit * if index % 2 == 0 { 1 } else { 2 })
        .sum();
    if *check == 9 - sum % 9 {
        Ok(digits)
    } else {
        Err(invalid())
    }
}

/// ISO 3166-1 alpha-2, officially assigned codes.
const COUNTRY_CODES: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO \
BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES \
ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ \
IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM \
MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW \
PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO \
TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

#[cfg(test)]
mod tests {
    use super::*;

    fn code<T>(result: Result<T, FieldError>) -> Option<ErrorCode> {
        result.err().map(|e| e.error.code)
    }

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            email("  Hanako.Sato@Example.JP ").ok().as_deref(),
            Some("hanako.sato@example.jp")
        );
        assert_eq!(
            email("ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ").ok().as_deref(),
            Some("hanako@example.jp")
        );
        assert_eq!(code(email("")), Some(ErrorCode::Required));
        for bad in [
            "hanako",
            "hanako@",
            "@example.jp",
            "a@b",
            "a..b@example.jp",
            "a b@example.jp",
            "a@-x.jp",
            "a@example.j1",
        ] {
            assert_eq!(code(email(bad)), Some(ErrorCode::EmailInvalid), "{bad}");
        }
    }

    #[test]
    fn text_is_trimmed_and_limited_in_characters() {
        assert_eq!(
            required_text("  株式会社サンプル  ", 10).ok().as_deref(),
            Some("株式会社サンプル")
        );
        assert_eq!(code(required_text("   ", 10)), Some(ErrorCode::Required));
        assert_eq!(
            code(required_text("あいうえおかきくけこさ", 10)),
            Some(ErrorCode::TooLong)
        );
        assert_eq!(optional_text("a\u{0}b", 10).ok().as_deref(), Some("ab"));
    }

    #[test]
    fn corporate_numbers_need_thirteen_digits_and_a_valid_check_digit() {
        // The National Tax Agency's own number, and a company's, as published.
        assert_eq!(
            corporate_number("7000012050002").ok().as_deref(),
            Some("7000012050002")
        );
        assert_eq!(
            corporate_number("１１８０３０１０１８７７１")
                .ok()
                .as_deref(),
            Some("1180301018771")
        );
        assert_eq!(
            corporate_number("1-1803-0101-8771").ok().as_deref(),
            Some("1180301018771")
        );
        assert_eq!(code(corporate_number("  ")), Some(ErrorCode::Required));
        for bad in [
            "2180301018771",
            "118030101877",
            "11803010187710",
            "118030101877a",
            "１１８０３０１０１８７７２",
        ] {
            assert_eq!(
                code(corporate_number(bad)),
                Some(ErrorCode::CorporateNumberInvalid),
                "{bad}"
            );
        }
    }

    #[test]
    fn country_codes_accept_full_width_and_lower_case() {
        assert_eq!(country_code("jp").ok().as_deref(), Some("JP"));
        assert_eq!(country_code("ＵＳ").ok().as_deref(), Some("US"));
        assert_eq!(
            code(country_code("XX")),
            Some(ErrorCode::CountryCodeInvalid)
        );
        assert_eq!(
            code(country_code("JPN")),
            Some(ErrorCode::CountryCodeInvalid)
        );
        assert_eq!(COUNTRY_CODES.split(' ').count(), 249);
    }
}
