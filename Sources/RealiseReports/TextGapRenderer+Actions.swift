import RealiseGaps
import RealiseModel

/// The text report's actions: those open, with where each stands, and those closed since the last review.
extension TextGapRenderer {
    func actionSection(_ actions: ActionStandings, asOf: Day) -> String {
        guard !actions.isEmpty else { return "" }
        var out = "\n" + bold("Actions") + " (\(actions.open.count) open, "
            + "\(actions.closedSinceReview.count) closed since the last review)\n"
        for open in actions.open {
            let action = open.action
            out += "  #\(action.id) \(action.target.escapingControls) · owner \(action.owner.escapingControls) · due \(action.due) · "
                + ActionWording.standing(open) + "\n"
            if let note = action.opened.note { out += "    agreed \(action.opened.on): \(TextGapRenderer.clip(note, 100))\n" }
        }
        for action in actions.closedSinceReview {
            out += "  #\(action.id) \(action.target.escapingControls) · owner \(action.owner.escapingControls) · "
                + "closed \(action.closed!.on) by \(action.closed!.by.escapingControls)"
                + (action.closed?.note.map { ": " + TextGapRenderer.clip($0, 100) } ?? "") + "\n"
        }
        return out
    }
}
