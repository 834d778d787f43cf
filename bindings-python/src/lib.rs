//! Python bindings: the native module `baogao._baogao`.
//!
//! Thin by design: it translates types (a parsed report becomes a handle
//! whose tables cross as JSON), offsets (code points, so `text[start:end]`
//! slices exactly) and errors (`TypeError`, `ValueError`). All parsing lives in
//! the `baogao` crate; the Python classes are in `python/baogao/`.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};
use rayon::prelude::*;

use baogao::table::{rows, Table};
use baogao::{OffsetUnit, Options, Parser, Report};

/// A parsed report with offsets in code points. The Python class
/// `baogao.Report` wraps it and builds its objects lazily.
#[pyclass(frozen, module = "baogao._baogao", name = "RawReport")]
struct RawReport {
    report: Report,
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".into())
}

/// The text argument as a Rust string, or a `TypeError` naming what came instead.
fn text_arg(obj: &Bound<'_, PyAny>, func: &str) -> PyResult<String> {
    match obj.cast::<PyString>() {
        Ok(s) => Ok(s.to_cow()?.into_owned()),
        Err(_) => Err(PyTypeError::new_err(format!("{func}() expects str, got {}", type_name(obj)))),
    }
}

/// Builds parse options from keyword arguments; a bad value is a `ValueError` naming the option.
fn options(year: Option<&Bound<'_, PyAny>>) -> PyResult<Options> {
    let mut opts = Options::default();
    if let Some(y) = year.filter(|y| !y.is_none()) {
        if y.is_instance_of::<pyo3::types::PyBool>() {
            return Err(PyValueError::new_err("invalid option `year`: expected an int, got bool"));
        }
        let v: i64 = y.extract().map_err(|_| {
            PyValueError::new_err(format!("invalid option `year`: expected an int, got {}", type_name(y)))
        })?;
        let v = i32::try_from(v).ok().filter(|v| (1900..=2200).contains(v)).ok_or_else(|| {
            PyValueError::new_err(format!("invalid option `year`: {v} is not a year between 1900 and 2200"))
        })?;
        opts = opts.with_year(v);
    }
    Ok(opts)
}

fn table_arg(name: &str) -> PyResult<Table> {
    name.parse().map_err(|e: baogao::Error| PyValueError::new_err(e.to_string()))
}

#[pymethods]
impl RawReport {
    /// The whole report as JSON (offsets in code points), or one of its
    /// arrays: "sections", "paragraphs", "indicators", "commitments", "lists",
    /// "diagnostics", or "meta".
    #[pyo3(signature = (part=None))]
    fn to_json(&self, part: Option<&str>) -> PyResult<String> {
        let r = &self.report;
        let json = match part {
            None => serde_json::to_string(r),
            Some("meta") => serde_json::to_string(&r.meta),
            Some("sections") => serde_json::to_string(&r.sections),
            Some("paragraphs") => serde_json::to_string(&r.paragraphs),
            Some("indicators") => serde_json::to_string(&r.indicators),
            Some("commitments") => serde_json::to_string(&r.commitments),
            Some("lists") => serde_json::to_string(&r.lists),
            Some("diagnostics") => serde_json::to_string(&r.diagnostics),
            Some(other) => {
                return Err(PyValueError::new_err(format!(
                    "unknown part {other:?}; expected one of meta, sections, paragraphs, indicators, commitments, lists, diagnostics"
                )))
            }
        };
        json.map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// One flat table as JSON `{"columns": [...], "rows": [[...], ...]}` (the
    /// same columns as `baogao table` on the command line).
    fn table_json(&self, table: &str) -> PyResult<String> {
        let t = table_arg(table)?;
        serde_json::to_string(&rows(&self.report, t)).map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// The text that was parsed.
    fn text(&self) -> String {
        self.report.source().unwrap_or_default().to_string()
    }

    /// Numbers of items per array, for short reprs without building objects.
    fn counts(&self) -> (usize, usize, usize, usize, usize, usize) {
        let r = &self.report;
        (
            r.sections.len(),
            r.paragraphs.len(),
            r.indicators.len(),
            r.commitments.len(),
            r.lists.len(),
            r.diagnostics.len(),
        )
    }
}

fn parse_one(parser: &Parser, text: &str) -> RawReport {
    RawReport { report: parser.parse(text).reindexed(OffsetUnit::Char) }
}

/// Parses one report. `text` must be a `str`; the GIL is released while parsing.
#[pyfunction]
#[pyo3(signature = (text, *, year=None))]
fn parse(py: Python<'_>, text: &Bound<'_, PyAny>, year: Option<&Bound<'_, PyAny>>) -> PyResult<RawReport> {
    let text = text_arg(text, "parse")?;
    let parser = Parser::new(options(year)?);
    Ok(py.detach(|| parse_one(&parser, &text)))
}

/// Parses many reports in parallel on `threads` threads (default: all cores)
/// with the GIL released. Results are in input order and equal `parse`'s.
#[pyfunction]
#[pyo3(signature = (texts, threads=None, *, year=None))]
fn parse_many(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    threads: Option<usize>,
    year: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<RawReport>> {
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err("parse_many() expects an iterable of str, got a single str"));
    }
    let items: Vec<String> = if let Ok(list) = texts.cast::<PyList>() {
        list.iter().map(|t| text_arg(&t, "parse_many")).collect::<PyResult<_>>()?
    } else {
        texts
            .try_iter()
            .map_err(|_| {
                PyTypeError::new_err(format!("parse_many() expects an iterable of str, got {}", type_name(texts)))
            })?
            .map(|t| text_arg(&t?, "parse_many"))
            .collect::<PyResult<_>>()?
    };
    if threads == Some(0) {
        return Err(PyValueError::new_err("invalid option `threads`: must be at least 1"));
    }
    let parser = Parser::new(options(year)?);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .build()
        .map_err(|e| PyValueError::new_err(format!("invalid option `threads`: {e}")))?;
    Ok(py.detach(|| pool.install(|| items.par_iter().map(|t| parse_one(&parser, t)).collect())))
}

/// Decodes the bytes of a report: "utf-8" (strict) or "gbk" (GB18030).
/// Invalid input raises `ValueError` naming the byte offset.
#[pyfunction]
#[pyo3(signature = (data, encoding="utf-8"))]
fn decode(data: &[u8], encoding: &str) -> PyResult<String> {
    let enc: baogao::decode::Encoding =
        encoding.parse().map_err(|e: baogao::Error| PyValueError::new_err(e.to_string()))?;
    baogao::decode::decode(data, enc).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The embedded sample report (2017, 江干区).
#[pyfunction]
fn sample_report() -> &'static str {
    baogao::SAMPLE_REPORT
}

#[pymodule]
fn _baogao(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<RawReport>()?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse_many, m)?)?;
    m.add_function(wrap_pyfunction!(decode, m)?)?;
    m.add_function(wrap_pyfunction!(sample_report, m)?)?;
    Ok(())
}
