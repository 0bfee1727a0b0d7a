//! Link results as findings, at each place a URL is written.

use crate::finding::{Finding, Severity};
use crate::fix::{Edit, Fix};
use crate::rules::Rule;

use super::status::{LinkResult, Status};
use super::target::Occurrence;

/// The findings for one occurrence of a checked URL.
pub fn findings(
    occurrence: &Occurrence,
    result: &LinkResult,
    written_url: Option<&str>,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let span = occurrence
        .url_span
        .clone()
        .unwrap_or_else(|| occurrence.span.clone());
    let what = match &occurrence.label {
        Some(label) => format!("`[[{label}]]` link"),
        None => "link".to_owned(),
    };
    match &result.status {
        Status::Ok => {}
        // The URL was fetched once for all its occurrences: only the ones
        // that promise a PDF are wrong (the same URL under `[[code]]` or in
        // prose is not).
        Status::NotAPdf { .. } if occurrence.expect() != super::Expect::Pdf => {}
        Status::NotAPdf { found } => out.push(
            Finding::new(Rule::NotAPdf, span.clone(), format!("{what} serves {found}, not a PDF"))
                .label("not a PDF")
                .help("link the PDF itself (for arXiv, `https://arxiv.org/pdf/ID`), or label the link for what it is"),
        ),
        Status::Broken { reason, .. } => out.push(
            Finding::new(Rule::BrokenLink, span.clone(), format!("{what} is broken: {reason}"))
                .label("broken")
                .help("link the current location, or remove the link"),
        ),
        Status::Unverifiable { reason } => out.push(
            Finding::new(Rule::UnverifiableLink, span.clone(), format!("could not verify {what}: {reason}"))
                .label("unverified")
                .help("the server refuses automated checks; open it in a browser, or add it to `exclude` in [links]"),
        ),
        Status::Archived => out.push(
            Finding::new(Rule::BrokenLink, span.clone(), format!("{what} points at an archived repository"))
                .severity(Severity::Warning)
                .label("archived")
                .help("the repository is read-only; keep the link if the code is still useful"),
        ),
        Status::Refused { host } => out.push(
            Finding::new(
                Rule::UnverifiableLink,
                span.clone(),
                format!("{what} was not checked: `{host}` is a private or reserved address"),
            )
            .label("not checked")
            .help("pass --allow-private to check private addresses"),
        ),
    }
    if let Some(target) = &result.moved_to
        && matches!(
            result.status,
            Status::Ok | Status::NotAPdf { .. } | Status::Archived
        )
    {
        let mut finding = Finding::new(
            Rule::MovedLink,
            span.clone(),
            format!("{what} moved permanently to {target}"),
        )
        .label("moved")
        .help(format!("use the new URL: {target}"));
        if let (Some(url_span), Some(written)) = (&occurrence.url_span, written_url) {
            // Keep a fragment the list added (`#page=2`): the server never sees it.
            let fragment = written.find('#').map_or("", |i| &written[i..]);
            // Parentheses in a markdown destination must balance: escape them.
            let new_url = format!(
                "{}{fragment}",
                target.replace('(', "%28").replace(')', "%29")
            );
            finding = finding.fix(
                Fix::safe(Edit::replace(url_span.clone(), new_url.clone()))
                    .retargets(written, new_url),
            );
        }
        out.push(finding);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_moved_link_fix_keeps_the_markdown_link_whole() {
        let occurrence = Occurrence {
            span: 0..30,
            url_span: Some(8..29),
            url: "https://a.example/old".into(),
            label: Some("pdf".into()),
        };
        let result = LinkResult {
            status: Status::Ok,
            moved_to: Some("https://en.example/wiki/A_(b".into()),
            cached: false,
        };
        let findings = findings(&occurrence, &result, Some("https://a.example/old#p2"));
        let fix = findings[0].fix.as_ref().unwrap();
        assert_eq!(fix.edits[0].content, "https://en.example/wiki/A_%28b#p2");
    }
}
