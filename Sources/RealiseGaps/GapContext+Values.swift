import RealiseModel

extension GapContext {
    /// The metric's values, ordered by date (values of one day in the order the plan gives them).
    public func values(of metric: String) -> ArraySlice<MetricValue> { valueIndex.values[valueIndex.range(of: metric)] }

    /// What rules read of the metric's values (kind, day, number), in the order of `values(of:)`.
    func readings(of metric: String) -> ArraySlice<MetricValueIndex.Reading> { valueIndex.readings[valueIndex.range(of: metric)] }

    /// The metric's trajectory, when it has numeric targets.
    public func trajectory(of metric: Metric) -> Trajectory? {
        Trajectory(metric: metric, readings: readings(of: metric.id), fraction: tolerance)
    }

    /// Numeric measurements of the metric taken on or before as-of, oldest first.
    public func measurements(of metric: String) -> [(day: Day, value: Double)] {
        readings(of: metric).compactMap { reading in
            guard reading.kind == .measurement, reading.date <= asOf, let number = reading.value else { return nil }
            return (reading.date, number)
        }
    }

    /// The latest numeric measurement of the metric taken on or before as-of (the last of `measurements(of:)`).
    public func latestMeasurement(of metric: String) -> (day: Day, value: Double)? {
        for reading in readings(of: metric).reversed() where reading.kind == .measurement && reading.date <= asOf {
            if let number = reading.value { return (reading.date, number) }
        }
        return nil
    }

    /// Whether the metric has a value of `kind` (on or before `day`, when given).
    public func hasValue(of metric: String, _ kind: MetricValue.Kind, onOrBefore day: Day? = nil) -> Bool {
        lastValue(of: metric, kind, onOrBefore: day) != nil
    }

    /// How many values of `kind` the metric has.
    public func count(of metric: String, _ kind: MetricValue.Kind) -> Int {
        readings(of: metric).reduce(0) { $0 + ($1.kind == kind ? 1 : 0) }
    }

    /// The metric's latest value of `kind` (on or before `day`, when given): its date and number.
    public func lastValue(of metric: String, _ kind: MetricValue.Kind, onOrBefore day: Day? = nil) -> (date: Day, value: Double?)? {
        for reading in readings(of: metric).reversed() where reading.kind == kind {
            if let day, reading.date > day { continue }
            return (reading.date, reading.value)
        }
        return nil
    }
}
