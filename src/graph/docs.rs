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
        }
    }

    /// The count of a document.
    pub fn get(&self, doc: &str) -> Option<usize> {
        match self {
            DocCounts::Few(v) => v
                .binary_search_by(|(d, _)| (**d).cmp(doc))
                .ok()
                .map(|i| v[i].1),
            DocCounts::Many(m) => m.get(doc).copied(),
        }
    }

    /// The entries, sorted by document id.
    pub fn iter(&self) -> impl Iterator<Item = (&Arc<str>, usize)> {
        let (few, many) = match self {
            DocCounts::Few(v) => (Some(v.iter().map(|(d, c)| (d, *c))), None),
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
        let found = match self {
            DocCounts::Few(v) => v
                .binary_search_by(|(d, _)| (**d).cmp(doc))
                .ok()
                .map(|i| &v[i].1),
            DocCounts::Many(m) => m.get(doc),
        };
        found.unwrap_or_else(|| panic!("no count for the document {doc:?}"))
    }
}

impl Serialize for DocCounts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
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
