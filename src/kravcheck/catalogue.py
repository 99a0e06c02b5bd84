"""The krav catalogue on disk: versioned YAML that is extracted, then curated by people.

The YAML is read and written with ruamel.yaml in round-trip mode, so that curators' comments,
key order and formatting survive a re-extraction (`--update`). Writes are atomic, and an update
keeps a timestamped backup of the file it replaces. Format: docs/catalogue.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from . import __version__
from .errors import InputError
from .krav import Comparator, Krav, Modality, Parameter, Party, Unit

FORMAT = "kravcheck-catalogue/1"
# Short codes for IDs ("NB26-2.1.11-03"); other regions use the first two letters.
REGION_CODES = {"norrbotten": "NB", "norrtalje": "NT", "stockholm": "ST", "vasterbotten": "VB", "skane": "SK"}
CURATED_FIELDS = ("verifikat", "evidence_terms", "shown_by", "applies_to", "notes")


@dataclass
class Catalogue:
    region: str
    year: int
    krav: list[Krav]
    title: str | None = None
    source_file: str | None = None
    source_sha256: str | None = None
    extracted: str | None = None
    kravcheck_version: str = __version__
    coverage: str = "complete"  # "partial" when the source states only some of the year's krav
    path: Path | None = None
    sha256: str | None = None

    @property
    def active(self) -> list[Krav]:
        return [k for k in self.krav if k.status == "active"]


@dataclass
class MergeSummary:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0


def _yaml() -> YAML:
    yaml = YAML()  # round-trip
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 100
    yaml.allow_unicode = True
    return yaml


# --- IDs and fingerprints -----------------------------------------------------------------


def id_prefix(region: str, year: int) -> str:
    return f"{REGION_CODES.get(region.lower(), region[:2].upper())}{year % 100:02d}"


def fingerprint(krav: Krav) -> str:
    """Content fingerprint: normalised text, modality and the elements' fingerprints."""
    from .extract import normalised_text

    children = "".join(fingerprint(e) for e in krav.elements)
    digest = hashlib.sha256(f"{normalised_text(krav.text)}|{krav.modality}|{children}".encode())
    return digest.hexdigest()[:16]


def assign_ids(prefix: str, krav: list[Krav], taken: set[str] | None = None) -> None:
    """`PREFIX-SECTION-NN` by order within the section, skipping IDs in `taken`; elements get
    `ID.1`, `ID.1.2`. The same text extracted again gets the same IDs."""
    taken = set() if taken is None else taken
    counters: dict[str, int] = {}
    for item in krav:
        section = item.section or "0"
        while True:
            counters[section] = counters.get(section, 0) + 1
            candidate = f"{prefix}-{section}-{counters[section]:02d}"
            if candidate not in taken:
                break
        taken.add(candidate)
        item.id = candidate
        _number_elements(item)
        item.fingerprint = fingerprint(item)


def _number_elements(parent: Krav) -> None:
    for number, element in enumerate(parent.elements, start=1):
        element.id = f"{parent.id}.{number}"
        _number_elements(element)


# --- to and from YAML ------------------------------------------------------------------------


def to_yaml_map(catalogue: Catalogue) -> CommentedMap:
    data = CommentedMap()
    data["format"] = FORMAT
    data["region"] = catalogue.region
    data["year"] = catalogue.year
    data["title"] = catalogue.title
    data["source"] = CommentedMap(file=catalogue.source_file, sha256=catalogue.source_sha256)
    data["extracted"] = catalogue.extracted
    data["kravcheck_version"] = catalogue.kravcheck_version
    data["coverage"] = catalogue.coverage
    data["krav"] = CommentedSeq(krav_to_map(k) for k in catalogue.krav)
    data.yaml_set_start_comment(
        "kravcheck krav catalogue (docs/catalogue.md). Curate verifikat, evidence_terms, shown_by,\n"
        "applies_to, notes and topics; `kravcheck extract --update` keeps them."
    )
    return data


def krav_to_map(krav: Krav, element: bool = False) -> CommentedMap:
    data = CommentedMap()
    data["id"] = krav.id
    if not element:
        data["section"] = krav.section
        data["section_title"] = krav.section_title
        data["page"] = krav.page
        data["line"] = krav.line
    data["text"] = krav.text
    data["modality"] = str(krav.modality)
    data["party"] = str(krav.party)
    if not element:
        data["topics"] = _flow(krav.topics)
    data["parameters"] = CommentedSeq(_parameter_map(p) for p in krav.parameters)
    data["references"] = _flow(krav.references)
    data["elements"] = CommentedSeq(krav_to_map(e, element=True) for e in krav.elements)
    if not element:
        data["verifikat"] = krav.verifikat
        data["evidence_terms"] = _flow(krav.evidence_terms)
        if krav.shown_by:
            data["shown_by"] = _flow(krav.shown_by)
        data["applies_to"] = _flow(krav.applies_to)
        data["notes"] = krav.notes
        data["fingerprint"] = krav.fingerprint
        data["status"] = krav.status
        if krav.review:
            data["review"] = krav.review
    else:
        for key in ("evidence_terms", "shown_by"):
            if getattr(krav, key):
                data[key] = _flow(getattr(krav, key))
    return data


def _flow(values: list[str]) -> CommentedSeq:
    seq = CommentedSeq(values)
    seq.fa.set_flow_style()
    return seq


def _parameter_map(parameter: Parameter) -> CommentedMap:
    data = CommentedMap(
        value=parameter.value, unit=str(parameter.unit), comparator=str(parameter.comparator), source=parameter.source
    )
    if parameter.what:
        data["what"] = parameter.what
    data.fa.set_flow_style()
    return data


def krav_from_map(data: dict, parent: Krav | None = None) -> Krav:
    krav = Krav(
        id=str(data["id"]),
        section=_str_or_none(data.get("section", parent.section if parent else None)),
        section_title=data.get("section_title", parent.section_title if parent else None),
        text=data["text"],
        modality=Modality(data.get("modality", parent.modality if parent else "ska")),
        party=Party(data.get("party", parent.party if parent else "provider")),
        page=data.get("page", parent.page if parent else None),
        line=data.get("line", parent.line if parent else None),
        topics=list(data.get("topics") or (parent.topics if parent else [])),
        parameters=[_parameter_from_map(p) for p in data.get("parameters") or []],
        references=list(data.get("references") or []),
        verifikat=data.get("verifikat"),
        evidence_terms=list(data.get("evidence_terms") or []),
        shown_by=list(data.get("shown_by") or []),
        applies_to=list(data.get("applies_to") or []),
        notes=data.get("notes"),
        fingerprint=data.get("fingerprint") or "",
        status=data.get("status", "active"),
        review=data.get("review"),
    )
    krav.elements = [krav_from_map(e, krav) for e in data.get("elements") or []]
    return krav


def _parameter_from_map(data: dict) -> Parameter:
    return Parameter(
        value=data["value"],
        unit=Unit(data["unit"]),
        comparator=Comparator(data["comparator"]),
        source=data.get("source", ""),
        what=data.get("what"),
    )


def _str_or_none(value) -> str | None:
    return None if value is None else str(value)


# --- files ---------------------------------------------------------------------------------


def read_yaml(path: Path, round_trip: bool = True) -> CommentedMap | dict:
    """The catalogue file's YAML. Round-trip (comments, order, styles kept) for files that will be
    written back; plain and about ten times faster (PyYAML's C loader) for files only read."""
    from ruamel.yaml.error import YAMLError as RoundTripError
    from yaml import YAMLError as PlainError

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InputError(f"katalogen finns inte: {path}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"katalogen går inte att läsa: {path}") from exc
    try:
        data = _yaml().load(text) if round_trip else _plain_load(text)
    except (RoundTripError, PlainError) as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (rad {mark.line + 1})" if mark is not None else ""
        raise InputError(f"katalogen är inte giltig YAML{where}: {path}") from exc
    if not isinstance(data, dict) or "krav" not in data:
        raise InputError(f"filen är ingen kravkatalog (nyckeln 'krav' saknas): {path}")
    return data


def _plain_load(text: str) -> dict:
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def load_catalogue(path: str | Path) -> Catalogue:
    path = Path(path)
    data = read_yaml(path, round_trip=False)
    try:
        source = data.get("source") or {}
        return Catalogue(
            region=str(data["region"]),
            year=int(data["year"]),
            title=data.get("title"),
            krav=[krav_from_map(k) for k in data.get("krav") or []],
            source_file=source.get("file"),
            source_sha256=source.get("sha256"),
            extracted=_str_or_none(data.get("extracted")),
            kravcheck_version=str(data.get("kravcheck_version", "")),
            coverage=str(data.get("coverage", "complete")),
            path=path,
            sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
        )
    except (KeyError, ValueError, TypeError) as exc:
        raise InputError(f"katalogen har fel form ({exc}); kör `kravcheck catalog validate {path}`") from exc


def dump_yaml(data: CommentedMap) -> str:
    buffer = io.StringIO()
    _yaml().dump(data, buffer)
    return buffer.getvalue()


def write_atomic(path: Path, text: str | bytes, backup: bool = False) -> Path | None:
    """Write `text` (or the bytes of a binary report) to `path` through a temporary file and a
    rename, so a crash never leaves half a file. With `backup`, the file replaced is first copied
    to PATH.YYYYMMDDTHHMMSS.bak."""
    path.parent.mkdir(parents=True, exist_ok=True)
    kept = None
    if backup and path.exists():
        stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
        kept = path.with_name(f"{path.name}.{stamp}.bak")
        shutil.copy2(path, kept)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        binary = isinstance(text, bytes)
        with os.fdopen(handle, "wb" if binary else "w", encoding=None if binary else "utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(path))  # mkstemp makes files only their owner can read
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return kept


def _mode_for(path: Path) -> int:
    """The permissions of the file being replaced, or those a new file gets under the umask:
    a report on a shared drive must stay readable by colleagues."""
    if path.exists():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


# --- re-extraction ---------------------------------------------------------------------------


def merge_update(existing: CommentedMap, fresh: Catalogue, prefix: str) -> MergeSummary:
    """Merge a fresh extraction into an existing (curated) catalogue, in place.

    Krav are matched by fingerprint, then by text similarity within the same section. A matched
    krav gets the fresh extracted fields and keeps its ID, its curated fields and its topics;
    when its text changed it is flagged `review: changed` (Doorstop's "suspect link"). New krav
    are added with fresh IDs; vanished krav are marked `status: removed`, never deleted.
    """
    from rapidfuzz import fuzz

    old_entries: list[CommentedMap] = list(existing["krav"])
    summary = MergeSummary()
    unmatched_old = {i: entry for i, entry in enumerate(old_entries)}
    # The old entry of each fresh krav, by the krav's position in the source: the merged
    # catalogue follows the source's order, whichever way a krav was matched.
    matched: dict[int, int] = {}
    by_print = {entry.get("fingerprint"): i for i, entry in unmatched_old.items()}
    for position, krav in enumerate(fresh.krav):
        index = by_print.get(krav.fingerprint)
        if index is not None and index in unmatched_old:
            del unmatched_old[index]
            matched[position] = index
    for position, krav in enumerate(fresh.krav):
        if position in matched:
            continue
        scored = [
            (fuzz.token_set_ratio(krav.text, entry["text"]) + (5 if str(entry.get("section")) == krav.section else 0), i)
            for i, entry in unmatched_old.items()
        ]
        best = max(scored, default=(0, None))
        if best[1] is not None and best[0] >= _SAME_TEXT:
            del unmatched_old[best[1]]
            matched[position] = best[1]

    taken = {str(entry["id"]) for entry in old_entries}
    merged = CommentedSeq()
    for position, krav in enumerate(fresh.krav):
        index = matched.get(position)
        if index is None:
            assign_ids(prefix, [krav], taken)
            merged.append(krav_to_map(krav))
            summary.added.append(krav.id)
            continue
        entry = old_entries[index]
        merged.append(entry)
        if _refresh(entry, krav):
            summary.changed.append(str(entry["id"]))
        else:
            summary.unchanged += 1
    for entry in unmatched_old.values():
        if entry.get("status") != "removed":
            entry["status"] = "removed"
            summary.removed.append(str(entry["id"]))
        merged.append(entry)
    existing["krav"] = merged
    existing["source"] = CommentedMap(file=fresh.source_file, sha256=fresh.source_sha256)
    existing["extracted"] = fresh.extracted
    existing["kravcheck_version"] = fresh.kravcheck_version
    return summary


def _refresh(entry: CommentedMap, krav: Krav) -> bool:
    """Give an existing entry the freshly extracted fields. True when the krav's content changed.

    Unchanged text: only its position follows the source, so a curator's corrections (modality,
    party, `status: rejected`) stay. Changed text: the extracted fields are refreshed and the
    entry is flagged for review. Curated fields and topics always stay."""
    krav.id = str(entry["id"])
    _number_elements(krav)
    krav.fingerprint = fingerprint(krav)
    changed = entry.get("fingerprint") != krav.fingerprint
    fresh = krav_to_map(krav)
    keys = _EXTRACTED_KEYS if changed else _POSITION_KEYS
    if changed:
        _keep_element_curation(entry.get("elements") or [], fresh["elements"])
    for key in keys:
        entry[key] = fresh[key]
    if changed or entry.get("status") == "removed":
        entry["status"] = "active"  # back in the source
    if changed:
        entry["review"] = "changed"
    return changed


def _keep_element_curation(old: list[CommentedMap], fresh: list[CommentedMap]) -> None:
    """Give the freshly extracted elements of a changed krav the curated fields of the old
    elements they match by text: one reworded item must not cost the others their curation."""
    from rapidfuzz import fuzz, process

    unmatched = list(old)
    for element in fresh:
        found = process.extractOne(element["text"], [o["text"] for o in unmatched], scorer=fuzz.token_set_ratio, score_cutoff=_SAME_TEXT)
        if found is None:
            continue
        best = unmatched.pop(found[2])
        for key in CURATED_FIELDS:
            if best.get(key):
                element[key] = best[key]
        _keep_element_curation(best.get("elements") or [], element["elements"])


_SAME_TEXT = 90  # rapidfuzz token_set_ratio from which two krav texts are one krav, reworded
_POSITION_KEYS = ("section", "section_title", "page", "line")
_EXTRACTED_KEYS = (*_POSITION_KEYS, "text", "modality", "party", "parameters", "references", "elements", "fingerprint")
