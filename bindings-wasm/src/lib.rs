//! WebAssembly bindings of `baogao`: the npm package `baogao`.
//!
//! Thin by design: this crate checks the JavaScript arguments, calls the core
//! (`parse`, `track`), converts every offset to UTF-16 code units (JavaScript
//! string indices, so `text.slice(item.start, item.end) === item.text`) and
//! hands the results over as plain JS objects with the SPEC §2 `snake_case`
//! field names. There is no parsing or tracking logic here: `track` reads the
//! two report objects back into `baogao::Report` (serde) and calls
//! `baogao::track_with`, whose rows copy the indicators' offsets, so they stay
//! UTF-16.
//!
//! Errors are real JS exceptions with a message, never strings: a non-string
//! text or a non-object report throws `TypeError`; a bad option or an object
//! that is not a report throws `Error` naming what is wrong.
//! (The core must never panic: on wasm a panic is a trap, which JavaScript sees
//! as a `WebAssembly.RuntimeError: unreachable`.)

use baogao::{OffsetUnit, Options, Parser, Report, TrackOptions};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// TypeScript declarations of the whole model (mirrors `core/src/model.rs`),
/// emitted verbatim into `baogao.d.ts`.
#[wasm_bindgen(typescript_custom_section)]
const TS_MODEL: &str = include_str!("model.d.ts");

/// The option names `parse` accepts, for error messages.
const KNOWN_OPTIONS: &str = "year";

/// Parses one government work report.
///
/// Returns the report as plain objects; every `start`/`end` is a UTF-16 index
/// into `text` (`report.offset_unit === "utf16"`), and absent values are `null`.
/// Throws `TypeError` when `text` is not a string and `Error` for bad options.
#[wasm_bindgen(
    unchecked_return_type = "Report",
    return_description = "the parsed report; offsets are UTF-16 indices into `text`"
)]
pub fn parse(
    #[wasm_bindgen(unchecked_param_type = "string", param_description = "the whole report text")] text: JsValue,
    #[wasm_bindgen(
        unchecked_optional_param_type = "ParseOptions",
        param_description = "`{ year }`: the report year when the text has no date line"
    )]
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let text_value = text;
    let Some(text) = text_value.as_string() else {
        return Err(js_sys::TypeError::new(&format!(
            "parse(text): text must be a string, got {}",
            describe(&text_value)
        ))
        .into());
    };
    let options = read_options(&options)?;
    let report = Parser::new(options).parse(&text);
    let utf16 = report.reindexed(OffsetUnit::Utf16);
    let value = to_js(&utf16)?;
    // A lone surrogate reached Rust as U+FFFD (one UTF-16 unit, so offsets
    // stay aligned), but then an item's `text` would differ from
    // `text.slice(start, end)`. Only then (no U+FFFD: well-formed for sure),
    // take those items' texts from the caller's own string.
    if text.contains(char::REPLACEMENT_CHARACTER) {
        let original: &js_sys::JsString = text_value.unchecked_ref();
        if !well_formed(original) {
            reslice(&value, &report, &utf16, &text, original)?;
        }
    }
    Ok(value)
}

#[wasm_bindgen]
extern "C" {
    /// `String.prototype.isWellFormed.call(s)` (ES2024: Node 20, current
    /// browsers); `Err` where the engine lacks it.
    #[wasm_bindgen(catch, js_namespace = ["String", "prototype", "isWellFormed"], js_name = call)]
    fn is_well_formed(s: &js_sys::JsString) -> Result<bool, JsValue>;
}

/// The string has no lone surrogate.
fn well_formed(s: &js_sys::JsString) -> bool {
    is_well_formed(s).unwrap_or_else(|_| s.is_valid_utf16())
}

/// Sets the text fields of `value` (the JS report) that are exact slices of
/// the parsed text and contain U+FFFD to `original.slice(start, end)`, so
/// `text.slice(item.start, item.end) === item.text` holds with lone
/// surrogates too. `report` has UTF-8 offsets into `parsed` (the string Rust
/// received); `utf16` is the same report in UTF-16 units. Text without a
/// span (meta, `period.raw`, `deadline.raw`, messages) keeps U+FFFD.
fn reslice(
    value: &JsValue,
    report: &Report,
    utf16: &Report,
    parsed: &str,
    original: &js_sys::JsString,
) -> Result<(), JsValue> {
    let get = |obj: &JsValue, key: &str| js_sys::Reflect::get(obj, &JsValue::from_str(key));
    let get_index = |obj: &JsValue, i: usize| js_sys::Reflect::get(obj, &JsValue::from(i as u32));
    // `utf16` is a reindexed copy of `report`: the same spans in the same order.
    for (span, unit) in report.spans().zip(utf16.spans()) {
        let (Some(text), Some(field)) = (span.text, span.kind.text_field()) else { continue };
        // Only texts with U+FFFD that are exact slices of what was parsed.
        if !text.contains(char::REPLACEMENT_CHARACTER) || parsed.get(span.start..span.end) != Some(text) {
            continue;
        }
        let mut obj = get_index(&get(value, span.kind.table())?, span.index)?;
        if let Some(within) = span.kind.within() {
            obj = get(&obj, within)?;
        }
        if let Some(j) = span.item {
            obj = get_index(&obj, j)?;
        }
        js_sys::Reflect::set(&obj, &JsValue::from_str(field), &original.slice(unit.start as u32, unit.end as u32))?;
    }
    Ok(())
}

/// Pairs each quantified annual target of `prev` (year N) with the outcome
/// `next` (year N + 1) reports for it (SPEC §4, promise tracking).
///
/// `prev` and `next` are reports as `parse` returned them (plain objects; a
/// JSON round trip is fine). Returns one plain `TrackedTarget` per target, in
/// the order of `prev`; `target_start`/`target_end` index `prev`'s text and
/// `actual_start`/`actual_end` index `next`'s text, in each report's own
/// offset unit (UTF-16 for reports from `parse`). Throws `TypeError` when an
/// argument is not an object, `Error` when it is not a report or an option is
/// bad.
#[wasm_bindgen(
    unchecked_return_type = "TrackedTarget[]",
    return_description = "one row per target of `prev`, in its order"
)]
pub fn track(
    #[wasm_bindgen(unchecked_param_type = "Report", param_description = "the report of year N, from `parse`")]
    prev: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Report", param_description = "the report of year N + 1, from `parse`")]
    next: JsValue,
    #[wasm_bindgen(
        unchecked_optional_param_type = "TrackOptions",
        param_description = "`{ tolerance }`: how far an `about` target may miss and still be met (percentage points; default 0.5)"
    )]
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let prev = read_report(&prev, "prev")?;
    let next = read_report(&next, "next")?;
    let options = read_track_options(&options)?;
    to_js(&baogao::track_with(&prev, &next, &options))
}

/// The package version (equals the crate version and `package.json`).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Serializes with `null` for `None` and plain objects (never `Map`s).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible().serialize_missing_as_null(true);
    value
        .serialize(&serializer)
        .map_err(|e| js_sys::Error::new(&format!("baogao: cannot convert the report: {e}")).into())
}

/// Reads the `options` argument: `undefined`/`null` or an object whose keys
/// are all known options.
fn read_options(value: &JsValue) -> Result<Options, JsValue> {
    let mut options = Options::default();
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    if !value.is_object() || js_sys::Array::is_array(value) || value.is_function() {
        return Err(js_sys::TypeError::new(&format!(
            "parse(text, options): options must be an object such as {{ year: 2017 }}, got {}",
            describe(value)
        ))
        .into());
    }
    let object: &js_sys::Object = value.unchecked_ref();
    for key in js_sys::Object::keys(object).iter() {
        let name = key.as_string().unwrap_or_default();
        let item = js_sys::Reflect::get(object, &key)?;
        match name.as_str() {
            "year" => options.year = read_year(&item)?,
            _ => return Err(option_error(&format!("unknown option `{name}` (known options: {KNOWN_OPTIONS})"))),
        }
    }
    Ok(options)
}

/// `year`: `undefined`/`null` or an integer that fits an `i32`.
fn read_year(value: &JsValue) -> Result<Option<i32>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    match value.as_f64() {
        Some(n) if n.fract() == 0.0 && n >= f64::from(i32::MIN) && n <= f64::from(i32::MAX) => {
            // Exact: `n` is an integer inside the i32 range.
            Ok(Some(n as i32))
        }
        _ => Err(option_error(&format!("option `year` must be an integer such as 2017, got {}", describe(value)))),
    }
}

/// A plain `Error` about an option.
fn option_error(message: &str) -> JsValue {
    js_sys::Error::new(&format!("parse(text, options): {message}")).into()
}

/// Reads a report argument of `track`: an object shaped like `parse`'s result.
fn read_report(value: &JsValue, name: &str) -> Result<Report, JsValue> {
    if !value.is_object() || js_sys::Array::is_array(value) || value.is_function() {
        return Err(js_sys::TypeError::new(&format!(
            "track(prev, next): {name} must be a report object returned by parse(), got {}",
            describe(value)
        ))
        .into());
    }
    serde_wasm_bindgen::from_value(value.clone()).map_err(|e| {
        // serde_wasm_bindgen's message reads "Error: missing field `meta`"; keep the part after "Error: ".
        let e = e.to_string();
        let why = e.strip_prefix("Error: ").unwrap_or(&e);
        js_sys::Error::new(&format!("track(prev, next): {name} is not a report returned by parse(): {why}")).into()
    })
}

/// Reads the `options` argument of `track`: `undefined`/`null` or `{ tolerance }`.
fn read_track_options(value: &JsValue) -> Result<TrackOptions, JsValue> {
    let options = TrackOptions::default();
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    if !value.is_object() || js_sys::Array::is_array(value) || value.is_function() {
        return Err(js_sys::TypeError::new(&format!(
            "track(prev, next, options): options must be an object such as {{ tolerance: 0.5 }}, got {}",
            describe(value)
        ))
        .into());
    }
    let object: &js_sys::Object = value.unchecked_ref();
    let mut tolerance = None;
    for key in js_sys::Object::keys(object).iter() {
        let name = key.as_string().unwrap_or_default();
        let item = js_sys::Reflect::get(object, &key)?;
        if name != "tolerance" {
            return Err(track_option_error(&format!("unknown option `{name}` (known options: tolerance)")));
        }
        if item.is_undefined() || item.is_null() {
            continue;
        }
        match item.as_f64() {
            Some(t) if t.is_finite() && t >= 0.0 => tolerance = Some(t),
            _ => {
                let got = describe(&item);
                return Err(track_option_error(&format!(
                    "option `tolerance` must be a number >= 0 such as 0.5, got {got}"
                )));
            }
        }
    }
    Ok(tolerance.map_or(options, |t| options.with_tolerance(t)))
}

/// A plain `Error` about an option of `track`.
fn track_option_error(message: &str) -> JsValue {
    js_sys::Error::new(&format!("track(prev, next, options): {message}")).into()
}

/// A short description of a JS value for error messages: its `typeof`, plus
/// the value itself for primitives.
fn describe(value: &JsValue) -> String {
    let kind = value.js_typeof().as_string().unwrap_or_default();
    if value.is_null() {
        "null".to_string()
    } else if js_sys::Array::is_array(value) {
        "an array".to_string()
    } else if let Some(n) = value.as_f64() {
        format!("number {n}")
    } else if let Some(s) = value.as_string() {
        format!("string {s:?}")
    } else {
        kind
    }
}
