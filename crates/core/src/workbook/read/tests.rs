//! Unit tests of the layout recognition.

use super::*;

#[test]
fn header_words_normalise() {
    assert_eq!(norm("年度\n指标值"), "年度指标值");
    assert_eq!(norm("预算数(A)"), "预算数");
    assert_eq!(norm("得分 (20分*执行率)"), "得分");
    assert_eq!(norm("其中：当年财政拨款"), "其中当年财政拨款");
    assert_eq!(key_of(funds_words(), "执行数(B)"), Some("spent"));
    assert_eq!(key_of(indicator_words(), "实际\n完成值"), Some("actual"));
    assert_eq!(key_of(indicator_words(), "是否核心指标"), None);
}

#[test]
fn years_and_points() {
    assert_eq!(year_in("稷山县项目支出绩效自评表（2021年度）").as_deref(), Some("2021"));
    assert_eq!(year_in("2023 年度部门整体支出绩效自评表").as_deref(), Some("2023"));
    assert_eq!(year_in("第12345号"), None);
    assert_eq!(points_in("得分 (20分*执行率)").as_deref(), Some("20"));
    assert_eq!(points_in("年度目标1:(80分)").as_deref(), Some("80"));
    assert_eq!(points_in("得分"), None);
}

fn book(rows: &[&[&str]]) -> Vec<u8> {
    use crate::office::xlsx::sheet::{write_workbook, Cell, SheetOut, Style};
    let rows = rows
        .iter()
        .map(|r| r.iter().map(|v| if v.is_empty() { Cell::Empty(Style::Text) } else { Cell::Text(v.to_string(), Style::Text) }).collect())
        .collect();
    write_workbook(&[SheetOut { name: "表".into(), rows, ..Default::default() }])
}

#[test]
fn an_adjusted_target_replaces_the_initial_one_which_is_listed() {
    let b = book(&[
        &["一级指标", "二级指标", "三级指标", "年初指标值", "调整指标值", "全年完成值", "分值", "得分"],
        &["产出指标", "数量指标", "培训人次", "≥100人次", "≥120人次", "118人次", "10", "9.83"],
        &["产出指标", "质量指标", "合格率", "≥95%", "", "96%", "10", "10"],
    ]);
    let r = crate::workbook::read(&b).unwrap();
    let inds = &r.document.tasks[0].indicators;
    assert_eq!(inds[0].target, "≥120人次");
    assert_eq!(inds[1].target, "≥95%");
    assert_eq!(r.unplaced.len(), 1, "{:#?}", r.unplaced);
    assert_eq!(r.unplaced[0].at, "表!D2");
    assert_eq!(r.unplaced[0].text, "≥100人次");
}

#[test]
fn split_cells() {
    assert_eq!(name_amount("其中: 一般公共预算:1325.68"), Some(("一般公共预算".into(), "1325.68".into())));
    assert_eq!(name_amount("纳入专户管理的非税收入拨款:"), Some(("纳入专户管理的非税收入拨款".into(), String::new())));
    assert_eq!(name_amount("说明：文字"), None);
    assert_eq!(name_amount("1325.68"), None);
}

#[test]
fn subtotal_rows_are_listed_not_read_as_indicators() {
    let b = book(&[
        &["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        &["产出指标", "数量指标", "培训人次", "≥100人次", "118人次", "10", "10"],
        &["小计", "", "", "", "", "10", "10"],
        &["总分", "", "", "", "", "100", "95"],
    ]);
    let r = crate::workbook::read(&b).unwrap();
    assert_eq!(r.document.tasks[0].indicators.len(), 1);
    assert_eq!(r.document.stated.total, "95");
    let at: Vec<&str> = r.unplaced.iter().map(|u| u.at.as_str()).collect();
    assert_eq!(at, ["表!A3", "表!F3", "表!G3", "表!F4"], "{:#?}", r.unplaced);
}

#[test]
fn a_reason_beginning_with_shuoming_is_not_a_notes_row() {
    let b = book(&[
        &["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "偏差原因"],
        &["产出指标", "数量指标", "培训人次", "≥100人次", "90人次", "说明：受疫情影响推迟"],
        &["产出指标", "质量指标", "合格率", "≥95%", "96%", ""],
        &["填表说明：按年初目标填写"],
    ]);
    let r = crate::workbook::read(&b).unwrap();
    let inds = &r.document.tasks[0].indicators;
    assert_eq!(inds.len(), 2);
    assert_eq!(inds[0].reason, "说明：受疫情影响推迟");
    assert!(r.unplaced.is_empty(), "{:#?}", r.unplaced);
    assert!(r.mapping.iter().any(|m| m.rows == (4, 4) && m.what.zh.starts_with("填表说明")));
}

#[test]
fn staffing_labels_with_or_without_a_year() {
    assert_eq!(staff_field("编制数").map(|x| x.0), Some("staff_quota"));
    assert_eq!(staff_field("2023年实际在职人数").map(|x| x.0), Some("staff_actual"));
    assert_eq!(staff_field("年末实有人数").map(|x| x.0), Some("staff_actual"));
    assert_eq!(staff_field("控制率"), None);
    assert_eq!(staff_field("编制说明"), None);
}
