import Foundation
import RealiseTestSupport
import Testing

/// Two years of the UK Government Major Projects Portfolio (`../shared/samples`, see `SharedSamples`) imported into
/// one workspace in either order: the later year is the plan, the earlier is its past, and `diff --since/--until`
/// across them finds what the two returns differ by, computed here from each return imported on its own.
@Suite("GMPP returns imported in either order (end to end)", Requirement.needs(SharedSamples.available, SharedSamples.missing))
struct HistorySharedSamplesTests {
    static let year2022 = DiffSharedSamplesTests.year2022
    static let year2023 = DiffSharedSamplesTests.year2023

    let scratch: Scratch
    init() throws { scratch = try Scratch() }

    /// A new workspace with `files` imported into it one after the other, each import succeeding.
    private func workspace(_ files: [String]) throws -> String {
        let db = scratch.url.appendingPathComponent(UUID().uuidString + ".sqlite").path
        for file in files {
            let imported = try RealiseBinary.run(["import", file, "--db", db], in: scratch.url)
            #expect(imported.status == 0, "importing \(files.map { ($0 as NSString).lastPathComponent }): \(imported.stderr.prefix(600))")
        }
        return db
    }

    private func deliverables(_ db: String) throws -> RealiseBinary.Result {
        try RealiseBinary.run(["list", "deliverables", "--format", "json", "--db", db], in: scratch.url)
    }

    /// Each project of the return `file` with its delivery confidence, from the return imported on its own.
    private func projects(_ file: String) throws -> [String: String?] {
        let listed = try deliverables(try workspace([file]))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]], "\(listed.stderr)")
        return Dictionary(rows.map { ($0["id"] as? String ?? "", $0["deliveryConfidence"] as? String) }, uniquingKeysWith: { first, _ in first })
    }

    @Test("2023 then 2022, and 2022 then 2023: both import; the same plan (2023's) and the same past")
    func eitherOrder() throws {
        _ = try Requirement.require(SharedSamples.available ? SharedSamples.root : nil, SharedSamples.missing)
        let newestFirst = try workspace([Self.year2023, Self.year2022]), oldestFirst = try workspace([Self.year2022, Self.year2023])
        let listed = try deliverables(newestFirst)
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout == (try deliverables(oldestFirst)).stdout, "the same plan in either order")
        #expect(listed.stdout == (try deliverables(try workspace([Self.year2023]))).stdout, "the plan is the 2023 return's")

        let old = try projects(Self.year2022), new = try projects(Self.year2023)
        let oldIds = Set(old.keys), newIds = Set(new.keys)
        let moved = oldIds.intersection(newIds).filter { old[$0]! != new[$0]! }
        #expect(!newIds.subtracting(oldIds).isEmpty && !oldIds.subtracting(newIds).isEmpty && !moved.isEmpty)
        for db in [newestFirst, oldestFirst] {
            let diff = try RealiseBinary.run(["diff", "--db", db, "--since", "2022-06-30", "--until", "2023-06-30", "--format", "json"],
                                             in: scratch.url)
            #expect(diff.status == 0, "\(diff.stderr)")
            let changes = try DiffCommandTests.changes(diff)
            func ids(_ kind: String) -> [String] {
                changes.filter { $0["kind"] as? String == kind && ($0["subject"] as? [String: Any])?["type"] as? String == "deliverable" }
                    .map(DiffCommandTests.subject)
            }
            #expect(Set(ids("added")) == newIds.subtracting(oldIds) && ids("added").count == Set(ids("added")).count, "\(db)")
            #expect(Set(ids("withdrawn")) == oldIds.subtracting(newIds), "\(db)")
            #expect(Set(ids("rag-changed")) == moved, "\(db)")
            for change in changes where change["kind"] as? String == "rag-changed" {
                let id = DiffCommandTests.subject(change)
                #expect(change["before"] as? String == old[id] ?? nil && change["after"] as? String == new[id] ?? nil, "\(id)")
            }
        }
    }
}
