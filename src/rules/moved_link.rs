//! `moved-link`: a permanent redirect. Checked by the link checker; this
//! turns its verdict into a finding, with the fix that writes the new URL.

use super::LinkPlace;
use crate::diagnostic::{Edit, Finding, Fix};
use crate::link::{LinkResult, Occurrence, Status};
use crate::rule::Rule;

pub(super) fn report(
    place: &LinkPlace,
    occurrence: &Occurrence,
    result: &LinkResult,
    written_url: Option<&str>,
    out: &mut Vec<Finding>,
) {
    let Some(target) = &result.moved_to else {
        return;
    };
    if !matches!(
        result.status,
        Status::Ok | Status::NotAPdf { .. } | Status::Archived
    ) {
        return;
    }
    let LinkPlace { span, what } = place;
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
            Fix::safe(Edit::replace(url_span.clone(), new_url.clone())).retargets(written, new_url),
        );
    }
    out.push(finding);
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
            expect: crate::link::Expect::Pdf,
        };
        let result = LinkResult {
            status: Status::Ok,
            moved_to: Some("https://en.example/wiki/A_(b".into()),
            cached: false,
        };
        let mut findings = Vec::new();
        let place = LinkPlace::of(&occurrence);
        report(
            &place,
            &occurrence,
            &result,
            Some("https://a.example/old#p2"),
            &mut findings,
        );
        let fix = findings[0].fix.as_ref().unwrap();
        assert_eq!(fix.edits[0].content, "https://en.example/wiki/A_%28b#p2");
    }
}
