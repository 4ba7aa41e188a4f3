import Foundation
import RealiseTestSupport
import Testing

/// The sample programme's papers as a board secretary prints them: the HTML report's map and footer, and the DOT
/// map on one A4 landscape page.
@Suite("the printed report and map of the sample programme (end to end)")
struct PrintedReportTests {
    static let asOf = "2025-10-31"
    static let dotMissing = "Graphviz's dot is not on PATH (apt-get install graphviz)"

    @Test("the HTML footer names every file read, the values file included; the map has a page per objective, a large one several")
    func htmlReport() throws {
        let result = try RealiseBinary.run(["gaps", "imports", "--as-of", Self.asOf, "--format", "html"], in: RealiseBinary.packageRoot)
        #expect(result.status == 0, "\(result.stderr)")
        let html = result.stdout
        let footer = try #require(html.range(of: "<footer>").map { String(html[$0.lowerBound...]) })
        for file in ["ccm-benefits-register.csv", "ccm-measurements.csv", "ccm-strategy.xml"] {
            #expect(footer.contains("<code>\(file)</code>"), "\(file) in the footer, named as a source (its path under imports/)")
        }
        // OBJ-1 (five benefits, fourteen deliverables) continues on a second page; OBJ-2 to OBJ-5 and the orphan
        // deliverable have one each.
        #expect(html.components(separatedBy: "<div class=\"map-page\">").count - 1 == 7)
        #expect(html.contains("(page 2 of 2)</h3>") && !html.contains("(page 3 of"))
        // Every drawing prints within 269 × 150 mm with its 10.5-unit text at 6 pt or more (2.117 mm: at most 1 335 units
        // across, 744 down).
        let boxes = html.components(separatedBy: "<svg class=\"benefits-map\"").dropFirst().compactMap { svg -> (Double, Double)? in
            guard let box = svg.range(of: "viewBox=\"0 0 ") else { return nil }
            let numbers = svg[box.upperBound...].prefix { $0 != "\"" }.split(separator: " ").compactMap { Double($0) }
            return numbers.count == 2 ? (numbers[0], numbers[1]) : nil
        }
        #expect(boxes.count == 7)
        for (width, height) in boxes {
            let points = 10.5 * min(269 / width, 150 / height) / 25.4 * 72
            #expect(points >= 6, "\(width) × \(height) prints its text at \(points) pt")
        }
        #expect(html.contains("<h3>Linked to no objective</h3>"))
        #expect(!html.contains("Hover"))
        let map = try #require(html.range(of: "<section id=\"map\">").map { String(html[$0.lowerBound...]) })
        #expect(!map.contains("<title"), "nothing in the map is left to a tooltip")
    }

    @Test("the DOT map of the sample fits an A4 landscape page at a legible scale", Requirement.needs(Requirement.tool("dot") != nil, dotMissing))
    func dotOnA4() throws {
        let dot = try Requirement.require(Requirement.tool("dot"), Self.dotMissing)
        let map = try RealiseBinary.run(["map", "imports", "--as-of", Self.asOf, "--format", "dot"], in: RealiseBinary.packageRoot)
        #expect(map.status == 0, "\(map.stderr)")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("realise-map-\(UUID().uuidString).dot")
        try map.stdout.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dot)
        process.arguments = ["-Tplain", file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let plain = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // `graph SCALE WIDTH HEIGHT`: the drawing's size in inches, and the factor `size` scales it by.
        let head = plain.split(separator: "\n").first.map { $0.split(separator: " ").compactMap { Double($0) } } ?? []
        #expect(head.count == 3, "\(plain.prefix(80))")
        guard head.count == 3 else { return }
        let (scale, width, height) = (head[0], head[0] * head[1], head[0] * head[2])
        #expect(width <= 11.2 + 0.01 && height <= 7.7 + 0.01, "\(width) × \(height) in")
        #expect(width >= 7 || height >= 5, "the page is used: \(width) × \(height) in")
        // 10 pt labels print no smaller than 6 pt.
        #expect(scale >= 0.6, "scale \(scale)")
    }
}
