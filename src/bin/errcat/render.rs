//! Human-readable and `--json` output. Uses only the public `errcat::` API.

use std::io::{self, Write};

use errcat::{
    AnyCode, ApiError, Classification, Entry, ErrorKind, Family, Outcome, Resolution,
    StatusMeaning, Vendor,
};
use serde::Serialize;

use crate::Found;

/// Writes what `lookup` found: each documented code as its entry (text, or a JSON entry object),
/// each resolved undocumented code as how it resolved, then the entry it resolved through.
pub fn found(out: &mut impl Write, found: &[Found<'_>], json: bool) -> io::Result<()> {
    if json {
        let items: Vec<Item<'_>> = found
            .iter()
            .map(|f| match f {
                Found::Code(code) => Item::Entry(code.entry()),
                Found::Resolved(r) => Item::Resolved(Resolved::new(r)),
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &items)?;
        return writeln!(out);
    }
    for (i, f) in found.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        match f {
            Found::Code(code) => entry(out, code.entry())?,
            Found::Resolved(r) => resolved(out, r)?,
        }
    }
    Ok(())
}

/// One item of `lookup --json`: for a documented code, its entry object, as `list` prints it;
/// for an undocumented code the resolution walk resolves, a [`Resolved`] object.
#[derive(Serialize)]
#[serde(untagged)]
enum Item<'a> {
    Entry(&'static Entry),
    Resolved(Resolved<'a>),
}

/// `lookup --json` for an undocumented code the resolution walk resolves: the keys of
/// `explain --json` that apply, plus `via` and `classification`.
#[derive(Serialize)]
struct Resolved<'a> {
    vendor: Vendor,
    family: Family,
    /// The code as given (there is no documented one).
    code: &'a str,
    raw_code: &'a str,
    known: bool,
    kind: ErrorKind,
    retryable: bool,
    retry_reason: Option<&'static str>,
    basis: &'static str,
    /// The documented parent whose entry stands in for the code.
    via: Option<&'static str>,
    classification: Option<&'static Classification>,
    entry: Option<&'static Entry>,
}

impl<'a> Resolved<'a> {
    fn new(r: &Resolution<'a>) -> Self {
        Self {
            vendor: ApiError::vendor(r),
            family: ApiError::family(r),
            code: r.raw_code(),
            raw_code: r.raw_code(),
            known: r.typed_code().is_some(),
            kind: r.kind(),
            retryable: r.is_retryable(),
            retry_reason: retry_reason(r),
            basis: r.basis().as_str(),
            via: r.via(),
            classification: r.classification(),
            entry: ApiError::entry(r),
        }
    }
}

/// Why the retry advice of a resolution differs from its kind's default: the classification's
/// reason when it classifies, else the entry's.
fn retry_reason(r: &Resolution<'_>) -> Option<&'static str> {
    match r.classification() {
        Some(rule) => rule.retry_reason(),
        None => ApiError::entry(r).and_then(Entry::retry_reason),
    }
}

/// Writes an undocumented code as resolved, then the entry it resolved through, if any.
fn resolved(out: &mut impl Write, r: &Resolution<'_>) -> io::Result<()> {
    writeln!(
        out,
        "{} {:?} (undocumented)",
        ApiError::family(r),
        r.raw_code()
    )?;
    let mut label = "  resolved:    ";
    if let Some(rule) = r.classification() {
        writeln!(out, "{label}classified: {}", rule.reason())?;
        label = "               ";
    }
    if let Some(via) = r.via() {
        writeln!(out, "{label}via parent {via}")?;
    }
    let retry = if r.is_retryable() {
        "retryable"
    } else {
        "not retryable"
    };
    writeln!(out, "  kind:        {} ({retry})", r.kind())?;
    if let Some(reason) = retry_reason(r) {
        writeln!(out, "  retry:       {reason}")?;
    }
    if let Some(source) = r.classification().and_then(Classification::source) {
        writeln!(out, "  rule from:   {source}")?;
    }
    if let Some(e) = ApiError::entry(r) {
        writeln!(out)?;
        entry(out, e)?;
    }
    Ok(())
}

/// Writes entries as text, or as a JSON array of entry objects.
pub fn entries(out: &mut impl Write, codes: &[AnyCode], json: bool) -> io::Result<()> {
    if json {
        let entries: Vec<&Entry> = codes.iter().map(|&c| c.entry()).collect();
        serde_json::to_writer_pretty(&mut *out, &entries)?;
        return writeln!(out);
    }
    for (i, &code) in codes.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        entry(out, code.entry())?;
    }
    Ok(())
}

/// Writes one entry as text.
pub fn entry(out: &mut impl Write, e: &Entry) -> io::Result<()> {
    writeln!(out, "{} {:?} ({})", e.family(), e.code(), e.name())?;
    for alias in e.aliases() {
        writeln!(out, "  alias:       {alias:?}")?;
    }
    let message = e.message();
    #[cfg(feature = "tencent-cloud-products")]
    if let AnyCode::TencentCloudProduct(code) = e.any_code() {
        writeln!(out, "  product:     {}", code.product())?;
        writeln!(out, "  message:     {}", code.english())?;
        writeln!(
            out,
            "               {}",
            code.zh().unwrap_or("(no Chinese text)")
        )?;
    } else {
        writeln!(out, "  message:     {}", message.en)?;
        writeln!(out, "               {}", message.zh)?;
    }
    #[cfg(not(feature = "tencent-cloud-products"))]
    {
        writeln!(out, "  message:     {}", message.en)?;
        writeln!(out, "               {}", message.zh)?;
    }
    let retry = if e.is_retryable() {
        "retryable"
    } else {
        "not retryable"
    };
    writeln!(out, "  kind:        {} ({retry})", e.kind())?;
    if let Some(reason) = e.retry_reason() {
        writeln!(out, "  retry:       {reason}")?;
    }
    if let Some(status) = e.http_status() {
        writeln!(out, "  http status: {status}")?;
    }
    if let Some(d) = e.description() {
        writeln!(out, "  description: {}", d.en)?;
        writeln!(out, "               {}", d.zh)?;
    }
    if let Some(r) = e.remedy() {
        writeln!(out, "  remedy:      {}", r.en)?;
        writeln!(out, "               {}", r.zh)?;
    }
    #[cfg(feature = "cloudbypass-api")]
    if let AnyCode::CloudbypassApi(code) = e.any_code() {
        writeln!(
            out,
            "  versions:    {}",
            serde_json::to_value(code.versions())?
                .as_str()
                .unwrap_or("?")
        )?;
    }
    if let Some(url) = e.docs_url() {
        writeln!(out, "  docs:        {url}")?;
    }
    #[cfg(feature = "tencent-cloud-products")]
    if let (AnyCode::TencentCloudProduct(_), Some(note)) = (e.any_code(), e.note()) {
        writeln!(out, "  note:        {note}")?;
    }
    writeln!(out, "  source:      {}", e.source())
}

/// Writes what families' documents say a status means, then the codes documented with it.
pub fn status(
    out: &mut impl Write,
    status: u16,
    meanings: &[&StatusMeaning],
    codes: &[AnyCode],
) -> io::Result<()> {
    for m in meanings {
        writeln!(
            out,
            "{} says {status} {}: {} ({})",
            m.family(),
            m.reason(),
            m.description().en,
            m.description().zh
        )?;
    }
    if codes.is_empty() {
        writeln!(out, "no code is documented with HTTP status {status}")?;
        return Ok(());
    }
    if !meanings.is_empty() {
        writeln!(out)?;
    }
    entries(out, codes, false)
}

/// Writes an explained response as text or JSON.
pub fn explain(out: &mut impl Write, outcome: &Outcome<'_>, json: bool) -> io::Result<()> {
    if json {
        // The library's own JSON shape (`Outcome`'s `Serialize`), as it is.
        serde_json::to_writer_pretty(&mut *out, outcome)?;
        return writeln!(out);
    }
    let status = |s: Option<u16>| s.map_or_else(String::new, |s| format!(" (HTTP {s})"));
    match outcome {
        Outcome::Success(s) => {
            writeln!(
                out,
                "success from {}{}",
                s.family(),
                status(s.response_status())
            )?;
            if let Some(id) = s.request_id() {
                writeln!(out, "  request id: {id}")?;
            }
            for p in s.problems() {
                writeln!(out, "  unread:     {p}")?;
            }
            Ok(())
        }
        Outcome::Unrecognized(u) => {
            writeln!(
                out,
                "unrecognized: no evidence of a catalogued family{}",
                status(u.response_status())
            )?;
            let retry = if u.is_retryable() {
                "retryable"
            } else {
                "not retryable"
            };
            writeln!(
                out,
                "  kind:        {} ({retry}; from the status)",
                u.kind()
            )?;
            for p in u.problems() {
                writeln!(out, "  unread:      {p}")?;
            }
            Ok(())
        }
        Outcome::Error(e) => {
            writeln!(
                out,
                "error from {}{}",
                e.family(),
                status(e.response_status())
            )?;
            let name = e.typed_code().map(|c| format!(" ({})", c.entry().name()));
            writeln!(
                out,
                "  code:        {}{}",
                e.raw_code().unwrap_or("(none)"),
                name.unwrap_or_default()
            )?;
            if let Some(module) =
                errcat::tencent_cloud::cdn::Details::of(e).and_then(|d| d.module_code())
            {
                writeln!(out, "  module code: {module}")?;
            }
            if let Some(message) = e.received_message() {
                writeln!(out, "  message:     {message}")?;
            }
            if let Some(id) = e.request_id() {
                writeln!(out, "  request id:  {id}")?;
            }
            if let Some(p) = e.template_parameter() {
                writeln!(out, "  parameter:   {p:?}")?;
            }
            // The `${Name}` parameters of an `X-Ca-Error-Code` entry's message template.
            if let Some(details) = errcat::aliyun::apigateway::Details::of(e) {
                for (name, value) in details.parameters() {
                    writeln!(out, "  parameter:   ${{{name}}} = {value:?}")?;
                }
            }
            let retry = if e.is_retryable() {
                "retryable"
            } else {
                "not retryable"
            };
            writeln!(
                out,
                "  kind:        {} ({retry}; from {})",
                e.kind(),
                e.basis().as_str()
            )?;
            for p in e.problems() {
                writeln!(out, "  unread:      {p}")?;
            }
            if let Some(entry) = e.entry() {
                writeln!(out)?;
                self::entry(out, entry)?;
            }
            Ok(())
        }
        _ => writeln!(out, "{}", outcome.as_str()),
    }
}
