//! The `baogao` command line (SPEC §5).
//!
//! ```text
//! baogao show [FILE]                 readable summary (no FILE: the embedded sample report)
//! baogao parse FILE...               JSON (one file) or JSON Lines with "source" (several)
//! baogao table TABLE FILE...         CSV with a source column (sections, paragraphs, indicators,
//!                                    commitments, lists, diagnostics)
//! baogao track PREV NEXT             JSON array of TrackedTarget (offsets in chars)
//! Options: --encoding utf-8|gbk, --year N, --help, --version. "-" reads standard input.
//! ```
//!
//! `parse` with several files reads and checks them all first (in argument
//! order, so the first bad one is the error and nothing is written), then
//! parses them on `available_parallelism` workers, the main thread being one
//! of them. The work queue takes the files in windows of two per worker, in
//! argument order, largest first within a window, so the workers finish
//! together while the lines written early are not held back by a late one.
//! Each report is serialized into an output buffer (taken from a pool of
//! spare ones); whichever worker finishes the report that is next in argument
//! order writes it and every finished line after it, then returns the buffers
//! to the pool. A worker drops its report only after handing its line over.

#[path = "baogao/json.rs"]
mod json;

use std::borrow::Cow;
use std::cell::OnceCell;
use std::io::{self, Read, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use baogao::decode::{decode, Encoding};
use baogao::table::{rows, Table};
use baogao::{OffsetUnit, Options, Parser, Report};

const USAGE: &str = "\
baogao — Chinese government work reports (政府工作报告) as data

Usage:
  baogao show [FILE]            readable summary: meta, outline with roles, annual targets,
                                the livelihood list, counts
                                (no FILE: the embedded sample report)
  baogao parse FILE...          one file: one JSON report; several: JSON Lines, one report
                                per line with a \"source\" field; offsets in chars
  baogao table TABLE FILE...    CSV with a source column; TABLE is one of
                                sections, paragraphs, indicators, commitments, lists, diagnostics
  baogao track PREV NEXT        JSON array: each annual target of PREV (year N) with the
                                outcome NEXT reports for year N and a status (met, exceeded,
                                missed, not_reported); offsets in chars

Options:
  --encoding ENC   input encoding: utf-8 (default) or gbk
  --year N         report year, for texts without a date line
  -h, --help       this help
  -V, --version    the version

FILE may be \"-\" for standard input. Input that is not valid in the encoding is an
error naming the file and the byte offset (exit code 2).
";

struct Cli {
    command: String,
    args: Vec<String>,
    encoding: Encoding,
    options: Options,
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("baogao: {msg}\n\n{USAGE}");
    ExitCode::from(2)
}

fn parse_args() -> Result<Cli, String> {
    let mut command = None;
    let mut args = Vec::new();
    let mut encoding = Encoding::Utf8;
    let mut options = Options::default();
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "-h" | "--help" => return Ok(Cli { command: "help".into(), args, encoding, options }),
            "-V" | "--version" => return Ok(Cli { command: "version".into(), args, encoding, options }),
            "--encoding" => {
                let v = it.next().ok_or("--encoding needs a value (utf-8 or gbk)")?;
                encoding = v.parse().map_err(|e: baogao::Error| e.to_string())?;
            }
            "--year" => {
                let v = it.next().ok_or("--year needs a value")?;
                options.year = Some(v.parse().map_err(|_| format!("--year expects a year, got {v:?}"))?);
            }
            s if s.starts_with("--encoding=") => {
                encoding = s["--encoding=".len()..].parse().map_err(|e: baogao::Error| e.to_string())?;
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ if command.is_none() => command = Some(a),
            _ => args.push(a),
        }
    }
    let command = command.ok_or("missing command")?;
    Ok(Cli { command, args, encoding, options })
}

/// Reads and decodes one input; the error names the file and the byte offset.
fn read_input(path: &str, encoding: Encoding) -> Result<String, String> {
    let bytes = read_bytes(path)?;
    match decode_input(path, &bytes, encoding)? {
        Cow::Borrowed(text) => Ok(text.to_owned()), // a copy costs less than checking again
        Cow::Owned(text) => Ok(text),
    }
}

/// The bytes of one input ("-": standard input).
fn read_bytes(path: &str) -> Result<Vec<u8>, String> {
    if path == "-" {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf).map_err(|e| format!("<stdin>: {e}"))?;
        Ok(buf)
    } else {
        std::fs::read(path).map_err(|e| format!("{path}: {e}"))
    }
}

/// The text of `bytes` read from `path`: borrowed if they are UTF-8 and the
/// encoding is UTF-8 (what `decode` does, without copying the text). UTF-8 is
/// checked with encoding_rs, about ten times faster than `str::from_utf8` on
/// Chinese text; the error offset of invalid input is `str::from_utf8`'s.
fn decode_input<'a>(path: &str, bytes: &'a [u8], encoding: Encoding) -> Result<Cow<'a, str>, String> {
    let name = if path == "-" { "<stdin>" } else { path };
    if encoding == Encoding::Utf8 {
        if let Some(text) = encoding_rs::UTF_8.decode_without_bom_handling_and_without_replacement(bytes) {
            return Ok(text);
        }
        return std::str::from_utf8(bytes).map(Cow::Borrowed).map_err(|e| {
            let at = e.valid_up_to();
            format!("{name}: not valid UTF-8 at byte offset {at} (try --encoding gbk)")
        });
    }
    decode(bytes, encoding).map(Cow::Owned).map_err(|e| match e.byte_offset() {
        Some(at) => format!("{name}: not valid GBK at byte offset {at}"),
        None => format!("{name}: {e}"),
    })
}

fn main() -> ExitCode {
    let cli = match parse_args() {
        Ok(c) => c,
        Err(msg) => return usage_error(&msg),
    };
    let parser = Parser::new(cli.options.clone());
    // Raise glibc's dynamic mmap threshold above the size of a report's
    // buffers: freeing a 4 MiB block it mapped makes later blocks up to that
    // size come from the heap, so they are not mapped, faulted in and
    // unmapped for every report.
    drop(std::hint::black_box(Vec::<u8>::with_capacity(4 << 20)));
    // Not locked: `parse` writes from whichever worker has the next line.
    let mut out = io::BufWriter::new(io::stdout());
    let result = match cli.command.as_str() {
        "help" => write!(out, "{USAGE}").map_err(|e| e.to_string()),
        "version" => writeln!(out, "baogao {}", env!("CARGO_PKG_VERSION")).map_err(|e| e.to_string()),
        "show" => match cli.args.as_slice() {
            [] => show(&mut out, "(embedded sample report)", baogao::SAMPLE_REPORT, &parser),
            [f] => read_input(f, cli.encoding).and_then(|t| show(&mut out, f, &t, &parser)),
            _ => return usage_error("show takes at most one FILE"),
        },
        "parse" => {
            if cli.args.is_empty() {
                return usage_error("parse needs at least one FILE");
            }
            parse_files(&mut out, &cli.args, cli.encoding, &parser)
        }
        "table" => {
            let Some((name, files)) = cli.args.split_first() else {
                return usage_error("table needs a TABLE and at least one FILE");
            };
            let table: Table = match name.parse() {
                Ok(t) => t,
                Err(e) => return usage_error(&e.to_string()),
            };
            if files.is_empty() {
                return usage_error("table needs at least one FILE");
            }
            table_files(&mut out, table, files, cli.encoding, &parser)
        }
        "track" => match cli.args.as_slice() {
            [a, b] => track_files(&mut out, a, b, cli.encoding, &parser),
            _ => return usage_error("track takes two FILEs: PREV NEXT"),
        },
        other => return usage_error(&format!("unknown command {other:?}")),
    };
    match result.and_then(|_| out.flush().map_err(|e| e.to_string())) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("baogao: {msg}");
            ExitCode::from(2)
        }
    }
}

fn parse_files(out: &mut (impl Write + Send), files: &[String], enc: Encoding, parser: &Parser) -> Result<(), String> {
    // Read everything first so a bad file fails before any output. The texts
    // borrow the bytes, kept in cells so that reading the next file does not
    // move the ones already borrowed.
    let bytes: Vec<OnceCell<Vec<u8>>> = files.iter().map(|_| OnceCell::new()).collect();
    let mut texts: Vec<Cow<str>> = Vec::with_capacity(files.len());
    for (f, cell) in files.iter().zip(&bytes) {
        let read = read_bytes(f)?;
        texts.push(decode_input(f, cell.get_or_init(|| read), enc)?);
    }
    if let [text] = texts.as_slice() {
        let report = parser.parse(text).into_reindexed(OffsetUnit::Char);
        let mut buf = Vec::with_capacity(json_capacity(text, true));
        json::write_pretty(&mut buf, &report).map_err(|e| e.to_string())?;
        buf.push(b'\n');
        return out.write_all(&buf).map_err(|e| e.to_string());
    }
    // Several files: see the module doc.
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(texts.len());
    let mut order: Vec<usize> = (0..texts.len()).collect();
    for window in order.chunks_mut(2 * workers) {
        window.sort_by_key(|&i| std::cmp::Reverse(texts[i].len()));
    }
    let next = AtomicUsize::new(0);
    let lines = Mutex::new(Lines {
        ready: vec![None; texts.len()],
        written: 0,
        writing: false,
        spare: Vec::new(),
        failure: None,
    });
    let out = Mutex::new(out);
    let work = || {
        while let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
            let report = parser.parse(&texts[i]).into_reindexed(OffsetUnit::Char);
            let need = json_capacity(&texts[i], false) + files[i].len() + 16;
            let spare = {
                let mut l = lock(&lines);
                let fits = l.spare.iter().position(|b| b.capacity() >= need);
                fits.map(|k| l.spare.swap_remove(k))
            };
            let mut buf = spare.unwrap_or_else(|| Vec::with_capacity(need));
            let line = json_line(&mut buf, &files[i], &report);
            let mut l = lock(&lines);
            match line {
                Ok(()) => l.ready[i] = Some(buf),
                Err(e) => {
                    l.failure.get_or_insert(e);
                    next.store(order.len(), Ordering::Relaxed); // no new work
                }
            }
            // Write this line and the finished ones after it, unless an
            // earlier one is not finished or another worker is writing (it
            // looks for this one before it stops).
            if !l.writing && l.failure.is_none() && l.ready[l.written].is_some() {
                l.writing = true;
                loop {
                    let start = l.written;
                    let batch: Vec<Vec<u8>> = l.ready[start..].iter_mut().map_while(Option::take).collect();
                    drop(l);
                    let mut result = Ok(());
                    {
                        let mut out = lock(&out);
                        for b in &batch {
                            result = result.and_then(|()| out.write_all(b));
                        }
                    }
                    l = lock(&lines);
                    l.written += batch.len();
                    l.spare.extend(batch.into_iter().map(|mut b| {
                        b.clear();
                        b
                    }));
                    if let Err(e) = result {
                        l.failure.get_or_insert(e.to_string());
                        next.store(order.len(), Ordering::Relaxed); // no new work
                    }
                    if l.failure.is_some() || l.ready.get(l.written).is_none_or(Option::is_none) {
                        l.writing = false;
                        break;
                    }
                }
            }
            drop(l);
            drop(report); // after the line is handed over (and maybe written)
        }
    };
    std::thread::scope(|s| {
        for _ in 1..workers {
            s.spawn(work);
        }
        work();
    });
    let l = lines.into_inner().unwrap_or_else(PoisonError::into_inner);
    l.failure.map_or(Ok(()), Err)
}

/// The lines of `parse` with several files, shared by the workers.
struct Lines {
    /// Finished lines not written yet, by argument order.
    ready: Vec<Option<Vec<u8>>>,
    /// `ready[..written]` are written.
    written: usize,
    /// Whether a worker is writing.
    writing: bool,
    /// Emptied buffers of written lines, for the next reports.
    spare: Vec<Vec<u8>>,
    /// The first error: nothing is written after it.
    failure: Option<String>,
}

/// `m`, locked (a panicking worker fails the whole command anyway).
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// One JSON Lines record: `{"source":"FILE",` then the report's own fields
/// (offsets in chars), serialized straight into the (empty) line buffer.
fn json_line(buf: &mut Vec<u8>, source: &str, report: &Report) -> Result<(), String> {
    buf.extend_from_slice(b"{\"source\":");
    json::write_compact(buf, source).map_err(|e| e.to_string())?;
    // The report's opening `{` becomes the comma after the source.
    let brace = buf.len();
    json::write_compact(buf, report).map_err(|e| e.to_string())?;
    debug_assert_eq!(buf[brace], b'{');
    buf[brace] = b',';
    buf.push(b'\n');
    Ok(())
}

/// Room for a report's JSON, so the buffer is not regrown: the compact JSON of
/// the corpus reports is 2 to 8 times their text, the pretty JSON up to 10
/// times (room not written to costs no memory).
fn json_capacity(text: &str, pretty: bool) -> usize {
    text.len() * if pretty { 12 } else { 9 } + 4096
}

fn table_files(
    out: &mut impl Write,
    table: Table,
    files: &[String],
    enc: Encoding,
    parser: &Parser,
) -> Result<(), String> {
    let texts: Vec<String> = files.iter().map(|f| read_input(f, enc)).collect::<Result<_, _>>()?;
    let mut header_written = false;
    for (f, t) in files.iter().zip(&texts) {
        let report = parser.parse(t).into_reindexed(OffsetUnit::Char);
        let r = rows(&report, table);
        if !header_written {
            writeln!(out, "source,{}", r.columns.join(",")).map_err(|e| e.to_string())?;
            header_written = true;
        }
        let source = baogao::table::Cell::Str(f.clone()).to_csv();
        for row in r.rows {
            let cells: Vec<String> = row.iter().map(|c| c.to_csv()).collect();
            writeln!(out, "{source},{}", cells.join(",")).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

fn track_files(out: &mut impl Write, a: &str, b: &str, enc: Encoding, parser: &Parser) -> Result<(), String> {
    let (ta, tb) = (read_input(a, enc)?, read_input(b, enc)?);
    let prev = parser.parse(&ta).into_reindexed(OffsetUnit::Char);
    let next = parser.parse(&tb).into_reindexed(OffsetUnit::Char);
    let rows = baogao::track(&prev, &next);
    let json = serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?;
    writeln!(out, "{json}").map_err(|e| e.to_string())
}

fn show(out: &mut impl Write, name: &str, text: &str, parser: &Parser) -> Result<(), String> {
    let report = parser.parse(text);
    render(out, name, text, &report).map_err(|e| e.to_string())
}

fn enum_name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

fn render(out: &mut impl Write, name: &str, text: &str, r: &Report) -> io::Result<()> {
    let m = &r.meta;
    let dash = "—";
    writeln!(out, "{name}")?;
    writeln!(
        out,
        "  {} · {} · {} · {}",
        m.title.as_deref().unwrap_or("(no title)").replace('\n', ""),
        m.region.as_deref().unwrap_or("(region unknown)"),
        m.level.as_ref().map_or("level unknown".to_string(), enum_name),
        m.year.map_or("year unknown".to_string(), |y| y.to_string()),
    )?;
    if m.delivered_on.is_some() || m.meeting.is_some() {
        writeln!(
            out,
            "  delivered {} at {}",
            m.delivered_on.as_deref().unwrap_or(dash),
            m.meeting.as_deref().unwrap_or(dash).replace('\n', "")
        )?;
    }
    if let Some(s) = &m.speaker {
        writeln!(
            out,
            "  speaker {} {}{}",
            s.name.as_deref().unwrap_or(dash),
            s.title.as_deref().unwrap_or(""),
            if s.acting { " (acting)" } else { "" }
        )?;
    }
    writeln!(
        out,
        "  {} chars, {} script · {} sections · {} paragraphs · {} indicators · {} commitments · {} lists",
        text.chars().count(),
        enum_name(&m.script),
        r.sections.len(),
        r.paragraphs.len(),
        r.indicators.len(),
        r.commitments.len(),
        r.lists.len()
    )?;
    writeln!(out, "\nOutline")?;
    for s in &r.sections {
        let mut level = 0;
        let mut p = s.parent;
        while let Some(i) = p {
            level += 1;
            p = r.sections[i].parent;
        }
        writeln!(
            out,
            "  {}{}{}  [{}]",
            "  ".repeat(level),
            s.marker.as_deref().map(|m| format!("{m} ")).unwrap_or_default(),
            s.title.replace('\n', ""),
            enum_name(&s.role)
        )?;
    }
    let annual = baogao::targets::annual_targets(r);
    if !annual.is_empty() {
        let year = baogao::targets::locate(r).and_then(|b| b.year).or(m.year);
        let modality = |i: &baogao::Indicator| {
            r.commitments.iter().find(|c| c.targets.contains(&i.id)).map(|c| enum_name(&c.modality)).unwrap_or_default()
        };
        writeln!(out, "\nAnnual targets{}", year.map(|y| format!(" for {y}")).unwrap_or_default())?;
        for i in annual {
            let name = i.metric.name.as_deref().unwrap_or(dash).replace('\n', "");
            let text =
                if i.bound == baogao::Bound::Absent { "(no number)".to_string() } else { i.text.replace('\n', "") };
            writeln!(
                out,
                "  {:<24} {:<12} {:<9} {:<24} {}",
                name,
                text,
                enum_name(&i.bound),
                i.metric.id.as_deref().unwrap_or(""),
                modality(i)
            )?;
        }
    }
    for l in r.lists.iter().filter(|l| l.livelihood) {
        let declared = l.declared_count.map(|n| format!(", {n} declared")).unwrap_or_default();
        writeln!(out, "\nLivelihood list ({} items{declared})", l.items.len())?;
        for it in &l.items {
            let text: String = it.text.replace('\n', "").chars().take(60).collect();
            writeln!(out, "  {:>2}. {text}", it.ordinal)?;
        }
    }
    if !r.commitments.is_empty() {
        let mut kinds: Vec<(String, usize)> = Vec::new();
        for c in &r.commitments {
            let k = enum_name(&c.kind);
            match kinds.iter_mut().find(|x| x.0 == k) {
                Some(x) => x.1 += 1,
                None => kinds.push((k, 1)),
            }
        }
        let list: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
        writeln!(out, "\nCommitments by kind: {}", list.join(", "))?;
    }
    if !r.diagnostics.is_empty() {
        writeln!(out, "\nDiagnostics")?;
        for d in &r.diagnostics {
            writeln!(out, "  {}: {}", d.code, d.message)?;
        }
    }
    Ok(())
}
