"""Decoding bytes into text, refusing what is not text."""
from __future__ import annotations

from ..errors import Code, InputError

_BINARY_CONTROL = set(range(0, 9)) | {11, 14, 15} | set(range(16, 27)) | set(range(28, 32))


def decode(data: bytes) -> str:
    """Decode UTF-8 (a leading byte-order mark is dropped).

    Line endings and every other character are kept, so offsets index the
    text exactly as decoded.
    """
    if b"\x00" in data[:8192]:
        raise InputError(Code.NOT_TEXT, "binary file (it contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            Code.DECODE,
            f"not valid UTF-8 at byte {exc.start} ({data[exc.start:exc.start + 4]!r})",
        ) from None
    sample = text[:8192]
    if sample and sum(1 for ch in sample if ord(ch) in _BINARY_CONTROL) / len(sample) > 0.05:
        raise InputError(Code.NOT_TEXT, "binary file (too many control characters)")
    return text
