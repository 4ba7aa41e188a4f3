import Foundation
import RealiseTestSupport
import Testing

/// A scratch folder holding one workspace file, and `realise` run in that folder against it (on the test's backend,
/// see `RealiseBinary.on`): where an end-to-end suite about one workspace starts.
struct ScratchWorkspace {
    let scratch: Scratch
    var folder: URL { scratch.url }
    var db: String { folder.appendingPathComponent("w.sqlite").path }

    init() throws { scratch = try Scratch() }

    /// Runs `realise arguments --db <the workspace>` in the scratch folder.
    func run(_ arguments: [String]) throws -> RealiseBinary.Result {
        try RealiseBinary.run(arguments + ["--db", db], in: folder)
    }

    /// Imports the sample programme into the workspace.
    func importSample() throws {
        let imported = try run(["import", RealiseBinary.samplePlans])
        #expect(imported.status == 0, "\(imported.stderr)")
    }
}
