import RealiseModel

/// Links added and removed, and links whose attributes (dependency type, lag, share) changed, each reported on the
/// entity that relies on the link — the one a gap would be about:
///
/// | link | reported on |
/// |---|---|
/// | `enabled-by` (benefit → deliverable) | the benefit |
/// | `contributes-to` (benefit or objective → objective) | the objective contributed to |
/// | `measures` (metric → benefit or objective) | the benefit or objective measured |
/// | `depends-on` (deliverable or benefit → another) | the one that depends |
///
/// The field is the link's kind and the value the other end's id. A link whose reporting entity is itself added
/// or withdrawn is left out: that entity's `added` or `withdrawn` says it.
struct LinkDiff {
    let old: [Link]
    let new: [Link]
    let entities: EntityDiff

    /// The id of the entity a link is reported on, and the id of its other end.
    static func ends(_ link: Link) -> (subject: String, other: String) {
        isReportedOnFrom(link.kind) ? (link.from, link.to) : (link.to, link.from)
    }

    /// Whether a link of `kind` is reported on the entity it is written from (`enabled-by`, `depends-on`) rather
    /// than the one it points to (`contributes-to`, `measures`).
    static func isReportedOnFrom(_ kind: Link.Kind) -> Bool {
        switch kind {
        case .enabledBy, .dependsOn: true
        case .contributesTo, .measures: false
        }
    }

    func changes() -> [PlanChange] {
        let before = Dictionary(old.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var found: [PlanChange] = []
        for (key, link) in after {
            if let earlier = before[key] {
                found += attributes(earlier, link)
            } else if let subject = subject(of: link) {
                found.append(PlanChange(.linkAdded, subject, field: link.kind.rawValue, after: .text(LinkDiff.ends(link).other),
                                        at: link.source))
            }
        }
        for (key, link) in before where after[key] == nil {
            guard let subject = subject(of: link) else { continue }
            found.append(PlanChange(.linkRemoved, subject, field: link.kind.rawValue, before: .text(LinkDiff.ends(link).other),
                                    at: link.source))
        }
        return found
    }

    /// The entity `link` is reported on, when it is in both versions.
    private func subject(of link: Link) -> (any Entity)? { entities.inBoth(LinkDiff.ends(link).subject) }

    /// A change of dependency type, lag or share, its field `KIND OTHER-ID ATTRIBUTE` (`measures MET-04 share`).
    private func attributes(_ before: Link, _ after: Link) -> [PlanChange] {
        guard let subject = subject(of: after) else { return [] }
        let prefix = "\(after.kind.rawValue) \(LinkDiff.ends(after).other) "
        let fields: [(String, ChangeValue?, ChangeValue?)] = [
            ("dependencyType", before.dependencyType.map { .text($0.rawValue) }, after.dependencyType.map { .text($0.rawValue) }),
            ("lagDays", before.lagDays.map(ChangeValue.number), after.lagDays.map(ChangeValue.number)),
            ("share", before.share.map(ChangeValue.number), after.share.map(ChangeValue.number)),
        ]
        return fields.filter { $0.1 != $0.2 }.map { name, old, new in
            PlanChange(.changed, subject, field: prefix + name, before: old, after: new, at: after.source)
        }
    }
}
