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
    let year = message
        .issued
        .and_then(|issued| issued.date_parts.first()?.first().copied().flatten())
        .and_then(|year| u16::try_from(year).ok());
    Answer::Found(Paper {
        title,
        year,
        version: None,
        journal_ref: None,
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
            "issued":{"date-parts":[[2021,3,4]]}}}"#;
        let work: Work = serde_json::from_str(json).unwrap();
        assert_eq!(
            paper_of(work.message),
            Answer::Found(Paper {
                title: "Imaging in vivo: a Study".into(),
                year: Some(2021),
                version: None,
                journal_ref: None,
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
