//! The part of a new sprint's README.md that describes the records people
//! write by hand: every field of `solutions.yaml` (with the workbook's own
//! challenges and measures) and of an interview note's front matter.

use crate::workbook::{Lang, Workbook};

/// The README's sections on the records, in `lang`, for `wb`.
pub fn records(wb: &Workbook, lang: Lang) -> String {
    let challenges: Vec<String> = wb
        .knowledge
        .iter()
        .flat_map(|k| &k.challenges)
        .map(|c| format!("`{}` ({})", c.id, c.title.get(lang)))
        .collect();
    let measures: Vec<String> = wb
        .measures
        .iter()
        .map(|m| {
            let unit = m.unit.as_ref().map(|u| u.get(lang)).unwrap_or_default();
            format!("`{}` ({}, {unit})", m.id, m.label.get(lang))
        })
        .collect();
    let none = crate::i18n::msg::readme_none_in_the_workbook(lang);
    let or_none = |items: Vec<String>| {
        if items.is_empty() {
            none.to_owned()
        } else {
            items.join(", ")
        }
    };
    let text = match lang {
        Lang::Nb => SOLUTIONS_NB,
        Lang::Nn => SOLUTIONS_NN,
        Lang::En => SOLUTIONS_EN,
    };
    text.replace("{challenges}", &or_none(challenges))
        .replace("{measures}", &or_none(measures))
}

const SOLUTIONS_NB: &str = "
## Løsningene: `groups/ID/solutions.yaml`

Hver arbeidsgruppe fører løsningene sine i `groups/ID/solutions.yaml`;
`samskap solution new --group ID` legger til én. Hver løsning har disse
feltene:

| felt | hva |
|---|---|
| `id` | en kort id: små bokstaver a-z, tall og bindestrek, ulik alle andre løsninger i sprinten |
| `title` | navnet på løsningen, slik rapporten viser det |
| `description` | hva løsningen er, med noen få setninger |
| `sub_challenge` | underproblemstillingen løsningen svarer på |
| `challenges` | en liste over systemutfordringene den tar tak i: {challenges} |
| `status` | `idea` (idé), `prototype` (prototyp), `tested` (testet) eller `in-use` (i bruk) |
| `measures` | anslått effekt, ett tall per mål (`3` eller `3,5`): {measures} |
| `owner` | hvem som eier løsningen videre |
| `next_step` | det neste som skal skje |

## Intervjunotatene: `groups/ID/interviews/*.md`

`samskap interview new` skriver et notat med feltene øverst:
`pseudonym` (et oppdiktet navn, aldri et ekte), `date` (ÅÅÅÅ-MM-DD),
`interviewers`, `consent` og `tags`. Samtykket har to deler:
`interview` (til samtalen og notatene) og `quotes` (til korte sitater uten
navn), hver `given`, `declined`, `withdrawn` eller `pending` (ikke spurt
ennå). Et notat med samtykke til intervjuet telles med; bare et notat som
også har samtykke til sitater, siteres. `samskap check` minner dere på
samtykker som står som `pending`.
";

pub(crate) const SOLUTIONS_NN: &str = "
## Løysingane: `groups/ID/solutions.yaml`

Kvar arbeidsgruppe fører løysingane sine i `groups/ID/solutions.yaml`;
`samskap solution new --group ID` legg til ei. Kvar løysing har desse
felta:

| felt | kva |
|---|---|
| `id` | ein kort id: små bokstavar a-z, tal og bindestrek, ulik alle andre løysingar i sprinten |
| `title` | namnet på løysinga, slik rapporten viser det |
| `description` | kva løysinga er, med nokre få setningar |
| `sub_challenge` | underproblemstillinga løysinga svarar på |
| `challenges` | ei liste over systemutfordringane ho tek tak i: {challenges} |
| `status` | `idea` (idé), `prototype` (prototype), `tested` (testa) eller `in-use` (i bruk) |
| `measures` | venta effekt, eitt tal per mål (`3` eller `3,5`): {measures} |
| `owner` | kven som eig løysinga vidare |
| `next_step` | det neste som skal skje |

## Intervjunotata: `groups/ID/interviews/*.md`

`samskap interview new` skriv eit notat med felta øvst:
`pseudonym` (eit oppdikta namn, aldri eit ekte), `date` (ÅÅÅÅ-MM-DD),
`interviewers`, `consent` og `tags`. Samtykket har to delar:
`interview` (til samtalen og notata) og `quotes` (til korte sitat utan
namn), kvar `given`, `declined`, `withdrawn` eller `pending` (ikkje spurt
enno). Eit notat med samtykke til intervjuet blir teke med i tala; berre
eit notat som også har samtykke til sitat, blir sitert. `samskap check`
minner dykk på samtykke som står som `pending`.
";

const SOLUTIONS_EN: &str = "
## The solutions: `groups/ID/solutions.yaml`

Each work group keeps its solutions in `groups/ID/solutions.yaml`;
`samskap solution new --group ID` adds one. Each solution has these
fields:

| field | what |
|---|---|
| `id` | a short id: lowercase letters a-z, digits and hyphens, unlike every other solution of the sprint |
| `title` | the solution's name, as the report shows it |
| `description` | what the solution is, in a few sentences |
| `sub_challenge` | the sub-challenge it answers |
| `challenges` | a list of the system challenges it takes on: {challenges} |
| `status` | `idea`, `prototype`, `tested` or `in-use` |
| `measures` | the estimated effect, one number per measure (`3` or `3.5`): {measures} |
| `owner` | who owns the solution from here |
| `next_step` | what happens next |

## The interview notes: `groups/ID/interviews/*.md`

`samskap interview new` writes a note with these fields at the top:
`pseudonym` (an invented name, never a real one), `date` (YYYY-MM-DD),
`interviewers`, `consent` and `tags`. Consent has two parts: `interview`
(to the conversation and the notes) and `quotes` (to short quotes without
names), each `given`, `declined`, `withdrawn` or `pending` (not asked yet).
A note with consent to the interview is counted; only a note with consent
to quotes as well is quoted. `samskap check` reminds you of consents still
`pending`.
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_solutions_field_is_described() {
        let wb = crate::workbook::load(&crate::workbook::WorkbookSource::BuiltIn).unwrap();
        // Every field of the file as samskap reads it, but the older form
        // of the measures, which is read and no longer written.
        let schema = schemars::schema_for!(crate::records::solutions::SolutionEntry);
        let fields: Vec<&String> = schema.as_value()["properties"]
            .as_object()
            .unwrap()
            .keys()
            .filter(|k| *k != "hours_per_month")
            .collect();
        assert_eq!(fields.len(), 9, "{fields:?}");
        for lang in Lang::ALL {
            let text = records(&wb, lang);
            for field in &fields {
                assert!(text.contains(&format!("| `{field}` |")), "{lang}: {field}");
            }
            assert!(text.contains("`families`"), "{text}");
            assert!(!text.contains('{'), "{text}");
        }
    }
}
