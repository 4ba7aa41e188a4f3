/// A set of entities, links and metric values: what one file yields on import, and also a whole workspace
/// loaded for reporting. Order is kept as read so output is stable.
public struct Plan: Sendable, Hashable, Codable {
    public var programmes: [Programme] = []
    public var organisations: [Organisation] = []
    public var objectives: [Objective] = []
    public var benefits: [Benefit] = []
    public var deliverables: [Deliverable] = []
    public var metrics: [Metric] = []
    public var values: [MetricValue] = []
    public var links: [Link] = []
    /// Review schedules and reviews held: what a file states (an export writes them), or what the workspace holds
    /// when loaded for export. Loading for reporting leaves them empty (the report reads reviews apart).
    public var schedules: [ScheduledReview] = []
    public var reviews: [RecordedReview] = []

    public init() {}

    /// Appends everything in `other`.
    public mutating func merge(_ other: Plan) {
        programmes += other.programmes
        organisations += other.organisations
        objectives += other.objectives
        benefits += other.benefits
        deliverables += other.deliverables
        metrics += other.metrics
        values += other.values
        links += other.links
        schedules += other.schedules
        reviews += other.reviews
    }

    /// Every entity's id with its type and source, in plan order.
    public var entityIndex: [(id: String, type: EntityType, source: SourceRef)] {
        var all: [(String, EntityType, SourceRef)] = []
        all += programmes.map { ($0.id, .programme, $0.source) }
        all += organisations.map { ($0.id, .organisation, $0.source) }
        all += objectives.map { ($0.id, .objective, $0.source) }
        all += benefits.map { ($0.id, .benefit, $0.source) }
        all += deliverables.map { ($0.id, .deliverable, $0.source) }
        all += metrics.map { ($0.id, .metric, $0.source) }
        return all
    }

    /// What the plan holds, in the counts the import summary reports.
    public var counts: ImportCounts {
        ImportCounts(
            objectives: objectives.count,
            benefits: benefits.count,
            deliverables: deliverables.count,
            milestones: deliverables.filter { $0.kind == .milestone }.count,
            metrics: metrics.count,
            baselines: values.filter { $0.kind == .baseline }.count,
            targets: values.filter { $0.kind == .target }.count,
            measurements: values.filter { $0.kind == .measurement }.count,
            links: links.count
        )
    }
}

/// The counts of the import summary (the JSON contract in the README). Milestones are also counted in deliverables.
public struct ImportCounts: Hashable, Sendable, Codable {
    public var objectives = 0
    public var benefits = 0
    public var deliverables = 0
    public var milestones = 0
    public var metrics = 0
    public var baselines = 0
    public var targets = 0
    public var measurements = 0
    public var links = 0

    public init(objectives: Int = 0, benefits: Int = 0, deliverables: Int = 0, milestones: Int = 0,
                metrics: Int = 0, baselines: Int = 0, targets: Int = 0, measurements: Int = 0, links: Int = 0) {
        self.objectives = objectives
        self.benefits = benefits
        self.deliverables = deliverables
        self.milestones = milestones
        self.metrics = metrics
        self.baselines = baselines
        self.targets = targets
        self.measurements = measurements
        self.links = links
    }

    public static func + (lhs: ImportCounts, rhs: ImportCounts) -> ImportCounts {
        ImportCounts(objectives: lhs.objectives + rhs.objectives, benefits: lhs.benefits + rhs.benefits,
                     deliverables: lhs.deliverables + rhs.deliverables, milestones: lhs.milestones + rhs.milestones,
                     metrics: lhs.metrics + rhs.metrics, baselines: lhs.baselines + rhs.baselines,
                     targets: lhs.targets + rhs.targets, measurements: lhs.measurements + rhs.measurements,
                     links: lhs.links + rhs.links)
    }

    /// `3 objectives, 9 benefits, …` for text summaries.
    public var summary: String {
        "\(objectives) objectives, \(benefits) benefits, \(deliverables) deliverables (\(milestones) milestones), "
            + "\(metrics) metrics, \(baselines) baselines, \(targets) targets, \(measurements) measurements, \(links) links"
    }
}
