import Foundation
import RealiseTestSupport
import Testing

/// Sources named by their path under the folder imported, and new versions of a plan saved under a new name, as
/// a person meets them at the command line.
@Suite("realise import: sources by name, new versions, --supersedes (end to end)")
struct SourceVersionCommandTests {
    let workspace: ScratchWorkspace
    var folder: URL { workspace.folder }

    init() throws { workspace = try ScratchWorkspace() }

    /// The sample programme copied into `name` under the scratch folder; its path.
    private func copySample(to name: String) throws -> URL {
        let copy = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for file in try FileManager.default.contentsOfDirectory(atPath: RealiseBinary.samplePlans) {
            try FileManager.default.copyItem(atPath: RealiseBinary.samplePlans + "/" + file, toPath: copy.appendingPathComponent(file).path)
        }
        return copy
    }

    private func imports() throws -> [[String: Any]] {
        let listed = try workspace.run(["list", "imports", "--format", "json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
    }

    @Test("the same files imported from another folder, by an absolute path, are the same sources: unchanged")
    func sameSourcesElsewhere() throws {
        let mine = try copySample(to: "mine"), theirs = try copySample(to: "theirs")
        #expect(try workspace.run(["import", "mine"]).status == 0)
        let again = try workspace.run(["import", theirs.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.components(separatedBy: "unchanged").count - 1 == 3, "\(again.stdout)")
        let runs = try imports()
        #expect(runs.map { $0["path"] as? String } == ["ccm-benefits-register.csv", "ccm-measurements.csv", "ccm-strategy.xml"])
        #expect(runs.allSatisfy { ($0["location"] as? String)?.hasPrefix(mine.standardizedFileURL.path + "/") == true })
    }

    @Test("a plan saved under a new name: taken as the old one's new version once the old file is gone, or with --supersedes")
    func newVersionUnderANewName() throws {
        let plans = try copySample(to: "plans")
        #expect(try workspace.run(["import", "plans"]).status == 0)
        let old = plans.appendingPathComponent("ccm-strategy.xml"), new = plans.appendingPathComponent("ccm-strategy-2025-10.xml")
        let text = try String(contentsOf: old, encoding: .utf8)
        try text.replacingOccurrences(of: "Coast Road bus priority scheme", with: "Coast Road bus priority, phase 1")
            .write(to: new, atomically: true, encoding: .utf8)

        let refused = try workspace.run(["import", "plans"])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("from ccm-strategy.xml:") && refused.stderr.contains("--supersedes ccm-strategy.xml"), "\(refused.stderr)")

        let mistyped = try workspace.run(["import", "plans/ccm-strategy-2025-10.xml", "--supersedes", "ccm-stratgy.xml"])
        #expect(mistyped.status == 65 && mistyped.stderr.contains("did you mean 'ccm-strategy.xml'"), "\(mistyped.stderr)")

        try FileManager.default.removeItem(at: old)
        let taken = try workspace.run(["import", "plans"])
        #expect(taken.status == 0, "\(taken.stderr)")
        #expect(taken.stdout.contains("ccm-strategy-2025-10.xml (realise-xml): imported")
                && taken.stdout.contains("  new version of ccm-strategy.xml: "), "the summary says which source it replaced: \(taken.stdout)")
        let shown = try workspace.run(["show", "DEL-01"])
        #expect(shown.stdout.contains("Coast Road bus priority, phase 1") && shown.stdout.contains("ccm-strategy-2025-10.xml"), "\(shown.stdout)")
        #expect(try imports().last?["supersedes"] as? [String] == ["ccm-strategy.xml"])
    }

    @Test("--supersedes takes a source over while its old file still exists")
    func supersedesWhileTheOldFileExists() throws {
        let plans = try copySample(to: "plans")
        #expect(try workspace.run(["import", "plans"]).status == 0)
        let text = try String(contentsOf: plans.appendingPathComponent("ccm-strategy.xml"), encoding: .utf8)
        let next = folder.appendingPathComponent("next/strategy-v2.xml")
        try FileManager.default.createDirectory(at: next.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: next, atomically: true, encoding: .utf8)
        let result = try workspace.run(["import", next.path, "--supersedes", "ccm-strategy.xml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try imports().map { $0["path"] as? String }.last == "strategy-v2.xml")
    }
}
