#!/usr/bin/env python3
"""Check data/upyun/form/codes.json and data/upyun/multipart/codes.json against their sources.

    python3 tools/vendor-tables/check_upyun_form_multipart.py --docs PATH

PATH is a clone of https://github.com/upyun/docs (a bare mirror does too). The two data files were
transcribed by hand; this tool reads each source file at its pinned commit (refusing unless its git
blob hash is the pinned one), parses the tables itself and compares them with the data:

* form API, `sources/api/form_api.md` @ dc24d0e, the status table (状态代码表): every row but
  200 OK is one entry, in order: `at` is the row's line, `code` and `message.en` the 返回代码
  exactly, `message.zh` the 含义, `http_status` the row's status;
* old multipart API, `sources/api/multipart_upload.md` @ 1d20722, the error code table (错误代码):
  one entry per row, in order: `at`, `code`, `message.en` the 文本内容 (the one row without English,
  40001, must say in its note that the English is errcat's), `message.zh` the 描述, no
  `http_status`; and the HTTP status table: `http_statuses` in order, status, reason (文本内容) and
  `description.zh` (描述);
* each file's source: repository, path, commit, the blob URL at that commit, `cite` = line.

It writes nothing; it prints what it compared and exits 1 on any difference.
Python 3.8+, standard library only.
"""

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

SOURCES = {
    "upyun/form": {
        "data": os.path.join(REPO, "data", "upyun", "form", "codes.json"),
        "path": "sources/api/form_api.md",
        "commit": "dc24d0e2740ff0a3613f59d48c75fe87c93e24c9",
        "blob": "ec1675071308242cfff5b01f6ce6ada321c4b8a7",
    },
    "upyun/multipart": {
        "data": os.path.join(REPO, "data", "upyun", "multipart", "codes.json"),
        "path": "sources/api/multipart_upload.md",
        "commit": "1d20722e64e655bb1d894b50e08bad1640cd8ed6",
        "blob": "6cea05e22683e28f7e2f2e897d858b3dba07784c",
    },
}

PROBLEMS = []


def problem(text):
    PROBLEMS.append(text)


def blob_hash(data):
    """What `git hash-object` gives for these bytes."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def read_source(docs, src):
    try:
        data = subprocess.run(["git", "-C", docs, "show", f"{src['commit']}:{src['path']}"],
                              check=True, capture_output=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        sys.exit(f"check_upyun_form_multipart: cannot read {src['path']} at {src['commit']}: {e}")
    if blob_hash(data) != src["blob"]:
        sys.exit(f"check_upyun_form_multipart: {src['path']} at {src['commit']} has blob "
                 f"{blob_hash(data)}, expected {src['blob']}")
    return data.decode("utf-8").split("\n")


def cells(line):
    """The stripped cells of a Markdown table row."""
    return [c.strip() for c in line.strip().strip("|").split("|")]


def table_after(lines, heading, first_cell):
    """(line number, cells) of the rows of the first table after `heading` whose first cell
    matches `first_cell`, up to the table's end."""
    start = next(i for i, line in enumerate(lines) if line.strip() == heading)
    rows, seen_table = [], False
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if not line.startswith("|"):
            if seen_table:
                break
            continue
        seen_table = True
        row = cells(line)
        if re.fullmatch(first_cell, row[0]):
            rows.append((i + 1, row))
    return rows


def check_source(family, data, src):
    s = data["source"]
    want = {
        "repository": "upyun/docs",
        "path": src["path"],
        "commit": src["commit"],
        "url": f"https://github.com/upyun/docs/blob/{src['commit']}/{src['path']}",
        "cite": "line",
    }
    for key, value in want.items():
        if s.get(key) != value:
            problem(f"{family}: source.{key} is {s.get(key)!r}, expected {value!r}")


def compare(family, what, got, want):
    if got != want:
        problem(f"{family}: {what}: data {got!r}, source {want!r}")


def check_form(docs):
    src = SOURCES["upyun/form"]
    lines = read_source(docs, src)
    data = json.load(open(src["data"], encoding="utf-8"))
    check_source("upyun/form", data, src)
    rows = table_after(lines, "### 表单 API 状态代码表", r"\d{3}")
    errors = [(at, row) for at, row in rows if row[0] != "200"]
    entries = [e for t in data["tables"] for e in t["entries"]]
    compare("upyun/form", "row count", len(entries), len(errors))
    for (at, (status, code, zh)), e in zip(errors, entries):
        where = f"line {at} ({code})"
        compare("upyun/form", f"{where}: at", e["at"], at)
        compare("upyun/form", f"{where}: code", e["code"], code)
        compare("upyun/form", f"{where}: message.en", e["message"]["en"], code)
        compare("upyun/form", f"{where}: message.zh", e["message"]["zh"], zh)
        compare("upyun/form", f"{where}: http_status", e["http_status"], int(status))
    compare("upyun/form", "http_statuses", data["http_statuses"], [])
    return len(errors), [at for at, _ in errors]


def check_multipart(docs):
    src = SOURCES["upyun/multipart"]
    lines = read_source(docs, src)
    data = json.load(open(src["data"], encoding="utf-8"))
    check_source("upyun/multipart", data, src)
    rows = table_after(lines, "#### 错误代码", r"\d{5}")
    entries = [e for t in data["tables"] for e in t["entries"]]
    compare("upyun/multipart", "row count", len(entries), len(rows))
    for (at, (code, en, zh)), e in zip(rows, entries):
        where = f"line {at} ({code})"
        compare("upyun/multipart", f"{where}: at", e["at"], at)
        compare("upyun/multipart", f"{where}: code", e["code"], code)
        if en:
            compare("upyun/multipart", f"{where}: message.en", e["message"]["en"], en)
        elif "English message is errcat's" not in (e.get("note") or ""):
            problem(f"upyun/multipart: {where}: the source has no English; the note must say "
                    "the English message is errcat's")
        compare("upyun/multipart", f"{where}: message.zh", e["message"]["zh"], zh)
        compare("upyun/multipart", f"{where}: http_status", e["http_status"], None)
    statuses = table_after(lines, "#### HTTP Status Codes", r"\d{3}")
    got = [(s["status"], s["reason"], s["description"]["zh"]) for s in data["http_statuses"]]
    want = [(int(status), reason, zh) for _, (status, reason, zh) in statuses]
    compare("upyun/multipart", "http_statuses (status, reason, description.zh)", got, want)
    return len(rows), [at for at, _ in rows], len(statuses), [at for at, _ in statuses]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", required=True, help="a clone of github.com/upyun/docs")
    args = parser.parse_args()
    form, form_lines = check_form(args.docs)
    codes, code_lines, statuses, status_lines = check_multipart(args.docs)
    if PROBLEMS:
        for p in PROBLEMS:
            print(p, file=sys.stderr)
        sys.exit(f"check_upyun_form_multipart: {len(PROBLEMS)} difference(s)")
    print(f"upyun/form: {form} entries = the rows of lines {form_lines[0]}-{form_lines[-1]} "
          "(code, message en/zh, status, line)")
    print(f"upyun/multipart: {codes} entries = the rows of lines {code_lines[0]}-{code_lines[-1]} "
          f"(code, message en/zh, line); {statuses} http_statuses = lines "
          f"{status_lines[0]}-{status_lines[-1]}")
    print("ok")


if __name__ == "__main__":
    main()
