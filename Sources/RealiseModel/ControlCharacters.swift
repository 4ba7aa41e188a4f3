/// Control characters made visible, so that a file name, an id or a line of plan text can never act on a
/// terminal or a log instead of being read: a newline in a crafted file name would start a forged line
/// (`realise: ok: …`), an escape sequence would recolour or move the cursor, a bidirectional override would
/// reorder what the reader sees.
///
/// Every text door uses this one escaping: the CLI's text output and errors, the text, Markdown and CSV
/// renderers, the maps, the HTML report (whose `HTMLText.escape` any web page is to build on) and the
/// iCalendar writer; a change log or web page that prints names must use it too. Formats with their own
/// rule for a character keep it (JSON's `\u001b`, a quoted line break in CSV); whatever they have no rule
/// for is written as here.
public enum ControlCharacters {
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

    /// The line feed and the tab: what a renderer that keeps a text's layout leaves as they are.
    public static let layout: Set<Unicode.Scalar> = ["\n", "\t"]

    /// Every character Swift counts as a line break: what a renderer that puts text on one line turns into
    /// spaces itself (so they need no escape).
    public static let lineBreaks: Set<Unicode.Scalar> = ["\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]

    /// `text` with every control character written as its Swift escape: `\n`, `\r`, `\t`, `\0`, or
    /// `\u{1B}` (hex, upper case), except those in `kept` (`layout` for text whose line breaks a renderer
    /// keeps: a quoted CSV cell, a note in an HTML paragraph). Text without control characters (nearly all
    /// text) is returned as it is, after one pass over its bytes.
    public static func escaped(_ text: String, keeping kept: Set<Unicode.Scalar> = []) -> String {
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
            var previous: UInt8 = 0
            for (index, byte) in bytes.enumerated() {
                switch byte {
                case 0x0A where ignoringLayout, 0x09 where ignoringLayout: break
                case 0x0D where ignoringLayout && index + 1 < bytes.count && bytes[index + 1] == 0x0A: break
                case 0..<0x20, 0x7F: return true
                // The C1 controls are U+0080–U+009F: C2 80…C2 9F in UTF-8.
                case 0x80...0x9F where previous == 0xC2: return true
                // U+2028–U+202E and U+2066–U+2069 are E2 80 A8…AE and E2 81 A6…A9 in UTF-8: at the first E2
                // lead byte the scalars decide.
                case 0xE2: return text.unicodeScalars.contains(where: isControl)
                default: break
                }
                previous = byte
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
