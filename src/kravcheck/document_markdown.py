"""A structured document as Markdown, for reading what a reader made of a file."""

from __future__ import annotations

from .document import Block, BlockKind, Document


def document_to_markdown(doc: Document) -> str:
    lines = [f"<!-- {doc.source} · {doc.kind} · {doc.page_count or '–'} sidor · sha256 {doc.sha256[:12]} -->", ""]
    for block in doc.blocks:
        lines.extend(_block(block))
    return "\n".join(lines).rstrip() + "\n"


def _block(block: Block) -> list[str]:
    marks = _marks(block)
    if block.kind is BlockKind.HEADING:
        return [f"{'#' * min(max(block.level, 1), 6)} {block.text}{marks}", ""]
    if block.kind is BlockKind.LIST_ITEM:
        return [f"{'  ' * (max(block.level, 1) - 1)}- {block.text}{marks}"]
    if block.kind is BlockKind.TABLE and block.rows:
        width = max(len(row) for row in block.rows)
        rows = [[cell.replace("|", "\\|") for cell in row] + [""] * (width - len(row)) for row in block.rows]
        table = [f"| {' | '.join(rows[0])} |", f"|{'---|' * width}"]
        table += [f"| {' | '.join(row)} |" for row in rows[1:]]
        return ["", *table, ""]
    return ["", f"{block.text}{marks}", ""]


def _marks(block: Block) -> str:
    notes = []
    if block.changed:
        notes.append("ändrad")
    if block.deleted:
        notes.append("struket: " + "; ".join(f"~~{fragment}~~" for fragment in block.deleted))
    return f" _({', '.join(notes)})_" if notes else ""
