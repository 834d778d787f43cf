#!/usr/bin/env bash
# Fuzzes the parser with cargo-fuzz (libFuzzer, nightly): each target of
# core/fuzz/fuzz_targets for FUZZ_SECONDS (default 60) seconds, one after the other:
#   parse       arbitrary bytes (lossy UTF-8): never panics, every span slices the text exactly
#               in bytes, chars and UTF-16 units, ids and references in range;
#   parse_utf8  valid UTF-8 with Options::year set: the same checks;
#   scaling     20 copies of an input (as paragraphs of their own, or run together into one
#               paragraph) must not take more than 60x one copy.
# Fails on any crash, panic, timeout (10 s) or memory blow-up (2 GB); the failing input is
# left in core/fuzz/artifacts/TARGET/ (reproduce: cargo +nightly fuzz run --fuzz-dir
# core/fuzz TARGET FILE), and belongs in core/tests/fuzz_regressions.rs once minimized
# (cargo +nightly fuzz tmin --fuzz-dir core/fuzz TARGET FILE).
#
# Seeds are built here, at run time, from the real reports in ${BAOGAO_CORPUS:-../shared/corpus}
# (cut into chunks of whole lines) plus the embedded sample, under target/fuzz-seeds/ (gitignored:
# the corpus reports other than the sample are never committed). What libFuzzer finds goes to
# target/fuzz-corpus/TARGET and is reused by the next run. Logs: target/fuzz-logs/TARGET.log.
#
# cargo-fuzz builds with optimizations plus debug assertions and overflow checks (its default).
# Needs cargo-fuzz and the nightly toolchain (scripts/setup.sh installs cargo-fuzz).
# FUZZ_TARGETS="parse scaling" runs a subset. No sanitizer by default: the crate forbids unsafe
# code, panics, stack overflows, timeouts and -rss_limit_mb are caught without one, and under
# AddressSanitizer the runs were 2-3x slower and the scaling target's timings were distorted
# (a 20x paragraph took 76x as long under ASan, 20x natively). FUZZ_SANITIZER=address turns it on.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
ROOT=$PWD
SECS=${FUZZ_SECONDS:-60}
TARGETS=${FUZZ_TARGETS:-parse parse_utf8 scaling}
SANITIZER=${FUZZ_SANITIZER:-none}
CORPUS_SRC=${BAOGAO_CORPUS:-../shared/corpus}
SAMPLE=core/data/sample-2017-hangzhou-jianggan-district.txt

if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "error: cargo-fuzz or the nightly toolchain is missing: run scripts/setup.sh first" >&2
  exit 1
fi
echo "fuzz: $(cargo +nightly fuzz --version), $(rustc +nightly --version), sanitizer $SANITIZER, ${SECS}s per target"

# --- seeds -------------------------------------------------------------------------------------
SEEDS=target/fuzz-seeds
rm -rf "$SEEDS"
mkdir -p "$SEEDS/whole" "$SEEDS/chunks" "$SEEDS/scaling" "$SEEDS/utf8" target/fuzz-logs
reports=("$SAMPLE")
if [ -d "$CORPUS_SRC" ]; then
  while IFS= read -r f; do reports+=("$f"); done < <(find "$CORPUS_SRC" -maxdepth 1 -name '*.txt' | sort)
else
  echo "fuzz: no corpus folder $CORPUS_SRC (set BAOGAO_CORPUS): seeding from the sample only"
fi
# Whole reports are slow seeds (36 execs/s under ASan): only the sample goes in whole.
cp "$SAMPLE" "$SEEDS/whole/"
for f in "${reports[@]}"; do
  n=$(basename "$f" .txt)
  # Whole lines, at most 2 KB each (a paragraph or a few), every 5th one (the first is the title
  # block): about 6 a report, so libFuzzer's first pass over the seeds takes seconds, not the
  # whole run.
  split -C 2048 -d -a 3 "$f" "$SEEDS/chunks/$n."
  find "$SEEDS/chunks" -name "$n.*" | while IFS= read -r c; do
    [ $((10#${c##*.} % 5)) = 0 ] || rm "$c"
  done
  # scaling: two a report (every run parses 21 copies); the first byte picks how the copies
  # are joined: 0 = as paragraphs of their own, 1 = run together into the same paragraphs.
  { printf '\x00'; cat "$SEEDS/chunks/$n.000"; } > "$SEEDS/scaling/$n.000"
  if [ -f "$SEEDS/chunks/$n.005" ]; then
    { printf '\x01'; cat "$SEEDS/chunks/$n.005"; } > "$SEEDS/scaling/$n.005"
  fi
done
# parse_utf8 reads the year from the first byte: prefix 0x43 (1950 + 67 = 2017).
for f in "$SEEDS/whole"/* "$SEEDS/chunks"/*; do
  { printf 'C'; cat "$f"; } > "$SEEDS/utf8/$(basename "$f")"
done
echo "fuzz: seeds from ${#reports[@]} reports: $(ls "$SEEDS/whole" | wc -l) whole, $(ls "$SEEDS/chunks" | wc -l) chunks, $(ls "$SEEDS/scaling" | wc -l) scaling"

seeds_for() {
  case $1 in
    parse) echo "$SEEDS/whole $SEEDS/chunks" ;;
    parse_utf8) echo "$SEEDS/utf8" ;;
    scaling) echo "$SEEDS/scaling" ;;
  esac
}
max_len_for() {
  case $1 in
    scaling) echo 4097 ;;
    *) echo 65536 ;;
  esac
}

# --- runs --------------------------------------------------------------------------------------
summary=()
status=0
for t in $TARGETS; do
  work=target/fuzz-corpus/$t
  mkdir -p "$work"
  log=target/fuzz-logs/$t.log
  echo
  echo "== fuzz: $t (${SECS}s, -max_len=$(max_len_for "$t"), log $log)"
  t0=$SECONDS
  # shellcheck disable=SC2046
  if cargo +nightly fuzz run --fuzz-dir core/fuzz -s "$SANITIZER" "$t" "$work" $(seeds_for "$t") -- \
    -max_total_time="$SECS" -max_len="$(max_len_for "$t")" -timeout=10 -rss_limit_mb=2048 \
    -dict="$ROOT/core/fuzz/baogao.dict" -print_final_stats=1 >"$log" 2>&1; then
    result=ok
  else
    result=FAILED
    status=1
    grep -E "panicked at|ERROR: libFuzzer|SUMMARY|Test unit written|ParseDictionaryFile|^error" "$log" | head -20 || true
    echo "(full log: $log; last lines:)"
    tail -15 "$log"
  fi
  execs=$(grep -Eo 'stat::number_of_executed_units: [0-9]+' "$log" | awk '{print $2}' | tail -1)
  cov=$(grep -Eo '#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE)[[:space:]]+cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 | awk '{print $4, "cov,", $6, "ft"}')
  line=$(printf '%-11s %-6s %9s execs in %4ss  %s' "$t" "$result" "${execs:-?}" $((SECONDS - t0)) "${cov:-}")
  echo "$line"
  summary+=("$line")
done

echo
echo "== fuzz summary (${SECS}s per target; new inputs kept in target/fuzz-corpus/)"
printf '%s\n' "${summary[@]}"
[ "$status" = 0 ] && echo "fuzz: no crash" || echo "fuzz: FAILED (inputs in core/fuzz/artifacts/)"
exit "$status"
