/// Which actions to list.
public enum ActionSelection: String, Sendable, CaseIterable {
    /// Every action, open or closed.
    case all
    /// Only actions still open (overdue ones included).
    case open
    /// Only open actions past their due date.
    case overdue
}
