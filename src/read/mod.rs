//! Reading input: pages of news (one or more articles) from files or standard input.
//!
//! A page is UTF-8 text. A "read also" line (`إقرأ أيضاً`, `اقرأ أيضا`, `Read also`) starts a new
//! article. For each article the reader takes:
//! - the title: its first non-empty line;
//! - the publication date: a line `تاريخ النشر: 20th, September 2023 GMT` or `Published: …`;
//! - the dateline: a short line `موسكو-سانا`, an agency line with a date (`بريدة 25 شوال 1436 هـ
//!   الموافق 10 أغسطس 2015 م واس`), an English `RIYADH, Aug 17 (Reuters) -`, or a first body line
//!   starting `روسيا – …`;
//! - the source: a line `المصدر: …` or `Source: …`.
//!
//! An article that states no date of its own gets none: it never inherits its neighbour's.

pub mod corpus;
pub mod jsonl;

use crate::document::{Dateline, Document, PartialDate};
use crate::error::{Error, Result};
use crate::extract::dates::parse_date;
use crate::normalize::normalize;
use regex::Regex;
use std::path::Path;
use std::sync::OnceLock;

/// Decodes UTF-8, reporting the line and byte of the first invalid sequence.
pub fn decode_utf8(bytes: Vec<u8>, origin: &str) -> Result<String> {
    match String::from_utf8(bytes) {
        Ok(mut s) => {
            if s.starts_with('\u{FEFF}') {
                s.replace_range(..3, "");
            }
            Ok(s)
        }
        Err(e) => {
            let byte = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..byte].iter().filter(|&&b| b == b'\n').count() + 1;
            Err(Error::InvalidUtf8 {
                origin: origin.to_string(),
                byte,
                line,
            })
        }
    }
}

/// Reads a page file (or `-` for standard input) into its articles.
pub fn read_page_file(path: &Path) -> Result<Vec<Document>> {
    let (text, origin, stem) = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
            .map_err(|e| Error::io("<stdin>", e))?;
        (
            decode_utf8(buf, "<stdin>")?,
            "<stdin>".to_string(),
            "stdin".to_string(),
        )
    } else {
        if path.is_dir() {
            return Err(Error::IsDirectory {
                path: path.to_path_buf(),
            });
        }
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let origin = path.display().to_string();
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_else(|| origin.clone());
        (decode_utf8(bytes, &origin)?, origin, stem)
    };
    let docs = split_page(&text, &stem, &origin);
    if docs.is_empty() {
        return Err(Error::Empty { origin });
    }
    Ok(docs)
}

fn read_also() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(r"^\s*(?:(?:إ|ا)قرأ|اقرا|إقرا)\s+(?:أيضاً|أيضا|ايضا|ايضاً)\s*[:：]?\s*$|^\s*(?i:read\s+also|see\s+also)\s*:?\s*$").unwrap())
}

/// Splits a page into articles; `stem` names them (`stem`, `stem#2`, …).
pub fn split_page(text: &str, stem: &str, origin: &str) -> Vec<Document> {
    // lines with their char offsets
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut offset = 0usize;
    for line in text.split_inclusive('\n') {
        lines.push((offset, line));
        offset += line.chars().count();
    }
    let mut groups: Vec<Vec<(usize, &str)>> = vec![Vec::new()];
    for &(o, l) in &lines {
        if read_also().is_match(l.trim_end()) {
            groups.push(Vec::new());
        } else {
            groups.last_mut().unwrap().push((o, l));
        }
    }
    let mut docs = Vec::new();
    for g in groups {
        let Some(first) = g.iter().position(|(_, l)| !l.trim().is_empty()) else {
            continue;
        };
        let g = &g[first..];
        let base = g[0].0;
        let doc_text: String = g
            .iter()
            .map(|(_, l)| *l)
            .collect::<String>()
            .trim_end()
            .to_string();
        if doc_text.trim().is_empty() {
            continue;
        }
        let id = if docs.is_empty() {
            stem.to_string()
        } else {
            format!("{stem}#{}", docs.len() + 1)
        };
        docs.push(parse_article(id, &doc_text, base, origin));
    }
    docs
}

fn meta_patterns() -> &'static (Regex, Regex, Regex, Regex, Regex) {
    static R: OnceLock<(Regex, Regex, Regex, Regex, Regex)> = OnceLock::new();
    R.get_or_init(|| {
        (
            Regex::new(
                r"^\s*(?:تاريخ النشر|نشر بتاريخ|تاريخ|(?i:published|date))\s*[:：]\s*(.+?)\s*$",
            )
            .unwrap(),
            Regex::new(r"^\s*(?:المصدر|(?i:source))\s*[:：]\s*(.+?)\s*$").unwrap(),
            // موسكو-سانا, عمّان - بترا
            Regex::new(r"^\s*([^\d\-–—:،,.]{2,30}?)\s*[-–—]\s*([^\d\-–—:،,.]{1,25}?)\s*$").unwrap(),
            // RIYADH, Aug 17 (Reuters) -
            Regex::new(
                r"^\s*([A-Z][A-Z .'-]{1,30}),\s*([A-Za-z]{3,9}\.?\s+\d{1,2})\s*\(([^)]+)\)\s*[-–—]",
            )
            .unwrap(),
            // روسيا – أكد …: a place of one to three words, a dash, then the sentence
            Regex::new(r"^\s*([^\d\-–—:،,.\s]+(?:\s+[^\d\-–—:،,.\s]+){0,2})\s+[-–—]\s+\S").unwrap(),
        )
    })
}

/// Reads an article's metadata from its lines.
pub fn parse_article(id: String, text: &str, base: usize, origin: &str) -> Document {
    parse_article_owned(id, text.to_string(), base, origin)
}

/// [`parse_article`] of a text the caller gives away (it becomes the document's text).
pub(crate) fn parse_article_owned(id: String, text: String, base: usize, origin: &str) -> Document {
    let (pub_re, source_re, dateline_re, en_dateline_re, inline_re) = meta_patterns();
    let mut title = String::new();
    let mut published = None;
    let mut dateline: Option<Dateline> = None;
    let mut source = None;
    let mut source_span = None;
    let mut offset = 0usize;
    let mut body_lines = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let len = line.chars().count();
        let l = line.trim_end();
        let lead = l.chars().take_while(|c| c.is_whitespace()).count();
        let trimmed = l.trim();
        if i == 0 || title.is_empty() {
            if !trimmed.is_empty() {
                title = trimmed.to_string();
            }
            offset += len;
            continue;
        }
        if trimmed.is_empty() {
            offset += len;
            continue;
        }
        if let Some(c) = pub_re.captures(l) {
            if published.is_none() {
                published = parse_date(&c[1]);
            }
        } else if let Some(c) = source_re.captures(l) {
            let m = c.get(1).unwrap();
            let start = offset + l[..m.start()].chars().count();
            source = Some(m.as_str().to_string());
            source_span = Some((start, start + m.as_str().chars().count()));
        } else if dateline.is_none() && body_lines < 2 {
            let span = (offset + lead, offset + l.chars().count());
            if let Some(c) = dateline_re
                .captures(l)
                .filter(|_| trimmed.chars().count() <= 40)
            {
                dateline = Some(Dateline {
                    place: Some(c[1].trim().to_string()),
                    agency: Some(c[2].trim().to_string()),
                    date: None,
                    span,
                });
            } else if let Some(d) = agency_dateline(trimmed) {
                dateline = Some(Dateline { span, ..d });
            } else if let Some(c) = en_dateline_re.captures(l) {
                let date = parse_date(&format!(
                    "{} {}",
                    &c[2],
                    published
                        .and_then(|p: PartialDate| p.year)
                        .map(|y| y.to_string())
                        .unwrap_or_default()
                ));
                let place = c[1].trim();
                dateline = Some(Dateline {
                    place: Some(place.to_string()),
                    agency: Some(c[3].to_string()),
                    date,
                    span: (span.0, span.0 + c.get(0).unwrap().as_str().chars().count()),
                });
            } else if let Some(c) = inline_re.captures(l) {
                let place = c[1].trim().to_string();
                let end = span.0 + place.chars().count();
                dateline = Some(Dateline {
                    place: Some(place),
                    agency: None,
                    date: None,
                    span: (span.0, end),
                });
            }
            body_lines += 1;
        } else {
            body_lines += 1;
        }
        offset += len;
    }
    // an agency's dateline date is the article's own publication date when no other is given
    if published.is_none() {
        published = dateline.as_ref().and_then(|d| d.date);
    }
    let (arabic, latin) = letter_counts(&text);
    Document {
        id,
        title,
        text,
        base,
        published,
        dateline,
        source,
        source_span,
        language: if arabic >= latin { "ar" } else { "en" }.to_string(),
        origin: origin.to_string(),
        url: None,
    }
}

/// The number of Arabic letters ([`is_arabic_letter`](crate::normalize::is_arabic_letter)) and
/// of ASCII letters in a text, counted on its bytes: every such letter is one ASCII byte or a
/// two-byte sequence led by 0xD8–0xDB.
fn letter_counts(text: &str) -> (usize, usize) {
    let bytes = text.as_bytes();
    let (mut arabic, mut latin) = (0usize, 0usize);
    // branch-free and counted in bytes, 255 at most per count, so that the compiler can run
    // it on wide vectors; a letter's lead byte and the byte after it are read together
    let pairs = bytes.len().saturating_sub(1);
    for start in (0..pairs).step_by(255) {
        let end = (start + 255).min(pairs);
        let lead = &bytes[start..end];
        let next = &bytes[start + 1..end + 1];
        arabic += usize::from(
            lead.iter()
                .zip(next)
                .map(|(&lead, &next)| {
                    // the code point's offset from U+0600, in the three ranges of
                    // `is_arabic_letter` (U+0621–064A, U+0671–06D3, U+06FA–06FF; the test
                    // below holds the two to the same count)
                    let c = (u16::from(lead & 3) << 6) | u16::from(next & 0x3F);
                    let letter = (c.wrapping_sub(0x21) <= 0x4A - 0x21)
                        | (c.wrapping_sub(0x71) <= 0xD3 - 0x71)
                        | (c >= 0xFA);
                    u8::from((lead & 0xFC == 0xD8) & letter)
                })
                .fold(0u8, u8::wrapping_add),
        );
    }
    for chunk in bytes.chunks(255) {
        latin += usize::from(
            chunk
                .iter()
                .map(|&b| u8::from((b | 0x20).wrapping_sub(b'a') < 26))
                .fold(0u8, u8::wrapping_add),
        );
    }
    (arabic, latin)
}

/// An SPA-style dateline: `بريدة 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس`.
fn agency_dateline(line: &str) -> Option<Dateline> {
    if line.chars().count() > 90 {
        return None;
    }
    let first_digit =
        line.find(|c: char| c.is_ascii_digit() || ('\u{0660}'..='\u{0669}').contains(&c))?;
    let place = line[..first_digit].trim();
    if place.is_empty() || place.split_whitespace().count() > 3 {
        return None;
    }
    let date = parse_date(&line[first_digit..])?;
    let last = line.split_whitespace().last()?;
    let agency = (!last.chars().any(|c| c.is_ascii_digit()) && normalize(last) != "م")
        .then(|| last.to_string());
    Some(Dateline {
        place: Some(place.to_string()),
        agency,
        date: Some(date),
        span: (0, 0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_read_also_line_starts_a_new_article_without_inheriting_the_date() {
        let page = "عنوان أول\nتاريخ النشر: 5th, March 2024 GMT\nالرياض-واس\nنص الخبر الأول.\nإقرأ أيضاً:\nعنوان ثان\nنص الخبر الثاني.\n";
        let docs = split_page(page, "p", "p.txt");
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].title, "عنوان أول");
        assert_eq!(docs[0].published.unwrap().to_string(), "2024-03-05");
        let d = docs[0].dateline.as_ref().unwrap();
        assert_eq!(
            (d.place.as_deref(), d.agency.as_deref()),
            (Some("الرياض"), Some("واس"))
        );
        assert_eq!(docs[1].id, "p#2");
        assert_eq!(docs[1].title, "عنوان ثان");
        assert!(docs[1].published.is_none());
        // offsets index the page
        let chars: Vec<char> = page.chars().collect();
        let start = docs[1].base;
        assert_eq!(
            chars[start..start + 9].iter().collect::<String>(),
            "عنوان ثان"
        );
    }

    #[test]
    fn letters_are_counted_as_their_chars_would_be() {
        let long = "وانغ يي في Moscow، ٱلأمم ۃ ک ہ ۓ ۺ؟ 1 ٣ é Ж ✓ ".repeat(40);
        for text in [
            "وانغ يي في Moscow",
            "ٱلأمم ۃ ک ہ ۓ ۺ",
            "abc ؟ 1 ٣ é Ж ✓",
            "",
            &long,
        ] {
            let by_chars = text.chars().fold((0, 0), |(a, l), c| {
                (
                    a + usize::from(crate::normalize::is_arabic_letter(c)),
                    l + usize::from(c.is_ascii_alphabetic()),
                )
            });
            assert_eq!(letter_counts(text), by_chars, "{text}");
        }
    }

    #[test]
    fn agency_datelines_give_place_date_and_agency() {
        let doc = parse_article(
            "x".into(),
            "عنوان\n\nبريدة 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\n نص.",
            0,
            "x",
        );
        let d = doc.dateline.unwrap();
        assert_eq!(d.place.as_deref(), Some("بريدة"));
        assert_eq!(d.agency.as_deref(), Some("واس"));
        assert_eq!(d.date.unwrap().to_string(), "2015-08-10");
    }

    #[test]
    fn invalid_utf8_reports_line_and_byte() {
        let err = decode_utf8(b"ok\nbad \xff here".to_vec(), "f.txt")
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "f.txt: not valid UTF-8 at byte 7 (line 2); newsgraph reads UTF-8 text"
        );
    }
}
