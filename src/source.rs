//! Provenance: the public [`Source`] a family's data comes from, and the [`Citation`] of one
//! entry in it (the line or row, or the code itself).

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

/// How a source document's entries are cited.
///
/// # Examples
///
/// ```
/// use errcat::{Cite, aliyun, cloudbypass, upyun};
///
/// // By line of a repository file, by row of a table, or by the code itself.
/// let cite = |citation: errcat::Citation| citation.document().cite();
/// assert_eq!(cite(cloudbypass::api::Code::InvalidParameter.entry().source()), Cite::Line);
/// assert_eq!(cite(upyun::management::Code::BucketNotFound.entry().source()), Cite::Row);
/// assert_eq!(cite(aliyun::apigateway::Code::QuotaExhausted.entry().source()), Cite::Code);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Cite {
    /// By line of the file at the source's commit.
    Line,
    /// By data row of a section's table, in document order.
    Row,
    /// By the code itself: the document's rows cannot be counted reliably.
    Code,
}

/// A public document that catalog entries come from: a vendor's page, or a file in a public
/// repository at a commit.
///
/// # Examples
///
/// ```
/// use errcat::cloudbypass::api::Code;
///
/// let source = Code::InvalidParameter.entry().source().document();
/// assert_eq!(source.repository(), Some("cloudbypass/cloudbypass.github.com"));
/// assert_eq!(source.date(), "2025-06-06");
/// ```
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct Source {
    pub(crate) title: &'static str,
    pub(crate) url: &'static str,
    pub(crate) repository: Option<&'static str>,
    pub(crate) path: Option<&'static str>,
    pub(crate) commit: Option<&'static str>,
    pub(crate) date: &'static str,
    pub(crate) cite: Cite,
    pub(crate) note: Option<&'static str>,
}

impl Source {
    /// The document's title.
    ///
    /// # Examples
    ///
    /// ```
    /// let source = errcat::upyun::management::Code::BucketNotFound.entry().source().document();
    /// assert_eq!(source.title(), "错误代码说明 (Error codes), Upyun management API");
    /// ```
    #[must_use]
    pub fn title(&self) -> &'static str {
        self.title
    }

    /// Where to read it.
    ///
    /// # Examples
    ///
    /// ```
    /// let source = errcat::upyun::management::Code::BucketNotFound.entry().source().document();
    /// assert_eq!(source.url(), "http://updocs.b0.upaiyun.com/console_error.html");
    /// ```
    #[must_use]
    pub fn url(&self) -> &'static str {
        self.url
    }

    /// The public repository (`owner/name`) that holds it, when it is a repository file.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{cloudbypass, upyun};
    ///
    /// let source = cloudbypass::api::Code::InvalidParameter.entry().source().document();
    /// assert_eq!(source.repository(), Some("cloudbypass/cloudbypass.github.com"));
    /// // A vendor's web page.
    /// let source = upyun::management::Code::BucketNotFound.entry().source().document();
    /// assert_eq!(source.repository(), None);
    /// ```
    #[must_use]
    pub fn repository(&self) -> Option<&'static str> {
        self.repository
    }

    /// The file's path in [`repository`](Self::repository).
    ///
    /// # Examples
    ///
    /// ```
    /// let source = errcat::cloudbypass::api::Code::InvalidParameter.entry().source().document();
    /// assert_eq!(source.path(), Some("docs/zh-cn/response_data.md"));
    /// ```
    #[must_use]
    pub fn path(&self) -> Option<&'static str> {
        self.path
    }

    /// The commit read, for a repository file.
    ///
    /// # Examples
    ///
    /// ```
    /// let source = errcat::cloudbypass::api::Code::InvalidParameter.entry().source().document();
    /// let commit = source.commit().unwrap();
    /// assert_eq!(commit.len(), 40);
    /// assert!(source.url().contains(commit));
    /// ```
    #[must_use]
    pub fn commit(&self) -> Option<&'static str> {
        self.commit
    }

    /// The version read, `YYYY-MM-DD`: a commit's date, a page's last update, or the day the page
    /// was read ([`note`](Self::note) says which).
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{cloudbypass, upyun};
    ///
    /// // A commit's date, and a page's last edit.
    /// assert_eq!(cloudbypass::api::Code::InvalidParameter.entry().source().document().date(), "2025-06-06");
    /// assert_eq!(upyun::management::Code::BucketNotFound.entry().source().document().date(), "2015-09-28");
    /// ```
    #[must_use]
    pub fn date(&self) -> &'static str {
        self.date
    }

    /// How its entries are cited.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Cite, aliyun::apigateway::Code};
    ///
    /// // The gateway's rows cannot be counted reliably: its entries are cited by code.
    /// let citation = Code::QuotaExhausted.entry().source();
    /// assert_eq!(citation.document().cite(), Cite::Code);
    /// assert_eq!(citation.at(), None);
    /// assert!(citation.to_string().ends_with(r#"code "Quota Exhausted""#));
    /// ```
    #[must_use]
    pub fn cite(&self) -> Cite {
        self.cite
    }

    /// What the date is, and anything else a reader should know.
    ///
    /// # Examples
    ///
    /// ```
    /// let source = errcat::upyun::management::Code::BucketNotFound.entry().source().document();
    /// assert!(source.note().unwrap().contains("last edit"));
    /// ```
    #[must_use]
    pub fn note(&self) -> Option<&'static str> {
        self.note
    }
}

/// Where one entry is documented: the [`Source`] and the line or row in it.
///
/// Displays as `title, url, row 16` (or `line 53`, or `code "…"`).
///
/// # Examples
///
/// ```
/// use errcat::{Cite, tencent_cloud::cdn::ModuleCode};
///
/// let citation = ModuleCode::InvalidProjectId.entry().source();
/// assert_eq!(citation.document().cite(), Cite::Row);
/// assert_eq!(citation.section(), Some("2. 模块错误码"));
/// assert!(citation.at().is_some());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Citation {
    pub(crate) document: &'static Source,
    pub(crate) section: Option<&'static str>,
    pub(crate) at: Option<u32>,
    pub(crate) code: &'static str,
}

impl Citation {
    /// The document.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::upyun::management::Code;
    ///
    /// // Every entry of a table cites the same document.
    /// let a = Code::BucketNotFound.entry().source().document();
    /// let b = Code::OperatorAlreadyExists.entry().source().document();
    /// assert!(std::ptr::eq(a, b));
    /// assert_eq!(a.url(), "http://updocs.b0.upaiyun.com/console_error.html");
    /// ```
    #[must_use]
    pub fn document(&self) -> &'static Source {
        self.document
    }

    /// The section whose rows [`at`](Self::at) counts, for a document cited by row.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{cloudbypass, upyun};
    ///
    /// assert_eq!(upyun::management::Code::BucketNotFound.entry().source().section(), Some("错误代码"));
    /// // Cited by line: no section.
    /// assert_eq!(cloudbypass::api::Code::InvalidParameter.entry().source().section(), None);
    /// ```
    #[must_use]
    pub fn section(&self) -> Option<&'static str> {
        self.section
    }

    /// The 1-based line or row, as [`Source::cite`] says; `None` for a document cited by code.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Cite, aliyun, cloudbypass};
    ///
    /// let citation = cloudbypass::api::Code::InvalidParameter.entry().source();
    /// assert_eq!(citation.document().cite(), Cite::Line);
    /// let line = citation.at().unwrap();
    /// assert!(line >= 1);
    /// assert!(citation.to_string().ends_with(&format!(", line {line}")));
    /// assert_eq!(aliyun::apigateway::Code::QuotaExhausted.entry().source().at(), None);
    /// ```
    #[must_use]
    pub fn at(&self) -> Option<u32> {
        self.at
    }
}

impl std::fmt::Display for Citation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let d = self.document;
        write!(f, "{}, {}", d.title, d.url)?;
        match (d.cite, self.at, self.section) {
            (Cite::Line, Some(n), _) => write!(f, ", line {n}"),
            (Cite::Row, Some(n), Some(section)) => write!(f, ", {section}, row {n}"),
            (Cite::Row, Some(n), None) => write!(f, ", row {n}"),
            _ => write!(f, ", code {:?}", self.code),
        }
    }
}

/// Serializes as `{"title", "url", "repository", "path", "commit", "date", "cite", "section",
/// "at", "text"}`, `text` being the `Display` form.
impl Serialize for Citation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let d = self.document;
        let mut s = serializer.serialize_struct("Citation", 10)?;
        s.serialize_field("title", d.title)?;
        s.serialize_field("url", d.url)?;
        s.serialize_field("repository", &d.repository)?;
        s.serialize_field("path", &d.path)?;
        s.serialize_field("commit", &d.commit)?;
        s.serialize_field("date", d.date)?;
        s.serialize_field("cite", &d.cite)?;
        s.serialize_field("section", &self.section)?;
        s.serialize_field("at", &self.at)?;
        s.serialize_field("text", &self.to_string())?;
        s.end()
    }
}
