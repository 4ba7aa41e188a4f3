/// What sort of change `PlanDiff` found between two versions of a plan. The raw values are the names the
/// JSON, CSV and the README use.
public enum ChangeKind: String, CaseIterable, Sendable, Codable {
    /// An entity present only in the newer version.
    case added
    /// An entity present only in the older version.
    case withdrawn
    /// A deliverable's forecast finish (its planned finish when it has no forecast) moved later.
    case slipped
    /// A deliverable's forecast finish (its planned finish when it has no forecast) moved earlier.
    case pulledIn = "pulled-in"
    /// A deliverable's baseline start or finish changed.
    case rebaselined
    /// A metric's target became less ambitious for the metric's direction: a worse value, or the same value later.
    case targetLowered = "target-lowered"
    /// A metric's target became more ambitious: a better value, or the same value sooner.
    case targetRaised = "target-raised"
    /// A metric's target date moved later.
    case targetDeferred = "target-deferred"
    /// A metric's target date moved earlier.
    case targetBroughtForward = "target-brought-forward"
    /// A metric's baseline value or date changed.
    case baselineRestated = "baseline-restated"
    /// A deliverable's delivery confidence (RAG) changed.
    case ragChanged = "rag-changed"
    /// A link appeared, reported on the entity that relies on it.
    case linkAdded = "link-added"
    /// A link disappeared, reported on the entity that relied on it.
    case linkRemoved = "link-removed"
    /// A measurement the older version did not have.
    case measured
    /// A gap finding (rule and subject) that the older version's report did not have.
    case gapOpened = "gap-opened"
    /// A gap finding of the older version's report that the newer one no longer has.
    case gapClosed = "gap-closed"
    /// Any other field of an entity, a link or a metric value.
    case changed

    /// The kinds a board asks about first — slips, targets lowered or pushed back, delivery confidence, gaps
    /// opened and closed — in the order the reading formats show them.
    public static let headline: [ChangeKind] = [.slipped, .targetLowered, .targetDeferred, .ragChanged, .gapOpened, .gapClosed]

    /// Every kind in the order the reading formats group changes: the headline kinds, then the rest.
    public static let readingOrder: [ChangeKind] = headline + [
        .withdrawn, .added, .rebaselined, .pulledIn, .targetRaised, .targetBroughtForward, .baselineRestated,
        .linkRemoved, .linkAdded, .measured, .changed,
    ]

    /// Whether the board sees this kind first (`headline`).
    public var isHeadline: Bool { ChangeKind.headline.contains(self) }

    /// A heading for a group of changes of this kind, as the reading formats print it.
    public var title: String {
        switch self {
        case .added: "Added"
        case .withdrawn: "Withdrawn"
        case .slipped: "Deliverables slipped"
        case .pulledIn: "Deliverables pulled in"
        case .rebaselined: "Deliverables rebaselined"
        case .targetLowered: "Targets lowered"
        case .targetRaised: "Targets raised"
        case .targetDeferred: "Targets deferred"
        case .targetBroughtForward: "Targets brought forward"
        case .baselineRestated: "Baselines restated"
        case .ragChanged: "Delivery confidence changed"
        case .linkAdded: "Links added"
        case .linkRemoved: "Links removed"
        case .measured: "New measurements"
        case .gapOpened: "Gaps opened"
        case .gapClosed: "Gaps closed"
        case .changed: "Other changes"
        }
    }
}
