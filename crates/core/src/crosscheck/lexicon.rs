//! The words a clause is read by: row aliases, rate, amount and budget words, comparisons,
//! thresholds, references, the report's headings; and the small text helpers over them.

pub(super) const TOTAL_ALIASES: &[&str] = &["合计", "总执行率", "总体", "整体", "总预算", "总支出", "总计", "全部资金"];
pub(super) const RATE_WORDS: &[&str] = &["执行率", "完成预算", "预算完成率", "预算执行", "支出进度", "执行进度"];
pub(super) const ACTUAL_WORDS: &[&str] =
    &["执行数", "支出决算", "决算支出", "决算数", "实际支出", "支出数", "已支出", "执行金额", "完成支出"];
/// Words that put a figure in another year (上年结转 is a row of this year's table, not a year).
pub(super) const OTHER_YEAR_WORDS: &[&str] = &["上年", "去年", "上一年", "上年度", "前一年"];
pub(super) const BUDGET_WORDS: &[&str] = &["预算数", "预算", "年初", "调整后"];
pub(super) const COMPARE_WORDS: &[&str] = &[
    "高于",
    "低于",
    "高出",
    "低出",
    "超过",
    "超出",
    "提高",
    "提升",
    "下降",
    "降低",
    "上升",
    "增长",
    "增加",
    "减少",
    "多出",
    "少于",
    "多于",
    "相比",
    "比上年",
    "较上年",
    "较去年",
    "同比",
    "环比",
    "扣",
];
pub(super) const RATE_NOUNS: &[&str] = &["率", "比例", "比重", "占比"];
/// Words that make a percentage a threshold, not a level ("未达100%", "90%以上").
pub(super) const THRESHOLD_WORDS: &[&str] = &["未达", "不足", "不低于", "不高于", "不少于", "不超过", "以上", "以下", "达标线"];
/// Words naming what a rate is compared with: with a comparison word they make a difference.
pub(super) const REFERENCE_WORDS: &[&str] = &["平均", "上年", "去年", "同期", "全省", "全市", "全国", "上一年", "往年", "比"];
/// The outline's headings: a PDF copy runs them into the next sentence, so a quote or a claim's
/// scope starts after the last one found.
pub(super) const HEADINGS: &[&str] = &[
    "基本情况",
    "部门概况",
    "年度总体工作和重点工作任务",
    "部门整体收支情况",
    "部门整体绩效管理情况",
    "综合评价分析",
    "自评结论综述",
    "各项工作任务绩效目标完成情况分析及主要工作成效",
    "存在的主要问题",
    "下一步改进措施",
];

/// Byte offset just after the last outline heading in `s`, or 0.
pub(super) fn after_heading(s: &str) -> usize {
    HEADINGS.iter().filter_map(|h| s.rfind(h).map(|p| p + h.len())).max().unwrap_or(0)
}

pub(super) const GENERIC: &[&str] = &[
    "各项", "相关", "任务", "绩效", "目标", "指标", "工作", "年度", "全部", "均已", "完成", "情况", "分析", "主要", "成效", "以及", "和",
    "的", "及", "各", "等",
];

pub(super) fn last_of(hay: &str, words: &[&str]) -> Option<(usize, usize)> {
    words.iter().filter_map(|w| hay.rfind(w).map(|p| (p + w.len(), w.len()))).max()
}

pub(super) fn any_of(hay: &str, words: &[&str]) -> bool {
    words.iter().any(|w| hay.contains(w))
}

/// Length in chars of the longest common substring.
pub(super) fn lcs(a: &[char], b: &[char]) -> usize {
    let mut best = 0;
    let mut prev = vec![0usize; b.len() + 1];
    for x in a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            if x == y {
                cur[j + 1] = prev[j] + 1;
                best = best.max(cur[j + 1]);
            }
        }
        prev = cur;
    }
    best
}

pub(super) fn factor(unit: &str) -> u64 {
    match unit.trim() {
        "元" => 1,
        "亿元" => 100_000_000,
        _ => 10_000,
    }
}
