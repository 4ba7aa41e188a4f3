import ArgumentParser
import Foundation
import RealiseWorkbench

/// `--db`, shared by every command that touches a workspace.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The workspace: a file, or a PostgreSQL URL postgres://USER@HOST[:PORT]/DATABASE[?schema=NAME] (default: $REALISE_DB, "
            + "else realise.sqlite).", valueName: "path-or-url"))
    var db: String?

    @Option(help: ArgumentHelp("Who the change log records changes as (default: $REALISE_ACTOR, else the login name).", valueName: "name"))
    var actor: String?

    func validate() throws {
        if let actor, actor.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--actor must name someone") }
    }

    /// The workspace's file path or URL: `--db`, then `$REALISE_DB`, then `realise.sqlite` in the current folder.
    var path: String { db ?? ProcessInfo.processInfo.environment["REALISE_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "realise.sqlite" }

    /// The use-cases over the workspace; `create` makes it when missing.
    func open(create: Bool) throws -> Workbench { try WorkspaceOptions.open(path, actor: actor, create: create) }

    /// The use-cases over the workspace at `address` (a file or a PostgreSQL URL), with failures turned into CLI errors.
    static func open(_ address: String, actor: String?, create: Bool) throws -> Workbench {
        do { return try Workbench.open(address, actor: actor, create: create) } catch { throw Failure(error) }
    }

    /// The use-cases over the workspace, or nil when there is none at the address yet.
    func openIfExists() throws -> Workbench? {
        do { return try Workbench.openIfExists(path, actor: actor) } catch { throw Failure(error) }
    }
}
