"""The world data (``ontology/world/*.tsv``) as an index on disk.

Some 40,000 entries with 125,000 names are too many to read into memory at
every start (parsing the files took 0.3 s and indexing them 1.5 s on this
project's 2-core machines), and a build looks up only the few hundred names
its articles use. So the files are compiled once into a SQLite database in
the user's cache folder (``$XDG_CACHE_HOME/claimgraph``, else
``~/.cache/claimgraph``; ``CLAIMGRAPH_CACHE`` overrides), named by the
files' sizes and modification times, and queried by name: opening it costs a millisecond, a
look-up of all candidate names of an article one query. A cache that
cannot be written (a read-only home) falls back to a database in memory.

Rows are the files' columns; names are indexed twice: folded
(:func:`claimgraph.gazetteer.fold`, for look-ups by name) and as
lower-case spaCy tokens joined by spaces (for the matcher, which reads
token runs of the parsed text).
"""
from __future__ import annotations

import difflib
import hashlib
import os
import re
import sqlite3
import threading
import unicodedata
from functools import cache
from pathlib import Path

FILES = ("places.tsv", "actors.tsv")
# towns of 1,000 people or more (GeoNames cities1000, tools/world/towns.py): only ever read to give
# coordinates to a Place entity that already is one, never names the recogniser looks for
TOWNS = "towns.tsv.gz"
COLUMNS = ("id", "type", "kind", "label", "names", "tokens", "keys", "country", "within", "lat", "lon",
           "population", "geonames", "iso", "demonyms", "capital_of", "source")
_SCHEMA_VERSION = "7"


def cache_dir() -> Path:
    env = os.environ.get("CLAIMGRAPH_CACHE")
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg).expanduser() if xdg else Path.home() / ".cache") / "claimgraph"


def _rows(folder: Path):
    for name in FILES:
        with (folder / name).open(encoding="utf-8") as fh:
            header = None
            for line in fh:
                if line.startswith("#"):
                    continue
                fields = line.rstrip("\n").split("\t")
                if header is None:
                    header = fields
                    if tuple(header) != COLUMNS:
                        raise ValueError(f"{folder / name}: columns {header} are not {list(COLUMNS)}")
                    continue
                yield fields


def _build(con: sqlite3.Connection, folder: Path) -> None:
    con.executescript("""
        CREATE TABLE entries (id TEXT PRIMARY KEY, type TEXT, kind TEXT, label TEXT, names TEXT, tokens TEXT,
            keys TEXT, country TEXT, within TEXT, lat TEXT, lon TEXT, population INTEGER, geonames TEXT, iso TEXT,
            demonyms TEXT, capital_of TEXT, source TEXT);
        CREATE TABLE names (fold TEXT, lower TEXT, tokens TEXT, id TEXT, ord INTEGER);
    """)
    entries, names = [], []
    for n, f in enumerate(_rows(folder)):
        entries.append(f)
    derive_points(entries)
    for n, f in enumerate(entries):
        for tokens, key in zip(f[5].split("|"), f[6].split("|"), strict=True):
            names.append((key, tokens.lower(), tokens, f[0], n))
    con.executemany(f"INSERT OR IGNORE INTO entries VALUES ({','.join('?' * len(COLUMNS))})", entries)
    con.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?)", names)
    con.execute("CREATE TABLE towns (fold TEXT, geonames TEXT, name TEXT, country TEXT, admin1 TEXT, lat TEXT, "
                "lon TEXT, population INTEGER)")
    if (folder / TOWNS).is_file():
        con.executemany("INSERT INTO towns VALUES (?, ?, ?, ?, ?, ?, ?, ?)", _towns(folder / TOWNS))
    con.executescript("CREATE INDEX towns_fold ON towns (fold);"
                      "CREATE INDEX names_fold ON names (fold); CREATE INDEX names_lower ON names (lower);"
                      "CREATE INDEX entries_kind ON entries (kind, capital_of);"
                      "CREATE TABLE firsts AS SELECT DISTINCT substr(lower || ' ', 1, instr(lower || ' ', ' ') - 1)"
                      " AS word FROM names;")
    con.commit()


_DESIGNATORS = frozenset({"state", "region", "province", "oblast", "oblast'", "sheng", "okrug", "kraj", "governorate",
                          "muhafazat", "district", "county", "department", "departement", "prefecture", "territory",
                          "division", "municipality", "of", "the", "autonomous", "federal", "capital", "special",
                          "wilayah", "wilaya", "voivodeship", "parish", "canton", "zizhiqu", "shi", "ken", "do", "-do"})
_COMPASS = {"northern": "north", "southern": "south", "eastern": "east", "western": "west", "nord": "north",
            "sud": "south", "est": "east", "ouest": "west"}


def _division_key(label: str) -> str:
    """A division's name without its designator, folded: "Northern Darfur" and "North Darfur State"
    are both "north darfur"; "Zhytomyrska oblast" is "zhytomyrska"."""
    text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode("ascii").lower()
    words = [_COMPASS.get(w, w) for w in re.split(r"[\s/,()-]+", text) if w]
    kept = [w for w in words if w not in _DESIGNATORS]
    return " ".join(kept or words)


def _towns(path: Path):
    import gzip

    with gzip.open(path, "rt", encoding="utf-8") as fh:
        header = None
        for line in fh:
            if line.startswith("#"):
                continue
            f = line.rstrip("\n").split("\t")
            if header is None:
                header = f
                continue
            gid, name, _names, keys, cc, admin1, lat, lon, pop = f
            for key in keys.split("|"):
                yield key, gid, name, cc, admin1, lat, lon, int(pop or 0)


def derive_points(rows: list[list[str]]) -> None:
    """Coordinates for the rows the sources give none: a first-level division
    gets its most populous city's, a country its capital's or else its
    largest city's (GeoNames gives
    neither a point; these lie inside them, which a centroid need not). An
    ISO 3166-2 division that the generator could not join to its GeoNames
    twin ("North Darfur" and GeoNames' "Northern Darfur") takes the twin's
    point when one division of its country has the same name without its
    designator, or one is very like it. The row's source says so
    ("+point:city-id", "+point:city-id~twin-id")."""
    i_id, i_kind, i_cc, i_within, i_lat, i_lon, i_pop, i_cap, i_src, i_label = (COLUMNS.index(c) for c in (
        "id", "kind", "country", "within", "lat", "lon", "population", "capital_of", "source", "label"))
    largest: dict[str, list[str]] = {}
    capital: dict[str, list[str]] = {}
    in_country: dict[str, list[str]] = {}
    for r in rows:
        if r[i_kind] != "city" or not r[i_lat]:
            continue
        if r[i_cap]:
            capital.setdefault(r[i_cap], r)
        rank = (-int(r[i_pop] or 0), r[i_id])
        for table, key in ((largest, r[i_within]), (in_country, r[i_cc])):
            best = table.get(key)
            if best is None or rank < (-int(best[i_pop] or 0), best[i_id]):
                table[key] = r
    for r in rows:
        if r[i_lat]:
            continue
        # a country whose capital the data does not mark (Cameroon, Colombia): its largest city
        src = (capital.get(r[i_cc]) or in_country.get(r[i_cc])) if r[i_kind] == "country" else \
            largest.get(r[i_id]) if r[i_kind] == "admin1" else None
        if src is not None:
            r[i_lat], r[i_lon] = src[i_lat], src[i_lon]
            r[i_src] = f"{r[i_src]}+point:{src[i_id]}"
    twins: dict[str, dict[str, list[list[str]]]] = {}
    for r in rows:
        if r[i_kind] == "admin1" and r[i_lat] and r[i_id] in largest:
            twins.setdefault(r[i_cc], {}).setdefault(_division_key(r[i_label]), []).append(r)
    for r in rows:
        if r[i_kind] != "admin1" or r[i_lat] or r[i_cc] not in twins:
            continue
        keys = twins[r[i_cc]]
        key = _division_key(r[i_label])
        if not key:
            continue
        found = keys.get(key)
        if not found:
            close = difflib.get_close_matches(key, sorted(keys), n=2, cutoff=0.85)
            found = keys[close[0]] if len(close) == 1 else None
        if found and len(found) == 1:
            twin = found[0]
            r[i_lat], r[i_lon] = twin[i_lat], twin[i_lon]
            r[i_src] = f"{r[i_src]}+point:{largest[twin[i_id]][i_id]}~{twin[i_id]}"


class WorldIndex:
    """Look-ups in the world data: by id, by folded name, by token run."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        # named by the files' sizes and modification times (hashing their 9 MB at every
        # start cost more than the rest of opening the index)
        digest = hashlib.sha256(_SCHEMA_VERSION.encode())
        for name in (*FILES, TOWNS):
            if (folder / name).is_file():
                st = (folder / name).stat()
                digest.update(f"{name}:{st.st_size}:{st.st_mtime_ns}".encode())
        self.digest = digest.hexdigest()[:16]
        self._local = threading.local()
        self._path = self._ensure()

    def _ensure(self) -> str:
        path = cache_dir() / f"world-{self.digest}.sqlite"
        if path.is_file():
            return str(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            con = sqlite3.connect(tmp)
            try:
                _build(con, self.folder)
            finally:
                con.close()
            os.replace(tmp, path)  # whole or not at all: a killed build leaves no half database
            for old in path.parent.glob("world-*.sqlite"):  # indexes of earlier data (30 MB each)
                if old != path:
                    try:
                        old.unlink()
                    except OSError:
                        pass
            return str(path)
        except OSError:
            return ":memory:"

    @property
    def con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None or self._local.pid != os.getpid():  # a forked worker opens its own
            self._local.pid = os.getpid()
            if self._path == ":memory:":
                con = sqlite3.connect(":memory:")
                _build(con, self.folder)
            else:
                con = sqlite3.connect(f"file:{self._path}?mode=ro", uri=True)
            self._local.con = con
        return con

    def first_words(self) -> frozenset[str]:
        """The lower-case first token of every name: a run of the text that
        starts with another word spells no name, and is not looked up."""
        if getattr(self, "_firsts", None) is None:
            self._firsts = frozenset(w for (w,) in self.con.execute("SELECT word FROM firsts"))
        return self._firsts

    def row(self, entity_id: str) -> tuple | None:
        return self.con.execute("SELECT * FROM entries WHERE id = ?", (entity_id,)).fetchone()

    def rows(self, kind: str, *, capitals: bool = False) -> list[tuple]:
        q = "SELECT * FROM entries WHERE kind = ?" + (" AND capital_of != ''" if capitals else "") + " ORDER BY id"
        return self.con.execute(q, (kind,)).fetchall()

    def by_fold(self, keys) -> dict[str, list[str]]:
        """Folded name -> ids, in the data's order."""
        keys = sorted(set(keys))
        out: dict[str, list[str]] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            q = f"SELECT fold, id FROM names WHERE fold IN ({','.join('?' * len(chunk))}) ORDER BY ord"
            for key, eid in self.con.execute(q, chunk):
                ids = out.setdefault(key, [])
                if eid not in ids:
                    ids.append(eid)
        return out

    def by_tokens(self, runs) -> dict[str, list[tuple[str, str]]]:
        """Lower-case token run -> [(tokens as written, id)], in the data's order."""
        runs = sorted(set(runs))
        out: dict[str, list[tuple[str, str]]] = {}
        for i in range(0, len(runs), 500):
            chunk = runs[i:i + 500]
            q = f"SELECT lower, tokens, id FROM names WHERE lower IN ({','.join('?' * len(chunk))}) ORDER BY ord"
            for lower, tokens, eid in self.con.execute(q, chunk):
                out.setdefault(lower, []).append((tokens, eid))
        return out


    def towns(self, keys) -> dict[str, list[tuple]]:
        """Folded name -> towns of that name: (GeoNames id, name, country, division code, lat, lon,
        population), most populous first."""
        keys = sorted(set(keys))
        out: dict[str, list[tuple]] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            q = (f"SELECT fold, geonames, name, country, admin1, lat, lon, population FROM towns "
                 f"WHERE fold IN ({','.join('?' * len(chunk))}) ORDER BY population DESC, geonames")
            for key, *row in self.con.execute(q, chunk):
                if not any(r[0] == row[0] for r in out.get(key, [])):
                    out.setdefault(key, []).append(tuple(row))
        return out


@cache
def world_index(folder: str) -> WorldIndex:
    return WorldIndex(Path(folder))
