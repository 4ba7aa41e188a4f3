/// The accounts page, for administrators: the accounts, a form to add one and a form per account to remove it.
public struct UsersPage: Sendable {
    /// One account as the page shows it.
    public struct Account: Sendable, Equatable {
        /// The login name.
        public var name: String
        /// The name shown for people.
        public var displayName: String
        /// `viewer`, `owner`, `analyst` or `admin`.
        public var role: String

        /// An account as the accounts store gives it.
        public init(name: String, displayName: String, role: String) {
            self.name = name
            self.displayName = displayName
            self.role = role
        }
    }

    /// The roles an account can have, least to most allowed.
    public static let roles = ["viewer", "owner", "analyst", "admin"]

    /// Who the page is for (an administrator).
    public var viewer: PageViewer
    /// Every account, in the order shown.
    public var accounts: [Account]
    /// What the last form sent did.
    public var flash: PageFlash?

    /// The page listing `accounts`.
    public init(viewer: PageViewer, accounts: [(name: String, displayName: String, role: String)], flash: PageFlash? = nil) {
        self.viewer = viewer
        self.accounts = accounts.map { Account(name: $0.name, displayName: $0.displayName, role: $0.role) }
        self.flash = flash
    }

    /// The whole page.
    public func render() -> String {
        let body = "<h1>Users</h1>\n" + (flash?.html ?? "") + table + addForm
        return PageLayout(title: "Users", viewer: viewer, current: WebPath.users).render(body)
    }

    /// The accounts, each with a form to remove it (not the viewer's own: an administrator cannot lock themselves out).
    private var table: String {
        var out = "<section aria-labelledby=\"accounts-heading\">\n<h2 id=\"accounts-heading\">Accounts (\(accounts.count))</h2>\n"
        guard !accounts.isEmpty else { return out + "<p class=\"empty\">No accounts.</p>\n</section>\n" }
        out += "<div class=\"scroll\"><table class=\"accounts\">\n" + Markup.head(["Name", "Display name", "Role", "Remove"]) + "<tbody>\n"
        for account in accounts {
            let remove = account.name == viewer.name ? "<span class=\"note\">you</span>"
                : "<form method=\"post\" action=\"\(Markup.esc(WebPath.removeUser(account.name)))\" class=\"inline\">\(Markup.csrf(viewer.csrf))"
                    + "<button type=\"submit\" aria-label=\"Remove \(Markup.esc(account.name))\">Remove</button></form>"
            out += "<tr><td><code>\(Markup.esc(account.name))</code></td><td>\(Markup.esc(account.displayName))</td>"
                + "<td>\(Markup.esc(account.role))</td><td>\(remove)</td></tr>\n"
        }
        return out + "</tbody>\n</table></div>\n</section>\n"
    }

    private var addForm: String {
        var fields = "<h2 id=\"add-heading\">Add a user</h2>\n"
        fields += Markup.input("Name (to log in with)", name: "name", id: "user-name", extra: "autocomplete=\"off\" required=\"required\"")
        fields += Markup.input("Display name", name: "display_name", id: "user-display-name", extra: "required=\"required\"")
        fields += Markup.select("Role", name: "role", id: "user-role", options: Self.roles.map { ($0, $0) }, selected: "viewer")
        fields += Markup.input("Password", name: "password", id: "user-password", type: "password",
                               extra: "autocomplete=\"new-password\" required=\"required\"")
        fields += "<p><button type=\"submit\">Add the user</button></p>\n"
        return Markup.postForm(WebPath.users, csrf: viewer.csrf, label: "Add a user", body: fields)
    }
}
