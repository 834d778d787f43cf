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
        assert 0 <= start <= end <= len(text), (what, start, end, len(text))
        assert text[start:end] == t, (what, start, end)
    for s in report.sections:
        assert 0 <= s.start <= s.end <= len(text), ("section", s.start, s.end)
    return report, len(items)


def test_sample_spans_and_astral_prefix():
    text = baogao.sample_report()
    report, n = check(text)
    assert n > 300  # sections, paragraphs, leads, indicators, list items
    shifted, _ = check("𠮷😀" + text)
    # Astral characters are one code point each: every offset moves by exactly 2.
    assert same_but_title(shifted.to_dict(), shift(report.to_dict(), 2))


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_corpus_spans(path):
    text = path.read_text(encoding="utf-8")
    report, n = check(text)
    assert n > 0
    for prefix in ("𠮷", "😀"):
        check(prefix + text)
        # On a line of its own the astral character (two UTF-16 units, four
        # UTF-8 bytes) changes nothing but the offsets: each moves by exactly
        # two code points. (Glued to the first line it may change what that
        # line means, e.g. the salutation, so there only the spans are checked.)
        shifted, _ = check(prefix + "\n" + text)
        assert same_but_title(shifted.to_dict(), shift(report.to_dict(), 2))
    check("𠮷😀\r\n" + text)


def same_but_title(a, b):
    """Equal wire formats, except ``meta.title`` (a prefix touches the title block)."""
    a, b = dict(a), dict(b)
    a["meta"] = {**a["meta"], "title": None}
    b["meta"] = {**b["meta"], "title": None}
    return a == b


OFFSET_KEYS = {"start", "end", "title_start", "title_end"}


def shift(v, k):
    """The wire format with every offset moved by ``k``."""
    if isinstance(v, dict):
        return {
            key: (x + k if key in OFFSET_KEYS and isinstance(x, int) else shift(x, k)) for key, x in v.items()
        }
    if isinstance(v, list):
        return [shift(x, k) for x in v]
    return v


def test_corpus_is_there_or_skipped(corpus):
    assert len(list(corpus.glob("*.txt"))) >= 40


@pytest.mark.parametrize("case", fixture_json("edge-cases.json"), ids=lambda c: c["name"])
def test_edge_cases(case):
    check(case["text"])


EDGE_STRINGS = {
    "empty": "",
    "bom": "\ufeff各位代表：\n一、过去一年工作回顾\n全年增长5%。",
    "crlf": "政府工作报告\r\n各位代表：\r\n一、过去一年工作回顾\r\n全年生产总值增长6.5\r\n%。\r\n二、今年工作\r\n",
    "fullwidth_digits": "一、回顾\n全年生产总值５５０亿元，增长９．５％。",
    "english": "Government Work Report. 1. Review. GDP grew 6.5% to 550 billion yuan.",
    "ones_100k": "1" * 100_000,
    "newlines": "\n" * 1000,
    "headings_only": "一、\n二、\n（一）\n（二）\n",
}


@pytest.mark.parametrize("name", EDGE_STRINGS)
@pytest.mark.parametrize("prefix", ["", "𠮷", "😀"])
def test_edge_strings(name, prefix):
    report, _ = check(prefix + EDGE_STRINGS[name])
    assert report.offset_unit == "char"
    assert report.meta.script in ("simplified", "traditional", "mixed")


def test_edge_strings_are_not_vacuous():
    # The checks above must have something to check on the Chinese edge strings.
    for name in ("bom", "crlf", "fullwidth_digits"):
        report, n = check(EDGE_STRINGS[name])
        assert report.sections, name
        assert n > 0, name
    r = baogao.parse(EDGE_STRINGS["fullwidth_digits"])
    assert [i.text for i in r.indicators] == ["５５０亿元", "９．５％"]
    assert r.indicators[0].value.number == 5.5e10
