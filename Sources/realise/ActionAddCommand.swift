import ArgumentParser
import Foundation
import RealiseGaps
import RealiseWorkbench

/// `realise action add FINDING-KEY|ENTITY-ID --owner … --due …`.
struct ActionAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Record an action agreed on a finding (its key, as the gap report shows it) or on an entity.",
        discussion: """
            The target is a finding key, RULE:ID (`missing-owner:MET-04`), or an entity id (`BEN-04`): an action on an \
            entity concerns all of its findings. The gap report shows each finding's open actions, and the \
            action-overdue rule finds those past their due date. A finding that goes away closes nothing: close the \
            action with `realise action close N --note …`.
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("The finding key (RULE:ID) or entity id the action is about.", valueName: "finding-key|entity-id"))
    var target: String

    @Option(help: "Who will do it.")
    var owner: String

    @Option(help: ArgumentHelp("When it is due, YYYY-MM-DD.", valueName: "date"))
    var due: String

    @Option(help: "What was agreed.")
    var note: String?

    @Option(help: ArgumentHelp("The day it was agreed, YYYY-MM-DD (default: today).", valueName: "date"))
    var date: String?

    func validate() throws {
        guard !owner.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--owner must name someone") }
    }

    func run() throws {
        try reporting {
            // A target that is none is the first thing to say, before the days and the workspace.
            _ = try ActionTarget(target)
            let agreed = try DayArgument.parse(date, option: "--date"), dueDay = try DayArgument.parse(due, option: "--due")
            guard dueDay >= agreed else {
                throw Failure(lines: ["--due \(dueDay) is before the day the action was agreed (\(agreed)); give a later --due"], code: 64)
            }
            let stored = try workspace.open(create: false).addAction(on: target, owner: owner, due: dueDay, note: note, agreed: agreed)
            Output.print("recorded action #\(stored.id) on \(stored.target.escapingControls): owner \(owner.escapingControls), due \(dueDay)\n")
        }
    }
}
