import RealiseGaps
import RealiseModel
import RealiseReports
import RealiseReviews
import RealiseStore

extension Workbench {
    /// The workspace's review schedules, their cadences interpreted, and the reviews held.
    public func reviewBook() throws(WorkbenchError) -> ReviewBook {
        let stored = try store { workspace throws(StoreError) in (try workspace.schedules(), try workspace.reviews()) }
        do {
            let schedules = try stored.0.map { schedule throws(ReviewError) in
                ReviewSchedule(id: schedule.id, subject: schedule.subject, cadence: try Cadence(schedule.cadence), start: schedule.start,
                               reviewer: schedule.reviewer)
            }
            return ReviewBook(schedules: schedules, reviews: stored.1.map { ($0.subject, $0.date) })
        } catch { throw .unreadableSchedule(workspace: address, error) }
    }

    /// What the gap report knows beyond the plan: revisions (those made by `day`, when given), review standings, review
    /// outcomes and actions. Every report loads its history here, so none of them misses a part of it.
    public func gapHistory(asOf day: Day? = nil) throws(WorkbenchError) -> GapHistory {
        let book = try reviewBook()
        return try store { workspace throws(StoreError) in
            let revisions = if let day { try workspace.revisions(asOf: day) } else { try workspace.revisions() }
            return GapHistory(revisions: revisions, reviews: book.standings, outcomes: try reviewOutcomes(workspace),
                              actions: try workspace.actions())
        }
    }

    /// Every review held, as the gap report reads it.
    private func reviewOutcomes(_ workspace: Workspace) throws(StoreError) -> [ReviewOutcome] {
        try workspace.reviews().map { ReviewOutcome(subject: $0.subject, date: $0.date, rag: $0.rag, reviewer: $0.reviewer, note: $0.note) }
    }

    /// The subjects of review schedules by id, with their type and name, as listings show them.
    func reviewSubjects() throws(WorkbenchError) -> [String: Listing.Subject] {
        try store { workspace throws(StoreError) in
            let subjects = try workspace.schedules().map { schedule in
                (schedule.subject, Listing.Subject(type: schedule.subjectType.rawValue, id: schedule.subject, name: schedule.subjectName))
            }
            return Dictionary(subjects, uniquingKeysWith: { first, _ in first })
        }
    }
}

extension [String: Listing.Subject] {
    /// The subject with id `id`; one with no type and no name when no schedule names it.
    func subject(_ id: String) -> Listing.Subject { self[id] ?? Listing.Subject(type: "", id: id, name: "") }
}
