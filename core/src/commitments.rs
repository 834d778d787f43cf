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
//! **How it is fast.** All word categories of the table are merged into one
//! dictionary, and `Lexed` finds every word of it in one pass (with the
//! quotes, brackets, commas, colons and years) over the parts of the text that are read: the
//! livelihood items and the paragraphs of the commitment parts, each widened
//! by the longest word (the review is never lexed). The first character
//! picks its words from a table over the Basic Multilingual Plane (a run of
//! Han characters that start none is skipped in a tight loop), and the
//! four bytes after it are compared at once (`Cand`). A query — the longest
//! word of a category at, or ending at, a position, the first one inside a
//! clause — is then a lookup over sorted hits (copies per category:
//! no indirection) instead of a walk over the clause: a table gives the
//! first hit of each block of the text, sized to hold about one hit
//! (`PosIndex`), so it costs a read and a short walk, not a binary search. The
//! clause scan (`scan_with`) and the object count (`object_chars`) jump from
//! one word or quote to the next (what the scan does at a word is worked out
//! once, at the first visit: `Step`), and the relative deadlines ("五年内") start
//! from the span words found. Target and quantity lookups go through the same
//! kind of index over the sorted indicator spans (the target ones filtered
//! once) and allocate nothing. The "better
//! results" words of [`crate::targets`] are in the merged dictionary too.
//! Sentences start at the breaks collected while normalizing
//! ([`Normalized::pieces`]); clauses are split at the commas and colons
//! the lexer noted, going from one noted mark to the next
//! (`Lexed::clauses_into`; a livelihood item, split before the lexing,
//! byte by byte, skipping Han characters at once). A scan or object count that only needs to know
//! whether there is something stops at the first hit (`has_object`,
//! `scan_summary`); what `sentence` found about a clause of one piece is
//! kept for its final filter; clause, piece and verb buffers are reused, and
//! the pieces of all drafts live in one arena (`Scratch::arena`).
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

use std::cell::Cell;
use std::sync::OnceLock;

use crate::lexicon::{rows, CharMap, FastMap, WordMap};
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

/// A category of the vocabulary (`data/commitments.tsv`), one bit each in
/// [`Word::cats`]. The last few are built in: the date words of
/// [`deadline_of`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cat {
    Verb,
    Light,
    VerbNot,
    Modality,
    ModalityNot,
    Adverb,
    ProjectNoun,
    Construct,
    EventNoun,
    AspirationNoun,
    GuaranteeCue,
    FiscalCue,
    PlanCue,
    PlanLead,
    SelfAssessment,
    DoneEnd,
    Explain,
    Framing,
    NotStart,
    Past,
    /// "年底前", "上半年", "月底前" … (built in).
    Date,
    /// The "better results" words of [`crate::targets`] (`data/targets.tsv`
    /// category `better`).
    Better,
    /// 了 (built in): [`self_assessment`] looks for a verb before it only
    /// in a clause with one.
    Le,
}

const CATS: usize = Cat::Le as usize + 1;

impl Cat {
    fn named(s: &str) -> Option<Cat> {
        Some(match s {
            "verb" => Cat::Verb,
            "light" => Cat::Light,
            "verb_not" => Cat::VerbNot,
            "modality" => Cat::Modality,
            "modality_not" => Cat::ModalityNot,
            "adverb" => Cat::Adverb,
            "project_noun" => Cat::ProjectNoun,
            "construct" => Cat::Construct,
            "event_noun" => Cat::EventNoun,
            "aspiration_noun" => Cat::AspirationNoun,
            "guarantee_cue" => Cat::GuaranteeCue,
            "fiscal_cue" => Cat::FiscalCue,
            "plan_cue" => Cat::PlanCue,
            "plan_lead" => Cat::PlanLead,
            "self_assessment" => Cat::SelfAssessment,
            "done_end" => Cat::DoneEnd,
            "explain" => Cat::Explain,
            "framing" => Cat::Framing,
            "not_start" => Cat::NotStart,
            "past" => Cat::Past,
            _ => return None,
        })
    }

    const fn bit(self) -> u32 {
        1 << self as u32
    }
}

/// A word of the vocabulary: its categories and the values of its verb and
/// modality entries (the first row of a category wins).
#[derive(Debug)]
struct Word {
    text: Box<str>,
    cats: u32,
    verb: Option<VerbInfo>,
    modality: Option<Modality>,
}

/// All categories merged into one dictionary, so that one pass over a text
/// finds every word of every category ([`Lexed`]).
struct Vocab {
    words: Vec<Word>,
    /// The words as [`Cand`]s, grouped by first character, longest first in
    /// a group.
    cands: Vec<Cand>,
    /// The candidates of each first character (index 0 unused).
    groups: Vec<Group>,
    /// Index into `groups` of each character of the Basic Multilingual Plane
    /// (0: no word starts with it).
    slot: Box<[u16; 0x10000]>,
    /// Index into `groups` of the other first characters.
    by_first: CharMap<u16>,
    /// Index into `groups` of 年 (it starts date words): [`Lexed::lex`]
    /// reads the years at its group.
    nian: u16,
    /// Length in bytes of the longest word of each category.
    max_len: [usize; CATS],
    /// Matched on section titles, not on the body text.
    task_title: WordMap<()>,
    /// Word indices of [`DATE_WORDS`] and then [`MONTH_END`].
    date_ids: [u32; DATE_WORDS.len() + 1],
    /// Word indices of [`SPAN_WORDS`].
    span_ids: [u32; SPAN_WORDS.len()],
}

impl Vocab {
    fn add(&mut self, index: &mut FastMap<&'static str, u32>, cat: Cat, word: &'static str) -> &mut Word {
        let k = *index.entry(word).or_insert_with(|| {
            self.words.push(Word { text: word.into(), cats: 0, verb: None, modality: None });
            (self.words.len() - 1) as u32
        });
        let w = &mut self.words[k as usize];
        w.cats |= cat.bit();
        w
    }
}

/// The [`Cand`]s of one first character: `cands[from..single]` are the
/// longer words, `cands[single..to]` the word of that character alone.
#[derive(Debug, Clone, Copy)]
struct Group {
    from: u32,
    single: u32,
    to: u32,
    /// One bit ([`second_bit`]) per second character of the longer words, so
    /// that a position whose next character starts none of them skips them
    /// (all bits: a second character not of three bytes).
    seconds: u64,
}

/// The bit of [`Group::seconds`] of the three bytes after a first character
/// (the low three bytes of `next4`).
fn second_bit(next4: u32) -> u64 {
    1 << ((next4 & 0x00FF_FFFF).wrapping_mul(0x9E37_79B1) >> 26)
}

/// A word as [`Lexed::new`] matches it: the (up to) four bytes after its
/// first character, packed little-endian, are compared at once.
#[derive(Debug, Clone, Copy)]
struct Cand {
    next: u32,
    mask: u32,
    cats: u32,
    word: u16,
    len: u8,
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
        let mut v = Vocab {
            words: Vec::new(),
            cands: Vec::new(),
            groups: vec![Group { from: 0, single: 0, to: 0, seconds: 0 }],
            slot: Box::new([0; 0x10000]),
            by_first: CharMap::default(),
            nian: 0,
            max_len: [0; CATS],
            task_title: WordMap::default(),
            date_ids: [u32::MAX; DATE_WORDS.len() + 1],
            span_ids: [u32::MAX; SPAN_WORDS.len()],
        };
        let mut index = FastMap::default();
        for row in rows(include_str!("../data/commitments.tsv")) {
            let (Some(&cat), Some(&word)) = (row.first(), row.get(1)) else { continue };
            if word.is_empty() {
                continue;
            }
            let value = row.get(2).copied().unwrap_or("");
            if cat == "task_title" {
                v.task_title.insert(word, ());
                continue;
            }
            let Some(c) = Cat::named(cat) else { continue };
            match c {
                Cat::Verb => {
                    let mut it = value.split_whitespace();
                    if let Some(stage) = it.next().and_then(stage_named) {
                        let flags: Vec<&str> = it.collect();
                        let info = VerbInfo { stage, binary: flags.contains(&"binary"), weak: flags.contains(&"weak") };
                        let w = v.add(&mut index, c, word);
                        w.verb = w.verb.or(Some(info));
                    }
                }
                Cat::Modality => {
                    if let Some(m) = modality_named(value) {
                        let w = v.add(&mut index, c, word);
                        w.modality = w.modality.or(Some(m));
                    }
                }
                _ => {
                    v.add(&mut index, c, word);
                }
            }
        }
        for (w, _) in DATE_WORDS {
            v.add(&mut index, Cat::Date, w);
        }
        for row in rows(include_str!("../data/targets.tsv")) {
            if let (Some(&"better"), Some(&word)) = (row.first(), row.get(1)) {
                if !word.is_empty() {
                    v.add(&mut index, Cat::Better, word);
                }
            }
        }
        for w in std::iter::once(MONTH_END).chain(SPAN_WORDS) {
            v.add(&mut index, Cat::Date, w);
        }
        v.add(&mut index, Cat::Le, "了");
        for (k, w) in DATE_WORDS.iter().map(|d| d.0).chain([MONTH_END]).enumerate() {
            v.date_ids[k] = index[w];
        }
        for (k, w) in SPAN_WORDS.iter().enumerate() {
            v.span_ids[k] = index[w];
        }
        let mut by_first: CharMap<Vec<u32>> = CharMap::default();
        let mut firsts = Vec::new();
        for (k, w) in v.words.iter().enumerate() {
            let Some(first) = w.text.chars().next() else { continue };
            let list = by_first.entry(first).or_default();
            if list.is_empty() {
                firsts.push(first);
            }
            list.push(k as u32);
            let mut cats = w.cats;
            while cats != 0 {
                let c = cats.trailing_zeros() as usize;
                v.max_len[c] = v.max_len[c].max(w.text.len());
                cats &= cats - 1;
            }
        }
        for first in firsts {
            let list = by_first.get_mut(&first).expect("listed");
            list.sort_by_key(|&k| std::cmp::Reverse(v.words[k as usize].text.len()));
            let from = v.cands.len() as u32;
            let mut single = None;
            let mut seconds = 0u64;
            for &k in list.iter() {
                let w = &v.words[k as usize];
                let rest = &w.text.as_bytes()[first.len_utf8()..];
                if rest.is_empty() {
                    single.get_or_insert(v.cands.len() as u32);
                } else if rest.len() >= 3 && (0xE0..0xF0).contains(&rest[0]) {
                    seconds |= second_bit(u32::from_le_bytes([rest[0], rest[1], rest[2], 0]));
                } else {
                    seconds = u64::MAX;
                }
                let (mut next, mut mask) = (0u32, 0u32);
                for (i, &b) in rest.iter().take(4).enumerate() {
                    next |= u32::from(b) << (8 * i);
                    mask |= 0xFF << (8 * i);
                }
                // (our own data: a test parses with it)
                let word = u16::try_from(k).expect("fewer words than 65536");
                let len = u8::try_from(w.text.len()).expect("words shorter than 256 bytes");
                v.cands.push(Cand { next, mask, cats: w.cats, word, len });
            }
            let to = v.cands.len() as u32;
            v.groups.push(Group { from, single: single.unwrap_or(to), to, seconds });
            let g = u16::try_from(v.groups.len() - 1).expect("fewer first characters than 65536");
            match usize::try_from(u32::from(first)) {
                Ok(u) if u < 0x10000 => v.slot[u] = g,
                _ => {
                    v.by_first.insert(first, g);
                }
            }
        }
        v.nian = v.slot['年' as usize];
        assert!(v.nian != 0, "年 starts the built-in date words");
        v
    })
}

/// This year's date words of [`deadline_of`], looked for in this order, with
/// their month.
const DATE_WORDS: [(&str, u32); 5] = [("年底前", 12), ("年底", 12), ("年末", 12), ("上半年", 6), ("年内", 12)];
const MONTH_END: &str = "月底前";
/// The words after a number of years that make a relative deadline ("五年内").
const SPAN_WORDS: [&str; 4] = ["年内", "年攻坚", "年行动", "年之内"];

/// A vocabulary word found in the text: `t[pos..end()]` is `words[word]`.
/// (16 bytes on 64-bit targets: a report has a hit every few characters, and the tables of
/// hits are most of this stage's memory.)
#[derive(Debug, Clone, Copy)]
struct Hit {
    pos: usize,
    /// The word's categories.
    cats: u32,
    word: u16,
    /// Length in bytes.
    len: u8,
}

impl Hit {
    fn word(&self) -> &'static Word {
        &vocab().words[usize::from(self.word)]
    }

    fn is(&self, cat: Cat) -> bool {
        self.cats & cat.bit() != 0
    }

    fn len(&self) -> usize {
        usize::from(self.len)
    }

    fn end(&self) -> usize {
        self.pos + self.len()
    }
}

/// Where the entries of a list sorted by position start, per block of the
/// text: a lookup is one table read and a short walk over the block instead
/// of a binary search (the queries run several times per clause).
#[derive(Debug, Default)]
struct PosIndex {
    /// Bytes per block, as a shift: at least the mean gap between entries,
    /// so a block holds about one or two and the table is no longer than
    /// the list.
    shift: u32,
    /// Index of the first entry at or after the start of each block; the
    /// last one (the list's length) stands for every block after it.
    first: Vec<u32>,
}

impl PosIndex {
    /// The index of `list`, sorted by position (`pos`).
    fn new<T>(list: &[T], pos: impl Fn(&T) -> usize) -> Self {
        let n = list.len();
        let last = list.last().map_or(0, &pos);
        let gap = (last / n.max(1)).max(16);
        let shift = usize::BITS - gap.leading_zeros();
        let mut first = Vec::with_capacity((last >> shift) + 2);
        for (k, x) in list.iter().enumerate() {
            let block = pos(x) >> shift;
            while first.len() <= block {
                first.push(k as u32);
            }
        }
        first.push(n as u32);
        PosIndex { shift, first }
    }

    /// Index of the first entry of `list` (what the index was built from)
    /// whose position (`pos`) is at or after `p`: `partition_point(|x| pos(x) < p)`.
    fn first_from<T>(&self, list: &[T], pos: impl Fn(&T) -> usize, p: usize) -> usize {
        let block = (p >> self.shift).min(self.first.len() - 1);
        let mut k = self.first[block] as usize;
        while list.get(k).is_some_and(|x| pos(x) < p) {
            k += 1;
        }
        k
    }
}

/// Hits sorted by position with their [`PosIndex`].
#[derive(Debug, Default)]
struct HitList {
    hits: Vec<Hit>,
    index: PosIndex,
}

impl HitList {
    fn new(hits: Vec<Hit>) -> Self {
        let index = PosIndex::new(&hits, |h| h.pos);
        HitList { hits, index }
    }

    /// The hits starting at or after `p`.
    fn from(&self, p: usize) -> &[Hit] {
        &self.hits[self.index.first_from(&self.hits, |h| h.pos, p)..]
    }
}

/// Some of the hits of a [`Lexed`] text: their indices into its `hits`
/// (4 bytes each instead of a copy's 16), with a [`PosIndex`].
#[derive(Debug, Default)]
struct HitIds {
    ids: Vec<u32>,
    index: PosIndex,
}

impl HitIds {
    fn new(ids: Vec<u32>, hits: &[Hit]) -> Self {
        let index = PosIndex::new(&ids, |&i| hits[i as usize].pos);
        HitIds { ids, index }
    }

    /// Index into `ids` of the first hit at or after `p`.
    fn first_from(&self, hits: &[Hit], p: usize) -> usize {
        self.index.first_from(&self.ids, |&i| hits[i as usize].pos, p)
    }
}

/// A text with every vocabulary word found in it (all words at each position,
/// longest first) and its years, found once; the queries below answer what a
/// [`WordMap`] lookup on the text would, by a lookup in a [`PosIndex`].
struct Lexed<'t> {
    t: &'t str,
    /// Sorted by position, longest first at a position.
    hits: HitList,
    /// The words of [`FIND`] and the years.
    dated: Dated<'t>,
    /// The words [`scan_with`] looks at.
    scan_hits: HitIds,
    /// The [`Step`] at each of `scan_hits` in a clause that goes on past
    /// it, worked out at the first visit (the clauses are scanned several
    /// times).
    steps: Vec<Cell<Option<PackedStep>>>,
    /// The words [`object_chars`] skips.
    skip_hits: HitIds,
    /// Positions of the quotes [`scan_with`] skips ("“《「" open, "”》」" close).
    quotes: Vec<(usize, bool)>,
    /// Positions of the brackets, quotes, commas and colons, what
    /// [`split_clauses_into`] reads ([`Lexed::clauses_into`]; `u32`: none
    /// for a text longer than that).
    marks: Vec<u32>,
    quote_index: PosIndex,
}

/// The part of a [`Lexed`] text that outlives its other tables (it is small):
/// the words of the categories looked for inside a stretch and the years,
/// what [`deadline_in`] reads.
struct Dated<'t> {
    t: &'t str,
    /// The hits of the words of each category of [`FIND`] (copies: one
    /// lookup over contiguous positions; empty for the others, none after
    /// the last of them: [`FIND_CATS`] lists).
    by_cat: Vec<HitList>,
    /// [`years_in`] of the whole text.
    years: Vec<(i32, usize, usize)>,
    /// By start.
    year_index: PosIndex,
}

/// The categories [`scan_with`] looks at.
const SCAN: u32 = 1 << Cat::Verb as u32
    | 1 << Cat::Light as u32
    | 1 << Cat::VerbNot as u32
    | 1 << Cat::Modality as u32
    | 1 << Cat::ModalityNot as u32;

/// The categories looked for inside a stretch ([`Dated::find_in`]): the
/// only ones with a list of their own in [`Dated::by_cat`] (the frequent
/// verbs, modality words and adverbs are read through `scan_hits` and
/// `skip_hits`).
const FIND: u32 = Cat::SelfAssessment.bit()
    | Cat::Past.bit()
    | Cat::PlanLead.bit()
    | Cat::PlanCue.bit()
    | Cat::Framing.bit()
    | Cat::Explain.bit()
    | Cat::Better.bit()
    | Cat::ProjectNoun.bit()
    | Cat::Construct.bit()
    | Cat::EventNoun.bit()
    | Cat::AspirationNoun.bit()
    | Cat::FiscalCue.bit()
    | Cat::GuaranteeCue.bit()
    | Cat::Date.bit();

/// The number of categories up to the last of [`FIND`]: the lists of
/// [`Dated::by_cat`].
const FIND_CATS: usize = (u32::BITS - FIND.leading_zeros()) as usize;

/// The categories [`object_chars`] skips.
const SKIP: u32 = 1 << Cat::Verb as u32 | 1 << Cat::Light as u32 | 1 << Cat::Modality as u32 | 1 << Cat::Adverb as u32;

/// `true` for a character counted by [`object_chars`]: Han, not a numeral,
/// 年 or 月.
fn object_char(c: char) -> bool {
    c != '年' && c != '月' && is_han(c) && crate::numerals::digit(c).is_none() && c != '十'
}

impl<'t> Lexed<'t> {
    /// Lexes the parts of `t` that the queries look at: `spans`, sorted by
    /// start (each widened to the front by the longest word, so that the hits
    /// and years overlapping a span are those of the whole text).
    fn new(t: &'t str, spans: &[(usize, usize)]) -> Self {
        let v = vocab();
        let margin = v.max_len.iter().copied().max().unwrap_or(0);
        let mut ranges: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
        for &(s, e) in spans {
            let (s, e) = (floor(t, s.saturating_sub(margin)), floor(t, e));
            match ranges.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ if e > s => ranges.push((s, e)),
                _ => {}
            }
        }
        let covered: usize = ranges.iter().map(|r| r.1 - r.0).sum();
        // (about one hit every few characters)
        let mut hits = Vec::with_capacity(covered / 8);
        let mut quotes = Vec::new();
        let mut marks = Vec::new();
        let mut years = Vec::new();
        for &(rs, re) in &ranges {
            Self::lex(v, t, (rs, re), &mut hits, &mut quotes, &mut marks, &mut years);
        }
        if u32::try_from(t.len()).is_err() {
            marks = Vec::new();
        }
        marks.shrink_to_fit();
        // (the guess above is often twice too many: the hits live to the end of the stage)
        hits.shrink_to_fit();
        // (and the years live while the commitments are built)
        years.shrink_to_fit();
        let mut lx = Self::finish(t, hits, quotes, years);
        lx.marks = marks;
        lx
    }

    /// Finds the words starting in `t[rs..re]`, the quotes and the marks
    /// ([`Lexed::marks`]) there and the years ([`targets::year_at`] at each 年, whose
    /// group is [`Vocab::nian`]).
    #[inline(never)]
    fn lex(
        v: &Vocab,
        t: &str,
        (rs, re): (usize, usize),
        hits: &mut Vec<Hit>,
        quotes: &mut Vec<(usize, bool)>,
        marks: &mut Vec<u32>,
        years: &mut Vec<(i32, usize, usize)>,
    ) {
        let bytes = t.as_bytes();
        let n = bytes.len();
        let slot: &[u16; 0x10000] = &v.slot;
        let mut pos = rs;
        while pos < re {
            // (a run of Han characters, of three bytes led by 0xE4..=0xE9 and
            // no quote, that start no word: a tight loop; most characters are)
            let mut rest = &bytes[pos..re];
            let mut g = 0;
            while let [b0 @ 0xE4..=0xE9, b1, b2, ref tail @ ..] = *rest {
                let u = (u32::from(b0) & 0x0F) << 12 | (u32::from(b1) & 0x3F) << 6 | (u32::from(b2) & 0x3F);
                g = slot[u as usize];
                if g != 0 {
                    break;
                }
                rest = tail;
            }
            pos = re - rest.len();
            let cl = if g != 0 {
                3
            } else {
                // (decoded here: the other characters)
                let (g2, cl) = match *rest {
                    [] => break,
                    [b0 @ 0xE0..=0xEF, b1, b2, ..] => {
                        let u = (u32::from(b0) & 0x0F) << 12 | (u32::from(b1) & 0x3F) << 6 | (u32::from(b2) & 0x3F);
                        if b0 == 0xE2 || b0 == 0xE3 || b0 == 0xEF {
                            let mark = match u {
                                // “ 《 「
                                0x201C | 0x300A | 0x300C => {
                                    quotes.push((pos, true));
                                    true
                                }
                                // ” 》 」
                                0x201D | 0x300B | 0x300D => {
                                    quotes.push((pos, false));
                                    true
                                }
                                // 【 『 ‘ 】 』 ’ ， ：
                                0x3010 | 0x300E | 0x2018 | 0x3011 | 0x300F | 0x2019 | 0xFF0C | 0xFF1A => true,
                                _ => false,
                            };
                            if let (true, Ok(p)) = (mark, u32::try_from(pos)) {
                                marks.push(p);
                            }
                        }
                        (slot[u as usize], 3)
                    }
                    [b0, ..] if b0 < 0x80 => {
                        if let (b'(' | b')' | b'"' | b',' | b':', Ok(p)) = (b0, u32::try_from(pos)) {
                            marks.push(p);
                        }
                        (slot[usize::from(b0)], 1)
                    }
                    _ => {
                        let Some(c) = t[pos..].chars().next() else { break };
                        let g = match usize::try_from(u32::from(c)) {
                            Ok(u) if u < 0x10000 => slot[u],
                            _ => v.by_first.get(&c).copied().unwrap_or(0),
                        };
                        (g, c.len_utf8())
                    }
                };
                if g2 == 0 {
                    pos += cl;
                    continue;
                }
                g = g2;
                cl
            };
            let after = pos + cl;
            if g == v.nian {
                years.extend(targets::year_at(t, rs, pos));
            }
            let gr = v.groups[usize::from(g)];
            let next4 = match bytes[after..] {
                [x0, x1, x2, x3, ..] => u32::from_le_bytes([x0, x1, x2, x3]),
                ref rest => rest.iter().rev().fold(0, |acc, &x| acc << 8 | u32::from(x)),
            };
            // (no longer word when the next character starts none of them)
            let a = if gr.seconds & second_bit(next4) != 0 { gr.from } else { gr.single };
            for c in &v.cands[a as usize..gr.to as usize] {
                let len = c.len as usize;
                if next4 & c.mask != c.next || len > n - pos {
                    continue;
                }
                // (the first five bytes or fewer are equal: no memcmp call for short words)
                if len > cl + 4 && bytes[after + 4..pos + len] != v.words[c.word as usize].text.as_bytes()[cl + 4..] {
                    continue;
                }
                hits.push(Hit { pos, len: c.len, word: c.word, cats: c.cats });
            }
            pos = after;
        }
    }

    fn finish(t: &'t str, hits: Vec<Hit>, quotes: Vec<(usize, bool)>, years: Vec<(i32, usize, usize)>) -> Self {
        let mut counts = [0usize; CATS];
        let (mut n_scan, mut n_skip) = (0, 0);
        for h in &hits {
            let mut rest = h.cats & FIND;
            while rest != 0 {
                counts[rest.trailing_zeros() as usize] += 1;
                rest &= rest - 1;
            }
            n_scan += usize::from(h.cats & SCAN != 0);
            n_skip += usize::from(h.cats & SKIP != 0);
        }
        // (a list for each category up to the last of `FIND`)
        let mut by_cat: Vec<Vec<Hit>> = counts[..FIND_CATS].iter().map(|&n| Vec::with_capacity(n)).collect();
        let (mut scan_hits, mut skip_hits) = (Vec::with_capacity(n_scan), Vec::with_capacity(n_skip));
        for (k, h) in hits.iter().enumerate() {
            let cats = h.cats;
            let mut rest = cats & FIND;
            while rest != 0 {
                by_cat[rest.trailing_zeros() as usize].push(*h);
                rest &= rest - 1;
            }
            if cats & SCAN != 0 {
                scan_hits.push(k as u32);
            }
            if cats & SKIP != 0 {
                skip_hits.push(k as u32);
            }
        }
        Lexed {
            t,
            steps: vec![Cell::new(None); scan_hits.len()],
            scan_hits: HitIds::new(scan_hits, &hits),
            skip_hits: HitIds::new(skip_hits, &hits),
            hits: HitList::new(hits),
            dated: Dated {
                t,
                by_cat: by_cat.into_iter().map(HitList::new).collect(),
                year_index: PosIndex::new(&years, |y| y.1),
                years,
            },
            quote_index: PosIndex::new(&quotes, |x| x.0),
            quotes,
            marks: Vec::new(),
        }
    }

    /// Number of object characters ([`object_char`]) starting in
    /// `t[from..to]`, counted up to `limit`.
    fn object_chars_in(&self, from: usize, mut to: usize, limit: usize) -> usize {
        while !self.t.is_char_boundary(to) {
            to += 1;
        }
        self.t[from..to].chars().filter(|&c| object_char(c)).take(limit).count()
    }

    /// The longest word of `cat` starting at `pos` (`WordMap::longest_at`).
    fn longest_at(&self, cat: Cat, pos: usize) -> Option<Hit> {
        self.hits.from(pos).iter().take_while(|h| h.pos == pos).find(|h| h.is(cat)).copied()
    }

    /// The longest word of `cat` ending at `end` (`WordMap::longest_ending`).
    fn longest_ending(&self, cat: Cat, end: usize) -> Option<Hit> {
        if !self.t.is_char_boundary(end) {
            return None;
        }
        let from = end.saturating_sub(vocab().max_len[cat as usize]);
        self.hits.from(from).iter().take_while(|h| h.pos < end).find(|h| h.end() == end && h.is(cat)).copied()
    }

    /// [`Lexed::longest_ending`] of each of `cats` (one search).
    fn longest_endings<const N: usize>(&self, cats: [Cat; N], end: usize) -> [Option<Hit>; N] {
        let mut out = [None; N];
        if !self.t.is_char_boundary(end) {
            return out;
        }
        let max_len = cats.iter().map(|&c| vocab().max_len[c as usize]).max().unwrap_or(0);
        for h in
            self.hits.from(end.saturating_sub(max_len)).iter().take_while(|h| h.pos < end).filter(|h| h.end() == end)
        {
            for (o, &cat) in out.iter_mut().zip(&cats) {
                if o.is_none() && h.is(cat) {
                    *o = Some(*h);
                }
            }
        }
        out
    }

    /// The categories of the words inside `t[from..to]`, one bit each (as
    /// [`Word::cats`]): for a category of [`FIND`], its bit is
    /// [`Dated::has`], for several categories at the cost of one query.
    fn cats_in(&self, from: usize, to: usize) -> u32 {
        let to = to.min(self.t.len());
        if !self.t.is_char_boundary(to) {
            return 0;
        }
        self.hits.from(from).iter().take_while(|h| h.pos < to).filter(|h| h.end() <= to).fold(0, |m, h| m | h.cats)
    }
}

impl Dated<'_> {
    /// The first (leftmost, then longest) word of `cat` inside
    /// `t[from..to]` (`WordMap::find_in`).
    fn find_in(&self, cat: Cat, from: usize, to: usize) -> Option<Hit> {
        debug_assert!(FIND & cat.bit() != 0, "{cat:?} has no list of its own");
        let to = to.min(self.t.len());
        if !self.t.is_char_boundary(to) {
            return None;
        }
        self.by_cat[cat as usize].from(from).iter().take_while(|h| h.pos < to).find(|h| h.end() <= to).copied()
    }

    fn has(&self, cat: Cat, from: usize, to: usize) -> bool {
        self.find_in(cat, from, to).is_some()
    }

    /// The built-in date words inside `t[from..to]`.
    fn dates_in(&self, from: usize, to: usize) -> impl Iterator<Item = Hit> + '_ {
        self.by_cat[Cat::Date as usize]
            .from(from)
            .iter()
            .copied()
            .take_while(move |h| h.pos < to)
            .filter(move |h| h.end() <= to)
    }

    /// [`years_in`] of `t[from..to]`: the years of the whole text that lie
    /// inside.
    fn years_in(&self, from: usize, to: usize) -> Years<'_> {
        if from <= to && self.t.is_char_boundary(from) && self.t.is_char_boundary(to) {
            let k = self.year_index.first_from(&self.years, |y| y.1, from);
            Years::Found(self.years[k..].iter(), to)
        } else {
            Years::Slow(years_in(self.t, from, to).into_iter())
        }
    }
}

/// The years of [`Dated::years_in`].
enum Years<'a> {
    /// Those of the whole text from the first starting in the stretch, up
    /// to the first that ends after its end (the second field).
    Found(std::slice::Iter<'a, (i32, usize, usize)>, usize),
    /// Those of a stretch not on character boundaries, found again.
    Slow(std::vec::IntoIter<(i32, usize, usize)>),
}

impl Iterator for Years<'_> {
    type Item = (i32, usize, usize);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Years::Found(it, to) => {
                let y = *it.next()?;
                if y.2 <= *to {
                    Some(y)
                } else {
                    *it = [].iter();
                    None
                }
            }
            Years::Slow(it) => it.next(),
        }
    }
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

/// Whether [`scan_with`] finds a verb, and (when it finds none) whether it finds
/// a modality cue; with `either`, stops at the first of both (no allocation).
fn scan_summary(lx: &Lexed<'_>, s: usize, e: usize, either: bool) -> (bool, bool) {
    let mut verb = false;
    let modality = scan_with(lx, s, e, either, |_| {
        verb = true;
        false
    });
    (verb, modality.is_some())
}

/// [`scan_with`] calling `on_verb` for each verb until it returns `false`;
/// returns the modality found (with `stop_on_modality`, stops at the first).
/// It goes from one word or quote of the text to the next (outside quotes, a
/// character that starts no word is skipped at once).
fn scan_with(
    lx: &Lexed<'_>,
    s: usize,
    e: usize,
    stop_on_modality: bool,
    mut on_verb: impl FnMut(VerbHit) -> bool,
) -> Option<(Modality, usize, usize)> {
    let (hits, list, quotes) = (&lx.hits.hits, &lx.scan_hits.ids, &lx.quotes);
    let pos_of = |i: u32| hits[i as usize].pos;
    let mut modality = None;
    let mut k = lx.scan_hits.first_from(hits, s);
    let mut q = lx.quote_index.first_from(quotes, |x| x.0, s);
    let mut pos = s;
    let mut quoted: i32 = 0;
    let go_on = Cell::new(true);
    let mut on_verb = |h| go_on.set(on_verb(h));
    loop {
        while list.get(k).is_some_and(|&i| pos_of(i) < pos) {
            k += 1;
        }
        while quotes.get(q).is_some_and(|x| x.0 < pos) {
            q += 1;
        }
        let word_at = list.get(k).map_or(usize::MAX, |&i| pos_of(i));
        let quote_at = quotes.get(q).map_or(usize::MAX, |x| x.0);
        if quote_at <= word_at {
            if quote_at >= e {
                break;
            }
            quoted = if quotes[q].1 { quoted + 1 } else { (quoted - 1).max(0) };
            pos = quote_at + 1;
            continue;
        }
        if word_at >= e {
            break;
        }
        pos = word_at + 1;
        if quoted > 0 {
            continue;
        }
        // (the step of an earlier visit, unless the clause ends too early for it)
        let at = || {
            let i = list[k] as usize;
            let n = hits[i..].iter().take_while(|h| h.pos == word_at).count();
            &hits[i..i + n]
        };
        let open = lx.steps[k].get().map_or_else(
            || {
                let step = step_at(lx, at(), usize::MAX);
                lx.steps[k].set(PackedStep::pack(&step, word_at));
                step
            },
            |p| p.unpack(word_at),
        );
        let step = if open.reach <= e { open } else { step_at(lx, at(), e) };
        if let Some(m) = step.modality {
            if modality.is_none_or(|(old, _, _)| modality_rank(m.0) > modality_rank(old)) {
                modality = Some(m);
            }
        }
        if let Some(v) = step.verb {
            on_verb(v);
        }
        if let Some(next) = step.next {
            pos = next;
        }
        if !go_on.get() || (stop_on_modality && modality.is_some()) {
            break;
        }
    }
    modality
}

/// What [`scan_with`] does at a position where words start.
#[derive(Debug, Clone, Copy)]
struct Step {
    /// The modality word there.
    modality: Option<(Modality, usize, usize)>,
    verb: Option<VerbHit>,
    /// Where to go on after a verb or a non-word (`None`: one character on).
    next: Option<usize>,
    /// The furthest end of what the step looked at: it holds for every
    /// clause ending at or after it ([`Lexed::steps`]).
    reach: usize,
}

/// A [`Step`] as [`Lexed::steps`] keeps it: its positions as distances from
/// the position of its words (12 bytes instead of 72; the modality word and
/// the verb start there).
#[derive(Debug, Clone, Copy)]
struct PackedStep {
    modality: Option<Modality>,
    verb: Option<Option<VerbInfo>>,
    modality_end: u16,
    verb_end: u16,
    /// `u16::MAX`: none.
    next: u16,
    reach: u16,
}

// (the tables hold one per word found: keep them small)
const _: () = assert!(size_of::<Hit>() <= 16 && size_of::<Option<PackedStep>>() <= 16);

impl PackedStep {
    /// `step` at `pos`; `None` when it does not fit (then it is not kept).
    fn pack(step: &Step, pos: usize) -> Option<PackedStep> {
        let delta = |p: usize| p.checked_sub(pos).and_then(|d| u16::try_from(d).ok()).filter(|&d| d < u16::MAX);
        let (modality, modality_end) = match step.modality {
            Some((m, s, e)) if s == pos => (Some(m), delta(e)?),
            Some(_) => return None,
            None => (None, 0),
        };
        let (verb, verb_end) = match step.verb {
            Some(v) if v.start == pos => (Some(v.info), delta(v.end)?),
            Some(_) => return None,
            None => (None, 0),
        };
        let next = match step.next {
            Some(n) => delta(n)?,
            None => u16::MAX,
        };
        Some(PackedStep { modality, verb, modality_end, verb_end, next, reach: delta(step.reach)? })
    }

    /// The step this was packed from at `pos`.
    fn unpack(self, pos: usize) -> Step {
        let at = |d: u16| pos + usize::from(d);
        Step {
            modality: self.modality.map(|m| (m, pos, at(self.modality_end))),
            verb: self.verb.map(|info| VerbHit { start: pos, end: at(self.verb_end), info }),
            next: (self.next != u16::MAX).then(|| at(self.next)),
            reach: at(self.reach),
        }
    }
}

/// The [`Step`] at a position where the words `at` start, in a clause
/// ending at `e`.
fn step_at(lx: &Lexed<'_>, at: &[Hit], e: usize) -> Step {
    let reach = at.iter().map(|h| h.end()).max().unwrap_or(0);
    let mut step = Step { modality: None, verb: None, next: None, reach };
    // the longest word of a category, when it fits in the clause
    let longest = |cat: Cat| at.iter().find(|h| h.is(cat)).filter(|h| h.end() <= e);
    if let Some(h) = longest(Cat::ModalityNot) {
        step.next = Some(h.end());
        return step;
    }
    if let Some(h) = longest(Cat::Modality) {
        step.modality = h.word().modality.map(|m| (m, h.pos, h.end()));
    }
    if let Some(h) = longest(Cat::VerbNot) {
        step.next = Some(h.end());
        return step;
    }
    let (pos, len, info) = match (longest(Cat::Verb), longest(Cat::Light)) {
        (Some(w), Some(lw)) if lw.len() > w.len() => (lw.pos, lw.len(), None),
        (Some(w), _) => (w.pos, w.len(), w.word().verb),
        (None, Some(lw)) => (lw.pos, lw.len(), None),
        (None, None) => return step,
    };
    let mut end = pos + len;
    // "引进和培养": a second verb joined by 和/及/与/、/并 is part of the verb
    // (all five have three bytes: compared as arrays)
    let next = lx.t.as_bytes().get(end..end + 3).filter(|_| end + 3 <= e).map(|x| [x[0], x[1], x[2]]);
    if next.is_some_and(|x| JOINERS.contains(&x)) {
        let after = end + 3;
        let w2 = lx.longest_at(Cat::Verb, after);
        step.reach = step.reach.max(w2.map_or(after, |w2| w2.end().max(after)));
        if let Some(w2) = w2.filter(|w2| w2.end() <= e) {
            if lx.longest_at(Cat::VerbNot, after).is_none() {
                end = w2.end();
            }
        }
    }
    step.verb = Some(VerbHit { start: pos, end, info });
    step.next = Some(end);
    step
}

/// The UTF-8 bytes of the characters joining two verbs ("引进和培养").
const JOINERS: [[u8; 3]; 5] = [utf8_3("和"), utf8_3("及"), utf8_3("与"), utf8_3("、"), utf8_3("并")];

/// The bytes of a character of three bytes.
const fn utf8_3(c: &str) -> [u8; 3] {
    let b = c.as_bytes();
    assert!(b.len() == 3);
    [b[0], b[1], b[2]]
}

/// The chosen action verb: the most advanced stage, first on a tie.
fn chosen_verb(verbs: &[VerbHit]) -> Option<VerbHit> {
    let first =
        *verbs.iter().find(|h| h.info.is_some_and(|i| !i.weak)).or_else(|| verbs.iter().find(|h| h.info.is_some()))?;
    let mut best = first;
    for h in verbs.iter().filter(|h| h.start > first.start) {
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

/// Whether `t[s..e]` has two Han characters or more outside verbs, modality
/// words, adverbs and time words, quantities (sorted `(start, end, _)`) and
/// years: an object of its own.
fn has_object(lx: &Lexed<'_>, s: usize, e: usize, quantities: &[(usize, usize, usize)]) -> bool {
    object_chars(lx, s, e, quantities, 2) >= 2
}

/// Number of Han characters of `t[s..e]` outside verbs, modality words,
/// adverbs and time words, quantities (sorted `(start, end, _)`) and years:
/// the clause's own object; counted up to `limit`.
fn object_chars(lx: &Lexed<'_>, s: usize, e: usize, quantities: &[(usize, usize, usize)], limit: usize) -> usize {
    let (t, hits, list) = (lx.t, &lx.hits.hits, &lx.skip_hits.ids);
    let hit = |i: u32| &hits[i as usize];
    let mut n = 0;
    let mut pos = s;
    let mut k = lx.skip_hits.first_from(hits, s);
    while pos < e {
        if let Some(&(_, qe, _)) = quantities.iter().find(|q| q.0 <= pos && pos < q.1) {
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
        while list.get(k).is_some_and(|&i| hit(i).pos < pos) {
            k += 1;
        }
        // up to the next word to skip or quantity: count at once
        let word_at = list.get(k).map_or(usize::MAX, |&i| hit(i).pos);
        let quantity_at = quantities.iter().map(|q| q.0).filter(|&x| x > pos).min().unwrap_or(usize::MAX);
        let next = word_at.min(quantity_at).min(e);
        if next > pos {
            n += lx.object_chars_in(pos, next, limit - n);
            if n >= limit {
                return n;
            }
            pos = next;
            continue;
        }
        // the longest verb, light verb, modality word or adverb here
        let skip = hit(list[k]).len();
        if pos + skip <= e {
            pos += skip;
            continue;
        }
        let Some(c) = t[pos..].chars().next() else { break };
        n += usize::from(object_char(c));
        if n >= limit {
            return n;
        }
        pos += c.len_utf8();
    }
    n
}

/// Trims `t[s..e]`: spaces, list markers (一是, ——, 1., (1), ①), and trailing punctuation.
fn trim_clause(t: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    let b = t.as_bytes();
    loop {
        let before = s;
        // (a Han character, led by 0xE4..=0xE9, is neither a space nor one of these)
        while s < e && !(0xE4..=0xE9).contains(&b[s]) {
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
    // (nor is a Han character at the end: its lead byte stands three bytes before)
    while e > s && !(e >= s + 3 && (0xE4..=0xE9).contains(&b[e - 3])) {
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
/// (Inlined: most texts begin with no marker's first character, told
/// without a call.)
#[inline(always)]
fn marker_len(s: &str) -> Option<usize> {
    // every marker begins with one of these
    let c = s.chars().next()?;
    if !(matches!(c, '首' | '其' | '再' | '最' | '第' | '(' | '十' | '\u{2460}'..='\u{2473}')
        || c.is_ascii_digit()
        || crate::numerals::digit(c).is_some())
    {
        return None;
    }
    marker_len_from(s, c)
}

/// [`marker_len`] of `s`, opening with `c`, one of the first characters of
/// a marker.
#[inline(never)]
fn marker_len_from(s: &str, c: char) -> Option<usize> {
    // (the words begin with 首, 其, 再, 最 or 第)
    let words: &[&str] = if matches!(c, '首' | '其' | '再' | '最' | '第') {
        &["首先", "其次", "再次", "最后", "第一", "第二", "第三", "第四", "第五"]
    } else {
        &[]
    };
    for w in words {
        if let Some(r) = s.strip_prefix(w) {
            if r.starts_with([',', '，', '是']) {
                return Some(w.len() + r.chars().next().map_or(0, char::len_utf8));
            }
        }
    }
    if ('\u{2460}'..='\u{2473}').contains(&c) {
        return Some(c.len_utf8());
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

impl Lexed<'_> {
    /// [`split_clauses_into`] of `t[s..e]`, inside the lexed parts of the
    /// text: from one mark ([`Lexed::marks`]) to the next instead of byte by
    /// byte.
    fn clauses_into(&self, s: usize, e: usize, out: &mut Vec<(usize, usize, bool)>) {
        if u32::try_from(self.t.len()).is_err() {
            return split_clauses_into(self.t, s, e, out);
        }
        out.clear();
        let mut split = ClauseSplit::new(s);
        let b = self.t.as_bytes();
        let k = self.marks.partition_point(|&m| (m as usize) < s);
        for &at in &self.marks[k..] {
            let at = at as usize;
            if at >= e {
                break;
            }
            // (the mark's character: ASCII, or three bytes)
            let u = match b[at] {
                x @ 0..=0x7F => u32::from(x),
                x => (u32::from(x) & 0x0F) << 12 | (u32::from(b[at + 1]) & 0x3F) << 6 | (u32::from(b[at + 2]) & 0x3F),
            };
            if let Some(c) = char::from_u32(u) {
                split.read(c, at, out);
            }
        }
        split.finish(e, out);
    }
}

/// A clause split in progress ([`split_clauses_into`],
/// [`Lexed::clauses_into`]): the bracket depth, whether an ASCII quote is
/// open, and where the open clause starts.
struct ClauseSplit {
    depth: i32,
    ascii_quote: bool,
    start: usize,
}

impl ClauseSplit {
    fn new(start: usize) -> Self {
        ClauseSplit { depth: 0, ascii_quote: false, start }
    }

    /// Reads the character `c` at byte `at`: a bracket or quote opens or
    /// closes, and a comma or colon outside them ends the open clause
    /// (pushed to `out`).
    #[inline(always)]
    fn read(&mut self, c: char, at: usize, out: &mut Vec<(usize, usize, bool)>) {
        match c {
            '(' | '“' | '《' | '【' | '「' | '『' | '‘' => self.depth += 1,
            ')' | '”' | '》' | '】' | '」' | '』' | '’' => self.depth = (self.depth - 1).max(0),
            '"' => self.ascii_quote = !self.ascii_quote,
            _ if self.depth == 0 && !self.ascii_quote && is_clause_end(c) => {
                out.push((self.start, at, matches!(c, ':' | '：')));
                self.start = at + c.len_utf8();
            }
            _ => {}
        }
    }

    /// Ends the split at `e`: the last clause.
    fn finish(self, e: usize, out: &mut Vec<(usize, usize, bool)>) {
        out.push((self.start, e, false));
    }
}

/// [`split_clauses_into`] into a new vector.
#[cfg(test)]
fn split_clauses(t: &str, s: usize, e: usize) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    split_clauses_into(t, s, e, &mut out);
    out
}

/// The clauses of `t[s..e]` (one sentence): split at commas and colons
/// outside brackets and quotes, into `out` (cleared first). Each is (start,
/// end, ends_with_colon). (Inside a lexed part of the text,
/// [`Lexed::clauses_into`] does the same from the marks the lexer noted.)
/// It goes byte by byte and
/// decodes only the characters that may matter (ASCII punctuation and the
/// three-byte characters led by 0xE2, 0xE3 or 0xEF; a Han character is
/// skipped at once).
fn split_clauses_into(t: &str, s: usize, e: usize, out: &mut Vec<(usize, usize, bool)>) {
    out.clear();
    let b = t.as_bytes();
    let mut split = ClauseSplit::new(s);
    let mut i = s;
    while i < e {
        let x = b[i];
        let c = match x {
            b'(' | b')' | b'"' | b',' | b':' => x as char,
            0xE2 | 0xE3 | 0xEF => match t[i..].chars().next() {
                Some(c) => c,
                None => break,
            },
            0..=0x7F => {
                i += 1;
                continue;
            }
            0xE4..=0xE9 => {
                // (a run of Han characters, skipped in a tight loop)
                i += 3;
                while i < e && (0xE4..=0xE9).contains(&b[i]) {
                    i += 3;
                }
                continue;
            }
            _ => {
                i += 1;
                while i < e && !t.is_char_boundary(i) {
                    i += 1;
                }
                continue;
            }
        };
        split.read(c, i, out);
        i += c.len_utf8();
    }
    split.finish(e, out);
}

/// A clause under construction (normalized offsets).
#[derive(Debug, Clone)]
struct Draft {
    start: usize,
    end: usize,
    /// Pieces merged into it: the range of their (start, end) in
    /// [`Scratch::arena`]; the first is the head.
    pieces: (usize, usize),
    better: bool,
    in_block: bool,
    plan: bool,
    list_item: Option<ListItemRef>,
    paragraph: Option<usize>,
    /// For a clause of one piece, as [`sentence`] found it: (a verb or a
    /// modality cue, a target) in `start..end`.
    facts: Option<(bool, bool)>,
    /// [`Lexed::cats_in`] of `start..end`, when [`sentence`] read it (for
    /// [`settle`]).
    cats: Option<u32>,
}

/// A commitment as [`settle`] reads it while the word tables live: what
/// [`finish`] cannot read without them (so that the peak never holds both
/// the tables and the [`Commitment`]s).
#[derive(Debug, Clone)]
struct Found {
    kind: CommitmentKind,
    modality: Modality,
    verifiability: Verifiability,
    /// [`Lexed::cats_in`] of the clause.
    cats: u32,
    /// The chosen verb of a known stage (normalized offsets).
    verb: Option<(usize, usize, Stage)>,
    /// Original offsets.
    object: Option<(usize, usize)>,
}

struct Ctx<'a, 'n> {
    norm: &'a Normalized<'n>,
    t: &'a str,
    /// The vocabulary words and years of `t`.
    lx: Lexed<'a>,
    indicators: &'a [Indicator],
    /// (normalized start, normalized end, id) of the indicators, sorted.
    inds: Vec<(usize, usize, usize)>,
    ind_index: PosIndex,
    /// The entries of `inds` that are targets.
    targets: Targets,
    /// The sorted starts of the indicators without a bound ([`Bound::Absent`]).
    absent: Vec<usize>,
    year: Option<i32>,
    block: Option<(usize, usize)>,
    block_year: Option<i32>,
    better: Vec<(usize, usize)>,
}

/// The target indicators of [`Ctx::targets_in`]: (normalized start,
/// normalized end, id), sorted.
struct Targets {
    inds: Vec<(usize, usize, usize)>,
    index: PosIndex,
}

impl Targets {
    /// The ids of those inside `from..to`.
    fn within(&self, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
        let a = self.index.first_from(&self.inds, |x| x.0, from);
        self.inds[a..].iter().take_while(move |x| x.0 < to).filter(move |x| x.1 <= to).map(|x| x.2)
    }
}

/// What [`finish`] reads of a [`Ctx`] once its word tables are freed.
struct Kept<'t> {
    dated: Dated<'t>,
    targets: Targets,
    year: Option<i32>,
    block_year: Option<i32>,
}

impl<'a> Ctx<'a, '_> {
    /// The parts [`finish`] reads; the rest is freed.
    fn into_kept(self) -> Kept<'a> {
        Kept { dated: self.lx.dated, targets: self.targets, year: self.year, block_year: self.block_year }
    }
}

impl Ctx<'_, '_> {
    fn inds_in(&self, from: usize, to: usize) -> &[(usize, usize, usize)] {
        let a = self.ind_index.first_from(&self.inds, |x| x.0, from);
        // (a clause holds few: walked, not looked up)
        let n = self.inds[a..].iter().take_while(|x| x.0 < to).count();
        &self.inds[a..a + n]
    }

    /// Target indicators (with a value) inside `from..to`; in the targets
    /// paragraph also the stretch figures ("力争7%", status plan).
    fn targets_in(&self, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
        self.targets.within(from, to)
    }

    /// `true` for a target indicator (with a value) of [`Ctx::targets_in`].
    fn is_target(indicators: &[Indicator], restated: &[usize], k: usize) -> bool {
        let i = &indicators[k];
        let quoted = i.status == Status::Plan && restated.binary_search(&k).is_ok();
        (i.status == Status::Target || quoted) && i.bound != Bound::Absent
    }

    fn has_targets(&self, from: usize, to: usize) -> bool {
        self.targets_in(from, to).next().is_some()
    }

    /// Whether an indicator without a bound starts in `from..to`.
    fn has_absent(&self, from: usize, to: usize) -> bool {
        let k = self.absent.partition_point(|&p| p < from);
        self.absent.get(k).is_some_and(|&p| p < to)
    }

    fn in_block(&self, p: usize) -> bool {
        self.block.is_some_and(|(s, e)| p >= s && p < e)
    }
}

/// `str::contains` for a short text (a verb): compares the bytes at each
/// position instead of setting up a searcher.
fn contains(text: &str, word: &str) -> bool {
    text.as_bytes().windows(word.len()).any(|x| x == word.as_bytes())
}

/// Does the clause have anything of a pledge (a verb, a modality cue or a target)?
fn pledge_like(ctx: &Ctx<'_, '_>, s: usize, e: usize) -> bool {
    let (verb, modality) = scan_summary(&ctx.lx, s, e, true);
    verb || modality || ctx.has_targets(s, e)
}

/// `true` for a clause reporting a past result (`cats`: [`Lexed::cats_in`]
/// of the clause).
fn self_assessment(ctx: &Ctx<'_, '_>, s: usize, e: usize, cats: u32) -> bool {
    let (t, lx) = (ctx.t, &ctx.lx);
    if cats & Cat::SelfAssessment.bit() != 0 {
        return true;
    }
    // a verb with 了 ("召开了"), a past year or a past-time word
    // (no scan for a clause without 了)
    let mut done = false;
    if cats & Cat::Le.bit() != 0 {
        scan_with(lx, s, e, false, |h| {
            done = t[h.end..e].starts_with('了') && !t[h.end..e].starts_with("了解");
            !done
        });
    }
    if done {
        return true;
    }
    if let Some(r) = ctx.year {
        if lx.dated.years_in(s, e).any(|(y, ys, _)| y < r && !inside_name(t, s, ys)) {
            return true;
        }
    }
    if cats & Cat::Past.bit() != 0 {
        return true;
    }
    // (a word of `DoneEnd` ending at `e` but not inside `s..e` starts too early)
    let done_end = if cats & Cat::DoneEnd.bit() != 0 { lx.longest_ending(Cat::DoneEnd, e) } else { None };
    if let Some(w) = done_end {
        let head_end = w.pos;
        if head_end > s
            && scan_with(lx, s, head_end, true, |_| true).is_none()
            && deadline_in(&lx.dated, s, e, ctx.year, cats).is_none()
        {
            // a subject before the verb and nothing after it: "八件为民办实事全面完成"
            return has_object(lx, s, head_end, &[]);
        }
    }
    false
}

/// A deadline found in a clause: (year, month, kind, raw start, raw end) in
/// normalized offsets.
type FoundDeadline = (Option<i32>, Option<u32>, DeadlineKind, usize, usize);

/// Explicit or relative deadline words in `t[s..e]`.
#[cfg(test)]
fn deadline_of(lx: &Lexed<'_>, s: usize, e: usize, r: Option<i32>) -> Option<FoundDeadline> {
    deadline_in(&lx.dated, s, e, r, lx.cats_in(s, e))
}

/// [`deadline_of`] knowing the [`Lexed::cats_in`] of the clause (no look
/// for the plan cues or date words that it lacks).
fn deadline_in(dt: &Dated<'_>, s: usize, e: usize, r: Option<i32>, cats: u32) -> Option<FoundDeadline> {
    let t = dt.t;
    // explicit years (not comparison bases), at or after the report year
    for (y, ys, ye) in dt.years_in(s, e) {
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
    if let Some(h) = if cats & Cat::PlanCue.bit() != 0 { dt.find_in(Cat::PlanCue, s, e) } else { None } {
        return Some((plan_end(&h.word().text, r), None, DeadlineKind::Relative, h.pos, h.end()));
    }
    // (a span word right after the number, which starts at `s` at the earliest)
    let number = |c: char| crate::numerals::digit(c).is_some() || c == '十' || c == '两' || c.is_ascii_digit();
    // (one pass over the date words: the spans, and the first of each date word)
    let v = vocab();
    let mut first = [usize::MAX; DATE_WORDS.len() + 1];
    // (no date word: an empty stretch)
    let dates = if cats & Cat::Date.bit() != 0 { e } else { s };
    for h in dt.dates_in(s, dates) {
        for (k, &id) in v.date_ids.iter().enumerate() {
            if id == u32::from(h.word) && first[k] == usize::MAX {
                first[k] = h.pos;
            }
        }
        if !v.span_ids.contains(&u32::from(h.word)) {
            continue;
        }
        let len: usize = t[s..h.pos].chars().rev().take_while(|&c| number(c)).map(char::len_utf8).sum();
        let pos = h.pos - len;
        let num = &t[pos..h.pos];
        let n = if num == "两" { Some(2) } else { crate::numerals::small_int(num) };
        let before_ok = !t[..pos].ends_with(|c: char| c.is_ascii_digit());
        if let Some(n) = n.filter(|n| len > 0 && (1..=10).contains(n)).filter(|_| before_ok) {
            return Some((r.map(|r| r + n as i32 - 1), None, DeadlineKind::Relative, pos, h.end()));
        }
    }
    // this year's dates: 年底前, 上半年, 6月底前
    for (k, (w, m)) in DATE_WORDS.into_iter().enumerate() {
        if let Some(p) = Some(first[k]).filter(|&p| p != usize::MAX) {
            // not inside "2018年底" (handled above)
            if year_digit_before(t, p) {
                continue;
            }
            return Some((r, Some(m), DeadlineKind::Explicit, p, p + w.len()));
        }
    }
    if let Some(p) = Some(first[DATE_WORDS.len()]).filter(|&p| p != usize::MAX) {
        let head = &t[s..p];
        let digits: String = head.chars().rev().take_while(|c| c.is_ascii_digit()).collect();
        let digits: String = digits.chars().rev().collect();
        if let Ok(m) = digits.parse::<u32>() {
            if (1..=12).contains(&m) {
                return Some((r, Some(m), DeadlineKind::Explicit, p - digits.len(), p + MONTH_END.len()));
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
    let block_span = block.map(|b| (norm.from_original(b.start), norm.from_original(b.end)));
    // the parts of the text looked at: the livelihood items and the paragraphs read
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut drafts: Vec<Draft> = Vec::new();
    let mut scratch = Scratch::default();
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
            spans.push((s, e));
            let arena = &mut scratch.arena;
            let from = arena.len();
            split_clauses_into(t, s, e, &mut scratch.clauses);
            arena.extend(scratch.clauses.iter().map(|c| trim_clause(t, c.0, c.1)).filter(|c| c.1 > c.0));
            if arena.len() == from {
                arena.push((s, e));
            }
            drafts.push(Draft {
                start: s,
                end: e,
                pieces: (from, arena.len()),
                better: false,
                in_block: false,
                plan: false,
                list_item: Some(ListItemRef { list: l.id, ordinal: it.ordinal }),
                paragraph: targets::paragraph_of(paragraphs, it.start),
                facts: None,
                cats: None,
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
    // sentence ends (the positions of their break characters), from the
    // breaks collected while normalizing
    let sentence_ends: Vec<usize> = norm
        .pieces(is_sentence_end)
        .into_iter()
        .skip(1)
        .map(|p| p - t[..p].chars().next_back().map_or(0, char::len_utf8))
        .collect();
    // the paragraphs: (paragraph, start, end, full, outlook, read)
    let paras: Vec<(&Paragraph, usize, usize, bool, bool, bool)> = paragraphs
        .iter()
        .filter_map(|p| {
            let (ps, pe) = (norm.from_original(p.start), norm.from_original(p.end));
            let (ps, pe) = (floor(t, ps), floor(t, pe));
            if pe <= ps {
                return None;
            }
            let role = role_of(sections, p.section);
            let para_in_block = block_span.is_some_and(|(bs, be)| bs < pe && be > ps);
            let task_titled = role == Some(Role::Outlook) && task_title(sections, p.section);
            let full =
                matches!(role, Some(Role::Targets | Role::Goals | Role::Tasks | Role::SelfBuilding | Role::Livelihood))
                    || task_titled
                    || (no_task_part
                        && p.section.is_some_and(|s| top_of(sections, s) != first_top)
                        && matches!(role, None | Some(Role::Other | Role::Outlook)))
                    || (sections.is_empty() && block_span.is_some_and(|(bs, _)| ps >= bs));
            let outlook = role == Some(Role::Outlook);
            Some((p, ps, pe, full, outlook, full || outlook || para_in_block))
        })
        .collect();
    spans.extend(paras.iter().filter(|x| x.5).map(|x| (x.1, x.2)));
    spans.sort_unstable();
    // (sorted ids of indicators quoting an annual target again: status plan,
    // restatements and stretch figures, see [`crate::targets`])
    let restated: &[usize] = block.map_or(&[], |b| &b.quoted);
    let target_inds: Vec<_> = inds.iter().copied().filter(|x| Ctx::is_target(indicators, restated, x.2)).collect();
    let absent = inds.iter().filter(|x| indicators[x.2].bound == Bound::Absent).map(|x| x.0).collect();
    let ctx = Ctx {
        norm,
        t,
        lx: Lexed::new(t, &spans),
        indicators,
        ind_index: PosIndex::new(&inds, |x| x.0),
        inds,
        targets: Targets { index: PosIndex::new(&target_inds, |x| x.0), inds: target_inds },
        absent,
        year: meta.year,
        block: block_span,
        block_year: block.and_then(|b| b.year).or(meta.year),
        better: block
            .map(|b| b.better.iter().map(|s| (norm.from_original(s.start), norm.from_original(s.end))).collect())
            .unwrap_or_default(),
    };
    let mut ds: Vec<Draft> = Vec::new();
    for &(p, ps, pe, full, outlook, read) in &paras {
        let role = role_of(sections, p.section);
        // five-year goals: a lead paragraph "今后五年…目标是：" and the list after it
        let starts_item = {
            let head = t[ps..pe].trim_start();
            head.starts_with("——") || head.starts_with('—') || marker_len(head).is_some()
        };
        if plan_run && !starts_item {
            plan_run = false;
        }
        let para_plan = role == Some(Role::Goals) || plan_run;
        if !read {
            continue;
        }
        let lead = p.lead.as_ref().map(|l| (norm.from_original(l.start), norm.from_original(l.end)));
        // sentences
        let mut s = ps;
        let mut opened_plan = false;
        let k = sentence_ends.partition_point(|&x| x < ps);
        let ends = sentence_ends[k..].iter().copied().take_while(|&x| x < pe);
        for at in ends.chain(std::iter::once(pe)) {
            let (ss, se) = (s, at);
            s = if at < pe { (at + t[at..].chars().next().map_or(0, char::len_utf8)).min(pe) } else { pe };
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
            sentence(&ctx, (ss, se), sentence_in_block, full, outlook, &mut opened_plan, &mut scratch, &mut ds);
            for mut d in ds.drain(..) {
                d.paragraph = Some(p.id);
                d.plan |= para_plan && !d.in_block;
                if !overlaps(&covered, d.start, d.end) {
                    drafts.push(d);
                }
            }
        }
        if opened_plan {
            plan_run = true;
        }
    }
    drafts.sort_by_key(|d| (d.start, d.end));
    drafts.dedup_by(|b, a| b.start < a.end && b.start >= a.start);
    // (they live while the commitments are built: no spare room)
    drafts.shrink_to_fit();
    scratch.arena.shrink_to_fit();
    let (mut verbs, mut targets) = (Vec::new(), Vec::new());
    let found: Vec<Found> = drafts.iter().map(|d| settle(&ctx, d, &scratch.arena, &mut verbs, &mut targets)).collect();
    // the commitments, once the word tables are freed
    let kept = ctx.into_kept();
    drop((scratch, verbs, targets));
    let mut out: Vec<Commitment> =
        drafts.into_iter().zip(found).enumerate().map(|(id, (d, f))| finish(norm, sections, &kept, id, d, f)).collect();
    drop(kept);
    // and their clause and object texts, once the drafts are freed too
    let original = norm.original();
    for c in &mut out {
        c.text = original[c.start..c.end].to_string();
        if let Some(o) = &mut c.object {
            o.text = original[o.start..o.end].to_string();
        }
    }
    out
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

/// Buffers of [`sentence`], kept from one sentence to the next.
#[derive(Default)]
struct Scratch {
    clauses: Vec<(usize, usize, bool)>,
    pieces: Vec<(usize, usize)>,
    merged: Vec<Draft>,
    /// The pieces of all drafts ([`Draft::pieces`]).
    arena: Vec<(usize, usize)>,
}

/// The commitments of one sentence, pushed to `out`.
#[allow(clippy::too_many_arguments)]
fn sentence(
    ctx: &Ctx<'_, '_>,
    (ss, se): (usize, usize),
    in_block: bool,
    full: bool,
    outlook: bool,
    opened_plan: &mut bool,
    scratch: &mut Scratch,
    out: &mut Vec<Draft>,
) {
    let (t, lx) = (ctx.t, &ctx.lx);
    let Scratch { clauses, pieces, merged, arena } = scratch;
    let (ts, te) = trim_clause(t, ss, se);
    if te <= ts {
        return;
    }
    // outside the commitment parts and the targets block only a clause with
    // a target or (in an outlook part) a fiscal cue is kept, and only a
    // plan lead-in matters for what follows: a sentence with none of them
    // is left at once (what lies inside it lies inside `ts..se`)
    if !full && !in_block && t.is_char_boundary(se) {
        let cats = lx.cats_in(ts, se);
        if cats & Cat::PlanLead.bit() == 0
            && (!outlook || (cats & Cat::FiscalCue.bit() == 0 && !ctx.has_targets(ts, se)))
        {
            return;
        }
    }
    if lx.longest_at(Cat::NotStart, ts).is_some() && !ctx.has_targets(ts, te) {
        // "各位代表!" is its own sentence; "让我们…" is no pledge
        return;
    }
    // split before trimming: a colon at the end still marks a lead-in
    lx.clauses_into(ts, se, clauses);
    // a colon ends a lead-in: drop what stands before it (unless it holds a target)
    if let Some(k) = clauses.iter().rposition(|c| c.2) {
        let lead_text = (clauses[0].0, clauses[k].1);
        if lx.dated.has(Cat::PlanLead, lead_text.0, lead_text.1) {
            *opened_plan = true;
        }
        if lx.dated.has(Cat::Framing, lead_text.0, lead_text.1) {
            return;
        }
        let keep_from = (0..=k)
            .find(|&j| ctx.targets_in(clauses[j].0, clauses[j].1).any(|i| ctx.indicators[i].metric.id.is_some()));
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
            for c in clauses.iter_mut() {
                if c.0 < bs && (c.2 || !ctx.has_targets(bs, c.1.min(be))) {
                    c.0 = bs;
                }
                c.1 = c.1.min(be);
            }
        }
    }
    pieces.clear();
    pieces.extend(clauses.iter().map(|c| trim_clause(t, c.0, c.1)).filter(|c| c.1 > c.0));
    // (the categories of the words of all pieces: a category missing there
    // is missing in each)
    let (from, to) = pieces.iter().fold((usize::MAX, 0), |(a, b), &(s, e)| (a.min(s), b.max(e)));
    let some = if from >= to {
        0
    } else if t.is_char_boundary(to) {
        lx.cats_in(from, to)
    } else {
        u32::MAX
    };
    // an explanation sentence ("这个指标是指导性的", "考虑了…")
    if some & Cat::Explain.bit() != 0
        && pieces.iter().any(|&(s, e)| lx.dated.has(Cat::Explain, s, e))
        && !ctx.has_targets(ts, te)
    {
        return;
    }
    // a short clause without a verb opens the next ("通过五年努力,", "今年,")
    merged.clear();
    let mut carry: Option<usize> = None;
    let n = pieces.len();
    for (k, (s, e)) in pieces.drain(..).enumerate() {
        let s = carry.take().unwrap_or(s);
        let (verb, modality) = scan_summary(lx, s, e, false);
        let has_targets = ctx.has_targets(s, e);
        if k + 1 < n && !verb && !has_targets {
            let chars = t[s..e].chars().take(13).count();
            if chars <= 12 && (!modality || chars <= 6) {
                carry = Some(s);
                continue;
            }
        }
        let better = ctx.better.iter().any(|&(a, b)| a >= s && b <= e)
            || (some & Cat::Better.bit() != 0 && lx.dated.has(Cat::Better, s, e));
        let continuation = !merged.is_empty()
            && (better || ((verb || has_targets || modality) && !has_object(lx, s, e, ctx.inds_in(s, e))));
        if continuation {
            // back to the nearest earlier clause naming a project, else the previous one
            // (looked for among the last few clauses only: linear time on long sentences)
            let lookback = merged.len().saturating_sub(8);
            let project_at = merged[lookback..]
                .iter()
                .rposition(|d| {
                    let (hs, he) = arena[d.pieces.0];
                    lx.dated.has(Cat::ProjectNoun, hs, he)
                })
                .map(|k| k + lookback);
            let back = if better { merged.len() - 1 } else { project_at.unwrap_or(merged.len() - 1) };
            // (the pieces of the clauses after it and this one follow its own)
            merged.truncate(back + 1);
            let d = merged.last_mut().expect("non-empty");
            arena.push((s, e));
            d.pieces.1 = arena.len();
            d.end = e;
            d.better |= better;
            d.facts = None;
            continue;
        }
        arena.push((s, e));
        merged.push(Draft {
            start: s,
            end: e,
            pieces: (arena.len() - 1, arena.len()),
            better,
            in_block: in_block && ctx.in_block(s),
            plan: false,
            list_item: None,
            paragraph: None,
            facts: Some((verb || modality, has_targets)),
            cats: None,
        });
    }
    // "…;在实际工作中争取更好结果" standing alone after the targets raises them all
    for mut d in merged.drain(..) {
        let (s, e) = (d.start, d.end);
        if ctx.has_absent(s, e) {
            continue;
        }
        let has_targets = d.facts.map_or_else(|| ctx.has_targets(s, e), |f| f.1);
        // (only read without targets)
        let cats = if has_targets { 0 } else { lx.cats_in(s, e) };
        if !has_targets {
            d.cats = Some(cats);
        }
        if !has_targets && (self_assessment(ctx, s, e, cats) || cats & Cat::Explain.bit() != 0) {
            continue;
        }
        let keep = if d.in_block {
            true
        } else if full {
            d.facts.map_or_else(|| pledge_like(ctx, s, e), |f| f.0 || f.1)
        } else if outlook {
            has_targets || cats & Cat::FiscalCue.bit() != 0
        } else {
            false
        };
        if keep {
            out.push(d);
        }
    }
}

/// What draft `d` pledges: its action, object, targets, kind, modality,
/// and verifiability, read while the word tables live (`verbs`, `targets`:
/// buffers to reuse).
fn settle(
    ctx: &Ctx<'_, '_>,
    d: &Draft,
    arena: &[(usize, usize)],
    verbs: &mut Vec<VerbHit>,
    targets: &mut Vec<usize>,
) -> Found {
    let (t, lx) = (ctx.t, &ctx.lx);
    let norm = ctx.norm;
    let (s, e) = (d.start, d.end);
    targets.clear();
    targets.extend(ctx.targets_in(s, e));
    let targets = &targets[..];
    // facts per piece; the action is the most advanced verb of all pieces
    verbs.clear();
    let mut all = Facts { verbs: std::mem::take(verbs), modality: None };
    let mut head_object: Option<(usize, usize)> = None;
    // a livelihood item's action is that of its first clause
    let pieces = &arena[d.pieces.0..d.pieces.1];
    let pieces = if d.list_item.is_some() { &pieces[..1] } else { pieces };
    for (k, &(ps, pe)) in pieces.iter().enumerate() {
        let from = all.verbs.len();
        let modality = scan_with(lx, ps, pe, false, |h| {
            all.verbs.push(h);
            true
        });
        if k == 0 || head_object.is_none() {
            head_object = object_of(ctx, ps, pe, &all.verbs[from..], modality);
        }
        if let Some(m) = modality {
            if all.modality.is_none_or(|(old, _, _)| modality_rank(m.0) > modality_rank(old)) {
                all.modality = Some(m);
            }
        }
    }
    let verb = chosen_verb(&all.verbs);
    *verbs = std::mem::take(&mut all.verbs);
    // (the action's verb: read here, copied by [`finish`])
    let action = verb.and_then(|h| h.info.map(|i| (norm.original_slice(h.start, h.end), i.stage)));
    // object: the metric subject of the first target, else the head piece's
    let metric_object = targets.iter().find(|&&k| ctx.indicators[k].metric.id.is_some()).and_then(|&k| {
        let i = &ctx.indicators[k];
        let (ms, me) = (i.metric.start?, i.metric.end?);
        let (os, oe) = norm.to_original(s, e);
        (ms >= os && me <= oe).then_some((ms, me))
    });
    let object = metric_object.or_else(|| head_object.map(|(a, b)| norm.to_original(a, b))).filter(|(a, b)| b > a);
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
    let cats = d.cats.unwrap_or_else(|| lx.cats_in(s, e));
    let plan = d.plan || plan_clause(ctx, s, e, targets, cats);
    let has_canonical = targets.iter().any(|&k| ctx.indicators[k].metric.id.is_some());
    let stage = action.map(|a| a.1);
    // (mapped back when asked)
    let in_obj =
        |cat: Cat| object.is_some_and(|(a, b)| lx.dated.has(cat, norm.from_original(a), norm.from_original(b)));
    let kind = if d.list_item.is_some() {
        CommitmentKind::LivelihoodItem
    } else if cats & Cat::FiscalCue.bit() != 0
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
        && (action.is_some_and(|a| a.0 != "办好" && a.0 != "筹办") || in_obj(Cat::EventNoun))
    {
        CommitmentKind::Event
    } else if stage == Some(Stage::Attain)
        || modality == Modality::Aspire
        || (action.is_some_and(|a| contains(a.0, "打造") || contains(a.0, "建设")) && in_obj(Cat::AspirationNoun))
    {
        CommitmentKind::Aspiration
    } else if (matches!(stage, Some(Stage::Start | Stage::Complete | Stage::Prepare))
        || cats & Cat::Construct.bit() != 0)
        && in_obj(Cat::ProjectNoun)
    {
        CommitmentKind::Project
    } else if (modality == Modality::Guarantee
        || action.is_some_and(|a| ["防范", "防止", "杜绝", "遏制"].iter().any(|w| contains(a.0, w))))
        && cats & Cat::GuaranteeCue.bit() != 0
    {
        CommitmentKind::Guarantee
    } else {
        CommitmentKind::Policy
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
    Found {
        kind,
        modality,
        verifiability,
        cats,
        verb: verb.and_then(|h| h.info.map(|i| (h.start, h.end, i.stage))),
        object,
    }
}

/// The commitment `id` of draft `d`, as [`settle`] found it (`f`): its
/// targets and deadline are read here (its texts are copied by [`extract`]
/// once this stage's working set is freed).
fn finish(norm: &Normalized<'_>, sections: &[Section], kept: &Kept<'_>, id: usize, d: Draft, f: Found) -> Commitment {
    let (s, e) = (d.start, d.end);
    let (os, oe) = norm.to_original(s, e);
    let r = if d.in_block { kept.block_year } else { kept.year };
    let deadline = match deadline_in(&kept.dated, s, e, kept.year, f.cats) {
        Some((year, month, kind, a, b)) => {
            Some(Deadline { year, month, kind, raw: Some(norm.original_slice(a, b).to_string()) })
        }
        None => r.map(|y| Deadline {
            year: Some(if f.kind == CommitmentKind::PlanGoal { y + 4 } else { y }),
            month: None,
            kind: DeadlineKind::Implicit,
            raw: None,
        }),
    };
    Commitment {
        id,
        section: section_of(sections, os),
        paragraph: d.paragraph,
        start: os,
        end: oe,
        text: String::new(),
        kind: f.kind,
        action: f.verb.map(|(a, b, stage)| Action { verb: norm.original_slice(a, b).to_string(), stage }),
        object: f.object.map(|(a, b)| TextSpan { text: String::new(), start: a, end: b }),
        targets: kept.targets.within(s, e).collect(),
        modality: f.modality,
        deadline,
        list_item: d.list_item,
        verifiability: f.verifiability,
    }
}

/// `true` for a five-year or term goal clause (`cats`: [`Lexed::cats_in`]).
fn plan_clause(ctx: &Ctx<'_, '_>, s: usize, e: usize, targets: &[usize], cats: u32) -> bool {
    let t = ctx.t;
    if cats & Cat::PlanCue.bit() != 0 {
        return true;
    }
    if let Some(r) = ctx.year {
        if ctx.lx.dated.years_in(s, e).any(|(y, ys, _)| y >= r + 2 && ["到", "至"].iter().any(|w| t[..ys].ends_with(w)))
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
fn object_of(
    ctx: &Ctx<'_, '_>,
    s: usize,
    e: usize,
    verbs: &[VerbHit],
    modality: Option<(Modality, usize, usize)>,
) -> Option<(usize, usize)> {
    let t = ctx.t;
    let chosen = chosen_verb(verbs).or_else(|| verbs.first().copied())?;
    let others = verbs.iter().filter(|h| h.start != chosen.start).copied();
    for v in std::iter::once(chosen).chain(others) {
        if let Some(o) = after_object(ctx, v.end, e) {
            return Some(o);
        }
    }
    let prev_end = verbs
        .iter()
        .filter(|h| h.end <= chosen.start)
        .map(|h| h.end)
        .chain(modality.filter(|m| m.2 <= chosen.start).map(|m| m.2))
        .max()
        .unwrap_or(s);
    let (a, b) = strip_tail(&ctx.lx, prev_end, chosen.start);
    let (a, b) = tidy(t, a, b);
    has_object(&ctx.lx, a, b, &[]).then_some((a, b))
}

/// The words after a verb: up to the first quantity, or (when nothing stands
/// before it: "加快推进40个区级重点产业项目建设") after it.
fn after_object(ctx: &Ctx<'_, '_>, from: usize, e: usize) -> Option<(usize, usize)> {
    let (t, lx) = (ctx.t, &ctx.lx);
    let object = |a: usize, b: usize| {
        let (a, b) = strip_tail(lx, a, b);
        let (a, b) = tidy(t, a, b);
        has_object(lx, a, b, &[]).then_some((a, b))
    };
    let mut cur = from;
    for &(qs, qe, _) in ctx.inds_in(from, e) {
        if qs >= cur {
            if let Some(o) = object(cur, qs) {
                return Some(o);
            }
            cur = qe.min(e);
        }
    }
    object(cur, e)
}

/// Drops trailing verbs, adverbs, numerals and "N年内" off `t[s..e]`
/// ("…产业园建设", "…五年内全部得到安置").
fn strip_tail(lx: &Lexed<'_>, s: usize, mut e: usize) -> (usize, usize) {
    let t = lx.t;
    for _ in 0..16 {
        let before = e;
        let [adverb, verb, light] = lx.longest_endings([Cat::Adverb, Cat::Verb, Cat::Light], e);
        let n = [
            adverb
                .filter(|w| w.word().text.chars().count() >= 2 || matches!(&*w.word().text, "的" | "了" | "等"))
                .map(|w| w.len()),
            verb.map(|w| w.len()),
            light.map(|w| w.len()),
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
    let (front, back) = tidy_words();
    let b = t.as_bytes();
    for _ in 0..16 {
        let before = (s, e);
        // (a Han character, led by 0xE4..=0xE9, is none of these marks)
        while s < e && !(0xE4..=0xE9).contains(&b[s]) {
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
        // (no word of either list begins or ends another: the longest is the only one)
        if let Some((w, _)) = front.longest_at(&t[s..e], 0) {
            if two_chars(&t[s + w.len()..e]) {
                s += w.len();
            }
        }
        while e > s && !(e >= s + 3 && (0xE4..=0xE9).contains(&b[e - 3])) {
            match t[s..e].chars().next_back() {
                Some(c) if c.is_whitespace() || matches!(c, ',' | '、' | ':' | '(' | '“') => e -= c.len_utf8(),
                _ => break,
            }
        }
        if let Some((w, _)) = back.longest_ending(&t[s..e], e - s) {
            if two_chars(&t[s..e - w.len()]) {
                e -= w.len();
            }
        }
        if (s, e) == before {
            break;
        }
    }
    (s, e.max(s))
}

/// The connectors, particles and time words [`tidy`] trims off the front
/// and off the back.
fn tidy_words() -> &'static (WordMap<()>, WordMap<()>) {
    static W: OnceLock<(WordMap<()>, WordMap<()>)> = OnceLock::new();
    W.get_or_init(|| {
        let mut front = WordMap::default();
        for w in [
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
        ] {
            front.insert(w, ());
        }
        let mut back = WordMap::default();
        for w in ["的", "等", "了", "达", "达到", "为", "共", "累计", "总计", "全部", "工作", "总数", "总量", "规模"]
        {
            back.insert(w, ());
        }
        (front, back)
    })
}

/// `true` when `s` has two characters or more.
fn two_chars(s: &str) -> bool {
    s.chars().nth(1).is_some()
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

    /// `Lexed::clauses_into` (from the marks the lexer noted) splits every
    /// range of a lexed text as `split_clauses_into` (byte by byte) does:
    /// the sample report's lines and sentences, and random texts of marks,
    /// Han characters, ASCII, full-width and four-byte characters, on every
    /// range between two char boundaries.
    #[test]
    fn clauses_from_marks_match_the_byte_by_byte_split() {
        let check = |t: &str, ranges: &mut dyn Iterator<Item = (usize, usize)>| {
            let lx = Lexed::new(t, &[(0, t.len())]);
            let mut got = Vec::new();
            for (s, e) in ranges {
                lx.clauses_into(s, e, &mut got);
                assert_eq!(got, split_clauses(t, s, e), "{:?}", &t[s..e]);
            }
        };
        let sample = Normalized::new(crate::SAMPLE_REPORT);
        let t = sample.text();
        let cuts: Vec<usize> =
            t.char_indices().filter(|&(_, c)| matches!(c, '\n' | '。' | ';')).map(|(i, c)| i + c.len_utf8()).collect();
        check(t, &mut cuts.windows(2).map(|w| (w[0], w[1])));
        check(t, &mut std::iter::once((0, t.len())));
        let alphabet: Vec<char> = "(),:\"“”《》【】「」『』‘’，：；。、甲乙年 a1\u{FF08}𠮷".chars().collect();
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for len in [0, 1, 2, 5, 17, 40] {
            for _ in 0..40 {
                let t: String = (0..len)
                    .map(|_| {
                        seed ^= seed << 13;
                        seed ^= seed >> 7;
                        seed ^= seed << 17;
                        alphabet[(seed % alphabet.len() as u64) as usize]
                    })
                    .collect();
                let bounds: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
                check(
                    &t,
                    &mut bounds.iter().flat_map(|&s| bounds.iter().filter(move |&&e| e >= s).map(move |&e| (s, e))),
                );
            }
        }
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
            deadline_of(&Lexed::new(t, &[(0, t.len())]), 0, t.len(), Some(2017)).map(|d| (d.0, d.2)),
            Some((Some(2018), DeadlineKind::Explicit))
        );
        let t = "比2010年翻一番";
        assert!(deadline_of(&Lexed::new(t, &[(0, t.len())]), 0, t.len(), Some(2017)).is_none());
        let t = "五年内全部得到安置";
        assert_eq!(
            deadline_of(&Lexed::new(t, &[(0, t.len())]), 0, t.len(), Some(2017)).map(|d| (d.0, d.2)),
            Some((Some(2021), DeadlineKind::Relative))
        );
        let t = "2025年6月底前建成";
        assert_eq!(
            deadline_of(&Lexed::new(t, &[(0, t.len())]), 0, t.len(), Some(2024)).map(|d| (d.0, d.1)),
            Some((Some(2025), Some(6)))
        );
        let t = "到2030年";
        let d = deadline_of(&Lexed::new(t, &[(0, t.len())]), 0, t.len(), Some(2026)).unwrap();
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
