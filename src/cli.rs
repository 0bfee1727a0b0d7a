//! The command line, as clap definitions only.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::report::ColorChoice;
use crate::rule::{RULES, Rule};

/// A linter and CI checker for awesome lists of research papers.
#[derive(Debug, Parser)]
#[command(
    name = "awesome-lint",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub lint: LintArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the parsed entries of a file.
    Entries(EntriesArgs),
    /// Infer a list's shape and vocabulary; write a commented .awesome-lint.toml beside it.
    Init(InitArgs),
    /// List the rules: name, default severity, fixable, summary.
    Rules,
    /// Add papers to the list, each written as the list writes its entries,
    /// in its section and place.
    Add(Box<AddArgs>),
    /// Print a rule's documentation.
    Explain {
        /// The rule's name, as `awesome-lint rules` lists it.
        rule: String,
    },
}

/// Whether a command-line word names one of the commands other than the
/// lint (`rules`, `explain`, `init`, `entries`, or clap's `help`).
pub fn is_subcommand(word: &str) -> bool {
    use clap::CommandFactory;
    word == "help"
        || Cli::command()
            .get_subcommands()
            .any(|command| command.get_name() == word)
}

/// Options of the lint command (the default command).
#[derive(Debug, Args, Default)]
pub struct LintArgs {
    /// Markdown files to lint: paths, or globs expanded by awesome-lint
    /// (`'**/*.md'`, honouring .gitignore), or `-` for stdin [default:
    /// README.md, its name in any case].
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// The path stdin (`-`) stands for: its name in reports, and where its
    /// config is looked for.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,

    /// No network: rules, and links into the repository (anchors, files); no web link checking.
    #[arg(long)]
    pub offline: bool,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Also write a report in FORMAT (json, sarif, markdown; `github-summary`
    /// is markdown) to PATH, from the same run (repeatable).
    #[arg(long, value_name = "FORMAT=PATH", value_parser = report_file)]
    pub output: Vec<ReportFile>,

    #[command(flatten)]
    pub config: ConfigArgs,

    /// Color output: auto honours NO_COLOR, CLICOLOR and FORCE_COLOR.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Exit 1 on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,

    /// Apply safe fixes in place, then report what is left.
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,

    /// With --fix or --diff: unsafe fixes too (moving entries and sections).
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// Print the unified diff --fix would apply; change nothing. Exit 1 if
    /// there is a diff.
    #[arg(long)]
    pub diff: bool,

    /// Report only findings on lines changed since this git revision (working
    /// tree against it), and check only the links on those lines.
    #[arg(long, value_name = "REF")]
    pub changed_since: Option<String>,

    /// Findings only: no summary line, no progress bar.
    #[arg(short, long)]
    pub quiet: bool,

    /// One line per rule with its count, instead of the findings (text and
    /// concise output).
    #[arg(long)]
    pub statistics: bool,

    /// Rules to add to the default set for this run, comma-separated
    /// (`--select whitespace`); each at its default severity.
    #[arg(long, value_name = "RULES", value_delimiter = ',', value_parser = rule_name)]
    pub select: Vec<Rule>,

    /// Rules to take from the set for this run, comma-separated.
    #[arg(long, value_name = "RULES", value_delimiter = ',', value_parser = rule_name)]
    pub ignore: Vec<Rule>,

    #[command(flatten)]
    pub links: LinkArgs,
}

/// Link checking options; each overrides the config's `[links]` value.
#[derive(Debug, Args, Default, Clone)]
#[command(next_help_heading = "Link checking")]
pub struct LinkArgs {
    /// Per-request timeout in seconds [config default: 20].
    #[arg(long, value_name = "SECS", value_parser = positive_seconds)]
    pub timeout: Option<f64>,

    /// Requests in flight in total [config default: 64].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=4096))]
    pub max_concurrency: Option<u32>,

    /// Requests in flight per host [config default: 8].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=4096))]
    pub host_concurrency: Option<u32>,

    /// Retries for 429, 5xx, timeouts and resets [config default: 2].
    #[arg(long, value_name = "N")]
    pub max_retries: Option<u32>,

    /// Allow requests to loopback, private, link-local and other non-public addresses.
    #[arg(long)]
    pub allow_private: bool,

    /// Link-result cache file [default: .awesome-lint-cache.json beside the config].
    #[arg(long, value_name = "PATH", conflicts_with = "no_cache")]
    pub cache: Option<PathBuf>,

    /// Neither read nor write the link cache.
    #[arg(long)]
    pub no_cache: bool,

    /// Check github.com repositories through the GitHub API with this token
    /// (sent to the API host only, never printed).
    #[arg(
        long,
        value_name = "TOKEN",
        env = "GITHUB_TOKEN",
        hide_env_values = true
    )]
    pub github_token: Option<String>,

    /// Base URL of the GitHub REST API [default: https://api.github.com/].
    #[arg(long, value_name = "URL", hide = true)]
    pub github_api_url: Option<String>,

    /// Base URL of the arXiv API [default: https://export.arxiv.org/api/].
    #[arg(long, value_name = "URL", hide = true)]
    pub arxiv_api_url: Option<String>,

    /// Base URL of the Crossref API [default: https://api.crossref.org/].
    #[arg(long, value_name = "URL", hide = true)]
    pub crossref_api_url: Option<String>,

    /// Base URL of OpenReview's API v2 [default: https://api2.openreview.net/].
    #[arg(long, value_name = "URL", hide = true)]
    pub openreview_api_url: Option<String>,

    /// Base URL of Semantic Scholar's Academic Graph API [default:
    /// https://api.semanticscholar.org/graph/v1/].
    #[arg(long, value_name = "URL", hide = true)]
    pub semantic_scholar_api_url: Option<String>,

    /// Seconds between two arXiv API queries [default: 3, as arXiv asks];
    /// tests shorten it against their own server.
    #[arg(long, value_name = "SECONDS", hide = true)]
    pub arxiv_delay: Option<f64>,

    /// Request every arXiv link from arxiv.org, instead of asking the arXiv
    /// API about a hundred at a time (for benchmarks).
    #[arg(long, hide = true)]
    pub link_by_link: bool,

    /// Skip URLs that match this regex (repeatable).
    #[arg(long, value_name = "REGEX", value_parser = regex::Regex::new)]
    pub exclude: Vec<regex::Regex>,

    /// Status codes that count as alive besides 2xx, like `200..=299,403`
    /// [config: accept].
    #[arg(long, value_name = "CODES", value_parser = crate::link::Accept::parse)]
    pub accept: Option<crate::link::Accept>,

    /// The User-Agent sent with every request [config: user_agent].
    #[arg(long, value_name = "UA")]
    pub user_agent: Option<String>,

    /// A header sent with every link request, `'Name: value'` (repeatable;
    /// also AWESOME_LINT_HEADERS, one per line). Sent to every linked host:
    /// keep secrets out of runs on pull requests.
    #[arg(long = "header", value_name = "'NAME: VALUE'", value_parser = parse_header)]
    pub headers: Vec<Header>,

    /// The least time between two requests to one host, like `500ms` or `2s`
    /// [config: host_interval; default: none].
    #[arg(long, value_name = "DURATION", value_parser = crate::config::parse_duration)]
    pub host_interval: Option<std::time::Duration>,
}

/// `Name: value`, a header a request may carry.
pub(crate) fn parse_header(text: &str) -> Result<Header, String> {
    let (name, value) = text
        .split_once(':')
        .ok_or_else(|| format!("`{text}` is no header: write it `Name: value`"))?;
    let name = name.trim();
    let name = reqwest::header::HeaderName::from_bytes(name.as_bytes())
        .map_err(|_| format!("`{name}` is not a valid header name"))?;
    let mut value = reqwest::header::HeaderValue::from_str(value.trim()).map_err(|_| {
        format!("the value of header `{name}` has characters a header cannot carry")
    })?;
    // Never printed, not even in a debug dump: it may be a credential.
    value.set_sensitive(true);
    Ok((name, value))
}

/// A header and its value, as requests carry them.
pub(crate) type Header = (reqwest::header::HeaderName, reqwest::header::HeaderValue);

/// A report written to a file besides the one on stdout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportFile {
    pub format: ReportFormat,
    pub path: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Json,
    Sarif,
    /// The Markdown of the job summary: a table of every finding.
    Markdown,
}

fn rule_name(value: &str) -> Result<Rule, String> {
    value.trim().parse().map_err(|()| {
        let names: Vec<&str> = RULES.iter().map(|info| info.name).collect();
        format!("unknown rule `{value}`: one of {}", names.join(", "))
    })
}

fn report_file(value: &str) -> Result<ReportFile, String> {
    let Some((format, path)) = value.split_once('=') else {
        return Err(format!(
            "`{value}` is not FORMAT=PATH (for example `sarif=awesome-lint.sarif`)"
        ));
    };
    let format = match format {
        "json" => ReportFormat::Json,
        "sarif" => ReportFormat::Sarif,
        "markdown" | "github-summary" => ReportFormat::Markdown,
        other => {
            return Err(format!(
                "unknown report format `{other}`: json, sarif or markdown"
            ));
        }
    };
    if path.is_empty() {
        return Err(format!("no path after `{format:?}=`").to_lowercase());
    }
    Ok(ReportFile {
        format,
        path: PathBuf::from(path),
    })
}

fn positive_seconds(value: &str) -> Result<f64, String> {
    match value.parse::<f64>() {
        Ok(secs) if secs.is_finite() && secs > 0.0 && secs <= 86_400.0 => Ok(secs),
        _ => Err(format!(
            "`{value}` is not a number of seconds above 0 and at most 86400"
        )),
    }
}

/// Where settings come from.
#[derive(Debug, Args, Default, Clone)]
pub struct ConfigArgs {
    /// Config file (default: the nearest .awesome-lint.toml upward from each file,
    /// stopping at the repository root).
    #[arg(long, value_name = "PATH", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,

    /// Ignore config files: built-in defaults only.
    #[arg(long)]
    pub no_config: bool,
}

#[derive(Debug, Args)]
pub struct EntriesArgs {
    /// The markdown file to read.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Output format.
    #[arg(long, value_enum, default_value_t = EntriesFormat::Json)]
    pub format: EntriesFormat,

    #[command(flatten)]
    pub config: ConfigArgs,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The papers: arXiv, DOI or OpenReview URLs (or a bare arXiv id or
    /// DOI); then, optionally, the list's markdown file [default:
    /// README.md, its name in any case].
    #[arg(value_name = "URL", required = true, num_args = 1..)]
    pub urls: Vec<String>,

    /// The section to put the entry in: a heading's text (its year section
    /// for the paper's year, when it has them) [default: the section of the
    /// paper's year].
    #[arg(long, value_name = "NAME")]
    pub section: Option<String>,

    /// The paper's code repository (with one paper only).
    #[arg(long, value_name = "URL")]
    pub code: Option<String>,

    /// The paper's short name, where the list gives each paper one and the
    /// title has no `Name:` prefix (with one paper only).
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    /// Print the change as a unified diff; write nothing.
    #[arg(long)]
    pub diff: bool,

    #[command(flatten)]
    pub config: ConfigArgs,

    #[command(flatten)]
    pub links: LinkArgs,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The paper list to read [default: README.md, its name in any case];
    /// the config is written in its directory.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    /// miette diagnostics with source snippets.
    #[default]
    Text,
    /// One line per finding: `file:line:col: severity[rule] message`.
    Concise,
    /// One JSON document.
    Json,
    /// GitHub Actions workflow commands (annotations), and a job summary
    /// when GITHUB_STEP_SUMMARY is set.
    Github,
    /// A SARIF 2.1.0 log for code scanning.
    Sarif,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EntriesFormat {
    Json,
    Csv,
}
