//! Remembered successes: a URL that checked fine is not requested again for
//! `cache_max_age`. Failures are never remembered, so a broken link is
//! rechecked on every run. The file is JSON, written atomically.
//!
//! Beside them, the papers arXiv, Crossref and OpenReview described, kept
//! for their own, longer age (`[metadata] cache_max_age`, 30 days): titles
//! rarely change, and a pull request's check then asks only about new ids.
//!
//! Each success records the network policy it was obtained under: a result
//! seen with private addresses allowed (say, a URL that redirected to an
//! internal host) is reused only by runs that allow them too, so a strict run
//! never trusts what only a permissive one could see.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::paper::{Paper, PaperId};

#[derive(Debug, Default, Serialize, Deserialize)]
struct CacheFile {
    version: u32,
    /// Key (`"pdf https://..."`) → when and how it last checked fine.
    ok: HashMap<String, Success>,
    /// Paper id (`"arxiv:2403.07636"`) → what its service said, and when.
    #[serde(default)]
    papers: HashMap<String, Described>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Described {
    at: u64,
    private: bool,
    paper: Paper,
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
pub(crate) struct Cache {
    path: PathBuf,
    max_age: Duration,
    /// The policy of this run.
    allow_private: bool,
    ok: HashMap<String, Success>,
    paper_max_age: Duration,
    papers: HashMap<String, Described>,
}

impl Cache {
    /// Loads a cache file. A missing file is an empty cache; an unreadable or
    /// corrupt one is an empty cache and a warning, never an error.
    pub(crate) fn load(
        path: &Path,
        max_age: Duration,
        allow_private: bool,
    ) -> (Self, Option<String>) {
        let mut cache = Self {
            path: path.to_path_buf(),
            max_age,
            allow_private,
            ok: HashMap::new(),
            paper_max_age: max_age,
            papers: HashMap::new(),
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
                    .filter(|(_, success)| fresh(success.at, now, cache.max_age))
                    .collect();
                cache.papers = file.papers;
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

    /// Keeps papers described within `max_age` (the metadata's own age,
    /// longer than the links'); the rest are asked about again.
    pub(crate) fn with_paper_max_age(mut self, max_age: Duration) -> Self {
        self.paper_max_age = max_age;
        self
    }

    /// Whether `key` checked fine recently under this run's policy or a
    /// stricter one.
    pub(crate) fn is_ok(&self, key: &str) -> bool {
        self.ok.get(key).is_some_and(|success| {
            fresh(success.at, now(), self.max_age) && (self.allow_private || !success.private)
        })
    }

    /// What a service said about a paper, recently and under this run's
    /// policy or a stricter one.
    pub(crate) fn paper(&self, id: &PaperId) -> Option<&Paper> {
        self.papers
            .get(&id.cache_key())
            .filter(|d| {
                fresh(d.at, now(), self.paper_max_age) && (self.allow_private || !d.private)
            })
            .map(|d| &d.paper)
    }

    pub(crate) fn remember_paper(&mut self, id: &PaperId, paper: Paper) {
        let described = Described {
            at: now(),
            private: self.allow_private,
            paper,
        };
        self.papers.insert(id.cache_key(), described);
    }

    pub(crate) fn remember_ok(&mut self, key: String) {
        let success = Success {
            at: now(),
            private: self.allow_private,
        };
        self.ok.insert(key, success);
    }

    /// Writes the cache: to a temporary file beside it, then renamed over it,
    /// so a crash or a concurrent run never leaves half a file.
    pub(crate) fn save(&self) -> std::io::Result<()> {
        let file = CacheFile {
            version: VERSION,
            ok: self.ok.clone(),
            papers: self
                .papers
                .iter()
                .filter(|(_, d)| fresh(d.at, now(), self.paper_max_age))
                .map(|(k, d)| (k.clone(), d.clone()))
                .collect(),
        };
        let json = serde_json::to_vec(&file).map_err(std::io::Error::other)?;
        crate::fix::write::replace_file(&self.path, &json, None)
    }
}

fn fresh(at: u64, now: u64, max_age: Duration) -> bool {
    now.saturating_sub(at) < max_age.as_secs() && at <= now
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

    #[test]
    fn papers_keep_for_their_own_age() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache.json");
        let id = PaperId::Arxiv("2403.07636".into());
        let paper = Paper {
            title: "T".into(),
            year: Some(2024),
            version: Some(2),
            ..Paper::default()
        };
        let (cache, _) = Cache::load(&path, Duration::ZERO, false);
        let mut cache = cache.with_paper_max_age(Duration::from_secs(60));
        cache.remember_paper(&id, paper.clone());
        cache.save().unwrap();
        // Links expire at once here; papers do not.
        let (cache, _) = Cache::load(&path, Duration::ZERO, false);
        let cache = cache.with_paper_max_age(Duration::from_secs(60));
        assert_eq!(cache.paper(&id), Some(&paper));
        let (expired, _) = Cache::load(&path, Duration::from_secs(60), false);
        assert_eq!(expired.with_paper_max_age(Duration::ZERO).paper(&id), None);
        // A permissive run's papers do not serve a strict run.
        let (permissive, _) = Cache::load(&path, Duration::ZERO, true);
        let mut permissive = permissive.with_paper_max_age(Duration::from_secs(60));
        let other = PaperId::Doi("10.1/x".into());
        permissive.remember_paper(&other, paper.clone());
        permissive.save().unwrap();
        let (strict, _) = Cache::load(&path, Duration::ZERO, false);
        let strict = strict.with_paper_max_age(Duration::from_secs(60));
        assert_eq!(strict.paper(&other), None);
        assert_eq!(strict.paper(&id), Some(&paper));
    }
}
