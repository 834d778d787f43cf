"""DataFrames: one row per item, flattened fields, typed columns.

pandas and polars are optional (``pip install "baogao[pandas]"`` or
``"baogao[polars]"``) and imported only when a frame is asked for.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Mapping, Sequence, Tuple, Union

if TYPE_CHECKING:
    from ._model import Report

def _require(module: str, extra: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise ImportError(
            f"{module} is not installed; install it with: pip install \"baogao[{extra}]\" (or pip install {module})"
        ) from e


def _table(report: "Report", table: str) -> Dict[str, Any]:
    # The core validates the name (ValueError listing the tables).
    return report._table(table)


_PANDAS = {"int": "Int64", "float": "float64", "str": "string", "category": "category", "bool": "boolean"}


def pandas_frame(t: Dict[str, Any]) -> Any:
    """A core table ``{"columns", "types", "rows"}`` as a typed pandas DataFrame."""
    pd = _require("pandas", "pandas")
    columns: Sequence[str] = t["columns"]
    data = {c: [row[i] for row in t["rows"]] for i, c in enumerate(columns)}
    return pd.DataFrame({c: pd.Series(data[c], dtype=_PANDAS[ty]) for c, ty in zip(columns, t["types"])})


def polars_frame(t: Dict[str, Any]) -> Any:
    """A core table as a typed polars DataFrame."""
    pl = _require("polars", "polars")
    kinds = {"int": pl.Int64, "float": pl.Float64, "str": pl.Utf8, "category": pl.Categorical, "bool": pl.Boolean}
    columns: Sequence[str] = t["columns"]
    data = {c: [row[i] for row in t["rows"]] for i, c in enumerate(columns)}
    return pl.DataFrame({c: pl.Series(c, data[c], dtype=kinds[ty]) for c, ty in zip(columns, t["types"])})


def to_pandas(report: "Report", table: str) -> Any:
    """One row per item of ``table`` as a pandas DataFrame with nullable ints,
    floats, strings and categoricals for enumerations."""
    return pandas_frame(_table(report, table))


def to_polars(report: "Report", table: str) -> Any:
    """One row per item of ``table`` as a polars DataFrame (Int64, Float64,
    Utf8, Categorical, Boolean)."""
    return polars_frame(_table(report, table))


Reports = Union[Mapping[str, "Report"], Iterable["Report"], Iterable[Tuple[str, "Report"]]]


def _pairs(reports: Reports) -> List[Tuple[str, "Report"]]:
    from ._model import Report

    if isinstance(reports, Mapping):
        return [(str(k), v) for k, v in reports.items()]
    out: List[Tuple[str, Report]] = []
    item: Any
    for i, item in enumerate(reports):
        if isinstance(item, Report):
            out.append((item.source if item.source is not None else str(i), item))
        else:
            name, rep = item
            out.append((str(name), rep))
    return out


def frame(reports: Reports, table: str, *, library: str = "pandas") -> Any:
    """Stack ``table`` of many reports into one DataFrame with a ``source``
    column first: the mapping's keys, the ``(source, report)`` pairs' names,
    ``report.source`` (set by :func:`baogao.parse_file`), or the position."""
    pairs = _pairs(reports)
    if library == "pandas":
        pd = _require("pandas", "pandas")
        frames = []
        for name, r in pairs:
            df = to_pandas(r, table)
            df.insert(0, "source", pd.Series([name] * len(df), dtype="string"))
            frames.append(df)
        if not frames:
            return pd.DataFrame()
        out = pd.concat(frames, ignore_index=True)
        for c in out.columns:
            if isinstance(frames[0][c].dtype, pd.CategoricalDtype):
                out[c] = out[c].astype("category")
        return out
    if library == "polars":
        pl = _require("polars", "polars")
        parts = [to_polars(r, table).with_columns(pl.lit(name).alias("source")) for name, r in pairs]
        if not parts:
            return pl.DataFrame()
        df = pl.concat(parts, how="vertical_relaxed")
        return df.select(["source"] + [c for c in df.columns if c != "source"])
    raise ValueError(f"invalid option `library`: {library!r} (use 'pandas' or 'polars')")
