//! `code_table!`: the hand-written half of every generated code enum. `build/emit.rs` writes the
//! enum, its entry table and its phf map into `src/tables.rs`, then invokes this macro for the
//! impls, so that the behaviour is ordinary, reviewable Rust rather than text in a generator.

/// Implements the API of a generated code enum.
#[allow(unused_macros, reason = "unused when no family's feature is enabled")]
macro_rules! code_table {
    (
        ty: $ty:ident,
        entries: $entries:ident,
        by_wire: $by_wire:ident,
        family: $family:ident,
        any: $any:ident,
        path: $path:literal,
        example: ($code:literal, $name:ident),
    ) => {
        impl $ty {
            /// The catalog entry: messages, kind, retry advice, HTTP status, docs.
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("let entry = ", $path, "::", stringify!($name), ".entry();")]
            #[doc = concat!("assert_eq!(entry.code(), ", stringify!($code), ");")]
            #[doc = concat!("assert_eq!(entry.name(), \"", stringify!($name), "\");")]
            /// ```
            #[must_use]
            // `&self`, like `ApiError::entry`, so that the inherent method always wins method
            // resolution: `code.entry()` is the entry, never `Option`, with the trait in scope.
            #[allow(clippy::trivially_copy_pass_by_ref)]
            #[inline]
            pub fn entry(&self) -> &'static crate::Entry {
                &$entries[*self as usize]
            }

            /// The wire code, exactly as the vendor sends it.
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("assert_eq!(", $path, "::", stringify!($name), ".as_str(), ", stringify!($code), ");")]
            /// ```
            #[must_use]
            pub fn as_str(self) -> &'static str {
                self.entry().wire
            }

            /// The code for a wire code or a documented alias, in O(1); `None` if the table does
            /// not document it. Exact match: no trimming, case-sensitive.
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("use ", $path, ";")]
            ///
            #[doc = concat!("assert_eq!(", stringify!($ty), "::from_code(", stringify!($code), "), Some(", stringify!($ty), "::", stringify!($name), "));")]
            #[doc = concat!("assert_eq!(", stringify!($ty), "::from_code(\"no such code\"), None);")]
            /// ```
            #[must_use]
            #[inline]
            pub fn from_code(code: &str) -> Option<Self> {
                $by_wire.get(code).copied()
            }
        }

        impl ::std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.entry().name)
            }
        }

        /// Writes the wire code.
        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        /// Parses a wire code or a documented alias.
        impl ::std::str::FromStr for $ty {
            type Err = crate::UnknownCode;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::from_code(s).ok_or(crate::UnknownCode::new($path))
            }
        }

        /// Parses a wire code or a documented alias.
        impl TryFrom<&str> for $ty {
            type Error = crate::UnknownCode;

            fn try_from(s: &str) -> Result<Self, Self::Error> {
                s.parse()
            }
        }

        /// Serializes as the wire code.
        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        /// Deserializes from the wire code or a documented alias.
        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let s = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(deserializer)?;
                s.parse().map_err(::serde::de::Error::custom)
            }
        }

        impl crate::ApiError for $ty {
            fn family(&self) -> crate::Family {
                crate::Family::$family
            }

            fn code(&self) -> &str {
                self.as_str()
            }

            fn entry(&self) -> Option<&'static crate::Entry> {
                Some($ty::entry(self))
            }
        }

        impl From<$ty> for crate::AnyCode {
            fn from(code: $ty) -> Self {
                Self::$any(code)
            }
        }
    };
}

#[allow(unused_imports, reason = "unused when no family's feature is enabled")]
pub(crate) use code_table;
