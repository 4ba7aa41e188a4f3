import Foundation
import Testing
import RealiseModel

@Suite("Day")
struct DayTests {
    // MARK: Parsing

    @Test("parses ISO dates, also with a time or zone after them", arguments: [
        ("2024-05-31", 2024, 5, 31),
        ("2024-02-29", 2024, 2, 29),
        ("2000-02-29", 2000, 2, 29),
        ("1970-01-01", 1970, 1, 1),
        ("0001-01-01", 1, 1, 1),
        ("9999-12-31", 9999, 12, 31),
        ("2024-03-31T08:00:00", 2024, 3, 31),
        ("2017-02-06+08:00", 2017, 2, 6),
        ("2017-02-06-05:00", 2017, 2, 6),
        ("2024-01-15Z", 2024, 1, 15),
        ("2024-01-15 10:30", 2024, 1, 15),
    ])
    func parsesValid(text: String, year: Int, month: Int, day: Int) throws {
        let parsed = try #require(Day(iso: text))
        #expect(Array(text.utf8).withUnsafeBufferPointer { Day(isoUTF8: $0) } == parsed)
        #expect(parsed.parts == (year, month, day))
        #expect(parsed == Day(year: year, month: month, day: day))
    }

    @Test("rejects what is not a real YYYY-MM-DD day", arguments: [
        "2023-02-29",          // not a leap year
        "1900-02-29",          // century, not a leap year
        "2024-02-30",
        "2024-04-31",
        "2024-13-01",
        "2024-00-10",
        "2024-01-00",
        "2024-01-32",
        "0000-01-01",          // year 0 is outside 1...9999
        "31/05/2010",
        "2010/05/31",
        "05-31-2010",
        "2024-1-5",
        "20240105",
        "2024-01-1",
        "2024-01-1a",
        "2024-01-15x",
        "2024-01-15/10",
        " 2024-01-15",
        "",
        "garbage",
        "not a date at all",
        "yyyy-mm-dd",
    ])
    func rejectsInvalid(text: String) {
        #expect(Day(iso: text) == nil)
        #expect(Array(text.utf8).withUnsafeBufferPointer { Day(isoUTF8: $0) } == nil)
    }

    /// The documented suffixes are a time (`T…`) or a zone (`Z`, `+hh:mm`, `-hh:mm`); any text after a space or a
    /// dash is accepted today, so a date range typed into a spreadsheet cell silently becomes its first day.
    @Test("rejects a date followed by text that is not a time or zone",
          arguments: ["2024-01-15 to 2024-02-01", "2024-01-15 - 2024-03-31", "2024-01-15 approx", "2024-01-15-ish", "2024-01-15Tomorrow"])
    func rejectsTrailingText(text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test("parses from a Substring as well as a String")
    func parsesSubstring() throws {
        let line = "due:2025-07-25;"
        let slice = line.dropFirst(4).dropLast()
        let day = try #require(Day(iso: slice))
        #expect(day.description == "2025-07-25")
    }

    // MARK: Parts

    @Test("rejects impossible parts", arguments: [
        (2023, 2, 29), (2024, 2, 30), (2024, 13, 1), (2024, 0, 1), (2024, 6, 31), (2024, 1, 0), (0, 1, 1), (10000, 1, 1),
    ])
    func rejectsImpossibleParts(year: Int, month: Int, day: Int) {
        #expect(Day(year: year, month: month, day: day) == nil)
    }

    @Test("day numbers count from 1970-01-01")
    func dayNumberAnchors() throws {
        #expect(try #require(Day(year: 1970, month: 1, day: 1)).dayNumber == 0)
        #expect(try #require(Day(year: 1970, month: 1, day: 2)).dayNumber == 1)
        #expect(try #require(Day(year: 1969, month: 12, day: 31)).dayNumber == -1)
        #expect(try #require(Day(year: 2000, month: 1, day: 1)).dayNumber == 10_957)
        #expect(try #require(Day(year: 2000, month: 3, day: 1)).dayNumber == 11_017)
        #expect(try #require(Day(year: 1900, month: 1, day: 1)).dayNumber == -25_567)
        #expect(Day(dayNumber: 19_723).description == "2024-01-01")
    }

    @Test("leap years follow the Gregorian rule")
    func leapYears() {
        #expect(Day.isLeap(2024))
        #expect(Day.isLeap(2000))
        #expect(Day.isLeap(1600))
        #expect(!Day.isLeap(2023))
        #expect(!Day.isLeap(1900))
        #expect(!Day.isLeap(2100))
        #expect(Day.daysIn(month: 2, year: 2024) == 29)
        #expect(Day.daysIn(month: 2, year: 2023) == 28)
        #expect(Day.daysIn(month: 4, year: 2023) == 30)
        #expect(Day.daysIn(month: 12, year: 2023) == 31)
    }

    /// Walks every day from 1900-01-01 to 2100-12-31 with an independent calendar counter and checks that
    /// day numbers, parts, description and parsing all agree.
    @Test("every day 1900–2100 round-trips through parts, description and parsing")
    func roundTripsEveryDay() throws {
        let first = try #require(Day(year: 1900, month: 1, day: 1))
        let last = try #require(Day(year: 2100, month: 12, day: 31))
        let monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var (year, month, day) = (1900, 1, 1)
        var mismatches: [String] = []
        var count = 0
        for number in first.dayNumber...last.dayNumber {
            let value = Day(dayNumber: number)
            let expectedText = String(format: "%04d-%02d-%02d", year, month, day)
            if value.parts != (year, month, day) { mismatches.append("\(number): parts \(value.parts) != \(expectedText)") }
            if value.description != expectedText { mismatches.append("\(number): description \(value.description) != \(expectedText)") }
            if Day(iso: value.description) != value { mismatches.append("\(number): parse(\(value.description)) differs") }
            if Day(year: year, month: month, day: day)?.dayNumber != number { mismatches.append("\(number): init(parts) differs") }
            if mismatches.count > 10 { break }
            count += 1
            // Advance the independent counter.
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            let length = month == 2 && leap ? 29 : monthLengths[month - 1]
            day += 1
            if day > length { day = 1; month += 1 }
            if month > 12 { month = 1; year += 1 }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        #expect(count == 73_414) // 201 years, 49 of them leap (2000 is, 1900 and 2100 are not)
        #expect((year, month, day) == (2101, 1, 1))
    }

    /// `description` writes years 0–9999 digit by digit; outside them it pads as `String(value)` does.
    @Test("description pads the parts, years 0–9999 and beyond")
    func descriptionAcrossYears() {
        func padded(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let first = Day(year: 1, month: 1, day: 1)!.dayNumber, last = Day(year: 9999, month: 12, day: 31)!.dayNumber
        for number in Array(stride(from: first - 800, through: last + 800, by: 97)) + [first - 366, first - 1, first, last, last + 1] {
            let day = Day(dayNumber: number), (y, m, d) = day.parts
            #expect(day.description == "\(padded(y, 4))-\(padded(m, 2))-\(padded(d, 2))", "day number \(number)")
        }
        #expect(Day(year: 1, month: 1, day: 1)!.adding(days: -1).description == "0000-12-31")
        #expect(Day(dayNumber: -800_000).description.hasPrefix("-"))
    }

    // MARK: Arithmetic

    @Test("adding days crosses month, leap-day and year boundaries", arguments: [
        ("2024-02-28", 1, "2024-02-29"),
        ("2024-02-28", 2, "2024-03-01"),
        ("2023-02-28", 1, "2023-03-01"),
        ("2023-12-31", 1, "2024-01-01"),
        ("2024-03-01", -1, "2024-02-29"),
        ("2024-01-01", -1, "2023-12-31"),
        ("2024-01-01", 366, "2025-01-01"),
        ("2024-05-31", 0, "2024-05-31"),
        ("1970-01-01", -25_567, "1900-01-01"),
    ])
    func adding(start: String, count: Int, expected: String) throws {
        let day = try #require(Day(iso: start))
        #expect(day.adding(days: count).description == expected)
    }

    @Test("days(to:) is signed and counts leap days")
    func daysTo() {
        let start = day("2024-01-01")
        #expect(start.days(to: day("2024-12-31")) == 365)
        #expect(start.days(to: day("2025-01-01")) == 366)
        #expect(day("2023-01-01").days(to: start) == 365)
        #expect(day("2024-12-31").days(to: start) == -365)
        #expect(start.days(to: start) == 0)
        #expect(day("2024-02-28").days(to: day("2024-03-01")) == 2)
        #expect(day("2023-02-28").days(to: day("2023-03-01")) == 1)
        #expect(start.days(to: start.adding(days: 1000)) == 1000)
        #expect(start.adding(days: -1000).days(to: start) == 1000)
    }

    @Test("days compare in calendar order")
    func ordering() {
        let texts = ["2025-01-01", "1999-12-31", "2024-02-29", "2024-03-01", "2024-02-28"]
        let sorted = texts.map { day($0) }.sorted().map(\.description)
        #expect(sorted == ["1999-12-31", "2024-02-28", "2024-02-29", "2024-03-01", "2025-01-01"])
        #expect(day("2024-02-28") < day("2024-02-29"))
        #expect(!(day("2024-02-29") < day("2024-02-29")))
        #expect(day("2024-02-29") == Day(year: 2024, month: 2, day: 29))
    }

    // MARK: Codable

    private struct Holder: Codable, Equatable {
        var due: Day
        var done: Day?
    }

    @Test("encodes as a YYYY-MM-DD string")
    func encodes() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let holder = Holder(due: try #require(Day(iso: "2025-07-05")), done: nil)
        let json = String(decoding: try encoder.encode(holder), as: UTF8.self)
        #expect(json == #"{"due":"2025-07-05"}"#)
        let bare = String(decoding: try encoder.encode([try #require(Day(iso: "0987-01-09"))]), as: UTF8.self)
        #expect(bare == #"["0987-01-09"]"#)
    }

    @Test("decodes YYYY-MM-DD, tolerating a time suffix, and round-trips")
    func decodes() throws {
        let decoder = JSONDecoder()
        let holder = try decoder.decode(Holder.self, from: Data(#"{"due":"2024-02-29","done":"2024-03-31T08:00:00Z"}"#.utf8))
        #expect(holder.due.description == "2024-02-29")
        #expect(holder.done?.description == "2024-03-31")
        let again = try decoder.decode(Holder.self, from: JSONEncoder().encode(holder))
        #expect(again == holder)
    }

    @Test("refuses to decode a date that is not YYYY-MM-DD", arguments: ["31/05/2010", "2023-02-29", "", "soon"])
    func refusesBadDates(text: String) {
        let json = Data(#"{"due":"\#(text)"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Holder.self, from: json) }
    }

    @Test("refuses to decode a number as a day")
    func refusesNumber() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Holder.self, from: Data(#"{"due":19723}"#.utf8)) }
    }
}
