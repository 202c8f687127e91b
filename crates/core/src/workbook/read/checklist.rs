//! A checklist-style rubric (一级指标 分值 | 二级指标 分值 | 三级指标 分值 | 评分标准 | 指标说明 | 得分):
//! the rubric becomes the document's own, each item a node scored by judgement with its
//! criteria, each 得分 the unit's stated score of that item.
//!
//! Each level's weight is the 分值 column right of it; 一级 and 二级 cells merged over their rows
//! give every row its parents. An item with no weight is still read (the checker holds its score
//! to the whole); 指标说明 is kept with the criteria.

use super::*;

/// The weight column of a level: the first 分值 column right of `level`, before the next level.
fn weight_of(t: &TableAt, level: usize) -> Option<usize> {
    let next = ["l1", "l2", "name"].iter().filter_map(|k| t.cols.get(k).copied()).filter(|&c| c > level).min().unwrap_or(usize::MAX);
    t.weights.iter().copied().find(|&w| w > level && w < next)
}

/// The index in `list` of the node named `name`, made (its id `prefix` + its position, its
/// weight) when it is not there yet.
fn child(list: &mut Vec<Node>, prefix: &str, name: &str, weight: String) -> usize {
    if let Some(i) = list.iter().position(|n| n.name == name) {
        return i;
    }
    list.push(Node {
        id: format!("{prefix}{}", list.len() + 1),
        name: name.to_string(),
        weight,
        method: Method::Auto,
        ..Default::default()
    });
    list.len() - 1
}

/// One row of the checklist, as typed.
struct Item {
    levels: Vec<(String, String)>,
    name: String,
    weight: String,
    criteria: String,
    score: String,
}

pub(super) fn checklist(cx: &mut Ctx, acc: &mut Acc, t: &TableAt, end: u32) {
    let s = cx.s;
    for r in t.top..=t.bottom {
        for (c, _) in s.row(r) {
            if t.cols.values().any(|&x| x == c) || t.weights.contains(&c) {
                cx.take(r, c);
            }
        }
    }
    let col = |k: &str| t.cols.get(k).copied();
    // The item's own name: 三级指标, or 二级 when the table has no third level.
    let (item_col, parents): (Option<usize>, Vec<usize>) = match col("name") {
        Some(n) => (Some(n), [col("l1"), col("l2")].into_iter().flatten().collect()),
        None => (col("l2"), col("l1").into_iter().collect()),
    };
    let Some(item_col) = item_col else { return };
    let parent_cols: Vec<(usize, Option<usize>)> = parents.iter().map(|&c| (c, weight_of(t, c))).collect();
    let item_weight = weight_of(t, item_col);
    let mut items = Vec::new();
    let mut first = None;
    let mut last = t.bottom;
    for r in s.rows().into_iter().filter(|&r| r > t.bottom && r <= end) {
        let lead = s.row(r).iter().map(|(_, v)| *v).find(|v| !v.trim().is_empty()).unwrap_or("").to_string();
        if TOTAL_WORDS.contains(&norm(&lead).as_str()) {
            break;
        }
        let name = cx.take(r, item_col).trim().to_string();
        if name.is_empty() {
            continue;
        }
        first.get_or_insert(r);
        last = r;
        let mut read = |c: Option<usize>| c.map(|c| cx.take(r, c).trim().to_string()).unwrap_or_default();
        let levels = parent_cols.iter().map(|&(c, w)| (read(Some(c)), read(w))).collect();
        items.push(Item {
            levels,
            name,
            weight: read(item_weight),
            criteria: join_note(read(col("criteria")), read(col("note"))),
            score: read(col("score")),
        });
    }
    let mut rubric = acc.checklist.take().unwrap_or_default();
    let n = items.len();
    for it in items {
        let mut list = &mut rubric.nodes;
        let mut prefix = "c".to_string();
        for (name, weight) in it.levels.iter().filter(|(name, _)| !name.is_empty()) {
            let i = child(list, &prefix, name, weight.clone());
            prefix = format!("{}-", list[i].id);
            list = &mut list[i].children;
        }
        let id = format!("{prefix}{}", list.len() + 1);
        if !it.score.is_empty() {
            acc.doc.stated.scores.insert(id.clone(), StatedScore { score: it.score, ..Default::default() });
        }
        list.push(Node { id, name: it.name, weight: it.weight, method: Method::Manual, criteria: it.criteria, ..Default::default() });
    }
    let rows = (first.unwrap_or(t.bottom + 1), last.max(t.bottom + 1));
    // The 分值 columns are mapped by the level they weigh.
    for (k, &c) in t.cols.iter().filter(|(k, _)| **k != "weight") {
        cx.map_col(c, rows, field_name(k, false));
    }
    let level_names = [("一级指标分值", "level-1 weight"), ("二级指标分值", "level-2 weight")];
    for ((_, w), (zh, en)) in parent_cols.iter().zip(level_names) {
        if let Some(w) = w {
            cx.map_col(*w, rows, Text::new(zh, en));
        }
    }
    if let Some(w) = item_weight {
        cx.map_col(w, rows, field_name("weight", false));
    }
    cx.map_rows((t.top, t.bottom), Text::new("评分标准表表头", "rubric table header"));
    cx.map_rows(rows, Text::new(format!("评分标准（{n} 项，作为本表的评分标准）"), format!("rubric items ({n}, the table's own rubric)")));
    for (&c, h) in &t.others {
        unread_column(cx, t, c, h, rows.1);
    }
    acc.parts.insert(Part::Rubric);
    if n > 0 {
        acc.parts.insert(Part::Stated);
    }
    acc.checklist = Some(rubric);
}

/// The criteria with the item's 指标说明 after them, when it has one.
fn join_note(criteria: String, note: String) -> String {
    match (criteria.is_empty(), note.is_empty()) {
        (_, true) => criteria,
        (true, false) => format!("指标说明：{note}"),
        (false, false) => format!("{criteria}\n指标说明：{note}"),
    }
}
