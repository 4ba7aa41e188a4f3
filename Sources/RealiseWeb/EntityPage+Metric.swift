import RealiseModel
import RealiseReports

/// A metric's trajectory chart and the history of its values.
extension EntityPage {
    var metricSections: String {
        guard let metric = details.plan.metrics.first(where: { $0.id == id }) else { return "" }
        let values = details.plan.values.filter { $0.metric == id }.sorted { ($0.date, $0.kind.rawValue) < ($1.date, $1.kind.rawValue) }
        var out = "<section aria-labelledby=\"trajectory-heading\">\n<h2 id=\"trajectory-heading\">Trajectory</h2>\n"
        if let chart = InlineSVG.trajectoryChart(metric: metric, values: values, trajectory: report.trajectories[id], asOf: report.asOf) {
            out += "<figure class=\"chart\">\n<figcaption>\(Markup.esc(metric.id)) \(Markup.esc(metric.name))</figcaption>\n\(chart)\n</figure>\n"
        } else {
            out += "<p class=\"empty\">No chart: the metric is qualitative or has no numeric baseline, target or measurement yet.</p>\n"
        }
        out += "</section>\n<section aria-labelledby=\"values-heading\">\n<h2 id=\"values-heading\">Values (\(values.count))</h2>\n"
        guard !values.isEmpty else { return out + "<p class=\"empty\">No baseline, target or measurement yet.</p>\n</section>\n" }
        let unit = metric.unit.map { " (\($0))" } ?? ""
        out += "<div class=\"scroll\"><table class=\"values\">\n" + Markup.head(["Date", "Kind", "Value" + unit, "Source", "Note"]) + "<tbody>\n"
        for value in values {
            let shown = value.value.map { $0.plainText } ?? value.text ?? ""
            out += "<tr><td>\(value.date)</td><td>\(value.kind.rawValue)</td><td class=\"num\">\(Markup.esc(shown))</td>"
                + "<td>\(Markup.esc(value.dataSource ?? ""))</td><td>\(Markup.esc(value.note ?? ""))</td></tr>\n"
        }
        return out + "</tbody>\n</table></div>\n</section>\n"
    }
}
