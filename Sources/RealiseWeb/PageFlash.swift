/// A message at the top of a page after a form was sent: what was done, or what was wrong with it.
public enum PageFlash: Sendable, Equatable {
    /// What the form did (`Measurement recorded`).
    case success(String)
    /// Why it was refused, one problem each.
    case errors([String])

    /// The message as HTML, every text escaped; a refusal is announced to screen readers at once.
    var html: String {
        switch self {
        case .success(let message):
            "<div class=\"flash ok\" role=\"status\"><p>\(Markup.esc(message))</p></div>\n"
        case .errors(let problems):
            "<div class=\"flash error\" role=\"alert\"><p><strong>Not done:</strong></p><ul>"
                + problems.map { "<li>\(Markup.esc($0))</li>" }.joined() + "</ul></div>\n"
        }
    }
}
