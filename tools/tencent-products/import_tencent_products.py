#!/usr/bin/env python3
"""Extract every Tencent Cloud API 3.0 product's error codes from the official Python SDKs.

What it reads
-------------
Two wheels from PyPI, pinned below (PACKAGES: exact version, file name, size, sha256):

* ``tencentcloud-sdk-python``         (Chinese descriptions; ~260 products)
* ``tencentcloud-sdk-python-intl-en`` (English descriptions; ~145 products)

Both are Apache-2.0. In each, ``tencentcloud/<product>/<version>/errorcodes.py`` lists one
constant per error code, with the description as the comment directly above it::

    # 账号因为欠费停止服务，请在腾讯云账户充值。
    FAILEDOPERATION_SERVICEISOLATE = 'FailedOperation.ServiceIsolate'

The files are never imported or executed. Each is decoded as strict UTF-8 and read by a strict
line parser (every body line must be blank, a ``#`` comment, or ``NAME = 'Code'``; anything else
stops the run with the file and line). The result is cross-checked against ``ast.parse`` of the
same text (the module must contain only ``NAME = 'str'`` statements, and the (name, code, line)
lists must agree). Each wheel member is also checked against the wheel's own RECORD hash.
The comment text is kept exactly: everything after ``"# "`` on the line, nothing stripped.
Deviations from the canonical shape (blank line between the comment and the constant, missing
comment, comment not followed by a constant, duplicate names/codes, ...) are not errors: they
are listed in ``anomalies`` of the output, and the tool prints a count.

The SDK's retry rule (``tencentcloud/common/retry.py``, ``StandardRetryer.should_retry``) is
also extracted from the Chinese wheel, verbatim, so the analysis can cite it.

What it writes
--------------
``extracted/products.json`` (UTF-8, no ASCII escaping, 1-space indent, trailing newline):

* ``packages``: name, version, file, size, sha256 of each wheel (verified before reading).
* ``products``: sorted by product; each with ``versions`` sorted by API version; each version
  with ``zh_path`` / ``en_path`` (the member path, or null where that SDK lacks the version) and
  ``constants`` in the Chinese file's order, then any constant only the English file has (in its
  order). A constant is ``{name, code, zh, en, zh_line, en_line}``; ``zh``/``en`` are null where
  that SDK has no such constant (or no comment for it) and ``""`` where the comment is empty;
  ``*_line`` is the 1-based line of the ``NAME = 'Code'`` statement in that file. Chinese and
  English are matched on the constant name within the same product and version; where the two
  SDKs spell the code differently under one name, both spellings are kept as two constants (the
  Chinese one with ``en`` null, the English one with ``zh`` null) and an anomaly is recorded.
* ``sdk_retry``: the retry rule found in the Python SDK.
* ``anomalies``: every deviation found, sorted.

The output depends only on the pinned wheel bytes: no dates, no host paths, sorted keys where
order is not the document's. Running twice on the same files gives the same bytes.

Usage
-----
    python3 tools/import_tencent_products.py                   # downloads with pip into a temp dir
    python3 tools/import_tencent_products.py --wheels DIR      # uses already-downloaded wheels
    python3 tools/import_tencent_products.py --wheels DIR --download   # download into DIR first
    options: --out PATH (default extracted/products.json beside tools/)

Downloading runs ``python3 -m pip download --no-deps --only-binary=:all: -d DIR NAME==VERSION``
(pip, the ordinary PyPI client). A wheel whose sha256 or size differs from the pin stops the run.
To move to a newer SDK release: change the pins (version, file, size, sha256) below, re-run,
and review the diff of products.json.

Python 3.8+ standard library only.
"""

import argparse
import ast
import base64
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile

PACKAGES = [
    {
        "lang": "zh",
        "name": "tencentcloud-sdk-python",
        "version": "3.1.195",
        "file": "tencentcloud_sdk_python-3.1.195-py2.py3-none-any.whl",
        "size": 18754456,
        "sha256": "35ae22ebc527ff352de9de89a4afa440de5335777bae4b44fa4cc637deaa9c4b",
    },
    {
        "lang": "en",
        "name": "tencentcloud-sdk-python-intl-en",
        "version": "3.1.193",
        "file": "tencentcloud_sdk_python_intl_en-3.1.193-py2.py3-none-any.whl",
        "size": 10477901,
        "sha256": "6538fe201911d918ea6e9e21a48b0dbe4b5a61e8516fd3cbb81728736d5a61bc",
    },
]

FORMAT = "errcat/tencent-cloud-products-extraction/1"
ERRORCODES_RE = re.compile(r"^tencentcloud/([a-z0-9_]+)/(v\d{8})/errorcodes\.py$")
ASSIGN_RE = re.compile(r"^([A-Z][A-Z0-9_]*) = '([^'\\]*)'$")
HEADER = [
    re.compile(r"^# -\*- coding: utf-?8 -\*-$"),
    re.compile(r"^# Copyright \(c\) 2017-20\d\d Tencent\. All Rights Reserved\.$"),
    re.compile(r"^#$"),
    re.compile(r'^# Licensed under the Apache License, Version 2\.0 \(the "License"\);$'),
    re.compile(r"^# you may not use this file except in compliance with the License\.$"),
    re.compile(r"^# You may obtain a copy of the License at$"),
    re.compile(r"^#$"),
    re.compile(r"^#    http://www\.apache\.org/licenses/LICENSE-2\.0$"),
    re.compile(r"^#$"),
    re.compile(r"^# Unless required by applicable law or agreed to in writing, software$"),
    re.compile(r'^# distributed under the License is distributed on an "AS IS" BASIS,$'),
    re.compile(r"^# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied\.$"),
    re.compile(r"^# See the License for the specific language governing permissions and$"),
    re.compile(r"^# limitations under the License\.$"),
]
RETRY_PATH = "tencentcloud/common/retry.py"


class Fatal(Exception):
    pass


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def obtain(wheels_dir, download):
    """Return {lang: path} of verified wheels."""
    os.makedirs(wheels_dir, exist_ok=True)
    paths = {}
    for pkg in PACKAGES:
        path = os.path.join(wheels_dir, pkg["file"])
        if not os.path.exists(path):
            if not download:
                raise Fatal("%s not found in %s (use --download)" % (pkg["file"], wheels_dir))
            cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                   "--disable-pip-version-check", "-d", wheels_dir,
                   "%s==%s" % (pkg["name"], pkg["version"])]
            print("+ " + " ".join(cmd), file=sys.stderr)
            subprocess.run(cmd, check=True, stdout=sys.stderr)
            if not os.path.exists(path):
                raise Fatal("pip did not produce %s" % pkg["file"])
        size = os.path.getsize(path)
        digest = sha256_file(path)
        if size != pkg["size"] or digest != pkg["sha256"]:
            raise Fatal("%s: size %d sha256 %s, pinned size %d sha256 %s"
                        % (path, size, digest, pkg["size"], pkg["sha256"]))
        print("verified %s sha256 %s" % (pkg["file"], digest), file=sys.stderr)
        paths[pkg["lang"]] = path
    return paths


def read_record(zf, pkg):
    """The wheel's RECORD: {member: (algo, urlsafe-b64 digest)}."""
    dist = "%s-%s.dist-info" % (pkg["name"].replace("-", "_"), pkg["version"])
    meta = zf.read(dist + "/METADATA").decode("utf-8")
    m = re.search(r"^Version: (\S+)$", meta, re.M)
    if not m or m.group(1) != pkg["version"]:
        raise Fatal("%s: METADATA version %r, pinned %s" % (pkg["file"], m and m.group(1), pkg["version"]))
    record = {}
    for line in zf.read(dist + "/RECORD").decode("utf-8").splitlines():
        if not line:
            continue
        name, digest, _size = line.rsplit(",", 2)
        if digest:
            algo, value = digest.split("=", 1)
            record[name] = (algo, value)
    return record


def read_member(zf, record, name, pkg):
    data = zf.read(name)
    if name not in record:
        raise Fatal("%s: %s not in RECORD" % (pkg["file"], name))
    algo, value = record[name]
    if algo != "sha256":
        raise Fatal("%s: RECORD uses %s for %s" % (pkg["file"], algo, name))
    got = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    if got != value:
        raise Fatal("%s: %s does not match its RECORD hash" % (pkg["file"], name))
    return data


def parse_errorcodes(text, where, anomalies):
    """Strict line parser. Returns [(name, code, description or None, line)]."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    else:
        anomalies.append({"where": where, "line": len(lines), "kind": "no_final_newline", "detail": ""})
    for i, rx in enumerate(HEADER):
        if i >= len(lines) or not rx.match(lines[i]):
            raise Fatal("%s:%d: unexpected header line %r" % (where, i + 1, lines[i] if i < len(lines) else None))
    out = []
    pending = []          # [(line number, text)] comment lines not yet attached
    blank_after_comment = None
    for idx in range(len(HEADER), len(lines)):
        n = idx + 1
        line = lines[idx]
        if line == "":
            if pending and blank_after_comment is None:
                blank_after_comment = n
            continue
        if line.startswith("#"):
            if pending and blank_after_comment is not None:
                anomalies.append({"where": where, "line": pending[0][0], "kind": "orphan_comment",
                                  "detail": "\n".join(t for _, t in pending)})
                pending = []
                blank_after_comment = None
            if line.startswith("# "):
                body = line[2:]
            else:
                body = line[1:]
                anomalies.append({"where": where, "line": n, "kind": "comment_without_space", "detail": line})
            if body != body.strip():
                anomalies.append({"where": where, "line": n, "kind": "description_surrounding_whitespace",
                                  "detail": body})
            pending.append((n, body))
            continue
        m = ASSIGN_RE.match(line)
        if not m:
            raise Fatal("%s:%d: not blank, comment or NAME = 'Code': %r" % (where, n, line))
        name, code = m.group(1), m.group(2)
        if pending:
            if blank_after_comment is not None:
                anomalies.append({"where": where, "line": n, "kind": "blank_line_between_description_and_constant",
                                  "detail": name})
            if len(pending) > 1:
                anomalies.append({"where": where, "line": n, "kind": "multi_line_description", "detail": name})
            desc = "\n".join(t for _, t in pending)
            if desc.strip() == "":
                anomalies.append({"where": where, "line": n, "kind": "empty_description", "detail": name})
        else:
            desc = None
            anomalies.append({"where": where, "line": n, "kind": "no_description", "detail": name})
        out.append((name, code, desc, n))
        pending = []
        blank_after_comment = None
    if pending:
        anomalies.append({"where": where, "line": pending[0][0], "kind": "orphan_comment",
                          "detail": "\n".join(t for _, t in pending)})
    # Cross-check with the Python grammar (no execution).
    tree = ast.parse(text, filename=where)
    seen = []
    for node in tree.body:
        ok = (isinstance(node, ast.Assign) and len(node.targets) == 1
              and isinstance(node.targets[0], ast.Name)
              and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str))
        if not ok:
            raise Fatal("%s:%d: statement other than NAME = 'str'" % (where, node.lineno))
        seen.append((node.targets[0].id, node.value.value, node.lineno))
    if seen != [(a, b, d) for a, b, _, d in out]:
        raise Fatal("%s: line parser and ast disagree" % where)
    # Duplicates inside one file.
    names, codes = {}, {}
    for name, code, _, n in out:
        if name in names:
            anomalies.append({"where": where, "line": n, "kind": "duplicate_name",
                              "detail": "%s (first at line %d)" % (name, names[name])})
        names.setdefault(name, n)
        if code in codes:
            anomalies.append({"where": where, "line": n, "kind": "duplicate_code",
                              "detail": "%s (first at line %d)" % (code, codes[code])})
        codes.setdefault(code, n)
        expected = code.replace(".", "_").upper()
        if name != expected:
            anomalies.append({"where": where, "line": n, "kind": "name_not_derived_from_code",
                              "detail": "%s = %r (expected %s)" % (name, code, expected)})
    return out


def extract_retry(text, where):
    """StandardRetryer.should_retry: the tuple of codes it retries, and the verbatim source."""
    tree = ast.parse(text, filename=where)
    lines = text.split("\n")
    for cls in tree.body:
        if isinstance(cls, ast.ClassDef) and cls.name == "StandardRetryer":
            for fn in cls.body:
                if isinstance(fn, ast.FunctionDef) and fn.name == "should_retry":
                    codes = None
                    for node in ast.walk(fn):
                        if (isinstance(node, ast.Compare) and len(node.ops) == 1
                                and isinstance(node.ops[0], ast.In)
                                and isinstance(node.comparators[0], ast.Tuple)):
                            codes = [e.value for e in node.comparators[0].elts]
                    if codes is None:
                        raise Fatal("%s: should_retry has no `in (...)` tuple" % where)
                    start = fn.decorator_list[0].lineno if fn.decorator_list else fn.lineno
                    return {
                        "path": where,
                        "class": "StandardRetryer",
                        "method": "should_retry",
                        "first_line": start,
                        "last_line": fn.end_lineno,
                        "codes": codes,
                        "source": "\n".join(lines[start - 1:fn.end_lineno]),
                    }
    raise Fatal("%s: no StandardRetryer.should_retry" % where)


def extract(paths):
    anomalies = []
    files = {"zh": {}, "en": {}}
    retry = {}
    for pkg in PACKAGES:
        lang = pkg["lang"]
        with zipfile.ZipFile(paths[lang]) as zf:
            record = read_record(zf, pkg)
            for name in sorted(zf.namelist()):
                m = ERRORCODES_RE.match(name)
                if not m:
                    if name.endswith("errorcodes.py"):
                        raise Fatal("%s: unexpected errorcodes path %s" % (pkg["file"], name))
                    continue
                data = read_member(zf, record, name, pkg)
                try:
                    text = data.decode("utf-8")
                except UnicodeDecodeError as e:
                    raise Fatal("%s:%s: not UTF-8: %s" % (pkg["file"], name, e))
                if "\r" in text or text.startswith("\ufeff"):
                    raise Fatal("%s:%s: CR or BOM" % (pkg["file"], name))
                where = "%s:%s" % (lang, name)
                files[lang][(m.group(1), m.group(2))] = (name, parse_errorcodes(text, where, anomalies))
            retry[lang] = extract_retry(read_member(zf, record, RETRY_PATH, pkg).decode("utf-8"),
                                        RETRY_PATH)
    if retry["zh"]["codes"] != retry["en"]["codes"]:
        anomalies.append({"where": "en:" + RETRY_PATH, "line": retry["en"]["first_line"],
                          "kind": "retry_rule_differs_between_sdks", "detail": repr(retry["en"]["codes"])})

    products = {}
    for key in sorted(set(files["zh"]) | set(files["en"])):
        product, version = key
        zh_path, zh_list = files["zh"].get(key, (None, []))
        en_path, en_list = files["en"].get(key, (None, []))
        en_by_name = {}
        for name, code, desc, n in en_list:
            en_by_name.setdefault(name, (code, desc, n))
        constants = []
        matched = set()   # (name, code) pairs of the English file already attached
        for name, code, desc, n in zh_list:
            en = en_by_name.get(name)
            if en is not None and en[0] != code:
                # Same constant, different spelling of the code: keep both spellings as
                # separate constants (the English one follows, with zh null).
                anomalies.append({"where": "en:" + en_path, "line": en[2], "kind": "code_differs_between_sdks",
                                  "detail": "%s: zh %r, en %r" % (name, code, en[0])})
                en = None
            if en is not None:
                matched.add((name, code))
            constants.append({"name": name, "code": code, "zh": desc, "en": en[1] if en else None,
                              "zh_line": n, "en_line": en[2] if en else None})
        for name, code, desc, n in en_list:
            if (name, code) not in matched:
                constants.append({"name": name, "code": code, "zh": None, "en": desc,
                                  "zh_line": None, "en_line": n})
        products.setdefault(product, []).append({
            "version": version, "zh_path": zh_path, "en_path": en_path, "constants": constants})

    anomalies.sort(key=lambda a: (a["where"], a["line"], a["kind"], a["detail"]))
    return {
        "format": FORMAT,
        "generator": "tools/import_tencent_products.py",
        "license": "Apache-2.0 (the SDK packages); descriptions are Tencent Cloud's",
        "packages": [{k: p[k] for k in ("lang", "name", "version", "file", "size", "sha256")} for p in PACKAGES],
        "products": [{"product": p, "versions": products[p]} for p in sorted(products)],
        "sdk_retry": retry["zh"],
        "anomalies": anomalies,
    }


def main():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wheels", help="directory holding (or to receive, with --download) the pinned wheels")
    ap.add_argument("--download", action="store_true", help="download missing wheels with pip into --wheels")
    ap.add_argument("--out", default=os.path.join(here, "extracted", "products.json"))
    args = ap.parse_args()
    try:
        if args.wheels:
            paths = obtain(args.wheels, args.download)
            result = extract(paths)
        else:
            with tempfile.TemporaryDirectory() as tmp:
                paths = obtain(tmp, True)
                result = extract(paths)
    except Fatal as e:
        print("error: %s" % e, file=sys.stderr)
        return 1
    out = json.dumps(result, ensure_ascii=False, indent=1) + "\n"
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(out)
    n_const = sum(len(v["constants"]) for p in result["products"] for v in p["versions"])
    print("wrote %s: %d products, %d product versions, %d constants, %d anomalies, sha256 %s" % (
        args.out, len(result["products"]), sum(len(p["versions"]) for p in result["products"]), n_const,
        len(result["anomalies"]), hashlib.sha256(out.encode("utf-8")).hexdigest()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
