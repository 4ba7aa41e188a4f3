import Foundation
import RealiseTestSupport
import Testing

/// A real browser (headless Chromium, driven by Selenium from `Browser/journey.py`) through the web workspace of a
/// running `realise serve`: logging in and out, an owner recording a measurement through the form and seeing it in
/// the table, the chart and the dashboard, a viewer finding no form and having forged POSTs refused, and hostile plan
/// text shown escaped. What the script checks, step by step, is in its own documentation.
@Suite(Requirement.needs(Requirement.tool("chromium") != nil && Requirement.tool("chromedriver") != nil
                             && Requirement.python(with: "selenium") != nil,
                         "headless Chromium (chromium, chromedriver on PATH) and python3 with selenium"))
struct BrowserTests {
    @Test func anOwnerRecordsAMeasurementAndAViewerCannot() throws {
        _ = try Requirement.require(Requirement.tool("chromium"), "chromium on PATH (apt-get install chromium)")
        _ = try Requirement.require(Requirement.tool("chromedriver"), "chromedriver on PATH (apt-get install chromium-driver)")
        let python = try Requirement.require(Requirement.python(with: "selenium"), "python3 with selenium (pip install selenium)")
        let workspace = try ServedWorkspace()
        let server = try workspace.serve()
        defer { _ = server.stop() }
        let artifacts = workspace.folder.appendingPathComponent("browser")
        let run = try RealiseCommand.run(
            URL(fileURLWithPath: python),
            [ServedWorkspace.script("journey.py"), "--base", server.url, "--as-of", ServerProcess.asOf, "--owner", "olu", "--viewer", "vic",
             "--artifacts", artifacts.path],
            // No __pycache__ for journey_support.py in the source tree.
            in: workspace.folder, environment: ["REALISE_JOURNEY_PASSWORD": ServedWorkspace.password, "PYTHONDONTWRITEBYTECODE": "1"],
            timeout: 600)
        print(run.stdout, terminator: "")
        let page = (try? String(contentsOf: artifacts.appendingPathComponent("failure.html"), encoding: .utf8)) ?? ""
        #expect(run.status == 0, Comment(rawValue: """
            journey.py exited \(run.status):
            \(run.stdout)\(run.stderr)
            the page it failed on:
            \(page.prefix(6000))
            server log:
            \(server.log.suffix(4000))
            """))
        #expect(run.stdout.contains("journey passed"))
    }
}
