"""Benchmark: `kravcheck parse` of a ~60-page two-column PDF against pdftotext on the same file.

Run from the repository root: `python bench/parse_speed.py`. Needs poppler-utils (pdftotext) and
the test extras (reportlab, pyphen) to build the PDF: the 2026 seed rendered three times over.

Prints pages/s for pdftotext (a whole process, best of N), for kravcheck's reader in process
(structure, tables and change marks included, best of N) and for the `kravcheck parse` command
(a whole process, Python start-up included), and the ratio the goal is set on: kravcheck in
process against pdftotext, goal >= 0.5.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "src"), str(REPO / "fixtures")]

from kravcheck.document import Document  # noqa: E402
from kravcheck.readers import read_document  # noqa: E402
from kravcheck.readers.text import read_text  # noqa: E402

SEED = REPO.parent / "shared" / "seeds" / "002_4b1a42cf4b10fe33.txt"
RUNS = 7


def build_long_pdf(out: Path) -> int:
    from make_pdf import build_pdf

    seed = read_text(SEED)
    blocks = [replace(block) for _ in range(3) for block in seed.blocks]
    facts = build_pdf(Document(seed.source, seed.sha256, seed.kind, None, blocks), out)
    return facts["page_count"]


def best_of(runs: int, action) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    if shutil.which("pdftotext") is None:
        sys.exit("pdftotext saknas: installera poppler-utils (apt-get install poppler-utils)")
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "bestallning_x3.pdf"
        pages = build_long_pdf(pdf)
        kravcheck = shutil.which("kravcheck") or sys.exit("kravcheck is not installed (pip install -e .)")

        def pdftotext() -> None:
            subprocess.run(["pdftotext", str(pdf), "-"], check=True, stdout=subprocess.DEVNULL)

        def cli() -> None:
            subprocess.run([kravcheck, "parse", str(pdf)], check=True, stdout=subprocess.DEVNULL)

        read_document(pdf)  # warm up: imports and the page cache
        t_pdftotext = best_of(RUNS, pdftotext)
        t_reader = best_of(RUNS, lambda: read_document(pdf))
        t_cli = best_of(3, cli)

    print(f"file: {pages} pages, two columns (the 2026 seed three times)")
    print(f"pdftotext                 {t_pdftotext * 1000:7.1f} ms  {pages / t_pdftotext:6.0f} pages/s")
    print(f"kravcheck reader          {t_reader * 1000:7.1f} ms  {pages / t_reader:6.0f} pages/s")
    print(f"kravcheck parse (process) {t_cli * 1000:7.1f} ms  {pages / t_cli:6.0f} pages/s")
    print(f"ratio reader/pdftotext: {t_pdftotext / t_reader:.2f} (goal >= 0.50)")
    print(f"ratio process/pdftotext: {t_pdftotext / t_cli:.2f}")


if __name__ == "__main__":
    main()
