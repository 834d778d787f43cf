# %% [markdown]
# # GDP growth targets vs outcomes in the State Council's work reports
#
# Parse every national report in a folder, pair each year's growth target with
# the outcome the next year's report gives (`baogao.track`), and chart the
# target (band for ranges and "about" targets) against the actual growth.
#
# Run it as a script (`python examples/notebook/gdp_targets.py [CORPUS] [OUT.png]`)
# or open `gdp_targets.ipynb`, the same cells as a notebook.
# Needs `pip install "./bindings-python[pandas]" matplotlib`.

# %%
import os
import sys
from pathlib import Path

import baogao

# As a script: arguments [CORPUS] [OUT.png]; in a notebook (run from this folder): the defaults.
AS_SCRIPT = "__file__" in globals()
HERE = Path(__file__).resolve().parent if AS_SCRIPT else Path.cwd()
ROOT = HERE.parents[1]
args = sys.argv[1:] if AS_SCRIPT else []
corpus = Path(args[0]) if args and args[0].strip() else Path(os.environ.get("BAOGAO_CORPUS", ROOT.parent / "shared" / "corpus"))
out_png = Path(args[1]) if len(args) > 1 else HERE / "gdp_targets.png"
if not corpus.is_dir():
    sys.exit(f"no corpus folder at {corpus}: pass one as the first argument or set BAOGAO_CORPUS")

# %% [markdown]
# Parse all reports in parallel and keep the national ones, by year.

# %%
paths = sorted(corpus.glob("*.txt"))
reports = baogao.parse_many([p.read_text(encoding="utf-8") for p in paths])
national = {r.meta.year: r for r in reports if r.meta.level == "national" and r.meta.year}
years = sorted(national)
print(f"{len(reports)} reports, {len(national)} national: {years}")

# %% [markdown]
# Pair consecutive years and keep the headline growth target (gdp; gnp or
# gross_output_ia in older reports count as the same series).

# %%
import pandas as pd

rows = []
for y in years:
    if y + 1 not in national:
        continue
    tracking = baogao.track(national[y], national[y + 1])
    for t in tracking:
        if t.metric in ("gdp", "gnp", "gross_output_ia"):
            rows.append(
                {
                    "year": y,
                    "metric": t.metric,
                    "target": t.target.number,
                    "low": t.target.low,
                    "high": t.target.high,
                    "bound": t.target.bound,
                    "actual": t.actual.number if t.actual else None,
                    "status": t.status,
                    "target_text": national[y].text[t.target_start : t.target_end],
                }
            )
            break
table = pd.DataFrame(rows)
print(table.to_string(index=False))

# %% [markdown]
# All pairs' targets, as a DataFrame (one row per quantified target).

# %%
all_pairs = pd.concat(
    [baogao.track(national[y], national[y + 1]).to_pandas().assign(year=y) for y in years if y + 1 in national],
    ignore_index=True,
)
print(all_pairs[["year", "metric", "target_number", "target_bound", "actual_number", "status"]].to_string(index=False))

# %% [markdown]
# The chart: the target as a band (a range, or ±0.5 point around an "about"
# target), the actual growth as dots coloured by status.

# %%
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(7, 3.5))
colors = {"met": "#2e7d32", "exceeded": "#1565c0", "missed": "#c62828", "not_reported": "#9e9e9e"}
for _, r in table.iterrows():
    lo = r["low"] if pd.notna(r["low"]) else r["target"] - (0.5 if r["bound"] == "about" else 0)
    hi = r["high"] if pd.notna(r["high"]) else r["target"] + (0.5 if r["bound"] == "about" else 0)
    ax.fill_between([r["year"] - 0.35, r["year"] + 0.35], lo, max(hi, lo + 0.05), color="#ffcc80", alpha=0.8)
    if pd.notna(r["actual"]):
        ax.scatter([r["year"]], [r["actual"]], color=colors.get(r["status"], "black"), zorder=3)
ax.set_xlabel("target year")
ax.set_ylabel("GDP growth, %")
ax.set_title("State Council GDP growth targets (band) and outcomes (dots)")
ax.set_xticks(list(table["year"]) if len(table) else [])
fig.tight_layout()
fig.savefig(out_png, dpi=120)
print(f"chart written to {out_png}")
