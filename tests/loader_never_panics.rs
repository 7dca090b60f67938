//! Property tests: whatever bytes or YAML a user feeds the loader, it answers
//! with a workbook or with diagnostics, never a panic.

use proptest::prelude::*;
use samskap::workbook::{self, WorkbookSource};

fn load_bytes(root: &[u8], included: &[u8]) -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    std::fs::write(dir.path().join("workbook.yaml"), root).map_err(|e| e.to_string())?;
    std::fs::write(dir.path().join("more.yaml"), included).map_err(|e| e.to_string())?;
    match workbook::load(&WorkbookSource::Path(dir.path().to_owned())) {
        Ok(_) => Ok(()),
        // Rendering must not panic either.
        Err(e) => {
            let _ = e.render();
            Ok(())
        }
    }
}

/// Keys the loader knows, so generated YAML reaches deep into the model.
const KEYS: &[&str] = &[
    "title",
    "description",
    "languages",
    "include",
    "defaults",
    "roles",
    "phases",
    "methods",
    "questions",
    "model",
    "knowledge",
    "id",
    "purpose",
    "weeks",
    "sprint",
    "steps",
    "kind",
    "week",
    "runs",
    "minutes",
    "agenda",
    "method",
    "notes",
    "nb",
    "en",
    "group_size",
    "min",
    "max",
    "topics",
    "consent",
    "rights",
    "warm_up",
    "closing",
    "text",
    "follow_ups",
    "scale",
    "prerequisites",
    "statements",
    "challenges",
    "time",
    "groups",
    "weekday",
    "members_per_group",
];

fn scalar() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("workshop".to_string()),
        Just("more.yaml".to_string()),
        Just("[nb, en]".to_string()),
        Just("\"09:00\"".to_string()),
        Just("per-group".to_string()),
        Just("~".to_string()),
        Just("&a x".to_string()),
        Just("*a".to_string()),
        Just("<<: *a".to_string()),
        (0u32..100_000).prop_map(|n| n.to_string()),
        "[a-z\\- ]{0,8}",
        "\\PC{0,6}",
    ]
}

fn node() -> impl Strategy<Value = String> {
    scalar().prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec((prop::sample::select(KEYS), inner.clone()), 0..6).prop_map(
                |pairs| {
                    let body: Vec<String> = pairs
                        .into_iter()
                        .map(|(k, v)| format!("{k}:\n{}", indent(&v)))
                        .collect();
                    body.join("\n")
                }
            ),
            prop::collection::vec(inner, 0..5).prop_map(|items| {
                items
                    .iter()
                    .map(|v| format!("-\n{}", indent(v)))
                    .collect::<Vec<_>>()
                    .join("\n")
            }),
        ]
    })
}

fn indent(s: &str) -> String {
    s.lines()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn arbitrary_bytes_never_panic(root in prop::collection::vec(any::<u8>(), 0..256),
                                   more in prop::collection::vec(any::<u8>(), 0..64)) {
        prop_assert!(load_bytes(&root, &more).is_ok());
    }

    #[test]
    fn arbitrary_yaml_never_panics(root in node(), more in node()) {
        let root = format!("include: [more.yaml]\n{root}");
        prop_assert!(load_bytes(root.as_bytes(), more.as_bytes()).is_ok());
    }
}
