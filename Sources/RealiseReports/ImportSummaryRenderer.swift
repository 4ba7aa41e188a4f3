import RealiseModel

/// The summary `realise import` prints: a line per file in text, or the documented JSON
/// `{"files": [{"path", "format", "counts", "warnings"}], "totals"}` — exactly the keys of the contract (whether a
/// file was imported, unchanged or only checked is said in the text summary).
public struct ImportSummaryRenderer: Sendable {
    /// One file's result as the renderer needs it.
    public struct File: Sendable {
        public var path: String
        public var format: String
        public var status: String
        public var counts: ImportCounts
        public var warnings: [Diagnostic]
        /// The sources the file took over as their new version, and how many things the import withdrew from them
        /// and from the file's own last version (shown in the text summary only).
        public var supersedes: [String]
        public var withdrawn: Int
        /// The later GMPP year an earlier one was kept in history behind (text summary only).
        public var behind: String?

        public init(path: String, format: String, status: String, counts: ImportCounts, warnings: [Diagnostic],
                    supersedes: [String] = [], withdrawn: Int = 0, behind: String? = nil) {
            self.behind = behind
            self.path = path
            self.format = format
            self.status = status
            self.counts = counts
            self.warnings = warnings
            self.supersedes = supersedes
            self.withdrawn = withdrawn
        }
    }

    public init() {}

    static func counts(_ counts: ImportCounts) -> JSONValue {
        .object([("objectives", counts.objectives), ("benefits", counts.benefits), ("deliverables", counts.deliverables),
                 ("milestones", counts.milestones), ("metrics", counts.metrics), ("baselines", counts.baselines),
                 ("targets", counts.targets), ("measurements", counts.measurements), ("links", counts.links)]
            .map { ($0.0, JSONValue.number(Double($0.1))) })
    }

    public func json(_ files: [File]) -> String {
        let total = files.map(\.counts).reduce(ImportCounts(), +)
        return JSONValue.object([
            ("files", .array(files.map { file in
                .object([("path", .string(file.path)), ("format", .string(file.format)),
                         ("counts", ImportSummaryRenderer.counts(file.counts)),
                         ("warnings", .array(file.warnings.map { warning in
                             .object([("line", .number(Double(warning.line))), ("column", .number(Double(warning.column))),
                                      ("message", .string(warning.message))])
                         }))])
            })),
            ("totals", ImportSummaryRenderer.counts(total)),
        ]).serialised() + "\n"
    }

    public func text(_ files: [File]) -> String {
        var out = ""
        for file in files {
            out += "\(file.path.escapingControls) (\(file.format)): \(file.status)"
            out += file.status == "unchanged" ? " since its last import\n" : " — \(file.counts.summary)\n"
            if !file.supersedes.isEmpty {
                out += "  new version of \(file.supersedes.joined(separator: ", ").escapingControls): \(file.withdrawn) withdrawn that it no longer has\n"
            }
            if let behind = file.behind {
                out += "  an earlier year than \(behind.escapingControls): kept in history behind it, the current plan unchanged\n"
            }
            // A warning repeated for every row is shown for the first few rows, then counted.
            for group in DiagnosticGroup.groups(file.warnings) {
                for warning in group.shownDiagnostics { out += "  warning: \(warning)\n" }
                if group.hidden > 0 { out += "  warning: … and \(group.hidden) more like these (--format json lists every one)\n" }
            }
        }
        let total = files.map(\.counts).reduce(ImportCounts(), +)
        if files.count > 1 { out += "total: \(total.summary)\n" }
        return out
    }
}
