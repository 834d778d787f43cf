//! Stage 3: the outline — lines, noise, headings, sections and paragraphs.

use crate::model::{Diagnostic, Paragraph, Section};
use crate::normalize::Normalized;

/// A line of the normalized text (byte range, without the line break).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// Start in the normalized text.
    pub start: usize,
    /// End in the normalized text.
    pub end: usize,
}

/// The page layout found before headings are read.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// Every non-blank line.
    pub lines: Vec<Line>,
}

/// Splits the text into lines and marks noise.
pub fn layout(norm: &Normalized<'_>, diagnostics: &mut Vec<Diagnostic>) -> Layout {
    let _ = diagnostics;
    let text = norm.text();
    let mut lines = Vec::new();
    let mut pos = 0;
    for l in text.split('\n') {
        let t = l.trim();
        if !t.is_empty() {
            let s = pos + (l.len() - l.trim_start().len());
            lines.push(Line {
                start: s,
                end: s + t.len(),
            });
        }
        pos += l.len() + 1;
    }
    Layout { lines }
}

/// Builds sections and paragraphs.
pub fn build(
    norm: &Normalized<'_>,
    layout: &Layout,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<Section>, Vec<Paragraph>) {
    let _ = (norm, layout, diagnostics);
    (Vec::new(), Vec::new())
}
