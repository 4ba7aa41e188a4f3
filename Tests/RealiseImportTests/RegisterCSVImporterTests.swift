import Foundation
import Testing
@testable import RealiseImport
import RealiseModel

@Suite("register-csv importer")
struct RegisterCSVImporterTests {
    let registry = ImporterRegistry.standard

    /// Writes `text` to a temp CSV, reads it with the registry (sniffed) and removes it.
    func read(_ text: String, options: ImportOptions = .init()) throws -> LoadedFile {
        let folder = try TempFolder()
        defer { folder.remove() }
        return try registry.read(path: try folder.write("register.csv", text), options: options)
    }

    /// Writes `text` to a temp CSV and returns the `ImportError` reading it throws, with the file's path.
    func failure(_ text: String, format: ImportFormat? = nil) throws -> (ImportError, String) {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("register.csv", text)
        let error = try #require(importError { try registry.read(path: path, format: format) })
        return (error, path)
    }

    // MARK: The benefits register

    @Test func benefitsRegisterCounts() throws {
        let file = try registry.read(path: Fixtures.path("csv/benefits-register.csv"))
        #expect(file.format == "register-csv")
        #expect(file.plan.counts.benefits == 3)
        #expect(file.plan.counts.metrics == 1, "MET-1 is shared by two rows")
        #expect(file.plan.counts.links == 12)
        #expect(file.warnings.isEmpty)
    }

    @Test func benefitFieldsAndSources() throws {
        let path = Fixtures.path("csv/benefits-register.csv")
        let plan = try registry.read(path: path).plan
        #expect(plan.benefits.map(\.id) == ["BEN-1", "BEN-2", "BEN-3"])
        #expect(plan.benefits.map(\.source.line) == [2, 3, 4])
        #expect(plan.benefits.allSatisfy { $0.source.path == path && $0.source.format == "register-csv" })
        #expect(plan.benefits.map(\.source.identifier) == ["BEN-1", "BEN-2", "BEN-3"])

        let first = plan.benefits[0]
        #expect(first.description == "Shorter journeys")
        #expect(first.kind == .benefit)
        #expect(first.benefitClass == .societal)
        #expect(first.confidence == .medium)
        #expect(first.owner == "Head of Transport")
        #expect(first.organisation == "ORG-A")
        #expect(first.realisationStart == .iso("2026-04-01"))
        #expect(first.realisationEnd == .iso("2029-03-31"))
        #expect(first.observableOutcome == "Buses arrive sooner")
        #expect(first.notes == "First row")

        let second = plan.benefits[1]
        #expect(second.description == "Fewer missed connections, more punctual", "a quoted cell keeps its comma")
        #expect(second.benefitClass == .nonCashable, "'Non-cashable' is read leniently")
        #expect(second.confidence == .high, "'HIGH' is read leniently")
        #expect(second.realisationEnd == nil)

        #expect(plan.benefits[2].kind == .disBenefit)
        #expect(plan.benefits[2].owner == nil)
    }

    @Test func metricColumnsCreateMetricMeasuresBaselineAndTarget() throws {
        let plan = try registry.read(path: Fixtures.path("csv/benefits-register.csv")).plan
        let metric = try #require(plan.metrics.first)
        #expect(metric.id == "MET-1")
        #expect(metric.name == "Average journey time")
        #expect(metric.unit == "minutes")
        #expect(metric.direction == .decrease)
        #expect(metric.measureType == .number)
        #expect(metric.frequency == .quarterly)
        #expect(metric.dataSource == "AVL")
        #expect(metric.owner == "Analyst", "Metric Owner wins over Benefit Owner")
        #expect(metric.source.line == 2)

        #expect(plan.linkPairs(.measures) == ["MET-1→BEN-1", "MET-1→BEN-2"])
        #expect(plan.links.filter { $0.kind == .measures }.map(\.share) == [60, 40])
        #expect(plan.links.filter { $0.kind == .measures }.map(\.source.line) == [2, 3])

        let baseline = try #require(plan.values.first { $0.kind == .baseline })
        #expect(baseline.metric == "MET-1")
        #expect(baseline.date == .iso("2023-09-30"))
        #expect(baseline.value == 68)
        let target = try #require(plan.values.first { $0.kind == .target })
        #expect(target.date == .iso("2028-03-31"))
        #expect(target.value == 58)
    }

    /// Two rows sharing a metric and repeating its baseline and target describe one baseline and one target.
    @Test
    func sharedMetricRepeatedValuesAreNotDoubleCounted() throws {
        let counts = try registry.read(path: Fixtures.path("csv/benefits-register.csv")).plan.counts
        #expect(counts.baselines == 1)
        #expect(counts.targets == 1)
    }

    @Test func metricNameWithoutIdGetsAnIdFromTheBenefit() throws {
        let plan = try read("Benefit ID,Description,Metric,Baseline Value,Baseline Date\nB1,d,Journey time,12,2024-01-01\n").plan
        #expect(plan.metrics.map(\.id) == ["B1-M"])
        #expect(plan.metrics.first?.name == "Journey time")
        #expect(plan.linkPairs(.measures) == ["B1-M→B1"])
        #expect(plan.values.map(\.metric) == ["B1-M"])
    }

    @Test func benefitLinksFromListCells() throws {
        let plan = try registry.read(path: Fixtures.path("csv/benefits-register.csv")).plan
        #expect(plan.linkPairs(.contributesTo) == ["BEN-1→OBJ-1", "BEN-1→OBJ-2", "BEN-2→OBJ-1", "BEN-2→OBJ-3", "BEN-3→OBJ-1"])
        #expect(plan.linkPairs(.enabledBy) == ["BEN-1→DEL-1", "BEN-1→DEL-2", "BEN-2→DEL-3", "BEN-2→DEL-4"])
        #expect(plan.linkPairs(.dependsOn) == ["BEN-2→BEN-1"])
        #expect(plan.links.filter { $0.from == "BEN-2" }.allSatisfy { $0.source.line == 3 })
    }

    @Test("list cells split on ; , | and white space", arguments: [
        "OBJ-1;OBJ-2", "\"OBJ-1,OBJ-2\"", "OBJ-1|OBJ-2", "OBJ-1 OBJ-2", "\" OBJ-1 ; OBJ-2 \"", "\"OBJ-1,\nOBJ-2\"", "OBJ-1;;OBJ-2;",
    ])
    func listSplitting(cell: String) throws {
        let plan = try read("Benefit ID,Description,Objectives\nB1,d,\(cell)\n").plan
        #expect(plan.linkPairs(.contributesTo) == ["B1→OBJ-1", "B1→OBJ-2"])
    }

    /// Found by the load test: "DEL-1;DEL-1" made two links in the plan (and the import summary's count) while the
    /// workspace keeps one, so `import` reported more links than `list links` shows.
    @Test("an id named twice in a list cell is one link", arguments: ["DEL-1;DEL-1", "DEL-1, DEL-2 ,DEL-1|DEL-2"])
    func repeatedIdsInAListCell(cell: String) throws {
        let file = try read("Benefit ID,Description,Enablers\nB1,d,\"\(cell)\"\n")
        let expected = Array(["B1→DEL-1", "B1→DEL-2"].prefix(cell.contains("DEL-2") ? 2 : 1))
        #expect(file.plan.linkPairs(.enabledBy) == expected)
        #expect(file.plan.counts.links == expected.count)
    }

    @Test("headers match case-, space- and punctuation-insensitively", arguments: [
        "Benefit ID", "BENEFIT_ID", "benefit-id", "benefit id", "  Benefit  Id  ", "Benefit.ID", "benefitid", "Benefit Ref",
    ])
    func headerSpellings(header: String) throws {
        let plan = try read("\(header),Benefit Description,BENEFIT OWNER,contributes-to\nB1,Something,Alice,O1\n").plan
        #expect(plan.benefits.map(\.id) == ["B1"])
        #expect(plan.benefits.first?.description == "Something")
        #expect(plan.benefits.first?.owner == "Alice")
        #expect(plan.linkPairs(.contributesTo) == ["B1→O1"])
    }

    @Test func semicolonRegisterWithWindows1252() throws {
        let file = try registry.read(path: Fixtures.path("csv/encoding/cr-only-semicolon-1252.csv"))
        #expect(file.plan.benefits.map(\.description) == ["Café savings of €5", "Pounds £3"])
        #expect(file.plan.benefits.map(\.source.line) == [2, 4])
        #expect(file.plan.benefits.first?.notes == "Line one\rline two")
    }

    @Test("encoded registers import the same", arguments: [
        "csv/encoding/utf8-bom.csv", "csv/encoding/utf16le-bom.csv", "csv/encoding/utf16be-bom.csv", "csv/encoding/windows-1252.csv",
    ])
    func encodedRegisters(fixture: String) throws {
        let file = try registry.read(path: Fixtures.path(fixture))
        #expect(file.format == "register-csv")
        #expect(file.plan.benefits.map(\.id) == ["B-1", "B-2"])
        #expect(file.plan.benefits.map(\.description) == ["Café savings of €5", "Pounds £3"])
        #expect(file.plan.benefits.map(\.source.line) == [2, 4])
    }

    // MARK: Companion tables

    @Test func objectivesTable() throws {
        let plan = try registry.read(path: Fixtures.path("csv/objectives.csv")).plan
        #expect(plan.counts == ImportCounts(objectives: 2, links: 2))
        let vision = plan.objectives[0], objective = plan.objectives[1]
        #expect(vision.id == "VIS")
        #expect(vision.parent == nil)
        #expect(vision.horizon == .iso("2030-03-31"))
        #expect(vision.notes == "The vision")
        #expect(objective.parent == "VIS")
        #expect(objective.statement == "Faster buses")
        #expect(objective.owner == "Head of Transport")
        #expect(objective.source.line == 3)
        #expect(plan.linkPairs(.contributesTo) == ["BEN-1→OBJ-1", "BEN-2→OBJ-1"], "the Benefits column links benefits to the objective")
    }

    @Test func deliverablesTable() throws {
        let plan = try registry.read(path: Fixtures.path("csv/deliverables.csv")).plan
        #expect(plan.counts == ImportCounts(deliverables: 2, milestones: 1, links: 4))
        let project = plan.deliverables[0], milestone = plan.deliverables[1]
        #expect(project.kind == .project)
        #expect(project.name == "Bus lanes")
        #expect(project.plannedStart == .iso("2024-04-01"))
        #expect(project.baselineFinish == .iso("2025-12-31"))
        #expect(project.forecastFinish == .iso("2026-03-31"))
        #expect(project.actualStart == .iso("2024-04-02"))
        #expect(project.percentComplete == 55)
        #expect(project.status == "in progress")
        #expect(project.deliveryConfidence == .amberGreen, "'Amber/Green' in a RAG column")
        #expect(milestone.kind == .milestone)
        #expect(milestone.parent == "DEL-1")
        #expect(milestone.actualFinish == .iso("2025-07-01"))
        #expect(milestone.deliveryConfidence == .green, "'G' is green")
        #expect(plan.linkPairs(.enabledBy) == ["BEN-1→DEL-1", "BEN-2→DEL-1", "BEN-1→DEL-2"], "benefit ids give enabled-by links")
        #expect(plan.linkPairs(.dependsOn) == ["DEL-2→DEL-1"])
    }

    @Test func metricsTable() throws {
        let plan = try registry.read(path: Fixtures.path("csv/metrics.csv")).plan
        let metric = try #require(plan.metrics.first)
        #expect(plan.counts == ImportCounts(metrics: 1, baselines: 1, targets: 1, links: 2))
        #expect(metric.id == "MET-9")
        #expect(metric.direction == .increase, "'up'")
        #expect(metric.frequency == .annually, "'annual'")
        #expect(metric.measureType == .percentage)
        #expect(metric.owner == "Analyst")
        #expect(metric.notes == "Survey based")
        #expect(plan.linkPairs(.measures) == ["MET-9→BEN-1", "MET-9→BEN-2"])
        #expect(plan.links.map(\.share) == [50, 50])
    }

    @Test func valuesTable() throws {
        let path = Fixtures.path("csv/values.csv")
        let file = try registry.read(path: path)
        let values = file.plan.values
        #expect(file.plan.counts == ImportCounts(targets: 1, measurements: 3))
        #expect(values.map(\.kind) == [.target, .measurement, .measurement, .measurement])
        #expect(values.map(\.value) == [66.5, 67.6, 66.9, 1066])
        #expect(values.map(\.date) == [.iso("2026-03-31"), .iso("2025-03-31"), .iso("2025-06-30"), .iso("2025-09-30")])
        #expect(values.map(\.source.line) == [2, 3, 4, 5])
        #expect(values.allSatisfy { $0.metric == "MET-1" && $0.dataSource != nil })
        #expect(values[0].note == "Interim target")
        #expect(values[1].confidence == .high)
        #expect(values[2].confidence == .medium)
        #expect(file.warnings.isEmpty)
    }

    @Test func valuesTableNonNumericIsAWarning() throws {
        let file = try read("Metric ID,Kind,Date,Value\nM1,measurement,2025-01-01,12\nM1,measurement,2025-04-01,Yes\n")
        #expect(file.plan.values.map(\.text) == [nil, "Yes"])
        #expect(file.warnings.count == 1)
        #expect(file.warnings.first?.line == 3)
        #expect(file.warnings.first?.severity == .warning)
    }

    @Test func valuesTableUnknownKindIsInvalid() throws {
        let (error, path) = try failure("Metric ID,Kind,Date,Value\nM1,forecast,2025-01-01,12\n")
        let diagnostic = try #require(error.invalidDiagnostics?.first)
        #expect(diagnostic.path == path)
        #expect(diagnostic.line == 2)
        #expect(diagnostic.message.contains("baseline, target, measurement"))
    }

    // MARK: Mapping

    @Test func mappingFileLoads() throws {
        let mapping = try MappingFile.load(path: Fixtures.path("csv/odd-headers-mapping.yaml"))
        #expect(mapping.count == 10)
        #expect(mapping["Ref No"] == "benefit_id")
        #expect(mapping["Goal"] == "Target Value")
    }

    /// Two spellings of one header mapped to different columns would be resolved by dictionary order (found
    /// reading the code the mapping fuzzer exercises); the same spellings mapped to one column are harmless.
    @Test func mappingFileRefusesOneHeaderMappedTwoWays() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let clash = try folder.write("clash.yaml", "columns:\n  \"Ref No\": benefit_id\n  refno: description\n")
        let error = try #require(importError { try MappingFile.load(path: clash) })
        guard case .badMapping(let path, let reason) = error else { Issue.record("\(error)"); return }
        #expect(path == clash)
        #expect(reason.contains("'Ref No'") && reason.contains("'refno'") && reason.contains("keep one of them"), "\(reason)")
        let same = try folder.write("same.yaml", "columns:\n  \"Ref No\": benefit_id\n  REF-NO: Benefit ID\n")
        #expect(try MappingFile.load(path: same).count == 2)
    }

    @Test func mappingFileMapsOddHeaders() throws {
        let mapping = try MappingFile.load(path: Fixtures.path("csv/odd-headers-mapping.yaml"))
        let file = try registry.read(path: Fixtures.path("csv/odd-headers.csv"), format: .registerCSV,
                                     options: ImportOptions(columnMapping: mapping))
        let plan = file.plan
        #expect(file.warnings.isEmpty, "every header is mapped: \(file.warnings)")
        let benefit = try #require(plan.benefits.first)
        #expect(benefit.id == "B-100")
        #expect(benefit.description == "Cleaner air")
        #expect(benefit.owner == "Environment Officer")
        #expect(plan.linkPairs(.contributesTo) == ["B-100→OBJ-9"])
        #expect(plan.metrics.map(\.id) == ["M-100"])
        #expect(plan.metrics.first?.name == "NO2 concentration")
        #expect(plan.values.map(\.kind) == [.baseline, .target])
        #expect(plan.values.map(\.value) == [40, 30])
        #expect(plan.values.map(\.date) == [.iso("2024-01-01"), .iso("2028-01-01")])
    }

    /// `realise import --mapping m.yaml odd.csv` (no --from): the mapping names the id column, so the file is a
    /// register; sniffing ignores the mapping and reports it as an unknown format.
    @Test
    func mappingIsUsedWhenSniffing() throws {
        let mapping = try MappingFile.load(path: Fixtures.path("csv/odd-headers-mapping.yaml"))
        let file = try registry.read(path: Fixtures.path("csv/odd-headers.csv"), options: ImportOptions(columnMapping: mapping))
        #expect(file.plan.benefits.map(\.id) == ["B-100"])
    }

    @Test func columnMappingOptionWithoutAFile() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("r.csv", "Ref,Benefit,Sponsor,Colour\nB1,Cleaner air,Alice,green\n")
        // Keys and targets are matched like headers: "ref" = "Ref", "Benefit ID" = benefit_id.
        let file = try registry.read(path: path, format: .registerCSV,
                                     options: ImportOptions(columnMapping: ["ref": "Benefit ID", "SPONSOR": "owner"]))
        let benefit = try #require(file.plan.benefits.first)
        #expect(benefit.id == "B1")
        #expect(benefit.description == "Cleaner air", "'Benefit' is a built-in alias of description")
        #expect(benefit.owner == "Alice")
        #expect(file.warnings.map(\.column) == [4], "only 'Colour' is unused")
    }

    @Test func columnMappingToAnUnknownColumnLeavesTheHeaderUnused() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("r.csv", "Benefit ID,Description,Sponsor\nB1,d,Alice\n")
        let file = try registry.read(path: path, options: ImportOptions(columnMapping: ["Sponsor": "benefit_wrangler"]))
        #expect(file.plan.benefits.first?.owner == nil)
        #expect(file.warnings.count == 1)
        #expect(file.warnings.first?.message.contains("Sponsor") == true)
    }

    @Test func mappingOverridesABuiltInAlias() throws {
        // "Owner" would be the owner column; the mapping sends it to metric_owner instead.
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("r.csv", "Benefit ID,Description,Metric ID,Owner\nB1,d,M1,Alice\n")
        let plan = try registry.read(path: path, options: ImportOptions(columnMapping: ["Owner": "metric_owner"])).plan
        #expect(plan.benefits.first?.owner == nil)
        #expect(plan.metrics.first?.owner == "Alice")
    }

    @Test func mappingToAnUnknownColumnIsBadMapping() throws {
        let path = Fixtures.path("csv/bad-mapping.yaml")
        let error = try #require(importError { try MappingFile.load(path: path) })
        let reason = try #require(error.badMappingReason, "got \(error)")
        #expect(reason.contains("benefit_wrangler"))
        #expect(reason.contains("benefit_id"), "the message lists the columns")
        #expect(error.diagnostics.first?.path == path)
        #expect(!error.isMissingInput)
    }

    @Test func mappingThatIsNotAColumnsMapIsBadMapping() throws {
        let error = try #require(importError { try MappingFile.load(path: Fixtures.path("csv/not-a-mapping.yaml")) })
        #expect(error.badMappingReason?.contains("columns") == true)
    }

    @Test func mappingThatIsNotYAMLIsBadMapping() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("m.yaml", "columns: [unclosed\n  \"a\": : b\n")
        let error = try #require(importError { try MappingFile.load(path: path) })
        #expect(error.badMappingReason?.contains("YAML") == true, "got \(error)")
    }

    @Test func missingMappingFileIsFileNotFound() throws {
        let error = try #require(importError { try MappingFile.load(path: "/no/such/mapping.yaml") })
        #expect(error.isFileNotFound)
        #expect(error.isMissingInput)
    }

    // MARK: Problems

    @Test("a bad date is invalid with file and line", arguments: ["31/02/2024", "2024-13-01", "2024-02-30", "next spring"])
    func badDate(date: String) throws {
        let (error, path) = try failure("Benefit ID,Description,Realisation Start\nB1,ok,2024-01-01\nB2,bad,\(date)\n")
        let diagnostics = try #require(error.invalidDiagnostics, "got \(error)")
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].path == path)
        #expect(diagnostics[0].line == 3)
        #expect(diagnostics[0].message.contains(date))
        #expect(diagnostics[0].message.contains("YYYY-MM-DD"))
    }

    @Test func badDateInACompanionTable() throws {
        let (error, _) = try failure("Deliverable ID,Name,Planned Finish\nD1,x,2024-04-31\n")
        #expect(error.invalidDiagnostics?.first?.line == 2)
        #expect(error.invalidDiagnostics?.first?.message.contains("2024-04-31") == true)
    }

    @Test func unknownEnumValueNamesTheChoices() throws {
        let (error, path) = try failure("Benefit ID,Description,Metric ID,Direction\nB1,d,M1,sideways\n")
        let diagnostic = try #require(error.invalidDiagnostics?.first, "got \(error)")
        #expect(diagnostic.path == path)
        #expect(diagnostic.line == 2)
        #expect(diagnostic.message.contains("sideways"))
        #expect(diagnostic.message.contains("increase, decrease, maintain"))
    }

    @Test func baselineValueWithoutDateIsInvalid() throws {
        let (error, path) = try failure("Benefit ID,Description,Metric ID,Baseline Value,Baseline Date\nB1,d,M1,70,\n")
        let diagnostic = try #require(error.invalidDiagnostics?.first, "got \(error)")
        #expect(diagnostic.path == path)
        #expect(diagnostic.line == 2)
        #expect(diagnostic.message.contains("baseline date"))
    }

    @Test func targetWithoutAMetricIsInvalid() throws {
        let (error, _) = try failure("Benefit ID,Description,Target Value,Target Date\nB1,d,70,2028-01-01\n")
        #expect(error.invalidDiagnostics?.first?.message.contains("no Metric ID") == true)
    }

    @Test func missingIdIsInvalidAtItsRow() throws {
        let (error, _) = try failure("Benefit ID,Description\nB1,d\n,no id\n")
        let diagnostic = try #require(error.invalidDiagnostics?.first)
        #expect(diagnostic.line == 3)
        #expect(diagnostic.message.contains("Benefit ID"))
    }

    @Test func everyProblemInTheFileIsReported() throws {
        let (error, _) = try failure("Benefit ID,Description,Confidence,Realisation End\nB1,d,certain,2024-01-01\nB2,d,high,2024-99-01\nB3,d,low,2024-01-01\n")
        let diagnostics = try #require(error.invalidDiagnostics)
        #expect(diagnostics.map(\.line) == [2, 3])
        #expect(diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test func unusedHeaderIsAWarning() throws {
        let file = try read("Benefit ID,Description,Colour,Benefit Owner\nB1,d,blue,Alice\n")
        #expect(file.plan.benefits.first?.owner == "Alice")
        let warning = try #require(file.warnings.first)
        #expect(file.warnings.count == 1)
        #expect(warning.severity == .warning)
        #expect(warning.line == 1)
        #expect(warning.column == 3)
        #expect(warning.message.contains("'Colour'"))
    }

    @Test("two headers meaning the same column are invalid", arguments: [
        "Benefit ID,Description,Benefit Owner,Owner",
        "Benefit ID,Description,benefit_id",
        "Benefit ID,Description,Responsible,OWNER",
    ])
    func duplicateHeader(header: String) throws {
        let (error, path) = try failure("\(header)\nB1,d,x,y\n")
        let diagnostic = try #require(error.invalidDiagnostics?.first, "got \(error)")
        #expect(diagnostic.path == path)
        #expect(diagnostic.line == 1)
        #expect(diagnostic.column == header.split(separator: ",").count)
        #expect(diagnostic.message.contains("same column"))
    }

    @Test func nonNumericBaselineIsAWarningNotAnError() throws {
        let file = try read("Benefit ID,Description,Metric ID,Baseline Value,Baseline Date,Target Value,Target Date\nB1,d,M1,about 70,2024-01-01,\"£1,200.50\",2028-01-01\n")
        #expect(file.warnings.count == 1)
        #expect(file.warnings.first?.line == 2)
        #expect(file.warnings.first?.severity == .warning)
        #expect(file.warnings.first?.message.contains("about 70") == true)
        let baseline = try #require(file.plan.values.first { $0.kind == .baseline })
        #expect(baseline.value == nil)
        #expect(baseline.text == "about 70")
        let target = try #require(file.plan.values.first { $0.kind == .target })
        #expect(target.value == 1200.5, "'£1,200.50' is a number")
    }

    @Test func emptyRegisterIsInvalid() throws {
        let (error, _) = try failure("", format: .registerCSV)
        #expect(error.invalidDiagnostics?.first?.message.contains("empty") == true)
    }

    @Test func binaryWithFromIsInvalid() throws {
        let error = try #require(importError { try registry.read(path: Fixtures.path("xml/binary.xml"), format: .registerCSV) })
        #expect(error.invalidDiagnostics?.first?.message.contains("binary") == true)
    }

    @Test func shortRowsLeaveMissingCellsEmpty() throws {
        let plan = try read("Benefit ID,Description,Benefit Owner,Objectives\nB1,d\n").plan
        #expect(plan.benefits.first?.owner == nil)
        #expect(plan.links.isEmpty)
    }
}
