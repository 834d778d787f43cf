#!/usr/bin/env python3
"""baogao against JioNLP on the same reports, in one run (issue 7's targets).

    .venv/bin/python scripts/bench-side-by-side.py [--corpus DIR] [--baogao BIN] [--limits BIN] [--runs N]

Times, over every *.txt of the corpus (BAOGAO_CORPUS, default ../shared/corpus beside the
checkout; without it, twenty copies of the embedded sample report):

  (a) the whole `baogao parse FILE...` process: the release CLI (--baogao, $BAOGAO_BIN, else
      $CARGO_TARGET_DIR or target/ + release/baogao, built with cargo when missing), JSON Lines
      written to a temporary file, process start-up included; best of --runs (default 5);
  (b) JioNLP's `jionlp.ner.extract_money(text)` once per report (money amounts only, with its
      default parsing of each amount); best of 3. Its import (about 0.5 s) and the first call
      (which compiles its regexes) are timed apart and excluded;
  (c) when the baogao Python module is installed, `baogao.parse_many(texts)` (threads, no JSON).

Prints seconds, MB/s (UTF-8 bytes) and chars/s for each, the ratio baogao/JioNLP, and the
issue's targets (CLI >= 50 MB/s; >= 20x JioNLP) marked PASS or BELOW. Being below a target
does not fail the run (the speed work goes on); any error does (non-zero exit).
Then, for context, single passes over the same bytes on one core (core/examples/limits.rs:
UTF-8 validation, counting chars, one regex, a byte loop).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "core" / "data" / "sample-2017-hangzhou-jianggan-district.txt"
TARGET_MBS = 50.0
TARGET_RATIO = 20.0


def target_dir() -> Path:
    return Path(os.environ.get("CARGO_TARGET_DIR") or ROOT / "target")


def release_artifact(given: str | None, env: str, rel: str, cargo_args: list[str]) -> Path:
    """The path given, else $env, else the cargo build output (built when missing)."""
    path = Path(given or os.environ.get(env) or target_dir() / "release" / rel)
    if not path.exists():
        print(f"building {path} ({' '.join(cargo_args)})", flush=True)
        subprocess.run(["cargo", "build", "--release", "-q", "-p", "baogao", *cargo_args], cwd=ROOT, check=True)
    if not path.exists():
        raise SystemExit(f"error: {path} not found after the build (set {env})")
    return path


def best(runs: int, f):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


def row(name: str, seconds: float, mb: float, chars: int) -> float:
    mbs = mb / seconds
    print(f"  {name:<44} {seconds * 1e3:9.1f} ms {mbs:9.2f} MB/s {chars / seconds / 1e6:8.3f} M chars/s")
    return mbs


def mark(ok: bool) -> str:
    return "PASS" if ok else "BELOW"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=os.environ.get("BAOGAO_CORPUS", str(ROOT.parent / "shared" / "corpus")))
    ap.add_argument("--baogao", help="the release CLI binary (default: $BAOGAO_BIN or target/release/baogao)")
    ap.add_argument("--limits", help="the limits example binary (default: $BAOGAO_LIMITS or target/release/examples/limits)")
    ap.add_argument("--runs", type=int, default=5, help="runs of the CLI (best of); JioNLP gets min(3, runs)")
    args = ap.parse_args()

    files = sorted(Path(args.corpus).glob("*.txt"))
    if not files:
        print(f"no corpus at {args.corpus}: twenty copies of the embedded sample report")
        files = [SAMPLE] * 20
    texts = [p.read_bytes().decode("utf-8") for p in files]  # as the CLI reads them (no newline translation)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    chars = sum(len(t) for t in texts)
    cli = release_artifact(args.baogao, "BAOGAO_BIN", "baogao", ["--bin", "baogao"])
    limits = release_artifact(args.limits, "BAOGAO_LIMITS", "examples/limits", ["--example", "limits"])
    print(f"{len(texts)} reports, {mb:.2f} MB, {chars} chars; {os.cpu_count()} cores")

    # (a) the whole CLI process, JSON out included; checked once, then timed.
    with tempfile.TemporaryDirectory() as tmp:
        out_path = Path(tmp) / "out.jsonl"
        argv = [str(cli), "parse", *map(str, files)]

        def run_cli() -> None:
            with open(out_path, "wb") as out:
                subprocess.run(argv, stdout=out, check=True)

        run_cli()
        lines = out_path.read_bytes().splitlines()
        if len(files) > 1:
            assert len(lines) == len(files), f"{len(lines)} JSON lines for {len(files)} files"
            for line, f in zip((lines[0], lines[-1]), (files[0], files[-1])):
                assert json.loads(line)["source"] == str(f), "JSON Lines out of order"
        json_mb = out_path.stat().st_size / 1e6
        cli_t = best(args.runs, run_cli)
    print(f"\n(a) baogao CLI, whole process ({cli.name} parse FILE..., {json_mb:.1f} MB of JSON out)")
    cli_mbs = row(f"baogao parse ({len(files)} files, best of {args.runs})", cli_t, mb, chars)

    # (b) JioNLP: import and first call excluded.
    t = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):  # its import prints a banner
        import jionlp
    import_t = time.perf_counter() - t
    t = time.perf_counter()
    jionlp.ner.extract_money("地区生产总值增长6%,固定资产投资550亿元")
    first_t = time.perf_counter() - t
    counts: list[int] = []
    jio_runs = max(1, min(3, args.runs))
    jio_t = best(jio_runs, lambda: counts.append(sum(len(jionlp.ner.extract_money(x)) for x in texts)))
    print(
        f"\n(b) JioNLP {getattr(jionlp, '__version__', '?')} extract_money, once per report "
        f"(import {import_t:.2f} s and first call {first_t * 1e3:.0f} ms excluded; {counts[-1]} amounts)"
    )
    jio_mbs = row(f"jionlp.ner.extract_money (best of {jio_runs})", jio_t, mb, chars)

    # (c) the Python binding, when installed.
    try:
        import baogao  # type: ignore[import-not-found]
    except ImportError:
        print("\n(c) baogao Python module not installed: skipped")
    else:
        reports = baogao.parse_many(texts)
        assert len(reports) == len(texts)
        py_t = best(3, lambda: baogao.parse_many(texts))
        print("\n(c) baogao Python binding (objects, no JSON)")
        row("baogao.parse_many (best of 3)", py_t, mb, chars)

    ratio = cli_mbs / jio_mbs
    print("\nTargets (issue 7)")
    print(f"  baogao CLI {cli_mbs:.1f} MB/s  ≥ {TARGET_MBS:.0f} MB/s: {mark(cli_mbs >= TARGET_MBS)}")
    print(f"  baogao / JioNLP = {ratio:.1f}×  ≥ {TARGET_RATIO:.0f}×: {mark(ratio >= TARGET_RATIO)}")

    # Single-pass limits on the same bytes (one core).
    res = subprocess.run([str(limits), "--json", *map(str, sorted(set(files)))], capture_output=True, text=True, check=True)
    lim = json.loads(res.stdout)
    print(f"\nSingle passes over the same bytes, one core ({limits.name}; {lim['files']} distinct files)")
    names = {
        "utf8": "std::str::from_utf8 (UTF-8 validation)",
        "chars": "count chars",
        "regex": "one regex (numbers with units)",
        "bytes": "byte loop (count ASCII digits)",
    }
    for key, label in names.items():
        print(f"  {label:<44} {lim[key]['seconds'] * 1e3:9.3f} ms {lim[key]['mb_per_s']:9.1f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
