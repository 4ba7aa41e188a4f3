import Foundation
import RealiseModel

/// Entities as whole states, for history: the content an import fingerprints, stored entities loaded by id and
/// encoded as JSON, and history's JSON decoded back into a plan.
enum EntityStates {
    /// What an entity's fingerprint covers: everything stored but its id, its source and the import's marks.
    static func content<E: Entity>(_ entity: E, _ table: EntityTable<E>) -> SQLArguments {
        content(entity, table, values: table.values(entity))
    }

    /// As `content(_:_:)`, given the entity's values of its type's columns (`table.values(entity)`).
    static func content<E: Entity>(_ entity: E, _ table: EntityTable<E>, values: SQLArguments) -> SQLArguments {
        [E.type.rawValue, entity[keyPath: table.title], entity.programme, entity.owner, entity.organisation, entity.notes] + values
    }

    /// The stored entities of `type` with these ids, each as JSON (the model's `Codable` form) with its fingerprint.
    static func load(_ type: EntityType, ids: [String], db: any SQLConnection) throws -> [String: (json: String, hash: Int64)] {
        switch type {
        case .programme: try load(EntityTables.programme, ids, db)
        case .organisation: try load(EntityTables.organisation, ids, db)
        case .objective: try load(EntityTables.objective, ids, db)
        case .benefit: try load(EntityTables.benefit, ids, db)
        case .deliverable: try load(EntityTables.deliverable, ids, db)
        case .metric: try load(EntityTables.metric, ids, db)
        }
    }

    private static func load<E: Entity>(_ table: EntityTable<E>, _ ids: [String], _ db: any SQLConnection) throws
        -> [String: (json: String, hash: Int64)] {
        var shared = SharedStrings()
        var found: [String: (json: String, hash: Int64)] = [:]
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            try _ = db.each("""
                SELECT \(EntityRow.columns)\(table.columns.map { ", t.\($0.name)" }.joined()) FROM \(table.name) t
                JOIN entity e ON e.id = t.id WHERE e.id IN (\(Array(repeating: "?", count: chunk.count).joined(separator: ", ")))
                """, chunk) { row in
                let entity = table.make(EntityRow(row, shared: &shared))
                found[entity.id] = (try json(entity), ContentHash.of(content(entity, table)[...]))
                return true
            }
        }
        return found
    }

    /// A state as history keeps it: the model's `Codable` form, keys sorted.
    static func json<T: Encodable>(_ state: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(state), as: UTF8.self)
    }

    /// Adds the state a history row of `kind` holds (an entity type's word, `value` or `link`) to `plan`.
    static func add(_ kind: String, json: String, to plan: inout Plan, decoder: JSONDecoder) throws {
        let data = Data(json.utf8)
        switch kind {
        case "value": plan.values.append(try decoder.decode(MetricValue.self, from: data))
        case "link": plan.links.append(try decoder.decode(Link.self, from: data))
        case EntityType.programme.rawValue: plan.programmes.append(try decoder.decode(Programme.self, from: data))
        case EntityType.organisation.rawValue: plan.organisations.append(try decoder.decode(Organisation.self, from: data))
        case EntityType.objective.rawValue: plan.objectives.append(try decoder.decode(Objective.self, from: data))
        case EntityType.benefit.rawValue: plan.benefits.append(try decoder.decode(Benefit.self, from: data))
        case EntityType.deliverable.rawValue: plan.deliverables.append(try decoder.decode(Deliverable.self, from: data))
        case EntityType.metric.rawValue: plan.metrics.append(try decoder.decode(Metric.self, from: data))
        default: break
        }
    }
}
