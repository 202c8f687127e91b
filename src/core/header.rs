//! Reading the `format` and `version` of a JSON file before its body, without a JSON tree.
//!
//! Policy: a file of another kind, or of a newer version, is refused for what it is ("not a
//! self-evaluation", "version 3 is newer") rather than for the first field whose type does not
//! match. To learn that, only these two fields are read; every other field is skipped unparsed.
//! Fields are kept as their raw JSON text ([`Raw`]) and typed only when asked for, so one field
//! of the wrong type does not hide the others, and a part kept aside (a stored draft that cannot
//! be read) is kept byte for byte as it was, not re-serialised from a tree.

use serde::Deserialize;
use serde_json::value::RawValue;

/// A field as its raw JSON text; `None` when absent or `null`.
pub type Raw = Option<Box<RawValue>>;

/// The field as a string, when it is one.
pub fn str_of(r: &Raw) -> Option<String> {
    r.as_ref().and_then(|r| serde_json::from_str::<String>(r.get()).ok())
}

/// The field as a non-negative integer, when it is one.
pub fn u64_of(r: &Raw) -> Option<u64> {
    r.as_ref().and_then(|r| serde_json::from_str::<u64>(r.get()).ok())
}

/// The field as a number, when it is one.
pub fn f64_of(r: &Raw) -> Option<f64> {
    r.as_ref().and_then(|r| serde_json::from_str::<f64>(r.get()).ok())
}

/// The raw text of the field (`""` when absent).
pub fn text_of(r: &Raw) -> &str {
    r.as_ref().map(|r| r.get()).unwrap_or("")
}

/// The two fields every file of ours starts with.
#[derive(Deserialize, Default)]
pub struct Header {
    /// `format`: which kind of file this is.
    #[serde(default)]
    pub format: Raw,
    /// `version`: the format's version.
    #[serde(default)]
    pub version: Raw,
}

impl Header {
    /// The header of a JSON object's text; `None` when the text is not a JSON object.
    pub fn read(text: &str) -> Option<Header> {
        serde_json::from_str(text).ok()
    }

    /// `format` as a string (`""` when absent or not a string).
    pub fn format(&self) -> String {
        str_of(&self.format).unwrap_or_default()
    }

    /// `version` as an integer (0 when absent or not a non-negative integer).
    pub fn version(&self) -> u64 {
        u64_of(&self.version).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_header_and_skips_the_rest() {
        let h = Header::read(r#"{"tasks":[{"x":[1,2,{"y":null}]}],"format":"a/b","version":2,"z":"\u00e9"}"#).unwrap();
        assert_eq!(h.format(), "a/b");
        assert_eq!(h.version(), 2);
    }

    #[test]
    fn wrong_types_read_as_absent() {
        let h = Header::read(r#"{"format":7,"version":"2"}"#).unwrap();
        assert_eq!(h.format(), "");
        assert_eq!(h.version(), 0);
        assert_eq!(text_of(&h.format), "7");
        let h = Header::read(r#"{"version":-1}"#).unwrap();
        assert_eq!(h.version(), 0);
    }

    #[test]
    fn text_that_is_not_an_object_has_no_header() {
        for t in ["{not json", "", "\"x\"", "3"] {
            assert!(Header::read(t).is_none(), "{t}");
        }
    }
}
