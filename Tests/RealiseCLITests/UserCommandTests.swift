import Foundation
import RealiseTestSupport
import Testing

/// `realise user …` through the built binary, on both backends.
@Suite("realise user (end to end)")
struct UserCommandTests {
    let scratch: Scratch
    var folder: URL { scratch.url }
    var db: String { folder.appendingPathComponent("w.sqlite").path }

    init() throws { scratch = try Scratch() }

    private func run(_ arguments: [String], input: String? = nil) throws -> RealiseBinary.Result {
        try RealiseBinary.run(arguments + ["--db", db, "--actor", "Admin"], in: folder, input: input)
    }

    @Test("add, list, token, passwd, remove: each logged, the token printed once and alone", arguments: TestBackend.available)
    func lifecycle(backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            #expect(try run(["init"]).status == 0)
            let added = try run(["user", "add", "Ann", "--role", "owner", "--display-name", "Head of Transport", "--password-stdin"],
                                input: "correct horse\n")
            #expect(added.status == 0, "\(added.stderr)")
            #expect(added.stdout == "added account ann (owner, Head of Transport)\n")
            #expect(try run(["user", "add", "bot", "--role", "viewer"]).status == 0)

            let table = try run(["user", "list"])
            #expect(table.stdout.hasPrefix("NAME  ROLE    DISPLAYNAME        CREATEDAT\nann   owner   Head of Transport  "))
            let json = try run(["user", "list", "--format", "json"])
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
            #expect(rows.map { $0["name"] as? String } == ["ann", "bot"])
            #expect(rows.first?["role"] as? String == "owner" && rows.first?["displayName"] as? String == "Head of Transport")
            #expect(!json.stdout.contains("$2b$") && !json.stdout.lowercased().contains("secret"))

            let token = try run(["user", "token", "ANN"])
            #expect(token.status == 0, "\(token.stderr)")
            #expect(token.stdout.range(of: #"^[A-Za-z0-9_-]{43}\n$"#, options: .regularExpression) != nil)
            #expect(try run(["user", "token", "ann"]).stdout != token.stdout)

            let passwd = try run(["user", "passwd", "ann", "--password-stdin"], input: "battery staple\r\n")
            #expect(passwd.status == 0, "\(passwd.stderr)")
            let removed = try run(["user", "remove", "bot"])
            #expect(removed.status == 0 && removed.stdout == "removed account bot\n")
            #expect(try run(["user", "list", "--format", "json"]).stdout.contains("\"bot\"") == false)

            let log = try run(["log", "--format", "json"]).stdout
            let entries = try #require(try JSONSerialization.jsonObject(with: Data(log.utf8)) as? [[String: Any]])
            #expect(entries.map { $0["summary"] as? String } == [
                "account bot removed", "account ann: password set", "account ann: API token issued", "account ann: API token issued",
                "account bot added (viewer, bot), no password", "account ann added (owner, Head of Transport)",
            ])
            #expect(entries.allSatisfy { $0["action"] as? String == "account" && $0["actor"] as? String == "Admin" })
            #expect(!log.contains(String(token.stdout.dropLast())))
        }
    }

    @Test("hostile names, a short password, no password, a taken or unknown name: refused with their exit codes")
    func refusals() throws {
        #expect(try run(["init"]).status == 0)
        for name in ["../x", "a b", String(repeating: "n", count: 65), "a/b"] {
            let result = try run(["user", "add", name, "--role", "viewer"])
            #expect(result.status == 64, "\(name): \(result.stderr)")
            #expect(result.stderr.contains("is not an account name"), "\(result.stderr)")
        }
        let short = try run(["user", "add", "ann", "--role", "viewer", "--password-stdin"], input: "short\n")
        #expect(short.status == 64 && short.stderr == "realise: error: the password is too short: use at least 8 characters\n")
        let none = try run(["user", "add", "ann", "--role", "viewer", "--password-stdin"])
        #expect(none.status == 64 && none.stderr.contains("no password on standard input"))
        let role = try run(["user", "add", "ann", "--role", "boss"])
        #expect(role.status == 64 && role.stderr.contains("give one of viewer, owner, analyst, admin"))
        #expect(try run(["user", "list", "--format", "json"]).stdout == "[]\n")

        #expect(try run(["user", "add", "ann", "--role", "viewer"]).status == 0)
        let taken = try run(["user", "add", "ANN", "--role", "admin"])
        #expect(taken.status == 65 && taken.stderr.contains("an account named 'ann' exists already"))
        for command in [["user", "remove", "bob"], ["user", "token", "bob"], ["user", "passwd", "bob", "--password-stdin"]] {
            let result = try run(command, input: "long enough\n")
            #expect(result.status == 65 && result.stderr.contains("no account named 'bob'"), "\(command): \(result.stderr)")
        }
        let bare = try run(["user", "passwd", "ann"])
        #expect(bare.status == 64 && bare.stderr.contains("--password-stdin"))
        let missing = try RealiseBinary.run(["user", "list", "--db", folder.appendingPathComponent("none.sqlite").path], in: folder)
        #expect(missing.status == 66)
    }
}
