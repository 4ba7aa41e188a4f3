/// Byte-by-byte versions of the renderers' character-by-character text functions, for text that is all ASCII
/// (as nearly all plan text is), where they give the same result many times faster: a 100 000-benefit
/// report passes some fifty million characters through them.
///
/// In ASCII text every character is one byte except CR LF, which is one character; the newline characters
/// are LF, VT, FF, CR and CR LF. Each function returns nil for text that is not all ASCII.
enum ASCIIText {
    private static func isNewline(_ byte: UInt8) -> Bool { (0x0A...0x0D).contains(byte) }

    private static func ascii<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result?) -> Result? {
        var text = text
        return text.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } ? body(bytes) : nil }
    }

    private static func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// `MarkdownGapRenderer.inline`: Markdown specials backslash-escaped, `<`, `>` and `&` as entities, each
    /// newline character one space.
    static func inline(_ text: String) -> String? {
        ascii(text) { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 8)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "|"), UInt8(ascii: "\\"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"),
                     UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "#"):
                    out.append(UInt8(ascii: "\\"))
                    out.append(byte)
                case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
                case _ where isNewline(byte):
                    out.append(UInt8(ascii: " "))
                    if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                default: out.append(byte)
                }
                index += 1
            }
            return string(out)
        }
    }

    /// `CSVListingRenderer.cell`: a `'` before a would-be formula, quotes around a cell holding a comma, a quote,
    /// or a CR or LF that is not part of a CR LF, with quotes doubled.
    static func csvCell(_ text: String) -> String? {
        ascii(text) { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 3)
            if let first = bytes.first, "=+-@\t\r".utf8.contains(first), Double(text) == nil { out.append(UInt8(ascii: "'")) }
            var quoted = false
            for (index, byte) in bytes.enumerated() {
                switch byte {
                case UInt8(ascii: ","), UInt8(ascii: "\""): quoted = true
                case 0x0D where index + 1 == bytes.count || bytes[index + 1] != 0x0A: quoted = true
                case 0x0A where index == 0 || bytes[index - 1] != 0x0D: quoted = true
                default: break
                }
            }
            guard quoted else { return string(out + Array(bytes)) }
            var cell: [UInt8] = [UInt8(ascii: "\"")]
            cell.reserveCapacity(out.count + bytes.count + 8)
            for byte in out + Array(bytes) {
                cell.append(byte)
                if byte == UInt8(ascii: "\"") { cell.append(byte) }
            }
            cell.append(UInt8(ascii: "\""))
            return string(cell)
        }
    }

    /// `TextGapRenderer.clip`: the lines joined by single spaces (empty lines dropped), cut to `width`
    /// characters with an ellipsis.
    static func clip(_ text: String, _ width: Int) -> String? {
        ascii(text) { bytes in
            var line: [UInt8] = []
            line.reserveCapacity(bytes.count)
            var pending = false
            for byte in bytes {
                if isNewline(byte) {
                    pending = !line.isEmpty
                } else {
                    if pending { line.append(UInt8(ascii: " ")) }
                    pending = false
                    line.append(byte)
                }
            }
            return line.count <= width ? string(line) : string(Array(line.prefix(width - 1))) + "…"
        }
    }
}
