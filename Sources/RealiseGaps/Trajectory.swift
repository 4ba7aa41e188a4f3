import RealiseModel

/// A metric's target trajectory: piecewise linear from its baseline through its dated targets, held at the
/// final target after its date. Comparison is direction-aware and tolerance-based.
public struct Trajectory: Sendable, Hashable {
    /// A dated value on the trajectory.
    public struct Point: Sendable, Hashable {
        public var date: Day
        public var value: Double
    }

    public let direction: Metric.Direction
    /// Baseline first (when there is one), then targets by date.
    public let points: [Point]
    /// The allowed shortfall: `fraction` of the baseline→final-target distance, or of the final target's
    /// magnitude when that distance is zero (a flat "maintain" trajectory).
    public let tolerance: Double

    /// The trajectory of a numeric metric, or nil when it has no numeric target (or is qualitative).
    /// - Parameter fraction: tolerance as a share of the baseline→target distance (0.1 = 10 %).
    public init?(metric: Metric, values: some Collection<MetricValue>, fraction: Double = 0.1) {
        self.init(metric: metric, readings: values.map { MetricReadings.Reading(date: $0.date, value: $0.value, kind: $0.kind) },
                  fraction: fraction)
    }

    /// The trajectory from the kinds, days and numbers of the metric's values.
    init?(metric: Metric, readings: some Collection<MetricReadings.Reading>, fraction: Double) {
        self.init(measureType: metric.measureType, direction: metric.direction, readings: readings, fraction: fraction)
    }

    /// The trajectory of a metric of this measure type and direction: what the rules pass, read in place, as a copy
    /// of a whole metric (a dozen strings retained and released) cost more than the trajectory.
    init?(measureType: Metric.MeasureType, direction: Metric.Direction, readings: some Collection<MetricReadings.Reading>,
          fraction: Double) {
        guard measureType != .qualitative else { return nil }
        // Room for every reading and the baseline: the points are made in place, without growing or joining arrays
        // (a quarter of the rules' allocations on a large plan).
        var targets: [Point] = [], baselines: [Point] = []
        targets.reserveCapacity(readings.count + 1)
        for reading in readings {
            guard let number = reading.value else { continue }
            switch reading.kind {
            case .target: targets.append(Point(date: reading.date, value: number))
            case .baseline: baselines.append(Point(date: reading.date, value: number))
            case .measurement: break
            }
        }
        guard !targets.isEmpty else { return nil }
        // Stable sorts: points of one day keep the order given. Values in date order (as `GapContext` gives them)
        // need no sorting.
        if !Trajectory.inDateOrder(targets) { targets.sort { $0.date < $1.date } }
        if !Trajectory.inDateOrder(baselines) { baselines.sort { $0.date < $1.date } }
        let final = targets[targets.count - 1]
        // The latest baseline taken before the first target starts the line.
        if let baseline = baselines.last(where: { $0.date < targets[0].date }) { targets.insert(baseline, at: 0) }
        points = targets
        self.direction = direction
        let start = points[0].value
        let distance = abs(final.value - start)
        tolerance = fraction * (distance > 0 ? distance : abs(final.value))
    }

    private static func inDateOrder(_ points: [Point]) -> Bool {
        zip(points, points.dropFirst()).allSatisfy { !($1.date < $0.date) }
    }

    public var final: Point { points[points.count - 1] }
    public var start: Point { points[0] }

    /// The expected value on `day`: nil before the trajectory starts, the final target after it ends.
    public func expected(on day: Day) -> Double? {
        guard day >= points[0].date else { return nil }
        for (a, b) in zip(points, points.dropFirst()) where day <= b.date {
            let span = Double(a.date.days(to: b.date))
            if span == 0 { return b.value }
            return a.value + (b.value - a.value) * Double(a.date.days(to: day)) / span
        }
        return final.value
    }

    /// How far `value` is on the bad side of `expected` (positive = worse, by direction; for `maintain`
    /// any deviation counts).
    public func shortfall(of value: Double, against expected: Double) -> Double {
        switch direction {
        case .increase: expected - value
        case .decrease: value - expected
        case .maintain: abs(value - expected)
        }
    }
}

/// An ordinary least-squares line through dated values.
public struct Trend: Sendable, Hashable {
    public let slopePerDay: Double
    public let intercept: Double

    /// The trend through the points, or nil with fewer than two distinct days.
    public init?(_ points: [(day: Day, value: Double)]) {
        guard let first = points.first, points.contains(where: { $0.day != first.day }) else { return nil }
        let n = Double(points.count)
        let xs = points.map { Double($0.day.dayNumber) }, ys = points.map(\.value)
        let meanX = xs.reduce(0, +) / n, meanY = ys.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0
        for (x, y) in zip(xs, ys) {
            sxy += (x - meanX) * (y - meanY)
            sxx += (x - meanX) * (x - meanX)
        }
        slopePerDay = sxy / sxx
        intercept = meanY - slopePerDay * meanX
    }

    /// The trend's value on `day`.
    public func value(on day: Day) -> Double { intercept + slopePerDay * Double(day.dayNumber) }
}
