//! Person names: what a name looks like, and the name-shape extractor.
//!
//! A name is read word by word: given names, family names, and the connectors of Arabic names
//! (بن، بنت، أبو، آل، عبد، ولد) that always take a following part. It stops at anything the
//! lexicon knows (a title, a trigger, a cue word, a place), at a function word or common word
//! (`data/stopwords.tsv`, `data/nonnames.tsv`), and at a word with a clitic that cannot start a
//! name (للمشاركة). The [`NameExtractor`] finds persons that no title announces: a known given
//! name (`data/given_names.tsv`) followed by more name parts (`سمير جعجع`, `أورس بوهلر`).

use super::pairs::{last, CharPairs};
use super::{starting_at, Analysis, Extractor, Mention, MentionKind, Starts};
use crate::dictionary::Kind;
use crate::normalize::is_arabic_letter;
use crate::segment::{clitic_splits, TokenKind};

/// Words that join the parts of an Arabic name and are always followed by another part.
pub(crate) const CONNECTORS: &[&str] = &[
    "بن", "بنت", "ابن", "ابو", "ال", "عبد", "ابي", "ام", "ولد", "bin", "bint", "ibn", "abu", "al",
    "el",
];

/// True for a word of four letters or more that ends in a pronoun of the feminine, the dual or
/// the plural (ظنهم، سددها، أعمارهم، ريحتكم): a noun or verb with its pronoun, which names
/// almost never are (the few that are, أيهم، أدهم، برهم, are known given names).
fn plural_pronoun_suffixed(original: &str) -> bool {
    let w = without_short_vowels(original);
    // (not after ا: زاها، a foreign name's long a)
    w.chars().count() >= 4
        && !w.ends_with("اها")
        && ["ها", "هم", "هما", "هن", "كم", "كما"]
            .iter()
            .any(|s| w.ends_with(s))
}

/// True for a word that ends in a possessive pronoun after a feminine or plural noun ending
/// (تحياته، زيارتها، قادتهم), which names rarely do.
fn has_possessive_suffix(w: &str) -> bool {
    w.chars().count() >= 5
        && ["ته", "تها", "تهم", "تهما", "اتهم", "كم", "هما"]
            .iter()
            .any(|s| w.ends_with(s))
}

/// A word as written, without its short vowels, tanween, shadda, sukun and tatweel.
fn without_short_vowels(original: &str) -> String {
    original
        .chars()
        .filter(|&c| !matches!(c, '\u{064B}'..='\u{0652}' | '\u{0640}'))
        .collect()
}

/// True for a word of five letters or more that ends in a possessive pronoun after ت, as
/// written (ثورته، مذكراتها، قواتهم; not the ة of a name: شحاتة).
fn pronoun_suffixed(original: &str) -> bool {
    let w = without_short_vowels(original);
    w.chars().count() >= 5
        && ["ته", "تها", "تهم", "تهما", "تهن"]
            .iter()
            .any(|s| w.ends_with(s))
}

/// True for a word written as و and a word no name is: one that starts with a hamza (وأشعر،
/// وإمدادات), ends as a feminine or plural noun or with a pronoun (وطبقة، وقيادات، وتصوره،
/// وتأكيدنا), or is a function word (`stopword` of the normalised rest). Foreign names written
/// with و (ويلموت، واتسون، ويتمان) have none of these shapes.
fn conjunction_then_common_word(original: &str, stopword: impl Fn(&str) -> bool) -> bool {
    let w = without_short_vowels(original);
    let Some(rest) = w.strip_prefix('و') else {
        return false;
    };
    if rest.chars().count() < 3 {
        return false;
    }
    rest.starts_with(['أ', 'إ', 'آ'])
        || ["ة", "ات", "ه", "ها", "هم", "نا"]
            .iter()
            .any(|e| rest.ends_with(e))
        || stopword(&crate::normalize::normalize(rest))
}

/// True when the token is عبد and the next one a divine name with the article (عبد الله،
/// عبد الرحمن): a name part whatever the word lists say.
fn abd_and_divine_name(a: &Analysis<'_>, tok: usize) -> bool {
    tok + 1 < a.seg.tokens.len() && a.word(tok) == "عبد" && a.word(tok + 1).starts_with("ال")
}

/// A word that can be part of a name at this position.
pub(crate) fn namelike(a: &Analysis<'_>, at: &Starts, mentions: &[Mention], tok: usize) -> bool {
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
    // one Arabic letter is a clitic written apart (لـ«الشرق الأوسط»), a name part only as an
    // initial, with its full stop (هشام ل.)
    if arabic && w.len() == 2 {
        let initial = a.seg.tokens.get(tok + 1).is_some_and(|next| {
            next.start == t.end && a.norm.text[next.start..next.end].starts_with('.')
        });
        if !initial {
            return false;
        }
    }
    if (a.dict.stopwords.contains(w) || a.dict.stopwords.contains(a.key(tok)))
        && !(a.dict.given_names.contains(w) && function_word_as_name(a, tok))
    {
        return false;
    }
    // a word shaped as a verb, or a clitic glued to a word that is no name, unless it is a
    // given name as written (فرنسوا، فيصل)
    if arabic
        && (plural_past_verb(w) || imperfect_verb(w) || clitic_then_nonname(a, w))
        && !a.dict.given_names.contains(w)
    {
        return false;
    }
    // ل + an organization's head noun (لحركة، لجامعة) is not a name
    if arabic
        && w.starts_with('ل')
        && super::organizations::is_head(&w['ل'.len_utf8()..].replace('ة', "ه"))
    {
        return false;
    }
    // a future verb (سيبدأ، ستعقد) is no name
    if arabic
        && (w.starts_with("سي") || w.starts_with("ست"))
        && w.chars().count() >= 4
        && !a.dict.given_names.contains(w)
        && !a.lexicon.is_person_key(w)
    {
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
    // a word with tanween (سعيدًا، تحديًا) is an indefinite noun or adjective: news never
    // writes it on a name
    if arabic
        && a.original_word(tok)
            .contains(['\u{064B}', '\u{064C}', '\u{064D}'])
    {
        return false;
    }
    // nor one whose tanween is written as an alef only, on a common word of four letters or
    // more (ناشطا، صعودا، مؤقتا): no name part, unless a given name ends so; shorter ones are
    // foreign names as often (ماتا، بينا: Mata, Peña)
    if arabic
        && w.chars().count() >= 5
        && w.strip_suffix('ا')
            .is_some_and(|stem| a.dict.stopwords.contains(stem))
        && !a.dict.given_names.contains(w)
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

/// True for a word shaped as a verb in the perfect plural (أحرزوا، جعلوا، اقتحموا): a stem of
/// three or more letters with no long vowel after its first letter, then وا. Transliterated
/// names that end in وا mostly have a vowel in the stem (كورتوا، جوشوا) or a short one (بنوا);
/// a given name such as فرنسوا is let through by the caller.
fn plural_past_verb(word: &str) -> bool {
    // a verb takes no article (العوا is a family name)
    !word.starts_with("ال")
        && word
            .strip_suffix("وا")
            .is_some_and(|stem| stem.chars().count() >= 3 && consonants(stem.chars().skip(1)))
}

/// True for a word shaped as a verb in the imperfect, third person masculine (يلتقط، يقترب،
/// يبتسم): ي, then three or more letters with no long vowel. Given names that start with ي
/// have one (يوسف، ياسر، يحيى، يزيد); ت is left alone, as ترمب reads so.
fn imperfect_verb(word: &str) -> bool {
    word.strip_prefix('ي')
        .is_some_and(|rest| rest.chars().count() >= 3 && consonants(rest.chars()))
}

/// True when every letter is an Arabic letter other than a long vowel (ا و ي ى): the shape of
/// a verb's stem, where transliterated names write their vowels.
fn consonants(mut letters: impl Iterator<Item = char>) -> bool {
    letters.all(|c| is_arabic_letter(c) && !matches!(c, 'ا' | 'و' | 'ي' | 'ى'))
}

/// True when `word` is a conjunction or a preposition glued to a word that is no name
/// (بذلك، برفقة، لاستعادة، وكل): no name part, though names can start with the same letters.
/// Some splits are not trusted, as transliterated names read so: ب، ف or و before an
/// imperfect verb (بيري، فيرون are Perry and Verón; only ل takes a verb, ليصبح), and ك
/// before anything (كمال، كفوري، كهربا are names far more often than ك + a word).
fn clitic_then_nonname(a: &Analysis<'_>, word: &str) -> bool {
    clitic_splits(word).any(|s| {
        let prefix = &word[..s.prefix_len];
        s.prefix_len > 0
            && (prefix.ends_with('ل') || !s.key.starts_with('ي'))
            && !prefix.ends_with('ك')
            && a.dict.stopwords.contains(s.key)
    })
}

/// True for an Arabic word that no extractor made a title, a trigger or a cue: after بن, a name
/// part even when it is also a common word (بن حاضر، بن أبي طالب).
fn plain_arabic_word(a: &Analysis<'_>, at: &Starts, mentions: &[Mention], tok: usize) -> bool {
    a.seg.tokens[tok].kind == TokenKind::Word
        && a.word(tok).chars().next().is_some_and(is_arabic_letter)
        && !at[tok].iter().any(|&i| {
            matches!(
                mentions[i].kind,
                MentionKind::Title { .. } | MentionKind::Trigger(_) | MentionKind::Cue(_)
            )
        })
}

/// Reads a person's name starting at `pos`; returns the end token.
pub(crate) fn read_name(
    a: &Analysis<'_>,
    at: &Starts,
    mentions: &[Mention],
    pos: usize,
) -> Option<usize> {
    read_name_from(a, at, mentions, pos, 0)
}

/// Reads the rest of a name whose given name is already read (`خالد` + `الحميدان`).
pub(crate) fn read_name_after_given(
    a: &Analysis<'_>,
    at: &Starts,
    mentions: &[Mention],
    pos: usize,
) -> Option<usize> {
    read_name_from(a, at, mentions, pos, 1).filter(|&e| e > pos)
}

fn read_name_from(
    a: &Analysis<'_>,
    at: &Starts,
    mentions: &[Mention],
    pos: usize,
    parts: usize,
) -> Option<usize> {
    let sentence = a.seg.tokens.get(pos)?.sentence;
    let mut end = pos;
    let mut parts = parts;
    let first_part = parts;
    loop {
        if end >= a.seg.tokens.len() || a.seg.tokens[end].sentence != sentence {
            break;
        }
        let w = a.word(end);
        let connector = CONNECTORS.contains(&w);
        if connector {
            // a connector needs a following name part; عبد takes its divine name (عبد الله،
            // عبد الرحمن) whatever the word lists say
            let divine = abd_and_divine_name(a, end);
            // ولد الشيخ أحمد: a Mauritanian nasab may hold a title word
            let titled = w == "ولد"
                && end + 1 < a.seg.tokens.len()
                && a.seg.tokens[end + 1].kind == TokenKind::Word;
            // after بن any word is a name part, even one that is also a common word (بن حاضر),
            // unless an extractor made it a title, a trigger or a cue
            let after_bin = matches!(w, "بن" | "بنت" | "ابن" | "ال")
                && end + 1 < a.seg.tokens.len()
                && a.seg.tokens[end + 1].sentence == sentence
                && plain_arabic_word(a, at, mentions, end + 1);
            let titled = titled || after_bin;
            if end + 1 < a.seg.tokens.len()
                && (divine || titled || namelike(a, at, mentions, end + 1))
            {
                // بن أبي + طالب: a connector taken as the part needs its own part after it
                // (بن أبي طالب: after the inner connector any word is a name part, as after بن)
                let inner = CONNECTORS.contains(&a.word(end + 1)) && a.word(end + 1) != "ال";
                // (أبو عبد الله: an inner عبد takes its divine name, as عبد does above)
                if inner
                    && !(end + 2 < a.seg.tokens.len()
                        && a.seg.tokens[end + 2].sentence == sentence
                        && (namelike(a, at, mentions, end + 2)
                            || after_bin && plain_arabic_word(a, at, mentions, end + 2)
                            || abd_and_divine_name(a, end + 1)))
                {
                    break;
                }
                end += if inner { 3 } else { 2 };
                parts += 1;
                // بن عبد الله: the divine name after عبد
                if abd_and_divine_name(a, end - 1) && a.seg.tokens[end].sentence == sentence {
                    end += 1;
                }
                continue;
            }
            break;
        }
        // الله closes a compound part (بيد الله، عطاء الله، حسب الله)
        if parts > 0 && w == "الله" {
            end += 1;
            continue;
        }
        // a word that reads as a verb or as a noun after a preposition ends the name (صدام
        // حسين يشكل، أغاسي بتغلبه، عبد الحفيظ لشرح), unless it is a known name
        if not_a_name_part(a.original_word(end))
            && !a.dict.given_names.contains(w)
            && !a.lexicon.is_person_key(w)
        {
            break;
        }
        // an adjective after the name ends it (صالح الانقلابية… قوات صالح المدعومة)
        if parts > 0 && feminine_participle(w) && !a.lexicon.is_person_key(w) {
            break;
        }
        // a particle inside a foreign name (جان لو شامو، شارل دو غول) between two parts; لا only
        // after another particle (دو لا)
        if parts > 0
            && PARTICLES.contains(&w)
            && (w != "لا" || end > 0 && PARTICLES.contains(&a.word(end - 1)))
            && end + 1 < a.seg.tokens.len()
            && a.seg.tokens[end + 1].sentence == sentence
            && namelike(a, at, mentions, end + 1)
        {
            end += 1;
            continue;
        }
        // a one-word place inside a name after its first part (محمد بخاري / بخارى), written
        // whole: one glued to a preposition or conjunction (الملك فهد بالرياض) ends the name
        let place_part = parts > 0
            && a.keys[end].prefix_len == 0
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
        // a noun with a possessive pronoun, spelled with ه (not ة), follows the name (يوسف
        // ثورته، فاتن حمامة مذكراتها، هشام ناظر طائرته): no given name ends so
        if parts > 0
            && (pronoun_suffixed(a.original_word(end))
                || plural_pronoun_suffixed(a.original_word(end)))
            && !a.dict.given_names.contains(w)
            && !a.lexicon.is_person_key(w)
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
        // nor with a common word glued to the conjunction و, which starts the next item of a
        // list or clause (الفريق وأشعر براحة، وقيادات القطاع); a foreign name may start with و
        // (ويلموت، واتسون), a given name is one as written (وليد، وائل)
        if parts == 0
            && w.starts_with('و')
            && !a.dict.given_names.contains(w)
            && conjunction_then_common_word(a.original_word(end), |rest| {
                a.dict.stopwords.contains(rest)
            })
        {
            break;
        }
        parts += 1;
        end += 1;
        let next_connector = end < a.seg.tokens.len() && CONNECTORS.contains(&a.word(end));
        // a fourth part only as a family name with the article (صباح خالد الحمد الصباح)
        let family_next = end < a.seg.tokens.len()
            && a.word(end).starts_with("ال")
            && parts == 3
            && namelike(a, at, mentions, end);
        if parts >= 3 && !next_connector && !family_next {
            break;
        }
        if parts >= 4 && !next_connector {
            break;
        }
        // a third part only when it is not a word with a proclitic (لزيارة)
        if parts == 2 && end < a.seg.tokens.len() && a.keys[end].prefix_len > 0 && !next_connector {
            break;
        }
    }
    (parts > first_part).then_some(end)
}

/// True for a word shaped as no name part is: و on its own; an imperfect verb (يشكل،
/// يتقمص، تتواصل، يعرفون); a preposition (ب، ل، ك، ف) before a hamza-initial stem (بأجدير، لإقناعهم), a
/// verbal noun (بتغلبه، لتدريبات، بمجهود) or a stem with a pronoun (بفوزه).
fn not_a_name_part(w: &str) -> bool {
    let w: String = w
        .chars()
        .filter(|&c| !matches!(c, '\u{064B}'..='\u{0652}' | '\u{0670}' | '\u{0640}'))
        .collect();
    let w = w.as_str();
    let chars: Vec<char> = w.chars().collect();
    let n = chars.len();
    if w == "و" {
        return true;
    }
    let imperfect = (n == 4 && chars[0] == 'ي')
        || (n >= 5 && ["يت", "تت", "يست", "تست"].iter().any(|p| w.starts_with(p)))
        || (n >= 5 && matches!(chars[0], 'ي' | 'ت') && w.ends_with("ون"));
    if imperfect {
        return true;
    }
    if n < 4 || !matches!(chars[0], 'ب' | 'ل' | 'ك' | 'ف') {
        return false;
    }
    let stem = &chars[1..];
    matches!(stem[0], 'أ' | 'إ')
        || (n >= 5 && matches!(stem[0], 'ت' | 'م'))
        || (stem.len() >= 4 && (w.ends_with('ه') || w.ends_with("ها") || w.ends_with("هم")))
}

/// True for a feminine participle with the article, normalised (الممتلئه، المدعومه، المتبقيه،
/// المنفرده): an adjective, never a later part of a name. Family names of the shape المفاعلة
/// (المواجده، المناصره، المعايطه) have an alef after their second letter and are let through.
fn feminine_participle(w: &str) -> bool {
    let Some(stem) = w.strip_prefix("الم") else {
        return false;
    };
    let c: Vec<char> = stem.chars().collect();
    c.len() >= 4 && stem.ends_with('ه') && c[0] != 'ا' && c[1] != 'ا'
}

/// A person no dictionary lists, named by the tokens `first..last`.
fn new_person(a: &Analysis<'_>, first: usize, last: usize, why: String) -> Mention {
    let name = (first..last)
        .map(|i| a.word(i))
        .collect::<Vec<_>>()
        .join(" ");
    let name = without_conjunction(a, first, name);
    Mention::over(
        a,
        first,
        last,
        MentionKind::NewPerson { name },
        "names",
        why,
    )
}

/// A name whose first word is a given name written with the conjunction (ومحمد، وعبد الله),
/// without the conjunction. A given name that starts with و itself keeps it (وليد), and so does
/// one after the conjunction (ووليد is و + وليد).
fn without_conjunction(a: &Analysis<'_>, first: usize, name: String) -> String {
    let w = a.word(first);
    let pair = |w: &str| a.lexicon.starts_given_name_pair(w);
    // (the length starts_given_name asks of what follows a conjunction before a pair)
    let pair_after_conjunction = w
        .strip_prefix('و')
        .is_some_and(|rest| rest.chars().count() >= 2 && pair(rest));
    if !a.dict.given_names.contains(w)
        && !pair(w)
        && (given_after_conjunction(a, w) || pair_after_conjunction)
    {
        name['و'.len_utf8()..].to_string()
    } else {
        name
    }
}

/// The name read right after a mention (a nationality, a verb of saying), as `(first, end)`
/// tokens: in the same sentence, over words no extractor and no earlier rule took, starting with
/// a word that can be a name part.
fn name_right_after(
    a: &Analysis<'_>,
    at: &Starts,
    mentions: &[Mention],
    covered: &[bool],
    found: &[(Option<usize>, Mention)],
    m: &Mention,
) -> Option<(usize, usize)> {
    let t = m.last;
    if t >= covered.len()
        || covered[t]
        || a.seg.tokens[t].sentence != m.sentence
        || not_a_name_part(a.original_word(t))
        || found.iter().any(|(_, f)| f.first <= t && t < f.last)
    {
        return None;
    }
    let end = read_name(a, at, mentions, t)?;
    (!(t..end).any(|i| covered[i])).then_some((t, end))
}

/// True for a word after a verb of saying that reads as how it was said, not who said it: a
/// noun ending in ة or with tanween (صراحة، مخاطباً), a preposition with its noun (بحسرة), a
/// noun with a pronoun (اعتقادها).
fn reads_as_adverb(original: &str) -> bool {
    let w: String = original
        .chars()
        .filter(|&c| !matches!(c, '\u{064C}'..='\u{0652}' | '\u{0670}' | '\u{0640}'))
        .collect();
    let n = w.chars().count();
    w.ends_with('ة')
        || w.ends_with('\u{064B}')
        || (n >= 5 && (w.starts_with('ب') || w.starts_with('ل')))
        || (n >= 5 && (w.ends_with("ها") || w.ends_with("هم") || w.ends_with("هما")))
}

/// Particles of foreign names that stand between two parts (دي، دو، لو، فان، فون).
const PARTICLES: &[&str] = &[
    "دي", "دو", "لو", "لا", "فان", "فون", "دا", "ديل", "van", "von", "de", "da", "du", "le", "la",
    "del",
];

/// True when a known given name (of one word, or two: عز الدين) starts at the token.
pub(crate) fn starts_given_name(a: &Analysis<'_>, tok: usize) -> bool {
    if given_name(a, tok) {
        return true;
    }
    tok + 1 < a.seg.tokens.len() && {
        let w = a.word(tok);
        let w = w
            .strip_prefix('و')
            .filter(|r| r.chars().count() >= 2)
            .unwrap_or(w);
        if !a.lexicon.starts_given_name_pair(w) {
            return false;
        }
        // على is no name, even before a word that makes a given name with علي (علي أصغر)
        if a.dict.stopwords.contains(w) && a.original_word(tok).ends_with('ى') {
            return false;
        }
        // built by hand: `format!` cost more than the lookup
        let next = a.word(tok + 1);
        let mut pair = String::with_capacity(w.len() + 1 + next.len());
        pair.push_str(w);
        pair.push(' ');
        pair.push_str(next);
        a.dict.given_names.contains(&pair)
    }
}

/// Finds persons by the shape of their names: a known given name and more name parts.
pub struct NameExtractor;

/// True when a word that is also a function word is a name here. على and علي normalise alike:
/// such a word is a name only as the original spells it (علي, not على), and only before a word
/// that is surely a name part (بن، عبد، a given name, a known person's name), since علي is so
/// often typed for على (علي الصعيد، علي إصدار).
fn function_word_as_name(a: &Analysis<'_>, tok: usize) -> bool {
    if a.original_word(tok).ends_with('ى') {
        return false;
    }
    tok + 1 < a.seg.tokens.len() && {
        let nx = a.word(tok + 1);
        a.seg.tokens[tok + 1].kind == TokenKind::Word
            && !a.dict.stopwords.contains(nx)
            && (CONNECTORS.contains(&nx)
                || a.dict.given_names.contains(nx)
                || a.lexicon.is_person_key(nx))
    }
}

/// True when a word (or its stem after a conjunction) is a known given name.
fn given_name(a: &Analysis<'_>, tok: usize) -> bool {
    let w = a.word(tok);
    // the given-name test first: it fails for most words, the function-word test is dearer
    if a.dict.given_names.contains(w) {
        return !a.dict.stopwords.contains(w) || function_word_as_name(a, tok);
    }
    // after a conjunction the name is the rest: وعلى is و + على, but وعلي in a list of names
    // (وعلي جبر، وحمادة طلبة) is Ali
    given_after_conjunction(a, w)
        && (!a.dict.stopwords.contains(&w['و'.len_utf8()..])
            || !a.original_word(tok).ends_with('ى'))
}

/// True when a word is a given name once a conjunction is taken off it (ومحمد), the rest of at
/// least three letters.
fn given_after_conjunction(a: &Analysis<'_>, w: &str) -> bool {
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
            if covered[t] || a.seg.tokens[t].kind != TokenKind::Word || !starts_given_name(a, t) {
                t += 1;
                continue;
            }
            // a two-word given name (عبد الوهاب، عز الدين) is read as one part
            let given_len = if given_name(a, t) { 1 } else { 2 };
            // the given name and at least one more part (a lone given name is too ambiguous)
            let start = t;
            // أنيس بيلدريم: a known person's family name after another given name is someone
            // else of that family; أنور بن محمد قرقاش: the known person is named in full
            if let Some(&pi) = at.get(t + 1).and_then(|v| {
                v.iter().find(|&&i| matches!(out[i].kind, MentionKind::Entity(e) if a.dict.entities[e as usize].kind == Kind::Person))
            }) {
                let MentionKind::Entity(e) = out[pi].kind else { unreachable!() };
                let own = a.dict.entities[e as usize].names().any(|nm| crate::normalize::normalize(nm).split(' ').any(|p| p == a.word(t)));
                // (… بن محمد قرقاش: the father's name inside the known person's own name)
                let fathers = t > 0 && matches!(a.word(t - 1), "بن" | "بنت" | "ابن");
                if !own && !fathers && out[pi].last == t + 2 {
                    let name = without_conjunction(a, t, format!("{} {}", a.word(t), a.word(t + 1)));
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
            let Some(end) = read_name_after_given(a, &at, out, t + given_len).or_else(|| {
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
            // (a title word inside the name, after ولد, is the name's own)
            let covered_inside =
                (t + given_len..end).any(|i| covered[i] && !(i > 0 && a.word(i - 1) == "ولد"));
            if covered_inside || into_person {
                t += 1;
                continue;
            }
            let name = (start..end)
                .map(|i| a.word(i))
                .collect::<Vec<_>>()
                .join(" ");
            let name = without_conjunction(a, start, name);
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
        // a name of two parts or more right after a nationality with the article, whatever its
        // given name (الفرنسي تييري هنري، البرازيلي كارلوس ألبرتو باريرا)
        for m in out.iter() {
            // (the masculine form: a feminine one mostly agrees with a noun before it, القوات
            // اليمنية مدعومة)
            if !matches!(m.kind, MentionKind::Nationality(_))
                || m.last - m.first != 1
                || !a.keys[m.first].had_article
                || a.word(m.first).ends_with('ه')
            {
                continue;
            }
            let Some((t, end)) = name_right_after(a, &at, out, &covered, &found, m) else {
                continue;
            };
            // (a conjunction starts the next clause: الفلسطيني وتعزيز)
            if a.word(t).starts_with('و') && !given_name(a, t) || end - t < 2 {
                continue;
            }
            found.push((
                None,
                new_person(
                    a,
                    t,
                    end,
                    format!("name after the nationality {:?}", a.word(m.first)),
                ),
            ));
        }
        // "قال فلان": a name right after a verb of saying (وأوضح فيرجسون أن…), of one part only
        // when what follows closes it (أن، إن، a colon, a quote, a comma, لـ…)
        for m in out.iter() {
            let MentionKind::Trigger(tr) = m.kind else {
                continue;
            };
            let trigger = &a.dict.triggers[tr as usize];
            if trigger.frame != crate::dictionary::Frame::Speaker
                || !matches!(
                    trigger.aspect,
                    crate::dictionary::Aspect::Past | crate::dictionary::Aspect::Present
                )
            {
                continue;
            }
            let Some((t, end)) = name_right_after(a, &at, out, &covered, &found, m) else {
                continue;
            };
            if a.keys[t].had_article
                || a.keys[t].prefix_len > 0
                || !a.word(t).chars().next().is_some_and(is_arabic_letter)
                || a.word(t).chars().count() < 2
                || reads_as_adverb(a.original_word(t))
            {
                continue;
            }
            let closes = |i: usize| {
                i >= n
                    || a.seg.tokens[i].sentence != m.sentence
                    || a.seg.tokens[i].kind != TokenKind::Word
                    || matches!(
                        a.word(i),
                        "ان" | "انه" | "انها" | "ل" | "لـ" | "في" | "خلال" | "امام"
                    )
            };
            if !closes(end) {
                continue;
            }
            found.push((
                None,
                new_person(
                    a,
                    t,
                    end,
                    format!("name after the verb of saying {:?}", a.word(m.first)),
                ),
            ));
        }
        // a kunya before the name belongs to it (أبو مصعب الزرقاوي، لأبي الحسن المسعودي)
        for (replaces, m) in found.iter_mut() {
            if replaces.is_some() || m.first == 0 || covered[m.first - 1] {
                continue;
            }
            let before = m.first - 1;
            let w = a.word(before);
            let stem = w
                .strip_prefix('و')
                .or_else(|| w.strip_prefix('ل'))
                .filter(|r| matches!(*r, "ابو" | "ابي" | "ابا"))
                .unwrap_or(w);
            if a.seg.tokens[before].sentence != m.sentence || !matches!(stem, "ابو" | "ابي" | "ابا")
            {
                continue;
            }
            if let MentionKind::NewPerson { name } = &m.kind {
                let kind = MentionKind::NewPerson {
                    name: format!("{stem} {name}"),
                };
                *m = Mention::over(a, before, m.last, kind, self.name(), m.why.clone());
            }
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

/// Recognises a person named in full earlier in the document by the family name alone, or by
/// the full name again: `أحمد فهمي` … `وأضاف فهمي`; `جورج بوش` … `بوش`. Runs after every other
/// person finder, so it covers persons found by titles, by name shapes and in the dictionary.
pub struct FamilyNameExtractor;

impl Extractor for FamilyNameExtractor {
    fn name(&self) -> &'static str {
        "family names"
    }

    fn extract(&self, a: &Analysis<'_>, out: &mut Vec<Mention>) {
        let n = a.seg.tokens.len();
        // (the full name's words, what a mention of it is, where it was first named)
        // (and whether the family name was written with the article)
        let mut known: Vec<(Vec<String>, MentionKind, usize, bool)> = Vec::new();
        let mut seen: foldhash::HashSet<Vec<String>> = Default::default();
        for m in out.iter() {
            let (words, kind) = match &m.kind {
                MentionKind::NewPerson { name } => (
                    name.split(' ').map(String::from).collect::<Vec<_>>(),
                    m.kind.clone(),
                ),
                MentionKind::Entity(e) if a.dict.entities[*e as usize].kind == Kind::Person => (
                    (m.first..m.last).map(|t| a.key(t).to_string()).collect(),
                    m.kind.clone(),
                ),
                _ => continue,
            };
            if words.len() >= 2 && !seen.contains(&words) {
                seen.insert(words.clone());
                let articled = a.keys[m.last - 1].had_article;
                known.push((words, kind, m.last, articled));
            }
        }
        if known.is_empty() {
            return;
        }
        let at = starting_at(out, n);
        let mut covered = vec![false; n];
        for m in out.iter() {
            if !matches!(m.kind, MentionKind::Cue(_) | MentionKind::Date { .. }) {
                for c in covered.iter_mut().take(m.last.min(n)).skip(m.first) {
                    *c = true;
                }
            }
        }
        // Indexes of `known` by what a token must be to start a full name again (its first
        // part as written or as a key, or, after clitics, that part without its article) and by
        // the family name a lone token may be; each list is in `known`'s order, so the first
        // candidate that fits is the one the rules choose.
        let mut by_first: foldhash::HashMap<&str, Vec<usize>> = Default::default();
        let mut by_first_stem: foldhash::HashMap<&str, Vec<usize>> = Default::default();
        let mut by_family: foldhash::HashMap<&str, Vec<usize>> = Default::default();
        for (i, (words, _, _, _)) in known.iter().enumerate() {
            let first = words[0].as_str();
            by_first.entry(first).or_default().push(i);
            by_first_stem
                .entry(crate::segment::strip_article(first).0)
                .or_default()
                .push(i);
            let last = words[words.len() - 1].as_str();
            let family = crate::segment::strip_article(last).0;
            // the tail of a compound given name (نور الدين، سيف الإسلام) is no family name
            let compound = a
                .dict
                .given_names
                .contains(&words[words.len() - 2..].join(" "));
            let common = a.dict.stopwords.contains(family) || a.dict.stopwords.contains(last);
            // (a family name may be a given name too: أحمد فهمي … فهمي)
            if family.chars().count() >= 3 && !common && !compound {
                by_family.entry(family).or_default().push(i);
            }
        }
        // every key looked up below is the word, its token key, or a clitic split of the word
        // (an end of it): a token whose ends match no indexed name part is passed over cheaply
        let ends = CharPairs::of(
            by_first
                .keys()
                .chain(by_first_stem.keys())
                .chain(by_family.keys())
                .map(|k| last(k)),
        );
        let mut extra = Vec::new();
        let mut candidates: Vec<usize> = Vec::new();
        let mut splits: Vec<&str> = Vec::new();
        let mut t = 0;
        'tokens: while t < n {
            if covered[t]
                || a.seg.tokens[t].kind != TokenKind::Word
                || !at[t].is_empty()
                || !(ends.may_hold(last(a.word(t))) || ends.may_hold(last(a.key(t))))
            {
                t += 1;
                continue;
            }
            let word = a.word(t);
            splits.clear();
            splits.extend(crate::segment::clitic_splits(word).map(|s| s.key));
            // the full name again
            candidates.clear();
            for key in [word, a.key(t)] {
                candidates.extend(by_first.get(key).into_iter().flatten());
            }
            for key in &splits {
                candidates.extend(by_first_stem.get(key).into_iter().flatten());
            }
            candidates.sort_unstable();
            candidates.dedup();
            for &i in &candidates {
                let (words, kind, _, _) = &known[i];
                let end = t + words.len();
                if end <= n
                    && (t..end).all(|i| !covered[i])
                    && words
                        .iter()
                        .enumerate()
                        .skip(1)
                        .all(|(k, p)| a.word(t + k) == p || a.key(t + k) == *p)
                {
                    extra.push(Mention::over(
                        a,
                        t,
                        end,
                        kind.clone(),
                        self.name(),
                        "named again in full".into(),
                    ));
                    t = end;
                    continue 'tokens;
                }
            }
            // the family name alone, after the person was named in full, with the article
            // as the full name wrote it (يوسف إسلام … الإسلام is no echo)
            let chosen = splits
                .iter()
                .filter_map(|key| by_family.get(key))
                .map(|v| {
                    v.iter()
                        .copied()
                        .filter(|&i| known[i].3 == a.keys[t].had_article)
                        .collect::<Vec<_>>()
                })
                // (a headline may name the person by the family name before the body names
                // them in full: لافروف يلتقي الخطيب … أحمد معاذ الخطيب)
                .filter_map(|v| v.first().copied())
                .min();
            if let Some(i) = chosen {
                let (words, kind, _, _) = &known[i];
                let full = words.join(" ");
                extra.push(Mention::over(
                    a,
                    t,
                    t + 1,
                    kind.clone(),
                    self.name(),
                    format!("family name of {full:?}, named in full in the document"),
                ));
            }
            t += 1;
        }
        out.extend(extra);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_feminine_participle_is_told_from_a_family_name_of_its_shape() {
        for w in ["المدعومه", "المتحالفه", "الممتلئه", "المنفرده", "المتبقيه"]
        {
            assert!(super::feminine_participle(w), "{w}");
        }
        // المفاعلة: tribal family names (المواجدة، المناصرة، المعايطة); and no م at all
        for w in ["المواجده", "المناصره", "المعايطه", "الطراونه", "الربيعه"]
        {
            assert!(!super::feminine_participle(w), "{w}");
        }
    }

    #[test]
    fn a_conjunction_before_a_common_word_is_told_from_a_foreign_name() {
        let none = |_: &str| false;
        for w in [
            "وأشعر",
            "وإمدادات",
            "وقيادات",
            "وطبقة",
            "وتصوره",
            "وتأكيدنا",
        ] {
            assert!(conjunction_then_common_word(w, none), "{w}");
        }
        for w in ["ويلموت", "واتسون", "ويتمان", "وينتر", "وو", "محمد"]
        {
            assert!(!conjunction_then_common_word(w, none), "{w}");
        }
        // the rest a function word, as the caller's list tells
        assert!(conjunction_then_common_word("ومنذ", |r| r == "منذ"));
    }

    /// The name `new_person` gives the `words` tokens from the first that reads `from` in the
    /// one article of `text`.
    fn name_of(text: &str, from: &str, words: usize) -> String {
        let p = crate::Pipeline::builtin().expect("the built-in dictionaries load");
        let doc = &crate::read::split_page(text, "t", "t.txt")[0];
        let (a, _) = p.mentions(doc);
        let first = (0..a.seg.tokens.len())
            .find(|&t| a.word(t) == from)
            .expect("the word is in the text");
        match new_person(&a, first, first + words, String::new()).kind {
            MentionKind::NewPerson { name } => name,
            other => panic!("not a new person: {other:?}"),
        }
    }

    #[test]
    fn a_perfect_plural_verb_is_no_name_part_and_names_in_wa_are() {
        for verb in ["احرزوا", "جعلوا", "اقتحموا", "تضرروا", "قتلوا"] {
            assert!(plural_past_verb(verb), "{verb}");
        }
        for name in [
            "فرانسوا",
            "كورتوا",
            "جوشوا",
            "بنوا",
            "ميازاوا",
            "هوا",
            "وا",
            "العوا",
        ] {
            assert!(!plural_past_verb(name), "{name}");
        }
    }

    #[test]
    fn an_imperfect_verb_is_no_name_part_and_names_in_ya_are() {
        for verb in ["يلتقط", "يقترب", "يبتسم", "يمكنك"] {
            assert!(imperfect_verb(verb), "{verb}");
        }
        for name in ["يوسف", "ياسر", "يحيي", "يزيد", "يعقوب", "يمن", "يلتسين"]
        {
            assert!(!imperfect_verb(name), "{name}");
        }
    }

    #[test]
    fn a_name_read_after_a_rule_drops_the_conjunction_of_its_given_name() {
        let text = "خبر\nوصل الدبلوماسي الفرنسي ومحمد الساعدي ووليد الساعدي إلى بغداد.\n";
        assert_eq!(name_of(text, "ومحمد", 2), "محمد الساعدي");
        // وليد is a given name as written: its و is its own
        assert_eq!(name_of(text, "ووليد", 2), "وليد الساعدي");
        assert_eq!(
            name_of("خبر\nقال وليد الساعدي إن\n", "وليد", 2),
            "وليد الساعدي"
        );
    }
}
