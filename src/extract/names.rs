//! Person names: what a name looks like, and the name-shape extractor.
//!
//! A name is read word by word: given names, family names, and the connectors of Arabic names
//! (بن، بنت، أبو، آل، عبد، ولد) that always take a following part. It stops at anything the
//! lexicon knows (a title, a trigger, a cue word, a place), at a function word or common word
//! (`data/stopwords.tsv`, `data/nonnames.tsv`), and at a word with a clitic that cannot start a
//! name (للمشاركة). The [`NameExtractor`] finds persons that no title announces: a known given
//! name (`data/given_names.tsv`) followed by more name parts (`سمير جعجع`, `أورس بوهلر`).

use super::{starting_at, Analysis, Extractor, Mention, MentionKind};
use crate::dictionary::Kind;
use crate::normalize::is_arabic_letter;
use crate::segment::TokenKind;

/// Words that join the parts of an Arabic name and are always followed by another part.
pub(crate) const CONNECTORS: &[&str] = &[
    "بن", "بنت", "ابن", "ابو", "ال", "عبد", "ابي", "ام", "ولد", "bin", "bint", "ibn", "abu", "al",
    "el",
];

/// True for a word that ends in a possessive pronoun after a feminine or plural noun ending
/// (تحياته، زيارتها، قادتهم), which names rarely do.
fn has_possessive_suffix(w: &str) -> bool {
    w.chars().count() >= 5
        && ["ته", "تها", "تهم", "تهما", "اتهم", "كم", "هما"]
            .iter()
            .any(|s| w.ends_with(s))
}

/// A word that can be part of a name at this position.
pub(crate) fn namelike(
    a: &Analysis<'_>,
    at: &[Vec<usize>],
    mentions: &[Mention],
    tok: usize,
) -> bool {
    let Some(t) = a.seg.tokens.get(tok) else {
        return false;
    };
    if t.kind != TokenKind::Word {
        return false;
    }
    let w = a.word(tok);
    let arabic = w.chars().next().is_some_and(is_arabic_letter);
    if !arabic && !a.capitalized(tok) {
        return false;
    }
    if a.dict.stopwords.contains(w) || a.dict.stopwords.contains(&a.keys[tok].key) {
        return false;
    }
    // a preposition or conjunction glued to the article never starts a name part (للمشاركة)
    if arabic
        && ["لل", "بال", "وال", "فال", "كال", "ولل", "وبال"]
            .iter()
            .any(|p| w.starts_with(p))
    {
        return false;
    }
    // anything the lexicon knows (title, trigger, cue, place…) ends a name
    !at[tok].iter().any(|&i| {
        matches!(
            mentions[i].kind,
            MentionKind::Title { .. }
                | MentionKind::Trigger(_)
                | MentionKind::Cue(_)
                | MentionKind::Entity(_)
        )
    })
}

/// Reads a person's name starting at `pos`; returns the end token.
pub(crate) fn read_name(
    a: &Analysis<'_>,
    at: &[Vec<usize>],
    mentions: &[Mention],
    pos: usize,
) -> Option<usize> {
    let sentence = a.seg.tokens.get(pos)?.sentence;
    let mut end = pos;
    let mut parts = 0;
    loop {
        if end >= a.seg.tokens.len() || a.seg.tokens[end].sentence != sentence {
            break;
        }
        let w = a.word(end);
        let connector = CONNECTORS.contains(&w);
        if connector {
            // a connector needs a following name part; عبد takes its divine name (عبد الله،
            // عبد الرحمن) whatever the word lists say
            let divine =
                w == "عبد" && end + 1 < a.seg.tokens.len() && a.word(end + 1).starts_with("ال");
            if end + 1 < a.seg.tokens.len() && (divine || namelike(a, at, mentions, end + 1)) {
                end += 2;
                parts += 1;
                continue;
            }
            break;
        }
        // a particle inside a foreign name (جان لو شامو، شارل دو غول) between two parts
        if parts > 0
            && PARTICLES.contains(&w)
            && end + 1 < a.seg.tokens.len()
            && a.seg.tokens[end + 1].sentence == sentence
            && namelike(a, at, mentions, end + 1)
        {
            end += 1;
            continue;
        }
        // a one-word place inside a name after its first part (محمد بخاري / بخارى)
        let place_part = parts > 0
            && at[end].iter().any(|&i| {
                mentions[i].last == end + 1
                    && matches!(mentions[i].kind, MentionKind::Entity(e) if a.dict.entities[e as usize].kind == Kind::Place)
            });
        if !place_part && !namelike(a, at, mentions, end) {
            break;
        }
        // a conjunction starts the next item of a list, not a part of this name (… ومشرف)
        if parts > 0 && w.starts_with('و') && w.chars().count() > 3 && !a.lexicon.is_person_key(w)
        {
            break;
        }
        // a name does not start with a word carrying the article (الأخيرة, السابق)
        if parts == 0
            && a.keys[end].had_article
            && is_arabic_letter(w.chars().next().unwrap_or(' '))
        {
            break;
        }
        // nor with a noun carrying a possessive pronoun (تحياته، زيارتها)
        if parts == 0 && has_possessive_suffix(w) {
            break;
        }
        if parts == 0 && a.keys[end].prefix_len > 0 {
            break;
        }
        parts += 1;
        end += 1;
        let next_connector = end < a.seg.tokens.len() && CONNECTORS.contains(&a.word(end));
        if parts >= 3 && !next_connector {
            break;
        }
        // a third part only when it is not a word with a proclitic (لزيارة)
        if parts == 2 && end < a.seg.tokens.len() && a.keys[end].prefix_len > 0 && !next_connector {
            break;
        }
    }
    (parts > 0).then_some(end)
}

/// Particles of foreign names that stand between two parts (دي، دو، لو، فان، فون).
const PARTICLES: &[&str] = &[
    "دي", "دو", "لو", "لا", "فان", "فون", "دا", "ديل", "van", "von", "de", "da", "du", "le", "la",
    "del",
];

/// Finds persons by the shape of their names: a known given name and more name parts.
pub struct NameExtractor;

/// True when a word (or its stem after a conjunction) is a known given name.
fn given_name(a: &Analysis<'_>, tok: usize) -> bool {
    let w = a.word(tok);
    // على and علي normalise alike: a function word is a name only as the original spells it
    if a.dict.stopwords.contains(w) && a.original_word(tok).ends_with('ى') {
        return false;
    }
    if a.dict.given_names.contains(w) {
        return true;
    }
    w.strip_prefix('و')
        .is_some_and(|rest| rest.chars().count() >= 3 && a.dict.given_names.contains(rest))
}

impl Extractor for NameExtractor {
    fn name(&self) -> &'static str {
        "names"
    }

    fn extract(&self, a: &Analysis<'_>, out: &mut Vec<Mention>) {
        if a.dict.given_names.is_empty() {
            return;
        }
        let n = a.seg.tokens.len();
        let at = starting_at(out, n);
        let mut covered = vec![false; n];
        for m in out.iter() {
            if !matches!(m.kind, MentionKind::Cue(_) | MentionKind::Date { .. }) {
                for c in covered.iter_mut().take(m.last.min(n)).skip(m.first) {
                    *c = true;
                }
            }
        }
        let mut found = Vec::new();
        let mut t = 0;
        while t < n {
            if covered[t] || a.seg.tokens[t].kind != TokenKind::Word || !given_name(a, t) {
                t += 1;
                continue;
            }
            // the given name and at least one more part (a lone given name is too ambiguous)
            let start = t;
            let skip = usize::from(!a.dict.given_names.contains(a.word(t)));
            // أنيس بيلدريم: a known person's family name after another given name is someone
            // else of that family; أنور بن محمد قرقاش: the known person is named in full
            if let Some(&pi) = at.get(t + 1).and_then(|v| {
                v.iter().find(|&&i| matches!(out[i].kind, MentionKind::Entity(e) if a.dict.entities[e as usize].kind == Kind::Person))
            }) {
                let MentionKind::Entity(e) = out[pi].kind else { unreachable!() };
                let own = a.dict.entities[e as usize].names().any(|nm| crate::normalize::normalize(nm).split(' ').any(|p| p == a.word(t)));
                if !own && out[pi].last == t + 2 {
                    let name = format!("{} {}", a.word(t).trim_start_matches('و'), a.word(t + 1));
                    found.push((Some(pi), Mention::over(a, t, t + 2, MentionKind::NewPerson { name }, self.name(), "given name before a known family name: another person of that family".into())));
                }
                t += 2;
                continue;
            }
            // a conjunction right after the given name starts the next clause (مروة وأسفرت)
            if t + 1 < n
                && a.word(t + 1).starts_with('و')
                && !given_name(a, t + 1)
                && !CONNECTORS.contains(&a.word(t + 1))
            {
                t += 1;
                continue;
            }
            let Some(end) = read_name(a, &at, out, t + 1).or_else(|| {
                // عبد + الرحمن: a connector chain right after
                (t + 1 < n && CONNECTORS.contains(&a.word(t + 1)))
                    .then(|| read_name(a, &at, out, t + 1))
                    .flatten()
            }) else {
                t += 1;
                continue;
            };
            // the name runs into a known person (أنور بن محمد + قرقاش): that person is named
            let into_person = at.get(end).is_some_and(|v| {
                v.iter().any(|&i| matches!(out[i].kind, MentionKind::Entity(e) if a.dict.entities[e as usize].kind == Kind::Person))
            });
            if (t + 1..end).any(|i| covered[i]) || into_person {
                t += 1;
                continue;
            }
            let name = (start..end)
                .map(|i| a.word(i))
                .collect::<Vec<_>>()
                .join(" ");
            let name = if skip == 1 {
                name.trim_start_matches('و').to_string()
            } else {
                name
            };
            found.push((
                None,
                Mention::over(
                    a,
                    start,
                    end,
                    MentionKind::NewPerson { name },
                    self.name(),
                    format!("given name {:?} and name parts", a.word(start)),
                ),
            ));
            t = end;
        }
        for (replaces, m) in found {
            match replaces {
                // the known person's mention becomes the other person's
                Some(i) => out[i] = m,
                None => out.push(m),
            }
        }
    }
}
