/// One entry of a workspace's change log: who changed what, and when. Every write records one (an import
/// run, a measurement, a review, a schedule added or removed), in the same transaction as the change.
public struct ChangeRecord: Hashable, Sendable, Codable {
    /// What kind of change it was: `import`, `measure`, `review`, `schedule`, `unschedule`, `copy`, `action-add`,
    /// `action-close`, `account` (an account added or removed, its password set, an API token issued).
    public enum Action: String, KebabCaseEnum {
        case `import`, measure, review, schedule, unschedule, copy
        case actionAdd = "action-add", actionClose = "action-close"
        case account
    }

    public var id: Int64
    /// When, as an ISO 8601 UTC timestamp (`2026-12-02T09:30:00Z`).
    public var at: String
    /// Who: `--actor`, else `$REALISE_ACTOR`, else the login name.
    public var actor: String
    public var action: Action
    /// What it was about: an entity id, or a source path for an import; nil when nothing in particular.
    public var subject: String?
    /// One line saying what changed, for people.
    public var summary: String

    public init(id: Int64, at: String, actor: String, action: Action, subject: String?, summary: String) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.summary = summary
    }
}
