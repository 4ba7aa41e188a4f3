/// What an account may be allowed to do besides recording (see `Workbench.may(_:_:)` and `Workbench.mayRecord`).
public enum AccountAction: Sendable {
    /// See the plans, reports, reviews and the change log: every role.
    case read
    /// Import plan files: analysts and admins.
    case importPlans
    /// Schedule and unschedule reviews: analysts and admins.
    case schedule
    /// Add and remove accounts, set passwords, issue API tokens: admins.
    case manageUsers
}
