//! `broken-link`: a link that does not resolve, or a repository archived.
//! Checked by the link checker; this turns its verdict into a finding.

use super::LinkPlace;
use crate::diagnostic::Finding;
use crate::link::{LinkResult, Status};
use crate::rule::{Rule, Severity};

pub(super) fn report(place: &LinkPlace, result: &LinkResult, out: &mut Vec<Finding>) {
    let LinkPlace { span, what } = place;
    match &result.status {
        Status::Broken { reason, .. } => out.push(
            Finding::new(
                Rule::BrokenLink,
                span.clone(),
                format!("{what} is broken: {reason}"),
            )
            .label("broken")
            .help("link the current location, or remove the link"),
        ),
        Status::Archived => out.push(
            Finding::new(
                Rule::BrokenLink,
                span.clone(),
                format!("{what} points at an archived repository"),
            )
            .severity(Severity::Warning)
            .label("archived")
            .help("the repository is read-only; keep the link if the code is still useful"),
        ),
        _ => {}
    }
}
