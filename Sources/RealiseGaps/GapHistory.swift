import RealiseModel

/// What a workspace knows beyond the plan itself: how values were revised, where scheduled reviews stand and
/// what reviews concluded.
public struct GapHistory: Sendable {
    public var revisions: [ValueRevision]
    public var reviews: [ReviewStanding]
    /// Every review held (the report takes each subject's latest on or before its as-of day).
    public var outcomes: [ReviewOutcome]

    public init(revisions: [ValueRevision] = [], reviews: [ReviewStanding] = [], outcomes: [ReviewOutcome] = []) {
        self.revisions = revisions
        self.reviews = reviews
        self.outcomes = outcomes
    }
}
