"""Time `kravcheck lint` on the 2026 Beställning, parsing excluded: the seed text and the fixture
PDF. Goal (issue 7): under 1 s for a 60-page document after parsing.

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
DOCUMENTS = [REPO.parent / "shared" / "seeds" / "002_4b1a42cf4b10fe33.txt", REPO / "fixtures" / "bestallning_2026.pdf"]
RUNS = 3

_ONE_RUN = """
import sys, time
from kravcheck.lint import lint_document
from kravcheck.lint.config import default_config
from kravcheck.readers import read_document
doc = read_document(sys.argv[1])
times = []
for _ in range(1 + int(sys.argv[2])):
    start = time.perf_counter()
    findings = lint_document(doc, default_config())
    times.append(time.perf_counter() - start)
print(doc.page_count or "-", len(doc.blocks), len(findings), times[0], min(times[1:]))
"""


def main() -> None:
    print(f"{'document':<34} {'pages':>5} {'blocks':>6} {'findings':>8} {'cold s':>7} {'warm s':>7}")
    for path in DOCUMENTS:
        out = subprocess.run([sys.executable, "-c", _ONE_RUN, str(path), str(RUNS)], capture_output=True, text=True, check=True)
        pages, blocks, findings, cold, warm = out.stdout.split()
        print(f"{path.name:<34} {pages:>5} {blocks:>6} {findings:>8} {float(cold):>7.2f} {float(warm):>7.2f}")


if __name__ == "__main__":
    main()
