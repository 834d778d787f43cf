//! # baogao — Chinese government work reports as data
//!
//! `baogao` reads a whole 政府工作报告 (national, provincial, city, county or
//! district; simplified or traditional; clean, scraped from a web page or copied
//! out of a PDF) and returns its **sections**, **indicators** and
//! **commitments** as typed data with exact positions in the text.
//!
//! ```
//! let report = baogao::parse(baogao::SAMPLE_REPORT);
//! assert_eq!(report.meta.region.as_deref(), Some("江干区"));
//! let part = &report.sections[0];
//! assert_eq!(part.marker.as_deref(), Some("一、"));
//! assert_eq!(part.title, "过去五年和2016年政府工作回顾");
//! // Every span indexes the caller's original string.
//! assert_eq!(&baogao::SAMPLE_REPORT[part.title_start..part.title_end], part.title);
//! ```
//!
//! The pipeline, one module per stage:
//! [`normalize`] (offset-mapped folded view) → [`layout`] (page chrome, title
//! block, body, duplicate copies) → [`meta`] (title block) → [`outline`]
//! (sections, paragraphs, roles) → [`indicators`] (quantities with metric,
//! bound, status, period) → [`targets`] (the annual targets paragraph, its
//! year, "no growth target") → [`lists`] (enumerations, the livelihood list)
//! → [`commitments`] (one per pledge clause). Across years, [`track()`] pairs
//! a report's annual targets with the next report's outcomes.
//!
//! Offsets are UTF-8 bytes in Rust; [`Report::reindexed`] converts a whole
//! report to chars (Python, JSON) or UTF-16 units (JavaScript).

#![warn(missing_docs)]

pub mod commitments;
pub mod diagnostics;
mod error;
pub mod indicators;
pub mod layout;
pub mod lexicon;
pub mod lists;
pub mod meta;
pub mod metrics;
pub mod model;
pub mod normalize;
pub mod numbers;
pub mod numerals;
pub mod offsets;
pub mod outline;
pub mod roles;
mod spans;
pub mod table;
pub mod targets;
pub mod track;

#[cfg(feature = "encoding")]
pub mod decode;

use std::sync::Arc;

pub use error::{Error, ErrorKind};
pub use model::*;
use normalize::Normalized;
pub use spans::{SpanKind, SpanRef};
pub use track::{track, track_with, TrackOptions};

/// The seed report embedded in the crate: the 2017 government work report of
/// Jianggan District, Hangzhou (江干区). `baogao show` with no file shows it.
pub const SAMPLE_REPORT: &str = include_str!("../data/sample-2017-hangzhou-jianggan-district.txt");

/// Options for [`Parser`].
///
/// ```
/// let opts = baogao::Options::default().with_year(2017);
/// let report = baogao::Parser::new(opts).parse("一、回顾\n正文。");
/// assert_eq!(report.meta.year, Some(2017));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// The report year, when the text has no date line (overrides nothing the
    /// text states).
    pub year: Option<i32>,
}

impl Options {
    /// Sets [`Options::year`].
    pub fn with_year(mut self, year: i32) -> Self {
        self.year = Some(year);
        self
    }
}

/// A configured parser. [`parse`] is `Parser::default().parse`.
#[derive(Debug, Clone, Default)]
pub struct Parser {
    options: Options,
}

impl Parser {
    /// A parser with these options.
    pub fn new(options: Options) -> Self {
        Parser { options }
    }

    /// Parses one report. Never panics and never fails: odd text gives an
    /// emptier report plus [`Report::diagnostics`]. Offsets are UTF-8 bytes.
    pub fn parse(&self, text: &str) -> Report {
        let norm = Normalized::new(text);
        let mut diagnostics = Vec::new();
        let layout = layout::layout(&norm, &mut diagnostics);
        let mut meta = meta::read(&norm, &layout);
        if meta.year.is_none() {
            meta.year = self.options.year;
        }
        let mut outline_diags = Vec::new();
        let (mut sections, mut paragraphs) = outline::build(&norm, &layout, meta.year, &mut outline_diags);
        if meta.year.is_none() {
            meta::infer_year(&mut meta, &sections, &norm);
            if meta.year.is_some() {
                // Roles use the year (a "2016年…" part is a review in 2017, tasks in 2016).
                outline_diags.clear();
                (sections, paragraphs) = outline::build(&norm, &layout, meta.year, &mut outline_diags);
            }
        }
        diagnostics.append(&mut outline_diags);
        drop(layout);
        // The paragraph texts (copies of `text[start..end]`, about the size of
        // the input) are read by no later stage: they are dropped here and
        // copied again at the end, once the working sets of the commitment
        // and indicator stages are freed, so the peak never holds both.
        for p in &mut paragraphs {
            p.text = String::new();
        }
        let mut indicators = indicators::extract(&norm, &sections, &paragraphs, &meta);
        let block = targets::apply(&norm, &sections, &paragraphs, &mut indicators, &meta);
        let lists = lists::extract(&norm, &sections, &paragraphs, &mut diagnostics);
        let commitments =
            commitments::extract(&norm, &sections, &paragraphs, &indicators, &lists, &meta, block.as_ref());
        drop((norm, block));
        for p in &mut paragraphs {
            p.text = text[p.start..p.end].to_string();
        }
        Report {
            schema_version: SCHEMA_VERSION.to_string(),
            offset_unit: OffsetUnit::Utf8,
            meta,
            sections,
            paragraphs,
            indicators,
            commitments,
            lists,
            diagnostics,
            source: Some(Arc::from(text)),
        }
    }
}

/// Parses one report with default options. Offsets are UTF-8 bytes into `text`.
///
/// ```
/// let text = "政府工作报告\n一、过去一年工作回顾\n(一)经济平稳增长\n全年生产总值增长5%。";
/// let report = baogao::parse(text);
/// assert_eq!(report.sections.len(), 2);
/// assert_eq!(report.sections[1].parent, Some(0));
/// ```
pub fn parse(text: &str) -> Report {
    Parser::default().parse(text)
}

impl Report {
    /// The original text this report was parsed from (`None` after
    /// deserializing from JSON).
    pub fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }

    /// A copy with every offset converted to `unit`. A report deserialized
    /// from JSON has no source text and is returned unchanged.
    ///
    /// ```
    /// use baogao::OffsetUnit;
    /// let text = "𠮷\n一、回顾\n正文。";
    /// let r = baogao::parse(text).reindexed(OffsetUnit::Char);
    /// assert_eq!(r.offset_unit, OffsetUnit::Char);
    /// assert_eq!(r.sections[0].start, 2); // 𠮷 is 4 bytes but one char
    /// let r = r.reindexed(OffsetUnit::Utf16);
    /// assert_eq!(r.sections[0].start, 3); // and two UTF-16 units
    /// ```
    pub fn reindexed(&self, unit: OffsetUnit) -> Report {
        let mut out = self.clone();
        if unit == self.offset_unit {
            return out;
        }
        if let Some(src) = &self.source {
            offsets::reindex(&mut out, src, unit);
        }
        out
    }

    /// This report as compact JSON (the SPEC §2 wire format).
    ///
    /// ```
    /// let json = baogao::parse("一、回顾").reindexed(baogao::OffsetUnit::Char).to_json();
    /// assert!(json.contains("\"offset_unit\":\"char\""));
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    }
}
