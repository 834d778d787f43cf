//! Stage: commitments — one per pledge clause of the target, goal, task,
//! self-building and livelihood parts (SPEC §2 Commitment, `domain.md` §4).
//!
//! [`extract`] reads:
//!
//! - every **livelihood list** item (wherever the list sits) as one
//!   `livelihood_item` commitment with its `list_item` and its sub-targets;
//! - the **annual targets** ([`crate::targets`]): one commitment per clause
//!   after the lead, `metric_target` when it carries a canonical-metric target
//!   quantity;
//! - the clauses of paragraphs whose section (or nearest ancestor with a
//!   role) is `targets`, `goals`, `tasks`, `self_building` or `livelihood`;
//!   in an `outlook` part only clauses that carry a target quantity or a
//!   budget parameter ("赤字率拟按3%左右安排").
//!
//! A **clause** is a piece of a sentence between commas, colons and sentence
//! ends (outside brackets and quotes). Paragraph leads ("精准发力培育产业。"),
//! inline section titles, lead-ins ending in a colon ("主要预期目标是：",
//! "做好…的10件实事："), framing sentences ("指导思想是：…"), explanations
//! ("考虑了…") and closing appeals ("让我们…") are no commitments. A short
//! clause without a verb ("通过五年努力", "今年") opens the next one; a clause
//! with no object of its own ("达到309亿元", "确保2018年完成竣工验收",
//! "在实际工作中争取更好结果") continues the one before it (or the nearest
//! earlier clause of the sentence naming a project). **Self-assessments** of the
//! previous year ("全面完成了…确定的主要目标任务", "八件为民办实事全面完成") are
//! left out.
//!
//! Each commitment gets (vocabulary in `data/commitments.tsv`):
//!
//! - `action`: of the verbs of the clause, the most advanced stage (complete >
//!   host > attain > start > add, reduce > institutionalize > prepare >
//!   maintain > progress), the first on a tie; verbs joined by 和/及/与
//!   ("引进和培养") are one verb as written;
//! - `object`: the metric subject of its first target quantity, else the
//!   words after the verb (up to a quantity), else those before it
//!   ("鲁能杭州国际中心、三堡大厦等项目开工");
//! - `targets`: the target indicators inside the clause;
//! - `modality`: the strongest cue: 确保 guarantee > 拟 proposed > 力争/争取
//!   strive > 争创 aspire > 探索/谋划 explore > firm; "在实际工作中努力争取更好
//!   结果" after a target (or after all the targets) makes it strive;
//! - `deadline`: explicit ("2018年", "年底前", "到2020年"), relative ("五年内"
//!   → report year + 4, "三年攻坚" → + 2, "通过五年努力" → + 4), else implicit:
//!   the end of the target year (of the term for a plan goal);
//! - `kind`: livelihood_item, fiscal, plan_goal, metric_target, output_target,
//!   event, aspiration, project, guarantee, policy — the first that applies;
//! - `verifiability`: quantified with a target quantity, binary for a
//!   checkable verb with an object (建成东城文体中心), vague otherwise.
//!
//! ```
//! let text = "一、2016年工作回顾\n各项工作取得新成效。\n二、2017年重点工作\n\
//!             加快建设古海塘遗址博物馆,建成九堡东城文体中心、丁兰新城体育中心,推动夏衍影视文化街区开工。\n";
//! let r = baogao::Parser::new(baogao::Options::default().with_year(2017)).parse(text);
//! let c = &r.commitments;
//! assert_eq!(c.len(), 3);
//! assert_eq!(c[1].text, "建成九堡东城文体中心、丁兰新城体育中心");
//! assert_eq!(c[1].kind, baogao::CommitmentKind::Project);
//! assert_eq!(c[1].action.as_ref().unwrap().stage, baogao::Stage::Complete);
//! assert_eq!(c[1].verifiability, baogao::Verifiability::Binary);
//! assert_eq!(c[2].object.as_ref().unwrap().text, "夏衍影视文化街区");
//! ```

use std::sync::OnceLock;

use crate::lexicon::{rows, WordMap};
use crate::model::{
    Action, Bound, Commitment, CommitmentKind, Deadline, DeadlineKind, Indicator, List, ListItemRef, Meta, Modality,
    Paragraph, Role, Section, Stage, Status, TextSpan, Verifiability,
};
use crate::normalize::{is_han, Normalized};
use crate::targets::{self, floor, is_clause_end, is_sentence_end, role_of, section_of, years_in, TargetsBlock};

/// A verb of the table: its stage and whether it makes a checkable pledge.
#[derive(Debug, Clone, Copy)]
struct VerbInfo {
    stage: Stage,
    binary: bool,
    /// Mostly a noun (发展, 建设): another verb of the clause wins.
    weak: bool,
}

struct Vocab {
    verb: WordMap<VerbInfo>,
    light: WordMap<()>,
    verb_not: WordMap<()>,
    modality: WordMap<Modality>,
    modality_not: WordMap<()>,
    adverb: WordMap<()>,
    project_noun: WordMap<()>,
    construct: WordMap<()>,
    event_noun: WordMap<()>,
    aspiration_noun: WordMap<()>,
    guarantee_cue: WordMap<()>,
    fiscal_cue: WordMap<()>,
    plan_cue: WordMap<()>,
    plan_lead: WordMap<()>,
    self_assessment: WordMap<()>,
    done_end: WordMap<()>,
    explain: WordMap<()>,
    framing: WordMap<()>,
    not_start: WordMap<()>,
    task_title: WordMap<()>,
    past: WordMap<()>,
}

fn stage_named(s: &str) -> Option<Stage> {
    Some(match s {
        "prepare" => Stage::Prepare,
        "start" => Stage::Start,
        "progress" => Stage::Progress,
        "complete" => Stage::Complete,
        "add" => Stage::Add,
        "reduce" => Stage::Reduce,
        "maintain" => Stage::Maintain,
        "attain" => Stage::Attain,
        "institutionalize" => Stage::Institutionalize,
        "host" => Stage::Host,
        _ => return None,
    })
}

fn modality_named(s: &str) -> Option<Modality> {
    Some(match s {
        "guarantee" => Modality::Guarantee,
        "firm" => Modality::Firm,
        "strive" => Modality::Strive,
        "aspire" => Modality::Aspire,
        "explore" => Modality::Explore,
        "proposed" => Modality::Proposed,
        _ => return None,
    })
}

fn vocab() -> &'static Vocab {
    static V: OnceLock<Vocab> = OnceLock::new();
    V.get_or_init(|| {
        let e = WordMap::default;
        let mut v = Vocab {
            verb: WordMap::default(),
            light: e(),
            verb_not: e(),
            modality: WordMap::default(),
            modality_not: e(),
            adverb: e(),
            project_noun: e(),
            construct: e(),
            event_noun: e(),
            aspiration_noun: e(),
            guarantee_cue: e(),
            fiscal_cue: e(),
            plan_cue: e(),
            plan_lead: e(),
            self_assessment: e(),
            done_end: e(),
            explain: e(),
            framing: e(),
            not_start: e(),
            task_title: e(),
            past: e(),
        };
        for row in rows(include_str!("../data/commitments.tsv")) {
            let (Some(&cat), Some(&word)) = (row.first(), row.get(1)) else { continue };
            if word.is_empty() {
                continue;
            }
            let value = row.get(2).copied().unwrap_or("");
            match cat {
                "verb" => {
                    let mut it = value.split_whitespace();
                    if let Some(stage) = it.next().and_then(stage_named) {
                        let flags: Vec<&str> = it.collect();
                        let info = VerbInfo { stage, binary: flags.contains(&"binary"), weak: flags.contains(&"weak") };
                        v.verb.insert(word, info);
                    }
                }
                "modality" => {
                    if let Some(m) = modality_named(value) {
                        v.modality.insert(word, m);
                    }
                }
                _ => {
                    let map = match cat {
                        "light" => &mut v.light,
                        "verb_not" => &mut v.verb_not,
                        "modality_not" => &mut v.modality_not,
                        "adverb" => &mut v.adverb,
                        "project_noun" => &mut v.project_noun,
                        "construct" => &mut v.construct,
                        "event_noun" => &mut v.event_noun,
                        "aspiration_noun" => &mut v.aspiration_noun,
                        "guarantee_cue" => &mut v.guarantee_cue,
                        "fiscal_cue" => &mut v.fiscal_cue,
                        "plan_cue" => &mut v.plan_cue,
                        "plan_lead" => &mut v.plan_lead,
                        "self_assessment" => &mut v.self_assessment,
                        "done_end" => &mut v.done_end,
                        "explain" => &mut v.explain,
                        "framing" => &mut v.framing,
                        "not_start" => &mut v.not_start,
                        "task_title" => &mut v.task_title,
                        "past" => &mut v.past,
                        _ => continue,
                    };
                    map.insert(word, ());
                }
            }
        }
        v
    })
}

/// Rank of a stage when a clause has several verbs (the most advanced wins).
fn stage_rank(s: Stage) -> u8 {
    match s {
        Stage::Complete => 9,
        Stage::Host => 8,
        Stage::Attain => 7,
        Stage::Start => 6,
        Stage::Add | Stage::Reduce => 5,
        Stage::Institutionalize => 4,
        Stage::Prepare => 3,
        Stage::Maintain => 2,
        Stage::Progress => 1,
    }
}

fn modality_rank(m: Modality) -> u8 {
    match m {
        Modality::Guarantee => 5,
        Modality::Proposed => 4,
        Modality::Strive => 3,
        Modality::Aspire => 2,
        Modality::Explore => 1,
        Modality::Firm => 0,
    }
}

/// A verb found in a clause (normalized offsets; `end` after a coordinated
/// second verb: "引进和培养").
#[derive(Debug, Clone, Copy)]
struct VerbHit {
    start: usize,
    end: usize,
    info: Option<VerbInfo>,
}

/// What a scan of a clause finds.
#[derive(Debug, Default)]
struct Facts {
    verbs: Vec<VerbHit>,
    modality: Option<(Modality, usize, usize)>,
}

/// Scans `t[s..e]` for verbs (staged and light) and modality cues.
fn scan(t: &str, s: usize, e: usize) -> Facts {
    let v = vocab();
    let mut f = Facts::default();
    let mut pos = s;
    let mut quoted: i32 = 0;
    while pos < e {
        match t[pos..].chars().next() {
            Some(c @ ('“' | '《' | '「')) => {
                quoted += 1;
                pos += c.len_utf8();
                continue;
            }
            Some(c @ ('”' | '》' | '」')) => {
                quoted = (quoted - 1).max(0);
                pos += c.len_utf8();
                continue;
            }
            Some(c) if quoted > 0 => {
                pos += c.len_utf8();
                continue;
            }
            _ => {}
        }
        if let Some((w, _)) = v.modality_not.longest_at(t, pos).filter(|(w, _)| pos + w.len() <= e) {
            pos += w.len();
            continue;
        }
        if let Some((w, &m)) = v.modality.longest_at(t, pos).filter(|(w, _)| pos + w.len() <= e) {
            if f.modality.is_none_or(|(old, _, _)| modality_rank(m) > modality_rank(old)) {
                f.modality = Some((m, pos, pos + w.len()));
            }
        }
        if let Some((w, _)) = v.verb_not.longest_at(t, pos).filter(|(w, _)| pos + w.len() <= e) {
            pos += w.len();
            continue;
        }
        let staged = v.verb.longest_at(t, pos).filter(|(w, _)| pos + w.len() <= e);
        let light = v.light.longest_at(t, pos).filter(|(w, _)| pos + w.len() <= e);
        let hit: Option<(usize, Option<VerbInfo>)> = match (staged, light) {
            (Some((w, _)), Some((lw, _))) if lw.len() > w.len() => Some((lw.len(), None)),
            (Some((w, &i)), _) => Some((w.len(), Some(i))),
            (None, Some((lw, _))) => Some((lw.len(), None)),
            (None, None) => None,
        };
        if let Some((len, info)) = hit {
            let mut end = pos + len;
            // "引进和培养": a second verb joined by 和/及/与/、 is part of the verb
            for joiner in ["和", "及", "与", "、", "并"] {
                if t[end..e].starts_with(joiner) {
                    let after = end + joiner.len();
                    if let Some((w2, _)) = v.verb.longest_at(t, after).filter(|(w2, _)| after + w2.len() <= e) {
                        if v.verb_not.longest_at(t, after).is_none() {
                            end = after + w2.len();
                        }
                    }
                    break;
                }
            }
            f.verbs.push(VerbHit { start: pos, end, info });
            pos = end;
            continue;
        }
        pos += t[pos..].chars().next().map_or(1, char::len_utf8);
    }
    f
}

/// The chosen action verb: the most advanced stage, first on a tie.
fn chosen_verb(f: &Facts) -> Option<VerbHit> {
    let first = *f
        .verbs
        .iter()
        .find(|h| h.info.is_some_and(|i| !i.weak))
        .or_else(|| f.verbs.iter().find(|h| h.info.is_some()))?;
    let mut best = first;
    for h in f.verbs.iter().filter(|h| h.start > first.start) {
        let (Some(i), Some(b)) = (h.info, best.info) else { continue };
        if lifecycle(i.stage) && stage_rank(i.stage) > stage_rank(b.stage) {
            best = *h;
        }
    }
    Some(best)
}

/// Stages that name a step of a project's life (they win over an earlier
/// progress verb: "加快建设…,确保…完成竣工验收").
fn lifecycle(s: Stage) -> bool {
    matches!(s, Stage::Start | Stage::Complete | Stage::Host | Stage::Attain)
}

/// Number of Han characters of `t[s..e]` outside verbs, modality words,
/// adverbs and time words, quantities and years: the clause's own object.
fn object_chars(t: &str, s: usize, e: usize, quantities: &[(usize, usize)]) -> usize {
    let v = vocab();
    let mut n = 0;
    let mut pos = s;
    while pos < e {
        if let Some(&(_, qe)) = quantities.iter().find(|q| q.0 <= pos && pos < q.1) {
            pos = qe.max(pos + 1);
            pos = floor(t, pos);
            if pos >= e {
                break;
            }
            if !t.is_char_boundary(pos) {
                pos += 1;
                continue;
            }
            continue;
        }
        let skip = [
            v.verb.longest_at(t, pos).map(|x| x.0.len()),
            v.light.longest_at(t, pos).map(|x| x.0.len()),
            v.modality.longest_at(t, pos).map(|x| x.0.len()),
            v.adverb.longest_at(t, pos).map(|x| x.0.len()),
        ]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(0);
        if skip > 0 && pos + skip <= e {
            pos += skip;
            continue;
        }
        let Some(c) = t[pos..].chars().next() else { break };
        if c == '年' || c == '月' {
            pos += c.len_utf8();
            continue;
        }
        if is_han(c) && crate::numerals::digit(c).is_none() && c != '十' {
            n += 1;
        }
        pos += c.len_utf8();
    }
    n
}

/// Trims `t[s..e]`: spaces, list markers (一是, ——, 1., (1), ①), and trailing punctuation.
fn trim_clause(t: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    loop {
        let before = s;
        while s < e {
            match t[s..e].chars().next() {
                Some(c) if c.is_whitespace() || matches!(c, '—' | '-' | '·' | '•' | '、' | '.' | ')') => {
                    s += c.len_utf8()
                }
                _ => break,
            }
        }
        let rest = &t[s..e];
        if let Some(n) = marker_len(rest) {
            s += n;
        }
        if s == before {
            break;
        }
    }
    while e > s {
        match t[s..e].chars().next_back() {
            Some(c)
                if c.is_whitespace()
                    || matches!(c, ',' | ';' | ':' | '。' | '、' | '!' | '?' | '…' | '—' | '(' | '“' | '"') =>
            {
                e -= c.len_utf8()
            }
            _ => break,
        }
    }
    (s, e)
}

/// Length of a list marker opening `s` ("一是", "(三)", "1.", "2、", "①", "首先").
fn marker_len(s: &str) -> Option<usize> {
    for w in ["首先", "其次", "再次", "最后", "第一", "第二", "第三", "第四", "第五"] {
        if let Some(r) = s.strip_prefix(w) {
            if r.starts_with([',', '，', '是']) {
                return Some(w.len() + r.chars().next().map_or(0, char::len_utf8));
            }
        }
    }
    if let Some(c) = s.chars().next() {
        if ('\u{2460}'..='\u{2473}').contains(&c) {
            return Some(c.len_utf8());
        }
    }
    let digits: usize =
        s.chars().take_while(|c| crate::numerals::digit(*c).is_some() || *c == '十').map(char::len_utf8).sum();
    if digits > 0 && digits <= 9 && s[digits..].starts_with('是') && !s.starts_with(|c: char| c.is_ascii_digit()) {
        return Some(digits + '是'.len_utf8());
    }
    let ascii: usize = s.chars().take_while(|c| c.is_ascii_digit()).count();
    if (1..=2).contains(&ascii) {
        if let Some(m) = s[ascii..].chars().next().filter(|c| matches!(c, '.' | '、')) {
            let after = ascii + m.len_utf8();
            if !s[after..].starts_with(|c: char| c.is_ascii_digit()) {
                return Some(after);
            }
        }
    }
    if let Some(r) = s.strip_prefix('(') {
        let inner: usize = r
            .chars()
            .take_while(|c| c.is_ascii_digit() || crate::numerals::digit(*c).is_some() || *c == '十')
            .map(char::len_utf8)
            .sum();
        if inner > 0 && inner <= 9 && r[inner..].starts_with(')') {
            return Some(1 + inner + 1);
        }
    }
    None
}

/// The clauses of `t[s..e]` (one sentence): split at commas and colons
/// outside brackets and quotes. Each is (start, end, ends_with_colon).
fn split_clauses(t: &str, s: usize, e: usize) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    let mut depth: i32 = 0;
    let mut ascii_quote = false;
    let mut start = s;
    for (i, c) in t[s..e].char_indices() {
        let at = s + i;
        match c {
            '(' | '“' | '《' | '【' | '「' | '『' | '‘' => depth += 1,
            ')' | '”' | '》' | '】' | '」' | '』' | '’' => depth = (depth - 1).max(0),
            '"' => ascii_quote = !ascii_quote,
            _ => {}
        }
        if depth == 0 && !ascii_quote && is_clause_end(c) {
            out.push((start, at, matches!(c, ':' | '：')));
            start = at + c.len_utf8();
        }
    }
    out.push((start, e, false));
    out
}

/// A clause under construction (normalized offsets).
#[derive(Debug, Clone)]
struct Draft {
    start: usize,
    end: usize,
    /// Pieces merged into it: (start, end) of each, the first is the head.
    pieces: Vec<(usize, usize)>,
    better: bool,
    in_block: bool,
    plan: bool,
    list_item: Option<ListItemRef>,
    paragraph: Option<usize>,
}

struct Ctx<'a, 'n> {
    norm: &'a Normalized<'n>,
    t: &'a str,
    sections: &'a [Section],
    indicators: &'a [Indicator],
    /// (normalized start, normalized end, id) of the indicators, sorted.
    inds: Vec<(usize, usize, usize)>,
    year: Option<i32>,
    block: Option<(usize, usize)>,
    block_year: Option<i32>,
    better: Vec<(usize, usize)>,
    /// Sorted ids of indicators quoting an annual target again (status plan:
    /// restatements and stretch figures, see [`crate::targets`]).
    restated: Vec<usize>,
}

impl Ctx<'_, '_> {
    fn inds_in(&self, from: usize, to: usize) -> &[(usize, usize, usize)] {
        let a = self.inds.partition_point(|x| x.0 < from);
        let b = self.inds.partition_point(|x| x.0 < to);
        &self.inds[a..b.max(a)]
    }

    /// Target indicators (with a value) inside `from..to`; in the targets
    /// paragraph also the stretch figures ("力争7%", status plan).
    fn targets_in(&self, from: usize, to: usize) -> Vec<usize> {
        self.inds_in(from, to)
            .iter()
            .filter(|x| x.1 <= to)
            .map(|x| x.2)
            .filter(|&k| {
                let i = &self.indicators[k];
                let quoted = i.status == Status::Plan && self.restated.binary_search(&k).is_ok();
                (i.status == Status::Target || quoted) && i.bound != Bound::Absent
            })
            .collect()
    }

    fn quantities_in(&self, from: usize, to: usize) -> Vec<(usize, usize)> {
        self.inds_in(from, to).iter().map(|x| (x.0, x.1)).collect()
    }

    fn has_absent(&self, from: usize, to: usize) -> bool {
        self.inds_in(from, to).iter().any(|x| self.indicators[x.2].bound == Bound::Absent)
    }

    fn in_block(&self, p: usize) -> bool {
        self.block.is_some_and(|(s, e)| p >= s && p < e)
    }
}

/// Does the clause have anything of a pledge (a verb, a modality cue or a target)?
fn pledge_like(ctx: &Ctx<'_, '_>, s: usize, e: usize) -> bool {
    let f = scan(ctx.t, s, e);
    !f.verbs.is_empty() || f.modality.is_some() || !ctx.targets_in(s, e).is_empty()
}

/// `true` for a clause reporting a past result.
fn self_assessment(ctx: &Ctx<'_, '_>, s: usize, e: usize) -> bool {
    let v = vocab();
    let t = ctx.t;
    if v.self_assessment.find_in(t, s, e).is_some() {
        return true;
    }
    // a verb with 了 ("召开了"), a past year or a past-time word
    let f = scan(t, s, e);
    if f.verbs.iter().any(|h| t[h.end..e].starts_with('了') && !t[h.end..e].starts_with("了解")) {
        return true;
    }
    if let Some(r) = ctx.year {
        if years_in(t, s, e).iter().any(|&(y, ys, _)| y < r && !inside_name(t, s, ys)) {
            return true;
        }
    }
    if v.past.find_in(t, s, e).is_some() {
        return true;
    }
    if let Some((w, _)) = v.done_end.longest_ending(t, e) {
        let head_end = e - w.len();
        let f = scan(t, s, head_end);
        if head_end > s && f.modality.is_none() && deadline_of(t, s, e, ctx.year).is_none() {
            // a subject before the verb and nothing after it: "八件为民办实事全面完成"
            return object_chars(t, s, head_end, &[]) >= 2;
        }
    }
    false
}

/// A deadline found in a clause: (year, month, kind, raw start, raw end) in
/// normalized offsets.
type FoundDeadline = (Option<i32>, Option<u32>, DeadlineKind, usize, usize);

/// Explicit or relative deadline words in `t[s..e]`.
fn deadline_of(t: &str, s: usize, e: usize, r: Option<i32>) -> Option<FoundDeadline> {
    // explicit years (not comparison bases), at or after the report year
    for (y, ys, ye) in years_in(t, s, e) {
        if r.is_some_and(|r| y < r) || inside_name(t, s, ys) {
            continue;
        }
        let mut end = ye;
        let mut month = None;
        let rest = &t[ye..e];
        if rest.starts_with("底") || rest.starts_with("末") {
            month = Some(12);
            end += '底'.len_utf8();
        } else if let Some((m, len)) = month_at(rest) {
            month = Some(m);
            end += len;
        } else if rest.starts_with("上半年") {
            month = Some(6);
            end += "上半年".len();
        }
        for w in ["前", "以前", "之前"] {
            if t[end..e].starts_with(w) {
                end += w.len();
                break;
            }
        }
        let start = ["到", "至", "在", "于"].iter().find(|w| t[s..ys].ends_with(*w)).map_or(ys, |w| ys - w.len());
        return Some((Some(y), month, DeadlineKind::Explicit, start, end));
    }
    // relative spans: N年内, N年攻坚, N年行动, 通过五年努力
    let v = vocab();
    if let Some((p, w, _)) = v.plan_cue.find_in(t, s, e) {
        return Some((plan_end(w, r), None, DeadlineKind::Relative, p, p + w.len()));
    }
    let mut pos = s;
    while pos < e {
        let Some(c) = t[pos..].chars().next() else { break };
        if crate::numerals::digit(c).is_some() || c == '十' || c == '两' || c.is_ascii_digit() {
            let len: usize = t[pos..e]
                .chars()
                .take_while(|c| crate::numerals::digit(*c).is_some() || *c == '十' || *c == '两' || c.is_ascii_digit())
                .map(char::len_utf8)
                .sum();
            let num = &t[pos..pos + len];
            let after = &t[pos + len..e];
            let n = if num == "两" { Some(2) } else { crate::numerals::small_int(num) };
            let before_ok = !t[..pos].ends_with(|c: char| c.is_ascii_digit());
            if let Some(n) = n.filter(|n| (1..=10).contains(n)).filter(|_| before_ok) {
                for suffix in ["年内", "年攻坚", "年行动", "年之内"] {
                    if after.starts_with(suffix) {
                        let end = pos + len + suffix.len();
                        return Some((r.map(|r| r + n as i32 - 1), None, DeadlineKind::Relative, pos, end));
                    }
                }
            }
            pos += len.max(c.len_utf8());
            continue;
        }
        pos += c.len_utf8();
    }
    // this year's dates: 年底前, 上半年, 6月底前
    for (w, m) in [("年底前", 12), ("年底", 12), ("年末", 12), ("上半年", 6), ("年内", 12)] {
        if let Some(k) = t[s..e].find(w) {
            let p = s + k;
            // not inside "2018年底" (handled above)
            if year_digit_before(t, p) {
                continue;
            }
            return Some((r, Some(m), DeadlineKind::Explicit, p, p + w.len()));
        }
    }
    if let Some(k) = t[s..e].find("月底前") {
        let p = s + k;
        let head = &t[s..p];
        let digits: String = head.chars().rev().take_while(|c| c.is_ascii_digit()).collect();
        let digits: String = digits.chars().rev().collect();
        if let Ok(m) = digits.parse::<u32>() {
            if (1..=12).contains(&m) {
                return Some((r, Some(m), DeadlineKind::Explicit, p - digits.len(), p + "月底前".len()));
            }
        }
    }
    None
}

/// `true` when byte `p` sits inside 《…》, “…” or (…) opened after `s`.
fn inside_name(t: &str, s: usize, p: usize) -> bool {
    let mut depth = 0i32;
    for c in t[s..p].chars() {
        match c {
            '《' | '“' | '(' | '「' => depth += 1,
            '》' | '”' | ')' | '」' => depth = (depth - 1).max(0),
            _ => {}
        }
    }
    depth > 0
}

/// The last year of a plan cue: the plan period it names ("十四五期间" →
/// 2025), the end of the century, else the term (report year + 4).
fn plan_end(cue: &str, r: Option<i32>) -> Option<i32> {
    let periods = crate::lexicon::cues().get("period");
    if let Some((_, _, val)) = periods.find_in(cue, 0, cue.len()) {
        if let Some(end) = val.strip_prefix("plan:").and_then(|x| x.split(':').nth(1)).and_then(|x| x.parse().ok()) {
            return Some(end);
        }
    }
    if cue.contains("世纪末") {
        return r.map(|r| if r <= 2000 { 2000 } else { 2100 });
    }
    r.map(|r| r + 4)
}

fn year_digit_before(t: &str, p: usize) -> bool {
    t[..p].ends_with(|c: char| c.is_ascii_digit() || crate::numerals::digit(c).is_some())
}

/// "6月底" / "6月" at the start of `s`: (month, length).
fn month_at(s: &str) -> Option<(u32, usize)> {
    let digits: usize = s.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let m: u32 = s[..digits].parse().ok()?;
    if !(1..=12).contains(&m) || !s[digits..].starts_with('月') {
        return None;
    }
    let mut len = digits + '月'.len_utf8();
    for w in ["底", "末", "份"] {
        if s[len..].starts_with(w) {
            len += w.len();
            break;
        }
    }
    Some((m, len))
}

/// Finds livelihood items, target clauses and task clauses; returns the
/// commitments in document order with UTF-8 offsets of the original.
pub fn extract(
    norm: &Normalized<'_>,
    sections: &[Section],
    paragraphs: &[Paragraph],
    indicators: &[Indicator],
    lists: &[List],
    meta: &Meta,
    block: Option<&TargetsBlock>,
) -> Vec<Commitment> {
    let t = norm.text();
    let mut inds: Vec<(usize, usize, usize)> = indicators
        .iter()
        .map(|i| (norm.from_original(i.start), norm.from_original(i.end), i.id))
        .filter(|x| x.2 < indicators.len())
        .collect();
    inds.sort_unstable();
    let ctx = Ctx {
        norm,
        t,
        sections,
        indicators,
        inds,
        year: meta.year,
        block: block.map(|b| (norm.from_original(b.start), norm.from_original(b.end))),
        block_year: block.and_then(|b| b.year).or(meta.year),
        better: block
            .map(|b| b.better.iter().map(|s| (norm.from_original(s.start), norm.from_original(s.end))).collect())
            .unwrap_or_default(),
        restated: block.map(|b| b.quoted.clone()).unwrap_or_default(),
    };
    let mut drafts: Vec<Draft> = Vec::new();
    // 1. livelihood items
    let mut covered: Vec<(usize, usize)> = Vec::new();
    for l in lists.iter().filter(|l| l.livelihood) {
        for it in &l.items {
            let (s, e) = (norm.from_original(it.start), norm.from_original(it.end));
            let (s, e) = trim_clause(t, s, floor(t, e));
            if e <= s {
                continue;
            }
            covered.push((s, e));
            let pieces: Vec<(usize, usize)> =
                split_clauses(t, s, e).into_iter().map(|c| trim_clause(t, c.0, c.1)).filter(|c| c.1 > c.0).collect();
            drafts.push(Draft {
                start: s,
                end: e,
                pieces: if pieces.is_empty() { vec![(s, e)] } else { pieces },
                better: false,
                in_block: false,
                plan: false,
                list_item: Some(ListItemRef { list: l.id, ordinal: it.ordinal }),
                paragraph: targets::paragraph_of(paragraphs, it.start),
            });
        }
    }
    covered.sort_unstable();
    // 2. paragraphs of the commitment parts (and the targets paragraph)
    let mut title_spans: Vec<(usize, usize)> = sections
        .iter()
        .map(|s| (norm.from_original(s.start), norm.from_original(s.title_end)))
        .filter(|x| x.1 > x.0)
        .collect();
    title_spans.sort_unstable();
    // a report whose outline names no task part (older national reports are
    // topical: "三、加快社会主义经济建设"): its other parts hold the pledges
    let no_task_part = !sections
        .iter()
        .any(|s| matches!(s.role, Role::Targets | Role::Goals | Role::Tasks | Role::SelfBuilding | Role::Livelihood));
    // (the first part of such a report is its review)
    let first_top = sections.iter().position(|s| s.parent.is_none());
    let mut plan_run = false;
    for p in paragraphs {
        let (ps, pe) = (norm.from_original(p.start), norm.from_original(p.end));
        let (ps, pe) = (floor(t, ps), floor(t, pe));
        if pe <= ps {
            continue;
        }
        let role = role_of(sections, p.section);
        let para_in_block = ctx.block.is_some_and(|(bs, be)| bs < pe && be > ps);
        let task_titled = role == Some(Role::Outlook) && task_title(sections, p.section);
        let full =
            matches!(role, Some(Role::Targets | Role::Goals | Role::Tasks | Role::SelfBuilding | Role::Livelihood))
                || task_titled
                || (no_task_part
                    && p.section.is_some_and(|s| top_of(sections, s) != first_top)
                    && matches!(role, None | Some(Role::Other | Role::Outlook)))
                || (sections.is_empty() && ctx.block.is_some_and(|(bs, _)| ps >= bs));
        let outlook = role == Some(Role::Outlook);
        // five-year goals: a lead paragraph "今后五年…目标是：" and the list after it
        let starts_item = {
            let head = t[ps..pe].trim_start();
            head.starts_with("——") || head.starts_with('—') || marker_len(head).is_some()
        };
        if plan_run && !starts_item {
            plan_run = false;
        }
        let para_plan = role == Some(Role::Goals) || plan_run;
        if !full && !outlook && !para_in_block {
            continue;
        }
        let lead = p.lead.as_ref().map(|l| (norm.from_original(l.start), norm.from_original(l.end)));
        // sentences
        let mut s = ps;
        let mut opened_plan = false;
        for (i, c) in t[ps..pe].char_indices().chain(std::iter::once((pe - ps, '。'))) {
            let at = ps + i;
            if at < s || !(is_sentence_end(c) || at == pe) {
                continue;
            }
            let (ss, se) = (s, at);
            s = (at + c.len_utf8()).min(pe);
            if se <= ss {
                continue;
            }
            // paragraph lead and inline titles
            if lead.is_some_and(|(ls, le)| ss >= ls.saturating_sub(8) && se <= le + 1) {
                continue;
            }
            if in_spans(&title_spans, ss) {
                continue;
            }
            let sentence_in_block = ctx.block.is_some_and(|(bs, be)| se > bs && ss < be);
            let mut ds = sentence(&ctx, (ss, se), sentence_in_block, full, outlook, &mut opened_plan);
            for d in &mut ds {
                d.paragraph = Some(p.id);
                d.plan |= para_plan && !d.in_block;
                if overlaps(&covered, d.start, d.end) {
                    d.start = usize::MAX;
                }
            }
            drafts.extend(ds.into_iter().filter(|d| d.start != usize::MAX));
        }
        if opened_plan {
            plan_run = true;
        }
    }
    drafts.sort_by_key(|d| (d.start, d.end));
    drafts.dedup_by(|b, a| b.start < a.end && b.start >= a.start);
    drafts.into_iter().enumerate().map(|(id, d)| finish(&ctx, id, d)).collect()
}

/// The top-level ancestor of section `s`.
fn top_of(sections: &[Section], s: usize) -> Option<usize> {
    let mut cur = s;
    for _ in 0..64 {
        match sections.get(cur)?.parent {
            Some(p) => cur = p,
            None => return Some(cur),
        }
    }
    None
}

/// `true` when the section or an ancestor has a title naming tasks
/// ("2012年政府工作总体要求和目标任务": an outlook title that holds the tasks).
fn task_title(sections: &[Section], section: Option<usize>) -> bool {
    let v = vocab();
    let mut cur = section;
    for _ in 0..16 {
        let Some(s) = cur.and_then(|c| sections.get(c)) else { break };
        if v.task_title.find_in(&s.title, 0, s.title.len()).is_some() {
            return true;
        }
        cur = s.parent;
    }
    false
}

/// `true` when `p` lies in one of the sorted, non-nested spans.
fn in_spans(spans: &[(usize, usize)], p: usize) -> bool {
    let k = spans.partition_point(|s| s.0 <= p);
    k > 0 && p < spans[k - 1].1
}

/// `true` when `s..e` overlaps one of the sorted, non-overlapping spans.
fn overlaps(spans: &[(usize, usize)], s: usize, e: usize) -> bool {
    let k = spans.partition_point(|x| x.0 < e);
    k > 0 && spans[k - 1].1 > s
}

/// The commitments of one sentence.
fn sentence(
    ctx: &Ctx<'_, '_>,
    (ss, se): (usize, usize),
    in_block: bool,
    full: bool,
    outlook: bool,
    opened_plan: &mut bool,
) -> Vec<Draft> {
    let t = ctx.t;
    let v = vocab();
    let (ts, te) = trim_clause(t, ss, se);
    if te <= ts {
        return Vec::new();
    }
    if v.not_start.longest_at(t, ts).is_some() && ctx.targets_in(ts, te).is_empty() {
        // "各位代表!" is its own sentence; "让我们…" is no pledge
        return Vec::new();
    }
    // split before trimming: a colon at the end still marks a lead-in
    let mut clauses = split_clauses(t, ts, se);
    // a colon ends a lead-in: drop what stands before it (unless it holds a target)
    if let Some(k) = clauses.iter().rposition(|c| c.2) {
        let lead_text = (clauses[0].0, clauses[k].1);
        if v.plan_lead.find_in(t, lead_text.0, lead_text.1).is_some() {
            *opened_plan = true;
        }
        if v.framing.find_in(t, lead_text.0, lead_text.1).is_some() {
            return Vec::new();
        }
        let keep_from = (0..=k).find(|&j| {
            ctx.targets_in(clauses[j].0, clauses[j].1).iter().any(|&i| ctx.indicators[i].metric.id.is_some())
        });
        match keep_from {
            Some(j) => clauses.drain(..j),
            None => clauses.drain(..=k),
        };
    }
    // inside the targets paragraph: only what comes after the lead (a clause
    // holding the lead and a target, "经济增长预期目标为7%左右", stays whole)
    if let Some((bs, be)) = ctx.block {
        if in_block {
            clauses.retain(|c| c.1 > bs && c.0 < be);
            for c in &mut clauses {
                if c.0 < bs && (c.2 || ctx.targets_in(bs, c.1.min(be)).is_empty()) {
                    c.0 = bs;
                }
                c.1 = c.1.min(be);
            }
        }
    }
    let mut pieces: Vec<(usize, usize)> =
        clauses.iter().map(|c| trim_clause(t, c.0, c.1)).filter(|c| c.1 > c.0).collect();
    // an explanation sentence ("这个指标是指导性的", "考虑了…")
    if pieces.iter().any(|&(s, e)| v.explain.find_in(t, s, e).is_some()) && ctx.targets_in(ts, te).is_empty() {
        return Vec::new();
    }
    // a short clause without a verb opens the next ("通过五年努力,", "今年,")
    let mut merged: Vec<Draft> = Vec::new();
    let mut carry: Option<usize> = None;
    let n = pieces.len();
    for (k, (s, e)) in pieces.drain(..).enumerate() {
        let s = carry.take().unwrap_or(s);
        let f = scan(t, s, e);
        let chars = t[s..e].chars().count();
        let targets = ctx.targets_in(s, e);
        if k + 1 < n && f.verbs.is_empty() && targets.is_empty() && chars <= 12 && f.modality.is_none_or(|_| chars <= 6)
        {
            carry = Some(s);
            continue;
        }
        let better = ctx.better.iter().any(|&(a, b)| a >= s && b <= e) || vocab_better(t, s, e);
        let obj = object_chars(t, s, e, &ctx.quantities_in(s, e));
        let continuation = !merged.is_empty()
            && (better || (obj < 2 && (!f.verbs.is_empty() || !targets.is_empty() || f.modality.is_some())));
        if continuation {
            // back to the nearest earlier clause naming a project, else the previous one
            // (looked for among the last few clauses only: linear time on long sentences)
            let lookback = merged.len().saturating_sub(8);
            let project_at = merged[lookback..]
                .iter()
                .rposition(|d| {
                    let (hs, he) = d.pieces[0];
                    v.project_noun.find_in(t, hs, he).is_some()
                })
                .map(|k| k + lookback);
            let back = if better { merged.len() - 1 } else { project_at.unwrap_or(merged.len() - 1) };
            let tail: Vec<Draft> = merged.drain(back + 1..).collect();
            let d = merged.last_mut().expect("non-empty");
            for x in tail {
                d.pieces.extend(x.pieces);
            }
            d.pieces.push((s, e));
            d.end = e;
            d.better |= better;
            continue;
        }
        merged.push(Draft {
            start: s,
            end: e,
            pieces: vec![(s, e)],
            better,
            in_block: in_block && ctx.in_block(s),
            plan: false,
            list_item: None,
            paragraph: None,
        });
    }
    // "…;在实际工作中争取更好结果" standing alone after the targets raises them all
    let mut out = Vec::new();
    for d in merged {
        let (s, e) = (d.start, d.end);
        if ctx.has_absent(s, e) {
            continue;
        }
        let targets = ctx.targets_in(s, e);
        if self_assessment(ctx, s, e) && targets.is_empty() {
            continue;
        }
        if v.explain.find_in(t, s, e).is_some() && targets.is_empty() {
            continue;
        }
        let keep = if d.in_block {
            true
        } else if full {
            pledge_like(ctx, s, e)
        } else if outlook {
            !targets.is_empty() || v.fiscal_cue.find_in(t, s, e).is_some()
        } else {
            false
        };
        if keep {
            out.push(d);
        }
    }
    out
}

fn vocab_better(t: &str, s: usize, e: usize) -> bool {
    targets::vocab().better.find_in(t, s, e).is_some()
}

fn finish(ctx: &Ctx<'_, '_>, id: usize, d: Draft) -> Commitment {
    let t = ctx.t;
    let v = vocab();
    let norm = ctx.norm;
    let (s, e) = (d.start, d.end);
    let (os, oe) = norm.to_original(s, e);
    let original = norm.original();
    let targets = ctx.targets_in(s, e);
    // facts per piece; the action is the most advanced verb of all pieces
    let mut all = Facts::default();
    let mut head_object: Option<(usize, usize)> = None;
    // a livelihood item's action is that of its first clause
    let pieces = if d.list_item.is_some() { &d.pieces[..1] } else { &d.pieces[..] };
    for (k, &(ps, pe)) in pieces.iter().enumerate() {
        let f = scan(t, ps, pe);
        if k == 0 || head_object.is_none() {
            head_object = object_of(ctx, ps, pe, &f);
        }
        all.verbs.extend(f.verbs);
        if let Some(m) = f.modality {
            if all.modality.is_none_or(|(old, _, _)| modality_rank(m.0) > modality_rank(old)) {
                all.modality = Some(m);
            }
        }
    }
    let verb = chosen_verb(&all);
    let action = verb
        .and_then(|h| h.info.map(|i| Action { verb: norm.original_slice(h.start, h.end).to_string(), stage: i.stage }));
    // object: the metric subject of the first target, else the head piece's
    let metric_object = targets.iter().find(|&&k| ctx.indicators[k].metric.id.is_some()).and_then(|&k| {
        let i = &ctx.indicators[k];
        let (ms, me) = (i.metric.start?, i.metric.end?);
        (ms >= os && me <= oe).then_some((ms, me))
    });
    let object = metric_object
        .or_else(|| head_object.map(|(a, b)| norm.to_original(a, b)))
        .filter(|(a, b)| b > a)
        .map(|(a, b)| TextSpan { text: original[a..b].to_string(), start: a, end: b });
    let mut modality = all.modality.map_or(Modality::Firm, |m| m.0);
    if d.better && modality_rank(Modality::Strive) > modality_rank(modality) {
        modality = Modality::Strive;
    }
    if d.in_block && !ctx.better.is_empty() && modality_rank(Modality::Strive) > modality_rank(modality) {
        // a "better results" sentence of its own after the targets raises them all
        let standalone = ctx.better.iter().any(|&(bs, _)| {
            let (ss, _) = targets::sentence_at(t, bs);
            trim_clause(t, ss, bs).0 >= bs && bs >= e
        });
        if standalone && !targets.is_empty() {
            modality = Modality::Strive;
        }
    }
    // kind
    let plan = d.plan || plan_clause(ctx, s, e, &targets);
    let has_canonical = targets.iter().any(|&k| ctx.indicators[k].metric.id.is_some());
    let stage = action.as_ref().map(|a| a.stage);
    let obj_text = object.as_ref().map_or("", |o| o.text.as_str());
    let norm_obj = object.as_ref().map(|o| (norm.from_original(o.start), norm.from_original(o.end)));
    let in_obj = |m: &WordMap<()>| norm_obj.is_some_and(|(a, b)| m.find_in(t, a, b).is_some());
    let kind = if d.list_item.is_some() {
        CommitmentKind::LivelihoodItem
    } else if v.fiscal_cue.find_in(t, s, e).is_some()
        && (modality == Modality::Proposed
            || t[s..e].contains("安排")
            || !targets.is_empty()
            || targets
                .iter()
                .any(|&k| matches!(ctx.indicators[k].metric.id.as_deref(), Some("deficit_ratio" | "special_bonds"))))
    {
        CommitmentKind::Fiscal
    } else if plan {
        CommitmentKind::PlanGoal
    } else if has_canonical {
        CommitmentKind::MetricTarget
    } else if !targets.is_empty() {
        CommitmentKind::OutputTarget
    } else if stage == Some(Stage::Host)
        && (action.as_ref().is_some_and(|a| a.verb != "办好" && a.verb != "筹办") || in_obj(&v.event_noun))
    {
        CommitmentKind::Event
    } else if stage == Some(Stage::Attain)
        || modality == Modality::Aspire
        || (action.as_ref().is_some_and(|a| a.verb.contains("打造") || a.verb.contains("建设"))
            && in_obj(&v.aspiration_noun))
    {
        CommitmentKind::Aspiration
    } else if in_obj(&v.project_noun)
        && (matches!(stage, Some(Stage::Start | Stage::Complete | Stage::Prepare))
            || v.construct.find_in(t, s, e).is_some())
    {
        CommitmentKind::Project
    } else if (modality == Modality::Guarantee
        || action.as_ref().is_some_and(|a| ["防范", "防止", "杜绝", "遏制"].iter().any(|w| a.verb.contains(w))))
        && v.guarantee_cue.find_in(t, s, e).is_some()
    {
        CommitmentKind::Guarantee
    } else {
        CommitmentKind::Policy
    };
    let _ = obj_text;
    // deadline
    let r = if d.in_block { ctx.block_year } else { ctx.year };
    let deadline = match deadline_of(t, s, e, ctx.year) {
        Some((year, month, kind, a, b)) => {
            Some(Deadline { year, month, kind, raw: Some(norm.original_slice(a, b).to_string()) })
        }
        None => r.map(|y| Deadline {
            year: Some(if kind == CommitmentKind::PlanGoal { y + 4 } else { y }),
            month: None,
            kind: DeadlineKind::Implicit,
            raw: None,
        }),
    };
    let quantified = targets.iter().any(|&k| {
        let val = &ctx.indicators[k].value;
        val.number.is_some() || val.low.is_some() || val.high.is_some()
    });
    let verifiability = if quantified {
        Verifiability::Quantified
    } else if verb.and_then(|h| h.info).is_some_and(|i| i.binary) && object.is_some() {
        Verifiability::Binary
    } else {
        Verifiability::Vague
    };
    Commitment {
        id,
        section: section_of(ctx.sections, os),
        paragraph: d.paragraph,
        start: os,
        end: oe,
        text: original[os..oe].to_string(),
        kind,
        action,
        object,
        targets,
        modality,
        deadline,
        list_item: d.list_item,
        verifiability,
    }
}

/// `true` for a five-year or term goal clause.
fn plan_clause(ctx: &Ctx<'_, '_>, s: usize, e: usize, targets: &[usize]) -> bool {
    let t = ctx.t;
    if vocab().plan_cue.find_in(t, s, e).is_some() {
        return true;
    }
    if let Some(r) = ctx.year {
        if years_in(t, s, e).iter().any(|&(y, ys, _)| y >= r + 2 && ["到", "至"].iter().any(|w| t[..ys].ends_with(w)))
        {
            return true;
        }
        return targets.iter().any(|&k| {
            ctx.indicators[k].period.as_ref().is_some_and(|p| {
                p.end_year.is_some_and(|end| end >= r + 2)
                    || (matches!(p.aggregation, crate::model::Aggregation::Cagr) && p.start_year != p.end_year)
            })
        });
    }
    false
}

/// The object of a piece: the words after the chosen verb (or another verb)
/// up to a quantity, else the words before the chosen verb (after the
/// previous verb or the modality).
fn object_of(ctx: &Ctx<'_, '_>, s: usize, e: usize, f: &Facts) -> Option<(usize, usize)> {
    let t = ctx.t;
    let chosen = chosen_verb(f).or_else(|| f.verbs.first().copied())?;
    let others = f.verbs.iter().filter(|h| h.start != chosen.start).copied();
    for v in std::iter::once(chosen).chain(others) {
        if let Some(o) = after_object(ctx, v.end, e) {
            return Some(o);
        }
    }
    let prev_end = f
        .verbs
        .iter()
        .filter(|h| h.end <= chosen.start)
        .map(|h| h.end)
        .chain(f.modality.filter(|m| m.2 <= chosen.start).map(|m| m.2))
        .max()
        .unwrap_or(s);
    let (a, b) = strip_tail(t, prev_end, chosen.start);
    let (a, b) = tidy(t, a, b);
    (object_chars(t, a, b, &[]) >= 2).then_some((a, b))
}

/// The words after a verb: up to the first quantity, or (when nothing stands
/// before it: "加快推进40个区级重点产业项目建设") after it.
fn after_object(ctx: &Ctx<'_, '_>, from: usize, e: usize) -> Option<(usize, usize)> {
    let t = ctx.t;
    let mut regions = Vec::new();
    let mut cur = from;
    for (qs, qe) in ctx.quantities_in(from, e) {
        if qs >= cur {
            regions.push((cur, qs));
            cur = qe.min(e);
        }
    }
    regions.push((cur, e));
    for (a, b) in regions {
        let (a, b) = strip_tail(t, a, b);
        let (a, b) = tidy(t, a, b);
        if object_chars(t, a, b, &[]) >= 2 {
            return Some((a, b));
        }
    }
    None
}

/// Drops trailing verbs, adverbs, numerals and "N年内" off `t[s..e]`
/// ("…产业园建设", "…五年内全部得到安置").
fn strip_tail(t: &str, s: usize, mut e: usize) -> (usize, usize) {
    let v = vocab();
    for _ in 0..16 {
        let before = e;
        let n = [
            v.adverb
                .longest_ending(t, e)
                .filter(|(w, _)| w.chars().count() >= 2 || matches!(*w, "的" | "了" | "等"))
                .map(|(w, _)| w.len()),
            v.verb.longest_ending(t, e).map(|(w, _)| w.len()),
            v.light.longest_ending(t, e).map(|(w, _)| w.len()),
        ]
        .into_iter()
        .flatten()
        .max();
        if let Some(n) = n {
            if e >= s + n && e - n > s {
                e -= n;
            }
        }
        if t[s..e].ends_with("年内") || t[s..e].ends_with("年间") {
            e -= "年内".len();
            while e > s {
                match t[s..e].chars().next_back() {
                    Some(c) if c.is_ascii_digit() || crate::numerals::digit(c).is_some() || c == '十' || c == '两' => {
                        e -= c.len_utf8()
                    }
                    _ => break,
                }
            }
        }
        if e == before {
            break;
        }
    }
    (s, e)
}

/// Trims connectors, particles and time words off both ends of `t[s..e]`.
fn tidy(t: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    let front = [
        "和",
        "及",
        "并",
        "与",
        "、",
        "的",
        "了",
        "对",
        "把",
        "将",
        "要",
        "全面",
        "积极",
        "进一步",
        "全力",
        "大力",
        "加快",
        "持续",
        "不断",
        "着力",
        "深入",
        "重点",
        "年内",
        "今年",
        "全年",
    ];
    let back = ["的", "等", "了", "达", "达到", "为", "共", "累计", "总计", "全部", "工作", "总数", "总量", "规模"];
    for _ in 0..16 {
        let before = (s, e);
        while s < e {
            match t[s..e].chars().next() {
                Some(c) if c.is_whitespace() || matches!(c, ',' | '、' | '“' | '"' | '(' | ')' | '”') => {
                    // keep an opening quote that starts a name
                    if matches!(c, '“' | '(') {
                        break;
                    }
                    s += c.len_utf8();
                }
                _ => break,
            }
        }
        for w in front {
            if t[s..e].starts_with(w) && t[s + w.len()..e].chars().count() >= 2 {
                s += w.len();
                break;
            }
        }
        while e > s {
            match t[s..e].chars().next_back() {
                Some(c) if c.is_whitespace() || matches!(c, ',' | '、' | ':' | '(' | '“') => e -= c.len_utf8(),
                _ => break,
            }
        }
        for w in back {
            if t[s..e].ends_with(w) && t[s..e - w.len()].chars().count() >= 2 {
                e -= w.len();
                break;
            }
        }
        if (s, e) == before {
            break;
        }
    }
    (s, e.max(s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Options, Parser, Report};

    fn tasks(year: i32, body: &str) -> Report {
        let text = format!("一、{}年工作回顾\n各项工作取得新成效。\n二、{}年重点工作\n{body}\n", year - 1, year);
        Parser::new(Options::default().with_year(year)).parse(&text)
    }

    fn texts(r: &Report) -> Vec<&str> {
        r.commitments.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn clauses_split_at_commas_outside_brackets() {
        let t = "建设“两美浙江,三美杭州”示范区,开工学校(幼儿园,托育)8所";
        let c = split_clauses(t, 0, t.len());
        assert_eq!(c.len(), 2);
        assert_eq!(&t[c[1].0..c[1].1], "开工学校(幼儿园,托育)8所");
    }

    #[test]
    fn markers_are_trimmed() {
        for (x, want) in [
            ("一是启动改造", "启动改造"),
            ("——在创新上实现跨越", "在创新上实现跨越"),
            ("(3)加强管理", "加强管理"),
            ("2.医疗方面", "医疗方面"),
            ("3、开工学校", "开工学校"),
            ("12、", ""),
        ] {
            let (s, e) = trim_clause(x, 0, x.len());
            assert_eq!(&x[s..e], want);
        }
    }

    #[test]
    fn verbs_stages_and_objects() {
        let r = tasks(2017, "新增公共停车泊位1300个以上,实施雨污分流项目40个以上,消灭劣V类河20条。");
        let c = &r.commitments;
        assert_eq!(c.len(), 3, "{c:#?}");
        let a: Vec<_> = c.iter().map(|c| c.action.as_ref().map(|a| (a.verb.as_str(), a.stage))).collect();
        assert_eq!(
            a,
            [Some(("新增", Stage::Add)), Some(("实施", Stage::Institutionalize)), Some(("消灭", Stage::Reduce))]
        );
        assert!(c
            .iter()
            .all(|c| c.kind == CommitmentKind::OutputTarget && c.verifiability == Verifiability::Quantified));
        assert_eq!(c[0].object.as_ref().unwrap().text, "公共停车泊位");
        assert_eq!(c[0].targets.len(), 1);
    }

    #[test]
    fn modality_and_deadlines() {
        let r = tasks(
            2017,
            "确保年底前建成区文化中心,力争6月底前完成征迁,谋划建设科创走廊,拟新增专项债券额度,探索三年攻坚行动。",
        );
        let c = &r.commitments;
        let m: Vec<_> = c.iter().map(|c| c.modality).collect();
        assert_eq!(
            m,
            [Modality::Guarantee, Modality::Strive, Modality::Explore, Modality::Proposed, Modality::Explore]
        );
        let d = c[0].deadline.as_ref().unwrap();
        assert_eq!(
            (d.year, d.month, d.kind, d.raw.as_deref()),
            (Some(2017), Some(12), DeadlineKind::Explicit, Some("年底前"))
        );
        let d = c[1].deadline.as_ref().unwrap();
        assert_eq!((d.year, d.month), (Some(2017), Some(6)));
        let d = c[2].deadline.as_ref().unwrap();
        assert_eq!((d.year, d.kind), (Some(2017), DeadlineKind::Implicit));
        let d = c[4].deadline.as_ref().unwrap();
        assert_eq!((d.year, d.kind, d.raw.as_deref()), (Some(2019), DeadlineKind::Relative, Some("三年攻坚")));
    }

    #[test]
    fn events_aspirations_guarantees_policies() {
        let r = tasks(
            2017,
            "举办第三届钱塘江文化节,争创全省教育现代化区,坚决防范重特大安全事故发生,全面推行新型居住证制度。",
        );
        let k: Vec<_> = r.commitments.iter().map(|c| c.kind).collect();
        use CommitmentKind::*;
        assert_eq!(k, [Event, Aspiration, Guarantee, Policy]);
        assert_eq!(r.commitments[1].modality, Modality::Aspire);
        assert_eq!(r.commitments[0].verifiability, Verifiability::Binary);
        assert_eq!(r.commitments[3].verifiability, Verifiability::Vague);
    }

    #[test]
    fn leads_lead_ins_and_closings_are_no_commitments() {
        let r = tasks(
            2017,
            "精准发力培育产业。集聚发展金融服务业。\n新的一年,我们要做好五个方面的重点工作:\n各位代表!让我们团结一心,为建设美好家园而努力奋斗!",
        );
        assert_eq!(texts(&r), ["集聚发展金融服务业"]);
    }

    #[test]
    fn review_and_self_assessments_are_left_out() {
        let text = "一、2016年工作回顾\n全面完成了区十四届人大五次会议确定的主要目标任务。加快建设医院。\n二、2017年重点工作\n八件为民办实事全面完成。加快建设区人民医院。\n";
        let r = Parser::new(Options::default().with_year(2017)).parse(text);
        assert_eq!(texts(&r), ["加快建设区人民医院"]);
    }

    #[test]
    fn deadlines_by_pattern() {
        let t = "确保2018年完成竣工验收";
        assert_eq!(
            deadline_of(t, 0, t.len(), Some(2017)).map(|d| (d.0, d.2)),
            Some((Some(2018), DeadlineKind::Explicit))
        );
        let t = "比2010年翻一番";
        assert!(deadline_of(t, 0, t.len(), Some(2017)).is_none());
        let t = "五年内全部得到安置";
        assert_eq!(
            deadline_of(t, 0, t.len(), Some(2017)).map(|d| (d.0, d.2)),
            Some((Some(2021), DeadlineKind::Relative))
        );
        let t = "2025年6月底前建成";
        assert_eq!(deadline_of(t, 0, t.len(), Some(2024)).map(|d| (d.0, d.1)), Some((Some(2025), Some(6))));
        let t = "到2030年";
        let d = deadline_of(t, 0, t.len(), Some(2026)).unwrap();
        assert_eq!(&t[d.3..d.4], "到2030年");
    }

    #[test]
    fn random_text_never_panics() {
        let pieces = [
            "一、",
            "二、重点工作\n",
            "(一)",
            "1、",
            "2.",
            "、",
            ",",
            "，",
            "。",
            ":",
            "：",
            ";",
            "\n",
            "“",
            "”",
            "(",
            ")",
            "《",
            "》",
            "确保",
            "力争",
            "拟",
            "2018年",
            "年底前",
            "6月底前",
            "五年内",
            "三年攻坚",
            "通过五年努力",
            "建成",
            "开工",
            "医院",
            "项目",
            "增长",
            "8%",
            "5万人",
            "以上",
            "左右",
            "主要预期目标是",
            "十件实事",
            "一是",
            "二是",
            "完成了",
            "了",
            "地区生产总值",
            "力争9%",
            "没有提出全年经济增速具体目标",
            "在实际工作中争取更好结果",
            "𠮷",
            "\u{3000}",
            "９",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..400 {
            let mut text = String::new();
            for _ in 0..60 {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            let r = crate::parse(&text);
            for c in &r.commitments {
                assert_eq!(&text[c.start..c.end], c.text);
            }
            for i in &r.indicators {
                assert_eq!(&text[i.start..i.end], i.text);
            }
            let _ = crate::targets::annual_targets(&r);
            let _ = crate::track(&r, &r);
        }
    }

    #[test]
    fn never_panics() {
        for text in [
            "",
            "二、重点工作\n",
            "二、重点工作\n,,,;;;::",
            "二、重点工作\n确保",
            "二、重点工作\n一是\n二是\n",
            "二、重点工作\n“(((《",
            "二、重点工作\n通过五年努力,",
            &"二、重点工作\n加快建设医院,确保完成,".repeat(200),
        ] {
            let r = crate::parse(text);
            for c in &r.commitments {
                assert_eq!(&text[c.start..c.end], c.text);
            }
        }
    }
}
