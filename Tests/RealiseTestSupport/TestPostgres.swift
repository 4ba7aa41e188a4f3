import Foundation
import Testing

/// The PostgreSQL server tests run against: `REALISE_TEST_POSTGRES`, a URL such as
/// `postgres://realise:secret@127.0.0.1:5432/realise_test` (`.ci/run` starts a throw-away server and sets it).
/// Each test workspace is a schema of its own in that database, so tests never see each other's data; point the
/// variable at a database kept for tests, as they leave their schemas behind.
public enum TestPostgres {
    /// The server's URL, or nil when the variable is unset (on a developer's machine the PostgreSQL tests are then
    /// skipped, saying so; under strict mode they fail).
    public static let url: String? = {
        guard let url = ProcessInfo.processInfo.environment["REALISE_TEST_POSTGRES"], !url.isEmpty else { return nil }
        return url
    }()

    /// Why PostgreSQL tests do not run here.
    public static let missing = "REALISE_TEST_POSTGRES is not set: no PostgreSQL server to test against"

    /// The URL of a workspace in a schema named after `key` (hashed): the same key gives the same workspace.
    public static func workspace(for key: String) throws -> String {
        let base = try Requirement.require(url, missing)
        let separator = base.contains("?") ? "&" : "?"
        return base + separator + "schema=" + schemaName(for: key)
    }

    /// A new workspace URL, in a schema no other test uses.
    public static func freshWorkspace() throws -> String { try workspace(for: UUID().uuidString) }

    /// `t_` and 16 hex digits of the key's FNV-1a hash: a plain PostgreSQL name.
    public static func schemaName(for key: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return "t_" + String(hash, radix: 16).leftPadded(to: 16)
    }
}

/// Which backend a test runs its workspaces on.
public enum TestBackend: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgres

    /// The backends tests run on here: SQLite always; PostgreSQL when a server is given, and under strict mode
    /// always (where a missing server then fails the test).
    public static var available: [TestBackend] {
        TestPostgres.url != nil || Requirement.strict ? [.sqlite, .postgres] : [.sqlite]
    }

    public var testDescription: String { rawValue }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
