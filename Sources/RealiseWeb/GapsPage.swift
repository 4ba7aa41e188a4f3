import RealiseGaps
import RealiseReports

/// The gap report in the workspace: a filter form (GET, so that a filtered report has an address to share), links to
/// download the same report in each format, and the report itself as the HTML report shows it.
public struct GapsPage: Sendable {
    /// The filter as the query gave it, to fill the form and build the download links; texts as typed.
    public struct Query: Sendable, Equatable {
        /// The day the report is as of (`YYYY-MM-DD`), empty for today.
        public var asOf: String
        /// Comma-separated rule ids to run only.
        public var only: String
        /// Comma-separated rule ids to skip.
        public var skip: String
        /// `high`, `medium` or `low`: only findings of that severity; empty for all.
        public var severity: String

        /// A query; empty texts are left out of links.
        public init(asOf: String = "", only: String = "", skip: String = "", severity: String = "") {
            self.asOf = asOf
            self.only = only
            self.skip = skip
            self.severity = severity
        }

        /// The query's pairs in the order the form sends them, empty ones left out by `WebPath.gaps`.
        public var pairs: [(String, String)] { [("as-of", asOf), ("only", only), ("skip", skip), ("severity", severity)] }
    }

    /// The formats the report downloads in, with their link text.
    public static let formats = [("html", "HTML"), ("json", "JSON"), ("csv", "CSV"), ("md", "Markdown"), ("xlsx", "Excel workbook")]

    /// Who the page is for.
    public var viewer: PageViewer
    /// The report, already filtered as the query asks.
    public var report: GapReport
    /// The filter the report was made with.
    public var query: Query

    /// The page of `report`, made as `query` asks.
    public init(viewer: PageViewer, report: GapReport, query: Query = Query()) {
        self.viewer = viewer
        self.report = report
        self.query = query
    }

    /// The whole page.
    public func render() -> String {
        var body = "<h1>Gap report</h1>\n<p class=\"asof\">As of <strong>\(report.asOf)</strong>"
            + (query.severity.isEmpty ? "" : " · \(Markup.esc(query.severity)) severity only") + "</p>\n"
        body += filter + downloads
        body += "<p class=\"note\">Each metric's trajectory chart is on its page; the HTML download, the board report, has them all.</p>\n"
        // Charts for every metric would be most of the page's weight on a large plan (over 100 MB for 30 000 metrics).
        body += HTMLGapRenderer(entityLink: { WebPath.entity($0) }, drawsCharts: false).sections(report)
        return PageLayout(title: "Gap report", viewer: viewer, current: WebPath.gaps, extraCSS: Self.extraCSS(report)).render(body)
    }

    /// The report's own rules beyond the shared stylesheet (those of its "Since" section, when it has one).
    private static func extraCSS(_ report: GapReport) -> String {
        report.since == nil ? "" : HTMLGapRenderer.sinceCSS
    }

    private var filter: String {
        var fields = Markup.input("As of", name: "as-of", id: "gaps-as-of", type: "date", value: query.asOf)
        fields += Markup.input("Only these rules (comma-separated)", name: "only", id: "gaps-only", value: query.only)
        fields += Markup.input("Skip these rules (comma-separated)", name: "skip", id: "gaps-skip", value: query.skip)
        fields += Markup.select("Severity", name: "severity", id: "gaps-severity",
                                options: [("", "All")] + Severity.allCases.map { ($0.rawValue, $0.rawValue.capitalized) },
                                selected: query.severity)
        return "<form method=\"get\" action=\"\(WebPath.gaps)\" class=\"filter\" aria-label=\"Filter the report\">\n\(fields)"
            + "<p><button type=\"submit\">Show</button></p>\n</form>\n"
    }

    private var downloads: String {
        "<p class=\"downloads\">Download: " + Self.formats.map { format, label in
            "<a href=\"\(Markup.esc(WebPath.gaps(query.pairs + [("format", format)])))\">\(label)</a>"
        }.joined(separator: " ") + "</p>\n"
    }
}
