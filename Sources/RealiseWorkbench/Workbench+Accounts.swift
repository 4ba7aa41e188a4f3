import Foundation
import HummingbirdBcrypt
import RealiseModel
import RealiseStore

extension Workbench {
    /// The bcrypt cost passwords are hashed with: 2¹⁰ rounds, a small fraction of a second per sign-in.
    static let bcryptCost: UInt8 = 10
    /// The shortest password accepted, in characters.
    public static let minimumPasswordLength = 8
    /// The longest password accepted, in UTF-8 bytes: bcrypt ignores whatever follows, so a longer one would
    /// silently be a shorter one.
    public static let maximumPasswordBytes = 72

    /// Adds an account; the change log records it as made by this workbench's actor.
    /// - Parameters:
    ///   - name: the sign-in name, in any case (stored lower-case); see `Account.validName(_:)`.
    ///   - displayName: how the plans name the person (an entity's owner); the name when nil.
    ///   - password: nil for an account that signs in with API tokens only.
    /// - Throws: `.badRequest` for a name, display name or password that breaks its rule; `.store(.accountExists)`.
    @discardableResult
    public func addUser(name: String, role: AccountRole, displayName: String? = nil, password: String? = nil,
                        now: Date = Date()) throws(WorkbenchError) -> Account {
        let name = try Workbench.accountName(name)
        let shown = displayName?.trimmingCharacters(in: .whitespaces) ?? name
        guard !shown.isEmpty, shown.count <= 200, !shown.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw .badRequest("the display name must be 1 to 200 characters, with no control characters") }
        let hash = try password.map { password throws(WorkbenchError) in try Workbench.hashPassword(password) }
        let account = Account(name: name, displayName: shown, role: role, createdAt: ISO8601DateFormatter().string(from: now))
        try accountStore { workspace throws(StoreError) in
            try workspace.addAccount(account, passwordHash: hash, calendarSecret: AccessTokens.random(), now: now)
        }
        return account
    }

    /// Every account, by name.
    public func users() throws(WorkbenchError) -> [Account] {
        try store { workspace throws(StoreError) in try workspace.accounts() }
    }

    /// The account named `name` (any case), or nil when there is none.
    public func user(named name: String) throws(WorkbenchError) -> Account? {
        guard let name = Account.validName(name) else { return nil }
        return try store { workspace throws(StoreError) in try workspace.account(named: name) }
    }

    /// Removes an account, with its sessions and API tokens.
    /// - Throws: `.unknownUser`; `.badRequest` for a name that breaks the rule.
    public func removeUser(name: String) throws(WorkbenchError) {
        let name = try Workbench.accountName(name)
        try accountStore { workspace throws(StoreError) in try workspace.removeAccount(named: name) }
    }

    /// Sets an account's password, signing out its sessions (its API tokens stay).
    /// - Throws: `.badRequest` for a password that breaks the rule; `.unknownUser`.
    public func setPassword(name: String, password: String) throws(WorkbenchError) {
        let name = try Workbench.accountName(name)
        let hash = try Workbench.hashPassword(password)
        try accountStore { workspace throws(StoreError) in try workspace.setPasswordHash(hash, for: name) }
    }

    /// Issues a new API token for the account: returned here once, stored only as its hash. It is good until the
    /// account is removed.
    /// - Throws: `.unknownUser`.
    public func newAPIToken(for name: String, now: Date = Date()) throws(WorkbenchError) -> String {
        let name = try Workbench.accountName(name)
        let token = AccessTokens.random()
        try accountStore { workspace throws(StoreError) in
            try workspace.addToken(hash: AccessTokens.hash(token), account: name, kind: .api, csrf: nil, expires: nil, now: now)
        }
        return token
    }

    /// The secret in the address of the account's review calendar.
    /// - Throws: `.unknownUser`.
    public func calendarSecret(for name: String) throws(WorkbenchError) -> String {
        let name = try Workbench.accountName(name)
        return try accountStore { workspace throws(StoreError) in try workspace.calendarSecret(for: name) }
    }

    /// The account whose review calendar has `calendarSecret` in its address; nil when none has.
    public func account(calendarSecret: String) throws(WorkbenchError) -> Account? {
        guard !calendarSecret.isEmpty, calendarSecret.utf8.count <= AccessTokens.maximumLength else { return nil }
        return try store { workspace throws(StoreError) in try workspace.account(calendarSecret: calendarSecret) }
    }

    /// These use-cases with the changes they make recorded as made by `account` (signed in to a server).
    public func acting(as account: Account) -> Workbench {
        Workbench(workspace: workspace.acting(as: account.name))
    }

    /// `typed` as a stored account name (lower-case).
    /// - Throws: `.badRequest` naming the rule.
    static func accountName(_ typed: String) throws(WorkbenchError) -> String {
        guard let name = Account.validName(typed) else {
            throw .badRequest("'\(typed)' is not an account name: use \(Account.nameRule)")
        }
        return name
    }

    /// The password's bcrypt hash.
    /// - Throws: `.badRequest` naming the rule it breaks.
    static func hashPassword(_ password: String) throws(WorkbenchError) -> String {
        guard password.count >= minimumPasswordLength else {
            throw .badRequest("the password is too short: use at least \(minimumPasswordLength) characters")
        }
        guard password.utf8.count <= maximumPasswordBytes else {
            throw .badRequest("the password is too long: use at most \(maximumPasswordBytes) bytes (bcrypt ignores the rest)")
        }
        // bcrypt reads a C string: whatever follows a NUL would be ignored.
        guard !password.utf8.contains(0) else { throw .badRequest("the password must not contain a NUL character") }
        return Bcrypt.hash(password, cost: bcryptCost)
    }

    /// `store(_:)`, with a missing account reported as `.unknownUser`.
    func accountStore<T>(_ body: (Workspace) throws(StoreError) -> T) throws(WorkbenchError) -> T {
        do { return try body(workspace) } catch .unknownAccount(let name) { throw .unknownUser(name) } catch { throw .store(error) }
    }
}
