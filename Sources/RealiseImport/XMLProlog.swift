import Foundation

/// What stands before an XML file's root element, read from the file itself before libxml2 reads any of it,
/// so that libxml2 never parses a document type declaration (and so never declares, expands or fetches an
/// entity, nor loads a DTD) whatever the importer later does with a `.doctype` node, and however far into
/// the file the DOCTYPE is put (`FileHead` sees only the first 8 KiB).
///
/// The prolog is the XML declaration, comments, processing instructions, white space and at most one
/// `<!DOCTYPE`. The scan stops at the first `<` that starts anything else (the root, or something libxml2
/// will report as malformed), so it reads a few hundred bytes of an ordinary file.
///
/// The scan reads the file the way libxml2 will decode it: UTF-8 and ASCII-based 8-bit or multi-byte
/// encodings byte by byte, UTF-16 (with a BOM, or `<?` without one) two bytes at a time. Encodings whose
/// markup characters are not ASCII bytes or UTF-16 units (UTF-32, EBCDIC, UTF-7, ISO-2022 …) could hide a
/// DOCTYPE from the scan, so they are refused: no plan format Realise reads is written in them.
enum XMLProlog {
    enum Problem: Equatable {
        /// A `<!DOCTYPE` starting on this line.
        case doctype(line: Int)
        /// An encoding the scan cannot read, found on this line.
        case encoding(String, line: Int)
        /// The file does not start with markup (binary, compressed, or another format), on this line.
        case notXML(line: Int)
    }

    /// Scans the prolog of the open file `descriptor` (read with `pread`, so the file offset is left alone).
    static func problem(descriptor: Int32) -> Problem? {
        var units = Units(descriptor: descriptor)
        switch units.detectWidth() {
        case .failure(let refused): return .encoding(refused.name, line: 1)
        case .success: break
        }
        var scanner = Scanner(units: units)
        return scanner.run()
    }

    /// Encodings declared in the XML declaration that are read with the detected unit width. For one-byte
    /// units: encodings in which every byte below 0x80 is the ASCII character (markup can only be written
    /// as ASCII bytes). For two-byte units, libxml2 keeps decoding UTF-16 when the declaration says UTF-16
    /// or UTF-8, and would switch decoders for anything else.
    static func isReadable(declared name: String, width: Int) -> Bool {
        let name = name.uppercased()
        if width == 2 { return ["UTF-16", "UTF16", "UTF-16LE", "UTF-16BE", "UTF-8", "UTF8"].contains(name) }
        let exact: Set<String> = ["UTF-8", "UTF8", "UTF-16", "UTF16", "US-ASCII", "ASCII", "SHIFT_JIS", "SHIFT-JIS", "SJIS",
                                  "EUC-JP", "EUC-KR", "EUC-CN", "GB2312", "GBK", "GB18030", "BIG5", "KOI8-R", "KOI8-U",
                                  "WINDOWS-874", "WINDOWS-31J", "WINDOWS-936", "CP437", "IBM437", "CP850", "IBM850",
                                  "TIS-620", "MACINTOSH"]
        if exact.contains(name) { return true }
        if ["ISO-8859-", "ISO8859-", "ISO_8859-", "ISO-LATIN-", "LATIN", "WINDOWS-125", "CP125", "X-CP125"].contains(where: { prefix in
            name.hasPrefix(prefix) && !name.dropFirst(prefix.count).isEmpty && name.dropFirst(prefix.count).allSatisfy(\.isNumber)
        }) { return true }
        return false
    }

    /// Code units of the file, read in chunks: bytes, or UTF-16 units in either byte order.
    struct Units {
        let descriptor: Int32
        private var buffer = [UInt8](repeating: 0, count: 1 << 16)
        private var count = 0
        private var index = 0
        private var offset: off_t = 0
        private var atEnd = false
        private(set) var width = 1
        private var bigEndian = false

        init(descriptor: Int32) { self.descriptor = descriptor }

        /// Reads the byte order mark or the first characters as libxml2 does (`xmlDetectCharEncoding`).
        mutating func detectWidth() -> Result<Void, EncodingName> {
            fill(4)
            let head = Array(buffer[index..<min(count, index + 4)]) + [UInt8](repeating: 0xAA, count: 4)
            switch (head[0], head[1], head[2], head[3]) {
            case (0x00, 0x00, 0xFE, 0xFF), (0xFF, 0xFE, 0x00, 0x00), (0x00, 0x00, 0x00, 0x3C), (0x3C, 0x00, 0x00, 0x00),
                 (0x00, 0x00, 0x3C, 0x00), (0x00, 0x3C, 0x00, 0x00):
                return .failure(EncodingName("UTF-32"))
            case (0x4C, 0x6F, 0xA7, 0x94):
                return .failure(EncodingName("EBCDIC"))
            case (0xEF, 0xBB, 0xBF, _):
                index += 3
            case (0xFE, 0xFF, _, _):
                index += 2; width = 2; bigEndian = true
            case (0xFF, 0xFE, _, _):
                index += 2; width = 2
            case (0x00, 0x3C, 0x00, 0x3F):
                width = 2; bigEndian = true
            case (0x3C, 0x00, 0x3F, 0x00):
                width = 2
            default:
                break
            }
            return .success(())
        }

        /// The next unit, or nil at the end of the file (or when it cannot be read: libxml2 will say so).
        mutating func next() -> UInt16? {
            if count - index < width { fill(width) }
            guard count - index >= width else { return nil }
            defer { index += width }
            if width == 1 { return UInt16(buffer[index]) }
            let first = UInt16(buffer[index]), second = UInt16(buffer[index + 1])
            return bigEndian ? first << 8 | second : second << 8 | first
        }

        /// Makes at least `wanted` bytes available after `index`, unless the file ends first.
        private mutating func fill(_ wanted: Int) {
            guard !atEnd, count - index < wanted else { return }
            if index > 0 {
                let remaining = count - index
                for position in 0..<remaining { buffer[position] = buffer[index + position] }
                count = remaining
                index = 0
            }
            while count < wanted, !atEnd {
                let read = buffer.withUnsafeMutableBytes { raw in
                    pread(descriptor, raw.baseAddress! + count, raw.count - count, offset)
                }
                if read < 0, errno == EINTR { continue }
                guard read > 0 else { atEnd = true; break }
                count += read
                offset += off_t(read)
            }
        }
    }

    struct EncodingName: Error { let name: String; init(_ name: String) { self.name = name } }

    /// The prolog grammar over the units, counting lines as libxml2 does: by LF (so CR LF is one line end,
    /// and a lone CR none, as in libxml2's own messages).
    private struct Scanner {
        var units: Units
        var line = 1

        init(units: Units) { self.units = units }

        mutating func advance() -> UInt16? {
            guard let unit = units.next() else { return nil }
            if unit == 0x0A { line += 1 }
            return unit
        }

        static func isSpace(_ unit: UInt16) -> Bool { unit == 0x20 || unit == 0x09 || unit == 0x0A || unit == 0x0D }

        mutating func run() -> Problem? {
            var atStart = true                                                // nothing read yet, not even white space
            var markupSeen = false
            while true {
                var unit = advance()
                while let current = unit, Scanner.isSpace(current) { atStart = false; unit = advance() }
                guard let current = unit else { return nil }                // an empty file: libxml2 says so
                guard current == 0x3C else {                                // not `<`: no XML at all, or text in the prolog
                    return markupSeen ? nil : .notXML(line: line)
                }
                markupSeen = true
                let start = line
                switch advance() {
                case 0x3F:                                                    // `<?`
                    let (target, body) = processingInstruction()
                    if atStart, target == "xml", let encoding = declaredEncoding(body),
                       !XMLProlog.isReadable(declared: encoding, width: units.width) {
                        return .encoding(encoding, line: start)
                    }
                case 0x21:                                                    // `<!`
                    var word: [UInt16] = []
                    while word.count < 7, let next = advance() {
                        word.append(next)
                        if word == [0x2D, 0x2D] { break }                     // `<!--`
                    }
                    if word == [0x2D, 0x2D] {
                        guard skipComment() else { return nil }
                    } else if word == Array("DOCTYPE".utf16) {
                        return .doctype(line: start)
                    } else {
                        return nil
                    }
                default:
                    return nil                                                // the root element (or malformed)
                }
                atStart = false
            }
        }

        /// Reads a processing instruction up to its `?>`: its target and (the first KiB of) its body as ASCII.
        mutating func processingInstruction() -> (String, String) {
            var text: [UInt8] = []
            var previous: UInt16 = 0
            while let unit = advance() {
                if previous == 0x3F, unit == 0x3E { text.removeLast(); break }
                if text.count < 1024 { text.append(unit < 0x80 ? UInt8(unit) : 0x3F) }
                previous = unit
            }
            let string = String(decoding: text, as: UTF8.self)
            let target = string.prefix { !Scanner.isSpace(UInt16($0.asciiValue ?? 0)) }
            return (String(target), String(string.dropFirst(target.count)))
        }

        /// The `encoding` pseudo-attribute of an XML declaration's body.
        func declaredEncoding(_ body: String) -> String? {
            guard let key = body.range(of: "encoding") else { return nil }
            var rest = body[key.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            guard rest.first == "=" else { return nil }
            rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
            return String(rest.dropFirst().prefix { $0 != quote })
        }

        /// Skips to the end of a comment; false when the file ends first.
        mutating func skipComment() -> Bool {
            var dashes = 0
            while let unit = advance() {
                if unit == 0x3E, dashes >= 2 { return true }
                dashes = unit == 0x2D ? dashes + 1 : 0
            }
            return false
        }
    }
}
