//! Python bindings (`baogao._baogao`). Thin: types, offsets (code points) and errors only.

use pyo3::prelude::*;

#[pymodule]
fn _baogao(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
