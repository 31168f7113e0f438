#!/usr/bin/env python3
"""Generate ``ontology/lexicon/cameo-verbs.toml``: verb cues from the CAMEO verb dictionary.

    python3 tools/lexicon/build_cameo.py PETRARCH2_DICTIONARIES_DIR/CAMEO.2.0.txt

Source: PETRARCH2's ``CAMEO.2.0.txt`` (openeventdata/petrarch2 at commit
676801c, MIT, Open Event Data Alliance), checked by its sha256. CAMEO files
verbs in blocks (``---  ATTACK   [190]  ---`` and the block's synonyms); a
block's event code maps onto one of claimgraph's relations (``CODES``).
Blocks without a code of their own ("[---]", whose codes come only with
phrase patterns) and codes that mix senses (060 "cooperate", 110
"disapprove") are left out. Within a mapped block, ``EXCLUDE`` drops the
synonyms whose sense in conflict reporting is rarely the code's ("die",
"best" and "match" are filed under 190 "use conventional military force").
190 is split by verb: fighting verbs oppose both ways, killing verbs kill.

The cues take the verb's subject and direct object (fighting verbs also
"with"/"against"); the curated ``ontology/cues.toml`` is read first and
wins for any verb and relation it has. Deterministic: sorted output.
"""
from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "ontology" / "lexicon" / "cameo-verbs.toml"
PINNED_SHA256 = "4a442ee42f7574651ec1c594f127353cdffbf18fa97b207ad5d8298a3cfaa08f"  # CAMEO.2.0.txt at 676801c

# CAMEO code (longest prefix first) -> relation; codes not listed are not used
CODES = {
    "061": "supports",   # provide economic aid: fund, finance, sponsor
    "062": "supports",   # military cooperation: arm, equip
    "074": "supports",   # provide military protection: protect, shelter, shield
    "111": "accuses",    # criticize or denounce
    "112": "accuses",    # accuse
    "13": "threatens",   # threaten
    "160": "opposes",    # reduce relations: betray, sabotage
    "180": "attacks",    # use unconventional violence: harm, wound, terrorize
    "181": "attacks",    # abduct, kidnap
    "186": "kills",      # assassinate
    "190": "attacks",    # use conventional military force
    "191": "attacks",    # impose blockade: besiege
    "192": "controls",   # occupy territory
    "202": "attacks",    # engage in mass killings
}
FIGHTING = {"clash", "fight", "battle", "skirmish", "combat", "conflict", "quarrel", "wrestle", "struggle",
            "duel", "grapple", "altercate", "square off", "wage war"}
KILLING = {"kill", "murder", "slay", "behead", "decapitate", "assassinate", "gun down", "strangle"}
EXCLUDE = {
    # 061 buying and paying are trade, not support
    "import", "buy", "compensate", "purchase", "invest", "pay",
    # 062 words that mean arming only in CAMEO's patterns
    "attire", "render", "stock", "tender", "gear", "outfit", "furnish",
    # 074
    "tend", "ward", "look after",
    # 111 physical punishment, lecturing
    "cane", "flog", "lecture", "chasten",
    # 13 warnings are not threats
    "risk", "caution", "warn",
    # 160
    "disarray", "disorder", "spy", "countermine", "blacklist", "disassociate",
    # 180 damage to things and reputations
    "contaminate", "corrupt", "crack", "damage", "impair", "mar", "rip", "spoil", "tarnish", "tear", "vitiate",
    "bruise", "scuffle", "slap", "lash", "whip", "rampage", "mistreat", "abuse",
    # 190 senses other than force
    "beat", "best", "break", "bust", "dominate", "master", "overcome", "overshadow", "overtake", "surmount",
    "die", "circle", "ring", "engage", "blow", "explode", "detonate", "flatten", "hang", "hit", "kick", "match",
    "pit", "ram", "thump", "stone", "aim", "string up", "killed and", "killed or", "shot and",
    "attacked and stabbed", "kidnapped and killed", "fight back", "fight down", "repel", "repulse", "retaliate",
    "foray into", "intrude on", "despoil", "reave", "pelt", "torch", "snipe", "blitz", "bludgeon", "clobber",
    "hammer", "pummel", "pound", "quarrel", "wrestle", "struggle", "grapple", "altercate", "duel", "match",
    "crush", "shatter", "smash", "ruin", "raze", "desolate", "ravish", "subjugate", "overpower", "overwhelm",
    "stamp out", "blow up", "blast", "dynamite", "shoot down", "disarm",
    # 192 living somewhere is not holding it
    "infest", "inhabit", "reside",
}


def _code(raw: str) -> str | None:
    m = re.match(r"\[(\d{3,4})", raw)
    return m.group(1) if m else None


def _relation(code: str) -> str | None:
    for prefix in sorted(CODES, key=len, reverse=True):
        if code.startswith(prefix):
            return CODES[prefix]
    return None


def blocks(text: str):
    """(block head, code, [synonym verbs]) of each verb block."""
    head = code = None
    verbs: list[str] = []
    for line in text.splitlines():
        m = re.match(r"^---\s+(\S+)\s+(\[[^\]]*\]\S*)\s+---", line)
        if m:
            if head is not None:
                yield head, code, verbs
            head, code, verbs = m.group(1), _code(m.group(2)), []
            continue
        if head is None or not line.strip() or line.startswith(("-", "#", "\t", " ")):
            continue
        word = line.split("#", 1)[0].split("{", 1)[0].strip()
        if re.fullmatch(r"\+?[A-Z][A-Z_'\-]*", word):
            verbs.append(word.lstrip("+").replace("_", " ").lower())
    if head is not None:
        yield head, code, verbs


def main() -> int:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    src = Path(sys.argv[1])
    data = src.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != PINNED_SHA256:
        sys.exit(f"{src}: sha256 {digest}, expected {PINNED_SHA256} (another version of CAMEO.2.0.txt?)")
    cues = {}
    for head, code, verbs in blocks(data.decode("utf-8", "replace")):
        if code is None:
            continue
        relation = _relation(code)
        if relation is None:
            continue
        for verb in verbs:
            if verb in EXCLUDE or len(verb) < 3:
                continue
            rel, obj, direction = relation, ["dobj"], "forward"
            if code.startswith("190") and verb in FIGHTING:
                rel, obj, direction = "opposes", ["dobj", "prep:with|against"], "mutual"
            elif code.startswith("190") and verb in KILLING or code.startswith("186"):
                rel = "kills"
            cues.setdefault((verb, rel), (head, code, obj, direction))
    lines = [
        "# Verb cues generated by tools/lexicon/build_cameo.py from the CAMEO verb dictionary of",
        "# PETRARCH2 (CAMEO.2.0.txt, openeventdata/petrarch2 at 676801c; MIT, Copyright (c) 2014",
        "# Open Event Data Alliance): do not edit by hand; curated cues go to ontology/cues.toml,",
        "# which is read first and wins for any verb and relation it has.",
        "",
    ]
    for (verb, rel), (head, code, obj, direction) in sorted(cues.items()):
        lines += ["[[cue]]", f'cue = "{verb}"', 'pos = "VERB"', f'relation = "{rel}"',
                  "object = [" + ", ".join(f'"{o}"' for o in obj) + "]"]
        if direction != "forward":
            lines.append(f'direction = "{direction}"')
        lines += [f'comment = "CAMEO {code}, block {head}"', 'source = "cameo"', ""]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print(f"{len(cues)} cues -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
