import Foundation
import RealiseModel

extension Workspace {
    /// The plan as it stood on `day`: the current plan with every entity, link and value state made by a version in
    /// force only after `day` replaced by the state history kept that was in force then (or left out, when it did
    /// not exist yet). A version is in force from its own date (the file's status or update date, the GMPP year,
    /// else the file's time), or the day it was imported when that is earlier; a source's first version from the
    /// beginning. With no version in force after `day`, the current plan.
    /// - Parameter programme: as `loadPlan(programme:)`.
    public func loadPlan(asOf day: Day, programme: String? = nil) throws(StoreError) -> Plan {
        try read { db in
            var plan = try loadPlan(programme: programme)
            let later = try Workspace.runsInForce(after: day, db)
            guard !later.isEmpty else { return plan }
            let runs = "IN (" + later.map(String.init).joined(separator: ", ") + ")"
            let resolved = try programme.map { try Workspace.resolveProgramme(db, $0) }
            try Workspace.removeStates(madeBy: runs, from: &plan, db)
            try Workspace.addStates(inForceOn: day, programme: resolved, to: &plan, db)
            plan.sortInSourceOrder()
            return plan
        }
    }

    /// The runs whose versions came into force after `day`.
    static func runsInForce(after day: Day, _ db: any SQLConnection) throws -> [Int64] {
        try db.fetchAll("SELECT id FROM import_run WHERE in_force > ? ORDER BY id", [day.description]).map { $0["id"] as Int64 }
    }

    /// Leaves out of `plan` the entities, links and values whose current state `runs` (an `IN (…)` of run ids) made.
    private static func removeStates(madeBy runs: String, from plan: inout Plan, _ db: any SQLConnection) throws {
        let entities = Set(try db.fetchAll("SELECT id FROM entity WHERE version_run \(runs)").map { $0["id"] as String })
        let links = Set(try db.fetchAll("SELECT kind, from_id, to_id FROM link WHERE version_run \(runs)").map {
            [$0["kind"] as String, $0["from_id"] as String, $0["to_id"] as String]
        })
        let values = Set(try db.fetchAll("SELECT metric_id, kind, date FROM metric_value WHERE version_run \(runs)").map {
            [$0["metric_id"] as String, $0["kind"] as String, $0["date"] as String]
        })
        plan.removeEntities { entities.contains($0) }
        if !links.isEmpty { plan.links.removeAll { links.contains([$0.kind.rawValue, $0.from, $0.to]) } }
        if !values.isEmpty { plan.values.removeAll { values.contains([$0.metric, $0.kind.rawValue, $0.date.description]) } }
    }

    /// Adds to `plan` the states history kept that were in force on `day`: made by a run in force by then (or before
    /// runs were dated) and ended by one in force after it. Of two for one thing (an older edition imported after a
    /// newer one overlaps what it precedes), the later made.
    private static func addStates(inForceOn day: Day, programme: String?, to plan: inout Plan, _ db: any SQLConnection) throws {
        var chosen: [String: (from: String, id: Int64, kind: String, content: String)] = [:]
        try _ = db.each("""
            SELECT h.kind, h.item, h.content, h.id, f.in_force FROM history h JOIN import_run t ON t.id = h.to_run
            LEFT JOIN import_run f ON f.id = h.from_run
            WHERE t.in_force > ? AND (f.in_force IS NULL OR f.in_force <= ?)
            ORDER BY h.id
            """, [day.description, day.description]) { row in
            let kind = row.string(0)
            let key = (kind == "link" || kind == "value" ? kind : "entity") + " " + row.string(1)
            let from = row.optionalString(4) ?? ""
            if let held = chosen[key], held.from > from { return true }
            chosen[key] = (from, row.int64(3), kind, row.string(2))
            return true
        }
        let decoder = JSONDecoder()
        var added = Plan()
        for state in chosen.values.sorted(by: { $0.id < $1.id }) {
            try EntityStates.add(state.kind, json: state.content, to: &added, decoder: decoder)
        }
        if let programme { added.keepProgramme(programme) }
        // A state in force then stands for the current one (an earlier edition can precede a state not changed since).
        let ids = added.entityIds
        let links = Set(added.links.map(\.historyItem)), values = Set(added.values.map { $0.metric + " " + $0.historyItem })
        plan.removeEntities { ids.contains($0) }
        if !links.isEmpty { plan.links.removeAll { links.contains($0.historyItem) } }
        if !values.isEmpty { plan.values.removeAll { values.contains($0.metric + " " + $0.historyItem) } }
        plan.merge(added)
        let kept = plan.entityIds
        plan.links.removeAll { !kept.contains($0.from) || !kept.contains($0.to) }
        plan.values.removeAll { !kept.contains($0.metric) }
    }
}

extension Workspace {
    /// The revisions of baselines and targets made by versions in force on `day` (see `loadPlan(asOf:programme:)`),
    /// oldest first: what the gap report judged a past plan's targets against.
    public func revisions(asOf day: Day) throws(StoreError) -> [ValueRevision] {
        try read { db in
            let later = Set(try Workspace.runsInForce(after: day, db))
            return try revisions().filter { revision in revision.importRun.map { !later.contains($0) } ?? true }
        }
    }
}
