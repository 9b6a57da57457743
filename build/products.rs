//! Writes the generated code of a family laid out by product (`layout: "products"`, Tencent
//! Cloud's product codes): its sources; one `Row` per (product, code), small and without
//! pointers, its texts offsets into one `TEXT` where each text is once (17,500 entries as
//! `Entry` literals cost 5 MB of data and 3 MB of relocations in a binary); the phf map of every
//! code across products (a span of `CANDIDATES`, in product order, which `Product::lookup`
//! searches); the products by name; the typed `Root` enum and the family's facts (`INFO`: roots
//! and rules as classifications of unlisted codes).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::emit::camel;
use crate::load::Products;
use crate::schema::{ProductFile, ProductSource, Registry};
use crate::validate::{KindFrom, product_kind, root_of, wait_of};

/// Marks an entry whose product the vendor documents in Chinese only.
pub const NO_ENGLISH: &str =
    "The vendor gives no English text for this code: its English SDK does not have it.";
/// Marks an entry whose only comment in the SDKs is empty.
pub const NO_TEXT: &str = "The vendor's SDKs list this code with an empty comment: no text.";
/// Marks an entry only the English SDK has.
pub const NO_CHINESE: &str = "Only the vendor's English SDK has this code: no Chinese text.";

fn opt_str(v: Option<&String>) -> String {
    v.map_or_else(|| "None".to_owned(), |s| format!("Some({s:?})"))
}

fn source_lit(file: &ProductFile, src: &ProductSource, path: &str) -> String {
    let note = format!(
        "Wheel {} ({} {}), sha256 {}; imported by tools/tencent-products (import_tencent_products.py, products_data.py).",
        src.file, src.package, src.version, src.sha256
    );
    format!(
        "crate::Source {{ title: {:?}, url: {:?}, repository: None, path: Some({path:?}), commit: None, date: {:?}, cite: crate::Cite::Line, note: Some({note:?}) }}",
        format!(
            "{path} ({}, {} {}), product {}",
            if src.lang == "zh" {
                "Tencent Cloud Python SDK"
            } else {
                "Tencent Cloud Python SDK, international (English)"
            },
            src.package,
            src.version,
            file.product
        ),
        format!("https://pypi.org/project/{}/{}/", src.package, src.version),
        src.date,
    )
}

/// The texts of the rows, each once: `(offset, length)` in `TEXT` by text.
#[derive(Default)]
struct Texts {
    text: String,
    at: std::collections::HashMap<String, (usize, usize)>,
}

impl Texts {
    /// `(offset, length)` of `s` in the text, added the first time it is seen.
    fn place(&mut self, s: &str) -> (usize, usize) {
        if let Some(&found) = self.at.get(s) {
            return found;
        }
        let placed = (self.text.len(), s.len());
        assert!(
            u32::try_from(placed.0).is_ok() && u16::try_from(placed.1).is_ok(),
            "a text of {} bytes at {} does not fit a `TextRef`",
            placed.1,
            placed.0
        );
        self.text.push_str(s);
        self.at.insert(s.to_owned(), placed);
        placed
    }

    /// The key of `s` in the text, added the first time it is seen.
    fn key(&mut self, s: &str) -> TextKey {
        let (at, len) = self.place(s);
        TextKey {
            text: s.to_owned(),
            at,
            len,
        }
    }

    /// `TextRef { at, len }` of `s`, added the first time it is seen.
    fn add(&mut self, s: &str) -> String {
        let (at, len) = self.place(s);
        format!("TextRef {{ at: {at}, len: {len} }}")
    }
}

/// A text of `TEXT` as a phf key: hashed and compared as the `str` it stands for (as the
/// runtime's `TextRef` is), written as `TextRef { at, len }`, so that the map holds no pointer and no
/// second copy of its keys.
#[derive(PartialEq, Eq, Hash)]
struct TextKey {
    text: String,
    at: usize,
    len: usize,
}

impl std::fmt::Display for TextKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TextRef {{ at: {}, len: {} }}", self.at, self.len)
    }
}

impl phf_shared::PhfHash for TextKey {
    fn phf_hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.text.as_str().phf_hash(state);
    }
}

impl phf_shared::FmtConst for TextKey {
    fn fmt_const(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}

/// The position of `item` in `list`, pushed the first time.
fn index_of(list: &mut Vec<String>, item: String) -> usize {
    list.iter().position(|x| *x == item).unwrap_or_else(|| {
        list.push(item);
        list.len() - 1
    })
}

/// Kind, retry advice, retry reason and wait of a rule or root row, as Rust expressions.
fn advice(registry: &Registry, p: &Products, from: KindFrom) -> (String, bool, String, String) {
    let c = &p.classifications;
    let (kind, retryable, reason, wait) = match from {
        KindFrom::Root(i) => {
            let r = &c.roots[i];
            (&r.kind, r.retryable, r.retry_reason.as_ref(), None)
        }
        KindFrom::Rule(i) => {
            let r = &c.rules[i];
            (
                &r.kind,
                r.retryable,
                r.retry_reason.as_ref(),
                r.wait.as_ref(),
            )
        }
    };
    let retryable = retryable.unwrap_or_else(|| registry.kind_retryable(kind).unwrap_or(false));
    let wait = wait
        .and_then(wait_of)
        .map_or_else(|| "None".to_owned(), |(w, _)| format!("Some({w})"));
    (
        format!("crate::ErrorKind::{}", camel(kind)),
        retryable,
        opt_str(reason),
        wait,
    )
}

/// The module `tencent_cloud_products` (named after the family) of `tables.rs`.
#[allow(
    clippy::too_many_lines,
    reason = "sources, entries, products and maps, in one pass"
)]
pub fn emit(out: &mut String, registry: &Registry, p: &Products, module: &str, family: &str) {
    let paths: Vec<&str> = p.files.iter().map(|(n, _)| n.as_str()).collect();
    let _ = writeln!(
        out,
        "/// Family `{}`, generated from {} files of `data/{}/` and its classifications.\npub(crate) mod {module} {{\n\
         use crate::tencent_cloud::products::{{Advice, ProductCode, ProductData, Row, CandidateSpan, TextRef}};\n",
        p.slug,
        paths.len(),
        p.slug
    );
    // Sources: one per (product, version, language) file.
    let mut sources = Vec::new();
    let mut source_index: BTreeMap<(usize, usize, &str), usize> = BTreeMap::new();
    for (fi, (_, file)) in p.files.iter().enumerate() {
        for (vi, v) in file.versions.iter().enumerate() {
            for (lang, path) in [("zh", &v.zh_path), ("en", &v.en_path)] {
                let (Some(path), Some(src)) = (path, file.sources.iter().find(|s| s.lang == lang))
                else {
                    continue;
                };
                source_index.insert((fi, vi, lang), sources.len());
                sources.push(source_lit(file, src, path));
            }
        }
    }
    let _ = writeln!(
        out,
        "pub(crate) static SOURCES: [crate::Source; {}] = [\n    {}\n];\n",
        sources.len(),
        sources.join(",\n    ")
    );
    // Rows, products, and the codes across products.
    let mut texts = Texts::default();
    // The codes first, side by side: a lookup compares with one, and 12,793 codes in 470 KB
    // stay in cache (and in fewer pages) better than spread between the texts of 1.35 MB.
    for (_, file) in &p.files {
        for e in &file.entries {
            for code in std::iter::once(&e.code).chain(&e.aliases) {
                texts.key(code);
            }
        }
    }
    let mut advice_index: BTreeMap<String, usize> = BTreeMap::new();
    let mut notes: Vec<String> = vec!["None".to_owned()];
    let mut alias_lists: Vec<String> = vec!["(&[], &[])".to_owned()];
    let mut rows = Vec::new();
    let mut products = Vec::new();
    let mut names = phf_codegen::Map::<&str>::new();
    names.phf_path("phf");
    let mut across: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (fi, (_, file)) in p.files.iter().enumerate() {
        let start = rows.len();
        for e in &file.entries {
            let index = rows.len();
            let handle = format!("ProductCode::new({fi}, {index})");
            let from = product_kind(&p.classifications, &file.product, &e.code)
                .expect("validated: every root has a row");
            let (kind, retryable, retry_reason, wait) = advice(registry, p, from);
            let advice_lit = format!(
                "Advice {{ kind: {kind}, retryable: {retryable}, retry_reason: {retry_reason}, wait: {wait} }}"
            );
            let next = advice_index.len();
            let advice = *advice_index.entry(advice_lit).or_insert(next);
            let (lang, line) = match (e.zh_line, e.en_line) {
                (Some(l), _) => ("zh", l),
                (None, Some(l)) => ("en", l),
                (None, None) => ("zh", 0),
            };
            let v = if lang == "en" {
                e.en_v.unwrap_or(e.v)
            } else {
                e.v
            };
            let source = source_index.get(&(fi, v, lang)).copied().unwrap_or(0);
            let mut parts: Vec<&str> = e.note.iter().map(String::as_str).collect();
            match (&e.zh, &e.en) {
                (Some(_), None) => parts.push(NO_ENGLISH),
                (None, Some(_)) => parts.push(NO_CHINESE),
                (None, None) => parts.push(NO_TEXT),
                (Some(_), Some(_)) => {}
            }
            let note = if parts.is_empty() {
                0
            } else {
                index_of(&mut notes, format!("Some({:?})", parts.join(" ")))
            };
            let aliases = if e.aliases.is_empty() && e.zh_aliases.is_empty() {
                0
            } else {
                let list = |v: &[String]| {
                    v.iter()
                        .map(|a| format!("{a:?}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                index_of(
                    &mut alias_lists,
                    format!("(&[{}], &[{}])", list(&e.aliases), list(&e.zh_aliases)),
                )
            };
            rows.push(format!(
                "Row {{ code: {}, zh: {}, en: {}, line: {line}, product: {fi}, source: {source}, advice: {advice}, note: {note}, aliases: {aliases} }}",
                texts.add(&e.code),
                texts.add(e.zh.as_deref().unwrap_or("")),
                texts.add(e.en.as_deref().unwrap_or("")),
            ));
            for code in std::iter::once(&e.code).chain(&e.aliases) {
                across
                    .entry(code.as_str())
                    .or_default()
                    .push(handle.clone());
            }
        }
        names.entry(file.product.as_str(), fi.to_string());
        products.push(format!(
            "ProductData {{ name: {:?}, start: {start}, end: {} }}",
            file.product,
            rows.len(),
        ));
    }
    assert!(
        u16::try_from(rows.len()).is_ok()
            && u16::try_from(products.len()).is_ok()
            && u16::try_from(sources.len()).is_ok()
            && u16::try_from(advice_index.len()).is_ok()
            && u8::try_from(notes.len()).is_ok()
            && u8::try_from(alias_lists.len()).is_ok(),
        "the rows' fields hold {} entries, {} products, {} sources, {} advices, {} notes and {} \
         alias lists: widen them",
        rows.len(),
        products.len(),
        sources.len(),
        advice_index.len(),
        notes.len(),
        alias_lists.len()
    );
    let _ = writeln!(
        out,
        "/// Every (product, code), in product and file order.\npub(crate) static ROWS: [Row; {}] = [\n    {}\n];\n",
        rows.len(),
        rows.join(",\n    ")
    );
    let mut advices: Vec<(&String, &usize)> = advice_index.iter().collect();
    advices.sort_by_key(|(_, i)| **i);
    let advices: Vec<&str> = advices.into_iter().map(|(a, _)| a.as_str()).collect();
    let _ = writeln!(
        out,
        "/// The rows' kinds and retry advice, each once.\npub(crate) static ADVICE: [Advice; {}] = [\n    {}\n];\n",
        advices.len(),
        advices.join(",\n    ")
    );
    let _ = writeln!(
        out,
        "/// The rows' notes, each once; 0 is none.\npub(crate) static NOTES: [Option<&str>; {}] = [{}];\n",
        notes.len(),
        notes.join(", ")
    );
    let _ = writeln!(
        out,
        "/// The rows' other spellings (codes, Chinese texts), each list once; 0 is none.\npub(crate) static ALIASES: [(&[&str], &[&str]); {}] = [{}];\n",
        alias_lists.len(),
        alias_lists.join(", ")
    );
    let _ = writeln!(
        out,
        "/// How many products.\npub(crate) const PRODUCT_COUNT: usize = {};\n\n/// The products, by name.\npub(crate) static PRODUCTS: [ProductData; PRODUCT_COUNT] = [\n    {}\n];\n",
        products.len(),
        products.join(",\n    ")
    );
    let _ = writeln!(
        out,
        "/// Product names to their position in `PRODUCTS`.\npub(crate) static PRODUCT_NAMES: phf::Map<&'static str, u16> = {};\n",
        names.build()
    );
    // The codes across products: one list of handles, each code's a span of it.
    let mut candidates = Vec::new();
    let mut by_code = phf_codegen::Map::<TextKey>::new();
    by_code.phf_path("phf");
    for (code, handles) in &across {
        by_code.entry(
            texts.key(code),
            format!(
                "CandidateSpan {{ start: {}, len: {} }}",
                candidates.len(),
                handles.len()
            ),
        );
        candidates.extend(handles.iter().cloned());
    }
    let _ = writeln!(
        out,
        "/// The products' handles, grouped by code (`BY_CODE`), each group in product order.\npub(crate) static CANDIDATES: [ProductCode; {}] = [\n    {}\n];\n",
        candidates.len(),
        candidates.join(",\n    ")
    );
    let _ = writeln!(
        out,
        "/// Every code and alias (a text of `TEXT`), to its span of `CANDIDATES`.\npub(crate) static BY_CODE: phf::Map<TextRef, CandidateSpan> = {};\n",
        by_code.build()
    );
    let _ = writeln!(
        out,
        "/// Every text of the rows (codes and their other spellings, Chinese, English), each once.\npub(crate) static TEXT: &str = {:?};\n",
        texts.text
    );
    emit_roots(out, registry, p, family, sources.len());
    let _ = writeln!(out, "}}\n");
}

/// `Root`, its impls, and `INFO` (roots and rules for every product, as classifications).
#[allow(
    clippy::too_many_lines,
    reason = "the root enum, its impls and the facts, in one pass"
)]
fn emit_roots(out: &mut String, registry: &Registry, p: &Products, family: &str, sources: usize) {
    let c = &p.classifications;
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, file) in &p.files {
        for e in &file.entries {
            *counts.entry(root_of(&e.code)).or_default() += 1;
        }
    }
    let _ = writeln!(
        out,
        "/// The family root of a Tencent Cloud product code: its first dot-separated segment\n\
         /// (`FailedOperation` of `FailedOperation.CdnConfigError`), each with the kind errcat gives the\n\
         /// codes under it (`data/tencent-cloud/products/classifications.json`).\n///\n\
         /// Marked `#[non_exhaustive]`: new SDK releases bring new roots.\n///\n/// # Examples\n///\n/// ```\n\
         /// use errcat::tencent_cloud::products::Root;\n///\n\
         /// assert_eq!(Root::of(\"OperationDenied.DomainNotActive\"), Some(Root::OperationDenied));\n\
         /// assert_eq!(Root::OperationDenied.as_str(), \"OperationDenied\");\n/// ```\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]\n#[non_exhaustive]\npub enum Root {{"
    );
    for r in &c.roots {
        let _ = writeln!(
            out,
            "    #[doc = {:?}]\n    {},",
            format!(
                "`{}`: {} product codes; kind `{}`. {}",
                r.root,
                counts.get(r.root.as_str()).copied().unwrap_or(0),
                r.kind,
                r.reason.replace('`', "")
            ),
            r.root
        );
    }
    let _ = writeln!(out, "}}\n");
    let names: Vec<String> = c
        .roots
        .iter()
        .map(|r| format!("Root::{}", r.root))
        .collect();
    let arms: Vec<String> = c
        .roots
        .iter()
        .map(|r| format!("            {:?} => Some(Root::{}),", r.root, r.root))
        .collect();
    let strs: Vec<String> = c
        .roots
        .iter()
        .map(|r| format!("            Root::{} => {:?},", r.root, r.root))
        .collect();
    let rules: Vec<String> = c
        .roots
        .iter()
        .enumerate()
        .map(|(i, r)| format!("            Root::{} => &ROOT_RULES[{i}],", r.root))
        .collect();
    let _ = writeln!(
        out,
        "/// Every root, in the order of the classifications file.\npub(crate) static ROOTS: [Root; {}] = [{}];\n\n\
         impl Root {{\n    pub(crate) fn from_segment(segment: &str) -> Option<Root> {{\n        match segment {{\n{}\n            _ => None,\n        }}\n    }}\n\n    \
         pub(crate) fn name(self) -> &'static str {{\n        match self {{\n{}\n        }}\n    }}\n\n    \
         pub(crate) fn rule(self) -> &'static crate::Classification {{\n        match self {{\n{}\n        }}\n    }}\n}}\n",
        names.len(),
        names.join(", "),
        arms.join("\n"),
        strs.join("\n"),
        rules.join("\n")
    );
    let mut classifications: BTreeMap<&str, String> = BTreeMap::new();
    let mut root_rules = Vec::new();
    for (i, r) in c.roots.iter().enumerate() {
        let (kind, retryable, retry_reason, wait) = advice(registry, p, KindFrom::Root(i));
        let lit = format!(
            "crate::Classification {{ family: crate::Family::{family}, code: {:?}, kind: {kind}, retryable: {retryable}, retry_reason: {retry_reason}, wait: {wait}, reason: {:?}, source: None }}",
            r.root, r.reason
        );
        root_rules.push(lit.clone());
        classifications.insert(r.root.as_str(), lit);
    }
    for (i, r) in c.rules.iter().enumerate() {
        if !r.products.is_empty() {
            continue;
        }
        let (kind, retryable, retry_reason, wait) = advice(registry, p, KindFrom::Rule(i));
        classifications.insert(
            r.code.as_str(),
            format!(
                "crate::Classification {{ family: crate::Family::{family}, code: {:?}, kind: {kind}, retryable: {retryable}, retry_reason: {retry_reason}, wait: {wait}, reason: {:?}, source: None }}",
                r.code, r.reason
            ),
        );
    }
    let _ = writeln!(
        out,
        "/// Each root's classification, in `ROOTS` order.\npub(crate) static ROOT_RULES: [crate::Classification; {}] = [\n    {}\n];\n",
        root_rules.len(),
        root_rules.join(",\n    ")
    );
    let mut map = phf_codegen::Map::<&str>::new();
    map.phf_path("phf");
    for (code, lit) in &classifications {
        map.entry(code, lit.clone());
    }
    let sources: Vec<String> = (0..sources).map(|i| format!("&SOURCES[{i}]")).collect();
    let _ = writeln!(
        out,
        "/// The family's facts: no table of its own (see `PRODUCTS`); the roots and the rules for\n\
         /// every product classify codes no product lists.\npub(crate) static INFO: crate::family::Info = crate::family::Info {{\n    \
         sources: &[{}],\n    tables: &[],\n    codes: phf::Map::new(),\n    templates: &[],\n    \
         statuses: &[],\n    status_index: None,\n    classifications: {},\n}};",
        sources.join(", "),
        map.build()
    );
}
