//! The runs of a list's entries, and how each writes its parts: the
//! conventions of a stretch of the file, for the rules that hold an entry
//! to its neighbours rather than to the whole list.

use rustc_hash::FxHashMap;

use super::Context;
use crate::document::{BlockKind, Form, Place, Role};

/// The runs of entries one after the other in one list (a block of
/// sibling items, a table, consecutive paragraphs), and how each writes
/// its parts. A run that writes a part its own way throughout (a block of
/// `"title", 2019-09, Venue` references under a heading of a list that
/// writes `[2023-08]` date tags) keeps a convention of its own: its entries
/// are not departures from the region's. A stretch of a run is not: a
/// batch of entries added without their venue is a batch of slips.
///
/// Runs under sibling headings that each write a part one way throughout
/// (a survey line `"title", 2022-02, Symmetry` above each task's table in a
/// list of `[2023-08]` entries) are one family: two runs or more and three
/// entries or more, each run whole, keep that way as theirs too.
pub(super) struct Runs {
    /// For each entry, its run (`usize::MAX` for one nested in an entry).
    run_of: Vec<usize>,
    /// For each run: how many entries, and per role how they write it.
    runs: Vec<(usize, Ways)>,
    /// For each run: per role, how many entries write it on each line.
    places: Vec<FxHashMap<(Role, Place), usize>>,
    /// For each run: the heading its topic heading sits under, and whether
    /// its entries are items, rows or paragraphs.
    parent: Vec<Siblings>,
    /// Per parent heading, kind of block, role and way: the runs under it
    /// that write the role that way throughout, and their entries.
    families: FxHashMap<(Siblings, Role, Option<Form>), (usize, usize)>,
    /// Per topic heading and role: its entries, and those that write the
    /// role at all.
    topics: FxHashMap<(Option<usize>, Role), (usize, usize)>,
}

/// Runs of one kind of block under one heading's subheadings.
type Siblings = (Option<usize>, BlockKind);

/// How many entries write each role each way (`None`: leave it out).
type Ways = FxHashMap<(Role, Option<Form>), usize>;

impl Runs {
    const ROLES: [Role; 5] = [
        Role::Venue,
        Role::Date,
        Role::Name,
        Role::Title,
        Role::Authors,
    ];

    pub(super) fn of(ctx: &Context) -> Runs {
        let entries = &ctx.doc.entries;
        let mut run_of = Vec::with_capacity(entries.len());
        let mut runs: Vec<(usize, Ways)> = Vec::new();
        let mut places: Vec<FxHashMap<(Role, Place), usize>> = Vec::new();
        let mut parent = Vec::new();
        let mut parts = Vec::new();
        let mut topics: FxHashMap<(Option<usize>, Role), (usize, usize)> = FxHashMap::default();
        let mut last: Option<usize> = None;
        for (index, entry) in entries.iter().enumerate() {
            // A version nested under an entry is the entry's, not its list's.
            if entry.in_entry {
                run_of.push(usize::MAX);
                continue;
            }
            let joined = last.is_some_and(|l| super::same_run(ctx, &entries[l], entry));
            if !joined || runs.is_empty() {
                runs.push((0, FxHashMap::default()));
                places.push(FxHashMap::default());
                parent.push((
                    entry
                        .topic
                        .and_then(|t| ctx.doc.headings.get(t))
                        .and_then(|h| h.parent),
                    entry.block.kind(),
                ));
            }
            last = Some(index);
            run_of.push(runs.len() - 1);
            let (count, ways) = runs.last_mut().expect("pushed above");
            *count += 1;
            entry.parts_into(&mut parts);
            let at = places.last_mut().expect("pushed above");
            for role in Self::ROLES {
                let part = parts.iter().find(|p| p.role == role);
                let topic = topics.entry((entry.topic, role)).or_default();
                topic.0 += 1;
                topic.1 += usize::from(part.is_some());
                *ways.entry((role, part.map(|p| p.form))).or_default() += 1;
                if let Some(part) = part {
                    *at.entry((role, part.place)).or_default() += 1;
                }
            }
        }
        let mut families: FxHashMap<_, (usize, usize)> = FxHashMap::default();
        for ((count, ways), &parent) in runs.iter().zip(&parent) {
            for (&(role, form), &n) in ways {
                if n == *count {
                    let family = families.entry((parent, role, form)).or_default();
                    family.0 += 1;
                    family.1 += n;
                }
            }
        }
        Runs {
            run_of,
            runs,
            places,
            parent,
            families,
            topics,
        }
    }

    /// Whether the run of entry `index` puts `role` at `place` in three
    /// entries or more and a third of them: a layout the run uses (authors
    /// on a line of their own in one section of a list that folds them
    /// into a summary elsewhere), where nothing is missing or misspelled.
    pub(super) fn places_at(&self, index: usize, role: Role, place: Place) -> bool {
        let run = self.run_of[index];
        let (Some((count, _)), Some(places)) = (self.runs.get(run), self.places.get(run)) else {
            return false;
        };
        let agree = places.get(&(role, place)).copied().unwrap_or(0);
        agree >= 3 && agree * 3 >= *count
    }

    /// Whether the run of entry `index` writes `role` as `form` (`None`:
    /// leaves it out) in three entries or more and four in five, or, for a
    /// part left out, whether the entries under its `topic` leave it out
    /// by a strong convention.
    pub(super) fn writes(
        &self,
        index: usize,
        topic: Option<usize>,
        role: Role,
        form: Option<Form>,
    ) -> bool {
        let Some((count, ways)) = self.runs.get(self.run_of[index]) else {
            return false;
        };
        let agree = ways.get(&(role, form)).copied().unwrap_or(0);
        if agree >= 3 && agree * 5 >= count * 4 {
            return true;
        }
        // A part left out under a heading whose entries leave it out by a
        // strong convention of their own (a feed of new preprints above a
        // list of published papers): nothing missing there.
        if form.is_none()
            && let Some(&(all, with)) = self.topics.get(&(topic, role))
            && crate::conventions::is_strong(all - with, all)
        {
            return true;
        }
        // A run written that way throughout, of a family of such runs.
        let run = self.run_of[index];
        agree == *count
            && self.parent[run].0.is_some()
            && self
                .families
                .get(&(self.parent[run], role, form))
                .is_some_and(|&(runs, entries)| runs >= 2 && entries >= 3)
    }

    /// How many entries of entry `index`'s run write `role` as `form`
    /// (`None`: leave it out), and how many entries the run has.
    pub(super) fn share(&self, index: usize, role: Role, form: Option<Form>) -> (usize, usize) {
        self.runs
            .get(self.run_of[index])
            .map_or((0, 0), |(count, ways)| {
                (ways.get(&(role, form)).copied().unwrap_or(0), *count)
            })
    }
}
