//! The organization extractor: organizations no dictionary lists, found by the shape of their
//! names — a head noun (وزارة، رئاسة، مجلس، هيئة، لجنة، جامعة، منظمة، حركة، حزب، وكالة…) in a
//! construct chain with the words that follow it (`رئاسة الجمهورية`, `وزارة الخارجية المصرية`,
//! `هيئة الهلال الأحمر`). A nationality adjective in the chain gives the organization's country.

use super::{starting_at, Analysis, Extractor, Mention, MentionKind};
use crate::segment::TokenKind;

/// Finds organizations by the shape of their names.
pub struct OrganizationExtractor;

/// Head nouns of organization names (normalised, without the article).
const HEADS: &[&str] = &[
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
];

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
            let head = &a.keys[t].key;
            if covered[t]
                || a.seg.tokens[t].kind != TokenKind::Word
                || !HEADS.contains(&head.as_str())
            {
                t += 1;
                continue;
            }
            // the chain: words with the article (or a nationality adjective), at most four
            let sentence = a.seg.tokens[t].sentence;
            let mut end = t + 1;
            while end < n
                && end - t <= 4
                && a.seg.tokens[end].sentence == sentence
                && a.seg.tokens[end].kind == TokenKind::Word
            {
                let w = a.word(end);
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
                if !(w.starts_with("ال") || nationality) {
                    break;
                }
                end += 1;
                if nationality {
                    break;
                }
            }
            if end > t + 1 {
                let name = (t..end).map(|i| a.word(i)).collect::<Vec<_>>().join(" ");
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
