//! Just enough XML for Office Open XML parts.
//!
//! Policy: writing escapes every text and attribute value and drops the characters XML 1.0
//! forbids (control characters other than tab and line breaks), so whatever an officer pasted
//! can never produce a file Word or Excel refuses. Reading builds a small element tree with
//! namespace prefixes removed (`x:row` and `row` are the same element), decodes the five named
//! entities and numeric character references, skips comments, processing instructions and
//! DOCTYPE (no entity is ever expanded), and reports malformed input as an error, never a panic.

/// The deepest element nesting read (Office parts nest a few dozen levels); deeper input is an
/// error, so no reader walking the tree can overflow the stack.
pub const MAX_DEPTH: usize = 512;

/// Escapes text or an attribute value, dropping characters XML 1.0 does not allow.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// An element: its local name (prefix removed), attributes (local names) and children.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Element {
    /// Local name, e.g. `c` for `<x:c>`.
    pub name: String,
    /// Attributes as (local name, decoded value), in document order.
    pub attrs: Vec<(String, String)>,
    /// Child nodes in order.
    pub children: Vec<Node>,
}

/// A child node.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    /// A child element.
    Element(Element),
    /// Character data (decoded).
    Text(String),
}

impl Element {
    /// The value of attribute `name` (local name).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// Child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element called `name`.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// Every descendant element called `name`, depth-first.
    pub fn descendants<'a>(&'a self, name: &'a str, out: &mut Vec<&'a Element>) {
        for e in self.elements() {
            if e.name == name {
                out.push(e);
            }
            e.descendants(name, out);
        }
    }

    /// All character data below this element, concatenated.
    pub fn text(&self) -> String {
        let mut s = String::new();
        fn go(e: &Element, s: &mut String) {
            for n in &e.children {
                match n {
                    Node::Text(t) => s.push_str(t),
                    Node::Element(c) => go(c, s),
                }
            }
        }
        go(self, &mut s);
        s
    }
}

/// A parse error with the byte offset where it was noticed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct XmlError {
    /// Byte offset in the input.
    pub at: usize,
    /// What was wrong.
    pub what: &'static str,
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// Decodes `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&#N;` and `&#xH;`; an unknown entity is
/// kept as written.
pub fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let Some(end) = after.find(';').filter(|&e| e <= 10) else {
            out.push('&');
            rest = after;
            continue;
        };
        let ent = &after[..end];
        let decoded = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ if ent.starts_with("#x") || ent.starts_with("#X") => u32::from_str_radix(&ent[2..], 16).ok().and_then(char::from_u32),
            _ if ent.starts_with('#') => ent[1..].parse::<u32>().ok().and_then(char::from_u32),
            _ => None,
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Parses a document and returns its root element.
pub fn parse(src: &str) -> Result<Element, XmlError> {
    let b = src.as_bytes();
    let mut stack: Vec<Element> = vec![Element { name: String::new(), ..Default::default() }];
    let mut i = 0;
    let err = |at, what| Err(XmlError { at, what });
    while i < b.len() {
        if b[i] != b'<' {
            let end = src[i..].find('<').map(|e| i + e).unwrap_or(b.len());
            let t = &src[i..end];
            if !t.trim().is_empty() || stack.len() > 1 {
                if let Some(top) = stack.last_mut() {
                    top.children.push(Node::Text(unescape(t)));
                }
            }
            i = end;
            continue;
        }
        let rest = &src[i..];
        if rest.starts_with("<!--") {
            match rest.find("-->") {
                Some(e) => i += e + 3,
                None => return err(i, "unterminated comment"),
            }
        } else if rest.starts_with("<![CDATA[") {
            match rest.find("]]>") {
                Some(e) => {
                    if let Some(top) = stack.last_mut() {
                        top.children.push(Node::Text(rest[9..e].to_string()));
                    }
                    i += e + 3;
                }
                None => return err(i, "unterminated CDATA"),
            }
        } else if rest.starts_with("<?") {
            match rest.find("?>") {
                Some(e) => i += e + 2,
                None => return err(i, "unterminated processing instruction"),
            }
        } else if rest.starts_with("<!") {
            match rest.find('>') {
                Some(e) => i += e + 1,
                None => return err(i, "unterminated declaration"),
            }
        } else if rest.starts_with("</") {
            let Some(e) = rest.find('>') else { return err(i, "unterminated end tag") };
            let name = local(rest[2..e].trim());
            if stack.len() < 2 {
                return err(i, "end tag without start tag");
            }
            let el = stack.pop().unwrap_or_default();
            if el.name != name {
                return err(i, "mismatched end tag");
            }
            if let Some(top) = stack.last_mut() {
                top.children.push(Node::Element(el));
            }
            i += e + 1;
        } else {
            // Start or empty tag: scan to the closing '>' outside quotes.
            let mut j = i + 1;
            let mut quote = 0u8;
            while j < b.len() {
                let c = b[j];
                if quote != 0 {
                    if c == quote {
                        quote = 0;
                    }
                } else if c == b'"' || c == b'\'' {
                    quote = c;
                } else if c == b'>' {
                    break;
                }
                j += 1;
            }
            if j >= b.len() {
                return err(i, "unterminated start tag");
            }
            let inner = &src[i + 1..j];
            let (inner, empty) = match inner.strip_suffix('/') {
                Some(s) => (s, true),
                None => (inner, false),
            };
            let el = start_tag(inner).map_err(|what| XmlError { at: i, what })?;
            if empty {
                if let Some(top) = stack.last_mut() {
                    top.children.push(Node::Element(el));
                }
            } else if stack.len() > MAX_DEPTH {
                return err(i, "nested too deeply");
            } else {
                stack.push(el);
            }
            i = j + 1;
        }
    }
    if stack.len() != 1 {
        return err(b.len(), "unclosed element");
    }
    let doc = stack.pop().unwrap_or_default();
    doc.children
        .into_iter()
        .find_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
        .ok_or(XmlError { at: 0, what: "no root element" })
}

fn start_tag(inner: &str) -> Result<Element, &'static str> {
    let inner = inner.trim();
    let name_end = inner.find(|c: char| c.is_whitespace()).unwrap_or(inner.len());
    let name = &inner[..name_end];
    if name.is_empty() {
        return Err("empty tag name");
    }
    let mut el = Element { name: local(name).to_string(), ..Default::default() };
    let mut rest = inner[name_end..].trim_start();
    while !rest.is_empty() {
        let Some(eq) = rest.find('=') else { return Err("attribute without value") };
        let key = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let q = after.chars().next().ok_or("attribute without value")?;
        if q != '"' && q != '\'' {
            return Err("unquoted attribute");
        }
        let Some(close) = after[1..].find(q) else { return Err("unterminated attribute") };
        let value = &after[1..1 + close];
        if !key.starts_with("xmlns") {
            el.attrs.push((local(key).to_string(), unescape(value)));
        }
        rest = after[close + 2..].trim_start();
    }
    Ok(el)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_and_unescape_round_trip() {
        let s = "A&B <c> \"d\" 'e' 绩效\u{1}";
        assert_eq!(escape(s), "A&amp;B &lt;c&gt; &quot;d&quot; &apos;e&apos; 绩效");
        assert_eq!(unescape(&escape("A&B <c>")), "A&B <c>");
        assert_eq!(unescape("&#x7EE9;&#25928; &foo; & x"), "绩效 &foo; & x");
    }

    #[test]
    fn parses_prefixed_elements_attributes_and_text() {
        let x = r#"<?xml version="1.0"?><!-- c --><x:root xmlns:x="u" a='1'><x:c r="A1" t="s"><v>3</v></x:c><t xml:space="preserve"> 绩 &amp; 效 </t><e/><![CDATA[<raw>]]></x:root>"#;
        let r = parse(x).unwrap();
        assert_eq!(r.name, "root");
        assert_eq!(r.attr("a"), Some("1"));
        let c = r.child("c").unwrap();
        assert_eq!(c.attr("r"), Some("A1"));
        assert_eq!(c.child("v").unwrap().text(), "3");
        assert_eq!(r.child("t").unwrap().text(), " 绩 & 效 ");
        assert!(r.child("e").is_some());
        assert!(r.text().contains("<raw>"));
    }

    #[test]
    fn malformed_is_an_error() {
        for bad in ["<a><b></a>", "<a", "<a b=c/>", "</a>", "<a>", ""] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
