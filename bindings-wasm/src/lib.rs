//! WebAssembly bindings of `baogao`: the npm package `baogao`.
//!
//! Thin by design: this crate checks the JavaScript arguments, calls the core
//! parser, converts every offset to UTF-16 code units (JavaScript string
//! indices, so `text.slice(item.start, item.end) === item.text`) and hands the
//! report over as plain JS objects with the SPEC §2 `snake_case` field names.
//! There is no parsing logic here.
//!
//! Errors are real JS exceptions with a message, never strings: a non-string
//! text throws `TypeError`; a bad option throws `Error` naming the option.
//! (The core must never panic: on wasm a panic is a trap, which JavaScript sees
//! as a `WebAssembly.RuntimeError: unreachable`.)

use baogao::{OffsetUnit, Options, Parser};
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
    let Some(text) = text.as_string() else {
        return Err(
            js_sys::TypeError::new(&format!("parse(text): text must be a string, got {}", describe(&text))).into()
        );
    };
    let options = read_options(&options)?;
    let report = Parser::new(options).parse(&text).reindexed(OffsetUnit::Utf16);
    to_js(&report)
}

// `track(prev, next)` (SPEC §4, promise tracking) goes here once the core has
// `baogao::track`: take two `Report`-producing texts or reports, return
// `TrackedTarget[]` through `to_js`, and add `TrackedTarget` to model.d.ts.

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
