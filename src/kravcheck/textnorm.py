"""Text repair shared by the readers (joining wrapped lines, undoing line-end hyphenation), and
shortening text for display."""

from __future__ import annotations

import re

# Words after which a line-end hyphen is a real, suspended hyphen: "hälso- och sjukvård",
# "av- och omboka", "för- eller eftervård".
_SUSPENSION_FOLLOWERS = frozenset({"och", "eller", "samt", "respektive", "resp.", "som", "till", "liksom", "alternativt"})
# The part before the hyphen keeps it when it is a letter, a number or an abbreviation:
# "e-tjänster", "1177-tjänster", "MRB-screening", "HSLF-FS".
_KEEPS_HYPHEN = re.compile(r"(?:^|\s)(?:[\wåäöÅÄÖ]|\d+|[A-ZÅÄÖ]{2,8})-$")


def clean(text: str) -> str:
    """Collapse runs of white space, tabs and no-break spaces included (extractions are full of them)."""
    return " ".join(text.split())


def shorten(text: str, limit: int) -> str:
    """`text` on one line, cut to at most `limit` characters with an ellipsis."""
    text = clean(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def join_lines(lines: list[str]) -> str:
    """Join the wrapped lines of one block into one string, repairing hyphenation.

    "hälso-" + "central" -> "hälsocentral"; "hälso-" + "och sjukvård" -> "hälso- och sjukvård";
    "e-" + "tjänster" -> "e-tjänster".
    """
    out = ""
    for raw in lines:
        line = clean(raw)
        if not line:
            continue
        if not out:
            out = line
            continue
        if out.endswith("-") and len(out) > 1 and out[-2].isalnum():
            next_word = line.split(" ", 1)[0]
            if next_word.lower() in _SUSPENSION_FOLLOWERS or not next_word[:1].islower():
                out = f"{out} {line}" if next_word.lower() in _SUSPENSION_FOLLOWERS else out + line
            elif _KEEPS_HYPHEN.search(out[-10:]):
                out += line
            else:
                out = out[:-1] + line
        else:
            out = f"{out} {line}"
    return out
