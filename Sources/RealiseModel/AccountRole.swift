/// What a workspace account may do, from least to most: a viewer reads; an owner also records reviews and
/// measurements of what it owns; an analyst records anything, imports plans and schedules reviews; an admin also
/// manages the accounts. Roles compare in that order (`.owner < .analyst`).
public enum AccountRole: String, Sendable, CaseIterable, Comparable, Codable {
    case viewer, owner, analyst, admin

    public static func < (lhs: AccountRole, rhs: AccountRole) -> Bool {
        rank(lhs) < rank(rhs)
    }

    /// The role's place in `allCases`, which lists them from least to most.
    private static func rank(_ role: AccountRole) -> Int { allCases.firstIndex(of: role) ?? 0 }

    /// The roles, for messages: `viewer, owner, analyst, admin`.
    public static var choices: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
