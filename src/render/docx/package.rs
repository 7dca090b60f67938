//! What docx-rs cannot yet say, added to the parts it builds: the
//! document's title and language, header rows that repeat, and pictures'
//! alt text. Each addition is checked to have found its place, so that a
//! change in docx-rs's output fails the tests instead of quietly losing it.

use docx_rs::XMLDocx;

use super::Meta;
use crate::error::{Error, Result};
use crate::render::markdown::xml_escape as escape;

/// A header row as `table` marks it (never split) and as Word wants it:
/// also repeated at the top of every page. Text in the document is
/// escaped, so this can only be the mark.
const HEADER_ROW: &str = "<w:trPr><w:cantSplit /></w:trPr>";
const REPEATED_HEADER_ROW: &str = "<w:trPr><w:cantSplit /><w:tblHeader /></w:trPr>";
/// docx-rs's frame of every picture.
const PICTURE: &str = "<wp:docPr id=\"1\" name=\"Figure\" />";
/// The instruction of a table-of-contents field.
const TOC_FIELD: &str = "TOC \\o";
/// Where the settings part's compatibility options start: `updateFields`
/// must come just before them (the schema fixes the order).
const SETTINGS_COMPAT: &str = "<w:compat>";
const UPDATE_FIELDS: &str = "<w:updateFields w:val=\"true\" />";
/// The end of the default run properties in the styles part.
const DEFAULT_RUN_END: &str = "</w:rPr></w:rPrDefault>";

/// `xml` with the title, the language, repeating header rows and the
/// pictures' `descriptions` (in document order).
pub(super) fn finish(mut xml: XMLDocx, meta: &Meta<'_>, descriptions: &[&str]) -> Result<XMLDocx> {
    let tag = language_tag(meta.lang);
    xml.doc_props.core = core_properties(meta.title, tag).into_bytes();
    let styles = text(&xml.styles)?;
    xml.styles = replace_once(
        &styles,
        DEFAULT_RUN_END,
        &format!("<w:lang w:val=\"{tag}\" />{DEFAULT_RUN_END}"),
    )?
    .into_bytes();
    let mut document = text(&xml.document)?.replace(HEADER_ROW, REPEATED_HEADER_ROW);
    for (n, description) in descriptions.iter().enumerate() {
        let framed = format!(
            "<wp:docPr id=\"{}\" name=\"Figure {}\" descr=\"{}\" />",
            n + 1,
            n + 1,
            escape(description)
        );
        document = replace_once(&document, PICTURE, &framed)?;
    }
    // A table of contents gets its page numbers when Word updates its
    // fields: asked for on opening, as Word's own documents with one do.
    if document.contains(TOC_FIELD) {
        let settings = text(&xml.settings)?;
        xml.settings = replace_once(
            &settings,
            SETTINGS_COMPAT,
            &format!("{UPDATE_FIELDS}{SETTINGS_COMPAT}"),
        )?
        .into_bytes();
    }
    xml.document = document.into_bytes();
    Ok(xml)
}

/// The BCP 47 tag Word wants for a language code.
fn language_tag(code: &str) -> &'static str {
    match code {
        "nn" => "nn-NO",
        "en" => "en-GB",
        _ => "nb-NO",
    }
}

/// The core properties part: title and language; made by samskap.
fn core_properties(title: &str, tag: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
<dc:title>{}</dc:title><dc:language>{tag}</dc:language><dc:creator>samskap</dc:creator>\
<cp:lastModifiedBy>samskap</cp:lastModifiedBy><cp:revision>1</cp:revision></cp:coreProperties>",
        escape(title)
    )
}

fn text(part: &[u8]) -> Result<String> {
    String::from_utf8(part.to_vec())
        .map_err(|e| Error::Internal(format!("a part of the Word file is not UTF-8: {e}")))
}

/// `haystack` with the first `needle` replaced, or an internal error if
/// there is none.
fn replace_once(haystack: &str, needle: &str, with: &str) -> Result<String> {
    if !haystack.contains(needle) {
        return Err(Error::Internal(format!(
            "building the Word file: `{needle}` not found in docx-rs's output"
        )));
    }
    Ok(haystack.replacen(needle, with, 1))
}
