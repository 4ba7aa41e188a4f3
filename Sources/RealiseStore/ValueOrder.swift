import RealiseModel

/// Puts metric values read in the table's order into the order `ORDER BY metric_id, date, kind` gives, in
/// linear time: SQLite sorting a million wide rows took longer than reading them.
///
/// Exact for what it accepts: metric ids in ASCII (their order is their bytes' order, as SQLite's BINARY
/// collation compares them, and equal strings are equal bytes) and dates stored as plain `YYYY-MM-DD` (their
/// text's order is the day's). `accepts` says whether a metric and a date qualify; the caller reads the rows
/// through SQLite's sort otherwise. Kinds sort by their names: baseline, measurement, target.
struct ValueOrder {
    private var slots: [String: Int32] = [:]
    /// The metric ids met, in the order first met; a value's metric is shared from here.
    private var ids: [String] = []
    /// Per value added: its metric's slot, and its place within the metric (day number, then kind's rank) as one number.
    private var metricOf: [Int32] = [], placeOf: [Int] = []

    init(capacity: Int) {
        metricOf.reserveCapacity(capacity)
        placeOf.reserveCapacity(capacity)
    }

    /// Whether this order can stand for SQLite's with this metric id: ASCII.
    static func accepts(metric: String) -> Bool { metric.utf8.allSatisfy { $0 < 0x80 } }

    /// Whether this order can stand for SQLite's with a stored date of this many bytes (all of them, NULs
    /// included): a plain day.
    static func accepts(dateLength: Int) -> Bool { dateLength == 10 }

    /// The slot of `metric` (an accepted id) and the string values of it should share.
    mutating func slot(of metric: String) -> (slot: Int32, id: String) {
        if let slot = slots[metric] { return (slot, ids[Int(slot)]) }
        let slot = Int32(ids.count)
        slots[metric] = slot
        ids.append(metric)
        return (slot, metric)
    }

    /// The metric ids met, by slot.
    var metricIds: [String] { ids }

    /// The slot of each value added, in the order added.
    var slotsAdded: [Int32] { metricOf }

    /// Records the next value, in the order values are added.
    mutating func add(slot: Int32, day: Day, kind: MetricValue.Kind) {
        metricOf.append(slot)
        let rank = switch kind {
        case .baseline: 0
        case .measurement: 1
        case .target: 2
        }
        placeOf.append(day.dayNumber * 4 + rank)
    }

    /// The positions of the values added, in order of metric id, day and kind: value `order()[i]` comes `i`th.
    func order() -> [Int] {
        // Metric ids by their bytes; then positions bucketed by metric (counting sort, stable), each bucket's
        // few values put in (day, kind) order.
        var rank = [Int32](repeating: 0, count: ids.count)
        for (place, slot) in ids.indices.sorted(by: { ids[$0].utf8.lexicographicallyPrecedes(ids[$1].utf8) }).enumerated() {
            rank[slot] = Int32(place)
        }
        var starts = [Int](repeating: 0, count: ids.count + 1)
        for slot in metricOf { starts[Int(rank[Int(slot)]) + 1] += 1 }
        for place in ids.indices { starts[place + 1] += starts[place] }
        var next = starts
        var order = [Int](repeating: 0, count: metricOf.count)
        for (position, slot) in metricOf.enumerated() {
            let place = Int(rank[Int(slot)])
            order[next[place]] = position
            next[place] += 1
        }
        // A metric's few values by insertion sort on their one-number places (a metric holds a value of a kind once a
        // day, so no two are equal): the library's sort, called once a metric with a closure, cost twice as much. A
        // metric with many values (daily readings over years) goes through the library's sort, which is never quadratic.
        placeOf.withUnsafeBufferPointer { places in
            order.withUnsafeMutableBufferPointer { order in
                for place in ids.indices where starts[place + 1] - starts[place] > 1 {
                    guard starts[place + 1] - starts[place] <= 32 else {
                        order[starts[place]..<starts[place + 1]].sort { places[$0] < places[$1] }
                        continue
                    }
                    for index in (starts[place] + 1)..<starts[place + 1] {
                        let position = order[index], key = places[position]
                        var hole = index
                        while hole > starts[place] && places[order[hole - 1]] > key {
                            order[hole] = order[hole - 1]
                            hole -= 1
                        }
                        order[hole] = position
                    }
                }
            }
        }
        return order
    }
}
