#!/usr/bin/env python3
"""Cloudbypass current error-code table (zh + en) -> extracted/cloudbypass-api.json.

Source: cloudbypass/cloudbypass.github.com docs/zh-cn/response_data.md and docs/us-en/response_data.md
@ f5239a19798c9ffac1feca33a3ca032dc4d98148 (2025-06-06). Rows are kept as the document has them
(BAD_GATEWAY appears twice); zh and en rows are paired by position and the code is checked equal.
"""
import re
from _common import read_pinned, write_json, cells

ZH, ZH_BLOB = "cloudbypass-api.zh-cn.response_data.md", "59bc08ff7a19a05a97a35d5fae2f3b039ea49640"
EN, EN_BLOB = "cloudbypass-api.us-en.response_data.md", "b102dfdac00ca765bd787f2a61b4ab73d11045e5"
VERSION = {"`所有版本`": "all", "`all`": "all", "`v1`": "v1", "`v2`": "v2"}
CODE = re.compile(r"^[A-Z][A-Z0-9_]+$")


def table(text, heading):
    lines = text.split("\n")
    start = next(i for i, l in enumerate(lines) if l.strip() == heading)
    out = []
    for i in range(start + 1, len(lines)):
        l = lines[i]
        if l.startswith("|"):
            c = cells(l)
            if len(c) == 3 and CODE.match(c[0]) and c[1] in VERSION:
                out.append((i + 1, c))
        elif out and l.strip():
            break
    return out


def main():
    zh = table(read_pinned(ZH, ZH_BLOB), "### 错误代码")
    en = table(read_pinned(EN, EN_BLOB), "### Error Code")
    if [c[0] for _, c in zh] != [c[0] for _, c in en]:
        raise SystemExit("zh and en tables list different codes")
    rows = []
    for (lz, cz), (le, ce) in zip(zh, en):
        if VERSION[cz[1]] != VERSION[ce[1]]:
            raise SystemExit(f"version mismatch for {cz[0]}")
        rows.append({"code": cz[0], "versions": VERSION[cz[1]], "versions_raw_zh": cz[1],
                     "versions_raw_en": ce[1], "http_status": None, "message_en": None, "message_zh": None,
                     "description_zh": cz[2], "description_en": ce[2], "line": lz, "line_en": le})
    seen = {}
    for r in rows:
        seen[r["code"]] = seen.get(r["code"], 0) + 1
    meta = {"source": {"repository": "cloudbypass/cloudbypass.github.com",
                       "paths": ["docs/zh-cn/response_data.md", "docs/us-en/response_data.md"],
                       "commit": "f5239a19798c9ffac1feca33a3ca032dc4d98148", "blobs": [ZH_BLOB, EN_BLOB]},
            "rows": len(rows), "distinct_codes": len(seen),
            "repeated_codes": sorted(c for c, n in seen.items() if n > 1),
            "note": "description cells are raw markdown/HTML as in the document (links, <br/>)."}
    write_json("cloudbypass-api.meta.json", meta)
    print(write_json("cloudbypass-api.json", rows), len(rows), "rows,", len(seen), "distinct")


if __name__ == "__main__":
    main()
