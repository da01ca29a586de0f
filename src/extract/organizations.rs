//! The organization extractor: organizations no dictionary lists, found by the shape of their
//! names — a head noun (وزارة، رئاسة، مجلس، هيئة، لجنة، جامعة، منظمة، حركة، حزب، وكالة…) in a
//! construct chain with the words that follow it (`رئاسة الجمهورية`, `وزارة الخارجية المصرية`,
//! `هيئة الهلال الأحمر`). A nationality adjective in the chain gives the organization's country.

use super::{starting_at, Analysis, Extractor, Mention, MentionKind};
use crate::segment::TokenKind;

/// Finds organizations by the shape of their names.
pub struct OrganizationExtractor;

/// Head nouns of organization names (normalised, without the article).
pub(crate) const HEADS: &[&str] = &[
    "وزاره",
    "رئاسه",
    "مجلس",
    "هيئه",
    "لجنه",
    "جامعه",
    "منظمه",
    "حركه",
    "حزب",
    "جماعه",
    "وكاله",
    "مؤسسه",
    "اتحاد",
    "بنك",
    "صندوق",
    "محكمه",
    "شركه",
    "جمعيه",
    "مركز",
    "معهد",
    "ديوان",
    "امانه",
    "مفوضيه",
    "قياده",
    "الحرس",
    "جبهه",
    "تحالف",
    "برلمان",
    "سفاره",
    "قنصليه",
    "بلديه",
    "اماره",
    "غرفه",
    "ندوه",
    "جائزه",
    "مستشفي",
    "مطار",
    "مدينه",
    "كليه",
    "مكتبه",
    "مجمع",
    "ميناء",
    "قاعده",
    "دار",
    "صحيفه",
    "قناه",
    "اذاعه",
    "نادي",
    "رابطه",
    "مصلحه",
    "اداره",
    "اكاديميه",
    "برنامج",
];

/// Heads that are kept in [`HEADS`] (a word ل + one of them is no name part) but head no
/// organization name here: برنامج names a programme.
const NOT_ORGANIZATION_HEADS: &[&str] = &["برنامج"];

/// Heads that, with the article and only adjectives after them, describe rather than name:
/// الحركة التجارية، القيادة الحكيمة، الإدارة الشبابية (but الإدارة الأميركية, with a
/// nationality, is the US administration).
const DESCRIPTIVE_WITH_ARTICLE: &[&str] = &[
    "حركه",
    "قياده",
    "اداره",
    "جائزه",
    "ندوه",
    "قاعده",
    "دار",
    "غرفه",
];

/// True when a token key is one of [`HEADS`] (a set: the list scanned with `memcmp` per token
/// cost more than the rest of the extractor).
pub(crate) fn is_head(key: &str) -> bool {
    static SET: std::sync::OnceLock<foldhash::HashSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| HEADS.iter().copied().collect())
        .contains(key)
}

impl Extractor for OrganizationExtractor {
    fn name(&self) -> &'static str {
        "organizations"
    }

    fn extract(&self, a: &Analysis<'_>, out: &mut Vec<Mention>) {
        let n = a.seg.tokens.len();
        let at = starting_at(out, n);
        let mut covered = vec![false; n];
        for m in out.iter() {
            if !matches!(m.kind, MentionKind::Cue(_)) {
                for c in covered.iter_mut().take(m.last.min(n)).skip(m.first) {
                    *c = true;
                }
            }
        }
        let mut t = 0;
        while t < n {
            let head = a.key(t);
            if covered[t]
                || a.seg.tokens[t].kind != TokenKind::Word
                || !is_head(head)
                || NOT_ORGANIZATION_HEADS.contains(&head)
            {
                t += 1;
                continue;
            }
            // the chain: words with the article, a preposition or conjunction glued to the article
            // (للعلوم، والتقنية), a nationality adjective, or a king or prince the institution
            // is named after (جامعة الملك عبدالله), at most seven words
            let sentence = a.seg.tokens[t].sentence;
            let mut end = t + 1;
            let mut named_after = false;
            // whether the chain holds more than adjectives: a nationality or a complement glued
            // to a preposition (للعلوم)
            let mut complemented = false;
            while end < n
                && end - t <= 7
                && a.seg.tokens[end].sentence == sentence
                && a.seg.tokens[end].kind == TokenKind::Word
            {
                let w = a.word(end);
                if !named_after
                    && matches!(w, "الملك" | "الامير" | "الشيخ" | "السلطان")
                    && end + 1 < n
                    && a.seg.tokens[end + 1].kind == TokenKind::Word
                {
                    // named after a person: the title and the name (and a بن chain) belong to it
                    named_after = true;
                    end += 2;
                    while end + 1 < n && matches!(a.word(end), "بن" | "ال") {
                        end += 2;
                    }
                    continue;
                }
                let glued = ["لل", "وال", "بال"].iter().any(|p| w.starts_with(p)) && end > t + 1;
                let nationality = at[end]
                    .iter()
                    .any(|&i| matches!(out[i].kind, MentionKind::Nationality(_)));
                let known = at[end].iter().any(|&i| {
                    matches!(
                        out[i].kind,
                        MentionKind::Entity(_)
                            | MentionKind::Title { .. }
                            | MentionKind::Trigger(_)
                            | MentionKind::Cue(_)
                    )
                });
                if known && !nationality {
                    break;
                }
                // a construct chain: the article, no conjunction or preposition glued on
                if !(w.starts_with("ال") || nationality || glued) {
                    break;
                }
                complemented |= nationality || glued;
                end += 1;
            }
            // a described head: with the article, and only adjectives after it (no nationality,
            // no complement glued to a preposition, no person it is named after)
            let described = DESCRIPTIVE_WITH_ARTICLE.contains(&head)
                && a.keys[t].had_article
                && !named_after
                && !complemented;
            // مدينة names a city, and an institution only when named after a person (مدينة
            // الملك عبدالعزيز للعلوم والتقنية، مدينة الملك فهد الطبية)
            let city = head == "مدينه" && !named_after;
            if end > t + 1 && !described && !city {
                // the head without the preposition or conjunction glued to it (باتحاد، للاتحاد,
                // والهيئة): the same institution whatever the word before it
                let k = &a.keys[t];
                let head = if k.elided_article {
                    format!("ال{}", a.key(t))
                } else {
                    a.word(t)[k.prefix_len..].to_string()
                };
                let name = std::iter::once(head.as_str())
                    .chain((t + 1..end).map(|i| a.word(i)))
                    .collect::<Vec<_>>()
                    .join(" ");
                let country = (t..end).find_map(|i| {
                    at[i].iter().find_map(|&j| match out[j].kind {
                        MentionKind::Nationality(c) => Some(c),
                        _ => None,
                    })
                });
                out.push(Mention::over(
                    a,
                    t,
                    end,
                    MentionKind::NewOrganization { name, country },
                    self.name(),
                    format!("organization name headed by {:?}", a.word(t)),
                ));
                t = end;
            } else {
                t += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::MentionKind;
    use crate::Pipeline;

    /// The names of the organizations found by their shape in a text.
    fn organizations(p: &Pipeline, text: &str) -> Vec<String> {
        let doc = crate::read::parse_article("t".into(), text, 0, "test");
        let (_, mentions) = p.mentions(&doc);
        mentions
            .into_iter()
            .filter_map(|m| match m.kind {
                MentionKind::NewOrganization { name, .. } => Some(name),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_description_or_a_city_is_no_organization() {
        let p = Pipeline::builtin().unwrap();
        // the head with the article and adjectives only: a description
        assert!(organizations(
            &p,
            "عنوان\nوشهدت الحركة التجارية تحسنا في المدينة القديمة.\n"
        )
        .is_empty());
        assert!(organizations(&p, "عنوان\nوقال إن البرنامج النووي الإيراني سلمي.\n").is_empty());
        // with a nationality it names one (the US administration)
        assert_eq!(
            organizations(&p, "عنوان\nوأعلنت الإدارة الأميركية موقفها.\n"),
            ["الاداره الاميركيه"]
        );
        // مدينة named after a king is an institution, not a city
        assert_eq!(
            organizations(
                &p,
                "عنوان\nوقال رئيس مدينة الملك عبدالعزيز للعلوم والتقنية إن البحث مستمر.\n"
            ),
            ["مدينه الملك عبدالعزيز للعلوم والتقنيه"]
        );
    }
}
