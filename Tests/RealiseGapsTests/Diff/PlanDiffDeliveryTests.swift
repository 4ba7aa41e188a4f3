import RealiseModel
import Testing
@testable import RealiseGaps

@Suite("plan diff: entities and deliverables")
struct PlanDiffDeliveryTests {
    let old = DiffSupport.base().plan

    @Test("an entity only in the newer version is added, one only in the older withdrawn, each where it is stated")
    func addedAndWithdrawn() throws {
        var builder = DiffSupport.base()
        builder.deliverable("DEL-2", planned: "2027-01-31")
        builder.plan.objectives.removeAll { $0.id == "OBJ-1" }
        builder.plan.links.removeAll { $0.to == "OBJ-1" }
        let changes = try DiffSupport.planChanges(old, builder.plan)
        let added = changes.filter { $0.kind == .added }, withdrawn = changes.filter { $0.kind == .withdrawn }
        #expect(added.map(\.subject.id) == ["DEL-2"])
        #expect(added.first?.source?.line == builder.plan.deliverables.last?.source.line)
        #expect(withdrawn.map(\.subject.id) == ["OBJ-1"])
        #expect(withdrawn.first?.subject.type == "objective")
        #expect(withdrawn.first?.source?.line == old.objectives[0].source.line)
        // The link to a withdrawn objective goes with it: no link-removed on an entity that is gone.
        #expect(!changes.contains { $0.kind == .linkRemoved })
    }

    @Test("a later forecast finish is slipped, an earlier one pulled in, with the days")
    func slippedAndPulledIn() throws {
        for (forecast, kind) in [("2026-06-30", ChangeKind.slipped), ("2026-01-15", .pulledIn)] {
            var new = old
            new.deliverables[0].forecastFinish = DiffSupport.day(forecast)
            let changes = try DiffSupport.planChanges(old, new)
            #expect(changes.map(\.kind) == [kind])
            #expect(changes.first?.field == "forecastFinish")
            #expect(changes.first?.before == .day(DiffSupport.day("2026-03-31")))
            #expect(changes.first?.after == .day(DiffSupport.day(forecast)))
            #expect(changes.first?.days == DiffSupport.day("2026-03-31").days(to: DiffSupport.day(forecast)))
        }
    }

    @Test("without a forecast the planned finish is what slips; a forecast moved with the planned finish is one slip and one change")
    func plannedFinish() throws {
        var builder = PlanBuilder()
        builder.deliverable("D", planned: "2026-03-31")
        var later = builder.plan
        later.deliverables[0].plannedFinish = DiffSupport.day("2026-04-30")
        let slip = try DiffSupport.planChanges(builder.plan, later)
        #expect(slip.map(\.kind) == [.slipped])
        #expect(slip.first?.field == "plannedFinish")
        #expect(slip.first?.days == 30)
        var replanned = old
        replanned.deliverables[0].forecastFinish = DiffSupport.day("2026-05-31")
        replanned.deliverables[0].plannedFinish = DiffSupport.day("2026-04-30")
        let both = try DiffSupport.planChanges(old, replanned)
        #expect(both.map(\.kind) == [.slipped, .changed])
        #expect(both.map(\.field) == ["forecastFinish", "plannedFinish"])
    }

    @Test("a changed baseline start or finish is rebaselined, each with its days")
    func rebaselined() throws {
        var new = old
        new.deliverables[0].baselineFinish = DiffSupport.day("2026-09-30")
        new.deliverables[0].baselineStart = DiffSupport.day("2024-01-01")
        let changes = try DiffSupport.planChanges(old, new)
        #expect(changes.map(\.kind) == [.rebaselined, .rebaselined])
        #expect(changes.map(\.field) == ["baselineFinish", "baselineStart"])
        #expect(changes.first?.days == DiffSupport.day("2026-03-31").days(to: DiffSupport.day("2026-09-30")))
        #expect(changes.last?.before == nil)
        #expect(changes.last?.days == nil)
    }

    @Test("delivery confidence moving is rag-changed with before and after; a rating first given too")
    func ragChanged() throws {
        var rated = old
        rated.deliverables[0].deliveryConfidence = .amber
        var worse = rated
        worse.deliverables[0].deliveryConfidence = .amberRed
        let changes = try DiffSupport.planChanges(rated, worse)
        #expect(changes.map(\.kind) == [.ragChanged])
        #expect(changes.first?.before == .text("amber"))
        #expect(changes.first?.after == .text("amber-red"))
        let first = try DiffSupport.planChanges(old, rated)
        #expect(first.map(\.kind) == [.ragChanged])
        #expect(first.first?.before == nil)
    }

    @Test("any other field is changed, with its name, before and after")
    func otherFields() throws {
        var new = old
        new.deliverables[0].percentComplete = 40
        new.benefits[0].owner = "Head of Transport"
        new.benefits[0].realisationStart = DiffSupport.day("2026-04-01")
        let changes = try DiffSupport.planChanges(old, new)
        #expect(changes.allSatisfy { $0.kind == .changed })
        #expect(changes.map(\.field) == ["owner", "realisationStart", "percentComplete"])
        #expect(changes.map(\.subject.id) == ["BEN-1", "BEN-1", "DEL-1"])
        #expect(changes.first?.before == .text("Owner"))
        #expect(changes.last?.after == .number(40))
        #expect(changes[1].days == nil)
    }
}
