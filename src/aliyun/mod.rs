//! Alibaba Cloud (阿里云): its wire families.
//!
//! | family | module | feature |
//! |---|---|---|
//! | [`Family::AliyunApiGateway`](crate::Family::AliyunApiGateway) | [`apigateway`] | `aliyun-apigateway` |
//!
//! # Examples
//!
//! ```
//! use errcat::{Family, Vendor, aliyun};
//!
//! assert_eq!(Vendor::Aliyun.families(), [Family::AliyunApiGateway]);
//! assert_eq!(aliyun::apigateway::Code::QuotaExhausted.entry().family(), Family::AliyunApiGateway);
//! ```

pub mod apigateway;
