//! Small Chinese-numeral helpers shared by the stages: heading ordinals
//! (十一、), dates (二〇一九年一月十四日) and session numbers (第十五届).

/// The digit characters and their values (〇/○/零 = 0 … 九 = 9, 两 = 2).
const DIGITS: [(char, u32); 24] = [
    ('〇', 0),
    ('○', 0),
    ('零', 0),
    ('О', 0),
    ('O', 0),
    ('一', 1),
    ('壹', 1),
    ('二', 2),
    ('两', 2),
    ('贰', 2),
    ('三', 3),
    ('叁', 3),
    ('四', 4),
    ('肆', 4),
    ('五', 5),
    ('伍', 5),
    ('六', 6),
    ('陆', 6),
    ('七', 7),
    ('柒', 7),
    ('八', 8),
    ('捌', 8),
    ('九', 9),
    ('玖', 9),
];

/// A multiplier that sends the characters of [`DIGITS`] to distinct slots
/// of [`DIGIT_SLOTS`] (checked when the table is built).
const DIGIT_HASH: u32 = 0x8c5f_e8f9;

const fn digit_slot(u: u32) -> usize {
    (u.wrapping_mul(DIGIT_HASH) >> 26) as usize
}

/// [`DIGITS`] as a perfect hash table: (code point, value), `u32::MAX` for
/// an empty slot. Built at compile time; a collision fails the build.
const DIGIT_SLOTS: [(u32, u32); 64] = {
    let mut slots = [(u32::MAX, 0); 64];
    let mut i = 0;
    while i < DIGITS.len() {
        let u = DIGITS[i].0 as u32;
        let k = digit_slot(u);
        assert!(slots[k].0 == u32::MAX, "digit hash collision");
        slots[k] = (u, DIGITS[i].1);
        i += 1;
    }
    slots
};

/// The value of one Chinese digit character (〇/○/零 = 0 … 九 = 9, 两 = 2):
/// one lookup in a perfect hash table of [`DIGITS`].
#[inline]
pub fn digit(c: char) -> Option<u32> {
    let (k, v) = DIGIT_SLOTS[digit_slot(c as u32)];
    (k == c as u32).then_some(v)
}

/// Parses a small integer written in Chinese (一 … 九十九, 一百二十) or in
/// ASCII digits. Returns `None` for anything else.
///
/// ```
/// use baogao::numerals::small_int;
/// assert_eq!(small_int("十一"), Some(11));
/// assert_eq!(small_int("二十"), Some(20));
/// assert_eq!(small_int("一百零五"), Some(105));
/// assert_eq!(small_int("12"), Some(12));
/// assert_eq!(small_int("十三五"), None);
/// ```
pub fn small_int(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok().filter(|_| s.len() <= 6);
    }
    let mut total = 0u32;
    let mut cur: Option<u32> = None;
    let mut last_unit = u32::MAX;
    for c in s.chars() {
        if let Some(d) = digit(c) {
            if cur.is_some_and(|prev| prev != 0) && d != 0 {
                return None; // two digits in a row: not a plain number
            }
            cur = Some(d);
            continue;
        }
        let unit = match c {
            '十' | '拾' => 10,
            '百' | '佰' => 100,
            '千' | '仟' => 1000,
            _ => return None,
        };
        if unit >= last_unit {
            return None;
        }
        last_unit = unit;
        total += cur.unwrap_or(1) * unit;
        cur = None;
    }
    if let Some(d) = cur {
        // A trailing digit after 十 is a unit digit; after 百/千 with 零 it is too.
        if last_unit != u32::MAX && last_unit > 10 && !s.contains('零') && d != 0 {
            return None; // "一百二" style abbreviations are not used for ordinals
        }
        total += d;
    }
    Some(total)
}

/// Parses a year written digit by digit ("2019", "二〇一九", "一九五四").
///
/// ```
/// assert_eq!(baogao::numerals::year("二〇一九"), Some(2019));
/// assert_eq!(baogao::numerals::year("1954"), Some(1954));
/// ```
pub fn year(s: &str) -> Option<i32> {
    let mut y = 0i32;
    let mut n = 0;
    for c in s.chars() {
        n += 1;
        if n > 4 {
            return None;
        }
        let d = c.to_digit(10).or_else(|| digit(c))?;
        y = y * 10 + d as i32;
    }
    (n == 4 && (1900..=2200).contains(&y)).then_some(y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals() {
        for (s, v) in [("一", 1), ("九", 9), ("十", 10), ("十四", 14), ("二十", 20), ("二十三", 23), ("三十九", 39)]
        {
            assert_eq!(small_int(s), Some(v), "{s}");
        }
        for s in ["", "十三五", "一二", "abc"] {
            assert_eq!(small_int(s), None, "{s}");
        }
    }

    #[test]
    fn years() {
        assert_eq!(year("二○一七"), Some(2017));
        assert_eq!(year("２０１７"), None); // fold full width first
        assert_eq!(year("12345"), None);
    }
}
