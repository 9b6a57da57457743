#!/usr/bin/env python3
"""Alibaba Cloud API Gateway X-Ca-Error-Code table (VPC / dedicated instances) -> extracted/aliyun-xca-error-code.json.

No repository holds this table; the vendor pages are stored in the `search` corpora only as excerpts from the
page start. The excerpts were transcribed verbatim into sources/ (see SOURCES.md):
  zh  help.aliyun.com/zh/api-gateway/traditional-api-gateway/support/api-gateway-error-code-table  (rows 1-17 complete)
  en  help.aliyun.com/en/api-gateway/error-codes                                                 (rows 1-7 complete)
  ask developer.aliyun.com/ask/278257 (community re-post of the table, backticks lost; rows 1-25 complete, 26 cut)
Rows from `ask` only split message / description at the first CJK character, or at the space before an ASCII word glued to it
(flagged split_heuristic).
"""
import re
from _common import read_pinned, write_json, cells

ZH, ZH_BLOB = "aliyun-xca-error-code.help-aliyun-zh.excerpt.txt", "c867be61e4d924d2b132601d6418058dace9d85e"
EN, EN_BLOB = "aliyun-xca-error-code.help-aliyun-en.excerpt.txt", "102593e71121957b482494a8ceef48e8ea2e0096"
ASK, ASK_BLOB = "aliyun-xca-error-code.developer-aliyun-ask-278257.excerpt.txt", "edee2df62f7529158b5c3032b171ab3c6158765a"
CODE = re.compile(r"[IATBDXN]\d{3}[A-Z0-9]{2}")
CJK = re.compile(r"[\u4e00-\u9fff]")


def page_rows(text):
    out = {}
    for i, l in enumerate(text.split("\n"), 1):
        if not l.rstrip().endswith("|"):
            continue
        c = cells(l)
        if len(c) == 4 and CODE.fullmatch(c[0]):
            out[c[0]] = {"http_status": int(c[1]), "message": c[2], "description": c[3], "line": i}
    return out


def ask_rows(text):
    lines = text.split("\n")
    ln = next(i for i, l in enumerate(lines) if re.search(r"\bI400HD 400\b", l))
    line = lines[ln]
    toks = list(re.finditer(r"\b(" + CODE.pattern + r") (\d{3}) ", line))
    out = {}
    for k, m in enumerate(toks):
        end = toks[k + 1].start() if k + 1 < len(toks) else len(line)
        rest = line[m.end():end].strip()
        j = CJK.search(rest)
        cut = j.start() if j else len(rest)
        if j and cut > 0 and rest[cut - 1] != " ":  # e.g. "...Overdue API提供方欠费": the ASCII word glued to CJK belongs to the description
            cut = rest.rfind(" ", 0, cut) + 1
        msg, desc = rest[:cut].strip(), rest[cut:].strip()
        out[m.group(1)] = {"http_status": int(m.group(2)), "message": msg, "description": desc,
                           "line": ln + 1, "column": m.start() + 1, "truncated": k + 1 == len(toks)}
    return out


def main():
    zh = page_rows(read_pinned(ZH, ZH_BLOB))
    en = page_rows(read_pinned(EN, EN_BLOB))
    ask = ask_rows(read_pinned(ASK, ASK_BLOB))
    order = list(ask)  # the ask excerpt reaches furthest; zh/en are prefixes of the same order
    for c in list(zh) + list(en):
        if c not in order:
            order.append(c)
    rows = []
    for code in order:
        z, e, a = zh.get(code), en.get(code), ask.get(code)
        src = z or a
        status = src["http_status"]
        row = {"code": code, "http_status": status,
               "message_en": (z or a)["message"],
               "message_source": "zh" if z else "ask",
               "description_zh": (z or a)["description"] or None,
               "description_en": e["description"] if e else None,
               "line": z["line"] if z else None,
               "line_en": e["line"] if e else None,
               "ask_line": a["line"] if a else None, "ask_column": a["column"] if a else None,
               "split_heuristic": z is None,
               "truncated": bool(a and a["truncated"] and z is None),
               "class_letter": code[0], "status_in_code": int(code[1:4]), "reason": code[4:],
               "status_matches_code": int(code[1:4]) == status}
        for other, name in ((e, "en"), (a, "ask")):
            if other and other["http_status"] != status:
                row.setdefault("conflicts", []).append(f"{name} status {other['http_status']}")
        if e and z and e["message"] != z["message"]:
            row.setdefault("conflicts", []).append("en message differs")
        rows.append(row)
    meta = {"sources": {"zh": ZH_BLOB, "en": EN_BLOB, "ask": ASK_BLOB},
            "count": len(rows), "complete_rows": sum(1 for r in rows if not r["truncated"]),
            "from_vendor_zh_page": sum(1 for r in rows if r["message_source"] == "zh"),
            "with_vendor_en": sum(1 for r in rows if r["description_en"]),
            "note": "The vendor table continues past these rows (A, B, T, D, X, N classes); the rest is not stored in any corpus reachable here."}
    write_json("aliyun-xca-error-code.meta.json", meta)
    print(write_json("aliyun-xca-error-code.json", rows), meta)


if __name__ == "__main__":
    main()
