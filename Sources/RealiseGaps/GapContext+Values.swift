import RealiseModel

extension GapContext {
    /// The metric's values as rules read them.
    public func series(of metric: String) -> MetricSeries { series(valueRange(of: metric)) }

    /// The values of the plan's metric at `index` (of `plan.metrics`) as rules read them: no look-up by id.
    public func series(ofMetricAt index: Int) -> MetricSeries { series(metricValueRanges[index]) }

    private func series(_ range: Range<Int>) -> MetricSeries { MetricSeries(readings: valueIndex.readings[range], asOf: asOf) }

    /// Where the metric's values are: through its position when it is one of the plan's metrics (a look-up
    /// that also finds its other fields), else by id.
    private func valueRange(of metric: String) -> Range<Int> {
        metricPositions[metric].map { metricValueRanges[$0] } ?? valueIndex.range(of: metric)
    }

    /// The metric's trajectory, when it has numeric targets.
    public func trajectory(of metric: Metric) -> Trajectory? { series(of: metric.id).trajectory(of: metric, tolerance: tolerance) }

    /// Every metric's trajectory, by id (the first metric of a repeated id), for those with numeric targets.
    func trajectories() -> [String: Trajectory] {
        var result: [String: Trajectory] = [:]
        for index in plan.metrics.indices where result[plan.metrics[index].id] == nil {
            if let trajectory = series(ofMetricAt: index).trajectory(ofMetricAt: index, in: plan, tolerance: tolerance) {
                result[plan.metrics[index].id] = trajectory
            }
        }
        return result
    }

    /// Numeric measurements of the metric taken on or before as-of, oldest first.
    public func measurements(of metric: String) -> [(day: Day, value: Double)] { series(of: metric).measurements }

    /// The latest numeric measurement of the metric taken on or before as-of (the last of `measurements(of:)`).
    public func latestMeasurement(of metric: String) -> (day: Day, value: Double)? { series(of: metric).latestMeasurement }

    /// Whether the metric has a value of `kind` (on or before `day`, when given).
    public func hasValue(of metric: String, _ kind: MetricValue.Kind, onOrBefore day: Day? = nil) -> Bool {
        series(of: metric).has(kind, onOrBefore: day)
    }

    /// How many values of `kind` the metric has.
    public func count(of metric: String, _ kind: MetricValue.Kind) -> Int { series(of: metric).count(kind) }

    /// The metric's latest value of `kind` (on or before `day`, when given): its date and number.
    public func lastValue(of metric: String, _ kind: MetricValue.Kind, onOrBefore day: Day? = nil) -> (date: Day, value: Double?)? {
        series(of: metric).last(kind, onOrBefore: day)
    }
}
