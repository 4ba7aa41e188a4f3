import RealiseModel

/// Who answers for a finding: the subject's own owner, else the owner of a benefit it serves (a metric's benefit,
/// a deliverable's enabled benefit, found through its parents too), else its programme's senior responsible
/// owner. Built once per report from the context's indexes.
///
/// A class: it holds the whole context, and a copy of a struct holding it (each look-up through a closure made one)
/// cost more than the look-up.
final class AccountableOwners: Sendable {
    private let context: GapContext
    private let objectives: [String: Int]
    private let programmeOwners: [String: String]
    /// The owner of the plan's only programme: entities of a one-programme plan often name none.
    private let soleProgrammeOwner: String?

    init(_ context: GapContext) {
        self.context = context
        var objectives: [String: Int] = [:]
        for index in context.plan.objectives.indices where objectives[context.plan.objectives[index].id] == nil {
            objectives[context.plan.objectives[index].id] = index
        }
        self.objectives = objectives
        var owners: [String: String] = [:]
        for programme in context.plan.programmes {
            if let owner = programme.owner.named { owners[programme.id] = owner }
        }
        programmeOwners = owners
        soleProgrammeOwner = context.plan.programmes.count == 1 ? context.plan.programmes[0].owner.named : nil
    }

    /// The accountable owner of a finding's subject, or nil when the plan names nobody.
    func owner(of subject: Finding.Subject) -> String? {
        switch EntityType(rawValue: subject.type) {
        case .objective:
            let objective = objectives[subject.id].map { context.plan.objectives[$0] }
            return objective?.owner.named ?? sro(objective?.programme)
        case .benefit: return benefitOwner(subject.id) ?? sro(benefitProgramme(subject.id))
        case .metric:
            // Read in place: a copy of the metric (a dozen strings retained and released) cost more than the look-up.
            let position = context.metricPositions[subject.id]
            return position.flatMap { context.plan.metrics[$0].owner.named } ?? firstOwner(context.targets(of: subject.id, .measures))
                ?? sro(position.flatMap { context.plan.metrics[$0].programme })
        case .deliverable:
            let deliverable = context.deliverable(subject.id)
            let enabled = context.deliverableLineage(subject.id).flatMap { context.sources(of: $0, .enabledBy) }
            return deliverable?.owner.named ?? firstOwner(enabled) ?? sro(deliverable?.programme)
        case .programme: return sro(subject.id)
        case .organisation, nil: return soleProgrammeOwner
        }
    }

    private func benefitOwner(_ id: String) -> String? { context.benefitPositions[id].flatMap { context.plan.benefits[$0].owner.named } }

    private func benefitProgramme(_ id: String) -> String? { context.benefitPositions[id].flatMap { context.plan.benefits[$0].programme } }

    /// The first of these benefits to name an owner.
    private func firstOwner(_ benefits: [String]) -> String? { benefits.lazy.compactMap(benefitOwner).first }

    /// The senior responsible owner of the programme, else of the plan's only programme.
    private func sro(_ programme: String?) -> String? { programme.flatMap { programmeOwners[$0] } ?? soleProgrammeOwner }
}

extension Optional where Wrapped == String {
    /// The text, trimmed, when it names somebody; nil when blank.
    var named: String? {
        guard let self else { return nil }
        // Nearly every name begins and ends with a visible ASCII character: it is its own trimmed self.
        if let first = self.utf8.first, let last = self.utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self
        }
        guard !isBlank else { return nil }
        let start = self.drop(while: \.isWhitespace)
        return String(start.prefix(through: start.lastIndex { !$0.isWhitespace }!))
    }
}
