//! Nothing a user pastes or uploads can make the cross-check, the report or the Excel import
//! panic: arbitrary text, arbitrary bytes, and real files damaged at random.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use selfcheck::core::crosscheck::analyse;
use selfcheck::core::document::format::SelfEvaluation;
use selfcheck::core::evaluate;
use selfcheck::core::office::xlsx;
use selfcheck::core::text::lang::Lang;

fn seed() -> SelfEvaluation {
    SelfEvaluation::from_json(include_str!("../examples/guangzhou-ftu-2021.json")).unwrap()
}

const PIECES: &[&str] = &[
    "执行率",
    "财政拨款",
    "合计",
    "总分",
    "满分",
    "管理效能",
    "均已完成",
    "高于",
    "平均",
    "等级为",
    "优",
    "万元",
    "万",
    "元",
    "%",
    "％",
    "分",
    "个百分点",
    "，",
    "。",
    "；",
    "、",
    "（一）",
    "1",
    "9",
    "０",
    "５",
    ".",
    "．",
    ",",
    "，",
    " ",
    "\n",
    "35,408.62",
    "95.68",
    "劳模",
    "节次",
    "以上",
    "\t",
    "\t\t",
    "\r\n",
    "单位：万元",
    "全年预算数",
    "执行数",
    "（%）",
    "得分",
    "分值",
    "序号",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn crosscheck_never_panics_on_report_like_text(parts in proptest::collection::vec(0..PIECES.len(), 0..80)) {
        let text: String = parts.iter().map(|&i| PIECES[i]).collect();
        let doc = seed();
        let cc = analyse(&text, &doc, &evaluate(&doc));
        for f in &cc.figures {
            prop_assert!(f.start <= f.end && f.end <= text.len());
            prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        }
    }

    #[test]
    fn crosscheck_never_panics_on_any_text(text in "[\\PC\t\r\n]{0,200}") {
        let doc = seed();
        let _ = analyse(&text, &doc, &evaluate(&doc));
    }

    #[test]
    fn xlsx_import_never_panics_on_damaged_files(seed_at in 0usize..6000, cuts in proptest::collection::vec((0usize..40_000, any::<u8>()), 1..8)) {
        let doc = seed();
        let mut bytes = xlsx::export(&doc, &evaluate(&doc), Lang::Zh);
        for (at, b) in cuts {
            let n = bytes.len();
            bytes[at % n] = b;
        }
        let _ = xlsx::import(&bytes, &doc);
        let _ = xlsx::import(&bytes[..bytes.len() / 2], &doc);
        // A deflated file (openpyxl) damaged the same way exercises inflate.
        let mut off = include_bytes!("fixtures/xlsx/officer-indicators.xlsx").to_vec();
        let n = off.len();
        off[seed_at % n] ^= 0x5A;
        let _ = xlsx::import(&off, &doc);
    }

    #[test]
    fn xlsx_import_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = xlsx::import(&bytes, &seed());
    }
}
