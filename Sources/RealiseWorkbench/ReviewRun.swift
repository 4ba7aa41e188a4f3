import RealiseGaps
import RealiseModel
import RealiseReports
import RealiseReviews

/// What a review run (the job a cron entry or a timer calls) found as of its day: the gap report, the reviews due
/// and overdue, and the documents it leaves for people to read.
public struct ReviewRun: Sendable {
    /// A document of the run: a file name and its contents.
    public struct Document: Sendable, Hashable {
        /// The file's name, dated: `gaps-2026-01-31.html`.
        public var name: String
        /// The text to write into it.
        public var contents: String
    }

    /// The day the run is as of.
    public var day: Day
    /// The gap report as of that day.
    public var report: GapReport
    /// Reviews overdue on the day and those due within the window, with their subjects.
    public var due: [(review: DueReview, subject: Listing.Subject)]
    /// `gaps-DAY.html`, `gaps-DAY.json` and `reviews-due-DAY.json`, in that order.
    public var documents: [Document]

    /// The reviews overdue on the day.
    public var overdue: [DueReview] { due.map(\.review).filter { $0.status == .overdue } }
}
