//! # newsgraph
//!
//! Turns news articles — first of all Arabic, English too — into a knowledge graph of who did
//! what with whom: persons with their roles, countries, organizations, places, dates, and events
//! (meetings, talks, visits, calls, invitations, statements), each with its evidence.
//!
//! The pipeline has one module per stage:
//! [`read`] → [`normalize`] → [`segment`] → [`extract`] (one trait, many extractors, driven by the
//! [`dictionary`]) → [`resolve`] → [`graph`] → [`export`] / [`query`].
//!
//! ```
//! use newsgraph::Pipeline;
//!
//! let pipeline = Pipeline::builtin().unwrap();
//! let page = "لقاء في موسكو\nتاريخ النشر: 20th, September 2023 GMT\nموسكو-سانا\n\
//!             التقى الرئيس الروسي فلاديمير بوتين اليوم وزير الخارجية الصيني وانغ يي في موسكو.";
//! let graph = pipeline.build_page(page, "example");
//! let (_, meetings) = newsgraph::query::who_met(&graph, "Putin").unwrap();
//! assert_eq!(meetings[0].counterpart, "person:wang-yi");
//! assert_eq!(meetings[0].date.as_deref(), Some("2023-09-20"));
//! ```
#![deny(missing_docs)]

pub mod dictionary;
pub mod document;
pub mod error;
pub mod export;
pub mod extract;
pub mod graph;
pub mod normalize;
pub mod query;
pub mod read;
pub mod resolve;
pub mod segment;

pub use dictionary::Dictionary;
pub use document::{Document, PartialDate};
pub use error::{Error, Result};
pub use graph::KnowledgeGraph;

use dictionary::Lexicon;
use extract::{Analysis, Extractor, Mention};
use rayon::prelude::*;
use resolve::{DocFacts, Resolver};
use std::borrow::Borrow;
use std::collections::HashMap;

/// How [`Pipeline::extend`] adds documents.
#[derive(Debug, Clone)]
pub struct AddOptions {
    /// Documents analysed together; memory holds about two chunks of documents.
    pub chunk: usize,
    /// Skip a document whose text the graph already held (by content hash) under another id.
    pub skip_known_text: bool,
}

impl Default for AddOptions {
    fn default() -> Self {
        AddOptions {
            chunk: 256,
            skip_known_text: false,
        }
    }
}

/// What became of a document given to [`Pipeline::extend`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Analysed and added to the graph.
    Added,
    /// Skipped: a document with this id and the same text was already held or read.
    SameId,
    /// Skipped: a document with this id but another text was already held or read.
    ConflictingId,
    /// Skipped: the graph already held this text under the id `held`.
    KnownText {
        /// The id the graph holds the text under.
        held: String,
    },
}

/// A document and what became of it.
#[derive(Debug)]
pub struct Added<'a> {
    /// The document.
    pub document: &'a Document,
    /// What became of it.
    pub outcome: Outcome,
}

/// Counts of what [`Pipeline::extend`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AddStats {
    /// Documents added.
    pub added: usize,
    /// Documents skipped because the graph already held them (by id or by text).
    pub skipped: usize,
    /// Of those, documents whose id was held with another text.
    pub conflicts: usize,
}

/// The whole pipeline, built once from the dictionaries and reused for every document.
///
/// It is `Send` and `Sync`: one pipeline serves every thread.
pub struct Pipeline {
    dict: Dictionary,
    lexicon: Lexicon,
    resolver: Resolver,
    extractors: Vec<Box<dyn Extractor>>,
}

const _: () = {
    const fn shared<T: Send + Sync>() {}
    shared::<Pipeline>();
    const fn sent<T: Send>() {}
    sent::<read::corpus::Corpus>();
};

impl Pipeline {
    /// A pipeline over the given dictionaries with the default extractors.
    pub fn new(dict: Dictionary) -> Self {
        let lexicon = Lexicon::new(&dict);
        let resolver = Resolver::new(&dict);
        Pipeline {
            dict,
            lexicon,
            resolver,
            extractors: extract::default_extractors(),
        }
    }

    /// A pipeline over the dictionaries shipped with newsgraph.
    pub fn builtin() -> Result<Self> {
        Ok(Self::new(Dictionary::builtin()?))
    }

    /// The dictionaries.
    pub fn dictionary(&self) -> &Dictionary {
        &self.dict
    }

    /// The compiled lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The resolver.
    pub fn resolver(&self) -> &Resolver {
        &self.resolver
    }

    /// The extractors, in the order they run.
    pub fn extractors(&self) -> &[Box<dyn Extractor>] {
        &self.extractors
    }

    /// Runs the extractors over a document and returns its analysis and mentions.
    pub fn mentions<'a>(&'a self, doc: &'a Document) -> (Analysis<'a>, Vec<Mention>) {
        let a = Analysis::new(doc, &self.dict, &self.lexicon);
        let m = extract::run(&a, &self.extractors);
        (a, m)
    }

    /// Everything one document says, resolved.
    pub fn analyze(&self, doc: &Document) -> DocFacts {
        let (a, m) = self.mentions(doc);
        self.resolver.resolve(&a, &m)
    }

    /// Builds a graph from documents, analysed in parallel on the current rayon pool.
    ///
    /// A document whose id was already read is skipped (the first one read is kept).
    pub fn build<'d>(&self, docs: impl IntoIterator<Item = &'d Document>) -> KnowledgeGraph {
        let mut g = KnowledgeGraph::new();
        self.extend(&mut g, docs, &AddOptions::default(), |_| {});
        g
    }

    /// Analyses documents in parallel on the current rayon pool; the facts come back in the
    /// order of the documents.
    pub fn analyze_all<D: Borrow<Document> + Sync>(&self, docs: &[D]) -> Vec<DocFacts> {
        docs.par_iter().map(|d| self.analyze(d.borrow())).collect()
    }

    /// Streams documents into a graph: reads a chunk, analyses it in parallel on the current
    /// rayon pool while the chunk before it is added to the graph, and adds every chunk in the
    /// order of the input. Only a chunk or two of documents is held at a time.
    ///
    /// A document whose id the graph holds, or whose id was read earlier in the stream, is
    /// skipped; so is, with [`AddOptions::skip_known_text`], one whose text (by content hash)
    /// the graph held before the call. `observe` hears what became of each document, in input
    /// order, on the calling thread.
    pub fn extend<D, I>(
        &self,
        graph: &mut KnowledgeGraph,
        docs: I,
        options: &AddOptions,
        mut observe: impl FnMut(Added<'_>),
    ) -> AddStats
    where
        D: Borrow<Document> + Send + Sync,
        I: IntoIterator<Item = D>,
    {
        let chunk = options.chunk.max(1);
        // id → content hash of every document held or queued
        let mut ids: HashMap<String, String> = graph
            .documents
            .values()
            .map(|d| (d.id.clone(), d.hash.clone()))
            .collect();
        let held_texts: HashMap<String, String> = if options.skip_known_text {
            graph
                .documents
                .values()
                .map(|d| (d.hash.clone(), d.id.clone()))
                .collect()
        } else {
            HashMap::new()
        };
        let mut stats = AddStats::default();
        let mut pending: Option<(Vec<D>, Vec<DocFacts>)> = None;
        let mut docs = docs.into_iter();
        loop {
            let mut batch: Vec<D> = Vec::with_capacity(chunk);
            for d in docs.by_ref() {
                let doc = d.borrow();
                let hash = resolve::content_hash(&doc.text);
                let outcome = if let Some(held) = ids.get(&doc.id) {
                    if *held == hash {
                        Some(Outcome::SameId)
                    } else {
                        Some(Outcome::ConflictingId)
                    }
                } else {
                    held_texts
                        .get(&hash)
                        .map(|held| Outcome::KnownText { held: held.clone() })
                };
                match outcome {
                    Some(outcome) => {
                        stats.skipped += 1;
                        if outcome == Outcome::ConflictingId {
                            stats.conflicts += 1;
                        }
                        observe(Added {
                            document: doc,
                            outcome,
                        });
                    }
                    None => {
                        ids.insert(doc.id.clone(), hash);
                        batch.push(d);
                        if batch.len() == chunk {
                            break;
                        }
                    }
                }
            }
            if batch.is_empty() && pending.is_none() {
                break;
            }
            // add the chunk before while this one is analysed
            let previous = pending.take();
            let (added, facts) = rayon::join(
                || {
                    previous.map(|(docs, facts)| {
                        for f in facts {
                            graph.add(f);
                        }
                        docs
                    })
                },
                || self.analyze_all(&batch),
            );
            for d in added.iter().flatten() {
                stats.added += 1;
                observe(Added {
                    document: d.borrow(),
                    outcome: Outcome::Added,
                });
            }
            if !batch.is_empty() {
                pending = Some((batch, facts));
            }
        }
        stats
    }

    /// Builds a graph from the text of a page (one or more articles); `name` names the documents.
    pub fn build_page(&self, text: &str, name: &str) -> KnowledgeGraph {
        let docs = read::split_page(text, name, name);
        self.build(&docs)
    }
}
