import RealiseModel
import Testing
@testable import RealiseGaps

@Suite("plan diff: a change of form only is no change")
struct PlanDiffFormTests {
    @Test("the same plan gives no change")
    func identical() throws {
        let plan = DiffSupport.base().plan
        #expect(try DiffSupport.changes(plan, plan).isEmpty)
    }

    @Test("another order of entities, links and values gives no change")
    func reordered() throws {
        let old = DiffSupport.base().plan
        var new = old
        new.benefits.reverse()
        new.links.reverse()
        new.values.reverse()
        new.objectives = old.objectives.reversed()
        #expect(new != old)
        #expect(try DiffSupport.changes(old, new).isEmpty)
    }

    @Test("another file and other lines (a renamed file, moved lines) give no change")
    func movedSources() throws {
        let old = DiffSupport.base().plan
        var new = old
        func moved(_ source: SourceRef) -> SourceRef {
            SourceRef(path: "renamed/" + source.path, line: source.line + 40, column: 7, format: source.format, identifier: "row")
        }
        for index in new.benefits.indices { new.benefits[index].source = moved(new.benefits[index].source) }
        for index in new.deliverables.indices { new.deliverables[index].source = moved(new.deliverables[index].source) }
        for index in new.metrics.indices { new.metrics[index].source = moved(new.metrics[index].source) }
        for index in new.links.indices { new.links[index].source = moved(new.links[index].source) }
        for index in new.values.indices { new.values[index].source = moved(new.values[index].source) }
        #expect(new != old)
        #expect(try DiffSupport.changes(old, new).isEmpty)
    }

    @Test("white space in text (re-wrapped, doubled, trailing) gives no change; other text does")
    func whiteSpace() throws {
        let old = DiffSupport.base().plan
        var new = old
        new.benefits[0].description = "  Benefit\n   BEN-1 \t"
        new.metrics[0].owner = "Analyst "
        #expect(try DiffSupport.changes(old, new).isEmpty)
        new.benefits[0].description = "Benefit BEN-2"
        let changes = try DiffSupport.changes(old, new)
        #expect(changes.map(\.kind) == [.changed])
        #expect(changes.first?.field == "description")
        #expect(changes.first?.after == .text("Benefit BEN-2"))
    }

    @Test("a number written another way is the same number")
    func numbers() throws {
        let old = DiffSupport.base().plan
        var new = old
        let index = DiffSupport.value(new, .target, "2028-03-31")
        new.values[index].value = Double("8000.0")
        new.values[index].note = ""
        #expect(try DiffSupport.changes(old, new).isEmpty)
    }
}
