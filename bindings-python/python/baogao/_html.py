"""Notebook display of a report: meta, outline with roles, counts, the
targets table and the text with indicators and commitments highlighted."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Dict, List, Optional, Tuple

if TYPE_CHECKING:
    from ._model import Report

STATUS_COLORS = {"actual": "#cfe8ff", "estimated": "#e6dcff", "target": "#ffe2b8", "plan": "#e0e0e0"}
MODALITY_COLORS = {
    "guarantee": "#c0392b",
    "firm": "#2c3e50",
    "strive": "#d68910",
    "aspire": "#8e44ad",
    "explore": "#16a085",
    "proposed": "#7f8c8d",
}
MAX_TEXT = 60_000  # characters of report text shown


def _e(s: object) -> str:
    return html.escape("" if s is None else str(s))


def _outline(report: "Report") -> str:
    rows = []
    for s in report.sections:
        depth = 0
        p = s.parent
        while p is not None:
            depth += 1
            p = report.sections[p].parent
        rows.append(
            f'<div style="margin-left:{depth * 1.2}em"><a href="#bg-s{s.id}" style="text-decoration:none">'
            f"{_e(s.marker or '')}{_e(s.title)}</a> <small style=\"color:#888\">[{_e(s.role)}]</small></div>"
        )
    return "".join(rows) or "<i>no numbered headings</i>"


def _targets(report: "Report") -> str:
    rows = []
    for i in report.indicators:
        if i.status != "target":
            continue
        v = i.value
        if v.number is not None:
            value = f"{v.number:g}"
        elif v.low is not None:
            value = f"{v.low:g}–{v.high:g}" if v.high is not None else f"{v.low:g}"
        else:
            value = ""
        rows.append(
            f"<tr><td>{_e(i.metric.name)}</td><td>{_e(i.metric.id or '')}</td><td>{_e(i.text)}</td>"
            f"<td>{_e(value)} {_e(v.base_unit or '')}</td><td>{_e(i.bound)}</td></tr>"
        )
        if len(rows) >= 30:
            break
    if not rows:
        return ""
    return (
        "<details><summary><b>Targets</b></summary><table><tr><th>subject</th><th>metric</th><th>as written</th>"
        "<th>value</th><th>bound</th></tr>" + "".join(rows) + "</table></details>"
    )


def _text(report: "Report", text: str) -> str:
    text = text[:MAX_TEXT]
    n = len(text)
    bounds = {0, n}
    spans: List[Tuple[int, int, str, str]] = []  # start, end, kind, attrs
    for c in report.commitments:
        if c.end <= n:
            color = MODALITY_COLORS.get(c.modality, "#333")
            spans.append((c.start, c.end, "c", f'style="border-bottom:2px solid {color}" title="{_e(c.kind)} · {_e(c.modality)}"'))
    for i in report.indicators:
        if i.end <= n:
            v = i.value
            val = f"{v.number:g}" if v.number is not None else (f"{v.low:g}–{v.high:g}" if v.low is not None and v.high is not None else "")
            tip = f"{i.metric.id or i.metric.name or ''} · {i.kind} · {val} {v.base_unit or ''} · {i.bound} · {i.status}"
            bg = STATUS_COLORS.get(i.status, "#eee")
            spans.append((i.start, i.end, "i", f'style="background:{bg}" title="{_e(tip)}"'))
    anchors: Dict[int, List[int]] = {}
    for s in report.sections:
        if s.start < n:
            anchors.setdefault(s.start, []).append(s.id)
            bounds.add(s.start)
    for lo, hi, _, _ in spans:
        bounds.update((lo, hi))
    cuts = sorted(b for b in bounds if 0 <= b <= n)
    out = []
    for a, b in zip(cuts, cuts[1:]):
        for sid in anchors.get(a, []):
            out.append(f'<a id="bg-s{sid}"></a>')
        seg = _e(text[a:b])
        for lo, hi, kind, attrs in spans:
            if kind == "i" and lo <= a and b <= hi:
                seg = f"<mark {attrs}>{seg}</mark>"
        for lo, hi, kind, attrs in spans:
            if kind == "c" and lo <= a and b <= hi:
                seg = f"<span {attrs}>{seg}</span>"
        out.append(seg)
    return "".join(out)


def render(report: "Report", text: Optional[str]) -> str:
    m = report.meta
    s, p, i, c, lst, d = report._raw.counts()
    sp = m.speaker
    speaker = f"{_e(sp.name)} {_e(sp.title)}{' (acting)' if sp.acting else ''}" if sp else ""
    head = (
        f"<div><b>{_e(m.title or 'report')}</b> · {_e(m.region)} · {_e(m.level)} · {_e(m.year)}"
        f"{' · ' + _e(m.delivered_on) if m.delivered_on else ''} {speaker}<br>"
        f"<small>{s} sections · {p} paragraphs · {i} indicators · {c} commitments · {lst} lists · {d} diagnostics</small></div>"
    )
    legend = " ".join(
        f'<mark style="background:{col}">{name}</mark>' for name, col in STATUS_COLORS.items()
    ) + " · underline: commitment by modality"
    body = ""
    if text is not None:
        body = (
            f"<details><summary><b>Text</b> <small>{legend}</small></summary>"
            f'<div style="white-space:pre-wrap;max-height:30em;overflow:auto;line-height:1.7">{_text(report, text)}</div></details>'
        )
    return (
        '<div class="baogao-report">'
        + head
        + f"<details open><summary><b>Outline</b></summary>{_outline(report)}</details>"
        + _targets(report)
        + body
        + "</div>"
    )
