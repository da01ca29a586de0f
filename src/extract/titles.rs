//! The title extractor: links each title to the office's country or organization and to the
//! person it names, and finds persons that no dictionary lists by the titles before their names
//! (`وزير الخارجية الصيني فان يي`, `سفير المملكة لدى اليابان ...`). A person found this way is
//! then recognised by the family name alone later in the same document.

use super::names::{read_name, read_name_after_given};
use super::{starting_at, Analysis, Extractor, Mention, MentionKind, Starts};
use crate::dictionary::{Kind, TitleKind};
use crate::normalize::is_arabic_letter;
use crate::segment::TokenKind;
use std::collections::HashMap;

/// Links titles to offices and persons; finds persons by titles.
pub struct TitleExtractor;

/// What the title extractor learned about one title.
struct TitleLink {
    title: usize,
    of: Option<u32>,
    of_mention: Option<usize>,
    holder: Option<usize>,
    former: bool,
}

/// The number of words of an organization's name that follows an office (`رئيس` + `الندوة
/// العالمية للشباب الإسلامي`, `مدير عام` + `السجون`), 0 when none: words with the article, or
/// with a preposition or conjunction glued to it, and institutions named after a person.
fn org_complement(
    a: &Analysis<'_>,
    at: &Starts,
    mentions: &[Mention],
    pos: usize,
    sentence: usize,
) -> usize {
    let n = a.seg.tokens.len();
    let mut end = pos;
    let named = |t: usize| {
        at[t]
            .iter()
            .any(|&i| !matches!(mentions[i].kind, MentionKind::Cue(_)))
    };
    while end < n
        && end - pos < 8
        && a.seg.tokens[end].sentence == sentence
        && a.seg.tokens[end].kind == TokenKind::Word
        && !named(end)
    {
        let w = a.word(end);
        let articled = w.starts_with("ال") || ["لل", "وال", "بال"].iter().any(|p| w.starts_with(p));
        let stem = w.strip_prefix('ل').filter(|_| end > pos).unwrap_or(w);
        let head = (end == pos || stem != w) && super::organizations::is_head(a.key(end))
            || (stem != w && super::organizations::is_head(stem));
        if head || articled {
            if matches!(w, "الملك" | "الامير") && end + 1 < n {
                end += 2;
                continue;
            }
            end += 1;
        } else {
            break;
        }
    }
    end - pos
}

/// The words of a minister's portfolio up to the holder's given name (`حقوق الإنسان والإغاثة
/// باليمن` before `عز الدين الأصبحي`), and the country a `بـ`/`في` phrase in it names.
fn portfolio(
    a: &Analysis<'_>,
    at: &Starts,
    mentions: &[Mention],
    pos: usize,
    sentence: usize,
) -> Option<(usize, Option<u32>)> {
    let n = a.seg.tokens.len();
    // a given name right after the title is the holder's (الوزير علي بن حسن), no portfolio
    if super::names::starts_given_name(a, pos) {
        return None;
    }
    let mut country = None;
    for (end, tok) in a
        .seg
        .tokens
        .iter()
        .enumerate()
        .take((pos + 6).min(n))
        .skip(pos)
    {
        if tok.sentence != sentence || tok.kind != TokenKind::Word {
            return None;
        }
        if super::names::starts_given_name(a, end) && end > pos {
            return Some((end - pos, country));
        }
        for &i in &at[end] {
            match mentions[i].kind {
                MentionKind::Entity(e)
                    if a.dict.entities[e as usize].kind == Kind::Country
                        && a.keys[end].prefix_len > 0 =>
                {
                    country = Some(e);
                }
                MentionKind::Entity(_)
                | MentionKind::Title { .. }
                | MentionKind::NewPerson { .. }
                | MentionKind::Trigger(_) => {
                    return (end > pos).then_some((end - pos, country));
                }
                _ => {}
            }
        }
    }
    None
}

/// Titles of rulers and religious leaders, whose holders are often named by one word with the
/// article (الملك الحسين، الشيخ الخراساني) and by a regnal number (الملك الحسن الثاني). (الإمام
/// is no title: it normalises like الأمام, "the front".)
const RULER_TITLES: &[&str] = &[
    "الملك",
    "الملكة",
    "السلطان",
    "الامبراطور",
    "البابا",
    "الشاه",
    "الشيخ",
    "الامير",
];

/// Offices written without the article whose holder is named only after the country (ملك
/// الأردن عبد الله الثاني، أمير قطر): right after the bare word a name is no holder's (ملك
/// بلنسية is a place's king; أمير is a given name too).
const CONSTRUCT_TITLES: &[&str] = &["ملك", "ملكة", "عاهل", "امير"];

/// Regnal numbers (normalised).
pub(crate) const REGNAL_NUMBERS: &[&str] = &[
    "الاول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
    "الحادي عشر",
    "الثاني عشر",
];

/// After a ruler's or religious leader's title ([`RULER_TITLES`]), a single word with the article
/// that is no common word is the holder's name (الملك الحسين); returns the end token.
fn ruler_name(a: &Analysis<'_>, at: &Starts, mentions: &[Mention], pos: usize) -> Option<usize> {
    let t = a.seg.tokens.get(pos)?;
    let w = a.word(pos);
    (t.kind == TokenKind::Word
        && a.keys[pos].had_article
        && a.keys[pos].prefix_len == 0
        && w.chars().count() >= 5
        && !a.dict.stopwords.contains(w)
        && !a.dict.stopwords.contains(a.key(pos))
        && !REGNAL_NUMBERS.contains(&w)
        && at[pos]
            .iter()
            .all(|&i| matches!(mentions[i].kind, MentionKind::Date { .. })))
    .then_some(pos + 1)
}

/// True when the one word after a title can be the holder's name. A known given name or
/// person always can. Otherwise not after a title word without the article, whose next word
/// is what it heads (رئيس تحرير، مدير جوازات، رئيس جناح: an office, not a name), and not a word
/// that ends in a pronoun (اسمه، رصيده، يزورها، انتباهنا).
fn one_word_name(a: &Analysis<'_>, pos: usize) -> bool {
    let w = a.word(pos);
    let known = super::names::starts_given_name(a, pos)
        || a.lexicon.is_person_key(w)
        || a.dict.given_names.contains(w);
    if known || pos == 0 {
        return known;
    }
    let before = a.word(pos - 1);
    let headed = before.chars().next().is_some_and(is_arabic_letter)
        && !before.starts_with("ال")
        && !a.keys[pos - 1].had_article;
    let original = a.original_word(pos);
    let pronoun = original.chars().count() >= 4
        && ["ه", "ها", "هم", "هما", "نا", "كم"]
            .iter()
            .any(|s| original.ends_with(s));
    !headed && !pronoun
}

/// The end of a ruler's name with its regnal number, if one follows (الحسن الثاني).
fn regnal_number(a: &Analysis<'_>, end: usize, sentence: usize) -> usize {
    match a.seg.tokens.get(end) {
        Some(t) if t.sentence == sentence && REGNAL_NUMBERS.contains(&a.word(end)) => end + 1,
        _ => end,
    }
}

/// A word that, right before a title, names an office serving its holder: the deputy, the
/// assistant, the adviser, the envoy or the spokesman of the chancellor is not the chancellor
/// (a compound title the dictionary lists, نائب الرئيس, is matched whole and never gets here).
fn serves_the_holder(word: &str) -> bool {
    let w = word.strip_prefix('و').unwrap_or(word);
    matches!(
        w,
        "نائب"
            | "نائبه"
            | "مساعد"
            | "مساعده"
            | "مستشار"
            | "مستشاره"
            | "مبعوث"
            | "مبعوثه"
            | "ممثل"
            | "ممثله"
            | "متحدث"
            | "متحدثه"
            | "سكرتير"
            | "سكرتيره"
    )
}

/// A word that continues an office's name: والتعاون, الدولي, وشؤون, المغتربين.
fn is_title_complement(a: &Analysis<'_>, tok: usize, after_conjunction: bool) -> bool {
    let Some(t) = a.seg.tokens.get(tok) else {
        return false;
    };
    if t.kind != TokenKind::Word {
        return false;
    }
    let w = a.word(tok);
    if w.starts_with("وال") && w.chars().count() > 4 {
        return true;
    }
    // لشؤون الشرق الأدنى، للشؤون الخارجية: ل + a noun and the words with the article after it
    if w.starts_with('ل') && !w.starts_with("لا") && w.chars().count() > 3 {
        if let Some(next) = a.seg.tokens.get(tok + 1) {
            if next.kind == TokenKind::Word && a.word(tok + 1).starts_with("ال") {
                return true;
            }
        }
    }
    after_conjunction && w.starts_with("ال") && !a.dict.stopwords.contains(w)
}

impl TitleExtractor {
    fn cue_at<'m>(
        &self,
        a: &Analysis<'_>,
        mentions: &'m [Mention],
        at: &Starts,
        pos: usize,
        cue: &str,
    ) -> Option<&'m Mention> {
        at.get(pos)?
            .iter()
            .map(|&i| &mentions[i])
            .find(|m| match m.kind {
                MentionKind::Cue(c) => a.dict.cues[c as usize].cue == cue,
                _ => false,
            })
    }
}

impl Extractor for TitleExtractor {
    fn name(&self) -> &'static str {
        "titles"
    }

    fn extract(&self, a: &Analysis<'_>, out: &mut Vec<Mention>) {
        let n = a.seg.tokens.len();
        let at = starting_at(out, n);
        let titles = titles_naming_persons(a, out);
        let mut new_persons: Vec<Mention> = Vec::new();
        let mut links: Vec<TitleLink> = Vec::new();
        // a title directly followed by another title (ولي العهد الأمير …) hands its holder on
        for &ti in &titles {
            let MentionKind::Title {
                title,
                of: fixed_of,
                ..
            } = out[ti].kind
            else {
                continue;
            };
            let tk = a.dict.titles[title as usize].kind;
            let normalized_title =
                crate::normalize::normalize(&a.dict.titles[title as usize].title);
            let ruler = RULER_TITLES.contains(&normalized_title.as_str());
            let construct = CONSTRUCT_TITLES.contains(&normalized_title.as_str());
            let mut of = fixed_of;
            let mut of_mention: Option<usize> = None;
            let mut org_named = false;
            let mut complement = 0;
            let mut former = false;
            let mut pos = out[ti].last;
            let sentence = out[ti].sentence;
            let mut steps = 0;
            let holder = loop {
                steps += 1;
                if pos >= n || a.seg.tokens[pos].sentence != sentence || steps > 6 {
                    break None;
                }
                let here: Vec<&Mention> = at[pos].iter().map(|&i| &out[i]).collect();
                // تركي بن سعود: a nationality adjective before بن is a given name
                let before_connector =
                    |m: &Mention| m.last < n && matches!(a.word(m.last), "بن" | "بنت" | "ابن");
                if let Some(m) = here
                    .iter()
                    .find(|m| matches!(m.kind, MentionKind::Nationality(_)) && !before_connector(m))
                {
                    // after an organization's name the adjective is the organization's
                    // (رئيس الوفد التركي heads the Turkish delegation, not Turkey)
                    if let MentionKind::Nationality(c) = m.kind {
                        if of.is_none() && !org_named {
                            of = Some(c);
                        }
                    }
                    pos = m.last;
                    continue;
                }
                if self.cue_at(a, out, &at, pos, "former").is_some() {
                    former = true;
                    pos += 1;
                    continue;
                }
                if let Some(m) = self.cue_at(a, out, &at, pos, "on_behalf") {
                    pos = m.last;
                    continue;
                }
                // سفير … لدى الأردن: the post's host country, not the office's
                if let Some(m) = self.cue_at(a, out, &at, pos, "at") {
                    let next = at.get(m.last).and_then(|v| {
                        v.iter().find(|&&i| matches!(out[i].kind, MentionKind::Entity(e) if matches!(a.dict.entities[e as usize].kind, Kind::Country | Kind::Place | Kind::Organization)))
                    });
                    if let Some(&i) = next {
                        pos = out[i].last;
                        continue;
                    }
                }
                // an organization found by its name's shape: رئاسة الجمهورية, وزارة الخارجية المصرية
                if let Some(&i) = at[pos]
                    .iter()
                    .find(|&&i| matches!(out[i].kind, MentionKind::NewOrganization { .. }))
                {
                    if tk == TitleKind::Office && of.is_none() && of_mention.is_none() {
                        of_mention = Some(i);
                        pos = out[i].last;
                        continue;
                    }
                    break None;
                }
                // the rest of a long office name: وزير الشؤون الخارجية والتعاون الدولي
                if tk == TitleKind::Office
                    && complement < 3
                    && is_title_complement(a, pos, complement > 0)
                    && !here.iter().any(|m| {
                        matches!(m.kind, MentionKind::Entity(_) | MentionKind::Nationality(_))
                    })
                {
                    complement += 1;
                    pos += 1;
                    continue;
                }
                if let Some(&m) = here
                    .iter()
                    .find(|m| matches!(m.kind, MentionKind::Entity(_)))
                {
                    let MentionKind::Entity(e) = m.kind else {
                        unreachable!()
                    };
                    let ent = &a.dict.entities[e as usize];
                    if ent.kind == Kind::Person {
                        break at[pos].iter().copied().find(|&i| out[i].kind == m.kind);
                    }
                    // متحدث الكرملين, الأمين العام للأمم المتحدة, وزير خارجية روسيا
                    if tk == TitleKind::Office
                        && matches!(ent.kind, Kind::Country | Kind::Organization | Kind::Place)
                        && of.is_none()
                    {
                        of = Some(e);
                        pos = m.last;
                        continue;
                    }
                    break None;
                }
                if here
                    .iter()
                    .any(|m| matches!(m.kind, MentionKind::Title { .. }))
                {
                    // a title after a preposition (التقى خادم الحرمين الشريفين بالرئيس المصري),
                    // or after a comma and a conjunction (…، والرئيس المصري), is another
                    // person's: this one names none
                    let word = a.word(pos);
                    let prefix = &word[..a.keys[pos].prefix_len.min(word.len())];
                    let after_comma = pos > 0 && matches!(a.word(pos - 1), "،" | ",");
                    if prefix.contains(['ب', 'ل', 'ك']) || (after_comma && !prefix.is_empty()) {
                        break None;
                    }
                    // a chain of titles: the last one names the person; this one shares it
                    let next_title = here
                        .iter()
                        .find(|m| matches!(m.kind, MentionKind::Title { .. }))
                        .unwrap();
                    pos = next_title.last;
                    continue;
                }
                // a minister's portfolio before the name: وزير حقوق الإنسان والإغاثة باليمن عز الدين
                if tk == TitleKind::Office
                    && a.dict.titles[title as usize].role == "minister"
                    && complement == 0
                {
                    if let Some((skip, country)) = portfolio(a, &at, out, pos, sentence) {
                        pos += skip;
                        complement = 3;
                        if of.is_none() {
                            of = country;
                        }
                        continue;
                    }
                }
                // the organization the office heads, when no extractor named it:
                // رئيس جامعة الملك عبدالله للعلوم والتقنية جان لو شامو
                // (a ruler's name with the article is no organization: الملك الحسن الثاني)
                // (right after its own title, not after a chain: الفريق الركن)
                let ruler_end = (ruler && pos == out[ti].last)
                    .then(|| ruler_name(a, &at, out, pos))
                    .flatten();
                let ruler_named = pos == out[ti].last
                    && (super::names::starts_given_name(a, pos) || ruler_end.is_some());
                if tk == TitleKind::Office
                    && of.is_none()
                    && of_mention.is_none()
                    && complement == 0
                    && !ruler_named
                {
                    let skip = org_complement(a, &at, out, pos, sentence);
                    if skip > 0 {
                        pos += skip;
                        complement = 3;
                        org_named = true;
                        continue;
                    }
                }
                // وزير الخارجية المصري، سامح شكري،: the name set off by a comma
                if matches!(a.word(pos), "،" | ",")
                    && pos + 1 < n
                    && a.seg.tokens[pos + 1].sentence == sentence
                {
                    let person_next = at[pos + 1].iter().any(|&i| matches!(out[i].kind, MentionKind::Entity(e) if a.dict.entities[e as usize].kind == Kind::Person));
                    let name_next = person_next
                        || read_name(a, &at, out, pos + 1)
                            .is_some_and(|e| e < n && matches!(a.word(e), "،" | ","));
                    if name_next
                        && !king_then_prince(a, title, pos + 1)
                        && (steps == 1 || complement + 1 < 5)
                    {
                        pos += 1;
                        continue;
                    }
                }
                if construct && of.is_none() && of_mention.is_none() {
                    break None;
                }
                if tk == TitleKind::Counterpart
                    || tk == TitleKind::Office
                    || tk == TitleKind::Honorific
                {
                    // a given name written with ال (ألكسيس تسيبراس) is read as one, and the
                    // rest of the name after it
                    let given_with_al = || {
                        (a.keys[pos].had_article
                            && a.keys[pos].prefix_len == 0
                            && a.dict.given_names.contains(a.word(pos)))
                        .then(|| read_name_after_given(a, &at, out, pos + 1))
                        .flatten()
                    };
                    let name_end = read_name(a, &at, out, pos)
                        .or_else(given_with_al)
                        .or(ruler_end)
                        .map(|end| {
                            if ruler {
                                regnal_number(a, end, sentence)
                            } else {
                                end
                            }
                        });
                    if let Some(mut end) = name_end {
                        // the name runs into a known person's family name (عادل بن أحمد الجبير):
                        // the title names that person
                        if let Some(&pi) = at.get(end).and_then(|v| {
                            v.iter().find(|&&i| matches!(out[i].kind, MentionKind::Entity(e) if a.dict.entities[e as usize].kind == Kind::Person))
                        }) {
                            break Some(pi);
                        }
                        // one more word when it makes the name of a known person (تشي جينغ بين)
                        if end < n
                            && a.seg.tokens[end].sentence == sentence
                            && a.seg.tokens[end].kind == TokenKind::Word
                        {
                            let longer =
                                (pos..=end).map(|t| a.word(t)).collect::<Vec<_>>().join(" ");
                            let shorter =
                                (pos..end).map(|t| a.word(t)).collect::<Vec<_>>().join(" ");
                            if a.lexicon.is_person_key(&longer)
                                && !a.lexicon.is_person_key(&shorter)
                            {
                                end += 1;
                            }
                        }
                        if end == pos + 1 && !one_word_name(a, pos) {
                            break None;
                        }
                        let name = (pos..end).map(|t| a.word(t)).collect::<Vec<_>>().join(" ");
                        let m = Mention::over(
                            a,
                            pos,
                            end,
                            MentionKind::NewPerson { name },
                            self.name(),
                            format!(
                                "name after the title {:?}",
                                a.dict.titles[title as usize].title
                            ),
                        );
                        new_persons.push(m);
                        break Some(usize::MAX - (new_persons.len() - 1));
                    }
                }
                break None;
            };
            links.push(TitleLink {
                title: ti,
                of,
                of_mention,
                holder,
                former,
            });
        }
        // push the new persons (deduplicated by span) and resolve placeholder holder indices
        let base = out.len();
        let mut index_of_new: HashMap<usize, usize> = HashMap::new();
        let mut seen: HashMap<(usize, usize), usize> = HashMap::new();
        for (k, m) in new_persons.into_iter().enumerate() {
            let idx = *seen.entry((m.first, m.last)).or_insert_with(|| {
                out.push(m);
                out.len() - 1
            });
            index_of_new.insert(usize::MAX - k, idx);
        }
        let _ = base;
        for TitleLink {
            title: ti,
            of: of_,
            of_mention: of_m,
            holder,
            former: former_,
        } in links
        {
            let holder = holder.map(|h| *index_of_new.get(&h).unwrap_or(&h));
            if let MentionKind::Title {
                of,
                of_mention,
                holder: hold,
                former,
                ..
            } = &mut out[ti].kind
            {
                *of = of_;
                *of_mention = of_m;
                *hold = holder;
                *former = former_;
            }
        }
        // نائب المستشارة، مساعد الرئيس: the person serves the office holder
        for &ti in &titles {
            let first = out[ti].first;
            if first > 0 && serves_the_holder(a.word(first - 1)) {
                if let MentionKind::Title { dependent, .. } = &mut out[ti].kind {
                    *dependent = true;
                }
            }
        }
        // the titles after names and the chains of titles are linked by
        // TitleAfterNameExtractor, once the name extractors have found every person
    }
}

/// The title mentions that may name a person: not those inside an institution's name
/// (جامعة الملك عبدالله), nor a title word after ولد, which is part of a name (إسماعيل ولد
/// الشيخ أحمد).
fn titles_naming_persons(a: &Analysis<'_>, out: &[Mention]) -> Vec<usize> {
    let n = a.seg.tokens.len();
    // for each token, the furthest end of a name of an organization that starts before it
    let mut org_end_before = vec![0usize; n + 1];
    for o in out.iter() {
        if matches!(o.kind, MentionKind::NewOrganization { .. }) && o.first < n {
            let e = &mut org_end_before[o.first + 1];
            *e = (*e).max(o.last);
        }
    }
    for t in 1..=n {
        org_end_before[t] = org_end_before[t].max(org_end_before[t - 1]);
    }
    let inside_org = |m: &Mention| org_end_before[m.first.min(n)] >= m.last && m.last > 0;
    let in_nasab = |m: &Mention| m.first > 0 && a.word(m.first - 1) == "ولد";
    (0..out.len())
        .filter(|&i| matches!(out[i].kind, MentionKind::Title { .. }))
        .filter(|&i| !inside_org(&out[i]) && !in_nasab(&out[i]))
        .collect()
}

/// True when `title` is a king's and a prince's title starts at `tok`: the two name two persons
/// (في استقبال خادم الحرمين الشريفين، الأمير فلان: the prince received the king).
fn king_then_prince(a: &Analysis<'_>, title: u32, tok: usize) -> bool {
    a.dict.titles[title as usize].role == "king" && matches!(a.word(tok), "الامير" | "الاميره")
}

/// Gives the titles that name nobody yet the person named right before them (a title after a
/// name), then shares holders along chains of titles.
fn link_titles_after_names(a: &Analysis<'_>, out: &mut [Mention], titles: &[usize]) {
    let at = starting_at(out, a.seg.tokens.len());
    // a title after a name (عادل الجبير وزير الخارجية، سمير جعجع رئيس حزب القوات) is that
    // person's, unless the dictionary gives the office to someone else that day
    let persons: Vec<(usize, &Mention)> = out
        .iter()
        .enumerate()
        .filter(|(_, m)| match m.kind {
            MentionKind::NewPerson { .. } => true,
            MentionKind::Entity(e) => a.dict.entities[e as usize].kind == Kind::Person,
            _ => false,
        })
        .collect();
    let persons_ending: std::collections::HashMap<usize, usize> =
        persons.iter().map(|(i, m)| (m.last, *i)).collect();
    let persons_starting: std::collections::HashMap<usize, usize> =
        persons.iter().map(|(i, m)| (m.first, *i)).collect();
    // the tokens of a title's complement: other titles, adjectives, places, countries and
    // organizations, prepositions (not an event word, a date or a person)
    let mut covered_by_other = vec![false; a.seg.tokens.len()];
    for m in out.iter() {
        let complement = match m.kind {
            MentionKind::Entity(e) => a.dict.entities[e as usize].kind != Kind::Person,
            MentionKind::Title { .. }
            | MentionKind::Nationality(_)
            | MentionKind::NewOrganization { .. } => true,
            MentionKind::Cue(c) => {
                matches!(a.dict.cues[c as usize].cue.as_str(), "to" | "in" | "at")
            }
            _ => false,
        };
        if complement {
            for c in &mut covered_by_other[m.first..m.last.min(a.seg.tokens.len())] {
                *c = true;
            }
        }
    }
    let date = a.published();
    for &ti in titles {
        let MentionKind::Title {
            title,
            of,
            holder: None,
            ..
        } = out[ti].kind
        else {
            continue;
        };
        let t = &a.dict.titles[title as usize];
        if t.kind != TitleKind::Office {
            continue;
        }
        let first = out[ti].first;
        // بنائب رئيس الوزراء: a title with a preposition is an object, not an apposition
        if a.keys[first].prefix_len > 0 {
            continue;
        }
        let comma = first > 0 && matches!(a.word(first - 1), "،" | ",");
        let before = if comma { first - 1 } else { first };
        let Some(&p) = persons_ending.get(&before) else {
            continue;
        };
        if out[p].sentence != out[ti].sentence {
            continue;
        }
        // دعا الرئيس هادي، المبعوث الأممي إلى اليمن إسماعيل ولد الشيخ أحمد: the title names
        // the person right after it and its complement (words other mentions cover: an
        // adjective, a country, a preposition), not the one before
        let last = out[ti].last;
        let mut names_next = None;
        for (t, &complement) in covered_by_other.iter().enumerate().skip(last).take(5) {
            if let Some(&p) = persons_starting.get(&t) {
                names_next = Some(p);
                break;
            }
            if !complement {
                break;
            }
        }
        if let Some(next) = names_next {
            if let MentionKind::Title { holder, .. } = &mut out[ti].kind {
                *holder = Some(next);
            }
            continue;
        }
        let someone_else = match (&out[p].kind, of, date) {
            (MentionKind::Entity(e), Some(o), Some(d)) => {
                let holders = a.dict.holders(&t.role, &a.dict.entities[o as usize].id, &d);
                !holders.is_empty() && !holders.contains(&a.dict.entities[*e as usize].id.as_str())
            }
            _ => false,
        };
        if !someone_else {
            if let MentionKind::Title { holder, .. } = &mut out[ti].kind {
                *holder = Some(p);
            }
        }
    }
    // chains of titles share the holder: ولي العهد الأمير محمد → both name the same person
    for i in (0..titles.len()).rev() {
        let ti = titles[i];
        let (
            MentionKind::Title {
                holder: None,
                title: this_title,
                ..
            },
            last,
        ) = (&out[ti].kind, out[ti].last)
        else {
            continue;
        };
        let this_title = *this_title;
        // … but not across a preposition or a counterpart: وزير الخارجية السعودي بنظيره الروسي
        // names two persons
        let next = titles.get(i + 1).copied().filter(|&tj| {
            let between = out[tj].first.saturating_sub(last);
            let MentionKind::Title { title: nt, .. } = out[tj].kind else {
                return false;
            };
            let joined =
                a.keys[out[tj].first].prefix_len == 0 || a.word(out[tj].first).starts_with('و');
            // … nor across an event word or a preposition: تلقى نائب الملك الاتصالات من
            // الشيخ فلان (the caller is not the deputy)
            let parted = (last..out[tj].first).any(|t| {
                at[t].iter().any(|&i| match out[i].kind {
                    MentionKind::Trigger(_) => true,
                    MentionKind::Cue(c) => a.dict.cues[c as usize].cue != "former",
                    _ => false,
                })
            });
            between <= 2
                && !parted
                && !king_then_prince(a, this_title, out[tj].first)
                && out[tj].sentence == out[ti].sentence
                && joined
                && a.dict.titles[nt as usize].kind != TitleKind::Counterpart
        });
        if let Some(tj) = next {
            if let MentionKind::Title {
                holder: Some(h), ..
            } = out[tj].kind
            {
                if let MentionKind::Title { holder, .. } = &mut out[ti].kind {
                    *holder = Some(h);
                }
            }
        }
    }
}

/// Links the titles that follow a name (إسماعيل ولد الشيخ أحمد، المبعوث الأممي) and those of
/// a chain (ولي العهد الأمير محمد), once the title and name extractors have found every person:
/// a title after a name takes it unless a name follows the title itself.
pub struct TitleAfterNameExtractor;

impl Extractor for TitleAfterNameExtractor {
    fn name(&self) -> &'static str {
        "titles after names"
    }

    fn extract(&self, a: &Analysis<'_>, out: &mut Vec<Mention>) {
        let titles = titles_naming_persons(a, out);
        link_titles_after_names(a, out, &titles);
    }
}
