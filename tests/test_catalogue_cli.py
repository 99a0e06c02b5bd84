"""`kravcheck extract`, `extract --update`, `catalog validate` and `catalog show`, end to end."""

from __future__ import annotations

import os
import re

import pytest
from ruamel.yaml import YAML

from kravcheck.catalogue import load_catalogue, write_atomic

from .conftest import REPO, SEED_2026
from .test_cli_parse import kravcheck

SHIPPED = REPO / "requirements_catalog"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    target = tmp_path_factory.mktemp("katalog") / "2026.yaml"
    result = kravcheck("extract", str(SEED_2026), "--region", "norrbotten", "--year", "2026", "-o", str(target))
    assert result.returncode == 0, result.stderr
    return target


def test_extract_writes_a_valid_catalogue_with_stable_ids(extracted, tmp_path):
    catalogue = load_catalogue(extracted)
    assert (catalogue.region, catalogue.year) == ("norrbotten", 2026)
    assert len(catalogue.krav) > 150
    assert all(re.fullmatch(r"NB26-[0-9.\-]+-\d\d", k.id) for k in catalogue.krav)
    assert kravcheck("catalog", "validate", str(extracted)).returncode == 0
    again = tmp_path / "again.yaml"
    kravcheck("extract", str(SEED_2026), "--region", "norrbotten", "--year", "2026", "-o", str(again))
    assert [(k.id, k.fingerprint) for k in load_catalogue(again).krav] == [(k.id, k.fingerprint) for k in catalogue.krav]


def test_extract_refuses_to_overwrite(extracted):
    before = extracted.read_bytes()
    result = kravcheck("extract", str(SEED_2026), "--region", "norrbotten", "--year", "2026", "-o", str(extracted))
    assert result.returncode == 2 and "--update" in result.stderr
    assert extracted.read_bytes() == before


def test_update_keeps_curation_flags_changes_and_marks_removed(extracted, tmp_path):
    yaml = YAML()
    data = yaml.load(extracted.read_text(encoding="utf-8"))
    curated = next(k for k in data["krav"] if k["text"] == "Den fasta läkarkontakten ska:")
    curated["verifikat"] = "Rutin för fast läkarkontakt"
    curated["evidence_terms"] = ["namngiven läkare", "husläkare"]
    curated["elements"][0]["shown_by"] = ["utredning, diagnos och behandling"]  # an item kept when another is reworded
    curated.yaml_add_eol_comment("kurerad av avtalskontrollen", "verifikat")
    rejected = next(k for k in data["krav"] if k["text"].startswith("Primärvårdens akutuppdrag"))
    rejected["status"] = "rejected"  # a curator: no krav on the provider
    corrected = next(k for k in data["krav"] if k["text"].startswith("Beslutade ändringar ska meddelas"))
    corrected["party"] = "region"
    catalogue = tmp_path / "2026.yaml"
    with catalogue.open("w", encoding="utf-8") as fh:
        yaml.dump(data, fh)
    # Next year's text: one krav reworded, one removed.
    source = SEED_2026.read_text(encoding="utf-8")
    source = source.replace("erbjudas inom tre dagar", "erbjudas inom två dagar")
    source = source.replace("Vägleda patienten i kontakter med övrig", "Vägleda patienten i alla kontakter med övrig")
    source = source.replace("Fasta vårdkontakter ska registreras i journalsystem \nenligt gällande rutin.", "")
    revised = tmp_path / "bestallning.txt"
    revised.write_text(source, encoding="utf-8")

    result = kravcheck("extract", str(revised), "--region", "norrbotten", "--year", "2026", "-o", str(catalogue), "--update")
    assert result.returncode == 0, result.stderr
    assert "2 ändrade" in result.stderr and "1 borttagna" in result.stderr
    text = catalogue.read_text(encoding="utf-8")
    assert "# kurerad av avtalskontrollen" in text
    merged = {k.text: k for k in load_catalogue(catalogue).krav}
    assert merged["Den fasta läkarkontakten ska:"].verifikat == "Rutin för fast läkarkontakt"
    assert merged["Den fasta läkarkontakten ska:"].evidence_terms == ["namngiven läkare", "husläkare"]
    items = merged["Den fasta läkarkontakten ska:"].elements
    assert items[0].shown_by == ["utredning, diagnos och behandling"]
    assert items[1].text.startswith("Vägleda patienten i alla kontakter") and merged["Den fasta läkarkontakten ska:"].review == "changed"
    changed = merged["Om medicinsk bedömning behövs ska denna erbjudas inom två dagar."]
    assert changed.review == "changed" and changed.parameters[0].value == 2
    removed = merged["Fasta vårdkontakter ska registreras i journalsystem enligt gällande rutin."]
    assert removed.status == "removed"
    kept = [k for text, k in merged.items() if text.startswith(("Primärvårdens akutuppdrag", "Beslutade ändringar"))]
    assert [(k.status, k.party) for k in kept] == [("rejected", "provider"), ("active", "region")]
    assert list(tmp_path.glob("2026.yaml.*.bak"))
    # A changed krav keeps its place: the merged catalogue follows the source's order.
    fresh = tmp_path / "fresh.yaml"
    kravcheck("extract", str(revised), "--region", "norrbotten", "--year", "2026", "-o", str(fresh))
    active = [k.text for k in load_catalogue(catalogue).krav if k.status != "removed"]
    assert active == [k.text for k in load_catalogue(fresh).krav]


def test_validate_reports_line_numbers_duplicates_and_unknown_topics(extracted, tmp_path):
    lines = extracted.read_text(encoding="utf-8").splitlines()
    first_modality = next(i for i, line in enumerate(lines) if line.strip() == "modality: ska")
    lines[first_modality] = lines[first_modality].replace("ska", "kanske")
    first_topics = next(i for i, line in enumerate(lines) if line.strip().startswith("topics: ["))
    lines[first_topics] = "    topics: [okänt_ämne]"
    ids = [i for i, line in enumerate(lines) if line.strip().startswith("- id: NB26-")]
    lines[ids[1]] = lines[ids[0]]
    broken = tmp_path / "broken.yaml"
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = kravcheck("catalog", "validate", str(broken))
    assert result.returncode == 1
    assert f"rad {first_modality + 1}: krav[0].modality: ogiltigt värde 'kanske'" in result.stdout
    assert "okänt ämne 'okänt_ämne'" in result.stdout
    assert "dubblett-ID" in result.stdout


def test_show_filters_by_topic_and_section(extracted):
    result = kravcheck("catalog", "show", str(extracted), "--topic", "fast_lakarkontakt")
    assert result.returncode == 0
    assert "Den fasta läkarkontakten ska:" in result.stdout
    assert "Patientnämnden" not in result.stdout
    section = kravcheck("catalog", "show", str(extracted), "--section", "2.1.15")
    assert "Besvara ärenden inom fyra veckor" in section.stdout and "2.1.14" not in section.stdout


@pytest.mark.parametrize("path", sorted(SHIPPED.glob("*/*.yaml")), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_shipped_catalogues_validate(path):
    result = kravcheck("catalog", "validate", str(path))
    assert result.returncode == 0, result.stdout


def test_shipped_2022_catalogue_states_the_basutbud_and_the_four_hours():
    catalogue = load_catalogue(SHIPPED / "norrbotten" / "2022.yaml")
    assert catalogue.coverage == "partial"
    basutbud = next(k for k in catalogue.krav if k.section == "4.32.1" and "basutbudet" in k.text)
    assert [e.text for e in basutbud.elements] == ["Förnya recept", "Kontakta mig", "Av/omboka tid", "Beställa tid", "Rådgivning"]
    (phone,) = [k for k in catalogue.krav if k.section == "4.4"]
    assert [(p.value, str(p.unit), str(p.comparator)) for p in phone.parameters] == [(4, "hour", "<=")]
    chat = next(k for k in catalogue.krav if k.section == "4.32")
    assert "digital_basutbud" in chat.topics and chat.parameters[0].value == "2022-12-31"


def test_atomic_writes_keep_the_mode_of_the_file_they_replace_or_follow_the_umask(tmp_path):
    fresh = tmp_path / "rapport.html"
    write_atomic(fresh, "<p>ny</p>")
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's 0600
    fresh.chmod(0o640)
    write_atomic(fresh, b"binary")
    assert (fresh.stat().st_mode & 0o777, fresh.read_bytes()) == (0o640, b"binary")
