/// Text as spreadsheet XML holds it.
enum WorkbookXML {
    /// `text` escaped for an XML text or attribute value: markup characters as entities, a carriage return as
    /// `&#13;` (a parser would turn a literal one into a line feed), and the control characters XML cannot
    /// hold as Excel's `_xHHHH_` escapes — so a literal `_xHHHH_` in the text gets its `_` escaped (`_x005F_`).
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsWork) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\r": out += "&#13;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            case "_" where isEscapeAhead(scalars, index): out += "_x005F_"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "_x" + String(repeating: "0", count: max(4 - hex.count, 0)) + hex + "_"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    private static func needsWork(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || "&<>\"_".unicodeScalars.contains(scalar) || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }

    /// Whether `_xHHHH_` starts at `index`.
    private static func isEscapeAhead(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        guard index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_" else { return false }
        return scalars[(index + 2)...(index + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

}
