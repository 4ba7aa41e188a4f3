/// The kinds of entity a workspace holds; every entity id is unique across all of them.
public enum EntityType: String, KebabCaseEnum {
    case programme, organisation, objective, benefit, deliverable, metric
}

/// What every entity shares: a stable id, a display name, an owner and organisation, notes and provenance.
public protocol Entity: Sendable, Hashable, Codable {
    static var type: EntityType { get }
    var id: String { get }
    /// The statement, description or name shown in reports.
    var displayName: String { get }
    var programme: String? { get set }
    var owner: String? { get }
    var organisation: String? { get }
    var notes: String? { get }
    var source: SourceRef { get }
}
