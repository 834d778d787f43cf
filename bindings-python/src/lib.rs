//! Python bindings: the native module `baogao._baogao`.
//!
//! Thin by design: it translates types (a parsed report becomes a handle
//! whose tables cross as JSON), offsets (code points, so `text[start:end]`
//! slices exactly) and errors (`TypeError`, `ValueError`). All parsing lives in
//! the `baogao` crate; the Python classes are in `python/baogao/`.

use pyo3::exceptions::{PyTypeError, PyUnicodeEncodeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString};
use rayon::prelude::*;

use baogao::table::{rows, Table};
use baogao::{OffsetUnit, Options, Parser, Report};

/// A parsed report with offsets in code points. The Python class
/// `baogao.Report` wraps it and builds its objects lazily.
#[pyclass(frozen, module = "baogao._baogao", name = "RawReport")]
struct RawReport {
    report: Report,
    /// The str held lone surrogates, parsed as U+FFFD (see [`text_arg`]).
    replaced_surrogates: bool,
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".into())
}

/// The text argument as a Rust string, or a `TypeError` naming what came
/// instead. A str with lone surrogates (from `surrogateescape`, a JS bridge, a
/// bad file) is not Unicode text and cannot be UTF-8: each surrogate becomes
/// U+FFFD — one code point, so code-point offsets stay aligned — and the flag
/// is true; the Python layer then takes the texts of the items that cover one
/// back from the caller's str.
fn text_arg(obj: &Bound<'_, PyAny>, func: &str) -> PyResult<(String, bool)> {
    match obj.cast::<PyString>() {
        Ok(s) => match s.to_cow() {
            Ok(text) => Ok((text.into_owned(), false)),
            Err(e) if e.is_instance_of::<PyUnicodeEncodeError>(obj.py()) => Ok((replace_surrogates(s)?, true)),
            Err(e) => Err(e),
        },
        Err(_) => Err(PyTypeError::new_err(format!("{func}() expects str, got {}", type_name(obj)))),
    }
}

/// `s` with every surrogate code point replaced by U+FFFD, code point for
/// code point (UTF-32 keeps two adjacent surrogates two code points).
fn replace_surrogates(s: &Bound<'_, PyString>) -> PyResult<String> {
    let encoded = s.call_method1("encode", ("utf-32-le", "surrogatepass"))?;
    let bytes = encoded.cast::<PyBytes>()?.as_bytes();
    Ok(bytes
        .chunks_exact(4)
        .map(|c| char::from_u32(u32::from_le_bytes([c[0], c[1], c[2], c[3]])).unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect())
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

/// The `threads` option: `None` (all cores) or a positive int; anything else
/// is a `ValueError` naming the option.
fn threads_arg(threads: Option<&Bound<'_, PyAny>>) -> PyResult<Option<usize>> {
    let Some(t) = threads.filter(|t| !t.is_none()) else { return Ok(None) };
    let bad = |why: String| PyValueError::new_err(format!("invalid option `threads`: {why}"));
    if t.is_instance_of::<pyo3::types::PyBool>() {
        return Err(bad("expected an int, got bool".into()));
    }
    let n: i64 = t.extract().map_err(|_| bad(format!("expected an int, got {}", type_name(t))))?;
    match usize::try_from(n) {
        Ok(n) if n >= 1 => Ok(Some(n)),
        _ => Err(bad(format!("must be at least 1, got {n}"))),
    }
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

    /// `"char"`: offsets are code points (from the report, not assumed).
    #[getter]
    fn offset_unit(&self) -> PyResult<String> {
        match serde_json::to_value(self.report.offset_unit) {
            Ok(serde_json::Value::String(s)) => Ok(s),
            other => Err(PyValueError::new_err(format!("unexpected offset unit {other:?}"))),
        }
    }

    /// The wire-format version, `"1"`.
    #[getter]
    fn schema_version(&self) -> &str {
        &self.report.schema_version
    }

    /// True when the str passed held lone surrogates, parsed as U+FFFD.
    #[getter]
    fn replaced_surrogates(&self) -> bool {
        self.replaced_surrogates
    }

    /// The text that was parsed (lone surrogates as U+FFFD).
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

fn parse_one(parser: &Parser, (text, replaced_surrogates): &(String, bool)) -> RawReport {
    RawReport { report: parser.parse(text).reindexed(OffsetUnit::Char), replaced_surrogates: *replaced_surrogates }
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
    threads: Option<&Bound<'_, PyAny>>,
    year: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<RawReport>> {
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err("parse_many() expects an iterable of str, got a single str"));
    }
    let items: Vec<(String, bool)> = if let Ok(list) = texts.cast::<PyList>() {
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
    let parser = Parser::new(options(year)?);
    // Default: rayon's global pool (all cores, or RAYON_NUM_THREADS); a pool of
    // its own only when a number of threads is asked for.
    let pool = match threads_arg(threads)? {
        None => None,
        Some(n) => Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(|e| PyValueError::new_err(format!("invalid option `threads`: {e}")))?,
        ),
    };
    let run = || items.par_iter().map(|t| parse_one(&parser, t)).collect::<Vec<_>>();
    Ok(py.detach(|| match &pool {
        Some(pool) => pool.install(run),
        None => run(),
    }))
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

/// Pairs each quantified annual target of `prev` with the outcome `next`
/// reports for it (SPEC §4). Returns JSON `{"rows": [...], "table": {...}}`:
/// the rows, and the same as a flat table (offsets in code points, copied
/// from the two reports' indicators).
#[pyfunction]
#[pyo3(signature = (prev, next, *, tolerance=0.5))]
fn track(prev: &Bound<'_, PyAny>, next: &Bound<'_, PyAny>, tolerance: f64) -> PyResult<String> {
    let get = |obj: &Bound<'_, PyAny>, name: &str| -> PyResult<Report> {
        obj.cast::<RawReport>().map(|r| r.get().report.clone()).map_err(|_| {
            PyTypeError::new_err(format!(
                "track() expects reports from baogao.parse, got {} for `{name}`",
                type_name(obj)
            ))
        })
    };
    if !tolerance.is_finite() || tolerance < 0.0 {
        return Err(PyValueError::new_err(format!(
            "invalid option `tolerance`: {tolerance} (a number of percentage points >= 0)"
        )));
    }
    let (prev, next) = (get(prev, "prev")?, get(next, "next")?);
    let rows = baogao::track_with(&prev, &next, &baogao::TrackOptions::default().with_tolerance(tolerance));
    let out = serde_json::json!({ "rows": rows, "table": baogao::table::track_rows(&rows) });
    serde_json::to_string(&out).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The embedded sample report (2017, 江干区).
#[pyfunction]
fn sample_report() -> &'static str {
    baogao::SAMPLE_REPORT
}

/// The package version (equals the crate version; also `__version__`).
#[pyfunction]
fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

#[pymodule]
fn _baogao(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<RawReport>()?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse_many, m)?)?;
    m.add_function(wrap_pyfunction!(decode, m)?)?;
    m.add_function(wrap_pyfunction!(sample_report, m)?)?;
    m.add_function(wrap_pyfunction!(track, m)?)?;
    m.add_function(wrap_pyfunction!(version, m)?)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    //! The translation layer on its own (embedded Python): error types and
    //! messages, and code-point offsets. The wheel is tested by pytest.

    use super::*;
    use pyo3::types::{PyBytes, PyDict};

    fn with_module(f: impl FnOnce(Python<'_>, &Bound<'_, PyModule>)) {
        Python::initialize();
        Python::attach(|py| {
            let m = PyModule::new(py, "_baogao").unwrap();
            _baogao(&m).unwrap();
            f(py, &m);
        });
    }

    #[test]
    fn non_str_is_a_type_error_naming_the_type() {
        with_module(|py, m| {
            let parse = m.getattr("parse").unwrap();
            let err = parse.call1((PyBytes::new(py, "政府".as_bytes()),)).unwrap_err();
            assert!(err.is_instance_of::<PyTypeError>(py));
            assert_eq!(err.value(py).to_string(), "parse() expects str, got bytes");
            let err = parse.call1((42,)).unwrap_err();
            assert_eq!(err.value(py).to_string(), "parse() expects str, got int");
        });
    }

    #[test]
    fn bad_options_are_value_errors_naming_the_option() {
        with_module(|py, m| {
            let parse = m.getattr("parse").unwrap();
            for year in [PyString::new(py, "x").into_any(), 1899i64.into_pyobject(py).unwrap().into_any()] {
                let kw = PyDict::new(py);
                kw.set_item("year", year).unwrap();
                let err = parse.call(("text",), Some(&kw)).unwrap_err();
                assert!(err.is_instance_of::<PyValueError>(py));
                assert!(err.value(py).to_string().contains("`year`"), "{}", err.value(py));
            }
            let raw = parse.call1(("",)).unwrap();
            let err = raw.call_method1("to_json", ("tables",)).unwrap_err();
            assert!(err.is_instance_of::<PyValueError>(py));
            assert!(err.value(py).to_string().contains("sections, paragraphs, indicators"));
        });
    }

    #[test]
    fn offsets_are_code_points() {
        with_module(|_py, m| {
            let text = format!("𠮷😀{}", baogao::SAMPLE_REPORT);
            let raw = m.getattr("parse").unwrap().call1((text.as_str(),)).unwrap();
            let json: String = raw.call_method1("to_json", ("sections",)).unwrap().extract().unwrap();
            let sections: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
            assert!(!sections.is_empty());
            let chars: Vec<char> = text.chars().collect();
            for s in &sections {
                let (a, b) = (s["title_start"].as_u64().unwrap() as usize, s["title_end"].as_u64().unwrap() as usize);
                let slice: String = chars[a..b].iter().collect();
                assert_eq!(slice, s["title"].as_str().unwrap());
            }
            let whole: serde_json::Value =
                serde_json::from_str(&raw.call_method0("to_json").unwrap().extract::<String>().unwrap()).unwrap();
            assert_eq!(whole["offset_unit"], "char");
        });
    }
}
