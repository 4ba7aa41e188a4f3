import Foundation
import RealiseGaps
import RealiseModel

/// One numeric metric drawn as inline SVG: dates across, values up; the target trajectory as a line with
/// its tolerance shaded on the worse side (both sides for "maintain"); the baseline and targets marked;
/// measurements as dots, those worse than the trajectory by more than the tolerance as red diamonds; given the
/// baseline and targets of an earlier day that differ from today's, that day's trajectory dashed beneath.
struct SVGTrajectoryChart {
    /// A measurement and how it stands against the trajectory.
    struct Dot {
        var day: Day
        var value: Double
        var expected: Double?
        var off: Bool
        var note: String?
    }

    let metric: Metric
    let trajectory: Trajectory?
    let baselines: [(day: Day, value: Double)]
    let targets: [(day: Day, value: Double)]
    let dots: [Dot]
    let asOf: Day
    /// The trajectory on an earlier day, when it differs from today's.
    let earlier: Earlier?

    /// The chart of a numeric metric with at least one numeric baseline, target or measurement; nil otherwise.
    /// - Parameters:
    ///   - trajectory: the metric's target trajectory as the gap analysis judged it (`GapReport.trajectories`), drawn
    ///     with its tolerance; nil when it has none.
    ///   - earlier: the trajectory the plan stated on an earlier day, when it differs from today's
    ///     (`GapReport.earlierTrajectories`), and that day: drawn dashed.
    init?(metric: Metric, values: [MetricValue], trajectory: Trajectory?, asOf: Day, earlier: (trajectory: Trajectory, day: Day)? = nil) {
        guard metric.measureType != .qualitative else { return nil }
        let values = values.filter { $0.metric == metric.id && $0.value != nil }.sorted { $0.date < $1.date }
        guard !values.isEmpty else { return nil }
        func points(_ kind: MetricValue.Kind) -> [(day: Day, value: Double)] {
            values.filter { $0.kind == kind }.map { ($0.date, $0.value!) }
        }
        self.metric = metric
        self.asOf = asOf
        self.trajectory = trajectory
        self.earlier = earlier.map { Earlier(day: $0.day, trajectory: $0.trajectory) }
        baselines = points(.baseline)
        targets = points(.target)
        dots = values.filter { $0.kind == .measurement }.map { value in
            let expected = trajectory?.expected(on: value.date)
            let off = expected.map { trajectory!.shortfall(of: value.value!, against: $0) > trajectory!.tolerance } ?? false
            return Dot(day: value.date, value: value.value!, expected: expected, off: off, note: value.note)
        }
    }

    static let width = 640.0, height = 300.0
    static let left = 72.0, right = 620.0, top = 46.0, bottom = 252.0
    static let line = "#2e6b34", dot = "#1f4e8c", off = "#c00000", ink = "#333333"

    /// A value with the metric's unit, for captions and tooltips.
    func text(_ value: Double) -> String {
        HTMLText.number(value) + (metric.unit.map { $0 == "%" ? "%" : " " + $0 } ?? "")
    }

    /// The `<svg>` element.
    func render() -> String {
        let scale = scale()
        let name = "\(metric.id) \(HTMLText.oneLine(metric.name))"
        // A key too long for one row takes a second, and the plot moves down under it (only an earlier trajectory's
        // entry makes a key that long).
        let legend = legend(), shift = Double(legend.rows - 1) * Self.legendRow
        var out = "<svg class=\"trajectory\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(c(Self.width)) \(c(Self.height + shift))\" "
            + "width=\"\(c(Self.width))\" role=\"img\"><title>\(HTMLText.escape("Trajectory chart: " + name))</title>\n"
        if shift > 0 { out += "<g transform=\"translate(0 \(c(shift)))\">\n" }
        out += axes(scale) + marks(scale)
        for (placed, colour) in labels(scale) {
            out += "<text x=\"\(c(placed.x))\" y=\"\(c(placed.y))\" font-size=\"10.5\" font-weight=\"700\" fill=\"\(colour)\" "
                + "text-anchor=\"\(placed.anchor)\">\(HTMLText.escape(placed.text))</text>\n"
        }
        if shift > 0 { out += "</g>\n" }
        return out + legend.svg + "</svg>"
    }

    /// Grid, ticks, axes and their titles.
    private func axes(_ scale: Scale) -> String {
        let (x, y, axis) = (scale.x, scale.y, scale.axis)
        var out = "<g font-size=\"11\" fill=\"\(Self.ink)\">\n"
        for tick in axis.ticks {
            out += "<line x1=\"\(c(Self.left))\" x2=\"\(c(Self.right))\" y1=\"\(c(y(tick)))\" y2=\"\(c(y(tick)))\" stroke=\"#e3e3e3\"/>"
                + "<text x=\"\(c(Self.left - 6))\" y=\"\(c(y(tick) + 4))\" text-anchor=\"end\">\(Self.tickLabel(tick, axis))</text>\n"
        }
        for tick in Self.dateTicks(scale.x0, scale.x1) {
            out += "<line x1=\"\(c(x(tick.day)))\" x2=\"\(c(x(tick.day)))\" y1=\"\(c(Self.bottom))\" y2=\"\(c(Self.bottom + 5))\" stroke=\"\(Self.ink)\"/>"
                + "<text x=\"\(c(x(tick.day)))\" y=\"\(c(Self.bottom + 19))\" text-anchor=\"middle\">\(tick.label)</text>\n"
        }
        out += "<line x1=\"\(c(Self.left))\" x2=\"\(c(Self.right))\" y1=\"\(c(Self.bottom))\" y2=\"\(c(Self.bottom))\" stroke=\"\(Self.ink)\"/>"
            + "<line x1=\"\(c(Self.left))\" x2=\"\(c(Self.left))\" y1=\"\(c(Self.top))\" y2=\"\(c(Self.bottom))\" stroke=\"\(Self.ink)\"/>\n"
        let unit = metric.unit.map(HTMLText.oneLine) ?? (metric.measureType == .percentage ? "%" : metric.measureType.rawValue)
        out += "<text transform=\"translate(16 \(c((Self.top + Self.bottom) / 2))) rotate(-90)\" text-anchor=\"middle\" font-weight=\"700\">\(HTMLText.escape(unit))</text>\n"
        out += "<text x=\"\(c((Self.left + Self.right) / 2))\" y=\"\(c(Self.bottom + 40))\" text-anchor=\"middle\" font-weight=\"700\">Date</text>\n"
        return out + "</g>\n"
    }

    /// The as-of line, the tolerance band, the trajectory, targets, baselines and measurements.
    private func marks(_ scale: Scale) -> String {
        let (x, y, path) = (scale.x, scale.y, path(to: scale.x1))
        let ax = x(asOf)
        var out = "<line x1=\"\(c(ax))\" x2=\"\(c(ax))\" y1=\"\(c(Self.top - 4))\" y2=\"\(c(Self.bottom))\" stroke=\"#777777\" stroke-dasharray=\"4 3\"/>"
            + "<text x=\"\(c(ax))\" y=\"\(c(Self.top - 8))\" font-size=\"10.5\" fill=\"#555555\" text-anchor=\"\(Self.anchor(ax))\">as of \(asOf)</text>\n"
        // Beneath today's trajectory and its band, which it should not hide.
        if let earlier { out += earlier.render(scale, text: text) }
        if let t = trajectory {
            let upper = path.map { "\(c(x($0.day))),\(c(y(band($0.value, t.tolerance).1)))" }
            let lower = path.reversed().map { "\(c(x($0.day))),\(c(y(band($0.value, t.tolerance).0)))" }
            out += "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(Self.line)\" fill-opacity=\"0.16\" stroke=\"none\"><title>Tolerance: "
                + "\(HTMLText.escape(text(t.tolerance))) \(metric.direction == .maintain ? "either side" : "on the worse side")</title></polygon>\n"
            out += "<polyline points=\"\(path.map { "\(c(x($0.day))),\(c(y($0.value)))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(Self.line)\" stroke-width=\"2\"/>\n"
        }
        for target in targets {
            out += "<circle cx=\"\(c(x(target.day)))\" cy=\"\(c(y(target.value)))\" r=\"4\" fill=\"#ffffff\" stroke=\"\(Self.line)\" stroke-width=\"2\">"
                + "<title>\(HTMLText.escape("Target \(text(target.value)) by \(target.day)"))</title></circle>\n"
        }
        for baseline in baselines {
            let (bx, by) = (x(baseline.day), y(baseline.value))
            out += "<rect x=\"\(c(bx - 4.5))\" y=\"\(c(by - 4.5))\" width=\"9\" height=\"9\" fill=\"#ffffff\" stroke=\"\(Self.ink)\" stroke-width=\"2\">"
                + "<title>\(HTMLText.escape("Baseline \(text(baseline.value)) on \(baseline.day)"))</title></rect>\n"
        }
        if dots.count > 1 {
            out += "<polyline points=\"\(dots.map { "\(c(x($0.day))),\(c(y($0.value)))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(Self.dot)\" stroke-opacity=\"0.45\" stroke-width=\"1.2\"/>\n"
        }
        for dot in dots {
            var tip = "\(dot.day): \(text(dot.value))"
            if let expected = dot.expected { tip += ", expected \(text(expected))" + (dot.off ? ", off trajectory" : ", within tolerance") }
            if let note = dot.note { tip += " (\(HTMLText.oneLine(note)))" }
            let (dx, dy) = (x(dot.day), y(dot.value))
            out += dot.off
                ? "<path d=\"M\(c(dx)),\(c(dy - 7)) L\(c(dx + 7)),\(c(dy)) L\(c(dx)),\(c(dy + 7)) L\(c(dx - 7)),\(c(dy)) Z\" fill=\"\(Self.off)\" stroke=\"#ffffff\" stroke-width=\"1\">"
                : "<circle cx=\"\(c(dx))\" cy=\"\(c(dy))\" r=\"4.5\" fill=\"\(Self.dot)\" stroke=\"#ffffff\" stroke-width=\"1\">"
            out += "<title>\(HTMLText.escape(tip))</title></\(dot.off ? "path" : "circle")>\n"
        }
        return out
    }

    private static func anchor(_ x: Double) -> String { x > right - 50 ? "end" : (x < left + 50 ? "start" : "middle") }

    /// A tick value, shortened with k or m when the axis runs into hundreds of thousands.
    private static func tickLabel(_ value: Double, _ axis: (low: Double, high: Double, ticks: [Double], decimals: Int)) -> String {
        let largest = max(abs(axis.low), abs(axis.high))
        if largest >= 1_000_000 { return HTMLText.number(value / 1_000_000, decimals: axis.decimals + 6) + "m" }
        if largest >= 100_000 { return HTMLText.number(value / 1_000, decimals: axis.decimals + 3) + "k" }
        return HTMLText.number(value, decimals: axis.decimals)
    }

    /// A value axis with about five round ticks covering `low...high`, starting no lower than `lowest` (zero for
    /// a quantity that cannot be negative) when `low` is not below it.
    static func valueAxis(_ low: Double, _ high: Double, lowest: Double? = nil) -> (low: Double, high: Double, ticks: [Double], decimals: Int) {
        var (low, high) = (low, high)
        if high - low < 1e-9 { let spread = max(1, abs(high) * 0.1); low -= spread; high += spread }
        if let lowest, low < lowest { low = lowest }
        let raw = (high - low) / 5, power = pow(10, floor(log10(raw)))
        let step = ([1.0, 2, 2.5, 5, 10].first { $0 * power >= raw } ?? 10) * power
        let start = (low / step).rounded(.down) * step, end = (high / step).rounded(.up) * step
        let count = Int(((end - start) / step).rounded())
        let decimals = max(0, Int(-floor(log10(step) + 1e-9)) + (step / power == 2.5 ? 1 : 0))
        return (start, end, (0...count).map { start + Double($0) * step }, decimals)
    }

    /// Ticks on the first of a month, every 1, 3, 6, 12… months so that there are at most seven.
    static func dateTicks(_ start: Day, _ end: Day) -> [(day: Day, label: String)] {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let span = Double(start.days(to: end)) / 30.44
        let step = [1, 2, 3, 6, 12, 24, 60, 120].first { span / Double($0) <= 7 } ?? 240
        var (year, month, _) = start.parts
        var ticks: [(Day, String)] = []
        while true {
            guard let day = Day(year: year, month: month, day: 1) else { break }
            if day > end { break }
            if day >= start, (year * 12 + month - 1) % step == 0 {
                ticks.append((day, step >= 12 ? "\(year)" : "\(months[month - 1]) \(year)"))
            }
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        return ticks
    }
}

/// An SVG coordinate.
private func c(_ value: Double) -> String { HTMLText.coordinate(value) }
