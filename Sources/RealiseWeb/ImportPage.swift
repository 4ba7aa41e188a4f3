import RealiseModel
import RealiseStore

/// The import page: a form to upload plan files, and what the last upload did — a line per file with its counts and
/// warnings, or the problems (`file:line: message`) that refused it whole.
public struct ImportPage: Sendable {
    /// What the last upload did.
    public enum Outcome: Sendable {
        /// Imported (or found unchanged): one outcome per file, as `Workbench.importFiles` returns them.
        case imported([ImportOutcome])
        /// Refused, nothing written: the problems, each `file:line: message`.
        case refused([String])
    }

    /// Refused for `problems` (as `StoreError.rejected` carries them), each shown `file:line:column: message`.
    public static func refused(_ problems: [Diagnostic]) -> Outcome { .refused(problems.map(\.description)) }

    /// Who the page is for.
    public var viewer: PageViewer
    /// What the last upload did; nil before any.
    public var outcome: Outcome?

    /// The upload form, and `outcome` above it when there is one.
    public init(viewer: PageViewer, outcome: Outcome? = nil) {
        self.viewer = viewer
        self.outcome = outcome
    }

    /// The whole page.
    public func render() -> String {
        var body = "<h1>Import plans</h1>\n"
        switch outcome {
        case .imported(let files)?: body += imported(files)
        case .refused(let problems)?:
            body += "<div class=\"flash error\" role=\"alert\"><p><strong>Nothing was imported</strong> "
                + "(\(problems.count) problem\(problems.count == 1 ? "" : "s")):</p><ul>"
                + problems.map { "<li><code>\(Markup.esc($0))</code></li>" }.joined() + "</ul></div>\n"
        case nil: break
        }
        body += "<p class=\"note\">Realise XML, benefits registers and results in CSV or Excel, MS Project XML, GMPP returns and IATI files; "
            + "several files at once are imported together, all or nothing.</p>\n"
        let fields = "<p class=\"field\"><label for=\"import-files\">Plan files</label> "
            + "<input type=\"file\" id=\"import-files\" name=\"files\" multiple=\"multiple\" required=\"required\"/></p>\n"
            + "<p><button type=\"submit\">Import</button></p>\n"
        body += "<form method=\"post\" action=\"\(WebPath.importFiles)\" enctype=\"multipart/form-data\" class=\"edit\" aria-label=\"Import plan files\">\n"
            + Markup.csrf(viewer.csrf) + "\n" + fields + "</form>\n"
        return PageLayout(title: "Import plans", viewer: viewer, current: WebPath.importFiles).render(body)
    }

    /// A row per file: its format, what happened, what it holds and its warnings (a warning repeated on many rows shown
    /// for the first few, then counted).
    private func imported(_ files: [ImportOutcome]) -> String {
        var out = "<div class=\"flash ok\" role=\"status\"><p>\(files.count) file\(files.count == 1 ? "" : "s") read.</p></div>\n"
        out += "<div class=\"scroll\"><table class=\"imported\">\n" + Markup.head(["File", "Format", "Result", "Contents", "Warnings"]) + "<tbody>\n"
        for file in files {
            var warnings = ""
            for group in DiagnosticGroup.groups(file.warnings) {
                warnings += group.shownDiagnostics.map { "<li>\(Markup.esc($0.description))</li>" }.joined()
                if group.hidden > 0 { warnings += "<li>… and \(group.hidden) more like these</li>" }
            }
            out += "<tr><td><code>\(Markup.esc(file.path))</code></td><td>\(Markup.esc(file.format))</td><td>\(file.status.rawValue)</td>"
                + "<td>\(file.status == .unchanged ? "unchanged since its last import" : Markup.esc(file.counts.summary))</td>"
                + "<td>" + (warnings.isEmpty ? "" : "<ul>\(warnings)</ul>") + "</td></tr>\n"
        }
        return out + "</tbody>\n</table></div>\n"
    }
}
