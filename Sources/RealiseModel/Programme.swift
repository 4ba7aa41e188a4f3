/// A container for one imported plan family, sponsored by an organisation and led by a senior responsible owner.
public struct Programme: Entity {
    public static let type = EntityType.programme
    public var id: String
    public var name: String
    public var programme: String?
    /// The sponsoring organisation's id.
    public var organisation: String?
    /// The senior responsible owner.
    public var owner: String?
    public var notes: String?
    public var source: SourceRef
    public var displayName: String { name }

    public init(id: String, name: String, organisation: String? = nil, owner: String? = nil,
                notes: String? = nil, source: SourceRef) {
        self.id = id
        self.name = name
        self.programme = id
        self.organisation = organisation
        self.owner = owner
        self.notes = notes
        self.source = source
    }
}

/// A public body, supplier or partner.
public struct Organisation: Entity {
    public static let type = EntityType.organisation
    public var id: String
    public var name: String
    public var programme: String?
    public var owner: String? { nil }
    public var organisation: String? { nil }
    public var notes: String?
    public var source: SourceRef
    public var displayName: String { name }

    public init(id: String, name: String, programme: String? = nil, notes: String? = nil, source: SourceRef) {
        self.id = id
        self.name = name
        self.programme = programme
        self.notes = notes
        self.source = source
    }
}
