//! Human-readable and `--json` output. Uses only the public `errcat::` API.

use std::io::{self, Write};

use errcat::{AnyCode, Entry, StatusMeaning};

/// Writes entries as text, or as a JSON array of entry objects.
pub fn entries(out: &mut impl Write, codes: &[AnyCode], json: bool) -> io::Result<()> {
    if json {
        let entries: Vec<&Entry> = codes.iter().map(|c| c.entry()).collect();
        serde_json::to_writer_pretty(&mut *out, &entries)?;
        return writeln!(out);
    }
    for (i, code) in codes.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        entry(out, code.entry())?;
    }
    Ok(())
}

/// Writes one entry as text.
pub fn entry(out: &mut impl Write, e: &Entry) -> io::Result<()> {
    writeln!(out, "{} {:?} ({})", e.vendor(), e.code(), e.name())?;
    for alias in e.aliases() {
        writeln!(out, "  alias:       {alias:?}")?;
    }
    let message = e.message();
    writeln!(out, "  message:     {}", message.en)?;
    writeln!(out, "               {}", message.zh)?;
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
    if let Some(v) = e.versions() {
        writeln!(
            out,
            "  versions:    {}",
            serde_json::to_value(v)?.as_str().unwrap_or("?")
        )?;
    }
    if let Some(url) = e.docs_url() {
        writeln!(out, "  docs:        {url}")?;
    }
    let (seed, line) = e.seed();
    writeln!(out, "  seed:        {seed}:{line}")
}

/// Writes what vendors say a status means, then the codes documented with it.
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
            m.vendor(),
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
