//! Stage 1: an offset-mapped normalized view of the input (SPEC §1).
//!
//! Every later stage matches on [`Normalized::text`], a folded copy of the
//! input, and maps what it finds back with [`Normalized::to_original`]. The
//! folding never changes what spans index: spans always point into the
//! caller's original string.
//!
//! What the view folds:
//!
//! - full-width ASCII (U+FF01–U+FF5E: `９．５％`, `，`, `（`) to half-width;
//! - U+3000, zero-width characters and the BOM are dropped; NBSP and other
//!   Unicode spaces become an ASCII space; CR is dropped (CRLF → LF);
//! - spaces between two Han characters are dropped ("政 府 工 作 报 告");
//! - Kangxi radicals and CJK compatibility ideographs fold to unified
//!   ideographs (`data/cjk_compat.tsv`);
//! - traditional characters fold to simplified ones for matching
//!   (`data/trad2simp.tsv`);
//! - line breaks that cannot end a paragraph are joined: before punctuation
//!   that cannot start one ("增长6.5\n%", a phrase split off by web markup),
//!   after an opening bracket, inside a number, and in hard-wrapped PDF text
//!   (most lines of one width, broken mid-sentence).
//!
//! ```
//! use baogao::normalize::Normalized;
//! let original = "增長９．５\n％";
//! let n = Normalized::new(original);
//! assert_eq!(n.text(), "增长9.5%");
//! let (s, e) = n.to_original(0, n.text().len());
//! assert_eq!(&original[s..e], original);
//! ```

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use crate::lexicon::{CharHasher, CharMap};
use crate::model::Script;

/// A set of chars with the fast char hasher (the folding tables are looked
/// up for every input character).
type CharSet = std::collections::HashSet<char, BuildHasherDefault<CharHasher>>;

/// The folded view of an input string with a map back to the original.
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    original: &'a str,
    text: String,
    /// For every byte of `text`: the original byte offset where its char starts.
    starts: Vec<u32>,
    /// Offsets in `text` of the sentence and clause punctuation (see [`Normalized::pieces`]).
    breaks: Vec<usize>,
    script: Script,
}

/// The characters [`Normalized::pieces`] can split at: every sentence and
/// clause break any stage uses.
pub fn is_break(c: char) -> bool {
    matches!(c, '。' | ';' | '；' | '!' | '！' | '?' | '？' | '\n' | ',' | '，' | ':' | '：' | '…')
}

struct Folded {
    c: char,
    start: u32,
}

fn table(data: &str) -> CharMap<char> {
    data.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .filter_map(|l| {
            let mut it = l.split('\t');
            let a = it.next()?.chars().next()?;
            let b = it.next()?.chars().next()?;
            Some((a, b))
        })
        .collect()
}

fn trad_table() -> &'static CharMap<char> {
    static T: OnceLock<CharMap<char>> = OnceLock::new();
    T.get_or_init(|| table(include_str!("../data/trad2simp.tsv")))
}

fn simp_only() -> &'static CharSet {
    static T: OnceLock<CharSet> = OnceLock::new();
    T.get_or_init(|| {
        let t = trad_table();
        t.values().copied().filter(|c| !t.contains_key(c)).collect()
    })
}

fn compat_table() -> &'static CharMap<char> {
    static T: OnceLock<CharMap<char>> = OnceLock::new();
    T.get_or_init(|| table(include_str!("../data/cjk_compat.tsv")))
}

/// `true` for CJK unified ideographs (the BMP blocks and extension B+).
///
/// ```
/// assert!(baogao::normalize::is_han('国'));
/// assert!(!baogao::normalize::is_han('，'));
/// ```
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F | 0x3007)
}

/// Punctuation that cannot start a paragraph: a line break before it is a
/// wrap, not a paragraph break.
fn continues_line(c: char) -> bool {
    matches!(c, '，' | ',' | '。' | '、' | ';' | ':' | ')' | '》' | '」' | '』' | '”' | '’' | '!' | '?' | '%' | '‰')
}

/// Characters that cannot end a paragraph: a line break after them is a wrap.
fn opens(c: char) -> bool {
    matches!(c, '(' | '《' | '「' | '『' | '“' | '‘' | '[' | '【')
}

fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | ':' | ';' | '…' | '”' | '’' | ')' | '》' | '」')
}

/// `true` when the chars start like a numbered heading ("一、", "(一)", "1.").
fn starts_heading(chars: &[Folded]) -> bool {
    let c: Vec<char> = chars.iter().take(4).map(|f| f.c).collect();
    let numeral = |c: char| "一二三四五六七八九十".contains(c) || c.is_ascii_digit();
    match c.as_slice() {
        [a, '.', b, ..] => numeral(*a) && !b.is_ascii_digit(), // "5.6亿" is a number
        [a, '、', ..] | [a, '.'] => numeral(*a),
        [a, b, '、', ..] => numeral(*a) && numeral(*b),
        ['(', a, ..] => numeral(*a),
        _ => false,
    }
}

/// First and last code point of the dense folding table (CJK radicals to
/// the compatibility ideographs: every BMP character the tables fold).
const DENSE_FIRST: u32 = 0x2E80;
const DENSE_LAST: u32 = 0xFAFF;
/// Flags of a dense entry; the low 21 bits hold the folded char (0 = itself).
const TRAD_KEY: u32 = 1 << 29;
const SIMP_ONLY: u32 = 1 << 30;

/// One array lookup per BMP Han character instead of several hash lookups:
/// the folded char (compatibility → unified → simplified) and whether the
/// char is traditional-only or simplified-only (for [`Script`]).
fn dense() -> &'static [u32] {
    static T: OnceLock<Vec<u32>> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = vec![0u32; (DENSE_LAST - DENSE_FIRST + 1) as usize];
        for u in DENSE_FIRST..=DENSE_LAST {
            let Some(c) = char::from_u32(u) else { continue };
            let folded = slow_fold(c);
            let mut e = if folded != c { folded as u32 } else { 0 };
            if trad_table().contains_key(&c) {
                e |= TRAD_KEY;
            } else if simp_only().contains(&c) {
                e |= SIMP_ONLY;
            }
            t[(u - DENSE_FIRST) as usize] = e;
        }
        t
    })
}

/// Folds a Han or compatibility character through the tables.
fn slow_fold(c: char) -> char {
    if let Some(&k) = compat_table().get(&c) {
        *trad_table().get(&k).unwrap_or(&k)
    } else if c as u32 >= 0x3400 {
        *trad_table().get(&c).unwrap_or(&c)
    } else {
        c
    }
}

/// The folded char (None = dropped) and its script flags.
#[inline]
fn fold_char(c: char) -> (Option<char>, u32) {
    let u = c as u32;
    match c {
        '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{3000}' | '\r' => (None, 0),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\t' => (Some(' '), 0),
        '\u{FF01}'..='\u{FF5E}' => (char::from_u32(u - 0xFEE0), 0),
        _ if u < DENSE_FIRST => (Some(c), 0),
        _ if u <= DENSE_LAST => {
            let e = dense()[(u - DENSE_FIRST) as usize];
            let f = e & 0x1F_FFFF;
            (Some(if f == 0 { c } else { char::from_u32(f).unwrap_or(c) }), e & (TRAD_KEY | SIMP_ONLY))
        }
        _ => {
            let flags = if trad_table().contains_key(&c) {
                TRAD_KEY
            } else if simp_only().contains(&c) {
                SIMP_ONLY
            } else {
                0
            };
            (Some(slow_fold(c)), flags)
        }
    }
}

/// Detects hard-wrapped (PDF) text: returns the wrap width in chars when most
/// long lines share one length and break mid-sentence.
fn wrap_width(chars: &[Folded], lines: &[PhysLine]) -> Option<usize> {
    let lens: Vec<(usize, char)> = lines.iter().map(|l| (l.len, chars[l.last].c)).collect();
    let long: Vec<&(usize, char)> = lens.iter().filter(|(l, _)| *l >= 15).collect();
    if long.len() < 10 {
        return None;
    }
    let mut freq: HashMap<usize, usize> = HashMap::new();
    for (l, _) in &long {
        *freq.entry(*l).or_default() += 1;
    }
    let (&mode, _) = freq.iter().max_by_key(|(l, n)| (**n, **l))?;
    let near = long.iter().filter(|(l, _)| l.abs_diff(mode) <= 1).count();
    let open = long.iter().filter(|(l, c)| l.abs_diff(mode) <= 1 && !ends_sentence(*c)).count();
    (near * 2 >= long.len() && open * 3 >= near).then_some(mode)
}

impl<'a> Normalized<'a> {
    /// Builds the normalized view of `original`.
    pub fn new(original: &'a str) -> Self {
        let mut trad = 0usize;
        let mut simp = 0usize;
        let mut chars: Vec<Folded> = Vec::with_capacity(original.len() / 2);
        for (b, c) in original.char_indices() {
            let start = b as u32;
            if c.is_ascii() && c != '\r' && c != '\t' {
                chars.push(Folded { c, start });
                continue;
            }
            let (folded, flags) = fold_char(c);
            trad += (flags & TRAD_KEY != 0) as usize;
            simp += (flags & SIMP_ONLY != 0) as usize;
            if let Some(f) = folded {
                chars.push(Folded { c: f, start });
            }
        }
        let script = if trad >= 20 && trad > simp * 4 {
            Script::Traditional
        } else if trad >= 20 && simp >= 20 && trad * 10 >= simp {
            Script::Mixed
        } else {
            Script::Simplified
        };
        let keep = decide(&chars);
        let mut text = String::with_capacity(original.len());
        let mut starts = Vec::with_capacity(original.len());
        let mut breaks = Vec::new();
        for (f, k) in chars.iter().zip(keep) {
            if !k {
                continue;
            }
            let c = f.c;
            if is_break(c) {
                breaks.push(text.len());
            }
            text.push(c);
            // constant lengths: the stores are inlined, no call per char
            match c.len_utf8() {
                1 => starts.push(f.start),
                2 => starts.extend_from_slice(&[f.start; 2]),
                3 => starts.extend_from_slice(&[f.start; 3]),
                _ => starts.extend_from_slice(&[f.start; 4]),
            }
        }
        Normalized { original, text, starts, breaks, script }
    }

    /// Sorted starts of the pieces of the normalized text that end at a
    /// character where `stop` holds (the piece before owns the character),
    /// beginning with 0. `stop` is asked only about [`is_break`] characters,
    /// which are collected while normalizing, so this costs no pass over the
    /// text.
    ///
    /// ```
    /// let n = baogao::normalize::Normalized::new("增长6%，好。再见");
    /// assert_eq!(n.pieces(|c| c == '。'), vec![0, 15]);
    /// assert_eq!(n.pieces(|c| c == '。' || c == ','), vec![0, 9, 15]);
    /// ```
    pub fn pieces(&self, stop: impl Fn(char) -> bool) -> Vec<usize> {
        let mut out = vec![0];
        for &b in &self.breaks {
            if let Some(c) = self.text[b..].chars().next().filter(|&c| stop(c)) {
                out.push(b + c.len_utf8());
            }
        }
        out
    }

    /// The normalized text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The original input.
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// The script detected while folding.
    pub fn script(&self) -> Script {
        self.script
    }

    /// Maps the normalized byte range `start..end` to the original byte range
    /// covering the same characters (including anything dropped in between).
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        let n = self.text.len();
        let s = if start >= n { self.original.len() } else { self.starts[start] as usize };
        if end <= start {
            return (s, s);
        }
        let e = if end > n {
            self.original.len()
        } else {
            // The end of the original char behind the last normalized byte.
            let s = self.starts[end - 1] as usize;
            s + self.original[s..].chars().next().map_or(0, char::len_utf8)
        };
        (s, e.max(s))
    }

    /// The original slice behind the normalized range `start..end`.
    pub fn original_slice(&self, start: usize, end: usize) -> &'a str {
        let (s, e) = self.to_original(start, end);
        &self.original[s..e]
    }

    /// Normalized byte offset of the first normalized char at or after the
    /// original byte offset `orig` (binary search).
    pub fn from_original(&self, orig: usize) -> usize {
        self.starts.partition_point(|&s| (s as usize) < orig)
    }
}

/// One physical line of folded chars (indices into the folded array).
struct PhysLine {
    /// First non-space char.
    first: usize,
    /// Last non-space char.
    last: usize,
    /// Number of non-space chars.
    len: usize,
    /// Contains sentence-internal punctuation (，；。) before its end.
    inner_punct: bool,
    /// Has any punctuation at all.
    any_punct: bool,
    /// Has an ASCII digit.
    digit: bool,
}

fn is_punct(c: char) -> bool {
    matches!(c, ',' | '，' | '、' | ';' | '。' | ':' | '!' | '?' | '…' | '“' | '”' | '"' | '(' | ')' | '《' | '》')
}

fn phys_lines(chars: &[Folded]) -> Vec<PhysLine> {
    let mut out = Vec::new();
    let mut cur: Option<PhysLine> = None;
    // the last non-space char of the current line
    let mut prev = ' ';
    for (i, f) in chars.iter().enumerate() {
        match f.c {
            '\n' => {
                if let Some(l) = cur.take() {
                    out.push(l);
                }
            }
            ' ' => {}
            c => {
                let l = cur.get_or_insert(PhysLine {
                    first: i,
                    last: i,
                    len: 0,
                    inner_punct: false,
                    any_punct: false,
                    digit: false,
                });
                if l.len > 0 && matches!(prev, ',' | '，' | ';' | '。') {
                    l.inner_punct = true;
                }
                prev = c;
                l.last = i;
                l.len += 1;
                if (c as u32) < 0x2000 {
                    l.digit |= c.is_ascii_digit();
                    l.any_punct |= matches!(c, ',' | ';' | ':' | '!' | '?' | '"' | '(' | ')');
                } else {
                    l.any_punct |= is_punct(c);
                }
            }
        }
    }
    if let Some(l) = cur {
        out.push(l);
    }
    out
}

/// `true` when a line starting at `chars` begins a new unit of its own: a
/// heading marker, a dash bullet, a bracketed line, a salutation.
fn starts_block(chars: &[Folded]) -> bool {
    let first = chars.first().map_or(' ', |f| f.c);
    starts_heading(chars)
        || matches!(first, '—' | '-' | '―' | '(' | '[' | '【' | '<' | '*' | '#')
        || chars.iter().take(4).map(|f| f.c).eq("各位代表".chars())
}

/// Decides which folded chars to keep: drops spaces between Han characters
/// and line breaks that are wraps.
fn decide(chars: &[Folded]) -> Vec<bool> {
    let mut keep = vec![true; chars.len()];
    // Spaces inside a line between two Han characters.
    let mut i = 0;
    while i < chars.len() {
        if chars[i].c != ' ' {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && chars[j].c == ' ' {
            j += 1;
        }
        if i > 0 && j < chars.len() && is_han(chars[i - 1].c) && is_han(chars[j].c) {
            keep[i..j].iter_mut().for_each(|k| *k = false);
        }
        i = j;
    }
    let lines = phys_lines(chars);
    let width = wrap_width(chars, &lines);
    let has_next = |k: usize| lines.get(k + 1).is_some_and(|l| !starts_block(&chars[l.first..]));
    // Whether the logical line built so far starts with a heading marker.
    let mut marker_chain = lines.first().is_some_and(|l| starts_heading(&chars[l.first..]));
    // Whether the logical line built so far stops mid-sentence.
    let mut open = lines
        .first()
        .is_some_and(|l| !ends_sentence(chars[l.last].c) && !starts_heading(&chars[l.first..]) && l.inner_punct);
    for w in 0..lines.len().saturating_sub(1) {
        let (p, n) = (&lines[w], &lines[w + 1]);
        let pc = chars[p.last].c;
        let nc = chars[n.first].c;
        let breaks = chars[p.last + 1..n.first].iter().filter(|f| f.c == '\n').count();
        let p_marker = starts_heading(&chars[p.first..]);
        let n_block = starts_block(&chars[n.first..]);
        let n_fragment = n.len <= 4 && !n_block && chars[n.first..=n.last].iter().all(|f| is_han(f.c) || f.c == ' ');
        // Hard-wrapped text: a full line that does not end a sentence runs on
        // (closing quotes and brackets do not end one: "…条例》\n等9件").
        let wrapped = breaks == 1
            && width.is_some_and(|wd| p.len + 1 >= wd)
            && !matches!(pc, '。' | '!' | '?' | ':' | ';' | '…')
            && !starts_heading(&chars[n.first..])
            && !matches!(nc, '—' | '-' | '―');
        let join = continues_line(nc)
            || opens(pc)
            || (pc.is_ascii_digit() && (nc == '.' || nc == '%'))
            || (pc == '.' && nc.is_ascii_digit() && p.len >= 2 && chars[p.last - 1].c.is_ascii_digit())
            || wrapped
            // A sentence broken by web markup (in hard-wrapped text the width decides) ("依法严厉打\n法轮功\n等邪教组织").
            || (open && width.is_none() && !n_block && (is_han(nc) || matches!(nc, '“' | '"' | '‘')))
            // A phrase split off before a line that continues the sentence
            // ("已经缔结了\n友好同盟互助条约\n。苏联…").
            || (!ends_sentence(pc)
                && !p_marker
                && n.len <= 16
                && !n.any_punct
                && !n_block
                && lines.get(w + 2).is_some_and(|l| continues_line(chars[l.first].c)))
            // A split heading or phrase ("五、民主\n法制\n建设和…", "加强民主\n法制\n建设").
            || ((p_marker || (p.len >= 3 && !p.any_punct)) && p.len <= 12 && !ends_sentence(pc) && n_fragment && n.len <= 3 && has_next(w + 1));
        if join {
            keep[p.last + 1..n.first].iter_mut().for_each(|k| *k = false);
            // A split heading continues only through fragments; a sentence through anything unfinished.
            open = !ends_sentence(chars[n.last].c)
                && if marker_chain { n_fragment } else { open || n.inner_punct || n.len <= 14 };
        } else {
            marker_chain = starts_heading(&chars[n.first..]);
            open = !ends_sentence(chars[n.last].c) && !marker_chain && n.inner_punct;
        }
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(original: &str) -> Normalized<'_> {
        let n = Normalized::new(original);
        // Every normalized char maps to an original char boundary.
        for (b, c) in n.text().char_indices() {
            let (s, e) = n.to_original(b, b + c.len_utf8());
            assert!(original.is_char_boundary(s) && original.is_char_boundary(e));
            assert!(s < e);
        }
        n
    }

    #[test]
    fn folds_width_spaces_and_bom() {
        let n = roundtrip("\u{FEFF}\u{3000}\u{3000}增长９．５％，\u{200B}好。\r\n下一段");
        assert_eq!(n.text(), "增长9.5%,好。\n下一段");
    }

    #[test]
    fn joins_wraps_before_punctuation_and_inside_numbers() {
        assert_eq!(roundtrip("增长6.5\n%").text(), "增长6.5%");
        assert_eq!(roundtrip("增长5.\n2万元").text(), "增长5.2万元");
        assert_eq!(roundtrip("通过了\n中华人民共和国宪法\n，接着").text(), "通过了中华人民共和国宪法,接着");
        assert_eq!(roundtrip("标题\n\n正文").text(), "标题\n\n正文");
    }

    #[test]
    fn joins_lines_split_by_web_markup() {
        // A sentence broken around a linked phrase.
        assert_eq!(
            roundtrip("依法严厉打击\n法轮功\n等邪教组织。\n下一段。").text(),
            "依法严厉打击法轮功等邪教组织。\n下一段。"
        );
        let t = "接着，通过了根本法——\n中华人民共和国宪法\n，接着又通过了法律。";
        assert_eq!(roundtrip(t).text(), "接着,通过了根本法——中华人民共和国宪法,接着又通过了法律。");
        assert_eq!(
            roundtrip("我国同苏联已经缔结了\n友好同盟互助条约\n。苏联已经归还铁路。").text(),
            "我国同苏联已经缔结了友好同盟互助条约。苏联已经归还铁路。"
        );
        // A heading split around a bold phrase, with blank lines between.
        assert_eq!(
            roundtrip("五、民主\n\n法制\n\n建设和精神文明建设进一步加强。").text(),
            "五、民主法制建设和精神文明建设进一步加强。"
        );
        assert_eq!(
            roundtrip("5、民主\n法制\n建设得到加强，局面进一步巩固\n村务公开进一步深入。").text(),
            "5、民主法制建设得到加强,局面进一步巩固\n村务公开进一步深入。"
        );
        assert_eq!(
            roundtrip("二、“\n十四五\n”时期的重点任务\n“\n十四五\n”时期，我国开启新征程。").text(),
            "二、“十四五”时期的重点任务\n“十四五”时期,我国开启新征程。"
        );
        // Headings and chrome stay on their own lines.
        assert_eq!(
            roundtrip("(一)突出创新驱动,经济实力明显增强\n产业结构稳步提升。").text(),
            "(一)突出创新驱动,经济实力明显增强\n产业结构稳步提升。"
        );
        assert_eq!(roundtrip("下载\n打印\n全屏\n收藏").text(), "下载\n打印\n全屏\n收藏");
        assert_eq!(
            roundtrip("各位代表:\n现在,我代表区人民政府向大会报告工作").text(),
            "各位代表:\n现在,我代表区人民政府向大会报告工作"
        );
    }

    #[test]
    fn drops_spaces_between_han_only() {
        assert_eq!(roundtrip("政 府 工 作 报 告").text(), "政府工作报告");
        assert_eq!(roundtrip("8 .8 %").text(), "8 .8 %");
        assert_eq!(roundtrip("Public domain").text(), "Public domain");
    }

    #[test]
    fn folds_kangxi_and_traditional() {
        let n = roundtrip("党的⼗七⼤");
        assert_eq!(n.text(), "党的十七大");
        let n = roundtrip("國務院關於發展");
        assert_eq!(n.text(), "国务院关于发展");
    }

    #[test]
    fn maps_spans_back_to_the_original() {
        let original = "𠮷ａ\u{3000}增長\r\n９％";
        let n = roundtrip(original);
        let t = n.text();
        let at = t.find('增').unwrap();
        let (s, e) = n.to_original(at, t.len());
        assert_eq!(&original[s..e], "增長\r\n９％");
    }

    #[test]
    fn joins_hard_wrapped_pdf_lines() {
        let line = "这是一个很长的句子用来模拟每行二十八个字符的排版效果而";
        let mut text = String::new();
        for _ in 0..12 {
            text.push_str(line);
            text.push('\n');
        }
        text.push_str("结束。\n一、标题\n正文。\n");
        let n = roundtrip(&text);
        assert!(n.text().contains("而这是"));
        assert!(n.text().contains("而结束。\n一、标题\n正文。"));
    }
}
