//! Word tables shipped as data files (`data/units.tsv`, `data/cues.tsv`,
//! `data/metrics.tsv`) and the small matchers the quantity stages use on them.
//!
//! Every table is a tab-separated text file with `#` comments, embedded with
//! `include_str!` and parsed once (see [`cues`]). Matching is by first (or
//! last) character, longest word first, so a lookup at a position costs a few
//! string comparisons whatever the size of the table.
//!
//! ```
//! use baogao::lexicon::WordMap;
//! let mut m = WordMap::default();
//! m.insert("万", 1);
//! m.insert("万亿", 2);
//! assert_eq!(m.longest_at("万亿元", 0), Some(("万亿", &2)));
//! assert_eq!(m.longest_ending("达到万亿", 12), Some(("万亿", &2)));
//! ```

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A fast hasher for `char` keys (a multiplicative hash; the keys are not
/// attacker-chosen, they come from the shipped tables).
#[derive(Default, Clone, Copy)]
pub struct CharHasher(u64);

impl Hasher for CharHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = (self.0 ^ u64::from(n)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// A `HashMap` keyed by chars with [`CharHasher`].
pub type CharMap<V> = HashMap<char, V, BuildHasherDefault<CharHasher>>;

/// A `HashMap` with [`CharHasher`] for short string keys.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<CharHasher>>;

/// A set of words with a value each, matched longest first at a position
/// (forwards) or ending at a position (backwards).
#[derive(Debug, Clone)]
pub struct WordMap<V> {
    by_first: CharMap<Vec<(String, V)>>,
    by_last: CharMap<Vec<(String, V)>>,
    /// Bitsets of the first and last characters in the Basic Multilingual
    /// Plane, so that most positions are rejected without hashing.
    first_bits: Vec<u64>,
    last_bits: Vec<u64>,
    /// First characters that are a word on their own, and a hashed bitset of
    /// the first two characters of the longer words: a position whose first
    /// character starts some word but whose first two start none is rejected
    /// with a second bit test.
    single_bits: Vec<u64>,
    pair_bits: Vec<u64>,
    len: usize,
}

/// Bit index of the pair of characters `a`, `b` in `pair_bits`.
fn pair_hash(a: char, b: char) -> usize {
    let h = (u64::from(a as u32) << 21 | u64::from(b as u32)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h >> 48) as usize
}

/// `true` when the pair `a`, `b` may start a word.
fn pair_maybe(bits: &[u64], a: char, b: char) -> bool {
    let h = pair_hash(a, b);
    bits[h / 64] & (1 << (h % 64)) != 0
}

const BMP_WORDS: usize = 0x10000 / 64;

fn bit_set(bits: &mut [u64], c: char) {
    let u = c as usize;
    if u < 0x10000 {
        bits[u / 64] |= 1 << (u % 64);
    }
}

/// `false` when `c` is certainly not in the set.
fn bit_maybe(bits: &[u64], c: char) -> bool {
    let u = c as usize;
    u >= 0x10000 || bits.get(u / 64).is_some_and(|w| w & (1 << (u % 64)) != 0)
}

/// Finds the first character of `s` (from byte `from`, a char boundary) that
/// may be in the BMP bitset `bits` and for which `f(byte offset, char)`
/// returns `Some`. Chinese characters are three UTF-8 bytes whose first two
/// name the 64-character word of `bits` they fall in and whose last names
/// the bit, so they are tested and stepped over without being decoded.
fn find_candidate<R>(s: &str, from: usize, bits: &[u64], mut f: impl FnMut(usize, char) -> Option<R>) -> Option<R> {
    let b = s.as_bytes();
    let mut i = from;
    while let Some(&x) = b.get(i) {
        if (0xE0..=0xEF).contains(&x) {
            // a three-byte character, tested on its bit without decoding it
            let (y, z) = (b.get(i + 1).map_or(0, |y| y & 0x3F), b.get(i + 2).map_or(0, |z| z & 0x3F));
            let word = (usize::from(x & 0x0F) << 6) | usize::from(y);
            if bits[word] & (1 << z) != 0 {
                let u = (word << 6 | usize::from(z)) as u32;
                if let Some(r) = char::from_u32(u).and_then(|c| f(i, c)) {
                    return Some(r);
                }
            }
            i += 3;
            continue;
        }
        let len = match x {
            0..=0x7F => 1,
            0xC0..=0xDF => 2,
            _ => 4,
        };
        if let Some(c) = s.get(i..).and_then(|r| r.chars().next()) {
            if bit_maybe(bits, c) {
                if let Some(r) = f(i, c) {
                    return Some(r);
                }
            }
        }
        i += len;
    }
    None
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap {
            by_first: CharMap::default(),
            by_last: CharMap::default(),
            first_bits: vec![0; BMP_WORDS],
            last_bits: vec![0; BMP_WORDS],
            single_bits: vec![0; BMP_WORDS],
            pair_bits: vec![0; BMP_WORDS],
            len: 0,
        }
    }
}

impl<V: Clone> WordMap<V> {
    /// Adds `word` (ignored when empty). A word added twice keeps both
    /// values; the first inserted wins on lookup.
    pub fn insert(&mut self, word: &str, value: V) {
        let (Some(first), Some(last)) = (word.chars().next(), word.chars().last()) else {
            return;
        };
        bit_set(&mut self.first_bits, first);
        bit_set(&mut self.last_bits, last);
        match word.chars().nth(1) {
            None => bit_set(&mut self.single_bits, first),
            Some(second) => {
                let h = pair_hash(first, second);
                self.pair_bits[h / 64] |= 1 << (h % 64);
            }
        }
        for (map, key) in [(&mut self.by_first, first), (&mut self.by_last, last)] {
            let list = map.entry(key).or_default();
            let at = list.partition_point(|(w, _)| w.len() >= word.len());
            list.insert(at, (word.to_string(), value.clone()));
        }
        self.len += 1;
    }
}

impl<V> WordMap<V> {
    /// Number of words.
    pub fn len(&self) -> usize {
        self.len
    }

    /// `true` when the map holds no word.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The longest word starting at byte `pos` of `text`.
    pub fn longest_at<'a>(&'a self, text: &str, pos: usize) -> Option<(&'a str, &'a V)> {
        let first = text.get(pos..)?.chars().next()?;
        self.word_at(text, pos, first)
    }

    /// [`Self::longest_at`] where the character at `pos` is known to be `c`
    /// (it is not decoded again).
    pub(crate) fn longest_at_char<'a>(&'a self, text: &str, pos: usize, c: char) -> Option<(&'a str, &'a V)> {
        debug_assert_eq!(text.get(pos..).and_then(|r| r.chars().next()), Some(c));
        self.word_at(text, pos, c)
    }

    /// The longest word ending at byte `end` of `text`.
    pub fn longest_ending<'a>(&'a self, text: &str, end: usize) -> Option<(&'a str, &'a V)> {
        let head = text.get(..end)?;
        let last = head.chars().next_back()?;
        if !bit_maybe(&self.last_bits, last) {
            return None;
        }
        self.by_last.get(&last)?.iter().find(|(w, _)| head.ends_with(w.as_str())).map(|(w, v)| (w.as_str(), v))
    }

    /// The chars that every word holds (none for an empty map), sorted: a
    /// stretch of text without one of them holds no word, which a fast
    /// `str::contains` tells.
    ///
    /// ```
    /// let mut m = baogao::lexicon::WordMap::default();
    /// m.insert("预期目标", ());
    /// m.insert("主要指标", ());
    /// assert_eq!(m.shared_chars(), ['标']);
    /// ```
    pub fn shared_chars(&self) -> Vec<char> {
        let mut words = self.by_first.values().flatten().map(|(w, _)| w.as_str());
        let Some(first) = words.next() else { return Vec::new() };
        let mut shared: Vec<char> = first.chars().collect();
        shared.sort_unstable();
        shared.dedup();
        for w in words {
            shared.retain(|&c| w.contains(c));
        }
        shared
    }

    /// `true` when some word starts at `pos`.
    pub fn starts_at(&self, text: &str, pos: usize) -> bool {
        self.longest_at(text, pos).is_some()
    }

    /// `true` when some word ends at `end`.
    pub fn ends_at(&self, text: &str, end: usize) -> bool {
        self.longest_ending(text, end).is_some()
    }

    /// The longest word starting with `c` at byte `pos` of `slice`. The bit
    /// tests that reject most positions are inlined into the caller; the
    /// lists are looked at by [`Self::word_in_lists`].
    #[inline]
    fn word_at<'a>(&'a self, slice: &str, pos: usize, c: char) -> Option<(&'a str, &'a V)> {
        if !bit_maybe(&self.first_bits, c) {
            return None;
        }
        let rest = &slice[pos..];
        if !bit_maybe(&self.single_bits, c) {
            let second = rest.get(c.len_utf8()..)?.chars().next()?;
            if !pair_maybe(&self.pair_bits, c, second) {
                return None;
            }
        }
        self.word_in_lists(rest, c)
    }

    /// The longest word starting with `c` that `rest` starts with.
    #[inline(never)]
    fn word_in_lists<'a>(&'a self, rest: &str, c: char) -> Option<(&'a str, &'a V)> {
        self.by_first.get(&c)?.iter().find(|(w, _)| rest.starts_with(w.as_str())).map(|(w, v)| (w.as_str(), v))
    }

    /// `text[..to]` and the first char boundary at or after `from`.
    fn window(text: &str, from: usize, to: usize) -> Option<(&str, usize)> {
        let to = to.min(text.len());
        let slice = text.get(..to)?;
        let mut from = from.min(to);
        while !slice.is_char_boundary(from) {
            from += 1;
        }
        Some((slice, from))
    }

    /// The first (leftmost, then longest) word occurring in `text[from..to]`,
    /// as (start, word, value). Cost is linear in the slice length; most
    /// characters are rejected by a bit test.
    pub fn find_in<'a>(&'a self, text: &str, from: usize, to: usize) -> Option<(usize, &'a str, &'a V)> {
        let (slice, from) = Self::window(text, from, to)?;
        find_candidate(slice, from, &self.first_bits, |i, c| self.word_at(slice, i, c).map(|(w, v)| (i, w, v)))
    }

    /// The last (rightmost-starting) word occurring in `text[from..to]`, as
    /// (start, word, value).
    pub fn rfind_in<'a>(&'a self, text: &str, from: usize, to: usize) -> Option<(usize, &'a str, &'a V)> {
        let (slice, from) = Self::window(text, from, to)?;
        slice[from..]
            .char_indices()
            .rev()
            .find_map(|(i, c)| self.word_at(slice, from + i, c).map(|(w, v)| (from + i, w, v)))
    }
}

/// Several word maps located together in many stretches of one text: their
/// first-character bitsets merged once, so a stage scans just the stretches
/// it asks about, once for all the maps (a character that starts no word of
/// any map costs one bit test).
///
/// ```
/// use baogao::lexicon::{MapSet, WordMap};
/// let (mut a, mut b) = (WordMap::default(), WordMap::default());
/// a.insert("去年", ());
/// b.insert("年", ());
/// let set = MapSet::new([&a, &b]);
/// let t = "去年和今年";
/// let mut found = Vec::new();
/// set.each_in(t, 0, t.len(), |k, at, w| found.push((k, at, w)));
/// assert_eq!(found, [(0, 0, "去年"), (1, 3, "年"), (1, 12, "年")]);
/// ```
#[derive(Debug, Clone)]
pub struct MapSet<'m, V, const N: usize> {
    maps: [&'m WordMap<V>; N],
    first: Vec<u64>,
    single: Vec<u64>,
    pair: Vec<u64>,
}

impl<'m, V, const N: usize> MapSet<'m, V, N> {
    /// The set of `maps`, in this order.
    pub fn new(maps: [&'m WordMap<V>; N]) -> Self {
        let (mut first, mut single, mut pair) = (vec![0u64; BMP_WORDS], vec![0u64; BMP_WORDS], vec![0u64; BMP_WORDS]);
        for m in &maps {
            for (a, b) in [(&mut first, &m.first_bits), (&mut single, &m.single_bits), (&mut pair, &m.pair_bits)] {
                a.iter_mut().zip(b).for_each(|(x, y)| *x |= y);
            }
        }
        MapSet { maps, first, single, pair }
    }

    /// Calls `found(k, start, word)` for each position `start` of
    /// `t[from..to]` where a word of the `k`th map starts, with that map's
    /// longest word there (which may run on past `to`): by position, then by
    /// map. `from` and `to` are char boundaries (nothing is found otherwise).
    pub fn each_in(&self, t: &str, from: usize, to: usize, mut found: impl FnMut(usize, usize, &'m str)) {
        let Some(head) = t.get(..to) else { return };
        if !head.is_char_boundary(from) {
            return;
        }
        find_candidate(head, from, &self.first, |i, c| {
            let next = || t[i + c.len_utf8()..].chars().next();
            if bit_maybe(&self.single, c) || next().is_some_and(|d| pair_maybe(&self.pair, c, d)) {
                for (k, m) in self.maps.iter().enumerate() {
                    if let Some((w, _)) = m.word_at(t, i, c) {
                        found(k, i, w);
                    }
                }
            }
            None::<()>
        });
    }
}

/// Rows of a TSV data file: non-empty, non-comment lines split on tabs.
pub(crate) fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// The cue-word table (`data/cues.tsv`): category → words with an optional
/// value, e.g. `bound_after 左右 about`.
#[derive(Debug, Default)]
pub struct Cues {
    maps: FastMap<&'static str, WordMap<&'static str>>,
    empty: WordMap<&'static str>,
}

impl Cues {
    /// The words of one category (an empty map for an unknown category).
    pub fn get(&self, category: &str) -> &WordMap<&'static str> {
        self.maps.get(category).unwrap_or(&self.empty)
    }

    fn parse(data: &'static str) -> Self {
        let mut maps: FastMap<&'static str, WordMap<&'static str>> = FastMap::default();
        for row in rows(data) {
            if row.len() < 2 || row[1].is_empty() {
                continue;
            }
            let value = row.get(2).copied().unwrap_or("");
            maps.entry(row[0]).or_default().insert(row[1], value);
        }
        Cues { maps, empty: WordMap::default() }
    }
}

/// Declares `struct Words` with one `&'static WordMap` field per named
/// category of `data/cues.tsv` and `fn words() -> &'static Words` filling it
/// once, so a stage looks each category up once, not per use (each
/// [`cues`]`().get` is a hash lookup). The calling module imports [`cues`].
macro_rules! cue_words {
    ($($name:ident),* $(,)?) => {
        struct Words {
            $($name: &'static crate::lexicon::WordMap<&'static str>,)*
        }

        fn words() -> &'static Words {
            static W: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
            W.get_or_init(|| {
                let c = cues();
                Words { $($name: c.get(stringify!($name)),)* }
            })
        }
    };
}
pub(crate) use cue_words;

/// The cue words of `data/cues.tsv`, parsed once.
pub fn cues() -> &'static Cues {
    static T: OnceLock<Cues> = OnceLock::new();
    T.get_or_init(|| Cues::parse(include_str!("../data/cues.tsv")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_word_wins_both_ways() {
        let mut m = WordMap::default();
        for (w, v) in [("个", 1), ("个百分点", 2), ("百分点", 3)] {
            m.insert(w, v);
        }
        assert_eq!(m.longest_at("个百分点以上", 0).map(|x| *x.1), Some(2));
        assert_eq!(m.longest_at("个,", 0).map(|x| *x.1), Some(1));
        assert_eq!(m.longest_ending("提高3个百分点", "提高3个百分点".len()).map(|x| *x.1), Some(2));
        assert!(m.longest_at("abc", 1).is_none());
        assert!(m.longest_at("个", 7).is_none());
        assert_eq!(m.len(), 3);
    }

    #[test]
    fn finds_first_and_last_occurrence() {
        let mut m = WordMap::default();
        m.insert("增长", ());
        m.insert("下降", ());
        let t = "增长后下降";
        assert_eq!(m.find_in(t, 0, t.len()).map(|x| x.0), Some(0));
        assert_eq!(m.rfind_in(t, 0, t.len()).map(|x| x.0), Some(9));
        assert_eq!(m.find_in(t, 1, t.len()).map(|x| x.0), Some(9));
    }

    #[test]
    fn cue_table_loads() {
        let c = cues();
        assert!(c.get("bound_after").starts_at("左右", 0));
        assert!(c.get("no_such_category").is_empty());
    }
}
