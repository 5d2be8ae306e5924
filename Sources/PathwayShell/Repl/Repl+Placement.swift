import PathwayCore

extension Repl {
    /// `placement [track]`: test out of modules you already know.
    static var placementCommands: [Command] {
        [Command("placement", usage: "placement [track]", summary: "a short quiz per module of a track; modules you pass are marked tested out",
                 detail: "Each module is tested with three apply-level items (at least one you type rather than pick). All three right tests the module out; exactly two right brings two more items, and both right tests it out. A module tested out unlocks what follows and stays open to study. Taken once per track and pack version; your lesson answers are never changed.",
                 arguments: { repl in repl.tutor.placementTracks.map(\.id) }, run: { repl, args in repl.beginPlacement(args.first) })]
    }

    func beginPlacement(_ track: String?) {
        if tutor.active != nil { tutor.leave() }
        if tutor.review != nil { tutor.endReview() }
        switch tutor.beginPlacement(track: track) {
        case let .unknownTrack(known):
            out.line(known.isEmpty ? "No career path with tracks is installed, so there is nothing to place you in."
                                   : "No track '\(TerminalSafeText.sanitize(track ?? ""))' on your path. Tracks: \(known.joined(separator: ", ")).")
        case let .alreadyTaken(version):
            out.line("You have taken the placement quiz for this track on version \(version) of its pack; it can be taken once per version.")
        case .noItems:
            out.line("No module of this track has enough apply-level items for a fair placement (at least 3, one not multiple choice).")
        case let .started(items, modules):
            let title = tutor.placement?.trackTitle ?? ""
            out.line(style.bold("Placement: \(title)") + style.dim("  \(Plural.count(items, "question")) over \(Plural.count(modules, "module")) (two more on a module with one wrong), one try each"))
            out.line(style.dim("Modules you pass are marked tested out. Your lesson answers are not touched. skip counts as not known; any other command leaves."))
            showPlacementQuestion()
        }
    }

    func showPlacementQuestion() {
        guard let state = tutor.placement, let item = state.current, let presentation = tutor.placementPresentation() else { return }
        references = state.pack.manifest.referencesByKey
        out.line()
        out.line(style.cyan("Placement \(state.index + 1) of \(state.items.count)") + style.dim(" · \(item.module.title) · \(type(of: item.question).displayName)"))
        showPrompt(of: item.question, presentation: presentation, footer: false)
        out.line(style.dim(item.question.answerInstructions(for: presentation) + "  Or: skip."))
    }

    func respondInPlacement(_ text: String) {
        guard !text.isEmpty else {
            showPlacementQuestion()
            return
        }
        showPlacementOutcome(tutor.answerPlacement(text))
    }

    func showPlacementOutcome(_ outcome: Tutor.PlacementOutcome) {
        switch outcome {
        case let .malformed(message):
            out.line(message)
        case let .answered(correct):
            out.line(style.dim(correct ? "Recorded." : "Recorded (not right)."))
            showPlacementQuestion()
        case let .followUp(correct, module, items):
            out.line(style.dim(correct ? "Recorded." : "Recorded (not right)."))
            out.line("Two of three right on \(module): \(items) more questions decide it (both right tests it out).")
            showPlacementQuestion()
        case let .finished(results):
            out.line()
            out.line(style.bold("Placement results"))
            for result in results {
                let verdict = switch result.verdict {
                case .testedOut: style.cyan("tested out")
                case .toStudy: "to study"
                case .undecided: "to study (undecided)"
                }
                out.line("  \(verdict)  \(result.title)" + style.dim("  \(Int((result.score * 100).rounded()))%"))
            }
            let undecided = results.filter { $0.verdict == .undecided }.map(\.title)
            if !undecided.isEmpty {
                out.line("Two of three were right on \(undecided.joined(separator: ", ")), but the pack has too few further questions to decide, "
                         + "so \(Plural.noun(undecided.count, "it is", "they are")) not tested out; study \(Plural.noun(undecided.count, "it", "them")), or skim the lessons and answer their questions.")
            }
            let passed = results.filter(\.testedOut).count
            out.line(passed == 0 ? "No module was tested out; start with the first lesson (type next)."
                     : "\(Plural.count(passed, "module is", "modules are")) marked tested out: what follows is unlocked, and they stay open to study. Type path to see.")
        }
    }
}
