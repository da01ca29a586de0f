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

const PREFIXES: [&str; 12] = [
    "", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك",
];

/// Removes a leading article `ال` when at least two letters remain.
pub fn strip_article(s: &str) -> (&str, bool) {
    match s.strip_prefix("ال") {
        Some(rest) if rest.chars().count() >= 2 => (rest, true),
        _ => (s, false),
    }
}

/// The candidate splits of a normalised word, least stripped first.
///
/// Stems left after removing a conjunction or preposition have at least three letters.
pub fn clitic_splits(word: &str) -> impl Iterator<Item = CliticSplit<'_>> {
    PREFIXES.iter().flat_map(move |p| {
        let mut out: [Option<CliticSplit<'_>>; 2] = [None, None];
        if let Some(rest) = word.strip_prefix(p) {
            let letters = rest.chars().count();
            // the conjunction alone may take a two-letter stem (وشي جين بينغ)
            if p.is_empty() || letters >= 3 || (*p == "و" && letters == 2) {
                let (key, had_article) = strip_article(rest);
                out[0] = Some(CliticSplit {
                    prefix_len: p.len(),
                    key,
                    had_article,
                    elided_article: false,
                });
            }
            // لل = ل + ال: للصين is ل + الصين
            if p.ends_with('ل') && !p.is_empty() && rest.starts_with('ل') && letters >= 3 {
                out[1] = Some(CliticSplit {
                    prefix_len: p.len(),
                    key: &rest['ل'.len_utf8()..],
                    had_article: true,
                    elided_article: true,
                });
            }
        }
        out.into_iter().flatten()
    })
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

    #[test]
    fn short_stems_are_not_split() {
        // بان (Ban) must not become ب + ان
        assert_eq!(keys("بان"), vec![(0, "بان")]);
    }
}
