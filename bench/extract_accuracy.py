"""Benchmark: the krav extractor against the hand-labelled gold list of the 2026 seed.

Run from the repository root: `python bench/extract_accuracy.py [--verbose]`.

Krav and elements are compared as one flat list of items. An extracted item matches a gold item
when their texts agree (rapidfuzz ratio >= 85 on normalised text), one to one. Recall: matched
gold items / gold items. Precision: matched extracted items / extracted items that fall in the
gold list's scope (those that match a gold item or a listed non-krav, or that stand in a labelled
section). Modality and party accuracy are counted on matched items, section accuracy on matched
top-level krav. Also prints the extraction time of the whole seed, start-up included, measured in
a fresh process.
"""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml
from rapidfuzz import fuzz

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seeds" / "002_4b1a42cf4b10fe33.txt"
GOLD = REPO / "fixtures" / "gold" / "krav_2026.yaml"
MATCH = 85


@dataclass
class Item:
    text: str
    key: str  # what is compared: the text, plus the first element of a lead-in ("Leverantören ska:")
    modality: str
    party: str
    section: str | None
    top: bool  # a krav, not an element


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("\u00ad", "").split()).rstrip(".:")


def gold_items(gold: dict) -> list[Item]:
    items: list[Item] = []

    def add(entry: dict, parent: Item | None) -> None:
        elements = entry.get("elements") or []
        item = Item(
            entry["text"],
            entry["text"] + (" " + elements[0]["text"] if elements and entry["text"].endswith(":") else ""),
            entry.get("modality", parent.modality if parent else "ska"),
            entry.get("party", parent.party if parent else "provider"),
            str(entry.get("section", parent.section if parent else "")),
            parent is None,
        )
        items.append(item)
        for element in elements:
            add(element, item)

    for entry in gold["krav"]:
        add(entry, None)
    return items


def extracted_items(krav) -> list[Item]:
    items = []
    for top in krav:
        for k in top.walk():
            key = k.text + (" " + k.elements[0].text if k.elements and k.text.endswith(":") else "")
            items.append(Item(k.text, key, str(k.modality), str(k.party), top.section, k is top))
    return items


def match(extracted: list[Item], gold: list[Item]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching, best pairs first."""
    candidates = []
    gold_norm = [_norm(g.key) for g in gold]
    for i, item in enumerate(extracted):
        text = _norm(item.key)
        for j, other in enumerate(gold_norm):
            score = fuzz.ratio(text, other)
            if score >= MATCH:
                candidates.append((score, i, j))
    candidates.sort(reverse=True)
    used_i, used_j, pairs = set(), set(), []
    for _, i, j in candidates:
        if i not in used_i and j not in used_j:
            used_i.add(i)
            used_j.add(j)
            pairs.append((i, j))
    return pairs


def timed_extraction() -> float:
    code = (
        "import time; t=time.perf_counter();"
        "from kravcheck.extract import extract_catalogue;"
        f"extract_catalogue({str(SEED)!r}, 'norrbotten', 2026);"
        "print(time.perf_counter()-t)"
    )
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    from kravcheck.extract import extract_krav
    from kravcheck.readers import read_document

    verbose = "--verbose" in sys.argv
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    sections = {str(s) for s in gold["sections"]}
    gold_list = gold_items(gold)
    not_krav = [_norm(n["text"]) for n in gold.get("not_krav") or []]
    found = extracted_items(extract_krav(read_document(SEED)))

    pairs = match(found, gold_list)
    matched_found = {i for i, _ in pairs}
    matched_gold = {j for _, j in pairs}
    in_scope = [
        i
        for i, item in enumerate(found)
        if i in matched_found
        or item.section in sections
        or any(fuzz.ratio(_norm(item.text), n) >= MATCH for n in not_krav)
    ]
    precision = len(matched_found) / len(in_scope) if in_scope else 0.0
    recall = len(matched_gold) / len(gold_list)
    modality = sum(found[i].modality == gold_list[j].modality for i, j in pairs) / len(pairs)
    party = sum(found[i].party == gold_list[j].party for i, j in pairs) / len(pairs)
    top_pairs = [(i, j) for i, j in pairs if gold_list[j].top and found[i].top]
    section = sum(found[i].section == gold_list[j].section for i, j in top_pairs) / len(top_pairs)
    seconds = timed_extraction()

    print(f"gold: {len(gold_list)} krav and elements in {len(sections)} sections")
    print(f"extracted in scope: {len(in_scope)}, matched: {len(pairs)}")
    print(f"precision          {precision:.3f}  (goal >= 0.97)")
    print(f"recall             {recall:.3f}  (goal >= 0.97)")
    print(f"modality correct   {modality:.3f}  (goal >= 0.98)")
    print(f"party correct      {party:.3f}")
    print(f"section correct    {section:.3f}  (goal >= 0.95, top-level krav)")
    print(f"extraction of the whole seed, fresh process: {seconds:.2f} s  (goal < 2 s)")
    if verbose:
        print("\nmissed (gold, not extracted):")
        for j, item in enumerate(gold_list):
            if j not in matched_gold:
                print(f"  {item.section} {'K' if item.top else 'E'} {item.text[:110]}")
        print("\nspurious (extracted in scope, not in gold):")
        for i in in_scope:
            if i not in matched_found:
                print(f"  {found[i].section} {'K' if found[i].top else 'E'} {found[i].text[:110]}")
        print("\nwrong modality / party / section:")
        for i, j in pairs:
            f, g = found[i], gold_list[j]
            if (f.modality, f.party) != (g.modality, g.party) or (f.top and g.top and f.section != g.section):
                print(f"  {g.text[:70]!r}: {f.modality}/{f.party}/{f.section} vs gold {g.modality}/{g.party}/{g.section}")


if __name__ == "__main__":
    main()
