import RealiseModel

/// A day typed as text, in the forms spreadsheets write: ISO `2027-03-31` (a time after it is ignored), and
/// the numeric and named forms UK registers use — `31/03/2027`, `31/3/27`, `31-03-2027`, `31.03.2027`,
/// `31-Mar-2027`, `31 Mar 27`, `31 March 2027` — read in the file's `DateOrder`, and the named US form
/// `March 31, 2027` (a month name leaves no doubt). A time after the date (`31/03/2027 09:30`) is ignored.
/// Two-digit years follow Excel: 00–29 are 2000–2029, 30–99 are 1930–1999.
enum DayText {
    /// Why text is not a day.
    enum Problem: Error, Equatable {
        /// Not a date in any form read.
        case notADate
        /// Numbers that would be a real day only in the other order (`03/31/2027` read day first).
        case otherOrder(DateOrder)
    }

    /// The day `text` writes, in the given order for all-number forms.
    static func parse(_ text: String, order: DateOrder) -> Result<Day, Problem> {
        if let day = Day(iso: text) { return .success(day) }
        // `2027-03-31T00:00:00` and `2027-03-31 00:00`, as some exports write a date cell.
        if text.utf8.count > 10, let separator = text.utf8.dropFirst(10).first, separator == UInt8(ascii: "T") || separator == 32,
           let day = Day(iso: text.prefix(10)) {
            return .success(day)
        }
        var parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." || $0 == " " || $0 == "," })
        // `31/03/2027 09:30` and `31/03/2027 9:30 AM`, as a spreadsheet writes a date with a time.
        if parts.count > 3, parts[3].contains(":") { parts = Array(parts.prefix(3)) }
        guard parts.count == 3 else { return .failure(.notADate) }
        if let month = monthName(parts[0]), let day = Int(parts[1]), let year = year(parts[2]) { return found(year, month, day) }
        // `2027-3-31`, `2027/03/31`: year first is never ambiguous.
        if parts[0].count == 4, let year = year(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) {
            return found(year, month, day)
        }
        guard let year = year(parts[2]) else { return .failure(.notADate) }
        guard let first = Int(parts[0]) else { return .failure(.notADate) }
        if let month = monthName(parts[1]) { return found(year, month, first) }
        guard let second = Int(parts[1]), parts[1].allSatisfy(\.isASCII) else { return .failure(.notADate) }
        let (day, month) = order == .dmy ? (first, second) : (second, first)
        if let value = Day(year: year, month: month, day: day) { return .success(value) }
        let other: DateOrder = order == .dmy ? .mdy : .dmy
        if Day(year: year, month: day, day: month) != nil { return .failure(.otherOrder(other)) }
        return .failure(.notADate)
    }

    private static func found(_ year: Int, _ month: Int, _ day: Int) -> Result<Day, Problem> {
        Day(year: year, month: month, day: day).map { .success($0) } ?? .failure(.notADate)
    }

    /// A four-digit year, or a two-digit one in Excel's window.
    private static func year(_ text: Substring) -> Int? {
        guard text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text) else { return nil }
        switch text.count {
        case 4: return value
        case 2: return value < 30 ? 2000 + value : 1900 + value
        default: return nil
        }
    }

    private static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                                 "october", "november", "december"]

    /// The month a name or its three-letter (or `Sept`) abbreviation names.
    private static func monthName(_ text: Substring) -> Int? {
        let name = text.lowercased()
        guard name.count >= 3, name.allSatisfy(\.isLetter) else { return nil }
        if name == "sept" { return 9 }
        return months.firstIndex { $0 == name || (name.count == 3 && $0.hasPrefix(name)) }.map { $0 + 1 }
    }
}
