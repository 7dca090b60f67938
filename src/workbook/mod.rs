//! The workbook: a reusable process definition written in YAML. `model`
//! holds the types as written, `load` reads the files (built in or on disk),
//! `validate` checks their meaning and joins them into one [`Workbook`].

pub mod describe;
pub mod load;
pub mod model;
pub mod named;
pub mod terms;
pub mod text;
pub mod timing;
mod validate;
pub mod walk;
pub mod words;

pub use load::{WorkbookSource, builtin_files, load, load_unfilled};
pub use model::*;
pub use text::{At, Id, Lang, Loc, Text, TextValue};

/// The form every id must have, as a regular expression (for the JSON Schema).
pub const SLUG_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// Whether `s` is a lowercase slug: `a-z`, `0-9` and single inner hyphens.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// `name` as a slug: lowercase ASCII letters, digits and single hyphens.
/// Accented Latin letters become their base letter (`é` → `e`, `å` → `a`),
/// and `æ`, `ø`, `ß`, `œ` are spelt out (`ae`, `o`, `ss`, `oe`). `None` when
/// nothing is left, as for a name in another script.
pub fn slugify(name: &str) -> Option<String> {
    slug_of(name, false)
}

/// Like [`slugify`], keeping letters of every script (`ωmega`, `李`): for
/// file names, which need not be ASCII, of pseudonyms, which may not be.
pub fn file_slug(name: &str) -> Option<String> {
    slug_of(name, true)
}

fn slug_of(name: &str, any_script: bool) -> Option<String> {
    // Headings and tags are slugged for every note: most are ASCII or
    // Norwegian, which need no Unicode decomposition.
    match plain_slug(name) {
        Some(slug) => (!slug.is_empty()).then_some(slug),
        None => full_slug(name, any_script),
    }
}

/// The slug of any name: decomposed, so accents fall off their letters.
fn full_slug(name: &str, any_script: bool) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    let mut slug = String::new();
    for c in name
        .nfd()
        .filter(|&c| !is_combining_mark(c))
        .flat_map(char::to_lowercase)
    {
        match c {
            'a'..='z' | '0'..='9' => slug.push(c),
            'æ' => slug.push_str("ae"),
            'ø' => slug.push('o'),
            'ß' => slug.push_str("ss"),
            'œ' => slug.push_str("oe"),
            'đ' | 'ð' => slug.push('d'),
            'ł' => slug.push('l'),
            'þ' => slug.push_str("th"),
            c if any_script && c.is_alphanumeric() => slug.push(c),
            _ if !slug.is_empty() && !slug.ends_with('-') => slug.push('-'),
            _ => {}
        }
    }
    let slug = slug.trim_end_matches('-');
    // Recomposed, so a file name shows as typed.
    (!slug.is_empty()).then(|| slug.nfc().collect())
}

/// The slug of a name written in ASCII and æ, ø, å only, as [`slug_of`]
/// makes it; `None` for any other letter, which needs the full way.
fn plain_slug(name: &str) -> Option<String> {
    let mut slug = String::with_capacity(name.len());
    for c in name.chars() {
        match c.to_ascii_lowercase() {
            c @ ('a'..='z' | '0'..='9') => slug.push(c),
            'æ' | 'Æ' => slug.push_str("ae"),
            'ø' | 'Ø' => slug.push('o'),
            'å' | 'Å' => slug.push('a'),
            c if !c.is_ascii() => return None,
            _ if !slug.is_empty() && !slug.ends_with('-') => slug.push('-'),
            _ => {}
        }
    }
    let len = slug.trim_end_matches('-').len();
    slug.truncate(len);
    Some(slug)
}

/// A loaded and validated workbook: every reference resolves, every id is a
/// unique slug, every text has every declared language.
#[derive(Clone, Debug, PartialEq)]
pub struct Workbook {
    /// The workbook's name.
    pub title: Text,
    /// What it is for.
    pub description: Option<Text>,
    /// The languages every text is given in.
    pub languages: Vec<Lang>,
    /// Defaults for a new sprint.
    pub defaults: Defaults,
    /// The roles people have.
    pub roles: Vec<Role>,
    /// The phases, in order.
    pub phases: Vec<Phase>,
    /// The method library.
    pub methods: Vec<Method>,
    /// The interview question bank, if the workbook has one.
    pub questions: Option<QuestionBank>,
    /// The co-creation model, if the workbook has one.
    pub model: Option<Model>,
    /// The knowledge base, if the workbook has one.
    pub knowledge: Option<Knowledge>,
    /// The words for the people the process is for, if the workbook gives them.
    pub people: Option<People>,
    /// What solutions' effects are measured in.
    pub measures: Vec<Measure>,
    /// The vocabulary of note tags.
    pub tags: Vec<Tag>,
    /// What the report holds.
    pub report: ReportSettings,
}

/// Anything in a workbook that has an id.
#[derive(Clone, Copy, Debug)]
pub enum Item<'a> {
    /// A role.
    Role(&'a Role),
    /// A phase.
    Phase(&'a Phase),
    /// A step, with its phase.
    Step(&'a Phase, &'a Step),
    /// A method.
    Method(&'a Method),
    /// A question topic.
    Topic(&'a Topic),
    /// A prerequisite of the model.
    Prerequisite(&'a Prerequisite),
    /// A statement of a prerequisite.
    Statement(&'a Prerequisite, &'a Statement),
    /// A system challenge.
    Challenge(&'a Challenge),
}

impl Workbook {
    /// Every step with its phase, in process order.
    pub fn steps(&self) -> impl Iterator<Item = (&Phase, &Step)> {
        self.phases
            .iter()
            .flat_map(|p| p.steps.iter().map(move |s| (p, s)))
    }

    /// The step with this id.
    pub fn step(&self, id: &str) -> Option<(&Phase, &Step)> {
        self.steps().find(|(_, s)| s.id.as_str() == id)
    }

    /// The method with this id.
    pub fn method(&self, id: &str) -> Option<&Method> {
        self.methods.iter().find(|m| m.id.as_str() == id)
    }

    /// The role with this id.
    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.id.as_str() == id)
    }

    /// The question topic with this id.
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.questions
            .as_ref()?
            .topics
            .iter()
            .find(|t| t.id.as_str() == id)
    }

    /// The ids of the knowledge base's system challenges.
    pub fn challenge_ids(&self) -> Vec<&str> {
        self.knowledge
            .as_ref()
            .map(|k| k.challenges.iter().map(|c| c.id.as_str()).collect())
            .unwrap_or_default()
    }

    /// The question topics of a work group's interviews: those of the
    /// sprint's per-group interview step, else every topic.
    pub fn interview_topics(&self) -> Vec<&Topic> {
        let Some(bank) = self.questions.as_ref() else {
            return Vec::new();
        };
        let step_topics: Vec<&str> = self
            .steps()
            .find(|(p, s)| p.sprint && s.runs == Runs::PerGroup && s.kind == StepKind::Interview)
            .map(|(_, s)| s.topics.iter().map(|t| t.value.as_str()).collect())
            .unwrap_or_default();
        bank.topics
            .iter()
            .filter(|t| step_topics.is_empty() || step_topics.contains(&t.id.as_str()))
            .collect()
    }

    /// The language to speak for `wanted`: it when the workbook is written
    /// in it, else its other Norwegian standard, else the first language
    /// the workbook declares.
    pub fn lang_for(&self, wanted: Lang) -> Lang {
        let near = match wanted {
            Lang::Nb => Lang::Nn,
            Lang::Nn | Lang::En => Lang::Nb,
        };
        [wanted, near]
            .into_iter()
            .find(|l| self.languages.contains(l))
            .or_else(|| self.languages.first().copied())
            .unwrap_or(wanted)
    }

    /// A usage error naming the workbook's languages when `lang`, asked
    /// for with --lang or the sprint's `lang`, is not one it is written in.
    pub fn require_lang(&self, lang: Lang) -> crate::error::Result<Lang> {
        if self.languages.is_empty() || self.languages.contains(&lang) {
            return Ok(lang);
        }
        let langs = self
            .languages
            .iter()
            .map(|l| format!("`{l}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let ui = crate::i18n::ui();
        Err(crate::error::Error::usage(
            crate::i18n::msg::lang_not_in_workbook(ui, lang, &langs),
            crate::i18n::msg::lang_not_in_workbook_hint(ui, &langs),
        ))
    }

    /// The vocabulary's tag for a tag as written in a note: the one with
    /// this id, or whose id is its slug (`#søsken` is `sosken`).
    pub fn tag(&self, written: &str) -> Option<&Tag> {
        self.tags
            .iter()
            .find(|t| t.id.as_str() == written)
            .or_else(|| {
                let slug = slugify(written)?;
                self.tags.iter().find(|t| t.id.as_str() == slug)
            })
    }

    /// A tag as written, under the id it has in the vocabulary, so that
    /// `søsken` and `sosken` count as one theme; as written when unknown.
    pub fn tag_id<'a>(&'a self, written: &'a str) -> &'a str {
        self.tag(written).map_or(written, |t| t.id.as_str())
    }

    /// Everything that has an id, in the order of the workbook.
    pub fn items(&self) -> Vec<(&Id, Item<'_>)> {
        let mut items: Vec<(&Id, Item<'_>)> = Vec::new();
        items.extend(self.roles.iter().map(|r| (&r.id, Item::Role(r))));
        for phase in &self.phases {
            items.push((&phase.id, Item::Phase(phase)));
            items.extend(phase.steps.iter().map(|s| (&s.id, Item::Step(phase, s))));
        }
        items.extend(self.methods.iter().map(|m| (&m.id, Item::Method(m))));
        if let Some(q) = &self.questions {
            items.extend(q.topics.iter().map(|t| (&t.id, Item::Topic(t))));
        }
        if let Some(model) = &self.model {
            for p in &model.prerequisites {
                items.push((&p.id, Item::Prerequisite(p)));
                items.extend(p.statements.iter().map(|s| (&s.id, Item::Statement(p, s))));
            }
        }
        if let Some(k) = &self.knowledge {
            items.extend(k.challenges.iter().map(|c| (&c.id, Item::Challenge(c))));
        }
        items
    }

    /// The item with this id.
    pub fn find(&self, id: &str) -> Option<Item<'_>> {
        self.items()
            .into_iter()
            .find(|(i, _)| i.as_str() == id)
            .map(|(_, item)| item)
    }
}

/// The JSON Schema of workbook files, generated from the model types; their
/// doc comments become the descriptions editors show, in English, and
/// `i18n/schema.txt` has them in bokmål and nynorsk.
pub fn schema(lang: Lang) -> String {
    let mut schema = schemars::schema_for!(WorkbookFile);
    schema.insert(
        "title".into(),
        crate::i18n::msg::schema_title_workbook(lang).into(),
    );
    let mut schema = schema.to_value();
    crate::i18n::schema::localise(&mut schema, "workbook.yaml", lang);
    let mut json = serde_json::to_string_pretty(&schema).unwrap_or_default();
    json.push('\n');
    json
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plain_way_slugs_as_the_full_way() {
        for name in [
            "Hverdag og tid",
            "Ærlig Øystein på Åsen",
            "  Koordinator og ansvarsgruppe!! ",
            "Uke 1: Oppstart",
            "det-som-virker",
            "",
            "--",
        ] {
            let plain = plain_slug(name).filter(|s| !s.is_empty());
            assert_eq!(plain, full_slug(name, false), "{name}");
        }
        assert_eq!(plain_slug("José"), None);
    }

    #[test]
    fn slugs_of_names() {
        assert_eq!(
            slugify("Våren 2027: Tid!").as_deref(),
            Some("varen-2027-tid")
        );
        assert_eq!(slugify("Ærlig Øystein").as_deref(), Some("aerlig-oystein"));
        assert_eq!(slugify("José Núñez").as_deref(), Some("jose-nunez"));
        assert_eq!(slugify("Straße").as_deref(), Some("strasse"));
        assert_eq!(slugify("Ωmega").as_deref(), Some("mega"));
        assert_eq!(slugify("李"), None);
        assert_eq!(file_slug("Ωmega").as_deref(), Some("ωmega"));
        assert_eq!(file_slug("李 Wei").as_deref(), Some("李-wei"));
        assert_eq!(file_slug("Åse").as_deref(), Some("ase"));
        assert_eq!(slugify("!!!"), None);
        for name in ["Våren 2027: Tid!", "José Núñez", "a--b", "-x-"] {
            assert!(is_slug(&slugify(name).unwrap()), "{name}");
        }
    }

    #[test]
    fn slugs() {
        for ok in ["a", "uke-1", "dybdeintervju", "a1-b2"] {
            assert!(is_slug(ok), "{ok}");
        }
        for bad in [
            "", "-a", "a-", "a--b", "Uke", "uke 1", "blå", "a_b", "../x", ".a",
        ] {
            assert!(!is_slug(bad), "{bad}");
        }
    }
}
