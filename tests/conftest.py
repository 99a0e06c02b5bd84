"""Shared paths and parsed documents. Parsing is done once per session: several tests read them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kravcheck.document import Block, Document
from kravcheck.readers import read_document

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "fixtures"
SEEDS = REPO.parent / "shared" / "seeds"
SEED_2026 = SEEDS / "002_4b1a42cf4b10fe33.txt"


@pytest.fixture(scope="session")
def seed_2026() -> Document:
    return read_document(SEED_2026)


@pytest.fixture(scope="session")
def pdf_2026() -> Document:
    return read_document(FIXTURES / "bestallning_2026.pdf")


@pytest.fixture(scope="session")
def expect() -> dict:
    return json.loads((FIXTURES / "bestallning_2026.expect.json").read_text(encoding="utf-8"))


def block_with(doc: Document, text: str) -> Block:
    """The one block whose text contains `text`; fails loudly when there is none or several."""
    found = [block for block in doc.blocks if text in block.text]
    assert len(found) == 1, f"{len(found)} blocks contain {text!r}"
    return found[0]


def section_title(doc: Document, number: str) -> str | None:
    """The title of the first heading numbered `number`."""
    return next((s.title for s in doc.sections if s.number == number), None)
