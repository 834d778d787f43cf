"""The Python API: types, errors, frozen objects, JSON, options."""

import dataclasses
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import baogao
from conftest import ROOT, fixture_json


def test_sample_meta_and_outline_match_the_shared_fixture():
    want = fixture_json("sample-expected.json")
    r = baogao.parse(baogao.sample_report())
    assert r.meta.to_dict() == want["meta"]
    got = [
        {"marker": s.marker, "title": s.title, "depth": s.depth, "parent": s.parent, "role": s.role}
        for s in r.sections
    ]
    assert got == want["sections"]


def test_non_str_input_raises_type_error():
    for bad in (b"\xe6\x94\xbf", 42, None, ["a"], bytearray(b"x")):
        with pytest.raises(TypeError, match="expects str"):
            baogao.parse(bad)
    with pytest.raises(TypeError) as e:
        baogao.parse(b"...")
    assert str(e.value) == "parse() expects str, got bytes"
    with pytest.raises(TypeError) as e:
        baogao.parse(42)
    assert str(e.value) == "parse() expects str, got int"
    with pytest.raises(TypeError, match="expects str, got bytes"):
        baogao.parse_many(["ok", b"bytes"])


def test_str_subclass_is_accepted():
    class Text(str):
        pass

    assert baogao.parse(Text(baogao.sample_report())) == baogao.parse(baogao.sample_report())


def test_lone_surrogates_parse_and_keep_spans():
    # A str with a lone surrogate parses (the core sees U+FFFD); items covering
    # it keep the caller's character (more in test_hostile.py).
    text = "ab\ud800c\n一、回顾\ud800\n正文。"
    r = baogao.parse(text)
    assert r.text == text
    assert [text[s.title_start:s.title_end] for s in r.sections] == [s.title for s in r.sections] == ["回顾\ud800"]


def test_native_to_json_parts():
    raw = baogao._baogao.parse(baogao.sample_report())
    whole = json.loads(raw.to_json())
    for part in ("sections", "paragraphs", "indicators", "commitments", "lists", "diagnostics", "meta"):
        assert json.loads(raw.to_json(part)) == whole[part], part
    with pytest.raises(ValueError) as e:
        raw.to_json("tables")
    for part in ("sections", "paragraphs", "indicators", "commitments", "lists", "diagnostics", "meta"):
        assert part in str(e.value)


def test_version():
    assert baogao.__version__ == baogao._baogao.__version__ == baogao._baogao.version()
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", baogao.__version__)
    cargo = (ROOT / "Cargo.toml").read_text(encoding="utf-8")
    assert f'version = "{baogao.__version__}"' in cargo


def test_bad_options_raise_value_error_naming_them():
    with pytest.raises(ValueError, match="year"):
        baogao.parse("x", year="2017")
    with pytest.raises(ValueError, match="year"):
        baogao.parse("x", year=99999)
    with pytest.raises(ValueError, match="year"):
        baogao.parse("x", year=True)
    with pytest.raises(TypeError):
        baogao.parse("x", colour="red")  # unknown keyword
    for threads in (0, -1, "2", 2.5, True):
        with pytest.raises(ValueError, match="`threads`"):
            baogao.parse_many(["x"], threads=threads)
    assert len(baogao.parse_many(["x"], threads=1)) == 1
    with pytest.raises(TypeError, match="iterable of str"):
        baogao.parse_many("a single string")
    with pytest.raises(ValueError, match="unknown table"):
        baogao.parse("x").to_dicts("tables")


def test_year_option_fills_a_missing_date():
    assert baogao.parse("一、回顾\n正文。").meta.year is None
    assert baogao.parse("一、回顾\n正文。", year=2017).meta.year == 2017


def test_objects_are_frozen():
    r = baogao.parse(baogao.sample_report())
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.sections[0].title = "x"
    with pytest.raises(AttributeError):
        r.meta = None
    with pytest.raises(TypeError):
        r.sections[0] = None  # tuples
    for obj in (r.meta, r.paragraphs[0], r.indicators[0], r.indicators[0].value, r.lists[0].items[0]):
        with pytest.raises(dataclasses.FrozenInstanceError):
            obj.start = 0  # type: ignore[misc]
    with pytest.raises(AttributeError):
        r.anything = 1
    r2 = baogao.parse(baogao.sample_report())
    assert r2.sections[0] == r.sections[0] and hash(r2.sections[0]) == hash(r.sections[0])


def test_to_json_and_to_dict_round_trip():
    r = baogao.parse(baogao.sample_report())
    d = r.to_dict()
    assert json.loads(r.to_json()) == d
    assert d["offset_unit"] == "char" and d["schema_version"] == "1"
    assert [s.to_dict() for s in r.sections] == d["sections"]
    assert [p.to_dict() for p in r.paragraphs] == d["paragraphs"]
    for table in ("indicators", "commitments", "lists", "diagnostics"):
        assert [x.to_dict() for x in getattr(r, table)] == d[table], table
    assert r.indicators and r.lists  # the comparisons above are not vacuous
    assert r.meta.to_dict() == d["meta"]
    assert r.offset_unit == "char" and r.schema_version == "1"


def test_flat_records():
    r = baogao.parse(baogao.sample_report())
    rows = r.to_dicts("sections")
    assert len(rows) == len(r.sections)
    assert rows[1]["section_path"] == "一、 > (一)"
    assert rows[1]["title"] == "突出创新驱动,经济实力明显增强"


def test_reprs_are_short():
    r = baogao.parse(baogao.sample_report())
    assert repr(r).startswith("<Report 江干区 2017 district: 19 sections")
    assert len(repr(r.paragraphs[3])) < 80
    assert repr(r.sections[0]).startswith("<Section 一、 '")
    assert repr(r.sections[0]).endswith(f" review {r.sections[0].start}..{r.sections[0].end}>")
    for x in (*r.sections, *r.paragraphs, *r.indicators, *r.commitments, *r.lists, r.meta):
        assert len(repr(x)) < 120, repr(x)


def test_parse_many_equals_parse():
    texts = [baogao.sample_report(), "各位代表：\n一、回顾\n正文。", ""]
    many = baogao.parse_many(texts, threads=2)
    assert [m.to_json() for m in many] == [baogao.parse(t).to_json() for t in texts]
    assert baogao.parse_many(iter(texts[:1]))[0] == baogao.parse(texts[0])


def test_parse_file_utf8_and_gbk(tmp_path):
    text = "各位代表：\n一、过去一年工作回顾\n全年增长5%。"
    p = tmp_path / "gbk.txt"
    p.write_bytes(text.encode("gbk"))
    with pytest.raises(ValueError, match="byte offset 0"):
        baogao.parse_file(p)
    assert baogao.parse_file(p, encoding="gbk").sections[0].title == "过去一年工作回顾"
    with pytest.raises(ValueError, match="encoding"):
        baogao.parse_file(p, encoding="latin-1")


def test_typed_package():
    pkg = Path(baogao.__file__).parent
    assert (pkg / "py.typed").exists()
    assert (pkg / "_baogao.pyi").exists()
    assert baogao.__version__


def test_stubs_match_the_native_module():
    pytest.importorskip("mypy")
    out = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "baogao._baogao"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_docstring_examples():
    import doctest

    import baogao._model

    for module in (baogao, baogao._model):
        result = doctest.testmod(module)
        assert result.failed == 0 and result.attempted > 0, module.__name__


def test_package_type_checks():
    pytest.importorskip("mypy")
    out = subprocess.run([sys.executable, "-m", "mypy", "-p", "baogao"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout + out.stderr


def test_notebook_html():
    r = baogao.parse(baogao.sample_report())
    html = r._repr_html_()
    assert html.startswith('<div class="baogao-report">')
    for s in r.sections:
        assert f'href="#bg-s{s.id}"' in html and f'id="bg-s{s.id}"' in html
    assert html.count("<mark ") >= len(r.indicators) > 0
    assert "[review]" in html and "Targets" in html
    assert r.text == baogao.sample_report()
    # Text is escaped.
    assert "<script>" not in baogao.parse("一、回顾\n<script>alert(1)</script>。")._repr_html_()
