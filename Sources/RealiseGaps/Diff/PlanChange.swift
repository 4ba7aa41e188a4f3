import RealiseModel

/// One change between two versions of a plan: its kind, the entity it is about, the field that changed, the
/// value before and after, the days a date moved, and where it is stated in the newer version (in the older
/// one for what the newer no longer states).
public struct PlanChange: Sendable, Hashable {
    /// The entity a change is about: type, id and name (the newer version's name, else the older's).
    public typealias Subject = Finding.Subject
    /// A file and line.
    public typealias Source = Finding.Source

    public var kind: ChangeKind
    public var subject: Subject
    /// The field that changed (`forecastFinish`, `target`, a link kind, a gap rule's id); nil for `added` and
    /// `withdrawn`.
    public var field: String?
    public var before: ChangeValue?
    public var after: ChangeValue?
    /// Days a date moved, positive when later: only for a change from one day to another.
    public var days: Int?
    /// Where the change is stated: in the newer version, or in the older for what the newer no longer states.
    public var source: Source?

    public init(kind: ChangeKind, subject: Subject, field: String? = nil, before: ChangeValue? = nil,
                after: ChangeValue? = nil, days: Int? = nil, source: Source? = nil) {
        self.kind = kind
        self.subject = subject
        self.field = field
        self.before = before
        self.after = after
        self.days = days
        self.source = source
    }

    /// A change about `entity`, located at `source`.
    init(_ kind: ChangeKind, _ entity: any Entity, field: String? = nil, before: ChangeValue? = nil, after: ChangeValue? = nil,
         days: Int? = nil, at source: SourceRef? = nil) {
        self.init(kind: kind, subject: Subject(entity), field: field, before: before, after: after, days: days,
                  source: Source(source ?? entity.source))
    }
}

extension Finding.Subject {
    /// The subject for an entity.
    init(_ entity: any Entity) {
        self.init(type: Swift.type(of: entity).type.rawValue, id: entity.id, name: entity.displayName)
    }
}

extension Finding.Source {
    /// Where `source` is, as reports name it.
    init(_ source: SourceRef) { self.init(path: source.place, line: source.line) }
}

extension PlanChange {
    /// The order `PlanDiff` lists changes in: by subject type (programme, organisation, objective, benefit,
    /// deliverable, metric, then any other), subject id, kind (in `ChangeKind`'s declaration order), field, then the
    /// day the values are about and their text.
    static func inOrder(_ a: PlanChange, _ b: PlanChange) -> Bool {
        let left = a.orderKey, right = b.orderKey
        if left.type != right.type { return left.type < right.type }
        if a.subject.id != b.subject.id { return a.subject.id.utf8.lexicographicallyPrecedes(b.subject.id.utf8) }
        if left.kind != right.kind { return left.kind < right.kind }
        if left.field != right.field { return left.field.utf8.lexicographicallyPrecedes(right.field.utf8) }
        if left.day != right.day { return left.day < right.day }
        return left.text.utf8.lexicographicallyPrecedes(right.text.utf8)
    }

    private var orderKey: (type: Int, kind: Int, field: String, day: Int, text: String) {
        let type = EntityType(rawValue: subject.type).flatMap { EntityType.allCases.firstIndex(of: $0) } ?? EntityType.allCases.count
        let kind = ChangeKind.allCases.firstIndex(of: self.kind) ?? 0
        let day = (after?.day ?? before?.day)?.dayNumber ?? Int.min
        let text = [before?.description ?? "", after?.description ?? "", source?.path ?? "", source.map { String($0.line) } ?? ""]
        return (type, kind, field ?? "", day, text.joined(separator: "\u{0}"))
    }
}
