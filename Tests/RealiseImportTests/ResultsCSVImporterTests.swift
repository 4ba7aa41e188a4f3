import Foundation
import Testing
@testable import RealiseImport
import RealiseModel

@Suite("results-csv importer: IATI results as flat CSV tables")
struct ResultsCSVImporterTests {
    static let full = "results-csv/full"
    static let lone = "results-csv/no-activities"
    static let fullTables = ["activities.csv", "descriptions.csv", "indicator_periods.csv", "indicators.csv", "results.csv"]

    let registry = ImporterRegistry.standard

    /// The full fixture folder read through the registry: one grouped LoadedFile.
    func readFull() throws -> LoadedFile {
        let files = try registry.readAll(paths: [Fixtures.path(Self.full)])
        #expect(files.count == 1)
        return try #require(files.first)
    }

    /// A table of the full fixture as the registry names it (canonical, as found under the folder).
    func table(_ name: String) -> String { ImporterRegistry.canonical(Fixtures.path("\(Self.full)/\(name)")) }

    func warnings(_ file: LoadedFile, containing text: String) -> [Diagnostic] {
        file.warnings.filter { $0.message.contains(text) }
    }

    // MARK: Sniffing

    @Test("every results table is sniffed as results-csv", arguments: fullTables)
    func tablesAreSniffed(table: String) throws {
        #expect(try registry.detect(path: Fixtures.path("\(Self.full)/\(table)")).format == .resultsCSV)
    }

    @Test("register tables stay register-csv, and the register importer does not claim results tables")
    func registerAndResultsApart() throws {
        for register in ["benefits-register.csv", "deliverables.csv", "metrics.csv", "objectives.csv", "values.csv"] {
            #expect(try registry.detect(path: Fixtures.path("csv/" + register)).format == .registerCSV, "\(register)")
            #expect(!ResultsCSVImporter().recognises(try FileHead.read(path: Fixtures.path("csv/" + register)), options: .init()))
        }
        for table in Self.fullTables {
            let head = try FileHead.read(path: Fixtures.path("\(Self.full)/\(table)"))
            #expect(!RegisterCSVImporter().recognises(head, options: .init()), "\(table)")
        }
    }

    @Test("a table with activity_identifier but none of the results tables' columns is not claimed")
    func otherIATITable() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("transactions.csv", "activity_identifier,transaction_ref,transaction_type,value\nA,1,3,100\n")
        #expect(importError { try registry.detect(path: path) }?.unknownFormatHint != nil)
    }

    // MARK: Grouping

    @Test("the tables of a folder are one import: folder path, every table a part, a hash over all")
    func groupedImport() throws {
        let file = try readFull()
        let folder = ImporterRegistry.canonical(Fixtures.path(Self.full))
        #expect(file.path == folder + "/")
        #expect(file.format == "results-csv")
        #expect(file.parts == Self.fullTables.map { folder + "/" + $0 })
        #expect(file.sha256.count == 64)
        #expect(!Self.fullTables.contains { (try? FileDigest.sha256(path: Fixtures.path("\(Self.full)/\($0)"))) == file.sha256 })
    }

    @Test("changing any table changes the group's hash; an unchanged copy keeps it")
    func groupHash() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        for table in Self.fullTables {
            try folder.write(table, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("\(Self.full)/\(table)")))))
        }
        let original = try readFull().sha256
        let copy = try #require(try registry.readAll(paths: [folder.path]).first)
        #expect(copy.sha256 == original, "same names and bytes, same hash")
        try folder.write("indicator_periods.csv", (try String(contentsOfFile: folder.path + "/indicator_periods.csv", encoding: .utf8)) + "XM-CSV-1,result_1,ind_1,2021-01-01,2021-12-31,120,,95,\n")
        let changed = try #require(try registry.readAll(paths: [folder.path]).first)
        #expect(changed.sha256 != original)
        #expect(changed.plan.valueTexts("XM-CSV-1#result_1#ind_1", .target) == ["2020-12-31=100", "2021-12-31=120"])
    }

    @Test("tables in two folders are two imports; a lone table is imported as itself")
    func twoFoldersAndALoneTable() throws {
        let files = try registry.readAll(paths: [Fixtures.path(Self.full), Fixtures.path("\(Self.lone)/results.csv")])
        #expect(files.map(\.path) == [ImporterRegistry.canonical(Fixtures.path(Self.full)) + "/",
                                      ImporterRegistry.canonical(Fixtures.path("\(Self.lone)/results.csv"))])
        #expect(files[1].parts == [files[1].path])
        #expect(files[1].sha256 == (try FileDigest.sha256(path: Fixtures.path("\(Self.lone)/results.csv"))))
    }

    // MARK: Mapping

    @Test("activities are projects with their dates, status and reporting organisation in the notes")
    func activities() throws {
        let plan = try readFull().plan
        let roads = try #require(plan.deliverable("XM-CSV-1"))
        #expect(roads.kind == .project)
        #expect(roads.name == "Rural roads")
        #expect(roads.plannedStart == .iso("2019-01-01"))
        #expect(roads.actualStart == .iso("2019-02-01"))
        #expect(roads.plannedFinish == .iso("2023-12-31"))
        #expect(roads.status == "implementation")
        #expect(roads.notes == "Build and maintain rural roads.\nReporting organisation: Example Agency (XM-ORG)")
        #expect(roads.source.path == table("activities.csv"))
        #expect(roads.source.line == 2)
        #expect(roads.source.format == "results-csv")
    }

    @Test("results: outputs under their activity, outcomes and impacts benefits; titles on one line")
    func results() throws {
        let plan = try readFull().plan
        #expect(plan.deliverables.map(\.id) == ["XM-CSV-1", "XM-CSV-1#result_1", "XM-CSV-2"])
        let output = try #require(plan.deliverable("XM-CSV-1#result_1"))
        #expect(output.kind == .output)
        #expect(output.parent == "XM-CSV-1")
        #expect(output.name == "Roads built", "the quoted title spans three lines with tabs")
        #expect(output.source.line == 2)
        #expect(plan.benefits.map(\.id) == ["XM-CSV-1#result_2", "XM-CSV-2#result_1"])
        #expect(plan.benefit("XM-CSV-1#result_2")?.description == "Travel time to market")
        #expect(plan.benefit("XM-CSV-1#result_2")?.source.line == 5, "the record after the three-line title")
        #expect(plan.linkPairs(.enabledBy) == ["XM-CSV-1#result_2→XM-CSV-1", "XM-CSV-2#result_1→XM-CSV-2"])
    }

    @Test("the descriptions table gives the objective, in the activity's language")
    func objectives() throws {
        let plan = try readFull().plan
        #expect(plan.objectives.map(\.id) == ["XM-CSV-1#objectives"])
        #expect(plan.objectives.first?.statement == "Farmers reach markets faster")
        #expect(plan.linkPairs(.contributesTo) == ["XM-CSV-1#result_2→XM-CSV-1#objectives"])
    }

    @Test("indicators are metrics measuring their result's benefit; an unknown result's measure nothing")
    func indicators() throws {
        let file = try readFull()
        let plan = file.plan
        #expect(plan.metrics.map(\.id) == ["XM-CSV-1#result_1#ind_1", "XM-CSV-1#result_2#ind_2", "XM-CSV-2#result_1#ind_3",
                                           "XM-CSV-2#result_9#ind_9"])
        #expect(plan.metric("XM-CSV-1#result_2#ind_2")?.direction == .decrease)
        #expect(plan.metric("XM-CSV-2#result_1#ind_3")?.measureType == .qualitative)
        #expect(plan.linkPairs(.measures) == ["XM-CSV-1#result_2#ind_2→XM-CSV-1#result_2", "XM-CSV-2#result_1#ind_3→XM-CSV-2#result_1"])
        let orphan = try #require(warnings(file, containing: "'XM-CSV-2#result_9' is not in the results table").first)
        #expect(orphan.path == table("indicators.csv"))
        #expect(orphan.line == 5)
    }

    @Test("baselines, targets and actuals; text values kept with a warning carrying table and line")
    func values() throws {
        let file = try readFull()
        let plan = file.plan
        #expect(plan.valueTexts("XM-CSV-1#result_1#ind_1", .baseline) == ["2019-01-31=0"])
        #expect(plan.valueTexts("XM-CSV-1#result_1#ind_1", .target) == ["2020-12-31=100"])
        #expect(plan.valueTexts("XM-CSV-1#result_1#ind_1", .measurement) == ["2020-12-31=80"])
        #expect(plan.valueTexts("XM-CSV-1#result_2#ind_2", .baseline) == ["2019-01-01=4.5"], "year only: 1 January")
        #expect(plan.values.first { $0.metric == "XM-CSV-1#result_2#ind_2" && $0.kind == .baseline }?.note == "Household survey")
        #expect(plan.valueTexts("XM-CSV-1#result_2#ind_2", .measurement) == ["2020-12-31=4", "2021-12-31='Not measured'"])
        #expect(plan.valueTexts("XM-CSV-2#result_1#ind_3", .baseline) == ["2020-01-01='High'"])
        #expect(plan.valueTexts("XM-CSV-2#result_1#ind_3", .target) == ["2021-12-31='Lower'"])
        #expect(plan.valueTexts("XM-CSV-2#result_1#ind_3", .measurement) == ["2021-12-31='Deaths fell'"], "an empty value keeps its comment")
        let notMeasured = try #require(warnings(file, containing: "'Not measured', not a number").first)
        #expect(notMeasured.path == table("indicator_periods.csv"))
        #expect(notMeasured.line == 4)
        let skipped = try #require(warnings(file, containing: "indicator 'ind_missing'").first)
        #expect(skipped.line == 6)
        #expect(!plan.values.contains { $0.metric.contains("ind_missing") })
    }

    @Test("the grouped plan validates on its own")
    func validates() throws {
        let plan = try readFull().plan
        #expect(try plan.importErrors() == [])
    }

    // MARK: Without an activities table

    @Test("without activities, each activity of the results is a minimal project named by its id")
    func withoutActivities() throws {
        let files = try registry.readAll(paths: [Fixtures.path(Self.lone)])
        let file = try #require(files.first)
        #expect(files.count == 1)
        #expect(file.parts.count == 3)
        let plan = file.plan
        #expect(plan.deliverables.map(\.id) == ["XM-LONE-1", "XM-LONE-1#result_2", "XM-LONE-2"])
        #expect(plan.deliverable("XM-LONE-1")?.name == "XM-LONE-1")
        #expect(plan.deliverable("XM-LONE-1")?.kind == .project)
        #expect(plan.benefit("XM-LONE-1#result_1")?.description == "Safer crossings")
        #expect(plan.linkPairs(.enabledBy) == ["XM-LONE-1#result_1→XM-LONE-1", "XM-LONE-2#result_1→XM-LONE-2"])
        #expect(warnings(file, containing: "has no row in an activities table").map(\.line) == [2, 5])
        #expect(plan.valueTexts("XM-LONE-1#result_1#ind_a", .measurement) == ["2022-12-31='N=35;P=55'"])
        #expect(plan.valueTexts("XM-LONE-2#result_1#ind_b", .baseline).isEmpty, "baseline year 1900")
        #expect(!warnings(file, containing: "baseline year '1900'").isEmpty)
        #expect(try plan.importErrors() == [])
    }

    @Test("a results table given alone still imports")
    func loneResultsTable() throws {
        let path = Fixtures.path("\(Self.lone)/results.csv")
        let file = try registry.read(path: path)
        #expect(file.format == "results-csv")
        #expect(file.plan.deliverables.map(\.id) == ["XM-LONE-1", "XM-LONE-1#result_2", "XM-LONE-2"])
        #expect(file.plan.benefits.count == 2)
        #expect(file.plan.metrics.isEmpty)
        #expect(try file.plan.importErrors() == [])
    }

    @Test("a broken table fails the whole group with its location")
    func brokenTable() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try folder.write("results.csv", "activity_identifier,result_ref,result_type,title\nA,r1,2,Fine\n")
        let broken = try folder.write("indicators.csv", "activity_identifier,result_ref,indicator_ref,title\nA,r1,i1,\"never closed\n")
        let error = try #require(importError { try registry.readAll(paths: [folder.path]) })
        let diagnostic = try #require(error.invalidDiagnostics?.first, "got \(error)")
        #expect(diagnostic.path == ImporterRegistry.canonical(broken))
        #expect(diagnostic.line == 2)
    }
}
