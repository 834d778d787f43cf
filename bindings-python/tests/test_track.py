"""baogao.track in Python: rows, statuses, offsets into each report, frames, errors."""

import pytest

import baogao


@pytest.fixture
def pair(corpus):
    a = baogao.parse_file(corpus / "2017-china-national.txt")
    b = baogao.parse_file(corpus / "2018-china-national.txt")
    return a, b


def test_2017_gdp_target_met_in_2018(pair):
    a, b = pair
    rows = baogao.track(a, b)
    gdp = [r for r in rows if r.metric == "gdp"]
    assert len(gdp) == 1
    g = gdp[0]
    # The 2017 report: 国内生产总值增长6.5%左右; the 2018 report: 国内生产总值…增长6.9%.
    assert (g.target.number, g.target.bound) == (6.5, "about")
    assert g.actual is not None and g.actual.number == 6.9
    assert g.status == "met"
    assert a.text[g.target_start : g.target_end] == "6.5%"
    assert b.text[g.actual_start : g.actual_end] == "6.9%"
    assert all(a.indicators[r.target_indicator].status == "target" for r in rows)


def test_tracking_frames(pair):
    pytest.importorskip("pandas")
    rows = baogao.track(*pair)
    df = rows.to_pandas()
    assert len(df) == len(rows)
    assert list(df.columns[:4]) == ["metric", "target_number", "target_low", "target_high"]
    assert str(df["target_start"].dtype) == "Int64"
    assert repr(rows).startswith("<Tracking ")
    assert isinstance(rows[0:1], baogao.Tracking)


def test_track_errors():
    r = baogao.parse(baogao.sample_report())
    with pytest.raises(TypeError, match="prev"):
        baogao.track("not a report", r)
    with pytest.raises(ValueError, match="tolerance"):
        baogao.track(r, r, tolerance=-1)
