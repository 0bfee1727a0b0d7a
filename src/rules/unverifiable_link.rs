//! `unverifiable-link`: a server that would not let the link be checked
//! (401, 403, 429 after retries), or a private address not requested.
//! Checked by the link checker; this turns its verdict into a finding.

use super::LinkPlace;
use crate::diagnostic::Finding;
use crate::link::{LinkResult, Status};
use crate::rule::Rule;

pub(super) fn report(place: &LinkPlace, result: &LinkResult, out: &mut Vec<Finding>) {
    let LinkPlace { span, what } = place;
    match &result.status {
        Status::Unverifiable { reason } => out.push(
            Finding::new(Rule::UnverifiableLink, span.clone(), format!("could not verify {what}: {reason}"))
                .label("unverified")
                .help("the server refuses automated checks; open it in a browser, or add it to `exclude` in [links]"),
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
        _ => {}
    }
}
