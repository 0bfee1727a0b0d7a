//! `venue-format`: a malformed venue tag, a tag written unlike the list's
//! other tags, a venue unknown to the list and to the built-in table (with
//! a confident did-you-mean), or a non-canonical spelling of a known one.

use rustc_hash::FxHashMap as HashMap;

use super::Context;
use super::runs::Runs;
use crate::conventions::{AGREEMENT, MIN_SUPPORT, is_strong};
use crate::diagnostic::Finding;
use crate::diagnostic::{Edit, Fix};
use crate::document::{Entry, Form, Role, Venue, VenueStyle, Year, YearForm};
use crate::rule::Rule;
use crate::rule::Severity;
use crate::venue::VenueCheck;
use crate::vocabulary;

const SHAPE: &str = "a venue tag holds one venue and one year, like `[**ICCV 2023**]`";

pub(super) fn check(ctx: &Context, out: &mut Vec<Finding>) {
    // A list names few venues many times: each is looked up once (a
    // did-you-mean compares with every known venue).
    let mut seen: HashMap<&str, VenueCheck> = HashMap::default();
    // A list that names many venues the vocabulary does not know writes
    // them in a vocabulary of its own (DBLP's abbreviations, another
    // field's journals): a guess from the built-in names is no better than
    // chance there (`CVIP` is not `VCIP`), only the list's own names are.
    let own_vocabulary = {
        for venue in ctx.doc.entries.iter().filter_map(|e| e.venue.as_ref()) {
            let name = ctx.text(&venue.name);
            if !name.trim().is_empty() {
                seen.entry(name)
                    .or_insert_with(|| ctx.settings.venues.check(name));
            }
        }
        let unknown = seen
            .values()
            .filter(|check| matches!(check, VenueCheck::Unknown { .. }))
            .count();
        unknown >= 5 && unknown * 5 >= seen.len()
    };
    // Built on the first departure only: a well-kept list never needs it.
    let runs = std::cell::OnceCell::new();
    for (index, entry) in ctx.doc.entries.iter().enumerate() {
        let Some(venue) = &entry.venue else {
            continue;
        };
        // A badge's venue is written in its image's URL, in the badge
        // service's syntax: no tag of the list's to hold it to.
        if venue.form == Form::Badge {
            continue;
        }
        let from = out.len();
        check_markup(ctx, (index, entry), venue, &runs, out);
        check_shape(ctx, entry, venue, out);
        check_venue(
            ctx,
            venue,
            entry.year().map(|y| y.value),
            own_vocabulary,
            &mut seen,
            out,
        );
        out.extend(venue.years.iter().filter_map(|year| {
            super::date_form::departure(ctx, entry.shape, year, true, Rule::VenueFormat)
        }));
        // In a tag of an entry whose markup does not pair up (`[***arxiv!2023**]`),
        // any edit can pair its stars another way: reported, not fixed
        // (found by the fix fuzzer).
        if out[from..].iter().any(|f| f.fix.is_some())
            && is_tag(venue.form)
            && !markup_pairs_up(ctx.text(&entry.span))
        {
            for finding in &mut out[from..] {
                finding.fix = None;
            }
        }
    }
}

/// Forms in which the venue part is a tag of its own, whose whole text is
/// the venue and its year.
fn is_tag(form: Form) -> bool {
    matches!(
        form,
        Form::BracketBold
            | Form::Bracket
            | Form::BracketBoldOpen
            | Form::Paren
            | Form::ParenEmph
            | Form::ParenBold
            | Form::Code
            | Form::Emph
            | Form::Bold
            | Form::BoldEmph
    )
}

/// Whether a name read as a venue may be none: neither known nor the
/// list's own (written once), nor an acronym (`MIPRO`). Read from text, it
/// may be a speaker (`, David Evans, 2017` in a list of talks) or a
/// citation's publisher: its writing is no tag to hold to the list's style.
fn maybe_no_venue(ctx: &Context, name: &str) -> bool {
    let acronym = name.len() >= 3 && name.bytes().all(|b| b.is_ascii_uppercase());
    !acronym && !ctx.settings.venues.recognizes(name) && ctx.conventions.venue_uses(name) < 2
}

/// The tag's markup against the list's: `[CCS 2020]` among `[**CCS 2020**]`.
fn check_markup(
    ctx: &Context,
    (index, entry): (usize, &Entry),
    venue: &Venue,
    runs: &std::cell::OnceCell<Runs>,
    out: &mut Vec<Finding>,
) {
    let shape = ctx.doc.shape_of(entry);
    let Some(slot) = shape.slot(Role::Venue) else {
        return;
    };
    let strong =
        shape.declared || (shape.support >= MIN_SUPPORT && is_strong(slot.agree, slot.present));
    let rewritable = |form: Form| is_tag(form) || form == Form::Plain;
    if !strong
        || slot.any_form
        || maybe_no_venue(ctx, ctx.text(&venue.name))
        || venue.form == slot.form
        || venue.form == Form::BracketBoldOpen
        || !rewritable(venue.form)
        || !rewritable(slot.form)
        || ctx
            .conventions
            .is_venue_form_habit(entry.shape, ctx.text(&venue.name), venue.form)
    {
        return;
    }
    // A list (a run of entries) that writes it this way in half of its
    // entries or more, five or more (`Title [KDD 2021]` in a list begun
    // `Title. Authors. KDD 2021`), has it as its own way, whatever the
    // file's other lists do. Fewer are departures from the file's way.
    let (agree, count) =
        runs.get_or_init(|| Runs::of(ctx))
            .share(index, Role::Venue, Some(venue.form));
    if agree >= MIN_SUPPORT && agree * 2 >= count {
        return;
    }
    // `Conference on Data Engineering (ICDE), 2022`: an acronym in
    // parentheses right after the name it stands for glosses it, as
    // citations write venues; it is not a tag written another way.
    if matches!(venue.form, Form::Paren | Form::ParenEmph | Form::ParenBold) {
        let before = ctx.source.text()[..venue.span.start].trim_end_matches(' ');
        let last_word = before
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or_default();
        if before.len() < venue.span.start && last_word.starts_with(char::is_uppercase) {
            return;
        }
    }
    // A plain venue within text keeps its separators outside; a tag is rewritten whole.
    let inner = ctx.text(&venue.inner).trim();
    let fixed = slot.form.wrap(inner);
    let written = |form: Form| form.wrap("…");
    let others = slot.agree;
    let finding = Finding::new(
        Rule::VenueFormat,
        venue.span.clone(),
        format!(
            "the venue is written `{}` where {others} entries of the list write `{}`",
            written(venue.form),
            written(slot.form)
        ),
    )
    .severity(Severity::Warning)
    .label("written another way")
    .help(format!("write `{fixed}`"));
    // Markup inside the tag's text (`R 2024**`) would meet the new markup
    // around it and pair with it another way.
    let plain_inside = !inner.contains(['*', '_', '`', '[', ']', '<', '\\']);
    // And only in an entry read as the list's shape in every other part:
    // in one read some other way, the tag's markup may be what holds the
    // reading together.
    let parts = entry.parts();
    let rest_fits = shape
        .slots
        .iter()
        .filter(|s| !s.optional && !matches!(s.role, Role::Venue | Role::Link))
        .all(|slot| {
            parts
                .iter()
                .any(|p| p.role == slot.role && (slot.any_form || p.form == slot.form))
        });
    // Brackets glued to the tag's (`[**R 2024**][[]](url)`) can pair with
    // the brackets a respelling adds or removes, and a link or reference
    // become another (found by the fix fuzzer).
    let text = ctx.source.text();
    let glued = text[venue.span.end..].starts_with(['[', '(', '!'])
        || text[..venue.span.start].ends_with([']', '!', '\\']);
    // A plain venue is read as one after the title; unwrapped anywhere else
    // (an entry with no title, `[**R 2024**][[pdf]](url)`), its text would be
    // read as the title (found by the fix fuzzer).
    let reads_back = slot.form != Form::Plain
        || entry
            .title
            .as_ref()
            .is_some_and(|title| title.span.end <= venue.span.start);
    out.push(
        if plain_inside
            && !glued
            && reads_back
            && rest_fits
            && markup_pairs_up(ctx.text(&entry.span))
        {
            finding.fix(Fix::safe(Edit::replace(venue.span.clone(), fixed)))
        } else {
            finding
        },
    );
}

/// Whether every bracket, parenthesis, emphasis star and backtick of an
/// entry's text has its pair. Adding or removing a tag's markup in an entry
/// where some do not (a link cut short, a stray `]` or `**`) can pair the
/// others differently and change what is a link or bold: no fix is
/// offered there (found by the fix fuzzer).
fn markup_pairs_up(text: &str) -> bool {
    // Byte by byte: all of them are ASCII, and no UTF-8 sequence holds them.
    let (mut square, mut round, mut stars, mut ticks) = (0i32, 0i32, 0u32, 0u32);
    for b in text.bytes() {
        match b {
            b'[' => square += 1,
            b']' => square -= 1,
            b'(' => round += 1,
            b')' => round -= 1,
            b'*' => stars += 1,
            b'`' => ticks += 1,
            _ => {}
        }
        if square < 0 || round < 0 {
            return false;
        }
    }
    square == 0 && round == 0 && stars % 2 == 0 && ticks % 2 == 0
}

/// The list's way of joining venue and year, when most tags agree on it.
fn strong_style(style: Option<&VenueStyle>) -> Option<&VenueStyle> {
    style.filter(|s| s.agree >= 3 && s.agree as f64 >= s.present as f64 * AGREEMENT)
}

fn check_shape(ctx: &Context, entry: &Entry, venue: &Venue, out: &mut Vec<Finding>) {
    let text = ctx.source.text();
    let inner = &venue.inner;
    let written = &text[inner.clone()];
    let clean = written.trim_matches(|c: char| c == '*' || c.is_whitespace());
    let tag = is_tag(venue.form);
    if clean.is_empty() {
        out.push(
            Finding::new(Rule::VenueFormat, venue.span.clone(), "empty venue tag")
                .label("no venue or year")
                .help(SHAPE),
        );
        return;
    }
    // A bold tag in brackets is written `[**Venue Year**]`: stray stars
    // (`[***CVPR 2023***]`) or spaces inside the stars (`[** CVPR 2023 **]`,
    // which markdown does not even read as bold) are reported there.
    let raw = &text[venue.span.clone()];
    let well_written = raw.len() == clean.len() + 6
        && raw.starts_with("[**")
        && raw.ends_with("**]")
        && &raw[3..raw.len() - 3] == clean;
    // Only a tag broken so: `[**ICCV'23** Workshop]` bolds a part of the
    // tag on purpose and reads fine.
    let stars_broken = raw.starts_with("[***")
        || raw.ends_with("***]")
        || raw.starts_with("[** ")
        || raw.ends_with(" **]");
    if matches!(venue.form, Form::BracketBold | Form::Bracket)
        && raw.starts_with("[*")
        && !well_written
        && stars_broken
    {
        let fixed = format!("[**{clean}**]");
        let (message, label) = if raw.starts_with("[***") || raw.ends_with("***]") {
            ("extra `*` in the venue tag", "stars inside the tag")
        } else {
            ("spaces inside the venue tag", "spaces inside the stars")
        };
        out.push(
            Finding::new(Rule::VenueFormat, venue.span.clone(), message)
                .label(label)
                .help(format!("write `{fixed}`"))
                .fix(Fix::safe(Edit::replace(venue.span.clone(), fixed))),
        );
    }
    if venue.name.is_empty() {
        if tag && !venue.years.is_empty() && entry.dates.is_empty() {
            out.push(
                Finding::new(
                    Rule::VenueFormat,
                    inner.clone(),
                    "the venue tag names no venue",
                )
                .label("no venue")
                .help(SHAPE),
            );
        }
        return;
    }
    let name = &text[venue.name.clone()];
    let Some(year) = venue.years.first() else {
        if !tag {
            return;
        }
        let after_venue = venue.name.end..inner.end;
        let trailing =
            text[after_venue.clone()].trim_matches(|c: char| c == '*' || c.is_whitespace());
        let broken = !trailing.is_empty() && trailing.bytes().all(|b| b.is_ascii_digit());
        // A broken year is always reported; a missing one only in a list
        // whose tags carry years, and not when the entry dates itself
        // elsewhere or the list leaves it to the year heading above.
        // An entry dated elsewhere may leave its tag's year out, unless
        // the list writes this venue with its year (`[TKDE]` where another
        // entry has `[TKDE 2024]`).
        if !broken
            && ((!entry.dates.is_empty() && !ctx.conventions.dates_venue(entry.shape, name))
                || (ctx.doc.section_of(entry).is_some()
                    && ctx.conventions.leaves_years_to_headings())
                || !ctx.conventions.expects_year(entry.shape, name))
        {
            return;
        }
        let (span, message) = if broken {
            let start = after_venue.start + text[after_venue.clone()].find(trailing).unwrap_or(0);
            (
                start..start + trailing.len(),
                format!("year `{trailing}` is not four digits"),
            )
        } else {
            (inner.clone(), "the venue tag has no year".to_owned())
        };
        out.push(
            Finding::new(Rule::VenueFormat, span, message)
                .label("no year")
                .help(SHAPE),
        );
        return;
    };
    check_separator(ctx, entry, venue, year, out);
    if tag {
        check_after_year(ctx, entry, venue, year, out);
    }
}

/// `… Conference on Knowledge Discovery & Data Mining (KDD '21)`: the
/// acronym a proceedings' full name is printed with, in parentheses after it
/// in a citation's sentence. Its year is written as its publisher writes it
/// (`KDD '21`, `PAKDD-2021`), not as the list writes its tags.
fn cited_acronym(ctx: &Context, venue: &Venue) -> bool {
    if venue.form != Form::Paren {
        return false;
    }
    let before = &ctx.source.text()[..venue.span.start];
    let sentence = before
        .rfind(". ")
        .map_or(0, |i| i + 2)
        .max(before.rfind('\n').map_or(0, |i| i + 1));
    before[sentence..]
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| vocabulary::is_one_of(word, &vocabulary::words().tags.venue_words))
}

/// What joins the venue and its year, and how the year is written, against
/// the list's way.
fn check_separator(
    ctx: &Context,
    entry: &Entry,
    venue: &Venue,
    year: &Year,
    out: &mut Vec<Finding>,
) {
    let text = ctx.source.text();
    let name = &text[venue.name.clone()];
    // Only a year after the name is joined to it.
    if year.date.start < venue.name.end || cited_acronym(ctx, venue) {
        return;
    }
    let gap = venue.year_gap(text, year);
    let between = &text[gap.clone()];
    let style = strong_style(ctx.doc.shape_of(entry).venue_style.as_ref());
    let year_text = &text[year.date.clone()];
    // `'25` carries its own apostrophe: `CVPR'25` and `CVPR '25` are both written.
    // `ICLR 25` and `ECCV24` are both ways; `ISSTA23` is a slip only among
    // tags that strongly agree on `ICLR 25`.
    let bare_way = year.form == YearForm::Bare
        && (between == " "
            || !style.is_some_and(|s| s.year == YearForm::Bare && s.separator == " "));
    if year.form == YearForm::Short && matches!(between, "" | " ") || bare_way {
        check_year_form(ctx, venue, year, style, out);
        return;
    }
    // `[TGRS2024]` throughout a list, or in a good part of it (a fifth of
    // its tags or more: a habit, where a slip is one tag in many): its way
    // of writing tags.
    let habit = |glued: usize, present: usize| glued >= 3 && glued * 5 >= present;
    // The entry's region's habit, or the file's where the region has too
    // few tags to have one (a table of tools among tables of papers).
    let (glued, present) = ctx
        .doc
        .shapes
        .iter()
        .filter_map(|s| s.venue_style.as_ref())
        .fold((0, 0), |(g, p), s| (g + s.glued, p + s.present));
    let glued_habit = ctx
        .doc
        .shape_of(entry)
        .venue_style
        .as_ref()
        .is_some_and(|s| habit(s.glued, s.present))
        || habit(glued, present)
        // Too few tags in the file to have a way, and half of them glued
        // (`[ICLR2025]` twice in a list of tables that names no other
        // venue): how this list writes them.
        || (present < MIN_SUPPORT && glued * 2 >= present);
    if between.is_empty() && glued_habit {
        check_year_form(ctx, venue, year, style, out);
        return;
    }
    if between.is_empty() {
        let usual = style.map_or(" ", |s| s.separator.as_str());
        let usual = if usual.is_empty() { " " } else { usual };
        out.push(
            Finding::new(
                Rule::VenueFormat,
                gap.start..year.span.end,
                "no space between the venue and the year",
            )
            .label("add a space before the year")
            .help(format!("write `{name}{usual}{year_text}`"))
            .fix(Fix::safe(Edit::replace(gap, usual))),
        );
        return;
    }
    // `IEEE T-VCG 25. 11(2019): 3052–3062`: a citation's volume and issue
    // between the journal and the year, not a separator written another way.
    if between.bytes().any(|b| b.is_ascii_digit()) {
        return;
    }
    // Spaces alone are a separator every list reads right: `CVPR 2023`
    // among `CVPR, 2023`s is a citation style mixed in, not a slip (judged
    // so on real lists), and `bioRxiv  2022` renders as `bioRxiv 2022`
    // (doubled spaces are `whitespace`'s, when it is enabled).
    if between.bytes().all(|b| matches!(b, b' ' | b'\t')) {
        return;
    }
    // A separator of another kind than the list's (`MICCAI-2023` among
    // `MICCAI 2023`): one a list may use on purpose, so a departure only
    // where the list agrees on another.
    let usual_style = ctx
        .doc
        .shape_of(entry)
        .venue_style
        .as_ref()
        .filter(|s| s.agree >= 3 && s.agree * 3 >= s.present * 2);
    // `Appl. Sci., 2023`, `Korean J Med Educ., 2023`: the period closes an
    // abbreviated name, the separator is what follows it.
    let abbreviated = between.starts_with('.')
        && name
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.chars().count() <= 6 && w.chars().all(char::is_alphabetic));
    // `Synthesis Lectures on ..., Morgan & Claypool Publishers, 2020`: a
    // citation, not a tag to hold to the list's style.
    // A venue within text (`… Neural Networks. IEEE, 2013.`) is a
    // citation's, whose style a list mixes freely (judged so on real lists);
    // a tag's separator is the list's own.
    let citation = maybe_no_venue(ctx, name) || !is_tag(venue.form);
    // `ICML. PMLR, 2022`, `arXiv preprint arXiv:2401.00713, 2024`: words
    // between the venue and its year (a publisher, an identifier) are not
    // a separator, and a fix must not delete them.
    let words_between = between.chars().any(char::is_alphanumeric);
    if let Some(usual) = usual_style
        && between != usual.separator
        && !citation
        && !words_between
        && !(abbreviated && between[1..] == usual.separator)
        // A list that glues its years to its venues (`CVPR'25`, `TGRS2024`)
        // does not make a space a departure: `CVPR 2025` is the usual form.
        && !usual.separator.is_empty()
    {
        let replacement = if usual.separator.is_empty() {
            " "
        } else {
            usual.separator.as_str()
        };
        out.push(
            Finding::new(
                Rule::VenueFormat,
                gap.clone(),
                if between.trim().is_empty() {
                    "venue and year are separated by a space".to_owned()
                } else {
                    format!("venue and year are separated by `{}`", between.trim())
                },
            )
            .severity(Severity::Warning)
            .label(format!(
                "the list writes `{}`",
                replacement.replace(' ', "␠")
            ))
            .help(format!(
                "write `{name}{replacement}{year_text}`, as {} tags of the list do",
                usual.agree
            ))
            .fix(Fix::safe(Edit::replace(gap, replacement))),
        );
        return;
    }
    check_year_form(ctx, venue, year, style, out);
}

/// `CVPR 2025` in a list that writes `CVPR'25` (and the reverse).
fn check_year_form(
    ctx: &Context,
    venue: &Venue,
    year: &Year,
    style: Option<&VenueStyle>,
    out: &mut Vec<Finding>,
) {
    let Some(style) = style else {
        return;
    };
    if style.year == year.form {
        return;
    }
    let text = ctx.source.text();
    let name = &text[venue.name.clone()];
    let spell = |form: YearForm| match form {
        YearForm::Short => Some(format!("'{:02}", year.value % 100)),
        YearForm::Bare => Some(format!("{:02}", year.value % 100)),
        YearForm::Full => Some(year.value.to_string()),
        _ => None,
    };
    let (Some(_), Some(wanted)) = (spell(year.form), spell(style.year)) else {
        return;
    };
    let separator = style.separator.as_str();
    let region = venue.name.end..year.date.end;
    let fixed = format!("{separator}{wanted}");
    out.push(
        Finding::new(
            Rule::VenueFormat,
            year.date.clone(),
            format!(
                "the year is written `{}` where {} tags of the list write `{}`",
                &text[year.date.clone()],
                style.agree,
                match style.year {
                    YearForm::Short => "'YY",
                    YearForm::Bare => "YY",
                    _ => "YYYY",
                }
            ),
        )
        .severity(Severity::Warning)
        .label("written another way")
        .help(format!("write `{name}{fixed}`"))
        .fix(Fix::safe(Edit::replace(region, fixed))),
    );
}

/// Text after the year: a presentation qualifier passes; `Workshop` or
/// `Findings` belongs before the year unless the list puts it after by
/// habit; anything else breaks the tag.
fn check_after_year(
    ctx: &Context,
    entry: &Entry,
    venue: &Venue,
    year: &Year,
    out: &mut Vec<Finding>,
) {
    let text = ctx.source.text();
    let inner = &venue.inner;
    let end = inner.start
        + text[inner.clone()]
            .trim_end_matches(|c: char| c == '*' || c.is_whitespace())
            .len();
    let year_end = venue.years.last().map_or(year.date.end, |y| y.date.end);
    // `[2021 3DV]`: the year first, and the venue's name after it.
    if venue.name.start >= year.date.end && venue.name.end >= end {
        return;
    }
    if year.date.end >= end
        || (venue.years.len() > 1 && year_end >= end && !text[year.date.end..end].contains('('))
    {
        return;
    }
    let rest = year.date.end..end;
    let extra = &text[rest.clone()];
    let words: Vec<&str> = extra
        .split(|c: char| !c.is_alphanumeric() && c != '&')
        .filter(|w| !w.is_empty())
        .collect();
    let name = &text[venue.name.clone()];
    if !words.is_empty()
        && words
            .iter()
            .all(|w| vocabulary::is_one_of(w, &vocabulary::words().tags.after_year))
    {
        return;
    }
    // The same words after the year in another tag of the list (this one
    // too, two or more): its way.
    let habit = after_year_habit(ctx, entry.shape, extra.trim());
    if habit {
        return;
    }
    // The same words in another case (`workshop` where the list writes
    // `ICLR 2019 Workshop`): the place is the list's, only the case is off.
    if let Some(spelling) = after_year_spelling(ctx, entry.shape, extra.trim()) {
        let at = rest.start + (extra.len() - extra.trim_start().len());
        let written = at..at + extra.trim().len();
        out.push(
            Finding::new(
                Rule::VenueFormat,
                written.clone(),
                format!(
                    "`{}` is written `{spelling}` in the list's other tags",
                    extra.trim()
                ),
            )
            .severity(Severity::Warning)
            .label("another case")
            .help(format!("write `{spelling}`"))
            .fix(Fix::spelling(Edit::replace(written, spelling))),
        );
        return;
    }
    if let [kind] = words.as_slice()
        && (kind.eq_ignore_ascii_case("workshop") || kind.eq_ignore_ascii_case("findings"))
        && let Some(first) = before_year_habit(ctx, entry.shape, kind)
    {
        let year_text = &text[year.date.clone()];
        // As the list writes it: `Findings of EMNLP 2023` or `EMNLP
        // Findings 2023`.
        let fixed = if first {
            format!("{kind} of {name} {year_text}")
        } else {
            format!("{name} {kind} {year_text}")
        };
        out.push(
            Finding::new(
                Rule::VenueFormat,
                rest,
                format!("`{kind}` belongs before the year"),
            )
            .severity(Severity::Warning)
            .label("part of the venue")
            .help(format!("write `{fixed}`"))
            .fix(Fix::safe(Edit::replace(venue.name.start..end, fixed))),
        );
        return;
    }
    // Words (`Conference Version`, `Best Paper`, `Technical Track`,
    // `Workshop on Code LLMs`) qualify the paper and read fine; only stray
    // dates and symbols (`/2023.10`, `/5`) garble the tag.
    // (In parentheses too, after a space: `ICLR 2024 (Outstanding Papers)`
    // reads as `ICLR 2024 (oral)` does; `2022(arxiv 2020)` is a date's.)
    let words_only = |s: &str| {
        s.chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '&' | ',' | '.'))
    };
    let noted = extra
        .strip_prefix(' ')
        .map(str::trim)
        .and_then(|s| s.strip_prefix('('))
        .and_then(|s| s.strip_suffix(')'))
        .is_some_and(words_only);
    let qualifier = words_only(extra.trim()) || noted;
    if qualifier && extra.chars().any(char::is_alphabetic) {
        return;
    }
    let mut finding = Finding::new(
        Rule::VenueFormat,
        rest.clone(),
        format!("unexpected `{}` after the year", extra.trim()),
    )
    .severity(if qualifier {
        // Punctuation alone (`CVPR 2023.`): it reads as a tag still.
        Severity::Warning
    } else {
        Severity::Error
    })
    .label("not part of `Venue Year`")
    .help(format!(
        "{SHAPE}; write `{name} {}` and mention other versions in the title or a note",
        year.value
    ));
    // `2022(arxiv 2020)`: the one thing that is safe to repair is the space.
    if extra.starts_with('(') {
        finding = finding.fix(Fix::safe(Edit::insert(rest.start, " ")));
    }
    out.push(finding);
}

/// A second date after the year (`2023.2/5`, `2024/2023.10`): the dates of a
/// paper's versions, which some lists give in every tag that has two.
fn is_second_date(extra: &str) -> bool {
    extra.strip_prefix('/').is_some_and(|rest| {
        let rest = rest.trim();
        !rest.is_empty()
            && rest
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
    })
}

/// The venues of the entries read by one shape.
fn venues_of_shape<'a>(ctx: &'a Context<'_>, shape: usize) -> impl Iterator<Item = &'a Venue> {
    ctx.doc
        .entries
        .iter()
        .filter(move |e| e.shape == shape)
        .filter_map(|e| e.venue.as_ref())
}

/// Whether two tags of a shape or more carry the same text after their
/// year (or, for second dates, a date of the same kind).
fn after_year_habit(ctx: &Context, shape: usize, extra: &str) -> bool {
    let second_date = is_second_date(extra);
    let text = ctx.source.text();
    // `, 150+ citations` and `, 290+ citations` are one way of writing:
    // numbers aside, the same words.
    let pattern = |s: &str| -> String {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            if c.is_ascii_digit() {
                if !out.ends_with('#') {
                    out.push('#');
                }
            } else {
                out.push(c);
            }
        }
        out
    };
    // (and a plural aside: `30+ citation` among `150+ citations`).
    let wanted = pattern(extra);
    let wanted = wanted.trim_end_matches('s');
    let worded = extra.chars().any(char::is_alphabetic);
    venues_of_shape(ctx, shape)
        .filter(|v| {
            v.years.first().is_some_and(|y| {
                let end = v.inner.end.max(y.date.end);
                let other =
                    text[y.date.end..end].trim_matches(|c: char| c == '*' || c.is_whitespace());
                other == extra
                    || (worded && pattern(other).trim_end_matches('s') == wanted)
                    || (second_date && is_second_date(other))
            })
        })
        .take(2)
        .count()
        >= 2
}

/// Whether two tags of the list or more write `kind` (`Workshop`,
/// `Findings`) before their year: the list's way, which a tag that puts it
/// after departs from. A list that never writes it before has no such way,
/// and `ICML 2019 Workshop` reads fine. `Some(true)` where most write it
/// first (`Findings of EMNLP 2023`), `Some(false)` after the name (`EMNLP
/// Findings 2023`).
fn before_year_habit(ctx: &Context, shape: usize, kind: &str) -> Option<bool> {
    let text = ctx.source.text();
    let mut first = 0;
    let mut after_name = 0;
    for v in venues_of_shape(ctx, shape) {
        let start = v.years.first().map_or(v.inner.end, |y| y.date.start);
        let before = &text[v.inner.start..start.max(v.inner.start)];
        let mut words = before
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty());
        match words.position(|w| w.eq_ignore_ascii_case(kind)) {
            Some(0) => first += 1,
            Some(_) => after_name += 1,
            None => {}
        }
    }
    (first + after_name >= 2).then_some(first > after_name)
}

/// How three tags of the list or more write the words after the year that
/// `extra` writes in another case, the commonest way first.
fn after_year_spelling(ctx: &Context, shape: usize, extra: &str) -> Option<String> {
    let text = ctx.source.text();
    let mut ways: Vec<(&str, usize)> = Vec::new();
    for venue in venues_of_shape(ctx, shape) {
        let Some(year) = venue.years.first() else {
            continue;
        };
        let end = venue.inner.end.max(year.date.end);
        let other = text[year.date.end..end].trim_matches(|c: char| c == '*' || c.is_whitespace());
        if other != extra && other.eq_ignore_ascii_case(extra) {
            match ways.iter_mut().find(|(w, _)| *w == other) {
                Some((_, n)) => *n += 1,
                None => ways.push((other, 1)),
            }
        }
    }
    ways.into_iter()
        .filter(|&(_, n)| n >= 3)
        .max_by_key(|&(_, n)| n)
        .map(|(w, _)| w.to_owned())
}

/// Whether two spellings differ only by case and punctuation.
fn same_letters(a: &str, b: &str) -> bool {
    let letters = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    letters(a) == letters(b)
}

/// `year`: the entry's, which the venue's own years come before.
fn check_venue<'a>(
    ctx: &Context<'a>,
    entry: &Venue,
    year: Option<u16>,
    own_vocabulary: bool,
    seen: &mut HashMap<&'a str, VenueCheck>,
    out: &mut Vec<Finding>,
) {
    if entry.name.is_empty() {
        return;
    }
    let name = ctx.text(&entry.name);
    // A name read with markup in it (`.** NeurIPS`, where a stray `**`
    // sits between a bold title and the venue after it) is no spelling
    // to correct: respelling it would delete the markup (found by the fix
    // fuzzer). The reader that lets the markup in is where this belongs;
    // until then, nothing is said about such a name.
    if name.contains(['*', '_', '`', '[', ']', '<', '>', '\\']) {
        return;
    }
    let verdict = seen
        .entry(name)
        .or_insert_with(|| ctx.settings.venues.check(name))
        .clone();
    match verdict {
        VenueCheck::Known => {}
        // `NIPS 2017` was the venue's name then; only its case is the brand's.
        // A year written apart from the name (`NIPS(2015)`, `NIPS. 2017`)
        // dates it as well.
        VenueCheck::Alias { .. }
            if entry
                .years
                .first()
                .map(|y| y.value)
                .or(year)
                .is_some_and(|y| ctx.settings.venues.former_name_then(name, y)) => {}
        // The list's own way of writing the name (`Arxiv` throughout), or a
        // list that mixes ways, is its style; a spelling with other letters
        // (`NIPS`) is reported even so.
        VenueCheck::Alias { canonical }
            if same_letters(name, &canonical)
                && !ctx.conventions.spelling_departs(name, &canonical) => {}
        // `Neural computation` in a citation's text: reference styles write
        // a journal's name in sentence case; that is the style's, not a slip.
        VenueCheck::Alias { canonical }
            if entry.form == Form::Plain
                && name.eq_ignore_ascii_case(&canonical)
                && name
                    .split_whitespace()
                    .skip(1)
                    .any(|w| w.starts_with(|c: char| c.is_lowercase()) && w.len() >= 3) => {}
        // A list that writes one preprint server its own way throughout
        // (`Arxiv`) is not fussy about how preprint servers are cased:
        // `chemRxiv` once there is its style too.
        // (`Arxiv preprint` is `Arxiv` with the word a citation adds.)
        VenueCheck::Alias { canonical }
            if is_preprint(ctx, &canonical)
                && same_letters(without_preprint_word(name), &canonical)
                && preprint_case_habit(ctx) => {}
        // A former name the list keeps using (`NIPS 2023` throughout) is
        // its way of naming the venue; once among `NeurIPS`, a slip.
        VenueCheck::Alias { canonical }
            if ctx.settings.venues.is_former_name(name)
                && ctx.conventions.former_name_is_habit(name, &canonical) => {}
        VenueCheck::Alias { canonical } => {
            out.push(
                Finding::new(
                    Rule::VenueFormat,
                    entry.name.clone(),
                    format!("`{name}` is spelled `{canonical}`"),
                )
                .severity(Severity::Warning)
                .label("non-canonical spelling")
                .help(format!("did you mean `{canonical}`?"))
                .fix(Fix::spelling(Edit::replace(entry.name.clone(), canonical))),
            );
        }
        // `Proc. AI 2023`: the proceedings of a venue too short to tell from
        // another by its letters; a did-you-mean would match them across
        // the abbreviation (`PRICAI`). (`Proceedings of EMNPL` is long
        // enough to be a slip.)
        VenueCheck::Unknown { .. }
            if ["Proc. ", "Proc ", "Proceedings of the ", "Proceedings of "]
                .iter()
                .find_map(|p| name.strip_prefix(p))
                .is_some_and(|core| core.chars().filter(|c| c.is_alphanumeric()).count() < 4) => {}
        VenueCheck::Unknown { suggestion } => {
            // The list's own vocabulary: a spelling it uses twice is a venue
            // to it (`UrbComp`), unless it is a slip of a venue the list
            // writes more often still (`MICCA` among `MICCAI`s).
            let uses = ctx.conventions.venue_uses(name);
            // A rare spelling one letter from one the list writes many
            // times more (`aiXiv` 6 times among 140 `arXiv`) is a slip the
            // list repeated, whatever keys the letters sit on.
            let suggestion = frequent_spelling(ctx, name, uses).or(suggestion.clone());
            if uses >= 2
                && suggestion
                    .as_deref()
                    .is_none_or(|known| ctx.conventions.venue_uses(known) <= uses)
            {
                return;
            }
            // A short name one letter from a venue the list never writes is
            // as likely a venue of its own (`SJS`, `CIS`, `IJCRS`), and so
            // is a name that holds a known acronym as a word of its own
            // (`ICPR IML Workshop`, not `ICPRAM Workshop`): the
            // vocabulary's guess stands for them only when the list names
            // that venue elsewhere. A slip of the fingers (`IORS`, `CVPRR`)
            // and a longer name (`Neuips`) are slips wherever they point.
            let written_by_list = |known: &str| {
                ctx.conventions.venue_uses(known) > 0
                    || known
                        .split_whitespace()
                        .next()
                        .is_some_and(|base| ctx.conventions.venue_uses(base) > 0)
            };
            // (Words apart by spaces, or joined by `-`, `/` or `@` as joint
            // conferences are: `AACL-IJCNLP` is not `ACL-IJCNLP`.)
            let parts = |s: &str| -> Vec<String> {
                s.split(|c: char| c.is_whitespace() || matches!(c, '-' | '/' | '@'))
                    .filter(|w| !w.is_empty())
                    .map(str::to_owned)
                    .collect()
            };
            let holds_a_venue = |known: &str| {
                let words = parts(name);
                let theirs = parts(known);
                words.len() > 1
                    && words.iter().any(|word| {
                        word.len() >= 3
                            && word
                                .bytes()
                                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
                            && ctx.settings.venues.recognizes(word)
                            && !theirs.contains(word)
                    })
            };
            let letters = name.chars().filter(|c| c.is_alphanumeric()).count();
            // The list's own spelling, where one is this close, before the
            // vocabulary's (`NAACL-HIT` in a list that writes `NAACL-HLT`).
            let own = list_suggestion(ctx, name);
            let suggestion = own.or(suggestion.filter(|known| {
                // `AISTAT` for `AISTATS`: a letter missing from the end.
                let cut_short =
                    known.len() == name.len() + 1 && known.starts_with(name) && name.len() >= 4;
                // (In a list of its own vocabulary, short names one letter
                // apart are as often two venues, `CVIP` and `VCIP`; a long
                // name one slip from a known one, `NeurlIPS`, is a slip
                // still.)
                written_by_list(known)
                    || cut_short
                    || (!holds_a_venue(known)
                        && if own_vocabulary {
                            letters >= 7 && !name.contains([' ', '.', '&', '/'])
                        } else {
                            crate::venue::is_typing_slip(name, known) || letters >= 6
                        })
            }));
            let Some(suggestion) = suggestion else {
                return;
            };
            let add =
                "add it to `known` in the [venues] section of .awesome-lint.toml if it is right";
            out.push(
                Finding::new(
                    Rule::VenueFormat,
                    entry.name.clone(),
                    format!("unknown venue `{name}`"),
                )
                .severity(Severity::Warning)
                .label("not a known venue")
                .help(format!("did you mean `{suggestion}`? ({add})"))
                .fix(Fix::unsafe_edit(Edit::replace(
                    entry.name.clone(),
                    suggestion,
                ))),
            );
        }
    }
}

/// `Arxiv preprint` without ` preprint`.
fn without_preprint_word(name: &str) -> &str {
    let trimmed = name.trim_end();
    match trimmed.len().checked_sub(" preprint".len()) {
        Some(cut)
            if trimmed.is_char_boundary(cut)
                && trimmed[cut..].eq_ignore_ascii_case(" preprint") =>
        {
            &trimmed[..cut]
        }
        _ => name,
    }
}

fn is_preprint(ctx: &Context, name: &str) -> bool {
    let lower = name.trim().to_lowercase();
    ctx.settings.venues.preprints().contains(&lower)
}

/// Whether the list writes some preprint server in a case of its own,
/// throughout (`Arxiv` in every entry that names arXiv).
fn preprint_case_habit(ctx: &Context) -> bool {
    ctx.conventions.venues.iter().any(|(name, &uses)| {
        uses >= 3
            && is_preprint(ctx, name)
            && matches!(
                ctx.settings.venues.check(name),
                VenueCheck::Alias { canonical }
                    if same_letters(name, &canonical)
                        && !ctx.conventions.spelling_departs(name, &canonical)
            )
    })
}

/// A spelling the list uses three times or more that a once-used unknown
/// venue is a confident misspelling of (`GCO` in a list of `CGO`s).
/// The spelling the list writes at least five times as often as `name`
/// (and ten times or more), one letter changed or two swapped, if there is
/// one such: of five letters or more, so that two short venues a letter
/// apart (`ICDE`, `ICDT`) stay two.
fn frequent_spelling(ctx: &Context, name: &str, uses: usize) -> Option<String> {
    let mut found: Option<&str> = None;
    for (other, &theirs) in &ctx.conventions.venues {
        if theirs < 10
            || theirs < uses.max(1) * 5
            || other == name
            || !crate::venue::one_letter_apart(name, other)
        {
            continue;
        }
        if found.is_some_and(|f| f != other) {
            return None;
        }
        found = Some(other);
    }
    found.map(str::to_owned)
}

fn list_suggestion(ctx: &Context, name: &str) -> Option<String> {
    let mut found: Option<&str> = None;
    for (other, &uses) in &ctx.conventions.venues {
        if uses >= 3 && other != name && crate::venue::is_misspelling(name, other) {
            if found.is_some_and(|f| f != other) {
                return None;
            }
            found = Some(other);
        }
    }
    found.map(str::to_owned)
}
