//! The accessors of [`ParsedError`] that 0.2 moved: the family-specific ones to each family's
//! view (`tencent_cloud::cdn::Details`, `upyun::management::Details`,
//! `aliyun::apigateway::Details`), `message` and `status` to names that say whose they are.
//! Kept, deprecated, for one release (README, "Changes in 0.2"); removed in 0.3.

use super::ParsedError;
use crate::{Family, upyun};

impl ParsedError<'_> {
    /// Tencent CDN: the module code from the start of the message, as received, documented or not.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response, tencent_cloud::cdn::Details};
    ///
    /// let body = r#"{"code": 4000, "message": "(2130)非法ProjectID参数"}"#;
    /// let Outcome::Error(err) = Response::new(body.as_bytes()).explain()? else { panic!() };
    /// #[allow(deprecated)]
    /// let module = err.module_code();
    /// assert_eq!(module, Some("2130"));
    /// // The replacement: the family's view.
    /// assert_eq!(Details::of(&err).unwrap().module_code(), Some("2130"));
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[deprecated(
        since = "0.2.0",
        note = "use `errcat::tencent_cloud::cdn::Details::of(&err)`"
    )]
    #[must_use]
    pub fn module_code(&self) -> Option<&str> {
        self.detail_of(Family::TencentCdn)
    }

    /// Tencent CDN: the typed module code, when the catalog documents it.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response, tencent_cloud::cdn::{Details, ModuleCode}};
    ///
    /// let body = r#"{"code": 4000, "message": "(2130)非法ProjectID参数"}"#;
    /// let Outcome::Error(err) = Response::new(body.as_bytes()).explain()? else { panic!() };
    /// #[allow(deprecated)]
    /// let module = err.typed_module_code();
    /// assert_eq!(module, Some(ModuleCode::InvalidProjectId));
    /// // The replacement: the family's view.
    /// assert_eq!(Details::of(&err).unwrap().typed_module_code(), Some(ModuleCode::InvalidProjectId));
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[cfg(feature = "tencent-cloud-cdn")]
    #[deprecated(
        since = "0.2.0",
        note = "use `errcat::tencent_cloud::cdn::Details::of(&err)`"
    )]
    #[must_use]
    pub fn typed_module_code(&self) -> Option<crate::tencent_cloud::cdn::ModuleCode> {
        match self.detail_code {
            Some(crate::AnyCode::TencentCdnModule(code)) => Some(code),
            _ => None,
        }
    }

    /// The vendor's message as received.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{ApiError, Outcome, Response};
    ///
    /// let body = br#"{"error_code": "21402", "request": "PUT /operators/", "message": "m"}"#;
    /// let Outcome::Error(err) = Response::new(body).with_status(409).explain()? else { panic!() };
    /// #[allow(deprecated)]
    /// let message = err.message();
    /// assert_eq!(message, Some("m"));
    /// // Its replacement, and the catalog's text, which `ApiError::message` is.
    /// assert_eq!(err.received_message(), Some("m"));
    /// assert_eq!(ApiError::message(&err).unwrap().en, "Operator already exists.");
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[deprecated(
        since = "0.2.0",
        note = "use `received_message`; `ApiError::message` is the catalog's text"
    )]
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Upyun: the structure (level, module) of the raw code, decoded only for codes of the
    /// documented five-digit family. Moved to the family's view,
    /// [`upyun::management::Details`](crate::upyun::management::Details).
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response, upyun::management::{Details, Level}};
    ///
    /// let body = br#"{"error_code": "21402", "request": "PUT /operators/", "message": "m"}"#;
    /// let Outcome::Error(err) = Response::new(body).with_status(409).explain()? else { panic!() };
    /// #[allow(deprecated)]
    /// let structure = err.upyun_structure().unwrap();
    /// assert_eq!((structure.level(), structure.module(), structure.error()), (Level::Module, 14, 2));
    /// // The replacement: the family's view.
    /// assert_eq!(Details::of(&err).unwrap().structure(), Some(structure));
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[deprecated(
        since = "0.2.0",
        note = "use `errcat::upyun::management::Details::of(&err)`"
    )]
    #[must_use]
    pub fn upyun_structure(&self) -> Option<upyun::management::Structure> {
        if self.family != Family::UpyunManagement {
            return None;
        }
        self.raw_code
            .as_deref()
            .and_then(upyun::management::Structure::parse)
    }

    /// Upyun: the request line the vendor echoes (`PUT /operators/`).
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response, upyun::management::Details};
    ///
    /// let body = br#"{"error_code": "21402", "request": "PUT /operators/", "message": "m"}"#;
    /// let Outcome::Error(err) = Response::new(body).with_status(409).explain()? else { panic!() };
    /// #[allow(deprecated)]
    /// let request = err.request();
    /// assert_eq!(request, Some("PUT /operators/"));
    /// // The replacement: the family's view.
    /// assert_eq!(Details::of(&err).unwrap().request(), Some("PUT /operators/"));
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[deprecated(
        since = "0.2.0",
        note = "use `errcat::upyun::management::Details::of(&err)`"
    )]
    #[must_use]
    pub fn request(&self) -> Option<&str> {
        self.detail_of(Family::UpyunManagement)
    }

    /// Aliyun: the `X-Ca-Error-Code` header dedicated and VPC instances send, as received (when
    /// not empty, it is also the raw code).
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response, aliyun::apigateway::Details};
    ///
    /// let headers = [("X-Ca-Error-Message", "Quota Exhausted"), ("X-Ca-Error-Code", "B403QE")];
    /// let outcome = Response::new(b"").with_status(403).with_headers(&headers).explain()?;
    /// let Outcome::Error(err) = outcome else { panic!() };
    /// #[allow(deprecated)]
    /// let header = err.error_code_header();
    /// assert_eq!(header, Some("B403QE"));
    /// // The replacement: the family's view.
    /// assert_eq!(Details::of(&err).unwrap().error_code_header(), Some("B403QE"));
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[deprecated(
        since = "0.2.0",
        note = "use `errcat::aliyun::apigateway::Details::of(&err)`"
    )]
    #[must_use]
    pub fn error_code_header(&self) -> Option<&str> {
        self.detail_of(Family::AliyunApiGateway)
    }

    /// The response's HTTP status, if given.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::{Outcome, Response};
    ///
    /// let body = br#"{"error_code": "21402", "request": "PUT /operators/", "message": "m"}"#;
    /// let Outcome::Error(err) = Response::new(body).with_status(409).explain()? else { panic!() };
    /// #[allow(deprecated)]
    /// let status = err.status();
    /// assert_eq!(status, err.response_status());
    /// assert_eq!(status, Some(409));
    /// # Ok::<(), errcat::ParseError>(())
    /// ```
    #[deprecated(
        since = "0.2.0",
        note = "use `response_status`; `ApiError::http_status` is the documented status"
    )]
    #[must_use]
    pub fn status(&self) -> Option<u16> {
        self.status
    }
}
