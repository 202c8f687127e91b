//! Headings: a paragraph's level from its style (heading 1, 标题 1) or, where the document has
//! no heading styles, from its numbering (一、 / （一） / 1.).

use super::*;

/// A heading style's level from its name or id: "heading 1", "Heading1", "标题 1", "1".
pub(super) fn level_of_name(name: &str) -> Option<u8> {
    let t: String = name.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
    let digits = t.strip_prefix("heading").or_else(|| t.strip_prefix("标题")).unwrap_or(&t);
    match digits.parse::<u8>() {
        Ok(l) if (1..=MAX_LEVEL).contains(&l) => Some(l),
        _ => None,
    }
}

/// Paragraph styles: id → heading level, from `word/styles.xml` (name, `w:outlineLvl`,
/// `w:basedOn` followed up to 8 steps).
pub(super) fn style_levels(styles: Option<&Element>) -> Vec<(String, Option<u8>)> {
    let Some(root) = styles else { return vec![] };
    struct S {
        id: String,
        own: Option<u8>,
        based: Option<String>,
    }
    let list: Vec<S> = root
        .elements()
        .filter(|s| s.name == "style" && s.attr("type").is_none_or(|t| t == "paragraph"))
        .filter_map(|s| {
            let id = s.attr("styleId")?.to_string();
            let by_name = s.child("name").and_then(|n| n.attr("val")).and_then(level_of_name);
            let by_outline =
                s.child("pPr").and_then(|p| p.child("outlineLvl")).and_then(|o| o.attr("val")).and_then(|v| v.parse::<u8>().ok());
            let own = by_name.or_else(|| by_outline.filter(|&l| l < MAX_LEVEL).map(|l| l + 1));
            // A style that says outline level 9 (body text) is not a heading, whatever its base.
            let own = if by_name.is_none() && by_outline.is_some_and(|l| l >= MAX_LEVEL) { Some(0) } else { own };
            Some(S { id, own, based: s.child("basedOn").and_then(|b| b.attr("val")).map(str::to_string) })
        })
        .collect();
    list.iter()
        .map(|s| {
            let mut cur = s;
            let mut level = None;
            for _ in 0..8 {
                if let Some(l) = cur.own {
                    level = Some(l);
                    break;
                }
                match cur.based.as_deref().and_then(|b| list.iter().find(|x| x.id == b)) {
                    Some(next) => cur = next,
                    None => break,
                }
            }
            (s.id.clone(), level.filter(|&l| l > 0))
        })
        .collect()
}

/// A paragraph's heading level by style: its own `w:outlineLvl`, else its style's, else the
/// style id read as a name (when styles.xml is missing).
pub(super) fn style_level(p: &Element, styles: &[(String, Option<u8>)]) -> Option<u8> {
    let ppr = p.child("pPr")?;
    if let Some(l) = ppr.child("outlineLvl").and_then(|o| o.attr("val")).and_then(|v| v.parse::<u8>().ok()) {
        return (l < MAX_LEVEL).then(|| l + 1);
    }
    let id = ppr.child("pStyle")?.attr("val")?;
    match styles.iter().find(|(s, _)| s == id) {
        Some((_, l)) => *l,
        None => level_of_name(id),
    }
}

pub(super) const CN_NUMERALS: &str = "一二三四五六七八九十百零〇";

/// A heading's level from its numbering: 一、 → 1, （一） → 2, 1. / 1、 / 1．→ 3, （1） → 4.
pub fn numbering_level(text: &str) -> Option<u8> {
    let t = text.trim_start();
    let cn = |s: &str| !s.is_empty() && s.chars().count() <= 3 && s.chars().all(|c| CN_NUMERALS.contains(c));
    let ar = |s: &str| !s.is_empty() && s.len() <= 2 && s.chars().all(|c| c.is_ascii_digit());
    // （一） / (一) / （1）
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(rest) = t.strip_prefix(open) {
            let inner: String = rest.chars().take_while(|&c| c != close).collect();
            if rest[inner.len()..].starts_with(close) {
                if cn(&inner) {
                    return Some(2);
                }
                if ar(&inner) {
                    return Some(4);
                }
            }
            return None;
        }
    }
    let lead: String = t.chars().take_while(|c| CN_NUMERALS.contains(*c) || c.is_ascii_digit()).collect();
    let rest = &t[lead.len()..];
    if cn(&lead) && rest.starts_with('、') {
        return Some(1);
    }
    if ar(&lead) {
        let mut r = rest.chars();
        let (mark, next) = (r.next(), r.next());
        // "1." followed by a digit is a number (1.5万元), not a heading.
        if matches!(mark, Some('.' | '．' | '、')) && next.is_some_and(|c| !c.is_ascii_digit() && !c.is_whitespace() || c == ' ') {
            return Some(3);
        }
    }
    None
}

/// A heading's title as cited: up to its first 。/：/:, at most 40 characters.
pub(super) fn title_of(text: &str) -> String {
    let t = text.trim();
    let end = t.find(['。', '：', ':', '；']).unwrap_or(t.len());
    let head = t[..end].trim();
    if head.chars().count() > 40 {
        format!("{}…", head.chars().take(40).collect::<String>())
    } else {
        head.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_levels() {
        assert_eq!(numbering_level("一、基本情况"), Some(1));
        assert_eq!(numbering_level("十二、其他"), Some(1));
        assert_eq!(numbering_level("（三）部门整体收支情况"), Some(2));
        assert_eq!(numbering_level("(二)绩效"), Some(2));
        assert_eq!(numbering_level("1.预算执行"), Some(3));
        assert_eq!(numbering_level("2、产出"), Some(3));
        assert_eq!(numbering_level("3．效益"), Some(3));
        assert_eq!(numbering_level("（1）数量指标"), Some(4));
        for not in ["1.5万元", "2021年", "一是压实责任", "（注）", "正文", "", "（", "1."] {
            assert_eq!(numbering_level(not), None, "{not}");
        }
    }

    #[test]
    fn style_names() {
        assert_eq!(level_of_name("heading 1"), Some(1));
        assert_eq!(level_of_name("Heading2"), Some(2));
        assert_eq!(level_of_name("标题 3"), Some(3));
        assert_eq!(level_of_name("1"), Some(1));
        assert_eq!(level_of_name("Title"), None);
        assert_eq!(level_of_name("10"), None);
    }
}
