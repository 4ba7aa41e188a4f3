import RealiseGaps
import RealiseModel

/// The gap report as one self-contained HTML5 file for a board paper: no external assets, no script, no web
/// fonts; charts and the benefits map are inline SVG. It shows, in order: the programme(s) and as-of date,
/// a summary of findings by severity, coverage per objective with bars, what changed since an earlier day (when
/// the report compares with one), the findings grouped by severity, the agreed actions, one trajectory chart per
/// numeric metric, and the benefits map with gap subjects highlighted.
///
/// Every text from the plan is escaped with ``HTMLText/escape(_:)``, and a Content-Security-Policy forbids
/// script and remote loads as a second line of defence. Output is deterministic (no clock, stable order)
/// and well-formed XML as well as HTML. Printing needs no background colours: severity and gaps are always
/// spelt out in text or marked by shape as well as colour.
public struct HTMLGapRenderer: GapReportRenderer {
    /// The address of an entity's page, given its id, for a report embedded in pages that have one; subject and
    /// objective ids then link to their pages. Nil (a self-contained file) links nothing.
    public var entityLink: (@Sendable (String) -> String)?
    /// Whether the report draws a trajectory chart per metric (a page of a large plan leaves them to each metric's page:
    /// drawn for every metric, they would be most of its weight).
    public var drawsCharts: Bool

    /// A renderer that links ids to pages with `entityLink` (none by default), drawing the charts unless told not to.
    public init(entityLink: (@Sendable (String) -> String)? = nil, drawsCharts: Bool = true) {
        self.entityLink = entityLink
        self.drawsCharts = drawsCharts
    }

    /// `id`, escaped, as a link to its page when the report has ``entityLink``.
    func linked(_ id: String) -> String {
        guard let entityLink else { return HTMLText.escape(id) }
        return "<a href=\"\(HTMLText.escape(entityLink(id)))\">\(HTMLText.escape(id))</a>"
    }

    /// The whole HTML document.
    public func render(_ report: GapReport) -> String {
        let title = Self.title(report.plan)
        var out = Self.documentStart(title: "\(HTMLText.escape(title)) — gap report as of \(report.asOf)",
                                     extraCSS: report.since == nil ? "" : Self.sinceCSS)
        out += header(report, title: title)
        out += sections(report)
        return out + "</main>\n</body>\n</html>\n"
    }

    /// The report's sections after its header, for a page that embeds the report under a heading of its own: the
    /// summary, coverage, what changed since an earlier day, findings, actions, charts, the map and the footer.
    /// They need ``css``, and ``sinceCSS`` as well when the report has a `since`.
    public func sections(_ report: GapReport) -> String {
        summary(report) + coverage(report) + since(report) + findings(report) + actions(report) + (drawsCharts ? charts(report) : "")
            + map(report) + footer(report)
    }

    /// The document up to the start of its content: the head (`title`, already escaped, the stylesheet and a
    /// Content-Security-Policy that forbids script and remote loads), then `<body>` and `<main>`. `extraCSS` is
    /// appended to the stylesheet.
    static func documentStart(title: String, extraCSS: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="Realise"/>
        <title>\(title)</title>
        <style>
        \(css)\(extraCSS)</style>
        </head>
        <body>
        <main>

        """
    }

    /// The programme names joined, or a generic title for a plan without a programme.
    static func title(_ plan: Plan) -> String {
        let names = plan.programmes.map { HTMLText.oneLine($0.name) }.filter { !$0.isEmpty }
        return names.isEmpty ? "Benefits realisation" : names.joined(separator: " · ")
    }

    private func header(_ report: GapReport, title: String) -> String {
        var out = "<header class=\"report\">\n<p class=\"kicker\">Benefits realisation gap report</p>\n"
        out += "<h1>\(HTMLText.escape(title))</h1>\n<p class=\"asof\">As of <strong>\(report.asOf)</strong></p>\n"
        let organisations = Dictionary(report.plan.organisations.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        for programme in report.plan.programmes {
            var facts = ["Programme \(HTMLText.escape(programme.id))"]
            if let owner = programme.owner { facts.append("SRO: \(HTMLText.escape(owner))") }
            if let sponsor = programme.organisation {
                facts.append("Sponsor: \(HTMLText.escape(organisations[sponsor] ?? sponsor))")
            }
            out += "<p class=\"meta\">\(facts.joined(separator: " · "))</p>\n"
        }
        return out + "</header>\n"
    }

    /// Who produced the report, on what terms, and every file it read (values files included), so that a
    /// printed copy can be traced back to its sources.
    private func footer(_ report: GapReport) -> String {
        var out = "<footer>\n<p>Produced by Realise as of \(report.asOf). Trajectory tolerance: "
            + "\(HTMLText.number(report.tolerance * 100)) % of the baseline-to-target distance.</p>\n"
        if !report.sources.isEmpty {
            let count = report.sources.count
            out += "<p class=\"sources\">Sources (\(count) file\(count == 1 ? "" : "s")): "
                + report.sources.map { "<code>\(Self.path($0))</code>" }.joined(separator: ", ") + ".</p>\n"
        }
        return out + "</footer>\n"
    }
}
