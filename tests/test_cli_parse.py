"""`kravcheck parse` end to end, as a user runs it: real files, exit codes, stdout and stderr."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import FIXTURES, REPO, SEED_2026


def kravcheck(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kravcheck", *args], capture_output=True, text=True, cwd=REPO, timeout=120
    )


def test_parse_pdf_json_has_blocks_with_marks():
    result = kravcheck("parse", str(FIXTURES / "bestallning_2026.pdf"))
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["kind"] == "pdf" and doc["page_count"] > 10 and len(doc["sha256"]) == 64
    blocks = doc["blocks"]
    assert {"kind", "text", "page", "section"} <= set(blocks[0])
    besvara = next(b for b in blocks if b["text"].startswith("Besvara ärenden inom fyra veckor"))
    assert besvara["section"] == "2.1.15" and besvara["kind"] == "list_item"
    assert [b["deleted"] for b in blocks if "deleted" in b] == [["fem"]]
    assert sum(1 for b in blocks if b.get("changed")) == 1


def test_parse_docx_reads_tracked_changes(expect):
    facts = expect["docx"]
    result = kravcheck("parse", str(FIXTURES / "bestallning_2026.docx"))
    assert result.returncode == 0, result.stderr
    blocks = json.loads(result.stdout)["blocks"]
    (marked,) = [b for b in blocks if b.get("inserted")]
    assert marked["text"] == facts["text"]  # the w:ins text is in, the w:del text is out
    assert marked["inserted"] == [facts["inserted"]]
    assert facts["deleted"] in marked["deleted"] and facts["deleted"] not in marked["text"]
    assert (marked["section"], marked["paragraph"], marked["changed"]) == (facts["section"], facts["paragraph"], True)
    struck = [b for b in blocks if facts["struck"] in b.get("deleted", [])]
    assert struck and all(facts["struck"] not in b["text"] for b in blocks)
    assert not [b for b in blocks if "Beställning Vårdval Primärvård 2026" == b["text"]]  # page header


def test_parse_markdown_of_the_seed():
    result = kravcheck("parse", str(SEED_2026), "--format", "md")
    assert result.returncode == 0, result.stderr
    assert "### 2.1.15 Patientnämnden" in result.stdout
    assert "  - Bemöter patientens frågor." in result.stdout


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("encrypted.pdf", ["krypterad"]),
        ("image_only.pdf", ["OCR", "ocrmypdf"]),
        ("garbage.pdf", ["trasig"]),
        ("corrupt.docx", ["DOCX"]),
        ("not_word.docx", ["DOCX"]),
        ("empty.pdf", ["tom"]),
        ("empty.txt", ["tom"]),
        ("notes.odt", ["stöds inte", ".odt"]),
    ],
)
def test_bad_input_is_one_line_and_exit_2(name, words):
    result = kravcheck("parse", str(FIXTURES / "broken" / name))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert all(word in lines[0] for word in words), lines[0]


def test_missing_path_and_directory(tmp_path):
    missing = kravcheck("parse", str(tmp_path / "finns-inte.pdf"))
    folder = kravcheck("parse", str(tmp_path))
    assert (missing.returncode, folder.returncode) == (2, 2)
    assert "finns inte" in missing.stderr and "mapp" in folder.stderr


def test_unreadable_file(tmp_path, monkeypatch):
    # Root reads any file, so the permission error is raised by hand.
    from pathlib import Path

    from kravcheck.errors import InputError
    from kravcheck.readers import read_document

    locked = tmp_path / "låst.txt"
    locked.write_text("Leverantören ska.", encoding="utf-8")

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InputError, match="går inte att läsa"):
        read_document(locked)


def test_usage_error_exits_2():
    result = kravcheck("parse", str(SEED_2026), "--format", "xml")
    assert result.returncode == 2
