//! `not-a-pdf`: a `[[pdf]]` link that serves no PDF. Checked by the link
//! checker; this turns its verdict into a finding.

use super::LinkPlace;
use crate::diagnostic::Finding;
use crate::link::{Expect, LinkResult, Occurrence, Status};
use crate::rule::Rule;

pub(super) fn report(
    place: &LinkPlace,
    occurrence: &Occurrence,
    result: &LinkResult,
    out: &mut Vec<Finding>,
) {
    // The URL was fetched once for all its occurrences: only the ones that
    // promise a PDF are wrong (the same URL under `[[code]]` or in prose is not).
    if let Status::NotAPdf { found } = &result.status
        && occurrence.expect == Expect::Pdf
    {
        let LinkPlace { span, what } = place;
        out.push(
            Finding::new(Rule::NotAPdf, span.clone(), format!("{what} serves {found}, not a PDF"))
                .label("not a PDF")
                .help("link the PDF itself (for arXiv, `https://arxiv.org/pdf/ID`), or label the link for what it is"),
        );
    }
}
