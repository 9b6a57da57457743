#!/usr/bin/env python3
"""Upyun form API status table (表单 API 状态代码表) -> extracted/upyun-form.json.

Source: upyun/docs sources/api/form_api.md @ dc24d0e2740ff0a3613f59d48c75fe87c93e24c9 (2015-07-10),
the last version carrying this table (it is gone at 3b593c2, 2015-10-08).
The "返回代码" column is the message text; the code on the wire is the pair (status, message).
"""
import re
from _common import read_pinned, write_json, cells

SRC = "upyun-form.form_api.md"
SRC_BLOB = "ec1675071308242cfff5b01f6ce6ada321c4b8a7"


def main():
    text = read_pinned(SRC, SRC_BLOB)
    lines = text.split("\n")
    start = next(i for i, l in enumerate(lines) if l.startswith("### 表单 API 状态代码表"))
    rows, success = [], []
    for i in range(start + 1, len(lines)):
        l = lines[i]
        if not l.startswith("|"):
            if rows:
                break
            continue
        c = cells(l)
        if len(c) != 3 or not re.fullmatch(r"\d{3}", c[0]):
            continue
        row = {"code": c[1], "http_status": int(c[0]), "message_en": c[1],
               "message_zh": None, "description_zh": c[2], "line": i + 1}
        (success if row["http_status"] == 200 else rows).append(row)
    meta = {"source": {"repository": "upyun/docs", "path": "sources/api/form_api.md",
                       "commit": "dc24d0e2740ff0a3613f59d48c75fe87c93e24c9", "blob": SRC_BLOB},
            "count_errors": len(rows), "success_rows": success,
            "note": "code == message_en: the table keys errors by status + message text"}
    write_json("upyun-form.meta.json", meta)
    print(write_json("upyun-form.json", rows), len(rows), "error rows +", len(success), "success row")


if __name__ == "__main__":
    main()
