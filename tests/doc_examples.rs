//! Every public item of the library has a rustdoc example.
//!
//! A text scan, like a linter (rustdoc's own `missing_doc_code_examples` lint is unstable, and
//! it skips items of private modules that are re-exported, which is most of this crate's API).
//! It walks the module tree from `src/lib.rs` through its `mod` declarations, the generated
//! `OUT_DIR/tables.rs` included where `src/tables.rs` includes it (cargo sets `OUT_DIR` for the
//! integration tests of a package with a build script: the file is the one this build
//! compiled), and fails listing every public item without an example.
//!
//! - Items: `fn` (`const`, `async`, `unsafe` too), `struct`, `enum`, `union`, `trait`, `type`,
//!   `mod`, `const`, `static` declared `pub` (not `pub(crate)`, `pub(super)`, `pub(in ..)`), and
//!   the members (`fn`, `const`, `type`) of a public trait, which are public without `pub`.
//! - Public: an item at module level is public when every module on its path is `pub`, or when
//!   a `pub use` anywhere re-exports its name (or globs its module): the crate's types live in
//!   private modules and are re-exported at the root. A `pub fn` of an `impl` is public when the
//!   impl's type is; in a `macro_rules!` body (`impl $ty`), when an invocation of the macro names
//!   a public type. Items in function bodies, in `#[cfg(test)]`/`#[cfg(doctest)]` modules or with
//!   `#[doc(hidden)]` are not. `src/bin/` is a separate crate and is not scanned.
//! - An example: the item's doc comment (`///` lines, `/** */`, `#[doc = ..]` attributes, through
//!   attributes and blank lines up to the item) holds a fenced block that rustdoc runs as a
//!   doctest (no info string, or only `rust`, `no_run`, `should_panic`, `compile_fail`, ...; not
//!   `text` or `ignore`) with at least one line that is not hidden (`# `). A `pub mod x;` may
//!   instead hold it in the `//!` docs of its file, an inline module at the start of its body.
//! - The scan blanks comments, string and character literals before it reads code, so `pub fn`
//!   in a string or a comment is not an item, and braces in them do not move scopes. Every `.rs`
//!   file under `src/` (but `src/bin/`) must be reached by the walk, so that a module the walk
//!   cannot resolve fails the test rather than escaping it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

// ---------------------------------------------------------------------------------------------
// The tests

#[test]
fn every_public_item_has_an_example() {
    let scan = Scan::run(&CrateFiles);
    let missing: Vec<String> = scan
        .public_items()
        .into_iter()
        .filter(|item| !has_example(&item.docs))
        .map(Item::describe)
        .collect();
    let mut failures = scan.problems.clone();
    if !missing.is_empty() {
        failures.push(format!(
            "{} public item(s) without a rustdoc example (`# Examples` and a ``` block):\n  {}",
            missing.len(),
            missing.join("\n  ")
        ));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The scan of the real crate sees what it must, and nothing it must not: a scanner that found
/// nothing would pass the test above.
#[test]
fn the_scan_sees_the_public_api() {
    let scan = Scan::run(&CrateFiles);
    let public: BTreeSet<(String, String)> = scan
        .public_items()
        .into_iter()
        .map(|i| (i.file.clone(), format!("{} {}", i.keyword, i.name)))
        .collect();
    let has = |file: &str, item: &str| public.contains(&(file.to_owned(), item.to_owned()));
    // A method of a type re-exported from a private module.
    assert!(has("src/entry.rs", "fn code"), "Entry::code");
    // A member of a public trait, declared without `pub`.
    assert!(has("src/api_error.rs", "fn family"), "ApiError::family");
    assert!(
        has("src/response/mod.rs", "fn into_status"),
        "IntoStatus::into_status"
    );
    // An `impl Code` inside the private `mod resolved`.
    assert!(
        has("src/tencent_cloud/common.rs", "fn resolve"),
        "Code::resolve"
    );
    assert!(
        has("src/tencent_cloud/common.rs", "enum Resolved"),
        "Resolved"
    );
    // Generated items, and with a family's tables compiled in, the methods of `code_table!`,
    // whose invocations are in the generated code.
    assert!(
        has("OUT_DIR/tables.rs", "enum ErrorKind"),
        "generated ErrorKind"
    );
    assert!(
        has("OUT_DIR/tables.rs", "fn slug"),
        "generated Vendor::slug"
    );
    if cfg!(errcat_default_features) {
        assert!(
            has("OUT_DIR/tables.rs", "enum ModuleCode"),
            "generated ModuleCode"
        );
        assert!(
            has("src/macros.rs", "fn from_code"),
            "code_table!'s from_code"
        );
    }
    // Modules, and deprecated items.
    assert!(has("src/lib.rs", "mod catalog"), "catalog");
    assert!(
        has("src/lib.rs", "mod tencent_cdn"),
        "the deprecated tencent_cdn"
    );
    assert!(
        has("src/upyun/mod.rs", "type Level"),
        "the deprecated upyun::Level"
    );
    // Not public: the JSON reader's items (a private module, not re-exported), the sealed
    // trait, `pub(crate)` items, test modules.
    assert!(!has("src/response/json/mod.rs", "fn read_object"));
    assert!(!has("src/response/json/mod.rs", "fn text"));
    assert!(!has("src/response/mod.rs", "trait Sealed"));
    assert!(!has("src/error.rs", "fn new"));
    assert!(
        !public
            .iter()
            .any(|(file, _)| file.contains("against_serde"))
    );
    // 256 with the default features' five families, 241 with none (no code enums).
    let count = scan.public_items().len();
    let least = if cfg!(errcat_default_features) {
        250
    } else {
        235
    };
    assert!(count >= least, "only {count} public items found");
    assert!(scan.problems.is_empty(), "{:?}", scan.problems);
}

/// The rules, on a made-up crate.
#[test]
fn the_scan_follows_its_rules() {
    let files = Fake(BTreeMap::from([
        ("src/lib.rs", FAKE_LIB),
        (
            "src/a.rs",
            "//! ```\n//! a();\n//! ```\n\n/// No example.\npub struct NoDocs;\n",
        ),
        (
            "src/hidden.rs",
            "pub struct Shown;\npub struct Unseen;\nimpl Shown {\n    pub fn shown_method() {}\n}\n\
             impl Unseen {\n    pub fn unseen_method() {}\n}\n",
        ),
        (
            "src/elsewhere.rs",
            "//! ```\n//! moved();\n//! ```\n\npub fn moved_fn() {}\n",
        ),
        ("src/stray.rs", "pub fn stray() {}\n"),
        ("src/bin/tool.rs", "pub fn in_a_binary() {}\n"),
    ]));
    let scan = Scan::run(&files);
    let missing: BTreeSet<String> = scan
        .public_items()
        .into_iter()
        .filter(|item| !has_example(&item.docs))
        .map(|item| item.name.clone())
        .collect();
    let expected = [
        "NoDocs",
        "Shown",
        "bare",
        "hidden_only",
        "ignored",
        "member",
        "moved_fn",
        "shown_method",
        "text_only",
        "via_macro",
    ];
    assert_eq!(missing, expected.map(str::to_owned).into());
    let public: BTreeSet<String> = scan
        .public_items()
        .into_iter()
        .map(|item| item.name.clone())
        .collect();
    for name in [
        "documented",
        "T",
        "member_ok",
        "a",
        "with_blank_line",
        "doc_attr",
        "multi_line_doc_attr",
        "block_doc",
        "moved",
    ] {
        assert!(public.contains(name), "{name} is public");
    }
    for name in [
        "in_a_string",
        "in_a_comment",
        "crate_only",
        "helper",
        "Local",
        "Unseen",
        "unseen_method",
        "secret",
        "in_a_binary",
        "private_member",
        "inner_fn",
    ] {
        assert!(!public.contains(name), "{name} is not public");
    }
    assert_eq!(
        scan.problems,
        ["src/stray.rs: not reached from src/lib.rs by `mod` declarations"]
    );
}

const FAKE_LIB: &str = r##"//! Crate docs.
pub mod a;
mod hidden;
pub use hidden::Shown;

/// No example.
pub fn bare() {}

/// ```text
/// not rust
/// ```
pub fn text_only() {}

/// ```ignore
/// not run
/// ```
pub fn ignored() {}

/// ```
/// # hidden_only();
/// ```
pub fn hidden_only() {}

/// ```
/// assert!(true);
/// ```
#[inline]
#[allow(
    dead_code,
)]
pub fn documented() {}

/// ```
/// assert!(true);
/// ```

pub fn with_blank_line() {}

#[doc = "```"]
#[doc = "assert!(true);"]
#[doc = "```"]
pub fn doc_attr() {}

/// ```
#[doc = concat!(
    "multi_line_doc_attr();",
)]
/// ```
pub fn multi_line_doc_attr() {}

/**
 * ```
 * block_doc();
 * ```
 */
pub fn block_doc() {}

#[path = "elsewhere.rs"]
pub mod moved;

trait Private {
    fn private_member(&self);
}

pub(crate) mod inner {
    pub fn inner_fn() {}
}

const S: &str = "pub fn in_a_string() { {";
// pub fn in_a_comment() {}
/* pub fn in_a_comment() {} */
const R: &str = r#"
pub fn in_a_string() {}
"#;
const C: char = '{';

/// Trait.
///
/// ```
/// # let _ = 1;
/// x();
/// ```
pub trait T {
    /// Member without example.
    fn member(&self);
    /// ```
    /// y();
    /// ```
    fn member_ok(&self) {}
}

pub(crate) fn crate_only() {}

#[cfg(test)]
mod tests {
    pub fn helper() {}
}

fn body() {
    pub struct Local;
}

mod secrets {
    pub fn secret() {}
}

macro_rules! m {
    ($t:ident) => {
        impl $t {
            pub fn via_macro() {}
        }
    };
}
m!(Shown);
"##;

// ---------------------------------------------------------------------------------------------
// Files

/// Where the scan reads `src/...` and `OUT_DIR/...` files from.
trait Files {
    fn read(&self, path: &str) -> Option<String>;
    /// Every `.rs` file under `src/`, `src/bin/` excluded.
    fn sources(&self) -> Vec<String>;
}

/// The crate's own files.
struct CrateFiles;

impl Files for CrateFiles {
    fn read(&self, path: &str) -> Option<String> {
        let full = match path.strip_prefix("OUT_DIR/") {
            Some(rest) => Path::new(env!("OUT_DIR")).join(rest),
            None => Path::new(env!("CARGO_MANIFEST_DIR")).join(path),
        };
        std::fs::read_to_string(full).ok()
    }

    fn sources(&self) -> Vec<String> {
        fn walk(dir: &Path, root: &Path, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir)
                .expect("read src/")
                .map(Result::unwrap)
            {
                let path = entry.path();
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                if path.is_dir() {
                    if rel != "src/bin" {
                        walk(&path, root, out);
                    }
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push(rel);
                }
            }
        }
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut out = Vec::new();
        walk(&root.join("src"), root, &mut out);
        out
    }
}

/// Files in memory.
struct Fake(BTreeMap<&'static str, &'static str>);

impl Files for Fake {
    fn read(&self, path: &str) -> Option<String> {
        self.0.get(path).map(|s| (*s).to_owned())
    }

    fn sources(&self) -> Vec<String> {
        self.0
            .keys()
            .filter(|p| !p.starts_with("src/bin/"))
            .map(|p| (*p).to_owned())
            .collect()
    }
}

// ---------------------------------------------------------------------------------------------
// Items

/// Where an item is declared.
#[derive(Clone, Debug)]
enum Context {
    /// At module level: whether every module on the path is `pub`, and the module's name.
    Module { exported: bool, name: String },
    /// A member of the trait that is item number `trait_item`.
    Trait { trait_item: usize },
    /// In an `impl` of `self_ty`; `$ty` in the body of the macro `in_macro`.
    Impl {
        self_ty: String,
        in_macro: Option<String>,
    },
    /// In a function body or another block.
    Local,
}

#[derive(Clone, Debug)]
struct Item {
    file: String,
    line: usize,
    keyword: String,
    name: String,
    /// `pub`, rather than a trait member.
    declared_pub: bool,
    context: Context,
    /// The doc comment's lines (a module's `//!` docs appended).
    docs: Vec<String>,
}

impl Item {
    fn describe(&self) -> String {
        let vis = if self.declared_pub { "pub " } else { "" };
        let within = match &self.context {
            Context::Impl { self_ty, .. } => format!(" (impl {self_ty})"),
            Context::Trait { .. } => " (trait member)".to_owned(),
            Context::Module { .. } | Context::Local => String::new(),
        };
        let generated = if self.file.starts_with("OUT_DIR/") {
            "; generated: document it in build/emit.rs"
        } else {
            ""
        };
        format!(
            "{}:{}: {vis}{} {}{within}{generated}",
            self.file, self.line, self.keyword, self.name
        )
    }
}

/// Whether doc lines hold a fenced block that rustdoc runs, with a line that is not hidden.
fn has_example(docs: &[String]) -> bool {
    let mut block: Option<(&str, bool, usize)> = None;
    for line in docs.iter().flat_map(|d| d.split('\n')) {
        let t = line.trim();
        let fence = ["```", "~~~"].into_iter().find(|f| t.starts_with(f));
        match (&mut block, fence) {
            (None, Some(f)) => block = Some((f, is_doctest(&t[f.len()..]), 0)),
            (Some((open, runs, lines)), Some(f)) if *open == f => {
                if *runs && *lines > 0 {
                    return true;
                }
                block = None;
            }
            (Some((_, _, lines)), _) => {
                if !t.is_empty() && t != "#" && !t.starts_with("# ") {
                    *lines += 1;
                }
            }
            (None, None) => {}
        }
    }
    false
}

/// Whether a fence's info string makes a doctest that is compiled.
fn is_doctest(info: &str) -> bool {
    info.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|t| !t.is_empty())
        .all(|t| {
            matches!(
                t,
                "rust"
                    | "no_run"
                    | "should_panic"
                    | "compile_fail"
                    | "test_harness"
                    | "standalone_crate"
            ) || t.starts_with("edition")
                || (t.len() > 1 && t.starts_with('E') && t[1..].bytes().all(|b| b.is_ascii_digit()))
        })
}

// ---------------------------------------------------------------------------------------------
// Masking

/// `src` with comments, string and character literals blanked (each byte a space, so that byte
/// offsets and lines are kept), and for each line whether it starts inside one of them.
fn mask(src: &str) -> (String, Vec<bool>) {
    #[derive(PartialEq)]
    enum State {
        Code,
        LineComment,
        BlockComment(usize),
        Str,
        RawStr(usize),
    }
    let b = src.as_bytes();
    let mut out = b.to_vec();
    let mut starts_inside = vec![false];
    let mut state = State::Code;
    let ident = |i: usize| i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_');
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'\n' {
            if state == State::LineComment {
                state = State::Code;
            }
            starts_inside.push(state != State::Code);
            i += 1;
            continue;
        }
        let at = |s: &[u8]| b[i..].starts_with(s);
        let mut blank = 1;
        match state {
            State::Code => {
                if at(b"//") {
                    state = State::LineComment;
                } else if at(b"/*") {
                    state = State::BlockComment(1);
                    blank = 2;
                } else if c == b'"' {
                    state = State::Str;
                } else if c == b'r' && !(i > 0 && ident(i - 1) && !raw_prefix(b, i)) {
                    let hashes = b[i + 1..].iter().take_while(|&&h| h == b'#').count();
                    if b.get(i + 1 + hashes) == Some(&b'"') {
                        state = State::RawStr(hashes);
                        blank = hashes + 2;
                    } else {
                        blank = 0;
                    }
                } else if c == b'\'' {
                    blank = char_literal_len(&b[i..]);
                } else {
                    blank = 0;
                }
            }
            State::LineComment => {}
            State::BlockComment(depth) => {
                if at(b"/*") {
                    state = State::BlockComment(depth + 1);
                    blank = 2;
                } else if at(b"*/") {
                    state = if depth == 1 {
                        State::Code
                    } else {
                        State::BlockComment(depth - 1)
                    };
                    blank = 2;
                }
            }
            State::Str => {
                if c == b'\\' {
                    blank = if b.get(i + 1) == Some(&b'\n') { 1 } else { 2 };
                } else if c == b'"' {
                    state = State::Code;
                }
            }
            State::RawStr(hashes) => {
                if c == b'"'
                    && b[i + 1..]
                        .iter()
                        .take(hashes)
                        .filter(|&&h| h == b'#')
                        .count()
                        == hashes
                {
                    state = State::Code;
                    blank = hashes + 1;
                }
            }
        }
        for byte in out.iter_mut().skip(i).take(blank) {
            if *byte != b'\n' {
                *byte = b' ';
            }
        }
        i += blank.max(1);
    }
    // Every byte of a non-ASCII character is a space too: ASCII, so UTF-8, with offsets kept.
    let masked = String::from_utf8(
        out.iter()
            .zip(b)
            .map(|(&o, &orig)| if orig >= 0x80 { b' ' } else { o })
            .collect(),
    )
    .expect("ASCII");
    (masked, starts_inside)
}

/// Whether the `r` at `i` follows a `b` or `c` string prefix (`br"..."`, `cr"..."`).
fn raw_prefix(b: &[u8], i: usize) -> bool {
    let before = |j: usize| j > 0 && (b[j - 1].is_ascii_alphanumeric() || b[j - 1] == b'_');
    matches!(b[i - 1], b'b' | b'c') && !before(i - 1)
}

/// The length of the character literal at the start of `b` (which starts with `'`), or 0 for a
/// lifetime or a label.
fn char_literal_len(b: &[u8]) -> usize {
    if b.get(1) == Some(&b'\\') {
        // An escape: up to the closing quote.
        return b[2..].iter().position(|&c| c == b'\'').map_or(0, |p| p + 3);
    }
    // One character, of up to four bytes, then the quote.
    let len = match b.get(1) {
        Some(&c) if c < 0x80 => 1,
        Some(&c) if c >= 0xf0 => 4,
        Some(&c) if c >= 0xe0 => 3,
        Some(_) => 2,
        None => return 0,
    };
    if b.get(1 + len) == Some(&b'\'') {
        len + 2
    } else {
        0
    }
}

// ---------------------------------------------------------------------------------------------
// Scanning

/// A brace scope.
#[derive(Clone, Debug)]
enum Scope {
    Module {
        exported: bool,
        name: String,
        skipped: bool,
        /// The item that declares it, for an inline module that is collected.
        item: Option<usize>,
        inner_docs: Vec<String>,
    },
    Trait {
        item: Option<usize>,
    },
    Impl {
        self_ty: String,
    },
    Macro {
        name: String,
    },
    Block,
}

/// The items declared, and what makes them public.
#[derive(Default)]
struct Scan {
    items: Vec<Item>,
    /// Names re-exported by `pub use`.
    reexports: BTreeSet<String>,
    /// Modules whose items `pub use m::*` (or `m::{self}`) re-exports.
    globs: BTreeSet<String>,
    /// Each macro invocation: the macro, and the identifiers in its input.
    invocations: Vec<(String, BTreeSet<String>)>,
    visited: BTreeSet<String>,
    problems: Vec<String>,
}

/// The state of one file's scan.
struct FileScan<'t> {
    path: String,
    orig: Vec<&'t str>,
    masked: Vec<String>,
    starts_inside: Vec<bool>,
    stack: Vec<Scope>,
    /// The scope the next `{` opens, and the bracket depth at which a `;` cancels it.
    pending: Option<(Scope, usize)>,
    brackets: usize,
    docs: Vec<String>,
    attrs: Vec<String>,
    /// An attribute that spans lines: its text so far, and its bracket depth.
    open_attr: Option<(String, usize)>,
    in_doc_block: bool,
}

const ITEM_KEYWORDS: [&str; 9] = [
    "fn", "struct", "enum", "union", "trait", "type", "mod", "const", "static",
];

impl Scan {
    fn run(files: &dyn Files) -> Self {
        let mut scan = Self::default();
        let root = Scope::Module {
            exported: true,
            name: "crate".to_owned(),
            skipped: false,
            item: None,
            inner_docs: Vec::new(),
        };
        scan.file(files, "src/lib.rs", root);
        for path in files.sources() {
            if !scan.visited.contains(&path) {
                scan.problems.push(format!(
                    "{path}: not reached from src/lib.rs by `mod` declarations"
                ));
            }
        }
        scan
    }

    /// Scans the file at `path` as the module `module`; returns its `//!` docs.
    fn file(&mut self, files: &dyn Files, path: &str, module: Scope) -> Vec<String> {
        self.visited.insert(path.to_owned());
        let Some(text) = files.read(path) else {
            self.problems.push(format!("{path}: cannot read"));
            return Vec::new();
        };
        let (masked, starts_inside) = mask(&text);
        let skipped = matches!(module, Scope::Module { skipped: true, .. });
        if !skipped {
            self.invocations.extend(invocations(&masked));
        }
        let mut f = FileScan {
            path: path.to_owned(),
            orig: text.split('\n').collect(),
            masked: masked.split('\n').map(str::to_owned).collect(),
            starts_inside,
            stack: vec![module],
            pending: None,
            brackets: 0,
            docs: Vec::new(),
            attrs: Vec::new(),
            open_attr: None,
            in_doc_block: false,
        };
        for n in 0..f.orig.len() {
            self.line(files, &mut f, n);
        }
        match f.stack.into_iter().next() {
            Some(Scope::Module { inner_docs, .. }) => inner_docs,
            _ => Vec::new(),
        }
    }

    fn line(&mut self, files: &dyn Files, f: &mut FileScan<'_>, n: usize) {
        let orig = f.orig[n];
        let t = orig.trim_start();
        if f.in_doc_block {
            let end = t.contains("*/");
            let text = t.split("*/").next().unwrap_or_default();
            f.docs
                .push(text.trim_start_matches('*').trim_start().to_owned());
            f.in_doc_block = !end;
            return;
        }
        let masked = f.masked[n].clone();
        if let Some((mut attr, depth)) = f.open_attr.take() {
            attr.push('\n');
            attr.push_str(orig);
            match close_bracket(&masked, depth) {
                Some(_) => push_attr(f, attr),
                None => f.open_attr = Some((attr, bracket_depth(&masked, depth))),
            }
            return;
        }
        if f.starts_inside[n] {
            // The rest of a literal or a block comment, maybe code after its end.
            self.structure(f, &masked);
            return;
        }
        if let Some(doc) = t.strip_prefix("//!") {
            push_inner_doc(&mut f.stack, doc.strip_prefix(' ').unwrap_or(doc));
            return;
        }
        if let Some(doc) = t.strip_prefix("///").filter(|d| !d.starts_with('/')) {
            f.docs.push(doc.strip_prefix(' ').unwrap_or(doc).to_owned());
            return;
        }
        if t.starts_with("/**") && !t.starts_with("/***") && !t.starts_with("/**/") {
            let rest = &t[3..];
            f.docs.push(
                rest.split("*/")
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_owned(),
            );
            f.in_doc_block = !rest.contains("*/");
            return;
        }
        if masked.trim().is_empty() {
            return;
        }
        // Attributes at the start of the line. (Offsets agree: masking keeps every byte's
        // place, and `]` and white space are the same bytes in both texts.)
        let mut at = orig.len() - t.len();
        while masked[at..].starts_with("#[") || masked[at..].starts_with("#![") {
            let Some(end) = close_bracket(&masked[at..], 0) else {
                f.open_attr = Some((orig[at..].to_owned(), bracket_depth(&masked[at..], 0)));
                return;
            };
            push_attr(f, orig[at..at + end].to_owned());
            at += end;
            at += orig[at..].len() - orig[at..].trim_start().len();
        }
        if !masked[at..].trim().is_empty() {
            self.code(files, f, n, at);
        }
    }

    /// A line of code, from byte `at`.
    fn code(&mut self, files: &dyn Files, f: &mut FileScan<'_>, n: usize, at: usize) {
        let masked = f.masked[n].clone();
        let code = &masked[at..];
        let docs = std::mem::take(&mut f.docs);
        let attrs = std::mem::take(&mut f.attrs);
        let skipped_item = attrs
            .iter()
            .any(|a| matches!(compact(a).as_str(), "#[cfg(test)]" | "#[cfg(doctest)]"));
        let hidden = attrs.iter().any(|a| compact(a) == "#[doc(hidden)]");
        let skipped_scope = f
            .stack
            .iter()
            .any(|s| matches!(s, Scope::Module { skipped: true, .. }));
        let words = words(code);
        let (vis, rest) = match words.first().map(String::as_str) {
            Some("pub") if !code.trim_start()[3..].trim_start().starts_with('(') => {
                ("pub", &words[1..])
            }
            // `pub(crate)`, `pub(super)`, `pub(in path)`: the words after the parenthesis.
            Some("pub") => {
                let close = words
                    .iter()
                    .position(|w| w == ")")
                    .map_or(words.len(), |p| p + 1);
                ("restricted", &words[close..])
            }
            _ => ("", &words[..]),
        };
        let (keyword, name) = keyword_and_name(rest);
        if vis == "pub" && keyword == "use" && !skipped_scope {
            self.reexport(&f.masked[n..], at);
        }
        let context = context(&f.stack);
        let member = vis.is_empty()
            && matches!(context, Context::Trait { .. })
            && matches!(keyword.as_str(), "fn" | "const" | "type");
        let collect = (vis == "pub" && ITEM_KEYWORDS.contains(&keyword.as_str()) || member)
            && !skipped_scope
            && !skipped_item
            && !hidden;
        let index = collect.then(|| {
            self.items.push(Item {
                file: f.path.clone(),
                line: n + 1,
                keyword: keyword.clone(),
                name: name.clone(),
                declared_pub: vis == "pub",
                context: context.clone(),
                docs,
            });
            self.items.len() - 1
        });
        let opener = match keyword.as_str() {
            "mod" => {
                let (exported, parent_skipped) = module_state(&f.stack);
                let module = Scope::Module {
                    exported: exported && vis == "pub",
                    name: name.clone(),
                    skipped: parent_skipped || skipped_item,
                    item: index,
                    inner_docs: Vec::new(),
                };
                if code.contains('{') {
                    Some(module)
                } else {
                    let child = Self::module_path(files, f, &attrs, &name);
                    let inner = self.file(files, &child, module);
                    if let Some(i) = index {
                        self.items[i].docs.extend(inner);
                    }
                    None
                }
            }
            "trait" => Some(Scope::Trait { item: index }),
            "impl" => Some(Scope::Impl {
                self_ty: self_type(code),
            }),
            "macro_rules!" => Some(Scope::Macro { name }),
            _ => None,
        };
        if let Some(scope) = opener {
            f.pending = Some((scope, f.brackets));
        }
        if let Some(file) = included_out_dir_file(f.orig[n]) {
            let module = f
                .stack
                .iter()
                .rev()
                .find(|s| matches!(s, Scope::Module { .. }))
                .cloned()
                .expect("a module scope");
            self.file(files, &format!("OUT_DIR/{file}"), module);
        }
        self.structure(f, &masked[at..]);
    }

    /// Follows braces: opens the pending scope or a block, closes scopes.
    fn structure(&mut self, f: &mut FileScan<'_>, masked: &str) {
        for c in masked.bytes() {
            match c {
                b'{' => {
                    let scope = f.pending.take().map_or(Scope::Block, |(s, _)| s);
                    f.stack.push(scope);
                }
                b'}' => {
                    if let Some(Scope::Module {
                        item: Some(i),
                        inner_docs,
                        ..
                    }) = f.stack.pop()
                    {
                        self.items[i].docs.extend(inner_docs);
                    }
                }
                b';' if f.pending.as_ref().is_some_and(|(_, d)| *d == f.brackets) => {
                    f.pending = None;
                }
                b'(' | b'[' => f.brackets += 1,
                b')' | b']' => f.brackets = f.brackets.saturating_sub(1),
                _ => {}
            }
        }
    }

    /// The file of `mod name;` declared in `f`: `#[path = ".."]`, else `name.rs` or
    /// `name/mod.rs` in the module's directory.
    fn module_path(files: &dyn Files, f: &FileScan<'_>, attrs: &[String], name: &str) -> String {
        let (parent, file) = f.path.rsplit_once('/').unwrap_or(("", &f.path));
        if let Some(path) = attrs.iter().find(|a| compact(a).starts_with("#[path=")) {
            return format!("{parent}/{}", string_literals(path));
        }
        let dir = if file == "lib.rs" || file == "mod.rs" {
            parent.to_owned()
        } else {
            format!("{parent}/{}", file.trim_end_matches(".rs"))
        };
        let flat = format!("{dir}/{name}.rs");
        if files.read(&flat).is_some() {
            flat
        } else {
            format!("{dir}/{name}/mod.rs")
        }
    }

    /// Records the names a `pub use` statement starting on `lines[0]` at byte `at` re-exports.
    fn reexport(&mut self, lines: &[String], at: usize) {
        let mut text = String::new();
        for (k, line) in lines.iter().enumerate() {
            text.push_str(if k == 0 { &line[at..] } else { line });
            text.push(' ');
            if line.contains(';') {
                break;
            }
        }
        let statement = text.split(';').next().unwrap_or_default();
        let tokens = tokens(statement);
        for (k, token) in tokens.iter().enumerate() {
            let next = tokens.get(k + 1).map(String::as_str);
            let before = |j: usize| {
                k.checked_sub(j)
                    .and_then(|p| tokens.get(p))
                    .map(String::as_str)
            };
            match token.as_str() {
                "pub" | "use" | "crate" | "super" | "as" | "::" | "{" | "}" | "," => {}
                "*" | "self" => {
                    if let (Some("::"), Some(module)) = (before(1), before(2)) {
                        self.globs.insert(module.to_owned());
                    }
                }
                name if next != Some("::") => {
                    self.reexports.insert(name.to_owned());
                }
                _ => {}
            }
        }
    }

    /// The public items.
    fn public_items(&self) -> Vec<&Item> {
        let module_public = |item: &Item| match &item.context {
            Context::Module { exported, name } => {
                item.declared_pub
                    && (*exported
                        || self.reexports.contains(&item.name)
                        || self.globs.contains(name))
            }
            _ => false,
        };
        let mut types: BTreeSet<&str> = self.reexports.iter().map(String::as_str).collect();
        types.extend(
            self.items
                .iter()
                .filter(|i| {
                    module_public(i)
                        && matches!(
                            i.keyword.as_str(),
                            "struct" | "enum" | "union" | "trait" | "type"
                        )
                })
                .map(|i| i.name.as_str()),
        );
        let macro_public = |name: &str| {
            self.invocations
                .iter()
                .any(|(m, idents)| m == name && idents.iter().any(|i| types.contains(i.as_str())))
        };
        self.items
            .iter()
            .filter(|item| match &item.context {
                Context::Module { .. } => module_public(item),
                Context::Trait { trait_item } => module_public(&self.items[*trait_item]),
                Context::Impl { self_ty, in_macro } => {
                    item.declared_pub
                        && if self_ty.starts_with('$') {
                            in_macro.as_deref().is_some_and(macro_public)
                        } else {
                            types.contains(self_ty.as_str())
                        }
                }
                Context::Local => false,
            })
            .collect()
    }
}

/// Records an attribute: `#[doc = ".."]` text goes into the docs, `#![doc = ".."]` into the
/// module's, others are kept for the item they precede.
fn push_attr(f: &mut FileScan<'_>, attr: String) {
    let c = compact(&attr);
    if c.starts_with("#[doc=") {
        f.docs
            .extend(string_literals(&attr).lines().map(str::to_owned));
    } else if c.starts_with("#![doc=") {
        push_inner_doc(&mut f.stack, &string_literals(&attr));
    } else {
        f.attrs.push(attr);
    }
}

/// An attribute's text without white space.
fn compact(attr: &str) -> String {
    attr.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Adds a `//!` line to the docs of the innermost scope, when it is a module.
fn push_inner_doc(stack: &mut [Scope], doc: &str) {
    if let Some(Scope::Module { inner_docs, .. }) = stack.last_mut() {
        inner_docs.extend(doc.split('\n').map(str::to_owned));
    }
}

/// The byte just past the `]` that closes brackets open to `depth` before `masked`.
fn close_bracket(masked: &str, depth: usize) -> Option<usize> {
    let mut depth = depth;
    for (i, c) in masked.bytes().enumerate() {
        match c {
            b'[' => depth += 1,
            b']' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// The bracket depth after `masked`, from `depth`.
fn bracket_depth(masked: &str, depth: usize) -> usize {
    masked.bytes().fold(depth, |d, c| match c {
        b'[' => d + 1,
        b']' => d.saturating_sub(1),
        _ => d,
    })
}

/// The string literals of an attribute's text, joined, with the common escapes decoded.
fn string_literals(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    let mut inside = false;
    while let Some(c) = chars.next() {
        match (inside, c) {
            (false, '"') => inside = true,
            (true, '"') => inside = false,
            (true, '\\') => match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some(other) => out.push(other),
                None => {}
            },
            (true, c) => out.push(c),
            (false, _) => {}
        }
    }
    out
}

/// The words of a line of masked code: identifiers (with a `!` that follows), and each other
/// character that is not white space.
fn words(code: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in code.chars() {
        if c.is_alphanumeric() || c == '_' {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            if c == '!' {
                word.push('!');
                out.push(std::mem::take(&mut word));
                continue;
            }
            out.push(std::mem::take(&mut word));
        }
        if !c.is_whitespace() {
            out.push(c.to_string());
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Tokens of a masked `use` statement: identifiers, `::` and single characters.
fn tokens(statement: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in words(statement) {
        if w == ":" && out.last().is_some_and(|l| l == ":") {
            out.pop();
            out.push("::".to_owned());
        } else {
            out.push(w);
        }
    }
    out
}

/// The item keyword of the words after the visibility (`fn` for `const unsafe fn`), and the name
/// after it.
fn keyword_and_name(words: &[String]) -> (String, String) {
    let mut k = 0;
    while let Some(w) = words.get(k) {
        let next = words.get(k + 1).map(String::as_str);
        let qualifier = match w.as_str() {
            "default" | "async" | "unsafe" | "extern" | "auto" => true,
            "const" => matches!(next, Some("fn" | "unsafe" | "async" | "extern")),
            _ => false,
        };
        if !qualifier {
            break;
        }
        k += 1;
    }
    let keyword = words.get(k).cloned().unwrap_or_default();
    let name = match keyword.as_str() {
        "static" if words.get(k + 1).is_some_and(|w| w == "mut") => words.get(k + 2),
        _ => words.get(k + 1),
    };
    (keyword, name.cloned().unwrap_or_default())
}

/// Where an item at the top of `stack` is declared.
fn context(stack: &[Scope]) -> Context {
    for (k, scope) in stack.iter().enumerate().rev() {
        match scope {
            Scope::Block => return Context::Local,
            Scope::Macro { .. } => {}
            Scope::Impl { self_ty } => {
                let in_macro = stack[..k].iter().rev().find_map(|s| match s {
                    Scope::Macro { name } => Some(name.trim_end_matches('!').to_owned()),
                    _ => None,
                });
                return Context::Impl {
                    self_ty: self_ty.clone(),
                    in_macro,
                };
            }
            Scope::Trait { item } => {
                return item.map_or(Context::Local, |trait_item| Context::Trait { trait_item });
            }
            Scope::Module { exported, name, .. } => {
                return Context::Module {
                    exported: *exported,
                    name: name.clone(),
                };
            }
        }
    }
    Context::Local
}

/// Whether the innermost module is exported, and whether any enclosing one is skipped.
fn module_state(stack: &[Scope]) -> (bool, bool) {
    let exported = stack.iter().rev().find_map(|s| match s {
        Scope::Module { exported, .. } => Some(*exported),
        _ => None,
    });
    let skipped = stack
        .iter()
        .any(|s| matches!(s, Scope::Module { skipped: true, .. }));
    (exported.unwrap_or(false), skipped)
}

/// The name of the type an `impl` line implements for: `Response` for
/// `impl<'a, H> Response<'a, H>`, `T` for `impl<T: X> Trait for &T`, `$ty` for `impl $ty`.
fn self_type(code: &str) -> String {
    let after = code.trim_start();
    let after = after.strip_prefix("unsafe").unwrap_or(after).trim_start();
    let mut rest = after.strip_prefix("impl").unwrap_or(after).trim_start();
    // The impl's own generics.
    if rest.starts_with('<') {
        let mut depth = 0;
        for (i, c) in rest.char_indices() {
            match c {
                '<' => depth += 1,
                '>' => {
                    depth -= 1;
                    if depth == 0 {
                        rest = &rest[i + 1..];
                        break;
                    }
                }
                _ => {}
            }
        }
    }
    // `Trait for Type`: the ` for ` outside angle brackets.
    let mut depth = 0_i32;
    let mut start = 0;
    for (i, c) in rest.char_indices() {
        match c {
            '<' | '(' => depth += 1,
            '>' | ')' => depth -= 1,
            _ if depth == 0 && rest[i..].starts_with(" for ") => start = i + 5,
            _ => {}
        }
    }
    let ty = rest[start..]
        .trim_start()
        .trim_start_matches(['&', ' '])
        .trim_start_matches("mut ")
        .trim_start_matches("dyn ");
    let path = ty
        .split(|c: char| c == '<' || c == '{' || c.is_whitespace())
        .next()
        .unwrap_or_default();
    path.rsplit("::").next().unwrap_or_default().to_owned()
}

/// The file an `include!(concat!(env!("OUT_DIR"), "/name"))` line includes.
fn included_out_dir_file(line: &str) -> Option<&str> {
    let rest = line
        .split(r#"include!(concat!(env!("OUT_DIR"), ""#)
        .nth(1)?;
    rest.split('"').next().map(|f| f.trim_start_matches('/'))
}

/// Every macro invocation `name!(..)` (or `[..]`, `{..}`) in masked text, with the identifiers of
/// its input.
fn invocations(masked: &str) -> Vec<(String, BTreeSet<String>)> {
    let b = masked.as_bytes();
    let mut out = Vec::new();
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    for (bang, _) in masked.match_indices('!') {
        let start = masked[..bang].rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'));
        let start = start.map_or(0, |s| s + 1);
        let name = &masked[start..bang];
        if name.is_empty() || name == "macro_rules" || !ident(b[start]) {
            continue;
        }
        let open = masked[bang + 1..]
            .find(|c: char| !c.is_whitespace())
            .map(|o| bang + 1 + o);
        let Some(open) = open.filter(|&o| matches!(b[o], b'(' | b'[' | b'{')) else {
            continue;
        };
        let mut depth = 0;
        let mut end = b.len();
        for (i, &c) in b.iter().enumerate().skip(open) {
            match c {
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = i;
                        break;
                    }
                }
                _ => {}
            }
        }
        let idents = words(&masked[open..end])
            .into_iter()
            .filter(|w| w.bytes().next().is_some_and(|c| c.is_ascii_alphabetic()))
            .collect();
        out.push((name.to_owned(), idents));
    }
    out
}
