import Foundation
import Testing
import RealiseModel
import RealiseTestSupport
@testable import RealiseStore

/// Accounts, tokens and failed sign-ins in the store, on both backends.
@Suite("accounts in the store")
struct AccountStoreTests {
    static let now = ISO8601DateFormatter().date(from: "2026-03-01T09:30:00Z")!

    func account(_ name: String, _ role: AccountRole = .analyst) -> Account {
        Account(name: name, displayName: name.capitalized, role: role, createdAt: "2026-03-01T09:30:00Z")
    }

    @Test("accounts are added, listed by name, looked up, refused twice and removed, each logged", arguments: TestBackend.available)
    func lifecycle(_ backend: TestBackend) throws {
        let workspace = try emptyWorkspace(backend).acting(as: "admin")
        try workspace.addAccount(account("zoe", .viewer), passwordHash: "$2b$hash-z", calendarSecret: "cal-z", now: Self.now)
        try workspace.addAccount(account("ann"), passwordHash: nil, calendarSecret: "cal-a", now: Self.now)
        #expect(try workspace.accounts().map(\.name) == ["ann", "zoe"])
        #expect(try workspace.account(named: "zoe") == account("zoe", .viewer))
        #expect(try workspace.account(named: "nobody") == nil)
        #expect(try workspace.account(calendarSecret: "cal-a")?.name == "ann")
        #expect(try workspace.account(calendarSecret: "cal-x") == nil)
        #expect(try workspace.calendarSecret(for: "zoe") == "cal-z")
        #expect(try workspace.passwordHash(for: "zoe") == "$2b$hash-z")
        #expect(try workspace.passwordHash(for: "ann") == nil)

        #expect(throws: StoreError.self) { try workspace.addAccount(account("ann"), passwordHash: nil, calendarSecret: "cal-b") }
        do {
            try workspace.addAccount(account("ann"), passwordHash: nil, calendarSecret: "cal-b")
        } catch .accountExists(let name) { #expect(name == "ann") } catch { Issue.record("unexpected \(error)") }
        do {
            try workspace.removeAccount(named: "bob")
            Issue.record("removed an account that does not exist")
        } catch .unknownAccount(let name) { #expect(name == "bob") } catch { Issue.record("unexpected \(error)") }
        #expect(throws: StoreError.self) { try workspace.passwordHash(for: "bob") }

        try workspace.setPasswordHash("$2b$new", for: "ann", now: Self.now)
        #expect(try workspace.passwordHash(for: "ann") == "$2b$new")
        try workspace.removeAccount(named: "zoe", now: Self.now)
        #expect(try workspace.accounts().map(\.name) == ["ann"])

        let log = try workspace.changes()
        #expect(log.map(\.action) == [.account, .account, .account, .account])
        #expect(log.map(\.summary) == ["account zoe removed", "account ann: password set", "account ann added (analyst, Ann), no password",
                                       "account zoe added (viewer, Zoe)"])
        #expect(log.allSatisfy { $0.actor == "admin" })
        #expect(log.first?.subject == "account:zoe")
        // Nothing secret reaches the change log.
        #expect(!log.contains { $0.summary.contains("$2b$") || $0.summary.contains("cal-") })
    }

    @Test("a token is found by its hash and kind until it expires; a password change ends sessions, removal all tokens",
          arguments: TestBackend.available)
    func tokens(_ backend: TestBackend) throws {
        let workspace = try emptyWorkspace(backend)
        try workspace.addAccount(account("ann"), passwordHash: "h", calendarSecret: "c1")
        try workspace.addAccount(account("bob", .owner), passwordHash: "h", calendarSecret: "c2")
        let later = Self.now.addingTimeInterval(3600)
        try workspace.addToken(hash: "s1", account: "ann", kind: .session, csrf: "x1", expires: later, now: Self.now)
        try workspace.addToken(hash: "a1", account: "ann", kind: .api, csrf: nil, expires: nil, now: Self.now)
        try workspace.addToken(hash: "s2", account: "bob", kind: .session, csrf: "x2", expires: later, now: Self.now)

        let holder = try #require(try workspace.tokenHolder(hash: "s1", kind: .session, now: Self.now))
        #expect(holder.account == account("ann") && holder.csrf == "x1")
        #expect(try workspace.tokenHolder(hash: "s1", kind: .api, now: Self.now) == nil)
        #expect(try workspace.tokenHolder(hash: "a1", kind: .api, now: later.addingTimeInterval(1e8))?.account.name == "ann")
        #expect(try workspace.tokenHolder(hash: "s1", kind: .session, now: later) == nil)
        #expect(try workspace.tokenHolder(hash: "nope", kind: .session, now: Self.now) == nil)
        #expect(throws: StoreError.self) {
            try workspace.addToken(hash: "s3", account: "carol", kind: .session, csrf: nil, expires: nil)
        }

        try workspace.setPasswordHash("h2", for: "ann")
        #expect(try workspace.tokenHolder(hash: "s1", kind: .session, now: Self.now) == nil)
        #expect(try workspace.tokenHolder(hash: "a1", kind: .api, now: Self.now) != nil)

        try workspace.removeToken(hash: "nothing-stored")
        try workspace.removeExpiredTokens(now: later)
        #expect(try workspace.tokenHolder(hash: "s2", kind: .session, now: Self.now) == nil)
        try workspace.addToken(hash: "s4", account: "bob", kind: .session, csrf: nil, expires: later, now: Self.now)
        try workspace.removeToken(hash: "s4")
        #expect(try workspace.tokenHolder(hash: "s4", kind: .session, now: Self.now) == nil)

        try workspace.removeAccount(named: "ann")
        #expect(try workspace.tokenHolder(hash: "a1", kind: .api, now: Self.now) == nil)
        // Only the API token is logged, as an account change; sessions change nothing in the workspace.
        #expect(try workspace.changes().filter { $0.summary.contains("token") }.map(\.summary) == ["account ann: API token issued"])
    }

    @Test("failed sign-ins are counted by name within a window, pruned after a day, cleared", arguments: TestBackend.available)
    func loginFailures(_ backend: TestBackend) throws {
        let workspace = try emptyWorkspace(backend)
        for minutes in [0.0, 5, 10] { try workspace.recordLoginFailure("ann", at: Self.now.addingTimeInterval(minutes * 60)) }
        try workspace.recordLoginFailure("ghost", at: Self.now)
        #expect(try workspace.loginFailures("ann", since: Self.now) == 3)
        #expect(try workspace.loginFailures("ann", since: Self.now.addingTimeInterval(301)) == 1)
        #expect(try workspace.loginFailureTimes("ann", since: Self.now).count == 3)
        #expect(try workspace.loginFailures("ghost", since: Self.now) == 1)
        try workspace.clearLoginFailures("ann")
        #expect(try workspace.loginFailures("ann", since: Self.now) == 0)
        try workspace.recordLoginFailure("ann", at: Self.now.addingTimeInterval(2 * 86_400))
        #expect(try workspace.loginFailures("ghost", since: .distantPast) == 0)
    }

    @Test("an owner is found for a benefit, and for a metric through what it measures", arguments: TestBackend.available)
    func responsibleOwners(_ backend: TestBackend) throws {
        let workspace = try emptyWorkspace(backend)
        let plan = strategyPlan()
        _ = try workspace.importFiles([ImportedFile(path: "plans/strategy.xml", format: "realise-xml", sha256: "a", plan: plan)], now: Self.now)
        let benefit = try workspace.responsibleOwners(of: "b1")
        #expect(benefit.id == "B1" && benefit.type == .benefit && benefit.owners == ["Head of Transport"])
        let metric = try #require(plan.metrics.first)
        let owners = try workspace.responsibleOwners(of: metric.id).owners
        #expect(owners.contains("Head of Transport"))
        #expect(throws: StoreError.self) { try workspace.responsibleOwners(of: "NOPE") }
    }

    @Test("acting(as:) shares the database and records its own actor", arguments: TestBackend.available)
    func acting(_ backend: TestBackend) throws {
        let workspace = try emptyWorkspace(backend)
        let other = workspace.acting(as: "ann")
        #expect(other.actor == "ann" && other.path == workspace.path)
        try other.addAccount(account("bob"), passwordHash: nil, calendarSecret: "c")
        #expect(try workspace.accounts().map(\.name) == ["bob"])
        #expect(try workspace.changes().first?.actor == "ann")
    }

    @Test("copy carries the accounts and their tokens")
    func copied() throws {
        let source = try Workspace()
        try source.addAccount(account("ann"), passwordHash: "h", calendarSecret: "c")
        try source.addToken(hash: "a1", account: "ann", kind: .api, csrf: nil, expires: nil)
        let destination = try Workspace()
        _ = try source.copy(to: destination, replace: false)
        #expect(try destination.accounts() == [account("ann")])
        #expect(try destination.tokenHolder(hash: "a1", kind: .api, now: Self.now)?.account.name == "ann")
    }
}
