"""Shared locations: the repository, the shared fixtures, the corpus."""

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"


def corpus_dir():
    d = Path(os.environ.get("BAOGAO_CORPUS", ROOT.parent / "shared" / "corpus"))
    return d if d.is_dir() else None


def corpus_files():
    d = corpus_dir()
    return sorted(d.glob("*.txt")) if d else []


@pytest.fixture
def corpus():
    d = corpus_dir()
    if d is None:
        pytest.skip("no corpus folder (set BAOGAO_CORPUS or place ../shared/corpus beside the checkout)")
    return d


def fixture_json(name):
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))
