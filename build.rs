//! Two jobs before the crate compiles:
//! - The built-in workbook and templates are embedded with include_dir, which
//!   cannot tell cargo about the files it reads: rebuild when they change.
//! - The message catalogue (`i18n/messages.txt`) is compiled into one Rust
//!   function per message, so a call names a message that exists, with the
//!   arguments it takes, or the crate does not compile. The format is
//!   described at the top of the catalogue; `src/i18n/mod.rs` says why a
//!   compiled table and not a runtime crate such as fluent.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=workbook");
    println!("cargo:rerun-if-changed=templates");
    println!("cargo:rerun-if-changed=i18n/messages.txt");
    println!("cargo:rerun-if-changed=i18n/help.txt");
    println!("cargo:rerun-if-changed=i18n/schema.txt");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let messages = read("i18n/messages.txt");
    let code = match catalogue::parse(&messages).map(|m| catalogue::generate(&m)) {
        Ok(code) => code,
        Err(e) => panic!("i18n/messages.txt:{e}"),
    };
    std::fs::write(Path::new(&out).join("messages.rs"), code).expect("write messages.rs");
    let help = read("i18n/help.txt");
    let code = match catalogue::help(&help) {
        Ok(code) => code,
        Err(e) => panic!("i18n/help.txt:{e}"),
    };
    std::fs::write(Path::new(&out).join("help.rs"), code).expect("write help.rs");
    let schema = read("i18n/schema.txt");
    let code = match catalogue::schema(&schema) {
        Ok(code) => code,
        Err(e) => panic!("i18n/schema.txt:{e}"),
    };
    std::fs::write(Path::new(&out).join("schema.rs"), code).expect("write schema.rs");
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

mod catalogue {
    use std::fmt::Write as _;

    /// The languages, in the order of `Lang`'s variants.
    const LANGS: [&str; 3] = ["nb", "nn", "en"];

    /// One message: its id, its parameters, and its text per language.
    pub struct Message {
        pub id: String,
        pub params: Vec<String>,
        pub texts: [Option<Vec<Piece>>; 3],
        pub raw: [Option<String>; 3],
        pub line: usize,
    }

    /// A piece of a text: words, a placeholder, or a choice by number.
    pub enum Piece {
        Lit(String),
        Arg(String),
        Plural {
            count: String,
            one: Vec<Piece>,
            other: Vec<Piece>,
        },
    }

    fn is_ident(s: &str) -> bool {
        let mut chars = s.chars();
        chars
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
            && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    }

    /// The lines that matter, numbered from 1: whether each starts an
    /// entry (is not indented), and its text without the indentation (a
    /// text keeps its trailing spaces: " og " is a word with spaces).
    fn lines(text: &str) -> impl Iterator<Item = (usize, bool, &str)> {
        text.lines().enumerate().filter_map(|(i, line)| {
            let trimmed = line.trim();
            let header = !line.starts_with(' ');
            let content = if header { trimmed } else { line.trim_start() };
            (!trimmed.is_empty() && !trimmed.starts_with('#')).then(|| (i + 1, header, content))
        })
    }

    /// The text of a message without parameters, as one string literal.
    fn literal(pieces: &[Piece]) -> String {
        pieces
            .iter()
            .map(|p| match p {
                Piece::Lit(text) => text.as_str(),
                _ => "",
            })
            .collect()
    }

    /// Parses the catalogue: entries `id(param, …)` followed by indented
    /// `nb: …`, `nn: …`, `en: …` lines.
    pub fn parse(text: &str) -> Result<Vec<Message>, String> {
        let mut messages: Vec<Message> = Vec::new();
        for (n, header, trimmed) in lines(text) {
            if header {
                let (id, params) = match trimmed.split_once('(') {
                    Some((id, rest)) => {
                        let inner = rest
                            .strip_suffix(')')
                            .ok_or(format!("{n}: `(` without `)`"))?;
                        let params: Vec<String> = inner
                            .split(',')
                            .map(|p| p.trim().to_owned())
                            .filter(|p| !p.is_empty())
                            .collect();
                        (id.trim(), params)
                    }
                    None => (trimmed, Vec::new()),
                };
                if !is_ident(id) {
                    return Err(format!("{n}: `{id}` is no message id (a_z, 0-9, _)"));
                }
                if messages.iter().any(|m| m.id == id) {
                    return Err(format!("{n}: the message `{id}` is defined twice"));
                }
                for p in &params {
                    if !is_ident(p) || p == "lang" || p == "type" || p == "in" || p == "fn" {
                        return Err(format!("{n}: `{p}` cannot be a parameter name"));
                    }
                }
                messages.push(Message {
                    id: id.to_owned(),
                    params,
                    texts: [None, None, None],
                    raw: [None, None, None],
                    line: n,
                });
                continue;
            }
            let message = messages
                .last_mut()
                .ok_or(format!("{n}: a text before any message id"))?;
            let (lang, body) = trimmed.split_once(':').ok_or(format!(
                "{n}: expected `nb: text`, `nn: text` or `en: text`"
            ))?;
            let index = LANGS
                .iter()
                .position(|l| *l == lang)
                .ok_or(format!("{n}: unknown language `{lang}`"))?;
            if message.texts[index].is_some() {
                return Err(format!("{n}: `{}` has two {lang} texts", message.id));
            }
            let body = body.strip_prefix(' ').unwrap_or(body);
            let pieces = pieces(body, &message.params).map_err(|e| format!("{n}: {e}"))?;
            message.texts[index] = Some(pieces);
            message.raw[index] = Some(body.to_owned());
        }
        for m in &messages {
            if m.texts.iter().all(Option::is_none) {
                return Err(format!("{}: `{}` has no text", m.line, m.id));
            }
        }
        Ok(messages)
    }

    /// Splits a text into pieces: `{name}` is a placeholder, `{n|one|other}`
    /// chooses by the number `n`, `{{` and `}}` are braces, `\n` a new line.
    fn pieces(body: &str, params: &[String]) -> Result<Vec<Piece>, String> {
        let chars: Vec<char> = body.chars().collect();
        let mut pos = 0;
        let out = pieces_until(&chars, &mut pos, params, false)?;
        Ok(out)
    }

    fn pieces_until(
        chars: &[char],
        pos: &mut usize,
        params: &[String],
        nested: bool,
    ) -> Result<Vec<Piece>, String> {
        let mut out = Vec::new();
        let mut lit = String::new();
        while *pos < chars.len() {
            let c = chars[*pos];
            let next = chars.get(*pos + 1).copied();
            match c {
                '{' if next == Some('{') => {
                    lit.push('{');
                    *pos += 2;
                }
                '}' if next == Some('}') && !nested => {
                    lit.push('}');
                    *pos += 2;
                }
                '\\' if next == Some('n') => {
                    lit.push('\n');
                    *pos += 2;
                }
                '|' | '}' if nested => break,
                '{' => {
                    *pos += 1;
                    let start = *pos;
                    while *pos < chars.len() && !matches!(chars[*pos], '}' | '|') {
                        *pos += 1;
                    }
                    let name: String = chars[start..*pos].iter().collect();
                    if !params.contains(&name) {
                        return Err(format!("`{{{name}}}` is not among the parameters"));
                    }
                    if !lit.is_empty() {
                        out.push(Piece::Lit(std::mem::take(&mut lit)));
                    }
                    match chars.get(*pos) {
                        Some('}') => {
                            *pos += 1;
                            out.push(Piece::Arg(name));
                        }
                        Some('|') => {
                            *pos += 1;
                            let one = pieces_until(chars, pos, params, true)?;
                            if chars.get(*pos) != Some(&'|') {
                                return Err(format!("`{{{name}|…}}` needs two forms: one|other"));
                            }
                            *pos += 1;
                            let other = pieces_until(chars, pos, params, true)?;
                            if chars.get(*pos) != Some(&'}') {
                                return Err(format!("`{{{name}|…}}` is not closed"));
                            }
                            *pos += 1;
                            out.push(Piece::Plural {
                                count: name,
                                one,
                                other,
                            });
                        }
                        _ => return Err(format!("`{{{name}` is not closed")),
                    }
                }
                '}' => return Err("a lone `}` (write `}}`)".into()),
                _ => {
                    lit.push(c);
                    *pos += 1;
                }
            }
        }
        if !lit.is_empty() {
            out.push(Piece::Lit(lit));
        }
        Ok(out)
    }

    fn counts(pieces: &[Piece], out: &mut Vec<String>) {
        for p in pieces {
            if let Piece::Plural { count, one, other } = p {
                if !out.contains(count) {
                    out.push(count.clone());
                }
                counts(one, out);
                counts(other, out);
            }
        }
    }

    /// Rust code that writes `pieces` to the String `s`.
    fn emit(pieces: &[Piece], code: &mut String) {
        for p in pieces {
            match p {
                Piece::Lit(text) => {
                    let _ = writeln!(code, "        s.push_str({text:?});");
                }
                Piece::Arg(name) => {
                    let _ = writeln!(code, "        let _ = write!(s, \"{{}}\", {name});");
                }
                Piece::Plural { count, one, other } => {
                    let _ = writeln!(code, "        if {count} == 1 {{");
                    emit(one, code);
                    code.push_str("        } else {\n");
                    emit(other, code);
                    code.push_str("        }\n");
                }
            }
        }
    }

    /// Which text a language uses: its own, else bokmål, nynorsk, English.
    fn chosen(m: &Message, lang: usize) -> usize {
        let order: [usize; 3] = match lang {
            0 => [0, 1, 2],
            1 => [1, 0, 2],
            _ => [2, 0, 1],
        };
        order
            .into_iter()
            .find(|&i| m.texts[i].is_some())
            .unwrap_or(0)
    }

    pub fn generate(messages: &[Message]) -> String {
        let mut code =
            String::from("// Generated by build.rs from i18n/messages.txt: do not edit.\n\n");
        for m in messages {
            let mut plural = Vec::new();
            for pieces in m.texts.iter().flatten() {
                counts(pieces, &mut plural);
            }
            let args: Vec<String> = m
                .params
                .iter()
                .map(|p| {
                    if plural.contains(p) {
                        format!("{p}: impl crate::i18n::Count")
                    } else {
                        format!("{p}: impl std::fmt::Display")
                    }
                })
                .collect();
            let doc = m.raw[2]
                .as_ref()
                .or(m.raw[0].as_ref())
                .cloned()
                .unwrap_or_default();
            let _ = writeln!(code, "/// {}", doc.replace('\n', " "));
            if m.params.is_empty() {
                // Without parameters a message is one string per language.
                let _ = writeln!(
                    code,
                    "pub fn {}(lang: crate::workbook::Lang) -> &'static str {{\n    match lang {{",
                    m.id
                );
                for (i, variant) in ["Nb", "Nn", "En"].iter().enumerate() {
                    let text = m.texts[chosen(m, i)]
                        .as_deref()
                        .map(literal)
                        .unwrap_or_default();
                    let _ = writeln!(
                        code,
                        "        crate::workbook::Lang::{variant} => {text:?},"
                    );
                }
                code.push_str("    }\n}\n\n");
                continue;
            }
            let _ = writeln!(
                code,
                "pub fn {}(lang: crate::workbook::Lang{}{}) -> String {{",
                m.id,
                if args.is_empty() { "" } else { ", " },
                args.join(", ")
            );
            code.push_str("    use std::fmt::Write as _;\n");
            for p in &plural {
                let _ = writeln!(code, "    let {p} = crate::i18n::Count::count(&{p});");
            }
            code.push_str("    let mut s = String::new();\n    match lang {\n");
            for (i, variant) in ["Nb", "Nn", "En"].iter().enumerate() {
                let _ = writeln!(code, "    crate::workbook::Lang::{variant} => {{");
                if let Some(pieces) = &m.texts[chosen(m, i)] {
                    emit(pieces, &mut code);
                }
                code.push_str("    }\n");
            }
            code.push_str("    }\n    s\n}\n\n");
        }
        code.push_str("/// Every message as written in the catalogue: id, parameters, and the\n/// text in nb, nn and en (absent where the catalogue has none).\npub const ENTRIES: &[crate::i18n::Entry] = &[\n");
        for m in messages {
            let _ = writeln!(
                code,
                "    crate::i18n::Entry {{ id: {:?}, params: &{:?}, texts: {:?} }},",
                m.id, m.params, m.raw
            );
        }
        code.push_str("];\n");
        code
    }

    /// Compiles `help.txt`: a clap path (`new-sprint`, `new-sprint --weeks`)
    /// followed by indented `nb:`/`nn:` lines. English stays in the doc
    /// comments of `src/cli.rs`, which clap reads.
    pub fn help(text: &str) -> Result<String, String> {
        table(
            text,
            "command or option",
            "English is in src/cli.rs",
            "// Generated by build.rs from i18n/help.txt: do not edit.\n\n/// Help texts by clap path: (path, nb, nn).\npub const HELP",
        )
    }

    /// Compiles `schema.txt`: a path in the JSON Schemas of samskap's
    /// files (`samskap.yaml.weekday`, `Weekday = tue`) followed by
    /// indented `nb:`/`nn:` lines. English stays in the doc comments the
    /// schemas are generated from.
    pub fn schema(text: &str) -> Result<String, String> {
        table(
            text,
            "schema path",
            "English is in the doc comments",
            "// Generated by build.rs from i18n/schema.txt: do not edit.\n\n/// Schema descriptions by path: (path, nb, nn).\npub const SCHEMA",
        )
    }

    /// A table of keys, each followed by indented `nb:`/`nn:` lines, as
    /// the constant `head` begins.
    fn table(text: &str, what: &str, english: &str, head: &str) -> Result<String, String> {
        let mut entries: Vec<(String, [Option<String>; 2], usize)> = Vec::new();
        for (n, header, trimmed) in lines(text) {
            if header {
                if entries.iter().any(|e| e.0 == trimmed) {
                    return Err(format!("{n}: `{trimmed}` is given twice"));
                }
                entries.push((trimmed.to_owned(), [None, None], n));
                continue;
            }
            let entry = entries
                .last_mut()
                .ok_or(format!("{n}: a text before any {what}"))?;
            let (lang, body) = trimmed
                .split_once(':')
                .ok_or(format!("{n}: expected `nb: text` or `nn: text`"))?;
            let index = match lang {
                "nb" => 0,
                "nn" => 1,
                _ => {
                    return Err(format!("{n}: `{lang}`: texts are nb or nn ({english})"));
                }
            };
            let body = body.strip_prefix(' ').unwrap_or(body).replace("\\n", "\n");
            entry.1[index] = Some(body);
        }
        let mut code = format!("{head}: &[(&str, Option<&str>, Option<&str>)] = &[\n");
        for (path, [nb, nn], _) in &entries {
            let _ = writeln!(code, "    ({path:?}, {nb:?}, {nn:?}),");
        }
        code.push_str("];\n");
        Ok(code)
    }
}
