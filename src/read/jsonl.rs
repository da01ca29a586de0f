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
    let v: serde_json::Value =
        serde_json::from_str(line_text).map_err(|e| bad(format!("malformed JSON: {e}")))?;
    let obj = v
        .as_object()
        .ok_or_else(|| bad("a line must hold a JSON object".into()))?;
    let get = |k: &str| obj.get(k).and_then(|v| v.as_str()).map(str::to_string);
    let body = fields.text.iter().find_map(|k| get(k)).ok_or_else(|| {
        bad(format!(
            "no text field (looked for {})",
            fields.text.join(", ")
        ))
    })?;
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
    // the title is part of the text as read, on its own first line
    let text = if title.is_empty() {
        body
    } else {
        format!("{title}\n{body}")
    };
    let mut doc = crate::read::parse_article(id, &text, 0, &format!("{origin}:{line}"));
    if published.is_some() {
        doc.published = published;
    }
    doc.url = get(&fields.url);
    if doc.source.is_none() {
        doc.source = get(&fields.source);
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
