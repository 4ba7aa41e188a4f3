import Foundation
import RealiseModel
import RealiseStore
import RealiseWorkbench
import Testing

/// Accounts through the workbench: adding them, signing in and its rate limit, sessions and API tokens, and who may
/// record what.
@Suite("accounts, sign-in and permissions in the workbench")
struct AccountTests {
    static let now = ISO8601DateFormatter().date(from: "2026-03-01T09:30:00Z")!

    /// The error `body` throws, or nil (recording an issue) when it throws none.
    func failure(_ body: () throws(WorkbenchError) -> Void) -> WorkbenchError? {
        do { try body() } catch { return error }
        Issue.record("expected an error")
        return nil
    }

    @Test("names are checked and lower-cased, passwords need 8 characters, the display name defaults to the name")
    func addUsers() throws {
        let workbench = try Workbench.inMemory(actor: "setup")
        let ann = try workbench.addUser(name: "Ann.Smith", role: .owner, displayName: "  Head of Transport ", password: "correct horse", now: Self.now)
        #expect(ann == Account(name: "ann.smith", displayName: "Head of Transport", role: .owner, createdAt: "2026-03-01T09:30:00Z"))
        #expect(try workbench.addUser(name: "bot", role: .viewer).displayName == "bot")
        #expect(try workbench.addUser(name: String(repeating: "x", count: 64), role: .viewer).name.count == 64)
        for bad in ["../x", "a b", String(repeating: "x", count: 65), "", ".", "..", "ann/smith", "ann\u{1b}", "émile"] {
            guard case .badRequest(let message)? = failure({ () throws(WorkbenchError) in
                try workbench.addUser(name: bad, role: .viewer)
            }) else { Issue.record("'\(bad)' was not refused as a bad request"); continue }
            #expect(message.contains("is not an account name"))
        }
        guard case .badRequest(let short)? = failure({ () throws(WorkbenchError) in
            try workbench.addUser(name: "carol", role: .viewer, password: "seven77")
        }) else { return }
        #expect(short.contains("at least 8 characters"))
        guard case .badRequest? = failure({ () throws(WorkbenchError) in
            try workbench.addUser(name: "carol", role: .viewer, password: String(repeating: "p", count: 73))
        }) else { return }
        guard case .badRequest? = failure({ () throws(WorkbenchError) in
            try workbench.addUser(name: "carol", role: .viewer, displayName: "Carol\u{1b}[31m")
        }) else { return }
        guard case .store(.accountExists)? = failure({ () throws(WorkbenchError) in
            try workbench.addUser(name: "ANN.SMITH", role: .viewer)
        }) else { return }
        #expect(try workbench.users().map(\.name) == ["ann.smith", "bot", String(repeating: "x", count: 64)])
        guard case .unknownUser("nobody")? = failure({ () throws(WorkbenchError) in try workbench.removeUser(name: "Nobody") }) else { return }
        try workbench.removeUser(name: "BOT")
        #expect(try workbench.user(named: "bot") == nil)
    }

    @Test("signing in starts a 12-hour session; a wrong password or name is one error; signing out ends it")
    func logIn() throws {
        let workbench = try Workbench.inMemory()
        try workbench.addUser(name: "ann", role: .analyst, password: "correct horse")
        try workbench.addUser(name: "tokens-only", role: .analyst)
        let session = try workbench.logIn(name: "ANN", password: "correct horse", now: Self.now)
        #expect(session.account.name == "ann" && session.expires == Self.now.addingTimeInterval(12 * 3600))
        #expect(session.token.count == 43 && session.csrf.count == 43 && session.token != session.csrf)
        #expect(!session.token.contains("=") && !session.token.contains("+") && !session.token.contains("/"))

        let found = try #require(try workbench.session(token: session.token, now: Self.now.addingTimeInterval(3600)))
        #expect(found.account.name == "ann" && found.csrf == session.csrf)
        #expect(try workbench.session(token: session.token, now: session.expires) == nil)
        #expect(try workbench.session(token: "", now: Self.now) == nil)
        #expect(try workbench.session(token: String(repeating: "a", count: 10_000), now: Self.now) == nil)
        #expect(try workbench.apiAccount(token: session.token, now: Self.now) == nil)

        for (name, password) in [("ann", "wrong horse"), ("nobody", "correct horse"), ("tokens-only", "anything at all"), ("../x", "x")] {
            let error = failure { () throws(WorkbenchError) in _ = try workbench.logIn(name: name, password: password, now: Self.now) }
            guard case .badCredentials? = error else { Issue.record("\(name): \(String(describing: error))"); continue }
            #expect(error?.description == "unknown account or wrong password; check both and sign in again")
        }

        try workbench.logOut(token: session.token)
        try workbench.logOut(token: "not a token")
        #expect(try workbench.session(token: session.token, now: Self.now) == nil)
        // A new password signs the account's other sessions out.
        let second = try workbench.logIn(name: "ann", password: "correct horse", now: Self.now)
        try workbench.setPassword(name: "ann", password: "battery staple")
        #expect(try workbench.session(token: second.token, now: Self.now) == nil)
        #expect(try workbench.logIn(name: "ann", password: "battery staple", now: Self.now).account.name == "ann")
    }

    @Test("five failures within 15 minutes lock the name out, unchecked, until the oldest leaves the window")
    func rateLimit() throws {
        let workbench = try Workbench.inMemory()
        try workbench.addUser(name: "ann", role: .viewer, password: "correct horse")
        for minute in 0..<5 {
            _ = failure { () throws(WorkbenchError) in
                _ = try workbench.logIn(name: "ann", password: "guess \(minute)", now: Self.now.addingTimeInterval(Double(minute) * 60))
            }
        }
        // Even the right password is refused now: it is not checked.
        let locked = failure { () throws(WorkbenchError) in
            _ = try workbench.logIn(name: "ann", password: "correct horse", now: Self.now.addingTimeInterval(300))
        }
        guard case .tooManyAttempts(let retryAfter)? = locked else { Issue.record("not limited: \(String(describing: locked))"); return }
        #expect(retryAfter == 600)
        #expect(locked?.description.contains("wait 600 s") == true)
        // Names that are no account's are limited alike, so the answer does not tell which names exist.
        for minute in 0..<5 {
            _ = failure { () throws(WorkbenchError) in _ = try workbench.logIn(name: "ghost", password: "x", now: Self.now.addingTimeInterval(Double(minute))) }
        }
        guard case .tooManyAttempts? = failure({ () throws(WorkbenchError) in
            _ = try workbench.logIn(name: "ghost", password: "x", now: Self.now.addingTimeInterval(10))
        }) else { Issue.record("an unknown name was not limited"); return }

        let after = Self.now.addingTimeInterval(15 * 60 + 1)
        #expect(try workbench.logIn(name: "ann", password: "correct horse", now: after).account.name == "ann")
        // The success cleared the failures: one more wrong password is a plain refusal.
        guard case .badCredentials? = failure({ () throws(WorkbenchError) in
            _ = try workbench.logIn(name: "ann", password: "wrong", now: after)
        }) else { Issue.record("failures were not cleared"); return }
    }

    @Test("tokens and sessions are stored only as their SHA-256: the database file never holds a token")
    func tokenHashing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("realise-accounts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("w.sqlite").path
        let workbench = try Workbench.open(path, create: true)
        try workbench.addUser(name: "ann", role: .analyst, password: "correct horse")
        let api = try workbench.newAPIToken(for: "ann")
        let session = try workbench.logIn(name: "ann", password: "correct horse", now: Self.now)
        #expect(try workbench.apiAccount(token: api, now: Self.now)?.name == "ann")
        #expect(try workbench.session(token: api, now: Self.now) == nil)
        #expect(try workbench.apiAccount(token: api + "x", now: Self.now) == nil)
        #expect(try workbench.newAPIToken(for: "ann") != api)

        let stored = ["", "-wal"].compactMap { suffix in try? Data(contentsOf: URL(fileURLWithPath: path + suffix)) }
            .reduce(Data(), +)
        let text = String(decoding: stored, as: UTF8.self)
        #expect(!text.contains(api) && !text.contains(session.token) && !text.contains("correct horse"))
        #expect(text.contains("$2b$10$"), "the password is kept as a bcrypt hash of cost 10")
        guard case .unknownUser("bob")? = failure({ () throws(WorkbenchError) in _ = try workbench.newAPIToken(for: "bob") }) else { return }
    }

    @Test("mayRecord: a viewer never, an analyst and an admin always, an owner only what the plans say it owns")
    func mayRecord() throws {
        let workbench = try WorkbenchFixture.workbench()
        let viewer = try workbench.addUser(name: "vic", role: .viewer, displayName: "Head of Transport")
        let analyst = try workbench.addUser(name: "ana", role: .analyst)
        let admin = try workbench.addUser(name: "adm", role: .admin)
        let head = try workbench.addUser(name: "hot", role: .owner, displayName: "head of TRANSPORT")
        let officer = try workbench.addUser(name: "po", role: .owner, displayName: "Performance Officer")
        let manager = try workbench.addUser(name: "pm", role: .owner, displayName: "Project Manager")

        for subject in ["BEN-1", "MET-1", "OBJ-1"] {
            #expect(try !workbench.mayRecord(viewer, on: subject))
            #expect(try workbench.mayRecord(analyst, on: subject))
            #expect(try workbench.mayRecord(admin, on: subject))
            // The benefit's owner records on it, on the metric measuring it and on the objective it also owns.
            #expect(try workbench.mayRecord(head, on: subject.lowercased()))
        }
        // The metric's own owner records on the metric, not on the benefit someone else owns.
        #expect(try workbench.mayRecord(officer, on: "met-1"))
        #expect(try !workbench.mayRecord(officer, on: "BEN-1"))
        // An owner of other things (deliverables) may record on none of these, nor on a deliverable it owns.
        for subject in ["BEN-1", "MET-1", "OBJ-1", "DEL-1"] { #expect(try !workbench.mayRecord(manager, on: subject)) }
        guard case .store(.unknownEntity)? = failure({ () throws(WorkbenchError) in _ = try workbench.mayRecord(head, on: "BEN-404") }) else { return }

        #expect(AccountAction.allTried.map { workbench.may(viewer, $0) } == [true, false, false, false])
        #expect(AccountAction.allTried.map { workbench.may(head, $0) } == [true, false, false, false])
        #expect(AccountAction.allTried.map { workbench.may(analyst, $0) } == [true, true, true, false])
        #expect(AccountAction.allTried.map { workbench.may(admin, $0) } == [true, true, true, true])
        #expect(AccountRole.allCases.sorted() == [.viewer, .owner, .analyst, .admin] && AccountRole.owner < .analyst)
    }

    @Test("acting as an account records its name in the change log; its calendar secret finds it")
    func actingAndCalendar() throws {
        let workbench = try WorkbenchFixture.workbench()
        let ann = try workbench.addUser(name: "ann", role: .analyst)
        _ = try workbench.acting(as: ann).recordReview(subject: "BEN-1", rag: .green, on: Day(iso: "2025-12-31")!)
        #expect(try workbench.workspace.changes().first?.actor == "ann")
        let secret = try workbench.calendarSecret(for: "ANN")
        #expect(secret.count == 43)
        #expect(try workbench.account(calendarSecret: secret) == ann)
        #expect(try workbench.account(calendarSecret: "guess") == nil)
        #expect(try workbench.account(calendarSecret: "") == nil)
    }
}

extension AccountAction {
    /// Every action, in the order the tests list what each role may do.
    static let allTried: [AccountAction] = [.read, .importPlans, .schedule, .manageUsers]
}
