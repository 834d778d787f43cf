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
    /// Where `text` and `original` run in step, sorted (see [`Anchor`]).
    anchors: Vec<Anchor>,
    /// For every [`BLOCK`] bytes of `text`: the anchor in force at its start.
    by_norm: Vec<u32>,
    /// For every [`BLOCK`] bytes of `original`: the last anchor at or before
    /// its start (0 when there is none).
    by_orig: Vec<u32>,
    /// Offsets in `text` of the sentence and clause punctuation (see [`Normalized::pieces`]).
    breaks: Vec<usize>,
    script: Script,
    /// No char was folded to a longer one, so every char inside an anchor
    /// run (not its last) has the original length (see [`Normalized::to_original`]).
    same_width: bool,
}

/// From normalized byte `norm` up to the next anchor, normalized byte
/// `norm + k` starts at original byte `orig + k` (for every `k` at a char
/// start). A new anchor begins wherever that shift changes — after a char
/// folded to one of another length, after a dropped char — so a report needs
/// one per dozen or so characters instead of an entry per byte.
#[derive(Debug, Clone, Copy)]
struct Anchor {
    norm: u32,
    orig: u32,
}

/// The block size of the indexes that find the anchor in force at an offset
/// without a binary search: a lookup scans at most the anchors of one block.
const BLOCK: usize = 64;

/// For each `BLOCK` of `0..=norm_len` and of `0..=orig_len`: the index of
/// the last anchor whose `norm` (`orig`) is at or before the block's start
/// (0 when there is none).
fn block_indexes(anchors: &[Anchor], norm_len: usize, orig_len: usize) -> (Vec<u32>, Vec<u32>) {
    let (norm_blocks, orig_blocks) = (norm_len / BLOCK + 1, orig_len / BLOCK + 1);
    let mut by_norm = Vec::with_capacity(norm_blocks);
    let mut by_orig = Vec::with_capacity(orig_blocks);
    // The blocks that start before anchor `i` (and at or after anchor `i - 1`) get `i - 1`.
    for (i, a) in anchors.iter().enumerate().skip(1) {
        let first = (a.norm as usize).div_ceil(BLOCK).min(norm_blocks);
        if first > by_norm.len() {
            by_norm.resize(first, i as u32 - 1);
        }
        let first = (a.orig as usize).div_ceil(BLOCK).min(orig_blocks);
        if first > by_orig.len() {
            by_orig.resize(first, i as u32 - 1);
        }
    }
    let last = anchors.len().saturating_sub(1) as u32;
    by_norm.resize(norm_blocks, last);
    by_orig.resize(orig_blocks, last);
    (by_norm, by_orig)
}

/// Builds a normalized text and its anchors, appending in order.
struct Builder {
    text: String,
    anchors: Vec<Anchor>,
    /// `orig - norm` of the last anchor (`i64::MIN` before the first).
    shift: i64,
    /// Some char was folded to a longer one (see [`Normalized::to_original`]).
    grew: bool,
}

impl Builder {
    fn with_capacity(n: usize) -> Self {
        Builder { text: String::with_capacity(n), anchors: Vec::new(), shift: i64::MIN, grew: false }
    }

    /// Notes that what is appended next starts at original byte `orig`.
    #[inline]
    fn mark(&mut self, orig: usize) {
        self.mark_at(self.text.len(), orig);
    }

    /// Notes that normalized byte `norm` (at or after the end of the text,
    /// and of the last anchor) starts at original byte `orig`.
    #[inline]
    fn mark_at(&mut self, norm: usize, orig: usize) {
        let shift = orig as i64 - norm as i64;
        if shift != self.shift {
            self.anchors.push(Anchor { norm: norm as u32, orig: orig as u32 });
            self.shift = shift;
        }
    }

    /// Appends `s`, an unchanged run of the original starting at `orig`.
    #[inline]
    fn copy(&mut self, s: &str, orig: usize) {
        if !s.is_empty() {
            self.mark(orig);
            self.text.push_str(s);
        }
    }

    /// Appends `c`, folded from the original char of `width` bytes at `orig`.
    #[inline(always)]
    fn push(&mut self, c: char, orig: usize, width: usize) {
        self.mark(orig);
        self.text.push(c);
        self.grew |= c.len_utf8() > width;
    }
}

/// What [`fold`] gives: the folded text and what it noted on the way.
struct Folded {
    out: Builder,
    /// Offsets of the break chars ([`is_break`]) in the folded text.
    breaks: Vec<usize>,
    script: Script,
    /// Per line break of the folded text: its offset and the number of chars
    /// before it (so a line's length in chars costs no pass over it).
    newlines: Vec<(usize, usize)>,
    /// The number of chars of the folded text.
    chars: usize,
    /// Offsets of the spaces of the folded text.
    spaces: Vec<usize>,
}

/// The first pass: every char folded (nothing joined yet), with the break
/// positions, the line breaks, the spaces and the script. Runs of chars that
/// fold to themselves are copied whole.
fn fold(original: &str) -> Folded {
    let mut out = Builder::with_capacity(original.len());
    let mut breaks = Vec::new();
    let mut newlines = Vec::new();
    let mut spaces = Vec::new();
    // The chars of the folded text so far (the uncopied run included).
    let mut chars = 0usize;
    // Simplified-only chars are counted only when the traditional ones are
    // enough to make the script anything but simplified.
    let mut trad = 0usize;
    let bytes = original.as_bytes();
    let table = fold_table();
    let plain = plain_bits();
    // The start of the run of unchanged chars not yet copied.
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        // A run of three-byte chars (CJK) that fold to themselves with no
        // flag (most of a report) in a tight loop.
        let plain_chars = plain_run(&bytes[i..], plain);
        chars += plain_chars;
        i += 3 * plain_chars;
        let Some(&lead) = bytes.get(i) else { break };
        if lead < 0x80 {
            // A run of ASCII chars, one at a time.
            let mut b = lead;
            loop {
                match b {
                    b'\r' => {
                        out.copy(&original[run..i], run);
                        run = i + 1;
                    }
                    b'\t' => {
                        out.copy(&original[run..i], run);
                        spaces.push(out.text.len());
                        out.push(' ', i, 1);
                        run = i + 1;
                    }
                    b' ' => spaces.push(out.text.len() + (i - run)),
                    b'\n' => {
                        let at = out.text.len() + (i - run);
                        breaks.push(at);
                        newlines.push((at, chars));
                    }
                    b';' | b'!' | b'?' | b',' | b':' => breaks.push(out.text.len() + (i - run)),
                    _ => {}
                }
                // (a dropped CR is no char of the folded text)
                chars += usize::from(b != b'\r');
                i += 1;
                match bytes.get(i) {
                    Some(&next) if next < 0x80 => b = next,
                    _ => break,
                }
            }
            continue;
        }
        // Decode: three-byte sequences (all of CJK) inline, the rest by std.
        let (e, w) = match bytes.get(i..i + 3) {
            Some(&[_, b1, b2]) if lead & 0xF0 == 0xE0 => {
                let u = (lead as usize & 0x0F) << 12 | (b1 as usize & 0x3F) << 6 | (b2 as usize & 0x3F);
                (table[u], 3)
            }
            _ => {
                let c = original[i..].chars().next().unwrap_or_default();
                (entry(c), c.len_utf8())
            }
        };
        if e & !SIMP_ONLY == 0 {
            // Unchanged, no break, not traditional (most chars): stays in the run.
            chars += 1;
            i += w;
            continue;
        }
        trad += (e & TRAD_KEY != 0) as usize;
        if e & (DROP | CHAR_BITS) == 0 {
            // Unchanged: stays in the run.
            if e & BREAK != 0 {
                breaks.push(out.text.len() + (i - run));
            }
            chars += 1;
        } else {
            out.copy(&original[run..i], run);
            if e & DROP == 0 {
                if e & BREAK != 0 {
                    breaks.push(out.text.len());
                }
                if e & CHAR_BITS == u32::from(b' ') {
                    spaces.push(out.text.len());
                }
                out.push(char::from_u32(e & CHAR_BITS).unwrap_or(char::REPLACEMENT_CHARACTER), i, w);
                chars += 1;
            }
            run = i + w;
        }
        i += w;
    }
    out.copy(&original[run..], run);
    let simp = if trad >= 20 { count_simp_only(original, table) } else { 0 };
    let script = if trad >= 20 && trad > simp * 4 {
        Script::Traditional
    } else if trad >= 20 && simp >= 20 && trad * 10 >= simp {
        Script::Mixed
    } else {
        Script::Simplified
    };
    Folded { out, breaks, script, newlines, chars, spaces }
}

/// The number of three-byte chars at the start of `bytes` in a row whose
/// [`plain_bits`] bit is set (four chars a step, then one at a time).
#[inline]
fn plain_run(bytes: &[u8], plain: &[u64; PLAIN_WORDS]) -> usize {
    let is_plain = |lead: u8, b1: u8, b2: u8| plain[plain_word(lead, b1)] >> (b2 & 0x3F) & 1 != 0;
    let mut n = 0;
    while let Some(&[a0, a1, a2, b0, b1, b2, c0, c1, c2, d0, d1, d2]) = bytes.get(3 * n..3 * n + 12) {
        if !is_plain(a0, a1, a2) {
            return n;
        }
        if !is_plain(b0, b1, b2) {
            return n + 1;
        }
        if !is_plain(c0, c1, c2) {
            return n + 2;
        }
        if !is_plain(d0, d1, d2) {
            return n + 3;
        }
        n += 4;
    }
    while let Some(&[a0, a1, a2]) = bytes.get(3 * n..3 * n + 3) {
        if !is_plain(a0, a1, a2) {
            break;
        }
        n += 1;
    }
    n
}

/// The number of chars of `original` with the [`SIMP_ONLY`] flag.
fn count_simp_only(original: &str, table: &[u32; 0x10000]) -> usize {
    let flags = |c: char| table.get(c as usize).map_or_else(|| entry(c), |&e| e);
    original.chars().filter(|&c| flags(c) & SIMP_ONLY != 0).count()
}

/// The second pass: `folded` without the byte ranges `drops` (sorted,
/// disjoint, on char boundaries), its anchors composed with the first
/// pass's, and the breaks that remain, shifted.
fn compact(folded: Builder, mut breaks: Vec<usize>, drops: &[(usize, usize)]) -> (Builder, Vec<usize>) {
    if drops.is_empty() {
        return (folded, breaks);
    }
    let (t, anchors) = (&folded.text, &folded.anchors);
    let mut out = Builder::with_capacity(t.len());
    out.anchors.reserve_exact(anchors.len() + drops.len() + 1);
    out.grew = folded.grew;
    let mut k = 0;
    let mut from = 0;
    for &(ds, de) in drops.iter().chain(std::iter::once(&(t.len(), t.len()))) {
        if from < ds {
            // The kept range from..ds: an anchor where it starts and where
            // each anchor inside it starts (each only if the shift changes),
            // then its text in one piece.
            while anchors.get(k + 1).is_some_and(|a| a.norm as usize <= from) {
                k += 1;
            }
            let base = out.text.len();
            let a = anchors[k];
            out.mark_at(base, a.orig as usize + (from - a.norm as usize));
            while let Some(a) = anchors.get(k + 1).filter(|a| (a.norm as usize) < ds) {
                out.mark_at(base + (a.norm as usize - from), a.orig as usize);
                k += 1;
            }
            out.text.push_str(&t[from..ds]);
        }
        from = de;
    }
    let (mut d, mut removed) = (0, 0);
    breaks.retain_mut(|p| {
        while drops.get(d).is_some_and(|&(_, de)| de <= *p) {
            removed += drops[d].1 - drops[d].0;
            d += 1;
        }
        if drops.get(d).is_some_and(|&(ds, _)| ds <= *p) {
            return false;
        }
        *p -= removed;
        true
    });
    (out, breaks)
}

/// The characters [`Normalized::pieces`] can split at: every sentence and
/// clause break any stage uses.
pub fn is_break(c: char) -> bool {
    matches!(c, '。' | ';' | '；' | '!' | '！' | '?' | '？' | '\n' | ',' | '，' | ':' | '：' | '…')
}

/// The rows of a two-column char table (`FROM<TAB>TO`, `#` comments): the
/// first chars of its first two fields, in file order (a later row of the
/// same char wins). The lines are cut at their bytes (the file has
/// thousands of short ones).
fn pairs(data: &str) -> Vec<(char, char)> {
    let bytes = data.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 8);
    let mut start = 0;
    while start < bytes.len() {
        let end = bytes[start..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |k| start + k);
        let line = &data[start..end];
        let line = line.strip_suffix('\r').unwrap_or(line);
        start = end + 1;
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some(tab) = line.bytes().position(|b| b == b'\t') else { continue };
        let from = line[..tab].chars().next();
        let to = line[tab + 1..].chars().next().filter(|&c| c != '\t');
        if let (Some(a), Some(b)) = (from, to) {
            out.push((a, b));
        }
    }
    out
}

fn table(data: &str) -> CharMap<char> {
    pairs(data).into_iter().collect()
}

const TRAD_DATA: &str = include_str!("../data/trad2simp.tsv");
const COMPAT_DATA: &str = include_str!("../data/cjk_compat.tsv");

fn trad_table() -> &'static CharMap<char> {
    static T: OnceLock<CharMap<char>> = OnceLock::new();
    T.get_or_init(|| table(TRAD_DATA))
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
    T.get_or_init(|| table(COMPAT_DATA))
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

/// `true` when the text starts like a numbered heading ("一、", "(一)", "1.").
fn starts_heading(text: &str) -> bool {
    let mut it = text.chars();
    let c: [Option<char>; 3] = [it.next(), it.next(), it.next()];
    let numeral = |c: char| {
        matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十') || c.is_ascii_digit()
    };
    match c {
        [Some(a), Some('.'), Some(b)] => numeral(a) && !b.is_ascii_digit(), // "5.6亿" is a number
        [Some(a), Some('、'), _] | [Some(a), Some('.'), None] => numeral(a),
        [Some(a), Some(b), Some('、')] => numeral(a) && numeral(b),
        [Some('('), Some(a), _] => numeral(a),
        _ => false,
    }
}

/// The first char of the three-byte range that folds or has a flag: general
/// punctuation, CJK, the compatibility ideographs and the full-width forms
/// all come after it.
const TABLE_FIRST: u32 = 0x2000;
/// The first char the Han tables fold or classify.
const HAN_TABLES_FIRST: u32 = 0x2E80;
/// The low bits of an entry: the folded char (0 = the char itself).
const CHAR_BITS: u32 = 0x1F_FFFF;
/// Entry flags: the folded char is a break ([`is_break`]); the char is
/// dropped; it is traditional-only; it is simplified-only (for [`Script`]).
const BREAK: u32 = 1 << 27;
const DROP: u32 = 1 << 28;
const TRAD_KEY: u32 = 1 << 29;
const SIMP_ONLY: u32 = 1 << 30;

/// The tables a char folds through: `data/trad2simp.tsv`,
/// `data/cjk_compat.tsv` and the simplified-only chars (the traditional
/// table's values that are none of its keys).
trait Tables {
    fn trad(&self, c: char) -> Option<char>;
    fn compat(&self, c: char) -> Option<char>;
    fn simp_only(&self, c: char) -> bool;
}

/// The tables as hash maps, built on first use: only [`entry`] of a char
/// outside the BMP asks them (the [`fold_table`] holds the rest).
struct Maps;

impl Tables for Maps {
    fn trad(&self, c: char) -> Option<char> {
        trad_table().get(&c).copied()
    }
    fn compat(&self, c: char) -> Option<char> {
        compat_table().get(&c).copied()
    }
    fn simp_only(&self, c: char) -> bool {
        simp_only().contains(&c)
    }
}

/// The tables as arrays indexed by BMP code point (the char plus one, 0 for
/// none), what [`build_table`] reads them through with no hashing. The rows
/// of traditional chars outside the BMP are a sorted list (a few BMP
/// compatibility chars fold to one of them); anything else outside the BMP
/// is asked of the [`Maps`] (which [`build_table`] never does).
struct Arrays {
    trad: Vec<u32>,
    compat: Vec<u32>,
    /// Per BMP char: a value of the traditional table.
    trad_value: Vec<bool>,
    /// The BMP chars the tables name: keys of either, values of the
    /// traditional one (some more than once).
    named: Vec<char>,
    /// The traditional rows of chars outside the BMP, sorted, one per char.
    trad_far: Vec<(char, char)>,
}

impl Arrays {
    fn new() -> Self {
        // One table: BMP rows into the array (a later row of a char wins, as
        // in the maps) and their chars into `named`, the others into a list.
        fn load(data: &str, named: &mut Vec<char>) -> (Vec<u32>, Vec<(char, char)>) {
            let mut near = vec![0u32; 0x10000];
            let mut far = Vec::new();
            for (a, b) in pairs(data) {
                match near.get_mut(a as usize) {
                    Some(x) => {
                        *x = b as u32 + 1;
                        named.push(a);
                    }
                    None => far.push((a, b)),
                }
            }
            (near, far)
        }
        let mut named = Vec::new();
        let (trad, mut trad_far) = load(TRAD_DATA, &mut named);
        let keys = named.len();
        let (compat, _) = load(COMPAT_DATA, &mut named);
        trad_far.reverse();
        trad_far.sort_by_key(|p| p.0);
        trad_far.dedup_by_key(|p| p.0);
        let mut trad_value = vec![false; 0x10000];
        let values = named[..keys].iter().filter_map(|&k| char::from_u32(trad[k as usize].wrapping_sub(1)));
        let values: Vec<char> = values.chain(trad_far.iter().map(|p| p.1)).collect();
        for v in values {
            if let Some(x) = trad_value.get_mut(v as usize) {
                *x = true;
                named.push(v);
            }
        }
        Arrays { trad, compat, trad_value, named, trad_far }
    }

    /// The value of BMP char `c` in `array`.
    fn at(array: &[u32], c: char) -> Option<char> {
        array.get(c as usize).and_then(|&v| char::from_u32(v.checked_sub(1)?))
    }
}

impl Tables for Arrays {
    fn trad(&self, c: char) -> Option<char> {
        if (c as usize) < self.trad.len() {
            Arrays::at(&self.trad, c)
        } else {
            self.trad_far.binary_search_by_key(&c, |p| p.0).ok().map(|i| self.trad_far[i].1)
        }
    }
    fn compat(&self, c: char) -> Option<char> {
        if (c as usize) < self.compat.len() {
            Arrays::at(&self.compat, c)
        } else {
            Maps.compat(c)
        }
    }
    fn simp_only(&self, c: char) -> bool {
        match self.trad_value.get(c as usize) {
            Some(&value) => value && self.trad(c).is_none(),
            None => Maps.simp_only(c),
        }
    }
}

/// What folding does to a char, as one entry: the folded char and flags
/// (computed through the tables; [`fold_table`] caches it).
fn entry(c: char) -> u32 {
    entry_in(&Maps, c)
}

/// [`entry`] through `tables`.
fn entry_in(tables: &impl Tables, c: char) -> u32 {
    let u = c as u32;
    let folded = match c {
        '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{3000}' | '\r' => None,
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\t' => Some(' '),
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u - 0xFEE0),
        _ if u < HAN_TABLES_FIRST => Some(c),
        _ => Some(slow_fold(tables, c)),
    };
    let mut e = match folded {
        None => DROP,
        Some(f) if f == c => 0,
        Some(f) => f as u32,
    };
    if folded.is_some_and(is_break) {
        e |= BREAK;
    }
    if u >= HAN_TABLES_FIRST && !(0xFF01..=0xFF5E).contains(&u) && !matches!(c, '\u{FEFF}' | '\u{3000}') {
        if tables.trad(c).is_some() {
            e |= TRAD_KEY;
        } else if tables.simp_only(c) {
            e |= SIMP_ONLY;
        }
    }
    e
}

/// The [`entry`] of every char of the BMP (where almost every char of a
/// report is), indexed by code point: one array lookup instead of several
/// hash lookups.
fn fold_table() -> &'static [u32; 0x10000] {
    &fold_tables().entries
}

/// The number of `u64` words of [`plain_bits`]: one per pair of bytes
/// (see [`plain_word`]).
const PLAIN_WORDS: usize = 0xFF * 64 + 0xFF + 1;

/// The word of [`plain_bits`] for a char's first two bytes: `(u >> 6) +
/// 0x3880` for a three-byte char `u` (lead 0xE0..=0xEF, then a continuation
/// byte 0x80..=0xBF). Any other first byte gives a word of no three-byte
/// char: below for ASCII (whatever follows) and two-byte leads (a
/// continuation byte follows), above for four-byte leads. Always in bounds,
/// so the lookup costs no check.
#[inline]
fn plain_word(lead: u8, b1: u8) -> usize {
    ((lead as usize) << 6) + b1 as usize
}

/// One bit per char that UTF-8 writes in three bytes (bit `third byte % 64`
/// of word [`plain_word`]): set when its [`fold_table`] entry has no flag
/// but [`SIMP_ONLY`] and no folded char, so [`fold`] leaves it in a run of
/// unchanged chars; the words of all other byte pairs are 0. Only 8 KB of
/// it is ever read (the other words are never touched after the allocation
/// zeroes them), where the 256 KB table would not stay in the cache; the
/// table is read only for the chars it leaves unset.
fn plain_bits() -> &'static [u64; PLAIN_WORDS] {
    &fold_tables().plain
}

/// The [`fold_table`] and the [`plain_bits`], built together on first use.
struct FoldTables {
    entries: Box<[u32; 0x10000]>,
    plain: Box<[u64; PLAIN_WORDS]>,
}

fn fold_tables() -> &'static FoldTables {
    static T: OnceLock<FoldTables> = OnceLock::new();
    T.get_or_init(build_table)
}

/// The [`fold_table`] and the [`plain_bits`]. Below U+2000 no char that UTF-8
/// writes in three bytes folds or has a flag, and most chars of U+2E80–U+FEFF
/// fold to themselves with no flag, so only the chars the tables name, the
/// specials and the ranges outside the Han tables are computed, through the
/// tables read into arrays ([`Arrays`]: no hash map is built for the BMP);
/// every other entry is 0 and every other bit set. The entries of chars
/// fold reads in one or two bytes are not used (it calls [`entry`] for
/// those).
fn build_table() -> FoldTables {
    let tables = Arrays::new();
    let mut t = Box::new([0u32; 0x10000]);
    let mut plain = vec![0; PLAIN_WORDS];
    plain[plain_word(0xE0, 0x80)..=plain_word(0xEF, 0xBF)].fill(u64::MAX);
    let specials = ['\u{3000}', '。', '\u{FEFF}'];
    let ranges = (TABLE_FIRST..HAN_TABLES_FIRST).chain(0xFF00..=0xFFFF).filter_map(char::from_u32);
    for c in ranges.chain(specials).chain(tables.named.iter().copied()) {
        let (u, e) = (c as usize, entry_in(&tables, c));
        t[u] = e;
        if e & !SIMP_ONLY != 0 && u >= 0x800 {
            let mut b = [0; 4];
            let b = c.encode_utf8(&mut b).as_bytes();
            plain[plain_word(b[0], b[1])] &= !(1 << (b[2] & 0x3F));
        }
    }
    let plain = plain.into_boxed_slice().try_into().expect("PLAIN_WORDS words");
    FoldTables { entries: t, plain }
}

/// Folds a Han or compatibility character through the tables.
fn slow_fold(tables: &impl Tables, c: char) -> char {
    if let Some(k) = tables.compat(c) {
        tables.trad(k).unwrap_or(k)
    } else if c as u32 >= 0x3400 {
        tables.trad(c).unwrap_or(c)
    } else {
        c
    }
}

/// Detects hard-wrapped (PDF) text: returns the wrap width in chars when most
/// long lines share one length and break mid-sentence.
fn wrap_width(lines: &[PhysLine]) -> Option<usize> {
    let long: Vec<(usize, char)> = lines.iter().filter(|l| l.len >= 15).map(|l| (l.len, l.last_char)).collect();
    if long.len() < 10 {
        return None;
    }
    // The most frequent length (the longest of the most frequent), counted
    // over the sorted lengths.
    let mut lens: Vec<usize> = long.iter().map(|&(l, _)| l).collect();
    lens.sort_unstable();
    let (mut mode, mut most) = (0, 0);
    for run in lens.chunk_by(|a, b| a == b) {
        if run.len() >= most {
            (mode, most) = (run[0], run.len());
        }
    }
    let near = long.iter().filter(|(l, _)| l.abs_diff(mode) <= 1).count();
    let open = long.iter().filter(|(l, c)| l.abs_diff(mode) <= 1 && !ends_sentence(*c)).count();
    (near * 2 >= long.len() && open * 3 >= near).then_some(mode)
}

impl<'a> Normalized<'a> {
    /// Builds the normalized view of `original`: one pass folds every char,
    /// [`decide`] picks the spaces and line breaks to drop, and one more pass
    /// (only when something is dropped) copies the rest.
    pub fn new(original: &'a str) -> Self {
        let folded = fold(original);
        let drops = decide(&folded);
        let script = folded.script;
        let (Builder { text, anchors, grew, .. }, breaks) = compact(folded.out, folded.breaks, &drops);
        let (by_norm, by_orig) = block_indexes(&anchors, text.len(), original.len());
        Normalized { original, text, anchors, by_norm, by_orig, breaks, script, same_width: !grew }
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

    /// The offsets of the line breaks of the normalized text, in order
    /// (collected while normalizing, among the breaks of [`Normalized::pieces`]).
    pub(crate) fn line_breaks(&self) -> impl Iterator<Item = usize> + '_ {
        let b = self.text.as_bytes();
        self.breaks.iter().copied().filter(move |&p| b[p] == b'\n')
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
        if start >= n {
            let o = self.original.len();
            return (o, o);
        }
        let b = self.floor_char(start);
        let i = self.anchor_from(b, 0);
        let a = self.anchors[i];
        let s = a.orig as usize + (b - a.norm as usize);
        if end <= start {
            return (s, s);
        }
        if end > n {
            return (s, self.original.len().max(s));
        }
        // The anchor in force at the last normalized byte: the one of `start`
        // when that byte is still in its run, else a later one.
        let run_end = |i: usize| self.anchors.get(i + 1).map_or(n, |x| x.norm as usize);
        let (a, run_end) = match run_end(i) {
            r if end - 1 < r => (a, r),
            _ => {
                let i = self.anchor_from(end - 1, i);
                (self.anchors[i], run_end(i))
            }
        };
        let e = if self.same_width && end < run_end && self.text.is_char_boundary(end) {
            // The next char starts in the same run: the original char behind
            // the last normalized one ends where that one starts (a char
            // dropped between them, or one folded to another length, would
            // have begun a new run).
            a.orig as usize + (end - a.norm as usize)
        } else {
            // The end of the original char behind the last normalized byte.
            let b = self.floor_char(end - 1);
            let s = a.orig as usize + (b - a.norm as usize);
            s + self.original[s..].chars().next().map_or(0, char::len_utf8)
        };
        (s, e.max(s))
    }

    /// The start of the char holding normalized byte `b`.
    #[inline]
    fn floor_char(&self, mut b: usize) -> usize {
        while !self.text.is_char_boundary(b) {
            b -= 1;
        }
        b
    }

    /// The index of the anchor in force at normalized byte `b` (`b <
    /// text.len()`), given `from`, the index of an anchor at or before `b`.
    #[inline]
    fn anchor_from(&self, b: usize, from: usize) -> usize {
        let mut i = from.max(self.by_norm[b / BLOCK] as usize);
        while self.anchors.get(i + 1).is_some_and(|a| a.norm as usize <= b) {
            i += 1;
        }
        i
    }

    /// The original slice behind the normalized range `start..end`.
    pub fn original_slice(&self, start: usize, end: usize) -> &'a str {
        let (s, e) = self.to_original(start, end);
        &self.original[s..e]
    }

    /// Normalized byte offset of the first normalized char at or after the
    /// original byte offset `orig`.
    pub fn from_original(&self, orig: usize) -> usize {
        let Some(&first) = self.anchors.first() else { return 0 };
        if orig < first.orig as usize {
            return 0;
        }
        let mut i = self.by_orig[(orig / BLOCK).min(self.by_orig.len() - 1)] as usize;
        while self.anchors.get(i + 1).is_some_and(|a| a.orig as usize <= orig) {
            i += 1;
        }
        let a = self.anchors[i];
        let run_end = self.anchors.get(i + 1).map_or(self.text.len(), |n| n.norm as usize);
        let mut b = a.norm as usize + (orig - a.orig as usize);
        if b >= run_end {
            // In what was dropped or folded shorter after this run.
            return run_end;
        }
        while !self.text.is_char_boundary(b) {
            b += 1;
        }
        b
    }
}

/// One physical line of the folded text (byte offsets).
struct PhysLine {
    /// First non-space char.
    first: usize,
    /// Last non-space char.
    last: usize,
    /// The end of the last non-space char.
    end: usize,
    /// The last non-space char.
    last_char: char,
    /// Number of non-space chars.
    len: usize,
    /// Starts with a heading marker ([`starts_heading`] from its first char).
    heading: bool,
    /// Begins a unit of its own: a heading marker, a dash bullet, a bracketed
    /// line, a salutation.
    block: bool,
}

impl PhysLine {
    fn first_char(&self, text: &str) -> char {
        text[self.first..].chars().next().unwrap_or(' ')
    }

    /// Contains sentence-internal punctuation (，；。) before its last char.
    fn inner_punct(&self, text: &str) -> bool {
        text[self.first..self.last].contains([',', ';', '。'])
    }

    /// Has any punctuation at all.
    fn any_punct(&self, text: &str) -> bool {
        text[self.first..self.end]
            .contains(|c| matches!(c, ',' | ';' | ':' | '!' | '?' | '"' | '(' | ')') || is_wide_punct(c))
    }
}

/// Punctuation outside ASCII that marks a line as holding punctuation (after
/// folding no full-width form is left).
fn is_wide_punct(c: char) -> bool {
    matches!(c, '、' | '。' | '…' | '“' | '”' | '《' | '》')
}

/// The physical lines of the folded text, and the runs of spaces inside a
/// line between two Han characters (to drop: "政 府 工 作 报 告"). The line
/// breaks, the chars before each and the spaces were noted by [`fold`], so
/// the text is not searched for them again.
fn phys_lines(f: &Folded) -> (Vec<PhysLine>, Vec<(usize, usize)>) {
    let text = &f.out.text;
    let mut lines = Vec::with_capacity(f.newlines.len() + 1);
    let mut han_spaces = Vec::new();
    let (mut from, mut from_chars) = (0, 0);
    let mut sp = 0;
    for (to, to_chars) in f.newlines.iter().copied().chain([(text.len(), f.chars)]) {
        let mut se = sp;
        while f.spaces.get(se).is_some_and(|&p| p < to) {
            se += 1;
        }
        if let Some(l) = phys_line(text, from, to, to_chars - from_chars, &f.spaces[sp..se], &mut han_spaces) {
            lines.push(l);
        }
        sp = se;
        from = to + 1;
        from_chars = to_chars + 1;
    }
    (lines, han_spaces)
}

/// The line `text[from..to]` (no line break inside) of `chars` chars, with
/// the offsets of its spaces; `None` when it holds nothing but spaces. Its
/// punctuation is looked at only when asked.
fn phys_line(
    text: &str,
    from: usize,
    to: usize,
    chars: usize,
    spaces: &[usize],
    han_spaces: &mut Vec<(usize, usize)>,
) -> Option<PhysLine> {
    let b = text.as_bytes();
    let first = from + b[from..to].iter().position(|&x| x != b' ')?;
    let mut end = to;
    while b[end - 1] == b' ' {
        end -= 1;
    }
    // The spaces of `first..end` (every space before `first` or from `end` on trims).
    let inner = &spaces[first - from..spaces.len() - (to - end)];
    if !inner.is_empty() {
        han_runs(text, inner, han_spaces);
    }
    let last_char = text[..end].chars().next_back().unwrap_or(' ');
    let last = end - last_char.len_utf8();
    let len = chars - (first - from) - (to - end) - inner.len();
    let heading = starts_heading(&text[first..]);
    let block = heading || starts_block_but_heading(&text[first..]);
    Some(PhysLine { first, last, end, last_char, len, heading, block })
}

/// Notes each run of `spaces` (sorted offsets of spaces inside a line)
/// that stands between two Han characters in `han_spaces`.
fn han_runs(text: &str, spaces: &[usize], han_spaces: &mut Vec<(usize, usize)>) {
    let mut k = 0;
    while k < spaces.len() {
        let s = spaces[k];
        let mut e = s + 1;
        k += 1;
        while spaces.get(k) == Some(&e) {
            e += 1;
            k += 1;
        }
        let han_before = text[..s].chars().next_back().is_some_and(is_han);
        if han_before && text[e..].chars().next().is_some_and(is_han) {
            han_spaces.push((s, e));
        }
    }
}

/// `true` when a line starting at `text` begins a new unit of its own
/// without a heading marker ([`starts_heading`]): a dash bullet, a bracketed
/// line, a salutation.
fn starts_block_but_heading(text: &str) -> bool {
    let first = text.chars().next().unwrap_or(' ');
    matches!(first, '—' | '-' | '―' | '(' | '[' | '【' | '<' | '*' | '#') || text.starts_with("各位代表")
}

/// Decides what of the folded text to drop: spaces between Han characters
/// and line breaks that are wraps. Returns sorted, disjoint byte ranges.
fn decide(f: &Folded) -> Vec<(usize, usize)> {
    let text = f.out.text.as_str();
    let (lines, han_spaces) = phys_lines(f);
    let mut joins = Vec::new();
    let width = wrap_width(&lines);
    let has_next = |k: usize| lines.get(k + 1).is_some_and(|l| !l.block);
    // Whether the logical line built so far starts with a heading marker.
    let mut marker_chain = lines.first().is_some_and(|l| l.heading);
    // Whether the logical line built so far stops mid-sentence.
    let mut open = lines.first().is_some_and(|l| !ends_sentence(l.last_char) && !l.heading && l.inner_punct(text));
    for w in 0..lines.len().saturating_sub(1) {
        let (p, n) = (&lines[w], &lines[w + 1]);
        let pc = p.last_char;
        let nc = n.first_char(text);
        let breaks = text.as_bytes()[p.end..n.first].iter().filter(|&&b| b == b'\n').count();
        let p_marker = p.heading;
        let n_block = n.block;
        let n_fragment = n.len <= 4 && !n_block && text[n.first..n.end].chars().all(|c| is_han(c) || c == ' ');
        // Hard-wrapped text: a full line that does not end a sentence runs on
        // (closing quotes and brackets do not end one: "…条例》\n等9件").
        let wrapped = breaks == 1
            && width.is_some_and(|wd| p.len + 1 >= wd)
            && !matches!(pc, '。' | '!' | '?' | ':' | ';' | '…')
            && !n.heading
            && !matches!(nc, '—' | '-' | '―');
        let before_last = text[..p.last].chars().next_back().unwrap_or(' ');
        let join = continues_line(nc)
            || opens(pc)
            || (pc.is_ascii_digit() && (nc == '.' || nc == '%'))
            || (pc == '.' && nc.is_ascii_digit() && p.len >= 2 && before_last.is_ascii_digit())
            || wrapped
            // A sentence broken by web markup (in hard-wrapped text the width decides) ("依法严厉打\n法轮功\n等邪教组织").
            || (open && width.is_none() && !n_block && (is_han(nc) || matches!(nc, '“' | '"' | '‘')))
            // A phrase split off before a line that continues the sentence
            // ("已经缔结了\n友好同盟互助条约\n。苏联…").
            || (!ends_sentence(pc)
                && !p_marker
                && n.len <= 16
                && !n.any_punct(text)
                && !n_block
                && lines.get(w + 2).is_some_and(|l| continues_line(l.first_char(text))))
            // A split heading or phrase ("五、民主\n法制\n建设和…", "加强民主\n法制\n建设").
            || (p.len <= 12 && !ends_sentence(pc) && n_fragment && n.len <= 3 && (p_marker || (p.len >= 3 && !p.any_punct(text))) && has_next(w + 1));
        if join {
            joins.push((p.end, n.first));
            // A split heading continues only through fragments; a sentence through anything unfinished.
            open = !ends_sentence(n.last_char)
                && if marker_chain { n_fragment } else { open || n.inner_punct(text) || n.len <= 14 };
        } else {
            marker_chain = n.heading;
            open = !ends_sentence(n.last_char) && !marker_chain && n.inner_punct(text);
        }
    }
    merge(han_spaces, joins)
}

/// The sorted union of two sorted lists of disjoint ranges.
fn merge(a: Vec<(usize, usize)>, b: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    if b.is_empty() {
        return a;
    }
    if a.is_empty() {
        return b;
    }
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        if x < y {
            out.push(x);
            i += 1;
        } else {
            out.push(y);
            j += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(original: &str) -> Normalized<'_> {
        let n = Normalized::new(original);
        // Every normalized char maps to an original char boundary.
        let mut starts = Vec::new();
        for (b, c) in n.text().char_indices() {
            let (s, e) = n.to_original(b, b + c.len_utf8());
            assert!(original.is_char_boundary(s) && original.is_char_boundary(e));
            assert!(s < e);
            // A byte inside the char maps to the char too.
            assert_eq!(n.to_original(b + c.len_utf8() - 1, b + c.len_utf8()), (s, e));
            starts.push((b, s));
        }
        // from_original: the first normalized char starting at or after it.
        for o in 0..=original.len() + 1 {
            let want = starts.iter().find(|&&(_, s)| s >= o).map_or(n.text().len(), |&(b, _)| b);
            assert_eq!(n.from_original(o), want, "from_original({o})");
        }
        n
    }

    #[test]
    fn the_folding_table_caches_every_entry() {
        // Every char UTF-8 writes in three bytes.
        for u in 0x800..=0xFFFF {
            let want = char::from_u32(u).map_or(0, entry);
            assert_eq!(fold_table()[u as usize], want, "U+{u:04X}");
        }
    }

    #[test]
    fn the_plain_bits_are_the_chars_fold_leaves_in_a_run() {
        // Every char UTF-8 writes in three bytes, alone, before another
        // char, and after a plain one.
        for u in 0x800..=0xFFFF {
            let Some(c) = char::from_u32(u) else { continue };
            let plain = fold_table()[u as usize] & !SIMP_ONLY == 0;
            let mut buf = [0u8; 4];
            let s = c.encode_utf8(&mut buf);
            let want = usize::from(plain);
            assert_eq!(plain_run(s.as_bytes(), plain_bits()), want, "U+{u:04X}");
            assert_eq!(plain_run(format!("{c}a").as_bytes(), plain_bits()), want, "U+{u:04X}");
            assert_eq!(plain_run(format!("国{c}").as_bytes(), plain_bits()), 1 + want, "U+{u:04X}");
        }
        // The words of no three-byte char are 0.
        let (first, last) = (plain_word(0xE0, 0x80), plain_word(0xEF, 0xBF));
        assert!(plain_bits().iter().enumerate().all(|(w, &b)| b == 0 || (first..=last).contains(&w)));
        // Not three-byte chars: ASCII, two- and four-byte chars.
        for s in ["a国", "é国", "𠮷国", "\n国", "\u{7FF}国"] {
            assert_eq!(plain_run(s.as_bytes(), plain_bits()), 0, "{s:?}");
        }
        // Every place of the first char that is not plain in a step of four.
        for k in 0..12 {
            let run = "国".repeat(k);
            assert_eq!(plain_run(run.as_bytes(), plain_bits()), k);
            assert_eq!(plain_run(format!("{run}，国家").as_bytes(), plain_bits()), k);
            assert_eq!(plain_run(format!("{run}9").as_bytes(), plain_bits()), k);
        }
        assert_eq!(plain_run("国家发展".as_bytes(), plain_bits()), 4);
        assert_eq!(plain_run("国家发展，".as_bytes(), plain_bits()), 4);
        assert_eq!(plain_run("国家发，".as_bytes(), plain_bits()), 3);
    }

    #[test]
    fn wrap_width_takes_the_longest_of_the_most_frequent_lengths() {
        let line =
            |len: usize| PhysLine { first: 0, last: 0, end: 0, last_char: '而', len, heading: false, block: false };
        let lines: Vec<PhysLine> = [20, 20, 20, 21, 21, 21, 22, 15, 16, 17, 30].into_iter().map(line).collect();
        assert_eq!(wrap_width(&lines), Some(21));
        let lines: Vec<PhysLine> = [20, 20, 20, 21, 21, 22, 15, 16, 17, 30].into_iter().map(line).collect();
        assert_eq!(wrap_width(&lines), Some(20));
    }

    #[test]
    fn the_block_indexes_name_the_anchor_in_force() {
        let anchors: Vec<Anchor> =
            [(0, 3), (10, 20), (64, 70), (65, 71), (200, 300)].map(|(norm, orig)| Anchor { norm, orig }).to_vec();
        let (by_norm, by_orig) = block_indexes(&anchors, 250, 400);
        let want = |len: usize, key: &dyn Fn(&Anchor) -> u32| -> Vec<u32> {
            (0..=len / BLOCK)
                .map(|k| (1..anchors.len()).rev().find(|&i| key(&anchors[i]) as usize <= k * BLOCK).unwrap_or(0) as u32)
                .collect()
        };
        assert_eq!(by_norm, want(250, &|a| a.norm));
        assert_eq!(by_orig, want(400, &|a| a.orig));
        assert_eq!(block_indexes(&[], 0, 0), (vec![0], vec![0]));
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
    fn maps_messy_text_both_ways() {
        let messy = "\u{FEFF}政 府\t工作\r\n报告\u{00A0}\u{200B}（一）增長９．５\n％，\u{3000}𠮷 \u{2F00}\u{F900}a  b\n\n1.\n5亿";
        let n = roundtrip(messy);
        // Spaces between Han characters go (a tab is a space; ⼀ folds to 一,
        // U+F900 to 豈 and on to 岂);
        // the wrap inside "1.\n5" is joined.
        assert_eq!(n.text(), "政府工作\n报告 (一)增长9.5%,𠮷一岂a  b\n\n1.5亿");
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
