"""Finding input files and reading their bytes.

Folders are walked recursively (symbolic links to folders are followed
once; a link cycle is not walked twice), keeping the files whose name or
path inside the folder matches an ``include`` pattern (ignoring case) and no part of whose
path matches an ``exclude`` pattern. Each file keeps its path relative to
the folder given: its stable ``source`` name, the same wherever the folder
lies. A file named on the command line is always read.
"""
from __future__ import annotations

import errno
import fnmatch
import os
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from ..config import IngestConfig
from ..errors import Code, InputError, Problem


def _excluded(rel: str, patterns: Iterable[str]) -> bool:
    parts = PurePosixPath(rel).parts
    return any(fnmatch.fnmatchcase(rel, p) or any(fnmatch.fnmatchcase(part, p) for part in parts)
               for p in patterns)


def _included(rel: str, patterns: Iterable[str]) -> bool:
    """Include patterns ignore case: ``*.html`` also reads ``REPORT.HTML``."""
    rel = rel.casefold()
    name = PurePosixPath(rel).name
    return any(fnmatch.fnmatchcase(name, p.casefold()) or fnmatch.fnmatchcase(rel, p.casefold()) for p in patterns)


def _walk(root: Path, config: IngestConfig, problems: list[Problem]) -> list[tuple[Path, str]]:
    found: list[tuple[Path, str]] = []
    visited: set[tuple[int, int]] = set()

    def onerror(err: OSError) -> None:
        problems.append(Problem(str(err.filename or root), Code.UNREADABLE,
                                f"cannot list this folder: {err.strerror or err}"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror, followlinks=True):
        here = Path(dirpath)
        try:
            st = here.stat()
        except OSError:
            dirnames[:] = []
            continue
        if (st.st_dev, st.st_ino) in visited:  # a link back into a folder already walked
            dirnames[:] = []
            continue
        visited.add((st.st_dev, st.st_ino))
        rel_dir = here.relative_to(root).as_posix()
        prefix = "" if rel_dir == "." else f"{rel_dir}/"
        dirnames[:] = sorted(d for d in dirnames if not _excluded(prefix + d, config.exclude))
        for name in sorted(filenames):
            rel = prefix + name
            if _excluded(rel, config.exclude) or not _included(rel, config.include):
                continue
            path = here / name
            if path.is_symlink() and not path.exists():
                problems.append(Problem(str(path), Code.UNREADABLE, "broken symbolic link"))
            elif not path.is_file():
                problems.append(Problem(str(path), Code.UNREADABLE, "not a regular file"))
            else:
                found.append((path, rel))
    return found


def collect_files(paths: Iterable[str | os.PathLike], config: IngestConfig) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """Expand folders into files, each with its name relative to the folder
    given (its stable source name). The same file reached twice is read once,
    under its shortest source name."""
    files: dict[Path, tuple[Path, str]] = {}
    problems: list[Problem] = []

    def add(path: Path, source: str) -> None:
        try:
            key = path.resolve()
        except OSError:
            key = path.absolute()
        old = files.get(key)
        if old is None or (old[1].count("/"), old[1], str(old[0])) > (source.count("/"), source, str(path)):
            files[key] = (path, source)

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = _walk(path, config, problems)
            if not found:
                problems.append(Problem(str(path), Code.NO_DOCUMENTS,
                                        f"folder holds no file matching {', '.join(config.include)}"))
            for sub, rel in found:
                add(sub, rel)
        elif path.is_file():
            add(path, path.name)
        elif path.is_symlink():
            problems.append(Problem(str(path), Code.UNREADABLE, "broken symbolic link"))
        elif path.exists():
            problems.append(Problem(str(path), Code.UNREADABLE, "not a regular file or folder"))
        else:
            problems.append(Problem(str(path), Code.PATH_NOT_FOUND, "no such file or folder"))
    ordered = sorted(files.values(), key=lambda f: (f[1], str(f[0])))
    return ordered, problems


def os_error(exc: OSError) -> InputError:
    """An OSError met while reading, as a coded input error."""
    if isinstance(exc, PermissionError):
        return InputError(Code.UNREADABLE, "permission denied")
    if isinstance(exc, IsADirectoryError):
        return InputError(Code.UNREADABLE, "is a folder")
    if exc.errno == errno.ENOENT:
        return InputError(Code.PATH_NOT_FOUND, "the file disappeared while reading")
    return InputError(Code.UNREADABLE, exc.strerror or str(exc))


def read_bytes(path: Path, config: IngestConfig) -> bytes:
    """The bytes of a file up to ``max_bytes``; raises :class:`InputError`."""
    limit = config.max_bytes
    try:
        with path.open("rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > limit:
                raise InputError(Code.TOO_LARGE, f"{size:,} bytes is over the limit of {limit:,} (ingest.max_bytes)")
            data = fh.read(limit + 1)  # a file that grows while we read it is still bounded
    except OSError as exc:
        raise os_error(exc) from None
    if len(data) > limit:
        raise InputError(Code.TOO_LARGE, f"over {limit:,} bytes, the limit (ingest.max_bytes)")
    if not data.strip():
        raise InputError(Code.EMPTY, "the file is empty" if not data else "the file holds only white space")
    return data
