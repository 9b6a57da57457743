//! Text of the data as Markdown for the generated rustdoc.

/// Escapes text for Markdown inside a rustdoc attribute; a bare `http(s)://` URL becomes an
/// autolink (`<https://...>`), up to white space or the punctuation that ends it in prose.
pub fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some(url) = bare_url(rest) {
            out.push('<');
            out.push_str(url);
            out.push('>');
            rest = &rest[url.len()..];
            continue;
        }
        if "\\`*_[]<>#|~".contains(c) {
            out.push('\\');
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The `http(s)://` URL `text` starts with: up to white space, a non-ASCII character or the
/// ASCII punctuation that ends a URL in prose (`,;)<>"'`), without trailing `.:!?`; `None`
/// without a host character after the scheme.
fn bare_url(text: &str) -> Option<&str> {
    let scheme = ["https://", "http://"]
        .into_iter()
        .find(|s| text.starts_with(s))?;
    let end = text
        .find(|c: char| c.is_whitespace() || !c.is_ascii() || ",;)<>\"'".contains(c))
        .unwrap_or(text.len());
    let url = text[..end].trim_end_matches(['.', ':', '!', '?']);
    url[scheme.len()..]
        .starts_with(|c: char| c.is_ascii_alphanumeric())
        .then_some(url)
}
