import Foundation
import RealiseStore

/// A one-line progress bar on standard error, redrawn at most ten times a second so that it costs nothing
/// measurable (see BENCHMARKS.md), and erased when the work is done.
final class ProgressBar {
    private var last: ContinuousClock.Instant?
    private var drawn = false
    static let interval = Duration.milliseconds(100)
    static let width = 30

    /// Whether to draw: `forced` when the user chose (`--progress`/`--no-progress`), else when standard
    /// error is a terminal.
    static func wanted(_ forced: Bool?) -> Bool {
        forced ?? (isatty(STDERR_FILENO) == 1)
    }

    func update(_ progress: ImportProgress) {
        let now = ContinuousClock.now
        if let last, now - last < ProgressBar.interval, progress.done < progress.total { return }
        last = now
        drawn = true
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + ProgressBar.line(progress)).utf8))
    }

    /// Erases the bar.
    func finish() {
        guard drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
        drawn = false
    }

    /// `importing 1/2 plan.xml [###########-------------------]  38%  41,210 items`
    static func line(_ progress: ImportProgress) -> String {
        let filled = Int((progress.fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let percent = String(Int((progress.fraction * 100).rounded(.down)))
        let name = (progress.path as NSString).lastPathComponent.escapingControls
        return "importing \(progress.fileNumber)/\(progress.fileCount) \(name) [\(bar)] "
            + String(repeating: " ", count: max(0, 3 - percent.count)) + percent + "%  "
            + progress.items.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_GB"))) + " items"
    }
}
