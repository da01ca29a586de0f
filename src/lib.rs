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
use resolve::{DocFacts, Resolver};

/// The whole pipeline, built once from the dictionaries and reused for every document.
pub struct Pipeline {
    dict: Dictionary,
    lexicon: Lexicon,
    resolver: Resolver,
    extractors: Vec<Box<dyn Extractor>>,
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

    /// Builds a graph from documents.
    pub fn build<'d>(&self, docs: impl IntoIterator<Item = &'d Document>) -> KnowledgeGraph {
        let mut g = KnowledgeGraph::new();
        for d in docs {
            g.add(self.analyze(d));
        }
        g
    }

    /// Builds a graph from the text of a page (one or more articles); `name` names the documents.
    pub fn build_page(&self, text: &str, name: &str) -> KnowledgeGraph {
        let docs = read::split_page(text, name, name);
        self.build(&docs)
    }
}
