//! Stage: the annual targets paragraph ("今年经济社会发展的主要预期目标是：…").
//!
//! [`apply`] finds the paragraph, works out the year its targets are for and
//! makes sure the quantities in it are target indicators of that year:
//!
//! - **where**: the first sentence with a *lead* ("主要预期目标是", "预期目标为",
//!   "调控目标定为", "主要目标是" …, `data/targets.tsv`) that is not about the
//!   previous year (去年, 确定的) or a five-year plan (今后五年, "十四五"); the
//!   targets run from the lead to the end of its paragraph (and on into the
//!   next paragraph when a line break splits the lead from the list). Without
//!   a lead: a paragraph naming the 预期目标 with two or more targets after
//!   it; then an older clause-level wording ("工农业总产值计划增长4%",
//!   "经济增长预期为7%左右"); then the first headline growth target of the year
//!   outside the review ("今年，国内生产总值增长8.5％");
//! - **year**: an explicit year before the lead ("2012年全区经济社会发展的预期
//!   目标是"), else 明年 → the report year + 1, 今年 → the report year, else a
//!   report delivered from September on sets next year's targets;
//! - **indicators**: each quantity of the paragraph gets status `target` and
//!   that year as its period — except quantities of a five-year goal inside it
//!   (年均, "十四五", 通过五年努力), which keep their own period;
//! - **five-year goals** elsewhere: a target quantity after "通过五年努力" /
//!   "今后五年" that carries the report year alone gets the term (report year to
//!   report year + 4) as its period, so it never passes for an annual target;
//! - **restatements**: the same target (metric, scope, kind, value and year)
//!   named again outside the paragraph ("经济增长预期目标6.5%－7%，考虑了…", a
//!   task "城镇新增就业5万人") is a figure quoted in passing: status `plan`, so
//!   each annual target is one indicator (the task's commitment still lists
//!   it among its targets);
//! - **stretch figures**: "地区生产总值增长6.5%，力争7%" — the second figure,
//!   after 力争/争取 and without a subject of its own, gets status `plan` and
//!   the kind of the first (the commitment lists both, modality strive);
//! - **no growth target**: an explicit "没有提出全年经济增速具体目标" gives an
//!   indicator of metric `gdp` (`gnp` before 1994) with bound `absent`, status
//!   `target` and the targets' year, whose `text` is that phrase;
//! - **better results**: the spans of "在实际工作中努力争取更好结果", which raise
//!   the modality of the targets they follow to `strive` (see
//!   [`crate::commitments`]).
//!
//! ```
//! let text = "一、2016年工作回顾\n国内生产总值增长6.7%。\n二、2017年工作总体部署\n\
//!             今年发展的主要预期目标是：国内生产总值增长6.5%左右，在实际工作中争取更好结果；城镇登记失业率4.5%以内。\n";
//! let r = baogao::Parser::new(baogao::Options::default().with_year(2017)).parse(text);
//! let t = baogao::targets::annual_targets(&r);
//! assert_eq!(t.len(), 2);
//! assert_eq!(t[0].text, "6.5%");
//! assert_eq!(t[0].bound, baogao::Bound::About);
//! assert_eq!(t[0].period.as_ref().and_then(|p| p.start_year), Some(2017));
//! ```

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::OnceLock;

use crate::lexicon::{rows, FastMap, MapSet, WordMap};
use crate::metrics;
use crate::model::{
    Aggregation, BaseUnit, Bound, Indicator, IndicatorKind, Meta, Metric, Paragraph, Period, Report, Role, Section,
    Span, Status, Value,
};
use crate::normalize::Normalized;

/// The words of `data/targets.tsv`, one map per category.
pub(crate) struct Vocab {
    lead: WordMap<()>,
    inline: WordMap<()>,
    weak: WordMap<()>,
    lead_prev: WordMap<()>,
    lead_five: WordMap<()>,
    year_next: WordMap<()>,
    year_this: WordMap<()>,
    clause_five: WordMap<()>,
    plan_span: WordMap<()>,
    /// The length in bytes of the longest `plan_span` word.
    plan_span_max: usize,
    pub(crate) better: WordMap<()>,
    absent_neg: WordMap<()>,
    absent_subject: WordMap<()>,
    absent_goal: WordMap<()>,
    past: WordMap<()>,
    subject_trailer: WordMap<()>,
    lead_noun: WordMap<()>,
    lead_head: WordMap<()>,
    lead_mid: WordMap<()>,
    lead_tail: WordMap<()>,
    stretch: WordMap<()>,
    /// Chars every lead word and lead noun holds, every weak cue holds and
    /// every "no growth target" goal word holds: a paragraph missing one of
    /// them is not searched for those words (see [`holds_all`]).
    lead_keys: Vec<char>,
    weak_keys: Vec<char>,
    absent_keys: Vec<char>,
}

pub(crate) fn vocab() -> &'static Vocab {
    static V: OnceLock<Vocab> = OnceLock::new();
    V.get_or_init(|| {
        let mut v = Vocab {
            lead: WordMap::default(),
            inline: WordMap::default(),
            weak: WordMap::default(),
            lead_prev: WordMap::default(),
            lead_five: WordMap::default(),
            year_next: WordMap::default(),
            year_this: WordMap::default(),
            clause_five: WordMap::default(),
            plan_span: WordMap::default(),
            plan_span_max: 0,
            better: WordMap::default(),
            absent_neg: WordMap::default(),
            absent_subject: WordMap::default(),
            absent_goal: WordMap::default(),
            past: WordMap::default(),
            subject_trailer: WordMap::default(),
            lead_noun: WordMap::default(),
            lead_head: WordMap::default(),
            lead_mid: WordMap::default(),
            lead_tail: WordMap::default(),
            stretch: WordMap::default(),
            lead_keys: Vec::new(),
            weak_keys: Vec::new(),
            absent_keys: Vec::new(),
        };
        for row in rows(include_str!("../data/targets.tsv")) {
            let (Some(&cat), Some(&word)) = (row.first(), row.get(1)) else { continue };
            let map = match cat {
                "lead" => &mut v.lead,
                "inline" => &mut v.inline,
                "weak" => &mut v.weak,
                "lead_prev" => &mut v.lead_prev,
                "lead_five" => &mut v.lead_five,
                "year_next" => &mut v.year_next,
                "year_this" => &mut v.year_this,
                "clause_five" => &mut v.clause_five,
                "plan_span" => {
                    v.plan_span_max = v.plan_span_max.max(word.len());
                    &mut v.plan_span
                }
                "better" => &mut v.better,
                "absent_neg" => &mut v.absent_neg,
                "absent_subject" => &mut v.absent_subject,
                "absent_goal" => &mut v.absent_goal,
                "past" => &mut v.past,
                "subject_trailer" => &mut v.subject_trailer,
                "lead_noun" => &mut v.lead_noun,
                "lead_head" => &mut v.lead_head,
                "lead_mid" => &mut v.lead_mid,
                "lead_tail" => &mut v.lead_tail,
                "stretch" => &mut v.stretch,
                _ => continue,
            };
            map.insert(word, ());
        }
        let noun_keys = v.lead_noun.shared_chars();
        v.lead_keys = v.lead.shared_chars().into_iter().filter(|c| noun_keys.contains(c)).collect();
        v.weak_keys = v.weak.shared_chars();
        v.absent_keys = v.absent_goal.shared_chars();
        v
    })
}

/// `false` when `t[from..to]` lacks one of `keys`, so holds no word whose
/// every word holds them all (a fast search per key).
fn holds_all(t: &str, from: usize, to: usize, keys: &[char]) -> bool {
    t.get(from..to).is_none_or(|s| keys.iter().all(|&c| s.contains(c)))
}

/// Where the annual targets of a report are. Offsets are UTF-8 bytes of the
/// original text (in the unit of the report for [`locate`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetsBlock {
    /// Start of the targets (just after the lead, or the first target clause).
    pub start: usize,
    /// End of the targets (the end of the paragraph).
    pub end: usize,
    /// The lead words ("主要预期目标是"), when there are any.
    pub lead: Option<Span>,
    /// The year the targets are for.
    pub year: Option<i32>,
    /// The "在实际工作中努力争取更好结果" phrases inside the targets.
    pub better: Vec<Span>,
    /// Ids of indicators quoting a target again (restatements, stretch
    /// figures), turned to status `plan` (sorted; empty from [`locate`]).
    pub(crate) quoted: Vec<usize>,
}

// ---------------------------------------------------------------------------
// Small text helpers shared with `commitments`.

/// Characters that end a sentence.
pub(crate) fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | ';' | '；' | '!' | '！' | '?' | '？' | '\n')
}

/// Characters that end a clause (besides sentence ends).
pub(crate) fn is_clause_end(c: char) -> bool {
    matches!(c, ',' | '，' | ':' | '：')
}

/// The sentence of `t` around byte `p`: (start, end) without the break.
pub(crate) fn sentence_at(t: &str, p: usize) -> (usize, usize) {
    bounds_at(t, p, is_sentence_end)
}

/// The clause of `t` around byte `p`.
pub(crate) fn clause_at(t: &str, p: usize) -> (usize, usize) {
    bounds_at(t, p, |c| is_sentence_end(c) || is_clause_end(c))
}

/// How far (bytes) a sentence or clause is looked for on either side of a
/// position: keeps the work per quantity bounded on text without punctuation.
const WINDOW: usize = 3000;

fn bounds_at(t: &str, p: usize, stop: impl Fn(char) -> bool) -> (usize, usize) {
    let p = floor(t, p);
    let lo = floor(t, p.saturating_sub(WINDOW));
    let hi = floor(t, p.saturating_add(WINDOW));
    let s = t[lo..p].char_indices().rev().find(|(_, c)| stop(*c)).map_or(lo, |(i, c)| lo + i + c.len_utf8());
    let e = t[p..hi].char_indices().find(|(_, c)| stop(*c)).map_or(hi, |(i, _)| p + i);
    (s, e.max(s))
}

/// `p` moved down to a char boundary of `t` (and at most `t.len()`).
pub(crate) fn floor(t: &str, p: usize) -> usize {
    let mut p = p.min(t.len());
    while !t.is_char_boundary(p) {
        p -= 1;
    }
    p
}

/// The innermost section containing original offset `os`.
pub(crate) fn section_of(sections: &[Section], os: usize) -> Option<usize> {
    let k = sections.partition_point(|s| s.start <= os);
    let mut cur = k.checked_sub(1)?;
    for _ in 0..64 {
        let s = &sections[cur];
        if os < s.end {
            return Some(cur);
        }
        cur = s.parent?;
    }
    None
}

/// The paragraph containing original offset `os`.
pub(crate) fn paragraph_of(paragraphs: &[Paragraph], os: usize) -> Option<usize> {
    let k = paragraphs.partition_point(|p| p.start <= os);
    let p = paragraphs.get(k.checked_sub(1)?)?;
    (os <= p.end).then_some(p.id)
}

/// The first role other than `other` of a section and its ancestors.
pub(crate) fn role_of(sections: &[Section], section: Option<usize>) -> Option<Role> {
    let mut cur = section;
    for _ in 0..64 {
        let s = sections.get(cur?)?;
        if s.role != Role::Other {
            return Some(s.role);
        }
        cur = s.parent;
    }
    None
}

/// A four-digit year ending just before the 年 at byte `nian` of `t`.
pub(crate) fn year_before(t: &str, nian: usize) -> Option<(i32, usize)> {
    let head = t.get(..nian)?;
    let mut start = nian;
    let mut n = 0;
    for (i, c) in head.char_indices().rev() {
        if c.is_ascii_digit() || crate::numerals::digit(c).is_some() {
            start = i;
            n += 1;
            if n > 4 {
                return None;
            }
        } else {
            break;
        }
    }
    if n != 4 {
        return None;
    }
    let y = crate::numerals::year(&t[start..nian])?;
    (1900..=2100).contains(&y).then_some((y, start))
}

/// Words before a year that make it a comparison base, not a time ("比2010年").
fn base_before(t: &str, at: usize) -> bool {
    let head = &t[..at];
    ["比", "较", "与", "同", "相比", "对比", "从"].iter().any(|w| head.ends_with(w))
}

/// Explicit years (not comparison bases, not "…以来") in `t[from..to]`, as (year, start, end).
pub(crate) fn years_in(t: &str, from: usize, to: usize) -> Vec<(i32, usize, usize)> {
    let to = floor(t, to);
    let from = floor(t, from.min(to));
    t[from..to].match_indices('年').filter_map(|(i, _)| year_at(t, from, from + i)).collect()
}

/// The year of [`years_in`] of a stretch starting at `from` that ends at the
/// 年 at `nian`, if any.
pub(crate) fn year_at(t: &str, from: usize, nian: usize) -> Option<(i32, usize, usize)> {
    let (y, s) = year_before(t, nian)?;
    if s < from || base_before(t, s) || t[nian..].starts_with("年以来") {
        return None;
    }
    Some((y, s, nian + '年'.len_utf8()))
}

fn is_headline(id: Option<&str>) -> bool {
    matches!(id, Some("gdp" | "gnp" | "gross_output_ia"))
}

/// An indicator's position in the normalized text.
fn norm_pos(norm: &Normalized<'_>, i: &Indicator) -> (usize, usize) {
    (norm.from_original(i.start), norm.from_original(i.end))
}

// ---------------------------------------------------------------------------

/// A block in normalized offsets.
#[derive(Debug, Clone)]
struct Found {
    start: usize,
    end: usize,
    lead: Option<(usize, usize)>,
    /// Start of the sentence holding the lead (for the year words).
    sentence_start: usize,
}

struct Ctx<'a, 'n> {
    norm: &'a Normalized<'n>,
    t: &'a str,
    sections: &'a [Section],
    paragraphs: &'a [Paragraph],
    /// (normalized start, normalized end, indicator index), sorted.
    inds: Vec<(usize, usize, usize)>,
    year: Option<i32>,
    /// Sorted starts of the sentences and of the clauses.
    sentences: Vec<usize>,
    clauses: Vec<usize>,
    /// The cue words of the per-quantity checks, per sentence index, found
    /// when a sentence is first asked about (few are, see [`Ctx::occ_at`]).
    occ: RefCell<FastMap<usize, Rc<Occurrences>>>,
}

/// Where the cue words of the per-quantity checks occur in one sentence, as
/// sorted (start, end).
#[derive(Debug, Default)]
struct Occurrences {
    clause_five: Vec<(usize, usize)>,
    plan_span: Vec<(usize, usize)>,
    /// Past-year words that are no comparison base.
    past: Vec<(usize, usize)>,
    lead_five: Vec<(usize, usize)>,
    /// Previous-year words before a lead (去年, 确定的) that are no comparison base.
    lead_prev: Vec<(usize, usize)>,
    inline: Vec<(usize, usize)>,
}

/// The maps of [`Occurrences`], in the order of its word fields.
fn sentence_cues() -> &'static MapSet<'static, (), 6> {
    static S: OnceLock<MapSet<'static, (), 6>> = OnceLock::new();
    S.get_or_init(|| {
        let v = vocab();
        MapSet::new([&v.clause_five, &v.plan_span, &v.past, &v.lead_five, &v.lead_prev, &v.inline])
    })
}

impl Occurrences {
    /// The occurrences in the sentence `from..to` (break included):
    /// non-overlapping, leftmost and then longest first per map, as a scan
    /// of the whole text finds them (no cue word holds a sentence break, so
    /// none runs from one sentence into the next).
    fn of_sentence(t: &str, from: usize, to: usize) -> Self {
        let mut occ = Occurrences::default();
        let not_base = |s: usize, e: usize| !base_before(t, s) && !t[e..].starts_with("同期");
        let mut next_free = [from; 6];
        sentence_cues().each_in(t, from, to, |k, s, w| {
            if s < next_free[k] {
                return;
            }
            let e = s + w.len();
            next_free[k] = e;
            let list = match k {
                0 => &mut occ.clause_five,
                1 => &mut occ.plan_span,
                2 if not_base(s, e) => &mut occ.past,
                3 => &mut occ.lead_five,
                4 if not_base(s, e) => &mut occ.lead_prev,
                5 => &mut occ.inline,
                _ => return,
            };
            list.push((s, e));
        });
        occ
    }
}

/// The first span of `v` (sorted by start) inside `from..to`.
fn first_in(v: &[(usize, usize)], from: usize, to: usize) -> Option<(usize, usize)> {
    let k = v.partition_point(|x| x.0 < from);
    v[k..].iter().take_while(|x| x.0 < to).find(|x| x.1 <= to).copied()
}

/// The `k`th sentence of `starts`, its break included (the next start).
fn sentence_span(t: &str, starts: &[usize], k: usize) -> (usize, usize) {
    (starts[k], starts.get(k + 1).copied().unwrap_or(t.len()))
}

/// The piece of `starts` around `p`: (start, end without the break).
fn piece_of(t: &str, starts: &[usize], p: usize) -> (usize, usize) {
    let k = starts.partition_point(|&s| s <= p).saturating_sub(1);
    let s = starts.get(k).copied().unwrap_or(0);
    let e = starts.get(k + 1).map_or(t.len(), |&n| {
        // drop the break character itself
        t[..n].char_indices().next_back().map_or(n, |(i, _)| i)
    });
    (s.min(t.len()), e.max(s).min(t.len()))
}

impl Ctx<'_, '_> {
    fn sentence(&self, p: usize) -> (usize, usize) {
        piece_of(self.t, &self.sentences, p)
    }

    fn clause(&self, p: usize) -> (usize, usize) {
        piece_of(self.t, &self.clauses, p)
    }

    /// The cue-word occurrences of the sentence holding `p`, found on the
    /// first call: only the sentences of the quantities and leads that the
    /// checks weigh are ever read.
    fn occ_at(&self, p: usize) -> Rc<Occurrences> {
        let k = self.sentences.partition_point(|&s| s <= p).saturating_sub(1);
        let mut cache = self.occ.borrow_mut();
        let occ = cache.entry(k).or_insert_with(|| {
            let (from, to) = sentence_span(self.t, &self.sentences, k);
            Rc::new(Occurrences::of_sentence(self.t, from, to))
        });
        Rc::clone(occ)
    }

    /// The first `plan_span` word of the sentence holding `p`, when it
    /// ends by `p`: `first_in(&self.occ_at(p).plan_span, sentence start, p)`
    /// without finding the other cue words of the sentence. The words of
    /// its occurrences do not overlap, so that is the sentence's first one
    /// (leftmost, then longest), which starts before `p` only if it ends
    /// by `p` plus the longest word: the sentence is read only that far.
    fn plan_span_before(&self, p: usize) -> Option<(usize, usize)> {
        let k = self.sentences.partition_point(|&s| s <= p).saturating_sub(1);
        let (from, to) = sentence_span(self.t, &self.sentences, k);
        let v = vocab();
        let limit = floor(self.t, p.saturating_add(v.plan_span_max).min(to));
        let (at, w, _) = v.plan_span.find_in(self.t, from, limit)?;
        (at < p && at + w.len() <= p).then_some((at, at + w.len()))
    }

    fn para_range(&self, p: &Paragraph) -> (usize, usize) {
        (self.norm.from_original(p.start), self.norm.from_original(p.end))
    }

    fn role(&self, p: &Paragraph) -> Option<Role> {
        role_of(self.sections, p.section)
    }

    /// `false` for paragraphs of parts that never state this year's targets
    /// (the review, problems, five-year goals, appendix, glossary).
    fn may_hold_targets(&self, p: &Paragraph) -> bool {
        !matches!(self.role(p), Some(Role::Review | Role::Problems | Role::Goals | Role::Glossary | Role::Appendix))
    }

    /// Indicators starting in `from..to` (indices into `inds`).
    fn inds_in(&self, from: usize, to: usize) -> &[(usize, usize, usize)] {
        let a = self.inds.partition_point(|x| x.0 < from);
        let b = self.inds.partition_point(|x| x.0 < to);
        &self.inds[a..b.max(a)]
    }

    fn canonical_in(&self, indicators: &[Indicator], from: usize, to: usize) -> usize {
        self.inds_in(from, to)
            .iter()
            .filter(|x| {
                let i = &indicators[x.2];
                i.metric.id.is_some() && i.status != Status::Plan && !self.five_year_clause(x.0, i)
            })
            .count()
    }

    /// `true` when the quantity at normalized `p` sits in a five-year clause.
    fn five_year_clause(&self, p: usize, i: &Indicator) -> bool {
        if let Some(per) = &i.period {
            if matches!(per.aggregation, Aggregation::Cagr | Aggregation::Cumulative) {
                return true;
            }
        }
        let (cs, ce) = self.clause(p);
        let (ss, _) = self.sentence(p);
        let occ = self.occ_at(p);
        first_in(&occ.clause_five, cs, ce).is_some()
            || first_in(&occ.plan_span, ss, p).is_some()
            || self.deadline_year_in(cs, ce)
    }

    /// "到2020年" in the clause `from..to`, two or more years after the
    /// report year.
    fn deadline_year_in(&self, from: usize, to: usize) -> bool {
        let Some(r) = self.year else { return false };
        years_in(self.t, from, to)
            .into_iter()
            .any(|(y, s, _)| y >= r + 2 && ["到", "至", "在"].iter().any(|w| self.t[..s].ends_with(w)))
    }

    /// `true` when a past-year word (not a comparison base) stands before
    /// normalized `p` in its sentence.
    fn past_before(&self, p: usize) -> bool {
        let (ss, _) = self.sentence(p);
        first_in(&self.occ_at(p).past, ss, p).is_some()
    }

    /// `true` when the words before a lead in its sentence (from `s`) make it
    /// no annual target.
    fn bad_prefix(&self, s: usize, p: usize) -> bool {
        let occ = self.occ_at(p);
        if first_in(&occ.lead_five, s, p).is_some()
            || first_in(&occ.lead_prev, s, p).is_some()
            || first_in(&occ.past, s, p).is_some()
        {
            return true;
        }
        if let Some(r) = self.year {
            // years starting before `p` (their 年 may stand after it)
            let (_, se) = self.sentence(p);
            let years = years_in(self.t, s, se.max(p));
            if years.iter().take_while(|x| x.1 < p).any(|&(y, _, _)| y < r || y > r + 1) {
                return true;
            }
        }
        false
    }

    fn this_year_prefix(&self, s: usize, p: usize) -> bool {
        let v = vocab();
        v.year_this.find_in(self.t, s, p).is_some()
            || v.year_next.find_in(self.t, s, p).is_some()
            || self.year.is_some_and(|r| years_in(self.t, s, p).iter().any(|&(y, _, _)| y == r || y == r + 1))
    }

    /// Extends a block that ends before any quantity into the next paragraphs
    /// (a lead split from its list by a line break).
    fn block_end(&self, pi: usize, start: usize, pe: usize) -> usize {
        let mut end = pe;
        if self.inds_in(start, pe).is_empty() {
            // a lead split from its list by line breaks
            let found = self.paragraphs.iter().enumerate().skip(pi + 1).take(2).find(|(_, q)| {
                let (_, qe) = self.para_range(q);
                !self.inds_in(start, qe).is_empty()
            });
            let Some((qi, q)) = found else { return pe };
            end = self.para_range(q).1;
            let next = qi + 1;
            // targets one per line: go on while the lines are short target lines
            let mut prev_start = q.start;
            for q in self.paragraphs.iter().skip(next).take(40) {
                let (qs, qe) = self.para_range(q);
                let heading = self.sections.iter().any(|s| s.start > prev_start && s.start <= q.start);
                let short = self.t[qs..qe].chars().count() <= 80;
                if heading || !short || self.inds_in(qs, qe).is_empty() {
                    break;
                }
                end = qe;
                prev_start = q.start;
            }
        }
        end
    }

    /// `true` when a quantity starts after `from` in paragraph `pi` or the two
    /// after it: a lead in `pi` names no target otherwise (its block ends
    /// there, see [`Ctx::block_end`]), so the paragraph is not searched.
    fn quantity_within_reach(&self, pi: usize, from: usize) -> bool {
        let reach = self.paragraphs[pi..].iter().take(3).map(|q| self.para_range(q).1).max().unwrap_or(from);
        !self.inds_in(from, reach).is_empty()
    }

    /// A lead by shape: (预期|主要|调控…)…目标/指标 + (建议|确定…)? + 是/为/：
    /// within a few characters ("主要预期目标建议为："), from `from` on, given
    /// the lead nouns of the paragraph (see [`Leads`]).
    fn generic_lead(&self, nouns: &[(usize, usize)], from: usize) -> Option<(usize, usize)> {
        let t = self.t;
        let v = vocab();
        let mut pos = from;
        for &(at, end) in &nouns[nouns.partition_point(|x| x.0 < from)..] {
            if at < pos {
                continue;
            }
            pos = end;
            let (cs, _) = clause_at(t, at);
            let head_from = floor(t, at.saturating_sub(18)).max(cs);
            if v.lead_head.find_in(t, head_from, at).is_none() {
                continue;
            }
            let mut q = end;
            if let Some((mw, _)) = v.lead_mid.longest_at(t, q) {
                q += mw.len();
            }
            if let Some((tw, _)) = v.lead_tail.longest_at(t, q) {
                return Some((at, q + tw.len()));
            }
        }
        None
    }

    fn find(&self, indicators: &[Indicator]) -> Option<Found> {
        let t = self.t;
        // 1. a lead
        let mut leads = Leads::default();
        for (pi, p) in self.paragraphs.iter().enumerate() {
            let role = self.role(p);
            if matches!(role, Some(Role::Glossary | Role::Appendix)) {
                continue;
            }
            let (ps, pe) = self.para_range(p);
            if !self.quantity_within_reach(pi, ps) || !holds_all(t, ps, pe, &vocab().lead_keys) {
                continue;
            }
            leads.find(t, ps, pe);
            let mut pos = ps;
            loop {
                let listed = leads.listed.iter().find(|x| x.0 >= pos).copied();
                let shaped = self.generic_lead(&leads.nouns, pos);
                let Some((at, lead_end)) = listed.into_iter().chain(shaped).min() else { break };
                let w = &t[at..lead_end];
                pos = lead_end;
                let (ss, _) = sentence_at(t, at);
                if self.bad_prefix(ss, at) {
                    continue;
                }
                let strict = matches!(role, Some(Role::Review | Role::Problems | Role::Goals));
                if strict && !self.this_year_prefix(ss, at) {
                    continue;
                }
                let start = skip_punct(t, at + w.len(), pe);
                let end = self.block_end(pi, start, pe);
                if self.canonical_in(indicators, start, end) == 0 {
                    continue;
                }
                return Some(Found { start, end, lead: Some((at, at + w.len())), sentence_start: ss });
            }
        }
        // 2. a section titled as the targets ("（一）2019年主要预期目标")
        for sec in self.sections.iter().filter(|s| s.role == Role::Targets) {
            let start = skip_punct(t, self.norm.from_original(sec.title_end), t.len());
            let end = self.norm.from_original(sec.end);
            if end > start && self.canonical_in(indicators, start, end) > 0 {
                let (ts, _) = (self.norm.from_original(sec.title_start), ());
                return Some(Found { start, end, lead: None, sentence_start: ts });
            }
        }
        // 3. a weak cue with two or more targets after it
        for p in self.paragraphs {
            if !self.may_hold_targets(p) {
                continue;
            }
            let (ps, pe) = self.para_range(p);
            if !holds_all(t, ps, pe, &vocab().weak_keys) {
                continue;
            }
            let Some((at, w, _)) = vocab().weak.find_in(t, ps, pe) else { continue };
            let (ss, se) = sentence_at(t, at);
            if self.bad_prefix(ss, at) {
                continue;
            }
            // the clause itself may hold a target; otherwise the targets follow the sentence
            let (cs, ce) = clause_at(t, at);
            let start = if self.inds_in(cs, ce).is_empty() { skip_punct(t, se, pe) } else { cs };
            if self.canonical_in(indicators, start, pe) >= 2 {
                return Some(Found { start, end: pe, lead: Some((at, at + w.len())), sentence_start: ss });
            }
        }
        // 4. clause-level wording of older reports; 5. the first headline growth target
        for p in self.paragraphs {
            if !self.may_hold_targets(p) {
                continue;
            }
            let (ps, pe) = self.para_range(p);
            for &(s, _, k) in self.inds_in(ps, pe) {
                let i = &indicators[k];
                if i.status != Status::Target {
                    continue;
                }
                let trailer = || trailer_metric(self.norm, i, self.year).map(|m| m.0.id);
                let id = i.metric.id.as_deref().or_else(trailer);
                if !is_headline(id) || i.value.base_unit != Some(BaseUnit::Percent) {
                    continue;
                }
                if self.five_year_clause(s, i) {
                    continue;
                }
                let (ss, _) = self.sentence(s);
                let (cs, _) = self.clause(s);
                let inline = first_in(&self.occ_at(s).inline, cs, s).is_some();
                let this_year = i.period.as_ref().is_some_and(|per| {
                    per.start_year == per.end_year && self.year.is_some_and(|r| per.start_year == Some(r))
                });
                if (inline || (this_year && i.status == Status::Target)) && !self.bad_prefix(ss, s) {
                    return Some(Found { start: ss, end: pe, lead: None, sentence_start: ss });
                }
            }
        }
        None
    }

    /// The year the block's targets are for.
    fn block_year(&self, f: &Found, delivered_month: Option<u32>) -> Option<i32> {
        let t = self.t;
        let head_end = f.lead.map_or(f.start, |l| l.0);
        let ys = years_in(t, f.sentence_start, head_end);
        if let Some(&(y, _, _)) = ys.last() {
            return Some(y);
        }
        let r = self.year?;
        // the first clause of the targets may name the year ("明年工农业总产值…")
        let (_, first_clause_end) = clause_at(t, f.start);
        let look_to = first_clause_end.min(f.end);
        if vocab().year_next.find_in(t, f.sentence_start, look_to).is_some() {
            return Some(r + 1);
        }
        if vocab().year_this.find_in(t, f.sentence_start, look_to).is_some() {
            return Some(r);
        }
        if let Some(&(y, _, _)) = years_in(t, f.start, look_to).first() {
            if y == r || y == r + 1 {
                return Some(y);
            }
        }
        if delivered_month.is_some_and(|m| m >= 9) {
            return Some(r + 1);
        }
        Some(r)
    }
}

/// The lead words and lead nouns of one paragraph, found in one pass.
#[derive(Default)]
struct Leads {
    /// (start, end) of the longest lead word at each position.
    listed: Vec<(usize, usize)>,
    /// (start, end) of the longest lead noun at each position.
    nouns: Vec<(usize, usize)>,
}

impl Leads {
    /// Finds the words starting in `t[from..to]` and ending by `to`, as
    /// [`WordMap::find_in`] on `from..to` does.
    fn find(&mut self, t: &str, from: usize, to: usize) {
        static SET: OnceLock<MapSet<'static, (), 2>> = OnceLock::new();
        let set = SET.get_or_init(|| MapSet::new([&vocab().lead, &vocab().lead_noun]));
        self.listed.clear();
        self.nouns.clear();
        let window = &t[..to];
        set.each_in(window, from, to, |k, s, w| {
            let list = if k == 0 { &mut self.listed } else { &mut self.nouns };
            list.push((s, s + w.len()));
        });
    }
}

fn skip_punct(t: &str, mut p: usize, end: usize) -> usize {
    while p < end {
        match t[p..].chars().next() {
            Some(c) if matches!(c, ':' | '：' | ',' | '，' | ' ' | '\n' | '是' | '为' | '。') => p += c.len_utf8(),
            _ => break,
        }
    }
    p
}

fn delivered_month(meta: &Meta) -> Option<u32> {
    meta.delivered_on.as_deref()?.get(5..7)?.parse().ok()
}

fn build_ctx<'a, 'n>(
    norm: &'a Normalized<'n>,
    sections: &'a [Section],
    paragraphs: &'a [Paragraph],
    indicators: &[Indicator],
    meta: &Meta,
) -> Ctx<'a, 'n> {
    let mut inds: Vec<(usize, usize, usize)> = indicators
        .iter()
        .enumerate()
        .map(|(k, i)| {
            let (s, e) = norm_pos(norm, i);
            (s, e, k)
        })
        .collect();
    inds.sort_unstable();
    let t = norm.text();
    let (clauses, sentences) = clauses_and_sentences(norm);
    let occ = RefCell::default();
    Ctx { norm, t, sections, paragraphs, inds, year: meta.year, sentences, clauses, occ }
}

/// The sorted starts of the clauses and of the sentences of the normalized
/// text, from one walk over its breaks: a sentence starts at the clause after
/// a sentence end.
fn clauses_and_sentences(norm: &Normalized<'_>) -> (Vec<usize>, Vec<usize>) {
    // per clause after the first: whether a sentence end opens it
    let after_sentence_end = RefCell::new(Vec::new());
    let clauses = norm.pieces(|c| {
        let sentence_end = is_sentence_end(c);
        let stop = sentence_end || is_clause_end(c);
        if stop {
            after_sentence_end.borrow_mut().push(sentence_end);
        }
        stop
    });
    let after_sentence_end = after_sentence_end.into_inner();
    let later = clauses.iter().skip(1).zip(after_sentence_end).filter_map(|(&c, s)| s.then_some(c));
    let sentences = std::iter::once(0).chain(later).collect();
    (clauses, sentences)
}

/// Finds the annual targets, fixes their indicators (status, period), turns
/// five-year goals and restatements away from annual targets, and appends an
/// `absent` indicator for an explicit "no growth target" sentence. Returns
/// where the targets are (UTF-8 offsets of the original), if anywhere.
pub fn apply(
    norm: &Normalized<'_>,
    sections: &[Section],
    paragraphs: &[Paragraph],
    indicators: &mut Vec<Indicator>,
    meta: &Meta,
) -> Option<TargetsBlock> {
    let ctx = build_ctx(norm, sections, paragraphs, indicators, meta);
    let found = ctx.find(indicators);
    let year = found.as_ref().and_then(|f| ctx.block_year(f, delivered_month(meta))).or(meta.year);
    // five-year goals outside the targets
    if let Some(r) = meta.year {
        plan_periods(&ctx, indicators, r, found.as_ref());
        goals_periods(&ctx, indicators, r, found.as_ref());
    }
    let mut block_ids = Vec::new();
    let mut quoted = Vec::new();
    if let Some(f) = &found {
        for &(s, _, k) in ctx.inds_in(f.start, f.end) {
            let i = &mut indicators[k];
            if i.status == Status::Plan || i.bound == Bound::Absent {
                continue;
            }
            if ctx.five_year_clause(s, i) || ctx.past_before(s) {
                continue;
            }
            if i.metric.id.is_none() {
                resolve_trailer(norm, i, year);
            }
            if let Some(per) = &i.period {
                if per.start_year != per.end_year && per.end_year.zip(year).is_some_and(|(e, y)| e > y) {
                    continue;
                }
            }
            i.status = Status::Target;
            if let Some(y) = year {
                match &mut i.period {
                    Some(per) => {
                        per.start_year = Some(y);
                        per.end_year = Some(y);
                    }
                    None => {
                        let aggregation = match i.kind {
                            IndicatorKind::Growth | IndicatorKind::Change | IndicatorKind::Level => Aggregation::Annual,
                            _ => Aggregation::Point,
                        };
                        i.period = Some(Period { start_year: Some(y), end_year: Some(y), aggregation, raw: None });
                    }
                }
            }
            block_ids.push(k);
        }
        stretches(&ctx, indicators, &block_ids, &mut quoted);
        restatements(&ctx, indicators, &block_ids, f, &mut quoted);
        // stretch figures after a restated target elsewhere ("确保增长8%，力争9%")
        let all: Vec<usize> = ctx.inds.iter().map(|x| x.2).collect();
        stretches(&ctx, indicators, &all, &mut quoted);
        quoted.sort_unstable();
        quoted.dedup();
    }
    absent(&ctx, indicators, year, found.as_ref());
    let f = found?;
    let better = better_spans(&ctx, f.start, f.end);
    let (start, end) = norm.to_original(f.start, f.end);
    let lead = f.lead.map(|(a, b)| {
        let (s, e) = norm.to_original(a, b);
        Span { start: s, end: e }
    });
    Some(TargetsBlock { start, end, lead, year, better, quoted })
}

/// "增长6.5%，力争7%": the second figure of a target, after a stretch word and
/// without a subject of its own, is quoted as a stretch (status plan, the
/// kind and period of the first), so the target stays one indicator.
fn stretches(ctx: &Ctx<'_, '_>, indicators: &mut [Indicator], ids: &[usize], quoted: &mut Vec<usize>) {
    let v = vocab();
    let t = ctx.t;
    for w in ids.windows(2) {
        let (j, k) = (w[0], w[1]);
        let (a, b) = (&indicators[j], &indicators[k]);
        let a_target = a.status == Status::Target || (a.status == Status::Plan && quoted.contains(&j));
        if !a_target || b.status != Status::Target || a.metric.id.is_none() || a.metric.id != b.metric.id {
            continue;
        }
        if a.value.base_unit != b.value.base_unit || a.metric.start != b.metric.start || a.sentence != b.sentence {
            continue;
        }
        let ks = ctx.norm.from_original(b.start);
        let (cs, _) = ctx.clause(ks);
        let head = t[cs..ks].trim_start();
        let head_at = ks - head.len();
        if v.stretch.longest_at(t, head_at).is_none() {
            continue;
        }
        let (kind, period) = (a.kind, a.period.clone());
        let b = &mut indicators[k];
        b.status = Status::Plan;
        b.kind = kind;
        b.period = period;
        quoted.push(k);
    }
}

/// The metric of a subject ending in "计划"/"预期", and the normalized span of
/// what stands before that word.
fn trailer_metric(
    norm: &Normalized<'_>,
    i: &Indicator,
    year: Option<i32>,
) -> Option<(metrics::Resolved, usize, usize)> {
    let (ms, me) = (i.metric.start?, i.metric.end?);
    let (ns, ne) = (norm.from_original(ms), norm.from_original(me));
    let t = norm.text();
    let (w, _) = vocab().subject_trailer.longest_ending(t, ne)?;
    let cut = ne - w.len();
    if cut <= ns {
        return None;
    }
    let growth = i.kind == IndicatorKind::Growth || i.value.base_unit == Some(BaseUnit::Percent);
    Some((metrics::resolve(&t[ns..cut], growth, year)?, ns, cut))
}

/// Resolves a subject that ends in "计划"/"预期" ("工农业总产值计划") by what
/// stands before that word.
fn resolve_trailer(norm: &Normalized<'_>, i: &mut Indicator, year: Option<i32>) {
    let Some((m, ns, cut)) = trailer_metric(norm, i, year) else { return };
    let original = norm.original();
    let growth = i.kind == IndicatorKind::Growth || i.value.base_unit == Some(BaseUnit::Percent);
    let (os, oe) = norm.to_original(ns, cut);
    i.metric = Metric {
        id: Some(m.id.to_string()),
        name: Some(original[os..oe].to_string()),
        start: Some(os),
        end: Some(oe),
        scope: m.scope,
    };
    if i.kind == IndicatorKind::Rate && i.value.base_unit == Some(BaseUnit::Percent) && growth {
        i.kind = IndicatorKind::Growth;
    }
}

fn better_spans(ctx: &Ctx<'_, '_>, from: usize, to: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut pos = from;
    while let Some((at, w, _)) = vocab().better.find_in(ctx.t, pos, to) {
        let (s, e) = ctx.norm.to_original(at, at + w.len());
        out.push(Span { start: s, end: e });
        pos = at + w.len();
    }
    out
}

/// Target quantities after "通过五年努力" that carry the report year alone
/// get the term as their period.
fn plan_periods(ctx: &Ctx<'_, '_>, indicators: &mut [Indicator], r: i32, found: Option<&Found>) {
    for &(s, _, k) in &ctx.inds {
        if found.is_some_and(|f| s >= f.start && s < f.end) {
            continue;
        }
        let i = &mut indicators[k];
        if i.status != Status::Target {
            continue;
        }
        let Some(per) = &mut i.period else { continue };
        if per.start_year != Some(r) || per.end_year != Some(r) {
            continue;
        }
        if let Some((at, end)) = ctx.plan_span_before(s) {
            per.end_year = Some(r + 4);
            if per.raw.is_none() {
                per.raw = Some(ctx.norm.original_slice(at, end).to_string());
            }
        }
    }
}

/// Target quantities in a five-year goals part ("“十三五”时期主要目标任务")
/// that carry the report year alone get the plan period (or the term).
fn goals_periods(ctx: &Ctx<'_, '_>, indicators: &mut [Indicator], r: i32, found: Option<&Found>) {
    let mut span_of: Vec<Option<Option<(i32, i32)>>> = vec![None; ctx.sections.len()];
    for &(s, _, k) in &ctx.inds {
        if found.is_some_and(|f| s >= f.start && s < f.end) {
            continue;
        }
        let i = &indicators[k];
        if i.status != Status::Target {
            continue;
        }
        let Some(sec) = i.section.filter(|&x| x < ctx.sections.len()) else { continue };
        let Some(per) = &i.period else { continue };
        if per.start_year != Some(r) || per.end_year != Some(r) {
            continue;
        }
        let years = *span_of[sec].get_or_insert_with(|| goals_span(ctx.sections, sec, r));
        if let Some((a, b)) = years {
            if let Some(per) = &mut indicators[k].period {
                per.start_year = Some(a);
                per.end_year = Some(b);
            }
        }
    }
}

/// The years of a five-year goals part: `None` unless the section's nearest
/// role is `goals` and its titles name no single year.
fn goals_span(sections: &[Section], sec: usize, r: i32) -> Option<(i32, i32)> {
    if role_of(sections, Some(sec)) != Some(Role::Goals) {
        return None;
    }
    let v = vocab();
    let mut titles = Vec::new();
    let mut cur = Some(sec);
    for _ in 0..16 {
        let Some(s) = cur.and_then(|c| sections.get(c)) else { break };
        titles.push(s.title.as_str());
        cur = s.parent;
    }
    let mut plan: Option<(i32, i32)> = None;
    for t in &titles {
        if v.year_this.find_in(t, 0, t.len()).is_some()
            || v.year_next.find_in(t, 0, t.len()).is_some()
            || t.contains(&format!("{r}年"))
        {
            return None;
        }
        let periods = crate::lexicon::cues().get("period");
        let mut pos = 0;
        while let Some((at, w, val)) = periods.find_in(t, pos, t.len()) {
            pos = at + w.len();
            let mut it =
                val.strip_prefix("plan:").into_iter().flat_map(|x| x.split(':')).filter_map(|x| x.parse::<i32>().ok());
            if let (Some(a), Some(b)) = (it.next(), it.next()) {
                if b >= r && plan.is_none() {
                    plan = Some((a.max(r), b));
                }
            }
        }
    }
    Some(plan.unwrap_or((r, r + 4)))
}

/// Marks later mentions of a target, in sentences about the target, as plan
/// figures (quoted in passing).
fn restatements(
    ctx: &Ctx<'_, '_>,
    indicators: &mut [Indicator],
    block_ids: &[usize],
    f: &Found,
    quoted: &mut Vec<usize>,
) {
    let targets: std::collections::HashSet<TargetKey> =
        block_ids.iter().filter_map(|&k| target_key(&indicators[k])).collect();
    for &(s, _, k) in &ctx.inds {
        if s >= f.start && s < f.end {
            continue;
        }
        let i = &indicators[k];
        if i.status == Status::Target && target_key(i).is_some_and(|key| targets.contains(&key)) {
            indicators[k].status = Status::Plan;
            quoted.push(k);
        }
    }
}

/// What makes two mentions the same annual target: canonical metric and
/// scope, kind, period years and value (the bound word may differ).
pub(crate) type TargetKey =
    (String, Option<String>, IndicatorKind, Option<i32>, Option<i32>, [Option<u64>; 3], Option<BaseUnit>);

/// The [`TargetKey`] of an indicator with a canonical metric.
pub(crate) fn target_key(i: &Indicator) -> Option<TargetKey> {
    let id = i.metric.id.clone()?;
    let p = i.period.as_ref();
    let bits = |x: Option<f64>| x.map(f64::to_bits);
    Some((
        id,
        i.metric.scope.clone(),
        i.kind,
        p.and_then(|p| p.start_year),
        p.and_then(|p| p.end_year),
        [bits(i.value.number), bits(i.value.low), bits(i.value.high)],
        i.value.base_unit,
    ))
}

/// The explicit "no growth target" phrase: (neg start, subject start, subject end, goal end), normalized.
fn find_absent(ctx: &Ctx<'_, '_>, from: usize, to: usize) -> Option<(usize, usize, usize, usize)> {
    let (t, v) = (ctx.t, vocab());
    // the goal word ends the phrase inside the range
    if !holds_all(t, from, to, &v.absent_keys) {
        return None;
    }
    let mut pos = from;
    while let Some((n, w, _)) = v.absent_neg.find_in(t, pos, to) {
        pos = n + w.len();
        let (_, ce) = clause_at(t, n);
        let limit = floor(t, (n + 60).min(ce).min(to));
        let Some((g, gw, _)) = v.absent_goal.find_in(t, n + w.len(), limit) else { continue };
        // the longest subject between the verb and the goal
        let mut best: Option<(usize, usize)> = None;
        let mut q = n + w.len();
        while q < g {
            if let Some((sw, _)) = v.absent_subject.longest_at(t, q) {
                if q + sw.len() <= g && best.is_none_or(|b| sw.len() > b.1 - b.0) {
                    best = Some((q, q + sw.len()));
                }
            }
            q += t[q..].chars().next().map_or(1, char::len_utf8);
        }
        if let Some((a, b)) = best {
            return Some((n, a, b, g + gw.len()));
        }
    }
    None
}

/// Appends the `absent` growth-target indicator when the report says it sets none.
fn absent(ctx: &Ctx<'_, '_>, indicators: &mut Vec<Indicator>, year: Option<i32>, found: Option<&Found>) {
    let has_headline = indicators.iter().any(|i| {
        i.status == Status::Target
            && is_headline(i.metric.id.as_deref())
            && i.kind == IndicatorKind::Growth
            && i.period.as_ref().is_some_and(|p| p.start_year == year && p.end_year == year)
    });
    if has_headline {
        return;
    }
    let t = ctx.t;
    // the targets paragraph first, then the rest of the non-review body
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    if let Some(f) = found {
        let (ss, _) = sentence_at(t, f.start);
        ranges.push((ss.min(f.start), f.end));
    }
    for p in ctx.paragraphs {
        if matches!(ctx.role(p), Some(Role::Review | Role::Problems | Role::Glossary | Role::Appendix)) {
            continue;
        }
        ranges.push(ctx.para_range(p));
    }
    if ctx.paragraphs.is_empty() {
        ranges.push((0, t.len()));
    }
    let Some((n, a, b, g)) = ranges.iter().find_map(|&(s, e)| find_absent(ctx, s, e)) else { return };
    let norm = ctx.norm;
    let (start, end) = norm.to_original(n, g);
    let (ms, me) = norm.to_original(a, b);
    let (ss, se) = sentence_at(t, n);
    let (ss, se) = norm.to_original(ss, se);
    let id = metrics::resolve(&t[a..b], true, ctx.year).map_or("gdp", |m| m.id);
    let id = if is_headline(Some(id)) { id } else { "gdp" };
    let original = norm.original();
    indicators.push(Indicator {
        id: indicators.len(),
        section: section_of(ctx.sections, start),
        paragraph: paragraph_of(ctx.paragraphs, start),
        start,
        end,
        text: original[start..end].to_string(),
        sentence: Span { start: ss, end: se },
        metric: Metric {
            id: Some(id.to_string()),
            name: Some(original[ms..me].to_string()),
            start: Some(ms),
            end: Some(me),
            scope: None,
        },
        kind: IndicatorKind::Growth,
        value: Value { base_unit: Some(BaseUnit::Percent), ..Value::default() },
        bound: Bound::Absent,
        status: Status::Target,
        period: Some(Period { start_year: year, end_year: year, aggregation: Aggregation::Annual, raw: None }),
        relation: None,
        rank: None,
    });
}

/// Finds the annual targets of an already parsed report (which must still
/// hold its source text). Offsets are in the report's unit.
pub fn locate(report: &Report) -> Option<TargetsBlock> {
    let src = report.source()?;
    let utf8;
    let r = if report.offset_unit == crate::OffsetUnit::Utf8 {
        report
    } else {
        utf8 = report.reindexed(crate::OffsetUnit::Utf8);
        &utf8
    };
    let norm = Normalized::new(src);
    let ctx = build_ctx(&norm, &r.sections, &r.paragraphs, &r.indicators, &r.meta);
    let f = ctx.find(&r.indicators)?;
    let year = ctx.block_year(&f, delivered_month(&r.meta)).or(r.meta.year);
    let (start, end) = norm.to_original(f.start, f.end);
    let conv = |b: usize| match report.offset_unit {
        crate::OffsetUnit::Utf8 => b,
        crate::OffsetUnit::Char => crate::offsets::char_offset(src, b),
        crate::OffsetUnit::Utf16 => crate::offsets::utf16_offset(src, b),
    };
    let lead = f.lead.map(|(a, b)| {
        let (s, e) = norm.to_original(a, b);
        Span { start: conv(s), end: conv(e) }
    });
    let better = better_spans(&ctx, f.start, f.end)
        .into_iter()
        .map(|s| Span { start: conv(s.start), end: conv(s.end) })
        .collect();
    Some(TargetsBlock { start: conv(start), end: conv(end), lead, year, better, quoted: Vec::new() })
}

/// The annual target indicators of a parsed report: the target quantities of
/// the targets paragraph for its year, in order (plus an `absent` growth
/// target when the report sets none).
pub fn annual_targets(report: &Report) -> Vec<&Indicator> {
    let Some(b) = locate(report) else {
        return report.indicators.iter().filter(|i| i.bound == Bound::Absent && i.status == Status::Target).collect();
    };
    let mut out: Vec<&Indicator> = report
        .indicators
        .iter()
        .filter(|i| i.start >= b.start && i.end <= b.end && i.status == Status::Target)
        .filter(|i| i.period.as_ref().is_some_and(|p| p.start_year == b.year && p.end_year == b.year))
        .collect();
    out.extend(report.indicators.iter().filter(|i| i.bound == Bound::Absent && i.status == Status::Target));
    out.sort_by_key(|i| i.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Options, Parser};

    fn parse(year: i32, text: &str) -> Report {
        Parser::new(Options::default().with_year(year)).parse(text)
    }

    fn headline(r: &Report) -> Vec<&Indicator> {
        r.indicators
            .iter()
            .filter(|i| i.status == Status::Target && is_headline(i.metric.id.as_deref()))
            .filter(|i| i.kind == IndicatorKind::Growth)
            .collect()
    }

    #[test]
    fn lead_paragraph_targets_this_year() {
        let r = parse(
            2017,
            "一、2016年工作回顾\n国内生产总值增长6.7%。\n二、2017年工作总体部署\n今年发展的主要预期目标是：国内生产总值增长6.5%左右；居民消费价格涨幅3%左右；城镇新增就业1100万人以上。\n",
        );
        let t = annual_targets(&r);
        let texts: Vec<&str> = t.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(texts, ["6.5%", "3%", "1100万人"]);
        assert!(t.iter().all(|i| i.period.as_ref().unwrap().start_year == Some(2017)));
        let b = locate(&r).unwrap();
        assert_eq!(b.year, Some(2017));
        let text = r.source().unwrap();
        assert_eq!(&text[b.lead.unwrap().start..b.lead.unwrap().end], "主要预期目标是");
    }

    #[test]
    fn a_lead_split_by_line_breaks() {
        let r = parse(
            2026,
            "一、2025年工作回顾\n地区生产总值增长5.2%。\n二、2026年工作安排\n今年经济社会发展的\n主要预期目标\n是：地区生产总值增长4.5%—5%，在实际工作中全力争取更好结果；地方一般公共预算收入增长3%左右。\n",
        );
        let h = headline(&r);
        assert_eq!(h.len(), 1, "{h:#?}");
        assert_eq!(h[0].bound, Bound::Range);
        assert_eq!((h[0].value.low, h[0].value.high), (Some(4.5), Some(5.0)));
        assert_eq!(locate(&r).unwrap().better.len(), 1);
    }

    #[test]
    fn explicit_year_and_next_year() {
        let r = parse(
            2012,
            "一、2011年工作回顾\n地区生产总值增长18%。\n二、2012年工作\n2012年全区经济社会发展的预期目标是：地区生产总值达到240亿元，同比增长21%。\n",
        );
        let h = headline(&r);
        assert_eq!(h.len(), 1);
        assert_eq!(h[0].period.as_ref().unwrap().start_year, Some(2012));
        // a report delivered in December sets next year's targets
        let text = "关于经济工作的报告\n1981年12月13日\n一、当前经济形势\n工农业总产值增长4%。\n二、明年的安排\n明年工农业总产值计划增长4%，争取达到5%。\n";
        let r = parse(1981, text);
        let h: Vec<_> = r
            .indicators
            .iter()
            .filter(|i| i.status == Status::Target && i.metric.id.as_deref() == Some("gross_output_ia"))
            .collect();
        assert!(!h.is_empty(), "{:#?}", r.indicators);
        assert_eq!(h[0].period.as_ref().unwrap().start_year, Some(1982));
    }

    #[test]
    fn five_year_goals_are_not_annual_targets() {
        let r = parse(
            2021,
            "一、“十三五”回顾\n生产总值年均增长6.7%。\n二、“十四五”时期主要目标\n“十四五”时期全省生产总值年均增长6%左右。\n三、2021年重点工作\n今年全省经济社会发展主要预期目标是：生产总值增长6.5%，一般公共预算收入增长6.5%。\n",
        );
        let h: Vec<_> = headline(&r)
            .into_iter()
            .filter(|i| i.period.as_ref().is_some_and(|p| p.start_year == Some(2021) && p.end_year == Some(2021)))
            .collect();
        assert_eq!(h.len(), 1, "{h:#?}");
        assert_eq!(h[0].text, "6.5%");
        assert_eq!(h[0].bound, Bound::Exact);
        // "通过五年努力" stretches a report-year target over the term
        let r = parse(2017, "一、今后五年奋斗目标\n通过五年努力,全区城镇居民人均可支配收入比2010年翻一番以上。\n");
        let i = &r.indicators[0];
        assert_eq!(i.period.as_ref().map(|p| (p.start_year, p.end_year)), Some((Some(2017), Some(2021))));
    }

    #[test]
    fn no_growth_target() {
        let text = "一、2019年工作回顾\n国内生产总值增长6.1%。\n二、2020年工作总体部署\n综合研判形势，我们对疫情前考虑的预期目标作了适当调整。城镇新增就业900万人以上，城镇调查失业率6%左右，居民消费价格涨幅3.5%左右。\n需要说明的是，我们没有提出全年经济增速具体目标，主要因为不确定性很大。\n";
        let r = parse(2020, text);
        let a: Vec<_> = r.indicators.iter().filter(|i| i.bound == Bound::Absent).collect();
        assert_eq!(a.len(), 1);
        let a = a[0];
        assert_eq!(a.text, "没有提出全年经济增速具体目标");
        assert_eq!(&text[a.start..a.end], a.text);
        assert_eq!(a.metric.id.as_deref(), Some("gdp"));
        assert_eq!(a.metric.name.as_deref(), Some("经济增速"));
        assert_eq!(a.status, Status::Target);
        assert_eq!(a.period.as_ref().unwrap().start_year, Some(2020));
        assert_eq!(a.id, r.indicators.len() - 1);
        let t = annual_targets(&r);
        assert!(t.iter().any(|i| i.bound == Bound::Absent));
        assert!(t.iter().any(|i| i.metric.id.as_deref() == Some("jobs_new_urban")));
    }

    #[test]
    fn restatement_is_quoted_in_passing() {
        let r = parse(
            2016,
            "一、2015年工作回顾\n国内生产总值增长6.9%。\n二、2016年重点工作\n今年发展的主要预期目标是：国内生产总值增长6.5%－7%，城镇新增就业1000万人以上。\n经济增长预期目标6.5%－7%，考虑了与全面建成小康社会目标相衔接。\n",
        );
        assert_eq!(headline(&r).len(), 1);
        assert!(r.indicators.iter().any(|i| i.status == Status::Plan && i.text == "6.5%－7%"));
    }

    #[test]
    fn wordings_of_the_targets_paragraph() {
        let head = "一、2018年工作回顾\n地区生产总值增长7.1%。\n二、2019年工作安排\n";
        let cases = [
            // a lead by shape, a stretch figure, a (GDP) trailer
            ("今年全市经济社会发展的主要预期目标建议为：全市生产总值（GDP）增长6.5%，力争7%；一般公共预算收入增长5%。", 6.5),
            // targets one per line after the lead
            ("今年全县经济社会发展的主要预期目标是：\n地区生产总值增长7%左右；\n一般公共预算收入增长5%。", 7.0),
            // a section titled as the targets
            ("（一）2019年主要预期目标。地区生产总值增长6%左右，固定资产投资增长8%。", 6.0),
            // the metric before the lead
            ("今年经济增长预期目标为7%左右。", 7.0),
            // 比上年 is a comparison base, not the past year
            ("国民生产总值比上年增长百分之七点五。", 7.5),
        ];
        for (body, want) in cases {
            let r = parse(2019, &format!("{head}{body}\n"));
            let h: Vec<_> =
                headline(&r).into_iter().filter(|i| i.period.as_ref().unwrap().start_year == Some(2019)).collect();
            assert_eq!(h.len(), 1, "{body}: {h:#?}");
            assert_eq!(h[0].value.number, Some(want), "{body}");
            assert!(locate(&r).is_some(), "{body}");
        }
        // the stretch figure is quoted (plan), in the paragraph and in a task restating it
        let r = parse(
            2019,
            &format!("{head}今年主要预期目标是：地区生产总值增长8%左右，力争9%。\n（一）稳增长。确保地区生产总值增长8%左右，力争9%。\n"),
        );
        let st: Vec<Status> = r.indicators.iter().skip(1).map(|i| i.status).collect();
        assert_eq!(st, [Status::Target, Status::Plan, Status::Plan, Status::Plan]);
        assert_eq!(r.indicators[2].kind, IndicatorKind::Growth);
        assert_eq!(r.commitments[0].targets, [1, 2]);
        assert_eq!(r.commitments[1].targets, [3, 4]);
    }

    #[test]
    fn sentence_cue_words_hold_no_sentence_break() {
        // `Occurrences::of_sentence` finds them sentence by sentence
        let cats = ["clause_five", "plan_span", "past", "lead_five", "lead_prev", "inline"];
        for row in rows(include_str!("../data/targets.tsv")).filter(|r| cats.contains(&r[0])) {
            assert!(!row[1].chars().any(is_sentence_end), "{row:?}");
        }
    }

    #[test]
    fn no_targets_no_block() {
        let r = parse(2002, "一、2001年工作回顾\n国内生产总值增长7.3％。\n二、2002年工作\n促进经济较快增长。\n");
        assert!(locate(&r).is_none());
        assert!(annual_targets(&r).is_empty());
        for text in ["", "主要预期目标是", "主要预期目标是：", "没有提出", "没有提出目标", "预期目标是：增长"]
        {
            let r = crate::parse(text);
            let _ = annual_targets(&r);
        }
    }
}
