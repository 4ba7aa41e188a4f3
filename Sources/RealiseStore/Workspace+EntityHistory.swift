import Foundation
import RealiseModel

/// One version of an entity: its state as that version stated it, and the import run that made it.
public struct EntityVersion: Sendable {
    /// A plan holding the entity as it was, alone; empty when this version withdrew it.
    public var state: Plan
    /// The run that made this version; nil for a state kept from before runs made versions.
    public var run: ImportRunSummary?
    /// The day the version came into force; nil when it stands from the beginning (a source's first version).
    public var since: Day?

    public init(state: Plan, run: ImportRunSummary?, since: Day?) {
        self.state = state
        self.run = run
        self.since = since
    }
}

extension Workspace {
    /// The versions of the entity `id` (as `resolveEntity(_:)` resolves it, or a withdrawn one's exact id), oldest first: each state history kept,
    /// the current one, and a withdrawal where a state ended and no other followed it.
    /// - Throws: `.unknownEntity` when no entity has ever had the id.
    public func entityVersions(_ id: String) throws(StoreError) -> [EntityVersion] {
        // A withdrawn entity is known by its exact id only.
        let resolved = (try? resolveEntity(id).id) ?? id
        let runs = Dictionary(try importRuns().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let versions: [EntityVersion] = try read { db in
            let inForce = Dictionary(try db.fetchAll("SELECT id, in_force FROM import_run WHERE in_force IS NOT NULL").map {
                ($0["id"] as Int64, Day(iso: $0["in_force"] as String))
            }, uniquingKeysWith: { first, _ in first })
            var states: [(from: Int64?, to: Int64?, state: Plan)] = []
            let decoder = JSONDecoder()
            for row in try db.fetchAll("""
                SELECT kind, content, from_run, to_run FROM history WHERE item = ? AND kind NOT IN ('link', 'value') ORDER BY id
                """, [resolved]) {
                var state = Plan()
                try EntityStates.add(row["kind"], json: row["content"], to: &state, decoder: decoder)
                states.append((row["from_run"], row["to_run"], state))
            }
            if let current = try db.fetchOne("SELECT type, version_run, withdrawn_run FROM entity WHERE id = ?", [resolved]),
               (current["withdrawn_run"] as Int64?) == nil, let type = EntityType(rawValue: current["type"]),
               let json = try EntityStates.load(type, ids: [resolved], db: db)[resolved]?.json {
                var state = Plan()
                try EntityStates.add(type.rawValue, json: json, to: &state, decoder: decoder)
                states.append((current["version_run"], nil, state))
            }
            func day(_ run: Int64?) -> Day? { run.flatMap { inForce[$0] ?? nil } }
            states.sort { (day($0.from)?.description ?? "", $0.from ?? 0) < (day($1.from)?.description ?? "", $1.from ?? 0) }
            var versions: [EntityVersion] = []
            for (index, state) in states.enumerated() {
                versions.append(EntityVersion(state: state.state, run: state.from.flatMap { runs[$0] }, since: day(state.from)))
                if let to = state.to, index == states.count - 1 || states[index + 1].from != to {
                    versions.append(EntityVersion(state: Plan(), run: runs[to], since: day(to)))
                }
            }
            return versions
        }
        guard !versions.isEmpty else { throw .unknownEntity(id: id) }
        return versions
    }
}
