//! Regexes searched only where a match can start.
//!
//! Patterns that begin with a boundary (`^`, or one char that is neither a letter nor a number)
//! followed by a digit or by one of a few known words cannot start anywhere else. Scanning the
//! whole text with each of them costs one lazy-DFA pass per pattern, with no literal for the
//! regex engine to skip ahead to. Instead [`StartFinder::find`] lists, in one pass over the text
//! for all the patterns, the places where such a match can begin, and
//! [`Pattern::captures_iter`] runs an anchored search at each of them.
//!
//! The matches are the ones the unanchored search of the `regex` crate finds (leftmost-first:
//! the leftmost place where the pattern matches, with the captures it prefers there;
//! non-overlapping, in order), as long as the places listed hold every place where a match can
//! start: an anchored search at a place that cannot start a match simply fails.

use super::pairs::{first, CharGrams};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex_automata::meta::{BuildError, Regex};
use regex_automata::util::captures::Captures;
use regex_automata::{Anchored, Input};
use std::collections::HashMap;

/// Finds the places where matches of a set of patterns can start. Each pattern has a bit;
/// a place comes with the mask of the patterns that can start there.
pub struct StartFinder {
    words: AhoCorasick,
    /// The mask of each word of `words`, by pattern id.
    masks: Vec<u32>,
    /// The patterns that can begin with a digit.
    digits: u32,
    /// The first two chars of the words shorter than four chars and the first four of the
    /// others: a place is searched only when it starts so (the article begins many words).
    short_starts: CharGrams<2>,
    long_starts: CharGrams<4>,
}

/// True unless `c` is surely a letter or a number (`\p{L}` or `\p{N}`): ASCII letters and digits
/// and the Arabic letters. Anything else may be a boundary, which only costs a search.
fn may_be_boundary(c: char) -> bool {
    !(c.is_ascii_alphanumeric() || ('\u{0620}'..='\u{064A}').contains(&c))
}

impl StartFinder {
    /// A finder for patterns that begin, after their boundary, with one of `words` (each with
    /// the mask of the patterns that can begin with it), or with a digit (the patterns of
    /// `digits`). The words are made of ASCII letters and digits and Arabic letters.
    pub fn new(words: &[(&str, u32)], digits: u32) -> Self {
        let mut merged: Vec<(&str, u32)> = Vec::new();
        let mut at: HashMap<&str, usize> = HashMap::new();
        for &(w, mask) in words {
            match at.get(w) {
                Some(&i) => merged[i].1 |= mask,
                None => {
                    at.insert(w, merged.len());
                    merged.push((w, mask));
                }
            }
        }
        assert!(
            merged
                .iter()
                .all(|(w, _)| !w.is_empty() && !w.chars().any(may_be_boundary)),
            "the first words are made of letters and digits"
        );
        // the search reports the longest word at a place: it stands for the shorter ones
        // there too, the words it starts with
        let masks = merged
            .iter()
            .map(|(w, _)| {
                merged
                    .iter()
                    .filter(|(shorter, _)| w.starts_with(shorter))
                    .fold(0, |m, (_, more)| m | more)
            })
            .collect();
        StartFinder {
            words: AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::DFA))
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(aho_corasick::StartKind::Anchored)
                .build(merged.iter().map(|(w, _)| w))
                .expect("a few short words make an automaton"),
            masks,
            digits,
            short_starts: CharGrams::of(
                merged
                    .iter()
                    .filter(|(w, _)| w.chars().count() < 4)
                    .map(|(w, _)| first(w)),
            ),
            long_starts: CharGrams::of(
                merged
                    .iter()
                    .filter(|(w, _)| w.chars().count() >= 4)
                    .map(|(w, _)| first(w)),
            ),
        }
    }

    /// The places in `text` where a match can start (the boundary char before a word or a
    /// digit, or the start of the text), sorted, each with the mask of the patterns that can
    /// start there.
    pub fn find(&self, text: &str) -> Vec<(usize, u32)> {
        let mut out = Vec::new();
        // a match begins at the boundary char before its body (or at the start of the text);
        // the body is a word of `words` or a digit. Words are made of letters and digits, so
        // a word after a boundary is read by an anchored search there, and nowhere else.
        let mut boundary: Option<usize> = Some(0);
        for (q, c) in text.char_indices() {
            if let Some(at) = boundary {
                let mut mask = 0;
                if self.digits != 0 && is_digit(c) {
                    mask |= self.digits;
                }
                let rest = &text[q..];
                let four: Option<[char; 4]> = first(rest);
                let two = match four {
                    Some([a, b, _, _]) => Some([a, b]),
                    None => first(rest),
                };
                if self.short_starts.may_hold(two) || self.long_starts.may_hold(four) {
                    let input = aho_corasick::Input::new(text)
                        .range(q..)
                        .anchored(aho_corasick::Anchored::Yes);
                    if let Some(m) = self.words.find(input) {
                        mask |= self.masks[m.pattern().as_usize()];
                    }
                }
                if mask != 0 {
                    out.push((at, mask));
                }
            }
            boundary = may_be_boundary(c).then_some(q);
        }
        out
    }
}

/// True for the chars a pattern's `\d` may begin with: ASCII and Arabic-Indic digits, and
/// any numeric char outside the Arabic block (a superset of `\d`).
fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
        || ('\u{0660}'..='\u{0669}').contains(&c)
        || (c >= '\u{0680}' && c.is_numeric())
}

/// A regex with a bit among the patterns of a [`StartFinder`].
pub struct Pattern {
    regex: Regex,
    bit: u32,
}

impl Pattern {
    /// Compiles a pattern (the syntax and semantics of the `regex` crate).
    pub fn new(pattern: &str, bit: u32) -> Result<Self, Box<BuildError>> {
        Ok(Pattern {
            regex: Regex::new(pattern).map_err(Box::new)?,
            bit,
        })
    }

    /// The first match in `text`, searched for everywhere.
    pub fn captures<'t>(&self, text: &'t str) -> Option<Caps<'t>> {
        let mut caps = self.regex.create_captures();
        self.regex.captures(text, &mut caps);
        caps.is_match().then_some(Caps { text, caps })
    }

    /// The matches in `text`, found by anchored searches at the places of `starts` (from
    /// [`StartFinder::find`]) whose mask holds this pattern's bit.
    pub fn captures_iter<'t, 's>(
        &'s self,
        text: &'t str,
        starts: &'s [(usize, u32)],
    ) -> impl Iterator<Item = Caps<'t>> + 's
    where
        't: 's,
    {
        let mut caps = self.regex.create_captures();
        let mut done = 0;
        starts
            .iter()
            .filter(move |(_, mask)| mask & self.bit != 0)
            .filter_map(move |&(at, _)| {
                if at < done {
                    return None;
                }
                let input = Input::new(text).range(at..).anchored(Anchored::Yes);
                self.regex.search_captures(&input, &mut caps);
                let m = caps.get_match()?;
                done = m.end();
                Some(Caps {
                    text,
                    caps: caps.clone(),
                })
            })
    }
}

/// The capture groups of a match.
#[derive(Debug, Clone)]
pub struct Caps<'t> {
    text: &'t str,
    caps: Captures,
}

/// A group that took part in a match.
#[derive(Debug, Clone, Copy)]
pub struct Group<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Group<'t> {
    /// The text of the group.
    pub fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }

    /// Byte offset where it starts.
    pub fn start(&self) -> usize {
        self.start
    }

    /// Byte offset where it ends.
    pub fn end(&self) -> usize {
        self.end
    }
}

impl<'t> Caps<'t> {
    /// Group `i` (0 is the whole match), if it took part in the match.
    pub fn get(&self, i: usize) -> Option<Group<'t>> {
        self.caps.get_group(i).map(|s| Group {
            text: self.text,
            start: s.start,
            end: s.end,
        })
    }
}

impl std::ops::Index<usize> for Caps<'_> {
    type Output = str;

    /// The text of group `i`; panics when it did not take part in the match.
    fn index(&self, i: usize) -> &str {
        let s = self
            .caps
            .get_group(i)
            .unwrap_or_else(|| panic!("no group {i} in this match"));
        &self.text[s.start..s.end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every match of the unanchored search of the `regex` crate.
    fn unanchored(pattern: &str, text: &str) -> Vec<Vec<Option<(usize, usize)>>> {
        regex::Regex::new(pattern)
            .unwrap()
            .captures_iter(text)
            .map(|c| c.iter().map(|g| g.map(|g| (g.start(), g.end()))).collect())
            .collect()
    }

    fn anchored(p: &Pattern, finder: &StartFinder, text: &str) -> Vec<Vec<Option<(usize, usize)>>> {
        let starts = finder.find(text);
        p.captures_iter(text, &starts)
            .map(|c| {
                (0..c.caps.group_len())
                    .map(|i| c.get(i).map(|g| (g.start(), g.end())))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn finds_what_the_unanchored_search_finds() {
        let b = r"(?:^|[^\p{L}\p{N}])";
        let e = r"(?:[^\p{L}\p{N}]|$)";
        let patterns = [
            format!(r"{b}(\d{{1,2}})\s+(مايو|ماي|may)(?:\s+(\d{{4}}))?{e}"),
            format!(r"{b}(?:شهر\s+)?(مايو|ماي|may)\s*(\d{{4}}){e}"),
            format!(r"{b}(?:من|from)\s+(\d+)\s*(?:الي|to)\s*(\d+){e}"),
        ];
        let finder = StartFinder::new(
            &[
                ("مايو", 2),
                ("ماي", 2),
                ("may", 2),
                ("شهر", 2),
                ("من", 4),
                ("from", 4),
            ],
            1,
        );
        let texts = [
            "3 مايو 2023",
            "في 3 مايو 2023 و4 ماي، ثم شهر مايو 2024 (من 1 الي 3) و٣ مايو",
            "x3 مايو 2023 3مايو 12 ماي1999 from 1 to 2, from 3 to 4from 5 to 6",
            "قال:5 may 2020.شهر  ماي 2021\nمن 7 الي 9 من 10 الي11",
            "ـ3 مايو ١٢ ماي 2020 ْ4 may ߃ مايو 2023 ۴ ماي",
            "",
        ];
        for (i, pattern) in patterns.iter().enumerate() {
            let p = Pattern::new(pattern, 1 << i).unwrap();
            for text in texts {
                assert_eq!(
                    anchored(&p, &finder, text),
                    unanchored(pattern, text),
                    "{pattern} in {text:?}"
                );
            }
        }
    }
}
