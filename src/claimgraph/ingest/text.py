"""Decoding bytes into text, refusing what is not text.

The order of evidence, strongest first:

1. a byte-order mark (UTF-8, UTF-16, UTF-32) names the encoding;
2. bytes that are valid UTF-8 are UTF-8 (by far the most common case, and
   one that legacy 8-bit text almost never passes by chance);
3. bytes that are UTF-8 except for a few damaged sequences (a scraper cut a
   character in half) are decoded as UTF-8 with U+FFFD for each damaged
   sequence, and the caller reports how many bytes were replaced;
4. an encoding declared in an HTML page (``<meta charset>``) when it
   decodes the bytes;
5. bytes with NUL characters are binary, unless they read as UTF-16 or
   UTF-32 without a byte-order mark with mostly ASCII characters;
6. otherwise the encoding is detected by charset-normalizer among the
   configured candidates (``ingest.encodings``). Among candidates that
   fit equally well (same measured mess and language coherence, rounded),
   the earlier one in the list wins: charset-normalizer on its own ranks
   e.g. cp1250 or hp_roman8 above cp1252 for French or German text,
   because those decode the same bytes with the same mess score.

``ingest.encoding`` set to a codec name instead of ``"auto"`` skips steps
3-6: the bytes must decode strictly in that codec.

Line endings and every other character are kept, so offsets index the text
exactly as decoded.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..errors import Code, InputError

_BINARY_CONTROL = set(range(0, 9)) | {11, 14, 15} | set(range(16, 27)) | set(range(28, 32))
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_UNICODE_WITHOUT_BOM = ("utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be")
# <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.I)
_SAMPLE = 8192


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text, the encoding used, and the bytes replaced by U+FFFD."""

    text: str
    encoding: str
    replaced: int = 0
    first_bad: int | None = None


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _refuse_binary(text: str) -> None:
    sample = text[:_SAMPLE]
    if sample and sum(1 for ch in sample if ord(ch) in _BINARY_CONTROL) / len(sample) > 0.05:
        raise InputError(Code.NOT_TEXT, "binary file (too many control characters)")


def _damaged_utf8(data: bytes, exc: UnicodeDecodeError) -> Decoded | None:
    """UTF-8 with a few bad sequences: more valid multi-byte characters than
    damaged sequences (8-bit legacy text has hardly any of the former)."""
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    valid_multibyte = len(text) - len(text.encode("ascii", errors="ignore")) - damaged
    if damaged <= 0 or damaged >= valid_multibyte:
        return None
    return Decoded(text, "utf-8", replaced=damaged, first_bad=exc.start)


def _ascii_share(text: str) -> float:
    sample = text[:_SAMPLE]
    return len(sample.encode("ascii", errors="ignore")) / len(sample) if sample else 0.0


def _declared(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return _codec(match.group(1).decode("ascii")) if match else None


def _detect(data: bytes, candidates: tuple[str, ...]) -> Decoded | None:
    from charset_normalizer import from_bytes

    names = [c for c in (_codec(n) for n in candidates) if c]
    if b"\x00" not in data[:_SAMPLE]:
        # ASCII-range text in UTF-16/32 is full of NUL bytes; without any, a
        # BOM-less UTF-16/32 reading is noise (a CJK line made of Latin bytes)
        names = [n for n in names if n.replace("-", "_") not in _UNICODE_WITHOUT_BOM]
    if not names:
        return None
    pref = {n: i for i, n in enumerate(names)}
    matches = list(from_bytes(data, cp_isolation=names))
    if not matches:
        return None

    def rank(m) -> tuple:
        return (round(m.chaos, 2), -round(m.coherence, 1), pref.get(_codec(m.encoding) or "", len(pref)))

    best = min(matches, key=rank)
    text = str(best)
    return Decoded(text, _codec(best.encoding) or best.encoding)


def decode(data: bytes, *, encoding: str = "auto", candidates: tuple[str, ...] = (),
           html: bool = False) -> Decoded:
    """Decode ``data`` (see the module docstring for the order of evidence).

    Raises :class:`InputError` ``CG103`` for binary data and ``CG106`` when
    no encoding fits.
    """
    decoded = _decode(data, encoding, candidates, html)
    _refuse_binary(decoded.text)
    return decoded


def _decode(data: bytes, encoding: str, candidates: tuple[str, ...], html: bool) -> Decoded:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(Code.DECODE, f"starts with a byte-order mark of {codec} but is not valid "
                                              f"{codec} at byte {exc.start + len(bom)}") from None
            return Decoded(text, codec)
    if encoding != "auto":
        try:
            return Decoded(data.decode(encoding), _codec(encoding) or encoding)
        except UnicodeDecodeError as exc:
            raise InputError(Code.DECODE, f"not valid {encoding} (ingest.encoding) at byte {exc.start} "
                                          f"({data[exc.start:exc.start + 4]!r})") from None
    if b"\x00" in data[:_SAMPLE]:
        # NUL bytes: binary, unless it reads as UTF-16/32 without a byte-order
        # mark. Such a reading is trusted only when most characters are ASCII
        # (text in a Latin script); any bytes of even length decode as UTF-16.
        found = _detect(data, tuple(c for c in candidates if (_codec(c) or "").startswith("utf")))
        if found is None or _ascii_share(found.text) < 0.5:
            raise InputError(Code.NOT_TEXT, "binary file (it contains NUL bytes)")
        return found
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    damaged = _damaged_utf8(data, utf8_error)
    if damaged is not None:
        return damaged
    if html:
        declared = _declared(data)
        if declared and declared != "utf-8":
            try:
                return Decoded(data.decode(declared), declared)
            except UnicodeDecodeError:
                pass
    found = _detect(data, candidates)
    if found is None:
        raise InputError(
            Code.DECODE,
            f"not valid UTF-8 at byte {utf8_error.start} ({data[utf8_error.start:utf8_error.start + 4]!r}) "
            f"and no encoding of ingest.encodings fits; set ingest.encoding if you know it",
        )
    return found
