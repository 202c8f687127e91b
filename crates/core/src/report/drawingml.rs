//! The page's charts as Word charts: DrawingML chart parts (`word/charts/chartN.xml`) and the
//! inline drawing that places one in the document.
//!
//! Policy: a chart in the .docx is a native chart, not a picture, so Word, WPS and LibreOffice
//! draw it sharply at any size and print it like the page does: the same bars in the same
//! order ([`crate::chart`]), captioned by the document (图1 …) rather than titled inside, grey with black outlines, rows that need attention hatched
//! (a pattern fill per data point, not a colour), stated-only rows as outlines, the scores
//! chart's weights as dashed tracks behind the scores, the value printed at each bar. The data
//! is held in the chart's cache with literal categories and values; no workbook is embedded,
//! so Word shows the chart as it is but cannot open its data for editing (the figures are in
//! the report's tables and in the Excel export). The 90%/100% reference lines of the page are
//! not drawn as lines (a horizontal bar chart has no vertical line series); instead the value
//! axis of a chart with reference lines has a gridline every 10 %, so 90 % and 100 % are
//! gridlines.

use rust_decimal::Decimal;

use crate::chart::Chart;
use crate::office::ooxml::xml::escape;
use crate::text::rounding::round2;

/// The content type of a chart part.
pub const CONTENT_TYPE: &str = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
/// The relationship type from the document to a chart part.
pub const REL_TYPE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";

const C_NS: &str = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A_NS: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";

/// Width of a chart in the document: the text width (15.6 cm) in EMU.
const WIDTH_EMU: u64 = 5_615_940;
/// EMU per row of bars (0.69 cm), and for the axis and legend.
const ROW_EMU: u64 = 250_000;
const FRAME_EMU: u64 = 900_000;
/// The tallest chart (19.4 cm): with its caption it fits an A4 page of text; longer lists of
/// indicators get thinner bars.
const MAX_HEIGHT_EMU: u64 = 7_000_000;

fn shape(fill: &str, dashed: bool) -> String {
    format!(
        r#"<c:spPr>{fill}<a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill>{}</a:ln></c:spPr>"#,
        if dashed { r#"<a:prstDash val="dash"/>"# } else { "" }
    )
}

const GREY: &str = r#"<a:solidFill><a:srgbClr val="8C8C8C"/></a:solidFill>"#;
const LIGHT: &str = r#"<a:solidFill><a:srgbClr val="F2F2F2"/></a:solidFill>"#;
const HATCH: &str =
    r#"<a:pattFill prst="wdUpDiag"><a:fgClr><a:srgbClr val="000000"/></a:fgClr><a:bgClr><a:srgbClr val="FFFFFF"/></a:bgClr></a:pattFill>"#;

/// A number as the chart's cache holds it: up to 2 decimals, no grouping.
fn num(d: Decimal) -> String {
    round2(d).normalize().to_string()
}

/// One series of bars.
struct Series<'a> {
    name: &'a str,
    fill: &'a str,
    dashed: bool,
    /// `<c:dPt>` overrides of single bars.
    points: String,
    /// The number format of the value printed at each bar; `None`: no values printed.
    labels: Option<&'a str>,
    values: Vec<Option<Decimal>>,
}

/// Series `k` with the chart's categories. Rows are written bottom to top: a bar chart draws its
/// first category at the bottom.
fn series(k: usize, se: &Series, chart: &Chart) -> String {
    let Series { name, fill, dashed, points, labels, values } = se;
    let mut s = format!(r#"<c:ser><c:idx val="{k}"/><c:order val="{k}"/><c:tx><c:v>{}</c:v></c:tx>"#, escape(name));
    s.push_str(&shape(fill, *dashed));
    s.push_str(r#"<c:invertIfNegative val="0"/>"#);
    s.push_str(points);
    if let Some(format) = labels {
        s.push_str(&format!(r#"<c:dLbls><c:numFmt formatCode="{}" sourceLinked="0"/>"#, escape(format)));
        s.push_str(r#"<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>"#);
    }
    let n = chart.rows.len();
    s.push_str(&format!(r#"<c:cat><c:strLit><c:ptCount val="{n}"/>"#));
    for (i, r) in chart.rows.iter().rev().enumerate() {
        s.push_str(&format!(r#"<c:pt idx="{i}"><c:v>{}</c:v></c:pt>"#, escape(&r.label)));
    }
    s.push_str(&format!(r#"</c:strLit></c:cat><c:val><c:numLit><c:formatCode>General</c:formatCode><c:ptCount val="{n}"/>"#));
    for (i, v) in values.iter().rev().enumerate() {
        if let Some(v) = v {
            s.push_str(&format!(r#"<c:pt idx="{i}"><c:v>{}</c:v></c:pt>"#, num(*v)));
        }
    }
    s.push_str("</c:numLit></c:val></c:ser>");
    s
}

/// `word/charts/chartN.xml` for `chart`; `lang` is its `c:lang` (zh-CN or en-US).
pub fn chart_xml(chart: &Chart, lang: &str) -> String {
    let ea = "宋体";
    let text = |size: u32| {
        format!(
            r#"<a:defRPr sz="{size}" b="0"><a:solidFill><a:srgbClr val="000000"/></a:solidFill><a:latin typeface="Times New Roman"/><a:ea typeface="{ea}"/></a:defRPr>"#
        )
    };
    let mut s = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="{C_NS}" xmlns:a="{A_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:lang val="{lang}"/><c:roundedCorners val="0"/><c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>"#
    );
    let values: Vec<Option<Decimal>> = chart.rows.iter().map(|r| r.value).collect();
    if let Some(tracks) = &chart.tracks {
        let name = if lang == "zh-CN" { "分值" } else { "weight" };
        let t: Vec<Option<Decimal>> = tracks.iter().map(|w| Some(*w)).collect();
        let track = Series { name, fill: LIGHT, dashed: true, points: String::new(), labels: None, values: t };
        s.push_str(&series(0, &track, chart));
    }
    // Per-point fills: hatched where attention is needed, an outline for stated-only values.
    let mut points = String::new();
    for (i, r) in chart.rows.iter().rev().enumerate() {
        let fill = if r.outline_only {
            "<a:noFill/>"
        } else if r.hatch {
            HATCH
        } else {
            continue;
        };
        points.push_str(&format!(
            r#"<c:dPt><c:idx val="{i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>{}</c:dPt>"#,
            shape(fill, false)
        ));
    }
    let k = usize::from(chart.tracks.is_some());
    let name = match (chart.tracks.is_some(), lang == "zh-CN") {
        (true, true) => "得分",
        (true, false) => "score",
        (false, _) => chart.title.as_str(),
    };
    let format = if chart.tracks.is_some() { "0.00" } else { "0.00\"%\"" };
    s.push_str(&series(k, &Series { name, fill: GREY, dashed: false, points, labels: Some(format), values }, chart));
    s.push_str(&format!(
        r#"<c:gapWidth val="60"/>{}<c:axId val="1001"/><c:axId val="1002"/></c:barChart>"#,
        if chart.tracks.is_some() { r#"<c:overlap val="100"/>"# } else { "" }
    ));
    // The value axis from 0 to the chart's scale, at the bottom.
    s.push_str(&format!(
        r#"<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:txPr><a:bodyPr/><a:p><a:pPr>{}</a:pPr><a:endParaRPr lang="{lang}"/></a:p></c:txPr><c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>"#,
        text(900)
    ));
    s.push_str(&format!(
        r#"<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/><c:max val="{}"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines><c:spPr><a:ln w="3175"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr></c:majorGridlines><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:txPr><a:bodyPr/><a:p><a:pPr>{}</a:pPr><a:endParaRPr lang="{lang}"/></a:p></c:txPr><c:crossAx val="1001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/>{}</c:valAx>"#,
        num(chart.max),
        text(900),
        // Charts with reference lines (execution 90%/100%, completion 100%) get a gridline every
        // 10 %, so the lines fall on gridlines; a scale beyond 150 % keeps Word's own spacing.
        if !chart.lines.is_empty() && chart.max <= Decimal::from(150) { r#"<c:majorUnit val="10"/>"# } else { "" }
    ));
    s.push_str(r#"</c:plotArea>"#);
    if chart.tracks.is_some() {
        s.push_str(r#"<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>"#);
    }
    s.push_str(&format!(
        r#"<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart><c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr><c:txPr><a:bodyPr/><a:p><a:pPr>{}</a:pPr><a:endParaRPr lang="{lang}"/></a:p></c:txPr></c:chartSpace>"#,
        text(900)
    ));
    s
}

/// The paragraph that shows chart part `rel_id` inline, centred, as wide as the text and kept
/// with its caption; `n` is a unique drawing id, `chart` gives the height and the alternative
/// text.
pub fn inline_paragraph(chart: &Chart, rel_id: &str, n: usize) -> String {
    let height = (FRAME_EMU + ROW_EMU * chart.rows.len().max(1) as u64).min(MAX_HEIGHT_EMU);
    format!(
        r#"<w:p><w:pPr><w:keepNext/><w:jc w:val="center"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{WIDTH_EMU}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="{n}" name="Chart {n}" descr="{}"/><wp:cNvGraphicFramePr/><a:graphic xmlns:a="{A_NS}"><a:graphicData uri="{C_NS}"><c:chart xmlns:c="{C_NS}" r:id="{rel_id}"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#,
        escape(&format!("{} {}", chart.title, chart.desc))
    )
}
