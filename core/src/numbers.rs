//! Stage 4: quantities — every number with a unit in the normalized text.
//!
//! [`scan`] walks the normalized text once, left to right, and returns each
//! [`Quantity`]: its span (without bound words), its value normalized to a
//! SPEC base unit, the unit and multiplier as written, its [`Bound`] and its
//! [`Form`] (amount, range, structure, fraction, multiple, rank).
//!
//! What it reads:
//!
//! - Arabic numerals with thousands separators ("27,203,000元") and stray
//!   spaces ("8 .8 %"); Chinese numerals (一百二十, 两, 〇/零, 一万三千五百十三,
//!   三点五); 百分之八, 千分之三, 三分之一, 一半; multipliers 十/百/千/万/亿
//!   (万亿, 千万 …);
//! - units and measure words from `data/units.tsv` (money, %, ‰, 个百分点,
//!   people, households, counts, area, length, mass, energy, power, TEU, …),
//!   compound units ("吨/日": value × multiplier, no base unit);
//! - ranges (6.5%-7%, 5%—5.5%, 4.5%至5%, 百分之八至九), ratio chains
//!   (0.2:33.3:66.5), fractions (1/4), products (2×35万千瓦), multiples
//!   (翻一番, 翻番, 2倍), ranks (第二, 首位, 第三十九位);
//! - one unit written once after an enumeration ("256、452、112万平方米",
//!   "3.4个、1个百分点");
//! - bound words from `data/cues.tsv` (约/左右 about, 以上/超过/突破/余/多
//!   at_least, 以内/以下/控制在 at_most, 近 nearly).
//!
//! What it leaves out: numbers in names and slogans (“三改一拆”, 十三五, 一号工程,
//! G20, 5G, PM2.5, 世界500强, 1号线, 4A级, 500KV, 市521人才, 1+2+9+N), years,
//! dates and durations (2016年, 五年来, 连续10年), ordinals and list markers
//! (第十三届, 一是, (一), 1.), per-unit denominators (每万人), vague numbers
//! (数十个, 十几个), small Chinese numerals with a measure word (一批, 四个全面),
//! and thresholds that name a class of things (税收千万元以上企业, 亿元级项目,
//! 5万元以下的村).
//!
//! The scan is linear in the input and never panics: every step consumes at
//! least one character and looks at most a few characters around it.
//!
//! ```
//! use baogao::numbers::{scan, Form};
//! use baogao::{BaseUnit, Bound};
//! let q = scan("地区生产总值550亿元,增长6.5%-7%,新增近百家,税收千万元以上企业");
//! assert_eq!(q.len(), 3);
//! assert_eq!(q[0].number, Some(5.5e10));
//! assert_eq!(q[0].base_unit, Some(BaseUnit::Cny));
//! assert_eq!((q[1].form, q[1].low, q[1].high), (Form::Range, Some(6.5), Some(7.0)));
//! assert_eq!((q[2].number, q[2].bound), (Some(100.0), Bound::Nearly));
//! ```

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::lexicon::{cue_words, cues, rows, WordMap};
use crate::model::{BaseUnit, Bound};

cue_words!(
    bound_after,
    bound_before,
    bound_before_not,
    bound_inside,
    class_head,
    class_suffix,
    duration_subject,
    list_head,
    list_measure,
    person_noun,
    rank_not_after,
    rank_scope,
    rank_verb,
    slogan,
    vague_after,
    vague_before,
);

/// What a word of `data/units.tsv` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    /// A magnitude: 万, 亿.
    Mult,
    /// A unit or measure word.
    Unit,
    /// A duration or date unit: the number is no value.
    Time,
    /// A noun that starts like a unit (人才, 项目).
    Not,
}

/// One row of `data/units.tsv`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UnitEntry {
    /// What the word is.
    pub kind: UnitKind,
    /// Base unit (`None` for "other" and non-units).
    pub base: Option<BaseUnit>,
    /// Factor to the base unit (the magnitude for a multiplier).
    pub factor: f64,
}

/// The base unit named as in the wire format ("CNY", "count", "area_m2" …).
///
/// ```
/// use baogao::{numbers::base_unit_named, BaseUnit};
/// assert_eq!(base_unit_named("area_m2"), Some(BaseUnit::AreaM2));
/// assert_eq!(base_unit_named("other"), None);
/// ```
pub fn base_unit_named(name: &str) -> Option<BaseUnit> {
    use BaseUnit::*;
    Some(match name {
        "CNY" => Cny,
        "USD" => Usd,
        "HKD" => Hkd,
        "percent" => Percent,
        "percentage_point" => PercentagePoint,
        "permille" => Permille,
        "count" => Count,
        "person" => Person,
        "person_time" => PersonTime,
        "household" => Household,
        "area_m2" => AreaM2,
        "mu" => Mu,
        "length_m" => LengthM,
        "mass_kg" => MassKg,
        "energy_kwh" => EnergyKwh,
        "power_kw" => PowerKw,
        "teu" => Teu,
        "multiple" => Multiple,
        "rank" => Rank,
        "ratio" => Ratio,
        _ => return None,
    })
}

/// The rows of `data/units.tsv` that [`units`] holds, with their entries.
fn unit_rows() -> impl Iterator<Item = (&'static str, UnitEntry)> {
    rows(include_str!("../data/units.tsv")).filter_map(|row| {
        let kind = match row.get(1).copied() {
            Some("mult") => UnitKind::Mult,
            Some("unit") => UnitKind::Unit,
            Some("time") => UnitKind::Time,
            Some("not") => UnitKind::Not,
            _ => return None,
        };
        let base = row.get(2).and_then(|b| base_unit_named(b));
        let factor = row.get(3).and_then(|f| f.parse::<f64>().ok()).unwrap_or(1.0);
        Some((row[0], UnitEntry { kind, base, factor }))
    })
}

/// The unit table of `data/units.tsv`, parsed once.
pub fn units() -> &'static WordMap<UnitEntry> {
    static T: OnceLock<WordMap<UnitEntry>> = OnceLock::new();
    T.get_or_init(|| {
        let mut m = WordMap::default();
        for (word, entry) in unit_rows() {
            m.insert(word, entry);
        }
        m
    })
}

/// `true` when `c` is a word of [`units`] on its own (so some unit starts
/// wherever `c` stands), answered by a bit test; `false` says nothing.
fn unit_char(c: char) -> bool {
    static T: OnceLock<Vec<u64>> = OnceLock::new();
    let bits = T.get_or_init(|| {
        let mut bits = vec![0u64; 0x10000 / 64];
        for (word, _) in unit_rows() {
            let mut chars = word.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                let u = c as usize;
                if u < 0x10000 {
                    bits[u / 64] |= 1 << (u % 64);
                }
            }
        }
        bits
    });
    let u = c as usize;
    u < 0x10000 && bits[u / 64] & (1 << (u % 64)) != 0
}

/// The shape of a quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    /// A single amount: 550亿元, 9%, 25家.
    Amount,
    /// A range: 6.5%-7% (`low`/`high`).
    Range,
    /// A ratio chain: 0.2:33.3:66.5 (`parts`; `number` = first part).
    Structure,
    /// A fraction: 1/4, 三分之一, 一半.
    Fraction,
    /// ×N: 翻一番, 2倍.
    Multiple,
    /// A position: 第二, 首位.
    Rank,
}

/// A quantity found in the normalized text (byte offsets into it).
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Start of the quantity (without bound words before it).
    pub start: usize,
    /// End of the quantity (without 以上/左右 … after it; 余/多 inside stay).
    pub end: usize,
    /// Start including a bound word before it (近, 超过 …).
    pub outer_start: usize,
    /// End including a bound word after it (以上, 左右 …).
    pub outer_end: usize,
    /// Value in the base unit (`None` for a range).
    pub number: Option<f64>,
    /// Range low end in the base unit.
    pub low: Option<f64>,
    /// Range high end in the base unit.
    pub high: Option<f64>,
    /// Parts of a ratio chain.
    pub parts: Vec<f64>,
    /// Unit as written, with its multiplier: "亿元", "%", "万个", "个百分点".
    pub unit: Option<String>,
    /// The multiplier as written (1 when none).
    pub multiplier: Option<f64>,
    /// The base unit (`None` for compound and other units).
    pub base_unit: Option<BaseUnit>,
    /// The qualifier.
    pub bound: Bound,
    /// The shape.
    pub form: Form,
    /// `true` when the unit was written once after an enumeration and
    /// belongs to a later number ("256" in "256、452、112万平方米").
    pub shared_unit: bool,
}

/// An Arabic number at `p..q` with `decimals` digits after the point.
fn arabic_num(p: usize, q: usize, value: f64, mantissa: f64, decimals: usize, too_long: bool) -> Num {
    Num {
        start: p,
        end: q,
        value,
        chinese: false,
        small: false,
        magnitude_only: false,
        positional: false,
        integer: decimals == 0,
        invalid: too_long || !value.is_finite(),
        approx: false,
        mantissa,
        decimals: decimals as i32,
    }
}

/// The powers of ten that f64 holds exactly.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// The value of the decimal `int.frac` (ASCII digits) and its digits read as
/// one integer, without parsing text: with at most 15 digits the integer is
/// exact in f64 and one correctly rounded division by an exact power of ten
/// gives the very value `str::parse` does. `None` for longer numbers.
fn decimal(int: &[u8], frac: &[u8]) -> Option<(f64, f64)> {
    if int.len() + frac.len() > 15 {
        return None;
    }
    let m = int.iter().chain(frac).fold(0u64, |m, &d| m * 10 + u64::from(d - b'0'));
    let m = m as f64;
    Some((m / POW10[frac.len()], m))
}

/// Finds every quantity in `text` (normally [`crate::normalize::Normalized::text`]).
pub fn scan(text: &str) -> Vec<Quantity> {
    let mut s =
        // reports hold about one quantity per 300-400 bytes: reserve for that
        // rather than grow (and copy) the vector a dozen times
        Scanner {
            t: text,
            out: Vec::with_capacity(text.len() / 256),
            pending: Vec::new(),
            pending_next: usize::MAX,
            quote: None,
            title: None,
        };
    s.run();
    let mut out = s.out;
    out.sort_by_key(|q| (q.start, q.end));
    out.dedup_by(|b, a| b.start < a.end);
    share_points(text, &mut out);
    out
}

/// "3.4个、1个百分点": a 个 before a list ending in 个百分点 is a point too.
fn share_points(text: &str, out: &mut [Quantity]) {
    for k in (0..out.len().saturating_sub(1)).rev() {
        let (a, b) = (&out[k], &out[k + 1]);
        let between = text.get(a.outer_end..b.outer_start).unwrap_or("x");
        if a.unit.as_deref() == Some("个")
            && b.base_unit == Some(BaseUnit::PercentagePoint)
            && matches!(between, "、" | "和" | "与" | "及" | ",")
        {
            let a = &mut out[k];
            a.unit = Some("个百分点".to_string());
            a.base_unit = Some(BaseUnit::PercentagePoint);
            a.shared_unit = true;
        }
    }
}

fn cn_digit(c: char) -> Option<f64> {
    Some(match c {
        '零' | '〇' | '○' => 0.0,
        '一' => 1.0,
        '二' | '两' => 2.0,
        '三' => 3.0,
        '四' => 4.0,
        '五' => 5.0,
        '六' => 6.0,
        '七' => 7.0,
        '八' => 8.0,
        '九' => 9.0,
        _ => return None,
    })
}

fn cn_place(c: char) -> Option<f64> {
    Some(match c {
        '十' => 10.0,
        '百' => 100.0,
        '千' => 1000.0,
        _ => return None,
    })
}

fn is_cn_numeral(c: char) -> bool {
    cn_digit(c).is_some() || cn_place(c).is_some() || c == '万' || c == '亿'
}

/// Value of a Chinese numeral: 一百二十 → 120, 一万三千五百十三 → 13513,
/// 三万亿 → 3e12, 三点五 → 3.5; `None` when malformed (十三五, 三五).
#[derive(Debug, Clone, Copy, PartialEq)]
struct CnValue {
    value: f64,
    /// Only 十/百/千/万/亿, no digit: 百, 千万.
    magnitude_only: bool,
    /// Digit by digit, as in years: 二〇一七.
    positional: bool,
}

fn cn_value(chars: &[char]) -> Option<CnValue> {
    if chars.is_empty() {
        return None;
    }
    if chars.len() > 1 && chars.iter().all(|&c| cn_digit(c).is_some()) {
        if chars.contains(&'两') {
            return None;
        }
        let v = chars.iter().fold(0.0, |acc, &c| acc * 10.0 + cn_digit(c).unwrap_or(0.0));
        return Some(CnValue { value: v, magnitude_only: false, positional: true });
    }
    let (mut total, mut wan, mut sec) = (0.0f64, 0.0f64, 0.0f64);
    let mut num: Option<f64> = None;
    let mut last_place = f64::INFINITY;
    let mut any_digit = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '点' {
            let n = num.take().unwrap_or(0.0);
            if n == 0.0 && sec == 0.0 {
                return None;
            }
            let mut frac = 0.0;
            let mut scale = 0.1;
            i += 1;
            let mut any = false;
            while let Some(d) = chars.get(i).and_then(|&c| cn_digit(c)) {
                frac += d * scale;
                scale /= 10.0;
                i += 1;
                any = true;
            }
            if !any {
                return None;
            }
            num = Some(n + frac);
            continue;
        }
        if let Some(d) = cn_digit(c) {
            any_digit = true;
            if d == 0.0 {
                i += 1;
                continue;
            }
            if num.is_some() {
                return None;
            }
            num = Some(d);
        } else if let Some(u) = cn_place(c) {
            if u >= last_place {
                return None;
            }
            sec += num.take().unwrap_or(1.0) * u;
            last_place = u;
        } else if c == '万' {
            if wan != 0.0 {
                return None;
            }
            let part = sec + num.take().unwrap_or(0.0);
            wan = if part == 0.0 { 1.0 } else { part } * 1e4;
            sec = 0.0;
            last_place = f64::INFINITY;
        } else if c == '亿' {
            let part = wan + sec + num.take().unwrap_or(0.0);
            if part == 0.0 && total != 0.0 {
                return None;
            }
            total = (total + if part == 0.0 { 1.0 } else { part }) * 1e8;
            wan = 0.0;
            sec = 0.0;
            last_place = f64::INFINITY;
        } else {
            return None;
        }
        i += 1;
    }
    Some(CnValue { value: total + wan + sec + num.unwrap_or(0.0), magnitude_only: !any_digit, positional: false })
}

/// A numeral as read, before its unit.
#[derive(Debug, Clone, Copy)]
struct Num {
    start: usize,
    end: usize,
    value: f64,
    chinese: bool,
    /// One Chinese character (一, 两, 十, 百).
    small: bool,
    magnitude_only: bool,
    positional: bool,
    integer: bool,
    invalid: bool,
    /// 余/多 inside a Chinese numeral (一亿六千余万).
    approx: bool,
    /// Arabic digits as one integer and the count of decimals, so that
    /// 142.7 × 1e8 is computed as 1427 × 1e8 / 10 (exact).
    mantissa: f64,
    decimals: i32,
}

impl Num {
    /// The value times `m`, as exact as f64 allows.
    fn times(&self, m: f64) -> f64 {
        if self.decimals > 0 && self.mantissa < 9e15 {
            self.mantissa * m / 10f64.powi(self.decimals)
        } else {
            self.value * m
        }
    }
}

/// What follows a numeral: magnitude, 余/多, unit. The texts borrow from
/// the scanned text (no allocation per numeral).
#[derive(Debug, Clone)]
struct Tail<'t> {
    mult: f64,
    /// The magnitudes as written; owned only when a 余/多 splits them (万余亿).
    mult_text: Cow<'t, str>,
    approx: bool,
    kind: Option<UnitKind>,
    /// The unit as written, with a second unit after / (吨/日).
    unit_text: &'t str,
    base: Option<BaseUnit>,
    factor: f64,
    /// End of everything consumed.
    end: usize,
    letter_after: bool,
}

impl Tail<'_> {
    fn has_unit(&self) -> bool {
        self.kind == Some(UnitKind::Unit)
    }

    fn unit_string(&self) -> String {
        let mut s = String::with_capacity(self.mult_text.len() + self.unit_text.len());
        s.push_str(&self.mult_text);
        s.push_str(self.unit_text);
        s
    }
}

struct Pending {
    num: Num,
    mult: f64,
}

struct Scanner<'t> {
    t: &'t str,
    out: Vec<Quantity>,
    pending: Vec<Pending>,
    pending_next: usize,
    quote: Option<usize>,
    title: Option<usize>,
}

const QUOTE_SPAN: usize = 60;
const TITLE_SPAN: usize = 120;

impl<'t> Scanner<'t> {
    fn ch(&self, p: usize) -> Option<char> {
        self.t.get(p..)?.chars().next()
    }

    fn prev(&self, p: usize) -> Option<char> {
        self.t.get(..p)?.chars().next_back()
    }

    fn starts(&self, p: usize, s: &str) -> bool {
        self.t.get(p..).is_some_and(|r| r.starts_with(s))
    }

    fn skip_spaces(&self, mut p: usize) -> usize {
        while self.t.as_bytes().get(p) == Some(&b' ') {
            p += 1;
        }
        p
    }

    /// Start of the clause containing `p`, at most `max` bytes back.
    fn clause_start(&self, p: usize, max: usize) -> usize {
        let lo = p.saturating_sub(max);
        let mut s = p;
        for (b, c) in self.t[..p].char_indices().rev() {
            if b < lo {
                break;
            }
            if is_clause_break(c) {
                break;
            }
            s = b;
        }
        s
    }

    fn run(&mut self) {
        let t = self.t;
        let mut i = 0;
        'outer: while i < t.len() {
            // walk to the next character that can start a quantity, keeping
            // track of quotes and book titles on the way
            let interesting: &[u64; 0x10000 / 64] = interesting().try_into().expect("BMP bitset");
            let boring: &[u64; 0x10000 / 64] = boring_pairs().try_into().expect("byte pair bitset");
            // UTF-8 decoded by hand (the text is valid UTF-8): runs of plain
            // ASCII and three-byte characters are stepped over by
            // `skip_plain`; the characters outside the Basic Multilingual
            // Plane start nothing.
            let b = t.as_bytes();
            let mut k = i;
            while k < b.len() {
                k = skip_plain(b, k, interesting, boring);
                if k >= b.len() {
                    break;
                }
                let x = b[k];
                let off = k - i;
                let u = if x < 0x80 {
                    k += 1;
                    usize::from(x)
                } else if (0xE0..0xF0).contains(&x) {
                    let word = usize::from(x & 0x0F) << 6 | usize::from(b[k + 1] & 0x3F);
                    if interesting[word] == 0 {
                        k += 3;
                        continue;
                    }
                    let u = word << 6 | usize::from(b[k + 2] & 0x3F);
                    k += 3;
                    u
                } else if x < 0xE0 {
                    k += 2;
                    usize::from(x & 0x1F) << 6 | usize::from(b[k - 1] & 0x3F)
                } else {
                    k += 4;
                    continue;
                };
                if interesting[u / 64] & (1 << (u % 64)) == 0 {
                    continue;
                }
                let Some(c) = char::from_u32(u as u32) else { continue };
                match c {
                    '“' => self.quote = Some(i + off),
                    '”' => self.quote = None,
                    '"' => self.quote = if self.quote.is_some() { None } else { Some(i + off) },
                    '《' => self.title = Some(i + off),
                    '》' => self.title = None,
                    '\n' | '。' => {
                        self.quote = None;
                        self.title = None;
                    }
                    _ => {}
                }
                // the interesting characters other than quotes and breaks:
                // digits, Chinese numerals, 第/首/翻
                if !matches!(c, '“' | '”' | '"' | '《' | '》' | '\n' | '。') {
                    let p = i + off;
                    i = self.at(p).max(p + c.len_utf8());
                    continue 'outer;
                }
            }
            break;
        }
    }

    fn quoted(&self, p: usize) -> bool {
        self.quote.is_some_and(|q| p - q <= QUOTE_SPAN) || self.title.is_some_and(|q| p - q <= TITLE_SPAN)
    }

    // ----- numerals -----------------------------------------------------

    fn numeral(&self, p: usize) -> Option<Num> {
        self.numeral_of(p, self.ch(p)?)
    }

    /// [`Self::numeral`] where the character at `p` is known to be `c`.
    fn numeral_of(&self, p: usize, c: char) -> Option<Num> {
        if c.is_ascii_digit() {
            Some(self.arabic(p))
        } else if is_cn_numeral(c) {
            self.chinese(p)
        } else {
            None
        }
    }

    fn arabic(&self, p: usize) -> Num {
        // The digits are copied into stack buffers (no allocation); the
        // strings parsed are those of `arabic_slow`, so the values are equal.
        let b = self.t.as_bytes();
        let digits_end = |mut q: usize| {
            while q < b.len() && b[q].is_ascii_digit() {
                q += 1;
            }
            q
        };
        let mut q = digits_end(p);
        let mut int = [0u8; 32];
        let mut ni = 0;
        let too_long = q - p > 15;
        if !too_long {
            int[..q - p].copy_from_slice(&b[p..q]);
            ni = q - p;
        }
        // Thousands separators: 27,203,000.
        if q - p <= 3 {
            while q + 4 <= b.len()
                && b[q] == b','
                && b[q + 1..q + 4].iter().all(u8::is_ascii_digit)
                && b.get(q + 4).is_none_or(|x| !x.is_ascii_digit())
            {
                if ni + 3 > int.len() {
                    return self.arabic_slow(p);
                }
                int[ni..ni + 3].copy_from_slice(&b[q + 1..q + 4]);
                ni += 3;
                q += 4;
            }
        }
        let mut frac: &[u8] = &[];
        let r = self.skip_spaces(q);
        if b.get(r) == Some(&b'.') {
            let s = if r > q { self.skip_spaces(r + 1) } else { r + 1 };
            if b.get(s).is_some_and(u8::is_ascii_digit) {
                let e = digits_end(s);
                frac = &b[s..e.min(s + 12)];
                q = e;
            }
        }
        if let Some((value, mantissa)) = (ni > 0).then(|| decimal(&int[..ni], frac)).flatten() {
            return arabic_num(p, q, value, mantissa, frac.len(), too_long);
        }
        let parse = |x: &[u8]| std::str::from_utf8(x).ok().and_then(|s| s.parse::<f64>().ok()).unwrap_or(f64::NAN);
        let mut buf = [0u8; 48];
        buf[..ni].copy_from_slice(&int[..ni]);
        let mut n = ni;
        if !frac.is_empty() {
            buf[n] = b'.';
            buf[n + 1..n + 1 + frac.len()].copy_from_slice(frac);
            n += 1 + frac.len();
        }
        let value = parse(&buf[..n]);
        buf[ni..ni + frac.len()].copy_from_slice(frac);
        let mantissa = parse(&buf[..ni + frac.len()]);
        arabic_num(p, q, value, mantissa, frac.len(), too_long)
    }

    /// [`Self::arabic`] for numbers too long for its buffers (same result).
    fn arabic_slow(&self, p: usize) -> Num {
        let b = self.t.as_bytes();
        let digits_end = |mut q: usize| {
            while q < b.len() && b[q].is_ascii_digit() {
                q += 1;
            }
            q
        };
        let mut q = digits_end(p);
        let mut int = String::with_capacity(q - p);
        let too_long = q - p > 15;
        if !too_long {
            int.push_str(&self.t[p..q]);
        }
        // Thousands separators: 27,203,000.
        if q - p <= 3 {
            while q + 4 <= b.len()
                && b[q] == b','
                && b[q + 1..q + 4].iter().all(u8::is_ascii_digit)
                && b.get(q + 4).is_none_or(|x| !x.is_ascii_digit())
            {
                int.push_str(&self.t[q + 1..q + 4]);
                q += 4;
            }
        }
        let mut frac = String::new();
        let r = self.skip_spaces(q);
        if b.get(r) == Some(&b'.') {
            let s = if r > q { self.skip_spaces(r + 1) } else { r + 1 };
            if b.get(s).is_some_and(u8::is_ascii_digit) {
                let e = digits_end(s);
                frac.push_str(&self.t[s..e.min(s + 12)]);
                q = e;
            }
        }
        let text = if frac.is_empty() { int.clone() } else { format!("{int}.{frac}") };
        let value = text.parse::<f64>().unwrap_or(f64::NAN);
        let mantissa = format!("{int}{frac}").parse::<f64>().unwrap_or(f64::NAN);
        arabic_num(p, q, value, mantissa, frac.len(), too_long)
    }

    fn chinese(&self, p: usize) -> Option<Num> {
        let mut buf = ['\0'; 24];
        let mut n = 0;
        let mut q = p;
        let mut approx = false;
        let mut chars = self.t[p..].char_indices().peekable();
        while let Some((off, c)) = chars.next() {
            let next = chars.peek().map(|&(_, d)| d);
            // 一亿六千余万: 余/多 before a magnitude stays inside the numeral
            if matches!(c, '余' | '多') && n > 0 && matches!(next, Some('万' | '亿')) {
                approx = true;
                continue;
            }
            let ok = is_cn_numeral(c)
                || (c == '点'
                    && buf[..n].last().is_some_and(|&l| cn_digit(l).is_some() || matches!(l, '十' | '百' | '千'))
                    && next.and_then(cn_digit).is_some());
            if !ok || n >= buf.len() {
                break;
            }
            buf[n] = c;
            n += 1;
            q = p + off + c.len_utf8();
        }
        if n == 0 {
            return None;
        }
        let chars = &buf[..n];
        let v = cn_value(chars);
        Some(Num {
            start: p,
            end: q,
            value: v.map_or(f64::NAN, |v| v.value),
            chinese: true,
            small: chars.len() == 1,
            magnitude_only: v.is_some_and(|v| v.magnitude_only),
            positional: v.is_some_and(|v| v.positional),
            integer: !chars.contains(&'点'),
            invalid: v.is_none(),
            approx,
            mantissa: 0.0,
            decimals: 0,
        })
    }

    fn tail(&self, p: usize) -> Tail<'t> {
        let t = self.t;
        let u = units();
        let inside = words().bound_inside;
        let mut q = self.skip_spaces(p);
        // "74.4\n\n万亿元": a wrapped line inside a number.
        if self.ch(q) == Some('\n') {
            let mut r = q;
            while matches!(self.ch(r), Some('\n' | ' ')) {
                r += 1;
            }
            let mult_next = u.longest_at(t, r).is_some_and(|(_, e)| e.kind == UnitKind::Mult);
            if mult_next || self.starts(r, "%") {
                q = r;
            }
        }
        let mut mult = 1.0;
        let mut mult_text: Cow<'t, str> = Cow::Borrowed("");
        let mut mult_end = q;
        let mut approx = false;
        // the last unit-table lookup, as (position, result): the unit read
        // after the magnitudes is often that very lookup
        let mut last = None;
        for _ in 0..5 {
            // the character at `q`, decoded once for both tables
            let c = self.ch(q);
            if !approx {
                if let Some((w, _)) = c.and_then(|c| inside.longest_at_char(t, q, c)) {
                    // only when a magnitude or unit follows
                    let after = q + w.len();
                    if u.longest_at(t, after).is_some_and(|(_, e)| matches!(e.kind, UnitKind::Mult | UnitKind::Unit)) {
                        approx = true;
                        q = after;
                        continue;
                    }
                }
            }
            let found = c.and_then(|c| u.longest_at_char(t, q, c));
            match found {
                Some((w, e)) if e.kind == UnitKind::Mult && mult_text.chars().count() < 3 => {
                    mult *= e.factor;
                    let end = q + w.len();
                    match &mut mult_text {
                        Cow::Borrowed(b) if b.is_empty() => *b = &t[q..end],
                        Cow::Borrowed(b) if mult_end == q => *b = &t[end - b.len() - w.len()..end],
                        m => m.to_mut().push_str(w),
                    }
                    mult_end = end;
                    q = end;
                }
                _ => {
                    last = Some((q, found));
                    break;
                }
            }
        }
        let q0 = q;
        let q = self.skip_spaces(q);
        let mut tail = Tail {
            mult,
            mult_text,
            approx,
            kind: None,
            unit_text: "",
            base: None,
            factor: 1.0,
            end: q0,
            letter_after: false,
        };
        let found = match last {
            Some((at, found)) if at == q => found,
            _ => u.longest_at(t, q),
        };
        match found {
            Some((w, e)) if e.kind != UnitKind::Mult => {
                tail.kind = Some(e.kind);
                if e.kind == UnitKind::Unit || e.kind == UnitKind::Time {
                    tail.base = e.base;
                    tail.factor = e.factor;
                    tail.end = q + w.len();
                    // compound units: 吨/日, 万元/人, 微克/立方米
                    if e.kind == UnitKind::Unit && self.starts(tail.end, "/") {
                        if let Some((w2, e2)) = u.longest_at(t, tail.end + 1) {
                            if matches!(e2.kind, UnitKind::Unit | UnitKind::Time) {
                                tail.end += 1 + w2.len();
                                tail.base = None;
                                tail.factor = 1.0;
                            }
                        }
                    }
                    tail.unit_text = &t[q..tail.end];
                }
            }
            _ => {
                tail.letter_after = self.ch(q).is_some_and(|c| c.is_ascii_alphabetic());
            }
        }
        tail
    }

    // ----- bounds ---------------------------------------------------------

    /// The bound word right before `p`, as (start, bound).
    fn bound_before(&self, p: usize) -> Option<(usize, Bound)> {
        let (w, v) = words().bound_before.longest_ending(self.t, p)?;
        if let Some((n, _)) = words().bound_before_not.longest_ending(self.t, p) {
            if n.len() >= w.len() {
                return None;
            }
        }
        Some((p - w.len(), bound_named(v)?))
    }

    /// The bound word right after `p`, as (end, bound).
    fn bound_after(&self, p: usize) -> Option<(usize, Bound)> {
        let (w, v) = words().bound_after.longest_at(self.t, p)?;
        Some((p + w.len(), bound_named(v)?))
    }

    /// Applies bound words around `q` and records it. Returns where the scan
    /// goes on.
    fn finish(&mut self, q: Quantity, approx: bool) -> usize {
        let before = self.bound_before(q.start);
        let after = self.bound_after(q.end);
        self.finish_bounded(q, approx, before, after)
    }

    /// [`Self::finish`] with the bound words around `q` already read.
    fn finish_bounded(
        &mut self,
        mut q: Quantity,
        approx: bool,
        before: Option<(usize, Bound)>,
        after: Option<(usize, Bound)>,
    ) -> usize {
        q.outer_start = before.map_or(q.start, |b| b.0);
        q.outer_end = after.map_or(q.end, |a| a.0);
        if q.form != Form::Range {
            q.bound = if let Some((_, b)) = after {
                b
            } else if let Some((_, b)) = before {
                b
            } else if approx {
                Bound::AtLeast
            } else {
                Bound::Exact
            };
        }
        let end = q.end;
        self.out.push(q);
        end
    }

    /// "千万元以上企业", "亿元级项目", "5万元以下的村": a threshold naming a
    /// class of things.
    ///
    /// Measure words and percentages never name a class ("100个以上项目" is a
    /// count, "70%村卫生室" a share); people and households do only with
    /// 以上/以下 ("100人以上企业", "20户以上村"); amounts do with or without.
    fn names_a_class(&self, p: usize, base: Option<BaseUnit>, bounded: bool) -> bool {
        use BaseUnit::*;
        let needs_suffix = match base {
            Some(Count | Percent | PercentagePoint | Permille | Multiple | Rank | Ratio) => return false,
            Some(Person | PersonTime | Household) => true,
            _ => false,
        };
        let mut q = p;
        let mut suffix = false;
        if let Some((w, _)) = words().class_suffix.longest_at(self.t, q) {
            if w == "级" {
                return true;
            }
            q += w.len();
            suffix = true;
        }
        if needs_suffix && !suffix {
            return false;
        }
        if self.starts(q, "的") {
            // "投资超5亿元的项目" names a class, "总投资50亿元的项目" one project
            if !(suffix || bounded) {
                return false;
            }
            q += '的'.len_utf8();
        }
        words().class_head.starts_at(self.t, q)
    }

    fn person_context(&self, num: &Num, after: usize) -> bool {
        let nouns = words().person_noun;
        // after: 14亿人口, 100万贫困人口, 1.5亿学生
        let mut q = after;
        for _ in 0..5 {
            if nouns.starts_at(self.t, q) {
                return true;
            }
            match self.ch(q) {
                Some(ch) if crate::normalize::is_han(ch) => q += ch.len_utf8(),
                _ => break,
            }
        }
        // before: 参保人数7359万, 贫困人口减少1000万
        let from = self.clause_start(num.start, 30);
        if let Some((s, w, _)) = nouns.rfind_in(self.t, from, num.start) {
            let gap = self.t[s + w.len()..num.start].chars().count();
            return gap <= 4;
        }
        false
    }

    /// "优良天数242天", "平均受教育年限达到11.3年": days or years that are the
    /// value of a duration metric.
    fn duration_subject(&self, p: usize) -> bool {
        let from = self.clause_start(p, 60);
        words().duration_subject.find_in(self.t, from, p).is_some()
    }

    /// A ratio cue (比, 比例, 结构) shortly before `p` (ratio colons do not end
    /// the look-back).
    fn ratio_context(&self, p: usize) -> bool {
        let lo = p.saturating_sub(90);
        for (b, c) in self.t[..p].char_indices().rev() {
            if b < lo || matches!(c, '。' | ';' | ',' | '\n') {
                break;
            }
            if c == '比' || self.t[b..p].starts_with("结构") {
                return true;
            }
        }
        false
    }

    /// A rank cue (居, 位居, 全市 …) shortly before `p` in the same clause.
    fn rank_context(&self, p: usize) -> bool {
        let from = self.clause_start(p, 45);
        words().rank_verb.find_in(self.t, from, p).is_some() || words().rank_scope.ends_at(self.t, p)
    }

    // ----- the dispatcher -----------------------------------------------------

    /// Reads whatever starts at `i`; returns where the scan goes on.
    fn at(&mut self, i: usize) -> usize {
        if i != self.pending_next {
            self.pending.clear();
        }
        let Some(c) = self.ch(i) else {
            return self.t.len();
        };
        let step = i + c.len_utf8();
        if matches!(c, '百' | '千' | '万') && self.starts(i + c.len_utf8(), "分之") {
            return self.per_words(i);
        }
        match c {
            '翻' => return self.fan(i),
            '第' => return self.ordinal(i),
            '首' => {
                if self.starts(i, "首位") && self.rank_context(i) {
                    let q = simple(i, i + "首位".len(), 1.0, None, BaseUnit::Rank, Form::Rank);
                    return self.finish(q, false);
                }
                return step;
            }
            _ => {}
        }
        if c == '一' && self.starts(step, "半") && !self.quoted(i) {
            let q = simple(i, i + "一半".len(), 0.5, None, BaseUnit::Ratio, Form::Fraction);
            return self.finish(q, false);
        }
        // a lone Chinese numeral (进一步, 统一, 三农) followed by neither
        // another numeral (or 点) nor anything that can make it a quantity
        // is skipped before it is parsed: the checks below would return
        // `step` for it
        if is_cn_numeral(c)
            && !matches!(self.ch(step), Some(d) if is_cn_numeral(d) || d == '点')
            && !self.may_follow_numeral(step)
        {
            return step;
        }
        let Some(num) = self.numeral_of(i, c) else {
            return step;
        };
        let skip_to = num.end.max(step);
        if num.invalid || (num.chinese && num.value.is_nan()) {
            return skip_to;
        }
        // fast path: a lone Chinese numeral (进一步, 统一, 三农) followed by
        // nothing that can make it a quantity
        if num.chinese && num.small && !self.may_follow_numeral(num.end) {
            return skip_to;
        }
        // slogans made of numerals: 四个全面, 千家万户, 亿万人民
        if let Some((w, _)) = words().slogan.longest_at_char(self.t, i, c) {
            return i + w.len();
        }
        let prev = self.prev(i);
        // 九届十一次(全会): a session number
        let session = prev == Some('届') && self.starts(num.end, "次");
        if session
            || matches!(prev, Some('每' | '/' | '+' | '第' | '.' | '#' | '@' | '_'))
            || self.ch(num.end) == Some('+')
            || self.quoted(i)
        {
            return self.skip_number(num);
        }
        if num.chinese {
            if num.positional
                || words().vague_before.ends_at(self.t, i)
                || words().vague_after.starts_at(self.t, num.end)
            {
                return self.skip_number(num);
            }
        } else if words().vague_after.starts_at(self.t, num.end) {
            return skip_to;
        }
        // N分之M
        if self.starts(num.end, "分之") {
            return self.fraction_words(num);
        }
        if !num.chinese {
            if let Some(end) = self.arabic_shapes(num) {
                return end;
            }
        }
        // declared lists: 十件实事, 八件为民办实事, 十方面民生实事
        if let Some(end) = self.list_declaration(num) {
            return end;
        }
        let tail = self.tail(num.end);
        if let Some(end) = self.range(num, &tail) {
            return end;
        }
        match tail.kind {
            Some(UnitKind::Unit) => self.with_unit(num, tail),
            Some(UnitKind::Time)
                if !(num.chinese || tail.unit_text == "年" && (1900.0..=2100.0).contains(&num.value))
                    && self.duration_subject(num.start) =>
            {
                let mut tail = tail;
                tail.kind = Some(UnitKind::Unit);
                tail.base = None;
                tail.factor = 1.0;
                self.with_unit(num, tail)
            }
            Some(UnitKind::Time) => tail.end.max(skip_to),
            _ => self.bare(num, tail),
        }
    }

    /// `true` when what starts at `p` can continue a numeral into a quantity:
    /// a unit or magnitude, 余/多, 分之, a list measure word or a range sign.
    fn may_follow_numeral(&self, p: usize) -> bool {
        match self.ch(p) {
            None => false,
            Some('余' | '多' | '至' | '到' | '-' | '—' | '~' | ' ' | '分' | '方' | '大' | '类') => true,
            Some(c) => unit_char(c) || units().longest_at_char(self.t, p, c).is_some(),
        }
    }

    /// Skips a numeral together with the magnitude and unit after it.
    fn skip_number(&self, num: Num) -> usize {
        let tail = self.tail(num.end);
        tail.end.max(num.end)
    }

    fn bare(&mut self, num: Num, tail: Tail<'t>) -> usize {
        let skip_to = tail.end.max(num.end);
        if tail.letter_after || num.chinese && (num.small || num.magnitude_only) {
            return skip_to;
        }
        // an enumeration waiting for its unit: 256、452、112万平方米
        let sep_end = match self.ch(tail.end) {
            Some(c @ ('、' | '和' | '与' | '及' | '或')) => Some(tail.end + c.len_utf8()),
            _ => None,
        };
        if let Some(sep_end) = sep_end {
            if self.ch(sep_end).is_some_and(|c| c.is_ascii_digit() || is_cn_numeral(c)) {
                self.pending.push(Pending { num, mult: tail.mult });
                self.pending_next = sep_end;
                return sep_end;
            }
        }
        // a bare 万/亿 next to people: 参保人数7359万, 14亿人口, 3万多居民
        let mut tail = tail;
        if let Some(c @ ('多' | '余')) = self.ch(tail.end) {
            let after = tail.end + c.len_utf8();
            if tail.mult >= 1e4 && !tail.approx && self.person_context(&num, after) {
                tail.end = after;
                tail.approx = true;
            }
        }
        if tail.mult >= 1e4 && self.person_context(&num, tail.end) {
            let q = Quantity {
                start: num.start,
                end: tail.end,
                outer_start: num.start,
                outer_end: tail.end,
                number: Some(num.times(tail.mult)),
                low: None,
                high: None,
                parts: Vec::new(),
                unit: Some(tail.mult_text.to_string()),
                multiplier: Some(tail.mult),
                base_unit: Some(BaseUnit::Person),
                bound: Bound::Exact,
                form: Form::Amount,
                shared_unit: false,
            };
            self.finish(q, tail.approx);
            return skip_to;
        }
        self.pending.clear();
        skip_to
    }

    fn with_unit(&mut self, num: Num, tail: Tail<'t>) -> usize {
        let skip_to = tail.end.max(num.end);
        let base = tail.base;
        let before = self.bound_before(num.start);
        if num.chinese {
            let loose = matches!(
                base,
                Some(BaseUnit::Percent | BaseUnit::PercentagePoint | BaseUnit::Permille | BaseUnit::Multiple)
            );
            if num.magnitude_only && before.is_none() && !loose {
                return skip_to;
            }
            if num.small && !loose && (before.is_none() || !num.magnitude_only) {
                return skip_to;
            }
            // 十倍的疯狂, 百倍的努力: rhetoric
            if (num.small || num.magnitude_only) && base == Some(BaseUnit::Multiple) && self.starts(tail.end, "的") {
                return skip_to;
            }
            // 三个零增长, 五个一: a measure word followed by a numeral
            if num.small && self.ch(tail.end).is_some_and(is_cn_numeral) {
                return skip_to;
            }
        }
        // 前10名, 前三位: a band of ranks, no count of people
        if self.prev(num.start) == Some('前') && matches!(tail.unit_text, "名" | "位") {
            return skip_to;
        }
        let after = self.bound_after(tail.end);
        let after_bound = after.map_or(tail.end, |a| a.0);
        let bounded = before.is_some();
        if self.names_a_class(tail.end, base, bounded)
            || (after_bound != tail.end && self.names_a_class(after_bound, base, true))
        {
            self.pending.clear();
            return skip_to;
        }
        let factor = tail.factor;
        let value = num.times(tail.mult * factor);
        let unit = tail.unit_string();
        // the enumeration before it shares the unit
        if self.pending_next == num.start {
            let pending = std::mem::take(&mut self.pending);
            for p in pending {
                let mult = if p.mult > 1.0 { p.mult } else { tail.mult };
                let q = Quantity {
                    start: p.num.start,
                    end: p.num.end,
                    outer_start: p.num.start,
                    outer_end: p.num.end,
                    number: Some(p.num.times(mult * factor)),
                    low: None,
                    high: None,
                    parts: Vec::new(),
                    unit: Some(unit.clone()),
                    multiplier: Some(mult),
                    base_unit: base,
                    bound: Bound::Exact,
                    form: Form::Amount,
                    shared_unit: true,
                };
                self.out.push(q);
            }
        }
        self.pending.clear();
        let form = if base == Some(BaseUnit::Multiple) { Form::Multiple } else { Form::Amount };
        let q = Quantity {
            start: num.start,
            end: tail.end,
            outer_start: num.start,
            outer_end: tail.end,
            number: Some(value),
            low: None,
            high: None,
            parts: Vec::new(),
            unit: Some(unit),
            multiplier: Some(tail.mult),
            base_unit: base,
            bound: Bound::Exact,
            form,
            shared_unit: false,
        };
        self.finish_bounded(q, tail.approx || num.approx, before, after);
        skip_to
    }

    /// 6.5%-7%, 6.5-7%, 5%—5.5%, 4.5%至5%, 2.5万—3万元; a year range
    /// (2015-2020年) is skipped whole.
    fn range(&mut self, first: Num, tail: &Tail<'t>) -> Option<usize> {
        let p = self.skip_spaces(tail.end);
        let c = self.ch(p)?;
        let conn_end = match c {
            '-' | '—' | '–' | '~' | '～' | '至' | '到' => {
                let mut e = p + c.len_utf8();
                if c == '—' && self.ch(e) == Some('—') {
                    e += c.len_utf8();
                }
                self.skip_spaces(e)
            }
            _ => return None,
        };
        if tail.kind == Some(UnitKind::Time) {
            return None;
        }
        let second = self.numeral(conn_end)?;
        if second.invalid || second.chinese != first.chinese && !second.chinese {
            // mixed scripts are fine only as 百分之八至九 (handled elsewhere)
            if second.invalid {
                return None;
            }
        }
        let t2 = self.tail(second.end);
        if t2.kind == Some(UnitKind::Time) {
            // 2015-2020年, 3至5年: a period
            if !tail.has_unit() {
                return Some(t2.end.max(second.end));
            }
            return None;
        }
        if !t2.has_unit() && !tail.has_unit() {
            return None;
        }
        let (unit_tail, same) = if t2.has_unit() {
            let same = !tail.has_unit() || tail.base == t2.base;
            (&t2, same)
        } else {
            // 5%-6 with the unit on the first part only
            (tail, true)
        };
        if !same {
            return None;
        }
        if first.chinese
            && (first.small || first.magnitude_only)
            && !matches!(unit_tail.base, Some(BaseUnit::Percent | BaseUnit::PercentagePoint | BaseUnit::Multiple))
        {
            return None;
        }
        let f = unit_tail.factor;
        let m1 = if tail.mult > 1.0 { tail.mult } else { unit_tail.mult };
        let m2 = if t2.has_unit() { t2.mult } else { tail.mult };
        let low = first.times(m1 * f);
        let high = second.times(m2 * f);
        if !(low.is_finite() && high.is_finite()) || high < low {
            return None;
        }
        let end = if t2.has_unit() { t2.end } else { second.end };
        let q = Quantity {
            start: first.start,
            end,
            outer_start: first.start,
            outer_end: end,
            number: None,
            low: Some(low),
            high: Some(high),
            parts: Vec::new(),
            unit: Some(unit_tail.unit_string()),
            multiplier: Some(unit_tail.mult),
            base_unit: unit_tail.base,
            bound: Bound::Range,
            form: Form::Range,
            shared_unit: false,
        };
        self.pending.clear();
        Some(self.finish(q, false))
    }

    /// Shapes only Arabic numerals take: ratio chains, fractions, products.
    fn arabic_shapes(&mut self, num: Num) -> Option<usize> {
        let c = self.ch(self.skip_spaces(num.end))?;
        match c {
            ':' | '∶' => {
                let mut parts = vec![num.value];
                let mut end = num.end;
                loop {
                    let colon = self.skip_spaces(end);
                    if !matches!(self.ch(colon), Some(':' | '∶')) {
                        break;
                    }
                    let p = self.skip_spaces(colon + self.ch(colon).map_or(1, char::len_utf8));
                    if !self.ch(p).is_some_and(|c| c.is_ascii_digit()) {
                        break;
                    }
                    let n = self.arabic(p);
                    if n.invalid {
                        return Some(n.end);
                    }
                    parts.push(n.value);
                    end = n.end;
                    if parts.len() > 8 {
                        break;
                    }
                }
                if parts.len() < 2 {
                    return None;
                }
                if parts.len() == 2 && !self.ratio_context(num.start) {
                    return Some(end);
                }
                let q = Quantity {
                    start: num.start,
                    end,
                    outer_start: num.start,
                    outer_end: end,
                    number: Some(parts[0]),
                    low: None,
                    high: None,
                    parts,
                    unit: None,
                    multiplier: None,
                    base_unit: Some(BaseUnit::Ratio),
                    bound: Bound::Exact,
                    form: Form::Structure,
                    shared_unit: false,
                };
                Some(self.finish(q, false))
            }
            '/' if num.integer && self.ch(num.end) == Some('/') => {
                let p = num.end + 1;
                if !self.ch(p).is_some_and(|c| c.is_ascii_digit()) {
                    return None;
                }
                let d = self.arabic(p);
                let t2 = self.tail(d.end);
                if d.invalid
                    || !d.integer
                    || t2.kind.is_some()
                    || d.value == 0.0
                    || d.value > 100.0
                    || num.value > 100.0
                {
                    return Some(t2.end.max(d.end));
                }
                let q = simple(num.start, d.end, num.value / d.value, None, BaseUnit::Ratio, Form::Fraction);
                Some(self.finish(q, false))
            }
            '×' | '*' | 'x' | 'X' if num.integer && self.ch(num.end) == Some(c) => {
                let p = num.end + c.len_utf8();
                let n2 = self.numeral(p)?;
                if n2.invalid || n2.chinese {
                    return None;
                }
                let t2 = self.tail(n2.end);
                if !t2.has_unit() {
                    return None;
                }
                let value = num.value * n2.times(t2.mult * t2.factor);
                let q = Quantity {
                    start: num.start,
                    end: t2.end,
                    outer_start: num.start,
                    outer_end: t2.end,
                    number: Some(value),
                    low: None,
                    high: None,
                    parts: Vec::new(),
                    unit: Some(t2.unit_string()),
                    multiplier: Some(t2.mult),
                    base_unit: t2.base,
                    bound: Bound::Exact,
                    form: Form::Amount,
                    shared_unit: false,
                };
                Some(self.finish(q, t2.approx))
            }
            _ => None,
        }
    }

    fn list_declaration(&mut self, num: Num) -> Option<usize> {
        let (m, _) = words().list_measure.longest_at(self.t, num.end)?;
        let end = num.end + m.len();
        if !words().list_head.starts_at(self.t, end) || num.value.fract() != 0.0 || num.value < 1.0 {
            return None;
        }
        let q = Quantity {
            start: num.start,
            end,
            outer_start: num.start,
            outer_end: end,
            number: Some(num.value),
            low: None,
            high: None,
            parts: Vec::new(),
            unit: Some(m.to_string()),
            multiplier: Some(1.0),
            base_unit: Some(BaseUnit::Count),
            bound: Bound::Exact,
            form: Form::Amount,
            shared_unit: false,
        };
        Some(self.finish(q, false))
    }

    /// 百分之八, 百分之三点五, 百分之八至九, 千分之三, 万分之五.
    fn per_words(&mut self, i: usize) -> usize {
        let head = "百分之".len();
        let p = i + head;
        let (base, scale, unit) = if self.starts(i, "百分之") {
            (BaseUnit::Percent, 1.0, "百分之")
        } else if self.starts(i, "千分之") {
            (BaseUnit::Permille, 1.0, "千分之")
        } else {
            (BaseUnit::Ratio, 1e-4, "万分之")
        };
        let Some(num) = self.numeral(p) else {
            return p;
        };
        if num.invalid || num.positional {
            return num.end.max(p);
        }
        let mut end = num.end;
        let mut high = None;
        if let Some(c @ ('至' | '到' | '-' | '—')) = self.ch(end) {
            let mut q = end + c.len_utf8();
            if self.starts(q, unit) {
                q += head;
            }
            if let Some(n2) = self.numeral(q) {
                if !n2.invalid && !n2.positional && n2.value > num.value {
                    high = Some(n2.value * scale);
                    end = n2.end;
                }
            }
        }
        let mut q = simple(i, end, num.value * scale, Some(unit), base, Form::Amount);
        if let Some(h) = high {
            q.number = None;
            q.low = Some(num.value * scale);
            q.high = Some(h);
            q.form = Form::Range;
            q.bound = Bound::Range;
        }
        self.finish(q, false)
    }

    /// 三分之一, 四分之三.
    fn fraction_words(&mut self, den: Num) -> usize {
        let p = den.end + "分之".len();
        let Some(n) = self.numeral(p) else {
            return p;
        };
        if n.invalid || den.value == 0.0 || den.value.is_nan() {
            return n.end;
        }
        let q = simple(den.start, n.end, n.value / den.value, None, BaseUnit::Ratio, Form::Fraction);
        self.finish(q, false)
    }

    /// 翻番, 翻一番, 翻了两番.
    fn fan(&mut self, i: usize) -> usize {
        let mut p = i + '翻'.len_utf8();
        if self.starts(p, "了") {
            p += '了'.len_utf8();
        }
        let mut times = 1.0;
        if let Some(n) = self.numeral(p) {
            if n.invalid || n.value < 1.0 || n.value > 10.0 {
                return n.end;
            }
            times = n.value;
            p = n.end;
        }
        if !self.starts(p, "番") {
            return i + '翻'.len_utf8();
        }
        let end = p + '番'.len_utf8();
        let q = simple(i, end, 2f64.powf(times), Some("番"), BaseUnit::Multiple, Form::Multiple);
        self.finish(q, false)
    }

    /// 第二 (rank when a rank cue precedes it), 第三十九位, 第4名; otherwise an
    /// ordinal (第十三届) that is skipped whole.
    fn ordinal(&mut self, i: usize) -> usize {
        let p = i + '第'.len_utf8();
        let Some(num) = self.numeral(p) else {
            return p;
        };
        if num.invalid || num.positional || num.value < 1.0 || num.value.fract() != 0.0 {
            return num.end.max(p);
        }
        let after = num.end;
        let suffix = ["位", "名"].into_iter().find(|s| self.starts(after, s));
        let end = match suffix {
            Some(s) => {
                let e = after + s.len();
                // 位于 is no rank; 放在第一位 (a priority) needs a rank cue
                if words().rank_not_after.starts_at(self.t, after)
                    || self.starts(after, "位于")
                    || (s == "位" && !self.rank_context(i))
                {
                    return after;
                }
                e
            }
            None => {
                if words().rank_not_after.starts_at(self.t, after) {
                    return after;
                }
                match self.ch(after) {
                    Some(ch) if crate::normalize::is_han(ch) || ch.is_ascii_alphanumeric() => return after,
                    _ => {}
                }
                if !self.rank_context(i) {
                    return after;
                }
                after
            }
        };
        if self.quoted(i) {
            return end;
        }
        let q = simple(i, end, num.value, suffix, BaseUnit::Rank, Form::Rank);
        self.finish(q, false)
    }
}

/// The first position at or after `k` (a character boundary) that the scan
/// loop must decode: the characters it steps over here are ASCII and
/// three-byte characters that are not [`interesting`] (a three-byte one
/// is mostly rejected on its first two bytes, by [`boring_pairs`]). Stops
/// before two- and four-byte characters and the last two bytes, which the
/// loop decodes itself.
#[inline]
fn skip_plain(b: &[u8], k: usize, interesting: &[u64; 0x10000 / 64], boring: &[u64; 0x10000 / 64]) -> usize {
    let mut rest = b.get(k..).unwrap_or_default();
    while let [x, y, z, ..] = *rest {
        let pair = usize::from(x) << 8 | usize::from(y);
        if boring[pair >> 6] & (1 << (pair & 63)) != 0 {
            rest = &rest[3..];
            continue;
        }
        if x < 0x80 {
            if interesting[usize::from(x >> 6)] & (1 << (x & 63)) != 0 {
                break;
            }
            rest = &rest[1..];
            continue;
        }
        if x & 0xF0 != 0xE0 {
            break;
        }
        let u = usize::from(x & 0x0F) << 12 | usize::from(y & 0x3F) << 6 | usize::from(z & 0x3F);
        if interesting[u >> 6] & (1 << (u & 63)) != 0 {
            break;
        }
        rest = &rest[3..];
    }
    b.len() - rest.len()
}

/// Bitset over the Basic Multilingual Plane of the characters the scan loop
/// must look at: digits, Chinese numerals, 第/首/翻, quotes and breaks (the
/// loop takes those that are not quotes or breaks as the start of a number).
fn interesting() -> &'static [u64] {
    static T: OnceLock<Vec<u64>> = OnceLock::new();
    T.get_or_init(|| {
        let mut bits = vec![0u64; 0x10000 / 64];
        let chars = "0123456789\"\n“”《》。第首翻十百千万亿零〇○一二两三四五六七八九";
        for c in chars.chars() {
            let u = c as usize;
            bits[u / 64] |= 1 << (u % 64);
        }
        bits
    })
}

/// Bitset over pairs of bytes (first << 8 | second): set for the first two
/// bytes of a three-byte UTF-8 character whose block of 64 code points holds
/// nothing of [`interesting`], so the scan loop steps over it on one test.
fn boring_pairs() -> &'static [u64] {
    static T: OnceLock<Vec<u64>> = OnceLock::new();
    T.get_or_init(|| {
        let interesting = interesting();
        let mut bits = vec![0u64; 0x10000 / 64];
        for x in 0xE0..=0xEFusize {
            for y in 0x80..=0xBFusize {
                if interesting[(x & 0x0F) << 6 | (y & 0x3F)] == 0 {
                    let pair = x << 8 | y;
                    bits[pair / 64] |= 1 << (pair % 64);
                }
            }
        }
        bits
    })
}

fn simple(start: usize, end: usize, number: f64, unit: Option<&str>, base: BaseUnit, form: Form) -> Quantity {
    Quantity {
        start,
        end,
        outer_start: start,
        outer_end: end,
        number: Some(number),
        low: None,
        high: None,
        parts: Vec::new(),
        unit: unit.map(str::to_string),
        multiplier: Some(1.0),
        base_unit: Some(base),
        bound: Bound::Exact,
        form,
        shared_unit: false,
    }
}

/// Characters that end a clause.
pub(crate) fn is_clause_break(c: char) -> bool {
    matches!(c, '。' | ';' | '；' | '!' | '?' | '\n' | ',' | '，' | ':' | '：' | '…')
}

fn bound_named(s: &str) -> Option<Bound> {
    Some(match s {
        "about" => Bound::About,
        "at_least" => Bound::AtLeast,
        "at_most" => Bound::AtMost,
        "nearly" => Bound::Nearly,
        "range" => Bound::Range,
        "exact" => Bound::Exact,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Quantity {
        let q = scan(text);
        assert_eq!(q.len(), 1, "{text}: {q:#?}");
        q.into_iter().next().unwrap()
    }

    fn texts(text: &str) -> Vec<&str> {
        scan(text).iter().map(|q| &text[q.start..q.end]).collect()
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() <= 1e-9 * b.abs().max(1.0))
    }

    #[test]
    fn chinese_numerals() {
        let v = |s: &str| cn_value(&s.chars().collect::<Vec<_>>()).map(|v| v.value);
        assert_eq!(v("一百二十"), Some(120.0));
        assert_eq!(v("两"), Some(2.0));
        assert_eq!(v("三千零六十八"), Some(3068.0));
        assert_eq!(v("一万三千五百十三"), Some(13513.0));
        assert_eq!(v("四十二万五千"), Some(425000.0));
        assert_eq!(v("八千亿"), Some(8e11));
        assert_eq!(v("三万亿"), Some(3e12));
        assert_eq!(v("一亿三千万"), Some(1.3e8));
        assert_eq!(v("三点五"), Some(3.5));
        assert_eq!(v("六十点八"), Some(60.8));
        assert_eq!(v("十"), Some(10.0));
        assert_eq!(v("二〇一七"), Some(2017.0));
        assert_eq!(v("十三五"), None);
        assert_eq!(v("三五"), Some(35.0)); // positional; never a value
    }

    #[test]
    fn money_and_multipliers() {
        let q = one("地区生产总值550亿元,");
        assert_eq!(q.number, Some(5.5e10));
        assert_eq!(q.unit.as_deref(), Some("亿元"));
        assert_eq!(q.multiplier, Some(1e8));
        assert_eq!(q.base_unit, Some(BaseUnit::Cny));
        let q = one("达到1.5万亿元");
        assert!(close(q.number, 1.5e12));
        let q = one("实际利用外资17.8亿美元");
        assert!(close(q.number, 1.78e9));
        assert_eq!(q.base_unit, Some(BaseUnit::Usd));
        assert_eq!(one("142.7亿元").number, Some(14_270_000_000.0));
        assert_eq!(one("1.12万处").number, Some(11_200.0));
        assert_eq!(one("4.06万亿元").number, Some(4.06e12));
        let q = one("总额27,203,000元。");
        assert_eq!(q.number, Some(27_203_000.0));
        let q = one("一千亿元");
        assert_eq!(q.number, Some(1e11));
        let q = one("一亿六千余万亩");
        assert_eq!((q.number, q.bound), (Some(1.6e8), Bound::AtLeast));
        assert!(close(one("百分之六十点八").number, 60.8));
    }

    #[test]
    fn measure_words_people_area() {
        let q = one("新增就业岗位17.6万个");
        assert!(close(q.number, 176000.0));
        assert_eq!(q.unit.as_deref(), Some("万个"));
        assert_eq!(q.base_unit, Some(BaseUnit::Count));
        assert_eq!(one("8.6万人").base_unit, Some(BaseUnit::Person));
        assert_eq!(one("1万人次").base_unit, Some(BaseUnit::PersonTime));
        assert_eq!(one("6763户").base_unit, Some(BaseUnit::Household));
        let q = one("569万平方米");
        assert!(close(q.number, 5.69e6));
        assert_eq!(q.base_unit, Some(BaseUnit::AreaM2));
        assert!(close(one("3平方公里").number, 3e6));
        assert_eq!(one("1.4万亩").base_unit, Some(BaseUnit::Mu));
        assert!(close(one("442公里").number, 442000.0));
        assert!(close(one("60万吨").number, 6e8));
        assert!(close(one("100亿千瓦时").number, 1e10));
        assert!(close(one("2×35万千瓦").number, 7e5));
        assert_eq!(one("2×35万千瓦").base_unit, Some(BaseUnit::PowerKw));
        assert!(close(one("120万标箱").number, 1.2e6));
    }

    #[test]
    fn percent_points_permille() {
        let q = one("增长 8 .8 %");
        assert!(close(q.number, 8.8));
        assert_eq!(q.base_unit, Some(BaseUnit::Percent));
        let q = one("提高十个百分点以上");
        assert_eq!(q.number, Some(10.0));
        assert_eq!(q.base_unit, Some(BaseUnit::PercentagePoint));
        assert_eq!(q.bound, Bound::AtLeast);
        assert_eq!(one("3‰").base_unit, Some(BaseUnit::Permille));
        assert_eq!(one("百分之八").number, Some(8.0));
        let q = one("千分之三");
        assert_eq!((q.number, q.base_unit), (Some(3.0), Some(BaseUnit::Permille)));
        assert_eq!(one("五个百分点").number, Some(5.0));
    }

    #[test]
    fn ranges() {
        for (t, lo, hi) in [
            ("增长6.5%-7%", 6.5, 7.0),
            ("增长6.5-7%", 6.5, 7.0),
            ("5%—5.5%", 5.0, 5.5),
            ("4.5%至5%", 4.5, 5.0),
            ("百分之八至九", 8.0, 9.0),
            ("百分之四到五", 4.0, 5.0),
            ("2.5万—3万元", 25000.0, 30000.0),
        ] {
            let q = one(t);
            assert_eq!(q.form, Form::Range, "{t}");
            assert_eq!(q.bound, Bound::Range, "{t}");
            assert!(close(q.low, lo) && close(q.high, hi), "{t}: {q:?}");
            assert_eq!(q.number, None);
        }
        assert!(scan("(2015-2020年)").is_empty());
        assert!(scan("3至5年内").is_empty());
    }

    #[test]
    fn structures_fractions_multiples_ranks() {
        let q = one("由2011年的0.2:33.3:66.5调整");
        assert_eq!(q.form, Form::Structure);
        assert_eq!(q.parts, vec![0.2, 33.3, 66.5]);
        assert_eq!(q.number, Some(0.2));
        assert_eq!(one("占全国的1/4").number, Some(0.25));
        assert_eq!(one("超过一半").number, Some(0.5));
        assert!(close(one("三分之一").number, 1.0 / 3.0));
        let q = one("较上个五年翻一番");
        assert_eq!((q.form, q.number), (Form::Multiple, Some(2.0)));
        assert_eq!(one("规模翻番").number, Some(2.0));
        assert_eq!(one("翻两番").number, Some(4.0));
        let q = one("增长2倍");
        assert_eq!((q.form, q.base_unit), (Form::Multiple, Some(BaseUnit::Multiple)));
        let q = one("连续10年居主城区首位");
        assert_eq!((q.form, q.number), (Form::Rank, Some(1.0)));
        assert_eq!(texts("稳居全市第二,"), vec!["第二"]);
        assert_eq!(texts("居全国第三十九位"), vec!["第三十九位"]);
        assert_eq!(one("居全国第三十九位").number, Some(39.0));
        assert!(scan("进入全市第一方阵").is_empty());
        assert!(scan("第十三届人民代表大会第一次会议").is_empty());
        assert!(scan("第二产业").is_empty());
    }

    #[test]
    fn bounds() {
        let b = |t: &str| one(t).bound;
        assert_eq!(b("增长8%左右"), Bound::About);
        assert_eq!(b("约3万人"), Bound::About);
        assert_eq!(b("6000户以上"), Bound::AtLeast);
        assert_eq!(b("超过150亿元"), Bound::AtLeast);
        assert_eq!(b("突破70亿元"), Bound::AtLeast);
        assert_eq!(b("逾100家"), Bound::AtLeast);
        assert_eq!(b("5万余吨"), Bound::AtLeast);
        assert_eq!(b("100多家"), Bound::AtLeast);
        assert_eq!(b("不低于5%"), Bound::AtLeast);
        assert_eq!(b("控制在4.6%以内"), Bound::AtMost);
        assert_eq!(b("控制在3%左右"), Bound::About);
        assert_eq!(b("不超过3%"), Bound::AtMost);
        assert_eq!(b("近百家"), Bound::Nearly);
        assert_eq!(b("节约3亿元"), Bound::Exact);
        assert_eq!(texts("6000户以上"), vec!["6000户"]);
        assert_eq!(texts("突破70亿元"), vec!["70亿元"]);
        assert_eq!(texts("新增截污量5万余吨/日,"), vec!["5万余吨/日"]);
        assert_eq!(texts("近百家"), vec!["百家"]);
    }

    #[test]
    fn compound_units_keep_the_multiplier_only() {
        let q = one("新增截污量5万余吨/日");
        assert_eq!(q.number, Some(50000.0));
        assert_eq!(q.base_unit, None);
        assert_eq!(q.unit.as_deref(), Some("万吨/日"));
        assert_eq!(one("35微克/立方米").number, Some(35.0));
    }

    #[test]
    fn shared_units() {
        let t = "改造分别达256、452、112万平方米,";
        let q = scan(t);
        assert_eq!(q.len(), 3);
        assert_eq!(texts(t), vec!["256", "452", "112万平方米"]);
        assert!(close(q[0].number, 2.56e6) && close(q[1].number, 4.52e6));
        assert!(q[0].shared_unit && !q[2].shared_unit);
        let t = "分别提高3.4个、1个百分点";
        let q = scan(t);
        assert_eq!(q.len(), 2);
        assert!(q.iter().all(|q| q.base_unit == Some(BaseUnit::PercentagePoint)));
        assert_eq!(texts("开工学校(幼儿园)8所、交付9所"), vec!["8所", "9所"]);
        assert_eq!(texts("居委会换届114个"), vec!["114个"]);
        assert_eq!(texts("2015、2016年分别增长5%、6%"), vec!["5%", "6%"]);
    }

    #[test]
    fn people_from_context() {
        let q = one("参保人数7359万");
        assert_eq!((q.number, q.base_unit), (Some(7.359e7), Some(BaseUnit::Person)));
        for c in ('\u{0}'..='\u{FFFF}').filter(|c| is_cn_numeral(*c) || c.is_ascii_digit()) {
            let u = c as usize;
            assert!(interesting()[u / 64] & (1 << (u % 64)) != 0, "{c}");
        }
        let q = one("3万多居民群众");
        assert_eq!((q.number, q.bound), (Some(3e4), Bound::AtLeast));
        let q = one("近14亿人口的大国");
        assert_eq!((q.number, q.bound), (Some(1.4e9), Bound::Nearly));
        assert_eq!(q.base_unit, Some(BaseUnit::Person));
        assert!(scan("国内生产总值1.2万亿").is_empty());
    }

    #[test]
    fn non_values() {
        for t in [
            "深入实施“三改一拆”",
            "“十三五”规划",
            "十三五时期",
            "“一号工程”强势推进",
            "G20杭州峰会",
            "5G基站建设",
            "PM2.5平均浓度",
            "世界500强企业",
            "地铁1号线",
            "Ⅲ类标准",
            "国家4A级旅游景区",
            "500KV变电站",
            "市521人才",
            "“1+2+9+N”指挥体系",
            "“5+2”特色河长制",
            "2016年,预计",
            "五年来",
            "连续10年",
            "连续十一年被授予",
            "一是启动",
            "(一)突出创新驱动",
            "1.加快发展",
            "税收千万元以上企业",
            "亿元级重大项目",
            "5万元以下的村",
            "投资超5亿元的项目",
            "进入全国前10名",
            "放在第一位",
            "省委九届十一次全会",
            "十二届十一次全会精神",
            "省委九届十一次、十二次全会",
            "打造税收亿元楼宇",
            "超亿元楼宇",
            "坚持“四个全面”",
            "四个全面战略布局",
            "一批重大项目",
            "三个零增长",
            "数十家企业",
            "十几个",
            "每万人发明专利",
            "每百人拥有",
            "3月5日",
            "二〇一七年二月",
            "《纲要(2015-2020年)》",
            "千家万户",
            "亿万人民",
            "第一批试点",
            "十八大以来",
            "三年行动计划",
            "12345热线",
        ] {
            assert!(scan(t).is_empty(), "{t}: {:?}", scan(t));
        }
    }

    #[test]
    fn list_declarations() {
        assert_eq!(texts("八件为民办实事全面完成"), vec!["八件"]);
        assert_eq!(texts("做好10件实事:"), vec!["10件"]);
        assert_eq!(texts("十方面民生实事"), vec!["十方面"]);
    }

    #[test]
    fn never_panics_and_stays_linear() {
        let digits = "1234567890".repeat(100_000);
        let _ = scan(&digits);
        let mixed = "增长9.5%,一万三千亿元、256、,:1/0×2百分之第首位翻".repeat(2000);
        let _ = scan(&mixed);
        let odd: String = (0u32..5000).filter_map(|i| char::from_u32(i * 37 % 0x10FFFF)).collect();
        let _ = scan(&odd);
        let _ = scan("");
        let _ = scan("1");
        let _ = scan("1.");
        let _ = scan("百分之");
        let _ = scan("第");
        let _ = scan("12,3");
        let _ = scan("1:");
    }
}
