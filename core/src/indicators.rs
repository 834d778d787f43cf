//! Stage 5: indicators — each quantity with its metric, kind, bound, status,
//! period and relations (SPEC §2 Indicator).
//!
//! [`extract`] takes the quantities of [`crate::numbers::scan`] and, for each:
//!
//! - **sentence**: the clause it belongs to (split on 。；;!? and line breaks);
//! - **metric**: the subject before it in its clause (split also on ，、 and
//!   the previous quantity), with leading cue words (实现, 预计, 其中, 全年 …)
//!   and the predicate (增长, 达到, 占 …) cut off; an empty subject ("五年来年均
//!   增长9%") takes the subject of the previous quantity of the sentence; the
//!   canonical id and scope come from [`crate::metrics::resolve`];
//! - **kind**: structure, ratio, multiple and rank from the shape; for % a
//!   growth after a verb of change (下降 → negative), a share after 占/比重, a
//!   rate otherwise; 个百分点 is a change; counts and amounts after 新增/净增/
//!   减少 are changes, other counts are counts and other amounts levels;
//! - **status**: plan after 计划总投资, estimated after 预计, otherwise from the
//!   section role (review → actual; targets, tasks, goals, livelihood … →
//!   target), or from cue words when the outline gives no role;
//! - **period**: the nearest time cue before it in the sentence (2016年, 五年来,
//!   今年, 去年, “十三五”, 到2020年), resolved against the report year, with the
//!   aggregation (年均 cagr, 累计 cumulative, 同比/比上年 yoy, 较上个五年);
//! - **relation**: 其中 → parent, 分别 → group, 由…调整为… → from_to;
//! - **rank**: position, peer set (居主城区首位 → 主城区) and streak (连续10年).
//!
//! Offsets are UTF-8 bytes into the original input; `text` is the original
//! slice.
//!
//! ```
//! let text = "一、过去一年工作回顾\n2016年,预计实现地区生产总值550亿元,五年来年均增长9%。";
//! let r = baogao::Parser::new(baogao::Options::default().with_year(2017)).parse(text);
//! let i = &r.indicators;
//! assert_eq!(i.len(), 2);
//! assert_eq!(i[0].text, "550亿元");
//! assert_eq!(i[0].metric.id.as_deref(), Some("gdp"));
//! assert_eq!(i[0].status, baogao::Status::Estimated);
//! assert_eq!(i[1].kind, baogao::IndicatorKind::Growth);
//! let p = i[1].period.as_ref().unwrap();
//! assert_eq!((p.start_year, p.end_year, p.aggregation), (Some(2012), Some(2016), baogao::Aggregation::Cagr));
//! ```

use crate::lexicon::{cue_words, cues, WordMap};
use crate::metrics;
use crate::model::{
    Aggregation, BaseUnit, Indicator, IndicatorKind, Meta, Metric, Paragraph, Period, Rank, Relation, RelationKind,
    Role, Section, Span, Status, Value,
};
use crate::normalize::Normalized;
use crate::numbers::{self, is_clause_break, Form, Quantity};

cue_words!(business_noun, growth_to, per_cue, period_base, rank_scope, relation_to,);

/// How far back (bytes) a clause is searched for a subject or a cue.
const LOOKBACK: usize = 360;

/// How many earlier quantities of a sentence relations look at.
const NEAR_QUANTITIES: usize = 32;

/// Characters that end a sentence (the `sentence` span of an indicator).
fn is_sentence_break(c: char) -> bool {
    matches!(c, '。' | ';' | '；' | '!' | '?' | '！' | '？' | '\n')
}

/// Sorted starts of the sentences and of the clauses of the normalized text
/// (the break character belongs to the piece before it). The clauses are
/// read once; the sentences are the clause starts after a sentence break.
fn piece_starts(norm: &Normalized<'_>) -> (Vec<usize>, Vec<usize>) {
    let clauses = norm.pieces(|c| is_sentence_break(c) || is_clause_break(c));
    let b = norm.text().as_bytes();
    let mut sentences = Vec::with_capacity(clauses.len() / 2 + 1);
    sentences.push(0);
    sentences.extend(clauses.iter().skip(1).copied().filter(|&s| after_sentence_break(b, s)));
    (sentences, clauses)
}

/// `true` when the character ending at byte `s` of `b` (UTF-8) is a
/// [`is_sentence_break`] character, read from its bytes.
fn after_sentence_break(b: &[u8], s: usize) -> bool {
    match s.checked_sub(1).map(|k| b[k]) {
        Some(b';' | b'!' | b'?' | b'\n') => true,
        Some(0x80..=0xBF) if s >= 3 => {
            // 。；！？
            matches!(b[s - 3..s], [0xE3, 0x80, 0x82] | [0xEF, 0xBC, 0x9B] | [0xEF, 0xBC, 0x81] | [0xEF, 0xBC, 0x9F])
        }
        _ => false,
    }
}

/// The piece of `starts` containing `p`, as (start, end); `at` is the
/// cursor of `starts`.
fn piece(starts: &[usize], at: &Cursor, len: usize, p: usize) -> (usize, usize) {
    let k = at.count_le(starts, |&s| s, p).saturating_sub(1);
    (starts[k], starts.get(k + 1).copied().unwrap_or(len))
}

/// `partition_point(|x| key(x) <= p)` of a slice sorted by `key`, found from
/// the answer of the previous call: the quantities come in text order, so
/// the answer mostly stays or moves a few places forward, and a binary
/// search is left for jumps back or far ahead.
#[derive(Default)]
struct Cursor(std::cell::Cell<usize>);

impl Cursor {
    fn count_le<T>(&self, v: &[T], key: impl Fn(&T) -> usize, p: usize) -> usize {
        let mut k = self.0.get().min(v.len());
        if k > 0 && key(&v[k - 1]) > p {
            k = v.partition_point(|x| key(x) <= p);
        } else {
            let mut steps = 0;
            while k < v.len() && key(&v[k]) <= p {
                k += 1;
                steps += 1;
                if steps == 8 {
                    k += v[k..].partition_point(|x| key(x) <= p);
                    break;
                }
            }
        }
        self.0.set(k);
        k
    }
}

/// The first characters of the words of some cue categories (read from the
/// table behind [`cues`]): a position whose character is not among them starts
/// no word of those categories, so scans skip it without any lookup.
/// The byte pairs (first << 8 | second) that open a three-byte UTF-8
/// character: lead byte E0..=EF, continuation byte 80..=BF.
const LEAD_PAIRS: [u64; 0x10000 / 64] = {
    let mut bits = [0u64; 0x10000 / 64];
    let mut x = 0xE0;
    while x <= 0xEF {
        let mut y = 0x80;
        while y <= 0xBF {
            let pair = x << 8 | y;
            bits[pair / 64] |= 1 << (pair % 64);
            y += 1;
        }
        x += 1;
    }
    bits
};

/// Beside the bitset of the characters, a bitset over byte pairs (first <<
/// 8 | second) set for the first two bytes of the three-byte characters
/// whose block of 64 code points holds no first character: a run of them is
/// stepped over on one bit test each.
struct FirstChars(Box<[u64; 0x10000 / 64]>, Box<[u64; 0x10000 / 64]>);

impl FirstChars {
    fn empty() -> Self {
        FirstChars(Box::new([0u64; 0x10000 / 64]), Box::new(LEAD_PAIRS))
    }

    /// `false` when no word starts with `c`.
    #[inline]
    fn has(&self, c: char) -> bool {
        let u = c as usize;
        u >= 0x10000 || self.0[u / 64] & (1 << (u % 64)) != 0
    }

    fn set(&mut self, c: char) {
        let u = c as usize;
        if u < 0x10000 {
            self.0[u / 64] |= 1 << (u % 64);
        }
        if (0x800..0x10000).contains(&u) {
            let pair = (0xE0 | u >> 12) << 8 | (0x80 | (u >> 6 & 0x3F));
            self.1[pair / 64] &= !(1 << (pair % 64));
        }
    }

    /// The first position in `pos..to` whose character may start a word, or
    /// `to` when there is none, with that character (`None` at `to`). Works
    /// on the UTF-8 bytes: runs of ASCII and three-byte characters (all
    /// Chinese text) are stepped over by a tight loop that tests the byte
    /// pair first and else reads the code point straight from the bytes, so
    /// most characters are never decoded into a `char`, and the one found is
    /// read from the bytes already loaded.
    #[inline]
    fn next_char(&self, t: &str, pos: usize, to: usize) -> (usize, Option<char>) {
        let b = t.as_bytes();
        let to = to.min(b.len());
        let (bits, boring) = (&*self.0, &*self.1);
        let mut rest = b.get(pos..to).unwrap_or_default();
        while let [x, y, z, ..] = *rest {
            let pair = usize::from(x) << 8 | usize::from(y);
            if boring[pair >> 6] & (1 << (pair & 63)) != 0 {
                rest = &rest[3..];
            } else if x < 0x80 {
                if bits[usize::from(x >> 6)] & (1 << (x & 63)) != 0 {
                    return (to - rest.len(), Some(char::from(x)));
                }
                rest = &rest[1..];
            } else if x & 0xF0 == 0xE0 {
                let word = usize::from(x & 0x0F) << 6 | usize::from(y & 0x3F);
                if bits[word] & (1 << (z & 0x3F)) != 0 {
                    let i = to - rest.len();
                    let u = (word << 6 | usize::from(z & 0x3F)) as u32;
                    return (i, char::from_u32(u).or_else(|| t[i..].chars().next()));
                }
                rest = &rest[3..];
            } else {
                break;
            }
        }
        let mut i = to - rest.len();
        while i < to {
            let x = b[i];
            let (u, len) = if x < 0x80 {
                (usize::from(x), 1)
            } else if x >= 0xF0 {
                // outside the Basic Multilingual Plane: may start a word
                return (i, t[i..].chars().next());
            } else if x >= 0xE0 {
                let word = usize::from(x & 0x0F) << 6 | usize::from(b.get(i + 1).map_or(0, |y| y & 0x3F));
                if self.0[word] == 0 {
                    i += 3;
                    continue;
                }
                (word << 6 | usize::from(b.get(i + 2).map_or(0, |y| y & 0x3F)), 3)
            } else {
                (usize::from(x & 0x1F) << 6 | usize::from(b.get(i + 1).map_or(0, |y| y & 0x3F)), 2)
            };
            if self.0[u / 64] & (1 << (u % 64)) != 0 {
                return (i, char::from_u32(u as u32).or_else(|| t[i..].chars().next()));
            }
            i += len;
        }
        (to, None)
    }
}

/// A cue category of [`words`] with the first characters of its words, so
/// that a lookup at a character starting none of them costs one bit test.
struct Cue {
    words: &'static WordMap<&'static str>,
    first: FirstChars,
}

impl Cue {
    /// The longest word (and its value) starting at `pos`, where `t` holds
    /// the character `c`.
    #[inline]
    fn at(&self, t: &str, pos: usize, c: char) -> Option<(&'static str, &'static str)> {
        if !self.first.has(c) {
            return None;
        }
        self.words.longest_at_char(t, pos, c).map(|(w, v)| (w, *v))
    }

    /// As `rfind_in` of the words (the last word in `t[from..to]`, as start
    /// and word), with the candidates found by a forward scan that skips
    /// the characters no word starts with.
    fn rfind(&self, t: &str, from: usize, to: usize) -> Option<(usize, &'static str)> {
        rfind_each([self], &self.first, t, from, to)[0]
    }
}

/// [`Cue::rfind`] of each of `cues` in one scan; `first` holds the first
/// characters of all of them.
fn rfind_each<const N: usize>(
    cues: [&Cue; N],
    first: &FirstChars,
    t: &str,
    from: usize,
    to: usize,
) -> [Option<(usize, &'static str)>; N] {
    let mut best = [None; N];
    let Some(slice) = t.get(..to.min(t.len())) else { return best };
    let mut pos = from.min(slice.len());
    while !slice.is_char_boundary(pos) {
        pos += 1;
    }
    loop {
        let (at, c) = first.next_char(slice, pos, slice.len());
        pos = at;
        let Some(c) = c else { break };
        for (cue, best) in cues.iter().zip(&mut best) {
            if let Some((w, _)) = cue.at(slice, pos, c) {
                *best = Some((pos, w));
            }
        }
        pos += c.len_utf8();
    }
    best
}

/// The character filters of the scans of this module: for each scan the
/// first characters of all the cues it looks up, and the cues themselves.
struct Filters {
    hits: FirstChars,
    verbs: FirstChars,
    share: FirstChars,
    subject: FirstChars,
    status: FirstChars,
    relation: FirstChars,
    period: Cue,
    aggregation: Cue,
    estimated: Cue,
    plan: Cue,
    verb_not: Cue,
    growth_verb: Cue,
    growth_not: Cue,
    change_verb: Cue,
    share_cue: Cue,
    share_not: Cue,
    subject_keep: Cue,
    subject_cut: Cue,
    subject_head: Cue,
    subject_drop: Cue,
    status_target: Cue,
    status_actual: Cue,
    status_not: Cue,
    subject_restart: Cue,
    rank_verb: Cue,
    relation_parent: Cue,
    relation_from: Cue,
    relation_group: Cue,
}

fn filters() -> &'static Filters {
    static F: std::sync::OnceLock<Filters> = std::sync::OnceLock::new();
    F.get_or_init(|| {
        // (category, first character) of every word, read in one pass
        // without splitting each row into a vector
        let mut firsts: Vec<(&str, char)> = Vec::new();
        for line in include_str!("../data/cues.tsv").lines() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t').map(str::trim);
            let (Some(category), Some(word)) = (fields.next(), fields.next()) else { continue };
            if let Some(c) = word.chars().next() {
                firsts.push((category, c));
            }
        }
        // grouped by category, so each filter reads just its categories
        firsts.sort_by_key(|&(cat, _)| cat);
        let of = |categories: &[&str]| {
            let mut f = FirstChars::empty();
            for cat in categories {
                let lo = firsts.partition_point(|(c, _)| c < cat);
                let hi = lo + firsts[lo..].partition_point(|(c, _)| c == cat);
                firsts[lo..hi].iter().for_each(|&(_, c)| f.set(c));
            }
            f
        };
        let cue = |category: &str| Cue { words: cues().get(category), first: of(&[category]) };
        let mut hits = of(&["period", "aggregation", "status_estimated", "status_plan"]);
        hits.set('年');
        Filters {
            hits,
            verbs: of(&["verb_not", "growth_verb", "growth_not", "change_verb"]),
            share: of(&["share_cue", "share_not"]),
            subject: of(&["subject_keep", "subject_cut"]),
            status: of(&["status_target", "status_actual", "status_not"]),
            relation: of(&["relation_parent", "relation_group"]),
            period: cue("period"),
            aggregation: cue("aggregation"),
            estimated: cue("status_estimated"),
            plan: cue("status_plan"),
            verb_not: cue("verb_not"),
            growth_verb: cue("growth_verb"),
            growth_not: cue("growth_not"),
            change_verb: cue("change_verb"),
            share_cue: cue("share_cue"),
            share_not: cue("share_not"),
            subject_keep: cue("subject_keep"),
            subject_cut: cue("subject_cut"),
            subject_head: cue("subject_head"),
            subject_drop: cue("subject_drop"),
            status_target: cue("status_target"),
            status_actual: cue("status_actual"),
            status_not: cue("status_not"),
            subject_restart: cue("subject_restart"),
            rank_verb: cue("rank_verb"),
            relation_parent: cue("relation_parent"),
            relation_from: cue("relation_from"),
            relation_group: cue("relation_group"),
        }
    })
}

/// An indicator under construction (normalized offsets).
struct Draft {
    q: Quantity,
    /// Span of the quantity in the original text.
    orig: (usize, usize),
    sentence: (usize, usize),
    clause: (usize, usize),
    /// Normalized span of the subject, if any.
    subject: Option<(usize, usize)>,
    metric_id: Option<&'static str>,
    scope: Option<String>,
    kind: IndicatorKind,
    negative: bool,
    status: Status,
    period: Option<Period>,
    relation: Option<Relation>,
    rank: Option<Rank>,
    section: Option<usize>,
    paragraph: Option<usize>,
}

struct Ctx<'a, 'n> {
    norm: &'a Normalized<'n>,
    t: &'a str,
    sections: &'a [Section],
    paragraphs: &'a [Paragraph],
    year: Option<i32>,
    sentences: Vec<usize>,
    clauses: Vec<usize>,
    /// Cursors of `sentences`, `clauses`, `paragraphs` and `sections`.
    at: [Cursor; 4],
}

/// Turns the quantities of `norm` into indicators (SPEC §2), with UTF-8 byte
/// offsets into the original text. `sections` and `paragraphs` come from the
/// outline (they may be empty); `meta.year` resolves relative periods.
pub fn extract(norm: &Normalized<'_>, sections: &[Section], paragraphs: &[Paragraph], meta: &Meta) -> Vec<Indicator> {
    let t = norm.text();
    let (sentences, clauses) = piece_starts(norm);
    let ctx = Ctx {
        norm,
        t,
        sections,
        paragraphs,
        year: meta.year.or_else(|| guess_year(t)),
        sentences,
        clauses,
        at: Default::default(),
    };
    let quantities = numbers::scan(t);
    let mut drafts: Vec<Draft> = Vec::with_capacity(quantities.len());
    let mut hits = Hits::default();
    for q in quantities {
        let orig = norm.to_original(q.start, q.end);
        if !ctx.in_body(orig.0) {
            continue;
        }
        let sentence = ctx.sentence(q.start);
        hits.advance(&ctx, sentence, q.outer_start);
        let d = ctx.draft(q, orig, sentence, &drafts, &hits);
        drafts.push(d);
    }
    ctx.relations(&mut drafts);
    // the drafts of a sentence are consecutive: map its span once
    let mut last_sentence = ((usize::MAX, usize::MAX), (0, 0));
    let mut out = Vec::with_capacity(drafts.len());
    for (id, d) in drafts.into_iter().enumerate() {
        if last_sentence.0 != d.sentence {
            last_sentence = (d.sentence, norm.to_original(d.sentence.0, d.sentence.1));
        }
        out.push(ctx.finish(id, d, last_sentence.1));
    }
    out
}

/// What a cue word found in a sentence says.
#[derive(Debug, Clone, Copy)]
enum HitKind {
    /// A time cue and the years it names; `true` for a year after 由/从
    /// (it counts only before the next quantity).
    Time(Option<(i32, i32)>, bool),
    /// An aggregation cue; `true` for a comparison with the previous five years.
    Agg(Aggregation, bool),
    /// 预计.
    Estimated,
    /// 计划总投资.
    Plan,
}

#[derive(Debug, Clone, Copy)]
struct Hit {
    start: usize,
    end: usize,
    kind: HitKind,
}

/// The cue words of the current sentence, found by one scan that moves
/// forward with the quantities (linear in the text).
#[derive(Debug, Default)]
struct Hits {
    sentence: (usize, usize),
    scanned: usize,
    skip_period_until: usize,
    hits: Vec<Hit>,
    /// Target/actual from cue words, computed once per sentence when needed.
    cue_status: std::cell::Cell<Option<Option<Status>>>,
}

impl Hits {
    fn advance(&mut self, ctx: &Ctx<'_, '_>, sentence: (usize, usize), to: usize) {
        if sentence != self.sentence {
            let mut hits = std::mem::take(&mut self.hits);
            hits.clear();
            *self = Hits { sentence, scanned: sentence.0, hits, ..Hits::default() };
        }
        let t = ctx.t;
        let f = filters();
        let filter = &f.hits;
        let mut pos = self.scanned.max(sentence.0);
        let end = to.min(sentence.1);
        while pos < end {
            let (at, ch) = filter.next_char(t, pos, end);
            pos = at;
            if pos >= end {
                break;
            }
            let Some(ch) = ch else { break };
            if ch == '年' {
                if let Some(hit) = ctx.year_hit(pos) {
                    self.hits.push(hit);
                }
            }
            if pos >= self.skip_period_until {
                if let Some((w, v)) = f.period.at(t, pos, ch) {
                    if !words().period_base.ends_at(t, pos) {
                        let kind = HitKind::Time(period_years(v, ctx.year), false);
                        self.hits.push(Hit { start: pos, end: pos + w.len(), kind });
                    }
                    self.skip_period_until = pos + w.len();
                }
            }
            if let Some((w, v)) = f.aggregation.at(t, pos, ch) {
                if let Some((a, prev5)) = aggregation_named(v) {
                    self.hits.push(Hit { start: pos, end: pos + w.len(), kind: HitKind::Agg(a, prev5) });
                }
            }
            if let Some((w, _)) = f.estimated.at(t, pos, ch) {
                self.hits.push(Hit { start: pos, end: pos + w.len(), kind: HitKind::Estimated });
            }
            if let Some((w, _)) = f.plan.at(t, pos, ch) {
                self.hits.push(Hit { start: pos, end: pos + w.len(), kind: HitKind::Plan });
            }
            pos += ch.len_utf8();
        }
        self.scanned = pos;
        // keep the hits of a very long "sentence" bounded
        if self.hits.len() > 4 * NEAR_QUANTITIES {
            let keep_from = to.saturating_sub(4 * LOOKBACK);
            self.hits.retain(|h| h.end >= keep_from);
        }
    }

    fn cue_status(&self, t: &str, sentence: (usize, usize)) -> Option<Status> {
        if let Some(s) = self.cue_status.get() {
            return s;
        }
        let s = cue_status(t, sentence);
        self.cue_status.set(Some(s));
        s
    }

    /// Hits ending before `to` and starting at or after `from`.
    fn within(&self, from: usize, to: usize) -> impl DoubleEndedIterator<Item = &Hit> {
        self.hits.iter().filter(move |h| h.start >= from && h.end <= to)
    }
}

/// The report year when the metadata has none: the year of a dateline
/// ("2017年2月7日") near the top, or one more than a reviewed year
/// ("2009年工作回顾").
fn guess_year(t: &str) -> Option<i32> {
    let head_end = t.char_indices().nth(600).map_or(t.len(), |x| x.0);
    let head = &t[..head_end];
    let mut best = None;
    for (b, _) in head.match_indices("年") {
        let Some(y) = year_before(head, b) else { continue };
        let rest = &head[b + "年".len()..];
        if rest.chars().take(3).any(|c| c == '月') {
            return Some(y);
        }
        if rest.starts_with("工作回顾") || rest.starts_with("的工作") || rest.starts_with("政府工作回顾") {
            best = best.or(Some(y + 1));
        }
    }
    best
}

/// A four-digit year written right before byte `b` of `t` (ASCII or Chinese
/// digits), in 1900..=2100.
fn year_before(t: &str, b: usize) -> Option<i32> {
    let mut before = t[..b].char_indices().rev();
    let mut start = b;
    for _ in 0..4 {
        start = before.next()?.0;
    }
    if before.next().is_some_and(|(_, c)| c.is_ascii_digit() || crate::numerals::digit(c).is_some()) {
        return None;
    }
    let y = crate::numerals::year(&t[start..b])?;
    (1900..=2100).contains(&y).then_some(y)
}

impl Ctx<'_, '_> {
    /// `true` when original offset `os` lies in a body paragraph or a section
    /// heading (not in page chrome or a duplicate copy). Without an outline
    /// everything counts.
    fn in_body(&self, os: usize) -> bool {
        if self.paragraphs.is_empty() {
            return true;
        }
        let k = self.at[2].count_le(self.paragraphs, |p| p.start, os);
        if k > 0 && os < self.paragraphs[k - 1].end {
            return true;
        }
        let k = self.at[3].count_le(self.sections, |s| s.start, os);
        self.sections[..k].iter().rev().take(8).any(|s| s.title_start <= os && os < s.title_end)
    }

    fn sentence(&self, p: usize) -> (usize, usize) {
        let (s, e) = piece(&self.sentences, &self.at[0], self.t.len(), p);
        trim_span(self.t, s, e)
    }

    fn clause(&self, p: usize) -> (usize, usize) {
        piece(&self.clauses, &self.at[1], self.t.len(), p)
    }

    fn section_of(&self, os: usize) -> Option<usize> {
        let k = self.at[3].count_le(self.sections, |s| s.start, os);
        let mut cur = k.checked_sub(1)?;
        loop {
            let s = &self.sections[cur];
            if os < s.end {
                return Some(cur);
            }
            cur = s.parent?;
        }
    }

    fn paragraph_of(&self, os: usize) -> Option<usize> {
        let k = self.at[2].count_le(self.paragraphs, |p| p.start, os);
        let p = self.paragraphs.get(k.checked_sub(1)?)?;
        (os <= p.end).then_some(p.id)
    }

    /// Roles of the section and its ancestors, innermost first (at most 9).
    fn roles(&self, section: Option<usize>) -> impl Iterator<Item = Role> + '_ {
        let mut cur = section;
        std::iter::from_fn(move || {
            let s = self.sections.get(cur?)?;
            cur = s.parent;
            Some(s.role)
        })
        .take(9)
    }

    /// The draft of quantity `q` of `sentence` (its trimmed span); `orig` is
    /// the quantity's span in the original text.
    fn draft(
        &self,
        q: Quantity,
        orig: (usize, usize),
        sentence: (usize, usize),
        before: &[Draft],
        hits: &Hits,
    ) -> Draft {
        let t = self.t;
        // a clause is looked at no further back than LOOKBACK (linear time on
        // text without punctuation)
        let clause = self.clause(q.start);
        let clause = (clause.0.max(floor_char(t, q.start.saturating_sub(LOOKBACK))), clause.1);
        let os = orig.0;
        let section = self.section_of(os);
        let paragraph = self.paragraph_of(os);
        let prev = before.last().filter(|d| d.sentence == sentence);
        // The region before the quantity that may hold its subject and verb.
        let mut region_start = clause.0;
        if let Some(p) = prev {
            if p.q.outer_end > region_start && p.q.outer_end <= q.outer_start {
                region_start = p.q.outer_end;
            }
        }
        if let Some(k) = t[region_start..q.outer_start].rfind('、') {
            region_start += k + '、'.len_utf8();
        }
        let region = (region_start, q.outer_start);
        let subject = find_subject(t, region.0, region.1);
        let share_subject = subject.is_some_and(|(s, _)| t[s..].starts_with('占'));
        let mut q = q;
        // 企业100户: 户 counts businesses
        if q.base_unit == Some(BaseUnit::Household) {
            let lo = subject.map_or(region.0, |s| s.0);
            if words().business_noun.find_in(t, lo, q.outer_start).is_some() {
                q.base_unit = Some(BaseUnit::Count);
            }
        }
        let (mut kind, mut negative) = self.kind(&q, region, clause, subject);
        // "分别增长10.9%、11.1%": a bare item of an enumeration takes the kind
        // of the item before it
        if let Some(p) = prev {
            let enumerated = region.0 == region.1
                && t[..region.0].ends_with('、')
                && p.clause == clause
                && p.q.base_unit == q.base_unit
                && p.q.form == q.form;
            if enumerated {
                (kind, negative) = (p.kind, p.negative);
            }
        }
        // metric: own subject, else the previous quantity's
        let (mut subj, mut metric_id, mut scope) = (None, None, None);
        if let Some((s, e)) = subject.filter(|_| !share_subject) {
            subj = Some((s, e));
            if let Some(m) = metrics::resolve(&t[s..e], kind == IndicatorKind::Growth, self.year) {
                metric_id = Some(m.id);
                scope = m.scope;
            }
        } else if let Some(p) = prev.filter(|p| p.clause == clause || region.0 < region.1) {
            subj = p.subject;
            metric_id = p.metric_id;
            scope = p.scope.clone();
            if metric_id.is_none() {
                if let Some((s, e)) = subj {
                    metric_id = metrics::resolve(&t[s..e], kind == IndicatorKind::Growth, self.year).map(|m| m.id);
                }
            }
        } else if let Some((s, e)) = subject {
            subj = Some((s, e));
        }
        let status = self.status(&q, sentence, clause, section, hits);
        let period = self.period(&q, (sentence, clause), (kind, status), before, hits);
        let rank = (q.form == Form::Rank).then(|| self.rank_info(&q, clause));
        Draft {
            q,
            orig,
            sentence,
            clause,
            subject: subj,
            metric_id,
            scope,
            kind,
            negative,
            status,
            period,
            relation: None,
            rank,
            section,
            paragraph,
        }
    }

    fn kind(
        &self,
        q: &Quantity,
        region: (usize, usize),
        clause: (usize, usize),
        subject: Option<(usize, usize)>,
    ) -> (IndicatorKind, bool) {
        use IndicatorKind::*;
        let t = self.t;
        match q.form {
            Form::Structure => {
                return (if q.parts.len() > 2 { Structure } else { Ratio }, false);
            }
            Form::Fraction => return (Ratio, false),
            Form::Multiple => return (Multiple, false),
            Form::Rank => return (Rank, false),
            Form::Amount | Form::Range => {}
        }
        let subj = subject.map_or("", |(s, e)| &t[s..e]);
        let f = filters();
        // the verb of growth, looked for only where a percentage needs it
        let growth_verb = || last_verb_but(t, region.0, region.1, &f.growth_verb, Some(&f.growth_not));
        match q.base_unit {
            Some(BaseUnit::PercentagePoint) => (Change, growth_verb().is_some_and(|(_, _, d)| d == "down")),
            Some(BaseUnit::Percent | BaseUnit::Permille) => {
                if let Some((_, end, d)) = growth_verb() {
                    if !words().growth_to.starts_at(t, end) {
                        return (Growth, d == "down");
                    }
                }
                if has_share_cue(t, region.0, region.1) || subj.contains("比重") || subj.contains("占比") {
                    return (Share, false);
                }
                if metrics::resolve(subj, true, self.year).is_some_and(|m| m.id == "cpi") {
                    return (Growth, false);
                }
                (Rate, false)
            }
            Some(BaseUnit::Ratio) => (Ratio, false),
            Some(BaseUnit::Multiple) => (Multiple, false),
            Some(BaseUnit::Count | BaseUnit::Person | BaseUnit::PersonTime | BaseUnit::Household) => {
                let change = last_verb(t, clause.0, q.outer_start, &f.change_verb);
                if let Some((_, end, d)) = change {
                    if !words().growth_to.starts_at(t, end) {
                        return (Change, d == "down");
                    }
                }
                if words().per_cue.find_in(t, region.0, region.1).is_some() {
                    return (Level, false);
                }
                (Count, false)
            }
            _ => {
                // the clause is searched again only when it is longer than the
                // region (the same search again would find nothing)
                let change = last_verb(t, region.0, q.outer_start, &f.change_verb).or_else(|| {
                    (clause.0 != region.0)
                        .then(|| last_verb(t, clause.0, q.outer_start, &f.change_verb))
                        .flatten()
                        .filter(|v| v.2 == "up")
                });
                if let Some((_, end, d)) = change {
                    if !words().growth_to.starts_at(t, end) {
                        return (Change, d == "down");
                    }
                }
                (Level, false)
            }
        }
    }

    fn status(
        &self,
        q: &Quantity,
        sentence: (usize, usize),
        clause: (usize, usize),
        section: Option<usize>,
        hits: &Hits,
    ) -> Status {
        let t = self.t;
        if hits.within(clause.0, q.outer_start).any(|h| matches!(h.kind, HitKind::Plan)) {
            return Status::Plan;
        }
        let estimated = hits.within(sentence.0, q.outer_start).any(|h| matches!(h.kind, HitKind::Estimated));
        let role_status = self.roles(section).find_map(|r| match r {
            Role::Review | Role::Problems | Role::Glossary => Some(Status::Actual),
            Role::Targets
            | Role::Tasks
            | Role::Goals
            | Role::Livelihood
            | Role::Outlook
            | Role::SelfBuilding
            | Role::Closing
            | Role::Appendix => Some(Status::Target),
            Role::Other => None,
        });
        match role_status {
            Some(Status::Target) if !estimated => Status::Target,
            Some(_) if estimated => Status::Estimated,
            Some(s) => s,
            None => {
                if estimated {
                    Status::Estimated
                } else if hits.cue_status(t, sentence) == Some(Status::Target) {
                    Status::Target
                } else {
                    Status::Actual
                }
            }
        }
    }

    fn period(
        &self,
        q: &Quantity,
        (sentence, clause): ((usize, usize), (usize, usize)),
        (kind, status): (IndicatorKind, Status),
        before: &[Draft],
        hits: &Hits,
    ) -> Option<Period> {
        let t = self.t;
        let r = self.year;
        // aggregation: in the clause; 累计 anywhere earlier in the sentence
        let agg_hit = |from: usize| {
            hits.within(from, q.outer_start)
                .filter_map(|h| match h.kind {
                    HitKind::Agg(a, prev5) => Some((h.start, h.end, a, prev5)),
                    _ => None,
                })
                .max_by_key(|h| (h.0, h.1))
        };
        let mut agg: Option<(Aggregation, &str, bool)> = None;
        if let Some((s, e, a, prev5)) = agg_hit(clause.0) {
            agg = Some((a, &t[s..e], prev5));
        } else if let Some((s, e, a, _)) = agg_hit(sentence.0) {
            if a == Aggregation::Cumulative {
                agg = Some((a, &t[s..e], false));
            }
        }
        // the nearest time cue before the quantity in the sentence
        let last_q_end = before
            .iter()
            .rev()
            .take_while(|d| d.sentence == sentence)
            .map(|d| d.q.outer_end)
            .next()
            .unwrap_or(sentence.0);
        let cue = hits
            .within(sentence.0, q.outer_start)
            .filter_map(|h| match h.kind {
                HitKind::Time(ys, from_to) if !(from_to && last_q_end > h.start) => Some(((h.start, h.end), ys)),
                _ => None,
            })
            .next_back();
        let default_years = match status {
            Status::Target => r.map(|y| (y, y)),
            _ => r.map(|y| (y - 1, y - 1)),
        };
        let mut raw: Option<String> = None;
        let mut years = default_years;
        if let Some((span, ys)) = cue {
            raw = Some(self.norm.original_slice(span.0, span.1).to_string());
            years = ys.or(years);
        }
        let mut aggregation = match kind {
            IndicatorKind::Growth | IndicatorKind::Change => Aggregation::Annual,
            IndicatorKind::Level
                if !matches!(q.base_unit, Some(BaseUnit::AreaM2 | BaseUnit::LengthM | BaseUnit::Mu)) =>
            {
                Aggregation::Annual
            }
            _ => Aggregation::Point,
        };
        if let Some((a, w, prev5)) = agg {
            aggregation = a;
            if prev5 {
                years = r.map(|y| (y - 5, y - 1));
                raw = Some(w.to_string());
            } else if cue.is_none() {
                raw = Some(w.to_string());
                // 年均/累计 without a stated span: the five-year term
                if matches!(a, Aggregation::Cagr | Aggregation::Cumulative) {
                    years = match status {
                        Status::Target => r.map(|y| (y, y + 4)),
                        _ if a == Aggregation::Cagr || self.five_year_context(sentence.0) => r.map(|y| (y - 5, y - 1)),
                        _ => years,
                    };
                }
            }
        }
        if years.is_none() && raw.is_none() {
            return None;
        }
        Some(Period { start_year: years.map(|y| y.0), end_year: years.map(|y| y.1), aggregation, raw })
    }

    /// `true` when the paragraph or part before `p` speaks of five years.
    fn five_year_context(&self, p: usize) -> bool {
        let (os, _) = self.norm.to_original(p, p + 1);
        let para_start = self.paragraph_of(os).and_then(|k| self.paragraphs.get(k)).map(|x| x.start);
        let from = para_start.map_or(0, |s| self.norm.from_original(s)).max(p.saturating_sub(4 * LOOKBACK));
        let from = floor_char(self.t, from.min(p));
        let text = &self.t[from..p];
        if text.contains("五年") {
            return true;
        }
        self.section_of(os)
            .map(|s| self.roles_titles(s))
            .is_some_and(|titles| titles.iter().any(|t| t.contains("五年")))
    }

    fn roles_titles(&self, s: usize) -> Vec<&str> {
        let mut v = Vec::new();
        let mut cur = Some(s);
        while let Some(i) = cur {
            let Some(sec) = self.sections.get(i) else { break };
            v.push(sec.title.as_str());
            cur = sec.parent;
            if v.len() > 8 {
                break;
            }
        }
        v
    }

    /// A year written before the 年 at `pos` (2016年, 二〇一六年) as a time
    /// cue: not after a comparison word (比2010年), a deadline after 到/至
    /// (到2020年 → report year … 2020).
    fn year_hit(&self, pos: usize) -> Option<Hit> {
        let t = self.t;
        let y = year_before(t, pos)?;
        let ys = floor_char(t, pos.saturating_sub(12));
        let start = t[ys..pos].char_indices().rev().nth(3).map_or(ys, |x| ys + x.0);
        let pre = &t[floor_char(t, start.saturating_sub(6))..start];
        if words().period_base.ends_at(t, start) || pre.ends_with("相比") {
            return None;
        }
        let from_to = pre.ends_with('由') || pre.ends_with('从');
        let deadline = pre.ends_with('到') || pre.ends_with('至');
        let years = if deadline { Some((self.year.unwrap_or(y).min(y), y)) } else { Some((y, y)) };
        Some(Hit { start, end: pos + '年'.len_utf8(), kind: HitKind::Time(years, from_to) })
    }

    fn rank_info(&self, q: &Quantity, clause: (usize, usize)) -> Rank {
        let t = self.t;
        let mut scope = None;
        if let Some((p, w)) = filters().rank_verb.rfind(t, clause.0, q.outer_start) {
            let s = &t[p + w.len()..q.outer_start];
            let s = s.trim_matches(|ch: char| ch == ' ' || ch == '的');
            if !s.is_empty() && s.chars().count() <= 12 {
                scope = Some(s.to_string());
            }
        }
        if scope.is_none() {
            if let Some((w, _)) = words().rank_scope.longest_ending(t, q.outer_start) {
                scope = Some(w.to_string());
            }
        }
        let streak = streak_years(t, clause.0, q.outer_start);
        Rank { position: q.number.map(|n| n as u32), scope, streak_years: streak }
    }

    fn relations(&self, drafts: &mut [Draft]) {
        let t = self.t;
        let f = filters();
        let n = drafts.len();
        let mut i = 0;
        while i < n {
            let sent = drafts[i].sentence;
            let mut j = i;
            while j < n && drafts[j].sentence == sent {
                j += 1;
            }
            // drafts[i..j] share a sentence; the last 其中 and 分别 before
            // each quantity in its clause are found by one scan
            let mut groups = Vec::with_capacity(j - i);
            for k in i..j {
                let (cl, qs) = (drafts[k].clause, drafts[k].q.outer_start);
                let [parent_cue, group_cue] =
                    rfind_each([&f.relation_parent, &f.relation_group], &f.relation, t, cl.0, qs);
                groups.push(group_cue);
                // 其中: parent
                if let Some((p, _)) = parent_cue {
                    let unit = drafts[k].q.base_unit;
                    let cands: Vec<usize> =
                        (k.saturating_sub(NEAR_QUANTITIES).max(i)..k).filter(|&m| drafts[m].q.outer_end <= p).collect();
                    let parent = cands
                        .iter()
                        .rev()
                        .find(|&&m| drafts[m].q.base_unit == unit && drafts[m].kind == drafts[k].kind)
                        .or_else(|| cands.iter().rev().find(|&&m| drafts[m].q.base_unit == unit))
                        .copied();
                    if let Some(m) = parent {
                        drafts[k].relation = Some(Relation { kind: RelationKind::Parent, of: m });
                    }
                }
                // 由…调整为…: from_to
                if drafts[k].relation.is_none() && k > i {
                    let m = k - 1;
                    let to = || words().relation_to.longest_ending(t, qs).is_some();
                    let gap = || &t[drafts[m].q.outer_end..qs];
                    let from_cue = || f.relation_from.rfind(t, drafts[m].clause.0, drafts[m].q.outer_start).is_some();
                    let same = drafts[m].q.base_unit == drafts[k].q.base_unit && drafts[m].q.form == drafts[k].q.form;
                    // cheap tests first
                    if same && to() && !gap().contains(['、']) && gap().chars().count() <= 16 && from_cue() {
                        drafts[k].relation = Some(Relation { kind: RelationKind::FromTo, of: m });
                        drafts[k].subject = drafts[m].subject;
                        drafts[k].metric_id = drafts[m].metric_id;
                        drafts[k].scope = drafts[m].scope.clone();
                    }
                }
            }
            // 分别: groups
            let mut k = i;
            while k < j {
                let cl = drafts[k].clause;
                let Some((p, w)) = groups[k - i] else {
                    k += 1;
                    continue;
                };
                let mut e = k;
                while e < j && drafts[e].clause == cl {
                    e += 1;
                }
                let members: Vec<usize> = (k..e).filter(|&m| drafts[m].q.outer_start > p).collect();
                if members.len() >= 2 {
                    self.group(drafts, i, &members, (cl.0, p), p + w.len());
                }
                k = e.max(k + 1);
            }
            i = j;
        }
    }

    /// Links the members of a 分别 group: to the same number of earlier
    /// quantities of the sentence when there are that many (实现财政总收入…,
    /// 其中…,年均分别增长10.9%、11.1%), else to the first member; and spreads
    /// an enumerated subject over them (城镇和农村居民人均可支配收入分别增长…).
    fn group(&self, drafts: &mut [Draft], sent_first: usize, members: &[usize], head: (usize, usize), _after: usize) {
        let t = self.t;
        let first = members[0];
        let earlier: Vec<usize> = (first.saturating_sub(NEAR_QUANTITIES).max(sent_first)..first)
            .filter(|&m| !matches!(drafts[m].kind, IndicatorKind::Growth | IndicatorKind::Rank))
            .collect();
        let n = members.len();
        let own_subject = find_subject(t, head.0, head.1);
        if own_subject.is_none() && earlier.len() >= n {
            let targets = &earlier[earlier.len() - n..];
            for (&m, &of) in members.iter().zip(targets) {
                drafts[m].relation = Some(Relation { kind: RelationKind::Group, of });
                drafts[m].subject = drafts[of].subject;
                drafts[m].metric_id = drafts[of].metric_id;
                drafts[m].scope = drafts[of].scope.clone();
            }
            return;
        }
        for &m in members {
            if drafts[m].relation.is_none() {
                drafts[m].relation = Some(Relation { kind: RelationKind::Group, of: first });
            }
        }
        // spread "A、B、C改造分别…" / "A和B…分别…" over the members
        let Some((s, e)) = own_subject else { return };
        let mut items: Vec<(usize, usize)> = Vec::new();
        let mut start = s;
        for (b, ch) in t[s..e].char_indices() {
            if matches!(ch, '、' | '和' | '与' | '及') {
                items.push((start, s + b));
                start = s + b + ch.len_utf8();
            }
        }
        items.push((start, e));
        if items.len() != n || items.iter().any(|(a, b)| a >= b) {
            return;
        }
        let last = items[n - 1];
        let growth = drafts[first].kind == IndicatorKind::Growth;
        for (idx, (&m, &(a, b))) in members.iter().zip(&items).enumerate() {
            drafts[m].subject = Some((a, b));
            let mut resolved = metrics::resolve(&t[a..b], growth, self.year);
            if resolved.is_none() && idx + 1 < n {
                // 城镇 + 居民人均可支配收入
                for (off, _) in t[last.0..last.1].char_indices().skip(1) {
                    let name = format!("{}{}", &t[a..b], &t[last.0 + off..last.1]);
                    if let Some(r) = metrics::resolve(&name, growth, self.year) {
                        if r.alias_start == 0 {
                            resolved = Some(r);
                            break;
                        }
                    }
                }
            }
            drafts[m].metric_id = resolved.as_ref().map(|r| r.id);
            drafts[m].scope = resolved.and_then(|r| r.scope);
        }
    }

    /// The indicator of draft `d`; `(ss, se)` is its sentence in the
    /// original text.
    fn finish(&self, id: usize, d: Draft, (ss, se): (usize, usize)) -> Indicator {
        let norm = self.norm;
        let (start, end) = d.orig;
        let sign = if d.negative { -1.0 } else { 1.0 };
        let signed = |v: Option<f64>| v.map(|x| x * sign);
        let (low, high) = if d.negative { (signed(d.q.high), signed(d.q.low)) } else { (d.q.low, d.q.high) };
        let metric = match d.subject {
            Some((s, e)) => {
                let (ms, me) = norm.to_original(s, e);
                Metric {
                    id: d.metric_id.map(str::to_string),
                    name: Some(norm.original()[ms..me].to_string()),
                    start: Some(ms),
                    end: Some(me),
                    scope: d.scope,
                }
            }
            None => Metric { id: d.metric_id.map(str::to_string), name: None, start: None, end: None, scope: d.scope },
        };
        Indicator {
            id,
            section: d.section,
            paragraph: d.paragraph,
            start,
            end,
            text: norm.original()[start..end].to_string(),
            sentence: Span { start: ss, end: se },
            metric,
            kind: d.kind,
            value: Value {
                number: signed(d.q.number),
                low,
                high,
                unit: d.q.unit,
                multiplier: d.q.multiplier,
                base_unit: d.q.base_unit,
            },
            bound: d.q.bound,
            status: d.status,
            period: d.period,
            relation: d.relation,
            rank: d.rank,
        }
    }
}

fn floor_char(t: &str, mut p: usize) -> usize {
    p = p.min(t.len());
    while !t.is_char_boundary(p) {
        p -= 1;
    }
    p
}

fn trim_span(t: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    while s < e {
        match t[s..e].chars().next() {
            Some(c) if c.is_whitespace() => s += c.len_utf8(),
            _ => break,
        }
    }
    while e > s {
        match t[s..e].chars().next_back() {
            Some(c) if c.is_whitespace() => e -= c.len_utf8(),
            _ => break,
        }
    }
    (s, e)
}

/// The last verb of `verbs` in `t[from..to]`, as (start, end, value), skipping
/// words that merely contain one (增加值, 增长率 …).
fn last_verb(t: &str, from: usize, to: usize, verbs: &Cue) -> Option<(usize, usize, &'static str)> {
    last_verb_but(t, from, to, verbs, None)
}

/// [`last_verb`], also skipping the words of `extra`.
fn last_verb_but(
    t: &str,
    from: usize,
    to: usize,
    verbs: &Cue,
    extra: Option<&Cue>,
) -> Option<(usize, usize, &'static str)> {
    let f = filters();
    let mut best = None;
    let mut pos = from;
    while pos < to {
        let (at, c) = f.verbs.next_char(t, pos, to);
        pos = at;
        let Some(c) = c else { break };
        let skip = f.verb_not.at(t, pos, c).or_else(|| extra.and_then(|e| e.at(t, pos, c)));
        if let Some((w, _)) = skip {
            if pos + w.len() <= to {
                pos += w.len();
                continue;
            }
        }
        if let Some((w, v)) = verbs.at(t, pos, c) {
            if pos + w.len() <= to {
                best = Some((pos, pos + w.len(), v));
                pos += w.len();
                continue;
            }
        }
        pos += c.len_utf8();
    }
    best
}

fn has_share_cue(t: &str, from: usize, to: usize) -> bool {
    let f = filters();
    let mut pos = from;
    while pos < to {
        let (at, c) = f.share.next_char(t, pos, to);
        pos = at;
        let Some(c) = c else { break };
        if let Some((w, _)) = f.share_not.at(t, pos, c) {
            pos += w.len();
            continue;
        }
        if f.share_cue.at(t, pos, c).is_some_and(|(w, _)| pos + w.len() <= to) {
            return true;
        }
        pos += c.len_utf8();
    }
    false
}

/// The subject in `t[from..to]`: leading cue words and time phrases dropped,
/// the text after 实现/完成/预计/其中 taken, cut before the predicate.
fn find_subject(t: &str, from: usize, mut to: usize) -> Option<(usize, usize)> {
    let mut s = strip_front(t, from, to);
    if let Some((p, w)) = filters().subject_restart.rfind(t, s, to) {
        let inside_word = t[p + w.len()..to].starts_with(['率', '度', '额', '值', '量', '数']);
        let restart = strip_front(t, p + w.len(), to);
        if p > s && !inside_word {
            if restart < to {
                s = restart;
            } else {
                // "地区生产总值完成235.2亿元": nothing after the word, so the subject is before it.
                to = p;
            }
        }
    }
    // cut before the predicate (新增 may open a subject: 新增就业岗位)
    let f = filters();
    let (cut, keep, head) = (&f.subject_cut, &f.subject_keep, &f.subject_head);
    let mut e = to;
    let mut pos = s;
    while pos < to {
        let (at, c) = f.subject.next_char(t, pos, to);
        pos = at;
        let Some(c) = c else { break };
        let k = keep.at(t, pos, c).map_or(0, |(w, _)| w.len());
        let m = cut.at(t, pos, c).map_or(0, |(w, _)| w.len());
        if k > 0 && k >= m {
            pos += k;
            continue;
        }
        if pos == s && m > 0 && head.at(t, pos, c).is_some_and(|(w, _)| w.len() >= m) {
            pos += m;
            continue;
        }
        if m > 0 {
            // 城镇新增就业: 新增 inside a name; 企业新增(近百家): a verb
            let rest_empty = strip_front(t, pos + m, to) >= to;
            if head.at(t, pos, c).is_some_and(|(w, _)| w.len() >= m) && !rest_empty {
                pos += m;
                continue;
            }
            e = pos;
            break;
        }
        pos += c.len_utf8();
    }
    let e = trim_back(t, s, e);
    (e > s).then_some((s, e))
}

fn trim_back(t: &str, s: usize, mut e: usize) -> usize {
    while e > s {
        let Some(ch) = t[s..e].chars().next_back() else { break };
        if matches!(ch, '的' | '等' | ' ' | '(' | '“' | '"' | '、' | '-' | '—' | '在' | '了' | '达') {
            e -= ch.len_utf8();
        } else {
            break;
        }
    }
    e
}

fn strip_front(t: &str, mut s: usize, to: usize) -> usize {
    let f = filters();
    for _ in 0..32 {
        if s >= to {
            break;
        }
        let Some(ch) = t[s..to].chars().next() else { break };
        if ch.is_whitespace() || matches!(ch, ')' | '”' | '"' | '、' | '—' | '-' | '·' | '•') {
            s += ch.len_utf8();
            continue;
        }
        let dropped =
            f.subject_drop.at(t, s, ch).or_else(|| f.period.at(t, s, ch)).or_else(|| f.aggregation.at(t, s, ch));
        if let Some((w, _)) = dropped {
            if s + w.len() <= to {
                s += w.len();
                continue;
            }
        }
        // list markers (一是, 二是) and streaks or durations (连续10年, 五年来)
        if let Some(n) = leading_marker(&t[s..to], ch) {
            s += n;
            continue;
        }
        // a leading year or date: 2016年, 2017年底
        let digits = if ch.is_ascii_digit() { t[s..to].bytes().take_while(u8::is_ascii_digit).count() } else { 0 };
        if digits == 4 && t[s + 4..to].starts_with('年') {
            s += 4 + '年'.len_utf8();
            for suffix in ["底", "末", "初", "以来"] {
                if t[s..to].starts_with(suffix) {
                    s += suffix.len();
                }
            }
            continue;
        }
        break;
    }
    s.min(to)
}

/// Length of a list marker (一是, 十二是, 首先) or a streak or duration
/// (连续10年, 连续五年, 三年来, 近5年) opening `s`, whose first character is
/// `first`.
fn leading_marker(s: &str, first: char) -> Option<usize> {
    // every marker opens with one of these (most subjects open with none)
    if !(matches!(first, '首' | '其' | '再' | '最' | '同' | '连' | '近')
        || first.is_ascii_digit()
        || is_cn_small(first))
    {
        return None;
    }
    for w in ["首先", "其次", "再次", "最后", "同时"] {
        if s.starts_with(w) {
            return Some(w.len());
        }
    }
    let (body, pre) = match s.strip_prefix("连续").or_else(|| s.strip_prefix("近")) {
        Some(r) => (r, s.len() - r.len()),
        None => (s, 0),
    };
    let n: usize = body.chars().take_while(|c| c.is_ascii_digit() || is_cn_small(*c)).map(char::len_utf8).sum();
    if n == 0 {
        return None;
    }
    let rest = &body[n..];
    if pre == 0 && rest.starts_with('是') && !body.starts_with(|c: char| c.is_ascii_digit()) {
        return Some(n + '是'.len_utf8());
    }
    for suffix in ["年来", "年间", "年中", "年", "个月"] {
        if rest.starts_with(suffix) && (pre > 0 || suffix != "年") {
            return Some(pre + n + suffix.len());
        }
    }
    None
}

/// 连续10年 / 连续十一年 before `to` in the clause → the streak in years.
fn streak_years(t: &str, from: usize, to: usize) -> Option<u32> {
    let k = t[from..to].rfind("连续")?;
    let rest = &t[from + k + "连续".len()..to];
    let num: String = rest.chars().take_while(|c| c.is_ascii_digit() || is_cn_small(*c)).collect();
    if !rest[num.len()..].starts_with('年') {
        return None;
    }
    crate::numerals::small_int(&num).filter(|&n| n > 0 && n < 200)
}

fn is_cn_small(c: char) -> bool {
    crate::numerals::digit(c).is_some() || c == '十' || c == '百'
}

fn period_years(v: &str, r: Option<i32>) -> Option<(i32, i32)> {
    if let Some(rest) = v.strip_prefix("plan:") {
        let mut it = rest.split(':').filter_map(|x| x.parse::<i32>().ok());
        return Some((it.next()?, it.next()?));
    }
    let y = r?;
    Some(match v {
        "last5" => (y - 5, y - 1),
        "this" => (y, y),
        "prev" => (y - 1, y - 1),
        "next" => (y + 1, y + 1),
        _ => return None,
    })
}

/// The aggregation a cue names, and whether it compares with the previous
/// five-year period.
fn aggregation_named(v: &str) -> Option<(Aggregation, bool)> {
    Some(match v {
        "cagr" => (Aggregation::Cagr, false),
        "cumulative" => (Aggregation::Cumulative, false),
        "yoy" => (Aggregation::Yoy, false),
        "prev5" => (Aggregation::Cumulative, true),
        _ => return None,
    })
}

/// Target or actual from cue words in the sentence (when the outline gives
/// no role).
fn cue_status(t: &str, sentence: (usize, usize)) -> Option<Status> {
    let f = filters();
    let (mut target, mut actual) = (false, false);
    let mut pos = sentence.0;
    while pos < sentence.1 {
        let (at, c) = f.status.next_char(t, pos, sentence.1);
        pos = at;
        let Some(c) = c else { break };
        let n = f.status_not.at(t, pos, c).map_or(0, |(w, _)| w.len());
        let a = f.status_target.at(t, pos, c).map_or(0, |(w, _)| w.len());
        let b = f.status_actual.at(t, pos, c).map_or(0, |(w, _)| w.len());
        if n > 0 && n >= a && n >= b {
            pos += n;
            continue;
        }
        if b > 0 && b >= a {
            actual = true;
            pos += b;
            continue;
        }
        if a > 0 {
            target = true;
            pos += a;
            continue;
        }
        pos += c.len_utf8();
    }
    match (target, actual) {
        (true, false) => Some(Status::Target),
        (_, true) => Some(Status::Actual),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse, Options, Parser};

    fn parse_in(year: i32, text: &str) -> Vec<Indicator> {
        Parser::new(Options::default().with_year(year)).parse(text).indicators
    }

    #[test]
    fn sentence_breaks_read_from_bytes() {
        for c in ('\u{0}'..='\u{FFFF}').filter(|c| is_clause_break(*c) || is_sentence_break(*c) || c.len_utf8() == 3) {
            let t = format!("a{c}");
            assert_eq!(after_sentence_break(t.as_bytes(), t.len()), is_sentence_break(c), "{c:?}");
        }
        let n = Normalized::new("增长6%，好。再见;三\n四");
        let (sentences, clauses) = piece_starts(&n);
        assert_eq!(sentences, n.pieces(is_sentence_break));
        assert_eq!(clauses, n.pieces(|c| is_sentence_break(c) || is_clause_break(c)));
    }

    #[test]
    fn subjects() {
        fn s(x: &str) -> Option<&str> {
            find_subject(x, 0, x.len()).map(|(a, b)| &x[a..b])
        }
        assert_eq!(s("预计实现地区生产总值"), Some("地区生产总值"));
        assert_eq!(s("新增就业岗位"), Some("新增就业岗位"));
        assert_eq!(s("城区绿化覆盖率达"), Some("城区绿化覆盖率"));
        assert_eq!(s("标准化学校比例达"), Some("标准化学校比例"));
        assert_eq!(s("税收千万元以上企业新增"), Some("税收千万元以上企业"));
        assert_eq!(s("年均增长"), None);
        assert_eq!(s("五年累计达"), None);
        assert_eq!(s("丁兰智慧小镇实现固定资产投资"), Some("固定资产投资"));
        assert_eq!(s("城乡居民医保参保率达"), Some("城乡居民医保参保率"));
    }

    #[test]
    fn offsets_slice_the_original() {
        let text = "一、回顾\n\u{3000}\u{3000}全年生产总值增长９．５\n％，新增就业１２０万人。";
        let r = parse(text);
        assert_eq!(r.indicators.len(), 2);
        for i in &r.indicators {
            assert_eq!(&text[i.start..i.end], i.text);
            assert!(i.sentence.start <= i.start && i.end <= i.sentence.end);
        }
        assert_eq!(r.indicators[0].text, "９．５\n％");
        assert_eq!(r.indicators[1].value.base_unit, Some(BaseUnit::Person));
    }

    #[test]
    fn kinds_and_signs() {
        let i = parse_in(
            2017,
            "一、回顾\n侵财案件同比下降36.1%,新增养老床位数1822张,每百人拥有养老床位数4.5张,核减345项。",
        );
        let k: Vec<_> = i.iter().map(|x| x.kind).collect();
        use IndicatorKind::*;
        assert_eq!(k, vec![Growth, Change, Level, Change]);
        assert_eq!(i[0].value.number, Some(-36.1));
        assert_eq!(i[3].value.number, Some(-345.0));
        let i = parse_in(2017, "截污率达95%,较上个五年提升30%,占规模以上工业比重达74.9%。");
        let k: Vec<_> = i.iter().map(|x| x.kind).collect();
        assert_eq!(k, vec![Rate, Growth, Share]);
    }

    #[test]
    fn status_from_cues_without_outline() {
        let i = parse_in(2017, "今年全区地区生产总值增长8%。去年地区生产总值增长7%。");
        assert_eq!(i[0].status, Status::Target);
        assert_eq!(i[1].status, Status::Actual);
        assert_eq!(i[0].period.as_ref().and_then(|p| p.start_year), Some(2017));
        assert_eq!(i[1].period.as_ref().and_then(|p| p.start_year), Some(2016));
    }

    #[test]
    fn guesses_the_year() {
        assert_eq!(guess_year("各位代表:\n一、2009年工作回顾\n"), Some(2010));
        assert_eq!(guess_year("——2017年2月7日在"), Some(2017));
        assert_eq!(guess_year("没有年份"), None);
    }

    #[test]
    fn splits_sentences_and_clauses() {
        let n = Normalized::new("增长5%，其中A;B。C…D\nE！F");
        let (s, c) = piece_starts(&n);
        let at = |x: &str| n.text().find(x).unwrap();
        assert_eq!(s, vec![0, at("B"), at("C"), at("E"), at("F")]);
        assert_eq!(c, vec![0, at("其"), at("B"), at("C"), at("D"), at("E"), at("F")]);
    }

    #[test]
    fn streaks() {
        let t = "连续10年居主城区首位";
        assert_eq!(streak_years(t, 0, t.len()), Some(10));
        let t = "连续十一年被授予";
        assert_eq!(streak_years(t, 0, t.len()), Some(11));
    }

    #[test]
    fn never_panics() {
        for text in ["", "1", "增长", "其中分别由调整为", "１２３４５６７８９０％", &"增长9%,其中5%;".repeat(500)]
        {
            let r = parse(text);
            for i in &r.indicators {
                assert_eq!(&text[i.start..i.end], i.text);
            }
        }
    }
}
