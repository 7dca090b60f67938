//! Creating a sprint workspace: the plain settings `new-sprint` gathers
//! (from flags or prompts) and the files made from them.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveTime};

use super::{PROGRESS_FILE, SPRINT_FILE};
use crate::error::{Error, Result};
use crate::fs::{self, Overwrite};
use crate::i18n::msg;
use crate::workbook::{Lang, Weekday};

/// Everything needed to start a sprint, however it was gathered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewSprint {
    /// The sprint's name.
    pub name: String,
    /// The documents' language.
    pub lang: Lang,
    /// The workbook, as a path relative to the workspace; `None` for the built-in one.
    pub workbook: Option<String>,
    /// The challenge.
    pub challenge: String,
    /// The target group.
    pub target_group: String,
    /// The first day.
    pub start: NaiveDate,
    /// The session weekday.
    pub weekday: Weekday,
    /// The session start time.
    pub time: NaiveTime,
    /// Where sessions are held.
    pub place: Option<String>,
    /// The steering group's members.
    pub steering_group: Vec<String>,
    /// The work groups, in order.
    pub groups: Vec<NewGroup>,
    /// The working day and lunch.
    pub day: crate::plan::WorkingDay,
    /// The breaks proposed (school holidays).
    pub breaks: Vec<crate::plan::Break>,
    /// The people agendas and the interview guide name.
    pub people: NewPeople,
}

/// The facilitators, the project lead and the contact for withdrawing
/// consent, as `new-sprint` was told them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewPeople {
    /// The facilitators, in order.
    pub facilitators: Vec<String>,
    /// The project lead.
    pub project_lead: Option<String>,
    /// The contact's name and phone number.
    pub contact: Option<(String, String)>,
}

/// A work group of a new sprint.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewGroup {
    /// The part of the challenge it explores (may be filled in later).
    pub sub_challenge: String,
    /// Its members.
    pub members: Vec<String>,
}

/// What `create` did.
#[derive(Debug, Default)]
pub struct Created {
    /// Files written.
    pub written: Vec<PathBuf>,
    /// Files that were there already and were kept as they are.
    pub kept: Vec<PathBuf>,
}

/// A YAML scalar that reads back as exactly `s` (JSON strings are YAML).
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

fn list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|i| quoted(i)).collect();
    format!("[{}]", items.join(", "))
}

fn weekday_code(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "mon",
        Weekday::Tue => "tue",
        Weekday::Wed => "wed",
        Weekday::Thu => "thu",
        Weekday::Fri => "fri",
    }
}

impl NewSprint {
    /// The text of `samskap.yaml`, with comments that explain each field.
    pub fn sprint_yaml(&self) -> String {
        let l = self.lang;
        let mut y = String::new();
        let mut line = |s: &str| {
            y.push_str(s);
            y.push('\n');
        };
        line("# yaml-language-server: $schema=samskap.schema.json");
        line("#");
        line(crate::i18n::msg::create_the_sprint_s_settings_the(l));
        line("");
        line(crate::i18n::msg::create_the_sprint_s_name_shown(l));
        line(&format!("name: {}", quoted(&self.name)));
        line(crate::i18n::msg::create_a_fixed_id_for_the(l));
        line(&format!("id: {}", self.calendar_id()));
        line(crate::i18n::msg::create_the_documents_language_nb_norwegian(l));
        line(&format!("lang: {}", self.lang));
        line(crate::i18n::msg::create_the_workbook_relative_to_this(l));
        match &self.workbook {
            Some(path) => line(&format!("workbook: {}", quoted(path))),
            None => line("# workbook: min-arbeidsbok"),
        }
        line(crate::i18n::msg::create_the_challenge_problem_statement_the(l));
        line(&format!("challenge: {}", quoted(&self.challenge)));
        line(crate::i18n::msg::create_target_group_comment(l));
        line(&format!("target_group: {}", quoted(&self.target_group)));
        line(crate::i18n::msg::create_the_first_day_of_the(l));
        line(&format!("start: {}", self.start.format("%Y-%m-%d")));
        line(crate::i18n::msg::create_the_weekday_of_the_sessions(l));
        line(&format!("weekday: {}", weekday_code(self.weekday)));
        line(crate::i18n::msg::create_the_time_sessions_start_hh(l));
        line(&format!("time: \"{}\"", self.time.format("%H:%M")));
        self.write_plan_fields(&mut line);
        line(crate::i18n::msg::create_where_the_sessions_are_held(l));
        match &self.place {
            Some(place) => line(&format!("place: {}", quoted(place))),
            None => line(crate::i18n::msg::create_place_example(l)),
        }
        line(crate::i18n::msg::create_the_steering_group(l));
        line(&format!("steering_group: {}", list(&self.steering_group)));
        self.write_people(&mut line);
        line(crate::i18n::msg::create_groups_comment(l));
        line("groups:");
        for (i, group) in self.groups.iter().enumerate() {
            let n = i + 1;
            line(&format!(
                "  - id: {}-{n}",
                crate::i18n::msg::create_group(l)
            ));
            line(&format!(
                "    name: {}",
                quoted(&format!("{} {n}", crate::i18n::msg::context_group(l)))
            ));
            line(crate::i18n::msg::create_the_part_of_the_challenge(l));
            line(&format!(
                "    sub_challenge: {}",
                quoted(&group.sub_challenge)
            ));
            line(&format!("    members: {}", list(&group.members)));
            for comment in crate::i18n::msg::create_group_slot_comment(l).lines() {
                line(&format!("    {comment}"));
            }
        }
        y
    }

    /// The working day, lunch, facilitators and breaks, with comments.
    fn write_plan_fields(&self, line: &mut impl FnMut(&str)) {
        let l = self.lang;
        let span =
            |s: crate::plan::Span| format!("{}-{}", s.start.format("%H:%M"), s.end.format("%H:%M"));
        line(crate::i18n::msg::create_hours_comment(l));
        line(&format!("hours: \"{}\"", span(self.day.hours())));
        line(crate::i18n::msg::create_lunch_comment(l));
        line(&format!("lunch: \"{}\"", span(self.day.lunch())));
        line(crate::i18n::msg::create_breaks_comment(l));
        if self.breaks.is_empty() {
            line("breaks: []");
        } else {
            line(crate::i18n::msg::create_breaks_proposed_comment(l));
            line("breaks:");
            for b in &self.breaks {
                line(&format!("  - name: {}", quoted(&b.name)));
                line(&format!("    from: {}", b.from.format("%Y-%m-%d")));
                line(&format!("    to: {}", b.to.format("%Y-%m-%d")));
            }
        }
    }

    /// The facilitators, the project lead and the contact, with comments;
    /// those not given as examples to fill in.
    fn write_people(&self, line: &mut impl FnMut(&str)) {
        let (l, p) = (self.lang, &self.people);
        line(msg::create_facilitators_comment(l));
        line(&format!("facilitators: {}", list(&p.facilitators)));
        line(&format!("# {}", msg::new_sprint_yaml_project_lead(l)));
        match &p.project_lead {
            Some(name) => line(&format!("project_lead: {}", quoted(name))),
            None => line("# project_lead: \"…\""),
        }
        line(&format!("# {}", msg::new_sprint_yaml_contact(l)));
        match &p.contact {
            Some((name, phone)) => line(&format!(
                "contact: {{ name: {}, phone: {} }}",
                quoted(name),
                quoted(phone)
            )),
            // No number in the example: a comment is checked like the rest.
            None => line("# contact: { name: \"…\", phone: \"…\" }"),
        }
    }

    /// The sprint's fixed calendar id: a slug of the name and the start date.
    pub fn calendar_id(&self) -> String {
        format!(
            "{}-{}",
            crate::render::ics::slug(&self.name),
            self.start.format("%Y-%m-%d")
        )
    }

    /// The workspace's README: what to do next, in the sprint's language.
    pub fn readme(&self, wb: &crate::workbook::Workbook) -> String {
        let l = self.lang;
        // The README is a whole page, kept whole in each language.
        let body = match l {
            Lang::En => README_EN,
            Lang::Nb => README_NB,
            Lang::Nn => README_NN,
        };
        format!(
            "# {}\n\n{}{}",
            self.name,
            body,
            super::readme::records(wb, l)
        )
    }

    /// Every file of a new workspace, relative to its folder.
    pub fn files(&self, wb: &crate::workbook::Workbook) -> Vec<(PathBuf, String)> {
        vec![
            (PathBuf::from(SPRINT_FILE), self.sprint_yaml()),
            (
                PathBuf::from("samskap.schema.json"),
                super::schema(self.lang),
            ),
            (
                PathBuf::from(PROGRESS_FILE),
                super::Progress::default().render(self.lang),
            ),
            (PathBuf::from("README.md"), self.readme(wb)),
            (PathBuf::from(".gitignore"), gitignore(self.lang)),
        ]
    }
}

/// The sprint's `.gitignore`, its comments in `lang`.
fn gitignore(lang: Lang) -> String {
    use crate::i18n::msg;
    format!(
        "{}\nout/\n.samskap.lock\n{}\n.samskap-tmp-*\n{}\nprivate/\n",
        msg::gitignore_made_again(lang),
        msg::gitignore_half_written(lang),
        msg::gitignore_private(lang),
    )
}

const README_NB: &str = "\
Dette er arbeidsområdet for sprinten, laget med `samskap new-sprint`.

## Slik kommer dere videre

1. Les gjennom og fyll inn `samskap.yaml`: underproblemstillingen og
   medlemmene i hver arbeidsgruppe, styringsgruppa og stedet.
   Sjekk endringene med `samskap check`.
2. Se hvor sprinten står og hva som mangler: `samskap status`.
3. Se neste steg i sin helhet, med agenda og klokkeslett: `samskap next`.
4. Når et steg er gjennomført: `samskap done STEG` (legg til `--group ID`
   for steg som holdes i hver gruppe).

Alle kommandoene kan kjøres fra denne mappen eller en mappe under den.

## Filene

| fil | hva |
|---|---|
| `samskap.yaml` | innstillingene for sprinten; deres fil, samskap skriver den aldri om |
| `progress.yaml` | hvilke steg som er gjennomført; skrives bare av samskap |
| `groups/ID/interviews/` | intervjunotatene til hver gruppe |
| `out/` | dokumentene samskap lager (ikke i git) |

## Personvern

Intervjunotatene handler om mennesker og kan inneholde sensitive
personopplysninger. Bruk pseudonymer, aldri navn, fødselsnummer,
telefonnummer eller e-postadresser. Lagre arbeidsområdet bare der
organisasjonen har godkjent lagring av slike opplysninger, og slett notatene
når prosjektet er ferdig.
";

pub(crate) const README_NN: &str = "\
Dette er arbeidsområdet for sprinten, laga med `samskap new-sprint`.

## Slik kjem de vidare

1. Les gjennom og fyll inn `samskap.yaml`: underproblemstillinga og
   medlemene i kvar arbeidsgruppe, styringsgruppa og staden.
   Sjekk endringane med `samskap check`.
2. Sjå kvar sprinten står og kva som manglar: `samskap status`.
3. Sjå neste steg i heilskap, med agenda og klokkeslett: `samskap next`.
4. Når eit steg er gjennomført: `samskap done STEG` (legg til `--group ID`
   for steg som blir haldne i kvar gruppe).

Alle kommandoane kan køyrast frå denne mappa eller ei mappe under ho.

## Filene

| fil | kva |
|---|---|
| `samskap.yaml` | innstillingane for sprinten; fila dykkar, samskap skriv henne aldri om |
| `progress.yaml` | kva steg som er gjennomførte; berre samskap skriv henne |
| `groups/ID/interviews/` | intervjunotata til kvar gruppe |
| `out/` | dokumenta samskap lagar (ikkje i git) |

## Personvern

Intervjunotata handlar om menneske og kan innehalde sensitive
personopplysningar. Bruk pseudonym, aldri namn, fødselsnummer,
telefonnummer eller e-postadresser. Lagre arbeidsområdet berre der
organisasjonen har godkjent lagring av slike opplysningar, og slett notata
når prosjektet er ferdig.
";

const README_EN: &str = "\
This is the sprint's workspace, made with `samskap new-sprint`.

## What to do next

1. Read and fill in `samskap.yaml`: each work group's sub-challenge and
   members, the steering group and the place. Check your changes with
   `samskap check`.
2. See where the sprint stands and what is missing: `samskap status`.
3. See the next step in full, with its agenda and clock times: `samskap next`.
4. When a step has been held: `samskap done STEP` (add `--group ID` for steps
   held in each group).

Every command works from this folder or any folder below it.

## The files

| file | what |
|---|---|
| `samskap.yaml` | the sprint's settings; yours, samskap never rewrites it |
| `progress.yaml` | which steps are done; written only by samskap |
| `groups/ID/interviews/` | each group's interview notes |
| `out/` | documents samskap makes (not in git) |

## Privacy

The interview notes are about people and may hold sensitive personal data.
Use pseudonyms, never names, national identity numbers, phone numbers or
e-mail addresses. Keep the workspace only where your organisation has approved
storage of such data, and delete the notes when the project ends.
";

/// Creates the workspace in `dir`. An existing, non-empty `dir` is refused
/// unless `force`; even then no existing file is changed.
pub fn create(
    dir: &Path,
    new: &NewSprint,
    wb: &crate::workbook::Workbook,
    force: bool,
) -> Result<Created> {
    let non_empty = std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some());
    if non_empty && !force {
        return Err(Error::NotEmpty(dir.to_owned()));
    }
    let mut created = Created::default();
    for (relative, contents) in new.files(wb) {
        let path = super::path_in(dir, &relative);
        if path.exists() {
            created.kept.push(path);
            continue;
        }
        fs::write(&path, contents.as_bytes(), Overwrite::Never)?;
        created.written.push(path);
    }
    Ok(created)
}
