extension Plan {
    /// Checks the plan as the workspace would hold it: ids unique across files and the workspace, links and
    /// parents that resolve to an entity of the right type, dates in order, percentages in range.
    /// An `organisation` is free text — a department named by a GMPP return, a body named by IATI, or the id
    /// of an Organisation a plan defines (whose name reports then show) — so it is not checked.
    ///
    /// The workspace applies the same rules, with the same messages, to an import it streams (the checks of
    /// one item by `localProblems`, the rest against what it has written).
    ///
    /// - Parameter known: entities already in the workspace (id → type and source) that references may use
    ///   and that new ids must not collide with, unless they come from the same file (a re-import).
    ///   - fileOrder: the order the files were read in, so a duplicate is reported at its second occurrence in
    ///     reading order (files not named keep the order they first appear in).
    /// - Returns: every problem found, each located at its source; errors stop an import.
    public func validate(known: [String: (type: EntityType, source: SourceRef)] = [:], fileOrder: [String] = []) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var types: [String: EntityType] = known.mapValues(\.type)
        var seen: [String: SourceRef] = [:]
        var rank = Dictionary(fileOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        for entry in entityIndex where rank[entry.source.path] == nil { rank[entry.source.path] = rank.count }
        let readOrder = entityIndex.enumerated().sorted { a, b in
            let ka = (rank[a.element.source.path] ?? 0, a.element.source.line, a.offset)
            let kb = (rank[b.element.source.path] ?? 0, b.element.source.line, b.offset)
            return ka < kb
        }.map(\.element)
        for (id, type, source) in readOrder {
            if let problem = Plan.idProblem(id, type: type, at: source) {
                problems.append(problem)
                continue
            }
            if let first = seen[id] {
                problems.append(Plan.duplicateIdProblem(id, at: source, first: first))
                continue
            }
            if let existing = known[id], existing.source.path != source.path {
                problems.append(Plan.existingIdProblem(id, at: source, existing: existing))
                continue
            }
            seen[id] = source
            types[id] = type
        }

        func expect(_ id: String?, _ allowed: Set<EntityType>, at source: SourceRef, _ role: String) {
            guard let id, !id.isEmpty else { return }
            if let problem = Plan.referenceProblem(id, type: types[id], allowed: allowed, at: source, role: role) {
                problems.append(problem)
            }
        }

        for objective in objectives {
            expect(objective.parent, [.objective], at: objective.source, "parent objective")
            problems += Plan.problems(of: objective)
        }
        for benefit in benefits { problems += Plan.problems(of: benefit) }
        for deliverable in deliverables {
            expect(deliverable.parent, [.deliverable], at: deliverable.source, "parent deliverable")
            problems += Plan.problems(of: deliverable)
        }
        var valuesSeen: [String: MetricValue] = [:]
        for value in values {
            expect(value.metric, [.metric], at: value.source, "metric")
            let key = "\(value.metric)|\(value.kind.rawValue)|\(value.date)"
            if let earlier = valuesSeen[key], earlier.value != value.value || earlier.text != value.text {
                problems.append(Plan.conflictingValueProblem(value, other: earlier.source))
            }
            valuesSeen[key] = valuesSeen[key] ?? value
        }
        for link in links {
            problems += Plan.problems(of: link, fromType: types[link.from], toType: types[link.to])
        }
        return problems
    }

    /// The problems of single items, found without looking at anything else (dates in order, percentages
    /// in range, ids usable, nothing its own parent).
    public var localProblems: [Diagnostic] {
        var problems: [Diagnostic] = []
        for (id, type, source) in entityIndex {
            if let problem = Plan.idProblem(id, type: type, at: source) { problems.append(problem) }
        }
        for objective in objectives { problems += Plan.problems(of: objective) }
        for benefit in benefits { problems += Plan.problems(of: benefit) }
        for deliverable in deliverables { problems += Plan.problems(of: deliverable) }
        for link in links { problems += Plan.localProblems(of: link) }
        return problems
    }

    /// "a" or "an" before a word.
    static func article(_ word: String) -> String {
        guard let first = word.lowercased().first else { return "a" }
        return "aeiou".contains(first) ? "an" : "a"
    }
}
