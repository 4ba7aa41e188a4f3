import Foundation
import Testing
@testable import RealiseImport
import RealiseModel

/// Paths and helpers shared by the RealiseImport tests.
enum Fixtures {
    /// The copied `Fixtures` folder of the test bundle.
    static let root: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    /// The path of a fixture, e.g. `path("xml/valid-plan.xml")`.
    static func path(_ name: String) -> String {
        root.appendingPathComponent(name).path
    }

    /// The package root, derived from this source file's location (Tests/RealiseImportTests/Support/…).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // RealiseImportTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
}

/// A fresh folder under the temporary directory, removed by `remove()`.
struct TempFolder {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("realise-import-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `bytes` to `name` (sub-folders created) and returns the file's path.
    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file.path
    }

    /// Writes UTF-8 `text` to `name` and returns the file's path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Runs `body` and returns the `ImportError` it threw, or nil when it did not throw.
/// Any other error is recorded as an issue.
func importError<T>(_ body: () throws -> T, sourceLocation: SourceLocation = #_sourceLocation) -> ImportError? {
    do {
        _ = try body()
        return nil
    } catch let error as ImportError {
        return error
    } catch {
        Issue.record("expected an ImportError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

extension ImportError {
    /// The diagnostics of `.invalid`, nil for every other case.
    var invalidDiagnostics: [Diagnostic]? {
        if case .invalid(let diagnostics) = self { return diagnostics }
        return nil
    }

    /// The hint of `.unknownFormat`, nil for every other case.
    var unknownFormatHint: String? {
        if case .unknownFormat(_, let hint) = self { return hint }
        return nil
    }

    /// The reason of `.badMapping`, nil for every other case.
    var badMappingReason: String? {
        if case .badMapping(_, let reason) = self { return reason }
        return nil
    }

    var isFileNotFound: Bool {
        if case .fileNotFound = self { return true }
        return false
    }
}

extension Day {
    /// A day from an ISO literal that the test knows is valid.
    static func iso(_ text: String) -> Day { Day(iso: text)! }
}

extension Plan {
    /// The links of one kind as `from→to` strings, in plan order.
    func linkPairs(_ kind: Link.Kind) -> [String] {
        links.filter { $0.kind == kind }.map { "\($0.from)→\($0.to)" }
    }
}
