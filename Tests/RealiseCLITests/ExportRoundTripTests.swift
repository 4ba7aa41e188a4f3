import Foundation
import RealiseTestSupport
import Testing

/// `export --format realise-xml` of a workspace of two programmes with review schedules and reviews, imported
/// into a fresh workspace: the same export, byte for byte, and the same listings, reviews and gap report.
@Suite("export round-trips a whole workspace (end to end)")
struct ExportRoundTripTests {
    let scratch: Scratch
    var folder: URL { scratch.url }

    init() throws { scratch = try Scratch() }

    /// A second programme beside the sample's, with an entity of no programme and a review of its own.
    static let secondProgramme = """
        <?xml version="1.0" encoding="UTF-8"?>
        <plan xmlns="urn:realise:plan:1" version="1">
          <programme id="HARB" name="Harbour regeneration" sro="Harbour Master"/>
          <objective id="H-O1" owner="Harbour Master"><statement>A working harbour all year</statement></objective>
          <benefit id="H-B1" owner="Harbour Master"><description>More berths let</description><contributes-to ref="H-O1"/></benefit>
          <benefit id="H-B2" programme=""><description>Shared with no programme</description></benefit>
          <metric id="H-M1" unit="berths" owner="Harbour Master">
            <name>Berths let</name>
            <measures ref="H-B1"/>
            <baseline date="2024-03-31" value="40"/>
            <target date="2027-03-31" value="60"/>
          </metric>
          <review-schedule subject="HARB" cadence="quarterly" start="2025-04-01" reviewer="Harbour board"/>
          <review subject="H-B1" date="2025-09-30" rag="amber" reviewer="Harbour Master">
            <note>Two pontoons late</note>
            <measurement metric="H-M1" value="44"/>
          </review>
        </plan>

        """

    private func run(_ arguments: [String], _ db: String) throws -> String {
        let result = try RealiseBinary.run(arguments + ["--db", db], in: RealiseBinary.packageRoot)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result.stdout
    }

    /// The golden files' reviewed sample workspace with the second programme imported beside it.
    private func twoProgrammes() throws -> String {
        let original = try CLIGolden.workspace(in: folder)
        let second = folder.appendingPathComponent("harbour.xml")
        try Self.secondProgramme.write(to: second, atomically: true, encoding: .utf8)
        _ = try run(["import", second.path], original)
        return original
    }

    /// JSON with every `source` (where a row was read: the export is a new file) left out, keys sorted.
    private func withoutSources(_ json: String) throws -> String {
        func strip(_ value: Any) -> Any {
            if let object = value as? [String: Any] { return object.filter { $0.key != "source" }.mapValues(strip) }
            if let array = value as? [Any] { return array.map(strip) }
            return value
        }
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
        return String(decoding: try JSONSerialization.data(withJSONObject: strip(parsed), options: [.sortedKeys]), as: UTF8.self)
    }

    /// What must agree between the original and the re-imported workspace.
    private func views(_ db: String) throws -> [String] {
        var views: [String] = []
        for subject in ["objectives", "benefits", "deliverables", "metrics"] {
            views.append(try withoutSources(try run(["list", subject, "--format", "json"], db)))
        }
        // An export writes each link inside the entity it starts from, so links come back in another order.
        let links = try #require(try JSONSerialization.jsonObject(with: Data(try run(["list", "links", "--format", "json"], db).utf8)) as? [Any])
        views += try links.map { try withoutSources(String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self)) }.sorted()
        views.append(try run(["review", "list", "--format", "json"], db))
        for subject in ["BEN-04", "CCM", "H-B1"] { views.append(try run(["review", "history", subject, "--format", "json"], db)) }
        views.append(try withoutSources(try run(["gaps", "--as-of", "2025-10-31", "--format", "json"], db)))
        return views
    }

    @Test("export → import into a fresh workspace → export: byte-identical, same listings, reviews and gaps; importing again adds nothing",
          arguments: TestBackend.available)
    func roundTrip(backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            let original = try twoProgrammes()
            let exported = folder.appendingPathComponent("export.xml")
            _ = try run(["export", "--format", "realise-xml", "--output", exported.path], original)
            let text = try String(contentsOf: exported, encoding: .utf8)
            #expect(text.contains("<programme id=\"CCM\"") && text.contains("<programme id=\"HARB\""), "both programmes")
            #expect(text.contains("programme=\"\""), "an entity of no programme says so")

            let copy = folder.appendingPathComponent("copy.sqlite").path
            _ = try run(["import", exported.path], copy)
            #expect(try run(["export", "--format", "realise-xml"], copy) == text)
            #expect(try views(copy) == views(original))

            // The same export again, its bytes changed: no schedule or review is added twice.
            try (text + "<!-- again -->\n").write(to: exported, atomically: true, encoding: .utf8)
            _ = try run(["import", exported.path], copy)
            #expect(try run(["export", "--format", "realise-xml"], copy) == text)
            #expect(try views(copy) == views(original))
        }
    }

    @Test("--programme exports one programme with its own reviews; json carries the reviews too", arguments: TestBackend.available)
    func oneProgramme(backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            let original = try twoProgrammes()
            let harbour = try run(["export", "--programme", "harb"], original)
            #expect(harbour.contains("<programme id=\"HARB\"") && !harbour.contains("CCM"), "\(harbour)")
            #expect(harbour.contains("<review subject=\"H-B1\"") && harbour.contains("<review-schedule subject=\"HARB\""))
            let json = try run(["export", "--format", "json"], original)
            let plan = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect((plan["reviews"] as? [Any])?.count == 3 && (plan["schedules"] as? [Any])?.count == 4)
        }
    }
}
