import RealiseModel

/// Escaping and small text helpers for the HTML report and its inline SVG.
///
/// Every piece of text that comes from a plan goes through ``escape(_:)`` before it is written into HTML or
/// SVG, in element content and in attribute values alike, so a plan cannot inject markup or script.
public enum HTMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references, safe in element content and
    /// in single- or double-quoted attribute values of HTML and SVG. Tabs and line breaks stay (HTML's white
    /// space); every other control character is made visible as `ControlCharacters` writes it (`\u{1B}`), so
    /// the document stays well-formed and a bidirectional override cannot reorder what a reader sees; the
    /// non-characters U+FFFE and U+FFFF become U+FFFD.
    public static func escape(_ text: String) -> String {
        let text = ControlCharacters.escaped(text, keeping: kept)
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The control characters HTML holds as white space.
    private static let kept: Set<Unicode.Scalar> = ["\t", "\n", "\r"]

    /// `text` on one line (runs of white space, line breaks included, become one space), trimmed.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }

    /// `text` on one line, cut to `width` characters with an ellipsis.
    static func clip(_ text: String, _ width: Int) -> String {
        let line = oneLine(text)
        return line.count <= width ? line : String(line.prefix(max(1, width - 1))) + "…"
    }

    /// `text` word-wrapped into at most `lines` lines of at most `width` characters; the last line ends with
    /// an ellipsis when text was left out. Words longer than a line are cut.
    static func wrap(_ text: String, width: Int, lines: Int) -> [String] {
        var result: [String] = []
        var current = ""
        var words = oneLine(text).split(separator: " ").map(String.init)
        var truncated = false
        while !words.isEmpty {
            let word = words.removeFirst()
            let candidate = current.isEmpty ? word : current + " " + word
            if candidate.count <= width {
                current = candidate
                continue
            }
            if current.isEmpty {
                current = String(word.prefix(width))
                if word.count > width { words.insert(String(word.dropFirst(width)), at: 0) }
            } else {
                words.insert(word, at: 0)
            }
            result.append(current)
            current = ""
            if result.count == lines { truncated = !words.isEmpty; break }
        }
        if !current.isEmpty, result.count < lines { result.append(current) }
        if truncated, let last = result.popLast() {
            result.append(last.count >= width ? String(last.prefix(width - 1)) + "…" : last + "…")
        }
        return result
    }

    /// A number for SVG coordinates: at most one decimal place, no trailing `.0`.
    static func coordinate(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 10).rounded() / 10
        return (rounded == 0 ? 0 : rounded).plainText
    }

    /// A value for people: rounded to `decimals` places, thousands grouped with commas.
    static func number(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "–" }
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        let text = (rounded == 0 ? 0 : rounded).plainText
        guard !text.contains("e") else { return text }
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + String(whole.suffix(3)) + grouped
            whole = String(whole.dropLast(3))
        }
        grouped = whole + grouped
        return (negative ? "-" : "") + grouped + (parts.count > 1 ? "." + parts[1] : "")
    }
}
