//! OpenReview: the title of a note (a submission), from API v2's
//! `/notes?id=`, one request per id.

use reqwest::{StatusCode, Url};
use serde::Deserialize;

use super::api;
use super::api::collapse_whitespace;
use super::check::Checker;
use crate::paper::{Answer, Paper};

/// OpenReview's API v2.
pub(crate) const API: &str = "https://api2.openreview.net/";

#[derive(Deserialize)]
struct Notes {
    #[serde(default)]
    notes: Vec<Note>,
}

#[derive(Deserialize)]
struct Note {
    id: String,
    content: Content,
}

#[derive(Deserialize)]
struct Content {
    title: Option<Field>,
}

/// API v2 wraps every content field as `{"value": ...}`; v1 did not.
#[derive(Deserialize)]
#[serde(untagged)]
enum Field {
    Wrapped { value: String },
    Plain(String),
}

/// Asks OpenReview about one note id.
pub(crate) async fn fetch(checker: &Checker, api_base: &Url, id: &str) -> Answer {
    let Ok(mut url) = api_base.join("notes") else {
        return Answer::Failed("invalid OpenReview API URL".into());
    };
    url.query_pairs_mut().append_pair("id", id);
    let request = api::Request {
        service: "OpenReview API",
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
        } => match serde_json::from_slice::<Notes>(&body) {
            Ok(notes) => paper_of(notes, id),
            Err(err) => Answer::Failed(format!("OpenReview answered unexpected JSON: {err}")),
        },
        api::Reply::Answered {
            status: StatusCode::NOT_FOUND,
            ..
        } => Answer::Unknown,
        api::Reply::Answered { status, .. } => {
            Answer::Failed(format!("OpenReview answered {}", status.as_u16()))
        }
        api::Reply::Failed(status) => Answer::Failed(format!(
            "OpenReview could not be asked: {}",
            status.reason()
        )),
    }
}

fn paper_of(notes: Notes, id: &str) -> Answer {
    let Some(note) = notes.notes.into_iter().find(|note| note.id == id) else {
        return Answer::Unknown;
    };
    let title = match note.content.title {
        Some(Field::Wrapped { value } | Field::Plain(value)) => collapse_whitespace(&value),
        None => String::new(),
    };
    if title.is_empty() {
        return Answer::Unknown;
    }
    Answer::Found(Paper {
        title,
        year: None,
        version: None,
        journal_ref: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_of_both_api_versions() {
        let v2 = r#"{"notes":[{"id":"abc","content":{"title":{"value":"A  Title"},"venue":{"value":"ICLR 2024"}}}],"count":1}"#;
        let notes: Notes = serde_json::from_str(v2).unwrap();
        assert_eq!(
            paper_of(notes, "abc"),
            Answer::Found(Paper {
                title: "A Title".into(),
                year: None,
                version: None,
                journal_ref: None,
            })
        );
        let v1 = r#"{"notes":[{"id":"abc","content":{"title":"Plain"}}]}"#;
        assert!(matches!(
            paper_of(serde_json::from_str(v1).unwrap(), "abc"),
            Answer::Found(_)
        ));
        let none = r#"{"notes":[],"count":0}"#;
        assert_eq!(
            paper_of(serde_json::from_str(none).unwrap(), "abc"),
            Answer::Unknown
        );
    }
}
