//! A filter of char n-grams: the first or the last chars of a set of words, so that a scan
//! over every token or boundary of a text asks its dearer question (a hash lookup, an
//! automaton search) only where one of the words may be.

/// A set of runs of `N` chars kept as 4096 bits: it may answer yes for a run it does not hold,
/// never no for one it holds. A word too short to have a run lets every word through.
#[derive(Debug, Clone)]
pub(crate) struct CharGrams<const N: usize> {
    bits: [u64; 64],
    any: bool,
}

/// The filter of pairs of chars.
pub(crate) type CharPairs = CharGrams<2>;

impl<const N: usize> CharGrams<N> {
    /// The filter of these runs (`None` for a word shorter than `N` chars).
    pub(crate) fn of(runs: impl IntoIterator<Item = Option<[char; N]>>) -> Self {
        let mut set = CharGrams {
            bits: [0; 64],
            any: false,
        };
        for run in runs {
            match run {
                Some(r) => {
                    let i = Self::slot(r);
                    set.bits[i / 64] |= 1 << (i % 64);
                }
                None => set.any = true,
            }
        }
        set
    }

    /// False only when the run is surely not in the set (`None`: a word without a run, in the
    /// set only when a word of the set has none either).
    pub(crate) fn may_hold(&self, run: Option<[char; N]>) -> bool {
        self.any
            || run.is_some_and(|r| {
                let i = Self::slot(r);
                self.bits[i / 64] & (1 << (i % 64)) != 0
            })
    }

    fn slot(run: [char; N]) -> usize {
        run.iter()
            .fold(0usize, |h, &c| h.wrapping_mul(131) ^ c as usize)
            .wrapping_mul(0x9E37_79B9)
            % 4096
    }
}

/// The first `N` chars of a word.
pub(crate) fn first<const N: usize>(word: &str) -> Option<[char; N]> {
    let mut cs = word.chars();
    let mut run = ['\0'; N];
    for c in run.iter_mut() {
        *c = cs.next()?;
    }
    Some(run)
}

/// The last `N` chars of a word, in order.
pub(crate) fn last<const N: usize>(word: &str) -> Option<[char; N]> {
    let mut cs = word.chars().rev();
    let mut run = ['\0'; N];
    for c in run.iter_mut().rev() {
        *c = cs.next()?;
    }
    Some(run)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_holds_every_pair_given_and_lets_short_words_through() {
        let words = ["فهمي", "بوش", "لافروف"];
        let ends = CharPairs::of(words.iter().map(|w| last::<2>(w)));
        for w in ["فهمي", "وفهمي", "لبوش", "والبوش", "لافروف"] {
            assert!(ends.may_hold(last::<2>(w)), "{w}");
        }
        // a filter, not a set: it may pass other words, but these end otherwise
        let passed = ["قال", "أن", "الرئيس", "ي", ""]
            .iter()
            .filter(|w| ends.may_hold(last::<2>(w)))
            .count();
        assert_eq!(passed, 0);
        let starts = CharPairs::of(["من", "يناير"].iter().map(|w| first::<2>(w)));
        assert!(starts.may_hold(first::<2>("منذ")) && starts.may_hold(first::<2>("ينا")));
        assert!(!starts.may_hold(first::<2>("قال")) && !starts.may_hold(first::<2>("م")));
        let with_short = CharPairs::of(["فهمي", "ي"].iter().map(|w| last::<2>(w)));
        assert!(with_short.may_hold(last::<2>("قال")) && with_short.may_hold(None));
        assert_eq!(last::<3>("بوتين"), Some(['ت', 'ي', 'ن']));
        assert_eq!(first::<4>("الأول"), Some(['ا', 'ل', 'أ', 'و']));
        assert_eq!(first::<4>("من"), None);
        let quads = CharGrams::<4>::of([first("الاول"), first("الثاني")]);
        assert!(quads.may_hold(first("الاولى")) && !quads.may_hold(first("الحكومه")));
    }
}
