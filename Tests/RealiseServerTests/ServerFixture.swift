import Foundation
import Hummingbird
import HummingbirdTesting
import RealiseModel
import RealiseServer
import RealiseTestSupport
import RealiseWorkbench
import Testing

/// A server over a workspace holding the repository's example plans (`imports/`), with one account of each role:
/// `ada` (admin), `ana` (analyst), `olu` (owner; display name "Head of Passenger Transport", the owner of BEN-01 to
/// BEN-04), `ola` (an owner of no benefit) and `vic` (viewer). Every password is `correct horse 1`.
struct ServerFixture {
    static let password = "correct horse 1"
    static let today = Day(iso: "2026-12-01")!
    let workspace: String
    let workbench: Workbench
    let server: WebServer

    /// A fresh SQLite workspace, or a PostgreSQL one (`REALISE_TEST_POSTGRES`) when `postgres`; without `examples`, no
    /// plan is imported.
    init(postgres: Bool = false, examples: Bool = true) throws {
        if postgres {
            workspace = try TestPostgres.freshWorkspace()
        } else {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("realise-server-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            workspace = folder.appendingPathComponent("workspace.sqlite").path
        }
        workbench = try Workbench.open(workspace, actor: "fixture", create: true)
        if examples { _ = try workbench.importFiles(try PlanReading().read([Self.examples])) }
        for (name, role, display) in [("ada", AccountRole.admin, "Ada Admin"), ("ana", .analyst, "Ana Analyst"),
                                      ("olu", .owner, "Head of Passenger Transport"), ("ola", .owner, "Someone Else"),
                                      ("vic", .viewer, "Vic Viewer")] {
            _ = try workbench.addUser(name: name, role: role, displayName: display, password: Self.password)
        }
        server = try WebServer(settings: ServerSettings(port: 0, workspace: workspace, connections: 2, today: Self.today))
    }

    /// The repository's example plans.
    static var examples: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("imports").path
    }

    /// A new API token of `name`.
    func token(_ name: String) throws -> String { try workbench.newAPIToken(for: name) }

    /// Runs `body` with a client of the server's router (no network).
    func test<T>(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        try await Application(router: server.router()).test(.router, body)
    }
}

extension TestClientProtocol {
    /// `method` `uri` with a bearer token and an optional JSON body.
    func api(_ uri: String, _ method: HTTPRequest.Method = .get, token: String?, json: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if json != nil { headers[.contentType] = "application/json" }
        return try await execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }
}
