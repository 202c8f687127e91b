//! Rules on the narrative against the figures (`narrative.*`): one rule a file; this file holds
//! how a claim is found in the text (also used by the report cross-check).

pub mod claims_all_met;
pub mod figure_differs_from_indicator;

/// The sentence (between Chinese or ASCII full stops) around byte offset `at`, at most 60 chars.
pub fn sentence_around(text: &str, at: usize) -> String {
    let stops = ['。', '；', '！', '\n', ';'];
    let start = text[..at].rfind(stops).map(|i| i + text[i..].chars().next().map_or(1, char::len_utf8)).unwrap_or(0);
    let end = text[at..].find(stops).map(|i| at + i).unwrap_or(text.len());
    let s: String = text[start..end].trim().chars().take(60).collect();
    s
}

/// Characters that negate a claim when they come just before it: 未全部完成, 尚未全部完成,
/// 没有全部完成, 并非均已完成, 不能全部完成.
const NEGATIONS: [char; 4] = ['未', '没', '非', '不'];

/// Byte offset of the first occurrence of `phrase` in `text` that is not negated: none of 未, 没,
/// 非, 不 among the three characters before it.
pub fn find_claim(text: &str, phrase: &str) -> Option<usize> {
    if phrase.is_empty() {
        return None;
    }
    text.match_indices(phrase).map(|(at, _)| at).find(|&at| !text[..at].chars().rev().take(3).any(|c| NEGATIONS.contains(&c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_negated_claim_is_not_a_claim() {
        assert_eq!(find_claim("各项目标均已完成。", "均已完成"), Some("各项目标".len()));
        for t in ["目标未全部完成。", "尚未全部完成", "没有全部完成", "未能全部完成", "不能全部完成"] {
            assert_eq!(find_claim(t, "全部完成"), None, "{t}");
        }
        // The first claim is negated, a later one is not.
        assert_eq!(find_claim("A 未全部完成；B 全部完成", "全部完成"), Some("A 未全部完成；B ".len()));
        assert_eq!(find_claim("abc", ""), None);
    }

    #[test]
    fn the_sentence_around_a_claim() {
        let t = "第一句。劳模相关任务绩效目标均已完成，体检为85.79%。第三句";
        let at = t.find("均已完成").unwrap();
        assert_eq!(sentence_around(t, at), "劳模相关任务绩效目标均已完成，体检为85.79%");
    }
}
