/// A typed, directed relation between two entities. Links are first-class: stored, listed and reported on.
public struct Link: Hashable, Sendable, Codable {
    /// The relation.
    public enum Kind: String, KebabCaseEnum {
        /// Benefit → Objective, Objective → Objective.
        case contributesTo = "contributes-to"
        /// Benefit → Deliverable.
        case enabledBy = "enabled-by"
        /// Deliverable → Deliverable, Benefit → Benefit.
        case dependsOn = "depends-on"
        /// Metric → Benefit, with an optional attribution share.
        case measures

        /// The entity types allowed at each end.
        public var allowed: [(from: EntityType, to: EntityType)] {
            switch self {
            case .contributesTo: [(.benefit, .objective), (.objective, .objective)]
            case .enabledBy: [(.benefit, .deliverable)]
            case .dependsOn: [(.deliverable, .deliverable), (.benefit, .benefit)]
            case .measures: [(.metric, .benefit), (.metric, .objective)]
            }
        }
    }

    /// MSPDI dependency types.
    public enum DependencyType: String, KebabCaseEnum {
        case finishToStart = "fs", startToStart = "ss", finishToFinish = "ff", startToFinish = "sf"
    }

    public var kind: Kind
    public var from: String
    public var to: String
    /// For `depends-on` between deliverables.
    public var dependencyType: DependencyType?
    /// Lag in days for `depends-on`.
    public var lagDays: Double?
    /// For `measures`: the share (0–100 %) of the metric attributed to this benefit.
    public var share: Double?
    public var source: SourceRef

    public init(kind: Kind, from: String, to: String, dependencyType: DependencyType? = nil,
                lagDays: Double? = nil, share: Double? = nil, source: SourceRef) {
        self.kind = kind
        self.from = from
        self.to = to
        self.dependencyType = dependencyType
        self.lagDays = lagDays
        self.share = share
        self.source = source
    }

    /// The identity of a link within a workspace: one link of a kind between two entities.
    public var key: String { "\(kind.rawValue)|\(from)|\(to)" }
}
