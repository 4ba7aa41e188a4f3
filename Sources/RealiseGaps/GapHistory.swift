import RealiseModel

/// What a workspace knows beyond the plan itself: how values were revised and where reviews stand.
public struct GapHistory: Sendable {
    public var revisions: [ValueRevision]
    public var reviews: [ReviewStanding]

    public init(revisions: [ValueRevision] = [], reviews: [ReviewStanding] = []) {
        self.revisions = revisions
        self.reviews = reviews
    }
}
