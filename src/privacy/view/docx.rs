//! A Word document as Word shows it: each paragraph's runs joined (a
//! name split over two runs by a change of formatting is one name), in the
//! body, headers, footers, notes and the document's properties.

use std::io::Read;

use quick_xml::events::Event;

use super::View;

/// The parts of a .docx whose text Word shows.
fn shown(name: &str) -> bool {
    name == "word/document.xml"
        || name.starts_with("docProps/")
        || (name.starts_with("word/")
            && ["header", "footer", "footnotes", "endnotes", "comments"]
                .iter()
                .any(|p| name[5..].starts_with(p)))
}

/// The text of the Word document `bytes`.
pub fn view(bytes: &[u8]) -> Result<View, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut view = View::default();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).map_err(|e| e.to_string())?;
        let name = file.name().to_owned();
        if !shown(&name) {
            continue;
        }
        let mut xml = String::new();
        file.read_to_string(&mut xml).map_err(|e| e.to_string())?;
        view.part(name.clone());
        part(&xml, name.starts_with("docProps/"), &mut view)?;
    }
    Ok(view)
}

/// The text of one XML part. In the document's properties every element's
/// text is shown; in the others only runs' text (`w:t`).
fn part(xml: &str, properties: bool, view: &mut View) -> Result<(), String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut in_text = false;
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) => match e.name().as_ref() {
                b"w:t" | b"w:delText" => in_text = true,
                b"wp:docPr" | b"pic:cNvPr" => alt_text(&e, view)?,
                b"w:p" => view.gap(),
                _ if properties => {
                    in_text = true;
                    view.gap();
                }
                _ => {}
            },
            Event::Empty(e) => match e.name().as_ref() {
                b"w:tab" => view.text.push('\t'),
                b"w:br" | b"w:cr" => view.text.push('\n'),
                b"wp:docPr" | b"pic:cNvPr" => alt_text(&e, view)?,
                _ => {}
            },
            Event::End(e) => {
                if matches!(e.name().as_ref(), b"w:t" | b"w:delText") || properties {
                    in_text = false;
                }
                if e.name().as_ref() == b"w:p" {
                    view.gap();
                }
            }
            Event::Text(t) if in_text => {
                view.text.push_str(&t.decode().map_err(|e| e.to_string())?);
            }
            Event::GeneralRef(r) if in_text => {
                let name = r.decode().map_err(|e| e.to_string())?;
                let decoded = quick_xml::escape::unescape(&format!("&{name};"))
                    .map_err(|e| e.to_string())?
                    .into_owned();
                view.text.push_str(&decoded);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(())
}

/// A picture's alternative text and title, which Word shows and screen
/// readers read.
fn alt_text(e: &quick_xml::events::BytesStart<'_>, view: &mut View) -> Result<(), String> {
    for attr in e.attributes() {
        let attr = attr.map_err(|e| e.to_string())?;
        if matches!(attr.key.as_ref(), b"descr" | b"title") {
            let raw = std::str::from_utf8(&attr.value).map_err(|e| e.to_string())?;
            let value = quick_xml::escape::unescape(raw).map_err(|e| e.to_string())?;
            view.part("picture's alternative text");
            view.text.push_str(&value);
            view.gap();
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_a_paragraph_are_joined() {
        let md = "# Tittel\n\n**Tuva** Nord*mann* &amp; co\n\nNeste avsnitt\n";
        let meta = crate::render::docx::Meta {
            title: "Tittel",
            lang: "nb",
        };
        let bytes = crate::render::docx::from_markdown(md, &meta, &[]).unwrap();
        let v = view(&bytes).unwrap();
        assert!(v.text.contains("Tuva Nordmann & co"), "{}", v.text);
        assert!(v.text.contains("Tittel"));
        assert!(!v.text.contains("co Neste") && !v.text.contains("coNeste"));
    }

    #[test]
    fn a_pictures_alternative_text_is_read() {
        let xml = "<w:document><w:p><w:r><w:drawing><wp:inline>\
            <wp:docPr id=\"1\" name=\"Figure 1\" descr=\"Tuva &amp; 41234567\"/>\
            </wp:inline></w:drawing></w:r></w:p></w:document>";
        let mut v = View::default();
        part(xml, false, &mut v).unwrap();
        assert!(v.text.contains("Tuva & 41234567"), "{}", v.text);
    }
}
