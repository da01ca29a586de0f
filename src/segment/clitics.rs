//! Arabic proclitics: the conjunctions و ف, the prepositions ب ل ك, and the article ال.
//!
//! A written word such as `وبالصين` is `و` + `ب` + `ال` + `صين`. Dictionary keys are stems with
//! the article removed; a word is looked up by its candidate splits, the least stripped first, so
//! that `لافروف` stays Lavrov (the whole word is known) while `لموسكو` finds Moscow.

/// One way to split a word into proclitics and a stem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CliticSplit<'a> {
    /// Bytes of conjunction and preposition prefixes (not the article).
    pub prefix_len: usize,
    /// The stem with the article removed (the lookup key).
    pub key: &'a str,
    /// True when an article (ال, or the ل of لل) was removed.
    pub had_article: bool,
    /// True when the prefix ends in ل + ال written as لل (the alef is elided in writing).
    pub elided_article: bool,
}

/// The proclitic prefixes, in the order their splits are tried: the empty one, one letter, then
/// a conjunction followed by a preposition.
#[cfg(test)]
const PREFIXES: [&str; 12] = [
    "", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك",
];

/// Removes a leading article `ال` when at least two letters remain, except from `الله`
/// (God, as in عبد الله), whose `ال` is not an article that comes and goes: without it the
/// word would read as `له` ("to him").
pub fn strip_article(s: &str) -> (&str, bool) {
    strip_article_counted(s, s.chars().count())
}

/// [`strip_article`] of a string of `letters` chars.
fn strip_article_counted(s: &str, letters: usize) -> (&str, bool) {
    match s.strip_prefix("ال") {
        Some(rest) if letters >= 4 && rest != "له" => (rest, true),
        _ => (s, false),
    }
}

/// The candidate splits of a normalised word, least stripped first.
///
/// Stems left after removing a conjunction or preposition have at least three letters.
pub fn clitic_splits(word: &str) -> CliticSplits<'_> {
    let mut chars = word.chars();
    let (c1, c2) = (chars.next(), chars.next());
    // the prefixes the word starts with: one letter (و ف ب ل ك), then two (و or ف, then ب ل ك)
    let one = matches!(c1, Some('و' | 'ف' | 'ب' | 'ل' | 'ك'));
    let two = matches!(c1, Some('و' | 'ف')) && matches!(c2, Some('ب' | 'ل' | 'ك'));
    CliticSplits {
        word,
        letters: word.chars().count(),
        next_prefix: 0,
        prefixes: 1 + usize::from(one) + usize::from(two),
        elided: None,
    }
}

/// The iterator of [`clitic_splits`].
#[derive(Debug, Clone)]
pub struct CliticSplits<'a> {
    word: &'a str,
    /// Chars in `word`.
    letters: usize,
    /// Letters in the next prefix to try (0, 1 or 2).
    next_prefix: usize,
    /// How many prefixes the word starts with, the empty one included.
    prefixes: usize,
    /// The لل split of the last prefix tried, given after its plain split.
    elided: Option<CliticSplit<'a>>,
}

impl<'a> Iterator for CliticSplits<'a> {
    type Item = CliticSplit<'a>;

    fn next(&mut self) -> Option<CliticSplit<'a>> {
        loop {
            if let Some(s) = self.elided.take() {
                return Some(s);
            }
            if self.next_prefix >= self.prefixes {
                return None;
            }
            let prefix_letters = self.next_prefix;
            self.next_prefix += 1;
            // every prefix letter is a two-byte char
            let prefix_len = 2 * prefix_letters;
            let rest = &self.word[prefix_len..];
            let letters = self.letters - prefix_letters;
            // لل = ل + ال: للصين is ل + الصين
            if prefix_letters > 0
                && self.word[..prefix_len].ends_with('ل')
                && rest.starts_with('ل')
                && letters >= 3
            {
                self.elided = Some(CliticSplit {
                    prefix_len,
                    key: &rest['ل'.len_utf8()..],
                    had_article: true,
                    elided_article: true,
                });
            }
            // the conjunction alone may take a two-letter stem (وشي جين بينغ)
            if prefix_letters == 0
                || letters >= 3
                || (prefix_letters == 1 && self.word.starts_with('و') && letters == 2)
            {
                let (key, had_article) = strip_article_counted(rest, letters);
                return Some(CliticSplit {
                    prefix_len,
                    key,
                    had_article,
                    elided_article: false,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(w: &str) -> Vec<(usize, &str)> {
        clitic_splits(w).map(|s| (s.prefix_len, s.key)).collect()
    }

    #[test]
    fn whole_word_comes_first() {
        assert_eq!(keys("لافروف")[0], (0, "لافروف"));
        assert!(keys("لموسكو").contains(&(2, "موسكو")));
        assert_eq!(keys("الصين")[0], (0, "صين"));
    }

    #[test]
    fn prepositions_and_articles_combine() {
        assert!(keys("وبالصين").contains(&(4, "صين")));
        assert!(keys("للصين").contains(&(2, "صين")));
        assert!(keys("والرياض").contains(&(2, "رياض")));
    }

    /// The splits as first written: per prefix, the plain split then the لل split.
    fn reference_splits(word: &str) -> Vec<CliticSplit<'_>> {
        let mut v = Vec::new();
        for p in PREFIXES {
            if let Some(rest) = word.strip_prefix(p) {
                let letters = rest.chars().count();
                if p.is_empty() || letters >= 3 || (p == "و" && letters == 2) {
                    let (key, had_article) = match rest.strip_prefix("ال") {
                        Some(r) if r.chars().count() >= 2 && r != "له" => (r, true),
                        _ => (rest, false),
                    };
                    v.push(CliticSplit {
                        prefix_len: p.len(),
                        key,
                        had_article,
                        elided_article: false,
                    });
                }
                if p.ends_with('ل') && !p.is_empty() && rest.starts_with('ل') && letters >= 3 {
                    v.push(CliticSplit {
                        prefix_len: p.len(),
                        key: &rest['ل'.len_utf8()..],
                        had_article: true,
                        elided_article: true,
                    });
                }
            }
        }
        v
    }

    #[test]
    fn splits_match_the_reference() {
        let parts = ["", "و", "ف", "ب", "ل", "ك", "ال", "لل", "ا", "x"];
        let stems = [
            "",
            "ص",
            "صي",
            "صين",
            "موسكو",
            "لافروف",
            "الصين",
            "ab",
            "له",
            "الله",
        ];
        for a in parts {
            for b in parts {
                for c in parts {
                    for stem in stems {
                        let w = format!("{a}{b}{c}{stem}");
                        assert_eq!(
                            clitic_splits(&w).collect::<Vec<_>>(),
                            reference_splits(&w),
                            "{w}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn allah_keeps_its_article() {
        // عبد الله is not عبد + له, and والله not و + ال + له
        assert_eq!(keys("الله"), vec![(0, "الله")]);
        assert!(keys("والله").contains(&(2, "الله")));
        assert!(!keys("والله").iter().any(|&(_, k)| k == "له"));
        assert_eq!(strip_article("الله"), ("الله", false));
        assert_eq!(strip_article("اللهب"), ("لهب", true));
    }

    #[test]
    fn short_stems_are_not_split() {
        // بان (Ban) must not become ب + ان
        assert_eq!(keys("بان"), vec![(0, "بان")]);
    }
}
