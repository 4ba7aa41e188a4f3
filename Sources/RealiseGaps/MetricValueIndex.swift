import RealiseModel

/// A plan's values grouped by metric, each metric's in date order (values of one day in plan order, as grouping
/// and sorting each group stably by date gives them), with a compact copy of what rules read of each value.
///
/// The rules look at a metric's kinds, days and numbers only. Reading them from `readings` (24 bytes a value,
/// nothing to retain) instead of the values themselves (168 bytes, five strings) is what lets a report over
/// a million values stay in the processor's caches.
struct MetricValueIndex: Sendable {
    /// What a rule reads of one value.
    struct Reading: Sendable {
        var date: Day
        var value: Double?
        var kind: MetricValue.Kind
    }

    /// The values, metric by metric: the plan's own array when it already comes that way (as a workspace loads
    /// it), else a regrouped copy.
    let values: [MetricValue]
    /// `values`' kinds, days and numbers, position for position.
    let readings: [Reading]
    /// Each metric's positions in `values` and `readings`.
    private let ranges: [String: Range<Int>]

    init(_ plan: [MetricValue]) {
        (values, ranges) = MetricValueIndex.grouped(plan) ?? MetricValueIndex.regrouped(plan)
        var readings: [Reading] = []
        readings.reserveCapacity(values.count)
        for index in values.indices {
            readings.append(Reading(date: values[index].date, value: values[index].value, kind: values[index].kind))
        }
        self.readings = readings
    }

    /// The positions of the metric's values (empty when it has none).
    func range(of metric: String) -> Range<Int> { ranges[metric] ?? 0..<0 }

    /// The ranges of values that already come metric by metric and by date; nil when they do not.
    private static func grouped(_ values: [MetricValue]) -> ([MetricValue], [String: Range<Int>])? {
        var ranges: [String: Range<Int>] = [:]
        var start = 0
        while start < values.count {
            let metric = values[start].metric
            var end = start + 1
            while end < values.count && values[end].metric == metric && !(values[end].date < values[end - 1].date) { end += 1 }
            guard ranges[metric] == nil, end == values.count || values[end].metric != metric else { return nil }
            ranges[metric] = start..<end
            start = end
        }
        return (values, ranges)
    }

    /// The general case: grouped by metric in order of first appearance, each group sorted stably by date.
    private static func regrouped(_ values: [MetricValue]) -> ([MetricValue], [String: Range<Int>]) {
        var order: [String] = []
        var positions: [String: [Int]] = [:]
        for (position, value) in values.enumerated() {
            if positions[value.metric] == nil { order.append(value.metric) }
            positions[value.metric, default: []].append(position)
        }
        var laidOut: [MetricValue] = []
        laidOut.reserveCapacity(values.count)
        var ranges: [String: Range<Int>] = [:]
        for metric in order {
            let start = laidOut.count
            for position in positions[metric, default: []].sorted(by: { values[$0].date < values[$1].date }) {
                laidOut.append(values[position])
            }
            ranges[metric] = start..<laidOut.count
        }
        return (laidOut, ranges)
    }
}
