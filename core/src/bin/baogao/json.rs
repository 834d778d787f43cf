//! `serde_json::to_writer` / `to_writer_pretty` into a `Vec<u8>`, with the same
//! bytes out in about half the instructions on reports.
//!
//! The output is serde_json's by construction: the same [`Formatter`] calls in
//! the same order (punctuation, indentation, floats, 128-bit integers), except
//! for strings and the other integers. Both formatters write an integer as
//! itoa's digits and nothing else; this writes the same digits without going
//! through `io::Write`. serde_json looks every byte of every key and string up in a table
//! (most of its time on a report, whose JSON is mostly short keys and Chinese
//! text); this scans eight bytes at a time for the bytes JSON escapes (control
//! chars, `"` and `\`), copies strings without any between plain quotes (as
//! both formatters write them), remembers the field and variant names that
//! need none, and escapes the others the way serde_json does. Maps are not
//! supported (the model has none): their keys would need serde_json's quoting
//! of non-string keys.
//!
//! [`Formatter`]: serde_json::ser::Formatter

use serde::ser::{self, Impossible, Serialize};
use serde_json::ser::{CharEscape, CompactFormatter, Formatter, PrettyFormatter};
use serde_json::Error;

type Result<T = ()> = std::result::Result<T, Error>;

/// Appends `value` as compact JSON, like `serde_json::to_writer`.
pub fn write_compact<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> Result {
    value.serialize(&mut Writer { out, fmt: CompactFormatter, plain: PlainStatics::new() })
}

/// Appends `value` as pretty JSON, like `serde_json::to_writer_pretty`.
pub fn write_pretty<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> Result {
    value.serialize(&mut Writer { out, fmt: PrettyFormatter::new(), plain: PlainStatics::new() })
}

/// The serializer: a buffer and the serde_json formatter that lays out
/// the punctuation and whitespace.
pub struct Writer<'a, F> {
    out: &'a mut Vec<u8>,
    fmt: F,
    plain: PlainStatics,
}

/// Field names and unit variant names are `&'static str`s: the same few
/// hundred, hundreds of thousands of times in a corpus. Those found to need
/// no escape are kept quoted, by (address, length), in a small open-addressing
/// hash table (linear probing, never more than half full, no eviction), so
/// each is scanned once per writer (most are shorter than a word, where
/// scanning costs the most per byte) and then copied as a fixed-size block,
/// which compiles to a few moves instead of a call to `memcpy`. Static
/// strings never change, so a match is the same bytes; a name that needs an
/// escape, or that comes when the table is half full, is scanned every time.
struct PlainStatics {
    slots: Box<[Quoted]>,
    used: usize,
}

/// Room for a quoted static string (longer ones are not kept).
const QUOTED: usize = 32;

/// Slots of [`PlainStatics`], a power of two (the model has a few hundred names).
const SLOTS: usize = 1024;

/// A static string that needs no escape, between quotes, padded.
/// An empty slot has `addr` 0.
#[derive(Clone, Copy)]
struct Quoted {
    addr: usize,
    len: usize,
    bytes: [u8; QUOTED],
}

impl PlainStatics {
    fn new() -> Self {
        PlainStatics { slots: vec![Quoted { addr: 0, len: 0, bytes: [0; QUOTED] }; SLOTS].into_boxed_slice(), used: 0 }
    }

    fn slot(s: &str) -> usize {
        // Fibonacci hashing: the top 10 bits of (address, length) times 2^64/φ
        let key = (s.as_ptr() as usize as u64) ^ (s.len() as u64) << 48;
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SLOTS.trailing_zeros())) as usize
    }

    #[inline(always)]
    fn get(&self, s: &'static str) -> Option<&Quoted> {
        let mut i = Self::slot(s);
        loop {
            let q = &self.slots[i];
            if q.addr == s.as_ptr() as usize && q.len == s.len() {
                return Some(q);
            }
            if q.addr == 0 {
                return None;
            }
            i = (i + 1) & (SLOTS - 1);
        }
    }

    /// Keeps `s`, which needs no escape and is not kept yet, if it fits and
    /// the table is less than half full.
    fn insert(&mut self, s: &'static str) {
        if s.len() + 2 <= QUOTED && self.used < SLOTS / 2 && !s.is_empty() {
            let mut bytes = [0; QUOTED];
            bytes[0] = b'"';
            bytes[1..=s.len()].copy_from_slice(s.as_bytes());
            bytes[s.len() + 1] = b'"';
            let mut i = Self::slot(s);
            while self.slots[i].addr != 0 {
                i = (i + 1) & (SLOTS - 1);
            }
            self.slots[i] = Quoted { addr: s.as_ptr() as usize, len: s.len(), bytes };
            self.used += 1;
        }
    }
}

/// Where a container is: as in serde_json, `Empty` containers were closed
/// when opened (their length was 0) and `First` has had no element yet.
#[derive(PartialEq, Eq)]
enum State {
    Empty,
    First,
    Rest,
}

/// An open array or object (or the one inside a variant's `{"name": …}`).
pub struct Compound<'b, 'a, F> {
    ser: &'b mut Writer<'a, F>,
    state: State,
}

impl<F: Formatter> Writer<'_, F> {
    /// A JSON string. Most need no escape: they are copied between quotes
    /// in one go.
    #[inline]
    fn string(&mut self, s: &str) -> Result {
        match next_escape(s.as_bytes(), 0) {
            None => {
                self.plain_string(s);
                Ok(())
            }
            Some(at) => self.escaped_string(s, at),
        }
    }

    /// [`Writer::string`] for a field or variant name, remembered once
    /// known to need no escape. Inlined: it runs once per field.
    #[inline(always)]
    fn static_string(&mut self, s: &'static str) -> Result {
        if let Some(q) = self.plain.get(s) {
            let end = self.out.len() + q.len + 2;
            self.out.extend_from_slice(&q.bytes);
            self.out.truncate(end);
            return Ok(());
        }
        self.new_static_string(s)
    }

    /// [`Writer::static_string`] the first time (or for a name not kept).
    #[cold]
    fn new_static_string(&mut self, s: &'static str) -> Result {
        if next_escape(s.as_bytes(), 0).is_none() {
            self.plain.insert(s);
        }
        self.string(s)
    }

    /// A string that needs no escape, between quotes (both formatters
    /// begin and end strings with a plain `"`).
    fn plain_string(&mut self, s: &str) {
        self.out.reserve(s.len() + 2);
        self.out.push(b'"');
        self.out.extend_from_slice(s.as_bytes());
        self.out.push(b'"');
    }

    /// A JSON string with escapes, the first at byte `at`: `"`, runs of
    /// bytes as they are, escapes, `"`.
    #[cold]
    fn escaped_string(&mut self, s: &str, mut at: usize) -> Result {
        let (out, fmt) = (&mut *self.out, &mut self.fmt);
        fmt.begin_string(out).map_err(Error::io)?;
        let bytes = s.as_bytes();
        let mut run = 0;
        loop {
            if run < at {
                fmt.write_string_fragment(out, &s[run..at]).map_err(Error::io)?;
            }
            fmt.write_char_escape(out, char_escape(bytes[at])).map_err(Error::io)?;
            run = at + 1;
            match next_escape(bytes, run) {
                Some(next) => at = next,
                None => break,
            }
        }
        if run < bytes.len() {
            fmt.write_string_fragment(out, &s[run..]).map_err(Error::io)?;
        }
        fmt.end_string(out).map_err(Error::io)
    }

    /// An unsigned integer in decimal, the bytes itoa writes (serde_json's
    /// formatters write integers with itoa and nothing around them). Below
    /// 10^8 (all a report has) without a loop, a table or a `memcpy` call:
    /// the eight digits, zero-padded, are made in one word (SWAR: two 4-digit
    /// halves in 32-bit lanes, split into 2-digit ones in 16-bit lanes, then
    /// into digits in bytes, dividing by multiplying), shifted past the
    /// leading zeros, extended by eight bytes and cut to length; larger
    /// numbers go to itoa.
    #[inline(always)]
    fn uint(&mut self, v: u64) -> Result {
        if v >= 100_000_000 {
            return self.fmt.write_u64(self.out, v).map_err(Error::io);
        }
        let (hi, lo) = (v / 10_000, v % 10_000);
        let x = hi | lo << 32;
        // each lane over 100 (exact for lanes below 43,699), then the rest
        let hundreds = ((x * 10_486) >> 20) & 0x0000_007F_0000_007F;
        let pairs = hundreds | (x - hundreds * 100) << 16;
        // each lane over 10 (exact for lanes below 179), then the rest
        let tens = ((pairs * 103) >> 10) & 0x000F_000F_000F_000F;
        let digits = tens | (pairs - tens * 10) << 8;
        // leading zero digits, at most 7 (0 is written "0")
        let lead = (digits.trailing_zeros() / 8).min(7);
        let end = self.out.len() + 8 - lead as usize;
        self.out.extend_from_slice(&((digits | splat(b'0')) >> (8 * lead)).to_le_bytes());
        self.out.truncate(end);
        Ok(())
    }

    /// A signed integer: `-` then its magnitude, as itoa writes it.
    #[inline]
    fn int(&mut self, v: i64) -> Result {
        if v < 0 {
            self.out.push(b'-');
        }
        self.uint(v.unsigned_abs())
    }

    /// Opens `{"variant":` around the value of an enum variant with data.
    fn begin_variant(&mut self, variant: &'static str) -> Result {
        self.fmt.begin_object(self.out).map_err(Error::io)?;
        self.fmt.begin_object_key(self.out, true).map_err(Error::io)?;
        self.static_string(variant)?;
        self.fmt.end_object_key(self.out).map_err(Error::io)?;
        self.fmt.begin_object_value(self.out).map_err(Error::io)
    }

    /// Closes what [`Writer::begin_variant`] opened.
    fn end_variant(&mut self) -> Result {
        self.fmt.end_object_value(self.out).map_err(Error::io)?;
        self.fmt.end_object(self.out).map_err(Error::io)
    }
}

/// The high bit of every byte of a `u64`.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// `b` in every byte of a `u64`.
const fn splat(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// The high bit set in the lowest byte of `w` that is below `n` (at most
/// 0x80), if any, and maybe in some bytes above it (a borrow), never below.
fn bytes_below(w: u64, n: u8) -> u64 {
    w.wrapping_sub(splat(n)) & !w & HIGH_BITS
}

/// Whether JSON escapes byte `b` in a string.
fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// The high bit set in the first byte of `w` that [`needs_escape`] (its
/// lowest), if any, and maybe in some bytes above it.
fn flagged(w: u64) -> u64 {
    bytes_below(w, 0x20) | bytes_below(w ^ splat(b'"'), 1) | bytes_below(w ^ splat(b'\\'), 1)
}

/// The eight bytes of `bytes` from `at`, the first in the lowest byte.
fn word(bytes: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(bytes[at..at + 8].try_into().expect("8 bytes"))
}

/// Four bytes of `bytes` from `at` then four from `at2`, as one word.
fn two_halves(bytes: &[u8], at: usize, at2: usize) -> u64 {
    let half = |k: usize| u64::from(u32::from_le_bytes(bytes[k..k + 4].try_into().expect("4 bytes")));
    half(at) | half(at2) << 32
}

/// The first byte at or after `from` that [`needs_escape`]. Long strings
/// (paragraph texts) are first skipped 64 bytes at a time while no byte of
/// a block needs an escape (a loop the compiler turns into vector compares),
/// then tested eight bytes at a time (SWAR). Most strings of a report are
/// short keys and enum names, so the last (or only) bytes are read as one
/// word too, that overlaps bytes already tested: the lowest flagged byte of
/// a word is always a true one, and the bytes already tested have none.
fn next_escape(bytes: &[u8], from: usize) -> Option<usize> {
    let len = bytes.len();
    let mut i = from;
    while let Some(block) = bytes.get(i..i + 64) {
        if block.iter().fold(false, |any, &b| any | needs_escape(b)) {
            break;
        }
        i += 64;
    }
    while i + 8 <= len {
        let found = flagged(word(bytes, i));
        if found != 0 {
            return Some(i + found.trailing_zeros() as usize / 8);
        }
        i += 8;
    }
    let first = |found: u64| found.trailing_zeros() as usize / 8;
    match len - i {
        0 => None,
        _ if len >= 8 => {
            // the last eight bytes, of which those before `i` are tested
            let at = len - 8;
            let found = flagged(word(bytes, at)) & (u64::MAX << (8 * (i - at)));
            (found != 0).then(|| at + first(found))
        }
        n if n >= 4 => {
            // bytes i..i+4, then the last four (overlapping them)
            let found = flagged(two_halves(bytes, i, len - 4));
            (found != 0).then(|| if first(found) < 4 { i + first(found) } else { len + first(found) - 8 })
        }
        _ => bytes[i..].iter().position(|&b| needs_escape(b)).map(|k| i + k),
    }
}

/// serde_json's escape for a byte that [`needs_escape`].
fn char_escape(b: u8) -> CharEscape {
    match b {
        b'"' => CharEscape::Quote,
        b'\\' => CharEscape::ReverseSolidus,
        0x08 => CharEscape::Backspace,
        0x09 => CharEscape::Tab,
        0x0A => CharEscape::LineFeed,
        0x0C => CharEscape::FormFeed,
        0x0D => CharEscape::CarriageReturn,
        _ => CharEscape::AsciiControl(b),
    }
}

impl<'b, 'a, F: Formatter> ser::Serializer for &'b mut Writer<'a, F> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'b, 'a, F>;
    type SerializeTuple = Compound<'b, 'a, F>;
    type SerializeTupleStruct = Compound<'b, 'a, F>;
    type SerializeTupleVariant = Compound<'b, 'a, F>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Compound<'b, 'a, F>;
    type SerializeStructVariant = Compound<'b, 'a, F>;

    fn serialize_bool(self, v: bool) -> Result {
        self.fmt.write_bool(self.out, v).map_err(Error::io)
    }
    fn serialize_i8(self, v: i8) -> Result {
        self.int(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result {
        self.int(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result {
        self.int(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result {
        self.int(v)
    }
    fn serialize_i128(self, v: i128) -> Result {
        self.fmt.write_i128(self.out, v).map_err(Error::io)
    }
    fn serialize_u8(self, v: u8) -> Result {
        self.uint(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result {
        self.uint(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result {
        self.uint(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result {
        self.uint(v)
    }
    fn serialize_u128(self, v: u128) -> Result {
        self.fmt.write_u128(self.out, v).map_err(Error::io)
    }
    /// NaN and infinities are `null`, as in serde_json.
    fn serialize_f32(self, v: f32) -> Result {
        if v.is_finite() {
            self.fmt.write_f32(self.out, v).map_err(Error::io)
        } else {
            self.serialize_unit()
        }
    }
    /// NaN and infinities are `null`, as in serde_json.
    fn serialize_f64(self, v: f64) -> Result {
        if v.is_finite() {
            self.fmt.write_f64(self.out, v).map_err(Error::io)
        } else {
            self.serialize_unit()
        }
    }
    fn serialize_char(self, v: char) -> Result {
        self.string(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result {
        self.string(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result {
        self.fmt.write_byte_array(self.out, v).map_err(Error::io)
    }
    fn serialize_none(self) -> Result {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result {
        self.fmt.write_null(self.out).map_err(Error::io)
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result {
        self.static_string(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result {
        self.begin_variant(variant)?;
        value.serialize(&mut *self)?;
        self.end_variant()
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq> {
        self.fmt.begin_array(self.out).map_err(Error::io)?;
        if len == Some(0) {
            self.fmt.end_array(self.out).map_err(Error::io)?;
            return Ok(Compound { ser: self, state: State::Empty });
        }
        Ok(Compound { ser: self, state: State::First })
    }
    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Self::SerializeTupleStruct> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        self.begin_variant(variant)?;
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        Err(ser::Error::custom("maps are not supported by this JSON writer"))
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Self::SerializeStruct> {
        self.fmt.begin_object(self.out).map_err(Error::io)?;
        if len == 0 {
            self.fmt.end_object(self.out).map_err(Error::io)?;
            return Ok(Compound { ser: self, state: State::Empty });
        }
        Ok(Compound { ser: self, state: State::First })
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        self.begin_variant(variant)?;
        self.serialize_struct(name, len)
    }
}

impl<F: Formatter> Compound<'_, '_, F> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        let ser = &mut *self.ser;
        ser.fmt.begin_array_value(ser.out, self.state == State::First).map_err(Error::io)?;
        self.state = State::Rest;
        value.serialize(&mut *ser)?;
        ser.fmt.end_array_value(ser.out).map_err(Error::io)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        let ser = &mut *self.ser;
        ser.fmt.begin_object_key(ser.out, self.state == State::First).map_err(Error::io)?;
        self.state = State::Rest;
        ser.static_string(key)?;
        ser.fmt.end_object_key(ser.out).map_err(Error::io)?;
        ser.fmt.begin_object_value(ser.out).map_err(Error::io)?;
        value.serialize(&mut *ser)?;
        ser.fmt.end_object_value(ser.out).map_err(Error::io)
    }

    fn end_array(self) -> Result<Self> {
        if self.state != State::Empty {
            self.ser.fmt.end_array(self.ser.out).map_err(Error::io)?;
        }
        Ok(self)
    }

    fn end_object(self) -> Result<Self> {
        if self.state != State::Empty {
            self.ser.fmt.end_object(self.ser.out).map_err(Error::io)?;
        }
        Ok(self)
    }
}

/// The sequence-like serde traits: each element is written the same way and
/// the array closed.
macro_rules! array_like {
    ($($trait:ident :: $method:ident),*) => {$(
        impl<F: Formatter> ser::$trait for Compound<'_, '_, F> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
                self.element(value)
            }
            fn end(self) -> Result {
                self.end_array().map(drop)
            }
        }
    )*};
}

array_like!(SerializeSeq::serialize_element, SerializeTuple::serialize_element, SerializeTupleStruct::serialize_field);

impl<F: Formatter> ser::SerializeTupleVariant for Compound<'_, '_, F> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.element(value)
    }
    fn end(self) -> Result {
        self.end_array()?.ser.end_variant()
    }
}

impl<F: Formatter> ser::SerializeStruct for Compound<'_, '_, F> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        self.field(key, value)
    }
    fn end(self) -> Result {
        self.end_object().map(drop)
    }
}

impl<F: Formatter> ser::SerializeStructVariant for Compound<'_, '_, F> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        self.field(key, value)
    }
    fn end(self) -> Result {
        self.end_object()?.ser.end_variant()
    }
}

#[cfg(test)]
mod tests {
    use crate::json;
    use baogao::OffsetUnit;
    use serde::Serialize;

    /// `value` through [`json`] and through serde_json, compact and pretty.
    fn both_ways<T: Serialize>(value: &T) -> [(Vec<u8>, Vec<u8>); 2] {
        let (mut compact, mut pretty) = (Vec::new(), Vec::new());
        json::write_compact(&mut compact, value).unwrap();
        json::write_pretty(&mut pretty, value).unwrap();
        [(compact, serde_json::to_vec(value).unwrap()), (pretty, serde_json::to_vec_pretty(value).unwrap())]
    }

    fn assert_same<T: Serialize>(value: &T) {
        for (ours, serde) in both_ways(value) {
            assert_eq!(String::from_utf8(ours).unwrap(), String::from_utf8(serde).unwrap());
        }
    }

    #[test]
    fn reports_serialize_like_serde_json() {
        let report = baogao::parse(baogao::SAMPLE_REPORT);
        assert_same(&report.reindexed(OffsetUnit::Char));
        assert_same(&report);
        assert_same(&baogao::parse(""));
    }

    /// Every byte JSON escapes, at every position of strings of every length
    /// up to 20 bytes (so in full words, in the overlapping last word, and in
    /// the short-string paths), and after an earlier escape.
    #[test]
    fn strings_escape_like_serde_json() {
        let specials = ['"', '\\', '\n', '\r', '\t', '\u{8}', '\u{c}', '\0', '\u{1f}', '\u{7f}', 'é', '中', '😀'];
        for len in 0..=20 {
            for at in 0..len {
                for c in specials {
                    let mut s: String = (0..len).map(|k| if k == at { c } else { 'a' }).collect();
                    assert_same(&s);
                    s.push('"');
                    s.insert(0, '\n');
                    assert_same(&s);
                }
            }
        }
        // long strings: in and after the 64-byte blocks
        for len in [63, 64, 65, 127, 128, 129, 200] {
            for at in 0..len {
                for c in ['"', '\\', '\n', '\u{1f}'] {
                    let s: String = (0..len).map(|k| if k == at { c } else { 'a' }).collect();
                    assert_same(&s);
                }
            }
        }
        assert_same(&"增长6.5%左右\u{1}“引号”\\".repeat(5));
    }

    /// Integers around every digit count and the fast path's limit.
    #[test]
    fn integers_like_serde_json() {
        let mut ints: Vec<u64> = (0..=1000).collect();
        for p in 1..20 {
            let t = 10u64.pow(p);
            ints.extend([t - 1, t, t + 1, t + t / 2]);
        }
        ints.extend([43_698, 43_699, 99_999_999, 100_000_000, u64::MAX]);
        assert_same(&ints);
        let signed: Vec<i64> = ints.iter().map(|&v| -(v.min(i64::MAX as u64) as i64)).chain([i64::MIN]).collect();
        assert_same(&signed);
    }

    #[derive(Serialize)]
    struct Unit;

    #[derive(Serialize)]
    struct Newtype(u8);

    #[derive(Serialize)]
    struct Tuple(i8, &'static str);

    #[derive(Serialize)]
    struct Empty {}

    #[derive(Serialize)]
    #[allow(dead_code)] // the variants are only serialized
    enum Shapes {
        Unit,
        Newtype(Vec<u32>),
        Tuple(bool, Option<char>),
        EmptyTuple(),
        Struct { a: f64, b: Vec<Empty> },
        EmptyStruct {},
    }

    #[derive(Serialize)]
    struct Zoo {
        ints: (i8, i16, i32, i64, i128, u8, u16, u32, u64, u128),
        floats: Vec<f64>,
        float32: [f32; 4],
        chars: Vec<char>,
        unit: (),
        unit_struct: Unit,
        newtype: Newtype,
        tuple: Tuple,
        empty: Empty,
        empty_vec: Vec<Vec<u8>>,
        nested: Vec<Vec<u8>>,
        options: [Option<&'static str>; 2],
        shapes: Vec<Shapes>,
        #[serde(rename = "odd \"key\"\n")]
        odd_key: bool,
    }

    #[test]
    fn every_shape_serializes_like_serde_json() {
        let zoo = Zoo {
            ints: (-8, -16, i32::MIN, i64::MAX, i128::MIN, 8, 16, 32, u64::MAX, u128::MAX),
            floats: vec![0.0, -0.0, 1.5, 6.5, 1e21, 1e-7, 123456789.125, f64::NAN, f64::INFINITY],
            float32: [0.1, -2.5, f32::NAN, 3e38],
            chars: vec!['a', '"', '\n', '中'],
            unit: (),
            unit_struct: Unit,
            newtype: Newtype(7),
            tuple: Tuple(-1, "x"),
            empty: Empty {},
            empty_vec: vec![],
            nested: vec![vec![], vec![1, 2], vec![]],
            options: [None, Some("y")],
            shapes: vec![
                Shapes::Unit,
                Shapes::Newtype(vec![1, 2]),
                Shapes::Newtype(vec![]),
                Shapes::Tuple(true, None),
                Shapes::EmptyTuple(),
                Shapes::Struct { a: 2.0, b: vec![Empty {}] },
                Shapes::EmptyStruct {},
            ],
            odd_key: false,
        };
        assert_same(&zoo);
    }

    #[test]
    fn maps_are_an_error() {
        let map = std::collections::BTreeMap::from([("a", 1)]);
        assert!(json::write_compact(&mut Vec::new(), &map).is_err());
    }
}
