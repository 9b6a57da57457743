//! Reads `data/*.json`, validates every entry, and writes the generated enums and phf maps into
//! `OUT_DIR` (see `build/emit.rs`). Bad data fails the build with every problem listed, each naming
//! the file, the entry and the rule broken.

#[path = "build/emit.rs"]
mod emit;
#[path = "src/message_key.rs"]
mod message_key;
#[path = "build/schema.rs"]
mod schema;
#[path = "build/validate.rs"]
mod validate;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(errors) => {
            eprintln!("error: data/ is invalid ({} problem(s)):", errors.len());
            for e in &errors {
                eprintln!("  {e}");
            }
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Vec<String>> {
    let data = Path::new("data");
    println!("cargo::rerun-if-changed=data");
    println!("cargo::rerun-if-changed=build");
    println!("cargo::rerun-if-changed=src/message_key.rs");

    // Sorted, so that the same data gives the same bytes whatever order the OS lists files in.
    let mut paths: Vec<PathBuf> = std::fs::read_dir(data)
        .map_err(|e| vec![format!("data: cannot list the directory: {e}")])?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();

    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in &paths {
        println!("cargo::rerun-if-changed={}", path.display());
        let name = path.display().to_string();
        match std::fs::read(path) {
            Ok(bytes) => match validate::validate_file(&name, &bytes) {
                Ok(file) => files.push((name, file)),
                Err(e) => errors.extend(e),
            },
            Err(e) => errors.push(format!("{name}: cannot read: {e}")),
        }
    }
    if let Err(e) = validate::validate_catalog(&files) {
        errors.extend(e);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // Catalog order is `Vendor` order, not file-name order.
    files.sort_by_key(|(_, f)| validate::VENDORS.iter().position(|v| *v == f.vendor));

    let out_dir = PathBuf::from(
        std::env::var_os("OUT_DIR").ok_or_else(|| vec!["OUT_DIR is not set".to_owned()])?,
    );
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    for output in emit::emit(&files, &version) {
        let path = out_dir.join(&output.file);
        std::fs::write(&path, output.text)
            .map_err(|e| vec![format!("{}: cannot write: {e}", path.display())])?;
    }
    Ok(())
}
