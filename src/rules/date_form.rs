//! A date written in digits unlike the list's other dates (`2025.2` where
//! the list writes `2025.02`, `2025.02.01` where it writes `25.02.01`): the
//! departure `entry-format` (a date of its own) and `venue-format` (a date
//! in the venue tag) report, with the date rewritten the list's way (an
//! unsafe fix of the tag's).

use super::Context;
use crate::diagnostic::{Edit, Finding, Fix};
use crate::document::Year;
use crate::document::date::{digit_pattern, in_pattern};
use crate::rule::{Rule, Severity};

/// The finding for `year`'s date, where the shape's dates (in the venue tag
/// with `in_venue`) follow a strong convention this one does not, and it
/// can be written that way by the widths of its numbers alone.
pub(super) fn departure(
    ctx: &Context,
    shape: usize,
    year: &Year,
    in_venue: bool,
    rule: Rule,
) -> Option<Finding> {
    let written = ctx.text(&year.date);
    let pattern = digit_pattern(written)?;
    let (wanted, agree, present) = ctx.conventions.date_pattern(shape, in_venue)?;
    if pattern == wanted {
        return None;
    }
    // A way written often (`2023.2` on the list's 247 dates of one year,
    // `2023.02` on its 2,400 others) is a second habit, kept for a time on
    // purpose: only a rare one (two dates, or one in twenty) is a slip.
    let same = ctx
        .conventions
        .date_pattern_count(shape, in_venue, &pattern);
    if same > 2 && same * 20 > present {
        return None;
    }
    let rewritten = in_pattern(written, wanted, year.value)?;
    let finding = Finding::new(
        rule,
        year.date.clone(),
        format!(
            "the date is written `{written}`, where {agree} of the list's {present} dates would write `{rewritten}`"
        ),
    )
    .severity(Severity::Warning)
    .label("written another way")
    .help(format!("write `{rewritten}`"));
    // `venue-format` rewrites a tag (unsafe, as a year written another way
    // is: its digits change); `entry-format` fixes nothing.
    Some(match rule {
        Rule::VenueFormat => finding.fix(Fix::unsafe_edit(Edit::replace(
            year.date.clone(),
            rewritten,
        ))),
        _ => finding,
    })
}
