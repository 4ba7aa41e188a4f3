import RealiseModel

/// Gap findings opened and closed: the two ends' reports compared by finding key (rule and subject), each end
/// judged as of its own day. The field is the rule's id and the value the finding's message; a closed gap is
/// located at its subject in the newer version (in the older, when the subject was withdrawn).
struct GapDiff {
    let old: GapReport
    let new: GapReport
    let entities: EntityDiff

    func changes() -> [PlanChange] {
        let before = Set(old.findings.map(\.key)), after = Set(new.findings.map(\.key))
        var found: [PlanChange] = [], seen: Set<String> = []
        for finding in new.findings where !before.contains(finding.key) && seen.insert(finding.key).inserted {
            found.append(PlanChange(kind: .gapOpened, subject: finding.subject, field: finding.rule, after: .text(finding.message),
                                    source: finding.source))
        }
        for finding in old.findings where !after.contains(finding.key) && seen.insert(finding.key).inserted {
            let type = EntityType(rawValue: finding.subject.type)
            let now = type.flatMap { entities.new[EntityDiff.key($0, finding.subject.id)] }
            found.append(PlanChange(kind: .gapClosed, subject: now.map(PlanChange.Subject.init) ?? finding.subject, field: finding.rule,
                                    before: .text(finding.message), source: now.map { PlanChange.Source($0.source) } ?? finding.source))
        }
        return found
    }
}
