import RealiseGaps
import RealiseModel
import RealiseReports
import RealiseReviews

/// What a review run (the job a cron entry or a timer calls) found as of its day: the gap report, the reviews due
/// and overdue, and the documents it leaves for people to read.
public struct ReviewRun: Sendable {
    /// A document of the run: a file name and its contents.
    public struct Document: Sendable, Hashable {
        public var name: String
        public var contents: String
    }

    public var day: Day
    public var report: GapReport
    /// Reviews overdue on the day and those due within the window, with their subjects.
    public var due: [(review: DueReview, subject: Listing.Subject)]
    /// `gaps-DAY.html`, `gaps-DAY.json` and `reviews-due-DAY.json`, in that order.
    public var documents: [Document]

    /// The reviews overdue on the day.
    public var overdue: [DueReview] { due.map(\.review).filter { $0.status == .overdue } }
}

extension Workbench {
    /// The review run as of `asOf` (the current plan judged as of `today` when nil): the gap report on the plan as it
    /// stood then, with the workspace's whole history (actions included), and the reviews due within `within` days.
    public func reviewRun(asOf: Day? = nil, today: Day, within: Int) throws(WorkbenchError) -> ReviewRun {
        let request = try GapReportRequest(asOf: asOf, today: today)
        let day = request.day
        let report = try gapReport(request)
        let book = try reviewBook(), subjects = try reviewSubjects()
        let due = book.due(asOf: day, within: within).map { ($0, subjects.subject($0.schedule.subject)) }
        let documents = [ReviewRun.Document(name: "gaps-\(day).html", contents: GapReportFormat.html.renderer().render(report)),
                         ReviewRun.Document(name: "gaps-\(day).json", contents: JSONGapRenderer().render(report)),
                         ReviewRun.Document(name: "reviews-due-\(day).json", contents: ListFormat.json.render(Listing.dueReviews(due)))]
        return ReviewRun(day: day, report: report, due: due, documents: documents)
    }
}
