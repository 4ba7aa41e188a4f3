/// One file (or group of files) to import as one unit: where it is, what it is, its fingerprint, and how to
/// read it into a `PlanSink`. Nothing is read until the workspace asks, inside its import transaction, so a
/// file is streamed into the workspace rather than held in memory.
public struct ImportedFile: Sendable {
    /// Reads the file into the sink and returns the warnings about values imported anyway; throws
    /// (typically a `LocatedProblems`) when the file cannot be imported.
    public typealias Reader = @Sendable (any PlanSink) throws -> [Diagnostic]

    /// The path as the user gave it (or as found under a folder they gave). For files read together as one
    /// unit (a group of `results-csv` tables) the path of their folder with a trailing `/`.
    public var path: String
    /// The format id that reads it (`realise-xml`, `register-csv`, …).
    public var format: String
    /// The format whose files are yearly editions of one portfolio (GMPP returns): a later year's return is the
    /// earlier one's new version, and an earlier year's goes into history behind a later one.
    public static let yearlyEditionFormat = "gmpp-csv"
    /// SHA-256 of the file's bytes, hex; an unchanged file is recognised by it. For a group, a hash over
    /// every member's name and hash, so a change to any of them is a change to the group.
    public var sha256: String
    /// The files the import reads: `[path]` for one file, every member of a group otherwise. Entities,
    /// values and links keep the path of the member that states them (so findings point at the right table
    /// and line); the workspace scopes withdrawal of what disappeared to these paths.
    public var parts: [String]
    /// The unit's name as a source of the workspace: its path under the folder given to the import, or its file name
    /// when it was given by itself (a group: its folder's, with a trailing `/`). The same file imported by another
    /// path, from another folder or on another machine has the same name, and so is the same source. Defaults to `path`.
    public var source: String
    /// The source names of `parts`, in their order.
    public var sourceParts: [String]
    /// Reads the content.
    public var read: Reader

    public init(path: String, format: String, sha256: String, parts: [String]? = nil, read: @escaping Reader) {
        self.path = path
        self.format = format
        self.sha256 = sha256
        self.parts = parts ?? [path]
        self.source = path
        self.sourceParts = parts ?? [path]
        self.read = read
    }

    /// The unit named as a source `source`, its parts `sourceParts` (by default: a single file's, `source`; a group's,
    /// as they are).
    public func named(_ source: String, parts sourceParts: [String]? = nil) -> ImportedFile {
        var named = self
        named.source = source
        named.sourceParts = sourceParts ?? (parts == [path] ? [source] : parts)
        return named
    }

    /// A unit whose content is already in memory (tests, and callers that built the plan themselves).
    public init(path: String, format: String, sha256: String, plan: Plan, warnings: [Diagnostic] = [], parts: [String]? = nil) {
        self.init(path: path, format: format, sha256: sha256, parts: parts) { sink in
            sink.take(plan)
            return warnings
        }
    }

    /// Reads the whole content into memory.
    public func load() throws -> LoadedFile {
        let collector = PlanCollector()
        let warnings = try read(collector)
        var loaded = LoadedFile(path: path, format: format, sha256: sha256, parts: parts, plan: collector.plan, warnings: warnings)
        loaded.source = source
        loaded.sourceParts = sourceParts
        loaded.versionDate = collector.versionDate
        return loaded
    }
}

/// A file read whole into memory: for checking what a file yields (tests, tools). An import streams
/// `ImportedFile`s instead.
public struct LoadedFile: Sendable {
    public var path: String
    public var format: String
    public var sha256: String
    public var parts: [String]
    public var plan: Plan
    /// Questionable values that were read anyway.
    public var warnings: [Diagnostic]
    /// See `ImportedFile.source` and `sourceParts`.
    public var source: String
    public var sourceParts: [String]
    /// The day the file says this version of it was made, when it says (see `PlanSink.dated(_:)`).
    public var versionDate: Day?

    public init(path: String, format: String, sha256: String, parts: [String], plan: Plan, warnings: [Diagnostic]) {
        self.path = path
        self.format = format
        self.sha256 = sha256
        self.parts = parts
        self.plan = plan
        self.warnings = warnings
        self.source = path
        self.sourceParts = parts
    }

    /// The file as an import unit that hands over the plan held here.
    public var unit: ImportedFile {
        let (plan, warnings, versionDate) = (plan, warnings, versionDate)
        return ImportedFile(path: path, format: format, sha256: sha256, parts: parts) { sink in
            if let versionDate { sink.dated(versionDate) }
            sink.take(plan)
            return warnings
        }.named(source, parts: sourceParts)
    }
}

extension Plan {
    /// A plan and the warnings about values that were imported anyway.
    public typealias WithWarnings = (plan: Plan, warnings: [Diagnostic])
}
