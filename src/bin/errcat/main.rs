//! `errcat`: look up vendor error codes from the command line.
//!
//! A client of the library like any other: it uses only the public `errcat::` API.

mod render;

use std::fmt;
use std::io::{self, Write};
use std::process::ExitCode;
use std::str::FromStr;

use clap::{Args, Parser, Subcommand};
use errcat::response::Basis;
use errcat::{AnyCode, Disabled, Family, Resolution, Vendor, catalog};

/// Look up what a cloud/API vendor's error code, HTTP status or header means.
#[derive(Debug, Parser)]
#[command(name = "errcat", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Show the entries for a code (wire code, documented alias, filled-in template, or message
    /// text); an undocumented code is resolved as the library does (a documented parent, a
    /// classification).
    Lookup {
        #[command(flatten)]
        common: Common,
        /// The code, e.g. `21402`, `AuthFailure.SignatureFailure`, `Throttled by APP Flow Control`.
        code: String,
    },
    /// Show the codes documented with an HTTP status, and what vendors say the status means.
    Status {
        #[command(flatten)]
        common: Common,
        /// The HTTP status, e.g. `403` (100 to 599).
        #[arg(value_parser = clap::value_parser!(u16).range(100..=599))]
        status: u16,
    },
    /// List every code in the catalog.
    List {
        #[command(flatten)]
        common: Common,
    },
    /// Explain a raw HTTP response: success or error, which code, what it means, may I retry.
    Explain {
        #[command(flatten)]
        common: Common,
        /// The HTTP status of the response (100 to 599).
        #[arg(long, value_parser = clap::value_parser!(u16).range(100..=599))]
        status: Option<u16>,
        /// A response header, `Name: value`; repeat for several.
        #[arg(long = "header", short = 'H', value_name = "NAME: VALUE", value_parser = parse_header)]
        headers: Vec<(String, String)>,
        /// The response body.
        #[arg(long, conflicts_with_all = ["body_file", "stdin"])]
        body: Option<String>,
        /// Read the response body from a file.
        #[arg(long, value_name = "FILE", conflicts_with = "stdin")]
        body_file: Option<std::path::PathBuf>,
        /// `-`: read the response body from standard input (the default when standard input is
        /// not a terminal).
        #[arg(value_name = "-", value_parser = clap::builder::PossibleValuesParser::new(["-"]))]
        stdin: Option<String>,
    },
}

/// Parses `Name: value`.
fn parse_header(s: &str) -> Result<(String, String), String> {
    let (name, value) = s
        .split_once(':')
        .ok_or_else(|| format!("{s:?} is not `Name: value`"))?;
    let name = name.trim();
    if name.is_empty() {
        return Err(format!("{s:?} has no header name before `:`"));
    }
    Ok((name.to_owned(), value.trim_start().to_owned()))
}

/// Why nothing can be found in a family that documents no code (Cloudbypass's balance API),
/// as the end of a message; empty for any other scope.
fn codeless(scope: Option<Scope>) -> String {
    match scope {
        Some(Scope::Family(family)) if !family.has_codes() => format!(
            ": {family} documents no code (`errcat explain --vendor {family}` reads its \
             responses as received)"
        ),
        _ => String::new(),
    }
}

/// The exit status of a list: not found when it found nothing, said on standard error when the
/// scope is a family that documents no code.
fn list_status(scope: Option<Scope>, found: &[AnyCode]) -> u8 {
    if !found.is_empty() {
        return OK;
    }
    let codeless = codeless(scope);
    if !codeless.is_empty() {
        eprintln!("errcat: no code{codeless}");
    }
    NOT_FOUND
}

/// What `--vendor` names: one wire family, or a vendor (all its families).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scope {
    Family(Family),
    Vendor(Vendor),
}

impl Scope {
    /// Whether `family` is in scope.
    fn has(self, family: Family) -> bool {
        match self {
            Self::Family(f) => f == family,
            Self::Vendor(v) => family.vendor() == v,
        }
    }

    /// Why nothing can be found in scope: none of its families is compiled in.
    fn disabled(self) -> Option<Disabled> {
        let families = match self {
            Self::Family(family) => vec![family],
            Self::Vendor(vendor) => vendor.families().to_vec(),
        };
        if families.iter().any(|f| f.is_enabled()) {
            return None;
        }
        families.first().and_then(|f| f.sources().err())
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Family(family) => family.fmt(f),
            Self::Vendor(vendor) => vendor.fmt(f),
        }
    }
}

impl FromStr for Scope {
    type Err = String;

    /// A family's slug first (the slugs of an earlier release, `tencent-cdn` and
    /// `aliyun-apigateway`, name one family, as they did), else a vendor's; ASCII case ignored.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Ok(family) = s.parse::<Family>() {
            return Ok(Self::Family(family));
        }
        if let Ok(vendor) = s.parse::<Vendor>() {
            return Ok(Self::Vendor(vendor));
        }
        let vendors: Vec<&str> = Vendor::ALL.iter().map(|v| v.slug()).collect();
        let families: Vec<&str> = Family::ALL.iter().map(|f| f.slug()).collect();
        Err(format!(
            "unknown vendor or family {s:?}: expected a vendor ({}) or a family ({})",
            vendors.join(", "),
            families.join(", "),
        ))
    }
}

/// The `--vendor` help: every vendor and family slug, from the registry.
fn scope_help() -> String {
    let vendors: Vec<&str> = Vendor::ALL.iter().map(|v| v.slug()).collect();
    let families: Vec<&str> = Family::ALL.iter().map(|f| f.slug()).collect();
    format!(
        "Only this vendor ({}) or wire family ({}); `tencent-cdn` and `aliyun-apigateway` (the \
         slugs of 0.1) name their family",
        vendors.join(", "),
        families.join(", "),
    )
}

#[derive(Debug, Args)]
struct Common {
    /// Only this vendor or wire family (the lists come from the registry: `scope_help`).
    #[arg(long, help = scope_help())]
    vendor: Option<Scope>,
    /// Print JSON for scripts instead of text.
    #[arg(long)]
    json: bool,
    /// The Tencent Cloud product called (`cvm`, or its host `cvm.tencentcloudapi.com`): a Tencent
    /// Cloud API 3.0 code is looked up in that product's table (feature
    /// `tencent-cloud-products`).
    #[arg(long, value_name = "PRODUCT")]
    product: Option<String>,
}

impl Common {
    fn keeps(&self, code: AnyCode) -> bool {
        self.keeps_family(code.family())
    }

    fn keeps_family(&self, family: Family) -> bool {
        self.vendor.is_none_or(|scope| scope.has(family))
    }
}

/// Exit status: success.
const OK: u8 = 0;
/// Exit status: the input was valid but names nothing the catalog documents.
const NOT_FOUND: u8 = 1;
/// Exit status: the input could not be used (clap uses 2 for usage errors too).
const BAD_INPUT: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(status) => ExitCode::from(status),
        // A closed pipe (`errcat list | head`) is the reader's choice, not a failure.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(OK),
        Err(e) => {
            eprintln!("errcat: {e}");
            ExitCode::from(BAD_INPUT)
        }
    }
}

/// Reports a problem: on standard error, and with `--json` also as `{"error": ...}` on standard
/// output, so that a script always reads JSON.
fn fail(
    out: &mut impl Write,
    json: bool,
    message: &str,
    detail: serde_json::Value,
) -> io::Result<()> {
    eprintln!("errcat: {message}");
    if json {
        let mut error = serde_json::json!({ "message": message });
        if let (Some(error), serde_json::Value::Object(detail)) = (error.as_object_mut(), detail) {
            error.extend(detail);
        }
        serde_json::to_writer_pretty(&mut *out, &serde_json::json!({ "error": error }))?;
        writeln!(out)?;
    }
    Ok(())
}

/// Writes an empty JSON array for `--json` (nothing found).
fn empty(out: &mut impl Write, json: bool) -> io::Result<()> {
    if json {
        writeln!(out, "[]")?;
    }
    Ok(())
}

fn run(cli: &Cli) -> io::Result<u8> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let status = run_command(cli, &mut out)?;
    out.flush()?;
    Ok(status)
}

fn run_command(cli: &Cli, out: &mut impl Write) -> io::Result<u8> {
    // Catalog lookups in families whose features are all off would find nothing: say why.
    // (`explain` reads the response anyway, and flags `tables_disabled`.)
    if let Command::Lookup { common, .. }
    | Command::Status { common, .. }
    | Command::List { common } = &cli.command
    {
        if let Some(e) = common.vendor.and_then(Scope::disabled) {
            fail(out, common.json, &e.to_string(), serde_json::json!({}))?;
            return Ok(BAD_INPUT);
        }
    }
    let mut out = out;
    let status = match &cli.command {
        Command::Lookup { common, code } => {
            let found = lookup(code, common.vendor, common.product.as_deref());
            if found.is_empty() {
                not_found(code, common.vendor);
                empty(&mut out, common.json)?;
                NOT_FOUND
            } else {
                render::found(&mut out, &found, common.json)?;
                OK
            }
        }
        Command::Status { common, status } => {
            let found: Vec<AnyCode> = catalog::by_status(*status)
                .iter()
                .copied()
                .filter(|c| common.keeps(*c))
                .collect();
            let meanings: Vec<_> = Family::ALL
                .into_iter()
                .filter(|f| common.keeps_family(*f))
                .filter_map(|f| f.status_meaning(*status).ok().flatten())
                .collect();
            if common.json {
                render::entries(&mut out, &found, true)?;
            } else {
                render::status(&mut out, *status, &meanings, &found)?;
            }
            if found.is_empty() && meanings.is_empty() {
                eprintln!("errcat: no code or meaning is documented for HTTP status {status}");
                NOT_FOUND
            } else {
                OK
            }
        }
        Command::Explain {
            common,
            status,
            headers,
            body,
            body_file,
            stdin,
        } => {
            let piped = stdin.is_some() || !io::IsTerminal::is_terminal(&io::stdin());
            let bytes = match (body, body_file, piped) {
                (Some(text), _, _) => text.clone().into_bytes(),
                (None, Some(path), _) => match std::fs::read(path) {
                    Ok(bytes) => bytes,
                    Err(e) => {
                        let message = format!("cannot read {}: {e}", path.display());
                        fail(&mut out, common.json, &message, serde_json::json!({}))?;
                        return Ok(BAD_INPUT);
                    }
                },
                (None, None, true) => {
                    let mut bytes = Vec::new();
                    io::Read::read_to_end(&mut io::stdin().lock(), &mut bytes)?;
                    bytes
                }
                (None, None, false) => {
                    let message = "no response body: give --body TEXT or --body-file FILE, \
                                   or pipe it on standard input (`-`); --body '' for none";
                    fail(&mut out, common.json, message, serde_json::json!({}))?;
                    return Ok(BAD_INPUT);
                }
            };
            explain(&mut out, common, *status, headers, &bytes)?
        }
        Command::List { common } => {
            let found: Vec<AnyCode> = catalog::all()
                .iter()
                .copied()
                .chain(product_codes(common))
                .filter(|c| common.keeps(*c))
                .collect();
            render::entries(&mut out, &found, common.json)?;
            list_status(common.vendor, &found)
        }
    };
    Ok(status)
}

/// Explains a response; returns the exit status.
fn explain(
    out: &mut impl Write,
    common: &Common,
    status: Option<u16>,
    headers: &[(String, String)],
    body: &[u8],
) -> io::Result<u8> {
    let pairs: Vec<(&str, &str)> = headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let response = errcat::Response::new(body)
        .with_headers(&pairs)
        .with_product(common.product.as_deref());
    let response = match common.vendor {
        Some(Scope::Family(family)) => response.with_family(family),
        Some(Scope::Vendor(vendor)) => response.with_vendor(vendor),
        None => response,
    };
    match response.with_status(status).explain() {
        Ok(outcome) => {
            render::explain(out, &outcome, common.json)?;
            Ok(OK)
        }
        Err(e) => {
            let mut message = e.to_string();
            let mut source = std::error::Error::source(&e);
            while let Some(s) = source {
                message.push_str(": ");
                message.push_str(&s.to_string());
                source = s.source();
            }
            let detail = match e.position() {
                Some((line, column)) => serde_json::json!({ "line": line, "column": column }),
                None => serde_json::json!({}),
            };
            fail(out, common.json, &message, detail)?;
            Ok(BAD_INPUT)
        }
    }
}

/// What `lookup` found for a user's string.
#[derive(Debug)]
enum Found<'a> {
    /// A documented code: the wire code or an alias, a filled-in template, a code with detail
    /// appended, or a code whose message the input is.
    Code(AnyCode),
    /// An undocumented code, resolved by the library's resolution walk: through a documented
    /// parent, or a classification.
    Resolved(Resolution<'a>),
}

/// The product codes `list` shows: every product's with the family named by `--vendor`, the
/// product's with `--product` (none without the feature `tencent-cloud-products`).
#[allow(
    clippy::needless_pass_by_value,
    reason = "the same signature without the feature"
)]
fn product_codes(common: &Common) -> Vec<AnyCode> {
    #[cfg(feature = "tencent-cloud-products")]
    {
        use errcat::tencent_cloud::products::{self, Product};
        match (&common.product, common.vendor) {
            (Some(name), _) => Product::from_name(name).map_or_else(Vec::new, |product| {
                product
                    .entries()
                    .iter()
                    .map(errcat::Entry::any_code)
                    .collect()
            }),
            (None, Some(Scope::Family(Family::TencentCloudProducts))) => {
                products::entries().map(errcat::Entry::any_code).collect()
            }
            _ => Vec::new(),
        }
    }
    #[cfg(not(feature = "tencent-cloud-products"))]
    {
        let _ = common;
        Vec::new()
    }
}

/// The product codes of `input`: the product's with `product`, else every product's that has
/// it (none without the feature `tencent-cloud-products`).
fn product_lookup(input: &str, product: Option<&str>) -> Vec<AnyCode> {
    #[cfg(feature = "tencent-cloud-products")]
    {
        use errcat::tencent_cloud::products;
        match product {
            Some(name) => products::lookup(name.split('.').next().unwrap_or(name), input)
                .into_iter()
                .map(AnyCode::from)
                .collect(),
            None => products::by_code(input)
                .iter()
                .copied()
                .map(AnyCode::from)
                .collect(),
        }
    }
    #[cfg(not(feature = "tencent-cloud-products"))]
    {
        let _ = (input, product);
        Vec::new()
    }
}

/// Says on stderr that `code` is not documented (in `scope`), and what its form carries, if any.
fn not_found(code: &str, scope: Option<Scope>) {
    let of = scope.map_or_else(String::new, |s| format!(" of {s}{}", codeless(Some(s))));
    eprintln!("errcat: {code:?} is not a documented code{of}");
    if let Some((family, status)) = carried_status(code, scope) {
        eprintln!(
            "errcat: in {family}, a code of this form carries HTTP {status}: kind {} (what \
             `explain` gives a response with this code, no error status and no documented message)",
            errcat::ErrorKind::from_http_status(status)
        );
    }
}

/// The HTTP status `code` carries by its form in a family in `scope` whose codes carry one
/// (Alibaba Cloud API Gateway's `X-Ca-Error-Code`, `T429ID`: 429; Upyun REST's errno,
/// `40100099`: 401), for a code no table lists.
fn carried_status(code: &str, scope: Option<Scope>) -> Option<(Family, u16)> {
    Family::ALL
        .into_iter()
        .filter(|family| scope.is_none_or(|s| s.has(*family)))
        .find_map(|family| Some((family, family.status_of_code(code)?)))
}

/// What a user's string names, in `scope`: documented codes and aliases (with `product`, a
/// Tencent Cloud code the common tables lack is looked up in that product's table; without, in
/// every product's); else what the resolution walk finds in each family (a filled-in template,
/// a code with detail appended, a documented parent, a classification); else the codes whose
/// message it is.
fn lookup<'a>(input: &'a str, scope: Option<Scope>, product: Option<&str>) -> Vec<Found<'a>> {
    let keeps = |family: Family| scope.is_none_or(|s| s.has(family));
    let exact: Vec<Found<'_>> = catalog::by_code(input)
        .iter()
        .copied()
        .filter(|c| keeps(c.family()))
        .map(Found::Code)
        .collect();
    if !exact.is_empty() {
        return exact;
    }
    // Naming the common family (`--vendor tencent-cloud/common`) means its tables only.
    let products_in_scope = scope.is_none_or(|s| s.has(Family::TencentCloudProducts));
    if products_in_scope {
        let found = product_lookup(input, product);
        if !found.is_empty() {
            return found.into_iter().map(Found::Code).collect();
        }
    }
    let resolved: Vec<Resolution<'_>> = match scope {
        Some(Scope::Family(family)) => catalog::resolve(family, input)
            .into_iter()
            .filter(Resolution::is_resolved)
            .collect(),
        Some(Scope::Vendor(vendor)) => catalog::resolve_all(Some(vendor), input).collect(),
        None => catalog::resolve_all(None, input).collect(),
    };
    if !resolved.is_empty() {
        return resolved
            .into_iter()
            .map(|r| match (r.basis(), r.typed_code()) {
                (Basis::Exact, Some(code)) => Found::Code(code),
                _ => Found::Resolved(r),
            })
            .collect();
    }
    catalog::by_message(input)
        .iter()
        .copied()
        .filter(|c| keeps(c.family()))
        .map(Found::Code)
        .collect()
}
