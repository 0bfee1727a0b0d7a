//! `add`: a new paper written as the list writes its entries, in the
//! section its year (or the user) names, at the place the section's own
//! order puts it.
//!
//! The entry is not built from a template of the tool's: it is one of the
//! section's own entries, the one written as most of them are, with each
//! part replaced by the new paper's. Whatever the list writes around its
//! parts (brackets, separators, line breaks, a table's cells, a badge)
//! comes with it, so the new entry reads as the list's own whatever its
//! shape.
//!
//! Plain data in, text out: what the services say of the paper arrives as
//! [`Paper`]; writing the file and asking the services is the command's.

mod exemplar;
mod place;
mod render;

use crate::document::{Document, Entry};
use crate::identity;
use crate::paper::{Paper, PaperId};
use crate::rules::venue_update;
use crate::source::Span;
use crate::url::{self, PaperKey};
use crate::venue::Venues;

/// The paper to add, as the services describe it.
#[derive(Debug, Clone)]
pub(crate) struct NewPaper {
    pub title: String,
    /// The authors' names in order (`Yann LeCun`).
    pub authors: Vec<String>,
    /// When it was posted or published: year, month, day.
    pub date: (u16, Option<u8>, Option<u8>),
    /// Where it was published, as the list names the venue, and the year;
    /// `None` for a preprint.
    pub published: Option<(String, u16)>,
    /// Its preprint server, for a preprint (`arXiv`).
    pub server: Option<&'static str>,
    /// The identity the user gave it by.
    pub id: PaperId,
    /// The URL the user gave.
    pub url: String,
    /// Its code repository, if the user gave one.
    pub code: Option<String>,
    /// Its short name, if the user gave one.
    pub name: Option<String>,
}

impl NewPaper {
    /// The paper as a service described it: the venue it was published at
    /// when the service names one the vocabulary knows, in the list's own
    /// spelling (`journal_ref` for arXiv, the container title for a DOI,
    /// the venue for an OpenReview note).
    pub(crate) fn described(
        id: PaperId,
        url: String,
        code: Option<String>,
        paper: &Paper,
        text: &str,
        doc: &Document,
        venues: &Venues,
    ) -> Result<Self, AddError> {
        let date = paper
            .date
            .or(paper.year.map(|year| (year, None, None)))
            .ok_or_else(|| AddError::Undated { id: id.to_string() })?;
        let named = paper
            .journal_ref
            .as_deref()
            .or(paper.venue.as_deref())
            .and_then(|venue| venue_update::published_in(venue, venues))
            .map(|(venue, year)| {
                let written = venue_update::written_by_the_list(text, doc, venues, &venue);
                (written.unwrap_or(venue), year)
            });
        let server = match id {
            PaperId::Arxiv(_) => Some("arXiv"),
            PaperId::OpenReview(_) => Some("OpenReview"),
            PaperId::Doi(_) | PaperId::Publication(_) => None,
        };
        // A DOI's container the vocabulary does not know is still where it
        // was published, as Crossref names it.
        let published = named.or_else(|| {
            (server.is_none())
                .then(|| paper.venue.clone())
                .flatten()
                .map(|venue| (venue, date.0))
        });
        Ok(Self {
            title: paper.title.clone(),
            authors: paper.authors.clone(),
            date,
            published,
            server,
            id,
            url,
            code,
            name: None,
        })
    }

    /// The short name the user gave, or the one the title gives itself
    /// (`CARZero` of `CARZero: Cross-Attention …`).
    fn short_name(&self) -> Option<&str> {
        self.name
            .as_deref()
            .or_else(|| crate::document::title_prefix(&self.title).map(|(_, name)| name))
    }

    /// The year the entry is filed under: its venue's, or its posting's.
    fn year(&self) -> u16 {
        self.published
            .as_ref()
            .map_or(self.date.0, |(_, year)| *year)
    }
}

/// What to write where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Addition {
    /// The offset the text goes in at.
    pub at: usize,
    pub text: String,
    /// The heading of the section it goes in, as the reader sees it.
    pub section: String,
    /// What the user may want to add by hand: a part the section's entries
    /// have that the services do not give.
    pub advice: Vec<String>,
}

impl Addition {
    /// The file with the entry added.
    pub(crate) fn apply(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + self.text.len());
        out.push_str(&text[..self.at]);
        out.push_str(&self.text);
        out.push_str(&text[self.at..]);
        out
    }
}

/// Why a paper cannot be added.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub(crate) enum AddError {
    #[error("{what} is listed already, on line {line}: {title}")]
    #[diagnostic(code(add::listed))]
    AlreadyListed {
        what: String,
        line: usize,
        title: String,
    },
    #[error("the list has no section for {year}")]
    #[diagnostic(
        code(add::section),
        help("add its heading first, or name a section with --section")
    )]
    NoYearSection { year: u16 },
    #[error("no section is named `{name}`")]
    #[diagnostic(code(add::section), help("{known}"))]
    UnknownSection { name: String, known: String },
    #[error("{what}: which one?")]
    #[diagnostic(code(add::section), help("name one with --section: {candidates}"))]
    WhichSection { what: String, candidates: String },
    #[error("the section `{section}` holds no entry to write the new one like")]
    #[diagnostic(code(add::shape))]
    NoEntries { section: String },
    #[error("the entries of `{section}` link their paper {how}, which add does not write")]
    #[diagnostic(code(add::shape))]
    Unwritable { section: String, how: &'static str },
    #[error("{id}: its service gives no date, so neither its year nor its place is known")]
    #[diagnostic(code(add::metadata))]
    Undated { id: String },
}

impl AddError {
    /// Whether the paper was refused (it is listed already), rather than
    /// the command unable to run.
    pub(crate) fn is_refusal(&self) -> bool {
        matches!(self, AddError::AlreadyListed { .. })
    }
}

/// The entry for `paper`, written like the section's entries, and where it
/// goes; refused if the list has the paper already.
pub(crate) fn add(
    text: &str,
    doc: &Document,
    venues: &Venues,
    paper: &NewPaper,
    section: Option<&str>,
) -> Result<Addition, AddError> {
    if let Some(err) = already_listed(text, doc, paper) {
        return Err(err);
    }
    let region = place::region(text, doc, section, paper.year())?;
    let members: Vec<&Entry> = doc
        .entries
        .iter()
        .filter(|e| !e.in_entry && region.span.contains(&e.span.start))
        .collect();
    if members.is_empty() {
        return Err(AddError::NoEntries {
            section: region.name,
        });
    }
    let model = exemplar::choose(text, doc, &members, paper, venues);
    let written = render::entry(text, doc, model, &members, paper, venues).map_err(|how| {
        AddError::Unwritable {
            section: region.name.clone(),
            how,
        }
    })?;
    let mut advice = Vec::new();
    if let Some(name) = &model.name
        && paper.short_name().is_none()
    {
        advice.push(format!(
            "the section's entries give each paper a short name (`{}`), and the title gives none: \
             name it with --name",
            text[name.inner.clone()].trim()
        ));
    }
    let (at, text) = place::position(text, doc, &members, model, paper, written);
    Ok(Addition {
        at,
        text,
        section: region.name,
        advice,
    })
}

/// The entry that lists the paper already: one of its identities, or its
/// title.
fn already_listed(text: &str, doc: &Document, paper: &NewPaper) -> Option<AddError> {
    let key = url::paper_key(&paper.url);
    let line = |span: &Span| text[..span.start].matches('\n').count() + 1;
    let title_of = |entry: &Entry| text[entry.title_text()].trim().to_owned();
    // Its identity first: a title may be shared by two papers' versions.
    if let Some(key) = key {
        let linked = |entry: &&Entry| {
            identity::paper_keys(text, entry).any(|(k, _)| k == key)
                || entry
                    .links
                    .iter()
                    .filter_map(|l| l.url.as_ref())
                    .any(|u| url::paper_key(&text[u.clone()]).is_some_and(|k| k == key))
        };
        if let Some(entry) = doc.entries.iter().find(linked) {
            let what = match key {
                PaperKey::Arxiv(id) => format!("arXiv:{id}"),
                _ => paper.id.to_string(),
            };
            return Some(AddError::AlreadyListed {
                what,
                line: line(&entry.span),
                title: title_of(entry),
            });
        }
    }
    // Equal once normalized: a title that only resembles it may be another
    // paper of a series, which is no reason to refuse.
    let wanted = identity::normalized_title(&paper.title);
    let entry = doc.entries.iter().find(|entry| {
        let title = &text[entry.title_text()];
        !title.trim().is_empty() && identity::normalized_title(title) == wanted
    })?;
    Some(AddError::AlreadyListed {
        what: format!("`{}`", paper.title),
        line: line(&entry.span),
        title: title_of(entry),
    })
}

#[cfg(test)]
mod tests;
