//! Which part of a block is the paper's title.

use super::*;

/// The name a title gives itself: a name-like first word followed by `: `,
/// without emphasis (`**MedKLIP**: ...`). Returns its offset in the title.
pub(crate) fn title_prefix(title: &str) -> Option<(usize, &str)> {
    let colon = memchr::memchr(b':', title.as_bytes())?;
    let (prefix, rest) = (&title[..colon], &title[colon + 1..]);
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let markup = |c: char| matches!(c, '*' | '_' | '`');
    let name = prefix.trim_start_matches(markup);
    let offset = prefix.len() - name.len();
    let name = name.trim_end_matches(markup);
    let looks_like_name = !name.is_empty()
        && name.len() <= 160
        && name.chars().count() <= 40
        && !name.contains(char::is_whitespace)
        && (name.chars().skip(1).any(char::is_uppercase)
            || name.contains(|c: char| c.is_ascii_digit() || c == '-'));
    looks_like_name.then_some((offset, name))
}

/// A short name: one word (or two) with a capital after its first letter,
/// a digit or a hyphen (`MedKLIP`, `K-Diag`, `RT-2`, `Generative Agents`).
pub(in crate::document) fn is_name_like(text: &str) -> bool {
    let t = text.trim();
    let words = word_count(t);
    (1..=3).contains(&words) && t.chars().count() <= 40 && !t.ends_with('.')
}

/// Picks the title: a quoted title, a long link text at the start, a bold
/// text at the start, or the plain text after the leading tags.
pub(in crate::document) fn choose_title(
    text: &str,
    placed: &mut [Placed],
    r: &mut Reading,
    header: &[String],
    venue_col: Option<usize>,
    vocab: &Known<'_>,
) {
    let first_place = placed
        .iter()
        .find(|p| !matches!(&p.piece, Piece::Text(s) if is_blank(text, s)))
        .map(|p| p.place);
    let Some(first_place) = first_place else {
        return;
    };
    let is_row = matches!(first_place, Place::Column(_));
    // A table with a title column has its title there, not in a name or
    // dataset column beside it (`|**Cross-Scale MAE**|**Cross-Scale MAE: A
    // Tale of…**|`).
    let title_col = if is_row { title_column(header) } else { None };
    let outside_title_col = |place: Place| title_col.is_some_and(|t| place != Place::Column(t));
    // Only pieces that may precede a title: tags, names, images, emoji.
    let leading = |placed: &[Placed], upto: usize| {
        placed[..upto].iter().all(|p| match &p.piece {
            Piece::Tag { .. } | Piece::Named { .. } | Piece::Image(_) | Piece::Html(_) => true,
            // Badges before the title (`[![Star](…)](repo) [![Publish](…)]()`).
            Piece::Link { link, .. } => link.form == Form::Badge,
            Piece::Text(s) => {
                is_decoration(&text[s.clone()]) || is_date_and_venue(&text[s.clone()], vocab)
            }
            Piece::Emph { inner, level, .. } => *level >= 2 && is_name_like(&text[inner.clone()]),
            _ => false,
        })
    };

    // 1. A link whose text is a title, at the start of its line (or cell).
    for i in 0..placed.len() {
        let Piece::Link {
            link, style_title, ..
        } = &placed[i].piece
        else {
            continue;
        };
        // `[[BaiduYun code:GID5]](…)`: the doubled bracket is how lists
        // write a link's label, never its paper's title.
        if link.form == Form::DoubleInside {
            continue;
        }
        let label = &text[link.label.clone()];
        // In a column the header calls the title, a link that is not a link
        // label is the title, however short (`| [PointCNN](…) |`).
        let in_title_col = in_title_column(header, placed[i].place)
            && link.form != Form::Badge
            && (link.kind == LabelKind::Unknown || word_count(label) >= 2);
        // `[**Olmo 3.**](…)`: a bold label that ends a sentence is a title,
        // as the `**Title.**` of such lists are; labels never end so.
        let sentence = link.form == Form::BoldLabel
            && link.kind == LabelKind::Unknown
            && label.trim_end().ends_with('.')
            && label.trim_end_matches('.').trim().chars().count() >= 2;
        // `[Neural Baby Talk](…), CVPR 2018`: a label of a few words that
        // opens its line, followed by nothing but a venue and its year.
        let dated = link.kind == LabelKind::Unknown
            && link.form != Form::Badge
            && word_count(label) >= 2
            && placed[..i]
                .iter()
                .all(|p| matches!(&p.piece, Piece::Text(s) if is_blank(text, s)))
            && placed.get(i + 1).is_some_and(|next| {
                next.place == placed[i].place
                    && matches!(&next.piece, Piece::Text(s) if is_venue_and_year(
                        text[s.clone()].trim().trim_start_matches([',', ';']).trim(),
                        vocab,
                    ))
            });
        if !(is_title_text(label, vocab) || *style_title || in_title_col || sentence || dated) {
            // `Bayesian GAN - [Bayesian GAN](arxiv)`: after a name and its
            // dash, the paper's link is the title, however short.
            let line_start = placed
                .iter()
                .position(|p| p.place == placed[i].place)
                .unwrap_or(0);
            let named = link.kind == LabelKind::Unknown
                && matches!(
                    name_lead(text, &placed[line_start..i], link, vocab),
                    Some(Some(_))
                );
            if !named {
                continue;
            }
        }
        let (mut link, style_title) = (link.clone(), *style_title);
        let place = placed[i].place;
        // A link in the venue column names the venue (`[TGRS2022](…)`).
        let in_venue_col = matches!(place, Place::Column(c) if venue_col == Some(c as usize));
        if outside_title_col(place) || in_venue_col {
            continue;
        }
        let line_start = placed.iter().position(|p| p.place == place).unwrap_or(0);
        let first = is_row || place == first_place;
        let mut name = None;
        let lead = if leading(&placed[line_start..], i - line_start) {
            None
        } else if let Some(lead) = authors_lead(text, &placed[line_start..i]) {
            Some(lead)
        } else if let Some(lead) = name_lead(text, &placed[line_start..i], &link, vocab) {
            name = lead;
            None
        } else {
            continue;
        };
        // `Chen, H., Wu, Q., Wang, H.,` over `*[Title](…)*,`: the names on
        // a line of their own over the title's line, as references break
        // them.
        let names_over =
            (!first && place == Place::Line(1) && first_place == Place::Line(0) && line_start == i)
                .then(|| names_line(text, placed))
                .flatten();
        if !first && names_over.is_none() {
            continue;
        }
        if let Some(names) = names_over {
            for p in placed.iter_mut().filter(|p| p.place == Place::Line(0)) {
                p.used = true;
            }
            r.authors = Some(Authors {
                span: names.clone(),
                inner: names,
                form: Form::Plain,
                place: Place::Line(0),
            });
        }
        if let Some(name) = name {
            r.name = Some(name);
            placed[line_start].used = true;
        }
        if let Some((names, year)) = lead {
            take_lead(r, names, year, place);
            // The names are the text right before the title.
            placed[i - 1].used = true;
        }
        // `20200529 TNNLS [Title](…)`: the date and venue before it.
        for p in &mut placed[line_start..i] {
            if let Piece::Text(span) = &p.piece
                && !p.used
                && is_date_and_venue(&text[span.clone()], vocab)
            {
                take_date_and_venue(text, span.clone(), r, place, vocab);
                p.used = true;
            }
        }
        let bold = matches!(link.form, Form::BoldLabel) || style_title;
        link.is_title = true;
        link.place = place;
        r.title = Some(Title {
            span: link.span.clone(),
            inner: trim(text, link.label.clone()),
            form: if bold { Form::LinkedBold } else { Form::Linked },
            place,
            prefix: None,
        });
        r.links.push(with_target(text, link, vocab));
        placed[i].used = true;
        return;
    }

    // 2. A quoted title on the first two lines, with nothing but tags and
    // names before it on its line (`Don't Just Chase "Highlighted Tokens"
    // in MLLMs` quotes inside a plain title).
    for i in 0..placed.len() {
        let place = placed[i].place;
        let in_reach = match place {
            Place::Line(n) => n <= 1,
            Place::Column(_) => true,
            Place::SubItem => false,
        };
        if !in_reach || !matches!(placed[i].piece, Piece::Quote { .. }) || outside_title_col(place)
        {
            continue;
        }
        let line_start = placed.iter().position(|p| p.place == place).unwrap_or(0);
        // `ToMP: "Transforming Model Prediction for Tracking" CVPR.`: a
        // short name and its colon before the quoted title.
        let named = match &placed[line_start..i] {
            [
                Placed {
                    piece: Piece::Text(span),
                    ..
                },
            ] => name_before(text, span, place),
            _ => None,
        };
        // Or after the authors, as IEEE references write them (`J. Smith
        // and A. Doe, "Title," *Venue*, 2021.`).
        let lead = if named.is_some() || leading(&placed[line_start..], i - line_start) {
            None
        } else {
            let comma_before = matches!(
                &placed[i - 1].piece,
                Piece::Text(t) if text[t.clone()].trim_end().ends_with(',')
            );
            match authors_lead_as(text, &placed[line_start..i], comma_before) {
                Some(lead) => Some(lead),
                None => continue,
            }
        };
        // `"Do Anything Now": Characterizing ...`: a quoted phrase that
        // opens a plain title, which goes on after its colon (step 4).
        if lead.is_none() && quote_opens_title(text, placed, i) {
            continue;
        }
        // (One word is a title where the quote opens its line, as the list
        // quotes its titles: `"APEX-SWE" [2026-01]`.)
        if let Piece::Quote { span, inner } = &placed[i].piece
            && (word_count(&text[inner.clone()]) >= 2
                || (i == line_start
                    && text[inner.clone()]
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .count()
                        >= 3))
        {
            // The comma or period IEEE puts inside the quotes ends the title.
            let inner = trim(text, inner.clone());
            let kept = text[inner.clone()].trim_end_matches([',', '.', ' ']).len();
            r.title = Some(Title {
                span: span.clone(),
                inner: inner.start..inner.start + kept.max(1).min(inner.len()),
                form: Form::Quoted,
                place,
                prefix: None,
            });
            placed[i].used = true;
            if let Some((names, year)) = lead {
                take_lead(r, names, year, place);
                placed[i - 1].used = true;
            }
            if let Some(name) = named {
                r.name = Some(name);
                placed[line_start].used = true;
            }
            return;
        }
    }

    // 2b. A reference in the APA style: the authors, the year in
    // parentheses, then the title as a sentence of its own (`Smith, J., &
    // Doe, A. (2021). Title of the paper. *Venue*, 3(4), 1-9.`).
    if let Some(title) = apa_title(text, placed, first_place) {
        let (authors, paren, title) = title;
        take_lead(r, authors, None, first_place);
        placed[paren - 1].used = true;
        placed[paren + 1].used = true;
        r.title = Some(Title {
            span: title.clone(),
            inner: title,
            form: Form::Plain,
            place: first_place,
            prefix: None,
        });
        return;
    }

    // 3. Bold text at the start (`**Title.**`), or in a title column.
    for i in 0..placed.len() {
        let place = placed[i].place;
        let col_is_title = in_title_column(header, place);
        if (place != first_place && !col_is_title) || outside_title_col(place) {
            continue;
        }
        let (span, inner, level) = match &placed[i].piece {
            Piece::Emph { span, inner, level } => (span.clone(), inner.clone(), *level),
            _ => continue,
        };
        let (span, inner, level) = (&span, &inner, &level);
        let content = text[inner.clone()].trim();
        // One bold word is a name, unless it ends a sentence like the titles
        // of `**Title.**` lists do (`**MIMIC-CXR-annotations.**`): names never do.
        if *level < 2 || word_count(content) < 2 && !col_is_title && !content.ends_with('.') {
            continue;
        }
        let line_start = placed.iter().position(|p| p.place == place).unwrap_or(0);
        // At the start, or after the authors as references write them
        // (`Yu K, Qin X, et al. <b>Title[J]</b>. Sensors, 2021.`).
        // A GB/T type mark (`Title[C]`) says this is a reference's title:
        // one author before it is enough (`James J Q. <b>Title[C]</b>`).
        let typed = {
            let inner = trim(text, inner.clone());
            without_type_mark(text, inner.clone()) != inner
        };
        let lead = if leading(&placed[line_start..], i - line_start) {
            None
        } else {
            match authors_lead_as(text, &placed[line_start..i], typed) {
                Some(lead) => Some(lead),
                None => break,
            }
        };
        // `**Internist.ai 7b** Impact of high-quality data...`: a short bold
        // text followed by a longer plain one names the paper; the plain
        // text is the title.
        let words = word_count(content);
        let plain_after: usize = placed[i + 1..]
            .iter()
            .take_while(|p| p.place == place && matches!(p.piece, Piece::Text(_)))
            .map(|p| word_count(&text[p.piece.span().clone()]))
            .sum();
        // The plain text goes on from the bold one (`**Name** Impact of`),
        // not after a separator that ends it (`<b>Title[C]</b>//Venue`,
        // `**Title**. Venue`).
        let goes_on = matches!(
            placed.get(i + 1),
            Some(Placed { piece: Piece::Text(next), .. })
                if text[next.clone()].trim_start().starts_with(char::is_alphanumeric)
        );
        // A bold text that ends its sentence (`**Referring relationships.**
        // Proceedings of …`) is a title, however short: names never do.
        if words < 4 && plain_after >= 3 && goes_on && !col_is_title && !content.ends_with('.') {
            break;
        }
        if let Some((names, year)) = lead {
            take_lead(r, names, year, place);
            placed[i - 1].used = true;
        }
        // `**Egocentric Video** Task Translation, [[Paper]]`: bold words that
        // a plain title goes on from are a highlight inside the title.
        if goes_on
            && !col_is_title
            && !content.ends_with(['.', ':', '?', '!'])
            && let Some(end) = title_goes_on(text, placed, i, place, vocab)
        {
            let title = span.start..end;
            r.title = Some(Title {
                span: title.clone(),
                inner: title,
                form: Form::Plain,
                place,
                prefix: None,
            });
            return;
        }
        // `**Name**` followed by a quoted title is a name (checked above).
        r.title = Some(Title {
            span: span.clone(),
            inner: without_quotes(text, without_type_mark(text, trim(text, inner.clone()))),
            form: if *level == 3 {
                Form::BoldEmph
            } else {
                Form::Bold
            },
            place,
            prefix: None,
        });
        placed[i].used = true;
        return;
    }

    // 4. Plain text after the leading tags, up to the first link or tag.
    let place = if is_row {
        // The title column's text, or the first cell's; past first cells
        // the header gives to a date, a venue or notes, the next cell's
        // when its text reads as a title (`| Date | Project | … |` with `|
        // 25.03 | Reason-RFT: … [[Paper]](…) |`; a dataset's `| 2024 | SCD
        // | Building |` has none).
        let other_part = |place: Place| match place {
            Place::Column(c) => header
                .get(c as usize)
                .is_some_and(|h| is_date_column(h) || is_venue_column(h) || is_notes_column(h)),
            _ => false,
        };
        placed
            .iter()
            .map(|p| p.place)
            .find(|&pl| in_title_column(header, pl))
            .or_else(|| {
                other_part(first_place).then_some(())?;
                let next = placed
                    .iter()
                    .filter(|p| !matches!(&p.piece, Piece::Text(s) if is_blank(text, s)))
                    .map(|p| p.place)
                    .find(|&pl| !other_part(pl))?;
                placed
                    .iter()
                    .any(|p| {
                        p.place == next
                            && matches!(&p.piece, Piece::Text(s)
                                if is_title_text(text[s.clone()].trim(), vocab))
                    })
                    .then_some(next)
            })
            .unwrap_or(first_place)
    } else {
        first_place
    };
    let mut start = None;
    let mut end = 0;
    let mut pieces_used = Vec::new();
    for (i, p) in placed.iter().enumerate() {
        if p.place != place {
            if start.is_some() {
                break;
            }
            continue;
        }
        match &p.piece {
            Piece::Text(span) => {
                if start.is_none() && text[span.clone()].chars().all(|c| !c.is_alphanumeric()) {
                    continue;
                }
                // `📑 Publisher: ACL 2025`, `Institutions: SJTU`: a line
                // opening with a field's label is that field, read as such
                // with the entry's other texts, never its title.
                if start.is_none() && opens_with_field(&text[span.clone()]) {
                    continue;
                }
                start.get_or_insert(span.start);
                end = span.end;
                pieces_used.push(i);
            }
            Piece::Quote { span, .. } if start.is_none() && quote_opens_title(text, placed, i) => {
                start = Some(span.start);
                end = span.end;
                pieces_used.push(i);
            }
            // `Title (2015), H. Noh et al.`: a year or venue in parentheses
            // with the authors after it ends the title.
            Piece::Tag {
                inner,
                form: Form::Paren,
                ..
            } if start.is_some()
                && !matches!(tag_meaning(&text[inner.clone()], vocab), TagMeaning::Other)
                && matches!(
                    placed.get(i + 1),
                    Some(Placed { piece: Piece::Text(next), place: q, .. })
                        if *q == place
                            && text[next.clone()].trim_start().strip_prefix(',').is_some_and(
                                |rest| looks_like_authors(rest.trim(), false),
                            )
                ) =>
            {
                break;
            }
            // `Title. _Simon Frieder et al._ arXiv 2023.`: italic names
            // after the title's sentence end it.
            Piece::Emph {
                span,
                inner,
                level: 1,
            } if start.is_some()
                && text[..span.start]
                    .trim_end()
                    .ends_with(['.', '?', '!', ','])
                && text[inner.clone()].contains([',', '.'])
                && !text[inner.clone()].trim_start().starts_with(',')
                && looks_like_authors(&text[inner.clone()], false) =>
            {
                break;
            }
            // Italic words, code, parentheses and quoted words inside a
            // plain title.
            Piece::Emph { span, level: 1, .. }
            | Piece::Quote { span, .. }
            | Piece::Tag {
                span,
                form: Form::Code | Form::Paren,
                ..
            } if start.is_some() => {
                end = span.end;
                pieces_used.push(i);
            }
            // A bold keyword inside a plain title (`Attention Networks for
            // **Shape Reconstruction** in Function Space`): words go on after
            // it on the line, or it ends the title before the list's
            // separator (`Transformers for **Semantic Segmentation**, [[Paper]]`),
            // unless it says what a tag says (`**Oral**`, a venue, a date).
            Piece::Emph { span, inner, .. }
                if start.is_some()
                    && matches!(
                        placed.get(i + 1),
                        Some(Placed { piece: Piece::Text(next), place: q, .. })
                            if *q == place && {
                                let after = &text[next.clone()];
                                let words_go_on = after
                                    .split([',', '|', ';'])
                                    .next()
                                    .is_some_and(|w| w.chars().any(char::is_alphanumeric));
                                let content = &text[inner.clone()];
                                let ends_title = after.trim_start().starts_with([',', '|', ';'])
                                    && !is_qualifier(content)
                                    && matches!(tag_meaning(content, vocab), TagMeaning::Other);
                                words_go_on || ends_title
                            }
                    ) =>
            {
                end = span.end;
                pieces_used.push(i);
            }
            Piece::Tag { .. }
            | Piece::Named { .. }
            | Piece::Image(_)
            | Piece::Html(_)
            | Piece::Emph { .. }
                if start.is_none() => {}
            _ => {
                if start.is_some() {
                    break;
                }
            }
        }
    }
    let Some(start) = start else {
        return;
    };
    // Trailing pieces that are a venue or date are not the title, nor the
    // marks after a date in code (`` `2023.06` \[`` before a bracketed
    // link; after a parenthesis, `(FSE).`, they are the title's).
    while let Some(&last) = pieces_used.last() {
        if let Piece::Text(span) = &placed[last].piece
            && pieces_used.len() > 1
            && !text[span.clone()].chars().any(char::is_alphanumeric)
            && matches!(
                placed[pieces_used[pieces_used.len() - 2]].piece,
                Piece::Tag {
                    form: Form::Code,
                    ..
                }
            )
        {
            pieces_used.pop();
            end = pieces_used
                .last()
                .map_or(start, |&i| placed[i].piece.span().end);
            continue;
        }
        if let Piece::Tag {
            inner,
            form: Form::Paren | Form::Code,
            ..
        } = &placed[last].piece
            && !matches!(tag_meaning(&text[inner.clone()], vocab), TagMeaning::Other)
        {
            pieces_used.pop();
            end = pieces_used
                .last()
                .map_or(start, |&i| placed[i].piece.span().end);
            continue;
        }
        break;
    }
    let span = trim_separators(text, start..end);
    if span.is_empty() || !text[span.clone()].chars().any(char::is_alphabetic) {
        return;
    }
    // `| CVPR 2017 [PDF](…) |` in a table's paper column, `[Neural Baby
    // Talk](…), CVPR 2018` after a short linked title: a venue and its
    // year, never a title.
    // (Outside a table's cell, only a tag's few words: `ICLR'24-spotlight
    // Understanding …` opens with a tag and goes on as a title.)
    // (An opening bracket starts a group that reads on: `(CVPR 2021
    // [Workshop](…))`.)
    let lone = word_count(&text[span.clone()]) <= 4 && !text[span.clone()].starts_with(['(', '[']);
    if (is_row || lone) && is_venue_and_year(&text[span.clone()], vocab) {
        return;
    }
    // The text may open with the year and venue (`2016-KBS - Title`) ...
    let (title_start, lead) = split_lead(text, span.clone(), vocab);
    if let Some(lead) = lead {
        push_tail(text, r, lead, place);
    }
    let span = title_start..span.end;
    // ... and end with them: `Title. ICLR 2014.`, `Title 2020.`
    let (title_end, tail) = split_tail(text, span.clone(), vocab);
    let mut title = trim_separators(text, span.start..title_end);
    if title.is_empty() {
        return;
    }
    // `Title, Ada Lee and Bo Kim`: authors after the title, before the venue.
    if tail.is_some()
        && let Some(authors) = trailing_authors(text, &title)
    {
        title = trim_separators(text, title.start..authors.start);
        r.authors = Some(Authors {
            span: authors.clone(),
            inner: authors,
            form: Form::Plain,
            place,
        });
    }
    for &i in &pieces_used {
        let s = placed[i].piece.span().clone();
        if s.end <= title.end || s.start < title.end {
            placed[i].used = true;
        }
    }
    // The pieces after the title are its tail's (`, in *ICLR* 2024.`).
    if let Some(tail) = tail {
        for &i in &pieces_used {
            placed[i].used = true;
        }
        r.title = Some(Title {
            span: title.clone(),
            inner: title,
            form: Form::Plain,
            place,
            prefix: None,
        });
        push_tail(text, r, tail, place);
        return;
    }
    // A plain title that reads as a list of authors is not a title when a
    // later line holds one (`**Name**: A, B, C.` then `"Title."`): handled by
    // quotes above; here it stays the title.
    r.title = Some(Title {
        span: title.clone(),
        inner: title,
        form: Form::Plain,
        place,
        prefix: None,
    });
}

/// The names that make up the first line, alone (anchors aside), as a
/// list of authors: their span without the trailing comma.
fn names_line(text: &str, placed: &[Placed]) -> Option<Span> {
    let mut span: Option<Span> = None;
    for p in placed.iter().take_while(|p| p.place == Place::Line(0)) {
        match &p.piece {
            Piece::Html(_) => {}
            Piece::Text(s) if is_blank(text, s) => {}
            Piece::Text(s) => {
                span = Some(span.map_or(s.clone(), |sp| sp.start..s.end));
            }
            _ => return None,
        }
    }
    let span = trim(text, span?);
    let written = text[span.clone()].trim_end_matches([',', ' ']);
    (written.split(',').count() >= 2 && looks_like_authors(written, true))
        .then(|| span.start..span.start + written.len())
}

/// Whether `text` is a known venue and its year, and nothing else (`CVPR 2018`).
fn is_venue_and_year(text: &str, vocab: &Known<'_>) -> bool {
    !text.is_empty()
        && matches!(
            tag_meaning(text, vocab),
            TagMeaning::Venue(ref split) if !split.years.is_empty()
                && is_known_venue(&text[split.name.clone()], vocab)
        )
}

/// What comes before a paper's linked title when it names the paper rather
/// than starting its title: a short plain name and a dash or colon
/// (`AdaGAN - [AdaGAN: Boosting …](arxiv)`), or a short link to something
/// else, its code or site, and a colon (`[SentEval](github): [SentEval: An
/// Evaluation Toolkit …](arxiv)`). `Some(None)` for the link, which stays a
/// link of the entry. Only before a link to a paper: a long label alone is
/// no title when it leads elsewhere.
/// A short name and its separator in plain text before a title
/// (`Bayesian GAN - `, `ToMP: `).
fn name_before(text: &str, span: &Span, place: Place) -> Option<Name> {
    let separator = |s: &str| matches!(s.trim(), "-" | "–" | "—" | ":");
    let raw = &text[span.clone()];
    let body = raw.trim_end();
    let cut = body.trim_end_matches(['-', '–', '—', ':']);
    if cut.len() == body.len() || !separator(&body[cut.len()..]) {
        return None;
    }
    let name = cut.trim();
    if name.is_empty() || !is_name_like(name) || !name.starts_with(char::is_alphanumeric) {
        return None;
    }
    let start = span.start + (raw.len() - raw.trim_start().len());
    Some(Name {
        span: start..span.start + body.len(),
        inner: start..start + name.len(),
        form: if body.ends_with(':') {
            Form::Colon
        } else {
            Form::Dashed
        },
        place,
    })
}

fn name_lead(
    text: &str,
    before: &[Placed],
    title: &Link,
    vocab: &Known<'_>,
) -> Option<Option<Name>> {
    let to_paper = title
        .url
        .as_ref()
        .is_some_and(|u| super::is_paper_url(&text[u.clone()], vocab));
    // `Website: [https://…](https://…)`: an address shown as it is.
    if !to_paper || text[title.label.clone()].trim_start().starts_with("http") {
        return None;
    }
    match before {
        [
            Placed {
                piece: Piece::Text(span),
                place,
                ..
            },
        ] => name_before(text, span, *place).map(Some),
        [
            Placed {
                piece: Piece::Link { link, .. },
                ..
            },
            Placed {
                piece: Piece::Text(sep),
                ..
            },
        ] if text[sep.clone()].trim() == ":" && is_name_like(&text[link.label.clone()]) => {
            Some(None)
        }
        _ => None,
    }
}

/// Whether a place is a cell of a column the header calls the title's.
fn in_title_column(header: &[String], place: Place) -> bool {
    matches!(place, Place::Column(c) if header.get(c as usize).is_some_and(|h| is_title_column(h)))
}

/// Whether the quote at `i` opens a plain title that goes on after a colon
/// (`"Do Anything Now": Characterizing ...`), rather than being the title.
pub(in crate::document) fn quote_opens_title(text: &str, placed: &[Placed], i: usize) -> bool {
    let (
        Some(Placed {
            piece: Piece::Quote { span, .. },
            place,
            ..
        }),
        Some(next),
    ) = (placed.get(i), placed.get(i + 1))
    else {
        return false;
    };
    // `"Title": rest`, or `"Give Me BF16 or Give Me Death"? Accuracy…`.
    matches!(&next.piece, Piece::Text(rest)
        if next.place == *place
            && rest.start == span.end
            && (text[rest.clone()].starts_with(':')
                || (text[rest.clone()].starts_with(['?', '!'])
                    && text[rest.start + 1..rest.end]
                        .trim_start()
                        .starts_with(char::is_uppercase)))
            && word_count(&text[rest.clone()]) >= 2)
}

/// Where a title that opens with emphasis goes on to, in plain words and
/// more emphasis on its line, up to the list's separator (`,`, `|`, `;`) or
/// the next link or tag; the pieces it takes are marked used (a piece it
/// takes part of keeps its rest). `None` when what follows reads as
/// authors (`**Title** by A. Lee`) or runs on past a title's length.
pub(in crate::document) fn title_goes_on(
    text: &str,
    placed: &mut [Placed],
    open: usize,
    place: Place,
    vocab: &Known<'_>,
) -> Option<usize> {
    let mut end = placed[open].piece.span().end;
    let mut taken = Vec::new();
    let mut rest: Option<(usize, Span)> = None;
    let mut words = 0;
    for (j, p) in placed.iter().enumerate().skip(open + 1) {
        if p.place != place {
            break;
        }
        match &p.piece {
            Piece::Emph { span, .. } => {
                words += word_count(&text[span.clone()]);
                end = span.end;
                taken.push(j);
            }
            Piece::Text(span) => {
                let written = &text[span.clone()];
                match written.find([',', '|', ';']) {
                    Some(cut) => {
                        let kept = written[..cut].trim_end();
                        words += word_count(kept);
                        if !kept.is_empty() {
                            end = span.start + kept.len();
                        }
                        rest = Some((j, span.start + cut..span.end));
                        break;
                    }
                    None => {
                        words += word_count(written);
                        end = span.start + written.trim_end().len();
                        taken.push(j);
                    }
                }
            }
            _ => break,
        }
    }
    let continuation = text[placed[open].piece.span().end..end].trim();
    // A venue or a sentence after the bold title is no part of it
    // (`**Title** ICCV 2019.`, `**Title** ArXiv, 2024.`, `**Title** Preprint.`).
    let first_word = continuation
        .split(|c: char| c.is_whitespace() || c == ',')
        .next()
        .unwrap_or_default();
    if continuation.is_empty()
        || words > 20
        || continuation.starts_with("by ")
        || continuation.ends_with('.')
        || !date::years(continuation).is_empty()
        || is_known_venue(first_word, vocab)
        || !matches!(tag_meaning(continuation, vocab), TagMeaning::Other)
        || looks_like_authors(continuation, false)
    {
        return None;
    }
    placed[open].used = true;
    for j in taken {
        placed[j].used = true;
    }
    if let Some((j, span)) = rest {
        placed[j].piece = Piece::Text(span);
    }
    Some(end)
}

/// `2022 `, `20200529 TNNLS `, `2016-ICLR-`: a date and a venue the list
/// writes before the paper's linked title, in plain text: every word a
/// date (a year, `202005`, `20200529`, `2020.05`) or a known venue, at
/// least one a date.
fn is_date_and_venue(text: &str, vocab: &Known<'_>) -> bool {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let year_like = |w: &str| {
        let digits: String = w.chars().filter(|c| *c != '.').collect();
        digits.len() == w.len() - w.matches('.').count()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && matches!(digits.len(), 4 | 6 | 8)
            && (digits.starts_with("19") || digits.starts_with("20"))
            && w.matches('.').count() <= 2
    };
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | ':' | '|' | ','))
        .filter(|w| !w.is_empty())
        .collect();
    // `ICLR-22`: a known venue's year in two digits after it; `spotlight`
    // and the like after the year.
    let after_year = &crate::vocabulary::words().tags.after_year;
    let short_year = |i: usize| {
        words[i].len() == 2
            && words[i].bytes().all(|b| b.is_ascii_digit())
            && i > 0
            && super::is_known_venue(words[i - 1], vocab)
    };
    let dated = (0..words.len()).any(|i| year_like(words[i]) || short_year(i));
    // (Words and dates only: `(CVPR 2021 [Workshop](…))` is a tag.)
    text.chars().all(|c| {
        c.is_alphanumeric() || c.is_whitespace() || matches!(c, '-' | ':' | '|' | ',' | '.')
    }) && !words.is_empty()
        && words.len() <= 4
        && dated
        && (0..words.len()).all(|i| {
            year_like(words[i])
                || short_year(i)
                || super::is_known_venue(words[i], vocab)
                || (i > 0 && crate::vocabulary::is_one_of(words[i], after_year))
        })
}

/// Reads a [`is_date_and_venue`] text: its first date (`20200529`: May
/// 2020) as the entry's date, its venue as the venue where none is read.
fn take_date_and_venue(text: &str, span: Span, r: &mut Reading, place: Place, vocab: &Known<'_>) {
    let written = &text[span.clone()];
    let mut at = 0;
    for word in written.split(|c: char| c.is_whitespace() || matches!(c, '-' | ':' | '|' | ',')) {
        let start = span.start + at;
        at += word.len() + 1;
        if word.is_empty() {
            continue;
        }
        let digits: String = word.chars().filter(|c| *c != '.').collect();
        let is_date = digits.bytes().all(|b| b.is_ascii_digit()) && digits.len() >= 4;
        if is_date && r.dates.is_empty() {
            let value: u16 = digits[..4].parse().unwrap_or_default();
            let month = digits
                .get(4..6)
                .and_then(|m| m.parse::<u8>().ok())
                .filter(|m| (1..=12).contains(m));
            let form = if word.contains('.') {
                date::YearForm::Dotted
            } else if month.is_some() {
                date::YearForm::Numeric
            } else {
                date::YearForm::Full
            };
            let whole = start..start + word.len();
            r.dates.push(DatePart {
                span: whole.clone(),
                inner: whole.clone(),
                year: date::Year {
                    value,
                    month,
                    span: start..start + 4,
                    form,
                    date: whole,
                },
                form: Form::Plain,
                place,
            });
        } else if word.len() == 2
            && word.bytes().all(|b| b.is_ascii_digit())
            && let Some(venue) = r.venue.as_mut().filter(|v| v.years.is_empty())
        {
            // `ICLR-22`: the venue's year, in two digits.
            let yy: u16 = word.parse().unwrap_or_default();
            venue.span.end = start + 2;
            venue.inner.end = start + 2;
            venue.years.push(date::Year {
                value: if yy >= 70 { 1900 + yy } else { 2000 + yy },
                month: None,
                span: start..start + 2,
                form: date::YearForm::Bare,
                date: start..start + 2,
            });
        } else if !is_date && r.venue.is_none() && super::is_known_venue(word, vocab) {
            let name = start..start + word.len();
            r.venue = Some(Venue::plain(name, place));
        }
    }
}

/// Whether a text opens with the label of a field that holds a part of the
/// entry (`📅 Date:`, `📑 Publisher:`, `Venue:`): a line of the paper's
/// fields, not its title. A label in capitals is a name (`TAG: Boosting
/// Text-VQA …`), and a note's label (`TL;DR:`) may open a title as well.
fn opens_with_field(t: &str) -> bool {
    use super::columns::{Field, field_label};
    let Some((field, at)) = field_label(t.trim_start()) else {
        return false;
    };
    let label = &t.trim_start()[..at];
    let capitals = label.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !label.chars().any(char::is_lowercase);
    !capitals && matches!(field, Field::Date | Field::Venue | Field::Publisher)
}
