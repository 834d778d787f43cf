"""baogao — Chinese government work reports (政府工作报告) as data.

Parse a report into sections, paragraphs, indicators, commitments and lists,
each with ``start``/``end`` offsets in code points into the text you passed:
``text[x.start:x.end] == x.text``.

>>> import baogao
>>> report = baogao.parse(baogao.sample_report())
>>> report.meta.region, report.meta.year
('江干区', 2017)
>>> s = report.sections[0]
>>> s.marker, s.title, s.role
('一、', '过去五年和2016年政府工作回顾', 'review')
"""

from __future__ import annotations

import os
from typing import Iterable, List as _List, Optional, Union

from . import _baogao
from ._frames import frame
from ._track import ActualValue, TargetValue, TrackedTarget, Tracking, track
from ._model import (
    Action,
    Commitment,
    Deadline,
    Diagnostic,
    Indicator,
    List,
    ListItem,
    ListItemRef,
    Meta,
    Metric,
    Paragraph,
    Period,
    Rank,
    Relation,
    Report,
    Section,
    Span,
    Speaker,
    TextSpan,
    Value,
)

__version__: str = _baogao.__version__

__all__ = [
    "Action",
    "ActualValue",
    "Commitment",
    "Deadline",
    "Diagnostic",
    "Indicator",
    "List",
    "ListItem",
    "ListItemRef",
    "Meta",
    "Metric",
    "Paragraph",
    "Period",
    "Rank",
    "Relation",
    "Report",
    "Section",
    "Span",
    "Speaker",
    "TargetValue",
    "TextSpan",
    "TrackedTarget",
    "Tracking",
    "Value",
    "__version__",
    "decode",
    "frame",
    "parse",
    "parse_file",
    "parse_many",
    "sample_report",
    "track",
]


def parse(text: str, *, year: Optional[int] = None) -> Report:
    """Parse one report.

    ``text`` must be a ``str`` (``bytes`` raise ``TypeError``; decode them with
    :func:`decode`, or use :func:`parse_file`). ``year`` is the report year for
    texts without a date line. Parsing never fails on odd text: it returns what
    it found plus ``diagnostics``. A str with lone surrogates (e.g. from
    ``errors="surrogateescape"``) parses too: the core sees each as U+FFFD, and
    items covering one keep the caller's characters, so
    ``text[x.start:x.end] == x.text`` still holds.

    >>> r = parse("各位代表：\\n一、2018年工作回顾\\n全年生产总值增长6.6%。")
    >>> r.sections[0].title
    '2018年工作回顾'
    """
    return Report(_baogao.parse(text, year=year), text=text)


def parse_many(texts: Iterable[str], threads: Optional[int] = None, *, year: Optional[int] = None) -> _List[Report]:
    """Parse many reports in parallel on ``threads`` threads (default: all
    cores), with the GIL released. Same results as :func:`parse`, in order.

    >>> [r.meta.year for r in parse_many([sample_report(), sample_report()])]
    [2017, 2017]
    """
    if not isinstance(texts, (str, bytes, list, tuple)):
        # Keep the texts: a report of a str with lone surrogates reslices from it.
        try:
            texts = list(texts)
        except TypeError:
            pass  # the native call raises the TypeError naming the type
    raws = _baogao.parse_many(texts, threads, year=year)
    if not any(raw.replaced_surrogates for raw in raws):
        return [Report(raw) for raw in raws]
    return [Report(raw, text=t) for raw, t in zip(raws, texts)]  # type: ignore[arg-type]


def decode(data: bytes, encoding: str = "utf-8") -> str:
    """Decode the bytes of a report: ``"utf-8"`` (strict, the default) or
    ``"gbk"`` (GB18030). Bytes that are not valid in it raise ``ValueError``
    naming the byte offset (and, for UTF-8, suggesting ``encoding="gbk"``); the
    bytes are not changed.

    >>> decode("政府".encode("gbk"), "gbk")
    '政府'
    """
    try:
        return _baogao.decode(data, encoding)
    except ValueError as e:
        raise ValueError(_decode_message(str(e), encoding)) from None


def _decode_message(message: str, encoding: str) -> str:
    if "not valid UTF-8" in message:
        return f'{message}; if it is GBK (common for older reports), pass encoding="gbk"'
    return message


def parse_file(path: Union[str, "os.PathLike[str]"], encoding: Optional[str] = None, *, year: Optional[int] = None) -> Report:
    """Read and parse a report file. ``encoding`` is ``"utf-8"`` (the default)
    or ``"gbk"``; bytes that are not valid in it raise ``ValueError`` naming the
    byte offset. Offsets index the decoded text."""
    with open(path, "rb") as f:
        data = f.read()
    try:
        text = _baogao.decode(data, encoding or "utf-8")
    except ValueError as e:
        raise ValueError(f"{os.fspath(path)}: {_decode_message(str(e), encoding or 'utf-8')}") from None
    return Report(_baogao.parse(text, year=year), source=os.fspath(path))


def sample_report() -> str:
    """The sample report embedded in the library (2017, 江干区, Hangzhou)."""
    return _baogao.sample_report()
