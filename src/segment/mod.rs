//! Segmentation of normalised text into sentences and tokens, and Arabic clitic analysis.
//!
//! Tokens are maximal runs of letters and digits (a word) or single punctuation marks.
//! Sentences end at `.`, `!`, `?`, `؟` before a space, a quote or the end, and at line breaks.

mod clitics;

pub use clitics::{clitic_splits, strip_article, CliticSplit, CliticSplits};

use crate::normalize::NormalizedText;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (any script), possibly with digits.
    Word,
    /// Digits only.
    Number,
    /// One punctuation mark or symbol.
    Punct,
}

/// A token of the normalised text.
#[derive(Debug, Clone)]
pub struct Token {
    /// Byte range in the normalised text.
    pub start: usize,
    /// End of the byte range (exclusive).
    pub end: usize,
    /// Word, number or punctuation.
    pub kind: TokenKind,
    /// Index of the sentence the token belongs to.
    pub sentence: usize,
}

/// A sentence: a range of tokens and of normalised bytes.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// First token index.
    pub first: usize,
    /// One past the last token index.
    pub last: usize,
    /// Byte range in the normalised text.
    pub start: usize,
    /// End of the byte range (exclusive).
    pub end: usize,
}

/// The segmented text.
#[derive(Debug, Clone, Default)]
pub struct Segmented {
    /// All tokens in order.
    pub tokens: Vec<Token>,
    /// All sentences in order.
    pub sentences: Vec<Sentence>,
}

/// A letter or digit of any script, or the zero-width non-joiner inside a word.
fn is_word_char(c: char) -> bool {
    match c {
        // fast paths for what news text is made of: ASCII, and the Arabic letters and digits
        // and punctuation (`char::is_alphanumeric` takes a slow table search outside ASCII)
        '0'..='9' | 'a'..='z' | 'A'..='Z' => true,
        '\0'..='\x7f' => false,
        '\u{0620}'..='\u{064A}' | '\u{0660}'..='\u{0669}' | '\u{0671}'..='\u{06D3}' => true,
        '\u{060C}' | '\u{061B}' | '\u{061F}' => false,
        _ => c.is_alphanumeric() || c == '\u{200C}',
    }
}

/// Splits normalised text into tokens and sentences.
pub fn segment(norm: &NormalizedText) -> Segmented {
    let text = &norm.text;
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 5);
    let mut sentences = Vec::new();
    let mut sentence = 0usize;
    let mut first_token = 0usize;
    let mut sent_start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();

    let close = |tokens: &Vec<Token>,
                 sentences: &mut Vec<Sentence>,
                 first: &mut usize,
                 start: &mut Option<usize>,
                 sentence: &mut usize| {
        if tokens.len() > *first {
            let s = start.unwrap_or(tokens[*first].start);
            sentences.push(Sentence {
                first: *first,
                last: tokens.len(),
                start: s,
                end: tokens[tokens.len() - 1].end,
            });
            *sentence += 1;
            *first = tokens.len();
        }
        *start = None;
    };

    while let Some((i, c)) = chars.next() {
        if c == '\n' {
            close(
                &tokens,
                &mut sentences,
                &mut first_token,
                &mut sent_start,
                &mut sentence,
            );
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        if sent_start.is_none() {
            sent_start = Some(i);
        }
        if is_word_char(c) {
            let mut end = i + c.len_utf8();
            let mut all_digits = c.is_ascii_digit();
            while let Some(&(j, d)) = chars.peek() {
                if is_word_char(d) {
                    all_digits &= d.is_ascii_digit();
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            tokens.push(Token {
                start: i,
                end,
                kind: if all_digits {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                },
                sentence,
            });
        } else {
            let end = i + c.len_utf8();
            tokens.push(Token {
                start: i,
                end,
                kind: TokenKind::Punct,
                sentence,
            });
            if matches!(c, '.' | '!' | '?' | '؟') {
                // a full stop inside a number (3.5) or an abbreviation (U.S.) does not end a sentence
                let next = chars.peek().map(|&(_, d)| d);
                let ends = match next {
                    None => true,
                    Some(d) => d.is_whitespace() || d == '"' || d == '\'' || d == ')',
                };
                let prev_short_latin = c == '.' && tokens.len() >= 2 && {
                    let p = &tokens[tokens.len() - 2];
                    p.kind == TokenKind::Word
                        && p.end == i
                        && text[p.start..p.end].chars().count() == 1
                        && text[p.start..p.end].is_ascii()
                };
                if ends && !prev_short_latin {
                    // a closing quote right after the mark belongs to this sentence
                    if let Some(&(j, '"')) = chars.peek() {
                        chars.next();
                        tokens.push(Token {
                            start: j,
                            end: j + 1,
                            kind: TokenKind::Punct,
                            sentence,
                        });
                    }
                    close(
                        &tokens,
                        &mut sentences,
                        &mut first_token,
                        &mut sent_start,
                        &mut sentence,
                    );
                }
            }
        }
    }
    close(
        &tokens,
        &mut sentences,
        &mut first_token,
        &mut sent_start,
        &mut sentence,
    );
    Segmented { tokens, sentences }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> (Vec<String>, usize) {
        let n = NormalizedText::new(text);
        let s = segment(&n);
        (
            s.tokens
                .iter()
                .map(|t| n.text[t.start..t.end].to_string())
                .collect(),
            s.sentences.len(),
        )
    }

    #[test]
    fn word_chars_are_letters_digits_and_zwnj() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(
                is_word_char(c),
                c.is_alphanumeric() || c == '\u{200C}',
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn splits_words_punctuation_and_sentences() {
        let (w, n) = words("التقى الوزيران، وبحثا العلاقات. ثم غادر.\nسطر آخر");
        assert_eq!(
            w,
            [
                "التقي",
                "الوزيران",
                "،",
                "وبحثا",
                "العلاقات",
                ".",
                "ثم",
                "غادر",
                ".",
                "سطر",
                "اخر"
            ]
        );
        assert_eq!(n, 3);
    }

    #[test]
    fn numbers_and_abbreviations_do_not_end_sentences() {
        let (_, n) = words("The U.S. grew 3.5 percent. Next one");
        assert_eq!(n, 2);
    }

    #[test]
    fn closing_quote_stays_with_its_sentence() {
        let (w, n) = words("قال: “نعم.” ثم مضى");
        assert_eq!(n, 2);
        assert_eq!(w[5], "\"");
    }
}
