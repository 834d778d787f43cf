"""Promise tracking (SPEC §4): this year's targets against next year's outcomes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Dict, Iterator, List, Literal, Optional, Sequence, Union, overload

from . import _baogao
from ._frames import pandas_frame, polars_frame
from ._model import Bound, Report, _Entity

TrackStatus = Literal["met", "exceeded", "missed", "not_reported"]

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

    __slots__ = ("_rows", "_table")

    def __init__(self, rows: Sequence[TrackedTarget], table: Dict[str, Any]) -> None:
        self._rows = tuple(rows)
        self._table = table  # the flat table the core built for these rows

    @overload
    def __getitem__(self, i: int) -> TrackedTarget: ...
    @overload
    def __getitem__(self, i: slice) -> "Tracking": ...
    def __getitem__(self, i: Union[int, slice]) -> Union[TrackedTarget, "Tracking"]:
        if isinstance(i, slice):
            t = dict(self._table, rows=self._table["rows"][i])
            return Tracking(self._rows[i], t)
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
        cols = self._table["columns"]
        return [dict(zip(cols, row)) for row in self._table["rows"]]

    def to_pandas(self) -> Any:
        """The rows as a pandas DataFrame (needs ``pip install "baogao[pandas]"``)."""
        return pandas_frame(self._table)

    def to_polars(self) -> Any:
        """The rows as a polars DataFrame (needs ``pip install "baogao[polars]"``)."""
        return polars_frame(self._table)


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
    return Tracking([TrackedTarget._from(d) for d in data["rows"]], data["table"])  # type: ignore[misc]
