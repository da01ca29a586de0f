//! Exports: one trait, one module per format.

pub mod dot;
pub mod json;

use crate::error::Result;
use crate::graph::KnowledgeGraph;
use std::io::Write;

/// Writes a graph in one format.
pub trait Exporter {
    /// The format's name (`json`, `dot`, …).
    fn name(&self) -> &'static str;
    /// Writes the graph.
    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> Result<()>;
}

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// networkx node-link JSON (the contract).
    Json,
    /// Graphviz DOT.
    Dot,
}

impl Format {
    /// The format a file name's extension asks for.
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "json" => Some(Format::Json),
            "dot" | "gv" => Some(Format::Dot),
            _ => None,
        }
    }

    /// The exporter of this format.
    pub fn exporter(&self) -> Box<dyn Exporter> {
        match self {
            Format::Json => Box::new(json::JsonExporter),
            Format::Dot => Box::new(dot::DotExporter),
        }
    }
}

pub(crate) fn io_err(format: &str, e: std::io::Error) -> crate::error::Error {
    crate::error::Error::Export {
        format: format.to_string(),
        reason: e.to_string(),
    }
}
