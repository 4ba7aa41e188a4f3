import Testing
import RealiseModel
@testable import RealiseStore

/// A small, valid plan: vision ← objective ← benefit ← deliverable, with a metric and its values.
private func validPlan(path: String = "plan.xml") -> Plan {
    var plan = Plan()
    plan.programmes = [Programme(id: "P", name: "Programme", organisation: "ORG", source: at(path, 2, column: 3))]
    plan.organisations = [Organisation(id: "ORG", name: "Council", source: at(path, 3, column: 3))]
    plan.objectives = [
        Objective(id: "V1", statement: "Vision", source: at(path, 4, column: 3)),
        Objective(id: "OBJ-1", statement: "Objective", parent: "V1", organisation: "ORG", source: at(path, 5, column: 3)),
    ]
    plan.benefits = [
        Benefit(id: "BEN-1", description: "Shorter journeys", realisationStart: day("2026-01-01"),
                realisationEnd: day("2026-01-01"), source: at(path, 6, column: 3)),
        Benefit(id: "BEN-2", description: "More passengers", source: at(path, 7, column: 3)),
    ]
    plan.deliverables = [
        Deliverable(id: "DEL-1", name: "Bus lanes", kind: .summary, plannedStart: day("2024-01-01"),
                    plannedFinish: day("2025-06-30"), percentComplete: 0, source: at(path, 8, column: 3)),
        Deliverable(id: "DEL-2", name: "Signals", parent: "DEL-1", plannedStart: day("2024-01-01"),
                    plannedFinish: day("2024-01-01"), baselineStart: day("2024-01-01"), baselineFinish: day("2024-02-01"),
                    actualStart: day("2024-01-02"), actualFinish: day("2024-03-01"), percentComplete: 100, source: at(path, 9, column: 3)),
    ]
    plan.metrics = [Metric(id: "MET-1", name: "Journey time", unit: "minutes", direction: .decrease, source: at(path, 10, column: 3))]
    plan.values = [
        MetricValue(metric: "MET-1", kind: .baseline, date: day("2023-09-30"), value: 68, source: at(path, 11, column: 3)),
        MetricValue(metric: "MET-1", kind: .target, date: day("2028-03-31"), value: 58, source: at(path, 12, column: 3)),
    ]
    plan.links = [
        Link(kind: .contributesTo, from: "BEN-1", to: "OBJ-1", source: at(path, 13, column: 3)),
        Link(kind: .contributesTo, from: "OBJ-1", to: "V1", source: at(path, 14, column: 3)),
        Link(kind: .enabledBy, from: "BEN-1", to: "DEL-2", source: at(path, 15, column: 3)),
        Link(kind: .dependsOn, from: "DEL-2", to: "DEL-1", dependencyType: .finishToStart, lagDays: 5, source: at(path, 16, column: 3)),
        Link(kind: .dependsOn, from: "BEN-2", to: "BEN-1", source: at(path, 17, column: 3)),
        Link(kind: .measures, from: "MET-1", to: "BEN-1", share: 100, source: at(path, 18, column: 3)),
        Link(kind: .measures, from: "MET-1", to: "BEN-2", share: 0, source: at(path, 19, column: 3)),
        Link(kind: .measures, from: "MET-1", to: "OBJ-1", source: at(path, 20, column: 3)),
    ]
    return plan
}

/// The single error of `problems`, failing the test when there is not exactly one.
private func onlyError(_ problems: [Diagnostic], sourceLocation: SourceLocation = #_sourceLocation) throws -> Diagnostic {
    #expect(problems.count == 1, "expected one problem, got: \(problems.map(\.description))", sourceLocation: sourceLocation)
    let problem = try #require(problems.first, sourceLocation: sourceLocation)
    #expect(problem.severity == .error, sourceLocation: sourceLocation)
    return problem
}

@Suite("validation, through an in-memory workspace as `realise validate` does")
struct PlanValidationTests {
    @Test("a consistent plan has no problems")
    func validPlanPasses() throws {
        #expect(try validPlan().workspaceProblems().isEmpty)
    }

    // MARK: Ids

    @Test("a duplicate id is reported at the second occurrence, naming the first")
    func duplicateInOnePlan() throws {
        var plan = validPlan()
        plan.benefits.append(Benefit(id: "OBJ-1", description: "Clash", source: at("plan.xml", 40, column: 3)))
        let problem = try onlyError(plan.workspaceProblems())
        #expect(problem.path == "plan.xml")
        #expect(problem.line == 40)
        #expect(problem.message.contains("duplicate id 'OBJ-1'"))
        #expect(problem.message.contains("plan.xml:5"))
    }

    @Test("a duplicate id across two merged files is located in the later file")
    func duplicateAcrossFiles() throws {
        var plan = validPlan(path: "a.xml")
        var other = Plan()
        other.metrics = [Metric(id: "DEL-2", name: "Clash", source: at("b.csv", 7, column: 3))]
        plan.merge(other)
        let problem = try onlyError(plan.workspaceProblems())
        #expect((problem.path, problem.line, problem.column) == ("b.csv", 7, 3))
        #expect(problem.message.contains("duplicate id 'DEL-2'"))
        #expect(problem.message.contains("a.xml:9"))
    }

    /// The duplicate is reported in type order (objectives before deliverables) rather than in the order the
    /// files and lines were read, so the file read first is blamed for a clash the later file introduced.
    @Test("a duplicate id is located in the later file even when it is an earlier entity type",
)
    func duplicateAcrossFilesOfEarlierType() throws {
        var plan = validPlan(path: "a.xml")
        var other = Plan()
        other.objectives = [Objective(id: "DEL-2", statement: "Clash", source: at("b.csv", 7, column: 3))]
        plan.merge(other)
        let problem = try onlyError(plan.workspaceProblems())
        #expect((problem.path, problem.line) == ("b.csv", 7))
        #expect(problem.message.contains("a.xml:9"))
    }

    @Test("an id the workspace already has from another file is an error")
    func collidesWithKnown() throws {
        let known: [String: (type: EntityType, source: SourceRef)] = ["BEN-2": (.benefit, at("register.csv", 3, column: 3))]
        let problem = try onlyError(validPlan().workspaceProblems(existing: known))
        #expect(problem.path == "plan.xml")
        #expect(problem.line == 7)
        #expect(problem.message.contains("duplicate id 'BEN-2'"))
        #expect(problem.message.contains("register.csv:3"))
    }

    @Test("an id the workspace already has from the same file is a re-import, not an error")
    func reimportOfSameFile() throws {
        let known: [String: (type: EntityType, source: SourceRef)] = [
            "BEN-2": (.benefit, at("plan.xml", 99, column: 3)),
            "OBJ-1": (.objective, at("plan.xml", 5, column: 3)),
        ]
        #expect(try validPlan().workspaceProblems(existing: known).isEmpty)
    }

    @Test("references may point at entities the workspace already has")
    func referencesKnown() throws {
        var plan = Plan()
        plan.benefits = [Benefit(id: "BEN-9", description: "New", organisation: "ORG", source: at("b.csv", 2, column: 3))]
        plan.links = [
            Link(kind: .contributesTo, from: "BEN-9", to: "OBJ-1", source: at("b.csv", 2, column: 3)),
            Link(kind: .enabledBy, from: "BEN-9", to: "DEL-2", source: at("b.csv", 2, column: 3)),
        ]
        plan.values = [MetricValue(metric: "MET-1", kind: .measurement, date: day("2025-01-01"), value: 60, source: at("b.csv", 3, column: 3))]
        let known: [String: (type: EntityType, source: SourceRef)] = [
            "OBJ-1": (.objective, at("a.xml", 5, column: 3)), "DEL-2": (.deliverable, at("a.xml", 9, column: 3)),
            "MET-1": (.metric, at("a.xml", 10, column: 3)), "ORG": (.organisation, at("a.xml", 3, column: 3)),
        ]
        #expect(try plan.workspaceProblems(existing: known).isEmpty)
        // Without the workspace the objective, deliverable and metric are dangling; the organisation is free text.
        #expect(try plan.workspaceProblems().count == 3)
    }

    @Test("empty, over-long and multi-line ids are refused", arguments: ["", String(repeating: "x", count: 201), "BEN\n1"])
    func badIds(id: String) throws {
        var plan = validPlan()
        plan.benefits.append(Benefit(id: id, description: "Bad id", source: at("plan.xml", 50, column: 3)))
        let problem = try onlyError(plan.workspaceProblems())
        #expect(problem.line == 50)
        #expect(problem.message.contains("empty, too long or spans lines"))
    }

    @Test("an id of 200 characters is accepted")
    func longestId() throws {
        var plan = validPlan()
        plan.benefits.append(Benefit(id: String(repeating: "x", count: 200), description: "Long id", source: at("plan.xml", 50, column: 3)))
        #expect(try plan.workspaceProblems().isEmpty)
    }

    // MARK: Dangling references

    @Test("a parent objective that does not exist")
    func danglingObjectiveParent() throws {
        var plan = validPlan()
        plan.objectives[1].parent = "V9"
        let problem = try onlyError(plan.workspaceProblems())
        #expect(problem.line == 5)
        #expect(problem.message.contains("parent objective 'V9' does not exist"))
    }

    @Test("a parent deliverable that does not exist")
    func danglingDeliverableParent() throws {
        var plan = validPlan()
        plan.deliverables[1].parent = "DEL-404"
        let problem = try onlyError(plan.workspaceProblems())
        #expect(problem.line == 9)
        #expect(problem.message.contains("parent deliverable 'DEL-404' does not exist"))
    }

    @Test("a link whose source or target does not exist", arguments: [
        (Link.Kind.enabledBy, "BEN-1", "DEL-404", "enabled-by link target 'DEL-404' does not exist"),
        (Link.Kind.measures, "MET-404", "BEN-1", "measures link source 'MET-404' does not exist"),
        (Link.Kind.contributesTo, "BEN-404", "OBJ-404", "contributes-to link source 'BEN-404' does not exist"),
    ])
    func danglingLink(kind: Link.Kind, from: String, to: String, message: String) throws {
        var plan = validPlan()
        plan.links.append(Link(kind: kind, from: from, to: to, source: at("plan.xml", 60, column: 3)))
        let problem = try onlyError(plan.workspaceProblems())
        #expect(problem.line == 60)
        #expect(problem.message.contains(message))
    }

    @Test("a value of a metric that does not exist")
    func danglingValueMetric() throws {
        var plan = validPlan()
        plan.values.append(MetricValue(metric: "MET-404", kind: .measurement, date: day("2025-01-01"), value: 1, source: at("plan.xml", 70, column: 3)))
        let problem = try onlyError(plan.workspaceProblems())
        #expect(problem.line == 70)
        #expect(problem.message.contains("metric 'MET-404' does not exist"))
    }

    @Test("an organisation is free text: a name no Organisation defines is accepted")
    func freeTextOrganisation() throws {
        var plan = validPlan()
        plan.benefits[1].organisation = "Department for Transport"
        #expect(try plan.workspaceProblems().isEmpty)
    }

    // MARK: Types at link ends

    @Test("links must join the right entity types", arguments: [
        (Link.Kind.enabledBy, "BEN-1", "OBJ-1"),      // enabled-by pointing to an objective
        (Link.Kind.enabledBy, "DEL-2", "BEN-1"),      // the wrong way round
        (Link.Kind.contributesTo, "DEL-2", "OBJ-1"),  // deliverables contribute only through benefits
        (Link.Kind.contributesTo, "OBJ-1", "BEN-1"),
        (Link.Kind.dependsOn, "BEN-1", "DEL-2"),      // mixed types
        (Link.Kind.measures, "BEN-1", "MET-1"),       // reversed
        (Link.Kind.measures, "MET-1", "DEL-2"),
    ])
    func wrongTypes(kind: Link.Kind, from: String, to: String) throws {
        var plan = validPlan()
        plan.links.append(Link(kind: kind, from: from, to: to, source: at("plan.xml", 80, column: 3)))
        let problem = try onlyError(plan.workspaceProblems())
        #expect(problem.line == 80)
        #expect(problem.message.lowercased().contains("\(kind == .enabledBy ? "an" : "a") \(kind.rawValue) link cannot go from"))
        #expect(problem.message.contains("'\(from)'"))
        #expect(problem.message.contains("'\(to)'"))
    }

    @Test("a parent or value of the wrong type")
    func wrongReferenceTypes() throws {
        var plan = validPlan()
        plan.objectives[1].parent = "BEN-1"
        plan.deliverables[1].parent = "MET-1"
        plan.values.append(MetricValue(metric: "BEN-1", kind: .target, date: day("2027-01-01"), value: 1, source: at("plan.xml", 90, column: 3)))
        let messages = try plan.workspaceProblems().map(\.message)
        #expect(messages.count == 3)
        #expect(messages.contains("parent objective 'BEN-1' is a benefit, expected objective"))
        #expect(messages.contains("parent deliverable 'MET-1' is a metric, expected deliverable"))
        #expect(messages.contains("metric 'BEN-1' is a benefit, expected metric"))
    }

    // MARK: Self-references

    @Test("an entity cannot link to itself", arguments: [
        (Link.Kind.dependsOn, "BEN-1"), (Link.Kind.dependsOn, "DEL-2"), (Link.Kind.contributesTo, "OBJ-1"),
    ])
    func selfLinks(kind: Link.Kind, id: String) throws {
        var plan = validPlan()
        plan.links.append(Link(kind: kind, from: id, to: id, source: at("plan.xml", 100, column: 3)))
        let problem = try onlyError(plan.workspaceProblems())
        #expect(problem.line == 100)
        #expect(problem.message.contains("'\(id)' cannot \(kind.rawValue) itself"))
    }

    @Test("an objective or deliverable cannot be its own parent")
    func ownParent() throws {
        var plan = validPlan()
        plan.objectives[0].parent = "V1"
        plan.deliverables[0].parent = "DEL-1"
        let problems = try plan.workspaceProblems()
        #expect(problems.count == 2)
        #expect(problems.contains { $0.line == 4 && $0.message.contains("'V1' is its own parent") })
        #expect(problems.contains { $0.line == 8 && $0.message.contains("'DEL-1' is its own parent") })
    }

    // MARK: Dates and ranges

    @Test("realisation cannot end before it starts")
    func realisationOrder() throws {
        var plan = validPlan()
        plan.benefits[1].realisationStart = day("2027-04-01")
        plan.benefits[1].realisationEnd = day("2027-03-31")
        let problem = try onlyError(plan.workspaceProblems())
        #expect(problem.line == 7)
        #expect(problem.message.contains("2027-03-31"))
        #expect(problem.message.contains("2027-04-01"))
    }

    @Test("a deliverable cannot finish before it starts", arguments: ["planned", "baseline", "actual"])
    func finishBeforeStart(label: String) throws {
        var plan = validPlan()
        var deliverable = plan.deliverables[0]
        switch label {
        case "planned": deliverable.plannedStart = day("2025-02-01"); deliverable.plannedFinish = day("2025-01-31")
        case "baseline": deliverable.baselineStart = day("2025-02-01"); deliverable.baselineFinish = day("2025-01-31")
        default: deliverable.actualStart = day("2025-02-01"); deliverable.actualFinish = day("2025-01-31")
        }
        plan.deliverables[0] = deliverable
        let problem = try onlyError(plan.workspaceProblems())
        #expect(problem.line == 8)
        #expect(problem.message.contains("\(label) finish 2025-01-31 before its \(label) start 2025-02-01"))
    }

    @Test("a start alone or a finish alone is fine")
    func halfDates() throws {
        var plan = validPlan()
        plan.deliverables[0].plannedStart = nil
        plan.deliverables[1].actualFinish = nil
        plan.benefits[0].realisationEnd = nil
        #expect(try plan.workspaceProblems().isEmpty)
    }

    @Test("percent complete must be 0–100", arguments: [150.0, 100.5, -1.0, Double.nan])
    func percentOutOfRange(percent: Double) throws {
        var plan = validPlan()
        plan.deliverables[1].percentComplete = percent
        let problem = try onlyError(plan.workspaceProblems())
        #expect(problem.line == 9)
        #expect(problem.message.contains("percent complete must be 0–100"))
    }

    @Test("attribution share must be 0–100", arguments: [120.0, -5.0, 100.01])
    func shareOutOfRange(share: Double) throws {
        var plan = validPlan()
        plan.links[5].share = share
        let problem = try onlyError(plan.workspaceProblems())
        #expect(problem.line == 18)
        #expect(problem.message.contains("attribution share"))
        #expect(problem.message.contains("outside 0–100"))
    }

    @Test("every problem is reported, not only the first")
    func reportsAll() throws {
        var plan = validPlan()
        plan.deliverables[1].percentComplete = 150
        plan.links[5].share = 120
        plan.links.append(Link(kind: .enabledBy, from: "BEN-1", to: "OBJ-1", source: at("plan.xml", 80, column: 3)))
        plan.benefits.append(Benefit(id: "V1", description: "Clash", source: at("plan.xml", 81, column: 3)))
        let lines = try plan.workspaceProblems().map(\.line).sorted()
        #expect(lines == [9, 18, 80, 81])
    }

    @Test("diagnostics print as path:line:column: message")
    func diagnosticText() throws {
        var plan = validPlan()
        plan.deliverables[1].percentComplete = 150
        let problem = try onlyError(plan.workspaceProblems())
        #expect(problem.description.hasPrefix("plan.xml:9:3: deliverable 'DEL-2' is 150"))
        #expect(problem.description.hasSuffix("% complete; percent complete must be 0–100"))
    }

    /// `Double.plainText` is documented as the form used wherever a value is printed.
    @Test("numbers in messages are printed as plain text",
)
    func plainNumbersInMessages() throws {
        var plan = validPlan()
        plan.deliverables[1].percentComplete = 150
        plan.links[5].share = 120
        let messages = try plan.workspaceProblems().map(\.message)
        #expect(messages.contains("deliverable 'DEL-2' is 150% complete; percent complete must be 0–100"))
        #expect(messages.contains("attribution share 120% of 'MET-1' is outside 0–100"))
    }
}

@Suite("Plan.counts and merge")
struct PlanCountsTests {
    @Test("counts every kind; milestones are also counted as deliverables")
    func counts() {
        var plan = validPlan()
        plan.deliverables.append(Deliverable(id: "M-1", name: "Go live", kind: .milestone, source: at("plan.xml", 30, column: 3)))
        plan.deliverables.append(Deliverable(id: "M-2", name: "Close", kind: .milestone, source: at("plan.xml", 31, column: 3)))
        plan.values.append(MetricValue(metric: "MET-1", kind: .measurement, date: day("2025-01-01"), value: 66, source: at("plan.xml", 32, column: 3)))
        plan.values.append(MetricValue(metric: "MET-1", kind: .measurement, date: day("2025-04-01"), value: 65, source: at("plan.xml", 33, column: 3)))
        plan.values.append(MetricValue(metric: "MET-1", kind: .target, date: day("2026-03-31"), value: 63, source: at("plan.xml", 34, column: 3)))
        let counts = plan.counts
        #expect(counts == ImportCounts(objectives: 2, benefits: 2, deliverables: 4, milestones: 2, metrics: 1,
                                       baselines: 1, targets: 2, measurements: 2, links: 8))
        #expect(counts.summary == "2 objectives, 2 benefits, 4 deliverables (2 milestones), 1 metrics, 1 baselines, "
                + "2 targets, 2 measurements, 8 links")
    }

    @Test("an empty plan counts nothing")
    func emptyCounts() {
        #expect(Plan().counts == ImportCounts())
        #expect(Plan().entityIndex.isEmpty)
    }

    @Test("counts add field by field")
    func addCounts() {
        let a = ImportCounts(objectives: 1, benefits: 2, deliverables: 3, milestones: 4, metrics: 5, baselines: 6, targets: 7, measurements: 8, links: 9)
        let b = ImportCounts(objectives: 10, benefits: 20, deliverables: 30, milestones: 40, metrics: 50, baselines: 60, targets: 70, measurements: 80, links: 90)
        #expect(a + b == ImportCounts(objectives: 11, benefits: 22, deliverables: 33, milestones: 44, metrics: 55,
                                      baselines: 66, targets: 77, measurements: 88, links: 99))
    }

    @Test("merge appends in order and the index lists every entity with its type")
    func mergeAndIndex() throws {
        var plan = validPlan(path: "a.xml")
        var other = Plan()
        other.benefits = [Benefit(id: "BEN-X", description: "Extra", source: at("b.csv", 2, column: 3))]
        other.links = [Link(kind: .contributesTo, from: "BEN-X", to: "OBJ-1", source: at("b.csv", 2, column: 3))]
        plan.merge(other)
        #expect(plan.benefits.map(\.id) == ["BEN-1", "BEN-2", "BEN-X"])
        #expect(plan.links.last?.from == "BEN-X")
        let index = plan.entityIndex
        #expect(index.map(\.id) == ["P", "ORG", "V1", "OBJ-1", "BEN-1", "BEN-2", "BEN-X", "DEL-1", "DEL-2", "MET-1"])
        #expect(index.map(\.type) == [.programme, .organisation, .objective, .objective, .benefit, .benefit, .benefit,
                                      .deliverable, .deliverable, .metric])
        #expect(index.first { $0.id == "BEN-X" }?.source.path == "b.csv")
        #expect(try plan.workspaceProblems().isEmpty)
    }
}
