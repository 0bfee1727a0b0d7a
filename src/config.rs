//! `.awesome-lint.toml` → [`Settings`]: defaults applied, unknown keys and bad
//! values rejected with a diagnostic that points into the config file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use miette::{NamedSource, SourceSpan};
use regex::Regex;
use serde::Deserialize;
use toml::Spanned;

use crate::document::{Known, Shape};
use crate::label::Labels;
use crate::rule::Severity;
use crate::rule::{RULES, Rule};
use crate::url::Hosts;
use crate::venue::Venues;
use crate::vocabulary::{HostTable, LabelTable, VenueTable, VocabularyError};

pub(crate) const CONFIG_FILE: &str = ".awesome-lint.toml";
pub(crate) const DEFAULT_CACHE_FILE: &str = ".awesome-lint-cache.json";

/// A rule's severity as the config sets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Level {
    Off,
    Warning,
    Error,
}

impl From<Severity> for Level {
    fn from(severity: Severity) -> Self {
        match severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
        }
    }
}

/// Which way the years of a run of year sections go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Detected per run.
    #[default]
    Auto,
    /// Oldest first.
    Ascending,
    /// Newest first.
    Descending,
}

/// Everything a lint run needs to know, defaults applied.
#[derive(Debug, Clone)]
pub struct Settings {
    levels: [Option<Level>; RULES.len()],
    pub direction: Direction,
    /// The venues, link labels and hosts: built in, with the config's own
    /// (shared with the built-in tables until a config adds to them).
    pub venues: Arc<Venues>,
    pub labels: Arc<Labels>,
    pub hosts: Arc<Hosts>,
    /// Link categories (`paper`, `code`) or labels every entry must have.
    pub required: Vec<String>,
    /// Whether `required` was set in the config (rather than left at its
    /// default): a declared requirement holds for every entry.
    pub required_declared: bool,
    /// The shape the config declares for entries (`[entry] shape`).
    pub shape: Option<Shape>,
    /// Whether the same paper under two topic sections is a duplicate
    /// (`[entry] duplicates_across_sections`; by default cross-listing).
    pub duplicates_across_sections: bool,
    pub links: LinkSettings,
    pub metadata: MetadataSettings,
    /// The config file these settings came from.
    pub path: Option<PathBuf>,
}

/// The `[links]` section.
#[derive(Debug, Clone)]
pub struct LinkSettings {
    pub timeout: Duration,
    pub max_concurrency: usize,
    pub host_concurrency: usize,
    pub max_retries: u32,
    pub exclude: Vec<Regex>,
    pub cache: PathBuf,
    pub cache_max_age: Duration,
    /// Status codes that count as alive besides 2xx.
    pub accept: Option<crate::link::Accept>,
    pub user_agent: Option<String>,
    /// The least time between two requests to one host.
    pub host_interval: Duration,
}

impl Default for LinkSettings {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(20),
            max_concurrency: 64,
            host_concurrency: 8,
            max_retries: 2,
            exclude: Vec::new(),
            cache: PathBuf::from(DEFAULT_CACHE_FILE),
            cache_max_age: Duration::from_secs(24 * 60 * 60),
            accept: None,
            user_agent: None,
            host_interval: Duration::ZERO,
        }
    }
}

/// The `[metadata]` section: paper metadata for `title-mismatch` and the
/// batched arXiv checks.
#[derive(Debug, Clone)]
pub struct MetadataSettings {
    /// Sent to Crossref as `mailto` (its polite pool).
    pub contact: Option<String>,
    pub cache_max_age: Duration,
}

impl Default for MetadataSettings {
    fn default() -> Self {
        Self {
            contact: None,
            cache_max_age: Duration::from_secs(30 * 24 * 60 * 60),
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            levels: [None; RULES.len()],
            direction: Direction::Auto,
            venues: Arc::clone(Venues::builtin_shared()),
            labels: Arc::clone(Labels::builtin()),
            hosts: Arc::clone(Hosts::builtin()),
            required: vec!["paper".to_owned()],
            required_declared: false,
            shape: None,
            duplicates_across_sections: false,
            links: LinkSettings::default(),
            metadata: MetadataSettings::default(),
            path: None,
        }
    }
}

impl Settings {
    /// The default settings with every rule but `rule` off: a rule alone,
    /// as its fixtures and documented examples run it.
    pub fn with_only(rule: Rule) -> Self {
        let mut settings = Self::default();
        for other in Rule::all().filter(|&other| other != rule) {
            settings.set_level(other, Level::Off);
        }
        // A rule off by default runs at its own severity when it is the one asked for.
        if !rule.info().enabled {
            settings.set_level(rule, Level::from(rule.info().severity));
        }
        settings
    }

    /// Whether the rule runs: as the config sets it, else as the default rule set has it.
    pub(crate) fn is_enabled(&self, rule: Rule) -> bool {
        match self.levels[rule as usize] {
            None => rule.info().enabled,
            Some(level) => level != Level::Off,
        }
    }

    /// The severity a finding of `rule` is reported with, or `None` when the rule is off.
    pub fn severity(&self, rule: Rule, default: Severity) -> Option<Severity> {
        match self.levels[rule as usize] {
            None => rule.info().enabled.then_some(default),
            Some(Level::Off) => None,
            Some(Level::Warning) => Some(Severity::Warning),
            Some(Level::Error) => Some(Severity::Error),
        }
    }

    /// `--select`: the rule runs; at its default severity unless already on.
    pub(crate) fn select(&mut self, rule: Rule) {
        if !self.is_enabled(rule) {
            self.set_level(rule, Level::from(rule.info().severity));
        }
    }

    /// `--ignore`: the rule does not run.
    pub(crate) fn ignore(&mut self, rule: Rule) {
        self.set_level(rule, Level::Off);
    }

    pub(crate) fn set_level(&mut self, rule: Rule, level: Level) {
        self.levels[rule as usize] = Some(level);
    }

    /// Whether a label is in a category, built in or added by the config.
    pub(crate) fn is_known_label(&self, label: &str) -> bool {
        self.labels.is_known(label)
    }

    /// What the words of a list mean under these settings.
    pub fn known(&self) -> Known<'_> {
        Known {
            venues: &self.venues,
            labels: &self.labels,
            hosts: &self.hosts,
        }
    }

    /// How documents are parsed under these settings.
    pub(crate) fn parse_options(&self) -> crate::document::ParseOptions<'_> {
        crate::document::ParseOptions {
            known: self.known(),
            shape: self.shape.as_ref(),
        }
    }

    /// Reads and validates a config file.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Self::from_toml(&text, path)
    }

    /// Parses config text; `path` names it in errors and anchors relative paths.
    pub(crate) fn from_toml(text: &str, path: &Path) -> Result<Self, ConfigError> {
        let invalid =
            |span: std::ops::Range<usize>, message: String, label: &str, help: Option<String>| {
                ConfigError::Invalid(Box::new(InvalidConfig {
                    message,
                    src: NamedSource::new(path.display().to_string(), text.to_owned()),
                    span: span.into(),
                    label: label.to_owned(),
                    help,
                }))
            };
        let raw: RawConfig = toml::from_str(text).map_err(|err| {
            let span = err.span().unwrap_or(0..0);
            invalid(
                span,
                format!("invalid config: {}", err.message()),
                "here",
                None,
            )
        })?;

        let mut settings = Settings {
            path: Some(path.to_path_buf()),
            ..Settings::default()
        };
        for (name, level) in raw.rules {
            let Ok(rule) = name.get_ref().parse::<Rule>() else {
                let help = Rule::suggest(name.get_ref()).map(|s| format!("did you mean `{s}`?"));
                return Err(invalid(
                    name.span(),
                    format!("unknown rule `{}` in [rules]", name.get_ref()),
                    "unknown rule",
                    help.or_else(|| Some("`awesome-lint rules` lists the rule names".into())),
                ));
            };
            settings.set_level(rule, level);
        }
        settings.direction = raw.order.direction;

        // The config's vocabulary, added to the built-in one as the
        // built-in one was made: one function per table.
        let vocabulary_error = |errors: Vec<VocabularyError>| {
            let first = errors.into_iter().next();
            let VocabularyError {
                span,
                message,
                label,
                help,
            } = first.unwrap_or(VocabularyError {
                span: 0..0,
                message: "invalid vocabulary".into(),
                label: "here",
                help: None,
            });
            invalid(span, message, label, help)
        };
        if !raw.venues.is_empty() {
            Arc::make_mut(&mut settings.venues)
                .add(&raw.venues)
                .map_err(vocabulary_error)?;
        }
        if let Some(labels) = &raw.entry.labels {
            Arc::make_mut(&mut settings.labels)
                .add(labels)
                .map_err(vocabulary_error)?;
        }
        if !raw.hosts.is_empty() {
            Arc::make_mut(&mut settings.hosts).add(&raw.hosts);
        }
        if let Some(required) = raw.entry.required {
            settings.required.clear();
            settings.required_declared = true;
            for label in required {
                let name = crate::label::normalize(label.get_ref());
                if !crate::label::CATEGORIES.contains(&name.as_str())
                    && !settings.is_known_label(&name)
                {
                    return Err(invalid(
                        label.span(),
                        format!(
                            "required `{}` is neither a link category nor a known label",
                            label.get_ref()
                        ),
                        "not a category or label",
                        Some(format!(
                            "categories are {}; add a label of your own to `labels` first",
                            crate::label::CATEGORIES.join(", ")
                        )),
                    ));
                }
                settings.required.push(name);
            }
        }
        if let Some(across) = raw.entry.duplicates_across_sections {
            settings.duplicates_across_sections = across;
        }
        if let Some(shape) = &raw.entry.shape {
            match Shape::from_template(shape.get_ref(), settings.known()) {
                Ok(parsed) => settings.shape = Some(parsed),
                Err(err) => {
                    return Err(invalid(
                        shape.span(),
                        format!("invalid shape in [entry]: {err}"),
                        "here",
                        Some(
                            "a shape is an entry written with placeholders, e.g. \
                             \"[**{venue} {year}**] {title} {links}\"; the README lists them"
                                .into(),
                        ),
                    ));
                }
            }
        }

        let links = raw.links;
        // The network policy is the runner's to set, not the list's: a pull
        // request can edit this file, and with private addresses allowed it
        // could make a self-hosted runner probe its own network.
        if let Some(value) = &links.allow_private {
            return Err(invalid(
                value.span(),
                "`allow_private` cannot be set in the config file".into(),
                "not allowed here",
                Some(
                    "a pull request can edit the config, so the network policy is command-line \
                     only: pass --allow-private where you run the check"
                        .into(),
                ),
            ));
        }
        // Headers may carry credentials, and every linked host receives
        // them: a pull request could add the links. Command line only.
        if let Some(value) = &links.headers {
            return Err(invalid(
                value.span(),
                "`headers` cannot be set in the config file".into(),
                "not allowed here",
                Some(
                    "headers go to every linked host, and a pull request can edit the config \
                     and the links: pass --header (or AWESOME_LINT_HEADERS) where you run the check"
                        .into(),
                ),
            ));
        }
        let base = path.parent().unwrap_or(Path::new(""));
        let defaults = LinkSettings::default();
        settings.links = LinkSettings {
            timeout: match links.timeout {
                Some(value) => positive_duration(&value)
                    .map_err(|msg| invalid(value.span(), msg, "here", None))?,
                None => defaults.timeout,
            },
            max_concurrency: within(
                links.max_concurrency,
                defaults.max_concurrency,
                MAX_CONCURRENCY,
            )
            .map_err(|span| {
                invalid(
                    span,
                    format!("max_concurrency must be between 1 and {MAX_CONCURRENCY}"),
                    "here",
                    None,
                )
            })?,
            host_concurrency: within(
                links.host_concurrency,
                defaults.host_concurrency,
                MAX_CONCURRENCY,
            )
            .map_err(|span| {
                invalid(
                    span,
                    format!("host_concurrency must be between 1 and {MAX_CONCURRENCY}"),
                    "here",
                    None,
                )
            })?,
            max_retries: links.max_retries.unwrap_or(defaults.max_retries),
            exclude: links
                .exclude
                .iter()
                .map(|pattern| {
                    Regex::new(pattern.get_ref()).map_err(|err| {
                        invalid(
                            pattern.span(),
                            format!("invalid regex in [links] exclude: {err}"),
                            "here",
                            None,
                        )
                    })
                })
                .collect::<Result<_, _>>()?,
            cache: base.join(match &links.cache {
                Some(cache) => inside_repository(cache)
                    .map_err(|msg| invalid(cache.span(), msg, "here", None))?,
                None => Path::new(DEFAULT_CACHE_FILE),
            }),
            cache_max_age: match links.cache_max_age {
                Some(value) => {
                    duration(&value).map_err(|msg| invalid(value.span(), msg, "here", None))?
                }
                None => defaults.cache_max_age,
            },
            accept: match links.accept {
                Some(value) => Some(value.get_ref().to_accept().map_err(|msg| {
                    invalid(
                        value.span(),
                        format!("invalid `accept`: {msg}"),
                        "here",
                        None,
                    )
                })?),
                None => None,
            },
            user_agent: match links.user_agent {
                Some(ua) => {
                    reqwest::header::HeaderValue::from_str(ua.get_ref()).map_err(|_| {
                        invalid(
                            ua.span(),
                            "`user_agent` has characters a header cannot carry".into(),
                            "here",
                            None,
                        )
                    })?;
                    Some(ua.into_inner())
                }
                None => None,
            },
            host_interval: match links.host_interval {
                Some(value) => {
                    duration(&value).map_err(|msg| invalid(value.span(), msg, "here", None))?
                }
                None => defaults.host_interval,
            },
        };
        let metadata = raw.metadata;
        settings.metadata = MetadataSettings {
            contact: match metadata.contact {
                Some(contact)
                    if contact.get_ref().contains('@')
                        && !contact.get_ref().contains(char::is_whitespace) =>
                {
                    Some(contact.into_inner())
                }
                Some(contact) => {
                    return Err(invalid(
                        contact.span(),
                        "`contact` must be an email address".into(),
                        "here",
                        Some("Crossref gets it as `mailto`, to reach you if the checks cause trouble".into()),
                    ));
                }
                None => None,
            },
            cache_max_age: match metadata.cache_max_age {
                Some(value) => {
                    duration(&value).map_err(|msg| invalid(value.span(), msg, "here", None))?
                }
                None => MetadataSettings::default().cache_max_age,
            },
        };
        Ok(settings)
    }
}

/// Finds the nearest config upward from a file, stopping at the repository root.
pub(crate) fn discover(file: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(file).ok()?;
    let mut dir = absolute.parent();
    while let Some(current) = dir {
        let candidate = current.join(CONFIG_FILE);
        if candidate.is_file() {
            return Some(candidate);
        }
        if current.join(".git").exists() {
            return None;
        }
        dir = current.parent();
    }
    None
}

/// A config that could not be used.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum ConfigError {
    #[error("cannot read config `{path}`: {source}")]
    #[diagnostic(code(config))]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    #[diagnostic(transparent)]
    Invalid(Box<InvalidConfig>),
}

/// A config file that parsed but says something wrong, with the place it says it.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("{message}")]
#[diagnostic(code(config))]
pub struct InvalidConfig {
    pub message: String,
    #[source_code]
    pub src: NamedSource<String>,
    #[label("{label}")]
    pub span: SourceSpan,
    pub label: String,
    #[help]
    pub help: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Level>,
    #[serde(default)]
    order: RawOrder,
    #[serde(default)]
    venues: VenueTable,
    #[serde(default)]
    hosts: HostTable,
    #[serde(default)]
    entry: RawEntry,
    #[serde(default)]
    links: RawLinks,
    #[serde(default)]
    metadata: RawMetadata,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawMetadata {
    contact: Option<Spanned<String>>,
    cache_max_age: Option<Spanned<DurationValue>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawOrder {
    #[serde(default)]
    direction: Direction,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    labels: Option<LabelTable>,
    required: Option<Vec<Spanned<String>>>,
    shape: Option<Spanned<String>>,
    duplicates_across_sections: Option<bool>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawLinks {
    timeout: Option<Spanned<DurationValue>>,
    max_concurrency: Option<Spanned<usize>>,
    host_concurrency: Option<Spanned<usize>>,
    max_retries: Option<u32>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    /// Refused: read only to say why (see `Settings::from_raw`).
    allow_private: Option<Spanned<toml::Value>>,
    cache: Option<Spanned<String>>,
    cache_max_age: Option<Spanned<DurationValue>>,
    accept: Option<Spanned<AcceptValue>>,
    user_agent: Option<Spanned<String>>,
    host_interval: Option<Spanned<DurationValue>>,
    /// Refused: read only to say why (see `Settings::from_raw`).
    headers: Option<Spanned<toml::Value>>,
}

/// `accept = "200..=299,403"` or `accept = [200, 403]`.
#[derive(Deserialize)]
#[serde(untagged)]
enum AcceptValue {
    Text(String),
    Codes(Vec<u16>),
}

impl AcceptValue {
    fn to_accept(&self) -> Result<crate::link::Accept, String> {
        match self {
            AcceptValue::Text(text) => crate::link::Accept::parse(text),
            AcceptValue::Codes(codes) => crate::link::Accept::parse(
                &codes
                    .iter()
                    .map(u16::to_string)
                    .collect::<Vec<_>>()
                    .join(","),
            ),
        }
    }
}

/// Seconds as a number, or a string with a unit (`"30s"`, `"10m"`, `"2h"`, `"1d"`, `"1w"`).
#[derive(Deserialize)]
#[serde(untagged)]
enum DurationValue {
    Seconds(u64),
    Fractional(f64),
    Text(String),
}

/// A config path must stay inside the config's directory: a config comes
/// with the repository (a pull request can change it), so it may not point
/// the tool's writes elsewhere.
fn inside_repository(path: &Spanned<String>) -> Result<&Path, String> {
    let path = Path::new(path.get_ref().as_str());
    let escapes = path.is_absolute()
        || path.components().any(|c| {
            matches!(
                c,
                std::path::Component::ParentDir | std::path::Component::Prefix(_)
            )
        });
    if escapes {
        Err("the cache must be a path inside the config's directory (no `..`, not absolute); use --cache for others".into())
    } else {
        Ok(path)
    }
}

/// More requests in flight than this is a typo, not a setting.
pub(crate) const MAX_CONCURRENCY: usize = 4096;

fn within(
    value: Option<Spanned<usize>>,
    default: usize,
    max: usize,
) -> Result<usize, std::ops::Range<usize>> {
    match value {
        None => Ok(default),
        Some(v) if (1..=max).contains(v.get_ref()) => Ok(*v.get_ref()),
        Some(v) => Err(v.span()),
    }
}

fn positive_duration(value: &Spanned<DurationValue>) -> Result<Duration, String> {
    match duration(value)? {
        d if d.is_zero() => Err("a timeout must be more than zero".into()),
        d => Ok(d),
    }
}

fn duration(value: &Spanned<DurationValue>) -> Result<Duration, String> {
    match value.get_ref() {
        DurationValue::Seconds(secs) => Ok(Duration::from_secs(*secs)),
        DurationValue::Fractional(secs) if secs.is_finite() && *secs >= 0.0 => {
            Duration::try_from_secs_f64(*secs).map_err(|_| format!("{secs} seconds is too long"))
        }
        DurationValue::Fractional(_) => {
            Err("a duration must be a non-negative number of seconds".into())
        }
        DurationValue::Text(text) => parse_duration(text),
    }
}

/// Parses `"90"`, `"250ms"`, `"30s"`, `"10m"`, `"2h"`, `"1d"`, `"1w"`.
pub(crate) fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let unit = &text[digits.len()..];
    let value: u64 = digits.trim().parse().map_err(|_| {
        format!("invalid duration `{text}`: expected a number and a unit, like \"1d\"")
    })?;
    if unit == "ms" {
        return Ok(Duration::from_millis(value));
    }
    let seconds = match unit {
        "" | "s" => 1,
        "m" => 60,
        "h" => 60 * 60,
        "d" => 24 * 60 * 60,
        "w" => 7 * 24 * 60 * 60,
        _ => {
            return Err(format!(
                "invalid duration unit `{unit}` in `{text}`: use ms, s, m, h, d or w"
            ));
        }
    };
    value
        .checked_mul(seconds)
        .map(Duration::from_secs)
        .ok_or_else(|| format!("duration `{text}` is too long"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Settings, ConfigError> {
        Settings::from_toml(text, Path::new("dir/.awesome-lint.toml"))
    }

    fn error_at(text: &str) -> (String, usize) {
        match load(text).unwrap_err() {
            ConfigError::Invalid(invalid) => (invalid.message, invalid.span.offset()),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn the_contract_example_loads() {
        let settings = load(
            r#"
[rules]
name-mismatch = "off"
[order]
direction = "descending"
[venues]
known = ["MLHC2"]
aliases = { "Nature Com" = "Nature Communications" }
[entry]
labels = ["pdf", "code", "project", "data", "demo", "video"]
required = ["pdf"]
[links]
timeout = 20
max_concurrency = 64
host_concurrency = 8
max_retries = 2
exclude = ["^https://visitor-badge"]
cache = ".awesome-lint-cache.json"
cache_max_age = "1d"
[metadata]
contact = "maintainer@example.org"
cache_max_age = "30d"
"#,
        )
        .unwrap();
        assert_eq!(
            settings.metadata.contact.as_deref(),
            Some("maintainer@example.org")
        );
        assert_eq!(
            settings.metadata.cache_max_age,
            Duration::from_secs(30 * 86_400)
        );
        assert!(!settings.is_enabled(Rule::NameMismatch));
        assert_eq!(settings.direction, Direction::Descending);
        assert_eq!(
            settings.venues.check("MLHC2"),
            crate::venue::VenueCheck::Known
        );
        assert_eq!(
            settings.links.cache,
            Path::new("dir/.awesome-lint-cache.json")
        );
        assert_eq!(settings.links.cache_max_age, Duration::from_secs(86_400));
        // Labels the built-in table knows keep their category.
        assert_eq!(settings.labels.kind("pdf"), crate::label::LabelKind::Pdf);
        assert!(settings.is_known_label("demo"));
    }

    #[test]
    fn a_list_adds_venues_labels_and_hosts_of_its_own() {
        let settings = load(
            r#"
[venues]
known = ["UrbComp"]
preprints = ["Zenodo"]
variants = { "Urban Computing" = "UrbComp" }
aliases = { "UrbanComp" = "UrbComp" }
[entry]
labels = { code = ["implementation-jax"], media = ["recording"] }
[hosts]
code = ["git.lab.example.edu"]
"#,
        )
        .unwrap();
        use crate::venue::VenueCheck;
        assert_eq!(settings.venues.check("UrbComp"), VenueCheck::Known);
        assert_eq!(settings.venues.check("Urban Computing"), VenueCheck::Known);
        assert_eq!(
            settings.venues.check("UrbanComp"),
            VenueCheck::Alias {
                canonical: "UrbComp".into()
            }
        );
        assert!(settings.venues.preprints().contains(&"zenodo".to_owned()));
        assert_eq!(
            settings.labels.kind("Implementation-JAX"),
            crate::label::LabelKind::Code
        );
        assert_eq!(
            settings.labels.kind("recording"),
            crate::label::LabelKind::Media
        );
        assert_eq!(
            settings.hosts.kind("git.lab.example.edu"),
            crate::url::HostKind::Code
        );
        // The built-in vocabulary is still there.
        assert_eq!(settings.venues.check("CVPR"), VenueCheck::Known);
        assert_eq!(
            settings.hosts.kind("github.com"),
            crate::url::HostKind::Code
        );
    }

    #[test]
    fn link_policy_from_the_config() {
        let text = "[links]\naccept = [403, 418]\nuser_agent = \"paper-bot/1.0\"\nhost_interval = \"250ms\"\n";
        let settings = load(text).unwrap();
        let accept = settings.links.accept.as_ref().unwrap();
        assert!(accept.contains(403) && accept.contains(418) && !accept.contains(404));
        assert_eq!(settings.links.user_agent.as_deref(), Some("paper-bot/1.0"));
        assert_eq!(settings.links.host_interval, Duration::from_millis(250));
        let text = "[links]\naccept = \"200..=299,403\"\n";
        assert!(load(text).unwrap().links.accept.unwrap().contains(403));
    }

    #[test]
    fn a_vocabulary_that_cannot_be_taken_points_at_the_name() {
        let text = "[venues]\nvariants = { \"Urb\" = \"UrbCompp\" }\n";
        let (message, offset) = error_at(text);
        assert_eq!(
            message,
            "variant `Urb` points at `UrbCompp`, which is not a known venue"
        );
        assert_eq!(offset, text.find("\"UrbCompp\"").unwrap());
        let text = "[entry]\nlabels = { slides = [\"deck\"] }\n";
        let (message, offset) = error_at(text);
        assert_eq!(message, "unknown link category `slides`");
        assert_eq!(offset, text.find("slides").unwrap());
    }

    #[test]
    fn unknown_keys_and_bad_values_point_at_the_line() {
        let text = "[rules]\nyear-sections = \"off\"\n";
        let (message, offset) = error_at(text);
        assert!(
            message.contains("unknown rule `year-sections`"),
            "{message}"
        );
        assert_eq!(offset, text.find("year-sections").unwrap());

        let text = "[rules]\nspacing = \"loud\"\n";
        let (message, offset) = error_at(text);
        assert!(message.contains("loud"), "{message}");
        assert_eq!(offset, text.find("\"loud\"").unwrap());

        let text = "[order]\ndirection = \"up\"\n";
        assert_eq!(error_at(text).1, text.find("\"up\"").unwrap());

        let text = "[entry]\nlabel = []\n";
        let (message, offset) = error_at(text);
        assert!(message.contains("unknown field `label`"), "{message}");
        assert_eq!(offset, text.find("label").unwrap());

        let text = "[links]\ncache_max_age = \"1y\"\n";
        assert_eq!(error_at(text).1, text.find("\"1y\"").unwrap());

        let text = "[links]\nexclude = [\"(\"]\n";
        assert_eq!(error_at(text).1, text.find("\"(\"").unwrap());

        let text = "[venues]\naliases = { X = \"Natur\" }\n";
        assert_eq!(error_at(text).1, text.find("\"Natur\"").unwrap());

        let text = "[entry]\nlabels = [\"pdf\"]\nrequired = [\"cdoe\"]\n";
        assert_eq!(error_at(text).1, text.find("\"cdoe\"").unwrap());

        let text = "[entry]\nshape = \"{venue} {bogus}\"\n";
        let (message, offset) = error_at(text);
        assert!(message.contains("bogus"), "{message}");
        assert_eq!(offset, text.find("\"{venue").unwrap());

        // A config may not send the cache, or the token, elsewhere.
        let text = "[links]\ncache = \"../../elsewhere.json\"\n";
        assert_eq!(error_at(text).1, text.find("\"../").unwrap());
        let text = "[links]\ncache = \"/tmp/cache.json\"\n";
        assert_eq!(error_at(text).1, text.find("\"/tmp").unwrap());
        let text = "[links]\ngithub_api = \"http://attacker.example/\"\n";
        assert!(error_at(text).0.contains("unknown field `github_api`"));
        // Nor widen the network policy.
        let text = "[links]\nallow_private = true\n";
        let (message, offset) = error_at(text);
        assert!(message.contains("allow_private"), "{message}");
        assert_eq!(offset, text.find("true").unwrap());
        // Nor send headers: every linked host would get them.
        let text = "[links]\nheaders = { Authorization = \"Bearer x\" }\n";
        let (message, offset) = error_at(text);
        assert!(message.contains("headers"), "{message}");
        assert_eq!(offset, text.find('{').unwrap());
        let text = "[links]\naccept = \"200..=299,999x\"\n";
        assert!(error_at(text).0.contains("invalid `accept`"));
        let text = "[links]\ntimeout = 1e300\n";
        assert_eq!(error_at(text).1, text.find("1e300").unwrap());

        let text = "[links]\nmax_concurrency = 0\n";
        assert_eq!(error_at(text).1, text.find('0').unwrap());
    }

    #[test]
    fn a_contact_must_be_an_address() {
        let text = "[metadata]\ncontact = \"maintainer\"\n";
        let (message, offset) = error_at(text);
        assert!(message.contains("email address"), "{message}");
        assert_eq!(offset, text.find("\"maintainer").unwrap());
        assert_eq!(
            load("").unwrap().metadata.cache_max_age,
            Duration::from_secs(30 * 86_400)
        );
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("90").unwrap(), Duration::from_secs(90));
        assert_eq!(parse_duration("2h").unwrap(), Duration::from_secs(7200));
        assert!(parse_duration("soon").is_err());
        assert!(parse_duration("1y").is_err());
    }
}
