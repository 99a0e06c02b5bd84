"""Benchmark: rendering a check report of the full 2026 catalogue as HTML, XLSX and DOCX.

Run from the repository root: `python bench/report_speed.py`. Checks the fixture submission
Bergnäset (its application, DOCX, and annual report, PDF) once, then renders the report in each
format: the first render (imports and template compilation included, as in one `kravcheck check`)
and the best of five. Prints the times (goal: under 1 s each) and the files' sizes (goal: the
HTML under 1 MB).
"""

from __future__ import annotations

import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CATALOGUE = REPO / "requirements_catalog" / "norrbotten" / "2026.yaml"
SUBMISSION = sorted((REPO / "fixtures" / "submissions" / "bergnaset").glob("bergnaset_*.*"))
FORMATS = ("html", "xlsx", "docx")
RUNS = 5


def main() -> None:
    from kravcheck.catalogue import load_catalogue
    from kravcheck.check import check_submission
    from kravcheck.readers import read_document

    catalogue = load_catalogue(CATALOGUE)
    report = check_submission(catalogue, [read_document(path) for path in SUBMISSION]).to_dict()
    from kravcheck.reports import render
    from kravcheck.reports.common import walk

    rows = sum(1 for top in report["krav"] for _ in walk(top))
    print(f"report: {len(report['krav'])} krav ({rows} rows with their elements) of {CATALOGUE.relative_to(REPO)}, "
          f"submission {', '.join(path.name for path in SUBMISSION)}")
    for fmt in FORMATS:
        started = time.perf_counter()
        output = render(report, fmt)
        first = time.perf_counter() - started
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            render(report, fmt)
            times.append(time.perf_counter() - started)
        size = len(output.encode("utf-8") if isinstance(output, str) else output)
        print(f"{fmt:5} first {first:.3f} s, best of {RUNS} {min(times):.3f} s, {size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
