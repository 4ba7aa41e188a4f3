import RealiseGaps
import RealiseModel
import RealiseStore

/// An entity's history: its versions, oldest first, with what each changed; a metric's baseline and target
/// revisions; and the changes people recorded about it (measurements, reviews, schedules), oldest first.
public struct EntityHistory: Sendable {
    /// One version of the entity that changed something.
    public struct Step: Sendable {
        /// The day the version came into force; nil when it stands from the beginning.
        public var since: Day?
        /// The import run that made it; nil for a state kept from before runs made versions.
        public var run: ImportRunSummary?
        /// What it changed, one statement each (`added`, `withdrawn`, `left GMPP in 2023`, a field's change).
        public var changes: [String]
    }

    /// The versions that changed something, oldest first.
    public var steps: [Step]
    /// A metric's baseline and target revisions; empty for other entities.
    public var revisions: [ValueRevision]
    /// What people recorded about it (not imports), oldest first.
    public var recorded: [ChangeRecord]
}
