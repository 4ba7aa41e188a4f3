import RealiseModel

/// The key along the top of a trajectory chart.
extension SVGTrajectoryChart {
    /// The height a second row of the key adds to the chart.
    static let legendRow = 16.0

    /// The key, listing only what the chart shows, in as many rows as it needs to stay within the chart's width.
    func legend() -> (svg: String, rows: Int) {
        var items: [(String, String)] = []
        if trajectory != nil {
            items.append(("<line x1=\"0\" x2=\"18\" y1=\"0\" y2=\"0\" stroke=\"\(Self.line)\" stroke-width=\"2\"/>", "Target trajectory"))
        }
        if let earlier { items.append((Earlier.mark, earlier.label)) }
        if trajectory != nil {
            items.append(("<rect x=\"0\" y=\"-6\" width=\"18\" height=\"12\" fill=\"\(Self.line)\" fill-opacity=\"0.16\"/>", "Tolerance"))
        }
        if !baselines.isEmpty { items.append(("<rect x=\"4.5\" y=\"-4.5\" width=\"9\" height=\"9\" fill=\"#ffffff\" stroke=\"\(Self.ink)\" stroke-width=\"2\"/>", "Baseline")) }
        if dots.contains(where: { !$0.off }) { items.append(("<circle cx=\"9\" cy=\"0\" r=\"4.5\" fill=\"\(Self.dot)\"/>", "Measurement")) }
        if dots.contains(where: \.off) {
            items.append(("<path d=\"M9,-7 L16,0 L9,7 L2,0 Z\" fill=\"\(Self.off)\"/>", "Off trajectory"))
        }
        var out = "<g font-size=\"11\" fill=\"\(Self.ink)\">\n", x = Self.left, y = 16.0, rows = 1
        for (mark, text) in items {
            // The text's width is estimated at 6 units a character, as wide as the labels of this font size run.
            let width = 24 + Double(text.count) * 6
            if x > Self.left, x + width > Self.width - 8 { x = Self.left; y += Self.legendRow; rows += 1 }
            out += "<g transform=\"translate(\(HTMLText.coordinate(x)) \(HTMLText.coordinate(y)))\">\(mark)<text x=\"24\" y=\"4\">\(text)</text></g>\n"
            x += width + 18
        }
        return (out + "</g>\n", rows)
    }
}
