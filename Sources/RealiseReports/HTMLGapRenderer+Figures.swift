import RealiseGaps
import RealiseModel

/// The figure sections of the HTML report: metric trajectory charts and the benefits map.
extension HTMLGapRenderer {
    func charts(_ report: GapReport) -> String {
        var out = "<section id=\"trajectories\">\n<h2>Metric trajectories</h2>\n"
        let values = Dictionary(grouping: report.plan.values, by: \.metric)
        let findings = Dictionary(grouping: report.findings.filter { $0.subject.type == EntityType.metric.rawValue }, by: \.subject.id)
        let since = report.since?.from.date
        let earlierTrajectories = since == nil ? [:] : report.earlierTrajectories
        let charts = report.plan.metrics.compactMap { metric in
            let earlier = since.flatMap { day in earlierTrajectories[metric.id].map { (trajectory: $0, day: day) } }
            return SVGTrajectoryChart(metric: metric, values: values[metric.id] ?? [], trajectory: report.trajectories[metric.id],
                                      asOf: report.asOf, earlier: earlier)
        }
        guard !charts.isEmpty else {
            return out + "<p class=\"empty\">No numeric metric has a baseline, a target or a measurement yet.</p>\n</section>\n"
        }
        out += "<p class=\"note\">The green line is the target trajectory: straight from the baseline through each dated target, "
            + "held at the final target after its date. The shaded band is the tolerance (\(HTMLText.number(report.tolerance * 100)) % of the "
            + "baseline-to-target distance) on the worse side. Red diamonds are measurements worse than the trajectory by more than the tolerance."
            + (since.map { day in charts.contains { $0.earlier != nil } ? " A dashed green line is the trajectory as the plan stated it "
                + "on \(day), where its baseline or targets have changed since." : "" } ?? "") + "</p>\n"
        out += "<div class=\"charts\">\n"
        for chart in charts {
            let metric = chart.metric
            out += "<figure class=\"chart\">\n<figcaption><span class=\"id\">\(HTMLText.escape(metric.id))</span> "
                + "\(HTMLText.escape(HTMLText.oneLine(metric.name)))</figcaption>\n"
            out += chart.render() + "\n"
            out += "<p class=\"facts\">\(facts(chart).joined(separator: " · "))</p>\n"
            for finding in findings[metric.id] ?? [] {
                out += "<p class=\"flag\"><span class=\"badge \(finding.severity.rawValue)\">\(Self.label(finding.severity))</span> "
                    + "<code>\(HTMLText.escape(finding.rule))</code> \(HTMLText.escape(finding.message))</p>\n"
            }
            out += "</figure>\n"
        }
        return out + "</div>\n</section>\n"
    }

    /// Baseline, final target, latest measurement and direction, as escaped HTML fragments.
    private func facts(_ chart: SVGTrajectoryChart) -> [String] {
        let metric = chart.metric
        var facts: [String] = []
        if let baseline = chart.baselines.last { facts.append("Baseline \(HTMLText.escape(chart.text(baseline.value))) on \(baseline.day)") }
        if let target = chart.targets.last { facts.append("Final target \(HTMLText.escape(chart.text(target.value))) by \(target.day)") }
        if let latest = chart.dots.last {
            var text = "Latest \(HTMLText.escape(chart.text(latest.value))) on \(latest.day)"
            if let expected = latest.expected {
                text += " (expected \(HTMLText.escape(chart.text(expected))), " + (latest.off ? "<strong class=\"off\">off trajectory</strong>)" : "within tolerance)")
            }
            facts.append(text)
        } else {
            facts.append("No measurement yet")
        }
        facts.append(metric.direction == .maintain ? "Should be maintained" : "\(metric.direction == .increase ? "Higher" : "Lower") is better")
        if let frequency = metric.frequency { facts.append("Collected \(frequency.rawValue)") }
        if let owner = metric.owner { facts.append("Owner: \(HTMLText.escape(owner))") }
        return facts
    }

    /// The benefits map section: a note on reading it, one drawing per page of the map (inline SVG) and a key under each;
    /// a sentence instead when there is nothing to draw or too much.
    public func map(_ report: GapReport) -> String {
        var out = "<section id=\"map\">\n<h2>Benefits map</h2>\n"
        let map = SVGBenefitsMap(report: report)
        guard let layout = map.layout else {
            let count = map.graph.nodes.count
            return out + "<p class=\"empty\">" + (count == 0 ? "The plan has nothing to map."
                : "The map has \(count) entities, too many to draw legibly here; use <code>realise map --format dot</code>.") + "</p>\n</section>\n"
        }
        let drawings = map.render(layout)
        out += "<p class=\"note\">Arrows point from what serves to what it serves: deliverables enable benefits, benefits contribute to "
            + "objectives. Each benefit holds the metrics that measure it. Deliverables shown are those a benefit depends on directly, "
            + "deliverables serving no benefit (orphans) and any other deliverable with a finding. Every box gives its full text and the "
            + "title of each finding; links to entities drawn elsewhere are written in the box."
            + (drawings.count > 1 ? " The map is drawn one objective at a time, each on a page of its own (a large one on several)." : "") + "</p>\n"
        for (page, svg) in zip(layout.pages, drawings) {
            out += "<div class=\"map-page\">\n"
            if drawings.count > 1 {
                let heading = page.objective.flatMap { map.graph.node($0) }.map { "\($0.id) \(HTMLText.oneLine($0.name))" } ?? "Linked to no objective"
                let part = page.parts > 1 ? " (page \(page.part) of \(page.parts))" : ""
                out += "<h3>\(HTMLText.escape(HTMLText.clip(heading, 140) + part))</h3>\n"
            }
            out += "<figure class=\"map\">\n" + svg + "\n" + legend(map.graph) + "</figure>\n</div>\n"
        }
        return out + "</section>\n"
    }

    /// The key under each drawing of the map.
    private func legend(_ graph: BenefitsMapGraph) -> String {
        "<figcaption class=\"legend\">"
            + "<span><i class=\"key objective\"></i>Objective</span><span><i class=\"key benefit\"></i>Benefit</span>"
            + "<span><i class=\"key metric\"></i>Metric (inside the benefit it measures)</span><span><i class=\"key deliverable\"></i>Deliverable</span>"
            + "<span><i class=\"key orphan\"></i>Orphan deliverable (dashed)</span>"
            + "<span><i class=\"key gap\">!</i>Has a finding (red outline, !, finding titles in red) — \(graph.gapCount) of \(graph.nodes.count) entities</span>"
            + "<span><i class=\"line partof\"></i>part of</span>"
            + "</figcaption>\n"
    }
}
