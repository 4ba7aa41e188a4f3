/// A plan's metric values as the gap rules read them: each value's kind, day and number (16 bytes, nothing
/// retained), grouped by metric, each metric's in date order (values of one day in the order given, as grouping
/// and sorting each group stably by date gives them).
///
/// A workspace of a million values loads them this way for a report that shows none of them
/// (`Workspace.loadPlanReadings`): a `MetricValue` is 168 bytes and five strings, and building them was most of
/// the load. `init(_:)` makes the same from a plan's values, so the two ways agree by construction.
public struct MetricReadings: Sendable, Hashable {
    /// What a rule reads of one value, in 16 bytes: a million of them are a large workspace's values.
    public struct Reading: Sendable, Hashable {
        /// The number; 0 when there is none (`hasValue` false), so equal readings are equal field by field.
        private var number: Double
        /// The day's number (`Day.dayNumber`): four bytes reach five million years either side of 1970.
        private var dayNumber: Int32
        public var kind: MetricValue.Kind
        private var hasValue: Bool

        public init(date: Day, value: Double?, kind: MetricValue.Kind) {
            number = value ?? 0
            dayNumber = Int32(date.dayNumber)
            self.kind = kind
            hasValue = value != nil
        }

        public var date: Day {
            get { Day(dayNumber: Int(dayNumber)) }
            set { dayNumber = Int32(newValue.dayNumber) }
        }

        public var value: Double? {
            get { hasValue ? number : nil }
            set { (number, hasValue) = (newValue ?? 0, newValue != nil) }
        }
    }

    /// The readings, metric by metric.
    public let readings: [Reading]
    /// Each metric's positions in `readings`.
    private let ranges: [String: Range<Int>]

    /// The readings of `values`.
    public init(_ values: [MetricValue]) {
        var slots: [String: Int32] = [:], ids: [String] = []
        var slotOf: [Int32] = []
        slotOf.reserveCapacity(values.count)
        // Values of one metric mostly come together: its slot is looked up once per run.
        var previous: (id: String, slot: Int32)?
        for value in values {
            if let known = previous, known.id == value.metric {
                slotOf.append(known.slot)
                continue
            }
            let slot = slots[value.metric] ?? Int32(ids.count)
            if slot == Int32(ids.count) {
                slots[value.metric] = slot
                ids.append(value.metric)
            }
            previous = (value.metric, slot)
            slotOf.append(slot)
        }
        self.init(ids: ids, slots: slotOf, readings: values.map { Reading(date: $0.date, value: $0.value, kind: $0.kind) })
    }

    /// The readings of values given in some order: `readings[i]` is of metric `ids[slots[i]]`. Values that already
    /// come metric by metric and by date (as a workspace loads them) stay where they are; otherwise they are grouped
    /// by metric in order of first appearance, each group sorted stably by date.
    public init(ids: [String], slots: [Int32], readings: [Reading]) {
        precondition(slots.count == readings.count, "a slot per reading")
        if let ranges = MetricReadings.runs(ids: ids, slots: slots, readings: readings) {
            (self.readings, self.ranges) = (readings, ranges)
            return
        }
        var positions = [[Int]](repeating: [], count: ids.count), order: [Int32] = []
        for (position, slot) in slots.enumerated() {
            if positions[Int(slot)].isEmpty { order.append(slot) }
            positions[Int(slot)].append(position)
        }
        var laidOut: [Reading] = [], ranges: [String: Range<Int>] = [:]
        laidOut.reserveCapacity(readings.count)
        for slot in order {
            let start = laidOut.count
            for position in positions[Int(slot)].sorted(by: { readings[$0].date < readings[$1].date }) {
                laidOut.append(readings[position])
            }
            ranges[ids[Int(slot)]] = start..<laidOut.count
        }
        (self.readings, self.ranges) = (laidOut, ranges)
    }

    /// The ranges of readings that already come metric by metric and by date; nil when they do not.
    private static func runs(ids: [String], slots: [Int32], readings: [Reading]) -> [String: Range<Int>]? {
        var ranges: [String: Range<Int>] = [:]
        ranges.reserveCapacity(ids.count)
        var start = 0
        while start < slots.count {
            let slot = slots[start]
            var end = start + 1
            while end < slots.count && slots[end] == slot && !(readings[end].date < readings[end - 1].date) { end += 1 }
            let id = ids[Int(slot)]
            guard ranges[id] == nil, end == slots.count || slots[end] != slot else { return nil }
            ranges[id] = start..<end
            start = end
        }
        return ranges
    }

    /// The positions of the metric's readings (empty when it has none).
    public func range(of metric: String) -> Range<Int> { ranges[metric] ?? 0..<0 }

    /// The metric's readings, in date order.
    public func readings(of metric: String) -> ArraySlice<Reading> { readings[range(of: metric)] }
}
