import RealiseModel

/// What changed between two versions of a plan: the two ends (label and day) and the changes in `PlanDiff`'s
/// order. What every diff renderer takes.
public struct DiffReport: Sendable, Hashable {
    /// One end as the report names it.
    public struct End: Sendable, Hashable {
        public var label: String
        public var date: Day

        public init(label: String, date: Day) {
            self.label = label
            self.date = date
        }
    }

    public var from: End
    public var to: End
    /// The changes, by subject type, subject id, kind and field (see `PlanDiff`).
    public var changes: [PlanChange]

    public init(from: End, to: End, changes: [PlanChange]) {
        self.from = from
        self.to = to
        self.changes = changes
    }

    /// How many changes of each kind, every kind in declaration order (zero included).
    public var summary: [(kind: ChangeKind, count: Int)] {
        var counts: [ChangeKind: Int] = [:]
        for change in changes { counts[change.kind, default: 0] += 1 }
        return ChangeKind.allCases.map { ($0, counts[$0] ?? 0) }
    }

    /// The changes grouped by kind in reading order (`ChangeKind.readingOrder`: the headline kinds first), empty
    /// groups left out; within a group, in the report's order.
    public var sections: [(kind: ChangeKind, changes: [PlanChange])] {
        let grouped = Dictionary(grouping: changes, by: \.kind)
        return ChangeKind.readingOrder.compactMap { kind in grouped[kind].map { (kind, $0) } }
    }

    /// The headline sections only — slips, targets lowered or deferred, delivery confidence, gaps opened and
    /// closed — for a "since" summary in another report.
    public var headline: [(kind: ChangeKind, changes: [PlanChange])] {
        sections.filter { $0.kind.isHeadline }
    }
}
