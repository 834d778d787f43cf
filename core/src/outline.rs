//! Stage 4: the outline — headings, sections, paragraphs and their leads.
//!
//! Headings are numbered lines of the body: `一、` (depth 1), `(一)`/`（一）`
//! (depth 2), `1.`/`1、`/`1．` (depth 3), `(1)` (depth 4). A heading may stand
//! on its own line or open a paragraph ("（一）标题。正文…": an *inline*
//! heading, whose title is the text up to the first 。). Numbering restarts
//! under each parent and must run 1, 2, 3 …; an item that breaks its series,
//! ends with ；, or whose first sentence is too long to be a title is an
//! enumeration inside a paragraph, not a heading. Short unpunctuated lines
//! between paragraphs are unnumbered part headings ("2022年政府工作回顾").
//! After the closing, an appendix (附件) or glossary (名词解释) is one section
//! whose numbered items are not sections.
//!
//! Blocks are not always closed: after the last `(六)` of a part, paragraphs
//! such as "各位代表，…" or "一年来，…" return to the part.

use crate::diagnostics;
use crate::layout::{is_salutation, Layout};
use crate::model::{Diagnostic, Paragraph, Role, Section, TextSpan};
use crate::normalize::Normalized;
use crate::numerals;
use crate::roles;

/// Numbering styles of headings, in nesting order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Style {
    /// An unnumbered part heading.
    Part,
    /// 一、
    HanziDun,
    /// (一)
    ParenHanzi,
    /// 1. 1、
    ArabicDot,
    /// (1)
    ParenArabic,
    /// An appendix or glossary after the report.
    Appendix,
}

impl Style {
    fn depth(self) -> u8 {
        match self {
            Style::Part | Style::HanziDun | Style::Appendix => 1,
            Style::ParenHanzi => 2,
            Style::ArabicDot => 3,
            Style::ParenArabic => 4,
        }
    }
}

/// A heading found on a line (normalized byte offsets relative to the line).
#[derive(Debug, Clone)]
struct Heading {
    line: usize,
    style: Style,
    ordinal: Option<u32>,
    marker: Option<(usize, usize)>,
    title: (usize, usize),
    inline: bool,
}

/// Longest inline-heading title (chars): longer first sentences are body text.
const MAX_INLINE_TITLE: usize = 50;
/// Longest standalone heading title (chars).
const MAX_TITLE: usize = 64;

/// The list style and ordinal of a numbered marker at the start of `t`, and
/// the marker's length in bytes ("1.医疗卫生方面" → arabic_dot, 1, 2).
pub(crate) fn list_marker(t: &str) -> Option<(crate::model::ListStyle, u32, usize)> {
    use crate::model::ListStyle;
    let (style, ord, len) = marker(t)?;
    let style = match style {
        Style::HanziDun => ListStyle::HanziDun,
        Style::ParenHanzi => ListStyle::ParenHanzi,
        Style::ArabicDot => ListStyle::ArabicDot,
        Style::ParenArabic => ListStyle::ParenArabic,
        Style::Part | Style::Appendix => return None,
    };
    Some((style, ord, len))
}

fn is_hanzi_numeral(c: char) -> bool {
    numerals::digit(c).is_some() || matches!(c, '十' | '百')
}

/// Parses a heading marker at the start of `t`: (style, ordinal, marker length in bytes).
fn marker(t: &str) -> Option<(Style, u32, usize)> {
    let mut chars = t.char_indices();
    let (_, first) = chars.next()?;
    if first == '(' {
        let close = t.find(')')?;
        let inner = &t[1..close];
        if inner.is_empty() || inner.chars().count() > 3 {
            return None;
        }
        let style = if inner.chars().all(is_hanzi_numeral) {
            Style::ParenHanzi
        } else if inner.bytes().all(|b| b.is_ascii_digit()) {
            Style::ParenArabic
        } else {
            return None;
        };
        let ord = numerals::small_int(inner)?;
        return Some((style, ord, close + 1));
    }
    if is_hanzi_numeral(first) {
        let end = t.find(|c: char| !is_hanzi_numeral(c))?;
        if !t[end..].starts_with('、') || t[..end].chars().count() > 3 {
            return None;
        }
        let ord = numerals::small_int(&t[..end])?;
        return Some((Style::HanziDun, ord, end + '、'.len_utf8()));
    }
    if first.is_ascii_digit() {
        let end = t.find(|c: char| !c.is_ascii_digit())?;
        if end > 2 {
            return None;
        }
        let rest = &t[end..];
        let sep = rest.chars().next()?;
        if !matches!(sep, '、' | '.') {
            return None;
        }
        let after = rest[sep.len_utf8()..].trim_start_matches(' ').chars().next()?;
        if after.is_ascii_digit() || after == '%' {
            return None; // "1.5亿元", "3. 1" in PDF text is a number
        }
        let ord = numerals::small_int(&t[..end])?;
        return Some((Style::ArabicDot, ord, end + sep.len_utf8()));
    }
    None
}

fn is_terminal(c: char) -> bool {
    matches!(c, '。' | '!' | '?')
}

fn trim_title_end(t: &str) -> &str {
    t.trim_end_matches(['。', ',', ';', ':', '、', ' ', '!', '?', '.'])
}

/// Reads a numbered heading on line `line` with normalized text `t`.
fn numbered(line: usize, t: &str) -> Option<Heading> {
    let (style, ordinal, mlen) = marker(t)?;
    let rest_start = mlen + (t[mlen..].len() - t[mlen..].trim_start_matches(' ').len());
    let rest = &t[rest_start..];
    if rest.is_empty() {
        return None;
    }
    let term = rest.char_indices().find(|(_, c)| is_terminal(*c));
    let after_term =
        term.map(|(i, c)| rest[i + c.len_utf8()..].trim_matches(|c: char| matches!(c, ' ' | '”' | '"' | ')' | '’')));
    let (title, inline) = match (term, after_term) {
        (Some((i, _)), Some(after)) if !after.is_empty() => (&rest[..i], true),
        _ => {
            if rest.ends_with(';') || rest.ends_with(',') || rest.ends_with('、') {
                return None; // an item of an enumeration
            }
            (trim_title_end(rest), false)
        }
    };
    let n = title.chars().count();
    let limit = if inline { MAX_INLINE_TITLE } else { MAX_TITLE };
    if n == 0 || n > limit || title.contains(';') {
        return None;
    }
    Some(Heading {
        line,
        style,
        ordinal: Some(ordinal),
        marker: Some((0, mlen)),
        title: (rest_start, rest_start + title.len()),
        inline,
    })
}

/// A short line with no punctuation between paragraphs: an unnumbered part heading.
fn unnumbered(t: &str, prev: Option<&str>, next: Option<&str>) -> bool {
    // 24 chars take at most 96 bytes: long lines (most paragraphs) are out at once
    if t.len() > 96 {
        return false;
    }
    let n = t.chars().count();
    if !(4..=24).contains(&n) {
        return false;
    }
    let han = t.chars().filter(|c| crate::normalize::is_han(*c)).count();
    let punct = t.chars().any(|c| matches!(c, ',' | '。' | ';' | ':' | '!' | '?' | '(' | ')' | '—' | '-'));
    let prev_ok = prev.is_none_or(|p| {
        p.ends_with(|c: char| is_terminal(c) || matches!(c, ':' | '”' | '"' | ')'))
            || marker(p).is_some()
            || is_salutation(p)
    });
    let next_ok = next.is_some_and(|x| x.contains('。') || marker(x).is_some());
    (4..=24).contains(&n) && han * 2 > n && !punct && prev_ok && next_ok && !is_salutation(t) && !t.contains("工作报告")
}

/// The start of an appendix or glossary after the report.
fn appendix_start(t: &str) -> bool {
    let t = t.trim_start_matches(['【', '[']);
    (t.starts_with("附件") && t.chars().count() <= 40)
        || (t.starts_with("附录") && t.chars().count() <= 40)
        || matches!(
            trim_title_end(t),
            "名词解释" | "名词注释" | "注释" | "注解" | "附:名词解释" | "附:注释" | "名词解释和注释"
        )
}

/// Builds sections and paragraphs from the body lines.
///
/// `year` (the report year, when known) helps tell a review part from a task
/// part ("2016年重点工作" vs "2015年工作回顾").
pub fn build(
    norm: &Normalized<'_>,
    layout: &Layout,
    year: Option<i32>,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Section>, Vec<Paragraph>) {
    let text = norm.text();
    let body: Vec<usize> = layout.body_lines().collect();
    let lt = |i: usize| &text[layout.lines[i].start..layout.lines[i].end];

    // 1. Heading candidates, in body order.
    let closing_at = body.iter().position(|&i| roles::is_closing(lt(i)));
    let appendix_from = body
        .iter()
        .enumerate()
        .position(|(k, &i)| (closing_at.is_some_and(|c| k > c) || k * 2 >= body.len()) && appendix_start(lt(i)));
    let mut cands: Vec<Heading> = Vec::new();
    for (k, &i) in body.iter().enumerate() {
        let t = lt(i);
        if appendix_from.is_some_and(|a| k >= a) {
            let after_bare_attachment =
                k > 0 && cands.last().is_some_and(|c| c.line == body[k - 1] && c.title.1 - c.title.0 <= 12);
            if appendix_start(t) && !after_bare_attachment {
                cands.push(Heading {
                    line: i,
                    style: Style::Appendix,
                    ordinal: None,
                    marker: None,
                    title: (0, trim_title_end(t).len()),
                    inline: false,
                });
            }
            continue;
        }
        if let Some(h) = numbered(i, t) {
            cands.push(h);
        } else if unnumbered(t, k.checked_sub(1).map(|p| lt(body[p])), body.get(k + 1).map(|&n| lt(n))) {
            cands.push(Heading {
                line: i,
                style: Style::Part,
                ordinal: None,
                marker: None,
                title: (0, t.len()),
                inline: false,
            });
        }
    }

    // 2. Keep the candidates whose numbering runs in order under their parent.
    // Stack entries: (candidate index, style, last child ordinal per style).
    struct Open {
        cand: usize,
        style: Style,
        last: [u32; 6],
    }
    // Body lines are in document order: a line's position is a binary search away.
    let pos_of_line = |line: usize| body.binary_search(&line).unwrap_or(0);
    let mut root_last = [0u32; 6];
    let mut stack: Vec<Open> = Vec::new();
    // For the part heading of the review check below: whether it is a review
    // part, how far its body was searched for a turn to this year, and where
    // that turn is (the candidates come in body order, so each part's lines
    // are read once).
    let mut part_memo: Option<(usize, bool, usize, Option<usize>)> = None;
    let mut kept: Vec<(usize, Option<usize>)> = Vec::new(); // (cand index, parent cand index)
    for (ci, h) in cands.iter().enumerate() {
        if h.style == Style::Part {
            // A part heading opens a new numbering: the next numbered heading must be a first one.
            // Or it names a part of a report by its cue words ("过去五年国内工作的基本总结").
            let next = cands[ci + 1..].iter().find(|c| !matches!(c.style, Style::Part | Style::Appendix));
            let l = layout.lines[h.line];
            let named =
                roles::role_of_title(&text[l.start..l.end]) != Role::Other || roles::opens_part(&text[l.start..l.end]);
            if !(next.is_some_and(|c| c.ordinal == Some(1)) || named) {
                continue;
            }
        }
        if matches!(h.style, Style::Part | Style::Appendix) {
            stack.clear();
            root_last = [0; 6];
            kept.push((ci, None));
            stack.push(Open { cand: ci, style: h.style, last: [0; 6] });
            if h.style == Style::Appendix {
                continue;
            }
            continue;
        }
        if stack.last().is_some_and(|o| o.style == Style::Appendix) {
            continue;
        }
        // A review part ends where the report turns to this year's work: a
        // numbered series after that is not part of it.
        if let Some(part) = stack.first().filter(|o| o.style == Style::Part && o.last == [0; 6]) {
            let (from, to) = (pos_of_line(cands[part.cand].line), pos_of_line(h.line));
            let memo = match &mut part_memo {
                Some(m) if m.0 == part.cand => m,
                m => {
                    let pl = layout.lines[cands[part.cand].line];
                    let review = roles::assign(&text[pl.start..pl.end], None, year, &[]) == Role::Review;
                    m.insert((part.cand, review, from + 1, None))
                }
            };
            let (_, review, scanned, turn) = memo;
            if *review {
                while turn.is_none() && *scanned < to {
                    if roles::turns_to_this_year(lt(body[*scanned]), year) {
                        *turn = Some(*scanned);
                    }
                    *scanned += 1;
                }
                if turn.is_some_and(|k| k < to) {
                    stack.clear();
                }
            }
        }
        // Find the parent: the nearest open heading of a shallower style.
        let mut depth = stack.len();
        while depth > 0 && stack[depth - 1].style >= h.style && stack[depth - 1].style != Style::Part {
            depth -= 1;
        }
        let slot = h.style as usize;
        let last = if depth == 0 { root_last[slot] } else { stack[depth - 1].last[slot] };
        let ord = h.ordinal.unwrap_or(0);
        let ok = ord == last + 1 || ord == 1 || (!h.inline && last > 0 && ord == last + 2);
        if !ok {
            continue;
        }
        if ord == last + 2 {
            diagnostics::push(
                diags,
                diagnostics::HEADING_SEQUENCE,
                format!("heading number {ord} follows {last}"),
                Some(norm.to_original(layout.lines[h.line].start, layout.lines[h.line].end)),
            );
        }
        stack.truncate(depth);
        if depth == 0 {
            root_last[slot] = ord;
        } else {
            stack[depth - 1].last[slot] = ord;
        }
        let parent = stack.last().map(|o| o.cand);
        kept.push((ci, parent));
        stack.push(Open { cand: ci, style: h.style, last: [0; 6] });
    }

    // 3. Section extents in body positions: up to the next heading that is not a descendant.
    let pos_of = pos_of_line;
    let n_kept = kept.len();
    let mut sec_index = vec![usize::MAX; cands.len()];
    for (s, (ci, _)) in kept.iter().enumerate() {
        sec_index[*ci] = s;
    }
    let parents: Vec<Option<usize>> = kept.iter().map(|(_, p)| p.map(|pc| sec_index[pc])).collect();
    let is_ancestor = |a: usize, mut s: usize| {
        while let Some(p) = parents[s] {
            if p == a {
                return true;
            }
            s = p;
        }
        false
    };
    let first_pos: Vec<usize> = kept.iter().map(|(ci, _)| pos_of(cands[*ci].line)).collect();
    let mut end_pos: Vec<usize> = (0..n_kept)
        .map(|s| (s + 1..n_kept).find(|&t| !is_ancestor(s, t)).map_or(body.len(), |t| first_pos[t]))
        .collect();
    // Blocks that are never closed: a last child gives its trailing paragraphs
    // back to its parent from the first one that opens like a part-level paragraph.
    // Per body position: a kept heading is there.
    let mut heading_at = vec![false; body.len()];
    for (ci, _) in &kept {
        if let Some(h) = heading_at.get_mut(pos_of(cands[*ci].line)) {
            *h = true;
        }
    }
    let mut has_next_sibling = vec![false; n_kept];
    // Per parent (index 0 for none, else section index + 1): a later child was seen.
    let mut seen_parent = vec![false; n_kept + 1];
    for s in (0..n_kept).rev() {
        let seen = &mut seen_parent[parents[s].map_or(0, |p| p + 1)];
        has_next_sibling[s] = std::mem::replace(seen, true);
    }
    for s in 0..n_kept {
        if parents[s].is_none() || has_next_sibling[s] {
            continue;
        }
        let start = first_pos[s] + 1;
        if let Some(cut) =
            (start..end_pos[s]).find(|&k| k > start && !heading_at[k] && roles::returns_to_part(lt(body[k])))
        {
            // Close this section and its descendants at `cut`.
            for (t, end) in end_pos.iter_mut().enumerate().skip(s) {
                if t == s || is_ancestor(s, t) {
                    *end = (*end).min(cut);
                }
            }
        }
    }

    // 4. Sections.
    let mut sections: Vec<Section> = Vec::with_capacity(n_kept);
    let mut top_roles: Vec<Role> = Vec::new();
    for (s, (ci, _)) in kept.iter().enumerate() {
        let h = &cands[*ci];
        let l = layout.lines[h.line];
        let (mut ts, mut te) = (l.start + h.title.0, l.start + h.title.1);
        if h.style == Style::Appendix && text[ts..te].chars().count() <= 4 {
            // "附件1" alone: the title is on the next line.
            let k = pos_of(h.line) + 1;
            if let Some(&nl) = body.get(k).filter(|_| k < end_pos[s]) {
                let nlt = layout.lines[nl];
                if text[nlt.start..nlt.end].chars().count() <= 40 {
                    ts = nlt.start;
                    te = nlt.start + trim_title_end(&text[nlt.start..nlt.end]).len();
                }
            }
        }
        let title_norm = &text[ts..te];
        let parent_role = parents[s].map(|p| sections[p].role);
        let role = match h.style {
            Style::Appendix => {
                let r = roles::role_of_title(title_norm);
                if r == Role::Glossary || roles::role_of_title(&text[l.start..l.end]) == Role::Glossary {
                    Role::Glossary
                } else {
                    Role::Appendix
                }
            }
            _ => roles::assign(title_norm, parent_role, year, &top_roles),
        };
        if parents[s].is_none() {
            top_roles.push(role);
        }
        let last_line = body[end_pos[s].max(first_pos[s] + 1) - 1];
        let (start, _) = norm.to_original(l.start, l.end);
        let (_, end) = norm.to_original(layout.lines[last_line].start, layout.lines[last_line].end);
        let (title_start, title_end) = norm.to_original(ts, te);
        let (title_start, title_end) = if te > ts { (title_start, title_end) } else { (title_start, title_start) };
        sections.push(Section {
            id: s,
            parent: parents[s],
            depth: h.style.depth(),
            marker: h.marker.map(|(a, b)| norm.original_slice(l.start + a, l.start + b).to_string()),
            ordinal: h.ordinal,
            title: norm.original()[title_start..title_end].to_string(),
            role,
            start,
            end,
            title_start,
            title_end,
        });
    }
    if sections.is_empty() && !body.is_empty() {
        diagnostics::push(diags, diagnostics::NO_SECTIONS, "no numbered heading was found", None);
    }

    // 5. Paragraphs: every body line but standalone headings.
    // Per line: a standalone heading; the end of an inline heading's title.
    let mut standalone = vec![false; layout.lines.len()];
    let mut inline_title: Vec<Option<usize>> = vec![None; layout.lines.len()];
    for (ci, _) in &kept {
        let h = &cands[*ci];
        if h.inline {
            inline_title[h.line] = Some(h.title.1);
        } else {
            standalone[h.line] = true;
        }
    }
    let mut paragraphs = Vec::new();
    // Sweep: sections are nested intervals of body positions, in order of their start.
    let mut open_secs: Vec<usize> = Vec::new();
    let mut next_sec = 0;
    for (k, &i) in body.iter().enumerate() {
        while next_sec < n_kept && first_pos[next_sec] <= k {
            while open_secs.last().is_some_and(|&t| end_pos[t] <= first_pos[next_sec]) {
                open_secs.pop();
            }
            open_secs.push(next_sec);
            next_sec += 1;
        }
        while open_secs.last().is_some_and(|&t| end_pos[t] <= k) {
            open_secs.pop();
        }
        if standalone[i] {
            continue;
        }
        let l = layout.lines[i];
        // Innermost section covering body position k.
        let section = open_secs.last().copied();
        let (start, end) = norm.to_original(l.start, l.end);
        let lead_from = inline_title[i].map_or(l.start, |te| l.start + te);
        let lead = lead_of(&text[lead_from..l.end], l.end).map(|(a, b)| {
            let (s, e) = norm.to_original(lead_from + a, lead_from + b);
            TextSpan { text: norm.original()[s..e].to_string(), start: s, end: e }
        });
        paragraphs.push(Paragraph {
            id: paragraphs.len(),
            section,
            start,
            end,
            text: norm.original()[start..end].to_string(),
            lead,
        });
    }
    (sections, paragraphs)
}

/// The topic sentence at the start of `t` ("产业结构稳步提升。…"): its byte
/// range without the 。, when it is short, unpunctuated and followed by more text.
fn lead_of(t: &str, _line_end: usize) -> Option<(usize, usize)> {
    let skip = t.len() - t.trim_start_matches(['。', ' ', '—', '-']).len();
    let t2 = &t[skip..];
    // A 。 after byte 80 ends a sentence of more than 20 chars (four bytes
    // at most per char): only the bytes before can hold a lead's 。.
    let window = &t2[..crate::targets::floor(t2, 80 + '。'.len_utf8())];
    let p = window.find('。')?;
    let s = &t2[..p];
    let n = s.chars().count();
    let rest = t2[p + '。'.len_utf8()..].trim();
    let ok = (4..=20).contains(&n)
        && !rest.is_empty()
        && !s.chars().any(|c| matches!(c, ',' | ';' | ':' | '、' | '!' | '?' | '(' | '“' | '"') || c.is_ascii_digit())
        && !s.starts_with("各位代表");
    ok.then_some((skip, skip + p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout;

    fn outline(text: &str) -> (Vec<Section>, Vec<Paragraph>) {
        let n = Normalized::new(text);
        let mut d = Vec::new();
        let l = layout::layout(&n, &mut d);
        build(&n, &l, Some(2017), &mut d)
    }

    fn titles(s: &[Section]) -> Vec<(Option<&str>, &str, u8)> {
        s.iter().map(|s| (s.marker.as_deref(), s.title.as_str(), s.depth)).collect()
    }

    #[test]
    fn markers() {
        assert_eq!(marker("一、回顾").map(|m| (m.0, m.1)), Some((Style::HanziDun, 1)));
        assert_eq!(marker("十一、外交").map(|m| (m.0, m.1)), Some((Style::HanziDun, 11)));
        assert_eq!(marker("(十四)民生").map(|m| (m.0, m.1)), Some((Style::ParenHanzi, 14)));
        assert_eq!(marker("3、交通").map(|m| (m.0, m.1)), Some((Style::ArabicDot, 3)));
        assert_eq!(marker("(2)教育").map(|m| (m.0, m.1)), Some((Style::ParenArabic, 2)));
        assert_eq!(marker("1.5亿元"), None);
        assert_eq!(marker("一是加强"), None);
        assert_eq!(marker("第一,加强"), None);
    }

    #[test]
    fn standalone_and_inline_headings() {
        let t = "各位代表:\n一、过去一年工作回顾\n(一)强化创新驱动发展,创新建设成效明显。提升科技创新质效。完善投入机制。\n(二)巩固实体经济根基\n产业结构稳步提升。三次产业比重优化。\n二、2017年重点工作\n(一)坚持稳中求进\n正文。";
        let (s, p) = outline(t);
        assert_eq!(
            titles(&s),
            [
                (Some("一、"), "过去一年工作回顾", 1),
                (Some("(一)"), "强化创新驱动发展,创新建设成效明显", 2),
                (Some("(二)"), "巩固实体经济根基", 2),
                (Some("二、"), "2017年重点工作", 1),
                (Some("(一)"), "坚持稳中求进", 2),
            ]
        );
        assert_eq!(s[1].parent, Some(0));
        assert_eq!(s[4].parent, Some(3));
        assert_eq!(s[0].role, Role::Review);
        assert_eq!(s[3].role, Role::Tasks);
        // The inline heading's paragraph starts a lead after the title.
        let inline = p.iter().find(|p| p.text.starts_with("(一)强化")).unwrap();
        assert_eq!(inline.lead.as_ref().unwrap().text, "提升科技创新质效");
        assert_eq!(inline.section, Some(1));
    }

    #[test]
    fn enumerations_are_not_headings() {
        let t = "各位代表:\n一、回顾\n措施如下:\n一、继续坚持改革价格体系;\n二、适当控制物价上涨幅度;\n一是加强领导。二是落实责任。\n第一,深化改革。";
        let (s, _) = outline(t);
        assert_eq!(titles(&s), [(Some("一、"), "回顾", 1)]);
    }

    #[test]
    fn last_block_returns_to_the_part() {
        let t = "各位代表:\n一、回顾\n(一)经济\n产业结构稳步提升。内容。\n(二)民生\n社会事业发展。内容。\n各位代表,一年来我们做了很多工作。\n一年来,我们着力改革。\n二、2017年重点工作\n正文。";
        let (s, p) = outline(t);
        let back = p.iter().find(|p| p.text.starts_with("一年来")).unwrap();
        assert_eq!(back.section, Some(0));
        let inner = p.iter().find(|p| p.text.starts_with("社会事业")).unwrap();
        assert_eq!(inner.section, Some(2));
        assert!(s[2].end < back.start);
    }

    #[test]
    fn appendix_is_one_section() {
        let t = "各位代表:\n一、回顾\n正文。\n让我们为建设美好家园而努力奋斗!\n附件\n名词解释\n1.“双高计划”:是某计划的简称。\n2.“四好农村路”:指建好、管好。";
        let (s, _) = outline(t);
        assert_eq!(s.len(), 2, "{:?}", titles(&s));
        assert_eq!(s[1].role, Role::Glossary);
        assert_eq!(s[1].marker, None);
    }

    #[test]
    fn unnumbered_parts() {
        let t = "各位代表:\n现在,我代表市人民政府报告工作。\n2022年政府工作回顾\n过去一年很不平凡。\n2023年主要工作\n(一)着力扩大内需。全力以赴稳增长。\n(二)着力深化改革。以改革激发活力。";
        let (s, _) = outline(t);
        assert_eq!(
            titles(&s),
            [
                (None, "2022年政府工作回顾", 1),
                (None, "2023年主要工作", 1),
                (Some("(一)"), "着力扩大内需", 2),
                (Some("(二)"), "着力深化改革", 2)
            ]
        );
        assert_eq!(s[2].parent, Some(1));
    }
}
