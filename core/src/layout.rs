//! Stage 2: page layout — lines, web-page chrome, the title block, the body,
//! and a report pasted twice.
//!
//! Works on the normalized text. A report scraped from a web page comes with
//! download/print controls, "来源：" and "时间：" lines, site directories,
//! footers and related-link tails; some pages hold the whole report twice.
//! This stage marks all of that so the outline sees only the report.
//!
//! ```
//! use baogao::{layout, normalize::Normalized};
//! let n = Normalized::new("下载\n打印\n政府工作报告\n各位代表：\n一、回顾\n正文。\n相关报道：\n别的新闻");
//! let mut diags = Vec::new();
//! let l = layout::layout(&n, &mut diags);
//! let body: Vec<&str> = l.body_lines().map(|i| l.line_text(&n, i)).collect();
//! assert_eq!(body, ["各位代表:", "一、回顾", "正文。"]);
//! ```

use std::hash::{Hash, Hasher};

use crate::lexicon::FastMap;
use std::ops::Range;
use std::sync::OnceLock;

use crate::diagnostics;
use crate::model::Diagnostic;
use crate::normalize::Normalized;

/// A non-blank line of the normalized text (byte range without the line
/// break and surrounding spaces).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// Start in the normalized text.
    pub start: usize,
    /// End in the normalized text.
    pub end: usize,
}

/// Where the report is on the page.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// Every non-blank line.
    pub lines: Vec<Line>,
    /// Lines before the body: page chrome, the title block, a repository header.
    pub head: Range<usize>,
    /// The report body: from the salutation (or first paragraph) to the end of
    /// the first full copy, page chrome trimmed.
    pub body: Range<usize>,
    /// Per line: page chrome (skipped everywhere).
    pub chrome: Vec<bool>,
}

impl Layout {
    /// Indices of the body lines that are not chrome.
    pub fn body_lines(&self) -> impl Iterator<Item = usize> + '_ {
        self.body.clone().filter(|&i| !self.chrome[i])
    }

    /// Indices of the head lines that are not chrome.
    pub fn head_lines(&self) -> impl Iterator<Item = usize> + '_ {
        self.head.clone().filter(|&i| !self.chrome[i])
    }

    /// The normalized text of line `i`.
    pub fn line_text<'n>(&self, norm: &'n Normalized<'_>, i: usize) -> &'n str {
        let l = self.lines[i];
        &norm.text()[l.start..l.end]
    }
}

struct Chrome {
    exact: Vec<Pattern>,
    /// The length of the longest `exact` text: a longer line is none of them.
    exact_max: usize,
    prefix: Vec<Pattern>,
    /// Per first byte of a line: the bits of the `prefix` patterns that
    /// start with it (a line is compared only with those).
    prefix_by_first: [u64; 256],
    /// Some `prefix` text is empty (it starts every line).
    empty_prefix: bool,
    tail: Vec<String>,
    contains: Vec<String>,
}

/// A chrome text with its first bytes, to rule out most lines without
/// comparing them.
struct Pattern {
    text: String,
    /// The first (up to) three bytes of `text`, as [`head`] packs them.
    head: u32,
    /// The bits of `head` that `text` has.
    mask: u32,
}

impl Pattern {
    fn new(text: &str) -> Self {
        let n = text.len().min(3);
        Pattern { text: text.to_string(), head: head(text), mask: (1u32 << (8 * n)) - 1 }
    }

    /// `false` when `line` cannot start with this pattern (its first bytes,
    /// from [`head`], differ).
    #[inline]
    fn may_start(&self, line_head: u32) -> bool {
        (line_head ^ self.head) & self.mask == 0
    }
}

/// The first three bytes of `s` in one number (zeros past its end).
#[inline]
fn head(s: &str) -> u32 {
    let b = s.as_bytes();
    let at = |i: usize| b.get(i).map_or(0, |&x| u32::from(x));
    at(0) | at(1) << 8 | at(2) << 16
}

fn chrome_table() -> &'static Chrome {
    static T: OnceLock<Chrome> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Chrome {
            exact: Vec::new(),
            exact_max: 0,
            prefix: Vec::new(),
            prefix_by_first: [0; 256],
            empty_prefix: false,
            tail: Vec::new(),
            contains: Vec::new(),
        };
        for row in crate::lexicon::rows(include_str!("../data/boilerplate.tsv")) {
            let [kind, text, ..] = row.as_slice() else { continue };
            let list = match *kind {
                "exact" => {
                    t.exact.push(Pattern::new(text));
                    continue;
                }
                "prefix" => {
                    t.prefix.push(Pattern::new(text));
                    continue;
                }
                "tail" => &mut t.tail,
                "contains" => &mut t.contains,
                _ => continue,
            };
            list.push(text.to_string());
        }
        t.exact_max = t.exact.iter().map(|e| e.text.len()).max().unwrap_or(0);
        for (k, p) in t.prefix.iter().enumerate() {
            match p.text.as_bytes().first() {
                // More patterns than bits: every line is compared with the rest.
                _ if k >= 64 => t.empty_prefix = true,
                Some(&b) => t.prefix_by_first[usize::from(b)] |= 1 << k,
                None => t.empty_prefix = true,
            }
        }
        t
    })
}

/// `true` for a line of page chrome ("下载", "来源：浙江日报", "冀ICP备…").
///
/// ```
/// assert!(baogao::layout::is_chrome("来源:浙江日报"));
/// assert!(!baogao::layout::is_chrome("一、过去一年工作回顾"));
/// ```
pub fn is_chrome(line: &str) -> bool {
    let t = chrome_table();
    let h = head(line);
    (line.len() <= t.exact_max && t.exact.iter().any(|e| e.may_start(h) && e.text == line))
        || starts_with_prefix(t, line, h)
        || (line.len() < 240 && line.chars().count() < 60 && t.contains.iter().any(|c| line.contains(c.as_str())))
        || is_hash_id(line)
}

/// `true` when `line` (with [`head`] `h`) starts with a `prefix` pattern of `t`.
fn starts_with_prefix(t: &Chrome, line: &str, h: u32) -> bool {
    let is = |p: &Pattern| p.may_start(h) && line.starts_with(p.text.as_str());
    if t.empty_prefix {
        return t.prefix.iter().any(is);
    }
    let mut bits = line.as_bytes().first().map_or(0, |&b| t.prefix_by_first[usize::from(b)]);
    while bits != 0 {
        let k = bits.trailing_zeros() as usize;
        if is(&t.prefix[k]) {
            return true;
        }
        bits &= bits - 1;
    }
    false
}

/// "abcd39f1fb7f426d9dfb6bd0fa1f2146:" — related-link ids of a CMS.
fn is_hash_id(line: &str) -> bool {
    let core = line.trim_end_matches(':');
    core.len() >= 16 && core.bytes().all(|b| b.is_ascii_hexdigit())
}

fn is_tail_marker(line: &str) -> bool {
    chrome_table().tail.iter().any(|p| line.starts_with(p.as_str()))
}

/// `true` for the salutation that opens a report body ("各位代表：").
pub fn is_salutation(line: &str) -> bool {
    // A stray character or two before it (an OCR speck, a pasted marker) is tolerated.
    line.char_indices().take(3).any(|(i, _)| line[i..].starts_with("各位代表")) && line.chars().count() <= 10
}

/// `true` for a line of the title block: the title, the date line, the speaker line.
pub fn is_title_block_line(line: &str) -> bool {
    let n = line.chars().count();
    n <= 80
        && !line.contains('。')
        && (line.contains("工作报告")
            || line.contains("人民代表大会")
            || (line.contains('年') && line.contains('月') && line.contains('日') && n <= 30)
            || crate::meta::speaker_title_in(line).is_some())
}

/// The non-blank lines of the normalized text (its line breaks were noted
/// while normalizing: the text is not searched for them).
fn split_lines(norm: &Normalized<'_>) -> Vec<Line> {
    let text = norm.text();
    let mut lines = Vec::new();
    let mut pos = 0;
    for end in norm.line_breaks().chain([text.len()]) {
        let raw = &text[pos..end];
        let trimmed = raw.trim_matches(' ');
        if !trimmed.is_empty() {
            let start = pos + (raw.len() - raw.trim_start_matches(' ').len());
            lines.push(Line { start, end: start + trimmed.len() });
        }
        pos = end + 1;
    }
    lines
}

/// `true` when `t` has fewer than `n` chars (its length in bytes decides
/// most lines: a char takes one to four bytes).
fn fewer_chars_than(t: &str, n: usize) -> bool {
    t.len() < n || (t.len() < 4 * n && t.chars().take(n).count() < n)
}

/// A line as a hash-map key that hashes only its length and its first and
/// last bytes: lines are compared whole, but hashing a long paragraph costs no
/// more than hashing a short one.
#[derive(PartialEq, Eq)]
struct LineKey<'a>(&'a str);

impl Hash for LineKey<'_> {
    fn hash<H: Hasher>(&self, h: &mut H) {
        let b = self.0.as_bytes();
        h.write_usize(b.len());
        h.write(&b[..b.len().min(24)]);
        h.write(&b[b.len().saturating_sub(24)..]);
    }
}

/// Finds the lines of the report and marks page chrome.
pub fn layout(norm: &Normalized<'_>, diags: &mut Vec<Diagnostic>) -> Layout {
    let text = norm.text();
    let lines = split_lines(norm);
    let txt = |i: usize| &text[lines[i].start..lines[i].end];
    let mut chrome: Vec<bool> = (0..lines.len()).map(|i| is_chrome(txt(i))).collect();
    let n = lines.len();
    if n == 0 {
        return Layout { lines, head: 0..0, body: 0..0, chrome };
    }

    // Body start: the salutation, else the line after the last title-block line
    // near the top.
    let scan = n.min(80);
    let salutation = (0..scan).find(|&i| !chrome[i] && is_salutation(txt(i)));
    let body_start = match salutation {
        Some(i) => i,
        None => {
            let last_title = (0..scan.min(40)).rev().find(|&i| !chrome[i] && is_title_block_line(txt(i)));
            let mut s = last_title.map_or(0, |i| i + 1);
            while s < n && chrome[s] {
                s += 1;
            }
            s.min(n)
        }
    };
    // Lines of the head region are chrome if they come back later (site directories).
    let head_texts: FastMap<LineKey<'_>, usize> = (0..body_start).map(|i| (LineKey(txt(i)), i)).collect();

    // A second copy of the report: the first long line that repeats an earlier one.
    let mut seen: FastMap<LineKey<'_>, usize> = FastMap::default();
    seen.reserve(n - body_start.min(n));
    let mut body_end = n;
    for i in body_start..n {
        let t = txt(i);
        if fewer_chars_than(t, 40) || chrome[i] {
            continue;
        }
        if seen.contains_key(&LineKey(t)) {
            // Walk back over the chrome, title block and head repeats that precede it.
            let mut cut = i;
            while cut > body_start + 1 {
                let p = txt(cut - 1);
                if chrome[cut - 1] || head_texts.contains_key(&LineKey(p)) || is_title_block_line(p) || is_salutation(p)
                {
                    cut -= 1;
                } else {
                    break;
                }
            }
            let (s, _) = norm.to_original(lines[cut].start, lines[cut].start);
            diagnostics::push(
                diags,
                diagnostics::DUPLICATE_COPY,
                "the report text appears again here (a page pasted twice); the later copy is ignored",
                Some((s, norm.original().len())),
            );
            body_end = cut;
            break;
        }
        seen.insert(LineKey(t), i);
    }
    // Related-link tails and footers after the report.
    let tail_from = body_start + (body_end - body_start) * 2 / 3;
    if let Some(t) = (tail_from..body_end).find(|&i| is_tail_marker(txt(i))) {
        body_end = t;
    }
    // Trailing chrome.
    while body_end > body_start && chrome[body_end - 1] {
        body_end -= 1;
    }
    for (i, c) in chrome.iter_mut().enumerate().take(body_end).skip(body_start) {
        if !*c && head_texts.contains_key(&LineKey(txt(i))) && txt(i).chars().count() <= 12 && !is_salutation(txt(i)) {
            *c = true;
        }
    }
    let skipped = chrome[body_start..body_end].iter().filter(|c| **c).count();
    if skipped > 0 {
        diagnostics::push(
            diags,
            diagnostics::BOILERPLATE,
            format!("{skipped} line(s) of web-page chrome inside the report skipped"),
            None,
        );
    }
    Layout { lines, head: 0..body_start, body: body_start..body_end, chrome }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(text: &str) -> Vec<String> {
        let n = Normalized::new(text);
        let mut d = Vec::new();
        let l = layout(&n, &mut d);
        l.body_lines().map(|i| l.line_text(&n, i).to_string()).collect()
    }

    #[test]
    fn skips_page_controls_and_source_lines() {
        let t = "下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n2026年某省政府工作报告\n2026年1月14日在某省第十四届人民代表大会第四次会议上\n来源：某日报\n时间：2026-01-22\n某省省长 某某\n各位代表：\n现在，我代表省人民政府向大会作政府工作报告。\n相关报道：\n某新闻";
        assert_eq!(body(t), ["各位代表:", "现在,我代表省人民政府向大会作政府工作报告。"]);
    }

    #[test]
    fn keeps_only_the_first_copy() {
        let para = "现在，我代表省人民政府向大会作政府工作报告，请予审议，并请省政协委员和其他列席人员提出意见。";
        let t = format!("政府工作报告\n各位代表：\n{para}\n一、回顾\n正文。\n首页\n冀ICP备123号\n政府工作报告\n各位代表：\n{para}\n一、回顾\n");
        let n = Normalized::new(&t);
        let mut d = Vec::new();
        let l = layout(&n, &mut d);
        let lines: Vec<&str> = l.body_lines().map(|i| l.line_text(&n, i)).collect();
        assert_eq!(lines.len(), 4, "{lines:?}");
        assert_eq!(d[0].code, "duplicate_copy");
    }

    #[test]
    fn body_starts_after_the_title_block_without_salutation() {
        let t = "――2023年1月30日在保定市第十六届人民代表大会第四次会议上\n保定市人民政府市长 某某\n2022年政府工作回顾\n1月30日,市长作报告时说,过去一年很不平凡。";
        assert_eq!(body(t)[0], "2022年政府工作回顾");
    }
}
