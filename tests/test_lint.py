"""`kravcheck lint`: the 2026 seed's real drafting faults, the fixtures' faults, each rule's
documented examples, configuration, suppression, output formats and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from kravcheck.lint import Level, lint_document
from kravcheck.lint.config import default_config, load_config
from kravcheck.lint.output import render_json, render_text
from kravcheck.lint.rules import rule_specs
from kravcheck.lint.sarif import render_sarif
from kravcheck.readers import read_document

from .conftest import FIXTURES, REPO, SEED_2026

LINT = FIXTURES / "lint"
CATALOGUE_2026 = REPO / "requirements_catalog" / "norrbotten" / "2026.yaml"
SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"

# Every fault of the linted kinds that a careful reading of the 2026 seed finds (source line, rule).
# The seed is a two-column PDF extraction: the order of its headings is the extraction's, so
# sections standing out of order (2.1.6 before 2.1.5, 2.4.2 after 2.5.1, …) are not listed.
SEED_FAULTS = [
    (925, "krav-without-subject"),  # 2.2.2.3 "Ska säkerställa att underleverantören följer …"
    (933, "krav-without-subject"),  # 2.2.2.3 "Ska kontinuerligt följa upp underleverantörens …"
    (1001, "section-numbering"),  # 2.2.2 is followed by 2.2.5: 2.2.3 and 2.2.4 are missing
    (1226, "section-numbering"),  # 2.5.3-2.5.5 is followed by 2.5.9; the seed's text breaks off in between
    (1327, "undefined-abbreviation"),  # "STI-sjukdomar"
    (1369, "undefined-abbreviation"),  # "vård på SANKS i Karasjok"
    (1391, "undefined-abbreviation"),  # "MRB-screening"
    (1513, "section-numbering"),  # 2.6 goes on with 2.6.2: there is no 2.6.1
    (1553, "conflicting-modality"),  # 2.6.4 "Denne bör ska vara specialist i allmänmedicin"
    (1875, "outdated-reference"),  # 3.4.4 socialtjänstlagen (2001:453), replaced on 2025-07-01
    (2083, "undefined-abbreviation"),  # 3.5.8 "KVÅ-kod"
    (2129, "dangling-reference"),  # 3.6.2 "För barn och unga se separat avsnitt." (there is none)
    (2219, "section-numbering"),  # 3.6 is followed by 3.9: 3.7 and 3.8 are missing
    (2417, "section-numbering"),  # 3.12 and 3.14, no 3.13
]


def kravcheck(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kravcheck", *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def found(findings, minimum: Level = Level.INFO) -> list[tuple[int | None, str]]:
    return [(f.line if f.line is not None else f.paragraph, f.rule) for f in findings if f.level.rank >= minimum.rank]


@pytest.fixture(scope="module")
def seed_findings(seed_2026):
    return lint_document(seed_2026, default_config())


def test_seed_yields_every_real_fault_and_no_false_one(seed_findings):
    assert found(seed_findings, Level.WARNING) == SEED_FAULTS


def test_seed_conflicting_modality_is_at_the_right_place(seed_findings):
    [finding] = [f for f in seed_findings if f.rule == "conflicting-modality"]
    assert (finding.line, finding.level, finding.text) == (1553, Level.ERROR, "bör ska")
    assert "Denne bör ska vara" in SEED_2026.read_text(encoding="utf-8").splitlines()[finding.line - 1]


def test_seed_lix_per_section_and_vague_krav_are_info(seed_findings):
    lix = [f for f in seed_findings if f.rule == "readability"]
    assert len(lix) > 30 and all(f.level is Level.INFO and f.message.startswith("LIX ") for f in lix)
    vague = {f.text.lower() for f in seed_findings if f.rule == "unverifiable-krav"}
    assert {"i god tid", "vid behov", "väl förtrogen", "regelbundet"} <= vague


@pytest.mark.parametrize("rule", list(rule_specs()))
def test_documented_examples(rule, tmp_path):
    """Each rule's example in data/lint_rules.yaml hits, and its counter-example does not."""
    spec = rule_specs()[rule]
    config = default_config()
    for name, text, expected in (("hit", spec.hit, True), ("ok", spec.ok, False)):
        path = tmp_path / f"exempel_{name}.txt"
        path.write_text(text, encoding="utf-8")
        rules = {f.rule for f in lint_document(read_document(path), config)}
        assert (rule in rules) is expected, f"{rule} {name}: {sorted(rules)}"


def test_draft_bestallning_fixture():
    findings = lint_document(read_document(LINT / "bestallning_utkast.txt"), default_config())
    assert found(findings) == [
        (25, "dangling-reference"),  # bilaga 4; bilaga 2 on line 24 is listed
        (26, "dangling-reference"),  # avsnitt 2.5; avsnitt 2.2 on the same line exists
        (27, "inconsistent-term"),
        (31, "conflicting-modality"),
        (33, "krav-without-subject"),
        (34, "undefined-abbreviation"),  # KVÅ; SIP is written out, LOV defined, IT known
        (36, "readability"),
        (38, "long-sentence"),
        (41, "section-numbering"),  # 2.3 after 2.4
        (43, "unverifiable-krav"),
        (45, "section-numbering"),  # 2.5 missing
    ]


def test_routines_with_and_without_metadata():
    without = lint_document(read_document(LINT / "rutin_utan_metadata.txt"), default_config())
    assert found(without) == [(1, "missing-metadata")]
    assert "datum, version och ansvarig person" in without[0].message
    with_metadata = lint_document(read_document(LINT / "rutin_med_metadata.txt"), default_config())
    assert found(with_metadata, Level.WARNING) == []  # the invalid number, and the silenced valid one


def test_text_marker_silences_the_next_block(tmp_path):
    unmarked = tmp_path / "rutin.txt"
    text = (LINT / "rutin_med_metadata.txt").read_text(encoding="utf-8")
    unmarked.write_text(text.replace("<!-- kravcheck: ignore personal-identity-number -->\n", ""), encoding="utf-8")
    [finding] = [f for f in lint_document(read_document(unmarked), default_config()) if f.rule == "personal-identity-number"]
    assert finding.text == "19121212-XXXX" and "19121212-1212" not in finding.message


def test_application_docx_fixture():
    doc = read_document(LINT / "ansokan.docx")
    findings = lint_document(doc, default_config(), catalogue_year=2026)
    by_rule = [(f.rule, f.text) for f in findings if f.level.rank >= Level.WARNING.rank]
    assert by_rule == [
        ("placeholder", "Ansvarig"),  # the empty table field
        ("outdated-reference", "Beställning Vårdval primärvård 2025"),  # not the 2026 one after it
        ("outdated-reference", "1982:763"),
        ("personal-identity-number", "811218-XXXX"),  # 811218-9875 (wrong check digit) and 556677-8899 are not
        ("personal-identity-number", "701063-XXXX"),  # samordningsnummer
        ("placeholder", "[fyll i antal]"),  # the "XXX" after it carries a Word comment that silences it
    ]
    assert all(f.paragraph is not None and f.line is None for f in findings)


@pytest.mark.parametrize("number, kind", [
    ("121212-1212", "personnummer"),
    ("121212+1212", "personnummer"),
    ("191212121212", "personnummer"),
    ("19121212-1212", "personnummer"),
    ("701063-2342", "samordningsnummer"),
    ("121212-1213", None),  # wrong check digit
    ("1212121212", None),  # ten digits without a separator: a telephone number as often as not
    ("19121212+1212", None),
    ("121312-1212", None),  # no thirteenth month
])
def test_personal_identity_number_forms(number, kind, tmp_path):
    path = tmp_path / "inlamning.txt"
    path.write_text(f"Uppgift i journalen: {number} sökte vård.\n", encoding="utf-8")
    messages = [f.message for f in lint_document(read_document(path), default_config()) if f.rule == "personal-identity-number"]
    assert [m.split(" ")[0] for m in messages] == ([kind] if kind else [])


def test_config_disables_sets_levels_and_extends_lists(tmp_path):
    (tmp_path / "kravcheck.toml").write_text(
        '[lint]\ndisable = ["readability"]\n\n'
        '[lint.rules.conflicting-modality]\nlevel = "warning"\n\n'
        '[lint.rules.undefined-abbreviation]\nknown = ["KVÅ"]\n\n'
        '[lint.rules.long-sentence]\nmax_words = 20\n',
        encoding="utf-8",
    )
    config = load_config(None, tmp_path)
    findings = lint_document(read_document(LINT / "bestallning_utkast.txt"), config)
    rules = [f.rule for f in findings]
    assert "readability" not in rules and "undefined-abbreviation" not in rules
    assert rules.count("long-sentence") >= 1
    assert {f.level for f in findings if f.rule == "conflicting-modality"} == {Level.WARNING}
    assert "EU" in config.options["undefined-abbreviation"]["known"]  # the built-in list is kept


@pytest.mark.parametrize("toml, message", [
    ('[lint]\ndisable = ["no-such-rule"]\n', "okänd regel no-such-rule"),
    ('[lint.rules.long-sentence]\nlevel = "loud"\n', "level för long-sentence"),
    ('[lint.rules.long-sentence]\nmax_word = 3\n', "okänd inställning max_word"),
    ("[lint\n", "ogiltig TOML"),
])
def test_bad_config_is_an_input_error(toml, message, tmp_path):
    path = tmp_path / "kravcheck.toml"
    path.write_text(toml, encoding="utf-8")
    result = kravcheck("lint", str(LINT / "rutin_med_metadata.txt"), "--config", str(path))
    assert result.returncode == 2 and message in result.stderr
    assert result.stderr.startswith("kravcheck: fel: ") and "Traceback" not in result.stderr


def test_exit_codes_and_text_output(tmp_path):
    errors = kravcheck("lint", str(SEED_2026), "--min-level", "warning")
    assert errors.returncode == 1
    lines = errors.stdout.splitlines()
    assert f"{SEED_2026}:-:1553: conflicting-modality error ”bör ska”" in "\n".join(lines)
    assert len(lines) == len(SEED_FAULTS) and "2 fel, 12 varningar" in errors.stderr
    clean = kravcheck("lint", str(LINT / "rutin_utan_metadata.txt"))
    assert clean.returncode == 0 and ":-:1: missing-metadata warning" in clean.stdout
    missing = kravcheck("lint", str(tmp_path / "saknas.txt"))
    assert missing.returncode == 2 and missing.stderr.startswith("kravcheck: fel: ")


def test_catalog_year_and_json_output():
    result = kravcheck("lint", str(LINT / "ansokan.docx"), "--catalog", str(CATALOGUE_2026), "--format", "json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["summary"] == {"error": 4, "warning": 2, "info": 1}
    first = data["findings"][0]
    assert set(first) == {"rule", "level", "file", "page", "line", "paragraph", "message", "text"}
    assert any(f["text"] == "Beställning Vårdval primärvård 2025" for f in data["findings"])


def test_sarif_validates_against_the_schema(seed_findings):
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    docx_findings = lint_document(read_document(LINT / "ansokan.docx"), default_config(), 2026)
    config = default_config()
    for findings in (seed_findings, docx_findings, []):
        log = json.loads(render_sarif(findings, rule_specs(), config.levels))
        jsonschema.Draft4Validator(schema).validate(log)
        assert len(log["runs"][0]["results"]) == len(findings)
    log = json.loads(render_sarif(seed_findings, rule_specs(), config.levels))
    result = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "conflicting-modality")
    assert result["level"] == "error"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 1553
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules[result["ruleIndex"]]["id"] == "conflicting-modality"


def test_renderers_agree(seed_findings):
    text = render_text(seed_findings).splitlines()
    data = json.loads(render_json(seed_findings, [str(SEED_2026)]))
    assert len(text) == len(data["findings"]) == len(seed_findings)


def test_docs_describe_every_rule():
    docs = (REPO / "docs" / "lint.md").read_text(encoding="utf-8")
    assert all(f"`{rule}`" in docs for rule in rule_specs())
