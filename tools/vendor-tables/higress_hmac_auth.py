#!/usr/bin/env python3
"""Higress hmac-auth (wasm-cpp) local responses -> extracted/higress-hmac-auth.json.

Sources: alibaba/higress plugins/wasm-cpp/extensions/hmac_auth/plugin.cc
@ bd6708552d972aea62871b88a84510533e81933b (last change to the file; identical at HEAD 4e0d6914),
README.md / README_EN.md @ c7c4ae1da2682309e8b16c32ffbb3b06012bd768 ("相关错误码" / "Related Error Codes").
plugin.cc calls sendLocalResponse(status, details, body, headers): `message_en` is the body.
"""
import re
from _common import read_pinned, write_json, cells

CC, CC_BLOB = "higress-hmac-auth.plugin.cc", "f7b7747168f6dc4248f1d399c9cbe6e413691a98"
ZH, ZH_BLOB = "higress-hmac-auth.README.md", "dba464a8775a4d4e9671faaa04bfdbe6f9c00a61"
EN, EN_BLOB = "higress-hmac-auth.README_EN.md", "0e9f2c4b7a7dc4d7a8e8c1d9e58e84381ad1cc35"
FN = re.compile(r'^void (denied\w+)\(')
SLR = re.compile(r'sendLocalResponse\((\d{3}),\s*"([^"]*)",\s*"([^"]*)",\s*(\{.*)', re.S)


def readme_rows(text):
    out = {}
    lines = text.split("\n")
    for i, l in enumerate(lines, 1):
        c = cells(l) if l.startswith("|") else []
        if len(c) == 3 and re.fullmatch(r"\d{3}", c[0]):
            out[c[1]] = {"status": int(c[0]), "reason": c[2], "line": i}
    return out


def main():
    lines = read_pinned(CC, CC_BLOB).split("\n")
    rows = []
    for i, l in enumerate(lines):
        m = FN.match(l)
        if not m:
            continue
        body = " ".join(x.strip() for x in lines[i + 1:i + 4])
        s = SLR.search(body)
        if not s:
            continue
        hdrs = s.group(4)
        rows.append({"code": s.group(3), "http_status": int(s.group(1)), "message_en": s.group(3),
                     "response_code_details": s.group(2), "function": m.group(1),
                     "sets_header": "x-ca-error-message" if "CA_ERRMSG" in hdrs else None, "line": i + 2})
    errmsg_const = next((j + 1, l.strip()) for j, l in enumerate(lines) if "CA_ERRMSG =" in l)
    fmt = next((j + 1, l.strip()) for j, l in enumerate(lines) if "Server StringToSign:" in l)
    tip = next((j + 1, l.strip()) for j, l in enumerate(lines) if "StrReplaceAll(str_to_sign" in l)
    zh = readme_rows(read_pinned(ZH, ZH_BLOB))
    en = readme_rows(read_pinned(EN, EN_BLOB))
    for r in rows:
        z, e = zh.get(r["code"]), en.get(r["code"])
        r["description_zh"] = z["reason"] if z else None
        r["description_en"] = e["reason"] if e else None
        r["readme_status_zh"] = z["status"] if z else None
    only_readme = sorted(set(zh) - {r["code"] for r in rows})
    meta = {"source": {"repository": "alibaba/higress", "path": "plugins/wasm-cpp/extensions/hmac_auth/plugin.cc",
                       "commit": "bd6708552d972aea62871b88a84510533e81933b", "blob": CC_BLOB},
            "x_ca_error_message": {"header_constant": {"line": errmsg_const[0], "text": errmsg_const[1]},
                                   "format": {"line": fmt[0], "text": fmt[1]},
                                   "newline_replacement": {"line": tip[0], "text": tip[1]}},
            "readme_only": {k: {"zh": zh[k], "en": en.get(k)} for k in only_readme},
            "count": len(rows)}
    write_json("higress-hmac-auth.meta.json", meta)
    print(write_json("higress-hmac-auth.json", rows), len(rows), "responses; readme-only:", only_readme)


if __name__ == "__main__":
    main()
