/// A vision statement or strategic objective. Objectives nest: a vision is the parent of its objectives.
public struct Objective: Entity {
    public static let type = EntityType.objective
    public var id: String
    public var statement: String
    /// The parent objective's id (the vision this objective serves).
    public var parent: String?
    /// The date by which the objective should be achieved.
    public var horizon: Day?
    public var programme: String?
    public var owner: String?
    public var organisation: String?
    public var notes: String?
    public var source: SourceRef
    public var displayName: String { statement }

    public init(id: String, statement: String, parent: String? = nil, horizon: Day? = nil,
                programme: String? = nil, owner: String? = nil, organisation: String? = nil,
                notes: String? = nil, source: SourceRef) {
        self.id = id
        self.statement = statement
        self.parent = parent
        self.horizon = horizon
        self.programme = programme
        self.owner = owner
        self.organisation = organisation
        self.notes = notes
        self.source = source
    }
}
