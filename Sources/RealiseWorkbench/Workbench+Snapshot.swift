import RealiseGaps
import RealiseModel
import RealiseStore

extension Workbench {
    /// The plan (of `programme`, or all) and its history: as they stood on `day` (the revisions made by then), or the
    /// current ones when `day` is nil.
    public func snapshot(asOf day: Day? = nil, programme: String? = nil) throws(WorkbenchError) -> PlanSnapshot {
        try workbenchErrors { try workspace.consistentRead { try unguardedSnapshot(asOf: day, programme: programme) } }
    }

    /// `snapshot(asOf:programme:)` with the plan's values read only as the gap rules read them (`PlanSnapshot.readings`),
    /// for a report that shows no value itself.
    func readingsSnapshot(asOf day: Day?, programme: String?) throws(WorkbenchError) -> PlanSnapshot {
        try workbenchErrors {
            try workspace.consistentRead {
                let (plan, readings) = try store { workspace throws(StoreError) in try workspace.loadPlanReadings(asOf: day, programme: programme) }
                return PlanSnapshot(plan: plan, history: try gapHistory(asOf: day), readings: readings)
            }
        }
    }

    /// `snapshot(asOf:programme:)` for a caller already inside a consistent read.
    func unguardedSnapshot(asOf day: Day?, programme: String?) throws(WorkbenchError) -> PlanSnapshot {
        let plan = try store { workspace throws(StoreError) in
            if let day { return try workspace.loadPlan(asOf: day, programme: programme) }
            return try workspace.loadPlan(programme: programme)
        }
        return PlanSnapshot(plan: plan, history: try gapHistory(asOf: day))
    }

    /// The plan as it stood on `day`, with its gap report as of that day: one end of a comparison. Measurements taken
    /// after the day were not known then, so they are left out (they are what is measured since).
    func end(on day: Day, programme: String?, analyzer: GapAnalyzer, tolerance: Double) throws(WorkbenchError) -> DiffEnd {
        var snapshot = try unguardedSnapshot(asOf: day, programme: programme)
        snapshot.plan.values.removeAll { $0.kind == .measurement && $0.date > day }
        return DiffEnd(label: "plan on \(day)", date: day, plan: snapshot.plan, analyzer: analyzer, history: snapshot.history,
                       tolerance: tolerance)
    }
}
