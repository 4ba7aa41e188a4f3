import Foundation
import RealiseTestSupport

/// A SQLite workspace made only with the built `realise`, as an operator makes one — `import` of the served plan
/// (`Fixtures/served-plan.xml`), then `user add` — in a fresh folder removed with everything in it when the fixture
/// goes. Accounts, every one's password `password`: `ada` (admin), `olu` (owner; display name "Head of Transport",
/// the owner of BEN-1 and BEN-2 and their metrics) and `vic` (viewer).
final class ServedWorkspace: Sendable {
    static let password = "correct horse 1"
    /// Each account: name, role, display name.
    static let accounts = [("ada", "admin", "Ada Admin"), ("olu", "owner", "Head of Transport"), ("vic", "viewer", "Vic Viewer")]

    let folder: URL
    let path: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("realise-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("workspace.sqlite").path
        try RealiseCommand.realise(["import", "--db", path, "--actor", "fixture", "--no-progress", Self.fixture("served-plan.xml")])
        for (name, role, display) in Self.accounts {
            try RealiseCommand.realise(["user", "add", name, "--db", path, "--role", role, "--display-name", display, "--password-stdin"],
                                       input: Self.password + "\n")
        }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// A new API token of account `name`, from `realise user token`.
    func token(_ name: String) throws -> String {
        try RealiseCommand.realise(["user", "token", name, "--db", path]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Starts `realise serve` over this workspace.
    func serve() throws -> ServerProcess { try ServerProcess(workspace: path, in: folder) }

    /// The path of `name` under this test target's `Fixtures` (read from the source tree).
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
    }

    /// The path of `name` under this test target's `Browser` folder (the Python scripts the browser tests run).
    static func script(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Browser/\(name)").path
    }
}
