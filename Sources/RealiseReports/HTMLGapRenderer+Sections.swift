import RealiseGaps
import RealiseModel

/// The tabular sections of the HTML report: summary strip and coverage per objective.
extension HTMLGapRenderer {
    static func label(_ severity: Severity) -> String {
        switch severity {
        case .high: "High"
        case .medium: "Medium"
        case .low: "Low"
        }
    }

    func summary(_ report: GapReport) -> String {
        let s = report.summary, plan = report.plan
        let total = report.findings.count
        var out = "<section class=\"summary\" aria-label=\"Summary\">\n"
        out += "<p class=\"lead\">\(total == 0 ? "No gaps found." : "\(total) finding\(total == 1 ? "" : "s"): \(s.high) high, \(s.medium) medium, \(s.low) low severity.")</p>\n"
        out += "<div class=\"tiles\">\n"
        for (severity, count) in [(Severity.high, s.high), (.medium, s.medium), (.low, s.low)] {
            out += "<div class=\"tile \(severity.rawValue)\"><span class=\"count\">\(count)</span>"
                + "<span class=\"what\">\(Self.label(severity)) severity</span></div>\n"
        }
        let counts = [(plan.objectives.count, "objective"), (plan.benefits.count, "benefit"),
                      (plan.deliverables.count, "deliverable"), (plan.metrics.count, "metric")]
        out += "<div class=\"tile plan\"><span class=\"what\">In the plan</span><span class=\"counts\">"
            + counts.map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }.joined(separator: "<br/>") + "</span></div>\n"
        return out + "</div>\n</section>\n"
    }

    func coverage(_ report: GapReport) -> String {
        var out = "<section id=\"coverage\">\n<h2>Coverage by objective</h2>\n"
        guard !report.coverage.isEmpty else { return out + "<p class=\"empty\">The plan has no objectives.</p>\n</section>\n" }
        out += "<p class=\"note\">How many of each objective’s benefits (including those of objectives nested under it) have an "
            + "enabling deliverable, a metric with a baseline and a target, a recent measurement and an up-to-date review.</p>\n"
        out += "<table class=\"coverage\">\n<thead><tr><th scope=\"col\">Objective</th><th scope=\"col\" class=\"num\">Benefits</th>"
            + "<th scope=\"col\">With a deliverable</th><th scope=\"col\">Metric with baseline and target</th>"
            + "<th scope=\"col\">Recently measured</th><th scope=\"col\">Review up to date</th><th scope=\"col\">Latest review</th></tr></thead>\n<tbody>\n"
        let depth = Dictionary(BenefitsMapGraph(report: report).nodes(.objective).map { ($0.id, $0.depth) }, uniquingKeysWith: { first, _ in first })
        for row in report.coverage where row.level == "objective" {
            let indent = min(depth[row.objective] ?? 0, 4)
            out += "<tr><th scope=\"row\" class=\"objective depth-\(indent)\"><span class=\"id\">\(linked(row.objective))</span> "
                + "<span class=\"statement\">\(HTMLText.escape(HTMLText.clip(row.statement, 160)))</span></th>" + cells(row.benefits, [row.withDeliverable, row.withMeasurableMetric, row.recentlyMeasured, row.upToDateReview]) + Self.review(row) + "</tr>\n"
        }
        out += "</tbody>\n"
        let totals = report.coverage.filter { $0.level == "programme" }
        if !totals.isEmpty {
            out += "<tfoot>\n"
            for row in totals {
                let scope = row.objective == "*" ? "all benefits" : "all benefits of \(HTMLText.escape(row.statement))"
                out += "<tr><th scope=\"row\">Programme total <span class=\"statement\">(\(scope))</span></th>"
                    + cells(row.benefits, [row.withDeliverable, row.withMeasurableMetric, row.recentlyMeasured, row.upToDateReview]) + Self.review(row) + "</tr>\n"
            }
            out += "</tfoot>\n"
        }
        return out + "</table>\n</section>\n"
    }

    /// The benefit count and one bar cell per count of benefits.
    private func cells(_ benefits: Int, _ counts: [Int]) -> String {
        var out = "<td class=\"num\">\(benefits)</td>"
        for count in counts {
            guard benefits > 0 else { out += "<td class=\"none\">no benefits</td>"; continue }
            let percent = Int((Double(count) * 100 / Double(benefits)).rounded())
            let level = percent >= 80 ? "good" : (percent >= 50 ? "fair" : "poor")
            out += "<td><div class=\"bar \(level)\"><span class=\"track\"><span class=\"fill\" style=\"width: \(min(100, percent))%\"></span></span>"
                + "<span class=\"value\">\(count)/\(benefits) <span class=\"pct\">\(percent)%</span></span></div></td>"
        }
        return out
    }

    /// A file path, escaped, that may break after each `/`.
    static func path(_ path: String) -> String {
        HTMLText.escape(path).split(separator: "/", omittingEmptySubsequences: false).joined(separator: "/<wbr/>")
    }
}
