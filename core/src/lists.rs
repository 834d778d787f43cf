//! Stage: enumerations (SPEC §2 List) and the livelihood-projects list.
//!
//! Reports enumerate in several ways: 一是…二是… inside a paragraph or at the
//! start of consecutive paragraphs, numbered paragraphs (1.…2.…, 一、…二、…
//! that are not headings), dash bullets (——…), circled numbers (①②). The
//! livelihood list (民生实事, 为民办实事, "10件实事") is one of them — or, for
//! "扎实开展A、B…等十件民生实事", an unnumbered 、-list whose size the report
//! declares. Words live in `data/lists.tsv`.
//!
//! ```
//! let text = "各位代表：\n一、2017年重点工作\n新的一年,我们将做好10件实事:一是启动11个社区改造;二是开工20万平方米安置房;三是新建学校3所。\n";
//! let r = baogao::parse(text);
//! let list = r.lists.iter().find(|l| l.livelihood).unwrap();
//! assert_eq!(list.declared_count, Some(10));
//! assert_eq!(list.items.len(), 3);
//! assert_eq!(list.items[0].text, "启动11个社区改造");
//! assert!(r.diagnostics.iter().any(|d| d.code == "livelihood_count_mismatch"));
//! ```

use std::sync::OnceLock;

use crate::diagnostics;
use crate::model::{Diagnostic, List, ListItem, ListStyle, Paragraph, Role, Section};
use crate::normalize::Normalized;
use crate::numerals;

#[derive(Default)]
struct Words {
    livelihood: Vec<String>,
    count: Vec<String>,
    done: Vec<String>,
    verb: Vec<String>,
    adverb: Vec<String>,
    /// The last two characters of every livelihood name ("实事", "工程"), deduplicated.
    anchors: Vec<String>,
    /// For each livelihood name, the index of its last two characters in `anchors`.
    name_anchor: Vec<usize>,
}

fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| {
        let mut w = Words::default();
        for row in crate::lexicon::rows(include_str!("../data/lists.tsv")) {
            let [kind, word, ..] = row.as_slice() else { continue };
            let list = match *kind {
                "livelihood" => &mut w.livelihood,
                "count" => &mut w.count,
                "done" => &mut w.done,
                "verb" => &mut w.verb,
                "adverb" => &mut w.adverb,
                _ => continue,
            };
            list.push(word.to_string());
        }
        for l in [&mut w.livelihood, &mut w.count, &mut w.done, &mut w.verb, &mut w.adverb] {
            l.sort_by_key(|s| std::cmp::Reverse(s.len()));
        }
        let mut anchors: Vec<String> = w
            .livelihood
            .iter()
            .map(|n| n.chars().rev().take(2).collect::<Vec<char>>().into_iter().rev().collect())
            .collect();
        anchors.sort();
        anchors.dedup();
        w.name_anchor =
            w.livelihood.iter().map(|n| anchors.iter().position(|a| n.ends_with(a.as_str())).unwrap_or(0)).collect();
        w.anchors = anchors;
        w
    })
}

/// A list under construction, in normalized offsets.
#[derive(Debug, Clone)]
struct Draft {
    style: ListStyle,
    paragraph: usize,
    /// (ordinal, start, end) of each item's content.
    items: Vec<(u32, usize, usize)>,
    /// Paragraph index of each item.
    paras: Vec<usize>,
    livelihood: bool,
    declared: Option<u32>,
}

/// Every paragraph's normalized range, mapped once for all the passes.
fn norm_ranges(norm: &Normalized<'_>, paragraphs: &[Paragraph]) -> Vec<(usize, usize)> {
    paragraphs.iter().map(|p| (norm.from_original(p.start), norm.from_original(p.end))).collect()
}

fn is_boundary(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '。' | '!' | '?' | '、' | ' ' | '\n')
}

fn trim_item_end(text: &str, start: usize, end: usize) -> usize {
    let s = &text[start..end];
    start + s.trim_end_matches([';', ',', '。', ':', ' ', '、']).len()
}

/// A character of an ordinal before 是 ("十一是").
fn is_numeral(c: char) -> bool {
    numerals::digit(c).is_some() || c == '十'
}

/// "一是"/"十一是" markers and ①② markers inside a paragraph: (ordinal, marker start, content start, circled),
/// in text order. One pass looks eight bytes at a time for the last byte of 是 (0xAF) and the first
/// byte of the circled numbers (0xE2), and looks closer only there; a 是 is then read backwards.
fn inline_markers(t: &str, base: usize) -> Vec<(u32, usize, usize, bool)> {
    let b = t.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(p) = next_candidate(b, i) {
        if b[p] == 0xAF {
            // 是 is E6 98 AF.
            if p >= 2 && b[p - 2] == 0xE6 && b[p - 1] == 0x98 {
                let j = p - 2;
                out.extend(shi_marker(t, j).map(|(n, s)| (n, base + s, base + j + '是'.len_utf8(), false)));
            }
        } else if let Some(&[0x91, x @ 0xA0..=0xB3]) = b.get(p + 1..p + 3) {
            // ①…⑳ are E2 91 A0 … E2 91 B3.
            out.push((u32::from(x - 0xA0) + 1, base + p, base + p + 3, true));
        }
        i = p + 1;
    }
    out
}

/// The first offset at or after `from` of a byte 0xAF or 0xE2 in `b`.
fn next_candidate(b: &[u8], mut from: usize) -> Option<usize> {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte that is zero (only the lowest such bit is
    // exact, which is the one used).
    let zeros = |x: u64| x.wrapping_sub(LOW) & !x & HIGH;
    while let Some(chunk) = b.get(from..from + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let hits = zeros(x ^ (LOW * 0xAF)) | zeros(x ^ (LOW * 0xE2));
        if hits != 0 {
            return Some(from + (hits.trailing_zeros() / 8) as usize);
        }
        from += 8;
    }
    b.get(from..)?.iter().position(|&x| x == 0xAF || x == 0xE2).map(|k| from + k)
}

/// The ordinal before the 是 at byte `j` of `t` and where it starts: the
/// whole run of numerals there (up to 6 bytes), after a boundary or the
/// paragraph start.
fn shi_marker(t: &str, j: usize) -> Option<(u32, usize)> {
    let head = &t[..j];
    let start = head.trim_end_matches(is_numeral).len();
    if start == j || j - start > 6 || !head[..start].chars().next_back().is_none_or(is_boundary) {
        return None;
    }
    Some((numerals::small_int(&head[start..])?, start))
}

/// Enumerations inside paragraphs and across consecutive paragraphs (一是…, ①…).
fn shi_lists(norm: &Normalized<'_>, ranges: &[(usize, usize)]) -> Vec<Draft> {
    let text = norm.text();
    let mut out: Vec<Draft> = Vec::new();
    // Markers of every paragraph, found once.
    let all_marks: Vec<Vec<(u32, usize, usize, bool)>> =
        ranges.iter().map(|&(ps, pe)| inline_markers(&text[ps..pe], ps)).collect();
    for circled in [false, true] {
        let style = if circled { ListStyle::Circled } else { ListStyle::ShiList };
        let mut open: Option<Draft> = None;
        // Where the open list's last item stops (marker start of its successor).
        for (pi, &(ps, pe)) in ranges.iter().enumerate() {
            let marks: Vec<_> = all_marks[pi].iter().copied().filter(|m| m.3 == circled).collect();
            for (k, &(n, ms, cs, _)) in marks.iter().enumerate() {
                let at_para_start = text[ps..ms].trim().is_empty();
                let continues = open.as_ref().is_some_and(|d| {
                    let last_para = *d.paras.last().unwrap();
                    d.items.last().unwrap().0 + 1 == n && (last_para == pi || (last_para + 1 == pi && at_para_start))
                });
                if continues {
                    let d = open.as_mut().unwrap();
                    // Close the previous item just before this marker.
                    let last = d.items.last_mut().unwrap();
                    if *d.paras.last().unwrap() == pi {
                        last.2 = trim_item_end(text, last.1, ms);
                    }
                    d.items.push((n, cs, pe));
                    d.paras.push(pi);
                } else if n == 1 {
                    // A new list in the same paragraph ends the open one's last item before
                    // its marker (and at its sentence, as below), not at the paragraph end.
                    if let Some(d) = open.as_mut().filter(|d| *d.paras.last().unwrap() == pi) {
                        let cross = d.paras.first() != d.paras.last();
                        let last = d.items.last_mut().unwrap();
                        let ms = ms.max(last.1);
                        let stop = if cross { None } else { text[last.1..ms].find('。') };
                        last.2 = trim_item_end(text, last.1, stop.map_or(ms, |q| last.1 + q));
                    }
                    if let Some(d) = open.take().filter(|d| d.items.len() >= 2) {
                        out.push(d);
                    }
                    open = Some(Draft {
                        style,
                        paragraph: pi,
                        items: vec![(n, cs, pe)],
                        paras: vec![pi],
                        livelihood: false,
                        declared: None,
                    });
                }
                let _ = k;
            }
            // The last item of an in-paragraph list ends at its sentence.
            if let Some(d) = open.as_mut() {
                let cross = d.paras.first() != d.paras.last();
                let last = d.items.last_mut().unwrap();
                if *d.paras.last().unwrap() == pi && !cross {
                    let stop = text[last.1..pe].find('。').map_or(pe, |q| last.1 + q);
                    last.2 = trim_item_end(text, last.1, stop.max(last.1));
                } else if *d.paras.last().unwrap() == pi {
                    last.2 = trim_item_end(text, last.1, pe);
                }
            }
        }
        if let Some(d) = open.take().filter(|d| d.items.len() >= 2) {
            out.push(d);
        }
    }
    out
}

/// Numbered and dash paragraphs in a row (unnumbered detail paragraphs may sit
/// between items).
fn paragraph_lists(
    norm: &Normalized<'_>,
    sections: &[Section],
    paragraphs: &[Paragraph],
    ranges: &[(usize, usize)],
) -> Vec<Draft> {
    let text = norm.text();
    let mut heading_starts: Vec<usize> = sections.iter().filter(|s| s.depth <= 2).map(|s| s.start).collect();
    heading_starts.sort_unstable();
    let heading_para = |p: &Paragraph| heading_starts.binary_search(&p.start).is_ok();
    // Starts of sections that end a list (sorted: sections are in document order).
    let barriers: Vec<usize> =
        sections.iter().filter(|s| s.depth <= 2 || s.marker.is_none()).map(|s| s.start).collect();
    let barrier_between = |a: &Paragraph, b: &Paragraph| {
        let i = barriers.partition_point(|&x| x <= a.start);
        barriers.get(i).is_some_and(|&x| x < b.start)
    };
    let mut out: Vec<Draft> = Vec::new();
    let mut open: Vec<Draft> = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        let (ps, pe) = ranges[pi];
        let t = &text[ps..pe];
        let found = if let Some(rest) = t.strip_prefix("——") {
            (!rest.is_empty()).then(|| (ListStyle::Dash, 0, "——".len()))
        } else if heading_para(p) {
            None
        } else {
            crate::outline::list_marker(t)
        };
        // Close lists that a barrier or a long gap ends.
        open.retain(|d| {
            let last = &paragraphs[*d.paras.last().unwrap()];
            let gap = pi - d.paras.last().unwrap() - 1;
            let keep = gap <= 3 && !barrier_between(last, p) && (d.style != ListStyle::Dash || gap == 0);
            if !keep && d.items.len() >= 2 {
                out.push(d.clone());
            }
            keep
        });
        let Some((style, ord, mlen)) = found else { continue };
        let content = ps + mlen + (t[mlen..].len() - t[mlen..].trim_start().len());
        if let Some(d) = open.iter_mut().find(|d| d.style == style) {
            let next = if style == ListStyle::Dash { d.items.last().unwrap().0 + 1 } else { ord };
            if next == d.items.last().unwrap().0 + 1 {
                // The previous item runs to the end of the paragraph before this one.
                let prev_end = ranges[pi - 1].1;
                let last = d.items.last_mut().unwrap();
                last.2 = trim_item_end(text, last.1, prev_end.max(last.1));
                d.items.push((next, content, pe));
                d.paras.push(pi);
                continue;
            }
        }
        let ord = if style == ListStyle::Dash { 1 } else { ord };
        if ord == 1 {
            if let Some(k) = open.iter().position(|d| d.style == style) {
                let d = open.remove(k);
                if d.items.len() >= 2 {
                    out.push(d);
                }
            }
            open.push(Draft {
                style,
                paragraph: pi,
                items: vec![(1, content, trim_item_end(text, content, pe))],
                paras: vec![pi],
                livelihood: false,
                declared: None,
            });
        }
    }
    out.extend(open.into_iter().filter(|d| d.items.len() >= 2));
    for d in &mut out {
        if let Some(last) = d.items.last_mut() {
            last.2 = trim_item_end(text, last.1, last.2);
        }
    }
    out
}

/// A count written just before `at` ("10件", "十方面", "八项"): (count, start).
fn declared_before(t: &str, at: usize) -> Option<(u32, usize)> {
    let head = &t[..at];
    let (head, _) = words().count.iter().find_map(|m| head.strip_suffix(m.as_str()).map(|h| (h, m)))?;
    let digits: String =
        head.chars().rev().take_while(|c| c.is_ascii_digit() || numerals::digit(*c).is_some() || *c == '十').collect();
    let digits: String = digits.chars().rev().collect();
    let n = numerals::small_int(&digits)?;
    Some((n, head.len() - digits.len()))
}

/// Finds livelihood cues and marks (or builds) their lists.
fn livelihood(
    norm: &Normalized<'_>,
    sections: &[Section],
    paragraphs: &[Paragraph],
    ranges: &[(usize, usize)],
    drafts: &mut Vec<Draft>,
) {
    let text = norm.text();
    let w = words();
    let mut sites: Vec<(usize, usize, usize)> = Vec::new(); // (paragraph, cue start, cue end)
                                                            // Per anchor: whether the paragraph holds it.
    let mut present: Vec<bool> = Vec::with_capacity(w.anchors.len());
    // Every occurrence of a name in the paragraph, as (start, length), sorted.
    let mut occ: Vec<(usize, usize)> = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        let role = p.section.map(|s| sections[s].role);
        if matches!(role, Some(Role::Review | Role::Problems)) {
            continue;
        }
        let (ps, pe) = ranges[pi];
        let t = &text[ps..pe];
        // A quick scan for the names' last two characters rules most
        // paragraphs out, and the names whose ones are missing.
        present.clear();
        present.extend(w.anchors.iter().map(|a| t.contains(a.as_str())));
        if !present.contains(&true) {
            continue;
        }
        // A name ends with its anchor: the names are looked for only where
        // their anchor ends (one search per anchor, not one per name).
        occ.clear();
        for (k, a) in w.anchors.iter().enumerate().filter(|&(k, _)| present[k]) {
            let step = a.chars().next().map_or(1, char::len_utf8);
            let mut s = 0;
            while let Some(q) = t.get(s..).and_then(|r| r.find(a.as_str())) {
                let e = s + q + a.len();
                for (c, _) in w.livelihood.iter().zip(&w.name_anchor).filter(|&(_, &nk)| nk == k) {
                    if t[..e].ends_with(c.as_str()) {
                        occ.push((e - c.len(), c.len()));
                    }
                }
                s += q + step;
            }
        }
        occ.sort_unstable();
        // The leftmost (then shortest) name from `from` on, as one search per
        // name from there would find it.
        let mut from = 0;
        let mut next = 0;
        while from < t.len() {
            while occ.get(next).is_some_and(|&(at, _)| at < from) {
                next += 1;
            }
            let Some(&(at, len)) = occ.get(next) else { break };
            from = at + len;
            let after = &t[at + len..];
            let after = after.trim_start_matches([',', ' ']);
            if w.done.iter().any(|d| {
                after.starts_with(d.as_str()) || after.chars().take(4).collect::<String>().contains(d.as_str())
            }) {
                continue;
            }
            sites.push((pi, ps + at, ps + at + len));
        }
    }
    // Section titles name the list too ("附件1 2026年省十件民生实事").
    for s in sections.iter().filter(|s| s.marker.is_none()) {
        let ts = norm.from_original(s.title_start);
        let te = norm.from_original(s.title_end);
        let t = &text[ts..te];
        if let Some((at, len)) = w.livelihood.iter().filter_map(|c| t.find(c.as_str()).map(|q| (q, c.len()))).min() {
            let pi = paragraphs.iter().position(|p| p.start >= s.title_end).unwrap_or(paragraphs.len());
            sites.push((pi.saturating_sub(1), ts + at, ts + at + len));
        }
    }
    let section_starts: Vec<usize> = sections.iter().map(|s| s.start).collect();
    for (pi, cs, ce) in sites {
        // The count: before the cue, or inside it ("10件实事").
        let declared = declared_before(text, cs).or_else(|| {
            let cue = &text[cs..ce];
            cue.starts_with('件').then(|| declared_before(text, cs + '件'.len_utf8())).flatten()
        });
        // (a) a list opening right after the cue in the same paragraph.
        let near = drafts.iter().position(|d| {
            (!d.livelihood || d.declared.is_none())
                && d.paragraph == pi
                && d.items[0].1 >= ce
                && d.items[0].1 <= ce + 12
                && {
                    let gap = &text[ce..d.items[0].1];
                    gap.chars().filter(|c| !matches!(c, ':' | '。' | ',' | ' ' | '一' | '是' | '\n')).count() == 0
                }
        });
        // (b) a numbered list in one of the next paragraphs.
        let next = || {
            drafts.iter().position(|d| {
                (!d.livelihood || d.declared.is_none())
                    && d.paragraph > pi
                    && d.paragraph <= pi + 3
                    && d.style != ListStyle::ShiList
                    && paragraphs[pi + 1..d.paragraph].iter().all(|p| section_starts.binary_search(&p.start).is_err())
            })
        };
        if let Some(k) = near.or_else(next) {
            let d = &mut drafts[k];
            d.livelihood = true;
            d.declared = d.declared.or(declared.map(|(n, _)| n));
            continue;
        }
        // (c) "扎实开展A、B…和C等十件民生实事": the names before the count.
        let Some((n, count_start)) = declared else { continue };
        let Some(head) = text[..count_start].strip_suffix('等') else { continue };
        let clause_start =
            head.rfind([',', '。', ';', ':', '\n']).map_or(0, |q| q + head[q..].chars().next().unwrap().len_utf8());
        let mut start = clause_start;
        let mut rest = &text[start..head.len()];
        for list in [&w.adverb, &w.verb] {
            if let Some(word) = list.iter().find(|a| rest.starts_with(a.as_str())) {
                start += word.len();
                rest = &rest[word.len()..];
            }
        }
        let mut items: Vec<(usize, usize)> = Vec::new();
        let mut s = start;
        for piece in rest.split('、') {
            items.push((s, s + piece.len()));
            s += piece.len() + '、'.len_utf8();
        }
        if items.len() + 1 == n as usize {
            // "…维修养护和路网优化": the last 和 may join two names.
            let (a, b) = *items.last().unwrap();
            if let Some(q) = text[a..b].rfind('和') {
                items.pop();
                items.push((a, a + q));
                items.push((a + q + '和'.len_utf8(), b));
            }
        }
        if items.len() >= 2 && items.len() == n as usize && items.iter().all(|(a, b)| b > a) {
            drafts.push(Draft {
                style: ListStyle::Unnumbered,
                paragraph: pi,
                items: items.iter().enumerate().map(|(i, (a, b))| (i as u32 + 1, *a, *b)).collect(),
                paras: vec![pi; items.len()],
                livelihood: true,
                declared: Some(n),
            });
        }
    }
}

/// Finds the lists of a report. Offsets are UTF-8 bytes of the original.
pub fn extract(
    norm: &Normalized<'_>,
    sections: &[Section],
    paragraphs: &[Paragraph],
    diags: &mut Vec<Diagnostic>,
) -> Vec<List> {
    let ranges = norm_ranges(norm, paragraphs);
    let mut drafts = shi_lists(norm, &ranges);
    drafts.extend(paragraph_lists(norm, sections, paragraphs, &ranges));
    livelihood(norm, sections, paragraphs, &ranges, &mut drafts);
    drafts.sort_by_key(|d| d.items[0].1);
    drafts
        .into_iter()
        .enumerate()
        .map(|(id, d)| {
            let items: Vec<ListItem> = d
                .items
                .iter()
                .map(|&(ordinal, s, e)| {
                    let (s, e) = norm.to_original(s, e.max(s));
                    ListItem { ordinal, start: s, end: e, text: norm.original()[s..e].to_string() }
                })
                .collect();
            if d.livelihood {
                if let Some(n) = d.declared.filter(|n| *n as usize != items.len()) {
                    diagnostics::push(
                        diags,
                        diagnostics::LIVELIHOOD_COUNT_MISMATCH,
                        format!("the livelihood list declares {n} items but {} were found", items.len()),
                        Some((items[0].start, items.last().map_or(items[0].end, |i| i.end))),
                    );
                }
            }
            List {
                id,
                paragraph: Some(d.paragraph),
                style: d.style,
                declared_count: d.declared,
                livelihood: d.livelihood,
                items,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    fn lists(text: &str) -> Vec<crate::model::List> {
        crate::parse(text).lists
    }

    #[test]
    fn shi_list_in_a_paragraph() {
        let l = lists(
            "各位代表:\n一、重点工作\n我们要做好三件事:一是加强领导;二是落实责任,确保到位;三是严格考核。其他内容。\n",
        );
        assert_eq!(l.len(), 1);
        let t: Vec<&str> = l[0].items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(t, ["加强领导", "落实责任,确保到位", "严格考核"]);
        assert_eq!(l[0].style, crate::model::ListStyle::ShiList);
        assert!(!l[0].livelihood);
    }

    #[test]
    fn shi_list_across_paragraphs() {
        let l = lists(
            "各位代表:\n一、回顾\n一是经济运行稳中有进。内容。\n二是协同发展纵深推进。内容。\n三是产业发展提质增效。\n",
        );
        assert_eq!(l.len(), 1);
        assert_eq!(l[0].items.len(), 3);
        assert_eq!(l[0].items[1].text, "协同发展纵深推进。内容");
    }

    #[test]
    fn numbered_paragraphs_and_dashes() {
        let l = lists("各位代表:\n一、目标\n——在创新发展上实现新跨越。内容。\n——在协调发展上实现新跨越。内容。\n二、任务\n继续办好十方面民生实事。\n1.医疗卫生方面。新增床位。\n2.教育方面。新建学校。\n");
        assert_eq!(l.len(), 2);
        assert_eq!(l[0].style, crate::model::ListStyle::Dash);
        assert_eq!(l[1].style, crate::model::ListStyle::ArabicDot);
        assert!(l[1].livelihood);
        assert_eq!(l[1].declared_count, Some(10));
        assert_eq!(l[1].items[0].text, "医疗卫生方面。新增床位");
    }

    #[test]
    fn unnumbered_livelihood_list_with_a_declared_count() {
        let l = lists("各位代表:\n三、2026年重点工作\n扎实开展劳动者就业关爱帮扶、暖心护老、农村供水工程维修养护和路网优化等四件民生实事,书写答卷。\n");
        assert_eq!(l.len(), 1);
        let t: Vec<&str> = l[0].items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(t, ["劳动者就业关爱帮扶", "暖心护老", "农村供水工程维修养护", "路网优化"]);
        assert_eq!(l[0].style, crate::model::ListStyle::Unnumbered);
    }

    #[test]
    fn past_lists_and_mentions_are_not_lists() {
        let l = lists("各位代表:\n一、回顾\n八件为民办实事全面完成。\n二、任务\n办好34项民生实事。\n");
        assert!(l.is_empty(), "{l:?}");
    }
}
