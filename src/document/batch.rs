//! The blocks a walk gathers, read into entries-to-be a batch at a time.
//!
//! Reading a block's parts is the larger half of building a document, and it
//! needs nothing the walk decides later. So the walk copies each candidate
//! block's inline tokens into a [`Batch`], one per chunk of the text, and on
//! a large text one thread parses and walks while another reads what the
//! walk gathered; when the reader falls behind, the walker reads the last
//! blocks of its batch itself before handing it over. Blocks are read in
//! the order they were gathered, which is the order of the walk's
//! candidates: the `n`th block read is the `n`th candidate's entry.

use std::ops::Range;

use super::assemble;
use super::inline::{self, Atom, Token};
use super::read::{self, Unit, UnitPlace};
use super::{Block, Entry, Known, Span};

/// Where a gathered block's entry sits in the document.
pub(super) struct Placement {
    pub block: Block,
    pub item: Span,
    pub section: Option<usize>,
    pub topic: Option<usize>,
    /// The venue label in effect over it.
    pub label: Option<u32>,
    /// The group label over it.
    pub group: Option<u32>,
}

/// One block waiting to be read.
struct Gathered {
    /// Its units, as a range of the batch's units.
    units: Range<usize>,
    /// Its table's header, as an index into the batch's headers (rows only).
    header: Option<usize>,
    placement: Placement,
}

/// Blocks gathered by the walk, not read yet.
#[derive(Default)]
pub(super) struct Batch {
    tokens: Vec<Token>,
    /// Each unit: its tokens (a range of `tokens`) and its place.
    units: Vec<(Range<usize>, UnitPlace)>,
    /// The headers of the tables whose rows are in the batch: table number, cells.
    headers: Vec<(usize, Vec<String>)>,
    blocks: Vec<Gathered>,
    /// The batch's last blocks, read already (by the walker), last first.
    read_last: Vec<(Entry, Found)>,
    /// How many blocks the whole text is expected to hold, once the walk can
    /// tell: room for their entries is made at once rather than by doubling.
    pub expected: Option<usize>,
}

impl Batch {
    /// Gathers a block whose units are ranges of `tokens`; a row brings its
    /// table's number and header.
    pub(super) fn gather(
        &mut self,
        tokens: &[Token],
        units: &[(Range<usize>, UnitPlace)],
        header: Option<(usize, &[String])>,
        placement: Placement,
    ) {
        let first = self.units.len();
        for (range, place) in units {
            let start = self.tokens.len();
            self.tokens.extend_from_slice(&tokens[range.clone()]);
            self.units.push((start..self.tokens.len(), *place));
        }
        let header = header.map(|(table, cells)| {
            // A table's rows come one after another: its header is copied once.
            if self.headers.last().is_none_or(|(t, _)| *t != table) {
                self.headers.push((table, cells.to_vec()));
            }
            self.headers.len() - 1
        });
        self.blocks.push(Gathered {
            units: first..self.units.len(),
            header,
            placement,
        });
    }

    pub(super) fn is_empty(&self) -> bool {
        self.blocks.is_empty() && self.read_last.is_empty() && self.expected.is_none()
    }

    /// Reads the last block not read yet; false when none is left.
    pub(super) fn read_one_from_the_end(
        &mut self,
        text: &str,
        known: &Known<'_>,
        buffers: &mut Buffers,
    ) -> bool {
        let Some(gathered) = self.blocks.pop() else {
            return false;
        };
        let read = buffers.read(
            text,
            &self.tokens,
            &self.units,
            &self.headers,
            gathered,
            known,
        );
        self.read_last.push(read);
        true
    }
}

/// What deciding which blocks are entries needs of each one's reading.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Found {
    /// It links a paper.
    pub paper: bool,
    /// Its text cites a preprint by its identifier, with no link to it.
    pub cites: bool,
    /// It links no paper, but reads as a citation: a title, and a venue
    /// the vocabulary knows with its year (`Title (SIGMOD 2021)`).
    pub dated: bool,
    /// Nothing was read in it.
    pub empty: bool,
}

/// Buffers for reading, reused from block to block.
#[derive(Default)]
pub(super) struct Buffers {
    atoms: Vec<Atom>,
    units: Vec<Unit>,
    scratch: read::Scratch,
}

impl Buffers {
    /// Reads one gathered block of a batch (whose tokens, units and headers
    /// are given) into the entry it may be.
    fn read(
        &mut self,
        text: &str,
        tokens: &[Token],
        units: &[(Range<usize>, UnitPlace)],
        headers: &[(usize, Vec<String>)],
        gathered: Gathered,
        known: &Known<'_>,
    ) -> (Entry, Found) {
        self.atoms.clear();
        self.units.clear();
        for (range, place) in &units[gathered.units] {
            let start = self.atoms.len();
            inline::atoms(text, &tokens[range.clone()], &mut self.atoms);
            self.units.push(Unit {
                atoms: start..self.atoms.len(),
                place: *place,
            });
        }
        let header = gathered.header.map_or(&[][..], |h| &headers[h].1[..]);
        let reading = read::read(
            text,
            &self.atoms,
            &self.units,
            header,
            known,
            &mut self.scratch,
        );
        let empty = reading.is_empty();
        let Placement {
            block,
            item,
            section,
            topic,
            label,
            group,
        } = gathered.placement;
        let mut entry = assemble::entry_of(reading, block, item, section, topic);
        entry.label = label;
        entry.group = group;
        let paper = assemble::links_a_paper(text, &entry);
        let cites = !paper && assemble::cites_a_preprint(text, &entry);
        let dated = !paper && !cites && assemble::cites_a_venue(text, &entry, known);
        let found = Found {
            paper,
            cites,
            dated,
            empty,
        };
        (entry, found)
    }
}

/// The blocks read so far: each one's entry-to-be and what was found in it,
/// in the order they were gathered.
#[derive(Default)]
pub(super) struct Reader {
    pub entries: Vec<Entry>,
    pub found: Vec<Found>,
    buffers: Buffers,
}

impl Reader {
    /// Reads every block of a batch not read yet, and takes those that were.
    pub(super) fn read(&mut self, text: &str, batch: Batch, known: &Known<'_>) {
        let Batch {
            tokens,
            units,
            headers,
            blocks,
            read_last,
            expected,
        } = batch;
        if let Some(expected) = expected {
            let more = expected.saturating_sub(self.entries.len());
            self.entries.reserve(more);
            self.found.reserve(more);
        }
        for gathered in blocks {
            let (entry, found) = self
                .buffers
                .read(text, &tokens, &units, &headers, gathered, known);
            self.entries.push(entry);
            self.found.push(found);
        }
        for (entry, found) in read_last.into_iter().rev() {
            self.entries.push(entry);
            self.found.push(found);
        }
    }
}
