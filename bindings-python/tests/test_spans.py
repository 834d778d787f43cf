"""SPEC §1 in Python: every item's offsets are code points into the parsed str."""

import pytest

import baogao
from conftest import corpus_files, fixture_json


def spans(report):
    """(start, end, text, what) for every item with a text, and section titles."""
    out = []
    for s in report.sections:
        out.append((s.title_start, s.title_end, s.title, "section title"))
        assert s.start <= s.title_start <= s.title_end <= s.end
    for p in report.paragraphs:
        out.append((p.start, p.end, p.text, "paragraph"))
        if p.lead is not None:
            out.append((p.lead.start, p.lead.end, p.lead.text, "lead"))
    for i in report.indicators:
        out.append((i.start, i.end, i.text, "indicator"))
        assert i.sentence.start <= i.start <= i.end <= i.sentence.end
    for c in report.commitments:
        out.append((c.start, c.end, c.text, "commitment"))
        if c.object is not None:
            out.append((c.object.start, c.object.end, c.object.text, "object"))
    for lst in report.lists:
        for it in lst.items:
            out.append((it.start, it.end, it.text, "list item"))
    return out


def check(text):
    report = baogao.parse(text)
    items = spans(report)
    for start, end, t, what in items:
        assert text[start:end] == t, (what, start, end)
    return report, len(items)


def test_sample_spans_and_astral_prefix():
    text = baogao.sample_report()
    report, n = check(text)
    assert n > 300  # sections, paragraphs, leads, indicators, list items
    shifted, _ = check("𠮷😀" + text)
    # Astral characters are one code point each: every offset moves by exactly 2.
    assert [s.start - 2 for s in shifted.sections] == [s.start for s in report.sections]


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_corpus_spans(path):
    text = path.read_text(encoding="utf-8")
    _, n = check(text)
    assert n > 0
    check("𠮷😀\r\n" + text)


def test_corpus_is_there_or_skipped(corpus):
    assert len(list(corpus.glob("*.txt"))) >= 40


@pytest.mark.parametrize("case", fixture_json("edge-cases.json"), ids=lambda c: c["name"])
def test_edge_cases(case):
    check(case["text"])
