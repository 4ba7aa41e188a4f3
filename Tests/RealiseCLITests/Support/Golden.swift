import Foundation
import Testing

/// Compares output with a golden file in the `Golden` folder beside the tests, read from the source tree (not a
/// copy in the test bundle, which could keep a file deleted from the tree).
///
/// `REALISE_UPDATE_GOLDEN=1` rewrites a golden file from the current output — and records an issue naming it, so
/// that the run fails: a green run has compared every file and re-recorded none. Review the diff, then run again
/// without the variable.
///
/// (The report tests have their own copy of this file and their own `Golden` folder.)
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static let updating = ProcessInfo.processInfo.environment["REALISE_UPDATE_GOLDEN"] == "1"

    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        let expected = try? String(contentsOf: url, encoding: .utf8)
        if updating {
            if expected != actual { try actual.write(to: url, atomically: true, encoding: .utf8) }
            let what = expected == actual ? "Golden/\(name) already matched (not rewritten)" : "rewrote Golden/\(name)"
            Issue.record("REALISE_UPDATE_GOLDEN=1: \(what); review the diff, then run again without the variable",
                         sourceLocation: sourceLocation)
            return
        }
        let found = try #require(expected, "Golden/\(name) is missing (REALISE_UPDATE_GOLDEN=1 writes it)",
                                 sourceLocation: sourceLocation)
        #expect(actual == found, "output differs from Golden/\(name)", sourceLocation: sourceLocation)
    }

    /// The golden files in the folder (not the `.gitattributes` that keeps their bytes as they are).
    static var files: Set<String> {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return Set(names.filter { !$0.hasPrefix(".") })
    }
}
