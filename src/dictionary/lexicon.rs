//! The lexicon: every dictionary phrase compiled into one trie over token keys.
//!
//! A document is turned into a sequence of token keys (a word's stem after its proclitics and
//! article, chosen by the clitic analysis against the lexicon's vocabulary); every key of the
//! vocabulary has a number, and phrases are paths of key numbers in a trie. One leftmost-longest
//! scan over the tokens, never across sentences, finds entities, nationality adjectives, titles,
//! event triggers and cue words. (This is what an Aho-Corasick leftmost-longest search over the
//! keys framed as `\x01key\x02` finds; the trie walks tokens instead of bytes, and its lookups
//! stay in cache where a byte automaton of this size did not.)

use super::{Dictionary, Frame, Kind};
use crate::normalize::{is_arabic_letter, normalize};
use crate::segment::{clitic_splits, strip_article, Segmented, TokenKind};
use std::collections::{HashMap, HashSet};

/// What a lexicon phrase stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Hit {
    /// An entity of the dictionary (index into `Dictionary::entities`).
    Entity(u32),
    /// A nationality adjective of a country (entity index of the country).
    Demonym(u32),
    /// A title (index into `Dictionary::titles`).
    Title(u32),
    /// An event trigger (index into `Dictionary::triggers`).
    Trigger(u32),
    /// A cue word (index into `Dictionary::cues`).
    Cue(u32),
}

/// The compiled lexicon.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Every key of a phrase, with its number in the trie.
    vocabulary: foldhash::HashMap<String, u32>,
    /// Phrase trie: (node, key number) → child node; node 0 is the root.
    trie: foldhash::HashMap<(u32, u32), u32>,
    /// The root's children by key number (`u32::MAX`: none), the first step of every walk
    /// read without hashing.
    root: Vec<u32>,
    /// For each trie node, the phrase (index into `hits`) that ends there.
    phrase_at: Vec<Option<u32>>,
    hits: Vec<Vec<Hit>>,
    /// For each hit, whether its dictionary name was written with the article (الكاميرون).
    articled: Vec<Vec<bool>>,
    person_keys: foldhash::HashSet<String>,
    trigger_keys: foldhash::HashSet<String>,
    /// The first words of the given names of two or more words (عبد of عبد الله).
    given_name_heads: foldhash::HashSet<String>,
    /// The gender of the verbs of saying whose other gender is a trigger too (true:
    /// feminine), by trigger index (see [`speech_verb_genders`]).
    speech_genders: foldhash::HashMap<u32, bool>,
    /// Number of phrases (distinct token-key sequences).
    pub phrases: usize,
}

/// The key of one token of a document, with how much of the written word is proclitic.
///
/// The key is always a part of the token's normalised word (the word, or the word without its
/// proclitics, article or a final alef), so it is kept as a byte range of the normalised text:
/// read it with [`TokenKey::key`] (or [`Analysis::key`](crate::extract::Analysis::key)).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenKey {
    /// Byte range of the lookup key in the normalised text.
    start: u32,
    end: u32,
    /// Bytes of conjunction and preposition prefixes before the stem (not the article).
    pub prefix_len: usize,
    /// True when the article was written elided (لل).
    pub elided_article: bool,
    /// True when the stem was written with the article (ال or لل).
    pub had_article: bool,
}

impl TokenKey {
    /// The key of a split of a word of `text` (the split's key is a slice of `text`).
    fn of_split(text: &str, split: crate::segment::CliticSplit<'_>) -> Self {
        let (start, end) = range_in(text, split.key);
        TokenKey {
            start,
            end,
            prefix_len: split.prefix_len,
            elided_article: split.elided_article,
            had_article: split.had_article,
        }
    }

    /// The lookup key, read from the normalised text the keys were chosen in.
    pub fn key<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start as usize..self.end as usize]
    }
}

/// The byte range of `part`, a slice of `text`, in `text`.
fn range_in(text: &str, part: &str) -> (u32, u32) {
    let start = part.as_ptr() as usize - text.as_ptr() as usize;
    debug_assert!(start + part.len() <= text.len());
    (start as u32, (start + part.len()) as u32)
}

/// One lexicon match over a token range.
#[derive(Debug, Clone)]
pub struct LexiconMatch<'a> {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    /// What the phrase stands for (several entries may share one phrase).
    pub hits: &'a [Hit],
    /// For each hit, whether its dictionary name was written with the article.
    pub articled: &'a [bool],
}

/// The key of a word written in a dictionary (no proclitics, article removed).
fn name_key(word: &str) -> &str {
    if word.chars().next().is_some_and(is_arabic_letter) {
        strip_article(word).0
    } else {
        word
    }
}

/// The key of a word inside a multi-word dictionary name: a preposition or conjunction glued to
/// the article is not part of the name (التابع للأمم المتحدة has the key امم like الأمم المتحدة).
/// Only inside a name: a name's first word may begin so (بالاو, Palau).
fn inner_key(word: &str) -> &str {
    if !word.chars().next().is_some_and(is_arabic_letter) {
        return word;
    }
    for prefix in ["لل", "وال", "بال", "فال", "كال"] {
        if let Some(rest) = word.strip_prefix(prefix) {
            if rest.chars().count() >= 2 {
                return rest;
            }
        }
    }
    strip_article(word).0
}

/// The other spelling of names with عبد: joined (عبدربه) or apart (عبد ربه).
fn abd_variants(name: &str) -> Vec<String> {
    let n = normalize(name);
    let mut out = Vec::new();
    if n.contains("عبد ") {
        out.push(n.replace("عبد ", "عبد"));
    }
    let words: Vec<&str> = n.split(' ').collect();
    if words
        .iter()
        .any(|w| w.starts_with("عبد") && w.chars().count() > 3)
    {
        let apart: Vec<String> = words
            .iter()
            .map(|w| {
                if w.starts_with("عبد") && w.chars().count() > 3 {
                    format!("عبد {}", &w["عبد".len()..])
                } else {
                    w.to_string()
                }
            })
            .collect();
        out.push(apart.join(" "));
    }
    out
}

/// The gender of each Arabic verb of saying among the triggers whose other gender is a trigger
/// too (true: feminine): قالت of قال، تقول of يقول، نفت of نفى. Keyed by trigger index.
fn speech_verb_genders(dict: &Dictionary) -> foldhash::HashMap<u32, bool> {
    let forms: foldhash::HashSet<&str> = dict
        .triggers
        .iter()
        .filter(|t| t.frame == Frame::Speaker)
        .map(|t| t.form.as_str())
        .collect();
    let has = |f: String| forms.contains(f.as_str());
    let mut out = foldhash::HashMap::default();
    for (i, t) in dict.triggers.iter().enumerate() {
        if t.frame != Frame::Speaker {
            continue;
        }
        let f = t.form.as_str();
        let feminine = f
            .strip_suffix('ت')
            .is_some_and(|m| has(m.to_string()) || has(format!("{m}ى")))
            || f.strip_prefix('ت').is_some_and(|r| has(format!("ي{r}")));
        let masculine = has(format!("{f}ت"))
            || f.strip_suffix('ى').is_some_and(|m| has(format!("{m}ت")))
            || f.strip_prefix('ي').is_some_and(|r| has(format!("ت{r}")));
        if feminine != masculine {
            out.insert(i as u32, feminine);
        }
    }
    out
}

/// The key a word of a text gets against a vocabulary: the first clitic split whose stem the
/// vocabulary holds, the least stripped first; else the word without its article.
fn choose_key<'w>(word: &'w str, vocabulary: &foldhash::HashSet<String>) -> &'w str {
    let mut first = None;
    for split in clitic_splits(word) {
        if first.is_none() {
            first = Some(split.key);
        }
        if vocabulary.contains(split.key) {
            return split.key;
        }
    }
    first.unwrap_or(word)
}

/// True for a short Latin acronym written in capitals (`RT`, `UN`, `NATO`).
pub fn is_acronym(word: &str) -> bool {
    let n = word.chars().count();
    (2..=4).contains(&n) && word.chars().all(|c| c.is_ascii_uppercase())
}

/// For each token, whether it was written as a short Latin acronym in capitals ([`is_acronym`]
/// of its original text). `char_bytes` holds the byte offset of each char of `original` and its
/// length at the end.
pub fn acronyms(
    original: &str,
    char_bytes: &[usize],
    norm: &crate::normalize::NormalizedText,
    seg: &Segmented,
) -> Vec<bool> {
    seg.tokens
        .iter()
        .map(|t| {
            // capitals normalise to 2-4 ASCII lower-case letters: only those words can be one
            let w = &norm.text.as_bytes()[t.start..t.end];
            t.kind == TokenKind::Word
                && (2..=4).contains(&w.len())
                && w.iter().all(u8::is_ascii_lowercase)
                && {
                    let (s, e) = norm.original_range(t.start, t.end);
                    is_acronym(&original[char_bytes[s]..char_bytes[e]])
                }
        })
        .collect()
}

/// Splits a normalised phrase into token strings the way `segment` does.
pub fn phrase_tokens(phrase: &str) -> Vec<String> {
    let norm = crate::normalize::NormalizedText::new(phrase);
    let seg = crate::segment::segment(&norm);
    seg.tokens
        .iter()
        .map(|t| norm.text[t.start..t.end].to_string())
        .collect()
}

fn frame(keys: &[&str], out: &mut String) {
    for k in keys {
        out.push('\x01');
        out.push_str(k);
        out.push('\x02');
    }
}

/// Arabic derived forms of a nationality adjective (`روسي` → `روسيه`, `روسيون`, …).
pub fn demonym_forms(adjective: &str) -> Vec<String> {
    let a = normalize(adjective);
    let mut out = vec![a.clone()];
    if a.ends_with('ي') {
        for suffix in ["ه", "ون", "ين", "ان", "تان", "ات", "يه", "يون", "يين"] {
            // سعودي → سعوديه, سعوديون, سعوديين, سعوديان, سعوديتان, سعوديات
            let form = if suffix.starts_with('ي') {
                // already ends in ي: سعودي + يه would double it; these are the forms with ي
                format!("{}{}", a, &suffix['ي'.len_utf8()..])
            } else {
                format!("{a}{suffix}")
            };
            out.push(form);
        }
    }
    with_article_of_al_stems(&mut out);
    out.sort();
    out.dedup();
    out
}

/// Adds, for each form whose stem starts with ال (ألماني، ألباني), the form written with the
/// article (الألماني): a word's key loses one ال, so ألماني is keyed ماني and الألماني
/// الماني, and both spellings must be in the vocabulary.
fn with_article_of_al_stems(forms: &mut Vec<String>) {
    let articled: Vec<String> = forms
        .iter()
        .filter(|f| f.starts_with("ال") && f.chars().count() > 3)
        .map(|f| format!("ال{f}"))
        .collect();
    forms.extend(articled);
}

impl Lexicon {
    /// Compiles the lexicon of a dictionary.
    pub fn new(dict: &Dictionary) -> Self {
        // framed phrase → its keys and what it stands for
        type Phrase = (Vec<String>, Vec<Hit>);
        type Phrases = HashMap<String, Phrase>;
        let mut phrases: Phrases = HashMap::new();
        let mut with_article: HashSet<(String, Hit)> = HashSet::new();
        // Two passes: the first keys each phrase word by its spelling and so gathers the
        // vocabulary; the second keys every word again the way a word of a text is keyed
        // against that vocabulary, so that the same spelling always gets the same key
        // (للرئيس in a title and in a text alike)
        let mut first_pass: Option<foldhash::HashSet<String>> = None;
        for pass in 0..2 {
            phrases.clear();
            with_article.clear();
            let vocab0 = first_pass.clone();
            let mut add = |phrase: &str, hit: Hit, phrases: &mut Phrases| {
                let toks = phrase_tokens(phrase);
                if toks.is_empty() {
                    return;
                }
                // short Latin acronyms (RT, US, UN) match only when written in capitals
                let acronym = is_acronym(phrase.trim());
                let marked: Vec<String> = toks
                    .iter()
                    .enumerate()
                    .map(|(i, t)| {
                        if acronym {
                            format!("\x04{t}")
                        } else if let Some(v) = vocab0
                            .as_ref()
                            .filter(|_| t.chars().next().is_some_and(is_arabic_letter))
                        {
                            choose_key(t, v).to_string()
                        } else if i > 0 {
                            inner_key(t).to_string()
                        } else {
                            name_key(t).to_string()
                        }
                    })
                    .collect();
                let keys: Vec<&str> = marked.iter().map(String::as_str).collect();
                // a Latin single letter or a bare number is too ambiguous to be a name
                // (and a one-word Arabic name of one or two letters, إب, is an ordinary word too)
                let arabic_short = matches!(hit, Hit::Entity(_))
                    && keys.len() == 1
                    && keys[0].chars().next().is_some_and(is_arabic_letter)
                    && keys[0].chars().count() < 3;
                if arabic_short
                    || keys.len() == 1 && keys[0].trim_start_matches('\x04').chars().count() < 2
                {
                    return;
                }
                let mut framed = String::new();
                frame(&keys, &mut framed);
                if toks[0].starts_with("ال") && toks[0].chars().count() > 3 {
                    with_article.insert((framed.clone(), hit));
                }
                let (_, v) = phrases
                    .entry(framed)
                    .or_insert_with(|| (marked.clone(), Vec::new()));
                if !v.contains(&hit) {
                    v.push(hit);
                }
            };
            for (i, e) in dict.entities.iter().enumerate() {
                for name in e.names() {
                    add(name, Hit::Entity(i as u32), &mut phrases);
                    // عبد ربه and عبدربه are one spelling
                    for variant in abd_variants(name) {
                        add(&variant, Hit::Entity(i as u32), &mut phrases);
                    }
                }
            }
            for d in &dict.demonyms {
                if let Some(c) = dict.position(&d.country) {
                    let mut plural: Vec<String> = d.plural.iter().map(|p| normalize(p)).collect();
                    with_article_of_al_stems(&mut plural);
                    for f in demonym_forms(&d.adjective).iter().chain(plural.iter()) {
                        add(f, Hit::Demonym(c as u32), &mut phrases);
                    }
                }
            }
            for (i, t) in dict.titles.iter().enumerate() {
                add(&t.title, Hit::Title(i as u32), &mut phrases);
            }
            for (i, t) in dict.triggers.iter().enumerate() {
                add(&t.form, Hit::Trigger(i as u32), &mut phrases);
            }
            for (i, c) in dict.cues.iter().enumerate() {
                add(&c.form, Hit::Cue(i as u32), &mut phrases);
            }
            if pass == 0 {
                first_pass = Some(
                    phrases
                        .values()
                        .flat_map(|(keys, _)| keys.iter().cloned())
                        .collect(),
                );
            }
        }
        let mut entries: Vec<(String, Phrase)> = phrases.into_iter().collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        let mut vocabulary: foldhash::HashMap<String, u32> = foldhash::HashMap::default();
        let mut first_keys: Vec<String> = first_pass.unwrap_or_default().into_iter().collect();
        first_keys.sort();
        for k in first_keys {
            let next_id = vocabulary.len() as u32;
            vocabulary.entry(k).or_insert(next_id);
        }
        let mut trie = foldhash::HashMap::default();
        let mut phrase_at = vec![None];
        for (i, (_, (keys, _))) in entries.iter().enumerate() {
            let mut node = 0u32;
            for k in keys {
                let next_id = vocabulary.len() as u32;
                let id = *vocabulary.entry(k.clone()).or_insert(next_id);
                node = *trie.entry((node, id)).or_insert_with(|| {
                    phrase_at.push(None);
                    phrase_at.len() as u32 - 1
                });
            }
            phrase_at[node as usize] = Some(i as u32);
        }
        let mut root = vec![u32::MAX; vocabulary.len()];
        for (&(node, id), &child) in &trie {
            if node == 0 {
                root[id as usize] = child;
            }
        }
        let frames: Vec<String> = entries.iter().map(|(p, _)| p.clone()).collect();
        let mut hits: Vec<Vec<Hit>> = entries.into_iter().map(|(_, (_, h))| h).collect();
        for h in &mut hits {
            // person before country before organization before place before anything else
            h.sort_by_key(|hit| match hit {
                Hit::Entity(e) => (0, dict.entities[*e as usize].kind as u8, *e),
                Hit::Demonym(c) => (1, 0, *c),
                Hit::Title(t) => (2, 0, *t),
                Hit::Trigger(t) => (3, 0, *t),
                Hit::Cue(c) => (4, 0, *c),
            });
        }
        let articled = hits
            .iter()
            .zip(&frames)
            .map(|(hs, f)| {
                hs.iter()
                    .map(|h| with_article.contains(&(f.clone(), *h)))
                    .collect()
            })
            .collect();
        let phrases = hits.len();
        let person_keys = dict
            .entities
            .iter()
            .filter(|e| e.kind == Kind::Person)
            .flat_map(|e| {
                e.names()
                    .map(|n| crate::resolve::translit::name_key(&normalize(n)))
                    .collect::<Vec<_>>()
            })
            .filter(|k| k.contains(' '))
            .collect();
        let trigger_keys = dict
            .triggers
            .iter()
            .filter_map(|t| {
                phrase_tokens(&t.form)
                    .first()
                    .map(|w| name_key(w).to_string())
            })
            .collect();
        let given_name_heads = dict
            .given_names
            .iter()
            .filter_map(|g| g.split_once(' ').map(|(head, _)| head.to_string()))
            .collect();
        Lexicon {
            speech_genders: speech_verb_genders(dict),
            trigger_keys,
            given_name_heads,
            vocabulary,
            trie,
            root,
            phrase_at,
            hits,
            articled,
            person_keys,
            phrases,
        }
    }

    /// Chooses the key of each token of a document.
    pub fn token_keys(&self, text: &str, seg: &Segmented) -> Vec<TokenKey> {
        self.token_keys_numbered(text, seg).0
    }

    /// [`token_keys`](Self::token_keys), with the number of each key in the vocabulary (as
    /// [`find_numbered`](Self::find_numbered) takes them): found as the key is chosen, so that
    /// the scan does not look the keys up again.
    pub fn token_keys_numbered(
        &self,
        text: &str,
        seg: &Segmented,
    ) -> (Vec<TokenKey>, Vec<Option<u32>>) {
        seg.tokens
            .iter()
            .map(|t| {
                let word = &text[t.start..t.end];
                if t.kind != TokenKind::Word || !word.chars().next().is_some_and(is_arabic_letter) {
                    let (start, end) = range_in(text, word);
                    let key = TokenKey {
                        start,
                        end,
                        prefix_len: 0,
                        elided_article: false,
                        had_article: false,
                    };
                    return (key, self.vocabulary.get(word).copied());
                }
                let mut first = None;
                for split in clitic_splits(word) {
                    if first.is_none() {
                        first = Some(split);
                    }
                    if let Some(&id) = self.vocabulary.get(split.key) {
                        return (TokenKey::of_split(text, split), Some(id));
                    }
                }
                // the accusative of an indefinite verbal noun carries an alef (لقاءً → لقاءا);
                // only for event words: كانوا is not Kano
                if let Some(stem) = word.strip_suffix('ا').filter(|s| s.chars().count() >= 3) {
                    for split in clitic_splits(stem) {
                        if self.trigger_keys.contains(split.key) {
                            let id = self.vocabulary.get(split.key).copied();
                            return (TokenKey::of_split(text, split), id);
                        }
                    }
                }
                // no split is in the vocabulary: the key has no number
                let s = first.expect("a word has at least its whole-word split");
                let key = TokenKey {
                    prefix_len: 0,
                    elided_article: false,
                    ..TokenKey::of_split(text, s)
                };
                (key, None)
            })
            .unzip()
    }

    /// Finds every lexicon phrase in a document, leftmost-longest, never across sentences.
    ///
    /// `acronym[i]` tells whether token `i` was written as a short all-capitals word.
    pub fn find(
        &self,
        text: &str,
        keys: &[TokenKey],
        seg: &Segmented,
        acronym: &[bool],
    ) -> Vec<LexiconMatch<'_>> {
        let ids: Vec<Option<u32>> = keys
            .iter()
            .map(|k| self.vocabulary.get(k.key(text)).copied())
            .collect();
        self.find_numbered(text, keys, ids, seg, acronym)
    }

    /// [`find`](Self::find) with the number of each token's key in the vocabulary, as
    /// [`token_keys_numbered`](Self::token_keys_numbered) gives them.
    pub fn find_numbered(
        &self,
        text: &str,
        keys: &[TokenKey],
        mut ids: Vec<Option<u32>>,
        seg: &Segmented,
        acronym: &[bool],
    ) -> Vec<LexiconMatch<'_>> {
        // an acronym's key is marked as the phrases mark it
        for (i, k) in keys.iter().enumerate() {
            if acronym.get(i).copied().unwrap_or(false) {
                ids[i] = self
                    .vocabulary
                    .get(&format!("\x04{}", k.key(text)))
                    .copied();
            }
        }
        let mut out = Vec::new();
        let mut first = 0;
        while first < ids.len() {
            // the longest phrase starting here, within the sentence
            let sentence = seg.tokens[first].sentence;
            let mut node = 0u32;
            let mut longest = None;
            for (t, id) in ids.iter().enumerate().skip(first) {
                if seg.tokens[t].sentence != sentence {
                    break;
                }
                let Some(next) = id.and_then(|id| self.child(node, id)) else {
                    break;
                };
                node = next;
                if let Some(p) = self.phrase_at[node as usize] {
                    longest = Some((t + 1, p as usize));
                }
            }
            match longest {
                Some((last, p)) => {
                    out.push(LexiconMatch {
                        first,
                        last,
                        hits: &self.hits[p],
                        articled: &self.articled[p],
                    });
                    first = last;
                }
                None => first += 1,
            }
        }
        out
    }

    /// The hits of the phrase made of exactly these token keys, when the lexicon holds it.
    pub fn phrase<'k>(&self, keys: impl IntoIterator<Item = &'k str>) -> Option<&[Hit]> {
        let mut node = 0u32;
        for key in keys {
            let id = self.vocabulary.get(key)?;
            node = self.child(node, *id)?;
        }
        self.phrase_at
            .get(node as usize)
            .copied()
            .flatten()
            .map(|p| self.hits[p as usize].as_slice())
    }

    /// The gender of a verb of saying, by trigger index (true: feminine, قالت، تقول), when the
    /// triggers hold both of its genders; `None` for any other trigger.
    pub fn speech_verb_feminine(&self, trigger: u32) -> Option<bool> {
        self.speech_genders.get(&trigger).copied()
    }

    /// True when a normalised name has the transliteration key of a dictionary person's name.
    pub fn is_person_key(&self, name: &str) -> bool {
        // only names of two or more words are held: a single word is not one
        name.split_whitespace().nth(1).is_some()
            && self
                .person_keys
                .contains(&crate::resolve::translit::name_key(name))
    }

    /// True when a normalised word begins some given name of two or more words (عبد of
    /// عبد الله), so that the pair it starts is worth looking up.
    pub fn starts_given_name_pair(&self, word: &str) -> bool {
        self.given_name_heads.contains(word)
    }

    /// The trie node reached from `node` by the key numbered `id`.
    fn child(&self, node: u32, id: u32) -> Option<u32> {
        if node == 0 {
            self.root
                .get(id as usize)
                .copied()
                .filter(|&c| c != u32::MAX)
        } else {
            self.trie.get(&(node, id)).copied()
        }
    }

    /// True when a word key starts a trigger phrase (a verb or verbal noun of an event).
    pub fn is_trigger_key(&self, key: &str) -> bool {
        self.trigger_keys.contains(key)
    }

    /// True when a normalised word key is part of some lexicon phrase.
    pub fn knows(&self, key: &str) -> bool {
        self.vocabulary.contains_key(key)
    }
}

/// The kind of an entity hit, if it is one.
pub fn entity_kind(dict: &Dictionary, hit: &Hit) -> Option<Kind> {
    match hit {
        Hit::Entity(e) => Some(dict.entities[*e as usize].kind),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_keys_find_what_the_keys_find() {
        let dict = Dictionary::builtin().expect("the built-in dictionaries load");
        let lexicon = Lexicon::new(&dict);
        let text = "التقى الرئيس الروسي فلاديمير بوتين في موسكو وزير الخارجية الصيني وانغ يي، \
                    وبحث معه لقاءً للصين مع NATO في 3 أيار.";
        let norm = crate::normalize::NormalizedText::new(text);
        let seg = crate::segment::segment(&norm);
        let (keys, numbers) = lexicon.token_keys_numbered(&norm.text, &seg);
        let acronym: Vec<bool> = keys.iter().map(|k| k.key(&norm.text) == "nato").collect();
        let by_keys = lexicon.find(
            &norm.text,
            &lexicon.token_keys(&norm.text, &seg),
            &seg,
            &acronym,
        );
        let by_numbers = lexicon.find_numbered(&norm.text, &keys, numbers, &seg, &acronym);
        let spans = |m: &[LexiconMatch<'_>]| -> Vec<(usize, usize, Vec<Hit>)> {
            m.iter()
                .map(|m| (m.first, m.last, m.hits.to_vec()))
                .collect()
        };
        assert!(by_keys.len() >= 4, "{:?}", spans(&by_keys));
        assert_eq!(spans(&by_keys), spans(&by_numbers));
    }

    #[test]
    fn a_demonym_whose_stem_starts_with_al_is_found_with_the_article() {
        let f = demonym_forms("ألماني");
        assert!(f.contains(&"الماني".to_string()));
        assert!(f.contains(&"الالماني".to_string()));
        assert!(f.contains(&"الالمانيه".to_string()));
        assert!(!demonym_forms("روسي").iter().any(|x| x.starts_with("ال")));
    }

    #[test]
    fn demonym_forms_cover_gender_and_number() {
        let f = demonym_forms("روسي");
        for w in ["روسي", "روسيه", "روسيون", "روسيين", "روسيات"] {
            assert!(f.contains(&w.to_string()), "{w} missing from {f:?}");
        }
    }
}
