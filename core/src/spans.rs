//! Every text position of a report as one flat list ([`Report::spans`]).
//!
//! A report keeps its spans in many places: section and title spans,
//! paragraphs and their leads, indicators with their sentence and metric
//! name, commitments and their objects, list items, diagnostics. Code that
//! must visit all of them — checking that every span slices its text,
//! re-slicing texts from the caller's own string, highlighting a page — walks
//! this one list instead of spelling the model out again.

use std::fmt;

use crate::Report;

/// Which field of the report a [`SpanRef`] comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SpanKind {
    /// `sections[i].start..end` (the whole section; no text field).
    Section,
    /// `sections[i].title_start..title_end`, text `title`.
    SectionTitle,
    /// `paragraphs[i].start..end`, text `text`.
    Paragraph,
    /// `paragraphs[i].lead.start..end`, text `lead.text`.
    ParagraphLead,
    /// `indicators[i].start..end`, text `text`.
    Indicator,
    /// `indicators[i].sentence.start..end` (no text field).
    IndicatorSentence,
    /// `indicators[i].metric.start..end`, text `metric.name` (only when both ends are set).
    IndicatorMetric,
    /// `commitments[i].start..end`, text `text`.
    Commitment,
    /// `commitments[i].object.start..end`, text `object.text`.
    CommitmentObject,
    /// `lists[i].items[j].start..end`, text `text`.
    ListItem,
    /// `diagnostics[i].start..end` (no text field; a diagnostic with one end
    /// set is the empty span at that end).
    Diagnostic,
}

impl SpanKind {
    /// The report's array the item is in: `"sections"`, `"paragraphs"`,
    /// `"indicators"`, `"commitments"`, `"lists"` or `"diagnostics"`.
    pub fn table(self) -> &'static str {
        match self {
            SpanKind::Section | SpanKind::SectionTitle => "sections",
            SpanKind::Paragraph | SpanKind::ParagraphLead => "paragraphs",
            SpanKind::Indicator | SpanKind::IndicatorSentence | SpanKind::IndicatorMetric => "indicators",
            SpanKind::Commitment | SpanKind::CommitmentObject => "commitments",
            SpanKind::ListItem => "lists",
            SpanKind::Diagnostic => "diagnostics",
        }
    }

    /// The field of the item that holds the span's object, when the span is
    /// not on the item itself: `"lead"`, `"sentence"`, `"metric"`,
    /// `"object"` or `"items"` (then [`SpanRef::item`] is the index in it).
    pub fn within(self) -> Option<&'static str> {
        match self {
            SpanKind::ParagraphLead => Some("lead"),
            SpanKind::IndicatorSentence => Some("sentence"),
            SpanKind::IndicatorMetric => Some("metric"),
            SpanKind::CommitmentObject => Some("object"),
            SpanKind::ListItem => Some("items"),
            _ => None,
        }
    }

    /// The name of the text field the span slices (`"title"`, `"text"` or
    /// `"name"`), `None` for spans without one.
    pub fn text_field(self) -> Option<&'static str> {
        match self {
            SpanKind::SectionTitle => Some("title"),
            SpanKind::IndicatorMetric => Some("name"),
            SpanKind::Section | SpanKind::IndicatorSentence | SpanKind::Diagnostic => None,
            _ => Some("text"),
        }
    }

    /// A short English name for messages: `"section title"`, `"list item"`…
    pub fn describe(self) -> &'static str {
        match self {
            SpanKind::Section => "section",
            SpanKind::SectionTitle => "section title",
            SpanKind::Paragraph => "paragraph",
            SpanKind::ParagraphLead => "paragraph lead",
            SpanKind::Indicator => "indicator",
            SpanKind::IndicatorSentence => "indicator sentence",
            SpanKind::IndicatorMetric => "indicator metric",
            SpanKind::Commitment => "commitment",
            SpanKind::CommitmentObject => "commitment object",
            SpanKind::ListItem => "list item",
            SpanKind::Diagnostic => "diagnostic",
        }
    }
}

impl fmt::Display for SpanKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

/// One span of a report, borrowed from it (see [`Report::spans`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpanRef<'r> {
    /// Which field it comes from.
    pub kind: SpanKind,
    /// The index of the item in its array ([`SpanKind::table`]).
    pub index: usize,
    /// For [`SpanKind::ListItem`], the index in the list's `items`.
    pub item: Option<usize>,
    /// Start, in the report's [`offset_unit`](Report::offset_unit).
    pub start: usize,
    /// End (exclusive), in the report's offset unit.
    pub end: usize,
    /// The text the span slices from the original string, where the model
    /// has one ([`SpanKind::text_field`]).
    pub text: Option<&'r str>,
}

impl Report {
    /// Every span of the report, in model order: sections, paragraphs,
    /// indicators, commitments, lists, diagnostics, each item's own span
    /// before the spans inside it. Where `text` is `Some`, slicing the
    /// original string from `start` to `end` (in the report's offset unit)
    /// gives exactly that text.
    ///
    /// ```
    /// let text = baogao::SAMPLE_REPORT;
    /// let report = baogao::parse(text);
    /// for span in report.spans() {
    ///     if let Some(t) = span.text {
    ///         assert_eq!(&text[span.start..span.end], t, "{} {}", span.kind, span.index);
    ///     }
    /// }
    /// assert!(report.spans().any(|s| s.kind == baogao::SpanKind::CommitmentObject));
    /// ```
    pub fn spans(&self) -> impl Iterator<Item = SpanRef<'_>> + '_ {
        let span = |kind, index, start, end, text| SpanRef { kind, index, item: None, start, end, text };
        let sections = self.sections.iter().enumerate().flat_map(move |(i, s)| {
            [
                span(SpanKind::Section, i, s.start, s.end, None),
                span(SpanKind::SectionTitle, i, s.title_start, s.title_end, Some(s.title.as_str())),
            ]
        });
        let paragraphs = self.paragraphs.iter().enumerate().flat_map(move |(i, p)| {
            let lead = p.lead.as_ref().map(|l| span(SpanKind::ParagraphLead, i, l.start, l.end, Some(l.text.as_str())));
            std::iter::once(span(SpanKind::Paragraph, i, p.start, p.end, Some(p.text.as_str()))).chain(lead)
        });
        let indicators = self.indicators.iter().enumerate().flat_map(move |(i, x)| {
            let metric = match (x.metric.start, x.metric.end) {
                (Some(s), Some(e)) => Some(span(SpanKind::IndicatorMetric, i, s, e, x.metric.name.as_deref())),
                _ => None,
            };
            [
                span(SpanKind::Indicator, i, x.start, x.end, Some(x.text.as_str())),
                span(SpanKind::IndicatorSentence, i, x.sentence.start, x.sentence.end, None),
            ]
            .into_iter()
            .chain(metric)
        });
        let commitments = self.commitments.iter().enumerate().flat_map(move |(i, c)| {
            let object =
                c.object.as_ref().map(|o| span(SpanKind::CommitmentObject, i, o.start, o.end, Some(o.text.as_str())));
            std::iter::once(span(SpanKind::Commitment, i, c.start, c.end, Some(c.text.as_str()))).chain(object)
        });
        let lists = self.lists.iter().enumerate().flat_map(|(i, l)| {
            l.items.iter().enumerate().map(move |(j, it)| SpanRef {
                kind: SpanKind::ListItem,
                index: i,
                item: Some(j),
                start: it.start,
                end: it.end,
                text: Some(it.text.as_str()),
            })
        });
        let diagnostics = self.diagnostics.iter().enumerate().filter_map(move |(i, d)| match (d.start, d.end) {
            (Some(s), Some(e)) => Some(span(SpanKind::Diagnostic, i, s, e, None)),
            (Some(s), None) | (None, Some(s)) => Some(span(SpanKind::Diagnostic, i, s, s, None)),
            (None, None) => None,
        });
        sections.chain(paragraphs).chain(indicators).chain(commitments).chain(lists).chain(diagnostics)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_name_their_fields() {
        assert_eq!(SpanKind::SectionTitle.table(), "sections");
        assert_eq!(SpanKind::SectionTitle.text_field(), Some("title"));
        assert_eq!(SpanKind::ListItem.within(), Some("items"));
        assert_eq!(SpanKind::IndicatorMetric.text_field(), Some("name"));
        assert_eq!(SpanKind::Section.text_field(), None);
        assert_eq!(SpanKind::CommitmentObject.to_string(), "commitment object");
    }

    #[test]
    fn a_small_report_lists_its_spans_in_model_order() {
        // One numbered section ("一、回顾") with one paragraph.
        let text = "一、回顾\n我们要加快建设新区。";
        let r = crate::parse(text);
        let spans: Vec<SpanRef<'_>> = r.spans().collect();
        assert_eq!(spans[0].kind, SpanKind::Section);
        assert_eq!(spans[1].kind, SpanKind::SectionTitle);
        assert_eq!(spans[1].text, Some("回顾"));
        assert_eq!(&text[spans[1].start..spans[1].end], "回顾");
        let para = spans.iter().find(|s| s.kind == SpanKind::Paragraph).expect("a paragraph span");
        assert_eq!(para.text, Some("我们要加快建设新区。"));
        // Every span with a text slices it; tables come in model order.
        let order = |k: SpanKind| {
            ["sections", "paragraphs", "indicators", "commitments", "lists", "diagnostics"]
                .iter()
                .position(|t| *t == k.table())
                .unwrap()
        };
        assert!(spans.windows(2).all(|w| order(w[0].kind) <= order(w[1].kind)));
        for s in &spans {
            if let Some(t) = s.text {
                assert_eq!(&text[s.start..s.end], t, "{}", s.kind);
            }
        }
    }
}
