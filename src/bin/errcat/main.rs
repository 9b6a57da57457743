//! `errcat`: look up vendor error codes from the command line.
//!
//! A client of the library like any other: it uses only the public `errcat::` API.

mod render;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use errcat::{AnyCode, Vendor, catalog};

/// Look up what a cloud/API vendor's error code, HTTP status or header means.
#[derive(Debug, Parser)]
#[command(name = "errcat", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Show the entries for a code (wire code, documented alias, filled-in template, or message text).
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
        /// The HTTP status, e.g. `403`.
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
        /// The HTTP status of the response.
        #[arg(long)]
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
        /// `-`: read the response body from standard input.
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

#[derive(Debug, Args)]
struct Common {
    /// Only this vendor: cloudbypass, tencent-cdn, aliyun-apigateway, upyun, tencent-cloud.
    #[arg(long, short)]
    vendor: Option<Vendor>,
    /// Print JSON for scripts instead of text.
    #[arg(long)]
    json: bool,
}

impl Common {
    fn keeps(&self, code: AnyCode) -> bool {
        self.vendor.is_none_or(|v| code.vendor() == v)
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

fn run(cli: &Cli) -> io::Result<u8> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let status = match &cli.command {
        Command::Lookup { common, code } => {
            let found: Vec<AnyCode> = lookup(code)
                .into_iter()
                .filter(|c| common.keeps(*c))
                .collect();
            if found.is_empty() {
                let scope = common
                    .vendor
                    .map_or_else(String::new, |v| format!(" of {v}"));
                eprintln!("errcat: {code:?} is not a documented code{scope}");
                NOT_FOUND
            } else {
                render::entries(&mut out, &found, common.json)?;
                OK
            }
        }
        Command::Status { common, status } => {
            let found: Vec<AnyCode> = catalog::by_status(*status)
                .iter()
                .copied()
                .filter(|c| common.keeps(*c))
                .collect();
            if common.json {
                render::entries(&mut out, &found, true)?;
            } else {
                let meanings: Vec<_> = Vendor::ALL
                    .into_iter()
                    .filter(|v| common.vendor.is_none_or(|only| only == *v))
                    .filter_map(|v| v.status_meaning(*status))
                    .collect();
                render::status(&mut out, *status, &meanings, &found)?;
            }
            OK
        }
        Command::Explain {
            common,
            status,
            headers,
            body,
            body_file,
            stdin,
        } => {
            let bytes = match (body, body_file, stdin) {
                (Some(text), _, _) => text.clone().into_bytes(),
                (None, Some(path), _) => match std::fs::read(path) {
                    Ok(bytes) => bytes,
                    Err(e) => {
                        eprintln!("errcat: cannot read {}: {e}", path.display());
                        return Ok(BAD_INPUT);
                    }
                },
                (None, None, Some(_)) => {
                    let mut bytes = Vec::new();
                    io::Read::read_to_end(&mut io::stdin().lock(), &mut bytes)?;
                    bytes
                }
                (None, None, None) => Vec::new(),
            };
            let pairs: Vec<(&str, &str)> = headers
                .iter()
                .map(|(n, v)| (n.as_str(), v.as_str()))
                .collect();
            let response = errcat::Response::new(&bytes)
                .with_headers(&pairs)
                .with_vendor(common.vendor)
                .with_status(*status);
            match response.explain() {
                Ok(outcome) => {
                    render::explain(&mut out, &outcome, common.json)?;
                    OK
                }
                Err(e) => {
                    eprintln!("errcat: {e}");
                    BAD_INPUT
                }
            }
        }
        Command::List { common } => {
            let found: Vec<AnyCode> = catalog::all()
                .iter()
                .copied()
                .filter(|c| common.keeps(*c))
                .collect();
            render::entries(&mut out, &found, common.json)?;
            OK
        }
    };
    out.flush()?;
    Ok(status)
}

/// Codes for a user's string: exact codes and aliases, else a filled-in template, else a message.
fn lookup(input: &str) -> Vec<AnyCode> {
    let exact = catalog::by_code(input);
    if !exact.is_empty() {
        return exact.to_vec();
    }
    if let Some((code, _)) = catalog::template(input) {
        return vec![code];
    }
    catalog::by_message(input).to_vec()
}
