import Foundation

/// Pieces of a rendered page found by plain scanning, for checks across every page.
enum PageScan {
    /// Every match of `pattern`'s first capture group in `html`.
    static func captures(_ pattern: String, in html: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
            Range(match.range(at: 1), in: html).map { String(html[$0]) }
        }
    }

    /// Each `<form …>…</form>` of the page, whole.
    static func forms(_ html: String) throws -> [String] {
        try captures("(<form\\b.*?</form>)", in: html)
    }

    /// The `id`s of the form controls a person fills in (not hidden fields, not buttons).
    static func controls(_ html: String) throws -> [String] {
        let tags = try captures("(<(?:input|select|textarea)\\b[^>]*>)", in: html).filter { !$0.contains("type=\"hidden\"") }
        return try tags.map { tag in try captures("\\bid=\"([^\"]*)\"", in: tag).first ?? "(no id: \(tag))" }
    }

    /// Runs `tool` with `arguments` on `input`, returning its status and output.
    static func run(_ tool: String, _ arguments: [String], input: String) throws -> (Int32, String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("realise-web-\(UUID().uuidString).html")
        try input.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments + [file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
