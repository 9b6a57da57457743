//! errcat's fuzz targets' shared code: the invariant checks ([`checks`], also compiled by
//! `tests/fuzz_corpus.rs`) and the `Arbitrary` input of the `explain` target.

mod checks;

pub use checks::*;

use arbitrary::{Arbitrary, Result, Unstructured};

/// Hand-written over [`ExplainInput::decode`], a total, human-writable format, so that the seed
/// corpus can be written by hand and replayed without `arbitrary` (`tests/fuzz_corpus.rs`).
/// libFuzzer hands a typed target `arbitrary_take_rest` of the whole input, which is `decode`.
impl<'a> Arbitrary<'a> for ExplainInput {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let bytes: &[u8] = u.arbitrary()?;
        Ok(Self::decode(bytes))
    }

    fn arbitrary_take_rest(u: Unstructured<'a>) -> Result<Self> {
        Ok(Self::decode(u.take_rest()))
    }
}
