//! Remembered successes: a URL that checked fine is not requested again for
//! `cache_max_age`. Failures are never remembered, so a broken link is
//! rechecked on every run. The file is JSON, written atomically.
//!
//! Each success records the network policy it was obtained under: a result
//! seen with private addresses allowed (say, a URL that redirected to an
//! internal host) is reused only by runs that allow them too, so a strict run
//! never trusts what only a permissive one could see.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

#[derive(Debug, Default, Serialize, Deserialize)]
struct CacheFile {
    version: u32,
    /// Key (`"pdf https://..."`) → when and how it last checked fine.
    ok: HashMap<String, Success>,
}

#[derive(Deserialize)]
struct Version {
    version: u32,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct Success {
    /// When, in Unix seconds.
    at: u64,
    /// Whether the run that saw it allowed private addresses.
    private: bool,
}

/// Version 1 kept no policy: its results are dropped, not trusted.
const VERSION: u32 = 2;

/// The link cache of one run.
#[derive(Debug)]
pub struct Cache {
    path: PathBuf,
    max_age: Duration,
    /// The policy of this run.
    allow_private: bool,
    ok: HashMap<String, Success>,
}

impl Cache {
    /// Loads a cache file. A missing file is an empty cache; an unreadable or
    /// corrupt one is an empty cache and a warning, never an error.
    pub fn load(path: &Path, max_age: Duration, allow_private: bool) -> (Self, Option<String>) {
        let mut cache = Self {
            path: path.to_path_buf(),
            max_age,
            allow_private,
            ok: HashMap::new(),
        };
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return (cache, None),
            Err(err) => {
                return (
                    cache,
                    Some(format!("ignoring link cache `{}`: {err}", path.display())),
                );
            }
        };
        // An older version is dropped quietly: it is not corrupt, only
        // written by an earlier awesome-lint.
        let version = serde_json::from_str::<Version>(&text).map(|v| v.version);
        if version.as_ref().is_ok_and(|&v| v != VERSION) {
            return (cache, None);
        }
        match serde_json::from_str::<CacheFile>(&text) {
            Ok(file) => {
                let now = now();
                cache.ok = file
                    .ok
                    .into_iter()
                    .filter(|(_, success)| cache.is_fresh(success.at, now))
                    .collect();
                (cache, None)
            }
            Err(err) => (
                cache,
                Some(format!(
                    "ignoring corrupt link cache `{}`: {err}",
                    path.display()
                )),
            ),
        }
    }

    fn is_fresh(&self, at: u64, now: u64) -> bool {
        now.saturating_sub(at) < self.max_age.as_secs() && at <= now
    }

    /// Whether `key` checked fine recently under this run's policy or a
    /// stricter one.
    pub fn is_ok(&self, key: &str) -> bool {
        self.ok.get(key).is_some_and(|success| {
            self.is_fresh(success.at, now()) && (self.allow_private || !success.private)
        })
    }

    pub fn remember_ok(&mut self, key: String) {
        let success = Success {
            at: now(),
            private: self.allow_private,
        };
        self.ok.insert(key, success);
    }

    /// Writes the cache: to a temporary file beside it, then renamed over it,
    /// so a crash or a concurrent run never leaves half a file.
    pub fn save(&self) -> std::io::Result<()> {
        let file = CacheFile {
            version: VERSION,
            ok: self.ok.clone(),
        };
        let json = serde_json::to_vec(&file).map_err(std::io::Error::other)?;
        crate::fix::write::replace_file(&self.path, &json, None)
    }
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_successes_and_survives_corruption() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache.json");
        let (mut cache, warning) = Cache::load(&path, Duration::from_secs(60), false);
        assert!(warning.is_none());
        assert!(!cache.is_ok("pdf https://a"));
        cache.remember_ok("pdf https://a".into());
        cache.save().unwrap();
        let (cache, _) = Cache::load(&path, Duration::from_secs(60), false);
        assert!(cache.is_ok("pdf https://a"));
        // Expired entries are forgotten.
        let (cache, _) = Cache::load(&path, Duration::ZERO, false);
        assert!(!cache.is_ok("pdf https://a"));
        // A corrupt file is a warning and an empty cache.
        std::fs::write(&path, "{not json").unwrap();
        let (cache, warning) = Cache::load(&path, Duration::from_secs(60), false);
        assert!(warning.unwrap().contains("corrupt"));
        assert!(!cache.is_ok("pdf https://a"));
        // Only the cache file itself remains: the temporary was renamed.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_permissive_result_is_reused_only_by_permissive_runs() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache.json");
        let (mut cache, _) = Cache::load(&path, Duration::from_secs(60), true);
        cache.remember_ok("pdf https://private".into());
        cache.save().unwrap();
        let (strict, _) = Cache::load(&path, Duration::from_secs(60), false);
        assert!(!strict.is_ok("pdf https://private"));
        let (permissive, _) = Cache::load(&path, Duration::from_secs(60), true);
        assert!(permissive.is_ok("pdf https://private"));

        // A strict result serves both.
        let (mut strict, _) = Cache::load(&path, Duration::from_secs(60), false);
        strict.remember_ok("pdf https://public".into());
        strict.save().unwrap();
        let (permissive, _) = Cache::load(&path, Duration::from_secs(60), true);
        assert!(permissive.is_ok("pdf https://public"));

        // A cache from before policies were recorded is not trusted.
        std::fs::write(&path, r#"{"version":1,"ok":{"pdf https://a":1}}"#).unwrap();
        let (cache, warning) = Cache::load(&path, Duration::from_secs(60), true);
        assert!(warning.is_none());
        assert!(!cache.is_ok("pdf https://a"));
    }
}
