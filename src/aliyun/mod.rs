//! Alibaba Cloud (阿里云): its wire families.
//!
//! | family | module | feature |
//! |---|---|---|
//! | [`Family::AliyunApiGateway`](crate::Family::AliyunApiGateway) | [`apigateway`] | `aliyun-apigateway` |

pub mod apigateway;
