"""The report model (SPEC §2) as frozen Python objects.

Every entity carries ``start``/``end`` offsets in code points into the string
that was parsed, so ``text[x.start:x.end] == x.text`` for every item that has a
``text``. Enumerations are plain ``str`` values (typed with ``Literal``).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from typing import Any, Dict, List as _List, Literal, Optional, Tuple, Type, TypeVar

from . import _baogao

Level = Literal["national", "province", "city", "district", "county"]
Script = Literal["simplified", "traditional", "mixed"]
Role = Literal[
    "review", "problems", "outlook", "goals", "targets", "tasks", "self_building",
    "livelihood", "closing", "appendix", "glossary", "other",
]
IndicatorKind = Literal[
    "level", "growth", "change", "share", "rate", "ratio", "structure", "count", "multiple", "rank", "threshold",
]
BaseUnit = Literal[
    "CNY", "USD", "HKD", "percent", "percentage_point", "permille", "count", "person", "person_time",
    "household", "area_m2", "mu", "length_m", "mass_kg", "energy_kwh", "power_kw", "teu", "multiple", "rank", "ratio",
]
Bound = Literal["exact", "about", "at_least", "at_most", "nearly", "range", "absent"]
Status = Literal["actual", "estimated", "target", "plan"]
Aggregation = Literal["point", "annual", "cagr", "cumulative", "yoy"]
RelationKind = Literal["parent", "group", "from_to"]
CommitmentKind = Literal[
    "metric_target", "output_target", "project", "policy", "aspiration", "guarantee", "event",
    "livelihood_item", "plan_goal", "fiscal",
]
Stage = Literal[
    "prepare", "start", "progress", "complete", "add", "reduce", "maintain", "attain", "institutionalize", "host",
]
Modality = Literal["guarantee", "firm", "strive", "aspire", "explore", "proposed"]
DeadlineKind = Literal["explicit", "relative", "implicit"]
Verifiability = Literal["quantified", "binary", "vague"]
ListStyle = Literal[
    "shi_list", "hanzi_dun", "paren_hanzi", "arabic_dot", "paren_arabic", "circled", "dash", "unnumbered",
]
OffsetUnit = Literal["utf8", "char", "utf16"]

T = TypeVar("T", bound="_Entity")


def _short(text: Optional[str], n: int = 16) -> str:
    if text is None:
        return "None"
    text = text.replace("\n", " ")
    return repr(text if len(text) <= n else text[: n - 1] + "…")


# Per class: (field name, class of a nested entity or None), computed once.
_PLANS: Dict[type, Tuple[Tuple[str, Any], ...]] = {}


class _Entity:
    """Shared behaviour: building from the wire format and back."""

    _nested: Dict[str, Any] = {}

    @classmethod
    def _from(cls: Type[T], d: Optional[Dict[str, Any]]) -> Optional[T]:
        if d is None:
            return None
        plan = _PLANS.get(cls)
        if plan is None:
            plan = _PLANS[cls] = tuple((f.name, cls._nested.get(f.name)) for f in fields(cls))  # type: ignore[arg-type]
        kwargs = {}
        for name, sub in plan:
            v = d.get(name)
            if v is not None:
                if sub is not None:
                    v = tuple(sub._from(x) for x in v) if isinstance(v, list) else sub._from(v)
                elif isinstance(v, list):
                    v = tuple(v)
            kwargs[name] = v
        # Same as cls(**kwargs) (every field is set), without the frozen
        # __init__'s per-field object.__setattr__: building is ~2x faster.
        obj = cls.__new__(cls)
        obj.__dict__.update(kwargs)
        return obj

    def to_dict(self) -> Dict[str, Any]:
        """This object as plain dicts and lists (the JSON wire format)."""
        return _plain(asdict(self))  # type: ignore[call-overload]


def _plain(v: Any) -> Any:
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    return v


@dataclass(frozen=True)
class Speaker(_Entity):
    """The speaker line: name, office (without 代) and whether acting."""

    name: Optional[str]
    title: Optional[str]
    acting: bool


@dataclass(frozen=True)
class Meta(_Entity):
    """Title-block metadata."""

    title: Optional[str]
    region: Optional[str]
    level: Optional[Level]
    year: Optional[int]
    delivered_on: Optional[str]
    meeting: Optional[str]
    speaker: Optional[Speaker]
    script: Script
    _nested = {"speaker": Speaker}

    def __repr__(self) -> str:
        return f"<Meta {self.region} {self.level} {self.year}>"


@dataclass(frozen=True)
class TextSpan(_Entity):
    """A slice of the text: ``text == source[start:end]``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Span(_Entity):
    """A ``start``/``end`` pair without text."""

    start: int
    end: int


@dataclass(frozen=True)
class Section(_Entity):
    """A numbered heading and everything under it."""

    id: int
    parent: Optional[int]
    depth: int
    marker: Optional[str]
    ordinal: Optional[int]
    title: str
    role: Role
    start: int
    end: int
    title_start: int
    title_end: int

    def __repr__(self) -> str:
        marker = f"{self.marker} " if self.marker else ""
        return f"<Section {marker}{_short(self.title)} {self.role} {self.start}..{self.end}>"


@dataclass(frozen=True)
class Paragraph(_Entity):
    """A body paragraph with its topic sentence (``lead``)."""

    id: int
    section: Optional[int]
    start: int
    end: int
    text: str
    lead: Optional[TextSpan]
    _nested = {"lead": TextSpan}

    def __repr__(self) -> str:
        return f"<Paragraph {self.id} {_short(self.text)} {self.start}..{self.end}>"


@dataclass(frozen=True)
class Value(_Entity):
    """A normalized value: ``number``/``low``/``high`` in ``base_unit``."""

    number: Optional[float]
    low: Optional[float]
    high: Optional[float]
    unit: Optional[str]
    multiplier: Optional[float]
    base_unit: Optional[BaseUnit]


@dataclass(frozen=True)
class Metric(_Entity):
    """What a quantity measures: canonical ``id``, raw ``name``, ``scope``."""

    id: Optional[str]
    name: Optional[str]
    start: Optional[int]
    end: Optional[int]
    scope: Optional[str]


@dataclass(frozen=True)
class Period(_Entity):
    """The years a value refers to and how it aggregates."""

    start_year: Optional[int]
    end_year: Optional[int]
    aggregation: Aggregation
    raw: Optional[str]


@dataclass(frozen=True)
class Relation(_Entity):
    """A link to another indicator (其中, 分别, 由…调整为…)."""

    kind: RelationKind
    of: int


@dataclass(frozen=True)
class Rank(_Entity):
    """A rank: position, peer set, streak."""

    position: Optional[int]
    scope: Optional[str]
    streak_years: Optional[int]


@dataclass(frozen=True)
class Indicator(_Entity):
    """A quantity with its metric, kind, value, bound, status and period."""

    id: int
    section: Optional[int]
    paragraph: Optional[int]
    start: int
    end: int
    text: str
    sentence: Span
    metric: Metric
    kind: IndicatorKind
    value: Value
    bound: Bound
    status: Status
    period: Optional[Period]
    relation: Optional[Relation]
    rank: Optional[Rank]
    _nested = {"sentence": Span, "metric": Metric, "value": Value, "period": Period, "relation": Relation, "rank": Rank}

    def __repr__(self) -> str:
        return f"<Indicator {self.text!r} {self.metric.id or self.metric.name} {self.kind} {self.status}>"


@dataclass(frozen=True)
class Action(_Entity):
    """The verb of a commitment and its lifecycle stage."""

    verb: str
    stage: Stage


@dataclass(frozen=True)
class Deadline(_Entity):
    """When a commitment is due."""

    year: Optional[int]
    month: Optional[int]
    kind: DeadlineKind
    raw: Optional[str]


@dataclass(frozen=True)
class ListItemRef(_Entity):
    """A commitment's place in a list."""

    list: int
    ordinal: int


@dataclass(frozen=True)
class Commitment(_Entity):
    """A pledge."""

    id: int
    section: Optional[int]
    paragraph: Optional[int]
    start: int
    end: int
    text: str
    kind: CommitmentKind
    action: Optional[Action]
    object: Optional[TextSpan]
    targets: Tuple[int, ...]
    modality: Modality
    deadline: Optional[Deadline]
    list_item: Optional[ListItemRef]
    verifiability: Verifiability
    _nested = {"action": Action, "object": TextSpan, "deadline": Deadline, "list_item": ListItemRef}

    def __repr__(self) -> str:
        return f"<Commitment {self.kind} {self.modality} {_short(self.text)}>"


@dataclass(frozen=True)
class ListItem(_Entity):
    """One item of a list."""

    ordinal: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class List(_Entity):
    """An enumeration; ``livelihood`` marks the 民生实事 list."""

    id: int
    paragraph: Optional[int]
    style: ListStyle
    declared_count: Optional[int]
    livelihood: bool
    items: Tuple[ListItem, ...]
    _nested = {"items": ListItem}

    def __repr__(self) -> str:
        tag = " livelihood" if self.livelihood else ""
        return f"<List {self.style}{tag} {len(self.items)} items>"


@dataclass(frozen=True)
class Diagnostic(_Entity):
    """Something ambiguous or skipped, with a stable ``code``."""

    code: str
    message: str
    start: Optional[int]
    end: Optional[int]


_CLASSES: Dict[str, Type[_Entity]] = {
    "sections": Section,
    "paragraphs": Paragraph,
    "indicators": Indicator,
    "commitments": Commitment,
    "lists": List,
    "diagnostics": Diagnostic,
}


# Text fields that are exact slices, with the keys of their span: in the wire
# format (metric ``name`` with ``start``/``end``) and in the flat tables.
_SLICES = {
    "text": ("start", "end"),
    "title": ("title_start", "title_end"),
    "name": ("start", "end"),
    "lead": ("lead_start", "lead_end"),
    "object": ("object_start", "object_end"),
    "metric_name": ("metric_start", "metric_end"),
}


def _reslice(data: Any, original: str, parsed: str) -> None:
    """In place: every text field of ``data`` that is the slice ``parsed[start:end]``
    and holds U+FFFD becomes ``original[start:end]`` (same code-point offsets)."""
    if isinstance(data, list):
        for x in data:
            _reslice(x, original, parsed)
    elif isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, str):
                span = _SLICES.get(key)
                if span is not None and "\ufffd" in value:
                    a, b = data.get(span[0]), data.get(span[1])
                    if isinstance(a, int) and isinstance(b, int) and parsed[a:b] == value:
                        data[key] = original[a:b]
            elif isinstance(value, (list, dict)):
                _reslice(value, original, parsed)


def _reslice_table(t: Dict[str, Any], original: str, parsed: str) -> None:
    """:func:`_reslice` for a flat table ``{"columns", "rows"}``."""
    index = {c: i for i, c in enumerate(t["columns"])}
    fields = [(index[k], index[a], index[b]) for k, (a, b) in _SLICES.items() if k in index and a in index and b in index]
    for row in t["rows"]:
        for k, a, b in fields:
            value, s, e = row[k], row[a], row[b]
            if isinstance(value, str) and "\ufffd" in value and isinstance(s, int) and isinstance(e, int):
                if parsed[s:e] == value:
                    row[k] = original[s:e]


class Report:
    """A parsed report (SPEC §2). Offsets are code points into the parsed text.

    Its arrays are built on first access from the native handle, so parsing
    many reports stays cheap until you look at them.

    >>> import baogao
    >>> r = baogao.parse(baogao.sample_report())
    >>> r.meta.region, r.sections[0].title
    ('江干区', '过去五年和2016年政府工作回顾')
    """

    __slots__ = ("_raw", "_cache", "source")
    _raw: _baogao.RawReport
    _cache: Dict[str, Any]
    source: Optional[str]
    """Where the text came from (the path given to :func:`baogao.parse_file`), or None."""

    def __init__(self, raw: _baogao.RawReport, source: Optional[str] = None, *, text: Optional[str] = None) -> None:
        object.__setattr__(self, "_raw", raw)
        object.__setattr__(self, "_cache", {})
        object.__setattr__(self, "source", source)
        if text is not None and raw.replaced_surrogates:
            # The str held lone surrogates, which the core parsed as U+FFFD
            # (one code point each): item texts come from this str instead.
            self._cache["text"] = text
            self._cache["_resliced"] = True

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"Report is frozen: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Report is frozen: cannot delete {name!r}")

    def _resliced(self, data: Any) -> Any:
        """``data`` (decoded JSON of this report) with the texts of items that
        cover a lone surrogate of the caller's str taken from that str."""
        if self._cache.get("_resliced"):
            _reslice(data, self._cache["text"], self._raw.text())
        return data

    def _table(self, table: str) -> Dict[str, Any]:
        """A flat table ``{"columns", "types", "rows"}`` (texts resliced)."""
        t = json.loads(self._raw.table_json(table))
        if self._cache.get("_resliced"):
            _reslice_table(t, self._cache["text"], self._raw.text())
        return t

    def _get(self, part: str) -> Any:
        cache = self._cache
        if part not in cache:
            data = self._resliced(json.loads(self._raw.to_json(part)))
            if part == "meta":
                cache[part] = Meta._from(data)
            else:
                cls = _CLASSES[part]
                cache[part] = tuple(cls._from(d) for d in data)
        return cache[part]

    @property
    def text(self) -> str:
        """The text that was parsed (every offset indexes it)."""
        if "text" not in self._cache:
            self._cache["text"] = self._raw.text()
        return self._cache["text"]

    @property
    def schema_version(self) -> str:
        """The wire-format version, ``"1"``."""
        return self._raw.schema_version

    @property
    def offset_unit(self) -> OffsetUnit:
        """Always ``"char"``: offsets are code points (``text[x.start:x.end]``)."""
        return self._raw.offset_unit  # type: ignore[return-value]

    @property
    def meta(self) -> Meta:
        """Title-block metadata."""
        return self._get("meta")

    @property
    def sections(self) -> Tuple[Section, ...]:
        """Numbered headings, the appendix and glossary, in document order."""
        return self._get("sections")

    @property
    def paragraphs(self) -> Tuple[Paragraph, ...]:
        """Body paragraphs."""
        return self._get("paragraphs")

    @property
    def indicators(self) -> Tuple[Indicator, ...]:
        """Quantities stating a fact or a target."""
        return self._get("indicators")

    @property
    def commitments(self) -> Tuple[Commitment, ...]:
        """Pledges."""
        return self._get("commitments")

    @property
    def lists(self) -> Tuple[List, ...]:
        """Enumerations, including the livelihood list."""
        return self._get("lists")

    @property
    def diagnostics(self) -> Tuple[Diagnostic, ...]:
        """What was ambiguous or skipped."""
        return self._get("diagnostics")

    def to_dict(self) -> Dict[str, Any]:
        """The whole report as plain dicts and lists (same as ``json.loads(to_json())``)."""
        return self._resliced(json.loads(self._raw.to_json()))

    def to_json(self) -> str:
        """The whole report as JSON (SPEC §2 wire format, ``"offset_unit": "char"``).
        For a text with lone surrogates the JSON is ASCII with ``\\udXXX``
        escapes, so it still encodes to UTF-8 and reads back exactly."""
        if self._cache.get("_resliced"):
            return json.dumps(self.to_dict(), separators=(",", ":"))
        return self._raw.to_json()

    def to_dicts(self, table: str) -> _List[Dict[str, Any]]:
        """One flat record per item of ``table`` (the columns of ``baogao table`` on
        the command line: ``metric_id``, ``value_number``, ``section_path`` …)."""
        t = self._table(table)
        cols = t["columns"]
        return [dict(zip(cols, row)) for row in t["rows"]]

    def to_pandas(self, table: str) -> Any:
        """``table`` ("sections", "paragraphs", "indicators", "commitments",
        "lists", "diagnostics") as a pandas DataFrame: one row per item,
        flattened fields (``metric_id``, ``value_number``, ``period_start``,
        ``section_path`` …), nullable ints and categoricals. Needs
        ``pip install "baogao[pandas]"``."""
        from ._frames import to_pandas

        return to_pandas(self, table)

    def to_polars(self, table: str) -> Any:
        """``table`` as a polars DataFrame. Needs ``pip install "baogao[polars]"``."""
        from ._frames import to_polars

        return to_polars(self, table)

    def _repr_html_(self) -> str:
        """Notebook display: meta, outline with roles, counts, the targets
        table, and the text with indicators (by status) and commitments (by
        modality) highlighted."""
        from ._html import render

        return render(self, self.text)

    def __repr__(self) -> str:
        s, p, i, c, lst, d = self._raw.counts()
        m = self.meta
        return (
            f"<Report {m.region or '?'} {m.year or '?'} {m.level or '?'}: {s} sections, {p} paragraphs, "
            f"{i} indicators, {c} commitments, {lst} lists, {d} diagnostics>"
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Report) and self.to_json() == other.to_json()

    def __hash__(self) -> int:
        return hash(self.to_json())
