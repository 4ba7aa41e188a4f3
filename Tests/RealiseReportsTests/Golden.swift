import Foundation
import Testing

/// Compares rendered output with a golden file under `Golden/`. Set `REALISE_UPDATE_GOLDEN=1` to rewrite the
/// golden files in the source tree from the current output (then review the diff before committing).
enum Golden {
    static let sourceFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if ProcessInfo.processInfo.environment["REALISE_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: sourceFolder.appendingPathComponent(name), atomically: true, encoding: .utf8)
            return
        }
        let url = try #require(Bundle.module.url(forResource: "Golden", withExtension: nil), sourceLocation: sourceLocation)
            .appendingPathComponent(name)
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "output differs from Golden/\(name)", sourceLocation: sourceLocation)
    }
}
