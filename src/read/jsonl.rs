//! JSON Lines input: one article a line.
//!
//! Each line is an object with the article's text in `text` or `content`, and optionally `id`,
//! `title`, `date`, `url`, `source`. Field names can be changed with [`JsonlFields`].

use crate::document::{Document, PartialDate};
use crate::error::{Error, Result};
use crate::extract::dates::parse_date;

/// Which fields of a JSON object hold what.
#[derive(Debug, Clone)]
pub struct JsonlFields {
    /// Id field.
    pub id: String,
    /// Title field.
    pub title: String,
    /// Text fields, the first present wins.
    pub text: Vec<String>,
    /// Date field.
    pub date: String,
    /// URL field.
    pub url: String,
    /// Source field.
    pub source: String,
}

impl Default for JsonlFields {
    fn default() -> Self {
        JsonlFields {
            id: "id".into(),
            title: "title".into(),
            text: vec!["text".into(), "content".into()],
            date: "date".into(),
            url: "url".into(),
            source: "source".into(),
        }
    }
}

/// Parses one JSON line into an article. `origin` and `line` locate it in error messages.
pub fn parse_line(
    line_text: &str,
    origin: &str,
    line: usize,
    fields: &JsonlFields,
) -> Result<Option<Document>> {
    if line_text.trim().is_empty() {
        return Ok(None);
    }
    let bad = |reason: String| Error::Record {
        origin: origin.to_string(),
        line,
        reason,
    };
    let mut line_fields = read_fields(line_text, fields).map_err(bad)?;
    let title = line_fields.title.take().unwrap_or_default();
    let id = line_fields
        .id
        .take()
        .or_else(|| line_fields.url.clone())
        .unwrap_or_else(|| format!("{origin}:{line}"));
    let published: Option<PartialDate> = line_fields
        .date
        .and_then(|d| PartialDate::parse(d.get(..10).unwrap_or(&d)).or_else(|| parse_date(&d)));
    let url = line_fields.url;
    let source = line_fields.source;
    let body = line_fields
        .text
        .into_iter()
        .flatten()
        .next()
        .ok_or_else(|| {
            bad(format!(
                "no text field (looked for {})",
                fields.text.join(", ")
            ))
        })?;
    // the title is part of the text as read, on its own first line
    let text = if title.is_empty() {
        body
    } else {
        let mut text = String::with_capacity(title.len() + 1 + body.len());
        text.push_str(&title);
        text.push('\n');
        text.push_str(&body);
        text
    };
    let mut doc = crate::read::parse_article_owned(id, text, 0, &format!("{origin}:{line}"));
    if published.is_some() {
        doc.published = published;
    }
    doc.url = url;
    if doc.source.is_none() {
        doc.source = source;
    }
    Ok(Some(doc))
}

/// Reads the named fields of a line, or says why the line is not a JSON object.
fn read_fields(line_text: &str, fields: &JsonlFields) -> std::result::Result<LineFields, String> {
    use serde::de::DeserializeSeed;
    if !line_text.trim_start().starts_with('{') {
        // not an object: valid JSON of another kind, or no JSON at all
        return Err(
            match serde_json::from_str::<serde::de::IgnoredAny>(line_text) {
                Ok(_) => "a line must hold a JSON object".into(),
                Err(e) => format!("malformed JSON: {e}"),
            },
        );
    }
    let mut de = serde_json::Deserializer::from_str(line_text);
    LineSeed(fields)
        .deserialize(&mut de)
        .and_then(|f| de.end().map(|()| f))
        .map_err(|e| format!("malformed JSON: {e}"))
}

/// The fields of one JSON line that [`JsonlFields`] names, read without building a
/// `serde_json::Value` of the whole line: keys no flag names are skipped unparsed.
#[derive(Default)]
struct LineFields {
    id: Option<String>,
    title: Option<String>,
    /// The value of each text field, in the order of [`JsonlFields::text`].
    text: Vec<Option<String>>,
    date: Option<String>,
    url: Option<String>,
    source: Option<String>,
}

/// What a field's value is, as far as the reader cares: a string, a number (which an id may
/// be), or anything else.
enum FieldValue {
    Str(String),
    Number(serde_json::Number),
    Other,
}

impl<'de> serde::Deserialize<'de> for FieldValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = FieldValue;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_str<E>(self, s: &str) -> std::result::Result<FieldValue, E> {
                Ok(FieldValue::Str(s.to_string()))
            }
            fn visit_string<E>(self, s: String) -> std::result::Result<FieldValue, E> {
                Ok(FieldValue::Str(s))
            }
            fn visit_u64<E>(self, n: u64) -> std::result::Result<FieldValue, E> {
                Ok(FieldValue::Number(n.into()))
            }
            fn visit_i64<E>(self, n: i64) -> std::result::Result<FieldValue, E> {
                Ok(FieldValue::Number(n.into()))
            }
            fn visit_f64<E>(self, n: f64) -> std::result::Result<FieldValue, E> {
                Ok(serde_json::Number::from_f64(n).map_or(FieldValue::Other, FieldValue::Number))
            }
            fn visit_bool<E>(self, _: bool) -> std::result::Result<FieldValue, E> {
                Ok(FieldValue::Other)
            }
            fn visit_unit<E>(self) -> std::result::Result<FieldValue, E> {
                Ok(FieldValue::Other)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<FieldValue, A::Error> {
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(FieldValue::Other)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<FieldValue, A::Error> {
                while map
                    .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(FieldValue::Other)
            }
        }
        d.deserialize_any(V)
    }
}

/// Reads a line's object into [`LineFields`], by the names [`JsonlFields`] gives.
struct LineSeed<'f>(&'f JsonlFields);

impl<'de> serde::de::DeserializeSeed<'de> for LineSeed<'_> {
    type Value = LineFields;
    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        d: D,
    ) -> std::result::Result<LineFields, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> serde::de::Visitor<'de> for LineSeed<'_> {
    type Value = LineFields;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<LineFields, A::Error> {
        let f = self.0;
        let mut out = LineFields {
            text: vec![None; f.text.len()],
            ..LineFields::default()
        };
        while let Some(role) = map.next_key_seed(KeySeed(f))? {
            if role.is_none() {
                map.next_value::<serde::de::IgnoredAny>()?;
                continue;
            }
            // a later duplicate key replaces an earlier one, as in any JSON object read whole
            let (mut s, number) = match map.next_value::<FieldValue>()? {
                FieldValue::Str(s) => (Some(s), None),
                FieldValue::Number(n) => (None, Some(n)),
                FieldValue::Other => (None, None),
            };
            if role.id {
                out.id = s.clone().or_else(|| number.map(|n| n.to_string()));
            }
            for (named, slot) in [
                (role.title, &mut out.title),
                (role.date, &mut out.date),
                (role.url, &mut out.url),
                (role.source, &mut out.source),
            ] {
                if named {
                    slot.clone_from(&s);
                }
            }
            // the body, the largest value, is moved, not copied
            if let Some(at) = role.text {
                out.text[at] = s.take();
            }
        }
        Ok(out)
    }
}

/// What a key of a line's object names: which fields, and which text field (the first in
/// [`JsonlFields::text`] of that name); all false for a key no flag names.
#[derive(Default)]
struct Role {
    id: bool,
    title: bool,
    date: bool,
    url: bool,
    source: bool,
    text: Option<usize>,
}

impl Role {
    fn is_none(&self) -> bool {
        !(self.id || self.title || self.date || self.url || self.source || self.text.is_some())
    }
}

/// Reads a key as the [`Role`] it names, without copying it.
struct KeySeed<'f>(&'f JsonlFields);

impl<'de> serde::de::DeserializeSeed<'de> for KeySeed<'_> {
    type Value = Role;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> std::result::Result<Role, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> serde::de::Visitor<'de> for KeySeed<'_> {
    type Value = Role;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E>(self, key: &str) -> std::result::Result<Role, E> {
        let f = self.0;
        Ok(Role {
            id: key == f.id,
            title: key == f.title,
            date: key == f.date,
            url: key == f.url,
            source: key == f.source,
            text: f.text.iter().position(|k| k == key),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_text_or_content_and_reports_bad_lines() {
        let f = JsonlFields::default();
        let d = parse_line(
            r#"{"id":"a1","title":"عنوان","content":"نص","date":"2015-08-10"}"#,
            "c.jsonl",
            3,
            &f,
        )
        .unwrap()
        .unwrap();
        assert_eq!(d.id, "a1");
        assert_eq!(d.title, "عنوان");
        assert_eq!(d.published.unwrap().to_string(), "2015-08-10");
        let err = parse_line("{oops", "c.jsonl", 7, &f)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("c.jsonl:7: malformed JSON"), "{err}");
        let err = parse_line(r#"{"id":"x"}"#, "c.jsonl", 8, &f)
            .unwrap_err()
            .to_string();
        assert!(err.contains("no text field"), "{err}");
    }

    #[test]
    fn fields_are_read_as_a_whole_object_would_give_them() {
        let f = JsonlFields::default();
        let read = |line: &str| parse_line(line, "c.jsonl", 1, &f).unwrap().unwrap();
        // numbers as ids, escapes, nested values skipped, the text field before `content`
        let d = read(
            r#"{"tags":[{"a":1},"x"],"id":42,"meta":{"id":"no"},"content":"ب","text":"أ \"ج\"\n","ok":true,"n":null}"#,
        );
        assert_eq!((d.id.as_str(), d.text.as_str()), ("42", "أ \"ج\"\n"));
        // a later duplicate key wins; without an id, the url is the id
        let d = read(r#"{"text":"أول","text":"ثان","url":"https://x.example/1"}"#);
        assert_eq!(
            (d.id.as_str(), d.text.as_str()),
            ("https://x.example/1", "ثان")
        );
        assert_eq!(d.url.as_deref(), Some("https://x.example/1"));
        // one key named by two flags serves both
        let same = JsonlFields {
            title: "body".into(),
            text: vec!["body".into()],
            ..JsonlFields::default()
        };
        let d = parse_line(r#"{"body":"نص"}"#, "c.jsonl", 1, &same)
            .unwrap()
            .unwrap();
        assert_eq!((d.title.as_str(), d.text.as_str()), ("نص", "نص\nنص"));
        // valid JSON that is no object, and trailing garbage
        for (line, reason) in [
            ("[1, 2]", "a line must hold a JSON object"),
            ("\"text\"", "a line must hold a JSON object"),
            (r#"{"text":"x"} y"#, "malformed JSON: trailing characters"),
            (r#"{"text":"x""#, "malformed JSON: EOF while parsing"),
        ] {
            let err = parse_line(line, "c.jsonl", 4, &f).unwrap_err().to_string();
            assert!(
                err.starts_with(&format!("c.jsonl:4: {reason}")),
                "{line}: {err}"
            );
        }
    }
}
