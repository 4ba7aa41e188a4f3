import Foundation
import RealiseModel

extension Workspace {
    /// Stores an action on `subject` (an entity still in the workspace, its id matched ignoring case when only one
    /// matches) and returns its number and target as stored. The change log records it, as the workspace's actor.
    /// - Parameters:
    ///   - rule: the rule of a finding key (`rule:ID`); nil for an action on the entity itself.
    ///   - on: the day it was agreed.
    /// - Throws: `.unknownEntity` when no entity has the id `subject`.
    public func addAction(subject: String, rule: String?, owner: String, due: Day, note: String?,
                          on day: Day, now: Date = Date()) throws(StoreError) -> (id: Int64, target: String) {
        try write { db in
            let subject = try Workspace.resolve(db, subject).id
            let target = rule.map { "\($0):\(subject)" } ?? subject
            let id = try db.insert("""
                INSERT INTO action_item (target, subject_id, rule, owner, due, opened_on, opened_by, opened_note, opened_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """, [target, subject, rule, owner, due.description, day.description, actor, note, Workspace.timestamp(now)])
            try logChange(db, .actionAdd, subject: subject, summary: "action #\(id) on \(target): owner \(owner), due \(due)"
                          + (note.map { "; \($0)" } ?? ""), at: now)
            return (id, target)
        }
    }

    /// Closes an open action, saying what was done.
    /// - Throws: `.invalidValue` when there is no action with that number, it is already closed, or `day` is
    ///   before the day it was opened.
    public func closeAction(id: Int64, note: String?, on day: Day, now: Date = Date()) throws(StoreError) {
        try write { db in
            guard let row = try db.fetchOne("SELECT target, subject_id, opened_on, closed_on, closed_by FROM action_item WHERE id = ?", [id]) else {
                throw StoreError.invalidValue("no action #\(id); `realise action list` shows the actions and their numbers")
            }
            if let closed: String = row["closed_on"] {
                throw StoreError.invalidValue("action #\(id) was already closed on \(closed) by \(row["closed_by"] as String? ?? "someone"); "
                                              + "add a new action with `realise action add` if more is needed")
            }
            let opened: String = row["opened_on"]
            guard day.description >= opened else {
                throw StoreError.invalidValue("action #\(id) was opened on \(opened); give a --date on or after it (not \(day))")
            }
            // Only an open action is closed: of two people closing one action at once, the second is told it is closed.
            let changed = try db.execute("""
                UPDATE action_item SET closed_on = ?, closed_by = ?, closed_note = ?, closed_at = ? WHERE id = ? AND closed_on IS NULL
                """, [day.description, actor, note, Workspace.timestamp(now), id])
            guard changed == 1 else { throw StoreError.invalidValue("action #\(id) was closed by someone else meanwhile") }
            try logChange(db, .actionClose, subject: row["subject_id"], summary: "action #\(id) on \(row["target"] as String) closed"
                          + (note.map { ": \($0)" } ?? ""), at: now)
        }
    }

    /// Every action, by number.
    public func actions() throws(StoreError) -> [ActionItem] {
        try read { db in
            try db.fetchAll("SELECT * FROM action_item ORDER BY id").compactMap { row in
                guard let due = Day(iso: row["due"] as String), let opened = Day(iso: row["opened_on"] as String) else { return nil }
                let closed = (row["closed_on"] as String?).flatMap { Day(iso: $0) }.map { day in
                    ActionItem.Event(on: day, by: row["closed_by"] as String? ?? "", note: row["closed_note"])
                }
                return ActionItem(id: row["id"], target: row["target"], subject: row["subject_id"], rule: row["rule"],
                                  owner: row["owner"], due: due,
                                  opened: ActionItem.Event(on: opened, by: row["opened_by"], note: row["opened_note"]), closed: closed)
            }
        }
    }
}
