"""Time `kravcheck lint` on the 2026 Beställning, parsing excluded: the seed text and the fixture
PDF. Goal (issue 7): under 1 s for a 60-page document after parsing.

The 60 pages are the fixture PDF's 23 read three times over (its blocks repeated, each copy on
pages of its own): the Beställning is the longest real document at hand.

Prints, per document, the first lint in a fresh process (spaCy's import and the lemma table
included, as a `kravcheck lint` run pays them) and the best of three further runs. Each cold run
is a subprocess of its own, so an earlier run cannot warm it.

    python bench/lint_speed.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PDF = REPO / "fixtures" / "bestallning_2026.pdf"
DOCUMENTS = [(REPO.parent / "shared" / "seeds" / "002_4b1a42cf4b10fe33.txt", 1), (PDF, 1), (PDF, 3)]
RUNS = 3

_ONE_RUN = """
import dataclasses, sys, time
from kravcheck.lint import lint_document
from kravcheck.lint.config import default_config
from kravcheck.readers import read_document
doc = read_document(sys.argv[1])
copies = int(sys.argv[3])
if copies > 1:  # lead-in indices stay within their copy: each copy is shifted as a whole
    pages, count = doc.page_count or 0, len(doc.blocks)
    blocks = [
        dataclasses.replace(b, page=b.page and b.page + n * pages, lead_in=None if b.lead_in is None else b.lead_in + n * count)
        for n in range(copies) for b in doc.blocks
    ]
    doc = dataclasses.replace(doc, blocks=blocks, page_count=pages * copies)
times = []
for _ in range(1 + int(sys.argv[2])):
    start = time.perf_counter()
    findings = lint_document(doc, default_config())
    times.append(time.perf_counter() - start)
print(doc.page_count or "-", len(doc.blocks), len(findings), times[0], min(times[1:]))
"""


def main() -> None:
    print(f"{'document':<34} {'pages':>5} {'blocks':>6} {'findings':>8} {'cold s':>7} {'warm s':>7}")
    for path, copies in DOCUMENTS:
        out = subprocess.run([sys.executable, "-c", _ONE_RUN, str(path), str(RUNS), str(copies)], capture_output=True, text=True, check=True)
        pages, blocks, findings, cold, warm = out.stdout.split()
        name = path.name if copies == 1 else f"{path.name} × {copies}"
        print(f"{name:<34} {pages:>5} {blocks:>6} {findings:>8} {float(cold):>7.2f} {float(warm):>7.2f}")


if __name__ == "__main__":
    main()
