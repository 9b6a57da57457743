//! Alibaba Cloud (阿里云): its wire families.
//!
//! | family | module | feature |
//! |---|---|---|
//! | [`Family::AliyunApiGateway`](crate::Family::AliyunApiGateway) | [`apigateway`] | `aliyun-apigateway` |
//! | [`Family::AliyunHigressHmacAuth`](crate::Family::AliyunHigressHmacAuth) | [`higress_hmac_auth`] | `aliyun-higress-hmac-auth` |
//!
//! # Examples
//!
//! ```
//! use errcat::{Family, Vendor, aliyun};
//!
//! assert_eq!(
//!     Vendor::Aliyun.families(),
//!     [Family::AliyunApiGateway, Family::AliyunHigressHmacAuth]
//! );
//! assert_eq!(aliyun::apigateway::Code::QuotaExhausted.entry().family(), Family::AliyunApiGateway);
//! ```

pub mod apigateway;
pub mod higress_hmac_auth;
