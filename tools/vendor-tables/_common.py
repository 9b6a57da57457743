"""Shared helpers for the issue-11 extraction tools (stdlib only)."""
import hashlib
import json
import os
import sys

# tools/vendor-tables/: the copies are read from sources/ and the extractions written to extracted/
# beside the tools (tools/README.md; both ignored by git).
ROOT = os.path.dirname(os.path.abspath(__file__))
SOURCES = os.path.join(ROOT, "sources")
EXTRACTED = os.path.join(ROOT, "extracted")


def git_blob_hash(data: bytes) -> str:
    """Same value as `git hash-object FILE`."""
    h = hashlib.sha1()
    h.update(b"blob %d\0" % len(data))
    h.update(data)
    return h.hexdigest()


def read_pinned(name: str, pinned: str) -> str:
    """Read sources/NAME and refuse unless its git blob hash is PINNED."""
    path = os.path.join(SOURCES, name)
    with open(path, "rb") as f:
        data = f.read()
    got = git_blob_hash(data)
    if got != pinned:
        sys.exit(f"refusing: {path} has blob {got}, expected pinned {pinned}")
    return data.decode("utf-8")


def write_json(name: str, obj) -> str:
    os.makedirs(EXTRACTED, exist_ok=True)
    path = os.path.join(EXTRACTED, name)
    text = json.dumps(obj, ensure_ascii=False, indent=1) + "\n"
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return path


def cells(line: str):
    """Split a markdown table row into stripped cells (no leading/trailing empty cell)."""
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|"):
        s = s[:-1]
    return [c.strip() for c in s.split("|")]
