"""How fast a full act PDF is made, warm and in a fresh process, and how large it is.

The act: the demo connection visit cut to 20 checklist rows, with its payment, a synthesized 600-sample pen
signature drawn as vector ink and the personal-account QR code. ``warm_median_ms`` is the median of repeated
renders in one process after the fonts are loaded; ``first_act_s`` is a fresh interpreter from its start to
the first PDF bytes (imports, standard and brand files, fonts, render). Bars: <= 40 ms, <= 1.5 s, <= 60 KB.

Prints one JSON line. Run: .venv/bin/python benchmarks/bench_act.py
"""

from __future__ import annotations

import gc
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

try:
    import fieldact.act  # noqa: F401
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from fieldact.act import ActContent, build_content, render_pdf
from fieldact.act.sample import sample_meta, sample_signature, sample_visit
from fieldact.ink import Signature
from fieldact.standard import load_brand, load_standard

SRC = Path(__file__).resolve().parents[1] / "src"
ROWS = 20
SAMPLES = 600
WARMUP = 3
RUNS = 40
FRESH_RUNS = 3

# The child builds the same act from nothing and says when its PDF bytes exist.
FRESH_CHILD = f"""
import sys
sys.path.insert(0, {str(SRC)!r})
from fieldact.act import build_content, render_pdf
from fieldact.act.sample import sample_meta, sample_signature, sample_visit
from fieldact.standard import load_brand, load_standard
standard, brand = load_standard(), load_brand()
signature = sample_signature({SAMPLES})
content = build_content(sample_visit(standard, brand), sample_meta(brand), signature)
content = {{**content, "items": content["items"][:{ROWS}]}}
pdf = render_pdf(content, signature)
print(len(pdf), flush=True)
"""


def full_act() -> tuple[ActContent, Signature]:
    standard, brand = load_standard(), load_brand()
    signature = sample_signature(SAMPLES)
    content = build_content(sample_visit(standard, brand), sample_meta(brand), signature)
    items = content["items"]
    if len(items) < ROWS:
        raise SystemExit(f"the demo visit has only {len(items)} checklist rows, {ROWS} are needed")
    return {**content, "items": items[:ROWS]}, signature


def warm_median_ms(content: ActContent, signature: Signature) -> tuple[float, int]:
    for _ in range(WARMUP):
        pdf = render_pdf(content, signature)
    timings = []
    for _ in range(RUNS):
        gc.collect()
        start = time.perf_counter()
        pdf = render_pdf(content, signature)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1000, len(pdf)


def first_act_s() -> float:
    """Best of a few fresh interpreters, from spawning to the line that reports the PDF's size."""
    timings = []
    for _ in range(FRESH_RUNS):
        start = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-c", FRESH_CHILD], stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        line = child.stdout.readline()
        elapsed = time.perf_counter() - start
        child.wait(timeout=60)
        if child.returncode != 0 or not line.strip().isdigit():
            raise SystemExit("the fresh process did not make the act")
        timings.append(elapsed)
    return min(timings)


def main() -> int:
    content, signature = full_act()
    median_ms, size = warm_median_ms(content, signature)
    figures = {
        "warm_median_ms": round(median_ms, 2),
        "first_act_s": round(first_act_s(), 3),
        "pdf_bytes": size,
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
