import Foundation
import Testing
@testable import RealiseImport
import RealiseModel

/// The real MSPDI and GMPP samples in `../shared/samples` (never copied into the repository) import, and
/// what they give matches facts computed independently with Python 3 (noted at each test). Skipped when the
/// folder is absent (failed under strict mode), like `SharedSamplesConformanceTests`.
@Suite("mspdi and gmpp-csv over ../shared/samples", Requirement.needs(SharedSamples.available, SharedSamples.missing))
struct SharedSamplesMSPDIGMPPTests {
    @Test("the samples are there") func present() throws { try SharedSamples.requirePresent() }

    let registry = ImporterRegistry.standard

    func sample(_ name: String) -> String { SharedSamples.root.appendingPathComponent(name).path }

    func imported(_ name: String) throws -> LoadedFile {
        try registry.read(path: sample(name))
    }

    @Test("every MSPDI sample is sniffed as mspdi and imports, with links that validate",
          arguments: SharedSamples.files(in: "mspdi", ext: "xml"))
    func mspdiSample(path: String) throws {
        #expect(try registry.detect(path: path).format == .mspdi)
        let file = try registry.read(path: path)
        #expect(file.format == "mspdi")
        #expect(file.warnings.isEmpty, "\(file.warnings)")
        #expect(try file.plan.importErrors() == [])
    }

    /// `python3 -c "import xml.etree.ElementTree as E; …findall('p:Tasks/p:Task')"`: one Task, UID 0, OutlineLevel 0.
    @Test func asposeHasOnlyTheProjectSummaryTask() throws {
        let file = try imported("mspdi/aspose__Project.xml")
        #expect(file.plan.deliverables.isEmpty && file.plan.links.isEmpty)
    }

    /// ElementTree: Task UID 1 "Task One", Start 2008-01-30T09:00, Finish 2008-01-31T08:30, ten <Baseline> blocks
    /// numbered 1–10 (none 0, and each finishes before it starts), Name "baselines.xml", Title "project1".
    @Test func baselinesOnOneLine() throws {
        let plan = try imported("mspdi/mpxj__baselines.xml").plan
        #expect(plan.deliverables.map(\.id) == ["baselines:T1"])
        let task = try #require(plan.deliverables.first)
        #expect(task.name == "Task One" && task.kind == .task)
        #expect(task.plannedStart == .iso("2008-01-30") && task.plannedFinish == .iso("2008-01-31"))
        #expect(task.baselineStart == nil && task.baselineFinish == nil, "only baseline 0 is the baseline")
        // The declaration is line 1 and the whole document line 2: `t[:t.index(b'<Task>')].count(b'\\n') + 1` is 2.
        #expect(task.source.line == 2)
    }

    /// ElementTree: UIDs 0–8; 2, 5 and 7 have IsNull 1; OutlineNumbers 1, 1.1, 1.2, 2, 2.1 with Summary on 1 and 2.
    @Test func nullTasksAreSkippedAndTheOutlineKept() throws {
        let plan = try imported("mspdi/mpxj__mspdinulltasks.xml").plan
        #expect(plan.deliverables.map(\.id) == ["mspdinulltasks:T1", "mspdinulltasks:T3", "mspdinulltasks:T4", "mspdinulltasks:T6", "mspdinulltasks:T8"])
        #expect(plan.deliverables.map(\.name) == ["Task 1", "Task 2", "Task 3", "Task 4", "Task 5"])
        #expect(plan.deliverables.map(\.kind) == [.summary, .task, .task, .summary, .task])
        #expect(plan.deliverables.map(\.parent) == [nil, "mspdinulltasks:T1", "mspdinulltasks:T1", nil, "mspdinulltasks:T6"])
    }

    /// ElementTree: PredecessorLinks (task ← PredecessorUID, Type, LinkLag, LagFormat): 2←1 (1, 0, 7),
    /// 3←2 (3, 4800, 7), 4←3 (0, 0, 7), 5←4 (2, 0, 7); MinutesPerDay 480.
    @Test func relationsOfAllFourTypes() throws {
        let plan = try imported("mspdi/mpxj__mspdirelations.xml").plan
        #expect(plan.deliverables.count == 5)
        #expect(plan.linkPairs(.dependsOn) == ["mspdirelations:T2→mspdirelations:T1", "mspdirelations:T3→mspdirelations:T2",
                                               "mspdirelations:T4→mspdirelations:T3", "mspdirelations:T5→mspdirelations:T4"])
        #expect(plan.links.map(\.dependencyType) == [.finishToStart, .startToStart, .finishToFinish, .startToFinish])
        #expect(plan.links.map(\.lagDays) == [0, 1, 0, 0])
    }

    /// `csv.reader(io.StringIO(bytes.decode('cp1252'), newline=''), delimiter=';')`: 235 data rows, 235 distinct
    /// project_number values; the first colour_rating column is Amber 118, Red 24, Green 11, other 82; 224 start_date
    /// and 218 end_date cells are ISO dates, and no end is before its start. DFT_0050_2021-Q4 starts on line 847
    /// (the reader's line_num after the previous row + 1).
    @Test func gmpp2022() throws {
        let path = sample("csv/gmpp__uk_2022.csv")
        #expect(try registry.detect(path: path).format == .gmppCSV)
        let file = try registry.read(path: path)
        let plan = file.plan
        #expect(plan.deliverables.count == 235)
        #expect(file.warnings.isEmpty, "exemptions and early-planning notes are reasons, not problems: \(file.warnings.prefix(3))")
        let ratings = Dictionary(grouping: plan.deliverables, by: { $0.deliveryConfidence }).mapValues(\.count)
        #expect(ratings == [.amber: 118, .red: 24, .green: 11, nil: 82])
        #expect(plan.deliverables.filter { $0.plannedStart != nil }.count == 224)
        #expect(plan.deliverables.filter { $0.plannedFinish != nil }.count == 218)
        let rail = try #require(plan.deliverables.first { $0.id == "DFT_0050_2021-Q4" })
        #expect(rail.name == "Rail Passenger Services" && rail.kind == .project)
        #expect(rail.deliveryConfidence == .red)
        #expect(rail.plannedStart == .iso("2020-03-23") && rail.plannedFinish == .iso("2022-10-16"))
        #expect(rail.notes?.contains("Department: DFT") == true)
        #expect(rail.notes?.contains("Whole-life cost: £14,480m; Financial-year budget: £5,879.60m; Financial-year forecast: £5,121.80m") == true)
        #expect(rail.source.line == 847 && rail.source.identifier == "DFT_0050_2021-Q4")
        #expect(try plan.importErrors() == [])
    }

    /// Transposed: the same reader; 19 labelled rows × 244 project columns. IPA DCA (row 6): Amber 88, Red 18,
    /// Green 5, blank or an exemption 133; start dates (row 9) ISO in 237 columns, end dates (row 10) in 214, one of
    /// which (MOD_0137_2122-Q1, column 178: 2023-02-20 → 2023-01-20) ends before it starts; the end-date row
    /// starts on line 403. Column 78 is DFT_0040_2021-Q1 "HS2 Phase 1": Red, start 2009-01-14, end exempt
    /// (Section 22), TOTAL Baseline Benefits 32850.
    @Test func gmpp2023Transposed() throws {
        let path = sample("csv/gmpp__uk_2023_original_transposed.csv")
        #expect(try registry.detect(path: path).format == .gmppCSV)
        let file = try registry.read(path: path)
        let plan = file.plan
        #expect(plan.deliverables.count == 244)
        let ratings = Dictionary(grouping: plan.deliverables, by: { $0.deliveryConfidence }).mapValues(\.count)
        #expect(ratings == [.amber: 88, .red: 18, .green: 5, nil: 133])
        #expect(plan.deliverables.filter { $0.plannedStart != nil }.count == 237)
        #expect(plan.deliverables.filter { $0.plannedFinish != nil }.count == 213)
        #expect(file.warnings.map { "\($0.line):\($0.column)" } == ["403:178"])
        #expect(file.warnings.first?.message.contains("MOD_0137_2122-Q1") == true)
        let hs2 = try #require(plan.deliverables.first { $0.id == "DFT_0040_2021-Q1" })
        #expect(hs2.name == "HS2 Phase 1" && hs2.deliveryConfidence == .red)
        #expect(hs2.plannedStart == .iso("2009-01-14") && hs2.plannedFinish == nil)
        #expect(hs2.notes?.contains("Baseline benefits: £32,850m") == true)
        #expect(hs2.notes?.contains("Exempt under Section 22") == true)
        #expect(hs2.source.line == 1 && hs2.source.column == 78)
        let pensions = try #require(plan.deliverables.first)
        #expect(pensions.id == "CO_0024_2021-Q2" && pensions.name == "Civil Service Pensions 2015 Remedy")
        #expect(pensions.deliveryConfidence == nil, "no IPA rating; the SRO's Amber is in the notes")
        #expect(pensions.notes?.contains("SRO DCA: Amber") == true)
        #expect(pensions.plannedStart == .iso("2020-05-20") && pensions.plannedFinish == .iso("2024-09-30"))
        #expect(try plan.importErrors() == [])
    }

    @Test("the other CSV samples are not taken for GMPP", arguments: SharedSamples.files(in: "csv", ext: "csv").filter { !$0.contains("gmpp__") })
    func otherCSVSamplesAreNotGMPP(path: String) throws {
        let head = try FileHead.read(path: path)
        #expect(!GMPPImporter().recognises(head, options: .init()))
    }
}
