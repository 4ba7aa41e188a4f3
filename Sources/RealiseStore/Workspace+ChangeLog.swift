import Foundation
import RealiseModel

extension Workspace {
    /// The actor a workspace opened without one records: `$REALISE_ACTOR`, else the login name, else the
    /// user id.
    public static func defaultActor(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let actor = environment["REALISE_ACTOR"], !actor.isEmpty { return actor }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name, !String(cString: name).isEmpty {
            return String(cString: name)
        }
        return environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "uid \(getuid())"
    }

    /// Adds an entry to the change log, inside the caller's transaction (so it exists exactly when the change does).
    func logChange(_ db: any SQLConnection, _ action: ChangeRecord.Action, subject: String?, summary: String, at now: Date) throws {
        try db.send("INSERT INTO change_log (at, actor, action, subject, summary) VALUES (?, ?, ?, ?, ?)",
                       [Workspace.timestamp(now), actor, action.rawValue, subject, summary])
    }

    /// The change log, newest first.
    /// - Parameters:
    ///   - since: only changes on or after this day (UTC).
    ///   - limit: at most this many.
    ///   - subject: only changes to this entity (its exact id) or source.
    public func changes(since: Day? = nil, limit: Int? = nil, subject: String? = nil) throws(StoreError) -> [ChangeRecord] {
        try read { db in
            try db.fetchAll("""
                SELECT id, at, actor, action, subject, summary FROM change_log WHERE (CAST(? AS TEXT) IS NULL OR at >= ?)
                AND (CAST(? AS TEXT) IS NULL OR subject = ?)
                ORDER BY id DESC LIMIT ?
                """, [since?.description, since?.description, subject, subject, limit ?? Int.max]).map { row in
                ChangeRecord(id: row["id"], at: row["at"], actor: row["actor"],
                             action: ChangeRecord.Action(rawValue: row["action"] as String) ?? .import, subject: row["subject"],
                             summary: row["summary"])
            }
        }
    }

    /// `2026-12-02T09:30:00Z`: how the change log and the review tables write a moment.
    static func timestamp(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
}
