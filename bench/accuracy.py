"""Benchmark: `kravcheck check` against the labelled provider submissions.

Run from the repository root: `python bench/accuracy.py [--set submissions|heldout|all] [--verbose]`.

Each submission under fixtures/submissions/ (the tuning corpus) or fixtures/heldout/ (written
separately, never tuned on) has a labels.yaml (format: fixtures/submissions/README.md) giving the
true status of krav and elements, with the quote that decides it. The check runs on the
submission's rendered documents and its verdicts are compared with the labels:

- status accuracy, per-status precision and recall, the confusion matrix;
- the false-met rate: of the labels that are truly missing or contradicted, the share the check
  reports as met (the worst error: it tells staff a krav is fulfilled when it is not);
- quote accuracy: of the correct met/partial/contradicted verdicts, the share whose evidence
  includes the labelled passage (one quote holds the other, or they agree to rapidfuzz
  partial_ratio >= 90 after whitespace normalisation).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml
from rapidfuzz import fuzz

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from kravcheck.catalogue import load_catalogue  # noqa: E402
from kravcheck.check import check_submission  # noqa: E402
from kravcheck.readers import read_document  # noqa: E402

STATUSES = ("met", "partial", "missing", "contradicted", "not_applicable")
SETS = {"submissions": [REPO / "fixtures" / "submissions"], "heldout": [REPO / "fixtures" / "heldout"]}
SETS["all"] = SETS["submissions"] + SETS["heldout"]
QUOTE_MATCH = 90


@dataclass
class Outcome:
    submission: str
    id: str
    truth: str
    predicted: str
    gold_quote: str | None
    quotes: list[str]
    reason: str

    @property
    def quote_found(self) -> bool:
        gold = _norm(self.gold_quote or "")
        return any(
            gold in quote or quote in gold or fuzz.partial_ratio(gold, quote) >= QUOTE_MATCH
            for quote in map(_norm, self.quotes)
        )


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def evaluate(directory: Path, catalogue_cache: dict) -> tuple[list[Outcome], float]:
    labels = yaml.safe_load((directory / "labels.yaml").read_text(encoding="utf-8"))
    catalog_path = REPO / labels["catalog"]
    catalogue = catalogue_cache.setdefault(catalog_path, load_catalogue(catalog_path))
    started = time.perf_counter()
    documents = [read_document(directory / name) for name in labels["documents"]]
    report = check_submission(catalogue, documents)
    elapsed = time.perf_counter() - started
    verdicts = report.by_id()
    outcomes = []
    for label in labels["labels"]:
        verdict = verdicts.get(label["id"])
        if verdict is None:
            raise SystemExit(f"{directory.name}: {label['id']} is not in the catalogue")
        outcomes.append(
            Outcome(
                directory.name,
                label["id"],
                label["status"],
                str(verdict.status),
                label.get("quote"),
                [e.quote for e in verdict.evidence],
                verdict.reason,
            )
        )
    return outcomes, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=sorted(SETS), default="submissions")
    parser.add_argument("--verbose", action="store_true", help="list every wrong verdict")
    args = parser.parse_args()

    directories = sorted(d for root in SETS[args.set] for d in root.iterdir() if (d / "labels.yaml").exists())
    cache: dict = {}
    outcomes: list[Outcome] = []
    for directory in directories:
        found, elapsed = evaluate(directory, cache)
        right = sum(o.truth == o.predicted for o in found)
        print(f"{directory.parent.name}/{directory.name}: {right}/{len(found)} correct, check {elapsed:.2f} s")
        outcomes.extend(found)
    report(outcomes, args.verbose)


def report(outcomes: list[Outcome], verbose: bool) -> None:
    total = len(outcomes)
    if not total:
        raise SystemExit("no labelled submissions found")
    correct = sum(o.truth == o.predicted for o in outcomes)
    print(f"\nlabels: {total} in {len({o.submission for o in outcomes})} submissions")
    print(f"status accuracy    {correct / total:.3f}  (goal >= 0.90)")

    not_met = [o for o in outcomes if o.truth in ("missing", "contradicted")]
    false_met = sum(o.predicted == "met" for o in not_met)
    print(f"false-met rate     {false_met / max(len(not_met), 1):.3f}  ({false_met} of {len(not_met)} missing/contradicted; goal <= 0.02)")

    quoted = [o for o in outcomes if o.truth == o.predicted and o.truth in ("met", "partial", "contradicted") and o.gold_quote]
    found = sum(o.quote_found for o in quoted)
    print(f"quote accuracy     {found / max(len(quoted), 1):.3f}  ({found} of {len(quoted)} correct met/partial/contradicted; goal >= 0.90)")

    print("\nstatus          precision  recall  labels")
    for status in STATUSES:
        predicted = sum(o.predicted == status for o in outcomes)
        actual = sum(o.truth == status for o in outcomes)
        hits = sum(o.predicted == status == o.truth for o in outcomes)
        precision = f"{hits / predicted:.3f}" if predicted else "  -  "
        recall = f"{hits / actual:.3f}" if actual else "  -  "
        print(f"{status:15} {precision:>9}  {recall:>6}  {actual:6}")

    matrix = Counter((o.truth, o.predicted) for o in outcomes)
    print("\nconfusion (rows: truth, columns: predicted)")
    print(" " * 15 + "".join(f"{s[:12]:>13}" for s in STATUSES))
    for truth in STATUSES:
        print(f"{truth:15}" + "".join(f"{matrix[truth, predicted]:13}" for predicted in STATUSES))

    if verbose:
        print("\nwrong verdicts:")
        for o in outcomes:
            if o.truth != o.predicted:
                print(f"  {o.submission} {o.id}: truth {o.truth}, predicted {o.predicted} — {o.reason}")
                if o.gold_quote:
                    print(f"      gold quote: {o.gold_quote[:140]}")
                for quote in o.quotes[:1]:
                    print(f"      our quote:  {quote[:140]}")
        print("\nright verdict, other passage:")
        for o in quoted:
            if not o.quote_found:
                print(f"  {o.submission} {o.id} ({o.truth}): gold {o.gold_quote[:80]!r} / ours {o.quotes[0][:80] if o.quotes else None!r}")


if __name__ == "__main__":
    main()
