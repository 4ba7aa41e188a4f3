/// Text as spreadsheet XML stores it.
enum CellText {
    /// `text` with Excel's `_xHHHH_` escapes (characters XML cannot hold, such as a carriage return
    /// `_x000D_`) turned back into their characters; `_x005F_` escapes a literal underscore.
    static func unescaped(_ text: String) -> String {
        guard hasEscape(text) else { return text }
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "_x") {
            let digits = rest[start.upperBound...].prefix(5)
            if digits.count == 5, digits.last == "_", let code = UInt32(digits.dropLast(), radix: 16),
               let scalar = Unicode.Scalar(code) {
                result += rest[..<start.lowerBound]
                result.unicodeScalars.append(scalar)
                rest = rest[rest.index(start.upperBound, offsetBy: 5)...]
            } else {
                result += rest[..<start.upperBound]
                rest = rest[start.upperBound...]
            }
        }
        return result + rest
    }

    /// Whether `_x` occurs in the text, by byte (most cells have no underscore at all).
    static func hasEscape(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "x"), previous == UInt8(ascii: "_") { return true }
            previous = byte
        }
        return false
    }
}
