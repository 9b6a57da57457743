#!/usr/bin/env python3
"""Cloudbypass balance API error handling, as the vendor's python SDK reads it -> extracted/cloudbypass-balance.json.

Sources: cloudbypass/python-sdk src/cloudbypass/sessions.py and src/cloudbypass/exceptions.py
@ 1bc0491b967970c96723da0f4f7b1f305931e8b0 (2024-03-09). The SDK documents no codes: it reads the
`detail` field of a non-200 JSON body (APIError) and the `balance` field of a 200 body.
Each row is one thing the SDK reads or defaults, with its line.
"""
import re
from _common import read_pinned, write_json

S, S_BLOB = "cloudbypass-balance.python-sdk.sessions.py", "a48f8669c3110625cdef08218b66e6363aa7c22f"
E, E_BLOB = "cloudbypass-balance.python-sdk.exceptions.py", "88895cbd1fe14c2fb30d624a10580dbc2d7cc519"


def main():
    s = read_pinned(S, S_BLOB).split("\n")
    e = read_pinned(E, E_BLOB).split("\n")
    rows = []
    for i, l in enumerate(s, 1):
        m = re.search(r'"(https://console\.cloudbypass\.com/api/v1/balance\?apikey=)"', l)
        if m:
            rows.append({"file": "sessions.py", "line": i, "what": "endpoint", "value": m.group(1)})
        m = re.search(r"if (resp\.status(?:_code)? != 200):", l)
        if m and i + 1 <= len(s) and "APIError" in s[i]:
            rows.append({"file": "sessions.py", "line": i, "what": "error_condition", "value": m.group(1)})
            rows.append({"file": "sessions.py", "line": i + 1, "what": "raises", "value": s[i].strip()})
        m = re.search(r'\["balance"\]', l)
        if m:
            rows.append({"file": "sessions.py", "line": i, "what": "success_field", "value": "balance"})
        m = re.search(r'x-cb-status"\) != "ok"', l)
        if m:
            rows.append({"file": "sessions.py", "line": i, "what": "api_error_condition", "value": l.strip()})
    cls = None
    for i, l in enumerate(e, 1):
        m = re.match(r"class (\w+)\(", l)
        if m:
            cls = m.group(1)
        m = re.search(r'self\.(\w+) = kwargs\.get\("(\w+)"\) or "([^"]*)"', l)
        if m:
            rows.append({"file": "exceptions.py", "line": i, "what": f"{cls}.{m.group(1)}",
                         "value": {"reads_field": m.group(2), "default": m.group(3)}})
    print(write_json("cloudbypass-balance.json", rows), len(rows), "rows")


if __name__ == "__main__":
    main()
