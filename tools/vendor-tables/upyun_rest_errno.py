#!/usr/bin/env python3
"""Upyun REST/USS errno table -> extracted/upyun-rest-errno.json.

Source: upyun/docs sources/api/errno.md @ 8d194b08d36bdbbaadb5a879ff77e2224e28fa13.
Chinese 详细说明: help.upyun.com/knowledge-base/errno/ as stored in the `search` pages corpus
(excerpt only: the first rows of the table; transcribed verbatim into sources/).
"""
import re
from _common import read_pinned, write_json, cells

SRC = "upyun-rest-errno.errno.md"
SRC_BLOB = "c50acebd38d5db012c485d6a8cc5956d36becc1c"
ZH = "upyun-rest-errno.help-upyun-errno.excerpt.txt"
ZH_BLOB = "f02f0717551ba4d0c524d7e0bdabc9964e3868c6"

ROW = re.compile(r"^\|\s*(\d{3})\s*\|\s*(\d{8})\s*\|(.*)\|\s*$")


def main():
    text = read_pinned(SRC, SRC_BLOB)
    rows = []
    for i, line in enumerate(text.split("\n"), 1):
        m = ROW.match(line)
        if not m:
            continue
        status, code, msg = int(m.group(1)), m.group(2), m.group(3).strip()
        rows.append({
            "code": code,
            "http_status": status,
            "message_en": msg,
            "message_zh": None,
            "description_zh": None,
            "line": i,
            "status_prefix_matches": code[:3] == str(status),
        })
    # Chinese descriptions from the vendor's newer page (excerpt; complete rows only).
    zh = read_pinned(ZH, ZH_BLOB)
    zh_rows = {}
    for i, line in enumerate(zh.split("\n"), 1):
        c = cells(line)
        if len(c) == 4 and re.fullmatch(r"\d{8}", c[1]) and line.rstrip().endswith("|"):
            zh_rows[c[1]] = {"line": i, "http_status": int(c[0]), "message_en": c[2], "description_zh": c[3]}
    by_code = {}
    for r in rows:
        by_code.setdefault(r["code"], []).append(r)
        z = zh_rows.get(r["code"])
        if z:
            r["description_zh"] = z["description_zh"] or None
            r["zh_page"] = z
    dups = sorted(c for c, v in by_code.items() if len(v) > 1)
    zh_only = sorted(set(zh_rows) - set(by_code))
    meta = {
        "source": {"repository": "upyun/docs", "path": "sources/api/errno.md",
                   "commit": "8d194b08d36bdbbaadb5a879ff77e2224e28fa13", "blob": SRC_BLOB},
        "zh_source": {"url": "https://help.upyun.com/knowledge-base/errno/", "blob": ZH_BLOB,
                      "note": "search-corpus excerpt; only the first rows are stored"},
        "count": len(rows),
        "count_with_description_zh": sum(1 for r in rows if r["description_zh"]),
        "duplicate_codes": dups,
        "codes_on_zh_page_not_in_errno_md": zh_only,
        "zh_page_message_differs": [r["code"] for r in rows if r.get("zh_page") and r["zh_page"]["message_en"] != r["message_en"]],
    }
    write_json("upyun-rest-errno.meta.json", meta)
    print(write_json("upyun-rest-errno.json", rows), len(rows), "rows;",
          sum(1 for r in rows if r["description_zh"]), "with description_zh; dups", dups, "zh-only", zh_only)


if __name__ == "__main__":
    main()
