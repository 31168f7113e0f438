"""Atomic file output.

Every export is first written to a temporary file in the folder it will end
up in and renamed over the old file only when it is complete, so an
interrupted run leaves the previous file intact and readable. A
:class:`Transaction` renames a whole set of files at the end, so a build's
files are replaced together, not one by one as they are written.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .errors import Code, ExportError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class Transaction:
    """Files written through :meth:`open` appear at :meth:`commit`; on
    :meth:`rollback` (or an exception) none of them does."""

    def __init__(self) -> None:
        self._staged: list[tuple[Path, Path]] = []

    @contextlib.contextmanager
    def open(self, path: str | os.PathLike, mode: str = "w", *, newline: str | None = "") -> Iterator[IO]:
        target = Path(path)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        except OSError as exc:
            raise ExportError(Code.OUTPUT, f"cannot write in {target.parent}: {exc.strerror or exc}") from None
        tmp_path = Path(tmp)
        os.chmod(tmp_path, 0o666 & ~_umask())  # mkstemp makes 0600; exports are ordinary files
        try:
            kwargs = {} if "b" in mode else {"encoding": "utf-8", "newline": newline}
            with os.fdopen(fd, mode, **kwargs) as fh:
                yield fh
                fh.flush()
                os.fsync(fh.fileno())
        except BaseException:
            tmp_path.unlink(missing_ok=True)
            raise
        self._staged.append((tmp_path, target))

    def commit(self) -> list[Path]:
        done = []
        for tmp, target in self._staged:
            os.replace(tmp, target)
            done.append(target)
        if done:
            with contextlib.suppress(OSError):
                dir_fd = os.open(done[0].parent, os.O_RDONLY)
                try:
                    os.fsync(dir_fd)
                finally:
                    os.close(dir_fd)
        self._staged.clear()
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


def write_text(path: str | os.PathLike, text: str) -> Path:
    """Write one text file atomically."""
    with Transaction() as tx, tx.open(path) as fh:
        fh.write(text)
    return Path(path)
