//! Reads `data/registry.json` and the data folders of the enabled families
//! (`data/<vendor>/<family>/*.json`, one cargo feature per family), validates every entry
//! (`build/load.rs`, `build/validate.rs`), and writes the generated code into
//! `OUT_DIR/tables.rs` (`build/emit.rs`). Bad data fails the build with every problem listed,
//! each naming the file, the entry and the rule broken.

#[path = "build/emit.rs"]
mod emit;
#[path = "build/load.rs"]
mod load;
#[path = "build/markdown.rs"]
mod markdown;
#[path = "src/message_key.rs"]
mod message_key;
#[path = "build/products.rs"]
mod products;
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

/// Whether cargo enabled `feature` for this build.
fn enabled(feature: &str) -> bool {
    let var = format!(
        "CARGO_FEATURE_{}",
        feature.to_ascii_uppercase().replace('-', "_")
    );
    std::env::var_os(var).is_some()
}

fn run() -> Result<(), Vec<String>> {
    println!("cargo::rerun-if-changed=build");
    println!("cargo::rerun-if-changed=src/message_key.rs");
    // `errcat_default_features`: the default features (every family but the large opt-in ones) are
    // on, as with `cargo test` and `--all-features`. The tests written against those tables
    // compile only then; `--no-default-features` runs the rest.
    println!("cargo::rustc-check-cfg=cfg(errcat_default_features)");
    if enabled("default") {
        println!("cargo::rustc-cfg=errcat_default_features");
    }
    let loaded = load::load(Path::new("."), |family| enabled(&family.feature))?;
    let families: Vec<emit::Family<'_>> = loaded
        .families()
        .into_iter()
        .map(|(row, files)| emit::Family { row, files })
        .collect();
    let mut sources = vec!["data/registry.json".to_owned()];
    sources.extend(loaded.files.iter().map(|(p, _)| p.clone()));
    if let Some(p) = &loaded.products {
        sources.push(format!("data/{}/ ({} files)", p.slug, p.files.len() + 1));
    }
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let text = emit::emit(
        &loaded.registry,
        &families,
        loaded.products.as_ref(),
        &sources.join(", "),
        &version,
    );

    let out_dir = PathBuf::from(
        std::env::var_os("OUT_DIR").ok_or_else(|| vec!["OUT_DIR is not set".to_owned()])?,
    );
    let path = out_dir.join("tables.rs");
    std::fs::write(&path, text).map_err(|e| vec![format!("{}: cannot write: {e}", path.display())])
}
