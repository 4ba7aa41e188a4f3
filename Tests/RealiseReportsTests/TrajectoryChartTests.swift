import RealiseGaps
import RealiseModel
import Testing
@testable import RealiseReports

@Suite("trajectory charts tell the truth")
struct TrajectoryChartTests {
    static let source = SourceRef(path: "plans/metrics.csv", line: 1, format: "register-csv")
    static let asOf = Day(iso: "2026-06-30")!

    /// A metric with a baseline, one target and measurements, each `(date, value)`.
    static func chart(unit: String?, type: Metric.MeasureType = .number, direction: Metric.Direction = .increase,
                      baseline: Double, target: Double, measurements: [(String, Double)] = [], tolerance: Double = 0.1) throws -> SVGTrajectoryChart {
        let metric = Metric(id: "M", name: "Metric", unit: unit, direction: direction, measureType: type, source: source)
        var values = [MetricValue(metric: "M", kind: .baseline, date: Day(iso: "2025-01-01")!, value: baseline, source: source),
                      MetricValue(metric: "M", kind: .target, date: Day(iso: "2027-12-31")!, value: target, source: source)]
        values += measurements.map { MetricValue(metric: "M", kind: .measurement, date: Day(iso: $0.0)!, value: $0.1, source: source) }
        return try #require(SVGTrajectoryChart(metric: metric, values: values,
                                               trajectory: Trajectory(metric: metric, values: values, fraction: tolerance), asOf: asOf))
    }

    @Test("counts, money, percentages and scores cannot be negative; changes, net figures and temperatures can")
    func units() {
        func metric(_ unit: String?, _ type: Metric.MeasureType = .number) -> Metric {
            Metric(id: "M", name: "M", unit: unit, measureType: type, source: Self.source)
        }
        for unit in ["trips per month", "passenger journeys per year", "%", "percent", "£m", "minutes", "network km"] {
            #expect(!metric(unit).canBeNegative, "\(unit)")
        }
        #expect(!metric(nil, .percentage).canBeNegative && !metric(nil, .currency).canBeNegative && !metric(nil).canBeNegative)
        for unit in ["% change", "net migration", "°C", "degrees", "balance (£)"] { #expect(metric(unit).canBeNegative, "\(unit)") }
    }

    @Test("the value axis of a count, an amount or a percentage stops at zero although the tolerance band would reach below it")
    func floorAtZero() throws {
        let quantities: [(unit: String?, type: Metric.MeasureType)] = [("trips", .number), (nil, .percentage), ("£", .currency)]
        for quantity in quantities {
            // From 1 to 100: the band on the worse side, 9.9 below the line, would start at -8.9.
            let chart = try Self.chart(unit: quantity.unit, type: quantity.type, baseline: 1, target: 100, measurements: [("2025-06-30", 0)])
            let scale = chart.scale()
            #expect(scale.axis.low == 0, "\(quantity)")
            #expect(scale.axis.ticks.allSatisfy { $0 >= 0 })
            #expect(!chart.render().contains(">-"), "no negative tick label")
            // The band is cut at zero: no point of it lies below the axis line.
            for point in chart.path(to: scale.x1) { #expect(scale.y(chart.band(point.value, 9.9).0) <= SVGTrajectoryChart.bottom + 1e-9) }
        }
    }

    @Test("a negative value, or a quantity that can be negative, takes the axis below zero")
    func belowZeroWhenTrue() throws {
        let negative = try Self.chart(unit: "trips", baseline: 1, target: 100, measurements: [("2025-06-30", -3)])
        #expect(negative.scale().axis.low < -3 + 1e-9)
        let signed = try Self.chart(unit: "% change", baseline: 1, target: 100)
        #expect(signed.scale().axis.low < 0)
    }

    @Test("the flat series of a count is padded upwards only")
    func flatCount() {
        let axis = SVGTrajectoryChart.valueAxis(0, 0, lowest: 0)
        #expect(axis.low == 0 && axis.high > 0)
        #expect(SVGTrajectoryChart.valueAxis(0, 0).low < 0)
    }

    @Test("value labels cross no line and no marker, wherever the line runs")
    func labelsClearOfLines() throws {
        let cases: [(Double, Double, Metric.Direction)] = [(1, 100, .increase), (100, 1, .decrease), (58, 52, .decrease), (40, 41, .maintain)]
        for (baseline, target, direction) in cases { try checkLabels(baseline: baseline, target: target, direction: direction) }
    }

    func checkLabels(baseline: Double, target: Double, direction: Metric.Direction) throws {
        let step = (target - baseline) / 6
        let chart = try Self.chart(unit: "trips", direction: direction, baseline: baseline, target: target,
                                   measurements: [("2025-04-01", baseline + step), ("2025-09-30", baseline + 2.5 * step),
                                                  ("2026-03-31", baseline + 2 * step)])
        let scale = chart.scale(), lines = chart.lines(scale), labels = chart.labels(scale).map(\.placed)
        #expect(labels.map(\.text) == ["Target \(HTMLText.number(target))", "Baseline \(HTMLText.number(baseline))"])
        #expect(lines.count == 2)
        for label in labels {
            for line in lines {
                for (a, b) in zip(line, line.dropFirst()) { #expect(!label.box.intersects(a, b), "\(label.text) crosses \(a)–\(b)") }
            }
            let plot = ChartLabelPlacer.Box(x: SVGTrajectoryChart.left, y: SVGTrajectoryChart.top,
                                            w: SVGTrajectoryChart.right - SVGTrajectoryChart.left, h: SVGTrajectoryChart.bottom - SVGTrajectoryChart.top)
            #expect(label.box.inside(plot), "\(label.text) inside the plot")
        }
        #expect(!labels[0].box.intersects(labels[1].box))
        for label in labels { #expect(chart.render().contains(">\(label.text)</text>")) }
    }

    @Test("segment and box geometry")
    func geometry() {
        let box = ChartLabelPlacer.Box(x: 10, y: 10, w: 20, h: 10)
        #expect(box.intersects(.init(x: 0, y: 15), .init(x: 40, y: 15)))
        #expect(box.intersects(.init(x: 15, y: 12), .init(x: 16, y: 13)), "inside")
        #expect(!box.intersects(.init(x: 0, y: 0), .init(x: 40, y: 5)))
        #expect(!box.intersects(.init(x: 0, y: 30), .init(x: 8, y: 0)))
        #expect(box.intersects(.init(x: 0, y: 30), .init(x: 30, y: 0)), "diagonal through")
    }

    @Test("the footer names every file the report read, values files included, and no typed-in value")
    func footerSources() throws {
        var plan = ReportFixture.plan
        plan.values.append(MetricValue(metric: "MET-1", kind: .measurement, date: Day(iso: "2025-05-31")!, value: 57,
                                       source: SourceRef(path: "plans/measurements.csv", line: 2, format: "values-csv")))
        plan.values.append(MetricValue(metric: "MET-1", kind: .measurement, date: Day(iso: "2025-06-15")!, value: 56.5, source: .manual("MET-1")))
        plan.links.append(Link(kind: .measures, from: "MET-1", to: "B2", source: SourceRef(path: "plans/links.csv", line: 2, format: "links-csv")))
        let report = HTMLRendererTests.bare(plan, asOf: ReportFixture.asOf)
        #expect(report.sources == ["plans/coast.xml", "plans/links.csv", "plans/measurements.csv"])
        let html = HTMLGapRenderer().render(report)
        let footer = try #require(html.range(of: "<footer>").map { String(html[$0.lowerBound...]) })
        #expect(footer.contains("Sources (3 files): <code>plans/<wbr/>coast.xml</code>, <code>plans/<wbr/>links.csv</code>, "
            + "<code>plans/<wbr/>measurements.csv</code>."))
        #expect(!footer.contains("command line"))
    }
}
