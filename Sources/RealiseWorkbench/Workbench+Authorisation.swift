import Foundation
import RealiseModel
import RealiseStore

extension Workbench {
    /// Whether `account` may record a review or a measurement of `subject` (its id in any case): the one place a
    /// front end asks. A viewer never may; an analyst or an admin always; an owner when the subject is a benefit,
    /// objective or programme whose owner is the account's display name, or a metric whose own owner is, or whose
    /// benefit's or objective's owner is (names compared ignoring case and surrounding spaces). The plans have no
    /// other field naming who answers for a benefit.
    /// - Throws: for an owner only, `.store(.unknownEntity)` when no entity has the id (or `.invalidValue` when it
    ///   matches several ignoring case).
    public func mayRecord(_ account: Account, on subject: String) throws(WorkbenchError) -> Bool {
        switch account.role {
        case .viewer: return false
        case .analyst, .admin: return true
        case .owner:
            let me = Workbench.personKey(account.displayName)
            guard !me.isEmpty else { return false }
            let (_, type, owners) = try store { workspace throws(StoreError) in try workspace.responsibleOwners(of: subject) }
            guard [EntityType.benefit, .metric, .objective, .programme].contains(type) else { return false }
            return owners.contains { Workbench.personKey($0) == me }
        }
    }

    /// Whether `account` may do `action`: read, every role; import plans and schedule reviews, analysts and up;
    /// manage the accounts, admins.
    public func may(_ account: Account, _ action: AccountAction) -> Bool {
        switch action {
        case .read: true
        case .importPlans, .schedule: account.role >= .analyst
        case .manageUsers: account.role == .admin
        }
    }

    /// A person's name as compared with another: trimmed, lower-cased.
    private static func personKey(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
