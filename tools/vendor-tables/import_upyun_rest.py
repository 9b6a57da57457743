#!/usr/bin/env python3
"""Write data/upyun/rest/errno.json: Upyun's REST API (cloud storage) error codes.

    python3 tools/vendor-tables/import_upyun_rest.py --docs PATH [--check]

PATH is a clone of https://github.com/upyun/docs (a bare mirror does too). The tool reads
`sources/api/errno.md` at the pinned commit and refuses unless the file's git blob hash is the
pinned one, then joins its 258 rows with two files kept here:

* `upyun_rest_errno.review.tsv`: errcat's own judgement of every code (the Rust name, the kind and
  retry advice, the Chinese translation of the English message, a fixed typo, a note), one line per
  code in the document's order; the tool refuses unless its codes are exactly the document's;
* `pages/help-upyun-errno.excerpt.txt` (pinned by blob hash): the vendor's newer errno page, whose
  详细说明 (description) column covers the table's first rows; the tool uses it where it has the row.

Same inputs, same bytes: the output is `json.dumps(data, indent=2, ensure_ascii=False) + "\\n"`,
entries in the document's order. `--check` writes nothing and fails if the file differs.
Python 3.8+, standard library only.
"""

import argparse
import csv
import hashlib
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(REPO, "data", "upyun", "rest", "errno.json")

COMMIT = "8d194b08d36bdbbaadb5a879ff77e2224e28fa13"
COMMIT_DATE = "2019-03-13"
PATH = "sources/api/errno.md"
BLOB = "c50acebd38d5db012c485d6a8cc5956d36becc1c"
ROWS = 258

REVIEW = os.path.join(HERE, "upyun_rest_errno.review.tsv")
PAGE = os.path.join(HERE, "pages", "help-upyun-errno.excerpt.txt")
PAGE_BLOB = "f02f0717551ba4d0c524d7e0bdabc9964e3868c6"
PAGE_URL = "https://help.upyun.com/knowledge-base/errno/"
PAGE_READ = "2026-11-30"

ROW = re.compile(r"^\|\s*(\d{3})\s*\|\s*(\d{8})\s*\|(.*)\|\s*$")
COLUMNS = ["code", "name", "kind", "retryable", "retry_reason", "message_zh",
           "message_en_fixed", "description_en", "note"]

# The document's one sentence on what to do (line 18), given to every 5xx code.
REMEDY_5XX = {
    "zh": "如遇 5xx 错误，请反馈给售后或您的商务经理。",
    "en": "On a 5xx error, report it to Upyun's after-sales support or your account manager.",
}
REMEDY_5XX_LINE = 18
REMEDY_5XX_SOURCE = "如遇 5xx 错误，请反馈给[售后](https://www.upyun.com/contact)或您的商务经理。"


def fail(message):
    sys.exit(f"import_upyun_rest: {message}")


def blob_hash(data):
    """What `git hash-object` gives for these bytes."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def read_document(docs):
    try:
        data = subprocess.run(["git", "-C", docs, "show", f"{COMMIT}:{PATH}"],
                              check=True, capture_output=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        fail(f"cannot read {PATH} at {COMMIT} from {docs}: {e}")
    if blob_hash(data) != BLOB:
        fail(f"{PATH} at {COMMIT} has blob {blob_hash(data)}, expected {BLOB}")
    text = data.decode("utf-8")
    if text.split("\n")[REMEDY_5XX_LINE - 1] != REMEDY_5XX_SOURCE:
        fail(f"line {REMEDY_5XX_LINE} is not the document's sentence on 5xx errors")
    rows = []
    for line_no, line in enumerate(text.split("\n"), 1):
        m = ROW.match(line)
        if m:
            rows.append({"status": int(m.group(1)), "code": m.group(2),
                         "message": m.group(3).strip(), "line": line_no})
    if len(rows) != ROWS:
        fail(f"{len(rows)} rows in {PATH}, expected {ROWS}")
    for r in rows:
        if r["code"][:3] != str(r["status"]):
            fail(f"line {r['line']}: code {r['code']} does not start with its status {r['status']}")
    return rows


def read_page():
    with open(PAGE, "rb") as f:
        data = f.read()
    if blob_hash(data) != PAGE_BLOB:
        fail(f"{PAGE} has blob {blob_hash(data)}, expected {PAGE_BLOB}")
    rows = {}
    for line in data.decode("utf-8").split("\n"):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        # Complete rows only: the excerpt is cut in the middle of its last row.
        if len(cells) == 4 and re.fullmatch(r"\d{8}", cells[1]) and line.rstrip().endswith("|"):
            rows[cells[1]] = {"message": cells[2], "description": cells[3]}
    return rows


def read_review():
    with open(REVIEW, encoding="utf-8", newline="") as f:
        lines = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not lines or lines[0] != COLUMNS:
        fail(f"{REVIEW}: the first line must be the columns {COLUMNS}")
    review = []
    for n, cells in enumerate(lines[1:], 2):
        if len(cells) != len(COLUMNS):
            fail(f"{REVIEW}:{n}: {len(cells)} fields, expected {len(COLUMNS)}")
        review.append(dict(zip(COLUMNS, cells)))
    return review


def entry(row, review, page):
    code = row["code"]
    message_en = review["message_en_fixed"] or row["message"]
    notes = []
    aliases = []
    if review["message_en_fixed"]:
        aliases.append(row["message"])
        notes.append(f"The document's English reads {row['message']!r} (a typo, kept as an alias "
                     "so that the wire text resolves).")
    notes.append("The Chinese message is errcat's translation: the vendor gives only English.")
    description = None
    on_page = page.get(code)
    if on_page:
        if not review["description_en"]:
            fail(f"{code}: the vendor's page describes it, and the review has no description_en")
        description = {"zh": on_page["description"], "en": review["description_en"]}
        notes.append(f"The description is the 详细说明 of the vendor's newer errno page ({PAGE_URL}, "
                     f"read {PAGE_READ}); its English is errcat's translation.")
        if on_page["message"] != row["message"]:
            aliases.append(on_page["message"])
            notes.append(f"That page gives the message as {on_page['message']!r} (kept as an "
                         "alias: newer servers may send it).")
    elif review["description_en"]:
        fail(f"{code}: description_en without a vendor description on the page")
    if review["note"]:
        notes.append(review["note"])
    retryable = {"": None, "true": True, "false": False}.get(review["retryable"], "bad")
    if retryable == "bad":
        fail(f"{code}: retryable is {review['retryable']!r}: empty, true or false")
    if (retryable is None) != (review["retry_reason"] == ""):
        fail(f"{code}: retryable and retry_reason go together")
    remedy = None
    if row["status"] >= 500:
        remedy = REMEDY_5XX
        notes.append(f"The remedy is the document's sentence on every 5xx error (line {REMEDY_5XX_LINE}).")
    return {
        "code": code,
        "aliases": [],
        "name": review["name"],
        "message": {"zh": review["message_zh"], "en": message_en},
        "message_aliases": aliases,
        "description": description,
        "remedy": remedy,
        "http_status": row["status"],
        "kind": review["kind"],
        "retryable": retryable,
        "retry_reason": review["retry_reason"] or None,
        "docs_url": None,
        "versions": None,
        "at": row["line"],
        "note": " ".join(notes),
    }


def build(docs):
    rows = read_document(docs)
    review = read_review()
    for n, (r, v) in enumerate(zip(rows, review), 2):
        if r["code"] != v["code"]:
            fail(f"{REVIEW}:{n}: code {v['code']}, expected {r['code']} (the document's line "
                 f"{r['line']}): the review lists the document's codes, in its order")
    if len(review) != len(rows):
        fail(f"{REVIEW}: {len(review)} codes, the document has {len(rows)}")
    page = read_page()
    page_only = sorted(set(page) - {r["code"] for r in rows})
    if page_only:
        fail(f"codes on the vendor's page that {PATH} lacks: {page_only}")
    return {
        "family": "upyun/rest",
        "source": {
            "title": "API 错误码表 (API error codes), Upyun REST API documentation",
            "url": f"https://github.com/upyun/docs/blob/{COMMIT}/{PATH}",
            "repository": "upyun/docs",
            "path": PATH,
            "commit": COMMIT,
            "date": COMMIT_DATE,
            "cite": "line",
            "note": ("The date is the commit's, the file's last change (published at "
                     "https://docs.upyun.com/api/errno/). Written by "
                     "tools/vendor-tables/import_upyun_rest.py from the file and errcat's review "
                     "(tools/vendor-tables/upyun_rest_errno.review.tsv): the English message is the "
                     "vendor's, sent as `msg`; the Chinese message, the kind and the retry advice "
                     "are errcat's; descriptions come from the vendor's newer errno page where it "
                     "has the row."),
        },
        "http_statuses": [],
        "modules": [],
        "classifications": [],
        "tables": [{
            "name": "Code",
            "doc": ("Upyun REST API error codes, sent in the JSON error body "
                    "{\"msg\", \"code\", \"id\"}: eight digits, the first three the HTTP status."),
            "section": None,
            "entries": [entry(r, v, page) for r, v in zip(rows, review)],
        }],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", required=True, help="a clone of github.com/upyun/docs")
    parser.add_argument("--check", action="store_true", help="fail if the file differs")
    args = parser.parse_args()
    text = json.dumps(build(args.docs), indent=2, ensure_ascii=False) + "\n"
    if args.check:
        with open(OUT, encoding="utf-8", newline="") as f:
            if f.read() != text:
                fail(f"{OUT} differs from what the tool writes")
        print(f"{OUT}: up to date")
        return
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"{OUT}: {ROWS} codes")


if __name__ == "__main__":
    main()
