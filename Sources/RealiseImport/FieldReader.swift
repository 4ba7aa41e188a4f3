import RealiseModel

/// Converts the text of one field (an attribute or a CSV cell) into a typed value, recording a located
/// problem when it cannot. Shared by every importer so the same input gets the same message everywhere.
struct FieldReader {
    let path: String
    /// How all-number dates are read (`31/03/2027` day first by default).
    let dateOrder: DateOrder
    var line = 0
    var column = 0
    var problems: [Diagnostic] = []

    init(path: String, dateOrder: DateOrder = .dmy) {
        self.path = path
        self.dateOrder = dateOrder
    }

    mutating func fail(_ message: String) {
        problems.append(Diagnostic(.error, path: path, line: line, column: column, message))
    }

    /// A day written `YYYY-MM-DD` or in one of the day-first forms of `DayText`, nil when empty; a bad date is
    /// a problem, and numbers that make a day only the other way round say which `--date-order` reads them.
    mutating func day(_ text: String?, _ field: String) -> Day? {
        guard let text = text?.trimmed, !text.isEmpty else { return nil }
        switch DayText.parse(text, order: dateOrder) {
        case .success(let day): return day
        case .failure(.otherOrder(let order)):
            fail("\(field) '\(text.prefix(40))' is not a real date read \(dateOrder == .dmy ? "day first" : "month first"); "
                + "if the file writes dates \(order == .mdy ? "month first" : "day first"), import it with --date-order \(order.rawValue)")
        case .failure(.notADate):
            fail("\(field) '\(text.prefix(40))' is not a real date; write it as YYYY-MM-DD (or 31/03/2027)")
        }
        return nil
    }

    /// A number, nil when empty; text that is not a number is a problem.
    mutating func number(_ text: String?, _ field: String) -> Double? {
        guard let text = text?.trimmed, !text.isEmpty else { return nil }
        if let value = Double(lenient: text) { return value }
        fail("\(field) '\(text.prefix(40))' is not a number")
        return nil
    }

    /// One of a vocabulary, nil when empty; an unknown word is a problem naming the choices.
    mutating func choice<T: KebabCaseEnum>(_ text: String?, _ field: String) -> T? {
        guard let text = text?.trimmed, !text.isEmpty else { return nil }
        if let value = T(lenient: text) { return value }
        fail("\(field) '\(text.prefix(40))' is not one of: \(T.choices)")
        return nil
    }

    /// A metric value: a number, or (with a warning) text kept as a qualitative note.
    func value(_ text: String?, warnings: inout [Diagnostic]) -> (Double?, String?) {
        guard let text = text?.trimmed, !text.isEmpty else { return (nil, nil) }
        if let value = Double(lenient: text) { return (value, nil) }
        warnings.append(Diagnostic(.warning, path: path, line: line, column: column,
                                   "value '\(text.prefix(40))' is not a number; kept as a qualitative note"))
        return (nil, text)
    }

    /// Ids in a list cell: split on `;`, `,`, `|` and whitespace, an id named twice kept once (as MS Project
    /// link fields are read): "DEL-1;DEL-1" is one link, not two the workspace would store as one.
    static func ids(_ text: String?) -> [String] {
        guard let text else { return [] }
        let parts = text.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == "|" || $0.isWhitespace })
        if parts.count < 2 { return parts.map(String.init) }
        var seen = Set<Substring>()
        return parts.filter { seen.insert($0).inserted }.map(String.init)
    }
}
