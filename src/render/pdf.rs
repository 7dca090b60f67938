//! PDF, printed from a document's HTML by a Chromium-family browser the
//! user has (Chromium, Chrome or Edge) running headless: the layout's print
//! style gives A4, the title in the running header and "side 3 av 12" in
//! the footer (CSS page-margin boxes, which Chromium draws since 131), and
//! the browser's own header and footer are turned off. samskap draws no
//! PDF itself: a browser lays out text, fonts and tables as the HTML shows
//! them, and every municipal PC has one.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::i18n::{msg, ui};

/// The environment variable that names the browser to print with; `none`
/// turns printing off.
pub const BROWSER_VAR: &str = "SAMSKAP_BROWSER";

/// How long a browser may take to print one document.
const TIMEOUT: Duration = Duration::from_secs(120);

/// Program names looked for on PATH, in this order.
const ON_PATH: &[&str] = &[
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "microsoft-edge",
    "microsoft-edge-stable",
    "msedge",
];

/// Where the browsers install themselves outside PATH.
const INSTALLED: &[&str] = &[
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    "/opt/google/chrome/chrome",
    "/opt/microsoft/msedge/msedge",
    "/snap/bin/chromium",
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
    r"C:\Program Files\Microsoft\Edge\Application\msedge.exe",
];

/// A browser that can print.
#[derive(Clone, Debug)]
pub struct Browser(PathBuf);

impl Browser {
    /// The browser `SAMSKAP_BROWSER` names, else the first one found on
    /// PATH or where browsers install themselves; None when there is none
    /// or printing is turned off.
    pub fn find() -> Result<Option<Browser>> {
        match std::env::var_os(BROWSER_VAR) {
            Some(v) if v == "none" => Ok(None),
            Some(v) if !v.is_empty() => {
                let named = PathBuf::from(&v);
                let found = if named.components().count() > 1 {
                    named.is_file().then_some(named)
                } else {
                    on_path(&v.to_string_lossy())
                };
                found.map(|p| Some(Browser(p))).ok_or_else(|| {
                    Error::unavailable(
                        msg::browser_var_not_found(ui(), BROWSER_VAR, v.to_string_lossy()),
                        msg::browser_var_not_found_hint(ui()),
                    )
                })
            }
            _ => Ok(ON_PATH
                .iter()
                .find_map(|name| on_path(name))
                .or_else(|| INSTALLED.iter().map(PathBuf::from).find(|p| p.is_file()))
                .map(Browser)),
        }
    }

    /// [`Browser::find`], or the error saying what to install.
    pub fn required() -> Result<Browser> {
        Self::find()?.ok_or_else(|| {
            Error::unavailable(
                msg::browser_missing(ui()),
                msg::browser_missing_hint(ui(), BROWSER_VAR),
            )
        })
    }

    /// The PDF of a self-contained HTML page.
    pub fn print(&self, html: &str) -> Result<Vec<u8>> {
        let dir = tempfile::tempdir().map_err(|source| Error::Write {
            path: std::env::temp_dir(),
            source,
        })?;
        let page = dir.path().join("page.html");
        let pdf = dir.path().join("page.pdf");
        let log = dir.path().join("browser.log");
        let log_file = std::fs::File::create(&log).map_err(|source| Error::Write {
            path: log.clone(),
            source,
        })?;
        std::fs::write(&page, html).map_err(|source| Error::Write {
            path: page.clone(),
            source,
        })?;
        let mut command = Command::new(&self.0);
        command
            .arg("--headless")
            .arg("--disable-gpu")
            .arg("--no-first-run")
            .arg("--no-default-browser-check")
            .arg("--disable-extensions")
            // The page has no scripts and asks for nothing from the net;
            // the browser asks for nothing either.
            .arg("--disable-background-networking")
            .arg(format!(
                "--user-data-dir={}",
                dir.path().join("profile").display()
            ))
            .arg("--no-pdf-header-footer")
            .arg(format!("--print-to-pdf={}", pdf.display()));
        if running_as_root() {
            // Chromium refuses to start its sandbox as root (containers, CI).
            command.arg("--no-sandbox");
        }
        command
            .arg(file_url(&page))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            // To a file, not a pipe that nobody reads while it waits and
            // that a talkative browser could fill.
            .stderr(log_file);
        let failed = |why: String| {
            Error::unavailable(
                msg::browser_failed(ui(), self.0.display(), why),
                msg::browser_failed_hint(ui(), self.0.display(), BROWSER_VAR),
            )
        };
        let mut child = command.spawn().map_err(|e| failed(e.to_string()))?;
        let start = Instant::now();
        let status = loop {
            match child.try_wait().map_err(|e| failed(e.to_string()))? {
                Some(status) => break status,
                None if start.elapsed() > TIMEOUT => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(failed(format!(
                        "no PDF after {} seconds",
                        TIMEOUT.as_secs()
                    )));
                }
                None => std::thread::sleep(Duration::from_millis(50)),
            }
        };
        match std::fs::read(&pdf) {
            Ok(bytes) if status.success() && bytes.starts_with(b"%PDF") => Ok(bytes),
            _ => {
                let stderr = std::fs::read_to_string(&log).unwrap_or_default();
                let last = stderr
                    .lines()
                    .rfind(|l| !l.contains("dbus"))
                    .unwrap_or("")
                    .to_owned();
                Err(failed(format!("{status}; {last}")))
            }
        }
    }
}

/// The program `name` in a folder of PATH.
fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).find_map(|dir| {
        let plain = dir.join(name);
        let exe = dir.join(format!("{name}.exe"));
        [plain, exe].into_iter().find(|p| p.is_file())
    })
}

/// Whether this process runs as root, where Chromium's sandbox will not
/// start (Linux: the effective uid in /proc).
fn running_as_root() -> bool {
    std::fs::read_to_string("/proc/self/status").is_ok_and(|status| {
        status
            .lines()
            .find_map(|l| l.strip_prefix("Uid:"))
            .and_then(|ids| ids.split_whitespace().nth(1).map(|e| e == "0"))
            .unwrap_or(false)
    })
}

/// A file: URL for a local path, with the characters a URL cannot hold
/// percent-encoded.
fn file_url(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut url = String::from(if text.starts_with('/') {
        "file://"
    } else {
        "file:///"
    });
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' | b':' => {
                url.push(char::from(byte));
            }
            other => url.push_str(&format!("%{other:02X}")),
        }
    }
    url
}

/// `text` as a CSS string literal: everything but letters, digits and
/// spaces written as a hex escape, so that no value can end the string or
/// the style element.
pub fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in crate::render::markdown::printable(text).chars() {
        if c.is_alphanumeric() || c == ' ' {
            out.push(c);
        } else {
            out.push_str(&format!("\\{:x} ", u32::from(c)));
        }
    }
    out.push('"');
    out
}

/// The running footer's "side 3 av 12" as CSS `content`: the catalogue's
/// whole sentence, with the page counters where its placeholders stand, so
/// each language orders the words its own way.
pub fn page_counter(lang: crate::workbook::Lang) -> String {
    const PAGE: &str = "\u{E000}";
    const PAGES: &str = "\u{E001}";
    let text = crate::i18n::msg::print_page_of(lang, PAGE, PAGES);
    let mut parts = Vec::new();
    for (i, around_pages) in text.split(PAGES).enumerate() {
        if i > 0 {
            parts.push("counter(pages)".to_owned());
        }
        for (j, piece) in around_pages.split(PAGE).enumerate() {
            if j > 0 {
                parts.push("counter(page)".to_owned());
            }
            if !piece.is_empty() {
                parts.push(css_string(piece));
            }
        }
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_counter_is_the_catalogues_sentence() {
        use crate::workbook::Lang;
        assert_eq!(
            page_counter(Lang::Nb),
            "\"side \" counter(page) \" av \" counter(pages)"
        );
        assert_eq!(
            page_counter(Lang::Nn),
            "\"side \" counter(page) \" av \" counter(pages)"
        );
        assert_eq!(
            page_counter(Lang::En),
            "\"page \" counter(page) \" of \" counter(pages)"
        );
    }

    #[test]
    fn css_strings_cannot_break_out() {
        assert_eq!(css_string("Rapport: Våren"), "\"Rapport\\3a  Våren\"");
        let hostile = css_string("\"; } </style><script>");
        assert!(
            !hostile[1..hostile.len() - 1].contains(['"', '<', '>', '}', ';']),
            "{hostile}"
        );
    }

    #[test]
    fn file_urls_are_encoded() {
        assert_eq!(
            file_url(Path::new("/tmp/a b/æ.html")),
            "file:///tmp/a%20b/%C3%A6.html"
        );
        assert_eq!(
            file_url(Path::new(r"C:\Temp\x.html")),
            "file:///C:/Temp/x.html"
        );
    }
}
