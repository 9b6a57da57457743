//! Reads `data/registry.json` and the data folders of the chosen families, validating every
//! file: the one reader of `data/`, shared by errcat's `build.rs` and the benchmarks' support
//! crate, so that both see the same validated rows in the same order.

use std::path::{Path, PathBuf};

use crate::schema::{FamilyFile, FamilyRow, ProductClassifications, ProductFile, Registry};
use crate::validate;

/// The validated registry and the files of the chosen families.
pub struct Loaded {
    pub registry: Registry,
    /// `(name, file)` in registry order, then path order; `name` is `data/<family>/<file>`.
    pub files: Vec<(String, FamilyFile)>,
    /// The family laid out by product (`layout: "products"`), when chosen.
    #[allow(
        dead_code,
        reason = "read by build.rs, not by every includer of this file"
    )]
    pub products: Option<Products>,
}

/// A family laid out by product: its slug, its product files (path order) and its reviewed
/// classifications.
#[allow(
    dead_code,
    reason = "read by build.rs, not by every includer of this file"
)]
pub struct Products {
    pub slug: String,
    pub files: Vec<(String, ProductFile)>,
    pub classifications: ProductClassifications,
}

/// The file of a products folder that holds the reviewed kinds.
pub const CLASSIFICATIONS_FILE: &str = "classifications.json";

impl Loaded {
    /// The chosen families' rows, in registry order, each with its files.
    pub fn families(&self) -> Vec<(&FamilyRow, Vec<(&str, &FamilyFile)>)> {
        self.registry
            .families
            .iter()
            .map(|row| {
                let files = self
                    .files
                    .iter()
                    .filter(|(_, f)| f.family == row.slug)
                    .map(|(p, f)| (p.as_str(), f))
                    .collect::<Vec<_>>();
                (row, files)
            })
            .filter(|(_, files)| !files.is_empty())
            .collect()
    }
}

/// Reads `data/` under `root` (the directory holding `data/`) for the families `chosen` picks,
/// printing `cargo::rerun-if-changed` for everything read.
///
/// # Errors
/// Every problem of every file, each naming the file, the entry and the rule.
pub fn load(root: &Path, chosen: impl Fn(&FamilyRow) -> bool) -> Result<Loaded, Vec<String>> {
    let registry_path = root.join("data/registry.json");
    println!("cargo::rerun-if-changed={}", registry_path.display());
    let bytes = std::fs::read(&registry_path)
        .map_err(|e| vec![format!("data/registry.json: cannot read: {e}")])?;
    let registry = validate::validate_registry("data/registry.json", &bytes)?;

    let slugs: Vec<String> = registry
        .families
        .iter()
        .filter(|f| chosen(f))
        .map(|f| f.slug.clone())
        .collect();
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut products = None;
    for slug in &slugs {
        let dir = root.join("data").join(slug);
        println!("cargo::rerun-if-changed={}", dir.display());
        // Sorted, so that the same data gives the same bytes whatever order the OS lists files in.
        let mut paths: Vec<PathBuf> = match std::fs::read_dir(&dir) {
            Ok(entries) => entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect(),
            Err(e) => {
                errors.push(format!("data/{slug}: cannot list the directory: {e}"));
                continue;
            }
        };
        paths.sort();
        let layout = registry.family(slug).and_then(|f| f.layout.as_deref());
        if layout == Some("products") {
            match load_products(slug, &paths, &registry) {
                Ok(p) => products = Some(p),
                Err(e) => errors.extend(e),
            }
            continue;
        }
        for path in &paths {
            println!("cargo::rerun-if-changed={}", path.display());
            let file_name = path.file_name().unwrap_or_default().to_string_lossy();
            let name = format!("data/{slug}/{file_name}");
            match std::fs::read(path) {
                Ok(bytes) => match validate::validate_file(&name, &bytes, &registry, slug) {
                    Ok(file) => files.push((name, file)),
                    Err(e) => errors.extend(e),
                },
                Err(e) => errors.push(format!("{name}: cannot read: {e}")),
            }
        }
    }
    let slug_refs: Vec<&str> = slugs
        .iter()
        .map(String::as_str)
        .filter(|s| registry.family(s).and_then(|f| f.layout.as_deref()) != Some("products"))
        .collect();
    if let Err(e) = validate::validate_catalog(&slug_refs, &files) {
        errors.extend(e);
    }
    if errors.is_empty() {
        Ok(Loaded {
            registry,
            files,
            products,
        })
    } else {
        Err(errors)
    }
}

/// Reads and validates a products folder: every `<product>.json` and `classifications.json`.
fn load_products(
    slug: &str,
    paths: &[PathBuf],
    registry: &Registry,
) -> Result<Products, Vec<String>> {
    let mut files = Vec::new();
    let mut classifications = None;
    let mut errors = Vec::new();
    for path in paths {
        println!("cargo::rerun-if-changed={}", path.display());
        let file_name = path.file_name().unwrap_or_default().to_string_lossy();
        let name = format!("data/{slug}/{file_name}");
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                errors.push(format!("{name}: cannot read: {e}"));
                continue;
            }
        };
        if file_name == CLASSIFICATIONS_FILE {
            match validate::read_classifications(&name, &bytes, slug) {
                Ok(c) => classifications = Some(c),
                Err(e) => errors.extend(e),
            }
        } else {
            match validate::validate_product_file(&name, &bytes, slug) {
                Ok(file) => files.push((name, file)),
                Err(e) => errors.extend(e),
            }
        }
    }
    let Some(classifications) = classifications else {
        errors.push(format!(
            "data/{slug}/{CLASSIFICATIONS_FILE}: missing file: a products folder has its reviewed kinds"
        ));
        return Err(errors);
    };
    if files.is_empty() {
        errors.push(format!("data/{slug}: missing family: no product file"));
    }
    if let Err(e) = validate::validate_products(registry, &files, &classifications) {
        errors.extend(e);
    }
    if errors.is_empty() {
        Ok(Products {
            slug: slug.to_owned(),
            files,
            classifications,
        })
    } else {
        Err(errors)
    }
}
