//! Laying the workbook's steps out over the sprint's weeks and days.
//!
//! Week by week, each step's sessions (one, or one per group) take the
//! earliest time that keeps to the working day and finds their group, room
//! and (for a facilitated step) a facilitator free. A step's sessions come
//! after the same group's earlier sessions that week, and preferably on a
//! later day, so a week's steps spread over its working days. A week with
//! residents that touches a break is skipped: the process moves on a week.

use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDate, NaiveTime, TimeDelta};

use super::breaks::break_on;
use super::dates::first_on_or_after;
use super::day::Span;
use super::holidays::{holiday_on, is_working_day};
use super::{Appointment, Moved, Reason, Session, Settings};
use crate::workbook::{Phase, Runs, Step, Workbook};

/// The pause the same people or room get between two sessions.
const GAP_MINUTES: i64 = 15;

/// How many weeks in a row a break may push the process on before the plan
/// gives up (the summer holiday is eight).
const MAX_SKIPPED_WEEKS: u32 = 12;

/// A step whose session finds no free time in its week.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unfit {
    /// The step's id.
    pub step: String,
    /// The group, for a per-group step.
    pub group: Option<String>,
    /// The process week, from 1.
    pub week: u32,
    /// The Monday of the calendar week it was to be held in.
    pub monday: NaiveDate,
}

/// Who and what a session books.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Resource {
    Group(String),
    Room(String),
    Facilitator(String),
}

/// Every session of the workbook's process laid out by `settings`, sorted
/// by date and start time (workbook and group order within the same time).
pub fn plan(workbook: &Workbook, settings: &Settings) -> Result<Vec<Session>, Unfit> {
    let first_day = first_on_or_after(settings.start, settings.weekday);
    let mut planner = Planner {
        workbook,
        settings,
        monday: monday_of(first_day),
        week: 0,
        phase_week: 0,
        busy: HashMap::new(),
        sessions: Vec::new(),
    };
    for phase in &workbook.phases {
        if phase.consecutive_days {
            planner.run(phase)?;
        } else {
            for week in 1..=*phase.weeks {
                planner.week(phase, week)?;
            }
        }
    }
    let mut sessions = planner.sessions;
    // Stable, so sessions at the same date and time stay in workbook and group order.
    sessions.sort_by_key(|s| (s.date, s.start));
    Ok(sessions)
}

struct Planner<'a> {
    workbook: &'a Workbook,
    settings: &'a Settings,
    /// The Monday of the calendar week the next process week is held in.
    monday: NaiveDate,
    /// The process weeks planned so far.
    week: u32,
    /// The week within its phase of the week being planned.
    phase_week: u32,
    busy: HashMap<(NaiveDate, Resource), Vec<Span>>,
    sessions: Vec<Session>,
}

/// How closely a week keeps to the weekdays and times people asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// The sprint's and each group's weekday and time, steps on following days.
    Preferred,
    /// Packed from the week's first working day, but each group's own
    /// weekday and time (from samskap.yaml) kept.
    GroupsOwn,
    /// Packed from the week's first working day and the start of the day.
    Packed,
}

/// One session to place: a step, for everyone or for one group.
struct Want<'a> {
    phase: &'a Phase,
    step: &'a Step,
    group: Option<usize>,
}

impl<'a> Planner<'a> {
    /// Plans week `week` of `phase` in the next calendar week that can take it.
    fn week(&mut self, phase: &'a Phase, week: u8) -> Result<(), Unfit> {
        let steps: Vec<&Step> = phase.steps.iter().filter(|s| *s.week == week).collect();
        let residents = steps.iter().any(|s| self.has_residents(s));
        let usual = self.monday;
        let skipped = self.skip_breaks(residents, week_days);
        self.week += 1;
        self.phase_week = u32::from(week);
        let mut days = self.working_days(week_days(self.monday));
        let mut off_start = None;
        while days.is_empty() {
            // A first week with no working day left after the start (it
            // starts on Maundy Thursday, say): the week after, saying why.
            let day =
                self.monday + Days::new(u64::from(self.settings.weekday.num_days_from_monday()));
            off_start = off_start.or_else(|| {
                holiday_on(day).map(|h| Moved {
                    from: day,
                    reason: Reason::Holiday(h),
                })
            });
            self.monday = self.monday + Days::new(7);
            days = self.working_days(week_days(self.monday));
        }
        let planned = self.sessions.len();
        let mut result = self.try_week(phase, &steps, &days, usual, skipped.as_deref());
        if result.is_err() && self.week == 1 && days.len() < 5 {
            // The start leaves too little of its week: the process starts
            // the week after.
            self.monday = self.monday + Days::new(7);
            let days = self.working_days(week_days(self.monday));
            result = self.try_week(phase, &steps, &days, usual, skipped.as_deref());
        }
        self.monday = self.monday + Days::new(7);
        for session in &mut self.sessions[planned..] {
            session.moved = session.moved.take().or_else(|| off_start.clone());
        }
        result
    }

    /// Fills a week first as people prefer (their weekday and time, steps on
    /// following days); when the week cannot hold that, packed from its
    /// first working day keeping each group's own weekday and time; and
    /// only then packed without them. Nothing is kept of a try that fails.
    fn try_week(
        &mut self,
        phase: &'a Phase,
        steps: &[&'a Step],
        days: &[NaiveDate],
        usual: NaiveDate,
        skipped: Option<&str>,
    ) -> Result<(), Unfit> {
        let (busy, planned) = (self.busy.clone(), self.sessions.len());
        let own = self
            .settings
            .groups
            .iter()
            .any(|g| g.weekday.is_some() || g.time.is_some());
        let modes = [Mode::Preferred, Mode::GroupsOwn, Mode::Packed];
        let mut result = Ok(());
        for mode in modes.into_iter().filter(|m| own || *m != Mode::GroupsOwn) {
            result = self.fill_week(phase, steps, days, usual, skipped, mode);
            if result.is_ok() {
                return result;
            }
            self.busy.clone_from(&busy);
            self.sessions.truncate(planned);
        }
        result
    }

    fn fill_week(
        &mut self,
        phase: &'a Phase,
        steps: &[&'a Step],
        days: &[NaiveDate],
        usual: NaiveDate,
        skipped: Option<&str>,
        mode: Mode,
    ) -> Result<(), Unfit> {
        let mut cursor: Vec<Option<(NaiveDate, NaiveTime)>> =
            vec![None; self.settings.groups.len()];
        for step in steps {
            for want in self.wants(phase, step) {
                let pref = self.preferred_day(&want, days);
                let own_day = want
                    .group
                    .is_some_and(|g| self.settings.groups[g].weekday.is_some());
                let keep = match mode {
                    Mode::Preferred => true,
                    Mode::GroupsOwn => want.step.weekday.is_some() || own_day,
                    Mode::Packed => want.step.weekday.is_some(),
                };
                let try_from = if keep { pref } else { None };
                let mut session = self.place(&want, days, try_from, mode, &mut cursor)?;
                session.moved = self.why_moved(&session, pref, usual, skipped);
                self.sessions.push(session);
            }
        }
        Ok(())
    }

    /// Plans a phase of consecutive working days from the next Monday.
    fn run(&mut self, phase: &'a Phase) -> Result<(), Unfit> {
        let length = phase
            .steps
            .iter()
            .filter_map(|s| s.day.as_deref().copied())
            .max()
            .unwrap_or(1);
        let residents = phase.steps.iter().any(|s| self.has_residents(s));
        let usual = self.monday;
        let start = self.settings.start;
        let run_of = |monday: NaiveDate| -> Vec<NaiveDate> {
            monday
                .iter_days()
                .filter(|d| *d >= start && is_working_day(*d))
                .take(usize::from(length))
                .collect()
        };
        if start > self.monday {
            // A run keeps to one week where it can: it starts on a Monday.
            self.monday = self.monday + Days::new(7);
        }
        let skipped = self.skip_breaks(residents, run_of);
        let days = run_of(self.monday);
        let first_week = self.week;
        let (busy, planned) = (self.busy.clone(), self.sessions.len());
        let skipped = skipped.as_deref();
        let mut result = self.fill_run(phase, &days, usual, skipped, first_week, Mode::Preferred);
        if result.is_err() {
            self.busy = busy;
            self.sessions.truncate(planned);
            result = self.fill_run(phase, &days, usual, skipped, first_week, Mode::Packed);
        }
        result?;
        let last = *days.last().unwrap_or(&self.monday);
        let weeks_used =
            u32::try_from((monday_of(last) - self.monday).num_weeks()).unwrap_or(0) + 1;
        let weeks = weeks_used.max(u32::from(*phase.weeks));
        self.week = first_week + weeks;
        self.monday = self.monday + Days::new(7 * u64::from(weeks));
        Ok(())
    }

    /// Places each step of a run on its day.
    fn fill_run(
        &mut self,
        phase: &'a Phase,
        days: &[NaiveDate],
        usual: NaiveDate,
        skipped: Option<&str>,
        first_week: u32,
        mode: Mode,
    ) -> Result<(), Unfit> {
        let mut cursor: Vec<Option<(NaiveDate, NaiveTime)>> =
            vec![None; self.settings.groups.len()];
        for step in &phase.steps {
            let index = usize::from(step.day.as_deref().copied().unwrap_or(1).max(1)) - 1;
            let day = days[index.min(days.len() - 1)];
            let weeks_in = u32::try_from((monday_of(day) - self.monday).num_weeks()).unwrap_or(0);
            self.week = first_week + 1 + weeks_in;
            self.phase_week = 1 + weeks_in;
            let offset = Days::new(index as u64);
            let planned = self.monday + offset;
            for want in self.wants(phase, step) {
                let mut session = self.place(&want, &[day], Some(day), mode, &mut cursor)?;
                session.moved = match skipped {
                    Some(name) => Some(Moved {
                        from: usual + offset,
                        reason: Reason::Break(name.to_owned()),
                    }),
                    None => planned
                        .iter_days()
                        .take_while(|d| *d < day)
                        .find_map(holiday_on)
                        .map(|h| Moved {
                            from: planned,
                            reason: Reason::Holiday(h),
                        }),
                };
                self.sessions.push(session);
            }
        }
        Ok(())
    }

    /// Moves `self.monday` on past every week whose days (as `days_of`
    /// gives them) touch a break, when residents take part; the name of the
    /// first break skipped.
    fn skip_breaks(
        &mut self,
        residents: bool,
        days_of: impl Fn(NaiveDate) -> Vec<NaiveDate>,
    ) -> Option<String> {
        if !residents {
            return None;
        }
        let mut first = None;
        for _ in 0..MAX_SKIPPED_WEEKS {
            let days = self.working_days(days_of(self.monday));
            let Some(hit) = days
                .iter()
                .find_map(|d| break_on(&self.settings.breaks, *d))
            else {
                break;
            };
            first.get_or_insert_with(|| hit.name.clone());
            self.monday = self.monday + Days::new(7);
        }
        first
    }

    fn working_days(&self, days: Vec<NaiveDate>) -> Vec<NaiveDate> {
        days.into_iter()
            .filter(|d| *d >= self.settings.start && is_working_day(*d))
            .collect()
    }

    fn has_residents(&self, step: &Step) -> bool {
        step.roles
            .iter()
            .any(|r| self.workbook.role(r).is_some_and(|r| r.residents))
    }

    fn needs_facilitator(&self, step: &Step) -> bool {
        step.roles
            .iter()
            .any(|r| self.workbook.role(r).is_some_and(|r| r.facilitator))
    }

    fn wants(&self, phase: &'a Phase, step: &'a Step) -> Vec<Want<'a>> {
        match step.runs {
            Runs::Once => vec![Want {
                phase,
                step,
                group: None,
            }],
            Runs::PerGroup => (0..self.settings.groups.len())
                .map(|g| Want {
                    phase,
                    step,
                    group: Some(g),
                })
                .collect(),
        }
    }

    /// The day a session would be held if the week were free: the step's
    /// pinned weekday, else the group's, else the sprint's.
    fn preferred_day(&self, want: &Want<'_>, days: &[NaiveDate]) -> Option<NaiveDate> {
        let group_day = want.group.and_then(|g| self.settings.groups[g].weekday);
        let weekday = want
            .step
            .weekday
            .map(crate::sprint::config::chrono_weekday)
            .or(group_day)
            .unwrap_or(self.settings.weekday);
        let monday = days.first().map_or(self.monday, |d| monday_of(*d));
        let day = monday + Days::new(u64::from(weekday.num_days_from_monday()));
        (day >= self.settings.start).then_some(day)
    }

    /// Finds the session's time and books it.
    fn place(
        &mut self,
        want: &Want<'_>,
        days: &[NaiveDate],
        pref: Option<NaiveDate>,
        mode: Mode,
        cursor: &mut [Option<(NaiveDate, NaiveTime)>],
    ) -> Result<Session, Unfit> {
        let s = self.settings;
        let groups: Vec<usize> = match want.group {
            Some(g) => vec![g],
            None => (0..s.groups.len()).collect(),
        };
        let not_before = groups.iter().filter_map(|g| cursor[*g]).max();
        let group_time = want.group.and_then(|g| s.groups[g].time);
        let pref_time = match mode {
            Mode::Preferred => group_time.unwrap_or(s.time),
            Mode::GroupsOwn => group_time.unwrap_or(s.day.hours().start),
            Mode::Packed => s.day.hours().start,
        }
        .max(s.day.hours().start);
        let place = if want.step.appointment {
            None
        } else {
            want.group
                .and_then(|g| s.groups[g].place.clone())
                .or_else(|| s.place.clone())
        };
        let mut fixed: Vec<Resource> = groups
            .iter()
            .map(|g| Resource::Group(s.groups[*g].id.clone()))
            .collect();
        fixed.extend(place.clone().map(Resource::Room));
        let facilitators: Vec<String> = if !self.needs_facilitator(want.step) {
            Vec::new()
        } else if s.facilitators.is_empty() {
            vec![String::new()]
        } else {
            s.facilitators.clone()
        };
        // A pinned step keeps to its day (or the next working day of the week).
        let pinned = want.step.weekday.is_some().then(|| {
            let pref = pref.unwrap_or(self.monday);
            days.iter().copied().find(|d| *d >= pref)
        });
        let spread_from = not_before.map(|(d, _)| d + Days::new(1));
        let from = match (pref, spread_from) {
            (Some(p), Some(sp)) => Some(p.max(sp)),
            (p, sp) => p.or(sp),
        };
        let mut tries: Vec<(NaiveDate, NaiveTime)> = Vec::new();
        let later = |d: &&NaiveDate| from.is_none_or(|f| **d >= f);
        let allowed = |d: &&NaiveDate| pinned.is_none_or(|p| p == Some(**d));
        for floor in [pref_time, s.day.hours().start] {
            tries.extend(
                days.iter()
                    .filter(later)
                    .filter(allowed)
                    .map(|d| (*d, floor)),
            );
        }
        tries.extend(
            days.iter()
                .filter(allowed)
                .map(|d| (*d, s.day.hours().start)),
        );
        let minutes = i64::from(*want.step.minutes);
        for (date, floor) in tries {
            if not_before.is_some_and(|(d, _)| date < d) {
                continue;
            }
            let floor = match not_before {
                Some((d, t)) if d == date => floor.max(t),
                _ => floor,
            };
            if let Some((span, facilitator)) =
                self.earliest(date, floor, minutes, &fixed, &facilitators)
            {
                return Ok(self.book(
                    want,
                    date,
                    span,
                    place,
                    facilitator,
                    fixed,
                    &groups,
                    days,
                    cursor,
                ));
            }
        }
        Err(Unfit {
            step: want.step.id.as_str().to_owned(),
            group: want.group.map(|g| s.groups[g].id.clone()),
            week: self.week,
            monday: self.monday,
        })
    }

    /// The earliest span from `floor` on `date` that keeps to the day with
    /// every fixed resource free and one of `facilitators` (if any) free.
    fn earliest(
        &self,
        date: NaiveDate,
        floor: NaiveTime,
        minutes: i64,
        fixed: &[Resource],
        facilitators: &[String],
    ) -> Option<(Span, Option<String>)> {
        let day = self.settings.day;
        let gap = TimeDelta::minutes(GAP_MINUTES);
        let mut starts = vec![floor, day.lunch().end];
        let people = facilitators
            .iter()
            .map(|f| Resource::Facilitator(f.clone()));
        for resource in fixed.iter().cloned().chain(people) {
            if let Some(spans) = self.busy.get(&(date, resource)) {
                starts.extend(spans.iter().map(|s| s.end + gap));
            }
        }
        starts.retain(|t| *t >= floor);
        starts.sort();
        starts.dedup();
        starts.into_iter().find_map(|start| {
            let span = day.session_at(start, minutes)?;
            let free = |r: &Resource| self.free(date, r, span);
            if !fixed.iter().all(free) {
                return None;
            }
            if facilitators.is_empty() {
                return Some((span, None));
            }
            facilitators
                .iter()
                .find(|f| free(&Resource::Facilitator((*f).clone())))
                .map(|f| (span, Some(f.clone())))
        })
    }

    fn free(&self, date: NaiveDate, resource: &Resource, span: Span) -> bool {
        let gap = TimeDelta::minutes(GAP_MINUTES);
        self.busy
            .get(&(date, resource.clone()))
            .is_none_or(|spans| {
                spans
                    .iter()
                    .all(|b| !(span.start < b.end + gap && b.start < span.end + gap))
            })
    }

    #[allow(clippy::too_many_arguments)]
    fn book(
        &mut self,
        want: &Want<'_>,
        date: NaiveDate,
        span: Span,
        place: Option<String>,
        facilitator: Option<String>,
        mut resources: Vec<Resource>,
        groups: &[usize],
        days: &[NaiveDate],
        cursor: &mut [Option<(NaiveDate, NaiveTime)>],
    ) -> Session {
        resources.extend(facilitator.clone().map(Resource::Facilitator));
        for resource in resources {
            self.busy.entry((date, resource)).or_default().push(span);
        }
        for g in groups {
            cursor[*g] = Some((date, span.end));
        }
        let appointment = want.step.appointment.then(|| Appointment {
            from: *days.first().unwrap_or(&date),
            by: *days.last().unwrap_or(&date),
            booked: false,
        });
        Session {
            phase: want.phase.id.as_str().to_owned(),
            step: want.step.id.as_str().to_owned(),
            group: want.group.map(|g| self.settings.groups[g].id.clone()),
            week: self.week,
            phase_week: self.phase_week,
            date,
            start: span.start,
            end: span.end,
            place,
            facilitated: self.needs_facilitator(want.step),
            facilitator: facilitator.filter(|f| !f.is_empty()),
            residents: self.has_residents(want.step),
            appointment,
            moved: None,
        }
    }

    /// Why a session is not on its usual day: its preferred day was a
    /// holiday, or its week was pushed on by a break.
    fn why_moved(
        &self,
        session: &Session,
        pref: Option<NaiveDate>,
        usual: NaiveDate,
        skipped: Option<&str>,
    ) -> Option<Moved> {
        let pref = pref?;
        if let Some(name) = skipped {
            let from = usual + Days::new(u64::from(pref.weekday().num_days_from_monday()));
            return Some(Moved {
                from,
                reason: Reason::Break(name.to_owned()),
            });
        }
        let holiday = holiday_on(pref)?;
        (session.date != pref).then_some(Moved {
            from: pref,
            reason: Reason::Holiday(holiday),
        })
    }
}

/// The Monday of the week `date` is in.
fn monday_of(date: NaiveDate) -> NaiveDate {
    date - Days::new(u64::from(date.weekday().num_days_from_monday()))
}

/// Monday to Friday of the week starting `monday`.
fn week_days(monday: NaiveDate) -> Vec<NaiveDate> {
    (0..5).map(|i| monday + Days::new(i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::test_support::{date, time};
    use crate::plan::{GroupSettings, Holiday, WorkingDay};
    use crate::workbook::{WorkbookSource, load};
    use chrono::Weekday;

    fn workbook(name: &str) -> Workbook {
        let dir = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        load(&WorkbookSource::Path(dir.into())).unwrap()
    }

    fn settings(start: &str, weekday: Weekday, groups: &[&str]) -> Settings {
        Settings {
            start: date(start),
            weekday,
            time: time("09:00"),
            day: WorkingDay::USUAL,
            place: Some("Sal".into()),
            facilitators: Vec::new(),
            breaks: Vec::new(),
            groups: groups.iter().map(|g| GroupSettings::new(*g)).collect(),
        }
    }

    /// A session as one line, so whole plans compare at a glance.
    fn line(s: &Session) -> String {
        let moved = s.moved.as_ref().map_or(String::new(), |m| {
            format!(" (moved from {} {:?})", m.from, m.reason)
        });
        format!(
            "w{} {} {} {}-{} {}/{} {}{moved}",
            s.week,
            s.date,
            s.date.weekday(),
            s.start.format("%H:%M"),
            s.end.format("%H:%M"),
            s.phase,
            s.step,
            s.group.as_deref().unwrap_or("all"),
        )
    }

    fn lines(sessions: &[Session]) -> Vec<String> {
        sessions.iter().map(line).collect()
    }

    #[test]
    fn a_week_spreads_over_its_days_keeps_to_the_day_and_shares_the_room() {
        let wb = workbook("workbooks-valid/schedule");
        let sessions = plan(&wb, &settings("2027-04-29", Weekday::Thu, &["a", "b"])).unwrap();
        let moved = " (moved from 2027-05-06 Holiday(AscensionDay))";
        assert_eq!(
            lines(&sessions),
            [
                "w1 2027-04-29 Thu 09:00-10:00 utforske/oppstart all".to_owned(),
                // The next step goes to the next day; one room, so one group after the other,
                // and b does not run into lunch.
                "w1 2027-04-30 Fri 09:00-10:30 utforske/intervju a".to_owned(),
                "w1 2027-04-30 Fri 12:00-13:30 utforske/intervju b".to_owned(),
                format!("w2 2027-05-07 Fri 09:00-09:45 utforske/refleksjon a{moved}"),
                format!("w2 2027-05-07 Fri 10:00-10:45 utforske/refleksjon b{moved}"),
                "w4 2027-05-20 Thu 09:00-11:00 utvikle/prototyp a".to_owned(),
                "w4 2027-05-20 Thu 12:00-14:00 utvikle/prototyp b".to_owned(),
                "w5 2027-05-27 Thu 09:00-10:00 utvikle/visning all".to_owned(),
            ]
        );
        assert_eq!(
            sessions[3].moved.as_ref().map(|m| &m.reason),
            Some(&Reason::Holiday(Holiday::AscensionDay))
        );
    }

    #[test]
    fn groups_with_their_own_rooms_meet_at_once_and_their_own_time() {
        let wb = workbook("workbooks-valid/schedule");
        let mut s = settings("2027-01-11", Weekday::Mon, &["a", "b"]);
        s.groups[0].place = Some("Rom 1".into());
        s.groups[1].place = Some("Rom 2".into());
        s.groups[1].time = Some(time("13:00"));
        s.groups[1].weekday = Some(Weekday::Wed);
        let sessions = plan(&wb, &s).unwrap();
        let intervju: Vec<String> = lines(&sessions)
            .into_iter()
            .filter(|l| l.contains("intervju"))
            .collect();
        assert_eq!(
            intervju,
            [
                "w1 2027-01-12 Tue 09:00-10:30 utforske/intervju a",
                "w1 2027-01-13 Wed 13:00-14:30 utforske/intervju b",
            ]
        );
        assert_eq!(
            sessions
                .iter()
                .find(|x| x.group.as_deref() == Some("b"))
                .unwrap()
                .place
                .as_deref(),
            Some("Rom 2")
        );
    }

    #[test]
    fn one_facilitator_spreads_the_groups_over_the_week() {
        let mut wb = workbook("workbooks-valid/schedule");
        wb.roles[0].facilitator = true;
        let mut s = settings("2027-01-11", Weekday::Mon, &["a", "b", "c", "d", "e"]);
        for (n, g) in s.groups.iter_mut().enumerate() {
            g.place = Some(format!("Rom {n}"));
        }
        s.facilitators = vec!["Kari".into()];
        let sessions = plan(&wb, &s).unwrap();
        let prototyp: Vec<String> = lines(&sessions)
            .into_iter()
            .filter(|l| l.contains("prototyp"))
            .collect();
        assert_eq!(
            prototyp,
            [
                "w4 2027-02-01 Mon 09:00-11:00 utvikle/prototyp a",
                "w4 2027-02-01 Mon 12:00-14:00 utvikle/prototyp b",
                "w4 2027-02-02 Tue 09:00-11:00 utvikle/prototyp c",
                "w4 2027-02-02 Tue 12:00-14:00 utvikle/prototyp d",
                "w4 2027-02-03 Wed 09:00-11:00 utvikle/prototyp e",
            ]
        );
        assert!(
            sessions
                .iter()
                .all(|x| x.facilitator.as_deref() == Some("Kari"))
        );
        // With two facilitators, two groups work at once.
        s.facilitators.push("Ola".into());
        let sessions = plan(&wb, &s).unwrap();
        let monday: Vec<_> = sessions
            .iter()
            .filter(|x| {
                x.step == "prototyp" && x.start == time("09:00") && x.date == date("2027-02-01")
            })
            .collect();
        assert_eq!(monday.len(), 2);
    }

    #[test]
    fn a_week_that_cannot_hold_its_sessions_names_the_first_that_does_not_fit() {
        let mut wb = workbook("workbooks-valid/schedule");
        wb.roles[0].facilitator = true;
        let groups: Vec<String> = (1..=12).map(|n| format!("g{n}")).collect();
        let names: Vec<&str> = groups.iter().map(String::as_str).collect();
        let s = settings("2027-01-11", Weekday::Mon, &names);
        let unfit = plan(&wb, &s).unwrap_err();
        assert_eq!(unfit.step, "prototyp");
        assert_eq!(unfit.week, 4);
        assert_eq!(unfit.monday, date("2027-02-01"));
        assert!(unfit.group.is_some());
    }

    #[test]
    fn a_pinned_weekday_is_kept() {
        let mut wb = workbook("workbooks-valid/schedule");
        wb.phases[1].steps[1].weekday = Some(crate::workbook::Weekday::Fri);
        let sessions = plan(&wb, &settings("2027-01-11", Weekday::Mon, &["a"])).unwrap();
        let visning = sessions.iter().find(|x| x.step == "visning").unwrap();
        assert_eq!(visning.date, date("2027-02-12"));
    }

    #[test]
    fn an_appointment_has_its_week_as_window_and_no_room() {
        let mut wb = workbook("workbooks-valid/schedule");
        wb.phases[0].steps[1].appointment = true;
        let sessions = plan(&wb, &settings("2027-01-11", Weekday::Mon, &["a", "b"])).unwrap();
        let intervju: Vec<_> = sessions.iter().filter(|x| x.step == "intervju").collect();
        for x in &intervju {
            assert_eq!(x.place, None);
            let window = x.appointment.unwrap();
            assert_eq!(
                (window.from, window.by, window.booked),
                (date("2027-01-11"), date("2027-01-15"), false)
            );
            assert!(x.unbooked());
        }
        // No room to share: both groups at once.
        assert_eq!(intervju[0].start, intervju[1].start);
    }

    #[test]
    fn a_week_with_residents_in_a_break_moves_the_process_on() {
        let mut wb = workbook("workbooks-valid/schedule");
        wb.roles[0].residents = true;
        let mut s = settings("2027-02-15", Weekday::Tue, &["a"]);
        s.breaks = vec![crate::plan::Break {
            name: "Vinterferie 2027".into(),
            from: date("2027-02-22"),
            to: date("2027-02-28"),
        }];
        let sessions = plan(&wb, &s).unwrap();
        let refleksjon = sessions.iter().find(|x| x.step == "refleksjon").unwrap();
        assert_eq!(refleksjon.date, date("2027-03-02"));
        assert_eq!(
            refleksjon.moved,
            Some(Moved {
                from: date("2027-02-23"),
                reason: Reason::Break("Vinterferie 2027".into())
            })
        );
        // The weeks after follow on.
        let visning = sessions.iter().find(|x| x.step == "visning").unwrap();
        assert_eq!(visning.date, date("2027-03-23"));
    }

    #[test]
    fn a_start_late_in_its_week_leaves_the_earlier_days_free() {
        let wb = workbook("workbooks-valid/schedule");
        let sessions = plan(&wb, &settings("2027-01-14", Weekday::Mon, &["x"])).unwrap();
        assert!(sessions.iter().all(|x| x.date >= date("2027-01-14")));
        assert_eq!(sessions[0].date, date("2027-01-18"));
    }
}
