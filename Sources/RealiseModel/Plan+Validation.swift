extension Plan {
    /// Checks the plan as the workspace would hold it: ids unique across files and the workspace, links and
    /// parents that resolve to an entity of the right type, dates in order, percentages in range.
    /// An `organisation` is free text — a department named by a GMPP return, a body named by IATI, or the id
    /// of an Organisation a plan defines (whose name reports then show) — so it is not checked.
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
            if id.isEmpty || id.count > 200 || id.contains(where: { $0.isNewline }) {
                problems.append(Diagnostic(.error, at: source, "id '\(id.prefix(40))' is empty, too long or spans lines; give the \(type.rawValue) a short id"))
                continue
            }
            if let first = seen[id] {
                problems.append(Diagnostic(.error, at: source,
                    "duplicate id '\(id)': already used at \(first.path):\(first.line); ids must be unique in a workspace"))
                continue
            }
            if let existing = known[id], existing.source.path != source.path {
                problems.append(Diagnostic(.error, at: source,
                    "duplicate id '\(id)': the workspace already has a \(existing.type.rawValue) '\(id)' from \(existing.source.path):\(existing.source.line); rename one of them"))
                continue
            }
            seen[id] = source
            types[id] = type
        }

        func expect(_ id: String?, _ allowed: Set<EntityType>, at source: SourceRef, _ role: String) {
            guard let id, !id.isEmpty else { return }
            guard let type = types[id] else {
                problems.append(Diagnostic(.error, at: source,
                    "\(role) '\(id)' does not exist; import the file that defines it in the same command or fix the id"))
                return
            }
            if !allowed.contains(type) {
                let names = allowed.map(\.rawValue).sorted().joined(separator: " or ")
                problems.append(Diagnostic(.error, at: source, "\(role) '\(id)' is \(Plan.article(type.rawValue)) \(type.rawValue), expected \(names)"))
            }
        }

        for objective in objectives {
            expect(objective.parent, [.objective], at: objective.source, "parent objective")
            if objective.parent == objective.id {
                problems.append(Diagnostic(.error, at: objective.source, "objective '\(objective.id)' is its own parent"))
            }
        }
        for benefit in benefits {
            if let start = benefit.realisationStart, let end = benefit.realisationEnd, end < start {
                problems.append(Diagnostic(.error, at: benefit.source,
                    "benefit '\(benefit.id)' ends realisation (\(end)) before it starts (\(start)); swap or correct the dates"))
            }
        }
        for deliverable in deliverables {
            expect(deliverable.parent, [.deliverable], at: deliverable.source, "parent deliverable")
            if deliverable.parent == deliverable.id {
                problems.append(Diagnostic(.error, at: deliverable.source, "deliverable '\(deliverable.id)' is its own parent"))
            }
            let pairs: [(String, Day?, Day?)] = [
                ("planned", deliverable.plannedStart, deliverable.plannedFinish),
                ("baseline", deliverable.baselineStart, deliverable.baselineFinish),
                ("actual", deliverable.actualStart, deliverable.actualFinish),
            ]
            for (label, start, finish) in pairs {
                if let start, let finish, finish < start {
                    problems.append(Diagnostic(.error, at: deliverable.source,
                        "deliverable '\(deliverable.id)' has its \(label) finish \(finish) before its \(label) start \(start)"))
                }
            }
            if let percent = deliverable.percentComplete, !(0...100).contains(percent) {
                problems.append(Diagnostic(.error, at: deliverable.source,
                    "deliverable '\(deliverable.id)' is \(percent.plainText)% complete; percent complete must be 0–100"))
            }
        }
        var valuesSeen: [String: MetricValue] = [:]
        for value in values {
            expect(value.metric, [.metric], at: value.source, "metric")
            let key = "\(value.metric)|\(value.kind.rawValue)|\(value.date)"
            if let earlier = valuesSeen[key], earlier.value != value.value || earlier.text != value.text {
                problems.append(Diagnostic(.error, at: value.source,
                    "metric '\(value.metric)' has two different \(value.kind.rawValue) values on \(value.date) (the other at \(earlier.source.path):\(earlier.source.line)); keep one"))
            }
            valuesSeen[key] = valuesSeen[key] ?? value
        }
        for link in links {
            guard let fromType = types[link.from] else { expect(link.from, [], at: link.source, "\(link.kind.rawValue) link source"); continue }
            guard let toType = types[link.to] else { expect(link.to, [], at: link.source, "\(link.kind.rawValue) link target"); continue }
            if !link.kind.allowed.contains(where: { $0.from == fromType && $0.to == toType }) {
                problems.append(Diagnostic(.error, at: link.source,
                    "\(Plan.article(link.kind.rawValue) == "an" ? "An" : "A") \(link.kind.rawValue) link cannot go from \(fromType.rawValue) '\(link.from)' to \(toType.rawValue) '\(link.to)'"))
            }
            if link.from == link.to {
                problems.append(Diagnostic(.error, at: link.source, "'\(link.from)' cannot \(link.kind.rawValue) itself"))
            }
            if let share = link.share, !(0...100).contains(share) {
                problems.append(Diagnostic(.error, at: link.source,
                    "attribution share \(share.plainText)% of '\(link.from)' is outside 0–100"))
            }
        }
        return problems
    }

    /// "a" or "an" before a word.
    static func article(_ word: String) -> String {
        guard let first = word.lowercased().first else { return "a" }
        return "aeiou".contains(first) ? "an" : "a"
    }
}
