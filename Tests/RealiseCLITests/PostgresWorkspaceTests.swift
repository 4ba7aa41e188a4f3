import Foundation
import RealiseTestSupport
import Testing

/// Shared workspaces on a real PostgreSQL server, driven through the built binary: failures to connect, the
/// import lock, a server stopped mid-import, schema versions, moving a workspace, and what many people writing
/// at once must never lose. (The end-to-end suites run on both backends as well; see `RealiseBinary.on`.)
@Suite("shared workspaces on PostgreSQL (real server, real processes)")
struct PostgresWorkspaceTests {
    let scratch: Scratch
    var folder: URL { scratch.url }

    init() throws { scratch = try Scratch() }

    static let server = Requirement.needs(TestPostgres.url != nil, TestPostgres.missing)

    /// The test server's URL with its password replaced (`nil`: removed), and the password it had.
    private func serverURL(password: String?) throws -> (url: String, password: String) {
        let base = try TestPostgres.freshWorkspace()
        var components = try #require(URLComponents(string: base))
        let original = components.password ?? ""
        components.password = password
        return (try #require(components.string), original)
    }

    /// A register of `rows` benefits, each with a metric, a baseline and a target: slow enough to interrupt.
    private func bigRegister(rows: Int, prefix: String = "B") throws -> String {
        try FaultTests.bigRegister(rows: rows, prefix: prefix, in: folder)
    }

    /// Starts `realise import PATH --progress` and returns once its progress bar shows `percent` % (the import then
    /// holds the workspace's import lock and is writing), with the process and its standard error so far.
    private func startImport(_ path: String, db: String, percent: Int = 5) throws -> (Process, Pipe) {
        let process = try RealiseBinary.process(["import", path, "--progress", "--db", db])
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        var shown = ""
        while true {
            let data = errors.fileHandleForReading.availableData
            guard !data.isEmpty else { break }
            shown += String(decoding: data, as: UTF8.self)
            if let reached = FaultTests.percentages(in: shown).last, reached >= percent { break }
        }
        return (process, errors)
    }

    @Test("a server that refuses connections: exit 74, the host and port named, the password never shown")
    func connectionRefused() throws {
        let port = try ThrowawayCluster.freePort()
        let secret = "pw-\(UUID().uuidString)"
        let result = try RealiseBinary.run(["list", "benefits", "--db", "postgres://realise:\(secret)@127.0.0.1:\(port)/db?sslmode=disable"])
        #expect(result.status == 74)
        #expect(result.stderr.contains("127.0.0.1:\(port)") && result.stderr.contains("connection refused"), "\(result.stderr)")
        #expect(!(result.stderr + result.stdout).contains(secret))
    }

    @Test("a wrong password: exit 74, said plainly, never echoed; PGPASSWORD and a password file supply it", server)
    func passwords() throws {
        let secret = "wrong-\(UUID().uuidString)"
        let (wrong, right) = try serverURL(password: secret)
        let refused = try RealiseBinary.run(["init", "--db", wrong])
        #expect(refused.status == 74)
        #expect(refused.stderr.contains("password authentication failed"), "\(refused.stderr)")
        #expect(!(refused.stderr + refused.stdout).contains(secret))
        let (bare, _) = try serverURL(password: nil)
        let fromEnvironment = try RealiseBinary.run(["init", "--db", bare], environment: ["PGPASSWORD": right])
        #expect(fromEnvironment.status == 0, "\(fromEnvironment.stderr)")
        #expect(!fromEnvironment.stdout.contains(right) && !fromEnvironment.stderr.contains(right))
        let host = try #require(URLComponents(string: bare))
        let passFile = folder.appendingPathComponent("pgpass")
        try "# a comment\n*:\(host.port ?? 5432):*:\(host.user ?? ""):\(right.replacingOccurrences(of: ":", with: "\\:"))\n"
            .write(to: passFile, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: passFile.path)
        let fromFile = try RealiseBinary.run(["init", "--db", bare], environment: ["PGPASSFILE": passFile.path, "PGPASSWORD": ""])
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
    }

    @Test("imports wait for each other (--wait gives up with exit 75); measurements go in while an import runs", server)
    func importLock() throws {
        let db = try TestPostgres.freshWorkspace()
        #expect(try RealiseBinary.run(["import", RealiseBinary.samplePlans, "--db", db]).status == 0)
        let (importer, _) = try startImport(try bigRegister(rows: 4000), db: db)
        let busy = try RealiseBinary.run(["import", try bigRegister(rows: 10, prefix: "Q"), "--wait", "0.5", "--db", db])
        #expect(busy.status == 75, "\(busy.stderr)")
        #expect(busy.stderr.contains("workspace busy"), "\(busy.stderr)")
        let measured = try RealiseBinary.run(["measure", "MET-01", "61", "--date", "2026-06-30", "--db", db])
        #expect(measured.status == 0, "\(measured.stderr)")
        #expect(importer.isRunning, "the import ended before the measurement: the test proved nothing")
        let waiter = try RealiseBinary.run(["import", try bigRegister(rows: 10, prefix: "W"), "--db", db], timeout: 600)
        #expect(waiter.status == 0, "\(waiter.stderr)")
        #expect(waiter.stderr.contains("waiting for another import"), "\(waiter.stderr)")
        importer.waitUntilExit()
        #expect(importer.terminationStatus == 0)
        let values = try RealiseBinary.run(["list", "metrics", "--format", "csv", "--db", db]).stdout
        #expect(values.contains("kind=measurement; date=2026-06-30; value=61;"), "\(values.prefix(400))")
        let benefits = try RealiseBinary.run(["list", "benefits", "--format", "csv", "--db", db]).stdout
        #expect(benefits.contains("B3999,") && benefits.contains("W9,") && !benefits.contains("Q9,"))
    }

    @Test("the server stopped mid-import: exit 74, the workspace as it was, and the rerun succeeds", server)
    func serverStoppedMidImport() throws {
        let cluster = try ThrowawayCluster()
        let db = cluster.url
        #expect(try RealiseBinary.run(["import", RealiseBinary.samplePlans, "--db", db]).status == 0)
        let export = ["export", "--format", "realise-xml", "--db", db]
        let before = try RealiseBinary.run(export).stdout
        let big = try bigRegister(rows: 4000)
        let (importer, errors) = try startImport(big, db: db, percent: 10)
        try cluster.stop()
        importer.waitUntilExit()
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(importer.terminationStatus == 74, "\(said)")
        #expect(said.contains("nothing was changed") && said.contains("127.0.0.1:\(cluster.port)"), "\(said)")
        try cluster.start()
        #expect(try RealiseBinary.run(export).stdout == before)
        let rerun = try RealiseBinary.run(["import", big, "--db", db])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(try RealiseBinary.run(export).stdout.contains("B3999"))
    }

    @Test("a schema with no workspace is missing (66); a newer one is refused untouched (74); an older one is migrated", server)
    func schemaVersions() throws {
        let db = try TestPostgres.freshWorkspace()
        #expect(try RealiseBinary.run(["list", "benefits", "--db", db]).status == 66)
        #expect(try RealiseBinary.run(["init", "--db", db]).status == 0)
        let schema = try #require(URLComponents(string: db)?.queryItems?.first { $0.name == "schema" }?.value)
        try psql("DELETE FROM \(schema).realise_migrations WHERE identifier = 'v5-change-log'; DROP TABLE \(schema).change_log")
        #expect(try RealiseBinary.run(["import", RealiseBinary.samplePlans, "--db", db]).status == 0)
        #expect(try RealiseBinary.run(["log", "--db", db]).stdout.contains("import"))
        try psql("INSERT INTO \(schema).realise_migrations VALUES ('v99-from-the-future', 'x')")
        let refused = try RealiseBinary.run(["list", "benefits", "--db", db])
        #expect(refused.status == 74)
        #expect(refused.stderr.contains("newer version of Realise"), "\(refused.stderr)")
    }

    @Test("two people recording one metric on one day: the later value stands, the earlier stays in the log", server)
    func laterMeasurementWins() throws {
        let db = try TestPostgres.freshWorkspace()
        #expect(try RealiseBinary.run(["import", RealiseBinary.samplePlans, "--db", db]).status == 0)
        #expect(try RealiseBinary.run(["measure", "MET-01", "64", "--date", "2026-09-30", "--actor", "ann", "--db", db]).status == 0)
        #expect(try RealiseBinary.run(["measure", "MET-01", "63.5", "--date", "2026-09-30", "--actor", "bob", "--db", db]).status == 0)
        let values = try RealiseBinary.run(["list", "metrics", "--format", "csv", "--db", db]).stdout
        #expect(values.contains("date=2026-09-30; value=63.5;") && !values.contains("date=2026-09-30; value=64;"))
        let log = try RealiseBinary.run(["log", "--format", "csv", "--db", db]).stdout
        #expect(log.contains("ann,measure,MET-01,MET-01 = 64 on 2026-09-30"), "\(log)")
        #expect(log.contains("bob,measure,MET-01,MET-01 = 63.5 on 2026-09-30 (was 64)"), "\(log)")
    }

    @Test("copy moves a workspace file → server → file with identical exports; a non-empty destination needs --replace", server)
    func copyAcrossBackends() throws {
        let file = folder.appendingPathComponent("w.sqlite").path
        #expect(try RealiseBinary.run(["import", RealiseBinary.samplePlans, "--db", file]).status == 0)
        #expect(try RealiseBinary.run(["review", "record", "BEN-01", "--rag", "amber", "--date", "2026-01-15", "--db", file]).status == 0)
        let server = try TestPostgres.freshWorkspace()
        let back = folder.appendingPathComponent("back.sqlite").path
        #expect(try RealiseBinary.run(["copy", file, server]).status == 0)
        #expect(try RealiseBinary.run(["copy", server, back]).status == 0)
        for format in ["realise-xml", "json"] {
            let exports = try [file, server, back].map { try RealiseBinary.run(["export", "--format", format, "--db", $0]).stdout }
            #expect(Set(exports).count == 1 && !exports[0].isEmpty, "\(format) exports differ after copying")
        }
        let history = try [file, server].map { try RealiseBinary.run(["review", "history", "BEN-01", "--db", $0]).stdout }
        #expect(history[0] == history[1])
        let again = try RealiseBinary.run(["copy", file, server])
        #expect(again.status == 65)
        #expect(again.stderr.contains("--replace"), "\(again.stderr)")
        #expect(try RealiseBinary.run(["copy", file, server, "--replace"]).status == 0)
        #expect(try RealiseBinary.run(["measure", "MET-01", "60", "--date", "2026-12-31", "--db", server]).status == 0)
    }

    /// Runs SQL on the test server with psql (an independent client).
    private func psql(_ sql: String) throws {
        let psql = try Requirement.require(Requirement.tool("psql"), "psql is not on PATH")
        let server = try Requirement.require(TestPostgres.url, TestPostgres.missing)
        var components = try #require(URLComponents(string: server))
        components.queryItems = components.queryItems?.filter { $0.name != "schema" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: psql)
        process.arguments = ["-q", "-v", "ON_ERROR_STOP=1", try #require(components.string), "-c", sql]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "psql failed: \(sql)")
    }
}
