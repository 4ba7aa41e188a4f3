import RealiseGaps
import RealiseReports

/// The benefits map, drawn as the HTML report draws it (inline SVG, gap subjects highlighted), with a link to the
/// map as an SVG file.
public struct MapPage: Sendable {
    /// Who the page is for.
    public var viewer: PageViewer
    /// The gap report whose plan is mapped and whose findings are highlighted.
    public var report: GapReport

    /// The map of `report.plan`.
    public init(viewer: PageViewer, report: GapReport) {
        self.viewer = viewer
        self.report = report
    }

    /// The whole page.
    public func render() -> String {
        var body = "<h1>Benefits map</h1>\n<p class=\"asof\">As of <strong>\(report.asOf)</strong></p>\n"
        body += "<p class=\"downloads\"><a href=\"\(WebPath.mapSVG)\" download=\"benefits-map.svg\">Download the map as SVG</a></p>\n"
        // The report's section carries its own heading (`<h2>`) under this page's `<h1>`.
        body += HTMLGapRenderer().map(report)
        return PageLayout(title: "Benefits map", viewer: viewer, current: WebPath.map).render(body)
    }
}
