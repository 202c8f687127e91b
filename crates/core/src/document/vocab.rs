//! The domain's closed vocabularies, each in one place: an indicator's **direction**, its
//! **scoring method**, its **category**, a 定性 indicator's **tier**, and the **grade bands**.
//!
//! Each is an enum with the code the document stores (so files stay as they are), its labels in
//! both languages (what the page's selects, the Excel export and the report print), and one
//! recogniser for the ways officers and templates write it (`recognise`, backed by
//! [`crate::text::words`], which holds the word lists). The page, both pastes, the Excel import
//! and export and the checker all go through these, so a word the page offers is a word the
//! import accepts and the export writes.

use crate::document::format::{direction, CATEGORIES, TIERS};
use crate::text::lang::{Lang, Text};
use crate::text::words;

/// The direction of an indicator: which way is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    /// ≥: more is better; full marks at or above the target.
    AtLeast,
    /// ≤: less is better (a reverse indicator: costs, complaints, accidents).
    AtMost,
    /// =: the target exactly.
    Equal,
    /// 定性: judged in tiers (达成 / 部分达成 / 未达成).
    Qualitative,
}

impl Direction {
    /// Every direction, in the order the page offers them.
    pub const ALL: [Direction; 4] = [Direction::AtLeast, Direction::AtMost, Direction::Equal, Direction::Qualitative];

    /// The code stored in a document's `direction` field.
    pub const fn code(self) -> &'static str {
        match self {
            Direction::AtLeast => direction::AT_LEAST,
            Direction::AtMost => direction::AT_MOST,
            Direction::Equal => direction::EQUAL,
            Direction::Qualitative => direction::QUALITATIVE,
        }
    }

    /// The direction a stored code names (exactly); `None` for blank or anything else.
    pub fn from_code(code: &str) -> Option<Direction> {
        Direction::ALL.into_iter().find(|d| d.code() == code)
    }

    /// The label a select shows: "≥ 不低于" / "≥ at least".
    pub const fn label(self) -> (&'static str, &'static str) {
        match self {
            Direction::AtLeast => ("≥ 不低于", "≥ at least"),
            Direction::AtMost => ("≤ 不高于（反向）", "≤ at most (reverse)"),
            Direction::Equal => ("= 等于", "= exactly"),
            Direction::Qualitative => ("定性", "qualitative"),
        }
    }

    /// Recognises a direction however written (≧, >=, 不低于, 正向, 反向, 等于, …): `Some(None)`
    /// for blank, `None` for text that is not a direction.
    pub fn recognise(s: &str) -> Option<Option<Direction>> {
        words::direction_of(s).map(Direction::from_code)
    }
}

/// How an indicator's shortfall is scored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scoring {
    /// In proportion to completion (the default; stored as blank).
    Proportional,
    /// A deduction per unit of deviation beyond the target (扣分制).
    Deduct,
}

impl Scoring {
    /// Every method, in the order the page offers them.
    pub const ALL: [Scoring; 2] = [Scoring::Proportional, Scoring::Deduct];

    /// The code stored in a document's `scoring` field.
    pub const fn code(self) -> &'static str {
        match self {
            Scoring::Proportional => "",
            Scoring::Deduct => "deduct",
        }
    }

    /// The method's name, as the page's select, the Excel export and the import all write it.
    pub const fn label(self) -> (&'static str, &'static str) {
        match self {
            Scoring::Proportional => ("按完成比例", "proportional"),
            Scoring::Deduct => ("扣分制", "deduct"),
        }
    }

    /// Recognises a method (按比例, 比例, 扣分制, 扣分, deduct, and the labels above): `None` for
    /// anything else. Blank is proportional.
    pub fn recognise(s: &str) -> Option<Scoring> {
        match words::scoring_of(s)? {
            "deduct" => Some(Scoring::Deduct),
            _ => Some(Scoring::Proportional),
        }
    }
}

/// An indicator category (二级指标), by its id in [`CATEGORIES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Category(usize);

impl Category {
    /// Every category, in the order of the national framework.
    pub fn all() -> impl Iterator<Item = Category> {
        (0..CATEGORIES.len()).map(Category)
    }

    /// The category a stored id names (exactly).
    pub fn from_code(code: &str) -> Option<Category> {
        CATEGORIES.iter().position(|(id, ..)| *id == code).map(Category)
    }

    /// The id stored in a document's `category` field: "产出-数量".
    pub fn code(self) -> &'static str {
        CATEGORIES[self.0].0
    }

    /// The full label: "产出指标·数量指标" / "Output: quantity".
    pub fn label(self) -> (&'static str, &'static str) {
        (CATEGORIES[self.0].1, CATEGORIES[self.0].2)
    }

    /// The 二级 name alone, for a table's narrow column: "数量指标" / "Output: quantity".
    pub fn short_label(self) -> (&'static str, &'static str) {
        let (zh, en) = self.label();
        (zh.rsplit('·').next().unwrap_or(zh), en)
    }

    /// Recognises a category however a table writes it (see [`words::category_of`]): `Some(None)`
    /// for blank, `None` for text that is not one.
    pub fn recognise(s: &str) -> Option<Option<Category>> {
        words::category_of(s).map(Category::from_code)
    }
}

/// The tier of a 定性 indicator's result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tier {
    /// 达成: 80–100 % of the weight.
    Achieved,
    /// 部分达成: 60–80 %.
    Partly,
    /// 未达成: 0–60 %.
    NotAchieved,
}

impl Tier {
    /// Every tier, best first (the index is the position in [`TIERS`]).
    pub const ALL: [Tier; 3] = [Tier::Achieved, Tier::Partly, Tier::NotAchieved];

    /// The tier at an index of [`TIERS`] (what scoring stores in `IndicatorResult::tier`).
    pub fn at(index: usize) -> Option<Tier> {
        Tier::ALL.get(index).copied()
    }

    /// Its index in [`TIERS`].
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The word a table's 实际完成值 holds: 达成, 部分达成, 未达成.
    pub const fn code(self) -> &'static str {
        TIERS[self.index()].0
    }

    /// Its name in a language: "达成年度指标" / "achieved".
    pub const fn name(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => TIERS[self.index()].1,
            Lang::En => TIERS[self.index()].2,
        }
    }

    /// The share of the weight it scores, in percent: (lower, upper).
    pub const fn range(self) -> (u32, u32) {
        (TIERS[self.index()].3, TIERS[self.index()].4)
    }
}

/// The grade bands in one sentence, as the page prints them under the total: built from
/// [`crate::check::grade::Grade`]'s own bands, so the text and the grading cannot disagree.
pub fn grade_bands() -> Text {
    use crate::check::grade::Grade;
    let all = [Grade::Excellent, Grade::Good, Grade::Fair, Grade::Poor];
    let zh: Vec<String> = all.iter().map(|g| g.band().zh).collect();
    let en: Vec<String> = all.iter().map(|g| g.band().en).collect();
    Text::new(format!("等级：{}。", zh.join("，")), format!("Grades: {}.", en.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_direction_round_trips_through_its_code_and_its_labels() {
        for d in Direction::ALL {
            assert_eq!(Direction::from_code(d.code()), Some(d));
            assert_eq!(Direction::recognise(d.code()), Some(Some(d)), "{d:?}");
        }
        assert_eq!(Direction::recognise("不超过"), Some(Some(Direction::AtMost)));
        assert_eq!(Direction::recognise("≧"), Some(Some(Direction::AtLeast)));
        assert_eq!(Direction::recognise(""), Some(None));
        assert_eq!(Direction::recognise("越多越好吧"), None);
    }

    #[test]
    fn every_scoring_label_is_read_back_as_itself() {
        for s in Scoring::ALL {
            assert_eq!(Scoring::recognise(s.code()), Some(s));
            assert_eq!(Scoring::recognise(s.label().0), Some(s), "{s:?}");
            assert_eq!(Scoring::recognise(s.label().1), Some(s), "{s:?}");
        }
        assert_eq!(Scoring::recognise("随便"), None);
    }

    #[test]
    fn every_category_label_is_read_back_as_itself() {
        for c in Category::all() {
            for l in [c.code(), c.label().0, c.label().1, c.short_label().0] {
                assert_eq!(Category::recognise(l), Some(Some(c)), "{l}");
            }
        }
        assert_eq!(Category::from_code("产出-数量").map(|c| c.short_label().0), Some("数量指标"));
    }

    #[test]
    fn tiers_keep_their_order_and_ranges() {
        assert_eq!(Tier::ALL.map(Tier::code), ["达成", "部分达成", "未达成"]);
        assert_eq!(Tier::at(1), Some(Tier::Partly));
        assert_eq!(Tier::Achieved.range(), (80, 100));
        assert_eq!(Tier::NotAchieved.name(Lang::En), "not achieved");
    }

    #[test]
    fn the_grade_bands_come_from_the_grades() {
        let t = grade_bands();
        assert!(t.zh.starts_with("等级：优（≥ 90 分）"), "{}", t.zh);
        assert!(t.en.contains("poor (< 60)"), "{}", t.en);
    }
}
