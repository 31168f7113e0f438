from __future__ import annotations

import pytest

from claimgraph.errors import Code
from claimgraph.ingest import read_paths


def test_folder_recursion_ids_and_problems(tmp_path, config):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("First article text.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Second article text.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02abc")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "garbage.txt").write_bytes(bytes(range(128, 256)) * 8)
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("ignored", encoding="utf-8")
    result = read_paths([tmp_path, tmp_path / "missing.txt"], config.ingest)
    assert [d.id for d in result.documents] == ["latin1", "one", "two"]
    assert result.documents[0].text == "caf\xe9"  # a legacy encoding is detected, not refused
    codes = {p.source.split("/")[-1]: p.code for p in result.problems}
    assert codes == {"empty.txt": Code.EMPTY, "binary.txt": Code.NOT_TEXT, "garbage.txt": Code.DECODE,
                     "missing.txt": Code.PATH_NOT_FOUND}


def test_duplicate_ids_are_reported_not_overwritten(tmp_path, config):
    for sub in ("x", "y"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "same.txt").write_text(f"from {sub}", encoding="utf-8")
    result = read_paths([tmp_path], config.ingest)
    assert [d.text for d in result.documents] == ["from x"]
    assert [p.code for p in result.problems] == [Code.DUPLICATE_ID]


def test_size_limit(tmp_path, config):
    small = config.with_overrides(ingest={"max_bytes": 10})
    (tmp_path / "big.txt").write_text("x" * 11, encoding="utf-8")
    result = read_paths([tmp_path / "big.txt"], small.ingest)
    assert not result.documents and result.problems[0].code is Code.TOO_LARGE
    assert "ingest.max_bytes" in str(result.problems[0])


@pytest.mark.parametrize("text", ["\ufeffWith a byte-order mark.", "Plain text."])
def test_text_is_kept_exactly(tmp_path, config, text):
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    doc = read_paths([tmp_path], config.ingest).documents[0]
    assert doc.text == text.lstrip("\ufeff")
    assert len(doc.content_hash) == 64
