//! Charts as SVG text, drawn by our own code (no JavaScript library). Each chart is built as data
//! first ([`Chart`]), which the .docx draws again as a Word chart
//! ([`crate::report::drawingml`]).
//!
//! Policy: every chart is a self-contained `<svg>` with `role="img"`, a `<title>` and a `<desc>`
//! that states every value in words (screen readers and text-only readers get the whole chart),
//! a visible text label with the value beside every bar, and a `<title>` tooltip per bar. It
//! prints in black and white: a white background, dark text, mid-grey bars with black outlines,
//! and anything that needs attention (a shortfall, execution below 90%) marked by a hatch pattern
//! *and* a word, never by colour alone. Text uses CJK-capable fonts with fallbacks
//! ([`FONT_FAMILY`]). Figures are the computed ones, formatted by the rounding policy (2 dp).
//! Element ids are prefixed by the chart's name so several charts can share a page.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::check::evaluate::Evaluation;
use crate::document::format::SelfEvaluation;
use crate::document::vocab::Tier;
use crate::office::ooxml::xml::escape;
use crate::text::fixed::fixed;
use crate::text::lang::Lang;
use crate::text::rounding::round2;

/// Font stack: CJK fonts common on Windows, macOS and Linux, then the generic family.
pub const FONT_FAMILY: &str = "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC','SimHei','SimSun',sans-serif";

const WIDTH: f64 = 720.0;
const ROW: f64 = 30.0;
const BAR: f64 = 18.0;
const TOP: f64 = 44.0;

fn f(x: Decimal) -> f64 {
    x.to_f64().unwrap_or(0.0)
}

/// Display width of a label in px at 13 px (CJK characters count as full squares).
fn text_px(s: &str) -> f64 {
    s.chars().map(|c| if (c as u32) >= 0x2E80 { 13.0 } else { 7.5 }).sum()
}

/// Shortens a label to fit `px`, ending with "…".
fn fit(s: &str, px: f64) -> String {
    if text_px(s) <= px {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 13.0;
    for c in s.chars() {
        let cw = if (c as u32) >= 0x2E80 { 13.0 } else { 7.5 };
        if w + cw > px {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

struct Svg {
    id: &'static str,
    body: String,
}

impl Svg {
    fn open(id: &'static str, title: &str, desc: &str, rows: usize) -> Svg {
        let height = TOP + ROW * rows.max(1) as f64 + 28.0;
        let (width, h) = (fixed(WIDTH, 1), fixed(height, 1));
        let mut body = format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-{id}" viewBox="0 0 {width} {h}" width="{width}" height="{h}" role="img" aria-labelledby="{id}-title {id}-desc" font-family="{FONT_FAMILY}" font-size="13"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc><defs><pattern id="{id}-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#000000" stroke-width="2"/></pattern></defs><rect width="100%" height="100%" fill="#ffffff"/><text x="8" y="22" font-size="15" font-weight="bold" fill="#000000">{}</text>"##,
            escape(title),
            escape(desc),
            escape(title)
        );
        body.reserve(4096);
        Svg { id, body }
    }

    fn close(mut self) -> String {
        self.body.push_str("</svg>");
        self.body
    }

    fn y(&self, i: usize) -> f64 {
        TOP + ROW * i as f64
    }
}

/// One horizontal bar row: label, bar (or none), value text.
#[derive(Clone, Debug, PartialEq)]
pub struct BarRow {
    /// The row's name (a budget row, a rubric item, an indicator).
    pub label: String,
    /// The bar's length on the chart's scale (percent or points); `None`: no bar.
    pub value: Option<Decimal>,
    /// The value as printed beside the bar ("95.68%", "43.53 / 50", "85.79% ▼未完成").
    pub value_text: String,
    /// Needs attention (a shortfall, execution below 90%): hatched, and worded in `value_text`.
    pub hatch: bool,
    /// Drawn as an outline only (a stated rate, a qualitative tier's nominal share).
    pub outline_only: bool,
    /// The row's tooltip.
    pub tooltip: String,
}

/// One chart as data: what the SVG draws and the .docx charts hold (see the module policy).
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// Its name: `scores`, `execution` or `indicators` (prefixes the SVG's element ids).
    pub id: &'static str,
    /// Its title.
    pub title: String,
    /// Every value in words.
    pub desc: String,
    /// The bars, top to bottom.
    pub rows: Vec<BarRow>,
    /// The scale's end.
    pub max: Decimal,
    /// Reference lines: value, label, dashed.
    pub lines: Vec<(Decimal, String, bool)>,
    /// Per row, a track drawn behind the bar (the weight a score is out of).
    pub tracks: Option<Vec<Decimal>>,
}

impl Chart {
    /// The chart as a self-contained `<svg>`.
    pub fn svg(&self) -> String {
        let mut svg = Svg::open(self.id, &self.title, &self.desc, self.rows.len());
        let lines: Vec<(f64, String, bool)> = self.lines.iter().map(|(v, l, d)| (f(*v), l.clone(), *d)).collect();
        let tracks: Option<Vec<f64>> = self.tracks.as_ref().map(|t| t.iter().copied().map(f).collect());
        bars(&mut svg, &self.rows, f(self.max), &lines, tracks.as_deref());
        svg.close()
    }
}

/// Draws rows of bars against a scale [0, max]; `lines` are reference lines (value, label).
fn bars(svg: &mut Svg, rows: &[BarRow], max: f64, lines: &[(f64, String, bool)], background: Option<&[f64]>) {
    let label_w = rows.iter().map(|r| text_px(&r.label)).fold(60.0, f64::max).min(240.0) + 16.0;
    let value_w = rows.iter().map(|r| text_px(&r.value_text)).fold(40.0, f64::max) + 12.0;
    let x0 = label_w;
    let span = (WIDTH - x0 - value_w - 8.0).max(100.0);
    let sx = |v: f64| x0 + span * (v.max(0.0) / max).min(1.0);
    let id = svg.id;
    let (bar, x0f) = (fixed(BAR, 1), fixed(x0, 1));
    for (i, r) in rows.iter().enumerate() {
        let y = svg.y(i);
        let yf = fixed(y, 1);
        let mut g = format!(
            r##"<g class="row"><title>{}</title><text x="{}" y="{}" text-anchor="end" fill="#000000">{}</text>"##,
            escape(&r.tooltip),
            fixed(x0 - 8.0, 1),
            fixed(y + BAR - 4.0, 1),
            escape(&fit(&r.label, label_w - 14.0))
        );
        if let Some(bg) = background.and_then(|b| b.get(i)) {
            g.push_str(&format!(r##"<rect class="track" x="{x0f}" y="{yf}" width="{}" height="{bar}" fill="#f2f2f2" stroke="#000000" stroke-width="0.5" stroke-dasharray="3 2"/>"##, fixed(sx(*bg) - x0, 1)));
        }
        // Values sit in their own column right of the scale, clear of the reference lines.
        let _end = match r.value.map(f) {
            Some(v) => {
                let fill = if r.outline_only {
                    "none".to_string()
                } else if r.hatch {
                    format!("url(#{id}-hatch)")
                } else {
                    "#8c8c8c".to_string()
                };
                g.push_str(&format!(r##"<rect class="bar{}" x="{x0f}" y="{yf}" width="{}" height="{bar}" fill="{fill}" stroke="#000000" stroke-width="1"/>"##, if r.hatch { " short" } else { "" }, fixed((sx(v) - x0).max(1.0), 1)));
                sx(v).max(background.and_then(|b| b.get(i)).map(|b| sx(*b)).unwrap_or(0.0))
            }
            None => x0,
        };
        g.push_str(&format!(
            r##"<text class="value" x="{}" y="{}" fill="#000000">{}</text></g>"##,
            fixed(x0 + span + 8.0, 1),
            fixed(y + BAR - 4.0, 1),
            escape(&r.value_text)
        ));
        svg.body.push_str(&g);
    }
    let bottom = svg.y(rows.len()) - 6.0;
    for (v, label, dashed) in lines {
        let (x, b) = (fixed(sx(*v), 1), fixed(bottom, 1));
        svg.body.push_str(&format!(
            r##"<g class="ref"><line x1="{x}" y1="{}" x2="{x}" y2="{b}" stroke="#000000" stroke-width="1"{}/><text x="{x}" y="{}" text-anchor="middle" font-size="11" fill="#000000">{}</text></g>"##,
            fixed(TOP - 6.0, 1),
            if *dashed { r#" stroke-dasharray="4 3""# } else { "" },
            fixed(bottom + 14.0, 1),
            escape(label)
        ));
    }
}

fn pct(d: Decimal) -> String {
    format!("{}%", round2(d))
}

/// The three charts of the page and the .docx, in the order they are shown.
pub fn all(doc: &SelfEvaluation, ev: &Evaluation, lang: Lang) -> Vec<Chart> {
    vec![scores(ev, lang), execution(ev, lang), indicators(doc, ev, lang)]
}

/// Scores against weights, one row per level-1 rubric item (a dashed track is the weight, the
/// bar the score; the label reads "43.53 / 50").
pub fn scores(ev: &Evaluation, lang: Lang) -> Chart {
    let zh = lang == Lang::Zh;
    let nodes: Vec<_> = ev.scores.nodes.iter().filter(|n| n.depth == 1).collect();
    let max = nodes.iter().filter_map(|n| n.effective_weight).fold(Decimal::ONE, Decimal::max);
    let mut rows = Vec::new();
    let mut weights = Vec::new();
    let mut desc = Vec::new();
    for n in &nodes {
        let name = if zh || n.name_en.is_empty() { n.name.clone() } else { n.name_en.clone() };
        let w = n.effective_weight.unwrap_or_default();
        let score_text = n.score.map(|s| round2(s).to_string()).unwrap_or_else(|| "—".into());
        let short = n.score.is_some_and(|s| s < w);
        let value_text = format!("{score_text} / {}", w.normalize());
        desc.push(if zh {
            format!("{name}得分 {score_text}，分值 {}", w.normalize())
        } else {
            format!("{name}: {score_text} of {}", w.normalize())
        });
        rows.push(BarRow {
            label: name.clone(),
            value: n.score,
            value_text,
            hatch: false,
            outline_only: false,
            tooltip: desc.last().cloned().unwrap_or_default() + if short && zh { "（未得满分）" } else { "" },
        });
        weights.push(w);
    }
    let total = ev.scores.total.map(|t| round2(t).to_string()).unwrap_or_else(|| "—".into());
    let grade = ev.scores.grade.map(|g| g.label().get(lang).to_string()).unwrap_or_default();
    let title = if zh {
        format!("一级指标得分与分值（总分 {total}，等级 {grade}）")
    } else {
        format!("Scores against weights (total {total}, grade {grade})")
    };
    let desc = format!("{}。", desc.join(if zh { "；" } else { "; " }));
    Chart { id: "scores", title, desc, rows, max, lines: vec![], tracks: Some(weights) }
}

/// [`scores`] as SVG.
pub fn scores_svg(ev: &Evaluation, lang: Lang) -> String {
    scores(ev, lang).svg()
}

/// Execution rate per budget row (the total first) against the 100% and 90% lines. A row below
/// 90% is hatched and says so; a row with only a stated rate is an outline marked 填报.
pub fn execution(ev: &Evaluation, lang: Lang) -> Chart {
    let zh = lang == Lang::Zh;
    let mut rows = Vec::new();
    let mut desc = Vec::new();
    let mut max = Decimal::from(110);
    for r in std::iter::once(&ev.budget.total).chain(ev.budget.rows.iter()) {
        let name = if r.id == "total" { (if zh { "合计" } else { "Total" }).to_string() } else { r.name.clone() };
        let (value, text, stated) = match (r.rate, r.stated_rate) {
            (Some(x), _) => (Some(x), pct(x), false),
            (None, Some(s)) if !r.not_applicable => (Some(s), format!("{}{}", pct(s), if zh { "（填报）" } else { " (stated)" }), true),
            _ if r.not_applicable => (None, (if zh { "不适用" } else { "n/a" }).to_string(), false),
            _ => continue,
        };
        let low = value.is_some_and(|v| v < Decimal::from(90));
        let text = if low { format!("{text} {}", if zh { "低于90%" } else { "below 90%" }) } else { text };
        if let Some(v) = value {
            max = max.max(v.saturating_add(Decimal::from(5)));
        }
        desc.push(format!("{name} {text}"));
        rows.push(BarRow {
            label: name,
            value,
            value_text: text,
            hatch: low,
            outline_only: stated,
            tooltip: desc.last().cloned().unwrap_or_default(),
        });
    }
    let title = (if zh { "预算执行率" } else { "Budget execution rate" }).to_string();
    let desc = format!("{}。", desc.join(if zh { "；" } else { "; " }));
    let lines = vec![(Decimal::from(90), "90%".into(), true), (Decimal::ONE_HUNDRED, "100%".into(), false)];
    Chart { id: "execution", title, desc, rows, max, lines, tracks: None }
}

/// [`execution`] as SVG.
pub fn execution_svg(ev: &Evaluation, lang: Lang) -> String {
    execution(ev, lang).svg()
}

/// Completion of every indicator against 100%; shortfalls hatched and marked 未完成. Indicators
/// without a target say so; qualitative ones show their tier (as an outline of 100/70/30 %).
/// Bars stop at 150%.
pub fn indicators(doc: &SelfEvaluation, ev: &Evaluation, lang: Lang) -> Chart {
    let zh = lang == Lang::Zh;
    let cap = Decimal::from(150);
    let mut rows = Vec::new();
    let mut desc = Vec::new();
    let mut max = Decimal::from(110);
    for ((_, i), r) in doc.indicators().zip(ev.indicators.iter()) {
        let name = i.name.trim().to_string();
        let (value, text) = match (r.completion, r.tier) {
            (Some(c), _) if r.target.is_some() => {
                max = max.max(c.min(cap) + Decimal::from(5));
                (Some(c), pct(c))
            }
            (_, Some(t)) => {
                let tier = Tier::at(t).map_or("", |t| t.name(if zh { Lang::Zh } else { Lang::En }));
                (Some(Decimal::from([100, 70, 30][t.min(2)])), tier.to_string())
            }
            _ => (None, (if zh { "无年度指标值" } else { "no target" }).to_string()),
        };
        let text = if r.shortfall { format!("{text} {}", if zh { "▼未完成" } else { "▼ short" }) } else { text };
        desc.push(format!("{name} {text}"));
        rows.push(BarRow {
            label: name,
            value: value.map(|v| v.min(cap)),
            value_text: text,
            hatch: r.shortfall,
            outline_only: r.tier.is_some(),
            tooltip: desc.last().cloned().unwrap_or_default(),
        });
    }
    let title = (if zh { "绩效指标完成率" } else { "Indicator completion" }).to_string();
    let desc = format!("{}。", desc.join(if zh { "；" } else { "; " }));
    Chart { id: "indicators", title, desc, rows, max, lines: vec![(Decimal::ONE_HUNDRED, "100%".into(), false)], tracks: None }
}

/// [`indicators`] as SVG.
pub fn indicators_svg(doc: &SelfEvaluation, ev: &Evaluation, lang: Lang) -> String {
    indicators(doc, ev, lang).svg()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::office::ooxml::xml;

    fn seed() -> (SelfEvaluation, Evaluation) {
        let doc = SelfEvaluation::from_json(include_str!("../../../examples/guangzhou-ftu-2021.json")).unwrap();
        let ev = crate::evaluate(&doc);
        (doc, ev)
    }

    fn count(s: &str, needle: &str) -> usize {
        s.matches(needle).count()
    }

    #[test]
    fn execution_has_a_bar_per_row_with_its_rate_and_both_lines() {
        let (_, ev) = seed();
        let s = execution_svg(&ev, Lang::Zh);
        xml::parse(&s).unwrap();
        assert_eq!(count(&s, r#"<rect class="bar"#), 5);
        for label in ["95.50%", "95.68%", "94.86%", "95.94%（填报）", "92.92%（填报）", ">90%<", ">100%<"] {
            assert!(s.contains(label), "{label}");
        }
        assert!(s.contains(r#"<title id="execution-title">预算执行率</title>"#));
        assert!(s.contains("合计 95.50%；一般公共预算财政拨款 95.68%"), "desc states every value");
        assert!(s.contains(FONT_FAMILY));
        assert_eq!(count(&s, "class=\"bar short\""), 0);
    }

    #[test]
    fn low_execution_is_hatched_and_worded() {
        let (mut doc, _) = seed();
        doc.budget.rows[0].actual = "20000".into();
        let ev = crate::evaluate(&doc);
        let s = execution_svg(&ev, Lang::Zh);
        assert!(s.contains("72.50% 低于90%"), "{s}");
        assert_eq!(count(&s, "class=\"bar short\""), 1);
        assert!(s.contains("url(#execution-hatch)"));
    }

    #[test]
    fn scores_against_weights() {
        let (_, ev) = seed();
        let s = scores_svg(&ev, Lang::Zh);
        xml::parse(&s).unwrap();
        assert_eq!(count(&s, r#"<rect class="bar"#), 2);
        assert_eq!(count(&s, r#"<rect class="track"#), 2);
        assert!(s.contains(">43.53 / 50<") && s.contains(">50.00 / 50<"));
        assert!(s.contains("总分 93.53，等级 优"));
        let en = scores_svg(&ev, Lang::En);
        assert!(en.contains("Management effectiveness") && en.contains("grade excellent"));
    }

    #[test]
    fn indicators_mark_shortfalls() {
        let (doc, ev) = seed();
        let s = indicators_svg(&doc, &ev, Lang::Zh);
        xml::parse(&s).unwrap();
        assert_eq!(count(&s, "class=\"bar short\""), 1);
        assert!(s.contains("85.79% ▼未完成"));
        assert!(s.contains("无年度指标值"));
        assert!(s.contains("达成年度指标"));
        assert_eq!(count(&s, r#"<g class="row">"#), doc.indicators().count());
        if let Ok(dir) = std::env::var("SELFCHECK_WRITE_SAMPLES") {
            std::fs::write(format!("{dir}/indicators.svg"), &s).unwrap();
            std::fs::write(format!("{dir}/execution.svg"), execution_svg(&ev, Lang::Zh)).unwrap();
            std::fs::write(format!("{dir}/scores.svg"), scores_svg(&ev, Lang::Zh)).unwrap();
        }
    }

    #[test]
    fn hostile_names_are_escaped_and_empty_documents_draw() {
        let (mut doc, _) = seed();
        doc.tasks[0].indicators[0].name = "<script>&\"".into();
        let ev = crate::evaluate(&doc);
        let s = indicators_svg(&doc, &ev, Lang::Zh);
        assert!(!s.contains("<script>"));
        xml::parse(&s).unwrap();
        let empty = SelfEvaluation::default();
        let ev = crate::evaluate(&empty);
        for s in [scores_svg(&ev, Lang::En), execution_svg(&ev, Lang::En), indicators_svg(&empty, &ev, Lang::En)] {
            xml::parse(&s).unwrap();
        }
    }
}
