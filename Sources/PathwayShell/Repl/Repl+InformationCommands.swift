import Foundation
import PathwayCore

extension Repl {
    /// Commands that show where the learner stands.
    static var informationCommands: [Command] {
        [
            Command("help", aliases: ["?"], usage: "help [command]", summary: "list the commands, or explain one",
                    arguments: { repl in repl.commands.map(\.name) }, run: { repl, args in repl.help(args) }),
            Command("path", usage: "path [choose ID]", summary: "show the career path: tracks, modules and what is unlocked; path choose ID follows another path",
                    arguments: { repl in ["choose"] + repl.tutor.library.paths.map(\.id) }, run: { repl, args in
                        if args.first == "choose" { repl.choosePath(Array(args.dropFirst())) } else { repl.showPath() }
                    }),
            Command("paths", summary: "list the career paths the installed packs offer",
                    run: { repl, _ in repl.listPaths() }),
            Command("list", aliases: ["ls"], usage: "list [module]", summary: "list modules with their status, or a module's lessons",
                    arguments: { $0.moduleIDs() }, run: { repl, args in repl.list(args) }),
            Command("progress", summary: "summarise your progress: lessons, answers, time, portfolio",
                    run: { repl, _ in repl.showProgress() }),
        ]
    }

    func help(_ args: [String]) {
        if let name = args.first {
            guard let command = command(named: name.lowercased()) else {
                out.line("No command '\(TerminalSafeText.sanitize(name))'. Type help for the list.")
                return
            }
            out.line(style.bold(command.usage) + " — " + command.summary)
            if !command.aliases.isEmpty { out.line("Also: " + command.aliases.joined(separator: ", ")) }
            if !command.detail.isEmpty { out.line(markdown.render(command.detail)) }
            return
        }
        out.line(style.bold("Commands"))
        let width = commands.map(\.usage.count).max() ?? 0
        for command in commands {
            out.line("  " + command.usage.padded(to: width + 2) + command.summary)
        }
        out.line()
        out.line(markdown.render("In a lesson, type your answer at the `answer>` prompt: a letter (`b`), letters for select-all questions (`a,c`), `true`/`false`, a word, or a number. Start a line with `\\` to send a word such as `next` as an answer. Tab completes commands and ids; Ctrl-C clears the line; Ctrl-D or `quit` leaves (progress is saved after every answer)."))
    }

    func symbol(_ state: PathOverview.State) -> String {
        switch state {
        case .mastered: return style.green("★")
        case .testedOut: return style.cyan("⇥")
        case .completed: return style.green("✓")
        case .inProgress: return style.yellow("▸")
        case .available: return "○"
        case .locked: return style.dim("·")
        }
    }

    func describe(_ state: PathOverview.State) -> String {
        switch state {
        case .mastered: return "mastered"
        case .testedOut: return "tested out"
        case .completed: return "completed"
        case .inProgress: return "in progress"
        case .available: return "available"
        case let .locked(reason): return "locked: \(reason)"
        }
    }

    func listPaths() {
        let paths = tutor.library.paths
        guard !paths.isEmpty else {
            out.line("No career path is installed; every module is open.")
            return
        }
        let chosen = tutor.library.chosenPath(for: tutor.progress)?.id
        for path in paths {
            let mark = path.id == chosen ? style.green("▸ ") : "  "
            out.line(mark + style.bold(path.id) + "  \(path.title)" + style.dim("  \(Plural.count(path.tracks.count, "track")) · \(path.file)"))
        }
        out.line(style.dim("Type path choose ID to follow another path; your answers are kept whichever path you follow."))
    }

    func choosePath(_ args: [String]) {
        guard let id = args.first else {
            out.line("Usage: path choose ID. Type paths to see the ids.")
            return
        }
        guard tutor.choosePath(id) else {
            out.line("No path '\(TerminalSafeText.sanitize(id))'. Type paths to see the ids.")
            return
        }
        out.line("You now follow '\(tutor.library.path(id: id)?.title ?? id)'. Type path to see it.")
    }

    private func showPath() {
        out.batch(showPathLines)
    }

    private func showPathLines() {
        let (overview, others) = PathOverview.listing(library: tutor.library, progress: tutor.progress)
        if tutor.library.paths.isEmpty { out.line("No career path is installed; every module is open. Type list to see them.") }
        for path in tutor.library.chosenPath(for: tutor.progress).map({ [$0] }) ?? [] {
            out.line(style.bold(path.title))
            if let description = path.description { out.line(markdown.render(description)) }
            for (number, track) in overview.tracks.filter({ $0.path.id == path.id }).enumerated() {
                let done = track.modules.reduce(0) { $0 + $1.lessonsCompleted }
                let total = track.modules.reduce(0) { $0 + $1.lessonsTotal }
                let state = track.isCompleted ? "completed" : track.isLocked ? "locked" : done > 0 ? "in progress" : "open"
                out.line()
                out.line(style.bold("\(number + 1). \(track.track.title)") + style.dim("  \(state), \(done)/\(Plural.count(total, "lesson"))"))
                if !track.track.requires.isEmpty {
                    let titles = track.track.requires.map { id in path.tracks.first { $0.id == id }?.title ?? id }
                    out.line(style.dim("   after: " + titles.joined(separator: ", ")))
                }
                for status in track.modules { out.line(moduleLine(status)) }
            }
        }
        if !others.isEmpty {
            out.line()
            out.line(style.bold("Other packs"))
            for other in others { out.line(moduleLine(other)) }
        }
    }

    func moduleLine(_ status: PathOverview.ModuleStatus) -> String {
        moduleLine(id: status.module.id, title: status.module.title, state: status.state, done: status.lessonsCompleted,
                   total: status.lessonsTotal, score: status.masteryScore)
    }

    func moduleLine(_ other: PathOverview.OtherModule) -> String {
        switch other {
        case let .status(status): moduleLine(status)
        case let .notBegun(_, module): moduleLine(id: module.id, title: module.title, state: .available, done: 0, total: module.lessons.count, score: 0)
        }
    }

    private func moduleLine(id: String, title: String, state: PathOverview.State, done: Int, total: Int, score: Double) -> String {
        var line = "   \(symbol(state)) \(id.padded(to: max(id.count, 20))) \(TerminalSafeText.sanitize(title))"
        line += style.dim("  \(done)/\(total)")
        if state.isDone { line += style.dim("  \(describe(state)), score \(Int((score * 100).rounded()))%") }
        if case let .locked(reason) = state { line += style.dim("  (locked: \(reason))") }
        return line
    }

    private func list(_ args: [String]) {
        if let reference = args.first {
            let matches = tutor.library.modules(matching: reference)
            guard let (pack, module) = matches.first else {
                out.line("No module '\(TerminalSafeText.sanitize(reference))'. Type list to see module ids.")
                return
            }
            out.line(style.bold(module.title) + style.dim("  (\(pack.id)/\(module.id))"))
            if let summary = module.summary { out.line(markdown.render(summary)) }
            for lesson in module.lessons {
                let record = tutor.progress.lessons[.lesson(pack, lesson)]
                let state: PathOverview.State = record?.completed == true ? .completed : record != nil ? .inProgress : .available
                let minutes = lesson.minutes.map { " · \($0) min" } ?? ""
                out.line("   \(symbol(state)) \(lesson.id.padded(to: max(lesson.id.count, 24))) \(TerminalSafeText.sanitize(lesson.title))"
                         + style.dim("  \(Plural.count(lesson.questionCount, "question"))\(minutes)"))
            }
            return
        }
        let (overview, others) = PathOverview.listing(library: tutor.library, progress: tutor.progress)
        out.batch {
            var currentPack = ""
            for other in overview.tracks.flatMap(\.modules).map(PathOverview.OtherModule.status) + others {
                if other.pack.id != currentPack {
                    currentPack = other.pack.id
                    out.line(style.bold(other.pack.title) + style.dim("  (\(other.pack.id) \(other.pack.version))"))
                }
                out.line(moduleLine(other))
            }
            out.line(style.dim("Type start <id> to open a module, or list <module> to see its lessons."))
        }
    }

    private func showProgress() {
        let progress = tutor.progress
        let overview = PathOverview.tracks(library: tutor.library, progress: progress)
        let (lessonsDone, lessonsTotal) = overview.lessonTotals(library: tutor.library, progress: progress)
        // Totals from the packs' heads; the outlines of a pack are read only to match the
        // learner's records in it (no lesson is decoded).
        let packs = tutor.library.packs
        let questionTotal = packs.reduce(0) { $0 + $1.head.counts.questions }
        func keys(_ kind: StepOutline.Kind, in recorded: Set<String>) -> Set<ProgressKey> {
            Set(packs.filter { recorded.contains($0.id) }.flatMap { pack in
                pack.lessons.flatMap { $0.lesson.outline.compactMap { $0.kind == kind ? $0.key.map { ProgressKey(pack: pack.id, id: $0) } : nil } }
            })
        }
        let questionKeys = keys(.question, in: Set(progress.items.keys.map(\.pack)))
        let records = progress.items.filter { questionKeys.contains($0.key) }.values
        let answered = records.filter { !$0.attempts.isEmpty }
        let right = answered.filter(\.answeredCorrectly).count
        let firstTry = answered.filter(\.firstTryCorrect).count
        let skipped = records.filter { $0.skipped && !$0.answeredCorrectly }.count
        let minutes = Int((records.reduce(0) { $0 + $1.secondsSpent } / 60).rounded())
        let reflectionTotal = packs.reduce(0) { $0 + $1.head.counts.reflections }
        let written = keys(.reflection, in: Set(progress.reflections.keys.map(\.pack))).filter { progress.reflections[$0] != nil }.count

        out.line(style.bold("Progress") + style.dim("  (profile \(progress.profile))"))
        out.line("  Lessons     \(lessonsDone) of \(lessonsTotal) completed")
        out.line("  Questions   \(answered.count) of \(questionTotal) answered: \(right) right, \(firstTry) on the first try" + (skipped > 0 ? ", \(skipped) skipped" : ""))
        out.line("  Time        \(minutes) min on questions")
        out.line("  Portfolio   \(written) of \(Plural.count(reflectionTotal, "piece")) written")
        if !overview.tracks.isEmpty {
            out.line()
            for track in overview.tracks {
                let done = track.modules.reduce(0) { $0 + $1.lessonsCompleted }
                let total = max(track.modules.reduce(0) { $0 + $1.lessonsTotal }, 1)
                let bar = bar(Double(done) / Double(total))
                out.line("  " + track.track.title.padded(to: 34) + bar + " \(done)/\(total)")
            }
        }
    }
}
