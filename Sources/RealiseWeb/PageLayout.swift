import RealiseReports

/// The frame every page shares: the HTML report's stylesheet (and a few rules for navigation and forms), a skip
/// link, a header with the navigation the viewer may use and a logout form, then the page's `<main>`.
public struct PageLayout: Sendable {
    /// The page's title (plain text), before ` — Realise`.
    public var title: String
    /// Who the page is for; nil when nobody is logged in (no navigation then).
    public var viewer: PageViewer?
    /// The path of the navigation entry to mark as the current page, if any.
    public var current: String?
    /// Rules appended to the stylesheet (the embedded report's extra rules).
    public var extraCSS: String

    /// The frame of a page titled `title` for `viewer`.
    public init(title: String, viewer: PageViewer?, current: String? = nil, extraCSS: String = "") {
        self.title = title
        self.viewer = viewer
        self.current = current
        self.extraCSS = extraCSS
    }

    /// The whole document with `content` (markup, its texts already escaped; it holds the page's one `<h1>`) in `<main>`.
    public func render(_ content: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="Realise"/>
        <title>\(Markup.esc(title)) — Realise</title>
        <style>
        \(HTMLGapRenderer.css)\(Self.css)\(extraCSS)</style>
        </head>
        <body>
        <a class="skip" href="#content">Skip to content</a>
        \(header)<main id="content">
        \(content)</main>
        </body>
        </html>

        """
    }

    /// The site header: the name, the navigation and who is logged in.
    private var header: String {
        var out = "<header class=\"site\">\n<p class=\"brand\"><a href=\"\(WebPath.dashboard)\">Realise</a></p>\n"
        guard let viewer else { return out + "</header>\n" }
        out += "<nav aria-label=\"Main\">\n<ul>\n"
        for (path, label) in entries(viewer) {
            let mark = path == current ? " aria-current=\"page\"" : ""
            out += "<li><a href=\"\(path)\"\(mark)>\(label)</a></li>\n"
        }
        out += "</ul>\n</nav>\n<div class=\"who\"><span>\(Markup.esc(viewer.displayName)) <span class=\"type\">\(Markup.esc(viewer.role))</span></span>\n"
        out += "<form method=\"post\" action=\"\(WebPath.logout)\" class=\"logout\">\(Markup.csrf(viewer.csrf))"
            + "<button type=\"submit\">Log out</button></form></div>\n"
        return out + "</header>\n"
    }

    /// The navigation entries the viewer may use.
    private func entries(_ viewer: PageViewer) -> [(String, String)] {
        var entries = [(WebPath.dashboard, "Dashboard"), (WebPath.gaps, "Gap report"), (WebPath.map, "Map")]
        if viewer.canImport { entries.append((WebPath.importFiles, "Import")) }
        if viewer.canManageUsers { entries.append((WebPath.users, "Users")) }
        return entries
    }
}
