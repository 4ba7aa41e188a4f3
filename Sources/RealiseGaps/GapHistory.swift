import RealiseModel

/// What a workspace knows beyond the plan itself: how values were revised, where scheduled reviews stand and
/// what reviews concluded, and the actions agreed.
public struct GapHistory: Sendable {
    public var revisions: [ValueRevision]
    public var reviews: [ReviewStanding]
    /// Every review held (the report takes each subject's latest on or before its as-of day).
    public var outcomes: [ReviewOutcome]
    /// Every action recorded, open or closed (the report takes those open on its as-of day).
    public var actions: [ActionItem]

    public init(revisions: [ValueRevision] = [], reviews: [ReviewStanding] = [], outcomes: [ReviewOutcome] = [],
                actions: [ActionItem] = []) {
        self.revisions = revisions
        self.reviews = reviews
        self.outcomes = outcomes
        self.actions = actions
    }
}
