//! The indicator table: one indicator per row, its levels, values, weight, score and reasons.

use super::*;

pub(super) fn indicators(cx: &mut Ctx, acc: &mut Acc, t: &TableAt, end: u32) {
    let s = cx.s;
    acc.parts.insert(Part::Tasks);
    for r in t.top..=t.bottom {
        for (_, &c) in t.cols.iter() {
            cx.take(r, c);
            if let Some(a) = s.anchor(r, c) {
                cx.used.insert(a);
            }
        }
    }
    // A group header merged over the level columns (绩效指标) belongs to the header.
    for r in t.top..=t.bottom {
        for (c, _) in s.row(r) {
            let v = s.own(r, c);
            if !v.is_empty() && norm(v).contains("指标") && !t.others.contains_key(&c) {
                cx.used.insert((r, c));
            }
        }
    }
    let name = acc.pending_task.take().or_else(|| acc.project.clone()).unwrap_or_default();
    let mut task = Task { id: format!("t{}", acc.doc.tasks.len() + 1), name, indicators: Vec::new() };
    let content = ["name", "target", "target_adjusted", "actual", "weight", "score", "reason", "measure", "unit", "direction"];
    let mut first = None;
    let mut last = t.bottom;
    let mut n_before: usize = acc.doc.tasks.iter().map(|t| t.indicators.len()).sum();
    for r in s.rows().into_iter().filter(|&r| r > t.bottom && r <= end) {
        // A total row ends the table: 总分 in any of the row's first cells.
        let cells = s.row(r);
        let lead = cells.iter().map(|(_, v)| *v).find(|v| !v.trim().is_empty()).unwrap_or("");
        if TOTAL_WORDS.contains(&norm(lead).as_str()) || norm(lead).starts_with("年度目标") {
            break;
        }
        // A subtotal row (小计 / 合计) is added up by the checker, not read as an indicator.
        if matches!(norm(lead).as_str(), "小计" | "合计" | "合计得分" | "分项合计") {
            for (c, _) in cells.iter().filter(|(c, _)| s.anchor(r, *c).is_none()) {
                cx.unplace(r, *c, Text::new("小计行：由本工具相加核对，未读取", "a subtotal row: added up by the checker, not read"));
            }
            continue;
        }
        let own_content = content.iter().any(|k| t.cols.get(k).is_some_and(|&c| !s.own(r, c).trim().is_empty()));
        if !own_content {
            // A row with only its (merged) level labels: a template row left empty.
            for k in ["l1", "l2"] {
                if let Some(&c) = t.cols.get(k) {
                    let v = s.own(r, c);
                    if !v.trim().is_empty() && s.anchor(r, c).is_none() && !s.spans_down(r, c) {
                        cx.unplace(
                            r,
                            c,
                            Text::new("指标行没有指标名称、指标值或完成值", "an indicator row with no name, target or actual value"),
                        );
                    }
                }
            }
            continue;
        }
        // A template row left in: only "指标1：" (or "……") where the name goes.
        let only_name = content.iter().filter(|k| **k != "name").all(|k| t.cols.get(k).is_none_or(|&c| s.own(r, c).trim().is_empty()));
        if only_name {
            if let Some(&c) = t.cols.get("name") {
                let n = norm(s.own(r, c));
                let template = n.trim_start_matches("指标").trim_end_matches(['…', '.', '。']).chars().all(|ch| ch.is_ascii_digit());
                if template {
                    let why = Text::new("模板占位行：只有“指标N：”，没有指标内容", "a template row: only 'indicator N:', no content");
                    cx.unplace(r, c, why.clone());
                    for k in ["l1", "l2"] {
                        if let Some(&lc) = t.cols.get(k) {
                            if !s.own(r, lc).trim().is_empty() && s.anchor(r, lc).is_none() {
                                cx.unplace(r, lc, why.clone());
                            }
                        }
                    }
                    continue;
                }
            }
        }
        first.get_or_insert(r);
        last = r;
        let mut vals: BTreeMap<&str, String> = BTreeMap::new();
        for (k, &c) in &t.cols {
            vals.insert(k, cx.take(r, c));
        }
        let get = |k: &str| vals.get(k).cloned().unwrap_or_default();
        let (l1, l2) = (get("l1"), get("l2"));
        let mut target = get("target");
        let adjusted = get("target_adjusted");
        if !adjusted.trim().is_empty() && adjusted.trim() != target.trim() {
            if let Some(&c) = t.cols.get("target") {
                if !target.trim().is_empty() {
                    cx.used.remove(&(r, c));
                    cx.unplace(
                        r,
                        c,
                        Text::new(
                            format!("年初指标值（按调整指标值“{}”读取）", adjusted.trim()),
                            format!("the initial target (read the adjusted target '{}')", adjusted.trim()),
                        ),
                    );
                }
            }
            target = adjusted;
        }
        let direction_text = get("direction");
        let direction = match words::direction_of(&direction_text) {
            Some(d) => d.to_string(),
            // 定量 (quantitative) says only "not 定性": the target's sign decides.
            None if norm(&direction_text) == "定量" => String::new(),
            None => direction_text.clone(),
        };
        // 一级 alone names 满意度 (the one category without a 二级): 满意度指标 | 群众满意度指标.
        let by_levels = words::category_of_levels(&l1, &l2).filter(|c| !c.is_empty());
        let by_top = || words::category_of_levels(&l1, "").filter(|c| *c == "满意度");
        let category = match by_levels.or_else(by_top) {
            Some(c) => c.to_string(),
            _ => {
                if l2.trim().is_empty() {
                    l1.trim().to_string()
                } else {
                    l2.trim().to_string()
                }
            }
        };
        n_before += 1;
        acc.levels.push(if l1.trim().is_empty() { category.clone() } else { l1.clone() });
        task.indicators.push(Indicator {
            id: format!("i{n_before}"),
            name: get("name"),
            category,
            direction,
            unit: get("unit"),
            target,
            actual: get("actual"),
            weight: get("weight"),
            stated_score: get("score"),
            reason: get("reason"),
            measure: get("measure"),
            ..Default::default()
        });
    }
    let rows = (first.unwrap_or(t.bottom + 1), last.max(t.bottom + 1));
    for (k, &c) in &t.cols {
        cx.map_col(c, rows, field_name(k, false));
    }
    cx.map_rows((t.top, t.bottom), Text::new("绩效指标表表头", "indicator table header"));
    cx.map_rows(rows, Text::new(format!("绩效指标（{} 个）", task.indicators.len()), format!("indicators ({})", task.indicators.len())));
    for (&c, h) in &t.others {
        unread_column(cx, t, c, h, rows.1);
    }
    if !task.indicators.is_empty() || !task.name.is_empty() {
        acc.doc.tasks.push(task);
    }
}
