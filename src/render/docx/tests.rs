use super::*;

fn parts(markdown: &str, figures: &[Figure<'_>]) -> (String, String, String, String) {
    let meta = Meta {
        title: "Rapport «A & B»",
        lang: "en",
    };
    let mut word = Word::new(figures);
    let arena = Arena::new();
    let mut options = Options::default();
    options.extension.table = true;
    for node in parse_document(&arena, markdown, &options).children() {
        word.block(node, 0);
    }
    let descriptions: Vec<&str> = word
        .pictures
        .iter()
        .map(|p| p.description.as_str())
        .collect();
    let xml = package::finish(word.docx.build(), &meta, &descriptions).unwrap();
    let text = |b: &[u8]| String::from_utf8(b.to_vec()).unwrap();
    (
        text(&xml.document),
        text(&xml.numberings),
        text(&xml.styles),
        text(&xml.doc_props.core),
    )
}

#[test]
fn lists_use_word_numbering_and_restart() {
    let (doc, numbering, _, _) = parts("- a\n- b\n  1. c\n\n1. d\n2. e\n\ntext\n\n3. f\n", &[]);
    assert!(!doc.contains('•'), "{doc}");
    assert_eq!(doc.matches("<w:numPr>").count(), 6, "{doc}");
    assert!(doc.contains("<w:ilvl w:val=\"1\" />"), "{doc}");
    assert!(numbering.contains("w:val=\"bullet\""), "{numbering}");
    assert!(numbering.contains("w:val=\"decimal\""), "{numbering}");
    // Each list its own instance; a list starting at 3 starts there.
    assert!(
        numbering.contains("<w:startOverride w:val=\"3\" />"),
        "{numbering}"
    );
    assert!(numbering.contains("<w:num w:numId=\"23\">"), "{numbering}");
}

#[test]
fn tables_have_a_grid_and_a_repeating_header_row() {
    let (doc, _, _, _) = parts(
        "| Tittel | Beskrivelse |\n|---|---|\n| A | Lang tekst om noe |\n| B | C |\n",
        &[],
    );
    assert_eq!(doc.matches("<w:gridCol ").count(), 2, "{doc}");
    assert_eq!(doc.matches("<w:tblHeader />").count(), 1, "{doc}");
    assert!(doc.contains("w:type=\"fixed\""), "{doc}");
}

#[test]
fn title_language_and_alt_text_are_set_and_escaped() {
    let picture = Picture {
        png: crate::render::raster::Canvas::new(2, 2).png(),
        width: 100,
        height: 50,
        description: "Snitt \"1–5\" <b>".into(),
    };
    let (doc, _, styles, core) = parts(
        "Før\n\nMARK\n\nEtter\n\nGONE\n",
        &[("MARK", Some(&picture)), ("GONE", None)],
    );
    assert!(
        core.contains("<dc:title>Rapport «A &amp; B»</dc:title>"),
        "{core}"
    );
    assert!(core.contains("<dc:language>en-GB</dc:language>"), "{core}");
    assert!(styles.contains("<w:lang w:val=\"en-GB\" />"), "{styles}");
    assert!(
        doc.contains("descr=\"Snitt &quot;1–5&quot; &lt;b&gt;\""),
        "{doc}"
    );
    assert!(
        doc.contains("<wp:extent cx=\"952500\" cy=\"476250\" />"),
        "{doc}"
    );
    assert!(!doc.contains("MARK") && !doc.contains("GONE"), "{doc}");
    assert!(doc.contains("Etter"), "{doc}");
}
