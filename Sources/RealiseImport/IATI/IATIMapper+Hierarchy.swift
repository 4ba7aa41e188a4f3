import RealiseModel

/// Parents from `related-activity`, resolved once every activity of the file (or CSV group) is known.
extension IATIMapper {
    /// Hands over what is left, then sets the parents that lie within the file and notes the other relations
    /// (as amendments of the activities handed over before); returns the warnings.
    ///
    /// Type 1 names the activity's parent, type 2 a child. A parent is set only when both activities are
    /// here: one defined in another file may never be imported, and a parent that exists nowhere fails
    /// validation. Other relations (and parents or children not here) are kept in the activity's notes.
    /// The first parent given wins; a relation that would make a cycle is dropped with a warning.
    mutating func finish(into sink: any PlanSink) -> [Diagnostic] {
        sink.flush(&plan, threshold: 0)
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
            guard activityIds.contains(ref) else {
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
        // In reading order, so the workspace writes the same way every time.
        for (child, parent) in parents.sorted(by: { $0.key < $1.key }) where activityIds.contains(child) {
            sink.amend(deliverable: child, parent: parent, appendingNotes: [])
        }
        for (activity, lines) in extraNotes.sorted(by: { $0.key < $1.key }) where activityIds.contains(activity) {
            sink.amend(deliverable: activity, parent: nil, appendingNotes: lines)
        }
        // Warnings in reading order: by file, then line (relations are resolved last, results' warnings
        // come from several tables).
        let order = warnings.enumerated().sorted { ($0.element.path, $0.element.line, $0.offset) < ($1.element.path, $1.element.line, $1.offset) }
        return order.map(\.element)
    }
}
