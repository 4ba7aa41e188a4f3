import RealiseModel

/// One cell of a workbook Realise writes. Text is always written as a string (an inline string, never a
/// formula, whatever it starts with); numbers as numbers; days as real date cells.
public enum WorkbookCell: Sendable, Equatable {
    case empty
    case text(String)
    case number(Double)
    case date(Day)

    /// A text cell, or an empty one for nil or empty text.
    public static func optional(_ text: String?) -> WorkbookCell {
        guard let text, !text.isEmpty else { return .empty }
        return .text(text)
    }

    /// A number cell, or an empty one for nil.
    public static func optional(_ number: Double?) -> WorkbookCell { number.map { .number($0) } ?? .empty }

    /// A date cell, or an empty one for nil.
    public static func optional(_ day: Day?) -> WorkbookCell { day.map { .date($0) } ?? .empty }

    /// How many characters wide the cell shows, for the column's width.
    var width: Int {
        switch self {
        case .empty: 0
        case .text(let text): text.split(whereSeparator: \.isNewline).map(\.count).max() ?? 0
        case .number(let number): number.plainText.count
        case .date: 10
        }
    }

    /// Excel's serial day in the 1900 system (day 61 on is 30 December 1899 plus the serial).
    static func serial(_ day: Day) -> Int {
        day.dayNumber - (Day(year: 1899, month: 12, day: 30)?.dayNumber ?? 0)
    }
}
