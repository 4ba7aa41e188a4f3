import RealiseModel
import RealiseWorkbench

/// What an account's role lets it do, asked of the one place that decides it (`Workbench.mayRecord`, `may`), and
/// refused in words that say what to do.
enum Permission {
    /// Refuses unless `account` may record measurements and reviews for every one of `subjects`.
    /// - Throws: `.forbidden`, or the workbench's `.unknownEntity` (404) for an id no entity has.
    static func record(_ account: Account, on subjects: [String], in workbench: Workbench) throws {
        guard account.role != .viewer else {
            throw WebError.forbidden("the account \(account.name) is a viewer and may only read; ask an admin for the owner role")
        }
        for subject in subjects where !(try workbench.mayRecord(account, on: subject)) {
            throw WebError.forbidden("""
                \(account.name) may record only for the benefits and metrics whose owner or reviewer is \(account.displayName), \
                and \(subject) is not one of them; ask its owner or an analyst
                """)
        }
    }

    /// Refuses unless `account`'s role may do `action`.
    static func require(_ account: Account, _ action: AccountAction, in workbench: Workbench) throws(WebError) {
        guard workbench.may(account, action) else {
            let needed = switch action {
            case .read: "viewer"
            case .importPlans, .schedule: "analyst"
            case .manageUsers: "admin"
            }
            throw .forbidden("the account \(account.name) is a \(account.role.rawValue); this needs the \(needed) role or higher")
        }
    }
}
