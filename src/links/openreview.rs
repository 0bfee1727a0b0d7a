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
    /// When the venue published it, and when it was created: milliseconds
    /// since the epoch.
    pdate: Option<i64>,
    cdate: Option<i64>,
}

#[derive(Deserialize)]
struct Content {
    title: Option<Field<String>>,
    authors: Option<Field<Vec<String>>>,
    venue: Option<Field<String>>,
}

/// API v2 wraps every content field as `{"value": ...}`; v1 did not.
#[derive(Deserialize)]
#[serde(untagged)]
enum Field<T> {
    Wrapped { value: T },
    Plain(T),
}

impl<T> Field<T> {
    fn value(self) -> T {
        match self {
            Field::Wrapped { value } | Field::Plain(value) => value,
        }
    }
}

/// The civil date of a time in milliseconds since the epoch (Howard
/// Hinnant's days-to-civil).
fn civil_date(millis: i64) -> Option<(u16, Option<u8>, Option<u8>)> {
    let days = millis.div_euclid(86_400_000);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Some((
        u16::try_from(year).ok()?,
        u8::try_from(month).ok(),
        u8::try_from(day).ok(),
    ))
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
    let content = note.content;
    let title = content
        .title
        .map(|t| collapse_whitespace(&t.value()))
        .unwrap_or_default();
    if title.is_empty() {
        return Answer::Unknown;
    }
    let authors = content
        .authors
        .map(Field::value)
        .unwrap_or_default()
        .iter()
        .map(|name| collapse_whitespace(name))
        .filter(|name| !name.is_empty())
        .collect();
    let venue = content
        .venue
        .map(|v| collapse_whitespace(&v.value()))
        .filter(|v| !v.is_empty());
    let date = note.pdate.or(note.cdate).and_then(civil_date);
    Answer::Found(Paper {
        title,
        authors,
        date,
        venue,
        ..Paper::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_of_both_api_versions() {
        let v2 = r#"{"notes":[{"id":"abc","pdate":1705276800000,"cdate":1695000000000,"content":{"title":{"value":"A  Title"},"authors":{"value":["Ada Lovelace","Alan Turing"]},"venue":{"value":"ICLR 2024 poster"}}}],"count":1}"#;
        let notes: Notes = serde_json::from_str(v2).unwrap();
        assert_eq!(
            paper_of(notes, "abc"),
            Answer::Found(Paper {
                title: "A Title".into(),
                authors: vec!["Ada Lovelace".into(), "Alan Turing".into()],
                // 2024-01-15T00:00:00Z
                date: Some((2024, Some(1), Some(15))),
                venue: Some("ICLR 2024 poster".into()),
                ..Paper::default()
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
