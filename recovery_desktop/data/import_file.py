"""Reading an export file: bounded, UTF-8 JSON, every key once per object. What it holds
is checked by :mod:`recovery_desktop.data.import_json`."""

from __future__ import annotations

import errno
import json
from pathlib import Path
from typing import Any

from recovery_desktop.data.fsutil import NotASmallFile, read_small_file
from recovery_desktop.data.transfer_format import MAX_FILE_BYTES, ImportProblem

_MB = MAX_FILE_BYTES // (1024 * 1024)


def shown_key(name: str) -> str:
    """A key of the file, shortened, for a path in a message."""
    return name if len(name) <= 40 else name[:40] + "…"


def read_bounded(path: Path) -> bytes:
    """The bytes of a regular file of at most :data:`MAX_FILE_BYTES`
    (:func:`fsutil.read_small_file`): a folder, a pipe or a device is refused without
    waiting on it, a larger file without reading it. Raises :class:`ImportProblem`."""
    name = path.name or str(path)
    try:
        return read_small_file(path, MAX_FILE_BYTES)
    except NotASmallFile as error:
        reason = (
            f"the file is larger than {_MB} MB, the most import reads"
            if error.too_big
            else "this is not a regular file (a folder, pipe or device)"
        )
        raise ImportProblem(name, reason) from None
    except OSError as error:
        raise ImportProblem(name, _open_reason(error)) from None


def _open_reason(error: OSError) -> str:
    if error.errno == errno.ENOENT:
        return "there is no such file"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "this account is not allowed to read it"
    if error.errno == errno.EISDIR:
        return "this is not a regular file (a folder, pipe or device)"
    return f"the file could not be read ({error.strerror})"


def _no_constant(name: str) -> None:
    raise ValueError(name)


def parse(data: bytes, name: str = "the file") -> Any:
    """The JSON value of UTF-8 ``data``; raises :class:`ImportProblem` for anything else."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ImportProblem(name, "the file is not UTF-8 text, so it is not an export") from None
    try:
        value = json.loads(
            text.removeprefix("\ufeff"), parse_constant=_no_constant, object_pairs_hook=_object
        )
    except RecursionError:
        raise ImportProblem(name, "the file's JSON is nested too deeply") from None
    except ValueError:  # JSONDecodeError, NaN, numbers with too many digits
        raise ImportProblem(name, "the file is not complete, valid JSON") from None
    twice = _key_twice(value)
    if twice is not None:  # JSON would keep the last silently: which one was meant?
        raise ImportProblem(twice, "this key appears twice in one object")
    return value


class _Twice(dict[str, Any]):
    """A JSON object in which ``key`` appeared more than once."""

    key = ""


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) == len(pairs):
        return found
    marked, seen = _Twice(found), set()
    for key, _value in pairs:
        if key in seen:
            marked.key = key
            break
        seen.add(key)
    return marked


def _key_twice(value: Any) -> str | None:
    """The JSON path of the first key that appears twice in one object, or None."""
    stack: list[tuple[Any, str]] = [(value, "")]
    while stack:
        node, path = stack.pop()
        if isinstance(node, dict):
            if isinstance(node, _Twice):
                return _joined(path, node.key)
            stack.extend((v, _joined(path, str(k))) for k, v in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend((v, f"{path}[{i}]") for i, v in reversed(list(enumerate(node))))
    return None


def _joined(path: str, key: str) -> str:
    return f"{path}.{shown_key(key)}" if path else shown_key(key)
