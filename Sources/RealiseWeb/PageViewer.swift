/// Who a page is rendered for, and what they may do: the navigation and the forms shown follow from it. Nil where a
/// page takes an optional viewer means nobody is logged in (the login page, an error before login).
public struct PageViewer: Sendable {
    /// The account's login name.
    public var name: String
    /// The name shown for people.
    public var displayName: String
    /// The account's role (`viewer`, `owner`, `analyst`, `admin`), shown beside the name.
    public var role: String
    /// The session's CSRF token, put in every form that posts.
    public var csrf: String
    /// Whether the navigation offers the import page.
    public var canImport: Bool
    /// Whether the viewer may schedule reviews (an entity page shows its forms as `EntityPage.Forms` says, which the
    /// server sets from this and the entity).
    public var canSchedule: Bool
    /// Whether the navigation offers the users page.
    public var canManageUsers: Bool

    /// A viewer who may only read unless a flag says otherwise.
    public init(name: String, displayName: String, role: String, csrf: String, canImport: Bool = false, canSchedule: Bool = false,
                canManageUsers: Bool = false) {
        self.name = name
        self.displayName = displayName
        self.role = role
        self.csrf = csrf
        self.canImport = canImport
        self.canSchedule = canSchedule
        self.canManageUsers = canManageUsers
    }
}
