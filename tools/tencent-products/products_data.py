#!/usr/bin/env python3
"""Write errcat's data files for the family ``tencent-cloud/products`` from the extraction.

Reads the extraction written by ``import_tencent_products.py`` (the two pinned SDK wheels:
package, version, file, size and sha256 are recorded in it and copied into every data file) and
writes one file per product, ``data/tencent-cloud/products/<product>.json``. It never writes
``classifications.json`` (the reviewed kinds, written by hand) and removes no other file.

Per product, the API versions are merged by code: one entry per code, texts and lines from the
newest API version that lists the code. An entry is::

    {"code": "...", "zh": "...", "en": "...", "v": 1, "zh_line": 18, "en_line": 18,
     "aliases": [...], "zh_aliases": [...]}

with defaults omitted: ``en`` where the vendor gives no English (no English SDK file, the
constant missing from it, or an empty comment), ``zh`` where only the English SDK has the code,
``v`` when it is 0 (the index in the file's ``versions``, oldest first), a line where that SDK
lacks the constant, ``aliases`` (another spelling of the same constant in the other SDK) and
``zh_aliases`` (the Chinese text of an older API version, where it differs) when empty, and
``note`` (how a text was cleaned). Texts are the SDK comments with surrounding white space
removed (the extraction keeps it; 39 texts have some) and control characters removed (two vpc
comments start with U+0008, said in the entry's ``note``). A code whose only comment is empty
has neither ``zh`` nor ``en``. Entries come in the newest version's file order, then the codes only older versions
list, in their order.

Usage::

    python3 tools/tencent-products/products_data.py --extraction target/tencent-products.json
    python3 tools/tencent-products/products_data.py --extraction ... --check   # compare only

Output: UTF-8, no ASCII escaping, one entry per line, trailing newline; it depends only on the
extraction, so the same wheels give the same bytes.
"""

import argparse
import json
import os
import re
import sys

FAMILY = "tencent-cloud/products"
FORMAT = "errcat/tencent-cloud-products/1"
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PRODUCT_NAME = re.compile(r"^[a-z][a-z0-9]*$")

# The day each pinned wheel was built: every member's zip timestamp is on this day (read with
# `zipfile`, `ZipInfo.date_time`). Keyed by the wheel's sha256; a new pin needs its row.
WHEEL_DATES = {
    "35ae22ebc527ff352de9de89a4afa440de5335777bae4b44fa4cc637deaa9c4b": "2026-10-26",
    "6538fe201911d918ea6e9e21a48b0dbe4b5a61e8516fd3cbb81728736d5a61bc": "2026-10-26",
}


def dumps(value):
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def control_chars(s):
    return sorted({f"U+{ord(c):04X}" for c in s if ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0})


def text(s):
    if s is None:
        return None
    s = "".join(c for c in s if not (ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0)).strip()
    return s or None


def cleaning_note(*texts):
    chars = sorted({c for t in texts if t for c in control_chars(t)})
    if chars:
        return f"The SDK comments hold the control character(s) {', '.join(chars)}, removed here."
    return None


def merge_product(product):
    """One product's versions merged by code: (versions, entries)."""
    versions = product["versions"]
    entries = {}
    order = []
    # Newest first: the newest version that lists a code gives its texts and lines.
    for vi in range(len(versions) - 1, -1, -1):
        version = versions[vi]
        # Two SDKs spelling one constant differently: the Chinese spelling is the code, the
        # English one an alias (matched on the constant name).
        by_name = {}
        for c in version["constants"]:
            by_name.setdefault(c["name"], []).append(c)
        seen_names = set()
        for c in version["constants"]:
            name = c["name"]
            if name in seen_names:
                continue
            seen_names.add(name)
            group = by_name[name]
            zh_c = next((g for g in group if g["zh"] is not None or g["zh_line"] is not None), None)
            en_c = next((g for g in group if g["en"] is not None or g["en_line"] is not None), None)
            main = zh_c or en_c
            code = main["code"]
            aliases = sorted({g["code"] for g in group} - {code})
            zh = text(zh_c["zh"]) if zh_c else None
            en = text(en_c["en"]) if en_c else None
            if code in entries:
                # Already given by a newer version: keep an older differing Chinese text.
                e = entries[code]
                for a in aliases:
                    if a not in e.setdefault("aliases", []):
                        e["aliases"].append(a)
                if zh and e.get("zh") and zh != e["zh"] and zh not in e.setdefault("zh_aliases", []):
                    e["zh_aliases"].append(zh)
                if "zh_aliases" in e and not e["zh_aliases"]:
                    del e["zh_aliases"]
                if zh and "zh" not in e:
                    # The newer version only in the English SDK: the Chinese text of this one.
                    if "en_line" in e and "en_v" not in e:
                        e["en_v"] = e.get("v", 0)
                    e["zh"] = zh
                    e["zh_line"] = zh_c["zh_line"]
                    e["v"] = vi
                if en and "en" not in e:
                    # The newer version's English file lacks it: the older one's text, cited.
                    e["en"] = en
                    e["en_v"] = vi
                    e["en_line"] = en_c["en_line"]
                continue
            e = {"code": code}
            if zh:
                e["zh"] = zh
            if en:
                e["en"] = en
            if vi:
                e["v"] = vi
            if zh_c and zh_c["zh_line"]:
                e["zh_line"] = zh_c["zh_line"]
            if en_c and en_c["en_line"]:
                e["en_line"] = en_c["en_line"]
            if aliases:
                e["aliases"] = aliases
            note = cleaning_note(zh_c and zh_c["zh"], en_c and en_c["en"])
            if note:
                e["note"] = note
            entries[code] = e
            order.append(code)
    out = []
    for code in order:
        e = entries[code]
        if "en_v" in e and e["en_v"] == e.get("v", 0):
            del e["en_v"]
        if e.get("v") == 0:
            del e["v"]
        # Key order: as documented.
        order_keys = ["code", "zh", "en", "v", "en_v", "zh_line", "en_line", "aliases", "zh_aliases", "note"]
        e = {k: e[k] for k in order_keys if k in e}
        out.append(e)
    vers = [
        {k: v for k, v in (("version", x["version"]), ("zh_path", x["zh_path"]), ("en_path", x["en_path"])) if v}
        for x in versions
    ]
    return vers, out


def render(product, packages, versions, entries):
    langs = {p["lang"]: p for p in packages}
    has_en = any(v.get("en_path") for v in versions)
    has_zh = any(v.get("zh_path") for v in versions)
    sources = []
    for lang, present in (("zh", has_zh), ("en", has_en)):
        if present:
            p = langs[lang]
            if p["sha256"] not in WHEEL_DATES:
                sys.exit(f"{p['file']}: no date for this wheel in WHEEL_DATES; add it")
            sources.append({"lang": lang, "package": p["name"], "version": p["version"],
                            "file": p["file"], "sha256": p["sha256"], "date": WHEEL_DATES[p["sha256"]]})
    lines = ["{"]
    lines.append(f'  "family": {dumps(FAMILY)},')
    lines.append(f'  "format": {dumps(FORMAT)},')
    lines.append(f'  "product": {dumps(product)},')
    lines.append('  "generator": "tools/tencent-products/products_data.py from the extraction of tools/tencent-products/import_tencent_products.py; do not edit: re-run the tools",')
    lines.append('  "sources": [')
    lines.append(",\n".join(f"    {dumps(s)}" for s in sources))
    lines.append("  ],")
    lines.append('  "versions": [')
    lines.append(",\n".join(f"    {dumps(v)}" for v in versions))
    lines.append("  ],")
    lines.append('  "entries": [')
    lines.append(",\n".join(f"    {dumps(e)}" for e in entries))
    lines.append("  ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--extraction", required=True, help="products.json of import_tencent_products.py")
    ap.add_argument("--out", default=os.path.join(ROOT, "data", "tencent-cloud", "products"))
    ap.add_argument("--check", action="store_true", help="compare with the files, write nothing")
    args = ap.parse_args()
    with open(args.extraction, encoding="utf-8") as f:
        extraction = json.load(f)
    if extraction.get("format") != "errcat/tencent-cloud-products-extraction/1":
        sys.exit(f"{args.extraction}: not an extraction of import_tencent_products.py")
    packages = extraction["packages"]
    written = {}
    totals = [0, 0, 0]
    for product in extraction["products"]:
        name = product["product"]
        if not PRODUCT_NAME.match(name):
            sys.exit(f"product {name!r} is not a lowercase ASCII name")
        versions, entries = merge_product(product)
        if not entries:
            continue
        written[f"{name}.json"] = render(name, packages, versions, entries)
        totals[0] += 1
        totals[1] += len(entries)
        totals[2] += sum(1 for e in entries if "en" in e)
    existing = {n for n in os.listdir(args.out) if n.endswith(".json") and n != "classifications.json"} \
        if os.path.isdir(args.out) else set()
    stale = sorted(existing - set(written))
    differ = []
    for name, body in sorted(written.items()):
        path = os.path.join(args.out, name)
        old = None
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                old = f.read()
        if old != body:
            differ.append(name)
            if not args.check:
                os.makedirs(args.out, exist_ok=True)
                with open(path, "w", encoding="utf-8", newline="\n") as f:
                    f.write(body)
    print(f"{totals[0]} products, {totals[1]} entries ((product, code) pairs), {totals[2]} with English")
    if stale:
        print(f"files no product of the extraction writes (not removed): {', '.join(stale)}")
    if args.check:
        if differ or stale:
            sys.exit(f"{len(differ)} file(s) differ from the extraction: {', '.join(differ[:10])}")
        print("all files match the extraction")
    else:
        print(f"{len(differ)} file(s) written")


if __name__ == "__main__":
    main()
