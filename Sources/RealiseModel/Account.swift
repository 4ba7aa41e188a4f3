/// A person (or a program, through an API token) who signs in to a shared workspace, with what they may do.
/// The password hash, tokens and calendar secret are the store's business, never part of this value.
public struct Account: Sendable, Equatable, Codable {
    /// The sign-in name: 1–64 of `a-z 0-9 . _ -`, stored lower-case (see `validName(_:)`).
    public var name: String
    /// How the plans name the person, matched ignoring case against an entity's owner when deciding what an owner
    /// may record; the name when none was given.
    public var displayName: String
    public var role: AccountRole
    /// When the account was added, as an ISO 8601 UTC timestamp (`2026-12-02T09:30:00Z`).
    public var createdAt: String

    public init(name: String, displayName: String, role: AccountRole, createdAt: String) {
        self.name = name
        self.displayName = displayName
        self.role = role
        self.createdAt = createdAt
    }

    /// The longest account name.
    public static let maximumNameLength = 64

    /// `typed` as an account name — lower-cased — or nil when it is not one: empty, longer than 64 characters, or
    /// holding anything but ASCII letters, digits, `.`, `_` and `-`. The name appears in URLs, file names and the
    /// change log, so nothing that could mean a path (`/`), a space or a control character gets in; `.` and `..`
    /// alone are refused too.
    public static func validName(_ typed: String) -> String? {
        let name = typed.lowercased()
        guard (1...maximumNameLength).contains(name.utf8.count), name != ".", name != ".." else { return nil }
        let allowed = name.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        return allowed ? name : nil
    }

    /// The rule `validName(_:)` applies, for messages.
    public static let nameRule = "1 to 64 characters, each a letter a-z, a digit, '.', '_' or '-'"
}
