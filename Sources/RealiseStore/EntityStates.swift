import Foundation
import RealiseModel

/// Entities as whole states, for history: the content an import fingerprints, stored entities loaded by id and
/// encoded as JSON, and history's JSON decoded back into a plan.
enum EntityStates {
    /// An entity's fingerprint: of everything stored but its id, its source and the import's marks.
    static func hash<E: Entity>(_ entity: E, _ table: EntityTable<E>) -> Int64 {
        var shared = SQLRows(width: 7), own = table.rows
        shared.append(entity.id)
        appendShared(entity, table, to: &shared)
        table.write(entity, into: &own)
        return hash(shared: shared, row: 0, own: own, row: 0)
    }

    /// Appends the `entity` columns an entity's fingerprint covers, in its order: type, title, programme, owner,
    /// organisation, notes (the import's `entity` rows hold them so, after the id).
    static func appendShared<E: Entity>(_ entity: E, _ table: EntityTable<E>, to rows: inout SQLRows) {
        rows.append(E.type.rawValue)
        rows.append(entity[keyPath: table.title])
        rows.append(entity.programme)
        rows.append(entity.owner)
        rows.append(entity.organisation)
        rows.append(entity.notes)
    }

    /// The fingerprint of the entity whose `entity` columns are row `row` of `shared` (its id, then as `appendShared`
    /// puts them) and whose own table's row is row `ownRow` of `own` (its id, then its columns).
    static func hash(shared: SQLRows, row: Int, own: SQLRows, row ownRow: Int) -> Int64 {
        var hash = ContentHash()
        let start = row * shared.width + 1
        shared.hash(start..<(start + 6), into: &hash)
        own.hash((ownRow * own.width + 1)..<((ownRow + 1) * own.width), into: &hash)
        return hash.fingerprint
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
                let entity = table.make(row, &shared)
                found[entity.id] = (try json(entity), hash(entity, table))
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
