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

use crate::text::lang::Text;

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
    /// The header of a JSON object's text; `None` when the text is not a JSON object (an array
    /// is not read as one, although serde would map its items to the fields).
    pub fn read(text: &str) -> Option<Header> {
        if not_an_object(text).is_some() {
            return None;
        }
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

/// What a JSON text that should be a file of ours holds, in words, when it is not a JSON object
/// (`None` when it starts like one). Checked on the first character only.
fn not_an_object(text: &str) -> Option<(&'static str, &'static str)> {
    Some(match text.trim_start().chars().next()? {
        '{' => return None,
        '[' => ("一个 JSON 数组（列表）", "a JSON array (a list)"),
        '"' => ("一个 JSON 字符串", "a JSON string"),
        'n' => ("JSON 的 null", "a JSON null"),
        't' | 'f' => ("一个 JSON 布尔值", "a JSON boolean"),
        '-' | '0'..='9' => ("一个数字", "a number"),
        _ => ("不是 JSON 的内容", "something that is not JSON"),
    })
}

/// The kinds of file this tool writes, by `format`, as (format, zh, en): named when a file of
/// one kind is handed to the reader of another.
const KNOWN: &[(&str, &str, &str)] = &[
    ("selfcheck/self-evaluation", "自评文件", "a self-evaluation file"),
    ("selfcheck/rubric", "评分标准文件", "a rubric file"),
    ("selfcheck/drafts", "本工具保存在浏览器中的草稿数据", "the drafts this tool keeps in the browser"),
];

/// Why `text` is not a file of kind `format`, version 1–`max_version`, that this build can read;
/// `None` when its header is right (or when the text is not valid JSON at all: then the JSON
/// parser's positioned error says more). `what` names the kind ("自评文件", "a self-evaluation").
///
/// Policy (docs/format.md, "Versioning"): a file with no `format` or `version` is refused, never
/// read as a blank document. Every file this tool has ever written carries both.
pub fn refusal(text: &str, format: &str, max_version: u64, what: (&str, &str)) -> Option<Text> {
    let (wz, we) = what;
    if text.trim().is_empty() {
        return Some(Text::new(format!("文件是空的，不是{wz}"), format!("the file is empty: it is not {we}")));
    }
    if let Some((dz, de)) = not_an_object(text) {
        return Some(Text::new(
            format!("不是{wz}：文件内容是{dz}，而{wz}是一个 JSON 对象（以“{{”开头，写有 \"format\": \"{format}\"）"),
            format!("not {we}: the file holds {de}, while {we} is a JSON object (starting with '{{', with \"format\": \"{format}\")"),
        ));
    }
    let h = Header::read(text)?;
    let found = h.format();
    if h.format.is_none() {
        return Some(Text::new(
            format!("不是{wz}：没有 format 字段（{wz}写有 \"format\": \"{format}\"），可能是其他软件的 JSON 文件"),
            format!("not {we}: it has no 'format' field ({we} has \"format\": \"{format}\"); it may be another program's JSON"),
        ));
    }
    if found != format {
        if let Some((_, kz, ke)) = KNOWN.iter().find(|(f, _, _)| *f == found) {
            return Some(Text::new(format!("这是{kz}，不是{wz}"), format!("this is {ke}, not {we}")));
        }
        let raw = text_of(&h.format);
        return Some(Text::new(
            format!("不是{wz}：format 应为“{format}”，实为 {raw}"),
            format!("not {we}: format should be '{format}', found {raw}"),
        ));
    }
    if h.version.is_none() {
        return Some(Text::new(
            format!("{wz}缺少版本号 version 字段（本工具读取版本 1–{max_version}）"),
            format!("{we} without a 'version' field (this tool reads versions 1–{max_version})"),
        ));
    }
    let v = h.version();
    if v == 0 {
        let raw = text_of(&h.version);
        return Some(Text::new(
            format!("版本号 version 应为 1–{max_version} 的整数，实为 {raw}"),
            format!("version should be a whole number 1–{max_version}, found {raw}"),
        ));
    }
    if v > max_version {
        return Some(Text::new(
            format!("不支持的版本 {v}：此文件由较新的版本写成，本工具读取版本 1–{max_version}，请使用新版工具"),
            format!("unsupported version {v}: the file was written by a newer build; this tool reads versions 1–{max_version}"),
        ));
    }
    None
}

/// A UTF-8 byte order mark at the start of a text, which editors on Windows add and JSON
/// parsers refuse, is dropped.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
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
        for t in ["{not json", "", "\"x\"", "3", "[\"a/b\", 2]", "[]"] {
            assert!(Header::read(t).is_none(), "{t}");
        }
    }
}
