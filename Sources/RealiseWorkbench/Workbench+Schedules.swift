import Foundation
import RealiseModel
import RealiseReports
import RealiseReviews
import RealiseStore

extension Workbench {
    /// Schedules a periodic review of `subject` (its id in any case) on `cadence` (a named cadence or an RRULE),
    /// counted from `start`.
    /// - Returns: the schedule as stored, its subject as the workspace spells the id.
    /// - Throws: `.cadence` for a cadence that is neither, before anything is written.
    public func scheduleReview(subject: String, every cadence: String, from start: Day,
                               reviewer: String? = nil) throws(WorkbenchError) -> ReviewSchedule {
        let interpreted: Cadence
        do { interpreted = try Cadence(cadence) } catch { throw .cadence(error) }
        return try store { workspace throws(StoreError) in
            let subject = try workspace.resolveEntity(subject).id
            let id = try workspace.addSchedule(subject: subject, cadence: interpreted.name, start: start, reviewer: reviewer)
            return ReviewSchedule(id: id, subject: subject, cadence: interpreted, start: start, reviewer: reviewer)
        }
    }

    /// Removes review schedule `id`; the reviews held are kept.
    public func unscheduleReview(id: Int64) throws(WorkbenchError) {
        try store { workspace throws(StoreError) in try workspace.removeSchedule(id: id) }
    }

    /// The review schedules with their subjects and next due days.
    public func scheduleListing() throws(WorkbenchError) -> Listing {
        let book = try reviewBook(), subjects = try reviewSubjects()
        return .schedules(book.schedules.map { schedule in
            (schedule, subjects.subject(schedule.subject), schedule.nextDue(lastReviewed: book.lastReviewed[schedule.subject]))
        })
    }

    /// The reviews overdue on `day` and those due within `within` days of it, with their subjects.
    /// - Throws: `.badRequest` for a negative `within`.
    public func dueReviews(asOf day: Day, within: Int) throws(WorkbenchError) -> [(review: DueReview, subject: Listing.Subject)] {
        guard within >= 0 else { throw .badRequest("the number of days ahead to list reviews due within must be 0 or more, not \(within)") }
        let due = try reviewBook().due(asOf: day, within: within)
        let subjects = try reviewSubjects()
        return due.map { ($0, subjects.subject($0.schedule.subject)) }
    }

    /// The reviews of `subject` (its id in any case), oldest first.
    public func reviews(of subject: String) throws(WorkbenchError) -> [Workspace.StoredReview] {
        try store { workspace throws(StoreError) in try workspace.reviews(subject: subject) }
    }

    /// The review schedule as iCalendar events, each with the metrics to bring and their latest values and next targets
    /// as of `day`; `stamp` is the file's DTSTAMP. With `reviewer`, only the schedules whose reviewer is that person
    /// (compared ignoring case and surrounding spaces): one person's calendar.
    /// - Throws: `.badRequest` for a horizon outside 1 to 36 600 days.
    public func reviewCalendar(asOf day: Day, stamp: Date, horizon: Int, reviewer: String? = nil) throws(WorkbenchError) -> String {
        guard horizon > 0, horizon <= 36_600 else { throw .badRequest("a calendar covers 1 to 36600 days, not \(horizon)") }
        let book = try reviewBook(), subjects = try reviewSubjects()
        let plan = try store { workspace throws(StoreError) in try workspace.loadPlan() }
        let person = { (name: String?) in name?.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }
        let schedules = reviewer == nil ? book.schedules : book.schedules.filter { person($0.reviewer) == person(reviewer) }
        let entries = schedules.map { schedule in
            ICalendarWriter.Entry(schedule: schedule, subjectType: subjects[schedule.subject]?.type ?? "subject",
                                  subjectName: subjects[schedule.subject]?.name ?? "",
                                  metrics: ReviewBriefing.metricsToBring(subject: schedule.subject, plan: plan, asOf: day))
        }
        return ICalendarWriter(stamp: stamp, horizonDays: horizon).render(entries)
    }
}
