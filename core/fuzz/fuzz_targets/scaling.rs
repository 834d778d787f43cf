//! Super-linear time: parse one copy of the input and 20 copies of it, best
//! of a few runs each, and fail when 20 copies take more than 60× one copy.
//! The first byte picks how the copies are joined:
//!
//! - even: one after the other, separated by a blank line, each line
//!   suffixed with its copy number (so the layout stage does not take the
//!   copies for a duplicated page): time that grows with the number of
//!   paragraphs, sections or lists;
//! - odd: run together on the same lines (the input's line breaks become
//!   spaces, each copy followed by its number), so a paragraph grows 20×:
//!   time that grows with the length of one paragraph.
//!
//! Inputs whose one-copy parse is under 200 µs are skipped (timer noise), as
//! are inputs over 4 KB (the 20× text stays cheap enough for a fuzz loop).
#![no_main]

use std::time::{Duration, Instant};

use libfuzzer_sys::fuzz_target;

const COPIES: usize = 20;
const MAX_RATIO: f64 = 60.0;
const FLOOR: Duration = Duration::from_micros(200);
const MAX_INPUT: usize = 4 * 1024;

fn best_of(runs: usize, text: &str) -> Duration {
    (0..runs)
        .map(|_| {
            let t0 = Instant::now();
            std::hint::black_box(baogao::parse(std::hint::black_box(text)));
            t0.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// The text with every line suffixed by ` {copy}`; in `inline` mode the
/// lines are joined by spaces and only the copy ends with its number.
fn copy(text: &str, k: usize, inline: bool, out: &mut String) {
    if inline {
        for line in text.lines() {
            out.push_str(line);
            out.push(' ');
        }
        out.push_str(&k.to_string());
        return;
    }
    for line in text.lines() {
        out.push_str(line);
        out.push_str(&format!(" {k}\n"));
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, data)) = data.split_first() else { return };
    if data.len() > MAX_INPUT {
        return;
    }
    let inline = mode & 1 == 1;
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut one = String::new();
    copy(text, 0, inline, &mut one);
    let t1 = best_of(3, &one);
    if t1 < FLOOR {
        return;
    }
    let mut many = String::with_capacity(one.len() * COPIES + 64 * COPIES);
    for k in 0..COPIES {
        copy(text, k, inline, &mut many);
        if !inline {
            many.push('\n');
        }
    }
    let tn = best_of(2, &many);
    let ratio = tn.as_secs_f64() / t1.as_secs_f64();
    if ratio > MAX_RATIO {
        // Confirm once more before failing: a busy machine can stall one run.
        let t1 = best_of(3, &one);
        let tn = best_of(2, &many);
        let ratio = tn.as_secs_f64() / t1.as_secs_f64();
        assert!(
            ratio <= MAX_RATIO,
            "super-linear ({}): {} bytes take {t1:?}, {COPIES} copies ({} bytes) take {tn:?} ({ratio:.0}×)",
            if inline { "one paragraph" } else { "paragraphs" },
            one.len(),
            many.len()
        );
    }
});
