//! The JSON Schemas of samskap's files in the user's language. Editors show
//! a schema's descriptions as hover help while people edit `samskap.yaml`
//! or a workbook, so those follow the language: English comes from the doc
//! comments the schemas are generated from, bokmål and nynorsk from
//! `i18n/schema.txt`, keyed by where each description stands.
//!
//! A description's key is its path in the schema: the file for the root
//! (`samskap.yaml`), a definition's name (`GroupFile`), then `.field` for
//! a property, `[]` for a list's items, `.*` for a map's values, and
//! ` = id` for one value of a choice (`Weekday = tue`).

use serde_json::Value;

use crate::workbook::Lang;

/// The texts of `i18n/schema.txt`.
mod table {
    include!(concat!(env!("OUT_DIR"), "/schema.rs"));
}

pub use table::SCHEMA;

/// Puts the descriptions of `schema`, whose root describes the file
/// `root`, into `lang`: English stays as generated; nynorsk falls back
/// to bokmål, and a path without a text keeps its English.
pub fn localise(schema: &mut Value, root: &str, lang: Lang) {
    if lang == Lang::En {
        return;
    }
    descriptions(schema, root, &mut |key, text| {
        let found = SCHEMA.iter().find(|(k, _, _)| *k == key);
        let translated = found.and_then(|(_, nb, nn)| match lang {
            Lang::Nn => nn.or(*nb),
            _ => *nb,
        });
        if let Some(translated) = translated {
            translated.clone_into(text);
        }
    });
}

/// Calls `f` with the key and the text of every description in `value`,
/// which stands at `key`.
pub fn descriptions(value: &mut Value, key: &str, f: &mut dyn FnMut(&str, &mut String)) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(text)) = map.get_mut("description") {
                f(key, text);
            }
            for (name, inner) in map.iter_mut() {
                match (name.as_str(), inner) {
                    ("description", _) => {}
                    ("$defs", Value::Object(defs)) => {
                        for (def, schema) in defs.iter_mut() {
                            descriptions(schema, def, f);
                        }
                    }
                    ("properties", Value::Object(fields)) => {
                        for (field, schema) in fields.iter_mut() {
                            descriptions(schema, &format!("{key}.{field}"), f);
                        }
                    }
                    ("oneOf" | "anyOf" | "allOf", Value::Array(choices)) => {
                        for (i, choice) in choices.iter_mut().enumerate() {
                            let inner = match choice.get("const") {
                                Some(Value::String(id)) => format!("{key} = {id}"),
                                _ => format!("{key}|{i}"),
                            };
                            descriptions(choice, &inner, f);
                        }
                    }
                    ("items", inner) => descriptions(inner, &format!("{key}[]"), f),
                    ("additionalProperties", inner) => {
                        descriptions(inner, &format!("{key}.*"), f);
                    }
                    (other, inner) => descriptions(inner, &format!("{key}/{other}"), f),
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                descriptions(item, &format!("{key}/{i}"), f);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every description of the generated schemas, by key.
    fn keys() -> Vec<String> {
        let mut keys = Vec::new();
        let schemas = [
            (crate::sprint::schema(Lang::En), "samskap.yaml"),
            (crate::workbook::schema(Lang::En), "workbook.yaml"),
        ];
        for (json, root) in schemas {
            let mut schema: Value = serde_json::from_str(&json).unwrap();
            descriptions(&mut schema, root, &mut |key, _| keys.push(key.to_owned()));
        }
        keys
    }

    #[test]
    fn every_description_has_bokmal_and_no_text_is_orphaned() {
        let keys = keys();
        let missing: Vec<&String> = keys
            .iter()
            .filter(|k| !SCHEMA.iter().any(|(p, nb, _)| p == k && nb.is_some()))
            .collect();
        assert!(
            missing.is_empty(),
            "no bokmål description in i18n/schema.txt for {missing:?}"
        );
        let orphans: Vec<&str> = SCHEMA
            .iter()
            .map(|(k, _, _)| *k)
            .filter(|k| !keys.iter().any(|a| a == k))
            .collect();
        assert!(
            orphans.is_empty(),
            "descriptions for what no schema has: {orphans:?}"
        );
        let no_nn: Vec<&str> = SCHEMA
            .iter()
            .filter(|(_, _, nn)| nn.is_none())
            .map(|(k, _, _)| *k)
            .collect();
        assert!(no_nn.is_empty(), "no nynorsk for {no_nn:?}");
    }

    #[test]
    fn a_schema_is_described_in_the_language_asked() {
        let nn: Value = serde_json::from_str(&crate::sprint::schema(Lang::Nn)).unwrap();
        let en: Value = serde_json::from_str(&crate::sprint::schema(Lang::En)).unwrap();
        let field = |s: &Value, f: &str| s["properties"][f]["description"].clone();
        assert_ne!(field(&nn, "weekday"), field(&en, "weekday"));
        assert!(
            field(&en, "weekday")
                .as_str()
                .unwrap()
                .starts_with("The weekday")
        );
        // Only descriptions change: the rules are the same.
        let wb = |lang| serde_json::from_str::<Value>(&crate::workbook::schema(lang)).unwrap();
        for mut pair in [[nn, en], [wb(Lang::Nn), wb(Lang::En)]] {
            assert_ne!(pair[0], pair[1]);
            for s in &mut pair {
                descriptions(s, "", &mut |_, text| text.clear());
                s["title"] = Value::Null;
            }
            assert_eq!(pair[0], pair[1]);
        }
    }
}
