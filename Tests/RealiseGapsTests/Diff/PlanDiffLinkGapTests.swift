import RealiseModel
import Testing
@testable import RealiseGaps

@Suite("plan diff: links, gaps and order")
struct PlanDiffLinkGapTests {
    let old = DiffSupport.base().plan

    @Test("a benefit losing its enabler is link-removed on the benefit, and its gap opens")
    func enablerLost() throws {
        var new = old
        new.links.removeAll { $0.kind == .enabledBy }
        let changes = try DiffSupport.changes(old, new)
        let removed = try #require(changes.first { $0.kind == .linkRemoved })
        #expect(removed.subject.id == "BEN-1")
        #expect(removed.field == "enabled-by")
        #expect(removed.before == .text("DEL-1"))
        #expect(removed.statement == "BEN-1 enabled-by DEL-1")
        #expect(changes.contains { $0.kind == .gapOpened && $0.field == "benefit-without-deliverable" && $0.subject.id == "BEN-1" })
        #expect(changes.contains { $0.kind == .gapOpened && $0.field == "orphan-deliverable" && $0.subject.id == "DEL-1" })
    }

    @Test("contributes-to and measures are reported on what they serve: the objective, the benefit")
    func servedEnd() throws {
        var builder = DiffSupport.base()
        builder.benefit("BEN-2", enabledBy: ["DEL-1"])
        let before = builder.plan
        builder.link(.contributesTo, "BEN-2", "OBJ-1")
        builder.link(.measures, "MET-1", "BEN-2", share: 50)
        let changes = try DiffSupport.planChanges(before, builder.plan)
        #expect(changes.map(\.kind) == [.linkAdded, .linkAdded])
        #expect(changes.map(\.subject.id) == ["OBJ-1", "BEN-2"])
        #expect(changes.map(\.after) == [.text("BEN-2"), .text("MET-1")])
        #expect(changes.first?.statement == "BEN-2 contributes-to OBJ-1")
    }

    @Test("a changed share of a link is changed on the subject the link is reported on")
    func linkAttribute() throws {
        var new = old
        let index = try #require(new.links.firstIndex { $0.kind == .measures })
        new.links[index].share = 60
        let changes = try DiffSupport.planChanges(old, new)
        #expect(changes.map(\.kind) == [.changed])
        #expect(changes.first?.field == "measures MET-1 share")
        #expect(changes.first?.subject.id == "BEN-1")
    }

    @Test("gaps are compared by rule and subject, each end judged as of its own day")
    func gapsOpenAndClose() throws {
        var noBaseline = old
        noBaseline.values.removeAll { $0.kind == .baseline }
        var unowned = old
        unowned.metrics[0].owner = nil
        let changes = try DiffSupport.changes(noBaseline, unowned)
        #expect(changes.contains { $0.kind == .gapClosed && $0.field == "metric-without-baseline" && $0.subject.id == "MET-1" })
        #expect(changes.contains { $0.kind == .gapOpened && $0.field == "missing-owner" && $0.subject.id == "MET-1" })
        // The same plan judged a year apart: the measurement of 2025-09-30 goes stale, so a gap opens.
        let later = try DiffSupport.changes(old, old, newDate: DiffSupport.day("2026-10-31"))
        #expect(later.map(\.kind).allSatisfy { $0 == .gapOpened })
        #expect(later.contains { $0.field == "stale-metric" })
    }

    @Test("changes come by subject type, id, kind and field, whatever order the plans are in")
    func stableOrder() throws {
        var new = old
        new.deliverables[0].forecastFinish = DiffSupport.day("2026-06-30")
        new.deliverables[0].deliveryConfidence = .red
        new.benefits[0].owner = "Someone"
        new.objectives[0].owner = "Someone else"
        var shuffled = new
        shuffled.benefits.reverse()
        shuffled.links.reverse()
        let changes = try DiffSupport.changes(old, new)
        #expect(changes == (try DiffSupport.changes(old, shuffled)))
        let types = changes.map { EntityType(rawValue: $0.subject.type).flatMap { EntityType.allCases.firstIndex(of: $0) } ?? 99 }
        #expect(types == types.sorted())
        let delivery = changes.filter { $0.subject.id == "DEL-1" }.map(\.kind)
        #expect(delivery == ChangeKind.allCases.filter(delivery.contains))
    }

    @Test("the report counts every kind and puts the headline kinds first")
    func report() throws {
        var new = old
        new.deliverables[0].forecastFinish = DiffSupport.day("2026-06-30")
        new.benefits[0].owner = "Someone"
        let analyzer = try GapAnalyzer()
        let report = PlanDiff().report(from: DiffEnd(label: "v1", date: DiffSupport.asOf, plan: old, analyzer: analyzer),
                                       to: DiffEnd(label: "v2", date: DiffSupport.asOf, plan: new, analyzer: analyzer))
        #expect(report.summary.map(\.kind) == ChangeKind.allCases)
        #expect(report.summary.reduce(0) { $0 + $1.count } == report.changes.count)
        #expect(report.sections.first?.kind == .slipped)
        #expect(report.sections.last?.kind == .changed)
        #expect(report.headline.allSatisfy { $0.kind.isHeadline })
        #expect(report.from.label == "v1" && report.to.label == "v2")
    }
}
