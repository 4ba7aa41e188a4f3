import RealiseGaps
import RealiseModel
import RealiseStore

/// A plan and what the gap report knows beyond it (revisions, review standings and outcomes, actions), read in
/// one snapshot of the workspace: an import committing meanwhile never mixes old entities with new revisions.
public struct PlanSnapshot: Sendable {
    /// The plan, as it stood on the day asked for or as it stands now.
    public var plan: Plan
    /// What the gap report knows beyond the plan, as of the same day.
    public var history: GapHistory
    /// The plan's values as the gap rules read them, when the plan was read without them (its `values` empty).
    public var readings: MetricReadings?

    /// A plan and its history, read together; `readings` when the plan was read without its values.
    public init(plan: Plan, history: GapHistory, readings: MetricReadings? = nil) {
        self.plan = plan
        self.history = history
        self.readings = readings
    }
}
