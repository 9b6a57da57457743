#!/usr/bin/env python3
"""Write ANALYSIS.md from extracted/products.json (and extracted/go_crosscheck.json if present).

Every number in ANALYSIS.md is computed here from the extraction, so it can be reproduced:

    python3 tools/import_tencent_products.py --wheels wheels     # -> extracted/products.json
    python3 tools/crosscheck_go.py --zh-mirror ... --en-mirror ...  # optional
    python3 tools/analyse.py [--common PATH/codes.json]            # -> ANALYSIS.md

--common names errcat's data/tencent-cloud/common/codes.json (read only) to mark the families
whose root the common table lists; without it that column is left out.

Definitions used throughout:
* a *product* is a folder tencentcloud/<product>/ holding at least one errorcodes.py; a product
  "has codes" when one of its files lists at least one constant;
* a *constant* is one `NAME = 'Code'` in one product version's file (zh and en files of the same
  product version are merged on the name, so a constant present in both counts once);
* a *code* is the wire string; *distinct codes* counts each string once, whatever the product;
* a *text* is a description exactly as extracted; empty descriptions ("") count as no text;
* the *family* of a code is its first dot-separated segment (`InvalidParameter.Foo` ->
  `InvalidParameter`; a code without a dot is its own family).

Python 3.8+ standard library only. Output is deterministic.
"""

import argparse
import collections
import hashlib
import json
import os
import re
import sys

# ---------------------------------------------------------------- candidate patterns
# (label, group, field, regex). field: "code", "zh" or "en". Groups: rate = request rate or
# frequency; concurrency; period = a business limit counted per day/hour/minute/second;
# other = broad words kept for review (Limited, "retry later").
PATTERNS = [
    ("RequestLimitExceeded*", "rate", "code", r"^RequestLimitExceeded(\.|$)"),
    ("RateLimit", "rate", "code", r"RateLimit"),
    ("Freq (Frequen/FreqCtrl/...)", "rate", "code", r"Freq|frequen"),
    ("TooOften/OperationTooOften", "rate", "code", r"(?i)toooften|operationtoooften"),
    ("QPS", "rate", "code", r"(?i)qps"),
    ("Throttl", "rate", "code", r"(?i)throttl"),
    ("FlowControl/FlowCtrl", "rate", "code", r"(?i)flowc(on)?tr"),
    ("TooManyRequests", "rate", "code", r"TooManyRequests"),
    ("Concurren", "concurrency", "code", r"(?i)concurren"),
    ("period in name (Daily/PerDay/OneDay/Hour/Minute/Second)", "period", "code",
     r"Daily|PerDay|OneDay|Hour|Minute|Second(?!ary)"),
    ("Limited", "other", "code", r"Limited"),
    ("TooMany (other than TooManyRequests)", "other", "code", r"TooMany(?!Requests)"),
    ("频率", "rate", "zh", r"频率"),
    ("频繁", "rate", "zh", r"频繁"),
    ("限频", "rate", "zh", r"限频"),
    ("频控", "rate", "zh", r"频控"),
    ("QPS (zh)", "rate", "zh", r"(?i)qps"),
    ("流控", "rate", "zh", r"流控"),
    ("限流", "rate", "zh", r"限流"),
    ("请求过多/请求量过大/请求次数", "rate", "zh", r"请求过多|请求量过大|请求次数|调用次数|访问次数"),
    ("并发", "concurrency", "zh", r"并发"),
    ("每天/每日/当天/当日/今日", "period", "zh", r"每天|每日|当天|当日|今日|今天"),
    ("24小时/每小时/小时内", "period", "zh", r"24小时|每小时|小时内|1小时"),
    ("每分钟/分钟内/每秒/秒内", "period", "zh", r"每分钟|分钟内|每秒|秒内"),
    ("稍后 (retry later)", "other", "zh", r"稍后"),
    ("en: frequen/rate limit/too many requests/throttl", "rate", "en",
     r"(?i)frequen|rate limit|too many requests|throttl|too often"),
    ("en: QPS", "rate", "en", r"(?i)\bqps\b"),
    ("en: concurren", "concurrency", "en", r"(?i)concurren"),
    ("en: per day/daily/per hour/per minute/per second", "period", "en",
     r"(?i)per day|daily|per hour|hourly|per minute|per second|24 hours"),
]

# What issue 12 expects (its numbers, for comparison only).
EXPECTED = {
    "products": "~250",
    "constants": "~17,600",
    "distinct codes": "~12,400",
    "codes worded differently in different products": "856",
    "English products": "~140",
    "English codes": "~8,400",
}


def md(s):
    """One table cell: no pipes, no newlines."""
    if s is None:
        return "—"
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ⏎ ")


def pct(a, b):
    return "%.1f%%" % (100.0 * a / b) if b else "n/a"


def fam(code):
    return code.split(".", 1)[0]


def main():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser()
    ap.add_argument("--extraction", default=os.path.join(here, "extracted", "products.json"))
    ap.add_argument("--go", default=os.path.join(here, "extracted", "go_crosscheck.json"))
    ap.add_argument("--common", help="errcat data/tencent-cloud/common/codes.json (read only)")
    ap.add_argument("--out", default=os.path.join(here, "ANALYSIS.md"))
    ap.add_argument("--stats", default=os.path.join(here, "extracted", "stats.json"),
                    help="machine-readable numbers (also used by REPORT.md)")
    args = ap.parse_args()

    raw = open(args.extraction, "rb").read()
    d = json.loads(raw.decode("utf-8"))
    go = None
    if os.path.exists(args.go):
        with open(args.go, encoding="utf-8") as f:
            go = json.load(f)
    common = None
    if args.common:
        with open(args.common, encoding="utf-8") as f:
            cj = json.load(f)
        common = set(e["code"] for t in cj["tables"] for e in t["entries"])
        common_cls = set(c["code"] for c in cj.get("classifications", []))

    out = []
    w = out.append
    stats = {}

    # ------------------------------------------------------------------ flatten
    rows = []   # (product, version, constant)
    for p in d["products"]:
        for v in p["versions"]:
            for c in v["constants"]:
                rows.append((p["product"], v["version"], v, c))

    def has(c, lang):
        return c[lang + "_line"] is not None

    def text(c, lang):
        t = c[lang]
        return t if t else None   # "" counts as no text

    prod_zh_files = sorted(set(p["product"] for p in d["products"] for v in p["versions"] if v["zh_path"]))
    prod_en_files = sorted(set(p["product"] for p in d["products"] for v in p["versions"] if v["en_path"]))
    prod_zh = sorted(set(r[0] for r in rows if has(r[3], "zh")))
    prod_en = sorted(set(r[0] for r in rows if has(r[3], "en")))
    prod_all = sorted(set(r[0] for r in rows))
    pv_zh = sum(1 for p in d["products"] for v in p["versions"] if v["zh_path"])
    pv_en = sum(1 for p in d["products"] for v in p["versions"] if v["en_path"])
    const_zh = [r for r in rows if has(r[3], "zh")]
    const_en = [r for r in rows if has(r[3], "en")]
    codes_zh = set(r[3]["code"] for r in const_zh)
    codes_en = set(r[3]["code"] for r in const_en)
    codes_all = set(r[3]["code"] for r in rows)
    empty_zh_files = sorted("%s/%s" % (p["product"], v["version"]) for p in d["products"] for v in p["versions"]
                            if v["zh_path"] and not any(has(c, "zh") for c in v["constants"]))
    empty_en_files = sorted("%s/%s" % (p["product"], v["version"]) for p in d["products"] for v in p["versions"]
                            if v["en_path"] and not any(has(c, "en") for c in v["constants"]))

    pk = {p["lang"]: p for p in d["packages"]}
    w("# Tencent Cloud API 3.0 product error codes: analysis")
    w("")
    w("Generated by `tools/analyse.py` from `extracted/products.json` (sha256 `%s`), which "
      "`tools/import_tencent_products.py` extracts from `%s==%s` (zh) and `%s==%s` (en). "
      "Do not edit by hand; re-run the script." % (
          hashlib.sha256(raw).hexdigest(), pk["zh"]["name"], pk["zh"]["version"],
          pk["en"]["name"], pk["en"]["version"]))
    w("")
    w("Definitions: see the docstring of `tools/analyse.py` (a *constant* is one `NAME = 'Code'` in one "
      "product version; a *code* is the wire string; a *family* is the code's first dot-separated segment; "
      "an empty comment counts as no text).")
    w("")

    # ------------------------------------------------------------------ scale
    w("## 1. Scale")
    w("")
    w("| measure | zh SDK | en SDK | union | issue 12 expects |")
    w("|---|---:|---:|---:|---|")
    w("| products (folders with an errorcodes.py) | %d | %d | %d | |" % (len(prod_zh_files), len(prod_en_files),
                                                                       len(set(prod_zh_files) | set(prod_en_files))))
    w("| products with at least one code | %d | %d | %d | %s |" % (len(prod_zh), len(prod_en), len(prod_all),
                                                                  EXPECTED["products"] + " (en: " + EXPECTED["English products"] + ")"))
    w("| product API versions (errorcodes.py files) | %d | %d | %d | |" % (pv_zh, pv_en,
                                                                         sum(len(p["versions"]) for p in d["products"])))
    w("| files with no constant at all | %d | %d | | |" % (len(empty_zh_files), len(empty_en_files)))
    w("| constants | %d | %d | %d | %s |" % (len(const_zh), len(const_en), len(rows), EXPECTED["constants"]))
    w("| distinct codes | %d | %d | %d | %s (en: %s) |" % (len(codes_zh), len(codes_en), len(codes_all),
                                                          EXPECTED["distinct codes"], EXPECTED["English codes"]))
    w("")
    w("Files with no constant (the SDK ships an errorcodes.py holding only the licence header): zh %s; en %s." % (
        ", ".join("`%s`" % x for x in empty_zh_files), ", ".join("`%s`" % x for x in empty_en_files)))
    w("")
    en_only_products = sorted(set(prod_en) - set(prod_zh))
    en_only_pv = sorted("%s/%s" % (p["product"], v["version"]) for p in d["products"] for v in p["versions"]
                        if v["en_path"] and not v["zh_path"])
    w("Product versions only the English SDK has (%d): %s. Of these, %d products with codes are absent from the "
      "Chinese SDK altogether (international-only products): %s. Constants with `zh` null: %d." % (
          len(en_only_pv), ", ".join("`%s`" % x for x in en_only_pv), len(en_only_products),
          ", ".join("`%s`" % x for x in en_only_products),
          sum(1 for r in rows if not has(r[3], "zh"))))
    w("")
    stats.update({
        "products_zh_files": len(prod_zh_files), "products_en_files": len(prod_en_files),
        "products_zh": len(prod_zh), "products_en": len(prod_en), "products_all": len(prod_all),
        "product_versions_zh": pv_zh, "product_versions_en": pv_en,
        "constants_zh": len(const_zh), "constants_en": len(const_en), "constants_all": len(rows),
        "codes_zh": len(codes_zh), "codes_en": len(codes_en), "codes_all": len(codes_all),
        "empty_zh_files": empty_zh_files, "empty_en_files": empty_en_files,
        "en_only_product_versions": en_only_pv, "en_only_products": en_only_products,
    })

    # ------------------------------------------------------------------ per-code occurrences
    occ = collections.defaultdict(list)
    for prod, ver, v, c in rows:
        occ[c["code"]].append((prod, ver, c))

    def texts(code, lang, by_product=False):
        if by_product:
            m = collections.OrderedDict()
            for prod, ver, c in occ[code]:
                t = text(c, lang)
                if t is not None:
                    m.setdefault(prod, [])
                    if t not in m[prod]:
                        m[prod].append(t)
            return m
        s = []
        for prod, ver, c in occ[code]:
            t = text(c, lang)
            if t is not None and t not in s:
                s.append(t)
        return s

    # ------------------------------------------------------------------ different texts
    w("## 2. Codes worded differently")
    w("")
    multi_prod = [k for k in sorted(occ) if len(set(o[0] for o in occ[k] if text(o[2], "zh"))) >= 2]
    diff_any_zh = [k for k in sorted(occ) if len(texts(k, "zh")) > 1]
    diff_across_products = []
    diff_within_product = []
    for k in sorted(occ):
        bp = texts(k, "zh", by_product=True)
        if len(bp) >= 2:
            # some two products disagree: a text of one product not in another's set
            sets = [frozenset(v) for v in bp.values()]
            if len(set(sets)) > 1:
                diff_across_products.append(k)
        if any(len(v) > 1 for v in bp.values()):
            diff_within_product.append(k)
    diff_any_en = [k for k in sorted(occ) if len(texts(k, "en")) > 1]

    def norm(s):
        s = re.sub(r"\s+", "", s)
        return s.rstrip("。.！!；;")
    diff_norm = [k for k in diff_any_zh if len(set(norm(t) for t in texts(k, "zh"))) > 1]
    w("| measure | count |")
    w("|---|---:|")
    w("| distinct codes used by two or more products (with a zh text) | %d |" % len(multi_prod))
    w("| codes with more than one zh text anywhere | %d |" % len(diff_any_zh))
    w("| … of which two products word it differently (issue 12: %s) | %d |" % (
        EXPECTED["codes worded differently in different products"], len(diff_across_products)))
    w("| … of which the API versions of one product word it differently | %d |" % len(diff_within_product))
    w("| … still different after removing whitespace and final punctuation | %d |" % len(diff_norm))
    w("| codes with more than one en text anywhere | %d |" % len(diff_any_en))
    w("")
    stats.update({"codes_multi_product": len(multi_prod), "codes_diff_zh_any": len(diff_any_zh),
                  "codes_diff_zh_across_products": len(diff_across_products),
                  "codes_diff_zh_within_product": len(diff_within_product),
                  "codes_diff_zh_normalised": len(diff_norm), "codes_diff_en_any": len(diff_any_en)})
    # 10 examples: the codes shared by most products, ties by code.
    ex = sorted(diff_across_products, key=lambda k: (-len(texts(k, "zh", True)), -len(texts(k, "zh")), k))[:10]
    w("Ten examples (the codes shared by the most products; each distinct zh text once, with the products "
      "using it):")
    w("")
    for k in ex:
        bp = texts(k, "zh", True)
        by_text = collections.OrderedDict()
        for prod, ts in bp.items():
            for t in ts:
                by_text.setdefault(t, []).append(prod)
        w("- `%s`: %d products, %d texts" % (k, len(bp), len(by_text)))
        for t, ps in sorted(by_text.items(), key=lambda x: (-len(x[1]), x[0]))[:6]:
            w("  - %s — %s" % (md(t), ", ".join(ps[:8]) + (" +%d" % (len(ps) - 8) if len(ps) > 8 else "")))
        if len(by_text) > 6:
            w("  - … %d more texts" % (len(by_text) - 6))
    w("")

    # ------------------------------------------------------------------ English coverage
    w("## 3. English coverage")
    w("")
    no_en = [p for p in prod_zh if p not in set(prod_en)]
    zh_codes_with_en = set(k for k in codes_zh if any(text(o[2], "en") for o in occ[k]))
    const_zh_with_en = sum(1 for r in const_zh if text(r[3], "en"))
    const_zh_with_en_file = sum(1 for r in const_zh if r[2]["en_path"])
    w("- Products with zh codes and no English file at all: **%d** of %d." % (len(no_en), len(prod_zh)))
    w("- Distinct zh codes with an English text in at least one product: **%d of %d (%s)**." % (
        len(zh_codes_with_en), len(codes_zh), pct(len(zh_codes_with_en), len(codes_zh))))
    w("- zh constants with an English text for the same product version: %d of %d (%s); %d lie in a product "
      "version the English SDK has, so %d are missing from an English file that exists." % (
          const_zh_with_en, len(const_zh), pct(const_zh_with_en, len(const_zh)), const_zh_with_en_file,
          const_zh_with_en_file - const_zh_with_en))
    en_empty = sum(1 for r in const_en if r[3]["en"] == "")
    w("- English constants whose comment is empty (`# ` alone): %d." % en_empty)
    zh_no_cjk = sorted(set((r[0], r[3]["code"], r[3]["zh"]) for r in const_zh
                           if r[3]["zh"] and not re.search(r"[\u3400-\u9fff]", r[3]["zh"])))
    zh_is_code = sorted(set((r[0], r[3]["code"]) for r in const_zh if r[3]["zh"] == r[3]["code"]))
    w("- zh texts that are just the code itself (`# InvalidParameter.Foo` over `'InvalidParameter.Foo'`): %d "
      "constants in %d products." % (len(zh_is_code), len(set(a for a, _ in zh_is_code))))
    stats["zh_text_is_code"] = len(zh_is_code)
    ph = re.compile(r"%\([a-z_]+\)s|%s|%d|\{[A-Za-z_]+\}")
    zh_ph = sorted(set((r[0], r[3]["code"]) for r in const_zh if r[3]["zh"] and ph.search(r[3]["zh"])))
    en_ph = sorted(set((r[0], r[3]["code"]) for r in const_en if r[3]["en"] and ph.search(r[3]["en"])))
    w("- Texts holding a format placeholder (`%%s`, `%%(name)s`, `{name}`): zh %d constants, en %d; e.g. %s." % (
        len(zh_ph), len(en_ph), ", ".join("`%s` %s" % x for x in zh_ph[:5])))
    stats.update({"zh_placeholders": len(zh_ph), "en_placeholders": len(en_ph)})
    w("- zh texts with no Chinese character at all (English or code-like text in the Chinese SDK): %d "
      "constants; first five: %s." % (len(zh_no_cjk), "; ".join("`%s` %s: %s" % (a, b, md(c)) for a, b, c in zh_no_cjk[:5])))
    w("")
    w("Products without English (%d):" % len(no_en))
    w("")
    w(", ".join("`%s` (%d)" % (p, sum(1 for r in const_zh if r[0] == p)) for p in no_en))
    w("")
    stats.update({"products_without_en": no_en, "codes_zh_with_en": len(zh_codes_with_en),
                  "constants_zh_with_en": const_zh_with_en, "en_empty_comments": en_empty,
                  "zh_texts_without_cjk": len(zh_no_cjk)})

    # ------------------------------------------------------------------ versions
    w("## 4. Products with several API versions")
    w("")
    w("Each API version has its own file and is kept as its own list in the extraction. Per product: "
      "constants per version (zh file, en file), codes only in the older / only in the newer version, "
      "shared codes, and shared codes whose zh text differs.")
    w("")
    w("| product | versions (zh consts/en consts) | only older | only newer | shared | shared, zh differs (– : a version has no zh) |")
    w("|---|---|---:|---:|---:|---:|")
    multi_ver = 0
    for p in d["products"]:
        vs = p["versions"]
        if len(vs) < 2:
            continue
        multi_ver += 1
        desc = ", ".join("%s (%s/%s)" % (v["version"],
                                         sum(1 for c in v["constants"] if has(c, "zh")) if v["zh_path"] else "–",
                                         sum(1 for c in v["constants"] if has(c, "en")) if v["en_path"] else "–")
                         for v in vs)
        cells = []
        for a, b in zip(vs, vs[1:]):
            ca = {c["code"]: c["zh"] for c in a["constants"]}
            cb = {c["code"]: c["zh"] for c in b["constants"]}
            sh = set(ca) & set(cb)
            both = [k for k in sh if ca[k] is not None and cb[k] is not None]
            cells.append((len(set(ca) - set(cb)), len(set(cb) - set(ca)), len(sh),
                          ("%d" % sum(1 for k in both if ca[k] != cb[k])) if both or not sh else "–"))
        w("| `%s` | %s | %s | %s | %s | %s |" % (p["product"], desc, *["/".join(str(c[i]) for c in cells)
                                                                     for i in range(4)]))
    w("")
    w("%d products have several versions (for three versions the cells give the two consecutive pairs, "
      "separated by `/`). A newer version is usually a new API surface (a rewrite: few shared codes) rather "
      "than an edit of the older one; the shared codes nearly always keep their text." % multi_ver)
    w("")
    stats["products_multi_version"] = multi_ver

    # ------------------------------------------------------------------ families
    w("## 5. Families (first segment), all of them")
    w("")
    fams = collections.defaultdict(lambda: [0, set(), set()])
    for prod, ver, v, c in rows:
        f = fams[fam(c["code"])]
        f[0] += 1
        f[1].add(c["code"])
        f[2].add(prod)
    order = sorted(fams, key=lambda k: (-len(fams[k][1]), k))
    dotted = [k for k in order if any("." in c for c in fams[k][1])]
    bare = [k for k in order if k not in dotted]
    w("%d families: %d with dotted sub-codes, %d that are single undotted codes (`Foo` with no `Foo.*`). "
      "Columns: constants, distinct codes, products using the family%s." % (
          len(order), len(dotted), len(bare),
          "; *common*: `yes` if errcat's common table lists the root code itself, `classified` if it only "
          "classifies it" if common is not None else ""))
    w("")
    head = "| family | constants | distinct codes | products |" + (" common |" if common is not None else "")
    w(head)
    w("|---|---:|---:|---:|" + ("---|" if common is not None else ""))
    for k in order:
        f = fams[k]
        extra = ""
        if common is not None:
            extra = " %s |" % ("yes" if k in common else ("classified" if k in common_cls else ""))
        w("| `%s` | %d | %d | %d |%s" % (k, f[0], len(f[1]), len(f[2]), extra))
    w("")
    stats["families"] = len(order)
    stats["families_dotted"] = len(dotted)
    stats["families_bare"] = len(bare)
    if common is not None:
        stats["families_constants_under_common_root"] = sum(fams[k][0] for k in order if k in common)
        stats["families_constants_not_under_common_root"] = sum(fams[k][0] for k in order if k not in common)
        w("Constants whose family root is in the common table: %d of %d; the rest (%d constants, %d families) "
          "have no parent for the `dotted` fallback." % (
              stats["families_constants_under_common_root"], len(rows),
              stats["families_constants_not_under_common_root"], sum(1 for k in order if k not in common)))
        w("")

    # ------------------------------------------------------------------ rate-limit candidates
    w("## 6. Rate-limit, concurrency and business-frequency candidates")
    w("")
    w("A candidate list for a human review, not a verdict: a code is listed if its name, any of its zh "
      "texts, or any of its en texts matches one of the patterns below. Groups: *rate* (request rate or "
      "frequency), *concurrency*, *period* (a business limit counted per day/hour/minute/second), *other* "
      "(broad words: `Limited`, 稍后 'later'). Matching on en texts is an addition to the brief's name and zh "
      "patterns; a code matched only there is marked so.")
    w("")
    comp = [(lab, grp, field, re.compile(rx)) for lab, grp, field, rx in PATTERNS]
    cands = []
    for k in sorted(occ):
        zs = texts(k, "zh")
        es = texts(k, "en")
        hit = []
        for lab, grp, field, rx in comp:
            if field == "code":
                ok = bool(rx.search(k))
            elif field == "zh":
                ok = any(rx.search(t) for t in zs)
            else:
                ok = any(rx.search(t) for t in es)
            if ok:
                hit.append((lab, grp, field))
        if hit:
            cands.append((k, hit, zs, es))
    pat_count = collections.Counter(h[0] for _, hit, _, _ in cands for h in hit)
    grp_count = collections.Counter()
    for _, hit, _, _ in cands:
        for g in sorted(set(h[1] for h in hit)):
            grp_count[g] += 1
    w("| pattern | group | on | codes matched |")
    w("|---|---|---|---:|")
    for lab, grp, field, rx in PATTERNS:
        w("| %s | %s | %s | %d |" % (md(lab), grp, field, pat_count[lab]))
    w("")
    only_en = [c for c in cands if all(h[2] == "en" for h in c[1])]
    only_other = [c for c in cands if all(h[1] == "other" for h in c[1])]
    w("**%d candidate codes** (rate %d, concurrency %d, period %d, other %d; a code may be in several groups); "
      "%d matched only on en texts, %d only on the broad *other* patterns." % (
          len(cands), grp_count["rate"], grp_count["concurrency"], grp_count["period"], grp_count["other"],
          len(only_en), len(only_other)))
    w("")
    stats.update({"candidates": len(cands), "candidates_by_group": dict(sorted(grp_count.items())),
                  "candidates_only_en": len(only_en), "candidates_only_other": len(only_other)})

    def cell_texts(ts):
        if not ts:
            return "—"
        s = md(ts[0])
        if len(ts) > 1:
            s += " (+%d other text%s)" % (len(ts) - 1, "s" if len(ts) > 2 else "")
        return s
    gorder = {"rate": 0, "concurrency": 1, "period": 2, "other": 3}
    cands.sort(key=lambda c: (min(gorder[h[1]] for h in c[1]), fam(c[0]), c[0]))
    w("| code | products | zh | en | matched (group: patterns) |")
    w("|---|---|---|---|---|")
    for k, hit, zs, es in cands:
        prods = sorted(set(o[0] for o in occ[k]))
        ps = ", ".join(prods[:6]) + (" +%d" % (len(prods) - 6) if len(prods) > 6 else "")
        groups = collections.OrderedDict()
        for lab, grp, field in hit:
            groups.setdefault(grp, []).append(lab)
        m = "; ".join("%s: %s" % (g, ", ".join(ls)) for g, ls in sorted(groups.items(), key=lambda x: gorder[x[0]]))
        w("| `%s` | %s | %s | %s | %s |" % (k, ps, cell_texts(zs), cell_texts(es), md(m)))
    w("")

    # ------------------------------------------------------------------ SDK retry anchors
    w("## 7. SDK retry anchors")
    w("")
    r = d["sdk_retry"]
    w("**Python SDK** (`%s==%s`, file `%s`, `%s.%s`, lines %d–%d): retries, when the caller opts in with "
      "`ClientProfile(retryer=StandardRetryer(...))` (the default is `NoopRetryer`), exactly these codes: %s. "
      "Verbatim:" % (pk["zh"]["name"], pk["zh"]["version"], r["path"], r["class"], r["method"],
                     r["first_line"], r["last_line"], ", ".join("`%s`" % c for c in r["codes"])))
    w("")
    w("```python")
    w(r["source"])
    w("```")
    w("")
    w("`ClientNetworkError` and `ServerNetworkError` are raised by the SDK itself (transport failures), not "
      "returned by the API. Of the three `RequestLimitExceeded` codes, the product files list: %s." % (
          "; ".join("`%s` in %s" % (c, ", ".join(sorted(set(o[0] for o in occ[c]))) or "none")
                    for c in r["codes"] if c.startswith("RequestLimitExceeded"))))
    w("")
    rle = sorted(k for k in occ if k.startswith("RequestLimitExceeded"))
    not_retried = [k for k in rle if k not in r["codes"]]
    w("`RequestLimitExceeded*` codes in the product files that the Python retryer does **not** retry "
      "(%d): %s." % (len(not_retried), ", ".join("`%s`" % k for k in not_retried)))
    w("")
    stats["request_limit_exceeded_codes"] = rle
    if go and "zh" in go:
        g = go["zh"]["ratelimit_retry"]
        w("**Go SDK** (`%s` at commit `%s`, %s, \"%s\"; read with the `fetch` tool): `%s` retries only the exact "
          "code `RequestLimitExceeded` (no sub-code), and only when `ClientProfile.RateLimitExceededMaxRetries` "
          "is set above its zero default:" % (go["zh"]["repository"], go["zh"]["commit"], go["zh"]["commit_date"],
                                             go["zh"]["commit_subject"], g["path"]))
        w("")
        w("```go")
        for q in g["quotes"]:
            w("%4d: %s" % (q["line"], q["text"].replace("\t", "    ")))
        w("```")
        w("")
        if "en" in go:
            same = go["en"]["ratelimit_retry"]["quotes"] == g["quotes"]
            w("`%s` at `%s` has %s lines." % (go["en"]["repository"], go["en"]["commit"],
                                              "the same" if same else "DIFFERENT"))
            w("")
    else:
        w("**Go SDK**: not cross-checked (no extracted/go_crosscheck.json).")
        w("")

    # ------------------------------------------------------------------ Go cross-check
    if go:
        w("## 8. Cross-check with the Go SDKs")
        w("")
        w("| | Go repository @ commit (date) | product versions Go/Python | constants Go/Python | shared product "
          "versions | same text | different text | codes only in Go | codes only in Python |")
        w("|---|---|---|---|---:|---:|---:|---:|---:|")
        for lang in ("zh", "en"):
            if lang not in go:
                continue
            c = go[lang]["comparison"]
            ib = c["in_both"]
            w("| %s | `%s` @ `%s` (%s) | %d/%d | %d/%d | %d | %d | %d | %d | %d |" % (
                lang, go[lang]["repository"], go[lang]["commit"][:12], go[lang]["commit_date"][:10],
                c["product_versions_go"], c["product_versions_python"], c["constants_go"], c["constants_python"],
                ib["product_versions"], ib["codes_same_text"], ib["codes_different_text"], ib["codes_only_go"],
                ib["codes_only_python"]))
        w("")
        for lang in ("zh", "en"):
            if lang not in go:
                continue
            c = go[lang]["comparison"]
            w("- %s: product versions only in Go: %s; only in Python: %s. Examples of differing text: %s." % (
                lang, ", ".join("`%s`" % x for x in c["only_go"]) or "none",
                ", ".join("`%s`" % x for x in c["only_python"]) or "none",
                "; ".join("`%s` %s: Go %s / Python %s" % (e["product"], e["code"], md(repr(e["go"])),
                                                         md(repr(e["python"])))
                          for e in c["examples_different_text"][:3])))
        w("")
        w("The Go snapshots are older than the pinned Python wheels (see the commit dates), so codes only in "
          "Python are mostly codes added since; the extraction is the Python SDKs'.")
        w("")

    # ------------------------------------------------------------------ sizes
    w("## 9. Text sizes and repetition")
    w("")
    zh_bytes = sum(len(r[3]["zh"].encode()) for r in rows if r[3]["zh"])
    en_bytes = sum(len(r[3]["en"].encode()) for r in rows if r[3]["en"])
    code_bytes = sum(len(r[3]["code"].encode()) for r in rows)
    pairs = set((r[3]["code"], r[3]["zh"], r[3]["en"]) for r in rows)
    uzh = set(r[3]["zh"] for r in rows if r[3]["zh"])
    uen = set(r[3]["en"] for r in rows if r[3]["en"])
    uzh_b = sum(len(t.encode()) for t in uzh)
    uen_b = sum(len(t.encode()) for t in uen)
    pairs_b = sum(len((z or "").encode()) + len((e or "").encode()) for _, z, e in pairs)
    ucode_b = sum(len(k.encode()) for k in codes_all)
    w("| measure | bytes (UTF-8) | count |")
    w("|---|---:|---:|")
    w("| zh texts, every constant | %d | %d |" % (zh_bytes, sum(1 for r in rows if r[3]["zh"])))
    w("| en texts, every constant | %d | %d |" % (en_bytes, sum(1 for r in rows if r[3]["en"])))
    w("| zh + en, every constant | %d | |" % (zh_bytes + en_bytes))
    w("| distinct zh texts | %d | %d |" % (uzh_b, len(uzh)))
    w("| distinct en texts | %d | %d |" % (uen_b, len(uen)))
    w("| distinct (code, zh, en) triples, their texts | %d | %d |" % (pairs_b, len(pairs)))
    w("| codes, every constant | %d | %d |" % (code_bytes, len(rows)))
    w("| distinct codes | %d | %d |" % (ucode_b, len(codes_all)))
    w("")
    w("Deduplicating texts saves %s of the zh+en bytes (%d → %d); deduplicating whole (code, zh, en) "
      "triples saves %s (%d constants → %d triples)." % (
          pct(zh_bytes + en_bytes - uzh_b - uen_b, zh_bytes + en_bytes), zh_bytes + en_bytes, uzh_b + uen_b,
          pct(zh_bytes + en_bytes - pairs_b, zh_bytes + en_bytes), len(rows), len(pairs)))
    w("")
    top = collections.Counter(r[3]["zh"] for r in rows if r[3]["zh"]).most_common(10)
    w("Most repeated zh texts: %s." % "; ".join("%s ×%d" % (md(t), n) for t, n in top))
    w("")
    # errcat entry sizes, as data/README.md's schema would hold them (all fields written out).
    per_prod = collections.defaultdict(int)
    full_total = 0
    slim_total = 0
    for prod, ver, v, c in rows:
        full = {"code": c["code"], "aliases": [], "name": c["name"], "message": {"zh": c["zh"], "en": c["en"]},
                "message_aliases": [], "description": None, "remedy": None, "http_status": None,
                "kind": "invalid_request", "retryable": None, "retry_reason": None, "docs_url": None,
                "versions": [ver], "at": c["zh_line"] or c["en_line"], "seed_line": None, "note": None}
        slim = {"code": c["code"], "zh": c["zh"], "en": c["en"], "at": c["zh_line"] or c["en_line"]}
        b = len(json.dumps(full, ensure_ascii=False, indent=2).encode()) + 2
        s = len(json.dumps(slim, ensure_ascii=False).encode()) + 2
        full_total += b
        slim_total += s
        per_prod[prod] += b
    # Proposed layout: one file per product, one entry per (product, code) merged over API versions,
    # default-valued fields left out, one entry per line.
    merged = collections.OrderedDict()
    for prod, ver, v, c in rows:
        key = (prod, c["code"])
        e = merged.get(key)
        if e is None:
            e = merged[key] = {"code": c["code"], "name": None, "message": {"zh": c["zh"], "en": c["en"]},
                               "versions": [], "at": {}}
        e["versions"].append(ver)
        e["at"][ver] = c["zh_line"] or c["en_line"]
        if e["message"]["zh"] is None and c["zh"]:
            e["message"]["zh"] = c["zh"]
        if e["message"]["en"] is None and c["en"]:
            e["message"]["en"] = c["en"]
    prop_total = 0
    prop_files = collections.Counter()
    for (prod, code), e in merged.items():
        e["name"] = "".join(x[:1].upper() + x[1:] for x in re.split(r"[._]", code))
        b = len(json.dumps(e, ensure_ascii=False).encode()) + 4
        prop_total += b
        prop_files[prod] += b
    w("Proposed layout (one file per product; one entry per product and code, merged over the product's API "
      "versions, with `versions` and per-version `at`; fields at their default left out; one entry per line): "
      "%d entries, about **%d bytes** in %d files (median file %d bytes, largest %s)." % (
          len(merged), prop_total, len(prop_files), sorted(prop_files.values())[len(prop_files) // 2],
          ", ".join("`%s` %d" % x for x in sorted(prop_files.items(), key=lambda x: (-x[1], x[0]))[:3])))
    w("")
    stats.update({"product_code_pairs": len(merged), "bytes_proposed": prop_total})
    if common is not None:
        in_common = [r for r in rows if r[3]["code"] in common]
        cj_text = {e["code"]: e["message"] for t in cj["tables"] for e in t["entries"]}
        same_zh = [r for r in in_common if r[3]["zh"] == cj_text[r[3]["code"]]["zh"]]
        same_norm = [r for r in in_common if r[3]["zh"] and norm(r[3]["zh"]) == norm(cj_text[r[3]["code"]]["zh"])]
        b_common = sum(len((r[3]["zh"] or "").encode()) + len((r[3]["en"] or "").encode()) for r in in_common)
        w("Constants that re-list a code of errcat's common table (`InvalidParameter`, `InternalError`, ...): %d "
          "(%d distinct codes, %d bytes of zh+en text); their zh text equals the common table's for %d, and "
          "after removing whitespace and final punctuation for %d." % (
              len(in_common), len(set(r[3]["code"] for r in in_common)), b_common, len(same_zh), len(same_norm)))
        w("")
        stats.update({"constants_common_codes": len(in_common), "constants_common_same_zh": len(same_zh),
                      "constants_common_same_zh_normalised": len(same_norm), "bytes_common_codes": b_common})
    biggest = sorted(per_prod.items(), key=lambda x: (-x[1], x[0]))[:5]
    w("Size of the data in errcat's present entry schema (every field written out, 2-space indent, as the "
      "existing families do): about **%d bytes** for %d entries (%d bytes per entry on average); the largest "
      "products: %s. One compact line per entry (`{\"code\",\"zh\",\"en\",\"at\"}`) would be about %d bytes." % (
          full_total, len(rows), full_total // max(1, len(rows)),
          ", ".join("`%s` %d" % x for x in biggest), slim_total))
    w("")
    stats.update({"bytes_zh": zh_bytes, "bytes_en": en_bytes, "bytes_distinct_zh": uzh_b, "bytes_distinct_en": uen_b,
                  "triples": len(pairs), "bytes_triples": pairs_b, "bytes_codes": code_bytes,
                  "bytes_distinct_codes": ucode_b, "bytes_full_schema": full_total, "bytes_compact": slim_total,
                  "largest_products_full_schema": biggest})

    # ------------------------------------------------------------------ anomalies
    w("## 10. Anomalies found by the extractor")
    w("")
    ak = collections.Counter((a["where"].split(":", 1)[0], a["kind"]) for a in d["anomalies"])
    w("| SDK | kind | count |")
    w("|---|---|---:|")
    for (lang, kind), n in sorted(ak.items()):
        w("| %s | `%s` | %d |" % (lang, kind, n))
    w("")
    for a in d["anomalies"]:
        if a["kind"] in ("code_differs_between_sdks", "blank_line_between_description_and_constant",
                         "orphan_comment", "duplicate_name", "duplicate_code", "no_description",
                         "name_not_derived_from_code", "comment_without_space", "multi_line_description"):
            w("- `%s` line %d, %s: %s" % (a["where"], a["line"], a["kind"], md(a["detail"])))
    w("")
    stats["anomalies"] = {"%s/%s" % k: n for k, n in sorted(ak.items())}

    text_out = "\n".join(out) + "\n"
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text_out)
    with open(args.stats, "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(stats, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    print("wrote %s (%d bytes, sha256 %s)" % (args.out, len(text_out.encode()),
                                              hashlib.sha256(text_out.encode()).hexdigest()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
