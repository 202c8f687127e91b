//! A minimal ZIP container: enough for Office Open XML packages.
//!
//! Policy:
//! - Writing stores every entry uncompressed (method 0) with its CRC-32 and a fixed timestamp
//!   (1980-01-01 00:00), so the same document always gives the same bytes. Office, LibreOffice
//!   and WPS open stored packages; compressing would add a deflater to the page for a download
//!   of a few tens of KB (measured in BENCHMARKS.md).
//! - Reading accepts stored and deflated entries (what Excel, WPS and LibreOffice write), checks
//!   every CRC, refuses ZIP64, encryption and entries that inflate beyond [`MAX_ENTRY`] bytes, and
//!   never panics on malformed input: every problem is a [`ZipError`].

use crate::text::lang::Text;

/// The largest entry the reader inflates (16 MiB): a spreadsheet of a self-evaluation is far
/// smaller, and the limit stops a "zip bomb" from exhausting the page's memory.
pub const MAX_ENTRY: usize = 16 * 1024 * 1024;

const fn crc_table() -> [u32; 256] {
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        t[i] = c;
        i += 1;
    }
    t
}

static CRC_TABLE: [u32; 256] = crc_table();

/// CRC-32 (IEEE 802.3, the ZIP checksum) of `data`.
pub fn crc32(data: &[u8]) -> u32 {
    let mut c = 0xFFFF_FFFFu32;
    for &b in data {
        c = CRC_TABLE[((c ^ b as u32) & 0xFF) as usize] ^ (c >> 8);
    }
    c ^ 0xFFFF_FFFF
}

/// Why a file could not be read as a ZIP package.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ZipError {
    /// No end-of-central-directory record: not a ZIP file (e.g. an old binary .xls).
    NotZip,
    /// The structure is cut short or inconsistent.
    Corrupt(&'static str),
    /// A feature this reader does not handle (ZIP64, encryption, an unknown method).
    Unsupported(&'static str),
    /// An entry inflates beyond [`MAX_ENTRY`].
    TooLarge(String),
    /// An entry's data does not match its CRC-32.
    BadCrc(String),
}

impl ZipError {
    /// The reason, in both languages.
    pub fn message(&self) -> Text {
        match self {
            ZipError::NotZip => Text::new(
                "不是 .xlsx/.docx 文件（可能是旧版 .xls，请在 Excel/WPS 中另存为 .xlsx）",
                "not an .xlsx/.docx file (an old .xls? save it as .xlsx in Excel or WPS)",
            ),
            ZipError::Corrupt(w) => Text::new(format!("文件已损坏（{w}）"), format!("the file is damaged ({w})")),
            ZipError::Unsupported(w) => Text::new(format!("不支持的压缩格式（{w}）"), format!("unsupported package feature ({w})")),
            ZipError::TooLarge(n) => Text::new(format!("“{n}”过大，无法读取"), format!("'{n}' is too large to read")),
            ZipError::BadCrc(n) => {
                Text::new(format!("“{n}”校验失败，文件已损坏"), format!("'{n}' fails its checksum: the file is damaged"))
            }
        }
    }
}

struct Written {
    name: String,
    crc: u32,
    size: u32,
    offset: u32,
}

/// Writes a ZIP package entry by entry, stored (uncompressed).
#[derive(Default)]
pub struct ZipWriter {
    buf: Vec<u8>,
    entries: Vec<Written>,
}

fn u16le(v: &mut Vec<u8>, x: u16) {
    v.extend_from_slice(&x.to_le_bytes());
}
fn u32le(v: &mut Vec<u8>, x: u32) {
    v.extend_from_slice(&x.to_le_bytes());
}

/// 1980-01-01 00:00 in MS-DOS date/time fields.
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = (1 << 5) | 1;
/// General purpose flag bit 11: names are UTF-8.
const UTF8_FLAG: u16 = 1 << 11;

impl ZipWriter {
    /// An empty package.
    pub fn new() -> ZipWriter {
        ZipWriter::default()
    }

    /// Appends an entry (`name` is a forward-slash path such as `word/document.xml`).
    pub fn add(&mut self, name: &str, data: &[u8]) {
        let offset = self.buf.len() as u32;
        let crc = crc32(data);
        let b = &mut self.buf;
        u32le(b, 0x0403_4b50);
        u16le(b, 20); // version needed
        u16le(b, UTF8_FLAG);
        u16le(b, 0); // stored
        u16le(b, DOS_TIME);
        u16le(b, DOS_DATE);
        u32le(b, crc);
        u32le(b, data.len() as u32);
        u32le(b, data.len() as u32);
        u16le(b, name.len() as u16);
        u16le(b, 0);
        b.extend_from_slice(name.as_bytes());
        b.extend_from_slice(data);
        self.entries.push(Written { name: name.to_string(), crc, size: data.len() as u32, offset });
    }

    /// Writes the central directory and returns the package's bytes.
    pub fn finish(mut self) -> Vec<u8> {
        let cd_start = self.buf.len() as u32;
        let b = &mut self.buf;
        for e in &self.entries {
            u32le(b, 0x0201_4b50);
            u16le(b, 20); // version made by
            u16le(b, 20);
            u16le(b, UTF8_FLAG);
            u16le(b, 0);
            u16le(b, DOS_TIME);
            u16le(b, DOS_DATE);
            u32le(b, e.crc);
            u32le(b, e.size);
            u32le(b, e.size);
            u16le(b, e.name.len() as u16);
            u16le(b, 0); // extra
            u16le(b, 0); // comment
            u16le(b, 0); // disk
            u16le(b, 0); // internal attributes
            u32le(b, 0); // external attributes
            u32le(b, e.offset);
            b.extend_from_slice(e.name.as_bytes());
        }
        let cd_size = b.len() as u32 - cd_start;
        u32le(b, 0x0605_4b50);
        u16le(b, 0);
        u16le(b, 0);
        u16le(b, self.entries.len() as u16);
        u16le(b, self.entries.len() as u16);
        u32le(b, cd_size);
        u32le(b, cd_start);
        u16le(b, 0);
        self.buf
    }
}

/// One entry of a package being read.
#[derive(Clone, Debug)]
struct Entry {
    name: String,
    method: u16,
    flags: u16,
    crc: u32,
    compressed: usize,
    size: usize,
    local_offset: usize,
}

/// The name in the package of the part a relationship targets: `target` relative to the folder
/// of the part `base` (".." and "." resolved), or package-absolute when it starts with "/"
/// (Open Packaging Conventions, as the workbook's relationships write it).
pub fn resolve_part(base: &str, target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_string();
    }
    let mut parts: Vec<&str> = base.split('/').collect();
    parts.pop();
    for seg in target.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// A ZIP package opened for reading; entries are inflated on demand.
pub struct ZipReader<'a> {
    data: &'a [u8],
    entries: Vec<Entry>,
}

fn rd16(d: &[u8], at: usize) -> Result<u16, ZipError> {
    d.get(at..at + 2).map(|s| u16::from_le_bytes([s[0], s[1]])).ok_or(ZipError::Corrupt("truncated"))
}
fn rd32(d: &[u8], at: usize) -> Result<u32, ZipError> {
    d.get(at..at + 4).map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]])).ok_or(ZipError::Corrupt("truncated"))
}

impl<'a> ZipReader<'a> {
    /// Opens a package: finds the end of central directory and lists the entries.
    pub fn new(data: &'a [u8]) -> Result<ZipReader<'a>, ZipError> {
        if data.len() < 22 {
            return Err(ZipError::NotZip);
        }
        let lowest = data.len().saturating_sub(22 + 65_535);
        let mut eocd = None;
        let mut i = data.len() - 22;
        loop {
            if data[i..i + 4] == [0x50, 0x4b, 0x05, 0x06] {
                eocd = Some(i);
                break;
            }
            if i == lowest {
                break;
            }
            i -= 1;
        }
        let eocd = eocd.ok_or(ZipError::NotZip)?;
        let count = rd16(data, eocd + 10)? as usize;
        let cd_size = rd32(data, eocd + 12)? as usize;
        let cd_off = rd32(data, eocd + 16)? as usize;
        if count == 0xFFFF || cd_off == 0xFFFF_FFFF {
            return Err(ZipError::Unsupported("ZIP64"));
        }
        if cd_off.checked_add(cd_size).is_none_or(|end| end > data.len()) {
            return Err(ZipError::Corrupt("central directory outside the file"));
        }
        let mut entries = Vec::with_capacity(count);
        let mut p = cd_off;
        for _ in 0..count {
            if rd32(data, p)? != 0x0201_4b50 {
                return Err(ZipError::Corrupt("bad central directory entry"));
            }
            let flags = rd16(data, p + 8)?;
            let method = rd16(data, p + 10)?;
            let crc = rd32(data, p + 16)?;
            let compressed = rd32(data, p + 20)? as usize;
            let size = rd32(data, p + 24)? as usize;
            let name_len = rd16(data, p + 28)? as usize;
            let extra_len = rd16(data, p + 30)? as usize;
            let comment_len = rd16(data, p + 32)? as usize;
            let local_offset = rd32(data, p + 42)? as usize;
            let name_bytes = data.get(p + 46..p + 46 + name_len).ok_or(ZipError::Corrupt("truncated name"))?;
            let name = String::from_utf8_lossy(name_bytes).replace('\\', "/");
            entries.push(Entry { name, method, flags, crc, compressed, size, local_offset });
            p += 46 + name_len + extra_len + comment_len;
        }
        Ok(ZipReader { data, entries })
    }

    /// The entries' names, in directory order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|e| e.name.as_str())
    }

    /// The inflated content of entry `name` (leading `/` ignored; case-insensitive, as Office
    /// treats part names); `Ok(None)` when there is no such entry.
    pub fn get(&self, name: &str) -> Result<Option<Vec<u8>>, ZipError> {
        let name = name.trim_start_matches('/');
        let Some(e) = self.entries.iter().find(|e| e.name.eq_ignore_ascii_case(name)) else { return Ok(None) };
        if e.flags & 1 != 0 {
            return Err(ZipError::Unsupported("encrypted"));
        }
        if e.size > MAX_ENTRY {
            return Err(ZipError::TooLarge(e.name.clone()));
        }
        let d = self.data;
        let lo = e.local_offset;
        if rd32(d, lo)? != 0x0403_4b50 {
            return Err(ZipError::Corrupt("bad local header"));
        }
        let start = lo + 30 + rd16(d, lo + 26)? as usize + rd16(d, lo + 28)? as usize;
        let raw = d.get(start..start.saturating_add(e.compressed)).ok_or(ZipError::Corrupt("entry outside the file"))?;
        let out = match e.method {
            0 => raw.to_vec(),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(raw, MAX_ENTRY).map_err(|err| match err.status {
                miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ZipError::TooLarge(e.name.clone()),
                _ => ZipError::Corrupt("bad deflate data"),
            })?,
            _ => return Err(ZipError::Unsupported("compression method")),
        };
        if crc32(&out) != e.crc {
            return Err(ZipError::BadCrc(e.name.clone()));
        }
        Ok(Some(out))
    }

    /// Entry `name` as UTF-8 text (a UTF-8 byte-order mark is dropped).
    pub fn text(&self, name: &str) -> Result<Option<String>, ZipError> {
        Ok(self.get(name)?.map(|b| {
            let s = String::from_utf8_lossy(&b).into_owned();
            s.strip_prefix('\u{FEFF}').map(str::to_string).unwrap_or(s)
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_of_known_strings() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn round_trip_and_deterministic() {
        let build = || {
            let mut w = ZipWriter::new();
            w.add("a.txt", b"hello");
            w.add("dir/b.xml", "<x>绩效</x>".as_bytes());
            w.finish()
        };
        let bytes = build();
        assert_eq!(bytes, build());
        let r = ZipReader::new(&bytes).unwrap();
        assert_eq!(r.names().collect::<Vec<_>>(), ["a.txt", "dir/b.xml"]);
        assert_eq!(r.get("a.txt").unwrap().unwrap(), b"hello");
        assert_eq!(r.text("/DIR/B.XML").unwrap().unwrap(), "<x>绩效</x>");
        assert_eq!(r.get("missing").unwrap(), None);
    }

    #[test]
    fn reads_deflated_entries() {
        // A deflated entry built by hand: local header + central directory around miniz output.
        let data = "绩效自评 ".repeat(200);
        let packed = miniz_oxide::deflate::compress_to_vec(data.as_bytes(), 6);
        let mut z = Vec::new();
        let name = b"x.xml";
        let crc = crc32(data.as_bytes());
        u32le(&mut z, 0x0403_4b50);
        for v in [20u16, 0, 8, 0, 0] {
            u16le(&mut z, v);
        }
        u32le(&mut z, crc);
        u32le(&mut z, packed.len() as u32);
        u32le(&mut z, data.len() as u32);
        u16le(&mut z, name.len() as u16);
        u16le(&mut z, 0);
        z.extend_from_slice(name);
        z.extend_from_slice(&packed);
        let cd = z.len() as u32;
        u32le(&mut z, 0x0201_4b50);
        for v in [20u16, 20, 0, 8, 0, 0] {
            u16le(&mut z, v);
        }
        u32le(&mut z, crc);
        u32le(&mut z, packed.len() as u32);
        u32le(&mut z, data.len() as u32);
        for v in [name.len() as u16, 0, 0, 0, 0] {
            u16le(&mut z, v);
        }
        u32le(&mut z, 0);
        u32le(&mut z, 0);
        z.extend_from_slice(name);
        let cd_size = z.len() as u32 - cd;
        u32le(&mut z, 0x0605_4b50);
        for v in [0u16, 0, 1, 1] {
            u16le(&mut z, v);
        }
        u32le(&mut z, cd_size);
        u32le(&mut z, cd);
        u16le(&mut z, 0);
        let r = ZipReader::new(&z).unwrap();
        assert_eq!(r.text("x.xml").unwrap().unwrap(), data);
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert_eq!(ZipReader::new(b"").err(), Some(ZipError::NotZip));
        assert_eq!(ZipReader::new(&[0u8; 100]).err(), Some(ZipError::NotZip));
        let mut w = ZipWriter::new();
        w.add("a", b"abc");
        let mut bytes = w.finish();
        // Corrupt the stored data: CRC must catch it.
        let at = 30 + 1;
        bytes[at] ^= 0xFF;
        let r = ZipReader::new(&bytes).unwrap();
        assert_eq!(r.get("a").err(), Some(ZipError::BadCrc("a".into())));
        // Truncations never panic.
        for cut in 0..bytes.len() {
            if let Ok(r) = ZipReader::new(&bytes[..cut]) {
                let _ = r.get("a");
            }
        }
    }
}
