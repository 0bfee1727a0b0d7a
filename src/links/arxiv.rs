//! The arXiv API: up to 100 ids in one `id_list` query, one query at a time
//! with a pause between them (arXiv's terms ask for 3 seconds), answered as
//! an Atom feed with one `<entry>` per paper it knows.

use std::collections::HashMap;
use std::time::Duration;

use quick_xml::events::Event;
use reqwest::{StatusCode, Url};

use super::api;
use super::api::collapse_whitespace;
use super::check::Checker;
use crate::paper::{Answer, Paper};

/// The arXiv API.
pub(crate) const API: &str = "https://export.arxiv.org/api/";
/// At most this many ids in one query.
pub(crate) const BATCH: usize = 100;
/// The pause between two queries that arXiv's terms of use ask for.
pub(crate) const DELAY: Duration = Duration::from_secs(3);

/// Asks about every id, [`BATCH`] at a time, `delay` between queries (and
/// at least `delay` before a retry). Every id gets an answer.
pub(crate) async fn fetch(
    checker: &Checker,
    api_base: &Url,
    ids: &[String],
    delay: Duration,
) -> HashMap<String, Answer> {
    let mut answers = HashMap::with_capacity(ids.len());
    for (n, batch) in ids.chunks(BATCH).enumerate() {
        if n > 0 {
            tokio::time::sleep(delay).await;
        }
        let answer = query(checker, api_base, batch, delay).await;
        match answer {
            Ok(mut found) => {
                for id in batch {
                    let answer = found
                        .remove(id.as_str())
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

/// One query: the papers the feed describes, by bare id.
async fn query(
    checker: &Checker,
    api_base: &Url,
    batch: &[String],
    delay: Duration,
) -> Result<HashMap<String, Paper>, Answer> {
    let url = query_url(api_base, batch).map_err(Answer::Failed)?;
    let request = api::Request {
        service: "arXiv API",
        url,
        accept: "application/atom+xml",
        headers: &[],
        token: None,
        json: None,
        retry_floor: delay,
    };
    match api::get(checker, &request).await {
        api::Reply::Answered {
            status: StatusCode::OK,
            body,
            ..
        } => {
            let text = String::from_utf8(body)
                .map_err(|_| Answer::Failed("the arXiv API answered with invalid UTF-8".into()))?;
            let papers = parse_feed(&text).map_err(Answer::Failed)?;
            // arXiv's API is known to answer an empty feed when it is busy:
            // for several ids, that is a failure, not several broken links.
            if papers.is_empty() && batch.len() > 1 {
                return Err(Answer::Failed(
                    "the arXiv API answered an empty feed".into(),
                ));
            }
            Ok(papers.into_iter().collect())
        }
        api::Reply::Answered { status, .. } => Err(Answer::Failed(format!(
            "the arXiv API answered {}",
            status.as_u16()
        ))),
        api::Reply::Failed(status) => Err(api::answer_of_failure("the arXiv API", &status)),
    }
}

/// `{api}query?id_list=a,b&max_results=2`: without `max_results` the API
/// answers only the first ten.
fn query_url(api_base: &Url, batch: &[String]) -> Result<Url, String> {
    let mut url = api_base
        .join("query")
        .map_err(|err| format!("invalid arXiv API URL: {err}"))?;
    url.query_pairs_mut()
        .append_pair("id_list", &batch.join(","))
        .append_pair("max_results", &batch.len().to_string());
    Ok(url)
}

/// The papers of an arXiv Atom feed, by bare id (`2403.07636` from
/// `http://arxiv.org/abs/2403.07636v2`, whose version is the latest). An
/// entry without a title describes nothing; an error entry (the API's way
/// of refusing a query) fails the whole feed.
pub(crate) fn parse_feed(xml: &str) -> Result<Vec<(String, Paper)>, String> {
    let malformed =
        |err: &dyn std::fmt::Display| format!("the arXiv API answered a malformed feed: {err}");
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut papers = Vec::new();
    let (mut in_feed, mut feed_ended) = (false, false);
    // Inside an entry: its fields so far, and the field being read.
    let mut entry: Option<FeedEntry> = None;
    let mut field: Option<Field> = None;
    let mut in_author = false;
    loop {
        match reader.read_event().map_err(|err| malformed(&err))? {
            Event::Start(start) => {
                let name = start.local_name();
                match name.as_ref() {
                    "feed" => in_feed = true,
                    "entry" if in_feed => entry = Some(FeedEntry::default()),
                    // Only an entry's own fields: an author's name is not a title.
                    "id" if entry.is_some() => field = Some(Field::Id),
                    "title" if entry.is_some() => field = Some(Field::Title),
                    "published" if entry.is_some() => field = Some(Field::Published),
                    "journal_ref" if entry.is_some() => field = Some(Field::JournalRef),
                    "doi" if entry.is_some() && !in_author => field = Some(Field::Doi),
                    "author" if entry.is_some() => {
                        in_author = true;
                        field = None;
                    }
                    "name" if in_author => {
                        if let Some(entry) = entry.as_mut() {
                            entry.authors.push(String::new());
                        }
                        field = Some(Field::Author);
                    }
                    _ => field = None,
                }
            }
            Event::End(end) => {
                if end.local_name().as_ref() == "feed" {
                    feed_ended = true;
                }
                if end.local_name().as_ref() == "author" {
                    in_author = false;
                }
                if end.local_name().as_ref() == "entry"
                    && let Some(done) = entry.take()
                {
                    if done.id.contains("/api/errors") {
                        return Err(format!(
                            "the arXiv API refused the query: {}",
                            collapse_whitespace(&done.title)
                        ));
                    }
                    if let Some(paper) = done.paper() {
                        papers.push(paper);
                    }
                }
                field = None;
            }
            Event::Text(text) => {
                append(&mut entry, field, &text.xml10_content());
            }
            Event::CData(data) => {
                append(&mut entry, field, &data.xml10_content());
            }
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => quick_xml::escape::unescape(&format!("&{};", &*reference))
                        .map_err(|err| malformed(&err))?
                        .into_owned(),
                    Err(err) => return Err(malformed(&err)),
                };
                append(&mut entry, field, &resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !in_feed {
        return Err("the arXiv API answered something that is not an Atom feed".into());
    }
    // A feed cut short would leave its last papers out: unknown, or broken.
    if !feed_ended {
        return Err("the arXiv API answered a malformed feed: it breaks off".into());
    }
    Ok(papers)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Id,
    Title,
    Published,
    JournalRef,
    Author,
    Doi,
}

#[derive(Debug, Default)]
struct FeedEntry {
    id: String,
    title: String,
    published: String,
    journal_ref: String,
    authors: Vec<String>,
    doi: String,
}

impl FeedEntry {
    fn paper(&self) -> Option<(String, Paper)> {
        let title = collapse_whitespace(&self.title);
        if title.is_empty() {
            return None;
        }
        let id = self.id.trim();
        let versioned = &id[id.find("/abs/")? + "/abs/".len()..];
        let (bare, version) = match versioned.rfind('v') {
            Some(v)
                if versioned[v + 1..].bytes().all(|b| b.is_ascii_digit())
                    && v + 1 < versioned.len() =>
            {
                (&versioned[..v], versioned[v + 1..].parse().ok())
            }
            _ => (versioned, None),
        };
        let date = api::iso_date(self.published.trim());
        let journal_ref = Some(collapse_whitespace(&self.journal_ref)).filter(|j| !j.is_empty());
        let authors = self
            .authors
            .iter()
            .map(|name| collapse_whitespace(name))
            .filter(|name| !name.is_empty())
            .collect();
        Some((
            bare.to_owned(),
            Paper {
                title,
                year: date.map(|(year, _, _)| year),
                version,
                journal_ref,
                authors,
                date,
                doi: Some(self.doi.trim().to_owned()).filter(|d| d.starts_with("10.")),
                ..Paper::default()
            },
        ))
    }
}

fn append(entry: &mut Option<FeedEntry>, field: Option<Field>, text: &str) {
    let (Some(entry), Some(field)) = (entry.as_mut(), field) else {
        return;
    };
    match field {
        Field::Id => entry.id.push_str(text),
        Field::Title => entry.title.push_str(text),
        Field::Published => entry.published.push_str(text),
        Field::JournalRef => entry.journal_ref.push_str(text),
        Field::Doi => entry.doi.push_str(text),
        Field::Author => {
            if let Some(name) = entry.authors.last_mut() {
                name.push_str(text);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FEED: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <title type="html">ArXiv Query: id_list=2403.07636,hep-th/9901001</title>
  <id>http://arxiv.org/api/abc</id>
  <entry>
    <id>http://arxiv.org/abs/2403.07636v2</id>
    <updated>2024-03-20T00:00:00Z</updated>
    <published>2024-03-12T12:00:00Z</published>
    <title>Decomposing Disease Descriptions for Enhanced Pathology Detection:
      A Multi-Aspect Vision-Language Pre-training Framework</title>
    <author><name>A. Author</name></author>
    <author><name>Bo
      Li</name><arxiv:affiliation>Some University</arxiv:affiliation></author>
    <arxiv:journal_ref>CVPR 2024</arxiv:journal_ref>
    <arxiv:doi>10.1109/CVPR52733.2024.01234</arxiv:doi>
  </entry>
  <entry>
    <id>http://arxiv.org/abs/hep-th/9901001v1</id>
    <published>1999-01-01T00:00:00Z</published>
    <title>Strings &amp; Things &#x2014; <![CDATA[a <b>test</b>]]></title>
  </entry>
</feed>"#;

    #[test]
    fn papers_of_a_feed() {
        let papers = parse_feed(FEED).unwrap();
        assert_eq!(papers.len(), 2);
        assert_eq!(papers[0].0, "2403.07636");
        assert_eq!(
            papers[0].1,
            Paper {
                title: "Decomposing Disease Descriptions for Enhanced Pathology Detection: A Multi-Aspect Vision-Language Pre-training Framework".into(),
                year: Some(2024),
                version: Some(2),
                journal_ref: Some("CVPR 2024".into()),
                authors: vec!["A. Author".into(), "Bo Li".into()],
                date: Some((2024, Some(3), Some(12))),
                doi: Some("10.1109/CVPR52733.2024.01234".into()),
                ..Paper::default()
            }
        );
        assert_eq!(papers[1].0, "hep-th/9901001");
        assert_eq!(papers[1].1.title, "Strings & Things \u{2014} a <b>test</b>");
        assert_eq!(papers[1].1.journal_ref, None);
    }

    #[test]
    fn errors_and_garbage_fail_the_feed() {
        let error = r#"<feed xmlns="http://www.w3.org/2005/Atom"><entry>
            <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id>
            <title>Error</title><summary>incorrect id format for 1234</summary></entry></feed>"#;
        assert!(parse_feed(error).unwrap_err().contains("refused"));
        assert!(parse_feed("<html><body>busy</body></html>").is_err());
        assert!(parse_feed("<feed><entry><title>x</entry></feed>").is_err());
        assert!(parse_feed("not xml at all").is_err());
        assert!(parse_feed("<feed><entry><id>x</id><title>cut").is_err());
        // A feed that knows none of the ids.
        assert_eq!(
            parse_feed(r#"<feed xmlns="http://www.w3.org/2005/Atom"></feed>"#),
            Ok(vec![])
        );
    }
}
