import RealiseGaps
import RealiseModel

extension SVGTrajectoryChart {
    /// The trajectory a metric's baseline and targets made on an earlier day (`GapReport.earlierTrajectories`): drawn
    /// dashed beneath today's, so that a board sees what was promised then beside what is promised now.
    struct Earlier {
        /// The day the plan stated it (a gap report's "since" day).
        let day: Day
        let trajectory: Trajectory

        /// The trajectory's points, held at its final target up to `end`, as today's is.
        func path(to end: Day) -> [(day: Day, value: Double)] {
            var path = trajectory.points.map { (day: $0.date, value: $0.value) }
            if let last = path.last, last.day < end { path.append((end, last.value)) }
            return path
        }

        /// What the legend calls it.
        var label: String { "Trajectory on \(day)" }

        /// The dashed line, with its points in a tooltip in the metric's units (`text`).
        func render(_ scale: Scale, text: (Double) -> String) -> String {
            let points = path(to: scale.x1).enumerated().map { index, point in
                "\(index == 0 ? "M" : "L")\(HTMLText.coordinate(scale.x(point.day))),\(HTMLText.coordinate(scale.y(point.value)))"
            }
            let stated = trajectory.points.map { "\(text($0.value)) (\($0.date))" }.joined(separator: " → ")
            return "<path d=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(SVGTrajectoryChart.line)\" stroke-width=\"1.8\" "
                + "stroke-dasharray=\"7 4\"><title>\(HTMLText.escape("\(label): \(stated)"))</title></path>\n"
        }

        /// The legend's mark: a short dashed line.
        static var mark: String {
            "<line x1=\"0\" x2=\"18\" y1=\"0\" y2=\"0\" stroke=\"\(SVGTrajectoryChart.line)\" stroke-width=\"1.8\" stroke-dasharray=\"5 3\"/>"
        }
    }
}
