"""Names: stable ids, folding for transliteration variants, fuzzy matching."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

from .gazetteer import fold

_SLUG_MAX = 60


def slug(text: str) -> str:
    """A safe id from a name: ASCII letters, digits and hyphens only.

    A name with no Latin letters ("طالبان") gets a hash; a long one is cut
    and gets a hash, so different long names never share an id.
    """
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    base = re.sub(r"[^a-z0-9]+", "-", ascii_.lower().replace("'", "")).strip("-")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    if not base:
        return f"e-{digest}"
    if len(base) > _SLUG_MAX:
        return f"{base[:_SLUG_MAX].rstrip('-')}-{digest}"
    return base


_TRANSLIT = [
    (re.compile(r"\b(e|i|ul|al|ur|ud)\b"), " "),  # -e-, -i-, -ul- linking particles
    (re.compile(r"ee"), "i"),
    (re.compile(r"oo"), "u"),
    (re.compile(r"ou"), "u"),
    (re.compile(r"(.)\1"), r"\1"),  # doubled letters: Massoud / Masoud
    (re.compile(r"q"), "k"),
    (re.compile(r"dh"), "d"),
    (re.compile(r"gh"), "g"),
    (re.compile(r"kh"), "k"),
    (re.compile(r"y"), "i"),
    (re.compile(r"(?<=\w)h\b"), ""),  # final h: Tehrik / Tehreek, Mohammad / Mohammed
]


@lru_cache(maxsize=1 << 16)  # a pure function of the name; the merge asks for the same names again and again
def translit_key(name: str) -> str:
    """Fold a transliterated name so that its common spelling variants meet:
    Tehreek/Tehrik, -e-/-i-, Masood/Massoud, Qaeda/Qaida."""
    s = unicodedata.normalize("NFKD", fold(name)).encode("ascii", "ignore").decode("ascii")
    for pattern, repl in _TRANSLIT:
        s = pattern.sub(repl, s)
    s = re.sub(r"[aeiou]", "", s) if len(s) > 12 else s  # long names: consonant skeleton
    return re.sub(r"\s+", " ", s).strip()


def similar(a: str, b: str, *, threshold: float = 90.0) -> bool:
    """Two names are variants of one another: equal after transliteration
    folding, or close by rapidfuzz's ratio on the folded forms."""
    ka, kb = translit_key(a), translit_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    if min(len(ka), len(kb)) < 6:
        return False  # short names: only an exact fold is safe
    return fuzz.ratio(ka, kb) >= threshold
