"""Benchmark: `kravcheck check` on a 20-page submission against the full 2026 catalogue, end to end.

Run from the repository root: `python bench/check_speed.py`. The submission is made of the
corpus's PDF documents (fixtures/submissions/*/*.pdf) in name order until they reach 20 pages;
each run is a fresh process, Python start-up and imports included, JSON written to /dev/null.
Prints the best of five runs (goal: under 2 s), and the first run after the cache of analysed
catalogues is emptied: a catalogue's first check also analyses it (`check/cache.py`).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CATALOGUE = REPO / "requirements_catalog" / "norrbotten" / "2026.yaml"
PAGES = 20
RUNS = 5


def submission() -> tuple[list[Path], int]:
    import pypdfium2

    chosen, pages = [], 0
    for path in sorted((REPO / "fixtures" / "submissions").glob("*/*.pdf")):
        chosen.append(path)
        pages += len(pypdfium2.PdfDocument(path))
        if pages >= PAGES:
            break
    return chosen, pages


def main() -> None:
    files, pages = submission()
    command = [sys.executable, "-m", "kravcheck", "check", "--catalog", str(CATALOGUE), *map(str, files), "-f", "json"]
    from kravcheck.nlp import cache_dir

    shutil.rmtree(cache_dir() / "queries", ignore_errors=True)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    first = time.perf_counter() - started
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    print(f"submission: {len(files)} PDF documents, {pages} pages")
    print(f"check, fresh process, best of {RUNS}: {min(times):.2f} s  (median {sorted(times)[RUNS // 2]:.2f} s; goal < 2 s)")
    print(f"first check of the catalogue (analysed, then cached): {first:.2f} s")


if __name__ == "__main__":
    main()
