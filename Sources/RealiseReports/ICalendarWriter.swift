import Foundation
import RealiseModel
import RealiseReviews

/// Review schedules as an RFC 5545 iCalendar file for Outlook, Google Calendar and Thunderbird: one all-day
/// VEVENT per schedule with its RRULE, or one per occurrence (within a horizon) where the cadence cannot be
/// expressed as an RRULE (a month-end anchor that falls back to shorter months' last days). CRLF line ends,
/// lines folded at 75 octets, text escaped.
public struct ICalendarWriter: Sendable {
    /// One schedule with what the event should say about it.
    public struct Entry: Sendable {
        public var schedule: ReviewSchedule
        public var subjectType: String
        public var subjectName: String
        /// The metrics to bring, one line each.
        public var metrics: [String]

        public init(schedule: ReviewSchedule, subjectType: String, subjectName: String, metrics: [String]) {
            self.schedule = schedule
            self.subjectType = subjectType
            self.subjectName = subjectName
            self.metrics = metrics
        }
    }

    /// The DTSTAMP written on every event (the export time, in UTC).
    public let stamp: Date
    /// Occurrences are expanded up to this many days after the first one, where expansion is needed.
    public let horizonDays: Int

    public init(stamp: Date, horizonDays: Int = 366) {
        self.stamp = stamp
        self.horizonDays = horizonDays
    }

    public func render(_ entries: [Entry]) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Realise//Benefit reviews//EN", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:Benefit reviews"]
        for entry in entries { lines += events(entry) }
        lines.append("END:VCALENDAR")
        return lines.map(ICalendarWriter.fold).joined(separator: "\r\n") + "\r\n"
    }

    private func events(_ entry: Entry) -> [String] {
        let schedule = entry.schedule
        let rule = schedule.cadence.rule
        guard let first = rule.firstOccurrence(from: schedule.start, after: nil) else { return [] }
        let uid = "realise-review-\(schedule.id)-" + schedule.subject.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        var description = "Outcome review of \(entry.subjectType) \(schedule.subject): \(entry.subjectName)\nCadence: \(schedule.cadence.name)"
        if let reviewer = schedule.reviewer { description += "\nReviewer: \(reviewer)" }
        if !entry.metrics.isEmpty { description += "\nMetrics to bring:\n" + entry.metrics.map { "- \($0)" }.joined(separator: "\n") }
        description += "\nRecord it with: realise review record \(schedule.subject) --rag green|amber|red"
        func event(uid: String, day: Day, rrule: String?) -> [String] {
            var lines = ["BEGIN:VEVENT", "UID:\(uid)@realise", "DTSTAMP:\(ICalendarWriter.utc(stamp))",
                         "DTSTART;VALUE=DATE:\(ICalendarWriter.date(day))", "DTEND;VALUE=DATE:\(ICalendarWriter.date(day.adding(days: 1)))"]
            if let rrule { lines.append("RRULE:\(rrule)") }
            lines += ["SUMMARY:" + ICalendarWriter.escape("Benefit review: \(schedule.subject) \(entry.subjectName)"),
                      "DESCRIPTION:" + ICalendarWriter.escape(description), "TRANSP:TRANSPARENT", "END:VEVENT"]
            return lines
        }
        if ICalendarWriter.isExpressible(rule, anchor: schedule.start) {
            return event(uid: uid, day: first, rrule: rule.text)
        }
        return rule.occurrences(from: schedule.start, through: first.adding(days: horizonDays)).flatMap { day in
            event(uid: "\(uid)-\(ICalendarWriter.date(day))", day: day, rrule: nil)
        }
    }

    /// Whether RFC 5545 means the same by the rule as Realise does: not when a plain monthly or yearly rule is
    /// anchored on a day some months lack (Realise falls back to the month's end; RFC 5545 would skip the month).
    static func isExpressible(_ rule: RecurrenceRule, anchor: Day) -> Bool {
        guard rule.byDay.isEmpty, rule.byMonthDay.isEmpty else { return true }
        let (_, month, day) = anchor.parts
        switch rule.frequency {
        case .daily, .weekly: return true
        case .monthly: return day <= 28
        case .yearly: return rule.byMonth.isEmpty ? !(month == 2 && day == 29) : day <= 28
        }
    }

    /// TEXT escaping: backslash, semicolon, comma and line breaks; any other control character (which RFC 5545
    /// forbids in TEXT) made visible as `ControlCharacters` writes it.
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in ControlCharacters.escaped(text, keeping: ["\n", "\r"]) {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r\n", "\n", "\r": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// Folds a content line into pieces of at most 75 octets, continuation lines starting with a space, never
    /// splitting a UTF-8 character.
    public static func fold(_ line: String) -> String {
        var pieces: [String] = []
        var current = "", size = 0, limit = 75
        for character in line {
            let width = String(character).utf8.count
            if size + width > limit {
                pieces.append(current)
                current = " "
                size = 1
                limit = 75
            }
            current.append(character)
            size += width
        }
        pieces.append(current)
        return pieces.joined(separator: "\r\n")
    }

    static func date(_ day: Day) -> String { day.description.replacingOccurrences(of: "-", with: "") }

    static func utc(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }
}
