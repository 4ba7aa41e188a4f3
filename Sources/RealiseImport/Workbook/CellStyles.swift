/// What the workbook's cell formats (`xl/styles.xml`) say about how a number is meant: a date (its number
/// is a serial day) or a percentage (shown times 100), by each cell's style index (`s`).
struct CellStyles {
    /// How a style shows a number.
    enum Meaning { case number, date, percent }

    private(set) var meanings: [Meaning] = []

    init() {}

    /// Reads `cellXfs` (the cell formats cells refer to) and the custom `numFmts` with `reader`.
    init(reader: XMLPullReader) throws(ImportError) {
        var custom: [Int: String] = [:]
        var inCellFormats = false
        while try reader.next() {
            switch reader.node {
            case .element:
                switch reader.localName {
                case "numFmt":
                    if let id = reader.attribute("numFmtId").flatMap({ Int($0) }) { custom[id] = reader.attribute("formatCode") ?? "" }
                case "cellXfs": inCellFormats = !reader.isEmptyElement
                case "xf" where inCellFormats:
                    let id = reader.attribute("numFmtId").flatMap { Int($0) } ?? 0
                    meanings.append(custom[id].map(CellStyles.meaning(of:)) ?? CellStyles.builtIn(id))
                default: break
                }
            case .endElement where reader.localName == "cellXfs": inCellFormats = false
            default: break
            }
        }
    }

    /// The meaning of style `index`; a number when there is no such style.
    subscript(index: Int) -> Meaning { meanings.indices.contains(index) ? meanings[index] : .number }

    /// Built-in number formats: 14–17, 22 and the East Asian 27–36 and 50–58 are dates; 9 and 10 percentages.
    static func builtIn(_ id: Int) -> Meaning {
        switch id {
        case 14...17, 22, 27...36, 50...58: .date
        case 9, 10: .percent
        default: .number
        }
    }

    /// The meaning of a custom format code: a date when, outside quoted text, escapes and `[…]` sections, it
    /// has a day or year, or a month `m` with no hour or second beside it (so `h:mm` is a time, not a date); a
    /// percentage when it has `%`. Only the first section (positive numbers) counts.
    static func meaning(of code: String) -> Meaning {
        var letters: [Character] = []
        var quoted = false, bracket = false, escaped = false
        for character in code {
            if escaped { escaped = false; continue }
            if quoted { if character == "\"" { quoted = false }; continue }
            if bracket { if character == "]" { bracket = false }; continue }
            switch character {
            case "\"": quoted = true
            case "[": bracket = true
            case "\\", "_", "*": escaped = true
            case ";": return meaning(letters)
            default: letters.append(Character(character.lowercased()))
            }
        }
        return meaning(letters)
    }

    private static func meaning(_ letters: [Character]) -> Meaning {
        if letters.contains("d") || letters.contains("y") { return .date }
        if letters.contains("m"), !letters.contains("h"), !letters.contains("s") { return .date }
        return letters.contains("%") ? .percent : .number
    }
}
