/// The validation rules of single items and references, as messages; shared by `Plan.validate` and the
/// workspace's streamed import so both say the same thing.
extension Plan {
    /// An id that cannot be used: empty, over 200 characters or spanning lines.
    public static func idProblem(_ id: String, type: EntityType, at source: SourceRef) -> Diagnostic? {
        guard id.isEmpty || id.utf8.count > 200 && id.count > 200 || spansLines(id) else { return nil }
        return Diagnostic(.error, at: source, "id '\(id.prefix(40))' is empty, too long or spans lines; give the \(type.rawValue) a short id")
    }

    /// Whether `id` holds a newline character. An ASCII id (nearly all) is settled on its bytes, where only
    /// line feed to carriage return are newlines: measured on an IATI import, going through the characters
    /// of every id took a twentieth of the reading thread.
    static func spansLines(_ id: String) -> Bool {
        let ascii: Bool? = id.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.allSatisfy { $0 < 0x80 } ? bytes.contains { $0 >= 0x0A && $0 <= 0x0D } : nil
        } ?? nil
        return ascii ?? id.contains(where: { $0.isNewline })
    }

    /// An id defined a second time by the files being imported.
    public static func duplicateIdProblem(_ id: String, at source: SourceRef, first: SourceRef) -> Diagnostic {
        Diagnostic(.error, at: source, "duplicate id '\(id)': already used at \(first.place):\(first.line); ids must be unique in a workspace")
    }

    /// An id the workspace already holds from another file.
    public static func existingIdProblem(_ id: String, at source: SourceRef, existing: (type: EntityType, source: SourceRef)) -> Diagnostic {
        Diagnostic(.error, at: source,
            "duplicate id '\(id)': the workspace already has a \(existing.type.rawValue) '\(id)' from \(existing.source.place):\(existing.source.line), "
                + "which still exists; if this file is a new version of it, import it with --supersedes \(existing.source.place), else rename one of the ids")
    }

    /// An id the workspace holds from another GMPP return of the same year as the one being imported.
    public static func sameYearProblem(_ id: String, at source: SourceRef, existing: (type: EntityType, source: SourceRef)) -> Diagnostic {
        Diagnostic(.error, at: source,
            "'\(id)' is already held from \(existing.source.place), a GMPP return of the same year; import one return per year, "
                + "or name the one this replaces with --supersedes")
    }

    /// A reference (`role`, such as "parent objective") to `id`, whose type is `type` (nil when nothing has
    /// that id), that must be one of `allowed` (any type when empty).
    public static func referenceProblem(_ id: String, type: EntityType?, allowed: Set<EntityType>, at source: SourceRef,
                                        role: String) -> Diagnostic? {
        guard let type else {
            return Diagnostic(.error, at: source,
                "\(role) '\(id)' does not exist; import the file that defines it in the same command or fix the id")
        }
        guard !allowed.isEmpty, !allowed.contains(type) else { return nil }
        let names = allowed.map(\.rawValue).sorted().joined(separator: " or ")
        return Diagnostic(.error, at: source, "\(role) '\(id)' is \(article(type.rawValue)) \(type.rawValue), expected \(names)")
    }

    /// Two different values of one metric, kind and day.
    public static func conflictingValueProblem(_ value: MetricValue, other: SourceRef) -> Diagnostic {
        Diagnostic(.error, at: value.source,
            "metric '\(value.metric)' has two different \(value.kind.rawValue) values on \(value.date) (the other at \(other.place):\(other.line)); keep one")
    }

    /// The problems of a link whose ends have the given types (nil: no such entity): a missing end alone,
    /// else a kind that cannot join those types, a link to itself, a share out of range.
    public static func problems(of link: Link, fromType: EntityType?, toType: EntityType?) -> [Diagnostic] {
        if let problem = referenceProblem(of: link, fromType: fromType, toType: toType) {
            guard fromType != nil, toType != nil else { return [problem] }
            return [problem] + localProblems(of: link)
        }
        return localProblems(of: link)
    }

    /// A missing end of a link, or a kind of link that cannot join the types of its ends.
    public static func referenceProblem(of link: Link, fromType: EntityType?, toType: EntityType?) -> Diagnostic? {
        guard let fromType else {
            return referenceProblem(link.from, type: nil, allowed: [], at: link.source, role: "\(link.kind.rawValue) link source")
        }
        guard let toType else {
            return referenceProblem(link.to, type: nil, allowed: [], at: link.source, role: "\(link.kind.rawValue) link target")
        }
        guard !link.kind.allowed.contains(where: { $0.from == fromType && $0.to == toType }) else { return nil }
        return Diagnostic(.error, at: link.source,
            "\(article(link.kind.rawValue) == "an" ? "An" : "A") \(link.kind.rawValue) link cannot go from \(fromType.rawValue) '\(link.from)' to \(toType.rawValue) '\(link.to)'")
    }

    /// A link to itself, or a share out of range.
    static func localProblems(of link: Link) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if link.from == link.to { problems.append(selfLinkProblem(link)) }
        if let problem = shareProblem(link) { problems.append(problem) }
        return problems
    }

    static func selfLinkProblem(_ link: Link) -> Diagnostic {
        Diagnostic(.error, at: link.source, "'\(link.from)' cannot \(link.kind.rawValue) itself")
    }

    static func shareProblem(_ link: Link) -> Diagnostic? {
        guard let share = link.share, !(0...100).contains(share) else { return nil }
        return Diagnostic(.error, at: link.source, "attribution share \(share.plainText)% of '\(link.from)' is outside 0–100")
    }

    /// An objective that is its own parent.
    public static func problems(of objective: Objective) -> [Diagnostic] {
        guard objective.parent == objective.id else { return [] }
        return [Diagnostic(.error, at: objective.source, "objective '\(objective.id)' is its own parent")]
    }

    /// A benefit whose realisation ends before it starts.
    public static func problems(of benefit: Benefit) -> [Diagnostic] {
        guard let start = benefit.realisationStart, let end = benefit.realisationEnd, end < start else { return [] }
        return [Diagnostic(.error, at: benefit.source,
            "benefit '\(benefit.id)' ends realisation (\(end)) before it starts (\(start)); swap or correct the dates")]
    }

    /// A deliverable that is its own parent, finishes before it starts or is not 0–100 % complete.
    public static func problems(of deliverable: Deliverable) -> [Diagnostic] {
        var problems: [Diagnostic] = []
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
        return problems
    }
}
