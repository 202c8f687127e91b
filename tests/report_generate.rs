//! The generated 自评报告: every seed figure appears, correctly formatted, in the seed's outline;
//! shortfalls get their paragraph; the .docx is a valid package holding the same text.

use selfcheck::core::chart;
use selfcheck::core::document::format::SelfEvaluation;
use selfcheck::core::evaluate;
use selfcheck::core::office::ooxml::{xml, zip::ZipReader};
use selfcheck::core::report::{self, docx, Block};
use selfcheck::core::text::lang::Lang;

fn seed() -> SelfEvaluation {
    SelfEvaluation::from_json(include_str!("../examples/guangzhou-ftu-2021.json")).unwrap()
}

#[test]
fn seed_report_has_the_outline_in_order() {
    let doc = seed();
    let text = report::generate(&doc, &evaluate(&doc), Lang::Zh);
    let outline = [
        "广州市总工会2021年度部门整体支出绩效自评报告",
        "一、基本情况",
        "（一）部门概况",
        "（二）年度总体工作和重点工作任务",
        "（三）部门整体收支情况",
        "（四）部门整体绩效管理情况",
        "二、综合评价分析",
        "（一）自评结论综述",
        "（二）各项工作任务绩效目标完成情况分析及主要工作成效",
        "三、存在的主要问题",
        "四、下一步改进措施",
    ];
    let mut at = 0;
    for h in outline {
        let line = format!("{h}\n");
        let found = text[at..].find(&line).unwrap_or_else(|| panic!("heading {h} missing or out of order"));
        at += found + line.len();
    }
}

#[test]
fn seed_figures_appear_formatted_from_computed_values() {
    let doc = seed();
    let ev = evaluate(&doc);
    let r = report::build(&doc, &ev, Lang::Zh);
    let text = report::render_text(&r);
    for fig in [
        "全年预算数 35,408.62 万元",
        "执行数 33,814.57 万元",
        "总执行率 95.50%",
        "一般公共预算财政拨款全年预算数 27,585.71 万元，执行数 26,393.83 万元，执行率 95.68%",
        // 其他资金 is derived as total − 财政拨款.
        "其他资金全年预算数 7,822.91 万元，执行数 7,420.74 万元，执行率 94.86%",
        "基本支出执行率 95.94%",
        "项目支出执行率 92.92%",
        "自评总分 93.53 分，满分 100 分，评价等级为“优”",
        "管理效能自评得分 43.53 分（分值 50 分）",
        "履职效能自评得分 50.00 分（分值 50 分）",
        "无其他加减分项",
        "总执行率为 95.50%",
        "预算金额均为市本级支出",
        "管理效能得分 43.53 分，扣 6.47 分",
    ] {
        assert!(text.contains(fig), "missing {fig:?} in\n{text}");
    }
    // The rate printed after the totals is the total's, never the 财政拨款 one.
    assert!(!text.contains("33,814.57 万元，总执行率 95.68%"));
    // Figures not computable are noted as taken from the stated table.
    assert!(r.notes.iter().any(|n| n.contains("基本支出") && n.contains("填报")), "{:?}", r.notes);
    assert!(r.notes.iter().any(|n| n.contains("其他资金") && n.contains("合计减")), "{:?}", r.notes);
}

#[test]
fn every_shortfall_gets_a_paragraph_with_reason_and_measure() {
    let doc = seed();
    let ev = evaluate(&doc);
    let r = report::build(&doc, &ev, Lang::Zh);
    let sec = r.sections.iter().find(|s| s.title.starts_with("（二）各项工作任务")).unwrap();
    let p: Vec<&str> = sec.paragraphs().filter(|p| p.contains("未完成年度目标")).collect();
    assert_eq!(p.len(), 1, "{p:?}");
    let p = p[0];
    assert!(p.contains("劳模体检疗养实际参加人数占计划人数比例"));
    assert!(p.contains("年度指标值 ≥ 100%"));
    assert!(p.contains("实际完成值 85.79%"));
    assert!(p.contains("完成率 85.79%"));
    assert!(p.contains("偏差原因：一是疫情期间"));
    assert!(p.contains("改进措施：加强工作统筹规划"));
    // A shortfall without its explanations shows the placeholder and a note.
    let mut doc2 = doc.clone();
    doc2.tasks[0].indicators[0].reason.clear();
    let r2 = report::build(&doc2, &evaluate(&doc2), Lang::Zh);
    let t2 = report::render_text(&r2);
    assert!(t2.contains("偏差原因：【待填写】"));
    assert!(r2.notes.iter().any(|n| n.contains("须填写偏差原因")));
}

#[test]
fn narrative_fills_text_parts_and_blank_parts_are_placeholders() {
    let mut doc = seed();
    doc.narrative.remove("management");
    let ev = evaluate(&doc);
    let r = report::build(&doc, &ev, Lang::Zh);
    let m = r.sections.iter().find(|s| s.narrative.as_deref() == Some("management")).unwrap();
    assert_eq!(m.paragraphs().next().unwrap(), "【待填写】部门整体绩效管理情况");
    let p = r.sections.iter().find(|s| s.narrative.as_deref() == Some("problems")).unwrap();
    assert_eq!(p.paragraphs().next().unwrap(), doc.narrative["problems"]);
}

#[test]
fn tables_carry_the_budget_and_the_scores() {
    let doc = seed();
    let r = report::build(&doc, &evaluate(&doc), Lang::Zh);
    let tables: Vec<_> =
        r.sections.iter().flat_map(|s| &s.blocks).filter_map(|b| if let Block::Table(t) = b { Some(t) } else { None }).collect();
    assert_eq!(tables.len(), 2);
    assert_eq!(tables[0].rows[0], ["合计", "35,408.62", "33,814.57", "95.50%"]);
    assert_eq!(tables[0].rows[2], ["其他资金", "7,822.91", "7,420.74", "94.86%"]);
    let total = tables[1].rows.last().unwrap();
    assert_eq!(total[..3], ["总分".to_string(), "100".into(), "93.53".into()]);
}

#[test]
fn amounts_in_yuan_keep_separators() {
    let mut doc = seed();
    doc.unit.amount_unit = "元".into();
    doc.budget.total.adjusted = "354086200".into();
    doc.budget.total.actual = "338145700".into();
    doc.budget.rows[0].adjusted = "275857100".into();
    doc.budget.rows[0].actual = "263938300".into();
    let text = report::generate(&doc, &evaluate(&doc), Lang::Zh);
    assert!(text.contains("全年预算数 354,086,200.00 元"), "{text}");
    assert!(text.contains("总执行率 95.50%"));
}

#[test]
fn english_report() {
    let doc = seed();
    let r = report::build(&doc, &evaluate(&doc), Lang::En);
    let text = report::render_text(&r);
    for s in [
        "1. Basic information",
        "2.1 Conclusion of the self-evaluation",
        "3. Main problems",
        "4. Next steps",
        "35,408.62 (10,000 yuan)",
        "overall execution rate of 95.50%",
        "scored 93.53 out of 100",
        "graded \"excellent\"",
        "completion 85.79%",
        "Other funds: budget 7,822.91 (10,000 yuan)",
    ] {
        assert!(text.contains(s), "missing {s:?} in\n{text}");
    }
    assert!(r.notes.iter().any(|n| n.contains("not translated")));
}

#[test]
fn docx_is_a_valid_package_with_the_report_text() {
    let doc = seed();
    let r = report::build(&doc, &evaluate(&doc), Lang::Zh);
    let bytes = docx::to_docx(&r, &[]);
    assert_eq!(bytes, docx::to_docx(&r, &[]), "deterministic");
    let z = ZipReader::new(&bytes).unwrap();
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/fontTable.xml",
        "word/footer1.xml",
        "docProps/core.xml",
    ] {
        let t = z.text(part).unwrap().unwrap_or_else(|| panic!("{part} missing"));
        xml::parse(&t).unwrap_or_else(|e| panic!("{part}: {e:?}"));
    }
    let d = xml::parse(&z.text("word/document.xml").unwrap().unwrap()).unwrap();
    let mut paras = Vec::new();
    d.descendants("p", &mut paras);
    let texts: Vec<String> = paras.iter().map(|p| p.text()).collect();
    assert_eq!(texts[0], r.title);
    assert!(texts.iter().any(|t| t == "（一）自评结论综述"));
    assert!(texts.iter().any(|t| t.contains("自评总分 93.53 分")));
    assert!(texts.iter().any(|t| t == "35,408.62"), "table cell");
    let styles = z.text("word/styles.xml").unwrap().unwrap();
    for f in ["仿宋", "宋体", "黑体", "楷体"] {
        assert!(styles.contains(f), "{f}");
    }
    let sect = z.text("word/document.xml").unwrap().unwrap();
    assert!(sect.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#), "A4");
    assert_eq!(docx::file_name(&r), "广州市总工会2021年度部门整体支出绩效自评报告.docx");
    if let Ok(dir) = std::env::var("SELFCHECK_WRITE_SAMPLES") {
        std::fs::write(format!("{dir}/report.docx"), &bytes).unwrap();
    }
}

#[test]
fn docx_carries_the_three_charts_as_word_charts_after_the_report() {
    let doc = seed();
    let ev = evaluate(&doc);
    let r = report::build(&doc, &ev, Lang::Zh);
    let charts = chart::all(&doc, &ev, Lang::Zh);
    let bytes = docx::to_docx(&r, &charts);
    assert_eq!(bytes, docx::to_docx(&r, &charts), "deterministic");
    let z = ZipReader::new(&bytes).unwrap();
    let types = z.text("[Content_Types].xml").unwrap().unwrap();
    let rels = z.text("word/_rels/document.xml.rels").unwrap().unwrap();
    let document = z.text("word/document.xml").unwrap().unwrap();
    xml::parse(&types).unwrap();
    xml::parse(&rels).unwrap();
    xml::parse(&document).unwrap();
    let mut parts = Vec::new();
    for k in 1..=3 {
        let name = format!("word/charts/chart{k}.xml");
        let part = z.text(&name).unwrap().unwrap_or_else(|| panic!("{name} missing"));
        xml::parse(&part).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert!(types.contains(&format!(r#"PartName="/word/charts/chart{k}.xml""#)), "content type of {name}");
        assert!(rels.contains(&format!(r#"Id="rIdChart{k}""#)) && rels.contains(&format!(r#"Target="charts/chart{k}.xml""#)));
        assert!(document.contains(&format!(r#"r:id="rIdChart{k}""#)), "chart {k} placed in the document");
        parts.push(part);
    }
    // After the report's last section, each with its caption.
    let d = xml::parse(&document).unwrap();
    let mut paras = Vec::new();
    d.descendants("p", &mut paras);
    let texts: Vec<String> = paras.iter().map(|p| p.text()).collect();
    let appendix = texts.iter().position(|t| t == "附：图表").expect("appendix heading");
    assert!(texts.iter().position(|t| t.starts_with("四、")).unwrap() < appendix);
    assert!(texts[appendix..].iter().any(|t| t == "图2 预算执行率"));
    // The figures: scores over their weights, rates, completion; the shortfall hatched.
    let (scores, execution, indicators) = (&parts[0], &parts[1], &parts[2]);
    assert!(scores.contains("<c:v>43.53</c:v>") && scores.contains("<c:v>50</c:v>") && scores.contains("<c:v>管理效能</c:v>"));
    assert!(scores.contains(r#"<c:overlap val="100"/>"#), "the score bar lies over its weight's track");
    assert!(execution.contains("<c:v>95.5</c:v>") && execution.contains("<c:v>95.68</c:v>") && execution.contains("<c:v>合计</c:v>"));
    assert_eq!(execution.matches("<c:dPt>").count(), 2, "two rows drawn apart");
    assert_eq!(execution.matches(r#"<c:spPr><a:noFill/><a:ln w="9525">"#).count(), 2, "the two stated-only rates are outlines");
    assert!(indicators.contains("<c:v>85.79</c:v>"));
    assert_eq!(indicators.matches("wdUpDiag").count(), 1, "one shortfall hatched");
    assert!(!execution.contains("wdUpDiag"), "nothing below 90%");
    // 90% and 100% fall on gridlines: one every 10 on the rate charts, Word's own on the scores.
    assert!(execution.contains(r#"<c:majorUnit val="10"/>"#) && indicators.contains(r#"<c:majorUnit val="10"/>"#));
    assert!(!scores.contains("majorUnit"));
    // English charts follow the report's language.
    let en = docx::to_docx(&report::build(&doc, &ev, Lang::En), &chart::all(&doc, &ev, Lang::En));
    let z = ZipReader::new(&en).unwrap();
    assert!(z.text("word/document.xml").unwrap().unwrap().contains("Figure 2. Budget execution rate"));
    assert!(z.text("word/charts/chart1.xml").unwrap().unwrap().contains("Management effectiveness"));
}

#[test]
fn hostile_text_cannot_break_the_docx() {
    let mut doc = seed();
    doc.narrative.insert("overview".into(), "A & B <w:p> \"q\" \u{1}\u{8}end".into());
    doc.unit.name = "单位<>&".into();
    let r = report::build(&doc, &evaluate(&doc), Lang::Zh);
    let bytes = docx::to_docx(&r, &[]);
    let z = ZipReader::new(&bytes).unwrap();
    let d = xml::parse(&z.text("word/document.xml").unwrap().unwrap()).unwrap();
    let mut paras = Vec::new();
    d.descendants("p", &mut paras);
    assert!(paras.iter().any(|p| p.text() == "A & B <w:p> \"q\" end"));
    assert!(!docx::file_name(&r).contains(['<', '>']));
}

#[test]
fn empty_document_does_not_panic() {
    let doc = SelfEvaluation::default();
    let ev = evaluate(&doc);
    for lang in [Lang::Zh, Lang::En] {
        let r = report::build(&doc, &ev, lang);
        assert!(!report::render_text(&r).is_empty());
        assert!(!r.notes.is_empty());
        let _ = docx::to_docx(&r, &[]);
    }
}

#[test]
fn notes_are_listed_once() {
    let doc = seed();
    let r = report::build(&doc, &evaluate(&doc), Lang::Zh);
    let mut sorted = r.notes.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), r.notes.len(), "{:?}", r.notes);
}
