#!/usr/bin/env python3
"""Diff the current Cloudbypass table against errcat's data -> extracted/cloudbypass-api.diff.json.

Compares (1) the raw zh table of cloudbypass/docs-page@027deb00 (errcat's source) with
cloudbypass/cloudbypass.github.com@f5239a19, row by row; (2) errcat's
/work/main/data/cloudbypass/api/codes.json (read only) with the current table: codes, versions, lines.
Run cloudbypass_api.py first.
"""
import json
import os
from _common import read_pinned, write_json, EXTRACTED
from cloudbypass_api import table, VERSION

OLD, OLD_BLOB = "cloudbypass-api.docs-page-027deb00.zh-cn.response_data.md", "df6661b6ab5656aec154c1f676256b70a2e145a9"
ERRCAT = "/work/main/data/cloudbypass/api/codes.json"


def main():
    old = table(read_pinned(OLD, OLD_BLOB), "### 错误代码")
    cur = json.load(open(os.path.join(EXTRACTED, "cloudbypass-api.json"), encoding="utf-8"))
    diffs = []
    # (1) document vs document, by (code, occurrence)
    def keyed(rows):
        n, out = {}, {}
        for r in rows:
            n[r[0]] = n.get(r[0], 0) + 1
            out[(r[0], n[r[0]])] = r
        return out
    o = keyed([(c[0], VERSION[c[1]], c[2], ln) for ln, c in old])
    c = keyed([(r["code"], r["versions"], r["description_zh"], r["line"]) for r in cur])
    for k in sorted(set(o) | set(c), key=lambda k: (c.get(k, o.get(k))[3], k)):
        a, b = o.get(k), c.get(k)
        if a is None:
            diffs.append({"kind": "added", "code": k[0], "occurrence": k[1], "versions": b[1],
                          "description_zh": b[2], "line_new": b[3]})
        elif b is None:
            diffs.append({"kind": "removed", "code": k[0], "occurrence": k[1], "line_old": a[3]})
        else:
            if a[1] != b[1]:
                diffs.append({"kind": "versions_changed", "code": k[0], "old": a[1], "new": b[1]})
            if a[2] != b[2]:
                diffs.append({"kind": "description_zh_changed", "code": k[0], "occurrence": k[1],
                              "old": a[2], "new": b[2], "line_old": a[3], "line_new": b[3]})
            if a[3] != b[3]:
                diffs.append({"kind": "line_moved", "code": k[0], "occurrence": k[1],
                              "line_old": a[3], "line_new": b[3]})
    # (2) errcat data vs current table
    with open(ERRCAT, encoding="utf-8") as f:
        data = json.load(f)
    entries = [e for t in data["tables"] for e in t["entries"]]
    first_line = {}
    for r in cur:
        first_line.setdefault(r["code"], r["line"])
    errcat_vs = []
    for e in entries:
        if e["code"] not in first_line:
            errcat_vs.append({"kind": "in_errcat_not_in_current", "code": e["code"]})
            continue
        rr = next(r for r in cur if r["code"] == e["code"])
        if e.get("versions") != rr["versions"]:
            errcat_vs.append({"kind": "versions_differ", "code": e["code"], "errcat": e.get("versions"), "current": rr["versions"]})
        errcat_vs.append({"kind": "at_line", "code": e["code"], "errcat_at": e.get("at"), "current_line": first_line[e["code"]]})
    codes = {e["code"] for e in entries}
    for code in first_line:
        if code not in codes:
            errcat_vs.append({"kind": "in_current_not_in_errcat", "code": code})
    out = {"document_diff": diffs, "errcat_vs_current": errcat_vs,
           "errcat_source_commit": data["source"].get("commit"),
           "note": "errcat has no vendor English (docs-page@027deb00 has no us-en file); the current us-en file is new material."}
    print(write_json("cloudbypass-api.diff.json", out), len(diffs), "document diffs")


if __name__ == "__main__":
    main()
