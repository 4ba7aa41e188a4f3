/// The login form: name and password, posted to `/login` with the CSRF token the server issued for it.
public struct LoginPage: Sendable {
    /// The CSRF token of the login form.
    public var csrf: String
    /// Why the last attempt failed, shown above the form.
    public var error: String?
    /// Where to go after logging in (a path on the site), passed through the form.
    public var next: String?
    /// The name typed last time, kept in the field.
    public var name: String

    /// The login form carrying `csrf`, `error` above it, `next` passed through.
    public init(csrf: String, error: String? = nil, next: String? = nil, name: String = "") {
        self.csrf = csrf
        self.error = error
        self.next = next
        self.name = name
    }

    /// The whole page.
    public func render() -> String {
        var body = "<h1>Log in</h1>\n"
        if let error { body += PageFlash.errors([error]).html }
        var fields = Markup.input("Name", name: "name", id: "login-name", value: name, extra: "autocomplete=\"username\" required=\"required\"")
        fields += Markup.input("Password", name: "password", id: "login-password", type: "password",
                               extra: "autocomplete=\"current-password\" required=\"required\"")
        if let next { fields += "<input type=\"hidden\" name=\"next\" value=\"\(Markup.esc(next))\"/>\n" }
        fields += "<p><button type=\"submit\">Log in</button></p>\n"
        body += Markup.postForm(WebPath.login, csrf: csrf, label: "Log in", body: fields)
        return PageLayout(title: "Log in", viewer: nil).render(body)
    }
}
