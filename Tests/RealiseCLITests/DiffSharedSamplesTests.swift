import Foundation
import RealiseTestSupport
import Testing

/// `realise diff` over two years of the UK Government Major Projects Portfolio in `../shared/samples` (outside the
/// repository, never copied into it): what was added and withdrawn, and delivery confidence movements, checked
/// against each year imported on its own and listed.
enum SharedSamples {
    static let root = RealiseBinary.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/samples")
    static let available = FileManager.default.fileExists(atPath: root.path)
    static let missing = "../shared/samples (the package root's parent + shared/samples) is not present on this machine"
}

@Suite("realise diff over the GMPP samples (end to end)", Requirement.needs(SharedSamples.available, SharedSamples.missing))
struct DiffSharedSamplesTests {
    static let year2022 = SharedSamples.root.appendingPathComponent("csv/gmpp__uk_2022.csv").path
    static let year2023 = SharedSamples.root.appendingPathComponent("csv/gmpp__uk_2023_original_transposed.csv").path

    let scratch: Scratch
    init() throws { scratch = try Scratch() }

    /// Each project of `file` with its delivery confidence, as `import` then `list deliverables` give them.
    private func projects(_ file: String) throws -> [String: String?] {
        let db = scratch.url.appendingPathComponent(UUID().uuidString + ".sqlite").path
        let imported = try RealiseBinary.run(["import", file, "--db", db], in: scratch.url)
        #expect(imported.status == 0, "\(imported.stderr)")
        let listed = try RealiseBinary.run(["list", "deliverables", "--format", "json", "--db", db], in: scratch.url)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]], "\(listed.stderr)")
        return Dictionary(rows.map { ($0["id"] as? String ?? "", $0["deliveryConfidence"] as? String) }, uniquingKeysWith: { first, _ in first })
    }

    @Test("2022 against 2023: added and withdrawn are the set differences of the project ids, DCA moves are rag-changed")
    func gmppYears() throws {
        _ = try Requirement.require(SharedSamples.available ? SharedSamples.root : nil, SharedSamples.missing)
        let old = try projects(Self.year2022), new = try projects(Self.year2023)
        let result = try DiffCommandTests.diff([Self.year2022, Self.year2023, "--format", "json"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        let changes = try DiffCommandTests.changes(result)
        func ids(_ kind: String) -> [String] {
            changes.filter { $0["kind"] as? String == kind && ($0["subject"] as? [String: Any])?["type"] as? String == "deliverable" }
                .map(DiffCommandTests.subject)
        }
        let oldIds = Set(old.keys), newIds = Set(new.keys)
        #expect(!oldIds.intersection(newIds).isEmpty, "the two years share projects")
        #expect(Set(ids("added")) == newIds.subtracting(oldIds))
        #expect(Set(ids("withdrawn")) == oldIds.subtracting(newIds))
        #expect(ids("added").count == Set(ids("added")).count)
        let moved = oldIds.intersection(newIds).filter { old[$0]! != new[$0]! }
        #expect(!moved.isEmpty, "delivery confidence moved for some projects")
        #expect(Set(ids("rag-changed")) == moved)
        for change in changes where change["kind"] as? String == "rag-changed" {
            let id = DiffCommandTests.subject(change)
            #expect(change["before"] as? String == old[id] ?? nil, "\(id)")
            #expect(change["after"] as? String == new[id] ?? nil, "\(id)")
        }
    }
}
