import RealiseModel

/// Parents from `related-activity`, resolved once every activity of the file (or CSV group) is known.
extension IATIMapper {
    /// Sets the parents that lie within the file, notes the other relations, and returns the plan.
    ///
    /// Type 1 names the activity's parent, type 2 a child. A parent is set only when both activities are
    /// here: one defined in another file may never be imported, and a parent that exists nowhere fails
    /// validation. Other relations (and parents or children not here) are kept in the activity's notes.
    /// The first parent given wins; a relation that would make a cycle is dropped with a warning.
    mutating func finish() -> Plan.WithWarnings {
        var parents: [String: String] = [:]
        var extraNotes: [String: [String]] = [:]
        for relation in relations {
            let ref = relation.ref.trimmed
            let kind = IATICodes.relation(relation.type)
            guard !ref.isEmpty, ref != relation.activity else {
                warn(relation.at, "related-activity '\(ref)' of '\(relation.activity)' names no other activity; ignored")
                continue
            }
            guard kind == "parent" || kind == "child" else {
                extraNotes[relation.activity, default: []].append("Related activity (\(kind)): \(ref)")
                continue
            }
            let (child, parent) = kind == "parent" ? (relation.activity, ref) : (ref, relation.activity)
            guard activityIndex[ref] != nil else {
                extraNotes[relation.activity, default: []].append("\(kind == "parent" ? "Parent" : "Child") activity: \(ref) (not in this file)")
                warn(relation.at, "the \(kind) activity '\(ref)' of '\(relation.activity)' is not in this file; kept in the notes (a parent is set only when both activities are imported from the same file)")
                continue
            }
            if let earlier = parents[child] {
                if earlier != parent {
                    warn(relation.at, "activity '\(child)' already has the parent '\(earlier)'; the parent '\(parent)' was ignored")
                }
                continue
            }
            var ancestor: String? = parent
            var steps = 0
            while let current = ancestor, current != child, steps <= parents.count {
                ancestor = parents[current]
                steps += 1
            }
            if ancestor == child {
                warn(relation.at, "making '\(parent)' the parent of '\(child)' would make a cycle; ignored")
                continue
            }
            parents[child] = parent
        }
        for (child, parent) in parents {
            if let index = activityIndex[child] { plan.deliverables[index].parent = parent }
        }
        for (activity, lines) in extraNotes {
            guard let index = activityIndex[activity] else { continue }
            let notes = [plan.deliverables[index].notes].compactMap { $0 } + lines
            plan.deliverables[index].notes = notes.joined(separator: "\n")
        }
        // Warnings in reading order: by file, then line (relations are resolved last, results' warnings
        // come from several tables).
        let order = warnings.enumerated().sorted { ($0.element.path, $0.element.line, $0.offset) < ($1.element.path, $1.element.line, $1.offset) }
        return (plan, order.map(\.element))
    }
}
