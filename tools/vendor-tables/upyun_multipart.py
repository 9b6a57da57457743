#!/usr/bin/env python3
"""Upyun old multipart API error codes (错误代码) -> extracted/upyun-multipart.json.

Source: upyun/docs sources/api/multipart_upload.md @ 1d20722e64e655bb1d894b50e08bad1640cd8ed6 (2015-08-28),
the last version carrying this table (gone at 0303567, 2015-10-31).
The document gives no per-code HTTP status; its separate HTTP Status Codes table is kept in the meta file.
"""
import re
from _common import read_pinned, write_json, cells

SRC = "upyun-multipart.multipart_upload.md"
SRC_BLOB = "6cea05e22683e28f7e2f2e897d858b3dba07784c"


def table_after(lines, heading):
    start = next(i for i, l in enumerate(lines) if l.strip() == heading)
    out, seen = [], False
    for i in range(start + 1, len(lines)):
        l = lines[i]
        if l.startswith("|"):
            seen = True
            out.append((i + 1, cells(l)))
        elif seen:
            break
    return out


def main():
    text = read_pinned(SRC, SRC_BLOB)
    lines = text.split("\n")
    rows = []
    for ln, c in table_after(lines, "#### 错误代码"):
        if len(c) == 3 and re.fullmatch(r"\d{5}", c[0]):
            rows.append({"code": c[0], "http_status": None, "message_en": c[1] or None,
                         "message_zh": None, "description_zh": c[2], "line": ln})
    statuses = []
    for ln, c in table_after(lines, "#### HTTP Status Codes"):
        if len(c) == 3 and re.fullmatch(r"\d{3}", c[0]):
            statuses.append({"status": int(c[0]), "text": c[1], "description_zh": c[2], "line": ln})
    meta = {"source": {"repository": "upyun/docs", "path": "sources/api/multipart_upload.md",
                       "commit": "1d20722e64e655bb1d894b50e08bad1640cd8ed6", "blob": SRC_BLOB},
            "count": len(rows), "http_statuses": statuses,
            "body_example_lines": [i + 1 for i, l in enumerate(lines) if "error_code:" in l]}
    write_json("upyun-multipart.meta.json", meta)
    print(write_json("upyun-multipart.json", rows), len(rows), "rows,", len(statuses), "statuses")


if __name__ == "__main__":
    main()
