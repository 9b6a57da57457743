//! Upyun (又拍云) management API: 144 error codes. Feature `upyun-management` (default).
//!
//! A failure's body is `{"error_code": "21402", "request": "PUT /operators/", "message":
//! "Operator already exists."}`. The five digits of a code are its [`Structure`]: level (1 system,
//! 2 module), module (two digits) and the error within the module (two digits).
//!
//! # Examples
//!
//! ```
//! use errcat::{ApiError, ErrorKind, upyun::management::{Code, Level, Structure}};
//!
//! let code: Code = "21402".parse()?;
//! assert_eq!(code, Code::OperatorAlreadyExists);
//! assert_eq!(code.kind(), ErrorKind::Conflict);
//!
//! let s = Structure::parse("21402").unwrap();
//! assert_eq!((s.level(), s.module(), s.error()), (Level::Module, 14, 2));
//! assert_eq!(s.module_name().unwrap().en, "operators");
//! # Ok::<(), errcat::UnknownCode>(())
//! ```

use serde::Serialize;

use crate::Family;
use crate::Text;
use crate::response::kit::{Body, Fields, Headers, Read, plain_text, scalar};
use crate::response::{ParsedError, Problem};

#[cfg(feature = "upyun-management")]
pub use crate::tables::upyun_management::Code;

/// The first digit of an Upyun code.
///
/// # Examples
///
/// ```
/// use errcat::upyun::management::{Code, Level, Structure};
///
/// assert_eq!(Code::BucketNotFound.structure().level(), Level::Module);
/// assert_eq!(Structure::parse("10001").unwrap().level(), Level::System);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Level {
    /// `1`: a system-level error.
    System,
    /// `2`: a module-level error.
    Module,
}

/// The structure of a five-digit Upyun code: level, module, error.
///
/// # Examples
///
/// ```
/// use errcat::upyun::management::{Code, Level, Structure};
///
/// let s = Structure::parse("21203").unwrap();
/// assert_eq!((s.level(), s.module(), s.error()), (Level::Module, 12, 3));
/// assert_eq!(s, Code::BucketNotFound.structure());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Structure {
    level: Level,
    module: u8,
    error: u8,
}

impl Structure {
    /// Decodes any code of the documented structure, listed or not: exactly five ASCII digits, the
    /// first `1` or `2`. `None` for anything else (other Upyun APIs use other code families).
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::upyun::management::{Level, Structure};
    ///
    /// let s = Structure::parse("10399").unwrap(); // not listed, still decodable
    /// assert_eq!((s.level(), s.module(), s.error()), (Level::System, 3, 99));
    /// assert_eq!(Structure::parse("40100012"), None);
    /// assert_eq!(Structure::parse("31402"), None);
    /// ```
    #[must_use]
    pub fn parse(code: &str) -> Option<Self> {
        let &[l, m1, m2, e1, e2] = code.as_bytes() else {
            return None;
        };
        if ![m1, m2, e1, e2].iter().all(u8::is_ascii_digit) {
            return None;
        }
        let level = match l {
            b'1' => Level::System,
            b'2' => Level::Module,
            _ => return None,
        };
        Some(Self {
            level,
            module: (m1 - b'0') * 10 + (m2 - b'0'),
            error: (e1 - b'0') * 10 + (e2 - b'0'),
        })
    }

    /// The level (first digit).
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::upyun::management::{Level, Structure};
    ///
    /// assert_eq!(Structure::parse("10399").unwrap().level(), Level::System);
    /// assert_eq!(Structure::parse("21402").unwrap().level(), Level::Module);
    /// ```
    #[must_use]
    pub fn level(self) -> Level {
        self.level
    }

    /// The module (second and third digits).
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::upyun::management::Structure;
    ///
    /// assert_eq!(Structure::parse("21402").unwrap().module(), 14);
    /// assert_eq!(Structure::parse("10001").unwrap().module(), 0);
    /// ```
    #[must_use]
    pub fn module(self) -> u8 {
        self.module
    }

    /// The error within the module (last two digits).
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::upyun::management::Structure;
    ///
    /// assert_eq!(Structure::parse("21402").unwrap().error(), 2);
    /// assert_eq!(Structure::parse("29999").unwrap().error(), 99);
    /// ```
    #[must_use]
    pub fn error(self) -> u8 {
        self.error
    }

    /// What the module is about, judged from the codes documented in it; `None` for a module with
    /// no documented codes.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::upyun::management::Structure;
    ///
    /// assert_eq!(Structure::parse("21402").unwrap().module_name().unwrap().en, "operators");
    /// // A module of the documented form in which no code is documented.
    /// assert_eq!(Structure::parse("29999").unwrap().module_name(), None);
    /// ```
    #[must_use]
    pub fn module_name(self) -> Option<Text> {
        #[cfg(feature = "upyun-management")]
        return crate::tables::upyun_management::MODULE_NAMES
            .get(usize::from(self.module))
            .copied()
            .flatten();
        #[cfg(not(feature = "upyun-management"))]
        return None;
    }
}

#[cfg(feature = "upyun-management")]
impl Code {
    /// The structure of this code.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::upyun::management::{Code, Level};
    ///
    /// let s = Code::BucketNotFound.structure();
    /// assert_eq!((s.level(), s.module(), s.error()), (Level::Module, 12, 3));
    /// ```
    #[must_use]
    pub fn structure(self) -> Structure {
        // Every listed code has the documented structure (tested over the whole table); the
        // fallback only keeps this function total.
        Structure::parse(self.as_str()).unwrap_or(Structure {
            level: Level::Module,
            module: 0,
            error: 0,
        })
    }
}

/// An Upyun management API error's own details: the request line the vendor echoes, and the
/// structure of the code.
///
/// # Examples
///
/// ```
/// use errcat::{Outcome, Response, upyun::management::{Details, Level}};
///
/// let body = br#"{"error_code": "21499", "request": "PUT /operators/", "message": "?"}"#;
/// let Outcome::Error(err) = Response::new(body).explain()? else { panic!() };
/// let details = Details::of(&err).unwrap();
/// assert_eq!(details.request(), Some("PUT /operators/"));
/// let s = details.structure().unwrap(); // unlisted, still decoded
/// assert_eq!((s.level(), s.module()), (Level::Module, 14));
/// # Ok::<(), errcat::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Details<'e> {
    request: Option<&'e str>,
    structure: Option<Structure>,
}

impl<'e> Details<'e> {
    /// The details of `err`, when it is an Upyun management API error.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response, upyun::management::Details};
    ///
    /// let body = br#"{"error_code": "21402", "request": "PUT /operators/", "message": "m"}"#;
    /// let Outcome::Error(err) = Response::new(body).explain()? else { panic!() };
    /// assert!(Details::of(&err).is_some());
    /// // Another family's error has no Upyun details.
    /// let Outcome::Error(cdn) = Response::new(br#"{"code": 4000, "message": "m"}"#).explain()? else { panic!() };
    /// assert_eq!(Details::of(&cdn), None);
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn of(err: &'e ParsedError<'_>) -> Option<Self> {
        (crate::ApiError::family(err) == crate::Family::UpyunManagement).then(|| Self {
            request: err.detail_of(crate::Family::UpyunManagement),
            structure: err.raw_code().and_then(Structure::parse),
        })
    }

    /// The request line the vendor echoes (`PUT /operators/`).
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response, upyun::management::Details};
    ///
    /// let body = br#"{"error_code": "21402", "request": "PUT /operators/", "message": "m"}"#;
    /// let Outcome::Error(err) = Response::new(body).explain()? else { panic!() };
    /// assert_eq!(Details::of(&err).unwrap().request(), Some("PUT /operators/"));
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[must_use]
    pub fn request(&self) -> Option<&'e str> {
        self.request
    }

    /// The structure (level, module) of the raw code, for a code of the documented five-digit
    /// form.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response, upyun::management::{Details, Level}};
    ///
    /// let structure = |code: &str| {
    ///     let body = format!(r#"{{"error_code": "{code}", "request": "GET /", "message": "m"}}"#);
    ///     let Ok(Outcome::Error(err)) = Response::new(body.as_bytes()).with_status(400).explain() else { panic!() };
    ///     Details::of(&err).unwrap().structure()
    /// };
    /// assert_eq!(structure("21402").map(|s| s.level()), Some(Level::Module));
    /// // Another Upyun API's code: not of the documented form.
    /// assert_eq!(structure("40100012"), None);
    /// ```
    #[must_use]
    pub fn structure(&self) -> Option<Structure> {
        self.structure
    }
}

/// A body with `error_code` and the `request` line, or with a documented `error_code`: an
/// `error_code` alone is too common to be evidence.
pub(crate) fn detect_body(f: &Fields<'_>) -> bool {
    f.error_code.is_some()
        && (f.request.is_some() || f.documented(Family::UpyunManagement, plain_text(f.error_code)))
}

/// A status below 400 without an error code is a success; otherwise the body's error.
pub(crate) fn parse<'a>(err: &mut ParsedError<'a>, _: &Headers<'a>, body: &Body<'a>) -> Read {
    super::read_error(
        err,
        body,
        |_| true,
        |err, f| {
            err.raw_code = scalar(f.error_code, Problem::CodeWrongType, &mut err.problems);
            err.message = scalar(f.message, Problem::MessageWrongType, &mut err.problems);
            err.detail = scalar(f.request, Problem::RequestWrongType, &mut err.problems);
            None
        },
    )
}
