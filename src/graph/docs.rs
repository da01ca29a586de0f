//! Mentions per document: a small map kept compact.
//!
//! Most nodes are told in one document or a few (every statement is its own event), a few in
//! thousands. A `BTreeMap` allocates a node of eleven slots even for one entry, which made the
//! counts of the events of a large graph weigh more than the events; [`DocCounts`] keeps up to
//! [`FEW`] entries in a sorted vector and only larger maps in a B-tree.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;
use std::sync::Arc;

/// The most entries kept in a vector; a larger map is a B-tree (inserting in the middle of a
/// long vector would be quadratic for a node told in thousands of documents).
const FEW: usize = 8;

/// Mentions per document id, in the order of the ids. Serialised as a map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocCounts {
    /// Up to eight entries (`FEW`), sorted by id.
    Few(Vec<(Arc<str>, usize)>),
    /// More entries.
    Many(BTreeMap<Arc<str>, usize>),
    /// More entries added in bulk ([`KnowledgeGraph::start_bulk`](super::KnowledgeGraph::start_bulk)),
    /// in the order they came, not yet sorted: [`KnowledgeGraph::finish_bulk`](super::KnowledgeGraph::finish_bulk)
    /// makes them a `Many`. In bulk every document comes once, in one `add`, so a document's
    /// entry, when it has one already, is the last.
    Appended(Vec<(Arc<str>, usize)>),
}

impl Default for DocCounts {
    fn default() -> Self {
        DocCounts::Few(Vec::new())
    }
}

impl DocCounts {
    /// No documents.
    pub fn new() -> Self {
        Self::default()
    }

    /// True when no document is counted.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The number of documents.
    pub fn len(&self) -> usize {
        match self {
            DocCounts::Few(v) => v.len(),
            DocCounts::Many(m) => m.len(),
            DocCounts::Appended(v) => v.len(),
        }
    }

    /// The count of a document.
    pub fn get(&self, doc: &str) -> Option<usize> {
        self.count_of(doc).copied()
    }

    /// Where the count of a document is held (the largest, should a document have come twice
    /// in bulk).
    fn count_of(&self, doc: &str) -> Option<&usize> {
        match self {
            DocCounts::Few(v) => v
                .binary_search_by(|(d, _)| (**d).cmp(doc))
                .ok()
                .map(|i| &v[i].1),
            DocCounts::Many(m) => m.get(doc),
            DocCounts::Appended(v) => v.iter().filter(|(d, _)| **d == *doc).map(|(_, c)| c).max(),
        }
    }

    /// The entries, sorted by document id (in the order they came while they are `Appended`).
    pub fn iter(&self) -> impl Iterator<Item = (&Arc<str>, usize)> {
        let (few, many) = match self {
            DocCounts::Few(v) | DocCounts::Appended(v) => {
                (Some(v.iter().map(|(d, c)| (d, *c))), None)
            }
            DocCounts::Many(m) => (None, Some(m.iter().map(|(d, c)| (d, *c)))),
        };
        few.into_iter().flatten().chain(many.into_iter().flatten())
    }

    /// The document ids, sorted.
    pub fn keys(&self) -> impl Iterator<Item = &Arc<str>> {
        self.iter().map(|(d, _)| d)
    }

    /// The counts, in the order of the ids.
    pub fn values(&self) -> impl Iterator<Item = usize> + '_ {
        self.iter().map(|(_, c)| c)
    }

    /// Sets the count of a document, replacing the one it had.
    pub fn insert(&mut self, doc: Arc<str>, count: usize) {
        *self.slot(doc) = count;
    }

    /// Raises the count of a document to `count` if it was lower (or absent), and returns by
    /// how much it rose.
    pub fn raise(&mut self, doc: Arc<str>, count: usize) -> usize {
        let held = self.slot(doc);
        let more = count.saturating_sub(*held);
        *held += more;
        more
    }

    /// The count of a document, 0 when it was absent (then inserted).
    /// [`raise`](Self::raise) in bulk: a large map appends the document (or raises its last
    /// entry, when that is the document's) instead of finding its place; [`tidy`](Self::tidy)
    /// sorts it. Returns by how much the count rose, as `raise` does.
    pub(crate) fn raise_bulk(&mut self, doc: Arc<str>, count: usize) -> usize {
        if let DocCounts::Few(v) = self {
            if v.len() >= FEW && v.binary_search_by(|(d, _)| (**d).cmp(&*doc)).is_err() {
                *self = DocCounts::Appended(std::mem::take(v));
            }
        }
        match self {
            DocCounts::Appended(v) => match v.last_mut() {
                Some((d, held)) if **d == *doc => {
                    let more = count.saturating_sub(*held);
                    *held += more;
                    more
                }
                _ => {
                    v.push((doc, count));
                    count
                }
            },
            _ => self.raise(doc, count),
        }
    }

    /// Sorts the entries appended in bulk, a document's counts merged by their largest; true
    /// when there was something to sort.
    pub(crate) fn tidy(&mut self) -> bool {
        let DocCounts::Appended(v) = self else {
            return false;
        };
        let mut v = std::mem::take(v);
        v.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        v.dedup_by(|later, first| later.0 == first.0);
        *self = DocCounts::Many(v.into_iter().collect());
        true
    }

    fn slot(&mut self, doc: Arc<str>) -> &mut usize {
        let at = |v: &Vec<(Arc<str>, usize)>| v.binary_search_by(|(d, _)| (**d).cmp(&*doc));
        if let DocCounts::Few(v) = self {
            if v.len() >= FEW && at(v).is_err() {
                *self = DocCounts::Many(std::mem::take(v).into_iter().collect());
            }
        }
        match self {
            DocCounts::Few(v) => {
                let i = at(v).unwrap_or_else(|i| {
                    // one slot at a time: most nodes are told in one document, and a vector
                    // grown by doubling would hold four slots for it
                    v.reserve_exact(1);
                    v.insert(i, (Arc::clone(&doc), 0));
                    i
                });
                &mut v[i].1
            }
            DocCounts::Many(m) => m.entry(doc).or_insert(0),
            // (only between start_bulk and finish_bulk)
            DocCounts::Appended(v) => match v.iter().rposition(|(d, _)| *d == doc) {
                Some(i) => &mut v[i].1,
                None => {
                    v.push((doc, 0));
                    let last = v.len() - 1;
                    &mut v[last].1
                }
            },
        }
    }
}

impl FromIterator<(Arc<str>, usize)> for DocCounts {
    fn from_iter<I: IntoIterator<Item = (Arc<str>, usize)>>(iter: I) -> Self {
        let mut counts = DocCounts::new();
        for (d, c) in iter {
            counts.insert(d, c);
        }
        counts
    }
}

impl<const N: usize> From<[(Arc<str>, usize); N]> for DocCounts {
    fn from(entries: [(Arc<str>, usize); N]) -> Self {
        entries.into_iter().collect()
    }
}

impl std::ops::Index<&str> for DocCounts {
    type Output = usize;

    /// The count of a document; panics when it is absent.
    fn index(&self, doc: &str) -> &usize {
        self.count_of(doc)
            .unwrap_or_else(|| panic!("no count for the document {doc:?}"))
    }
}

impl Serialize for DocCounts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            DocCounts::Appended(_) => {
                let mut tidy = self.clone();
                tidy.tidy();
                s.collect_map(tidy.iter())
            }
            _ => s.collect_map(self.iter()),
        }
    }
}

impl<'de> Deserialize<'de> for DocCounts {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(BTreeMap::<Arc<str>, usize>::deserialize(d)?
            .into_iter()
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_appended_in_bulk_tidy_to_the_same_map() {
        let mut bulk = DocCounts::new();
        let mut plain = DocCounts::new();
        // documents come in any order, one after the other, a document's counts together;
        // d3 comes back later, as a document added twice would
        let arrivals = (0..30usize)
            .flat_map(|i| {
                [
                    (format!("d{}", (i * 11) % 30), i % 4),
                    (format!("d{}", (i * 11) % 30), 2),
                ]
            })
            .chain([("d3".to_string(), 9), ("d3".to_string(), 1)]);
        let (mut rose_bulk, mut rose_plain) = (0, 0);
        for (doc, count) in arrivals {
            let doc: Arc<str> = Arc::from(doc.as_str());
            rose_bulk += bulk.raise_bulk(Arc::clone(&doc), count);
            rose_plain += plain.raise(doc, count);
        }
        assert!(matches!(bulk, DocCounts::Appended(_)));
        // before tidying it reads and writes as the plain map does
        assert_eq!(bulk.get("d3"), plain.get("d3"));
        assert_eq!(bulk["d17"], plain["d17"]);
        assert_eq!(
            serde_json::to_string(&bulk).unwrap(),
            serde_json::to_string(&plain).unwrap()
        );
        assert!(bulk.tidy());
        assert!(!bulk.tidy());
        assert_eq!(bulk, plain);
        // what rose is off only by d3's second coming (held 3 at first, 9 when it came
        // back: bulk counted 3 + 9, the plain map 9), which is why finish_bulk sums again
        assert_eq!(plain.values().sum::<usize>(), rose_plain);
        assert_eq!(rose_bulk, rose_plain + 3);
    }

    #[test]
    fn behaves_as_a_sorted_map_small_or_large() {
        let mut counts = DocCounts::new();
        let mut reference: BTreeMap<Arc<str>, usize> = BTreeMap::new();
        for i in 0..40usize {
            let doc: Arc<str> = Arc::from(format!("d{}", (i * 7) % 23).as_str());
            let c = i % 5;
            let more = counts.raise(Arc::clone(&doc), c);
            let held = reference.entry(doc).or_insert(0);
            assert_eq!(more, c.saturating_sub(*held));
            *held = (*held).max(c);
            assert_eq!(counts.len(), reference.len());
            assert_eq!(
                counts
                    .iter()
                    .map(|(d, c)| (d.clone(), c))
                    .collect::<Vec<_>>(),
                reference
                    .iter()
                    .map(|(d, c)| (d.clone(), *c))
                    .collect::<Vec<_>>()
            );
            assert_eq!(
                serde_json::to_string(&counts).unwrap(),
                serde_json::to_string(&reference).unwrap()
            );
        }
        assert!(matches!(counts, DocCounts::Many(_)));
        assert_eq!(counts["d7"], reference["d7"]);
        assert_eq!(counts.get("nothing"), None);
        let back: DocCounts =
            serde_json::from_str(&serde_json::to_string(&counts).unwrap()).unwrap();
        assert_eq!(
            back.iter().collect::<Vec<_>>(),
            counts.iter().collect::<Vec<_>>()
        );
    }
}
