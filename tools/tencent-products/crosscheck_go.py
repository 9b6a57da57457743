#!/usr/bin/env python3
"""Cross-check extracted/products.json against the Go SDKs (same data, other language).

Reads, with `git show` (no work tree needed), a local mirror of TencentCloud/tencentcloud-sdk-go
(Chinese) and optionally of TencentCloud/tencentcloud-sdk-go-intl-en (English), at their HEAD
commit, and compares every `tencentcloud/<product>/<version>/errors.go` with the extraction:
product versions on one side only, codes on one side only, descriptions that differ. Also
quotes the Go SDK's rate-limit retry rule (`tencentcloud/common/ratelimitretry.go`) with the
commit. Writes extracted/go_crosscheck.json (deterministic for the same commits), which
tools/analyse.py includes when present.

    python3 tools/crosscheck_go.py --zh-mirror PATH/tencentcloud-sdk-go.git \
        [--en-mirror PATH/tencentcloud-sdk-go-intl-en.git]

Python 3.8+ standard library only (and the git command).
"""

import argparse
import json
import os
import re
import subprocess
import sys

ERRORS_RE = re.compile(r"^tencentcloud/([a-z0-9_]+)/(v\d{8})/errors\.go$")
ASSIGN_RE = re.compile(r'^\t([A-Z][A-Z0-9_]*) = "([^"\\]*)"$')


def git(repo, *args):
    return subprocess.run(["git", "--git-dir", repo] + list(args), check=True,
                          stdout=subprocess.PIPE).stdout.decode("utf-8")


def parse_go(text, where):
    out = []
    pending = []
    for n, line in enumerate(text.split("\n"), 1):
        s = line.strip()
        if s == "":
            if pending:
                pending = []   # a comment followed by a blank line is a section header
            continue
        if s.startswith("//"):
            pending.append(s[3:] if s.startswith("// ") else s[2:])
            continue
        m = ASSIGN_RE.match(line)
        if m:
            out.append((m.group(1), m.group(2), "\n".join(pending) if pending else None, n))
            pending = []
            continue
        if s in ("const (", ")") or s.startswith("package "):
            pending = []
            continue
        raise SystemExit("%s:%d: unexpected line %r" % (where, n, line))
    return out


def read_mirror(repo):
    commit = git(repo, "rev-parse", "HEAD").strip()
    info = git(repo, "log", "-1", "--format=%ci%x09%s", commit).strip().split("\t")
    files = {}
    for path in git(repo, "ls-tree", "-r", "--name-only", commit, "tencentcloud").split("\n"):
        m = ERRORS_RE.match(path)
        if m:
            files[(m.group(1), m.group(2))] = parse_go(git(repo, "show", commit + ":" + path), path)
    rl = git(repo, "show", commit + ":tencentcloud/common/ratelimitretry.go").split("\n")
    quotes = [{"line": i + 1, "text": l} for i, l in enumerate(rl)
              if "codeLimitExceeded" in l or "RateLimitExceededMaxRetries" in l]
    return commit, info, files, quotes


def compare(files, extraction, lang):
    ours = {}
    for p in extraction["products"]:
        for v in p["versions"]:
            if v[lang + "_path"]:
                ours[(p["product"], v["version"])] = {c["code"]: c[lang] for c in v["constants"]
                                                      if c[lang + "_line"] is not None}
    go = {k: {code: desc for _, code, desc, _ in lst} for k, lst in files.items()}
    both = sorted(set(ours) & set(go))
    res = {
        "product_versions_go": len(go),
        "product_versions_python": len(ours),
        "only_go": ["%s/%s" % k for k in sorted(set(go) - set(ours))],
        "only_python": ["%s/%s" % k for k in sorted(set(ours) - set(go))],
        "constants_go": sum(len(x) for x in go.values()),
        "constants_python": sum(len(x) for x in ours.values()),
        "in_both": {"product_versions": len(both), "codes_same_text": 0, "codes_different_text": 0,
                    "codes_only_go": 0, "codes_only_python": 0},
        "examples_different_text": [],
        "examples_only_go": [],
        "examples_only_python": [],
    }
    for k in both:
        a, b = go[k], ours[k]
        for code in sorted(set(a) | set(b)):
            if code in a and code in b:
                if a[code] == b[code]:
                    res["in_both"]["codes_same_text"] += 1
                else:
                    res["in_both"]["codes_different_text"] += 1
                    if len(res["examples_different_text"]) < 10:
                        res["examples_different_text"].append(
                            {"product": "%s/%s" % k, "code": code, "go": a[code], "python": b[code]})
            elif code in a:
                res["in_both"]["codes_only_go"] += 1
                if len(res["examples_only_go"]) < 10:
                    res["examples_only_go"].append("%s/%s %s" % (k[0], k[1], code))
            else:
                res["in_both"]["codes_only_python"] += 1
                if len(res["examples_only_python"]) < 10:
                    res["examples_only_python"].append("%s/%s %s" % (k[0], k[1], code))
    return res


def main():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser()
    ap.add_argument("--zh-mirror", required=True)
    ap.add_argument("--en-mirror")
    ap.add_argument("--extraction", default=os.path.join(here, "extracted", "products.json"))
    ap.add_argument("--out", default=os.path.join(here, "extracted", "go_crosscheck.json"))
    args = ap.parse_args()
    with open(args.extraction, encoding="utf-8") as f:
        extraction = json.load(f)
    result = {}
    for lang, repo, name in (("zh", args.zh_mirror, "TencentCloud/tencentcloud-sdk-go"),
                             ("en", args.en_mirror, "TencentCloud/tencentcloud-sdk-go-intl-en")):
        if not repo:
            continue
        commit, info, files, quotes = read_mirror(repo)
        result[lang] = {
            "repository": name,
            "commit": commit,
            "commit_date": info[0],
            "commit_subject": info[1],
            "ratelimit_retry": {
                "path": "tencentcloud/common/ratelimitretry.go",
                "quotes": quotes,
            },
            "comparison": compare(files, extraction, lang),
        }
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
    for lang, r in result.items():
        print(lang, r["commit"], json.dumps(r["comparison"]["in_both"]), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
