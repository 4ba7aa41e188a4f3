import RealiseModel

extension RecurrenceRule {
    /// Calls `body` with each occurrence on or after `start` (the schedule's anchor, RFC 5545's DTSTART), in
    /// order, until `body` returns false, COUNT or UNTIL is reached, or `limit` is passed.
    ///
    /// Where the rule names no day (plain monthly or yearly), occurrences keep the anchor's day of month and
    /// fall back to the month's last day when the month is shorter — a schedule from 31 January is due on
    /// 28 or 29 February — as a calendar does, rather than skipping the month as bare RFC 5545 would.
    public func forEachOccurrence(from start: Day, through limit: Day = Day(year: 9999, month: 12, day: 31)!,
                                  _ body: (Day) -> Bool) {
        let last = min(limit, until ?? limit)
        var emitted = 0
        var period = 0
        let (startYear, startMonth, _) = start.parts
        while period < 200_000 {
            guard let opening = periodStart(period, start: start), opening <= last else { return }
            for day in candidates(period, start: start).sorted() where day >= start {
                if day > last { return }
                emitted += 1
                if !body(day) { return }
                if let count, emitted >= count { return }
            }
            period += 1
            if opening.parts.year > max(startYear, 1) + 2000 && startMonth > 0 { return }
        }
    }

    /// Occurrences from `start` through `limit`, at most `maximum` of them.
    public func occurrences(from start: Day, through limit: Day, maximum: Int = 10_000) -> [Day] {
        var result: [Day] = []
        forEachOccurrence(from: start, through: limit) { day in
            result.append(day)
            return result.count < maximum
        }
        return result
    }

    /// The first occurrence strictly after `day` (or the first occurrence when `day` is nil); nil when the
    /// rule has ended by then.
    public func firstOccurrence(from start: Day, after day: Day?) -> Day? {
        var found: Day?
        forEachOccurrence(from: start) { candidate in
            if let day, candidate <= day { return true }
            found = candidate
            return false
        }
        return found
    }

    /// The first day of the `period`-th period after the anchor's.
    private func periodStart(_ period: Int, start: Day) -> Day? {
        let (y, m, _) = start.parts
        switch frequency {
        case .daily: return start.adding(days: period * interval)
        case .weekly: return start.adding(days: -Weekday(of: start).rawValue + period * interval * 7)
        case .monthly:
            let months = (m - 1) + period * interval
            return Day(year: y + months / 12, month: months % 12 + 1, day: 1)
        case .yearly: return Day(year: y + period * interval, month: 1, day: 1)
        }
    }

    private func candidates(_ period: Int, start: Day) -> [Day] {
        let (y, m, d) = start.parts
        switch frequency {
        case .daily:
            let day = start.adding(days: period * interval)
            let (_, month, dom) = day.parts
            if !byMonth.isEmpty && !byMonth.contains(month) { return [] }
            if !byMonthDay.isEmpty && !resolve(byMonthDay, in: day).contains(dom) { return [] }
            if !byDay.isEmpty && !byDay.contains(where: { $0.weekday == Weekday(of: day) }) { return [] }
            return [day]
        case .weekly:
            guard let monday = periodStart(period, start: start) else { return [] }
            let weekdays = byDay.isEmpty ? [Weekday(of: start)] : byDay.map(\.weekday)
            return weekdays.map { monday.adding(days: $0.rawValue) }.filter { byMonth.isEmpty || byMonth.contains($0.parts.month) }
        case .monthly:
            let months = (m - 1) + period * interval
            let year = y + months / 12, month = months % 12 + 1
            if !byMonth.isEmpty && !byMonth.contains(month) { return [] }
            return daysInMonth(year: year, month: month, anchorDay: d)
        case .yearly:
            let year = y + period * interval
            if !byMonth.isEmpty { return byMonth.flatMap { daysInMonth(year: year, month: $0, anchorDay: d) } }
            if byMonthDay.isEmpty && byDay.isEmpty { return [clamped(year: year, month: m, day: d)].compactMap { $0 } }
            if !byDay.isEmpty {
                let first = Day(year: year, month: 1, day: 1)!, end = Day(year: year, month: 12, day: 31)!
                var days = weekdays(from: first, to: end)
                if !byMonthDay.isEmpty { days = days.filter { resolve(byMonthDay, in: $0).contains($0.parts.day) } }
                return days
            }
            return (1...12).flatMap { month in
                let first = Day(year: year, month: month, day: 1)!
                return resolve(byMonthDay, in: first).compactMap { Day(year: year, month: month, day: $0) }
            }
        }
    }

    /// The days of one month the rule selects.
    private func daysInMonth(year: Int, month: Int, anchorDay: Int) -> [Day] {
        guard let first = Day(year: year, month: month, day: 1) else { return [] }
        if byMonthDay.isEmpty && byDay.isEmpty { return [clamped(year: year, month: month, day: anchorDay)].compactMap { $0 } }
        let last = first.adding(days: Day.daysIn(month: month, year: year) - 1)
        let fromMonthDays = Set(resolve(byMonthDay, in: first).compactMap { Day(year: year, month: month, day: $0) })
        let fromWeekdays = Set(weekdays(from: first, to: last))
        if byMonthDay.isEmpty { return Array(fromWeekdays) }
        if byDay.isEmpty { return Array(fromMonthDays) }
        return Array(fromMonthDays.intersection(fromWeekdays))
    }

    /// BYMONTHDAY values as days of the month containing `day` (negative values count from its end).
    private func resolve(_ monthDays: [Int], in day: Day) -> [Int] {
        let (year, month, _) = day.parts
        let length = Day.daysIn(month: month, year: year)
        return monthDays.map { $0 > 0 ? $0 : length + $0 + 1 }.filter { $0 >= 1 && $0 <= length }
    }

    /// BYDAY days between `first` and `last`: every such weekday, or the nth (from the end when negative).
    private func weekdays(from first: Day, to last: Day) -> [Day] {
        byDay.flatMap { entry -> [Day] in
            let offset = (entry.weekday.rawValue - Weekday(of: first).rawValue + 7) % 7
            let all = stride(from: first.adding(days: offset).dayNumber, through: last.dayNumber, by: 7).map(Day.init(dayNumber:))
            guard let ordinal = entry.ordinal else { return all }
            let index = ordinal > 0 ? ordinal - 1 : all.count + ordinal
            return all.indices.contains(index) ? [all[index]] : []
        }
    }

    /// `day` of the month, or the month's last day when the month is shorter.
    private func clamped(year: Int, month: Int, day: Int) -> Day? {
        Day(year: year, month: month, day: min(day, Day.daysIn(month: month, year: year)))
    }
}
