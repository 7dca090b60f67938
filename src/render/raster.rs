//! A small RGB canvas and its PNG encoding, for the one picture a Word file
//! needs (the assessment chart): Word cannot show the SVG samskap makes for
//! HTML, and a rasteriser for SVG and fonts would weigh more than the rest
//! of samskap. The chart's words stay in the table beside the picture.

use std::io::Write;

/// An RGB picture.
pub struct Canvas {
    width: u32,
    height: u32,
    pixels: Vec<u8>,
}

/// A colour as red, green, blue.
pub type Rgb = [u8; 3];

/// Digits 0–9 as 3×5 bitmaps, one row of three bits per line (top first).
const DIGITS: [[u8; 5]; 10] = [
    [0b111, 0b101, 0b101, 0b101, 0b111],
    [0b010, 0b110, 0b010, 0b010, 0b111],
    [0b111, 0b001, 0b111, 0b100, 0b111],
    [0b111, 0b001, 0b111, 0b001, 0b111],
    [0b101, 0b101, 0b111, 0b001, 0b001],
    [0b111, 0b100, 0b111, 0b001, 0b111],
    [0b111, 0b100, 0b111, 0b101, 0b111],
    [0b111, 0b001, 0b010, 0b010, 0b010],
    [0b111, 0b101, 0b111, 0b101, 0b111],
    [0b111, 0b101, 0b111, 0b001, 0b111],
];

impl Canvas {
    /// A white canvas.
    pub fn new(width: u32, height: u32) -> Canvas {
        Canvas {
            width,
            height,
            pixels: vec![255; (width * height * 3) as usize],
        }
    }

    /// The width in pixels.
    pub fn width(&self) -> u32 {
        self.width
    }

    /// The height in pixels.
    pub fn height(&self) -> u32 {
        self.height
    }

    /// Fills a rectangle, clipped to the canvas.
    pub fn fill(&mut self, x: u32, y: u32, w: u32, h: u32, colour: Rgb) {
        for row in y..(y + h).min(self.height) {
            for col in x..(x + w).min(self.width) {
                let at = ((row * self.width + col) * 3) as usize;
                self.pixels[at..at + 3].copy_from_slice(&colour);
            }
        }
    }

    /// Draws a digit `scale` pixels per bitmap dot, top left at (x, y).
    pub fn digit(&mut self, digit: u8, x: u32, y: u32, scale: u32, colour: Rgb) {
        let glyph = DIGITS[usize::from(digit % 10)];
        for (row, bits) in glyph.iter().enumerate() {
            for col in 0..3u32 {
                if bits & (0b100 >> col) != 0 {
                    let (dx, dy) = (x + col * scale, y + row as u32 * scale);
                    self.fill(dx, dy, scale, scale, colour);
                }
            }
        }
    }

    /// The picture as a PNG file.
    pub fn png(&self) -> Vec<u8> {
        let mut raw = Vec::with_capacity(self.pixels.len() + self.height as usize);
        for row in self.pixels.chunks(self.width as usize * 3) {
            // Filter type 0 (none) before every scanline.
            raw.push(0);
            raw.extend_from_slice(row);
        }
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        // Writing into a Vec cannot fail.
        let _ = z.write_all(&raw);
        let data = z.finish().unwrap_or_default();
        let mut header = Vec::with_capacity(13);
        header.extend_from_slice(&self.width.to_be_bytes());
        header.extend_from_slice(&self.height.to_be_bytes());
        // 8 bits per channel, colour type 2 (RGB), deflate, no filter
        // choice, no interlace.
        header.extend_from_slice(&[8, 2, 0, 0, 0]);
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        chunk(&mut png, b"IHDR", &header);
        chunk(&mut png, b"IDAT", &data);
        chunk(&mut png, b"IEND", &[]);
        png
    }
}

/// Appends one PNG chunk: length, type, data and the CRC of type and data.
fn chunk(png: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    png.extend_from_slice(&(data.len() as u32).to_be_bytes());
    png.extend_from_slice(kind);
    png.extend_from_slice(data);
    let mut crc = crc32fast::Hasher::new();
    crc.update(kind);
    crc.update(data);
    png.extend_from_slice(&crc.finalize().to_be_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_has_signature_header_and_valid_chunks() {
        let mut canvas = Canvas::new(4, 3);
        canvas.fill(1, 1, 10, 10, [0, 0, 0]);
        let png = canvas.png();
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
        assert_eq!(&png[12..16], b"IHDR");
        assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), 4);
        assert_eq!(u32::from_be_bytes(png[20..24].try_into().unwrap()), 3);
        assert!(png.ends_with(&[0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xAE, 0x42, 0x60, 0x82]));
        // The image data inflates to 3 scanlines of 1 + 4×3 bytes.
        let start = 8 + 25 + 8;
        let len = u32::from_be_bytes(png[33..37].try_into().unwrap()) as usize;
        let mut raw = Vec::new();
        std::io::Read::read_to_end(
            &mut flate2::read::ZlibDecoder::new(&png[start..start + len]),
            &mut raw,
        )
        .unwrap();
        assert_eq!(raw.len(), 3 * 13);
        assert_eq!(&raw[13..17], &[0, 255, 255, 255]);
        assert_eq!(&raw[17..20], &[0, 0, 0]);
    }

    #[test]
    fn digits_are_drawn_inside_the_canvas() {
        let mut canvas = Canvas::new(8, 12);
        // "1" has 8 dots: 8 × 2 × 2 pixels of 3 bytes.
        canvas.digit(1, 0, 0, 2, [0, 0, 0]);
        assert_eq!(canvas.pixels.iter().filter(|b| **b == 0).count(), 8 * 4 * 3);
        // Clipped at the edge, not out of bounds.
        canvas.digit(8, 6, 10, 2, [0, 0, 0]);
        assert_eq!(canvas.pixels.len(), 8 * 12 * 3);
    }
}
