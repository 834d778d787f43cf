//! Flat tables: one row per item, nested fields flattened (`metric_id`,
//! `value_number`, `period_start` …). The CLI writes them as CSV and the
//! Python binding builds DataFrames from them, so the columns are defined
//! once, here.
//!
//! ```
//! use baogao::table::{Table, rows};
//! let report = baogao::parse(baogao::SAMPLE_REPORT);
//! let t = rows(&report, Table::Sections);
//! assert_eq!(t.columns[0], "id");
//! assert_eq!(t.rows.len(), report.sections.len());
//! ```

use serde::Serialize;

use crate::model::{Report, TrackedTarget};

/// The tables of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Table {
    /// One row per section.
    Sections,
    /// One row per paragraph.
    Paragraphs,
    /// One row per indicator.
    Indicators,
    /// One row per commitment.
    Commitments,
    /// One row per list item.
    Lists,
    /// One row per diagnostic.
    Diagnostics,
}

impl Table {
    /// Every table, in a stable order.
    pub const ALL: [Table; 6] =
        [Table::Sections, Table::Paragraphs, Table::Indicators, Table::Commitments, Table::Lists, Table::Diagnostics];

    /// The table's name: "sections", "indicators" …
    pub fn name(self) -> &'static str {
        match self {
            Table::Sections => "sections",
            Table::Paragraphs => "paragraphs",
            Table::Indicators => "indicators",
            Table::Commitments => "commitments",
            Table::Lists => "lists",
            Table::Diagnostics => "diagnostics",
        }
    }
}

impl std::str::FromStr for Table {
    type Err = crate::Error;

    /// Parses a table name.
    ///
    /// ```
    /// let t: baogao::table::Table = "indicators".parse().unwrap();
    /// assert_eq!(t.name(), "indicators");
    /// assert!("nope".parse::<baogao::table::Table>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, crate::Error> {
        Table::ALL.into_iter().find(|t| t.name() == s).ok_or_else(|| {
            let names: Vec<&str> = Table::ALL.iter().map(|t| t.name()).collect();
            crate::Error::invalid_option("table", &format!("unknown table {s:?}; expected one of {}", names.join(", ")))
        })
    }
}

/// One cell of a table.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Cell {
    /// Missing.
    Null,
    /// An integer (ids, offsets, years).
    Int(i64),
    /// A number.
    Float(f64),
    /// A boolean.
    Bool(bool),
    /// Text (also enum values as their snake_case names).
    Str(String),
}

impl Cell {
    fn opt_int<T: Into<i64>>(v: Option<T>) -> Cell {
        v.map_or(Cell::Null, |x| Cell::Int(x.into()))
    }
    fn idx(v: usize) -> Cell {
        Cell::Int(v as i64)
    }
    fn opt_idx(v: Option<usize>) -> Cell {
        v.map_or(Cell::Null, Cell::idx)
    }
    fn opt_f(v: Option<f64>) -> Cell {
        v.map_or(Cell::Null, Cell::Float)
    }
    fn s(v: &str) -> Cell {
        Cell::Str(v.to_string())
    }
    fn opt_s(v: Option<&str>) -> Cell {
        v.map_or(Cell::Null, Cell::s)
    }
    /// An enum as its wire name.
    fn e<T: Serialize>(v: &T) -> Cell {
        match serde_json::to_value(v) {
            Ok(serde_json::Value::String(s)) => Cell::Str(s),
            _ => Cell::Null,
        }
    }
    fn opt_e<T: Serialize>(v: Option<&T>) -> Cell {
        v.map_or(Cell::Null, Cell::e)
    }

    /// The cell as CSV text (empty for null).
    pub fn to_csv(&self) -> String {
        let raw = match self {
            Cell::Null => return String::new(),
            Cell::Int(i) => i.to_string(),
            Cell::Float(f) => f.to_string(),
            Cell::Bool(b) => b.to_string(),
            Cell::Str(s) => s.clone(),
        };
        if raw.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", raw.replace('"', "\"\""))
        } else {
            raw
        }
    }
}

/// A table: column names, their types and rows of cells.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rows {
    /// Column names.
    pub columns: Vec<&'static str>,
    /// Column types: "int" (nullable), "float", "str", "category" (an enum's
    /// values), "bool" — for typed DataFrames.
    pub types: Vec<&'static str>,
    /// Rows, each as long as `columns`.
    pub rows: Vec<Vec<Cell>>,
}

/// "一、 > (一)": the markers (or titles, for unnumbered parts) from the top
/// section down to `section`.
pub fn section_path(report: &Report, section: Option<usize>) -> Option<String> {
    let mut parts = Vec::new();
    let mut cur = section;
    let mut guard = 0;
    while let Some(i) = cur {
        let s = report.sections.get(i)?;
        parts.push(s.marker.clone().unwrap_or_else(|| s.title.clone()));
        cur = s.parent;
        guard += 1;
        if guard > 64 {
            break;
        }
    }
    parts.reverse();
    (!parts.is_empty()).then(|| parts.join(" > "))
}

/// The rows of `table` for `report`, offsets in the report's unit.
pub fn rows(report: &Report, table: Table) -> Rows {
    let path = |s: Option<usize>| Cell::opt_s(section_path(report, s).as_deref());
    match table {
        Table::Sections => Rows {
            columns: vec![
                "id",
                "parent",
                "depth",
                "marker",
                "ordinal",
                "title",
                "role",
                "section_path",
                "start",
                "end",
                "title_start",
                "title_end",
            ],
            types: vec!["int", "int", "int", "str", "int", "str", "category", "str", "int", "int", "int", "int"],
            rows: report
                .sections
                .iter()
                .map(|s| {
                    vec![
                        Cell::idx(s.id),
                        Cell::opt_idx(s.parent),
                        Cell::Int(s.depth.into()),
                        Cell::opt_s(s.marker.as_deref()),
                        Cell::opt_int(s.ordinal),
                        Cell::s(&s.title),
                        Cell::e(&s.role),
                        path(Some(s.id)),
                        Cell::idx(s.start),
                        Cell::idx(s.end),
                        Cell::idx(s.title_start),
                        Cell::idx(s.title_end),
                    ]
                })
                .collect(),
        },
        Table::Paragraphs => Rows {
            columns: vec!["id", "section", "section_path", "start", "end", "lead", "lead_start", "lead_end", "text"],
            types: vec!["int", "int", "str", "int", "int", "str", "int", "int", "str"],
            rows: report
                .paragraphs
                .iter()
                .map(|p| {
                    vec![
                        Cell::idx(p.id),
                        Cell::opt_idx(p.section),
                        path(p.section),
                        Cell::idx(p.start),
                        Cell::idx(p.end),
                        Cell::opt_s(p.lead.as_ref().map(|l| l.text.as_str())),
                        Cell::opt_idx(p.lead.as_ref().map(|l| l.start)),
                        Cell::opt_idx(p.lead.as_ref().map(|l| l.end)),
                        Cell::s(&p.text),
                    ]
                })
                .collect(),
        },
        Table::Indicators => Rows {
            columns: vec![
                "id",
                "section",
                "section_path",
                "paragraph",
                "start",
                "end",
                "text",
                "metric_id",
                "metric_name",
                "metric_scope",
                "metric_start",
                "metric_end",
                "kind",
                "value_number",
                "value_low",
                "value_high",
                "unit",
                "multiplier",
                "base_unit",
                "bound",
                "status",
                "period_start",
                "period_end",
                "aggregation",
                "period_raw",
                "relation_kind",
                "relation_of",
                "rank_position",
                "rank_scope",
                "rank_streak_years",
                "sentence_start",
                "sentence_end",
            ],
            types: vec![
                "int", "int", "str", "int", "int", "int", "str", "category", "str", "str", "int", "int", "category",
                "float", "float", "float", "str", "float", "category", "category", "category", "int", "int",
                "category", "str", "category", "int", "int", "str", "int", "int", "int",
            ],
            rows: report
                .indicators
                .iter()
                .map(|i| {
                    vec![
                        Cell::idx(i.id),
                        Cell::opt_idx(i.section),
                        path(i.section),
                        Cell::opt_idx(i.paragraph),
                        Cell::idx(i.start),
                        Cell::idx(i.end),
                        Cell::s(&i.text),
                        Cell::opt_s(i.metric.id.as_deref()),
                        Cell::opt_s(i.metric.name.as_deref()),
                        Cell::opt_s(i.metric.scope.as_deref()),
                        Cell::opt_idx(i.metric.start),
                        Cell::opt_idx(i.metric.end),
                        Cell::e(&i.kind),
                        Cell::opt_f(i.value.number),
                        Cell::opt_f(i.value.low),
                        Cell::opt_f(i.value.high),
                        Cell::opt_s(i.value.unit.as_deref()),
                        Cell::opt_f(i.value.multiplier),
                        Cell::opt_e(i.value.base_unit.as_ref()),
                        Cell::e(&i.bound),
                        Cell::e(&i.status),
                        Cell::opt_int(i.period.as_ref().and_then(|p| p.start_year)),
                        Cell::opt_int(i.period.as_ref().and_then(|p| p.end_year)),
                        Cell::opt_e(i.period.as_ref().map(|p| &p.aggregation)),
                        Cell::opt_s(i.period.as_ref().and_then(|p| p.raw.as_deref())),
                        Cell::opt_e(i.relation.as_ref().map(|r| &r.kind)),
                        Cell::opt_idx(i.relation.as_ref().map(|r| r.of)),
                        Cell::opt_int(i.rank.as_ref().and_then(|r| r.position)),
                        Cell::opt_s(i.rank.as_ref().and_then(|r| r.scope.as_deref())),
                        Cell::opt_int(i.rank.as_ref().and_then(|r| r.streak_years)),
                        Cell::idx(i.sentence.start),
                        Cell::idx(i.sentence.end),
                    ]
                })
                .collect(),
        },
        Table::Commitments => Rows {
            columns: vec![
                "id",
                "section",
                "section_path",
                "paragraph",
                "start",
                "end",
                "text",
                "kind",
                "action_verb",
                "action_stage",
                "object",
                "object_start",
                "object_end",
                "targets",
                "modality",
                "deadline_year",
                "deadline_month",
                "deadline_kind",
                "deadline_raw",
                "list",
                "list_ordinal",
                "verifiability",
            ],
            types: vec![
                "int", "int", "str", "int", "int", "int", "str", "category", "str", "category", "str", "int", "int",
                "str", "category", "int", "int", "category", "str", "int", "int", "category",
            ],
            rows: report
                .commitments
                .iter()
                .map(|c| {
                    let targets: Vec<String> = c.targets.iter().map(|t| t.to_string()).collect();
                    vec![
                        Cell::idx(c.id),
                        Cell::opt_idx(c.section),
                        path(c.section),
                        Cell::opt_idx(c.paragraph),
                        Cell::idx(c.start),
                        Cell::idx(c.end),
                        Cell::s(&c.text),
                        Cell::e(&c.kind),
                        Cell::opt_s(c.action.as_ref().map(|a| a.verb.as_str())),
                        Cell::opt_e(c.action.as_ref().map(|a| &a.stage)),
                        Cell::opt_s(c.object.as_ref().map(|o| o.text.as_str())),
                        Cell::opt_idx(c.object.as_ref().map(|o| o.start)),
                        Cell::opt_idx(c.object.as_ref().map(|o| o.end)),
                        Cell::Str(targets.join(";")),
                        Cell::e(&c.modality),
                        Cell::opt_int(c.deadline.as_ref().and_then(|d| d.year)),
                        Cell::opt_int(c.deadline.as_ref().and_then(|d| d.month)),
                        Cell::opt_e(c.deadline.as_ref().map(|d| &d.kind)),
                        Cell::opt_s(c.deadline.as_ref().and_then(|d| d.raw.as_deref())),
                        Cell::opt_idx(c.list_item.map(|l| l.list)),
                        Cell::opt_int(c.list_item.map(|l| l.ordinal)),
                        Cell::e(&c.verifiability),
                    ]
                })
                .collect(),
        },
        Table::Lists => Rows {
            columns: vec![
                "list",
                "paragraph",
                "style",
                "declared_count",
                "livelihood",
                "ordinal",
                "start",
                "end",
                "text",
            ],
            types: vec!["int", "int", "category", "int", "bool", "int", "int", "int", "str"],
            rows: report
                .lists
                .iter()
                .flat_map(|l| {
                    l.items.iter().map(move |it| {
                        vec![
                            Cell::idx(l.id),
                            Cell::opt_idx(l.paragraph),
                            Cell::e(&l.style),
                            Cell::opt_int(l.declared_count),
                            Cell::Bool(l.livelihood),
                            Cell::Int(it.ordinal.into()),
                            Cell::idx(it.start),
                            Cell::idx(it.end),
                            Cell::s(&it.text),
                        ]
                    })
                })
                .collect(),
        },
        Table::Diagnostics => Rows {
            columns: vec!["code", "message", "start", "end"],
            types: vec!["category", "str", "int", "int"],
            rows: report
                .diagnostics
                .iter()
                .map(|d| vec![Cell::s(&d.code), Cell::s(&d.message), Cell::opt_idx(d.start), Cell::opt_idx(d.end)])
                .collect(),
        },
    }
}

/// The rows of [`crate::track`] as a table: one row per target, target and
/// actual flattened (`target_number`, `target_bound`, `actual_number` …).
///
/// ```
/// let r = baogao::parse(baogao::SAMPLE_REPORT);
/// let t = baogao::table::track_rows(&baogao::track(&r, &r));
/// assert_eq!(t.columns[..3], ["metric", "target_number", "target_low"]);
/// ```
pub fn track_rows(rows: &[TrackedTarget]) -> Rows {
    Rows {
        columns: vec![
            "metric",
            "target_number",
            "target_low",
            "target_high",
            "target_bound",
            "actual_number",
            "status",
            "target_indicator",
            "target_start",
            "target_end",
            "actual_indicator",
            "actual_start",
            "actual_end",
        ],
        types: vec![
            "category", "float", "float", "float", "category", "float", "category", "int", "int", "int", "int", "int",
            "int",
        ],
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    Cell::s(&r.metric),
                    Cell::opt_f(r.target.number),
                    Cell::opt_f(r.target.low),
                    Cell::opt_f(r.target.high),
                    Cell::e(&r.target.bound),
                    Cell::opt_f(r.actual.and_then(|a| a.number)),
                    Cell::e(&r.status),
                    Cell::idx(r.target_indicator),
                    Cell::idx(r.target_start),
                    Cell::idx(r.target_end),
                    Cell::opt_idx(r.actual_indicator),
                    Cell::opt_idx(r.actual_start),
                    Cell::opt_idx(r.actual_end),
                ]
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quoting() {
        assert_eq!(Cell::s("a,b").to_csv(), "\"a,b\"");
        assert_eq!(Cell::s("say \"x\"").to_csv(), "\"say \"\"x\"\"\"");
        assert_eq!(Cell::Null.to_csv(), "");
        assert_eq!(Cell::Float(5.5e10).to_csv(), "55000000000");
    }

    #[test]
    fn every_row_has_every_column() {
        let report = crate::parse(crate::SAMPLE_REPORT);
        for t in Table::ALL {
            let r = rows(&report, t);
            assert!(r.rows.iter().all(|row| row.len() == r.columns.len()), "{}", t.name());
            assert_eq!(r.types.len(), r.columns.len(), "{}", t.name());
            for row in &r.rows {
                for ((cell, ty), col) in row.iter().zip(&r.types).zip(&r.columns) {
                    let ok = matches!(
                        (cell, *ty),
                        (Cell::Null, _)
                            | (Cell::Int(_), "int")
                            | (Cell::Float(_), "float")
                            | (Cell::Bool(_), "bool")
                            | (Cell::Str(_), "str" | "category")
                    );
                    assert!(ok, "{}.{col}: {cell:?} is not {ty}", t.name());
                }
            }
        }
    }
}
