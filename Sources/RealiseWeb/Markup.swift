import RealiseReports

/// Small pieces of markup the pages share. Every text passed in is escaped here, so a page never writes plan text raw.
enum Markup {
    /// `text` escaped for element content and quoted attribute values.
    static func esc(_ text: String) -> String { HTMLText.escape(text) }

    /// The hidden CSRF field every form that posts carries.
    static func csrf(_ token: String) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(esc(token))\"/>"
    }

    /// A link to entity `id`'s page, its text the id (or `text`).
    static func entity(_ id: String, text: String? = nil) -> String {
        "<a class=\"id\" href=\"\(esc(WebPath.entity(id)))\">\(esc(text ?? id))</a>"
    }

    /// A form that posts to `action` (a path built by `WebPath`), with the CSRF field first.
    static func postForm(_ action: String, csrf token: String, label: String, class name: String = "edit", body: String) -> String {
        "<form method=\"post\" action=\"\(esc(action))\" class=\"\(name)\" aria-label=\"\(esc(label))\">\n\(csrf(token))\n\(body)</form>\n"
    }

    /// A labelled input; `id` must be unique on the page. `extra` is trusted attribute markup (`required`, `inputmode=…`).
    static func input(_ label: String, name: String, id: String, type: String = "text", value: String = "", extra: String = "") -> String {
        "<p class=\"field\"><label for=\"\(esc(id))\">\(esc(label))</label> <input type=\"\(type)\" id=\"\(esc(id))\" name=\"\(esc(name))\""
            + (value.isEmpty ? "" : " value=\"\(esc(value))\"") + (extra.isEmpty ? "" : " " + extra) + "/></p>\n"
    }

    /// A labelled select of `options` (value, text), `selected` chosen.
    static func select(_ label: String, name: String, id: String, options: [(String, String)], selected: String? = nil) -> String {
        "<p class=\"field\"><label for=\"\(esc(id))\">\(esc(label))</label> <select id=\"\(esc(id))\" name=\"\(esc(name))\">"
            + options.map { value, text in
                "<option value=\"\(esc(value))\"\(value == selected ? " selected=\"selected\"" : "")>\(esc(text))</option>"
            }.joined() + "</select></p>\n"
    }

    /// A table head row of column titles.
    static func head(_ titles: [String]) -> String {
        "<thead><tr>" + titles.map { "<th scope=\"col\">\(esc($0))</th>" }.joined() + "</tr></thead>\n"
    }
}
