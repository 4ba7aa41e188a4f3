import Foundation
import RealiseModel

/// What a token stored in a workspace is for.
public enum AccessTokenKind: String, Sendable {
    /// A browser's sign-in, ending at its expiry, on signing out, or when the password changes.
    case session
    /// A program's token (`realise user token`), good until the account is removed.
    case api
}

extension Workspace {
    /// Stores a token for the account, by its hash. An API token is recorded in the change log (never its hash);
    /// a session is not, as signing in changes nothing in the workspace.
    /// - Parameters:
    ///   - hash: the SHA-256 of the token, in hex; the token itself is never given to the store.
    ///   - csrf: the session's anti-forgery token, handed back by `tokenHolder`.
    ///   - expires: when it stops being accepted; nil for never.
    /// - Throws: `.unknownAccount`.
    public func addToken(hash: String, account name: String, kind: AccessTokenKind, csrf: String?, expires: Date?,
                         now: Date = Date()) throws(StoreError) {
        try write { db in
            if try db.value("SELECT 1 FROM account WHERE name = ?", [name], as: Int.self) == nil {
                throw StoreError.unknownAccount(name: name)
            }
            try db.execute("INSERT INTO access_token (token_hash, account, kind, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                           [hash, name, kind.rawValue, csrf, Workspace.timestamp(now), expires.map(Workspace.timestamp)])
            if kind == .api {
                try logChange(db, .account, subject: Workspace.accountSubject(name), summary: "account \(name): API token issued", at: now)
            }
        }
    }

    /// The account holding the token of this kind with this hash, and the session's anti-forgery token; nil when
    /// no such token is stored or it expired at or before `now`.
    public func tokenHolder(hash: String, kind: AccessTokenKind, now: Date) throws(StoreError) -> (account: Account, csrf: String?)? {
        try read { db in
            guard let row = try db.fetchOne("""
                SELECT a.name, a.display_name, a.role, a.created_at, t.csrf FROM access_token AS t JOIN account AS a ON a.name = t.account
                WHERE t.token_hash = ? AND t.kind = ? AND (t.expires_at IS NULL OR t.expires_at > ?)
                """, [hash, kind.rawValue, Workspace.timestamp(now)]) else { return nil }
            return (Workspace.account(from: row), row["csrf"] as String?)
        }
    }

    /// Forgets a token (signing out); one not stored is no error.
    public func removeToken(hash: String) throws(StoreError) {
        try write { db in _ = try db.execute("DELETE FROM access_token WHERE token_hash = ?", [hash]) }
    }

    /// Forgets every token that expired at or before `now`.
    public func removeExpiredTokens(now: Date) throws(StoreError) {
        try write { db in
            _ = try db.execute("DELETE FROM access_token WHERE expires_at IS NOT NULL AND expires_at <= ?", [Workspace.timestamp(now)])
        }
    }

    /// Records a failed sign-in as `name` (an account's or not). Failures older than a day, of any name, are
    /// forgotten at the same time: no limit looks back further, and names tried at random must not pile up.
    public func recordLoginFailure(_ name: String, at moment: Date) throws(StoreError) {
        try write { db in
            try db.execute("DELETE FROM login_failure WHERE at < ?", [Workspace.timestamp(moment.addingTimeInterval(-86_400))])
            try db.execute("INSERT INTO login_failure (account, at) VALUES (?, ?)", [name, Workspace.timestamp(moment)])
        }
    }

    /// How many failed sign-ins as `name` were recorded at or after `since`.
    public func loginFailures(_ name: String, since: Date) throws(StoreError) -> Int {
        try read { db in
            try db.value("SELECT count(*) FROM login_failure WHERE account = ? AND at >= ?", [name, Workspace.timestamp(since)],
                         as: Int.self) ?? 0
        }
    }

    /// The moments of the failed sign-ins as `name` recorded at or after `since`, earliest first: when the oldest
    /// drops out of the window, the rate limit lifts.
    public func loginFailureTimes(_ name: String, since: Date) throws(StoreError) -> [Date] {
        try read { db in
            let formatter = ISO8601DateFormatter()
            return try db.fetchAll("SELECT at FROM login_failure WHERE account = ? AND at >= ? ORDER BY at",
                                   [name, Workspace.timestamp(since)]).compactMap { formatter.date(from: $0["at"] as String) }
        }
    }

    /// Forgets the failed sign-ins as `name` (after one succeeds).
    public func clearLoginFailures(_ name: String) throws(StoreError) {
        try write { db in _ = try db.execute("DELETE FROM login_failure WHERE account = ?", [name]) }
    }
}
