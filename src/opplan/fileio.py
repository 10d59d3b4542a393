"""Write files so that a reader never sees half of one."""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_FILE_SIZE = 5_000_000  # bytes: the default cap on a document, far above any real plan


class NotRegularFile(OSError):
    """The path is a FIFO, a device, a socket or a folder: never opened for reading."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


class FileTooLarge(OSError):
    """The file holds more bytes than the configured cap."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"{size} > {limit}")
        self.size = size
        self.limit = limit


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _umask()  # read once: os.umask changes process state


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write `data` to `path` through a temporary file in the same folder, then rename.

    An interrupted write leaves the old file (or no file), never a partial one.
    Missing parent folders are created. A process killed outright (SIGKILL) cannot
    remove its temporary file: the temporary's name holds the writer's process ID,
    and the next write of the same file removes those of processes that are gone.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    _remove_stale(path)
    import tempfile  # noqa: PLC0415 - a run served from the cache may write nothing

    handle, temporary = tempfile.mkstemp(
        prefix=f"{_temporary_prefix(path)}{os.getpid()}-", suffix=_SUFFIX, dir=path.parent
    )
    try:
        Path(temporary).chmod(0o666 & ~_UMASK)  # mkstemp makes it private; use the usual mode
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


_SUFFIX = ".tmp"


def _temporary_prefix(path: Path) -> str:
    return f".{path.name}.opplan-"


def _remove_stale(path: Path) -> None:
    """Remove the temporary files of writes to `path` by processes that no longer run."""
    prefix = _temporary_prefix(path)
    try:
        names = [entry.name for entry in path.parent.iterdir() if entry.name.startswith(prefix)]
    except OSError:
        return
    for name in names:
        pid = name[len(prefix) :].split("-", 1)[0]
        if name.endswith(_SUFFIX) and pid.isdigit() and not _running(int(pid)):
            (path.parent / name).unlink(missing_ok=True)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it runs, as another user
    return True


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _check_regular(mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise NotRegularFile(next((what for test, what in _KINDS if test(mode)), "not a file"))


def read_regular(path: Path, limit: int = MAX_FILE_SIZE) -> bytes:
    """The bytes of a regular file of at most `limit` bytes (links followed).

    Anything else is refused by its type before it is opened, since opening or
    reading a FIFO blocks and a device such as /dev/zero never ends; the type is
    checked again on the open file, in case the path changed in between.
    """
    _check_regular(path.stat().st_mode)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    handle = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    try:
        status = os.fstat(handle)
        _check_regular(status.st_mode)
        if status.st_size > limit:
            raise FileTooLarge(status.st_size, limit)
        with os.fdopen(os.dup(handle), "rb") as stream:
            data = stream.read(limit + 1)
    finally:
        os.close(handle)
    if len(data) > limit:
        raise FileTooLarge(len(data), limit)
    return data


def is_regular(path: Path) -> bool:
    """Whether `path` is a regular file (links followed), without opening it; False for
    any path that cannot be looked at, such as a name too long for the file system."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def is_folder(path: Path) -> bool:
    """Whether `path` is a folder (links followed); False for any path that cannot be
    looked at, such as a name too long for the file system."""
    try:
        return stat.S_ISDIR(path.stat().st_mode)
    except OSError:
        return False
