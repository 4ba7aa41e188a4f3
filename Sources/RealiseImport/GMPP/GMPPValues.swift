import RealiseModel

/// What one GMPP cell holds.
enum GMPPReading<Value> {
    /// A value.
    case value(Value)
    /// Nothing: blank, "N/A", "Not set", "-".
    case empty
    /// A stated reason for no value ("Exempt under Section 43 of the Freedom of Information Act 2000 …",
    /// "Early planning GMPP project …"), kept in the notes, not a problem.
    case withheld(String)
    /// Text that should be a value and is not: a warning.
    case unreadable(String)
}

/// Reading the dates, money and ratings of GMPP cells as the annual data writes them.
enum GMPPValues {
    /// Cells that mean "no value".
    static let blanks: Set<String> = ["", "-", "–", "—", "n/a", "na", "n.a.", "not set", "not applicable", "none", "nil", "null"]
    /// Starts of cells that give a reason for no value.
    static let reasons = ["exempt", "early planning", "the project is not in a position", "not in a position", "withheld",
                          "redacted", "commercially sensitive", "tbc", "tba", "to be confirmed", "not yet", "not available"]

    /// The cell with every run of white space (line breaks included) made one space, trimmed.
    static func cleaned(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static func classify<T>(_ text: String, extraReasons: [String] = [], _ read: (String) -> T?) -> GMPPReading<T> {
        let cell = cleaned(text)
        let lowered = cell.lowercased()
        if blanks.contains(lowered) { return .empty }
        if (reasons + extraReasons).contains(where: { lowered.hasPrefix($0) }) { return .withheld(cell) }
        if let value = read(cell) { return .value(value) }
        return .unreadable(cell)
    }

    /// A Delivery Confidence Assessment on the five-point (Red, Amber/Red, Amber, Amber/Green, Green) or
    /// three-point (Red, Amber, Green) scale. "Reset" (a project being re-planned) is a reason, not a rating.
    static func rating(_ text: String) -> GMPPReading<RAG> {
        classify(text, extraReasons: ["reset"]) { RAG(lenient: $0) }
    }

    /// An amount in £ million: `£12,131.50`, `12131.5`, `-1.2`, `(1.2)` and `£(1.2)` (negative), `£278m`,
    /// `£2.5bn` (2 500).
    static func money(_ text: String) -> GMPPReading<Double> {
        classify(text) { cell in
            var rest = cell.lowercased().replacingOccurrences(of: " ", with: "")
            var sign = 1.0
            if rest.hasPrefix("-") || rest.hasPrefix("−") { sign = -1; rest.removeFirst() }
            if rest.hasPrefix("£") { rest.removeFirst() }
            if rest.hasPrefix("-") { sign = -sign; rest.removeFirst() }
            if rest.hasPrefix("("), rest.hasSuffix(")") { sign = -sign; rest = String(rest.dropFirst().dropLast()) }
            if rest.hasPrefix("£") { rest.removeFirst() }
            var scale = 1.0
            for (suffix, factor) in [("million", 1.0), ("bn", 1000.0), ("m", 1.0)] where rest.hasSuffix(suffix) {
                rest.removeLast(suffix.count)
                scale = factor
                break
            }
            guard rest.first?.isNumber == true || rest.first == ".", let value = Double(lenient: rest) else { return nil }
            return sign * value * scale
        }
    }

    /// A day: ISO `2020-05-20` (a time after it is ignored), `31/05/2010`, `31.05.2010`, `31-05-2010`, the same
    /// with two-digit years (`30.06.08`: 00–69 are 20xx, 70–99 are 19xx), `1 April 2016`, `01-Apr-16`, or an
    /// Excel serial day number (`40329`).
    static func day(_ text: String) -> GMPPReading<Day> {
        classify(text) { cell in
            let datePart = cell.split(separator: " ", maxSplits: 1).first.map(String.init) ?? cell
            if let day = Day(iso: cell) ?? Day(iso: datePart) { return day }
            if let day = numericDay(datePart) { return day }
            if let day = namedMonthDay(cell) { return day }
            if cell.count == 5, let serial = Int(cell), (20_000...80_000).contains(serial) {
                return Day(year: 1899, month: 12, day: 30)!.adding(days: serial)
            }
            return nil
        }
    }

    /// `d/m/y`, `d.m.y` or `d-m-y` with a two- or four-digit year.
    private static func numericDay(_ text: String) -> Day? {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" })
        guard parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
              (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              parts[2].count == 2 || parts[2].count == 4 else { return nil }
        return Day(year: fullYear(year, digits: parts[2].count), month: month, day: day)
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// `1 April 2016`, `01-Apr-16`, `1-april-2016`.
    private static func namedMonthDay(_ text: String) -> Day? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "/" })
        guard parts.count == 3, let day = Int(parts[0]), let year = Int(parts[2]),
              parts[2].count == 2 || parts[2].count == 4,
              let month = months.firstIndex(where: { parts[1].lowercased().hasPrefix($0) }),
              parts[1].allSatisfy(\.isLetter) else { return nil }
        return Day(year: fullYear(year, digits: parts[2].count), month: month + 1, day: day)
    }

    /// A two-digit year in 1970–2069.
    static func fullYear(_ year: Int, digits: Int) -> Int {
        guard digits == 2 else { return year }
        return year < 70 ? 2000 + year : 1900 + year
    }

    /// `£12,131.50m`, `£278m`, `-£1.20m`: how the notes show an amount in £ million.
    static func moneyText(_ value: Double) -> String {
        let cents = Int64((abs(value) * 100).rounded())
        let whole = String(cents / 100)
        var grouped = ""
        for (index, digit) in whole.enumerated() {
            if index > 0, (whole.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        let fraction = cents % 100 == 0 ? "" : "." + (cents % 100 < 10 ? "0" : "") + String(cents % 100)
        return (value < 0 && cents > 0 ? "-" : "") + "£" + grouped + fraction + "m"
    }
}
