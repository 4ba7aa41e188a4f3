import ArgumentParser
import Foundation
import RealiseModel

/// Dates given on the command line.
enum DayArgument {
    /// Today in the local time zone.
    static var today: Day {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(dayNumber: 0)
    }

    /// `text` as a day, or today when nil; a bad date is a usage error (64).
    static func parse(_ text: String?, option: String) throws -> Day {
        guard let text else { return today }
        guard let day = Day(iso: text) else { throw Failure(lines: [problem(text, option: option)], code: 64) }
        return day
    }

    /// For a command's `validate()`: a `ValidationError` (exit 64) when `text` is given and is no date.
    static func check(_ text: String?, option: String) throws {
        if let text, Day(iso: text) == nil { throw ValidationError(problem(text, option: option)) }
    }

    private static func problem(_ text: String, option: String) -> String {
        "\(option) '\(text)' is not a date; write it as YYYY-MM-DD"
    }
}
