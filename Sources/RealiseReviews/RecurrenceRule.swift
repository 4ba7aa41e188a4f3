import RealiseModel

/// A recurrence rule: the RFC 5545 `RRULE` subset Realise schedules reviews with — FREQ (DAILY, WEEKLY,
/// MONTHLY, YEARLY), INTERVAL, BYDAY with ordinals (`1MO`, `-1FR`), BYMONTHDAY (negative counts from the
/// month's end), BYMONTH, COUNT and UNTIL.
public struct RecurrenceRule: Sendable, Hashable {
    public enum Frequency: String, Sendable, Hashable { case daily = "DAILY", weekly = "WEEKLY", monthly = "MONTHLY", yearly = "YEARLY" }

    /// A BYDAY entry: a weekday, optionally the nth (negative: from the end) in the month or year.
    public struct WeekdayNumber: Sendable, Hashable {
        public var ordinal: Int?
        public var weekday: Weekday
        public var text: String { (ordinal.map { String($0) } ?? "") + weekday.code }
    }

    public var frequency: Frequency
    public var interval = 1
    public var byDay: [WeekdayNumber] = []
    public var byMonthDay: [Int] = []
    public var byMonth: [Int] = []
    public var count: Int?
    public var until: Day?

    public init(frequency: Frequency, interval: Int = 1, byDay: [WeekdayNumber] = [], byMonthDay: [Int] = [],
                byMonth: [Int] = [], count: Int? = nil, until: Day? = nil) {
        self.frequency = frequency
        self.interval = interval
        self.byDay = byDay
        self.byMonthDay = byMonthDay
        self.byMonth = byMonth
        self.count = count
        self.until = until
    }

    /// Parses `FREQ=MONTHLY;BYDAY=-1FR` (an optional `RRULE:` prefix is allowed).
    /// - Throws: `ReviewError.invalidCadence` naming the part that is wrong.
    public init(parsing text: String) throws(ReviewError) {
        var body = Substring(text.filter { $0 != " " && $0 != "\t" })
        if body.uppercased().hasPrefix("RRULE:") { body = body.dropFirst(6) }
        var fields: [String: String] = [:]
        for part in body.split(separator: ";", omittingEmptySubsequences: true) {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.uppercased() }
            guard pair.count == 2, !pair[1].isEmpty else { throw .invalidCadence(text: text, part: String(part), reason: "expected NAME=VALUE") }
            guard fields[pair[0]] == nil else { throw .invalidCadence(text: text, part: String(part), reason: "\(pair[0]) is given twice") }
            fields[pair[0]] = pair[1]
        }
        func bad(_ name: String, _ reason: String) -> ReviewError {
            .invalidCadence(text: text, part: "\(name)=\(fields[name] ?? "")", reason: reason)
        }
        func integers(_ name: String, _ range: ClosedRange<Int>, allowNegative: Bool) throws(ReviewError) -> [Int] {
            guard let value = fields[name] else { return [] }
            var result: [Int] = []
            for item in value.split(separator: ",") {
                guard let number = Int(item), range.contains(abs(number)), allowNegative || number > 0 else {
                    throw bad(name, "'\(item)' must be \(allowNegative ? "±" : "")\(range.lowerBound)…\(range.upperBound)")
                }
                result.append(number)
            }
            fields.removeValue(forKey: name)
            return result
        }
        guard let freqText = fields.removeValue(forKey: "FREQ") else {
            throw .invalidCadence(text: text, part: text, reason: "FREQ is missing")
        }
        guard let frequency = Frequency(rawValue: freqText) else {
            throw .invalidCadence(text: text, part: "FREQ=\(freqText)", reason: "must be DAILY, WEEKLY, MONTHLY or YEARLY")
        }
        self.frequency = frequency
        if let value = fields.removeValue(forKey: "INTERVAL") {
            guard let number = Int(value), number >= 1, number <= 1000 else {
                throw .invalidCadence(text: text, part: "INTERVAL=\(value)", reason: "must be a whole number from 1")
            }
            interval = number
        }
        if let value = fields.removeValue(forKey: "BYDAY") {
            for item in value.split(separator: ",") {
                let code = String(item.suffix(2)), number = item.dropLast(2)
                guard let weekday = Weekday(code: code) else {
                    throw .invalidCadence(text: text, part: "BYDAY=\(value)", reason: "'\(item)' is not a weekday like MO or -1FR")
                }
                var ordinal: Int?
                if !number.isEmpty {
                    guard let parsed = Int(number.hasPrefix("+") ? number.dropFirst() : number), parsed != 0, abs(parsed) <= 53 else {
                        throw .invalidCadence(text: text, part: "BYDAY=\(value)", reason: "'\(item)' has a bad ordinal")
                    }
                    guard frequency == .monthly || frequency == .yearly else {
                        throw .invalidCadence(text: text, part: "BYDAY=\(value)", reason: "ordinals like '\(item)' need FREQ=MONTHLY or YEARLY")
                    }
                    ordinal = parsed
                }
                byDay.append(WeekdayNumber(ordinal: ordinal, weekday: weekday))
            }
        }
        byMonthDay = try integers("BYMONTHDAY", 1...31, allowNegative: true)
        byMonth = try integers("BYMONTH", 1...12, allowNegative: false)
        if frequency == .weekly, !byMonthDay.isEmpty { throw bad("BYMONTHDAY", "is not allowed with FREQ=WEEKLY") }
        if let value = fields.removeValue(forKey: "COUNT") {
            guard let number = Int(value), number >= 1 else { throw .invalidCadence(text: text, part: "COUNT=\(value)", reason: "must be a whole number from 1") }
            count = number
        }
        if let value = fields.removeValue(forKey: "UNTIL") {
            let compact = value.prefix(8)
            let iso = compact.count == 8 ? "\(compact.prefix(4))-\(compact.dropFirst(4).prefix(2))-\(compact.suffix(2))" : value
            guard let day = Day(iso: iso) ?? Day(iso: value) else {
                throw .invalidCadence(text: text, part: "UNTIL=\(value)", reason: "must be a date like 20261231")
            }
            until = day
        }
        if count != nil, until != nil { throw .invalidCadence(text: text, part: "COUNT and UNTIL", reason: "give one or the other") }
        if let unknown = fields.keys.sorted().first {
            throw .invalidCadence(text: text, part: "\(unknown)=\(fields[unknown]!)", reason: "not supported (use FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, COUNT, UNTIL)")
        }
    }

    /// The rule as RRULE text, parts in a fixed order.
    public var text: String {
        var parts = ["FREQ=\(frequency.rawValue)"]
        if interval != 1 { parts.append("INTERVAL=\(interval)") }
        if !byMonth.isEmpty { parts.append("BYMONTH=" + byMonth.map { String($0) }.joined(separator: ",")) }
        if !byMonthDay.isEmpty { parts.append("BYMONTHDAY=" + byMonthDay.map { String($0) }.joined(separator: ",")) }
        if !byDay.isEmpty { parts.append("BYDAY=" + byDay.map(\.text).joined(separator: ",")) }
        if let count { parts.append("COUNT=\(count)") }
        if let until {
            let (y, m, d) = until.parts
            parts.append("UNTIL=" + Day.padded(y, 4) + Day.padded(m, 2) + Day.padded(d, 2))
        }
        return parts.joined(separator: ";")
    }
}

extension Day {
    /// `value` left-padded with zeros to `width` digits.
    static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
