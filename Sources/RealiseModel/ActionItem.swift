/// An action agreed on a finding or an entity: who does it, by when, and what was agreed; closed with a note when
/// done. Actions are the board's follow-up: the gap report shows each finding's open actions, flags those past
/// their due date and lists those closed since the last review. A finding does not close its actions when it goes
/// away: someone closes them, saying what was done.
public struct ActionItem: Sendable, Hashable, Codable {
    /// When and by whom an action was opened or closed, and what was said.
    public struct Event: Sendable, Hashable, Codable {
        /// The day it was agreed or done (`--date`, else the day it was recorded).
        public var on: Day
        /// Who recorded it (the workspace's actor).
        public var by: String
        public var note: String?

        public init(on: Day, by: String, note: String?) {
            self.on = on
            self.by = by
            self.note = note
        }
    }

    /// The action's number, as `action close N` takes it.
    public var id: Int64
    /// What it is about, as given: a finding key (`missing-owner:MET-04`) or an entity id (`BEN-04`).
    public var target: String
    /// The entity it is about: the target's subject.
    public var subject: String
    /// The rule of a finding key; nil for an action on an entity.
    public var rule: String?
    public var owner: String
    public var due: Day
    public var opened: Event
    public var closed: Event?

    public init(id: Int64, target: String, subject: String, rule: String?, owner: String, due: Day, opened: Event, closed: Event? = nil) {
        self.id = id
        self.target = target
        self.subject = subject
        self.rule = rule
        self.owner = owner
        self.due = due
        self.opened = opened
        self.closed = closed
    }

    /// Opened on or before `day` and not closed by then: a report as of an earlier day sees the actions of that day.
    public func isOpen(on day: Day) -> Bool {
        opened.on <= day && (closed.map { $0.on > day } ?? true)
    }

    /// Open on `day` and due before it.
    public func isOverdue(on day: Day) -> Bool { isOpen(on: day) && due < day }

    /// Where an action stands on a day.
    public enum Status: String, Sendable {
        case open, overdue, closed
    }

    /// `closed` once closed on or before `day`, else `overdue` after its due date, else `open`.
    public func status(on day: Day) -> Status {
        if let closed, closed.on <= day { return .closed }
        return due < day ? .overdue : .open
    }

    /// Whether the action is about this finding: its key, or its subject's id for an action on the entity.
    public func concerns(findingKey key: String, subject: String) -> Bool {
        rule == nil ? self.subject == subject : target == key
    }

    /// `#3, owner Jo Bloggs, due 2025-11-30: Replace the two minibuses`.
    public var account: String {
        "#\(id), owner \(owner), due \(due)" + (opened.note.map { ": \($0)" } ?? "")
    }
}
