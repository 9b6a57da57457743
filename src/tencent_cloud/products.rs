//! Tencent Cloud API 3.0: every product's error codes. Feature `tencent-cloud-products` (not
//! default).
//!
//! The products (`cvm`, `cdn`, `sms`, `teo`, ...: 264 of them) return thousands of codes that no
//! common table lists, such as `InvalidParameterValue.InstanceTypeNotFound` (CVM). Their tables
//! come from the vendor's SDKs (`tencentcloud/<product>/<version>/errorcodes.py` of the Python
//! SDK and of its international edition), imported by `tools/tencent-products/` from pinned
//! wheels: one [`Entry`](crate::Entry) per (product, code), merged over the product's API versions, with the
//! Chinese text and, where the vendor has one, the English text, and the line of the SDK file
//! that documents it ([`Entry::source`](crate::Entry::source)).
//!
//! Entries are data, not enum variants: a `ProductCode` is a small `Copy` handle and the wire
//! code a `&'static str`, so 17,500 codes cost no enum. What you `match` on is the code's
//! family `Root` (`FailedOperation`, `OperationDenied`, ...), or its [`ErrorKind`](crate::ErrorKind).
//!
//! Kinds: every code has the kind of its root, unless a reviewed sub-code rule of
//! `data/tencent-cloud/products/classifications.json` says otherwise, with its reason (rate
//! limits under `LimitExceeded` or `FailedOperation`, concurrency caps, daily policies, names
//! that mislead such as `RequestLimitExceeded.RepeatRequest`).
//!
//! The wire shape is the common family's: [`Response::explain`](crate::Response::explain)
//! detects `tencent-cloud/common` and, when the common tables do not list the code, finds it
//! here: in the product given by [`Response::with_product`](crate::Response::with_product), or
//! in the one product that has it.
//!
//! # Examples
//!
//! ```
//! # #[cfg(feature = "tencent-cloud-products")] {
//! use errcat::tencent_cloud::products::{self, Product, Root};
//! use errcat::ErrorKind;
//!
//! let code = products::lookup("cvm", "InvalidParameterValue.InstanceTypeNotFound").unwrap();
//! let entry = code.entry();
//! assert_eq!(entry.message().zh, "指定机型不存在");
//! assert_eq!(entry.kind(), ErrorKind::InvalidRequest);
//! assert_eq!(code.root(), Some(Root::InvalidParameterValue));
//! assert_eq!(code.product(), Product::from_name("cvm").unwrap());
//! // Every product that has a code.
//! assert_eq!(products::by_code("InvalidZone.MismatchRegion").len(), 2); // batch, cvm
//! # }
//! ```

use crate::response::ParsedError;
use crate::response::kit::{Body, Fields, Headers, Read};

#[cfg(feature = "tencent-cloud-products")]
pub use crate::tables::tencent_cloud_products::Root;

#[cfg(feature = "tencent-cloud-products")]
pub use imp::{English, Product, ProductCode, by_code, entries, lookup, products, resolve};

/// A product hint of a response, as `explain` keeps it: the product, when its feature is on
/// and the name is a product's.
#[cfg(feature = "tencent-cloud-products")]
pub(crate) type Hint = Product;

/// Without the feature, a hint is never kept.
#[cfg(not(feature = "tencent-cloud-products"))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Hint {}

/// The product a hint names: a product name (`cvm`) or an API host (`cvm.tencentcloudapi.com`,
/// `cvm.ap-guangzhou.tencentcloudapi.com`), whose first label is the product.
#[cfg_attr(
    not(feature = "tencent-cloud-products"),
    allow(clippy::unnecessary_wraps, reason = "no product without the feature")
)]
pub(crate) fn hint(name: &str) -> Option<Hint> {
    let name = name.split('.').next().unwrap_or(name);
    #[cfg(feature = "tencent-cloud-products")]
    {
        Product::from_name(name)
    }
    #[cfg(not(feature = "tencent-cloud-products"))]
    {
        let _ = name;
        None
    }
}

/// The generated data of one product: its name and its rows' range in `ROWS`. Its codes
/// are found through the map across products (`BY_CODE`), whose spans of `CANDIDATES` are in
/// product order: one map for every product, not one each, halves the maps' keys (and their
/// relocations).
#[cfg(feature = "tencent-cloud-products")]
#[derive(Debug)]
pub(crate) struct ProductData {
    pub(crate) name: &'static str,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// A text of the generated `TEXT`: its byte offset and length. The rows hold no pointers, so
/// 17,500 of them cost neither a relocation each nor the 272 bytes of an [`Entry`](crate::Entry).
#[cfg(feature = "tencent-cloud-products")]
#[derive(Clone, Copy, Debug)]
pub(crate) struct TextRef {
    pub(crate) at: u32,
    pub(crate) len: u16,
}

#[cfg(feature = "tencent-cloud-products")]
impl TextRef {
    /// The text; empty for an absent one (`len` 0).
    #[inline]
    pub(crate) fn get(self) -> &'static str {
        let at = self.at as usize;
        crate::tables::tencent_cloud_products::TEXT
            .get(at..at + usize::from(self.len))
            .unwrap_or_default()
    }
}

/// `BY_CODE`'s keys are texts: a code is found by hashing the `str` (as the build did) and
/// comparing it with the text.
#[cfg(feature = "tencent-cloud-products")]
impl phf::PhfEq<str> for TextRef {
    #[inline]
    fn phf_eq(&self, other: &str) -> bool {
        // The length first, as `str`'s `==` does: most misses end there, before the text is read.
        let at = self.at as usize;
        usize::from(self.len) == other.len()
            && crate::tables::tencent_cloud_products::TEXT
                .as_bytes()
                .get(at..at + other.len())
                == Some(other.as_bytes())
    }
}

/// One (product, code) as generated: texts as [`TextRef`], the rest as indexes into the
/// generated `SOURCES`, `ADVICE`, `NOTES` and `ALIASES`.
#[cfg(feature = "tencent-cloud-products")]
#[derive(Debug)]
pub(crate) struct Row {
    pub(crate) code: TextRef,
    pub(crate) zh: TextRef,
    pub(crate) en: TextRef,
    /// The line of the SDK file that documents the code.
    pub(crate) line: u32,
    /// The product's position in `PRODUCTS`.
    pub(crate) product: u16,
    pub(crate) source: u16,
    pub(crate) advice: u16,
    pub(crate) note: u8,
    pub(crate) aliases: u8,
}

/// A row's kind and retry advice (its root's, or a reviewed rule's).
#[cfg(feature = "tencent-cloud-products")]
#[derive(Debug)]
pub(crate) struct Advice {
    pub(crate) kind: crate::ErrorKind,
    pub(crate) retryable: bool,
    pub(crate) retry_reason: Option<&'static str>,
    pub(crate) wait: Option<crate::Wait>,
}

/// The products that have a code: `len` handles of `CANDIDATES` from `start`.
#[cfg(feature = "tencent-cloud-products")]
#[derive(Clone, Copy, Debug)]
pub(crate) struct CandidateSpan {
    pub(crate) start: u32,
    pub(crate) len: u16,
}

#[cfg(feature = "tencent-cloud-products")]
mod imp {
    use std::fmt;

    use std::sync::OnceLock;

    use super::{CandidateSpan, Root, Row};
    use crate::tables::tencent_cloud_products::{
        ADVICE, ALIASES, BY_CODE, CANDIDATES, NOTES, PRODUCT_COUNT, PRODUCT_NAMES, PRODUCTS, ROOTS,
        ROWS, SOURCES,
    };
    use crate::{AnyCode, ApiError, Entry, Family, Text};

    /// Each product's entries, built from its rows the first time one is asked for: one
    /// allocation per product, kept for the life of the process. (Cells of `Entry` in the
    /// binary would cost its 5 MB again: a static's uninitialized bytes are written out.)
    static BUILT: [OnceLock<Box<[Entry]>>; PRODUCT_COUNT] =
        [const { OnceLock::new() }; PRODUCT_COUNT];

    impl Row {
        /// The entry of this row, whose handle is `code`.
        fn entry(&self, code: ProductCode) -> Entry {
            let advice = &ADVICE[usize::from(self.advice)];
            let (aliases, message_aliases) = ALIASES[usize::from(self.aliases)];
            let wire = self.code.get();
            Entry {
                code: AnyCode::TencentCloudProduct(code),
                wire,
                aliases,
                name: wire,
                message: Text {
                    zh: self.zh.get(),
                    en: self.en.get(),
                },
                message_aliases,
                description: None,
                remedy: None,
                http_status: None,
                kind: advice.kind,
                retryable: advice.retryable,
                retry_reason: advice.retry_reason,
                wait: advice.wait,
                docs_url: None,
                source: &SOURCES[usize::from(self.source)],
                section: None,
                at: Some(self.line),
                note: NOTES[usize::from(self.note)],
            }
        }
    }

    impl CandidateSpan {
        /// The handles.
        #[inline]
        fn get(self) -> &'static [ProductCode] {
            let start = self.start as usize;
            CANDIDATES
                .get(start..start + usize::from(self.len))
                .unwrap_or_default()
        }
    }

    /// A Tencent Cloud product (`cvm`, `sms`, ...): the SDK's folder name, which is also the
    /// first label of its API host (`cvm.tencentcloudapi.com`).
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::tencent_cloud::products::Product;
    ///
    /// let cvm = Product::from_name("cvm").unwrap();
    /// assert_eq!(cvm.name(), "cvm");
    /// assert!(cvm.entries().len() > 300);
    /// assert_eq!(Product::from_name("no-such-product"), None);
    /// ```
    #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub struct Product(u16);

    impl Product {
        /// The product called `name` (exact, lowercase), in O(1).
        ///
        /// # Examples
        ///
        /// ```
        /// use errcat::tencent_cloud::products::Product;
        ///
        /// assert!(Product::from_name("cvm").is_some());
        /// assert!(Product::from_name("CVM").is_none());
        /// ```
        #[must_use]
        pub fn from_name(name: &str) -> Option<Product> {
            PRODUCT_NAMES.get(name).map(|&i| Product(i))
        }

        fn data(self) -> &'static super::ProductData {
            &PRODUCTS[usize::from(self.0)]
        }

        /// The product's name.
        ///
        /// # Examples
        ///
        /// ```
        /// use errcat::tencent_cloud::products::Product;
        ///
        /// assert_eq!(Product::from_name("sms").unwrap().name(), "sms");
        /// ```
        #[must_use]
        pub fn name(self) -> &'static str {
            self.data().name
        }

        /// Its codes, in the SDK file's order (the newest API version's first), as handles:
        /// reading them builds no entry.
        ///
        /// # Examples
        ///
        /// ```
        /// use errcat::tencent_cloud::products::Product;
        ///
        /// let cvm = Product::from_name("cvm").unwrap();
        /// assert!(cvm.codes().any(|c| c.as_str() == "InvalidParameterValue.InstanceTypeNotFound"));
        /// assert_eq!(cvm.codes().len(), cvm.entries().len());
        /// ```
        #[must_use]
        pub fn codes(
            self,
        ) -> impl DoubleEndedIterator<Item = ProductCode> + ExactSizeIterator + Clone {
            let d = self.data();
            let product = usize::from(self.0);
            (d.start..d.end).map(move |index| ProductCode::new(product, index))
        }

        /// Its codes' entries, in the SDK file's order (the newest API version's first).
        ///
        /// The binary holds each code as a small row of offsets into one text, not as an
        /// [`Entry`] (17,500 entries would add 8 MB to a binary): the product's entries are
        /// built from its rows the first time one of them is asked for, here or by
        /// [`ProductCode::entry`] (one allocation per product, kept for the life of the
        /// process; call this at start-up to have it done then). Lookups,
        /// [`ProductCode::as_str`], [`zh`](ProductCode::zh) and [`en`](ProductCode::en) read the
        /// rows and never allocate.
        ///
        /// # Examples
        ///
        /// ```
        /// use errcat::tencent_cloud::products::Product;
        ///
        /// let cvm = Product::from_name("cvm").unwrap();
        /// assert!(cvm.entries().iter().any(|e| e.code() == "InvalidParameterValue.InstanceTypeNotFound"));
        /// ```
        #[must_use]
        pub fn entries(self) -> &'static [Entry] {
            let product = usize::from(self.0);
            BUILT[product].get_or_init(|| {
                let d = self.data();
                ROWS[d.start..d.end]
                    .iter()
                    .zip(d.start..)
                    .map(|(row, index)| row.entry(ProductCode::new(product, index)))
                    .collect()
            })
        }

        /// The product's code `code` (or another SDK's spelling of it), in O(1): one phf probe
        /// (the map across products), then a binary search of the few products that share a
        /// code (at most 208, for `InvalidParameter`). Exact match.
        ///
        /// # Examples
        ///
        /// ```
        /// use errcat::tencent_cloud::products::Product;
        ///
        /// let sms = Product::from_name("sms").unwrap();
        /// let code = sms.lookup("LimitExceeded.PhoneNumberDailyLimit").unwrap();
        /// assert_eq!(code.as_str(), "LimitExceeded.PhoneNumberDailyLimit");
        /// assert!(sms.lookup("InvalidParameterValue.InstanceTypeNotFound").is_none());
        /// ```
        #[must_use]
        #[inline]
        pub fn lookup(self, code: &str) -> Option<ProductCode> {
            // The products that have the code, in product order: almost always one.
            let found = BY_CODE.get(code)?.get();
            match found {
                [one] => (one.product == self.0).then_some(*one),
                _ => found
                    .binary_search_by_key(&self.0, |c| c.product)
                    .ok()
                    .map(|i| found[i]),
            }
        }
    }

    impl fmt::Debug for Product {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "Product({})", self.name())
        }
    }

    impl fmt::Display for Product {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.name())
        }
    }

    /// One code of one product: a `Copy` handle to its [`Entry`].
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{ApiError, ErrorKind, tencent_cloud::products};
    ///
    /// let code = products::lookup("cvm", "InvalidParameterValue.InstanceTypeNotFound").unwrap();
    /// assert_eq!(code.product().name(), "cvm");
    /// assert_eq!(ApiError::kind(&code), ErrorKind::InvalidRequest);
    /// assert_eq!(code.to_string(), "InvalidParameterValue.InstanceTypeNotFound");
    /// ```
    #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub struct ProductCode {
        product: u16,
        index: u16,
    }

    impl ProductCode {
        /// Used by the generated tables only.
        #[allow(clippy::cast_possible_truncation)] // fewer than 65,536 entries (emit)
        pub(crate) const fn new(product: usize, index: usize) -> Self {
            Self {
                product: product as u16,
                index: index as u16,
            }
        }

        /// The entry: texts, kind, retry advice, source. The first entry of a product builds
        /// the product's entries ([`Product::entries`]: one allocation); a read after that.
        ///
        /// # Examples
        ///
        /// ```
        /// use errcat::{ErrorKind, tencent_cloud::products};
        ///
        /// let entry = products::lookup("cvm", "InvalidZone.MismatchRegion").unwrap().entry();
        /// assert_eq!(entry.kind(), ErrorKind::InvalidRequest);
        /// assert!(entry.source().document().path().unwrap().starts_with("tencentcloud/cvm/"));
        /// ```
        #[must_use]
        #[inline]
        #[allow(clippy::trivially_copy_pass_by_ref)] // `&self`: see `code_table!`
        pub fn entry(&self) -> &'static Entry {
            let product = self.product();
            &product.entries()[usize::from(self.index) - product.data().start]
        }

        fn row(self) -> &'static Row {
            &ROWS[usize::from(self.index)]
        }

        /// The product.
        ///
        /// # Examples
        ///
        /// ```
        /// use errcat::tencent_cloud::products;
        ///
        /// assert_eq!(products::lookup("cvm", "InvalidZone.MismatchRegion").unwrap().product().name(), "cvm");
        /// ```
        #[must_use]
        pub fn product(self) -> Product {
            Product(self.product)
        }

        /// The wire code.
        ///
        /// # Examples
        ///
        /// ```
        /// use errcat::tencent_cloud::products;
        ///
        /// // An English SDK's spelling finds the entry; the code is the Chinese SDK's.
        /// let code = products::lookup("sms", "InvalidParameterValue.SdkAppidNotExist").unwrap();
        /// assert_eq!(code.as_str(), "InvalidParameterValue.SdkAppIdNotExist");
        /// ```
        #[must_use]
        pub fn as_str(self) -> &'static str {
            self.row().code.get()
        }

        /// The code's family root, if it is one errcat classifies (every code of the pinned
        /// SDKs has one).
        ///
        /// # Examples
        ///
        /// ```
        /// use errcat::tencent_cloud::products::{self, Root};
        ///
        /// let code = products::lookup("teo", "OperationDenied").unwrap();
        /// assert_eq!(code.root(), Some(Root::OperationDenied));
        /// ```
        #[must_use]
        pub fn root(self) -> Option<Root> {
            Root::of(self.as_str())
        }

        /// The vendor's Chinese text, `None` where only the English SDK has the code.
        ///
        /// # Examples
        ///
        /// ```
        /// use errcat::tencent_cloud::products;
        ///
        /// let code = products::lookup("cvm", "InvalidParameterValue.InstanceTypeNotFound").unwrap();
        /// assert_eq!(code.zh(), Some("指定机型不存在"));
        /// ```
        #[must_use]
        pub fn zh(self) -> Option<&'static str> {
            Some(self.row().zh.get()).filter(|t| !t.is_empty())
        }

        /// The vendor's English text, `None` where the vendor gives none (no English SDK has
        /// the code): errcat does not translate.
        ///
        /// # Examples
        ///
        /// ```
        /// use errcat::tencent_cloud::products;
        ///
        /// let cvm = products::lookup("cvm", "InvalidParameterValue.InstanceTypeNotFound").unwrap();
        /// assert_eq!(cvm.en(), Some("The specified instance type does not exist."));
        /// // `aai` is sold in China only: no English.
        /// let aai = products::lookup("aai", "FailedOperation.ServiceIsolate").unwrap();
        /// assert_eq!(aai.en(), None);
        /// assert_eq!(aai.english().to_string(), "Failed operation: service isolate (from the code name; the vendor gives no English)");
        /// ```
        #[must_use]
        pub fn en(self) -> Option<&'static str> {
            Some(self.row().en.get()).filter(|t| !t.is_empty())
        }

        /// The English text for display: the vendor's, else the code's name split into words,
        /// labelled as such.
        ///
        /// # Examples
        ///
        /// ```
        /// use errcat::tencent_cloud::products::{self, English};
        ///
        /// let code = products::lookup("aai", "FailedOperation.ServiceIsolate").unwrap();
        /// assert_eq!(code.english(), English::FromCodeName("FailedOperation.ServiceIsolate"));
        /// ```
        #[must_use]
        pub fn english(self) -> English {
            match self.en() {
                Some(text) => English::Vendor(text),
                None => English::FromCodeName(self.as_str()),
            }
        }
    }

    impl fmt::Debug for ProductCode {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(
                f,
                "ProductCode({}, {})",
                self.product().name(),
                self.as_str()
            )
        }
    }

    /// Writes the wire code.
    impl fmt::Display for ProductCode {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.as_str())
        }
    }

    impl ApiError for ProductCode {
        fn family(&self) -> Family {
            Family::TencentCloudProducts
        }

        fn code(&self) -> &str {
            self.as_str()
        }

        fn entry(&self) -> Option<&'static Entry> {
            Some(ProductCode::entry(self))
        }
    }

    impl From<ProductCode> for crate::AnyCode {
        fn from(code: ProductCode) -> Self {
            Self::TencentCloudProduct(code)
        }
    }

    /// The family's view of a parsed error: its product candidates.
    impl crate::ParsedError<'_> {
        /// For a Tencent Cloud API 3.0 error, every product whose table has the raw code, in
        /// product order (feature `tencent-cloud-products`): the candidates when no product hint
        /// ([`Response::with_product`](crate::Response::with_product)) decided which one answered.
        ///
        /// # Examples
        ///
        /// ```
        /// use errcat::{Outcome, Response};
        ///
        /// let body = br#"{"Response": {"Error": {"Code": "InvalidZone.MismatchRegion", "Message": "m"}, "RequestId": "r"}}"#;
        /// let Outcome::Error(err) = Response::new(body).explain()? else { panic!() };
        /// let products: Vec<&str> = err.product_candidates().iter().map(|c| c.product().name()).collect();
        /// assert_eq!(products, ["batch", "cvm"]);
        /// # Ok::<(), errcat::ParseError>(())
        /// ```
        #[must_use]
        pub fn product_candidates(&self) -> &'static [ProductCode] {
            match (self.family, self.raw_code.as_deref()) {
                (Family::TencentCloudCommon, Some(raw)) => by_code(raw),
                _ => &[],
            }
        }
    }

    /// An English text for display ([`ProductCode::english`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::tencent_cloud::products::{self, English};
    ///
    /// let cvm = products::lookup("cvm", "InvalidParameterValue.InstanceTypeNotFound").unwrap();
    /// assert_eq!(cvm.english(), English::Vendor("The specified instance type does not exist."));
    /// assert_eq!(cvm.english().to_string(), "The specified instance type does not exist.");
    /// ```
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    #[non_exhaustive]
    pub enum English {
        /// The vendor's text.
        Vendor(&'static str),
        /// The vendor gives none: written from this code's name, split into words.
        FromCodeName(&'static str),
    }

    /// The vendor's text, or the code's name in words, labelled `(from the code name; the
    /// vendor gives no English)`.
    impl fmt::Display for English {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match *self {
                Self::Vendor(text) => f.write_str(text),
                Self::FromCodeName(code) => {
                    for (i, segment) in code.split('.').enumerate() {
                        if i > 0 {
                            f.write_str(": ")?;
                        }
                        write_words(f, segment, i == 0)?;
                    }
                    f.write_str(" (from the code name; the vendor gives no English)")
                }
            }
        }
    }

    /// `InstanceTypeNotFound` as `instance type not found` (`Instance ...` when `first`);
    /// runs of capitals stay a word (`CDNConfig`: `CDN config`).
    fn write_words(f: &mut fmt::Formatter<'_>, s: &str, first: bool) -> fmt::Result {
        let chars: Vec<char> = s.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let prev = i.checked_sub(1).map(|j| chars[j]);
            let next = chars.get(i + 1).copied();
            let boundary = c.is_uppercase()
                && prev.is_some_and(|p| {
                    p.is_lowercase()
                        || p.is_ascii_digit()
                        || (p.is_uppercase() && next.is_some_and(char::is_lowercase))
                });
            if boundary {
                f.write_str(" ")?;
            }
            let acronym = c.is_uppercase()
                && (prev.is_some_and(char::is_uppercase) || next.is_some_and(char::is_uppercase));
            if c == '_' {
                f.write_str(" ")?;
            } else if (i == 0 && first) || acronym {
                write!(f, "{c}")?;
            } else {
                write!(f, "{}", c.to_lowercase())?;
            }
        }
        Ok(())
    }

    impl Root {
        /// The root of a code (its first dot-separated segment), if errcat classifies it.
        ///
        /// # Examples
        ///
        /// ```
        /// use errcat::tencent_cloud::products::Root;
        ///
        /// assert_eq!(Root::of("ResourcesSoldOut.ChargeStatusException"), Some(Root::ResourcesSoldOut));
        /// assert_eq!(Root::of("NotARoot"), None);
        /// ```
        #[must_use]
        pub fn of(code: &str) -> Option<Root> {
            Root::from_segment(code.split('.').next().unwrap_or(code))
        }

        /// Every root, in the order of the classifications file.
        ///
        /// # Examples
        ///
        /// ```
        /// use errcat::tencent_cloud::products::Root;
        ///
        /// assert_eq!(Root::all()[0], Root::FailedOperation);
        /// assert!(Root::all().contains(&Root::DryRunOperation));
        /// ```
        #[must_use]
        pub fn all() -> &'static [Root] {
            &ROOTS
        }

        /// The root as on the wire.
        ///
        /// # Examples
        ///
        /// ```
        /// use errcat::tencent_cloud::products::Root;
        ///
        /// assert_eq!(Root::InvalidFilter.as_str(), "InvalidFilter");
        /// assert_eq!(Root::InvalidFilter.to_string(), "InvalidFilter");
        /// ```
        #[must_use]
        pub fn as_str(self) -> &'static str {
            self.name()
        }

        /// The kind, retry advice and reason errcat gives the codes under the root that no
        /// sub-code rule classifies.
        ///
        /// # Examples
        ///
        /// ```
        /// use errcat::{ErrorKind, tencent_cloud::products::Root};
        ///
        /// assert_eq!(Root::OperationDenied.classification().kind(), ErrorKind::PermissionDenied);
        /// assert!(!Root::ResourcesSoldOut.classification().is_retryable());
        /// ```
        #[must_use]
        pub fn classification(self) -> &'static crate::Classification {
            self.rule()
        }
    }

    impl fmt::Display for Root {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.name())
        }
    }

    /// The code `code` of the product called `product`, in O(1) (two phf probes).
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::tencent_cloud::products;
    ///
    /// assert!(products::lookup("cdn", "FailedOperation.CdnConfigError").is_some());
    /// assert!(products::lookup("cdn", "NoSuchCode").is_none());
    /// assert!(products::lookup("nosuchproduct", "FailedOperation").is_none());
    /// ```
    #[must_use]
    #[inline]
    pub fn lookup(product: &str, code: &str) -> Option<ProductCode> {
        Product::from_name(product)?.lookup(code)
    }

    /// Every product's entry for the code `code` (or another SDK's spelling of it), in product
    /// order, in O(1): one phf probe.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::tencent_cloud::products;
    ///
    /// let found = products::by_code("InvalidParameterValue.InstanceTypeNotFound");
    /// let names: Vec<&str> = found.iter().map(|c| c.product().name()).collect();
    /// assert!(names.contains(&"cvm"));
    /// assert!(products::by_code("NoSuchCode").is_empty());
    /// ```
    #[must_use]
    #[inline]
    pub fn by_code(code: &str) -> &'static [ProductCode] {
        BY_CODE.get(code).map_or(&[], |span| span.get())
    }

    /// What the raw code `code` of a Tencent Cloud API 3.0 response means, with the products'
    /// tables: the walk [`Response::explain`](crate::Response::explain) uses for the common
    /// family (`tencent-cloud/common`) when this feature is on. In order:
    ///
    /// 1. a code the common tables list: their entry;
    /// 2. the code of `product` (when given), else of the one product that has it: that
    ///    product's entry ([`Basis::Exact`](crate::response::Basis::Exact), a
    ///    [`ProductCode`] as the typed code);
    /// 3. a code several products have, which a rule for every product classifies: that rule;
    /// 4. the common family's walk (its classifications, then the nearest listed parent);
    /// 5. the products' roots and rules, nearest level first (`OperationDenied.X`, a root the
    ///    common tables lack).
    ///
    /// Without `product`, a code several products have and no rule covers gets step 4's
    /// answer; [`by_code`] gives its candidates.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{ApiError, ErrorKind, response::Basis, tencent_cloud::products::{self, Product}};
    ///
    /// let cvm = Product::from_name("cvm");
    /// let r = products::resolve("InvalidParameterValue.InstanceTypeNotFound", cvm);
    /// assert_eq!(r.basis(), Basis::Exact);
    /// assert_eq!(r.message().unwrap().zh, "指定机型不存在");
    /// // A root the common tables lack, in no product's table.
    /// let r = products::resolve("OperationDenied.SomethingNew", None);
    /// assert_eq!(r.basis(), Basis::Classification);
    /// assert_eq!(r.kind(), ErrorKind::PermissionDenied);
    /// ```
    #[must_use]
    pub fn resolve(code: &str, product: Option<Product>) -> crate::Resolution<'_> {
        crate::resolve::walk_tencent(code, product)
    }

    /// Every (product, code) entry, in product order. Going through them builds every
    /// product's entries ([`Product::entries`]): about 5 MB, kept for the life of the process;
    /// [`products`] and [`Product::lookup`] need none of it.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::tencent_cloud::products;
    ///
    /// assert_eq!(products::entries().len(), 17_508);
    /// ```
    #[must_use]
    pub fn entries() -> impl DoubleEndedIterator<Item = &'static Entry> + ExactSizeIterator + Clone
    {
        ROWS.iter()
            .enumerate()
            .map(|(index, row)| ProductCode::new(usize::from(row.product), index).entry())
    }

    /// Every product, in name order.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::tencent_cloud::products;
    ///
    /// assert_eq!(products::products().len(), 264);
    /// assert_eq!(products::products().next().unwrap().name(), "aai");
    /// ```
    #[must_use]
    pub fn products() -> impl ExactSizeIterator<Item = Product> + Clone {
        #[allow(clippy::cast_possible_truncation)] // fewer than 65,536 products (emit)
        (0..PRODUCTS.len()).map(|i| Product(i as u16))
    }
}

/// Never: the products share the common family's wire shape, which `tencent-cloud/common`
/// detects first and reads (and resolves here).
pub(crate) fn detect_body(_: &Fields<'_>) -> bool {
    false
}

/// The common family's reading.
pub(crate) fn parse<'a>(err: &mut ParsedError<'a>, headers: &Headers<'a>, body: &Body<'a>) -> Read {
    super::common::parse(err, headers, body)
}
