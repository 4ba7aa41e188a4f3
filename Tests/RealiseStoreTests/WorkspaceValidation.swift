import Foundation
import RealiseModel
@testable import RealiseStore

extension Plan {
    /// The problems the workspace finds importing this plan, each file of it one import unit, into a fresh
    /// in-memory workspace (rolled back): the one validation path, as `realise validate` uses it.
    /// - Parameter existing: entities the workspace already holds (id → type and source), imported first from
    ///   the files their sources name, so that references may use them and new ids collide with them.
    func workspaceProblems(existing: [String: (type: EntityType, source: SourceRef)] = [:]) throws -> [Diagnostic] {
        let workspace = try Workspace(actor: "test")
        // Their files still exist (this one stands in for each), so the import's files cannot take their ids over.
        if !existing.isEmpty { _ = try workspace.importFiles(Plan.holding(existing).units(readFrom: #filePath)) }
        return try workspace.problems(importing: units())
    }

    /// The plan split by source file, one import unit per file, in the order files first appear; each unit named by
    /// its source's path, and read from `readFrom` when given (a file that exists).
    func units(readFrom: String? = nil) -> [ImportedFile] {
        var order: [String] = []
        var parts: [String: Plan] = [:]
        func part(_ path: String, _ add: (inout Plan) -> Void) {
            if parts[path] == nil { order.append(path) }
            add(&parts[path, default: Plan()])
        }
        for item in programmes { part(item.source.path) { $0.programmes.append(item) } }
        for item in organisations { part(item.source.path) { $0.organisations.append(item) } }
        for item in objectives { part(item.source.path) { $0.objectives.append(item) } }
        for item in benefits { part(item.source.path) { $0.benefits.append(item) } }
        for item in deliverables { part(item.source.path) { $0.deliverables.append(item) } }
        for item in metrics { part(item.source.path) { $0.metrics.append(item) } }
        for item in values { part(item.source.path) { $0.values.append(item) } }
        for item in links { part(item.source.path) { $0.links.append(item) } }
        return order.map { ImportedFile(path: readFrom ?? $0, format: "realise-xml", sha256: UUID().uuidString, plan: parts[$0]!).named($0) }
    }

    /// A plan holding an entity of each given id, type and source (names are the ids).
    static func holding(_ entities: [String: (type: EntityType, source: SourceRef)]) -> Plan {
        var plan = Plan()
        for (id, (type, source)) in entities.sorted(by: { $0.key < $1.key }) {
            switch type {
            case .programme: plan.programmes.append(Programme(id: id, name: id, source: source))
            case .organisation: plan.organisations.append(Organisation(id: id, name: id, source: source))
            case .objective: plan.objectives.append(Objective(id: id, statement: id, source: source))
            case .benefit: plan.benefits.append(Benefit(id: id, description: id, source: source))
            case .deliverable: plan.deliverables.append(Deliverable(id: id, name: id, source: source))
            case .metric: plan.metrics.append(Metric(id: id, name: id, source: source))
            }
        }
        return plan
    }
}
