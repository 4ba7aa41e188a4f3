import RealiseModel
import Testing
@testable import RealiseReviews

private func day(_ text: String) -> Day { Day(iso: text)! }
private func days(_ texts: [String]) -> [Day] { texts.map(day) }

@Suite("Cadences and recurrence rules")
struct RecurrenceTests {
    private func occurrences(_ cadence: String, from start: String, through end: String) throws -> [Day] {
        try Cadence(cadence).rule.occurrences(from: day(start), through: day(end))
    }

    @Test("named cadences", arguments: [
        ("weekly", ["2025-01-06", "2025-01-13", "2025-01-20"]),
        ("fortnightly", ["2025-01-06", "2025-01-20", "2025-02-03"]),
        ("monthly", ["2025-01-06", "2025-02-06", "2025-03-06"]),
        ("quarterly", ["2025-01-06", "2025-04-06", "2025-07-06"]),
        ("Half-Yearly", ["2025-01-06", "2025-07-06", "2026-01-06"]),
        ("annually", ["2025-01-06", "2026-01-06", "2027-01-06"]),
    ])
    func named(cadence: String, expected: [String]) throws {
        #expect(Array(try occurrences(cadence, from: "2025-01-06", through: "2030-01-01").prefix(3)) == days(expected))
    }

    @Test("month-end anchors fall back to shorter months' last day, in leap and common years")
    func monthEnd() throws {
        #expect(try occurrences("monthly", from: "2024-01-31", through: "2024-05-31")
                == days(["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30", "2024-05-31"]))
        #expect(try occurrences("monthly", from: "2025-01-30", through: "2025-03-31") == days(["2025-01-30", "2025-02-28", "2025-03-30"]))
        #expect(try occurrences("annually", from: "2024-02-29", through: "2028-03-01")
                == days(["2024-02-29", "2025-02-28", "2026-02-28", "2027-02-28", "2028-02-29"]))
        #expect(try occurrences("quarterly", from: "2025-11-30", through: "2026-06-01") == days(["2025-11-30", "2026-02-28", "2026-05-30"]))
    }

    @Test("BYDAY with ordinals: the last Friday, the first Monday")
    func ordinals() throws {
        #expect(try occurrences("FREQ=MONTHLY;BYDAY=-1FR", from: "2025-01-01", through: "2025-04-30")
                == days(["2025-01-31", "2025-02-28", "2025-03-28", "2025-04-25"]))
        #expect(try occurrences("RRULE:FREQ=MONTHLY;BYDAY=1MO", from: "2025-01-01", through: "2025-03-31")
                == days(["2025-01-06", "2025-02-03", "2025-03-03"]))
        #expect(try occurrences("FREQ=YEARLY;BYMONTH=11;BYDAY=4TH", from: "2025-01-01", through: "2026-12-31")
                == days(["2025-11-27", "2026-11-26"]))
    }

    @Test("BYMONTHDAY, including negative days counted from the month's end")
    func monthDays() throws {
        #expect(try occurrences("FREQ=MONTHLY;BYMONTHDAY=-1", from: "2024-01-15", through: "2024-04-30")
                == days(["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"]))
        #expect(try occurrences("FREQ=MONTHLY;BYMONTHDAY=1,15", from: "2025-01-10", through: "2025-02-28")
                == days(["2025-01-15", "2025-02-01", "2025-02-15"]))
        // RFC 5545: a BYMONTHDAY a month lacks is skipped, unlike a plain monthly anchor.
        #expect(try occurrences("FREQ=MONTHLY;BYMONTHDAY=31", from: "2025-01-01", through: "2025-05-31")
                == days(["2025-01-31", "2025-03-31", "2025-05-31"]))
        #expect(try occurrences("FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR", from: "2025-01-01", through: "2025-12-31")
                == days(["2025-06-13"]))
    }

    @Test("INTERVAL, COUNT and UNTIL limits")
    func limits() throws {
        #expect(try occurrences("FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,TH", from: "2025-01-01", through: "2025-02-01")
                == days(["2025-01-02", "2025-01-21", "2025-01-23"]))
        #expect(try occurrences("FREQ=MONTHLY;INTERVAL=2;COUNT=3", from: "2025-01-15", through: "2030-01-01")
                == days(["2025-01-15", "2025-03-15", "2025-05-15"]))
        #expect(try occurrences("FREQ=DAILY;INTERVAL=10;UNTIL=20250131", from: "2025-01-01", through: "2030-01-01")
                == days(["2025-01-01", "2025-01-11", "2025-01-21", "2025-01-31"]))
        #expect(try occurrences("FREQ=WEEKLY;UNTIL=20250115T235959Z", from: "2025-01-01", through: "2030-01-01")
                == days(["2025-01-01", "2025-01-08", "2025-01-15"]))
        // COUNT counts from the anchor even when the anchor itself is not an occurrence.
        #expect(try occurrences("FREQ=MONTHLY;BYDAY=-1FR;COUNT=2", from: "2025-01-01", through: "2030-01-01")
                == days(["2025-01-31", "2025-02-28"]))
        #expect(try occurrences("FREQ=YEARLY;BYMONTH=3,9", from: "2025-06-30", through: "2026-12-31")
                == days(["2025-09-30", "2026-03-30", "2026-09-30"]))
    }

    @Test("invalid cadences name the bad part", arguments: [
        ("sometimes", "sometimes"), ("FREQ=HOURLY", "FREQ=HOURLY"), ("FREQ=MONTHLY;BYDAY=-1XX", "BYDAY=-1XX"),
        ("FREQ=MONTHLY;INTERVAL=0", "INTERVAL=0"), ("FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY=32"),
        ("FREQ=MONTHLY;COUNT=2;UNTIL=20260101", "COUNT and UNTIL"), ("FREQ=WEEKLY;BYDAY=1MO", "BYDAY=1MO"),
        ("FREQ=MONTHLY;BYSETPOS=1", "BYSETPOS=1"), ("INTERVAL=2", "FREQ is missing"), ("FREQ=MONTHLY;BYMONTH=13", "BYMONTH=13"),
        ("FREQ=DAILY;UNTIL=2026-02-30", "UNTIL=2026-02-30"),
    ])
    func invalid(text: String, part: String) {
        let error = #expect(throws: ReviewError.self) { try Cadence(text) }
        #expect(error?.description.contains(part) == true, "\(String(describing: error))")
    }

    @Test("rules print back as normalised RRULE text")
    func text() throws {
        #expect(try Cadence("rrule:freq=monthly;byday=-1fr").name == "FREQ=MONTHLY;BYDAY=-1FR")
        #expect(try Cadence("FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=-1;UNTIL=20301231").rule.text == "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=-1;UNTIL=20301231")
        #expect(try Cadence("yearly").name == "annually")
    }
}

@Suite("Due and overdue")
struct DueTests {
    private func schedule(_ cadence: String, from start: String, subject: String = "BEN-1") throws -> ReviewSchedule {
        ReviewSchedule(id: 1, subject: subject, cadence: try Cadence(cadence), start: day(start), reviewer: "SRO")
    }

    @Test("the README example: last Friday monthly from 2025-01-01, reviewed 2025-06-30, is next due 2025-07-25")
    func designExample() throws {
        #expect(try schedule("FREQ=MONTHLY;BYDAY=-1FR", from: "2025-01-01").nextDue(lastReviewed: day("2025-06-30")) == day("2025-07-25"))
    }

    @Test("a review satisfies every occurrence up to and including its date")
    func reviewSatisfies() throws {
        let monthly = try schedule("monthly", from: "2025-01-15")
        #expect(monthly.nextDue(lastReviewed: nil) == day("2025-01-15"))
        #expect(monthly.nextDue(lastReviewed: day("2025-01-15")) == day("2025-02-15"))
        #expect(monthly.nextDue(lastReviewed: day("2025-03-01")) == day("2025-03-15"))
        #expect(monthly.nextDue(lastReviewed: day("2024-12-01")) == day("2025-01-15"))
    }

    @Test("due on the as-of day is due, not overdue; the day before is overdue by one")
    func asOfBoundary() throws {
        let monthly = try schedule("monthly", from: "2025-01-15")
        let onDay = DueReview.list([monthly], lastReviewed: [:], asOf: day("2025-01-15"), within: 0)
        #expect(onDay.map(\.status) == [.due])
        #expect(onDay.first?.daysOverdue == 0)
        let after = DueReview.list([monthly], lastReviewed: [:], asOf: day("2025-01-16"), within: 0)
        #expect(after.map(\.status) == [.overdue])
        #expect(after.first?.daysOverdue == 1)
        #expect(DueReview.list([monthly], lastReviewed: [:], asOf: day("2025-01-10"), within: 4).isEmpty)
        #expect(DueReview.list([monthly], lastReviewed: [:], asOf: day("2025-01-10"), within: 5).count == 1)
    }

    @Test("a finished schedule (COUNT reached and reviewed) is never due")
    func finished() throws {
        let twice = try schedule("FREQ=MONTHLY;COUNT=2", from: "2025-01-01")
        #expect(twice.nextDue(lastReviewed: day("2025-02-01")) == nil)
        #expect(twice.standing(lastReviewed: day("2025-02-01")) == nil)
    }

    @Test("the review book keeps each subject's latest review and orders the due list")
    func book() throws {
        let book = ReviewBook(schedules: [
            ReviewSchedule(id: 1, subject: "BEN-1", cadence: try Cadence("monthly"), start: day("2025-01-01"), reviewer: nil),
            ReviewSchedule(id: 2, subject: "MET-1", cadence: try Cadence("quarterly"), start: day("2025-01-01"), reviewer: "Analyst"),
        ], reviews: [("BEN-1", day("2025-05-01")), ("BEN-1", day("2025-03-01")), ("OTHER", day("2025-06-01"))])
        #expect(book.lastReviewed["BEN-1"] == day("2025-05-01"))
        let due = book.due(asOf: day("2025-06-10"), within: 0)
        #expect(due.map(\.schedule.subject) == ["MET-1", "BEN-1"])
        // Never reviewed, the quarterly review is due from its first occurrence, the anchor itself.
        #expect(due.map(\.due) == days(["2025-01-01", "2025-06-01"]))
        #expect(due.first?.daysOverdue == 160)
        #expect(book.standings.map(\.due) == days(["2025-06-01", "2025-01-01"]))
    }
}
