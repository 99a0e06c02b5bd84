"""The provider submission fixtures: fixtures/make_submissions.py renders each source so that the
readers read back its structure, and every labelled quote can be found in the rendered documents
(what lets the evaluation locate its gold passages).

Where the text reader cannot recover what the plain-text rendering shows, the test is a strict
xfail naming the reader's limitation: it turns into a failure once the reader learns it, and the
marker should then go.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from ruamel.yaml import YAML

from kravcheck.document import BlockKind, Document, DocumentKind
from kravcheck.readers import read_document

from .conftest import FIXTURES, REPO, section_title

sys.path.insert(0, str(REPO))
from fixtures.make_submissions import (  # noqa: E402
    CORPORA,
    RENDER_SUFFIXES,
    SourceError,
    parse_source,
    render_file,
    text_lines,
)

H, P, L, T = BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.TABLE
RENDERS = list(RENDER_SUFFIXES)
TITLE = "Rutin för tillgänglighet"
BODY = r"""# 1 Verksamheten

Hälsocentralen Solbacken har öppet vardagar 08.00–17.00
och har cirka 7 000 listade patienter.

## 1.1 Kontaktvägar

Patienterna kan kontakta oss på följande sätt:

- Telefon med återuppringning samma dag.
- Chatt via 1177:
  - med sjuksköterska vardagar 8–17
  - med läkare efter bedömning
- Videobesök efter bokning.

Vid en kontakt gör vi så här:

1. Sjuksköterskan gör en medicinsk bedömning.
1. Patienten får en tid inom två dagar.

### 1.1.1 Uppföljning

| Mått | 2025 | Mål |
|---|---|---|
| Medicinsk bedömning inom tre dagar | 91 % | 90 % |
| Telefon besvarad samma dag | 97 % | 95 % |

\newpage

# 2 Kvalitet

Avvikelser rapporteras i Synergi och följs upp varje månad.
"""
TRACKED = "Chatt med sjuksköterska erbjuds {-endast måndagar-}{+alla vardagar+} via 1177{+ och besvaras inom en timme+}.\n"
TRACKED_CURRENT = "Chatt med sjuksköterska erbjuds alla vardagar via 1177 och besvaras inom en timme."

HEADINGS = [("1 Verksamheten", 1), ("1.1 Kontaktvägar", 2), ("1.1.1 Uppföljning", 3), ("2 Kvalitet", 1)]
ITEMS = [
    ("Telefon med återuppringning samma dag.", 1),
    ("Chatt via 1177:", 1),
    ("med sjuksköterska vardagar 8–17", 2),
    ("med läkare efter bedömning", 2),
    ("Videobesök efter bokning.", 1),
    ("Sjuksköterskan gör en medicinsk bedömning.", 1),
    ("Patienten får en tid inom två dagar.", 1),
]
ROWS = [
    ["Mått", "2025", "Mål"],
    ["Medicinsk bedömning inom tre dagar", "91 %", "90 %"],
    ["Telefon besvarad samma dag", "97 %", "95 %"],
]
PARAGRAPHS = [
    "Hälsocentralen Solbacken har öppet vardagar 08.00–17.00 och har cirka 7 000 listade patienter.",
    "Patienterna kan kontakta oss på följande sätt:",
    "Vid en kontakt gör vi så här:",
    "Avvikelser rapporteras i Synergi och följs upp varje månad.",
]
KIND = {".pdf": DocumentKind.PDF, ".docx": DocumentKind.DOCX, ".txt": DocumentKind.TEXT}

def _norm(text: str) -> str:
    return " ".join(text.split())


def _source_text(render: str, file: str, body: str = BODY, title: str = TITLE) -> str:
    return f"---\nfile: {file}\nrender: {render}\ntitle: {title}\n---\n{body}"


def _write_source(directory: Path, render: str, body: str = BODY, title: str = TITLE) -> Path:
    suffix = RENDER_SUFFIXES[render]
    if render == "docx-tracked":
        body += "\n" + TRACKED
    path = directory / "src" / f"{render}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_source_text(render, f"{render.replace('-', '_')}{suffix}", body, title), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Document]]:
    """The inline source rendered in every render type and read back."""
    directory = tmp_path_factory.mktemp("submission")
    out = {}
    for render in RENDERS:
        path = render_file(_write_source(directory, render))
        out[render] = (path, read_document(path))
    return out


@pytest.mark.parametrize("render", RENDERS)
def test_every_render_type_is_written_and_read_as_its_type(rendered, render):
    path, doc = rendered[render]
    assert path.name == f"{render.replace('-', '_')}{RENDER_SUFFIXES[render]}"
    assert path.parent.name != "src"  # beside the src/ directory, not in it
    assert doc.kind is KIND[path.suffix]


@pytest.mark.parametrize("render", RENDERS)
def test_headings_are_heading_blocks_with_their_numbers(rendered, render):
    doc = rendered[render][1]
    assert [(b.text, b.level) for b in doc.blocks if b.kind is H] == HEADINGS
    assert section_title(doc, "1.1") == "Kontaktvägar"


@pytest.mark.parametrize("render", RENDERS)
def test_bullets_and_numbered_items_are_list_items_with_their_level(rendered, render):
    doc = rendered[render][1]
    items = [b for b in doc.blocks if b.kind is L]
    assert [(b.text, b.level) for b in items] == ITEMS
    chatt, nested = items[1], items[2]
    assert doc.blocks[nested.lead_in] is chatt
    assert doc.blocks[items[0].lead_in].text == "Patienterna kan kontakta oss på följande sätt:"
    assert doc.blocks[items[-1].lead_in].text == "Vid en kontakt gör vi så här:"


@pytest.mark.parametrize("render", RENDERS)
def test_tables_are_table_blocks_with_header_and_rows(rendered, render):
    doc = rendered[render][1]
    (table,) = [b for b in doc.blocks if b.kind is T]
    assert table.rows == ROWS
    assert table.section == "1.1.1"


@pytest.mark.parametrize("render", RENDERS)
def test_all_text_is_read_once_without_running_header_or_footer(rendered, render):
    doc = rendered[render][1]
    texts = [_norm(b.text) for b in doc.blocks]
    for expected in [*PARAGRAPHS, *(text for text, _ in ITEMS), *(cell for row in ROWS for cell in row)]:
        assert any(expected in text for text in texts), f"{expected!r} not read from {render}"
    assert [b.kind for b in doc.blocks if b.text == TITLE] == [P]  # the title; the page header is gone
    assert not [text for text in texts if text.startswith("Sida")]


def test_tracked_changes_deleted_text_is_not_current_inserted_text_is(rendered):
    doc = rendered["docx-tracked"][1]
    (block,) = [b for b in doc.blocks if b.text.startswith("Chatt med sjuksköterska")]
    assert (block.kind, block.text) == (P, TRACKED_CURRENT)
    assert block.deleted == ["endast måndagar"]
    assert block.inserted == ["alla vardagar", "och besvaras inom en timme"]
    assert block.changed
    assert not [b for b in doc.blocks if "endast måndagar" in b.text]
    assert [b for b in doc.blocks if b.deleted or b.inserted] == [block]


@pytest.mark.parametrize(
    "wording",
    [
        "hälsocentralen erbjuder patienten en medicinsk bedömning och uppföljning inom tre dagar",
        # Every line starts with a capital or a digit, so a paragraph that goes on in the next
        # column cannot be told by a lower-case word: only by its last line running full width.
        "Region Norrbotten Hälsocentralen Patienten 1177 Vårdval Primärvård Läkaren Bedömning Uppföljning",
    ],
    ids=["lower-case", "capitals"],
)
def test_two_column_pdf_reads_the_left_column_before_the_right(tmp_path, wording):
    # Enough paragraphs to fill several columns; each is numbered so the order can be checked.
    words = wording.split()
    paragraphs = [
        f"Stycke {n}: " + " ".join(words[(n + i) % len(words)] for i in range(25 + n % 20)) + "." for n in range(1, 41)
    ]
    body = "# 1 Ordning\n\n" + "\n\n".join(paragraphs) + "\n"
    path = render_file(_write_source(tmp_path, "pdf-2col", body))
    pdf = pdfium.PdfDocument(path)
    try:  # the body really is set in two columns: page 1 has paragraphs in its right half
        page = pdf[0]
        width, height = page.get_size()
        assert "Stycke" in page.get_textpage().get_text_bounded(left=width / 2, bottom=0, right=width, top=height)
    finally:
        pdf.close()
    two = read_document(path)
    stycken = [_norm(b.text) for b in two.blocks if b.text.startswith("Stycke")]
    assert stycken == paragraphs
    assert [b.text for b in two.blocks[:2]] == [TITLE, "1 Ordning"]


def test_txt_long_title_without_full_stop_is_a_block_of_its_own(tmp_path):
    title = "Rutiner för tillgänglighet och kontinuitet 2026"
    body = "\n\n".join(["# 1 Telefon", *PARAGRAPHS[:2], "## 1.1 Kvalitet", *PARAGRAPHS[3:]]) + "\n"
    doc = read_document(render_file(_write_source(tmp_path, "txt", body, title)))
    assert [b.text for b in doc.blocks[:2]] == [title, "1 Telefon"]


def test_pdf_one_line_paragraphs_stay_apart(tmp_path):
    # No line wraps, so every gap on the page is a paragraph gap: the short lines that end a
    # sentence end their blocks.
    short = ["Telefon vardagar 8–17.", "Chatt via 1177.", "Videobesök bokas via 1177.", "Besöksadress: Storgatan 1."]
    doc = read_document(render_file(_write_source(tmp_path, "pdf", "# 1 Kontakt\n\n" + "\n\n".join(short) + "\n")))
    assert [b.text for b in doc.blocks if b.kind is P and b.text != TITLE] == short


def test_pdf_unnumbered_headings_and_a_subtitle_stay_apart_from_the_text(tmp_path):
    # heldout/solbacken_pitea's kvalitetsbokslut: bold headings without numbers, a one-line
    # subtitle without a full stop, each followed by a table or one line, all on one page of gaps
    # that are paragraph gaps. A line that stops short before a change of font ends its block.
    body = (
        "# Kvalitetsbokslut 2025\n\nVårdcentralen Solbacken, Piteå – nyckeltal och kommentarer\n\n"
        "## Listning och besök\n\n| Nyckeltal | 2025 |\n|---|---|\n| Listade | 14 806 |\n\n"
        "Uppgifterna rapporteras varje månad till Region Norrbotten.\n\n## E-tjänster i 1177\n\n"
        "Receptförnyelse svaras inom tre arbetsdagar.\n"
    )
    doc = read_document(render_file(_write_source(tmp_path, "pdf", body)))
    assert [b.text for b in doc.blocks if b.kind is not T] == [
        TITLE,
        "Kvalitetsbokslut 2025",
        "Vårdcentralen Solbacken, Piteå – nyckeltal och kommentarer",
        "Listning och besök",
        "Uppgifterna rapporteras varje månad till Region Norrbotten.",
        "E-tjänster i 1177",
        "Receptförnyelse svaras inom tre arbetsdagar.",
    ]


def test_pdf_title_that_wraps_is_one_block(tmp_path):
    # Set larger than the body, the title's two lines sit at the title's own pitch, wider than
    # the body's: they belong together all the same.
    title = "Rutin för tillgänglighet, kontinuitet och digitala vårdkontakter vid Hälsocentralen Solbacken 2026"
    path = render_file(_write_source(tmp_path, "pdf", "# 1 Telefon\n\n" + PARAGRAPHS[0] + "\n", title))
    pdf = pdfium.PdfDocument(path)
    try:  # the title really wraps: a line of the page starts in the middle of it
        assert any(line.startswith("vårdkontakter") for line in pdf[0].get_textpage().get_text_range().split("\r\n"))
    finally:
        pdf.close()
    doc = read_document(path)
    assert [(b.kind, b.text) for b in doc.blocks[:2]] == [(P, title), (H, "1 Telefon")]


def test_one_page_pdf_drops_its_running_header_and_keeps_the_body(tmp_path):
    # Nothing repeats on a single page: the header is known by its small print in the top margin.
    body = "# 1 Kontakt\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
    doc = read_document(render_file(_write_source(tmp_path, "pdf", body)))
    assert doc.page_count == 1
    assert [(b.kind, b.text) for b in doc.blocks] == [(P, TITLE), (H, "1 Kontakt"), *((P, p) for p in PARAGRAPHS)]


@pytest.mark.parametrize("render", RENDERS)
def test_rendering_is_deterministic(tmp_path, render):
    first = render_file(_write_source(tmp_path / "a", render)).read_bytes()
    again = render_file(_write_source(tmp_path / "b", render)).read_bytes()
    assert first == again


def test_text_rendering_lines():
    source = parse_source(_source_text("txt", "x.txt"), Path("x.md"))
    lines = text_lines(source)
    assert lines[:4] == [TITLE, "", "1 Verksamheten", ""]
    assert lines[lines.index("• Chatt via 1177:") + 1] == "  • med sjuksköterska vardagar 8–17"
    assert "2. Patienten får en tid inom två dagar." in lines  # "1." items count on
    assert "Medicinsk bedömning inom tre dagar | 91 % | 90 %" in lines
    assert "\\newpage" not in lines


@pytest.mark.parametrize(
    ("front", "body", "message"),
    [
        ("file: a.pdf\nrender: pdf\ntitle: T", "Chatt {+alla dagar+}.\n", "only for render: docx-tracked"),
        ("file: a.docx\nrender: docx-tracked\ntitle: T", "Chatt {+alla dagar.\n", "unclosed"),
        ("file: a.docx\nrender: pdf\ntitle: T", "Text.\n", "does not end in .pdf"),
        ("file: a.pdf\nrender: html\ntitle: T", "Text.\n", "none of"),
        ("file: a.pdf\nrender: pdf", "Text.\n", "lacks title"),
        ("file: a.pdf\nrender: pdf\ntitle: T", "| a | b |\n| c | d |\n", "'|---|---|' rule"),
        ("file: a.pdf\nrender: pdf\ntitle: T", "Text:\n\n  - nested first\n", "follow an item one level up"),
        ("file: a.pdf\nrender: pdf\ntitle: T", "#### 1.1.1.1 Djup\n", "heading"),
    ],
)
def test_malformed_sources_are_refused_with_file_and_line(front, body, message):
    with pytest.raises(SourceError, match=re.escape(message)) as error:
        parse_source(f"---\n{front}\n---\n{body}", Path("src/a.md"))
    assert str(error.value).startswith("src/a.md")


# --- the labelled submissions -----------------------------------------------------------------

LABEL_FILES = sorted(p for corpus in CORPORA for p in (FIXTURES / corpus).glob("*/labels.yaml"))
EVIDENCE = {"met", "partial", "contradicted"}


@cache
def _read(path: Path) -> Document:
    return read_document(path)


@pytest.mark.parametrize(
    "labels_path",
    [pytest.param(p, id=f"{p.parent.parent.name}/{p.parent.name}") for p in LABEL_FILES]
    or [pytest.param(None, marks=pytest.mark.skip(reason="no labels.yaml under fixtures/submissions or heldout yet"))],
)
def test_labelled_quotes_are_found_in_their_documents(labels_path):
    labels = YAML(typ="safe", pure=True).load(labels_path.read_text(encoding="utf-8"))
    documents = labels.get("documents") or []
    assert documents, f"{labels_path}: no documents listed"
    texts: dict[str, list[str]] = {}
    for name in documents:
        path = labels_path.parent / name
        assert path.is_file(), f"{path} is missing: run python fixtures/build.py"
        texts[name] = [_norm(block.text) for block in _read(path).blocks]
    problems = []
    for label in labels.get("labels") or []:
        if label.get("status") not in EVIDENCE:
            continue
        where = f"{label.get('id')} ({label['status']})"
        name, quote = label.get("document"), _norm(str(label.get("quote") or ""))
        if name not in texts:
            problems.append(f"{where}: document {name!r} is not one of the listed documents")
        elif not quote:
            problems.append(f"{where}: no quote")
        elif not any(quote in text for text in texts[name]):
            problems.append(f"{where}: quote not found in {name}: {quote!r}")
    assert not problems, "\n".join(problems)
