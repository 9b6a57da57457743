//! The generated facts of one enabled family, read through `Family::info`.

use crate::{AnyCode, Classification, Source, StatusMeaning};

/// What `build/emit.rs` writes for each enabled family.
#[derive(Debug)]
pub(crate) struct Info {
    /// The documents its data files come from, one per file.
    pub(crate) sources: &'static [&'static Source],
    /// Every code of each table, in table and document order.
    pub(crate) tables: &'static [&'static [AnyCode]],
    /// Wire codes and aliases of all its tables.
    pub(crate) codes: phf::Map<&'static str, AnyCode>,
    /// Template codes: the text before `%s`, and the code.
    pub(crate) templates: &'static [(&'static str, AnyCode)],
    pub(crate) statuses: &'static [StatusMeaning],
    /// By HTTP status: 0, or 1 + the position of its meaning in `statuses`.
    pub(crate) status_index: Option<&'static [u8; 600]>,
    pub(crate) classifications: phf::Map<&'static str, Classification>,
}

impl Info {
    /// Whether `code` is one of the codes of its table number `table`. Each table is a typed
    /// enum of its own, wrapped in an `AnyCode` variant of its own (`build/emit.rs`), so this is
    /// a comparison of variants, not a scan of the table (the tests below hold the generated
    /// tables to it).
    #[inline]
    pub(crate) fn in_table(&self, table: usize, code: AnyCode) -> bool {
        self.tables
            .get(table)
            .and_then(|codes| codes.first())
            .is_some_and(|first| std::mem::discriminant(first) == std::mem::discriminant(&code))
    }
}

impl crate::Family {
    /// The HTTP status a code of this family carries by its form, listed or not, where the
    /// family's codes carry one: Alibaba Cloud API Gateway's `X-Ca-Error-Code` (`T429ID`: 429,
    /// [`aliyun::apigateway::status_of`](crate::aliyun::apigateway::status_of)) and Upyun REST's
    /// errno (`40100005`: 401, [`upyun::rest::status_of`](crate::upyun::rest::status_of)).
    /// `None` for any other family, or a code not of the form. Known whether or not the family's
    /// feature is on.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::Family;
    ///
    /// assert_eq!(Family::AliyunApiGateway.status_of_code("T429ID"), Some(429));
    /// assert_eq!(Family::UpyunRest.status_of_code("40399999"), Some(403));
    /// assert_eq!(Family::UpyunManagement.status_of_code("21402"), None);
    /// ```
    #[must_use]
    pub fn status_of_code(self, code: &str) -> Option<u16> {
        match self {
            Self::AliyunApiGateway => crate::aliyun::apigateway::status_of(code),
            Self::UpyunRest => crate::upyun::rest::status_of(code),
            _ => None,
        }
    }

    /// The family that sent `headers`, which are this family's documented headers: another
    /// family that answers with them claims them by their content (Alibaba Cloud API Gateway's
    /// `X-Ca-Error-Message` with the Higress `hmac-auth` plugin's string-to-sign in it is the
    /// plugin's), when `allowed`; else this family.
    pub(crate) fn sending_headers(
        self,
        headers: &crate::response::kit::Headers<'_>,
        allowed: impl Fn(&Self) -> bool,
    ) -> Self {
        let higress = Self::AliyunHigressHmacAuth;
        match self {
            Self::AliyunApiGateway
                if allowed(&higress) && crate::aliyun::higress_hmac_auth::claims(headers) =>
            {
                higress
            }
            family => family,
        }
    }

    /// The family, among the `allowed`, whose answer a plain-text body is: the Higress
    /// `hmac-auth` plugin's codes, each with the status the plugin sends it with.
    pub(crate) fn of_plain_text(
        bytes: &[u8],
        status: Option<u16>,
        allowed: impl Fn(&Self) -> bool,
    ) -> Option<Self> {
        let higress = Self::AliyunHigressHmacAuth;
        (allowed(&higress) && crate::aliyun::higress_hmac_auth::detect_text(bytes, status))
            .then_some(higress)
    }

    /// Whether `code` has the form of this family's codes, listed or not: always true, unless
    /// the family documents one form for all its codes (Upyun's management API: five digits, the
    /// first 1 or 2; its REST API: eight digits, the first 4 or 5) and `code` is not of it, or
    /// the family has no code at all (Cloudbypass's balance API: always false). Known whether or
    /// not the family's tables are compiled in.
    ///
    /// # Examples
    ///
    /// ```
    /// use errcat::Family;
    ///
    /// assert!(Family::UpyunRest.could_have("40399999"));
    /// assert!(!Family::UpyunRest.could_have("21402"));
    /// assert!(Family::UpyunManagement.could_have("21402"));
    /// assert!(Family::TencentCloudCommon.could_have("AnyThing.AtAll"));
    /// assert!(!Family::CloudbypassBalance.could_have("AnyThing.AtAll"));
    /// ```
    #[must_use]
    pub fn could_have(self, code: &str) -> bool {
        let Some((digits, first)) = self.code_format() else {
            return self.has_codes();
        };
        code.len() == digits
            && code.bytes().all(|b| b.is_ascii_digit())
            && code
                .bytes()
                .next()
                .is_some_and(|b| first.as_bytes().contains(&b))
    }
}

#[cfg(test)]
mod tests {
    use crate::Family;

    /// `Info::in_table` is a scan of the table, for every code of every table of every family.
    #[test]
    fn in_table_is_membership() {
        for family in Family::ALL {
            let Some(info) = family.info() else { continue };
            for (t, table) in info.tables.iter().enumerate() {
                for (other, codes) in info.tables.iter().enumerate() {
                    for &code in *codes {
                        assert_eq!(
                            info.in_table(t, code),
                            table.contains(&code),
                            "{family:?} table {t}, {code:?} of table {other}"
                        );
                    }
                }
            }
            if let Some(&code) = info.tables.first().and_then(|codes| codes.first()) {
                assert!(!info.in_table(info.tables.len(), code), "{family:?}");
            }
        }
    }
}
