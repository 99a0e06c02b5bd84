"""Time `kravcheck diff` of two full catalogues (goal: under 1 s each, issue 6).

    python bench/diff_speed.py

Diffs the curated norrbotten 2022 and 2026 catalogues, and the catalogue extracted from the
fixture pair's 2025 text against the one from the 2026 seed (extraction itself is not timed: it is
`extract`'s cost, not the diff's). Prints the best of five runs each, after one warm-up run that
pays the imports (scipy, rapidfuzz) once, as a command does.
"""

from __future__ import annotations

import time
from pathlib import Path

from kravcheck.catalogue import load_catalogue
from kravcheck.diff import diff_catalogues
from kravcheck.extract import extract_catalogue

REPO = Path(__file__).resolve().parents[1]
SEED_2026 = REPO.parent / "shared" / "seeds" / "002_4b1a42cf4b10fe33.txt"
RUNS = 5


def best_of(old, new) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        diff_catalogues(old, new).to_dict()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    catalogues = REPO / "requirements_catalog" / "norrbotten"
    pairs = {
        "norrbotten 2022 → 2026 (katalog)": (load_catalogue(catalogues / "2022.yaml"), load_catalogue(catalogues / "2026.yaml")),
        "fixtur 2025 → 2026 (extraherad)": (
            extract_catalogue(REPO / "fixtures" / "diff" / "bestallning_2025.txt", "norrbotten", 2025),
            extract_catalogue(SEED_2026, "norrbotten", 2026),
        ),
    }
    start = time.perf_counter()
    diff_catalogues(*pairs["norrbotten 2022 → 2026 (katalog)"])
    print(f"first diff, imports included: {time.perf_counter() - start:.3f} s")
    for name, (old, new) in pairs.items():
        print(f"{name}: {len(old.krav)} × {len(new.krav)} krav, {best_of(old, new):.3f} s (goal < 1 s)")


if __name__ == "__main__":
    main()
