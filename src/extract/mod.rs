//! Extraction: one trait, many extractors, all pushing [`Mention`]s into one list.
//!
//! Extractors run in order over an [`Analysis`] of a document (normalised text, tokens, token
//! keys and lexicon matches); each sees what the ones before it pushed:
//! 1. [`dictionary::DictionaryExtractor`]: entities, nationality adjectives, titles, triggers, cues;
//! 2. [`organizations::OrganizationExtractor`]: organizations by the shape of their names;
//! 3. [`titles::TitleExtractor`]: links titles to the persons they name and finds persons no
//!    dictionary lists;
//! 4. [`names::NameExtractor`]: persons by the shape of their names (a known given name);
//!    then [`names::FamilyNameExtractor`]: a person named in full, later by the family name;
//! 5. [`dates::DateExtractor`]: absolute, relative and Hijri dates;
//! 6. [`events::EventExtractor`]: events with their arguments, place, date and modality.

pub mod anchored;
pub mod dates;
pub mod dictionary;
pub mod events;
pub mod names;
pub mod organizations;
mod pairs;
pub mod titles;

use crate::dictionary::{lexicon::LexiconMatch, Dictionary, Lexicon};
use crate::document::{Document, PartialDate};
use crate::normalize::NormalizedText;
use crate::segment::{segment, Segmented};

pub use crate::dictionary::lexicon::TokenKey;

/// A document prepared for extraction.
pub struct Analysis<'a> {
    /// The document.
    pub doc: &'a Document,
    /// The dictionaries.
    pub dict: &'a Dictionary,
    /// The compiled lexicon.
    pub lexicon: &'a Lexicon,
    /// The normalised text with its offset map.
    pub norm: NormalizedText,
    /// Tokens and sentences.
    pub seg: Segmented,
    /// The lexicon key of each token.
    pub keys: Vec<TokenKey>,
    /// Every lexicon phrase found.
    pub matches: Vec<LexiconMatch<'a>>,
    /// Byte offset in `doc.text` of each original char (and one past the end).
    char_bytes: Vec<usize>,
}

impl<'a> Analysis<'a> {
    /// Normalises, segments and scans a document.
    pub fn new(doc: &'a Document, dict: &'a Dictionary, lexicon: &'a Lexicon) -> Self {
        let (norm, char_bytes) = NormalizedText::with_char_starts(&doc.text);
        let seg = segment(&norm);
        let (keys, key_numbers) = lexicon.token_keys_numbered(&norm.text, &seg);
        let acronym = crate::dictionary::lexicon::acronyms(&doc.text, &char_bytes, &norm, &seg);
        let matches = lexicon.find_numbered(&norm.text, &keys, key_numbers, &seg, &acronym);
        Analysis {
            doc,
            dict,
            lexicon,
            norm,
            seg,
            keys,
            matches,
            char_bytes,
        }
    }

    /// The lookup key of a token (see [`TokenKey`]).
    pub fn key(&self, token: usize) -> &str {
        self.keys[token].key(&self.norm.text)
    }

    /// The normalised text of a token.
    pub fn word(&self, token: usize) -> &str {
        let t = &self.seg.tokens[token];
        &self.norm.text[t.start..t.end]
    }

    /// The original char range of a token range, starting after the first token's proclitics.
    pub fn span(&self, first: usize, last: usize) -> (usize, usize) {
        let a = &self.seg.tokens[first];
        let b = &self.seg.tokens[last - 1];
        let skip = self.keys[first].prefix_len;
        self.norm.original_range(a.start + skip, b.end)
    }

    /// The original text of a char range.
    pub fn original(&self, start: usize, end: usize) -> &str {
        &self.doc.text[self.char_bytes[start]..self.char_bytes[end]]
    }

    /// The original char range of a person's name read over a token range: from the start of
    /// the first token when the name keeps its first word whole (ويندي is a given name, not
    /// و + the key يندي), from after the conjunction when the name drops it (ووديع → وديع),
    /// else as [`span`](Self::span) gives it.
    pub fn name_span(&self, first: usize, last: usize, name: &str) -> (usize, usize) {
        let (start, end) = self.span(first, last);
        let word = self.word(first);
        let head = name.split(' ').next().unwrap_or_default();
        let token = self.seg.tokens[first].start;
        if head == word {
            (self.norm.original_offset(token), end)
        } else if word.strip_prefix('و') == Some(head) {
            (self.norm.original_offset(token + 'و'.len_utf8()), end)
        } else {
            (start, end)
        }
    }

    /// The surface form of a token range as written, without proclitics, cleaned of marks.
    pub fn surface(&self, first: usize, last: usize) -> String {
        let (s, e) = self.span(first, last);
        let text = crate::normalize::clean_surface(self.original(s, e));
        if self.keys[first].elided_article {
            // للصين → ل + الصين: give back the article the spelling elided
            format!("ا{text}")
        } else {
            text
        }
    }

    /// The original text of a token, as written.
    pub fn original_word(&self, token: usize) -> &str {
        let t = &self.seg.tokens[token];
        let (s, e) = self.norm.original_range(t.start, t.end);
        self.original(s, e)
    }

    /// True when the original text of the token starts with a capital letter.
    pub fn capitalized(&self, token: usize) -> bool {
        let t = &self.seg.tokens[token];
        let (s, _) = self.norm.original_range(t.start, t.end);
        self.original(s, s + 1)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }

    /// The publication date: the article's own, else its dateline's.
    pub fn published(&self) -> Option<PartialDate> {
        self.doc
            .published
            .or_else(|| self.doc.dateline.as_ref().and_then(|d| d.date))
    }
}

/// Where an event's argument stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Relation {
    /// A participant of a meeting, talks or a call.
    Participant,
    /// The host of a visit or reception.
    Host,
    /// The guest of a visit or reception.
    Guest,
    /// Who invites.
    Inviter,
    /// Who is invited.
    Invitee,
    /// Who speaks.
    Speaker,
}

impl Relation {
    /// The contract's name of the relation.
    pub fn as_str(&self) -> &'static str {
        match self {
            Relation::Participant => "participant",
            Relation::Host => "host",
            Relation::Guest => "guest",
            Relation::Inviter => "inviter",
            Relation::Invitee => "invitee",
            Relation::Speaker => "speaker",
        }
    }
}

/// Whether an event happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Modality {
    /// It happened.
    Asserted,
    /// Announced for the future.
    Planned,
    /// It may happen.
    Possible,
    /// It did not or will not happen.
    Negated,
}

impl Modality {
    /// The contract's name of the modality.
    pub fn as_str(&self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Planned => "planned",
            Modality::Possible => "possible",
            Modality::Negated => "negated",
        }
    }

    /// Parses a contract name.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "asserted" => Modality::Asserted,
            "planned" => Modality::Planned,
            "possible" => Modality::Possible,
            "negated" => Modality::Negated,
            _ => return None,
        })
    }
}

/// An event found in a sentence, with its arguments as indices of other mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct EventMention {
    /// Index of the trigger in `Dictionary::triggers`.
    pub trigger: u32,
    /// `meet`, `talks`, `visit`, `call`, `invite`, `statement`.
    pub event_type: String,
    /// CAMEO code.
    pub code: String,
    /// Arguments: relation and the index of the actor mention.
    pub args: Vec<(Relation, usize)>,
    /// Index of the place (or country) mention where it happens.
    pub place: Option<usize>,
    /// True when the place is only the dateline's (a default that an explicit place overrides).
    pub place_from_dateline: bool,
    /// Index of the date mention that dates it.
    pub date: Option<usize>,
    /// True when the date comes from the publication date rather than the sentence.
    pub date_from_publication: bool,
    /// Whether it happened.
    pub modality: Modality,
}

/// What a mention is.
#[derive(Debug, Clone, PartialEq)]
pub enum MentionKind {
    /// A dictionary entity (index into `Dictionary::entities`).
    Entity(u32),
    /// A country named by a nationality adjective.
    Nationality(u32),
    /// A person no dictionary lists, found by a cue; `name` is the normalised name.
    NewPerson {
        /// Normalised name.
        name: String,
    },
    /// An organization no dictionary lists, found by the shape of its name.
    NewOrganization {
        /// Normalised name.
        name: String,
        /// The country a nationality adjective in the name gives (entity index).
        country: Option<u32>,
    },
    /// A title; `of` and `holder` are filled in by the title extractor.
    Title {
        /// Index into `Dictionary::titles`.
        title: u32,
        /// The country or organization of the office (entity index).
        of: Option<u32>,
        /// An organization found by the organization extractor that the office belongs to.
        of_mention: Option<usize>,
        /// The mention of the person who holds it, when named.
        holder: Option<usize>,
        /// True for a former office holder (السابق).
        former: bool,
        /// True when a word before the title makes its holder someone who serves the office
        /// holder (نائب المستشارة، مساعد الرئيس): the title names the person, but gives them
        /// no role.
        dependent: bool,
    },
    /// An event trigger (index into `Dictionary::triggers`).
    Trigger(u32),
    /// A cue word (index into `Dictionary::cues`).
    Cue(u32),
    /// A date or a date range.
    Date {
        /// First day (or the only one).
        start: PartialDate,
        /// Last day of a range.
        end: Option<PartialDate>,
        /// True when part of the date was filled in from context.
        inferred: bool,
    },
    /// An event.
    Event(EventMention),
}

/// Something found in a document, with its evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// What was found.
    pub kind: MentionKind,
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    /// Original char offset where it starts (in the document's text).
    pub start: usize,
    /// Original char offset where it ends.
    pub end: usize,
    /// Sentence index.
    pub sentence: usize,
    /// The extractor that found it.
    pub extractor: &'static str,
    /// Why: the rule or dictionary entry that fired.
    pub why: String,
}

/// A stage of extraction.
pub trait Extractor: Send + Sync {
    /// Short name, recorded on every mention it finds.
    fn name(&self) -> &'static str;
    /// Finds mentions in `analysis`, reading and completing those already in `out`.
    fn extract(&self, analysis: &Analysis<'_>, out: &mut Vec<Mention>);
}

impl Mention {
    /// A mention over a token range of an analysis.
    pub fn over(
        a: &Analysis<'_>,
        first: usize,
        last: usize,
        kind: MentionKind,
        extractor: &'static str,
        why: String,
    ) -> Self {
        let (start, end) = match &kind {
            MentionKind::NewPerson { name } => a.name_span(first, last, name),
            _ => a.span(first, last),
        };
        Mention {
            kind,
            first,
            last,
            start,
            end,
            sentence: a.seg.tokens[first].sentence,
            extractor,
            why,
        }
    }
}

/// The default extractors, in order.
pub fn default_extractors() -> Vec<Box<dyn Extractor>> {
    vec![
        Box::new(dictionary::DictionaryExtractor),
        Box::new(organizations::OrganizationExtractor),
        Box::new(titles::TitleExtractor),
        Box::new(names::NameExtractor),
        Box::new(names::FamilyNameExtractor),
        Box::new(titles::TitleAfterNameExtractor),
        Box::new(dates::DateExtractor),
        Box::new(events::EventExtractor),
    ]
}

/// Runs extractors over an analysis.
pub fn run(analysis: &Analysis<'_>, extractors: &[Box<dyn Extractor>]) -> Vec<Mention> {
    let mut out = Vec::new();
    for e in extractors {
        e.extract(analysis, &mut out);
    }
    out
}

/// Index of mentions by their first token, for the extractors that walk tokens: `at[t]` is the
/// slice of the indexes of the mentions starting at token `t` (`t` up to the number of
/// tokens), in the order of the mentions.
pub fn starting_at(mentions: &[Mention], tokens: usize) -> Starts {
    // counted, then placed: two vectors for the whole document
    let mut offsets = vec![0usize; tokens + 2];
    for m in mentions.iter().filter(|m| m.first <= tokens) {
        offsets[m.first + 1] += 1;
    }
    for t in 1..offsets.len() {
        offsets[t] += offsets[t - 1];
    }
    let mut next = offsets.clone();
    let mut items = vec![0usize; offsets[tokens + 1]];
    for (i, m) in mentions.iter().enumerate() {
        if m.first <= tokens {
            items[next[m.first]] = i;
            next[m.first] += 1;
        }
    }
    Starts { offsets, items }
}

/// The mentions starting at each token, made by [`starting_at`].
#[derive(Debug, Clone)]
pub struct Starts {
    /// `items[offsets[t]..offsets[t + 1]]` start at token `t`.
    offsets: Vec<usize>,
    items: Vec<usize>,
}

impl Starts {
    /// The mentions starting at a token, `None` past the end of the index.
    pub fn get(&self, token: usize) -> Option<&[usize]> {
        (token + 1 < self.offsets.len()).then(|| &self[token])
    }
}

impl std::ops::Index<usize> for Starts {
    type Output = [usize];

    fn index(&self, token: usize) -> &[usize] {
        &self.items[self.offsets[token]..self.offsets[token + 1]]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(first: usize) -> Mention {
        Mention {
            kind: MentionKind::Cue(0),
            first,
            last: first + 1,
            start: 0,
            end: 0,
            sentence: 0,
            extractor: "test",
            why: String::new(),
        }
    }

    #[test]
    fn starting_at_lists_each_token_s_mentions_in_order() {
        let mentions: Vec<Mention> = [2, 0, 2, 5, 9].into_iter().map(mention).collect();
        let at = starting_at(&mentions, 5);
        assert_eq!(&at[0], &[1]);
        assert!(at[1].is_empty());
        assert_eq!(&at[2], &[0, 2]);
        assert_eq!(&at[5], &[3]);
        // a mention past the tokens is left out, and the index ends after the last token
        assert_eq!(at.get(5), Some(&[3][..]));
        assert_eq!(at.get(6), None);
    }
}
