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
pub mod tag;

pub use dictionary::Dictionary;
pub use document::{Document, PartialDate};
pub use error::{Error, Result};
pub use graph::KnowledgeGraph;

use dictionary::Lexicon;
use extract::{Analysis, Extractor, Mention};
use rayon::prelude::*;
use resolve::{DocFacts, Resolver};
use std::borrow::Borrow;
use std::collections::{BTreeMap, HashMap};

/// How [`Pipeline::extend`] adds documents.
#[derive(Debug, Clone)]
pub struct AddOptions {
    /// Documents a job analyses; a few chunks per thread are in flight at a time.
    pub chunk: usize,
    /// Skip a document whose text the graph already held (by content hash) under another id.
    pub skip_known_text: bool,
}

impl Default for AddOptions {
    fn default() -> Self {
        AddOptions {
            chunk: 16,
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

/// A chunk analysed by a job: its index, its documents (each with its content hash), its facts
/// (or the job's panic).
type Analysed<D> = (usize, Hashed<D>, std::thread::Result<Vec<DocFacts>>);

/// Documents, each with its content hash.
type Hashed<D> = Vec<(D, String)>;

/// Waits for a job's result. On a worker thread of the pool it runs other jobs meanwhile (so a
/// pool of one thread cannot deadlock); elsewhere it blocks.
fn wait_for<T>(rx: &std::sync::mpsc::Receiver<T>) -> T {
    use std::sync::mpsc::TryRecvError;
    loop {
        match rx.try_recv() {
            Ok(v) => return v,
            Err(TryRecvError::Empty | TryRecvError::Disconnected) => {}
        }
        match rayon::yield_now() {
            Some(rayon::Yield::Executed) => {}
            Some(rayon::Yield::Idle) => {
                if let Ok(v) = rx.recv_timeout(std::time::Duration::from_micros(200)) {
                    return v;
                }
            }
            None => {
                if let Ok(v) = rx.recv() {
                    return v;
                }
            }
        }
    }
}

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

    /// Streams documents into a graph: the calling thread reads chunks of documents and hands
    /// each to the current rayon pool, keeping a few more chunks in flight than there are
    /// threads so that none waits; it adds the analysed chunks to the graph in input order as
    /// they come back. Only the chunks in flight are held, not the corpus.
    ///
    /// A document whose id the graph holds, or whose id was read earlier in the stream, is
    /// skipped; so is, with [`AddOptions::skip_known_text`], one whose text (by content hash)
    /// the graph held before the call. `observe` hears, on the calling thread, of each
    /// document skipped as it is read and of each document added once it is in the graph.
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
        // id → content hash of every document queued and not yet in the graph (those in the
        // graph are looked up there: a second table of every id would weigh on a large graph)
        let mut queued: HashMap<String, String> = HashMap::new();
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
        let mut docs = docs.into_iter();
        // reads the next chunk, skipping what is held
        let mut next_chunk = |graph: &KnowledgeGraph,
                              queued: &mut HashMap<String, String>,
                              stats: &mut AddStats,
                              observe: &mut dyn FnMut(Added<'_>)| {
            // each document with its content hash, which its analysis records
            let mut batch: Hashed<D> = Vec::with_capacity(chunk);
            for d in docs.by_ref() {
                let doc = d.borrow();
                let hash = resolve::content_hash(&doc.text);
                let held = graph
                    .documents
                    .get(&doc.id)
                    .map(|info| &info.hash)
                    .or_else(|| queued.get(&doc.id));
                let outcome = match held {
                    Some(held) if *held == hash => Some(Outcome::SameId),
                    Some(_) => Some(Outcome::ConflictingId),
                    None => held_texts
                        .get(&hash)
                        .map(|held| Outcome::KnownText { held: held.clone() }),
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
                        queued.insert(doc.id.clone(), hash.clone());
                        batch.push((d, hash));
                        if batch.len() == chunk {
                            break;
                        }
                    }
                }
            }
            batch
        };
        graph.start_bulk();
        // chunks are analysed by the pool, each chunk by one job, as many in flight as keeps
        // every thread busy; this thread reads ahead, and adds the results in input order
        let in_flight = 2 * rayon::current_num_threads() + 2;
        let (tx, rx) = std::sync::mpsc::channel::<Analysed<D>>();
        rayon::in_place_scope(|scope| {
            let (mut spawned, mut added) = (0usize, 0usize);
            let mut ready: BTreeMap<usize, (Hashed<D>, Vec<DocFacts>)> = BTreeMap::new();
            let mut read_all = false;
            loop {
                while !read_all && spawned - added < in_flight {
                    let batch = next_chunk(graph, &mut queued, &mut stats, &mut observe);
                    if batch.is_empty() {
                        read_all = true;
                        break;
                    }
                    let (tx, index) = (tx.clone(), spawned);
                    spawned += 1;
                    scope.spawn(move |_| {
                        let facts = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                            batch
                                .iter()
                                .map(|(d, hash)| {
                                    let (a, m) = self.mentions(d.borrow());
                                    self.resolver.resolve_hashed(&a, &m, hash.clone())
                                })
                                .collect()
                        }));
                        let _ = tx.send((index, batch, facts));
                    });
                }
                if added == spawned {
                    break;
                }
                let (index, docs, facts) = wait_for(&rx);
                match facts {
                    Ok(facts) => {
                        ready.insert(index, (docs, facts));
                    }
                    Err(panic) => std::panic::resume_unwind(panic),
                }
                while let Some((docs, facts)) = ready.remove(&added) {
                    for f in facts {
                        graph.add(f);
                    }
                    for (d, _) in &docs {
                        queued.remove(&d.borrow().id);
                        stats.added += 1;
                        observe(Added {
                            document: d.borrow(),
                            outcome: Outcome::Added,
                        });
                    }
                    added += 1;
                }
            }
        });
        graph.finish_bulk();
        stats
    }

    /// Builds a graph from the text of a page (one or more articles); `name` names the documents.
    pub fn build_page(&self, text: &str, name: &str) -> KnowledgeGraph {
        let docs = read::split_page(text, name, name);
        self.build(&docs)
    }
}
