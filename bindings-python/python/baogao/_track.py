"""Promise tracking (SPEC §4): this year's targets against next year's outcomes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Dict, Iterator, List, Literal, Optional, Sequence, Tuple, Union, overload

from . import _baogao
from ._model import Bound, Report, _Entity

TrackStatus = Literal["met", "exceeded", "missed", "not_reported"]

COLUMNS: Tuple[Tuple[str, str], ...] = (
    ("metric", "category"),
    ("target_number", "float"),
    ("target_low", "float"),
    ("target_high", "float"),
    ("target_bound", "category"),
    ("actual_number", "float"),
    ("status", "category"),
    ("target_indicator", "int"),
    ("target_start", "int"),
    ("target_end", "int"),
    ("actual_indicator", "int"),
    ("actual_start", "int"),
    ("actual_end", "int"),
)


@dataclass(frozen=True)
class TargetValue(_Entity):
    """The target: ``number`` or ``low``/``high`` (normalized) and its bound."""

    number: Optional[float]
    low: Optional[float]
    high: Optional[float]
    bound: Bound


@dataclass(frozen=True)
class ActualValue(_Entity):
    """The outcome the next report gives."""

    number: Optional[float]


@dataclass(frozen=True)
class TrackedTarget(_Entity):
    """One target of the earlier report with its outcome in the later one.
    ``target_start``/``target_end`` index the earlier report's text,
    ``actual_start``/``actual_end`` the later one's (code points)."""

    metric: str
    target: TargetValue
    actual: Optional[ActualValue]
    status: TrackStatus
    target_indicator: int
    target_start: int
    target_end: int
    actual_indicator: Optional[int]
    actual_start: Optional[int]
    actual_end: Optional[int]
    _nested = {"target": TargetValue, "actual": ActualValue}

    def __repr__(self) -> str:
        t = self.target
        want = f"{t.low:g}–{t.high:g}" if t.number is None and t.low is not None and t.high is not None else f"{t.number}"
        got = self.actual.number if self.actual else None
        return f"<TrackedTarget {self.metric} {want} {t.bound} → {got} {self.status}>"


class Tracking(Sequence[TrackedTarget]):
    """The rows of :func:`baogao.track`, in the order of the earlier report's targets."""

    __slots__ = ("_rows",)

    def __init__(self, rows: Sequence[TrackedTarget]) -> None:
        self._rows = tuple(rows)

    @overload
    def __getitem__(self, i: int) -> TrackedTarget: ...
    @overload
    def __getitem__(self, i: slice) -> "Tracking": ...
    def __getitem__(self, i: Union[int, slice]) -> Union[TrackedTarget, "Tracking"]:
        if isinstance(i, slice):
            return Tracking(self._rows[i])
        return self._rows[i]

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[TrackedTarget]:
        return iter(self._rows)

    def __repr__(self) -> str:
        counts: Dict[str, int] = {}
        for r in self._rows:
            counts[r.status] = counts.get(r.status, 0) + 1
        summary = ", ".join(f"{v} {k}" for k, v in sorted(counts.items()))
        return f"<Tracking {len(self._rows)} targets: {summary or 'none'}>"

    def to_dicts(self) -> List[Dict[str, Any]]:
        """One flat record per target (the columns of :meth:`to_pandas`)."""
        out = []
        for r in self._rows:
            out.append(
                {
                    "metric": r.metric,
                    "target_number": r.target.number,
                    "target_low": r.target.low,
                    "target_high": r.target.high,
                    "target_bound": r.target.bound,
                    "actual_number": r.actual.number if r.actual else None,
                    "status": r.status,
                    "target_indicator": r.target_indicator,
                    "target_start": r.target_start,
                    "target_end": r.target_end,
                    "actual_indicator": r.actual_indicator,
                    "actual_start": r.actual_start,
                    "actual_end": r.actual_end,
                }
            )
        return out

    def to_pandas(self) -> Any:
        """The rows as a pandas DataFrame (needs ``pip install "baogao[pandas]"``)."""
        from ._frames import _PANDAS, _require

        pd = _require("pandas", "pandas")
        recs = self.to_dicts()
        return pd.DataFrame({c: pd.Series([r[c] for r in recs], dtype=_PANDAS[t]) for c, t in COLUMNS})

    def to_polars(self) -> Any:
        """The rows as a polars DataFrame (needs ``pip install "baogao[polars]"``)."""
        from ._frames import _require

        pl = _require("polars", "polars")
        kinds = {"int": pl.Int64, "float": pl.Float64, "category": pl.Categorical}
        recs = self.to_dicts()
        return pl.DataFrame({c: pl.Series(c, [r[c] for r in recs], dtype=kinds[t]) for c, t in COLUMNS})


def track(prev: Report, next: Report, *, tolerance: float = 0.5) -> Tracking:
    """Pair each quantified annual target of ``prev`` (year N) with the outcome
    ``next`` (year N+1) reports for the same metric and year, and rate it
    (SPEC §4: met, exceeded, missed, not_reported; ``tolerance`` in percentage
    points for "about" targets). GDP, GNP and gross output of industry and
    agriculture count as one series.

    >>> import baogao
    >>> r = baogao.parse(baogao.sample_report())
    >>> baogao.track(r, r)[0].metric
    'gdp'
    """
    for name, r in (("prev", prev), ("next", next)):
        if not isinstance(r, Report):
            raise TypeError(f"track() expects baogao.Report for `{name}`, got {type(r).__name__}")
    data = json.loads(_baogao.track(prev._raw, next._raw, tolerance=tolerance))
    return Tracking([TrackedTarget._from(d) for d in data])  # type: ignore[misc]
