//! Password hashing with Argon2id (PHC strings), off the async runtime's threads.

use argon2::{Argon2, PasswordHasher, PasswordVerifier};

use crate::error::{ErrorCode, FieldError};

pub const MAX_PASSWORD_CHARS: usize = 128;

pub async fn hash(password: &str) -> anyhow::Result<String> {
    let password = password.to_owned();
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .hash_password(password.as_bytes())
            .map(|hash| hash.to_string())
            .map_err(|error| anyhow::anyhow!("hashing a password: {error}"))
    })
    .await?
}

/// Whether `password` matches the stored hash. A malformed hash never matches.
pub async fn verify(password: &str, hash: &str) -> anyhow::Result<bool> {
    let password = password.to_owned();
    let hash = hash.to_owned();
    let matched = tokio::task::spawn_blocking(move || {
        Argon2::default()
            .verify_password(password.as_bytes(), hash.as_str())
            .is_ok()
    })
    .await?;
    Ok(matched)
}

/// Spends the time of a real verification, so that a missing account cannot be told from a
/// wrong password by how long the answer takes.
pub async fn verify_nothing(password: &str) -> anyhow::Result<()> {
    hash(password).await.map(|_| ())
}

/// The password rules: long enough, not absurdly long, and not built on the email address.
pub fn check(password: &str, email: &str, min_chars: usize) -> Result<(), FieldError> {
    let chars = password.chars().count();
    if chars < min_chars {
        return Err(
            FieldError::new("password", ErrorCode::PasswordTooShort).with_arg("min", min_chars)
        );
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(FieldError::new("password", ErrorCode::PasswordTooLong)
            .with_arg("max", MAX_PASSWORD_CHARS));
    }
    let lowered = password.to_lowercase();
    let local_part = email.split('@').next().unwrap_or("").to_lowercase();
    if local_part.chars().count() >= 4 && lowered.contains(&local_part) {
        return Err(FieldError::new(
            "password",
            ErrorCode::PasswordContainsEmail,
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let stored = hash("correct horse battery").await.expect("hashes");
        assert!(stored.starts_with("$argon2id$"));
        assert!(
            verify("correct horse battery", &stored)
                .await
                .expect("verifies")
        );
        assert!(
            !verify("correct horse batterx", &stored)
                .await
                .expect("verifies")
        );
        assert!(!verify("anything", "not a hash").await.expect("verifies"));
    }

    #[test]
    fn password_rules() {
        let code = |p: &str| {
            check(p, "hanako.sato@example.jp", 10)
                .err()
                .map(|e| e.error.code)
        };
        assert_eq!(code("short"), Some(ErrorCode::PasswordTooShort));
        assert_eq!(code(&"x".repeat(129)), Some(ErrorCode::PasswordTooLong));
        assert_eq!(
            code("Hanako.Sato-2026"),
            Some(ErrorCode::PasswordContainsEmail)
        );
        assert_eq!(
            code("桜が咲く季節の相談窓口です"),
            None,
            "ten or more characters, not bytes"
        );
        assert_eq!(code("a sound passphrase"), None);
    }
}
