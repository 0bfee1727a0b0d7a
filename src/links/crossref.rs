//! Crossref: the metadata of a DOI, one `/works/{doi}` request each, in the
//! polite pool when the config gives a contact address.

use reqwest::{StatusCode, Url};
use serde::Deserialize;

use super::api;
use super::api::collapse_whitespace;
use super::check::Checker;
use crate::paper::{Answer, Paper};

/// The Crossref REST API.
pub(crate) const API: &str = "https://api.crossref.org/";

#[derive(Deserialize)]
struct Work {
    message: Message,
}

#[derive(Deserialize)]
struct Message {
    #[serde(default)]
    title: Vec<String>,
    issued: Option<Issued>,
    #[serde(default)]
    author: Vec<Author>,
    #[serde(rename = "container-title", default)]
    container_title: Vec<String>,
}

/// A person as Crossref writes one: `given` and `family`, or only `name`
/// (a consortium).
#[derive(Deserialize)]
struct Author {
    given: Option<String>,
    family: Option<String>,
    name: Option<String>,
}

impl Author {
    fn full_name(&self) -> String {
        let name = match (&self.given, &self.family, &self.name) {
            (Some(given), Some(family), _) => format!("{given} {family}"),
            (None, Some(family), _) => family.clone(),
            (_, _, Some(name)) => name.clone(),
            (Some(given), None, None) => given.clone(),
            (None, None, None) => String::new(),
        };
        collapse_whitespace(&name)
    }
}

#[derive(Deserialize)]
struct Issued {
    #[serde(rename = "date-parts", default)]
    date_parts: Vec<Vec<Option<i64>>>,
}

/// Asks Crossref about one DOI.
pub(crate) async fn fetch(
    checker: &Checker,
    api_base: &Url,
    doi: &str,
    contact: Option<&str>,
) -> Answer {
    let Ok(mut url) = api_base.join("works/") else {
        return Answer::Failed("invalid Crossref API URL".into());
    };
    if let Ok(mut segments) = url.path_segments_mut() {
        // One segment: the DOI's `/` is encoded, as Crossref asks.
        segments.pop_if_empty().push(doi);
    }
    if let Some(contact) = contact {
        url.query_pairs_mut().append_pair("mailto", contact);
    }
    let request = api::Request {
        service: "Crossref",
        url,
        accept: "application/json",
        headers: &[],
        token: None,
        json: None,
        retry_floor: std::time::Duration::ZERO,
    };
    match api::get(checker, &request).await {
        api::Reply::Answered {
            status: StatusCode::OK,
            body,
            ..
        } => match serde_json::from_slice::<Work>(&body) {
            Ok(work) => paper_of(work.message),
            Err(err) => Answer::Failed(format!("Crossref answered unexpected JSON: {err}")),
        },
        // Crossref knows only its own DOIs: one registered elsewhere (DataCite's,
        // arXiv's) is unknown here, not broken.
        api::Reply::Answered {
            status: StatusCode::NOT_FOUND,
            ..
        } => Answer::Unknown,
        api::Reply::Answered { status, .. } => {
            Answer::Failed(format!("Crossref answered {}", status.as_u16()))
        }
        api::Reply::Failed(status) => api::answer_of_failure("Crossref", &status),
    }
}

fn paper_of(message: Message) -> Answer {
    let Some(title) = message.title.first().map(|t| strip_markup(t)) else {
        return Answer::Unknown;
    };
    if title.is_empty() {
        return Answer::Unknown;
    }
    // `[[2021, 3, 4]]`: the parts it has, year first.
    let parts: Vec<i64> = message
        .issued
        .and_then(|issued| issued.date_parts.into_iter().next())
        .unwrap_or_default()
        .into_iter()
        .map_while(|part| part)
        .collect();
    let year = parts.first().and_then(|&y| u16::try_from(y).ok());
    let within = |at: usize, most: i64| {
        parts
            .get(at)
            .filter(|&&n| (1..=most).contains(&n))
            .and_then(|&n| u8::try_from(n).ok())
    };
    let date = year.map(|year| (year, within(1, 12), within(2, 31)));
    let authors = message
        .author
        .iter()
        .map(Author::full_name)
        .filter(|name| !name.is_empty())
        .collect();
    let venue = message
        .container_title
        .first()
        .map(|t| strip_markup(t))
        .filter(|t| !t.is_empty());
    Answer::Found(Paper {
        title,
        year,
        authors,
        date,
        venue,
        ..Paper::default()
    })
}

/// Crossref titles may carry JATS or HTML markup (`<i>in vivo</i>`,
/// `<scp>`): the title is its text.
fn strip_markup(title: &str) -> String {
    let mut text = String::with_capacity(title.len());
    let mut in_tag = false;
    for c in title.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    collapse_whitespace(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn works_are_read_for_title_and_year() {
        let json = r#"{"status":"ok","message-type":"work","message":{
            "title":["Imaging <i>in vivo</i>:\n a Study"],
            "author":[{"given":"Ada","family":"Lovelace","sequence":"first"},{"name":"The Consortium"}],
            "container-title":["Medical Image Analysis"],
            "issued":{"date-parts":[[2021,3,4]]}}}"#;
        let work: Work = serde_json::from_str(json).unwrap();
        assert_eq!(
            paper_of(work.message),
            Answer::Found(Paper {
                title: "Imaging in vivo: a Study".into(),
                year: Some(2021),
                authors: vec!["Ada Lovelace".into(), "The Consortium".into()],
                date: Some((2021, Some(3), Some(4))),
                venue: Some("Medical Image Analysis".into()),
                ..Paper::default()
            })
        );
        let untitled: Work = serde_json::from_str(r#"{"message":{"title":[]}}"#).unwrap();
        assert_eq!(paper_of(untitled.message), Answer::Unknown);
        let undated: Work =
            serde_json::from_str(r#"{"message":{"title":["T"],"issued":{"date-parts":[[null]]}}}"#)
                .unwrap();
        assert!(matches!(
            paper_of(undated.message),
            Answer::Found(Paper { year: None, .. })
        ));
    }
}
