//! WebAssembly bindings: `parse`, `version`. Thin: types, offsets (UTF-16) and errors only.

use wasm_bindgen::prelude::*;

/// The package version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
