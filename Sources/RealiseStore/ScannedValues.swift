import RealiseModel

/// Values read before they are put in order, in storage of a fixed capacity they are moved out of (never
/// copied: a copy retains and releases a value's strings, and there can be millions).
final class ScannedValues {
    private let base: UnsafeMutablePointer<MetricValue>
    /// How many values fit. Memory for those never read is never touched, so a generous bound costs nothing.
    let capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 0)
        base = .allocate(capacity: max(capacity, 1))
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// Adds a value; false (and nothing added) when full.
    func append(_ value: MetricValue) -> Bool {
        guard count < capacity else { return false }
        (base + count).initialize(to: value)
        count += 1
        return true
    }

    /// All the values, moved out in `order` (a permutation of their positions: value `order[i]` comes `i`th).
    func moveOut(in order: [Int]) -> [MetricValue] {
        precondition(order.count == count, "the order names every value once")
        let values = [MetricValue](unsafeUninitializedCapacity: count) { buffer, initialized in
            for (position, from) in order.enumerated() {
                (buffer.baseAddress! + position).moveInitialize(from: base + from, count: 1)
            }
            initialized = order.count
        }
        count = 0
        return values
    }
}
