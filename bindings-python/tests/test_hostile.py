"""Hostile and degenerate inputs (issue 7), from the shared fixture
tests/fixtures/hostile.json (the Rust and Node suites read it too): every input
returns a report — no exception, no hang — and ``text[x.start:x.end] == x.text``
holds for every item, also for a str with lone surrogates (the core sees U+FFFD;
items covering one keep the caller's character). Bytes that are not UTF-8 (GBK)
are a ValueError naming the byte offset and suggesting ``encoding="gbk"``."""

import json
import time

import pytest

import baogao
from conftest import fixture_json

FIXTURE = fixture_json("hostile.json")
CASES = {c["name"]: c for c in FIXTURE["cases"]}
GUARD_S = 120  # generous: a parse slower than this is a hang or super-linear (1 MB takes seconds)
SAMPLE = baogao.sample_report()


def xorshift(seed):
    x = seed & 0xFFFFFFFF
    while True:
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        yield x


DIGITS = "零一二三四五六七八九"


def zh(n):
    """1 → 一, 15 → 十五, 101 → 一百零一, 3000 → 三千."""
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n % 10] if n % 10 else "")
    out, zero = "", False
    for place, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // place % 10
        if d == 0:
            zero = out != ""
            continue
        if zero:
            out, zero = out + "零", False
        out += DIGITS[d] + unit
    return out


def sample(copies, distinct):
    if not distinct:
        return SAMPLE * copies
    return "".join("".join(f"{line}{k}\n" for line in SAMPLE.split("\n")) for k in range(copies))


def build(case):
    out = []
    for p in case["parts"]:
        if "text" in p:
            out.append(p["text"])
        elif "repeat" in p:
            out.append(p["repeat"] * p["times"])
        elif "numbered" in p:
            t = p["numbered"]
            out.append(p["sep"].join(t.replace("{zh}", zh(n)).replace("{n}", str(n)) for n in range(1, p["count"] + 1)))
        elif "random_bytes" in p:
            rng = xorshift(p["seed"])
            data = bytes(next(rng) & 0xFF for _ in range(p["random_bytes"]))
            out.append(data.decode("utf-8", "replace"))  # U+FFFD per maximal invalid subpart
        elif "random_chars" in p:
            chars, rng = p["random_chars"], xorshift(p["seed"])
            out.append("".join(chars[next(rng) % len(chars)] for _ in range(p["count"])))
        elif "sample" in p:
            out.append(sample(p["sample"], p.get("distinct", False)))
        elif "surrogate" in p:
            out.append(chr(int(p["surrogate"], 16)))
        else:
            raise ValueError(f"unknown part {p}")
    return "".join(out)


def timed_parse(name, text):
    # CPU time of this thread (the parse runs on it with the GIL released):
    # other processes holding the cores do not count.
    t0, c0 = time.perf_counter(), time.thread_time()
    report = baogao.parse(text)
    wall, took = time.perf_counter() - t0, time.thread_time() - c0
    assert wall < GUARD_S, f"{name}: parse took {wall:.1f} s"
    return report, took


def check_spans(name, text, r):
    """The span rule on every item of the objects, the dicts and the flat tables."""
    n = 0
    for s in r.sections:
        assert text[s.title_start : s.title_end] == s.title, (name, s)
        assert s.start <= s.title_start <= s.title_end <= s.end <= len(text)
        n += 1
    for p in r.paragraphs:
        assert text[p.start : p.end] == p.text, (name, p)
        if p.lead is not None:
            assert text[p.lead.start : p.lead.end] == p.lead.text, (name, p.lead)
        n += 1
    for i in r.indicators:
        assert text[i.start : i.end] == i.text, (name, i)
        assert 0 <= i.sentence.start <= i.sentence.end <= len(text)
        n += 1
    for c in r.commitments:
        assert text[c.start : c.end] == c.text, (name, c)
        if c.object is not None:
            assert text[c.object.start : c.object.end] == c.object.text, (name, c.object)
        n += 1
    for lst in r.lists:
        for it in lst.items:
            assert text[it.start : it.end] == it.text, (name, it)
    for d in r.diagnostics:
        if d.start is not None and d.end is not None:
            assert 0 <= d.start <= d.end <= len(text)
    return n


def test_generators_agree_with_the_other_suites():
    rng = xorshift(2463534242)
    assert [next(rng), next(rng), next(rng)] == [723471715, 2497366906, 2064144800]
    got = [zh(n) for n in (1, 10, 11, 20, 101, 110, 1001, 1010, 2999, 3000)]
    assert got == ["一", "十", "十一", "二十", "一百零一", "一百一十", "一千零一", "一千零一十", "二千九百九十九", "三千"]
    for c in FIXTURE["cases"]:
        if "expect" in c:
            text = build(c)
            assert len(text) == c["expect"]["chars"]
            assert len(text.encode("utf-8")) == c["expect"]["utf8_bytes"]


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_input_returns_a_report_with_exact_spans(name):
    case = CASES[name]
    text = build(case)
    r, took = timed_parse(name, text)
    assert r.text == text
    check_spans(name, text, r)
    json.loads(r.to_json())
    if case.get("big"):
        print(f"{name:40} {len(text):>8} chars {took * 1e3:9.1f} ms  {len(r.sections)} sections, "
              f"{len(r.indicators)} indicators, {len(r.commitments)} commitments")


def test_lone_surrogates_keep_the_callers_characters_everywhere():
    text = build(CASES["surrogates_inside_report"])
    r = baogao.parse(text)
    check_spans("surrogates", text, r)
    assert any(i.text == "550亿元" for i in r.indicators), r.indicators
    texts = [p.text for p in r.paragraphs] + [s.title for s in r.sections] + [c.text for c in r.commitments]
    assert any(any(0xD800 <= ord(ch) <= 0xDFFF for ch in t) for t in texts), "some item holds a surrogate"
    assert not any("\ufffd" in t for t in texts), "no item shows U+FFFD for a surrogate"
    # The dicts, the JSON (ASCII with \udXXX escapes: it encodes and reads back) and the tables agree.
    d = r.to_dict()
    assert json.loads(r.to_json()) == d
    r.to_json().encode("utf-8")
    for p in d["paragraphs"]:
        assert text[p["start"] : p["end"]] == p["text"]
    for table, field, (a, b) in (("paragraphs", "text", ("start", "end")), ("sections", "title", ("title_start", "title_end")),
                                 ("commitments", "text", ("start", "end")), ("indicators", "text", ("start", "end"))):
        for row in r.to_dicts(table):
            assert text[row[a] : row[b]] == row[field], (table, row)
    # At the start and the end of a real report nothing else changes.
    one = baogao.parse(SAMPLE)
    for name in ("surrogate_at_start", "surrogate_at_end"):
        r = baogao.parse(build(CASES[name]))
        assert [s.title for s in r.sections] == [s.title for s in one.sections], name
        assert len(r.indicators) == len(one.indicators), name
    # surrogateescape text (undecodable bytes kept as U+DC80..U+DCFF) and parse_many.
    raw = "各位代表：\n一、过去一年工作回顾\n全年增长5%".encode("gbk")
    escaped = raw.decode("utf-8", "surrogateescape")
    texts = [escaped, text, SAMPLE]
    many = baogao.parse_many(iter(texts), threads=2)
    for t, m in zip(texts, many):
        assert m == baogao.parse(t)
        assert m.text == t
        check_spans("parse_many", t, m)


def test_a_pasted_report_scales_linearly():
    sc = FIXTURE["scaling"]
    one, many = build(CASES[sc["one"]]), build(CASES[sc["many"]])
    best = min(timed_parse("one", one)[1] for _ in range(5))
    r = timed_parse("many", many)[0]
    took = min(timed_parse("many", many)[1] for _ in range(3))
    ratio = took / max(best, 1e-6)
    print(f"1 copy {best * 1e3:.1f} ms, {sc['copies']} copies {took * 1e3:.1f} ms: ratio {ratio:.1f}")
    assert len(r.sections) >= 19
    assert ratio < sc["max_ratio"], f"{sc['copies']} copies took {ratio:.1f}x one copy: super-linear"


def test_gbk_bytes_on_the_utf8_path_are_a_clear_error(tmp_path):
    g = FIXTURE["gbk"]
    data = g["text"].encode("gbk")
    assert data.hex() == g["bytes_hex"]
    at = g["first_bad_byte"]
    copy = bytes(data)
    with pytest.raises(ValueError) as e:
        baogao.decode(data)
    msg = str(e.value)
    assert f"not valid UTF-8 at byte offset {at}" in msg and 'encoding="gbk"' in msg, msg
    assert data == copy  # nothing lost: the caller's bytes are unchanged
    assert baogao.decode(data, "gbk") == g["text"]
    with pytest.raises(TypeError, match="expects str, got bytes"):
        baogao.parse(data)
    p = tmp_path / "gbk.txt"
    p.write_bytes(data)
    with pytest.raises(ValueError) as e:
        baogao.parse_file(p)
    assert str(p) in str(e.value) and f"byte offset {at}" in str(e.value) and 'encoding="gbk"' in str(e.value)
    r = baogao.parse_file(p, encoding="gbk")
    assert r.sections[0].title == "过去一年工作回顾"
    check_spans("gbk", g["text"], r)
    # Garbage and truncated bytes: errors, never crashes.
    for bad in (data[:-1], b"\xff\xfe\xfd", b"\xed\xa0\x80", b"\xc0\x80"):
        with pytest.raises(ValueError, match="byte offset"):
            baogao.decode(bad)
    with pytest.raises(ValueError, match="GBK"):
        baogao.decode(b"\x81", "gbk")
    # Lossy decoding gives U+FFFD text that still parses with exact spans.
    lossy = data.decode("utf-8", "replace")
    check_spans("lossy", lossy, baogao.parse(lossy))
