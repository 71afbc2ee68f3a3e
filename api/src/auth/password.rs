//! Password hashing with Argon2id (PHC strings), on a small fixed set of threads.
//!
//! Each hash needs 19 MiB of working memory and a core for a moment. Running them on a
//! bounded pool, not on the runtime's blocking threads, keeps a flood of log-in attempts from
//! taking every core. Each thread keeps one working buffer and reuses it: allocating 19 MiB
//! per hash makes the C allocator hold on to a dozen such buffers (about 300 MB).

use std::sync::{Arc, Mutex, mpsc};

use argon2::{
    Algorithm, Argon2, Block, Params, Version,
    password_hash::{
        phc::{Output, ParamsString, PasswordHash, Salt},
        try_generate_salt,
    },
};
use tokio::sync::oneshot;

use crate::error::{ErrorCode, FieldError};

pub const MAX_PASSWORD_CHARS: usize = 128;

enum Job {
    Hash {
        password: String,
        reply: oneshot::Sender<anyhow::Result<String>>,
    },
    Verify {
        password: String,
        hash: String,
        reply: oneshot::Sender<bool>,
    },
}

/// A handle to the hashing threads; cheap to clone. The threads end when the last handle is
/// dropped.
#[derive(Clone)]
pub struct PasswordHasher {
    jobs: mpsc::Sender<Job>,
}

impl PasswordHasher {
    /// Starts `threads` hashing threads (at least one).
    pub fn start(threads: usize) -> anyhow::Result<Self> {
        let (jobs, queue) = mpsc::channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        for n in 0..threads.max(1) {
            let queue = Arc::clone(&queue);
            std::thread::Builder::new()
                .name(format!("argon2-{n}"))
                .spawn(move || work(&queue))?;
        }
        Ok(PasswordHasher { jobs })
    }

    pub async fn hash(&self, password: &str) -> anyhow::Result<String> {
        let (reply, answer) = oneshot::channel();
        self.submit(Job::Hash {
            password: password.to_owned(),
            reply,
        })?;
        answer.await?
    }

    /// Whether `password` matches the stored hash. A malformed hash never matches.
    pub async fn verify(&self, password: &str, hash: &str) -> anyhow::Result<bool> {
        let (reply, answer) = oneshot::channel();
        self.submit(Job::Verify {
            password: password.to_owned(),
            hash: hash.to_owned(),
            reply,
        })?;
        Ok(answer.await?)
    }

    /// Spends the time of a real verification, so that a missing account cannot be told
    /// from a wrong password by how long the answer takes.
    pub async fn verify_nothing(&self, password: &str) -> anyhow::Result<()> {
        self.hash(password).await.map(|_| ())
    }

    fn submit(&self, job: Job) -> anyhow::Result<()> {
        self.jobs
            .send(job)
            .map_err(|_| anyhow::anyhow!("the password hashing threads have stopped"))
    }
}

fn work(queue: &Mutex<mpsc::Receiver<Job>>) {
    let mut memory = Vec::new();
    loop {
        let job = match queue.lock() {
            Ok(receiver) => receiver.recv(),
            Err(_) => return,
        };
        match job {
            Ok(Job::Hash { password, reply }) => {
                let _ = reply.send(hash_with(&mut memory, password.as_bytes()));
            }
            Ok(Job::Verify {
                password,
                hash,
                reply,
            }) => {
                let _ = reply
                    .send(verify_with(&mut memory, password.as_bytes(), &hash).unwrap_or(false));
            }
            Err(_) => return,
        }
    }
}

/// The working memory for `params`, reusing (and if need be growing) the thread's buffer.
fn blocks<'a>(memory: &'a mut Vec<Block>, params: &Params) -> &'a mut [Block] {
    let count = params.block_count();
    if memory.len() < count {
        memory.resize(count, Block::default());
    }
    &mut memory[..count]
}

/// Argon2id with the recommended parameters and a fresh 16-byte salt, as a PHC string.
fn hash_with(memory: &mut Vec<Block>, password: &[u8]) -> anyhow::Result<String> {
    let params = Params::default();
    let salt = try_generate_salt()
        .map_err(|error| anyhow::anyhow!("no randomness for a salt: {error}"))?;
    let mut output = [0u8; Params::DEFAULT_OUTPUT_LEN];
    let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
    argon2
        .hash_password_into_with_memory(password, &salt, &mut output, blocks(memory, &params))
        .map_err(|error| anyhow::anyhow!("hashing a password: {error}"))?;
    let phc = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params).map_err(|error| anyhow::anyhow!("{error}"))?,
        salt: Some(Salt::new(&salt).map_err(|error| anyhow::anyhow!("{error}"))?),
        hash: Some(Output::new(&output).map_err(|error| anyhow::anyhow!("{error}"))?),
    };
    Ok(phc.to_string())
}

/// Recomputes a stored PHC hash with its own algorithm and parameters; compares in constant
/// time. `None` for a hash that cannot be read.
fn verify_with(memory: &mut Vec<Block>, password: &[u8], stored: &str) -> Option<bool> {
    let phc = PasswordHash::new(stored).ok()?;
    let algorithm = Algorithm::try_from(phc.algorithm.as_str()).ok()?;
    let version = Version::try_from(phc.version.unwrap_or(Version::V0x13.into())).ok()?;
    let params = Params::try_from(&phc).ok()?;
    let (salt, expected) = (phc.salt?, phc.hash?);
    let mut output = vec![0u8; expected.len()];
    let argon2 = Argon2::new(algorithm, version, params.clone());
    argon2
        .hash_password_into_with_memory(password, &salt, &mut output, blocks(memory, &params))
        .ok()?;
    Some(Output::new(&output).ok()? == expected)
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
        let hasher = PasswordHasher::start(2).expect("threads start");
        let stored = hasher.hash("correct horse battery").await.expect("hashes");
        assert!(stored.starts_with("$argon2id$"));
        assert!(
            hasher
                .verify("correct horse battery", &stored)
                .await
                .expect("verifies")
        );
        assert!(
            !hasher
                .verify("correct horse batterx", &stored)
                .await
                .expect("verifies")
        );
        assert!(
            !hasher
                .verify("anything", "not a hash")
                .await
                .expect("verifies")
        );
    }

    #[test]
    fn hashes_are_standard_phc_strings_that_other_argon2_code_verifies() {
        use argon2::PasswordVerifier as _;
        let mut memory = Vec::new();
        let stored = hash_with(&mut memory, b"correct horse battery").expect("hashes");
        assert!(
            stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{stored}"
        );
        let parsed = PasswordHash::new(&stored).expect("a PHC string");
        assert!(
            Argon2::default()
                .verify_password(b"correct horse battery", &parsed)
                .is_ok()
        );
        // And a hash made by other code, with other parameters, verifies here.
        let params = Params::new(8192, 3, 1, None).expect("params");
        let other = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
        let foreign = argon2::PasswordHasher::hash_password(&other, b"legacy password")
            .expect("hashes")
            .to_string();
        assert_eq!(
            verify_with(&mut memory, b"legacy password", &foreign),
            Some(true)
        );
        assert_eq!(
            verify_with(&mut memory, b"legacy passwore", &foreign),
            Some(false)
        );
        assert_eq!(verify_with(&mut memory, b"x", "$argon2id$garbage"), None);
    }

    #[tokio::test]
    async fn many_hashes_at_once_all_complete_on_a_small_pool() {
        let hasher = PasswordHasher::start(1).expect("threads start");
        let jobs: Vec<_> = (0..4)
            .map(|n| {
                let hasher = hasher.clone();
                tokio::spawn(async move { hasher.hash(&format!("password number {n}")).await })
            })
            .collect();
        for job in jobs {
            let hash = job.await.expect("joins").expect("hashes");
            assert!(hash.starts_with("$argon2id$"));
        }
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
