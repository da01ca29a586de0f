//! Normalisation of Arabic and Latin text, with a map back to the original offsets.
//!
//! Normalisation only deletes or replaces characters one for one, so every normalised byte
//! maps to exactly one original character: evidence offsets are always recoverable.
//!
//! What it does:
//! - Arabic: drops diacritics (tashkeel), tatweel, Quranic marks; unifies alef forms (أ إ آ ٱ → ا),
//!   ى → ي, ة → ه, Persian/Urdu letters (ی → ي, ک → ك, ڤ → ف, پ → ب, گ → ك, چ → ج);
//! - digits: Arabic-Indic and Persian digits → ASCII;
//! - marks: bidi controls, zero-width characters and the BOM are dropped; curly quotes and
//!   guillemets become `"`, dashes become `-`, every kind of space becomes ` `;
//! - Latin: lower case.

/// Text after normalisation, with a map from each normalised byte to its original char offset.
#[derive(Debug, Clone, Default)]
pub struct NormalizedText {
    /// The normalised text.
    pub text: String,
    /// `map[b]` is the original char offset of the normalised byte `b`; `map[text.len()]` is the
    /// original length in chars.
    map: Vec<u32>,
}

impl NormalizedText {
    /// Normalises `original`.
    pub fn new(original: &str) -> Self {
        Self::build(original, None)
    }

    /// [`new`](Self::new), with the byte offset of each char of `original` and its length at
    /// the end (what maps an original char range to its bytes), found in the same pass.
    pub fn with_char_starts(original: &str) -> (Self, Vec<usize>) {
        let mut starts = Vec::with_capacity(original.len() + 1);
        let norm = Self::build(original, Some(&mut starts));
        starts.push(original.len());
        (norm, starts)
    }

    fn build(original: &str, mut char_starts: Option<&mut Vec<usize>>) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len() + 1);
        let mut count = 0u32;
        let table = low_table();
        for (i, (at, c)) in original.char_indices().enumerate() {
            if let Some(starts) = char_starts.as_deref_mut() {
                starts.push(at);
            }
            count = i as u32 + 1;
            if let Some(n) = normalize_with(table, c) {
                text.push(n);
                map.extend(std::iter::repeat_n(i as u32, n.len_utf8()));
            }
        }
        map.push(count);
        NormalizedText { text, map }
    }

    /// The original char offset of a normalised byte offset (`text.len()` gives the end).
    pub fn original_offset(&self, byte: usize) -> usize {
        self.map[byte.min(self.map.len() - 1)] as usize
    }

    /// The original char range `[start, end)` covered by the normalised byte range.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        if end <= start {
            let o = self.original_offset(start);
            return (o, o);
        }
        (self.original_offset(start), self.map[end - 1] as usize + 1)
    }
}

/// [`normalize_char`] of every char below U+0700 (ASCII, Latin, Greek, Cyrillic, Arabic),
/// looked up rather than matched: most chars of the texts read are there.
fn low_table() -> &'static [Option<char>] {
    static TABLE: std::sync::OnceLock<Vec<Option<char>>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0..0x700u32)
            .map(|u| char::from_u32(u).and_then(normalize_char))
            .collect()
    })
}

/// [`normalize_char`], by [`low_table`] where it holds the char.
#[inline]
fn normalize_with(table: &[Option<char>], c: char) -> Option<char> {
    match table.get(c as usize) {
        Some(&n) => n,
        None => normalize_char(c),
    }
}

/// Normalises one character; `None` drops it.
#[inline]
pub fn normalize_char(c: char) -> Option<char> {
    Some(match c {
        // diacritics, Quranic annotation marks, tatweel, superscript alef
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}' => return None,
        '\u{0640}' => return None,
        // bidi controls, zero-width characters, BOM, soft hyphen
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => return None,
        '\u{FEFF}' | '\u{00AD}' | '\u{061C}' => return None,
        'أ' | 'إ' | 'آ' | 'ٱ' | '\u{0672}' | '\u{0673}' => 'ا',
        'ى' | 'ی' | 'ې' => 'ي',
        'ة' | 'ۃ' => 'ه',
        'ک' | 'گ' => 'ك',
        'ڤ' | 'ڥ' => 'ف',
        'پ' => 'ب',
        'چ' => 'ج',
        'ژ' => 'ز',
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        '“' | '”' | '„' | '‟' | '«' | '»' | '″' | '〝' | '〞' => '"',
        '‘' | '’' | '‚' | '‛' | '′' => '\'',
        '–' | '—' | '‒' | '―' | '−' | '‐' | '‑' => '-',
        '\t' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        '\r' => '\n',
        'A'..='Z' => c.to_ascii_lowercase(),
        // no other capitals here (and `char::is_uppercase` is slow outside ASCII)
        '\0'..='\x7f' | '\u{0600}'..='\u{06FF}' => c,
        _ if c.is_uppercase() => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
        _ => c,
    })
}

/// Normalises a short string (a dictionary name, a query) without keeping a map.
pub fn normalize(s: &str) -> String {
    let table = low_table();
    s.chars().filter_map(|c| normalize_with(table, c)).collect()
}

/// True for letters of the Arabic script.
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}')
}

/// Strips Arabic bidi and zero-width marks and diacritics from a surface form for display,
/// keeping letters exactly as written.
pub fn clean_surface(s: &str) -> String {
    // one pass: marks dropped, each run of spaces made one, none at either end
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if matches!(c,
            '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}'
            | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}' | '\u{061C}')
        {
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_surface_drops_marks_and_makes_one_space_of_each_run() {
        // the definition: marks dropped, then the words joined by one space
        let reference = |s: &str| -> String {
            let kept: String = s
                .chars()
                .filter(|&c| {
                    !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0640}' | '\u{200B}'..='\u{200F}')
                })
                .collect();
            kept.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        for s in [
            "",
            " ",
            "\u{200F} \u{200E}",
            "  فلاديمير   بوتين ",
            "وزيرُ\tالخارجية\n لافروف",
            "جـــديد \u{200F}",
            "a \u{200B} b",
        ] {
            assert_eq!(clean_surface(s), reference(s), "{s:?}");
        }
        assert_eq!(clean_surface(" وزيرُ  الخارجية "), "وزير الخارجية");
    }

    #[test]
    fn unifies_letter_forms_and_drops_marks() {
        assert_eq!(normalize("أَحْمَد"), "احمد");
        assert_eq!(normalize("إلى مصطفى"), "الي مصطفي");
        assert_eq!(normalize("القاهرة"), "القاهره");
        assert_eq!(normalize("جـــديد"), "جديد");
        assert_eq!(normalize("\u{200F}موسكو\u{200E}"), "موسكو");
        assert_eq!(normalize("٢٠٢٣"), "2023");
        assert_eq!(normalize("“قال”"), "\"قال\"");
        assert_eq!(normalize("Putin"), "putin");
    }

    #[test]
    fn ascii_and_arabic_have_no_other_capitals() {
        for c in ('\0'..='\x7f').chain('\u{0600}'..='\u{06FF}') {
            assert!(
                !c.is_uppercase() || c.is_ascii_uppercase(),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn char_starts_come_with_the_normalised_text() {
        for text in [
            "",
            "abc",
            "قالَ \u{200F}بوتين",
            "é中🙂x«»",
            "\u{FEFF}وانغ يي\n",
        ] {
            let (norm, starts) = NormalizedText::with_char_starts(text);
            let mut expected: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
            expected.push(text.len());
            assert_eq!(starts, expected, "{text:?}");
            assert_eq!(norm.text, NormalizedText::new(text).text);
        }
    }

    #[test]
    fn offsets_point_into_the_original() {
        let original = "قالَ \u{200F}بوتين";
        let n = NormalizedText::new(original);
        assert_eq!(n.text, "قال بوتين");
        let start = n.text.find("بوتين").unwrap();
        let (s, e) = n.original_range(start, n.text.len());
        let chars: Vec<char> = original.chars().collect();
        assert_eq!(chars[s..e].iter().collect::<String>(), "بوتين");
    }

    #[test]
    fn clean_surface_keeps_letters() {
        assert_eq!(clean_surface("عمّان\u{200F}"), "عمان");
        assert_eq!(clean_surface("  سيرغي   لافروف "), "سيرغي لافروف");
    }
}
