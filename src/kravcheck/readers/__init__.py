"""Turn a file on disk into a `Document`: pick the reader by content and extension, refuse bad input."""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from ..document import Document
from ..errors import InputError

TEXT_SUFFIXES = {".txt", ".md"}
SUPPORTED = ".pdf, .docx, .txt, .md"


def read_document(path: str | Path) -> Document:
    """Read a PDF, DOCX or text file. Raises `InputError` with a one-line Swedish message."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"filen finns inte: {path}")
    if path.is_dir():
        raise InputError(f"det är en mapp, inte en fil: {path}")
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise InputError(f"filen går inte att läsa ({exc.strerror}): {path}") from exc
    if not head:
        raise InputError(f"filen är tom: {path}")

    suffix = path.suffix.lower()
    if suffix == ".pdf" or head.startswith(b"%PDF-"):
        if not head.startswith(b"%PDF-"):
            raise InputError(f"filen heter .pdf men är ingen PDF: {path}")
        from .pdf import read_pdf  # imported lazily: pypdfium2 costs start-up time

        return read_pdf(path)
    if suffix == ".docx":
        if not zipfile.is_zipfile(path):
            raise InputError(f"filen är ingen giltig DOCX (inte ett zip-arkiv, trasig?): {path}")
        from .docx import read_docx

        return read_docx(path)
    if suffix in TEXT_SUFFIXES:
        from .text import read_text

        return read_text(path)
    raise InputError(f"filtypen {suffix or '(ingen ändelse)'} stöds inte (stöds: {SUPPORTED}): {path}")


@contextmanager
def reading_aside(paths: list[Path]) -> Iterator[Callable[[], list[Document]]]:
    """Read `paths` in worker processes while the caller goes on (loading the language pipeline,
    a third of a check's start-up); yields the function that waits for the documents, in order,
    and raises the first file's `InputError`. Where processes cannot be forked safely (not on
    Linux: macOS's system libraries may crash in a forked child, Windows cannot fork; or with
    threads running), the documents are read when asked for."""
    if sys.platform != "linux" or threading.active_count() > 1:
        yield lambda: [read_document(path) for path in paths]
        return
    workers = max(1, min(len(paths), (os.cpu_count() or 1) - 1))  # a core left for the caller
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        futures = [pool.submit(read_document, path) for path in paths]
        yield lambda: [future.result() for future in futures]
