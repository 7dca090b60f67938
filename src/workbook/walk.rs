//! Every text of a workbook, visited once: to check that each has every
//! language, that its placeholders are known, and to fill them in for a
//! sprint. One list, written once as a macro, serves both the reading and the
//! writing visit, so a new text field cannot be checked but left unfilled.

use super::Workbook;
use super::text::Text;

/// Visits every text of `$wb` with `$f`, borrowing shared (`visit!(wb, f)`)
/// or mutable (`visit!(wb, f, mut)`).
macro_rules! visit {
    ($wb:expr, $f:expr $(, $m:tt)?) => {{
        let wb = $wb;
        let f = $f;
        f(&$($m)? wb.title);
        for t in &$($m)? wb.description { f(t) }
        for t in &$($m)? wb.defaults.challenge { f(t) }
        for t in &$($m)? wb.defaults.target_group { f(t) }
        for role in &$($m)? wb.roles {
            f(&$($m)? role.title);
            f(&$($m)? role.description);
        }
        for phase in &$($m)? wb.phases {
            f(&$($m)? phase.title);
            f(&$($m)? phase.purpose);
            for step in &$($m)? phase.steps {
                f(&$($m)? step.title);
                f(&$($m)? step.purpose);
                for block in &$($m)? step.agenda {
                    f(&$($m)? block.title);
                    for t in &$($m)? block.notes { f(t) }
                }
                let lists = [
                    &$($m)? step.preparation,
                    &$($m)? step.materials,
                    &$($m)? step.outputs,
                    &$($m)? step.checklist,
                ];
                for t in lists.into_iter().flatten() { f(t) }
            }
        }
        for method in &$($m)? wb.methods {
            f(&$($m)? method.title);
            f(&$($m)? method.purpose);
            let lists = [&$($m)? method.materials, &$($m)? method.steps, &$($m)? method.tips];
            for t in lists.into_iter().flatten() { f(t) }
        }
        if let Some(q) = &$($m)? wb.questions {
            f(&$($m)? q.consent);
            for t in &$($m)? q.rights { f(t) }
            for question in &$($m)? q.warm_up {
                f(&$($m)? question.text);
                for t in &$($m)? question.follow_ups { f(t) }
            }
            for question in &$($m)? q.closing {
                f(&$($m)? question.text);
                for t in &$($m)? question.follow_ups { f(t) }
            }
            for topic in &$($m)? q.topics {
                f(&$($m)? topic.title);
                f(&$($m)? topic.purpose);
                for question in &$($m)? topic.questions {
                    f(&$($m)? question.text);
                    for t in &$($m)? question.follow_ups { f(t) }
                }
            }
            for t in &$($m)? q.purpose { f(t) }
        }
        if let Some(model) = &$($m)? wb.model {
            f(&$($m)? model.title);
            f(&$($m)? model.description);
            for t in &$($m)? model.scale { f(t) }
            for p in &$($m)? model.prerequisites {
                f(&$($m)? p.title);
                f(&$($m)? p.description);
                for s in &$($m)? p.statements { f(&$($m)? s.text) }
            }
            for t in &$($m)? model.heading { f(t) }
        }
        if let Some(people) = &$($m)? wb.people {
            f(&$($m)? people.singular);
            f(&$($m)? people.plural);
            for t in &$($m)? people.the_singular { f(t) }
            for t in &$($m)? people.the_plural { f(t) }
            for t in &$($m)? people.a_singular { f(t) }
        }
        for m in &$($m)? wb.measures {
            f(&$($m)? m.label);
            for t in &$($m)? m.unit { f(t) }
            for t in &$($m)? m.unit_one { f(t) }
            for t in &$($m)? m.question { f(t) }
        }
        for tag in &$($m)? wb.tags {
            f(&$($m)? tag.label);
            for t in &$($m)? tag.description { f(t) }
        }
        for t in &$($m)? wb.report.measures_intro { f(t) }
        for t in &$($m)? wb.report.recommendations { f(t) }
        if let Some(k) = &$($m)? wb.knowledge {
            for t in &$($m)? k.title { f(t) }
            for t in &$($m)? k.label { f(t) }
            for ch in &$($m)? k.challenges {
                f(&$($m)? ch.title);
                f(&$($m)? ch.description);
                for t in &$($m)? ch.findings { f(t) }
            }
            for t in &$($m)? k.amplifiers { f(t) }
        }
    }};
}

/// Calls `f` on every text of the workbook.
// One loop form serves optional and listed texts alike, so the list above
// needs no second shape for `Option` fields.
#[allow(for_loops_over_fallibles)]
pub fn texts(wb: &Workbook, f: &mut dyn FnMut(&Text)) {
    visit!(wb, f);
}

/// Calls `f` on every text of the workbook, to change it.
#[allow(for_loops_over_fallibles)]
pub fn texts_mut(wb: &mut Workbook, f: &mut dyn FnMut(&mut Text)) {
    visit!(wb, f, mut);
}
