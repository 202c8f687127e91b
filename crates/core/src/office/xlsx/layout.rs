//! Export: the indicator and score tables laid out as sheets (title row, frozen header, the unit's
//! entries as typed, computed columns shaded), and the cell helpers the budget sheet shares.

use super::budget;
use super::sheet::{col_name, Cell, SheetOut, Style};
use super::{indicator_columns, ADJ_PREFIX, SCORE_COLUMNS, SHEETS, TOTAL_ID};
use crate::check::evaluate::Evaluation;
use crate::document::format::{SelfEvaluation, CATEGORIES};
use crate::document::schema::Column;
use crate::document::vocab::Scoring;
use crate::text::lang::Lang;

pub(super) fn num_or_text(s: &str, style: Style) -> Cell {
    let t = s.trim();
    if t.is_empty() {
        return Cell::Empty(style);
    }
    // A plain decimal goes in as a number (Excel can sum it); anything else as typed.
    let plain = t.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
        && t.parse::<rust_decimal::Decimal>().is_ok_and(|d| d.to_string() == t);
    if plain && t == s {
        Cell::Number(t.to_string(), style)
    } else {
        Cell::Text(s.to_string(), Style::Text)
    }
}

pub(super) fn text(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty(Style::Text)
    } else {
        Cell::Text(s.to_string(), Style::Text)
    }
}

pub(super) fn header(cols: &[Column], lang: Lang) -> Vec<Cell> {
    cols.iter()
        .map(|c| {
            let (zh, en) = c.heading();
            let h = if lang == Lang::Zh { zh } else { en };
            Cell::Text(h.to_string(), if zh.contains("（计算）") { Style::HeaderComputed } else { Style::Header })
        })
        .collect()
}

/// A computed percentage as a fraction styled `0.00%` (95.68 → 0.9568), blank when unknown.
pub(super) fn percent(x: Option<rust_decimal::Decimal>) -> Cell {
    match x {
        Some(x) => Cell::Number((x / rust_decimal::Decimal::ONE_HUNDRED).normalize().to_string(), Style::ComputedPercent),
        None => Cell::Empty(Style::ComputedPercent),
    }
}

/// A table sheet: the title row merged across the columns, the header row frozen, widths set.
pub(super) fn table_sheet(name: &str, cols: &[Column], rows: Vec<Vec<Cell>>) -> SheetOut {
    let last = col_name(cols.len() - 1);
    SheetOut {
        name: name.to_string(),
        widths: cols.iter().map(|c| c.width).collect(),
        rows,
        freeze_below: 2,
        merges: vec![format!("A1:{last}1")],
    }
}

pub(super) fn title(doc: &SelfEvaluation, what_zh: &str, what_en: &str, lang: Lang) -> String {
    let (u, y) = (doc.unit.name.trim(), doc.unit.year.trim());
    if lang == Lang::Zh {
        format!("{u}{}部门整体支出绩效自评表——{what_zh}", if y.is_empty() { String::new() } else { format!("{y}年度") })
    } else {
        format!("{u} {y} departmental self-evaluation — {what_en}").trim().to_string()
    }
}

/// The three sheets of the export: indicators, scores, budget.
pub fn sheets(doc: &SelfEvaluation, ev: &Evaluation, lang: Lang) -> Vec<SheetOut> {
    let zh = lang == Lang::Zh;
    // Indicators.
    let mut rows = vec![vec![Cell::Text(title(doc, "绩效指标", "indicators", lang), Style::Title)], header(indicator_columns(), lang)];
    for ((t, i), r) in doc.indicators().zip(ev.indicators.iter()) {
        let (l1, l2) = CATEGORIES
            .iter()
            .find(|(id, _, _)| *id == i.category)
            .map(|(_, czh, cen)| {
                let label = if zh { *czh } else { *cen };
                let sep = if zh { '·' } else { ':' };
                match label.split_once(sep) {
                    Some((a, b)) => (a.trim().to_string(), b.trim().to_string()),
                    None => (label.to_string(), String::new()),
                }
            })
            .unwrap_or_else(|| (i.category.clone(), String::new()));
        let completion = percent(r.completion);
        let score = match (r.score, r.range) {
            (Some(s), _) => Cell::Number(s.to_string(), Style::ComputedFixed2),
            (None, Some((lo, hi))) => Cell::Text(format!("{lo}–{hi}"), Style::ComputedText),
            _ => Cell::Empty(Style::ComputedFixed2),
        };
        // Proportional is the default and stays blank; anything else but 扣分制 is written as typed.
        let scoring = match Scoring::recognise(&i.scoring) {
            Some(Scoring::Deduct) => {
                let (z, e) = Scoring::Deduct.label();
                if zh {
                    z
                } else {
                    e
                }
            }
            _ => i.scoring.as_str(),
        };
        rows.push(vec![
            text(&t.id),
            text(&t.name),
            text(&i.id),
            text(&l1),
            text(&l2),
            text(&i.name),
            text(&i.direction),
            text(&i.unit),
            num_or_text(&i.target, Style::Number),
            num_or_text(&i.actual, Style::Number),
            num_or_text(&i.weight, Style::Fixed2),
            num_or_text(&i.stated_score, Style::Fixed2),
            completion,
            score,
            text(scoring),
            num_or_text(&i.deduct_per_unit, Style::Number),
            text(&i.node),
            text(&i.reason),
            text(&i.measure),
            num_or_text(&i.previous, Style::Number),
        ]);
    }
    let ind = table_sheet(if zh { SHEETS[0].0 } else { SHEETS[0].1 }, indicator_columns(), rows);
    // Scores.
    let mut rows = vec![vec![Cell::Text(title(doc, "评分", "scores", lang), Style::Title)], header(SCORE_COLUMNS, lang)];
    for n in &ev.scores.nodes {
        let stated = doc.stated.scores.get(&n.id);
        let name = if zh || n.name_en.is_empty() { n.name.clone() } else { n.name_en.clone() };
        let (l1, l2) = if n.depth <= 1 {
            (name, String::new())
        } else {
            (String::new(), format!("{}{name}", "　".repeat(n.depth.saturating_sub(2))))
        };
        rows.push(vec![
            text(&n.id),
            text(&l1),
            text(&l2),
            n.effective_weight.map(|w| Cell::Number(w.to_string(), Style::Fixed2)).unwrap_or(Cell::Empty(Style::Fixed2)),
            n.computed.map(|c| Cell::Number(c.to_string(), Style::ComputedFixed2)).unwrap_or(Cell::Empty(Style::ComputedFixed2)),
            num_or_text(stated.map(|s| s.score.as_str()).unwrap_or(""), Style::Fixed2),
            Cell::Empty(Style::ComputedText),
            Cell::Empty(Style::Text),
            text(stated.map(|s| s.reason.as_str()).unwrap_or("")),
            text(stated.map(|s| s.measure.as_str()).unwrap_or("")),
        ]);
    }
    for a in &doc.stated.adjustments {
        rows.push(vec![
            text(&format!("{ADJ_PREFIX}{}", a.id)),
            text(if zh { "其他加减分项" } else { "Adjustment" }),
            Cell::Empty(Style::Text),
            Cell::Empty(Style::Fixed2),
            Cell::Empty(Style::ComputedFixed2),
            num_or_text(&a.points, Style::Fixed2),
            Cell::Empty(Style::ComputedText),
            Cell::Empty(Style::Text),
            text(&a.reason),
            Cell::Empty(Style::Text),
        ]);
    }
    let full: rust_decimal::Decimal = ev.scores.nodes.iter().filter(|n| n.depth == 1).filter_map(|n| n.effective_weight).sum();
    rows.push(vec![
        text(TOTAL_ID),
        text(if zh { "总分" } else { "Total" }),
        Cell::Empty(Style::Text),
        Cell::Number(full.to_string(), Style::Fixed2),
        ev.scores.total.map(|t| Cell::Number(t.to_string(), Style::ComputedFixed2)).unwrap_or(Cell::Empty(Style::ComputedFixed2)),
        num_or_text(&doc.stated.total, Style::Fixed2),
        ev.scores
            .grade
            .map(|g| Cell::Text(g.label().get(lang).to_string(), Style::ComputedText))
            .unwrap_or(Cell::Empty(Style::ComputedText)),
        text(&doc.stated.grade),
        Cell::Empty(Style::Text),
        Cell::Empty(Style::Text),
    ]);
    let sc = table_sheet(if zh { SHEETS[1].0 } else { SHEETS[1].1 }, SCORE_COLUMNS, rows);
    vec![ind, sc, budget::sheet(doc, ev, lang)]
}
