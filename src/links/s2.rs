//! Semantic Scholar's batch service: where arXiv papers were published,
//! 500 papers a request (`POST paper/batch`), for the preprints whose
//! arXiv record names no publication. One request per 500 papers keeps
//! `venue-update` within two requests per thousand entries beyond the arXiv
//! batches.
//!
//! Only a publication DBLP indexes counts: Semantic Scholar merges a
//! preprint with its published version, and its `year` may be the
//! preprint's; a DBLP key (`conf/cvpr/LaiYJ24`) names the venue's own year
//! and is given to published papers only (`journals/corr/…` is arXiv's own,
//! and no publication).

use std::collections::HashMap;

use reqwest::{StatusCode, Url};
use serde::Deserialize;

use super::api;
use super::api::collapse_whitespace;
use super::check::Checker;
use crate::paper::{Answer, Paper};

/// Semantic Scholar's Academic Graph API.
pub(crate) const API: &str = "https://api.semanticscholar.org/graph/v1/";
/// At most this many ids in one request.
pub(crate) const BATCH: usize = 500;

#[derive(Deserialize)]
struct Record {
    title: Option<String>,
    venue: Option<String>,
    #[serde(rename = "publicationVenue")]
    publication_venue: Option<PublicationVenue>,
    #[serde(rename = "externalIds")]
    external_ids: Option<ExternalIds>,
}

#[derive(Deserialize)]
struct PublicationVenue {
    name: Option<String>,
    #[serde(default)]
    alternate_names: Vec<String>,
}

#[derive(Deserialize)]
struct ExternalIds {
    #[serde(rename = "DBLP")]
    dblp: Option<String>,
    #[serde(rename = "DOI")]
    doi: Option<String>,
}

/// Asks about every bare arXiv id, [`BATCH`] at a time, one request after
/// another. Every id gets an answer: `Found` with the venue and its year
/// where DBLP indexes a publication, `Unknown` otherwise.
pub(crate) async fn fetch(
    checker: &Checker,
    api_base: &Url,
    ids: &[String],
) -> HashMap<String, Answer> {
    let mut answers = HashMap::with_capacity(ids.len());
    for batch in ids.chunks(BATCH) {
        match query(checker, api_base, batch).await {
            Ok(records) => {
                for (id, record) in batch.iter().zip(records) {
                    let answer = record
                        .and_then(paper_of)
                        .map_or(Answer::Unknown, Answer::Found);
                    answers.insert(id.clone(), answer);
                }
            }
            Err(failed) => {
                for id in batch {
                    answers.insert(id.clone(), failed.clone());
                }
            }
        }
    }
    answers
}

/// One request: a record (or `null`) for each id, in the order asked.
async fn query(
    checker: &Checker,
    api_base: &Url,
    batch: &[String],
) -> Result<Vec<Option<Record>>, Answer> {
    let mut url = api_base
        .join("paper/batch")
        .map_err(|err| Answer::Failed(format!("invalid Semantic Scholar API URL: {err}")))?;
    url.query_pairs_mut()
        .append_pair("fields", "title,venue,publicationVenue,externalIds");
    // (`publicationVenue` carries its `alternate_names`.)
    let ids: Vec<String> = batch.iter().map(|id| format!("ARXIV:{id}")).collect();
    let body = serde_json::json!({ "ids": ids }).to_string();
    let request = api::Request {
        service: "Semantic Scholar API",
        url,
        accept: "application/json",
        headers: &[],
        token: None,
        json: Some(body.as_bytes()),
        retry_floor: std::time::Duration::ZERO,
    };
    match api::get(checker, &request).await {
        api::Reply::Answered {
            status: StatusCode::OK,
            body,
            ..
        } => {
            let records: Vec<Option<Record>> = serde_json::from_slice(&body).map_err(|err| {
                Answer::Failed(format!("Semantic Scholar answered unexpected JSON: {err}"))
            })?;
            if records.len() != batch.len() {
                return Err(Answer::Failed(format!(
                    "Semantic Scholar answered {} records for {} papers",
                    records.len(),
                    batch.len()
                )));
            }
            Ok(records)
        }
        api::Reply::Answered { status, .. } => Err(Answer::Failed(format!(
            "Semantic Scholar answered {}",
            status.as_u16()
        ))),
        api::Reply::Failed(status) => Err(api::answer_of_failure("Semantic Scholar", &status)),
    }
}

/// The publication a record names, where DBLP indexes one: the venue as
/// Semantic Scholar names it, and the year of the DBLP key.
fn paper_of(record: Record) -> Option<Paper> {
    let ids = record.external_ids?;
    let key = ids.dblp?;
    // arXiv's own DOI (`10.48550/arXiv.…`) is the preprint's.
    let doi = ids
        .doi
        .filter(|d| d.starts_with("10.") && !d.to_ascii_lowercase().starts_with("10.48550/"));
    let year = dblp_year(&key)?;
    let (name, mut aliases) = match record.publication_venue {
        Some(venue) => (venue.name, venue.alternate_names),
        None => (None, Vec::new()),
    };
    let venue = name
        .or(record.venue)
        .map(|v| collapse_whitespace(&v))
        .filter(|v| !v.is_empty())?;
    // DBLP's stream names the venue too (`conf/cvpr/…`).
    if let Some(stream) = key.split('/').nth(1) {
        aliases.push(stream.to_uppercase());
    }
    Some(Paper {
        title: collapse_whitespace(&record.title.unwrap_or_default()),
        year: Some(year),
        venue: Some(venue),
        venue_aliases: aliases,
        doi,
        journal_ref: Some(format!("DBLP {key}")),
        ..Paper::default()
    })
}

/// The year a DBLP key names (`conf/cvpr/LaiYJ24` is 2024, `journals/pami/
/// SmithJ23a` 2023); `None` for arXiv's own (`journals/corr/…`) and keys of
/// another form.
fn dblp_year(key: &str) -> Option<u16> {
    let mut parts = key.split('/');
    let kind = parts.next()?;
    let stream = parts.next()?;
    let name = parts.next()?;
    if !matches!(kind, "conf" | "journals") || stream == "corr" || parts.next().is_some() {
        return None;
    }
    // The two digits before an optional disambiguating letter.
    let name = name.trim_end_matches(|c: char| c.is_ascii_lowercase());
    let digits = name.get(name.len().checked_sub(2)?..)?;
    let yy: u16 = digits.parse().ok()?;
    if !name[..name.len() - 2].ends_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    // DBLP's papers run from the 1930s; two digits above the next year are
    // the last century's.
    Some(if yy <= 40 { 2000 + yy } else { 1900 + yy })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dblp_keys_name_their_year() {
        assert_eq!(dblp_year("conf/cvpr/LaiYJWHTZ24"), Some(2024));
        assert_eq!(dblp_year("journals/pami/SmithJ23a"), Some(2023));
        assert_eq!(dblp_year("conf/nips/VaswaniSPUJGKP17"), Some(2017));
        assert_eq!(dblp_year("journals/corr/abs-2403-07636"), None);
        assert_eq!(dblp_year("conf/cvpr/2024"), None);
        assert_eq!(dblp_year("homepages/123"), None);
    }

    #[test]
    fn only_a_publication_dblp_indexes_is_one() {
        let json = r#"[
            {"paperId":"a","title":"T","venue":"Computer Vision and Pattern Recognition","year":2023,
             "publicationVenue":{"id":"x","name":"Computer Vision and Pattern Recognition","type":"conference"},
             "externalIds":{"ArXiv":"2311.00001","DBLP":"conf/cvpr/LaiYJ24","CorpusId":1}},
            {"paperId":"b","title":"U","venue":"arXiv.org","year":2023,
             "externalIds":{"ArXiv":"2311.00002","DBLP":"journals/corr/abs-2311-00002"}},
            null
        ]"#;
        let records: Vec<Option<Record>> = serde_json::from_str(json).unwrap();
        let papers: Vec<Option<Paper>> =
            records.into_iter().map(|r| r.and_then(paper_of)).collect();
        let first = papers[0].as_ref().unwrap();
        assert_eq!(
            first.venue.as_deref(),
            Some("Computer Vision and Pattern Recognition")
        );
        assert_eq!(first.year, Some(2024));
        assert!(papers[1].is_none());
        assert!(papers[2].is_none());
    }
}
