/// A measurable improvement (or dis-benefit) for citizens or the public body, described after MSP's
/// benefit profile: description, observable outcome, attribution, measurement ("DOAM").
public struct Benefit: Entity {
    public static let type = EntityType.benefit

    /// Benefit or dis-benefit (a negative consequence someone must own).
    public enum Kind: String, KebabCaseEnum {
        case benefit
        case disBenefit = "dis-benefit"
    }

    /// Green Book classes.
    public enum Class: String, KebabCaseEnum {
        case cashable
        case nonCashable = "non-cashable"
        case societal
        public static var aliases: [String: Class] { ["financial": .cashable, "noncash": .nonCashable, "social": .societal] }
    }

    public var id: String
    public var description: String
    public var kind: Kind
    public var benefitClass: Class?
    public var confidence: Confidence?
    public var realisationStart: Day?
    public var realisationEnd: Day?
    public var observableOutcome: String?
    public var attribution: String?
    public var measurement: String?
    public var programme: String?
    public var owner: String?
    public var organisation: String?
    public var notes: String?
    public var source: SourceRef
    public var displayName: String { description }

    public init(id: String, description: String, kind: Kind = .benefit, benefitClass: Class? = nil,
                confidence: Confidence? = nil, realisationStart: Day? = nil, realisationEnd: Day? = nil,
                observableOutcome: String? = nil, attribution: String? = nil, measurement: String? = nil,
                programme: String? = nil, owner: String? = nil, organisation: String? = nil,
                notes: String? = nil, source: SourceRef) {
        self.id = id
        self.description = description
        self.kind = kind
        self.benefitClass = benefitClass
        self.confidence = confidence
        self.realisationStart = realisationStart
        self.realisationEnd = realisationEnd
        self.observableOutcome = observableOutcome
        self.attribution = attribution
        self.measurement = measurement
        self.programme = programme
        self.owner = owner
        self.organisation = organisation
        self.notes = notes
        self.source = source
    }
}

/// High / medium / low confidence.
public enum Confidence: String, KebabCaseEnum {
    case high, medium, low
}

/// Red / amber / green status, with the five-point GMPP delivery confidence scale.
public enum RAG: String, KebabCaseEnum {
    case red
    case amberRed = "amber-red"
    case amber
    case amberGreen = "amber-green"
    case green
    public static var aliases: [String: RAG] { ["r": .red, "a": .amber, "g": .green, "redamber": .amberRed, "greenamber": .amberGreen] }
}
