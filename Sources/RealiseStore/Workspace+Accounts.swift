import Foundation
import RealiseModel

extension Workspace {
    /// This workspace's database — the same connections — with the changes made through the value returned recorded
    /// in the change log as made by `actor` (a signed-in account's name, on a server shared by many).
    public func acting(as actor: String) -> Workspace {
        Workspace(sharing: self, actor: actor)
    }

    /// Adds an account; its name is stored as given (`Account.validName(_:)` is the caller's check). The change log
    /// records it, without the password hash or the calendar secret.
    /// - Parameters:
    ///   - passwordHash: the bcrypt hash of its password; nil for an account that signs in with API tokens only.
    ///   - calendarSecret: the random secret in the address of its review calendar (unique).
    /// - Throws: `.accountExists` when the name is taken.
    public func addAccount(_ account: Account, passwordHash: String?, calendarSecret: String, now: Date = Date()) throws(StoreError) {
        try write { db in
            if try db.value("SELECT 1 FROM account WHERE name = ?", [account.name], as: Int.self) != nil {
                throw StoreError.accountExists(name: account.name)
            }
            try db.execute("""
                INSERT INTO account (name, display_name, role, password_hash, calendar_secret, created_at) VALUES (?, ?, ?, ?, ?, ?)
                """, [account.name, account.displayName, account.role.rawValue, passwordHash, calendarSecret, account.createdAt])
            try logChange(db, .account, subject: Workspace.accountSubject(account.name),
                          summary: "account \(account.name) added (\(account.role.rawValue), \(account.displayName))"
                              + (passwordHash == nil ? ", no password" : ""), at: now)
        }
    }

    /// Every account, by name.
    public func accounts() throws(StoreError) -> [Account] {
        try read { db in try db.fetchAll("SELECT * FROM account ORDER BY name").map(Workspace.account(from:)) }
    }

    /// The account named `name` (exactly, as stored: lower-case), or nil when there is none.
    public func account(named name: String) throws(StoreError) -> Account? {
        try read { db in try db.fetchOne("SELECT * FROM account WHERE name = ?", [name]).map(Workspace.account(from:)) }
    }

    /// The account whose review calendar has `calendarSecret` in its address, or nil when none has.
    public func account(calendarSecret: String) throws(StoreError) -> Account? {
        try read { db in
            try db.fetchOne("SELECT * FROM account WHERE calendar_secret = ?", [calendarSecret]).map(Workspace.account(from:))
        }
    }

    /// The secret in the address of the account's review calendar.
    /// - Throws: `.unknownAccount`.
    public func calendarSecret(for name: String) throws(StoreError) -> String {
        try read { db in
            guard let secret = try db.value("SELECT calendar_secret FROM account WHERE name = ?", [name], as: String.self) else {
                throw StoreError.unknownAccount(name: name)
            }
            return secret
        }
    }

    /// Removes an account with its sessions, API tokens and failed sign-ins; the change log records it.
    /// - Throws: `.unknownAccount`.
    public func removeAccount(named name: String, now: Date = Date()) throws(StoreError) {
        try write { db in
            // The foreign key cascades to the tokens; deleted here as well so that no backend's setting matters.
            try db.execute("DELETE FROM access_token WHERE account = ?", [name])
            try db.execute("DELETE FROM login_failure WHERE account = ?", [name])
            guard try db.execute("DELETE FROM account WHERE name = ?", [name]) == 1 else { throw StoreError.unknownAccount(name: name) }
            try logChange(db, .account, subject: Workspace.accountSubject(name), summary: "account \(name) removed", at: now)
        }
    }

    /// Sets the account's password hash and ends its sessions (whoever knew the old password is signed out); its
    /// API tokens stay. The change log records it.
    /// - Throws: `.unknownAccount`.
    public func setPasswordHash(_ hash: String, for name: String, now: Date = Date()) throws(StoreError) {
        try write { db in
            guard try db.execute("UPDATE account SET password_hash = ? WHERE name = ?", [hash, name]) == 1 else {
                throw StoreError.unknownAccount(name: name)
            }
            try db.execute("DELETE FROM access_token WHERE account = ? AND kind = 'session'", [name])
            try logChange(db, .account, subject: Workspace.accountSubject(name), summary: "account \(name): password set", at: now)
        }
    }

    /// The account's bcrypt password hash; nil when it has none (API tokens only).
    /// - Throws: `.unknownAccount`.
    public func passwordHash(for name: String) throws(StoreError) -> String? {
        try read { db in
            guard let row = try db.fetchOne("SELECT password_hash FROM account WHERE name = ?", [name]) else {
                throw StoreError.unknownAccount(name: name)
            }
            return row["password_hash"] as String?
        }
    }

    /// Who answers for `subject` (its id in any case): the entity's owner and, for a metric, the owners of the
    /// benefits and objectives it measures; withdrawn entities and links do not count. What an owner account may
    /// record is decided from these.
    /// - Throws: `.unknownEntity`, or `.invalidValue` when the id matches several ignoring case.
    public func responsibleOwners(of subject: String) throws(StoreError) -> (id: String, type: EntityType, owners: [String]) {
        try read { db in
            let (id, type) = try Workspace.resolve(db, subject)
            var owners = try db.value("SELECT owner FROM entity WHERE id = ?", [id], as: String.self).map { [$0] } ?? []
            if type == .metric {
                owners += try db.fetchAll("""
                    SELECT e.owner FROM link AS l JOIN entity AS e ON e.id = l.to_id
                    WHERE l.kind = 'measures' AND l.from_id = ? AND l.withdrawn_run IS NULL AND e.withdrawn_run IS NULL
                    AND e.owner IS NOT NULL ORDER BY e.id
                    """, [id]).map { $0["owner"] as String }
            }
            return (id, type, owners)
        }
    }

    /// An account's row as an `Account`; a role this version does not know reads as the least (viewer).
    static func account(from row: SQLRow) -> Account {
        Account(name: row["name"], displayName: row["display_name"],
                role: AccountRole(rawValue: row["role"] as String) ?? .viewer, createdAt: row["created_at"])
    }

    /// The change log's subject for an account: `account:NAME`, so that it is never taken for an entity id.
    static func accountSubject(_ name: String) -> String { "account:\(name)" }
}
