import RealiseModel

/// Where a trajectory chart's parts go: the scales, the lines drawn and the labels placed clear of them.
extension SVGTrajectoryChart {
    /// Dates across and values up, mapped to the plot area.
    struct Scale {
        let x0, x1: Day
        let axis: (low: Double, high: Double, ticks: [Double], decimals: Int)

        func x(_ day: Day) -> Double {
            SVGTrajectoryChart.left + (SVGTrajectoryChart.right - SVGTrajectoryChart.left) * Double(x0.days(to: day)) / Double(max(1, x0.days(to: x1)))
        }

        func y(_ value: Double) -> Double {
            SVGTrajectoryChart.bottom - (SVGTrajectoryChart.bottom - SVGTrajectoryChart.top) * (value - axis.low) / (axis.high - axis.low)
        }
    }

    /// The lowest value the axis and the tolerance band may reach: zero for a quantity that cannot be negative
    /// (the metric's unit decides, in `RealiseGaps`) unless one of its values is; nil when there is no floor.
    var valueFloor: Double? {
        let values = baselines.map(\.value) + targets.map(\.value) + dots.map(\.value) + (earlier?.trajectory.points.map(\.value) ?? [])
        return metric.canBeNegative || values.contains { $0 < 0 } ? nil : 0
    }

    /// The scales covering every value, the tolerance band and the as-of day.
    func scale() -> Scale {
        let days = baselines.map(\.day) + targets.map(\.day) + dots.map(\.day) + [asOf] + (earlier?.trajectory.points.map(\.date) ?? [])
        let first = days.min()!, last = days.max()!
        let pad = max(15, Int(Double(first.days(to: last)) * 0.04))
        let x0 = first.adding(days: -pad), x1 = last.adding(days: pad)
        var ys = baselines.map(\.value) + targets.map(\.value) + dots.map(\.value)
        if let t = trajectory { ys += path(to: x1).flatMap { [band($0.value, t.tolerance).0, band($0.value, t.tolerance).1] } }
        if let earlier { ys += earlier.trajectory.points.map(\.value) }
        return Scale(x0: x0, x1: x1, axis: Self.valueAxis(ys.min()!, ys.max()!, lowest: valueFloor))
    }

    /// The trajectory's points, held at the final target up to `end`.
    func path(to end: Day) -> [(day: Day, value: Double)] {
        var path: [(day: Day, value: Double)] = trajectory.map { t in t.points.map { ($0.date, $0.value) } } ?? []
        if let last = path.last, last.day < end { path.append((end, last.value)) }
        return path
    }

    /// The tolerance band's edges around the trajectory value `v`: (low, high), the worse side only unless the
    /// metric is to be maintained, and never below the value floor.
    func band(_ v: Double, _ tolerance: Double) -> (Double, Double) {
        let (low, high) = switch metric.direction {
        case .increase: (v - tolerance, v)
        case .decrease: (v, v + tolerance)
        case .maintain: (v - tolerance, v + tolerance)
        }
        return (valueFloor.map { max($0, low) } ?? low, high)
    }

    /// The lines drawn, in SVG coordinates: the trajectory, the earlier one and the line through the measurements.
    func lines(_ scale: Scale) -> [[ChartLabelPlacer.Point]] {
        var lines: [[ChartLabelPlacer.Point]] = []
        if let earlier { lines.append(earlier.path(to: scale.x1).map { .init(x: scale.x($0.day), y: scale.y($0.value)) }) }
        if trajectory != nil { lines.append(path(to: scale.x1).map { .init(x: scale.x($0.day), y: scale.y($0.value)) }) }
        if dots.count > 1 { lines.append(dots.map { .init(x: scale.x($0.day), y: scale.y($0.value)) }) }
        return lines
    }

    /// The value labels (the final target, each baseline) with their colours, placed where they cross no line,
    /// no marker and no other label.
    func labels(_ scale: Scale) -> [(placed: ChartLabelPlacer.Placed, colour: String)] {
        func marker(_ day: Day, _ value: Double, _ radius: Double) -> ChartLabelPlacer.Box {
            .init(x: scale.x(day) - radius, y: scale.y(value) - radius, w: 2 * radius, h: 2 * radius)
        }
        let markers = targets.map { marker($0.day, $0.value, 5) } + baselines.map { marker($0.day, $0.value, 5.5) }
            + dots.map { marker($0.day, $0.value, $0.off ? 7 : 5) }
        let plot = ChartLabelPlacer.Box(x: Self.left + 2, y: Self.top, w: Self.right - Self.left - 2, h: Self.bottom - Self.top - 2)
        var placer = ChartLabelPlacer(bounds: plot, lines: lines(scale), markers: markers)
        var out: [(placed: ChartLabelPlacer.Placed, colour: String)] = []
        if let target = targets.last {
            let point = ChartLabelPlacer.Point(x: scale.x(target.day), y: scale.y(target.value))
            out.append((placer.place("Target \(HTMLText.number(target.value))", near: point), Self.line))
        }
        for baseline in baselines {
            let point = ChartLabelPlacer.Point(x: scale.x(baseline.day), y: scale.y(baseline.value))
            out.append((placer.place("Baseline \(HTMLText.number(baseline.value))", near: point), Self.ink))
        }
        return out
    }
}
