//! Re-indexing offsets between UTF-8 bytes, chars and UTF-16 code units.
//!
//! The parser works in UTF-8 byte offsets into the original input. Bindings
//! need code points (Python) or UTF-16 units (JavaScript); the conversion is
//! done here once, for a whole [`Report`], so no binding does offset maths.
//!
//! ```
//! use baogao::{parse, OffsetUnit};
//! let text = "𠮷政府工作报告\n各位代表：\n一、过去一年工作回顾\n地区生产总值增长5%。\n";
//! let report = parse(text).reindexed(OffsetUnit::Utf16);
//! let s = &report.sections[0];
//! let utf16: Vec<u16> = text.encode_utf16().collect();
//! assert_eq!(String::from_utf16(&utf16[s.title_start..s.title_end]).unwrap(), s.title);
//! ```

use crate::model::{OffsetUnit, Report};

/// Calls `f` on every offset field of `report` (start, end, title_start, …).
pub(crate) fn for_each_offset(report: &mut Report, mut f: impl FnMut(&mut usize)) {
    for s in &mut report.sections {
        f(&mut s.start);
        f(&mut s.end);
        f(&mut s.title_start);
        f(&mut s.title_end);
    }
    for p in &mut report.paragraphs {
        f(&mut p.start);
        f(&mut p.end);
        if let Some(lead) = &mut p.lead {
            f(&mut lead.start);
            f(&mut lead.end);
        }
    }
    for i in &mut report.indicators {
        f(&mut i.start);
        f(&mut i.end);
        f(&mut i.sentence.start);
        f(&mut i.sentence.end);
        if let Some(s) = &mut i.metric.start {
            f(s);
        }
        if let Some(e) = &mut i.metric.end {
            f(e);
        }
    }
    for c in &mut report.commitments {
        f(&mut c.start);
        f(&mut c.end);
        if let Some(o) = &mut c.object {
            f(&mut o.start);
            f(&mut o.end);
        }
    }
    for l in &mut report.lists {
        for it in &mut l.items {
            f(&mut it.start);
            f(&mut it.end);
        }
    }
    for d in &mut report.diagnostics {
        if let Some(s) = &mut d.start {
            f(s);
        }
        if let Some(e) = &mut d.end {
            f(e);
        }
    }
}

/// Position of a char boundary in the three units.
#[derive(Debug, Clone, Copy, Default)]
struct Pos {
    utf8: usize,
    chars: usize,
    utf16: usize,
}

impl Pos {
    fn get(self, unit: OffsetUnit) -> usize {
        match unit {
            OffsetUnit::Utf8 => self.utf8,
            OffsetUnit::Char => self.chars,
            OffsetUnit::Utf16 => self.utf16,
        }
    }
}

/// For each offset of `sorted` (sorted, deduplicated, counted in `from`), its
/// position in all three units. Offsets past the end clamp to the end; an
/// offset inside a char moves to the end of that char.
fn positions(text: &str, sorted: &[usize], from: OffsetUnit) -> Vec<Pos> {
    if from == OffsetUnit::Utf8 {
        return positions_from_utf8(text.as_bytes(), sorted);
    }
    let mut out = Vec::with_capacity(sorted.len());
    let mut pos = Pos::default();
    let mut iter = text.chars();
    for &target in sorted {
        while pos.get(from) < target {
            let Some(c) = iter.next() else { break };
            pos.utf8 += c.len_utf8();
            pos.chars += 1;
            pos.utf16 += c.len_utf16();
        }
        out.push(pos);
    }
    out
}

/// [`positions`] from byte offsets, through a [`ByteIndex`].
fn positions_from_utf8(bytes: &[u8], sorted: &[usize]) -> Vec<Pos> {
    let index = ByteIndex::new(bytes);
    sorted.iter().map(|&b| index.pos(b)).collect()
}

/// Bytes per [`Block`] of a [`ByteIndex`]: one bit each in a `u64`.
const BLOCK: usize = 64;

/// 64 bytes of a text: which of them start a char, which start an astral char
/// (two UTF-16 units), and the counts before the block.
#[derive(Debug, Clone, Copy, Default)]
struct Block {
    /// chars before the block
    chars: usize,
    /// UTF-16 units before the block
    utf16: usize,
    /// bit `i`: byte `i` of the block starts a char (is not `10xxxxxx`)
    starts: u64,
    /// bit `i`: byte `i` of the block starts an astral char (`11110xxx`; valid
    /// UTF-8 has no `11111xxx`)
    astral: u64,
}

/// Char and UTF-16 counts at every byte of a text, from one pass over it: any
/// byte offset converts in constant time (a popcount of the bits below it in
/// its block), in any order, so the offsets need no sorting. Size: half the
/// text's (on 64-bit targets).
struct ByteIndex<'a> {
    bytes: &'a [u8],
    /// one per [`BLOCK`] bytes, then a last one (empty masks) for the end
    blocks: Vec<Block>,
}

/// The high bit of every byte of a `u64`.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The bits of [`Block::starts`] and [`Block::astral`] for 64 bytes, eight at
/// a time in a `u64` (SWAR): a byte starts a char unless its top bits are
/// `10`, and an astral char when they are `1111`.
fn block_masks(block: &[u8; BLOCK]) -> (u64, u64) {
    let (mut starts, mut astral) = (0u64, 0u64);
    for (k, word) in block.chunks_exact(8).enumerate() {
        let w = u64::from_le_bytes(word.try_into().expect("8 bytes"));
        // bit 7 of each byte of `w << n` is bit 7 - n of the same byte of `w`
        let continuation = w & !(w << 1) & HIGH_BITS;
        starts |= high_bits_to_byte(!continuation & HIGH_BITS) << (8 * k);
        let four_bytes = w & (w << 1) & (w << 2) & (w << 3) & HIGH_BITS;
        if four_bytes != 0 {
            astral |= high_bits_to_byte(four_bytes) << (8 * k);
        }
    }
    (starts, astral)
}

/// Gathers the high bit of byte `i` of `high` (a subset of [`HIGH_BITS`]) into
/// bit `i` of the result: the multiplication puts each in a distinct bit of
/// the top byte, with no carries.
fn high_bits_to_byte(high: u64) -> u64 {
    (high >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

impl<'a> ByteIndex<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 2);
        let (mut chars, mut utf16) = (0, 0);
        let mut push = |(starts, astral): (u64, u64)| {
            blocks.push(Block { chars, utf16, starts, astral });
            let (s, a) = (starts.count_ones() as usize, astral.count_ones() as usize);
            chars += s;
            utf16 += s + a;
        };
        let full = bytes.chunks_exact(BLOCK);
        let rest = full.remainder();
        for block in full {
            push(block_masks(block.try_into().expect("a full block")));
        }
        if !rest.is_empty() {
            let mut last = [0x80u8; BLOCK]; // padding: continuation bytes, no chars
            last[..rest.len()].copy_from_slice(rest);
            push(block_masks(&last));
        }
        blocks.push(Block { chars, utf16, starts: 0, astral: 0 });
        ByteIndex { bytes, blocks }
    }

    /// The position of byte offset `target`: past the end clamps to the end,
    /// inside a char moves to the end of that char.
    fn pos(&self, target: usize) -> Pos {
        let bytes = self.bytes;
        let end = target.min(bytes.len());
        let mut at = end;
        while at < bytes.len() && (bytes[at] as i8) < -0x40 {
            at += 1;
        }
        let (chars, utf16) = self.counts(end);
        Pos { utf8: at, chars, utf16 }
    }

    /// (chars, UTF-16 units) starting before byte `end` (at most the length):
    /// for an offset inside a char, the counts at the end of that char.
    fn counts(&self, end: usize) -> (usize, usize) {
        let block = &self.blocks[end / BLOCK];
        let below = (1u64 << (end % BLOCK)) - 1;
        let s = (block.starts & below).count_ones() as usize;
        let a = (block.astral & below).count_ones() as usize;
        (block.chars + s, block.utf16 + s + a)
    }

    /// Byte offset `target` in `unit` (chars or UTF-16 units; bytes clamp to
    /// the end of the char like [`ByteIndex::pos`]).
    fn convert(&self, target: usize, unit: OffsetUnit) -> usize {
        let end = target.min(self.bytes.len());
        match unit {
            OffsetUnit::Char => self.counts(end).0,
            OffsetUnit::Utf16 => self.counts(end).1,
            OffsetUnit::Utf8 => self.pos(end).utf8,
        }
    }
}

impl Report {
    /// [`Report::reindexed`] without the copy: converts every offset of this
    /// report to `unit` in place. A report deserialized from JSON has no
    /// source text and is returned unchanged.
    ///
    /// ```
    /// use baogao::OffsetUnit;
    /// let text = "𠮷\n一、回顾\n正文。";
    /// let r = baogao::parse(text);
    /// assert_eq!(r.clone().into_reindexed(OffsetUnit::Char), r.reindexed(OffsetUnit::Char));
    /// ```
    pub fn into_reindexed(mut self, unit: OffsetUnit) -> Report {
        if unit != self.offset_unit {
            // Taken out and put back, not copied: reindexing reads the text
            // and writes the offsets only.
            if let Some(src) = self.source.take() {
                reindex(&mut self, &src, unit);
                self.source = Some(src);
            }
        }
        self
    }
}

/// Converts every offset of `report` (counted in `report.offset_unit` over
/// `text`) to `unit`.
pub(crate) fn reindex(report: &mut Report, text: &str, unit: OffsetUnit) {
    let from = report.offset_unit;
    if unit == from {
        return;
    }
    if from == OffsetUnit::Utf8 {
        // The parser's own unit: each offset converts on its own, no sort.
        let index = ByteIndex::new(text.as_bytes());
        for_each_offset(report, |o| *o = index.convert(*o, unit));
        report.offset_unit = unit;
        return;
    }
    let mut all = Vec::new();
    for_each_offset(report, |o| all.push(*o));
    all.sort_unstable();
    all.dedup();
    let pos = positions(text, &all, from);
    for_each_offset(report, |o| {
        if let Ok(i) = all.binary_search(o) {
            *o = pos[i].get(unit);
        }
    });
    report.offset_unit = unit;
}

/// Converts a byte offset of `text` to a char offset (for one-off use).
///
/// ```
/// assert_eq!(baogao::offsets::char_offset("𠮷a", 4), 1);
/// ```
pub fn char_offset(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |s| s.chars().count())
}

/// Converts a byte offset of `text` to a UTF-16 offset (for one-off use).
///
/// ```
/// assert_eq!(baogao::offsets::utf16_offset("𠮷a", 4), 2);
/// ```
pub fn utf16_offset(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |s| s.encode_utf16().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_cover_astral_and_bmp() {
        let text = "a𠮷b中😀";
        let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
        let pos = positions(text, &bytes, OffsetUnit::Utf8);
        for (&b, p) in bytes.iter().zip(&pos) {
            assert_eq!(p.chars, char_offset(text, b));
            assert_eq!(p.utf16, utf16_offset(text, b));
        }
        let last = pos.last().unwrap();
        assert_eq!((last.chars, last.utf16), (5, 7));
        // And back from UTF-16.
        let u16s: Vec<usize> = pos.iter().map(|p| p.utf16).collect();
        let back = positions(text, &u16s, OffsetUnit::Utf16);
        assert_eq!(back.iter().map(|p| p.utf8).collect::<Vec<_>>(), bytes);
    }

    /// The byte-counting path gives what decoding char by char gives, for every
    /// byte offset (inside chars and past the end too).
    #[test]
    fn byte_counting_matches_decoding() {
        // several 64-byte blocks, chars straddling their edges
        let text = &"a𠮷b中😀，增长5%\n".repeat(9);
        let all: Vec<usize> = (0..=text.len() + 2).collect();
        let mut slow = Vec::new();
        let (mut pos, mut iter) = (Pos::default(), text.chars());
        for &target in &all {
            while pos.utf8 < target {
                let Some(c) = iter.next() else { break };
                pos = Pos { utf8: pos.utf8 + c.len_utf8(), chars: pos.chars + 1, utf16: pos.utf16 + c.len_utf16() };
            }
            slow.push((pos.utf8, pos.chars, pos.utf16));
        }
        for sub in [all.clone(), all.iter().copied().step_by(3).collect(), vec![5, 6, 7, 30]] {
            let fast: Vec<_> =
                positions(text, &sub, OffsetUnit::Utf8).iter().map(|p| (p.utf8, p.chars, p.utf16)).collect();
            let want: Vec<_> = sub.iter().map(|&t| slow[t]).collect();
            assert_eq!(fast, want, "{sub:?}");
        }
    }

    /// Texts ending exactly at, just before and just after a block edge, with
    /// astral chars on both sides of it: every byte offset converts like
    /// `char_offset` / `utf16_offset` (rounded up to the end of its char).
    #[test]
    fn block_edges() {
        for text in ["a".repeat(60) + "😀", "a".repeat(61) + "😀", "b".repeat(62) + "😀中", "😀".repeat(33)] {
            let index = ByteIndex::new(text.as_bytes());
            for b in 0..=text.len() + 1 {
                let mut end = b.min(text.len());
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                let want = (char_offset(&text, end), utf16_offset(&text, end));
                assert_eq!(index.counts(b.min(text.len())), want, "{} bytes, offset {b}", text.len());
                assert_eq!(index.convert(b, OffsetUnit::Char), want.0);
                assert_eq!(index.convert(b, OffsetUnit::Utf16), want.1);
                assert_eq!(index.convert(b, OffsetUnit::Utf8), end);
            }
        }
    }
}
