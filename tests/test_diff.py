"""`kravcheck diff`: the fixture pair (the 2026 seed and a "2025" made from it with known edits,
fixtures/make_diff_pair.py), the shipped norrbotten 2022 and 2026 catalogues, change marks in the
DOCX fixture, and the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from kravcheck.catalogue import load_catalogue
from kravcheck.cli import app
from kravcheck.diff import diff_catalogues
from kravcheck.diff.changes import MATERIAL
from kravcheck.diff.sources import load_side

from .conftest import FIXTURES, REPO, SEED_2026

PAIR_2025 = FIXTURES / "diff" / "bestallning_2025.txt"
CATALOGUES = REPO / "requirements_catalog"
runner = CliRunner()


@pytest.fixture(scope="session")
def side_2025():
    return load_side(PAIR_2025)


@pytest.fixture(scope="session")
def pair_report(side_2025) -> dict:
    return diff_catalogues(side_2025.catalogue, load_side(SEED_2026).catalogue).to_dict()


@pytest.fixture(scope="session")
def edits() -> list[dict]:
    return yaml.safe_load((FIXTURES / "diff" / "edits.yaml").read_text(encoding="utf-8"))["edits"]


def _texts(change: dict) -> str:
    return " ".join(k["text"] for k in change["old"] + change["new"])


def _changes_for(report: dict, edit: dict) -> list[dict]:
    """The changes an edit explains: the krav with its phrase, or every krav of a renumbered chapter."""
    if edit["kinds"] == ["renumbered"]:
        return [c for c in report["changes"] if c["new"] and c["new"][0]["section"].startswith(edit["section_new"] + ".")
                or c["new"] and c["new"][0]["section"] == edit["section_new"]]
    return [c for c in report["changes"] if edit["match"] in _texts(c)]


def test_every_edit_of_the_fixture_pair_is_found_as_its_kind(pair_report, edits):
    for edit in edits:
        found = _changes_for(pair_report, edit)
        assert found, f"not found: {edit['note']}"
        for change in found:
            assert change["kinds"] == edit["kinds"], edit["note"]
            for side, key in (("old", "section_old"), ("new", "section_new")):
                if edit[key] and edit["kinds"] != ["renumbered"]:
                    assert change[side][0]["section"] == edit[key], edit["note"]


def test_the_fixture_pair_has_no_change_besides_the_edits(pair_report, edits):
    explained = {id(c) for edit in edits for c in _changes_for(pair_report, edit)}
    spurious = [(c["kinds"], _texts(c)[:80]) for c in pair_report["changes"] if id(c) not in explained]
    assert spurious == []
    material = sum(1 for edit in edits if set(edit["kinds"]) & MATERIAL)
    assert pair_report["summary"]["material"] == material
    assert pair_report["summary"]["renumbered"] == 4  # every krav of chapter 3.13, now 3.14


def test_figure_modality_and_list_changes_say_what_changed(pair_report):
    by_kind = {tuple(c["kinds"]): c for c in pair_report["changes"]}
    figure = by_kind[("figure",)]["figures"][0]
    assert (figure["old"]["value"], figure["new"]["value"], figure["direction"]) == (5, 3, "stricter")
    modality = by_kind[("modality",)]
    assert (modality["old"][0]["modality"], modality["new"][0]["modality"], modality["direction"]) == ("bör", "ska", "stricter")
    assert ["delete", "bör"] in modality["redline"] and ["insert", "ska"] in modality["redline"]
    assert by_kind[("elements",)]["elements"] == [{"old": None, "new": "hantera sin journal", "redline": []}]
    assert by_kind[("editorial",)]["material"] is False


def test_a_split_and_a_merge_name_every_part(pair_report):
    split = next(c for c in pair_report["changes"] if "split" in c["kinds"])
    assert [k["id"] for k in split["old"]] == ["NB25-2.1.2-02"]
    assert [k["id"] for k in split["new"]] == ["NB26-2.1.2-02", "NB26-2.1.2-03"]
    assert split["material"]  # "med en hållbarhetspolicy" became "Verksamheten ska ha en hållbarhetspolicy"
    merged = next(c for c in pair_report["changes"] if "merged" in c["kinds"])
    assert [k["id"] for k in merged["old"]] == ["NB25-2.1.8-02", "NB25-2.1.8-03"]
    assert [k["id"] for k in merged["new"]] == ["NB26-2.1.8-02"]
    assert not merged["material"]  # the same words, only regrouped
    assert ["insert", "och aktivt delta i"] in merged["redline"]


def test_changes_follow_the_new_document(pair_report):
    sections = [c["new"][0]["section"] for c in pair_report["changes"] if c["new"]]
    order = ["2.1.2", "2.1.8", "2.1.10", "2.1.12", "2.1.13", "2.1.13", "2.1.13", "3.9.3.2", "3.9.3.2", "3.14", "3.14", "3.14.2", "3.14.2"]
    assert sections == order
    removed = next(i for i, c in enumerate(pair_report["changes"]) if c["kinds"] == ["removed"])
    assert pair_report["changes"][removed - 1]["figures"]  # after "inom tre dagar", where it stood


def test_norrbotten_2022_to_2026_digital_services():
    old = load_catalogue(CATALOGUES / "norrbotten" / "2022.yaml")
    report = diff_catalogues(old, load_catalogue(CATALOGUES / "norrbotten" / "2026.yaml")).to_dict()
    by_old = {c["old"][0]["id"]: c for c in report["changes"] if c["old"]}
    # 2022: the 1177 basutbud of five services; 2026 lists what the digital contact must offer.
    basutbud = by_old["NB22-4.32.1-01"]
    assert basutbud["new"][0]["section"] == "3.9.3.2" and "elements" in basutbud["kinds"]
    removed = {e["old"] for e in basutbud["elements"] if e["new"] is None}
    added = {e["new"] for e in basutbud["elements"] if e["old"] is None}
    assert removed == {"Kontakta mig", "Beställa tid", "Rådgivning"}
    assert {"delta i videobesök", "kommunicera via chattfunktion", "hantera sin journal"} <= added
    assert not {"förnya recept", "Förnya recept"} & (removed | added)
    # 2022: chat and video "senast vid utgången av 2022"; 2026 sets no deadline any more.
    chat = by_old["NB22-4.32-01"]
    assert chat["new"][0]["id"] == "NB26-3.14.1-01"
    assert chat["figures"] == [{"old": chat["old"][0]["parameters"][0], "new": None, "direction": None}]
    # 2022: contact within four hours; no 2026 krav says so.
    assert by_old["NB22-4.4-01"]["kinds"] == ["removed"]
    assert report["old"]["coverage"] == "partial"


def test_marks_that_disagree_with_the_changes(side_2025):
    docx = load_side(FIXTURES / "bestallning_2026.docx", with_document=True)
    report = diff_catalogues(side_2025.catalogue, docx.catalogue, docx.document).to_dict()
    assert report["marks"]["present"]
    issues = [(d["issue"], d["text"]) for d in report["marks"]["disagreements"]]
    # The DOCX marks a paragraph of 1.1 that the 2025 text already had word for word ...
    assert ("mark_without_change", "Med det följer att det som inte görs dagtid, ska inte heller göras annan tid.") in issues
    # ... and none of the edits: each material change is one without a mark.
    assert ("change_without_mark", "Om medicinsk bedömning behövs ska denna erbjudas inom tre dagar.") in issues
    assert sum(issue == "change_without_mark" for issue, _ in issues) == report["summary"]["material"]


def test_cli_diff_markdown_reads_like_a_change_summary(tmp_path):
    out = tmp_path / "diff.md"
    result = runner.invoke(app, ["diff", str(PAIR_2025), str(SEED_2026), "--format", "md", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Ändringar norrbotten 2025 → norrbotten 2026")
    assert "erbjudas inom ~~fem~~ **tre** dagar." in text
    assert "- Kravnivå: bör → ska (skärpt)" in text
    assert "- Ny punkt: hantera sin journal" in text
    again = runner.invoke(app, ["diff", str(PAIR_2025), str(SEED_2026), "-o", str(out)])
    assert again.exit_code == 2 and "--force" in again.output


def test_cli_refuses_two_regions_without_cross_region():
    old, new = CATALOGUES / "norrtalje" / "2024.yaml", CATALOGUES / "norrbotten" / "2026.yaml"
    result = runner.invoke(app, ["diff", str(old), str(new)])
    assert result.exit_code == 2
    assert result.output.startswith("kravcheck: fel: olika regioner (norrtalje, norrbotten)")
    assert len(result.output.strip().splitlines()) == 1


def test_cli_cross_region_by_topic():
    old, new = CATALOGUES / "norrtalje" / "2024.yaml", CATALOGUES / "norrbotten" / "2026.yaml"
    result = runner.invoke(app, ["diff", "--cross-region", "--by", "topic", str(old), str(new), "-f", "json"])
    assert result.exit_code == 0, result.output
    topics = {t["topic"]: t for t in json.loads(result.output)["topics"]}
    # Norrtälje's listing rules (list back after moving, signed listing forms) have no Norrbotten twin.
    listing = topics["listning"]
    assert any("Listningsblanketten" in k["text"] for k in listing["only_old"])
    assert listing["only_new"]  # and Norrbotten's listing krav are not Norrtälje's
    compared = {k["id"] for t in topics.values() for k in t["only_old"] + [pair["old"] for pair in t["both"]]}
    assert compared == {k.id for k in load_catalogue(old).active}  # every active krav under some topic


def test_cli_diff_of_a_missing_file_is_one_line(tmp_path):
    result = runner.invoke(app, ["diff", str(tmp_path / "saknas.pdf"), str(SEED_2026)])
    assert result.exit_code == 2 and result.output.startswith("kravcheck: fel:")
