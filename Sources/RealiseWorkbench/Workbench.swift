import RealiseModel
import RealiseStore

/// The use-cases of a benefits-realisation workbench over one workspace: load the gap report as of a day, record a
/// review with its measurements, import plan files, show an entity with its reviews and history, and the rest.
/// The command line and any other front end (a web server) call these, so that each does exactly the same thing;
/// they parse their input into plain values (ids, days, paths, an actor) and present what comes back.
///
/// Every use-case throws only `WorkbenchError`.
public struct Workbench: Sendable {
    /// The workspace the use-cases read and write.
    public let workspace: Workspace

    /// The use-cases over `workspace`.
    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// The workspace at `address` (a file path or a PostgreSQL URL), its changes recorded as made by `actor` (the
    /// default actor when nil); `create` makes or migrates it when missing.
    public static func open(_ address: String, actor: String? = nil, create: Bool = false) throws(WorkbenchError) -> Workbench {
        do { return Workbench(workspace: try Workspace(path: address, create: create, actor: actor)) } catch { throw .store(error) }
    }

    /// The workspace at `address`, or nil when there is none there yet.
    public static func openIfExists(_ address: String, actor: String? = nil) throws(WorkbenchError) -> Workbench? {
        do { return Workbench(workspace: try Workspace(path: address, create: false, actor: actor)) } catch .missingWorkspace {
            return nil
        } catch { throw .store(error) }
    }

    /// A throw-away workspace in memory: nothing it holds is kept.
    public static func inMemory(actor: String? = nil) throws(WorkbenchError) -> Workbench {
        Workbench(workspace: try Workspace.emptyInMemory(actor: actor))
    }

    /// The plans of `files` read into a throw-away in-memory workspace, validated as an import validates them: a plan
    /// to report on without touching any workspace ("lint my plan").
    public static func reading(_ files: PlanFiles) throws(WorkbenchError) -> Workbench {
        let workbench = try inMemory()
        _ = try workbench.importFiles(files)
        return workbench
    }

    /// Whether the workspace is a PostgreSQL schema (one connection per concurrent user of it) rather than a SQLite file.
    public var isShared: Bool { workspace.isShared }

    /// Where the workspace lives: a file path, `:memory:`, or a PostgreSQL URL without its password.
    public var address: String { workspace.path }

    /// Runs `body` against the store, turning its errors into `WorkbenchError`s.
    func store<T>(_ body: (Workspace) throws(StoreError) -> T) throws(WorkbenchError) -> T {
        do { return try body(workspace) } catch { throw .store(error) }
    }
}

extension Workspace {
    /// A throw-away, empty workspace in memory.
    public static func emptyInMemory(actor: String? = nil) throws(WorkbenchError) -> Workspace {
        do { return try Workspace(actor: actor) } catch { throw .store(error) }
    }
}
