/// A calendar day with no time of day or zone: plan dates, targets, measurements and reviews all live on days.
///
/// Stored as a day number (days since 1970-01-01, proleptic Gregorian) so arithmetic and comparison are
/// integer operations; printed and parsed as ISO 8601 `YYYY-MM-DD`.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let dayNumber: Int

    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    /// A day from its parts, or `nil` when the parts name no real day (30 February, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year),
              (1...9999).contains(year) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        dayNumber = era * 146_097 + doe - 719_468
    }

    /// Parses `YYYY-MM-DD`, also accepting a time and/or zone after it, which is dropped:
    /// `2024-03-31T08:00:00`, `2024-03-31T08:00:00.1234567+01:00`, `2024-03-31 08:00`, `2017-02-06+08:00`,
    /// `2024-03-31Z`. Returns `nil` for anything else, including text after the date ("2024-01-15 to …").
    public init?(iso text: some StringProtocol) {
        // Native strings are read in place (no copy); others through an array of their UTF-8.
        let parsed = text.utf8.withContiguousStorageIfAvailable { Day.parse($0[...]) }
            ?? Array(text.utf8).withUnsafeBufferPointer { Day.parse($0[...]) }
        guard let parsed else { return nil }
        self = parsed
    }

    /// Parses the UTF-8 bytes of `YYYY-MM-DD`, with an optional time and zone, exactly as `init(iso:)` parses
    /// text: for days read straight from a buffer (a database row) without making a string first.
    public init?(isoUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        guard let parsed = Day.parse(bytes[...]) else { return nil }
        self = parsed
    }

    private static func parse(_ all: Slice<UnsafeBufferPointer<UInt8>>) -> Day? {
        let base = all.startIndex
        guard all.count >= 10, all[base + 4] == UInt8(ascii: "-"), all[base + 7] == UInt8(ascii: "-"),
              Day.isTimeOrZone(all[(base + 10)...]) else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = all[base + index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// Whether `rest` is empty or an ISO 8601 time and/or zone: `(T|space)hh:mm[:ss[.fff]]` then `Z` or `±hh:mm`.
    private static func isTimeOrZone(_ rest: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        if rest.isEmpty { return true }  // a plain day, as nearly all are
        var rest = rest
        func digits(_ count: Int) -> Bool {
            guard rest.count >= count, rest.prefix(count).allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
            rest = rest.dropFirst(count)
            return true
        }
        func take(_ character: Unicode.Scalar) -> Bool {
            guard rest.first == UInt8(ascii: character) else { return false }
            rest = rest.dropFirst()
            return true
        }
        if take("T") || take(" ") {
            guard digits(2), take(":"), digits(2) else { return false }
            if take(":") {
                guard digits(2) else { return false }
                if take(".") || take(",") {
                    guard digits(1) else { return false }
                    while let first = rest.first, first >= 48, first <= 57 { rest = rest.dropFirst() }
                }
            }
        }
        if take("Z") { return rest.isEmpty }
        if take("+") || take("-") { return digits(2) && (take(":") ? digits(2) : digits(2)) && rest.isEmpty }
        return rest.isEmpty
    }

    /// Year, month and day of month.
    public var parts: (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = parts
        // Days of years 0–9999 (all a plan can name) are written digit by digit: reports print a great many.
        if (0...9999).contains(y) {
            return String(unsafeUninitializedCapacity: 10) { text in
                func put(_ value: Int, width: Int, at end: Int) {
                    var value = value
                    for offset in stride(from: end - 1, through: end - width, by: -1) {
                        text[offset] = UInt8(ascii: "0") + UInt8(value % 10)
                        value /= 10
                    }
                }
                put(y, width: 4, at: 4)
                text[4] = UInt8(ascii: "-")
                put(m, width: 2, at: 7)
                text[7] = UInt8(ascii: "-")
                put(d, width: 2, at: 10)
                return 10
            }
        }
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> Day { Day(dayNumber: dayNumber + count) }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(to other: Day) -> Int { other.dayNumber - dayNumber }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.dayNumber < rhs.dayNumber }

    /// Whether `year` is a Gregorian leap year.
    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// Number of days in `month` of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension Day: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "'\(text)' is not a YYYY-MM-DD date"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
