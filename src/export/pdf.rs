//! Page numbers for a PDF printed by a web engine that draws none itself.
//!
//! The app prints the standalone page with its own engine (WebKitGTK), which
//! supports no CSS `@page` margin boxes, so "3 / 12" cannot come from the page's
//! styles. It is stamped here instead: each page gets one more content stream,
//! centred in the bottom margin, in the PDF's built-in Helvetica (nothing
//! embedded). The engine's own drawing is wrapped in `q … Q`, so whatever
//! state it leaves cannot move or hide the number.

use crate::error::{Error, Result};
use lopdf::{dictionary, Document, Object, ObjectId, Stream};

/// The name the stamped font gets in each page's resources.
const FONT: &[u8] = b"DeployPlanPageNumber";
/// Size of the page numbers, in points.
const SIZE: f32 = 9.0;
/// Baseline of the page numbers above the page's bottom edge, in points
/// (inside the 20 mm bottom margin the export asks for).
const BASELINE: f32 = 26.0;

fn failed(what: &str, error: impl std::fmt::Display) -> Error {
    Error::Export {
        message: format!("the printed PDF could not be numbered ({what}: {error})"),
    }
}

/// `pdf` with "n / N" centred at the bottom of every page.
///
/// Errors: [`Error::Export`] when `pdf` cannot be read as a PDF.
pub fn number_pages(pdf: &[u8]) -> Result<Vec<u8>> {
    let mut doc = Document::load_mem(pdf).map_err(|error| failed("reading", error))?;
    let pages = doc.get_pages();
    let total = pages.len();
    let font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let save = doc.add_object(Stream::new(lopdf::Dictionary::new(), b"q\n".to_vec()));
    for (number, page) in pages {
        let width = media_width(&doc, page).unwrap_or(595.0);
        let text = format!("{number} / {total}");
        let x = (width - text_width(&text)) / 2.0;
        let stamp = format!(
            "Q\nq\nBT\n0.333 0.333 0.333 rg\n/{} {SIZE} Tf\n1 0 0 1 {x:.2} {BASELINE:.2} Tm\n({text}) Tj\nET\nQ\n",
            String::from_utf8_lossy(FONT)
        );
        let stamp = doc.add_object(Stream::new(lopdf::Dictionary::new(), stamp.into_bytes()));
        let mut contents: Vec<Object> = vec![Object::Reference(save)];
        contents.extend(
            doc.get_page_contents(page)
                .into_iter()
                .map(Object::Reference),
        );
        contents.push(Object::Reference(stamp));
        doc.get_object_mut(page)
            .and_then(Object::as_dict_mut)
            .map_err(|error| failed("a page", error))?
            .set("Contents", contents);
        add_font(&mut doc, page, font)?;
    }
    // The engine leaves some streams uncompressed; the stamps are too.
    doc.compress();
    let mut out = Vec::with_capacity(pdf.len() + total * 200);
    doc.save_to(&mut out)
        .map_err(|error| failed("writing", error))?;
    Ok(out)
}

/// The width of `text` (digits, spaces and `/`) in Helvetica at [`SIZE`].
fn text_width(text: &str) -> f32 {
    let units: u32 = text
        .chars()
        .map(|c| match c {
            '0'..='9' => 556,
            ' ' | '/' => 278,
            _ => 556,
        })
        .sum();
    units as f32 * SIZE / 1000.0
}

/// The page's MediaBox width, looking up the page tree when it is inherited.
fn media_width(doc: &Document, page: ObjectId) -> Option<f32> {
    let mut node = doc.get_dictionary(page).ok()?;
    for _ in 0..32 {
        if let Ok(object) = node.get(b"MediaBox") {
            let (_, object) = doc.dereference(object).ok()?;
            let numbers: Vec<f32> = object
                .as_array()
                .ok()?
                .iter()
                .filter_map(|n| n.as_float().ok())
                .collect();
            return (numbers.len() == 4).then(|| numbers[2] - numbers[0]);
        }
        let parent = node.get(b"Parent").ok()?.as_reference().ok()?;
        node = doc.get_dictionary(parent).ok()?;
    }
    None
}

/// Puts the page-number font into the page's font resources.
fn add_font(doc: &mut Document, page: ObjectId, font: ObjectId) -> Result<()> {
    let resources = doc
        .get_or_create_resources(page)
        .map_err(|error| failed("resources", error))?;
    let fonts_reference = match resources {
        Object::Dictionary(resources) => match resources.get_mut(b"Font") {
            Ok(Object::Dictionary(fonts)) => {
                fonts.set(FONT, Object::Reference(font));
                return Ok(());
            }
            Ok(Object::Reference(id)) => *id,
            _ => {
                resources.set("Font", dictionary! { FONT => Object::Reference(font) });
                return Ok(());
            }
        },
        _ => return Err(failed("resources", "not a dictionary")),
    };
    doc.get_object_mut(fonts_reference)
        .and_then(Object::as_dict_mut)
        .map_err(|error| failed("fonts", error))?
        .set(FONT, Object::Reference(font));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::content::{Content, Operation};

    /// A PDF of `pages` A4 pages, each drawing a word, as a small engine would
    /// write it (shared resources through the page tree, one stream a page).
    fn pdf(pages: usize) -> Vec<u8> {
        let mut doc = Document::with_version("1.5");
        let tree = doc.new_object_id();
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Courier",
        });
        let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
        let mut kids = Vec::new();
        for n in 0..pages {
            let content = Content {
                operations: vec![
                    // Leaves a scaled, un-restored state behind on purpose.
                    Operation::new(
                        "cm",
                        vec![2.into(), 0.into(), 0.into(), 2.into(), 0.into(), 0.into()],
                    ),
                    Operation::new("BT", vec![]),
                    Operation::new("Tf", vec!["F1".into(), 12.into()]),
                    Operation::new("Td", vec![50.into(), 300.into()]),
                    Operation::new("Tj", vec![Object::string_literal(format!("body{n}"))]),
                    Operation::new("ET", vec![]),
                ],
            };
            let stream = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
            kids.push(Object::Reference(doc.add_object(dictionary! {
                "Type" => "Page", "Parent" => tree, "Contents" => stream,
            })));
        }
        doc.objects.insert(
            tree,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Kids" => kids, "Count" => pages as i64,
                "Resources" => resources,
                "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => tree });
        doc.trailer.set("Root", catalog);
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap();
        out
    }

    fn page_texts(pdf: &[u8]) -> Vec<String> {
        let doc = Document::load_mem(pdf).unwrap();
        let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
        pages
            .iter()
            .map(|n| doc.extract_text(&[*n]).unwrap_or_default())
            .collect()
    }

    #[test]
    fn every_page_gets_its_number_and_the_total_and_keeps_its_text() {
        let numbered = number_pages(&pdf(3)).unwrap();
        let texts = page_texts(&numbered);
        assert_eq!(texts.len(), 3);
        for (i, text) in texts.iter().enumerate() {
            assert!(text.contains(&format!("body{i}")), "{text}");
            assert!(text.contains(&format!("{} / 3", i + 1)), "{text}");
        }
    }

    #[test]
    fn the_number_is_centred_and_drawn_after_restoring_the_engines_state() {
        let numbered = number_pages(&pdf(1)).unwrap();
        let doc = Document::load_mem(&numbered).unwrap();
        let page = *doc.get_pages().get(&1).unwrap();
        let content = String::from_utf8_lossy(&doc.get_page_content(page)).into_owned();
        assert!(content.starts_with("q\n"), "{content}");
        let stamp = &content[content.rfind("Q\nq\nBT").expect("restored first")..];
        let x: f32 = stamp
            .split(" Tm")
            .next()
            .unwrap()
            .split_whitespace()
            .rev()
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        let width = text_width("1 / 1");
        assert!((x + width / 2.0 - 595.0 / 2.0).abs() < 0.5, "x = {x}");
    }

    #[test]
    fn text_that_is_not_a_pdf_is_a_clear_error() {
        let error = number_pages(b"<html>not a pdf</html>").unwrap_err();
        assert!(
            error.to_string().contains("could not be numbered"),
            "{error}"
        );
    }
}
