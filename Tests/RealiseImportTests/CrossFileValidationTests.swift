import Foundation
import Testing
@testable import RealiseImport
import RealiseModel

/// Plans read from fixture files, validated as `realise validate` and `import` validate them: imported into an
/// in-memory workspace (holding another plan first where a test says so) and rolled back.
@Suite("cross-file validation of imported plans")
struct CrossFileValidationTests {
    let registry = ImporterRegistry.standard

    func plan(_ fixture: String) throws -> Plan {
        try registry.read(path: Fixtures.path(fixture)).plan
    }

    func errors(_ plan: Plan, after existing: Plan? = nil) throws -> [Diagnostic] {
        try plan.importErrors(after: existing)
    }

    @Test func duplicateIdWithinAFile() throws {
        let path = Fixtures.path("validation/duplicate-within.xml")
        let problems = try errors(try plan("validation/duplicate-within.xml"))
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem.path == path)
        #expect(problem.line == 6, "the second definition is the one reported")
        #expect(problem.message.contains("duplicate id 'OBJ-D'"))
        #expect(problem.message.contains("\(path):3"), "the message names the first definition")
    }

    @Test func duplicateIdAcrossTwoFiles() throws {
        var merged = try plan("validation/strategy-a.xml")
        merged.merge(try plan("validation/objectives-b.csv"))
        let problems = try errors(merged)
        #expect(problems.count == 1, "BEN-X → OBJ-Y resolves across the files; only the clash is an error: \(problems)")
        let problem = try #require(problems.first)
        #expect(problem.path == Fixtures.path("validation/objectives-b.csv"))
        #expect(problem.line == 3)
        #expect(problem.message.contains("OBJ-X"))
        #expect(problem.message.contains("\(Fixtures.path("validation/strategy-a.xml")):3"))
    }

    @Test func duplicateIdAgainstTheWorkspace() throws {
        let first = try plan("validation/strategy-a.xml")
        let problems = try errors(try plan("validation/objectives-b.csv"), after: first.entitiesOnly)
        #expect(problems.count == 1)
        #expect(problems.first?.line == 3)
        #expect(problems.first?.message.contains("workspace already has a objective 'OBJ-X'") == true)
        // A reference into the workspace resolves: the XML's BEN-X → OBJ-Y is fine when the register is known.
        let second = try plan("validation/objectives-b.csv")
        #expect(try errors(first, after: second.entitiesOnly).map(\.line) == [3], "only OBJ-X clashes; the reference to OBJ-Y resolves")
    }

    @Test func reimportingTheSameFileIsNotADuplicate() throws {
        let first = try plan("validation/strategy-a.xml")
        let problems = try errors(first, after: first.entitiesOnly)
        // BEN-X → OBJ-Y dangles (the register is not read), nothing else.
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("'OBJ-Y' does not exist") == true)
    }

    @Test func danglingReferenceIsLocatedAtTheReferencingLine() throws {
        let path = Fixtures.path("validation/dangling-ref.xml")
        let problems = try errors(try plan("validation/dangling-ref.xml"))
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem.path == path)
        #expect(problem.line == 9)
        #expect(problem.message.contains("'OBJ-MISSING' does not exist"))
        #expect(problem.message.contains("contributes-to"))
    }

    @Test func danglingReferencesFromARegisterRow() throws {
        let path = Fixtures.path("validation/dangling-register.csv")
        let alone = try errors(try plan("validation/dangling-register.csv"))
        #expect(alone.count == 2)
        #expect(alone.allSatisfy { $0.path == path && $0.line == 2 })
        #expect(alone.contains { $0.message.contains("'OBJ-Y'") })
        #expect(alone.contains { $0.message.contains("'DEL-NOWHERE'") })

        var merged = try plan("validation/dangling-register.csv")
        merged.merge(try plan("validation/objectives-b.csv"))
        let remaining = try errors(merged)
        #expect(remaining.count == 1, "OBJ-Y now exists")
        #expect(remaining.first?.message.contains("'DEL-NOWHERE'") == true)
    }

    @Test func wrongEntityTypeAtALinkEnd() throws {
        let path = Fixtures.path("validation/wrong-type.xml")
        let problems = try errors(try plan("validation/wrong-type.xml"))
        #expect(problems.allSatisfy { $0.path == path })
        let enabled = try #require(problems.first { $0.message.contains("enabled-by") })
        #expect(enabled.line == 8)
        #expect(enabled.message.contains("benefit 'BEN-1'"))
        #expect(enabled.message.contains("objective 'OBJ-1'"))
        let measures = problems.filter { $0.message.contains("MET-1") }
        #expect(measures.count == 2, "metric → metric is the wrong type, and it measures itself: \(measures)")
        #expect(measures.allSatisfy { $0.line == 12 })
        let parent = try #require(problems.first { $0.message.contains("parent deliverable") })
        #expect(parent.line == 14)
        #expect(parent.message.contains("is a benefit, expected deliverable"))
        #expect(problems.count == 4)
    }

    @Test func validPlansMergedFromTwoFormatsValidate() throws {
        // The register companion tables reference each other and the benefits register.
        var merged = Plan()
        for fixture in ["csv/benefits-register.csv", "csv/deliverables.csv"] { merged.merge(try plan(fixture)) }
        let problems = try errors(merged)
        // The fixtures deliberately leave some ids undefined (OBJ-*, DEL-3, DEL-4, ORG-*): every error is a dangling id.
        #expect(!problems.isEmpty)
        #expect(problems.allSatisfy { $0.message.contains("does not exist") })
        #expect(!problems.contains { $0.message.contains("'DEL-1'") || $0.message.contains("'DEL-2'") },
                "DEL-1 and DEL-2 come from the deliverables table")
    }
}
