//! Stage 3: metadata from the title block (SPEC §2 Meta).
//!
//! The title block is what comes before the salutation: the title
//! ("政府工作报告"), the date line ("——2017年2月7日在江干区第十五届人民代表大会
//! 第一次会议上"), the speaker line ("江干区人民政府代区长 楼建忠"); scraped pages
//! add a repository header ("标题：…", "报告人：…") and site chrome. Every string
//! in [`Meta`] is a slice of the original text, except `region` "国务院" for
//! national reports, which often carry no title block.
//!
//! ```
//! let text = "政府工作报告\n——2019年1月14日在某某市第十五届人民代表大会第四次会议上\n某某市人民政府代市长 张三\n各位代表：\n一、2018年工作回顾\n";
//! let m = baogao::parse(text).meta;
//! assert_eq!(m.delivered_on.as_deref(), Some("2019-01-14"));
//! assert_eq!(m.meeting.as_deref(), Some("某某市第十五届人民代表大会第四次会议"));
//! assert_eq!(m.region.as_deref(), Some("某某市"));
//! assert_eq!(m.level, Some(baogao::Level::City));
//! let s = m.speaker.unwrap();
//! assert_eq!((s.name.as_deref(), s.title.as_deref(), s.acting), (Some("张三"), Some("市长"), true));
//! ```

use std::sync::OnceLock;

use crate::layout::Layout;
use crate::model::{Level, Meta, Role, Section, Speaker};
use crate::normalize::Normalized;
use crate::numerals;

struct Vocab {
    /// (office, level), longest first.
    titles: Vec<(String, Level)>,
    municipalities: Vec<String>,
    npc: Vec<(u32, u32, i32)>,
    year_cues: Vec<(String, i32)>,
}

fn level_of(s: &str) -> Option<Level> {
    Some(match s {
        "national" => Level::National,
        "province" => Level::Province,
        "city" => Level::City,
        "district" => Level::District,
        "county" => Level::County,
        _ => return None,
    })
}

fn vocab() -> &'static Vocab {
    static V: OnceLock<Vocab> = OnceLock::new();
    V.get_or_init(|| {
        let mut v = Vocab { titles: Vec::new(), municipalities: Vec::new(), npc: Vec::new(), year_cues: Vec::new() };
        for f in crate::lexicon::rows(include_str!("../data/meta.tsv")) {
            match f.as_slice() {
                ["title", office, level] => {
                    if let Some(l) = level_of(level) {
                        v.titles.push((office.to_string(), l));
                    }
                }
                ["municipality", name] => v.municipalities.push(name.to_string()),
                ["year_cue", words, delta] => {
                    if let Ok(d) = delta.parse() {
                        v.year_cues.push((words.to_string(), d));
                    }
                }
                ["npc", term, session, year] => {
                    if let (Ok(t), Ok(s), Ok(y)) = (term.parse(), session.parse(), year.parse()) {
                        v.npc.push((t, s, y));
                    }
                }
                _ => {}
            }
        }
        v.titles.sort_by_key(|(t, _)| std::cmp::Reverse(t.chars().count()));
        v
    })
}

/// Finds a speaker's office in a short line: returns (byte offset of the
/// office, its byte length, acting, level). "江干区人民政府代区长 楼建忠" →
/// the offset of "区长", acting.
///
/// ```
/// let (at, len, acting, _) = baogao::meta::speaker_title_in("江干区人民政府代区长楼建忠").unwrap();
/// assert_eq!(&"江干区人民政府代区长楼建忠"[at..at + len], "区长");
/// assert!(acting);
/// ```
pub fn speaker_title_in(line: &str) -> Option<(usize, usize, bool, Level)> {
    if line.chars().count() > 40 || line.contains('。') || line.contains(',') {
        return None;
    }
    let mut best: Option<(usize, usize, bool, Level)> = None;
    for (office, level) in &vocab().titles {
        let mut from = 0;
        while let Some(p) = line[from..].find(office.as_str()) {
            let at = from + p;
            from = at + office.len();
            let before = &line[..at];
            // "市长" inside "副市长" is another office; "主席" needs 政府 or a region before it.
            if before.ends_with('副') || before.ends_with("代表") {
                continue;
            }
            if best.is_none_or(|b| at < b.0) {
                let acting = before.ends_with('代');
                best = Some((at, office.len(), acting, *level));
            }
            break;
        }
    }
    best
}

/// A few lines of the normalized text joined without their line breaks, with
/// a map back to normalized offsets (a date line split over two lines).
struct Joined {
    text: String,
    map: Vec<usize>,
}

impl Joined {
    fn new(norm: &Normalized<'_>, layout: &Layout, lines: &[usize]) -> Self {
        let mut text = String::new();
        let mut map = Vec::new();
        for &i in lines {
            let l = layout.lines[i];
            let s = &norm.text()[l.start..l.end];
            text.push_str(s);
            map.extend(l.start..l.end);
        }
        Joined { text, map }
    }

    /// The original slice behind `start..end` of the joined text.
    fn original<'a>(&self, norm: &Normalized<'a>, start: usize, end: usize) -> &'a str {
        if start >= end || end > self.map.len() {
            return "";
        }
        norm.original_slice(self.map[start], self.map[end - 1] + 1)
    }
}

/// A date "2017年2月7日" / "二〇一九年一月十四日" at byte `at` of `s`: returns
/// (year, month, day, end).
fn date_at(s: &str, at: usize) -> Option<(i32, u32, u32, usize)> {
    let rest = &s[at..];
    let (y_str, after_y) = rest.split_once('年')?;
    let year = numerals::year(y_str)?;
    let (m_str, after_m) = after_y.split_once('月')?;
    let month = numerals::small_int(m_str).filter(|m| (1..=12).contains(m))?;
    let (d_str, _) = after_m.split_once('日')?;
    let day = numerals::small_int(d_str).filter(|d| (1..=31).contains(d))?;
    let end = at + y_str.len() + '年'.len_utf8() + m_str.len() + '月'.len_utf8() + d_str.len() + '日'.len_utf8();
    Some((year, month, day, end))
}

fn find_date(s: &str) -> Option<(i32, u32, u32, usize, usize)> {
    s.char_indices().find_map(|(i, _)| date_at(s, i).map(|(y, m, d, e)| (y, m, d, i, e)))
}

/// The original text of a repository-header field ("报告人：胡春华").
fn header_value<'a>(norm: &Normalized<'a>, layout: &Layout, key: &str) -> Option<&'a str> {
    layout.head.clone().find_map(|i| {
        let l = layout.lines[i];
        let t = &norm.text()[l.start..l.end];
        let v = t.strip_prefix(key)?;
        let lead = v.len() - v.trim_start().len();
        let v = v.trim();
        (!v.is_empty()).then(|| norm.original_slice(l.start + key.len() + lead, l.start + key.len() + lead + v.len()))
    })
}

/// Level of a region from its name.
fn level_of_region(region: &str) -> Option<Level> {
    if vocab().municipalities.iter().any(|m| m == region) {
        return Some(Level::Province);
    }
    let ends = |s: &str| region.ends_with(s);
    if ends("自治区") || ends("省") {
        Some(Level::Province)
    } else if ends("地区") || ends("市") || ends("州") || ends("盟") {
        Some(Level::City)
    } else if ends("区") {
        Some(Level::District)
    } else if ends("县") || ends("旗") {
        Some(Level::County)
    } else {
        None
    }
}

/// The NPC session year for "第N届全国人民代表大会第M次会议".
fn npc_year(term: u32, session: u32) -> Option<i32> {
    if let Some((_, _, y)) = vocab().npc.iter().find(|(t, s, _)| *t == term && *s == session) {
        return Some(*y);
    }
    (term >= 5 && (1..=5).contains(&session)).then(|| 1978 + 5 * (term as i32 - 5) + session as i32 - 1)
}

/// "第十五届" / "十四届" just before `at`: the ordinal.
fn ordinal_before(s: &str, at: usize, unit: char) -> Option<u32> {
    let head = s[..at].strip_suffix(unit)?;
    let digits: String = head
        .chars()
        .rev()
        .take_while(|c| numerals::digit(*c).is_some() || "十百".contains(*c) || c.is_ascii_digit())
        .collect();
    let digits: String = digits.chars().rev().collect();
    numerals::small_int(&digits)
}

/// Reads title, region, level, year, date, meeting and speaker from the
/// head of the document (and, for national reports without a title block,
/// from the opening of the body).
pub fn read(norm: &Normalized<'_>, layout: &Layout) -> Meta {
    let mut meta = Meta { script: norm.script(), ..Meta::default() };
    let text = norm.text();
    let line_text = |i: usize| &text[layout.lines[i].start..layout.lines[i].end];
    let all_head: Vec<usize> = layout.head.clone().collect();
    let head: Vec<usize> = layout.head_lines().collect();
    let header = |key: &str| header_value(norm, layout, key);
    let orig = |i: usize, s: usize, e: usize| {
        let l = layout.lines[i];
        norm.original_slice(l.start + s, l.start + e)
    };

    // Title: a head line with 工作报告 (possibly split over two lines).
    for (k, &i) in head.iter().enumerate() {
        let t = line_text(i);
        if t.contains("报告") && !t.contains('。') && t.chars().count() <= 60 {
            let start = t.find(|c: char| !matches!(c, '-' | '—' | '―' | '(' | ')')).unwrap_or(0);
            meta.title = Some(orig(i, start, t.len()).to_string());
            break;
        }
        if let Some(&j) = head.get(k + 1) {
            let joined = format!("{t}{}", line_text(j));
            // "政府工作报\n告": a title split over two adjacent lines (neither holds it alone).
            if j == i + 1
                && !line_text(j).contains("工作报告")
                && joined.contains("工作报告")
                && t.chars().count() <= 12
            {
                let (s, _) = norm.to_original(layout.lines[i].start, layout.lines[i].start);
                let (_, e) = norm.to_original(layout.lines[j].start, layout.lines[j].end);
                meta.title = Some(norm.original()[s..e].to_string());
                break;
            }
        }
    }
    if meta.title.is_none() {
        meta.title = header("标题:").map(str::to_string);
    }

    // Date line and meeting: joined head (a date line may be split over lines).
    let joined = Joined::new(norm, layout, &head);
    let jt = joined.text.as_str();
    if let Some(p) = jt.find("人民代表大会") {
        let before = &jt[..p];
        let start = before.rfind('在').map(|q| q + '在'.len_utf8()).filter(|q| p - q <= 60).unwrap_or_else(|| {
            // No 在: from after the date or the line's dashes.
            find_date(before).map_or(0, |d| d.4)
        });
        if let Some(q) = jt[p..].find("会议") {
            let end = p + q + "会议".len();
            if end - start <= 120 {
                meta.meeting = Some(joined.original(norm, start, end).to_string());
            }
        }
    }
    // The delivery date: on the meeting line, else in parentheses, else the first date.
    let mut date = None;
    for &i in &head {
        let t = line_text(i);
        if t.contains("人民代表大会") || t.starts_with('(') {
            if let Some(d) = find_date(t) {
                date = Some(d);
                break;
            }
        }
    }
    if date.is_none() {
        date = head.iter().filter(|&&i| !crate::layout::is_chrome(line_text(i))).find_map(|&i| find_date(line_text(i)));
    }
    if let Some((y, m, d, _, _)) = date {
        meta.delivered_on = Some(format!("{y:04}-{m:02}-{d:02}"));
        meta.year = Some(y);
    }

    // Speaker.
    let mut region_from_speaker = None;
    let speaker_lines: Vec<usize> =
        head.iter().copied().chain(all_head.iter().copied().filter(|&i| line_text(i).starts_with("报告人:"))).collect();
    for (k, &i) in speaker_lines.iter().enumerate() {
        let t = line_text(i);
        let t_body = t.strip_prefix("报告人:").unwrap_or(t);
        let offset = t.len() - t_body.len();
        let Some((at, len, acting, level)) = speaker_title_in(t_body) else { continue };
        let mut sp = Speaker { name: None, title: Some(orig(i, offset + at, offset + at + len).to_string()), acting };
        let name_start = offset + at + len;
        let rest = t[name_start..].trim();
        if is_name(rest) {
            sp.name = Some(
                orig(i, name_start + (t[name_start..].len() - t[name_start..].trim_start().len()), t.len()).to_string(),
            );
        } else if rest.is_empty() {
            if let Some(&j) = speaker_lines.get(k + 1) {
                if is_name(line_text(j)) {
                    sp.name = Some(orig(j, 0, line_text(j).len()).to_string());
                }
            }
        }
        let office_start = if acting { at - '代'.len_utf8() } else { at };
        let before = &t_body[..office_start];
        let region = before.strip_suffix("人民政府").or_else(|| before.strip_suffix("政府")).unwrap_or(before);
        if level == Level::National {
            meta.level = Some(Level::National);
        } else if !region.is_empty() {
            region_from_speaker = Some((orig(i, offset, offset + region.len()).to_string(), level));
        }
        meta.speaker = Some(sp);
        break;
    }
    if let Some(sp) = &mut meta.speaker {
        if sp.name.is_none() {
            if let Some(n) = header("报告人:").filter(|n| is_name(n)) {
                sp.name = Some(n.to_string());
            }
        }
    } else if let Some(n) = header("报告人:").filter(|n| is_name(n)) {
        meta.speaker = Some(Speaker { name: Some(n.to_string()), title: None, acting: false });
    }

    // National?
    let opening: String = layout.body_lines().take(4).map(line_text).collect();
    let national = meta.level == Some(Level::National)
        || meta.meeting.as_deref().is_some_and(|m| m.contains("全国人民代表大会") || m.contains("全國人民代表大會"))
        || opening.contains("代表国务院")
        || opening.contains("代表中央人民政府");
    if national {
        meta.level = Some(Level::National);
        meta.region = Some("国务院".to_string());
    } else {
        // The meeting names the region in full ("西藏自治区第十二届…"); a speaker
        // line may shorten it ("自治区主席 嘎玛泽登").
        let from_meeting = meta.meeting.as_deref().and_then(|m| {
            let cut = m.find('第').or_else(|| m.find(|c: char| numerals::digit(c).is_some() || c == '十'))?;
            (cut > 0).then(|| m[..cut].to_string())
        });
        let chosen = match (region_from_speaker, from_meeting) {
            (Some((s, _)), Some(m)) if m.len() > s.len() && m.ends_with(&s) => Some((m, None)),
            (Some((s, level)), _) => Some((s, Some(level))),
            (None, Some(m)) => Some((m, None)),
            (None, None) => None,
        };
        if let Some((r, level)) = chosen {
            meta.level = level_of_region(&r).or(level);
            meta.region = Some(r);
        }
    }
    if meta.region.is_none() {
        if let Some(u) = header("发文单位:") {
            let r = u.strip_suffix("人民政府").unwrap_or(u);
            meta.level = level_of_region(r);
            meta.region = Some(r.to_string());
        }
    }

    // Year fallbacks: the NPC session, the title, the repository header.
    if meta.year.is_none() && national {
        // Only the opening names the current session ("我们第一届全国人民代表大会第一次会议…");
        // later mentions are of earlier sessions ("第十届…第一次会议以来").
        let scan: String =
            meta.meeting.iter().cloned().chain(layout.body_lines().take(2).map(|i| line_text(i).to_string())).collect();
        meta.year = national_session_year(&scan);
    }
    if meta.year.is_none() {
        let titles = meta.title.iter().map(String::as_str).chain(header("标题:"));
        meta.year = titles.filter_map(year_in).next();
    }
    if meta.year.is_none() {
        meta.year = header("发文时间:").and_then(|v| v.get(..4)).and_then(numerals::year);
    }
    meta
}

/// The first "YYYY年" in `s`.
fn year_in(s: &str) -> Option<i32> {
    s.match_indices('年').find_map(|(p, _)| {
        let head = &s[..p];
        let start = head.char_indices().rev().nth(3).map(|(i, _)| i)?;
        numerals::year(&head[start..])
    })
}

/// The year of "第N届全国人民代表大会(第M次会议)" in `s`.
fn national_session_year(s: &str) -> Option<i32> {
    let s = s.replace("全國人民代表大會", "全国人民代表大会").replace("會議", "会议");
    let p = s.find("届全国人民代表大会")?;
    let term = ordinal_before(&s, p + '届'.len_utf8(), '届')?;
    let after = &s[p + "届全国人民代表大会".len()..];
    let session = after
        .strip_prefix('第')
        .and_then(|a| a.find("次会议").map(|q| &a[..q]))
        .and_then(numerals::small_int)
        .unwrap_or(1);
    npc_year(term, session)
}

fn is_name(s: &str) -> bool {
    let n = s.chars().filter(|c| *c != ' ').count();
    (2..=12).contains(&n) && s.chars().all(|c| crate::normalize::is_han(c) || matches!(c, '·' | '•' | ' '))
}

/// Fills `meta.year` from the outline when the title block gave none: a review
/// part titled "2015年工作回顾" belongs to a 2016 report, a task part titled
/// "2016年重点工作" to a 2016 one.
pub fn infer_year(meta: &mut Meta, sections: &[Section], norm: &Normalized<'_>) {
    if meta.year.is_some() {
        return;
    }
    for s in sections.iter().filter(|s| s.parent.is_none()) {
        let n = norm.from_original(s.title_start);
        let e = norm.from_original(s.title_end);
        let Some(y) = year_in(&norm.text()[n..e.max(n)]) else { continue };
        match s.role {
            Role::Review => meta.year = Some(y + 1),
            Role::Tasks | Role::Targets | Role::Outlook => meta.year = Some(y),
            _ => continue,
        }
        return;
    }
    // "在刚刚过去的1987年", "首先报告2001年的工作" in the opening of a review.
    let t = norm.text();
    let opening: String = t.chars().take(t.chars().count() / 3 + 200).collect();
    for (cue, delta) in &vocab().year_cues {
        for (p, _) in opening.match_indices(cue.as_str()) {
            let after = &opening[p + cue.len()..];
            let y: String = after.chars().take(5).collect();
            if y.ends_with('年') {
                if let Some(y) = numerals::year(&y[..y.len() - '年'.len_utf8()]) {
                    meta.year = Some(y + delta);
                    return;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_arabic_and_chinese_numerals() {
        assert_eq!(find_date("2017年2月7日在").map(|d| (d.0, d.1, d.2)), Some((2017, 2, 7)));
        assert_eq!(find_date("(二〇〇三年一月十日)").map(|d| (d.0, d.1, d.2)), Some((2003, 1, 10)));
        assert_eq!(find_date("二〇二六年一月二十七日").map(|d| (d.0, d.1, d.2)), Some((2026, 1, 27)));
        assert_eq!(find_date("2009年02月13日").map(|d| (d.0, d.1, d.2)), Some((2009, 2, 13)));
        assert_eq!(find_date("五年来"), None);
    }

    #[test]
    fn npc_sessions() {
        assert_eq!(national_session_year("我们第一届全国人民代表大会第一次会议"), Some(1954));
        assert_eq!(national_session_year("第十二届全国人民代表大会第五次会议"), Some(2017));
        assert_eq!(national_session_year("向第五届全国人民代表大会作政府工作报告"), Some(1978));
    }

    #[test]
    fn region_levels() {
        assert_eq!(level_of_region("北京市"), Some(Level::Province));
        assert_eq!(level_of_region("新疆维吾尔自治区"), Some(Level::Province));
        assert_eq!(level_of_region("保定市"), Some(Level::City));
        assert_eq!(level_of_region("海拉尔区"), Some(Level::District));
        assert_eq!(level_of_region("高阳县"), Some(Level::County));
    }
}
