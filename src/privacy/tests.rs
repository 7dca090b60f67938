//! Tests of the whole detector: overlaps, positions, redaction, diagnostics
//! and the planted fixture note.

use proptest::prelude::*;

use super::birth_number::tests::{valid, wrong_controls};
use super::*;

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|&n| n.to_owned()).collect()
}

/// `kind text` for each finding, easy to compare and to read in a diff.
fn summary(findings: &[Finding]) -> Vec<String> {
    findings
        .iter()
        .map(|f| format!("{} {}", code(f.kind), f.text))
        .collect()
}

/// The kind as serialized, which is also how the fixture writes it.
fn code(kind: Kind) -> String {
    serde_json::to_value(kind)
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned()
}

/// `number` written as date and personal number, apart.
fn spaced(number: &str) -> String {
    format!("{} {}", &number[..6], &number[6..])
}

#[test]
fn kinds_serialize_in_kebab_case() {
    let all = [
        Kind::BirthNumber,
        Kind::DNumber,
        Kind::Phone,
        Kind::Email,
        Kind::Name,
        Kind::Pseudonym,
    ];
    let codes: Vec<String> = all.into_iter().map(code).collect();
    assert_eq!(
        codes,
        [
            "birth-number",
            "d-number",
            "phone",
            "email",
            "name",
            "pseudonym"
        ]
    );
}

#[test]
fn kinds_have_names_in_both_languages() {
    assert_eq!(Kind::BirthNumber.name(Lang::Nb), "fødselsnummer");
    assert_eq!(Kind::DNumber.name(Lang::Nb), "D-nummer");
    assert_eq!(Kind::Phone.name(Lang::Nb), "telefonnummer");
    assert_eq!(Kind::Email.name(Lang::Nb), "e-postadresse");
    assert_eq!(Kind::Name.name(Lang::Nb), "navn");
    assert_eq!(Kind::BirthNumber.name(Lang::En), "national identity number");
    assert_eq!(Kind::Email.name(Lang::En), "email address");
}

#[test]
fn empty_text_has_nothing() {
    assert!(scan("", &names(&["Lilje"])).is_empty());
}

#[test]
fn finds_every_kind_in_order() {
    let fnr = valid("140315", 512);
    let dnr = valid("520785", 234);
    let text = format!(
        "Lilje {fnr}, mor {} tlf 412 34 567, mor@online.no",
        spaced(&dnr)
    );
    let found = summary(&scan(&text, &names(&["Lilje"])));
    assert_eq!(
        found,
        [
            "name Lilje".to_owned(),
            format!("birth-number {fnr}"),
            format!("d-number {}", spaced(&dnr)),
            "phone 412 34 567".to_owned(),
            "email mor@online.no".to_owned(),
        ]
    );
}

#[test]
fn wrong_control_digits_are_never_found() {
    for number in [valid("140315", 512), valid("520785", 234)] {
        for wrong in wrong_controls(&number) {
            for text in [wrong.clone(), spaced(&wrong), format!("nr. {wrong}.")] {
                assert!(scan(&text, &[]).is_empty(), "{text}");
            }
        }
    }
}

#[test]
fn byte_range_and_text_agree() {
    let text = "Ødegård: 912 34 567";
    let found = scan(text, &[]);
    assert_eq!(found.len(), 1);
    let f = &found[0];
    assert_eq!(&text[f.start..f.end], f.text);
    assert_eq!((f.start, f.end), (11, 21));
}

#[test]
fn line_and_column_count_characters() {
    let text = "Første linje.\nÆrlig talt, på Ås: 91234567\nblå æøå kari@bydel.no";
    let found = scan(text, &[]);
    let places: Vec<(u32, u32)> = found.iter().map(|f| (f.line, f.col)).collect();
    assert_eq!(places, [(2, 20), (3, 9)]);
}

#[test]
fn crlf_lines_count_like_lf() {
    let found = scan("a\r\nb 91234567", &[]);
    assert_eq!((found[0].line, found[0].col), (2, 3));
}

#[test]
fn longest_candidate_wins() {
    // The country code makes the phone number longer than the bare number.
    let found = summary(&scan("ring +47 91234567", &[]));
    assert_eq!(found, ["phone +47 91234567"]);
    // A full name beats the given name alone.
    let found = summary(&scan(
        "Kari Nordmann kom",
        &names(&["Kari", "Kari Nordmann"]),
    ));
    assert_eq!(found, ["name Kari Nordmann"]);
}

#[test]
fn an_address_swallows_the_name_in_it() {
    let found = summary(&scan(
        "kari.nordmann@bydel.no",
        &names(&["Kari", "Nordmann"]),
    ));
    assert_eq!(found, ["email kari.nordmann@bydel.no"]);
}

#[test]
fn a_birth_number_is_not_read_as_phone_numbers() {
    let fnr = valid("140315", 512);
    let found = summary(&scan(&format!("{fnr} og {}", spaced(&fnr)), &[]));
    assert_eq!(
        found,
        [
            format!("birth-number {fnr}"),
            format!("birth-number {}", spaced(&fnr))
        ]
    );
}

#[test]
fn overlapping_phone_layouts_leave_one() {
    let found = summary(&scan("91 23 45 67 89", &[]));
    assert_eq!(found, ["phone 91 23 45 67"]);
}

#[test]
fn settle_prefers_the_more_specific_kind_at_equal_length() {
    let hits = vec![
        Hit {
            kind: Kind::Name,
            start: 0,
            end: 8,
        },
        Hit {
            kind: Kind::Phone,
            start: 2,
            end: 10,
        },
        Hit {
            kind: Kind::Email,
            start: 4,
            end: 12,
        },
        Hit {
            kind: Kind::Name,
            start: 20,
            end: 31,
        },
        Hit {
            kind: Kind::BirthNumber,
            start: 20,
            end: 31,
        },
    ];
    let kept: Vec<Kind> = settle(hits).iter().map(|h| h.kind).collect();
    assert_eq!(kept, [Kind::Email, Kind::BirthNumber]);
}

#[test]
fn settle_keeps_neighbours_that_only_touch() {
    let hits = vec![
        Hit {
            kind: Kind::Name,
            start: 5,
            end: 10,
        },
        Hit {
            kind: Kind::Name,
            start: 0,
            end: 5,
        },
    ];
    assert_eq!(settle(hits).len(), 2);
}

#[test]
fn redact_replaces_each_finding_with_a_marker() {
    let fnr = valid("140315", 512);
    let text = format!("Lilje har {fnr}. Ring 91234567 eller skriv til mor@online.no.");
    let found = scan(&text, &names(&["Lilje"]));
    assert_eq!(
        redact(&text, &found, Lang::Nb),
        "[navn fjernet] har [fødselsnummer fjernet]. Ring [telefonnummer fjernet] \
         eller skriv til [e-postadresse fjernet]."
    );
    assert_eq!(
        redact(&text, &found, Lang::En),
        "[name removed] har [national identity number removed]. Ring [phone number removed] \
         eller skriv til [email address removed]."
    );
}

#[test]
fn redact_keeps_text_without_findings() {
    let text = "Ingenting å se her: 12 000 kroner i uke 12.\n";
    assert_eq!(redact(text, &scan(text, &[]), Lang::Nb), text);
}

#[test]
fn redact_skips_findings_that_do_not_fit() {
    let text = "abc 91234567";
    let mut found = scan(text, &[]);
    found.push(found[0].clone());
    found.push(Finding {
        start: 100,
        end: 120,
        ..found[0].clone()
    });
    assert_eq!(
        redact(text, &found, Lang::Nb),
        "abc [telefonnummer fjernet]"
    );
}

#[test]
fn redacted_text_has_nothing_left_to_find() {
    let text = include_str!("../../tests/fixtures/privacy/planted.md");
    let list = fixture_names();
    let redacted = redact(text, &scan(text, &list), Lang::Nb);
    assert!(scan(&redacted, &list).is_empty());
}

#[test]
fn diagnostics_point_at_each_finding() {
    let fnr = valid("140315", 512);
    let text = format!("---\npseudonym: x\n---\nFar: {fnr}\nLilje\n");
    let found = scan(&text, &names(&["Lilje"]));
    let diags = diagnostics("notes/2027-02-24.md", &text, &found, Lang::En);
    assert_eq!(diags.len(), 2);
    assert_eq!(diags[0].location(), "notes/2027-02-24.md:4:6");
    assert_eq!(
        diags[0].message,
        "a national identity number (fødselsnummer)"
    );
    assert_eq!(
        diags[0].source_line.as_deref(),
        Some(format!("Far: {fnr}").as_str())
    );
    assert_eq!(
        diags[0].hint.as_deref(),
        Some("delete the number, or export with --redact")
    );
    assert_eq!(diags[1].message, "a name from the names list");
    assert_eq!(
        diags[1].hint.as_deref(),
        Some("replace the name with a pseudonym, or export with --redact")
    );
}

#[test]
fn diagnostics_in_norwegian() {
    let text = "mor@online.no";
    let diags = diagnostics("n.md", text, &scan(text, &[]), Lang::Nb);
    assert_eq!(diags[0].message, "en e-postadresse");
    assert_eq!(
        diags[0].hint.as_deref(),
        Some("slett adressen, eller eksporter med --redact")
    );
    assert_eq!(
        diags[0].to_string(),
        "feil: en e-postadresse\n  --> n.md:1:1\n  |\n1 | mor@online.no\n  | ^^^^^^^^^^^^^\n  \
         = tips: slett adressen, eller eksporter med --redact"
    );
}

/// The names list of the fixture, one per line.
fn fixture_names() -> Vec<String> {
    include_str!("../../tests/fixtures/privacy/names.txt")
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn planted_note_yields_exactly_the_expected_findings() {
    let text = include_str!("../../tests/fixtures/privacy/planted.md");
    let expected: Vec<&str> = include_str!("../../tests/fixtures/privacy/expected.txt")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect();
    let found: Vec<String> = scan(text, &fixture_names())
        .iter()
        .map(|f| format!("{}:{} {} {}", f.line, f.col, code(f.kind), f.text))
        .collect();
    assert_eq!(found, expected);
}

proptest! {
    /// Whatever the text, scanning does not panic, and the findings are
    /// what the API promises: in order, apart, and true to the text.
    #[test]
    fn findings_are_sorted_apart_and_true(
        text in "[0-9 \u{a0}+@.,:\\-a-zA-ZæøåÆØÅ\n]{0,80}",
    ) {
        let found = scan(&text, &names(&["Ås", "Kari Nordmann", " "]));
        for pair in found.windows(2) {
            prop_assert!(pair[0].end <= pair[1].start);
        }
        for f in &found {
            prop_assert_eq!(&text[f.start..f.end], f.text.as_str());
        }
        let _ = redact(&text, &found, Lang::En);
    }
}

/// The ways of writing personal data that a reader sees through and the
/// detector must too, each with the text it must find.
fn written_forms() -> Vec<(String, &'static str, Kind)> {
    let fnr = valid("150765", 5);
    let quote = valid("010190", 123);
    vec![
        ("Siobhan O’Brien kom".into(), "Siobhan O’Brien", Kind::Name),
        ("ring tlf41234567".into(), "41234567", Kind::Phone),
        (format!("fnr{fnr} her"), "", Kind::BirthNumber),
        ("mob:41234567".into(), "41234567", Kind::Phone),
        ("ring 412  34 567".into(), "412  34 567", Kind::Phone),
        (
            "ring 412\u{2009}34\u{a0}567".into(),
            "412\u{2009}34\u{a0}567",
            Kind::Phone,
        ),
        (
            "ring 4123\u{200b}4567".into(),
            "4123\u{200b}4567",
            Kind::Phone,
        ),
        (
            "Tu\u{ad}va Nordmann".into(),
            "Tu\u{ad}va Nordmann",
            Kind::Name,
        ),
        (
            "ring ４１２３４５６７".into(),
            "４１２３４５６７",
            Kind::Phone,
        ),
        ("tuva＠skole.no".into(), "tuva＠skole.no", Kind::Email),
        ("*Tuva* Nordmann".into(), "Tuva* Nordmann", Kind::Name),
        (
            format!("**{}**{}", &fnr[..4], &fnr[4..]),
            "",
            Kind::BirthNumber,
        ),
        (
            "tuva@skole.xn--p1ai".into(),
            "tuva@skole.xn--p1ai",
            Kind::Email,
        ),
        (
            "ring 4 1 2 3 4 5 6 7".into(),
            "4 1 2 3 4 5 6 7",
            Kind::Phone,
        ),
        (
            "tuva_nordmann@example.no".into(),
            "tuva_nordmann@example.no",
            Kind::Email,
        ),
        (
            "tuva\\_nordmann@example.no".into(),
            "tuva\\_nordmann@example.no",
            Kind::Email,
        ),
        ("Тuva Nordmann".into(), "Тuva Nordmann", Kind::Name),
        ("Tuva Nordmanns mor".into(), "Tuva Nordmanns", Kind::Name),
        ("Karis mor".into(), "Karis", Kind::Name),
        ("Tuva  Nordmann".into(), "Tuva  Nordmann", Kind::Name),
        ("Tuva\nNordmann".into(), "Tuva\nNordmann", Kind::Name),
        ("Tuva-Nordmann".into(), "Tuva-Nordmann", Kind::Name),
        (
            format!("> «{}\n> {}»", &quote[..6], &quote[6..]),
            "",
            Kind::BirthNumber,
        ),
    ]
}

#[test]
fn the_detector_reads_like_a_person() {
    let list = names(&["Tuva Nordmann", "Siobhan O'Brien", "Kari"]);
    for (text, want, kind) in written_forms() {
        let found = scan(&text, &list);
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        assert_eq!(found[0].kind, kind, "{text:?}");
        if !want.is_empty() {
            assert_eq!(found[0].text, want, "{text:?}");
        }
        // Redacting the finding leaves no digit or name of it.
        let redacted = redact(&text, &found, Lang::Nb);
        assert!(scan(&redacted, &list).is_empty(), "{redacted:?}");
    }
}

#[test]
fn columns_point_at_the_original_text() {
    let text = "Notat\n  ***Tuva*** og ring ４１２３４５６７";
    let found = scan(text, &names(&["Tuva"]));
    let places: Vec<(u32, u32)> = found.iter().map(|f| (f.line, f.col)).collect();
    assert_eq!(places, vec![(2, 6), (2, 22)]);
}

/// Numbers that are no one's: none may be found.
const NEGATIVE: &str = "\
Org.nr. 912 345 678 og organisasjonsnummer 987654321 MVA.
Konto 1234.56.78901, kontonr 1234 56 78901, IBAN NO93 8601 1117 947.
Budsjett 25 000 000 kroner, 1 250 000 kr, 2 500 kroner, 12 000,-.
Beløp: 25\u{a0}000\u{a0}000 og 25\u{2009}000\u{2009}000.
Møtet 2027-02-24 kl. 09:30–11:00, 24.02.2027, 24/2, 24.02.27, 1. mars 2027.
Klokka 0930, 10.30–11.45, kl 14:00-15:30.
Skoleåret 2027-2028, 2027–2028, årene 2024 2025 2026, 1999 2000.
Sak 2027/1234, saksnr. 27/01234-5, arkivsak 2026/12345, ref. 12345.
ISBN 978-82-02-12345-6, ISBN 978 82 02 12345 6, ISBN 82-02-12345-6.
Uke 12, rom 204, 3,5 timer, 50 %, 2 * 3 = 6, *viktig*, `kode`.
Versjon 1.2.3, postnummer 0150 Oslo, NO-0150.
";

#[test]
fn the_negative_corpus_gives_no_findings() {
    let found = scan(NEGATIVE, &names(&["Tuva Nordmann"]));
    assert!(found.is_empty(), "{:?}", summary(&found));
}

#[test]
fn a_hundred_thousand_names_are_all_found() {
    // How fast is `cargo bench --bench build`'s business; here, that a
    // list this long still finds every name.
    let list: Vec<String> = (0..100_000)
        .map(|i| format!("Navn{i} Etternavn{}", i % 977))
        .collect();
    let text = "Mor til Navn77 Etternavn77 ringte om Navn5 Etternavn5.\n".repeat(2000);
    let detector = Detector::new(&list, &[]);
    let found = detector.scan(&text);
    assert_eq!(found.len(), 4000);
}
