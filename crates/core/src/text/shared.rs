//! Text copied out of the document into many results at once (a task's id on each of its
//! indicators, the rubric item an indicator counts under): written once and shared (`Arc<str>`),
//! so a result takes a reference instead of a copy. It reads as a `&str` (Deref, `as_str`),
//! compares with `&str` and `String` either way round, and serialises as a string, so results
//! read as before.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// Shared text (see the module doc).
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Shared(Arc<str>);

impl Shared {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `text`, sharing `last` when it holds the same text (consecutive results often repeat it).
    pub fn reuse(last: &mut Option<Shared>, text: &str) -> Shared {
        match last {
            Some(s) if s.as_str() == text => s.clone(),
            _ => {
                let s = Shared::from(text);
                *last = Some(s.clone());
                s
            }
        }
    }
}

impl From<&str> for Shared {
    fn from(s: &str) -> Shared {
        Shared(Arc::from(s))
    }
}

impl From<String> for Shared {
    fn from(s: String) -> Shared {
        Shared(Arc::from(s))
    }
}

impl std::ops::Deref for Shared {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Shared {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Shared {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Shared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::fmt::Debug for Shared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl PartialEq<str> for Shared {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Shared {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Shared {
    fn eq(&self, other: &String) -> bool {
        &*self.0 == other.as_str()
    }
}

impl PartialEq<Shared> for str {
    fn eq(&self, other: &Shared) -> bool {
        self == &*other.0
    }
}

impl PartialEq<Shared> for &str {
    fn eq(&self, other: &Shared) -> bool {
        *self == &*other.0
    }
}

impl PartialEq<Shared> for String {
    fn eq(&self, other: &Shared) -> bool {
        self.as_str() == &*other.0
    }
}

impl Serialize for Shared {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Shared {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Shared, D::Error> {
        String::deserialize(d).map(Shared::from)
    }
}

#[cfg(test)]
mod tests {
    use super::Shared;

    #[test]
    fn reads_compares_and_serialises_as_text() {
        for s in ["", "t1", "output", "一个较长的任务编号 with more than twenty-two bytes"] {
            let n = Shared::from(s);
            let owned = String::from(s);
            assert_eq!(n, s);
            assert_eq!(s, n);
            assert_eq!(owned, n);
            assert_eq!(n, owned);
            assert_eq!(n.as_str(), s);
            assert_eq!(serde_json::to_string(&n).unwrap(), serde_json::to_string(s).unwrap());
        }
        let mut last = None;
        let a = Shared::reuse(&mut last, "output");
        let b = Shared::reuse(&mut last, "output");
        assert!(std::sync::Arc::ptr_eq(&a.0, &b.0));
        assert_eq!(Shared::reuse(&mut last, "outcome"), "outcome");
    }
}
