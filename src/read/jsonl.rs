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
    let mut v: serde_json::Value =
        serde_json::from_str(line_text).map_err(|e| bad(format!("malformed JSON: {e}")))?;
    let obj = v
        .as_object_mut()
        .ok_or_else(|| bad("a line must hold a JSON object".into()))?;
    let get = |k: &str| obj.get(k).and_then(|v| v.as_str()).map(str::to_string);
    let title = get(&fields.title).unwrap_or_default();
    let id = get(&fields.id)
        .or_else(|| {
            obj.get(&fields.id)
                .filter(|v| v.is_number())
                .map(|v| v.to_string())
        })
        .or_else(|| get(&fields.url))
        .unwrap_or_else(|| format!("{origin}:{line}"));
    let published: Option<PartialDate> = get(&fields.date)
        .and_then(|d| PartialDate::parse(d.get(..10).unwrap_or(&d)).or_else(|| parse_date(&d)));
    let url = get(&fields.url);
    let source = get(&fields.source);
    // the body is the largest string: taken out of the parsed line, not copied (after every
    // other field, which a flag may have set to the same one)
    let body = fields
        .text
        .iter()
        .find_map(|k| match obj.get_mut(k.as_str()) {
            Some(serde_json::Value::String(body)) => Some(std::mem::take(body)),
            _ => None,
        })
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
}
