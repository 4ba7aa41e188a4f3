import RealiseModel

/// Readings as read from the workspace, before they are kept: `readings[i]` is of metric `ids[slots[i]]`, in the order
/// of `ORDER BY metric_id, date, kind`. Read on another connection, they cover every metric; `keeping` leaves out the
/// ones the plan does not hold (withdrawn, or of another programme).
struct ReadingRows: Sendable {
    let ids: [String]
    let slots: [Int32]
    let readings: [MetricReadings.Reading]

    /// The readings of the metrics in `active` (every one when nil), as `MetricReadings` makes them: the same as
    /// reading only those.
    func keeping(_ active: Set<String>?) -> MetricReadings {
        guard let kept = active.map({ ids.map($0.contains) }), kept.contains(false) else {
            return MetricReadings(ids: ids, slots: slots, readings: readings)
        }
        // Slots renumbered over the kept metrics, in the order they were met, as a read of only those numbers them.
        var slotOf = [Int32](repeating: -1, count: ids.count), keptIds: [String] = []
        for (slot, id) in ids.enumerated() where kept[slot] {
            slotOf[slot] = Int32(keptIds.count)
            keptIds.append(id)
        }
        var keptSlots: [Int32] = [], keptReadings: [MetricReadings.Reading] = []
        for (slot, reading) in zip(slots, readings) where kept[Int(slot)] {
            keptSlots.append(slotOf[Int(slot)])
            keptReadings.append(reading)
        }
        return MetricReadings(ids: keptIds, slots: keptSlots, readings: keptReadings)
    }
}
