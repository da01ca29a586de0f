//! The dictionary extractor: turns lexicon matches into mentions of entities, nationality
//! adjectives, titles, event triggers and cue words.

use super::{Analysis, Extractor, Mention, MentionKind};
use crate::dictionary::Hit;

/// Finds everything the dictionaries name.
pub struct DictionaryExtractor;

impl Extractor for DictionaryExtractor {
    fn name(&self) -> &'static str {
        "dictionary"
    }

    fn extract(&self, a: &Analysis<'_>, out: &mut Vec<Mention>) {
        // entities named unambiguously somewhere in the document
        let named: std::collections::HashSet<u32> = a
            .matches
            .iter()
            .filter(|m| {
                m.hits
                    .iter()
                    .filter(|h| matches!(h, Hit::Entity(_)))
                    .count()
                    == 1
            })
            .flat_map(|m| {
                m.hits.iter().filter_map(|h| {
                    if let Hit::Entity(e) = h {
                        Some(*e)
                    } else {
                        None
                    }
                })
            })
            // (a nationality adjective names its country too: الأردني → Jordan)
            .chain(a.matches.iter().flat_map(|m| {
                m.hits.iter().filter_map(|h| {
                    if let Hit::Demonym(c) = h {
                        Some(*c)
                    } else {
                        None
                    }
                })
            }))
            .collect();
        for m in &a.matches {
            let written_with_article = a.keys[m.first].had_article;
            // a person's, a country's or a place's name does not take the article unless the
            // dictionary writes it so: الكاميرون is Cameroon, not Cameron
            // and a place written with the article needs it in the text: الرقة is Raqqa, ورقة
            // is "and a paper"; الخرج is Al-Kharj, خرج is "went out"
            let person_ok = |e: u32, i: usize| {
                let kind = a.dict.entities[e as usize].kind;
                if matches!(
                    kind,
                    crate::dictionary::Kind::Person
                        | crate::dictionary::Kind::Country
                        | crate::dictionary::Kind::Place
                ) {
                    // الأسد is Assad, أسد is a lion; المالي is "the financial", not Mali
                    written_with_article == m.articled[i]
                } else {
                    !m.articled[i] || written_with_article
                }
            };
            // a name inside a longer nasab is someone else's: سلطان بن [سلمان بن عبدالعزيز]
            let inside_nasab = m.first > 0
                && a.seg.tokens[m.first - 1].kind == crate::segment::TokenKind::Word
                && matches!(
                    a.word(m.first - 1),
                    "بن" | "ابن" | "بنت" | "ابو" | "عبد" | "ولد"
                );
            // a nasab alias (بن صالح) after a given name belongs to that name: منصور بن صالح
            let nasab_alias = matches!(a.word(m.first), "بن" | "ابن" | "بنت")
                && m.first > 0
                && a.seg.tokens[m.first - 1].kind == crate::segment::TokenKind::Word;
            // a one-word alias that is a given name, followed by the connector of a nasab or
            // of a compound name (عباس عبد الحسين، عباس بن فرناس), is another person's given
            // name: the names extractor reads the whole name
            let given_of_another = m.last - m.first == 1
                && m.last < a.seg.tokens.len()
                && (a.dict.given_names.contains(a.word(m.first))
                    || a.dict.given_names.contains(a.key(m.first)))
                && a.seg.tokens[m.last].kind == crate::segment::TokenKind::Word
                && matches!(a.word(m.last), "عبد" | "بن" | "ابن" | "ابو");
            let person_blocked = inside_nasab || nasab_alias || given_of_another;
            // a name shared by a country and a city (عمان: Oman and Amman) is the city when the
            // document names the city's country and not the other
            let preferred: Option<u32> = {
                let ents: Vec<u32> = m
                    .hits
                    .iter()
                    .filter_map(|h| {
                        if let Hit::Entity(e) = h {
                            Some(*e)
                        } else {
                            None
                        }
                    })
                    .collect();
                ents.iter().copied().find(|&e| {
                    let ent = &a.dict.entities[e as usize];
                    ent.kind == crate::dictionary::Kind::Place
                        && ent
                            .within
                            .as_deref()
                            .and_then(|w| a.dict.position(w))
                            .is_some_and(|w| named.contains(&(w as u32)))
                        && ents.iter().any(|&o| {
                            o != e
                                && a.dict.entities[o as usize].kind
                                    == crate::dictionary::Kind::Country
                                && !named.contains(&o)
                        })
                })
            };
            let first_has_article = a.keys[m.first].had_article;
            // the first entity hit wins (hits are ordered person, country, organization, place)
            let mut entity_done = false;
            let mut title_done = false;
            let mut trigger_done = false;
            let mut cues_done: Vec<&str> = Vec::new();
            for (hi, hit) in m.hits.iter().enumerate() {
                if let Hit::Entity(e) = hit {
                    let person =
                        a.dict.entities[*e as usize].kind == crate::dictionary::Kind::Person;
                    if (person && person_blocked) || !person_ok(*e, hi) {
                        continue;
                    }
                }
                let (kind, why) = match *hit {
                    Hit::Entity(e) if !entity_done && preferred.is_none_or(|p| p == e) => {
                        entity_done = true;
                        let ent = &a.dict.entities[e as usize];
                        (
                            MentionKind::Entity(e),
                            // (joined, not formatted: there is one for most matches)
                            [ent.id.as_str(), " (", ent.origin.as_str(), ")"].concat(),
                        )
                    }
                    Hit::Demonym(c) => (
                        MentionKind::Nationality(c),
                        ["nationality of ", a.dict.entities[c as usize].id.as_str()].concat(),
                    ),
                    Hit::Title(t) if !title_done => {
                        let title = &a.dict.titles[t as usize];
                        // الرئيس only matches a word written with the article: رئيس alone is "head of"
                        let multiword = m.last - m.first > 1;
                        if title.needs_article && !first_has_article && !multiword {
                            continue;
                        }
                        // after عبد it is the divine part of a given name (عبد الملك), after آل a
                        // family's name (آل الشيخ): no title
                        if !multiword && first_has_article && inside_name(a, m.first) {
                            continue;
                        }
                        if !title.needs_article
                            && first_has_article
                            && !multiword
                            && title
                                .title
                                .chars()
                                .next()
                                .is_some_and(crate::normalize::is_arabic_letter)
                        {
                            continue;
                        }
                        title_done = true;
                        (
                            MentionKind::Title {
                                title: t,
                                of: title
                                    .of
                                    .as_deref()
                                    .and_then(|id| a.dict.position(id))
                                    .map(|i| i as u32),
                                of_mention: None,
                                holder: None,
                                former: false,
                                dependent: false,
                            },
                            format!("title {:?}", title.title),
                        )
                    }
                    // a verb takes no article: للتوجه إلى is the noun, not the verb توجه
                    // (التقى starts with the letters of the article)
                    Hit::Trigger(t)
                        if !trigger_done
                            && (!first_has_article
                                || !a.dict.triggers[t as usize].aspect.is_verb()
                                || a.dict.triggers[t as usize].form.starts_with("ال")) =>
                    {
                        trigger_done = true;
                        (
                            MentionKind::Trigger(t),
                            format!("trigger {:?}", a.dict.triggers[t as usize].form),
                        )
                    }
                    Hit::Cue(c) => {
                        let cue = a.dict.cues[c as usize].cue.as_str();
                        if cues_done.contains(&cue) {
                            continue;
                        }
                        cues_done.push(cue);
                        (MentionKind::Cue(c), ["cue ", cue].concat())
                    }
                    _ => continue,
                };
                // العاصمة الروسية: the capital named by its country's adjective is that city
                if let MentionKind::Nationality(c) = kind {
                    if let Some(city) = capital_before(a, m.first, c) {
                        out.push(Mention::over(
                            a,
                            m.first - 1,
                            m.last,
                            MentionKind::Entity(city),
                            self.name(),
                            ["capital of ", a.dict.entities[c as usize].id.as_str()].concat(),
                        ));
                    }
                }
                out.push(Mention::over(a, m.first, m.last, kind, self.name(), why));
            }
        }
        kingdom_short_forms(a, out, self.name());
    }
}

/// المملكة alone stands for the kingdom the document named in full before it (المملكة العربية
/// السعودية، المملكة الأردنية الهاشمية، مملكة البحرين), as agency reports shorten it: each such
/// word becomes a mention of that country. Where no kingdom was named before, it stays unnamed.
fn kingdom_short_forms(a: &Analysis<'_>, out: &mut Vec<Mention>, extractor: &'static str) {
    let short: Vec<usize> = (0..a.seg.tokens.len())
        .filter(|&t| {
            a.keys[t].had_article
                && a.seg.tokens[t].kind == crate::segment::TokenKind::Word
                && a.key(t) == "مملكه"
        })
        .collect();
    if short.is_empty() {
        return;
    }
    let country = |m: &Mention| match m.kind {
        MentionKind::Entity(e)
            if a.dict.entities[e as usize].kind == crate::dictionary::Kind::Country =>
        {
            Some(e)
        }
        _ => None,
    };
    // the countries named as kingdoms in full, by where they end
    let mut kingdoms: Vec<(usize, u32)> = out
        .iter()
        .filter_map(|m| {
            let e = country(m)?;
            let first = crate::normalize::normalize(a.original_word(m.first));
            let named_so = m.last - m.first > 1
                && [
                    "المملكه",
                    "مملكه",
                    "والمملكه",
                    "بالمملكه",
                    "للمملكه",
                    "لمملكه",
                ]
                .contains(&first.as_str());
            named_so.then_some((m.last, e))
        })
        .collect();
    kingdoms.sort_unstable();
    for t in short {
        let covered = out
            .iter()
            .any(|m| m.first <= t && t < m.last && country(m).is_some());
        let before = kingdoms.partition_point(|&(end, _)| end <= t);
        if covered || before == 0 {
            continue;
        }
        let e = kingdoms[before - 1].1;
        out.push(Mention::over(
            a,
            t,
            t + 1,
            MentionKind::Entity(e),
            extractor,
            [
                "the kingdom named before: ",
                a.dict.entities[e as usize].id.as_str(),
            ]
            .concat(),
        ));
    }
}

/// True when the token before `tok`, in its sentence, is عبد or آل (normalised ال; with or
/// without a conjunction or preposition): `tok` is then the second word of a given name (عبد
/// الملك، عبد الأمير) or of a family's name (آل الشيخ).
fn inside_name(a: &Analysis<'_>, tok: usize) -> bool {
    tok > 0
        && a.seg.tokens[tok - 1].sentence == a.seg.tokens[tok].sentence
        && matches!(
            a.word(tok - 1),
            "عبد"
                | "وعبد"
                | "فعبد"
                | "لعبد"
                | "بعبد"
                | "ولعبد"
                | "وبعبد"
                | "ال"
                | "وال"
                | "لال"
        )
}

/// The capital city of `country` when the word before `tok` is العاصمة (with or without its
/// preposition: في العاصمة الروسية، إلى العاصمة الروسية) and the dictionary knows that capital.
fn capital_before(a: &Analysis<'_>, tok: usize, country: u32) -> Option<u32> {
    if tok == 0 || a.key(tok - 1) != "عاصمه" || !a.keys[tok - 1].had_article {
        return None;
    }
    let city = a.dict.capitals.get(&a.dict.entities[country as usize].id)?;
    a.dict.position(city).map(|i| i as u32)
}

#[cfg(test)]
mod tests {
    use crate::dictionary::Kind;
    use crate::extract::MentionKind;
    use crate::Pipeline;

    /// The ids of the countries and places a text names.
    fn places(p: &Pipeline, text: &str) -> Vec<String> {
        let doc = crate::read::parse_article("t".into(), text, 0, "test");
        let (a, mentions) = p.mentions(&doc);
        mentions
            .iter()
            .filter_map(|m| match m.kind {
                MentionKind::Entity(e)
                    if matches!(
                        a.dict.entities[e as usize].kind,
                        Kind::Country | Kind::Place
                    ) =>
                {
                    Some(a.dict.entities[e as usize].id.clone())
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_country_written_without_the_article_does_not_take_it() {
        let p = Pipeline::builtin().unwrap();
        assert_eq!(
            places(&p, "وزار الرئيس مالي الأسبوع الماضي."),
            ["country:mali"]
        );
        // المالي is "the financial"
        assert!(places(&p, "وتحسن الوضع المالي للشركة.").is_empty());
        // and a name written with the article keeps needing it
        assert_eq!(places(&p, "ووصل الوفد إلى العراق."), ["country:iraq"]);
    }

    #[test]
    fn the_kingdom_alone_is_the_one_named_in_full_before() {
        let p = Pipeline::builtin().unwrap();
        assert_eq!(
            places(
                &p,
                "وأشاد الوزير بجهود المملكة الأردنية الهاشمية. وقال إن المملكة شريك أساسي."
            ),
            ["country:jordan", "country:jordan"]
        );
        // with no kingdom named before, it names none
        assert!(places(&p, "وقال إن المملكة شريك أساسي.").is_empty());
    }
}
