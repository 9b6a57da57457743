#!/usr/bin/env python3
"""Cloudbypass API data: data/cloudbypass/api/codes.json from the vendor's current table.

Reads three pinned copies (SOURCES.md; each refused unless its git blob hash is the pin):
  * cloudbypass/cloudbypass.github.com docs/zh-cn/response_data.md @ f5239a19 (2025-06-06): the source;
  * the same repository's docs/us-en/response_data.md @ f5239a19: the vendor's English ("Scrapingbypass");
  * cloudbypass/docs-page docs/zh-cn/response_data.md @ 027deb00 (2024-08-22), errcat's earlier source,
    byte-identical to the seed /work/shared/seeds/000_dec0d4430ef91315.txt (same blob): the seed lines.
and rewrites in the data file what the documents say: the `source`; per entry `versions`, `at` (its line
in the zh file), `seed_line` (its line in the seed, absent when the seed lacks the code) and `description`
(zh from the zh table, en from the us-en table, markup reduced by `plain`). What errcat decides (names,
short-form messages, kinds, retry advice, remedies, notes) stays as the data file has it, except the
decisions this move made, written below (NEW, AMEND) and applied idempotently.

It stops when the tables and the data list different codes, when the zh and en tables disagree, when a
duplicated code is not the one errcat merges, or when a remedy's Chinese is not part of its description.
Running it on its own output gives the same bytes. Usage: python3 tools/vendor-tables/cloudbypass_data.py
"""
import json
import os
import re
import sys

from _common import read_pinned
from cloudbypass_api import table, VERSION, ZH, ZH_BLOB, EN, EN_BLOB

SEED, SEED_BLOB = "cloudbypass-api.docs-page-027deb00.zh-cn.response_data.md", "df6661b6ab5656aec154c1f676256b70a2e145a9"
SEED_NAME = "000_dec0d4430ef91315.txt"
DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                    "data", "cloudbypass", "api", "codes.json")
REPOSITORY, PATH = "cloudbypass/cloudbypass.github.com", "docs/zh-cn/response_data.md"
COMMIT, DATE = "f5239a19798c9ffac1feca33a3ca032dc4d98148", "2025-06-06"

SHORT_FORM = ("The message (zh and en) is errcat's short form of the vendor's description; "
              "the vendor documents no message.")
SOURCE = {
    "title": "响应数据 (Response Data), Cloudbypass API documentation",
    "url": f"https://github.com/{REPOSITORY}/blob/{COMMIT}/{PATH}",
    "repository": REPOSITORY,
    "path": PATH,
    "commit": COMMIT,
    "date": DATE,
    "cite": "line",
    "note": (
        "The date is the commit's (the Chinese file's last change; the English file last changed at 4aa77848, "
        "the same day, and is read at the same commit). Published at https://docs.cloudbypass.com/#/zh-cn/response_data "
        "(the repository's CNAME) and, in English under the brand Scrapingbypass, at "
        "https://docs.cloudbypass.com/#/us-en/response_data (docs/us-en/response_data.md, where each row is 2 lines "
        "below its Chinese line). The vendor documents one description per code and no message: every `message` is "
        "errcat's short form of the description (Chinese) with its English translation; `description` is the vendor's "
        "text in both languages (the Chinese table's and the English table's), its links reduced to their text and its "
        "line breaks to plain text (a sentence that ended at a break or at the end without a stop gets one); "
        "`remedy` is the vendor's advice from the Chinese description with errcat's English (PROXY_NON_STICKY, new "
        "here: the vendor's English). The seed "
        f"({SEED_NAME}) is a copy of errcat's earlier source, cloudbypass/docs-page docs/zh-cn/response_data.md at "
        "027deb0008f264d27d18cef2afa2e61bac6abed4 (2024-08-22): `seed_line` is the code's line there; this table "
        "moved every row 2 lines down, added PROXY_NON_STICKY and reworded INSUFFICIENT_BALANCE."
    ),
    "seed": SEED_NAME,
}

# A code the table lists twice, with different advice: one entry keeps both. The merged description is the
# first row's with its final stop replaced by JOIN, then the second row's advice without its leading LEAD.
MERGED = "BAD_GATEWAY"
LEAD = {"zh": "建议", "en": "It is recommended to "}
JOIN = {"zh": "；或", "en": "; or "}

# errcat's decisions in this move. NEW: entries for codes errcat did not have (their description, versions
# and lines come from the tables). AMEND: fields set on existing entries.
NEW = {
    "PROXY_NON_STICKY": {
        "name": "NonStickyProxy",
        "message": {"zh": "代理为非粘性IP", "en": "The proxy is not a sticky IP."},
        "remedy": {"zh": "需要忽略验证可以设置 no-challenge。",
                   "en": "If you need to ignore the verification, you can set no-challenge."},
        "kind": "failed_precondition",
        "note": SHORT_FORM + (
            " The remedy is the vendor's advice in both languages (the Chinese and the English table's). "
            "failed_precondition: the request is well formed, but the vendor checks before the challenge whether the "
            "proxy (only Cloudbypass's own proxies) is a sticky IP and, since a non-sticky IP cannot complete the "
            "verification, refuses to spend resources on it; the caller must first use a sticky proxy or set "
            "no-challenge, so resending the same request does not help (the kind's default, not retried)."),
    },
}
AMEND = {
    "INSUFFICIENT_BALANCE": {
        "message_aliases": ["余额不足，您的积分余额为0。"],
        "note": SHORT_FORM + (
            " The message alias 余额不足，您的积分余额为0。 is the 2024 document's wording (cloudbypass/docs-page at "
            "027deb00, the seed's line 53; now 账户余额不足。), kept so that a message worded as documented then "
            "still finds the entry."),
    },
}

KEYS = ["code", "aliases", "name", "message", "message_aliases", "description", "remedy", "http_status", "kind",
        "retryable", "retry_reason", "wait", "docs_url", "versions", "at", "seed_line", "note"]
OPTIONAL = {"message_aliases", "wait", "seed_line"}  # written only when set

LINK_MD = re.compile(r"\[([^\]]*)\]\([^)]*\)")
LINK_A = re.compile(r"<a [^>]*>(.*?)</a>")
BREAK = re.compile(r"\s*<br\s*/?>\s*")
STOP = {"zh": "。", "en": "."}
CLOSED = tuple("。，；：！？.,;:!?")


def plain(cell, lang):
    """A description cell as plain text: links become their text; a line break joins (zh: nothing, en: a
    space) after a stop, and adds one where the text before it has none; the end gets a stop if it has none."""
    text = LINK_A.sub(r"\1", LINK_MD.sub(r"\1", cell))
    parts = [p for p in BREAK.split(text) if p]
    parts = [p if p.endswith(CLOSED) else p + STOP[lang] for p in parts]
    return ("" if lang == "zh" else " ").join(parts)


def merge(first, second, lang):
    if not first.endswith(STOP[lang]):
        sys.exit(f"{MERGED}: the first row's {lang} does not end with a stop")
    cut = second.rfind(LEAD[lang])
    if cut < 0 or not first.startswith(second[:cut]):
        sys.exit(f"{MERGED}: the rows' {lang} differ before the advice")
    return first[:-len(STOP[lang])] + JOIN[lang] + second[cut + len(LEAD[lang]):]


def rows():
    """The current table: code -> (versions, [zh line, ...], [(zh cell, en cell), ...]), rows in order."""
    zh = table(read_pinned(ZH, ZH_BLOB), "### 错误代码")
    en = table(read_pinned(EN, EN_BLOB), "### Error Code")
    if [c[0] for _, c in zh] != [c[0] for _, c in en]:
        sys.exit("zh and en tables list different codes")
    out = {}
    for (lz, cz), (le, ce) in zip(zh, en):
        if VERSION[cz[1]] != VERSION[ce[1]] or le != lz + 2:
            sys.exit(f"{cz[0]}: zh line {lz} {cz[1]}, en line {le} {ce[1]}")
        versions, lines, cells = out.setdefault(cz[0], (VERSION[cz[1]], [], []))
        if versions != VERSION[cz[1]]:
            sys.exit(f"{cz[0]}: versions differ between its rows")
        lines.append(lz)
        cells.append((cz[2], ce[2]))
    return out


def seed_lines():
    found = {}
    for line, c in table(read_pinned(SEED, SEED_BLOB), "### 错误代码"):
        found.setdefault(c[0], []).append(line)
    return found


def main():
    table_rows, seed = rows(), seed_lines()
    with open(DATA, encoding="utf-8") as f:
        data = json.load(f)
    [t] = data["tables"]
    by_code = {e["code"]: e for e in t["entries"]}
    if set(by_code) - set(table_rows):
        sys.exit(f"in the data, not in the table: {sorted(set(by_code) - set(table_rows))}")
    entries = []
    for code, (versions, lines, cells) in table_rows.items():
        e = by_code.get(code)
        if e is None:
            if code not in NEW:
                sys.exit(f"{code}: in the table, not in the data, and no decision in NEW")
            e = {"code": code, "aliases": [], "http_status": None, "retryable": None, "retry_reason": None,
                 "docs_url": None, **NEW[code]}
        e = {**e, **AMEND.get(code, {})}
        if len(cells) == 1:
            description = {lang: plain(cells[0][i], lang) for i, lang in enumerate(("zh", "en"))}
        elif code == MERGED and len(cells) == 2:
            description = {lang: merge(plain(cells[0][i], lang), plain(cells[1][i], lang), lang)
                           for i, lang in enumerate(("zh", "en"))}
        else:
            sys.exit(f"{code}: listed {len(cells)} times")
        e["description"], e["versions"], e["at"] = description, versions, lines[0]
        e.pop("seed_line", None)
        if code in seed:
            e["seed_line"] = seed[code][0]
        if len(cells) > 1:
            e["note"] = SHORT_FORM + (
                f" The table lists {code} twice (lines {lines[0]} and {lines[1]}; the seed's "
                f"{seed[code][0]} and {seed[code][1]}) with different advice; merged into one entry keeping both "
                "pieces of advice.")
        remedy = e.get("remedy")
        if remedy and remedy["zh"] not in description["zh"]:
            sys.exit(f"{code}: the remedy {remedy['zh']!r} is not part of the description")
        unknown = set(e) - set(KEYS)
        if unknown:
            sys.exit(f"{code}: unknown fields {sorted(unknown)}")
        entries.append({k: e[k] for k in KEYS if k in e and not (k in OPTIONAL and not e[k])})
    t["entries"] = entries
    data["source"] = SOURCE
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    with open(DATA, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(DATA, len(entries), "entries,", sum(len(c) for _, _, c in table_rows.values()), "rows")


if __name__ == "__main__":
    main()
