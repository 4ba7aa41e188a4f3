import RealiseModel

/// Which of a metric's baselines (or targets) in the older version became which in the newer: those of the same
/// day first, then those of the same amount (a date moved), then the rest from the latest back (the final target is
/// the commitment a board tracks). What is left over was added or removed.
struct ValuePairing {
    var pairs: [(old: MetricValue, new: MetricValue)] = []
    var removed: [MetricValue] = []
    var added: [MetricValue] = []

    /// Pairs `old` with `new`, both of one metric and kind.
    init(old: [MetricValue], new: [MetricValue]) {
        var old = old.sorted { $0.date < $1.date }, new = new.sorted { $0.date < $1.date }
        pair(&old, &new) { $0.date == $1.date }
        pair(&old, &new) { $0.sameAmount(as: $1) }
        while let before = old.last, let after = new.last {
            pairs.append((before, after))
            old.removeLast()
            new.removeLast()
        }
        removed = old
        added = new
    }

    /// Pairs each remaining old value, in date order, with the first remaining new one that `matches` it.
    private mutating func pair(_ old: inout [MetricValue], _ new: inout [MetricValue], _ matches: (MetricValue, MetricValue) -> Bool) {
        var unpaired: [MetricValue] = []
        for value in old {
            if let index = new.firstIndex(where: { matches(value, $0) }) {
                pairs.append((value, new.remove(at: index)))
            } else {
                unpaired.append(value)
            }
        }
        old = unpaired
    }
}
