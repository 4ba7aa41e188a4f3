import Foundation
import RealiseTestSupport
import Testing

@Suite("realise import, list, export (end to end)")
struct ImportCommandTests {
    let scratch: Scratch
    var folder: URL { scratch.url }
    var db: String { folder.appendingPathComponent("w.sqlite").path }

    init() throws { scratch = try Scratch() }

    private func listings() throws -> [String] {
        var outputs: [String] = []
        for subject in ["objectives", "benefits", "deliverables", "metrics", "links", "imports"] {
            for format in ["json", "csv", "table"] {
                let result = try RealiseBinary.run(["list", subject, "--format", format, "--db", db])
                #expect(result.status == 0, "list \(subject) --format \(format): \(result.stderr)")
                outputs.append(result.stdout)
            }
        }
        return outputs
    }

    @Test("importing the sample programme twice leaves every listing byte-identical", arguments: TestBackend.available)
    func reimportIsIdempotent(backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            let first = try RealiseBinary.run(["import", RealiseBinary.samplePlans, "--db", db])
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.contains("imported"))
            let before = try listings()
            let second = try RealiseBinary.run(["import", RealiseBinary.samplePlans, "--db", db])
            #expect(second.status == 0)
            #expect(second.stdout.contains("unchanged"))
            #expect(try listings() == before)
            let benefits = try #require(try JSONSerialization.jsonObject(with: Data(before[3].utf8)) as? [[String: Any]])
            #expect(benefits.count == 11)
            #expect(benefits.allSatisfy { $0["id"] is String && $0["sourceRef"] != nil && $0["kind"] is String })
        }
    }

    @Test("import --format json follows the documented contract", arguments: TestBackend.available)
    func importJSONContract(backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            let result = try RealiseBinary.run(["import", "--format", "json", RealiseBinary.samplePlans, "--db", db])
            #expect(result.status == 0)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let files = try #require(json["files"] as? [[String: Any]])
            #expect(files.count == 3)
            let keys = ["objectives", "benefits", "deliverables", "milestones", "metrics", "baselines", "targets", "measurements", "links"]
            for file in files {
                #expect(Set(file.keys) == ["path", "format", "counts", "warnings"])
                #expect(file["path"] is String && file["format"] is String && file["warnings"] is [Any])
                let counts = try #require(file["counts"] as? [String: Int])
                #expect(Set(counts.keys) == Set(keys))
            }
            let totals = try #require(json["totals"] as? [String: Int])
            #expect(totals["objectives"] == 6 && totals["benefits"] == 11 && totals["deliverables"] == 20)
            #expect(totals["milestones"] == 3 && totals["metrics"] == 10)
        }
    }

    @Test("a malformed XML file exits 65, names the file and line, and leaves the workspace unchanged", arguments: TestBackend.available)
    func malformedXML(backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            #expect(try RealiseBinary.run(["import", RealiseBinary.samplePlans, "--db", db]).status == 0)
            let before = try listings()
            let bad = folder.appendingPathComponent("broken.xml")
            try "<plan xmlns=\"urn:realise:plan:1\">\n<objective id=\"X\">\n<statement>s</statement>\n</objectiv>\n</plan>\n"
                .write(to: bad, atomically: true, encoding: .utf8)
            let result = try RealiseBinary.run(["import", bad.path, "--db", db])
            #expect(result.status == 65)
            #expect(result.stderr.hasPrefix("realise: error: "))
            #expect(result.stderr.contains("broken.xml:4:"))
            #expect(result.stdout.isEmpty)
            #expect(try listings() == before)
        }
    }

    @Test("a file with a dangling reference is rejected whole with exit 65", arguments: TestBackend.available)
    func danglingReference(backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            let plan = folder.appendingPathComponent("plan.xml")
            try """
            <plan xmlns="urn:realise:plan:1">
              <objective id="O1"><statement>Faster journeys</statement></objective>
              <benefit id="B1"><description>Shorter trips</description><contributes-to ref="O9"/></benefit>
            </plan>
            """.write(to: plan, atomically: true, encoding: .utf8)
            let result = try RealiseBinary.run(["import", plan.path, "--db", db])
            #expect(result.status == 65)
            #expect(result.stderr.contains("plan.xml:3:"))
            #expect(result.stderr.contains("'O9' does not exist"))
            let objectives = try RealiseBinary.run(["list", "objectives", "--format", "json", "--db", db])
            #expect(objectives.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        }
    }

    @Test("a missing file exits 66; an unknown command exits 64; reading a missing workspace exits 66", arguments: TestBackend.available)
    func exitCodes(backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            let missing = try RealiseBinary.run(["import", folder.appendingPathComponent("nope.xml").path, "--db", db])
            #expect(missing.status == 66)
            #expect(missing.stderr.contains("nope.xml"))
            #expect(try RealiseBinary.run(["frobnicate"]).status == 64)
            #expect(try RealiseBinary.run(["list", "sideways", "--db", db]).status == 64)
            let noWorkspace = try RealiseBinary.run(["list", "benefits", "--db", db])
            #expect(noWorkspace.status == 66)
            #expect(noWorkspace.stderr.contains("realise init"))
            #expect(!FileManager.default.fileExists(atPath: db))
        }
    }

    @Test("--dry-run validates and writes nothing", arguments: TestBackend.available)
    func dryRun(backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            let result = try RealiseBinary.run(["import", "--dry-run", RealiseBinary.samplePlans, "--db", db])
            #expect(result.status == 0)
            #expect(result.stdout.contains("checked"))
            #expect(!FileManager.default.fileExists(atPath: db))
        }
    }

    @Test("export --format realise-xml re-imports into an empty workspace with the same ids", arguments: TestBackend.available)
    func exportRoundTrip(backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            #expect(try RealiseBinary.run(["import", RealiseBinary.samplePlans, "--db", db]).status == 0)
            let exported = folder.appendingPathComponent("export.xml").path
            #expect(try RealiseBinary.run(["export", "--format", "realise-xml", "--output", exported, "--db", db]).status == 0)
            let copy = folder.appendingPathComponent("copy.sqlite").path
            let reimport = try RealiseBinary.run(["import", exported, "--db", copy])
            #expect(reimport.status == 0, "\(reimport.stderr)")
            for subject in ["objectives", "benefits", "deliverables", "metrics", "links"] {
                func ids(_ db: String) throws -> [String] {
                    let out = try RealiseBinary.run(["list", subject, "--format", "json", "--db", db]).stdout
                    let rows = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
                    return rows.map { row in
                        (row["id"] as? String) ?? "\(row["kind"] ?? "")|\(row["from"] ?? "")|\(row["to"] ?? "")|\(row["share"] ?? "")"
                    }.sorted()
                }
                #expect(try ids(copy) == ids(db), "\(subject) differ after the round trip")
            }
            let json = try RealiseBinary.run(["export", "--format", "json", "--db", db])
            #expect(json.status == 0)
            #expect(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) is [String: Any])
        }
    }

    @Test("$REALISE_DB names the workspace when --db is absent")
    func environmentWorkspace() throws {
        let result = try RealiseBinary.run(["init"], in: folder, environment: ["REALISE_DB": db])
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: db))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("realise.sqlite").path))
    }

    @Test("validate accepts the sample and rejects a broken plan with exit 65", arguments: TestBackend.available)
    func validate(backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            #expect(try RealiseBinary.run(["validate", RealiseBinary.samplePlans]).status == 0)
            let csv = folder.appendingPathComponent("register.csv")
            try "Benefit ID,Description,Realisation Start\nB1,Shorter trips,2024-02-30\n".write(to: csv, atomically: true, encoding: .utf8)
            let result = try RealiseBinary.run(["validate", csv.path])
            #expect(result.status == 65)
            #expect(result.stderr.contains("register.csv:2:"))
            #expect(result.stderr.contains("2024-02-30"))
        }
    }

    @Test("--progress draws a bar on standard error that reaches 100 % and is erased; without a terminal there is none")
    func progressBar() throws {
        let shown = try RealiseBinary.run(["import", "--progress", RealiseBinary.samplePlans, "--db", db])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stderr.contains("importing 1/3 ccm-benefits-register.csv ["))
        #expect(shown.stderr.contains("[##############################] 100%"))
        #expect(shown.stderr.hasSuffix("\r\u{1B}[2K"))
        #expect(!shown.stdout.contains("\u{1B}"))
        let quiet = try RealiseBinary.run(["import", RealiseBinary.samplePlans, "--db", folder.appendingPathComponent("q.sqlite").path])
        #expect(quiet.status == 0)
        #expect(quiet.stderr.isEmpty)
    }
}
