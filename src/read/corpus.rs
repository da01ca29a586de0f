//! Corpora: files, directories, JSON Lines and standard input, read as one stream of articles.
//!
//! [`sources`] turns the inputs of a command line into a list of [`Source`]s: a file is a page
//! (`.txt` or any other extension) or JSON Lines (`.jsonl`, `.ndjson`); a directory is walked
//! recursively, in name order, for `.txt` and `.jsonl` files (names starting with a dot are
//! skipped); `-` is standard input, read as JSON Lines when its first non-blank byte is `{` and
//! as a page otherwise.
//!
//! [`Corpus`] reads the sources one after another and yields their articles one at a time:
//! JSON Lines a line at a time, pages a file at a time, so memory does not grow with the
//! corpus. Bad input — a malformed JSON line, a file that is not UTF-8, a file that cannot be
//! read — comes out as an `Err` item that names its location (`path:line: reason`); the stream
//! goes on with the rest.

use super::jsonl::{parse_line, JsonlFields};
use super::{decode_utf8, split_page};
use crate::document::Document;
use crate::error::{Error, Result};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// How a source is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// A page of text: one article, or several separated by "read also" lines.
    Page,
    /// JSON Lines: one article a line.
    Jsonl,
    /// Standard input: JSON Lines when its first non-blank byte is `{`, else a page.
    Stdin,
}

/// One input file (or standard input).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The path (`-` for standard input).
    pub path: PathBuf,
    /// How it is read.
    pub kind: SourceKind,
    /// For a page, the id of its first article (`<id>`, then `<id>#2`, …): the file's stem, or
    /// its path under the directory it was found in, without the extension.
    pub id: String,
    /// Size in bytes, when known.
    pub size: Option<u64>,
}

fn is_jsonl(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

fn is_txt(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_else(|| path.display().to_string())
}

/// The sources of a list of inputs, in order, with the problems met walking directories
/// (an unreadable directory is reported and skipped).
///
/// A missing input, or a directory that holds no `.txt` or `.jsonl` file, is an error.
pub fn sources(inputs: &[PathBuf]) -> Result<(Vec<Source>, Vec<Error>)> {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            out.push(Source {
                path: input.clone(),
                kind: SourceKind::Stdin,
                id: "stdin".into(),
                size: None,
            });
            continue;
        }
        let meta = std::fs::metadata(input).map_err(|e| Error::io(input, e))?;
        if meta.is_dir() {
            let before = out.len();
            walk(input, input, &mut out, &mut problems);
            if out.len() == before {
                return Err(Error::NothingToRead {
                    path: input.clone(),
                });
            }
        } else {
            out.push(Source {
                path: input.clone(),
                kind: if is_jsonl(input) {
                    SourceKind::Jsonl
                } else {
                    SourceKind::Page
                },
                id: stem(input),
                size: Some(meta.len()),
            });
        }
    }
    Ok((out, problems))
}

/// Walks a directory in name order, following no symbolic link to a directory.
fn walk(root: &Path, dir: &Path, out: &mut Vec<Source>, problems: &mut Vec<Error>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(Error::io(dir, e));
            return;
        }
    };
    let mut entries: Vec<_> = entries
        .filter_map(|e| match e {
            Ok(e) => Some(e),
            Err(err) => {
                problems.push(Error::io(dir, err));
                None
            }
        })
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let path = e.path();
        if e.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let Ok(file_type) = e.file_type() else {
            continue;
        };
        if file_type.is_dir() {
            walk(root, &path, out, problems);
            continue;
        }
        let (jsonl, txt) = (is_jsonl(&path), is_txt(&path));
        if !jsonl && !txt {
            continue;
        }
        // a symbolic link counts when it leads to a file
        let size = match std::fs::metadata(&path) {
            Ok(m) if m.is_file() => Some(m.len()),
            Ok(_) => continue,
            Err(err) => {
                problems.push(Error::io(&path, err));
                continue;
            }
        };
        let rel = path.strip_prefix(root).unwrap_or(&path).with_extension("");
        let id = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        out.push(Source {
            path,
            kind: if jsonl {
                SourceKind::Jsonl
            } else {
                SourceKind::Page
            },
            id,
            size,
        });
    }
}

/// The compression a file's first bytes show (gzip, zstd), if any.
fn compressed(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        Some("gzip")
    } else if bytes.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Some("zstd")
    } else {
        None
    }
}

/// Why a compressed file is skipped, and how to read it.
fn compressed_reason(kind: &str, expected: &str, origin: &str) -> String {
    let cat = if kind == "gzip" { "zcat" } else { "zstdcat" };
    format!(
        "a {kind} file, not {expected}; the file is skipped (decompress it into standard input: \
         {cat} {origin} | newsgraph build -)"
    )
}

/// The JSON Lines file being read.
struct OpenJsonl {
    reader: Box<dyn BufRead + Send>,
    origin: String,
    line: usize,
}

/// A stream of articles over sources, with bad input as located errors.
pub struct Corpus {
    sources: VecDeque<Source>,
    fields: JsonlFields,
    open: Option<OpenJsonl>,
    pending: VecDeque<Document>,
    buf: Vec<u8>,
    bytes: Arc<AtomicU64>,
}

impl Corpus {
    /// A stream over `sources`; `fields` names the JSON Lines fields.
    pub fn new(sources: Vec<Source>, fields: JsonlFields) -> Self {
        Corpus {
            sources: sources.into(),
            fields,
            open: None,
            pending: VecDeque::new(),
            buf: Vec::new(),
            bytes: Arc::new(AtomicU64::new(0)),
        }
    }

    /// A counter of the input bytes read so far, to follow progress from outside.
    pub fn bytes_read(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.bytes)
    }

    fn count_bytes(&self, n: usize) {
        self.bytes.fetch_add(n as u64, Ordering::Relaxed);
    }

    /// Reads a whole page (or standard input) and queues its articles.
    fn read_page(
        &mut self,
        reader: &mut dyn Read,
        head: Vec<u8>,
        origin: &str,
        id: &str,
    ) -> Result<()> {
        let mut bytes = head;
        reader
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(origin, e))?;
        self.count_bytes(bytes.len());
        if let Some(kind) = compressed(&bytes) {
            return Err(Error::Record {
                origin: origin.to_string(),
                line: 1,
                reason: compressed_reason(kind, "text", origin),
            });
        }
        let text = decode_utf8(bytes, origin).map_err(|e| match e {
            Error::InvalidUtf8 { origin, byte, line } => Error::Record {
                origin,
                line,
                reason: format!("not valid UTF-8 (byte {byte}); the file is skipped"),
            },
            e => e,
        })?;
        let docs = split_page(&text, id, origin);
        if docs.is_empty() {
            return Err(Error::Empty {
                origin: origin.to_string(),
            });
        }
        self.pending.extend(docs);
        Ok(())
    }

    /// Opens the next source: queues a page's articles or opens a JSON Lines reader.
    fn open_next(&mut self, source: Source) -> Result<()> {
        match source.kind {
            SourceKind::Page => {
                let origin = source.path.display().to_string();
                let mut f =
                    std::fs::File::open(&source.path).map_err(|e| Error::io(&source.path, e))?;
                self.read_page(&mut f, Vec::new(), &origin, &source.id)
            }
            SourceKind::Jsonl => {
                let f =
                    std::fs::File::open(&source.path).map_err(|e| Error::io(&source.path, e))?;
                self.open = Some(OpenJsonl {
                    reader: Box::new(BufReader::with_capacity(1 << 16, f)),
                    origin: source.path.display().to_string(),
                    line: 0,
                });
                Ok(())
            }
            SourceKind::Stdin => {
                let mut reader = BufReader::with_capacity(1 << 16, std::io::stdin());
                // leading blanks are kept: a page's offsets count them
                let mut head = Vec::new();
                let json = loop {
                    let buf = reader.fill_buf().map_err(|e| Error::io("<stdin>", e))?;
                    if buf.is_empty() {
                        break false;
                    }
                    match buf.iter().position(|b| !b.is_ascii_whitespace()) {
                        Some(i) => {
                            let rest = &buf[i..];
                            let rest = rest
                                .strip_prefix(b"\xEF\xBB\xBF".as_slice())
                                .unwrap_or(rest);
                            break rest.first() == Some(&b'{');
                        }
                        None => {
                            let n = buf.len();
                            head.extend_from_slice(buf);
                            reader.consume(n);
                        }
                    }
                };
                if json {
                    self.count_bytes(head.len());
                    self.open = Some(OpenJsonl {
                        reader: Box::new(reader),
                        origin: "<stdin>".into(),
                        line: head.iter().filter(|&&b| b == b'\n').count(),
                    });
                    Ok(())
                } else {
                    self.read_page(&mut reader, head, "<stdin>", &source.id)
                }
            }
        }
    }

    /// The next item of the open JSON Lines reader; `None` at its end.
    fn next_line(&mut self) -> Option<Result<Document>> {
        loop {
            let open = self.open.as_mut()?;
            self.buf.clear();
            let n = match open.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    self.open = None;
                    return None;
                }
                Ok(n) => n,
                Err(e) => {
                    let err = Error::Record {
                        origin: open.origin.clone(),
                        line: open.line + 1,
                        reason: format!("cannot read: {e}; the rest of the file is skipped"),
                    };
                    self.open = None;
                    return Some(Err(err));
                }
            };
            open.line += 1;
            let (origin, line) = (open.origin.clone(), open.line);
            self.count_bytes(n);
            if line == 1 {
                if let Some(kind) = compressed(&self.buf) {
                    self.open = None;
                    return Some(Err(Error::Record {
                        origin: origin.clone(),
                        line,
                        reason: compressed_reason(kind, "JSON Lines", &origin),
                    }));
                }
            }
            // (simdutf8: the same check as std, several times faster on Arabic text)
            let text = match simdutf8::compat::from_utf8(&self.buf) {
                Ok(t) => t,
                Err(e) => {
                    return Some(Err(Error::Record {
                        origin,
                        line,
                        reason: format!(
                            "not valid UTF-8 (byte {} of the line); the line is skipped",
                            e.valid_up_to()
                        ),
                    }))
                }
            };
            let text = if line == 1 {
                text.strip_prefix('\u{FEFF}').unwrap_or(text)
            } else {
                text
            };
            match parse_line(text, &origin, line, &self.fields) {
                Ok(Some(doc)) => return Some(Ok(doc)),
                Ok(None) => continue,
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

impl Iterator for Corpus {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(d) = self.pending.pop_front() {
                return Some(Ok(d));
            }
            if self.open.is_some() {
                if let Some(item) = self.next_line() {
                    return Some(item);
                }
                continue;
            }
            let source = self.sources.pop_front()?;
            if let Err(e) = self.open_next(source) {
                return Some(Err(e));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, rel: &str, bytes: &[u8]) {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }

    #[test]
    fn directories_are_walked_in_name_order_with_ids_from_their_paths() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "b.txt", "عنوان\nنص.\n".as_bytes());
        write(d.path(), "a/x.txt", "عنوان\nنص.\n".as_bytes());
        write(d.path(), "a/c.jsonl", b"{\"id\":\"j1\",\"text\":\"t\"}\n");
        write(d.path(), "notes.md", b"not read");
        write(d.path(), ".hidden.txt", b"not read");
        let (srcs, problems) = sources(&[d.path().to_path_buf()]).unwrap();
        assert!(problems.is_empty());
        let got: Vec<(&str, SourceKind)> = srcs.iter().map(|s| (s.id.as_str(), s.kind)).collect();
        assert_eq!(
            got,
            [
                ("a/c", SourceKind::Jsonl),
                ("a/x", SourceKind::Page),
                ("b", SourceKind::Page)
            ]
        );
        let empty = tempfile::tempdir().unwrap();
        write(empty.path(), "notes.md", b"x");
        let err = sources(&[empty.path().to_path_buf()]).unwrap_err();
        assert!(err.to_string().contains("no .txt or .jsonl"), "{err}");
        assert!(sources(&[d.path().join("missing.txt")]).is_err());
    }

    #[test]
    fn bad_lines_and_files_are_located_and_the_rest_is_read() {
        let d = tempfile::tempdir().unwrap();
        let mut jsonl = b"{\"id\":\"a\",\"text\":\"one\"}\n{oops\n\n".to_vec();
        jsonl.extend_from_slice(b"{\"id\":\"b\",\"text\":\"bad \xff byte\"}\n[1]\n");
        jsonl.extend_from_slice(b"{\"id\":\"c\",\"content\":\"three\"}");
        write(d.path(), "c.jsonl", &jsonl);
        write(d.path(), "p.txt", b"title\n\xfe body\n");
        write(d.path(), "q.txt", "عنوان\nنص.\n".as_bytes());
        let (srcs, _) = sources(&[d.path().to_path_buf()]).unwrap();
        let mut ok = Vec::new();
        let mut bad = Vec::new();
        let corpus = Corpus::new(srcs, JsonlFields::default());
        let bytes = corpus.bytes_read();
        for item in corpus {
            match item {
                Ok(doc) => ok.push(doc.id),
                Err(e) => bad.push(e.to_string()),
            }
        }
        assert_eq!(ok, ["a", "c", "q"]);
        let c = d.path().join("c.jsonl").display().to_string();
        let p = d.path().join("p.txt").display().to_string();
        assert_eq!(bad.len(), 4, "{bad:?}");
        assert!(
            bad[0].starts_with(&format!("{c}:2: malformed JSON")),
            "{bad:?}"
        );
        assert!(
            bad[1].starts_with(&format!("{c}:4: not valid UTF-8")),
            "{bad:?}"
        );
        assert!(
            bad[2].starts_with(&format!("{c}:5: a line must hold")),
            "{bad:?}"
        );
        assert!(
            bad[3].starts_with(&format!("{p}:2: not valid UTF-8")),
            "{bad:?}"
        );
        let total = jsonl.len() + b"title\n\xfe body\n".len() + "عنوان\nنص.\n".len();
        assert_eq!(bytes.load(Ordering::Relaxed), total as u64);
    }
}
