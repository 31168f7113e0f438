"""Atomic file output.

Every export is first written to a temporary file in the folder it will end
up in (``.NAME.PID.RANDOM.tmp``), flushed and fsynced, and renamed over the
old file only when it is complete, so an interrupted run - an exception,
Ctrl-C, a SIGKILL, a full disk - leaves the previous file intact and
readable. A :class:`Transaction` renames a whole set of files at the end:
first every file is written and synced, then they are renamed one after
another (a few milliseconds) and their folders synced. A process killed
in that window leaves each file either complete old or complete new.

A file whose new content is byte-for-byte the old one is not replaced at
all (its modification time and inode stay): building the same input twice
changes nothing on disk.

Temporary files left by a killed process are removed by the next commit
into the same folder: a ``.NAME.PID.*.tmp`` file of a target being written
whose process ``PID`` no longer runs is stale.
"""
from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .errors import Code, ExportError, InputError, one_of

_TMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[^.]+\.tmp$")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def fsync_dir(path: Path) -> None:
    """Make a rename or a new entry in folder ``path`` durable (POSIX)."""
    with contextlib.suppress(OSError):  # not every platform or file system can sync a folder
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    except OSError:
        return True
    return True


def stale_temp_files(folder: Path, names: set[str]) -> list[Path]:
    """Temporary files for ``names`` in ``folder`` left by processes that no
    longer run."""
    out = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return out
    for entry in entries:
        m = _TMP.match(entry.name)
        if m and m.group("name") in names and not _alive(int(m.group("pid"))):
            out.append(Path(entry.path))
    return sorted(out)


def _mkdirs(folder: Path) -> None:
    """Create ``folder`` and its missing parents, syncing each new entry."""
    missing = []
    p = folder
    while not p.exists():
        missing.append(p)
        if p.parent == p:
            break
        p = p.parent
    folder.mkdir(parents=True, exist_ok=True)
    for new in reversed(missing):
        fsync_dir(new.parent)


class Transaction:
    """Files written through :meth:`open` appear at :meth:`commit`; on
    :meth:`rollback` (or an exception) none of them does."""

    def __init__(self) -> None:
        self._staged: list[tuple[Path, Path]] = []

    @contextlib.contextmanager
    def open(self, path: str | os.PathLike, mode: str = "w", *, newline: str | None = "") -> Iterator[IO]:
        target = Path(path)
        try:
            _mkdirs(target.parent)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent)
        except OSError as exc:
            raise ExportError(Code.OUTPUT, f"cannot write in {target.parent}: {exc.strerror or exc}") from None
        tmp_path = Path(tmp)
        try:
            os.chmod(tmp_path, 0o666 & ~_umask())  # mkstemp makes 0600; exports are ordinary files
            kwargs = {} if "b" in mode else {"encoding": "utf-8", "newline": newline}
            with os.fdopen(fd, mode, **kwargs) as fh:
                yield fh
                fh.flush()
                os.fsync(fh.fileno())
        except BaseException as exc:
            tmp_path.unlink(missing_ok=True)
            if isinstance(exc, OSError):
                raise ExportError(Code.OUTPUT, f"cannot write {target}: {exc.strerror or exc}") from None
            raise
        self._staged.append((tmp_path, target))

    def commit(self) -> list[Path]:
        """Rename every staged file over its target; return the targets."""
        staged, self._staged = self._staged, []
        done: list[Path] = []
        folders: dict[Path, set[str]] = {}
        try:
            for i, (tmp, target) in enumerate(staged):
                if _same_content(tmp, target):
                    tmp.unlink()  # unchanged: leave the old file (and its mtime) alone
                else:
                    os.replace(tmp, target)
                done.append(target)
                folders.setdefault(target.parent, set()).add(target.name)
        except OSError as exc:
            for tmp, _target in staged[i:]:
                tmp.unlink(missing_ok=True)
            raise ExportError(Code.OUTPUT, f"cannot replace {target}: {exc.strerror or exc}") from None
        for folder in sorted(folders):
            fsync_dir(folder)
        for folder, names in sorted(folders.items()):
            for stale in stale_temp_files(folder, names):
                stale.unlink(missing_ok=True)
        return done

    def rollback(self) -> None:
        for tmp, _ in self._staged:
            tmp.unlink(missing_ok=True)
        self._staged.clear()

    def __enter__(self) -> "Transaction":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.rollback()


def _same_content(new: Path, old: Path) -> bool:
    try:
        if old.is_symlink() or not old.is_file() or old.stat().st_size != new.stat().st_size:
            return False
        with new.open("rb") as a, old.open("rb") as b:
            while True:
                x, y = a.read(1 << 20), b.read(1 << 20)
                if x != y:
                    return False
                if not x:
                    return True
    except OSError:
        return False


def write_text(path: str | os.PathLike, text: str) -> Path:
    """Write one text file atomically."""
    with Transaction() as tx, tx.open(path) as fh:
        fh.write(text)
    return Path(path)


def rdf_input(path: str | Path, formats: dict):
    """An RDF file to read, and its format in ``formats`` (by name ending):
    an unknown ending or a missing file is a clear :class:`InputError`."""
    path = Path(path)
    fmt = formats.get(path.suffix.lower())
    if fmt is None:
        raise InputError(Code.NOT_TEXT, f"{path}: RDF format of {one_of(path.suffix, formats)}")
    if not path.is_file():
        raise InputError(Code.PATH_NOT_FOUND, f"{path} does not exist")
    return path, fmt
