#!/usr/bin/env python3
"""Check a folder of re-created article texts against a sources.jsonl.

usage: check.py SOURCES.jsonl FOLDER   (standard library only)

Per document: is DOCUMENT.txt there, and do its sha256, first words and last
words match the source line. A text whose sha256 differs is still usable
(the scorer matches by names, not offsets), but say so when reporting.
"""
import hashlib
import json
import sys
from pathlib import Path

if len(sys.argv) != 3:
    sys.exit(__doc__)
sources, folder = Path(sys.argv[1]), Path(sys.argv[2])
rows = [json.loads(line) for line in sources.read_text(encoding="utf-8").splitlines() if line.strip()]
ok = 0
for s in rows:
    p = folder / f"{s['document']}.txt"
    if not p.is_file():
        print(f"{s['document']}: missing")
        continue
    data = p.read_bytes()
    text = " ".join(data.decode("utf-8", "replace").split())
    same = hashlib.sha256(data).hexdigest() == s["sha256"]
    first = text.startswith(" ".join(s["first_words"].split()))
    last = text.endswith(" ".join(s["last_words"].split()))
    ok += same
    print(f"{s['document']}: {'identical' if same else 'sha256 differs'}"
          f"{'' if first else ', first words differ'}{'' if last else ', last words differ'}"
          f", {len(text.split())} words (source {s['words']})")
print(f"{ok} of {len(rows)} texts byte-identical")
sys.exit(0 if ok == len(rows) else 1)
