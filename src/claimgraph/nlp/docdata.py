"""What claimgraph keeps on a parsed Doc (``doc.user_data[USER_KEY]``): the
document's id, the text spaCy parsed, the offsets back to the document as
read, and its layout blocks. Written by :func:`claimgraph.nlp.pipeline.prepare`,
read by the mention finder and the extractor; this module imports neither."""
from __future__ import annotations

from spacy.tokens import Doc

from .normalize import OffsetMap

USER_KEY = "claimgraph"


def parsed_text(doc: Doc) -> str:
    """The text the Doc was made from."""
    data = doc.user_data.get(USER_KEY) or {}
    return data["text"] if "text" in data else doc.text


def offsets_of(doc: Doc) -> OffsetMap:
    """The map from the parsed text's offsets to the document's."""
    data = doc.user_data.get(USER_KEY) or {}
    return OffsetMap.from_list(data.get("offsets", []))
