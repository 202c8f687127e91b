//! The page's report preview, cross-check table and Excel import lists as HTML text, written here
//! so that the page's first module carries neither these views nor the types they show
//! (BENCHMARKS.md, "The second module": the views were most of what the split left behind).
//!
//! Every text is escaped ([`esc`]); the markup is exactly what the page's Leptos views wrote
//! before (classes, ids, roles), so style/*.css, the print stylesheet and the e2e tests apply
//! unchanged. The page inserts it with `inner_html` into elements it owns.

use selfcheck_core::crosscheck::{CrossCheck, Figure, Status};
use selfcheck_core::report::{self, Block, Report};
use selfcheck_core::text::lang::{Lang, Text};

/// `text` escaped for HTML text and attribute values.
pub fn esc(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

fn pick(l: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match l {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// Text with every 【待填写】 placeholder marked (highlighted on screen, outlined on paper).
fn marked(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some((at, len)) = [report::TODO_ZH, report::TODO_EN].iter().filter_map(|t| rest.find(t).map(|i| (i, t.len()))).min() {
        esc(out, &rest[..at]);
        out.push_str("<mark class=\"placeholder\">");
        esc(out, &rest[at..at + len]);
        out.push_str("</mark>");
        rest = &rest[at + len..];
    }
    esc(out, rest);
}

fn num_class(numeric: &[bool], i: usize) -> &'static str {
    if numeric.get(i).copied().unwrap_or(false) {
        " class=\"num\""
    } else {
        ""
    }
}

/// The report's title and sections, the content of `<article class="report-doc">`.
pub fn report_doc(r: &Report) -> String {
    let mut o = String::with_capacity(16 * 1024);
    o.push_str("<h3 class=\"report-title\">");
    esc(&mut o, &r.title);
    o.push_str("</h3>");
    for s in &r.sections {
        let h = if s.level <= 1 { "h4" } else { "h5" };
        o.push_str(&format!("<div class=\"report-sec level-{}\"><{h}>", s.level));
        esc(&mut o, &s.title);
        o.push_str(&format!("</{h}>"));
        for b in &s.blocks {
            match b {
                Block::Paragraph(p) => {
                    let todo = p.contains(report::TODO_ZH) || p.contains(report::TODO_EN);
                    o.push_str(if todo { "<p class=\"todo\">" } else { "<p>" });
                    marked(&mut o, p);
                    o.push_str("</p>");
                }
                Block::Table(t) => {
                    o.push_str("<div class=\"table-wrap\"><table class=\"report-table\"><thead><tr>");
                    for (i, c) in t.header.iter().enumerate() {
                        o.push_str(&format!("<th{}>", num_class(&t.numeric, i)));
                        esc(&mut o, c);
                        o.push_str("</th>");
                    }
                    o.push_str("</tr></thead><tbody>");
                    for row in &t.rows {
                        o.push_str("<tr>");
                        for (i, c) in row.iter().enumerate() {
                            o.push_str(&format!("<td{}>", num_class(&t.numeric, i)));
                            marked(&mut o, c);
                            o.push_str("</td>");
                        }
                        o.push_str("</tr>");
                    }
                    o.push_str("</tbody></table></div>");
                }
            }
        }
        o.push_str("</div>");
    }
    o
}

/// The notes for the officer (the content of `<aside class="report-notes">`), "" when none.
pub fn report_notes(r: &Report, l: Lang) -> String {
    if r.notes.is_empty() {
        return String::new();
    }
    let mut o = String::from("<h3 id=\"h-report-notes\">");
    esc(
        &mut o,
        pick(
            l,
            "给填报人的提示（不属于报告正文，不会复制、打印或写入 Word）",
            "Notes for you (not part of the report: not copied, printed or written to Word)",
        ),
    );
    o.push_str("</h3><ul>");
    for n in &r.notes {
        o.push_str("<li>");
        esc(&mut o, n);
        o.push_str("</li>");
    }
    o.push_str("</ul>");
    o
}

/// The three charts (the content of `<div class="charts">`).
pub fn charts(l: Lang, svgs: &[String; 3]) -> String {
    let labels =
        [("评分图", "Scores chart"), ("预算执行图", "Budget execution chart"), ("绩效指标完成情况图", "Indicator completion chart")];
    let mut o = format!("<h3>{}</h3>", pick(l, "附图", "Charts"));
    for ((zh, en), svg) in labels.iter().zip(svgs) {
        o.push_str("<figure class=\"chart\" role=\"img\" aria-label=\"");
        esc(&mut o, pick(l, zh, en));
        o.push_str("\">");
        o.push_str(svg); // the core's own SVG, its texts escaped by chart.rs
        o.push_str("</figure>");
    }
    o
}

/// The CSS class (and stable id) of a status.
pub fn status_class(s: Status) -> &'static str {
    match s {
        Status::Matched => "matched",
        Status::MatchedStated => "matched_stated",
        Status::Mismatch => "mismatch",
        Status::Ambiguous => "ambiguous",
        Status::Difference => "difference",
        Status::Unmatched => "unmatched",
    }
}

/// What a status means, for the table.
pub fn status_text(s: Status) -> Text {
    match s {
        Status::Matched => Text::new("一致", "matches"),
        Status::MatchedStated => Text::new("与填报数一致（无法重算）", "matches the stated figure (cannot be recomputed)"),
        Status::Mismatch => Text::new("不一致", "differs"),
        Status::Ambiguous => Text::new("有歧义", "ambiguous"),
        Status::Difference => Text::new("差额或变化，不核对", "a difference or change: not compared"),
        Status::Unmatched => Text::new("无对应的计算数", "no computed figure to compare"),
    }
}

/// The sentence with the figure's text marked (its first occurrence).
fn sentence(o: &mut String, f: &Figure) {
    match f.sentence.find(&f.raw) {
        Some(p) if !f.raw.is_empty() => {
            let (a, rest) = f.sentence.split_at(p);
            let (m, b) = rest.split_at(f.raw.len());
            esc(o, a);
            o.push_str("<mark>");
            esc(o, m);
            o.push_str("</mark>");
            esc(o, b);
        }
        _ => esc(o, &f.sentence),
    }
}

/// The cross-check's summary, general findings and table of figures, "" when it found nothing.
pub fn crosscheck(c: &CrossCheck, l: Lang) -> String {
    if c.figures.is_empty() && c.findings.is_empty() {
        return String::new();
    }
    let n = c.figures.len();
    let count = |s: Status| c.figures.iter().filter(|f| f.status == s).count();
    let ok = count(Status::Matched) + count(Status::MatchedStated);
    let (bad, amb) = (count(Status::Mismatch), count(Status::Ambiguous));
    let mut o = String::with_capacity(8 * 1024);
    o.push_str("<p class=\"cc-summary\" role=\"status\">");
    o.push_str(&match l {
        Lang::Zh => format!("找到 {n} 个数字：{ok} 个一致，{bad} 个不一致，{amb} 个有歧义，其余不核对。"),
        Lang::En => format!("{n} figures found: {ok} match, {bad} differ, {amb} ambiguous, the rest not compared."),
    });
    o.push_str("</p><ul class=\"cc-general\">");
    let mut seen = std::collections::HashSet::new();
    for x in c.findings.iter().filter(|x| !c.figures.iter().any(|f| f.path == x.path)) {
        if seen.insert(&x.message.zh) {
            o.push_str("<li class=\"note\">");
            esc(&mut o, x.message.get(l));
            o.push_str("</li>");
        }
    }
    o.push_str("</ul><div class=\"table-wrap\"><table class=\"grid cc\"><thead><tr><th>#</th>");
    for (zh, en) in [
        ("报告中的数字", "Figure in the text"),
        ("所在句子", "Sentence"),
        ("认定为", "Taken as"),
        ("计算值", "Computed"),
        ("核对结果", "Result"),
    ] {
        o.push_str("<th>");
        o.push_str(pick(l, zh, en));
        o.push_str("</th>");
    }
    o.push_str("</tr></thead><tbody>");
    for f in &c.figures {
        o.push_str(&format!(
            "<tr id=\"cc-fig-{}\" class=\"{}\" tabindex=\"-1\"><td class=\"n\">{}</td><td class=\"fig\">",
            f.n,
            status_class(f.status),
            f.n
        ));
        esc(&mut o, &f.raw);
        o.push_str("</td><td class=\"sent\">");
        sentence(&mut o, f);
        o.push_str("</td><td class=\"what\">");
        let label = f.label.get(l);
        esc(&mut o, if label.is_empty() { "—" } else { label });
        o.push_str("</td><td class=\"num\">");
        esc(&mut o, f.computed.as_deref().unwrap_or("—"));
        o.push_str("</td><td class=\"st\">");
        esc(&mut o, status_text(f.status).get(l));
        for m in c.findings.iter().filter(|x| x.path == f.path) {
            o.push_str("<span class=\"cc-msg\">");
            esc(&mut o, m.message.get(l));
            o.push_str("</span>");
        }
        o.push_str("</td></tr>");
    }
    o.push_str("</tbody></table></div>");
    o
}

/// The Excel import's confirmation panel in one language: what the workbook `file` would change
/// with 确认导入 / 取消 (`kind` "ready" or "template", the latter with where each field was read and
/// the cells not read), or the problems by cell with 关闭 ("refused"). The buttons carry ids the
/// page's one click handler reads (`xlsx-confirm`, `xlsx-cancel`, `xlsx-close`).
pub fn excel_panel(kind: &str, file: &str, lists: [&[Text]; 4], l: Lang) -> String {
    let [summary, mapping, unplaced, errors] = lists;
    let mut f = String::new();
    esc(&mut f, file);
    let buttons = format!(
        "<div class=\"actions\"><button type=\"button\" class=\"primary\" id=\"xlsx-confirm\">{}</button><button type=\"button\" id=\"xlsx-cancel\">{}</button></div>",
        pick(l, "确认导入", "Import"),
        pick(l, "取消", "Cancel")
    );
    let mut o = String::new();
    match kind {
        "ready" | "template" => {
            o.push_str("<div class=\"excel-panel\" role=\"dialog\" aria-labelledby=\"xlsx-h\"><h3 id=\"xlsx-h\">");
            o.push_str(&match (l, kind) {
                (Lang::Zh, "ready") => format!("从“{f}”导入将会："),
                (Lang::En, "ready") => format!("Importing '{f}' will:"),
                (Lang::Zh, _) => format!("从自评表“{f}”导入将会："),
                (Lang::En, _) => format!("Importing the filled form '{f}' will:"),
            });
            o.push_str("</h3><ul>");
            o.push_str(&items(summary, l));
            o.push_str("</ul><p class=\"hint\">");
            o.push_str(if kind == "ready" {
                pick(l, "其他内容（基本信息、预算执行、报告文字）不变。确认前当前草稿不会改动；确认后可在提示中撤销。", "Everything else (basic information, budget, report text) stays. Your draft is unchanged until you confirm; you can undo afterwards.")
            } else {
                pick(l, "每个值都按表中原样读入。确认前当前草稿不会改动；确认后可在提示中撤销。请先核对下面的读取位置和未能读入的单元格。", "Every value is read exactly as written. Your draft is unchanged until you confirm; you can undo afterwards. Check where each field was read and the cells not read below.")
            });
            o.push_str("</p>");
            o.push_str(&buttons);
            if kind == "template" {
                o.push_str("<details class=\"mapping\" open><summary>");
                o.push_str(pick(
                    l,
                    "读取位置（按表头文字找到的列和行）",
                    "Where each field was read (columns and rows found by their headings)",
                ));
                o.push_str("</summary><ul>");
                o.push_str(&items(mapping, l));
                o.push_str("</ul></details>");
                if !unplaced.is_empty() {
                    let n = unplaced.len();
                    o.push_str("<details class=\"unplaced\" open><summary>");
                    o.push_str(&match l {
                        Lang::Zh => format!("未能读入的单元格（{n} 个，不会导入，请核对）"),
                        Lang::En => format!("Cells not read ({n}; not imported, please check)"),
                    });
                    o.push_str("</summary><ul>");
                    o.push_str(&items(unplaced, l));
                    o.push_str("</ul></details>");
                }
            }
            o.push_str("</div>");
        }
        _ => {
            let n = errors.len();
            o.push_str("<div class=\"excel-panel error\" role=\"alert\"><h3>");
            o.push_str(&match l {
                Lang::Zh => format!("无法导入“{f}”（{n} 处问题），当前草稿未改动："),
                Lang::En => format!("Cannot import '{f}' ({n} problems); your draft is unchanged:"),
            });
            o.push_str("</h3><ul>");
            o.push_str(&items(errors, l));
            o.push_str(&format!(
                "</ul><div class=\"actions\"><button type=\"button\" id=\"xlsx-close\" aria-label=\"{0}\">{0}</button></div></div>",
                pick(l, "关闭", "Close")
            ));
        }
    }
    o
}

/// A list of lines as `<li>` items.
pub fn items(lines: &[Text], l: Lang) -> String {
    let mut o = String::new();
    for t in lines {
        o.push_str("<li>");
        esc(&mut o, t.get(l));
        o.push_str("</li>");
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_placeholders_marked() {
        let mut o = String::new();
        marked(&mut o, "a<b>&\"c' 【待填写】 d");
        assert_eq!(o, "a&lt;b&gt;&amp;&quot;c&#39; <mark class=\"placeholder\">【待填写】</mark> d");
    }
}
