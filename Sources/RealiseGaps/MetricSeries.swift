import RealiseModel

/// One metric's values as rules read them — kinds, days and numbers in date order — with the questions rules
/// ask of them. Found once per metric (`GapContext.series(of:)`), then asked without further look-ups.
public struct MetricSeries: Sendable {
    /// The values' kinds, days and numbers, in date order.
    public let readings: ArraySlice<MetricReadings.Reading>
    /// "Today" for the report.
    let asOf: Day

    /// Numeric measurements taken on or before as-of, oldest first.
    public var measurements: [(day: Day, value: Double)] {
        readings.compactMap { reading in
            guard reading.kind == .measurement, reading.date <= asOf, let number = reading.value else { return nil }
            return (reading.date, number)
        }
    }

    /// The latest numeric measurement taken on or before as-of (the last of `measurements`).
    public var latestMeasurement: (day: Day, value: Double)? {
        for reading in readings.reversed() where reading.kind == .measurement && reading.date <= asOf {
            if let number = reading.value { return (reading.date, number) }
        }
        return nil
    }

    /// Whether there is a value of `kind` (on or before `day`, when given).
    public func has(_ kind: MetricValue.Kind, onOrBefore day: Day? = nil) -> Bool { last(kind, onOrBefore: day) != nil }

    /// How many values of `kind` there are.
    public func count(_ kind: MetricValue.Kind) -> Int { readings.reduce(0) { $0 + ($1.kind == kind ? 1 : 0) } }

    /// The latest value of `kind` (on or before `day`, when given): its date and number.
    public func last(_ kind: MetricValue.Kind, onOrBefore day: Day? = nil) -> (date: Day, value: Double?)? {
        for reading in readings.reversed() where reading.kind == kind {
            if let day, reading.date > day { continue }
            return (reading.date, reading.value)
        }
        return nil
    }

    /// The metric's trajectory, when it has numeric targets.
    public func trajectory(of metric: Metric, tolerance: Double) -> Trajectory? {
        Trajectory(metric: metric, readings: readings, fraction: tolerance)
    }

    /// The trajectory of the plan's metric at `index`, its fields read in place.
    func trajectory(ofMetricAt index: Int, in plan: Plan, tolerance: Double) -> Trajectory? {
        Trajectory(measureType: plan.metrics[index].measureType, direction: plan.metrics[index].direction, readings: readings,
                   fraction: tolerance)
    }
}
