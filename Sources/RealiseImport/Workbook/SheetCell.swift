/// One cell being read (`<c t="…" s="…"><f>…</f><v>…</v><is>…</is></c>`) and the text it stands for:
/// shared and inline strings (rich-text runs joined), numbers as written (a date-formatted number as its
/// day, `YYYY-MM-DD`; a percentage times 100), booleans as `TRUE`/`FALSE`, a formula by its cached result.
struct SheetCell {
    /// What the whole workbook says about cells.
    struct Context {
        var strings: SharedStrings
        var styles: CellStyles
        var date1904: Bool
    }

    var column = 1
    /// The `t` attribute: `s`, `inlineStr`, `str`, `b`, `e`, `d`, or nil for a number.
    var type: String?
    var style = 0
    private var value = ""
    private var inline = ""
    private var hasValue = false
    private var hasFormula = false
    private var inValue = false
    private var inInlineText = false
    private var phonetic = 0

    init() {}

    /// A cell whose reference, if it has none, is `column`.
    init(column: Int) { self.column = column }

    /// One of the cell's attributes (by its one-letter name's byte): `r` its reference, `t` its type, `s` its style.
    mutating func take(attribute name: UInt8, _ value: UnsafePointer<CChar>) {
        switch name {
        case UInt8(ascii: "r"): if let found = SheetTag.column(value) { column = found }
        case UInt8(ascii: "t"): type = value[0] == 110 && value[1] == 0 ? nil : String(cString: value)  // `n` is a number
        case UInt8(ascii: "s"): style = SheetTag.integer(value) ?? 0
        default: break
        }
    }

    /// An element inside the cell opens.
    mutating func open(_ tag: SheetTag, empty: Bool) {
        switch tag {
        case .value: hasValue = true; inValue = !empty
        case .formula: hasFormula = true
        case .text: inInlineText = !empty && phonetic == 0
        case .phonetic: if !empty { phonetic += 1 }
        default: break
        }
    }

    /// An element inside the cell closes.
    mutating func close(_ tag: SheetTag) {
        switch tag {
        case .value: inValue = false
        case .text: inInlineText = false
        case .phonetic: phonetic -= 1
        default: break
        }
    }

    /// Text inside the cell.
    mutating func append(_ text: String) {
        if inValue { value += text } else if inInlineText { inline += CellText.unescaped(text) }
    }

    /// The cell's text, and a warning when its value could not be had.
    func text(_ context: Context) -> (String, String?) {
        if type == "inlineStr" { return (inline, nil) }
        // openpyxl and other writers leave `<v></v>` for a formula they cannot calculate.
        guard hasValue, !(hasFormula && value.isEmpty && type != "str") else {
            return ("", hasFormula ? "the formula in this cell has no saved result (the workbook was saved without "
                    + "calculating); it was read as empty: open the workbook in Excel and save it again" : nil)
        }
        switch type {
        case "s":
            guard let index = Int(value), let text = context.strings[index] else {
                return ("", "the cell refers to shared string '\(value.prefix(20))', which the workbook does not have; it was read as empty")
            }
            return (text, nil)
        case "str": return (CellText.unescaped(value), nil)
        case "b": return (value == "1" || value.lowercased() == "true" ? "TRUE" : "FALSE", nil)
        case "e": return ("", "the cell holds the error value \(value.prefix(20)); it was read as empty")
        case "d": return (String(value.prefix(10)), nil)
        default: return number(context)
        }
    }

    /// A number cell: as written (to the 15 significant digits Excel shows: `0.30000000000000004` is 0.3), or as
    /// its day or percentage when its format says so.
    private func number(_ context: Context) -> (String, String?) {
        let meaning = context.styles[style]
        guard meaning != .number, let serial = Double(value) else { return (SheetCell.shown(value), nil) }
        if meaning == .percent {
            let shown = serial * 100
            let rounded = (shown * 1e9).rounded() / 1e9
            return (rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int64(rounded)) : String(rounded), nil)
        }
        guard let day = ExcelDate.text(serial: serial, date1904: context.date1904) else {
            return (value, "the date-formatted cell holds \(value.prefix(20)), which is no day Excel can show; it was read as a number")
        }
        return (day, nil)
    }

    /// A number's text with at most 15 significant digits, as Excel shows it.
    static func shown(_ text: String) -> String {
        let digits = text.utf8.prefix { $0 != UInt8(ascii: "E") && $0 != UInt8(ascii: "e") }
            .filter { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.drop { $0 == UInt8(ascii: "0") }
        guard digits.count > 15, let number = Double(text), number.isFinite else { return text }
        return String(format: "%.15g", number)
    }
}
