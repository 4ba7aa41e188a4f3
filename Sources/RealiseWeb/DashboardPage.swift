import RealiseGaps
import RealiseModel
import RealiseReports
import RealiseReviews

/// The first page after logging in: the findings counted by severity, coverage per objective, the reviews overdue and
/// due soon, the latest changes, and the viewer's reviews calendar feed.
public struct DashboardPage: Sendable {
    /// A review schedule's next occurrence with its subject, as `Workbench.dueReviews(asOf:within:)` gives it.
    public typealias Due = (review: DueReview, subject: Listing.Subject)

    /// Who the page is for.
    public var viewer: PageViewer
    /// The gap report on the current plan (the findings and coverage shown).
    public var report: GapReport
    /// The reviews overdue and due within the next 30 days.
    public var due: [Due]
    /// The latest changes of the change log (`Workbench.changes(limit:)`); shown newest first.
    public var changes: [ChangeRecord]
    /// The viewer's own reviews calendar feed (an iCalendar URL), when there is one.
    public var calendarURL: String?

    /// The dashboard of `report`, with `due` reviews and the latest `changes`.
    public init(viewer: PageViewer, report: GapReport, due: [Due], changes: [ChangeRecord], calendarURL: String? = nil) {
        self.viewer = viewer
        self.report = report
        self.due = due
        self.changes = changes
        self.calendarURL = calendarURL
    }

    /// The whole page.
    public func render() -> String {
        var body = "<h1>Dashboard</h1>\n<p class=\"asof\">As of <strong>\(report.asOf)</strong></p>\n"
        body += findings + coverage + reviews + recent + calendar
        return PageLayout(title: "Dashboard", viewer: viewer, current: WebPath.dashboard).render(body)
    }

    /// One tile per severity, each a link to the findings of that severity.
    private var findings: String {
        let summary = report.summary, total = report.findings.count
        var out = "<section aria-labelledby=\"findings-heading\">\n<h2 id=\"findings-heading\">Findings</h2>\n"
        out += "<p class=\"lead\">\(total == 0 ? "No gaps found." : "\(total) finding\(total == 1 ? "" : "s") in the plan.")</p>\n<div class=\"tiles\">\n"
        for (severity, count) in [(Severity.high, summary.high), (.medium, summary.medium), (.low, summary.low)] {
            let href = Markup.esc(WebPath.gaps([("severity", severity.rawValue)]))
            out += "<a class=\"tile \(severity.rawValue)\" href=\"\(href)\"><span class=\"count\">\(count)</span>"
                + "<span class=\"what\">\(severity.rawValue.capitalized) severity</span></a>\n"
        }
        return out + "</div>\n</section>\n"
    }

    /// A row per objective: its benefits and how many have each thing a realised benefit needs.
    private var coverage: String {
        var out = "<section aria-labelledby=\"coverage-heading\">\n<h2 id=\"coverage-heading\">Coverage by objective</h2>\n"
        let rows = report.coverage.filter { $0.level == "objective" }
        guard !rows.isEmpty else { return out + "<p class=\"empty\">The plan has no objectives.</p>\n</section>\n" }
        out += "<div class=\"scroll\"><table class=\"coverage\">\n"
            + Markup.head(["Objective", "Benefits", "With a deliverable", "Metric with baseline and target", "Recently measured", "Review up to date"])
            + "<tbody>\n"
        for row in rows {
            out += "<tr><th scope=\"row\">\(Markup.entity(row.objective)) <span class=\"statement\">\(Markup.esc(row.statement))</span></th>"
                + "<td class=\"num\">\(row.benefits)</td>"
                + [row.withDeliverable, row.withMeasurableMetric, row.recentlyMeasured, row.upToDateReview].map { count in
                    "<td class=\"num\">\(count)/\(row.benefits)" + (row.percent(count).map { " <span class=\"pct\">\($0)%</span>" } ?? "") + "</td>"
                }.joined() + "</tr>\n"
        }
        return out + "</tbody>\n</table></div>\n</section>\n"
    }

    /// The reviews overdue, then those due within 30 days.
    private var reviews: String {
        var out = "<section aria-labelledby=\"reviews-heading\">\n<h2 id=\"reviews-heading\">Reviews</h2>\n"
        for (status, heading) in [(DueReview.Status.overdue, "Overdue"), (.due, "Due within 30 days")] {
            let entries = due.filter { $0.review.status == status }
            out += "<h3>\(heading) (\(entries.count))</h3>\n"
            guard !entries.isEmpty else { out += "<p class=\"empty\">None.</p>\n"; continue }
            out += "<div class=\"scroll\"><table class=\"due\">\n" + Markup.head(["Subject", "Due", "Cadence", "Reviewer"]) + "<tbody>\n"
            for entry in entries {
                let review = entry.review, subject = entry.subject
                let late = review.daysOverdue > 0 ? " <span class=\"off\">(\(review.daysOverdue) day\(review.daysOverdue == 1 ? "" : "s") late)</span>" : ""
                out += "<tr><td><span class=\"type\">\(Markup.esc(subject.type))</span> \(Markup.entity(subject.id)) "
                    + "<span class=\"name\">\(Markup.esc(subject.name))</span></td><td>\(review.due)\(late)</td>"
                    + "<td>\(Markup.esc(review.schedule.cadence.name))</td><td>\(Markup.esc(review.schedule.reviewer ?? ""))</td></tr>\n"
            }
            out += "</tbody>\n</table></div>\n"
        }
        return out + "</section>\n"
    }

    /// The change log, newest first; a subject that is an entity of the plan links to its page.
    private var recent: String {
        var out = "<section aria-labelledby=\"changes-heading\">\n<h2 id=\"changes-heading\">Recent changes</h2>\n"
        guard !changes.isEmpty else { return out + "<p class=\"empty\">No changes recorded yet.</p>\n</section>\n" }
        let entities = Set(report.plan.entityIndex.map(\.id))
        out += "<div class=\"scroll\"><table class=\"log\">\n" + Markup.head(["When", "Who", "What", "About", "Change"]) + "<tbody>\n"
        for change in changes.sorted(by: { ($0.at, $0.id) > ($1.at, $1.id) }) {
            let subject = change.subject.map { entities.contains($0) ? Markup.entity($0) : "<code>\(Markup.esc($0))</code>" } ?? ""
            out += "<tr><td>\(Markup.esc(change.at))</td><td>\(Markup.esc(change.actor))</td><td>\(change.action.rawValue)</td>"
                + "<td>\(subject)</td><td>\(Markup.esc(change.summary))</td></tr>\n"
        }
        return out + "</tbody>\n</table></div>\n</section>\n"
    }

    /// The viewer's calendar feed, to subscribe to in a calendar program.
    private var calendar: String {
        guard let calendarURL else { return "" }
        return "<section aria-labelledby=\"calendar-heading\">\n<h2 id=\"calendar-heading\">Your reviews calendar</h2>\n"
            + "<p class=\"note\">Subscribe to this address in Outlook, Google Calendar or Thunderbird to see the reviews you are due to hold.</p>\n"
            + "<p>\(Self.feed(calendarURL))</p>\n</section>\n"
    }

    /// The feed's address as a link when it is a web or calendar address (never another scheme), as text otherwise.
    static func feed(_ url: String) -> String {
        let lowered = url.lowercased()
        guard ["https://", "http://", "webcal://"].contains(where: { lowered.hasPrefix($0) }) else { return "<code>\(Markup.esc(url))</code>" }
        return "<a href=\"\(Markup.esc(url))\"><code>\(Markup.esc(url))</code></a>"
    }
}
