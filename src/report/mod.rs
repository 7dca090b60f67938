//! The final report for leaders, made of sections: what was done, what was
//! learned, the solutions and their measures, the knowledge base, the model
//! assessment, the evaluation and the way forward. Each section is one file
//! that builds its own typed context from the data it needs, and is left out
//! when its part of the workbook or its records are absent, so no report has
//! an empty heading. Only quotes from interviews with consent given are used,
//! and raw notes never are.

pub mod about;
pub mod done;
pub mod evaluation;
pub mod insights;
pub mod knowledge;
pub mod model;
pub mod recommendations;
pub mod solutions;
pub mod summary;

use chrono::NaiveDate;
use serde::Serialize;

use crate::i18n::msg;
use crate::plan::long_date;
use crate::records::{Records, Status};
use crate::sprint::terms::{MeasureDef, People};
use crate::sprint::{Progress, Workspace};
use crate::workbook::Lang;

pub use model::{CHART_MARKER, PrerequisiteScore, prerequisite_scores};

/// What every section is built from.
pub struct Input<'a> {
    /// The workspace.
    pub ws: &'a Workspace,
    /// Its records.
    pub records: &'a Records,
    /// Its progress.
    pub progress: &'a Progress,
    /// Whether the sprint is still under way.
    pub interim: bool,
    /// The document's language.
    pub lang: Lang,
    /// The people the sprint is for.
    pub people: People,
    /// The sprint's measures.
    pub measures: Vec<MeasureDef>,
}

impl Input<'_> {
    /// A group's name, or its id when the sprint has no such group.
    pub fn group_name(&self, id: &str) -> String {
        self.ws
            .sprint
            .group(id)
            .map_or_else(|| id.to_owned(), |g| g.name.clone())
    }

    /// Whether the workbook lets the report show this section.
    fn wants(&self, section: &str) -> bool {
        if let Some(list) = &self.ws.sprint.terms.sections {
            return list.iter().any(|s| s == section);
        }
        self.ws
            .workbook
            .report
            .sections
            .as_ref()
            .is_none_or(|list| list.iter().any(|s| s.value == section))
    }

    /// A tag as readers see it: its label from the workbook's vocabulary,
    /// else as written.
    pub fn tag_label(&self, tag: &str) -> String {
        self.ws
            .workbook
            .tag(tag)
            .map_or_else(|| tag.to_owned(), |t| t.label.get(self.lang).to_owned())
    }
}

/// The report's context: the frame, and each section that has data.
#[derive(Debug, Serialize)]
pub struct ReportDoc {
    /// The language.
    pub lang: Lang,
    /// The heading.
    pub title: String,
    /// The sprint's name.
    pub sprint: String,
    /// Whether the sprint is still under way.
    pub interim: bool,
    /// The note shown on an interim report.
    pub interim_note: &'static str,
    /// The date of the report, in words.
    pub date: String,
    /// The one-page summary for leaders, first.
    pub summary: summary::Summary,
    /// The table of contents: every section after the summary.
    pub contents: Contents,
    /// The heading of what was done, an appendix at the end.
    pub done_heading: String,
    /// Challenge and target group.
    pub about: Option<about::About>,
    /// What was done: the process log, an appendix.
    pub done: Option<done::Done>,
    /// Insights by theme.
    pub insights: Option<insights::Insights>,
    /// Solutions and their measures.
    pub solutions: Option<solutions::Solutions>,
    /// The knowledge base and the solutions addressing it.
    pub knowledge: Option<knowledge::Knowledge>,
    /// The model assessment.
    pub model: Option<model::Assessment>,
    /// The evaluation.
    pub evaluation: Option<evaluation::Evaluation>,
    /// Recommendations and next steps.
    pub recommendations: Option<recommendations::Recommendations>,
    /// What the report holds and does not, shown last.
    pub privacy_note: &'static str,
}

/// The table of contents.
#[derive(Debug, Serialize)]
pub struct Contents {
    /// Its heading.
    pub heading: String,
    /// The sections, in the report's order.
    pub entries: Vec<Entry>,
}

/// A section in the table of contents.
#[derive(Debug, Serialize)]
pub struct Entry {
    /// The section's heading.
    pub title: String,
    /// The id its heading has in the HTML page (`#innsikt-etter-tema`).
    pub anchor: String,
}

impl ReportDoc {
    /// The contents: the headings of the sections present, in the order
    /// the template shows them, the appendix last.
    fn contents(&self) -> Vec<Entry> {
        let headings = [
            self.about.as_ref().map(|x| x.heading.to_owned()),
            self.insights.as_ref().map(|x| x.heading.clone()),
            self.solutions.as_ref().map(|x| x.heading.to_owned()),
            self.knowledge.as_ref().map(|x| x.heading.clone()),
            self.model.as_ref().map(|x| x.heading.clone()),
            self.evaluation.as_ref().map(|x| x.heading.to_owned()),
            self.recommendations.as_ref().map(|x| x.heading.to_owned()),
            self.done.as_ref().map(|_| self.done_heading.clone()),
        ];
        headings
            .into_iter()
            .flatten()
            .map(|title| Entry {
                anchor: crate::render::markdown::anchor(&title),
                title,
            })
            .collect()
    }
}

/// Builds the report.
pub fn report(
    ws: &Workspace,
    records: &Records,
    progress: &Progress,
    today: NaiveDate,
    interim: bool,
    lang: Lang,
) -> ReportDoc {
    let input = Input {
        ws,
        records,
        progress,
        interim,
        lang,
        people: ws.people(lang),
        measures: ws.measures(lang),
    };
    let i = &input;
    let title = if interim {
        crate::i18n::msg::report_interim_report(i.lang)
    } else {
        crate::i18n::msg::report_final_report(i.lang)
    };
    let section = |id: &str| i.wants(id);
    let done = section("done").then(|| done::build(i)).flatten();
    let insights = section("insights").then(|| insights::build(i)).flatten();
    let recommendations = section("recommendations")
        .then(|| recommendations::build(i))
        .flatten();
    let summary = summary::build(
        i,
        &summary::Sections {
            facts: done.as_ref().map_or(&[], |d| d.facts.as_slice()),
            insights: insights.as_ref(),
            recommendations: recommendations.as_ref(),
        },
    );
    let mut doc = ReportDoc {
        lang,
        title: format!("{title}: {}", ws.sprint.name),
        sprint: ws.sprint.name.clone(),
        interim,
        interim_note: crate::i18n::msg::report_this_is_an_interim_report(i.lang),
        date: long_date(today, lang),
        summary,
        contents: Contents {
            heading: crate::i18n::msg::report_contents_heading(lang).to_owned(),
            entries: Vec::new(),
        },
        done_heading: crate::i18n::msg::report_appendix(
            lang,
            done.as_ref().map_or("", |d| d.heading),
        ),
        about: section("about").then(|| about::build(i)).flatten(),
        done,
        insights,
        solutions: section("solutions").then(|| solutions::build(i)).flatten(),
        knowledge: section("knowledge").then(|| knowledge::build(i)).flatten(),
        model: section("model").then(|| model::build(i)).flatten(),
        evaluation: section("evaluation")
            .then(|| evaluation::build(i))
            .flatten(),
        recommendations,
        privacy_note: msg::report_privacy_note(i.lang),
    };
    doc.contents.entries = doc.contents();
    doc
}

/// A quote with whose group it came from (never the pseudonym).
#[derive(Debug, Serialize, Clone)]
pub struct QuoteRow {
    /// The quote.
    pub text: String,
    /// Where it comes from, such as "intervju, Gruppe 1".
    pub source: String,
}

/// A figure in the document's language: "4,5" in Norwegian, "4.5" in English.
pub fn number(value: f64, lang: Lang) -> String {
    // Rounded to a tenth first, so 1.96 is "2" like any whole number, not
    // "2.0"; a little more than nothing is not shown as nothing.
    let tenths = (value * 10.0).round() / 10.0;
    // Adding zero makes -0 (a sum of nothing, an average of none) plain 0.
    let tenths = tenths + 0.0;
    let text = if tenths == 0.0 && value > 0.0 {
        "< 0.1".to_owned()
    } else if (tenths - tenths.round()).abs() < 1e-9 {
        format!("{tenths:.0}")
    } else {
        format!("{tenths:.1}")
    };
    match lang {
        Lang::Nb | Lang::Nn => text.replace('.', ","),
        Lang::En => text,
    }
}

/// A solution's status in words.
pub fn status_name(status: Status, lang: Lang) -> &'static str {
    match status {
        Status::Idea => crate::i18n::msg::report_idea(lang),
        Status::Prototype => crate::i18n::msg::report_prototype(lang),
        Status::Tested => crate::i18n::msg::report_tested(lang),
        Status::InUse => crate::i18n::msg::report_in_use(lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_in_the_document_language() {
        assert_eq!(number(4.5, Lang::Nb), "4,5");
        assert_eq!(number(4.5, Lang::En), "4.5");
        assert_eq!(number(12.0, Lang::Nb), "12");
        assert_eq!(number(1.96, Lang::Nb), "2");
        assert_eq!(number(1.94, Lang::Nb), "1,9");
        assert_eq!(number(0.04, Lang::Nb), "< 0,1");
        assert_eq!(number(0.0, Lang::Nb), "0");
        assert_eq!(number(-0.0, Lang::Nb), "0");
        assert_eq!(number(-0.01, Lang::En), "0");
    }
}
