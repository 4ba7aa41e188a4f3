import Foundation
import HummingbirdBcrypt
import RealiseModel
import RealiseStore

extension Workbench {
    /// How long a sign-in lasts: a working day, with room to spare.
    public static let sessionLength: TimeInterval = 12 * 3600
    /// Failed sign-ins for one name within `loginWindow` after which the next attempts are refused unchecked.
    public static let loginAttempts = 5
    /// The window failed sign-ins are counted over.
    public static let loginWindow: TimeInterval = 15 * 60

    /// A bcrypt hash of no one's password, checked against when the name is no account's (or its account has
    /// no password), so that a wrong name takes as long to refuse as a wrong password.
    private static let decoyHash = Bcrypt.hash("not anyone's password", cost: bcryptCost)

    /// Signs in with a name (any case) and password, starting a session of `sessionLength`.
    ///
    /// After `loginAttempts` failures for the name within `loginWindow`, attempts are refused without the password
    /// being checked until the oldest of them leaves the window; failures are counted for names that are no
    /// account's too, so that the answers do not tell which names exist. A success clears the name's failures.
    ///
    /// bcrypt takes a good fraction of a second by design: a server calls this off its event loop (a thread pool).
    /// - Throws: `.tooManyAttempts` with the seconds to wait; `.badCredentials` for a wrong name or password (one
    ///   error for both).
    public func logIn(name typed: String, password: String, now: Date) throws(WorkbenchError) -> LoginSession {
        guard let name = Account.validName(typed), password.utf8.count <= 1024 else {
            _ = Bcrypt.verify(password, hash: Workbench.decoyHash)
            throw .badCredentials
        }
        try refuseWhileLimited(name, now: now)
        let (account, hash) = try store { workspace throws(StoreError) -> (Account?, String?) in
            guard let account = try workspace.account(named: name) else { return (nil, nil) }
            return (account, try workspace.passwordHash(for: name))
        }
        let matches = Bcrypt.verify(password, hash: hash ?? Workbench.decoyHash)
        guard let account, hash != nil, matches else {
            try store { workspace throws(StoreError) in try workspace.recordLoginFailure(name, at: now) }
            throw .badCredentials
        }
        let session = LoginSession(token: AccessTokens.random(), csrf: AccessTokens.random(), account: account,
                                   expires: now.addingTimeInterval(Workbench.sessionLength))
        try accountStore { workspace throws(StoreError) in
            try workspace.clearLoginFailures(name)
            // Housekeeping while signing in, which is rare enough: sessions past their end are dropped.
            try workspace.removeExpiredTokens(now: now)
            try workspace.addToken(hash: AccessTokens.hash(session.token), account: name, kind: .session, csrf: session.csrf,
                                   expires: session.expires, now: now)
        }
        return session
    }

    /// Throws `.tooManyAttempts` when `name` has had `loginAttempts` failures within the window before `now`.
    private func refuseWhileLimited(_ name: String, now: Date) throws(WorkbenchError) {
        let failures = try store { workspace throws(StoreError) in
            try workspace.loginFailureTimes(name, since: now.addingTimeInterval(-Workbench.loginWindow))
        }
        guard failures.count >= Workbench.loginAttempts else { return }
        // The limit lifts when enough of the failures have left the window to leave fewer than the limit in it.
        let lifts = failures[failures.count - Workbench.loginAttempts].addingTimeInterval(Workbench.loginWindow)
        throw .tooManyAttempts(retryAfter: max(1, Int(lifts.timeIntervalSince(now).rounded(.up))))
    }

    /// The account signed in with the session `token`, and the session's anti-forgery token; nil when the token
    /// is no session's, or its session has ended (expired, signed out, password changed, account removed).
    public func session(token: String, now: Date) throws(WorkbenchError) -> (account: Account, csrf: String)? {
        guard !token.isEmpty, token.utf8.count <= AccessTokens.maximumLength else { return nil }
        let holder = try store { workspace throws(StoreError) in
            try workspace.tokenHolder(hash: AccessTokens.hash(token), kind: .session, now: now)
        }
        return holder.map { ($0.account, $0.csrf ?? "") }
    }

    /// Ends the session `token` (signing out); a token that is no session's is no error.
    public func logOut(token: String) throws(WorkbenchError) {
        guard !token.isEmpty, token.utf8.count <= AccessTokens.maximumLength else { return }
        try store { workspace throws(StoreError) in try workspace.removeToken(hash: AccessTokens.hash(token)) }
    }

    /// The account holding the API token `token`; nil when it is no API token (or its account was removed).
    public func apiAccount(token: String, now: Date) throws(WorkbenchError) -> Account? {
        guard !token.isEmpty, token.utf8.count <= AccessTokens.maximumLength else { return nil }
        return try store { workspace throws(StoreError) in
            try workspace.tokenHolder(hash: AccessTokens.hash(token), kind: .api, now: now)?.account
        }
    }
}
