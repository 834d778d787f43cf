"""DataFrames: one row per item, flattened fields, typed columns; lazy optional imports."""

import builtins
import importlib

import pytest

import baogao

pd = pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def report():
    return baogao.parse(baogao.sample_report())


def test_indicators_frame_has_one_row_per_indicator(report):
    df = report.to_pandas("indicators")
    assert len(df) == len(report.indicators) > 0
    for col in (
        "metric_id", "value_number", "value_low", "value_high", "base_unit", "bound", "status",
        "period_start", "period_end", "section_path", "start", "end", "text",
    ):
        assert col in df.columns, col
    assert str(df["start"].dtype) == "Int64"
    assert str(df["period_start"].dtype) == "Int64"
    assert str(df["value_number"].dtype) == "float64"
    assert isinstance(df["bound"].dtype, pd.CategoricalDtype)
    assert isinstance(df["kind"].dtype, pd.CategoricalDtype)
    first = report.indicators[0]
    row = df.iloc[0]
    assert row["text"] == first.text and row["start"] == first.start and row["metric_id"] == first.metric.id


def test_every_table_frames(report):
    for table, items in (
        ("sections", report.sections),
        ("paragraphs", report.paragraphs),
        ("commitments", report.commitments),
        ("diagnostics", report.diagnostics),
    ):
        assert len(report.to_pandas(table)) == len(items), table
    n_items = sum(len(lst.items) for lst in report.lists)
    assert len(report.to_pandas("lists")) == n_items
    with pytest.raises(ValueError, match="unknown table"):
        report.to_pandas("numbers")


def test_sections_frame_values(report):
    df = report.to_pandas("sections")
    assert df.loc[1, "section_path"] == "一、 > (一)"
    assert df.loc[0, "role"] == "review"
    assert pd.isna(df.loc[0, "parent"])


def test_frame_stacks_reports_with_a_source_column(report, tmp_path):
    p = tmp_path / "r.txt"
    p.write_text(baogao.sample_report(), encoding="utf-8")
    from_file = baogao.parse_file(p)
    assert from_file.source == str(p)
    df = baogao.frame([report, from_file], "sections")
    assert list(df.columns[:2]) == ["source", "id"]
    assert df["source"].tolist() == ["0"] * len(report.sections) + [str(p)] * len(report.sections)
    df = baogao.frame({"a": report}, "indicators")
    assert set(df["source"]) == {"a"}
    assert isinstance(df["bound"].dtype, pd.CategoricalDtype)


def test_polars(report):
    pl = pytest.importorskip("polars")
    df = report.to_polars("indicators")
    assert df.height == len(report.indicators)
    assert df.schema["start"] == pl.Int64
    assert df.schema["bound"] == pl.Categorical
    stacked = baogao.frame({"x": report}, "sections", library="polars")
    assert stacked.columns[0] == "source"


def test_missing_pandas_names_the_extra(report, monkeypatch):
    real = importlib.import_module

    def fake(name, *args, **kwargs):
        if name == "pandas":
            raise ImportError("No module named 'pandas'")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(importlib, "import_module", fake)
    with pytest.raises(ImportError, match=r'baogao\[pandas\]'):
        report.to_pandas("sections")
    assert builtins  # the module itself still imports without pandas
