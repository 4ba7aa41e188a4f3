import Foundation
import RealiseTestSupport
import Testing

/// The sample programme as it stood on 2025-10-31 (folder `A`) and its next version of 2026-01-31 (folder `B`, from
/// `Fixtures/ccm-next`), in a scratch folder. Neither has a date inside its files, so each is dated by its files'
/// modification time, set here: the workspace's history then has fixed days, whatever day the test runs.
struct HistoryScenario {
    let scratch: Scratch
    var folder: URL { scratch.url }
    var old: URL { folder.appendingPathComponent("A") }
    var new: URL { folder.appendingPathComponent("B") }

    init() throws {
        scratch = try Scratch()
        try Self.copy(URL(fileURLWithPath: RealiseBinary.samplePlans), to: old, dated: "2025-10-31")
        try Self.copy(RealiseBinary.packageRoot.appendingPathComponent("Tests/RealiseCLITests/Fixtures/ccm-next"), to: new,
                      dated: "2026-01-31")
    }

    /// Noon (UTC) of an ISO day: a file time that is that day in the pinned time zone.
    static func noon(_ day: String) throws -> Date {
        try #require(ISO8601DateFormatter().date(from: day + "T12:00:00Z"))
    }

    /// Copies the folder `from` to `to` and sets every file's modification time to `day`.
    static func copy(_ from: URL, to: URL, dated day: String) throws {
        try FileManager.default.copyItem(at: from, to: to)
        let date = try noon(day)
        let files = try #require(FileManager.default.enumerator(at: to, includingPropertiesForKeys: [.isRegularFileKey]))
        for case let file as URL in files where try file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: file.path)
        }
    }

    /// Runs `realise arguments` in the scratch folder.
    func run(_ arguments: [String]) throws -> RealiseBinary.Result {
        try RealiseBinary.run(arguments, in: folder)
    }

    /// Imports `A`, then `B` as the new version of A's strategy and measurements (renamed in B), into `db` (a file
    /// or a PostgreSQL URL).
    func importBoth(into db: String) throws {
        let first = try run(["import", "A", "--db", db])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try run(["import", "B", "--db", db, "--supersedes", "ccm-strategy.xml", "--supersedes", "ccm-measurements.csv"])
        #expect(second.status == 0, "\(second.stderr)")
    }

    /// `realise diff --since 2025-11-15 --until 2026-02-15 --format json` on `db`: the workspace's plan on a day
    /// between the versions against its plan after the second.
    func workspaceDiff(_ db: String) throws -> RealiseBinary.Result {
        try run(["diff", "--db", db, "--since", "2025-11-15", "--until", "2026-02-15", "--format", "json"])
    }
}

/// JSON output reduced to what two reports of the same plan share.
enum ReportJSON {
    static func object(_ result: RealiseBinary.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
    }

    /// Each item of `key` (changes or findings) without its `source` (the two reports read different files), as
    /// sorted-key JSON, in sorted order: equal lists are equal multisets.
    static func items(_ result: RealiseBinary.Result, _ key: String) throws -> [String] {
        let items = try #require(try object(result)[key] as? [[String: Any]], "no \(key) in \(result.stdout.prefix(200))")
        return try items.map { item in
            var item = item
            item.removeValue(forKey: "source")
            return try text(item)
        }.sorted()
    }

    /// `value` as JSON with sorted keys.
    static func text(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]), as: UTF8.self)
    }

    /// The items of `left` not matched one for one by an item of `right`.
    static func missing(from right: [String], in left: [String]) -> [String] {
        var rest = right
        return left.filter { item in
            guard let index = rest.firstIndex(of: item) else { return true }
            rest.remove(at: index)
            return false
        }
    }

    /// One sorted-key JSON item parsed back.
    static func parse(_ item: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(item.utf8)) as? [String: Any])
    }
}
