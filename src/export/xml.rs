//! Escaping for the XML formats (GraphML, GEXF): the five markup characters become entities,
//! characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) are dropped, and inside
//! attribute values tabs and line breaks become character references so parsers keep them.
//! Everything else, Arabic and bidi marks included, is written as it is (UTF-8).

/// True for characters XML 1.0 allows in a document.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Escapes text content.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|&c| allowed(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes an attribute value (to be written between double quotes).
pub fn attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in text(s).chars() {
        match c {
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_become_entities() {
        assert_eq!(
            text(r#"<a href="x">&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;"
        );
    }

    #[test]
    fn arabic_and_bidi_marks_are_kept() {
        let s = "قال \u{200F}«بوتين» & لافروف";
        assert_eq!(text(s), "قال \u{200F}«بوتين» &amp; لافروف");
    }

    #[test]
    fn forbidden_controls_are_dropped_and_breaks_kept_in_attributes() {
        assert_eq!(text("a\u{0}b\u{1B}c\u{FFFE}"), "abc");
        assert_eq!(attr("a\nb\tc\r"), "a&#10;b&#9;c&#13;");
        assert_eq!(text("a\nb"), "a\nb");
    }
}
