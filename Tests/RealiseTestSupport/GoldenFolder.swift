import Foundation
import Testing

/// A folder of golden files, read from the source tree (not a copy in the test bundle, which could keep a file
/// deleted from the tree), that output is compared with.
///
/// `REALISE_UPDATE_GOLDEN=1` rewrites a golden file from the current output — and records an issue naming it, so
/// that the run fails: a green run has compared every file and re-recorded none. Review the diff, then run again
/// without the variable.
public struct GoldenFolder: Sendable {
    public let folder: URL

    /// The `Golden` folder of the test target whose source file is `file` (a file in the target's `Support`).
    public init(besideSupportFile file: String) {
        folder = URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Golden")
    }

    public static let updating = ProcessInfo.processInfo.environment["REALISE_UPDATE_GOLDEN"] == "1"

    /// Compares `actual` with the golden file `name` (or, when updating, rewrites it and records an issue).
    public func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        let expected = try? String(contentsOf: url, encoding: .utf8)
        if Self.updating {
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

    /// Checks that every golden file is one of `catalogued` (compared by a test) and every catalogued one exists.
    public func checkCatalogue(_ catalogued: Set<String>, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(files.subtracting(catalogued).isEmpty, "golden files no test compares: \(files.subtracting(catalogued).sorted())",
                sourceLocation: sourceLocation)
        #expect(catalogued.subtracting(files).isEmpty, "golden files missing: \(catalogued.subtracting(files).sorted())",
                sourceLocation: sourceLocation)
    }

    /// Checks the folder's `.gitattributes` keeps git from converting the files' line endings (`* -text`).
    public func checkBytesKept(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let attributes = try String(contentsOf: folder.appendingPathComponent(".gitattributes"), encoding: .utf8)
        #expect(attributes.split(separator: "\n").contains("* -text"), sourceLocation: sourceLocation)
    }

    /// The golden files in the folder (not the `.gitattributes` that keeps their bytes as they are).
    public var files: Set<String> {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return Set(names.filter { !$0.hasPrefix(".") })
    }
}
