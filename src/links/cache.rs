//! Remembered successes: a URL that checked fine is not requested again for
//! `cache_max_age`. Failures are never remembered, so a broken link is
//! rechecked on every run. The file is JSON, written atomically.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

#[derive(Debug, Default, Serialize, Deserialize)]
struct CacheFile {
    version: u32,
    /// Key (`"pdf https://..."`) → when it last checked fine, in Unix seconds.
    ok: HashMap<String, u64>,
}

const VERSION: u32 = 1;

/// The link cache of one run.
#[derive(Debug)]
pub struct Cache {
    path: PathBuf,
    max_age: Duration,
    ok: HashMap<String, u64>,
}

impl Cache {
    /// Loads a cache file. A missing file is an empty cache; an unreadable or
    /// corrupt one is an empty cache and a warning, never an error.
    pub fn load(path: &Path, max_age: Duration) -> (Self, Option<String>) {
        let mut cache = Self {
            path: path.to_path_buf(),
            max_age,
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
        match serde_json::from_str::<CacheFile>(&text) {
            Ok(file) if file.version == VERSION => {
                let now = now();
                cache.ok = file
                    .ok
                    .into_iter()
                    .filter(|(_, at)| cache.is_fresh(*at, now))
                    .collect();
                (cache, None)
            }
            Ok(_) => (cache, None),
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

    pub fn is_ok(&self, key: &str) -> bool {
        self.ok.get(key).is_some_and(|&at| self.is_fresh(at, now()))
    }

    pub fn remember_ok(&mut self, key: String) {
        self.ok.insert(key, now());
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
        let (mut cache, warning) = Cache::load(&path, Duration::from_secs(60));
        assert!(warning.is_none());
        assert!(!cache.is_ok("pdf https://a"));
        cache.remember_ok("pdf https://a".into());
        cache.save().unwrap();
        let (cache, _) = Cache::load(&path, Duration::from_secs(60));
        assert!(cache.is_ok("pdf https://a"));
        // Expired entries are forgotten.
        let (cache, _) = Cache::load(&path, Duration::ZERO);
        assert!(!cache.is_ok("pdf https://a"));
        // A corrupt file is a warning and an empty cache.
        std::fs::write(&path, "{not json").unwrap();
        let (cache, warning) = Cache::load(&path, Duration::from_secs(60));
        assert!(warning.unwrap().contains("corrupt"));
        assert!(!cache.is_ok("pdf https://a"));
        // Only the cache file itself remains: the temporary was renamed.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
