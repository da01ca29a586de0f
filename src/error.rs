//! The library's error type: every failure says what was wrong and where.

use std::path::PathBuf;

/// Everything that can go wrong in newsgraph's library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or directory could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A path names a directory where a file was expected.
    #[error("{path}: is a directory, expected a text file (use a directory input only where the command accepts one)")]
    IsDirectory {
        /// The directory.
        path: PathBuf,
    },
    /// A directory given as input holds nothing to read.
    #[error("{path}: the directory holds no .txt or .jsonl file to read")]
    NothingToRead {
        /// The directory.
        path: PathBuf,
    },
    /// Input bytes are not valid UTF-8.
    #[error("{origin}: not valid UTF-8 at byte {byte} (line {line}); newsgraph reads UTF-8 text")]
    InvalidUtf8 {
        /// Where the text came from (a path or `<stdin>`).
        origin: String,
        /// Byte offset of the first invalid byte.
        byte: usize,
        /// 1-based line of the first invalid byte.
        line: usize,
    },
    /// Input holds no text.
    #[error("{origin}: empty input, there is no article to read")]
    Empty {
        /// Where the text came from.
        origin: String,
    },
    /// A dictionary file has a bad row.
    #[error("{file}:{line}: {reason}")]
    Dictionary {
        /// The dictionary file.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong with the row.
        reason: String,
    },
    /// A graph file could not be parsed.
    #[error("{origin}: not a newsgraph JSON graph: {reason}")]
    Graph {
        /// Where the graph came from.
        origin: String,
        /// What was wrong.
        reason: String,
    },
    /// A JSON Lines record is malformed.
    #[error("{origin}:{line}: {reason}")]
    Record {
        /// The file.
        origin: String,
        /// 1-based line number.
        line: usize,
        /// What was wrong.
        reason: String,
    },
    /// An export failed.
    #[error("export to {format}: {reason}")]
    Export {
        /// The format being written.
        format: String,
        /// What went wrong.
        reason: String,
    },
    /// A query could not be answered.
    #[error("{0}")]
    Query(String),
}

/// Shorthand for results of this library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
