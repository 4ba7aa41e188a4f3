/// Control characters made visible, so that a file name, an id or a line of plan text can never act on a
/// terminal or a log instead of being read: a newline in a crafted file name would start a forged line
/// (`realise: ok: …`), an escape sequence would recolour or move the cursor, a bidirectional override would
/// reorder what the reader sees.
///
/// Every text door uses this one escaping: the CLI's text output and errors, the text, Markdown and CSV
/// renderers, the maps, the HTML report (whose `HTMLText.escape` any web page is to build on), the iCalendar
/// writer and the change log's listings. Formats with their own rule for a character keep it (JSON's
/// `\u001b`, a quoted line break in CSV); whatever they have no rule for is written as here.
public enum ControlCharacters {
    /// Groups of control characters a renderer keeps as they are (an option set: no allocation per call).
    public struct Kept: OptionSet, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        public static let lineFeed = Kept(rawValue: 1 << 0)
        public static let tab = Kept(rawValue: 1 << 1)
        public static let carriageReturn = Kept(rawValue: 1 << 2)
        /// VT, FF and NEL (U+0085): line breaks for Swift's `isNewline`.
        public static let otherLineBreaks = Kept(rawValue: 1 << 3)
        /// The line and paragraph separators, U+2028 and U+2029.
        public static let separators = Kept(rawValue: 1 << 4)
        public static let delete = Kept(rawValue: 1 << 5)
        /// U+0080–U+009F.
        public static let c1 = Kept(rawValue: 1 << 6)
        /// U+202A–U+202E and U+2066–U+2069.
        public static let bidirectional = Kept(rawValue: 1 << 7)

        /// Line feeds and tabs: what a renderer that keeps a text's layout leaves alone.
        public static let layout: Kept = [.lineFeed, .tab]
        /// Every character Swift counts as a line break: what a renderer that puts text on one line turns into
        /// spaces itself.
        public static let lineBreaks: Kept = [.lineFeed, .carriageReturn, .otherLineBreaks, .separators]

        /// Whether `scalar` (a control character) is kept.
        func contains(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x0A: contains(.lineFeed)
            case 0x09: contains(.tab)
            case 0x0D: contains(.carriageReturn)
            case 0x0B, 0x0C: contains(.otherLineBreaks)
            case 0x85: contains(.otherLineBreaks) || contains(.c1)
            case 0x7F: contains(.delete)
            case 0x80...0x9F: contains(.c1)
            case 0x2028, 0x2029: contains(.separators)
            case 0x202A...0x202E, 0x2066...0x2069: contains(.bidirectional)
            default: false
            }
        }
    }

    /// Whether `scalar` must not reach a terminal raw: the C0 controls (tab and line breaks included), DEL,
    /// the C1 controls, the line and paragraph separators, and the bidirectional embeddings, overrides and
    /// isolates (U+202A–U+202E, U+2066–U+2069).
    @inlinable
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `text` with every control character written as its Swift escape: `\n`, `\r`, `\t`, `\0`, or
    /// `\u{1B}` (hex, upper case), except those `kept`. Text without control characters (nearly all text) is
    /// returned as it is, after one pass over its bytes.
    public static func escaped(_ text: String, keeping kept: Kept = []) -> String {
        guard needsEscaping(text) else { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for scalar in text.unicodeScalars {
            guard isControl(scalar), !kept.contains(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            out += escape(scalar)
        }
        return out
    }

    /// Whether `text` holds a control character (so `escaped` may change it); with `ignoringLayout`, line
    /// feeds, tabs and carriage returns that end a line (CR LF) do not count.
    public static func needsEscaping(_ text: String, ignoringLayout: Bool = false) -> Bool {
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            let count = bytes.count
            var index = 0
            // Where the bytes are next read one at a time: up to the end of a word that failed the word test.
            var bytewise = 0
            while index < count {
                // Eight bytes at a time while they are all printable ASCII (a report is mostly that): no byte
                // below 0x20, none equal to 0x7F, none with the high bit set (the usual word tests for a byte
                // below n and for a zero byte, which are exact about whether there is one).
                if index >= bytewise, index + 8 <= count, let base = bytes.baseAddress {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
                    let below = (word &- 0x20 &* ones) & ~word & high
                    let delete = word ^ (0x7F &* ones)
                    if (word & high) | below | ((delete &- ones) & ~delete & high) == 0 {
                        index += 8
                        continue
                    }
                    bytewise = index + 8
                }
                let byte = bytes[index]
                index += 1
                // Printable ASCII and the bytes of other characters go by with one comparison each.
                if byte >= 0x20 && byte < 0x7F || byte >= 0xC3 && byte != 0xE2 || byte >= 0x80 && byte < 0xC2 { continue }
                switch byte {
                case 0x0A, 0x09: if !ignoringLayout { return true }
                case 0x0D: if !(ignoringLayout && index < count && bytes[index] == 0x0A) { return true }
                // The C1 controls are U+0080–U+009F: C2 80…C2 9F in UTF-8.
                case 0xC2: if index < count && bytes[index] <= 0x9F { return true }
                // U+2028–U+202E and U+2066–U+2069 are E2 80 A8…AE and E2 81 A6…A9 in UTF-8.
                case 0xE2:
                    guard index + 1 < count else { continue }
                    let second = bytes[index], third = bytes[index + 1]
                    if second == 0x80 && (0xA8...0xAE).contains(third) || second == 0x81 && (0xA6...0xA9).contains(third) { return true }
                default: return true  // another C0 control, or DEL
                }
            }
            return false
        }
    }

    /// JSON text with the control characters JSON lets stand raw (DEL, the C1 controls, U+2028–U+202E,
    /// U+2066–U+2069) written as `\uxxxx`, as Realise's own JSON writer does: for JSON made by another
    /// encoder (Foundation's escapes only C0). Outside strings JSON holds only ASCII, so every such character
    /// is inside a string, where the escape means the same character.
    public static func jsonEscaped(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { isControl($0) && $0.value >= 0x7F }) else { return json }
        var out = ""
        out.unicodeScalars.reserveCapacity(json.unicodeScalars.count + 16)
        for scalar in json.unicodeScalars {
            guard isControl(scalar), scalar.value >= 0x7F else {
                out.unicodeScalars.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16)
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
        return out
    }

    /// One control character as its escape.
    static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": "\\n"
        case "\r": "\\r"
        case "\t": "\\t"
        case "\0": "\\0"
        default: "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }
}

extension String {
    /// The text with control characters made visible (see `ControlCharacters.escaped`): for printing a file
    /// name, an id or plan text on one line of a terminal or a log.
    public var escapingControls: String { ControlCharacters.escaped(self) }
}
