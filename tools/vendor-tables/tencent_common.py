#!/usr/bin/env python3
"""Tencent Cloud API 3.0 common error codes -> extracted/tencent-common.json.

Source: teco-project/teco-code-generators Sources/TecoCommonErrorGenerator/data.swift
@ 9c4d3b3c6ca3f473ebe00aa36e5571d43852861e: `tcCommonErrors` (zh, from cloud.tencent.com/document/product/213/30435)
and `tcIntlCommonErrors` (en, from tencentcloud.com/document/product/213/33281).
Cross-check: the vendor's own common-code table (cloud.tencent.com/document/product/571/82116) as stored
in the `search` docs corpus (an excerpt, cut after RequestLimitExceeded.UinLimitExceeded), transcribed into sources/.
`in_errcat` marks the 26 codes errcat already has (read from /work/main, read only).
"""
import json
import re
from _common import read_pinned, write_json, cells

SRC, SRC_BLOB = "tencent-common.teco.data.swift", "ba903d0f898386f05e4d0794234e4afd82c004b6"
PAGE, PAGE_BLOB = "tencent-common.cloud-tencent-571-82116.excerpt.txt", "30caa655d2793a660c5fd0cea818283ece57c51a"
ERRCAT = "/work/main/data/tencent-cloud/common/codes.json"
ENTRY = re.compile(r'^\s*"([A-Za-z.]+)": "(.*)",?\s*$')


def parse_dict(lines, name):
    start = next(i for i, l in enumerate(lines) if f"let {name}:" in l)
    out = {}
    for i in range(start + 1, len(lines)):
        if lines[i].strip().startswith("]"):
            break
        m = ENTRY.match(lines[i])
        if m:
            out[m.group(1)] = (m.group(2), i + 1)
    return out


def main():
    lines = read_pinned(SRC, SRC_BLOB).split("\n")
    zh = parse_dict(lines, "tcCommonErrors")
    en = parse_dict(lines, "tcIntlCommonErrors")
    page = {}
    for i, l in enumerate(read_pinned(PAGE, PAGE_BLOB).split("\n"), 1):
        if l.rstrip().endswith("|"):
            c = cells(l)
            if len(c) == 2 and re.fullmatch(r"[A-Z][A-Za-z.]+", c[0]) and c[0] != "---":
                page[c[0]] = (c[1], i)
    with open(ERRCAT, encoding="utf-8") as f:
        have = {e["code"] for t in json.load(f)["tables"] for e in t["entries"]}
    rows = []
    for code in sorted(set(zh) | set(en)):
        z, e, p = zh.get(code), en.get(code), page.get(code)
        rows.append({"code": code, "http_status": None,
                     "message_zh": z[0] if z else None, "message_en": e[0] if e else None,
                     "line": z[1] if z else None, "line_en": e[1] if e else None,
                     "vendor_page_zh": p[0] if p else None, "vendor_page_line": p[1] if p else None,
                     "in_errcat": code in have})
    new = [r["code"] for r in rows if not r["in_errcat"]]
    meta = {"source": {"repository": "teco-project/teco-code-generators",
                       "path": "Sources/TecoCommonErrorGenerator/data.swift",
                       "commit": "9c4d3b3c6ca3f473ebe00aa36e5571d43852861e", "blob": SRC_BLOB},
            "vendor_page": {"url": "https://cloud.tencent.com/document/product/571/82116", "blob": PAGE_BLOB,
                            "note": "search-corpus excerpt, truncated; rows after RequestLimitExceeded.UinLimitExceeded are not stored"},
            "count_zh": len(zh), "count_en": len(en), "new_vs_errcat": new, "count_new": len(new),
            "errcat_codes_missing_here": sorted(have - set(zh)),
            "vendor_page_text_differs": [r["code"] for r in rows if r["vendor_page_zh"] and r["vendor_page_zh"] != r["message_zh"]]}
    write_json("tencent-common.meta.json", meta)
    print(write_json("tencent-common.json", rows), len(rows), "codes;", len(new), "new:", new)


if __name__ == "__main__":
    main()
