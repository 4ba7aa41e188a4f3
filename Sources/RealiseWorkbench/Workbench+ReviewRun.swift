import RealiseModel
import RealiseReports

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
