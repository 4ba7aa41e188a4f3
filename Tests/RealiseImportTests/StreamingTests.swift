import Foundation
import Testing
import RealiseModel
@testable import RealiseImport

/// A sink that records how it was fed.
final class RecordingSink: PlanSink {
    var chunks: [Int] = []
    var amendments: [(id: String, parent: String?, notes: [String])] = []
    let collector = PlanCollector()

    func take(_ chunk: Plan) {
        chunks.append(chunk.itemCount)
        collector.take(chunk)
    }

    func amend(deliverable id: String, parent: String?, appendingNotes lines: [String]) {
        amendments.append((id, parent, lines))
        collector.amend(deliverable: id, parent: parent, appendingNotes: lines)
    }
}

/// Importers hand over what they read in bounded chunks as they go, not the whole file at the end.
@Suite("Streaming importers")
struct StreamingTests {
    /// An MSPDI plan of `count` tasks, each depending on the one before, spread over lines.
    static func mspdi(tasks count: Int) -> String {
        var text = "<?xml version=\"1.0\"?>\n<Project xmlns=\"http://schemas.microsoft.com/project\">\n<Title>Big</Title>\n<Tasks>\n"
        for uid in 1...count {
            text += "<Task>\n<UID>\(uid)</UID>\n<Name>Task \(uid)</Name>\n<OutlineLevel>1</OutlineLevel>\n"
            if uid > 1 { text += "<PredecessorLink><PredecessorUID>\(uid - 1)</PredecessorUID><Type>1</Type></PredecessorLink>\n" }
            text += "</Task>\n"
        }
        return text + "</Tasks>\n</Project>\n"
    }

    @Test("MS Project tasks are handed over in chunks of about Plan.chunkSize items, and add up to the whole plan")
    func mspdiChunks() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("big.xml", StreamingTests.mspdi(tasks: 3_000))
        let sink = RecordingSink()
        let warnings = try MSPDIImporter().read(path: path, options: .init(), into: sink)
        #expect(warnings.isEmpty)
        #expect(sink.chunks.count >= 10)
        #expect(sink.chunks.allSatisfy { $0 <= Plan.chunkSize + 2 })
        #expect(sink.chunks.reduce(0, +) == 3_000 + 2_999)
        // What the file holds, counted by hand from how `mspdi(tasks:)` writes it: task n is `<Title>:T<n>`,
        // "Task n", at the top level; its <Task> is on line 5 for task 1 (after four lines of header) and 6 lines
        // after the one before from task 2 on (task 1 has no <PredecessorLink> line), so 10 + 6 (n − 2); and
        // task n depends on n − 1, finish to start (MS Project's Type 1).
        let ids = (1...3_000).map { "Big:T\($0)" }
        let lines = [5] + (2...3_000).map { 10 + 6 * ($0 - 2) }
        let links = (2...3_000).map { "Big:T\($0)->Big:T\($0 - 1) fs" }
        for plan in [sink.collector.plan, try MSPDIImporter().read(path: path, options: .init()).plan] {
            #expect(plan.deliverables.map(\.id) == ids)
            #expect(plan.deliverables.map(\.name) == (1...3_000).map { "Task \($0)" })
            #expect(plan.deliverables.allSatisfy { $0.parent == nil })
            #expect(plan.deliverables.map(\.source.line) == lines)
            #expect(plan.links.map { "\($0.from)->\($0.to) \($0.dependencyType?.rawValue ?? "")" } == links)
            #expect(plan.objectives.isEmpty && plan.benefits.isEmpty && plan.metrics.isEmpty && plan.values.isEmpty)
        }
    }

    @Test("a predecessor that comes later is linked at the end; one that came earlier at once")
    func mspdiForwardPredecessor() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("fwd.xml", """
            <Project xmlns="http://schemas.microsoft.com/project"><Title>F</Title><Tasks>
            <Task><UID>1</UID><Name>A</Name><OutlineLevel>1</OutlineLevel><PredecessorLink><PredecessorUID>2</PredecessorUID></PredecessorLink></Task>
            <Task><UID>2</UID><Name>B</Name><OutlineLevel>1</OutlineLevel><PredecessorLink><PredecessorUID>1</PredecessorUID><Type>3</Type></PredecessorLink></Task>
            </Tasks></Project>
            """)
        let plan = try MSPDIImporter().read(path: path, options: .init()).plan
        #expect(plan.links.map { "\($0.from)->\($0.to) \($0.dependencyType?.rawValue ?? "")" } == ["F:T2->F:T1 ss", "F:T1->F:T2 fs"])
    }

    @Test("IATI activities are handed over as they are read; parents stated in either activity arrive as amendments")
    func iatiChunksAndAmendments() throws {
        var text = "<iati-activities version=\"2.03\">\n"
        for n in 1...400 {
            // Each even activity names its parent, which comes after it; activity 1 names 2 as its child first,
            // so 2's own parent (3) is ignored; 400's parent is not in the file.
            let related = n % 2 == 0 ? "<related-activity ref=\"A-\(n + 1)\" type=\"1\"/>" : (n == 1 ? "<related-activity ref=\"A-2\" type=\"2\"/>" : "")
            text += """
                <iati-activity><iati-identifier>A-\(n)</iati-identifier><title><narrative>Activity \(n)</narrative></title>\(related)
                <result type="2"><title><narrative>Outcome</narrative></title><indicator measure="1" ascending="1">
                <title><narrative>Count</narrative></title><baseline year="2020" value="\(n)"/>
                <period><period-start iso-date="2021-01-01"/><period-end iso-date="2021-12-31"/><target value="\(n + 5)"/></period>
                </indicator></result></iati-activity>\n
                """
        }
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("iati.xml", text + "</iati-activities>\n")
        let sink = RecordingSink()
        _ = try IATIImporter().read(path: path, options: .init(), into: sink)
        #expect(sink.chunks.count >= 3)
        #expect(sink.chunks.allSatisfy { $0 <= Plan.chunkSize + 10 })
        #expect(sink.amendments.filter { $0.parent != nil }.count == 199)
        #expect(sink.amendments.contains { $0.id == "A-4" && $0.parent == "A-5" })
        let plan = sink.collector.plan
        #expect(plan.deliverables.first { $0.id == "A-2" }?.parent == "A-1")
        #expect(plan.deliverables.first { $0.id == "A-4" }?.parent == "A-5")
        #expect(plan.deliverables.first { $0.id == "A-400" }?.notes?.contains("Parent activity: A-401 (not in this file)") == true)
        #expect(plan.deliverables.first { $0.id == "A-1" }?.parent == nil)
        // Counted by hand from the text above: activity n is project A-n; its parent is A-(n+1) when n is even,
        // except A-2 (A-1 named it as a child first) and A-400 (A-401 is not in the file); odd ones have none.
        // Each has one outcome with one indicator: a benefit, a metric, a baseline and a target.
        let parents = (1...400).map { n -> String? in n == 2 ? "A-1" : n % 2 == 0 && n < 400 ? "A-\(n + 1)" : nil }
        for whole in [plan, try IATIImporter().read(path: path, options: .init()).plan] {
            #expect(whole.deliverables.map(\.id) == (1...400).map { "A-\($0)" })
            #expect(whole.deliverables.map(\.parent) == parents)
            #expect(whole.deliverables.map(\.name) == (1...400).map { "Activity \($0)" })
            #expect(whole.benefits.count == 400 && whole.metrics.count == 400)
            #expect(whole.values.filter { $0.kind == .baseline }.map(\.value) == (1...400).map { Double($0) })
            #expect(whole.values.filter { $0.kind == .target }.map(\.value) == (1...400).map { Double($0 + 5) })
        }
    }

    @Test("a register's values table is handed over in chunks")
    func registerChunks() throws {
        var text = "Metric ID,Date,Value\n"
        for n in 0..<2_000 { text += "M1,\(Day(dayNumber: 20_000 + n)),\(n)\n" }
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("values.csv", text)
        let sink = RecordingSink()
        _ = try RegisterCSVImporter().read(path: path, options: .init(), into: sink)
        #expect(sink.chunks.count == 4)
        #expect(sink.chunks.reduce(0, +) == 2_000)
        #expect(sink.collector.plan.values.last?.source.line == 2_001)
    }

    @Test("start tags spanning lines are located right across the reading window's edges, in a file of several windows")
    func lineLocatorAcrossWindows() throws {
        var text = "<?xml version=\"1.0\"?>\n<plan xmlns=\"urn:realise:plan:1\" version=\"1\">\n"
        var expected: [Int] = []
        var line = 3
        // Padding of varying length moves the start tags across the 256 KiB window boundaries.
        for n in 0..<4_000 {
            let padding = String(repeating: "x", count: (n * 37) % 211)
            text += "  <!-- \(padding) -->\n"
            line += 1
            expected.append(line)
            text += "  <objective id=\"O\(n)\"\n     horizon=\"2030-03-31\">\n    <statement>Objective \(n)</statement>\n  </objective>\n"
            line += 4
        }
        text += "</plan>\n"
        #expect(text.utf8.count > 3 * XMLLineLocator.chunkSize)
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("long.xml", text)
        let plan = try RealiseXMLImporter().read(path: path, options: .init()).plan
        #expect(plan.objectives.map(\.source.line) == expected)
    }
}
