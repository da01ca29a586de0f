//! BIO tagging: persons, places and organizations as `PERS`, `LOC` and `ORG` tags over tokens,
//! so that extraction can be measured on standard corpora (CoNLL-style, token per line).
//!
//! The tokens are kept exactly as given. Sentences are joined into documents of a few dozen
//! sentences, run through the pipeline, and every mention's original span is mapped back onto
//! the tokens it covers: persons (dictionary or found by titles and name shapes) are `PERS`,
//! countries and places `LOC`, organizations `ORG`. Tags mark the name itself, as CoNLL-style
//! corpora do: `قطاع [غزة]`, `حركة [حماس]`, `[مكة] المكرمة`; an organization named only by a
//! description of common nouns (`وزارة الخارجية`) is not a name and stays `O` unless
//! [`TagOptions::descriptions`] asks for it.

use crate::dictionary::Kind;
use crate::document::Document;
use crate::extract::MentionKind;
use crate::Pipeline;

/// A sentence: its tokens as given.
pub type Sentence = Vec<String>;

/// Reads token-per-line text: the token is the first whitespace-separated field (extra columns,
/// such as a gold tag, are ignored); a blank line ends a sentence.
pub fn read_conll(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut cur = Vec::new();
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        match line.split_whitespace().next() {
            Some(tok) => cur.push(tok.to_string()),
            None => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Splits plain text into sentences of tokens with the pipeline's own segmenter.
pub fn plain_sentences(text: &str) -> Vec<Sentence> {
    let norm = crate::normalize::NormalizedText::new(text);
    let seg = crate::segment::segment(&norm);
    let chars: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    seg.sentences
        .iter()
        .map(|s| {
            seg.tokens[s.first..s.last]
                .iter()
                .map(|t| {
                    let (a, b) = norm.original_range(t.start, t.end);
                    text[chars[a]..chars[b]].to_string()
                })
                .collect()
        })
        .collect()
}

/// How many sentences make one document for the pipeline (context for titles and names,
/// without making documents too long to scan quickly).
const SENTENCES_PER_DOCUMENT: usize = 60;

/// Nouns before a place's name that describe it without being part of it: `قطاع غزة`,
/// `مدينة مشهد`, `جنوب لبنان` (as keys: normalised, without the article).
const PLACE_DESCRIPTORS: &[&str] = &[
    "مدينه",
    "بلده",
    "قريه",
    "قطاع",
    "اقليم",
    "محافظه",
    "ولايه",
    "منطقه",
    "جزيره",
    "دوله",
    "اماره",
    "مخيم",
    "نهر",
    "جنوب",
    "شمال",
    "شرق",
    "غرب",
    "وسط",
];

/// Nouns before an organization's name that say what it is: `حركة حماس`, `قناة الجزيرة`,
/// `وكالة فرانس برس`, `نادي برشلونة`.
const ORGANIZATION_DESCRIPTORS: &[&str] = &[
    "حركه",
    "قناه",
    "فضائيه",
    "وكاله",
    "صحيفه",
    "جريده",
    "مجله",
    "نادي",
    "شركه",
    "جماعه",
    "تنظيم",
    "ميليشيا",
    "مليشيا",
];

/// Nouns before a country's name that say what kind of state it is: `دولة قطر`, `جمهورية
/// الصين الشعبية`. (A direction is part of a country's name: جنوب أفريقيا.)
const COUNTRY_DESCRIPTORS: &[&str] = &["دوله", "جمهوريه", "سلطنه"];

/// Epithets after a place's name: `مكة المكرمة`, `المدينة المنورة`, `القدس الشريف`, `الصين
/// الشعبية`, `إيران الإسلامية`.
const EPITHETS: &[&str] = &["مكرمه", "منوره", "شريف", "شعبيه", "اسلاميه", "عربيه"];

/// The tokens of a mention that are the name itself, as CoNLL-style annotation marks it (and
/// ANERcorp with it): a leading descriptor or a trailing epithet stays outside when the rest is a
/// name the lexicon knows by itself. A country's own name keeps its direction (جنوب أفريقيا).
fn name_core(
    a: &crate::extract::Analysis<'_>,
    m: &crate::extract::Mention,
    label: &str,
) -> (usize, usize) {
    let (mut first, mut last) = (m.first, m.last);
    let key = |t: usize| crate::segment::strip_article(a.key(t)).0;
    let names_entity = |from: usize, to: usize| {
        a.lexicon
            .phrase((from..to).map(|t| a.key(t)))
            .is_some_and(|hits| {
                hits.iter()
                    .any(|h| matches!(h, crate::dictionary::Hit::Entity(_)))
            })
    };
    let country = matches!(m.kind, MentionKind::Entity(e) if a.dict.entities[e as usize].kind == Kind::Country);
    let descriptors = match label {
        "LOC" if country => COUNTRY_DESCRIPTORS,
        "LOC" => PLACE_DESCRIPTORS,
        "ORG" => ORGANIZATION_DESCRIPTORS,
        _ => &[],
    };
    // (جمهورية إيران الإسلامية: a descriptor and an epithet)
    while last - first >= 2 {
        if descriptors.contains(&key(first)) && names_entity(first + 1, last) {
            first += 1;
        } else if label == "LOC"
            && EPITHETS.contains(&key(last - 1))
            && names_entity(first, last - 1)
        {
            last -= 1;
        } else {
            break;
        }
    }
    (first, last)
}

/// Head nouns of the names of parties, organizations, universities and banks (حزب الاستقلال،
/// منظمة الصحة العالمية، جامعة القاهرة، البنك التجاري): unlike a ministry or a council of
/// state, such a body is called by its own name.
const NAMED_HEADS: &[&str] = &["حزب", "منظمه", "جامعه", "بنك"];

/// What `tag` marks besides names.
#[derive(Debug, Clone, Copy, Default)]
pub struct TagOptions {
    /// Also tag organizations named by a description of common nouns (وزارة الخارجية، مجلس
    /// الإدارة، اللجنة المنظمة). By default only names are tagged, as in ANERcorp and the
    /// named mentions of ACE: such descriptions stay `O` (the graph keeps them).
    pub descriptions: bool,
}

/// The BIO tags (`O`, `B-PERS`, `I-LOC`, …) of every token of every sentence, names only.
pub fn tag_sentences(pipeline: &Pipeline, sentences: &[Sentence]) -> Vec<Vec<&'static str>> {
    tag_sentences_with(pipeline, sentences, TagOptions::default())
}

/// The BIO tags of every token of every sentence, with options.
pub fn tag_sentences_with(
    pipeline: &Pipeline,
    sentences: &[Sentence],
    options: TagOptions,
) -> Vec<Vec<&'static str>> {
    let mut out: Vec<Vec<&'static str>> = sentences.iter().map(|s| vec!["O"; s.len()]).collect();
    for (chunk_no, chunk) in sentences.chunks(SENTENCES_PER_DOCUMENT).enumerate() {
        let base = chunk_no * SENTENCES_PER_DOCUMENT;
        // the document's text, with each token's char range
        let mut text = String::new();
        let mut ranges: Vec<(usize, usize, usize, usize)> = Vec::new(); // (sentence, token, start, end)
        let mut pos = 0usize;
        for (si, s) in chunk.iter().enumerate() {
            for (ti, tok) in s.iter().enumerate() {
                if ti > 0 {
                    text.push(' ');
                    pos += 1;
                }
                let len = tok.chars().count();
                ranges.push((base + si, ti, pos, pos + len));
                text.push_str(tok);
                pos += len;
            }
            text.push('\n');
            pos += 1;
        }
        let doc = Document {
            id: format!("chunk-{chunk_no}"),
            title: String::new(),
            text,
            base: 0,
            published: None,
            dateline: None,
            source: None,
            source_span: None,
            language: "ar".into(),
            origin: "tagging".into(),
            url: None,
        };
        let (analysis, mentions) = pipeline.mentions(&doc);
        let dict = analysis.dict;
        let names_inside = |m: &crate::extract::Mention| {
            NAMED_HEADS.contains(&crate::segment::strip_article(analysis.key(m.first)).0)
                || mentions.iter().any(|o| {
                    m.first <= o.first
                        && o.last <= m.last
                        && match &o.kind {
                            MentionKind::NewPerson { .. } => true,
                            MentionKind::Entity(e) => matches!(
                                dict.entities[*e as usize].kind,
                                Kind::Person | Kind::Place | Kind::Organization
                            ),
                            _ => false,
                        }
                })
        };
        let mut spans: Vec<(usize, usize, &'static str)> = mentions
            .iter()
            .filter_map(|m| {
                let label = match &m.kind {
                    // a capital told by its description (العاصمة الروسية) is no name
                    MentionKind::Entity(_)
                        if !options.descriptions && analysis.key(m.first) == "عاصمه" =>
                    {
                        return None
                    }
                    MentionKind::Entity(e) => match dict.entities[*e as usize].kind {
                        Kind::Person => "PERS",
                        Kind::Country | Kind::Place => "LOC",
                        Kind::Organization => "ORG",
                        Kind::Other => return None,
                    },
                    MentionKind::NewPerson { .. } => "PERS",
                    // an organization found by the shape of a description (وزارة الخارجية،
                    // مجلس الإدارة) is tagged only when a name stands in it (جامعة الملك سعود)
                    MentionKind::NewOrganization { .. }
                        if !options.descriptions && !names_inside(m) =>
                    {
                        return None
                    }
                    MentionKind::NewOrganization { .. } => "ORG",
                    _ => return None,
                };
                let (first, last) = name_core(&analysis, m, label);
                let (start, end) = if (first, last) == (m.first, m.last) {
                    (m.start, m.end)
                } else {
                    analysis.span(first, last)
                };
                Some((start, end, label))
            })
            .collect();
        // longer spans first, so a name inside an organization's name stays the organization's
        spans.sort_by_key(|&(s, e, _)| (std::cmp::Reverse(e - s), s));
        for (s, e, label) in spans {
            let covered: Vec<&(usize, usize, usize, usize)> =
                ranges.iter().filter(|r| r.2 < e && s < r.3).collect();
            if covered.is_empty() || covered.iter().any(|r| out[r.0][r.1] != "O") {
                continue;
            }
            for (k, r) in covered.iter().enumerate() {
                out[r.0][r.1] = match (k, label) {
                    (0, "PERS") => "B-PERS",
                    (0, "LOC") => "B-LOC",
                    (0, _) => "B-ORG",
                    (_, "PERS") => "I-PERS",
                    (_, "LOC") => "I-LOC",
                    _ => "I-ORG",
                };
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_keep_the_tokens_and_mark_names_places_and_organizations() {
        let p = Pipeline::builtin().unwrap();
        let conll = "التقى O\nالرئيس O\nفلاديمير X\nبوتين X\nفي O\nموسكو O\nالأمين O\nالعام O\nللأمم X\nالمتحدة X\n\nقال O\nسمير O\nجعجع O\n";
        let sentences = read_conll(conll);
        assert_eq!(sentences.len(), 2);
        assert_eq!(sentences[0][2], "فلاديمير");
        let tags = tag_sentences(&p, &sentences);
        assert_eq!(
            tags[0],
            ["O", "O", "B-PERS", "I-PERS", "O", "B-LOC", "O", "O", "B-ORG", "I-ORG"]
        );
        assert_eq!(tags[1], ["O", "B-PERS", "I-PERS"]);
    }

    #[test]
    fn descriptors_and_epithets_stay_outside_the_name() {
        let p = Pipeline::builtin().unwrap();
        let sentences = read_conll(
            "وصل\nالوفد\nإلى\nقطاع\nغزة\nثم\nمكة\nالمكرمة\n\nوقالت\nحركة\nحماس\nإن\nجنوب\nأفريقيا\nمعها\n\nزار\nجمهورية\nالصين\nالشعبية\n",
        );
        let tags = tag_sentences(&p, &sentences);
        assert_eq!(tags[0], ["O", "O", "O", "O", "B-LOC", "O", "B-LOC", "O"]);
        // a country's own name keeps its direction
        assert_eq!(tags[1], ["O", "O", "B-ORG", "O", "B-LOC", "I-LOC", "O"]);
        // a country's descriptor and epithet
        assert_eq!(tags[2], ["O", "O", "B-LOC", "O"]);
    }

    #[test]
    fn descriptions_are_tagged_only_when_asked() {
        let p = Pipeline::builtin().unwrap();
        let sentences = read_conll("وأعلنت\nوزارة\nالزراعة\nالمغربية\nعن\nخطة\nجديدة\n");
        assert_eq!(
            tag_sentences(&p, &sentences)[0],
            ["O", "O", "O", "O", "O", "O", "O"]
        );
        // a party is called by its own name
        let party = read_conll("وفاز\nحزب\nالاستقلال\nفي\nالانتخابات\n");
        assert_eq!(
            tag_sentences(&p, &party)[0],
            ["O", "B-ORG", "I-ORG", "O", "O"]
        );
        let all = tag_sentences_with(&p, &sentences, TagOptions { descriptions: true });
        assert_eq!(all[0], ["O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O"]);
    }
}
