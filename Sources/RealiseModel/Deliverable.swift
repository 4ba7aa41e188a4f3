/// An output, project, milestone, business change or enabler: something a plan commits to deliver.
public struct Deliverable: Entity {
    public static let type = EntityType.deliverable

    /// What sort of deliverable it is; summaries group others in a work breakdown structure.
    public enum Kind: String, KebabCaseEnum {
        case project, output, milestone, task, summary
        case businessChange = "business-change"
        case enabler
        public static var aliases: [String: Kind] { ["change": .businessChange, "workpackage": .summary, "phase": .summary] }
    }

    public var id: String
    public var name: String
    public var kind: Kind
    /// The parent deliverable in the work breakdown structure.
    public var parent: String?
    public var plannedStart: Day?
    public var plannedFinish: Day?
    public var baselineStart: Day?
    public var baselineFinish: Day?
    public var forecastFinish: Day?
    public var actualStart: Day?
    public var actualFinish: Day?
    /// 0–100.
    public var percentComplete: Double?
    public var status: String?
    /// Delivery confidence (for example a GMPP Delivery Confidence Assessment).
    public var deliveryConfidence: RAG?
    public var programme: String?
    public var owner: String?
    public var organisation: String?
    public var notes: String?
    public var source: SourceRef
    public var displayName: String { name }

    public init(id: String, name: String, kind: Kind = .task, parent: String? = nil,
                plannedStart: Day? = nil, plannedFinish: Day? = nil, baselineStart: Day? = nil,
                baselineFinish: Day? = nil, forecastFinish: Day? = nil, actualStart: Day? = nil,
                actualFinish: Day? = nil, percentComplete: Double? = nil, status: String? = nil,
                deliveryConfidence: RAG? = nil, programme: String? = nil, owner: String? = nil,
                organisation: String? = nil, notes: String? = nil, source: SourceRef) {
        self.id = id
        self.name = name
        self.kind = kind
        self.parent = parent
        self.plannedStart = plannedStart
        self.plannedFinish = plannedFinish
        self.baselineStart = baselineStart
        self.baselineFinish = baselineFinish
        self.forecastFinish = forecastFinish
        self.actualStart = actualStart
        self.actualFinish = actualFinish
        self.percentComplete = percentComplete
        self.status = status
        self.deliveryConfidence = deliveryConfidence
        self.programme = programme
        self.owner = owner
        self.organisation = organisation
        self.notes = notes
        self.source = source
    }

    /// The best available finish: actual, then forecast, then planned.
    public var expectedFinish: Day? { actualFinish ?? forecastFinish ?? plannedFinish }
}
